# Setting up the partnership: `masa org|person|body|member` add, edit,
# close, end and change-role on the demo partnership, their options and help
# made from the kinds' declarations, each bad input refused with a message
# naming the field and the database unchanged, and `masa dump` showing the
# results; then the same forms in the browser's way (curl, signed in as the
# admin): 303 and a banner when saved, 400 with an error summary naming the
# field and nothing stored when not, 403 without the CSRF token, and the
# forms closed to everyone but the business unit.
. "$(dirname "$0")/lib.sh"

ok "init --demo" --db d.db init --demo

# --- help lists labels and choices from the declarations ---
ok "body add --help" --db d.db body add --help
has "an option per field, named from the table" "--short-name TEXT"
has "a reference names what it refers to" "--parent BODY"
has "labels, not column names" "Reports to"
has "choices with their labels" "subgroup (Sub-group)"
has "required fields say so" "(required)"
ok "member change-role --help" --db d.db member change-role --help
has "change-role takes --to" "--to CHOICE"
ok "person edit --help" --db d.db person edit --help
hasnt "an edit requires nothing" "(required)"
has "an e-mail option" "--email TEXT"

# --- organisations and people ---
ok "org add" --db d.db org add --name "Rotherham Youth Service" --part other --classification local_authority
has "the key is made from the name" "added organisation rotherham-youth-service"
ok "org add, same name" --db d.db org add --name "Rotherham Youth Service" --part other
has "a second key is made unique" "rotherham-youth-service-2"
ok "org add by label" --db d.db org add --key ryo --name "Rotherham Youth Offending" --part "Relevant agency"
ok "org edit: one field" --db d.db org edit ryo --classification Police
ok "the police's lead and delegated safeguarding partners" --db d.db org edit south-yorkshire-police --lead-person jason-harwin --delegate-person steve-ashley
fails "only a safeguarding partner has them" 1 "Lead safeguarding partner: only a safeguarding partner has one" --db d.db org edit ryo --lead-person jason-harwin
ok "person add" --db d.db person add --name "Jo Smith" --honorific-prefix Ms --job-title "Head of Service" --organisation rotherham-youth-service --email jo.smith@example.org
has "the person's key" "added person jo-smith"
for who in "Ann Able" "Ben Baker" "Cat Cole" "Dan Dale" "Eve Ennis" "Fay Ford"; do
	ok "person add $who" --db d.db person add --name "$who" --organisation ryo
done
ok "person edit" --db d.db person edit ann-able --job-title "Team Manager"

# --- bad input: refused, naming the field, nothing stored ---
before=$(fingerprint d.db)
fails "an empty name" 1 "--name: Name: required" --db d.db org add --name "  " --part other
fails "a part that does not exist" 1 "Part in the arrangements: \"partner\" is not one of" --db d.db org add --name X --part partner
fails "a duplicate key" 1 "Key: \"jo-smith\" is already used by another person" --db d.db person add --key jo-smith --name "Jo Smith"
fails "a bad key" 1 "Key: \"Jo Smith\" must be" --db d.db person add --key "Jo Smith" --name "Jo Smith"
fails "an organisation that does not exist" 1 "Organisation they work for: there is no organisation \"nowhere\" here" --db d.db person add --name "Zed Zee" --organisation nowhere
fails "a bad e-mail address" 1 "E-mail address: \"jo\" is not an e-mail address" --db d.db person edit jo-smith --email jo
fails "a person who does not exist" 2 'unknown option "--nope"' --db d.db person edit jo-smith --nope x
fails "editing nobody" 1 'no person "nobody"' --db d.db person edit nobody --name X
[ "$(fingerprint d.db)" = "$before" ] && pass "refusals stored nothing" || fail "refusals stored nothing"

# --- bodies ---
ok "body add" --db d.db body add --short-name PERF --name "Performance sub-group" --kind subgroup --parent RLSCB --founding-date 2014-01-01 --quorum-partners yes
has "body added" "added body PERF"
before=$(fingerprint d.db)
fails "a duplicate short name" 1 "Short name: \"PERF\" is already used" --db d.db body add --short-name PERF --name X --kind panel
fails "a parent that does not exist" 1 "Reports to: there is no body \"NOPE\" here" --db d.db body add --short-name X1 --name X --kind panel --parent NOPE
fails "a loop of parents" 1 "Reports to: RLSCB cannot report to itself" --db d.db body edit RLSCB --parent PERF
fails "a bad date" 1 "Date founded: \"2014-02-30\" is not a real date" --db d.db body add --short-name X2 --name X --kind panel --founding-date 2014-02-30
fails "a missing kind" 1 "--kind: Kind of body: choose one" --db d.db body add --short-name X3 --name X
fails "a quorum that is not a fraction" 1 "Quorum: fraction of voting members: \"half\" is not a fraction" --db d.db body edit PERF --quorum-fraction half
[ "$(fingerprint d.db)" = "$before" ] && pass "body refusals stored nothing" || fail "body refusals stored nothing"
ok "body edit" --db d.db body edit PERF --quorum-fraction 1/3

# --- members, a chair and a change of chair ---
ok "the chair" --db d.db member add --body PERF --person jo-smith --role chair --start-date 2014-01-01 --label "Chair, Head of Service"
for who in ann-able ben-baker cat-cole dan-dale eve-ennis; do
	ok "member $who" --db d.db member add --body PERF --person $who --role member --start-date 2014-01-01
done
before=$(fingerprint d.db)
fails "a membership ending before it starts" 1 "End date: 2013-12-31 is before the start date 2014-02-01" --db d.db member add --body PERF --person fay-ford --start-date 2014-02-01 --end-date 2013-12-31 --role member
fails "a person who does not exist" 1 "--person: Person: there is no person \"nobody\" here" --db d.db member add --body PERF --person nobody --role member
fails "a body that does not exist" 1 "--body: Body: there is no body \"NOPE\" here" --db d.db member add --body NOPE --person fay-ford --role member
fails "a chair change dated on the day the chair started" 1 "Date of the change: 2014-01-01 is not after the current chair, Jo Smith, started on 2014-01-01" --db d.db member change-role --body PERF --person ann-able --to chair --on 2014-01-01
fails "ending a membership that had not started" 1 "ben-baker is not a member of PERF on 2013-06-01" --db d.db member end --body PERF --person ben-baker --on 2013-06-01
[ "$(fingerprint d.db)" = "$before" ] && pass "member refusals stored nothing" || fail "member refusals stored nothing"
ok "members on the first day" --db d.db members PERF --on 2014-01-01
line_has "Jo Smith chairs" "^chair" "Ms Jo Smith" "Chair, Head of Service"
ok "a change of chair" --db d.db member change-role --body PERF --person ann-able --to chair --on 2014-12-04 --previous-role member
has "it says so" "ann-able is chair from 2014-12-04"
ok "members the day before" --db d.db members PERF --on 2014-12-03
line_has "Jo Smith chaired to the day before" "^chair" "Ms Jo Smith"
ok "members on the day" --db d.db members PERF --on 2014-12-04
line_has "Ann Able chairs from the day" "^chair" "Ann Able"
line_has "Jo Smith stays on as a member" "Ms Jo Smith" "member"
ok "a change of role" --db d.db member change-role --body PERF --person ben-baker --role member --to vice_chair --on 2015-01-01
ok "end a membership" --db d.db member end --body PERF --person cat-cole --on 2015-03-31
fails "end it again" 1 "is not a member of PERF on 2015-04-30" --db d.db member end --body PERF --person cat-cole --on 2015-04-30
ok "members, all" --db d.db members PERF --all
line_has "history stays: Jo Smith's chair" "Ms Jo Smith" "2014-01-01" "2014-12-03"
line_has "Cat Cole ended" "Cat Cole" "2015-03-31"

# --- masa dump shows it all ---
ok "dump" --db d.db dump
json_is "the organisation is dumped" '.organizations[] | select(.id == "ryo") | .classification' police
json_is "the lead safeguarding partner is dumped" '.organizations[] | select(.id == "south-yorkshire-police") | .lead_safeguarding_partner' jason-harwin
json_is "and the delegated one" '.organizations[] | select(.id == "south-yorkshire-police") | .delegated_safeguarding_partner' steve-ashley
json_is "the person's employer" '.people[] | select(.id == "jo-smith") | .organization' rotherham-youth-service
json_is "the body and its parent" '.bodies[] | select(.short_name == "PERF") | .parent' RLSCB
json_is "PERF has every membership, ended ones too" '[.memberships[] | select(.body == "PERF")] | length' 9
json_is "Jo Smith's chair ended the day before" '.memberships[] | select(.body == "PERF" and .person == "jo-smith" and .role == "chair") | .end_date' 2014-12-03
json_is "Ann Able's chair started on the day" '.memberships[] | select(.body == "PERF" and .person == "ann-able" and .role == "chair") | .start_date' 2014-12-04
cp "$OUT" dump.json
ok "the dump loads into a new database" --db e.db load dump.json
run --db e.db dump
json_is "the lead safeguarding partner loads back" '.organizations[] | select(.id == "south-yorkshire-police") | .lead_safeguarding_partner' jason-harwin
ok "members there" --db e.db members PERF --on 2014-12-04
line_has "the chair there too" "^chair" "Ann Able"

# --- closing a body ---
ok "close" --db d.db body close PERF --on 2015-12-31
ok "members after" --db d.db members PERF --on 2016-01-01
has "nobody sits on a closed body" "nobody sat on PERF"
ok "members on its last day" --db d.db members PERF --on 2015-12-31
line_has "its members were there to the end" "^chair" "Ann Able"
fails "close it again" 1 "Date it closes: PERF closed on 2015-12-31 already" --db d.db body close PERF --on 2016-01-31

# --- the forms, as a browser uses them ---
PW="correct horse battery staple"
printf '%s\n' "$PW" | "$MASA" --db d.db user add admin --role admin >/dev/null
printf '%s\n' "$PW" | "$MASA" --db d.db user add chair --role chair --person steve-ashley >/dev/null
start_server d.db
sign_in admin.jar admin "$PW"
sign_in chair.jar chair "$PW"
for path in /organisations /organisations/new /organisations/ryo/edit /people /people/new /people/jo-smith/edit /structure/new-body /bodies/RLSCB/members /bodies/RLSCB/edit /bodies/RLSCB/close /bodies/RLSCB/members/new /bodies/RLSCB/chair; do
	req "$URL$path"
	code_is "the public is sent to sign in for $path" 303
	req -b chair.jar "$URL$path"
	code_is "a chair may not open $path" 403
	req -b admin.jar "$URL$path"
	code_is "the admin opens $path" 200
done
req -b admin.jar "$URL/structure"
body_has "the structure page links to adding a body" 'href="/structure/new-body"'
body_has "and to the organisations" 'href="/organisations"'
req -b chair.jar "$URL/structure"
body_hasnt "not for a chair" 'href="/structure/new-body"'
req -b admin.jar "$URL/bodies/RSCP-EXEC"
body_has "a body's page links to its members" 'href="/bodies/RSCP-EXEC/members"'
body_has "and to changing the chair" 'href="/bodies/RSCP-EXEC/chair"'
req -b admin.jar "$URL/bodies/RLSCB"
body_hasnt "a closed body cannot change its chair" 'href="/bodies/RLSCB/chair"'
req "$URL/bodies/RSCP-EXEC"
body_hasnt "not for the public" 'href="/bodies/RSCP-EXEC/chair"'
req -b admin.jar "$URL/organisations/new"
body_has "the form's labels are the declaration's" '>Part in the arrangements<'
body_has "a hint" 'leave empty to make one from the name'
req -b admin.jar "$URL/organisations"
body_has "the list names the police's lead and delegated safeguarding partners" 'Jason Harwin, delegating to Steve Ashley'

token=$(page_csrf admin.jar /bodies/RLSCB/members/new)
before=$(fingerprint d.db)
req -b admin.jar "$URL/bodies/RLSCB/members/new" --data-urlencode "csrf=$token" \
	--data-urlencode "f-person=fay-ford" --data-urlencode "f-role=member" \
	--data-urlencode "f-start-date-day=1" --data-urlencode "f-start-date-month=6" --data-urlencode "f-start-date-year=2020"
code_is "a member after the board closed is refused" 400
body_has "the summary names the field" 'Start date: 2020-06-01 is after RLSCB was dissolved on 2019-08-31'
body_has "and links to it" 'href="#f-start-date-day"'
body_has "what was typed is shown again" 'value="2020"'
req -b admin.jar "$URL/bodies/RLSCB/members/new" --data-urlencode "csrf=$token" \
	--data-urlencode "f-role=member" --data-urlencode "f-start-date-day=31" \
	--data-urlencode "f-start-date-month=2" --data-urlencode "f-start-date-year=2015"
code_is "no person and a date that is not real" 400
body_has "the person is required" 'Person: choose one'
body_has "the date is not real" 'Start date: &quot;2015-02-31&quot; is not a real date'
req -b admin.jar "$URL/bodies/RLSCB/members/new" \
	--data-urlencode "f-person=fay-ford" --data-urlencode "f-role=member"
code_is "without the CSRF token: refused" 403
[ "$(fingerprint d.db)" = "$before" ] && pass "refused forms stored nothing" || fail "refused forms stored nothing"
req -b admin.jar "$URL/bodies/RLSCB/members/new" --data-urlencode "csrf=$token" \
	--data-urlencode "f-person=fay-ford" --data-urlencode "f-role=co_optee" \
	--data-urlencode "f-start-date-day=1" --data-urlencode "f-start-date-month=6" --data-urlencode "f-start-date-year=2015"
code_is "a member added" 303
header_has "back to the members, with a banner" "location: /bodies/RLSCB/members?done=member-added"
req -b admin.jar "$URL/bodies/RLSCB/members?done=member-added"
body_has "the banner" "Member added"
body_has "Fay Ford is listed" "Fay Ford"

body_has "with a link to end it" 'href="/bodies/RLSCB/members/fay-ford/co_optee/end"'
end=/bodies/RLSCB/members/fay-ford/co_optee/end
token=$(page_csrf admin.jar $end)
before=$(fingerprint d.db)
req -b admin.jar "$URL$end" --data-urlencode "csrf=$token" \
	--data-urlencode "f-end-date-day=31" --data-urlencode "f-end-date-month=5" --data-urlencode "f-end-date-year=2015"
code_is "ending before it started is refused" 400
body_has "naming the end date" 'End date: 2015-05-31 is before the start date 2015-06-01'
req -b admin.jar "$URL$end" --data-urlencode "csrf=$token" --data-urlencode "f-end-date-day=3"
code_is "a date without its month and year" 400
body_has "says what is missing" 'End date: must include a day, a month and a year'
[ "$(fingerprint d.db)" = "$before" ] && pass "nothing stored" || fail "nothing stored"
req -b admin.jar "$URL$end" --data-urlencode "csrf=$token" \
	--data-urlencode "f-end-date-day=1" --data-urlencode "f-end-date-month=6" --data-urlencode "f-end-date-year=2015"
code_is "ended on the day it started" 303
run --db d.db members RLSCB --all
line_has "it stays on record, ended" "Fay Ford" "2015-06-01" "2015-06-01"
req -b admin.jar "$URL$end"
code_is "it has no running membership to end now" 404

token=$(page_csrf admin.jar /organisations/new)
req -b admin.jar "$URL/organisations/new" --data-urlencode "csrf=$token" \
	--data-urlencode "f-name=Rotherham Youth Service" --data-urlencode "f-key=ryo" --data-urlencode "f-part=other"
code_is "a duplicate key in the form" 409
body_has "named by its label" 'Key: &quot;ryo&quot; is already used by another organisation'
req -b admin.jar "$URL/organisations/new" --data-urlencode "csrf=$token" \
	--data-urlencode "f-name=Barnardo's" --data-urlencode "f-part=relevant_agency" --data-urlencode "f-classification=voluntary"
code_is "an organisation added" 303
run --db d.db dump
json_is "its key made from its name" '.organizations[] | select(.name == "Barnardo'"'"'s") | .id' barnardos
done_testing
