/*
 * home: the home page. For everyone: the partnership, its next meetings,
 * the minutes published last, and where to look further. Signed in: the
 * viewer's open actions (overdue, due in the next four weeks, later) and
 * their next meetings; for the business unit, what is waiting: minutes of
 * meetings held not yet approved or published, and overdue actions by
 * organisation. Every count links to the list it counts.
 */
#ifndef MASA_WEB_HOME_H
#define MASA_WEB_HOME_H

#include "http/route.h"

enum masa_err home_page(struct http_request *req, struct masa_error *err);

/* This module's routes (http/route.h), for cli/routes.c. */
extern const struct route home_routes[];

#endif
