# Child death reviews on the demo's region: Rotherham's CDOP serves the
# Sheffield partnership too. The command line (add, set, list, show,
# theme add, import, export), bad input refused with the field (and for a
# CSV file the row) named and nothing stored, the CSV round trip, and who
# sees what through pages, the API and the CSV: the public, a member of
# another body, a partner, Rotherham's chair and admin, a panel member,
# and Sheffield's admin (its own children's cases only, on a server of
# its own address); every case read is in the audit log as a 'view'.
. "$(dirname "$0")/lib.sh"

PW="correct horse battery staple"
DB=cd.db
ok "init --demo" --db $DB init --demo
has "the demo says what it holds" "24 organisations"

# --- the demo's region ---
ok "partnerships" --db $DB partnership list
line_has "sheffield is served by Rotherham's CDOP" '^sheffield' "rotherham/CDOP"
ok "the cases" --db $DB child-death list --json
total=$(jq length "$OUT")
[ "$total" -ge 40 ] && pass "the demo has $total cases" || fail "the demo has 40 cases or more" "$total"
json_is "of both partnerships" '[.[].partnership] | unique | join(",")' "rotherham,sheffield"
json_is "over three years" '[.[].died_on[0:4]] | unique | join(",")' "2019,2020,2021"
ok "safe sleeping" --db $DB child-death list --theme safe-sleeping --json
json_is "safe sleeping in both partnerships" '[.[].partnership] | unique | join(",")' "rotherham,sheffield"
ss=$(jq length "$OUT")
[ "$ss" -ge 8 ] && [ "$ss" -le 12 ] && pass "8 to 12 safe-sleeping deaths ($ss)" || fail "8 to 12 safe-sleeping deaths" "$ss"
json_is "safe-sleeping deaths are unexpected" '[.[].expected] | unique | join(",")' "false"
ok "awaiting review" --db $DB child-death list --status awaiting --json
[ "$(jq length "$OUT")" -ge 2 ] && pass "some cases await review" || fail "some cases await review"

# --- the command line ---
ok "record a case" --db $DB child-death add --panel CDOP --of sheffield \
	--reference CDOP-2022-001 --age-band 28-364d --died 2022-02-03 --notified 2022-02-04 \
	--place home --expected no
has "it says so" "recorded CDOP-2022-001"
ok "review it" --db $DB child-death set CDOP-2022-001 --reviewed 2022-09-01 --category 10 \
	--modifiable yes --factor-physical "Baby asleep on a sofa" --themes safe-sleeping \
	--learning "Repeat *safe sleeping* advice at every contact."
ok "show it" --db $DB child-death show CDOP-2022-001 --json
json_is "category" .category 10
json_is "category in words" .category_name "Sudden unexpected, unexplained death"
json_is "its partnership" .partnership sheffield
json_is "factor" '.factors[0].domain' physical_environment
json_is "theme" '.themes | join(",")' safe-sleeping
ok "a theme of the panel's own" --db $DB child-death theme add CDOP water-safety "Water safety"
ok "use it" --db $DB child-death set CDOP-2022-001 --themes safe-sleeping,water-safety
ok "show in words" --db $DB child-death show CDOP-2022-001
has "the category in words" "category 10: Sudden unexpected, unexplained death"
has "the theme" "theme: water-safety"
ok "raise an action in the panel's log" --db $DB actions raise CDOP --details "Safe sleeping leaflet in every birth pack" \
	--owners all --on 2022-09-01 --due 2022-12-01
key=$(awk '{print $2}' "$OUT")
ok "link it to the case" --db $DB child-death set CDOP-2022-001 --action "$key"
ok "show the action" --db $DB child-death show CDOP-2022-001 --json
json_is "the case names its action" '.actions | join(",")' "$key"
n_before=$(sqlite3 $DB "SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND entity = 'child_death'")
[ "$n_before" -ge 3 ] && pass "show is in the audit log as a view" || fail "show is in the audit log as a view" "$n_before"

# Bad input: the field named, nothing stored.
before=$(fingerprint $DB)
fails "a category outside 1-10" 1 "category: 11 is not a category of death (1-10)" \
	--db $DB child-death set CDOP-2022-001 --category 11
fails "reviewed before the death" 1 "date reviewed by the panel 2022-01-01 is before the date of death" \
	--db $DB child-death set CDOP-2022-001 --reviewed 2022-01-01
fails "notified before the death" 1 "date notified 2022-01-01 is before the date of death" \
	--db $DB child-death set CDOP-2022-001 --notified 2022-01-01
fails "a name in a reference" 1 "looks like a name" \
	--db $DB child-death add --panel CDOP --reference Jayden-Smith-1 --age-band 1-4 --died 2022-01-01 --expected no
fails "a date of birth in a reference" 1 "could be a date of birth" \
	--db $DB child-death add --panel CDOP --reference CDOP-12/03/2019 --age-band 1-4 --died 2022-01-01 --expected no
fails "a reference used already" 1 "already used" \
	--db $DB child-death add --panel CDOP --reference CDOP-2022-001 --age-band 1-4 --died 2022-01-01 --expected no
fails "modifiable yes needs a domain" 1 "needs at least one domain" \
	--db $DB child-death add --panel CDOP --reference CDOP-2022-002 --age-band 1-4 --died 2022-01-01 \
	--expected no --reviewed 2022-06-01 --category 5 --modifiable yes
fails "a meeting of another body is not the panel's" 1 "panel meeting: not a meeting of the panel" \
	--db $DB child-death set CDOP-2022-001 --panel-meeting RLSCB/2014-12-04
fails "expected or not must be said" 2 "--expected yes or no is required" \
	--db $DB child-death add --panel CDOP --reference CDOP-2022-004 --age-band 1-4 --died 2022-01-01
fails "a partnership the panel does not serve" 1 "does not serve" \
	--db $DB child-death add --panel RSCP-CPRP --of sheffield --reference CDOP-2022-003 --age-band 1-4 \
	--died 2022-01-01 --expected no
fails "a theme the panel lacks" 1 "not one of the panel's themes" \
	--db $DB child-death set CDOP-2022-001 --themes no-such-theme
[ "$(fingerprint $DB)" = "$before" ] && pass "nothing stored by the refusals" || fail "nothing stored by the refusals"

# --- CSV ---
ok "export" --db $DB child-death export
cp "$OUT" all.csv
head -1 all.csv | grep -q '^case_reference,partnership,age_band,date_of_death,date_notified,place_of_death,expected,' \
	&& pass "the header names the documented columns" || fail "the header names the documented columns"
rows=$(($(grep -c $'\r$' all.csv) - 1))
[ "$rows" -eq $((total + 1)) ] && pass "one row a case ($rows)" || fail "one row a case" "$rows rows for $((total + 1)) cases"
ok "export a year" --db $DB child-death export --from 2020-01-01 --to 2020-12-31
awk -F, 'NR > 1 && $4 !~ /^2020-/' "$OUT" | grep -q . && fail "the period's deaths only" || pass "the period's deaths only"
# Round trip into a fresh database with the same region.
ok "a second demo" --db two.db init --demo
sqlite3 two.db "DELETE FROM child_death_theme; DELETE FROM child_death_factor; DELETE FROM child_death_action; DELETE FROM child_death;"
grep -v '^CDOP-2022-001,' all.csv >back.csv
ok "import the export" --db two.db child-death import back.csv --panel CDOP
has "it counts" "imported $total cases"
ok "export again" --db two.db child-death export
cmp -s "$OUT" back.csv && pass "the round trip gives the same file" || fail "the round trip gives the same file" "$(diff "$OUT" back.csv | head -3)"

# The interchange documents: each partnership's holds its own children's
# cases; Sheffield's name their panel's partnership. Loaded Rotherham
# first, the region comes back whole.
ok "dump Rotherham" --db $DB dump --output roth.json
ok "dump Sheffield" --db $DB --partnership sheffield dump --output sheff.json
jq -e '[.child_deaths[] | select(has("panel_partnership"))] | length == 0' roth.json >/dev/null &&
	pass "Rotherham's document holds its own children's cases" || fail "Rotherham's document holds its own children's cases"
jq -e '[.child_deaths[].panel_partnership] | unique == ["rotherham"]' sheff.json >/dev/null &&
	pass "Sheffield's name Rotherham's panel" || fail "Sheffield's name Rotherham's panel"
ok "Rotherham's document into a new database" --db three.db load roth.json
fails "Sheffield's own needs Rotherham's panel there" 1 "panel_partnership" --db four.db load sheff.json
ok "then Sheffield's" --db three.db load sheff.json
ok "the region back" --db three.db --partnership rotherham child-death list --json
[ "$(jq length "$OUT")" = "$(($(jq '.child_deaths | length' roth.json) + $(jq '.child_deaths | length' sheff.json)))" ] &&
	pass "every case back" || fail "every case back"
ok "dump Sheffield again" --db three.db --partnership sheffield dump --output sheff2.json
cmp -s sheff.json sheff2.json && pass "Sheffield's document is the same again" || fail "Sheffield's document is the same again"

# Bad files: each refused naming the row and column, nothing stored.
hdr=$(head -1 back.csv | tr -d '\r')
row() { printf '%s\r\n' "$hdr"; printf '%s\r\n' "$@"; }
good='CDOP-2023-001,rotherham,0-27d,2023-01-05,2023-01-06,hospital,yes,,,,,,,,,,,'
row "$good" 'CDOP-2023-002,sheffield,1-4,2023-01-05,2023-01-06,home,no,,,2023-06-01,11,no,,,,,,' >bad-category.csv
row "$good" "$good" >dup-file.csv
row 'CDOP-2019-001,rotherham,0-27d,2019-01-05,2019-01-06,hospital,yes,,,,,,,,,,,' >dup-stored.csv
row "$good" 'Jayden-Smith,rotherham,0-27d,2023-01-05,2023-01-06,hospital,yes,,,,,,,,,,,' >name.csv
row "$good" 'CDOP-2023-003,rotherham,0-27d,2023-01-05,2023-01-04,hospital,yes,,,,,,,,,,,' >notified.csv
row "$good" 'CDOP-2023-004,rotherham,0-27d,2023-01-05,2023-01-06,hospital,yes,,,2023-01-01,8,no,,,,,,' >reviewed.csv
printf 'case_reference,age_band,date_of_death\r\nCDOP-2023-005,1-4,2023-01-05\r\n' >missing.csv
{ printf '%s\r\n' "$hdr"; printf '%s\r\n' "$good"; printf 'CDOP-2023-006,rotherham,1-4,2023-01-05,2023-01-06,home,no,,,,,,,,,,,Caf\xe9\r\n'; } >latin1.csv
row "$good" '"CDOP-2023-007,rotherham' >quote.csv
before=$(fingerprint two.db)
fails "a category outside 1-10" 1 "row 3, category: 11 is not a category of death (1-10)" --db two.db child-death import bad-category.csv --panel CDOP
fails "a case twice in the file" 1 "row 3, case_reference: CDOP-2023-001 is given twice" --db two.db child-death import dup-file.csv --panel CDOP
fails "a case stored already" 1 "row 2, case reference CDOP-2019-001 is already used" --db two.db child-death import dup-stored.csv --panel CDOP
fails "a name in a reference" 1 "row 3, case reference" --db two.db child-death import name.csv --panel CDOP
fails "notified before the death" 1 "row 3, date notified 2023-01-04 is before the date of death" --db two.db child-death import notified.csv --panel CDOP
fails "reviewed before the death" 1 "row 3, date reviewed by the panel" --db two.db child-death import reviewed.csv --panel CDOP
fails "a missing column" 1 "row 1: column" --db two.db child-death import missing.csv --panel CDOP
grep -qF "column date_notified is missing" "$ERR" && pass "the missing column is named" || fail "the missing column is named" "$(cat "$ERR")"
fails "not UTF-8" 1 "row 3 is not UTF-8 text" --db two.db child-death import latin1.csv --panel CDOP
fails "a quote left open" 1 "row 3 has a quoted field that is never closed" --db two.db child-death import quote.csv --panel CDOP
[ "$(fingerprint two.db)" = "$before" ] && pass "nothing stored by a bad file" || fail "nothing stored by a bad file"
# A BOM, LF line ends, headers in capitals, quoted fields with commas.
{ printf '\xef\xbb\xbf'; head -1 back.csv | tr -d '\r' | tr 'a-z' 'A-Z'; printf '\n'
  printf 'CDOP-2023-008,sheffield,10-14,2023-02-01,2023-02-02,hospital,no,,,2023-08-01,5,yes,"Asthma, poorly controlled",,,,,"Learning, with ""quotes"""\n'; } >bom.csv
ok "a BOM, LF and quoted commas" --db two.db child-death import bom.csv --panel CDOP
ok "shown as typed" --db two.db child-death show CDOP-2023-008 --json
json_is "quoted comma kept" '.factors[0].description' "Asthma, poorly controlled"
json_is "doubled quotes read" '.learning' 'Learning, with "quotes"'

# --- who sees what ---
add_user() { printf '%s\n' "$PW" | "$MASA" --db $DB "$@" >/dev/null; }
ok "a panel member" --db $DB person add --name "Panel Member Test" --key panel-member
ok "on the panel" --db $DB member add --body CDOP --person panel-member --role member
add_user user add admin --role admin
add_user user add chair --role chair --person steve-ashley
add_user user add member --role member --person sue-cassin
add_user user add police --role partner --person jason-harwin --organisation south-yorkshire-police
add_user user add panel --role member --person panel-member
add_user --partnership sheffield user add sheffadmin --role admin
add_user --partnership sheffield user add sheffchair --role chair --person sheffield-chair
for who in admin chair member police panel; do
	"$MASA" --db $DB token create "$who" --name tests >"tok_$who" 2>/dev/null
done
for who in sheffadmin sheffchair; do
	"$MASA" --db $DB --partnership sheffield token create "$who" --name tests >"tok_$who" 2>/dev/null
done
SHEFF=$(sqlite3 $DB "SELECT COUNT(*) FROM child_death cd JOIN partnership p ON p.id = cd.partnership_id WHERE p.key = 'sheffield'")
ALL=$(sqlite3 $DB "SELECT COUNT(*) FROM child_death")
ROTH=$((ALL - SHEFF))
SREF=$(sqlite3 $DB "SELECT reference FROM child_death cd JOIN partnership p ON p.id = cd.partnership_id WHERE p.key = 'sheffield' ORDER BY cd.id LIMIT 1")
RREF=$(sqlite3 $DB "SELECT reference FROM child_death cd JOIN partnership p ON p.id = cd.partnership_id WHERE p.key = 'rotherham' ORDER BY cd.id LIMIT 1")

start_server $DB --static "$ROOT/build/static"
sign_in admin.jar admin "$PW"
sign_in chair.jar chair "$PW"
sign_in member.jar member "$PW"
sign_in police.jar police "$PW"
sign_in panel.jar panel "$PW"

api() { # WHO PATH [CURL ARGS]: the API as WHO
	local who=$1 path=$2
	shift 2
	req -H "Authorization: Bearer $(cat "tok_$who")" "$@" "$URL$path"
}
# The public and the member of another body: no case, a page saying what they may see.
req "$URL/child-deaths"
code_is "the public: the list page answers" 200
body_has "the public is sent to the dashboard" 'href="/child-deaths/dashboard"'
body_hasnt "the public sees no case" "CDOP-20"
req "$URL/child-deaths/$RREF"
code_is "the public: a case is sent to sign in or not found" 303 404
req "$URL/child-deaths.csv"
code_is "the public: no CSV" 303 404
for who in member police; do
	req -b $who.jar "$URL/child-deaths"
	code_is "$who: the list page" 200
	body_hasnt "$who sees no case" "CDOP-20"
	body_has "$who is told of the dashboard" "/child-deaths/dashboard"
	req -b $who.jar "$URL/child-deaths/$RREF"
	code_is "$who: a case is not found" 404
	body_hasnt "$who: the 404 names nothing of it" "Sudden"
	req -b $who.jar "$URL/child-deaths.csv"
	code_is "$who: no CSV" 404
	api $who /api/v1/child-deaths
	[ "$(jq '.data | length' "$BODY")" = 0 ] && pass "$who: the API lists no case" || fail "$who: the API lists no case"
	api $who "/api/v1/child-deaths/$RREF"
	code_is "$who: the API has no case" 404
done
# Rotherham's chair: Rotherham's children only.
api chair "/api/v1/child-deaths?limit=1000"
[ "$(jq '.data | length' "$BODY")" = "$ROTH" ] && pass "the chair sees Rotherham's $ROTH cases" || fail "the chair sees Rotherham's cases" "$(jq '.data | length' "$BODY")"
json_is_body() { local got; got=$(jq -r "$2" "$BODY"); [ "$got" = "$3" ] && pass "$1" || fail "$1" "got $got"; }
json_is_body "the chair: no Sheffield case" '[.data[].partnership] | unique | join(",")' rotherham
api chair "/api/v1/child-deaths/$SREF"
code_is "the chair: a Sheffield case is not found" 404
# The admin (the panel's home) and the panel member: both partnerships.
for who in admin panel; do
	api $who "/api/v1/child-deaths?limit=1000"
	[ "$(jq '.data | length' "$BODY")" = "$ALL" ] && pass "$who sees all $ALL cases" || fail "$who sees all cases" "$(jq '.data | length' "$BODY")"
	req -b $who.jar "$URL/child-deaths?partnership=sheffield"
	code_is "$who: the list of Sheffield's" 200
	body_has "$who: Sheffield named" "Sheffield Safeguarding Children Partnership"
	req -b $who.jar "$URL/child-deaths/$SREF"
	code_is "$who: a Sheffield case" 200
	body_has "$who: the review form" 'action="/child-deaths/'"$SREF"'/review"'
	req -b $who.jar "$URL/child-deaths.csv"
	code_is "$who: the CSV" 200
	[ $(($(grep -c $'\r$' "$BODY") - 1)) -eq "$ALL" ] && pass "$who: the CSV has every case" || fail "$who: the CSV has every case"
done
# Sheffield's admin and chair, on Sheffield's own address: Sheffield's cases only.
# stop_one: ends the server, and its address with it (else the next start
# could read the last server's address).
stop_one() {
	kill -KILL "$SERVER_PID" 2>/dev/null
	wait "$SERVER_PID" 2>/dev/null
	rm -f serve.out
}
stop_one
# A server of Sheffield's own (masa --partnership sheffield serve).
"$MASA" --db $DB --partnership sheffield serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
SERVER_PID=$!
URL=""
wait_for 30 serve_said_where
[ -n "$URL" ] && pass "Sheffield's server starts" || fail "Sheffield's server starts" "$(head -3 serve.err)"
for who in sheffadmin sheffchair; do
	api $who "/api/v1/child-deaths?limit=1000"
	[ "$(jq '.data | length' "$BODY")" = "$SHEFF" ] && pass "$who sees Sheffield's $SHEFF cases" || fail "$who sees Sheffield's cases" "$(jq '.data | length' "$BODY")"
	json_is_body "$who: no Rotherham case" '[.data[].partnership] | unique | join(",")' sheffield
	api $who "/api/v1/child-deaths/$RREF"
	code_is "$who: a Rotherham case is not found" 404
	api $who "/api/v1/child-deaths/$SREF"
	code_is "$who: a Sheffield case" 200
	api $who "/api/v1/child-deaths/$SREF" -X PATCH -H "Content-Type: application/json" -d '{"category": 3}'
	code_is "$who may not change the panel's case" 403
done
sign_in sheffadmin.jar sheffadmin "$PW"
req -b sheffadmin.jar "$URL/child-deaths/$SREF"
code_is "Sheffield's admin: the case page" 200
body_hasnt "Sheffield's admin: no review form" "/review\""
stop_one
start_server $DB --static "$ROOT/build/static"
for who in admin panel; do sign_in $who.jar $who "$PW"; done

# The API: record and change.
api panel /api/v1/child-deaths -X POST -H "Content-Type: application/json" \
	-d '{"reference": "CDOP-2022-010", "partnership": "sheffield", "age_band": "1-4", "died_on": "2022-03-01", "expected": false, "place": "home"}'
code_is "the panel member records a case through the API" 201
json_is_body "answered with the case" .reference CDOP-2022-010
api panel /api/v1/child-deaths/CDOP-2022-010 -X PATCH -H "Content-Type: application/json" \
	-d '{"reviewed_on": "2022-10-01", "category": 9, "modifiable": "no"}'
code_is "and reviews it" 200
json_is_body "category stored" .category 9
before=$(fingerprint $DB)
api panel /api/v1/child-deaths/CDOP-2022-010 -X PATCH -H "Content-Type: application/json" -d '{"category": 12}'
code_is "a category outside 1-10 through the API" 400
body_has "the API names the field" "category"
api panel /api/v1/child-deaths/CDOP-2022-010 -X PATCH -H "Content-Type: application/json" -d '{"reviewed_on": "2021-01-01"}'
code_is "reviewed before the death through the API" 400
api member /api/v1/child-deaths -X POST -H "Content-Type: application/json" \
	-d '{"reference": "CDOP-2022-011", "age_band": "1-4", "died_on": "2022-03-01", "expected": false}'
code_is "a member of another body records nothing" 403
[ "$(fingerprint $DB)" = "$before" ] && pass "nothing stored by the API's refusals" || fail "nothing stored by the API's refusals"

# The pages' forms.
csrf=$(page_csrf panel.jar /child-deaths/new)
req -b panel.jar "$URL/child-deaths" --data-urlencode "csrf=$csrf" -d panel=CDOP -d reference=CDOP-2022-020 \
	-d partnership=rotherham -d age-band=28-364d -d died-day=4 -d died-month=5 -d died-year=2022 \
	-d notified-day=5 -d notified-month=5 -d notified-year=2022 -d place=home -d expected=no
code_is "record a death from the page" 303
header_has "to the case" "location: /child-deaths/CDOP-2022-020"
req -b panel.jar "$URL/child-deaths" --data-urlencode "csrf=$csrf" -d panel=CDOP -d reference=Jayden-Smith \
	-d partnership=rotherham -d age-band=28-364d -d died-day=4 -d died-month=5 -d died-year=2022 -d expected=no
code_is "a name as a reference is refused" 400
body_has "with the error summary" "There is a problem"
body_has "the value typed kept" 'value="Jayden-Smith"'
req -b panel.jar "$URL/child-deaths" --data-urlencode "csrf=$csrf" -d panel=CDOP -d reference=CDOP-2022-021 \
	-d partnership=rotherham -d age-band=28-364d -d died-day=31 -d died-month=2 -d died-year=2022 -d expected=no
code_is "a date that is not one is refused" 400
req -b panel.jar "$URL/child-deaths" --data-urlencode "csrf=$csrf" -d panel=CDOP -d reference=CDOP-2022-021 \
	-d partnership=rotherham -d age-band=28-364d -d died-day=3 -d died-month=2 -d died-year=2022
code_is "expected or not must be said" 400
body_has "saying so" "Say whether the death was expected"
csrf=$(page_csrf panel.jar /child-deaths/CDOP-2022-020)
version=$(grep -o 'name="version" value="[0-9]*"' "$BODY" | sed 's/.*value="//; s/"$//')
req -b panel.jar "$URL/child-deaths/CDOP-2022-020/review" --data-urlencode "csrf=$csrf" -d "version=$version" \
	-d reviewed-day=1 -d reviewed-month=11 -d reviewed-year=2022 -d category=10 -d modifiable=yes \
	--data-urlencode "factor-physical_environment=Sofa sharing" -d themes=safe-sleeping \
	--data-urlencode "learning=Advice at every contact"
code_is "review from the page" 303
ok "the review stored" --db $DB child-death show CDOP-2022-020 --json
json_is "with the theme" '.themes | join(",")' safe-sleeping
req -b panel.jar "$URL/child-deaths/CDOP-2022-020/review" --data-urlencode "csrf=$csrf" -d "version=$version" \
	-d category=10 -d modifiable=no
code_is "a stale version is refused" 400
body_has "saying someone changed it" "changed by someone else"
req -b panel.jar "$URL/child-deaths/CDOP-2022-020/review" --data-urlencode "csrf=$csrf" -d version=0 \
	-d reviewed-day=1 -d reviewed-month=11 -d reviewed-year=2022 -d category=10 -d modifiable=yes
code_is "modifiable yes with no domain is refused" 400
body_has "naming the domains" "needs at least one domain"
req -b panel.jar "$URL/child-deaths/CDOP-2022-020/actions" --data-urlencode "csrf=$csrf" \
	--data-urlencode "details=Safe sleeping at every contact" -d due-day=1 -d due-month=3 -d due-year=2030
code_is "raise an action from the case" 303
ok "the case names the action" --db $DB child-death show CDOP-2022-020 --json
[ "$(jq '.actions | length' "$OUT")" = 1 ] && pass "one action linked" || fail "one action linked"
req -b member.jar "$URL/child-deaths/CDOP-2022-020/review" --data-urlencode "csrf=$(page_csrf member.jar /child-deaths)" -d category=1
code_is "a member of another body cannot review" 404
csrf=$(page_csrf panel.jar /child-deaths/themes)
req -b panel.jar "$URL/child-deaths/themes" --data-urlencode "csrf=$csrf" -d panel=CDOP -d key=open-water -d "name=Open water"
code_is "add a theme from the page" 303
req -b panel.jar "$URL/child-deaths/themes"
body_has "the theme listed" "Open water"
# Import from the page: a bad file names its row, nothing stored.
before=$(fingerprint $DB)
csrf=$(page_csrf panel.jar /child-deaths/import)
req -b panel.jar "$URL/child-deaths/import" -F "csrf=$csrf" -F panel=CDOP -F "file=@bad-category.csv;type=text/csv"
code_is "a bad file from the page" 400
body_has "names the row and column" "Row 3, category: 11 is not a category of death (1-10)"
[ "$(fingerprint $DB)" = "$before" ] && pass "nothing stored by the page's refusal" || fail "nothing stored by the page's refusal"
row 'CDOP-2023-101,sheffield,0-27d,2023-01-05,2023-01-06,hospital,yes,,,,,,,,,,,' >one.csv
req -b panel.jar "$URL/child-deaths/import" -F "csrf=$csrf" -F panel=CDOP -F "file=@one.csv;type=text/csv"
code_is "a good file from the page" 303
# Filters and pages.
req -b panel.jar "$URL/child-deaths?theme=safe-sleeping&year=2020"
code_is "filters" 200
body_hasnt "the year's only" "CDOP-2019-"
req -b panel.jar "$URL/child-deaths?page=2"
code_is "a second page" 200
body_has "with a link back" "page=1"

views=$(sqlite3 $DB "SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND entity = 'child_death' AND actor LIKE 'web:%'")
[ "$views" -ge 3 ] && pass "pages' views are in the audit log with the reader" || fail "pages' views are in the audit log" "$views"
views=$(sqlite3 $DB "SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND entity = 'child_death' AND actor = 'api:panel'")
[ "$views" -ge 1 ] && pass "the API's views too" || fail "the API's views too" "$views"

# The demo's deaths end in 2021: the dashboard opens on the three years to
# March 2022, where the panel (masa itself here) sees the safe-sleeping
# theme across the region, and the public sees no count from 1 to 5 (each
# partnership's year is protected on its own, so small themes are hidden).
"$MASA" --db demo-region.db init --demo >/dev/null
"$MASA" --db demo-region.db dashboard child-deaths --region --public --json >out.json; OUT=out.json
json_is "the default period falls back to the demo's last three years" '.period.from + " " + .period.to' "2019-04-01 2022-03-31"
"$MASA" --db demo-region.db dashboard child-deaths --region --csv | tr -d "\r" >out.csv
grep -q ',Safe sleeping,9$' out.csv && pass "safe sleeping across the region: 9" || fail "safe sleeping across the region" "$(grep -i 'safe' out.csv)"
"$MASA" --db demo-region.db dashboard child-deaths --region --public --csv | tr -d "\r" >out.csv
grep -Eq ',Safe sleeping,(fewer than 6|not shown|[0-9]{2,}|[6-9])$' out.csv && pass "the public's safe-sleeping figure is suppressed or 6 or more" || fail "the public's safe-sleeping figure" "$(grep -i safe out.csv)"
if grep -Eq ',[1-5]$' out.csv; then fail "the public's CSV has no count from 1 to 5" "$(grep -E ',[1-5]$' out.csv | head -3)"; else pass "the public's CSV has no count from 1 to 5"; fi
done_testing
