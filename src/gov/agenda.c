/*
 * agenda: scheduling, moving and cancelling meetings, and building and
 * publishing their agendas (see agenda.h).
 */
#include "gov/agenda.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "gov/access.h"
#include "gov/audit.h"
#include "gov/check.h"
#include "gov/programme.h"

const char *const gov_series_frequencies[] = {
        "once", "monthly", "bimonthly", "quarterly", "yearly", "weeks", NULL};
const char *const gov_series_weeks[] = {"first",  "second", "third",
                                        "fourth", "last",   NULL};
const char *const gov_weekdays[] = {"monday",   "tuesday", "wednesday",
                                    "thursday", "friday",  "saturday",
                                    "sunday",   NULL};
const char *const gov_part_two_exemptions[] = {
        "Paragraph 1 of Schedule 12A to the Local Government Act 1972 "
        "(information relating to any individual)",
        "Paragraph 2 of Schedule 12A to the Local Government Act 1972 "
        "(information likely to reveal the identity of an individual)",
        "Paragraphs 1 and 2 of Schedule 12A to the Local Government Act 1972",
        "Paragraph 3 of Schedule 12A to the Local Government Act 1972 "
        "(financial or business affairs)",
        "Paragraph 5 of Schedule 12A to the Local Government Act 1972 "
        "(legal professional privilege)",
        "Confidential case information (Working Together to Safeguard "
        "Children 2023)",
        NULL};

static int index_of(const char *const *list, const char *value)
{
	for (int i = 0; value && list[i]; i++)
		if (strcmp(list[i], value) == 0)
			return i;
	return -1;
}

/* ---- series ---- */

static int months_apart(const char *every)
{
	static const int months[] = {0, 1, 2, 3, 12};
	int i = index_of(gov_series_frequencies, every);

	return i >= 0 && i < 5 ? months[i] : 0;
}

static int days_in_month(int year, int month)
{
	return (int)(date_from_ymd(month == 12 ? year + 1 : year,
	                           month == 12 ? 1 : month + 1, 1) -
	             date_from_ymd(year, month, 1));
}

/* The day of s in year-month: the nth (or last) weekday, or the day. */
static date_days day_in_month(const struct gov_series *s, int weekday, int week,
                              int year, int month)
{
	int last = days_in_month(year, month);

	if (weekday < 0)
		return date_from_ymd(year, month,
		                     s->day_of_month < last ? s->day_of_month
		                                            : last);
	if (week == 4) { /* last */
		date_days d = date_from_ymd(year, month, last);
		return d - ((date_weekday(d) - weekday + 7) % 7);
	}
	date_days first = date_from_ymd(year, month, 1);
	return first + (weekday - date_weekday(first) + 7) % 7 + 7 * week;
}

static enum masa_err series_check(const struct gov_series *s, int *weekday,
                                  int *week, date_days *from, date_days *until,
                                  struct masa_error *err)
{
	enum masa_err rc;

	*weekday = index_of(gov_weekdays, s->weekday);
	*week = index_of(gov_series_weeks, s->week);
	*until = 0;
	if ((rc = check_enum("how often", s->every, gov_series_frequencies,
	                     false, err)))
		return rc;
	if (date_parse(s->from, from, err) != MASA_OK) {
		masa_error_prefix(err, "first date");
		return MASA_ERR_INVALID;
	}
	if (strcmp(s->every, "once") == 0)
		return MASA_OK;
	if (s->weekday && *weekday < 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "weekday: \"%.20s\" is not a day of the "
		                      "week",
		                      s->weekday);
	if (strcmp(s->every, "weeks") == 0) {
		if (s->weeks < 1 || s->weeks > 52)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "every how many weeks: give a "
			                      "number from 1 to 52");
	} else if (*weekday >= 0
	                   ? *week < 0
	                   : s->day_of_month < 1 || s->day_of_month > 31) {
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        *weekday >= 0 ? "which week of the month: first, "
		                        "second, third, fourth or last"
		                      : "day of the month: give a weekday and "
		                        "week (first Thursday), or a day "
		                        "from 1 to 31");
	}
	if (s->until == NULL && s->count <= 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "end of the series: give the last date "
		        "or how many meetings; a series must end");
	if (s->count < 0 || s->count > GOV_SERIES_MAX)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "how many meetings: from 1 to %d",
		                      GOV_SERIES_MAX);
	if (s->until) {
		if (date_parse(s->until, until, err) != MASA_OK) {
			masa_error_prefix(err, "last date");
			return MASA_ERR_INVALID;
		}
		if (*until < *from)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "last date: %s is before the first "
			        "date %s",
			        s->until, s->from);
	}
	return MASA_OK;
}

enum masa_err gov_series_dates(const struct gov_series *s, struct arena *a,
                               char ***dates, size_t *n, struct masa_error *err)
{
	date_days from, until, day;
	int weekday, week, year, month, mday;
	int step = months_apart(s->every);
	enum masa_err rc = series_check(s, &weekday, &week, &from, &until, err);
	char **out;

	*dates = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	out = arena_alloc(a, (GOV_SERIES_MAX + 1) * sizeof *out);
	if (strcmp(s->every, "once") == 0) {
		out[(*n)++] = arena_strdup(a, s->from);
		*dates = out;
		return MASA_OK;
	}
	date_to_ymd(from, &year, &month, &mday);
	day = from;
	if (step == 0 && weekday >= 0)
		day = from + (weekday - date_weekday(from) + 7) % 7;
	/* Enough turns to pass the end; a date before `from` is skipped. */
	for (int turn = 0; turn <= 2 * GOV_SERIES_MAX + 1; turn++) {
		char text[DATE_TEXT_SIZE];

		if (step > 0) {
			int m0 = month - 1 + turn * step;
			day = day_in_month(s, weekday, week, year + m0 / 12,
			                   m0 % 12 + 1);
		} else if (turn > 0) {
			day += 7L * s->weeks;
		}
		if (day < from)
			continue;
		if ((s->until && day > until) ||
		    (s->count > 0 && *n == (size_t)s->count))
			break;
		if (day > date_from_ymd(2999, 12, 31)) {
			*n = 0;
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "end of the series: it would run "
			                      "past 2999");
		}
		if (*n == GOV_SERIES_MAX) {
			*n = 0; /* a refused series has no dates */
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "end of the series: it would make "
			        "more than %d meetings",
			        GOV_SERIES_MAX);
		}
		date_format(day, text);
		out[(*n)++] = arena_strdup(a, text);
	}
	*dates = out;
	return MASA_OK;
}

/* ---- scheduling, moving, cancelling ---- */

static const char SQL_MEETING_ON[] =
        "SELECT key FROM meeting WHERE body_id = ?1 AND date = ?2 "
        "AND id <> ?3 AND status <> 'cancelled' LIMIT 1";

/* MASA_ERR_CONFLICT when the body has another meeting (not cancelled) on
 * date. */
static enum masa_err meeting_clash(struct gov *g, int64_t body_id,
                                   const char *date, int64_t id,
                                   struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	char words[DATE_WORDS_SIZE];
	date_days day;
	enum masa_err rc = store_prepare(g->store, SQL_MEETING_ON, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, body_id);
	store_bind_text(st, 2, date);
	store_bind_int(st, 3, id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row) {
		if (date_parse(date, &day, NULL) == MASA_OK)
			date_format_words(day, true, words);
		else
			snprintf(words, sizeof words, "%s", date);
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "meeting date: the body already meets on "
		                    "%s (%s)",
		                    words, store_column_text(st, 0));
	}
	store_done(st);
	return rc;
}

static enum masa_err schedule(struct gov *g, const struct gov_meeting *like,
                              char **dates, size_t ndates, int64_t *ids,
                              struct masa_error *err)
{
	enum masa_err rc = MASA_OK;

	for (size_t i = 0; i < ndates && rc == MASA_OK; i++) {
		struct gov_meeting m = *like;

		m.id = 0;
		m.key = NULL;
		m.date = dates[i];
		m.status = "scheduled";
		m.minutes_status = NULL;
		m.minutes_approved_on = NULL;
		m.minutes_published_on = NULL;
		m.agenda_published_on = NULL;
		rc = meeting_clash(g, m.body_id, m.date, 0, err);
		if (rc == MASA_OK)
			rc = gov_meeting_create(g, &m, err);
		ids[i] = m.id;
	}
	return rc;
}

enum masa_err gov_meeting_schedule(struct gov *g,
                                   const struct gov_meeting *like,
                                   const struct gov_series *s, struct arena *a,
                                   int64_t **ids, size_t *n,
                                   struct masa_error *err)
{
	char **dates;
	size_t ndates;
	enum masa_err rc = gov_series_dates(s, a, &dates, &ndates, err);

	*ids = NULL;
	*n = 0;
	if (rc == MASA_OK && ndates == 0)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "end of the series: no meeting falls "
		                    "between %s and %s",
		                    s->from, s->until ? s->until : "its end");
	if (rc == MASA_OK)
		rc = gov_begin(g, err);
	if (rc != MASA_OK)
		return rc;
	*ids = arena_alloc(a, (ndates + 1) * sizeof **ids);
	rc = gov_end(g, schedule(g, like, dates, ndates, *ids, err), err);
	if (rc == MASA_OK)
		*n = ndates;
	return rc;
}

static enum masa_err move(struct gov *g, int64_t id, int64_t version,
                          const char *date, const char *start, const char *end,
                          const char *location, struct arena *a,
                          struct masa_error *err)
{
	struct gov_meeting m;
	enum masa_err rc = gov_meeting_get(g, id, a, &m, err);

	if (rc == MASA_OK)
		rc = gov_meeting_version_check(&m, version, err);
	if (rc != MASA_OK)
		return rc;
	if (date == NULL)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "meeting date: required");
	rc = meeting_clash(g, m.body_id, date, id, err);
	if (rc != MASA_OK)
		return rc;
	m.date = (char *)date;
	m.start_time = (char *)start;
	m.end_time = (char *)end;
	if (location)
		m.location = (char *)location;
	m.version = version;
	return gov_meeting_update(g, &m, err);
}

enum masa_err gov_meeting_move(struct gov *g, int64_t id, int64_t version,
                               const char *date, const char *start,
                               const char *end, const char *location,
                               struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	enum masa_err rc = gov_begin(g, err);

	if (rc == MASA_OK)
		rc = gov_end(g,
		             move(g, id, version, date, start, end, location,
		                  &a, err),
		             err);
	arena_free(&a);
	return rc;
}

enum masa_err gov_meeting_cancel(struct gov *g, int64_t id, int64_t version,
                                 struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_meeting m;
	enum masa_err rc = gov_meeting_get(g, id, &a, &m, err);

	if (rc == MASA_OK) {
		m.status = "cancelled";
		m.version = version;
		rc = gov_meeting_update(g, &m, err);
	}
	arena_free(&a);
	return rc;
}

/* ---- building the agenda ---- */

static const char SQL_MAIN_NUMBERS[] =
        "SELECT number FROM item WHERE meeting_id = ?1 AND parent_id IS NULL";
static const char SQL_TITLE_USED[] =
        "SELECT 1 FROM item WHERE meeting_id = ?1 AND title = ?2";

static bool whole_number(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 9)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* The next whole number after the meeting's main items ("1" for none). */
static enum masa_err next_number(struct gov *g, int64_t meeting_id,
                                 struct arena *a, char **out,
                                 struct masa_error *err)
{
	struct store_stmt *st;
	bool row = true;
	long next = 1;
	enum masa_err rc = store_prepare(g->store, SQL_MAIN_NUMBERS, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, meeting_id);
	while (rc == MASA_OK && row) {
		rc = store_step(st, &row, err);
		if (rc == MASA_OK && row &&
		    whole_number(store_column_text(st, 0))) {
			long n = strtol(store_column_text(st, 0), NULL, 10);
			if (n >= next)
				next = n + 1;
		}
	}
	store_done(st);
	*out = arena_printf(a, "%ld", next);
	return rc;
}

enum masa_err gov_agenda_add(struct gov *g, struct gov_item *it,
                             struct arena *a, struct masa_error *err)
{
	enum masa_err rc = gov_begin(g, err);

	if (rc != MASA_OK)
		return rc;
	if (it->number == NULL || it->number[0] == '\0')
		rc = next_number(g, it->meeting_id, a, &it->number, err);
	if (rc == MASA_OK)
		rc = gov_item_create(g, it, err);
	return gov_end(g, rc, err);
}

static enum masa_err add_draft(struct gov *g, int64_t meeting_id,
                               struct arena *a, size_t *added,
                               struct masa_error *err)
{
	struct gov_viewer system;
	struct gov_meeting m;
	struct gov_agenda_proposal *p;
	size_t n;
	enum masa_err rc = gov_meeting_get(g, meeting_id, a, &m, err);

	if (rc != MASA_OK)
		return rc;
	gov_viewer_system(&system, m.partnership_id);
	rc = gov_agenda_draft(g, &system, meeting_id, a, &p, &n, err);
	for (size_t i = 0; i < n && rc == MASA_OK; i++) {
		struct store_stmt *st;
		struct gov_item it = {.meeting_id = meeting_id,
		                      .title = p[i].title};
		bool used;

		/* A proposal already on the agenda is not added twice. */
		if ((rc = store_prepare(g->store, SQL_TITLE_USED, &st, err)))
			break;
		store_bind_int(st, 1, meeting_id);
		store_bind_text(st, 2, p[i].title);
		rc = store_step(st, &used, err);
		store_done(st);
		if (rc != MASA_OK || used)
			continue;
		rc = gov_agenda_add(g, &it, a, err);
		if (rc == MASA_OK)
			(*added)++;
		if (rc == MASA_OK && p[i].programme_entry_id != 0) {
			struct gov_programme_entry e;
			rc = gov_programme_get(g, &system,
			                       p[i].programme_entry_id, a, &e,
			                       err);
			if (rc == MASA_OK &&
			    strcmp(e.source, "standing_item") != 0) {
				e.status = "on_agenda";
				e.meeting_id = meeting_id;
				e.month = NULL;
				rc = gov_programme_update(g, &e, err);
			}
		}
	}
	return rc;
}

enum masa_err gov_agenda_add_draft(struct gov *g, int64_t meeting_id,
                                   size_t *added, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	enum masa_err rc = gov_begin(g, err);

	*added = 0;
	if (rc == MASA_OK)
		rc = gov_end(g, add_draft(g, meeting_id, &a, added, err), err);
	if (rc != MASA_OK)
		*added = 0;
	arena_free(&a);
	return rc;
}

/* The sibling just before (by -1) or after (by 1) item it, by position. */
static const char SQL_SIBLING_BEFORE[] =
        "SELECT id FROM item WHERE meeting_id = ?1 "
        "AND COALESCE(parent_id, 0) = ?2 AND (position < ?3 OR "
        "(position = ?3 AND id < ?4)) ORDER BY position DESC, id DESC LIMIT 1";
static const char SQL_SIBLING_AFTER[] =
        "SELECT id FROM item WHERE meeting_id = ?1 "
        "AND COALESCE(parent_id, 0) = ?2 AND (position > ?3 OR "
        "(position = ?3 AND id > ?4)) ORDER BY position, id LIMIT 1";
/* Sub-items numbered "OLD.x" become "NEW.x". */
static const char SQL_RENUMBER_UNDER[] =
        "UPDATE item SET number = CAST(?3 AS TEXT) || "
        "substr(number, length(CAST(?2 AS TEXT)) + 1), "
        "version = version + 1 WHERE parent_id = ?1 AND "
        "substr(number, 1, length(CAST(?2 AS TEXT))) = CAST(?2 AS TEXT)";

static enum masa_err renumber_under(struct gov *g, int64_t parent,
                                    const char *from, const char *to,
                                    struct arena *a, struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc =
	        store_prepare(g->store, SQL_RENUMBER_UNDER, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, parent);
	store_bind_text(st, 2, arena_printf(a, "%s.", from));
	store_bind_text(st, 3, arena_printf(a, "%s.", to));
	return store_run(st, NULL, err);
}

static enum masa_err agenda_move(struct gov *g, int64_t item_id, int by,
                                 struct arena *a, struct masa_error *err)
{
	struct gov_item it, other;
	struct store_stmt *st;
	int64_t other_id = 0, pos;
	char *number;
	bool row, renumber;
	enum masa_err rc;

	rc = gov_item_read(g, item_id, a, &it, err);
	if (rc != MASA_OK)
		return rc;
	rc = store_prepare(g->store,
	                   by < 0 ? SQL_SIBLING_BEFORE : SQL_SIBLING_AFTER, &st,
	                   err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, it.meeting_id);
	store_bind_int(st, 2, it.parent_id);
	store_bind_int(st, 3, it.position);
	store_bind_int(st, 4, it.id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		other_id = store_column_int(st, 0);
	store_done(st);
	if (rc != MASA_OK)
		return rc;
	if (other_id == 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "item %s: it is already the %s",
		                      it.number, by < 0 ? "first" : "last");
	if ((rc = gov_item_read(g, other_id, a, &other, err)))
		return rc;
	pos = it.position;
	it.position = other.position;
	other.position = pos;
	if (it.position == other.position)
		it.position += by; /* equal positions: order by the move */
	renumber = whole_number(it.number) && whole_number(other.number);
	number = it.number;
	if (renumber) {
		/* Through a free number: (meeting, number) is unique. */
		it.number =
		        arena_printf(a, "%s~%lld", number, (long long)it.id);
		if ((rc = gov_item_update(g, &it, err)))
			return rc;
		it.number = other.number;
		other.number = number;
		it.version = 0;
	}
	if ((rc = gov_item_update(g, &other, err)) ||
	    (rc = gov_item_update(g, &it, err)))
		return rc;
	if (renumber &&
	    ((rc = renumber_under(g, it.id, other.number, it.number, a, err)) ||
	     (rc = renumber_under(g, other.id, it.number, other.number, a,
	                          err))))
		return rc;
	return MASA_OK;
}

enum masa_err gov_agenda_move(struct gov *g, int64_t item_id, int by,
                              struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	enum masa_err rc = gov_begin(g, err);

	if (rc == MASA_OK)
		rc = gov_end(g, agenda_move(g, item_id, by, &a, err), err);
	arena_free(&a);
	return rc;
}

/* What may be recorded on an item, and what each is called. */
static const struct {
	const char *sql;
	const char *what;
} item_uses[] = {
        {"SELECT COUNT(*) FROM item WHERE id = ?1 AND minutes IS NOT NULL "
         "AND minutes <> ''",
         "minutes text"},
        {"SELECT COUNT(*) FROM resolution WHERE item_id = ?1", "resolutions"},
        {"SELECT COUNT(*) FROM document WHERE item_id = ?1", "papers"},
        {"SELECT COUNT(*) FROM action WHERE item_id = ?1", "actions"},
        {"SELECT COUNT(*) FROM item WHERE parent_id = ?1", "sub-items"},
        {"SELECT COUNT(*) FROM declaration WHERE item_id = ?1",
         "declarations of interest"},
        {"SELECT COUNT(*) FROM attendance WHERE arrived_item_id = ?1 "
         "OR left_item_id = ?1",
         "arrivals or departures"},
        {"SELECT COUNT(*) FROM programme_entry WHERE item_id = ?1",
         "work programme entries"},
};
static const char SQL_ITEM_DELETE[] = "DELETE FROM item WHERE id = ?1";

static enum masa_err agenda_remove(struct gov *g, int64_t item_id,
                                   struct arena *a, struct masa_error *err)
{
	struct gov_item it;
	struct store_stmt *st;
	const char *found = NULL;
	enum masa_err rc;

	if ((rc = gov_item_read(g, item_id, a, &it, err)))
		return rc;
	for (size_t k = 0; k < sizeof item_uses / sizeof item_uses[0]; k++) {
		bool row;

		if ((rc = store_prepare(g->store, item_uses[k].sql, &st, err)))
			return rc;
		store_bind_int(st, 1, item_id);
		rc = store_step(st, &row, err);
		if (rc == MASA_OK && row && store_column_int(st, 0) > 0)
			found = found ? arena_printf(a, "%s, %s", found,
			                             item_uses[k].what)
			              : item_uses[k].what;
		store_done(st);
		if (rc != MASA_OK)
			return rc;
	}
	if (found)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "item %s: it cannot be removed because it "
		        "has %s recorded on it",
		        it.number, found);
	if ((rc = store_prepare(g->store, SQL_ITEM_DELETE, &st, err)))
		return rc;
	store_bind_int(st, 1, item_id);
	if ((rc = store_run(st, NULL, err)))
		return rc;
	if (g->bulk)
		return MASA_OK;
	return audit_record(g, "delete", "item", item_id,
	                    json_pack("{s:I, s:s, s:s}", "meeting_id",
	                              (json_int_t)it.meeting_id, "number",
	                              it.number, "title", it.title),
	                    NULL, err);
}

enum masa_err gov_agenda_remove(struct gov *g, int64_t item_id,
                                struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	enum masa_err rc = gov_begin(g, err);

	if (rc == MASA_OK)
		rc = gov_end(g, agenda_remove(g, item_id, &a, err), err);
	arena_free(&a);
	return rc;
}

static const char SQL_ITEM_COUNT[] =
        "SELECT COUNT(*) FROM item WHERE meeting_id = ?1";

enum masa_err gov_agenda_publish(struct gov *g, int64_t meeting_id,
                                 int64_t version, const char *on,
                                 struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_meeting m;
	struct store_stmt *st;
	bool row;
	char today[DATE_TEXT_SIZE];
	enum masa_err rc = gov_meeting_get(g, meeting_id, &a, &m, err);

	if (rc == MASA_OK)
		rc = store_prepare(g->store, SQL_ITEM_COUNT, &st, err);
	if (rc != MASA_OK)
		goto out;
	store_bind_int(st, 1, meeting_id);
	rc = store_step(st, &row, err);
	int64_t items = row ? store_column_int(st, 0) : 0;
	store_done(st);
	if (rc != MASA_OK)
		goto out;
	date_format(date_today(), today);
	if (on != NULL && items == 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "agenda: %s has no items to publish; add "
		                    "them first",
		                    m.key);
		goto out;
	}
	if (on == NULL && m.agenda_published_on != NULL &&
	    strcmp(today, m.date) >= 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "agenda: the meeting of %s has begun or "
		                    "passed; its published agenda stays",
		                    m.date);
		goto out;
	}
	m.agenda_published_on = (char *)on;
	m.version = version;
	rc = gov_meeting_update(g, &m, err);
out:
	arena_free(&a);
	return rc;
}

/* ---- at the meeting ---- */

enum masa_err gov_attendance_at_items(struct gov *g, int64_t meeting_id,
                                      int64_t person_id,
                                      int64_t arrived_item_id,
                                      int64_t left_item_id,
                                      struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_attendee *att;
	size_t n, i;
	enum masa_err rc = gov_begin(g, err);

	if (rc != MASA_OK)
		return rc;
	rc = gov_attendance_list(g, meeting_id, &a, &att, &n, err);
	for (i = 0; rc == MASA_OK && i < n; i++)
		if (att[i].a.person_id == person_id)
			break;
	if (rc == MASA_OK && i == n)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "person: they have no attendance recorded "
		                    "at this meeting; record them as present "
		                    "first");
	if (rc == MASA_OK) {
		att[i].a.arrived_item_id = arrived_item_id;
		att[i].a.left_item_id = left_item_id;
		rc = gov_attendance_update(g, &att[i].a, err);
	}
	rc = gov_end(g, rc, err);
	arena_free(&a);
	return rc;
}
