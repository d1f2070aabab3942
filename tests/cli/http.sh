# Helpers for the HTTP tests: start a real `masa serve` on 127.0.0.1 (a port
# the kernel picks), make requests with curl, sign in with a cookie jar.
# lib.sh sources it.

SERVER_PID=""
FIRST_PID="" # the first of two servers (start_two_servers)
stop_server() {
	local pid
	for pid in "$FIRST_PID" "$SERVER_PID"; do
		if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
			kill -KILL "$pid" 2>/dev/null
			wait "$pid" 2>/dev/null
		fi
	done
	rm -rf "$WORK"
}
trap stop_server EXIT

# serve_said_where: masa serve (SERVER_PID) has printed its address, which
# is then in URL, or has ended.
serve_said_where() {
	URL=$(sed -n 's/^masa is serving .* at \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' serve.out 2>/dev/null)
	[ -n "$URL" ] || process_gone "$SERVER_PID"
}

# add_accounts DB PASSWORD: the accounts the session tests sign in as:
# admin, and police (a partner lead of South Yorkshire Police).
add_accounts() {
	printf '%s\n' "$2" | "$MASA" --db "$1" user add admin --role admin >/dev/null
	printf '%s\n' "$2" | "$MASA" --db "$1" user add police --role partner \
		--person jason-harwin --organisation south-yorkshire-police >/dev/null
}

# start_server DB [SERVE OPTIONS...]: starts masa serve on DB; sets URL and
# SERVER_PID, or prints a failure and exits.
start_server() {
	local db=$1
	shift
	"$MASA" --db "$db" serve --listen 127.0.0.1:0 "$@" >serve.out 2>serve.err &
	SERVER_PID=$!
	URL=""
	wait_for 30 serve_said_where
	if [ -z "$URL" ]; then
		fail "serve starts and says where" "no 'masa is serving' line"
		head -5 serve.err | sed 's/^/# /'
		done_testing
		exit 1
	fi
}

# start_two_servers DB [SERVE OPTIONS...]: two masa serve processes on DB,
# as behind a load balancer; sets URL1 and URL2 (URL is the second's), or
# prints a failure and exits. stop_server ends both.
start_two_servers() {
	start_server "$@"
	URL1=$URL
	FIRST_PID=$SERVER_PID
	rm -f serve.out # else the second start could read the first one's address
	start_server "$@"
	URL2=$URL
}

requests=0
BODY=$WORK/body
HEAD=$WORK/head
# req ARGS...: one curl request (loopback, 5 s at most); status in $CODE,
# headers in $HEAD, body in $BODY.
req() {
	requests=$((requests + 1))
	rm -f "$BODY" "$HEAD"
	CODE=$(curl -s --max-time 5 -o "$BODY" -D "$HEAD" -w '%{http_code}' "$@" 2>/dev/null)
}
# code_is NAME WANT...: the last status is one of WANT.
code_is() {
	local name=$1 w
	shift
	for w in "$@"; do
		[ "$CODE" = "$w" ] && { pass "$name"; return; }
	done
	fail "$name" "status $CODE, wanted $*"
}
# header_has NAME TEXT: the last response's headers contain TEXT.
header_has() {
	if tr -d '\r' <"$HEAD" | grep -qiF -- "$2"; then pass "$1"; else fail "$1" "headers lack: $2"; fi
}
body_has() {
	if grep -qF -- "$2" "$BODY"; then pass "$1"; else fail "$1" "body lacks: $2"; fi
}
body_hasnt() {
	if grep -qF -- "$2" "$BODY"; then fail "$1" "body has: $2"; else pass "$1"; fi
}

# csrf_of: the csrf field of the last form on the last page (the page's own
# form comes after the navigation's sign-out form).
csrf_of() {
	grep -o 'name="csrf" value="[^"]*"' "$BODY" | tail -1 | sed 's/.*value="//; s/"$//'
}

# sign_in JAR USERNAME PASSWORD: signs in through the sign-in form, keeping
# the cookies in JAR; CODE is the answer to the form (303 when it worked).
# curl keeps Secure cookies for 127.0.0.1 as browsers do.
sign_in() {
	local jar=$1 user=$2 password=$3 token
	rm -f "$jar"
	req -c "$jar" -b "$jar" "$URL/sign-in"
	token=$(csrf_of)
	req -c "$jar" -b "$jar" "$URL/sign-in" --data-urlencode "csrf=$token" \
		--data-urlencode "username=$user" --data-urlencode "password=$password"
}

# page_csrf JAR PATH: the csrf token of the form on PATH, as JAR sees it.
page_csrf() {
	req -b "$1" "$URL$2"
	csrf_of
}
