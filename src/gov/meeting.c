/*
 * meeting: meetings, attendance, declarations and quorum (see meeting.h).
 */
#include "gov/meeting.h"

#include "gov/access.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "gov/action.h"
#include "gov/body.h"
#include "gov/check.h"
#include "gov/record.h"

const char *const gov_meeting_statuses[] = {
        "scheduled", "held", "inquorate", "adjourned", "cancelled", NULL};

const char *const gov_attendance_statuses[] = {
        "present",       "apologies",      "absent",
        "in_attendance", "represented_by", NULL};

const char *const gov_minutes_statuses[] = {"draft", "approved", "published",
                                            NULL};

/* meeting */

static const struct record_field meeting_fields[] = {
        RECORD_FIELD(struct gov_meeting, id, RECORD_ID),
        RECORD_FIELD(struct gov_meeting, body_id, RECORD_ID),
        RECORD_FIELD(struct gov_meeting, key, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting, partnership_id, RECORD_ID),
        RECORD_FIELD(struct gov_meeting, name, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting, date, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting, start_time, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting, end_time, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting, location, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting, status, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting, webcast_url, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting, minutes_status, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting, minutes_approved_on, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting, minutes_published_on, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting, agenda_published_on, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting, part_two_exemption, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting, version, RECORD_VERSION),
};

#define MEETING_COLUMNS                                                        \
	"id, body_id, key, partnership_id, name, date, start_time, end_time, " \
	"location, status, webcast_url, minutes_status, minutes_approved_on, " \
	"minutes_published_on, agenda_published_on, part_two_exemption, "      \
	"version"

static const struct record_kind meeting_kind = {
        .entity = "meeting",
        .label = "meeting",
        .fields = meeting_fields,
        .nfields = sizeof meeting_fields / sizeof meeting_fields[0],
        .size = sizeof(struct gov_meeting),
        .sql_insert =
                "INSERT INTO meeting (body_id, key, partnership_id, name, "
                "date, start_time, end_time, location, status, "
                "webcast_url, minutes_status, minutes_approved_on, "
                "minutes_published_on, agenda_published_on, "
                "part_two_exemption) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?, ?, ?) "
                "RETURNING id",
        .sql_update =
                "UPDATE meeting SET body_id = ?, key = ?, "
                "partnership_id = ?, name = ?, date = ?, start_time = ?, "
                "end_time = ?, location = ?, status = ?, webcast_url = ?, "
                "minutes_status = ?, minutes_approved_on = ?, "
                "minutes_published_on = ?, agenda_published_on = ?, "
                "part_two_exemption = ?, version = version + 1 "
                "WHERE id = ? AND version = COALESCE(?, version) "
                "RETURNING version",
        .sql_get = "SELECT " MEETING_COLUMNS " FROM meeting WHERE id = ?",
};

static const char SQL_MEETING_FIND[] =
        "SELECT " MEETING_COLUMNS " FROM meeting WHERE partnership_id = ? "
        "AND key = ?";
static const char SQL_MEETING_KEY_USED[] =
        "SELECT 1 FROM meeting WHERE partnership_id = ? AND key = ?";
static const char SQL_MEETING_ALL[] =
        "SELECT " MEETING_COLUMNS " FROM meeting WHERE partnership_id = ? "
        "ORDER BY id";

#define MEETING_ROW_SELECT                                                  \
	"SELECT m.id, m.body_id, m.key, m.partnership_id, m.name, m.date, " \
	"m.start_time, m.end_time, m.location, m.status, m.webcast_url, "   \
	"m.minutes_status, m.minutes_approved_on, m.minutes_published_on, " \
	"m.agenda_published_on, m.part_two_exemption, "                     \
	"m.version, b.short_name, b.name FROM meeting m "                   \
	"JOIN body b ON b.id = m.body_id "

static const char SQL_MEETING_LIST[] = MEETING_ROW_SELECT
        "WHERE m.partnership_id = ? AND m.date >= ? "
        "AND m.date <= ? ORDER BY m.date, COALESCE(m.start_time, ''), m.id "
        "LIMIT ? OFFSET ?";
static const char SQL_MEETING_LIST_BODY[] = MEETING_ROW_SELECT
        "WHERE m.body_id = ? AND m.date >= ? "
        "AND m.date <= ? ORDER BY m.date, COALESCE(m.start_time, ''), m.id "
        "LIMIT ? OFFSET ?";

static const struct record_field meeting_row_fields[] = {
        RECORD_FIELD(struct gov_meeting_row, m.id, RECORD_ID),
        RECORD_FIELD(struct gov_meeting_row, m.body_id, RECORD_ID),
        RECORD_FIELD(struct gov_meeting_row, m.key, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting_row, m.partnership_id, RECORD_ID),
        RECORD_FIELD(struct gov_meeting_row, m.name, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting_row, m.date, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting_row, m.start_time, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting_row, m.end_time, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting_row, m.location, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting_row, m.status, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting_row, m.webcast_url, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting_row, m.minutes_status, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting_row, m.minutes_approved_on,
                     RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting_row, m.minutes_published_on,
                     RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting_row, m.agenda_published_on,
                     RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting_row, m.part_two_exemption, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting_row, m.version, RECORD_INT),
        RECORD_FIELD(struct gov_meeting_row, body_short_name, RECORD_TEXT),
        RECORD_FIELD(struct gov_meeting_row, body_name, RECORD_TEXT),
};

static const struct record_kind meeting_row_kind = {
        .entity = "meeting",
        .label = "meeting",
        .fields = meeting_row_fields,
        .nfields = sizeof meeting_row_fields / sizeof meeting_row_fields[0],
        .size = sizeof(struct gov_meeting_row),
};

static const char SQL_MEETING_DEFERRED_FROM_LATER[] =
        "SELECT i.number, m.key FROM item i JOIN meeting m ON m.id = "
        "i.meeting_id "
        "WHERE i.deferred_to_id = ? AND m.date >= ? LIMIT 1";
static const char SQL_MEETING_DEFERS_TO_EARLIER[] =
        "SELECT i.number, m.key FROM item i "
        "JOIN meeting m ON m.id = i.deferred_to_id "
        "WHERE i.meeting_id = ? AND m.date <= ? LIMIT 1";

/*
 * A meeting moved to date must stay after the meetings that deferred items
 * to it and before the meetings its own items were deferred to.
 */
static enum masa_err meeting_check_deferrals(struct gov *g, int64_t id,
                                             const char *date,
                                             struct masa_error *err)
{
	const char *sql[] = {SQL_MEETING_DEFERRED_FROM_LATER,
	                     SQL_MEETING_DEFERS_TO_EARLIER};
	enum masa_err rc = MASA_OK;

	for (int k = 0; k < 2 && rc == MASA_OK; k++) {
		struct store_stmt *st;
		bool row;

		rc = store_prepare(g->store, sql[k], &st, err);
		if (rc != MASA_OK)
			break;
		store_bind_int(st, 1, id);
		store_bind_text(st, 2, date);
		rc = store_step(st, &row, err);
		if (rc == MASA_OK && row)
			rc = masa_error_set(
			        err, MASA_ERR_INVALID,
			        k == 0 ? "meeting date: %s would not be after "
			                 "%s, "
			                 "whose item %s was deferred to this "
			                 "meeting"
			               : "meeting date: %s would not be before "
			                 "%s, "
			                 "to which item %s was deferred",
			        date, store_column_text(st, 1),
			        store_column_text(st, 0));
		store_done(st);
	}
	return rc;
}

static bool meeting_key_valid(const char *key)
{
	size_t n;

	if (key == NULL || (n = strlen(key)) == 0 || n > 80)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = key[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		      c == '&' || c == '/'))
			return false;
	}
	return strchr(key, '/') != NULL;
}

static enum masa_err meeting_key_used(struct gov *g, int64_t partnership_id,
                                      const char *key, bool *used,
                                      struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc =
	        store_prepare(g->store, SQL_MEETING_KEY_USED, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, partnership_id);
	store_bind_text(st, 2, key);
	rc = store_step(st, used, err);
	store_done(st);
	return rc;
}

/* Checks m against its body b (already read). */
static enum masa_err meeting_check(const struct gov_meeting *m,
                                   const struct gov_body *b,
                                   struct masa_error *err)
{
	enum masa_err rc;

	if ((rc = check_optional_line("Meeting name", m->name, err)) ||
	    (rc = check_date("Meeting date", m->date, false, err)) ||
	    (rc = check_time("Start time", m->start_time, err)) ||
	    (rc = check_time("End time", m->end_time, err)) ||
	    (rc = check_optional_line("Venue", m->location, err)) ||
	    (rc = check_enum("Meeting status", m->status, gov_meeting_statuses,
	                     false, err)) ||
	    (rc = check_url("Webcast address", m->webcast_url, err)) ||
	    (rc = check_enum("Minutes status", m->minutes_status,
	                     gov_minutes_statuses, false, err)) ||
	    (rc = check_date("Date the minutes were approved",
	                     m->minutes_approved_on, true, err)) ||
	    (rc = check_date("Date the minutes were published",
	                     m->minutes_published_on, true, err)) ||
	    (rc = check_date("Date the agenda was published",
	                     m->agenda_published_on, true, err)) ||
	    (rc = check_optional_line("Part 2 exemption", m->part_two_exemption,
	                              err)))
		return rc;
	if (strcmp(m->minutes_status, "draft") == 0 &&
	    (m->minutes_approved_on || m->minutes_published_on))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Minutes status: draft minutes have no "
		                      "date of approval or publication");
	if (strcmp(m->minutes_status, "draft") != 0 &&
	    m->minutes_approved_on == NULL)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Date the minutes were approved: %s "
		                      "minutes need the date they were "
		                      "approved",
		                      m->minutes_status);
	if ((strcmp(m->minutes_status, "published") == 0) !=
	    (m->minutes_published_on != NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Date the minutes were published: give "
		                      "it exactly when the minutes are "
		                      "published");
	if (m->minutes_approved_on &&
	    strcmp(m->minutes_approved_on, m->date) < 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Date the minutes were approved: %s is "
		                      "before the meeting (%s)",
		                      m->minutes_approved_on, m->date);
	if (m->minutes_published_on &&
	    strcmp(m->minutes_published_on, m->minutes_approved_on) < 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Date the minutes were published: %s "
		                      "is before they were approved (%s)",
		                      m->minutes_published_on,
		                      m->minutes_approved_on);
	if (m->start_time && m->end_time &&
	    strcmp(m->end_time, m->start_time) < 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "End time: %s is before the start time %s", m->end_time,
		        m->start_time);
	if (b->founding_date && strcmp(m->date, b->founding_date) < 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "Meeting date: %s is before %s was founded "
		        "on %s",
		        m->date, b->short_name, b->founding_date);
	if (b->dissolution_date && strcmp(m->date, b->dissolution_date) > 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "Meeting date: %s is after %s was dissolved "
		        "on %s",
		        m->date, b->short_name, b->dissolution_date);
	return MASA_OK;
}

enum masa_err gov_meeting_create(struct gov *g, struct gov_meeting *m,
                                 struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_body b;
	bool used = false;
	bool generated = m->key == NULL;
	enum masa_err rc;

	m->id = 0;
	if (m->body_id == 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "meeting body: required");
	rc = gov_body_get(g, m->body_id, &a, &b, err);
	if (rc != MASA_OK) {
		masa_error_prefix(err, "meeting body");
		goto out;
	}
	m->partnership_id = b.partnership_id;
	if (m->minutes_status == NULL)
		m->minutes_status = "draft";
	rc = meeting_check(m, &b, err);
	if (rc != MASA_OK)
		goto out;
	if (m->key == NULL) {
		for (int n = 1; n < 100; n++) {
			m->key =
			        n == 1 ? arena_printf(&a, "%s/%s", b.short_name,
			                              m->date)
			               : arena_printf(&a, "%s/%s-%d",
			                              b.short_name, m->date, n);
			rc = meeting_key_used(g, b.partnership_id, m->key,
			                      &used, err);
			if (rc != MASA_OK || !used)
				break;
		}
	} else if (!meeting_key_valid(m->key)) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "meeting id: \"%.60s\" must look like "
		                    "BODY/YYYY-MM-DD",
		                    m->key);
	} else {
		rc = meeting_key_used(g, b.partnership_id, m->key, &used, err);
	}
	if (rc == MASA_OK && used)
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "meeting id: \"%s\" is already used",
		                    m->key);
	if (rc == MASA_OK)
		rc = gov_begin(g, err);
	if (rc != MASA_OK)
		goto out;
	rc = record_insert(g, &meeting_kind, m, err);
	/* A meeting recorded as held carries its body's open actions forward
	 * (a bulk load brings its own history instead). */
	if (rc == MASA_OK && !g->bulk && strcmp(m->status, "held") == 0)
		rc = gov_action_carry_forward(g, m->id, NULL, err);
	rc = gov_end(g, rc, err);
	/* A key made here lived in a, which is freed below. */
	if (generated)
		m->key = NULL;
out:
	arena_free(&a);
	return rc;
}

/* A stale version is refused before anything else is checked. */
enum masa_err gov_meeting_version_check(const struct gov_meeting *stored,
                                        int64_t expected,
                                        struct masa_error *err)
{
	return record_version_check(&meeting_kind, stored->version, expected,
	                            err);
}

enum masa_err gov_meeting_update(struct gov *g, const struct gov_meeting *m,
                                 struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_meeting old;
	struct gov_body b;
	enum masa_err rc;

	rc = gov_meeting_get(g, m->id, &a, &old, err);
	if (rc == MASA_OK)
		rc = gov_meeting_version_check(&old, m->version, err);
	if (rc != MASA_OK)
		goto out;
	if (m->body_id != old.body_id ||
	    m->partnership_id != old.partnership_id || m->key == NULL ||
	    strcmp(m->key, old.key) != 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "meeting %s: its id and body cannot change",
		                    old.key);
		goto out;
	}
	rc = gov_body_get(g, m->body_id, &a, &b, err);
	if (rc == MASA_OK)
		rc = meeting_check(m, &b, err);
	if (rc == MASA_OK && strcmp(m->date, old.date) != 0)
		rc = meeting_check_deferrals(g, m->id, m->date, err);
	if (rc == MASA_OK)
		rc = gov_begin(g, err);
	if (rc != MASA_OK)
		goto out;
	rc = record_update(g, &meeting_kind, m, err);
	if (rc == MASA_OK && !g->bulk && strcmp(m->status, "held") == 0 &&
	    strcmp(old.status, "held") != 0)
		rc = gov_action_carry_forward(g, m->id, NULL, err);
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}

enum masa_err gov_meeting_set_minutes(struct gov *g, int64_t id,
                                      int64_t version, const char *status,
                                      const char *approved_on,
                                      const char *published_on,
                                      struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_meeting m;
	char today[DATE_TEXT_SIZE];
	enum masa_err rc;

	if ((rc = check_enum("Status of the minutes", status,
	                     gov_minutes_statuses, false, err)) ||
	    (rc = check_date("Date the minutes were approved", approved_on,
	                     true, err)) ||
	    (rc = check_date("Date the minutes were published", published_on,
	                     true, err)))
		return rc;
	rc = gov_meeting_get(g, id, &a, &m, err);
	if (rc != MASA_OK)
		goto out;
	date_format(date_today(), today);
	/* A date given wins; else the stored one stays; else a status newly
	 * set is dated today. */
	if (strcmp(status, "draft") == 0) {
		m.minutes_approved_on = NULL;
		m.minutes_published_on = NULL;
	} else {
		if (strcmp(status, "published") == 0) {
			if (published_on != NULL)
				m.minutes_published_on = (char *)published_on;
			else if (m.minutes_published_on == NULL)
				m.minutes_published_on =
				        arena_strdup(&a, today);
		} else {
			m.minutes_published_on = NULL;
		}
		if (approved_on != NULL)
			m.minutes_approved_on = (char *)approved_on;
		else if (m.minutes_approved_on == NULL)
			/* Publishing draft minutes approves them that day. */
			m.minutes_approved_on =
			        m.minutes_published_on
			                ? m.minutes_published_on
			                : arena_strdup(&a, today);
	}
	if (m.minutes_published_on != NULL &&
	    strcmp(m.minutes_approved_on, m.minutes_published_on) > 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "The date the minutes were published must "
		                    "be on or after the date they were "
		                    "approved");
		goto out;
	}
	if (m.minutes_approved_on != NULL &&
	    strcmp(m.minutes_approved_on, m.date) < 0) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "The date the minutes were approved must be "
		        "on or after the date of the meeting");
		goto out;
	}
	m.minutes_status = (char *)status;
	m.version = version;
	rc = gov_meeting_update(g, &m, err);
out:
	arena_free(&a);
	return rc;
}

enum masa_err gov_meeting_get(struct gov *g, int64_t id, struct arena *a,
                              struct gov_meeting *out, struct masa_error *err)
{
	return record_get(g, &meeting_kind, id, a, out, err);
}

enum masa_err gov_meeting_find(struct gov *g, int64_t partnership_id,
                               const char *key, struct arena *a,
                               struct gov_meeting *out, struct masa_error *err)
{
	return record_find(g, &meeting_kind, SQL_MEETING_FIND, partnership_id,
	                   key, a, out, err);
}

/*
 * The meetings of statement sql (?1 a partnership or body id, ?2..?3 the
 * dates, ?4 limit, ?5 offset), as the list functions below give them.
 */
static enum masa_err list_in_range(struct gov *g, const char *sql, int64_t id,
                                   const char *from, const char *to, int limit,
                                   int offset, struct arena *a,
                                   struct gov_meeting_row **out, size_t *n,
                                   struct masa_error *err)
{
	struct store_stmt *st;
	void *items;
	enum masa_err rc;

	*out = NULL;
	*n = 0;
	if ((rc = check_date("from", from, true, err)) ||
	    (rc = check_date("to", to, true, err)))
		return rc;
	rc = store_prepare(g->store, sql, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, from ? from : "0000-01-01");
	store_bind_text(st, 3, to ? to : "9999-12-31");
	store_bind_int(st, 4, limit > 0 ? limit : -1);
	store_bind_int(st, 5, offset > 0 ? offset : 0);
	rc = record_collect(st, &meeting_row_kind, a, &items, n, err);
	*out = items;
	return rc;
}

/* The count of statement sql (?1 an id, ?2..?3 the dates). */
static enum masa_err count_in_range(struct gov *g, const char *sql, int64_t id,
                                    const char *from, const char *to, size_t *n,
                                    struct masa_error *err)
{
	struct store_stmt *st;
	bool row = false;
	enum masa_err rc;

	*n = 0;
	if ((rc = check_date("from", from, true, err)) ||
	    (rc = check_date("to", to, true, err)))
		return rc;
	rc = store_prepare(g->store, sql, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, from ? from : "0000-01-01");
	store_bind_text(st, 3, to ? to : "9999-12-31");
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		*n = (size_t)store_column_int(st, 0);
	store_done(st);
	return rc;
}

enum masa_err gov_meeting_list(struct gov *g, int64_t partnership_id,
                               int64_t body_id, const char *from,
                               const char *to, int limit, int offset,
                               struct arena *a, struct gov_meeting_row **out,
                               size_t *n, struct masa_error *err)
{
	return list_in_range(g,
	                     body_id ? SQL_MEETING_LIST_BODY : SQL_MEETING_LIST,
	                     body_id ? body_id : partnership_id, from, to,
	                     limit, offset, a, out, n, err);
}

static const char SQL_MEETING_BEFORE[] =
        "SELECT " MEETING_COLUMNS " FROM meeting WHERE body_id = ?1 "
        "AND (date < ?2 OR (date = ?2 AND id < ?3)) "
        "ORDER BY date DESC, id DESC LIMIT 1";
static const char SQL_MEETING_AFTER[] =
        "SELECT " MEETING_COLUMNS " FROM meeting WHERE body_id = ?1 "
        "AND (date > ?2 OR (date = ?2 AND id > ?3)) "
        "ORDER BY date, id LIMIT 1";

enum masa_err gov_meeting_neighbours(struct gov *g, const struct gov_meeting *m,
                                     struct arena *a, struct gov_meeting *prev,
                                     struct gov_meeting *next,
                                     struct masa_error *err)
{
	const char *sql[] = {SQL_MEETING_BEFORE, SQL_MEETING_AFTER};
	struct gov_meeting *out[] = {prev, next};
	enum masa_err rc = MASA_OK;

	for (int k = 0; k < 2 && rc == MASA_OK; k++) {
		struct store_stmt *st;
		bool row;

		memset(out[k], 0, sizeof *out[k]);
		rc = store_prepare(g->store, sql[k], &st, err);
		if (rc != MASA_OK)
			break;
		store_bind_int(st, 1, m->body_id);
		store_bind_text(st, 2, m->date);
		store_bind_int(st, 3, m->id);
		rc = store_step(st, &row, err);
		if (rc == MASA_OK && row)
			record_read_row(st, &meeting_kind, a, out[k]);
		store_done(st);
	}
	return rc;
}

enum masa_err gov_meeting_list_all(struct gov *g, int64_t partnership_id,
                                   struct arena *a, struct gov_meeting **out,
                                   size_t *n, struct masa_error *err)
{
	void *items;
	enum masa_err rc = record_list(g, &meeting_kind, SQL_MEETING_ALL,
	                               partnership_id, a, &items, n, err);

	*out = items;
	return rc;
}

/* attendance */

static const struct record_field attendance_fields[] = {
        RECORD_FIELD(struct gov_attendance, id, RECORD_ID),
        RECORD_FIELD(struct gov_attendance, meeting_id, RECORD_ID),
        RECORD_FIELD(struct gov_attendance, person_id, RECORD_ID),
        RECORD_FIELD(struct gov_attendance, status, RECORD_TEXT),
        RECORD_FIELD(struct gov_attendance, substitute_id, RECORD_ID),
        RECORD_FIELD(struct gov_attendance, arrived_item_id, RECORD_ID),
        RECORD_FIELD(struct gov_attendance, left_item_id, RECORD_ID),
};

static const struct record_kind attendance_kind = {
        .entity = "attendance",
        .label = "attendance",
        .fields = attendance_fields,
        .nfields = sizeof attendance_fields / sizeof attendance_fields[0],
        .size = sizeof(struct gov_attendance),
        .sql_insert = "INSERT INTO attendance (meeting_id, person_id, status, "
                      "substitute_id, arrived_item_id, left_item_id) "
                      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        .sql_update = "UPDATE attendance SET meeting_id = ?, person_id = ?, "
                      "status = ?, substitute_id = ?, arrived_item_id = ?, "
                      "left_item_id = ? WHERE id = ?",
        .sql_get = "SELECT id, meeting_id, person_id, status, substitute_id, "
                   "arrived_item_id, left_item_id FROM attendance WHERE id = ?",
};

/* The membership a listing shows beside an attendee: the one running on
 * the meeting's date, chair before vice and deputy chair before the rest. */
static const char SQL_ATTENDEE_LIST[] =
        "SELECT a.id, a.meeting_id, a.person_id, a.status, a.substitute_id, "
        "a.arrived_item_id, a.left_item_id, p.key, p.name, p.honorific_prefix, "
        "p.job_title, ms.role, s.key, s.name, ia.number, il.number, "
        "COALESCE(mo.name, po.name) "
        "FROM attendance a JOIN meeting mt ON mt.id = a.meeting_id "
        "JOIN person p ON p.id = a.person_id "
        "LEFT JOIN membership ms ON ms.id = (SELECT m2.id FROM membership m2 "
        "WHERE m2.body_id = mt.body_id AND m2.person_id = a.person_id "
        "AND COALESCE(m2.start_date, '0000-01-01') <= mt.date "
        "AND COALESCE(m2.end_date, '9999-12-31') >= mt.date "
        "ORDER BY CASE m2.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 "
        "WHEN 'deputy_chair' THEN 2 ELSE 3 END, m2.id LIMIT 1) "
        "LEFT JOIN organisation mo ON mo.id = ms.organisation_id "
        "LEFT JOIN organisation po ON po.id = p.organisation_id "
        "LEFT JOIN person s ON s.id = a.substitute_id "
        "LEFT JOIN item ia ON ia.id = a.arrived_item_id "
        "LEFT JOIN item il ON il.id = a.left_item_id "
        "WHERE a.meeting_id = ? ORDER BY a.id";

static const struct record_field attendee_fields[] = {
        RECORD_FIELD(struct gov_attendee, a.id, RECORD_ID),
        RECORD_FIELD(struct gov_attendee, a.meeting_id, RECORD_ID),
        RECORD_FIELD(struct gov_attendee, a.person_id, RECORD_ID),
        RECORD_FIELD(struct gov_attendee, a.status, RECORD_TEXT),
        RECORD_FIELD(struct gov_attendee, a.substitute_id, RECORD_ID),
        RECORD_FIELD(struct gov_attendee, a.arrived_item_id, RECORD_ID),
        RECORD_FIELD(struct gov_attendee, a.left_item_id, RECORD_ID),
        RECORD_FIELD(struct gov_attendee, person_key, RECORD_TEXT),
        RECORD_FIELD(struct gov_attendee, person_name, RECORD_TEXT),
        RECORD_FIELD(struct gov_attendee, honorific_prefix, RECORD_TEXT),
        RECORD_FIELD(struct gov_attendee, job_title, RECORD_TEXT),
        RECORD_FIELD(struct gov_attendee, role, RECORD_TEXT),
        RECORD_FIELD(struct gov_attendee, substitute_key, RECORD_TEXT),
        RECORD_FIELD(struct gov_attendee, substitute_name, RECORD_TEXT),
        RECORD_FIELD(struct gov_attendee, arrived_item, RECORD_TEXT),
        RECORD_FIELD(struct gov_attendee, left_item, RECORD_TEXT),
        RECORD_FIELD(struct gov_attendee, organisation_name, RECORD_TEXT),
};

static const struct record_kind attendee_kind = {
        .entity = "attendance",
        .label = "attendance",
        .fields = attendee_fields,
        .nfields = sizeof attendee_fields / sizeof attendee_fields[0],
        .size = sizeof(struct gov_attendee),
};

/* Someone already recorded at the meeting as themselves or as a substitute. */
static const char SQL_ATTENDANCE_CLASH[] =
        "SELECT p.name, CASE WHEN a.person_id = ?2 THEN 0 ELSE 1 END "
        "FROM attendance a JOIN person p ON p.id = a.person_id "
        "WHERE a.meeting_id = ?1 AND a.id <> ?3 "
        "AND (a.person_id = ?2 OR a.substitute_id = ?2 "
        "OR (?4 <> 0 AND (a.person_id = ?4 OR a.substitute_id = ?4))) "
        "LIMIT 1";
static const char SQL_ITEM_POSITION_IN[] =
        "SELECT position, number FROM item WHERE id = ? AND meeting_id = ?";
static const char SQL_PERSON_NAME_IN[] =
        "SELECT 1 FROM person WHERE id = ? AND partnership_id = ?";

/* Reads the position of an item of the meeting; field names it if absent. */
static enum masa_err item_position(struct gov *g, int64_t meeting_id,
                                   int64_t item_id, const char *field,
                                   int64_t *position, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc =
	        store_prepare(g->store, SQL_ITEM_POSITION_IN, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, item_id);
	store_bind_int(st, 2, meeting_id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "%s: no item with id %lld at this meeting",
		                    field, (long long)item_id);
	if (rc == MASA_OK)
		*position = store_column_int(st, 0);
	store_done(st);
	return rc;
}

static enum masa_err attendance_check(struct gov *g,
                                      const struct gov_attendance *at,
                                      struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_meeting m;
	struct store_stmt *st;
	int64_t arrived = 0, left = 0;
	bool row;
	enum masa_err rc;

	if (at->meeting_id == 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "attendance meeting: required");
	rc = gov_meeting_get(g, at->meeting_id, &a, &m, err);
	if (rc != MASA_OK) {
		masa_error_prefix(err, "attendance meeting");
		goto out;
	}
	if ((rc = record_check_ref(g, SQL_PERSON_NAME_IN, at->person_id,
	                           m.partnership_id, true, "attendance person",
	                           "person", err)) ||
	    (rc = check_enum("attendance status", at->status,
	                     gov_attendance_statuses, false, err)))
		goto out;
	if (strcmp(at->status, "represented_by") == 0) {
		if (at->substitute_id == 0) {
			rc = masa_error_set(
			        err, MASA_ERR_INVALID,
			        "attendance substitute: required when "
			        "the status is represented_by");
			goto out;
		}
		if (at->substitute_id == at->person_id) {
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "attendance substitute: a person "
			                    "cannot represent themselves");
			goto out;
		}
		rc = record_check_ref(g, SQL_PERSON_NAME_IN, at->substitute_id,
		                      m.partnership_id, true,
		                      "attendance substitute", "person", err);
		if (rc != MASA_OK)
			goto out;
	} else if (at->substitute_id != 0) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "attendance substitute: only for the status "
		        "represented_by, not %s",
		        at->status);
		goto out;
	}
	if ((at->arrived_item_id || at->left_item_id) &&
	    (strcmp(at->status, "apologies") == 0 ||
	     strcmp(at->status, "absent") == 0)) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "attendance: someone recorded as %s cannot "
		                    "arrive or leave",
		                    at->status);
		goto out;
	}
	if (at->arrived_item_id &&
	    (rc = item_position(g, at->meeting_id, at->arrived_item_id,
	                        "attendance arrived_at_item", &arrived, err)))
		goto out;
	if (at->left_item_id &&
	    (rc = item_position(g, at->meeting_id, at->left_item_id,
	                        "attendance left_at_item", &left, err)))
		goto out;
	if (arrived && left && left < arrived) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "attendance left_at_item: comes before the "
		                    "item they arrived at");
		goto out;
	}
	rc = store_prepare(g->store, SQL_ATTENDANCE_CLASH, &st, err);
	if (rc != MASA_OK)
		goto out;
	store_bind_int(st, 1, at->meeting_id);
	store_bind_int(st, 2, at->person_id);
	store_bind_int(st, 3, at->id);
	store_bind_int(st, 4, at->substitute_id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "attendance: already recorded at %s (%s%s)",
		                    m.key, store_column_text(st, 0),
		                    store_column_int(st, 1) ? "'s row" : "");
	store_done(st);
out:
	arena_free(&a);
	return rc;
}

enum masa_err gov_attendance_record(struct gov *g, struct gov_attendance *at,
                                    struct masa_error *err)
{
	enum masa_err rc;

	at->id = 0;
	rc = attendance_check(g, at, err);
	return rc ? rc : record_insert(g, &attendance_kind, at, err);
}

enum masa_err gov_attendance_update(struct gov *g,
                                    const struct gov_attendance *at,
                                    struct masa_error *err)
{
	enum masa_err rc = attendance_check(g, at, err);

	return rc ? rc : record_update(g, &attendance_kind, at, err);
}

enum masa_err gov_attendance_list(struct gov *g, int64_t meeting_id,
                                  struct arena *a, struct gov_attendee **out,
                                  size_t *n, struct masa_error *err)
{
	void *items;
	enum masa_err rc = record_list(g, &attendee_kind, SQL_ATTENDEE_LIST,
	                               meeting_id, a, &items, n, err);

	*out = items;
	return rc;
}

/* declaration */

static const struct record_field declaration_fields[] = {
        RECORD_FIELD(struct gov_declaration, id, RECORD_ID),
        RECORD_FIELD(struct gov_declaration, meeting_id, RECORD_ID),
        RECORD_FIELD(struct gov_declaration, person_id, RECORD_ID),
        RECORD_FIELD(struct gov_declaration, item_id, RECORD_ID),
        RECORD_FIELD(struct gov_declaration, interest, RECORD_TEXT),
};

static const struct record_kind declaration_kind = {
        .entity = "declaration",
        .label = "declaration",
        .fields = declaration_fields,
        .nfields = sizeof declaration_fields / sizeof declaration_fields[0],
        .size = sizeof(struct gov_declaration),
        .sql_insert =
                "INSERT INTO declaration (meeting_id, person_id, item_id, "
                "interest) VALUES (?, ?, ?, ?) RETURNING id",
        .sql_update = "UPDATE declaration SET meeting_id = ?, person_id = ?, "
                      "item_id = ?, interest = ? WHERE id = ?",
        .sql_get = "SELECT id, meeting_id, person_id, item_id, interest "
                   "FROM declaration WHERE id = ?",
};

/* A declaration on an item is seen by those who see the item. */
#define DECLARATION_SEEN                                            \
	"FROM declaration d JOIN meeting m ON m.id = d.meeting_id " \
	"LEFT JOIN item it ON it.id = d.item_id "
#define DECLARATION_SEEN_WHERE                               \
	"WHERE d.meeting_id = ?1 AND " GOV_SQL_SEES_MINUTES( \
	        "m") " AND "                                 \
	             "(it.id IS NULL OR " GOV_SQL_SEES_ITEM("it", "m") ") "
static const char SQL_DECLARATION_LIST[] =
        "SELECT d.id, d.meeting_id, d.person_id, d.item_id, "
        "d.interest " DECLARATION_SEEN DECLARATION_SEEN_WHERE "ORDER BY d.id";

enum masa_err gov_declaration_create(struct gov *g, struct gov_declaration *d,
                                     struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_meeting m;
	int64_t position;
	enum masa_err rc;

	d->id = 0;
	if (d->meeting_id == 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "declaration meeting: required");
	rc = gov_meeting_get(g, d->meeting_id, &a, &m, err);
	if (rc != MASA_OK) {
		masa_error_prefix(err, "declaration meeting");
		goto out;
	}
	if ((rc = record_check_ref(g, SQL_PERSON_NAME_IN, d->person_id,
	                           m.partnership_id, true, "declaration person",
	                           "person", err)) ||
	    (rc = check_optional_text("declaration interest", d->interest,
	                              err)))
		goto out;
	if (text_is_blank(d->interest)) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "declaration interest: required");
		goto out;
	}
	if (d->item_id &&
	    (rc = item_position(g, d->meeting_id, d->item_id,
	                        "declaration item", &position, err)))
		goto out;
	rc = record_insert(g, &declaration_kind, d, err);
out:
	arena_free(&a);
	return rc;
}

enum masa_err gov_declaration_list(struct gov *g, const struct gov_viewer *v,
                                   int64_t meeting_id, struct arena *a,
                                   struct gov_declaration **out, size_t *n,
                                   struct masa_error *err)
{
	void *items;
	enum masa_err rc =
	        record_list_seen(g, &declaration_kind, SQL_DECLARATION_LIST,
	                         meeting_id, v, a, &items, n, err);

	*out = items;
	return rc;
}

static const char SQL_DECLARATION_ROWS[] =
        "SELECT d.id, d.meeting_id, d.person_id, d.item_id, d.interest, "
        "p.name, p.honorific_prefix, it.number " DECLARATION_SEEN
        "JOIN person p ON p.id = d.person_id " DECLARATION_SEEN_WHERE
        "ORDER BY d.id";

static const struct record_field declaration_row_fields[] = {
        RECORD_FIELD(struct gov_declaration_row, d.id, RECORD_ID),
        RECORD_FIELD(struct gov_declaration_row, d.meeting_id, RECORD_ID),
        RECORD_FIELD(struct gov_declaration_row, d.person_id, RECORD_ID),
        RECORD_FIELD(struct gov_declaration_row, d.item_id, RECORD_ID),
        RECORD_FIELD(struct gov_declaration_row, d.interest, RECORD_TEXT),
        RECORD_FIELD(struct gov_declaration_row, person_name, RECORD_TEXT),
        RECORD_FIELD(struct gov_declaration_row, honorific_prefix, RECORD_TEXT),
        RECORD_FIELD(struct gov_declaration_row, item_number, RECORD_TEXT),
};

static const struct record_kind declaration_row_kind = {
        .entity = "declaration",
        .label = "declaration",
        .fields = declaration_row_fields,
        .nfields = sizeof declaration_row_fields /
                   sizeof declaration_row_fields[0],
        .size = sizeof(struct gov_declaration_row),
};

enum masa_err gov_declaration_rows(struct gov *g, const struct gov_viewer *v,
                                   int64_t meeting_id, struct arena *a,
                                   struct gov_declaration_row **out, size_t *n,
                                   struct masa_error *err)
{
	void *items;
	enum masa_err rc =
	        record_list_seen(g, &declaration_row_kind, SQL_DECLARATION_ROWS,
	                         meeting_id, v, a, &items, n, err);

	*out = items;
	return rc;
}

/* quorum */

#define VOTING_ROLES                                                       \
	"('chair', 'vice_chair', 'deputy_chair', 'member', 'lay_member', " \
	"'co_optee')"
#define ACTIVE_ON_MEETING                                        \
	"ms.body_id = mt.body_id AND ms.role IN " VOTING_ROLES   \
	" AND COALESCE(ms.start_date, '0000-01-01') <= mt.date " \
	"AND COALESCE(ms.end_date, '9999-12-31') >= mt.date"
#define PRESENT_AT_MEETING                                               \
	"EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = mt.id " \
	"AND a.person_id = ms.person_id "                                \
	"AND a.status IN ('present', 'represented_by'))"

static const char SQL_QUORUM_COUNTS[] =
        "SELECT COUNT(DISTINCT ms.person_id), "
        "COUNT(DISTINCT CASE WHEN " PRESENT_AT_MEETING
        " THEN ms.person_id END) "
        "FROM meeting mt JOIN membership ms ON " ACTIVE_ON_MEETING
        " WHERE mt.id = ?";

static const char SQL_QUORUM_PARTNERS_MISSING[] =
        "SELECT COUNT(*) FROM meeting mt JOIN organisation o "
        "ON o.partnership_id = mt.partnership_id "
        "AND o.part = 'safeguarding_partner' WHERE mt.id = ? AND NOT EXISTS "
        "(SELECT 1 FROM membership ms JOIN person p ON p.id = ms.person_id "
        "WHERE " ACTIVE_ON_MEETING " AND " PRESENT_AT_MEETING
        " AND COALESCE(ms.organisation_id, p.organisation_id) = o.id)";

enum masa_err gov_meeting_quorum(struct gov *g, int64_t meeting_id,
                                 struct gov_quorum *out, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_meeting m;
	struct gov_body b;
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	memset(out, 0, sizeof *out);
	rc = gov_meeting_get(g, meeting_id, &a, &m, err);
	if (rc == MASA_OK)
		rc = gov_body_get(g, m.body_id, &a, &b, err);
	if (rc != MASA_OK)
		goto out;
	rc = store_prepare(g->store, SQL_QUORUM_COUNTS, &st, err);
	if (rc != MASA_OK)
		goto out;
	store_bind_int(st, 1, meeting_id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row) {
		out->voting_members = (int)store_column_int(st, 0);
		out->voting_present = (int)store_column_int(st, 1);
	}
	store_done(st);
	if (rc != MASA_OK)
		goto out;
	if (b.quorum_partners) {
		rc = store_prepare(g->store, SQL_QUORUM_PARTNERS_MISSING, &st,
		                   err);
		if (rc != MASA_OK)
			goto out;
		store_bind_int(st, 1, meeting_id);
		rc = store_step(st, &row, err);
		if (rc == MASA_OK && row)
			out->partners_missing = (int)store_column_int(st, 0);
		store_done(st);
		if (rc != MASA_OK)
			goto out;
	}
	out->has_rule = b.quorum_count > 0 || b.quorum_fraction != NULL ||
	                b.quorum_partners;
	if (b.quorum_count > 0) {
		out->required = (int)b.quorum_count;
	} else if (b.quorum_fraction != NULL) {
		int num = 0, den = 1;
		if (gov_quorum_fraction_parse(b.quorum_fraction, &num, &den))
			out->required =
			        (out->voting_members * num + den - 1) / den;
		/* A body with no voting members on record cannot be quorate. */
		if (out->required < 1)
			out->required = 1;
	}
	out->quorate = out->voting_present >= out->required &&
	               out->partners_missing == 0;
out:
	arena_free(&a);
	return rc;
}

/* listings newest first, and counts, for paginated pages */

static const char SQL_MEETING_NEWEST_BODY[] = MEETING_ROW_SELECT
        "WHERE m.body_id = ? AND m.date >= ? AND m.date <= ? "
        "ORDER BY m.date DESC, COALESCE(m.start_time, '') DESC, m.id DESC "
        "LIMIT ? OFFSET ?";
static const char SQL_MEETING_COUNT[] =
        "SELECT COUNT(*) FROM meeting WHERE partnership_id = ? "
        "AND date >= ? AND date <= ?";
static const char SQL_MEETING_COUNT_BODY[] =
        "SELECT COUNT(*) FROM meeting WHERE body_id = ? "
        "AND date >= ? AND date <= ?";

enum masa_err gov_meeting_list_newest(struct gov *g, int64_t body_id,
                                      const char *from, const char *to,
                                      int limit, int offset, struct arena *a,
                                      struct gov_meeting_row **out, size_t *n,
                                      struct masa_error *err)
{
	return list_in_range(g, SQL_MEETING_NEWEST_BODY, body_id, from, to,
	                     limit, offset, a, out, n, err);
}

enum masa_err gov_meeting_count(struct gov *g, int64_t partnership_id,
                                int64_t body_id, const char *from,
                                const char *to, size_t *n,
                                struct masa_error *err)
{
	return count_in_range(
	        g, body_id ? SQL_MEETING_COUNT_BODY : SQL_MEETING_COUNT,
	        body_id ? body_id : partnership_id, from, to, n, err);
}

/*
 * Meetings a partnership sees: its own and those of bodies serving it from
 * another partnership (gov_body_serve). The last column of a find puts the
 * partnership's own first.
 */

#define MEETING_COLUMNS_M                                                   \
	"m.id, m.body_id, m.key, m.partnership_id, m.name, m.date, "        \
	"m.start_time, m.end_time, m.location, m.status, m.webcast_url, "   \
	"m.minutes_status, m.minutes_approved_on, m.minutes_published_on, " \
	"m.agenda_published_on, m.part_two_exemption, m.version"

static const char SQL_MEETING_FIND_SEEN[] =
        "SELECT " MEETING_COLUMNS ", 0 FROM meeting "
        "WHERE partnership_id = ?1 AND key = ?2 "
        "UNION ALL SELECT " MEETING_COLUMNS_M ", 1 FROM body_partnership s "
        "JOIN meeting m ON m.body_id = s.body_id "
        "WHERE s.partnership_id = ?1 AND m.key = ?2 ORDER BY 18 LIMIT 1";
static const char SQL_MEETING_LIST_SEEN[] =
        MEETING_ROW_SELECT "WHERE m.partnership_id = ?1 AND m.date >= ?2 "
                           "AND m.date <= ?3 "
                           "UNION ALL SELECT " MEETING_COLUMNS_M
                           ", b.short_name, b.name FROM body_partnership s "
                           "JOIN meeting m ON m.body_id = s.body_id "
                           "JOIN body b ON b.id = m.body_id "
                           "WHERE s.partnership_id = ?1 AND m.date >= ?2 "
                           "AND m.date <= ?3 ORDER BY 6, 7, 1 "
                           "LIMIT ?4 OFFSET ?5";
static const char SQL_MEETING_COUNT_SEEN[] =
        "SELECT (SELECT COUNT(*) FROM meeting WHERE partnership_id = ?1 "
        "AND date >= ?2 AND date <= ?3) + (SELECT COUNT(*) "
        "FROM body_partnership s JOIN meeting m ON m.body_id = s.body_id "
        "WHERE s.partnership_id = ?1 AND m.date >= ?2 AND m.date <= ?3)";

enum masa_err gov_meeting_find_seen(struct gov *g, int64_t partnership_id,
                                    const char *key, struct arena *a,
                                    struct gov_meeting *out,
                                    struct masa_error *err)
{
	return record_find(g, &meeting_kind, SQL_MEETING_FIND_SEEN,
	                   partnership_id, key, a, out, err);
}

enum masa_err gov_meeting_list_seen(struct gov *g, int64_t partnership_id,
                                    const char *from, const char *to, int limit,
                                    int offset, struct arena *a,
                                    struct gov_meeting_row **out, size_t *n,
                                    struct masa_error *err)
{
	return list_in_range(g, SQL_MEETING_LIST_SEEN, partnership_id, from, to,
	                     limit, offset, a, out, n, err);
}

enum masa_err gov_meeting_count_seen(struct gov *g, int64_t partnership_id,
                                     const char *from, const char *to,
                                     size_t *n, struct masa_error *err)
{
	return count_in_range(g, SQL_MEETING_COUNT_SEEN, partnership_id, from,
	                      to, n, err);
}
