/*
 * routes: the table `masa serve` serves, put together from the server's own
 * routes and each feature module's table, in the order they are matched.
 */
#ifndef MASA_CLI_ROUTES_H
#define MASA_CLI_ROUTES_H

#include "http/route.h"

extern const struct route masa_routes[];

#endif
