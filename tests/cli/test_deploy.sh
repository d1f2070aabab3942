# The reference deployment's files (deploy/, docs/deploy.md): the systemd
# units pass systemd-analyze and are hardened; the nginx site passes
# `nginx -t` and, run for real in front of two masa servers, passes masa's
# headers on, adds HSTS, sends the scheme and Host masa builds links from,
# fails over when a server stops, and refuses other names; backup-sqlite
# copies a database masa has open, with what is still in its write-ahead
# log, checks the copy and keeps the newest copies.
#
# nginx, systemd-analyze and openssl may be missing on a machine that only
# builds masa: their checks then print "ok N # SKIP ..." (skip, lib.sh).
. "$(dirname "$0")/lib.sh"

DEPLOY=$ROOT/deploy
PIDS=""
cleanup() {
	for pid in $PIDS; do
		kill -KILL "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	rm -rf "$WORK"
}
trap cleanup EXIT

have() { command -v "$1" >/dev/null 2>&1; }

# A TCP port on 127.0.0.1 that nothing listens on now, below the range the
# kernel picks ports for outgoing connections from (32768 and up).
free_port() {
	local p
	for _ in $(seq 1 50); do
		p=$((20000 + RANDOM % 12000))
		if ! listening_on "$p"; then
			echo "$p"
			return
		fi
	done
	echo 0
}

# serve DB NAME: starts masa serve on DB in the background, its output in
# NAME.out and NAME.err; sets PORT and PID (PORT empty if it did not start).
serve() {
	"$MASA" --db "$1" serve --listen 127.0.0.1:0 >"$2.out" 2>"$2.err" &
	PID=$!
	PIDS="$PIDS $PID"
	PORT=""
	wait_for 30 port_said "$2.out" "$PID"
}
# port_said OUT PID: masa serve (PID) has printed its port in OUT (then in
# PORT), or has ended.
port_said() {
	PORT=$(sed -n 's/^masa is serving .* at http:\/\/127\.0\.0\.1:\([0-9]*\)$/\1/p' "$1" 2>/dev/null)
	[ -n "$PORT" ] || process_gone "$2"
}
# listening PORT PID: something listens on 127.0.0.1:PORT (then
# nginx_up is yes), or the process PID that should has ended.
listening() {
	if listening_on "$1"; then
		nginx_up=yes
		return 0
	fi
	process_gone "$2"
}

# --- the scripts ---------------------------------------------------------

if sh -n "$DEPLOY/backup-sqlite" 2>"$ERR"; then
	pass "backup-sqlite parses as POSIX sh"
else
	fail "backup-sqlite parses as POSIX sh"
fi
if [ -x "$DEPLOY/backup-sqlite" ]; then
	pass "backup-sqlite is executable"
else
	fail "backup-sqlite is executable" "chmod +x deploy/backup-sqlite"
fi

# --- systemd units -------------------------------------------------------

UNITS="masa@.service masa-remind.service masa-remind.timer masa-backup.service masa-backup.timer"
SERVICES="masa@.service masa-remind.service masa-backup.service"
mkdir units
# The programs the units start must exist for systemd-analyze: these.
for u in $UNITS; do
	sed -e "s#/usr/local/bin/masa #$MASA #" \
		-e "s#/usr/local/lib/masa/backup-sqlite #$DEPLOY/backup-sqlite #" \
		"$DEPLOY/$u" >"units/$u"
done
if ! have systemd-analyze; then
	for u in $UNITS; do skip "systemd-analyze verify $u: systemd-analyze not installed"; done
	for u in $SERVICES; do skip "$u is hardened: systemd-analyze not installed"; done
else
	for u in $UNITS; do
		if (cd units && systemd-analyze verify "./$u") >"$OUT" 2>"$ERR" && [ ! -s "$ERR" ]; then
			pass "systemd-analyze verify $u"
		else
			fail "systemd-analyze verify $u"
		fi
	done
	# The exposure systemd-analyze gives a service with none of the
	# hardening is 9.6; these units' is under 2 ("OK"). The threshold is
	# the exposure times ten.
	for u in $SERVICES; do
		if ! systemd-analyze security --help 2>/dev/null | grep -q -- '--offline'; then
			skip "$u is hardened: this systemd-analyze has no --offline"
		elif (cd units && systemd-analyze security --offline=true --threshold=20 "./$u") >"$OUT" 2>"$ERR"; then
			pass "$u is hardened (systemd-analyze security: $(grep -o 'exposure level for [^:]*: [0-9.]*' "$OUT" | sed 's/.*: //'))"
		else
			fail "$u is hardened" "$(grep -o 'exposure level.*' "$OUT")"
		fi
	done
fi
# The server stops gracefully on the signal the unit sends.
if grep -qx 'KillSignal=SIGTERM' "$DEPLOY/masa@.service" &&
	grep -q '^ExecStart=/usr/local/bin/masa .* serve --listen ${MASA_HOST}:%i ' "$DEPLOY/masa@.service"; then
	pass "masa@.service serves on the instance's port and stops it with SIGTERM"
else
	fail "masa@.service serves on the instance's port and stops it with SIGTERM"
fi

if grep -qx 'pool_mode = session' "$DEPLOY/pgbouncer.ini" && ! grep -q '^pool_mode = transaction' "$DEPLOY/pgbouncer.ini"; then
	pass "pgbouncer.ini pools by session (masa's prepared statements live on its connections)"
else
	fail "pgbouncer.ini pools by session (masa's prepared statements live on its connections)"
fi

# --- nginx ---------------------------------------------------------------

# A partnership with a meeting in ten days, so that the calendar feed has
# a link in it.
soon=$(date -d "10 days" +%Y-%m-%d)
cat >web.json <<JSON
{"format": "masa-interchange", "version": 3,
 "partnership": {"id": "testshire", "name": "Testshire Safeguarding Partnership"},
 "organizations": [], "people": [], "memberships": [],
 "bodies": [{"short_name": "TB", "name": "Test Board", "classification": "board"}],
 "meetings": [{"id": "TB/$soon", "body": "TB", "date": "$soon", "status": "scheduled"}]}
JSON
"$MASA" --db web.db init >/dev/null 2>&1 && "$MASA" --db web.db load web.json >"$OUT" 2>"$ERR" ||
	fail "a partnership for the web checks loads"

# The site file with every path moved into this test's directory.
mkdir -p ng/ssl ng/log ng/tmp ng/acme ng/static
printf 'body{color:black}%0200d\n' 0 >ng/static/masa.css
sed -e "s#/etc/ssl/masa/#$WORK/ng/ssl/#g" -e "s#/var/log/nginx/#$WORK/ng/log/#g" \
	-e "s#/usr/local/share/masa/static/#$WORK/ng/static/#g" \
	-e "s#/var/www/letsencrypt#$WORK/ng/acme#g" \
	"$DEPLOY/nginx.conf" >ng/site.conf
# nginx.conf, wrapped around a site file: the main context Debian's
# /etc/nginx/nginx.conf gives it, with every path here.
wrap() {
	cat <<EOF
pid $WORK/ng/nginx.pid;
error_log $WORK/ng/log/error.log;
events {}
http {
	client_body_temp_path $WORK/ng/tmp/body;
	proxy_temp_path $WORK/ng/tmp/proxy;
	fastcgi_temp_path $WORK/ng/tmp/fastcgi;
	uwsgi_temp_path $WORK/ng/tmp/uwsgi;
	scgi_temp_path $WORK/ng/tmp/scgi;
	access_log $WORK/ng/log/access.log;
	gzip on;
	include $WORK/ng/$1;
}
EOF
}

if ! have nginx; then
	skip "the site file names no path the test does not move: nginx not installed"
	skip "nginx -t: nginx not installed"
	for _ in $(seq 1 17); do skip "nginx in front of masa: nginx not installed"; done
elif ! have openssl; then
	skip "the site file names no path the test does not move: openssl not installed"
	skip "nginx -t: openssl not installed (for a certificate)"
	for _ in $(seq 1 17); do skip "nginx in front of masa: openssl not installed"; done
else
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=masa.example.org \
		-addext subjectAltName=DNS:masa.example.org \
		-keyout ng/ssl/privkey.pem -out ng/ssl/fullchain.pem >/dev/null 2>&1
	if grep -vE '^[[:space:]]*#' ng/site.conf | grep -E '(^|[[:space:]])/(etc|var|usr|srv|opt|run)/' >"$OUT"; then
		fail "the site file names no path the test does not move" "add it to the sed in this test"
	else
		pass "the site file names no path the test does not move"
	fi

	# Two masa servers on one database, and the site on ports of this
	# machine in front of them: nginx -t binds the ports it would listen
	# on, and the shipped 80 and 443 need root. IPv6 may be missing here.
	serve web.db one
	one_pid=$PID one_port=$PORT
	serve web.db two
	two_port=$PORT
	if [ -z "$one_port" ] || [ -z "$two_port" ]; then
		fail "two masa servers start on one database"
	fi
	# nginx on two free ports: checked with nginx -t, then started; tried
	# again on other ports should one be taken between looking and binding
	# (other tests run on this machine too).
	nginx_ok="" nginx_up=""
	for _ in 1 2 3; do
		http=$(free_port)
		tls=$(free_port)
		while [ "$tls" = "$http" ]; do tls=$(free_port); done
		sed -e '/listen \[::\]/d' -e "s/listen 80/listen 127.0.0.1:$http/" \
			-e "s/listen 443/listen 127.0.0.1:$tls/" \
			-e "s/127\.0\.0\.1:8081 /127.0.0.1:$one_port /" \
			-e "s/127\.0\.0\.1:8082 /127.0.0.1:$two_port /" ng/site.conf >ng/live.conf
		wrap live.conf >ng/live-nginx.conf
		nginx -t -q -e "$WORK/ng/log/startup.log" -p "$WORK/ng" -c "$WORK/ng/live-nginx.conf" >"$OUT" 2>"$ERR" || continue
		nginx_ok=yes
		nginx -e "$WORK/ng/log/startup.log" -p "$WORK/ng" -c "$WORK/ng/live-nginx.conf" \
			-g 'daemon off; master_process off;' >ng/log/nginx.out 2>&1 &
		nginx_pid=$!
		PIDS="$PIDS $nginx_pid"
		wait_for 30 listening "$tls" "$nginx_pid"
		[ -n "$nginx_up" ] && break
		kill -KILL "$nginx_pid" 2>/dev/null
		wait "$nginx_pid" 2>/dev/null
	done
	if [ -n "$nginx_ok" ]; then
		pass "nginx -t accepts deploy/nginx.conf"
	else
		fail "nginx -t accepts deploy/nginx.conf"
	fi
	if [ -n "$nginx_ok" ] && [ -z "$nginx_up" ]; then
		sed 's/^/# nginx did not start: /' ng/log/nginx.out ng/log/startup.log 2>/dev/null | head -5
	fi
	site=https://masa.example.org:$tls
	tls_curl() {
		req --resolve "masa.example.org:$tls:127.0.0.1" --cacert ng/ssl/fullchain.pem "$@"
	}

	tls_curl "$site/"
	code_is "a page through nginx, over TLS" 200
	body_has "  is masa's page" "Testshire Safeguarding Partnership"
	if [ "$(tr -d '\r' <"$HEAD" | grep -ci '^content-security-policy:')" = 1 ]; then
		pass "  with masa's Content-Security-Policy, once"
	else
		fail "  with masa's Content-Security-Policy, once" "$(grep -ci '^content-security-policy:' "$HEAD") of them"
	fi
	header_has "  and HSTS" "Strict-Transport-Security: max-age=63072000"
	if tr -d '\r' <"$HEAD" | grep -qi '^server: nginx/'; then
		fail "  and no nginx version"
	else
		pass "  and no nginx version"
	fi

	tls_curl "$site/structure" -H "Accept-Encoding: gzip"
	if [ "$CODE" = 200 ] && ! tr -d '\r' <"$HEAD" | grep -qi '^content-encoding:'; then
		pass "pages are not compressed, even when asked (BREACH)"
	else
		fail "pages are not compressed, even when asked (BREACH)" "status $CODE"
	fi

	tls_curl "$site/meetings/calendar.ics"
	body_has "calendar links are https:// at the site's name (Host, X-Forwarded-Proto)" "URL:https://masa.example.org/meetings/TB/$soon"

	tls_curl "$site/static/masa.css"
	if [ "$CODE" = 200 ] && grep -q 'color:black' "$BODY" &&
		tr -d '\r' <"$HEAD" | grep -qi '^cache-control: public, max-age=86400$' &&
		tr -d '\r' <"$HEAD" | grep -qi '^x-content-type-options: nosniff$' &&
		tr -d '\r' <"$HEAD" | grep -qi '^strict-transport-security:'; then
		pass "/static/ from the installed directory: a day's caching, nosniff, HSTS"
	else
		fail "/static/ from the installed directory: a day's caching, nosniff, HSTS" "status $CODE"
	fi

	# nginx refuses bodies over masa's limit (1 MB) itself.
	head -c 1048000 /dev/zero | tr '\0' a >big1
	head -c 1100000 /dev/zero | tr '\0' a >big2
	tls_curl "$site/sign-in" --data-binary @big1
	code_is "a form just under 1 MB reaches masa" 400 403
	tls_curl "$site/sign-in" --data-binary @big2
	code_is "a form over 1 MB is refused by nginx" 413

	# Sign-in attempts from one client: nginx answers 429 past its burst
	# (two were made just above), before masa's own limit is reached.
	for _ in $(seq 1 12); do tls_curl "$site/sign-in" -d username=x -d password=y; done
	if [ "$CODE" = 429 ] && ! grep -q 'masa' "$BODY"; then
		pass "nginx limits sign-in attempts per client: 429"
	else
		fail "nginx limits sign-in attempts per client: 429" "status $CODE"
	fi
	tls_curl "$site/sign-in"
	code_is "  but not the sign-in page itself" 200

	req -H "Host: masa.example.org" "http://127.0.0.1:$http/meetings?x=1"
	if [ "$CODE" = 301 ] && tr -d '\r' <"$HEAD" | grep -qi "^location: https://masa.example.org/meetings?x=1$"; then
		pass "plain HTTP is sent to HTTPS"
	else
		fail "plain HTTP is sent to HTTPS" "status $CODE"
	fi
	curl -s --max-time 5 -o /dev/null -H "Host: other.example.org" "http://127.0.0.1:$http/"
	status=$?
	curl -s --max-time 5 -o /dev/null -k --resolve "other.example.org:$tls:127.0.0.1" "https://other.example.org:$tls/"
	status_tls=$?
	if [ "$status" = 52 ] && [ "$status_tls" = 35 ]; then
		pass "another name gets no answer (HTTP) and no handshake (TLS)"
	else
		fail "another name gets no answer (HTTP) and no handshake (TLS)" "curl said $status and $status_tls"
	fi

	# One server stops as systemd stops it; the other answers everything.
	kill -TERM "$one_pid"
	wait "$one_pid"
	one_status=$?
	if [ "$one_status" = 0 ] && grep -q 'stopping (SIGTERM)' one.err; then
		pass "masa stops on SIGTERM, with status 0"
	else
		fail "masa stops on SIGTERM, with status 0" "status $one_status"
	fi
	good=0
	for _ in 1 2 3 4; do
		tls_curl "$site/structure"
		[ "$CODE" = 200 ] && good=$((good + 1))
	done
	if [ "$good" = 4 ]; then
		pass "with one server stopped, nginx sends every request to the other"
	else
		fail "with one server stopped, nginx sends every request to the other" "$good of 4 answered"
	fi
	if grep -q ' GET /structure 200 ' two.err; then
		pass "  which logs them (with nginx's address)"
	else
		fail "  which logs them (with nginx's address)"
	fi
fi

# --- backup-sqlite -------------------------------------------------------

# It backs up SQLite files; on PostgreSQL there are none (docs/deploy.md
# backs PostgreSQL up with its own tools).
if [ -n "$PG" ]; then
	skip "backup-sqlite: not a SQLite file"
	done_testing
	exit 0
fi

"$MASA" --db live.db init --demo >/dev/null 2>&1 || fail "init --demo for the backup"
serve live.db live
if [ -z "$PORT" ]; then
	fail "masa serves the database to be backed up"
fi
# A server opens its connections at its first requests.
for _ in 1 2 3 4; do req "http://127.0.0.1:$PORT/structure"; done
# A change made while masa holds the database open stays in the
# write-ahead log (live.db-wal) until a checkpoint: a plain copy of live.db
# would miss it.
echo "correct horse battery staple" >pw
ok "an account added while masa serves" --db live.db user add backup.check@example.org --role admin <pw
if [ -s live.db-wal ]; then
	pass "  it is in the write-ahead log"
else
	fail "  it is in the write-ahead log" "no live.db-wal: the test would not show the copy includes it"
fi

mkdir backups
# Two copies from before, with older names; -k 2 keeps the new one and the
# newest of these.
cp live.db backups/live-20200101T000000Z.db
cp live.db backups/live-20210101T000000Z.db
: >backups/other-file
"$DEPLOY/backup-sqlite" -k 2 live.db backups >"$OUT" 2>"$ERR"
STATUS=$?
copy=$(cat "$OUT")
if [ "$STATUS" = 0 ] && [ -f "$copy" ]; then
	pass "backup-sqlite copies the database masa has open"
else
	fail "backup-sqlite copies the database masa has open" "exit status $STATUS"
fi
case $copy in
backups/live-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z.db)
	pass "  named by the time, in UTC" ;;
*) fail "  named by the time, in UTC" "got $copy" ;;
esac
if [ "$(stat -c %a "$copy" 2>/dev/null)" = 600 ]; then
	pass "  readable by its owner only"
else
	fail "  readable by its owner only" "mode $(stat -c %a "$copy" 2>/dev/null)"
fi
if [ "$(sqlite3 "$copy" 'PRAGMA integrity_check' 2>&1)" = ok ]; then
	pass "  sqlite3 finds the copy sound (integrity_check)"
else
	fail "  sqlite3 finds the copy sound (integrity_check)"
fi
ok "  masa opens the copy" --db "$copy" bodies
has "  with the partnership" "Rotherham Safeguarding Children Partnership"
ok "  and its accounts" --db "$copy" user list
has "  including the one only in the write-ahead log" "backup.check@example.org"
ls backups >"$OUT"
if [ "$(grep -c '^live-' "$OUT")" = 2 ] && grep -qx 'live-20210101T000000Z.db' "$OUT" &&
	grep -qx 'other-file' "$OUT" && ! grep -q 'partial' "$OUT"; then
	pass "-k 2 keeps the newest two copies, and other files"
else
	fail "-k 2 keeps the newest two copies, and other files" "$(tr '\n' ' ' <"$OUT")"
fi

# Failures: nothing made, nothing removed.
printf 'not a database at all, but long enough to be read as a header.....................................\n' >broken.db
ls backups >before
"$DEPLOY/backup-sqlite" -k 1 broken.db backups >"$OUT" 2>"$ERR"
STATUS=$?
ls backups >after
if [ "$STATUS" = 1 ] && [ -s "$ERR" ] && cmp -s before after; then
	pass "a file that is not a database: exit 1, a message, nothing made or removed"
else
	fail "a file that is not a database: exit 1, a message, nothing made or removed" "exit status $STATUS"
fi
"$DEPLOY/backup-sqlite" missing.db backups >"$OUT" 2>"$ERR"
STATUS=$?
if [ "$STATUS" = 1 ] && [ ! -e missing.db ] && grep -q 'no such database' "$ERR"; then
	pass "a database that is not there is not made"
else
	fail "a database that is not there is not made" "exit status $STATUS"
fi
"$DEPLOY/backup-sqlite" live.db >"$OUT" 2>"$ERR"
if [ $? = 2 ] && grep -q '^usage: backup-sqlite' "$ERR"; then
	pass "wrong usage: exit 2 and the usage"
else
	fail "wrong usage: exit 2 and the usage"
fi

done_testing
