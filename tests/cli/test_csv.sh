# The CSV that masa writes for a spreadsheet (--csv of actions log,
# overdue, mine and by-organisation; the web and the API have no CSV): a
# cell a spreadsheet would run as a formula (text starting =, +, -, @, tab
# or carriage return) gets a leading apostrophe, so a name or an action
# someone typed is never executed on the business unit's computer; commas,
# quotes and line breaks are quoted as RFC 4180 says, rows end CRLF, and a
# CSV reader gets back exactly the text (with its apostrophe).
. "$(dirname "$0")/lib.sh"

# A partnership whose people, organisations and actions begin with every
# character a spreadsheet takes for a formula.
cat >csv.json <<'JSON'
{"format": "masa-interchange", "version": 3,
 "partnership": {"id": "csvshire", "name": "Csvshire Safeguarding Partnership"},
 "organizations": [
   {"id": "minus-org", "name": "-2+3 Health Trust", "classification": "health", "part": "safeguarding_partner"},
   {"id": "plain-org", "name": "Police, \"North\"", "classification": "police", "part": "safeguarding_partner"}],
 "people": [
   {"id": "plus", "name": "+SUM(1)", "organization": "minus-org"},
   {"id": "at", "name": "@Lookup", "organization": "plain-org"},
   {"id": "tab", "name": "\tTabitha", "organization": "plain-org"}],
 "memberships": [
   {"person": "plus", "body": "TB", "role": "member"},
   {"person": "at", "body": "TB", "role": "member"},
   {"person": "tab", "body": "TB", "role": "member"}],
 "bodies": [{"short_name": "TB", "name": "Test Board", "classification": "board"}],
 "meetings": [{"id": "TB/2020-01-10", "body": "TB", "date": "2020-01-10", "status": "held"}],
 "actions": [
   {"id": "TB/2020-01-10/1", "body": "TB", "meeting": "TB/2020-01-10", "number": 1,
    "details": "=HYPERLINK(\"http://evil.example/\",\"click\")", "owners": [{"person": "plus"}],
    "due_date": "2020-02-01", "status": "open",
    "updates": [{"date": "2020-01-20", "text": "@SUM(A1)", "status": "open"}]},
   {"id": "TB/2020-01-10/2", "body": "TB", "meeting": "TB/2020-01-10", "number": 2,
    "details": "Plain text, with \"quotes\"\nand a second line", "owners": [{"person": "at"}, {"person": "tab"}],
    "due_date": "2020-02-01", "status": "open"},
   {"id": "TB/2020-01-10/3", "body": "TB", "meeting": "TB/2020-01-10", "number": 3,
    "details": "\rCarriage return first", "owners": [{"person": "tab"}],
    "due_date": "2020-02-01", "status": "open"},
   {"id": "TB/2020-01-10/4", "body": "TB", "meeting": "TB/2020-01-10", "number": 4,
    "details": "\tTab first", "owners": [{"organization": "minus-org"}],
    "due_date": "2020-03-01", "status": "open"},
   {"id": "TB/2020-01-10/5", "body": "TB", "meeting": "TB/2020-01-10", "number": 5,
    "details": "\uff1dHYPERLINK(\"http://evil.example/\")", "owners": [{"person": "plus"}],
    "due_date": "2020-02-01", "status": "open"}]}
JSON
"$MASA" --db csv.db init >/dev/null 2>&1
ok "a partnership whose text begins with formula characters loads" --db csv.db load csv.json

# csv_read NAME: reads the last output as CSV (Python's csv module, strict:
# a stray quote is an error) into rows.json, an array of arrays of cells;
# checks that every row ends CRLF (a line break inside a quoted cell may be
# LF alone).
csv_read() {
	local records crlf
	if ! python3 -c 'import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"), strict=True))
json.dump(rows, open(sys.argv[2], "w"))' "$OUT" rows.json 2>"$ERR"; then
		fail "$1: a CSV reader reads it" "$(head -3 "$ERR")"
		echo '[]' >rows.json
		return
	fi
	records=$(jq length rows.json)
	crlf=$(grep -c $'\r$' "$OUT")
	if [ "$records" -gt 1 ] && [ "$records" -eq "$crlf" ] &&
		[ "$(tail -c 2 "$OUT" | od -An -c | tr -d ' ')" = '\r\n' ]; then
		pass "$1: a CSV reader reads $records rows, each ending CRLF"
	else
		fail "$1: a CSV reader reads rows, each ending CRLF" "$records rows, $crlf lines end CR"
	fi
}

# cell_is NAME REFERENCE COLUMN WANT: in rows.json, the cell of COLUMN (by
# the heading row) in the row of action REFERENCE is exactly WANT (a jq
# string literal, so that tabs and line breaks can be written).
cell_is() {
	local got
	got=$(jq -c --arg ref "$2" --arg col "$3" '
		(.[0] | index($col)) as $i
		| [.[1:][] | select(index($ref) != null)][0][$i]' rows.json)
	if [ "$got" = "$(jq -cn "$4")" ]; then
		pass "$1"
	else
		fail "$1" "got $got" "wanted $4"
	fi
}

# no_formula NAME: no cell of rows.json begins with a character a
# spreadsheet takes for a formula.
no_formula() {
	local bad
	bad=$(jq -c '[.[][] | select(test("^[=+@\t\r\uff1d\uff0b\uff0d\uff20-]"))]' rows.json)
	if [ "$bad" = "[]" ]; then pass "$1"; else fail "$1" "cells: $bad"; fi
}

# --- actions overdue -----------------------------------------------------
ok "actions overdue --csv" --db csv.db actions overdue --on 2020-02-15 --csv
csv_read "overdue"
cell_is "overdue: details starting = get an apostrophe, its quotes doubled" TB/2020-01-10/1 details \
	'"'"'"'=HYPERLINK(\"http://evil.example/\",\"click\")"'
grep -qF "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\"" "$OUT" &&
	pass "overdue: written as RFC 4180 says: quoted, the apostrophe inside, quotes doubled" ||
	fail "overdue: written as RFC 4180 says: quoted, the apostrophe inside, quotes doubled"
cell_is "overdue: an owner named +SUM(1) gets an apostrophe" TB/2020-01-10/1 owners '"'"'"'+SUM(1)"'
cell_is "overdue: owners starting @ (and a tab inside, left be)" TB/2020-01-10/2 owners '"'"'"'@Lookup/\tTabitha"'
cell_is "overdue: text with a comma, quotes and a line break comes back whole, unchanged" TB/2020-01-10/2 details \
	'"Plain text, with \"quotes\"\nand a second line"'
cell_is "overdue: details starting with a carriage return get an apostrophe" TB/2020-01-10/3 details '"'"'"'\rCarriage return first"'
cell_is "overdue: an owner starting with a tab gets an apostrophe" TB/2020-01-10/3 owners '"'"'"'\tTabitha"'
cell_is "overdue: numbers are left as numbers" TB/2020-01-10/1 days_overdue '"14"'
cell_is "overdue: dates are left as dates" TB/2020-01-10/1 due '"2020-02-01"'
cell_is "overdue: details starting with a full-width = get an apostrophe" TB/2020-01-10/5 details '"'"'"'\uff1dHYPERLINK(\"http://evil.example/\")"'
no_formula "overdue: no cell starts a formula"

# --- actions log ---------------------------------------------------------
ok "actions log --csv" --db csv.db actions log TB --as-at 2020-01-20 --csv
csv_read "log"
cell_is "log: details starting = get an apostrophe" TB/2020-01-10/1 details \
	'"'"'"'=HYPERLINK(\"http://evil.example/\",\"click\")"'
cell_is "log: details starting with a tab get an apostrophe" TB/2020-01-10/4 details '"'"'"'\tTab first"'
cell_is "log: an owning organisation named -2+3 gets an apostrophe" TB/2020-01-10/4 owners '"'"'"'-2+3 Health Trust"'
cell_is "log: an update starting @ is inside the cell, after its date" TB/2020-01-10/1 updates '"20.01.2020: Open. @SUM(A1)"'
no_formula "log: no cell starts a formula"

# --- actions mine --------------------------------------------------------
ok "actions mine --csv" --db csv.db actions mine tab --on 2020-02-15 --csv
csv_read "mine"
cell_is "mine: details starting with a carriage return get an apostrophe" TB/2020-01-10/3 details '"'"'"'\rCarriage return first"'
cell_is "mine: owners starting @ get an apostrophe" TB/2020-01-10/2 owners '"'"'"'@Lookup/\tTabitha"'
no_formula "mine: no cell starts a formula"

# --- actions by-organisation ---------------------------------------------
ok "actions by-organisation --csv" --db csv.db actions by-organisation --on 2020-02-15 --csv
csv_read "by-organisation"
cell_is "by-organisation: an organisation named -2+3 gets an apostrophe" "'-2+3 Health Trust" organisation '"'"'"'-2+3 Health Trust"'
cell_is "by-organisation: a name with a comma and quotes comes back whole" 'Police, "North"' organisation '"Police, \"North\""'
cell_is "by-organisation: its counts are numbers" 'Police, "North"' overdue '"2"'
no_formula "by-organisation: no cell starts a formula"

# The table (no --csv) is for people, not spreadsheets: no apostrophes.
ok "actions overdue as a table" --db csv.db actions overdue --on 2020-02-15
has "the table shows the text as typed" "+SUM(1)"
hasnt "with no apostrophe" "'+SUM(1)"

done_testing
