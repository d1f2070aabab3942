# The commands on the demo partnership: what a business officer would run.
. "$(dirname "$0")/lib.sh"

ok "--help" --help
has "--help lists the commands" "members BODY"
for c in init migrate load dump bodies members meetings "meeting show" "demo generate"; do
	# shellcheck disable=SC2086
	ok "$c --help" $c --help
	has "$c --help shows usage" "usage: masa"
done
ok "--version" --version
has "--version names the schema" "database schema"

ok "init --demo" --db demo.db init --demo
has "init --demo reports what it made" "meetings"

ok "bodies" --db demo.db bodies
line_has "RLSCB is a board" "^RLSCB " "board" "Rotherham Local Safeguarding Children Board"
line_has "sub-groups are indented under RLSCB" "^  RLSCB-CSE " "subgroup"
line_has "ILSC is the scrutiny commission" "^ILSC " "scrutiny_committee"
ok "bodies --json" --db demo.db bodies --json
json_is "bodies --json gives parents" '.[] | select(.short_name=="RLSCB-CSE") | .parent' "RLSCB"

ok "members RLSCB on 2014-12-04" --db demo.db members RLSCB --on 2014-12-04
line_has "Steve Ashley chairs the board" "^chair " "Steve Ashley"
line_has "Kirsty Booth takes the minutes" "^minute_taker " "Kirsty Booth"
line_has "Richard Burton is a lay member" "Richard Burton" "lay_member"
line_has "Jason Harwin represents the police" "Jason Harwin" "South Yorkshire Police"
has "the heading names the date" "on 2014-12-04"
ok "members --json" --db demo.db members RLSCB --on 2014-12-04 --json
json_is "members --json: one chair" '[.members[] | select(.role=="chair")] | length' "1"
json_is "members --json: chair is steve-ashley" '.members[] | select(.role=="chair") | .person' "steve-ashley"

# The sub-group chair changes announced at the 4 December 2014 meeting.
ok "CSE sub-group the day before" --db demo.db members RLSCB-CSE --on 2014-12-03
line_has "Jason Harwin chaired CSE until 3 December" "^chair " "Jason Harwin"
ok "CSE sub-group on the day" --db demo.db members RLSCB-CSE --on 2014-12-04
line_has "Steve Ashley chairs CSE from 4 December" "^chair " "Steve Ashley"
ok "Performance sub-group after" --db demo.db members RLSCB-PERF --on 2014-12-05
line_has "Harwin is deputy chair of Performance" "^deputy_chair " "Jason Harwin"
hasnt "Wildgoose is no longer deputy chair" "Deborah Wildgoose"
ok "members --all" --db demo.db members RLSCB-CSE --all
has "--all shows the ended chair" "2014-12-03"
ok "members of a dissolved body today" --db demo.db members RLSCB
has "says the body was dissolved" "dissolved on"

ok "meetings" --db demo.db meetings
has "lists the 2014 board meeting" "RLSCB/2014-12-04"
has "lists the 2019 commission meeting" "ILSC/2019-07-09"
ok "meetings of one body" --db demo.db meetings ILSC
hasnt "only that body's meetings" "RLSCB/"
ok "meetings in a date range" --db demo.db meetings --from 2019-01-01 --to 2019-07-31
has "the range includes July 2019" "ILSC/2019-07-09"
hasnt "the range excludes September 2019" "ILSC/2019-09-17"
hasnt "the range excludes 2014" "2014-"
ok "meetings --json --limit" --db demo.db meetings --json --limit 2
json_is "--limit 2 gives two" 'length' "2"
json_is "first meeting by date" '.[0].id' "RLSCB/2014-06-05"

ok "meeting show 2014" --db demo.db meeting show RLSCB/2014-12-04
has "date in words" "Thursday 4 December 2014, 13:00-16:00, Riverside House"
has "quorate" "quorate"
line_has "represented by" "Shona McFarlane" "represented by Sam Newton"
line_has "late arrival" "Parfremment" "arrived at item 6"
line_has "early departure" "Dorothy Smith" "left at item 9"
has "apologies" "Apologies"
line_has "apology from Pete Horner" "Pete Horner" "member"
has "sub-item 4.3" "4.3 Child Sexual Exploitation Sub Group"
has "sub-item 4.7" "4.7 Minutes from meeting of RLSCB Executive Group"
has "minutes text" "Mr Ashley welcomed the group"
ok "meeting show 2019" --db demo.db meeting show ILSC/2019-07-09
has "resolution (3) of item 16" "(3) That an update be provided in six months"
has "item 17 deferred" "Deferred to ILSC/2019-09-17"
has "webcast" "https://rotherham.public-i.tv/core/portal/home"
ok "meeting show --json" --db demo.db meeting show ILSC/2019-07-09 --json
json_is "three resolutions under 16" '.items[] | select(.number=="16") | .resolutions | length' "3"
json_is "item 17 deferred_to" '.items[] | select(.number=="17") | .deferred_to' "ILSC/2019-09-17"
json_is "apologies recorded" '[.attendance[] | select(.status=="apologies")] | length' "2"
ok "meeting show with no attendance" --db demo.db meeting show RLSCB/2014-09-04
has "quorum unknown without attendance" "no attendance was recorded"

ok "dump" --db demo.db dump --output demo-dump.json
if jq -e '.format == "masa-interchange" and .version == 4' demo-dump.json >/dev/null; then
	pass "dump has format and version"
else
	fail "dump has format and version"
fi
ok "migrate is a no-op at the latest version" --db demo.db migrate
has "migrate names the version" "schema version"

# Two meetings on one day, one with no time: the one with no time first, on
# either backend (PostgreSQL puts NULL last unless the query says otherwise).
cat >day.json <<'DOC'
{"format": "masa-interchange", "version": 2,
 "partnership": {"id": "t", "name": "Testshire"},
 "organizations": [], "people": [],
 "bodies": [{"short_name": "TB", "name": "Test Board", "classification": "board"}],
 "memberships": [],
 "meetings": [{"id": "TB/2020-01-10", "body": "TB", "date": "2020-01-10", "start_time": "14:00", "status": "held"},
              {"id": "TB/2020-01-10-extra", "body": "TB", "date": "2020-01-10", "status": "held"}],
 "actions": []}
DOC
ok "load two meetings on one day" --db day.db load day.json
ok "meetings of that day" --db day.db meetings --json
json_is "the meeting with no time first" '[.[].id] | join(",")' "TB/2020-01-10-extra,TB/2020-01-10"

done_testing
