# Bad input: each gets a clear one-line error naming the field and value, a
# non-zero exit, and leaves the database exactly as it was.
. "$(dirname "$0")/lib.sh"

"$MASA" --db demo.db init --demo >/dev/null 2>&1 || fail "init --demo"
"$MASA" --db demo.db dump --output good.json >/dev/null 2>&1
before=$(fingerprint demo.db)

# unchanged NAME: the demo database is byte for byte as it was.
unchanged() {
	if [ "$(fingerprint demo.db)" = "$before" ]; then pass "$1: database unchanged"; else fail "$1: database changed"; fi
}

# mutate NAME JQ: writes good.json changed by JQ into NAME.json, as a
# partnership with another id so that only the fault stops it.
mutate() {
	jq ".partnership.id = \"other\" | $2" good.json >"$1.json"
}

# load_fails NAME TEXT: loading NAME.json into demo.db fails naming TEXT.
load_fails() {
	fails "$1" 1 "$2" --db demo.db load "$1.json"
	unchanged "$1"
}

fails "unknown body" 1 'no body "NOPE"' --db demo.db members NOPE
fails "unknown meeting" 1 'no meeting "RLSCB/1999-01-01"' --db demo.db meeting show RLSCB/1999-01-01
fails "bad --on date" 1 '"2014-02-30" is not a real date' --db demo.db members RLSCB --on 2014-02-30
fails "bad --from date" 1 'from: "yesterday" is not a date' --db demo.db meetings --from yesterday
fails "bad --limit" 2 '--limit: "lots" is not a whole number' --db demo.db meetings --limit lots
fails "unknown command" 2 'unknown command "frobnicate"' --db demo.db frobnicate
fails "unknown option" 2 'unknown option "--colour"' --db demo.db bodies --colour
fails "missing argument" 2 'missing BODY' --db demo.db members
fails "missing database" 1 'no masa database at nothing-here.db' --db nothing-here.db bodies
unchanged "reads and wrong commands"

mutate membership-order '.memberships[0].start_date = "2014-06-01" | .memberships[0].end_date = "2014-01-01"'
load_fails membership-order 'memberships[0]: End date: 2014-01-01 is before the start date 2014-06-01'

mutate meeting-before-body '(.meetings[] | select(.body == "RSCP-COG")) |= .' 
jq '.partnership.id = "other" | .meetings += [{"id": "RSCP-COG/2018-01-10", "body": "RSCP-COG", "date": "2018-01-10", "status": "held"}]' good.json >meeting-before-body.json
load_fails meeting-before-body 'Meeting date: 2018-01-10 is before RSCP-COG was founded on 2019-09-01'

jq '.partnership.id = "other" | .meetings += [{"id": "RLSCB/2020-01-10", "body": "RLSCB", "date": "2020-01-10", "status": "held"}]' good.json >meeting-after-body.json
load_fails meeting-after-body 'Meeting date: 2020-01-10 is after RLSCB was dissolved on 2019-08-31'

mutate attendance-twice '(.meetings[] | select(.id == "RLSCB/2014-12-04") | .attendance) |= (. + [.[0]])'
load_fails attendance-twice 'attendance: already recorded at RLSCB/2014-12-04'

mutate item-twice '(.meetings[] | select(.id == "ILSC/2019-07-09") | .agenda) |= (. + [{"number": "16", "title": "Again"}])'
load_fails item-twice 'item number: "16" is already used at ILSC/2019-07-09'

mutate unknown-person '(.meetings[] | select(.id == "RLSCB/2014-12-04") | .attendance[0].person) = "nobody-here"'
load_fails unknown-person '].attendance[0].person: no person "nobody-here" earlier in this file'

mutate unknown-member '.people[0].nmae = "typo"'
load_fails unknown-member 'people[0]: unknown member "nmae"'

mutate bad-role '.memberships[0].role = "boss"'
load_fails bad-role 'Role: "boss" is not one of chair, vice_chair'

jq '.version = 5' good.json >newer-format.json
fails "newer interchange version" 1 'version: 5 is not a version this masa reads' --db demo.db load newer-format.json
unchanged "newer interchange version"

fails "same partnership twice" 1 'partnership "rotherham" is already in this database' --db demo.db load good.json
unchanged "same partnership twice"

printf '{"format": "masa-interchange", "version": 1,\n  "partnership": {"id": "x" "name": "y"}}\n' >malformed.json
load_fails malformed 'not valid JSON at line 2'

printf '{"format": "masa-interchange", "format": "masa-interchange"}' >duplicate-key.json
load_fails duplicate-key 'duplicate object key'

{ printf '{"format": "masa-interchange", "version": 1, "partnership": {"id": "x", "name": "Caf'; printf '\xe9'; printf '"}}'; } >latin1.json
load_fails latin1 'not UTF-8 text (byte 0xe9 at line 1'

head -c 3000 /dev/urandom >random.json
run --db demo.db load random.json
if [ "$STATUS" -eq 1 ] && [ "$(wc -l <"$ERR")" -eq 1 ]; then pass "random bytes: clear error"; else fail "random bytes: clear error" "status $STATUS"; fi
unchanged "random bytes"

fails "missing file" 3 'cannot open no-such-file.json' --db demo.db load no-such-file.json
unchanged "missing file"

# An error in the very last record leaves nothing of the earlier ones.
mutate last-record-bad '.meetings[-1].agenda[-1].status = "postponed"'
load_fails last-record-bad 'item status: "postponed" is not one of taken, deferred, withdrawn'
run --db demo.db --partnership other bodies
if [ "$STATUS" -ne 0 ] && grep -qF 'no partnership "other"' "$ERR"; then pass "nothing of a failed load remains"; else fail "nothing of a failed load remains"; fi

# A failed load into a new database leaves no database behind (on
# PostgreSQL, where the database was there before, none of the load).
"$MASA" --db fresh.db load last-record-bad.json >/dev/null 2>&1
if [ -n "$PG" ]; then
	if [ "$(sqlite3 fresh.db 'SELECT count(*) FROM partnership')" = 0 ]; then pass "failed load leaves nothing in a new database"; else fail "failed load leaves nothing in a new database"; fi
elif [ ! -e fresh.db ]; then pass "failed load leaves no new database file"; else fail "failed load leaves no new database file"; fi

fails "init over an existing database" 1 'demo.db already exists' --db demo.db init --demo
unchanged "init over an existing database"

# A database from a newer masa: refused, and left alone.
"$MASA" --db newer.db init --demo >/dev/null 2>&1 || fail "init newer.db"
sqlite3 newer.db 'UPDATE masa_schema SET version = 99'
newer_before=$(fingerprint newer.db)
fails "database from a newer version" 1 'newer.db has schema version 99, newer than this masa understands' --db newer.db bodies
fails "newer database refuses migrate" 1 'schema version 99' --db newer.db migrate
if [ "$(fingerprint newer.db)" = "$newer_before" ]; then pass "newer database unchanged"; else fail "newer database unchanged"; fi

# On PostgreSQL: a schema that holds tables of something else.
if [ -n "$PG" ]; then
	sqlite3 text.db 'CREATE TABLE notes (line text)'
	fails "a database that is not masa's" 1 'no masa database at text.db' --db text.db bodies
else
	printf 'this is not a database at all, just some text that is long enough\n%.0s' $(seq 1 100) >text.db
	fails "a file that is not a database" 1 'text.db is not a masa database' --db text.db bodies
fi

done_testing
