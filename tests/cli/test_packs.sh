# Packs with real files against a real server: the agenda pack and the
# part-two pack made by `masa pack` and served on the meeting's page. Their
# pages are the front sheet's and the papers' (pdfinfo), their bookmarks one
# per item and paper (qpdf --json), a part-two paper's words never in the
# agenda pack (pdftotext), a Word paper and a broken PDF listed as not
# included, the pack made again after a paper's new version and kept
# otherwise, and the part-two pack 404 to the public and to a member of
# another body.
. "$(dirname "$0")/lib.sh"

PW="correct horse battery staple"
M=RLSCB/2014-09-04
"$MASA" --db demo.db init --demo >/dev/null
printf '%s\n' "$PW" | "$MASA" --db demo.db user add admin --role admin >/dev/null
printf '%s\n' "$PW" | "$MASA" --db demo.db user add sue --role member --person sue-cassin >/dev/null
printf '%s\n' "$PW" | "$MASA" --db demo.db user add beaumont --role member --person beaumont >/dev/null

# mkpdf FILE PAGES WORDS: a PDF of PAGES A4 pages saying WORDS on each.
mkpdf() {
	local file=$1 pages=$2 words=$3 i kids="" objs="" n=3
	for ((i = 0; i < pages; i++)); do
		kids="$kids $n 0 R"
		objs="$objs$n 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents $((n + 1)) 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >> endobj
$((n + 1)) 0 obj << >> stream
BT /F1 24 Tf 72 700 Td ($words page $((i + 1))) Tj ET
endstream endobj
"
		n=$((n + 2))
	done
	printf '%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [%s] /Count %d >> endobj\n%strailer << /Root 1 0 R /Size %d >>\n%%%%EOF\n' \
		"$kids" "$pages" "$objs" "$n" >"$file.raw"
	# qpdf writes the cross-reference table and lengths left out here
	qpdf --warning-exit-0 "$file.raw" "$file" 2>/dev/null
}
pages_of() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
mkpdf open.pdf 3 "Budget report"
mkpdf open2.pdf 5 "Audit findings"
mkpdf secret.pdf 4 "Child S chronology"
mkpdf secret2.pdf 6 "Child S review"
cp "$ROOT/tests/minutes/corporate-parenting.docx" word.docx

ok "an open paper" --db demo.db paper add $M open.pdf --item 1 --title "Budget report"
ok "a second open paper" --db demo.db paper add $M open2.pdf --item 1 --title "Audit findings"
ok "a Word paper" --db demo.db paper add $M word.docx --item 1 --title "Corporate parenting"
ok "a paper that will break" --db demo.db paper add $M open.pdf --title "Broken paper"
ok "a part-two paper" --db demo.db paper add $M secret.pdf --item 2 --title "Child S chronology"
# A stored PDF qpdf cannot read (as a file damaged after upload would be).
damaged=$(printf '%%PDF-1.4 nothing here' | od -An -tx1 | tr -d ' \n')
if [ -n "$PG" ]; then bytes="'\\x$damaged'::bytea"; else bytes="X'$damaged'"; fi
sqlite3 demo.db "UPDATE paper_version SET content = $bytes, sha256 = 'damaged' WHERE paper_id = 4"

ok "masa pack" --db demo.db pack $M --output agenda.pdf
front=$(($(sed -n 's/^  page \([0-9]*\): Budget report.*/\1/p' "$OUT") - 1))
[ "$front" -ge 1 ] && pass "the front sheet comes first" || fail "the front sheet comes first" "$(cat "$OUT")"
total=$(pages_of agenda.pdf)
[ "$total" -eq $((front + 3 + 5)) ] && pass "pages: the front sheet's and the two PDF papers'" ||
	fail "pages: the front sheet's and the two PDF papers'" "$total, front $front"
has "it says how many pages" "$total pages"
line_has "the Word paper is left out, and why" "left out: Corporate parenting" "not included: a Word document"
line_has "the broken paper is left out, with qpdf's reason" "left out: Broken paper" "could not be read" "trailer"
pdftotext agenda.pdf agenda.txt
grep -q "Budget report page 3" agenda.txt && pass "the open papers are in it" || fail "the open papers are in it"
grep -q "Child S" agenda.txt && fail "no part-two words in the agenda pack" || pass "no part-two words in the agenda pack"
tr '\n' ' ' <agenda.txt | grep -q "Corporate parenting: not included: a Word document; download it from the meeting page" && pass "the front sheet lists the Word paper" ||
	fail "the front sheet lists the Word paper"
grep -q "Budget report: page $((front + 1)) (3 pages)" agenda.txt && pass "the front sheet gives each paper's first page" ||
	fail "the front sheet gives each paper's first page"
grep -q "Page $((front + 4)) of $total" agenda.txt && pass "the papers' pages are stamped" || fail "the papers' pages are stamped"
qpdf --json --json-key=outlines agenda.pdf >outline.json
[ "$(jq '.outlines | length' outline.json)" -ge 2 ] && pass "bookmarks" || fail "bookmarks"
[ "$(jq -r '.outlines[1].title' outline.json)" = "1  Welcome, introductions and apologies" ] &&
	pass "one bookmark per item" || fail "one bookmark per item" "$(jq -c '[.outlines[].title]' outline.json)"
[ "$(jq -c '[.outlines[1].kids[] | [.title, .destpageposfrom1]]' outline.json)" = "[[\"Budget report\",$((front + 1))],[\"Audit findings\",$((front + 4))]]" ] &&
	pass "under it one per paper, at its first page" || fail "under it one per paper, at its first page" "$(jq -c '.outlines[1]' outline.json)"

ok "the part-two pack" --db demo.db pack $M --part-two --output part2.pdf
pdftotext part2.pdf part2.txt
grep -q "Child S chronology page 4" part2.txt && pass "the part-two paper is in it" || fail "the part-two paper is in it"
grep -q "Budget report page" part2.txt && fail "no open paper in the part-two pack" || pass "no open paper in the part-two pack"
fails "no part two: said so" 1 "has no part-two items" --db demo.db pack RLSCB/2014-06-05 --part-two --output x.pdf
fails "--output is needed" 2 "--output" --db demo.db pack $M

start_server demo.db
req "$URL/meetings/$M"
body_has "the public sees the agenda pack's link" "Download the agenda pack (PDF, $total pages)"
body_hasnt "and not the part-two pack's" "part-two-pack.pdf"
req "$URL/meetings/$M/pack.pdf"
code_is "the public downloads the agenda pack" 200
cmp -s "$BODY" agenda.pdf && pass "the pack kept by masa pack, byte for byte" || fail "the pack kept by masa pack, byte for byte"
header_has "kept, not made again" "X-Masa-Document: kept"
header_has "PDF" "Content-Type: application/pdf"
header_has "a file name" 'filename="RLSCB-2014-09-04-agenda-pack.pdf"'
header_has "may be cached by anyone (public)" "Cache-Control: public"
etag=$(tr -d '\r' <"$HEAD" | sed -n 's/^ETag: //Ip')
req -H "If-None-Match: $etag" "$URL/meetings/$M/pack.pdf"
code_is "304 when the browser has it" 304
req "$URL/meetings/$M/part-two-pack.pdf"
code_is "the part-two pack is 404 to the public" 404
req "$URL/meetings/RLSCB-QA/2014-11-11/pack.pdf"
code_is "an unpublished meeting's pack is 404 to the public" 404
req "$URL/meetings/RLSCB/2099-01-01/pack.pdf"
code_is "no such meeting" 404

# A public paper download is kept in the page cache with its headers, and
# never served from before a new version.
for round in first kept; do
	req "$URL/papers/1"
	cmp -s "$BODY" open.pdf && pass "the paper, $round, byte for byte" || fail "the paper, $round, byte for byte"
	header_has "its ETag, $round" "ETag: \"$(sha256sum open.pdf | cut -d' ' -f1)\""
	header_has "its file name, $round" 'filename="open.pdf"'
	header_has "public, $round" "Cache-Control: public"
done
req -H "If-None-Match: \"$(sha256sum open.pdf | cut -d' ' -f1)\"" "$URL/papers/1"
code_is "304 for a browser that has it, the cache notwithstanding" 304
ok "a new version while the server runs" --db demo.db paper replace 1 open2.pdf
req "$URL/papers/1"
cmp -s "$BODY" open2.pdf && pass "the new version at once, not the kept one" || fail "the new version at once, not the kept one"

sign_in beaumont.jar beaumont "$PW"
req -b beaumont.jar "$URL/meetings/$M/part-two-pack.pdf"
code_is "the part-two pack is 404 to a member of another body" 404
sign_in sue.jar sue "$PW"
req -b sue.jar "$URL/meetings/$M"
body_has "a member sees the part-two pack's link" "Download the part-two pack (PDF,"
req -b sue.jar "$URL/meetings/$M/part-two-pack.pdf"
code_is "a member of the body downloads the part-two pack" 200
header_has "signed in: never kept by a shared cache" "Cache-Control: no-store"
cmp -s "$BODY" part2.pdf && pass "the kept part-two pack" || fail "the kept part-two pack"

ok "a new version of the part-two paper" --db demo.db paper replace 5 secret2.pdf
req -b sue.jar "$URL/meetings/$M/part-two-pack.pdf"
header_has "made again after a new version" "X-Masa-Document: made"
cp "$BODY" part2b.pdf
[ "$(pages_of part2b.pdf)" -eq $(($(pages_of part2.pdf) - 4 + 6)) ] && pass "with the new version's pages" ||
	fail "with the new version's pages" "$(pages_of part2b.pdf)"
req -b sue.jar "$URL/meetings/$M/part-two-pack.pdf"
header_has "then kept" "X-Masa-Document: kept"
req "$URL/meetings/$M/pack.pdf"
header_has "the agenda pack is not made again for a part-two change" "X-Masa-Document: kept"
sqlite3 demo.db "UPDATE item SET title = 'Welcome and apologies' WHERE id = (SELECT id FROM item WHERE number = '1' AND meeting_id = (SELECT id FROM meeting WHERE key = '$M'))"
req "$URL/meetings/$M/pack.pdf"
header_has "made again when the agenda changes" "X-Masa-Document: made"
done_testing
