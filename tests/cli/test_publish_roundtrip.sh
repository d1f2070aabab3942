# Both seeds read and imported into a partnership that has their bodies and
# people but not their meetings, published back as Markdown and read again:
# the reading of the published minutes has the same people, item numbers,
# resolution counts and action owners as the first reading of the seed
# (issue 5, point 4).
. "$(dirname "$0")/lib.sh"

SEEDS=$ROOT/tests/minutes
jq '.meetings = [] | .actions = [] | .programme = [] | .incidents = [] | del(.practice_reviews, .learning_briefings)' "$ROOT/data/demo.json" >base.json
ok "init" --db d.db init
ok "load the partnership without its meetings" --db d.db load base.json

# The facts compared: who was there, the items' numbers, how many
# resolutions each item has and who owns each action (raised at the meeting
# or in the appended log), each list sorted.
facts() {
	# An appended action finished before the meeting (discharged at an
	# earlier one) is not in masa's action log as at the meeting.
	jq -S 'def finished_before(e; d): [e.updates[]? | select(.date < d and
		(.status == "discharged" or .status == "completed" or .status == "closed"))] | length > 0;
	{
		people: ([.. | objects | select(has("name") and (has("status") or has("role"))) | .name] | unique),
		items: ([.. | objects | select(has("number") and has("title")) | .number] | unique),
		resolutions: ([.. | objects | select(has("number") and has("title"))
			| {(.number): ((.resolutions // []) | length)}] | add // {}),
		owners: ([.. | objects | select(has("owners") and (has("updates") | not)) | .owners | tostring]
			+ [(.action_log // [])[] | select(finished_before(.; $date) | not) | .owners | tostring]
			| sort)
	}' --arg date "$2" "$1"
}

check() {
	local seed=$1 key=$2 name=$3
	ok "$name: read the seed" --db d.db import minutes "$seed" --dry-run --json
	cp "$OUT" "$name.first.json"
	ok "$name: import the seed" --db d.db import minutes "$seed"
	ok "$name: publish $key as Markdown" --db d.db publish "$key" --format md --output "$name.md"
	ok "$name: read the published minutes" --db d.db import minutes "$name.md" --dry-run --json
	cp "$OUT" "$name.second.json"
	facts "$name.first.json" "${key#*/}" >"$name.first.facts"
	facts "$name.second.json" "${key#*/}" >"$name.second.facts"
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
