# The meeting page and the business unit's forms that edit it, against a
# real server: the page for each role on RLSCB/2014-12-04 and ILSC/2019-07-09
# (attendance groups, minutes from Markdown, resolutions, actions, papers,
# deferrals, the meetings before and after); a confidential item seen only
# by admins and members of the body; unpublished minutes hidden from the
# public; and every form: what it stores when it works, 400 with an error
# summary and nothing stored when the input is wrong (the dump compared
# before and after), 403 with a stale CSRF token or from someone who is not
# an admin, script text escaped, unknown meetings and items 404.
. "$(dirname "$0")/lib.sh"

PW="correct horse battery staple"
M=/meetings/RLSCB/2014-12-04
I=/meetings/ILSC/2019-07-09

# The demo, with a second RLSCB meeting on 4 December 2014 (RLSCB/2014-12-04-2).
"$MASA" --db base.db init --demo >/dev/null
"$MASA" --db base.db dump --output demo.json >/dev/null
jq '.meetings += [{"id": "RLSCB/2014-12-04-2", "body": "RLSCB",
	"date": "2014-12-04", "start_time": "17:00", "status": "scheduled",
	"name": "Extraordinary meeting"}]' demo.json >two.json
ok "init" --db demo.db init
ok "load the demo with a second meeting that day" --db demo.db load two.json
adduser() {
	printf '%s\n' "$PW" | "$MASA" --db demo.db user add "$@" >/dev/null 2>&1
}
adduser admin --role admin
adduser chair --role chair --person steve-ashley
adduser member --role member --person sue-cassin
adduser partner --role partner --person una-jennings --organisation south-yorkshire-police
adduser outsider --role member --person chrissy-wright
start_server demo.db

for who in admin chair member partner outsider; do
	sign_in "$who.jar" "$who" "$PW"
	[ "$CODE" = 303 ] || fail "$who signs in" "status $CODE"
done
pass "every role signs in"
ADMIN_CSRF=$(page_csrf admin.jar /)
MEMBER_CSRF=$(page_csrf member.jar /)

# dump_is_same NAME: the partnership's dump is what it was at `snapshot`.
snapshot() { "$MASA" --db demo.db dump >before.json 2>/dev/null; }
dump_is_same() {
	"$MASA" --db demo.db dump >after.json 2>/dev/null
	if cmp -s before.json after.json; then pass "$1"; else
		fail "$1" "$(diff before.json after.json | head -5)"
	fi
}
# post JAR PATH ARGS...: a form with the admin's token unless ARGS give one.
post() {
	local jar=$1 path=$2
	shift 2
	req -b "$jar" "$URL$path" "$@"
}
# order_is NAME FIRST SECOND: FIRST comes before SECOND in the last body.
order_is() {
	local a b
	a=$(grep -bo -F -- "$2" "$BODY" | head -1 | cut -d: -f1)
	b=$(grep -bo -F -- "$3" "$BODY" | head -1 | cut -d: -f1)
	if [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]; then pass "$1"; else
		fail "$1" "'$2' at ${a:-none}, '$3' at ${b:-none}"
	fi
}

# ---- the page, for each role ----

req "$URL$M"
code_is "the public sees RLSCB/2014-12-04" 200
body_has "titled with the body and the date" \
	"Rotherham Local Safeguarding Children Board, 4 December 2014</h1>"
body_has "the date in words" "Thursday 4 December 2014"
body_has "the time" "13:00 to 16:00"
body_has "the venue" "Riverside House"
body_has "the status" ">Held</strong>"
body_has "the minutes' status with dates" "Approved on 5 March 2015, published on 12 March 2015."
body_has "the quorum" "Quorate: 15 of 20 voting members present"
body_has "breadcrumbs: home, partnership, body" 'href="/bodies/RLSCB"'
body_has "the previous meeting" 'href="/meetings/RLSCB/2014-09-04"'
body_has "attendance: present, counted" "Present (23)"
body_has "a member with role and job title and organisation" \
	"Executive Lead for Safeguarding, Rotherham Clinical Commissioning Group"
body_has "represented by" "Shona McFarlane, represented by Sam Newton"
body_has "in attendance" "In attendance (5)"
body_has "apologies" "Apologies (5)"
body_has "absent" "Absent (1)"
body_has "arrived late at an item" "Arrived at item 6"
body_has "left early at an item" "Left at item 9"
body_has "items in order with sub-items" 'Item 4.1: Performance Sub Group</h4>'
order_is "item 4.7 comes before item 5" "Item 4.7:" "Item 5:"
body_has "a presenter" "Presented by Mr Steve Ashley"
body_has "minutes from Markdown" "<strong>Action:</strong> WC to arrange meetings"
body_has "actions raised at an item, by reference" '>RLSCB/2014-12-04/1</td>'
body_hasnt "not linked for the public, who may not open action pages" 'href="/actions/'
body_has "with their owners" "Warren Carratt"
body_has "the public sees the open papers of published minutes" "CYPS Commissioning Strategy 2014-17 (draft for consultation)"
body_hasnt "nor the admin's forms" "Manage this meeting"
body_has "the next meeting that day" 'href="/meetings/RLSCB/2014-12-04-2"'

req "$URL$I"
code_is "the public sees ILSC/2019-07-09" 200
body_has "numbered resolutions in bold" "<strong>(1)</strong> That the decision of the Cabinet"
body_has "under Resolved" "Resolved:</p>"
body_has "a deferred item says to which meeting" 'Deferred to <a class="govuk-link" href="/meetings/ILSC/2019-09-17">the meeting on 17 September 2019</a>'
body_has "the webcast" 'href="https://rotherham.public-i.tv/core/portal/home"'
body_has "previous and next meetings" 'href="/meetings/ILSC/2019-06-11"'
body_has "next" 'href="/meetings/ILSC/2019-09-17"'
body_has "Cllr in attendance" "Cllr Watson"

req -b member.jar "$URL$M"
code_is "a member of the board sees it" 200
body_has "with the papers" "CYPS Commissioning Strategy 2014-17 (draft for consultation)"
body_hasnt "but no forms" "Manage this meeting"
req -b chair.jar "$URL$M"
body_has "the chair sees the papers" "CYPS Commissioning Strategy 2014-17"
req -b partner.jar "$URL$M"
code_is "a partner lead sees it" 200
body_has "and the open papers, as the public does" "CYPS Commissioning Strategy 2014-17"
body_has "with the minutes" "WC to arrange meetings"
req -b outsider.jar "$URL$I"
code_is "a member of no body sees ILSC" 200
body_has "with its minutes" "That the decision of the Cabinet"
req -b admin.jar "$URL$M"
code_is "the business unit sees it" 200
body_has "with the papers" "CYPS Commissioning Strategy 2014-17"
body_has "and the forms" "Manage this meeting"
body_has "a link to record attendance" "href=\"$M/attendance\""
body_has "a link to each item's minutes" "href=\"$M/items/4.1/minutes\""

for who in member partner chair admin; do
	req -b "$who.jar" "$URL$I"
	code_is "$who sees ILSC/2019-07-09" 200
	body_has "$who reads its resolutions" "<strong>(1)</strong> That the decision of the Cabinet"
	body_has "$who is told who signed in" "Signed in as <strong>$who</strong>"
	if [ "$who" = admin ]; then
		body_has "with the forms for the business unit" "Manage this meeting"
	else
		body_hasnt "without forms for $who" "Manage this meeting"
	fi
done

req "$URL/meetings/RLSCB/2014-12-04-2"
code_is "a second meeting the same day has its own page" 200
body_has "its own title" "Extraordinary meeting, 4 December 2014"
body_has "with the first as its previous" 'href="/meetings/RLSCB/2014-12-04"'
req "$URL/meetings/RLSCB/2014-12-05"
code_is "an unknown meeting is 404" 404
body_has "saying which" "There is no meeting RLSCB/2014-12-05"
req "$URL/meetings/NOPE/2014-12-04"
code_is "an unknown body is 404" 404
req "$URL/meetings/RLSCB/4%20December"
code_is "a date that is not a slug is 400" 400
req -b admin.jar "$URL$M/items/77/minutes"
code_is "an unknown item is 404" 404
body_has "saying which" "has no item 77"
req "$URL$M/attendance"
code_is "the attendance form sends the public to sign in" 303
header_has "and back" "Location: /sign-in?next=$M/attendance"
req -b member.jar "$URL$M/attendance"
code_is "a member may not open it" 403

# ---- adding an agenda item; a confidential one ----

snapshot
post admin.jar "$M/items" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode number= --data-urlencode "title=Part two"
code_is "an item without a number is refused" 400
body_has "with the error summary" "govuk-error-summary"
body_has "saying what to do" "Enter the item&#39;s number"
body_has "the title sent is kept" 'value="Part two"'
post admin.jar "$M/items" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode number=1 --data-urlencode "title=Twice"
code_is "a number already used is refused" 400
body_has "saying so" "already used"
post admin.jar "$M/items" --data-urlencode "csrf=stale" \
	--data-urlencode number=99 --data-urlencode "title=Part two"
code_is "a stale CSRF token is refused" 403
post member.jar "$M/items" --data-urlencode "csrf=$MEMBER_CSRF" \
	--data-urlencode number=99 --data-urlencode "title=Part two"
code_is "a member may not add items" 403
post - "$M/items" --data-urlencode number=99 --data-urlencode "title=Part two"
code_is "nor may the public" 403
dump_is_same "nothing was stored"

post admin.jar "$M/items" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode number=99 --data-urlencode "title=Part two matter SECRET-TITLE-xyz" \
	--data-urlencode confidential=yes
code_is "a confidential item is added" 303
header_has "back to the meeting" "Location: $M?done=item&item=99#item-99"
post admin.jar "$M/items/99/minutes" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "minutes=SECRET-TEXT-xyz" --data-urlencode item_status=taken \
	--data-urlencode op=save
code_is "its minutes are saved" 303
post admin.jar "$M/items/99/resolutions" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "text=That SECRET-RESOLUTION-xyz be agreed"
code_is "a resolution under it is added" 303
post admin.jar "$M/items" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode number=99.1 --data-urlencode "title=SECRET-SUBITEM-xyz" \
	--data-urlencode parent=99
code_is "and a sub-item of it" 303

# An item numbered with a slash is addressed with '~' in its place.
post admin.jar "$M/items" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "number=HW.35/24" --data-urlencode "title=Slash numbered"
code_is "an item numbered HW.35/24 is added" 303
req -b admin.jar "$URL$M"
body_has "its edit link writes ~ for /" "href=\"$M/items/HW.35~24/minutes\""
req -b admin.jar "$URL$M/items/HW.35~24/minutes"
code_is "and leads to it" 200
body_has "the item it names" "Item HW.35/24: Slash numbered"

for who in - partner outsider; do
	if [ "$who" = - ]; then req "$URL$M"; else req -b "$who.jar" "$URL$M"; fi
	name=${who/-/the public}
	body_has "$name sees the line for the part 2 item" "Item 99: confidential (not published)"
	body_hasnt "but not its title" "SECRET-TITLE-xyz"
	body_hasnt "nor its minutes" "SECRET-TEXT-xyz"
	body_hasnt "nor its resolution" "SECRET-RESOLUTION-xyz"
	body_hasnt "nor its sub-item" "SECRET-SUBITEM-xyz"
done
for who in admin member; do
	req -b "$who.jar" "$URL$M"
	body_has "$who sees the part 2 item" "SECRET-TITLE-xyz"
	body_has "and its minutes" "SECRET-TEXT-xyz"
	body_has "and its resolution" "That SECRET-RESOLUTION-xyz be agreed"
	body_has "and its sub-item" "SECRET-SUBITEM-xyz"
	body_has "marked confidential" "Part 2: the press and public were excluded."
done
req -b admin.jar "$URL$M?done=item&item=99"
body_has "the banner says what was done" "Agenda item added: item 99"
order_is "the sub-item is written under its item" "SECRET-TITLE-xyz" "SECRET-SUBITEM-xyz"

# ---- minutes: preview, save, deferral ----

req -b admin.jar "$URL$M/items/4.1/minutes"
code_is "the minutes form opens" 200
body_has "with the item's Markdown" "Mr Ashley updated the group."
body_has "a preview button" 'value="preview"'
snapshot
MD='**Bold** words and <script>alert(1)</script> [a link](javascript:alert(2))'
post admin.jar "$M/items/4.1/minutes" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "minutes=$MD" --data-urlencode item_status=taken \
	--data-urlencode op=preview
code_is "a preview answers 200" 200
body_has "rendered from Markdown" "<strong>Bold</strong> words"
body_hasnt "raw HTML dropped" "<script>alert(1)"
body_has "cmark says so" "raw HTML omitted"
body_hasnt "no javascript: link" 'href="javascript:'
body_has "the text is kept in the form, escaped" "&lt;script&gt;alert(1)&lt;/script&gt;"
dump_is_same "a preview stores nothing"

post admin.jar "$M/items/4.1/minutes" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "minutes=x" --data-urlencode item_status=deferred \
	--data-urlencode "deferred_to=RLSCB/2014-09-04"
code_is "deferring to an earlier meeting is refused" 400
body_has "with the error summary" "Choose a later meeting of the body"
post admin.jar "$M/items/4.1/minutes" --data-urlencode "csrf=stale" \
	--data-urlencode "minutes=$MD" --data-urlencode op=save
code_is "a stale CSRF token is refused" 403
post member.jar "$M/items/4.1/minutes" --data-urlencode "csrf=$MEMBER_CSRF" \
	--data-urlencode "minutes=$MD" --data-urlencode op=save
code_is "a member may not write minutes" 403
dump_is_same "nothing was stored"

post admin.jar "$M/items/4.1/minutes" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "minutes=$MD" --data-urlencode item_status=taken \
	--data-urlencode op=save
code_is "saving the minutes" 303
header_has "goes back to the item" "Location: $M?done=minutes&item=4.1#item-4.1"
"$MASA" --db demo.db dump >after.json
grep -qF '<script>alert(1)</script>' after.json && pass "the minutes are stored as written" ||
	fail "the minutes are stored as written"
req -b admin.jar "$URL$M?done=minutes&item=4.1"
body_has "the banner" "Minutes saved: item 4.1"
body_has "the page shows them rendered" "<strong>Bold</strong> words"
body_hasnt "without the script" "<script>alert(1)"

post admin.jar "$I/items/18/minutes" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "minutes=Deferred for the chair." --data-urlencode item_status=deferred \
	--data-urlencode "deferred_to=ILSC/2019-09-17" --data-urlencode op=save
code_is "an item is deferred to a later meeting" 303
req "$URL$I"
order_is "the page says so under the item" "Item 18:" 'Deferred for the chair.'
jq -e '.meetings[] | select(.id == "ILSC/2019-07-09")' after.json >/dev/null
"$MASA" --db demo.db meeting show ILSC/2019-07-09 >show.txt
grep -A3 '^18 ' show.txt | grep -qF "Deferred to ILSC/2019-09-17" &&
	pass "stored as deferred to ILSC/2019-09-17" || fail "stored as deferred to ILSC/2019-09-17" "$(grep -A3 '^18 ' show.txt)"

# ---- resolutions ----

snapshot
post admin.jar "$M/items/5/resolutions" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "text=   "
code_is "a blank resolution is refused" 400
body_has "saying what to do" "Enter the text of the resolution"
post admin.jar "$M/items/5/resolutions" --data-urlencode "csrf=stale" \
	--data-urlencode "text=That it be noted"
code_is "a stale CSRF token is refused" 403
post member.jar "$M/items/5/resolutions" --data-urlencode "csrf=$MEMBER_CSRF" \
	--data-urlencode "text=That it be noted"
code_is "a member may not add resolutions" 403
post admin.jar "$M/items/77/resolutions" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "text=That it be noted"
code_is "an unknown item is 404" 404
dump_is_same "nothing was stored"
post admin.jar "$M/items/5/resolutions" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "text=That <script>alert(1)</script> be noted"
code_is "a resolution is added" 303
post admin.jar "$M/items/5/resolutions" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "text=That the second be agreed"
code_is "and a second" 303
req "$URL$M"
body_has "shown escaped" "<strong>(1)</strong> That &lt;script&gt;alert(1)&lt;/script&gt; be noted"
body_has "numbered in turn" "<strong>(2)</strong> That the second be agreed"
body_hasnt "never as a script" "<script>alert(1)"

# ---- actions ----

snapshot
post admin.jar "$M/items/5/actions" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "details=Write to the Minister" --data-urlencode due=date \
	--data-urlencode due-date-day=31 --data-urlencode due-date-month=1 \
	--data-urlencode due-date-year=2015
code_is "an action without an owner is refused" 400
body_has "saying so" "Choose who will do it"
body_has "the details are kept" "Write to the Minister</textarea>"
post admin.jar "$M/items/5/actions" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "details=Write to the Minister" --data-urlencode owner=steve-ashley \
	--data-urlencode due=date --data-urlencode due-date-day=31 \
	--data-urlencode due-date-month=2 --data-urlencode due-date-year=2015
code_is "a date that is not real is refused" 400
body_has "saying so" "The date it is due must be a real date"
post admin.jar "$M/items/5/actions" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "details=Write to the Minister" --data-urlencode owner=steve-ashley \
	--data-urlencode due=date --data-urlencode due-date-day=1 \
	--data-urlencode due-date-month=1 --data-urlencode due-date-year=2014
code_is "a due date before the meeting is refused" 400
body_has "saying so" "on or after the meeting"
post admin.jar "$M/items/5/actions" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "details=Write to the Minister" --data-urlencode owner=nobody-here \
	--data-urlencode due=next-meeting
code_is "an owner not on the list is refused" 400
post admin.jar "$M/items/5/actions" --data-urlencode "csrf=stale" \
	--data-urlencode "details=Write" --data-urlencode owner=steve-ashley --data-urlencode due=next-meeting
code_is "a stale CSRF token is refused" 403
post member.jar "$M/items/5/actions" --data-urlencode "csrf=$MEMBER_CSRF" \
	--data-urlencode "details=Write" --data-urlencode owner=steve-ashley --data-urlencode due=next-meeting
code_is "a member may not raise actions" 403
dump_is_same "nothing was stored"
post admin.jar "$M/items/5/actions" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "details=Write to the Minister <b>now</b>" \
	--data-urlencode owner=steve-ashley --data-urlencode owner=jason-harwin \
	--data-urlencode due=date --data-urlencode due-date-day=31 \
	--data-urlencode due-date-month=1 --data-urlencode due-date-year=2015
code_is "an action is raised" 303
header_has "back to its item" "Location: $M?done=action&item=5#item-5"
req -b member.jar "$URL$M"
body_has "listed under the item with its reference, linked for a member" 'href="/actions/RLSCB/2014-12-04/10">RLSCB/2014-12-04/10</a>'
req -b admin.jar "$URL$M"
body_has "and for the business unit" 'href="/actions/RLSCB/2014-12-04/10">RLSCB/2014-12-04/10</a>'
req "$URL$M"
body_has "the public reads its reference" '>RLSCB/2014-12-04/10</td>'
body_hasnt "without a link" 'href="/actions/RLSCB/2014-12-04/10"'
body_has "its details escaped" "Write to the Minister &lt;b&gt;now&lt;/b&gt;"
body_has "its owners" "Steve Ashley, Jason Harwin"
body_has "its due date" "31 January 2015"
"$MASA" --db demo.db actions show RLSCB/2014-12-04/10 >show.txt 2>&1 &&
	pass "the action is in the log" || fail "the action is in the log" "$(cat show.txt)"
post admin.jar "$I/items/16/actions" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode "details=Report back" --data-urlencode owner=all-members \
	--data-urlencode due=next-meeting
code_is "an action due by the next meeting" 303
req "$URL$I"
body_has "says when that is" "By the next meeting (17 September 2019)"
body_has "owned by all members" "All members"

# ---- attendance ----

req -b admin.jar "$URL$M/attendance"
code_is "the attendance form opens" 200
body_has "a row for each member that day" 'name="status-steve-ashley"'
body_has "with what is recorded" 'name="status-louise-blanc" type="radio" value="apologies" checked'
body_has "and who was there instead" '<option value="sam-newton" selected>'
body_has "others recorded have rows too" 'name="status-parfremment"'
snapshot
post admin.jar "$M/attendance" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode status-louise-blanc=represented_by
code_is "represented by no one is refused" 400
body_has "saying so" "Choose who represented Louise Blanc"
body_has "the choice is kept" 'name="status-louise-blanc" type="radio" value="represented_by" checked'
post admin.jar "$M/attendance" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode status-louise-blanc=represented_by \
	--data-urlencode substitute-louise-blanc=jo-abbott
code_is "a substitute already recorded as attending is refused" 400
body_has "saying why" "already recorded"
post admin.jar "$M/attendance" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode status-steve-ashley=nonsense
code_is "a status that is not one is refused" 400
post admin.jar "$M/attendance" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode add_person=steve-ashley
code_is "adding someone already listed is refused" 400
post admin.jar "$M/attendance" --data-urlencode "csrf=stale" \
	--data-urlencode status-louise-blanc=present
code_is "a stale CSRF token is refused" 403
post member.jar "$M/attendance" --data-urlencode "csrf=$MEMBER_CSRF" \
	--data-urlencode status-louise-blanc=present
code_is "a member may not record attendance" 403
dump_is_same "nothing was stored"

# Sam Newton came for Shona McFarlane; now Shona McFarlane came herself and
# Sam Newton represents Louise Blanc: the rows must be saved in an order
# that never has Sam Newton twice.
post admin.jar "$M/attendance" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode status-louise-blanc=represented_by \
	--data-urlencode substitute-louise-blanc=sam-newton \
	--data-urlencode status-shona-mcfarlane=present \
	--data-urlencode status-pete-horner=present \
	--data-urlencode add_person=paul-lakin --data-urlencode add_status=in_attendance
code_is "attendance is saved" 303
header_has "back to the meeting" "Location: $M?done=attendance#attendance"
req -b admin.jar "$URL$M?done=attendance"
body_has "the banner" "Attendance saved"
req "$URL$M?done=attendance"
body_hasnt "the public's page never has it" "Attendance saved"
req -b admin.jar "$URL$M?done=attendance"
body_has "a new substitute" "Louise Blanc, represented by Sam Newton"
body_hasnt "the old one is gone" "Shona McFarlane, represented by"
body_has "present now" "Present (25)"
body_has "someone added" "Paul Lakin"
body_has "apologies now" "Apologies (3)"
"$MASA" --db demo.db dump >after.json
[ "$(jq -r '.meetings[] | select(.id == "RLSCB/2014-12-04") | .attendance[] | select(.person == "louise-blanc") | .substitute' after.json)" = sam-newton ] &&
	pass "stored" || fail "stored" "$(jq -c '.meetings[] | select(.id == "RLSCB/2014-12-04") | .attendance[] | select(.person == "louise-blanc")' after.json)"

# ---- the meeting's status and its minutes' ----

snapshot
post admin.jar "$M/status" --data-urlencode "csrf=$ADMIN_CSRF"
code_is "no status is refused" 400
body_has "saying what to do" "Choose the status of the meeting"
post admin.jar "$M/status" --data-urlencode "csrf=$ADMIN_CSRF" --data-urlencode status=postponed
code_is "a status that is not one is refused" 400
post admin.jar "$M/minutes-status" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode minutes_status=published --data-urlencode minutes-published-day=31 \
	--data-urlencode minutes-published-month=2 --data-urlencode minutes-published-year=2015
code_is "publishing on a date that is not one is refused" 400
body_has "naming the field" "Date the minutes were published must be a real date"
body_has "linked from the summary" 'href="#minutes-published-day"'
body_has "keeping what was typed" 'name="minutes-published-day" type="text" value="31"'
body_hasnt "no column name reaches the page" "minutes_published_on"
post admin.jar "$M/minutes-status" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode minutes_status=published --data-urlencode minutes-published-month=3
code_is "a date without its day and year is refused" 400
body_has "saying what is missing" "Date the minutes were published must include a day and a year"
post admin.jar "$M/minutes-status" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode minutes_status=approved --data-urlencode minutes-approved-day=3 \
	--data-urlencode minutes-approved-month=12 --data-urlencode minutes-approved-year=2014
code_is "approving the day before the meeting is refused" 400
body_has "saying why" "The date the minutes were approved must be on or after the date of the meeting"
post admin.jar "$M/minutes-status" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode minutes_status=published --data-urlencode minutes-approved-day=6 \
	--data-urlencode minutes-approved-month=3 --data-urlencode minutes-approved-year=2015 \
	--data-urlencode minutes-published-day=5 --data-urlencode minutes-published-month=3 \
	--data-urlencode minutes-published-year=2015
code_is "publishing before the approval is refused" 400
body_has "saying why" "The date the minutes were published must be on or after the date they were approved"
post admin.jar "$M/minutes-status" --data-urlencode "csrf=stale" \
	--data-urlencode minutes_status=draft
code_is "a stale CSRF token is refused" 403
post member.jar "$M/status" --data-urlencode "csrf=$MEMBER_CSRF" --data-urlencode status=cancelled
code_is "a member may not change the status" 403
post admin.jar "/meetings/RLSCB/2014-12-05/status" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode status=cancelled
code_is "an unknown meeting is 404" 404
dump_is_same "nothing was stored"

post admin.jar "/meetings/RLSCB/2014-12-04-2/status" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode status=cancelled
code_is "a meeting is cancelled" 303
req -b admin.jar "$URL/meetings/RLSCB/2014-12-04-2?done=status"
body_has "it says so" ">Cancelled</strong>"
body_has "with the banner" "Meeting status saved"

post admin.jar "$M/minutes-status" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode minutes_status=draft
code_is "the minutes go back to draft" 303
req "$URL$M"
code_is "the public still sees the meeting" 200
body_has "told the minutes are not yet published" "The minutes of this meeting are not yet published."
body_has "with the date" "Thursday 4 December 2014"
body_has "and the venue" "Riverside House"
body_hasnt "but no attendance" "Present ("
body_hasnt "nor minutes" "WC to arrange meetings"
body_hasnt "nor agenda" "Item 4.1"
req -b member.jar "$URL$M"
body_has "a member still reads the draft" "WC to arrange meetings"
body_has "marked as a draft" ">Draft</strong>"
req "$URL/meetings/RLSCB-QA/2014-11-11"
body_has "draft minutes of the demo are hidden too" "The minutes of this meeting are not yet published."
post admin.jar "$M/minutes-status" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode minutes_status=published --data-urlencode minutes-published-day=5 \
	--data-urlencode minutes-published-month=3 --data-urlencode minutes-published-year=2015
code_is "and are published again" 303
req "$URL$M"
body_has "the public reads them" "WC to arrange meetings"
body_has "published that day, approved the same day" "Approved on 5 March 2015, published on 5 March 2015"
req -b admin.jar "$URL$M"
body_has "the form shows the stored approval date" 'name="minutes-approved-day" type="text" value="5"'
body_has "and the publication's year" 'name="minutes-published-year" type="text" value="2015"'
# Saving the status again as the form shows it keeps both dates (it used to
# put today in both).
post admin.jar "$M/minutes-status" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode minutes_status=published
code_is "saved again without dates" 303
req "$URL$M"
body_has "the stored dates stay" "Approved on 5 March 2015, published on 5 March 2015"
post admin.jar "$M/minutes-status" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode minutes_status=published --data-urlencode minutes-approved-day=4 \
	--data-urlencode minutes-approved-month=3 --data-urlencode minutes-approved-year=2015
code_is "the approval date is typed" 303
req "$URL$M"
body_has "it is stored, the publication kept" "Approved on 4 March 2015, published on 5 March 2015"

done_testing
