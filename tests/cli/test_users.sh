# Accounts for the web application: adding them (passwords only on standard
# input), roles, disabling, new passwords and API tokens; secrets are never
# stored or logged in the clear.
. "$(dirname "$0")/lib.sh"

"$MASA" --db demo.db init --demo >/dev/null || fail "init --demo"

echo "correct horse battery staple" >pw
ok "add an admin" --db demo.db user add business.unit@example.org --role admin <pw
has "says so" "added business.unit@example.org (admin)"
ok "add a partner" --db demo.db user add jason.harwin@example.org --role partner --person jason-harwin --organisation south-yorkshire-police <pw
ok "add a member" --db demo.db user add sue.cassin@example.org --role member --person sue-cassin <pw
ok "user list" --db demo.db user list --json
json_is "three accounts" 'length' "3"
json_is "sorted by username" '.[0].username' "business.unit@example.org"

before=$(fingerprint demo.db)
unchanged() {
	if [ "$(fingerprint demo.db)" = "$before" ]; then pass "$1: database unchanged"; else fail "$1: database changed"; fi
}
echo "short" >shortpw
fails "a short password" 1 "password: at least 12 characters" --db demo.db user add a@example.org --role admin <shortpw
fails "no password" 2 "password: give it on standard input" --db demo.db user add a@example.org --role admin </dev/null
fails "an unknown role" 1 'role: "boss" is not one of admin, chair, member, partner' --db demo.db user add a@example.org --role boss <pw
fails "a partner without an organisation" 1 "organisation: a partner account needs the organisation" --db demo.db user add a@example.org --role partner --person jason-harwin <pw
fails "a member without a person" 1 "person: a member account needs the person it belongs to" --db demo.db user add a@example.org --role member <pw
fails "a username taken" 1 'username: "sue.cassin@example.org" is already taken' --db demo.db user add sue.cassin@example.org --role admin <pw
fails "an unknown person" 1 'no person "nobody"' --db demo.db user add a@example.org --role member --person nobody <pw
fails "no role" 2 "--role is required" --db demo.db user add a@example.org <pw
unchanged "refused accounts"

if sqlite3 demo.db "SELECT password_hash FROM account" | grep -q '^\$argon2id\$'; then
	pass "passwords are stored as Argon2id hashes"
else
	fail "passwords are stored as Argon2id hashes"
fi
if sqlite3 demo.db "SELECT before || after FROM audit_log WHERE entity = 'account'" | grep -q 'argon2'; then
	fail "the audit log holds no password hash"
else
	pass "the audit log holds no password hash"
fi
if sqlite3 demo.db "SELECT after FROM audit_log WHERE entity = 'account'" | grep -q '"password_hash":"(hidden)"'; then
	pass "the audit log records the account with the hash hidden"
else
	fail "the audit log records the account with the hash hidden"
fi

echo "another good long passphrase" >pw2
ok "a new password" --db demo.db user passwd sue.cassin@example.org <pw2
has "says so" "changed the password of sue.cassin@example.org"
ok "disable" --db demo.db user disable sue.cassin@example.org
has "disabled, signed out and its tokens revoked" "disabled (signed out, and its API tokens revoked)"
ok "list shows it" --db demo.db user list
line_has "disabled in the list" "^sue.cassin@example.org" "disabled"
ok "enable again" --db demo.db user disable sue.cassin@example.org --enable

ok "an API token" --db demo.db token create jason.harwin@example.org --name "police feed"
token=$(cat "$OUT")
if [ ${#token} -eq 43 ]; then pass "the token is 43 characters of base64url"; else fail "the token is 43 characters of base64url" "got ${#token}"; fi
if sqlite3 demo.db "SELECT token_hash FROM api_token" | grep -qF "$token"; then
	fail "the token itself is not stored"
else
	pass "the token itself is not stored"
fi
has_err() { grep -qF "$1" "$ERR"; }
if has_err "only time the token is shown"; then pass "says it is shown once"; else fail "says it is shown once"; fi
fails "a token needs a name" 2 "--name is required" --db demo.db token create jason.harwin@example.org
fails "a token for no one" 1 'no account "nobody@example.org"' --db demo.db token create nobody@example.org --name x

done_testing
