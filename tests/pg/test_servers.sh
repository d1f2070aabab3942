#!/usr/bin/env bash
# Two masa servers on different ports against one PostgreSQL database
# behave as one: sessions, CSRF tokens, lock-outs, the page cache, the
# audit log and reminders are shared; under a small load (wrk on one,
# sign-ins on the other) nothing fails.
. "$(dirname "$0")/lib.sh"

db=$(pg_schema servers)
ok "a PostgreSQL deployment" --db "$db" init --demo
PW="correct horse battery staple"
printf '%s\n' "$PW" | "$MASA" --db "$db" user add admin --role admin >/dev/null &&
	printf '%s\n' "$PW" | "$MASA" --db "$db" user add chair --role chair --person steve-ashley >/dev/null &&
	printf '%s\n' "$PW" | "$MASA" --db "$db" user add police --role partner --person jason-harwin \
		--organisation south-yorkshire-police >/dev/null &&
	pass "accounts for the admin, the chair and the police" || fail "accounts for the admin, the chair and the police"
audits() { psql_run -c "SELECT count(*) FROM servers.audit_log"; }

start_server "$db"
URL_A=$URL PID_A=$SERVER_PID
rm -f serve.out
start_server "$db"
URL_B=$URL
trap 'kill -KILL "$PID_A" 2>/dev/null; stop_server' EXIT
[ "$URL_A" != "$URL_B" ] && pass "two servers on two ports ($URL_A, $URL_B)" || fail "two servers on two ports"

# A session made by one server is good on the other.
URL=$URL_A sign_in a.jar admin "$PW"
code_is "sign in on server A" 303
URL=$URL_B req -b a.jar "$URL_B/"
body_has "server B knows the session" "Signed in as"

# A form rendered by A, sent to B: the CSRF token is the session's.
URL=$URL_A tok=$(URL=$URL_A page_csrf a.jar /bodies/ILSC/programme)
before=$(audits)
req -b a.jar "$URL_B/bodies/ILSC/programme" --data-urlencode "csrf=$tok" \
	--data-urlencode "title=Two servers: entry sent to B" --data-urlencode "month=2019-12"
code_is "B takes a form rendered by A" 303
req -b a.jar "$URL_A/bodies/ILSC/programme" --data-urlencode "csrf=$tok" \
	--data-urlencode "title=Two servers: entry sent to A" --data-urlencode "month=2019-12"
code_is "and A takes the same token" 303
[ "$(audits)" -eq $((before + 2)) ] && pass "both writes are in the one audit log" ||
	fail "both writes are in the one audit log" "$before then $(audits)"

# The page cache: B's public copy follows a change made through A.
req "$URL_B/bodies/ILSC/programme"
req "$URL_B/bodies/ILSC/programme"
body_hasnt "B's public page before the change" "Two servers: third entry"
req -b a.jar "$URL_A/bodies/ILSC/programme" --data-urlencode "csrf=$tok" \
	--data-urlencode "title=Two servers: third entry" --data-urlencode "month=2019-12"
req "$URL_B/bodies/ILSC/programme"
body_has "B's cached public page shows a change made through A at once" "Two servers: third entry"

# Signing out on B ends the session on A too.
req -b a.jar "$URL_B/sign-out" --data-urlencode "csrf=$tok"
code_is "sign out on B" 303
req -b a.jar "$URL_A/"
body_hasnt "A no longer knows the session" "Signed in as"
req -b a.jar "$URL_A/bodies/ILSC/programme" --data-urlencode "csrf=$tok" \
	--data-urlencode "title=Two servers: after sign-out" --data-urlencode "month=2019-12"
code_is "and refuses its old token" 403

# Wrong passwords on both servers add up to one lock-out.
for i in 1 2 3; do URL=$URL_A sign_in bad police "wrong $i"; done
for i in 4 5; do URL=$URL_B sign_in bad police "wrong $i"; done
URL=$URL_A sign_in bad police "$PW"
code_is "five wrong passwords spread over A and B lock the account on A" 400
body_has "saying so" "locked"
URL=$URL_B sign_in bad police "$PW"
body_has "and on B" "locked"

# A small load: wrk reads public pages from B for as long as people sign
# in on A and use their sessions on B, and is then stopped (SIGINT, after
# which it reports); its 120 s are only a bound. How many reads it made
# depends on the machine: what is checked is that every one was answered.
if command -v wrk >/dev/null; then
	wrk -t1 -c4 -d120s --timeout 10s "$URL_B/meetings/RLSCB/2014-12-04" >wrk.out 2>&1 &
	wrk_pid=$!
	signed=0 good=0
	for i in $(seq 1 8); do
		URL=$URL_A sign_in "s$i.jar" chair "$PW"
		[ "$CODE" = 303 ] && signed=$((signed + 1))
		req -b "s$i.jar" "$URL_B/"
		grep -qF "Signed in as" "$BODY" && good=$((good + 1))
	done
	if process_gone "$wrk_pid"; then
		fail "wrk reads from B all through the sign-ins" "it had ended: $(head -3 wrk.out)"
	else
		pass "wrk reads from B all through the sign-ins"
		kill -INT "$wrk_pid"
	fi
	wait "$wrk_pid"
	[ "$signed" -eq 8 ] && pass "8 sign-ins on A under load" || fail "8 sign-ins on A under load" "$signed"
	[ "$good" -eq 8 ] && pass "each session works on B at once" || fail "each session works on B at once" "$good"
	reqs=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' wrk.out)
	if [ "${reqs:-0}" -gt 0 ] && ! grep -q "Non-2xx" wrk.out && ! grep -q "Socket errors" wrk.out; then
		pass "B answered $reqs reads meanwhile, every one 200"
	else
		fail "B answered the reads, every one 200" "$(cat wrk.out)"
	fi
else
	fail "wrk is installed (scripts/setup --test)"
fi

# Reminders: two runs at once (two machines' timers) send each reminder
# once. A real SMTP listener on 127.0.0.1 counts what arrives.
PY=/usr/bin/python3
PORT=$("$PY" -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$PY" -m aiosmtpd -n -l "127.0.0.1:$PORT" -c aiosmtpd.handlers.Mailbox "$WORK/mail" >smtp.log 2>&1 &
SMTP_PID=$!
trap 'kill -KILL "$PID_A" "$SMTP_PID" 2>/dev/null; stop_server' EXIT
wait_for 30 listening_on "$PORT" || fail "an SMTP listener on 127.0.0.1:$PORT" "$(cat smtp.log)"
"$MASA" --db "$db" config set smtp_url "smtp://127.0.0.1:$PORT" >/dev/null
"$MASA" --db "$db" config set mail_from board@example.org >/dev/null
psql_run -c "UPDATE servers.person SET email = key || '@example.org'" >/dev/null
"$MASA" --db "$db" remind --on 2015-01-20 --dry-run >dry.out 2>&1
want=$(grep -c '^--- message' dry.out)
"$MASA" --db "$db" remind --on 2015-01-20 >r1.out 2>&1 &
p1=$!
"$MASA" --db "$db" remind --on 2015-01-20 >r2.out 2>&1 &
p2=$!
wait "$p1" "$p2"
# mails_arrived N: N messages (or more) are in the mailbox.
mails_arrived() {
	[ "$(ls "$WORK/mail/new" 2>/dev/null | wc -l)" -ge "$1" ]
}
wait_for 10 mails_arrived "$want"
got=$(ls "$WORK/mail/new" 2>/dev/null | wc -l)
[ "$want" -gt 0 ] && [ "$got" -eq "$want" ] &&
	pass "two runs at once send each of the $want reminders once" ||
	fail "two runs at once send each reminder once" "wanted $want, $got arrived" "$(cat r1.out r2.out | head -6)"
kill "$SMTP_PID" 2>/dev/null

kill -KILL "$PID_A" 2>/dev/null
stop_server
psql_run -c "DROP SCHEMA servers CASCADE" >/dev/null
done_testing
