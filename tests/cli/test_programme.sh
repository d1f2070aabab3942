# Work programmes, matters arising and draft agendas on the demo partnership:
# an entry made from resolution (3) of ILSC/2019-07-09 item 16 ("an update be
# provided in six months"), the agenda proposed for ILSC/2019-09-17 (item 17
# was deferred to it), the matters arising at RLSCB/2014-12-04, and bad input
# that must leave the database as it was.
. "$(dirname "$0")/lib.sh"

run --help
if ! grep -q "agenda draft" "$OUT"; then
	fail "masa has the programme commands" "register cmd_programme and the others in src/cli/main.c"
	done_testing
	exit 0
fi
for c in "programme" "programme add" "programme from-resolution" "meeting matters-arising" "agenda draft"; do
	# shellcheck disable=SC2086
	ok "$c --help" $c --help
	line_has "$c --help shows its usage" "^usage: masa" "$c"
done

ok "init --demo" --db demo.db init --demo
ok "dump the demo" --db demo.db dump --output demo.json
if jq -e '(.actions | length) > 0 and (.programme | length) > 0' demo.json >/dev/null; then
	pass "the demo has actions and a work programme"
else
	fail "the demo has actions and a work programme"
fi

# Six months after 9 July 2019 is January 2020: the demo already holds the
# entry resolution (3) of item 16 asks for; resolution (1) makes a new one.
ok "programme ILSC on the demo" --db demo.db programme ILSC --json
json_is "the demo's six-month update" '[.[] | select(.month == "2020-01") | .title] | first' "Rotherham Safeguarding Children Partnership: update six months after implementation"
ok "from-resolution" --db demo.db programme from-resolution ILSC/2019-07-09 16 1 --months 6
has "says the month" "for 2020-01"
has "title defaults to the resolution" "Update: That the decision of the Cabinet"
ok "programme ILSC" --db demo.db programme ILSC
line_has "lists the new entry" "Update: That the decision" "2020-01" "resolution" "planned"
line_has "names where it came from" "Update: That the decision" "resolution (1) of ILSC/2019-07-09 item 16"
ok "programme ILSC --json" --db demo.db programme ILSC --json
json_is "the entry's month" '[.[] | select(.title | startswith("Update: That the decision")) | .month] | first' "2020-01"
json_is "the entry's source" '[.[] | select(.month == "2020-01") | .source] | first' "resolution"
json_is "the entry's status" '[.[] | select(.month == "2020-01") | .status] | first' "planned"
json_is "standing items come first" '[.[].source == "standing_item"] | . == (sort | reverse)' "true"
ok "from-resolution with a title" --db demo.db programme from-resolution ILSC/2019-07-09 16 "(3)" --months 12 --title "Safeguarding arrangements: a year on"
has "twelve months on is July 2020" "for 2020-07: Safeguarding arrangements: a year on"
ok "programme --from" --db demo.db programme ILSC --from 2020-02-01 --json
json_is "--from leaves out January" '[.[] | select(.month == "2020-01")] | length' "0"
json_is "--from keeps July" '[.[] | select(.month == "2020-07")] | length' "1"

ok "programme add for a month" --db demo.db programme add ILSC --title "Holiday hunger review" --month 2020-02 --source subgroup_report
has "add says where it went" "added to ILSC's work programme (2020-02): Holiday hunger review"
ok "programme add a standing item" --db demo.db programme add ILSC --title "Performance report" --standing --notes "Every meeting"
ok "programme add for a meeting" --db demo.db programme add ILSC --title "Elective home education" --meeting ILSC/2019-09-17 --source other --status on_agenda
ok "programme ILSC after adding" --db demo.db programme ILSC --json
json_is "the standing item has no meeting or month" '.[] | select(.title == "Performance report") | [.source, .meeting, .month] | tostring' '["standing_item",null,null]'
json_is "the meeting entry" '.[] | select(.title == "Elective home education") | .meeting + " " + .status' "ILSC/2019-09-17 on_agenda"

# The September agenda: the deferred item 17, the standing items and the
# programme for that meeting, between the usual opening and closing items.
ok "agenda draft" --db demo.db agenda draft ILSC/2019-09-17
has "heading names the meeting" "Proposed agenda for ILSC/2019-09-17 (Tuesday 17 September 2019)"
line_has "opens with welcome" "^1 " "Welcome, introductions and apologies"
line_has "then declarations" "^2 " "Declarations of interest"
line_has "then the July minutes and matters arising" "^3 " "Minutes of the previous meeting (ILSC/2019-07-09) and matters arising"
line_has "proposes the deferred item" "Children Missing from Education, Care and Home" "deferred from ILSC/2019-07-09 item 17"
line_has "proposes the standing item added" "Performance report" "standing item"
line_has "proposes the meeting's entry" "Elective home education" "work programme: other"
has "any other business" "Any other business"
ok "agenda draft --json" --db demo.db agenda draft ILSC/2019-09-17 --json
json_is "numbered 1, 2, 3..." '[.items[].number] == ([range(1; (.items | length) + 1)] | map(tostring))' "true"
json_is "the deferred item is proposed once" '[.items[] | select(.title | contains("Children Missing from Education, Care and Home"))] | length' "1"
json_is "its why names the deferral" '.items[] | select(.title | contains("Children Missing from Education")) | .why | contains("deferred from ILSC/2019-07-09 item 17")' "true"
json_is "matters arising counts the deferred item" '.items[2].why | endswith("1 deferred item")' "true"
json_is "standing items come before the programme" '[.items[].why] | (map(startswith("standing item")) | index(true)) < (map(startswith("work programme")) | index(true))' "true"
json_is "ends with the next meeting" '.items[-1].title' "Date and time of the next meeting"
json_is "any other business before it" '.items[-2].title' "Any other business"
json_is "January's entry is not proposed in September" '[.items[] | select(.title | startswith("Update: That the decision"))] | length' "0"

# The board's December 2014 meeting: its open actions raised before it.
ok "matters-arising" --db demo.db meeting matters-arising RLSCB/2014-12-04
has "names the previous meeting" "Previous meeting: RLSCB/2014-09-04"
line_has "a September action still open" "^RLSCB/2014-09-04/9 " "Pete Horner" "2014-12-04" "open"
line_has "a June action in progress" "^RLSCB/2014-06-05/8 " "John Radford" "in_progress"
line_has "owners as at the meeting" "^RLSCB/2014-06-05/10 " "Paul Grimwood"
line_has "discharged at the meeting, open before it" "^RLSCB/2014-09-04/4 " "Joyce Thacker" "discharged"
hasnt "not the actions raised at it" "RLSCB/2014-12-04/1"
hasnt "not another body's actions" "ILSC/"
ok "matters-arising --json" --db demo.db meeting matters-arising RLSCB/2014-12-04 --json
json_is "every action raised before the meeting" '[.actions[] | .raised_on < "2014-12-04"] | all' "true"
json_is "only RLSCB actions" '[.actions[].reference | startswith("RLSCB/")] | all' "true"
json_is "the actions the demo has open then" '[.actions[].reference] | sort | join(" ")' \
	"$(jq -r '[.actions[] | select(.body == "RLSCB" and (.raised_on // (.meeting | split("/")[1][0:10])) < "2014-12-04")
		| select(([.updates[]? | select(.date < "2014-12-04" and .status != null)] | last | .status // "open") as $s
			| ($s == "open" or $s == "in_progress") or ([.updates[]? | select(.date == "2014-12-04" and .status != null)] | length > 0))
		| .id] | sort | join(" ")' demo.json)"
ok "matters-arising at ILSC/2019-09-17" --db demo.db meeting matters-arising ILSC/2019-09-17 --json
json_is "lists item 17 deferred in July" '.deferred_items[] | select(.number == "17") | .deferred_to' "ILSC/2019-09-17"
json_is "previous meeting" '.previous_meeting' "ILSC/2019-07-09"

# Bad input: one line naming the field and value, exit 1, nothing changed.
before=$(fingerprint demo.db)
unchanged() {
	if [ "$(fingerprint demo.db)" = "$before" ]; then pass "$1: database unchanged"; else fail "$1: database changed"; fi
}
fails "unknown meeting" 1 'no meeting "ILSC/1999-01-01"' --db demo.db programme from-resolution ILSC/1999-01-01 16 3 --months 6
unchanged "unknown meeting"
fails "unknown meeting of an entry" 1 'programme meeting: no meeting "ILSC/2031-01-01"' --db demo.db programme add ILSC --title "X" --meeting ILSC/2031-01-01 --source other
unchanged "unknown meeting of an entry"
fails "month 2020-13" 1 'programme month: "2020-13" is not a month' --db demo.db programme add ILSC --title "X" --month 2020-13 --source other
unchanged "month 2020-13"
fails "no meeting or month" 1 'programme meeting: a meeting or a month is required unless the source is standing_item' --db demo.db programme add ILSC --title "X" --source resolution
unchanged "no meeting or month"
fails "a meeting of another body" 1 'programme meeting: RLSCB/2014-12-04 is not a meeting of ILSC' --db demo.db programme add ILSC --title "X" --meeting RLSCB/2014-12-04 --source other
unchanged "a meeting of another body"
fails "unknown source" 1 'programme source: "rumour" is not one of resolution, deferral' --db demo.db programme add ILSC --title "X" --month 2020-01 --source rumour
unchanged "unknown source"
fails "unknown status" 1 'programme status: "maybe" is not one of planned' --db demo.db programme add ILSC --title "X" --month 2020-01 --source other --status maybe
unchanged "unknown status"
fails "no title" 1 'programme title: required' --db demo.db programme add ILSC --month 2020-01 --source other
unchanged "no title"
fails "meeting and month" 1 'programme month: give a meeting or a month, not both' --db demo.db programme add ILSC --title "X" --meeting ILSC/2019-09-17 --month 2020-01 --source other
unchanged "meeting and month"
fails "unknown body" 1 'no body "NOPE"' --db demo.db programme add NOPE --title "X" --month 2020-01 --source other
unchanged "unknown body"
fails "the same resolution and month twice" 1 'resolution (3) of ILSC/2019-07-09 item 16 is already in the work programme for 2020-01' --db demo.db programme from-resolution ILSC/2019-07-09 16 3 --months 6
unchanged "the same resolution and month twice"
fails "unknown item" 1 'no item "99" at ILSC/2019-07-09' --db demo.db programme from-resolution ILSC/2019-07-09 99 3 --months 6
fails "unknown resolution" 1 'no resolution (7) under item 16 of ILSC/2019-07-09' --db demo.db programme from-resolution ILSC/2019-07-09 16 7 --months 6
fails "months missing" 2 '--months N is required' --db demo.db programme from-resolution ILSC/2019-07-09 16 3
fails "months out of range" 2 '--months: "121" is not a whole number from 1 to 120' --db demo.db programme from-resolution ILSC/2019-07-09 16 3 --months 121
fails "resolution number not a number" 2 'NUMBER "three" is not a resolution number' --db demo.db programme from-resolution ILSC/2019-07-09 16 three --months 6
fails "--standing with a month" 2 '--standing takes no --meeting or --month' --db demo.db programme add ILSC --title "X" --standing --month 2020-01
fails "bad --from" 1 'from: "soon" is not a date' --db demo.db programme ILSC --from soon
fails "agenda of an unknown meeting" 1 'no meeting "ILSC/1999-01-01"' --db demo.db agenda draft ILSC/1999-01-01
fails "matters arising of an unknown meeting" 1 'no meeting "RLSCB/1999-01-01"' --db demo.db meeting matters-arising RLSCB/1999-01-01
unchanged "reads and wrong usage"

done_testing
