# Signing in and out of masa serve, sessions and CSRF, against a real server:
# cookie attributes, a new session at each sign-in, wrong passwords and the
# lock-out, forms without or with a stale csrf token (403, nothing done),
# sign-out ending the session, pages that need an account sending the
# browser to sign in first, and API bearer tokens.
. "$(dirname "$0")/lib.sh"

PW="correct horse battery staple"
ok "init --demo" --db demo.db init --demo
add_accounts demo.db "$PW"
start_server demo.db

req "$URL/sign-in"
code_is "the sign-in page answers 200" 200
body_has "it has a username field" 'name="username"'
body_has "it has a password field" 'type="password"'
header_has "it sets the form cookie" "Set-Cookie: __Host-masa-form="
header_has "the form cookie is Secure, HttpOnly, SameSite=Lax" "Path=/; Secure; HttpOnly; SameSite=Lax"

sign_in jar admin "$PW"
code_is "signing in redirects" 303
header_has "to the home page" "Location: /"
header_has "the session cookie is __Host-masa, Secure, HttpOnly, SameSite=Lax" \
	"Set-Cookie: __Host-masa="
first=$(awk '$6 == "__Host-masa" {print $7}' jar)
[ ${#first} -eq 43 ] && pass "the session token is 43 characters" || fail "the session token is 43 characters" "got '$first'"
req -b jar "$URL/"
body_has "a signed-in page says who is signed in" "Signed in as <strong>admin</strong>"
body_has "and offers to sign out" 'action="/sign-out"'
req "$URL/"
body_hasnt "the public page does not" "Signed in as"

# A new session at every sign-in: the old token stops working.
sign_in jar2 admin "$PW"
cp jar2 jar3
req -b jar2 -c jar2 "$URL/sign-in"
tok=$(csrf_of)
req -b jar2 -c jar2 "$URL/sign-in" --data-urlencode "csrf=$tok" \
	--data-urlencode username=admin --data-urlencode "password=$PW"
second=$(awk '$6 == "__Host-masa" {print $7}' jar2)
old=$(awk '$6 == "__Host-masa" {print $7}' jar3)
[ -n "$second" ] && [ "$second" != "$old" ] && pass "signing in again makes a new session" ||
	fail "signing in again makes a new session" "old $old new $second"
req -b jar3 "$URL/"
body_hasnt "the session it replaced no longer works" "Signed in as"
req -b jar2 "$URL/"
body_has "the new one does" "Signed in as <strong>admin</strong>"

# The sign-in form itself needs its cookie and field to match.
req "$URL/sign-in" --data-urlencode "csrf=forged" --data-urlencode username=admin \
	--data-urlencode "password=$PW"
code_is "a sign-in form from elsewhere is refused" 403
body_has "saying to reload" "The sign-in form had expired"

# Wrong passwords: one message, then a lock-out after five.
sign_in bad admin "not the password"
code_is "a wrong password answers 400" 400
body_has "with the GOV.UK error summary" "govuk-error-summary"
body_has "not saying which was wrong" "The username or password is not right"
body_has "the username is kept" 'value="admin"'
body_hasnt "the password is not" "not the password"
sign_in bad nobody "not the password"
body_has "an unknown user gets the same message" "The username or password is not right"
for i in 1 2 3 4 5; do sign_in bad police "wrong $i"; done
sign_in bad police "$PW"
code_is "five failures lock the account, even with the right password" 400
body_has "saying so" "locked"

# CSRF: a form without the session's token does nothing.
req -b jar2 -X POST "$URL/sign-out" -d csrf=stale
code_is "sign-out with a stale csrf token is refused" 403
body_has "saying nothing was saved" "nothing was saved"
req -b jar2 "$URL/"
body_has "and the session goes on" "Signed in as <strong>admin</strong>"
req -b jar2 -X POST "$URL/sign-out"
code_is "with no csrf token at all too" 403
tok=$(page_csrf jar2 /)
req -b jar2 -c jar2 -X POST "$URL/sign-out" --data-urlencode "csrf=$tok"
code_is "sign-out with the right token redirects" 303
header_has "and clears the cookie" "Set-Cookie: __Host-masa=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0"
cp jar3 jar4
sed -i "s/$old/$second/" jar4
req -b jar4 "$URL/"
body_hasnt "the ended session no longer signs in" "Signed in as"
req -b jar4 -X POST "$URL/sign-out" --data-urlencode "csrf=$tok"
code_is "a form sent with an ended session is refused" 403
body_has "saying the session ended" "Your session has ended"

# An expired session (12 hours on) signs no one in, and its forms do nothing.
sign_in jar6 admin "$PW"
tok=$(page_csrf jar6 /)
sqlite3 demo.db "UPDATE session SET expires_at = '2000-01-01T00:00:00Z'"
req -b jar6 "$URL/"
body_hasnt "an expired session no longer signs in" "Signed in as"
req -b jar6 "$URL/actions"
code_is "a page that needs an account sends the browser to sign in" 303
header_has "and back again afterwards" "Location: /sign-in?next=/actions"
req -b jar6 -X POST "$URL/sign-out" --data-urlencode "csrf=$tok"
code_is "a form sent with an expired session is refused" 403
body_has "saying the session ended" "Your session has ended"

# Pages that need an account send the browser to sign in, and back.
req "$URL/sign-in?next=/structure"
body_has "the sign-in page keeps where to go next" 'name="next" value="/structure"'
req "$URL/sign-in?next=//evil.example/"
body_has "but never another site" 'name="next" value="/"'
sign_in jar5 admin "$PW"

# Bearer tokens: an unknown one is 401 JSON under /api/, a page refuses it.
req -H "Authorization: Bearer nonsense" "$URL/healthz"
code_is "an unknown bearer token is refused" 401
body_has "saying how to get one" "masa token create"
req -H "Authorization: Basic YWRtaW46eA==" "$URL/healthz"
code_is "other authorisation schemes are refused" 401
"$MASA" --db demo.db token create admin --name "test feed" >token.out 2>&1
TOKEN=$(grep -oE '[A-Za-z0-9_-]{43}' token.out | head -1)
req -H "Authorization: Bearer $TOKEN" "$URL/healthz"
code_is "a real token is accepted" 200

done_testing
