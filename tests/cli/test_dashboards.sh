# The dashboards of child deaths and reviews: pages, CSV, API and the
# command line, for the public (every count from 1 to 5 "fewer than 6",
# checked by reading every figure of every table, CSV cell, JSON count and
# chart label), a partner and someone signed in outside the panel
# (suppressed too), and the panel's member, the chair and the admin (exact,
# the same as masa itself prints). The charts are well-formed SVG with a
# title and a description; bad periods are refused with a message naming
# the field. Data: the demo and bench/assure-data (3 years of 5
# partnerships served by rotherham's regional panel SYCDOP).
. "$(dirname "$0")/lib.sh"

PW='dashboards-test-password-1'
DB=t.db
R="--db $DB --partnership rotherham"
# The generator writes SQLite, and masa copy does not yet copy the tables of
# schema 15 to PostgreSQL: there the suite has no data to run on (the unit
# tests, test_dashboard, run the same queries on PostgreSQL).
if [ -n "$PG" ]; then
	skip "bench/assure-data writes SQLite and masa copy does not copy schema 15 yet"
	done_testing
	exit 0
fi
"$MASA" --db $DB init --demo >/dev/null
"$ROOT/bench/assure-data" $DB --years 3 --end 2026-03-31 --deaths 12 --incidents 4 >/dev/null ||
	{ fail "the test data is made" "bench/assure-data failed"; done_testing; exit 1; }
add() { printf '%s\n' "$PW" | "$MASA" $R user add "$@" >/dev/null; }
add admin --role admin
add chair --role chair --person steve-ashley
add panel --role member --person dash-panel-member
add reviewer --role member --person dash-review-member
# The demo's own incidents are held by its review panels: the review
# group's member sits on them too, so that every case of its partnership
# is one it may see.
for b in RLSCB-SCR RSCP-CPRP; do
	"$MASA" $R member add --body $b --person dash-review-member --role member >/dev/null
done
add outsider --role member --person sue-cassin
add police --role partner --person jason-harwin --organisation south-yorkshire-police

Q="from=2023-04-01&to=2026-03-31&scope=region"

# small_numbers FILE KIND: the figures in FILE (a page, CSV or JSON) that
# are a count from 1 to 5, one a line; nothing when there is none.
small_numbers() {
	python3 - "$1" "$2" <<'PY'
import csv, json, re, sys
path, kind = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
found = []
if kind == "html":
    # Every numeric table cell, and every text of the charts that is a number.
    # (a median of working days is not a count: its cell says masa-median)
    found += re.findall(r'govuk-table__cell--numeric(?![^>]*masa-median)[^>]*>\s*([^<]*?)\s*<', text)
    found += re.findall(r'<text[^>]*>\s*([^<]*?)\s*</text>', text)
elif kind == "csv":
    rows = list(csv.reader(text.splitlines()))
    assert rows[0] == ["set", "title", "key", "label", "figure"], rows[0]
    found += [r[4] for r in rows[1:] if r[2] != "median-working-days"]
elif kind == "json":
    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if k == "count":
                    found.append(str(x))
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk(json.loads(text))
for f in found:
    if re.fullmatch(r"[1-5]", f.strip()):
        print(f)
PY
}
# figures FILE KIND: how many figures small_numbers read (to know it read some).
count_cells() { grep -o 'govuk-table__cell--numeric' "$1" | wc -l; }

no_small() { # NAME FILE KIND
	local got
	got=$(small_numbers "$2" "$3")
	if [ -z "$got" ]; then pass "$1"; else fail "$1" "counts from 1 to 5 shown: $(echo $got)"; fi
}
some_small() { # NAME FILE KIND: exact figures do show small counts here
	local got
	got=$(small_numbers "$2" "$3")
	if [ -n "$got" ]; then pass "$1"; else fail "$1" "no count from 1 to 5: were the figures suppressed?"; fi
}

# The command line: masa sees exact figures, --public what the public sees.
ok "dashboard child-deaths runs" $R dashboard child-deaths --region --from 2023-04-01 --to 2026-03-31 --csv
cp "$OUT" cli-exact.csv
some_small "masa itself sees small counts exactly" cli-exact.csv csv
ok "dashboard child-deaths --public" $R dashboard child-deaths --region --from 2023-04-01 --to 2026-03-31 --csv --public
cp "$OUT" cli-public.csv
no_small "--public shows no count from 1 to 5" cli-public.csv csv
has "--public says fewer than 6" "fewer than 6"
ok "dashboard reviews --public --json" $R dashboard reviews --region --from 2023-04-01 --to 2026-03-31 --json --public
cp "$OUT" cli-reviews-public.json
json_is "the JSON says the public's figures are not exact" .exact false
ok "dashboard child-deaths --json" $R dashboard child-deaths --region --from 2023-04-01 --to 2026-03-31 --json
cp "$OUT" cli-exact.json
json_is "the region is the panel's" .panel SYCDOP
json_is "five partnerships in the region" '[.sets[] | select(.key == "partnership") | .cells[]] | length' 5
ok "dashboard reviews (text)" $R dashboard reviews
has "the text names the clocks" "Notifications to the national panel"
fails "dates out of order are refused" 1 "must not be after" $R dashboard child-deaths --from 2025-04-01 --to 2024-03-31
fails "an unknown panel is refused" 1 "No panel NOPE" $R dashboard child-deaths --panel NOPE

"$MASA" $R serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
SERVER_PID=$!
wait_for 30 serve_said_where
[ -n "$URL" ] || { fail "serve starts" "no address"; done_testing; exit 1; }

# The public.
for path in "/child-deaths/dashboard?$Q" "/reviews/dashboard?$Q" "/child-deaths/dashboard" "/reviews/dashboard?scope=partnership"; do
	req "$URL$path"
	code_is "the public opens $path" 200
	cp "$BODY" page.html
	no_small "the public's $path shows no count from 1 to 5" page.html html
	[ "$(count_cells page.html)" -gt 10 ] && pass "$path has its tables" || fail "$path has its tables" "few numeric cells"
done
req "$URL/child-deaths/dashboard?$Q"
body_has "the public reads fewer than 6" "fewer than 6"
body_has "the page says why" "so that no child can be recognised"
body_has "a chart is an image with a title" 'role="img"'
body_has "the region's partnerships are named" "Wentworth Vale Safeguarding Children Partnership"
body_has "the period in words" "1 April 2023"
cp "$BODY" public.html
# Every chart is well-formed XML with its title and description.
python3 - public.html <<'PY' >svgs.txt
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for i, svg in enumerate(re.findall(r"<svg.*?</svg>", text, re.S)):
    open("chart-%d.svg" % i, "w").write(svg)
    print("chart-%d.svg" % i)
PY
nsvg=$(wc -l <svgs.txt)
[ "$nsvg" -ge 7 ] && pass "the page has its charts ($nsvg)" || fail "the page has its charts" "$nsvg"
bad=""
while read -r f; do
	xmllint --noout "$f" 2>/dev/null || bad="$bad $f"
	grep -q '<title id="chart-' "$f" && grep -q '<desc id="chart-' "$f" || bad="$bad $f(title)"
done <svgs.txt
[ -z "$bad" ] && pass "every chart is well-formed XML with a title and a description" || fail "charts well-formed" "$bad"
grep -q 'url(#chart-' public.html && pass "a suppressed value is drawn hatched" || fail "hatched bars" "no hatching used"

for kind in child-deaths reviews; do
	req "$URL/$kind/dashboard.csv?$Q"
	code_is "the public's $kind CSV" 200
	header_has "the $kind CSV is CSV" "text/csv"
	cp "$BODY" public.csv
	no_small "the public's $kind CSV has no count from 1 to 5" public.csv csv
	req "$URL/$kind/dashboard?$Q&format=csv"
	cmp -s "$BODY" public.csv && pass "?format=csv is the same CSV" || fail "?format=csv is the same CSV"
	req "$URL/api/v1/dashboards/$kind?$Q"
	code_is "the public's $kind API" 200
	cp "$BODY" public.json
	no_small "the public's $kind JSON has no count from 1 to 5" public.json json
	jq -e '[.. | objects | select(.suppressed == true) | select(has("count"))] | length == 0' public.json >/dev/null &&
		pass "a suppressed $kind cell has no number in the JSON" || fail "suppressed cells carry no number"
	jq -e '.exact == false' public.json >/dev/null && pass "the $kind JSON says not exact" || fail "$kind JSON exact"
done
# The public's API answer is what masa dashboard --public prints.
req "$URL/api/v1/dashboards/reviews?$Q"
if [ "$(jq -S 'del(.as_at)' "$BODY")" = "$(jq -S 'del(.as_at)' cli-reviews-public.json)" ]; then
	pass "the API gives the public what masa dashboard --public prints"
else
	fail "the API gives the public what masa dashboard --public prints"
fi

# exact_is NAME true|false: the last JSON answer's "exact".
exact_is() {
	if jq -e ".exact == $2" "$BODY" >/dev/null; then pass "$1"; else fail "$1" "exact is not $2"; fi
}

# Signed in.
for who in panel reviewer admin chair outsider police; do
	sign_in "jar-$who" "$who" "$PW"
	code_is "$who signs in" 303
done
req -b jar-panel "$URL/api/v1/dashboards/child-deaths?$Q"
cp "$BODY" panel.json
jq -e '.exact == true' panel.json >/dev/null && pass "the panel's member sees exact figures" || fail "panel exact"
if [ "$(jq -S '.sets' panel.json)" = "$(jq -S '.sets' cli-exact.json)" ]; then
	pass "the panel's member sees what masa itself sees"
else
	fail "the panel's member sees what masa itself sees"
fi
req -b jar-panel "$URL/child-deaths/dashboard?$Q"
cp "$BODY" panel.html
body_has "the panel's page says its figures are exact" "You see the exact figures"
body_hasnt "the panel's page has no fewer than 6" ">fewer than 6<"
some_small "the panel's page shows small counts" panel.html html
req -b jar-panel "$URL/child-deaths/dashboard.csv?$Q"
cp "$BODY" panel.csv
some_small "the panel's CSV shows small counts" panel.csv csv
req -b jar-admin "$URL/api/v1/dashboards/child-deaths?$Q"
exact_is "the admin (of the panel's partnership) sees exact figures" true
req -b jar-chair "$URL/api/v1/dashboards/child-deaths?from=2023-04-01&to=2026-03-31"
exact_is "the chair sees the partnership's figures exactly" true
# The practice review group's member: its own partnership's reviews exactly,
# not the region's (held by the other partnerships' groups), nor the deaths.
req -b jar-reviewer "$URL/api/v1/dashboards/reviews?from=2023-04-01&to=2026-03-31"
exact_is "the review group's member sees its reviews exactly" true
req -b jar-reviewer "$URL/api/v1/dashboards/reviews?$Q"
exact_is "but not the region's" false
req -b jar-reviewer "$URL/api/v1/dashboards/child-deaths?$Q"
exact_is "nor the child deaths" false
req -b jar-panel "$URL/api/v1/dashboards/reviews?$Q"
exact_is "the panel's member sees the reviews suppressed" false
for who in outsider police; do
	req -b "jar-$who" "$URL/child-deaths/dashboard?$Q"
	cp "$BODY" page.html
	no_small "$who (not of the panel) sees no count from 1 to 5" page.html html
	req -b "jar-$who" "$URL/api/v1/dashboards/child-deaths?$Q"
	exact_is "$who's figures are suppressed" false
	req -b "jar-$who" "$URL/reviews/dashboard.csv?$Q"
	cp "$BODY" page.csv
	no_small "$who's reviews CSV has no count from 1 to 5" page.csv csv
done

# Bad periods: a message naming the field, the form again.
req "$URL/child-deaths/dashboard?from-day=1&from-month=4&from-year=2025&to-day=31&to-month=3&to-year=2024"
code_is "a period ending before it starts is refused" 400
body_has "it says the start must not be after the end" "must not be after its end"
body_has "the fields keep what was typed" 'name="from-year" type="text" value="2025"'
req "$URL/child-deaths/dashboard?from-day=31&from-month=2&from-year=2025"
code_is "a date that does not exist is refused" 400
body_has "the message names the field" "The start of the period"
req "$URL/api/v1/dashboards/child-deaths?from=2025-02-31"
code_is "the API refuses a bad date" 400
req "$URL/api/v1/dashboards/child-deaths?scope=everywhere"
code_is "the API refuses an unknown scope" 400

done_testing
