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

struct gov_body;
struct html;

/*
 * For an admin, the <li> links to the business unit's pages about body b of
 * this partnership: its members, add a member, change the chair, edit and
 * close it (what a closed body still allows); nothing for anyone else.
 */
void setup_body_links(struct html *h, struct http_request *req,
                      const struct gov_body *b);
/*
 * For an admin, the links to add a body, and to the lists of organisations
 * and people (for the structure page); nothing for anyone else.
 */
void setup_structure_links(struct html *h, struct http_request *req);

/* The routes of this module (included by cli/routes.c). */
extern const struct route setup_routes[];

#endif
