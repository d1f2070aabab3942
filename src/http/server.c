/*
 * server: masa's HTTP server on libmicrohttpd (see server.h).
 *
 * A request's life: the URI log callback (the first thing libmicrohttpd
 * tells us about a request) makes its state and starts the clock, so that
 * every request, even one refused for oversized headers, ends in one access
 * log line from the completion callback. The access handler is called once
 * when the headers are in (an oversized Content-Length is refused there),
 * then with each piece of the body (kept up to HTTP_BODY_MAX), then once
 * more with nothing, when the request is routed, its declared parameters
 * validated, and the handler run.
 *
 * Which partnership a request is for: the one the server was pinned to
 * (masa serve --partnership), else the one whose host name the Host header
 * names (gov_partnership_host_add), else, in a database of one partnership
 * with no host names, that one. The server keeps every partnership, host
 * name and body serving another partnership in memory (struct tenancy),
 * read at start and read again at the first request after the data
 * generation moves on (any change may have added a host or a served body):
 * three small queries after a change, none otherwise. A request copies its
 * partnership into its arena, so a reload never frees what a request holds.
 *
 * A handler that fails because the database was busy (MASA_ERR_BUSY: its
 * change clashed with another, or waited its turn too long) is run again,
 * after a short random pause, for up to BUSY_RETRY_MS from its first run,
 * as long as it has answered nothing and stored nothing (the store's write
 * count has not moved), so that running it again cannot repeat a change.
 * Then it is 503 with a short Retry-After; a form is shown again with what
 * was typed (http_form_unsaved).
 */
#include "http/server.h"

#include <arpa/inet.h>
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/text.h"
#include "gov/body.h"
#include "http/cache.h"
#include "http/limit.h"
#include "http/multipart.h"
#include "store/store.h"
#include "web/layout.h"

enum {
	MAX_EXTRA_HEADERS = 16,
	LOG_PATH_MAX = 512,
	/* Past this much body beyond the limit, the connection is closed. */
	BODY_DISCARD_MAX = 4 * HTTP_BODY_MAX,
};

/* One worker thread's store connection (the store is not thread-safe). */
struct worker {
	pthread_t thread;
	bool used;
	struct store *store;
	int64_t data_version; /* as this connection last saw it */
};

/* What the server knows of the partnerships it serves (see above). */
struct tenancy {
	struct arena arena;
	uint64_t generation; /* the data generation it was read at */
	struct gov_partnership *partnerships; /* by id */
	size_t npartnerships;
	struct gov_partnership_host *hosts; /* by host, in strcmp order */
	size_t nhosts;
	struct gov_body_serving *servings; /* by partnership, then body */
	size_t nservings;
};

struct http_server {
	struct MHD_Daemon *daemon;
	struct http_config cfg;
	char *static_root;  /* realpath of cfg.static_dir, or NULL if missing */
	struct arena arena; /* the description of what is served */
	int64_t pinned;     /* the partnership of --partnership, or 0 */
	int64_t sole; /* the only partnership at start, if no host names */
	const char *serving; /* "Rotherham ...", "3 partnerships by host" */
	pthread_rwlock_t tenancy_lock; /* guards the tenancy pointer */
	pthread_mutex_t reload_lock;   /* one reload at a time */
	struct tenancy *tenancy;
	unsigned port;
	pthread_mutex_t lock; /* guards workers[].used while assigning */
	struct worker *workers;
	size_t nworkers;
	atomic_int in_flight;
	struct page_cache *cache;
	struct limit *sign_in_limit; /* NULL when there is none */
	/* Proxies whose X-Forwarded-For is believed, besides this machine. */
	struct limit_address *trusted_proxies;
	size_t ntrusted_proxies;
	/* Moves on whenever the data may have changed (see cache.h). */
	_Atomic uint64_t generation;
};

struct header {
	const char *name, *value;
};

struct request_state {
	struct http_request req; /* first: handlers' pointers convert back */
	struct http_server *server;
	struct MHD_Connection *conn;
	struct timespec started;
	char log_path[LOG_PATH_MAX];
	bool headers_seen;
	struct buf body;
	bool body_too_big;
	size_t discarded;
	bool responded;
	unsigned status;
	size_t bytes;
	struct header extra[MAX_EXTRA_HEADERS];
	size_t nextra;
	/* The page cache's key for this response, when it may be kept. */
	char *cache_key;
	uint64_t cache_generation;
	int64_t cache_day;
	/* Parameter collection (iterators cannot return errors). */
	struct masa_error param_err;
	bool param_failed;
	/* Bodies of other partnerships serving the request's (sorted). */
	const int64_t *served;
	size_t nserved;
	/* Running the handler again while the database is busy (busy_again) */
	uint64_t writes_before;  /* store_write_count() before its first run */
	struct timespec give_up; /* no run starts later than this */
	unsigned runs;
	bool run_again; /* decided: it runs again (http_form_unsaved) */
	bool busy;      /* the database was busy: Retry-After is short */
	/* busy after the request had stored something: not run again, and
	 * not told that nothing was saved */
	bool partly_saved;
};

static _Thread_local struct worker *this_worker;
static _Thread_local const struct http_server *this_server;

/* How long, and how often at most, a handler is run again while the
 * database is busy. */
enum { BUSY_RETRY_MS = 5000, BUSY_PAUSE_MAX_MS = 100, BUSY_RUNS_MAX = 200 };
/* What a busy database tells the client (seconds). */
static const char BUSY_RETRY_AFTER[] = "5";
static const char BUSY_MESSAGE[] =
        "The database is busy with other changes just now, so nothing you "
        "sent was saved. Send it again in a few seconds.";
static const char BUSY_PARTLY_MESSAGE[] =
        "The database is busy with other changes just now, so not all of "
        "what you sent was saved: in a few seconds, look at the page "
        "again before sending it again.";

static struct request_state *state_of(struct http_request *req)
{
	return (struct request_state *)req;
}

/* This thread's store, opened the first time the thread serves. */
static enum masa_err worker_store(struct http_server *s, struct store **out,
                                  struct masa_error *err)
{
	enum masa_err rc = MASA_OK;
	struct worker *w = NULL;

	if (this_server == s && this_worker != NULL) {
		*out = this_worker->store;
		return MASA_OK;
	}
	pthread_mutex_lock(&s->lock);
	for (size_t i = 0; i < s->nworkers; i++)
		if (!s->workers[i].used) {
			w = &s->workers[i];
			break;
		}
	if (w == NULL) {
		rc = masa_error_set(err, MASA_ERR_LIMIT,
		                    "every worker's store connection is taken");
		goto out;
	}
	rc = store_open(s->cfg.db_path,
	                STORE_OPEN_EXISTING | STORE_OPEN_SMALL_CACHE, &w->store,
	                err);
	if (rc != MASA_OK)
		goto out;
	w->used = true;
	w->thread = pthread_self();
	this_worker = w;
	this_server = s;
	*out = w->store;
out:
	pthread_mutex_unlock(&s->lock);
	return rc;
}

const char *http_header(const struct http_request *req, const char *name)
{
	return MHD_lookup_connection_value(
	        ((const struct request_state *)(const void *)req)->conn,
	        MHD_HEADER_KIND, name);
}

const char *http_cookie(const struct http_request *req, const char *name)
{
	return MHD_lookup_connection_value(
	        ((const struct request_state *)(const void *)req)->conn,
	        MHD_COOKIE_KIND, name);
}

void http_add_header(struct http_request *req, const char *name,
                     const char *value)
{
	struct request_state *st = state_of(req);

	if (st->nextra == MAX_EXTRA_HEADERS)
		return; /* a bug in a handler; the limit is generous */
	st->extra[st->nextra].name = name;
	st->extra[st->nextra].value = arena_strdup(&req->arena, value);
	st->nextra++;
}

/*
 * Whether the answer is for the asker alone: to a signed-in request, one
 * with an API token, or one that sets a cookie. The static files are the
 * same for everyone and keep their own caching.
 */
static bool answer_is_private(struct request_state *st)
{
	const struct http_request *req = &st->req;

	if (req->route != NULL && req->route->handler == http_static_file)
		return false;
	if (req->account != NULL ||
	    (st->headers_seen && http_header(req, "Authorization") != NULL))
		return true;
	for (size_t i = 0; i < st->nextra; i++)
		if (strcmp(st->extra[i].name, "Set-Cookie") == 0)
			return true;
	return false;
}

/* Queues r with the security headers; takes r. */
static enum masa_err queue(struct request_state *st, unsigned status,
                           struct MHD_Response *r, size_t bytes,
                           struct masa_error *err)
{
	bool private = answer_is_private(st);
	enum MHD_Result ok;

	if (r == NULL)
		return masa_error_set(err, MASA_ERR_IO,
		                      "the response could not be made");
	if (st->responded) {
		MHD_destroy_response(r);
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "a response was already queued");
	}
	MHD_add_response_header(
	        r, "Content-Security-Policy",
	        "default-src 'self'; script-src 'self'; style-src 'self'; "
	        "img-src 'self' data:; frame-ancestors 'none'; "
	        "form-action 'self'");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "same-origin");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	for (size_t i = 0; i < st->nextra; i++)
		if (!private || strcmp(st->extra[i].name, "Cache-Control") != 0)
			MHD_add_response_header(r, st->extra[i].name,
			                        st->extra[i].value);
	if (private)
		MHD_add_response_header(r, "Cache-Control", "no-store");
	/* Every 503 says when to come back; a busy database, in seconds. */
	if (status == 503)
		MHD_add_response_header(r, "Retry-After",
		                        st->busy ? BUSY_RETRY_AFTER : "30");
	ok = MHD_queue_response(st->conn, status, r);
	MHD_destroy_response(r);
	if (ok != MHD_YES)
		return masa_error_set(err, MASA_ERR_IO,
		                      "the response could not be queued");
	st->responded = true;
	st->status = status;
	st->bytes = bytes;
	return MASA_OK;
}

/*
 * The response's own headers as "Name: value" lines into out, if each may
 * be kept with a public page: those that describe the bytes (a download's
 * ETag, Last-Modified, Cache-Control, Content-Disposition), never a cookie
 * or anything else.
 */
static bool keepable_headers(const struct request_state *st, struct buf *out)
{
	static const char *const keep[] = {"ETag", "Last-Modified",
	                                   "Cache-Control",
	                                   "Content-Disposition"};
	struct masa_error err = {0};

	for (size_t i = 0; i < st->nextra; i++) {
		bool ok = false;
		for (size_t k = 0; k < sizeof keep / sizeof keep[0]; k++)
			ok = ok || strcmp(st->extra[i].name, keep[k]) == 0;
		if (!ok || strchr(st->extra[i].value, '\n') != NULL ||
		    buf_printf(out, &err, "%s: %s\n", st->extra[i].name,
		               st->extra[i].value) != MASA_OK)
			return false;
	}
	return true;
}

static enum masa_err respond_copy(struct request_state *st, unsigned status,
                                  const char *type, const void *data,
                                  size_t len, struct masa_error *err)
{
	/* A public page with no headers of its own but those describing it
	 * (no cookie) is kept. */
	if (st->cache_key != NULL && status == 200) {
		struct buf headers;
		buf_init(&headers, 4096);
		if (keepable_headers(st, &headers))
			page_cache_put(st->server->cache, st->cache_key,
			               st->cache_generation, st->cache_day,
			               type, buf_str(&headers), data, len);
		buf_free(&headers);
	}
	struct MHD_Response *r = MHD_create_response_from_buffer(
	        len, (void *)data, MHD_RESPMEM_MUST_COPY);

	if (r != NULL)
		MHD_add_response_header(r, "Content-Type", type);
	return queue(st, status, r, len, err);
}

enum masa_err http_respond_html(struct http_request *req, unsigned status,
                                struct html *h, struct masa_error *err)
{
	/* A page drawn with soft parameters refused says so in its status. */
	if (status == 200 && req->nrefused > 0)
		status = 400;
	const char *out;
	size_t len;
	enum masa_err rc = html_finish(h, &out, &len, err);

	if (rc != MASA_OK)
		return rc;
	return respond_copy(state_of(req), status, "text/html; charset=utf-8",
	                    out, len, err);
}

enum masa_err http_respond_json(struct http_request *req, unsigned status,
                                json_t *v, struct masa_error *err)
{
	char *text;
	enum masa_err rc;

	if (v == NULL)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "the JSON response could not be made");
	text = json_dumps(v, JSON_COMPACT);
	json_decref(v);
	if (text == NULL)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "the JSON response could not be written");
	rc = respond_copy(state_of(req), status, "application/json", text,
	                  strlen(text), err);
	free(text);
	return rc;
}

enum masa_err http_respond_redirect(struct http_request *req,
                                    const char *location,
                                    struct masa_error *err)
{
	struct request_state *st = state_of(req);
	struct MHD_Response *r;

	/* "/x" but not "//host": a path on this site, never elsewhere. */
	if (location == NULL || location[0] != '/' || location[1] == '/' ||
	    location[1] == '\\' || !html_url_safe(location))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "a redirect must stay on this site");
	r = MHD_create_response_from_buffer(0, (void *)"",
	                                    MHD_RESPMEM_PERSISTENT);
	if (r != NULL)
		MHD_add_response_header(r, "Location", location);
	return queue(st, 303, r, 0, err);
}

static const char *status_title(unsigned status)
{
	switch (status) {
	case 400:
		return "There is a problem with the request";
	case 401:
		return "Sign in to see this page";
	case 403:
		return "You cannot see this page";
	case 404:
		return "Page not found";
	case 405:
		return "That cannot be done to this page";
	case 409:
		return "That clashes with what is already recorded";
	case 413:
		return "What was sent is too large";
	case 414:
		return "The address is too long";
	case 429:
		return "Too many attempts";
	case 503:
		return "Sorry, the service is unavailable";
	default:
		return "Sorry, there is a problem with the service";
	}
}

enum masa_err http_respond_error(struct http_request *req, unsigned status,
                                 const char *message, struct masa_error *err)
{
	const char *title = status_title(status);
	struct html h;
	enum masa_err rc;

	if (req->path != NULL && strncmp(req->path, "/api/", 5) == 0)
		return http_respond_json(
		        req, status,
		        json_pack("{s:{s:i, s:s, s:s}}", "error", "status",
		                  (int)status, "title", title, "message",
		                  message ? message : title),
		        err);
	html_init(&h, 64 * 1024);
	page_begin(&h, req, &(struct page){.title = title});
	html_elem(&h, "h1", title, "class", "govuk-heading-l", NULL);
	if (message != NULL)
		html_elem(&h, "p", message, "class", "govuk-body", NULL);
	html_open(&h, "p", "class", "govuk-body", NULL);
	html_elem(&h, "a", "Go to the home page", "href", "/", "class",
	          "govuk-link", NULL);
	html_close(&h);
	if (status == 401 || status == 403) {
		html_open(&h, "p", "class", "govuk-body", NULL);
		html_elem(&h, "a", "Sign in", "href", "/sign-in", "class",
		          "govuk-link", NULL);
		html_close(&h);
	}
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

enum masa_err http_respond_text(struct http_request *req, unsigned status,
                                const char *content_type, const char *data,
                                size_t len, struct masa_error *err)
{
	return respond_copy(state_of(req), status, content_type, data, len,
	                    err);
}

void http_listen_authority(const struct http_request *req, char *out,
                           size_t size)
{
	const struct http_server *s =
	        state_of((struct http_request *)req)->server;

	if (strchr(s->cfg.host, ':') != NULL) /* IPv6 */
		snprintf(out, size, "[%s]:%u", s->cfg.host, s->port);
	else
		snprintf(out, size, "%s:%u", s->cfg.host, s->port);
}

/* Answers with an error page; a failure to do even that closes. */
static void fail_with(struct request_state *st, unsigned status,
                      const char *message)
{
	struct masa_error err = {0};

	if (http_respond_error(&st->req, status, message, &err) != MASA_OK)
		fprintf(stderr, "masa: http: %s\n", err.message);
}

static unsigned status_of(enum masa_err code)
{
	switch (code) {
	case MASA_ERR_INVALID:
	case MASA_ERR_USAGE:
		return 400;
	case MASA_ERR_NOT_FOUND:
		return 404;
	case MASA_ERR_CONFLICT:
		return 409;
	case MASA_ERR_LIMIT:
		return 413;
	case MASA_ERR_DENIED:
		return 403;
	case MASA_ERR_UNKNOWN_USER:
		return 401;
	case MASA_ERR_UNAVAILABLE:
	case MASA_ERR_BUSY:
		return 503;
	default:
		return 500;
	}
}

/*
 * What a person is told of a failure: the message for their own mistakes;
 * for the server's, no detail of its insides (those go to the log).
 */
static const char *public_message(const struct request_state *st,
                                  unsigned status, const struct masa_error *err)
{
	if (err->code == MASA_ERR_BUSY)
		return st->partly_saved ? BUSY_PARTLY_MESSAGE : BUSY_MESSAGE;
	if (status == 503)
		return "The database cannot be reached just now. What you "
		       "sent may not have been saved: in a minute, look at the "
		       "page again before sending it again.";
	if (status >= 500)
		return "Try again later.";
	return err->message;
}

/* Static files. */

static const char *content_type(const char *path)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
	        {".css", "text/css; charset=utf-8"},
	        {".js", "text/javascript; charset=utf-8"},
	        {".mjs", "text/javascript; charset=utf-8"},
	        {".json", "application/json"},
	        {".map", "application/json"},
	        {".html", "text/html; charset=utf-8"},
	        {".txt", "text/plain; charset=utf-8"},
	        {".svg", "image/svg+xml"},
	        {".png", "image/png"},
	        {".jpg", "image/jpeg"},
	        {".jpeg", "image/jpeg"},
	        {".gif", "image/gif"},
	        {".webp", "image/webp"},
	        {".ico", "image/x-icon"},
	        {".woff", "font/woff"},
	        {".woff2", "font/woff2"},
	        {".pdf", "application/pdf"},
	};
	const char *dot = strrchr(path, '.');

	if (dot != NULL && strchr(dot, '/') == NULL)
		for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
			if (strcasecmp(dot, types[i].ext) == 0)
				return types[i].type;
	return "application/octet-stream";
}

/* True when the If-None-Match list names etag (or is "*"). */
static bool etag_matches(const char *list, const char *etag)
{
	size_t n = strlen(etag);

	while (list != NULL && *list) {
		while (*list == ' ' || *list == ',' || *list == '\t')
			list++;
		if (*list == '*')
			return true;
		if (strncmp(list, "W/", 2) == 0)
			list += 2;
		if (strncmp(list, etag, n) == 0 &&
		    (list[n] == '\0' || list[n] == ',' || list[n] == ' '))
			return true;
		list = strchr(list, ',');
	}
	return false;
}

enum masa_err http_static_file(struct http_request *req, struct masa_error *err)
{
	struct request_state *st = state_of(req);
	const char *root = st->server->static_root;
	const char *rest = req->rest;
	char *full, *real = NULL;
	char etag[80];
	struct stat sb;
	int fd = -1;
	enum masa_err rc;
	struct MHD_Response *r;
	size_t rootlen;

	/*
	 * ".." never gets here (the server refuses it in any path); hidden
	 * files, backslashes and empty segments are not assets either.
	 */
	if (root == NULL || rest == NULL || rest[0] == '\0' || rest[0] == '.' ||
	    strstr(rest, "/.") != NULL || strstr(rest, "//") != NULL ||
	    strchr(rest, '\\') != NULL) {
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "there is no such file");
		goto out;
	}
	full = arena_printf(&req->arena, "%s/%s", root, rest);
	real = realpath(full, NULL);
	rootlen = strlen(root);
	/* A symbolic link may not lead out of the static directory. */
	if (real == NULL || strncmp(real, root, rootlen) != 0 ||
	    real[rootlen] != '/') {
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "there is no such file");
		goto out;
	}
	fd = open(real, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "there is no such file");
		goto out;
	}
	snprintf(etag, sizeof etag, "\"%llx-%llx-%lx\"",
	         (unsigned long long)sb.st_size,
	         (unsigned long long)sb.st_mtim.tv_sec,
	         (unsigned long)sb.st_mtim.tv_nsec);
	http_add_header(req, "ETag", etag);
	http_add_header(req, "Cache-Control",
	                "public, max-age=31536000, immutable");
	if (etag_matches(MHD_lookup_connection_value(st->conn, MHD_HEADER_KIND,
	                                             "If-None-Match"),
	                 etag)) {
		r = MHD_create_response_from_buffer(0, (void *)"",
		                                    MHD_RESPMEM_PERSISTENT);
		rc = queue(st, 304, r, 0, err);
		goto out;
	}
	r = MHD_create_response_from_fd64((uint64_t)sb.st_size, fd);
	if (r != NULL) {
		fd = -1; /* the response owns it now */
		MHD_add_response_header(r, "Content-Type", content_type(real));
	}
	rc = queue(st, 200, r, (size_t)sb.st_size, err);
out:
	if (fd >= 0)
		close(fd);
	free(real);
	return rc;
}

/* Parameters. */

/*
 * Adds a value of a .many parameter (named as declared) or of a family
 * (named as sent, and sent once).
 */
static void take_value(struct request_state *st, const struct route_param *p,
                       const char *name, const char *value)
{
	struct http_request *req = &st->req;
	struct masa_error why = {0};
	bool family = route_param_is_family(p);

	if (family &&
	    http_param_row(req, p->name, name + strlen(p->name) - 1) != NULL) {
		masa_error_set(&st->param_err, MASA_ERR_INVALID,
		               "%s: give it once", name);
		st->param_failed = true;
		return;
	}
	if (value[0] == '\0')
		return; /* an empty field is not given */
	if (req->nvalues == ROUTE_MAX_VALUES) {
		masa_error_set(&st->param_err, MASA_ERR_INVALID,
		               "the form has more than %d values of lists "
		               "and tables",
		               ROUTE_MAX_VALUES);
		st->param_failed = true;
		return;
	}
	if (route_param_check(p, value, &why) != MASA_OK) {
		/* The message starts with the parameter's name: a family's
		 * names the field sent instead. */
		masa_error_set(&st->param_err, MASA_ERR_INVALID, "%s%s", name,
		               why.message + strlen(p->name));
		st->param_failed = true;
		return;
	}
	if (req->values == NULL)
		req->values = arena_alloc(
		        &req->arena, ROUTE_MAX_VALUES * sizeof *req->values);
	req->values[req->nvalues].name =
	        family ? arena_strdup(&req->arena, name) : p->name;
	req->values[req->nvalues].value = arena_strdup(&req->arena, value);
	req->nvalues++;
}

/*
 * Notes soft parameter p's value, which failed its check, for the page's
 * error summary: named by its label, saying what to type.
 */
static void refuse_softly(struct http_request *req, const struct route_param *p,
                          const char *value)
{
	const char *label = p->label ? p->label : p->name;
	const char *message;

	if (req->nrefused == HTTP_REFUSED_MAX)
		return;
	if (p->check == ROUTE_DATE)
		message =
		        arena_printf(&req->arena,
		                     "%s must be a real date written as year, "
		                     "month and day, such as 2014-12-31 (not "
		                     "\"%.40s\")",
		                     label, value);
	else
		message = arena_printf(&req->arena,
		                       "%s: \"%.40s\" is not one masa "
		                       "can use",
		                       label, value);
	req->refused[req->nrefused++] =
	        (struct http_refused){.name = p->name, .message = message};
}

/* Adds name=value if the route declares it where; drops it otherwise. */
static void take_param(struct request_state *st, enum route_where where,
                       const char *name, const char *value)
{
	const struct route_param *p;
	struct masa_error soft_err = {0};

	if (st->param_failed || name == NULL)
		return;
	if (where == ROUTE_IN_FORM && strcmp(name, "csrf") == 0) {
		if (st->req.csrf_given == NULL && value != NULL)
			st->req.csrf_given =
			        arena_strdup(&st->req.arena, value);
		return;
	}
	p = route_param_declared(st->req.route, name, where);
	if (p == NULL)
		return; /* undeclared: dropped */
	if (value == NULL)
		value = "";
	if (p->many || route_param_is_family(p)) {
		take_value(st, p, name, value);
		return;
	}
	if (http_param(&st->req, p->name) != NULL) {
		masa_error_set(&st->param_err, MASA_ERR_INVALID,
		               "%s: give it once", p->name);
		st->param_failed = true;
		return;
	}
	if (value[0] == '\0' && !p->required)
		return; /* an empty optional field is not given */
	if (p->soft && route_param_check(p, value, &soft_err) != MASA_OK) {
		refuse_softly(&st->req, p, value);
		return;
	}
	if (route_param_check(p, value, &st->param_err) != MASA_OK) {
		st->param_failed = true;
		return;
	}
	assert(st->req.nparams < ROUTE_MAX_PARAMS);
	st->req.params[st->req.nparams].name = p->name;
	st->req.params[st->req.nparams].value =
	        arena_strdup(&st->req.arena, value);
	st->req.nparams++;
}

static enum MHD_Result take_query(void *cls, enum MHD_ValueKind kind,
                                  const char *key, const char *value)
{
	(void)kind;
	take_param(cls, ROUTE_IN_QUERY, key, value);
	return MHD_YES;
}

static void take_form(const char *name, const char *value, void *data)
{
	take_param(data, ROUTE_IN_FORM, name, value);
}

/* A part of a multipart form: a field as take_form, a file kept aside. */
static void take_part(const struct multipart_part *part, void *data)
{
	struct request_state *st = data;
	struct http_request *req = &st->req;
	struct multipart_part *files;

	if (part->filename == NULL) {
		take_param(st, ROUTE_IN_FORM, part->name, part->value);
		return;
	}
	files = arena_alloc(&req->arena, (req->nuploads + 1) * sizeof *files);
	if (req->nuploads > 0)
		memcpy(files, req->uploads, req->nuploads * sizeof *files);
	files[req->nuploads++] = *part;
	req->uploads = files;
}

/* The largest body a request with Content-Type type may send. */
static size_t body_limit(const struct http_server *s, const char *type)
{
	if (multipart_is_form(type) && s->cfg.upload_max > 0)
		return s->cfg.upload_max;
	return HTTP_BODY_MAX;
}

/* Collects the declared parameters; false (and an answer) if any failed. */
static bool collect_params(struct request_state *st,
                           const struct route_match *m)
{
	struct http_request *req = &st->req;
	const char *type;

	for (size_t i = 0; i < m->nsegments; i++)
		take_param(st, ROUTE_IN_PATH, m->segments[i].name,
		           m->segments[i].value);
	MHD_get_connection_values(st->conn, MHD_GET_ARGUMENT_KIND, take_query,
	                          st);
	type = MHD_lookup_connection_value(st->conn, MHD_HEADER_KIND,
	                                   "Content-Type");
	if (!st->param_failed && req->body != NULL && type != NULL &&
	    strncasecmp(type, "application/x-www-form-urlencoded", 33) == 0 &&
	    route_decode_form(req->body, req->body_len, &req->arena, take_form,
	                      st, &st->param_err) != MASA_OK)
		st->param_failed = true;
	if (!st->param_failed && req->body != NULL && multipart_is_form(type) &&
	    multipart_parse(type, req->body, req->body_len, &req->arena,
	                    take_part, st, &st->param_err) != MASA_OK)
		st->param_failed = true;
	for (const struct route_param *p = req->route->params;
	     !st->param_failed && p && p->name; p++)
		if ((p->required || p->where == ROUTE_IN_PATH) &&
		    http_param(req, p->name) == NULL) {
			masa_error_set(&st->param_err, MASA_ERR_INVALID,
			               "%s: is required", p->name);
			st->param_failed = true;
		}
	/* The answer waits until the session is known (dispatch), so that
	 * the page says who is signed in. */
	return !st->param_failed;
}

/* Refuses "." and ".." segments, control characters and bad UTF-8. */
static bool path_acceptable(const char *path)
{
	const char *seg = path;

	if (!utf8_valid(path, strlen(path), NULL))
		return false;
	for (const char *p = path; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return false;
	while (seg != NULL) {
		const char *next;
		size_t len;
		seg++;
		next = strchr(seg, '/');
		len = next ? (size_t)(next - seg) : strlen(seg);
		if ((len == 1 && seg[0] == '.') ||
		    (len == 2 && seg[0] == '.' && seg[1] == '.'))
			return false;
		seg = next;
	}
	return true;
}

/*
 * A page that needs an account, asked for by someone not signed in: the
 * sign-in page, which comes back here afterwards.
 */
static void sign_in_first(struct request_state *st)
{
	struct http_request *req = &st->req;
	struct masa_error err = {0};
	struct buf b;

	buf_init(&b, ROUTE_PATH_MAX * 3 + 64);
	buf_puts(&b, "/sign-in?next=", &err);
	for (const char *p = req->path; *p && err.code == MASA_OK; p++) {
		unsigned char c = (unsigned char)*p;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("/-_.~", c))
			buf_append(&b, p, 1, &err);
		else
			buf_printf(&b, &err, "%%%02X", c);
	}
	if (err.code != MASA_OK ||
	    http_respond_redirect(req, buf_str(&b), &err) != MASA_OK)
		fail_with(st, 401, "Sign in, then try again.");
	buf_free(&b);
}

/*
 * Notices changes other connections (other servers, masa commands) made
 * since this worker last looked, and moves the generation on for them.
 */
static void notice_changes(struct http_server *s, struct store *store)
{
	struct masa_error err = {0};
	int64_t v;

	if (this_worker == NULL || this_worker->store != store ||
	    store_data_version(store, &v, &err) != MASA_OK) {
		atomic_fetch_add(&s->generation, 1);
		return;
	}
	if (v != this_worker->data_version) {
		this_worker->data_version = v;
		atomic_fetch_add(&s->generation, 1);
	}
}

static void take_cached(const char *type, const char *headers, const void *body,
                        size_t len, int fd, void *arg)
{
	struct request_state *st = arg;
	struct masa_error err = {0};
	struct MHD_Response *r;

	/* The kept page's own headers, "Name: value" lines. */
	for (const char *line = headers; line && *line;) {
		const char *colon = strstr(line, ": ");
		const char *end = strchr(line, '\n');
		if (colon == NULL || end == NULL || colon > end)
			break;
		http_add_header(&st->req,
		                arena_strndup(&st->req.arena, line,
		                              (size_t)(colon - line)),
		                arena_strndup(&st->req.arena, colon + 2,
		                              (size_t)(end - colon - 2)));
		line = end + 1;
	}
	/* A large page from its memory file (sendfile; the response closes
	 * its own copy of fd), else the kept bytes themselves, held until
	 * sent: no copy either way. */
	fd = fd >= 0 ? fcntl(fd, F_DUPFD_CLOEXEC, 0) : -1;
	if (fd >= 0) {
		r = MHD_create_response_from_fd64(len, fd);
		if (r == NULL)
			close(fd);
	} else {
		page_cache_hold(body);
		r = MHD_create_response_from_buffer_with_free_callback(
		        len, (void *)(uintptr_t)body, page_cache_release);
		if (r == NULL)
			page_cache_release((void *)(uintptr_t)body);
	}
	if (r != NULL) {
		MHD_add_response_header(r, "Content-Type", type);
		if (queue(st, 200, r, len, &err) != MASA_OK)
			fprintf(stderr, "masa: http: %s\n", err.message);
	}
}

/*
 * For a public GET of a route that allows it: answers from the page cache
 * (true), or marks the response to be kept once made (false).
 */
static bool from_cache(struct request_state *st)
{
	struct http_request *req = &st->req;
	struct buf key;
	struct masa_error err = {0};

	/* A page with a refused soft parameter says so: never the page
	 * kept without it. */
	if (!req->route->cache || req->account != NULL || req->nrefused > 0 ||
	    (strcmp(req->method, "GET") != 0 &&
	     strcmp(req->method, "HEAD") != 0) ||
	    http_header(req, "Authorization") != NULL ||
	    http_header(req, "If-None-Match") != NULL)
		return false; /* (a browser that has it gets 304 from the route)
		               */
	/*
	 * The partnership (two share paths, never pages), the path and the
	 * validated parameters, in the route's order.
	 */
	buf_init(&key, ROUTE_PATH_MAX * 4);
	buf_printf(&key, &err, "%lld\n", (long long)req->partnership->id);
	buf_puts(&key, req->path, &err);
	for (const struct route_param *p = req->route->params; p && p->name;
	     p++) {
		const char *v = p->where == ROUTE_IN_QUERY
		                        ? http_param(req, p->name)
		                        : NULL;
		if (v != NULL)
			buf_printf(&key, &err, "\n%s=%s", p->name, v);
	}
	if (err.code == MASA_OK) {
		st->cache_generation = atomic_load(&st->server->generation);
		st->cache_day = date_today();
		if (page_cache_get(st->server->cache, buf_str(&key),
		                   st->cache_generation, st->cache_day,
		                   take_cached, st) &&
		    st->responded) {
			buf_free(&key);
			return true;
		}
		st->cache_key = arena_strdup(&req->arena, buf_str(&key));
	}
	buf_free(&key);
	return false;
}

/* The tenancy: partnerships, host names and served bodies in memory. */

static void tenancy_free(struct tenancy *t)
{
	if (t == NULL)
		return;
	arena_free(&t->arena);
	free(t);
}

static int host_order(const void *a, const void *b)
{
	return strcmp(((const struct gov_partnership_host *)a)->host,
	              ((const struct gov_partnership_host *)b)->host);
}

/* Reads the tenancy from store, as of data generation generation. */
static enum masa_err tenancy_read(struct store *store, uint64_t generation,
                                  struct tenancy **out, struct masa_error *err)
{
	struct tenancy *t = xcalloc(1, sizeof *t);
	struct gov g;
	enum masa_err rc;

	gov_init(&g, store, "web");
	t->generation = generation;
	if ((rc = gov_begin_read(&g, err)))
		goto out;
	if ((rc = gov_partnership_list(&g, &t->arena, &t->partnerships,
	                               &t->npartnerships, err)) == MASA_OK &&
	    (rc = gov_partnership_host_list(&g, 0, &t->arena, &t->hosts,
	                                    &t->nhosts, err)) == MASA_OK)
		rc = gov_body_servings(&g, &t->arena, &t->servings,
		                       &t->nservings, err);
	rc = gov_end(&g, rc, err);
	/* The database orders text by its collation; lookups need bytes. */
	if (rc == MASA_OK && t->nhosts > 1)
		qsort(t->hosts, t->nhosts, sizeof *t->hosts, host_order);
out:
	if (rc != MASA_OK) {
		tenancy_free(t);
		t = NULL;
	}
	*out = t;
	return rc;
}

/*
 * Reads the tenancy again if the data generation has moved on since it was
 * read. A failure keeps the one before (and says so).
 */
static void tenancy_refresh(struct http_server *s, struct store *store)
{
	uint64_t generation = atomic_load(&s->generation);
	struct masa_error err = {0};
	struct tenancy *t, *old = NULL;
	bool fresh;

	pthread_rwlock_rdlock(&s->tenancy_lock);
	fresh = s->tenancy->generation >= generation;
	pthread_rwlock_unlock(&s->tenancy_lock);
	if (fresh)
		return;
	pthread_mutex_lock(&s->reload_lock);
	/* Only reloads change the pointer, and they hold reload_lock. */
	if (s->tenancy->generation < generation) {
		if (tenancy_read(store, generation, &t, &err) == MASA_OK) {
			pthread_rwlock_wrlock(&s->tenancy_lock);
			old = s->tenancy;
			s->tenancy = t;
			pthread_rwlock_unlock(&s->tenancy_lock);
		} else {
			fprintf(stderr,
			        "masa: http: the partnerships and their host "
			        "names could not be read again: %s\n",
			        err.message);
		}
	}
	pthread_mutex_unlock(&s->reload_lock);
	tenancy_free(old);
}

static const struct gov_partnership *partnership_by_id(const struct tenancy *t,
                                                       int64_t id)
{
	size_t lo = 0, hi = t->npartnerships;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->partnerships[mid].id == id)
			return &t->partnerships[mid];
		if (t->partnerships[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The partnership whose host name host is, or NULL. */
static const struct gov_partnership *
partnership_by_host(const struct tenancy *t, const char *host)
{
	size_t lo = 0, hi = t->nhosts;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int order = strcmp(t->hosts[mid].host, host);
		if (order == 0)
			return partnership_by_id(t,
			                         t->hosts[mid].partnership_id);
		if (order < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * Sets req->partnership for the request (a copy in its arena) and the
 * bodies serving it from other partnerships (st->served, sorted); false
 * when no partnership is served at the request's host.
 */
static bool request_partnership(struct request_state *st)
{
	struct http_request *req = &st->req;
	struct http_server *s = st->server;
	const struct tenancy *t;
	const struct gov_partnership *p = NULL;
	char host[GOV_HOST_MAX + 1];
	size_t first = 0, last, hi;

	pthread_rwlock_rdlock(&s->tenancy_lock);
	t = s->tenancy;
	if (s->pinned != 0)
		p = partnership_by_id(t, s->pinned);
	else if (gov_host_normalise(http_header(req, "Host"), host, NULL))
		p = partnership_by_host(t, host);
	/* No host names at all: the one partnership, whatever the host (or
	 * the one served since the start, should another have come). */
	if (p == NULL && s->pinned == 0 && t->nhosts == 0)
		p = t->npartnerships == 1 ? &t->partnerships[0]
		                          : partnership_by_id(t, s->sole);
	if (p != NULL) {
		struct gov_partnership *copy =
		        arena_alloc(&req->arena, sizeof *copy);
		copy->id = p->id;
		copy->key = arena_strdup(&req->arena, p->key);
		copy->name = arena_strdup(&req->arena, p->name);
		copy->area = arena_strdup(&req->arena, p->area);
		req->partnership = copy;
		/* Servings are by partnership, then body: one run of them. */
		hi = t->nservings;
		while (first < hi) {
			size_t mid = first + (hi - first) / 2;
			if (t->servings[mid].partnership_id < p->id)
				first = mid + 1;
			else
				hi = mid;
		}
		for (last = first; last < t->nservings &&
		                   t->servings[last].partnership_id == p->id;
		     last++)
			;
		st->nserved = last - first;
		if (st->nserved > 0) {
			int64_t *ids = arena_alloc(&req->arena,
			                           st->nserved * sizeof *ids);
			for (size_t i = first; i < last; i++)
				ids[i - first] = t->servings[i].body_id;
			st->served = ids;
		}
	}
	pthread_rwlock_unlock(&s->tenancy_lock);
	return p != NULL;
}

static long ms_until(const struct timespec *from, const struct timespec *to)
{
	return (long)(to->tv_sec - from->tv_sec) * 1000 +
	       (to->tv_nsec - from->tv_nsec) / 1000000;
}

/*
 * Whether the handler, failed with rc, runs again (see the top of this
 * file): decided once a run, and then kept to. The pause before the next run
 * is random, up to a bound that doubles with each run, so that requests
 * that clashed do not clash again.
 */
static bool busy_again(struct request_state *st, enum masa_err rc)
{
	static _Thread_local unsigned seed;
	struct timespec now;
	long bound, pause;

	if (rc != MASA_ERR_BUSY)
		return false;
	st->busy = true;
	if (store_write_count(st->req.store) != st->writes_before) {
		/* Something is stored already: running it again could store
		 * it twice. */
		st->partly_saved = true;
		return false;
	}
	if (st->responded || st->runs >= BUSY_RUNS_MAX)
		return false;
	if (st->run_again)
		return true;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (seed == 0)
		seed = (unsigned)now.tv_nsec | 1u;
	bound = st->runs < 5 ? 4L << st->runs : BUSY_PAUSE_MAX_MS;
	pause = 1 + rand_r(&seed) % bound;
	if (ms_until(&now, &st->give_up) <= pause)
		return false;
	nanosleep(&(struct timespec){.tv_nsec = pause * 1000000}, NULL);
	st->run_again = true;
	return true;
}

const char *http_form_unsaved(struct http_request *req, enum masa_err rc)
{
	struct request_state *st = state_of(req);

	if (rc == MASA_ERR_UNAVAILABLE)
		return "The database cannot be reached just now, so what you "
		       "sent may not have been saved. What you typed is still "
		       "in the form: in a minute, look at the page again "
		       "before sending it again.";
	if (rc != MASA_ERR_BUSY || busy_again(st, rc))
		return NULL;
	if (st->partly_saved)
		return "The database is busy with other changes just now, so "
		       "not all of what you sent was saved. What you typed is "
		       "still in the form: in a few seconds, look at the page "
		       "again before sending it again.";
	return "The database is busy with other changes just now, so "
	       "nothing you sent was saved. What you typed is still in the "
	       "form: send it again in a few seconds.";
}

/* Runs the request's handler; always queues an answer. */
static void run_handler(struct request_state *st)
{
	struct http_request *req = &st->req;
	struct masa_error err = {0};
	size_t nextra = st->nextra;
	enum masa_err rc;

	st->writes_before = store_write_count(req->store);
	clock_gettime(CLOCK_MONOTONIC, &st->give_up);
	st->give_up.tv_sec += BUSY_RETRY_MS / 1000;
	for (;;) {
		st->run_again = false;
		masa_error_clear(&err);
		rc = req->route->handler(req, &err);
		if (rc == MASA_OK || !busy_again(st, err.code))
			break;
		/* What the run that failed added is not the next one's. */
		st->nextra = nextra;
		st->runs++;
	}
	if (rc != MASA_OK) {
		unsigned status = status_of(err.code);
		char runs[32] = "";
		if (st->runs > 0)
			snprintf(runs, sizeof runs, " (run %u times)",
			         st->runs + 1);
		if (status >= 500)
			fprintf(stderr, "masa: http: %s %s: %s%s\n",
			        req->method, req->path, err.message, runs);
		if (!st->responded)
			fail_with(st, status, public_message(st, status, &err));
	} else if (!st->responded) {
		fprintf(stderr,
		        "masa: http: %s %s: the handler answered "
		        "nothing\n",
		        req->method, req->path);
		fail_with(st, 500, "Try again later.");
	}
	/* What this connection wrote, it does not see in its data version. */
	if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0)
		atomic_fetch_add(&st->server->generation, 1);
}

/* Sign-in attempts per address (http/limit.h). */

/*
 * The address st's attempts count for: the peer's; when the peer is this
 * machine or a trusted proxy (a proxy in front, as deploy/nginx.conf sets
 * up; --trusted-proxy), the last one X-Forwarded-For names, which that
 * proxy added. False when unknown.
 */
static bool attempt_address(struct request_state *st, struct limit_address *out)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(
	        st->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;
	const char *forwarded, *last;
	char text[INET6_ADDRSTRLEN];
	size_t n;
	bool trusted;

	if (sa == NULL || !limit_address_of(sa, out))
		return false;
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const void *)sa;
		trusted = ntohl(in->sin_addr.s_addr) >> 24 == 127;
	} else {
		const struct sockaddr_in6 *in6 = (const void *)sa;
		trusted = IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
	}
	for (size_t i = 0; !trusted && i < st->server->ntrusted_proxies; i++)
		trusted = memcmp(st->server->trusted_proxies[i].bytes,
		                 out->bytes, sizeof out->bytes) == 0;
	forwarded = trusted ? http_header(&st->req, "X-Forwarded-For") : NULL;
	if (forwarded == NULL)
		return true;
	last = strrchr(forwarded, ',');
	last = last ? last + 1 : forwarded;
	last += strspn(last, " \t");
	n = strcspn(last, " \t");
	if (n > 0 && n < sizeof text) {
		memcpy(text, last, n);
		text[n] = '\0';
		if (!limit_address_parse(text, out))
			limit_address_of(sa,
			                 out); /* not an address: the peer */
	}
	return true;
}

static time_t seconds_now(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec;
}

/*
 * Counts a sign-in attempt, or, for a request with an API token, checks
 * that its address may still try one; false (and 429 with Retry-After)
 * when the address is over its limit.
 */
static bool attempt_allowed(struct request_state *st)
{
	struct http_request *req = &st->req;
	struct limit *l = st->server->sign_in_limit;
	struct limit_address addr;
	unsigned wait = 1;
	char seconds[16];

	if (l == NULL || !attempt_address(st, &addr))
		return true;
	if (req->route->sign_in_attempt
	            ? limit_take(l, &addr, seconds_now(), &wait)
	            : http_header(req, "Authorization") == NULL ||
	                      limit_allows(l, &addr, seconds_now(), &wait))
		return true;
	snprintf(seconds, sizeof seconds, "%u", wait);
	http_add_header(req, "Retry-After", seconds);
	fail_with(st, 429,
	          req->route->sign_in_attempt
	                  ? arena_printf(&req->arena,
	                                 "Too many tries to sign in came from "
	                                 "your address: wait %u seconds, then "
	                                 "try again.",
	                                 wait)
	                  : arena_printf(&req->arena,
	                                 "Too many requests with a refused API "
	                                 "token came from your address: wait "
	                                 "%u seconds, then try again.",
	                                 wait));
	return false;
}

/* Counts a request whose API token was refused as an attempt. */
static void count_refused_token(struct request_state *st)
{
	struct limit_address addr;
	unsigned wait;

	if (st->server->sign_in_limit != NULL &&
	    http_header(&st->req, "Authorization") != NULL &&
	    attempt_address(st, &addr))
		limit_take(st->server->sign_in_limit, &addr, seconds_now(),
		           &wait);
}

/* Routes the request and runs its handler; always queues an answer. */
static void dispatch(struct request_state *st)
{
	struct http_request *req = &st->req;
	struct masa_error err = {0};
	struct route_match m;
	enum route_outcome outcome;
	bool params_ok;

	if (strlen(req->path) > ROUTE_PATH_MAX) {
		fail_with(st, 414, "The address is longer than masa accepts.");
		return;
	}
	if (req->path[0] != '/' || !path_acceptable(req->path)) {
		fail_with(st, 400,
		          "The address holds a part masa does not accept.");
		return;
	}
	outcome = route_match(st->server->cfg.routes, req->method, req->path,
	                      &req->arena, &m);
	if (outcome == ROUTE_NO_PATH) {
		fail_with(st, 404,
		          "If you typed the address, check it is correct.");
		return;
	}
	if (outcome == ROUTE_NO_METHOD) {
		http_add_header(req, "Allow", m.allow);
		fail_with(st, 405, "This page does not take that method.");
		return;
	}
	req->route = m.route;
	req->rest = m.rest;
	if (!attempt_allowed(st))
		return;
	params_ok = collect_params(st, &m);
	if (worker_store(st->server, &req->store, &err) != MASA_OK) {
		fprintf(stderr, "masa: http: %s\n", err.message);
		/* The page names the partnership, as the server last knew. */
		request_partnership(st);
		fail_with(st, 503, public_message(st, 503, &err));
		return;
	}
	notice_changes(st->server, req->store);
	tenancy_refresh(st->server, req->store);
	gov_init(&req->gov, req->store, "web");
	if (!request_partnership(st)) {
		/* The health check and the assets are no partnership's. */
		if (!params_ok) {
			fail_with(st, 400, st->param_err.message);
			return;
		}
		if (strcmp(req->route->path, "/healthz") == 0 ||
		    req->route->handler == http_static_file) {
			run_handler(st);
			return;
		}
		fail_with(st, 404,
		          "No partnership is served at this address. Check "
		          "the address you were given: each partnership has "
		          "its own.");
		return;
	}
	gov_viewer_public(&req->viewer, req->partnership->id);
	if (st->server->cfg.identify != NULL &&
	    st->server->cfg.identify(req, &err) != MASA_OK) {
		unsigned status = status_of(err.code);
		if (status == 401)
			count_refused_token(st);
		if (status >= 500)
			fprintf(stderr, "masa: http: %s %s: %s\n", req->method,
			        req->path, err.message);
		fail_with(st, status, public_message(st, status, &err));
		return;
	}
	/* The audit log names who acted, or read a case: web:NAME from a
	 * page, api:NAME through the API. */
	if (req->account != NULL && req->account->username != NULL)
		req->gov.actor = arena_printf(
		        &req->arena, "%s:%s",
		        req->by_token || strncmp(req->path, "/api/", 5) == 0
		                ? "api"
		                : "web",
		        req->account->username);
	/* Identify sets the viewer; a viewer is of the request's partnership
	 * (the session layer refuses others' accounts). */
	if (req->viewer.partnership_id == req->partnership->id) {
		req->viewer.served_bodies = st->served;
		req->viewer.nserved_bodies = st->nserved;
	}
	if (!params_ok) {
		fail_with(st, 400, st->param_err.message);
		return;
	}
	if (req->route->role != GOV_ROLE_PUBLIC &&
	    req->viewer.role < req->route->role) {
		if (req->account == NULL && !req->by_token &&
		    strcmp(req->method, "GET") == 0 &&
		    strncmp(req->path, "/api/", 5) != 0)
			sign_in_first(st);
		else if (req->account == NULL)
			fail_with(st, 401, "Sign in, then try again.");
		else
			fail_with(st, 403,
			          "Your account does not have access to it.");
		return;
	}
	if (from_cache(st))
		return;
	run_handler(st);
}

/* libmicrohttpd callbacks. */

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	struct http_server *s = cls;
	struct request_state *st = xcalloc(1, sizeof *st);
	size_t i;

	st->server = s;
	st->conn = conn;
	clock_gettime(CLOCK_MONOTONIC, &st->started);
	/* The raw path for the log: no query, no control characters. */
	for (i = 0; uri && uri[i] && uri[i] != '?' && i < LOG_PATH_MAX - 1; i++)
		st->log_path[i] =
		        ((unsigned char)uri[i] <= 0x20 || uri[i] == 0x7f)
		                ? '?'
		                : uri[i];
	st->log_path[i] = '\0';
	buf_init(&st->body, HTTP_BODY_MAX);
	atomic_fetch_add(&s->in_flight, 1);
	return st;
}

static void log_request(struct request_state *st)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(
	        st->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char addr[INET6_ADDRSTRLEN] = "-", when[32], status[8] = "-";
	struct timespec now;
	struct tm tm;
	time_t t = time(NULL);
	double ms;

	if (ci != NULL && ci->client_addr != NULL) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(
			        AF_INET,
			        &((const struct sockaddr_in *)(const void *)sa)
			                 ->sin_addr,
			        addr, sizeof addr);
		else if (sa->sa_family == AF_INET6)
			inet_ntop(
			        AF_INET6,
			        &((const struct sockaddr_in6 *)(const void *)sa)
			                 ->sin6_addr,
			        addr, sizeof addr);
	}
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (double)(now.tv_sec - st->started.tv_sec) * 1e3 +
	     (double)(now.tv_nsec - st->started.tv_nsec) / 1e6;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (st->responded)
		snprintf(status, sizeof status, "%u", st->status);
	/* One fprintf: stderr is unbuffered, so one write per line. */
	fprintf(stderr, "%s %s %s %s %s %zu %.1fms\n", when, addr,
	        st->req.method ? st->req.method : "-", st->log_path, status,
	        st->bytes, ms);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
	struct http_server *s = cls;
	struct request_state *st = *con_cls;

	(void)conn;
	(void)toe;
	if (st == NULL)
		return;
	log_request(st);
	buf_free(&st->body);
	arena_free(&st->req.arena);
	free(st);
	*con_cls = NULL;
	atomic_fetch_sub(&s->in_flight, 1);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn,
                                  const char *url, const char *method,
                                  const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
	struct request_state *st = *con_cls;
	struct masa_error err = {0};

	(void)cls;
	(void)version;
	if (st == NULL) /* on_uri always runs first; be safe anyway */
		return MHD_NO;
	if (!st->headers_seen) {
		const char *length = MHD_lookup_connection_value(
		        conn, MHD_HEADER_KIND, "Content-Length");
		size_t limit = body_limit(
		        st->server,
		        MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
		                                    "Content-Type"));
		st->headers_seen = true;
		st->body.max = limit;
		st->req.method = arena_strdup(&st->req.arena, method);
		st->req.path = arena_strdup(&st->req.arena, url);
		if (length != NULL && (strlen(length) > 12 ||
		                       strtoull(length, NULL, 10) > limit)) {
			fail_with(
			        st, 413,
			        limit > HTTP_BODY_MAX
			                ? "The file is too large: make it "
			                  "smaller (see the limit on the form)."
			                : "Send at most 1 MB at a time: a "
			                  "large "
			                  "file needs to be split or made "
			                  "smaller.");
			return st->responded ? MHD_YES : MHD_NO;
		}
		return MHD_YES;
	}
	if (*upload_data_size > 0) {
		if (!st->body_too_big &&
		    buf_append(&st->body, upload_data, *upload_data_size,
		               &err) != MASA_OK) {
			st->body_too_big = true;
			buf_free(&st->body);
		}
		if (st->body_too_big) {
			st->discarded += *upload_data_size;
			if (st->discarded > BODY_DISCARD_MAX)
				return MHD_NO;
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (st->responded)
		return MHD_YES;
	if (st->body_too_big) {
		fail_with(st, 413, "Send at most 1 MB at a time.");
	} else {
		if (st->body.len > 0) {
			st->req.body = buf_str(&st->body);
			st->req.body_len = st->body.len;
		}
		dispatch(st);
	}
	return st->responded ? MHD_YES : MHD_NO;
}

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char line[512];
	size_t n;

	(void)cls;
	vsnprintf(line, sizeof line, fmt, ap);
	n = strlen(line);
	while (n > 0 && line[n - 1] == '\n')
		line[--n] = '\0';
	fprintf(stderr, "masa: http: %s\n", line);
}

/* Server life. */

/*
 * Reads the tenancy and what the server serves: the partnership of
 * --partnership, or each request's by its host (see the top of the file).
 */
static enum masa_err resolve_partnership(struct http_server *s,
                                         struct masa_error *err)
{
	struct store *store = NULL;
	struct gov g;
	struct gov_partnership p;
	enum masa_err rc;

	rc = store_open(s->cfg.db_path, STORE_OPEN_EXISTING, &store, err);
	if (rc != MASA_OK)
		goto out;
	rc = tenancy_read(store, atomic_load(&s->generation), &s->tenancy, err);
	if (rc != MASA_OK)
		goto out;
	gov_init(&g, store, "web");
	if (s->cfg.partnership_key != NULL ||
	    (s->tenancy->nhosts == 0 &&
	     (s->tenancy->npartnerships <= 1 ||
	      gov_partnership_resolve(&g, NULL, &s->arena, &p, NULL) ==
	              MASA_OK))) {
		/* One partnership: the one named, or the only one (an error
		 * says how to load one when there is none). */
		rc = gov_partnership_resolve(&g, s->cfg.partnership_key,
		                             &s->arena, &p, err);
		if (rc != MASA_OK)
			goto out;
		if (s->cfg.partnership_key != NULL)
			s->pinned = p.id;
		else
			s->sole = p.id;
		s->serving = p.name;
		goto out;
	}
	s->serving = arena_printf(&s->arena, "%zu partnerships by host name",
	                          s->tenancy->npartnerships);
	if (s->tenancy->nhosts == 0)
		fprintf(stderr,
		        "masa: http: the database holds %zu partnerships and "
		        "none has a host name yet, so every page answers 404: "
		        "add them with `masa partnership host add PARTNERSHIP "
		        "HOST`, or serve one with --partnership\n",
		        s->tenancy->npartnerships);
out:
	store_close(store);
	return rc;
}

/*
 * Raises the soft limit on open files to the hard one (at most 65536): each
 * connection holds a socket and, while it sends a large kept page, a copy
 * of the page's memory file (cache.h), so 1024 connections need more than
 * the usual soft limit of 1024. Past the limit a response is sent from the
 * kept bytes instead; nothing fails.
 */
static void raise_open_files(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= 65536 ||
	    rl.rlim_cur >= rl.rlim_max)
		return;
	rl.rlim_cur = rl.rlim_max < 65536 ? rl.rlim_max : 65536;
	setrlimit(RLIMIT_NOFILE, &rl);
}

enum masa_err http_server_start(const struct http_config *cfg,
                                struct http_server **out,
                                struct masa_error *err)
{
	struct http_server *s = xcalloc(1, sizeof *s);
	struct addrinfo hints = {0}, *ai = NULL;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC |
	                 MHD_USE_ERROR_LOG;
	long cpus;
	unsigned threads;
	const union MHD_DaemonInfo *info;
	enum masa_err rc;
	int gai;

	*out = NULL;
	s->cfg = *cfg;
	raise_open_files();
	pthread_mutex_init(&s->lock, NULL);
	pthread_rwlock_init(&s->tenancy_lock, NULL);
	pthread_mutex_init(&s->reload_lock, NULL);
	atomic_init(&s->in_flight, 0);
	rc = route_table_check(cfg->routes, err);
	if (rc != MASA_OK)
		goto out;
	rc = resolve_partnership(s, err);
	if (rc != MASA_OK)
		goto out;
	if (cfg->static_dir != NULL)
		s->static_root = realpath(cfg->static_dir, NULL);
	if (cfg->static_dir != NULL && s->static_root == NULL)
		fprintf(stderr,
		        "masa: http: the static directory %s cannot be read "
		        "(%s): /static/ will answer 404\n",
		        cfg->static_dir, strerror(errno));
	cpus = sysconf(_SC_NPROCESSORS_ONLN);
	threads = cfg->threads
	                  ? cfg->threads
	                  : (unsigned)(cpus > 0 ? (cpus > 64 ? 64 : cpus) : 2);
	s->nworkers = threads + 1; /* a spare, should MHD ever need one */
	s->workers = xcalloc(s->nworkers, sizeof *s->workers);
	s->cache = page_cache_new(HTTP_CACHE_PAGES, HTTP_CACHE_BYTES);
	if (cfg->sign_in_attempts > 0)
		s->sign_in_limit =
		        limit_new(cfg->sign_in_attempts, cfg->sign_in_window);
	if (cfg->ntrusted_proxies > 0) {
		s->trusted_proxies = xcalloc(cfg->ntrusted_proxies,
		                             sizeof *s->trusted_proxies);
		memcpy(s->trusted_proxies, cfg->trusted_proxies,
		       cfg->ntrusted_proxies * sizeof *s->trusted_proxies);
		s->ntrusted_proxies = cfg->ntrusted_proxies;
	}

	hints.ai_flags = AI_NUMERICHOST | AI_PASSIVE;
	hints.ai_socktype = SOCK_STREAM;
	gai = getaddrinfo(cfg->host, NULL, &hints, &ai);
	if (gai != 0 || ai == NULL) {
		rc = masa_error_set(err, MASA_ERR_USAGE,
		                    "--listen: \"%s\" is not an IP address",
		                    cfg->host);
		goto out;
	}
	if (ai->ai_family == AF_INET6) {
		flags |= MHD_USE_IPv6;
		((struct sockaddr_in6 *)(void *)ai->ai_addr)->sin6_port =
		        htons((uint16_t)cfg->port);
	} else {
		((struct sockaddr_in *)(void *)ai->ai_addr)->sin_port =
		        htons((uint16_t)cfg->port);
	}
	flags |= MHD_is_feature_supported(MHD_FEATURE_EPOLL) == MHD_YES
	                 ? MHD_USE_EPOLL
	                 : MHD_USE_POLL;
	s->daemon = MHD_start_daemon(
	        flags, (uint16_t)cfg->port, NULL, NULL, on_request, s,
	        MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
	        MHD_OPTION_SOCK_ADDR, ai->ai_addr, MHD_OPTION_THREAD_POOL_SIZE,
	        threads, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
	        (size_t)HTTP_CONNECTION_MEMORY, MHD_OPTION_CONNECTION_TIMEOUT,
	        (unsigned)HTTP_CONNECTION_TIMEOUT_SECONDS,
	        MHD_OPTION_PER_IP_CONNECTION_LIMIT,
	        (unsigned)HTTP_PER_IP_CONNECTIONS, MHD_OPTION_CONNECTION_LIMIT,
	        (unsigned)HTTP_CONNECTIONS, MHD_OPTION_URI_LOG_CALLBACK, on_uri,
	        s, MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
	        MHD_OPTION_END);
	if (s->daemon == NULL) {
		rc = masa_error_set(err, MASA_ERR_IO,
		                    "cannot serve on %s port %u: is the port "
		                    "taken?",
		                    cfg->host, cfg->port);
		goto out;
	}
	info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
	s->port = info ? info->port : cfg->port;
	*out = s;
	rc = MASA_OK;
out:
	if (ai != NULL)
		freeaddrinfo(ai);
	if (rc != MASA_OK)
		http_server_stop(s);
	return rc;
}

unsigned http_server_port(const struct http_server *s)
{
	return s->port;
}

const char *http_server_serving(const struct http_server *s)
{
	return s->serving;
}

void http_server_stop(struct http_server *s)
{
	if (s == NULL)
		return;
	if (s->daemon != NULL) {
		MHD_socket listener = MHD_quiesce_daemon(s->daemon);
		struct timespec pause = {0, 10 * 1000 * 1000};
		for (int i = 0; i < HTTP_SHUTDOWN_GRACE_SECONDS * 100 &&
		                atomic_load(&s->in_flight) > 0;
		     i++)
			nanosleep(&pause, NULL);
		MHD_stop_daemon(s->daemon);
		if (listener != MHD_INVALID_SOCKET)
			close(listener);
	}
	for (size_t i = 0; i < s->nworkers; i++)
		store_close(s->workers[i].store);
	free(s->workers);
	free(s->static_root);
	page_cache_free(s->cache);
	limit_free(s->sign_in_limit);
	free(s->trusted_proxies);
	tenancy_free(s->tenancy);
	arena_free(&s->arena);
	pthread_mutex_destroy(&s->lock);
	pthread_rwlock_destroy(&s->tenancy_lock);
	pthread_mutex_destroy(&s->reload_lock);
	free(s);
}
