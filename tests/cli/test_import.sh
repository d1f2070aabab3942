# Importing minutes: the readings of both seed documents against their
# golden JSON (normalised with jq -S), the facts the issue asks of each,
# the text form of --dry-run, bad files refused with one line, and the
# import into a database: once, then again without change.
. "$(dirname "$0")/lib.sh"

SEED14=$ROOT/tests/minutes/001_16eaa94230f0480f.txt
SEED19=$ROOT/tests/minutes/000_08ef4c2037cf2a22.txt

golden() {
	local name=$1 file=$2
	run import minutes "$file" --dry-run --json
	if [ "$STATUS" -ne 0 ]; then
		fail "$name: exit status $STATUS"
		return
	fi
	jq -S . "$OUT" >"$WORK/got.json"
	if diff -u "$ROOT/tests/golden/import-$(basename "${file%.*}").json" "$WORK/got.json" >"$WORK/golden.diff"; then
		pass "$name matches its golden reading"
	else
		fail "$name matches its golden reading" "$(head -30 "$WORK/golden.diff")"
	fi
}

golden "the 2014 board minutes" "$SEED14"
golden "the 2019 select commission minutes" "$SEED19"
golden "parish council minutes (Cou/285/07-08, RESOLVED: That ... (a) (b))" "$ROOT/tests/minutes/parish-council-cou.txt"
golden "a board in Markdown (HW.35/24, attendance and action tables)" "$ROOT/tests/minutes/health-wellbeing-hw.md"

ok "parish council" import minutes "$ROOT/tests/minutes/parish-council-cou.txt" --dry-run --json
json_is "parish items" '[.items[].number] | join(",")' "Cou/285/07-08,Cou/286/07-08,Cou/287/07-08,Cou/288/07-08,Cou/289/07-08"
json_is "(a) and (b) parts of one resolution" '.items[2].resolutions | length' "1"
json_is "action with owner and due date" '.items[2].actions[0] | [.owners[0], .due] | join(" ")' "Clerk 2008-04-30"
json_is "JS resolved to the chair" '.items[3].actions[0].owners[0]' "J Smith"
json_is "start 19:30" '.start_time' "19:30"
json_is "next meeting" '.next_meeting' "2008-05-12"
ok "Markdown board" import minutes "$ROOT/tests/minutes/health-wellbeing-hw.md" --dry-run --json
json_is "roles from the table" '[.present[] | .role // "-"] | join(",")' "Chair,Vice-Chair,-"
json_is "action table: owners from initials, due dates" '[.items[1].actions[] | "\(.number):\(.owners[0]):\(.due)"] | join(",")' \
	"1:Sharon Kemp:2024-01-31,2:David Roche:2024-02-14"

ok "dry run of the 2014 board" import minutes "$SEED14" --dry-run --json
json_is "date" '.date' "2014-12-04"
json_is "times" '[.start_time, .end_time] | join("-")' "13:00-16:00"
json_is "venue" '.venue' "Riverside House"
json_is "25 or more present" '.present | length >= 25' "true"
json_is "the chair with role and job title" '.present[0] | [.name, .role, .job_title] | join("|")' \
	"Steve Ashley|Chair|Independent Chair, Rotherham Local Safeguarding Children Board"
json_is "X representing Y" '.present[] | select(.name == "Sam Newton") | .representing' "Shona McFarlane"
json_is "Cllr stripped" '[.present[].name | select(test("Cllr"))] | length' "0"
json_is "5 apologies" '.apologies | length' "5"
json_is "items 1-9 with 4.1-4.7" '[.items[].number] | join(",")' "1,2,3,4,4.1,4.2,4.3,4.4,4.5,4.6,4.7,5,6,7,8,9"
json_is "9 new actions" '[.items[].actions[]] | length' "9"
json_is "numbered 1-9" '[.items[].actions[].number] | join(",")' "1,2,3,4,5,6,7,8,9"
json_is "every action has an owner" '[.items[].actions[] | select(.owners | length == 0)] | length' "0"
json_is "WC resolved" '.items[0].actions[0].owners[0]' "Warren Carratt"
json_is "MT/SM resolved" '[.items[].actions[] | select(.number == "8") | .owners[]] | join("/")' "Maryke Turvey/Sarah Mainwaring"
json_is "the number on the next line (SA – action / 7)" '[.items[].actions[] | select(.number == "7") | .owners[0]] | join("")' "Steve Ashley"
json_is "the appendix's earlier actions" '[.action_log[].number] | join(",")' "4,5,6,7,8,9,10"
json_is "4-6 raised on 04.09.2014" '[.action_log[] | select(.raised == "2014-09-04") | .number] | join(",")' "4,5,6"
json_is "discharged" '.action_log[0].updates[0] | [.date, .status] | join(" ")' "2014-12-04 discharged"
json_is "7: two dated updates" '.action_log[] | select(.number == "7") | [.updates[] | .date] | join(",")' "2014-09-04,2014-12-04"
json_is "8: on-going" '.action_log[] | select(.number == "8") | .updates[0].status' "in_progress"
json_is "9: carried forward" '.action_log[] | select(.number == "9") | .updates[1].carried_forward' "true"
json_is "late arrival" '.in_attendance[] | select(.name == "Parfremment") | .arrived_at_item' "6"
json_is "early departure" '.present[] | select(.name == "Dorothy Smith") | .left_at_item' "9"
json_is "no unplaced lines" '.unplaced | length' "0"

ok "dry run of the 2019 commission" import minutes "$SEED19" --dry-run --json
json_is "2019 date" '.date' "2019-07-09"
json_is "items 11-20" '[.items[].number] | join(",")' "11,12,13,14,15,16,17,18,19,20"
json_is "the chair" '.present[0] | [.name, .role] | join("|")' "Cusworth|Chair"
json_is "councillors listed, without Councillor" '[.present[].name] | join(",")' \
	"Cusworth,Beaumont,Clark,Elliot,Ireland,Khan,Pitchley,Price,Senior,Julie Turner,Atkin,Jarvis"
json_is "apologies" '[.apologies[].name] | join(",")' "Marriott,Joanna Jones"
json_is "resolutions under 15, 16, 18, 20" '[.items[] | select(.resolutions | length > 0) | "\(.number):\(.resolutions | length)"] | join(",")' "15:1,16:3,18:2,20:1"
json_is "numbered resolutions" '[.items[] | select(.number == "16") | .resolutions[].number] | join(",")' "1,2,3"
json_is "the deferral" '.items[] | select(.number == "17") | .status' "deferred"
json_is "next meeting" '[.next_meeting, .next_meeting_time] | join(" ")' "2019-09-17 17:30"
json_is "webcast" '.webcast_url' "https://rotherham.public-i.tv/core/portal/home"
json_is "running page headers not in the text" '[.items[].text | select(test("IMPROVING LIVES SELECT COMMISSION - 09"))] | length' "0"

ok "dry run as text" import minutes "$SEED14" --dry-run
has "text: heading" "Date:      2014-12-04"
has "text: an action" "Action 2: Kirsty Booth:"

printf 'hello\0world' >binary.txt
fails "a binary file" 1 "is not a format masa reads" import minutes binary.txt --dry-run
fails "a missing file" 3 "could not be opened" import minutes missing.txt --dry-run
printf 'Some notes\n\nNothing else\n' >nodate.txt
ok "no date: a reading with notes" import minutes nodate.txt --dry-run --json
json_is "no date noted" '[.unsure[].note | select(test("no meeting date"))] | length' "1"

# The import, into a database holding the partnership's organisations,
# people and bodies but neither meeting.
jq '.meetings = [] | .actions = [] | .programme = [] | .incidents = [] | del(.practice_reviews, .learning_briefings)' "$ROOT/data/demo.json" >base.json
"$MASA" --db t.db init >/dev/null && "$MASA" --db t.db load base.json >/dev/null || fail "load the partnership without meetings"
printf 'Parish Council of Nowhere\n\nMinutes of the meeting held on 3 March 2020\n\n1. Apologies\n\nNone.\n' >nobody.txt
fails "a body the partnership does not have" 1 "which is no body of the partnership" --db t.db import minutes nobody.txt
fails "no date: nothing imported" 1 "no meeting date" --db t.db import minutes nodate.txt --body RLSCB
ok "import the 2014 board" --db t.db import minutes "$SEED14" --json
json_is "the meeting" '.meeting' "RLSCB/2014-12-04"
json_is "everyone attending" '.attendance' "33"
json_is "everyone matched by name (Parfremment, Cllr Beaumont by surname)" '.people_created' "0"
json_is "16 items" '.items' "16"
json_is "9 actions" '.actions' "9"
json_is "7 earlier actions" '.log_actions' "7"
ok "the meeting shows" --db t.db meeting show RLSCB/2014-12-04 --json
json_is "times stored" '[.meeting.start_time // .start_time, .meeting.end_time // .end_time] | join("-")' "13:00-16:00"
ok "the action log as at the meeting" --db t.db actions log RLSCB --as-at 2014-12-04 --json
json_is "nine raised that day" '[.raised[] | select(.meeting == "RLSCB/2014-12-04")] | length' "9"
json_is "action 8's owners" '.raised[] | select(.id == "RLSCB/2014-12-04/8") | [.owners[].name] | join("/")' "Maryke Turvey/Sarah Mainwaring"
json_is "all members own 6" '.raised[] | select(.id == "RLSCB/2014-12-04/6") | .owners[0].name' "All members"
json_is "4, 5, 6 of September finished" '[.finished[] | .details] | length' "3"
ok "actions show an earlier one" --db t.db actions overdue --on 2015-06-01 --json
before=$(fingerprint t.db)
ok "import the same file again" --db t.db import minutes "$SEED14"
has "already imported" "RLSCB/2014-12-04 already imported"
if [ "$(fingerprint t.db)" = "$before" ]; then pass "the second import changed nothing"; else fail "the second import changed nothing"; fi
ok "import the 2019 commission" --db t.db import minutes "$SEED19" --json
json_is "its meeting" '.meeting' "ILSC/2019-07-09"
json_is "10 items" '.items' "10"
json_is "7 resolutions" '.resolutions' "7"
json_is "councillors matched to the partnership's people" '.people_created' "0"
ok "the deferred item" --db t.db meeting show ILSC/2019-07-09 --json
has "deferred stored" '"deferred"'
before=$(fingerprint t.db)
ok "import the 2019 commission again" --db t.db import minutes "$SEED19" --json
json_is "already" '.already' "true"
if [ "$(fingerprint t.db)" = "$before" ]; then pass "the second 2019 import changed nothing"; else fail "the second 2019 import changed nothing"; fi
sed 's/^\*\*13\. QUESTIONS/**13. OTHER QUESTIONS/; s/^\*\*19\. URGENT BUSINESS/**21. URGENT BUSINESS/' "$SEED19" >changed.txt
before=$(fingerprint t.db)
fails "the same meeting with other items" 1 "already holds other items" --db t.db import minutes changed.txt
if [ "$(fingerprint t.db)" = "$before" ]; then pass "a refused import changed nothing"; else fail "a refused import changed nothing"; fi

done_testing
