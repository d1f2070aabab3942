# dump -> load -> dump is byte-identical, on the demo and on a generated
# partnership (10 years in the normal build; fewer under the sanitizers,
# which are slower, and on PostgreSQL, where every statement of a load is a
# round trip to the server, as the same code paths run either way).
. "$(dirname "$0")/lib.sh"

years=10
[ "${MASA_BUILD:-release}" = asan ] && years=2
[ -n "$PG" ] && years=2

"$MASA" --db a.db init --demo >/dev/null || fail "init --demo"
ok "dump the demo" --db a.db dump --output a.json
ok "load the dump" --db b.db load a.json
ok "dump again" --db b.db dump --output b.json
if cmp -s a.json b.json; then pass "demo: dump -> load -> dump is byte-identical"; else fail "demo: dump -> load -> dump is byte-identical"; fi
# The demo's child deaths of Rotherham's children (Sheffield's are in its
# own document).
jq -e '.child_deaths | length >= 20' a.json >/dev/null && pass "demo: the dump holds Rotherham's child deaths" || fail "demo: the dump holds Rotherham's child deaths"
if jq -S 'del(.child_deaths)' a.json >a.sorted && jq -S . "$ROOT/data/demo.json" >demo.sorted && cmp -s a.sorted demo.sorted; then
	pass "demo: the dump holds exactly the demo file's content"
else
	fail "demo: the dump holds exactly the demo file's content"
fi

ok "generate $years years" demo generate --years "$years" --seed 7 --output gen.json
ok "generate is deterministic" demo generate --years "$years" --seed 7 --output gen2.json
if cmp -s gen.json gen2.json; then pass "same seed, same document"; else fail "same seed, same document"; fi
ok "load the generated partnership" --db g.db load gen.json
has "load reports meetings" "meetings"
ok "dump it" --db g.db dump --output g1.json
ok "load the dump" --db h.db load g1.json
ok "dump again" --db h.db dump --output g2.json
if cmp -s g1.json g2.json; then pass "generated: dump -> load -> dump is byte-identical"; else fail "generated: dump -> load -> dump is byte-identical"; fi
meetings=$(jq '.meetings | length' g1.json)
if [ "$meetings" -ge $((years * 200)) ]; then pass "generated: $meetings meetings for $years years"; else fail "generated: $meetings meetings for $years years"; fi

done_testing
