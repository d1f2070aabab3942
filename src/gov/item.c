/*
 * item: agenda items, resolutions, documents and circulation (see item.h).
 */
#include "gov/item.h"

#include <string.h>

#include "core/text.h"
#include "gov/access.h"
#include "gov/check.h"
#include "gov/meeting.h"
#include "gov/record.h"

const char *const gov_item_statuses[] = {"taken", "deferred", "withdrawn",
                                         NULL};
const char *const gov_document_kinds[] = {"report",  "paper",  "presentation",
                                          "minutes", "letter", "plan",
                                          "other",   NULL};

/* item */

static const struct record_field item_fields[] = {
        RECORD_FIELD(struct gov_item, id, RECORD_ID),
        RECORD_FIELD(struct gov_item, meeting_id, RECORD_ID),
        RECORD_FIELD(struct gov_item, parent_id, RECORD_ID),
        RECORD_FIELD(struct gov_item, position, RECORD_INT),
        RECORD_FIELD(struct gov_item, number, RECORD_TEXT),
        RECORD_FIELD(struct gov_item, title, RECORD_TEXT),
        RECORD_FIELD(struct gov_item, presenter_id, RECORD_ID),
        RECORD_FIELD(struct gov_item, confidential, RECORD_BOOL),
        RECORD_FIELD(struct gov_item, status, RECORD_TEXT),
        RECORD_FIELD(struct gov_item, deferred_to_id, RECORD_ID),
        RECORD_FIELD(struct gov_item, minutes, RECORD_TEXT),
        RECORD_FIELD(struct gov_item, part_two_reason, RECORD_TEXT),
        RECORD_FIELD(struct gov_item, version, RECORD_VERSION),
};

/* The columns of item_fields, of the item aliased "it". */
#define ITEM_COLUMNS                                                   \
	"it.id, it.meeting_id, it.parent_id, it.position, it.number, " \
	"it.title, it.presenter_id, it.confidential, it.status, "      \
	"it.deferred_to_id, it.minutes, it.part_two_reason, it.version"

static const struct record_kind item_kind = {
        .entity = "item",
        .label = "item",
        .fields = item_fields,
        .nfields = sizeof item_fields / sizeof item_fields[0],
        .size = sizeof(struct gov_item),
        .sql_insert =
                "INSERT INTO item (meeting_id, parent_id, position, number, "
                "title, presenter_id, confidential, status, "
                "deferred_to_id, minutes, part_two_reason) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        .sql_update = "UPDATE item SET meeting_id = ?, parent_id = ?, "
                      "position = ?, number = ?, title = ?, presenter_id = ?, "
                      "confidential = ?, status = ?, deferred_to_id = ?, "
                      "minutes = ?, part_two_reason = ?, "
                      "version = version + 1 "
                      "WHERE id = ? AND version = COALESCE(?, version) "
                      "RETURNING version",
        .sql_get = "SELECT " ITEM_COLUMNS " FROM item it WHERE it.id = ?",
};

/* The columns of item it, with the meeting m it is at joined: for the
 * listings and lookups that filter by who may see the item. */
#define ITEM_SEEN_FROM                          \
	"SELECT " ITEM_COLUMNS " FROM item it " \
	"JOIN meeting m ON m.id = it.meeting_id "

static const char SQL_ITEM_FIND[] =
        ITEM_SEEN_FROM "WHERE it.meeting_id = ?1 AND it.number = ?2 "
                       "AND " GOV_SQL_SEES_ITEM("it", "m");
static const char SQL_ITEM_GET_SEEN[] =
        ITEM_SEEN_FROM "WHERE it.id = ?1 AND " GOV_SQL_SEES_ITEM("it", "m");
/*
 * A meeting's items as the viewer sees them: the agenda (number, title,
 * presenter) of every item they may see on it, and the outcome (status,
 * deferral, minutes text) only where they may read the minutes: a
 * published agenda with draft minutes shows the public what is to be
 * discussed, not what was said.
 */
/* clang-format off */
#define MINUTES_ONLY(column, otherwise)                                      \
	"CASE WHEN " GOV_SQL_SEES_MINUTES("m") " THEN " column " ELSE "      \
	otherwise " END"
static const char SQL_ITEM_LIST[] =
        "SELECT it.id, it.meeting_id, it.parent_id, it.position, it.number, "
        "it.title, it.presenter_id, it.confidential, "
        MINUTES_ONLY("it.status", "'taken'") ", "
        MINUTES_ONLY("it.deferred_to_id", "NULL") ", "
        MINUTES_ONLY("it.minutes", "NULL") ", "
        "it.part_two_reason, it.version FROM item it "
        "JOIN meeting m ON m.id = it.meeting_id "
        "WHERE it.meeting_id = ?1 AND " GOV_SQL_SEES_AGENDA_ITEM("it", "m")
        " ORDER BY it.position, it.id";
/* clang-format on */
static const char SQL_ITEM_NEXT_POSITION[] =
        "SELECT COALESCE(MAX(position), 0) + 1 FROM item WHERE meeting_id = ?";
static const char SQL_ITEM_NUMBER_USED[] =
        "SELECT id FROM item WHERE meeting_id = ? AND number = ?";
static const char SQL_ITEM_IN_MEETING[] =
        "SELECT 1 FROM item WHERE id = ? AND meeting_id = ?";
static const char SQL_PERSON_IN[] =
        "SELECT 1 FROM person WHERE id = ? AND partnership_id = ?";

/* Runs a one-integer query with one integer parameter. */
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

static const char SQL_ITEM_PARENT[] = "SELECT parent_id FROM item WHERE id = ?";

/* Refuses a parent chain that leads back to the item itself. */
static enum masa_err item_check_ancestors(struct gov *g,
                                          const struct gov_item *it,
                                          struct masa_error *err)
{
	int64_t at = it->parent_id;

	for (int depth = 0; at != 0 && it->id != 0; depth++) {
		enum masa_err rc;

		if (at == it->id || depth > 100)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "item %s parent: an item cannot be "
			        "a sub-item of its own sub-item",
			        it->number);
		rc = query_int(g, SQL_ITEM_PARENT, at, &at, err);
		if (rc != MASA_OK)
			return rc;
	}
	return MASA_OK;
}

static enum masa_err item_check(struct gov *g, const struct gov_item *it,
                                struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_meeting m, to;
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	if (it->meeting_id == 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "item meeting: required");
	rc = gov_meeting_get(g, it->meeting_id, &a, &m, err);
	if (rc != MASA_OK) {
		masa_error_prefix(err, "item meeting");
		goto out;
	}
	if ((rc = check_line("item number", it->number, err)))
		goto out;
	if (strlen(it->number) > 40) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "item number: \"%.40s...\" is longer than 40 "
		        "characters",
		        it->number);
		goto out;
	}
	if ((rc = check_line("item title", it->title, err)) ||
	    (rc = check_enum("item status", it->status, gov_item_statuses,
	                     false, err)) ||
	    (rc = check_optional_text("item minutes", it->minutes, err)) ||
	    (rc = record_check_ref(g, SQL_PERSON_IN, it->presenter_id,
	                           m.partnership_id, false, "item presenter",
	                           "person", err)))
		goto out;
	if (it->parent_id == it->id && it->id != 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "item parent: an item cannot be its own "
		                    "sub-item");
		goto out;
	}
	if ((rc = record_check_ref(g, SQL_ITEM_IN_MEETING, it->parent_id,
	                           it->meeting_id, false, "item parent", "item",
	                           err)) ||
	    (rc = item_check_ancestors(g, it, err)))
		goto out;
	if (it->deferred_to_id != 0) {
		if (strcmp(it->status, "deferred") != 0) {
			rc = masa_error_set(
			        err, MASA_ERR_INVALID,
			        "item %s deferred_to: only a deferred "
			        "item can name a meeting, not a %s one",
			        it->number, it->status);
			goto out;
		}
		rc = gov_meeting_get(g, it->deferred_to_id, &a, &to, err);
		if (rc == MASA_OK && to.partnership_id != m.partnership_id)
			rc = masa_error_set(
			        err, MASA_ERR_INVALID,
			        "item %s deferred_to: that meeting is "
			        "in another partnership",
			        it->number);
		if (rc == MASA_OK && strcmp(to.date, m.date) <= 0)
			rc = masa_error_set(
			        err, MASA_ERR_INVALID,
			        "item %s deferred_to: %s is not after "
			        "this meeting (%s)",
			        it->number, to.key, m.date);
		if (rc != MASA_OK)
			goto out;
	}
	rc = store_prepare(g->store, SQL_ITEM_NUMBER_USED, &st, err);
	if (rc != MASA_OK)
		goto out;
	store_bind_int(st, 1, it->meeting_id);
	store_bind_text(st, 2, it->number);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row && store_column_int(st, 0) != it->id)
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "item number: \"%s\" is already used at %s",
		                    it->number, m.key);
	store_done(st);
out:
	arena_free(&a);
	return rc;
}

static const char SQL_ITEM_CONFIDENTIAL[] =
        "SELECT confidential FROM item WHERE id = ?";

/*
 * Part two covers everything under it: an item under a confidential item
 * is confidential (its flag is set whatever was asked), and an item made
 * confidential makes every item under it so. Who may see what
 * (gov/access.h) then reads one flag.
 */
static enum masa_err item_inherit_part(struct gov *g, struct gov_item *it,
                                       struct masa_error *err)
{
	int64_t parent_confidential = 0;
	enum masa_err rc = MASA_OK;

	if (it->parent_id != 0 && !it->confidential)
		rc = query_int(g, SQL_ITEM_CONFIDENTIAL, it->parent_id,
		               &parent_confidential, err);
	if (rc == MASA_OK && parent_confidential != 0)
		it->confidential = true;
	return rc;
}

static const char SQL_ITEM_CONFIDENTIAL_BELOW[] =
        "WITH RECURSIVE below (id) AS (SELECT id FROM item "
        "WHERE parent_id = ?1 UNION SELECT i.id FROM item i "
        "JOIN below ON i.parent_id = below.id) "
        "UPDATE item SET confidential = 1, version = version + 1 "
        "WHERE confidential = 0 AND id IN (SELECT id FROM below)";

static enum masa_err item_part_below(struct gov *g, const struct gov_item *it,
                                     struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc;

	if (!it->confidential)
		return MASA_OK;
	rc = store_prepare(g->store, SQL_ITEM_CONFIDENTIAL_BELOW, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, it->id);
	rc = store_run(st, NULL, err);
	return rc;
}

static enum masa_err item_create(struct gov *g, struct gov_item *it,
                                 struct masa_error *err)
{
	enum masa_err rc = item_check(g, it, err);

	if (rc == MASA_OK)
		rc = item_inherit_part(g, it, err);
	if (rc == MASA_OK && it->position <= 0)
		rc = query_int(g, SQL_ITEM_NEXT_POSITION, it->meeting_id,
		               &it->position, err);
	return rc ? rc : record_insert(g, &item_kind, it, err);
}

/* The checks run in the write transaction, so they hold until it ends. */
enum masa_err gov_item_create(struct gov *g, struct gov_item *it,
                              struct masa_error *err)
{
	enum masa_err rc = gov_begin(g, err);

	it->id = 0;
	if (it->status == NULL)
		it->status = "taken";
	if (rc != MASA_OK)
		return rc;
	return gov_end(g, item_create(g, it, err), err);
}

static const char SQL_ITEM_MEETING[] =
        "SELECT meeting_id FROM item WHERE id = ?";
static const char SQL_ITEM_VERSION[] = "SELECT version FROM item WHERE id = ?";

/* gov_item_update's checks and writes, inside its transaction. */
static enum masa_err item_update(struct gov *g, const struct gov_item *it,
                                 struct masa_error *err)
{
	int64_t meeting_id = 0, version = 0;
	struct gov_item stored = *it;
	enum masa_err rc =
	        query_int(g, SQL_ITEM_MEETING, it->id, &meeting_id, err);

	if (rc == MASA_OK && meeting_id == 0)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "no item with id %lld", (long long)it->id);
	/* A stale version is refused before anything else is checked. */
	if (rc == MASA_OK)
		rc = query_int(g, SQL_ITEM_VERSION, it->id, &version, err);
	if (rc == MASA_OK)
		rc = record_version_check(&item_kind, version, it->version,
		                          err);
	/* Its sub-items, resolutions and papers belong to that meeting. */
	if (rc == MASA_OK && meeting_id != it->meeting_id)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "item %s meeting: an item cannot move to "
		                    "another meeting",
		                    it->number ? it->number : "");
	if (rc == MASA_OK)
		rc = item_check(g, it, err);
	if (rc == MASA_OK)
		rc = item_inherit_part(g, &stored, err);
	if (rc == MASA_OK)
		rc = record_update(g, &item_kind, &stored, err);
	if (rc == MASA_OK)
		rc = item_part_below(g, &stored, err);
	return rc;
}

/* The checks run in the write transaction, so they hold until it ends. */
enum masa_err gov_item_update(struct gov *g, const struct gov_item *it,
                              struct masa_error *err)
{
	enum masa_err rc = gov_begin(g, err);

	if (rc != MASA_OK)
		return rc;
	return gov_end(g, item_update(g, it, err), err);
}

enum masa_err gov_item_get(struct gov *g, const struct gov_viewer *v,
                           int64_t id, struct arena *a, struct gov_item *out,
                           struct masa_error *err)
{
	char what[32];

	snprintf(what, sizeof what, "with id %lld", (long long)id);
	return record_find_seen(g, &item_kind, SQL_ITEM_GET_SEEN, id, NULL, v,
	                        what, a, out, err);
}

enum masa_err gov_item_read(struct gov *g, int64_t id, struct arena *a,
                            struct gov_item *out, struct masa_error *err)
{
	return record_get(g, &item_kind, id, a, out, err);
}

enum masa_err gov_item_find(struct gov *g, const struct gov_viewer *v,
                            int64_t meeting_id, const char *number,
                            struct arena *a, struct gov_item *out,
                            struct masa_error *err)
{
	char what[64];

	snprintf(what, sizeof what, "\"%.40s\"", number);
	return record_find_seen(g, &item_kind, SQL_ITEM_FIND, meeting_id,
	                        number, v, what, a, out, err);
}

enum masa_err gov_item_list(struct gov *g, const struct gov_viewer *v,
                            int64_t meeting_id, struct arena *a,
                            struct gov_item **out, size_t *n,
                            struct masa_error *err)
{
	void *items;
	enum masa_err rc = record_list_seen(g, &item_kind, SQL_ITEM_LIST,
	                                    meeting_id, v, a, &items, n, err);

	*out = items;
	return rc;
}

/*
 * The items of meeting ?1 whose agenda the viewer sees; a confidential item
 * they may not see keeps only its number, place and status ("seen" 0); the
 * outcome (status, deferral, minutes text) only where they read the minutes
 * ("mseen" 1), else the row is agenda_only.
 */
/* clang-format off */
#define SEEN_ONLY(column) "CASE WHEN i.seen = 1 THEN " column " END, "
#define MINUTES_SEEN_ONLY(column)                                            \
	"CASE WHEN i.seen = 1 AND i.mseen = 1 THEN " column " END, "
static const char SQL_ITEM_ROWS[] =
        "SELECT i.id, i.meeting_id, i.parent_id, i.position, i.number, "
        "CASE WHEN i.seen = 1 THEN i.title ELSE 'Confidential item' END, "
        SEEN_ONLY("i.presenter_id")
        "i.confidential, "
        "CASE WHEN i.mseen = 1 THEN i.status ELSE 'taken' END, "
        MINUTES_SEEN_ONLY("i.deferred_to_id")
        MINUTES_SEEN_ONLY("i.minutes")
        SEEN_ONLY("i.part_two_reason")
        "i.version, "
        SEEN_ONLY("p.name")
        SEEN_ONLY("p.honorific_prefix")
        MINUTES_SEEN_ONLY("dm.key")
        MINUTES_SEEN_ONLY("dm.date")
        "1 - i.seen, 1 - i.mseen "
        "FROM (SELECT it.id, it.meeting_id, it.parent_id, it.position, "
        "      it.number, it.title, it.presenter_id, it.confidential, "
        "      it.status, it.deferred_to_id, it.minutes, "
        "      it.part_two_reason, it.version, "
        "      CASE WHEN it.confidential = 0 OR "
                GOV_SQL_SEES_PART_TWO("m") " THEN 1 ELSE 0 END AS seen, "
        "      CASE WHEN " GOV_SQL_SEES_MINUTES("m") " THEN 1 ELSE 0 END "
        "      AS mseen "
        "      FROM item it JOIN meeting m ON m.id = it.meeting_id "
        "      WHERE it.meeting_id = ?1 AND " GOV_SQL_SEES_AGENDA("m") ") i "
        "LEFT JOIN person p ON p.id = i.presenter_id "
        "LEFT JOIN meeting dm ON dm.id = i.deferred_to_id "
        "ORDER BY i.position, i.id";
/* clang-format on */

static const struct record_field item_row_fields[] = {
        RECORD_FIELD(struct gov_item_row, item.id, RECORD_ID),
        RECORD_FIELD(struct gov_item_row, item.meeting_id, RECORD_ID),
        RECORD_FIELD(struct gov_item_row, item.parent_id, RECORD_ID),
        RECORD_FIELD(struct gov_item_row, item.position, RECORD_INT),
        RECORD_FIELD(struct gov_item_row, item.number, RECORD_TEXT),
        RECORD_FIELD(struct gov_item_row, item.title, RECORD_TEXT),
        RECORD_FIELD(struct gov_item_row, item.presenter_id, RECORD_ID),
        RECORD_FIELD(struct gov_item_row, item.confidential, RECORD_BOOL),
        RECORD_FIELD(struct gov_item_row, item.status, RECORD_TEXT),
        RECORD_FIELD(struct gov_item_row, item.deferred_to_id, RECORD_ID),
        RECORD_FIELD(struct gov_item_row, item.minutes, RECORD_TEXT),
        RECORD_FIELD(struct gov_item_row, item.part_two_reason, RECORD_TEXT),
        RECORD_FIELD(struct gov_item_row, item.version, RECORD_INT),
        RECORD_FIELD(struct gov_item_row, presenter_name, RECORD_TEXT),
        RECORD_FIELD(struct gov_item_row, presenter_prefix, RECORD_TEXT),
        RECORD_FIELD(struct gov_item_row, deferred_to_key, RECORD_TEXT),
        RECORD_FIELD(struct gov_item_row, deferred_to_date, RECORD_TEXT),
        RECORD_FIELD(struct gov_item_row, hidden, RECORD_BOOL),
        RECORD_FIELD(struct gov_item_row, agenda_only, RECORD_BOOL),
};

static const struct record_kind item_row_kind = {
        .entity = "item",
        .label = "item",
        .fields = item_row_fields,
        .nfields = sizeof item_row_fields / sizeof item_row_fields[0],
        .size = sizeof(struct gov_item_row),
};

enum masa_err gov_item_rows(struct gov *g, const struct gov_viewer *v,
                            int64_t meeting_id, struct arena *a,
                            struct gov_item_row **out, size_t *n,
                            struct masa_error *err)
{
	void *items;
	enum masa_err rc = record_list_seen(g, &item_row_kind, SQL_ITEM_ROWS,
	                                    meeting_id, v, a, &items, n, err);

	*out = items;
	return rc;
}

/* resolution */

static const struct record_field resolution_fields[] = {
        RECORD_FIELD(struct gov_resolution, id, RECORD_ID),
        RECORD_FIELD(struct gov_resolution, item_id, RECORD_ID),
        RECORD_FIELD(struct gov_resolution, number, RECORD_INT),
        RECORD_FIELD(struct gov_resolution, text, RECORD_TEXT),
};

static const struct record_kind resolution_kind = {
        .entity = "resolution",
        .label = "resolution",
        .fields = resolution_fields,
        .nfields = sizeof resolution_fields / sizeof resolution_fields[0],
        .size = sizeof(struct gov_resolution),
        .sql_insert = "INSERT INTO resolution (item_id, number, text) "
                      "VALUES (?, ?, ?) RETURNING id",
        .sql_update = "UPDATE resolution SET item_id = ?, number = ?, text = ? "
                      "WHERE id = ?",
        .sql_get = "SELECT id, item_id, number, text FROM resolution "
                   "WHERE id = ?",
};

static const char SQL_RESOLUTION_LIST[] =
        "SELECT r.id, r.item_id, r.number, r.text FROM resolution r "
        "JOIN item it ON it.id = r.item_id "
        "JOIN meeting m ON m.id = it.meeting_id WHERE it.meeting_id = ?1 "
        "AND " GOV_SQL_SEES_ITEM("it", "m") " ORDER BY it.position, r.number";
static const char SQL_RESOLUTION_NUMBER_USED[] =
        "SELECT id FROM resolution WHERE item_id = ? AND number = ?";
static const char SQL_ITEM_EXISTS[] = "SELECT 1 FROM item WHERE id = ?";

static enum masa_err resolution_check(struct gov *g,
                                      const struct gov_resolution *r,
                                      struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	if ((rc = record_check_ref(g, SQL_ITEM_EXISTS, r->item_id, 0, true,
	                           "resolution item", "item", err)))
		return rc;
	if (r->number < 1 || r->number > 999)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "resolution number: %lld is not between 1 "
		        "and 999",
		        (long long)r->number);
	if (text_is_blank(r->text))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "resolution text: required");
	if ((rc = check_optional_text("resolution text", r->text, err)))
		return rc;
	rc = store_prepare(g->store, SQL_RESOLUTION_NUMBER_USED, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, r->item_id);
	store_bind_int(st, 2, r->number);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row && store_column_int(st, 0) != r->id)
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "resolution number: (%lld) is already used "
		                    "under this item",
		                    (long long)r->number);
	store_done(st);
	return rc;
}

enum masa_err gov_resolution_create(struct gov *g, struct gov_resolution *r,
                                    struct masa_error *err)
{
	enum masa_err rc;

	r->id = 0;
	rc = resolution_check(g, r, err);
	return rc ? rc : record_insert(g, &resolution_kind, r, err);
}

enum masa_err gov_resolution_update(struct gov *g,
                                    const struct gov_resolution *r,
                                    struct masa_error *err)
{
	enum masa_err rc = resolution_check(g, r, err);

	return rc ? rc : record_update(g, &resolution_kind, r, err);
}

enum masa_err gov_resolution_list(struct gov *g, const struct gov_viewer *v,
                                  int64_t meeting_id, struct arena *a,
                                  struct gov_resolution **out, size_t *n,
                                  struct masa_error *err)
{
	void *items;
	enum masa_err rc =
	        record_list_seen(g, &resolution_kind, SQL_RESOLUTION_LIST,
	                         meeting_id, v, a, &items, n, err);

	*out = items;
	return rc;
}

/* document */

static const struct record_field document_fields[] = {
        RECORD_FIELD(struct gov_document, id, RECORD_ID),
        RECORD_FIELD(struct gov_document, item_id, RECORD_ID),
        RECORD_FIELD(struct gov_document, position, RECORD_INT),
        RECORD_FIELD(struct gov_document, title, RECORD_TEXT),
        RECORD_FIELD(struct gov_document, kind, RECORD_TEXT),
        RECORD_FIELD(struct gov_document, url, RECORD_TEXT),
};

static const struct record_kind document_kind = {
        .entity = "document",
        .label = "document",
        .fields = document_fields,
        .nfields = sizeof document_fields / sizeof document_fields[0],
        .size = sizeof(struct gov_document),
        .sql_insert =
                "INSERT INTO document (item_id, position, title, kind, url) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id",
        .sql_update =
                "UPDATE document SET item_id = ?, position = ?, title = ?, "
                "kind = ?, url = ? WHERE id = ?",
        .sql_get =
                "SELECT id, item_id, position, title, kind, url FROM document "
                "WHERE id = ?",
};

static const char SQL_DOCUMENT_LIST[] =
        "SELECT d.id, d.item_id, d.position, d.title, d.kind, d.url "
        "FROM document d JOIN item it ON it.id = d.item_id "
        "JOIN meeting m ON m.id = it.meeting_id WHERE it.meeting_id = ?1 "
        "AND " GOV_SQL_SEES_PAPERS(
                "it", "m") " "
                           "ORDER BY it.position, d.position, d.id";
static const char SQL_DOCUMENT_NEXT_POSITION[] =
        "SELECT COALESCE(MAX(position), 0) + 1 FROM document WHERE item_id = ?";

static enum masa_err document_check(struct gov *g, const struct gov_document *d,
                                    struct masa_error *err)
{
	enum masa_err rc;

	if ((rc = record_check_ref(g, SQL_ITEM_EXISTS, d->item_id, 0, true,
	                           "document item", "item", err)) ||
	    (rc = check_line("document title", d->title, err)) ||
	    (rc = check_enum("document kind", d->kind, gov_document_kinds,
	                     false, err)) ||
	    (rc = check_url("document url", d->url, err)))
		return rc;
	return MASA_OK;
}

enum masa_err gov_document_create(struct gov *g, struct gov_document *d,
                                  struct masa_error *err)
{
	enum masa_err rc;

	d->id = 0;
	rc = document_check(g, d, err);
	if (rc == MASA_OK && d->position <= 0)
		rc = query_int(g, SQL_DOCUMENT_NEXT_POSITION, d->item_id,
		               &d->position, err);
	return rc ? rc : record_insert(g, &document_kind, d, err);
}

enum masa_err gov_document_update(struct gov *g, const struct gov_document *d,
                                  struct masa_error *err)
{
	enum masa_err rc = document_check(g, d, err);

	return rc ? rc : record_update(g, &document_kind, d, err);
}

enum masa_err gov_document_list(struct gov *g, const struct gov_viewer *v,
                                int64_t meeting_id, struct arena *a,
                                struct gov_document **out, size_t *n,
                                struct masa_error *err)
{
	void *items;
	enum masa_err rc =
	        record_list_seen(g, &document_kind, SQL_DOCUMENT_LIST,
	                         meeting_id, v, a, &items, n, err);

	*out = items;
	return rc;
}

/* circulation */

static const struct record_field circulation_fields[] = {
        RECORD_FIELD(struct gov_circulation, id, RECORD_ID),
        RECORD_FIELD(struct gov_circulation, document_id, RECORD_ID),
        RECORD_FIELD(struct gov_circulation, person_id, RECORD_ID),
        RECORD_FIELD(struct gov_circulation, sent_on, RECORD_TEXT),
};

static const struct record_kind circulation_kind = {
        .entity = "circulation",
        .label = "circulation",
        .fields = circulation_fields,
        .nfields = sizeof circulation_fields / sizeof circulation_fields[0],
        .size = sizeof(struct gov_circulation),
        .sql_insert =
                "INSERT INTO circulation (document_id, person_id, sent_on) "
                "VALUES (?, ?, ?) RETURNING id",
        .sql_update = "UPDATE circulation SET document_id = ?, person_id = ?, "
                      "sent_on = ? WHERE id = ?",
        .sql_get =
                "SELECT id, document_id, person_id, sent_on FROM circulation "
                "WHERE id = ?",
};

static const char SQL_CIRCULATION_LIST[] =
        "SELECT c.id, c.document_id, c.person_id, c.sent_on FROM circulation c "
        "JOIN document d ON d.id = c.document_id "
        "JOIN item it ON it.id = d.item_id "
        "JOIN meeting m ON m.id = it.meeting_id WHERE it.meeting_id = ?1 "
        "AND " GOV_SQL_SEES_CIRCULATION("it", "m") " ORDER BY c.id";
static const char SQL_DOCUMENT_PARTNERSHIP[] =
        "SELECT m.partnership_id FROM document d JOIN item i ON i.id = "
        "d.item_id "
        "JOIN meeting m ON m.id = i.meeting_id WHERE d.id = ?";
static const char SQL_CIRCULATION_USED[] =
        "SELECT 1 FROM circulation WHERE document_id = ? AND person_id = ? "
        "AND sent_on = ?";

enum masa_err gov_circulation_create(struct gov *g, struct gov_circulation *c,
                                     struct masa_error *err)
{
	struct store_stmt *st;
	int64_t partnership_id;
	bool row;
	enum masa_err rc;

	c->id = 0;
	rc = query_int(g, SQL_DOCUMENT_PARTNERSHIP, c->document_id,
	               &partnership_id, err);
	if (rc == MASA_OK && partnership_id == 0)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "circulation document: no document with id "
		                    "%lld",
		                    (long long)c->document_id);
	if (rc != MASA_OK)
		return rc;
	if ((rc = record_check_ref(g, SQL_PERSON_IN, c->person_id,
	                           partnership_id, true, "circulation person",
	                           "person", err)) ||
	    (rc = check_date("circulation sent_on", c->sent_on, false, err)))
		return rc;
	rc = store_prepare(g->store, SQL_CIRCULATION_USED, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, c->document_id);
	store_bind_int(st, 2, c->person_id);
	store_bind_text(st, 3, c->sent_on);
	rc = store_step(st, &row, err);
	store_done(st);
	if (rc == MASA_OK && row)
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "circulation: already recorded as sent to "
		                    "that person on %s",
		                    c->sent_on);
	return rc ? rc : record_insert(g, &circulation_kind, c, err);
}

enum masa_err gov_circulation_list(struct gov *g, const struct gov_viewer *v,
                                   int64_t meeting_id, struct arena *a,
                                   struct gov_circulation **out, size_t *n,
                                   struct masa_error *err)
{
	void *items;
	enum masa_err rc =
	        record_list_seen(g, &circulation_kind, SQL_CIRCULATION_LIST,
	                         meeting_id, v, a, &items, n, err);

	*out = items;
	return rc;
}
