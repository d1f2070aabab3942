# Circulation of a meeting's papers, packs and draft minutes, delivered to
# a real SMTP listener on 127.0.0.1 (python3-aiosmtpd writing a Maildir,
# refusing the recipients listed in $WORK/reject): who is sent what and
# how (an open PDF attached byte for byte, a large paper as a link, part
# two only as a link that needs signing in, with no part-two title, and
# only to members), who is not and why, nothing sent twice on a day, a
# re-send to one person; the record on the meeting page per role; the
# admin's form with its preview, CSRF and refusals.
. "$(dirname "$0")/lib.sh"

PY=""
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import aiosmtpd' 2>/dev/null; then
		PY=$p
		break
	fi
done
if [ -z "$PY" ]; then
	fail "python3-aiosmtpd is installed (scripts/setup --test)"
	done_testing
	exit 1
fi

SMTP_PID=""
trap '[ -n "$SMTP_PID" ] && kill "$SMTP_PID" 2>/dev/null; stop_server' EXIT

free_port() {
	"$PY" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

cat >"$WORK/rejecting.py" <<'EOF'
# A Maildir handler that refuses recipients listed in reject (one a line).
import os
from aiosmtpd.handlers import Mailbox

class Handler(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, options):
        path = os.path.join(os.path.dirname(os.path.abspath(self.mail_dir)), "reject")
        try:
            with open(path) as f:
                refused = set(line.strip() for line in f)
        except FileNotFoundError:
            refused = set()
        if address in refused:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"
EOF

# The messages received, as JSON lines: recipient, subject, text, and each
# attachment's name, type and SHA-256; raw: the whole message as sent.
cat >"$WORK/read_mail.py" <<'EOF'
import email, email.policy, hashlib, json, mailbox, sys
box = mailbox.Maildir(sys.argv[1], create=False)
out = []
for key in sorted(box.keys()):
    raw = box.get_bytes(key)
    m = email.message_from_bytes(raw, policy=email.policy.default)
    text = m.get_body(preferencelist=("plain",)).get_content()
    files = []
    for part in m.iter_attachments():
        data = part.get_content()
        files.append({"name": part.get_filename(), "type": part.get_content_type(),
                      "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
    out.append({"to": m["X-RcptTo"], "subject": str(m["Subject"]), "text": text,
                "files": files, "raw": raw.decode("utf-8", "replace")})
json.dump(out, sys.stdout)
EOF

PORT=$(free_port)
DEAD_PORT=$(free_port)
: >"$WORK/reject"
PYTHONPATH=$WORK "$PY" -m aiosmtpd -n -l "127.0.0.1:$PORT" -c rejecting.Handler "$WORK/mail" \
	>"$WORK/smtp.log" 2>&1 &
SMTP_PID=$!
if wait_for 30 listening_on "$PORT"; then pass "SMTP listener on 127.0.0.1:$PORT"; else
	fail "SMTP listener on 127.0.0.1:$PORT" "$(cat "$WORK/smtp.log")"
	done_testing
	exit 1
fi

MAILS=$WORK/mails.json
# read_mails: every message received so far into $MAILS.
read_mails() {
	"$PY" "$WORK/read_mail.py" "$WORK/mail" >"$MAILS"
}
mails() {
	find "$WORK/mail/new" -type f 2>/dev/null | wc -l
}
# mails_is NAME N: N messages received in all.
mails_is() {
	local got
	got=$(mails)
	if [ "$got" -eq "$2" ]; then pass "$1"; else fail "$1" "$got messages received, wanted $2"; fi
}
# mail_is NAME JQ WANT: jq's answer over the messages.
mail_is() {
	local got
	read_mails
	got=$(jq -r "$2" "$MAILS")
	if [ "$got" = "$3" ]; then pass "$1"; else fail "$1" "got '$got', wanted '$3'"; fi
}
rows() {
	sqlite3 demo.db "SELECT count(*) FROM circulation WHERE document_id IS NULL $1"
}
rows_is() {
	local got
	got=$(rows "$2")
	if [ "$got" = "$3" ]; then pass "$1"; else fail "$1" "$got rows, wanted $3"; fi
}

PW="correct horse battery staple"
M=RLSCB/2014-09-04
"$MASA" --db demo.db init --demo >/dev/null
# Everyone has an address but Louise Blanc, a member of RLSCB.
sqlite3 demo.db "UPDATE person SET email = key || '@example.org' WHERE key <> 'louise-blanc'"
printf '%s\n' "$PW" | "$MASA" --db demo.db user add admin --role admin >/dev/null
printf '%s\n' "$PW" | "$MASA" --db demo.db user add sue --role member --person sue-cassin >/dev/null
printf '%s\n' "$PW" | "$MASA" --db demo.db user add una --role partner \
	--person una-jennings --organisation south-yorkshire-police >/dev/null
MEMBERS=$("$MASA" --db demo.db members RLSCB --on 2014-09-04 --json | jq '[.members[].person] | unique | length')
WITH_ADDRESS=$((MEMBERS - 1))

ok "a PDF to send" --db demo.db publish RLSCB/2014-06-05 --format pdf --output open.pdf
ok "another" --db demo.db publish RLSCB/2014-12-04 --format pdf --output secret.pdf
yes "The annual report of the partnership, a long plain text." | head -c 6000000 >big.txt
ok "an open paper" --db demo.db paper add $M open.pdf --item 1 --title "Minutes of June"
ok "a part-two paper" --db demo.db paper add $M secret.pdf --item 2 --title "Child S chronology"
ok "a paper over 5 MB" --db demo.db paper add $M big.txt --item 1 --title "Annual report"

# Settings and usage
fails "no site address: says how to set it" 2 "config set site_url" \
	--db demo.db circulate $M --paper 1
fails "a site address with a query is refused" 1 "site address" \
	--db demo.db config set site_url "https://masa.example.org/?x=1"
fails "a site address ending in / is refused" 1 "without a / at the end" \
	--db demo.db config set site_url "https://masa.example.org/"
ok "site_url set" --db demo.db config set site_url https://masa.example.org
ok "mail_from set" --db demo.db config set mail_from business.unit@example.org
ok "smtp_url set" --db demo.db config set smtp_url "smtp://127.0.0.1:$PORT"
fails "what to send is required" 2 "one of --pack" --db demo.db circulate $M
fails "only one thing at a time" 2 "one of --pack" --db demo.db circulate $M --pack --minutes
fails "a paper of another meeting" 1 "has no paper 99" --db demo.db circulate $M --paper 99
fails "an unknown person" 1 "--to" --db demo.db circulate $M --pack --to nobody-here

# A dry run sends and records nothing.
ok "dry run" --db demo.db circulate $M --paper 1 --dry-run
has "says who would get it attached" "would send to Ms Sue Cassin <sue-cassin@example.org>: attached"
has "and who would not, and why" "not sent to Louise Blanc: no e-mail address"
mails_is "dry run: no message" 0
rows_is "dry run: nothing recorded" "" 0

# An open paper to the members on the meeting's date: attached.
ok "the open paper to the members" --db demo.db circulate $M --paper 1
has "sent, attached" "sent to Ms Sue Cassin <sue-cassin@example.org>: attached"
has "the summary" "$WITH_ADDRESS sent, 1 not sent, 0 sent already"
mails_is "one message per member with an address" "$WITH_ADDRESS"
mail_is "each to a member" "[.[].to] | unique | length" "$WITH_ADDRESS"
mail_is "nobody outside the body" '[.[] | select(.to == "sarah-whittle@example.org")] | length' 0
mail_is "the PDF attached, byte for byte" \
	"[.[] | select(.to == \"sue-cassin@example.org\") | .files[0].sha256] | first" \
	"$(sha256sum open.pdf | cut -d' ' -f1)"
mail_is "as a PDF named for the paper" \
	'[.[] | select(.to == "sue-cassin@example.org") | .files[0].type] | first' "application/pdf"
mail_is "the subject names the body, the date and the paper" \
	'[.[] | select(.to == "sue-cassin@example.org") | .subject] | first' \
	'RLSCB 4 September 2014: the paper "Minutes of June" (item 1)'
mail_is "the text gives its link" \
	'[.[] | select(.to == "sue-cassin@example.org") | .text | contains("https://masa.example.org/papers/1")] | first' true
rows_is "a row per member" "AND paper_id = 1" "$MEMBERS"
rows_is "Louise Blanc recorded as not sent" \
	"AND paper_id = 1 AND how = 'not_sent' AND reason = 'no e-mail address'" 1
rows_is "the others as attached, with the time sent" \
	"AND paper_id = 1 AND how = 'attached' AND sent_at IS NOT NULL" "$WITH_ADDRESS"

# Again the same day: nothing sent twice.
ok "run again" --db demo.db circulate $M --paper 1
has "nothing sent again" "0 sent, 1 not sent, $WITH_ADDRESS sent already"
mails_is "no new message" "$WITH_ADDRESS"
rows_is "no new row" "AND paper_id = 1" "$MEMBERS"
# A row claimed by a run that crashed before sending counts as sent.
sqlite3 demo.db "UPDATE circulation SET sent_at = NULL WHERE paper_id = 1 AND person_id = (SELECT id FROM person WHERE key = 'sue-cassin')"
ok "after a crash" --db demo.db circulate $M --paper 1 --to sue-cassin
has "what may have gone is not sent twice" "interrupted"
mails_is "still no new message" "$WITH_ADDRESS"

# Part two: only members, only a link, no title.
before=$(fingerprint demo.db)
fails "part two to someone who is not a member is refused" 1 \
	"part two goes only to the members of RLSCB on 4 September 2014, who may see it; not to Sarah Whittle" \
	--db demo.db circulate $M --paper 2 --to sue-cassin,sarah-whittle
fails "the part-two pack too" 1 "not to Sarah Whittle" \
	--db demo.db circulate $M --part-two-pack --to sarah-whittle
fails "the part-two pack of a meeting without part two" 1 "RLSCB-QA/2014-11-11 has no part two" \
	--db demo.db circulate RLSCB-QA/2014-11-11 --part-two-pack
[ "$(fingerprint demo.db)" = "$before" ] && pass "nothing stored on refusal" || fail "nothing stored on refusal"
mails_is "nothing sent on refusal" "$WITH_ADDRESS"
ok "the part-two paper to the members" --db demo.db circulate $M --paper 2
has "as a link" "sent to Ms Sue Cassin <sue-cassin@example.org>: as a link"
mails_is "to every member with an address" $((2 * WITH_ADDRESS))
P2='[.[] | select(.subject | contains("confidential paper for item 2"))]'
mail_is "one message each" "$P2 | length" "$WITH_ADDRESS"
mail_is "none attached" "[$P2[] | .files | length] | add" 0
mail_is "no part-two title anywhere in them" "[$P2[] | .raw | contains(\"Child S\")] | any" false
mail_is "a link that needs signing in" \
	"[$P2[] | .text | contains(\"https://masa.example.org/sign-in?next=/papers/2\")] | all" true
rows_is "recorded as links" "AND paper_id = 2 AND how = 'link'" "$WITH_ADDRESS"

# A paper over 5 MB goes as a link.
ok "the large paper" --db demo.db circulate $M --paper 3 --to sue-cassin
has "as a link" "sue-cassin@example.org>: as a link"
mail_is "not attached" '[.[] | select(.subject | contains("Annual report")) | .files | length] | first' 0

# The draft minutes: a link to the meeting page behind signing in.
ok "the draft minutes" --db demo.db circulate $M --minutes --to sue-cassin
mail_is "a link to the meeting" \
	'[.[] | select(.subject | contains("draft minutes")) | .text | contains("https://masa.example.org/sign-in?next=/meetings/RLSCB/2014-09-04")] | first' true

# The server refuses one person: recorded as not sent, the others go.
echo "tracy-holmes@example.org" >"$WORK/reject"
n_before=$(mails)
run --db demo.db circulate $M --pack
[ "$STATUS" = 3 ] && pass "a refusal exits 3" || fail "a refusal exits 3" "exit $STATUS"
has "says the server refused" "not sent to Tracy Holmes <tracy-holmes@example.org>: refused by the mail server"
mails_is "the others received it" $((n_before + WITH_ADDRESS - 1))
rows_is "the refusal recorded" "AND what = 'pack' AND how = 'not_sent' AND reason LIKE 'refused by the mail server%550%'" 1
: >"$WORK/reject"
ok "a second run sends what is missing" --db demo.db circulate $M --pack
has "only to her" "1 sent, 1 not sent, $((WITH_ADDRESS - 1)) sent already"
mail_is "she has it now" '[.[] | select(.to == "tracy-holmes@example.org" and (.subject | contains("agenda pack")))] | length' 1
rows_is "her row now says sent" "AND what = 'pack' AND how = 'link' AND sent_at IS NOT NULL" "$WITH_ADDRESS"

# A re-send to one person, and a server that cannot be reached.
n_before=$(mails)
ok "re-send to one person" --db demo.db circulate $M --pack --to phil-morris --again
mails_is "one more message" $((n_before + 1))
rows_is "still one row for the day" "AND what = 'pack' AND person_id = (SELECT id FROM person WHERE key = 'phil-morris')" 1
run --db demo.db circulate $M --minutes --smtp "smtp://127.0.0.1:$DEAD_PORT"
[ "$STATUS" = 3 ] && pass "an unreachable server exits 3" || fail "an unreachable server exits 3" "exit $STATUS"
has "says so" "the mail server could not be reached"
rows_is "recorded as not sent, for a later run" "AND what = 'minutes' AND reason = 'the mail server could not be reached'" $((WITH_ADDRESS - 1))

ok "circulation --json" --db demo.db circulation $M --json
json_is "the record lists every row" 'length' "$(rows "")"
json_is "a member's open paper" '[.[] | select(.person == "sue-cassin" and .paper == 1)][0].how' attached
json_is "part two marked" '[.[] | select(.paper == 2)][0].part_two' true
json_is "why not" '[.[] | select(.person == "louise-blanc" and .paper == 1)][0].reason' "no e-mail address"
ok "circulation as a table" --db demo.db circulation $M
has "with its columns" "SENT ON"

# The record on the meeting page, per role.
start_server demo.db
TODAY=$(date -u +%-d\ %B\ %Y)
req "$URL/meetings/$M"
code_is "the public meeting page" 200
body_has "the public sees the paper" "Minutes of June"
body_hasnt "but not its circulation" "Sent to"
body_hasnt "nor who was sent it" "Sue Cassin (attached)"
sign_in admin.jar admin "$PW"
req -b admin.jar "$URL/meetings/$M"
body_has "the admin sees how many" "Sent to $WITH_ADDRESS members on $TODAY"
body_has "and their names" "Ms Sue Cassin (attached)"
body_has "and who was not sent it" "Louise Blanc: no e-mail address"
body_has "the pack's circulation" "The agenda pack"
sign_in sue.jar sue "$PW"
req -b sue.jar "$URL/meetings/$M"
body_has "a member sees the circulation" "Sent to $WITH_ADDRESS members on $TODAY"
body_has "of the part-two paper too" "Child S chronology"
sign_in una.jar una "$PW"
req -b una.jar "$URL/meetings/$M"
code_is "a partner outside the body" 200
body_has "sees the open paper" "Minutes of June"
body_hasnt "not its circulation" "Sent to"
req -b una.jar "$URL/meetings/$M/circulation"
code_is "the record page is the admin's" 403 404
req -b admin.jar "$URL/meetings/$M/papers"
body_has "the papers page says who was sent each" "Sent to $WITH_ADDRESS members on $TODAY"
body_has "with a link to send one" "href=\"/meetings/$M/circulate?what=paper-1\""
req -b admin.jar "$URL/meetings/$M/circulate?what=paper-1"
body_has "which comes chosen" 'value="paper-1" checked'

# The form
req -b admin.jar "$URL/meetings/$M/circulate"
code_is "the form" 200
body_has "what to send" "What to send"
body_has "the members, ticked" "value=\"$(sqlite3 demo.db "SELECT id FROM person WHERE key = 'sue-cassin'")\" checked"
body_has "anyone else" "Anyone else in the partnership"
SUE=$(sqlite3 demo.db "SELECT id FROM person WHERE key = 'sue-cassin'")
SARAH=$(sqlite3 demo.db "SELECT id FROM person WHERE key = 'sarah-whittle'")
PHIL=$(sqlite3 demo.db "SELECT id FROM person WHERE key = 'phil-morris'")
token=$(csrf_of)
req -b admin.jar "$URL/meetings/$M/circulate" --data "what=paper-1&to=$SUE"
code_is "without CSRF: refused" 403
before=$(fingerprint demo.db)
n_before=$(mails)
req -b admin.jar "$URL/meetings/$M/circulate" --data-urlencode "csrf=$token" --data "to=$SUE"
code_is "nothing chosen to send" 400
body_has "an error summary" "There is a problem"
body_has "saying what to do" "Choose what to send"
req -b admin.jar "$URL/meetings/$M/circulate" --data-urlencode "csrf=$token" --data "what=pack"
code_is "nobody chosen" 400
body_has "says to choose" "Choose who to send it to"
req -b admin.jar "$URL/meetings/$M/circulate" --data-urlencode "csrf=$token" \
	--data "what=paper-2&to=$SUE&to=$SARAH&send=yes"
code_is "part two to a non-member" 400
body_has "refused, naming her" "not to Sarah Whittle"
body_has "what was ticked stays ticked" "value=\"$SARAH\" checked"
[ "$(fingerprint demo.db)" = "$before" ] && pass "nothing stored on any refusal" || fail "nothing stored on any refusal"
mails_is "nothing sent on any refusal" "$n_before"
req -b admin.jar "$URL/meetings/$M/circulate" --data-urlencode "csrf=$token" \
	--data "what=paper-1&to=$SARAH&to=$PHIL"
code_is "the preview" 200
body_has "asks to check" "Check who will be sent it"
body_has "lists who, and how" "Attached"
body_has "and who already has it" "Not sent again: sent already that day"
body_has "with the send button" "Send to 1 person"
mails_is "the preview sends nothing" "$n_before"
req -b admin.jar "$URL/meetings/$M/circulate" --data-urlencode "csrf=$token" \
	--data "what=paper-1&to=$SARAH&to=$PHIL&send=yes"
code_is "send: 303" 303
header_has "to the record" "Location: /meetings/$M/circulation?sent=1"
mails_is "one message sent" $((n_before + 1))
mail_is "to Sarah Whittle, attached" \
	"[.[] | select(.to == \"sarah-whittle@example.org\") | .files[0].sha256] | first" \
	"$(sha256sum open.pdf | cut -d' ' -f1)"
req -b admin.jar "$URL/meetings/$M/circulation?sent=1&failed=0"
code_is "the record page" 200
body_has "shows how it went" "Sent to 1; not sent to 0"
body_has "lists who was sent what" "Sarah Whittle (sarah-whittle@example.org)"
body_has "with a re-send button per person" "Re-send Minutes of June (item 1) to Sarah Whittle"
ROW=$(sqlite3 demo.db "SELECT id FROM circulation WHERE paper_id = 1 AND person_id = $SARAH")
token=$(csrf_of)
req -b admin.jar -X POST "$URL/meetings/$M/circulation/$ROW/resend"
code_is "re-send without CSRF: refused" 403
req -b admin.jar "$URL/meetings/$M/circulation/$ROW/resend" --data-urlencode "csrf=$token"
code_is "re-send: 303" 303
mails_is "one more message" $((n_before + 2))
mail_is "to her again" '[.[] | select(.to == "sarah-whittle@example.org")] | length' 2
req -b admin.jar "$URL/meetings/$M/circulation/999999/resend" --data-urlencode "csrf=$token"
code_is "no such row" 404
req -b sue.jar "$URL/meetings/$M/circulate"
code_is "a member cannot send" 403 404
req "$URL/meetings/$M/circulate"
code_is "nor the public" 303 401 403 404

done_testing
