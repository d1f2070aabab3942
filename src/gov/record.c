/*
 * record: generic insert/update/get/list and audit of governance records
 * (see record.h).
 */
#include "gov/record.h"

#include "gov/access.h"

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "core/text.h"
#include "gov/audit.h"
#include "gov/check.h"

static int64_t *int_at(void *rec, const struct record_field *f)
{
	return (int64_t *)((char *)rec + f->offset);
}

static const int64_t *cint_at(const void *rec, const struct record_field *f)
{
	return (const int64_t *)((const char *)rec + f->offset);
}

/* Is the last field of k its version (see record.h)? */
static bool versioned(const struct record_kind *k)
{
	return k->nfields > 1 &&
	       k->fields[k->nfields - 1].type == RECORD_VERSION;
}

/* Fields 1..n-1 as ?1..?(n-1), or 1..n-2 for a versioned kind. */
static size_t bound_fields(const struct record_kind *k)
{
	return versioned(k) ? k->nfields - 1 : k->nfields;
}

static void bind_fields(struct store_stmt *st, const struct record_kind *k,
                        const void *rec)
{
	for (size_t i = 1; i < bound_fields(k); i++) {
		const struct record_field *f = &k->fields[i];
		const char *p = (const char *)rec + f->offset;
		int index = (int)i;

		switch (f->type) {
		case RECORD_ID:
		case RECORD_INT:
			store_bind_id(st, index, *(const int64_t *)p);
			break;
		case RECORD_BOOL:
			store_bind_int(st, index, *(const bool *)p ? 1 : 0);
			break;
		case RECORD_TEXT:
		case RECORD_SECRET:
			store_bind_text(st, index, *(char *const *)p);
			break;
		case RECORD_VERSION: /* bound_fields() leaves it out */
			break;
		}
	}
}

void record_read_row(struct store_stmt *st, const struct record_kind *k,
                     struct arena *a, void *rec)
{
	for (size_t i = 0; i < k->nfields; i++) {
		const struct record_field *f = &k->fields[i];
		char *p = (char *)rec + f->offset;
		int col = (int)i;

		switch (f->type) {
		case RECORD_ID:
		case RECORD_INT:
		case RECORD_VERSION:
			*(int64_t *)p = store_column_int(st, col);
			break;
		case RECORD_BOOL:
			*(bool *)p = store_column_int(st, col) != 0;
			break;
		case RECORD_TEXT:
		case RECORD_SECRET:
			*(char **)p =
			        arena_strdup(a, store_column_text(st, col));
			break;
		}
	}
}

json_t *record_to_json(const struct record_kind *k, const void *rec)
{
	json_t *o = json_object();

	for (size_t i = 0; i < k->nfields; i++) {
		const struct record_field *f = &k->fields[i];
		const char *p = (const char *)rec + f->offset;
		json_t *v;

		switch (f->type) {
		case RECORD_ID:
		case RECORD_INT:
			v = *(const int64_t *)p
			            ? json_integer(*(const int64_t *)p)
			            : json_null();
			break;
		case RECORD_VERSION:
			v = json_integer(*(const int64_t *)p);
			break;
		case RECORD_BOOL:
			v = json_boolean(*(const bool *)p);
			break;
		case RECORD_SECRET:
			v = json_string("(hidden)");
			break;
		case RECORD_TEXT:
		default:
			v = *(char *const *)p ? json_string(*(char *const *)p)
			                      : json_null();
			if (v ==
			    NULL) /* not UTF-8: keep the fact, not the bytes */
				v = json_string("(not UTF-8)");
			break;
		}
		json_object_set_new(o, f->name, v);
	}
	return o;
}

json_t *record_to_json_seen(const struct record_kind *k, const void *rec,
                            enum gov_role role)
{
	json_t *o = record_to_json(k, rec);

	for (size_t i = 0; i < k->nfields; i++)
		if (role < k->fields[i].see)
			json_object_del(o, k->fields[i].name);
	return o;
}

enum masa_err record_insert(struct gov *g, const struct record_kind *k,
                            void *rec, struct masa_error *err)
{
	struct store_stmt *st;
	int64_t id;
	enum masa_err rc;

	rc = store_prepare(g->store, k->sql_insert, &st, err);
	if (rc != MASA_OK)
		return rc;
	bind_fields(st, k, rec);
	rc = store_run(st, &id, err);
	if (rc != MASA_OK) {
		masa_error_prefix(err, "%s", k->label);
		return rc;
	}
	*int_at(rec, &k->fields[0]) = id;
	if (versioned(k)) /* the column's default */
		*int_at(rec, &k->fields[k->nfields - 1]) = 1;
	if (g->bulk)
		return MASA_OK;
	return audit_record(g, "create", k->entity, id, NULL,
	                    record_to_json(k, rec), err);
}

enum masa_err record_version_check(const struct record_kind *k, int64_t stored,
                                   int64_t expected, struct masa_error *err)
{
	if (expected == 0 || expected == stored)
		return MASA_OK;
	return masa_error_set(err, MASA_ERR_CONFLICT,
	                      "someone else changed this %s since you opened "
	                      "it (now version %lld): reload it, check their "
	                      "change, and make yours again",
	                      k->label, (long long)stored);
}

/*
 * Why a versioned update or bump of record id changed no row: it is gone
 * (MASA_ERR_NOT_FOUND) or has another version than expected (read after
 * the statement, so it is the one that won).
 */
static enum masa_err version_refused(struct gov *g, const struct record_kind *k,
                                     int64_t id, int64_t expected,
                                     struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	void *now = arena_alloc(&a, k->size);
	enum masa_err rc = record_get(g, k, id, &a, now, err);

	if (rc == MASA_OK)
		rc = record_version_check(
		        k, *cint_at(now, &k->fields[k->nfields - 1]), expected,
		        err);
	/* The row is there with the expected version, yet was not changed:
	 * that is no state the statement can leave. */
	if (rc == MASA_OK)
		rc = masa_error_set(err, MASA_ERR_STORE,
		                    "%s %lld: the store changed no row",
		                    k->label, (long long)id);
	arena_free(&a);
	return rc;
}

enum masa_err record_update(struct gov *g, const struct record_kind *k,
                            const void *rec, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	void *before = arena_alloc(&a, k->size);
	int64_t id = *cint_at(rec, &k->fields[0]);
	int64_t expected = 0, version = 0;
	struct store_stmt *st;
	json_t *after;
	enum masa_err rc;

	if (versioned(k))
		expected = *cint_at(rec, &k->fields[k->nfields - 1]);
	/* The stored record is the audit's "before"; a bulk load writes no
	 * audit entry of its own, and has just read the record itself. A
	 * stale version is refused here already, with the stored one. */
	if (!g->bulk &&
	    ((rc = record_get(g, k, id, &a, before, err)) ||
	     (versioned(k) &&
	      (rc = record_version_check(
	               k, *cint_at(before, &k->fields[k->nfields - 1]),
	               expected, err)))))
		goto out;
	rc = store_prepare(g->store, k->sql_update, &st, err);
	if (rc != MASA_OK)
		goto out;
	bind_fields(st, k, rec);
	store_bind_int(st, (int)bound_fields(k), id);
	/* The version check is in the UPDATE itself, so that of two writers
	 * that both read the same version only the first changes the row. */
	if (versioned(k))
		store_bind_id(st, (int)k->nfields, expected);
	rc = store_run(st, versioned(k) ? &version : NULL, err);
	if (rc != MASA_OK) {
		masa_error_prefix(err, "%s %lld", k->label, (long long)id);
		goto out;
	}
	if (versioned(k) && version == 0) {
		rc = version_refused(g, k, id, expected, err);
		goto out;
	}
	if (g->bulk) /* a bulk load is audited as a whole */
		goto out;
	after = record_to_json(k, rec);
	if (versioned(k))
		json_object_set_new(after, k->fields[k->nfields - 1].name,
		                    json_integer(version));
	rc = audit_record(g, "update", k->entity, id, record_to_json(k, before),
	                  after, err);
out:
	arena_free(&a);
	return rc;
}

enum masa_err record_bump(struct gov *g, const struct record_kind *k,
                          int64_t id, int64_t expected, int64_t *version,
                          struct masa_error *err)
{
	struct store_stmt *st;
	int64_t now = 0;
	enum masa_err rc;

	assert(versioned(k) && k->sql_bump != NULL);
	rc = store_prepare(g->store, k->sql_bump, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	store_bind_id(st, 2, expected);
	rc = store_run(st, &now, err);
	if (rc == MASA_OK && now == 0)
		rc = version_refused(g, k, id, expected, err);
	if (version != NULL)
		*version = rc == MASA_OK ? now : 0;
	return rc;
}

enum masa_err record_get(struct gov *g, const struct record_kind *k, int64_t id,
                         struct arena *a, void *out, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	rc = store_prepare(g->store, k->sql_get, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "no %s with id %lld", k->label,
		                    (long long)id);
	if (rc == MASA_OK)
		record_read_row(st, k, a, out);
	store_done(st);
	return rc;
}

enum masa_err record_collect(struct store_stmt *st, const struct record_kind *k,
                             struct arena *a, void **out, size_t *n,
                             struct masa_error *err)
{
	return record_collect_max(st, k, SIZE_MAX, a, out, n, err);
}

enum masa_err record_collect_max(struct store_stmt *st,
                                 const struct record_kind *k, size_t max,
                                 struct arena *a, void **out, size_t *n,
                                 struct masa_error *err)
{
	size_t cap = 16, count = 0;
	char *items = arena_alloc(a, cap * k->size);
	enum masa_err rc;
	bool row;

	for (;;) {
		rc = store_step(st, &row, err);
		if (rc != MASA_OK || !row)
			break;
		if (count == max) {
			rc = masa_error_set(err, MASA_ERR_LIMIT,
			                    "more than %zu %s records at once",
			                    max, k->label);
			break;
		}
		if (count == cap) {
			char *bigger = arena_alloc(a, 2 * cap * k->size);
			memcpy(bigger, items, cap * k->size);
			items = bigger;
			cap *= 2;
		}
		record_read_row(st, k, a, items + count * k->size);
		count++;
	}
	store_done(st);
	*out = items;
	*n = rc == MASA_OK ? count : 0;
	return rc;
}

enum masa_err record_exists(struct gov *g, const char *sql, int64_t id,
                            int64_t scope, bool *found, struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc;

	rc = store_prepare(g->store, sql, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	if (scope != 0)
		store_bind_int(st, 2, scope);
	rc = store_step(st, found, err);
	store_done(st);
	return rc;
}

enum masa_err record_find(struct gov *g, const struct record_kind *k,
                          const char *sql, int64_t scope, const char *key,
                          struct arena *a, void *out, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	rc = store_prepare(g->store, sql, &st, err);
	if (rc != MASA_OK)
		return rc;
	if (scope != 0) {
		store_bind_int(st, 1, scope);
		store_bind_text(st, 2, key);
	} else {
		store_bind_text(st, 1, key);
	}
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND, "no %s \"%.80s\"",
		                    k->label, key ? key : "");
	if (rc == MASA_OK)
		record_read_row(st, k, a, out);
	store_done(st);
	return rc;
}

enum masa_err record_list(struct gov *g, const struct record_kind *k,
                          const char *sql, int64_t scope, struct arena *a,
                          void **out, size_t *n, struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc = store_prepare(g->store, sql, &st, err);

	if (rc != MASA_OK) {
		*out = NULL;
		*n = 0;
		return rc;
	}
	if (scope != 0)
		store_bind_int(st, 1, scope);
	return record_collect(st, k, a, out, n, err);
}

enum masa_err record_list_seen(struct gov *g, const struct record_kind *k,
                               const char *sql, int64_t scope,
                               const struct gov_viewer *v, struct arena *a,
                               void **out, size_t *n, struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc = store_prepare(g->store, sql, &st, err);

	if (rc != MASA_OK) {
		*out = NULL;
		*n = 0;
		return rc;
	}
	store_bind_int(st, 1, scope);
	gov_viewer_bind(st, v);
	return record_collect(st, k, a, out, n, err);
}

enum masa_err record_find_seen(struct gov *g, const struct record_kind *k,
                               const char *sql, int64_t scope, const char *key,
                               const struct gov_viewer *v, const char *what,
                               struct arena *a, void *out,
                               struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, sql, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, scope);
	if (key != NULL)
		store_bind_text(st, 2, key);
	gov_viewer_bind(st, v);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND, "no %s %s",
		                    k->label, what);
	if (rc == MASA_OK)
		record_read_row(st, k, a, out);
	store_done(st);
	return rc;
}

enum masa_err record_check_ref(struct gov *g, const char *sql, int64_t id,
                               int64_t scope, bool required, const char *field,
                               const char *what, struct masa_error *err)
{
	bool found;
	enum masa_err rc;

	if (id == 0)
		return required ? masa_error_set(err, MASA_ERR_INVALID,
		                                 "%s: required", field)
		                : MASA_OK;
	rc = record_exists(g, sql, id, scope, &found, err);
	if (rc == MASA_OK && !found)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "%s: no %s with id %lld here", field, what,
		                    (long long)id);
	return rc;
}

enum masa_err record_check_partnership(struct gov *g, const char *sql,
                                       int64_t id, int64_t partnership_id,
                                       const char *what, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, sql, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "no %s with id %lld", what, (long long)id);
	else if (rc == MASA_OK && store_column_int(st, 0) != partnership_id)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "%s partnership: cannot move to another "
		                    "partnership",
		                    what);
	store_done(st);
	return rc;
}

/* ---- the form description ---- */

const char *record_field_slug(struct arena *a, const struct record_field *f)
{
	size_t len = strlen(f->name);
	char *s;

	if (f->input == RECORD_INPUT_REF && len > 3 &&
	    strcmp(f->name + len - 3, "_id") == 0)
		len -= 3;
	s = arena_alloc(a, len + 1);
	for (size_t i = 0; i < len; i++)
		s[i] = f->name[i] == '_' ? '-' : f->name[i];
	s[len] = '\0';
	return s;
}

const struct record_field *record_field_by_slug(const struct record_kind *k,
                                                const char *slug)
{
	struct arena a = ARENA_INIT;
	const struct record_field *found = NULL;

	for (size_t i = 0; i < k->nfields && found == NULL; i++)
		if (k->fields[i].input != RECORD_INPUT_NONE &&
		    strcmp(record_field_slug(&a, &k->fields[i]), slug) == 0)
			found = &k->fields[i];
	arena_free(&a);
	return found;
}

const char *record_choice_label(const struct record_field *f, const char *value)
{
	for (size_t i = 0; value && f->choices && f->choices[i]; i++)
		if (strcmp(f->choices[i], value) == 0)
			return f->choice_labels ? f->choice_labels[i] : value;
	return value;
}

bool record_may_edit(const struct record_field *f, enum gov_role role)
{
	enum gov_role least = f->edit ? f->edit : GOV_ROLE_ADMIN;

	return f->input != RECORD_INPUT_NONE && role >= least;
}

/* The one text column of the one row sql selects with ?1 (and ?2). */
static enum masa_err lookup(struct gov *g, const char *sql, int64_t p1,
                            const char *p2, struct arena *a, const char **out,
                            int64_t *id, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, sql, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, p1);
	if (p2 != NULL)
		store_bind_text(st, 2, p2);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = MASA_ERR_NOT_FOUND;
	else if (rc == MASA_OK && out != NULL)
		*out = arena_strdup(a, store_column_text(st, 0));
	else if (rc == MASA_OK)
		*id = store_column_int(st, 0);
	store_done(st);
	return rc;
}

enum masa_err record_field_text(struct gov *g, const struct record_field *f,
                                const void *rec, struct arena *a,
                                const char **out, struct masa_error *err)
{
	const char *p = (const char *)rec + f->offset;
	int64_t n;
	enum masa_err rc;

	*out = "";
	switch (f->type) {
	case RECORD_BOOL:
		*out = *(const bool *)p ? "yes" : "no";
		return MASA_OK;
	case RECORD_TEXT:
	case RECORD_SECRET:
		*out = *(char *const *)p ? *(char *const *)p : "";
		return MASA_OK;
	case RECORD_ID:
	case RECORD_INT:
	case RECORD_VERSION:
		n = *(const int64_t *)p;
		if (n == 0)
			return MASA_OK;
		if (f->input != RECORD_INPUT_REF || f->ref == NULL) {
			*out = arena_printf(a, "%lld", (long long)n);
			return MASA_OK;
		}
		rc = lookup(g, f->ref->sql_key, n, NULL, a, out, NULL, err);
		if (rc == MASA_ERR_NOT_FOUND)
			rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
			                    "%s: no %s with id %lld", f->label,
			                    f->ref->what, (long long)n);
		return rc;
	}
	return MASA_OK;
}

/* A whole number from 0 to 1000000 (a count), or false. */
static bool small_number(const char *s, int64_t *out)
{
	int64_t n = 0;

	if (*s == '\0')
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || n > 100000)
			return false;
		n = n * 10 + (*s - '0');
	}
	*out = n;
	return true;
}

/* What a person should type: for "Label: required" messages. */
static const char *wanted(const struct record_field *f)
{
	switch (f->input) {
	case RECORD_INPUT_DATE:
		return "enter a date";
	case RECORD_INPUT_CHOICE:
	case RECORD_INPUT_REF:
		return "choose one";
	case RECORD_INPUT_YESNO:
		return "say yes or no";
	default:
		return "required";
	}
}

enum masa_err record_field_set_text(struct gov *g, const struct record_field *f,
                                    int64_t partnership_id, void *rec,
                                    const char *text, struct arena *a,
                                    struct masa_error *err)
{
	char *p = (char *)rec + f->offset;
	const char *label = f->label ? f->label : f->name;
	bool none = text == NULL || text_is_blank(text);
	int64_t n = 0;
	enum masa_err rc = MASA_OK;

	if (none && f->required && f->input != RECORD_INPUT_KEY &&
	    f->input != RECORD_INPUT_YESNO)
		return masa_error_set(err, MASA_ERR_INVALID, "%s: %s", label,
		                      wanted(f));
	if (none) {
		if (f->type == RECORD_TEXT || f->type == RECORD_SECRET)
			*(char **)p = NULL;
		else if (f->type == RECORD_BOOL)
			*(bool *)p = false;
		else
			*(int64_t *)p = 0;
		return MASA_OK;
	}
	switch (f->input) {
	case RECORD_INPUT_NONE:
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: is not typed in", label);
	case RECORD_INPUT_LINE:
		rc = check_line(label, text, err);
		break;
	case RECORD_INPUT_TEXT:
		rc = check_optional_text(label, text, err);
		break;
	case RECORD_INPUT_DATE:
		rc = check_date(label, text, false, err);
		break;
	case RECORD_INPUT_EMAIL:
		rc = check_email(label, text, err);
		break;
	case RECORD_INPUT_KEY:
		if (!text_is_slug(text))
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "%s: \"%.60s\" must be lower-case "
			                    "letters, digits and -",
			                    label, text);
		break;
	case RECORD_INPUT_CHOICE: {
		bool ok = false;
		for (size_t i = 0; f->choices && f->choices[i] && !ok; i++)
			if (strcmp(f->choices[i], text) == 0 ||
			    (f->choice_labels &&
			     strcmp(f->choice_labels[i], text) == 0)) {
				text = f->choices[i];
				ok = true;
			}
		if (!ok)
			rc = check_enum(label, text, f->choices, false, err);
		break;
	}
	case RECORD_INPUT_YESNO:
		if (strcmp(text, "yes") == 0 || strcmp(text, "true") == 0)
			n = 1;
		else if (strcmp(text, "no") != 0 && strcmp(text, "false") != 0)
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "%s: say yes or no, not \"%.40s\"",
			                    label, text);
		break;
	case RECORD_INPUT_NUMBER:
		if (!small_number(text, &n))
			rc = masa_error_set(
			        err, MASA_ERR_INVALID,
			        "%s: \"%.40s\" is not a whole number", label,
			        text);
		break;
	case RECORD_INPUT_REF:
		rc = lookup(g, f->ref->sql_id, partnership_id, text, a, NULL,
		            &n, err);
		if (rc == MASA_ERR_NOT_FOUND)
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "%s: there is no %s \"%.80s\" here",
			                    label, f->ref->what, text);
		break;
	}
	if (rc == MASA_OK && f->validate != NULL)
		rc = f->validate(label, text, err);
	if (rc != MASA_OK)
		return rc;
	if (f->type == RECORD_TEXT || f->type == RECORD_SECRET)
		*(char **)p = arena_strdup(a, text);
	else if (f->type == RECORD_BOOL)
		*(bool *)p = n != 0;
	else
		*(int64_t *)p = n;
	return MASA_OK;
}

enum masa_err record_ref_choices(struct gov *g, const struct record_ref *r,
                                 int64_t partnership_id, struct arena *a,
                                 const char ***keys, const char ***names,
                                 size_t *n, struct masa_error *err)
{
	struct store_stmt *st;
	size_t cap = 0;
	bool row;
	enum masa_err rc = store_prepare(g->store, r->sql_choices, &st, err);

	*keys = NULL;
	*names = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, partnership_id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		size_t kcap = cap;
		*keys = arena_grow(a, *keys, *n, &kcap, sizeof **keys, 32);
		*names = arena_grow(a, *names, *n, &cap, sizeof **names, 32);
		(*keys)[*n] = arena_strdup(a, store_column_text(st, 0));
		(*names)[*n] = arena_strdup(a, store_column_text(st, 1));
		(*n)++;
	}
	store_done(st);
	return rc;
}

const struct record_field *record_field_of_message(const struct record_kind *k,
                                                   const char *message)
{
	for (size_t i = 0; i < k->nfields; i++) {
		const char *label = k->fields[i].label;
		size_t len = label ? strlen(label) : 0;
		if (len > 0 && strncmp(message, label, len) == 0 &&
		    message[len] == ':')
			return &k->fields[i];
	}
	return NULL;
}
