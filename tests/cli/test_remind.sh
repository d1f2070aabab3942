# Reminders delivered to a real SMTP listener on 127.0.0.1: who gets which
# actions, nothing sent twice for the same action and day, failures that
# record nothing, and the settings they are sent with.
#
# The listener is Debian's python3-aiosmtpd writing a Maildir, with a small
# handler that refuses the recipients listed in $WORK/reject (to test a
# failure for one person while the others still go).
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
trap '[ -n "$SMTP_PID" ] && kill "$SMTP_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT

# A port on 127.0.0.1 that nothing listens on now.
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

# mails: how many messages the listener has received.
mails() {
	find "$WORK/mail/new" -type f 2>/dev/null | wc -l
}

# mails_is NAME N
mails_is() {
	local got
	got=$(mails)
	if [ "$got" -eq "$2" ]; then pass "$1"; else fail "$1" "$got messages received, wanted $2"; fi
}

# sent_rows DB: rows in reminder_sent.
sent_rows() {
	sqlite3 "$1" 'SELECT count(*) FROM reminder_sent'
}

# rows_is NAME DB N
rows_is() {
	local got
	got=$(sent_rows "$2")
	if [ "$got" = "$3" ]; then pass "$1"; else fail "$1" "reminder_sent has $got rows, wanted $3"; fi
}

# read_mail ADDRESS: the decoded messages to ADDRESS, into $OUT (headers
# From, To and Subject decoded, then the body), and their count into $NMAIL.
read_mail() {
	"$PY" - "$WORK/mail" "$1" >"$OUT" <<'EOF'
import email, email.header, email.policy, mailbox, sys
box = mailbox.Maildir(sys.argv[1], create=False)
n = 0
for key in sorted(box.keys()):
    raw = box.get_bytes(key)
    m = email.message_from_bytes(raw, policy=email.policy.default)
    if m["X-RcptTo"] != sys.argv[2]:
        continue
    n += 1
    print("=== message", n)
    for h in ("From", "To", "Subject", "Content-Type",
              "Content-Transfer-Encoding", "MIME-Version", "Message-ID",
              "Date", "Auto-Submitted"):
        print(h + ": " + str(m[h]))
    print()
    print(m.get_content())
print("count:", n)
EOF
	NMAIL=$(sed -n 's/^count: //p' "$OUT")
}

# one_mail NAME ADDRESS: exactly one message went to ADDRESS; it is in $OUT.
one_mail() {
	read_mail "$2"
	if [ "$NMAIL" = 1 ]; then pass "$1"; else fail "$1" "$NMAIL messages to $2, wanted 1"; fi
}

# A small partnership, on Monday 11 March 2024 (ON):
#   action   owner(s)            due                      expected on ON
#   TB/..1   ann                 2024-03-18               ann: due in 7 days
#   TB/..2   ann, bob            2024-03-11               ann, bob: due today
#   TB/..3   bob                 2024-03-01               bob: 10 days overdue
#   TB/..4   ann                 2024-03-04, discharged   nobody (finished)
#   TB/..5   all members of TB   2024-03-08               ann, dan (eve left): 3 days overdue
#   TB/..6   the police          2024-03-01               nobody (an organisation)
#   TB/..7   bob                 by the 18 March meeting  bob: due in 7 days
#   TB/..8   ann                 2024-03-13               nobody (in 2 days)
#   TB/..9   eve, then dan       2024-03-01               dan: 10 days overdue
#   TB/..10  dan, in progress    2024-03-11               dan: due today
#   TS/A1    cat (no e-mail)     2024-03-11               reported, not sent
ON=2024-03-11
NEXT=2024-03-12
cat >small.json <<'EOF'
{"format": "masa-interchange", "version": 2,
 "partnership": {"id": "ynys-mon", "name": "Ynys Môn Safeguarding Children Partnership"},
 "organizations": [{"id": "police", "name": "North Wales Police", "part": "safeguarding_partner"}],
 "people": [
  {"id": "ann", "name": "Ann Archer", "email": "ann@example.org", "organization": "police"},
  {"id": "bob", "name": "Bob Baker", "email": "bob@example.org"},
  {"id": "cat", "name": "Cat Cole"},
  {"id": "dan", "name": "Dan Dale", "email": "dan@example.org"},
  {"id": "eve", "name": "Eve Evans", "email": "eve@example.org"}],
 "bodies": [
  {"short_name": "TB", "name": "Test Board", "classification": "board"},
  {"short_name": "TS", "name": "Test Sub-group", "classification": "subgroup", "parent": "TB"}],
 "memberships": [
  {"person": "ann", "body": "TB", "role": "chair"},
  {"person": "dan", "body": "TB", "role": "member", "start_date": "2024-01-01"},
  {"person": "eve", "body": "TB", "role": "member", "end_date": "2024-02-29"},
  {"person": "cat", "body": "TS", "role": "member"}],
 "meetings": [
  {"id": "TB/2024-02-05", "body": "TB", "date": "2024-02-05", "status": "held",
   "agenda": [{"number": "1", "title": "Actions"}]},
  {"id": "TB/2024-03-18", "body": "TB", "date": "2024-03-18", "status": "scheduled"}],
 "actions": [
  {"id": "TB/2024-02-05/1", "body": "TB", "meeting": "TB/2024-02-05", "item": "1", "number": 1,
   "details": "Circulate the draft neglect strategy", "owners": [{"person": "ann"}],
   "due_date": "2024-03-18"},
  {"id": "TB/2024-02-05/2", "body": "TB", "meeting": "TB/2024-02-05", "number": 2,
   "details": "Agree the audit sample with health\nSecond line that the digest leaves out",
   "owners": [{"person": "ann"}, {"person": "bob"}], "due_date": "2024-03-11"},
  {"id": "TB/2024-02-05/3", "body": "TB", "meeting": "TB/2024-02-05", "number": 3,
   "details": "Report on missing-from-home return interviews: how many were offered within 72 hours, how many took place, what children said about why they went missing, and what was done with it by social care, the police and schools. END-OF-LONG-DETAILS",
   "owners": [{"person": "bob"}],
   "due_date": "2024-03-01"},
  {"id": "TB/2024-02-05/4", "body": "TB", "meeting": "TB/2024-02-05", "number": 4,
   "details": "Book the annual conference venue", "owners": [{"person": "ann"}],
   "due_date": "2024-03-04",
   "updates": [{"date": "2024-03-05", "text": "Booked", "status": "discharged"}]},
  {"id": "TB/2024-02-05/5", "body": "TB", "meeting": "TB/2024-02-05", "number": 5,
   "details": "Complete the section 11 self-assessment", "owners": [{"all_members": true}],
   "due_date": "2024-03-08"},
  {"id": "TB/2024-02-05/6", "body": "TB", "meeting": "TB/2024-02-05", "number": 6,
   "details": "Police data on domestic abuse notifications", "owners": [{"organization": "police"}],
   "due_date": "2024-03-01"},
  {"id": "TB/2024-02-05/7", "body": "TB", "meeting": "TB/2024-02-05", "number": 7,
   "details": "Bring the training evaluation to the next meeting", "owners": [{"person": "bob"}],
   "due_meeting": "TB/2024-03-18"},
  {"id": "TB/2024-02-05/8", "body": "TB", "meeting": "TB/2024-02-05", "number": 8,
   "details": "Draft the newsletter", "owners": [{"person": "ann"}], "due_date": "2024-03-13"},
  {"id": "TB/2024-02-05/9", "body": "TB", "meeting": "TB/2024-02-05", "number": 9,
   "details": "Write to schools about attendance", "owners": [{"person": "eve"}],
   "due_date": "2024-03-01",
   "updates": [{"date": "2024-02-20", "text": "Dan Dale in replacement of Eve Evans",
     "owners_added": [{"person": "dan"}], "owners_removed": [{"person": "eve"}]}]},
  {"id": "TB/2024-02-05/10", "body": "TB", "meeting": "TB/2024-02-05", "number": 10,
   "details": "Review the escalation policy", "owners": [{"person": "dan"}],
   "due_date": "2024-03-11",
   "updates": [{"date": "2024-03-01", "text": "Started", "status": "in_progress"}]},
  {"id": "TS/A1", "body": "TS", "number": 1, "raised_on": "2024-02-01",
   "details": "Map the sub-group's training offer", "owners": [{"person": "cat"}],
   "due_date": "2024-03-11"}]}
EOF

ok "remind --help" remind --help
has "remind --help shows --dry-run" "--dry-run"
ok "config set --help" config set --help

# The demo partnership: its people have no addresses.
ok "init --demo" --db demo.db init --demo
ok "dry run on the demo" --db demo.db remind --on 2014-12-04 --dry-run --from unit@example.org
line_has "demo: a person with no e-mail is reported" "^not reminded: " "has no e-mail address"
has "demo: nothing to send" "nothing to send on 2014-12-04"
rows_is "demo: dry run records nothing" demo.db 0

ok "load the small partnership" --db t.db load small.json

# Settings.
fails "remind needs a sender" 2 "no sender address" --db t.db remind --on $ON
fails "config get of an unset key" 1 "smtp_url is not set" --db t.db config get smtp_url
fails "config set of an unknown key" 2 "the settings are smtp_url" --db t.db config set smtp_host x
fails "config set: not an SMTP URL" 1 "must start with smtp:// or smtps://" \
	--db t.db config set smtp_url "http://127.0.0.1:$PORT"
fails "config set: not an address" 1 '"nobody" is not an e-mail address' \
	--db t.db config set mail_from nobody
fails "config set: header injection in mail_from" 1 "line break" \
	--db t.db config set mail_from "$(printf 'unit@example.org\r\nBcc: all@example.org')"
fails "config on a missing database" 1 "no masa database" --db none.db config set mail_from a@b.org
ok "config set mail_from" --db t.db config set mail_from reminders@example.org
ok "config set smtp_url" --db t.db config set smtp_url "smtp://127.0.0.1:$PORT"
ok "config get smtp_url" --db t.db config get smtp_url
has "config get gives the URL" "smtp://127.0.0.1:$PORT"
ok "config set a URL with a password" --db t.db config set smtp_url "smtp://unit:s3cret@127.0.0.1:$PORT"
hasnt "config set hides the password" "s3cret"
ok "config get with a password" --db t.db config get smtp_url
has "config get hides the password" "smtp://unit:***@127.0.0.1:$PORT"
if sqlite3 t.db "SELECT after FROM audit_log WHERE entity = 'setting'" | grep -q s3cret; then
	fail "the audit log never holds the password"
else
	pass "the audit log never holds the password"
fi
ok "config set smtp_url back" --db t.db config set smtp_url "smtp://127.0.0.1:$PORT"

# Dry run: every message in full, nothing sent, nothing recorded.
ok "dry run" --db t.db remind --on $ON --dry-run
has "dry run shows Ann's message" "To: \"Ann Archer\" <ann@example.org>"
has "dry run shows the subject" "Subject: masa: 1 action overdue, 1 due today, 1 due in 7 days"
has "dry run shows the headers" "Content-Type: text/plain; charset=UTF-8"
has "dry run shows the body" "Due in 7 days (Monday 18 March 2024)"
line_has "dry run: Cat has no address" "^not reminded: Cat Cole" "has no e-mail address (1 action)"
has "dry run summary" "3 messages shown, not sent; 1 without an e-mail address; nothing recorded"
mails_is "dry run sends nothing" 0
rows_is "dry run records nothing" t.db 0

# Failures record nothing.
before=$(sent_rows t.db)
fails "bad --smtp" 2 "remind --smtp: SMTP server: \"http://127.0.0.1:$PORT\" must start with smtp://" \
	--db t.db remind --on $ON --smtp "http://127.0.0.1:$PORT"
fails "--smtp with a line break" 2 "has a space or a character" \
	--db t.db remind --on $ON --smtp "$(printf 'smtp://127.0.0.1:%s\r\nRCPT TO:<x@y.org>' "$PORT")"
fails "unreachable server" 3 "through smtp://127.0.0.1:$DEAD_PORT" \
	--db t.db remind --on $ON --smtp "smtp://127.0.0.1:$DEAD_PORT"
if grep -q "stopped with 3 reminders not sent (and not recorded)" "$ERR"; then pass "unreachable: says what was not sent"; else
	fail "unreachable: says what was not sent"; fi
fails "header injection in --from" 2 "remind --from: an address cannot contain a line break" \
	--db t.db remind --on $ON --from "$(printf 'reminders@example.org\r\nBcc: all@example.org')"
fails "bad --from" 2 'remind --from: "Reminders <r@example.org>" is not an e-mail address' \
	--db t.db remind --on $ON --from "Reminders <r@example.org>"
fails "bad --on" 1 '"2024-02-30" is not a real date' --db t.db remind --on 2024-02-30
mails_is "failures send nothing" 0
rows_is "failures record nothing" t.db "$before"

# A real run in which the server refuses Bob: the others still go.
echo "bob@example.org" >"$WORK/reject"
run --db t.db remind --on $ON
if [ "$STATUS" -eq 3 ]; then pass "a refused recipient gives status 3"; else fail "a refused recipient gives status 3" "status $STATUS"; fi
if grep -q "not sent to Bob Baker <bob@example.org>: cannot send to bob@example.org through smtp://127.0.0.1:$PORT" "$ERR"; then
	pass "the refusal is reported"
else
	fail "the refusal is reported"
fi
has "sent to Ann" "sent to Ann Archer <ann@example.org>: 3 actions"
has "sent to Dan" "sent to Dan Dale <dan@example.org>: 3 actions"
has "Cat is listed as not reminded" "not reminded: Cat Cole has no e-mail address (1 action)"
has "summary" "reminders on $ON: 2 sent, 1 failed, 1 without an e-mail address"
hasnt "Eve gets nothing" "Eve"
mails_is "two messages arrived" 2
rows_is "Ann's and Dan's reminders are recorded" t.db 6

: >"$WORK/reject"
ok "the run again sends what is missing" --db t.db remind --on $ON
has "sent to Bob" "sent to Bob Baker <bob@example.org>: 3 actions"
hasnt "Ann is not sent again" "Ann Archer <"
hasnt "Dan is not sent again" "Dan Dale"
mails_is "three messages in all" 3
rows_is "nine reminders recorded" t.db 9

ok "a third run the same day" --db t.db remind --on $ON
has "nothing to send" "nothing to send on $ON"
hasnt "nothing sent" "sent to"
mails_is "still three messages" 3
rows_is "still nine reminders" t.db 9

# What arrived.
one_mail "exactly one message to Ann" ann@example.org
has "Ann: From, decoded" "From: Ynys Môn Safeguarding Children Partnership <reminders@example.org>"
has "Ann: To" "To: Ann Archer <ann@example.org>"
has "Ann: Subject" "Subject: masa: 1 action overdue, 1 due today, 1 due in 7 days"
has "Ann: plain text, UTF-8" "Content-Type: text/plain; charset=\"UTF-8\""
has "Ann: 8bit" "Content-Transfer-Encoding: 8bit"
has "Ann: MIME-Version" "MIME-Version: 1.0"
has "Ann: a Message-ID" "Message-ID: <masa."
has "Ann: auto-generated" "Auto-Submitted: auto-generated"
has "Ann: greeting" "Dear Ann Archer,"
has "Ann: overdue section" "Overdue"
has "Ann: all-members action overdue" "TB/2024-02-05/5 (TB)"
has "Ann: days overdue" "Due Friday 8 March 2024: 3 days overdue"
has "Ann: owners shown" "Owners: all members of TB"
has "Ann: today section" "Due today (Monday 11 March 2024)"
has "Ann: due today" "TB/2024-02-05/2 (TB)"
has "Ann: first line of details" "Agree the audit sample with health"
hasnt "Ann: only the first line" "Second line"
has "Ann: week section" "Due in 7 days (Monday 18 March 2024)"
has "Ann: due in 7 days" "TB/2024-02-05/1 (TB)"
hasnt "Ann: finished action left out" "TB/2024-02-05/4"
hasnt "Ann: due in 2 days left out" "TB/2024-02-05/8"
hasnt "Ann: organisation's action left out" "TB/2024-02-05/6"
has "Ann: signed by the partnership" "Ynys Môn Safeguarding Children Partnership"

one_mail "exactly one message to Bob" bob@example.org
has "Bob: overdue" "TB/2024-02-05/3 (TB)"
has "Bob: 10 days overdue" "10 days overdue"
has "Bob: long details cut short" "what was done with it by social care…"
hasnt "Bob: the end of long details left out" "END-OF-LONG-DETAILS"
has "Bob: due today, shared with Ann" "TB/2024-02-05/2"
has "Bob: due at the next meeting, in 7 days" "TB/2024-02-05/7"
hasnt "Bob: not a member of TB" "TB/2024-02-05/5"

one_mail "exactly one message to Dan" dan@example.org
has "Dan: Subject" "Subject: masa: 2 actions overdue, 1 due today"
has "Dan: all members" "TB/2024-02-05/5"
has "Dan: reassigned to him" "TB/2024-02-05/9"
has "Dan: in progress is unfinished" "TB/2024-02-05/10"
hasnt "Dan: no week section" "Due in 7 days"

read_mail eve@example.org
if [ "$NMAIL" = 0 ]; then pass "nothing to Eve (left the board, reassigned)"; else fail "nothing to Eve" "$NMAIL messages"; fi

# The next day: still-overdue actions are reminded again.
ok "the next day" --db t.db remind --on $NEXT
has "next day: Ann again" "sent to Ann Archer <ann@example.org>: 2 actions"
has "next day: Bob again" "sent to Bob Baker <bob@example.org>: 2 actions"
has "next day: Dan again" "sent to Dan Dale <dan@example.org>: 3 actions"
mails_is "six messages in all" 6
rows_is "sixteen reminders recorded" t.db 16
read_mail ann@example.org
has "Ann's second message: yesterday's due today is now overdue" "Due Monday 11 March 2024: 1 day overdue"
has "Ann's second message: 4 days overdue" "4 days overdue"
ok "the next day again" --db t.db remind --on $NEXT
has "next day again: nothing to send" "nothing to send on $NEXT"
mails_is "still six messages" 6

done_testing
