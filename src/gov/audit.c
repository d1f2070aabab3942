/*
 * audit: the append-only change log (see audit.h).
 */
#include "gov/audit.h"

#include <stdlib.h>

#include "core/date.h"
#include "gov/record.h"

static const char SQL_AUDIT_INSERT[] =
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, before, "
        "after) VALUES (?, ?, ?, ?, ?, ?, ?)";

static const char SQL_AUDIT_LIST_ALL[] =
        "SELECT id, at, actor, action, entity, entity_id, before, after "
        "FROM audit_log ORDER BY id DESC LIMIT ?";

static const char SQL_AUDIT_LIST_ENTITY[] =
        "SELECT id, at, actor, action, entity, entity_id, before, after "
        "FROM audit_log WHERE entity = ? AND (? = 0 OR entity_id = ?) "
        "ORDER BY id DESC LIMIT ?";

static const struct record_field audit_fields[] = {
        RECORD_FIELD(struct audit_entry, id, RECORD_ID),
        RECORD_FIELD(struct audit_entry, at, RECORD_TEXT),
        RECORD_FIELD(struct audit_entry, actor, RECORD_TEXT),
        RECORD_FIELD(struct audit_entry, action, RECORD_TEXT),
        RECORD_FIELD(struct audit_entry, entity, RECORD_TEXT),
        RECORD_FIELD(struct audit_entry, entity_id, RECORD_ID),
        RECORD_FIELD(struct audit_entry, before, RECORD_TEXT),
        RECORD_FIELD(struct audit_entry, after, RECORD_TEXT),
};

static const struct record_kind audit_kind = {
        .entity = "audit_log",
        .label = "audit entry",
        .fields = audit_fields,
        .nfields = sizeof audit_fields / sizeof audit_fields[0],
        .size = sizeof(struct audit_entry),
};

static char *dump_or_null(json_t *v)
{
	char *s;

	if (v == NULL)
		return NULL;
	s = json_dumps(v, JSON_COMPACT);
	json_decref(v);
	return s;
}

enum masa_err audit_record(struct gov *g, const char *action,
                           const char *entity, int64_t entity_id,
                           json_t *before, json_t *after,
                           struct masa_error *err)
{
	char now[21];
	char *before_text = dump_or_null(before);
	char *after_text = dump_or_null(after);
	struct store_stmt *st;
	enum masa_err rc;

	timestamp_now(now);
	rc = store_prepare(g->store, SQL_AUDIT_INSERT, &st, err);
	if (rc != MASA_OK)
		goto out;
	store_bind_text(st, 1, now);
	store_bind_text(st, 2, g->actor);
	store_bind_text(st, 3, action);
	store_bind_text(st, 4, entity);
	store_bind_id(st, 5, entity_id);
	store_bind_text(st, 6, before_text);
	store_bind_text(st, 7, after_text);
	rc = store_run(st, NULL, err);
	if (rc != MASA_OK)
		masa_error_prefix(err, "writing the audit log");
out:
	free(before_text);
	free(after_text);
	return rc;
}

enum masa_err audit_list(struct gov *g, const char *entity, int64_t entity_id,
                         int limit, struct arena *a, struct audit_entry **out,
                         size_t *n, struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc;
	void *items;

	rc = store_prepare(g->store,
	                   entity ? SQL_AUDIT_LIST_ENTITY : SQL_AUDIT_LIST_ALL,
	                   &st, err);
	if (rc != MASA_OK)
		return rc;
	if (entity != NULL) {
		store_bind_text(st, 1, entity);
		store_bind_int(st, 2, entity_id);
		store_bind_int(st, 3, entity_id);
		store_bind_int(st, 4, limit);
	} else {
		store_bind_int(st, 1, limit);
	}
	rc = record_collect(st, &audit_kind, a, &items, n, err);
	*out = items;
	return rc;
}
