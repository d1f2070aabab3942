/*
 * dashboards: the child deaths and reviews dashboards as pages (charts
 * with their tables, a GET form for the period and the area), as CSV and
 * in the JSON API. The figures and who sees them exactly are the domain's
 * (assure/dashboard.h); these handlers only write them.
 *
 *   GET /child-deaths/dashboard[.csv]   GET /reviews/dashboard[.csv]
 *   GET /api/v1/dashboards/child-deaths GET /api/v1/dashboards/reviews
 *
 * Query: from, to (YYYY-MM-DD, or the GOV.UK date fields from-day...),
 * scope (partnership or region), panel (the region's panel), and on the
 * pages format=csv.
 */
#ifndef MASA_WEB_DASHBOARDS_H
#define MASA_WEB_DASHBOARDS_H

#include "http/route.h"

enum masa_err dashboards_page(struct http_request *req, struct masa_error *err);
enum masa_err dashboards_csv(struct http_request *req, struct masa_error *err);
enum masa_err dashboards_api(struct http_request *req, struct masa_error *err);

/* This module's routes, for cli/routes.c. */
extern const struct route dashboards_routes[];

#endif
