/*
 * briefing: learning briefings and their circulation (see briefing.h).
 */
#include "assure/briefing.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "gov/audit.h"
#include "gov/paper.h"
#include "gov/record.h"

enum { BRIEFING_TITLE_MAX = 300, BRIEFING_AUDIENCE_MAX = 300 };

static const char SQL_BRIEFING_ADD[] =
        "INSERT INTO learning_briefing (partnership_id, review_id, title, "
        "summary, published_on, filename, content_type, content) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id";
static const char SQL_BRIEFING_REVIEW[] =
        "SELECT 1 FROM practice_review WHERE id = ?1 AND partnership_id = ?2";
static const char SQL_BRIEFING_PUBLISH[] =
        "UPDATE learning_briefing SET published_on = ?2, "
        "version = version + 1 WHERE id = ?1 AND published_on IS NULL "
        "RETURNING id";
static const char SQL_BRIEFING_PUBLISHED_ON[] =
        "SELECT published_on FROM learning_briefing WHERE id = ?1";
static const char SQL_CIRCULATION_ADD[] =
        "INSERT INTO briefing_circulation (briefing_id, audience, sent_on, "
        "recipients) VALUES (?1, ?2, ?3, ?4) RETURNING id";
static const char SQL_CIRCULATION_LIST[] =
        "SELECT audience, sent_on, recipients FROM briefing_circulation "
        "WHERE briefing_id = ?1 ORDER BY sent_on, id";

/* clang-format off */
#define BRIEFING_SELECT                                                      \
	"SELECT lb.id, lb.partnership_id, lb.review_id, lb.title, "          \
	"lb.summary, lb.published_on, lb.filename, lb.content_type, "        \
	"lb.version, pr.reference, COALESCE(LENGTH(lb.content), 0) "         \
	"FROM learning_briefing lb LEFT JOIN practice_review pr ON "         \
	"pr.id = lb.review_id WHERE " GOV_SQL_SEES_BRIEFING("lb", "pr")
static const char SQL_BRIEFING_GET[] = BRIEFING_SELECT " AND lb.id = ?1";
static const char SQL_BRIEFING_LIST[] = BRIEFING_SELECT
        " AND lb.partnership_id = ?1 AND (CAST(?2 AS BIGINT) = 0 OR "
        "lb.published_on IS NOT NULL) ORDER BY COALESCE(lb.published_on, "
        "'9999-12-31') DESC, lb.id DESC";
static const char SQL_BRIEFING_FILE[] =
        "SELECT lb.content, lb.filename, lb.content_type FROM "
        "learning_briefing lb LEFT JOIN practice_review pr ON "
        "pr.id = lb.review_id WHERE lb.id = ?1 AND lb.content IS NOT NULL "
        "AND " GOV_SQL_SEES_BRIEFING("lb", "pr");
/* clang-format on */

static void read_briefing(struct store_stmt *st, struct arena *a,
                          struct briefing *b)
{
	b->id = store_column_int(st, 0);
	b->partnership_id = store_column_int(st, 1);
	b->review_id = store_column_int(st, 2);
	b->title = arena_strdup(a, store_column_text(st, 3));
	b->summary = arena_strdup(a, store_column_text(st, 4));
	b->published_on = arena_strdup(a, store_column_text(st, 5));
	b->filename = arena_strdup(a, store_column_text(st, 6));
	b->content_type = arena_strdup(a, store_column_text(st, 7));
	b->version = store_column_int(st, 8);
	b->review_reference = arena_strdup(a, store_column_text(st, 9));
	b->size = store_column_int(st, 10);
}

enum masa_err briefing_create(struct gov *g, struct briefing *b,
                              const char *name, const void *file, size_t size,
                              struct arena *a, struct masa_error *err)
{
	struct gov_paper_kind kind = {0};
	char clean[PAPER_NAME_MAX + 16];
	struct store_stmt *st;
	enum masa_err rc;

	if (text_is_blank(b->title) || strlen(b->title) > BRIEFING_TITLE_MAX)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Title: give the briefing's title (at "
		                      "most %d characters)",
		                      BRIEFING_TITLE_MAX);
	if (b->published_on != NULL && date_parse(b->published_on, NULL, NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Date published: \"%.20s\" is not a date "
		                      "(YYYY-MM-DD)",
		                      b->published_on);
	if (file != NULL) {
		if ((rc = gov_paper_check_file("File", name, file, size, &kind,
		                               clean, sizeof clean, NULL, err)))
			return rc;
		if (strcmp(kind.extension, ".pdf") != 0 &&
		    strcmp(kind.extension, ".docx") != 0 &&
		    strcmp(kind.extension, ".doc") != 0 &&
		    strcmp(kind.extension, ".odt") != 0)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "File: a %s is not taken for a "
			        "briefing: upload a PDF or a Word "
			        "document",
			        kind.label);
		b->filename = arena_strdup(a, clean);
		b->content_type = (char *)kind.media_type;
	}
	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = record_check_ref(g, SQL_BRIEFING_REVIEW, b->review_id,
	                           b->partnership_id, false, "Review", "review",
	                           err)))
		goto out;
	if ((rc = store_prepare(g->store, SQL_BRIEFING_ADD, &st, err)))
		goto out;
	store_bind_int(st, 1, b->partnership_id);
	store_bind_id(st, 2, b->review_id);
	store_bind_text(st, 3, b->title);
	store_bind_text(st, 4, b->summary ? b->summary : "");
	store_bind_text(st, 5, b->published_on);
	store_bind_text(st, 6, b->filename);
	store_bind_text(st, 7, b->content_type);
	store_bind_blob(st, 8, file, size);
	if ((rc = store_run(st, &b->id, err)))
		goto out;
	rc = audit_record(g, "create", "learning_briefing", b->id, NULL,
	                  json_pack("{s:s, s:s?, s:s?}", "title", b->title,
	                            "published_on", b->published_on, "filename",
	                            b->filename),
	                  err);
out:
	return gov_end(g, rc, err);
}

enum masa_err briefing_publish(struct gov *g, int64_t id,
                               const char *published_on, struct masa_error *err)
{
	struct store_stmt *st;
	int64_t got = 0;
	enum masa_err rc;

	if (published_on == NULL || date_parse(published_on, NULL, NULL))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "Date published: give a date (YYYY-MM-DD)");
	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = store_prepare(g->store, SQL_BRIEFING_PUBLISH, &st, err)))
		goto out;
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, published_on);
	if ((rc = store_run(st, &got, err)))
		goto out;
	if (got == 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "briefing %lld does not exist or is "
		                    "published already",
		                    (long long)id);
		goto out;
	}
	rc = audit_record(g, "update", "learning_briefing", id, NULL,
	                  json_pack("{s:s}", "published_on", published_on),
	                  err);
out:
	return gov_end(g, rc, err);
}

enum masa_err briefing_circulate(struct gov *g, int64_t id,
                                 const char *audience, const char *sent_on,
                                 int64_t recipients, struct masa_error *err)
{
	struct store_stmt *st;
	char *published = NULL;
	int64_t cid = 0;
	bool row;
	enum masa_err rc;

	if (text_is_blank(audience) || strlen(audience) > BRIEFING_AUDIENCE_MAX)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "Sent to: say who it was sent to, such as "
		        "\"Designated safeguarding leads in "
		        "schools\" (at most %d characters)",
		        BRIEFING_AUDIENCE_MAX);
	if (sent_on == NULL || date_parse(sent_on, NULL, NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Date sent: give a date (YYYY-MM-DD)");
	if (recipients < 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Recipients: %lld is not a number of "
		                      "people",
		                      (long long)recipients);
	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = store_prepare(g->store, SQL_BRIEFING_PUBLISHED_ON, &st, err)))
		goto out;
	store_bind_int(st, 1, id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND, "no briefing %lld",
		                    (long long)id);
	if (rc == MASA_OK && !store_column_is_null(st, 0))
		published = xstrdup(store_column_text(st, 0));
	store_done(st);
	if (rc)
		goto out;
	if (published == NULL) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "Date sent: the briefing is not published "
		                    "yet; publish it before circulating it");
		goto out;
	}
	if (strcmp(sent_on, published) < 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "Date sent (%s) is before the briefing was "
		                    "published (%s)",
		                    sent_on, published);
		goto out;
	}
	if ((rc = store_prepare(g->store, SQL_CIRCULATION_ADD, &st, err)))
		goto out;
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, audience);
	store_bind_text(st, 3, sent_on);
	store_bind_id(st, 4, recipients);
	rc = store_run(st, &cid, err);
	if (rc == MASA_ERR_CONFLICT)
		rc = masa_error_set(
		        err, MASA_ERR_CONFLICT,
		        "Sent to: the briefing was sent to \"%.60s\" "
		        "on %s already",
		        audience, sent_on);
	if (rc)
		goto out;
	rc = audit_record(g, "create", "briefing_circulation", cid, NULL,
	                  json_pack("{s:I, s:s, s:s, s:I}", "briefing_id",
	                            (json_int_t)id, "audience", audience,
	                            "sent_on", sent_on, "recipients",
	                            (json_int_t)recipients),
	                  err);
out:
	free(published);
	return gov_end(g, rc, err);
}

enum masa_err briefing_get(struct gov *g, const struct gov_viewer *v,
                           int64_t id, struct arena *a, struct briefing *out,
                           struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, SQL_BRIEFING_GET, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	gov_viewer_bind(st, v);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND, "no briefing %lld",
		                    (long long)id);
	if (rc == MASA_OK)
		read_briefing(st, a, out);
	store_done(st);
	return rc;
}

enum masa_err briefing_list(struct gov *g, const struct gov_viewer *v,
                            int64_t partnership_id, bool published_only,
                            struct arena *a, struct briefing **out, size_t *n,
                            struct masa_error *err)
{
	struct store_stmt *st;
	size_t cap = 0;
	bool row;
	enum masa_err rc = store_prepare(g->store, SQL_BRIEFING_LIST, &st, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, partnership_id);
	store_bind_int(st, 2, published_only ? 1 : 0);
	gov_viewer_bind(st, v);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 8);
		read_briefing(st, a, &(*out)[(*n)++]);
	}
	store_done(st);
	return rc;
}

enum masa_err briefing_file(struct gov *g, const struct gov_viewer *v,
                            int64_t id, struct arena *a, const void **bytes,
                            size_t *size, const char **filename,
                            const char **content_type, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, SQL_BRIEFING_FILE, &st, err);

	*bytes = NULL;
	*size = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	gov_viewer_bind(st, v);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "no file of briefing %lld", (long long)id);
	if (rc == MASA_OK) {
		size_t n = 0;
		const void *p = store_column_blob(st, 0, &n);
		void *copy = arena_alloc(a, n ? n : 1);
		if (n)
			memcpy(copy, p, n);
		*bytes = copy;
		*size = n;
		*filename = arena_strdup(a, store_column_text(st, 1));
		*content_type = arena_strdup(a, store_column_text(st, 2));
	}
	store_done(st);
	return rc;
}

enum masa_err briefing_circulation_list(struct gov *g, int64_t id,
                                        struct arena *a,
                                        struct briefing_circulation **out,
                                        size_t *n, struct masa_error *err)
{
	struct store_stmt *st;
	size_t cap = 0;
	bool row;
	enum masa_err rc =
	        store_prepare(g->store, SQL_CIRCULATION_LIST, &st, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 8);
		(*out)[*n].audience = arena_strdup(a, store_column_text(st, 0));
		(*out)[*n].sent_on = arena_strdup(a, store_column_text(st, 1));
		(*out)[*n].recipients = store_column_int(st, 2);
		(*n)++;
	}
	store_done(st);
	return rc;
}
