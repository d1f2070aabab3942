#!/usr/bin/env bash
# masa copy moves a whole deployment between SQLite and PostgreSQL with
# nothing lost; masa migrate upgrades a PostgreSQL database.
. "$(dirname "$0")/lib.sh"

tables="partnership organisation person body membership meeting item attendance
declaration resolution document circulation audit_log action action_update
action_owner reminder_sent programme_entry setting account session api_token"

# A deployment with something in every kind of table that matters: the
# demo, its accounts, a setting, an API token, an action update.
ok "a SQLite deployment" --db demo.db init --demo
MASA="$MASA" "$ROOT/scripts/demo-accounts" demo.db >/dev/null
ok "a setting" --db demo.db config set mail_from board@example.org
ok "an API token" --db demo.db token create admin --name "performance feed"
ok "an action update" --db demo.db actions update RLSCB/2014-12-04/3 --text "Copied later" --date 2015-01-10
# A parent body with a larger id than its child: copied all the same.
sqlite3 demo.db "UPDATE body SET parent_id = (SELECT MAX(id) FROM body) WHERE id = (SELECT MIN(id) FROM body WHERE parent_id IS NOT NULL)"
before=$(sha256sum demo.db | cut -d' ' -f1)

pg=$(pg_schema copy_a)
ok "copy into an empty PostgreSQL database" copy --from demo.db --to "$pg"
has "it says every value was read back the same" "every value read back the same"
grep -q "api_token .* 1 rows" "$ERR" && pass "progress names each table and its rows" ||
	fail "progress names each table and its rows"
[ "$(sha256sum demo.db | cut -d' ' -f1)" = "$before" ] && pass "the source is unchanged" ||
	fail "the source is unchanged"

"$MASA" --db demo.db dump >a.json
"$MASA" --db "$pg" dump >b.json
cmp -s a.json b.json && pass "masa dump of both is the same" || fail "masa dump of both is the same"
same=0
for t in $tables; do
	if [ "$(table_rows demo.db "$t")" = "$(table_rows copy_a "$t")" ]; then
		same=$((same + 1))
	else
		fail "table $t is the same in both" "$(diff <(table_rows demo.db "$t") <(table_rows copy_a "$t") | head -3)"
	fi
done
[ "$same" -eq 22 ] && pass "all 22 tables hold the same rows, value for value"

ok "back from PostgreSQL into a new SQLite file" copy --from "$pg" --to back.db
[ "$(sqlite3 demo.db .dump)" = "$(sqlite3 back.db .dump)" ] &&
	pass "the round trip gives the same SQLite database (sqlite3 .dump)" ||
	fail "the round trip gives the same SQLite database (sqlite3 .dump)"

# The copy keeps working: new records get new ids, sign-in still works.
printf 'another-long-password\n' | "$MASA" --db "$pg" user add later@example.org --role admin >"$OUT" 2>"$ERR"
[ $? -eq 0 ] && pass "a new account in the copy gets a new id" || fail "a new account in the copy gets a new id"
ok "the copy's action log reads" --db "$pg" actions show RLSCB/2014-12-04/3
has "with the update copied" "Copied later"

# Refusals leave everything as it was.
fails "copy into a database that holds data is refused" 1 "already holds data" copy --from demo.db --to "$pg"
[ "$(table_rows copy_a account | wc -l)" -eq 5 ] && pass "and changes nothing there" || fail "and changes nothing there"
fails "copy over an existing file is refused" 1 "already exists" copy --from "$pg" --to demo.db
fails "copy without --to says what it needs" 2 "copy needs --from DB and --to DB" copy --from demo.db
fails "copy from a missing file says so" 1 "no masa database" copy --from missing.db --to new.db
[ ! -e new.db ] && pass "and makes no file" || fail "and makes no file"
fails "init on a PostgreSQL database that holds masa is refused" 1 "already exists: init makes a new database" --db "$pg" init
fails "an unreachable server is a clear error" 3 "cannot connect to the PostgreSQL database" \
	--db "postgresql:///masa?host=$WORK/nowhere&user=masa" bodies

# masa migrate upgrades a PostgreSQL database made by an older masa: build
# one from the first three migrations, then let masa run the rest.
old=$(pg_schema copy_old)
{
	echo "SET search_path = copy_old;"
	cat "$ROOT"/src/store/migrations/postgresql/000[123]_*.sql
	echo "INSERT INTO masa_schema (version) VALUES (3);"
} >old.sql
psql_run -f old.sql >/dev/null
latest=$(ls "$ROOT"/src/store/migrations/postgresql/*.sql | wc -l)
fails "a database of an older masa is refused until migrated" 1 "migrate\`" --db "$old" bodies
ok "masa migrate upgrades it" --db "$old" migrate
has "to the latest schema" "schema version $latest"
ok "then it takes a partnership" --db "$old" load "$ROOT/data/demo.json"
psql_run -c "UPDATE copy_old.masa_schema SET version = 99" >/dev/null
fails "a database of a newer masa is refused" 1 "newer than this masa" --db "$old" bodies

# The two backends' migrations are the same in number and in the tables
# and columns they make.
cols_sqlite=$(sqlite3 demo.db "SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY 1")
cols_pg=$(psql_run -c "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'copy_a' ORDER BY 1")
[ "$cols_sqlite" = "$cols_pg" ] && pass "both backends' schemas have the same tables and columns" ||
	fail "both backends' schemas have the same tables and columns" "$(diff <(echo "$cols_sqlite") <(echo "$cols_pg") | head -5)"
[ "$(ls "$ROOT"/src/store/migrations/sqlite/*.sql | wc -l)" -eq "$latest" ] &&
	pass "both backends have $latest migrations" || fail "both backends have the same number of migrations"

psql_run -c "DROP SCHEMA copy_a CASCADE" -c "DROP SCHEMA copy_old CASCADE" >/dev/null
done_testing
