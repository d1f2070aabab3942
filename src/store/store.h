/*
 * store: the one interface between masa's domain and its database.
 *
 * The domain speaks portable SQL through prepared statements with bound
 * parameters only: `?` placeholders, INSERT ... RETURNING id, ON CONFLICT,
 * ISO-text dates, integer flags. Each backend (SQLite now, PostgreSQL later)
 * turns that into its own calls and owns its migrations, so the domain never
 * sees a dialect. Nothing here knows about HTTP or the command line.
 *
 * Statements are prepared once per connection and cached by the address of
 * their SQL text, which must therefore be a string literal. A statement from
 * store_prepare() is borrowed: use it, then call store_done() before
 * preparing the same SQL again. Text read from a row is borrowed until the
 * next step or store_done().
 */
#ifndef MASA_STORE_STORE_H
#define MASA_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

struct store;
struct store_stmt;

enum store_open_flags {
	STORE_OPEN_EXISTING =
	        0, /* the database must exist at the right version */
	STORE_OPEN_CREATE = 1, /* create it (and its schema) if it is missing */
	STORE_OPEN_MIGRATE =
	        2, /* upgrade an older schema instead of refusing */
	/*
	 * One of several connections in one process (a server's workers):
	 * each keeps a small page cache of its own and leaves the rest to the
	 * operating system's cache of the file, which they all share.
	 */
	STORE_OPEN_SMALL_CACHE = 4,
};

/*
 * Opens the database at location (a file path for SQLite). Refuses a
 * database whose schema is newer than this masa (MASA_ERR_VERSION) or older
 * without STORE_OPEN_MIGRATE. Caller closes *out with store_close().
 */
enum masa_err store_open(const char *location, unsigned flags,
                         struct store **out, struct masa_error *err);
/* Whether location is a PostgreSQL URL rather than a SQLite file path. */
bool store_location_is_url(const char *location);
/* location for messages and logs, with any password in a URL hidden. */
const char *store_location_shown(const char *location, char *out, size_t size);
/* Closes s and finalizes its cached statements; NULL is ignored. */
void store_close(struct store *s);

/* The schema version of the open database and the newest this masa knows. */
int store_schema_version(struct store *s);
int store_schema_latest(void);
/*
 * A number that changes whenever another connection has committed a change
 * to the database since this one last asked, and not for reads (SQLite's
 * data version; PostgreSQL's snapshot, which also moves for this
 * connection's own writes): caches built from the data compare it.
 */
enum masa_err store_data_version(struct store *s, int64_t *out,
                                 struct masa_error *err);
/* The backend's name, "sqlite" or "postgresql". */
const char *store_backend_name(const struct store *s);

/*
 * Transactions nest by counting: only the outermost begin and commit reach
 * the database; a rollback at any depth rolls back the whole transaction and
 * makes the outer commit fail.
 *
 * store_begin() begins a transaction that writes, and takes its turn to
 * write at once: on SQLite it waits (up to 5 seconds) for the write lock, so
 * that its reads and its writes see the database as no one else changes it;
 * on PostgreSQL it is SERIALIZABLE. MASA_ERR_BUSY from it or from anything
 * in the transaction means the database was busy with other changes and
 * nothing was stored: the whole transaction can be run again (see
 * docs/store.md).
 */
enum masa_err store_begin(struct store *s, struct masa_error *err);
enum masa_err store_commit(struct store *s, struct masa_error *err);
/*
 * Begins a transaction that only reads, all of it from one snapshot of the
 * database (for reading a whole database while others write); end it with
 * store_commit().
 */
enum masa_err store_begin_read(struct store *s, struct masa_error *err);
void store_rollback(struct store *s);
/*
 * A count that moves on whenever this connection may have changed the
 * database for good: a transaction from store_begin() committed, or a
 * statement that writes ran outside any transaction. Equal before and after
 * some work, the work stored nothing, so running it again repeats nothing.
 */
uint64_t store_write_count(const struct store *s);

/* A cached prepared statement for sql (a string literal); borrowed. */
enum masa_err store_prepare(struct store *s, const char *sql,
                            struct store_stmt **out, struct masa_error *err);
/* Parameters are numbered from 1. Text is copied; NULL text binds NULL. */
void store_bind_int(struct store_stmt *st, int index, int64_t value);
void store_bind_text(struct store_stmt *st, int index, const char *value);
void store_bind_null(struct store_stmt *st, int index);
/*
 * Binds size bytes at value as a BLOB (SQLite) or bytea (PostgreSQL). The
 * bytes are borrowed, not copied: they must stay until the statement has
 * run (store_run(), or its last store_step()). NULL binds NULL.
 */
void store_bind_blob(struct store_stmt *st, int index, const void *value,
                     size_t size);
/* Binds value, or NULL when value is 0 (for optional references). */
void store_bind_id(struct store_stmt *st, int index, int64_t value);
/*
 * Runs st to its next row: *row is true when a row is ready to read, false
 * when the statement is finished. A broken constraint is MASA_ERR_CONFLICT.
 */
enum masa_err store_step(struct store_stmt *st, bool *row,
                         struct masa_error *err);
/* Columns are numbered from 0. NULL reads as 0 or as a NULL pointer. */
int64_t store_column_int(struct store_stmt *st, int column);
const char *store_column_text(struct store_stmt *st, int column);
bool store_column_is_null(struct store_stmt *st, int column);
/*
 * The bytes of a BLOB/bytea column and their count in *size; borrowed like
 * text. NULL (and *size 0) for NULL. An empty blob is a non-NULL pointer.
 */
const void *store_column_blob(struct store_stmt *st, int column, size_t *size);
/* Resets st and clears its bindings so it can be prepared again. */
void store_done(struct store_stmt *st);

/*
 * Runs a statement that returns no rows, or one row whose first column is an
 * integer (INSERT ... RETURNING id); *id (may be NULL) receives it, or 0.
 * Finishes with store_done() itself.
 */
enum masa_err store_run(struct store_stmt *st, int64_t *id,
                        struct masa_error *err);

/*
 * For moving a whole database (masa copy): a statement prepared for one
 * use from SQL built at run time out of masa's own table and column names
 * (never from input). Not cached: finish it with store_finalize().
 */
enum masa_err store_prepare_once(struct store *s, const char *sql,
                                 struct store_stmt **out,
                                 struct masa_error *err);
void store_finalize(struct store_stmt *st);
/* The columns of a statement's result (after its first step). */
int store_column_count(struct store_stmt *st);
const char *store_column_name(struct store_stmt *st, int column);
/* Whether store_open() created the database (its schema) just now. */
bool store_created(const struct store *s);
/* Whether the database holds a table of that name. */
enum masa_err store_has_table(struct store *s, const char *table, bool *out,
                              struct masa_error *err);
/*
 * After rows were stored with their ids given: makes the ids the database
 * hands out next follow the largest in table (PostgreSQL's identity
 * columns; SQLite needs nothing).
 */
enum masa_err store_ids_follow(struct store *s, const char *table,
                               struct masa_error *err);

#endif
