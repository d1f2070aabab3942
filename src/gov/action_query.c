/*
 * action_query: the action pages' queries (see action_query.h).
 *
 * A log is read in three queries whatever its length: the body's actions
 * raised by the date with their status then, the owners then of all of
 * them, and their updates up to then. Filtering, the confidential rule and
 * paging happen over the first; owners and last updates are attached to the
 * rows of the page only.
 */
#include "gov/action_query.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "gov/check.h"

/* The status set by the latest update on or before ?1, else open. */
#define STATUS_ON_DATE                                                        \
	"COALESCE((SELECT u.status FROM action_update u WHERE u.action_id = " \
	"a.id AND u.status IS NOT NULL AND u.on_date <= ?1 "                  \
	"ORDER BY u.on_date DESC, u.id DESC LIMIT 1), 'open')"

/* Owned on ?1: the owner row o ran on that date. */
#define OWNER_RAN_ON                                          \
	"LEFT JOIN action_update ua ON ua.id = o.added_by "   \
	"LEFT JOIN action_update ur ON ur.id = o.removed_by " \
	"WHERE o.action_id = a.id "                           \
	"AND COALESCE(ua.on_date, '0000-01-01') <= ?1 "       \
	"AND COALESCE(ur.on_date, '9999-12-31') > ?1 "

static const char SQL_LOG[] =
        "SELECT a.id, a.body_id, a.meeting_id, a.item_id, a.number, a.key, "
        "a.raised_on, a.details, a.due_date, a.due_meeting_id, a.status, "
        "a.closed_on, m.key, COALESCE(dm.date, a.due_date), " STATUS_ON_DATE
        ", b.short_name, COALESCE(it.confidential, 0), it.number, "
        "EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id "
        "AND u.on_date = ?1 AND u.status IN ('discharged', 'closed', "
        "'superseded')), a.partnership_id "
        "FROM action a JOIN body b ON b.id = a.body_id "
        "LEFT JOIN meeting m ON m.id = a.meeting_id "
        "LEFT JOIN meeting dm ON dm.id = a.due_meeting_id "
        "LEFT JOIN item it ON it.id = a.item_id "
        "WHERE a.body_id = ?2 AND a.raised_on <= ?1 "
        "AND (?3 = 0 OR EXISTS (SELECT 1 FROM action_owner o " OWNER_RAN_ON
        "AND o.person_id = ?3)) "
        "AND (?4 = 0 OR EXISTS (SELECT 1 FROM action_owner o "
        "LEFT JOIN person p ON p.id = o.person_id " OWNER_RAN_ON
        "AND (o.organisation_id = ?4 OR p.organisation_id = ?4))) "
        "ORDER BY a.raised_on, a.number, a.id";

static const char SQL_LOG_OWNERS[] =
        "SELECT o.id, o.action_id, o.person_id, o.organisation_id, "
        "o.all_members, o.added_by, o.removed_by, "
        "COALESCE(p.name, org.name, 'All members'), "
        "COALESCE(p.key, org.key), ua.on_date, ur.on_date "
        "FROM action_owner o JOIN action a ON a.id = o.action_id "
        "LEFT JOIN person p ON p.id = o.person_id "
        "LEFT JOIN organisation org ON org.id = o.organisation_id " OWNER_RAN_ON
        "AND a.body_id = ?2 AND a.raised_on <= ?1 "
        "ORDER BY o.action_id, o.id";

static const char SQL_LOG_UPDATES[] =
        "SELECT u.action_id, u.on_date, u.text, u.status "
        "FROM action_update u JOIN action a ON a.id = u.action_id "
        "WHERE a.body_id = ?2 AND a.raised_on <= ?1 AND u.on_date <= ?1 "
        "ORDER BY u.action_id, u.on_date, u.id";

static char *text_copy(struct arena *a, struct store_stmt *st, int column)
{
	const char *s = store_column_text(st, column);

	return s ? arena_strdup(a, s) : NULL;
}

static long days_between(const char *from, const char *to)
{
	date_days x, y;

	if (date_parse(from, &x, NULL) != MASA_OK ||
	    date_parse(to, &y, NULL) != MASA_OK)
		return 0;
	return (long)(y - x);
}

static void read_row(struct store_stmt *st, const char *on, struct arena *a,
                     struct gov_log_row *r)
{
	struct gov_action *act = &r->e.action;

	memset(r, 0, sizeof *r);
	act->id = store_column_int(st, 0);
	act->body_id = store_column_int(st, 1);
	act->meeting_id = store_column_int(st, 2);
	act->item_id = store_column_int(st, 3);
	act->number = store_column_int(st, 4);
	act->key = text_copy(a, st, 5);
	act->raised_on = text_copy(a, st, 6);
	act->details = text_copy(a, st, 7);
	act->due_date = text_copy(a, st, 8);
	act->due_meeting_id = store_column_int(st, 9);
	act->status = text_copy(a, st, 10);
	act->closed_on = text_copy(a, st, 11);
	r->e.meeting_key = text_copy(a, st, 12);
	r->e.due = text_copy(a, st, 13);
	r->e.status_as_at = text_copy(a, st, 14);
	r->e.body_short_name = text_copy(a, st, 15);
	r->confidential = store_column_int(st, 16) != 0;
	r->item_number = text_copy(a, st, 17);
	act->partnership_id = store_column_int(st, 19);
	if (strcmp(act->raised_on, on) == 0)
		r->part = GOV_LOG_RAISED;
	else if (!gov_action_status_done(r->e.status_as_at))
		r->part = GOV_LOG_ONGOING;
	else if (store_column_int(st, 18) != 0)
		r->part = GOV_LOG_FINISHED_ON;
	else
		r->part = GOV_LOG_FINISHED_BEFORE;
	if (r->e.due && strcmp(r->e.due, on) < 0 &&
	    !gov_action_status_done(r->e.status_as_at))
		r->e.days_overdue = days_between(r->e.due, on);
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

static int by_part(const void *x, const void *y)
{
	const struct gov_log_row *a = x, *b = y;
	int c;

	if (a->part != b->part)
		return a->part < b->part ? -1 : 1;
	if ((c = strcmp(a->e.action.raised_on, b->e.action.raised_on)) != 0)
		return c;
	if (a->e.action.number != b->e.action.number)
		return a->e.action.number < b->e.action.number ? -1 : 1;
	return a->e.action.id < b->e.action.id ? -1 : 1;
}

/* The confidential rule, asked once per meeting however many rows. */
struct seen_meeting {
	int64_t meeting_id;
	bool may_see;
};

static enum masa_err may_see_row(struct gov *g, const struct gov_viewer *v,
                                 const struct gov_log_row *r,
                                 struct seen_meeting **seen, size_t *nseen,
                                 size_t *cap, bool *yes, struct masa_error *err)
{
	enum masa_err rc;

	*yes = true;
	if (!r->confidential || v->role == GOV_ROLE_ADMIN)
		return MASA_OK;
	for (size_t i = 0; i < *nseen; i++)
		if ((*seen)[i].meeting_id == r->e.action.meeting_id) {
			*yes = (*seen)[i].may_see;
			return MASA_OK;
		}
	rc = gov_may_see_confidential(g, v, r->e.action.meeting_id, yes, err);
	if (rc != MASA_OK)
		return rc;
	if (*nseen == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*seen = xrealloc(*seen, *cap * sizeof **seen);
	}
	(*seen)[(*nseen)++] =
	        (struct seen_meeting){r->e.action.meeting_id, *yes};
	return MASA_OK;
}

struct id_at {
	int64_t id;
	size_t at;
};

static int by_id(const void *x, const void *y)
{
	const struct id_at *a = x, *b = y;

	return a->id < b->id ? -1 : a->id > b->id;
}

static struct gov_log_row *row_of(struct id_at *index, size_t n,
                                  struct gov_log_row *rows, int64_t id)
{
	struct id_at key = {id, 0}, *hit;

	hit = bsearch(&key, index, n, sizeof *index, by_id);
	return hit ? &rows[hit->at] : NULL;
}

/* Gives the rows of the page their owners then and their last update. */
static enum masa_err attach(struct gov *g, const struct gov_log_filter *f,
                            struct gov_log_row *rows, size_t n, struct arena *a,
                            struct masa_error *err)
{
	struct store_stmt *st = NULL;
	struct id_at *index;
	bool row;
	enum masa_err rc;

	if (n == 0)
		return MASA_OK;
	index = xcalloc(n, sizeof *index);
	for (size_t i = 0; i < n; i++) {
		index[i] = (struct id_at){rows[i].e.action.id, i};
		rows[i].e.owners = arena_alloc(a, 4 * sizeof *rows[i].e.owners);
	}
	qsort(index, n, sizeof *index, by_id);
	rc = store_prepare(g->store, SQL_LOG_OWNERS, &st, err);
	if (rc != MASA_OK)
		goto out;
	store_bind_text(st, 1, f->on);
	store_bind_int(st, 2, f->body_id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		struct gov_log_row *r =
		        row_of(index, n, rows, store_column_int(st, 1));
		struct gov_action_owner *o;
		if (r == NULL)
			continue;
		/* Room for four owners, doubled when full. */
		if (r->e.nowners >= 4 &&
		    (r->e.nowners & (r->e.nowners - 1)) == 0) {
			struct gov_action_owner *more =
			        arena_alloc(a, 2 * r->e.nowners * sizeof *more);
			memcpy(more, r->e.owners, r->e.nowners * sizeof *more);
			r->e.owners = more;
		}
		o = &r->e.owners[r->e.nowners++];
		o->id = store_column_int(st, 0);
		o->action_id = store_column_int(st, 1);
		o->person_id = store_column_int(st, 2);
		o->organisation_id = store_column_int(st, 3);
		o->all_members = store_column_int(st, 4) != 0;
		o->added_by = store_column_int(st, 5);
		o->removed_by = store_column_int(st, 6);
		o->name = text_copy(a, st, 7);
		o->key = text_copy(a, st, 8);
		o->added_on = text_copy(a, st, 9);
		o->removed_on = text_copy(a, st, 10);
	}
	store_done(st);
	if (rc != MASA_OK)
		goto out;
	rc = store_prepare(g->store, SQL_LOG_UPDATES, &st, err);
	if (rc != MASA_OK)
		goto out;
	store_bind_text(st, 1, f->on);
	store_bind_int(st, 2, f->body_id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		/* Oldest first: the last one read for an action stays. */
		struct gov_log_row *r =
		        row_of(index, n, rows, store_column_int(st, 0));
		if (r == NULL)
			continue;
		r->last_update_on = text_copy(a, st, 1);
		r->last_update_text = text_copy(a, st, 2);
		r->last_update_status = text_copy(a, st, 3);
	}
	store_done(st);
out:
	free(index);
	return rc;
}

enum masa_err gov_log_query(struct gov *g, const struct gov_viewer *viewer,
                            const struct gov_log_filter *f, struct arena *a,
                            struct gov_log_row **out, size_t *n, size_t *total,
                            struct masa_error *err)
{
	struct store_stmt *st;
	struct gov_log_row *rows = NULL, one;
	struct seen_meeting *seen = NULL;
	size_t used = 0, cap = 0, nseen = 0, seen_cap = 0, from, to;
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
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		read_row(st, f->on, a, &one);
		if (!wanted(f, &one) ||
		    one.e.action.partnership_id != viewer->partnership_id)
			continue;
		if (used == cap) {
			struct gov_log_row *bigger;
			cap = cap ? cap * 2 : 64;
			bigger = arena_alloc(a, cap * sizeof *bigger);
			if (used)
				memcpy(bigger, rows, used * sizeof *bigger);
			rows = bigger;
		}
		rows[used++] = one;
	}
	store_done(st);
	if (rc != MASA_OK)
		goto out;
	/* The confidential rule may ask the store: the statement is done. */
	{
		size_t kept = 0;
		for (size_t i = 0; i < used; i++) {
			bool yes;
			rc = may_see_row(g, viewer, &rows[i], &seen, &nseen,
			                 &seen_cap, &yes, err);
			if (rc != MASA_OK)
				goto out;
			if (yes)
				rows[kept++] = rows[i];
		}
		used = kept;
	}
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
out:
	free(seen);
	return rc;
}

static const char SQL_COUNTS_BY_BODY[] =
        "SELECT b.id, b.short_name, b.name, "
        "COALESCE(SUM(CASE WHEN a.status IN ('open', 'in_progress') "
        "THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN a.status IN ('open', 'in_progress') "
        "AND COALESCE(dm.date, a.due_date) < ?2 THEN 1 ELSE 0 END), 0), "
        "COUNT(a.id) FROM body b "
        "LEFT JOIN action a ON a.body_id = b.id AND a.raised_on <= ?2 "
        "LEFT JOIN meeting dm ON dm.id = a.due_meeting_id "
        "WHERE b.partnership_id = ?1 GROUP BY b.id, b.short_name, b.name "
        "ORDER BY b.id";

enum masa_err gov_action_counts_by_body(struct gov *g, int64_t partnership_id,
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
	store_bind_int(st, 1, partnership_id);
	store_bind_text(st, 2, on);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		if (used == cap) {
			struct gov_body_action_count *bigger;
			cap = cap ? cap * 2 : 32;
			bigger = arena_alloc(a, cap * sizeof *bigger);
			if (used)
				memcpy(bigger, counts, used * sizeof *bigger);
			counts = bigger;
		}
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

static const char SQL_OWNER_PEOPLE[] =
        "SELECT DISTINCT p.id, p.key, p.name FROM action_owner o "
        "JOIN action a ON a.id = o.action_id "
        "JOIN person p ON p.id = o.person_id WHERE a.body_id = ? "
        "ORDER BY p.name, p.id";
static const char SQL_OWNER_ORGANISATIONS[] =
        "SELECT DISTINCT org.id, org.key, org.name FROM action_owner o "
        "JOIN action a ON a.id = o.action_id "
        "LEFT JOIN person p ON p.id = o.person_id "
        "JOIN organisation org ON org.id = "
        "COALESCE(o.organisation_id, p.organisation_id) "
        "WHERE a.body_id = ? ORDER BY org.name, org.id";

static enum masa_err key_names(struct gov *g, const char *sql, int64_t body_id,
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
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		if (*n == cap) {
			struct gov_key_name *bigger;
			cap = cap ? cap * 2 : 32;
			bigger = arena_alloc(a, cap * sizeof *bigger);
			if (*n)
				memcpy(bigger, *out, *n * sizeof *bigger);
			*out = bigger;
		}
		(*out)[(*n)++] = (struct gov_key_name){
		        .id = store_column_int(st, 0),
		        .key = text_copy(a, st, 1),
		        .name = text_copy(a, st, 2),
		};
	}
	store_done(st);
	return rc;
}

enum masa_err
gov_log_owner_choices(struct gov *g, int64_t body_id, struct arena *a,
                      struct gov_key_name **people, size_t *npeople,
                      struct gov_key_name **organisations,
                      size_t *norganisations, struct masa_error *err)
{
	enum masa_err rc = key_names(g, SQL_OWNER_PEOPLE, body_id, a, people,
	                             npeople, err);

	if (rc == MASA_OK)
		rc = key_names(g, SQL_OWNER_ORGANISATIONS, body_id, a,
		               organisations, norganisations, err);
	return rc;
}
