#!/usr/bin/env bash
# A server killed with SIGKILL in the middle of a burst of writes (once it
# has acknowledged 40 of them, while four writers still write): after a
# restart every write it acknowledged is there, on both backends.
. "$(dirname "$0")/lib.sh"

actions="RLSCB/2014-12-04/1 RLSCB/2014-12-04/2 RLSCB/2014-12-04/3 RLSCB/2014-12-04/4"

# writer N: posts updates to one action until the server stops answering;
# the texts it was told were stored go to acked.N.
writer() {
	local w=$1 action=$2 i code
	: >"acked.$w"
	for i in $(seq 1 400); do
		code=$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' -X POST \
			"$URL/api/v1/actions/$action/updates" \
			-H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
			--data-binary "{\"text\": \"burst $w-$i\"}" 2>/dev/null)
		case $code in
		2??) echo "burst $w-$i" >>"acked.$w" ;;
		000) return 0 ;; # the server is gone
		esac
	done
}

# acked_at_least N: the writers have been told of N stored writes or more.
acked_at_least() {
	[ "$(cat acked.* 2>/dev/null | wc -l)" -ge "$1" ]
}

# stored DB: the texts of the burst's updates in the database.
stored() {
	case $1 in
	*.db) sqlite3 "$1" "SELECT text FROM action_update WHERE text LIKE 'burst %'" ;;
	*) psql_run -c "SELECT text FROM kill.action_update WHERE text LIKE 'burst %'" ;;
	esac
}

burst() {
	local name=$1 db=$2 w=0 pids=() acked lost count
	printf 'longpassword-123\n' | "$MASA" --db "$db" user add admin --role admin >/dev/null 2>&1
	token=$("$MASA" --db "$db" token create admin --name "kill test" 2>/dev/null)
	start_server "$db"
	for a in $actions; do
		w=$((w + 1))
		writer "$w" "$a" &
		pids+=($!)
	done
	wait_for 60 acked_at_least 40
	kill -KILL "$SERVER_PID"
	wait "$SERVER_PID" 2>/dev/null
	wait "${pids[@]}"
	acked=$(cat acked.* | sort)
	count=$(echo "$acked" | grep -c burst)
	[ "$count" -ge 40 ] &&
		pass "$name: the server acknowledged 40 writes or more before it was killed ($count)" ||
		fail "$name: the server acknowledged 40 writes or more before it was killed" "only $count"
	# Or the kill was not in the middle of the burst, and proves little.
	[ "$count" -lt 1600 ] &&
		pass "$name: killed while the writers still wrote" ||
		fail "$name: killed while the writers still wrote" "all 1600 writes were done before"
	rm -f serve.out # so the new server's address is read, not the old one's
	start_server "$db"
	req "$URL/api/v1/actions/RLSCB/2014-12-04/1" -H "Authorization: Bearer $token"
	code_is "$name: a new server starts on the database and answers" 200
	lost=$(comm -23 <(echo "$acked") <(stored "$db" | sort))
	[ -z "$lost" ] && pass "$name: every acknowledged write is there after the restart" ||
		fail "$name: every acknowledged write is there after the restart" "lost: $(echo "$lost" | head -3)"
	# At most the writes in flight when it died are there unacknowledged.
	extra=$(($(stored "$db" | wc -l) - $(echo "$acked" | grep -c burst)))
	[ "$extra" -ge 0 ] && [ "$extra" -le 4 ] && pass "$name: and at most one write per writer more ($extra)" ||
		fail "$name: and at most one write per writer more" "$extra more"
	kill -KILL "$SERVER_PID"
	wait "$SERVER_PID" 2>/dev/null
	SERVER_PID=""
	rm -f acked.*
}

ok "a SQLite deployment" --db kill.db init --demo
burst sqlite kill.db
"$MASA" --db kill.db actions show RLSCB/2014-12-04/1 >/dev/null 2>&1 &&
	[ "$(sqlite3 kill.db 'PRAGMA integrity_check')" = ok ] &&
	pass "sqlite: the file is whole (integrity_check)" || fail "sqlite: the file is whole (integrity_check)"

pg=$(pg_schema kill)
ok "a PostgreSQL deployment" --db "$pg" init --demo
burst postgresql "$pg"

psql_run -c "DROP SCHEMA kill CASCADE" >/dev/null
done_testing
