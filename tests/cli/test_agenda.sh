# Scheduling meetings and building agendas on the demo partnership, from
# the command line and through the business unit's forms on a real server:
# a quarterly series on the first Thursday, a series with no end and one
# onto another meeting refused with the database unchanged, a move (the old
# address still leads to the meeting), a cancellation shown on the calendar
# and in the feed, the agenda built from the draft, reordered, an item
# added in part two, published: then the public sees the open items and
# not the part-two title nor the draft minutes text; removing an item with
# minutes and publishing an empty agenda refused.
. "$(dirname "$0")/lib.sh"

PW="correct horse battery staple"

run --help
for c in "meeting schedule" "meeting move" "meeting cancel" "meeting set" \
	"meeting declare" "meeting arrival" "agenda add" "agenda set" \
	"agenda move" "agenda remove" "agenda publish"; do
	# shellcheck disable=SC2086
	ok "$c --help" $c --help
	line_has "$c --help shows its usage" "^usage: masa" "$c"
done

ok "init --demo" --db demo.db init --demo

# ---- the command line ----

before=$(fingerprint demo.db)
fails "a series with no end is refused" 1 "a series must end" \
	--db demo.db meeting schedule ILSC --every quarterly --weekday thursday --week first --from 2030-01-01
fails "a series onto the body's meeting is refused" 1 \
	"the body already meets on Tuesday 17 September 2019 (ILSC/2019-09-17)" \
	--db demo.db meeting schedule ILSC --every monthly --weekday tuesday --week third --from 2019-08-01 --count 3
fails "--date and --every together" 2 "give --date for one meeting or --every" \
	--db demo.db meeting schedule ILSC --date 2030-01-01 --every monthly
fails "a bad weekday names the field" 1 "weekday: \"thurs\" is not a day of the week" \
	--db demo.db meeting schedule ILSC --every monthly --weekday thurs --week first --from 2030-01-01 --count 2
if [ "$(fingerprint demo.db)" = "$before" ]; then pass "refusals store nothing"; else fail "refusals store nothing"; fi

ok "schedule a quarterly series" --db demo.db meeting schedule ILSC --every quarterly \
	--weekday thursday --week first --from 2030-01-01 --count 4 \
	--start 13:00 --end 16:00 --location "Riverside House" --json
json_is "four meetings" '.scheduled | length' 4
json_is "on the first Thursdays" '[.scheduled[].date] | join(" ")' \
	"2030-01-03 2030-04-04 2030-07-04 2030-10-03"
ok "meetings ILSC" --db demo.db meetings ILSC --from 2030-01-01
line_has "the series has its time and place" "ILSC/2030-04-04" "13:00-16:00" "Riverside House" "scheduled"

fails "moving onto another meeting is refused" 1 "the body already meets on Thursday 4 July 2030" \
	--db demo.db meeting move ILSC/2030-04-04 --date 2030-07-04
ok "move a meeting" --db demo.db meeting move ILSC/2030-04-04 --date 2030-04-11 --start 10:00
ok "meetings after the move" --db demo.db meetings ILSC --from 2030-04-01 --to 2030-04-30
line_has "it keeps its id, with the new date and time" "ILSC/2030-04-04" "2030-04-11" "10:00"

fails "publishing an empty agenda is refused" 1 "has no items to publish" \
	--db demo.db agenda publish ILSC/2030-01-03
ok "add the proposed items" --db demo.db agenda add ILSC/2030-01-03 --draft
has "says how many" "proposed items added"
ok "add a part-two item" --db demo.db agenda add ILSC/2030-01-03 --title "Child P: placement review" \
	--part-two "Paragraph 2: identity of a child"
has "numbered after the others" "item 6 added"
ok "move it up" --db demo.db agenda move ILSC/2030-01-03 6 --up
ok "set a presenter" --db demo.db agenda set ILSC/2030-01-03 1 --presenter steve-ashley
ok "agenda publish" --db demo.db agenda publish ILSC/2030-01-03 --on 2029-12-20
ok "meeting show --json" --db demo.db meeting show ILSC/2030-01-03 --json
json_is "the part-two item is number 5 now" '[.items[] | select(.title | startswith("Child P")) | .number] | first' "5"
json_is "its reason is kept" '[.items[] | select(.number == "5") | .part_two_reason] | first' "Paragraph 2: identity of a child"
ok "dump" --db demo.db dump --output after.json
if jq -e '.meetings[] | select(.id == "ILSC/2030-01-03") | .agenda_published_on == "2029-12-20"' after.json >/dev/null; then
	pass "the dump keeps when the agenda was published"
else
	fail "the dump keeps when the agenda was published"
fi
ok "init a copy" --db copy.db init
ok "load the dump" --db copy.db load after.json
ok "dump the copy" --db copy.db dump --output again.json
if cmp -s <(jq -S '.meetings' after.json) <(jq -S '.meetings' again.json); then
	pass "dump and load keep every meeting field"
else
	fail "dump and load keep every meeting field"
fi

# An item with minutes text cannot be removed; an empty one can.
ok "add an item to remove" --db demo.db agenda add ILSC/2030-01-03 --title "To remove"
ok "remove it" --db demo.db agenda remove ILSC/2030-01-03 7
sqlite3 demo.db "UPDATE item SET minutes = 'Noted.' WHERE title = 'Any other business'"
before=$(fingerprint demo.db)
fails "an item with minutes is kept" 1 "item 4: it cannot be removed because it has minutes text recorded on it" \
	--db demo.db agenda remove ILSC/2030-01-03 4
if [ "$(fingerprint demo.db)" = "$before" ]; then pass "the refusal stores nothing"; else fail "the refusal stores nothing"; fi

ok "meeting set the exemption" --db demo.db meeting set ILSC/2030-01-03 \
	--part-two "Paragraphs 1 and 2 of Schedule 12A to the Local Government Act 1972"
ok "cancel a meeting" --db demo.db meeting cancel ILSC/2030-10-03

# ---- the web ----

printf '%s\n' "$PW" | "$MASA" --db demo.db user add admin --role admin >/dev/null
printf '%s\n' "$PW" | "$MASA" --db demo.db user add member --role member --person chrissy-wright >/dev/null
start_server demo.db
sign_in admin.jar admin "$PW"
code_is "the admin signs in" 303

# The public: the open agenda, not the part-two title, nor draft minutes.
req "$URL/meetings/ILSC/2030-01-03"
code_is "the public meeting page" 200
body_has "shows the agenda" ">Agenda</h2>"
body_has "an open item's title" "Welcome, introductions and apologies"
body_hasnt "not the part-two title" "Child P"
body_hasnt "not the draft minutes text" "Noted."
body_has "says the part-two item is there" "confidential"
body_has "a contents list links to the items" 'href="#item-1"'
body_hasnt "no management link for the public" "Manage this meeting"
req "$URL/meetings/ILSC/2030-07-04"
body_hasnt "an unpublished agenda is not shown" ">Agenda</h2>"

req -b admin.jar "$URL/meetings/ILSC/2030-01-03"
body_has "the admin sees the part-two title" "Child P"
body_has "and the management link" "/meetings/ILSC/2030-01-03/manage"

# The moved meeting: its new date's address leads to it.
req "$URL/meetings/ILSC/2030-04-11"
code_is "the new date's address redirects" 303
header_has "to the meeting's own address" "location: /meetings/ILSC/2030-04-04"
req "$URL/meetings/ILSC/2030-04-12"
code_is "a date with no meeting is 404" 404

# Cancelled: on the calendar and in the feed.
req "$URL/meetings?from=2030-10-01&to=2030-10-31"
body_has "the calendar marks it cancelled" "Cancelled"
req "$URL/meetings/calendar.ics"
if tr -d '\r' <"$BODY" | grep -A12 "UID:ILSC/2030-10-03@" | grep -q "STATUS:CANCELLED"; then
	pass "the feed says STATUS:CANCELLED"
else
	fail "the feed says STATUS:CANCELLED"
fi
if tr -d '\r' <"$BODY" | grep -A3 "UID:ILSC/2030-04-04@" | grep -q "SEQUENCE:[1-9]"; then
	pass "the moved meeting is a new revision of its event (SEQUENCE)"
else
	fail "the moved meeting is a new revision of its event (SEQUENCE)"
fi

# The management page and its forms.
P=/meetings/ILSC/2030-07-04/manage
req "$URL$P"
code_is "the public may not manage" 303 401 403
sign_in member.jar member "$PW"
req -b member.jar "$URL$P"
code_is "nor a member" 403
req -b admin.jar "$URL$P"
code_is "the admin's management page" 200
body_has "offers the proposed items" "Add the proposed items"
CSRF=$(csrf_of)
req -b admin.jar "$URL$P/agenda" --data-urlencode "csrf=$CSRF" --data-urlencode "op=publish" --data-urlencode "version=1"
code_is "publishing an empty agenda is refused" 400
body_has "with the reason" "has no items to publish"
req -b admin.jar "$URL$P/agenda" --data-urlencode "csrf=$CSRF" --data-urlencode "op=draft"
code_is "add the draft" 303
req -b admin.jar "$URL$P/agenda" --data-urlencode "csrf=$CSRF" --data-urlencode "op=add" \
	--data-urlencode "title=Child T <script>" --data-urlencode "confidential=yes" \
	--data-urlencode "reason=Paragraph 1" --data-urlencode "presenter=steve-ashley"
code_is "add a part-two item" 303
req -b admin.jar "$URL$P/agenda" --data-urlencode "csrf=$CSRF" --data-urlencode "op=add" --data-urlencode "title="
code_is "an item with no title" 400
body_has "names the field" "Enter the item&#39;s title"
req -b admin.jar "$URL$P/item" --data-urlencode "csrf=$CSRF" --data-urlencode "item=6" --data-urlencode "op=up"
code_is "move item 6 up" 303
req -b admin.jar "$URL$P?done=up"
body_has "says it moved" "Agenda item moved up"
body_has "escapes the title" "Child T &lt;script&gt;"
order_ok=$(grep -o '<h3 class="govuk-heading-s">[^<]*' "$BODY" | sed 's/.*>//' | tr '\n' '|')
case $order_ok in
*"5. Child T"*"6. Date and time"*) pass "the part-two item is now 5, before the last" ;;
*) fail "the part-two item is now 5, before the last" "$order_ok" ;;
esac
req -b admin.jar "$URL$P/item" --data-urlencode "csrf=$CSRF" --data-urlencode "item=1" --data-urlencode "op=up"
code_is "the first cannot go up" 400
V=$("$MASA" --db demo.db meeting show ILSC/2030-07-04 --json | jq -r .version)
ok "someone else changes the meeting" --db demo.db meeting set ILSC/2030-07-04 --webcast https://example.org/a
req -b admin.jar "$URL$P/agenda" --data-urlencode "csrf=$CSRF" --data-urlencode "op=publish" --data-urlencode "version=$V"
code_is "a stale version is a conflict" 409
body_has "says someone else changed it" "Someone else changed this meeting"
V=$((V + 1))
req -b admin.jar "$URL$P/agenda" --data-urlencode "csrf=$CSRF" --data-urlencode "op=publish" --data-urlencode "version=$V"
code_is "publish the agenda" 303
req "$URL/meetings/ILSC/2030-07-04"
body_has "the public sees the published agenda" "Welcome, introductions and apologies"
body_hasnt "not the part-two item added in the browser" "Child T"
req -b admin.jar "$URL$P/move" --data-urlencode "csrf=$CSRF" --data-urlencode "move-date-day=31" \
	--data-urlencode "move-date-month=6" --data-urlencode "move-date-year=2030"
code_is "a date that is not real" 400
body_has "says so" "The date of the meeting must be a real date"
req -b admin.jar "$URL$P/move" --data-urlencode "csrf=$CSRF" --data-urlencode "move-date-day=3" \
	--data-urlencode "move-date-month=1" --data-urlencode "move-date-year=2030"
code_is "moving onto another meeting" 400
body_has "names the date" "the body already meets on Thursday 3 January 2030"
req -b admin.jar "$URL$P/details" --data-urlencode "csrf=$CSRF" --data-urlencode "part-two=other" --data-urlencode "exemption-other="
code_is "another exemption, not given" 400
req -b admin.jar "$URL$P/details" --data-urlencode "csrf=$CSRF" --data-urlencode "part-two=3" \
	--data-urlencode "webcast=https://example.org/live"
code_is "save the webcast and exemption" 303
ok "meeting show --json" --db demo.db meeting show ILSC/2030-07-04 --json
json_is "the exemption is stored" '.part_two_exemption' "Paragraphs 1 and 2 of Schedule 12A to the Local Government Act 1972"
req -b admin.jar "$URL$P/declaration" --data-urlencode "csrf=$CSRF" --data-urlencode "decl-person=steve-ashley" \
	--data-urlencode "decl-item=2" --data-urlencode "interest=Governor of a school"
code_is "record a declaration" 303
req -b admin.jar "$URL$P/declaration" --data-urlencode "csrf=$CSRF" --data-urlencode "decl-person=" --data-urlencode "interest="
code_is "a declaration with nothing" 400
body_has "asks who" "Choose who declared the interest"
req -b admin.jar "$URL$P/cancel" --data-urlencode "csrf=not-the-token" --data-urlencode "version=$V"
code_is "a wrong CSRF token: refused" 403
req -b admin.jar "$URL/meetings/schedule?body=ILSC"
code_is "the scheduling form" 200
CSRF=$(csrf_of)
req -b admin.jar "$URL/meetings/schedule" --data-urlencode "csrf=$CSRF" --data-urlencode "body=ILSC" \
	--data-urlencode "kind=series" --data-urlencode "every=monthly" --data-urlencode "weekday=thursday" \
	--data-urlencode "week=last" --data-urlencode "from-day=1" --data-urlencode "from-month=1" --data-urlencode "from-year=2031"
code_is "a series with no end, from the browser" 400
body_has "says a series must end" "a series must end"
req -b admin.jar "$URL/meetings/schedule" --data-urlencode "csrf=$CSRF" --data-urlencode "body=ILSC" \
	--data-urlencode "kind=series" --data-urlencode "every=monthly" --data-urlencode "weekday=thursday" \
	--data-urlencode "week=last" --data-urlencode "from-day=1" --data-urlencode "from-month=1" \
	--data-urlencode "from-year=2031" --data-urlencode "count=3" --data-urlencode "start=13:00"
code_is "schedule a series from the browser" 303
header_has "to the first meeting's management page" "location: /meetings/ILSC/2031-01-30/manage?done=scheduled"

done_testing
