# masa publish: minutes as Markdown, HTML and PDF from the demo database;
# --public leaves out the confidential item; stored "<script>" is escaped in
# HTML and harmless in the PDF; the PDF is A4, numbered, has its fonts
# embedded and renders to a page that is not blank.
. "$(dirname "$0")/lib.sh"

"$MASA" --db d.db init --demo >/dev/null || fail "init --demo"

# Markdown, the 2014 board
ok "publish RLSCB/2014-12-04 as Markdown" --db d.db publish RLSCB/2014-12-04 --format md
cp "$OUT" rlscb.md
has "md: body name as heading" "# Rotherham Local Safeguarding Children Board (RLSCB)"
has "md: when and where" "Minutes of the meeting of Rotherham Local Safeguarding Children Board held on Thursday 4th December 2014, 1pm – 4pm at Riverside House"
has "md: Present:" "Present:"
line_has "md: a member with role and job title" "^Mr Steve Ashley – Chair" "Independent Chair, Rotherham Local Safeguarding Children Board"
has "md: X representing Y" "Sam Newton representing Shona McFarlane – Member"
has "md: In attendance:" "In attendance:"
has "md: Apologies:" "Apologies:"
line_has "md: an apology" "^Pete Horner" "Public Protection Unit Manager"
line_has "md: an early departure" "^Ms Dorothy Smith" "left during item 9"
has "md: a late arrival noted in its item" "Ms Parfremment arrived at the meeting at the start of this item."
missing=""
for i in 1. 2. 3. 4. 4.1 4.2 4.3 4.4 4.5 4.6 4.7 5. 6. 7. 8. 9.; do
	grep -q "^\*\*$i " "$OUT" || missing="$missing $i"
done
[ -z "$missing" ] && pass "md: items 1-9 and 4.1-4.7 in bold" || fail "md: items 1-9 and 4.1-4.7 in bold" "missing:$missing"
has "md: an action as minuted" "**Action:** WC to arrange meetings – action 1"
has "md: the appendix" "## Appendix One: action log as at 04.12.2014"
has "md: the appendix table" "| No. | Owner | Details | Update | Status |"
line_has "md: an action raised" "^\| 8\. \| Maryke Turvey/Sarah Mainwaring" "Probation officers"
line_has "md: an on-going action with its updates" "^\| 7\. \| Steve Ashley \| Councillor Paul Lakin" "04.09.2014 A letter was sent" "04.12.2014 SA still had no response"
line_has "md: a discharged action" "^\| 4\. \| Joyce Thacker" "Discharged"

# Markdown, the 2019 scrutiny commission
ok "publish ILSC/2019-07-09 as Markdown" --db d.db publish ILSC/2019-07-09
missing=""
for i in 11 12 13 14 15 16 17 18 19 20; do
	grep -q "^\*\*$i\. " "$OUT" || missing="$missing $i"
done
[ -z "$missing" ] && pass "md: items 11-20" || fail "md: items 11-20" "missing:$missing"
has "md: a single resolution" "**Resolved:** That the minutes of the previous meeting"
has "md: numbered resolutions" "**Resolved:** (1) That the decision of the Cabinet"
has "md: the resolutions go on (2)" "(2) That"
has "md: a deferred item" "Deferred to the meeting on Tuesday 17th September 2019."
has "md: the next meeting" "Date of the next meeting: Tuesday 17th September 2019 at 5.30pm"

# --public and the confidential item
ok "members' copy of RLSCB/2014-09-04" --db d.db publish RLSCB/2014-09-04
has "members: the confidential item's title" "Serious case review: Child S"
has "members: its minutes" "draft overview report of the serious case review"
has "members: marked Confidential" "Confidential"
ok "public copy of RLSCB/2014-09-04" --db d.db publish RLSCB/2014-09-04 --public
hasnt "public: no confidential title" "Serious case review: Child S"
hasnt "public: no confidential minutes" "draft overview report of the serious case review"
hasnt "public: no Confidential marking" "Confidential"
ok "public HTML of RLSCB/2014-09-04" --db d.db publish RLSCB/2014-09-04 --public --format html
hasnt "public html: no confidential item" "Child S"
ok "public PDF of RLSCB/2014-09-04" --db d.db publish RLSCB/2014-09-04 --public --format pdf --output public.pdf
pdftotext public.pdf "$OUT"
hasnt "public pdf: no confidential item" "Child S"
ok "members' PDF of RLSCB/2014-09-04" --db d.db publish RLSCB/2014-09-04 --format pdf --output members.pdf
pdftotext members.pdf "$OUT"
has "members pdf: the confidential item" "Serious case review: Child S"

# HTML
ok "publish RLSCB/2014-12-04 as HTML" --db d.db publish RLSCB/2014-12-04 --format html
has "html: a complete document" "<!DOCTYPE html>"
has "html: ends" "</html>"
has "html: a print stylesheet" "@media print"
has "html: heading" "<h1>Rotherham Local Safeguarding Children Board (RLSCB)</h1>"
has "html: represented" "Sam Newton representing Shona McFarlane – Member"
has "html: a sub-item" "4.7 Minutes from meeting of RLSCB Executive Group"
has "html: minutes through Markdown" "<strong>Action:</strong> WC to arrange meetings – action 1"
has "html: the appendix" "Appendix One: action log as at 04.12.2014"
has "html: an appendix row" "<td>Maryke Turvey/Sarah Mainwaring</td>"
ok "publish ILSC/2019-07-09 as HTML" --db d.db publish ILSC/2019-07-09 --format html
has "html: resolution in bold" "<strong>Resolved: (1) That the decision of the Cabinet"

# PDF
ok "publish RLSCB/2014-12-04 as PDF" --db d.db publish RLSCB/2014-12-04 --format pdf --output rlscb.pdf
pdftotext rlscb.pdf rlscb.txt
for t in "Rotherham Local Safeguarding Children Board" "Page 1 of" "Present:" \
	"Sam Newton representing Shona" "4.7 Minutes from meeting of RLSCB Executive Group" \
	"Appendix One: action log as at 04.12.2014" "Maryke"; do
	grep -qF -- "$t" rlscb.txt && pass "pdf text: $t" || fail "pdf text: $t"
done
pdfinfo rlscb.pdf >info.txt
grep -q "Page size:.*(A4)" info.txt && pass "pdf: A4" || fail "pdf: A4" "$(grep 'Page size' info.txt)"
pages=$(sed -n 's/^Pages: *//p' info.txt)
[ "${pages:-0}" -ge 5 ] && pass "pdf: $pages pages" || fail "pdf: pages" "pages: $pages"
grep -qF "Page $pages of $pages" rlscb.txt && pass "pdf: the last page says Page $pages of $pages" || fail "pdf: Page N of M on the last page"
grep -q "^Author: *Rotherham Safeguarding Children Partnership" info.txt && pass "pdf: author is the partnership" || fail "pdf: author"
grep -q "^CreationDate:.*2014" info.txt && pass "pdf: dated by the meeting" || fail "pdf: creation date"
pdffonts rlscb.pdf >fonts.txt
if awk 'NR > 2 && $0 !~ / yes +yes +yes / { bad = 1 } NR > 2 { n++ } END { exit !(n > 0 && !bad) }' fonts.txt &&
	grep -q "LiberationSans" fonts.txt; then
	pass "pdf: fonts embedded (Liberation Sans)"
else
	fail "pdf: fonts embedded (Liberation Sans)" "$(cat fonts.txt)"
fi
pdftoppm -png -r 50 -f 1 -l 1 rlscb.pdf page
png=$(ls page*.png 2>/dev/null | head -1)
inked=$(python3 "$ROOT/tests/cli/png_ink.py" "$png" 2>/dev/null)
[ "${inked:-0}" -gt 2000 ] && pass "pdf: page 1 renders, not blank ($inked dark pixels)" || fail "pdf: page 1 renders" "dark pixels: $inked"
"$MASA" --db d.db publish RLSCB/2014-12-04 --format pdf --output again.pdf
cmp -s rlscb.pdf again.pdf && pass "pdf: the same minutes give the same file" || fail "pdf: reproducible"
ok "publish ILSC/2019-07-09 as PDF" --db d.db publish ILSC/2019-07-09 --format pdf --output ilsc.pdf
pdftotext ilsc.pdf "$OUT"
has "pdf: ILSC item 16" "16. Rotherham Safeguarding Children Partnership"
has "pdf: ILSC resolution" "Resolved: (1) That the decision of the Cabinet"
run --db d.db publish ILSC/2019-07-09 --format pdf
[ "$STATUS" -eq 0 ] && head -c 5 "$OUT" | grep -q "%PDF-" && pass "pdf: to standard output when it is not a terminal" || fail "pdf to a pipe"

# stored script text
cat >s.json <<'JSON'
{"format": "masa-interchange", "version": 3,
 "partnership": {"id": "p", "name": "Test <script>alert(1)</script> Partnership"},
 "organizations": [],
 "people": [{"id": "eve", "name": "Eve <script>alert(2)</script>"}],
 "bodies": [{"short_name": "TB", "name": "Test Board", "classification": "board"}],
 "memberships": [],
 "meetings": [{"id": "TB/2020-01-09", "body": "TB", "date": "2020-01-09", "status": "held",
   "attendance": [{"person": "eve", "status": "present"}],
   "agenda": [{"number": "1", "title": "Title <script>alert(3)</script> & <b>bold</b>",
     "minutes": "Text <script>alert(4)</script> and <img src=x onerror=alert(5)> & \"quotes\" 'too' <span foreground='red'>x</span>",
     "resolutions": [{"number": 1, "text": "That <script>alert(6)</script> be noted"}]}]}],
 "actions": [], "programme": []}
JSON
ok "load minutes holding script text" --db s.db load s.json
ok "publish them as HTML" --db s.db publish TB/2020-01-09 --format html
hasnt "html: no <script> element" "<script>"
hasnt "html: no onerror attribute" "<img"
has "html: the title escaped" "Title &lt;script&gt;alert(3)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"
has "html: the name escaped" "Eve &lt;script&gt;alert(2)&lt;/script&gt;"
has "html: the resolution escaped" "That &lt;script&gt;alert(6)&lt;/script&gt; be noted"
ok "publish them as PDF" --db s.db publish TB/2020-01-09 --format pdf --output s.pdf
pdftotext s.pdf "$OUT"
has "pdf: the title as plain text" "Title <script>alert(3)</script> & <b>bold</b>"
has "pdf: the minutes' markup shown as text" "<span foreground='red'>x</span>"
has "pdf: the resolution as text" "That <script>alert(6)</script> be noted"

# errors
fails "an unknown meeting" 1 'no meeting "RLSCB/1999-01-01"' --db d.db publish RLSCB/1999-01-01
fails "an unknown format" 2 'unknown format "docx"' --db d.db publish RLSCB/2014-12-04 --format docx
fails "an unwritable output file" 3 "cannot write" --db d.db publish RLSCB/2014-12-04 --output no/such/dir/x.md
mkdir -p dest/taken
fails "an output path that is a directory" 3 "cannot write" --db d.db publish RLSCB/2014-12-04 --format pdf --output dest/taken
[ "$(ls -A dest)" = taken ] && pass "nothing half-written" || fail "nothing half-written" "$(ls -A dest)"
if command -v script >/dev/null 2>&1; then
	script -qec "\"$MASA\" --db d.db publish RLSCB/2014-12-04 --format pdf" /dev/null >tty.out 2>&1
	grep -q "will not write a PDF to the terminal" tty.out && pass "refuses to write a PDF to a terminal" || fail "refuses PDF to a terminal" "$(head -3 tty.out)"
else
	skip "refuses to write a PDF to a terminal: no script(1) to make a terminal"
fi
ok "--output writes the file" --db d.db publish RLSCB/2014-12-04 --output out.md
cmp -s out.md rlscb.md && pass "--output holds what standard output had" || fail "--output matches standard output"

done_testing
