/*
 * programme: work programmes, matters arising and draft agendas (see
 * programme.h).
 *
 * A work programme entry is planned for a meeting of its body, or for a
 * month when no meeting is fixed yet; a standing item may have neither (it
 * comes to every meeting). Where an entry came from is a resolution or an
 * item of an earlier meeting in the same partnership, and the entry cannot be
 * planned before that meeting. Months are "YYYY-MM" text, so that text order
 * is time order next to the meetings' "YYYY-MM-DD" dates.
 */
#include "gov/programme.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "gov/body.h"
#include "gov/access.h"
#include "gov/check.h"
#include "gov/meeting.h"
#include "gov/record.h"

const char *const gov_programme_sources[] = {"resolution",      "deferral",
                                             "subgroup_report", "standing_item",
                                             "other",           NULL};
const char *const gov_programme_statuses[] = {"planned", "on_agenda",
                                              "deferred", "done", NULL};

/* Longest resolution text copied into a default title, in bytes. */
enum { DEFAULT_TITLE_TEXT_MAX = 200 };
/* Most proposals in one draft agenda. */
enum { AGENDA_MAX = 500 };

static const struct record_field programme_fields[] = {
        RECORD_FIELD(struct gov_programme_entry, id, RECORD_ID),
        RECORD_FIELD(struct gov_programme_entry, body_id, RECORD_ID),
        RECORD_FIELD(struct gov_programme_entry, title, RECORD_TEXT),
        RECORD_FIELD(struct gov_programme_entry, meeting_id, RECORD_ID),
        RECORD_FIELD(struct gov_programme_entry, month, RECORD_TEXT),
        RECORD_FIELD(struct gov_programme_entry, source, RECORD_TEXT),
        RECORD_FIELD(struct gov_programme_entry, resolution_id, RECORD_ID),
        RECORD_FIELD(struct gov_programme_entry, item_id, RECORD_ID),
        RECORD_FIELD(struct gov_programme_entry, status, RECORD_TEXT),
        RECORD_FIELD(struct gov_programme_entry, notes, RECORD_TEXT),
};

#define PROGRAMME_COLUMNS                                             \
	"p.id, p.body_id, p.title, p.meeting_id, p.month, p.source, " \
	"p.resolution_id, p.item_id, p.status, p.notes"

static const struct record_kind programme_kind = {
        .entity = "programme_entry",
        .label = "programme entry",
        .fields = programme_fields,
        .nfields = sizeof programme_fields / sizeof programme_fields[0],
        .size = sizeof(struct gov_programme_entry),
        .sql_insert = "INSERT INTO programme_entry (body_id, title, "
                      "meeting_id, month, source, resolution_id, item_id, "
                      "status, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                      "RETURNING id",
        .sql_update = "UPDATE programme_entry SET body_id = ?, title = ?, "
                      "meeting_id = ?, month = ?, source = ?, "
                      "resolution_id = ?, item_id = ?, status = ?, notes = ? "
                      "WHERE id = ?",
        .sql_get = "SELECT " PROGRAMME_COLUMNS " FROM programme_entry p "
                   "WHERE p.id = ?",
};

static const char SQL_PROGRAMME_ALL[] =
        "SELECT " PROGRAMME_COLUMNS " FROM programme_entry p "
        "JOIN body b ON b.id = p.body_id WHERE b.partnership_id = ? "
        "ORDER BY p.id";
/*
 * The entries a viewer may see: of a body of the viewer's partnership or
 * serving it, and from no item, or from a resolution or an item the viewer
 * may see (an entry from a part-two resolution, from a
 * deferred part-two item or from minutes not yet published carries their
 * words in its title).
 */
#define PROGRAMME_SEEN_FROM                                             \
	"SELECT " PROGRAMME_COLUMNS " FROM programme_entry p "          \
	"LEFT JOIN resolution vr ON vr.id = p.resolution_id "           \
	"LEFT JOIN item it ON it.id = COALESCE(vr.item_id, p.item_id) " \
	"LEFT JOIN meeting m ON m.id = it.meeting_id "                  \
	"LEFT JOIN meeting pm ON pm.id = p.meeting_id "                 \
	"JOIN body pb ON pb.id = p.body_id "
#define PROGRAMME_SEEN                                                     \
	"(it.id IS NULL OR " GOV_SQL_SEES_ITEM(                            \
	        "it", "m") ") AND "                                        \
	                   "(pb.partnership_id = ?91 OR EXISTS (SELECT 1 " \
	                   "FROM body_partnership "                        \
	                   "vbs WHERE vbs.body_id = p.body_id AND "        \
	                   "vbs.partnership_id = ?91))"

static const char SQL_PROGRAMME_GET_SEEN[] =
        PROGRAMME_SEEN_FROM "WHERE p.id = ?1 AND " PROGRAMME_SEEN;
/*
 * From a date (?2) and its month (?3); without a date the sentinels
 * '0000-01-01' and '0000-01' select everything. Standing items first, then
 * by meeting date or month ("2020-01" sorts before "2020-01-15").
 */
static const char SQL_PROGRAMME_LIST[] = PROGRAMME_SEEN_FROM
        "WHERE p.body_id = ?1 "
        "AND (pm.date >= ?2 OR p.month >= ?3 "
        "OR (p.meeting_id IS NULL AND p.month IS NULL)) AND " PROGRAMME_SEEN
        " ORDER BY CASE WHEN p.source = 'standing_item' THEN 0 ELSE 1 END, "
        "COALESCE(pm.date, p.month, ''), p.id";
static const char SQL_PROGRAMME_SAME_RESOLUTION[] =
        "SELECT 1 FROM programme_entry WHERE resolution_id = ? AND month = ?";
/* Standing items for a meeting (?2) in its month (?3). */
static const char SQL_AGENDA_STANDING[] = PROGRAMME_SEEN_FROM
        "WHERE p.body_id = ?1 "
        "AND p.source = 'standing_item' "
        "AND p.status IN ('planned', 'on_agenda') "
        "AND ((p.meeting_id IS NULL AND p.month IS NULL) "
        "OR p.meeting_id = ?2 OR p.month = ?3) AND " PROGRAMME_SEEN
        " ORDER BY p.id";
/* Other entries for a meeting (?2) or its month (?3): the meeting's first. */
static const char SQL_AGENDA_PLANNED[] = PROGRAMME_SEEN_FROM
        "WHERE p.body_id = ?1 "
        "AND p.source <> 'standing_item' "
        "AND p.status IN ('planned', 'on_agenda') "
        "AND (p.meeting_id = ?2 OR p.month = ?3) AND " PROGRAMME_SEEN
        " ORDER BY CASE WHEN p.meeting_id IS NULL THEN 1 ELSE 0 END, p.id";
/*
 * Items deferred to a meeting (?1), and those of its previous meeting (?2)
 * deferred to no meeting in particular, that no programme entry has taken
 * up already, and that the viewer may see.
 */
static const char SQL_AGENDA_DEFERRED[] =
        "SELECT it.number, it.title, m.key FROM item it "
        "JOIN meeting m ON m.id = it.meeting_id WHERE it.status = 'deferred' "
        "AND (it.deferred_to_id = ?1 "
        "OR (it.meeting_id = ?2 AND it.deferred_to_id IS NULL)) "
        "AND NOT EXISTS (SELECT 1 FROM programme_entry p "
        "WHERE p.item_id = it.id AND p.resolution_id IS NULL) "
        "AND " GOV_SQL_SEES_ITEM("it",
                                 "m") " ORDER BY m.date, it.position, it.id";
static const char SQL_PREVIOUS_MEETING[] =
        "SELECT id, key FROM meeting WHERE body_id = ? AND date < ? "
        "AND status <> 'cancelled' ORDER BY date DESC, id DESC LIMIT 1";

/* Where an entry comes from: a resolution or an item, and its meeting. */
struct origin {
	int64_t partnership_id;
	int64_t body_id; /* of the meeting */
	int64_t item_id;
	int64_t resolution_number; /* or 0 for an item */
	char *meeting_key;
	char *meeting_date;
	char *item_number;
	char *text; /* the resolution's text, or the item's title */
};

static const char SQL_RESOLUTION_ORIGIN[] =
        "SELECT m.partnership_id, m.body_id, i.id, r.number, m.key, m.date, "
        "i.number, r.text FROM resolution r JOIN item i ON i.id = r.item_id "
        "JOIN meeting m ON m.id = i.meeting_id WHERE r.id = ?";
static const char SQL_ITEM_ORIGIN[] =
        "SELECT m.partnership_id, m.body_id, i.id, 0, m.key, m.date, "
        "i.number, i.title FROM item i "
        "JOIN meeting m ON m.id = i.meeting_id WHERE i.id = ?";

/* Reads the origin sql selects for id; *found says whether there was one. */
static enum masa_err origin_read(struct gov *g, const char *sql, int64_t id,
                                 struct arena *a, struct origin *out,
                                 bool *found, struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc = store_prepare(g->store, sql, &st, err);

	memset(out, 0, sizeof *out);
	*found = false;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	rc = store_step(st, found, err);
	if (rc == MASA_OK && *found) {
		out->partnership_id = store_column_int(st, 0);
		out->body_id = store_column_int(st, 1);
		out->item_id = store_column_int(st, 2);
		out->resolution_number = store_column_int(st, 3);
		out->meeting_key = arena_strdup(a, store_column_text(st, 4));
		out->meeting_date = arena_strdup(a, store_column_text(st, 5));
		out->item_number = arena_strdup(a, store_column_text(st, 6));
		out->text = arena_strdup(a, store_column_text(st, 7));
	}
	store_done(st);
	return rc;
}

/* Reads "YYYY-MM" into *year and *month; false if it is not a real month. */
static bool month_parse(const char *s, int *year, int *month)
{
	if (strlen(s) != 7 || s[4] != '-')
		return false;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return false;
	*year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	        (s[3] - '0');
	*month = (s[5] - '0') * 10 + (s[6] - '0');
	return *year >= 1900 && *year <= 2999 && *month >= 1 && *month <= 12;
}

static enum masa_err check_month(const char *field, const char *value,
                                 struct masa_error *err)
{
	int year, month;

	if (value == NULL || month_parse(value, &year, &month))
		return MASA_OK;
	return masa_error_set(err, MASA_ERR_INVALID,
	                      "%s: \"%.40s\" is not a month in the form "
	                      "YYYY-MM (1900-01 to 2999-12)",
	                      field, value);
}

/* Checks e against the rules of programme.h; a is for what it reads. */
static enum masa_err programme_check(struct gov *g,
                                     const struct gov_programme_entry *e,
                                     struct arena *a, struct masa_error *err)
{
	struct gov_body b;
	struct gov_meeting m;
	struct origin res = {0}, item = {0};
	const struct origin *from = NULL;
	bool found;
	enum masa_err rc;

	if (e->body_id == 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "programme body: required");
	rc = gov_body_get(g, e->body_id, a, &b, err);
	if (rc != MASA_OK) {
		masa_error_prefix(err, "programme body");
		return rc;
	}
	if ((rc = check_line("programme title", e->title, err)) ||
	    (rc = check_enum("programme source", e->source,
	                     gov_programme_sources, false, err)) ||
	    (rc = check_enum("programme status", e->status,
	                     gov_programme_statuses, false, err)) ||
	    (rc = check_month("programme month", e->month, err)) ||
	    (rc = check_optional_text("programme notes", e->notes, err)))
		return rc;
	if (e->meeting_id != 0 && e->month != NULL)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "programme month: give a meeting or a "
		                      "month, not both (%s)",
		                      e->month);
	if (e->meeting_id == 0 && e->month == NULL &&
	    strcmp(e->source, "standing_item") != 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "programme meeting: a meeting or a month "
		                      "is required unless the source is "
		                      "standing_item, not %s",
		                      e->source);
	if (e->meeting_id != 0) {
		rc = gov_meeting_get(g, e->meeting_id, a, &m, err);
		if (rc != MASA_OK) {
			masa_error_prefix(err, "programme meeting");
			return rc;
		}
		if (m.body_id != e->body_id)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "programme meeting: %s is not a "
			                      "meeting of %s",
			                      m.key, b.short_name);
	}
	if (e->resolution_id != 0) {
		rc = origin_read(g, SQL_RESOLUTION_ORIGIN, e->resolution_id, a,
		                 &res, &found, err);
		if (rc != MASA_OK)
			return rc;
		if (!found || res.partnership_id != b.partnership_id)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "programme resolution: no resolution with id "
			        "%lld here",
			        (long long)e->resolution_id);
		from = &res;
	}
	if (e->item_id != 0) {
		rc = origin_read(g, SQL_ITEM_ORIGIN, e->item_id, a, &item,
		                 &found, err);
		if (rc != MASA_OK)
			return rc;
		if (!found || item.partnership_id != b.partnership_id)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "programme item: no item with id "
			                      "%lld here",
			                      (long long)e->item_id);
		if (from != NULL && res.item_id != e->item_id)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "programme item: resolution (%lld) is under "
			        "item %s of %s, not item %s of %s",
			        (long long)res.resolution_number,
			        res.item_number, res.meeting_key,
			        item.item_number, item.meeting_key);
		from = &item;
	}
	if (from == NULL)
		return MASA_OK;
	if (e->meeting_id != 0 && strcmp(m.date, from->meeting_date) <= 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "programme meeting: %s is not after %s, "
		                      "where the entry comes from",
		                      m.key, from->meeting_key);
	if (e->month != NULL && strncmp(e->month, from->meeting_date, 7) < 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "programme month: %s is before %s, "
		                      "where the entry comes from",
		                      e->month, from->meeting_key);
	return MASA_OK;
}

enum masa_err gov_programme_create(struct gov *g, struct gov_programme_entry *e,
                                   struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	enum masa_err rc;

	e->id = 0;
	if (e->status == NULL)
		e->status = "planned";
	rc = programme_check(g, e, &a, err);
	if (rc == MASA_OK)
		rc = gov_begin(g, err);
	if (rc != MASA_OK)
		goto out;
	rc = record_insert(g, &programme_kind, e, err);
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}

enum masa_err gov_programme_update(struct gov *g,
                                   const struct gov_programme_entry *e,
                                   struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_programme_entry old;
	enum masa_err rc;

	rc = record_get(g, &programme_kind, e->id, &a, &old, err);
	if (rc != MASA_OK)
		goto out;
	/* Its meeting and origin were checked against that body. */
	if (old.body_id != e->body_id) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "programme body: an entry cannot move to "
		                    "another body");
		goto out;
	}
	rc = programme_check(g, e, &a, err);
	if (rc == MASA_OK)
		rc = gov_begin(g, err);
	if (rc != MASA_OK)
		goto out;
	rc = record_update(g, &programme_kind, e, err);
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}

enum masa_err gov_programme_get(struct gov *g, const struct gov_viewer *v,
                                int64_t id, struct arena *a,
                                struct gov_programme_entry *out,
                                struct masa_error *err)
{
	char what[32];

	snprintf(what, sizeof what, "with id %lld", (long long)id);
	return record_find_seen(g, &programme_kind, SQL_PROGRAMME_GET_SEEN, id,
	                        NULL, v, what, a, out, err);
}

enum masa_err gov_programme_list_all(struct gov *g, int64_t partnership_id,
                                     struct arena *a,
                                     struct gov_programme_entry **out,
                                     size_t *n, struct masa_error *err)
{
	void *items;
	enum masa_err rc = record_list(g, &programme_kind, SQL_PROGRAMME_ALL,
	                               partnership_id, a, &items, n, err);

	*out = items;
	return rc;
}

enum masa_err gov_programme_list(struct gov *g, const struct gov_viewer *v,
                                 int64_t body_id, const char *from,
                                 struct arena *a,
                                 struct gov_programme_entry **out, size_t *n,
                                 struct masa_error *err)
{
	char month[8];
	struct store_stmt *st;
	void *items;
	enum masa_err rc;

	*out = NULL;
	*n = 0;
	if ((rc = check_date("from", from, true, err)))
		return rc;
	snprintf(month, sizeof month, "%.7s", from ? from : "0000-01");
	rc = store_prepare(g->store, SQL_PROGRAMME_LIST, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, body_id);
	store_bind_text(st, 2, from ? from : "0000-01-01");
	store_bind_text(st, 3, month);
	gov_viewer_bind(st, v);
	rc = record_collect(st, &programme_kind, a, &items, n, err);
	*out = items;
	return rc;
}

/*
 * "Update: " and text on one line: runs of white space become one space,
 * and text past DEFAULT_TITLE_TEXT_MAX bytes is cut at a character boundary
 * and marked with "...". In a.
 */
static char *default_title(struct arena *a, const char *text)
{
	static const char prefix[] = "Update: ";
	const size_t start = sizeof prefix - 1;
	const size_t limit = start + DEFAULT_TITLE_TEXT_MAX;
	char *title = arena_alloc(a, limit + 4);
	const char *p = text ? text : "";
	size_t n = start;
	bool space = false;

	memcpy(title, prefix, start);
	for (; *p != '\0'; p++) {
		if (strchr(" \t\r\n\v\f", *p) != NULL) {
			space = n > start;
			continue;
		}
		if (n + (space ? 1 : 0) + 1 > limit)
			break;
		if (space)
			title[n++] = ' ';
		space = false;
		title[n++] = *p;
	}
	if (*p != '\0') {
		/* Drop a character that did not fit whole, then the space. */
		if (((unsigned char)*p & 0xC0) == 0x80) {
			while (n > start &&
			       ((unsigned char)title[n - 1] & 0xC0) == 0x80)
				n--;
			if (n > start)
				n--;
		}
		while (n > start && title[n - 1] == ' ')
			n--;
		memcpy(title + n, "...", 3);
		n += 3;
	}
	title[n] = '\0';
	return title;
}

enum masa_err gov_programme_from_resolution(struct gov *g,
                                            int64_t resolution_id, int months,
                                            const char *title, struct arena *a,
                                            struct gov_programme_entry *out,
                                            struct masa_error *err)
{
	struct arena scratch = ARENA_INIT;
	struct origin res;
	struct store_stmt *st;
	date_days day;
	int year, month, mday, total;
	bool found;
	enum masa_err rc;

	memset(out, 0, sizeof *out);
	if (months < 1 || months > 120)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "programme months: %d is not from 1 to "
		                      "120",
		                      months);
	rc = origin_read(g, SQL_RESOLUTION_ORIGIN, resolution_id, &scratch,
	                 &res, &found, err);
	if (rc == MASA_OK && !found)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "programme resolution: no resolution with "
		                    "id %lld",
		                    (long long)resolution_id);
	if (rc == MASA_OK)
		rc = date_parse(res.meeting_date, &day, err);
	if (rc != MASA_OK)
		goto out;
	/* Only the month counts, so the 31st plus one month is never a day
	 * of the month after next. */
	date_to_ymd(day, &year, &month, &mday);
	total = year * 12 + (month - 1) + months;
	out->month = arena_printf(a, "%04d-%02d", total / 12, total % 12 + 1);
	out->title =
	        title ? arena_strdup(a, title) : default_title(a, res.text);
	out->body_id = res.body_id;
	out->source = arena_strdup(a, "resolution");
	out->status = arena_strdup(a, "planned");
	out->resolution_id = resolution_id;
	out->item_id = res.item_id;
	rc = store_prepare(g->store, SQL_PROGRAMME_SAME_RESOLUTION, &st, err);
	if (rc != MASA_OK)
		goto out;
	store_bind_int(st, 1, resolution_id);
	store_bind_text(st, 2, out->month);
	rc = store_step(st, &found, err);
	store_done(st);
	if (rc == MASA_OK && found)
		rc = masa_error_set(
		        err, MASA_ERR_CONFLICT,
		        "programme: resolution (%lld) of %s item %s "
		        "is already in the work programme for %s",
		        (long long)res.resolution_number, res.meeting_key,
		        res.item_number, out->month);
	if (rc == MASA_OK)
		rc = gov_programme_create(g, out, err);
out:
	arena_free(&scratch);
	return rc;
}

enum masa_err gov_programme_origin(struct gov *g,
                                   const struct gov_programme_entry *e,
                                   struct arena *a, char **out,
                                   struct masa_error *err)
{
	struct origin o;
	bool found = false;
	enum masa_err rc = MASA_OK;

	*out = NULL;
	if (e->resolution_id != 0)
		rc = origin_read(g, SQL_RESOLUTION_ORIGIN, e->resolution_id, a,
		                 &o, &found, err);
	else if (e->item_id != 0)
		rc = origin_read(g, SQL_ITEM_ORIGIN, e->item_id, a, &o, &found,
		                 err);
	if (rc != MASA_OK || !found)
		return rc;
	if (e->resolution_id != 0)
		*out = arena_printf(a, "resolution (%lld) of %s item %s",
		                    (long long)o.resolution_number,
		                    o.meeting_key, o.item_number);
	else if (e->source != NULL && strcmp(e->source, "deferral") == 0)
		*out = arena_printf(a, "deferred from %s item %s",
		                    o.meeting_key, o.item_number);
	else
		*out = arena_printf(a, "%s item %s", o.meeting_key,
		                    o.item_number);
	return MASA_OK;
}

/* matters arising */

static int by_raising(const void *x, const void *y)
{
	const struct gov_action *a =
	        &((const struct gov_action_entry *)x)->action;
	const struct gov_action *b =
	        &((const struct gov_action_entry *)y)->action;
	int c = strcmp(a->raised_on, b->raised_on);

	if (c != 0)
		return c;
	if (a->number != b->number)
		return a->number < b->number ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* The latest meeting of m's body before m's date that was not cancelled. */
static enum masa_err previous_meeting(struct gov *g,
                                      const struct gov_meeting *m,
                                      struct arena *a, int64_t *id, char **key,
                                      struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc =
	        store_prepare(g->store, SQL_PREVIOUS_MEETING, &st, err);

	*id = 0;
	*key = NULL;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, m->body_id);
	store_bind_text(st, 2, m->date);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row) {
		*id = store_column_int(st, 0);
		*key = arena_strdup(a, store_column_text(st, 1));
	}
	store_done(st);
	return rc;
}

/*
 * The actions come from the body's log as at the meeting's date: those
 * raised before it and still not finished that day, and those finished at
 * it (they were open when it began, and a past meeting's matters arising
 * must still show them). Owners and history are as at that date.
 */
enum masa_err gov_matters_arising(struct gov *g, const struct gov_viewer *v,
                                  int64_t meeting_id, struct arena *a,
                                  struct gov_matters_arising *out,
                                  struct masa_error *err)
{
	struct gov_meeting m;
	struct gov_action_log log;
	struct gov_item *items;
	int64_t previous_id;
	size_t nitems;
	enum masa_err rc;

	memset(out, 0, sizeof *out);
	if ((rc = gov_meeting_get(g, meeting_id, a, &m, err)))
		return rc;
	if ((rc = gov_action_log_as_at(g, v, m.body_id, m.date, a, &log, err)))
		return rc;
	out->actions = arena_alloc(a, (log.nfinished + log.nongoing + 1) *
	                                      sizeof *out->actions);
	for (size_t i = 0; i < log.nfinished; i++)
		out->actions[out->nactions++] = log.finished[i];
	for (size_t i = 0; i < log.nongoing; i++)
		out->actions[out->nactions++] = log.ongoing[i];
	qsort(out->actions, out->nactions, sizeof *out->actions, by_raising);
	rc = previous_meeting(g, &m, a, &previous_id,
	                      &out->previous_meeting_key, err);
	if (rc != MASA_OK || previous_id == 0)
		return rc;
	rc = gov_item_list(g, v, previous_id, a, &items, &nitems, err);
	if (rc != MASA_OK)
		return rc;
	out->deferred = items;
	for (size_t i = 0; i < nitems; i++)
		if (strcmp(items[i].status, "deferred") == 0 &&
		    (items[i].deferred_to_id == 0 ||
		     items[i].deferred_to_id == meeting_id))
			out->deferred[out->ndeferred++] = items[i];
	return MASA_OK;
}

/* agenda draft */

struct proposals {
	struct gov_agenda_proposal *v;
	size_t n, cap;
};

/* Adds the next numbered proposal; title and why are copied into a. */
static enum masa_err propose(struct arena *a, struct proposals *p,
                             const char *title, const char *why,
                             int64_t entry_id, struct masa_error *err)
{
	struct gov_agenda_proposal *next;

	if (p->n == AGENDA_MAX)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "agenda draft: more than %d items",
		                      AGENDA_MAX);
	if (p->n == p->cap) {
		struct gov_agenda_proposal *bigger;

		p->cap = p->cap ? 2 * p->cap : 16;
		bigger = arena_alloc(a, p->cap * sizeof *bigger);
		if (p->n > 0)
			memcpy(bigger, p->v, p->n * sizeof *bigger);
		p->v = bigger;
	}
	next = &p->v[p->n++];
	next->number = arena_printf(a, "%zu", p->n);
	next->title = arena_strdup(a, title);
	next->why = arena_strdup(a, why);
	next->programme_entry_id = entry_id;
	return MASA_OK;
}

static const char *source_words(const char *source)
{
	if (strcmp(source, "subgroup_report") == 0)
		return "sub-group report";
	if (strcmp(source, "standing_item") == 0)
		return "standing item";
	return source;
}

/* Why an entry is proposed: "work programme: resolution (3) of ...". */
static enum masa_err entry_why(struct gov *g,
                               const struct gov_programme_entry *e,
                               struct arena *a, char **why,
                               struct masa_error *err)
{
	char *origin;
	bool standing = strcmp(e->source, "standing_item") == 0;
	enum masa_err rc = gov_programme_origin(g, e, a, &origin, err);

	if (rc != MASA_OK)
		return rc;
	if (origin != NULL &&
	    ((e->resolution_id != 0 && strcmp(e->source, "resolution") == 0) ||
	     (e->resolution_id == 0 && strcmp(e->source, "deferral") == 0)))
		*why = arena_printf(a, "work programme: %s", origin);
	else
		*why = arena_printf(a, "%s%s%s%s%s",
		                    standing ? "" : "work programme: ",
		                    source_words(e->source), origin ? " (" : "",
		                    origin ? origin : "", origin ? ")" : "");
	return MASA_OK;
}

/* Proposes every entry sql selects for the meeting and month. */
static enum masa_err
propose_entries(struct gov *g, const struct gov_viewer *v, const char *sql,
                const struct gov_meeting *m, const char *month, struct arena *a,
                struct proposals *p, struct masa_error *err)
{
	struct store_stmt *st;
	struct gov_programme_entry *entries;
	void *items;
	size_t n;
	enum masa_err rc = store_prepare(g->store, sql, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, m->body_id);
	store_bind_int(st, 2, m->id);
	store_bind_text(st, 3, month);
	gov_viewer_bind(st, v);
	rc = record_collect(st, &programme_kind, a, &items, &n, err);
	entries = items;
	for (size_t i = 0; i < n && rc == MASA_OK; i++) {
		char *why;

		rc = entry_why(g, &entries[i], a, &why, err);
		if (rc == MASA_OK)
			rc = propose(a, p, entries[i].title, why, entries[i].id,
			             err);
	}
	return rc;
}

static enum masa_err propose_deferred(struct gov *g, const struct gov_viewer *v,
                                      const struct gov_meeting *m,
                                      int64_t previous_id, struct arena *a,
                                      struct proposals *p,
                                      struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc =
	        store_prepare(g->store, SQL_AGENDA_DEFERRED, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, m->id);
	store_bind_int(st, 2, previous_id);
	gov_viewer_bind(st, v);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		const char *why = arena_printf(a, "deferred from %s item %s",
		                               store_column_text(st, 2),
		                               store_column_text(st, 0));
		rc = propose(a, p, store_column_text(st, 1), why, 0, err);
		if (rc != MASA_OK)
			break;
	}
	store_done(st);
	return rc;
}

enum masa_err gov_agenda_draft(struct gov *g, const struct gov_viewer *v,
                               int64_t meeting_id, struct arena *a,
                               struct gov_agenda_proposal **out, size_t *n,
                               struct masa_error *err)
{
	struct proposals p = {0};
	struct gov_meeting m;
	struct gov_matters_arising ma;
	int64_t previous_id;
	char *previous_key, *month, *title, *why;
	enum masa_err rc;

	*out = NULL;
	*n = 0;
	if ((rc = gov_meeting_get(g, meeting_id, a, &m, err)) ||
	    (rc = gov_matters_arising(g, v, meeting_id, a, &ma, err)) ||
	    (rc = previous_meeting(g, &m, a, &previous_id, &previous_key, err)))
		return rc;
	month = arena_strndup(a, m.date, 7);
	title = previous_key
	                ? arena_printf(a,
	                               "Minutes of the previous meeting (%s) "
	                               "and matters arising",
	                               previous_key)
	                : "Matters arising";
	why = arena_printf(a, "%zu open action%s, %zu deferred item%s",
	                   ma.nactions, ma.nactions == 1 ? "" : "s",
	                   ma.ndeferred, ma.ndeferred == 1 ? "" : "s");
	if ((rc = propose(a, &p, "Welcome, introductions and apologies",
	                  "standard item", 0, err)) ||
	    (rc = propose(a, &p, "Declarations of interest", "standard item", 0,
	                  err)) ||
	    (rc = propose(a, &p, title, why, 0, err)) ||
	    (rc = propose_entries(g, v, SQL_AGENDA_STANDING, &m, month, a, &p,
	                          err)) ||
	    (rc = propose_entries(g, v, SQL_AGENDA_PLANNED, &m, month, a, &p,
	                          err)) ||
	    (rc = propose_deferred(g, v, &m, previous_id, a, &p, err)) ||
	    (rc = propose(a, &p, "Any other business", "standard item", 0,
	                  err)) ||
	    (rc = propose(a, &p, "Date and time of the next meeting",
	                  "standard item", 0, err)))
		return rc;
	*out = p.v;
	*n = p.n;
	return MASA_OK;
}
