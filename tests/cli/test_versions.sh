# When two people edit the same record at once: two `masa serve` processes
# on one database, as behind a load balancer, the business unit signed in on
# both. Both open the same action; the first update (through server 1) is
# stored, the second (through server 2, from the page as it was) is told:
# 409, a GOV.UK error summary that names the conflict and links to the
# action, what was typed still in the form, and nothing of it stored. The
# same through the reassignment form, through the JSON API with a bearer
# token (the version member and If-Match), for an item's minutes and a
# meeting's status, and for two updates sent at the same moment.
#
# The database is a SQLite file; or, when MASA_PG_URL (as tests/run pg
# sets it, through tests/pg/test_versions.sh) or MASA_TEST_PG holds the URL
# of a throwaway PostgreSQL cluster (scripts/pg-cluster start DIR prints
# it), a new schema in it: servers on several machines over one PostgreSQL
# database are what the versions are for.
. "$(dirname "$0")/lib.sh"

PG_URL=${MASA_PG_URL:-${MASA_TEST_PG:-}}
if [ -n "$PG_URL" ]; then
	SCHEMA=t_versions_$$
	psql "$PG_URL" -qAtc "CREATE SCHEMA $SCHEMA" >/dev/null ||
		{ fail "a schema for the test" "psql failed"; done_testing; exit 0; }
	DB="$PG_URL&options=-c%20search_path%3D$SCHEMA"
	# stored SQL: one value from the database.
	stored() { psql "$DB" -qAtc "$1"; }
	drop_db() { psql "$PG_URL" -qc "DROP SCHEMA $SCHEMA CASCADE" >/dev/null 2>&1; }
else
	DB=demo.db
	stored() { sqlite3 "$DB" "$1"; }
	drop_db() { :; }
fi

PW="correct horse battery staple"
A=/actions/RLSCB/2014-06-05/10
KEY=RLSCB/2014-06-05/10
M=/meetings/RLSCB/2014-12-04
Q=/meetings/RLSCB-QA/2014-11-11

ok "init --demo" --db "$DB" init --demo
printf '%s\n' "$PW" | "$MASA" --db "$DB" user add admin --role admin >/dev/null
"$MASA" --db "$DB" token create admin --name tests >token 2>/dev/null
TOKEN=$(cat token)

# Two servers. start_server (http.sh) keeps one server's process: the first
# one's is kept here, and ended with the other at exit.
start_server "$DB"
URL1=$URL
PID1=$SERVER_PID
trap 'kill -KILL "$PID1" 2>/dev/null; wait "$PID1" 2>/dev/null; stop_server; cd / && drop_db' EXIT
rm -f serve.out # else the second start could read the first one's address
start_server "$DB"
URL2=$URL
[ "$URL1" != "$URL2" ] && pass "two servers on one database" ||
	fail "two servers on one database" "both at $URL1"

# on N: the requests that follow go to server N.
on() { if [ "$1" = 1 ]; then URL=$URL1; else URL=$URL2; fi; }
# version_of: the version a form on the last page carries.
version_of() {
	grep -o 'name="version" value="[0-9]*"' "$BODY" | head -1 | sed 's/.*value="//; s/"$//'
}
snapshot() { "$MASA" --db "$DB" dump >before.json 2>/dev/null; }
dump_is_same() {
	"$MASA" --db "$DB" dump >after.json 2>/dev/null
	if cmp -s before.json after.json; then pass "$1"; else
		fail "$1" "$(diff before.json after.json | head -5)"
	fi
}
# textarea_has NAME TEXT: the last page has a textarea that holds TEXT.
textarea_has() {
	if tr -d '\n' <"$BODY" | grep -qE "<textarea[^>]*>[^<]*$2[^<]*</textarea>"; then
		pass "$1"
	else fail "$1" "no textarea holds: $2"; fi
}

on 1
sign_in one.jar admin "$PW"
code_is "the business unit signs in on server 1" 303
on 2
sign_in two.jar admin "$PW"
code_is "and on server 2" 303

# ---- an action: two updates ----

on 1
req -b one.jar "$URL$A"
code_is "server 1 shows the action" 200
body_has "its update form carries the action's version" 'name="version" value="'
V=$(version_of)
CSRF1=$(csrf_of)
[ "$V" = "$(stored "SELECT version FROM action WHERE key = '$KEY'")" ] &&
	pass "the version the form carries is the stored one ($V)" ||
	fail "the version the form carries is the stored one" "form $V"
on 2
req -b two.jar "$URL$A"
CSRF2=$(csrf_of)
[ "$(version_of)" = "$V" ] && pass "server 2 shows the same version" ||
	fail "server 2 shows the same version" "$(version_of), not $V"

on 1
req -b one.jar "$URL$A/updates" --data-urlencode "csrf=$CSRF1" -d "version=$V" \
	--data-urlencode "update=FIRST-UPDATE-from-server-one"
code_is "server 1 stores the first update" 303
[ "$(stored "SELECT version FROM action WHERE key = '$KEY'")" = $((V + 1)) ] &&
	pass "which adds one to the version" || fail "which adds one to the version"
snapshot
on 2
req -b two.jar "$URL$A/updates" --data-urlencode "csrf=$CSRF2" -d "version=$V" \
	--data-urlencode "update=SECOND-UPDATE-typed-on-server-two" -d status=closed
code_is "server 2's update, from the page as it was, is a conflict" 409
body_has "with the error summary" "govuk-error-summary"
body_has "that names the conflict" "Someone else changed this action since you opened it (now version $((V + 1)))"
body_has "says what to do" "reload it, check their change, and make yours again"
body_has "links to the action" "<a href=\"$A\">Someone else changed this action"
body_has "says nothing was saved" "Nothing you sent has been saved"
textarea_has "keeps the typed text in the form" "SECOND-UPDATE-typed-on-server-two"
body_has "keeps the status chosen" 'value="closed" checked'
body_has "shows the other update in the history" "FIRST-UPDATE-from-server-one"
[ "$(version_of)" = $((V + 1)) ] && pass "the form now carries the version shown" ||
	fail "the form now carries the version shown" "$(version_of)"
dump_is_same "nothing of the refused update is stored"
run --db "$DB" actions show "$KEY"
has "the action has the first update" "FIRST-UPDATE-from-server-one"
hasnt "and not the second" "SECOND-UPDATE-typed-on-server-two"
hasnt "nor its status" "Closed"
req -b two.jar "$URL$A/updates" --data-urlencode "csrf=$CSRF2" -d "version=$((V + 1))" \
	--data-urlencode "update=SECOND-UPDATE-typed-on-server-two"
code_is "sent again from that page, the update is stored" 303
run --db "$DB" actions show "$KEY"
has "after the first" "SECOND-UPDATE-typed-on-server-two"

# ---- an action: reassigning it ----

on 1
req -b one.jar "$URL$A"
V=$(version_of)
body_has "the reassignment form carries the version too" 'action="'"$A"'/owners"'
on 2
req -b two.jar "$URL$A/updates" --data-urlencode "csrf=$CSRF2" -d "version=$V" \
	--data-urlencode "update=THIRD-UPDATE-from-server-two"
code_is "server 2 adds an update" 303
snapshot
on 1
req -b one.jar "$URL$A/owners" --data-urlencode "csrf=$CSRF1" -d "version=$V" \
	-d add_person=sue-cassin -d due-day=1 -d due-month=6 -d due-year=2031 \
	--data-urlencode "reason=REASSIGNED-on-server-one"
code_is "server 1's reassignment, from before that update, is a conflict" 409
body_has "that names it" "Someone else changed this action since you opened it"
body_has "keeps the person chosen" 'value="sue-cassin" selected'
body_has "and the reason typed" 'value="REASSIGNED-on-server-one"'
dump_is_same "nothing of the reassignment is stored"
run --db "$DB" actions show "$KEY"
hasnt "Sue Cassin does not own it" "Sue Cassin"

# ---- the JSON API ----

# api SERVER METHOD PATH [CURL ARGS...]: a request with the admin's token.
api() {
	local server=$1 method=$2 path=$3
	shift 3
	on "$server"
	req -X "$method" -H "Authorization: Bearer $TOKEN" "$@" "$URL$path"
}
api 2 GET "/api/v1/actions/$KEY"
code_is "the API shows the action" 200
V=$(jq -r .version "$BODY")
[ "$V" = "$(stored "SELECT version FROM action WHERE key = '$KEY'")" ] &&
	pass "with its version ($V)" || fail "with its version" "got $V"
header_has "and its version as the ETag" "ETag: \"$V\""
api 1 GET "/api/v1/meetings/RLSCB/2014-12-04"
[ "$(jq -r .version "$BODY")" -ge 1 ] && [ "$(jq -r '.items[0].version' "$BODY")" -ge 1 ] &&
	pass "a meeting and its items carry their versions" ||
	fail "a meeting and its items carry their versions"
api 1 POST "/api/v1/actions/$KEY/updates" -H 'Content-Type: application/json' \
	-d "{\"text\": \"API-FIRST\", \"version\": $V}"
code_is "server 1 stores an update made against that version" 201
[ "$(jq -r .action_version "$BODY")" = $((V + 1)) ] &&
	pass "and answers with the action's version now" ||
	fail "and answers with the action's version now" "$(jq -c . "$BODY")"
snapshot
api 2 POST "/api/v1/actions/$KEY/updates" -H 'Content-Type: application/json' \
	-d "{\"text\": \"API-SECOND\", \"status\": \"closed\", \"version\": $V}"
code_is "server 2's update against the same version is a conflict" 409
[ "$(jq -r .error.status "$BODY")" = 409 ] && pass "with the API's error JSON" ||
	fail "with the API's error JSON" "$(head -c 200 "$BODY")"
jq -r .error.message "$BODY" | grep -qF "someone else changed this action since you opened it (now version $((V + 1)))" &&
	pass "whose message says what happened" || fail "whose message says what happened" "$(jq -r .error.message "$BODY")"
api 2 POST "/api/v1/actions/$KEY/updates" -H 'Content-Type: application/json' \
	-H "If-Match: \"$V\"" -d '{"text": "API-IF-MATCH-STALE"}'
code_is "so is one with a stale If-Match" 409
dump_is_same "neither is stored"
api 2 POST "/api/v1/actions/$KEY/updates" -H 'Content-Type: application/json' \
	-H "If-Match: \"$((V + 1))\"" -d "{\"text\": \"API-THIRD\", \"version\": $((V + 2))}"
code_is "a version and an If-Match that differ are 400" 400
api 2 POST "/api/v1/actions/$KEY/updates" -H 'Content-Type: application/json' \
	-H "If-Match: *" -d '{"text": "API-STAR"}'
code_is "an If-Match that names no version is 400" 400
api 2 POST "/api/v1/actions/$KEY/updates" -H 'Content-Type: application/json' \
	-d '{"text": "API-ZERO", "version": 0}'
code_is "version 0 is 400" 400
dump_is_same "and none of these stored anything"
api 2 POST "/api/v1/actions/$KEY/updates" -H 'Content-Type: application/json' \
	-H "If-Match: \"$((V + 1))\"" -d '{"text": "API-THIRD"}'
code_is "an If-Match with the version now is stored" 201
api 1 POST "/api/v1/actions/$KEY/updates" -H 'Content-Type: application/json' \
	-d '{"text": "API-NO-VERSION"}'
code_is "an update that gives no version is stored as before" 201
api 1 GET "/api/v1/actions/$KEY/updates?limit=1000"
texts=$(jq -r '.data[].text' "$BODY")
for t in API-FIRST API-THIRD API-NO-VERSION; do
	grep -qx "$t" <<<"$texts" && pass "the history has $t" || fail "the history has $t"
done
for t in API-SECOND API-IF-MATCH-STALE API-STAR API-ZERO; do
	grep -qx "$t" <<<"$texts" && fail "the history lacks $t" || pass "the history lacks $t"
done

# ---- at the same moment ----

on 1
req -b one.jar "$URL$A"
V=$(version_of)
for s in 1 2; do
	on "$s"
	jar=one.jar
	[ "$s" = 2 ] && jar=two.jar
	csrf=$CSRF1
	[ "$s" = 2 ] && csrf=$CSRF2
	curl -s --max-time 10 -o "race$s.html" -w '%{http_code}' -b "$jar" "$URL$A/updates" \
		--data-urlencode "csrf=$csrf" -d "version=$V" \
		--data-urlencode "update=RACE-from-server-$s" >"race$s.code" &
	eval "RACE$s=\$!"
done
wait "$RACE1" "$RACE2"
codes=$({ cat race1.code; echo; cat race2.code; echo; } | sort | tr '\n' ' ')
[ "$codes" = "303 409 " ] && pass "two updates sent at once: one is stored, the other told (409)" ||
	fail "two updates sent at once: one is stored, the other told (409)" "statuses: $codes"
[ "$(stored "SELECT COUNT(*) FROM action_update WHERE text LIKE 'RACE-from-server-%'")" = 1 ] &&
	pass "and only one of them is in the history" ||
	fail "and only one of them is in the history"

# ---- an item's minutes ----

on 1
req -b one.jar "$URL$M/items/4.1/minutes"
code_is "server 1 opens the minutes of item 4.1" 200
IV=$(version_of)
[ "$IV" = "$(stored "SELECT i.version FROM item i JOIN meeting m ON m.id = i.meeting_id WHERE m.key = 'RLSCB/2014-12-04' AND i.number = '4.1'")" ] &&
	pass "the minutes form carries the item's version ($IV)" ||
	fail "the minutes form carries the item's version" "$IV"
on 2
req -b two.jar "$URL$M/items/4.1/minutes"
[ "$(version_of)" = "$IV" ] && pass "server 2 the same" || fail "server 2 the same" "$(version_of)"
on 1
req -b one.jar "$URL$M/items/4.1/minutes" --data-urlencode "csrf=$CSRF1" -d "version=$IV" \
	--data-urlencode "minutes=MINUTES-FROM-SERVER-ONE" -d item_status=taken -d op=save
code_is "server 1 saves the minutes" 303
on 2
req -b two.jar "$URL$M/items/4.1/minutes" --data-urlencode "csrf=$CSRF2" -d "version=$IV" \
	--data-urlencode "minutes=MINUTES-TYPED-ON-SERVER-TWO" -d item_status=taken -d op=preview
code_is "server 2 may still preview its own" 200
[ "$(version_of)" = "$IV" ] && pass "and the preview keeps the version it was typed against" ||
	fail "and the preview keeps the version it was typed against" "$(version_of)"
snapshot
req -b two.jar "$URL$M/items/4.1/minutes" --data-urlencode "csrf=$CSRF2" -d "version=$IV" \
	--data-urlencode "minutes=MINUTES-TYPED-ON-SERVER-TWO" -d item_status=taken -d op=save
code_is "but saving them is a conflict" 409
body_has "that names it" "Someone else changed this item since you opened it (now version $((IV + 1)))"
body_has "links to the item" "<a href=\"$M/items/4.1/minutes\">Someone else changed this item"
textarea_has "keeps the minutes typed" "MINUTES-TYPED-ON-SERVER-TWO"
body_has "shows the minutes as saved now" "The minutes as saved now"
body_has "which are server 1's" "MINUTES-FROM-SERVER-ONE"
dump_is_same "nothing of server 2's minutes is stored"
[ "$(stored "SELECT i.minutes FROM item i JOIN meeting m ON m.id = i.meeting_id WHERE m.key = 'RLSCB/2014-12-04' AND i.number = '4.1'")" = MINUTES-FROM-SERVER-ONE ] &&
	pass "the stored minutes are server 1's" || fail "the stored minutes are server 1's"

# ---- a meeting's status and its minutes' status ----

on 1
req -b one.jar "$URL$Q"
MV=$(version_of)
on 2
req -b two.jar "$URL$Q"
[ -n "$MV" ] && [ "$(version_of)" = "$MV" ] && pass "both servers show the meeting's version ($MV)" ||
	fail "both servers show the meeting's version" "$MV, $(version_of)"
on 1
req -b one.jar "$URL$Q/minutes-status" --data-urlencode "csrf=$CSRF1" -d "version=$MV" \
	-d minutes_status=approved -d minutes-approved-day=12 -d minutes-approved-month=1 -d minutes-approved-year=2015
code_is "server 1 approves the minutes" 303
snapshot
on 2
req -b two.jar "$URL$Q/minutes-status" --data-urlencode "csrf=$CSRF2" -d "version=$MV" \
	-d minutes_status=published -d minutes-published-day=20 -d minutes-published-month=1 -d minutes-published-year=2015
code_is "server 2 publishing them from the page as it was is a conflict" 409
body_has "that names it" "Someone else changed this meeting since you opened it"
body_has "links to the meeting" "<a href=\"$Q\">Someone else changed this meeting"
body_has "keeps the date typed" 'value="20"'
req -b two.jar "$URL$Q/status" --data-urlencode "csrf=$CSRF2" -d "version=$MV" -d status=cancelled
code_is "so is changing the meeting's status" 409
body_has "with the same message" "Someone else changed this meeting since you opened it"
dump_is_same "neither is stored"
[ "$(stored "SELECT minutes_status || ' ' || status FROM meeting WHERE key = 'RLSCB-QA/2014-11-11'")" = "approved held" ] &&
	pass "the meeting is as server 1 left it" ||
	fail "the meeting is as server 1 left it" "$(stored "SELECT minutes_status || ' ' || status FROM meeting WHERE key = 'RLSCB-QA/2014-11-11'")"

done_testing
