#!/usr/bin/env bash
# masa workdays: the working-day clock from the command line, with the
# built-in bank holidays of England and Wales and a deployment's own file.
. "$(dirname "$0")/lib.sh"

ok "5 working days after Friday 20 December 2024" workdays add 2024-12-20 5
[ "$(cat "$OUT")" = "2024-12-31" ] && pass "is Tuesday 31 December" || fail "is Tuesday 31 December" "$(cat "$OUT")"
ok "between" workdays between 2024-12-20 2024-12-31
[ "$(cat "$OUT")" = "5" ] && pass "counts 5" || fail "counts 5" "$(cat "$OUT")"
ok "across Easter 2025" workdays add 2025-04-17 1
[ "$(cat "$OUT")" = "2025-04-22" ] && pass "Good Friday and Easter Monday skipped" || fail "Good Friday and Easter Monday skipped" "$(cat "$OUT")"
ok "backwards (after --, as a negative N is no option)" workdays add -- 2024-12-31 -5
[ "$(cat "$OUT")" = "2024-12-20" ] && pass "5 working days before" || fail "5 working days before" "$(cat "$OUT")"
ok "the holidays of 2020" workdays holidays 2020
line_has "VE day moved the early May holiday" "^2020-05-08" "VE day"
[ "$(wc -l <"$OUT")" -eq 8 ] && pass "eight in 2020" || fail "eight in 2020" "$(wc -l <"$OUT")"

# A deployment's own day, and a bad file named with its line.
printf '# our own\n2031-06-02,A holiday announced later\n' >extra.csv
MASA_BANK_HOLIDAYS=$PWD/extra.csv ok "with MASA_BANK_HOLIDAYS" workdays add 2031-05-30 1
[ "$(cat "$OUT")" = "2031-06-03" ] && pass "the deployment's day is skipped" || fail "the deployment's day is skipped" "$(cat "$OUT")"
printf '2031-06-02,fine\n02/06/2031,not a date\n' >bad.csv
MASA_BANK_HOLIDAYS=$PWD/bad.csv fails "a bad holidays file" 1 "bad.csv, line 2" workdays add 2031-05-30 1

fails "a date that is not one" 1 '"2024-13-01" is not a real date' workdays add 2024-13-01 5
fails "a count that is not one" 2 'N: "x" is not a whole number' workdays add 2024-12-20 x
done_testing
