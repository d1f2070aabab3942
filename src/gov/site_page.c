/*
 * site_page: the footer's pages as the business unit wrote them (see
 * site_page.h). A change is checked against the version the writer read,
 * in the same transaction that stores it, so of two people editing the
 * same page only the first to save succeeds.
 */
#include "gov/site_page.h"

#include <jansson.h>
#include <string.h>
#include <time.h>

#include "core/text.h"
#include "gov/audit.h"

const char *const gov_site_page_slugs[] = {"accessibility", "privacy",
                                           "contact", NULL};

static const char SQL_PAGE_GET[] =
        "SELECT body, version, updated_at, updated_by FROM site_page "
        "WHERE partnership_id = ?1 AND slug = ?2";
static const char SQL_PAGE_INSERT[] =
        "INSERT INTO site_page (partnership_id, slug, body, version, "
        "updated_at, updated_by) VALUES (?1, ?2, ?3, 1, ?4, ?5)";
static const char SQL_PAGE_UPDATE[] =
        "UPDATE site_page SET body = ?3, version = version + 1, "
        "updated_at = ?4, updated_by = ?5 "
        "WHERE partnership_id = ?1 AND slug = ?2";

bool gov_site_page_known(const char *slug)
{
	for (size_t i = 0; slug && gov_site_page_slugs[i]; i++)
		if (strcmp(slug, gov_site_page_slugs[i]) == 0)
			return true;
	return false;
}

/* The static name of slug (so that out->slug outlives the caller's). */
static const char *slug_static(const char *slug)
{
	for (size_t i = 0; slug && gov_site_page_slugs[i]; i++)
		if (strcmp(slug, gov_site_page_slugs[i]) == 0)
			return gov_site_page_slugs[i];
	return NULL;
}

enum masa_err gov_site_page_get(struct gov *g, int64_t partnership_id,
                                const char *slug, struct arena *a,
                                struct gov_site_page *out,
                                struct masa_error *err)
{
	struct store_stmt *st;
	bool row = false;
	enum masa_err rc;

	memset(out, 0, sizeof *out);
	out->slug = slug_static(slug);
	if (out->slug == NULL)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "There is no page called %s.", slug);
	rc = store_prepare(g->store, SQL_PAGE_GET, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_id(st, 1, partnership_id);
	store_bind_text(st, 2, out->slug);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row) {
		out->body = arena_strdup(a, store_column_text(st, 0));
		out->version = store_column_int(st, 1);
		out->updated_at = arena_strdup(a, store_column_text(st, 2));
		if (!store_column_is_null(st, 3))
			out->updated_by =
			        arena_strdup(a, store_column_text(st, 3));
	}
	store_done(st);
	return rc;
}

static json_t *page_json(const char *slug, const char *body)
{
	return json_pack("{s:s, s:s}", "slug", slug, "body", body);
}

enum masa_err gov_site_page_set(struct gov *g, int64_t partnership_id,
                                const char *slug, const char *body,
                                int64_t version, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_site_page now;
	struct store_stmt *st;
	char at[32];
	time_t t = time(NULL);
	struct tm tm;
	enum masa_err rc;

	if (!gov_site_page_known(slug))
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "There is no page called %s.", slug);
	if (text_is_blank(body))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Enter the text of the page");
	if (!utf8_valid(body, strlen(body), NULL) ||
	    utf8_length(body) > GOV_SITE_PAGE_MAX)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "The text of the page must be %d "
		                      "characters or fewer",
		                      GOV_SITE_PAGE_MAX);
	gmtime_r(&t, &tm);
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	rc = gov_begin(g, err);
	if (rc != MASA_OK)
		goto out;
	rc = gov_site_page_get(g, partnership_id, slug, &a, &now, err);
	if (rc == MASA_OK && version >= 0 && version != now.version)
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "Someone else changed this page since you "
		                    "opened it (now version %lld): reload it, "
		                    "check their change, and make yours again",
		                    (long long)now.version);
	if (rc == MASA_OK)
		rc = store_prepare(g->store,
		                   now.body ? SQL_PAGE_UPDATE : SQL_PAGE_INSERT,
		                   &st, err);
	if (rc == MASA_OK) {
		store_bind_id(st, 1, partnership_id);
		store_bind_text(st, 2, now.slug);
		store_bind_text(st, 3, body);
		store_bind_text(st, 4, at);
		store_bind_text(st, 5, g->actor);
		rc = store_run(st, NULL, err);
	}
	if (rc == MASA_OK && !g->bulk)
		rc = audit_record(g, now.body ? "update" : "create",
		                  "site_page", partnership_id,
		                  now.body ? page_json(now.slug, now.body)
		                           : NULL,
		                  page_json(now.slug, body), err);
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}

enum masa_err gov_site_page_list(struct gov *g, int64_t partnership_id,
                                 struct arena *a, struct gov_site_page **out,
                                 size_t *n, struct masa_error *err)
{
	enum { N = sizeof gov_site_page_slugs / sizeof gov_site_page_slugs[0] };
	struct gov_site_page *pages = arena_alloc(a, N * sizeof *pages);
	enum masa_err rc = MASA_OK;

	*n = 0;
	for (size_t i = 0; rc == MASA_OK && gov_site_page_slugs[i]; i++) {
		rc = gov_site_page_get(g, partnership_id,
		                       gov_site_page_slugs[i], a, &pages[*n],
		                       err);
		if (rc == MASA_OK && pages[*n].body != NULL)
			++*n;
	}
	*out = pages;
	return rc;
}
