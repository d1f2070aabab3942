/*
 * api: masa's JSON API under /api/v1/, over the same resources as the pages
 * and under the same access rules (gov/access.h). docs/api.md is the guide;
 * src/api/openapi.json (served at /api/v1/openapi.json) describes every path.
 *
 * URLs name records by the references minutes use: a body by its short name
 * (/api/v1/bodies/RLSCB), a meeting by its key (/api/v1/meetings/RLSCB/
 * 2014-12-04), an action by its reference (/api/v1/actions/RLSCB/2014-12-04/3,
 * or /api/v1/actions/RLSCB/A1 for one standing alone).
 *
 * Every list answers {"data": [...], "next": URL or null}: ?limit= (1 to
 * API_LIMIT_MAX, default API_LIMIT_DEFAULT) and ?cursor= (an opaque
 * position; follow "next" rather than computing it). Errors are
 * {"error": {"status", "title", "message"}} (http_respond_error).
 *
 * The handlers and the parameters each route declares are here; the routes
 * themselves are api_routes[] (api.c).
 */
#ifndef MASA_API_API_H
#define MASA_API_API_H

#include <jansson.h>
#include <stdbool.h>

#include "core/error.h"
#include "http/route.h"

enum {
	API_LIMIT_DEFAULT = 100,
	API_LIMIT_MAX = 1000,
	API_CURSOR_MAX = 1000000000, /* positions and record ids */
	API_TEXT_MAX = 10000, /* characters in a text member of a request */
};

/* Declared parameters, per route (see route.h). */
extern const struct route_param api_list_params[];      /* limit, cursor */
extern const struct route_param api_body_params[];      /* {body} */
extern const struct route_param api_members_params[];   /* {body}, on, page */
extern const struct route_param api_body_list_params[]; /* {body}, page */
extern const struct route_param api_meetings_params[];  /* body, from, to */
extern const struct route_param api_meeting_params[];   /* {body}/{date} */
extern const struct route_param api_meeting_list_params[]; /* + page */
extern const struct route_param api_actions_params[];      /* filters */
extern const struct route_param api_action_params[]; /* {body}/{date}/{n} */
extern const struct route_param api_action_list_params[]; /* + page */
extern const struct route_param api_standing_params[]; /* {body}/{standing} */
extern const struct route_param api_standing_list_params[]; /* + page */

/* GET /api/v1/openapi.json: the embedded OpenAPI 3.1 document. */
enum masa_err api_openapi(struct http_request *req, struct masa_error *err);

/* bodies.c: GET /api/v1/bodies, /bodies/{body}, .../members, .../programme */
enum masa_err api_bodies(struct http_request *req, struct masa_error *err);
enum masa_err api_body(struct http_request *req, struct masa_error *err);
enum masa_err api_body_members(struct http_request *req,
                               struct masa_error *err);
enum masa_err api_body_programme(struct http_request *req,
                                 struct masa_error *err);

/* meetings.c: GET /api/v1/meetings, /meetings/{body}/{date} and its
 * items, attendance and resolutions */
enum masa_err api_meetings(struct http_request *req, struct masa_error *err);
enum masa_err api_meeting(struct http_request *req, struct masa_error *err);
enum masa_err api_meeting_items(struct http_request *req,
                                struct masa_error *err);
enum masa_err api_meeting_attendance(struct http_request *req,
                                     struct masa_error *err);
enum masa_err api_meeting_resolutions(struct http_request *req,
                                      struct masa_error *err);

/* actions.c: the action log (signed-in roles only) */
enum masa_err api_actions(struct http_request *req, struct masa_error *err);
enum masa_err api_action(struct http_request *req, struct masa_error *err);
enum masa_err api_action_updates(struct http_request *req,
                                 struct masa_error *err);
enum masa_err api_action_update_add(struct http_request *req,
                                    struct masa_error *err);
enum masa_err api_action_raise(struct http_request *req,
                               struct masa_error *err);

/*
 * Helpers shared by the handlers (api.c).
 */

/* A page of a list: what ?limit= and ?cursor= asked for. */
struct api_page {
	long limit;
	long cursor;
};

/* The page req asks for (defaults when the parameters were not given). */
void api_page_of(const struct http_request *req, struct api_page *page);
/*
 * Answers 200 with {"data": data, "next": ...}: next is the URL of the page
 * after this one (this path and its declared query parameters with cursor
 * set to next_cursor) when more is true, else null. Steals data.
 */
enum masa_err api_respond_page(struct http_request *req, json_t *data,
                               bool more, long next_cursor,
                               struct masa_error *err);
/*
 * For a list held whole in memory (n entries): the part [*from, *to) the
 * page covers, and whether more follow.
 */
void api_page_slice(const struct api_page *page, size_t n, size_t *from,
                    size_t *to, bool *more);

/* A JSON string of s, or null when s is NULL. New reference. */
json_t *api_str(const char *s);
/* A JSON integer of id, or null when it is 0. New reference. */
json_t *api_int_or_null(int64_t v);

/* What a member of a JSON request object must be. */
enum api_type {
	API_STRING, /* text: UTF-8, no control characters but tab and newline,
	               at most .max characters (API_TEXT_MAX when 0) */
	API_DATE,   /* a "YYYY-MM-DD" string, a real date */
	API_INTEGER,
	API_BOOLEAN,
	API_ARRAY, /* checked by the handler */
};

struct api_member {
	const char *name;
	enum api_type type;
	bool required;
	size_t max;
	const char *const *choices; /* API_STRING: NULL-terminated, or NULL */
};

/*
 * Parses req's body as one JSON object, strictly: UTF-8, no duplicate
 * keys, no member that members (ending with a NULL name) does not name,
 * each of the declared type, the required ones present. A null member is
 * the same as a missing one. MASA_ERR_INVALID with a message naming the
 * member. *out (a new reference) is the object; caller decrefs it.
 */
enum masa_err api_json_body(const struct http_request *req,
                            const struct api_member *members, json_t **out,
                            struct masa_error *err);
/*
 * Checks one value against m (for members of nested objects); where names
 * it in the message ("owners[2].person").
 */
enum masa_err api_json_check(const json_t *v, const struct api_member *m,
                             const char *where, struct masa_error *err);
/* A string member of obj, or NULL when it is missing or null. */
const char *api_json_text(const json_t *obj, const char *name);

/* incidents.c: serious incidents (who may see cases only) */
extern const struct route api_incident_routes[];
/* This module's routes (http/route.h), for cli/routes.c. */
extern const struct route api_routes[];

#endif
