#!/usr/bin/env bash
# masa import minutes --dry-run --json on the test documents of every format
# (tests/minutes: text, Markdown, .docx, HTML pages, PDF): each is read, its
# date and next meeting found; and bad files get a clear error, not a crash.
. "$(dirname "$0")/lib.sh"
DOCS=$ROOT/tests/minutes

# masa import minutes --help fails only if masa does: a failure, not a
# reason to skip the suite.
ok "masa import minutes --help" import minutes --help

# reads NAME FILE DATE NEXT: the file is read; its date (and next meeting,
# unless NEXT is -) as given.
reads() {
	local name=$1 file=$DOCS/$2 date=$3 next=$4 got
	run import minutes "$file" --dry-run --json
	if [ "$STATUS" -ne 0 ]; then
		fail "$name is read" "exit status $STATUS"
		return
	fi
	got=$(jq -r '.date' "$OUT")
	[ "$got" = "$date" ] && pass "$name: date $date" || fail "$name: date $date" "got $got"
	if [ "$next" != - ]; then
		got=$(jq -r '.next_meeting' "$OUT")
		[ "$got" = "$next" ] && pass "$name: next meeting $next" || fail "$name: next meeting $next" "got $got"
	fi
}

# items NAME NUMBER...: the last reading has items with these numbers.
items() {
	local name=$1 num
	shift
	for num in "$@"; do
		if jq -e --arg n "$num" '[.items[].number] | index($n)' "$OUT" >/dev/null; then
			pass "$name: item $num"
		else
			fail "$name: item $num" "items: $(jq -c '[.items[].number]' "$OUT")"
		fi
	done
}

# counts NAME PRESENT APOLOGIES RESOLUTIONS: the last reading's numbers of
# people present, apologies and resolutions in all items.
counts() {
	local name=$1 want="$2 $3 $4" got
	got=$(jq -r '"\(.present | length) \(.apologies | length) \([.items[].resolutions[]] | length)"' "$OUT")
	[ "$got" = "$want" ] && pass "$name: present, apologies, resolutions $want" ||
		fail "$name: present, apologies, resolutions $want" "got $got"
}

# is NAME FILTER WANT: the last reading's jq FILTER gives WANT.
is() {
	local got
	got=$(jq -r "$2" "$OUT")
	[ "$got" = "$3" ] && pass "$1" || fail "$1" "got $got"
}

reads "parish council (.txt)" parish-council.txt 2008-03-11 -
items "parish council" Cou/285/07-08 Cou/286/07-08
reads "space-aligned attendance" space-aligned-attendance.txt 2024-01-17 2024-03-20
items "space-aligned attendance" 1 2 3 3.1 4 5
counts "space-aligned attendance" 5 2 0
is "space-aligned attendance: roles from the Role column" '[.present[].role] | join(",")' "Chair,Member,Member,Member,Minutes"
is "space-aligned attendance: HC resolved" '[.items[].actions[].owners[]] | join(",")' "Helen Carver"
reads "paragraph attendance" paragraph-attendance.txt 2019-06-03 2019-07-01
reads "inquorate, adjourned" inquorate-adjourned.txt 2023-10-09 2023-10-23
items "inquorate" 1 2
counts "inquorate" 3 3 0
is "inquorate: RF resolved" '[.items[].actions[].owners[]] | join(",")' "Rachel Foy"
reads "late arrival, early departure" late-arrival.txt 2024-03-14 2024-06-13
reads "CDOP panel (.md)" cdop-panel.md 2024-02-22 2024-05-23
reads "NHS trust board (.html)" nhs-trust-board.html 2024-05-30 -
items "NHS trust board" "TB 24/101" "TB 24/102" "TB 24/103" "TB 24/104" "TB 24/105"
counts "NHS trust board" 7 1 1
is "NHS trust board: the deputy present for the Director of Finance" '.present[] | select(.name == "Neil Cope") | .representing' "Elaine Forsyth"
is "NHS trust board: action owner" '[.items[].actions[].owners[]] | join(",")' "Chief Nurse"
reads "ModernGov page (.html)" moderngov-health-wellbeing.html 2024-09-10 -
items "ModernGov page" HW.33/24
items "ModernGov page" HW.34/24 HW.35/24 HW.36/24
counts "ModernGov page" 4 1 2
is "ModernGov page: the Attendance column" '[.absent[].name, .apologies[].name] | join(",")' "Carol Denby,Jacqueline Moss"
is "ModernGov page: the substitute" '.in_attendance[0] | [.name, .representing] | join("|")' "Ian Corbett|Jacqueline Moss"
is "ModernGov page: the body, not the page's \"Minutes:\"" '.body' "Health and Wellbeing Board"
reads "action log appendix (.html)" action-log-appendix.html 2024-11-05 2025-02-04
items "action log appendix" 1 2
counts "action log appendix" 4 0 0
is "action log appendix: the log" '[.action_log[].number] | join(",")' "EX/24/03,EX/24/07,EX/24/09"
is "action log appendix: raised from the Meeting column" '.action_log[0].raised' "2024-05-07"
is "action log appendix: a job after a comma" '.present[1] | [.name, .job_title] | join("|")' "Colin Reid|Director of Children's Services"
reads "school governors (.docx)" school-governors.docx 2023-12-06 2024-03-13
items "school governors" 4.1 5
items "school governors" 1 2 3 4 4.2 6
counts "school governors" 4 1 1
is "school governors: the chair from her category" '.present[0] | [.name, .role] | join("|")' "Judith Ames|Chair"
is "school governors: action owners" '[.items[].actions[].owners[]] | join(",")' "Harriet Cole,Clerk,Headteacher"
reads "safeguarding executive (.docx)" safeguarding-executive.docx 2024-04-18 2024-07-18
items "safeguarding executive" 3.1 3.2
items "safeguarding executive" 1 2 3 4 5
counts "safeguarding executive" 5 1 1
is "safeguarding executive: LC resolved, no number from the year" '.items[3].actions[0] | [.owners[0], .number // "-"] | join("|")' "Louise Carr|-"
is "safeguarding executive: Ch Supt Haddad found among those present" '[.present[] | select(.left_at_item == "4") | .name] | join(",")' "Amira Haddad"
reads "corporate parenting (.docx)" corporate-parenting.docx 2024-09-02 2024-12-02
items "corporate parenting" 17 20
items "corporate parenting" 18 19
counts "corporate parenting" 4 1 1
is "corporate parenting: the appended log" '[.action_log[].number] | join(",")' "CPP/24/05,CPP/24/08,CPP/24/09"
reads "scrutiny sub-group (.pdf)" scrutiny-subgroup.pdf 2024-03-08 2024-06-14
items "scrutiny sub-group" PS/24/08
items "scrutiny sub-group" PS/24/07 PS/24/09
counts "scrutiny sub-group" 5 2 1
is "scrutiny sub-group: no item from the times line" '.items[0].number' "PS/24/07"
is "scrutiny sub-group: AB resolved" '[.items[].actions[].owners[]] | join(",")' "Anita Baines"

# Bad files: a clear error and no reading.
printf '\177ELF\2\1\1\0\0\0\0\0' >binary
run import minutes binary --dry-run --json
[ "$STATUS" -ne 0 ] && grep -q "not a format masa reads" "$ERR" &&
	pass "a binary file is refused" || fail "a binary file is refused"
printf '%%PDF-1.4 not really\n' >fake.pdf
run import minutes fake.pdf --dry-run --json
[ "$STATUS" -ne 0 ] && grep -q "PDF could not be read" "$ERR" &&
	pass "a PDF that is not one is refused" || fail "a PDF that is not one is refused"
head -c 2000 "$DOCS/school-governors.docx" >cut.docx
run import minutes cut.docx --dry-run --json
[ "$STATUS" -ne 0 ] && grep -q "not a readable Word file" "$ERR" &&
	pass "a .docx cut short is refused" || fail "a .docx cut short is refused"
truncate -s 100M huge.txt
run import minutes huge.txt --dry-run --json
[ "$STATUS" -ne 0 ] && grep -q "at most 64 MB" "$ERR" &&
	pass "a 100 MB text is refused" || fail "a 100 MB text is refused"

echo "1..$n"
