/*
 * copy: moving a whole deployment between databases (see copy.h).
 */
#include "gov/copy.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/mem.h"

/*
 * Every table of the schema, each after the tables it refers to. A table
 * that refers to itself (SELF_REFERENCES) has that column copied as NULL
 * first and set once all its rows are in, as a parent may have come later.
 * masa_schema is not copied: the new database was made at the version.
 */
static const char *const TABLES[] = {
        "partnership",
        "organisation",
        "person",
        "body",
        "membership",
        "meeting",
        "item",
        "attendance",
        "declaration",
        "resolution",
        "document",
        "paper",
        "paper_version",
        "pack",
        "circulation",
        "audit_log",
        "action",
        "action_update",
        "action_owner",
        "reminder_sent",
        "programme_entry",
        "setting",
        "account",
        "session",
        "api_token",
        "partnership_host",
        "body_partnership",
        "minutes_document",
        "site_page",
        "incident",
        "incident_agency",
        "practice_review",
        "review_stage",
        "review_contribution",
        "recommendation",
        "recommendation_action",
        "impact_evidence",
        "learning_briefing",
        "briefing_circulation",
        "child_death",
        "child_death_factor",
        "cdr_theme",
        "child_death_theme",
        "child_death_action",
        "incident_reminder_sent",
};
enum { NTABLES = sizeof TABLES / sizeof TABLES[0] };

/*
 * Tables a migration fills with rows of its own (the built-in themes of
 * child deaths): the new database has them already, so they are not
 * counted as data there and are replaced by the source's rows.
 */
static bool seeded(const char *table)
{
	return strcmp(table, "cdr_theme") == 0;
}

static const struct {
	const char *table, *column;
} SELF_REFERENCES[] = {
        {"body", "parent_id"},
        {"item", "parent_id"},
};

/* The columns holding bytes (BLOB, bytea), copied and compared as such. */
static bool is_blob_column(const char *name)
{
	return strcmp(name, "content") == 0;
}

static const char *self_reference(const char *table)
{
	for (size_t i = 0;
	     i < sizeof SELF_REFERENCES / sizeof SELF_REFERENCES[0]; i++)
		if (strcmp(SELF_REFERENCES[i].table, table) == 0)
			return SELF_REFERENCES[i].column;
	return NULL;
}

/* The (id, parent) pairs of a self-referencing table, set after its rows. */
struct later {
	int64_t *pairs;
	size_t n, cap;
};

static void later_add(struct later *l, int64_t id, int64_t parent)
{
	if (l->n + 2 > l->cap) {
		l->cap = l->cap ? 2 * l->cap : 256;
		l->pairs = xrealloc(l->pairs, l->cap * sizeof *l->pairs);
	}
	l->pairs[l->n++] = id;
	l->pairs[l->n++] = parent;
}

static enum masa_err later_apply(struct store *to, const char *table,
                                 const char *column, const struct later *l,
                                 struct masa_error *err)
{
	char sql[160];
	struct store_stmt *st;
	enum masa_err rc;

	if (l->n == 0)
		return MASA_OK;
	snprintf(sql, sizeof sql, "UPDATE \"%s\" SET \"%s\" = ? WHERE id = ?",
	         table, column);
	rc = store_prepare_once(to, sql, &st, err);
	if (rc != MASA_OK)
		return rc;
	for (size_t i = 0; rc == MASA_OK && i < l->n; i += 2) {
		store_bind_int(st, 1, l->pairs[i + 1]);
		store_bind_int(st, 2, l->pairs[i]);
		rc = store_run(st, NULL, err);
	}
	store_finalize(st);
	if (rc != MASA_OK)
		masa_error_prefix(err, "copying %s.%s", table, column);
	return rc;
}

/* The tables the schema has that copy does not know: a masa bug. */
static const char SQL_TABLES_SQLITE[] =
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name";
static const char SQL_TABLES_PG[] =
        "SELECT tablename FROM pg_tables "
        "WHERE schemaname = current_schema() ORDER BY tablename";

static enum masa_err check_tables(struct store *s, struct masa_error *err)
{
	bool pg = strcmp(store_backend_name(s), "postgresql") == 0;
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	rc = store_prepare(s, pg ? SQL_TABLES_PG : SQL_TABLES_SQLITE, &st, err);
	if (rc != MASA_OK)
		return rc;
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		const char *name = store_column_text(st, 0);
		bool known = strcmp(name, "masa_schema") == 0;
		for (size_t i = 0; i < NTABLES && !known; i++)
			known = strcmp(name, TABLES[i]) == 0;
		if (!known) {
			rc = masa_error_set(err, MASA_ERR_VERSION,
			                    "this masa does not know how to "
			                    "copy table %s",
			                    name);
			break;
		}
	}
	store_done(st);
	return rc;
}

/* Whether to holds any row of any table: copy goes only into a new one. */
static enum masa_err check_empty(struct store *to, struct masa_error *err)
{
	for (size_t i = 0; i < NTABLES; i++) {
		char sql[128];
		struct store_stmt *st;
		bool row;
		enum masa_err rc;

		if (seeded(TABLES[i]))
			continue;
		snprintf(sql, sizeof sql, "SELECT 1 FROM %s LIMIT 1",
		         TABLES[i]);
		rc = store_prepare_once(to, sql, &st, err);
		if (rc != MASA_OK)
			return rc;
		rc = store_step(st, &row, err);
		store_finalize(st);
		if (rc != MASA_OK)
			return rc;
		if (row)
			return masa_error_set(
			        err, MASA_ERR_CONFLICT,
			        "the destination already holds data (table "
			        "%s): "
			        "copy only into a new, empty database",
			        TABLES[i]);
	}
	return MASA_OK;
}

/* SELECT * of table in a stable order: by its first column (the id). */
static enum masa_err select_all(struct store *s, const char *table,
                                struct store_stmt **st, struct masa_error *err)
{
	char sql[128];

	snprintf(sql, sizeof sql, "SELECT * FROM \"%s\" ORDER BY 1", table);
	return store_prepare_once(s, sql, st, err);
}

static enum masa_err copy_table(struct store *from, struct store *to,
                                const char *table, size_t *rows,
                                struct masa_error *err)
{
	struct store_stmt *src = NULL, *dst = NULL;
	struct buf sql;
	struct later later = {0};
	const char *self = self_reference(table);
	bool row, has_id = false;
	int ncol = 0, self_col = -1, id_col = -1;
	enum masa_err rc;

	*rows = 0;
	buf_init(&sql, 1 << 16);
	rc = select_all(from, table, &src, err);
	while (rc == MASA_OK && (rc = store_step(src, &row, err)) == MASA_OK &&
	       row) {
		if (dst == NULL) {
			ncol = store_column_count(src);
			buf_printf(&sql, NULL, "INSERT INTO \"%s\" (", table);
			for (int c = 0; c < ncol; c++) {
				const char *name = store_column_name(src, c);
				if (strcmp(name, "id") == 0) {
					has_id = true;
					id_col = c;
				}
				if (self != NULL && strcmp(name, self) == 0)
					self_col = c;
				buf_printf(&sql, NULL, "%s\"%s\"",
				           c ? ", " : "", name);
			}
			buf_printf(&sql, NULL, ") VALUES (");
			for (int c = 0; c < ncol; c++)
				buf_printf(&sql, NULL, "%s?%d", c ? ", " : "",
				           c + 1);
			buf_printf(&sql, NULL, ")");
			rc = store_prepare_once(to, buf_str(&sql), &dst, err);
			if (rc != MASA_OK)
				break;
		}
		for (int c = 0; c < ncol; c++)
			if (c == self_col) {
				store_bind_null(dst, c + 1);
			} else if (is_blob_column(store_column_name(src, c))) {
				size_t size;
				const void *bytes =
				        store_column_blob(src, c, &size);
				store_bind_blob(dst, c + 1, bytes, size);
			} else
				store_bind_text(dst, c + 1,
				                store_column_text(src, c));
		if (self_col >= 0 && id_col >= 0 &&
		    !store_column_is_null(src, self_col))
			later_add(&later, store_column_int(src, id_col),
			          store_column_int(src, self_col));
		rc = store_run(dst, NULL, err);
		if (rc != MASA_OK) {
			masa_error_prefix(err, "copying %s row %zu", table,
			                  *rows + 1);
			break;
		}
		(*rows)++;
	}
	store_finalize(src);
	store_finalize(dst);
	buf_free(&sql);
	if (rc == MASA_OK && self != NULL)
		rc = later_apply(to, table, self, &later, err);
	free(later.pairs);
	if (rc == MASA_OK && has_id)
		rc = store_ids_follow(to, table, err);
	return rc;
}

/* Reads table from both and compares every value. */
static enum masa_err compare_table(struct store *a, struct store *b,
                                   const char *table, struct masa_error *err)
{
	struct store_stmt *sa = NULL, *sb = NULL;
	size_t n = 0;
	enum masa_err rc;

	rc = select_all(a, table, &sa, err);
	if (rc == MASA_OK)
		rc = select_all(b, table, &sb, err);
	while (rc == MASA_OK) {
		bool ra, rb;
		if ((rc = store_step(sa, &ra, err)) != MASA_OK ||
		    (rc = store_step(sb, &rb, err)) != MASA_OK)
			break;
		if (ra != rb) {
			rc = masa_error_set(
			        err, MASA_ERR_STORE,
			        "the copy of %s has %s rows than the "
			        "original",
			        table, ra ? "fewer" : "more");
			break;
		}
		if (!ra)
			break;
		n++;
		for (int c = 0; c < store_column_count(sa); c++) {
			if (is_blob_column(store_column_name(sa, c))) {
				size_t na, nb;
				const void *x = store_column_blob(sa, c, &na);
				const void *y = store_column_blob(sb, c, &nb);
				if (na != nb ||
				    (na > 0 && memcmp(x, y, na) != 0))
					rc = masa_error_set(
					        err, MASA_ERR_STORE,
					        "the copy of %s row %zu "
					        "differs "
					        "in %s",
					        table, n,
					        store_column_name(sa, c));
				if (rc != MASA_OK)
					break;
				continue;
			}
			const char *x = store_column_text(sa, c);
			const char *y = store_column_text(sb, c);
			if ((x == NULL) != (y == NULL) ||
			    (x != NULL && strcmp(x, y) != 0)) {
				rc = masa_error_set(
				        err, MASA_ERR_STORE,
				        "the copy of %s row %zu differs in %s",
				        table, n, store_column_name(sa, c));
				break;
			}
		}
	}
	store_finalize(sa);
	store_finalize(sb);
	return rc;
}

enum masa_err gov_copy(struct store *from, struct store *to, FILE *progress,
                       struct gov_copy_counts *counts, struct masa_error *err)
{
	enum masa_err rc;

	*counts = (struct gov_copy_counts){0};
	if (store_schema_version(from) != store_schema_version(to))
		return masa_error_set(err, MASA_ERR_VERSION,
		                      "the source has schema version %d and "
		                      "the destination %d: run `masa migrate` "
		                      "on the source first",
		                      store_schema_version(from),
		                      store_schema_version(to));
	if ((rc = check_tables(from, err)) != MASA_OK ||
	    (rc = check_empty(to, err)) != MASA_OK)
		return rc;
	/* One snapshot of the source, however busy it is meanwhile. */
	if ((rc = store_begin_read(from, err)) != MASA_OK)
		return rc;
	if ((rc = store_begin(to, err)) != MASA_OK)
		goto out_from;
	for (size_t i = 0; i < NTABLES; i++) {
		size_t rows;
		char sql[128];

		if (seeded(TABLES[i])) {
			struct store_stmt *st;

			snprintf(sql, sizeof sql, "DELETE FROM %s", TABLES[i]);
			if ((rc = store_prepare_once(to, sql, &st, err)) !=
			    MASA_OK)
				break;
			rc = store_run(st, NULL, err);
			store_finalize(st);
			if (rc != MASA_OK)
				break;
		}
		rc = copy_table(from, to, TABLES[i], &rows, err);
		if (rc != MASA_OK)
			break;
		counts->tables++;
		counts->rows += rows;
		if (progress != NULL)
			fprintf(progress, "  %-16s %zu rows\n", TABLES[i],
			        rows);
	}
	/* Read back before committing: a difference leaves nothing behind. */
	for (size_t i = 0; rc == MASA_OK && i < NTABLES; i++)
		rc = compare_table(from, to, TABLES[i], err);
	if (rc != MASA_OK)
		store_rollback(to);
	if (rc == MASA_OK)
		rc = store_commit(to, err);
	else
		(void)store_commit(to, NULL);
out_from:
	(void)store_commit(from, NULL);
	return rc;
}
