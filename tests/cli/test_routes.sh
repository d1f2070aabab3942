# Every route for every role, against a real masa serve: each GET route of
# the route table (masa serve --routes) has a sample address here, and each
# sample is asked by the public, a member of another body, a partner lead, a
# board member, a chair and the business unit (pages with a signed-in cookie,
# /api/ with a bearer token). The answer must be the page for roles the route
# allows, the sign-in page (303) or 401 for the public, and 403 for accounts
# below the route's role; and a confidential (part two) item of the board is
# never in any answer to those who may not see it, on any route.
. "$(dirname "$0")/lib.sh"

PW="correct horse battery staple"
ok "init --demo" --db demo.db init --demo
add() { printf '%s\n' "$PW" | "$MASA" --db demo.db user add "$@" >/dev/null; }
add admin --role admin
add chair --role chair --person steve-ashley
add member --role member --person sue-cassin
add police --role partner --person jason-harwin --organisation south-yorkshire-police
add outsider --role member --person cusworth
# An action standing alone (RLSCB/A1), owned by the police.
"$MASA" --db demo.db actions raise RLSCB --details "Share the police data quarterly" \
	--owners jason-harwin --on 2014-12-05 --due 2015-03-31 >/dev/null
roles="public outsider police member chair admin"
declare -A TOKEN LEVEL
LEVEL=([public]=0 [outsider]=1 [member]=1 [police]=2 [chair]=3 [admin]=4)
declare -A RANK=([public]=0 [member]=1 [partner]=2 [chair]=3 [admin]=4)
# May see the board's part two: its members (the chair, the police lead and
# the board member sit on it) and the business unit.
declare -A SEES_PART_TWO=([public]=0 [outsider]=0 [police]=1 [member]=1 [chair]=1 [admin]=1)
for r in outsider police member chair admin; do
	TOKEN[$r]=$("$MASA" --db demo.db token create "$r" --name "route test" 2>/dev/null | grep -oE '[A-Za-z0-9_-]{43}' | head -1)
done
start_server demo.db --static "$ROOT/build/static"
for r in outsider police member chair admin; do
	sign_in "jar-$r" "$r" "$PW"
	code_is "$r signs in" 303
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
/meetings/{body}/{date}/attendance	/meetings/RLSCB/2014-09-04/attendance
/meetings/{body}/{date}/items/{number}/minutes	/meetings/RLSCB/2014-09-04/items/2/minutes
/actions	/actions
/actions/{body}/{meeting}/{number}	/actions/RLSCB/2014-06-05/10
/actions/{body}/{ref}	/actions/RLSCB/A1
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

secret1="Serious case review: Child S"
secret2="Part two, taken in private"
leaks=0
while IFS=$'\t' read -r pattern address; do
	need=${NEEDS[$pattern]:-}
	[ -n "$need" ] || continue # not served (yet)
	for r in $roles; do
		args=()
		case $address in
		/api/*) [ "$r" != public ] && args=(-H "Authorization: Bearer ${TOKEN[$r]}") ;;
		*) [ "$r" != public ] && args=(-b "jar-$r") ;;
		esac
		req "${args[@]}" "$URL$address"
		if [ "${LEVEL[$r]}" -ge "${RANK[$need]}" ]; then
			want=200
		elif [ "$r" = public ]; then
			case $address in /api/*) want=401 ;; *) want=303 ;; esac
		else
			want=403
		fi
		code_is "$address as $r: $want" "$want"
		if [ "${SEES_PART_TWO[$r]}" = 0 ] && { grep -qF "$secret1" "$BODY" || grep -qF "$secret2" "$BODY"; }; then
			leaks=$((leaks + 1))
			fail "$address as $r shows the board's part two item"
		fi
	done
done < <(samples)
[ "$leaks" -eq 0 ] && pass "no route shows the part two item to anyone who may not see it"

# Positive controls: those who may see it do, on the meeting's page and API.
for r in member admin; do
	req -b "jar-$r" "$URL/meetings/RLSCB/2014-09-04"
	[ "$CODE" = 404 ] || body_has "the meeting page shows part two to $r" "$secret1"
	req -H "Authorization: Bearer ${TOKEN[$r]}" "$URL/api/v1/meetings/RLSCB/2014-09-04"
	body_has "the meeting's API shows part two to $r" "$secret1"
done

done_testing
