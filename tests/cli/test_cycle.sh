# A new partnership set up and run for a meeting cycle from the command line
# alone, with no interchange file, as a business unit starting on masa would:
# the partnership, its organisations (the three safeguarding partners with
# their lead safeguarding partners), people, a board and a sub-group with a
# chair and members; a change of chair; a quarterly series of meetings; an
# agenda built from the draft with a part-two item, papers added and the
# agenda published; the pack sent to the members through a real SMTP
# listener on 127.0.0.1; the meeting held, its attendance, minutes and
# resolutions recorded, the minutes approved and published. Then a real
# masa serve shows the public the agenda, the open paper, the agenda pack
# and the minutes PDF, and nothing of part two; and masa dump holds it all.
. "$(dirname "$0")/lib.sh"

DB=cycle.db
M=PERF/2026-04-02
SECRET="Child T placement"

PY=""
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import aiosmtpd' 2>/dev/null; then
		PY=$p
		break
	fi
done
SMTP_PID=""
trap '[ -n "$SMTP_PID" ] && kill "$SMTP_PID" 2>/dev/null; stop_server' EXIT

# --- the partnership and its structure -----------------------------------
ok "init an empty database" --db $DB init
has "init says how to start a partnership" "partnership add"
fails "a partnership's key must be a slug" 1 "lower-case letters" \
	--db $DB partnership add "Not A Key" --name "Anywhere"
ok "partnership add" --db $DB partnership add riverside \
	--name "Riverside Safeguarding Children Partnership" --area Riverside
fails "the same key twice" 1 "already used" \
	--db $DB partnership add riverside --name "Again"

ok "the council" --db $DB org add --name "Riverside Council" --key council \
	--classification local_authority --part safeguarding_partner
ok "the integrated care board" --db $DB org add --name "Riverside ICB" --key icb \
	--classification health --part safeguarding_partner
ok "the police" --db $DB org add --name "Riverside Police" --key police \
	--classification police --part safeguarding_partner
ok "a school" --db $DB org add --name "Riverside Academy" --key academy \
	--classification education --part education
for who in "Ann Chief:council" "Bea Nurse:icb" "Cal Inspector:police" \
	"Dee Lead:academy" "Eve Officer:council" "Fay Analyst:council"; do
	name=${who%%:*}
	key=$(echo "$name" | tr 'A-Z ' 'a-z-')
	ok "person $name" --db $DB person add --name "$name" --key "$key" \
		--organisation "${who##*:}" --email "$key@riverside.example"
done
ok "the council's lead safeguarding partner" --db $DB org edit council --lead-person ann-chief
fails "a school has no lead safeguarding partner" 1 "afeguarding partner" \
	--db $DB org edit academy --lead-person dee-lead

ok "the board" --db $DB body add --short-name BOARD --name "Riverside Partnership Board" \
	--kind board --founding-date 2025-01-01 --quorum-partners yes
ok "a sub-group reporting to it" --db $DB body add --short-name PERF \
	--name "Performance and Quality Assurance Sub-group" --kind subgroup \
	--parent BOARD --founding-date 2025-01-01 --quorum-count 3
ok "its chair" --db $DB member add --body PERF --person ann-chief --role chair \
	--start-date 2025-01-01
for p in bea-nurse cal-inspector dee-lead fay-analyst; do
	ok "member $p" --db $DB member add --body PERF --person $p --role member \
		--start-date 2025-01-01
done
ok "the business officer" --db $DB member add --body PERF --person eve-officer \
	--role officer --start-date 2025-01-01
fails "a membership ending before it starts" 1 "End date" \
	--db $DB member add --body PERF --person eve-officer --role minute_taker \
	--start-date 2025-06-01 --end-date 2025-05-01
fails "a chair change dated before the chair started" 1 "" \
	--db $DB member change-role --body PERF --person bea-nurse --to chair --on 2024-06-01
ok "Bea Nurse will now chair the sub-group" --db $DB member change-role \
	--body PERF --person bea-nurse --to chair --on 2026-02-01 --previous-role member
ok "members on the day after" --db $DB members PERF --on 2026-02-02 --json
json_is "the new chair" '[.members[] | select(.role == "chair") | .person] | join(",")' bea-nurse
ok "members on the day before" --db $DB members PERF --on 2026-01-31 --json
json_is "the old chair, kept in the history" \
	'[.members[] | select(.role == "chair") | .person] | join(",")' ann-chief

# --- a quarterly series and an agenda ------------------------------------
fails "a series with no end" 1 "" --db $DB meeting schedule PERF --every quarterly \
	--weekday thursday --week first --from 2026-01-01
ok "schedule a quarterly series" --db $DB meeting schedule PERF --every quarterly \
	--weekday thursday --week first --from 2026-01-01 --count 4 \
	--start 13:00 --end 16:00 --location "Riverside House"
ok "the meetings" --db $DB meetings PERF --json
json_is "on the first Thursday of each quarter" '[.[].date] | join(",")' \
	"2026-01-01,2026-04-02,2026-07-02,2026-10-01"

ok "the proposed agenda added" --db $DB agenda add $M --draft
ok "an open item" --db $DB agenda add $M --title "Multi-agency audit of neglect" \
	--presenter fay-analyst
ok "the agenda" --db $DB meeting show $M --json
OPEN=$(jq -r '.items[] | select(.title == "Multi-agency audit of neglect") | .number' "$OUT")
ok "a part-two item" --db $DB agenda add $M --title "$SECRET" \
	--part-two "Information about a named child"
ok "the agenda again" --db $DB meeting show $M --json
CONF=$(jq -r --arg t "$SECRET" '.items[] | select(.title == $t) | .number' "$OUT")
[ -n "$OPEN" ] && [ -n "$CONF" ] && pass "both items are on the agenda ($OPEN, $CONF)" ||
	fail "both items are on the agenda" "open '$OPEN', part two '$CONF'"

# Papers: a PDF for the open item, one for the part-two item.
mkpdf() {
	printf '%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >> endobj\n4 0 obj << >> stream\nBT /F1 20 Tf 72 700 Td (%s) Tj ET\nendstream endobj\ntrailer << /Root 1 0 R /Size 5 >>\n%%%%EOF\n' "$2" >"$1.raw"
	qpdf --warning-exit-0 "$1.raw" "$1" 2>/dev/null
}
mkpdf audit.pdf "Neglect audit findings"
mkpdf secret.pdf "$SECRET chronology"
ok "a paper for the open item" --db $DB paper add $M audit.pdf --item "$OPEN" \
	--title "Neglect audit report"
ok "a paper for the part-two item" --db $DB paper add $M secret.pdf --item "$CONF" \
	--title "$SECRET report"
ok "publish the agenda" --db $DB agenda publish $M --on 2026-03-20
ok "make the agenda pack" --db $DB pack $M --output pack.pdf
if pdftotext pack.pdf - 2>/dev/null | grep -q "Neglect audit findings" &&
	! pdftotext pack.pdf - 2>/dev/null | grep -q "$SECRET"; then
	pass "the agenda pack holds the open paper and no part two"
else
	fail "the agenda pack holds the open paper and no part two"
fi

# --- circulation through a real SMTP listener -----------------------------
if [ -z "$PY" ]; then
	fail "python3-aiosmtpd is installed (scripts/setup --test)"
else
	PORT=$("$PY" -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
	"$PY" -m aiosmtpd -n -l "127.0.0.1:$PORT" -c aiosmtpd.handlers.Mailbox "$WORK/mail" \
		>"$WORK/smtp.log" 2>&1 &
	SMTP_PID=$!
	if wait_for 30 listening_on "$PORT"; then pass "SMTP listener"; else fail "SMTP listener"; fi
	ok "site address" --db $DB config set site_url https://riverside.example
	ok "sender" --db $DB config set mail_from business.unit@riverside.example
	ok "SMTP server" --db $DB config set smtp_url "smtp://127.0.0.1:$PORT"
	ok "send the agenda pack to the members" --db $DB circulate $M --pack --on 2026-03-21
	sent=$(grep -rl "riverside.example" "$WORK/mail/new" 2>/dev/null | wc -l)
	[ "$sent" -ge 5 ] && pass "each member got the pack ($sent messages)" ||
		fail "each member got the pack" "$sent messages"
	if grep -rqF "$SECRET" "$WORK/mail/new" 2>/dev/null; then
		fail "no message names the part-two item"
	else
		pass "no message names the part-two item"
	fi
	ok "the circulation record" --db $DB circulation $M --json
	json_is "recorded once a member" 'length >= 5' true
fi

# --- the meeting held, its minutes approved and published -----------------
ok "held" --db $DB meeting held $M
for p in bea-nurse cal-inspector fay-analyst eve-officer; do
	ok "$p present" --db $DB meeting attend $M $p --status present
done
ok "apologies" --db $DB meeting attend $M dee-lead --status apologies
ok "ann-chief attends" --db $DB meeting attend $M ann-chief --status present
fails "an unknown status" 1 "" --db $DB meeting attend $M ann-chief --status asleep
ok "the open item's minutes" --db $DB minutes write $M "$OPEN" \
	--text "The audit found that neglect was recognised late in **half** the cases."
ok "its resolution" --db $DB resolution add $M "$OPEN" --text "That the audit report be noted"
ok "a second resolution" --db $DB resolution add $M "$OPEN" \
	--text "That partners report their progress in six months"
ok "the part-two item's minutes" --db $DB minutes write $M "$CONF" \
	--text "$SECRET was discussed."
fails "approval before the meeting is refused" 1 "" \
	--db $DB minutes status $M approved --approved-on 2026-03-01
ok "minutes approved at the next meeting" --db $DB minutes status $M approved \
	--approved-on 2026-07-02
ok "minutes published" --db $DB minutes status $M published --published-on 2026-07-03
ok "the meeting as recorded" --db $DB meeting show $M --json
json_is "two resolutions on the open item" \
	"[.items[] | select(.number == \"$OPEN\") | .resolutions[]] | length" 2

# --- what the public sees -------------------------------------------------
start_server $DB
req "$URL/meetings/$M"
code_is "the public meeting page" 200
body_has "the open item" "Multi-agency audit of neglect"
body_has "its minutes" "neglect was recognised late"
body_has "its resolution" "That the audit report be noted"
body_has "the open paper" "Neglect audit report"
body_has "the minutes as a PDF" "minutes.pdf"
body_has "the agenda pack" "pack.pdf"
body_hasnt "nothing of part two" "$SECRET"
req "$URL/meetings/$M/minutes.pdf"
code_is "the minutes PDF" 200
if pdftotext "$BODY" - 2>/dev/null | grep -q "That the audit report be noted" &&
	! pdftotext "$BODY" - 2>/dev/null | grep -q "$SECRET"; then
	pass "the minutes PDF has the open resolution and no part two"
else
	fail "the minutes PDF has the open resolution and no part two"
fi
req "$URL/meetings/$M/pack.pdf"
code_is "the public downloads the agenda pack" 200
req "$URL/meetings/$M/part-two-pack.pdf"
code_is "but not the part-two pack" 404
req "$URL/bodies/PERF"
body_has "the body page names the chair" "Bea Nurse"

# --- and the interchange holds it all --------------------------------------
ok "dump" --db $DB dump --output cycle.json
# dumped NAME JQ-FILTER EXPECTED: jq on the dump gives EXPECTED.
dumped() {
	local got
	got=$(jq -r "$2" cycle.json 2>&1)
	[ "$got" = "$3" ] && pass "$1" || fail "$1" "jq '$2' gave '$got', wanted '$3'"
}
dumped "the organisations" '.organizations | length' 4
dumped "the lead safeguarding partner" \
	'.organizations[] | select(.id == "council") | .lead_safeguarding_partner' ann-chief
dumped "the meetings" '.meetings | length' 4
dumped "the published agenda" \
	".meetings[] | select(.id == \"$M\") | .agenda_published_on" 2026-03-20
dumped "the minutes published on the date given" \
	".meetings[] | select(.id == \"$M\") | .minutes_published_on" 2026-07-03
dumped "approved on the date given, kept" \
	".meetings[] | select(.id == \"$M\") | .minutes_approved_on" 2026-07-02
dumped "the chair change, as two memberships" \
	'[.memberships[] | select(.body == "PERF" and .role == "chair") | .person] | join(",")' \
	"ann-chief,bea-nurse"
ok "it loads into a new database" --db again.db init
ok "load" --db again.db load cycle.json

done_testing
