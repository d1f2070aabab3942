# The public pages against a real server: the structure as a tree on a
# date, a body's page with its members on a date and its meetings, the
# meetings calendar with its filters, and the iCalendar feeds (checked with
# tests/cli/ical_check.py, Python's standard library only); for the public
# and for a signed-in member; names holding script shown escaped.
. "$(dirname "$0")/lib.sh"

CHECK="python3 $ROOT/tests/cli/ical_check.py"
PW="correct horse battery staple"

# feed_ok NAME: the last response is a valid feed; events in $WORK/events.
feed_ok() {
	if $CHECK "$BODY" >"$WORK/events" 2>&1 && head -1 "$WORK/events" | grep -q '^OK'; then
		pass "$1"
	else
		fail "$1" "$(head -5 "$WORK/events")"
	fi
}
events_is() {
	local got
	got=$(head -1 "$WORK/events" | sed -n 's/^OK events=//p')
	[ "$got" = "$2" ] && pass "$1" || fail "$1" "events: $got, wanted $2"
}
stop() {
	kill -KILL "$SERVER_PID" 2>/dev/null
	wait "$SERVER_PID" 2>/dev/null
	SERVER_PID=""
}

ok "init --demo" --db demo.db init --demo
printf '%s\n' "$PW" | "$MASA" --db demo.db user add member --role member \
	--person sue-cassin >/dev/null
start_server demo.db

# /structure
req "$URL/structure?on=2015-01-01&past=yes"
code_is "/structure answers 200" 200
order=$(grep -o 'href="/bodies/[A-Z-]*' "$BODY" | sed 's/.*bodies\///' | tr '\n' ' ')
[ "$order" = "RLSCB RLSCB-EXEC RLSCB-PERF RLSCB-SCR RLSCB-CSE RLSCB-QA RLSCB-LI CDOP ILSC RSCP-COG RSCP-EXEC RSCP-QAP RSCP-CPRP RSCP-EXPL RSCP-LT RSCP-WSP " ] &&
	pass "the tree lists bodies parent first, as masa bodies does" || fail "the tree order" "got $order"
body_has "bodies not founded yet are marked" "Not yet founded"
req "$URL/structure?on=2015-01-01"
body_has "on a 2015 date the RLSCB is shown" 'href="/bodies/RLSCB?on=2015-01-01"'
body_hasnt "and the RSCP bodies are not" 'href="/bodies/RSCP-COG'
body_has "links keep the date" 'href="/bodies/RLSCB-CSE?on=2015-01-01"'
body_has "the toggle shows past bodies" 'href="/structure?on=2015-01-01&amp;past=yes"'
req "$URL/structure?on=2020-01-01"
body_has "on a 2020 date the RSCP bodies are shown" 'href="/bodies/RSCP-COG?on=2020-01-01"'
body_hasnt "and the RLSCB is not" 'href="/bodies/RLSCB?'
body_has "a panel outliving its board is still shown" 'href="/bodies/CDOP?on=2020-01-01"'
req "$URL/structure?on=2020-02-30"
code_is "a date that does not exist is 400" 400
req "$URL/structure?on=yesterday"
code_is "a bad date is 400" 400
body_has "the page itself, with an error summary naming the field" \
	'<a href="#on">The date to show the partnership on must be a real date written as year, month and day, such as 2014-12-31 (not &quot;yesterday&quot;)</a>'
body_has "titled as an error" "<title>Error: "
body_has "and the partnership as today" "Partnership"
req "$URL/structure?past=maybe"
code_is "past takes only yes" 400

# /bodies/{body}
req "$URL/bodies/RLSCB?on=2014-12-04"
code_is "/bodies/RLSCB answers 200" 200
body_has "its name is the heading" "Rotherham Local Safeguarding Children Board</h1>"
body_has "its kind" "<dd class=\"govuk-summary-list__value\">Board</dd>"
body_has "its life dates" "31 August 2019"
body_has "its quorum rule" "at least 6"
body_has "its members on the date" "Members on 4 December 2014"
body_has "with the chair" "Independent Chair"
body_has "their organisations" "South Yorkshire Police"
body_has "and job titles" "Executive Lead for Safeguarding"
body_has "its groups are linked" 'href="/bodies/RLSCB-EXEC?on=2014-12-04"'
body_has "its past meetings, newest first" "Thursday 4 December 2014"
first=$(grep -o 'href="/meetings/RLSCB/[0-9-]*"' "$BODY" | head -1)
[ "$first" = 'href="/meetings/RLSCB/2014-12-04"' ] && pass "the newest past meeting comes first" ||
	fail "the newest past meeting comes first" "got $first"
body_has "published minutes are tagged" "Minutes published"
body_hasnt "the public sees no draft minutes status" "Minutes in draft"
body_has "its calendar feed is linked" 'href="/bodies/RLSCB/calendar.ics"'
body_has "a form for another date, as GOV.UK date fields" 'id="on-day" name="on-day" type="text" value="4"'
body_has "with its month" 'name="on-month" type="text" value="12"'
req "$URL/bodies/RLSCB?on-day=1&on-month=6&on-year=2014"
code_is "the fields of another date answer 200" 200
body_has "the members on that date" "on 1 June 2014"
req "$URL/bodies/RLSCB?on-day=31&on-month=2&on-year=2014"
code_is "a date that is not one is 400" 400
body_has "naming the field" '<a href="#on-day">The date to show the partnership on must be a real date</a>'
body_has "the field keeps what was typed" 'name="on-day" type="text" value="31"'
body_hasnt "the public gets no action log link" "/bodies/RLSCB/actions"
body_hasnt "no email address is shown" "@"
# The chair changes of 4 December 2014 are in the sub-groups (demo data).
req "$URL/bodies/RLSCB-CSE?on=2014-12-04"
body_has "RLSCB-CSE's chair from 2014-12-04 is Steve Ashley" "Mr Steve Ashley"
body_hasnt "and no longer Jason Harwin" "Jason Harwin"
req "$URL/bodies/RLSCB-CSE?on=2014-12-03"
body_has "the day before, Jason Harwin chaired it" "Mr Jason Harwin"
body_hasnt "and Steve Ashley did not" "Steve Ashley"
req "$URL/bodies/RLSCB-QA?on=2014-12-04"
body_has "RLSCB-QA's new chair sits from 2014-12-04" "Parfremment"
req "$URL/bodies/RSCP-COG?on=2015-01-01"
body_has "a body not founded yet says so" "it was founded on 1 September 2019"
req "$URL/bodies/NOPE"
code_is "an unknown body is 404" 404
req "$URL/bodies/RL%3CSCB"
code_is "a malformed short name is 400" 400
req "$URL/bodies/RLSCB?page=2"
code_is "a page past the last is 404" 404
req "$URL/bodies/RLSCB?on=2014-13-01"
code_is "a bad date on a body page is 400" 400

# /meetings
req "$URL/meetings?from=2014-01-01&to=2014-12-31"
code_is "/meetings answers 200" 200
body_has "grouped by month" '<h2 class="govuk-heading-m">December 2014</h2>'
body_has "with the date in words" "Thursday 4 December 2014"
body_has "the time" "13:00 to 16:00"
body_has "the venue" "Venue: Riverside House"
body_has "the status" "Adjourned"
body_has "published minutes linked to the meeting page" 'href="/meetings/RLSCB/2014-12-04"'
body_hasnt "no meeting outside the dates" "/2019-"
body_has "every year with meetings is a link" '<a href="/meetings?year=2019" class="govuk-link">2019 (4 meetings)</a>'
body_has "the body filter" '<select class="govuk-select govuk-!-width-full" id="body" name="body">'
req "$URL/meetings?from=2014-01-01&to=2014-12-31&body=RLSCB-SCR"
body_has "filtered by body" "RLSCB-SCR/2014-11-19"
body_hasnt "only that body" "/meetings/RLSCB/2014-12-04"
body_has "the body is selected" '<option value="RLSCB-SCR" selected>'
req "$URL/meetings?from=2015-01-01&to=2014-01-01"
code_is "from after to is 400" 400
req "$URL/meetings?body=NOPE"
code_is "an unknown body filter is 404" 404
req "$URL/meetings?body="
code_is "an empty body filter is all bodies" 200
req "$URL/meetings"
code_is "the default calendar answers 200" 200
FIRST=$(date -u +%Y-%m-01)
body_has "it starts on the first of this month" "from $(date -u -d "$FIRST" '+%-d %B %Y') to"
body_has "for six months" "to $(date -u -d "$FIRST +6 months -1 day" '+%-d %B %Y')."
body_has "the six months before are one click away" \
	"href=\"/meetings?from=$(date -u -d "$FIRST -6 months" +%Y-%m-%d)&amp;to=$(date -u -d "$FIRST -1 day" +%Y-%m-%d)\""
body_has "and the six after" \
	"href=\"/meetings?from=$(date -u -d "$FIRST +6 months" +%Y-%m-%d)&amp;to=$(date -u -d "$FIRST +12 months -1 day" +%Y-%m-%d)\""
body_has "each year with meetings is a link" '<a href="/meetings?year=2014" class="govuk-link">2014 (7 meetings)</a>'
body_hasnt "no link back to the coming meetings on them" "Show the meetings to come"
req "$URL/meetings?year=2014"
code_is "a year answers 200" 200
body_has "that year's meetings" "7 meetings from 1 January 2014 to 31 December 2014."
body_has "marked as the year shown" '<strong aria-current="page">2014 (7 meetings)</strong>'
body_has "the year before" 'href="/meetings?year=2013"'
body_has "and after" 'href="/meetings?year=2015"'
body_has "and back to the coming meetings" '<a href="/meetings" class="govuk-link">Show the meetings to come</a>'
req "$URL/meetings?year=2014&body=RLSCB-SCR"
body_has "a year of one body" "2 meetings of RLSCB Serious Case Review Sub Group from 1 January 2014"
body_has "whose years are its own" '<strong aria-current="page">2014 (2 meetings)</strong>'
body_hasnt "not the partnership's" "2019 ("
body_has "and whose periods keep the body" 'href="/meetings?year=2015&amp;body=RLSCB-SCR"'
req "$URL/meetings?from=2014-12-01&to=2014-12-31"
body_has "a month's earlier month" 'href="/meetings?from=2014-11-01&amp;to=2014-11-30"'
body_has "and its later one" 'href="/meetings?from=2015-01-01&amp;to=2015-01-31"'
body_has "named in words" "January 2015"
req "$URL/meetings?from=2014-12-01&to=2014-12-10"
body_has "ten days: the ten days before" 'href="/meetings?from=2014-11-21&amp;to=2014-11-30"'
req "$URL/meetings?from-day=1&from-month=12&from-year=2014&to-day=31&to-month=12&to-year=2014"
code_is "the filter's date fields answer 200" 200
body_has "and give the period" "2 meetings from 1 December 2014 to 31 December 2014."
body_has "shown again in the fields" 'name="from-month" type="text" value="12"'
req "$URL/meetings?from-day=1&from-month=13&from-year=2014"
code_is "a date that is not one is 400" 400
body_has "naming the field" '<a href="#from-day">The first date to show must be a real date</a>'
req "$URL/meetings?year=1066"
code_is "a year masa does not keep is 400, though the calendar is kept" 400
body_has "saying so" "The year to show: &quot;1066&quot; is not one masa can use"

# Signed in
sign_in jar member "$PW"
req -b jar "$URL/bodies/RLSCB?on=2014-12-04"
body_has "a member gets the action log link" 'href="/bodies/RLSCB/actions"'
body_has "and the work programme link" 'href="/bodies/RLSCB/programme"'
req -b jar "$URL/bodies/RLSCB-SCR"
body_has "a member sees minutes not yet published" "Minutes approved"
for p in /structure /bodies/RLSCB /meetings /meetings/calendar.ics /bodies/CDOP/calendar.ics; do
	req -b jar "$URL$p"
	code_is "$p answers a signed-in member" 200
done

# The demo's meetings are years old: its feed holds none of them.
req "$URL/meetings/calendar.ics"
code_is "the feed answers 200" 200
header_has "as text/calendar" "Content-Type: text/calendar; charset=utf-8"
feed_ok "the demo's feed is valid iCalendar"
events_is "meetings older than two years are left out" 0
stop

# A partnership of our own, with meetings around today, a cancelled one,
# script in names and a long venue with accented letters.
day() { date -u -d "$1" +%Y-%m-%d; }
past_meetings=""
for i in $(seq 1 25); do
	past_meetings="$past_meetings{\"id\": \"TB/$(day "$((i * 7 + 800)) days ago")\", \"body\": \"TB\", \"date\": \"$(day "$((i * 7 + 800)) days ago")\", \"status\": \"held\"},"
done
VENUE='Salle Écoute, Maison des Associés; 1er étage, bâtiment "Ünïcode" \ côté rivière, près de la gare'
VENUE_JSON=$(printf '%s' "$VENUE" | python3 -c 'import json, sys; print(json.dumps(sys.stdin.read()))')
cat >small.json <<JSON
{"format": "masa-interchange", "version": 3,
 "partnership": {"id": "testshire", "name": "Testshire <script>alert(1)</script> Partnership"},
 "organizations": [{"id": "org", "name": "Org <img src=x onerror=alert(2)>", "part": "other"}],
 "people": [{"id": "p1", "name": "Pat <script>alert(3)</script>", "organization": "org", "email": "pat@example.org"}],
 "bodies": [{"short_name": "TB", "name": "Test <script>alert(4)</script> Board", "classification": "board"},
            {"short_name": "TB-SUB", "name": "Sub group", "classification": "subgroup", "parent": "TB"}],
 "memberships": [{"person": "p1", "body": "TB", "role": "chair", "on_behalf_of": "org"}],
 "meetings": [$past_meetings
  {"id": "TB/$(day "3 years ago")", "body": "TB", "date": "$(day "3 years ago")", "status": "held"},
  {"id": "TB/$(day "20 days ago")", "body": "TB", "date": "$(day "20 days ago")", "status": "held",
   "minutes_status": "published", "minutes_approved_on": "$(day "10 days ago")", "minutes_published_on": "$(day "9 days ago")"},
  {"id": "TB/$(day "10 days")", "body": "TB", "name": "Extra <script>alert(5)</script>, meeting; part 1",
   "date": "$(day "10 days")", "start_time": "18:30", "end_time": "20:00", "location": $VENUE_JSON, "status": "scheduled"},
  {"id": "TB/$(day "17 days")", "body": "TB", "date": "$(day "17 days")", "status": "cancelled"},
  {"id": "TB-SUB/$(day "24 days")", "body": "TB-SUB", "date": "$(day "24 days")", "start_time": "10:00", "status": "scheduled"}]}
JSON
ok "init a second database" --db small.db init
ok "load a partnership with script in its names" --db small.db load small.json
start_server small.db
port=${URL##*:}

req "$URL/meetings/calendar.ics"
feed_ok "the feed is valid iCalendar (CRLF, 75 octets, BEGIN/END, properties)"
events_is "it holds the last two years and the future" 4
line=$(grep -F "TB/$(day "17 days")@" "$WORK/events")
case $line in *"	CANCELLED	"*) pass "a cancelled meeting is STATUS:CANCELLED" ;; *) fail "a cancelled meeting is STATUS:CANCELLED" "$line" ;; esac
bad=$(tail -n +2 "$WORK/events" | cut -f1,3 | while IFS='	' read -r uid url; do
	key=${uid%@*}
	[ "$url" = "http://127.0.0.1:$port/meetings/$key" ] || echo "$uid $url"
	case $key in TB/????-??-??|TB-SUB/????-??-??) ;; *) echo "key $key" ;; esac
done)
[ -z "$bad" ] && pass "each URL is /meetings/BODY/DATE on this site" || fail "each URL is /meetings/BODY/DATE" "$bad"
uid=$(grep -F "TB/$(day "10 days")@" "$WORK/events" | cut -f1)
[ "$uid" = "TB/$(day "10 days")@testshire.meetings.masa" ] && pass "a UID is the meeting key, the partnership key and a fixed suffix" ||
	fail "the UID" "got $uid"
line=$(grep -F "TB/$(day "10 days")@" "$WORK/events")
case $line in *"DTSTART;TZID=Europe/London:$(date -u -d "10 days" +%Y%m%d)T183000"*) pass "a timed meeting starts in Europe/London time" ;;
*) fail "a timed meeting starts in Europe/London time" "$line" ;; esac
case $line in *"$VENUE"*) pass "the venue comes back whole after unfolding and unescaping" ;;
*) fail "the venue round trip" "$line" ;; esac
case $line in *"TB: Extra <script>alert(5)</script>, meeting; part 1"*) pass "the summary is the body's short name and the meeting's name" ;;
*) fail "the summary" "$line" ;; esac
grep -q 'LOCATION:Salle Écoute\\, Maison des Associés\\; 1er' "$BODY" && pass "commas and semicolons are escaped" ||
	fail "commas and semicolons are escaped"
awk 'length($0) > 70 {n++} END {exit !(n > 0)}' "$BODY" && grep -q '^ ' "$BODY" && pass "long lines are folded" || fail "long lines are folded"
line=$(grep -F "TB/$(day "17 days")@" "$WORK/events")
case $line in *"DTSTART;VALUE=DATE:$(date -u -d "17 days" +%Y%m%d)"*) pass "a meeting without a time is all day" ;;
*) fail "a meeting without a time is all day" "$line" ;; esac
body_has "the description links back" "Meeting page: http://127.0.0.1:$port/meetings/"
body_hasnt "meetings older than two years are left out" "TB/$(day "3 years ago")"

req -H "Host: evil.example\"><script>x</script>" "$URL/meetings/calendar.ics"
feed_ok "with a junk Host header the feed is still valid"
body_hasnt "the junk is not echoed" "evil"
body_has "the listen address is used instead" "URL:http://127.0.0.1:$port/meetings/"
req -H "Host: calendar.example.org:8443" "$URL/meetings/calendar.ics"
body_has "a plain Host header is used" "URL:http://calendar.example.org:8443/meetings/TB/"
req -H "Host: a b/c" "$URL/meetings/calendar.ics"
body_hasnt "a Host with a space or slash is not used" "a b/c"

req "$URL/bodies/TB-SUB/calendar.ics"
code_is "a body's feed answers 200" 200
feed_ok "a body's feed is valid"
events_is "it holds that body's meetings only" 1
body_has "it is named after the body" "X-WR-CALNAME:Sub group meetings"
req "$URL/bodies/NOPE/calendar.ics"
code_is "an unknown body's feed is 404" 404

for p in /structure /bodies/TB /bodies/TB-SUB /meetings "/meetings?body=TB"; do
	req "$URL$p"
	if grep -q '<script>alert\|<img src=x' "$BODY"; then
		fail "$p shows script text escaped" "$(grep -o '<script>alert[^<]*' "$BODY" | head -2)"
	else
		pass "$p shows script text escaped"
	fi
done
req "$URL/bodies/TB"
body_has "the escaped name is there to read" "Test &lt;script&gt;alert(4)&lt;/script&gt; Board"
body_hasnt "no email address" "pat@example.org"
body_has "upcoming meetings are listed" "Extra &lt;script&gt;alert(5)&lt;/script&gt;, meeting; part 1"
body_has "past meetings are paginated" 'class="govuk-pagination"'
req "$URL/bodies/TB?page=2"
code_is "the second page answers 200" 200
body_has "it is marked current" 'aria-current="page">2</a>'
req "$URL/meetings"
body_has "the default calendar shows the coming meetings" "/meetings/TB/$(day "10 days")"
body_has "a cancelled meeting is shown as such" "Cancelled"
body_hasnt "meetings from before this month are not" "/meetings/TB/$(day "3 years ago")"
req "$URL/meetings?from=$(day "20 days ago")&to=$(day "20 days ago")"
body_has "published minutes are tagged" "Minutes published"
req "$URL/meetings?body=TB-SUB"
body_has "the body filter keeps that body" "/meetings/TB-SUB/"
body_hasnt "and no other" 'href="/meetings/TB/'

done_testing
