# Action logs: the seed's Appendix One reproduced from the demo data (golden),
# history and carry-forward across three meetings, the reports, and the bad
# inputs of the action log, each leaving the database as it was.
. "$(dirname "$0")/lib.sh"

"$MASA" --db demo.db init --demo >/dev/null || fail "init --demo"

# The board's appendix "as at 04.12.2014", from the demo data.
ok "actions log RLSCB --as-at 2014-12-04" --db demo.db actions log RLSCB --as-at 2014-12-04
if diff -u "$ROOT/tests/golden/actions-log-RLSCB-2014-12-04.txt" "$OUT" >log.diff; then
	pass "the log matches the golden Appendix One"
else
	fail "the log matches the golden Appendix One" "$(head -20 log.diff)"
fi
line_has "raised 8: two owners, as the seed" "^  8\. " "Maryke Turvey/Sarah Mainwaring"
line_has "raised 6: all members" "^  6\. " "All members"
line_has "ongoing 10: Jason Harwin replaced Pete Horner" "^  10\. " "Paul Grimwood/Jason Harwin"
has "the replacement is in the history" "[owners: Pete Horner removed; Jason Harwin added]"
has "04.09.2014 actions discharged at the meeting" "Actions raised on 04.09.2014, finished on 04.12.2014"
ok "actions log --json" --db demo.db actions log RLSCB --as-at 2014-12-04 --json
json_is "nine actions raised on the day" '.raised | length' "9"
json_is "three finished that day" '[.finished[].number] | join(",")' "4,5,6"
json_is "four on-going" '[.ongoing[].number] | join(",")' "7,8,9,10"
json_is "on-going 7 reopened after its discharge" '.ongoing[0].status' "open"
ok "the log a day before" --db demo.db actions log RLSCB --as-at 2014-12-03 --json
json_is "on 3 December 4, 5, 6 were still on-going (7 was discharged then)" '[.ongoing[].number] | join(",")' "4,5,6,8,9,10"
json_is "on 3 December Pete Horner still owned 10" '.ongoing[] | select(.number == 10) | [.owners[].name] | join("/")' "Paul Grimwood/Pete Horner"
ok "actions log --csv" --db demo.db actions log RLSCB --as-at 2014-12-04 --csv
if [ "$(head -1 "$OUT" | tr -d '\r')" = "section,reference,number,body,raised_on,owners,details,due,status,days_overdue,updates" ]; then
	pass "CSV heading"
else
	fail "CSV heading"
fi
if [ "$(grep -c $'\r$' "$OUT")" -eq 17 ]; then pass "CSV: a row per action, CRLF"; else fail "CSV: a row per action, CRLF" "$(grep -c $'\r$' "$OUT") rows"; fi

ok "actions show" --db demo.db actions show RLSCB/2014-06-05/7
has "show: the history" "04.09.2014: Discharged. A letter was sent"
ok "actions overdue on 2014-12-04" --db demo.db actions overdue --on 2014-12-04
line_has "8 is overdue by 91 days" "RLSCB/2014-06-05/8" "91"
ok "overdue as at an earlier date" --db demo.db actions overdue --on 2014-11-01 --json
json_is "8 was overdue then, with its status then" '.[] | select(.id == "RLSCB/2014-06-05/8") | .status' "open"
json_is "7 was discharged then, so not overdue" '[.[] | select(.id == "RLSCB/2014-06-05/7")] | length' "0"
ok "overdue after the December update" --db demo.db actions overdue --on 2014-12-05 --json
json_is "8 in progress from 4 December" '.[] | select(.id == "RLSCB/2014-06-05/8") | .status' "in_progress"
ok "owner filter as at a date" --db demo.db actions overdue --on 2014-12-03 --owner pete-horner --json
json_is "Pete Horner still owned 10 on 3 December (not overdue: no due date)" 'length' "0"
ok "mine as at a date" --db demo.db actions mine pete-horner --on 2014-12-03 --json
json_is "Pete Horner's actions on 3 December" '[.[].id] | sort | join(",")' "RLSCB/2014-06-05/10,RLSCB/2014-09-04/9"
ok "mine after the replacement" --db demo.db actions mine pete-horner --on 2014-12-05 --json
json_is "Pete Horner no longer owns 10" '[.[].id | select(. == "RLSCB/2014-06-05/10")] | length' "0"
json_is "but does own the all-members action raised that day" '[.[].id | select(. == "RLSCB/2014-12-04/6")] | length' "1"
ok "overdue for a person" --db demo.db actions overdue --on 2015-01-01 --owner john-radford
has "John Radford's overdue action" "RLSCB/2014-06-05/8"
hasnt "not other people's" "RLSCB/2014-06-05/7"
ok "actions mine" --db demo.db actions mine steve-ashley --on 2014-12-05
has "his own action" "RLSCB/2014-12-04/9"
has "an all-members action of a body he chairs" "RLSCB/2014-12-04/6"
ok "actions by-organisation" --db demo.db actions by-organisation --on 2015-06-01 --json
json_is "South Yorkshire Police has open actions" '.[] | select(.organisation == "south-yorkshire-police") | .open > 0' "true"

# Raising and updating from the command line.
ok "raise an action" --db demo.db actions raise RLSCB --meeting RLSCB/2014-12-04 --item 5 --details "Circulate the improvement plan" --owners phil-morris,org:south-yorkshire-police --due 2015-01-15
has "raise prints the reference" "raised RLSCB/2014-12-04/10"
ok "update it" --db demo.db actions update RLSCB/2014-12-04/10 --date 2015-01-10 --text "Sent to all partners" --status discharged
ok "the update shows" --db demo.db actions show RLSCB/2014-12-04/10
has "discharged in its history" "10.01.2015: Discharged. Sent to all partners"
ok "raise standing alone" --db demo.db actions raise RLSCB --on 2015-01-05 --details "Review the funding formula" --owners steve-ashley
has "standing-alone reference" "raised RLSCB/A1"

# Bad input: one line, exit 1, nothing changed.
before=$(fingerprint demo.db)
unchanged() {
	if [ "$(fingerprint demo.db)" = "$before" ]; then pass "$1: database unchanged"; else fail "$1: database changed"; fi
}
fails "an item of another body" 1 "action item: item 16 is at ILSC/2019-07-09, a meeting of another body than RLSCB" \
	--db demo.db actions raise RLSCB --meeting ILSC/2019-07-09 --item 16 --details x --owners steve-ashley
unchanged "an item of another body"
fails "a due date before it was raised" 1 "Due date: 2014-11-01 is before the day it was raised (2014-12-04)" \
	--db demo.db actions raise RLSCB --meeting RLSCB/2014-12-04 --details x --owners steve-ashley --due 2014-11-01
unchanged "a due date before it was raised"
fails "discharging twice" 1 "update status: RLSCB/2014-09-04/4 is already discharged" \
	--db demo.db actions update RLSCB/2014-09-04/4 --date 2015-01-01 --status discharged
unchanged "discharging twice"
fails "an owner outside the partnership" 1 'no person "someone-else"' \
	--db demo.db actions raise RLSCB --meeting RLSCB/2014-12-04 --details x --owners someone-else
unchanged "an owner outside the partnership"
fails "an update dated before the previous one" 1 "update date: 2014-10-01 is before the previous update of RLSCB/2014-06-05/7 (2014-12-04)" \
	--db demo.db actions update RLSCB/2014-06-05/7 --date 2014-10-01 --text "late note"
unchanged "an update dated before the previous one"
fails "removing someone who is not an owner" 1 "is not an owner of RLSCB/2014-06-05/10" \
	--db demo.db actions update RLSCB/2014-06-05/10 --date 2015-01-01 --remove-owners steve-ashley
unchanged "removing someone who is not an owner"
fails "an unknown status" 1 'update status: "done" is not one of open' \
	--db demo.db actions update RLSCB/2014-06-05/10 --date 2015-01-01 --status done
fails "an unknown action" 1 'no action "RLSCB/2014-12-04/99"' --db demo.db actions show RLSCB/2014-12-04/99
unchanged "unknown status and action"

# History and carry-forward across three meetings of one body.
cat >three.json <<'DOC'
{"format": "masa-interchange", "version": 2,
 "partnership": {"id": "t", "name": "Testshire"},
 "organizations": [{"id": "council", "name": "Council", "part": "safeguarding_partner"}],
 "people": [{"id": "ann", "name": "Ann", "organization": "council"}, {"id": "bob", "name": "Bob"}],
 "bodies": [{"short_name": "TB", "name": "Test Board", "classification": "board"}],
 "memberships": [{"person": "ann", "body": "TB", "role": "chair"}, {"person": "bob", "body": "TB", "role": "member"}],
 "meetings": [{"id": "TB/2020-01-10", "body": "TB", "date": "2020-01-10", "status": "scheduled", "agenda": [{"number": "1", "title": "Business"}]},
              {"id": "TB/2020-02-10", "body": "TB", "date": "2020-02-10", "status": "scheduled"},
              {"id": "TB/2020-03-10", "body": "TB", "date": "2020-03-10", "status": "scheduled"}],
 "actions": []}
DOC
ok "load the three meetings" --db three.db load three.json
ok "raise at the first" --db three.db actions raise TB --meeting TB/2020-01-10 --item 1 --details "Write the strategy" --owners ann --due-next-meeting
ok "raise another" --db three.db actions raise TB --meeting TB/2020-01-10 --details "Book the venue" --owners bob
ok "first meeting held" --db three.db meeting held TB/2020-01-10
ok "the second is discharged before the next meeting" --db three.db actions update TB/2020-01-10/2 --date 2020-02-01 --text "Booked" --status discharged
ok "second meeting held" --db three.db meeting held TB/2020-02-10
has "one action carried forward" "1 open action of its body carried forward"
ok "an update between meetings" --db three.db actions update TB/2020-01-10/1 --date 2020-02-20 --status in_progress --text "Draft written" --add-owners bob
ok "third meeting held" --db three.db meeting held TB/2020-03-10
ok "history of the carried action" --db three.db actions show TB/2020-01-10/1 --json
json_is "carried forward at the second and third meetings" '[.updates[] | select(.kind == "carried_forward") | .date] | join(",")' "2020-02-10,2020-03-10"
json_is "not carried at the meeting that raised it" '[.updates[] | select(.date == "2020-01-10")] | length' "0"
json_is "the whole history in order" '[.updates[].date] | join(",")' "2020-02-10,2020-02-20,2020-03-10"
json_is "owners now" '[.owners[].name] | join("/")' "Ann/Bob"
json_is "status now" '.status' "in_progress"
ok "history of the discharged action" --db three.db actions show TB/2020-01-10/2 --json
json_is "a finished action is not carried forward" '[.updates[] | select(.kind == "carried_forward")] | length' "0"
ok "due at the next meeting" --db three.db actions overdue --on 2020-02-11
has "due date is the next meeting's" "2020-02-10"
ok "holding again changes nothing" --db three.db meeting held TB/2020-03-10
has "already held" "already recorded as held"
ok "dump after the history" --db three.db dump --output three-dump.json
ok "reload" --db three2.db load three-dump.json
ok "dump again" --db three2.db dump --output three-dump2.json
if cmp -s three-dump.json three-dump2.json; then pass "history survives dump -> load -> dump"; else fail "history survives dump -> load -> dump"; fi

done_testing
