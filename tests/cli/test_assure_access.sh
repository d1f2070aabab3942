# Who can see the assurance pillar's cases, tried as an attacker would: the
# public, a member of another body, a partner lead, a member of the child
# death overview panel asking for incidents, and Sheffield's business unit
# and members asking on Sheffield's own address for Rotherham's cases. Ways
# out tried: a case that exists against one that does not (the same answer
# to whoever may not see it), the API's lists, the CSV, writes without the
# right or without the form's token, the audit log of every case read (API
# lists and CSV too), and the public dashboards, whose small numbers must
# not come back by moving the period a day, by a longer period less a
# shorter one, or by the region less its partnerships.
. "$(dirname "$0")/lib.sh"

PW='a long passphrase for tests'
DB=demo.db
"$MASA" --db $DB init --demo >/dev/null
add_user() { printf '%s\n' "$PW" | "$MASA" --db $DB "$@" >/dev/null; }
"$MASA" --db $DB person add --name "Panel Member Test" --key cdop-member >/dev/null
"$MASA" --db $DB member add --body CDOP --person cdop-member --role member >/dev/null
add_user user add admin --role admin
add_user user add panel --role member --person jon-stonehouse
add_user user add outsider --role member --person cusworth
add_user user add police --role partner --person jason-harwin --organisation south-yorkshire-police
add_user user add cdop --role member --person cdop-member
add_user --partnership sheffield user add sheffadmin --role admin
add_user --partnership sheffield user add sheffmember --role member --person sheffield-council-lead
for who in admin panel outsider police cdop; do
	"$MASA" --db $DB token create "$who" --name tests 2>/dev/null | head -c 43 >"tok_$who"
done
for who in sheffadmin sheffmember; do
	"$MASA" --db $DB --partnership sheffield token create "$who" --name tests 2>/dev/null | head -c 43 >"tok_$who"
done
RREF=$(sqlite3 $DB "SELECT reference FROM child_death cd JOIN partnership p ON p.id = cd.partnership_id WHERE p.key = 'rotherham' ORDER BY cd.id LIMIT 1")

# ---- Sheffield's own address ----
"$MASA" --db $DB --partnership sheffield serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
SERVER_PID=$!
URL=""
wait_for 30 serve_said_where
[ -n "$URL" ] && pass "Sheffield's server starts" || fail "Sheffield's server starts" "$(head -3 serve.err)"
SURL=$URL
FIRST_PID=$SERVER_PID # stop_server ends it
sign_in sheffadmin.jar sheffadmin "$PW"
sign_in sheffmember.jar sheffmember "$PW"
rm -f serve.out
start_server $DB
for who in admin panel outsider police cdop; do
	sign_in "$who.jar" "$who" "$PW"
	code_is "$who signs in" 303
done

page() { # WHO URL [CURL ARGS]
	local who=$1 url=$2
	shift 2
	if [ "$who" = public ]; then req "$@" "$url"; else req -b "$who.jar" "$@" "$url"; fi
}
api() { # WHO URL [CURL ARGS]
	local who=$1 url=$2
	shift 2
	req -H "Authorization: Bearer $(cat "tok_$who")" "$@" "$url"
}
base_of() { case $1 in sheff*) echo "$SURL" ;; *) echo "$URL" ;; esac; }

# A case that exists and one that does not answer the same (status and
# body, the reference asked aside) to whoever may not see it.
same_answer() { # NAME HOW WHO PATH-OF-EXISTING PATH-OF-MISSING EXISTING MISSING
	local name=$1 how=$2 who=$3 c1 b1
	"$how" "$who" "$(base_of "$who")$4"
	c1=$CODE
	b1=$(sed "s/$6/REF/g" "$BODY")
	"$how" "$who" "$(base_of "$who")$5"
	if [ "$c1" = "$CODE" ] && [ "$b1" = "$(sed "s/$7/REF/g" "$BODY")" ] && [ "$c1" != 200 ]; then
		pass "$name"
	else
		fail "$name" "status $c1 and $CODE, or bodies differ"
	fi
}
for who in public outsider police cdop sheffadmin sheffmember; do
	for p in "" /details /decision /agencies; do
		same_answer "$who: incident$p, existing or not" page "$who" \
			"/reviews/incidents/RR-2019-01$p" "/reviews/incidents/RR-2099-01$p" RR-2019-01 RR-2099-01
	done
	[ "$who" = public ] && continue
	same_answer "$who: API incident, existing or not" api "$who" \
		/api/v1/incidents/RR-2019-01 /api/v1/incidents/RR-2099-01 RR-2019-01 RR-2099-01
	same_answer "$who: API incident change, existing or not" api "$who" \
		/api/v1/incidents/RR-2019-01 /api/v1/incidents/RR-2099-01 RR-2019-01 RR-2099-01 \
		-X PATCH -H "Content-Type: application/json" -d '{"reasons": "x"}'
done
for who in public outsider police sheffmember; do
	same_answer "$who: child death, existing or not" page "$who" \
		"/child-deaths/$RREF" /child-deaths/CDOP-2099-001 "$RREF" CDOP-2099-001
done
for who in outsider police sheffadmin sheffmember; do
	same_answer "$who: API child death, existing or not" api "$who" \
		"/api/v1/child-deaths/$RREF" /api/v1/child-deaths/CDOP-2099-001 "$RREF" CDOP-2099-001
done

# The lists: nothing of a case, whatever the filter or the page.
for who in outsider police sheffadmin sheffmember; do
	b=$(base_of "$who")
	api "$who" "$b/api/v1/incidents?limit=1"
	body_hasnt "$who: the API's incidents hold no case" "RR-20"
	body_has "$who: and no next page" '"next":null'
	api "$who" "$b/api/v1/child-deaths?limit=1&partnership=rotherham"
	body_hasnt "$who: the API's child deaths of Rotherham hold no case" "$RREF"
	[ "$(jq '[.data[] | select(.partnership == "rotherham")] | length' "$BODY")" = 0 ] &&
		pass "$who: no Rotherham child death listed" || fail "$who: no Rotherham child death listed"
	page "$who" "$b/reviews/incidents.csv"
	body_hasnt "$who: the incidents CSV holds no case" "RR-20"
	page "$who" "$b/child-deaths?partnership=rotherham&year=2020"
	body_hasnt "$who: the child deaths page of Rotherham names no case" "$RREF"
done
page public "$URL/"
body_hasnt "the public's home names no incident" "RR-20"
for feed in /meetings/calendar.ics /bodies/RSCP-CPRP/calendar.ics; do
	page public "$URL$feed"
	body_hasnt "the public's $feed names no incident" "RR-20"
done

# Writes without the right, or without the form's token: refused, nothing stored.
before=$(sqlite3 $DB "SELECT * FROM incident; SELECT * FROM child_death; SELECT * FROM cdr_theme" | md5sum)
for who in outsider police sheffmember; do
	b=$(base_of "$who")
	page "$who" "$b/"
	csrf=$(csrf_of)
	page "$who" "$b/child-deaths/$RREF/review" --data-urlencode "csrf=$csrf" -d category=3
	code_is "$who may not review a case" 403 404
	page "$who" "$b/child-deaths" --data-urlencode "csrf=$csrf" -d panel=CDOP -d reference=CDOP-2099-001 \
		-d partnership=rotherham -d age-band=1-4 -d died-day=4 -d died-month=5 -d died-year=2022 -d expected=no
	code_is "$who may not record a death" 403 404
	page "$who" "$b/reviews/incidents/RR-2019-01/decision" --data-urlencode "csrf=$csrf" -d decision=no_review
	code_is "$who may not decide an incident" 403 404
	api "$who" "$b/api/v1/child-deaths/$RREF" -X PATCH -H "Content-Type: application/json" -d '{"category": 3}'
	code_is "$who may not change a death through the API" 403 404
done
api sheffadmin "$SURL/api/v1/incidents/RR-2019-01" -X PATCH -H "Content-Type: application/json" -d '{"reasons": "x"}'
code_is "Sheffield's admin may not change Rotherham's incident" 403 404
page cdop "$URL/child-deaths/$RREF/review" -d category=3
code_is "the panel's member without the form's token" 403
page admin "$URL/reviews/incidents/RR-2019-01/decision" -d decision=no_review
code_is "the admin without the form's token" 403
[ "$(sqlite3 $DB "SELECT * FROM incident; SELECT * FROM child_death; SELECT * FROM cdr_theme" | md5sum)" = "$before" ] &&
	pass "nothing stored by the refused writes" || fail "nothing stored by the refused writes"

# Every case read is in the audit log with its reader: the API's lists and
# the incidents CSV too.
views() { sqlite3 $DB "SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND actor = '$1' AND entity = '$2'"; }
api panel "$URL/api/v1/incidents"
cnt=$(jq '.data | length' "$BODY")
[ "$cnt" -gt 0 ] && [ "$(views api:panel incident)" = "$cnt" ] && pass "the API's list of incidents: $cnt views by api:panel" ||
	fail "the API's list of incidents is in the audit log" "$(views api:panel incident) views of $cnt"
page panel "$URL/reviews/incidents.csv"
cnt=$(($(wc -l <"$BODY") - 1))
[ "$cnt" -gt 0 ] && [ "$(views web:panel incident)" = "$cnt" ] && pass "the incidents CSV: $cnt views by web:panel" ||
	fail "the incidents CSV is in the audit log" "$(views web:panel incident) views of $cnt"
api cdop "$URL/api/v1/child-deaths?limit=5"
[ "$(views api:cdop child_death)" = 5 ] && pass "the API's list of child deaths: 5 views by api:cdop" ||
	fail "the API's list of child deaths is in the audit log" "$(views api:cdop child_death) views"
for who in outsider police; do
	[ "$(sqlite3 $DB "SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND actor LIKE '%:$who'")" = 0 ] &&
		pass "$who read nothing, and no view is written" || fail "$who: views written for nothing read"
done

# ---- the public dashboards ----
dash() { # BASE QUERY: the public's child death figures as JSON
	req "$1/api/v1/dashboards/child-deaths?$2"
}
total() { jq -r '.sets[] | select(.key == "category") | .total.count // "hidden"' "$BODY"; }
# A day more: one death on 14 February 2021 in Rotherham.
dash "$URL" "from=2020-04-01&to=2021-02-13"
a=$(total)
dash "$URL" "from=2020-04-01&to=2021-02-14"
b=$(total)
if [ "$a" = "$b" ]; then pass "a day more or less gives the same figures ($a)"; else
	fail "a day more or less gives the same figures" "$a then $b: the death of one day"; fi
json_is_body() { local got; got=$(jq -r "$2" "$BODY"); [ "$got" = "$3" ] && pass "$1" || fail "$1" "got $got"; }
json_is_body "the period is widened to whole years" '.period.from + " " + .period.to' "2020-04-01 2021-03-31"
req -b admin.jar "$URL/api/v1/dashboards/child-deaths?from=2020-04-01&to=2021-02-13"
json_is_body "the admin keeps the day asked" .period.to 2021-02-13

# Longer periods less shorter ones, the trend's totals, the region less its
# partnerships: no count from 1 to 5, and no cell hidden on its own page
# shown by difference.
python3 - "$URL" "$SURL" >dash.out <<'PY'
import itertools, json, sys, urllib.request
R, S = sys.argv[1], sys.argv[2]
def get(base, q):
    with urllib.request.urlopen(f"{base}/api/v1/dashboards/child-deaths?{q}") as r:
        return json.load(r)
def total(d, key="category"):
    for s in d["sets"]:
        if s["key"] == key and s.get("total"):
            return s["total"].get("count")
years = range(2017, 2024)
bad = []
for base, name in ((R, "rotherham"), (S, "sheffield")):
    t = {}
    for y1, y2 in itertools.combinations_with_replacement(years, 2):
        d = get(base, f"from={y1}-04-01&to={y2 + 1}-03-31")
        t[(y1, y2)] = total(d)
        tt = total(d, "year")
        if tt is not None:
            t[("trend", y2)] = tt
    for (y1, y2), v in t.items():
        if y1 == "trend":
            continue
        for (z1, z2), w in t.items():
            if z1 == "trend" or v is None or w is None:
                continue
            if (z1 == y1 and z2 < y2) or (z2 == y2 and z1 > y1):
                if 1 <= v - w <= 5:
                    bad.append(f"{name} {y1}-{y2} less {z1}-{z2}: {v - w}")
    for y in years:
        a, b = t.get(("trend", y)), t.get(("trend", y - 1))
        if a is not None and b is not None and 1 <= a - b <= 5:
            bad.append(f"{name} trend ending {y} less ending {y - 1}: {a - b}")
for y in (2019, 2020, 2021):
    q = f"from={y}-04-01&to={y + 1}-03-31"
    region = get(R, q + "&scope=region")
    own = {"rotherham": get(R, q), "sheffield": get(S, q)}
    for s in region["sets"]:
        for c in s["cells"]:
            if "count" not in c or c["count"] == 0:
                continue
            if s["key"] == "partnership":
                o = own[c["key"]]
                if total(o) is None:
                    bad.append(f"{y}: {c['key']} shown as {c['count']} in the region, hidden on its own")
                continue
            for p, o in own.items():
                for os in o["sets"]:
                    if os["key"] != s["key"]:
                        continue
                    for oc in os["cells"]:
                        if oc["key"] == c["key"] and "count" not in oc:
                            bad.append(f"{y}: region {s['key']}/{c['key']} = {c['count']}, {p}'s hidden")
print("\n".join(bad) if bad else "none")
PY
if [ "$(cat dash.out)" = none ]; then pass "no small number comes back by difference"; else
	fail "no small number comes back by difference" "$(head -5 dash.out | tr '\n' ';')"; fi
skip "the reviews dashboard: a longer period less a shorter one, and the region less its partnerships, are not protected yet (sums_of_atoms covers the child deaths dashboard only; the demo has five incidents of one partnership, too few to show it)"

done_testing
