# Writes under load: two `masa serve` processes on one database (the demo),
# as behind a load balancer, and at the same moment 8 clients each sending
# 40 updates to one action through the JSON API (320), and 8 people each
# sending 20 updates through the action page's form (sign in, open the page
# for its CSRF token and version, send), each on an action of their own
# (160). No answer may be a 5xx; every update acknowledged (201, 303) must
# be stored, and nothing else: the updates stored are exactly those
# acknowledged, and the action's version went up by one for each. Then a
# database held busy by another program for longer than masa waits: the API
# answers 503 with Retry-After and a message that says the database is busy,
# the form comes back with 503, Retry-After and what was typed, nothing of
# either is stored, and the same form sent once the lock is let go is.
# (SQLite only: PostgreSQL waits for a row lock without a time limit unless
# the URL sets one.)
#
# On PostgreSQL (MASA_TEST_PG, as `tests/run pg` sets it) the database is a
# schema of the throwaway cluster, through tests/cli/masa-pg, and the
# updates are counted with psql there; the 8 API clients on one action then
# clash (serialization failures) and the server runs their requests again.
. "$(dirname "$0")/lib.sh"

CLIENTS=8
API_EACH=40
WEB_EACH=20
PW="correct horse battery staple"
DB=demo.db
API_KEY=RLSCB/2014-06-05/10
# web_key C: the action person C updates through its page.
web_key() { echo "RLSCB/2014-12-04/$1"; }

ok "init --demo" --db "$DB" init --demo
printf '%s\n' "$PW" >pw
ok "an admin account" --db "$DB" user add admin --role admin <pw
"$MASA" --db "$DB" token create admin --name load >token 2>/dev/null
TOKEN=$(cat token)
[ -n "$TOKEN" ] && pass "a token for the API clients" || fail "a token for the API clients"

# Two servers on the one database: client C talks to server C mod 2 + 1, so
# writers wait for each other both within a process and across the two.
start_two_servers "$DB"
# url_of C: the server client C talks to.
url_of() { if [ $(($1 % 2)) = 0 ]; then echo "$URL1"; else echo "$URL2"; fi; }

signed=0
for c in $(seq 1 "$CLIENTS"); do
	URL=$(url_of "$c")
	sign_in "jar$c" admin "$PW"
	[ "$CODE" = 303 ] && signed=$((signed + 1))
done
[ "$signed" = "$CLIENTS" ] && pass "$CLIENTS people sign in" ||
	fail "$CLIENTS people sign in" "$signed signed in"

version_of_action() { sqlite3 "$DB" "SELECT version FROM action WHERE key = '$1'"; }
API_VERSION_BEFORE=$(version_of_action "$API_KEY")

# api_client C: 40 updates; one line per answer, "STATUS TEXT", in
# answers.api.C.
api_client() {
	local c=$1 i text code url
	url=$(url_of "$c")
	for i in $(seq 1 "$API_EACH"); do
		text="load-api-$c-$i"
		code=$(curl -s --max-time 30 -o "api.$c.body" -w '%{http_code}' \
			-H "Authorization: Bearer $TOKEN" \
			-H 'Content-Type: application/json' \
			-d "{\"text\": \"$text\"}" \
			"$url/api/v1/actions/$API_KEY/updates" 2>/dev/null)
		echo "$code $text" >>"answers.api.$c"
		case $code in 5*) cp "api.$c.body" "api.$c.5xx" ;; esac
	done
}

# web_client C: 20 updates through the page of C's action, as a browser
# sends them: the form's CSRF token and version from the page just read.
web_client() {
	local c=$1 i text code csrf version page
	page=$(url_of "$c")/actions/$(web_key "$c")
	for i in $(seq 1 "$WEB_EACH"); do
		text="load-web-$c-$i"
		code=$(curl -s --max-time 30 -b "jar$c" -o "web.$c.page" \
			-w '%{http_code}' "$page" 2>/dev/null)
		csrf=$(grep -o 'name="csrf" value="[^"]*"' "web.$c.page" |
			tail -1 | sed 's/.*value="//; s/"$//')
		version=$(grep -o 'name="version" value="[0-9]*"' "web.$c.page" |
			head -1 | sed 's/.*value="//; s/"$//')
		if [ "$code" = 200 ]; then
			code=$(curl -s --max-time 30 -b "jar$c" -o "web.$c.body" \
				-w '%{http_code}' --data-urlencode "csrf=$csrf" \
				-d "version=$version" --data-urlencode "update=$text" \
				"$page/updates" 2>/dev/null)
		fi
		echo "$code $text" >>"answers.web.$c"
		case $code in 5*) cp "web.$c.body" "web.$c.5xx" 2>/dev/null ;; esac
	done
}

pids=""
for c in $(seq 1 "$CLIENTS"); do
	api_client "$c" &
	pids="$pids $!"
	web_client "$c" &
	pids="$pids $!"
done
# shellcheck disable=SC2086 # one pid a word
wait $pids

cat answers.api.* >api.all 2>/dev/null
cat answers.web.* >web.all 2>/dev/null
histogram() { cut -d' ' -f1 "$1" | sort | uniq -c | tr '\n' ' '; }
# answered NAME FILE WANT CODE: every one of WANT requests was answered CODE.
answered() {
	local total five ok_count
	total=$(wc -l <"$2")
	five=$(grep -c '^5' "$2")
	ok_count=$(grep -c "^$4 " "$2")
	[ "$total" = "$3" ] && pass "$1: all $3 answered" ||
		fail "$1: all $3 answered" "$total answers"
	[ "$five" = 0 ] && pass "$1: no answer is a 5xx" ||
		fail "$1: no answer is a 5xx" "$five of $total: $(histogram "$2")" \
			"$(cat ./*.5xx 2>/dev/null | head -c 300)"
	[ "$ok_count" = "$3" ] && pass "$1: every one acknowledged ($4)" ||
		fail "$1: every one acknowledged ($4)" "$(histogram "$2")"
}
answered "API" api.all $((CLIENTS * API_EACH)) 201
answered "web forms" web.all $((CLIENTS * WEB_EACH)) 303

# stored_as_acknowledged NAME FILE CODE PREFIX: the updates stored whose
# text starts with PREFIX are exactly those FILE says were answered CODE.
stored_as_acknowledged() {
	local acked stored
	grep "^$3 " "$2" | cut -d' ' -f2 | sort >"$2.acked"
	sqlite3 "$DB" "SELECT text FROM action_update WHERE text LIKE '$4%'" |
		sort >"$2.stored"
	acked=$(wc -l <"$2.acked")
	stored=$(wc -l <"$2.stored")
	if cmp -s "$2.acked" "$2.stored"; then
		pass "$1: every acknowledged update is stored, and nothing else"
	else
		fail "$1: every acknowledged update is stored, and nothing else" \
			"$(diff "$2.acked" "$2.stored" | head -5)"
	fi
	[ "$acked" = "$stored" ] && pass "$1: $stored stored = $acked acknowledged" ||
		fail "$1: stored = acknowledged" "$stored stored, $acked acknowledged"
}
stored_as_acknowledged "API" api.all 201 load-api-
stored_as_acknowledged "web forms" web.all 303 load-web-

acked=$(grep -c '^201 ' api.all)
after=$(version_of_action "$API_KEY")
[ "$after" = $((API_VERSION_BEFORE + acked)) ] &&
	pass "the API's action went up one version an update ($API_VERSION_BEFORE to $after)" ||
	fail "the API's action went up one version an update" \
		"$API_VERSION_BEFORE + $acked, now $after"

# ---- a database busy for longer than masa waits ----

if [ -n "$PG" ]; then
	echo "ok $((n + 1)) # SKIP a busy SQLite file: the database is PostgreSQL"
	n=$((n + 1))
	done_testing
	exit 0
fi

# Another program holds the write lock (sqlite3, a transaction begun
# IMMEDIATE) until told to let go through the pipe.
mkfifo hold
sqlite3 "$DB" <hold >held 2>&1 &
HOLDER=$!
exec 3>hold
echo "BEGIN IMMEDIATE; SELECT 'held';" >&3
for _ in $(seq 1 100); do
	grep -q held held 2>/dev/null && break
	sleep 0.1
done
grep -q held held && pass "another program holds the database's write lock" ||
	fail "another program holds the database's write lock" "$(cat held)"

BEFORE=$(sqlite3 "$DB" "SELECT count(*) FROM action_update")
KEY=$(web_key 1)
URL=$(url_of 1)
CSRF=$(page_csrf jar1 "/actions/$KEY")
# The two requests wait out the lock at the same time.
curl -s --max-time 30 -o busy_api.body -D busy_api.head -w '%{http_code}' \
	-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
	-d '{"text": "BUSY-API-update"}' \
	"$URL/api/v1/actions/$API_KEY/updates" >busy_api.code 2>/dev/null &
busy_api=$!
req -b jar1 "$URL/actions/$KEY/updates" --data-urlencode "csrf=$CSRF" \
	--max-time 30 --data-urlencode "update=BUSY-WEB-typed-while-busy" \
	-d status=in_progress
wait "$busy_api"
echo "ROLLBACK;" >&3
exec 3>&-
wait "$HOLDER"

code_is "the form sent while the database is busy: 503" 503
header_has "with Retry-After" "Retry-After:"
body_has "the form's page says the database is busy" "The database is busy"
if tr -d '\n' <"$BODY" | grep -qE '<textarea[^>]*>[^<]*BUSY-WEB-typed-while-busy'; then
	pass "what was typed is still in the form"
else fail "what was typed is still in the form"; fi
body_has "and the status chosen" 'value="in_progress" checked'
[ "$(cat busy_api.code)" = 503 ] && pass "the API's update while busy: 503" ||
	fail "the API's update while busy: 503" "$(cat busy_api.code)"
tr -d '\r' <busy_api.head | grep -qi '^Retry-After: ' &&
	pass "with Retry-After" || fail "with Retry-After"
jq -e '.error.message | test("busy")' busy_api.body >/dev/null &&
	pass "and a message that says the database is busy" ||
	fail "and a message that says the database is busy" "$(head -c 200 busy_api.body)"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM action_update")" = "$BEFORE" ] &&
	pass "neither busy update was stored" || fail "neither busy update was stored"

# Once the lock is let go, the same update is stored.
CSRF=$(page_csrf jar1 "/actions/$KEY")
req -b jar1 "$URL/actions/$KEY/updates" --data-urlencode "csrf=$CSRF" \
	--data-urlencode "update=BUSY-WEB-typed-while-busy"
code_is "sent again when the database is free, it is stored" 303
[ "$(sqlite3 "$DB" "SELECT count(*) FROM action_update WHERE text = 'BUSY-WEB-typed-while-busy'")" = 1 ] &&
	pass "once" || fail "once"

done_testing
