/*
 * setup: the business unit's pages for setting up the partnership: its
 * organisations and people (lists and forms), and its bodies (add, edit,
 * close) and their members (add, end, change of chair). Every form is drawn
 * from the kind's declaration by web/recordform.c and calls one domain
 * function (gov/partnership.h, gov/body.h); all are for admins only.
 */
#ifndef MASA_WEB_SETUP_H
#define MASA_WEB_SETUP_H

#include "http/route.h"

/* The routes of this module (included by cli/routes.c). */
extern const struct route setup_routes[];

#endif
