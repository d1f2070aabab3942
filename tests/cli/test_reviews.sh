# Practice reviews, recommendations and learning briefings on the demo
# partnership, through the command line, the pages, the API and the CSV, as
# every role: the public sees published reviews and briefings only; a member
# of another body sees nothing of a review in progress; the members of the
# holding body, the chair and the admin see it; a partner sees only the
# recommendations its organisation owns of a review in progress; reading a
# case is written to the audit log; bad input leaves the database as it was.
. "$(dirname "$0")/lib.sh"

run --help
if ! grep -q "review add" "$OUT"; then
	fail "masa has the review commands" "register cmd_review_add and the others in src/cli/main.c"
	
# Every API answer above matches the OpenAPI document.
if command -v node >/dev/null && [ -d "$ROOT/node_modules/@seriousme/openapi-schema-validator" ]; then
	as public /api/v1/openapi.json
	cp "$BODY" "$WORK/openapi.json"
	(cd "$ROOT" && node tests/api/validate.mjs "$WORK/openapi.json" "$WORK/samples.tsv") >validate.out 2>&1
	while IFS= read -r line; do
		case $line in
		"ok - "*) pass "openapi: ${line#ok - }" ;;
		"not ok - "*) fail "openapi: ${line#not ok - }" "$(grep -A2 -F -- "$line" validate.out | sed -n 2p)" ;;
		esac
	done <validate.out
else
	skip "the OpenAPI check needs node and npm ci"
fi

done_testing
	exit 0
fi
for c in "review add" "review set" "review contribution" "review list" "review show" \
	"recommendation add" "recommendation set" "recommendation list" "recommendation close" \
	"recommendation action" "evidence add" "evidence judge" "briefing add" "briefing publish" \
	"briefing circulate" "briefing list"; do
	# shellcheck disable=SC2086
	ok "$c --help" $c --help
done

ok "init --demo" --db demo.db init --demo
has "the demo has the reviews and the briefing" "2 practice_reviews, 1 learning_briefings"

# ---- the demo: the 2014 serious case review held, the 2019 review published
ok "review list" --db demo.db review list
line_has "the SCR is held for the criminal proceedings" "SCR-2014-01" "RLSCB-SCR" "final" "Held (Criminal proceedings): looked at again on 5 March 2015"
line_has "the local review was published late" "LCSPR-2019-01" "RSCP-CPRP" "Published 1 June 2020, 24 working days late"
ok "review show SCR-2014-01" --db demo.db review show SCR-2014-01
has "by SILP" "SILP (Significant Incident Learning Process)"
has "the seed's words on publication" "No timescales for publication as the criminal investigation is still going ahead"
has "a contribution received late, in working days" "Rotherham Council: Individual management review, due 2014-06-30, received 2014-07-21 (late by 15 working days)"
ok "review show --json" --db demo.db review show LCSPR-2019-01 --json
json_is "published with its address" '.published_url' "https://www.example.org/rscp/reviews/lcspr-2019-01-child-r.pdf"
json_is "the publication clock" '.publication' "Published 1 June 2020, 24 working days late"
ok "recommendation list --json" --db demo.db recommendation list --review LCSPR-2019-01 --json
json_is "four recommendations" 'length' "4"
json_is "one open with no judgement, one amber, one closed green, one closed with a reason" \
	'[.[] | [.number, .status, (.latest_rag // "-"), ((.closed_reason // "") | length > 0)] | map(tostring) | join(" ")] | join(", ")' \
	"1 open - false, 2 open amber false, 3 closed green false, 4 closed - true"
ok "briefing list" --db demo.db briefing list
line_has "the briefing is published" "Seven-minute briefing: Child R" "LCSPR-2019-01" "2020-06-15"

# ---- a review commissioned, moved on, signed off and published
ok "review add" --db demo.db review add --reference LCSPR-2024-02 --title "Child T" --body RSCP-CPRP --commissioned-on 2024-02-29 --method SILP
has "publication due six calendar months on (29 February to 29 August)" "publication due 2024-08-29"
ok "contribution asked" --db demo.db review contribution LCSPR-2024-02 --organisation south-yorkshire-police --what Chronology --due 2024-03-28
ok "contribution received" --db demo.db review contribution LCSPR-2024-02 --organisation south-yorkshire-police --what Chronology --received 2024-04-02
ok "review show" --db demo.db review show LCSPR-2024-02
has "received 1 working day late (Good Friday and Easter Monday not counted)" "received 2024-04-02 (late by 1 working day)"
for s in fieldwork:2024-03-04 involvement:2024-04-15 draft:2024-06-03 final:2024-07-22; do
	ok "stage ${s%%:*}" --db demo.db review set LCSPR-2024-02 --stage "${s%%:*}" --on "${s#*:}"
done

before=$(fingerprint demo.db)
unchanged() {
	if [ "$(fingerprint demo.db)" = "$before" ]; then pass "$1: database unchanged"; else fail "$1: database changed"; fi
}
fails "a name as a reference" 1 "looks like a name" --db demo.db review add --reference "Smith-2024" --title x --body RSCP-CPRP
unchanged "a name as a reference"
fails "a date of birth in a reference" 1 "reads as a date" --db demo.db review add --reference "CHILD-12032019" --title x --body RSCP-CPRP
unchanged "a date of birth"
fails "a stage back" 1 "stages only move forward" --db demo.db review set LCSPR-2024-02 --stage draft --on 2024-08-01
unchanged "a stage back"
fails "sign-off before the final report" 1 "Date signed off by the partners (2024-07-01) is before Date of the final report (2024-07-22)" --db demo.db review set LCSPR-2024-02 --signed-off-on 2024-07-01
unchanged "sign-off before the final report"
fails "publication before the sign-off" 1 "Date published (2024-08-01) needs Date signed off by the partners first" --db demo.db review set LCSPR-2024-02 --published-on 2024-08-01 --published-url https://www.example.org/r.pdf
unchanged "publication without sign-off"
fails "published before sent to the panel" 1 "Date published (2024-08-10) is before Date sent to the national panel and the Secretary of State (2024-08-12)" \
	--db demo.db review set LCSPR-2024-02 --signed-off-on 2024-08-05 --sent-to-panel-on 2024-08-12 --published-on 2024-08-10 --published-url https://www.example.org/r.pdf
unchanged "published before sent to the panel"
fails "a hold without a review date" 1 "Date the hold is looked at again is missing" --db demo.db review set LCSPR-2024-02 --held-reason family_wishes
unchanged "a hold without a review date"
fails "an unknown hold reason" 1 "Publication held because" --db demo.db review set LCSPR-2024-02 --held-reason whim --held-review-on 2024-12-01
unchanged "an unknown hold reason"
fails "a closing without evidence or reason" 1 "has no evidence of impact recorded" --db demo.db recommendation close LCSPR-2019-01 1
unchanged "a closing without evidence"
fails "a judgement that is no colour" 1 "is not one of red, amber or green" --db demo.db evidence judge LCSPR-2019-01 2 --checkpoint "6 months" --rag purple
unchanged "a judgement that is no colour"
fails "judging a checkpoint with no evidence" 1 "no evidence has been recorded" --db demo.db evidence judge LCSPR-2019-01 2 --checkpoint "12 months" --rag green
unchanged "judging a checkpoint with no evidence"
fails "evidence of an unknown kind" 1 "Kind of evidence" --db demo.db evidence add LCSPR-2019-01 2 --checkpoint "12 months" --kind rumour --summary x
unchanged "evidence of an unknown kind"
fails "circulating a briefing before its publication" 1 "Date sent (2020-06-01) is before the briefing was published (2020-06-15)" --db demo.db briefing circulate 1 --audience "Schools" --on 2020-06-01
unchanged "circulating before publication"
fails "circulating it twice to the same audience on a day" 1 "already" --db demo.db briefing circulate 1 --audience "Designated safeguarding leads in schools" --on 2020-06-16
unchanged "circulating twice"
fails "an owner of no organisation" 1 "Owning organisation" --db demo.db recommendation add LCSPR-2024-02 --text "x" --organisation nobody-at-all
unchanged "an owner of no organisation"

ok "sign off, send and publish" --db demo.db review set LCSPR-2024-02 --signed-off-on 2024-08-05 --sent-to-panel-on 2024-08-12 --published-on 2024-09-02 --published-url https://www.example.org/rscp/lcspr-2024-02.pdf --summary "What the review found."
ok "review list after publishing" --db demo.db review list
line_has "published 2 working days late (due 29 August 2024)" "LCSPR-2024-02" "Published 2 September 2024, 2 working days late"
ok "recommendation add" --db demo.db recommendation add LCSPR-2024-02 --text "Share chronologies within a week." --organisation south-yorkshire-police --body RSCP-CPRP --due 2099-12-31
ok "raise an action from it" --db demo.db recommendation action LCSPR-2024-02 1
has "the action is in RSCP-CPRP's log" "raised action RSCP-CPRP/A3"
ok "actions show" --db demo.db actions show RSCP-CPRP/A3
has "owned by the owning organisation" "South Yorkshire Police"
has "due when the recommendation is" "2099"
ok "evidence add" --db demo.db evidence add LCSPR-2024-02 1 --checkpoint "6 months" --kind feedback --summary "Officers say chronologies arrive sooner." --on 2025-03-03
ok "evidence judge" --db demo.db evidence judge LCSPR-2024-02 1 --checkpoint "6 months" --rag green --by christine-cassell
ok "recommendation close with evidence" --db demo.db recommendation close LCSPR-2024-02 1 --on 2025-03-10
ok "recommendation list --csv" --db demo.db recommendation list --review LCSPR-2024-02 --csv
has "the CSV has the owner, status and judgement" "LCSPR-2024-02,1,south-yorkshire-police,RSCP-CPRP,2099-12-31,closed,green,6 months"

ok "briefing add" --db demo.db briefing add --title "Briefing: Child T" --review LCSPR-2024-02
ok "a briefing of the held SCR, not published" --db demo.db briefing add --title "Draft briefing" --review SCR-2014-01
printf 'MZ\x90\x00 not a document' >prog.pdf
before=$(fingerprint demo.db)
fails "a program named .pdf" 1 "File" --db demo.db briefing add --title "Bad" --file prog.pdf
unchanged "a program named .pdf"
fails "circulating a briefing not published" 1 "not published yet" --db demo.db briefing circulate 3 --audience "Schools"
unchanged "circulating an unpublished briefing"
ok "briefing publish" --db demo.db briefing publish 2 --on 2024-09-10
ok "briefing circulate" --db demo.db briefing circulate 2 --audience "Designated safeguarding leads in schools" --on 2024-09-11 --recipients 112

# ---- a review in progress held by RSCP-CPRP, and the accounts of each role
ok "a review in progress" --db demo.db review add --reference LCSPR-2025-01 --title "Child U" --body RSCP-CPRP --commissioned-on 2025-01-06 --terms-of-reference "SECRET-TERMS of the review"
ok "its recommendation owned by the council" --db demo.db recommendation add LCSPR-2025-01 --text "COUNCIL-REC pre-birth" --organisation rotherham-council --body RSCP-CPRP
ok "its recommendation owned by the police" --db demo.db recommendation add LCSPR-2025-01 --text "POLICE-REC strategy" --organisation south-yorkshire-police --body RSCP-CPRP
ok "a member of RSCP-CPRP" --db demo.db member add --body RSCP-CPRP --person pete-horner --role member --start-date 2020-01-01
ok "a member of another body" --db demo.db member add --body RSCP-EXPL --person una-jennings --role member --start-date 2020-01-01
printf '%s\n' 'a long passphrase for tests' >pw
ok "admin" --db demo.db user add admin@example.org --role admin <pw
ok "chair" --db demo.db user add chair@example.org --role chair --person christine-cassell <pw
ok "holder" --db demo.db user add holder@example.org --role member --person pete-horner <pw
ok "other" --db demo.db user add other@example.org --role member --person sue-cassin <pw
ok "council partner" --db demo.db user add council@example.org --role partner --person warren-carratt --organisation rotherham-council <pw
for who in admin chair holder other council; do
	"$MASA" --db demo.db token create "$who@example.org" --name tests >"tok_$who" 2>/dev/null
	eval "TOKEN_$who=\$(cat tok_$who)"
done

start_server demo.db
pass "serve starts"
# as WHO PATH [CURL ARGS]: a request as WHO (public or an account's token).
as() {
	local who=$1 path=$2 token
	shift 2
	rm -f "$BODY" "$HEAD"
	if [ "$who" = public ]; then
		CODE=$(curl -s --max-time 10 -o "$BODY" -D "$HEAD" -w '%{http_code}' "$@" "$URL$path" 2>/dev/null)
	else
		token=$(eval "echo \$TOKEN_$who")
		CODE=$(curl -s --max-time 10 -o "$BODY" -D "$HEAD" -w '%{http_code}' \
			-H "Authorization: Bearer $token" "$@" "$URL$path" 2>/dev/null)
	fi
	# API answers are kept for the check against the OpenAPI document.
	case $path in /api/*)
		local method=GET a
		for a in "$@"; do [ "${prev:-}" = -X ] && method=$a; prev=$a; done
		prev=""
		nsample=$((nsample + 1))
		cp "$BODY" "$WORK/sample.$nsample"
		printf '%s\t%s\t%s\t%s\n' "$method" "$path" "$CODE" "$WORK/sample.$nsample" >>"$WORK/samples.tsv"
		;;
	esac
}
nsample=0
: >"$WORK/samples.tsv"
views() {
	if [ -n "$PG" ]; then echo 0; return; fi
	sqlite3 demo.db "SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND entity = 'practice_review' AND actor LIKE '%$1%'"
}

# The review in progress: its case to the holding body, the chair, the admin.
for who in public other; do
	as $who /api/v1/reviews/LCSPR-2025-01
	code_is "$who: the API does not find a review in progress" 404
	as $who /api/v1/reviews
	if grep -q LCSPR-2025-01 "$BODY"; then fail "$who: the API list leaves it out"; else pass "$who: the API list leaves it out"; fi
done
for who in public other council; do
	as $who /reviews/practice/LCSPR-2025-01
	code_is "$who: no page of a review in progress" 404
	as $who /reviews/practice
	body_hasnt "$who: the list leaves out a review in progress" "LCSPR-2025-01"
done
for who in holder chair admin; do
	as $who /reviews/practice/LCSPR-2025-01
	code_is "$who: the page of the review in progress" 200
	body_has "$who: with its terms of reference" "SECRET-TERMS"
done
as public /reviews/practice/SCR-2014-01
code_is "public: no page of the held SCR" 404
as public /reviews/practice
body_hasnt "public: the list leaves out the held SCR" "SCR-2014-01"
body_has "public: the list has the published review" "LCSPR-2019-01"
for who in holder chair admin; do
	n0=$(views "$who@")
	as $who /api/v1/reviews/LCSPR-2025-01
	code_is "$who: the API shows the review in progress" 200
	body_has "$who: with its terms of reference" "SECRET-TERMS"
	n1=$(views "$who@")
	if [ -n "$PG" ] || [ "$n1" -gt "$n0" ]; then pass "$who: the reading is in the audit log"; else fail "$who: the reading is in the audit log" "$n0 then $n1"; fi
	as $who /api/v1/reviews/LCSPR-2025-01/recommendations
	body_has "$who: sees the council's recommendation" "COUNCIL-REC"
	body_has "$who: sees the police's recommendation" "POLICE-REC"
done
as chair /api/v1/reviews/SCR-2014-01
code_is "chair: sees the held SCR" 200
as holder /api/v1/reviews/SCR-2014-01
code_is "a member of RSCP-CPRP: not the SCR of another body" 404

# A partner: only the recommendations its organisation owns.
as council /api/v1/reviews/LCSPR-2025-01
code_is "council partner: no review in progress" 404
as council /reviews/recommendations.csv
code_is "council partner: the CSV" 200
body_has "council partner: its own recommendation in the CSV" "COUNCIL-REC"
body_hasnt "council partner: not the police's" "POLICE-REC"
as council "/reviews/recommendations?mine=1"
body_has "council partner: our recommendations" "COUNCIL-REC"
body_hasnt "council partner: not another organisation's in progress" "POLICE-REC"
as other /reviews/recommendations.csv
body_hasnt "another body's member: nothing of the review in progress in the CSV" "COUNCIL-REC"
as public /reviews/recommendations.csv
body_hasnt "public: nothing of the review in progress in the CSV" "COUNCIL-REC"
body_has "public: the published review's recommendations" "LCSPR-2019-01"

# The published review: everyone, without its case.
n0=$(views "web:")
as public /reviews/practice/LCSPR-2019-01
code_is "public: the published review" 200
body_has "public: its summary" "midwifery booking were not shared"
body_has "public: its report" "lcspr-2019-01-child-r.pdf"
body_hasnt "public: not its agencies' contributions" "Chronology"
as public /api/v1/reviews/LCSPR-2019-01
json_ok() { if jq -e "$2" "$BODY" >/dev/null 2>&1; then pass "$1"; else fail "$1" "jq $2 on $(head -c 300 "$BODY")"; fi; }
json_ok "public API: the published review without its terms or contributions" '.reference == "LCSPR-2019-01" and (has("terms_of_reference") | not) and (has("contributions") | not) and .publication.state == "published" and .publication.late_working_days == 24'
if [ -n "$PG" ] || [ "$(views "")" = "$(sqlite3 demo.db "SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND entity = 'practice_review'")" ]; then pass "counted views"; else fail "counted views"; fi
as public /learning
code_is "public: learning" 200
body_has "public: the published briefing" "Seven-minute briefing: Child R"
body_has "public: the briefing published by the command line" "Briefing: Child T"
body_hasnt "public: not the briefing of the held SCR" "Draft briefing"
as public /api/v1/learning
json_ok "public API: published briefings only" '[.data[].title] | (index("Seven-minute briefing: Child R") != null) and (index("Draft briefing") == null)'
as public /learning/3
code_is "public: no unpublished briefing" 404
as admin /learning/3
code_is "admin: the unpublished briefing" 200

# Pages as the holder: the review, its recommendation and the forms.
sign_in holder.jar holder@example.org 'a long passphrase for tests'
code_is "holder signs in" 303
req -b holder.jar "$URL/reviews/practice/LCSPR-2025-01"
code_is "holder: the review page" 200
body_has "holder: its stages" "Scoping"
body_has "holder: the stage form" "Move to the next stage"
token=$(csrf_of)
req -b holder.jar "$URL/reviews/practice/LCSPR-2025-01/stage" --data-urlencode "csrf=$token" \
	--data-urlencode "stage=fieldwork" --data-urlencode "started-day=1" --data-urlencode "started-month=1" --data-urlencode "started-year=2025"
code_is "holder: a stage before the review was commissioned is refused" 400
body_has "holder: saying why" "is before the day the scoping stage began"
body_has "holder: with the typed date again" 'value="2025"'
req -b holder.jar "$URL/reviews/practice/LCSPR-2025-01/stage" --data-urlencode "csrf=$token" \
	--data-urlencode "stage=fieldwork" --data-urlencode "started-day=3" --data-urlencode "started-month=2" --data-urlencode "started-year=2025"
code_is "holder: moves the review on" 303
req -b holder.jar "$URL/reviews/practice/LCSPR-2025-01/recommendations/1"
code_is "holder: the recommendation page" 200
token=$(csrf_of)
req -b holder.jar "$URL/reviews/practice/LCSPR-2025-01/recommendations/1/close" --data-urlencode "csrf=$token" --data-urlencode "reason="
code_is "holder: closing without evidence or reason is refused" 400
body_has "holder: saying so" "has no evidence of impact recorded"
req -b holder.jar "$URL/reviews/practice/LCSPR-2025-01/recommendations/1/actions" --data-urlencode "csrf=$token" --data-urlencode "details=Train midwives"
code_is "holder: raises an action" 303
req -b holder.jar "$URL/reviews/practice/LCSPR-2025-01/recommendations/1"
body_has "holder: the action is listed" "RSCP-CPRP/A4"
req -b holder.jar "$URL/reviews/practice/LCSPR-2025-01/recommendations/1/judge" --data-urlencode "csrf=$token" --data-urlencode "checkpoint=6 months" --data-urlencode "rag=green"
code_is "holder: a member may not judge" 403

# The council partner records evidence on its own recommendation.
sign_in council.jar council@example.org 'a long passphrase for tests'
req -b council.jar "$URL/reviews/practice/LCSPR-2025-01/recommendations/1"
code_is "council partner: its own recommendation's page" 200
body_has "council partner: may record evidence" "Record evidence of impact"
body_hasnt "council partner: may not judge" "Judge the impact"
token=$(csrf_of)
req -b council.jar "$URL/reviews/practice/LCSPR-2025-01/recommendations/1/evidence" --data-urlencode "csrf=$token" \
	--data-urlencode "checkpoint=6 months" --data-urlencode "kind=audit" --data-urlencode "summary=Audit of 20 referrals"
code_is "council partner: records evidence" 303
req -b council.jar "$URL/reviews/practice/LCSPR-2025-01/recommendations/2"
code_is "council partner: not the police's recommendation" 404
sign_in chair.jar chair@example.org 'a long passphrase for tests'
req -b chair.jar "$URL/reviews/practice/LCSPR-2025-01/recommendations/1"
token=$(csrf_of)
req -b chair.jar "$URL/reviews/practice/LCSPR-2025-01/recommendations/1/judge" --data-urlencode "csrf=$token" --data-urlencode "checkpoint=6 months" --data-urlencode "rag=amber"
code_is "chair: judges" 303
req -b chair.jar "$URL/reviews/practice/LCSPR-2025-01/recommendations/1"
body_has "chair: the judgement shows" "Amber"
body_has "chair: by the chair" "by Christine Cassell"

# The API: commission, change and add a recommendation.
as chair /api/v1/reviews -X POST -H 'Content-Type: application/json' \
	-d '{"reference": "LCSPR-2025-02", "title": "Child V", "body": "RSCP-CPRP", "commissioned_on": "2025-03-03"}'
code_is "chair: API commissions a review" 201
json_ok "due six months on" '.publication_due_on == "2025-09-03"'
before=$(fingerprint demo.db)
as chair /api/v1/reviews -X POST -H 'Content-Type: application/json' \
	-d '{"reference": "Baby Jones", "title": "x", "body": "RSCP-CPRP"}'
code_is "API: a name as a reference is refused" 400
body_has "API: saying why" "has a space"
as holder /api/v1/reviews/LCSPR-2025-02 -X PATCH -H 'Content-Type: application/json' -d '{"signed_off_on": "2025-04-01"}'
code_is "API: sign-off before a final report is refused" 400
unchanged "API refusals"
as holder /api/v1/reviews/LCSPR-2025-02 -X PATCH -H 'Content-Type: application/json' -d '{"stage": "fieldwork", "stage_started_on": "2025-04-01", "reviewer": "An independent reviewer"}'
code_is "holder: API moves the stage and sets the reviewer" 200
json_ok "API: the change shows" '.stage == "fieldwork" and .reviewer == "An independent reviewer"'
as other /api/v1/reviews/LCSPR-2025-02 -X PATCH -H 'Content-Type: application/json' -d '{"reviewer": "x"}'
code_is "another body's member: API does not find it to change" 404
as holder /api/v1/reviews/LCSPR-2025-02/recommendations -X POST -H 'Content-Type: application/json' -d '{"text": "Rec from the API", "organization": "rotherham-council", "body": "RSCP-CPRP", "due_on": "2026-01-31"}'
code_is "holder: API adds a recommendation" 201
json_ok "numbered 1" '.number == 1 and .organization == "rotherham-council"'


# Every API answer above matches the OpenAPI document.
if command -v node >/dev/null && [ -d "$ROOT/node_modules/@seriousme/openapi-schema-validator" ]; then
	as public /api/v1/openapi.json
	cp "$BODY" "$WORK/openapi.json"
	(cd "$ROOT" && node tests/api/validate.mjs "$WORK/openapi.json" "$WORK/samples.tsv") >validate.out 2>&1
	while IFS= read -r line; do
		case $line in
		"ok - "*) pass "openapi: ${line#ok - }" ;;
		"not ok - "*) fail "openapi: ${line#not ok - }" "$(grep -A2 -F -- "$line" validate.out | sed -n 2p)" ;;
		esac
	done <validate.out
else
	skip "the OpenAPI check needs node and npm ci"
fi

done_testing
