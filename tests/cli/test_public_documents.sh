# What the public reads and downloads, against a real masa serve on the
# part-two variant of the demo (part_two_variant.jq): the minutes as a PDF
# (its link and size on the meeting page, its bytes read back with poppler's
# pdfinfo and pdftotext, the same bytes as `masa publish --public` made,
# made again after a change to the minutes and only then, refused while
# the minutes are not published, no part-two text in it); the work
# programme linked for the public.
. "$(dirname "$0")/lib.sh"

PW="correct horse battery staple"
M=/meetings/RLSCB/2014-12-04

for tool in pdfinfo pdftotext; do
	command -v $tool >/dev/null || { fail "$tool (poppler-utils) is installed"; done_testing; exit 1; }
done
ok "init --demo" --db base.db init --demo
ok "dump the demo" --db base.db dump --output demo.json
jq -f "$ROOT/tests/cli/part_two_variant.jq" demo.json >variant.json ||
	fail "the part-two variant is made"
ok "load the part-two variant" --db demo.db load variant.json
printf '%s\n' "$PW" | "$MASA" --db demo.db user add admin --role admin >/dev/null
printf '%s\n' "$PW" | "$MASA" --db demo.db user add member --role member --person sue-cassin >/dev/null
stored() { sqlite3 demo.db "$1"; }

# ---- masa publish --public makes the document the site will serve ----
ok "masa publish --public makes the PDF" --db demo.db publish RLSCB/2014-12-04 \
	--format pdf --public --output cli.pdf
[ "$(stored "SELECT count(*) FROM minutes_document")" = 1 ] &&
	pass "and keeps it in the database" || fail "and keeps it in the database"
MADE=$(stored "SELECT made_at FROM minutes_document")
ok "made again, the same minutes" --db demo.db publish RLSCB/2014-12-04 \
	--format pdf --public --output cli2.pdf
cmp -s cli.pdf cli2.pdf && pass "give the same bytes" || fail "give the same bytes"
ok "the members' copy is made" --db demo.db publish RLSCB/2014-12-04 --format pdf --output members.pdf
[ "$(stored "SELECT count(*) FROM minutes_document")" = 1 ] &&
	pass "only the public copy is stored" || fail "only the public copy is stored"

start_server demo.db
sign_in admin.jar admin "$PW"
sign_in member.jar member "$PW"
ADMIN_CSRF=$(page_csrf admin.jar /)

# ---- the link ----
req "$URL$M"
code_is "the public meeting page" 200
SIZE_KB=$(( ($(stat -c %s cli.pdf) + 1023) / 1024 ))
body_has "links the minutes as a PDF, with its size" \
	"href=\"$M/minutes.pdf\" class=\"govuk-link\" type=\"application/pdf\" download>Download the minutes (PDF, $SIZE_KB KB)</a>"
body_has "and the body's work programme" 'href="/bodies/RLSCB/programme"'
req "$URL/bodies/RLSCB"
body_has "the body page links its work programme for the public" 'href="/bodies/RLSCB/programme"'
req "$URL/meetings/RLSCB-CSE/2014-12-10"
body_hasnt "no PDF link for minutes not published" "minutes.pdf"

# ---- the document ----
req "$URL$M/minutes.pdf"
code_is "the public downloads the PDF" 200
header_has "as a PDF" "Content-Type: application/pdf"
header_has "named after the meeting" 'filename="RLSCB-2014-12-04-minutes.pdf"'
header_has "the kept one" "X-Masa-Document: kept"
cp "$BODY" web.pdf
cmp -s web.pdf cli.pdf && pass "the very bytes masa publish --public made" ||
	fail "the very bytes masa publish --public made"
pdfinfo web.pdf >info.txt 2>&1 && pass "pdfinfo reads it" || fail "pdfinfo reads it" "$(head -3 info.txt)"
grep -q "^Title: *Minutes of the meeting of Rotherham Local Safeguarding Children Board" info.txt &&
	pass "titled" || fail "titled" "$(grep Title info.txt)"
pdftotext web.pdf web.txt
grep -q "WC to arrange meetings" web.txt && pass "the open minutes are in it" || fail "the open minutes are in it"
if grep -q "XQ" web.txt; then
	fail "no part-two text is in it" "$(grep -o 'XQ[A-Z]*' web.txt | sort -u | tr '\n' ' ')"
else pass "no part-two text is in it"; fi
req -b member.jar "$URL$M/minutes.pdf"
cmp -s "$BODY" cli.pdf && pass "a member downloads the same public copy" ||
	fail "a member downloads the same public copy"
req -I "$URL$M/minutes.pdf"
code_is "HEAD answers too" 200

# ---- a change to the minutes makes it again ----
req -b admin.jar "$URL$M/items/3/minutes"
ITEM_CSRF=$(csrf_of)
VERSION=$(grep -o 'name="version" value="[0-9]*"' "$BODY" | head -1 | grep -o '[0-9]*')
req -b admin.jar "$URL$M/items/3/minutes" --data-urlencode "csrf=$ITEM_CSRF" \
	${VERSION:+--data-urlencode "version=$VERSION"} \
	--data-urlencode "minutes=The board noted the PLUMTREE report." --data-urlencode op=save
code_is "the business unit changes the open minutes of item 3" 303
req "$URL$M/minutes.pdf"
header_has "the next request makes the PDF again" "X-Masa-Document: made"
pdftotext "$BODY" new.txt
grep -q "PLUMTREE" new.txt && pass "with the change" || fail "with the change"
cmp -s "$BODY" cli.pdf && fail "the bytes changed" || pass "the bytes changed"
cp "$BODY" new.pdf
req "$URL$M/minutes.pdf"
header_has "and the one after keeps it" "X-Masa-Document: kept"
cmp -s "$BODY" new.pdf && pass "the same bytes again" || fail "the same bytes again"
[ "$(stored "SELECT count(*) FROM minutes_document")" = 1 ] &&
	pass "one document per meeting is kept" || fail "one document per meeting is kept"

# ---- not for minutes the public may not read ----
req -b admin.jar "$URL$M/minutes-status" --data-urlencode "csrf=$ADMIN_CSRF" \
	--data-urlencode minutes_status=approved
code_is "the minutes go back to approved" 303
req "$URL$M/minutes.pdf"
code_is "the public may not download them now" 404
body_has "told why" "not yet published"
req -b member.jar "$URL$M/minutes.pdf"
code_is "nor a member (who reads them on the page)" 404
req -b admin.jar "$URL$M"
body_hasnt "no link on the page" "minutes.pdf"
req "$URL/meetings/RLSCB-CSE/2014-12-10/minutes.pdf"
code_is "draft minutes have no PDF" 404
req "$URL/meetings/RLSCB/2099-01-01/minutes.pdf"
code_is "an unknown meeting is 404" 404
body_has "saying which" "There is no meeting RLSCB/2099-01-01"
fails "masa publish --public refuses them too" 1 "are not published" --db demo.db publish RLSCB/2014-12-04 --format pdf --public --output x.pdf

# ---- a bad query value: the page itself, with an error summary, signed in ----
req -b admin.jar "$URL/bodies/RLSCB/actions?as_at=31/12/2014"
code_is "a UK date in as_at is 400" 400
body_has "on the action log itself" "Action log"
body_has "drawn for the signed-in reader" "Signed in as"
body_has "with an error summary naming the field and what to type" \
	'<a href="#as_at">The date to show the log as at must be a real date written as year, month and day, such as 2014-12-31'
body_hasnt "no internal name" "as_at:"
req -b admin.jar "$URL/meetings?from=31/12/2014&to=2015-01-31"
code_is "a UK date in from is 400" 400
body_has "on the calendar, naming it" '<a href="#from">The first date to show must be a real date'
body_hasnt "and only it" '<a href="#to">'
req -b admin.jar "$URL/bodies/RLSCB/actions?page=abc"
code_is "a page number that is not one is 400" 400
body_has "a hard parameter's 400 page is drawn signed in too" "Signed in as"
req -b admin.jar "$URL/structure?on=2014-12-31"
code_is "a good date is still 200" 200

done_testing
