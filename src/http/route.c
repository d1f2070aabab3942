/*
 * route: the route table, path matching, parameter validation and form
 * decoding (see route.h). The two starter handlers (/healthz and /) live
 * here until the page modules take over the home page.
 */
#include "http/route.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "api/api.h"
#include "gov/body.h"
#include "http/server.h"
#include "store/store.h"
#include "web/actions.h"
#include "web/home.h"
#include "web/layout.h"
#include "web/programme.h"

#include "web/calendar.h"
#include "web/meeting.h"
#include "web/session.h"
#include "web/structure.h"

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

enum route_outcome route_match(const struct route *table, const char *method,
                               const char *path, struct arena *a,
                               struct route_match *m)
{
	const char *segs[ROUTE_MAX_SEGMENTS];
	bool too_many, path_known = false;
	size_t nsegs;

	memset(m, 0, sizeof *m);
	if (path[0] != '/')
		return ROUTE_NO_PATH;
	nsegs = split(path, a, segs, ROUTE_MAX_SEGMENTS, &too_many);
	for (const struct route *r = table; r->method != NULL; r++) {
		struct route_match candidate;
		bool same_method;

		memset(&candidate, 0, sizeof candidate);
		if (!pattern_matches(r->path, segs, nsegs, too_many, path, a,
		                     &candidate))
			continue;
		same_method = strcmp(r->method, method) == 0 ||
		              (strcmp(r->method, "GET") == 0 &&
		               strcmp(method, "HEAD") == 0);
		if (same_method) {
			*m = candidate;
			m->route = r;
			return ROUTE_FOUND;
		}
		path_known = true;
		allow_add(m->allow, sizeof m->allow, r->method);
		if (strcmp(r->method, "GET") == 0)
			allow_add(m->allow, sizeof m->allow, "HEAD");
	}
	return path_known ? ROUTE_NO_METHOD : ROUTE_NO_PATH;
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

enum masa_err route_table_check(const struct route *table,
                                struct masa_error *err)
{
	for (const struct route *r = table; r->method != NULL; r++) {
		const char *p = r->path;
		size_t nparams = 0, nsegs = 0;

		if (p == NULL || p[0] != '/' || r->handler == NULL)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "route %s %s: a path starts with "
			                      "/ and needs a handler",
			                      r->method, p ? p : "(null)");
		for (const struct route_param *q = r->params; q && q->name;
		     q++) {
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
			                      r->method, r->path,
			                      ROUTE_MAX_PARAMS);
		while ((p = strchr(p, '{')) != NULL) {
			const char *close = strchr(p, '}');
			char name[64];
			size_t len = close ? (size_t)(close - p - 1) : 0;
			if (close == NULL || len == 0 || len >= sizeof name)
				return masa_error_set(
				        err, MASA_ERR_INVALID,
				        "route %s %s: a malformed "
				        "{segment}",
				        r->method, r->path);
			memcpy(name, p + 1, len);
			name[len] = '\0';
			if (declared(r, name, ROUTE_IN_PATH) == NULL)
				return masa_error_set(
				        err, MASA_ERR_INVALID,
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
			                      r->method, r->path,
			                      ROUTE_MAX_SEGMENTS);
	}
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

const struct route http_routes[] = {
        {"GET", "/healthz", NULL, GOV_ROLE_PUBLIC, healthz},
        {"GET", "/static/*", NULL, GOV_ROLE_PUBLIC, http_static_file},
        /* Accounts (src/web/session.c) */
        {"GET", "/sign-in", session_sign_in_params, GOV_ROLE_PUBLIC,
         session_sign_in_page},
        {"POST", "/sign-in", session_sign_in_params, GOV_ROLE_PUBLIC,
         session_sign_in, .sign_in_attempt = true},
        {"POST", "/sign-out", NULL, GOV_ROLE_MEMBER, session_sign_out},
        /* Pages: home and structure (src/web/home.c, structure.c) */
        {"GET", "/", NULL, GOV_ROLE_PUBLIC, home_page, .cache = true},

        {"GET", "/structure", structure_params, GOV_ROLE_PUBLIC, structure_page,
         .cache = true},
        {"GET", "/bodies/{body}", structure_body_params, GOV_ROLE_PUBLIC,
         structure_body_page, .cache = true},
        /* Pages: meetings (src/web/meeting.c) */
        {"GET", "/meetings/{body}/{date}", meeting_page_params, GOV_ROLE_PUBLIC,
         meeting_page, .cache = true},
        {"GET", "/meetings/{body}/{date}/attendance", meeting_params,
         GOV_ROLE_ADMIN, meeting_attendance_page},
        {"POST", "/meetings/{body}/{date}/attendance",
         meeting_attendance_params, GOV_ROLE_ADMIN, meeting_attendance_save},
        {"POST", "/meetings/{body}/{date}/items", meeting_item_add_params,
         GOV_ROLE_ADMIN, meeting_item_add},
        {"POST", "/meetings/{body}/{date}/status", meeting_status_params,
         GOV_ROLE_ADMIN, meeting_status_save},
        {"POST", "/meetings/{body}/{date}/minutes-status",
         meeting_minutes_status_params, GOV_ROLE_ADMIN,
         meeting_minutes_status_save},
        {"GET", "/meetings/{body}/{date}/items/{number}/minutes",
         meeting_item_params, GOV_ROLE_ADMIN, meeting_item_page},
        {"POST", "/meetings/{body}/{date}/items/{number}/minutes",
         meeting_minutes_params, GOV_ROLE_ADMIN, meeting_item_minutes_save},
        {"POST", "/meetings/{body}/{date}/items/{number}/resolutions",
         meeting_resolution_params, GOV_ROLE_ADMIN, meeting_resolution_add},
        {"POST", "/meetings/{body}/{date}/items/{number}/actions",
         meeting_action_params, GOV_ROLE_ADMIN, meeting_action_raise},
        /* Pages: actions and work programmes (src/web/actions.c) */
        {"GET", "/bodies/{body}/programme", programme_page_params,
         GOV_ROLE_PUBLIC, programme_page, .cache = true},
        {"POST", "/bodies/{body}/programme", programme_add_params,
         GOV_ROLE_ADMIN, programme_add},
        {"GET", "/actions", actions_index_params, GOV_ROLE_MEMBER,
         actions_index},
        {"GET", "/bodies/{body}/actions", actions_log_params, GOV_ROLE_MEMBER,
         actions_log},
        {"GET", "/actions/{body}/{ref}", actions_alone_params, GOV_ROLE_MEMBER,
         actions_page},
        {"GET", "/actions/{body}/{meeting}/{number}", actions_at_meeting_params,
         GOV_ROLE_MEMBER, actions_page},
        {"POST", "/actions/{body}/{ref}/updates", actions_update_alone_params,
         GOV_ROLE_MEMBER, actions_post_update},
        {"POST", "/actions/{body}/{ref}/owners", actions_change_alone_params,
         GOV_ROLE_ADMIN, actions_post_change},
        {"POST", "/actions/{body}/{meeting}/{number}/updates",
         actions_update_at_meeting_params, GOV_ROLE_MEMBER,
         actions_post_update},
        {"POST", "/actions/{body}/{meeting}/{number}/owners",
         actions_change_at_meeting_params, GOV_ROLE_ADMIN, actions_post_change},
        /* Public calendar and iCalendar feeds (src/web/calendar.c). The
         * feeds are not cached: their links are built from the Host the
         * reader asked for. */
        {"GET", "/meetings", calendar_page_params, GOV_ROLE_PUBLIC,
         calendar_page, .cache = true},
        {"GET", "/meetings/calendar.ics", NULL, GOV_ROLE_PUBLIC,
         calendar_feed_all},
        {"GET", "/bodies/{body}/calendar.ics", calendar_feed_body_params,
         GOV_ROLE_PUBLIC, calendar_feed_body},
        /* JSON API (src/api) */
        /* (See api/api.h and docs/api.md. Routes whose last segment is
         * literal come before the patterns they would otherwise match:
         * "RLSCB/A1/updates" is not action number "updates".) */
        {"GET", "/api/v1/openapi.json", NULL, GOV_ROLE_PUBLIC, api_openapi,
         .cache = true},
        {"GET", "/api/v1/bodies", api_list_params, GOV_ROLE_PUBLIC, api_bodies,
         .cache = true},
        {"GET", "/api/v1/bodies/{body}", api_body_params, GOV_ROLE_PUBLIC,
         api_body, .cache = true},
        {"GET", "/api/v1/bodies/{body}/members", api_members_params,
         GOV_ROLE_PUBLIC, api_body_members, .cache = true},
        {"GET", "/api/v1/bodies/{body}/programme", api_body_list_params,
         GOV_ROLE_PUBLIC, api_body_programme, .cache = true},
        {"GET", "/api/v1/meetings", api_meetings_params, GOV_ROLE_PUBLIC,
         api_meetings, .cache = true},
        {"GET", "/api/v1/meetings/{body}/{date}", api_meeting_params,
         GOV_ROLE_PUBLIC, api_meeting, .cache = true},
        {"GET", "/api/v1/meetings/{body}/{date}/items", api_meeting_list_params,
         GOV_ROLE_PUBLIC, api_meeting_items, .cache = true},
        {"GET", "/api/v1/meetings/{body}/{date}/attendance",
         api_meeting_list_params, GOV_ROLE_PUBLIC, api_meeting_attendance,
         .cache = true},
        {"GET", "/api/v1/meetings/{body}/{date}/resolutions",
         api_meeting_list_params, GOV_ROLE_PUBLIC, api_meeting_resolutions,
         .cache = true},
        {"GET", "/api/v1/actions", api_actions_params, GOV_ROLE_MEMBER,
         api_actions},
        {"POST", "/api/v1/actions", NULL, GOV_ROLE_ADMIN, api_action_raise},
        {"GET", "/api/v1/actions/{body}/{standing}/updates",
         api_standing_list_params, GOV_ROLE_MEMBER, api_action_updates},
        {"POST", "/api/v1/actions/{body}/{standing}/updates",
         api_standing_params, GOV_ROLE_MEMBER, api_action_update_add},
        {"GET", "/api/v1/actions/{body}/{standing}", api_standing_params,
         GOV_ROLE_MEMBER, api_action},
        {"GET", "/api/v1/actions/{body}/{date}/{number}/updates",
         api_action_list_params, GOV_ROLE_MEMBER, api_action_updates},
        {"POST", "/api/v1/actions/{body}/{date}/{number}/updates",
         api_action_params, GOV_ROLE_MEMBER, api_action_update_add},
        {"GET", "/api/v1/actions/{body}/{date}/{number}", api_action_params,
         GOV_ROLE_MEMBER, api_action},
        {NULL, NULL, NULL, GOV_ROLE_PUBLIC, NULL},
};
