/*
 * site_page: the footer's pages of a partnership's site (the accessibility
 * statement, the privacy notice and the contact page) as its business unit
 * wrote them, in Markdown (table site_page, schema 12). A page with no row
 * is shown with masa's default text (web/pages.c): only what the business
 * unit wrote is stored, dumped and loaded.
 */
#ifndef MASA_GOV_SITE_PAGE_H
#define MASA_GOV_SITE_PAGE_H

#include "gov/gov.h"

enum { GOV_SITE_PAGE_MAX = 50000 }; /* characters of Markdown */

/* The pages there are, NULL-terminated: "accessibility", "privacy",
 * "contact" (the CHECK of table site_page). */
extern const char *const gov_site_page_slugs[];

struct gov_site_page {
	const char *slug; /* one of gov_site_page_slugs (static) */
	char *body;       /* Markdown; NULL when none is stored */
	int64_t version;  /* 0 when none is stored */
	char *updated_at; /* YYYY-MM-DDTHH:MM:SSZ, or NULL */
	char *updated_by; /* who wrote it ("web:jo"), or NULL */
};

/* True when slug names one of the pages. */
bool gov_site_page_known(const char *slug);

/*
 * Reads the stored page slug of partnership_id into *out (text in a);
 * out->body NULL when the business unit has written none.
 * MASA_ERR_NOT_FOUND for a slug that is not a page.
 */
enum masa_err gov_site_page_get(struct gov *g, int64_t partnership_id,
                                const char *slug, struct arena *a,
                                struct gov_site_page *out,
                                struct masa_error *err);

/*
 * Stores body as page slug of partnership_id, acting as g->actor, with an
 * audit entry, in one transaction. version is the version the writer read
 * (0 when none was stored, or -1 not to check): another version stored
 * since is MASA_ERR_CONFLICT and nothing is stored. A blank body, or one
 * longer than GOV_SITE_PAGE_MAX, is MASA_ERR_INVALID.
 */
enum masa_err gov_site_page_set(struct gov *g, int64_t partnership_id,
                                const char *slug, const char *body,
                                int64_t version, struct masa_error *err);

/* The stored pages of partnership_id, in gov_site_page_slugs' order. */
enum masa_err gov_site_page_list(struct gov *g, int64_t partnership_id,
                                 struct arena *a, struct gov_site_page **out,
                                 size_t *n, struct masa_error *err);

#endif
