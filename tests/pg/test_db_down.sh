#!/usr/bin/env bash
# The database goes away under a running server: requests get a clear 503
# and nothing half-written; when it comes back, masa does too, by itself.
. "$(dirname "$0")/lib.sh"

db=$(pg_schema down)
ok "a PostgreSQL deployment" --db "$db" init --demo
printf 'longpassword-123\n' | "$MASA" --db "$db" user add admin --role admin >/dev/null 2>&1
token=$("$MASA" --db "$db" token create admin --name "down test" 2>/dev/null)
updates() { psql_run -c "SELECT count(*) FROM down.action_update"; }
audits() { psql_run -c "SELECT count(*) FROM down.audit_log"; }
post_update() {
	req -X POST "$URL/api/v1/actions/RLSCB/2014-12-04/4/updates" \
		-H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
		--data-binary "{\"text\": \"$1\"}"
}
start_server "$db"

req "$URL/meetings/RLSCB/2014-12-04"
code_is "the meeting page while the database is up" 200
before_updates=$(updates)
before_audits=$(audits)

"$ROOT/scripts/pg-cluster" stop "$MASA_PG_DIR"
req "$URL/meetings/RLSCB/2014-09-04"
code_is "a page while the database is down is 503" 503
body_has "and says the database cannot be reached" "The database cannot be reached just now"
body_hasnt "without the database's own words" "socket"
header_has "and asks to come back later" "Retry-After: 30"
req "$URL/healthz"
code_is "the health check says 503" 503
req "$URL/api/v1/bodies" -H "Authorization: Bearer $token"
code_is "the API says 503 too" 503
[ "$(jq -r .error.status "$BODY")" = 503 ] && pass "in its JSON error shape" || fail "in its JSON error shape"
post_update "while the database was down"
code_is "a write while the database is down is 503" 503
kill -0 "$SERVER_PID" 2>/dev/null && pass "the server keeps running" || fail "the server keeps running"

"$ROOT/scripts/pg-cluster" start "$MASA_PG_DIR" >/dev/null
req "$URL/meetings/RLSCB/2014-09-04"
code_is "the first request after the database returns is answered" 200
req "$URL/healthz"
code_is "the health check says 200 again" 200
[ "$(updates)" = "$before_updates" ] && [ "$(audits)" = "$before_audits" ] &&
	pass "nothing of the refused write was stored" || fail "nothing of the refused write was stored"
post_update "after the database came back"
code_is "a write after it came back is stored" 201 200
[ "$(updates)" = $((before_updates + 1)) ] && pass "exactly once" || fail "exactly once" "$(updates) updates"

# Connections cut while idle (a failover, an administrator): the next
# reads connect again without anyone noticing.
psql_run -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'masa'" >/dev/null
req "$URL/structure"
code_is "a read after the connections were cut is answered" 200
req "$URL/meetings/RLSCB/2014-12-04" -H "Authorization: Bearer $token"
code_is "and the next" 200

# A long write cut off in the middle: a load of a ten-year partnership
# inside one transaction; the database is stopped as soon as the load has
# begun writing (its transaction has an id), while it still runs.
"$MASA" demo generate --years 10 --output big.json >/dev/null 2>&1
partnerships=$(psql_run -c "SELECT count(*) FROM down.partnership")
people=$(psql_run -c "SELECT count(*) FROM down.person")
"$MASA" --db "$db" load big.json >load.out 2>load.err &
load_pid=$!
# load_writing: some connection has a transaction that has written (the
# server's are idle by now, so it is the load's), or the load has ended.
load_writing() {
	[ "$(psql_run -c "SELECT count(*) FROM pg_stat_activity
		WHERE backend_type = 'client backend' AND backend_xid IS NOT NULL
		AND pid <> pg_backend_pid()")" -gt 0 ] ||
		process_gone "$load_pid"
}
wait_for 60 load_writing
"$ROOT/scripts/pg-cluster" kill "$MASA_PG_DIR"
wait "$load_pid"
load_status=$?
"$ROOT/scripts/pg-cluster" start "$MASA_PG_DIR" >/dev/null
[ "$load_status" -ne 0 ] && pass "the cut-off load fails" || fail "the cut-off load fails" "it finished before the cut: $(cat load.out)"
grep -q "database" load.err && pass "and says the database went" || fail "and says the database went" "$(cat load.err)"
[ "$(psql_run -c "SELECT count(*) FROM down.partnership")" = "$partnerships" ] &&
	[ "$(psql_run -c "SELECT count(*) FROM down.person")" = "$people" ] &&
	pass "nothing of it was stored" || fail "nothing of it was stored"
req "$URL/meetings/RLSCB/2014-12-04"
code_is "the server answers again after the crash and restart" 200

stop_server
psql_run -c "DROP SCHEMA down CASCADE" >/dev/null
done_testing
