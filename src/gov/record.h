/*
 * record: the generic part of every governance record: how its struct maps to
 * its columns, how it is inserted, updated, read and written to the audit log.
 *
 * Each record kind is a struct whose first member is `int64_t id`, described
 * by a table of fields in column order, and three SQL literals that follow
 * that order:
 *   insert: binds fields 1..n-1 as ?1..?(n-1) and ends RETURNING id;
 *   update: binds fields 1..n-1 then id as ?n;
 *   get:    selects all n fields for one id (?1).
 * A kind whose last field is a RECORD_VERSION is versioned: insert and update
 * bind fields 1..n-2 only, and its update binds id as ?(n-1) and the version
 * the caller saw as ?n, sets version = version + 1 and returns it:
 *   "UPDATE x SET ..., version = version + 1
 *    WHERE id = ? AND version = COALESCE(?, version) RETURNING version"
 * and its bump does the same to the version alone (sql_bump, ?1 and ?2).
 * A list query selects the same columns, so record_collect() reads any of
 * them. Used inside src/gov only.
 */
#ifndef MASA_GOV_RECORD_H
#define MASA_GOV_RECORD_H

#include <jansson.h>
#include <stddef.h>

#include "gov/gov.h"

enum record_type {
	RECORD_ID,     /* int64_t; 0 is NULL (ids and optional references) */
	RECORD_INT,    /* int64_t; 0 is NULL */
	RECORD_BOOL,   /* bool; never NULL */
	RECORD_TEXT,   /* char *; NULL is NULL */
	RECORD_SECRET, /* as RECORD_TEXT, but "(hidden)" in the audit log */
	/*
	 * int64_t: the record's version, which the store keeps (1 at insert,
	 * one more at each update) and insert and update never bind. Only as
	 * the last field of a kind; see record_update.
	 */
	RECORD_VERSION,
};

struct record_field {
	const char *name;
	enum record_type type;
	size_t offset;
};

struct record_kind {
	const char *entity; /* table and audit name: "body" */
	const char *label;  /* for messages: "body" */
	const struct record_field *fields;
	size_t nfields;
	size_t size;
	const char *sql_insert;
	const char *sql_update;
	const char *sql_get;
	const char *sql_bump; /* versioned kinds: see above */
};

#define RECORD_FIELD(type_, member, kind)              \
	{                                              \
#member, kind, offsetof(type_, member) \
	}

/* Inserts rec (its id is ignored and then set) and audits the creation. */
enum masa_err record_insert(struct gov *g, const struct record_kind *k,
                            void *rec, struct masa_error *err);
/*
 * Writes rec over the stored record with its id and audits before/after.
 * For a versioned kind, rec's version is the one the editor saw: when it is
 * not 0 and the stored record has another (someone changed it since),
 * nothing is written and the answer is MASA_ERR_CONFLICT saying so (see
 * record_version_conflict); 0 writes whatever the version. Either way the
 * stored version goes up by one.
 */
enum masa_err record_update(struct gov *g, const struct record_kind *k,
                            const void *rec, struct masa_error *err);
/*
 * Adds one to the version of record id of versioned kind k, when it is
 * still `expected` (0: whatever it is), for a change stored in rows of its
 * own (an update added to an action). *version (may be NULL) receives the
 * new version. MASA_ERR_CONFLICT or MASA_ERR_NOT_FOUND as record_update.
 */
enum masa_err record_bump(struct gov *g, const struct record_kind *k,
                          int64_t id, int64_t expected, int64_t *version,
                          struct masa_error *err);
/*
 * MASA_ERR_CONFLICT when expected is not 0 and not stored (the version of a
 * record of kind k now): "someone else changed this action since you opened
 * it (now version 4): reload it, check their change, and make yours
 * again". MASA_OK otherwise.
 */
enum masa_err record_version_check(const struct record_kind *k, int64_t stored,
                                   int64_t expected, struct masa_error *err);
/* Reads record id into out; strings in a. MASA_ERR_NOT_FOUND names it. */
enum masa_err record_get(struct gov *g, const struct record_kind *k, int64_t id,
                         struct arena *a, void *out, struct masa_error *err);
/*
 * Reads every row of the prepared, bound statement st into a new array of
 * records in a (*out, *n); finishes st with store_done().
 */
enum masa_err record_collect(struct store_stmt *st, const struct record_kind *k,
                             struct arena *a, void **out, size_t *n,
                             struct masa_error *err);
/* As record_collect, but MASA_ERR_LIMIT (naming max) past max rows. */
enum masa_err record_collect_max(struct store_stmt *st,
                                 const struct record_kind *k, size_t max,
                                 struct arena *a, void **out, size_t *n,
                                 struct masa_error *err);
/* Reads the current row of st into rec (strings copied into a). */
void record_read_row(struct store_stmt *st, const struct record_kind *k,
                     struct arena *a, void *rec);
/* rec as a JSON object of its fields; caller owns the reference. */
json_t *record_to_json(const struct record_kind *k, const void *rec);
/* True when record id exists (and, if the SQL says so, matches ?2). */
enum masa_err record_exists(struct gov *g, const char *sql, int64_t id,
                            int64_t scope, bool *found, struct masa_error *err);
/*
 * Reads the one record that sql selects by key (bound as ?1, or as ?2 after
 * scope as ?1 when scope is not 0). MASA_ERR_NOT_FOUND says no k->label "key".
 */
enum masa_err record_find(struct gov *g, const struct record_kind *k,
                          const char *sql, int64_t scope, const char *key,
                          struct arena *a, void *out, struct masa_error *err);
/*
 * Every record sql selects that v may see: scope bound as ?1 and the viewer
 * as gov_viewer_bind() binds it (sql filters with gov/access.h's rules).
 * The array and its strings are in a; finishes the statement.
 */
struct gov_viewer;
enum masa_err record_list_seen(struct gov *g, const struct record_kind *k,
                               const char *sql, int64_t scope,
                               const struct gov_viewer *v, struct arena *a,
                               void **out, size_t *n, struct masa_error *err);
/*
 * The one record sql selects for scope (?1) and key (?2, or nothing when
 * key is NULL) that v may see, into out (its strings in a);
 * MASA_ERR_NOT_FOUND, naming k->label and what, when there is none or v
 * may not see it.
 */
enum masa_err record_find_seen(struct gov *g, const struct record_kind *k,
                               const char *sql, int64_t scope, const char *key,
                               const struct gov_viewer *v, const char *what,
                               struct arena *a, void *out,
                               struct masa_error *err);
/* Every record sql selects, with scope bound as ?1 when it is not 0. */
enum masa_err record_list(struct gov *g, const struct record_kind *k,
                          const char *sql, int64_t scope, struct arena *a,
                          void **out, size_t *n, struct masa_error *err);
/*
 * Checks that the reference id (0 passes unless required) names a record
 * that sql (id as ?1, scope as ?2) finds; otherwise MASA_ERR_INVALID saying
 * "field: no what with id N here".
 */
enum masa_err record_check_ref(struct gov *g, const char *sql, int64_t id,
                               int64_t scope, bool required, const char *field,
                               const char *what, struct masa_error *err);

/*
 * For an update of record id: sql (id as ?1) selects its stored partnership.
 * MASA_ERR_NOT_FOUND when there is no such record, MASA_ERR_INVALID when
 * partnership_id differs: records do not move between partnerships, since
 * others refer to them there. what names the record ("body").
 */
enum masa_err record_check_partnership(struct gov *g, const char *sql,
                                       int64_t id, int64_t partnership_id,
                                       const char *what,
                                       struct masa_error *err);

#endif
