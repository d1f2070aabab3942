/*
 * store_backend: what each database backend provides to store.c. Only the
 * store module includes this file.
 */
#ifndef MASA_STORE_BACKEND_H
#define MASA_STORE_BACKEND_H

#include "store/store.h"

struct store_backend {
	const char *name;
	enum masa_err (*open)(const char *location, unsigned flags, void **conn,
	                      bool *created, struct masa_error *err);
	void (*close)(void *conn);
	/* Runs SQL with no parameters (may hold several statements). */
	enum masa_err (*exec)(void *conn, const char *sql,
	                      struct masa_error *err);
	enum masa_err (*prepare)(void *conn, const char *sql, void **stmt,
	                         struct masa_error *err);
	void (*finalize)(void *stmt);
	void (*bind_int)(void *stmt, int index, int64_t value);
	void (*bind_text)(void *stmt, int index, const char *value);
	void (*bind_null)(void *stmt, int index);
	/* Borrows value until the statement has run (see store_bind_blob). */
	void (*bind_blob)(void *stmt, int index, const void *value,
	                  size_t size);
	enum masa_err (*step)(void *stmt, bool *row, struct masa_error *err);
	int64_t (*column_int)(void *stmt, int column);
	const char *(*column_text)(void *stmt, int column);
	bool (*column_is_null)(void *stmt, int column);
	const void *(*column_blob)(void *stmt, int column, size_t *size);
	void (*reset)(void *stmt);
	int (*column_count)(void *stmt);
	const char *(*column_name)(void *stmt, int column);
	/* Whether the statement may change the database (not a SELECT). */
	bool (*writes)(void *stmt);
	/* One statement: one row if table ?1 exists in the database. */
	const char *has_table_sql;
	/* printf format (the table name twice), or NULL: see store_ids_follow
	 */
	const char *ids_follow_format;
	/*
	 * One statement returning one integer that changes whenever another
	 * connection (of this process or another) has committed a change.
	 */
	const char *data_version_sql;
	/*
	 * Run first in the migrating transaction (or NULL): holds off another
	 * process migrating the same database at the same time.
	 */
	const char *migrate_lock_sql;
	/* Begins a transaction that reads one snapshot and writes nothing. */
	const char *begin_read_sql;
	/*
	 * Begins a transaction that writes: it holds the write lock, or the
	 * isolation that keeps its reads true, from its start to its end
	 * (see docs/store.md).
	 */
	const char *begin_write_sql;
	/* The migrations, oldest first; migration i takes version i to i+1. */
	const char *const *migrations;
	const int *migration_count;
};

extern const struct store_backend store_sqlite_backend;
extern const struct store_backend store_postgresql_backend;

#endif
