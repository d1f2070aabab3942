/*
 * structure: the partnership's structure for everyone, signed in or not:
 * GET /structure, its bodies as a tree on a date, and GET /bodies/{body},
 * one body with its members on a date (with their roles, the organisations
 * they represent and their job titles) and its meetings.
 *
 * All of it is public information: the names, roles and organisations of
 * members are published on partnership websites. No email address, phone
 * number or anything confidential is shown.
 */
#ifndef MASA_WEB_STRUCTURE_H
#define MASA_WEB_STRUCTURE_H

#include "http/route.h"

enum {
	STRUCTURE_MEETINGS_PER_PAGE = 20, /* past meetings on a body's page */
	STRUCTURE_UPCOMING_MAX = 20,      /* upcoming meetings shown */
};

extern const struct route_param structure_params[];
extern const struct route_param structure_body_params[];

/* GET /structure?on=DATE&past=yes */
enum masa_err structure_page(struct http_request *req, struct masa_error *err);
/* GET /bodies/{body}?on=DATE&page=N */
enum masa_err structure_body_page(struct http_request *req,
                                  struct masa_error *err);

/* This module's routes (http/route.h), for cli/routes.c. */
extern const struct route structure_routes[];

#endif
