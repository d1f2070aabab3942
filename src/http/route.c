/*
 * route: the route table, path matching, parameter validation and form
 * decoding (see route.h), and the server's own routes. The pages' and the
 * API's routes are declared by their modules (web/, api/) and put together
 * by cli/routes.c.
 */
#include "http/route.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "http/server.h"
#include "store/store.h"

const char *http_param(const struct http_request *req, const char *name)
{
	for (size_t i = 0; i < req->nparams; i++)
		if (strcmp(req->params[i].name, name) == 0)
			return req->params[i].value;
	return NULL;
}

long http_param_long(const struct http_request *req, const char *name,
                     long fallback)
{
	const char *v = http_param(req, name);

	/* Validated as ROUTE_INTEGER before the handler ran. */
	return v ? strtol(v, NULL, 10) : fallback;
}

const char *http_param_next(const struct http_request *req, const char *name,
                            size_t *at)
{
	while (*at < req->nvalues) {
		const struct http_param *v = &req->values[(*at)++];
		if (strcmp(v->name, name) == 0)
			return v->value;
	}
	return NULL;
}

const char *http_param_row(const struct http_request *req, const char *family,
                           const char *row)
{
	size_t stem = strlen(family) - 1; /* "status-" of "status-*" */

	for (size_t i = 0; i < req->nvalues; i++) {
		const char *name = req->values[i].name;
		if (strncmp(name, family, stem) == 0 &&
		    strcmp(name + stem, row) == 0)
			return req->values[i].value;
	}
	return NULL;
}

bool route_param_is_family(const struct route_param *p)
{
	size_t n = strlen(p->name);

	return n > 2 && p->name[n - 2] == '-' && p->name[n - 1] == '*';
}

const struct route_param *route_param_declared(const struct route *r,
                                               const char *name,
                                               enum route_where where)
{
	for (const struct route_param *p = r->params; p && p->name; p++) {
		if (p->where != where)
			continue;
		if (route_param_is_family(p)) {
			size_t stem = strlen(p->name) - 1;
			if (strncmp(name, p->name, stem) == 0 &&
			    text_is_slug(name + stem))
				return p;
		} else if (strcmp(p->name, name) == 0) {
			return p;
		}
	}
	return NULL;
}

/*
 * Splits the path after its leading '/' into segments in a; an empty path
 * ("/") has none. A trailing '/' ("/bodies/") gives an empty last segment,
 * which matches no pattern: one URL per page.
 */
static size_t split(const char *path, struct arena *a, const char **segs,
                    size_t max, bool *too_many)
{
	size_t n = 0;
	const char *p = path + 1;

	*too_many = false;
	if (*p == '\0')
		return 0;
	for (;;) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);
		if (n == max) {
			*too_many = true;
			return n;
		}
		segs[n++] = arena_strndup(a, p, len);
		if (slash == NULL)
			return n;
		p = slash + 1;
	}
}

/* Matches one pattern; fills m's segments and rest when it does. */
static bool pattern_matches(const char *pattern, const char *const *segs,
                            size_t nsegs, bool too_many, const char *path,
                            struct arena *a, struct route_match *m)
{
	const char *p = pattern + 1;
	size_t i = 0;

	m->nsegments = 0;
	m->rest = NULL;
	if (*p == '\0')
		return nsegs == 0 && !too_many;
	for (;;) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);

		if (len == 1 && p[0] == '*' && slash == NULL) {
			/* The rest of the path, from segment i on: there
			 * are at least i + 1 segments, so i + 1 slashes. */
			const char *r = path;
			if (i >= nsegs)
				return false;
			for (size_t k = 0; k <= i; k++)
				r = strchr(r, '/') + 1;
			m->rest = arena_strdup(a, r);
			return true;
		}
		if (i >= nsegs)
			return false;
		if (len > 2 && p[0] == '{' && p[len - 1] == '}') {
			if (segs[i][0] == '\0')
				return false;
			m->segments[m->nsegments].name =
			        arena_strndup(a, p + 1, len - 2);
			m->segments[m->nsegments].value = segs[i];
			m->nsegments++;
		} else if (strlen(segs[i]) != len ||
		           memcmp(segs[i], p, len) != 0) {
			return false;
		}
		i++;
		if (slash == NULL)
			return i == nsegs && !too_many;
		p = slash + 1;
	}
}

static void allow_add(char *allow, size_t size, const char *method)
{
	size_t len = strlen(allow);

	if (strstr(allow, method) != NULL)
		return;
	snprintf(allow + len, size - len, "%s%s", len ? ", " : "", method);
}

bool route_each(const struct route *table,
                bool (*visit)(const struct route *r, void *data), void *data)
{
	for (const struct route *r = table; r->method || r->include; r++)
		if (r->method == NULL ? !route_each(r->include, visit, data)
		                      : !visit(r, data))
			return false;
	return true;
}

struct matching {
	const char *method, *path;
	const char **segs;
	size_t nsegs;
	bool too_many, path_known;
	struct arena *a;
	struct route_match *m;
};

/* route_each's visitor for route_match: false (stop) once found. */
static bool match_one(const struct route *r, void *data)
{
	struct matching *x = data;
	struct route_match candidate;

	memset(&candidate, 0, sizeof candidate);
	if (!pattern_matches(r->path, x->segs, x->nsegs, x->too_many, x->path,
	                     x->a, &candidate))
		return true;
	if (strcmp(r->method, x->method) == 0 ||
	    (strcmp(r->method, "GET") == 0 && strcmp(x->method, "HEAD") == 0)) {
		*x->m = candidate;
		x->m->route = r;
		return false;
	}
	x->path_known = true;
	allow_add(x->m->allow, sizeof x->m->allow, r->method);
	if (strcmp(r->method, "GET") == 0)
		allow_add(x->m->allow, sizeof x->m->allow, "HEAD");
	return true;
}

enum route_outcome route_match(const struct route *table, const char *method,
                               const char *path, struct arena *a,
                               struct route_match *m)
{
	const char *segs[ROUTE_MAX_SEGMENTS];
	struct matching x = {
	        .method = method, .path = path, .segs = segs, .a = a, .m = m};

	memset(m, 0, sizeof *m);
	if (path[0] != '/')
		return ROUTE_NO_PATH;
	x.nsegs = split(path, a, segs, ROUTE_MAX_SEGMENTS, &x.too_many);
	if (!route_each(table, match_one, &x))
		return ROUTE_FOUND;
	return x.path_known ? ROUTE_NO_METHOD : ROUTE_NO_PATH;
}

static bool control_free(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') ||
		    c == 0x7f)
			return false;
	}
	return true;
}

enum masa_err route_param_check(const struct route_param *p, const char *value,
                                struct masa_error *err)
{
	switch (p->check) {
	case ROUTE_TEXT: {
		size_t n;
		if (!utf8_valid(value, strlen(value), NULL) ||
		    !control_free(value))
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%s: the text holds characters "
			                      "masa cannot accept",
			                      p->name);
		n = utf8_length(value);
		if (n > (size_t)(p->max > 0 ? p->max : ROUTE_TEXT_MAX))
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "%s: must be %ld characters or fewer", p->name,
			        p->max > 0 ? p->max : (long)ROUTE_TEXT_MAX);
		if (p->min > 0 && n < (size_t)p->min)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "%s: must be at least %ld characters", p->name,
			        p->min);
		return MASA_OK;
	}
	case ROUTE_DATE: {
		date_days d;
		if (strlen(value) != 10 || date_parse(value, &d, NULL) != 0)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%s: must be a date such as "
			                      "2024-03-31",
			                      p->name);
		return MASA_OK;
	}
	case ROUTE_SLUG:
		if (!text_is_slug(value))
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "%s: must be lower-case letters, digits and "
			        "hyphens",
			        p->name);
		return MASA_OK;
	case ROUTE_SHORT_NAME:
		if (!text_is_short_name(value))
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "%s: must be a short name such as "
			        "RLSCB",
			        p->name);
		return MASA_OK;
	case ROUTE_INTEGER: {
		char *end;
		long v;
		const char *s = value;
		if (*s == '-' || *s == '+')
			s++;
		if (*s < '0' || *s > '9' || strlen(value) > 19)
			goto bad_integer;
		errno = 0;
		v = strtol(value, &end, 10);
		if (errno != 0 || *end != '\0' || v < p->min || v > p->max)
			goto bad_integer;
		return MASA_OK;
	bad_integer:
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: must be a whole number from %ld "
		                      "to %ld",
		                      p->name, p->min, p->max);
	}
	case ROUTE_ENUM:
		for (size_t i = 0; p->choices && p->choices[i]; i++)
			if (strcmp(p->choices[i], value) == 0)
				return MASA_OK;
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: must be one of the listed choices",
		                      p->name);
	}
	return masa_error_set(err, MASA_ERR_INVALID, "%s: unknown validator",
	                      p->name);
}

static const struct route_param *
declared(const struct route *r, const char *name, enum route_where where)
{
	for (const struct route_param *p = r->params; p && p->name; p++)
		if (p->where == where && strcmp(p->name, name) == 0)
			return p;
	return NULL;
}

/* One route's consistency, for route_table_check. */
static enum masa_err check_route(const struct route *r, struct masa_error *err)
{
	const char *p = r->path;
	size_t nparams = 0, nsegs = 0;

	if (p == NULL || p[0] != '/' || r->handler == NULL)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "route %s %s: a path starts with "
		                      "/ and needs a handler",
		                      r->method, p ? p : "(null)");
	for (const struct route_param *q = r->params; q && q->name; q++) {
		bool family = route_param_is_family(q);
		nparams++;
		if ((q->many || family) &&
		    (q->where == ROUTE_IN_PATH || q->required))
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "route %s %s: %s may be sent many "
			        "times, so it cannot be in the path "
			        "or required",
			        r->method, r->path, q->name);
		if (strchr(q->name, '*') != NULL && !family)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "route %s %s: %s: only a family's "
			        "name ends in \"-*\"",
			        r->method, r->path, q->name);
	}
	if (nparams > ROUTE_MAX_PARAMS)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "route %s %s: more than %d "
		                      "parameters",
		                      r->method, r->path, ROUTE_MAX_PARAMS);
	while ((p = strchr(p, '{')) != NULL) {
		const char *close = strchr(p, '}');
		char name[64];
		size_t len = close ? (size_t)(close - p - 1) : 0;
		if (close == NULL || len == 0 || len >= sizeof name)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "route %s %s: a malformed "
			                      "{segment}",
			                      r->method, r->path);
		memcpy(name, p + 1, len);
		name[len] = '\0';
		if (declared(r, name, ROUTE_IN_PATH) == NULL)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "route %s %s: {%s} is not "
			                      "declared as a path "
			                      "parameter",
			                      r->method, r->path, name);
		p = close + 1;
	}
	for (p = r->path; *p; p++)
		nsegs += *p == '/';
	if (nsegs > ROUTE_MAX_SEGMENTS)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "route %s %s: more than %d "
		                      "segments",
		                      r->method, r->path, ROUTE_MAX_SEGMENTS);
	return MASA_OK;
}

/* route_each's visitor for route_table_check: false (stop) at a fault. */
static bool check_one(const struct route *r, void *data)
{
	struct masa_error *err = data;

	return check_route(r, err) == MASA_OK;
}

enum masa_err route_table_check(const struct route *table,
                                struct masa_error *err)
{
	masa_error_clear(err);
	if (!route_each(table, check_one, err))
		return err->code != MASA_OK ? err->code : MASA_ERR_INVALID;
	return MASA_OK;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes n bytes of s ('+' is a space, %XX a byte) into a. */
static char *form_decode(struct arena *a, const char *s, size_t n, bool *ok)
{
	char *out = arena_alloc(a, n + 1);
	size_t k = 0;

	*ok = true;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			out[k++] = ' ';
		} else if (s[i] == '%') {
			int hi, lo;
			if (i + 2 >= n) {
				*ok = false;
				return out;
			}
			hi = hex_value(s[i + 1]);
			lo = hex_value(s[i + 2]);
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
				*ok = false;
				return out;
			}
			out[k++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			out[k++] = s[i];
		}
	}
	out[k] = '\0';
	return out;
}

enum masa_err route_decode_form(const char *text, size_t len, struct arena *a,
                                void (*take)(const char *name,
                                             const char *value, void *data),
                                void *data, struct masa_error *err)
{
	size_t i = 0;

	while (i < len) {
		const char *field = text + i;
		const char *amp = memchr(field, '&', len - i);
		size_t flen = amp ? (size_t)(amp - field) : len - i;
		const char *eq = memchr(field, '=', flen);
		size_t nlen = eq ? (size_t)(eq - field) : flen;
		bool ok_name, ok_value = true;
		char *name, *value;

		i += flen + 1;
		if (flen == 0)
			continue;
		name = form_decode(a, field, nlen, &ok_name);
		value = eq ? form_decode(a, eq + 1, flen - nlen - 1, &ok_value)
		           : arena_strdup(a, "");
		if (!ok_name || !ok_value)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "the form holds a malformed "
			                      "%%-escape");
		take(name, value, data);
	}
	return MASA_OK;
}

/* Starter routes: enough to prove the stack. */

/*
 * For load balancers and monitoring: 200 only when the database answers a
 * query now (503 through the usual error path when it does not).
 */
static enum masa_err healthz(struct http_request *req, struct masa_error *err)
{
	int64_t version;
	enum masa_err rc = store_data_version(req->store, &version, err);

	if (rc != MASA_OK)
		return rc;
	return http_respond_json(req, 200,
	                         json_pack("{s:s, s:i}", "status", "ok",
	                                   "schema",
	                                   store_schema_version(req->store)),
	                         err);
}

/* The server's own routes: health and static files. */
const struct route http_base_routes[] = {
        {"GET", "/healthz", NULL, GOV_ROLE_PUBLIC, healthz},
        {"GET", "/static/*", NULL, GOV_ROLE_PUBLIC, http_static_file},
        {0},
};
