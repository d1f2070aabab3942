# Both seeds read, published back from the demo and read again: the reading
# of the published Markdown has the same people, item numbers, resolution
# counts and action owners as the reading of the seed (issue 5, point 4).
# Needs `masa import minutes` (the minutes reader); skips until it exists.
. "$(dirname "$0")/lib.sh"

SEEDS=${MASA_SEEDS:-/work/shared/seeds}
if ! "$MASA" import minutes --help >/dev/null 2>&1; then
	echo "1..0 # SKIP masa import minutes is not built yet: nothing reads minutes back"
	exit 0
fi
if [ ! -d "$SEEDS" ]; then
	echo "1..0 # SKIP no seeds in $SEEDS"
	exit 0
fi

"$MASA" --db d.db init --demo >/dev/null || fail "init --demo"

# The facts compared: who was there, the items' numbers, how many
# resolutions each item has and who owns each action, each list sorted.
facts() {
	jq -S '{
		people: ([.. | objects | select(has("name") and (has("status") or has("role"))) | .name] | unique),
		items: ([.. | objects | select(has("number") and has("title")) | .number] | unique),
		resolutions: ([.. | objects | select(has("number") and has("title"))
			| {(.number): ((.resolutions // []) | length)}] | add // {}),
		owners: ([.. | objects | select(has("owners")) | .owners | tostring] | sort)
	}' "$1"
}

check() {
	local seed=$1 key=$2 name=$3
	ok "$name: read the seed" --db d.db import minutes "$seed" --dry-run --json
	cp "$OUT" "$name.first.json"
	ok "$name: publish $key as Markdown" --db d.db publish "$key" --format md --output "$name.md"
	ok "$name: read the published minutes" --db d.db import minutes "$name.md" --dry-run --json
	cp "$OUT" "$name.second.json"
	facts "$name.first.json" >"$name.first.facts"
	facts "$name.second.json" >"$name.second.facts"
	for part in people items resolutions owners; do
		if [ "$(jq -c ".$part" "$name.first.facts")" = "$(jq -c ".$part" "$name.second.facts")" ]; then
			pass "$name: the same $part"
		else
			fail "$name: the same $part" "seed: $(jq -c ".$part" "$name.first.facts" | head -c 300)" \
				"published: $(jq -c ".$part" "$name.second.facts" | head -c 300)"
		fi
	done
}

check "$SEEDS/001_16eaa94230f0480f.txt" RLSCB/2014-12-04 rlscb
check "$SEEDS/000_08ef4c2037cf2a22.txt" ILSC/2019-07-09 ilsc

done_testing
