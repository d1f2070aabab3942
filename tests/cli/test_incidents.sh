# Serious incidents on the demo partnership: the command line (add, set,
# list, show, with their clocks), the pages, the JSON API and the CSV as
# each role sees them (the public, a member of another body, a member of
# the Child Practice Review Panel that holds the cases, a partner lead, a
# chair, the business unit), the reading of a case in the audit log, and
# bad input that leaves the database as it was.
. "$(dirname "$0")/lib.sh"

run --help
if ! grep -q "incident add" "$OUT"; then
	fail "masa has the incident commands" "register cmd_incident_add and the others in src/cli/main.c"
	done_testing
	exit 0
fi

ok "init --demo" --db demo.db init --demo
ok "incident list" --db demo.db incident list
line_has "the 2019 incident decided on a local review" "^RR-2019-01" "RSCP-CPRP" "done on time" "local_review"
line_has "the notification late across Christmas" "^RR-2019-02" "done 2 working days late" "national_review"
line_has "the 2014 serious case review" "^SCR-2014-01" "RLSCB-SCR" "local_review"
line_has "the open incident's report is overdue" "^RR-2021-01" "overdue by"
ok "incident list --json" --db demo.db incident list --json
json_is "newest first" '.[0].reference' "RR-2021-01"
json_is "the notification clock's due day" '[.[] | select(.reference == "RR-2019-02")][0].clocks.notification.due' "2019-12-31"
json_is "late by 2 working days" '[.[] | select(.reference == "RR-2019-02")][0].clocks.notification.working_days' "2"
json_is "the rapid review's due day" '[.[] | select(.reference == "RR-2019-02")][0].clocks.rapid_review.due' "2020-01-15"
json_is "sent on its due day is on time" '[.[] | select(.reference == "RR-2019-02")][0].clocks.rapid_review.state' "on_time"
ok "incident list --csv" --db demo.db incident list --csv
line_has "CSV heading" "^reference," "notification_due" "rapid_review_report_state"
line_has "CSV row" "^RR-2019-02," "2019-12-31,2020-01-03,late,2"
ok "incident show" --db demo.db incident show RR-2019-01 --json
json_is "its meeting" '.rapid_review_meeting' "RSCP-CPRP/2019-10-23"
json_is "its agencies" '.agencies | length' "4"
[ "$(sqlite3 demo.db "SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND entity = 'incident'")" = 1 ] &&
	pass "show writes a view to the audit log" || fail "show writes a view to the audit log"

# Recording one from the command line: aware on Friday 20 December 2024,
# notification due Tuesday 31 December.
ok "incident add" --db demo.db incident add RR-2024-07 --body RSCP-CPRP --kind serious_harm --age-band 1-4 --aware 2024-12-20 --agency rotherham-council,south-yorkshire-police
has "says so" "recorded incident RR-2024-07"
ok "incident show" --db demo.db incident show RR-2024-07
has "notification due on the 31st" "due Tuesday 31 December 2024"
has "the rapid review report due (15 working days, three holidays)" "due Wednesday 15 January 2025"

before=$(fingerprint demo.db)
unchanged() {
	if [ "$(fingerprint demo.db)" = "$before" ]; then pass "$1: database unchanged"; else fail "$1: database changed"; fi
}
fails "a name as the reference" 1 "a child's name must never be typed here" --db demo.db incident add "Jane Smith" --body RSCP-CPRP --kind death --age-band 1-4 --aware 2024-12-20
unchanged "a name"
fails "a date of birth as the reference" 1 "Case reference" --db demo.db incident add 12032019 --body RSCP-CPRP --kind death --age-band 1-4 --aware 2024-12-20
unchanged "a date of birth"
fails "a reference used already" 1 "used already" --db demo.db incident add RR-2019-01 --body RSCP-CPRP --kind death --age-band 1-4 --aware 2024-12-20
unchanged "a used reference"
fails "an unknown age band" 1 "Age of the child" --db demo.db incident add RR-2024-08 --body RSCP-CPRP --kind death --age-band 3-6 --aware 2024-12-20
unchanged "an unknown band"
fails "an unknown agency" 1 "--agency" --db demo.db incident add RR-2024-08 --body RSCP-CPRP --kind death --age-band 1-4 --aware 2024-12-20 --agency no-such-org
unchanged "an unknown agency"
fails "a rapid review before awareness" 1 "Date of the rapid review: 19 December 2024 is before the date the local authority became aware" --db demo.db incident set RR-2024-07 --rapid-review 2024-12-19
unchanged "a rapid review before awareness"
fails "a notification before awareness" 1 "Date the national panel was notified" --db demo.db incident set RR-2024-07 --notified 2024-12-01
unchanged "a notification before awareness"
fails "a decision without reasons" 1 "Reasons for the decision" --db demo.db incident set RR-2024-07 --decision no_review --decision-on 2025-01-10
unchanged "a decision without reasons"
fails "a meeting of another body" 1 "a meeting of the body holding the case" --db demo.db incident set RR-2024-07 --rapid-review-meeting RLSCB/2014-12-04
unchanged "a meeting of another body"
fails "the panel's response before the decision" 1 "Date of the national panel's response" --db demo.db incident set RR-2019-01 --panel-response "Agreed" --panel-response-on 2019-10-01
unchanged "a response before the decision"
ok "incident set" --db demo.db incident set RR-2024-07 --notified 2025-01-02 --rapid-review 2025-01-14 --sent 2025-01-20 --decision no_review --decision-on 2025-01-20 --reasons "No learning beyond the rapid review"
fails "the meeting's date is before awareness" 1 "before" --db demo.db incident set RR-2024-07 --rapid-review-meeting RSCP-CPRP/2019-10-23 --rapid-review 2019-10-23
ok "incident show --json" --db demo.db incident show RR-2024-07 --json
json_is "notified 1 working day late (1 January)" '.clocks.notification.words' "done 1 working day late"
json_is "report 3 working days late" '.clocks.rapid_review.working_days' "3"

# ---- pages, API and CSV as each role ----
printf '%s\n' 'a long passphrase for tests' >pw
ok "admin account" --db demo.db user add admin --role admin <pw
ok "chair account" --db demo.db user add chair --role chair --person steve-ashley <pw
ok "a panel member" --db demo.db user add panel --role member --person jon-stonehouse <pw
ok "a member of another body" --db demo.db user add outsider --role member --person cusworth <pw
ok "a police partner" --db demo.db user add police --role partner --person jason-harwin --organisation south-yorkshire-police <pw
for who in admin chair panel outsider police; do
	"$MASA" --db demo.db token create "$who" --name tests >"tok_$who" 2>/dev/null
done
start_server demo.db
PASSWORD='a long passphrase for tests'
for who in admin chair panel outsider police; do
	sign_in "jar_$who" "$who" "$PASSWORD"
	code_is "$who signs in" 303
done

# page WHO PATH: GET as WHO (public: no cookie).
page() {
	if [ "$1" = public ]; then req "$URL$2"; else req -b "jar_$1" "$URL$2"; fi
}
api() {
	local who=$1
	shift
	if [ "$who" = public ]; then req "$@"; else req -H "Authorization: Bearer $(cat "tok_$who")" "$@"; fi
}
# keep METHOD PATH: the last API answer, to check against openapi.json.
: >"$WORK/samples.tsv"
nkept=0
keep() {
	nkept=$((nkept + 1))
	cp "$BODY" "$WORK/kept.$nkept"
	printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$CODE" "$WORK/kept.$nkept" >>"$WORK/samples.tsv"
}

# The overview.
page public /reviews
code_is "public: /reviews asks to sign in" 303 401
for who in outsider police; do
	page "$who" /reviews
	code_is "$who: /reviews is refused" 403
	body_hasnt "$who: no reference shown" "RR-2019-01"
	body_hasnt "$who: no Reviews in the navigation" 'href="/reviews"'
done
page panel /reviews
code_is "panel member: /reviews" 200
body_has "panel member sees the panel's incident" "RR-2019-01"
body_has "with its clock" "done 2 working days late"
body_hasnt "panel member does not see the 2014 sub-group's case" "SCR-2014-01"
body_has "panel member: Reviews in the navigation" 'href="/reviews"'
body_has "links to practice reviews" 'href="/reviews/practice"'
body_has "links to child deaths" 'href="/child-deaths"'
body_hasnt "panel member: no record button" "/reviews/incidents/new"
for who in chair admin; do
	page "$who" /reviews
	code_is "$who: /reviews" 200
	body_has "$who sees the 2014 case" "SCR-2014-01"
	body_has "$who sees the open incident" "RR-2021-01"
	body_has "$who: Reviews in the navigation" 'href="/reviews"'
done
body_has "admin: the record button" "/reviews/incidents/new"

# The home page's clocks: the open incident's report is overdue.
page chair /
body_has "chair's home: the review clocks" "Review clocks"
body_has "chair's home: the overdue report" "RR-2021-01</a>: Rapid review report to the national panel"
body_hasnt "chair's home: not the clocks done" "RR-2019-02</a>"
page panel /
body_has "panel member's home: the clocks" "RR-2021-01"
for who in public outsider police; do
	page "$who" /
	body_hasnt "$who's home: no review clocks" "Review clocks"
done

# One incident.
page public /reviews/incidents/RR-2019-01
code_is "public: an incident asks to sign in" 303 401
for who in outsider police; do
	page "$who" /reviews/incidents/RR-2019-01
	code_is "$who: an incident is not found" 404
	body_hasnt "$who: nothing of it" "Child Practice Review Panel"
done
page panel /reviews/incidents/SCR-2014-01
code_is "panel member: another body's case is not found" 404
for who in panel chair admin; do
	page "$who" /reviews/incidents/RR-2019-01
	code_is "$who: the incident" 200
	body_has "$who: the decision" "A local child safeguarding practice review"
	body_has "$who: the meeting's attendance" "Jon Stonehouse"
	body_has "$who: the meeting's quorum" "no quorum rule"
	body_has "$who: the panel's response" "The national panel agreed"
done
page admin /reviews/incidents/RR-2019-02
body_has "the late notification in words" "done 2 working days late"
views=$(sqlite3 demo.db "SELECT actor FROM audit_log WHERE action = 'view' AND entity = 'incident' ORDER BY id" | sort -u | tr '\n' ' ')
case $views in
*web:panel*web:admin* | *web:admin*web:chair*web:panel*) pass "the audit log has the pages' views with their readers" ;;
*) if echo "$views" | grep -q "web:panel" && echo "$views" | grep -q "web:chair" && echo "$views" | grep -q "web:admin"; then
	pass "the audit log has the pages' views with their readers"
else fail "the audit log has the pages' views with their readers" "actors: $views"; fi ;;
esac
if echo "$views" | grep -q "web:outsider\|web:police"; then fail "no view written for those refused" "$views"; else pass "no view written for those refused"; fi

# CSV.
for who in outsider police; do
	page "$who" /reviews/incidents.csv
	code_is "$who: the CSV is refused" 403
	body_hasnt "$who: the CSV holds no case" "RR-"
done
page panel /reviews/incidents.csv
code_is "panel member: the CSV" 200
header_has "as text/csv" "text/csv"
body_has "panel member: the CSV's row" "RR-2019-02,RSCP-CPRP,death,28-364d,2019-12-20,2019-12-31,2020-01-03,late,2"
body_hasnt "panel member: not the sub-group's case" "SCR-2014-01"
page admin /reviews/incidents.csv
body_has "admin: the 2014 case in the CSV" "SCR-2014-01"

# API.
api public "$URL/api/v1/incidents"
code_is "public: API list refused" 401 403
for who in outsider police; do
	api "$who" "$URL/api/v1/incidents"
	code_is "$who: API list" 200
	body_hasnt "$who: API list holds no case" "RR-"
	api "$who" "$URL/api/v1/incidents/RR-2019-01"
	code_is "$who: API incident not found" 404
	keep GET /api/v1/incidents/RR-2019-01
done
api panel "$URL/api/v1/incidents?limit=2"
code_is "panel: API list" 200
keep GET "/api/v1/incidents?limit=2"
if jq -e '(.data | length) == 2 and .next != null and ([.data[].reference] | index("SCR-2014-01") == null)' "$BODY" >/dev/null; then
	pass "panel: a page of 2 with a next link, no sub-group case"
else fail "panel: a page of 2 with a next link" "$(head -c 300 "$BODY")"; fi
# (the API's lists write a view of each case given too: count this one's)
api_views() { sqlite3 demo.db "SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND actor = 'api:panel'"; }
views_before=$(api_views)
api panel "$URL/api/v1/incidents/RR-2019-02"
code_is "panel: API incident" 200
keep GET /api/v1/incidents/RR-2019-02
if jq -e '.clocks.notification.state == "late" and .clocks.notification.working_days == 2' "$BODY" >/dev/null; then
	pass "panel: the API's clock"
else fail "panel: the API's clock" "$(head -c 300 "$BODY")"; fi
header_has "an ETag with the version" 'ETag: "1"'
[ "$(api_views)" = $((views_before + 1)) ] &&
	pass "the API's view is in the audit log with its reader" || fail "the API's view is in the audit log with its reader"

# Changes through the API: the business unit only.
api panel "$URL/api/v1/incidents" -X POST -H 'Content-Type: application/json' \
	--data '{"reference": "RR-2025-01", "body": "RSCP-CPRP", "kind": "death", "age_band": "1-4", "aware_on": "2025-03-03"}'
code_is "panel member may not record through the API" 403
# The admin's token used once already (its first use is recorded).
api admin "$URL/api/v1/incidents?limit=1"
before=$(fingerprint demo.db)
api admin "$URL/api/v1/incidents" -X POST -H 'Content-Type: application/json' \
	--data '{"reference": "Baby-Jones", "body": "RSCP-CPRP", "kind": "death", "age_band": "1-4", "aware_on": "2025-03-03"}'
code_is "API: a name as reference refused" 400
body_has "API: says why" "Case reference"
unchanged "API: a name"
api admin "$URL/api/v1/incidents" -X POST -H 'Content-Type: application/json' \
	--data '{"reference": "RR-2025-01", "body": "RSCP-CPRP", "kind": "death", "age_band": "1-4", "aware_on": "2025-03-03", "agencies": ["rdash"]}'
code_is "API: recorded" 201
keep POST /api/v1/incidents
header_has "API: its Location" "Location: /api/v1/incidents/RR-2025-01"
before=$(fingerprint demo.db)
api admin "$URL/api/v1/incidents/RR-2025-01" -X PATCH -H 'Content-Type: application/json' \
	--data '{"rapid_review_on": "2025-03-01", "version": 1}'
code_is "API: a rapid review before awareness refused" 400
body_has "API: names both fields" "before the date the local authority became aware"
unchanged "API: dates out of order"
api admin "$URL/api/v1/incidents/RR-2025-01" -X PATCH -H 'Content-Type: application/json' \
	--data '{"notified_on": "2025-03-07", "version": 1}'
code_is "API: notified" 200
keep PATCH /api/v1/incidents/RR-2025-01
if jq -e '.clocks.notification.state == "on_time" and .version == 2' "$BODY" >/dev/null; then
	pass "API: on time, version 2"
else fail "API: on time, version 2" "$(head -c 300 "$BODY")"; fi
before=$(fingerprint demo.db)
api admin "$URL/api/v1/incidents/RR-2025-01" -X PATCH -H 'Content-Type: application/json' \
	--data '{"notified_on": "2025-03-06", "version": 1}'
code_is "API: a stale version is a conflict" 409
keep PATCH /api/v1/incidents/RR-2025-01
unchanged "API: a stale version"
req "$URL/api/v1/openapi.json"
cp "$BODY" "$WORK/openapi.json"
if command -v node >/dev/null && [ -d "$ROOT/node_modules/@seriousme/openapi-schema-validator" ]; then
	(cd "$ROOT" && node tests/api/validate.mjs "$WORK/openapi.json" "$WORK/samples.tsv") >"$WORK/validate.out" 2>&1
	if grep -q "^not ok" "$WORK/validate.out" || [ "$(grep -c "^ok" "$WORK/validate.out")" -lt 2 ]; then
		fail "the API's answers match openapi.json" "$(grep -v '^ok' "$WORK/validate.out" | head -5)"
	else
		pass "the API's answers match openapi.json ($(grep -c "^ok" "$WORK/validate.out") checks)"
	fi
else
	fail "node and @seriousme/openapi-schema-validator are installed" "run scripts/setup --test"
fi

# ---- the forms ----
token=$(page_csrf jar_admin /reviews/incidents/new)
page admin /reviews/incidents/new
code_is "admin: the form" 200
body_has "the form asks for the reference" "Case reference"
before=$(fingerprint demo.db)
req -b jar_admin "$URL/reviews/incidents/new" --data-urlencode "csrf=$token" \
	--data-urlencode "f-reference=Jane Smith" --data-urlencode "f-body=RSCP-CPRP" \
	--data-urlencode "f-kind=death" --data-urlencode "f-age-band=1-4" \
	--data-urlencode "f-aware-on-day=3" --data-urlencode "f-aware-on-month=3" --data-urlencode "f-aware-on-year=2025"
code_is "form: a name refused" 400
body_has "form: the error summary" "There is a problem"
body_has "form: says why" "a child&#39;s name must never be typed here"
body_has "form: keeps what was typed" 'value="2025"'
unchanged "form: a name"
req -b jar_admin "$URL/reviews/incidents/new" --data-urlencode "csrf=$token" \
	--data-urlencode "f-reference=RR-2025-02" --data-urlencode "f-body=RSCP-CPRP" \
	--data-urlencode "f-kind=death" --data-urlencode "f-age-band=1-4" \
	--data-urlencode "f-aware-on-day=3" --data-urlencode "f-aware-on-month=3" --data-urlencode "f-aware-on-year=2025"
code_is "form: recorded" 303
header_has "form: to the incident's page" "Location: /reviews/incidents/RR-2025-02?done=recorded"
token=$(page_csrf jar_admin /reviews/incidents/RR-2025-02/rapid-review)
before=$(fingerprint demo.db)
req -b jar_admin "$URL/reviews/incidents/RR-2025-02/rapid-review" --data-urlencode "csrf=$token" --data-urlencode "version=1" \
	--data-urlencode "f-rapid-review-on-day=28" --data-urlencode "f-rapid-review-on-month=2" --data-urlencode "f-rapid-review-on-year=2025"
code_is "form: a rapid review before awareness refused" 400
body_has "form: names both fields" "Date of the rapid review: 28 February 2025 is before the date the local authority became aware"
unchanged "form: dates out of order"
req -b jar_admin "$URL/reviews/incidents/RR-2025-02/rapid-review" --data-urlencode "csrf=$token" --data-urlencode "version=1" \
	--data-urlencode "f-rapid-review-meeting=RSCP-CPRP/2019-10-23"
code_is "form: the meeting's date before awareness refused" 400
page panel /reviews/incidents/RR-2025-02/decision
code_is "panel member may not change an incident" 403
token=$(page_csrf jar_admin /reviews/incidents/RR-2025-02/agencies)
req -b jar_admin "$URL/reviews/incidents/RR-2025-02/agencies" --data-urlencode "csrf=$token" --data-urlencode "version=1" \
	--data-urlencode "agency=rotherham-council" --data-urlencode "agency=cafcass"
code_is "form: agencies saved" 303
page admin /reviews/incidents/RR-2025-02
body_has "the agencies shown" "Rotherham Council"

# ---- reminders to the chair of the holding body ----
# On Friday 12 March 2021 the open incident's rapid review report is due on
# Monday 15 March: its chair is reminded, naming the reference only.
ok "no address yet: a dry run" --db demo.db remind --on 2021-03-12 --dry-run --from unit@example.org
has "the chair has no address" "not reminded: Christine Cassell has no e-mail address (1 serious incident clock)"
ok "the chair's address" --db demo.db person edit christine-cassell --email chair.cprp@example.org
ok "dry run" --db demo.db remind --on 2021-03-12 --dry-run --from unit@example.org
has "to the chair" "to Christine Cassell <chair.cprp@example.org>"
has "the subject" "Subject: masa: serious incidents: 1 clock due soon"
has "the reference and clock" "RR-2021-01: Rapid review report to the national panel, due Monday 15"
has "in working days" "due in 1 working day"
hasnt "nothing of what happened" "neglected"
ok "the day after it was due" --db demo.db remind --on 2021-03-16 --dry-run --from unit@example.org
has "overdue" "overdue by 1 working day"
ok "a week earlier: not yet" --db demo.db remind --on 2021-03-05 --dry-run --from unit@example.org
hasnt "nothing for the chair" "chair.cprp@example.org"
PY=""
for p in /usr/bin/python3 python3; do
	"$p" -c 'import aiosmtpd' 2>/dev/null && { PY=$p; break; }
done
if [ -z "$PY" ]; then
	fail "python3-aiosmtpd is installed (scripts/setup --test)"
else
	PORT=$("$PY" -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
	"$PY" -m aiosmtpd -n -l "127.0.0.1:$PORT" -c aiosmtpd.handlers.Mailbox "$WORK/mail" >"$WORK/smtp.log" 2>&1 &
	SMTP_PID=$!
	trap 'kill "$SMTP_PID" 2>/dev/null; stop_server' EXIT
	if wait_for 30 listening_on "$PORT"; then
		ok "remind sends" --db demo.db remind --on 2021-03-12 --smtp "smtp://127.0.0.1:$PORT" --from unit@example.org
		has "sent to the chair" "sent to Christine Cassell <chair.cprp@example.org>: 1 serious incident clock"
		[ "$(grep -l "RR-2021-01" "$WORK"/mail/new/* 2>/dev/null | wc -l)" = 1 ] &&
			pass "one message names the incident" || fail "one message names the incident"
		[ "$(sqlite3 demo.db "SELECT COUNT(*) FROM incident_reminder_sent WHERE clock = 'rapid_review'")" = 1 ] &&
			pass "the reminder is recorded" || fail "the reminder is recorded"
		ok "remind again the same day" --db demo.db remind --on 2021-03-12 --smtp "smtp://127.0.0.1:$PORT" --from unit@example.org
		hasnt "not sent twice" "chair.cprp@example.org"
		[ "$(grep -l "RR-2021-01" "$WORK"/mail/new/* 2>/dev/null | wc -l)" = 1 ] &&
			pass "still one message" || fail "still one message"
	else
		fail "SMTP listener" "$(cat "$WORK/smtp.log")"
	fi
fi

done_testing
