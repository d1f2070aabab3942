/*
 * child_deaths (API): /api/v1/child-deaths (see api/child_deaths.c and
 * docs/api.md).
 */
#ifndef MASA_API_CHILD_DEATHS_H
#define MASA_API_CHILD_DEATHS_H

#include "http/route.h"

/* This module's routes (http/route.h), for cli/routes.c. */
extern const struct route api_child_deaths_routes[];

#endif
