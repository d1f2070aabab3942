/*
 * actions: the action pages: the bodies with their open and overdue
 * actions (/actions), a body's action log with filters
 * (/bodies/{body}/actions), one action with its owners and history
 * (/actions/{reference}), the form its owners use to post updates, and the
 * business unit's form to reassign it or change its due date.
 *
 * An action's page is at /actions/ and its reference: an action raised at
 * a meeting is BODY/DATE/N (/actions/RLSCB/2014-12-04/3), one standing alone
 * BODY/AN (/actions/RLSCB/A1).
 *
 * Also the small pieces the home and work programme pages share with them:
 * dates in words, status tags, links to an action.
 */
#ifndef MASA_WEB_ACTIONS_H
#define MASA_WEB_ACTIONS_H

#include "gov/action.h"
#include "http/route.h"
#include "web/html.h"

/* Route handlers and their parameters (route.c's table). */
extern const struct route_param actions_index_params[];
enum masa_err actions_index(struct http_request *req, struct masa_error *err);
extern const struct route_param actions_log_params[];
enum masa_err actions_log(struct http_request *req, struct masa_error *err);
extern const struct route_param actions_at_meeting_params[];
extern const struct route_param actions_alone_params[];
enum masa_err actions_page(struct http_request *req, struct masa_error *err);
extern const struct route_param actions_update_at_meeting_params[];
extern const struct route_param actions_update_alone_params[];
enum masa_err actions_post_update(struct http_request *req,
                                  struct masa_error *err);
extern const struct route_param actions_change_at_meeting_params[];
extern const struct route_param actions_change_alone_params[];
enum masa_err actions_post_change(struct http_request *req,
                                  struct masa_error *err);

/* "4 December 2014" for "2014-12-04" (other text as it is); in a. */
const char *actions_date_words(struct arena *a, const char *iso);
/* The status as a GOV.UK tag, and an "Overdue" tag when days_overdue. */
void actions_status_tag(struct html *h, const char *status, long days_overdue);
/* The path of the action with reference key: "/actions/RLSCB/A1"; in a. */
const char *actions_href(struct arena *a, const char *key);
/*
 * May req's reader open the action pages? Only those signed in with the
 * role of the action pages' routes: which actions each of them sees, on
 * a list and on its page alike, the domain decides (GOV_SQL_SEES_ACTION),
 * so an action listed to such a reader opens for them. The public reads
 * actions in published minutes but has no action pages.
 */
bool actions_may_open(const struct http_request *req);
/* "Maryke Turvey, Sarah Mainwaring": the entry's owners; in a. */
const char *actions_owner_names(struct arena *a,
                                const struct gov_action_entry *e);
/* value percent-encoded for a query string; in a. */
const char *actions_query_escape(struct arena *a, const char *value);

/* This module's routes (http/route.h), for cli/routes.c. */
extern const struct route actions_routes[];

#endif
