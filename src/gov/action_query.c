/*
 * action_query: the action pages' queries (see action_query.h).
 *
 * A log is read in one query over the body's actions raised by the date
 * with their status then, filtered by who may see them
 * (GOV_SQL_SEES_ACTION), then the rows of the page asked for get their
 * owners and updates, two queries for each 64 of them
 * (gov_action_entries_history). The rules are gov/action_rules.h's.
 */
#include "gov/action_query.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "gov/check.h"

#define STATUS_ON GOV_SQL_ACTION_STATUS_ON("a", "?1")
/* Owner row o of action a ran on ?1. */
#define OWNED_ON "WHERE o.action_id = a.id AND " GOV_SQL_OWNER_ON("o", "?1") " "

/* The body's actions raised by ?1 that the viewer may see, with whether
 * an update finished them on ?1. */
/* clang-format off */
static const char SQL_LOG[] =
	GOV_ACTION_ENTRY_SELECT(STATUS_ON,
	", EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id "
	"AND u.on_date = ?1 AND " GOV_SQL_STATUS_DONE("u.status") ") "
	"AS finished_on")
	"WHERE a.body_id = ?2 AND a.raised_on <= ?1 "
	"AND a.partnership_id = ?91 AND " GOV_SQL_SEES_ACTION("a", "it", "m") " "
	"AND (?3 = 0 OR EXISTS (SELECT 1 FROM action_owner o " OWNED_ON
	"AND o.person_id = ?3)) "
	"AND (?4 = 0 OR EXISTS (SELECT 1 FROM action_owner o "
	"LEFT JOIN person p ON p.id = o.person_id " OWNED_ON
	"AND (o.organisation_id = ?4 OR p.organisation_id = ?4))) "
	"ORDER BY a.raised_on, a.number, a.id";
/* clang-format on */

static char *text_copy(struct arena *a, struct store_stmt *st, int column)
{
	const char *s = store_column_text(st, column);

	return s ? arena_strdup(a, s) : NULL;
}

static void read_row(struct store_stmt *st, const char *on, struct arena *a,
                     struct gov_log_row *r)
{
	memset(r, 0, sizeof *r);
	gov_action_entry_row(st, a, &r->e);
	if (strcmp(r->e.action.raised_on, on) == 0)
		r->part = GOV_LOG_RAISED;
	else if (!gov_action_status_done(r->e.status_as_at))
		r->part = GOV_LOG_ONGOING;
	else if (store_column_int(st, GOV_ACTION_ENTRY_COLUMNS) != 0)
		r->part = GOV_LOG_FINISHED_ON;
	else
		r->part = GOV_LOG_FINISHED_BEFORE;
	r->e.days_overdue =
	        gov_action_days_overdue(r->e.due, r->e.status_as_at, on);
}

static bool wanted(const struct gov_log_filter *f, const struct gov_log_row *r)
{
	bool done = gov_action_status_done(r->e.status_as_at);

	if (f->overdue_only && r->e.days_overdue == 0)
		return false;
	switch (f->show) {
	case GOV_LOG_BOARD:
		return r->part != GOV_LOG_FINISHED_BEFORE;
	case GOV_LOG_OPEN:
		return !done;
	case GOV_LOG_FINISHED:
		return done;
	case GOV_LOG_ALL:
		break;
	}
	return true;
}

/* The appendix's order: by part; on-going by number, as the log numbers
 * them; the others by raising date and number. */
static int by_part(const void *x, const void *y)
{
	const struct gov_log_row *a = x, *b = y;
	int c;

	if (a->part != b->part)
		return a->part < b->part ? -1 : 1;
	if (a->part == GOV_LOG_ONGOING &&
	    a->e.action.number != b->e.action.number)
		return a->e.action.number < b->e.action.number ? -1 : 1;
	if ((c = strcmp(a->e.action.raised_on, b->e.action.raised_on)) != 0)
		return c;
	if (a->e.action.number != b->e.action.number)
		return a->e.action.number < b->e.action.number ? -1 : 1;
	return a->e.action.id < b->e.action.id ? -1 : 1;
}

/* Gives the rows of the page their owners then and their last update. */
static enum masa_err attach(struct gov *g, const struct gov_log_filter *f,
                            struct gov_log_row *rows, size_t n, struct arena *a,
                            struct masa_error *err)
{
	struct gov_action_entry **each = arena_alloc(a, (n + 1) * sizeof *each);
	enum masa_err rc;

	for (size_t i = 0; i < n; i++)
		each[i] = &rows[i].e;
	if ((rc = gov_action_entries_history(g, each, n, f->on, a, err)))
		return rc;
	for (size_t i = 0; i < n; i++) {
		const struct gov_action_entry *e = &rows[i].e;
		if (e->nupdates > 0) {
			const struct gov_action_update *u =
			        &e->updates[e->nupdates - 1];
			rows[i].last_update_on = u->on_date;
			rows[i].last_update_text = u->text;
			rows[i].last_update_status = u->status;
		}
	}
	return MASA_OK;
}

enum masa_err gov_log_query(struct gov *g, const struct gov_viewer *viewer,
                            const struct gov_log_filter *f, struct arena *a,
                            struct gov_log_row **out, size_t *n, size_t *total,
                            struct masa_error *err)
{
	struct store_stmt *st;
	struct gov_log_row *rows = NULL, one;
	size_t used = 0, cap = 0, from, to;
	bool row;
	enum masa_err rc;

	*out = NULL;
	*n = 0;
	*total = 0;
	if ((rc = check_date("as-at date", f->on, false, err)))
		return rc;
	rc = store_prepare(g->store, SQL_LOG, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_text(st, 1, f->on);
	store_bind_int(st, 2, f->body_id);
	store_bind_int(st, 3, f->person_id);
	store_bind_int(st, 4, f->organisation_id);
	gov_viewer_bind(st, viewer);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		read_row(st, f->on, a, &one);
		if (!wanted(f, &one))
			continue;
		rows = arena_grow(a, rows, used, &cap, sizeof *rows, 64);
		rows[used++] = one;
	}
	store_done(st);
	if (rc != MASA_OK)
		return rc;
	if (used > 1)
		qsort(rows, used, sizeof *rows, by_part);
	*total = used;
	from = f->offset < used ? f->offset : used;
	to = f->limit && from + f->limit < used ? from + f->limit : used;
	rc = attach(g, f, rows + from, to - from, a, err);
	if (rc == MASA_OK) {
		*out = rows + from;
		*n = to - from;
	}
	return rc;
}

/* Every body of the partnership with the counts on ?1 of the actions the
 * viewer may see. */
/* clang-format off */
static const char SQL_COUNTS_BY_BODY[] =
	"SELECT b.id, b.short_name, b.name, "
	"COALESCE(SUM(CASE WHEN " GOV_SQL_STATUS_OPEN("x.status_on") " "
	"THEN 1 ELSE 0 END), 0), "
	"COALESCE(SUM(CASE WHEN "
	GOV_SQL_ACTION_OVERDUE("x.due", "x.status_on", "?1") " "
	"THEN 1 ELSE 0 END), 0), "
	"COUNT(x.id) FROM body b LEFT JOIN (SELECT a.id, a.body_id, "
	GOV_SQL_ACTION_DUE("a", "dm") " AS due, " STATUS_ON " AS status_on "
	"FROM action a LEFT JOIN meeting dm ON dm.id = a.due_meeting_id "
	"LEFT JOIN meeting m ON m.id = a.meeting_id "
	"LEFT JOIN item it ON it.id = a.item_id "
	"WHERE a.partnership_id = ?91 AND a.raised_on <= ?1 "
	"AND " GOV_SQL_SEES_ACTION("a", "it", "m") ") x ON x.body_id = b.id "
	"WHERE b.partnership_id = ?91 GROUP BY b.id, b.short_name, b.name "
	"ORDER BY b.id";
/* clang-format on */

enum masa_err gov_action_counts_by_body(struct gov *g,
                                        const struct gov_viewer *v,
                                        const char *on, struct arena *a,
                                        struct gov_body_action_count **out,
                                        size_t *n, struct masa_error *err)
{
	struct store_stmt *st;
	struct gov_body_action_count *counts = NULL;
	size_t used = 0, cap = 0;
	bool row;
	enum masa_err rc;

	*out = NULL;
	*n = 0;
	if ((rc = check_date("date", on, false, err)))
		return rc;
	rc = store_prepare(g->store, SQL_COUNTS_BY_BODY, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_text(st, 1, on);
	gov_viewer_bind(st, v);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		counts = arena_grow(a, counts, used, &cap, sizeof *counts, 32);
		counts[used++] = (struct gov_body_action_count){
		        .body_id = store_column_int(st, 0),
		        .short_name = text_copy(a, st, 1),
		        .name = text_copy(a, st, 2),
		        .open = (int)store_column_int(st, 3),
		        .overdue = (int)store_column_int(st, 4),
		        .all = (int)store_column_int(st, 5),
		};
	}
	store_done(st);
	if (rc != MASA_OK)
		return rc;
	*out = counts;
	*n = used;
	return MASA_OK;
}

static const char SQL_UPDATE_MEETINGS[] =
        "SELECT u.id, m.key FROM action_update u "
        "JOIN meeting m ON m.id = u.meeting_id WHERE u.action_id = ?";

enum masa_err gov_action_update_meetings(struct gov *g, int64_t action_id,
                                         const struct gov_action_update *u,
                                         size_t n, struct arena *a,
                                         char ***keys, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	*keys = arena_alloc(a, (n + 1) * sizeof **keys);
	memset(*keys, 0, (n + 1) * sizeof **keys);
	rc = store_prepare(g->store, SQL_UPDATE_MEETINGS, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, action_id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		int64_t id = store_column_int(st, 0);
		for (size_t i = 0; i < n; i++)
			if (u[i].id == id)
				(*keys)[i] = text_copy(a, st, 1);
	}
	store_done(st);
	return rc;
}

/* The owners of the body's actions the viewer may see (?1 the body). */
#define OWNERS_SEEN                                                \
	"FROM action_owner o JOIN action a ON a.id = o.action_id " \
	"LEFT JOIN item it ON it.id = a.item_id "                  \
	"LEFT JOIN meeting m ON m.id = a.meeting_id "              \
	"LEFT JOIN person p ON p.id = o.person_id "
#define OWNERS_WHERE                                           \
	"WHERE a.body_id = ?1 AND a.partnership_id = ?91 AND " \
	"" GOV_SQL_SEES_ACTION("a", "it", "m") " "
static const char SQL_OWNER_PEOPLE[] =
        "SELECT DISTINCT p.id, p.key, p.name " OWNERS_SEEN OWNERS_WHERE
        "AND p.id IS NOT NULL ORDER BY p.name, p.id";
static const char SQL_OWNER_ORGANISATIONS[] =
        "SELECT DISTINCT org.id, org.key, org.name " OWNERS_SEEN
        "JOIN organisation org ON org.id = "
        "COALESCE(o.organisation_id, p.organisation_id) " OWNERS_WHERE
        "ORDER BY org.name, org.id";

static enum masa_err key_names(struct gov *g, const struct gov_viewer *v,
                               const char *sql, int64_t body_id,
                               struct arena *a, struct gov_key_name **out,
                               size_t *n, struct masa_error *err)
{
	struct store_stmt *st;
	size_t cap = 0;
	bool row;
	enum masa_err rc;

	*out = NULL;
	*n = 0;
	rc = store_prepare(g->store, sql, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, body_id);
	gov_viewer_bind(st, v);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 32);
		(*out)[(*n)++] = (struct gov_key_name){
		        .id = store_column_int(st, 0),
		        .key = text_copy(a, st, 1),
		        .name = text_copy(a, st, 2),
		};
	}
	store_done(st);
	return rc;
}

enum masa_err gov_log_owner_choices(struct gov *g, const struct gov_viewer *v,
                                    int64_t body_id, struct arena *a,
                                    struct gov_key_name **people,
                                    size_t *npeople,
                                    struct gov_key_name **organisations,
                                    size_t *norganisations,
                                    struct masa_error *err)
{
	enum masa_err rc = key_names(g, v, SQL_OWNER_PEOPLE, body_id, a, people,
	                             npeople, err);

	if (rc == MASA_OK)
		rc = key_names(g, v, SQL_OWNER_ORGANISATIONS, body_id, a,
		               organisations, norganisations, err);
	return rc;
}
