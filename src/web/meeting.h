/*
 * meeting: a meeting's page and the business unit's forms that edit it.
 *
 * GET /meetings/{body}/{date} shows one meeting (its key is BODY/DATE, and
 * "2014-12-04-2" names a second meeting of the body that day): the facts
 * (date, time, venue, status, minutes status, quorum), attendance grouped as
 * minutes print it, declarations of interest, then the agenda in order with
 * each item's minutes (Markdown), resolutions, actions raised and papers,
 * and links to the body's meetings before and after it. What each viewer
 * sees follows gov/access.h: the public sees the open items once the
 * minutes are published, and only the date, time and venue before; a
 * confidential (part 2) item is one line, "Item N: confidential (not
 * published)", to all but admins and members of the body; papers only to
 * those gov_may_see_papers allows.
 *
 * The forms (admins only, each a POST with the session's CSRF token) record
 * attendance, write an item's minutes (with a preview that stores nothing)
 * and mark it deferred, add resolutions, raise actions, add agenda items,
 * and set the meeting's status and its minutes' status. Each change goes
 * through the gov layer (which checks it and writes the audit log) in one
 * transaction; it then sends the browser back to the meeting's page with a
 * success banner (?done=...), or shows its form again with the errors
 * (400) and nothing stored.
 */
#ifndef MASA_WEB_MEETING_H
#define MASA_WEB_MEETING_H

#include "http/route.h"

/* GET /meetings/{body}/{date} */
enum masa_err meeting_page(struct http_request *req, struct masa_error *err);
/* GET and POST /meetings/{body}/{date}/attendance */
enum masa_err meeting_attendance_page(struct http_request *req,
                                      struct masa_error *err);
enum masa_err meeting_attendance_save(struct http_request *req,
                                      struct masa_error *err);
/* POST /meetings/{body}/{date}/items: a new agenda item */
enum masa_err meeting_item_add(struct http_request *req,
                               struct masa_error *err);
/* POST /meetings/{body}/{date}/status: held, cancelled... */
enum masa_err meeting_status_save(struct http_request *req,
                                  struct masa_error *err);
/* POST /meetings/{body}/{date}/minutes-status: draft, approved, published */
enum masa_err meeting_minutes_status_save(struct http_request *req,
                                          struct masa_error *err);
/* GET and POST /meetings/{body}/{date}/items/{number}/minutes */
enum masa_err meeting_item_page(struct http_request *req,
                                struct masa_error *err);
enum masa_err meeting_item_minutes_save(struct http_request *req,
                                        struct masa_error *err);
/* POST .../items/{number}/resolutions and .../items/{number}/actions */
enum masa_err meeting_resolution_add(struct http_request *req,
                                     struct masa_error *err);
enum masa_err meeting_action_raise(struct http_request *req,
                                   struct masa_error *err);

/* The parameters of each route above, in the same order. */
extern const struct route_param meeting_page_params[];
extern const struct route_param meeting_params[];
extern const struct route_param meeting_attendance_params[];
extern const struct route_param meeting_item_add_params[];
extern const struct route_param meeting_status_params[];
extern const struct route_param meeting_minutes_status_params[];
extern const struct route_param meeting_item_params[];
extern const struct route_param meeting_minutes_params[];
extern const struct route_param meeting_resolution_params[];
extern const struct route_param meeting_action_params[];

/* This module's routes (http/route.h), for cli/routes.c. */
extern const struct route meeting_routes[];

#endif
