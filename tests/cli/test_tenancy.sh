# Two partnerships behind one masa serve, each at its own host name: no
# page or API route shows one partnership's records to the public or to an
# account of the other, an account of one is not signed in at the other's
# address, the page cache never hands one partnership's page to the other,
# and a regional panel of one that serves the other shows its published
# minutes at both addresses and its part two items at neither.
#
# rotherham is the demo with a regional panel (SYCDOP) of two people of its
# own: a meeting with published minutes (an open item and a part two one)
# and a meeting whose minutes are a draft. barnsley is a copy of the demo
# under another key with every name changed, so that the same address
# (/bodies/RLSCB, /meetings/RLSCB/2014-12-04) shows different records at
# a.test and b.test. Every GET route is asked at both addresses, by the
# public and by five accounts of each partnership.
. "$(dirname "$0")/lib.sh"

PW="correct horse battery staple"
DEMO=$ROOT/data/demo.json

cat >region.jq <<'EOF'
.people += [
  {"id": "ottoline-quist", "name": "Ottoline Quist", "job_title": "Regional Panel Chair"},
  {"id": "peregrine-vantablack", "name": "Peregrine Vantablack", "job_title": "Regional Panel Manager"}]
| .bodies += [{"short_name": "SYCDOP", "name": "South Yorkshire Regional Child Mortality Review Panel",
  "classification": "panel", "founding_date": "2014-01-01"}]
| .memberships += [
  {"person": "ottoline-quist", "body": "SYCDOP", "role": "chair", "start_date": "2014-01-01"},
  {"person": "peregrine-vantablack", "body": "SYCDOP", "role": "member", "start_date": "2014-01-01"}]
| .meetings += [
  {"id": "SYCDOP/2015-03-10", "body": "SYCDOP", "date": "2015-03-10", "status": "held",
   "location": "Regional Hub Room 4", "minutes_status": "published",
   "minutes_approved_on": "2015-06-09", "minutes_published_on": "2015-06-10",
   "attendance": [{"person": "ottoline-quist", "status": "present"},
                  {"person": "peregrine-vantablack", "status": "present"}],
   "agenda": [
     {"number": "1", "title": "Regional themes in unexpected child deaths",
      "minutes": "The panel reviewed the themes across the four areas."},
     {"number": "2", "title": "Case discussion: Child Zephyrine", "confidential": true,
      "minutes": "Taken in private: safe sleeping advice to the family."}]},
  {"id": "SYCDOP/2015-06-09", "body": "SYCDOP", "date": "2015-06-09", "status": "held",
   "minutes_status": "draft",
   "agenda": [{"number": "1", "title": "Draft regional annual report Quillfeather",
               "minutes": "Not yet agreed."}]}]
EOF
# The same keys, other text: every name, title and minute accented.
cat >copy.jq <<'EOF'
def accent: gsub("a"; "á") | gsub("e"; "é") | gsub("i"; "í") | gsub("o"; "ó") | gsub("u"; "ú");
def text: ["name", "title", "job_title", "minutes", "text", "details", "location", "label",
           "terms_of_reference", "interest", "notes"];
walk(if type == "object" then
       with_entries(if (.key as $k | text | index($k)) and (.value | type) == "string"
                    then .value |= accent else . end)
     else . end)
| .partnership = {"id": "barnsley", "name": "Barnsley Safeguarding Children Partnership",
                  "area": "Barnsley"}
EOF
jq -f region.jq "$DEMO" >a.json
jq -f copy.jq "$DEMO" >b.json

ok "init" --db t.db init
ok "load rotherham" --db t.db load a.json
ok "load barnsley" --db t.db load b.json

# ---- the commands ----

for c in "partnership list" "partnership host add" "partnership host remove" "partnership host list" "body serve"; do
	# shellcheck disable=SC2086
	ok "$c --help" $c --help
	has "$c --help shows usage" "usage: masa"
done
ok "--help lists the host commands" --help
has "--help lists partnership host add" "partnership host add PARTNERSHIP HOST"
has "--help lists body serve" "body serve BODY PARTNERSHIP"
ok "rotherham at a.test" --db t.db partnership host add rotherham a.test
ok "barnsley at B.Test (kept in lower case)" --db t.db partnership host add barnsley B.Test
has "host add says where" "barnsley is served at b.test"
fails "a host is one partnership's" 1 "already the address of barnsley" --db t.db partnership host add rotherham b.test
fails "a host name has no port" 1 "without a port" --db t.db partnership host add rotherham a.test:8080
fails "a host name is a host name" 1 "is not a host name" --db t.db partnership host add rotherham "a test"
fails "host add names a partnership that exists" 1 "no partnership" --db t.db partnership host add nowhere c.test
ok "host list" --db t.db partnership host list
line_has "host list: a.test" '^a\.test' rotherham
line_has "host list: b.test" '^b\.test' barnsley
ok "body serve" --db t.db --partnership rotherham body serve SYCDOP barnsley
has "body serve says what it does" "SYCDOP (rotherham) serves barnsley too"
fails "a body serves a partnership once" 1 "serves barnsley already" --db t.db --partnership rotherham body serve SYCDOP barnsley
fails "a body does not serve its own partnership" 1 "is a body of rotherham already" --db t.db --partnership rotherham body serve SYCDOP rotherham
fails "a served body's short name is free there" 1 '"CDOP" is already used' --db t.db --partnership rotherham body serve CDOP barnsley
ok "partnership list" --db t.db partnership list --json
json_is "partnership list: hosts" '[.[] | .id + "=" + (.hosts | join(","))] | join(" ")' "rotherham=a.test barnsley=b.test"
json_is "partnership list: served by" '.[] | select(.id == "barnsley") | .served_by | join(",")' "rotherham/SYCDOP"

# ---- accounts: five of each partnership, with API tokens ----

ROLES="admin outsider police member chair"
declare -A TOKEN LEVEL
LEVEL=([public]=0 [outsider]=1 [member]=1 [police]=2 [chair]=3 [admin]=4)
declare -A RANK=([public]=0 [member]=1 [partner]=2 [chair]=3 [admin]=4)
for p in a b; do
	key=rotherham
	[ $p = b ] && key=barnsley
	add() { printf '%s\n' "$PW" | "$MASA" --db t.db --partnership "$key" user add "$@" >/dev/null; }
	add "$p-admin" --role admin
	add "$p-chair" --role chair --person steve-ashley
	add "$p-member" --role member --person sue-cassin
	add "$p-police" --role partner --person jason-harwin --organisation south-yorkshire-police
	add "$p-outsider" --role member --person cusworth
	# An action standing alone (RLSCB/A1) in each.
	"$MASA" --db t.db --partnership "$key" actions raise RLSCB --details "Share the police data quarterly" \
		--owners jason-harwin --on 2014-12-05 --due 2015-03-31 >/dev/null
	for r in $ROLES; do
		TOKEN[$p-$r]=$("$MASA" --db t.db --partnership "$key" token create "$p-$r" --name "tenancy test" 2>/dev/null |
			grep -oE '[A-Za-z0-9_-]{43}' | head -1)
	done
done
[ -n "${TOKEN[a-admin]}" ] && [ -n "${TOKEN[b-police]}" ] && pass "every account has an API token" ||
	fail "every account has an API token"

# What only one partnership has: the names of its people, bodies and
# organisations and its longer item titles, less any the other has too.
# (rotherham's come from the demo, without the panel, which barnsley shows.)
names() {
	jq -r '.people[].name, .bodies[].name, .organizations[].name,
		(.. | objects | select(has("title")) | .title | select(length >= 20))' "$1" |
		awk 'length >= 6' | sort -u
}
unique_to() {
	local s
	names "$1" | while IFS= read -r s; do
		grep -qF -- "$s" "$2" || printf '%s\n' "$s"
	done
}
# Each with its HTML-escaped form, as pages write it.
with_escaped() {
	sed 'p; s/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g; s/'"'"'/\&#39;/g' | sort -u
}
# masa's own words are nobody's records: the standard items of the agenda it
# proposes for any meeting (gov_agenda_draft).
masa_words() {
	grep -vxF -e "Welcome, introductions and apologies" -e "Declarations of interest" \
		-e "Any other business" -e "Date and time of the next meeting"
}
unique_to "$DEMO" b.json | masa_words | with_escaped >only-a.txt
unique_to b.json a.json | masa_words | with_escaped >only-b.txt
[ "$(wc -l <only-a.txt)" -gt 60 ] && [ "$(wc -l <only-b.txt)" -gt 60 ] &&
	pass "each partnership has names the other has not ($(wc -l <only-a.txt) and $(wc -l <only-b.txt))" ||
	fail "each partnership has names the other has not" "$(wc -l <only-a.txt) and $(wc -l <only-b.txt)"
grep -qxF "Steve Ashley" only-a.txt && grep -qxF "Stévé Ashléy" only-b.txt &&
	! grep -qF "Ottoline Quist" only-a.txt && pass "the lists hold what they should" ||
	fail "the lists hold what they should"

# A paper at each partnership's board meeting of 4 December 2014 (published
# minutes), each saying a name only its own partnership has: the papers'
# and packs' addresses are the same at both hosts, the records different.
printf 'Paper of %s\n' "$(head -1 only-a.txt)" >paper-a.txt
printf 'Paper of %s\n' "$(head -1 only-b.txt)" >paper-b.txt
ok "a paper at rotherham" --db t.db --partnership rotherham paper add RLSCB/2014-12-04 paper-a.txt --item 2
ok "a paper at barnsley" --db t.db --partnership barnsley paper add RLSCB/2014-12-04 paper-b.txt --item 2
ok "rotherham's papers" --db t.db --partnership rotherham paper list RLSCB/2014-12-04 --json
PAPER_A=$(jq -r '[.. | objects | select(has("id")) | .id][0] // empty' "$OUT")
[ -n "$PAPER_A" ] && pass "rotherham's paper has an id ($PAPER_A)" || fail "rotherham's paper has an id"

start_server t.db --static "$ROOT/build/static"
has_serving() { grep -q "masa is serving 2 partnerships by host name" serve.out; }
has_serving && pass "serve says it serves by host name" || fail "serve says it serves by host name"
host_of() { [ "$1" = a ] && echo a.test || echo b.test; }

# Cookies by hand: curl files a cookie under the Host it sent, and keeps a
# Secure one only for 127.0.0.1 and localhost, so a jar would drop them.
# cookies_set: the NAME=VALUE pairs the last response set, as one header.
cookies_set() {
	tr -d '\r' <"$HEAD" | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | paste -sd';' - | sed 's/;/; /g'
}
# sign_in_at P FILE USERNAME: signs in at partnership P's address and keeps
# the session's Cookie header in FILE; CODE is the answer to the form.
sign_in_at() {
	local host token cookie
	host=$(host_of "$1")
	req -H "Host: $host" "$URL/sign-in"
	token=$(csrf_of)
	cookie=$(cookies_set)
	req -H "Host: $host" -H "Cookie: $cookie" "$URL/sign-in" --data-urlencode "csrf=$token" \
		--data-urlencode "username=$3" --data-urlencode "password=$PW"
	cookies_set | tr ';' '\n' | sed 's/^ //' | grep '^__Host-masa=.' >"$2"
}
# The Cookie header of an account signed in with sign_in_at.
cookie_of() { printf 'Cookie: %s' "$(cat "jar-$1")"; }
for p in a b; do
	for r in $ROLES; do
		sign_in_at $p "jar-$p-$r" "$p-$r"
		code_is "$p-$r signs in at $(host_of $p)" 303
	done
done
sign_in_at b jar-x a-admin
code_is "rotherham's admin cannot sign in at b.test" 400
body_has "...with the usual message" "The username or password is not right"

# ---- addresses ----

req -H "Host: c.test" "$URL/"
code_is "a host no partnership has: 404" 404
body_has "...saying so" "No partnership is served at this address"
req -H "Host: c.test" "$URL/api/v1/bodies"
code_is "the API at that host: 404" 404
body_has "...in JSON" '"status":404'
req -H "Host: c.test" "$URL/healthz"
code_is "the health check answers at any host" 200
req -H "Host: c.test" "$URL/static/masa.css"
code_is "the assets answer at any host" 200
req "$URL/"
code_is "the server's own address is no partnership's" 404
req -H "Host: A.TEST:8080" "$URL/structure"
code_is "the Host in capitals with a port" 200
body_has "...is rotherham" "Rotherham Safeguarding Children Partnership"
req -H "Host: b.test." "$URL/structure"
body_has "a final dot is the same host" "Barnsley Safeguarding Children Partnership"

# ---- every GET route, at both addresses, by everyone ----

samples() {
	cat <<'LIST'
/	/
/healthz	/healthz
/static/*	/static/masa.css
/sign-in	/sign-in
/api/v1/openapi.json	/api/v1/openapi.json
/api/v1/bodies	/api/v1/bodies
/api/v1/bodies/{body}	/api/v1/bodies/RLSCB
/api/v1/bodies/{body}/members	/api/v1/bodies/RLSCB/members?on=2014-09-04
/api/v1/bodies/{body}/programme	/api/v1/bodies/ILSC/programme
/api/v1/meetings	/api/v1/meetings?body=RLSCB
/api/v1/meetings/{body}/{date}	/api/v1/meetings/RLSCB/2014-09-04
/api/v1/meetings/{body}/{date}/items	/api/v1/meetings/RLSCB/2014-09-04/items
/api/v1/meetings/{body}/{date}/attendance	/api/v1/meetings/RLSCB/2014-12-04/attendance
/api/v1/meetings/{body}/{date}/resolutions	/api/v1/meetings/ILSC/2019-07-09/resolutions
/api/v1/actions	/api/v1/actions?body=RLSCB
/api/v1/actions/{body}/{standing}/updates	/api/v1/actions/RLSCB/A1/updates
/api/v1/actions/{body}/{standing}	/api/v1/actions/RLSCB/A1
/api/v1/actions/{body}/{date}/{number}/updates	/api/v1/actions/RLSCB/2014-06-05/10/updates
/api/v1/actions/{body}/{date}/{number}	/api/v1/actions/RLSCB/2014-06-05/10
/structure	/structure?on=2015-03-10
/bodies/{body}	/bodies/RLSCB?on=2014-09-04
/bodies/{body}	/bodies/SYCDOP?on=2015-03-10
/bodies/{body}/calendar.ics	/bodies/RLSCB/calendar.ics
/bodies/{body}/calendar.ics	/bodies/SYCDOP/calendar.ics
/bodies/{body}/actions	/bodies/RLSCB/actions
/bodies/{body}/programme	/bodies/ILSC/programme
/meetings	/meetings?from=2014-01-01&to=2015-12-31
/meetings	/meetings?from=2015-01-01&to=2015-12-31&body=SYCDOP
/meetings/calendar.ics	/meetings/calendar.ics
/meetings/{body}/{date}	/meetings/RLSCB/2014-09-04
/meetings/{body}/{date}	/meetings/RLSCB/2014-12-04
/meetings/{body}/{date}	/meetings/SYCDOP/2015-03-10
/meetings/{body}/{date}	/meetings/SYCDOP/2015-06-09
/meetings/{body}/{date}/attendance	/meetings/RLSCB/2014-09-04/attendance
/meetings/{body}/{date}/manage	/meetings/RLSCB/2014-12-04/manage
/meetings/schedule	/meetings/schedule?body=RLSCB
/meetings/{body}/{date}/items/{number}/minutes	/meetings/RLSCB/2014-09-04/items/2/minutes
/actions	/actions
/actions/{body}/{meeting}/{number}	/actions/RLSCB/2014-06-05/10
/actions/{body}/{ref}	/actions/RLSCB/A1
/accessibility	/accessibility
/privacy	/privacy
/contact	/contact
/admin/pages/{page}	/admin/pages/contact
/meetings/{body}/{date}/minutes.pdf	/meetings/RLSCB/2014-12-04/minutes.pdf
/meetings/{body}/{date}/minutes.pdf	/meetings/SYCDOP/2015-03-10/minutes.pdf
/organisations	/organisations
/organisations/new	/organisations/new
/organisations/{org}/edit	/organisations/south-yorkshire-police/edit
/people	/people
/people/new	/people/new
/people/{person}/edit	/people/steve-ashley/edit
/structure/new-body	/structure/new-body
/bodies/{body}/members	/bodies/RLSCB/members
/bodies/{body}/edit	/bodies/RLSCB/edit
/bodies/{body}/close	/bodies/RSCP-EXEC/close
/bodies/{body}/members/new	/bodies/RSCP-EXEC/members/new
/bodies/{body}/chair	/bodies/RSCP-EXEC/chair
/bodies/{body}/members/{person}/{role}/end	/bodies/ILSC/members/cusworth/chair/end
/meetings/{body}/{date}/pack.pdf	/meetings/RLSCB/2014-12-04/pack.pdf
/meetings/{body}/{date}/papers	/meetings/RLSCB/2014-12-04/papers
/meetings/{body}/{date}/circulate	/meetings/RLSCB/2014-12-04/circulate
/meetings/{body}/{date}/circulation	/meetings/RLSCB/2014-12-04/circulation
LIST
	# Addresses of one partnership's record by its id, or of what only some
	# of a partnership's accounts may have: 404 is a right answer too
	# (what they show is still checked for the other's names below).
	printf '/papers/{paper}\t/papers/%s\t404ok\n' "$PAPER_A"
	printf '/papers/{paper}/versions/{version}\t/papers/%s/versions/1\t404ok\n' "$PAPER_A"
	printf '/meetings/{body}/{date}/part-two-pack.pdf\t/meetings/RLSCB/2014-12-04/part-two-pack.pdf\t404ok\n'
	# Serious incidents: seen only by who may see the case (the admin,
	# the chair, members of the holding body): 403 or 404 for the rest.
	for a in /reviews /reviews/incidents.csv /reviews/incidents/new /api/v1/incidents; do
		printf '%s\t%s\tcaseok\n' "$a" "$a"
	done
	for s in "" /details /notification /rapid-review /decision /panel-response /agencies; do
		printf '/reviews/incidents/{ref}%s\t/reviews/incidents/RR-2019-01%s\tcaseok\n' "$s" "$s"
	done
	printf '/api/v1/incidents/{ref}\t/api/v1/incidents/RR-2019-01\tcaseok\n'
	# Child deaths: these documents hold none; the panel's forms and the
	# CSV are for those who may see cases.
	printf '/child-deaths\t/child-deaths\n'
	printf '/api/v1/child-deaths\t/api/v1/child-deaths\n'
	for a in /child-deaths.csv /child-deaths/new /child-deaths/themes /child-deaths/import; do
		printf '%s\t%s\t404ok\n' "$a" "$a"
	done
	printf '/child-deaths/{ref}\t/child-deaths/CDOP-2019-001\t404ok\n'
	printf '/api/v1/child-deaths/{ref}\t/api/v1/child-deaths/CDOP-2019-001\t404ok\n'
	# The dashboards: suppressed figures for everyone of the partnership.
	for a in /child-deaths/dashboard /child-deaths/dashboard.csv /reviews/dashboard /reviews/dashboard.csv /api/v1/dashboards/child-deaths /api/v1/dashboards/reviews; do
		printf '%s\t%s\n' "$a" "$a"
	done
	# Practice reviews: a review's case is its body's, the chair's and
	# the admin's; the demo's briefing has no file.
	printf '%s\t%s\n' /reviews/practice /reviews/practice /reviews/practice/new /reviews/practice/new \
		/reviews/recommendations /reviews/recommendations /reviews/recommendations.csv \
		/reviews/recommendations.csv /learning /learning /api/v1/reviews /api/v1/reviews \
		/api/v1/learning /api/v1/learning
	printf '%s\t%s\t404ok\n' /reviews/practice/{ref} /reviews/practice/LCSPR-2019-01 \
		/reviews/practice/{ref}/edit /reviews/practice/SCR-2014-01/edit \
		/reviews/practice/{ref}/recommendations/new /reviews/practice/SCR-2014-01/recommendations/new \
		/reviews/practice/{ref}/recommendations/{n} /reviews/practice/LCSPR-2019-01/recommendations/1 \
		/learning/{id} /learning/1 /learning/{id}/file /learning/1/file \
		/api/v1/reviews/{ref} /api/v1/reviews/LCSPR-2019-01 \
		/api/v1/reviews/{ref}/recommendations /api/v1/reviews/LCSPR-2019-01/recommendations
}

"$MASA" serve --routes | awk '$1 == "GET" { print $2 }' >routes.txt
missing=""
while read -r pattern; do
	samples | cut -f1 | grep -qxF -- "$pattern" || missing="$missing $pattern"
done <routes.txt
[ -z "$missing" ] && pass "every GET route has a sample address" ||
	fail "every GET route has a sample address" "no sample for:$missing"
declare -A NEEDS
while read -r method path role _; do
	[ "$method" = GET ] && NEEDS[$path]=$role
done < <("$MASA" serve --routes)

# The panel's part two item is its home's business unit's alone (its two
# members have no accounts); its draft is for rotherham's accounts at home.
secret="Zephyrine"
draft="Quillfeather"
leaks=0 wrong=0 asked=0 foreign_in=0
declare -A PUBLIC_CODE
for host in a b; do
	other=b
	[ $host = b ] && other=a
	while IFS=$'\t' read -r pattern address flag; do
		need=${NEEDS[$pattern]:-}
		[ -n "$need" ] || continue
		for who in public a-admin a-outsider a-police a-member a-chair b-admin b-outsider b-police b-member b-chair; do
			p=${who%%-*}
			r=${who#*-}
			[ "$who" = public ] && r=public
			args=(-H "Host: $(host_of $host)")
			case $address in
			/api/*) [ "$who" != public ] && args+=(-H "Authorization: Bearer ${TOKEN[$who]}") ;;
			*) [ "$who" != public ] && args+=(-H "$(cookie_of "$who")") ;;
			esac
			req "${args[@]}" "$URL$address"
			asked=$((asked + 1))
			# The status: as test_routes.sh for the partnership's own,
			# the public's for another's (a token of another: 403).
			if [ "$who" = public ]; then
				PUBLIC_CODE[$host$address]=$CODE
				case $need in
				public) want=200 ;;
				*) case $address in /api/*) want=401 ;; *) want=303 ;; esac ;;
				esac
			elif [ "$p" != "$host" ]; then
				case $address in
				/api/*) want=403 ;;
				*) want=${PUBLIC_CODE[$host$address]} ;;
				esac
			elif [ "${LEVEL[$r]}" -ge "${RANK[$need]}" ]; then
				want=200
			else
				want=403
			fi
			if [ "$CODE" != "$want" ] && ! { [ "${flag:-}" = 404ok ] && [ "$CODE" = 404 ]; } &&
				! { [ "${flag:-}" = caseok ] && [ "$want" = 200 ] &&
					{ [ "$CODE" = 403 ] || [ "$CODE" = 404 ]; }; }; then
				wrong=$((wrong + 1))
				fail "$address at $(host_of $host) as $who: $want" "status $CODE"
			fi
			if grep -qF -f "only-$other.txt" "$BODY"; then
				leaks=$((leaks + 1))
				fail "$address at $(host_of $host) as $who shows the other partnership's records" \
					"$(grep -oF -f "only-$other.txt" "$BODY" | sort -u | head -3 | tr '\n' '|')"
			fi
			if [ "$p" != "$host" ] && [ "$who" != public ] && grep -qF "Signed in as" "$BODY"; then
				foreign_in=$((foreign_in + 1))
				fail "$address at $(host_of $host): $who is not signed in there"
			fi
			if [ "$who-$host" != "a-admin-a" ] && grep -qF "$secret" "$BODY"; then
				leaks=$((leaks + 1))
				fail "$address at $(host_of $host) as $who shows the panel's part two item"
			fi
			if { [ "$host" = b ] || [ "$p" != a ]; } && grep -qF "$draft" "$BODY"; then
				leaks=$((leaks + 1))
				fail "$address at $(host_of $host) as $who shows the panel's draft minutes"
			fi
		done
	done < <(samples)
done
[ "$asked" -gt 700 ] && pass "asked $asked times" || fail "asked $asked times" "expected over 700"
[ "$wrong" -eq 0 ] && pass "every answer has the status its partnership and role call for"
[ "$leaks" -eq 0 ] && pass "no route shows one partnership's records at the other's address or to its accounts"
[ "$foreign_in" -eq 0 ] && pass "an account is signed in at its own partnership's address only"

# Positive controls: what is seen, is seen where it should be.
req -H "Host: a.test" "$URL/papers/$PAPER_A"
code_is "rotherham's open paper of published minutes, for its public" 200
body_has "...its own paper" "Paper of $(head -1 only-a.txt)"
req -H "Host: b.test" "$URL/papers/$PAPER_A"
code_is "not at barnsley's address" 404
req -H "Host: b.test" -H "$(cookie_of b-admin)" "$URL/papers/$PAPER_A"
code_is "nor for barnsley's business unit" 404
req -H "Host: a.test" -H "$(cookie_of a-admin)" "$URL/meetings/SYCDOP/2015-03-10"
body_has "rotherham's admin sees the panel's part two at home" "$secret"
req -H "Host: a.test" -H "$(cookie_of a-member)" "$URL/meetings/SYCDOP/2015-06-09"
body_has "rotherham's member sees the panel's draft at home" "$draft"
req -H "Host: a.test" -H "$(cookie_of a-admin)" "$URL/bodies/RLSCB"
body_has "an account is signed in at its own address" "Signed in as"
req -H "Host: b.test" -H "$(cookie_of a-admin)" "$URL/actions"
code_is "rotherham's cookie at b.test: the sign-in page" 303
req -H "Host: b.test" -H "Authorization: Bearer ${TOKEN[a-admin]}" "$URL/api/v1/bodies"
code_is "rotherham's token at b.test: 403" 403
body_has "...saying why" "another partnership"

# ---- the regional panel at both addresses ----

for host in a.test b.test; do
	req -H "Host: $host" "$URL/meetings/SYCDOP/2015-03-10"
	code_is "the panel's meeting at $host" 200
	body_has "...its published open item" "Regional themes in unexpected child deaths"
	body_has "...who attended" "Ottoline Quist"
	body_hasnt "...not its part two" "$secret"
	req -H "Host: $host" "$URL/meetings/SYCDOP/2015-06-09"
	body_hasnt "its draft minutes at $host are not public" "$draft"
	req -H "Host: $host" "$URL/bodies/SYCDOP"
	code_is "the panel's page at $host" 200
	body_has "...its members" "Peregrine Vantablack"
done
req -H "Host: b.test" "$URL/structure"
body_has "barnsley's structure lists the panel" "/bodies/SYCDOP"
body_has "...hosted by rotherham" "Hosted by Rotherham Safeguarding Children Partnership"
req -H "Host: a.test" "$URL/bodies/SYCDOP"
body_has "at home the panel says whom else it serves" "Barnsley Safeguarding Children Partnership"
req -H "Host: b.test" "$URL/meetings?from=2015-01-01&to=2015-12-31"
body_has "barnsley's calendar has the panel's meetings" "/meetings/SYCDOP/2015-03-10"
req -H "Host: a.test" "$URL/meetings?from=2015-01-01&to=2015-12-31"
body_has "so has rotherham's" "/meetings/SYCDOP/2015-03-10"
req -H "Host: b.test" -H "$(cookie_of b-admin)" "$URL/meetings/SYCDOP/2015-03-10"
body_hasnt "barnsley's admin has no forms on the panel's meeting" "minutes-status"
body_hasnt "...nor its part two" "$secret"
csrf=$(csrf_of)
[ -n "$csrf" ] || { req -H "Host: b.test" -H "$(cookie_of b-admin)" "$URL/bodies/RLSCB"; csrf=$(csrf_of); }
req -H "Host: b.test" -H "$(cookie_of b-admin)" "$URL/meetings/SYCDOP/2015-03-10/status" \
	--data-urlencode "csrf=$csrf" --data-urlencode "status=cancelled"
code_is "barnsley's admin cannot change the panel's meeting" 404
req -H "Host: a.test" "$URL/meetings/SYCDOP/2015-03-10"
body_hasnt "...which is not cancelled" "Cancelled"
req -H "Host: a.test" -H "$(cookie_of a-admin)" "$URL/meetings/SYCDOP/2015-03-10"
body_has "rotherham's admin has the forms" "minutes-status"

# ---- the page cache: one partnership's page is never another's ----

cached="/ /structure /bodies/RLSCB /meetings/RLSCB/2014-12-04 /meetings?from=2014-01-01&to=2015-12-31 /api/v1/bodies /api/v1/meetings/RLSCB/2014-12-04"
mixed=0
for path in $cached; do
	for host in b a b a; do
		other=b
		[ $host = b ] && other=a
		req -H "Host: $host.test" "$URL$path"
		if [ "$CODE" != 200 ] || grep -qF -f "only-$other.txt" "$BODY" ||
			! grep -qF -f "only-$host.txt" "$BODY"; then
			mixed=$((mixed + 1))
			fail "$path at $host.test, asked after the other's: its own page" "status $CODE"
		fi
		cp "$BODY" "page-$host"
	done
	cmp -s page-a page-b && { mixed=$((mixed + 1)); fail "$path: the two partnerships' pages differ"; }
done
[ "$mixed" -eq 0 ] && pass "asked in turn at both addresses, each cached page is its own partnership's"

# Changes from another connection reach the server: a new host, a body
# that stops serving (the cached structure page is made again).
ok "barnsley also at c.test" --db t.db partnership host add barnsley c.test
req -H "Host: c.test" "$URL/structure"
code_is "a host added while serving answers" 200
body_has "...for barnsley" "Barnsley Safeguarding Children Partnership"
ok "remove c.test" --db t.db partnership host remove barnsley c.test
req -H "Host: c.test" "$URL/structure"
code_is "a host removed while serving: 404" 404
fails "a host is removed by its partnership" 1 "not an address of this partnership" --db t.db partnership host remove rotherham b.test
ok "the panel stops serving barnsley" --db t.db --partnership rotherham body serve SYCDOP barnsley --stop
req -H "Host: b.test" "$URL/structure"
body_hasnt "barnsley's structure no longer lists it" "/bodies/SYCDOP"
req -H "Host: b.test" "$URL/meetings/SYCDOP/2015-03-10"
code_is "...nor shows its meetings" 404
req -H "Host: a.test" "$URL/meetings/SYCDOP/2015-03-10"
code_is "...which rotherham still does" 200

# ---- a server pinned to one partnership answers it at any host ----

kill -KILL "$SERVER_PID" 2>/dev/null
wait "$SERVER_PID" 2>/dev/null
# (--partnership is a global option: before the command start_server runs.)
printf '#!/bin/sh\nexec "%s" --partnership barnsley "$@"\n' "$MASA" >pinned
chmod +x pinned
rm -f serve.out # start_server must not read the last server's address
MASA=$WORK/pinned start_server t.db --static "$ROOT/build/static"
grep -q "masa is serving Barnsley Safeguarding Children Partnership" serve.out &&
	pass "serve --partnership names it" || fail "serve --partnership names it"
req -H "Host: a.test" "$URL/structure"
body_has "pinned: a.test is barnsley" "Barnsley Safeguarding Children Partnership"
req "$URL/structure"
code_is "pinned: any host" 200

done_testing
