# Every route for every role, against a real masa serve, on a variant of the
# demo partnership with part two in every place it can hide
# (part_two_variant.jq): a part-two item with a sub-item, its resolutions,
# paper, declaration and actions, a part-two item deferred to the board's
# next meeting, programme entries made from them, and a part-two item on
# that next meeting's agenda. Each part-two text starts with a secret word.
#
# Each GET route of the route table (masa serve --routes) has a sample
# address here, and each route's filters are walked too (owners and
# organisations as the action log's filter form offers them, overdue,
# status, as_at dates around the meetings, API pages through "next"). Every
# address is asked by the public, a member of another body, a board member
# who left the day before the part-two meeting, a partner lead whose
# organisation owns nothing under part two, the owner of a part-two action
# (a person, and a partner of an owning organisation), board members, a
# chair, a member sitting on the board today and the business unit (pages
# with a signed-in cookie, /api/ with a bearer token). The answer must be
# the page for roles the route allows, the sign-in page (303) or 401 for the
# public, and 403 for accounts below the route's role; no secret word may
# reach anyone who may not see it, on any address; and those who may see
# each secret do, where it belongs.
. "$(dirname "$0")/lib.sh"

PW="correct horse battery staple"
ok "init --demo" --db demo.db init --demo
ok "dump the demo" --db demo.db dump --output demo.json
if jq -f "$ROOT/tests/cli/part_two_variant.jq" demo.json >variant.json 2>"$ERR"; then
	pass "the part-two variant of the demo is made"
else
	fail "the part-two variant of the demo is made" "jq failed"
fi
ok "load the part-two variant" --db variant.db load variant.json
# Papers: an open one, and one of the part-two item carrying its secret.
printf 'Attendance figures for the year\n' >open.txt
printf 'Serious case review: Child S, the chronology\n' >secret.txt
ok "an open paper" --db variant.db paper add RLSCB/2014-09-04 open.txt --item 1
ok "a part-two paper" --db variant.db paper add RLSCB/2014-09-04 secret.txt --item 2 \
	--title "Serious case review: Child S chronology"
# Their circulation, recorded without a mail server (no addresses, or
# none reachable): the part-two paper's record must not leak either.
run --db variant.db circulate RLSCB/2014-09-04 --paper 2 --smtp smtp://127.0.0.1:9 \
	--from bu@example.org --site https://masa.example.org
[ "$(sqlite3 variant.db 'SELECT count(*) FROM circulation WHERE paper_id = 2')" -gt 0 ] &&
	pass "the part-two paper's circulation is recorded" ||
	fail "the part-two paper's circulation is recorded" "$(cat "$ERR")"
run --db variant.db circulate RLSCB/2014-09-04 --part-two-pack --smtp smtp://127.0.0.1:9 \
	--from bu@example.org --site https://masa.example.org
add() { ok "account $1" --db variant.db user add "$@" <<<"$PW"; }
add admin --role admin
add chair --role chair --person steve-ashley
add member --role member --person sue-cassin
add police --role partner --person jason-harwin --organisation south-yorkshire-police
add outsider --role member --person cusworth
add leaver --role member --person lee-leaver
add owner --role member --person oona-owner
add pace --role partner --person pat-pace --organisation pace
add lead --role partner --person carl-cafcass --organisation cafcass
add current --role member --person nora-now
# An action standing alone (RLSCB/A1), owned by the police.
ok "raise RLSCB/A1" --db variant.db actions raise RLSCB --details "Share the police data quarterly" \
	--owners jason-harwin --on 2014-12-05 --due 2015-03-31
roles="public outsider leaver lead owner pace police member chair current admin"
declare -A TOKEN LEVEL
LEVEL=([public]=0 [outsider]=1 [leaver]=1 [lead]=2 [owner]=1 [pace]=2 [police]=2
	[member]=1 [chair]=3 [current]=1 [admin]=4)
declare -A RANK=([public]=0 [member]=1 [partner]=2 [chair]=3 [admin]=4)
for r in $roles; do
	[ "$r" = public ] && continue
	TOKEN[$r]=$("$MASA" --db variant.db token create "$r" --name "route test" 2>/dev/null | grep -oE '[A-Za-z0-9_-]{43}' | head -1)
	[ -n "${TOKEN[$r]}" ] || fail "a token for $r"
done
# The assets are the test's own: the pages do not depend on them, and a
# checkout whose assets were not built (make assets) still runs the test.
mkdir static && echo "body { color: black }" >static/masa.css
start_server variant.db --static "$WORK/static"
for r in $roles; do
	[ "$r" = public ] && continue
	sign_in "jar-$r" "$r" "$PW"
	code_is "$r signs in" 303
done

# The secrets: the demo's own part-two item of RLSCB/2014-09-04, and the
# words part_two_variant.jq starts each part-two text with.
OLD1="Serious case review: Child S"
OLD2="Part two, taken in private"
NEW="XQZEPHYR XQQUOKKA XQBISON XQKESTREL XQHERON XQMARMOT XQJACKAL XQNARWHAL
	XQOCELOT XQPANGOLIN XQWOMBAT XQIBEX XQGECKO XQSALAMANDER XQTAPIR XQLYNX XQVOLE
	XQMOTH"

# may_see ROLE SECRET: whether ROLE may see SECRET. The business unit and a
# member sitting on the board today see all of the board's part two; those
# who sat on it on 2014-12-04 (the chair until 2016, the police lead and
# Sue Cassin until 2019) all but the next meeting's (XQVOLE); Lee Leaver,
# who left on 2014-12-03, the part two of 2014-09-04 only; an action's owner
# (Oona Owner in person, Pat Pace for pace) that action and its updates,
# and nothing of the item it was raised under; anyone else, none.
may_see() {
	# Draft minutes of a published agenda: everyone signed in.
	[ "$2" = XQMOTH ] && { [ "$1" != public ]; return; }
	case $1 in
	admin | current) return 0 ;;
	member | chair | police) [ "$2" != XQVOLE ] ;;
	leaver) [ "$2" = "$OLD1" ] || [ "$2" = "$OLD2" ] ;;
	owner) [ "$2" = XQWOMBAT ] || [ "$2" = XQIBEX ] ;;
	pace) [ "$2" = XQKESTREL ] || [ "$2" = XQHERON ] ;;
	*) return 1 ;;
	esac
}
for r in $roles; do
	: >"forbid-$r"
	for s in "$OLD1" "$OLD2" $NEW; do
		may_see "$r" "$s" || printf '%s\n' "$s" >>"forbid-$r"
	done
done

# Sample addresses, one or more per GET route pattern.
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
/structure	/structure?on=2014-12-04
/bodies/{body}	/bodies/RLSCB?on=2014-09-04
/bodies/{body}/calendar.ics	/bodies/RLSCB/calendar.ics
/bodies/{body}/actions	/bodies/RLSCB/actions
/bodies/{body}/programme	/bodies/ILSC/programme
/meetings	/meetings?from=2014-01-01&to=2015-12-31
/meetings/calendar.ics	/meetings/calendar.ics
/meetings/{body}/{date}	/meetings/RLSCB/2014-09-04
/meetings/{body}/{date}	/meetings/RLSCB/2014-12-04
/meetings/{body}/{date}/minutes.pdf	/meetings/RLSCB/2014-12-04/minutes.pdf
/meetings/{body}/{date}/manage	/meetings/RLSCB/2030-01-15/manage
/meetings/schedule	/meetings/schedule?body=RLSCB
/meetings/{body}/{date}/attendance	/meetings/RLSCB/2014-09-04/attendance
/papers/{paper}	/papers/1
/papers/{paper}	/papers/2
/papers/{paper}/versions/{version}	/papers/2/versions/1
/meetings/{body}/{date}/papers	/meetings/RLSCB/2014-09-04/papers
/meetings/{body}/{date}/circulate	/meetings/RLSCB/2014-09-04/circulate
/meetings/{body}/{date}/circulate	/meetings/RLSCB/2014-09-04/circulate?what=paper-2
/meetings/{body}/{date}/circulation	/meetings/RLSCB/2014-09-04/circulation
/meetings/{body}/{date}/pack.pdf	/meetings/RLSCB/2014-09-04/pack.pdf
/meetings/{body}/{date}/part-two-pack.pdf	/meetings/RLSCB/2014-09-04/part-two-pack.pdf
/meetings/{body}/{date}/items/{number}/minutes	/meetings/RLSCB/2014-09-04/items/2/minutes
/actions	/actions
/actions/{body}/{meeting}/{number}	/actions/RLSCB/2014-06-05/10
/actions/{body}/{ref}	/actions/RLSCB/A1
/accessibility	/accessibility
/privacy	/privacy
/contact	/contact
/admin/pages/{page}	/admin/pages/contact
/admin/pages/{page}	/admin/pages/privacy?done=saved
/meetings	/meetings?year=2014
/meetings	/meetings?year=2030&body=RLSCB
/meetings	/meetings?from-day=1&from-month=12&from-year=2014&to-day=31&to-month=1&to-year=2015
/bodies/{body}/actions	/bodies/RLSCB/actions?as_at-day=4&as_at-month=12&as_at-year=2014
/organisations	/organisations?done=organisation-added
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
/reviews	/reviews
/reviews/incidents.csv	/reviews/incidents.csv
/reviews/incidents/new	/reviews/incidents/new
/reviews/incidents/{ref}	/reviews/incidents/RR-2019-01
/reviews/incidents/{ref}/details	/reviews/incidents/RR-2019-01/details
/reviews/incidents/{ref}/notification	/reviews/incidents/RR-2019-01/notification
/reviews/incidents/{ref}/rapid-review	/reviews/incidents/RR-2019-01/rapid-review
/reviews/incidents/{ref}/decision	/reviews/incidents/RR-2019-01/decision
/reviews/incidents/{ref}/panel-response	/reviews/incidents/RR-2019-01/panel-response
/reviews/incidents/{ref}/agencies	/reviews/incidents/RR-2019-01/agencies
/api/v1/incidents	/api/v1/incidents
/api/v1/incidents/{ref}	/api/v1/incidents/RR-2019-01
/child-deaths/dashboard	/child-deaths/dashboard?from=2014-04-01&to=2015-03-31
/child-deaths/dashboard.csv	/child-deaths/dashboard.csv
/reviews/dashboard	/reviews/dashboard?from=2014-04-01&to=2015-03-31
/reviews/dashboard.csv	/reviews/dashboard.csv
/api/v1/dashboards/child-deaths	/api/v1/dashboards/child-deaths
/api/v1/dashboards/reviews	/api/v1/dashboards/reviews
/child-deaths	/child-deaths
/child-deaths	/child-deaths?partnership=sheffield&year=2020&status=reviewed&category=10&theme=safe-sleeping&page=1
/child-deaths.csv	/child-deaths.csv?year=2021
/child-deaths/new	/child-deaths/new
/child-deaths/themes	/child-deaths/themes
/child-deaths/import	/child-deaths/import
/child-deaths/{ref}	/child-deaths/CDOP-2019-001
/api/v1/child-deaths	/api/v1/child-deaths?theme=safe-sleeping
/api/v1/child-deaths/{ref}	/api/v1/child-deaths/CDOP-2019-001
/reviews/practice	/reviews/practice
/reviews/practice/new	/reviews/practice/new
/reviews/practice/{ref}	/reviews/practice/SCR-2014-01
/reviews/practice/{ref}	/reviews/practice/LCSPR-2019-01?done=saved
/reviews/practice/{ref}/edit	/reviews/practice/SCR-2014-01/edit
/reviews/practice/{ref}/recommendations/new	/reviews/practice/SCR-2014-01/recommendations/new
/reviews/practice/{ref}/recommendations/{n}	/reviews/practice/SCR-2014-01/recommendations/1
/reviews/practice/{ref}/recommendations/{n}	/reviews/practice/LCSPR-2019-01/recommendations/2
/reviews/recommendations	/reviews/recommendations
/reviews/recommendations	/reviews/recommendations?mine=1&status=open
/reviews/recommendations.csv	/reviews/recommendations.csv
/learning	/learning
/learning/{id}	/learning/1
/learning/{id}/file	/learning/1/file
/api/v1/reviews	/api/v1/reviews
/api/v1/reviews/{ref}	/api/v1/reviews/SCR-2014-01
/api/v1/reviews/{ref}/recommendations	/api/v1/reviews/LCSPR-2019-01/recommendations
/api/v1/learning	/api/v1/learning
LIST
}

# Every GET route has a sample (a new route needs one here).
"$MASA" serve --routes | awk '$1 == "GET" { print $2 }' >routes.txt
missing=""
while read -r pattern; do
	samples | cut -f1 | grep -qxF -- "$pattern" || missing="$missing $pattern"
done <routes.txt
[ -z "$missing" ] && pass "every GET route has a sample address" ||
	fail "every GET route has a sample address" "no sample for:$missing"

# The least role of each route.
declare -A NEEDS
while read -r method path role _; do
	[ "$method" = GET ] && NEEDS[$path]=$role
done < <("$MASA" serve --routes)

# The filter values, as the board's action log offers them to the business
# unit: every owner and organisation of an action in the log, those of the
# part-two actions included (others must find nothing of them there).
req -b jar-admin "$URL/bodies/RLSCB/actions"
choices() {
	grep -o "<select[^>]*name=\"$1\".*" "$BODY" | sed 's#</select>.*##' |
		grep -o 'value="[^"]*"' | sed 's/^value="//; s/"$//' | grep -v '^$'
}
OWNERS=$(choices owner | tr '\n' ' ')
ORGS=$(choices organisation | tr '\n' ' ')
if [[ " $OWNERS " == *" oona-owner "* && " $ORGS " == *" pace "* && " $ORGS " == *" cafcass "* ]]; then
	pass "the action log offers the owners and organisations to filter by"
else
	fail "the action log offers the owners and organisations to filter by" \
		"owners: $OWNERS" "organisations: $ORGS"
fi
# The day of the meeting before, the day before the part-two meeting and
# its day, a day after the part-two actions' updates, the next meeting's day.
DATES="2014-09-04 2014-12-03 2014-12-04 2015-01-31 2030-01-15"

# Every address asked, as PATTERN<TAB>ADDRESS: the samples, then each
# route's filters on the board, its part-two meeting, the meeting before and
# the next one, and the part-two actions.
addresses() {
	local p s d o
	samples
	p=/meetings/{body}/{date}
	for s in "" "?item=10" "?item=10.1" "?item=11" "?item=3"; do
		printf '%s\t%s\n' "$p" "/meetings/RLSCB/2014-12-04$s"
	done
	printf '%s\t%s\n' "$p" /meetings/RLSCB/2014-09-04 "$p" /meetings/RLSCB/2030-01-15
	printf '%s\t%s\n' /meetings/{body}/{date}/manage /meetings/RLSCB/2014-12-04/manage
	p=/meetings/{body}/{date}/items/{number}/minutes
	for s in 10 10.1 11; do
		printf '%s\t%s\n' "$p" "/meetings/RLSCB/2014-12-04/items/$s/minutes"
	done
	printf '%s\t%s\n' "$p" /meetings/RLSCB/2030-01-15/items/2/minutes
	printf '%s\t%s\n' /meetings/{body}/{date}/attendance /meetings/RLSCB/2014-12-04/attendance \
		/meetings/{body}/{date}/attendance /meetings/RLSCB/2030-01-15/attendance
	for s in "" "?from=2014-01-01" "?from=2030-01-01" "?from=2030-02-01"; do
		printf '%s\t%s\n' /bodies/{body}/programme "/bodies/RLSCB/programme$s"
	done
	for d in $DATES; do
		printf '%s\t%s\n' /bodies/{body} "/bodies/RLSCB?on=$d" /structure "/structure?on=$d"
	done
	printf '%s\t%s\n' /bodies/{body} "/bodies/RLSCB?on=2014-12-04&page=1"
	printf '%s\t%s\n' /meetings "/meetings?from=2014-01-01&to=2030-12-31" \
		/meetings "/meetings?body=RLSCB" /meetings "/meetings?body=RLSCB&from=2029-12-01&to=2030-02-28" \
		/bodies/{body}/calendar.ics /bodies/RLSCB-SCR/calendar.ics
	# The partnership's action lists.
	p=/actions
	printf '%s\t%s\n' $p /actions?overdue=yes
	for o in $OWNERS; do
		printf '%s\t%s\n' $p "/actions?owner=$o"
	done
	for o in $ORGS; do
		printf '%s\t%s\n' $p "/actions?organisation=$o" $p "/actions?organisation=$o&overdue=yes"
	done
	# The board's action log.
	p=/bodies/{body}/actions
	for s in log open finished all; do
		printf '%s\t%s\n' "$p" "/bodies/RLSCB/actions?status=$s" \
			"$p" "/bodies/RLSCB/actions?status=$s&overdue=yes"
	done
	for s in log all; do
		for d in $DATES; do
			printf '%s\t%s\n' "$p" "/bodies/RLSCB/actions?status=$s&as_at=$d"
		done
	done
	printf '%s\t%s\n' "$p" "/bodies/RLSCB/actions?status=all&page=1" \
		"$p" "/bodies/RLSCB/actions?status=all&page=2"
	for o in $OWNERS; do
		printf '%s\t%s\n' "$p" "/bodies/RLSCB/actions?status=all&owner=$o"
	done
	for o in $ORGS; do
		printf '%s\t%s\n' "$p" "/bodies/RLSCB/actions?status=all&organisation=$o" \
			"$p" "/bodies/RLSCB/actions?status=open&overdue=yes&organisation=$o"
	done
	# The part-two actions and their neighbour.
	for s in 10 11 12; do
		printf '%s\t%s\n' /actions/{body}/{meeting}/{number} "/actions/RLSCB/2014-12-04/$s" \
			/api/v1/actions/{body}/{date}/{number} "/api/v1/actions/RLSCB/2014-12-04/$s" \
			/api/v1/actions/{body}/{date}/{number}/updates "/api/v1/actions/RLSCB/2014-12-04/$s/updates?limit=1"
	done
	# The API: meetings, their items and resolutions a page at a time (the
	# walk follows "next"), the programme, members, and the action lists.
	for s in 2014-09-04 2014-12-04 2030-01-15; do
		printf '%s\t%s\n' /api/v1/meetings/{body}/{date} "/api/v1/meetings/RLSCB/$s" \
			/api/v1/meetings/{body}/{date}/items "/api/v1/meetings/RLSCB/$s/items?limit=3" \
			/api/v1/meetings/{body}/{date}/resolutions "/api/v1/meetings/RLSCB/$s/resolutions?limit=1" \
			/api/v1/meetings/{body}/{date}/attendance "/api/v1/meetings/RLSCB/$s/attendance"
	done
	p=/api/v1/meetings
	printf '%s\t%s\n' $p "$p?body=RLSCB&limit=3" $p "$p?from=2014-12-01&to=2014-12-31" \
		$p "$p?body=RLSCB&from=2030-01-01"
	p=/api/v1/bodies/{body}/programme
	printf '%s\t%s\n' "$p" /api/v1/bodies/RLSCB/programme "$p" "/api/v1/bodies/RLSCB/programme?limit=1"
	for d in 2014-12-03 2014-12-04 2030-01-15; do
		printf '%s\t%s\n' /api/v1/bodies/{body}/members "/api/v1/bodies/RLSCB/members?on=$d"
	done
	p=/api/v1/actions
	printf '%s\t%s\n' $p $p $p "$p?overdue=true" $p "$p?overdue=false" $p "$p?body=RLSCB&limit=4"
	for s in open in_progress discharged closed superseded; do
		printf '%s\t%s\n' $p "$p?body=RLSCB&status=$s"
	done
	for d in $DATES; do
		printf '%s\t%s\n' $p "$p?body=RLSCB&as_at=$d"
	done
	for o in $OWNERS; do
		printf '%s\t%s\n' $p "$p?owner=$o"
	done
	for o in $ORGS; do
		printf '%s\t%s\n' $p "$p?organisation=$o" $p "$p?body=RLSCB&organisation=$o&overdue=true"
	done
}
declare -A IS_SAMPLE
while read -r line; do IS_SAMPLE[$line]=1; done < <(samples)
addresses | awk -F'\t' '!seen[$2]++' >addresses.txt

# fetch ROLE TODO ROUND: asks for each address of TODO (PATTERN<TAB>ADDRESS)
# as ROLE, the pages in one curl and the API in another (each keeping its
# connection), and prints PATTERN<TAB>ADDRESS<TAB>STATUS<TAB>FILE lines.
fetch() {
	local role=$1 todo=$2 round=$3 kind cfg list i pattern address
	for kind in page api; do
		cfg=$WORK/curl-$role-$round-$kind
		list=$WORK/list-$role-$round-$kind
		: >"$cfg"
		: >"$list"
		i=0
		while IFS=$'\t' read -r pattern address; do
			case $address in
			/api/*) [ $kind = api ] || continue ;;
			*) [ $kind = page ] || continue ;;
			esac
			i=$((i + 1))
			printf 'url = "%s%s"\noutput = "%s.%d"\n' "$URL" "$address" "$cfg" "$i" >>"$cfg"
			printf '%s\t%s\t%s.%d\n' "$pattern" "$address" "$cfg" "$i" >>"$list"
		done <"$todo"
		[ "$i" -gt 0 ] || continue
		requests=$((requests + i))
		args=()
		if [ "$role" != public ]; then
			if [ $kind = api ]; then
				args=(-H "Authorization: Bearer ${TOKEN[$role]}")
			else
				args=(-b "jar-$role")
			fi
		fi
		curl -s --max-time 10 "${args[@]}" -K "$cfg" -w '%{http_code}\n' >"$cfg.codes" 2>/dev/null
		paste "$list" "$cfg.codes" | awk -F'\t' -v OFS='\t' '{ print $1, $2, $4, $3 }'
	done
}

# walk ROLE: every address, as ROLE, into walk-ROLE; an API list's next
# pages are followed, five at most.
walk() {
	local role=$1 round=1 pattern address
	# The samples for everyone; the other addresses for the roles their
	# route allows (a role below it has the samples' refusal checked).
	while IFS=$'\t' read -r pattern address; do
		if [ -n "${IS_SAMPLE[$pattern	$address]:-}" ] ||
			[ "${LEVEL[$role]}" -ge "${RANK[${NEEDS[$pattern]:-admin}]}" ]; then
			printf '%s\t%s\n' "$pattern" "$address"
		fi
	done <addresses.txt >"todo-$role"
	: >"walk-$role"
	while [ -s "todo-$role" ] && [ $round -le 6 ]; do
		fetch "$role" "todo-$role" $round >"round-$role"
		cat "round-$role" >>"walk-$role"
		# The next pages of this round's API answers, as PATTERN<TAB>NEXT.
		awk -F'\t' '$2 ~ /^\/api\// && $3 == 200 { print $4 }' "round-$role" >"files-$role"
		: >"todo-$role"
		if [ -s "files-$role" ]; then
			xargs grep -oHE '"next": *"[^"]*"' <"files-$role" |
				sed -E 's/:"next": *"/\t/; s/"$//' |
				awk -F'\t' -v OFS='\t' 'NR == FNR { pattern[$4] = $1; next }
					{ print pattern[$1], $2 }' "round-$role" - >"todo-$role"
		fi
		round=$((round + 1))
	done
}

# want_code ROLE PATTERN ADDRESS: sets WANT to the status ROLE must get at
# ADDRESS of PATTERN: the page for a role the route allows (or 404 for a
# part-two action the role may not see), else the sign-in page or 401 for
# the public and 403 for an account.
want_code() {
	local role=$1 address=$3 need=${NEEDS[$2]:-}
	if [ "${LEVEL[$role]}" -ge "${RANK[$need]}" ]; then
		WANT=200
		case $address in
		*/actions/RLSCB/2014-12-04/10 | */actions/RLSCB/2014-12-04/10/*)
			may_see "$role" XQWOMBAT || WANT=404 ;;
		*/actions/RLSCB/2014-12-04/11 | */actions/RLSCB/2014-12-04/11/*)
			may_see "$role" XQKESTREL || WANT=404 ;;
		*/papers/2 | */papers/2/* | */part-two-pack.pdf)
			may_see "$role" "$OLD1" || WANT=404 ;;
		# A serious incident of the Child Practice Review Panel, on which
		# none of these people sits: the admin and the chair only.
		/reviews | /reviews/incidents.csv)
			[ "$role" = admin ] || [ "$role" = chair ] || WANT=403 ;;
		*/incidents/RR-2019-01)
			[ "$role" = admin ] || [ "$role" = chair ] || WANT=404 ;;
		# Child deaths: a case (of a Rotherham child) and the CSV for
		# the admin and the chair; the panel's forms for the admin (no
		# role here sits on the panel); 404 for the rest.
		*/child-deaths/CDOP-* | */child-deaths.csv*)
			case $role in admin | chair) ;; *) WANT=404 ;; esac ;;
		*/child-deaths/new | */child-deaths/themes | */child-deaths/import)
			[ "$role" = admin ] || WANT=404 ;;
		# The held serious case review: a case of RLSCB-SCR, on which
		# nobody sits now, so only the chair and the admin see it.
		*/reviews/practice/SCR-2014-01* | */api/v1/reviews/SCR-2014-01*)
			case $role in chair | admin) ;; *) WANT=404 ;; esac ;;
		# The demo's briefing has no file (the interchange leaves
		# files out).
		*/learning/1/file) WANT=404 ;;
		esac
	elif [ "$role" = public ]; then
		case $address in /api/*) WANT=401 ;; *) WANT=303 ;; esac
	else
		WANT=403
	fi
}

# One check of the statuses and one of the secrets for each role and route
# (a failure's report shows no output of an earlier command).
: >"$OUT"
: >"$ERR"
cut -f1 addresses.txt | awk '!seen[$0]++' >patterns.txt
for r in $roles; do
	walk "$r"
	# The secrets ROLE may not see, wherever they are: FILE<TAB>WORD.
	declare -A found=() count=() bad=() leaked=()
	while IFS=$'\t' read -r file word; do
		found[$file]+=" $word;"
	done < <(cut -f4 "walk-$r" | xargs grep -oHF -f "forbid-$r" 2>/dev/null |
		sed 's/:/\t/' | sort -u)
	while IFS=$'\t' read -r pattern address code file; do
		count[$pattern]=$((${count[$pattern]:-0} + 1))
		want_code "$r" "$pattern" "$address"
		[ "$code" = "$WANT" ] || bad[$pattern]+="$address: $code, wanted $WANT"$'\n'
		[ -z "${found[$file]:-}" ] || leaked[$pattern]+="$address ($code) shows:${found[$file]}"$'\n'
	done <"walk-$r"
	while read -r pattern; do
		[ -n "${NEEDS[$pattern]:-}" ] || continue # not served (yet)
		name="as $r, $pattern answers as its role allows (${count[$pattern]:-0} addresses)"
		if [ -z "${bad[$pattern]:-}" ]; then
			pass "$name"
		else
			mapfile -t lines < <(printf '%s' "${bad[$pattern]}" | head -8)
			fail "$name" "${lines[@]}"
		fi
		name="as $r, $pattern shows no part two $r may not see (${count[$pattern]:-0} addresses)"
		if [ -z "${leaked[$pattern]:-}" ]; then
			pass "$name"
		else
			mapfile -t lines < <(printf '%s' "${leaked[$pattern]}" | head -12)
			fail "$name" "${lines[@]}"
		fi
	done <patterns.txt
	unset found count bad leaked
done

# walk_file ROLE ADDRESS: the file of the walk's answer to ROLE at ADDRESS.
walk_file() {
	awk -F'\t' -v a="$2" '$2 == a { print $4; exit }' "walk-$1"
}

# seen ROLE ADDRESS TEXT...: the walk found each TEXT at ADDRESS as ROLE.
seen() {
	local role=$1 address=$2 file t missing=()
	shift 2
	file=$(walk_file "$role" "$address")
	for t in "$@"; do
		[ -n "$file" ] && grep -qF -- "$t" "$file" || missing+=("$t")
	done
	if [ -z "$file" ]; then
		fail "as $role, $address shows $*" "not walked"
	elif [ ${#missing[@]} -eq 0 ]; then
		pass "as $role, $address shows $*"
	else
		fail "as $role, $address shows $*" "missing: ${missing[*]}"
	fi
}

# Positive controls: who may see a secret sees it where it belongs, so a
# variant that did not load what the test thinks fails here.
for r in member admin; do
	seen $r /meetings/RLSCB/2014-09-04 "$OLD1"
	seen $r /api/v1/meetings/RLSCB/2014-09-04 "$OLD1"
	seen $r /meetings/RLSCB/2014-12-04 XQZEPHYR XQQUOKKA XQBISON XQMARMOT XQJACKAL \
		XQNARWHAL XQOCELOT XQPANGOLIN XQGECKO XQSALAMANDER XQWOMBAT XQKESTREL
	seen $r /api/v1/meetings/RLSCB/2014-12-04 XQZEPHYR XQMARMOT XQGECKO
	seen $r /actions/RLSCB/2014-12-04/10 XQWOMBAT XQIBEX XQMARMOT
	seen $r /actions/RLSCB/2014-12-04/11 XQKESTREL XQHERON XQZEPHYR
	seen $r /api/v1/actions/RLSCB/2014-12-04/10 XQWOMBAT
	seen $r /bodies/RLSCB/programme "Matters arising for RLSCB/2030-01-15" XQTAPIR XQLYNX XQGECKO XQWOMBAT XQKESTREL
	seen $r /api/v1/bodies/RLSCB/programme XQTAPIR XQLYNX
	seen $r "/bodies/RLSCB/actions?status=open" XQWOMBAT XQKESTREL
	seen $r /actions?overdue=yes XQWOMBAT XQKESTREL
	seen $r "/actions?owner=oona-owner" XQWOMBAT
	seen $r "/actions?organisation=pace" XQKESTREL
	seen $r /api/v1/actions XQWOMBAT XQKESTREL
	seen $r "/api/v1/actions?owner=oona-owner" XQWOMBAT
done
for r in current admin; do
	seen $r /meetings/RLSCB/2030-01-15 XQVOLE
	seen $r /api/v1/meetings/RLSCB/2030-01-15 XQVOLE
done
seen admin /meetings/RLSCB/2014-12-04/items/10.1/minutes XQMARMOT XQJACKAL
seen leaver /meetings/RLSCB/2014-09-04 "$OLD1" "$OLD2"
seen owner /actions/RLSCB/2014-12-04/10 XQWOMBAT XQIBEX
seen owner /api/v1/actions/RLSCB/2014-12-04/10 XQWOMBAT
seen owner "/api/v1/actions/RLSCB/2014-12-04/10/updates?limit=1" XQIBEX
seen owner "/actions?owner=oona-owner" XQWOMBAT
seen owner "/bodies/RLSCB/actions?status=open" XQWOMBAT
seen owner "/api/v1/actions?owner=oona-owner" XQWOMBAT
seen pace /actions/RLSCB/2014-12-04/11 XQKESTREL XQHERON
seen pace "/actions?organisation=pace" XQKESTREL
seen pace "/bodies/RLSCB/actions?status=all&organisation=pace" XQKESTREL
seen pace "/api/v1/actions?organisation=pace" XQKESTREL
# The lists are not empty for those who see no part two: the checks above
# looked at pages with something on them.
seen public /bodies/RLSCB/programme "Open programme control"
seen public /meetings/RLSCB/2014-12-04 "Health and Wellbeing Board feedback"
for r in lead leaver outsider; do
	seen $r "/actions?organisation=cafcass" "Cafcass to share its caseload figures"
	seen $r "/bodies/RLSCB/actions?status=all&organisation=cafcass" "Cafcass to share its caseload figures"
	seen $r "/api/v1/actions?organisation=cafcass" "Cafcass to share its caseload figures"
	seen $r /bodies/RLSCB/programme "Matters arising for RLSCB/2030-01-15" "Open programme control"
done

# The counts of the partnership's action index agree with the board's log
# as each role is shown it: an action hidden from the log is not counted.
for r in $roles; do
	[ "$r" = public ] && continue
	index=$(walk_file "$r" /actions)
	for s in "status=open" "status=open&overdue=yes"; do
		shown=$(grep -o "href=\"/bodies/RLSCB/actions?${s/&/&amp;}\"[^>]*>[0-9]*" "$index" | sed 's/.*>//')
		log=$(walk_file "$r" "/bodies/RLSCB/actions?$s")
		listed=$(grep -o 'href="/actions/RLSCB/[^"]*"' "$log" | sort -u | wc -l)
		if [ -n "$shown" ] && [ "$shown" = "$listed" ]; then
			pass "as $r, /actions counts the board's actions ($s) as its log lists them"
		else
			fail "as $r, /actions counts the board's actions ($s) as its log lists them" \
				"counted ${shown:-nothing}, the log lists $listed"
		fi
	done
done

# Under ASan and UBSan, the server said nothing of memory or undefined
# behaviour while answering all of it.
if grep -qE 'AddressSanitizer|runtime error:' serve.err; then
	fail "the server reports no sanitizer error" "$(grep -m1 -E 'AddressSanitizer|runtime error:' serve.err)"
else
	pass "the server reports no sanitizer error"
fi
echo "# $requests requests"
done_testing
