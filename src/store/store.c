/*
 * store: backend dispatch, the statement cache, nested transactions and
 * schema versioning (see store.h).
 */
#include "store/store.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/store_backend.h"

struct store_stmt {
	struct store *store;
	const char *sql; /* the literal this statement was prepared from */
	void *impl;
	bool busy; /* handed out and not yet given back with store_done() */
};

struct store {
	const struct store_backend *backend;
	void *conn;
	/* open-addressing table of prepared statements keyed by SQL address */
	struct store_stmt **cache;
	size_t cache_size;
	size_t cache_used;
	bool created;
	int tx_depth;
	bool tx_failed;
	bool tx_writes;  /* the outermost begin was store_begin() */
	uint64_t writes; /* see store_write_count() */
	int version;
};

static const char SQL_SCHEMA_VERSION[] = "SELECT version FROM masa_schema";
static const char SQL_SCHEMA_SET[] = "UPDATE masa_schema SET version = ?";
static const char SQL_SCHEMA_INSERT[] =
        "INSERT INTO masa_schema (version) VALUES (?)";

int store_schema_latest(void)
{
	return *store_sqlite_backend.migration_count;
}

bool store_location_is_url(const char *location)
{
	return strncmp(location, "postgresql://", 13) == 0 ||
	       strncmp(location, "postgres://", 11) == 0;
}

const char *store_location_shown(const char *location, char *out, size_t size)
{
	const char *scheme = strstr(location, "://");
	const char *host, *end, *at = NULL, *colon;
	size_t o = 0;

	snprintf(out, size, "%s", location);
	if (scheme == NULL || size == 0)
		return out;
	/* user:password@ ends at the last @ before the path or the query. */
	host = scheme + 3;
	end = host + strcspn(host, "/?");
	for (const char *p = host; p < end; p++)
		if (*p == '@')
			at = p;
	colon = at ? memchr(host, ':', (size_t)(at - host)) : NULL;
	for (const char *p = location; *p != '\0' && o + 1 < size;) {
		if (colon != NULL && p == colon + 1) {
			o += (size_t)snprintf(out + o, size - o, "***");
			if (o >= size)
				break;
			p = at;
			continue;
		}
		/* password=... in the query, up to the next parameter */
		if (p > end && strncmp(p, "password=", 9) == 0 &&
		    (p[-1] == '?' || p[-1] == '&')) {
			o += (size_t)snprintf(out + o, size - o,
			                      "password=***");
			if (o >= size)
				break;
			p += 9 + strcspn(p + 9, "&");
			continue;
		}
		out[o++] = *p++;
	}
	if (o >= size)
		o = size - 1;
	out[o] = '\0';
	return out;
}

int store_schema_version(struct store *s)
{
	return s->version;
}

const char *store_backend_name(const struct store *s)
{
	return s->backend->name;
}

enum masa_err store_data_version(struct store *s, int64_t *out,
                                 struct masa_error *err)
{
	struct store_stmt *st;
	bool row = false;
	enum masa_err rc;

	*out = 0;
	rc = store_prepare(s, s->backend->data_version_sql, &st, err);
	if (rc != MASA_OK)
		return rc;
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		*out = store_column_int(st, 0);
	store_done(st);
	return rc;
}

static enum masa_err read_version(struct store *s, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	rc = store_prepare(s, SQL_SCHEMA_VERSION, &st, err);
	if (rc != MASA_OK)
		return rc;
	rc = store_step(st, &row, err);
	s->version = rc == MASA_OK && row ? (int)store_column_int(st, 0) : 0;
	store_done(st);
	return rc;
}

/* Runs the migrations after version `from`, all in one transaction. */
static enum masa_err migrate(struct store *s, int from, struct masa_error *err)
{
	const struct store_backend *b = s->backend;
	int latest = *b->migration_count;
	struct store_stmt *st;
	enum masa_err rc;

	rc = store_begin(s, err);
	if (rc != MASA_OK)
		return rc;
	if (b->migrate_lock_sql != NULL) {
		/*
		 * Another process may have created or upgraded it while we
		 * waited for the lock.
		 */
		bool exists = from > 0;
		rc = b->exec(s->conn, b->migrate_lock_sql, err);
		if (rc == MASA_OK && from == 0)
			rc = store_has_table(s, "masa_schema", &exists, err);
		if (rc == MASA_OK && exists)
			rc = read_version(s, err);
		if (rc != MASA_OK)
			goto out;
		if (exists && s->version >= latest)
			return store_commit(s, err);
		if (exists) {
			from = s->version;
			s->created = false;
		}
	}
	for (int v = from; v < latest; v++) {
		rc = b->exec(s->conn, b->migrations[v], err);
		if (rc != MASA_OK) {
			masa_error_prefix(
			        err, "upgrading the database to version %d",
			        v + 1);
			goto out;
		}
	}
	rc = store_prepare(s, from == 0 ? SQL_SCHEMA_INSERT : SQL_SCHEMA_SET,
	                   &st, err);
	if (rc != MASA_OK)
		goto out;
	store_bind_int(st, 1, latest);
	rc = store_run(st, NULL, err);
	if (rc != MASA_OK)
		goto out;
	rc = store_commit(s, err);
	if (rc == MASA_OK)
		s->version = latest;
	return rc;
out:
	store_rollback(s);
	(void)store_commit(s, NULL);
	return rc;
}

enum masa_err store_open(const char *location, unsigned flags,
                         struct store **out, struct masa_error *err)
{
	struct store *s = xcalloc(1, sizeof *s);
	bool created = false;
	enum masa_err rc;
	int latest;
	char where[256];
	const char *name = store_location_shown(location, where, sizeof where);

	s->backend = store_location_is_url(location) ? &store_postgresql_backend
	                                             : &store_sqlite_backend;
	s->cache_size = 64;
	s->cache = xcalloc(s->cache_size, sizeof *s->cache);
	rc = s->backend->open(location, flags, &s->conn, &created, err);
	if (rc == MASA_ERR_NOT_FOUND)
		masa_error_set(err, rc,
		               "no masa database at %s (create one with `masa "
		               "--db %s init`)",
		               name, name);
	if (rc != MASA_OK)
		goto fail;
	latest = *s->backend->migration_count;
	s->created = created;
	if (created) {
		rc = migrate(s, 0, err);
		if (rc != MASA_OK)
			goto fail;
	} else {
		struct masa_error probe;
		if (read_version(s, &probe) != MASA_OK || s->version < 1) {
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "%s is not a masa database", name);
			goto fail;
		}
	}
	if (s->version > latest) {
		rc = masa_error_set(
		        err, MASA_ERR_VERSION,
		        "%s has schema version %d, newer than this masa "
		        "understands (up to %d): use a newer masa",
		        name, s->version, latest);
		goto fail;
	}
	if (s->version < latest) {
		if (!(flags & STORE_OPEN_MIGRATE)) {
			rc = masa_error_set(
			        err, MASA_ERR_VERSION,
			        "%s has schema version %d and this masa "
			        "needs %d: run `masa --db %s migrate`",
			        name, s->version, latest, name);
			goto fail;
		}
		rc = migrate(s, s->version, err);
		if (rc != MASA_OK)
			goto fail;
	}
	*out = s;
	return MASA_OK;
fail:
	store_close(s);
	*out = NULL;
	return rc;
}

void store_close(struct store *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->cache_size; i++) {
		if (s->cache[i] != NULL) {
			s->backend->finalize(s->cache[i]->impl);
			free(s->cache[i]);
		}
	}
	free(s->cache);
	if (s->conn != NULL)
		s->backend->close(s->conn);
	free(s);
}

static enum masa_err begin_with(struct store *s, const char *sql, bool writes,
                                struct masa_error *err)
{
	enum masa_err rc;

	if (s->tx_depth == 0) {
		rc = s->backend->exec(s->conn, sql, err);
		if (rc != MASA_OK)
			return rc;
		s->tx_failed = false;
		s->tx_writes = writes;
	} else if (writes && !s->tx_writes) {
		/* Its writes would run unlocked (SQLite) or be refused
		 * (PostgreSQL), and a retry could not tell they were made. */
		return masa_error_set(err, MASA_ERR_STORE,
		                      "a change was begun inside a transaction "
		                      "that only reads");
	}
	s->tx_depth++;
	return MASA_OK;
}

/*
 * A transaction that writes takes its turn at its start: begun deferred, it
 * would read first and ask for the write lock only at its first write, when
 * SQLite must refuse it (SQLITE_BUSY, without waiting) if another connection
 * has written since its reads began.
 */
enum masa_err store_begin(struct store *s, struct masa_error *err)
{
	return begin_with(s, s->backend->begin_write_sql, true, err);
}

enum masa_err store_begin_read(struct store *s, struct masa_error *err)
{
	return begin_with(s, s->backend->begin_read_sql, false, err);
}

uint64_t store_write_count(const struct store *s)
{
	return s->writes;
}

enum masa_err store_commit(struct store *s, struct masa_error *err)
{
	assert(s->tx_depth > 0);
	if (--s->tx_depth > 0)
		return s->tx_failed
		               ? masa_error_set(err, MASA_ERR_STORE,
		                                "transaction was rolled back")
		               : MASA_OK;
	struct masa_error ignored;
	enum masa_err rc;

	if (s->tx_failed) {
		(void)s->backend->exec(s->conn, "ROLLBACK", &ignored);
		return masa_error_set(err, MASA_ERR_STORE,
		                      "transaction was rolled back");
	}
	rc = s->backend->exec(s->conn, "COMMIT", err);
	if (rc == MASA_OK && s->tx_writes)
		s->writes++;
	else if (rc != MASA_OK)
		/* SQLite keeps a transaction whose COMMIT failed open. */
		(void)s->backend->exec(s->conn, "ROLLBACK", &ignored);
	return rc;
}

void store_rollback(struct store *s)
{
	assert(s->tx_depth > 0);
	s->tx_failed = true;
}

static size_t cache_slot(const struct store *s, const char *sql)
{
	uintptr_t h = (uintptr_t)sql;

	h ^= h >> 17;
	h *= 0x9E3779B97F4A7C15u;
	return (size_t)(h >> 7) & (s->cache_size - 1);
}

static void cache_grow(struct store *s)
{
	struct store_stmt **old = s->cache;
	size_t old_size = s->cache_size;

	s->cache_size *= 2;
	s->cache = xcalloc(s->cache_size, sizeof *s->cache);
	for (size_t i = 0; i < old_size; i++) {
		if (old[i] != NULL) {
			size_t j = cache_slot(s, old[i]->sql);
			while (s->cache[j] != NULL)
				j = (j + 1) & (s->cache_size - 1);
			s->cache[j] = old[i];
		}
	}
	free(old);
}

enum masa_err store_prepare(struct store *s, const char *sql,
                            struct store_stmt **out, struct masa_error *err)
{
	size_t i = cache_slot(s, sql);
	struct store_stmt *st;
	void *impl;
	enum masa_err rc;

	while (s->cache[i] != NULL) {
		if (s->cache[i]->sql == sql) {
			/* Reusing a statement that is still in use is a bug. */
			assert(!s->cache[i]->busy);
			s->cache[i]->busy = true;
			*out = s->cache[i];
			return MASA_OK;
		}
		i = (i + 1) & (s->cache_size - 1);
	}
	rc = s->backend->prepare(s->conn, sql, &impl, err);
	if (rc != MASA_OK && s->tx_depth > 0)
		s->tx_failed = true; /* PostgreSQL has aborted it already */
	if (rc != MASA_OK)
		return rc;
	st = xcalloc(1, sizeof *st);
	st->store = s;
	st->sql = sql;
	st->impl = impl;
	st->busy = true;
	s->cache[i] = st;
	if (++s->cache_used * 2 > s->cache_size)
		cache_grow(s);
	*out = st;
	return MASA_OK;
}

void store_bind_int(struct store_stmt *st, int index, int64_t value)
{
	st->store->backend->bind_int(st->impl, index, value);
}

void store_bind_text(struct store_stmt *st, int index, const char *value)
{
	if (value == NULL)
		st->store->backend->bind_null(st->impl, index);
	else
		st->store->backend->bind_text(st->impl, index, value);
}

void store_bind_null(struct store_stmt *st, int index)
{
	st->store->backend->bind_null(st->impl, index);
}

void store_bind_blob(struct store_stmt *st, int index, const void *value,
                     size_t size)
{
	if (value == NULL)
		st->store->backend->bind_null(st->impl, index);
	else
		st->store->backend->bind_blob(st->impl, index, value, size);
}

void store_bind_id(struct store_stmt *st, int index, int64_t value)
{
	if (value == 0)
		store_bind_null(st, index);
	else
		store_bind_int(st, index, value);
}

enum masa_err store_step(struct store_stmt *st, bool *row,
                         struct masa_error *err)
{
	struct store *s = st->store;
	enum masa_err rc = s->backend->step(st->impl, row, err);

	if (rc != MASA_OK && s->tx_depth > 0)
		s->tx_failed = true;
	else if (rc == MASA_OK && s->tx_depth == 0 &&
	         s->backend->writes(st->impl))
		s->writes++;
	return rc;
}

int64_t store_column_int(struct store_stmt *st, int column)
{
	return st->store->backend->column_int(st->impl, column);
}

const char *store_column_text(struct store_stmt *st, int column)
{
	return st->store->backend->column_text(st->impl, column);
}

bool store_column_is_null(struct store_stmt *st, int column)
{
	return st->store->backend->column_is_null(st->impl, column);
}

const void *store_column_blob(struct store_stmt *st, int column, size_t *size)
{
	*size = 0;
	return st->store->backend->column_blob(st->impl, column, size);
}

void store_done(struct store_stmt *st)
{
	st->store->backend->reset(st->impl);
	st->busy = false;
}

enum masa_err store_run(struct store_stmt *st, int64_t *id,
                        struct masa_error *err)
{
	bool row = false;
	enum masa_err rc = store_step(st, &row, err);

	if (id != NULL)
		*id = rc == MASA_OK && row ? store_column_int(st, 0) : 0;
	if (rc == MASA_OK && row) {
		/* Finish the statement so its write is complete. */
		bool more;
		rc = store_step(st, &more, err);
	}
	store_done(st);
	return rc;
}

bool store_created(const struct store *s)
{
	return s->created;
}

enum masa_err store_prepare_once(struct store *s, const char *sql,
                                 struct store_stmt **out,
                                 struct masa_error *err)
{
	void *impl;
	enum masa_err rc = s->backend->prepare(s->conn, sql, &impl, err);

	if (rc != MASA_OK && s->tx_depth > 0)
		s->tx_failed = true;
	if (rc != MASA_OK)
		return rc;
	*out = xcalloc(1, sizeof **out);
	(*out)->store = s;
	(*out)->impl = impl;
	(*out)->busy = true;
	return MASA_OK;
}

void store_finalize(struct store_stmt *st)
{
	if (st == NULL)
		return;
	st->store->backend->finalize(st->impl);
	free(st);
}

int store_column_count(struct store_stmt *st)
{
	return st->store->backend->column_count(st->impl);
}

const char *store_column_name(struct store_stmt *st, int column)
{
	return st->store->backend->column_name(st->impl, column);
}

enum masa_err store_has_table(struct store *s, const char *table, bool *out,
                              struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc;

	*out = false;
	rc = store_prepare(s, s->backend->has_table_sql, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_text(st, 1, table);
	rc = store_step(st, out, err);
	store_done(st);
	return rc;
}

enum masa_err store_ids_follow(struct store *s, const char *table,
                               struct masa_error *err)
{
	char sql[512];
	struct store_stmt *st;
	enum masa_err rc;

	if (s->backend->ids_follow_format == NULL)
		return MASA_OK;
	snprintf(sql, sizeof sql, s->backend->ids_follow_format, table, table);
	rc = store_prepare_once(s, sql, &st, err);
	if (rc != MASA_OK)
		return rc;
	bool row;
	rc = store_step(st, &row, err);
	store_finalize(st);
	return rc;
}
