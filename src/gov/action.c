/*
 * action: action logs (see action.h).
 *
 * The action row holds the current status; the history is in action_update,
 * and owners are rows that run from the update that added them (or the
 * raising) to the update that removed them, so the log can be printed as at
 * any date by replaying the history up to it.
 */
#include "gov/action.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "gov/action_query.h"
#include "gov/body.h"
#include "gov/check.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/record.h"

const char *const gov_action_statuses[] = {
        "open", "in_progress", "discharged", "closed", "superseded", NULL};

static const char *const update_kinds[] = {"update", "carried_forward", NULL};

/* rules (action_rules.h) */

bool gov_action_status_done(const char *status)
{
	return status != NULL && (strcmp(status, "discharged") == 0 ||
	                          strcmp(status, "closed") == 0 ||
	                          strcmp(status, "superseded") == 0);
}

long gov_action_days_overdue(const char *due, const char *status,
                             const char *on)
{
	date_days from, to;

	if (due == NULL || gov_action_status_done(status) ||
	    date_parse(due, &from, NULL) != MASA_OK ||
	    date_parse(on, &to, NULL) != MASA_OK || to <= from)
		return 0;
	return (long)(to - from);
}

bool gov_action_owner_on(const struct gov_action_owner *o, const char *date)
{
	return (o->added_on == NULL || strcmp(o->added_on, date) <= 0) &&
	       (o->removed_on == NULL || strcmp(o->removed_on, date) > 0);
}

/* records */

static const struct record_field action_fields[] = {
        RECORD_FIELD(struct gov_action, id, RECORD_ID),
        RECORD_FIELD(struct gov_action, partnership_id, RECORD_ID),
        RECORD_FIELD(struct gov_action, body_id, RECORD_ID),
        RECORD_FIELD(struct gov_action, meeting_id, RECORD_ID),
        RECORD_FIELD(struct gov_action, item_id, RECORD_ID),
        RECORD_FIELD(struct gov_action, number, RECORD_INT),
        RECORD_FIELD(struct gov_action, key, RECORD_TEXT),
        RECORD_FIELD(struct gov_action, raised_on, RECORD_TEXT),
        RECORD_FIELD(struct gov_action, details, RECORD_TEXT),
        RECORD_FIELD(struct gov_action, due_date, RECORD_TEXT),
        RECORD_FIELD(struct gov_action, due_meeting_id, RECORD_ID),
        RECORD_FIELD(struct gov_action, status, RECORD_TEXT),
        RECORD_FIELD(struct gov_action, closed_on, RECORD_TEXT),
        RECORD_FIELD(struct gov_action, version, RECORD_VERSION),
};

#define ACTION_COLUMNS GOV_ACTION_COLUMNS

static const struct record_kind action_kind = {
        .entity = "action",
        .label = "action",
        .fields = action_fields,
        .nfields = sizeof action_fields / sizeof action_fields[0],
        .size = sizeof(struct gov_action),
        .sql_insert =
                "INSERT INTO action (partnership_id, body_id, meeting_id, "
                "item_id, number, key, raised_on, details, due_date, "
                "due_meeting_id, status, closed_on) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        .sql_update = "UPDATE action SET partnership_id = ?, body_id = ?, "
                      "meeting_id = ?, item_id = ?, number = ?, key = ?, "
                      "raised_on = ?, details = ?, due_date = ?, "
                      "due_meeting_id = ?, status = ?, closed_on = ?, "
                      "version = version + 1 "
                      "WHERE id = ? AND version = COALESCE(?, version) "
                      "RETURNING version",
        .sql_get = "SELECT " ACTION_COLUMNS " FROM action a WHERE a.id = ?",
        /* An update added to an action changes the action. */
        .sql_bump = "UPDATE action SET version = version + 1 WHERE id = ?1 "
                    "AND version = COALESCE(?2, version) RETURNING version",
};

static const struct record_field update_fields[] = {
        RECORD_FIELD(struct gov_action_update, id, RECORD_ID),
        RECORD_FIELD(struct gov_action_update, action_id, RECORD_ID),
        RECORD_FIELD(struct gov_action_update, on_date, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_update, meeting_id, RECORD_ID),
        RECORD_FIELD(struct gov_action_update, kind, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_update, text, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_update, status, RECORD_TEXT),
};

static const struct record_kind update_kind = {
        .entity = "action_update",
        .label = "action update",
        .fields = update_fields,
        .nfields = sizeof update_fields / sizeof update_fields[0],
        .size = sizeof(struct gov_action_update),
        .sql_insert = "INSERT INTO action_update (action_id, on_date, "
                      "meeting_id, kind, text, status) "
                      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        .sql_update = "UPDATE action_update SET action_id = ?, on_date = ?, "
                      "meeting_id = ?, kind = ?, text = ?, status = ? "
                      "WHERE id = ?",
        .sql_get = "SELECT id, action_id, on_date, meeting_id, kind, text, "
                   "status FROM action_update WHERE id = ?",
};

/* The stored owner row, for insert and update (with audit). */
struct owner_row {
	int64_t id;
	int64_t action_id;
	int64_t person_id;
	int64_t organisation_id;
	bool all_members;
	int64_t added_by;
	int64_t removed_by;
};

static const struct record_field owner_row_fields[] = {
        RECORD_FIELD(struct owner_row, id, RECORD_ID),
        RECORD_FIELD(struct owner_row, action_id, RECORD_ID),
        RECORD_FIELD(struct owner_row, person_id, RECORD_ID),
        RECORD_FIELD(struct owner_row, organisation_id, RECORD_ID),
        RECORD_FIELD(struct owner_row, all_members, RECORD_BOOL),
        RECORD_FIELD(struct owner_row, added_by, RECORD_ID),
        RECORD_FIELD(struct owner_row, removed_by, RECORD_ID),
};

static const struct record_kind owner_row_kind = {
        .entity = "action_owner",
        .label = "action owner",
        .fields = owner_row_fields,
        .nfields = sizeof owner_row_fields / sizeof owner_row_fields[0],
        .size = sizeof(struct owner_row),
        .sql_insert = "INSERT INTO action_owner (action_id, person_id, "
                      "organisation_id, all_members, added_by, removed_by) "
                      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        .sql_update = "UPDATE action_owner SET action_id = ?, person_id = ?, "
                      "organisation_id = ?, all_members = ?, added_by = ?, "
                      "removed_by = ? WHERE id = ?",
        .sql_get = "SELECT id, action_id, person_id, organisation_id, "
                   "all_members, added_by, removed_by FROM action_owner "
                   "WHERE id = ?",
};

/* An owner with names and the dates it was added and removed. */
#define OWNER_SELECT                                                  \
	"SELECT o.id, o.action_id, o.person_id, o.organisation_id, "  \
	"o.all_members, o.added_by, o.removed_by, "                   \
	"COALESCE(p.name, org.name, 'All members'), COALESCE(p.key, " \
	"org.key), "                                                  \
	"ua.on_date, ur.on_date FROM action_owner o "                 \
	"LEFT JOIN person p ON p.id = o.person_id "                   \
	"LEFT JOIN organisation org ON org.id = o.organisation_id "   \
	"LEFT JOIN action_update ua ON ua.id = o.added_by "           \
	"LEFT JOIN action_update ur ON ur.id = o.removed_by "

static const struct record_field owner_fields[] = {
        RECORD_FIELD(struct gov_action_owner, id, RECORD_ID),
        RECORD_FIELD(struct gov_action_owner, action_id, RECORD_ID),
        RECORD_FIELD(struct gov_action_owner, person_id, RECORD_ID),
        RECORD_FIELD(struct gov_action_owner, organisation_id, RECORD_ID),
        RECORD_FIELD(struct gov_action_owner, all_members, RECORD_BOOL),
        RECORD_FIELD(struct gov_action_owner, added_by, RECORD_ID),
        RECORD_FIELD(struct gov_action_owner, removed_by, RECORD_ID),
        RECORD_FIELD(struct gov_action_owner, name, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_owner, key, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_owner, added_on, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_owner, removed_on, RECORD_TEXT),
};

static const struct record_kind owner_kind = {
        .entity = "action_owner",
        .label = "action owner",
        .fields = owner_fields,
        .nfields = sizeof owner_fields / sizeof owner_fields[0],
        .size = sizeof(struct gov_action_owner),
};

/* The action by ?1 (id) or ?2 (reference), if the viewer may see it. */
static const char SQL_ACTION_SEEN[] =
        "SELECT " ACTION_COLUMNS " FROM action a "
        "LEFT JOIN item it ON it.id = a.item_id "
        "LEFT JOIN meeting m ON m.id = a.meeting_id "
        "WHERE (a.id = ?1 OR a.key = ?2) AND a.partnership_id = ?91 "
        "AND " GOV_SQL_SEES_ACTION("a", "it", "m");
static const char SQL_ACTION_ALL[] =
        "SELECT " ACTION_COLUMNS " FROM action a WHERE a.partnership_id = ? "
        "ORDER BY a.id";
static const char SQL_ACTION_KEY_USED[] =
        "SELECT 1 FROM action WHERE partnership_id = ? AND key = ?";
static const char SQL_ACTION_NUMBER_AT_MEETING[] =
        "SELECT key FROM action WHERE meeting_id = ? AND number = ?";
static const char SQL_ACTION_NUMBER_ALONE[] =
        "SELECT key FROM action WHERE body_id = ? AND meeting_id IS NULL "
        "AND number = ?";
static const char SQL_ACTION_NEXT_AT_MEETING[] =
        "SELECT COALESCE(MAX(number), 0) + 1 FROM action WHERE meeting_id = ?";
static const char SQL_ACTION_NEXT_ALONE[] =
        "SELECT COALESCE(MAX(number), 0) + 1 FROM action WHERE body_id = ? "
        "AND meeting_id IS NULL";
static const char SQL_ACTION_UPDATES[] =
        "SELECT id, action_id, on_date, meeting_id, kind, text, status "
        "FROM action_update WHERE action_id = ? ORDER BY on_date, id";
static const char SQL_ACTION_LAST_UPDATE[] =
        "SELECT on_date FROM action_update WHERE action_id = ? "
        "ORDER BY on_date DESC, id DESC LIMIT 1";
static const char SQL_ACTION_OWNERS[] =
        OWNER_SELECT "WHERE o.action_id = ? ORDER BY o.id";
static const char SQL_PERSON_IN[] =
        "SELECT 1 FROM person WHERE id = ? AND partnership_id = ?";
static const char SQL_ORGANISATION_IN[] =
        "SELECT 1 FROM organisation WHERE id = ? AND partnership_id = ?";

/* Runs a query of one integer (or text) parameter for one integer. */
static enum masa_err query_int(struct gov *g, const char *sql, int64_t param,
                               int64_t *out, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, sql, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, param);
	rc = store_step(st, &row, err);
	*out = rc == MASA_OK && row ? store_column_int(st, 0) : 0;
	store_done(st);
	return rc;
}

/* The key of the action already using number, or NULL (in a). */
static enum masa_err number_used(struct gov *g, const struct gov_action *act,
                                 struct arena *a, char **key,
                                 struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	rc = store_prepare(g->store,
	                   act->meeting_id ? SQL_ACTION_NUMBER_AT_MEETING
	                                   : SQL_ACTION_NUMBER_ALONE,
	                   &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, act->meeting_id ? act->meeting_id : act->body_id);
	store_bind_int(st, 2, act->number);
	rc = store_step(st, &row, err);
	*key = rc == MASA_OK && row ? arena_strdup(a, store_column_text(st, 0))
	                            : NULL;
	store_done(st);
	return rc;
}

static bool action_key_valid(const char *key)
{
	size_t n = key ? strlen(key) : 0;

	if (n == 0 || n > 100 || strchr(key, '/') == NULL)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = key[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		      c == '&' || c == '/'))
			return false;
	}
	return true;
}

/* Checks owners: one kind each, in the partnership, no duplicates. */
static enum masa_err owners_check(struct gov *g, int64_t partnership_id,
                                  const struct gov_owner_ref *owners, size_t n,
                                  const char *field, struct masa_error *err)
{
	for (size_t i = 0; i < n; i++) {
		const struct gov_owner_ref *o = &owners[i];
		int kinds = (o->person_id != 0) + (o->organisation_id != 0) +
		            (o->all_members ? 1 : 0);
		enum masa_err rc;

		if (kinds != 1)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "%s[%zu]: an owner is one person, "
			        "one organisation or all members",
			        field, i);
		if (o->person_id &&
		    (rc = record_check_ref(g, SQL_PERSON_IN, o->person_id,
		                           partnership_id, true, field,
		                           "person", err)))
			return rc;
		if (o->organisation_id &&
		    (rc = record_check_ref(g, SQL_ORGANISATION_IN,
		                           o->organisation_id, partnership_id,
		                           true, field, "organisation", err)))
			return rc;
		for (size_t k = 0; k < i; k++)
			if (owners[k].person_id == o->person_id &&
			    owners[k].organisation_id == o->organisation_id &&
			    owners[k].all_members == o->all_members)
				return masa_error_set(
				        err, MASA_ERR_INVALID,
				        "%s[%zu]: the same owner is "
				        "given twice",
				        field, i);
	}
	return MASA_OK;
}

static enum masa_err insert_owner(struct gov *g, int64_t action_id,
                                  const struct gov_owner_ref *o,
                                  int64_t added_by, struct masa_error *err)
{
	struct owner_row row = {
	        .action_id = action_id,
	        .person_id = o->person_id,
	        .organisation_id = o->organisation_id,
	        .all_members = o->all_members,
	        .added_by = added_by,
	};

	return record_insert(g, &owner_row_kind, &row, err);
}

/* Validates a against its body, meeting and item; fills what was left out. */
static enum masa_err raise_check(struct gov *g, struct gov_action *act,
                                 struct arena *a, struct masa_error *err)
{
	struct gov_body body;
	struct gov_meeting m = {0};
	enum masa_err rc;

	if (act->body_id == 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "action body: required");
	if ((rc = gov_body_get(g, act->body_id, a, &body, err))) {
		masa_error_prefix(err, "action body");
		return rc;
	}
	act->partnership_id = body.partnership_id;
	if (act->item_id != 0) {
		struct gov_item it;
		struct gov_meeting im;
		struct gov_viewer masa;

		gov_viewer_system(&masa, body.partnership_id);
		if ((rc = gov_item_get(g, &masa, act->item_id, a, &it, err)) ||
		    (rc = gov_meeting_get(g, it.meeting_id, a, &im, err))) {
			masa_error_prefix(err, "action item");
			return rc;
		}
		if (act->meeting_id == 0)
			act->meeting_id = it.meeting_id;
		if (it.meeting_id != act->meeting_id)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "action item: item %s is at %s, not "
			        "at the meeting that raised the "
			        "action",
			        it.number, im.key);
		if (im.body_id != act->body_id)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "action item: item %s is at %s, a "
			        "meeting of another body than %s",
			        it.number, im.key, body.short_name);
	}
	if (act->meeting_id != 0) {
		if ((rc = gov_meeting_get(g, act->meeting_id, a, &m, err))) {
			masa_error_prefix(err, "action meeting");
			return rc;
		}
		if (m.body_id != act->body_id)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "action meeting: %s is not a meeting "
			        "of %s",
			        m.key, body.short_name);
		if (act->raised_on == NULL)
			act->raised_on = m.date;
		else if (strcmp(act->raised_on, m.date) != 0)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "Date the action was raised: %s is "
			        "not the date of %s (%s)",
			        act->raised_on, m.key, m.date);
	}
	if ((rc = check_date("Date the action was raised", act->raised_on,
	                     false, err)) ||
	    (rc = check_date("Due date", act->due_date, true, err)) ||
	    (rc = check_optional_text("What the action is", act->details, err)))
		return rc;
	if (text_is_blank(act->details))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "What the action is: required");
	if (act->due_date && strcmp(act->due_date, act->raised_on) < 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Due date: %s is before the day it was "
		                      "raised (%s)",
		                      act->due_date, act->raised_on);
	if (act->due_meeting_id != 0) {
		struct gov_meeting due;
		if ((rc = gov_meeting_get(g, act->due_meeting_id, a, &due,
		                          err))) {
			masa_error_prefix(err, "Meeting it is due by");
			return rc;
		}
		if (due.body_id != act->body_id)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "Meeting it is due by: %s is not "
			                      "a meeting of %s",
			                      due.key, body.short_name);
		if (strcmp(due.date, act->raised_on) < 0)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "Meeting it is due by: %s is "
			        "before the day it was raised (%s)",
			        due.key, act->raised_on);
		if (act->due_date != NULL)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "action: give a due date or a due "
			        "meeting, not both");
	}
	if (act->number < 0 || act->number > 100000)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "action number: %lld is not between 1 and "
		        "100000",
		        (long long)act->number);
	if (act->number == 0) {
		rc = act->meeting_id
		             ? query_int(g, SQL_ACTION_NEXT_AT_MEETING,
		                         act->meeting_id, &act->number, err)
		             : query_int(g, SQL_ACTION_NEXT_ALONE, act->body_id,
		                         &act->number, err);
		if (rc != MASA_OK)
			return rc;
	} else {
		char *other;
		if ((rc = number_used(g, act, a, &other, err)))
			return rc;
		if (other != NULL)
			return masa_error_set(err, MASA_ERR_CONFLICT,
			                      "action number: %lld is already "
			                      "used by %s",
			                      (long long)act->number, other);
	}
	if (act->key == NULL)
		act->key =
		        act->meeting_id
		                ? arena_printf(a, "%s/%lld", m.key,
		                               (long long)act->number)
		                : arena_printf(a, "%s/A%lld", body.short_name,
		                               (long long)act->number);
	if (!action_key_valid(act->key))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "action id: \"%.60s\" must look like "
		                      "BODY/YYYY-MM-DD/N or BODY/AN",
		                      act->key);
	{
		struct store_stmt *st;
		bool used;
		rc = store_prepare(g->store, SQL_ACTION_KEY_USED, &st, err);
		if (rc != MASA_OK)
			return rc;
		store_bind_int(st, 1, act->partnership_id);
		store_bind_text(st, 2, act->key);
		rc = store_step(st, &used, err);
		store_done(st);
		if (rc == MASA_OK && used)
			rc = masa_error_set(err, MASA_ERR_CONFLICT,
			                    "action id: \"%s\" is already used",
			                    act->key);
	}
	return rc;
}

enum masa_err gov_action_raise(struct gov *g, struct gov_action *act,
                               const struct gov_owner_ref *owners,
                               size_t nowners, struct arena *a,
                               struct masa_error *err)
{
	enum masa_err rc;

	act->id = 0;
	act->status = "open";
	rc = raise_check(g, act, a, err);
	if (rc == MASA_OK && nowners == 0)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "action owners: at least one is needed");
	if (rc == MASA_OK)
		rc = owners_check(g, act->partnership_id, owners, nowners,
		                  "action owners", err);
	if (rc == MASA_OK)
		rc = gov_begin(g, err);
	if (rc != MASA_OK)
		return rc;
	rc = record_insert(g, &action_kind, act, err);
	for (size_t i = 0; rc == MASA_OK && i < nowners; i++)
		rc = insert_owner(g, act->id, &owners[i], 0, err);
	rc = gov_end(g, rc, err);
	if (rc != MASA_OK)
		act->id = 0;
	return rc;
}

/*
 * An update records what has happened: refuses a date after today (an
 * action's status and owners on a later day would change under a log
 * printed as at today).
 */
static enum masa_err not_after_today(const char *field, const char *date,
                                     struct masa_error *err)
{
	char today[DATE_TEXT_SIZE];
	enum masa_err rc = check_date(field, date, false, err);

	date_format(date_today(), today);
	if (rc == MASA_OK && strcmp(date, today) > 0)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "%s: %s is after today (%s); an update "
		                    "records what has happened, so date it "
		                    "today or earlier",
		                    field, date, today);
	return rc;
}

static bool same_owner(const struct gov_action_owner *o,
                       const struct gov_owner_ref *r)
{
	return o->person_id == r->person_id &&
	       o->organisation_id == r->organisation_id &&
	       o->all_members == r->all_members;
}

static const char *owner_words(struct arena *a, const struct gov_owner_ref *r)
{
	if (r->all_members)
		return "all members";
	if (r->person_id)
		return arena_printf(a, "person %lld", (long long)r->person_id);
	return arena_printf(a, "organisation %lld",
	                    (long long)r->organisation_id);
}

/* gov_action_update's checks and writes (its own transaction nests in
 * the caller's, which the checks run in). */
static enum masa_err action_update(struct gov *g, struct gov_action_update *u,
                                   const struct gov_owner_ref *added,
                                   size_t nadded,
                                   const struct gov_owner_ref *removed,
                                   size_t nremoved, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_action act;
	struct gov_action_owner *owners;
	size_t nowners, current = 0;
	char *date_in = u->on_date, *kind_in = u->kind;
	int64_t last_update = 0;
	enum masa_err rc;

	u->id = 0;
	rc = record_get(g, &action_kind, u->action_id, &a, &act, err);
	/* A stale version first: the editor's view of the action is what
	 * the rest would be judged against. */
	if (rc == MASA_OK)
		rc = record_version_check(&action_kind, act.version,
		                          u->action_version, err);
	if (rc != MASA_OK)
		goto out;
	if (u->meeting_id != 0) {
		struct gov_meeting m;
		if ((rc = gov_meeting_get(g, u->meeting_id, &a, &m, err))) {
			masa_error_prefix(err, "update meeting");
			goto out;
		}
		if (m.partnership_id != act.partnership_id) {
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "update meeting: %s is in another "
			                    "partnership",
			                    m.key);
			goto out;
		}
		if (u->on_date == NULL)
			u->on_date = m.date;
		else if (strcmp(u->on_date, m.date) != 0) {
			rc = masa_error_set(
			        err, MASA_ERR_INVALID,
			        "update date: %s is not the date of "
			        "%s (%s)",
			        u->on_date, m.key, m.date);
			goto out;
		}
	}
	if (u->kind == NULL)
		u->kind = "update";
	if ((rc = check_date("update date", u->on_date, false, err)) ||
	    (rc = check_enum("update kind", u->kind, update_kinds, false,
	                     err)) ||
	    (rc = check_enum("update status", u->status, gov_action_statuses,
	                     true, err)) ||
	    (rc = check_optional_text("update text", u->text, err)))
		goto out;
	if ((rc = not_after_today("update date", u->on_date, err)))
		goto out;
	if (strcmp(u->on_date, act.raised_on) < 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "update date: %s is before %s was raised "
		                    "(%s)",
		                    u->on_date, act.key, act.raised_on);
		goto out;
	}
	{
		struct store_stmt *st;
		bool row;
		rc = store_prepare(g->store, SQL_ACTION_LAST_UPDATE, &st, err);
		if (rc != MASA_OK)
			goto out;
		store_bind_int(st, 1, act.id);
		rc = store_step(st, &row, err);
		if (rc == MASA_OK && row &&
		    strcmp(u->on_date, store_column_text(st, 0)) < 0)
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "update date: %s is before the "
			                    "previous update of %s (%s)",
			                    u->on_date, act.key,
			                    store_column_text(st, 0));
		store_done(st);
		if (rc != MASA_OK)
			goto out;
	}
	if (u->status && gov_action_status_done(u->status) &&
	    strcmp(u->status, act.status) == 0) {
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "update status: %s is already %s", act.key,
		                    act.status);
		goto out;
	}
	if (text_is_blank(u->text) && u->status == NULL && nadded == 0 &&
	    nremoved == 0 && strcmp(u->kind, "carried_forward") != 0) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "Update: give text, a status or a change of "
		        "owner");
		goto out;
	}
	if ((rc = owners_check(g, act.partnership_id, added, nadded,
	                       "owners_added", err)) ||
	    (rc = owners_check(g, act.partnership_id, removed, nremoved,
	                       "owners_removed", err)))
		goto out;
	/* Most updates change no owner: only then are the owners read. */
	owners = NULL;
	nowners = 0;
	if ((nadded > 0 || nremoved > 0) &&
	    (rc = gov_action_owners(g, act.id, &a, &owners, &nowners, err)))
		goto out;
	for (size_t k = 0; k < nowners; k++)
		current += owners[k].removed_by == 0;
	for (size_t i = 0; i < nremoved; i++) {
		bool found = false;
		for (size_t k = 0; k < nowners && !found; k++)
			found = owners[k].removed_by == 0 &&
			        same_owner(&owners[k], &removed[i]);
		if (!found) {
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "owners_removed[%zu]: %s is not an "
			                    "owner of %s",
			                    i, owner_words(&a, &removed[i]),
			                    act.key);
			goto out;
		}
	}
	for (size_t i = 0; i < nadded; i++) {
		bool still = false;
		for (size_t k = 0; k < nowners && !still; k++)
			still = owners[k].removed_by == 0 &&
			        same_owner(&owners[k], &added[i]);
		for (size_t r = 0; r < nremoved && still; r++)
			if (removed[r].person_id == added[i].person_id &&
			    removed[r].organisation_id ==
			            added[i].organisation_id &&
			    removed[r].all_members == added[i].all_members)
				still = false;
		if (still) {
			rc = masa_error_set(
			        err, MASA_ERR_INVALID,
			        "owners_added[%zu]: %s is already an "
			        "owner of %s",
			        i, owner_words(&a, &added[i]), act.key);
			goto out;
		}
	}
	if ((nadded > 0 || nremoved > 0) && current - nremoved + nadded == 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "Owners: %s would be left with no owner",
		                    act.key);
		goto out;
	}
	if ((rc = gov_begin(g, err)))
		goto out;
	rc = record_insert(g, &update_kind, u, err);
	last_update = u->id;
	for (size_t i = 0; rc == MASA_OK && i < nremoved; i++)
		for (size_t k = 0; rc == MASA_OK && k < nowners; k++)
			if (owners[k].removed_by == 0 &&
			    same_owner(&owners[k], &removed[i])) {
				struct owner_row row = {
				        .id = owners[k].id,
				        .action_id = act.id,
				        .person_id = owners[k].person_id,
				        .organisation_id =
				                owners[k].organisation_id,
				        .all_members = owners[k].all_members,
				        .added_by = owners[k].added_by,
				        .removed_by = last_update,
				};
				rc = record_update(g, &owner_row_kind, &row,
				                   err);
			}
	for (size_t i = 0; rc == MASA_OK && i < nadded; i++)
		rc = insert_owner(g, act.id, &added[i], last_update, err);
	/* Either way the action's version goes up by one, if it is still
	 * the one the editor saw (checked in the same UPDATE). */
	if (rc == MASA_OK && u->status != NULL &&
	    strcmp(u->status, act.status) != 0) {
		act.status = u->status;
		act.closed_on =
		        gov_action_status_done(u->status) ? u->on_date : NULL;
		act.version = u->action_version;
		rc = record_update(g, &action_kind, &act, err);
	} else if (rc == MASA_OK) {
		rc = record_bump(g, &action_kind, act.id, u->action_version,
		                 NULL, err);
	}
	rc = gov_end(g, rc, err);
	if (rc != MASA_OK)
		u->id = 0;
out:
	if (u->on_date != date_in)
		u->on_date = date_in; /* it lived in a */
	if (u->kind != kind_in && rc != MASA_OK)
		u->kind = kind_in;
	arena_free(&a);
	return rc;
}

/*
 * The checks (finished already, dated before the last update, left with no
 * owner...) read in the write transaction, which takes the write lock at
 * its start: two updates at once cannot both pass them.
 */
enum masa_err gov_action_update(struct gov *g, struct gov_action_update *u,
                                const struct gov_owner_ref *added,
                                size_t nadded,
                                const struct gov_owner_ref *removed,
                                size_t nremoved, struct masa_error *err)
{
	enum masa_err rc = gov_begin(g, err);

	if (rc != MASA_OK) {
		u->id = 0;
		return rc;
	}
	rc = action_update(g, u, added, nadded, removed, nremoved, err);
	return gov_end(g, rc, err);
}

/* The action id or key that v may see; NOT_FOUND as for none at all. */
static enum masa_err action_seen(struct gov *g, const struct gov_viewer *v,
                                 int64_t id, const char *key, struct arena *a,
                                 struct gov_action *out, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, SQL_ACTION_SEEN, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, key ? key : "");
	gov_viewer_bind(st, v);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = key ? masa_error_set(err, MASA_ERR_NOT_FOUND,
		                          "no action \"%.80s\"", key)
		         : masa_error_set(err, MASA_ERR_NOT_FOUND,
		                          "no action with id %lld",
		                          (long long)id);
	if (rc == MASA_OK)
		record_read_row(st, &action_kind, a, out);
	store_done(st);
	return rc;
}

enum masa_err gov_action_get(struct gov *g, const struct gov_viewer *v,
                             int64_t id, struct arena *a,
                             struct gov_action *out, struct masa_error *err)
{
	return action_seen(g, v, id, NULL, a, out, err);
}

enum masa_err gov_action_find(struct gov *g, const struct gov_viewer *v,
                              const char *key, struct arena *a,
                              struct gov_action *out, struct masa_error *err)
{
	return action_seen(g, v, 0, key, a, out, err);
}

enum masa_err gov_action_list_all(struct gov *g, int64_t partnership_id,
                                  struct arena *a, struct gov_action **out,
                                  size_t *n, struct masa_error *err)
{
	void *items;
	enum masa_err rc = record_list(g, &action_kind, SQL_ACTION_ALL,
	                               partnership_id, a, &items, n, err);

	*out = items;
	return rc;
}

enum masa_err gov_action_updates(struct gov *g, int64_t action_id,
                                 struct arena *a,
                                 struct gov_action_update **out, size_t *n,
                                 struct masa_error *err)
{
	void *items;
	enum masa_err rc = record_list(g, &update_kind, SQL_ACTION_UPDATES,
	                               action_id, a, &items, n, err);

	*out = items;
	return rc;
}

enum masa_err gov_action_owners(struct gov *g, int64_t action_id,
                                struct arena *a, struct gov_action_owner **out,
                                size_t *n, struct masa_error *err)
{
	void *items;
	enum masa_err rc = record_list(g, &owner_kind, SQL_ACTION_OWNERS,
	                               action_id, a, &items, n, err);

	*out = items;
	return rc;
}

static const char SQL_MEETING_DATE[] = "SELECT date FROM meeting WHERE id = ?";

enum masa_err gov_action_due(struct gov *g, const struct gov_action *act,
                             struct arena *a, char **out,
                             struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	*out = arena_strdup(a, act->due_date);
	if (act->due_meeting_id == 0)
		return MASA_OK;
	rc = store_prepare(g->store, SQL_MEETING_DATE, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, act->due_meeting_id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		*out = arena_strdup(a, store_column_text(st, 0));
	store_done(st);
	return rc;
}

/* carrying forward */

/* clang-format off */
static const char SQL_ACTIONS_TO_CARRY[] =
	"SELECT a.id FROM action a JOIN meeting m ON m.id = ? "
	"WHERE a.body_id = m.body_id AND " GOV_SQL_STATUS_OPEN("a.status") " "
	"AND a.raised_on < m.date "
	"AND NOT EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = "
	"a.id AND (u.meeting_id = m.id OR u.on_date > m.date)) ORDER BY a.id";
/* clang-format on */

enum masa_err gov_action_carry_forward(struct gov *g, int64_t meeting_id,
                                       size_t *count, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_meeting m;
	struct store_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	bool row;
	enum masa_err rc;

	if (count != NULL)
		*count = 0;
	rc = gov_meeting_get(g, meeting_id, &a, &m, err);
	if (rc != MASA_OK)
		goto out;
	rc = store_prepare(g->store, SQL_ACTIONS_TO_CARRY, &st, err);
	if (rc != MASA_OK)
		goto out;
	store_bind_int(st, 1, meeting_id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			ids = xrealloc(ids, cap * sizeof *ids);
		}
		ids[n++] = store_column_int(st, 0);
	}
	store_done(st);
	if (rc != MASA_OK)
		goto out;
	rc = gov_begin(g, err);
	if (rc != MASA_OK)
		goto out;
	for (size_t i = 0; i < n && rc == MASA_OK; i++) {
		struct gov_action_update u = {
		        .action_id = ids[i],
		        .meeting_id = meeting_id,
		        .kind = "carried_forward",
		        .text = arena_printf(
		                &a,
		                "Still open at %s: carried forward "
		                "to the next meeting",
		                m.key),
		};
		rc = gov_action_update(g, &u, NULL, 0, NULL, 0, err);
	}
	rc = gov_end(g, rc, err);
	if (rc == MASA_OK && count != NULL)
		*count = n;
out:
	free(ids);
	arena_free(&a);
	return rc;
}

/* reports */

static const struct record_field entry_fields[] = {
        RECORD_FIELD(struct gov_action_entry, action.id, RECORD_ID),
        RECORD_FIELD(struct gov_action_entry, action.partnership_id, RECORD_ID),
        RECORD_FIELD(struct gov_action_entry, action.body_id, RECORD_ID),
        RECORD_FIELD(struct gov_action_entry, action.meeting_id, RECORD_ID),
        RECORD_FIELD(struct gov_action_entry, action.item_id, RECORD_ID),
        RECORD_FIELD(struct gov_action_entry, action.number, RECORD_INT),
        RECORD_FIELD(struct gov_action_entry, action.key, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_entry, action.raised_on, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_entry, action.details, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_entry, action.due_date, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_entry, action.due_meeting_id, RECORD_ID),
        RECORD_FIELD(struct gov_action_entry, action.status, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_entry, action.closed_on, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_entry, action.version, RECORD_INT),
        RECORD_FIELD(struct gov_action_entry, meeting_key, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_entry, due, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_entry, status_as_at, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_entry, body_short_name, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_entry, item_number, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_entry, item_title, RECORD_TEXT),
        RECORD_FIELD(struct gov_action_entry, confidential, RECORD_BOOL),
};

static const struct record_kind entry_kind = {
        .entity = "action",
        .label = "action",
        .fields = entry_fields,
        .nfields = sizeof entry_fields / sizeof entry_fields[0],
        .size = sizeof(struct gov_action_entry),
};

_Static_assert(sizeof entry_fields / sizeof entry_fields[0] ==
                       GOV_ACTION_ENTRY_COLUMNS,
               "GOV_ACTION_ENTRY_SELECT reads every field of an entry");

void gov_action_entry_row(struct store_stmt *st, struct arena *a,
                          struct gov_action_entry *out)
{
	memset(out, 0, sizeof *out);
	record_read_row(st, &entry_kind, a, out);
}

/* Entries with their status on ?1, the viewer bound. */
#define ENTRY_SELECT(status_on) GOV_ACTION_ENTRY_SELECT(status_on, "")
#define STATUS_ON(d)            GOV_SQL_ACTION_STATUS_ON("a", d)
/* The action is one v may see, in v's partnership. */
#define SEEN "a.partnership_id = ?91 AND " GOV_SQL_SEES_ACTION("a", "it", "m")

static const char SQL_BODY_MEETING_ON[] =
        "SELECT key FROM meeting WHERE body_id = ? AND date = ? "
        "ORDER BY id LIMIT 1";

/* 64 placeholders, for reading the history of a page of actions at once. */
#define P8  "?, ?, ?, ?, ?, ?, ?, ?"
#define P64 P8 ", " P8 ", " P8 ", " P8 ", " P8 ", " P8 ", " P8 ", " P8
enum { HISTORY_CHUNK = 64 };
static const char SQL_OWNERS_OF_64[] =
        OWNER_SELECT "WHERE o.action_id IN (" P64 ") ORDER BY o.action_id, "
                     "o.id";
static const char SQL_UPDATES_OF_64[] =
        "SELECT id, action_id, on_date, meeting_id, kind, text, status "
        "FROM action_update WHERE action_id IN (" P64 ") "
        "ORDER BY action_id, on_date, id";

/*
 * The first of the n records at base (each size bytes, sorted by the
 * action id at offset) of action id, or n: owners and updates alike.
 */
static size_t first_of(const void *base, size_t n, size_t size, size_t offset,
                       int64_t id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t at;
		memcpy(&at, (const char *)base + mid * size + offset,
		       sizeof at);
		if (at < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Reads the owners and updates of e[start..end) (pass 0, 1) into *items. */
static enum masa_err history_of(struct gov *g,
                                struct gov_action_entry *const *e, size_t start,
                                size_t end, int pass, struct arena *a,
                                void **items, size_t *n, struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc;

	rc = store_prepare(g->store,
	                   pass ? SQL_UPDATES_OF_64 : SQL_OWNERS_OF_64, &st,
	                   err);
	if (rc != MASA_OK)
		return rc;
	for (size_t i = 0; i < HISTORY_CHUNK; i++)
		store_bind_int(st, (int)i + 1,
		               start + i < end ? e[start + i]->action.id : 0);
	return record_collect(st, pass ? &update_kind : &owner_kind, a, items,
	                      n, err);
}

enum masa_err gov_action_entries_history(struct gov *g,
                                         struct gov_action_entry *const *e,
                                         size_t n, const char *date,
                                         struct arena *a,
                                         struct masa_error *err)
{
	for (size_t start = 0; start < n; start += HISTORY_CHUNK) {
		size_t end =
		        start + HISTORY_CHUNK < n ? start + HISTORY_CHUNK : n;
		struct gov_action_owner *owners;
		struct gov_action_update *updates;
		void *items;
		size_t nowners, nupdates;
		enum masa_err rc;

		if ((rc = history_of(g, e, start, end, 0, a, &items, &nowners,
		                     err)))
			return rc;
		owners = items;
		if ((rc = history_of(g, e, start, end, 1, a, &items, &nupdates,
		                     err)))
			return rc;
		updates = items;
		for (size_t i = start; i < end; i++) {
			struct gov_action_entry *x = e[i];
			int64_t id = x->action.id;
			size_t o = first_of(
			        owners, nowners, sizeof *owners,
			        offsetof(struct gov_action_owner, action_id),
			        id);
			size_t u = first_of(
			        updates, nupdates, sizeof *updates,
			        offsetof(struct gov_action_update, action_id),
			        id);
			size_t k = 0;

			x->history = owners + o;
			x->nhistory = 0;
			while (o + x->nhistory < nowners &&
			       owners[o + x->nhistory].action_id == id)
				x->nhistory++;
			x->owners = arena_alloc(a, (x->nhistory + 1) *
			                                   sizeof *x->owners);
			for (size_t j = 0; j < x->nhistory; j++)
				if (gov_action_owner_on(&x->history[j], date))
					x->owners[k++] = x->history[j];
			x->nowners = k;
			/* Oldest first: those up to the date come first. */
			x->updates = updates + u;
			x->nupdates = 0;
			while (u + x->nupdates < nupdates &&
			       updates[u + x->nupdates].action_id == id &&
			       strcmp(updates[u + x->nupdates].on_date, date) <=
			               0)
				x->nupdates++;
		}
	}
	return MASA_OK;
}

static const char SQL_ENTRY_ONE[] =
        ENTRY_SELECT(STATUS_ON("?1")) "WHERE a.id = ?2 AND " SEEN;

enum masa_err gov_action_entry_read(struct gov *g, const struct gov_viewer *v,
                                    int64_t action_id, const char *date,
                                    struct arena *a,
                                    struct gov_action_entry *out,
                                    struct masa_error *err)
{
	char today[DATE_TEXT_SIZE];
	const char *as_at = date ? date : "9999-12-31";
	struct gov_action_entry *one = out;
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	memset(out, 0, sizeof *out);
	if (date != NULL && (rc = check_date("as-at date", date, false, err)))
		return rc;
	rc = store_prepare(g->store, SQL_ENTRY_ONE, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_text(st, 1, as_at);
	store_bind_int(st, 2, action_id);
	gov_viewer_bind(st, v);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "no action with id %lld",
		                    (long long)action_id);
	if (rc == MASA_OK)
		gov_action_entry_row(st, a, out);
	store_done(st);
	if (rc == MASA_OK)
		rc = gov_action_entries_history(g, &one, 1, as_at, a, err);
	if (rc != MASA_OK)
		return rc;
	date_format(date_today(), today);
	out->days_overdue = gov_action_days_overdue(out->due, out->status_as_at,
	                                            date ? date : today);
	return MASA_OK;
}

enum masa_err gov_action_log_as_at(struct gov *g, const struct gov_viewer *v,
                                   int64_t body_id, const char *date,
                                   struct arena *a, struct gov_action_log *out,
                                   struct masa_error *err)
{
	struct gov_log_filter f = {
	        .body_id = body_id, .on = date, .show = GOV_LOG_BOARD};
	struct gov_log_row *rows;
	struct store_stmt *st;
	size_t n, total;
	bool row;
	enum masa_err rc;

	memset(out, 0, sizeof *out);
	if ((rc = gov_log_query(g, v, &f, a, &rows, &n, &total, err)))
		return rc;
	rc = store_prepare(g->store, SQL_BODY_MEETING_ON, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, body_id);
	store_bind_text(st, 2, date);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		out->meeting_key = arena_strdup(a, store_column_text(st, 0));
	store_done(st);
	if (rc != MASA_OK)
		return rc;
	out->raised = arena_alloc(a, (n + 1) * sizeof *out->raised);
	out->finished = arena_alloc(a, (n + 1) * sizeof *out->finished);
	out->ongoing = arena_alloc(a, (n + 1) * sizeof *out->ongoing);
	/* In the appendix's order already (gov_log_query). */
	for (size_t i = 0; i < n; i++) {
		switch (rows[i].part) {
		case GOV_LOG_RAISED:
			out->raised[out->nraised++] = rows[i].e;
			break;
		case GOV_LOG_FINISHED_ON:
			out->finished[out->nfinished++] = rows[i].e;
			break;
		case GOV_LOG_ONGOING:
			out->ongoing[out->nongoing++] = rows[i].e;
			break;
		case GOV_LOG_FINISHED_BEFORE:
			break;
		}
	}
	return MASA_OK;
}

/*
 * Actions not finished on ?2, with their status then (see
 * GOV_SQL_ACTION_MAYBE_OPEN_ON and GOV_SQL_ACTION_STATUS_ON).
 */
#define OPEN_ON GOV_SQL_ACTION_MAYBE_OPEN_ON("a", "?2")
/* Owner row o of action a ran on ?2. */
#define OWNED_ON "WHERE o.action_id = a.id AND " GOV_SQL_OWNER_ON("o", "?2") " "

/* clang-format off */
static const char SQL_OPEN_LIST[] =
	"SELECT * FROM (" ENTRY_SELECT(STATUS_ON("?2"))
	"WHERE " SEEN " AND " OPEN_ON " AND a.raised_on <= ?2 "
	"AND (?3 = 0 OR a.body_id = ?3) "
	"AND (?5 = 0 OR EXISTS (SELECT 1 FROM action_owner o " OWNED_ON
	"AND (o.person_id = ?5 OR (?6 = 1 AND o.all_members = 1 "
	"AND EXISTS (SELECT 1 FROM membership ms "
	"WHERE ms.body_id = a.body_id AND ms.person_id = ?5 "
	"AND COALESCE(ms.start_date, '0000-01-01') <= ?2 "
	"AND COALESCE(ms.end_date, '9999-12-31') >= ?2))))) "
	"AND (?7 = 0 OR EXISTS (SELECT 1 FROM action_owner o "
	"LEFT JOIN person p ON p.id = o.person_id " OWNED_ON
	"AND (o.organisation_id = ?7 OR p.organisation_id = ?7)))) e "
	"WHERE " GOV_SQL_STATUS_OPEN("status_on") " "
	"AND (?4 = 0 OR " GOV_SQL_ACTION_OVERDUE("due", "status_on", "?2") ") "
	"ORDER BY CASE WHEN due IS NULL THEN 1 ELSE 0 END, due, key";
/* clang-format on */

/*
 * The owners on ?2 of every action of the partnership that may have been
 * open then (see OPEN_ON), by action.
 */
/* clang-format off */
static const char SQL_OPEN_OWNERS[] =
	OWNER_SELECT "JOIN action a ON a.id = o.action_id "
	"WHERE a.partnership_id = ?1 AND " OPEN_ON " "
	"AND " GOV_SQL_OWNER_ON("o", "?2") " ORDER BY o.action_id, o.id";
/* clang-format on */

struct id_index {
	int64_t id;
	size_t at;
};

static int by_id(const void *x, const void *y)
{
	const struct id_index *a = x, *b = y;

	return a->id < b->id ? -1 : a->id > b->id;
}

/*
 * Gives each entry its owners on `on` with one query over the partnership's
 * open actions, not one query per entry.
 */
static enum masa_err
attach_current_owners(struct gov *g, int64_t partnership_id, const char *on,
                      struct gov_action_entry *entries, size_t n,
                      struct arena *a, struct masa_error *err)
{
	struct id_index *index;
	struct gov_action_owner *owners;
	size_t nowners;
	void *items;
	enum masa_err rc;

	if (n == 0)
		return MASA_OK;
	{
		struct store_stmt *st;
		rc = store_prepare(g->store, SQL_OPEN_OWNERS, &st, err);
		if (rc != MASA_OK)
			return rc;
		store_bind_int(st, 1, partnership_id);
		store_bind_text(st, 2, on);
		rc = record_collect(st, &owner_kind, a, &items, &nowners, err);
		if (rc != MASA_OK)
			return rc;
	}
	owners = items;
	index = xcalloc(n, sizeof *index);
	for (size_t i = 0; i < n; i++)
		index[i] = (struct id_index){entries[i].action.id, i};
	qsort(index, n, sizeof *index, by_id);
	for (size_t k = 0; k < nowners;) {
		size_t run = k;
		struct id_index key = {owners[k].action_id, 0}, *hit;

		while (run < nowners && owners[run].action_id == key.id)
			run++;
		hit = bsearch(&key, index, n, sizeof *index, by_id);
		if (hit != NULL) {
			entries[hit->at].owners = &owners[k];
			entries[hit->at].nowners = run - k;
		}
		k = run;
	}
	free(index);
	return MASA_OK;
}

enum masa_err gov_action_open_list(struct gov *g, const struct gov_viewer *v,
                                   const struct gov_action_filter *f,
                                   struct arena *a,
                                   struct gov_action_entry **out, size_t *n,
                                   struct masa_error *err)
{
	struct store_stmt *st;
	struct gov_action_entry *entries;
	void *items;
	enum masa_err rc;

	*out = NULL;
	*n = 0;
	if ((rc = check_date("date", f->on, false, err)))
		return rc;
	rc = store_prepare(g->store, SQL_OPEN_LIST, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_text(st, 2, f->on);
	store_bind_int(st, 3, f->body_id);
	store_bind_int(st, 4, f->overdue_only ? 1 : 0);
	store_bind_int(st, 5, f->person_id);
	store_bind_int(st, 6, f->include_all_members ? 1 : 0);
	store_bind_int(st, 7, f->organisation_id);
	gov_viewer_bind(st, v);
	rc = record_collect(st, &entry_kind, a, &items, n, err);
	if (rc != MASA_OK)
		return rc;
	entries = items;
	for (size_t i = 0; i < *n; i++)
		entries[i].days_overdue = gov_action_days_overdue(
		        entries[i].due, entries[i].status_as_at, f->on);
	rc = attach_current_owners(g, v->partnership_id, f->on, entries, *n, a,
	                           err);
	*out = entries;
	return rc;
}

/*
 * Owners on ?2 of the actions v may see that are open on ?2, with their
 * organisations.
 */
/* clang-format off */
static const char SQL_OPEN_BY_ORGANISATION[] =
	"SELECT COALESCE(o.organisation_id, p.organisation_id) AS org, a.id, "
	GOV_SQL_ACTION_DUE("a", "dm") ", " STATUS_ON("?2") " FROM action a "
	"JOIN action_owner o ON o.action_id = a.id "
	"LEFT JOIN person p ON p.id = o.person_id "
	"LEFT JOIN meeting dm ON dm.id = a.due_meeting_id "
	"LEFT JOIN meeting m ON m.id = a.meeting_id "
	"LEFT JOIN item it ON it.id = a.item_id "
	"WHERE " SEEN " AND " OPEN_ON " AND a.raised_on <= ?2 "
	"AND " GOV_SQL_OWNER_ON("o", "?2") " "
	"AND " GOV_SQL_STATUS_OPEN(STATUS_ON("?2")) " "
	"AND COALESCE(o.organisation_id, p.organisation_id) IS NOT NULL "
	"ORDER BY org, a.id";
/* clang-format on */
static const char SQL_ORGANISATION_NAMES[] =
        "SELECT key, name FROM organisation WHERE id = ?";

static int by_long(const void *x, const void *y)
{
	long a = *(const long *)x, b = *(const long *)y;

	return a < b ? -1 : a > b;
}

static double median(long *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, by_long);
	return n % 2 ? (double)v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

enum masa_err
gov_action_counts_by_organisation(struct gov *g, const struct gov_viewer *v,
                                  const char *on, struct arena *a,
                                  struct gov_action_org_count **out, size_t *n,
                                  struct masa_error *err)
{
	struct store_stmt *st;
	struct gov_action_org_count *counts = NULL;
	size_t cap = 0, used = 0, nlate = 0, late_cap = 0;
	long *late = NULL;
	int64_t org = 0, last_action = 0;
	bool row;
	enum masa_err rc;

	*out = NULL;
	*n = 0;
	if ((rc = check_date("date", on, false, err)))
		return rc;
	rc = store_prepare(g->store, SQL_OPEN_BY_ORGANISATION, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_text(st, 2, on);
	gov_viewer_bind(st, v);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		int64_t this_org = store_column_int(st, 0);
		int64_t action = store_column_int(st, 1);
		long days = gov_action_days_overdue(
		        store_column_text(st, 2), store_column_text(st, 3), on);

		if (this_org != org || used == 0) {
			if (used > 0)
				counts[used - 1].median_days_overdue =
				        median(late, nlate);
			counts = arena_grow(a, counts, used, &cap,
			                    sizeof *counts, 16);
			counts[used++].organisation_id = this_org;
			org = this_org;
			nlate = 0;
			last_action = 0;
		}
		if (action == last_action)
			continue; /* two owners of one organisation */
		last_action = action;
		counts[used - 1].open++;
		if (days > 0) {
			counts[used - 1].overdue++;
			if (nlate == late_cap) {
				late_cap = late_cap ? late_cap * 2 : 64;
				late = xrealloc(late, late_cap * sizeof *late);
			}
			late[nlate++] = days;
		}
	}
	store_done(st);
	if (used > 0)
		counts[used - 1].median_days_overdue = median(late, nlate);
	free(late);
	if (rc != MASA_OK)
		return rc;
	for (size_t i = 0; i < used; i++) {
		rc = store_prepare(g->store, SQL_ORGANISATION_NAMES, &st, err);
		if (rc != MASA_OK)
			return rc;
		store_bind_int(st, 1, counts[i].organisation_id);
		rc = store_step(st, &row, err);
		if (rc == MASA_OK && row) {
			counts[i].organisation_key =
			        arena_strdup(a, store_column_text(st, 0));
			counts[i].organisation_name =
			        arena_strdup(a, store_column_text(st, 1));
		}
		store_done(st);
		if (rc != MASA_OK)
			return rc;
	}
	*out = counts;
	*n = used;
	return MASA_OK;
}

/*
 * Actions raised by ?2 that the viewer may see, matching the query, with
 * their status on ?2: ?3 body, ?4 overdue only, ?5 owned by the person on
 * ?2, ?6 owned by the organisation (or one of its people) on ?2, ?7 status
 * on ?2 (NULL: any); ?8 of them with ids after ?9. In id order, so that a
 * page needs no sort of the whole log and reads about as many rows as it
 * returns: the unary + keeps the planner from choosing a partnership index
 * (and then sorting) over walking the ids in order.
 */
/* clang-format off */
static const char SQL_ACTION_QUERY[] =
	"SELECT * FROM (" ENTRY_SELECT(STATUS_ON("?2"))
	"WHERE +a.partnership_id = ?91 AND a.id > ?9 "
	"AND " GOV_SQL_SEES_ACTION("a", "it", "m") " AND a.raised_on <= ?2 "
	"AND (?3 = 0 OR a.body_id = ?3) "
	"AND (?5 = 0 OR EXISTS (SELECT 1 FROM action_owner o " OWNED_ON
	"AND o.person_id = ?5)) "
	"AND (?6 = 0 OR EXISTS (SELECT 1 FROM action_owner o "
	"LEFT JOIN person p ON p.id = o.person_id " OWNED_ON
	"AND (o.organisation_id = ?6 OR p.organisation_id = ?6)))) e "
	"WHERE (CAST(?7 AS TEXT) IS NULL OR status_on = ?7) "
	"AND (?4 = 0 OR " GOV_SQL_ACTION_OVERDUE("due", "status_on", "?2") ") "
	"ORDER BY id LIMIT ?8";
/* clang-format on */

enum masa_err gov_action_query(struct gov *g, const struct gov_viewer *v,
                               const struct gov_action_query *q,
                               struct arena *a, struct gov_action_entry **out,
                               size_t *n, struct masa_error *err)
{
	struct store_stmt *st;
	struct gov_action_entry *entries, **each;
	void *items;
	enum masa_err rc;

	*out = NULL;
	*n = 0;
	if ((rc = check_date("as-at date", q->as_at, false, err)))
		return rc;
	rc = store_prepare(g->store, SQL_ACTION_QUERY, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_text(st, 2, q->as_at);
	store_bind_int(st, 3, q->body_id);
	store_bind_int(st, 4, q->overdue_only ? 1 : 0);
	store_bind_int(st, 5, q->person_id);
	store_bind_int(st, 6, q->organisation_id);
	store_bind_text(st, 7, q->status);
	store_bind_int(st, 8, (int64_t)q->limit);
	store_bind_int(st, 9, q->after_id);
	gov_viewer_bind(st, v);
	rc = record_collect(st, &entry_kind, a, &items, n, err);
	if (rc != MASA_OK)
		return rc;
	entries = items;
	each = arena_alloc(a, (*n + 1) * sizeof *each);
	for (size_t i = 0; i < *n; i++) {
		each[i] = &entries[i];
		entries[i].days_overdue = gov_action_days_overdue(
		        entries[i].due, entries[i].status_as_at, q->as_at);
	}
	if ((rc = gov_action_entries_history(g, each, *n, q->as_at, a, err)))
		return rc;
	*out = entries;
	return MASA_OK;
}

/* changing the due date */

/* gov_action_set_due inside its caller's write transaction. */
static enum masa_err action_set_due(struct gov *g, int64_t action_id,
                                    int64_t version, const char *due,
                                    const char *on, const char *why,
                                    struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_action act;
	char *was = NULL;
	enum masa_err rc;

	rc = record_get(g, &action_kind, action_id, &a, &act, err);
	if (rc == MASA_OK)
		rc = record_version_check(&action_kind, act.version, version,
		                          err);
	if (rc == MASA_OK)
		rc = not_after_today("update date", on, err);
	if (rc == MASA_OK)
		rc = check_date("due date", due, false, err);
	if (rc == MASA_OK)
		rc = gov_action_due(g, &act, &a, &was, err);
	if (rc != MASA_OK)
		goto out;
	if (strcmp(due, act.raised_on) < 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "due date: %s is before %s was raised (%s)",
		                    due, act.key, act.raised_on);
		goto out;
	}
	if (was != NULL && strcmp(was, due) == 0) {
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "due date: %s is due on %s already",
		                    act.key, due);
		goto out;
	}
	if ((rc = gov_begin(g, err)))
		goto out;
	{
		struct gov_action_update u = {
		        .action_id = act.id,
		        .on_date = (char *)on,
		        .text = text_is_blank(why)
		                        ? arena_printf(&a,
		                                       "Due date changed from "
		                                       "%s to %s",
		                                       was ? was : "none", due)
		                        : (char *)why,
		        .action_version = version,
		};
		rc = gov_action_update(g, &u, NULL, 0, NULL, 0, err);
	}
	if (rc == MASA_OK) {
		/* Re-read: the update may have changed nothing else, but the
		 * row written back must be the stored one (with the version
		 * the update gave it, which this transaction now holds). */
		rc = record_get(g, &action_kind, action_id, &a, &act, err);
		act.due_date = (char *)due;
		act.due_meeting_id = 0;
		if (rc == MASA_OK)
			rc = record_update(g, &action_kind, &act, err);
	}
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}

enum masa_err gov_action_set_due(struct gov *g, int64_t action_id,
                                 int64_t version, const char *due,
                                 const char *on, const char *why,
                                 struct masa_error *err)
{
	enum masa_err rc = gov_begin(g, err);

	if (rc != MASA_OK)
		return rc;
	rc = action_set_due(g, action_id, version, due, on, why, err);
	return gov_end(g, rc, err);
}

static const char SQL_MEETING_ACTIONS[] =
        ENTRY_SELECT("a.status") "WHERE a.meeting_id = ?1 AND " SEEN
                                 " ORDER BY a.number, a.id";
static const char SQL_MEETING_ACTION_OWNERS[] =
        OWNER_SELECT "JOIN action a ON a.id = o.action_id "
                     "WHERE a.meeting_id = ? AND o.removed_by IS NULL "
                     "ORDER BY o.action_id, o.id";

enum masa_err gov_action_list_meeting(struct gov *g, const struct gov_viewer *v,
                                      int64_t meeting_id, struct arena *a,
                                      struct gov_action_entry **out, size_t *n,
                                      struct masa_error *err)
{
	struct gov_action_entry *entries;
	struct gov_action_owner *owners;
	struct store_stmt *st;
	size_t nowners;
	void *items;
	enum masa_err rc;

	*out = NULL;
	*n = 0;
	rc = store_prepare(g->store, SQL_MEETING_ACTIONS, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, meeting_id);
	gov_viewer_bind(st, v);
	rc = record_collect(st, &entry_kind, a, &items, n, err);
	if (rc != MASA_OK)
		return rc;
	entries = items;
	rc = record_list(g, &owner_kind, SQL_MEETING_ACTION_OWNERS, meeting_id,
	                 a, &items, &nowners, err);
	if (rc != MASA_OK)
		return rc;
	owners = items;
	/* Owners come in runs by action; a meeting raises tens of actions,
	 * so finding each run's action by a scan is cheap. */
	for (size_t k = 0; k < nowners;) {
		size_t run = k;
		while (run < nowners &&
		       owners[run].action_id == owners[k].action_id)
			run++;
		for (size_t i = 0; i < *n; i++)
			if (entries[i].action.id == owners[k].action_id) {
				entries[i].owners = &owners[k];
				entries[i].nowners = run - k;
				break;
			}
		k = run;
	}
	*out = entries;
	return MASA_OK;
}
