/*
 * route: the one route table of masa's web server, and the request context
 * every handler receives.
 *
 * Inputs are declared at the edge (CONVENTIONS rule 7): each route names its
 * method, its path with typed segments ("/bodies/{body}"), the query and form
 * parameters it takes with a validator for each, and the role a viewer needs.
 * The server matches the path, validates every declared parameter and copies
 * only those into the request; anything undeclared is dropped and never
 * reaches a handler. A value that fails its validator is answered with 400
 * and a page naming the parameter, before the handler runs.
 *
 * To add a page: write its handler in web/<resource>.c (or http/<resource>.c
 * for the JSON API), declare it in that file's header, and add one line to
 * that module's route table (a module new to the site adds its table to
 * cli/routes.c).
 *
 * Matching, validation and form decoding here are pure functions (no
 * libmicrohttpd), so that unit tests and fuzzers can reach them.
 */
#ifndef MASA_HTTP_ROUTE_H
#define MASA_HTTP_ROUTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/mem.h"
#include "gov/access.h"
#include "gov/account.h"
#include "gov/gov.h"
#include "gov/partnership.h"

enum {
	ROUTE_MAX_SEGMENTS = 16, /* path segments a route pattern may have */
	ROUTE_MAX_PARAMS = 32,   /* declared parameters per route */
	ROUTE_PATH_MAX = 2048,   /* longer paths are refused (414) */
	ROUTE_TEXT_MAX = 10000,  /* ROUTE_TEXT length when .max is 0 */
	ROUTE_MAX_VALUES = 1000, /* values of .many parameters and families */
};

/* Where a parameter comes from. */
enum route_where {
	ROUTE_IN_PATH,  /* a {name} segment of the pattern */
	ROUTE_IN_QUERY, /* ?name=value */
	ROUTE_IN_FORM,  /* an application/x-www-form-urlencoded body field */
};

/* What a parameter's value must be. */
enum route_check {
	ROUTE_TEXT, /* UTF-8 text, no control characters but \t \r \n,
	               at most .max characters (and at least .min) */
	ROUTE_DATE, /* YYYY-MM-DD, a real date */
	ROUTE_SLUG, /* lower-case letters, digits and '-' (text_is_slug) */
	ROUTE_SHORT_NAME, /* a body's short name: "RLSCB" (text_is_short_name)
	                   */
	ROUTE_INTEGER,    /* a whole number from .min to .max */
	ROUTE_ENUM,       /* one of .choices */
};

struct multipart_part;

struct route_param {
	const char *name;
	enum route_where where;
	enum route_check check;
	long min, max;              /* integer range, or text length range */
	const char *const *choices; /* ROUTE_ENUM: NULL-terminated */
	bool required;              /* path parameters always are */
	/*
	 * Query and form parameters only, never required. many: the field
	 * may be sent more than once (a group of checkboxes); read its values
	 * with http_param_next(). A name ending in "-*" declares a family of
	 * fields, one for each row of a table form: "status-*" takes every
	 * field named "status-" and a slug ("status-jo-bloggs"), each once;
	 * read one with http_param_row(). Families are many by nature.
	 */
	bool many;
	/*
	 * A query filter a page can do without (an "as at" date): a value
	 * that fails its check is not answered with a bare 400 page; the
	 * parameter counts as not given, the page is drawn as usual with an
	 * error summary naming it by label ("As at", default its name) and
	 * saying what to type, and the answer is 400 (http_request.refused).
	 */
	bool soft;
	const char *label;
};

/* A soft parameter's value that failed its check (route_param.soft). */
struct http_refused {
	const char *name;    /* as declared: the id the summary links to */
	const char *message; /* "As at must be a date, such as 2014-12-31" */
};
enum { HTTP_REFUSED_MAX = 4 };

struct http_request;

/*
 * A handler writes its response with one of the http_respond_* helpers
 * (server.h) and returns MASA_OK; or it returns an error with a message and
 * the server answers with an error page whose status follows the code
 * (invalid 400, not found 404, conflict 409, limit 413, others 500).
 */
typedef enum masa_err (*route_handler)(struct http_request *req,
                                       struct masa_error *err);

struct route {
	const char *method; /* "GET" (which also answers HEAD), "POST"... */
	/*
	 * "/", "/healthz", "/bodies/{body}": literal segments and {name}
	 * segments, each {name} declared in params as ROUTE_IN_PATH. A final
	 * segment of a lone star (as in the static route) takes the rest of
	 * the path, which the handler reads as req->rest.
	 */
	const char *path;
	const struct route_param *params; /* ends with a NULL name; or NULL */
	enum gov_role role;               /* the least role that may ask */
	route_handler handler;
	/*
	 * What the handler is to work on, when one handler serves several
	 * routes (a form declared as data): it reads req->route->data.
	 */
	const void *data;
	/*
	 * The page is the same for every member of the public until the data
	 * changes: its 200 answers to the public are kept in the page cache
	 * (http/cache.h). Only for handlers that add no headers of their own
	 * but those describing the bytes (ETag, Last-Modified, Cache-Control,
	 * Content-Disposition), which are kept with them.
	 */
	bool cache;
	/*
	 * Each request is an attempt to sign in: counted per address and
	 * refused (429) past http_config.sign_in_attempts (http/limit.h).
	 */
	bool sign_in_attempt;
	/*
	 * An entry with no method and this set stands for every route of
	 * another table, in its order: how the feature modules' own tables
	 * (web/, api/) are put together into the one the server serves.
	 */
	const struct route *include;
};

/* Includes table's routes at this place of another table. */
#define ROUTE_INCLUDE(table)       \
	{                          \
		.include = (table) \
	}

/* A validated parameter: name borrowed from the route, value per request. */
struct http_param {
	const char *name;
	const char *value;
};

/*
 * The request context. Everything in it is borrowed until the request ends;
 * allocate what a handler needs from req->arena, which is freed then.
 */
struct http_request {
	const char *method;        /* "GET", "HEAD", "POST"... */
	const char *path;          /* decoded, without the query */
	const struct route *route; /* the route that matched */
	const char *rest;          /* what a final "*" segment took, or NULL */
	struct http_param params[ROUTE_MAX_PARAMS]; /* declared and valid */
	size_t nparams;
	/*
	 * Values of .many parameters (named as declared) and of families
	 * (named as sent: "status-jo-bloggs"), in the order sent; at most
	 * ROUTE_MAX_VALUES, in the arena.
	 */
	struct http_param *values;
	size_t nvalues;
	const char *body; /* the raw body (for JSON routes), or NULL */
	size_t body_len;
	/*
	 * The files of a multipart/form-data body (http/multipart.h), in the
	 * order sent; their bytes are borrowed from body.
	 */
	const struct multipart_part *uploads;
	size_t nuploads;
	struct arena arena;  /* freed when it ends */
	struct store *store; /* this thread's connection */
	struct gov gov;      /* over store */
	const struct gov_partnership *partnership; /* the one being served */
	/*
	 * SESSION HOOK: who is asking. The server sets viewer to the public
	 * and account to NULL, then calls the session layer's identify hook
	 * (struct http_config.identify) to fill them from the cookie or
	 * bearer token before the role check.
	 */
	struct gov_viewer viewer;
	const struct gov_account *account;
	const char *csrf_token; /* the session's CSRF token, for forms */
	/*
	 * The "csrf" field of a form body, which every POST may carry
	 * whether or not its route declares it; NULL when not sent.
	 */
	const char *csrf_given;
	bool by_token; /* identified by an API bearer token, not a cookie */
	/* Soft parameters refused (route_param.soft), which page_begin shows
	 * as an error summary. */
	struct http_refused refused[HTTP_REFUSED_MAX];
	size_t nrefused;
};

/* The value of declared parameter name, or NULL when it was not given. */
const char *http_param(const struct http_request *req, const char *name);
/* An ROUTE_INTEGER parameter's value, or fallback when it was not given. */
long http_param_long(const struct http_request *req, const char *name,
                     long fallback);
/*
 * The values of a .many parameter one by one: start with *at = 0 and call
 * until NULL; each call returns the next value sent for name.
 */
const char *http_param_next(const struct http_request *req, const char *name,
                            size_t *at);
/*
 * The value of the family member family ("status-*") for row ("jo-bloggs"),
 * that is of the field "status-jo-bloggs", or NULL when it was not sent.
 */
const char *http_param_row(const struct http_request *req, const char *family,
                           const char *row);

/*
 * A route table ends with an entry of neither method nor include ({0}).
 * The server's own routes: /healthz and /static/.
 */
extern const struct route http_base_routes[];

/*
 * Calls visit for each route of table in order, going into included
 * tables; stops, returning false, as soon as visit does.
 */
bool route_each(const struct route *table,
                bool (*visit)(const struct route *r, void *data), void *data);

/* What route_match found. */
enum route_outcome {
	ROUTE_FOUND,
	ROUTE_NO_PATH,   /* 404 */
	ROUTE_NO_METHOD, /* 405: the path exists for other methods */
};

struct route_match {
	const struct route *route;
	const char *rest; /* in the arena */
	struct http_param segments[ROUTE_MAX_SEGMENTS];
	size_t nsegments;
	char allow[64]; /* "GET, HEAD, POST" for ROUTE_NO_METHOD */
};

/*
 * Finds the route for method and path (decoded, starting with '/') in
 * table. Segment values are copied into a; they are not yet validated.
 */
enum route_outcome route_match(const struct route *table, const char *method,
                               const char *path, struct arena *a,
                               struct route_match *m);

/*
 * The parameter of r that declares the field name sent in where: a
 * parameter of that name, or a family ("status-*") the name belongs to; NULL
 * when none does (the field is then dropped).
 */
const struct route_param *route_param_declared(const struct route *r,
                                               const char *name,
                                               enum route_where where);
/* True when p declares a family of fields (its name ends in "-*"). */
bool route_param_is_family(const struct route_param *p);

/*
 * Checks value against p's validator: MASA_ERR_INVALID with a message that
 * names the parameter and says what it must be.
 */
enum masa_err route_param_check(const struct route_param *p, const char *value,
                                struct masa_error *err);

/*
 * Checks the table's own consistency (every {name} declared as a path
 * parameter, no more than the limits): a bug in masa, so the server refuses
 * to start with a message naming the route.
 */
enum masa_err route_table_check(const struct route *table,
                                struct masa_error *err);

/*
 * Decodes an application/x-www-form-urlencoded string (a query or a body),
 * calling take(name, value, data) for each field with both decoded into a.
 * MASA_ERR_INVALID when a %-escape is malformed.
 */
enum masa_err route_decode_form(const char *text, size_t len, struct arena *a,
                                void (*take)(const char *name,
                                             const char *value, void *data),
                                void *data, struct masa_error *err);

#endif
