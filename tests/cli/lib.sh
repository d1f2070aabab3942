# Helpers for the command-line tests: each check prints one TAP line.
# $MASA is the binary under test (set by tests/run); every test script makes
# its own temporary directory and removes it at the end.
set -u
: "${MASA:?run through tests/run, which sets MASA}"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=$(mktemp -d /tmp/masa-test.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
n=0
OUT=$WORK/out
ERR=$WORK/err

# On PostgreSQL (MASA_TEST_PG, set by `tests/run pg`): $MASA becomes the
# wrapper tests/cli/masa-pg, which turns each database file a test names into
# a schema of the throwaway cluster, and the real binary is $MASA_REAL.
# sqlite3 and fingerprint then read that schema, and run() writes the file's
# name back where masa's messages name the schema's URL, as they name the file
# on SQLite. A check about SQLite files themselves tests "$PG" and checks
# what PostgreSQL has instead.
PG=${MASA_TEST_PG:-}
if [ -n "$PG" ]; then
	export MASA_REAL=$MASA
	MASA=$ROOT/tests/cli/masa-pg
	pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	if [ -n "$pg_bin" ] && [ -x "$pg_bin/psql" ]; then
		export MASA_PG_PSQL=$pg_bin/psql
		PG_DUMP=$pg_bin/pg_dump
	else
		export MASA_PG_PSQL=psql
		PG_DUMP=pg_dump
	fi
	export MASA_PG_SEEN=$WORK/.masa-pg
fi

# sqlite3 DB SQL: on PostgreSQL, SQL on DB's schema through psql, printed as
# sqlite3 prints it (columns split by |, NULL as nothing, no headers).
if [ -n "$PG" ]; then
	sqlite3() {
		local url
		url=$("$MASA" --pg-url "$1") || return 1
		shift
		if [ $# -eq 0 ]; then
			"$MASA_PG_PSQL" "$url" -qAtX -F '|' -v ON_ERROR_STOP=1
		else
			"$MASA_PG_PSQL" "$url" -qAtX -F '|' -v ON_ERROR_STOP=1 -c "$*"
		fi
	}
fi

# pg_fingerprint DB: a hash of every row in DB's schema, table by table and
# in no particular order. Sequences are left out: PostgreSQL moves them on
# for a transaction that rolled back, which changed nothing; so are psql's
# meta-commands (\restrict takes a new random key at every dump).
pg_fingerprint() {
	local url dump=$WORK/.pg-dump
	# A dump that failed is a fingerprint that matches nothing.
	if ! url=$("$MASA" --pg-url "$1") ||
		! "$PG_DUMP" --data-only --schema="${url##*search_path%3D}" "$PG" \
			>"$dump" 2>/dev/null; then
		echo "no dump of $1: $RANDOM$RANDOM"
		return 1
	fi
	awk '/^COPY / { table = $2; next }
		/^\\|^--|^SET |^SELECT pg_catalog\.|^$/ { next }
		{ print table "\t" $0 }' "$dump" |
		sort | sha256sum | cut -d' ' -f1
}

# pg_names_back ARGS...: in the last command's output, the URL the wrapper
# made of the --db in ARGS reads as the file name the test gave.
pg_names_back() {
	local db="" prev="" a
	for a in "$@"; do
		case $prev in --db) db=$a ;; esac
		case $a in --db=*) db=${a#--db=} ;; esac
		prev=$a
	done
	[ -n "$db" ] || return 0
	grep -qsF 'search_path%3Df_' "$OUT" "$ERR" || return 0
	DB=$db perl -pi -e \
		's{postgres(?:ql)?://\S*?search_path%3Df_[0-9a-f]{16}}{$ENV{DB}}g' \
		"$OUT" "$ERR"
}

pass() { n=$((n + 1)); echo "ok $n - $1"; }
# skip WHY: a test that cannot run because something outside masa is
# missing (a tool not installed, a check that is about the other database).
# Never for masa failing: that is fail.
skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }
fail() {
	n=$((n + 1))
	echo "not ok $n - $1"
	shift
	for line in "$@"; do echo "# $line"; done
	[ -s "$OUT" ] && head -5 "$OUT" | sed 's/^/# stdout: /'
	[ -s "$ERR" ] && head -5 "$ERR" | sed 's/^/# stderr: /'
	return 0
}

# run CMD...: runs masa with the arguments; output in $OUT and $ERR, status in $STATUS.
run() {
	"$MASA" "$@" >"$OUT" 2>"$ERR"
	STATUS=$?
	[ -z "$PG" ] || pg_names_back "$@"
}

# ok NAME ARGS...: masa ARGS must succeed.
ok() {
	local name=$1
	shift
	run "$@"
	if [ "$STATUS" -eq 0 ]; then pass "$name"; else fail "$name" "exit status $STATUS"; fi
}

# has NAME TEXT: the last command's standard output contains TEXT.
has() {
	if grep -qF -- "$2" "$OUT"; then pass "$1"; else fail "$1" "expected in output: $2"; fi
}

# hasnt NAME TEXT: the last command's standard output does not contain TEXT.
hasnt() {
	if grep -qF -- "$2" "$OUT"; then fail "$1" "not expected in output: $2"; else pass "$1"; fi
}

# line_has NAME PATTERN TEXT...: some output line matching PATTERN has all TEXTs.
line_has() {
	local name=$1 pattern=$2 line
	shift 2
	line=$(grep -E -- "$pattern" "$OUT" | head -1)
	for t in "$@"; do
		case $line in
		*"$t"*) ;;
		*) fail "$name" "line matching /$pattern/ lacks: $t" "line: $line"; return ;;
		esac
	done
	[ -n "$line" ] && pass "$name" || fail "$name" "no line matches /$pattern/"
}

# fails NAME STATUS TEXT ARGS...: masa ARGS must exit STATUS with one line
# on standard error that contains TEXT.
fails() {
	local name=$1 want=$2 text=$3
	shift 3
	run "$@"
	if [ "$STATUS" -ne "$want" ]; then
		fail "$name" "exit status $STATUS, wanted $want"
	elif [ "$(wc -l <"$ERR")" -ne 1 ]; then
		fail "$name" "wanted one line on stderr, got $(wc -l <"$ERR")"
	elif ! grep -qF -- "$text" "$ERR"; then
		fail "$name" "stderr lacks: $text"
	else
		pass "$name"
	fi
}

# fingerprint DB: what must not change when a command fails.
fingerprint() {
	if [ -n "$PG" ]; then
		pg_fingerprint "$1"
		return
	fi
	sha256sum "$1" 2>/dev/null | cut -d' ' -f1
}

# json_is NAME JQ-FILTER EXPECTED: jq on the last output gives EXPECTED.
json_is() {
	local got
	got=$(jq -r "$2" "$OUT" 2>&1)
	if [ "$got" = "$3" ]; then pass "$1"; else fail "$1" "jq '$2' gave '$got', wanted '$3'"; fi
}

done_testing() {
	echo "1..$n"
}

# wait_for SECONDS CMD...: the bounded poll every test waits with.
. "$ROOT/tests/cli/wait.sh"
# The HTTP helpers (start_server, req, sign_in...), for the tests of masa serve.
. "$ROOT/tests/cli/http.sh"
