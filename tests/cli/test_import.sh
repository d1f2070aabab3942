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
	if diff -u "$ROOT/tests/golden/import-$(basename "$file" .txt).json" "$WORK/got.json" >"$WORK/golden.diff"; then
		pass "$name matches its golden reading"
	else
		fail "$name matches its golden reading" "$(head -30 "$WORK/golden.diff")"
	fi
}

golden "the 2014 board minutes" "$SEED14"
golden "the 2019 select commission minutes" "$SEED19"

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
fails "a binary file" 1 "not text" import minutes binary.txt --dry-run
fails "a missing file" 3 "cannot open" import minutes missing.txt --dry-run
printf 'Some notes\n\nNothing else\n' >nodate.txt
ok "no date: a reading with notes" import minutes nodate.txt --dry-run --json
json_is "no date noted" '[.unsure[].note | select(test("no meeting date"))] | length' "1"

done_testing
