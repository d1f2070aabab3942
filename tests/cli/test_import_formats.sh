#!/usr/bin/env bash
# masa import minutes --dry-run --json on the test documents of every format
# (tests/minutes: text, Markdown, .docx, HTML pages, PDF): each is read, its
# date and next meeting found; and bad files get a clear error, not a crash.
# Skips (plan 1..0) while masa has no `import minutes` command.
. "$(dirname "$0")/lib.sh"
DOCS=$ROOT/tests/minutes

if ! "$MASA" import minutes --help >/dev/null 2>&1; then
	echo "1..0 # SKIP masa has no import minutes command yet"
	exit 0
fi

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

reads "parish council (.txt)" parish-council.txt 2008-03-11 -
items "parish council" Cou/285/07-08 Cou/286/07-08
reads "space-aligned attendance" space-aligned-attendance.txt 2024-01-17 2024-03-20
reads "paragraph attendance" paragraph-attendance.txt 2019-06-03 2019-07-01
reads "inquorate, adjourned" inquorate-adjourned.txt 2023-10-09 -
reads "late arrival, early departure" late-arrival.txt 2024-03-14 2024-06-13
reads "CDOP panel (.md)" cdop-panel.md 2024-02-22 2024-05-23
reads "NHS trust board (.html)" nhs-trust-board.html 2024-05-30 -
reads "ModernGov page (.html)" moderngov-health-wellbeing.html 2024-09-10 -
items "ModernGov page" HW.33/24
reads "action log appendix (.html)" action-log-appendix.html 2024-11-05 2025-02-04
reads "school governors (.docx)" school-governors.docx 2023-12-06 2024-03-13
items "school governors" 4.1 5
reads "safeguarding executive (.docx)" safeguarding-executive.docx 2024-04-18 2024-07-18
items "safeguarding executive" 3.1 3.2
reads "corporate parenting (.docx)" corporate-parenting.docx 2024-09-02 2024-12-02
items "corporate parenting" 17 20
reads "scrutiny sub-group (.pdf)" scrutiny-subgroup.pdf 2024-03-08 2024-06-14
items "scrutiny sub-group" PS/24/08

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
