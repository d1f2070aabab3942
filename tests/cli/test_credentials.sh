# Sign-in and credentials against a real server: 40 wrong passwords at once
# lock an account after no more than the threshold's checks; one message
# for every failed sign-in; a new password or disabling ends sessions (and
# disabling stops tokens); API tokens that expire, are revoked, or only
# read; masa token list and revoke; Cache-Control: no-store on every
# signed-in answer; the per-address limit on sign-in attempts (429).
. "$(dirname "$0")/lib.sh"

PW="correct horse battery staple"
ok "init --demo" --db demo.db init --demo
add_accounts demo.db "$PW"
printf '%s\n' "$PW" | "$MASA" --db demo.db user add left --role member \
	--person sue-cassin >/dev/null
mkdir static
printf 'body { margin: 0 }\n' >static/masa.css
# Many attempts from this one address below: the limit is tested apart.
start_server demo.db --static static --sign-in-limit 0

# The sign-in form's token, from its cookie: the same for every attempt.
req -c formjar "$URL/sign-in"
FORM=$(csrf_of)
# attempt USER PASSWORD: one sign-in; CODE, and the error message in $MSG.
attempt() {
	req -b "__Host-masa-form=$FORM" "$URL/sign-in" --data-urlencode "csrf=$FORM" \
		--data-urlencode "username=$1" --data-urlencode "password=$2"
	MSG=$(grep -o 'class="govuk-error-message">[^<]*<span[^>]*>[^<]*</span>[^<]*' "$BODY" | head -1)
}

# --- 40 wrong passwords at once ------------------------------------------
pids=""
for i in $(seq 1 40); do
	curl -s --max-time 120 -o /dev/null -w '%{http_code}\n' \
		-b "__Host-masa-form=$FORM" "$URL/sign-in" --data-urlencode "csrf=$FORM" \
		--data-urlencode "username=police" --data-urlencode "password=wrong $i" \
		>"par.$i" 2>/dev/null &
	pids="$pids $!"
done
# Each curl gives up after 120 s: a bounded wait (not the server's).
wait $pids
codes=$(cat par.* | sort | uniq -c | tr -s ' ' | tr '\n' ';')
[ "$(cat par.* | grep -c '^400$')" -eq 40 ] && pass "40 wrong passwords at once: each refused with 400" ||
	fail "40 wrong passwords at once: each refused with 400" "codes: $codes"
row=$(sqlite3 demo.db "SELECT failed_logins, CASE WHEN locked_until IS NULL THEN 0 ELSE 1 END FROM account WHERE username = 'police'")
[ "$row" = "5|1" ] && pass "the account is locked after exactly 5 checked passwords, not 40" ||
	fail "the account is locked after exactly 5 checked passwords, not 40" "failed_logins|locked: $row"
locks=$(sqlite3 demo.db "SELECT COUNT(*) FROM audit_log WHERE entity = 'account' AND after LIKE '%\"locked_until\":\"2%'")
[ "$locks" = 1 ] && pass "the lock is written to the audit log once" ||
	fail "the lock is written to the audit log once" "got $locks"
attempt police "$PW"
code_is "the right password is refused while locked" 400
LOCKED=$MSG
req -b formjar "$URL/actions"
code_is "and no session was made" 303

# --- one message for every failure -----------------------------------------
attempt admin "not the password"
WRONG=$MSG
attempt nobody "not the password"
UNKNOWN=$MSG
ok "disable an account" --db demo.db user disable left
attempt left "$PW"
DISABLED=$MSG
case $WRONG in *"The username or password is not right"*) pass "a wrong password says the one message" ;;
*) fail "a wrong password says the one message" "got: $WRONG" ;; esac
[ "$UNKNOWN" = "$WRONG" ] && pass "an unknown username: the same message" || fail "an unknown username: the same message" "got: $UNKNOWN"
[ "$DISABLED" = "$WRONG" ] && pass "a disabled account, right password: the same message" ||
	fail "a disabled account, right password: the same message" "got: $DISABLED"
[ "$LOCKED" = "$WRONG" ] && pass "a locked account, right password: the same message" ||
	fail "a locked account, right password: the same message" "got: $LOCKED"

# --- a new password and disabling end sessions ----------------------------
sign_in jar admin "$PW"
code_is "admin signs in" 303
"$MASA" --db demo.db token create admin --name "admin feed" >tok.admin 2>/dev/null
ADMIN_TOKEN=$(cat tok.admin)
printf '%s\n' "another long passphrase" >pw2
ok "a new password" --db demo.db user passwd admin <pw2
has "says the account was signed out" "signed it out"
req -b jar "$URL/"
body_hasnt "the session from before the new password no longer signs in" "Signed in as"
req -H "Authorization: Bearer $ADMIN_TOKEN" "$URL/api/v1/actions"
code_is "the account's API token still works after a new password" 200
header_has "an answer to a token is Cache-Control: no-store" "Cache-Control: no-store"

sign_in jar admin "another long passphrase"
code_is "the new password signs in" 303
req -b jar "$URL/"
body_has "a signed-in page" "Signed in as <strong>admin</strong>"
header_has "a signed-in page is Cache-Control: no-store" "Cache-Control: no-store"
req "$URL/"
if tr -d '\r' <"$HEAD" | grep -qi '^Cache-Control: no-store'; then
	fail "a public page is not no-store"
else
	pass "a public page is not no-store"
fi
req -b jar "$URL/static/masa.css"
header_has "a static file keeps its caching for a signed-in reader" "Cache-Control: public, max-age=31536000, immutable"
req "$URL/api/v1/openapi.json"
header_has "the OpenAPI document without a token keeps its caching" "Cache-Control: public, max-age=3600"
req -H "Authorization: Bearer $ADMIN_TOKEN" "$URL/api/v1/openapi.json"
header_has "with a token it is no-store" "Cache-Control: no-store"
if tr -d '\r' <"$HEAD" | grep -qi '^Cache-Control: public'; then
	fail "and only no-store"
else
	pass "and only no-store"
fi

ok "disable admin" --db demo.db user disable admin
has "says its tokens are revoked" "API tokens revoked"
req -b jar "$URL/"
body_hasnt "disabling ends the session" "Signed in as"
req -H "Authorization: Bearer $ADMIN_TOKEN" "$URL/api/v1/actions"
code_is "and its API token stops working: 401" 401
body_has "saying it was revoked" "revoked"
header_has "a refused token's answer is no-store too" "Cache-Control: no-store"
ok "enable admin again" --db demo.db user disable admin --enable
req -H "Authorization: Bearer $ADMIN_TOKEN" "$URL/api/v1/actions"
code_is "enabling does not bring the token back" 401

# --- tokens: read-only, expiry, list, revoke ----------------------------
run --db demo.db token create police --name "police reader" --read-only --expires 90d
READER=$(cat "$OUT")
[ "$STATUS" = 0 ] && [ ${#READER} -eq 43 ] && pass "a read-only token for 90 days" ||
	fail "a read-only token for 90 days" "status $STATUS"
grep -qF "(read-only)" "$ERR" && pass "its making says read-only" || fail "its making says read-only"
want=$(date -u -d "+90 days" +%Y-%m-%d)
expires=$(sqlite3 demo.db "SELECT substr(expires_at, 1, 10) FROM api_token WHERE name = 'police reader'")
[ "$expires" = "$want" ] && pass "--expires 90d is 90 days from now" || fail "--expires 90d is 90 days from now" "got $expires, wanted $want"
run --db demo.db token create police --name "police writer"
WRITER=$(cat "$OUT")
want=$(date -u -d "+365 days" +%Y-%m-%d)
expires=$(sqlite3 demo.db "SELECT substr(expires_at, 1, 10) FROM api_token WHERE name = 'police writer'")
[ "$expires" = "$want" ] && pass "a token expires in a year by default" || fail "a token expires in a year by default" "got $expires, wanted $want"
today=$(date -u +%Y-%m-%d)
ok "--expires today works to the end of today" --db demo.db token create police --name "today" --expires "$today"
yesterday=$(date -u -d yesterday +%Y-%m-%d)
fails "--expires yesterday is refused" 2 "is in the past" --db demo.db token create police --name x --expires "$yesterday"
fails "--expires that is neither date nor duration" 2 "is not a date" --db demo.db token create police --name x --expires soon
fails "--expires past the furthest allowed" 2 "at most" --db demo.db token create police --name x --expires 3000d

# police's account is unlocked for these, by a new password.
ok "unlock police with a new password" --db demo.db user passwd police <pw2
updates() { sqlite3 demo.db "SELECT COUNT(*) FROM action_update"; }
before=$(updates)
req -H "Authorization: Bearer $READER" "$URL/api/v1/actions"
code_is "a read-only token reads" 200
req -H "Authorization: Bearer $READER" -H 'Content-Type: application/json' \
	--data-binary '{"text": "read-only try"}' "$URL/api/v1/actions/RLSCB/2014-12-04/4/updates"
code_is "a read-only token cannot POST: 403" 403
body_has "saying it only reads" "only reads"
[ "$(updates)" = "$before" ] && pass "and nothing was stored" || fail "and nothing was stored"
req -H "Authorization: Bearer $WRITER" -H 'Content-Type: application/json' \
	--data-binary '{"text": "from the feed"}' "$URL/api/v1/actions/RLSCB/2014-12-04/4/updates"
code_is "a token made without --read-only may POST" 201

ok "token list" --db demo.db token list
line_has "lists the read-only token with its account, expiry and status" "police reader" \
	police read-only active "$(date -u -d '+90 days' +%Y-%m-%d)"
line_has "and the others as read-write" "police writer" read-write
line_has "a revoked token as revoked" "admin feed" revoked
if grep -qF -- "$READER" "$OUT" || grep -qF -- "$WRITER" "$OUT"; then
	fail "the list never shows a token"
else
	pass "the list never shows a token"
fi
ok "token list --json" --db demo.db token list --json
json_is "its JSON says read_only" '.[] | select(.name == "police reader") | .read_only' true
json_is "and when it was last used" '.[] | select(.name == "police reader") | (.last_used_at != null)' true
json_is "a token never used: null" '.[] | select(.name == "today") | .last_used_at' null
if grep -qF -- "$READER" "$OUT"; then fail "nor does its JSON"; else pass "nor does its JSON"; fi

# Expired a second ago: refused with a message.
id=$(sqlite3 demo.db "SELECT id FROM api_token WHERE name = 'police writer'")
sqlite3 demo.db "UPDATE api_token SET expires_at = '$(date -u -d '-1 second' +%Y-%m-%dT%H:%M:%SZ)' WHERE id = $id"
req -H "Authorization: Bearer $WRITER" "$URL/api/v1/actions"
code_is "an expired token: 401" 401
body_has "saying it expired" "expired"
ok "token list" --db demo.db token list
line_has "which the list shows" "police writer" expired

id=$(sqlite3 demo.db "SELECT id FROM api_token WHERE name = 'police reader'")
ok "token revoke" --db demo.db token revoke "$id"
has "says so" "revoked token $id"
req -H "Authorization: Bearer $READER" "$URL/api/v1/actions"
code_is "a revoked token: 401" 401
body_has "saying it was revoked" "has been revoked"
fails "token revoke of no token" 1 "no API token 9999" --db demo.db token revoke 9999
fails "token revoke of a word" 2 "is not a token's ID" --db demo.db token revoke reader

stop() { kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; }
stop

# --- the per-address limit -----------------------------------------------
fails "--sign-in-limit that is not a number" 2 "sign-in-limit" --db demo.db serve --sign-in-limit lots
fails "--trusted-proxy that is not an address" 2 '"10.0.0.300" is not an IPv4 or IPv6 address' \
	--db demo.db serve --trusted-proxy 10.0.0.5,10.0.0.300
fails "--trusted-proxy with an empty entry" 2 'trusted-proxy' --db demo.db serve --trusted-proxy 10.0.0.5,,10.0.0.6
start_server demo.db --sign-in-limit 3/60 --trusted-proxy 10.0.0.5,2001:db8::1
req -c formjar "$URL/sign-in"
FORM=$(csrf_of)
for i in 1 2 3; do attempt police "wrong $i"; done
code_is "the third attempt in a minute is answered" 400
attempt police "$(cat pw2)"
code_is "the fourth is refused: 429" 429
header_has "with Retry-After" "Retry-After: "
wait_s=$(tr -d '\r' <"$HEAD" | sed -n 's/^Retry-After: //Ip')
[ -n "$wait_s" ] && [ "$wait_s" -ge 1 ] && [ "$wait_s" -le 60 ] && pass "of at most the window" ||
	fail "of at most the window" "Retry-After: $wait_s"
body_has "saying to wait" "Too many tries to sign in"
req "$URL/"
code_is "pages still answer that address" 200
# Behind a proxy on this machine, each client its X-Forwarded-For says.
req -b "__Host-masa-form=$FORM" -H "X-Forwarded-For: 198.51.100.1, 203.0.113.9" "$URL/sign-in" \
	--data-urlencode "csrf=$FORM" --data-urlencode "username=police" --data-urlencode "password=$(cat pw2)"
code_is "another client behind the proxy is counted apart" 303
for i in 1 2 3; do
	req -H "X-Forwarded-For: 192.0.2.50" -H "Authorization: Bearer nonsense-$i" "$URL/api/v1/actions"
done
code_is "refused API tokens are answered 401" 401
req -H "X-Forwarded-For: 192.0.2.50" -H "Authorization: Bearer $READER" "$URL/api/v1/actions"
code_is "then that address gets 429 for any token" 429
header_has "with Retry-After" "Retry-After: "
body_has "in the API's JSON error" '"status":429'
req -H "X-Forwarded-For: 192.0.2.50" "$URL/api/v1/bodies"
code_is "and may still read what needs no token" 200
stop

done_testing
