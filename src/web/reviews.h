/*
 * reviews: the reviews pages: the overview of serious incidents with
 * their clocks (/reviews, with links to practice reviews and child
 * deaths), an incident's page with its rapid review meeting's attendance
 * and quorum, the forms that record an incident and each of its steps
 * (notification, rapid review, decision, the national panel's response,
 * the agencies involved), and the incidents as CSV.
 *
 * Only who may see cases sees them (GOV_SQL_SEES_CASE, through
 * assure/incident.h): anyone else gets 404 for a case and 403 for the
 * overview; each case page shown is written to the audit log.
 */
#ifndef MASA_WEB_REVIEWS_H
#define MASA_WEB_REVIEWS_H

#include "http/route.h"

extern const struct route reviews_routes[];

/*
 * The home page's panel for those who may see cases: the clocks of serious
 * incidents overdue or due within 5 working days, each with a link to its
 * incident; nothing for anyone else.
 */
struct html;
enum masa_err reviews_clock_panel(struct http_request *req, struct html *h,
                                  struct masa_error *err);

#endif
