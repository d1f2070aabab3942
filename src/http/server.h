/*
 * server: masa's HTTP server on libmicrohttpd, and the response helpers
 * handlers use.
 *
 * libmicrohttpd runs an internal thread pool (epoll where available) with a
 * per-connection memory limit (which also bounds the request line and
 * headers), a connection timeout, per-IP and total connection limits; the
 * server adds a request body limit. Each worker thread opens its own store
 * connection the first time it serves a request (the store is not
 * thread-safe) and the server closes them all when it stops.
 *
 * Every response carries the security headers (Content-Security-Policy,
 * X-Content-Type-Options, Referrer-Policy, X-Frame-Options), and every
 * answer to a signed-in request, a request with an API token, or that sets
 * a cookie, carries "Cache-Control: no-store" (but the static files, which
 * are the same for everyone). Every request is logged as one line on stderr
 * when it ends.
 */
#ifndef MASA_HTTP_SERVER_H
#define MASA_HTTP_SERVER_H

#include <jansson.h>
#include <stddef.h>

#include "core/error.h"
#include "http/limit.h"
#include "http/route.h"
#include "web/html.h"

enum {
	HTTP_BODY_MAX = 1024 * 1024,        /* request bodies; larger: 413 */
	HTTP_CONNECTION_MEMORY = 64 * 1024, /* per connection: line + headers */
	HTTP_CONNECTION_TIMEOUT_SECONDS = 30,
	HTTP_PER_IP_CONNECTIONS = 64,
	HTTP_CONNECTIONS = 1024,
	HTTP_PAGE_MAX = 8 * 1024 * 1024, /* the largest page html_init allows */
	HTTP_SHUTDOWN_GRACE_SECONDS = 10,    /* for in-flight requests */
	HTTP_CACHE_PAGES = 1024,             /* public pages kept rendered */
	HTTP_CACHE_BYTES = 16 * 1024 * 1024, /* and the most bytes of them */
};

struct http_server;

struct http_config {
	const char *db_path; /* the store (a path for SQLite) */
	/*
	 * The one partnership served, or NULL: each request's, by the host
	 * name its Host header names (gov_partnership_host_add); in a
	 * database of one partnership with no host names, that one.
	 */
	const char *partnership_key;
	const char *host;           /* an IPv4 or IPv6 address to bind */
	unsigned port;              /* 0 picks a free port */
	const char *static_dir;     /* served under /static/ */
	const struct route *routes; /* masa_routes, or a test's table */
	unsigned threads;           /* 0: one per CPU */
	/*
	 * SESSION HOOK: called for each request after routing and before the
	 * role check, to fill req->viewer, req->account and req->csrf_token
	 * from a session cookie or bearer token; NULL leaves everyone the
	 * public. An error answers the request with its error page.
	 */
	enum masa_err (*identify)(struct http_request *req,
	                          struct masa_error *err);
	/*
	 * Sign-in attempts (POST to a route marked sign_in_attempt) and
	 * refused API tokens one address may make in sign_in_window seconds;
	 * past that, 429 with Retry-After (http/limit.h). 0: no limit. The
	 * address is the peer's, or, when the peer is this machine or one of
	 * trusted_proxies (a proxy in front), the last one its
	 * X-Forwarded-For names.
	 */
	unsigned sign_in_attempts;
	unsigned sign_in_window;
	/*
	 * How large a multipart/form-data body (a form with a file: a paper)
	 * may be; 0: HTTP_BODY_MAX, as every other body.
	 */
	size_t upload_max;
	/* The addresses of proxies on other machines (borrowed). */
	const struct limit_address *trusted_proxies;
	size_t ntrusted_proxies;
};

/*
 * Checks the route table, resolves the partnership, binds and starts
 * serving. Caller stops with http_server_stop().
 */
enum masa_err http_server_start(const struct http_config *cfg,
                                struct http_server **out,
                                struct masa_error *err);
/* The port being served (useful when cfg->port was 0). */
unsigned http_server_port(const struct http_server *s);
/*
 * What s serves, for people to read: the partnership's name, or "3
 * partnerships by host name"; borrowed from s.
 */
const char *http_server_serving(const struct http_server *s);
/*
 * Stops accepting connections, waits (up to HTTP_SHUTDOWN_GRACE_SECONDS)
 * for requests in flight to finish, then stops the threads, closes every
 * store connection and frees s. NULL is ignored.
 */
void http_server_stop(struct http_server *s);

/*
 * Responses. Each queues the response for req; a handler calls one of them
 * once and returns MASA_OK. Bodies are copied, so the caller keeps what it
 * passed.
 */

/* The page h holds (html_finish must succeed, else 500). h is not freed. */
enum masa_err http_respond_html(struct http_request *req, unsigned status,
                                struct html *h, struct masa_error *err);
/* v as JSON (application/json); steals the reference to v. */
enum masa_err http_respond_json(struct http_request *req, unsigned status,
                                json_t *v, struct masa_error *err);
/*
 * 303 See Other to location, which must be a path on this site ("/x"):
 * anything else is refused (no open redirects).
 */
enum masa_err http_respond_redirect(struct http_request *req,
                                    const char *location,
                                    struct masa_error *err);
/*
 * For a form whose change failed with rc, before showing it again: when the
 * database was busy (and the server will not run the handler again) or
 * could not be reached, the message to show above the form, which the
 * handler shows again with what was typed and status 503 (the answer gets
 * Retry-After); else NULL. NULL for a busy database means the server runs
 * the handler again: return rc, answering nothing. The message is static.
 */
const char *http_form_unsaved(struct http_request *req, enum masa_err rc);
/*
 * An error page (JSON {"error": {...}} under /api/) with status and a
 * message a user can act on; a 503 also says when to come back
 * (Retry-After).
 */
enum masa_err http_respond_error(struct http_request *req, unsigned status,
                                 const char *message, struct masa_error *err);
/*
 * data (len bytes) as content_type ("text/calendar; charset=utf-8"), a
 * literal of the handler's.
 */
enum masa_err http_respond_text(struct http_request *req, unsigned status,
                                const char *content_type, const char *data,
                                size_t len, struct masa_error *err);
/*
 * The address masa listens on as host:port ("127.0.0.1:8080", "[::1]:80"),
 * for absolute links when a request's Host header cannot be trusted.
 */
void http_listen_authority(const struct http_request *req, char *out,
                           size_t size);
/* The value of request header name (any case), or NULL. */
const char *http_header(const struct http_request *req, const char *name);
/* The value of cookie name, or NULL. */
const char *http_cookie(const struct http_request *req, const char *name);
/* Adds a response header (a literal name) to the response queued next. */
void http_add_header(struct http_request *req, const char *name,
                     const char *value);

/* The handler of /static/ paths: files from cfg->static_dir. */
enum masa_err http_static_file(struct http_request *req,
                               struct masa_error *err);

#endif
