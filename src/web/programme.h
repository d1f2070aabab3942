/*
 * programme: a body's work programme page (/bodies/{body}/programme): what
 * it plans to take, by month, where each entry comes from (a resolution, a
 * deferral, a sub-group), the matters arising for its next meeting, and for
 * the business unit a form to add an entry.
 */
#ifndef MASA_WEB_PROGRAMME_H
#define MASA_WEB_PROGRAMME_H

#include "http/route.h"

extern const struct route_param programme_page_params[];
enum masa_err programme_page(struct http_request *req, struct masa_error *err);
extern const struct route_param programme_add_params[];
enum masa_err programme_add(struct http_request *req, struct masa_error *err);

/* This module's routes (http/route.h), for cli/routes.c. */
extern const struct route programme_routes[];

#endif
