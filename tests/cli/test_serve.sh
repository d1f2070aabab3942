# masa serve: the HTTP server core, checked with curl against a real server
# on 127.0.0.1 (a free port the kernel picks): JSON and HTML routes, security
# headers, 404 and 405, static files with ETag and 304, path traversal, a
# path at the length limit and one over, oversized bodies and headers,
# undeclared parameters, the access log and a graceful stop on SIGTERM.
. "$(dirname "$0")/lib.sh"

# masa serve --help fails only if masa does: a failure, not a reason to
# skip the suite.
ok "masa serve --help" serve --help

ok "init --demo" --db demo.db init --demo
mkdir -p static/css
printf 'body { margin: 0 }\n' >static/masa.css
printf 'SECRET-MAKEFILE-TEXT\n' >Makefile
printf 'SECRET-IN-WORK\n' >secret.txt

start_server demo.db --static static
pass "serve starts and says where"
grep -qF "masa is serving Rotherham Safeguarding Children Partnership at" serve.out &&
	pass "the start line names the partnership" ||
	fail "the start line names the partnership" "$(cat serve.out)"

# healthz_is CODE: GET /healthz answers CODE.
healthz_is() {
	req "$URL/healthz"
	[ "$CODE" = "$1" ]
}
wait_for 10 healthz_is 200
code_is "/healthz answers 200" 200
if [ "$(jq -r .status "$BODY")" = ok ] && [ "$(jq -r '.schema | type' "$BODY")" = number ]; then
	pass "/healthz is {status: ok, schema: N}"
else
	fail "/healthz is {status: ok, schema: N}" "$(head -c 200 "$BODY")"
fi
header_has "/healthz is JSON" "Content-Type: application/json"

req "$URL/"
code_is "/ answers 200" 200
body_has "/ names the partnership" "Rotherham Safeguarding Children Partnership"
body_has "/ lists RLSCB" "RLSCB"
body_has "/ is a doctype'd page" "<!doctype html>"
body_has "/ is in British English" '<html lang="en-GB"'
body_has "/ links the stylesheet" '<link rel="stylesheet" href="/static/masa.css">'
header_has "/ is HTML" "Content-Type: text/html; charset=utf-8"
header_has "Content-Security-Policy" "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"
header_has "X-Content-Type-Options" "X-Content-Type-Options: nosniff"
header_has "Referrer-Policy" "Referrer-Policy: same-origin"
header_has "X-Frame-Options" "X-Frame-Options: DENY"

req "$URL/no/such/page"
code_is "an unknown path is 404" 404
body_has "the 404 page says so" "Page not found"
header_has "the 404 page has the security headers" "X-Frame-Options: DENY"

req -X POST -d x=1 "$URL/healthz"
code_is "POST /healthz is 405" 405
header_has "405 says what is allowed" "Allow: GET, HEAD"

req -I "$URL/healthz"
code_is "HEAD /healthz is 200" 200

req "$URL/static/masa.css"
code_is "a static file is served" 200
body_has "with its contents" "margin: 0"
header_has "CSS has its type" "Content-Type: text/css"
header_has "static files are cached for a year" "Cache-Control: public, max-age=31536000, immutable"
etag=$(tr -d '\r' <"$HEAD" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
[ -n "$etag" ] && pass "a static file has an ETag" || fail "a static file has an ETag"
req -H "If-None-Match: $etag" "$URL/static/masa.css"
code_is "If-None-Match with its ETag is 304" 304
[ ! -s "$BODY" ] && pass "304 has no body" || fail "304 has no body"
req -H 'If-None-Match: "other"' "$URL/static/masa.css"
code_is "another ETag gets the file" 200
req "$URL/static/missing.css"
code_is "a missing static file is 404" 404
req "$URL/static/css"
code_is "a static directory is 404" 404

# A path of exactly ROUTE_PATH_MAX (2048, src/http/route.h) is routed (to a
# static file, eight directories of 250 letters deep); one character more
# is refused with 414. The limit is on the path as decoded, without the
# query.
long_dir=static
for _ in 1 2 3 4 5 6 7 8; do long_dir=$long_dir/$(head -c 250 /dev/zero | tr '\0' d); done
mkdir -p "$long_dir"
at_name=$(head -c 28 /dev/zero | tr '\0' f).css # /static/ + 8 × 251 + 32 = 2048
printf 'AT-THE-LIMIT\n' >"$long_dir/$at_name"
printf 'OVER-THE-LIMIT\n' >"$long_dir/f$at_name"
at_limit=/${long_dir}/$at_name
[ ${#at_limit} -eq 2048 ] && pass "the path at the limit is 2048 characters" ||
	fail "the path at the limit is 2048 characters" "it is ${#at_limit}"
req "$URL$at_limit"
code_is "a path of exactly 2048 characters is routed" 200
body_has "  to its file" "AT-THE-LIMIT"
req "$URL$at_limit?v=$(head -c 100 /dev/zero | tr '\0' 1)"
code_is "  and with a query after it (the query is not part of the path)" 200
req "$URL/${long_dir}/%66${at_name#f}"
code_is "  and with a letter written %66 (the limit is on the decoded path)" 200
req "$URL/${long_dir}/f$at_name"
code_is "a path of 2049 characters is refused with 414" 414
body_has "  saying why" "The address is longer than masa accepts."
body_hasnt "  and not the file" "OVER-THE-LIMIT"

for path in /static/../Makefile /static/%2e%2e/Makefile /static/%2E%2E/secret.txt \
	/static/..%2fMakefile /static/css/../../Makefile /static/.%2e/Makefile; do
	req --path-as-is "$URL$path"
	code_is "traversal $path refused" 400 404
	body_hasnt "traversal $path leaks nothing" "SECRET"
done
req "$URL/static/.hidden"
code_is "hidden files are not served" 404

head -c 2000000 /dev/zero >big
req --data-binary @big -H 'Content-Type: application/octet-stream' "$URL/healthz"
code_is "a 2 MB body is 413" 413
body_has "413 is a readable page" "too large"
req --data-binary @big -H 'Transfer-Encoding: chunked' -H 'Content-Type: application/octet-stream' "$URL/healthz"
code_is "a 2 MB chunked body is 413" 413

huge=$(head -c 100000 /dev/zero | tr '\0' a)
req -H "X-Huge: $huge" "$URL/healthz"
code_is "a 100 kB header is refused" 431 400 413 000
hdrs=()
for i in $(seq 1 4000); do hdrs+=(-H "X-Header-$i: value-$i"); done
req "${hdrs[@]}" "$URL/healthz"
code_is "4000 headers are refused" 431 400 413 000

req "$URL/healthz"
cp "$BODY" plain.json
req "$URL/healthz?evil=%3Cscript%3E&schema=99"
code_is "an undeclared parameter is ignored" 200
cmp -s "$BODY" plain.json && pass "and changes nothing" || fail "and changes nothing" "$(cat "$BODY")"
req "$URL/bodies/ILSC/programme?from=2019-12-04&debug=1"
code_is "a declared parameter with an undeclared one" 200
body_has "the declared one is used" "Entries from 4 December 2019"
req "$URL/bodies/ILSC/programme?from=not-a-date"
code_is "a bad date is 400" 400
body_has "400 names the parameter by its label" "The first month to show must be a real date"
req "$URL/bodies/ILSC/programme?from=2014-12-04&from=2015-01-01"
code_is "a parameter given twice is 400" 400
req "$URL/bodies/ILSC/programme?from=%3Cscript%3E"
body_hasnt "bad input is not echoed as markup" "<script>"

kill -TERM "$SERVER_PID"
if wait_for 10 process_gone "$SERVER_PID"; then
	wait "$SERVER_PID"
	status=$?
	SERVER_PID=""
	pass "SIGTERM stops the server"
	[ "$status" -eq 0 ] && pass "and it exits 0" || {
		fail "and it exits 0" "exit status $status"
		grep -v '^[0-9]\{4\}-' serve.err | head -20 | sed 's/^/# /'
	}
else
	fail "SIGTERM stops the server" "still running 10 s after it"
	fail "and it exits 0" "still running"
fi

log_lines=$(grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z 127\.0\.0\.1 ' serve.err)
[ "$log_lines" -eq "$requests" ] && pass "one access log line per request ($requests)" ||
	fail "one access log line per request" "$log_lines lines for $requests requests"
if grep -qE '^[0-9T:Z-]+ 127\.0\.0\.1 GET /healthz 200 [0-9]+ [0-9.]+ms$' serve.err; then
	pass "a log line has time, client, method, path, status, bytes, ms"
else
	fail "a log line has time, client, method, path, status, bytes, ms" "$(head -1 serve.err)"
fi
grep -q 'evil' serve.err && fail "the log leaves out the query" || pass "the log leaves out the query"

done_testing
