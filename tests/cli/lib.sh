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

pass() { n=$((n + 1)); echo "ok $n - $1"; }
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

# The HTTP helpers (start_server, req, sign_in...), for the tests of masa serve.
. "$ROOT/tests/cli/http.sh"
