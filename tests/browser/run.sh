# The browser tests: a masa server on the demo partnership with an account
# for each role, and every tests/browser/flow_*.mjs run against it in
# Chromium by tests/browser/run.mjs. Prints TAP; exits with the runner's
# status. Skips when Chromium is not installed (scripts/setup --test
# installs it).
#   MASA=build/release/masa bash tests/browser/run.sh [FLOW]
#   (FLOW, e.g. "signin", runs tests/browser/flow_signin.mjs alone)
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
MASA=${MASA:-$ROOT/masa}
CHROMIUM=/usr/bin/chromium
# wait_for SECONDS CMD...: the bounded poll the tests wait with.
. "$ROOT/tests/cli/wait.sh"

if [ ! -x "$CHROMIUM" ]; then
	echo "1..0 # SKIP $CHROMIUM is not installed (scripts/setup --test installs it)"
	exit 0
fi

WORK=$(mktemp -d /tmp/masa-browser.XXXXXX)
SERVER_PID=""
SMTP_PID=""
stop_server() {
	local pid
	for pid in "$SERVER_PID" "$SMTP_PID"; do
		if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
			kill -KILL "$pid" 2>/dev/null
			wait "$pid" 2>/dev/null
		fi
	done
	rm -rf "$WORK"
}
trap stop_server EXIT

# setup_failed WHAT: the run cannot start; says why as one failed test.
setup_failed() {
	echo "not ok 1 - $1"
	for f in "$WORK"/*.err; do
		[ -s "$f" ] && head -5 "$f" | sed "s|^|# $(basename "$f"): |"
	done
	echo "1..1"
	exit 1
}

DB=$WORK/masa.db
"$MASA" --db "$DB" init --demo >/dev/null 2>"$WORK/init.err" || setup_failed "masa init --demo"

# One random password for every account; the flows sign in with it.
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
# add_user USERNAME ARGS...: masa user add USERNAME ARGS, the password on stdin.
add_user() {
	printf '%s\n' "$PASSWORD" | "$MASA" --db "$DB" user add "$@" >/dev/null 2>"$WORK/user.err" ||
		setup_failed "masa user add $*"
}
# The chair of the demo partnership; a board member (Rotherham CCG); and a
# South Yorkshire Police officer who owns actions of the board; a member
# of the Improving Lives Select Commission today (flow_papers: its part two).
add_user admin --role admin
add_user chair --role chair --person steve-ashley
add_user member --role member --person sue-cassin
add_user partner --role partner --person jason-harwin --organisation south-yorkshire-police
add_user commissioner --role member --person khan
USERS="admin=admin chair=chair member=member partner=partner commissioner=commissioner"

# Circulation (flow_circulate): everyone's e-mail address, the mail
# settings, and a real SMTP listener (python3-aiosmtpd) writing a Maildir
# that the flow reads (MASA_MAILDIR). Without aiosmtpd the flow skips.
MAILDIR=""
if /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
	SMTP_PORT=$(/usr/bin/python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])')
	MAILDIR=$WORK/mail
	/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox \
		"$MAILDIR" >"$WORK/smtp.err" 2>&1 &
	SMTP_PID=$!
	wait_for 30 listening_on "$SMTP_PORT" || setup_failed "an SMTP listener on 127.0.0.1:$SMTP_PORT"
	sqlite3 "$DB" "UPDATE person SET email = key || '@example.org'" 2>"$WORK/email.err" ||
		setup_failed "people's e-mail addresses"
	for setting in "smtp_url smtp://127.0.0.1:$SMTP_PORT" "mail_from business.unit@example.org" \
		"site_url https://masa.example.org"; do
		# shellcheck disable=SC2086 # KEY VALUE, split on purpose
		"$MASA" --db "$DB" config set $setting >/dev/null 2>"$WORK/config.err" ||
			setup_failed "masa config set $setting"
	done
fi

"$MASA" --db "$DB" serve --listen 127.0.0.1:0 --static "$ROOT/build/static" \
	>"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!
URL=""
# serve_said_where: the server has printed its address (then in URL), or
# has ended. (Its output file may not be there yet at the first look.)
serve_said_where() {
	URL=$(sed -n 's/^masa is serving .* at \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$WORK/serve.out" 2>/dev/null)
	[ -n "$URL" ] || process_gone "$SERVER_PID"
}
wait_for 30 serve_said_where
[ -n "$URL" ] || setup_failed "masa serve starts and says where"

cd "$ROOT" || exit 1
# A hung browser must not hang make check: the run has 4 minutes at most.
# MASA_DB: flow_dashboards adds fictional child deaths (rows no other flow reads).
MASA_URL=$URL MASA_USERS=$USERS MASA_PASSWORD=$PASSWORD MASA_MAILDIR=$MAILDIR MASA_DB=$DB \
	timeout 240 node tests/browser/run.mjs "$@"
status=$?

kill -TERM "$SERVER_PID"
wait_for 10 process_gone "$SERVER_PID"
exit $status
