/*
 * pages: the footer's pages of a partnership's site: the accessibility
 * statement (/accessibility), the privacy notice (/privacy) and the contact
 * page (/contact), public and cached; each shows what the business unit
 * wrote (gov/site_page.h) or masa's default text, which says what masa does
 * and leaves placeholders in square brackets for the business unit to fill.
 * The business unit edits each at /admin/pages/{page}: Markdown, with a
 * preview, rendered safely (web/markdown.h).
 */
#ifndef MASA_WEB_PAGES_H
#define MASA_WEB_PAGES_H

#include "http/route.h"

/* GET /accessibility, /privacy, /contact: the page named by the path. */
enum masa_err pages_show(struct http_request *req, struct masa_error *err);
/* GET /admin/pages/{page}: the form that edits the page. */
enum masa_err pages_edit(struct http_request *req, struct masa_error *err);
/* POST /admin/pages/{page}: preview or save (op), then back to the form. */
enum masa_err pages_save(struct http_request *req, struct masa_error *err);

/*
 * masa's default text of page slug (Markdown) for partnership, in a; NULL
 * for a slug that is not a page.
 */
const char *pages_default_text(struct arena *a, const char *slug,
                               const char *partnership);

/* This module's routes (http/route.h), for cli/routes.c. */
extern const struct route pages_routes[];

#endif
