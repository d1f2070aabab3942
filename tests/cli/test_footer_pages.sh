# The footer's pages (/accessibility, /privacy, /contact) against a real
# masa serve on the demo: linked from every page's footer, masa's default
# text until the business unit writes its own at /admin/pages/{page}
# (CSRF, preview, a version check, Markdown with no HTML reaching the
# page), kept in the page cache until they change, in masa dump and load;
# and an action's reference on a published meeting page, a link only for
# those who may open the action's page.
. "$(dirname "$0")/lib.sh"

PW="correct horse battery staple"
M=/meetings/RLSCB/2014-12-04

ok "init --demo" --db demo.db init --demo
printf '%s\n' "$PW" | "$MASA" --db demo.db user add admin --role admin >/dev/null
printf '%s\n' "$PW" | "$MASA" --db demo.db user add member --role member --person sue-cassin >/dev/null
printf '%s\n' "$PW" | "$MASA" --db demo.db user add police --role partner \
	--person jason-harwin --organisation south-yorkshire-police >/dev/null
stored() { sqlite3 demo.db "$1"; }

start_server demo.db
sign_in admin.jar admin "$PW"
sign_in member.jar member "$PW"
sign_in police.jar police "$PW"

# ---- linked from every page's footer ----
for p in / /structure /meetings "$M" /sign-in; do
	req "$URL$p"
	body_has "$p links the accessibility statement in its footer" \
		'<a class="govuk-footer__link" href="/accessibility">Accessibility statement</a>'
done
body_has "the privacy notice" '<a class="govuk-footer__link" href="/privacy">Privacy notice</a>'
body_has "and the contact page" '<a class="govuk-footer__link" href="/contact">Contact</a>'

# ---- masa's default text ----
req "$URL/accessibility"
code_is "the accessibility statement is public" 200
body_has "titled" "<title>Accessibility statement - Rotherham Safeguarding Children Partnership</title>"
body_has "it names the partnership" "This statement applies to the website of Rotherham Safeguarding Children Partnership"
body_has "it says what masa's pages aim at" "(WCAG) version 2.2 at level AA"
body_has "its sections are headings" "<h2>How accessible this website is</h2>"
body_hasnt "no edit link for the public" "/admin/pages/"
header_has "it may be kept by browsers as public pages are" "Content-Type: text/html"
req "$URL/privacy"
code_is "the privacy notice is public" 200
for held in "<li>names</li>" "the organisation each person works for" "e-mail addresses, for members"; do
	body_has "it says masa holds $held" "$held"
done
req "$URL/contact"
code_is "the contact page is public" 200
body_has "it names the business unit" "The business unit of Rotherham Safeguarding Children Partnership"
body_has "with a placeholder to fill" "[the business unit's e-mail address]"
req -b member.jar "$URL/contact"
body_hasnt "a member has no edit link" "/admin/pages/contact"
req -b admin.jar "$URL/contact"
body_has "the business unit has one" '<a href="/admin/pages/contact" class="govuk-link">Edit the contact page</a>'
req "$URL/contact/x"
code_is "no page under a footer page" 404

# ---- the business unit edits the contact page ----
req -b admin.jar "$URL/admin/pages/contact"
code_is "the edit form" 200
TOKEN=$(csrf_of)
body_has "holds the default text to start from" "[the business unit&#39;s telephone number]"
body_has "says it is the default" "This is masa&#39;s default text"
body_has "carries the version it was drawn from" 'name="version" value="0"'
body_has "a preview button" '<button value="preview" type="submit" name="op"'
req -b member.jar "$URL/admin/pages/contact"
code_is "a member may not open it" 403
req "$URL/admin/pages/contact"
code_is "nor the public (sent to sign in)" 303
req -b admin.jar "$URL/admin/pages/cookies"
code_is "there is no page 'cookies'" 400

BEFORE=$(stored "SELECT count(*) FROM site_page")
TEXT='## Write to us

Call 01709 822222 or e-mail <script>alert(1)</script>lscb@rotherham.example.
[A link](javascript:alert(2)) and <b onclick="x()">bold</b>.'
req -b admin.jar "$URL/admin/pages/contact" --data-urlencode "csrf=$TOKEN" \
	--data-urlencode "body=$TEXT" --data-urlencode version=0 --data-urlencode op=preview
code_is "a preview" 200
body_has "shows the text as it will read" "<h3>Write to us</h3>"
body_has "and keeps it in the form" "Call 01709 822222"
[ "$(stored "SELECT count(*) FROM site_page")" = "$BEFORE" ] &&
	pass "a preview stores nothing" || fail "a preview stores nothing"
req -b admin.jar "$URL/admin/pages/contact" \
	--data-urlencode "body=$TEXT" --data-urlencode version=0 --data-urlencode op=save
code_is "no CSRF token: refused" 403
req -b member.jar "$URL/admin/pages/contact" --data-urlencode "csrf=$(page_csrf member.jar /)" \
	--data-urlencode "body=$TEXT" --data-urlencode version=0 --data-urlencode op=save
code_is "a member with their own token: refused" 403
req -b admin.jar "$URL/admin/pages/contact" --data-urlencode "csrf=$TOKEN" \
	--data-urlencode "body=   " --data-urlencode version=0 --data-urlencode op=save
code_is "an empty page is refused" 400
body_has "saying so" '<a href="#body">Enter the text of the page</a>'
[ "$(stored "SELECT count(*) FROM site_page")" = "$BEFORE" ] &&
	pass "nothing was stored" || fail "nothing was stored"

req "$URL/contact" # kept in the page cache before the change
req -b admin.jar "$URL/admin/pages/contact" --data-urlencode "csrf=$TOKEN" \
	--data-urlencode "body=$TEXT" --data-urlencode version=0 --data-urlencode op=save
code_is "the business unit saves it" 303
header_has "back to the form" "Location: /admin/pages/contact?done=saved"
req -b admin.jar "$URL/admin/pages/contact?done=saved"
body_has "which says it was saved" "Saved: everyone now reads the page as you wrote it."
body_has "and carries the new version" 'name="version" value="1"'
[ "$(stored "SELECT version, updated_by FROM site_page WHERE slug = 'contact'")" = "1|web:admin" ] &&
	pass "stored, version 1, by whom" || fail "stored, version 1, by whom" "$(stored "SELECT version, updated_by FROM site_page")"
[ "$(stored "SELECT count(*) FROM audit_log WHERE entity = 'site_page'")" = 1 ] &&
	pass "and audited" || fail "and audited"

req "$URL/contact"
code_is "the public sees the change" 200
body_has "the text as written" "Call 01709 822222"
body_hasnt "not the default (nor the cached page)" "[the business unit"
body_hasnt "no script tag reaches the page" "<script>alert(1)"
body_hasnt "no handler either" "onclick"
body_has "the HTML is left out" "<!-- raw HTML omitted -->"
body_hasnt "no javascript: link" 'href="javascript:'
req "$URL/privacy"
body_has "the other pages keep the default" "<li>names</li>"

# Two people editing: the second, from version 0, is refused.
req -b admin.jar "$URL/admin/pages/contact" --data-urlencode "csrf=$TOKEN" \
	--data-urlencode "body=Another text" --data-urlencode version=0 --data-urlencode op=save
code_is "a change from an older version is refused" 409
body_has "saying someone else changed it" "Someone else changed this page since you opened it (now version 1)"
body_has "keeping what they typed" ">Another text</textarea>"
body_has "with the version stored now" 'name="version" value="1"'
[ "$(stored "SELECT version FROM site_page WHERE slug = 'contact'")" = 1 ] &&
	pass "nothing of it stored" || fail "nothing of it stored"

# ---- dump and load ----
ok "dump" --db demo.db dump --output dump.json
cp dump.json "$OUT"
json_is "the dump holds the page written" '.pages | map(.page) | join(",")' "contact"
json_is "with its text" '.pages[0].text | startswith("## Write to us")' "true"
ok "init another database" --db copy.db init
ok "load the dump" --db copy.db load dump.json
[ "$(sqlite3 copy.db "SELECT body FROM site_page WHERE slug = 'contact'")" = "$TEXT" ] &&
	pass "the page is loaded as written" || fail "the page is loaded as written"
jq '.pages = [{"page": "cookies", "text": "x"}]' dump.json >bad.json
ok "init a third database" --db bad.db init
fails "a page masa does not have is refused" 1 'pages[0].page: "cookies" is not accessibility, privacy or contact' \
	--db bad.db load bad.json

# ---- an action's reference: linked for those who may open it ----
req "$URL$M"
body_has "the public reads the actions raised in published minutes" '>RLSCB/2014-12-04/1</td>'
body_hasnt "with no link to an action page they may not open" 'href="/actions/'
for who in member police admin; do
	req -b $who.jar "$URL$M"
	body_has "a link for $who" 'href="/actions/RLSCB/2014-12-04/1">RLSCB/2014-12-04/1</a>'
	req -b $who.jar "$URL/actions/RLSCB/2014-12-04/1"
	code_is "which $who may open" 200
done
req "$URL/actions/RLSCB/2014-12-04/1"
code_is "the public is sent to sign in" 303

done_testing
