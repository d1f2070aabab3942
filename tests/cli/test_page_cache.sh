# The page cache of masa serve: a public page is kept rendered, and nothing
# is served from before a change, whether the change came through this
# server (a form) or through another connection (a masa command on the same
# database while the server runs). Signed-in readers never get the public
# copy.
. "$(dirname "$0")/lib.sh"

PW="correct horse battery staple"
ok "init --demo" --db demo.db init --demo
printf '%s\n' "$PW" | "$MASA" --db demo.db user add admin --role admin >/dev/null
start_server demo.db

req "$URL/bodies/ILSC/programme"
code_is "the programme page answers" 200
cp "$BODY" first.html
req "$URL/bodies/ILSC/programme"
cmp -s first.html "$BODY" && pass "asked again, the same page" || fail "asked again, the same page"

# A change from another connection: a masa command while the server runs.
"$MASA" --db demo.db programme add ILSC --title "Cache check: holiday hunger review" \
	--month 2019-11 --source other >/dev/null
req "$URL/bodies/ILSC/programme"
body_has "a change by a masa command shows at once" "Cache check: holiday hunger review"

# A change through the server itself (the admin's form).
sign_in jar admin "$PW"
tok=$(page_csrf jar /bodies/ILSC/programme)
req "$URL/bodies/ILSC/programme"
body_hasnt "the public page before the form" "Cache check: via the web form"
req -b jar "$URL/bodies/ILSC/programme" --data-urlencode "csrf=$tok" \
	--data-urlencode "title=Cache check: via the web form" --data-urlencode "month=2019-12"
code_is "the admin adds an entry" 303 400
if [ "$CODE" = 303 ]; then
	req "$URL/bodies/ILSC/programme"
	body_has "a change through the server shows at once" "Cache check: via the web form"
else
	fail "a change through the server shows at once" "the form answered $CODE: $(grep -o 'govuk-error-message[^<]*<[^<]*' "$BODY" | head -2)"
fi

# The signed-in reader gets their own page, not the public copy.
req -b jar "$URL/bodies/ILSC/programme"
body_has "a signed-in reader's page says so" "Signed in as"
req "$URL/bodies/ILSC/programme"
body_hasnt "and the public copy does not" "Signed in as"

# Query parameters are part of what is kept: two dates, two pages.
req "$URL/structure?on=2015-01-01"
cp "$BODY" a.html
req "$URL/structure?on=2020-01-01"
cmp -s a.html "$BODY" && fail "two dates give two pages" || pass "two dates give two pages"
# Undeclared parameters do not make new copies, nor change the page.
req "$URL/structure?on=2015-01-01&junk=1"
cmp -s a.html "$BODY" && pass "an undeclared parameter changes nothing" || fail "an undeclared parameter changes nothing"

done_testing
