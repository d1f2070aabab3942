# Papers with real files against a real server: uploaded from the command
# line and through the upload form (multipart), checked by their content (a
# program named .pdf, an encrypted PDF, a damaged PDF, a Word file with
# macros: refused, nothing stored), downloaded byte for byte with their
# headers (ETag and 304, a safe file name, no-store when signed in), every
# version kept; a part-two paper and an unpublished meeting's paper are 404
# to the public and to a partner who may not see them.
. "$(dirname "$0")/lib.sh"

PW="correct horse battery staple"
"$MASA" --db demo.db init --demo >/dev/null
printf '%s\n' "$PW" | "$MASA" --db demo.db user add admin --role admin >/dev/null
printf '%s\n' "$PW" | "$MASA" --db demo.db user add partner --role partner \
	--person una-jennings --organisation south-yorkshire-police >/dev/null

# Real files: PDFs from masa's own writer, a .docx of the tests' minutes.
ok "a real PDF" --db demo.db publish RLSCB/2014-06-05 --format pdf --output a.pdf
ok "another" --db demo.db publish RLSCB/2014-12-04 --format pdf --output b.pdf
cp "$ROOT/tests/minutes/corporate-parenting.docx" c.docx
qpdf --encrypt user owner 256 -- a.pdf encrypted.pdf
head -c 4000 a.pdf >truncated.pdf
printf 'MZ\x90\x00\x03\x00\x00\x00this program cannot be run in DOS mode' >setup.pdf
mkdir -p m/word && cp c.docx macros.docx && echo 'Attribute VB_Name = "x"' >m/word/vbaProject.bin
(cd m && zip -q ../macros.docx word/vbaProject.bin)

before=$(fingerprint demo.db)
fails "a program named .pdf is refused" 1 "file: the file is a program" \
	--db demo.db paper add RLSCB/2014-09-04 setup.pdf
fails "an encrypted PDF is refused" 1 "file: the PDF is encrypted" \
	--db demo.db paper add RLSCB/2014-09-04 encrypted.pdf
fails "a damaged PDF is refused" 1 "file: the PDF is damaged" \
	--db demo.db paper add RLSCB/2014-09-04 truncated.pdf
fails "a Word file with macros is refused" 1 "file: the file has macros" \
	--db demo.db paper add RLSCB/2014-09-04 macros.docx
cp c.docx lies.pdf
fails "a Word file named .pdf is refused" 1 "the name says PDF but the file is a Word document" \
	--db demo.db paper add RLSCB/2014-09-04 lies.pdf
: >empty.txt
fails "an empty file is refused" 1 "file: the file is empty" \
	--db demo.db paper add RLSCB/2014-09-04 empty.txt
fails "an item the meeting lacks" 1 "no item" \
	--db demo.db paper add RLSCB/2014-09-04 a.pdf --item 99
[ "$(fingerprint demo.db)" = "$before" ] && pass "nothing stored on any refusal" ||
	fail "nothing stored on any refusal"

ok "an open paper to item 1" --db demo.db paper add RLSCB/2014-09-04 a.pdf --item 1 --title "Minutes of June"
has "its id" "paper 1 added"
ok "a part-two paper to item 2" --db demo.db paper add RLSCB/2014-09-04 b.pdf --item 2 --title "Child S chronology"
ok "a Word paper of the meeting" --db demo.db paper add RLSCB/2014-09-04 c.docx
ok "a paper of an unpublished meeting" --db demo.db paper add RLSCB-QA/2014-11-11 a.pdf --title "QA draft"
ok "paper list" --db demo.db paper list RLSCB/2014-09-04 --json
json_is "three papers" 'length' 3
json_is "the PDF's pages" '.[] | select(.id == 1) | .pages' "$(pdfinfo a.pdf | awk '/^Pages/ {print $2}')"
json_is "the Word paper's type" '.[] | select(.id == 3) | .media_type' \
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document"
json_is "part two marked" '.[] | select(.id == 2) | .part_two' true
text=$(sqlite3 demo.db "SELECT text FROM paper_version WHERE paper_id = 1")
case $text in *[A-Za-z]*) pass "the PDF's text is kept for search" ;; *) fail "the PDF's text is kept for search" ;; esac
ok "a new version" --db demo.db paper replace 1 b.pdf
has "version 2" "version 2"

start_server demo.db
req "$URL/papers/1"
code_is "the public downloads an open paper of published minutes" 200
cmp -s "$BODY" b.pdf && pass "the current version, byte for byte" || fail "the current version, byte for byte"
header_has "PDF" "Content-Type: application/pdf"
header_has "a safe file name" 'Content-Disposition: attachment; filename="b.pdf"'
header_has "its length" "Content-Length: $(stat -c %s b.pdf)"
header_has "may be cached by anyone (public, published)" "Cache-Control: public"
header_has "last modified" "Last-Modified: "
etag=$(tr -d '\r' <"$HEAD" | sed -n 's/^ETag: //Ip')
[ "$etag" = "\"$(sha256sum b.pdf | cut -d' ' -f1)\"" ] && pass "ETag is the file's SHA-256" || fail "ETag is the file's SHA-256" "$etag"
req -H "If-None-Match: $etag" "$URL/papers/1"
code_is "304 when the browser has it" 304
[ ! -s "$BODY" ] && pass "no bytes with 304" || fail "no bytes with 304"
req "$URL/papers/1/versions/1"
cmp -s "$BODY" a.pdf && pass "the old version kept, byte for byte" || fail "the old version kept"
req "$URL/papers/1/versions/3"
code_is "no version 3" 404
req "$URL/papers/2"
code_is "a part-two paper is 404 to the public" 404
req "$URL/papers/2/versions/1"
code_is "and its versions" 404
req "$URL/papers/4"
code_is "an unpublished meeting's paper is 404 to the public" 404
req "$URL/papers/99"
code_is "no such paper" 404
req "$URL/meetings/RLSCB/2014-09-04"
body_has "the meeting page lists the open paper" "Minutes of June"
body_hasnt "and not the part-two one" "Child S chronology"

sign_in partner.jar partner "$PW"
req -b partner.jar "$URL/papers/2"
code_is "a partner who is not a member: 404 for part two" 404
req -b partner.jar "$URL/papers/1"
header_has "signed in: never kept by a shared cache" "Cache-Control: no-store"
req -b partner.jar "$URL/meetings/RLSCB/2014-09-04/papers"
code_is "the upload page is the business unit's" 403

sign_in admin.jar admin "$PW"
req -b admin.jar "$URL/papers/2"
code_is "the admin downloads the part-two paper" 200
req -b admin.jar "$URL/meetings/RLSCB/2014-09-04"
body_has "the admin's meeting page links the upload page" "/meetings/RLSCB/2014-09-04/papers"
req -b admin.jar "$URL/meetings/RLSCB/2014-09-04/papers"
code_is "the upload page" 200
body_has "with the papers" "Child S chronology"
body_has "a multipart form" 'enctype="multipart/form-data"'
csrf=$(csrf_of)
req -b admin.jar -F "csrf=$csrf" -F "title=Budget 2015" -F "item=1" \
	-F "file=@c.docx;filename=../../etc/Budget.docx" "$URL/meetings/RLSCB/2014-09-04/papers"
code_is "an upload through the form" 303
run --db demo.db paper list RLSCB/2014-09-04 --json
json_is "stored, its name cleaned of the path" '.[] | select(.title == "Budget 2015") | .file_name' "Budget.docx"
before=$(fingerprint demo.db)
req -b admin.jar -F "csrf=$csrf" -F "title=Kept" -F "file=@setup.pdf" "$URL/meetings/RLSCB/2014-09-04/papers"
code_is "a program refused by the form" 400
body_has "with a message naming the file" "setup.pdf: the file is a program"
body_has "the error summary" "There is a problem"
body_has "what was typed shown again" 'value="Kept"'
req -b admin.jar -F "csrf=$csrf" -F "file=@a.pdf" -F "item=77" "$URL/meetings/RLSCB/2014-09-04/papers"
code_is "an item the agenda lacks" 400
body_has "named" "The agenda has no item 77"
req -b admin.jar -F "csrf=wrong" -F "file=@a.pdf" "$URL/meetings/RLSCB/2014-09-04/papers"
code_is "a wrong CSRF token" 403
[ "$(fingerprint demo.db)" = "$before" ] && pass "nothing stored by refused uploads" ||
	fail "nothing stored by refused uploads"
head -c $((21 * 1024 * 1024)) /dev/zero >big.txt
req -b admin.jar -F "csrf=$csrf" -F "file=@big.txt" "$URL/meetings/RLSCB/2014-09-04/papers"
code_is "a file over the limit" 413
done_testing
