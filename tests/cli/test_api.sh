# The JSON API (/api/v1/) against a real masa serve on 127.0.0.1: every
# route for each role (the public, and member, partner, chair and admin
# accounts with tokens from masa token create), pages and their next links,
# confidential items, their resolutions, papers and actions never reaching
# those who may not see them, draft minutes kept from the public, a partner
# refused on another organisation's action with nothing stored, malformed
# and non-UTF-8 JSON, unknown members, unknown routes and ids, script text
# stored as text. Every JSON response is then checked against the schema
# openapi.json declares for it, and the document itself by an OpenAPI
# validator (tests/api/validate.mjs, with node).
. "$(dirname "$0")/lib.sh"

# The demo partnership with what the demo lacks: RLSCB/2014-12-04 item 5
# confidential, with a resolution, its paper and an action raised under
# it; item 8 confidential, so its sub-items 8.1-8.3 are too; an open paper
# on item 3; ILSC/2019-06-11's minutes still a draft.
ok "init --demo" --db seed.db init --demo
ok "dump the demo" --db seed.db dump --output demo.json
jq '
  .meetings |= map(
    if .id == "RLSCB/2014-12-04" then
      .agenda |= map(
        if .number == "5" then
          .confidential = true
          | .resolutions = [{"number": 1, "text": "SECRET-RESOLUTION that the plan be agreed"}]
          | .documents = [{"title": "SECRET-PAPER improvement plan", "kind": "report"}]
        elif .number == "8" then .confidential = true
        elif .number == "3" then
          .documents = [{"title": "OPEN-PAPER commissioning strategy", "kind": "paper"}]
        else . end)
    elif .id == "ILSC/2019-06-11" then
      .minutes_status = "draft" | del(.minutes_approved_on, .minutes_published_on)
    else . end)
  | .actions += [{"id": "RLSCB/2014-12-04/10", "body": "RLSCB",
      "meeting": "RLSCB/2014-12-04", "item": "5", "number": 10,
      "details": "SECRET-ACTION review the plan",
      "owners": [{"person": "warren-carratt"}], "due_date": "2015-03-01"}]
' demo.json >fixture.json
ok "load the fixture" --db api.db load fixture.json

printf '%s\n' 'a long passphrase for tests' >pw
ok "an admin" --db api.db user add admin@example.org --role admin <pw
ok "a member of RLSCB" --db api.db user add sue@example.org --role member --person sue-cassin <pw
ok "a member of ILSC only" --db api.db user add beaumont@example.org --role member --person beaumont <pw
ok "a police partner" --db api.db user add jason@example.org --role partner --person jason-harwin --organisation south-yorkshire-police <pw
ok "a chair (of ILSC)" --db api.db user add cusworth@example.org --role chair --person cusworth <pw
for who in admin sue beaumont jason cusworth; do
	"$MASA" --db api.db token create "$who@example.org" --name tests >"tok_$who" 2>/dev/null
	eval "TOKEN_$who=\$(cat tok_$who)"
done
[ ${#TOKEN_admin} -eq 43 ] && pass "tokens made" || fail "tokens made" "admin token: '$TOKEN_admin'"

start_server api.db --static static
pass "serve starts"

BODY=$WORK/body
HEAD=$WORK/head
SAMPLES=$WORK/samples.tsv
: >"$SAMPLES"
nsample=0
# api WHO METHOD PATH [CURL ARGS...]: one request as WHO (public or an
# account); status in $CODE, headers in $HEAD, body in $BODY. The response
# is kept for the OpenAPI check at the end.
api() {
	local who=$1 method=$2 path=$3 token
	shift 3
	rm -f "$BODY" "$HEAD"
	if [ "$who" = public ]; then
		CODE=$(curl -s --max-time 10 -X "$method" -o "$BODY" -D "$HEAD" -w '%{http_code}' "$@" "$URL$path" 2>/dev/null)
	else
		token=$(eval "echo \$TOKEN_$who")
		CODE=$(curl -s --max-time 10 -X "$method" -o "$BODY" -D "$HEAD" -w '%{http_code}' \
			-H "Authorization: Bearer $token" "$@" "$URL$path" 2>/dev/null)
	fi
	nsample=$((nsample + 1))
	cp "$BODY" "$WORK/sample.$nsample" 2>/dev/null || : >"$WORK/sample.$nsample"
	printf '%s\t%s\t%s\t%s\n' "$method" "$path" "$CODE" "$WORK/sample.$nsample" >>"$SAMPLES"
}
# post WHO PATH JSON: a POST of JSON.
post() {
	api "$1" POST "$2" -H 'Content-Type: application/json' --data-binary "$3"
}
code_is() {
	[ "$CODE" = "$2" ] && pass "$1" || fail "$1" "status $CODE, wanted $2" "$(head -c 300 "$BODY")"
}
# jq_is NAME FILTER WANT: jq on the last body.
jq_is() {
	local got
	got=$(jq -r "$2" "$BODY" 2>&1)
	[ "$got" = "$3" ] && pass "$1" || fail "$1" "jq '$2' gave '$got', wanted '$3'"
}
body_hasnt() {
	grep -qF -- "$2" "$BODY" && fail "$1" "body has: $2" || pass "$1"
}
body_has() {
	grep -qF -- "$2" "$BODY" && pass "$1" || fail "$1" "body lacks: $2"
}
# is_error NAME STATUS: the last answer is STATUS with the JSON error shape.
is_error() {
	if [ "$CODE" = "$2" ] && [ "$(jq -r '.error.status' "$BODY" 2>/dev/null)" = "$2" ] &&
		[ -n "$(jq -r '.error.message // empty' "$BODY" 2>/dev/null)" ]; then
		pass "$1"
	else
		fail "$1" "status $CODE, wanted $2 with {error: {status, title, message}}" "$(head -c 300 "$BODY")"
	fi
}
# counts: what must not change when a request is refused.
counts() {
	sqlite3 api.db "SELECT (SELECT COUNT(*) FROM action), (SELECT COUNT(*) FROM action_update), (SELECT COUNT(*) FROM action_owner), (SELECT COUNT(*) FROM audit_log)"
}

# --- the document ---
api public GET /api/v1/openapi.json
code_is "openapi.json is served" 200
cp "$BODY" openapi.json
jq_is "it is OpenAPI 3.1" .openapi 3.1.0
tr -d '\r' <"$HEAD" | grep -qi '^Content-Type: application/json' &&
	pass "as application/json" || fail "as application/json"
for path in /api/v1/bodies /api/v1/bodies/{body} /api/v1/bodies/{body}/members \
	/api/v1/bodies/{body}/programme /api/v1/meetings /api/v1/meetings/{body}/{date} \
	/api/v1/meetings/{body}/{date}/items /api/v1/meetings/{body}/{date}/attendance \
	/api/v1/meetings/{body}/{date}/resolutions /api/v1/actions \
	/api/v1/actions/{body}/{date}/{number} /api/v1/actions/{body}/{date}/{number}/updates \
	/api/v1/actions/{body}/{standing} /api/v1/actions/{body}/{standing}/updates; do
	jq -e --arg p "$path" '.paths[$p]' openapi.json >/dev/null &&
		pass "the document describes $path" || fail "the document describes $path"
done
jq_is "with the bearer scheme" '.components.securitySchemes.bearerAuth.scheme' bearer

# --- bodies (public) ---
api public GET /api/v1/bodies
code_is "GET bodies" 200
jq_is "the first body is RLSCB" '.data[0].short_name' RLSCB
jq_is "a body names its parent" '.data[] | select(.short_name == "RLSCB-EXEC") | .parent' RLSCB
jq_is "one page holds them all" .next null
all_bodies=$(jq -r '[.data[].short_name] | join(",")' "$BODY")
api public GET "/api/v1/bodies?limit=5"
jq_is "limit=5 gives 5" '.data | length' 5
walked=$(jq -r '[.data[].short_name] | join(",")' "$BODY")
next=$(jq -r .next "$BODY")
jq_is "and a next link with the cursor" .next "/api/v1/bodies?limit=5&cursor=5"
pages=1
while [ "$next" != null ] && [ "$pages" -lt 20 ]; do
	api public GET "$next"
	walked="$walked,$(jq -r '[.data[].short_name] | join(",")' "$BODY")"
	next=$(jq -r .next "$BODY")
	pages=$((pages + 1))
done
[ "$walked" = "$all_bodies" ] && pass "following next walks every body once, in order ($pages pages)" ||
	fail "following next walks every body once" "got $walked" "want $all_bodies"
api public GET /api/v1/bodies/RLSCB
code_is "GET a body" 200
jq_is "with its quorum" .quorum.count 6
api public GET /api/v1/bodies/NOPE
is_error "an unknown body is 404" 404
api public GET "/api/v1/bodies/RLSCB/members?on=2014-12-04"
code_is "GET members on a date" 200
jq_is "the chair first" '.data[0].person' steve-ashley
api public GET "/api/v1/bodies/RLSCB/members?on=2014-12-04&limit=3&cursor=3"
jq_is "a later page of members" '.data | length' 3
api public GET "/api/v1/bodies/RLSCB/members?on=2014-13-45"
is_error "a bad date is 400" 400
jq_is "naming the parameter" '.error.message | startswith("on:")' true
api public GET /api/v1/bodies/ILSC/programme
code_is "GET a programme" 200
jq_is "with its entries" '.data | length' 4
api public GET /api/v1/bodies/NOPE/programme
is_error "the programme of an unknown body is 404" 404

# --- meetings (public) ---
api public GET /api/v1/meetings
code_is "GET meetings" 200
jq_is "every meeting of the demo" '.data | length' 14
api public GET "/api/v1/meetings?body=RLSCB&from=2014-09-01&to=2014-12-31"
jq_is "filtered by body and dates" '[.data[].key] | join(",")' "RLSCB/2014-09-04,RLSCB/2014-12-04"
api public GET "/api/v1/meetings?limit=4&cursor=12"
jq_is "the last page" '[(.data | length), .next] | join(",")' "2,"
api public GET "/api/v1/meetings?body=NOPE"
is_error "an unknown body filter is 400" 400
api public GET "/api/v1/meetings?limit=0"
is_error "limit=0 is 400" 400
api public GET "/api/v1/meetings?limit=1001"
is_error "limit=1001 is 400" 400
api public GET "/api/v1/meetings?cursor=-1"
is_error "a negative cursor is 400" 400
api public GET "/api/v1/meetings?limit=2&limit=3"
is_error "a parameter given twice is 400" 400

M=/api/v1/meetings/RLSCB/2014-12-04
api public GET $M
code_is "GET a meeting (public)" 200
jq_is "with its open items" '[.items[].number] | index("4.1") != null' true
jq_is "and attendance" '.attendance | length > 0' true
jq_is "no confidential item" '[.items[] | select(.number == "5" or .number == "8" or .number == "8.1")] | length' 0
jq_is "the open papers of published minutes for the public" '[.items[].documents[]] | length > 0' true
body_hasnt "no secret anywhere (public)" SECRET
api public GET $M/items
jq_is "GET items (public) leaves them out" '[.data[].number] | map(select(. == "5" or startswith("8"))) | length' 0
body_hasnt "and their text" SECRET
api public GET $M/resolutions
code_is "GET resolutions (public)" 200
body_hasnt "no confidential resolution" SECRET
api public GET $M/attendance
code_is "GET attendance (public)" 200
jq_is "attendance lists people" '.data[0].person' steve-ashley
api public GET "$M/items?limit=2"
next=$(jq -r .next "$BODY")
api public GET "$next"
jq_is "items page on" '.data[0].number' 3
api public GET /api/v1/meetings/ILSC/2019-06-11
jq_is "draft minutes: the public sees the meeting" .key ILSC/2019-06-11
jq_is "but not its items" '.items | length' 0
jq_is "and the minutes status says why" .minutes.status draft
api public GET /api/v1/meetings/ILSC/2019-06-11/items
jq_is "nor through /items" '.data | length' 0
api public GET /api/v1/meetings/RLSCB/2099-01-01
is_error "an unknown meeting is 404" 404
api public GET /api/v1/meetings/NOPE/2014-12-04/items
is_error "an unknown body's meeting is 404" 404

# --- actions need a signed-in role ---
api public GET /api/v1/actions
is_error "the public may not list actions (401)" 401
api public GET /api/v1/actions/RLSCB/2014-12-04/1
is_error "nor read one (401)" 401
before=$(counts)
post public /api/v1/actions/RLSCB/2014-12-04/1/updates '{"text": "anonymous"}'
is_error "nor update one (401)" 401

# Role checks: each role signs in with its bearer token. A token masa
# made that masa then refuses is a failure, not a reason to skip.
api admin GET /api/v1/actions
code_is "admin: GET actions: the bearer token masa token create made is accepted" 200
jq_is "admin: every action, the confidential one too" '[.data[].reference] | index("RLSCB/2014-12-04/10") != null' true
api admin GET "/api/v1/actions?body=RLSCB&limit=3"
walked=$(jq -r '[.data[].reference] | join(",")' "$BODY")
next=$(jq -r .next "$BODY")
pages=1
while [ "$next" != null ] && [ "$pages" -lt 20 ]; do
	api admin GET "$next"
	walked="$walked,$(jq -r '[.data[].reference] | join(",")' "$BODY")"
	next=$(jq -r .next "$BODY")
	pages=$((pages + 1))
done
api admin GET "/api/v1/actions?body=RLSCB&limit=1000"
[ "$walked" = "$(jq -r '[.data[].reference] | join(",")' "$BODY")" ] &&
	pass "admin: pages of 3 actions add up to the whole log ($pages pages)" ||
	fail "admin: pages of 3 actions add up to the whole log" "$walked"
api admin GET "/api/v1/actions?body=RLSCB&as_at=2014-12-04&status=in_progress"
jq_is "status as at a date" '[.data[].reference] | join(",")' "RLSCB/2014-06-05/8"
api admin GET "/api/v1/actions?owner=steve-ashley&as_at=2015-01-05"
jq_is "by owner" '[.data[].owners[].key] | unique | join(",")' steve-ashley
api admin GET "/api/v1/actions?organisation=south-yorkshire-police&overdue=true&as_at=2015-06-01"
jq_is "by organisation, overdue" '[.data[].reference] | join(",")' "RLSCB/2014-09-04/9"
jq_is "with days overdue" '.data[0].days_overdue > 0' true
api admin GET "/api/v1/actions?owner=nobody"
is_error "an unknown owner is 400" 400
api admin GET "/api/v1/actions?status=bogus"
is_error "an unknown status is 400" 400
api admin GET /api/v1/actions/RLSCB/2014-06-05/8
code_is "admin: GET an action" 200
jq_is "with its history" '.updates[0].text' On-going
api admin GET /api/v1/actions/RLSCB/2014-06-05/8/updates
jq_is "GET its updates" '.data[0].status' in_progress
api admin GET /api/v1/actions/RLSCB/2014-12-04/99
is_error "an unknown action is 404" 404
api admin GET /api/v1/actions/RLSCB/A99
is_error "an unknown standing action is 404" 404
api admin GET /api/v1/actions/RLSCB/B1
is_error "a malformed standing reference is 404" 404
api admin GET /api/v1/actions/RLSCB/2014-12-04/10
code_is "admin: the action under the confidential item" 200

# Confidential: members of RLSCB see item 5; a member of ILSC only,
# and a chair who does not sit on RLSCB, do not.
api sue GET $M
jq_is "member of the body: sees the confidential item" '[.items[] | select(.number == "5")] | length' 1
jq_is "its resolution" '.items[] | select(.number == "5") | .resolutions[0].text' "SECRET-RESOLUTION that the plan be agreed"
jq_is "and its paper" '.items[] | select(.number == "5") | .documents[0].title' "SECRET-PAPER improvement plan"
jq_is "and the sub-items of a confidential item, marked so" '.items[] | select(.number == "8.1") | .confidential' true
for who in beaumont cusworth; do
	api $who GET $M
	jq_is "$who: no confidential item" '[.items[] | select(.confidential)] | length' 0
	body_hasnt "$who: no secret in the meeting" SECRET
	api $who GET $M/resolutions
	body_hasnt "$who: no secret resolution" SECRET
	api $who GET $M/items
	body_hasnt "$who: no secret item" SECRET
	api $who GET "/api/v1/actions?limit=1000"
	body_hasnt "$who: the confidential action is not listed" SECRET
	api $who GET /api/v1/actions/RLSCB/2014-12-04/10
	is_error "$who: nor found (404)" 404
	api $who GET /api/v1/actions/RLSCB/2014-12-04/10/updates
	is_error "$who: nor its updates" 404
done
api beaumont GET $M
jq_is "a member of another body sees the open papers" '[.items[].documents[]] | length > 0' true

# A published agenda of a meeting whose minutes are drafts: everyone sees
# its open items, none of their minutes, and no attendance.
ok "an item on a draft meeting's agenda" --db api.db agenda add ILSC/2019-09-17 \
	--title "Open agenda item"
ok "its agenda published" --db api.db agenda publish ILSC/2019-09-17 --on 2019-09-01
api public GET /api/v1/meetings/ILSC/2019-09-17
code_is "GET a meeting with a published agenda (public)" 200
jq_is "the published agenda's open items" '[.items[].title] | index("Open agenda item") != null' true
jq_is "not their draft minutes" '[.items[].minutes | select(. != null)] | length' 0
jq_is "nor their resolutions" '[.items[].resolutions[]] | length' 0
jq_is "nor who came" '.attendance | length' 0
jq_is "and the date it was published" .agenda_published_on 2019-09-01
jq_is "no confidential item" '[.items[] | select(.confidential)] | length' 0
api cusworth GET $M
jq_is "a chair sees the open papers" '[.items[].documents[].title] | index("OPEN-PAPER commissioning strategy") != null' true
api sue GET /api/v1/actions/RLSCB/2014-12-04/10
code_is "a member of the body sees the confidential action" 200
api beaumont GET /api/v1/meetings/ILSC/2019-06-11
jq_is "signed in: draft minutes are shown" '.items | length' 1

# A partner updates the actions of their organisation, and only those.
before=$(counts)
post jason /api/v1/actions/RLSCB/2014-12-04/1/updates '{"text": "not mine", "status": "discharged"}'
is_error "partner: another organisation's action is 403" 403
[ "$(counts)" = "$before" ] && pass "and nothing is stored" || fail "and nothing is stored" "$before -> $(counts)"
post beaumont /api/v1/actions/RLSCB/2014-12-04/4/updates '{"text": "not mine"}'
is_error "member: someone else's action is 403" 403
post cusworth /api/v1/actions/RLSCB/2014-12-04/4/updates '{"text": "not mine"}'
is_error "chair: someone else's action is 403" 403
[ "$(counts)" = "$before" ] && pass "still nothing stored" || fail "still nothing stored"

post jason /api/v1/actions/RLSCB/2014-12-04/4/updates \
	'{"text": "<script>alert(1)</script> & <img src=x onerror=alert(2)>", "status": "in_progress", "date": "2015-01-05"}'
code_is "partner: updates their own action (201)" 201
jq_is "the update as stored" .status in_progress
tr -d '\r' <"$HEAD" | grep -q '^Location: /api/v1/actions/RLSCB/2014-12-04/4/updates' &&
	pass "with its Location" || fail "with its Location"
api sue GET /api/v1/actions/RLSCB/2014-12-04/4/updates
jq_is "script text comes back as the same text" '.data[-1].text' "<script>alert(1)</script> & <img src=x onerror=alert(2)>"
tr -d '\r' <"$HEAD" | grep -qi '^Content-Type: application/json' &&
	tr -d '\r' <"$HEAD" | grep -qi '^X-Content-Type-Options: nosniff' &&
	pass "as JSON that no browser sniffs as HTML" || fail "as JSON that no browser sniffs as HTML"
[ "$(sqlite3 api.db "SELECT text FROM action_update ORDER BY id DESC LIMIT 1")" = \
	"<script>alert(1)</script> & <img src=x onerror=alert(2)>" ] &&
	pass "and stored as typed" || fail "and stored as typed"
[ "$(sqlite3 api.db "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1")" = "api:jason@example.org" ] &&
	pass "the audit log names the account" || fail "the audit log names the account" "$(sqlite3 api.db "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1")"
post sue /api/v1/actions/RLSCB/2014-12-04/2/updates '{"text": "x"}'
is_error "member: an action they do not own is 403" 403

# Bad bodies: the right status, a message naming the member, nothing stored.
before=$(counts)
A=/api/v1/actions/RLSCB/2014-12-04/4/updates
post jason $A '{"text": "half'
is_error "malformed JSON is 400" 400
post jason $A '{"text": "a", "text": "b"}'
is_error "a duplicate key is 400" 400
body_has "naming it" '\"text\"'
post jason $A '{"text": "a", "colour": "red"}'
is_error "an unknown member is 400" 400
jq_is "naming it" '.error.message | startswith("colour:")' true
post jason $A '{"text": 5}'
is_error "a number for text is 400" 400
jq_is "naming the member" '.error.message' "text: must be a string"
post jason $A '{"status": "finished"}'
is_error "an unknown status is 400" 400
post jason $A '{"text": "x", "date": "2015-02-30"}'
is_error "an impossible date is 400" 400
post jason $A '{"text": "x", "date": "2001-01-01"}'
is_error "a date before the action was raised is 400" 400
post jason $A '{}'
is_error "neither text nor status is 400" 400
post jason $A '["text"]'
is_error "an array is 400" 400
post jason $A ''
is_error "no body is 400" 400
printf '{"text": "caf\xe9"}' >latin1.json
api jason POST $A -H 'Content-Type: application/json' --data-binary @latin1.json
is_error "non-UTF-8 is 400" 400
post jason $A '{"text": "nul \u0000 byte"}'
is_error "an escaped NUL is 400" 400
post jason $A '{"text": "bell \u0007"}'
is_error "a control character is 400" 400
post jason $A "{\"text\": \"$(head -c 10001 /dev/zero | tr '\0' a)\"}"
is_error "text over 10,000 characters is 400" 400
post jason /api/v1/actions/RLSCB/2014-12-04/99/updates '{"text": "x"}'
is_error "an unknown action is 404" 404
[ "$(counts)" = "$before" ] && pass "no bad request stored anything" || fail "no bad request stored anything" "$before -> $(counts)"

# Raising actions: admins only.
RAISE='{"body": "RLSCB", "raised_on": "2015-01-10", "details": "Standing <b>alone</b>", "due_date": "2015-04-01", "owners": [{"person": "jason-harwin"}, {"organisation": "rotherham-council"}]}'
for who in sue jason cusworth; do
	post $who /api/v1/actions "$RAISE"
	is_error "$who may not raise an action (403)" 403
done
post public /api/v1/actions "$RAISE"
is_error "nor the public (401)" 401
[ "$(counts)" = "$before" ] && pass "nothing raised" || fail "nothing raised"
post admin /api/v1/actions "$RAISE"
code_is "admin raises a standing action (201)" 201
jq_is "numbered in the body's standing log" .reference RLSCB/A1
jq_is "with both owners" '[.owners[].kind] | join(",")' person,organisation
api jason GET /api/v1/actions/RLSCB/A1
code_is "GET a standing action" 200
jq_is "its details as typed" .details "Standing <b>alone</b>"
post jason /api/v1/actions/RLSCB/A1/updates '{"status": "discharged", "date": "2015-02-01"}'
code_is "its owner updates it" 201
api jason GET /api/v1/actions/RLSCB/A1/updates
jq_is "GET a standing action's updates" '.data[0].status' discharged
post admin /api/v1/actions '{"body": "RLSCB", "meeting": "RLSCB/2014-12-04", "item": "4.1", "details": "At the meeting", "owners": [{"all_members": true}]}'
code_is "admin raises an action at a meeting" 201
jq_is "numbered after the meeting's last" .reference RLSCB/2014-12-04/11
before=$(counts)
post admin /api/v1/actions '{"body": "RLSCB", "raised_on": "2015-01-10", "details": "x", "owners": [{"person": "nobody"}]}'
is_error "an unknown owner is 400" 400
jq_is "naming where" '.error.message | startswith("owners[0].person:")' true
post admin /api/v1/actions '{"body": "RLSCB", "raised_on": "2015-01-10", "details": "x", "owners": [{"person": "jason-harwin", "all_members": true}]}'
is_error "an owner of two kinds is 400" 400
post admin /api/v1/actions '{"body": "RLSCB", "raised_on": "2015-01-10", "details": "x", "owners": []}'
is_error "no owner is 400" 400
post admin /api/v1/actions '{"body": "RLSCB", "details": "x", "owners": [{"all_members": true}]}'
is_error "no date and no meeting is 400" 400
post admin /api/v1/actions '{"body": "NOPE", "raised_on": "2015-01-10", "details": "x", "owners": [{"all_members": true}]}'
is_error "an unknown body is 400" 400
post admin /api/v1/actions '{"body": "RLSCB", "raised_on": "2015-01-10", "due_date": "2014-01-01", "details": "x", "owners": [{"all_members": true}]}'
is_error "due before raised is 400" 400
post admin /api/v1/actions '{"body": "RLSCB", "meeting": "RLSCB/2014-12-04", "item": "77", "details": "x", "owners": [{"all_members": true}]}'
is_error "an unknown item is 400" 400
[ "$(counts)" = "$before" ] && pass "no bad raise stored anything" || fail "no bad raise stored anything" "$before -> $(counts)"

api public GET /api/v1/actions -H "Authorization: Bearer not-a-real-token-at-all"
is_error "an unknown token is 401" 401

# --- routes and methods ---
api public GET /api/v1/nope
is_error "an unknown route is 404 in JSON" 404
api public DELETE /api/v1/bodies
is_error "DELETE is 405 in JSON" 405
tr -d '\r' <"$HEAD" | grep -q '^Allow: GET, HEAD' && pass "with Allow" || fail "with Allow"
api public GET "/api/v1/bodies?evil=%3Cscript%3E"
code_is "an undeclared parameter is dropped" 200

# --- every response against the document ---
if command -v node >/dev/null && [ -d "$ROOT/node_modules/@seriousme/openapi-schema-validator" ]; then
	# A response that breaks its schema must fail, or the check proves nothing.
	printf '{"data": [{"short_name": 5}], "next": null}' >broken.json
	printf 'GET\t/api/v1/bodies\t200\t%s\n' "$WORK/broken.json" >broken.tsv
	if (cd "$ROOT" && node tests/api/validate.mjs "$WORK/openapi.json" "$WORK/broken.tsv") | grep -q '^not ok - GET /api/v1/bodies'; then
		pass "the validator refuses a response that breaks the schema"
	else
		fail "the validator refuses a response that breaks the schema"
	fi
	# Unknown routes and methods have no operation in the document.
	grep -v -e $'\t/api/v1/nope\t' -e $'^DELETE\t' "$SAMPLES" >samples.checked
	(cd "$ROOT" && node tests/api/validate.mjs "$WORK/openapi.json" "$WORK/samples.checked") >validate.out 2>&1
	status=$?
	checked=0
	while IFS= read -r line; do
		case $line in
		"ok - "*) pass "${line#ok - }"; checked=$((checked + 1)) ;;
		"not ok - "*) fail "${line#not ok - }"; checked=$((checked + 1)) ;;
		"# "*) echo "$line" ;;
		esac
	done <validate.out
	[ "$status" -eq 0 ] && [ "$checked" -gt 1 ] && pass "validate.mjs checked $checked things" ||
		fail "validate.mjs ran" "status $status" "$(head -5 validate.out)"
else
	fail "node and @seriousme/openapi-schema-validator are installed" "run scripts/setup --test"
fi

kill -TERM "$SERVER_PID"
wait "$SERVER_PID"
status=$?
SERVER_PID=""
[ "$status" -eq 0 ] && pass "the server stops cleanly" || {
	fail "the server stops cleanly" "exit status $status"
	grep -v '^[0-9]\{4\}-' serve.err | head -20 | sed 's/^/# /'
}

done_testing
