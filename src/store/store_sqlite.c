/*
 * store_sqlite: the SQLite backend of the store.
 *
 * One connection per store, in WAL mode with foreign keys enforced and a busy
 * timeout so that a reader and a writer in two processes wait rather than
 * fail, and a 64 MB page cache so that a large load (one transaction) does
 * not spill to disk page by page. Only prepared statements with bound
 * parameters reach SQLite.
 *
 * A transaction that writes begins IMMEDIATE: it waits for the write lock
 * (the busy timeout) before it reads anything, so it never has to ask for
 * the lock halfway, when SQLite could only refuse it. A writer still waiting
 * when the timeout runs out is MASA_ERR_BUSY.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "store/store_backend.h"

/* How long a statement waits for another connection's lock. */
enum { BUSY_TIMEOUT_MS = 5000 };

extern const char *const store_sqlite_migrations[];
extern const int store_sqlite_migration_count;

static enum masa_err sqlite_error(sqlite3 *db, int code, struct masa_error *err)
{
	int ext = sqlite3_extended_errcode(db);
	const char *msg = sqlite3_errmsg(db);

	switch (ext) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return masa_error_set(err, MASA_ERR_CONFLICT,
		                      "already recorded (%s)", msg);
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "refers to a record that does not exist");
	default:
		break;
	}
	if ((code & 0xff) == SQLITE_CONSTRAINT)
		return masa_error_set(err, MASA_ERR_INVALID, "not allowed (%s)",
		                      msg);
	if ((code & 0xff) == SQLITE_NOTADB)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "the file is not a masa database");
	if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		return masa_error_set(
		        err, MASA_ERR_BUSY,
		        "the database is busy with other changes (waited %d "
		        "seconds): nothing was saved, try again in a moment",
		        BUSY_TIMEOUT_MS / 1000);
	return masa_error_set(err, MASA_ERR_STORE, "database error: %s", msg);
}

static enum masa_err sqlite_exec(void *conn, const char *sql,
                                 struct masa_error *err)
{
	int rc = sqlite3_exec(conn, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? MASA_OK : sqlite_error(conn, rc, err);
}

static enum masa_err sqlite_open(const char *location, unsigned flags,
                                 void **conn, bool *created,
                                 struct masa_error *err)
{
	struct stat sb;
	sqlite3 *db = NULL;
	int mode = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	int rc;

	*created = false;
	if (stat(location, &sb) != 0 || sb.st_size == 0) {
		if (!(flags & STORE_OPEN_CREATE))
			return masa_error_set(
			        err, MASA_ERR_NOT_FOUND,
			        "no masa database at %s (create one "
			        "with `masa --db %s init`)",
			        location, location);
		mode |= SQLITE_OPEN_CREATE;
		*created = true;
	} else if (!S_ISREG(sb.st_mode)) {
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s is not a database file", location);
	}
	rc = sqlite3_open_v2(location, &db, mode, NULL);
	if (rc != SQLITE_OK) {
		masa_error_set(err, MASA_ERR_IO, "cannot open %s: %s", location,
		               db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return MASA_ERR_IO;
	}
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	/* A file that is not SQLite fails on its first read, here. */
	rc = sqlite3_exec(db,
	                  "PRAGMA foreign_keys = ON;"
	                  "PRAGMA journal_mode = WAL;"
	                  "PRAGMA synchronous = NORMAL;"
	                  "PRAGMA cache_size = -65536;"
	                  "PRAGMA temp_store = MEMORY;",
	                  NULL, NULL, NULL);
	if (rc == SQLITE_OK && (flags & STORE_OPEN_SMALL_CACHE))
		rc = sqlite3_exec(db, "PRAGMA cache_size = -4096;", NULL, NULL,
		                  NULL);
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_NOTADB)
			masa_error_set(err, MASA_ERR_INVALID,
			               "%s is not a masa database", location);
		else
			masa_error_set(err, MASA_ERR_IO, "cannot open %s: %s",
			               location, sqlite3_errmsg(db));
		sqlite3_close(db);
		return err ? err->code : MASA_ERR_IO;
	}
	*conn = db;
	return MASA_OK;
}

static void sqlite_close(void *conn)
{
	sqlite3_close(conn);
}

static enum masa_err sqlite_prepare(void *conn, const char *sql, void **stmt,
                                    struct masa_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(conn, sql, -1, SQLITE_PREPARE_PERSISTENT,
	                            &st, NULL);

	if (rc != SQLITE_OK)
		return sqlite_error(conn, rc, err);
	*stmt = st;
	return MASA_OK;
}

static void sqlite_finalize(void *stmt)
{
	sqlite3_finalize(stmt);
}

static void sqlite_bind_int(void *stmt, int index, int64_t value)
{
	sqlite3_bind_int64(stmt, index, value);
}

static void sqlite_bind_text(void *stmt, int index, const char *value)
{
	sqlite3_bind_text(stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void sqlite_bind_blob(void *stmt, int index, const void *value,
                             size_t size)
{
	/* Borrowed (SQLITE_STATIC): a file is not copied once more. */
	sqlite3_bind_blob64(stmt, index, value, size, SQLITE_STATIC);
}

static void sqlite_bind_null(void *stmt, int index)
{
	sqlite3_bind_null(stmt, index);
}

static enum masa_err sqlite_step(void *stmt, bool *row, struct masa_error *err)
{
	int rc = sqlite3_step(stmt);

	*row = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return MASA_OK;
	return sqlite_error(sqlite3_db_handle(stmt), rc, err);
}

static int64_t sqlite_column_int(void *stmt, int column)
{
	return sqlite3_column_int64(stmt, column);
}

static const char *sqlite_column_text(void *stmt, int column)
{
	return (const char *)sqlite3_column_text(stmt, column);
}

static const void *sqlite_column_blob(void *stmt, int column, size_t *size)
{
	const void *p = sqlite3_column_blob(stmt, column);

	*size = (size_t)sqlite3_column_bytes(stmt, column);
	if (p == NULL && sqlite3_column_type(stmt, column) != SQLITE_NULL)
		p = ""; /* an empty blob */
	return p;
}

static bool sqlite_column_is_null(void *stmt, int column)
{
	return sqlite3_column_type(stmt, column) == SQLITE_NULL;
}

static void sqlite_reset(void *stmt)
{
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
}

static int sqlite_column_count(void *stmt)
{
	return sqlite3_column_count(stmt);
}

static const char *sqlite_column_name(void *stmt, int column)
{
	return sqlite3_column_name(stmt, column);
}

static bool sqlite_writes(void *stmt)
{
	return !sqlite3_stmt_readonly(stmt);
}

const struct store_backend store_sqlite_backend = {
        .name = "sqlite",
        .open = sqlite_open,
        .close = sqlite_close,
        .exec = sqlite_exec,
        .prepare = sqlite_prepare,
        .finalize = sqlite_finalize,
        .bind_int = sqlite_bind_int,
        .bind_text = sqlite_bind_text,
        .bind_null = sqlite_bind_null,
        .bind_blob = sqlite_bind_blob,
        .step = sqlite_step,
        .column_int = sqlite_column_int,
        .column_text = sqlite_column_text,
        .column_is_null = sqlite_column_is_null,
        .column_blob = sqlite_column_blob,
        .reset = sqlite_reset,
        .column_count = sqlite_column_count,
        .column_name = sqlite_column_name,
        .writes = sqlite_writes,
        .has_table_sql = "SELECT 1 FROM sqlite_master "
                         "WHERE type = 'table' AND name = ?1",
        .data_version_sql = "PRAGMA data_version",
        /* In WAL mode a read transaction sees one snapshot throughout. */
        .begin_read_sql = "BEGIN",
        .begin_write_sql = "BEGIN IMMEDIATE",
        .migrations = store_sqlite_migrations,
        .migration_count = &store_sqlite_migration_count,
};
