/*
 * api: what every handler of the JSON API shares (see api.h): the declared
 * parameters of its routes, pages and their "next" links, strict reading of
 * JSON request bodies, and the OpenAPI document.
 */
#include "api/api.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/text.h"
#include "http/server.h"

/* The OpenAPI document, embedded by tools/embed-text (build/gen). */
extern const char masa_openapi_json[];
extern const unsigned long masa_openapi_json_len;

static const char *const yes_no[] = {"true", "false", NULL};

#define PAGE_PARAMS                                                     \
	{.name = "limit",                                               \
	 .where = ROUTE_IN_QUERY,                                       \
	 .check = ROUTE_INTEGER,                                        \
	 .min = 1,                                                      \
	 .max = API_LIMIT_MAX},                                         \
	{                                                               \
		.name = "cursor", .where = ROUTE_IN_QUERY,              \
		.check = ROUTE_INTEGER, .min = 0, .max = API_CURSOR_MAX \
	}
#define BODY_PARAM                                      \
	{                                               \
		.name = "body", .where = ROUTE_IN_PATH, \
		.check = ROUTE_SHORT_NAME               \
	}
/* The meeting's part of its key: a date, or a date and "-2" for the second
 * meeting of the body that day (checked when the meeting is looked up). */
#define DATE_PARAM                                                          \
	{                                                                   \
		.name = "date", .where = ROUTE_IN_PATH, .check = ROUTE_SLUG \
	}
#define NUMBER_PARAM                                             \
	{                                                        \
		.name = "number", .where = ROUTE_IN_PATH,        \
		.check = ROUTE_INTEGER, .min = 1, .max = 1000000 \
	}
/* "A7": checked when the action is looked up. */
#define STANDING_PARAM                                      \
	{                                                   \
		.name = "standing", .where = ROUTE_IN_PATH, \
		.check = ROUTE_TEXT, .min = 2, .max = 12    \
	}
#define END_PARAMS           \
	{                    \
		.name = NULL \
	}

const struct route_param api_list_params[] = {PAGE_PARAMS, END_PARAMS};
const struct route_param api_body_params[] = {BODY_PARAM, END_PARAMS};
const struct route_param api_members_params[] = {
        BODY_PARAM,
        {.name = "on", .where = ROUTE_IN_QUERY, .check = ROUTE_DATE},
        PAGE_PARAMS,
        END_PARAMS};
const struct route_param api_body_list_params[] = {BODY_PARAM, PAGE_PARAMS,
                                                   END_PARAMS};
const struct route_param api_meetings_params[] = {
        {.name = "body", .where = ROUTE_IN_QUERY, .check = ROUTE_SHORT_NAME},
        {.name = "from", .where = ROUTE_IN_QUERY, .check = ROUTE_DATE},
        {.name = "to", .where = ROUTE_IN_QUERY, .check = ROUTE_DATE},
        PAGE_PARAMS,
        END_PARAMS};
const struct route_param api_meeting_params[] = {BODY_PARAM, DATE_PARAM,
                                                 END_PARAMS};
const struct route_param api_meeting_list_params[] = {BODY_PARAM, DATE_PARAM,
                                                      PAGE_PARAMS, END_PARAMS};
static const char *const action_statuses[] = {
        "open", "in_progress", "discharged", "closed", "superseded", NULL};
const struct route_param api_actions_params[] = {
        {.name = "body", .where = ROUTE_IN_QUERY, .check = ROUTE_SHORT_NAME},
        {.name = "status",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = action_statuses},
        {.name = "owner", .where = ROUTE_IN_QUERY, .check = ROUTE_SLUG},
        {.name = "organisation", .where = ROUTE_IN_QUERY, .check = ROUTE_SLUG},
        {.name = "overdue",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = yes_no},
        {.name = "as_at", .where = ROUTE_IN_QUERY, .check = ROUTE_DATE},
        PAGE_PARAMS,
        END_PARAMS};
const struct route_param api_action_params[] = {BODY_PARAM, DATE_PARAM,
                                                NUMBER_PARAM, END_PARAMS};
const struct route_param api_action_list_params[] = {
        BODY_PARAM, DATE_PARAM, NUMBER_PARAM, PAGE_PARAMS, END_PARAMS};
const struct route_param api_standing_params[] = {BODY_PARAM, STANDING_PARAM,
                                                  END_PARAMS};
const struct route_param api_standing_list_params[] = {
        BODY_PARAM, STANDING_PARAM, PAGE_PARAMS, END_PARAMS};

enum masa_err api_openapi(struct http_request *req, struct masa_error *err)
{
	json_error_t jerr;
	json_t *doc = json_loadb(masa_openapi_json, masa_openapi_json_len,
	                         JSON_REJECT_DUPLICATES, &jerr);

	/* A broken document is a bug in masa: tests load it on every run. */
	if (doc == NULL)
		return masa_error_set(err, MASA_ERR_STORE,
		                      "openapi.json line %d: %s", jerr.line,
		                      jerr.text);
	http_add_header(req, "Cache-Control", "public, max-age=3600");
	return http_respond_json(req, 200, doc, err);
}

void api_page_of(const struct http_request *req, struct api_page *page)
{
	page->limit = http_param_long(req, "limit", API_LIMIT_DEFAULT);
	page->cursor = http_param_long(req, "cursor", 0);
}

void api_page_slice(const struct api_page *page, size_t n, size_t *from,
                    size_t *to, bool *more)
{
	size_t start = (size_t)page->cursor, end;

	if (start > n)
		start = n;
	end = start + (size_t)page->limit;
	if (end > n)
		end = n;
	*from = start;
	*to = end;
	*more = end < n;
}

/* Appends s to b with every byte but the unreserved ones %-escaped. */
static void url_escape(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		char out[4];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~') {
			buf_append(b, s, 1, NULL);
			continue;
		}
		out[0] = '%';
		out[1] = hex[c >> 4];
		out[2] = hex[c & 15];
		out[3] = '\0';
		buf_puts(b, out, NULL);
	}
}

enum masa_err api_respond_page(struct http_request *req, json_t *data,
                               bool more, long next_cursor,
                               struct masa_error *err)
{
	json_t *next = json_null();

	if (more) {
		struct buf b;
		char cursor[24];

		/* The path and query are bounded by the server's limits. */
		buf_init(&b, 4 * ROUTE_PATH_MAX);
		for (const char *p = req->path; *p; p++) {
			char one[2] = {*p, '\0'};
			if (*p == '/')
				buf_puts(&b, "/", NULL);
			else
				url_escape(&b, one);
		}
		buf_puts(&b, "?", NULL);
		for (const struct route_param *p = req->route->params;
		     p && p->name; p++) {
			const char *v = http_param(req, p->name);
			if (p->where != ROUTE_IN_QUERY || v == NULL ||
			    strcmp(p->name, "cursor") == 0)
				continue;
			buf_puts(&b, p->name, NULL);
			buf_puts(&b, "=", NULL);
			url_escape(&b, v);
			buf_puts(&b, "&", NULL);
		}
		snprintf(cursor, sizeof cursor, "cursor=%ld", next_cursor);
		buf_puts(&b, cursor, NULL);
		json_decref(next);
		next = json_string(buf_str(&b));
		buf_free(&b);
	}
	return http_respond_json(
	        req, 200, json_pack("{s:o, s:o}", "data", data, "next", next),
	        err);
}

json_t *api_str(const char *s)
{
	return s ? json_string(s) : json_null();
}

json_t *api_int_or_null(int64_t v)
{
	return v ? json_integer(v) : json_null();
}

static const char *type_words(enum api_type t)
{
	switch (t) {
	case API_STRING:
		return "a string";
	case API_DATE:
		return "a date such as \"2024-03-31\"";
	case API_INTEGER:
		return "a whole number";
	case API_BOOLEAN:
		return "true or false";
	case API_ARRAY:
		return "an array";
	}
	return "a value";
}

/* Tab, newline and carriage return are the only control characters text
 * may hold, as in form fields (route.c). */
static bool text_acceptable(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') ||
		    c == 0x7f)
			return false;
	}
	return true;
}

enum masa_err api_json_check(const json_t *v, const struct api_member *m,
                             const char *where, struct masa_error *err)
{
	bool ok;

	switch (m->type) {
	case API_STRING:
	case API_DATE:
		ok = json_is_string(v);
		break;
	case API_INTEGER:
		ok = json_is_integer(v);
		break;
	case API_BOOLEAN:
		ok = json_is_boolean(v);
		break;
	case API_ARRAY:
		ok = json_is_array(v);
		break;
	default:
		ok = false;
	}
	if (!ok)
		return masa_error_set(err, MASA_ERR_INVALID, "%s: must be %s",
		                      where, type_words(m->type));
	if (m->type == API_STRING) {
		const char *s = json_string_value(v);
		size_t max = m->max ? m->max : API_TEXT_MAX;
		/* jansson has checked the UTF-8 and refused \u0000. */
		if (!text_acceptable(s))
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%s: holds control characters "
			                      "masa cannot accept",
			                      where);
		if (utf8_length(s) > max)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%s: must be %zu characters or "
			                      "fewer",
			                      where, max);
		if (m->required && text_is_blank(s))
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%s: must not be blank", where);
		if (m->choices != NULL) {
			for (size_t i = 0; m->choices[i]; i++)
				if (strcmp(m->choices[i], s) == 0)
					return MASA_OK;
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%s: \"%s\" is not one of the "
			                      "choices the API documents",
			                      where, s);
		}
	}
	if (m->type == API_DATE) {
		const char *s = json_string_value(v);
		date_days d;
		if (strlen(s) != 10 || date_parse(s, &d, NULL) != MASA_OK)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%s: must be a date such as "
			                      "\"2024-03-31\"",
			                      where);
	}
	return MASA_OK;
}

enum masa_err api_json_body(const struct http_request *req,
                            const struct api_member *members, json_t **out,
                            struct masa_error *err)
{
	json_error_t jerr;
	json_t *obj;
	const char *key;
	json_t *value;
	enum masa_err rc = MASA_OK;

	*out = NULL;
	if (req->body == NULL || req->body_len == 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "send a JSON object as the request body "
		                      "(Content-Type: application/json)");
	obj = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES,
	                 &jerr);
	if (obj == NULL)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "the body is not valid JSON: %s (line %d, "
		        "column %d)",
		        jerr.text, jerr.line, jerr.column);
	if (!json_is_object(obj)) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "the body must be a JSON object");
		goto out;
	}
	json_object_foreach(obj, key, value)
	{
		const struct api_member *m = members;
		while (m->name != NULL && strcmp(m->name, key) != 0)
			m++;
		if (m->name == NULL) {
			struct buf names;
			buf_init(&names, 1024);
			for (m = members; m->name; m++) {
				buf_puts(&names, m == members ? "" : ", ",
				         NULL);
				buf_puts(&names, m->name, NULL);
			}
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "%.100s: is not a member masa "
			                    "takes here (it takes %s)",
			                    key, buf_str(&names));
			buf_free(&names);
			goto out;
		}
		if (json_is_null(value))
			continue;
		rc = api_json_check(value, m, m->name, err);
		if (rc != MASA_OK)
			goto out;
	}
	for (const struct api_member *m = members; m->name; m++) {
		json_t *v = json_object_get(obj, m->name);
		if (m->required && (v == NULL || json_is_null(v))) {
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "%s: is required", m->name);
			goto out;
		}
	}
out:
	if (rc != MASA_OK)
		json_decref(obj);
	else
		*out = obj;
	return rc;
}

const char *api_json_text(const json_t *obj, const char *name)
{
	json_t *v = json_object_get(obj, name);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/*
 * The JSON API (docs/api.md). Routes whose last segment is literal come
 * before the patterns they would otherwise match: "RLSCB/A1/updates" is not
 * action number "updates".
 */
const struct route api_routes[] = {
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
        {0},
};
