# The action pages, the work programme page and the home page against a real
# server on the demo partnership: each route for each role (the public is
# sent to sign in), the log's filters against `masa actions log` and
# `masa actions overdue`, the as-at log against the golden appendix, the
# police partner updating their action and refused (403, nothing stored) on
# another organisation's, stale CSRF, invalid forms, escaping, unknown
# actions, confidential actions, the business unit's reassignment and
# programme form, and the home page's lists.
. "$(dirname "$0")/lib.sh"

PW="correct horse battery staple"
ok "init --demo" --db demo.db init --demo
add_user() { printf '%s\n' "$PW" | "$MASA" --db demo.db user add "$@" >/dev/null; }
add_user admin --role admin
add_user chair --role chair --person steve-ashley
add_user member --role member --person sue-cassin
add_user outsider --role member --person carole-lavelle
add_user police --role partner --person jason-harwin --organisation south-yorkshire-police
# A standing-alone action, and one raised under an item made confidential.
ok "raise a standing-alone action" --db demo.db actions raise RLSCB \
	--details "Review the board's terms of reference" --owners org:south-yorkshire-police \
	--on 2015-01-10 --due 2015-03-01
item=$(sqlite3 demo.db "SELECT item_id FROM action WHERE key = 'RLSCB/2014-12-04/9'")
sqlite3 demo.db "UPDATE item SET confidential = 1 WHERE id = $item"
start_server demo.db

sign_in admin.jar admin "$PW"
sign_in chair.jar chair "$PW"
sign_in member.jar member "$PW"
sign_in outsider.jar outsider "$PW"
sign_in police.jar police "$PW"
code_is "the police partner signs in" 303

# refs FILE: the action references linked from a page, sorted.
refs() { grep -o 'href="/actions/[^"/]*/[^"]*"' "$1" | sed 's/href="\/actions\///; s/"$//' | sort -u; }

# --- who may see what ---
for path in /actions /bodies/RLSCB/actions /actions/RLSCB/2014-06-05/10 /actions/RLSCB/A1; do
	req "$URL$path"
	code_is "the public is sent to sign in for $path" 303
	header_has "back to $path afterwards" "Location: /sign-in?next=$path"
done
for who in member partner chair admin; do
	jar=$who.jar
	[ "$who" = partner ] && jar=police.jar
	for path in / /actions /bodies/RLSCB/actions /actions/RLSCB/2014-06-05/10 /actions/RLSCB/A1 /bodies/ILSC/programme; do
		req -b "$jar" "$URL$path"
		code_is "$who sees $path" 200
	done
done
req "$URL/"
code_is "the public sees the home page" 200
body_has "with the partnership's name" "Rotherham Safeguarding Children Partnership"
body_has "recently published minutes" 'href="/meetings/RLSCB/2014-12-04"'
body_has "and a link to the structure" 'href="/structure"'
body_hasnt "but no actions" "My actions"
req "$URL/bodies/ILSC/programme"
code_is "the public sees a work programme" 200
body_has "with its entries" "Improving Lives work programme"
body_has "linking to the resolution's meeting" 'href="/meetings/ILSC/2019-07-09"'
body_hasnt "but no form to add one" 'action="/bodies/ILSC/programme"'

# --- the log and its filters ---
req -b member.jar "$URL/actions"
body_has "/actions lists the bodies with actions" 'href="/bodies/RLSCB/actions"'
body_has "with a link to the overdue ones" 'href="/bodies/RLSCB/actions?status=open&amp;overdue=yes"'
"$MASA" --db demo.db actions log RLSCB --as-at 2014-12-04 --json >log.json
jq -r '(.raised + .finished + .ongoing)[].id' log.json | sort >cli.refs
req -b member.jar "$URL/bodies/RLSCB/actions?as_at=2014-12-04"
refs "$BODY" >web.refs
if [ -s cli.refs ] && cmp -s cli.refs web.refs; then pass "the as-at log has the CLI log's references"; else
	fail "the as-at log has the CLI log's references" "$(diff cli.refs web.refs | head -5)"; fi
# The golden appendix numbers its actions within each part: same counts.
golden=$ROOT/tests/golden/actions-log-RLSCB-2014-12-04.txt
want=$(grep -cE '^  [0-9]+\. ' "$golden")
[ "$(wc -l <web.refs)" -eq "$want" ] && pass "as many as the golden appendix ($want)" ||
	fail "as many as the golden appendix ($want)" "got $(wc -l <web.refs)"
body_has "in the appendix's parts" "Actions raised earlier, finished on 4 December 2014"
body_has "with the on-going part" "Actions on-going as at 4 December 2014"
body_has "the As at filter shows the date in GOV.UK fields" 'name="as_at-month" type="text" value="12"'
req -b member.jar "$URL/bodies/RLSCB/actions?as_at-day=4&as_at-month=12&as_at-year=2014"
code_is "the filter form's fields answer 200" 200
refs "$BODY" >fields.refs
cmp -s web.refs fields.refs && pass "the same log as ?as_at=2014-12-04" || fail "the same log as ?as_at=2014-12-04"
req -b member.jar "$URL/bodies/RLSCB/actions?as_at-day=31&as_at-month=11&as_at-year=2014"
code_is "a date that is not one is 400" 400
body_has "naming the field" '<a href="#as_at-day">The date to show the log as at must be a real date</a>'
body_has "the fields keep it" 'name="as_at-day" type="text" value="31"'
body_has "and the log is today's" "Actions on-going as at $(date -u '+%-d %B %Y')"
req -b member.jar "$URL/bodies/RLSCB/actions?as_at=2014-12-04"
# The printed appendix (golden), the log page and the API read one log
# (gov_log_query): the page lists the same references in the appendix's
# order, and the API gives each the same status and owners as at the date.
jq -r '(.raised + .finished + .ongoing)[].id' log.json >cli.order
grep -o 'href="/actions/[^"/]*/[^"]*"' "$BODY" | sed 's/href="\/actions\///; s/"$//' | uniq >web.order
[ -s cli.order ] && cmp -s cli.order web.order && pass "the as-at log page is in the printed appendix's order" ||
	fail "the as-at log page is in the printed appendix's order" "$(diff cli.order web.order | head -5)"
jq -r '(.raised + .finished + .ongoing)[] | "\(.id) \(.status) \([.owners[].name] | join("/"))"' log.json | sort >cli.rows
token=$("$MASA" --db demo.db token create admin --name "log check" 2>/dev/null)
curl -s --max-time 10 -H "Authorization: Bearer $token" \
	"$URL/api/v1/actions?body=RLSCB&as_at=2014-12-04&limit=100" >api.json
jq -r '.data[] | "\(.reference) \(.status) \([.owners[].name] | join("/"))"' api.json 2>/dev/null |
	grep -Fxf cli.rows | sort >api.rows
[ -s cli.rows ] && cmp -s cli.rows api.rows && pass "the API gives the printed log's statuses and owners as at the date" ||
	fail "the API gives the printed log's statuses and owners as at the date" "$(diff cli.rows api.rows | head -5)"
grep -q "RLSCB/2014-06-05/10 open Paul Grimwood/Jason Harwin" api.rows &&
	pass "the API names 10's owners after the replacement, as the appendix" ||
	fail "the API names 10's owners after the replacement, as the appendix" "$(grep 2014-06-05/10 api.rows)"
"$MASA" --db demo.db actions log RLSCB --json >now.json
jq -r '(.raised + .finished + .ongoing)[].id' now.json | sort >cli.refs
req -b member.jar "$URL/bodies/RLSCB/actions"
refs "$BODY" >all.refs
cmp -s cli.refs all.refs && pass "today's log has the CLI log's references" ||
	fail "today's log has the CLI log's references" "$(diff cli.refs all.refs | head -5)"
"$MASA" --db demo.db actions overdue --body RLSCB --json | jq -r '.[].id' | sort >cli.refs
req -b member.jar "$URL/bodies/RLSCB/actions?status=open&overdue=yes"
refs "$BODY" >web.refs
[ -s cli.refs ] && cmp -s cli.refs web.refs && pass "overdue=yes shows the CLI's overdue actions" ||
	fail "overdue=yes shows the CLI's overdue actions" "$(diff cli.refs web.refs | head -5)"
req -b member.jar "$URL/bodies/RLSCB/actions?owner=jason-harwin"
refs "$BODY" >web.refs
grep -qx "RLSCB/2014-06-05/10" web.refs && pass "owner= shows Jason Harwin's action" || fail "owner= shows Jason Harwin's action"
grep -qx "RLSCB/2014-06-05/8" web.refs && fail "and not John Radford's" || pass "and not John Radford's"
req -b member.jar "$URL/bodies/RLSCB/actions?organisation=south-yorkshire-police&status=all"
refs "$BODY" >org.refs
grep -qx "RLSCB/2014-06-05/10" org.refs && pass "organisation= shows the police's actions" || fail "organisation= shows the police's actions"
[ "$(wc -l <org.refs)" -lt "$(wc -l <all.refs)" ] && pass "fewer than the whole log" || fail "fewer than the whole log"
req -b member.jar "$URL/bodies/RLSCB/actions?status=finished"
refs "$BODY" >web.refs
grep -qx "RLSCB/2014-09-04/4" web.refs && ! grep -qx "RLSCB/2014-06-05/10" web.refs &&
	pass "status=finished shows only finished actions" || fail "status=finished shows only finished actions"
body_has "the filter form is a GET form" 'method="get"'
req -b member.jar "$URL/bodies/RLSCB/actions?status=bogus"
code_is "an unknown status is 400" 400
req -b member.jar "$URL/bodies/RLSCB/actions?owner=nobody-at-all"
code_is "an unknown owner is 400" 400
req -b member.jar "$URL/bodies/NOPE/actions"
code_is "an unknown body is 404" 404

# --- confidential actions ---
req -b outsider.jar "$URL/bodies/RLSCB/actions?as_at=2014-12-04"
refs "$BODY" | grep -qx "RLSCB/2014-12-04/9" && fail "a member not on the board does not see a confidential action" ||
	pass "a member not on the board does not see a confidential action"
req -b outsider.jar "$URL/actions/RLSCB/2014-12-04/9"
code_is "nor its page (404)" 404
req -b member.jar "$URL/actions/RLSCB/2014-12-04/9"
code_is "a member of the board does" 200
req -b admin.jar "$URL/bodies/RLSCB/actions?as_at=2014-12-04"
refs "$BODY" | grep -qx "RLSCB/2014-12-04/9" && pass "the business unit does" || fail "the business unit does"
body_has "marked confidential" "Confidential"
# The partnership-wide lists leave it out too (gov filters every list).
req -b outsider.jar "$URL/actions?owner=steve-ashley"
refs "$BODY" >outsider.refs
req -b admin.jar "$URL/actions?owner=steve-ashley"
refs "$BODY" >admin.refs
grep -qx "RLSCB/2014-12-04/9" admin.refs && ! grep -qx "RLSCB/2014-12-04/9" outsider.refs &&
	pass "owner= lists the confidential action to the business unit, not to a member not on the board" ||
	fail "owner= lists the confidential action to the business unit, not to a member not on the board" "$(cat outsider.refs admin.refs | head -8)"
[ "$(wc -l <outsider.refs)" -eq $(($(wc -l <admin.refs) - 1)) ] && pass "and only it is left out" ||
	fail "and only it is left out" "$(diff admin.refs outsider.refs | head -5)"

# --- one action and updates ---
req -b police.jar "$URL/actions/RLSCB/2014-06-05/10"
body_has "the action page names its owners" "Jason Harwin"
body_has "its owner history" "Pete Horner"
body_has "its history" "in replacement of Pete Horner"
body_has "links the meeting that raised it" 'href="/meetings/RLSCB/2014-06-05"'
body_has "offers the police an update form" 'action="/actions/RLSCB/2014-06-05/10/updates"'
body_hasnt "but not the business unit's form" 'action="/actions/RLSCB/2014-06-05/10/owners"'
body_has "the status it keeps, in lower case mid-sentence" "Keep it open"
body_has "its history table scrolls in a region a keyboard can focus" \
	'<div class="masa-table-wrap" role="region" aria-label="Updates, oldest first" tabindex="0">'
tok=$(csrf_of)
"$MASA" --db demo.db dump >before.json
req -b police.jar "$URL/actions/RLSCB/2014-06-05/8/updates" --data-urlencode "csrf=$tok" \
	--data-urlencode "update=Not ours" -d status=closed
code_is "the police updating another organisation's action is refused" 403
body_has "with a readable GOV.UK page" "govuk-heading-l"
body_has "saying nothing was saved" "nothing was saved"
"$MASA" --db demo.db dump >after.json
cmp -s before.json after.json && pass "and nothing is stored" || fail "and nothing is stored"
req -b member.jar "$URL/actions/RLSCB/2014-06-05/10"
body_hasnt "a member who does not own it gets no form" 'action="/actions/RLSCB/2014-06-05/10/updates"'
mtok=$(csrf_of)
req -b member.jar "$URL/actions/RLSCB/2014-06-05/10/updates" --data-urlencode "csrf=$mtok" -d update=mine
code_is "and a member's update is refused" 403
req -b police.jar "$URL/actions/RLSCB/2014-06-05/10/updates" -d csrf=stale -d update=late
code_is "a stale csrf token is refused" 403
req -b police.jar "$URL/actions/RLSCB/2014-06-05/10/updates" --data-urlencode "csrf=$tok" \
	-d update= -d date-day=31 -d date-month=2 -d date-year=2020
code_is "an empty update with a wrong date is 400" 400
body_has "with the error summary" "govuk-error-summary"
body_has "naming the date" "real date"
body_has "and the text" "Enter what has been done"
req -b police.jar "$URL/actions/RLSCB/2014-06-05/10/updates" --data-urlencode "csrf=$tok" \
	-d update=x -d date-day=1 -d date-month=1 -d date-year=2999
code_is "an update in the future is 400" 400
"$MASA" --db demo.db dump >after.json
cmp -s before.json after.json && pass "the refused forms stored nothing" || fail "the refused forms stored nothing"
req -b police.jar "$URL/actions/RLSCB/2014-06-05/10/updates" --data-urlencode "csrf=$tok" \
	--data-urlencode "update=Spreadsheet sent <script>alert(1)</script>" -d status=in_progress
code_is "the police update their action" 303
header_has "back to the action" "Location: /actions/RLSCB/2014-06-05/10?done=update"
req -b police.jar "$URL/actions/RLSCB/2014-06-05/10?done=update"
body_has "with a success banner" "govuk-notification-banner--success"
body_has "the update is in the history, escaped" "Spreadsheet sent &lt;script&gt;alert(1)&lt;/script&gt;"
body_hasnt "no script from the text" "<script>alert(1)"
run --db demo.db actions show RLSCB/2014-06-05/10
has "the CLI sees the update" "Spreadsheet sent"
has "and the new status" "In progress"
req -b police.jar "$URL/actions/RLSCB/A1"
code_is "a standing-alone action has a page" 200
body_has "naming it" "RLSCB/A1"
req -b police.jar "$URL/actions/RLSCB/A99"
code_is "an unknown action is 404" 404
body_has "with a GOV.UK page" "govuk-heading-l"
req -b police.jar "$URL/actions/RLSCB/2014-06-05/99"
code_is "an unknown action of a meeting is 404" 404

# --- the business unit reassigns and changes the due date ---
req -b admin.jar "$URL/actions/RLSCB/2014-06-05/10"
body_has "the business unit gets the change form" 'action="/actions/RLSCB/2014-06-05/10/owners"'
atok=$(csrf_of)
req -b police.jar "$URL/actions/RLSCB/2014-06-05/10/owners" --data-urlencode "csrf=$tok" -d add_person=sue-cassin
code_is "a partner may not reassign" 403
req -b admin.jar "$URL/actions/RLSCB/2014-06-05/10/owners" --data-urlencode "csrf=$atok"
code_is "an empty change is 400" 400
req -b admin.jar "$URL/actions/RLSCB/2014-06-05/10/owners" --data-urlencode "csrf=$atok" \
	-d add_person=sue-cassin -d due-day=1 -d due-month=6 -d due-year=2030
code_is "the business unit adds an owner and a due date" 303
run --db demo.db actions show RLSCB/2014-06-05/10
has "Sue Cassin owns it now" "Sue Cassin"
req -b member.jar "$URL/"
body_has "and sees it on her home page" "RLSCB/2014-06-05/10"

# --- the work programme form ---
req -b admin.jar "$URL/bodies/ILSC/programme"
body_has "the business unit gets the programme form" 'action="/bodies/ILSC/programme"'
atok=$(csrf_of)
req -b admin.jar "$URL/bodies/ILSC/programme" --data-urlencode "csrf=$atok" -d title= -d month=2026-01
code_is "an entry with no title is 400" 400
body_has "with the error summary" "Enter the title of the entry"
req -b admin.jar "$URL/bodies/ILSC/programme" --data-urlencode "csrf=$atok" \
	--data-urlencode "title=Annual report <b>2026</b>" -d month=2026-03 -d source=other
code_is "an entry is added" 303
req -b admin.jar "$URL/bodies/ILSC/programme"
body_has "and shown, escaped" "Annual report &lt;b&gt;2026&lt;/b&gt;"
req -b police.jar "$URL/bodies/ILSC/programme" --data-urlencode "csrf=$tok" -d title=x -d month=2026-03
code_is "a partner may not add one" 403
req -b admin.jar "$URL/bodies/ILSC/programme"
body_has "the month is asked as GOV.UK month and year fields" 'id="when-month" name="when-month" type="text"'
body_hasnt "with no day field" 'name="when-day"'
req -b admin.jar "$URL/bodies/ILSC/programme" --data-urlencode "csrf=$atok" \
	--data-urlencode "title=Partnership plan" -d when-month=9 -d when-year=2026 -d source=other
code_is "an entry is added for a month typed in the fields" 303
req "$URL/bodies/ILSC/programme?from=2026-09-01"
body_has "and listed under that month" "September 2026"
body_has "with its title" "Partnership plan"
req -b admin.jar "$URL/bodies/ILSC/programme" --data-urlencode "csrf=$atok" \
	--data-urlencode "title=Partnership plan" -d when-month=13 -d when-year=2026 -d source=other
code_is "a month that is not one is refused" 400
body_has "naming the field" '<a href="#when-month">The month must be a real date</a>'
body_has "keeping what was typed" 'name="when-month" type="text" value="13"'
req -b admin.jar "$URL/bodies/ILSC/programme" --data-urlencode "csrf=$atok" \
	--data-urlencode "title=Partnership plan" -d when-month=9 -d source=other
code_is "a month with no year is refused" 400
body_has "saying what is missing" "The month must include a year"

# --- home pages ---
req -b police.jar "$URL/"
body_has "the police see their organisation's actions" "My organisation"
body_has "with their action" 'href="/actions/RLSCB/2014-06-05/10"'
body_has "and the overdue one" 'href="/actions/RLSCB/2014-09-04/9"'
body_has "the overdue count links to the list" 'href="/actions?organisation=south-yorkshire-police&amp;overdue=yes"'
req -b police.jar "$URL/actions?organisation=south-yorkshire-police&overdue=yes"
code_is "which answers" 200
refs "$BODY" | grep -qx "RLSCB/2014-09-04/9" && pass "with the overdue action" || fail "with the overdue action"
req -b admin.jar "$URL/"
body_has "the business unit sees what is waiting" "Waiting"
body_has "minutes not approved" "Minutes not yet approved"
body_has "naming the meeting" 'href="/meetings/RLSCB-QA/2014-11-11"'
body_has "minutes not published" 'href="/meetings/RLSCB-SCR/2014-10-15"'
body_has "overdue actions by organisation" "South Yorkshire Police"
req -b chair.jar "$URL/"
body_has "the chair sees their own actions" "My actions"
body_hasnt "but not the business unit's list" "Minutes not yet approved"

done_testing
