/*
 * dashboard: the home page's meeting lists (see dashboard.h).
 */
#include "gov/dashboard.h"

#include <string.h>

#define ROW_COLUMNS                                                         \
	"SELECT m.id, m.body_id, m.key, m.partnership_id, m.name, m.date, " \
	"m.start_time, m.status, m.minutes_status, m.minutes_approved_on, " \
	"m.minutes_published_on, b.short_name, b.name FROM meeting m "      \
	"JOIN body b ON b.id = m.body_id "

static const char SQL_PUBLISHED[] =
        ROW_COLUMNS "WHERE m.partnership_id = ?1 "
                    "AND m.minutes_status = 'published' "
                    "ORDER BY m.minutes_published_on DESC, m.date DESC, "
                    "m.id DESC LIMIT ?2";
static const char SQL_MY_MEETINGS[] =
        ROW_COLUMNS "WHERE m.date >= ?2 AND m.status <> 'cancelled' "
                    "AND EXISTS (SELECT 1 FROM membership ms "
                    "WHERE ms.body_id = m.body_id AND ms.person_id = ?1 "
                    "AND COALESCE(ms.start_date, '0000-01-01') <= m.date "
                    "AND COALESCE(ms.end_date, '9999-12-31') >= m.date) "
                    "ORDER BY m.date, COALESCE(m.start_time, ''), m.id "
                    "LIMIT ?3";
static const char SQL_WAITING[] =
        ROW_COLUMNS "WHERE m.partnership_id = ?1 AND m.minutes_status = ?2 "
                    "AND m.date < ?3 AND m.status <> 'cancelled' "
                    "ORDER BY m.date, m.id";

static char *text_copy(struct arena *a, struct store_stmt *st, int column)
{
	const char *s = store_column_text(st, column);

	return s ? arena_strdup(a, s) : NULL;
}

/* Runs st (bound), keeping up to limit rows and counting all of them. */
static enum masa_err collect(struct store_stmt *st, size_t limit,
                             struct arena *a, struct gov_meeting_row **out,
                             size_t *n, size_t *total, struct masa_error *err)
{
	bool row;
	enum masa_err rc;

	*out = arena_alloc(a, (limit + 1) * sizeof **out);
	*n = 0;
	*total = 0;
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		struct gov_meeting_row *r;
		if ((*total)++ >= limit)
			continue;
		r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		r->m.id = store_column_int(st, 0);
		r->m.body_id = store_column_int(st, 1);
		r->m.key = text_copy(a, st, 2);
		r->m.partnership_id = store_column_int(st, 3);
		r->m.name = text_copy(a, st, 4);
		r->m.date = text_copy(a, st, 5);
		r->m.start_time = text_copy(a, st, 6);
		r->m.status = text_copy(a, st, 7);
		r->m.minutes_status = text_copy(a, st, 8);
		r->m.minutes_approved_on = text_copy(a, st, 9);
		r->m.minutes_published_on = text_copy(a, st, 10);
		r->body_short_name = text_copy(a, st, 11);
		r->body_name = text_copy(a, st, 12);
	}
	store_done(st);
	return rc;
}

enum masa_err gov_dashboard_published(struct gov *g, int64_t partnership_id,
                                      int limit, struct arena *a,
                                      struct gov_meeting_row **out, size_t *n,
                                      struct masa_error *err)
{
	struct store_stmt *st;
	size_t total;
	enum masa_err rc = store_prepare(g->store, SQL_PUBLISHED, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, partnership_id);
	store_bind_int(st, 2, limit);
	return collect(st, (size_t)limit, a, out, n, &total, err);
}

enum masa_err gov_dashboard_my_meetings(struct gov *g, int64_t person_id,
                                        const char *from, int limit,
                                        struct arena *a,
                                        struct gov_meeting_row **out, size_t *n,
                                        struct masa_error *err)
{
	struct store_stmt *st;
	size_t total;
	enum masa_err rc = store_prepare(g->store, SQL_MY_MEETINGS, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, person_id);
	store_bind_text(st, 2, from);
	store_bind_int(st, 3, limit);
	return collect(st, (size_t)limit, a, out, n, &total, err);
}

enum masa_err
gov_dashboard_minutes_waiting(struct gov *g, int64_t partnership_id,
                              const char *status, const char *before, int limit,
                              struct arena *a, struct gov_meeting_row **out,
                              size_t *n, size_t *total, struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc = store_prepare(g->store, SQL_WAITING, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, partnership_id);
	store_bind_text(st, 2, status);
	store_bind_text(st, 3, before);
	return collect(st, (size_t)limit, a, out, n, total, err);
}
