/*
 * test_store: unit tests of src/store against a real SQLite file in /tmp,
 * or (tests/run pg) a schema of a throwaway PostgreSQL cluster: opening and
 * creating, schema versions, refusing files that are not masa databases,
 * nested transactions, the statement cache, placeholders, foreign keys, WAL
 * mode, the append-only audit log, the data version, write transactions
 * that take their turn at their start and the count of writes, and
 * (PostgreSQL) a serialization failure and a lost connection.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "store/store.h"
#include "testdb.h"

struct fixture {
	char path[TESTDB_SIZE];
};

static void remove_db(const char *path)
{
	testdb_reset(path);
}

/* The tests about SQLite files themselves skip on PostgreSQL. */
#define SQLITE_ONLY()                    \
	do {                             \
		if (testdb_pg() != NULL) \
			skip();          \
	} while (0)

/* A fresh, empty (and so "missing") database. */
static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL)
		return -1;
	if (testdb_new(f->path, sizeof f->path, "store") != 0) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	testdb_remove(f->path);
	free(f);
	return 0;
}

static struct store *open_created(const char *path)
{
	struct masa_error err = {0};
	struct store *s = NULL;

	if (store_open(path, STORE_OPEN_CREATE, &s, &err) != MASA_OK)
		fail_msg("store_open %s: %s", path, err.message);
	return s;
}

/* Runs SQL on a raw sqlite3 connection to the file, behind masa's back. */
static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	char *msg = NULL;

	if (testdb_pg() != NULL) {
		assert_true(testdb_pg_exec_in(path, sql));
		return;
	}
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fail_msg("raw exec %s: %s", sql, msg ? msg : "?");
	}
	sqlite3_close(db);
}

static const char SQL_PARTNERSHIP_INSERT[] =
        "INSERT INTO partnership (key, name) VALUES (?, ?) RETURNING id";
static const char SQL_PARTNERSHIP_COUNT[] = "SELECT COUNT(*) FROM partnership";
static const char SQL_ADD_ONE[] = "SELECT ? + 1";

static int64_t query_int(struct store *s, const char *sql)
{
	struct masa_error err = {0};
	struct store_stmt *st;
	bool row = false;
	int64_t v;

	assert_int_equal(store_prepare(s, sql, &st, &err), MASA_OK);
	assert_int_equal(store_step(st, &row, &err), MASA_OK);
	assert_true(row);
	v = store_column_int(st, 0);
	store_done(st);
	return v;
}

static enum masa_err insert_partnership(struct store *s, const char *key,
                                        int64_t *id, struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc = store_prepare(s, SQL_PARTNERSHIP_INSERT, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_text(st, 1, key);
	store_bind_text(st, 2, "A partnership");
	return store_run(st, id, err);
}

static int64_t count_partnerships_reopened(const char *path)
{
	struct masa_error err = {0};
	struct store *s = NULL;
	int64_t n;

	if (store_open(path, STORE_OPEN_EXISTING, &s, &err) != MASA_OK)
		fail_msg("reopen: %s", err.message);
	n = query_int(s, SQL_PARTNERSHIP_COUNT);
	store_close(s);
	return n;
}

static void test_open_missing_without_create(void **state)
{
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store *s = (struct store *)f; /* must be reset to NULL */
	struct stat sb;
	char expect[TESTDB_SIZE * 2 + 128];

	remove_db(f->path);
	assert_int_equal(store_open(f->path, STORE_OPEN_EXISTING, &s, &err),
	                 MASA_ERR_NOT_FOUND);
	assert_null(s);
	assert_int_equal(err.code, MASA_ERR_NOT_FOUND);
	snprintf(expect, sizeof expect,
	         "no masa database at %s (create one with `masa --db %s init`)",
	         f->path, f->path);
	assert_string_equal(err.message, expect);
	if (testdb_pg() != NULL)
		return; /* the rest is about files */
	/* Nothing was created. */
	assert_int_not_equal(stat(f->path, &sb), 0);

	/* An empty file counts as missing too. */
	FILE *fp = fopen(f->path, "w");
	assert_non_null(fp);
	fclose(fp);
	assert_int_equal(store_open(f->path, STORE_OPEN_MIGRATE, &s, &err),
	                 MASA_ERR_NOT_FOUND);
	assert_null(s);
}

static void test_open_create_and_reopen(void **state)
{
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store *s = NULL;
	int64_t id = 0;

	remove_db(f->path);
	assert_int_equal(store_open(f->path, STORE_OPEN_CREATE, &s, &err),
	                 MASA_OK);
	assert_non_null(s);
	assert_true(store_schema_latest() >= 2);
	assert_int_equal(store_schema_version(s), store_schema_latest());
	assert_string_equal(store_backend_name(s),
	                    testdb_pg() != NULL ? "postgresql" : "sqlite");
	assert_int_equal(query_int(s, "SELECT version FROM masa_schema"),
	                 store_schema_latest());
	assert_int_equal(query_int(s, "SELECT COUNT(*) FROM masa_schema"), 1);
	assert_int_equal(insert_partnership(s, "rotherham", &id, &err),
	                 MASA_OK);
	assert_int_equal(id, 1);
	store_close(s);

	/* Reopening needs no CREATE, keeps the data and the version. */
	s = NULL;
	assert_int_equal(store_open(f->path, STORE_OPEN_EXISTING, &s, &err),
	                 MASA_OK);
	assert_int_equal(store_schema_version(s), store_schema_latest());
	assert_int_equal(query_int(s, SQL_PARTNERSHIP_COUNT), 1);
	store_close(s);

	/* CREATE on an existing database opens it without touching it. */
	s = NULL;
	assert_int_equal(store_open(f->path, STORE_OPEN_CREATE, &s, &err),
	                 MASA_OK);
	assert_int_equal(query_int(s, SQL_PARTNERSHIP_COUNT), 1);
	assert_int_equal(query_int(s, "SELECT COUNT(*) FROM masa_schema"), 1);
	store_close(s);
	store_close(NULL);
}

static void test_open_not_sqlite(void **state)
{
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store *s = (struct store *)f;
	char expect[TESTDB_SIZE * 2 + 64];
	FILE *fp;

	SQLITE_ONLY();
	fp = fopen(f->path, "w");

	assert_non_null(fp);
	for (int i = 0; i < 100; i++)
		fputs("This is a text file, not a database.\n", fp);
	fclose(fp);
	assert_int_not_equal(store_open(f->path, STORE_OPEN_EXISTING, &s, &err),
	                     MASA_OK);
	assert_null(s);
	assert_int_equal(err.code, MASA_ERR_INVALID);
	snprintf(expect, sizeof expect, "%s is not a masa database", f->path);
	assert_string_equal(err.message, expect);
	assert_non_null(strstr(err.message, "not a masa database"));
	/* CREATE does not overwrite it either. */
	s = (struct store *)f;
	assert_int_equal(store_open(f->path, STORE_OPEN_CREATE, &s, &err),
	                 MASA_ERR_INVALID);
	assert_null(s);
	assert_non_null(strstr(err.message, "not a masa database"));
}

static void test_open_sqlite_but_not_masa(void **state)
{
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store *s = NULL;
	char expect[TESTDB_SIZE * 2 + 64];

	SQLITE_ONLY();

	remove_db(f->path);
	raw_exec(f->path, "CREATE TABLE notes (body TEXT);"
	                  "INSERT INTO notes VALUES ('hello');");
	assert_int_equal(store_open(f->path, STORE_OPEN_EXISTING, &s, &err),
	                 MASA_ERR_INVALID);
	assert_null(s);
	snprintf(expect, sizeof expect, "%s is not a masa database", f->path);
	assert_string_equal(err.message, expect);
}

static void test_open_directory(void **state)
{
	struct masa_error err = {0};
	struct store *s = NULL;

	(void)state;
	SQLITE_ONLY();
	assert_int_equal(store_open("/tmp", STORE_OPEN_CREATE, &s, &err),
	                 MASA_ERR_INVALID);
	assert_null(s);
	assert_string_equal(err.message, "/tmp is not a database file");
}

static void test_open_newer_version(void **state)
{
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store *s;
	char expect[TESTDB_SIZE * 2 + 128];

	remove_db(f->path);
	store_close(open_created(f->path));
	raw_exec(f->path, "UPDATE masa_schema SET version = 99");
	s = (struct store *)f;
	assert_int_equal(store_open(f->path, STORE_OPEN_EXISTING, &s, &err),
	                 MASA_ERR_VERSION);
	assert_null(s);
	assert_int_equal(err.code, MASA_ERR_VERSION);
	snprintf(expect, sizeof expect,
	         "%s has schema version 99, newer than this masa understands "
	         "(up to %d): use a newer masa",
	         f->path, store_schema_latest());
	assert_string_equal(err.message, expect);
	assert_non_null(strstr(err.message, "99"));
	/* Migrating cannot go backwards either. */
	assert_int_equal(store_open(f->path, STORE_OPEN_MIGRATE, &s, &err),
	                 MASA_ERR_VERSION);
	assert_null(s);

	/* A version of 0 is not a masa database at all. */
	raw_exec(f->path, "UPDATE masa_schema SET version = 0");
	assert_int_equal(store_open(f->path, STORE_OPEN_EXISTING, &s, &err),
	                 MASA_ERR_INVALID);
	assert_non_null(strstr(err.message, "is not a masa database"));
}

static void test_nested_commit_persists(void **state)
{
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store *s;
	int64_t id = 0;

	remove_db(f->path);
	s = open_created(f->path);
	assert_int_equal(store_begin(s, &err), MASA_OK);
	assert_int_equal(insert_partnership(s, "outer", &id, &err), MASA_OK);
	assert_int_equal(store_begin(s, &err), MASA_OK);
	assert_int_equal(insert_partnership(s, "inner", &id, &err), MASA_OK);
	assert_int_equal(id, 2);
	assert_int_equal(store_commit(s, &err), MASA_OK);
	assert_int_equal(store_commit(s, &err), MASA_OK);
	store_close(s);
	assert_int_equal(count_partnerships_reopened(f->path), 2);
}

static void test_nested_rollback_fails_outer_commit(void **state)
{
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store *s;
	int64_t id = 0;

	remove_db(f->path);
	s = open_created(f->path);
	assert_int_equal(store_begin(s, &err), MASA_OK);
	assert_int_equal(insert_partnership(s, "outer", &id, &err), MASA_OK);
	assert_int_equal(store_begin(s, &err), MASA_OK);
	assert_int_equal(insert_partnership(s, "inner", &id, &err), MASA_OK);
	store_rollback(s);
	assert_int_equal(store_commit(s, &err), MASA_ERR_STORE);
	assert_string_equal(err.message, "transaction was rolled back");
	masa_error_clear(&err);
	assert_int_equal(store_commit(s, &err), MASA_ERR_STORE);
	assert_string_equal(err.message, "transaction was rolled back");
	assert_int_equal(query_int(s, SQL_PARTNERSHIP_COUNT), 0);

	/* The next transaction starts clean and works. */
	assert_int_equal(store_begin(s, &err), MASA_OK);
	assert_int_equal(insert_partnership(s, "after", &id, &err), MASA_OK);
	assert_int_equal(store_commit(s, &err), MASA_OK);
	store_close(s);
	assert_int_equal(count_partnerships_reopened(f->path), 1);
}

static void test_failed_statement_fails_transaction(void **state)
{
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store *s;
	int64_t id = 0;

	remove_db(f->path);
	s = open_created(f->path);
	assert_int_equal(store_begin(s, &err), MASA_OK);
	assert_int_equal(insert_partnership(s, "same", &id, &err), MASA_OK);
	assert_int_equal(id, 1);
	assert_int_equal(insert_partnership(s, "same", &id, &err),
	                 MASA_ERR_CONFLICT);
	assert_int_equal(id, 0);
	assert_non_null(strstr(err.message, "already recorded"));
	assert_int_equal(store_commit(s, &err), MASA_ERR_STORE);
	store_close(s);
	assert_int_equal(count_partnerships_reopened(f->path), 0);
}

static void test_statement_cache(void **state)
{
	/* Same text at different addresses: different cache entries. */
	static char many[100][24];
	struct store_stmt *first[100];
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store_stmt *st, *again, *add_one;
	struct store *s;
	bool row = false;

	for (int i = 0; i < 100; i++)
		memcpy(many[i], "SELECT 1", sizeof "SELECT 1");
	remove_db(f->path);
	s = open_created(f->path);
	assert_int_equal(store_prepare(s, SQL_ADD_ONE, &st, &err), MASA_OK);
	add_one = st;
	store_bind_int(st, 1, 41);
	assert_int_equal(store_step(st, &row, &err), MASA_OK);
	assert_true(row);
	assert_int_equal(store_column_int(st, 0), 42);
	assert_false(store_column_is_null(st, 0));
	store_done(st);

	/* The same literal gives back the same statement, bindings cleared. */
	assert_int_equal(store_prepare(s, SQL_ADD_ONE, &again, &err), MASA_OK);
	assert_ptr_equal(again, st);
	assert_int_equal(store_step(again, &row, &err), MASA_OK);
	assert_true(row);
	assert_true(store_column_is_null(again, 0));
	assert_int_equal(store_column_int(again, 0), 0);
	assert_null(store_column_text(again, 0));
	store_done(again);
	assert_int_equal(store_prepare(s, SQL_ADD_ONE, &again, &err), MASA_OK);
	store_bind_int(again, 1, 1);
	assert_int_equal(store_step(again, &row, &err), MASA_OK);
	assert_int_equal(store_column_int(again, 0), 2);
	assert_string_equal(store_column_text(again, 0), "2");
	store_done(again);

	/* Enough statements to grow the cache; each stays found. */
	for (int i = 0; i < 100; i++) {
		assert_int_equal(store_prepare(s, many[i], &first[i], &err),
		                 MASA_OK);
		store_done(first[i]);
	}
	for (int i = 0; i < 100; i++) {
		for (int j = 0; j < i; j++)
			assert_ptr_not_equal(first[i], first[j]);
		assert_int_equal(store_prepare(s, many[i], &st, &err), MASA_OK);
		assert_ptr_equal(st, first[i]);
		assert_int_equal(store_step(st, &row, &err), MASA_OK);
		assert_int_equal(store_column_int(st, 0), 1);
		store_done(st);
	}
	/* The first statement survived the cache growing. */
	assert_int_equal(store_prepare(s, SQL_ADD_ONE, &again, &err), MASA_OK);
	assert_ptr_equal(again, add_one);
	store_done(again);

	/* Bad SQL is an error with the database's words in it. */
	assert_int_equal(store_prepare(s, "SELEKT 1", &st, &err),
	                 MASA_ERR_STORE);
	assert_non_null(strstr(err.message, "database error: "));
	assert_non_null(strstr(err.message, "syntax error"));
	store_close(s);
}

/*
 * A statement run hundreds of times in one transaction, as in a load (where
 * PostgreSQL's statements are planned again as their tables grow), gives the
 * right rows every time and leaves no statements behind on the server.
 */
static void test_statement_runs_many_times(void **state)
{
	static const char sql_find[] =
	        "SELECT id FROM partnership WHERE key = ?";
	static const char sql_server_statements[] =
	        "SELECT COUNT(*) FROM pg_prepared_statements";
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store_stmt *st;
	struct store *s;
	int64_t id, prepared = 0;
	bool row;

	remove_db(f->path);
	s = open_created(f->path);
	if (testdb_pg() != NULL)
		prepared = query_int(s, sql_server_statements);
	assert_int_equal(store_begin(s, &err), MASA_OK);
	for (int i = 0; i < 600; i++) {
		char key[16];
		snprintf(key, sizeof key, "p%d", i);
		assert_int_equal(insert_partnership(s, key, &id, &err),
		                 MASA_OK);
		assert_int_equal(store_prepare(s, sql_find, &st, &err),
		                 MASA_OK);
		store_bind_text(st, 1, key);
		assert_int_equal(store_step(st, &row, &err), MASA_OK);
		assert_true(row);
		assert_int_equal(store_column_int(st, 0), id);
		store_done(st);
	}
	assert_int_equal(store_commit(s, &err), MASA_OK);
	assert_int_equal(query_int(s, SQL_PARTNERSHIP_COUNT), 600);
	/* Three more statements (insert, find, count) on the server, once. */
	if (testdb_pg() != NULL)
		assert_int_equal(query_int(s, sql_server_statements),
		                 prepared + 3);
	store_close(s);
}

static void test_bind_and_run(void **state)
{
	static const char sql_echo[] =
	        "SELECT CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS BIGINT)";
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store_stmt *st;
	struct store *s;
	bool row;
	int64_t id = -1;

	remove_db(f->path);
	s = open_created(f->path);
	assert_int_equal(store_prepare(s, sql_echo, &st, &err), MASA_OK);
	store_bind_text(st, 1, "caf\xc3\xa9");
	store_bind_id(st, 2, 0);
	store_bind_id(st, 3, INT64_MAX);
	assert_int_equal(store_step(st, &row, &err), MASA_OK);
	assert_true(row);
	assert_string_equal(store_column_text(st, 0), "caf\xc3\xa9");
	assert_true(store_column_is_null(st, 1));
	assert_true(store_column_int(st, 2) == INT64_MAX);
	assert_int_equal(store_step(st, &row, &err), MASA_OK);
	assert_false(row);
	store_done(st);

	/* store_run gives the RETURNING id and 0 for no row. */
	assert_int_equal(insert_partnership(s, "a", &id, &err), MASA_OK);
	assert_int_equal(id, 1);
	assert_int_equal(insert_partnership(s, "b", &id, &err), MASA_OK);
	assert_int_equal(id, 2);
	assert_int_equal(store_prepare(s,
	                               "DELETE FROM partnership WHERE id = ?",
	                               &st, &err),
	                 MASA_OK);
	store_bind_int(st, 1, 2);
	assert_int_equal(store_run(st, &id, &err), MASA_OK);
	assert_int_equal(id, 0);
	assert_int_equal(query_int(s, SQL_PARTNERSHIP_COUNT), 1);
	store_close(s);
}

/* Bytes go in and come out as they were: every byte value, NUL, empty. */
static void test_blob(void **state)
{
	static const char sql_put[] =
	        "INSERT INTO blobs (n, b) VALUES (?1, ?2)";
	static const char sql_get[] = "SELECT b FROM blobs ORDER BY n";
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store_stmt *st;
	struct store *s;
	unsigned char bytes[512];
	const unsigned char *got;
	size_t size;
	bool row;

	for (size_t i = 0; i < sizeof bytes; i++)
		bytes[i] = (unsigned char)(i * 7);
	remove_db(f->path);
	s = open_created(f->path);
	assert_int_equal(
	        store_prepare_once(
	                s,
	                strcmp(store_backend_name(s), "postgresql") == 0
	                        ? "CREATE TEMP TABLE blobs (n BIGINT, b BYTEA)"
	                        : "CREATE TEMP TABLE blobs (n BIGINT, b BLOB)",
	                &st, &err),
	        MASA_OK);
	assert_int_equal(store_run(st, NULL, &err), MASA_OK);
	store_finalize(st);
	for (int n = 0; n < 3; n++) {
		assert_int_equal(store_prepare(s, sql_put, &st, &err), MASA_OK);
		store_bind_int(st, 1, n);
		if (n == 0)
			store_bind_blob(st, 2, bytes, sizeof bytes);
		else if (n == 1)
			store_bind_blob(st, 2, "", 0);
		else
			store_bind_blob(st, 2, NULL, 0);
		assert_int_equal(store_run(st, NULL, &err), MASA_OK);
	}
	assert_int_equal(store_prepare(s, sql_get, &st, &err), MASA_OK);
	assert_int_equal(store_step(st, &row, &err), MASA_OK);
	assert_true(row);
	got = store_column_blob(st, 0, &size);
	assert_int_equal(size, sizeof bytes);
	assert_memory_equal(got, bytes, sizeof bytes);
	assert_int_equal(store_step(st, &row, &err), MASA_OK);
	got = store_column_blob(st, 0, &size);
	assert_non_null(got); /* empty, not NULL */
	assert_int_equal(size, 0);
	assert_int_equal(store_step(st, &row, &err), MASA_OK);
	assert_null(store_column_blob(st, 0, &size));
	assert_true(store_column_is_null(st, 0));
	store_done(st);
	store_close(s);
}

static void test_foreign_keys_enforced(void **state)
{
	static const char sql_membership[] =
	        "INSERT INTO membership (body_id, person_id, role) "
	        "VALUES (?, ?, 'member')";
	static const char sql_count[] = "SELECT COUNT(*) FROM membership";
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store_stmt *st;
	struct store *s;

	remove_db(f->path);
	s = open_created(f->path);
	if (testdb_pg() == NULL)
		assert_int_equal(query_int(s, "PRAGMA foreign_keys"), 1);
	assert_int_equal(store_prepare(s, sql_membership, &st, &err), MASA_OK);
	store_bind_int(st, 1, 9999);
	store_bind_int(st, 2, 9999);
	assert_int_equal(store_run(st, NULL, &err), MASA_ERR_INVALID);
	assert_string_equal(err.message,
	                    "refers to a record that does not exist");
	assert_int_equal(query_int(s, sql_count), 0);
	/* A CHECK constraint is refused too, with the database's reason. */
	assert_int_equal(insert_partnership(s, "p", NULL, &err), MASA_OK);
	assert_int_equal(
	        store_prepare(s,
	                      "INSERT INTO organisation (partnership_id, key, "
	                      "name, part) VALUES (1, 'k', 'n', 'boss')",
	                      &st, &err),
	        MASA_OK);
	assert_int_equal(store_run(st, NULL, &err), MASA_ERR_INVALID);
	assert_non_null(strstr(err.message, "not allowed ("));
	assert_true(strstr(err.message, "CHECK constraint") != NULL ||
	            strstr(err.message, "check constraint") != NULL);
	assert_int_equal(query_int(s, "SELECT COUNT(*) FROM organisation"), 0);
	store_close(s);
}

static void test_wal_mode(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;

	SQLITE_ONLY();

	remove_db(f->path);
	s = open_created(f->path);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(
	        sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL),
	        SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	sqlite3_close(db);
	store_close(s);
}

static void test_audit_log_append_only(void **state)
{
	static const char sql_insert[] =
	        "INSERT INTO audit_log (at, actor, action, entity, entity_id) "
	        "VALUES ('2014-12-04T10:00:00Z', 'tester', 'create', "
	        "'person', 1) RETURNING id";
	static const char sql_update[] =
	        "UPDATE audit_log SET actor = 'mallory' WHERE id = ?";
	static const char sql_delete[] = "DELETE FROM audit_log WHERE id = ?";
	static const char sql_read[] =
	        "SELECT actor, (SELECT COUNT(*) FROM audit_log) FROM audit_log "
	        "WHERE id = ?";
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store_stmt *st;
	struct store *s;
	bool row;
	int64_t id = 0;

	remove_db(f->path);
	s = open_created(f->path);
	assert_int_equal(store_prepare(s, sql_insert, &st, &err), MASA_OK);
	assert_int_equal(store_run(st, &id, &err), MASA_OK);
	assert_true(id > 0);

	assert_int_equal(store_prepare(s, sql_update, &st, &err), MASA_OK);
	store_bind_int(st, 1, id);
	assert_int_equal(store_run(st, NULL, &err), MASA_ERR_INVALID);
	assert_non_null(strstr(err.message, "the audit log is append-only"));

	masa_error_clear(&err);
	assert_int_equal(store_prepare(s, sql_delete, &st, &err), MASA_OK);
	store_bind_int(st, 1, id);
	assert_int_equal(store_run(st, NULL, &err), MASA_ERR_INVALID);
	assert_non_null(strstr(err.message, "the audit log is append-only"));

	assert_int_equal(store_prepare(s, sql_read, &st, &err), MASA_OK);
	store_bind_int(st, 1, id);
	assert_int_equal(store_step(st, &row, &err), MASA_OK);
	assert_true(row);
	assert_string_equal(store_column_text(st, 0), "tester");
	assert_int_equal(store_column_int(st, 1), 1);
	store_done(st);
	store_close(s);
}

/* ?N reused, bare ? after it, a quoted ?, LIMIT -1 as no limit. */
static void test_placeholders(void **state)
{
	static const char sql_numbered[] =
	        "SELECT CAST(?2 AS BIGINT) * 10 + CAST(?1 AS BIGINT), "
	        "CAST(?2 AS BIGINT), '?', CAST(? AS TEXT)";
	static const char sql_limit[] =
	        "SELECT key FROM partnership ORDER BY key LIMIT ? OFFSET ?";
	static const char sql_comment[] =
	        "SELECT /* not ?3 */ CAST(? AS BIGINT) + 1 -- nor ?2\n";
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store_stmt *st;
	struct store *s;
	bool row;
	int n = 0;

	remove_db(f->path);
	s = open_created(f->path);
	assert_int_equal(store_prepare(s, sql_numbered, &st, &err), MASA_OK);
	store_bind_int(st, 1, 7);
	store_bind_int(st, 2, 4);
	store_bind_text(st, 3, "third");
	assert_int_equal(store_step(st, &row, &err), MASA_OK);
	assert_true(row);
	assert_int_equal(store_column_int(st, 0), 47);
	assert_int_equal(store_column_int(st, 1), 4);
	assert_string_equal(store_column_text(st, 2), "?");
	assert_string_equal(store_column_text(st, 3), "third");
	store_done(st);
	assert_int_equal(store_prepare(s, sql_comment, &st, &err), MASA_OK);
	store_bind_int(st, 1, 41);
	assert_int_equal(store_step(st, &row, &err), MASA_OK);
	assert_int_equal(store_column_int(st, 0), 42);
	store_done(st);

	for (int i = 0; i < 3; i++) {
		char key[16];
		snprintf(key, sizeof key, "k%d", i);
		assert_int_equal(insert_partnership(s, key, NULL, &err),
		                 MASA_OK);
	}
	assert_int_equal(store_prepare(s, sql_limit, &st, &err), MASA_OK);
	store_bind_int(st, 1, -1);
	store_bind_int(st, 2, 1);
	while (store_step(st, &row, &err) == MASA_OK && row)
		n++;
	store_done(st);
	assert_int_equal(n, 2);
	assert_int_equal(store_prepare(s, sql_limit, &st, &err), MASA_OK);
	store_bind_int(st, 1, 1);
	store_bind_int(st, 2, 0);
	assert_int_equal(store_step(st, &row, &err), MASA_OK);
	assert_string_equal(store_column_text(st, 0), "k0");
	assert_int_equal(store_step(st, &row, &err), MASA_OK);
	assert_false(row);
	store_done(st);
	/* A unique key broken is a conflict, whatever the backend says. */
	assert_int_equal(insert_partnership(s, "k1", NULL, &err),
	                 MASA_ERR_CONFLICT);
	assert_non_null(strstr(err.message, "already recorded"));
	store_close(s);
}

/* Another connection's commit moves the data version; reading does not. */
static void test_data_version(void **state)
{
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store *reader, *writer;
	int64_t v1, v2, v3;

	remove_db(f->path);
	reader = open_created(f->path);
	assert_int_equal(
	        store_open(f->path, STORE_OPEN_EXISTING, &writer, &err),
	        MASA_OK);
	assert_int_equal(store_data_version(reader, &v1, &err), MASA_OK);
	(void)query_int(reader, SQL_PARTNERSHIP_COUNT);
	(void)query_int(writer, SQL_PARTNERSHIP_COUNT);
	assert_int_equal(store_data_version(reader, &v2, &err), MASA_OK);
	assert_true(v1 == v2);
	assert_int_equal(insert_partnership(writer, "w", NULL, &err), MASA_OK);
	assert_int_equal(store_data_version(reader, &v3, &err), MASA_OK);
	assert_true(v3 != v2);
	store_close(writer);
	store_close(reader);
}

/* What masa copy uses: one-off statements, column names, tables. */
static void test_whole_database_helpers(void **state)
{
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store_stmt *st;
	struct store *s;
	bool row, has;

	remove_db(f->path);
	s = open_created(f->path);
	assert_true(store_created(s));
	assert_int_equal(insert_partnership(s, "only", NULL, &err), MASA_OK);
	assert_int_equal(store_prepare_once(s,
	                                    "SELECT id, key, name, area "
	                                    "FROM partnership",
	                                    &st, &err),
	                 MASA_OK);
	assert_int_equal(store_step(st, &row, &err), MASA_OK);
	assert_true(row);
	assert_int_equal(store_column_count(st), 4);
	assert_string_equal(store_column_name(st, 1), "key");
	assert_string_equal(store_column_text(st, 1), "only");
	assert_true(store_column_is_null(st, 3));
	store_finalize(st);
	assert_int_equal(store_has_table(s, "action_owner", &has, &err),
	                 MASA_OK);
	assert_true(has);
	assert_int_equal(store_has_table(s, "no_such_table", &has, &err),
	                 MASA_OK);
	assert_false(has);
	assert_int_equal(store_ids_follow(s, "partnership", &err), MASA_OK);
	store_close(s);
	assert_int_equal(store_open(f->path, STORE_OPEN_EXISTING, &s, &err),
	                 MASA_OK);
	assert_false(store_created(s));
	store_close(s);
}

/*
 * PostgreSQL: the connection cut under a store (a restart, a failover). A
 * read connects again by itself; a write is not sent twice but fails, and
 * the next one works; a transaction that lost its connection cannot
 * commit, and nothing of it is stored.
 */
static void test_lost_connection(void **state)
{
	static const char sql_pid[] = "SELECT pg_backend_pid()";
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store *s;
	char kill_sql[128];

	if (testdb_pg() == NULL)
		skip();
	remove_db(f->path);
	s = open_created(f->path);
	assert_int_equal(insert_partnership(s, "before", NULL, &err), MASA_OK);

	snprintf(kill_sql, sizeof kill_sql, "SELECT pg_terminate_backend(%lld)",
	         (long long)query_int(s, sql_pid));
	assert_true(testdb_pg_exec(kill_sql));
	assert_int_equal(query_int(s, SQL_PARTNERSHIP_COUNT), 1);
	/* A write whose statement is prepared on this connection already. */
	assert_int_equal(insert_partnership(s, "between", NULL, &err), MASA_OK);

	snprintf(kill_sql, sizeof kill_sql, "SELECT pg_terminate_backend(%lld)",
	         (long long)query_int(s, sql_pid));
	assert_true(testdb_pg_exec(kill_sql));
	assert_int_equal(insert_partnership(s, "lost", NULL, &err),
	                 MASA_ERR_UNAVAILABLE);
	assert_non_null(strstr(err.message, "not available"));
	assert_int_equal(insert_partnership(s, "after", NULL, &err), MASA_OK);

	assert_int_equal(store_begin(s, &err), MASA_OK);
	assert_int_equal(insert_partnership(s, "in-tx-1", NULL, &err), MASA_OK);
	snprintf(kill_sql, sizeof kill_sql, "SELECT pg_terminate_backend(%lld)",
	         (long long)query_int(s, sql_pid));
	assert_true(testdb_pg_exec(kill_sql));
	assert_int_equal(insert_partnership(s, "in-tx-2", NULL, &err),
	                 MASA_ERR_UNAVAILABLE);
	assert_int_not_equal(store_commit(s, &err), MASA_OK);
	assert_int_equal(query_int(s, SQL_PARTNERSHIP_COUNT), 3);
	store_close(s);
}

/*
 * The count of writes moves on for what may have changed the database for
 * good (a committed write transaction, nested or not, counts once; a write
 * outside one, at least once), and not for reads, read transactions, or a
 * transaction or statement that failed.
 */
static void test_write_count(void **state)
{
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store *s;
	uint64_t before;

	remove_db(f->path);
	s = open_created(f->path);
	before = store_write_count(s);
	assert_int_equal(query_int(s, SQL_PARTNERSHIP_COUNT), 0);
	assert_int_equal(store_begin_read(s, &err), MASA_OK);
	assert_int_equal(query_int(s, SQL_PARTNERSHIP_COUNT), 0);
	assert_int_equal(store_commit(s, &err), MASA_OK);
	assert_int_equal(store_write_count(s), before);

	assert_int_equal(store_begin(s, &err), MASA_OK);
	assert_int_equal(insert_partnership(s, "one", NULL, &err), MASA_OK);
	assert_int_equal(store_begin(s, &err), MASA_OK);
	assert_int_equal(insert_partnership(s, "two", NULL, &err), MASA_OK);
	assert_int_equal(store_commit(s, &err), MASA_OK);
	assert_int_equal(store_write_count(s), before);
	assert_int_equal(store_commit(s, &err), MASA_OK);
	assert_int_equal(store_write_count(s), before + 1);

	assert_int_equal(store_begin(s, &err), MASA_OK);
	assert_int_equal(insert_partnership(s, "undone", NULL, &err), MASA_OK);
	store_rollback(s);
	assert_int_equal(store_commit(s, &err), MASA_ERR_STORE);
	assert_int_equal(store_write_count(s), before + 1);

	assert_int_equal(insert_partnership(s, "alone", NULL, &err), MASA_OK);
	assert_true(store_write_count(s) > before + 1);
	before = store_write_count(s);
	assert_int_equal(insert_partnership(s, "alone", NULL, &err),
	                 MASA_ERR_CONFLICT);
	assert_int_equal(store_write_count(s), before);
	store_close(s);
}

/*
 * SQLite: a write transaction holds the write lock from its BEGIN, before
 * it has read or written anything (BEGIN IMMEDIATE), so that it never asks
 * for it halfway; another writer cannot begin until it ends. A transaction
 * that only reads holds no lock.
 */
static void test_write_transaction_locks_at_begin(void **state)
{
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store *s;
	sqlite3 *db = NULL;

	SQLITE_ONLY();
	remove_db(f->path);
	s = open_created(f->path);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 0);

	assert_int_equal(store_begin_read(s, &err), MASA_OK);
	assert_int_equal(query_int(s, SQL_PARTNERSHIP_COUNT), 0);
	assert_int_equal(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(store_commit(s, &err), MASA_OK);

	assert_int_equal(store_begin(s, &err), MASA_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) &
	                         0xff,
	                 SQLITE_BUSY);
	assert_int_equal(store_commit(s, &err), MASA_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	store_close(s);
}

/*
 * PostgreSQL: two write transactions that read the same row and both change
 * it. The first commits; the second is refused (it is SERIALIZABLE: under
 * READ COMMITTED it would overwrite the first unseen) with MASA_ERR_BUSY,
 * stores nothing, and its count of writes does not move, so running it
 * again is safe; run again, it works.
 */
static void test_serialization_failure_is_busy(void **state)
{
	static const char sql_rename[] =
	        "UPDATE partnership SET name = ? WHERE key = 'shared'";
	static const char sql_name[] =
	        "SELECT length(name) FROM partnership WHERE key = 'shared'";
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store *a, *b = NULL;
	struct store_stmt *st;
	uint64_t before;

	if (testdb_pg() == NULL)
		skip();
	remove_db(f->path);
	a = open_created(f->path);
	assert_int_equal(insert_partnership(a, "shared", NULL, &err), MASA_OK);
	assert_int_equal(store_open(f->path, STORE_OPEN_EXISTING, &b, &err),
	                 MASA_OK);
	before = store_write_count(b);
	assert_int_equal(store_begin(a, &err), MASA_OK);
	assert_int_equal(store_begin(b, &err), MASA_OK);
	assert_int_equal(query_int(a, sql_name), 13);
	assert_int_equal(query_int(b, sql_name), 13);

	assert_int_equal(store_prepare(a, sql_rename, &st, &err), MASA_OK);
	store_bind_text(st, 1, "First");
	assert_int_equal(store_run(st, NULL, &err), MASA_OK);
	assert_int_equal(store_commit(a, &err), MASA_OK);

	assert_int_equal(store_prepare(b, sql_rename, &st, &err), MASA_OK);
	store_bind_text(st, 1, "Second one");
	assert_int_equal(store_run(st, NULL, &err), MASA_ERR_BUSY);
	assert_non_null(strstr(err.message, "busy"));
	store_rollback(b);
	assert_int_not_equal(store_commit(b, &err), MASA_OK);
	assert_int_equal(store_write_count(b), before);
	assert_int_equal(query_int(b, sql_name), 5);

	assert_int_equal(store_begin(b, &err), MASA_OK);
	assert_int_equal(query_int(b, sql_name), 5);
	assert_int_equal(store_prepare(b, sql_rename, &st, &err), MASA_OK);
	store_bind_text(st, 1, "Second one");
	assert_int_equal(store_run(st, NULL, &err), MASA_OK);
	assert_int_equal(store_commit(b, &err), MASA_OK);
	assert_int_equal(store_write_count(b), before + 1);
	assert_int_equal(query_int(a, sql_name), 10);
	store_close(b);
	store_close(a);
}

/* Passwords in a URL never reach a message. */
static void test_location_shown(void **state)
{
	static const char *const cases[][2] = {
	        {"/var/lib/masa/masa.db", "/var/lib/masa/masa.db"},
	        {"postgresql://masa@db.example.org/masa",
	         "postgresql://masa@db.example.org/masa"},
	        {"postgresql://masa:S3cret@db.example.org:5432/masa",
	         "postgresql://masa:***@db.example.org:5432/masa"},
	        {"postgresql://masa:p@ss@db/masa",
	         "postgresql://masa:***@db/masa"},
	        {"postgresql:///masa?host=/run/pg&password=S3cret&user=masa",
	         "postgresql:///masa?host=/run/pg&password=***&user=masa"},
	        {"postgres://u:a@b@h/d?password=x",
	         "postgres://u:***@h/d?password=***"},
	};
	char out[128], tiny[12];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(
		        store_location_shown(cases[i][0], out, sizeof out),
		        cases[i][1]);
	store_location_shown("postgresql://masa:S3cret@db/masa", tiny,
	                     sizeof tiny);
	assert_null(strstr(tiny, "S3c"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(
	                test_open_missing_without_create, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_open_create_and_reopen,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_open_not_sqlite, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_open_sqlite_but_not_masa,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_open_directory, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_open_newer_version, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_nested_commit_persists,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(
	                test_nested_rollback_fails_outer_commit, setup,
	                teardown),
	        cmocka_unit_test_setup_teardown(
	                test_failed_statement_fails_transaction, setup,
	                teardown),
	        cmocka_unit_test_setup_teardown(test_statement_cache, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_statement_runs_many_times,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_bind_and_run, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_foreign_keys_enforced,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_wal_mode, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_blob, setup, teardown),
	        cmocka_unit_test(test_location_shown),
	        cmocka_unit_test_setup_teardown(test_placeholders, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_data_version, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_whole_database_helpers,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_write_count, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(
	                test_write_transaction_locks_at_begin, setup, teardown),
	        cmocka_unit_test_setup_teardown(
	                test_serialization_failure_is_busy, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_lost_connection, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_audit_log_append_only,
	                                        setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
