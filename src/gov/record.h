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
 * them.
 *
 * The same table says what people see of each field and how they type it
 * (label, hint, input, choices, reference, whether it is required, its
 * validator, who may see and edit it): the admin forms (web/recordform.c),
 * the CLI's add and edit commands (cli/cmd_setup.c), the audit log and
 * record_to_json all read it, so that a new kind of record is its struct,
 * its table and its domain rules (docs/records.md). The storing functions
 * are for src/gov; the form description and record_field_* are for the
 * edges too.
 */
#ifndef MASA_GOV_RECORD_H
#define MASA_GOV_RECORD_H

#include <jansson.h>
#include <stddef.h>

#include "gov/access.h"
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

/* How a person gives a field's value (forms, CLI). */
enum record_input {
	RECORD_INPUT_NONE = 0, /* nobody types it: ids, the partnership */
	RECORD_INPUT_LINE,     /* one line of text */
	RECORD_INPUT_TEXT,     /* long text (Markdown) */
	RECORD_INPUT_DATE,     /* a date, typed as day, month and year */
	RECORD_INPUT_CHOICE,   /* one of .choices */
	RECORD_INPUT_REF,      /* another record, by its key (.ref) */
	RECORD_INPUT_YESNO,    /* yes or no (a RECORD_BOOL) */
	RECORD_INPUT_NUMBER,   /* a whole number from 0 (a RECORD_INT) */
	RECORD_INPUT_KEY,      /* the record's own key; made from its name when
	                          not given */
	RECORD_INPUT_EMAIL,    /* an e-mail address */
};

/* Another kind of record a field refers to by id, which people name by key. */
struct record_ref {
	const char *what;    /* "person", for messages */
	const char *sql_key; /* the key of id ?1 */
	/* the id of key ?2 in partnership ?1 */
	const char *sql_id;
	/* every choice in partnership ?1: key, then what to show */
	const char *sql_choices;
};

/*
 * An extra check of a typed value (after the input's own: a date is a date),
 * value not NULL; label names the field in the message.
 */
typedef enum masa_err (*record_validator)(const char *label, const char *value,
                                          struct masa_error *err);

struct record_field {
	const char *name; /* the column, and the JSON and audit name */
	enum record_type type;
	size_t offset;
	/* What people see; all 0 for a field nobody types. */
	const char *label; /* "Organisation represented", never the column */
	const char *hint;  /* or NULL */
	enum record_input input;
	const char *const *choices;       /* RECORD_INPUT_CHOICE: values */
	const char *const *choice_labels; /* and what people read, in order */
	const struct record_ref *ref;     /* RECORD_INPUT_REF */
	bool required;
	record_validator validate; /* or NULL */
	enum gov_role see; /* the least role that sees it (default public) */
	/* the least role that changes it; GOV_ROLE_PUBLIC (the default)
	 * stands for GOV_ROLE_ADMIN, so that a field forgets no one */
	enum gov_role edit;
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
/*
 * A field people type: RECORD_FIELD and then its description, as designated
 * initialisers: RECORD_INPUT_FIELD(struct gov_body, name, RECORD_TEXT,
 * .label = "Name", .input = RECORD_INPUT_LINE, .required = true).
 */
#define RECORD_INPUT_FIELD(type_, member, kind, ...)           \
	{                                                      \
		.name = #member, .type = kind,                 \
		.offset = offsetof(type_, member), __VA_ARGS__ \
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
/*
 * As record_to_json, without the fields a viewer of role may not see (each
 * field's .see): what a record may show of itself outside the business
 * unit.
 */
json_t *record_to_json_seen(const struct record_kind *k, const void *rec,
                            enum gov_role role);
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

/* ---- the form description, for the edges ---- */

/*
 * The name a field goes by on forms and on the command line: its column
 * with "_" as "-" and without a reference's "_id" ("organisation_id" is
 * "organisation", "short_name" "short-name"); in a.
 */
const char *record_field_slug(struct arena *a, const struct record_field *f);
/* The field of k whose slug is slug, or NULL. */
const struct record_field *record_field_by_slug(const struct record_kind *k,
                                                const char *slug);
/* The label of choice value of f, or value itself when it has none. */
const char *record_choice_label(const struct record_field *f,
                                const char *value);
/*
 * The value of f in rec as a person types it (a date as YYYY-MM-DD, a
 * reference as its key, yes/no, "" for none); in a.
 */
enum masa_err record_field_text(struct gov *g, const struct record_field *f,
                                const void *rec, struct arena *a,
                                const char **out, struct masa_error *err);
/*
 * Sets f in rec from text a person typed (NULL or blank: none), after the
 * checks of its input, its being required and its validator; a reference
 * is looked up by key in partnership_id. MASA_ERR_INVALID with a message
 * that starts with the field's label ("Start date: ..."); rec unchanged
 * then. Strings are copied into a.
 */
enum masa_err record_field_set_text(struct gov *g, const struct record_field *f,
                                    int64_t partnership_id, void *rec,
                                    const char *text, struct arena *a,
                                    struct masa_error *err);
/*
 * The records a reference field may name in partnership_id: keys[i] and
 * what to show, names[i]; in a.
 */
enum masa_err record_ref_choices(struct gov *g, const struct record_ref *r,
                                 int64_t partnership_id, struct arena *a,
                                 const char ***keys, const char ***names,
                                 size_t *n, struct masa_error *err);
/* Whether a viewer of role may change f (and so whether forms show it). */
bool record_may_edit(const struct record_field *f, enum gov_role role);
/*
 * The field of k a message names by its label ("Start date: ..."), or NULL:
 * how a form puts a domain rule's message beside the field it is about.
 */
const struct record_field *record_field_of_message(const struct record_kind *k,
                                                   const char *message);

#endif
