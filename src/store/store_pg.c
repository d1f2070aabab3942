/*
 * store_pg: the PostgreSQL backend of the store, through libpq.
 *
 * The location is a libpq connection URI (postgresql://user@host/db, with
 * the password in ~/.pgpass rather than in the URI). Each store is one
 * connection; a server holds one per worker thread, its pool. Statements are
 * prepared on the server once per connection under generated names, with the
 * domain's `?` and `?N` placeholders rewritten to `$N`; every value travels
 * as a bound text parameter and every result as text, so the domain's
 * integers and ISO dates read the same as from SQLite.
 *
 * When the connection is lost (the database restarted, a network fault), a
 * statement outside a transaction that only reads, or a BEGIN, connects again
 * and is tried once more; any other statement fails with
 * MASA_ERR_UNAVAILABLE, and the next one connects again and prepares what it
 * needs afresh. A write is never sent twice, since the first may have been
 * committed before the connection went; and a transaction that lost its
 * connection can only end in an error, so nothing half-done is ever reported
 * as committed.
 *
 * A transaction that writes is SERIALIZABLE: whatever the domain reads in it
 * to decide a write (a version, the next number in a log, whether a record
 * is still open) is still true when it commits, or PostgreSQL refuses it
 * with a serialization failure. That, a deadlock and a lock timeout (when
 * the URL sets lock_timeout) are MASA_ERR_BUSY: nothing was stored, and the
 * caller may run the whole transaction again; this backend cannot, since
 * the transaction's body is the caller's code (the web server does, see
 * docs/store.md).
 */
#include <ctype.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "store/store_backend.h"

extern const char *const store_postgresql_migrations[];
extern const int store_postgresql_migration_count;

/* Parameters a statement may have: the domain's chunked IN lists use 64. */
enum { PG_MAX_PARAMS = 100 };
/* Runs after which a statement is first planned again (replan_when_grown). */
enum { PG_FIRST_REPLAN = 64 };

struct pg_conn {
	PGconn *pg;
	unsigned epoch;     /* moves on at every new connection */
	unsigned next_name; /* for naming prepared statements */
	bool in_tx;         /* between BEGIN and COMMIT/ROLLBACK */
	bool tx_lost;       /* the connection was lost inside it */
	bool broken;        /* known lost, whatever libpq says yet */
};

struct pg_stmt {
	struct pg_conn *c;
	char *sql;      /* with $N placeholders */
	bool reads;     /* a SELECT: safe to send again */
	char name[16];  /* its name on the server */
	unsigned epoch; /* the connection it was prepared on; 0: none */
	/* Its runs, and the run at which to plan it again. */
	unsigned long runs, replan_at;
	int nparams;
	/* Parameters that are a LIMIT: a negative value means no limit. */
	bool limit[PG_MAX_PARAMS];
	/*
	 * Parameters the statement names. One it skips (the viewer's are ?91
	 * and on, see gov/access.h) is declared text, as PostgreSQL cannot
	 * infer the type of a parameter nothing uses.
	 */
	bool used[PG_MAX_PARAMS];
	const char *values[PG_MAX_PARAMS];
	char *owned[PG_MAX_PARAMS]; /* copies of bound text, freed at reset */
	char ints[PG_MAX_PARAMS][24];
	/* A bytea parameter is sent as bytes (format 1) of that length. */
	int lengths[PG_MAX_PARAMS];
	int formats[PG_MAX_PARAMS];
	/* bytea cells of the current row decoded by pg_column_blob. */
	unsigned char **decoded;
	size_t ndecoded;
	PGresult *res;
	int row;   /* the current row; -1 before the first */
	int nrows; /* rows in res; -1 while not yet executed */
};

/* The settings of every connection, made again after a reconnection. */
static const char SESSION_SQL[] = "SET client_min_messages = warning; "
                                  "SET TIME ZONE 'UTC'";

static void ignore_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* The first line of libpq's message, without its trailing newline. */
static const char *first_line(const char *msg, char *out, size_t size)
{
	size_t n = strcspn(msg ? msg : "", "\n");

	if (n >= size)
		n = size - 1;
	memcpy(out, msg ? msg : "", n);
	out[n] = '\0';
	return out;
}

static enum masa_err lost(struct pg_conn *c, const char *why,
                          struct masa_error *err)
{
	char line[256];

	c->broken = true;
	if (c->in_tx)
		c->tx_lost = true;
	return masa_error_set(err, MASA_ERR_UNAVAILABLE,
	                      "the database is not available (%s): try again "
	                      "in a moment",
	                      first_line(why, line, sizeof line));
}

/* Whether res failed because the connection went (or the server is going). */
static bool connection_went(struct pg_conn *c, PGresult *res)
{
	const char *state =
	        res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;

	return PQstatus(c->pg) != CONNECTION_OK || state == NULL ||
	       strncmp(state, "08", 2) == 0 || strncmp(state, "57P", 3) == 0;
}

/* Maps a failed result to masa's codes by its SQLSTATE. */
static enum masa_err result_error(struct pg_conn *c, PGresult *res,
                                  struct masa_error *err)
{
	const char *state =
	        res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *primary =
	        res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *constraint =
	        res ? PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME) : NULL;
	char line[256];

	if (connection_went(c, res))
		return lost(c, primary ? primary : PQerrorMessage(c->pg), err);
	first_line(primary, line, sizeof line);
	if (strcmp(state, "23505") == 0)
		return masa_error_set(err, MASA_ERR_CONFLICT,
		                      "already recorded (%s)",
		                      constraint ? constraint : line);
	if (strcmp(state, "23503") == 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "refers to a record that does not exist");
	if (strncmp(state, "23", 2) == 0 || strncmp(state, "22", 2) == 0)
		return masa_error_set(err, MASA_ERR_INVALID, "not allowed (%s)",
		                      line);
	if (strcmp(state, "3F000") == 0)
		return masa_error_set(
		        err, MASA_ERR_STORE,
		        "database error: %s (the URL's search_path "
		        "names a schema that does not exist: create "
		        "it first)",
		        line);
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
	    strcmp(state, "55P03") == 0)
		return masa_error_set(
		        err, MASA_ERR_BUSY,
		        "the database is busy with other changes to the same "
		        "records: nothing was saved, try again in a moment");
	return masa_error_set(err, MASA_ERR_STORE, "database error: %s", line);
}

/* Connects again when the connection was lost and no transaction is open. */
static enum masa_err ensure_connected(struct pg_conn *c, struct masa_error *err)
{
	if (c->tx_lost)
		return masa_error_set(
		        err, MASA_ERR_UNAVAILABLE,
		        "the database connection was lost during "
		        "this change: nothing was saved, try again");
	if (PQstatus(c->pg) == CONNECTION_OK && !c->broken)
		return MASA_OK;
	PGresult *res;

	PQreset(c->pg);
	if (PQstatus(c->pg) != CONNECTION_OK)
		return lost(c, PQerrorMessage(c->pg), err);
	c->epoch++;
	c->broken = false;
	res = PQexec(c->pg, SESSION_SQL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		enum masa_err rc = result_error(c, res, err);
		PQclear(res);
		return rc;
	}
	PQclear(res);
	return MASA_OK;
}

static enum masa_err pg_exec(void *conn, const char *sql,
                             struct masa_error *err)
{
	struct pg_conn *c = conn;
	bool begin = strncmp(sql, "BEGIN", 5) == 0;
	bool end = strcmp(sql, "COMMIT") == 0 || strcmp(sql, "ROLLBACK") == 0;
	PGresult *res;
	enum masa_err rc = MASA_OK;

	if (end && c->tx_lost) {
		c->in_tx = c->tx_lost = false;
		if (strcmp(sql, "ROLLBACK") == 0)
			return MASA_OK;
		return masa_error_set(
		        err, MASA_ERR_UNAVAILABLE,
		        "the database connection was lost during "
		        "this change: nothing was saved, try again");
	}
	if (!end && (rc = ensure_connected(c, err)) != MASA_OK)
		return rc;
	res = PQexec(c->pg, sql);
	if (begin && PQresultStatus(res) == PGRES_FATAL_ERROR &&
	    connection_went(c, res)) {
		/* Nothing was under way: connect again and begin. */
		PQclear(res);
		c->broken = true;
		if ((rc = ensure_connected(c, err)) != MASA_OK)
			return rc;
		res = PQexec(c->pg, sql);
	}
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK)
		rc = result_error(c, res, err);
	else if (strcmp(sql, "COMMIT") == 0 &&
	         strcmp(PQcmdStatus(res), "COMMIT") != 0)
		/* The server had aborted the transaction: it rolled back. */
		rc = masa_error_set(err, MASA_ERR_STORE,
		                    "transaction was rolled back");
	PQclear(res);
	if (begin && rc == MASA_OK)
		c->in_tx = true;
	if (end) {
		/* A COMMIT that failed has rolled back; either way it ended. */
		c->in_tx = c->tx_lost = false;
	}
	return rc;
}

static enum masa_err pg_open(const char *location, unsigned flags, void **conn,
                             bool *created, struct masa_error *err)
{
	/*
	 * Defaults first, so that the URL's own settings win: a database host
	 * that vanishes (a failover) must not hold a worker for long.
	 */
	const char *keys[] = {"fallback_application_name",
	                      "connect_timeout",
	                      "keepalives_idle",
	                      "keepalives_interval",
	                      "keepalives_count",
	                      "tcp_user_timeout",
	                      "dbname",
	                      NULL};
	const char *values[] = {"masa", "5",     "30",     "10",
	                        "3",    "30000", location, NULL};
	struct pg_conn *c = xcalloc(1, sizeof *c);
	PGresult *res;
	char line[256], where[256];
	enum masa_err rc;

	*created = false;
	c->epoch = 1;
	c->pg = PQconnectdbParams(keys, values, 1);
	if (c->pg == NULL || PQstatus(c->pg) != CONNECTION_OK) {
		rc = masa_error_set(
		        err, MASA_ERR_UNAVAILABLE,
		        "cannot connect to the PostgreSQL database: %s",
		        first_line(c->pg ? PQerrorMessage(c->pg)
		                         : "out of memory",
		                   line, sizeof line));
		PQfinish(c->pg);
		free(c);
		return rc;
	}
	PQsetNoticeProcessor(c->pg, ignore_notice, NULL);
	rc = pg_exec(c, SESSION_SQL, err);
	if (rc != MASA_OK)
		goto fail;
	res = PQexec(c->pg, "SELECT to_regclass('masa_schema') IS NULL");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = result_error(c, res, err);
		PQclear(res);
		goto fail;
	}
	*created = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	PQclear(res);
	if (*created && !(flags & STORE_OPEN_CREATE)) {
		/* As for a SQLite file that is not there. */
		store_location_shown(location, where, sizeof where);
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "no masa database at %s (create one with "
		                    "`masa --db %s init`)",
		                    where, where);
		goto fail;
	}
	*conn = c;
	return MASA_OK;
fail:
	PQfinish(c->pg);
	free(c);
	return rc;
}

static void pg_close(void *conn)
{
	struct pg_conn *c = conn;

	PQfinish(c->pg);
	free(c);
}

/* Whether the word before position i of sql (skipping spaces) is LIMIT. */
static bool after_limit(const char *sql, size_t i)
{
	while (i > 0 && isspace((unsigned char)sql[i - 1]))
		i--;
	return i >= 5 && strncasecmp(sql + i - 5, "LIMIT", 5) == 0 &&
	       (i == 5 || !isalnum((unsigned char)sql[i - 6]));
}

/*
 * Rewrites `?` and `?N` outside quotes to `$N`, as SQLite numbers them (a
 * bare `?` takes one more than the largest number so far).
 */
static enum masa_err rewrite(struct pg_stmt *st, const char *sql,
                             struct masa_error *err)
{
	size_t n = strlen(sql);
	char *out = xmalloc(n * 3 + 1);
	size_t o = 0;
	int highest = 0;

	for (size_t i = 0; i < n; i++) {
		char ch = sql[i];
		if (ch == '/' && i + 1 < n && sql[i + 1] == '*') {
			const char *close = strstr(sql + i + 2, "*/");
			size_t j = close ? (size_t)(close - sql) + 2 : n;
			memcpy(out + o, sql + i, j - i);
			o += j - i;
			i = j - 1;
			continue;
		}
		if (ch == '\'' || ch == '"') {
			/* E'...' strings escape with a backslash. */
			bool escapes = ch == '\'' && i > 0 &&
			               (sql[i - 1] == 'E' || sql[i - 1] == 'e');
			size_t j = i + 1;
			while (j < n && sql[j] != ch)
				j += escapes && sql[j] == '\\' && j + 1 < n ? 2
				                                            : 1;
			memcpy(out + o, sql + i, j - i + (j < n));
			o += j - i + (j < n);
			i = j;
			continue;
		}
		if (ch == '-' && i + 1 < n && sql[i + 1] == '-') {
			while (i < n && sql[i] != '\n')
				out[o++] = sql[i++];
			if (i < n)
				out[o++] = '\n';
			continue;
		}
		if (ch != '?') {
			out[o++] = ch;
			continue;
		}
		int number = 0;
		size_t j = i + 1;
		while (j < n && isdigit((unsigned char)sql[j]) && number < 1000)
			number = number * 10 + (sql[j++] - '0');
		if (j == i + 1)
			number = highest + 1;
		if (number < 1 || number > PG_MAX_PARAMS) {
			free(out);
			return masa_error_set(err, MASA_ERR_STORE,
			                      "statement has parameter %d; at "
			                      "most %d are allowed",
			                      number, PG_MAX_PARAMS);
		}
		if (number > highest)
			highest = number;
		if (after_limit(sql, i))
			st->limit[number - 1] = true;
		st->used[number - 1] = true;
		o += (size_t)snprintf(out + o, 8, "$%d", number);
		i = j - 1;
	}
	out[o] = '\0';
	st->sql = out;
	st->nparams = highest;
	return MASA_OK;
}

/* Prepares st on the current connection when it has not been yet. */
static enum masa_err server_prepare(struct pg_stmt *st, struct masa_error *err)
{
	struct pg_conn *c = st->c;
	PGresult *res;
	enum masa_err rc = MASA_OK;

	/* 0: inferred from the statement; 25: text, for one it skips. */
	Oid types[PG_MAX_PARAMS];

	if (st->epoch == c->epoch)
		return MASA_OK;
	for (int i = 0; i < st->nparams; i++)
		types[i] = st->used[i] ? 0 : 25;
	snprintf(st->name, sizeof st->name, "m%u", ++c->next_name);
	res = PQprepare(c->pg, st->name, st->sql, st->nparams, types);
	if (PQresultStatus(res) != PGRES_COMMAND_OK && !c->in_tx &&
	    connection_went(c, res)) {
		/* Preparing changes nothing: connect again and retry. */
		PQclear(res);
		c->broken = true;
		if ((rc = ensure_connected(c, err)) != MASA_OK)
			return rc;
		res = PQprepare(c->pg, st->name, st->sql, st->nparams, types);
	}
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = result_error(c, res, err);
	else
		st->epoch = c->epoch;
	PQclear(res);
	return rc;
}

static enum masa_err pg_prepare(void *conn, const char *sql, void **stmt,
                                struct masa_error *err)
{
	struct pg_stmt *st = xcalloc(1, sizeof *st);
	enum masa_err rc;

	st->c = conn;
	st->replan_at = PG_FIRST_REPLAN;
	st->row = -1;
	st->nrows = -1;
	rc = rewrite(st, sql, err);
	st->reads = strncasecmp(sql, "SELECT", 6) == 0;
	if (rc == MASA_OK)
		rc = ensure_connected(st->c, err);
	if (rc == MASA_OK)
		rc = server_prepare(st, err);
	if (rc != MASA_OK) {
		free(st->sql);
		free(st);
		return rc;
	}
	*stmt = st;
	return MASA_OK;
}

static void clear_binding(struct pg_stmt *st, int i)
{
	free(st->owned[i]);
	st->owned[i] = NULL;
	st->values[i] = NULL;
	st->lengths[i] = 0;
	st->formats[i] = 0;
}

static void free_decoded(struct pg_stmt *st)
{
	for (size_t i = 0; i < st->ndecoded; i++)
		PQfreemem(st->decoded[i]);
	free(st->decoded);
	st->decoded = NULL;
	st->ndecoded = 0;
}

static void pg_reset(void *stmt)
{
	struct pg_stmt *st = stmt;

	PQclear(st->res);
	st->res = NULL;
	st->row = -1;
	st->nrows = -1;
	free_decoded(st);
	for (int i = 0; i < st->nparams; i++)
		clear_binding(st, i);
}

static void pg_finalize(void *stmt)
{
	struct pg_stmt *st = stmt;

	pg_reset(st);
	/* The server forgets the statement with the connection. */
	free(st->sql);
	free(st);
}

static bool index_ok(const struct pg_stmt *st, int index)
{
	return index >= 1 && index <= st->nparams;
}

static void pg_bind_int(void *stmt, int index, int64_t value)
{
	struct pg_stmt *st = stmt;

	if (!index_ok(st, index))
		return;
	clear_binding(st, index - 1);
	if (value < 0 && st->limit[index - 1])
		return; /* LIMIT NULL: no limit, as SQLite's LIMIT -1 */
	snprintf(st->ints[index - 1], sizeof st->ints[0], "%lld",
	         (long long)value);
	st->values[index - 1] = st->ints[index - 1];
}

static void pg_bind_text(void *stmt, int index, const char *value)
{
	struct pg_stmt *st = stmt;

	if (!index_ok(st, index))
		return;
	clear_binding(st, index - 1);
	st->owned[index - 1] = xstrdup(value);
	st->values[index - 1] = st->owned[index - 1];
}

static void pg_bind_blob(void *stmt, int index, const void *value, size_t size)
{
	struct pg_stmt *st = stmt;

	if (!index_ok(st, index))
		return;
	clear_binding(st, index - 1);
	/* Borrowed, as SQLite's: sent as binary, so never escaped. */
	st->values[index - 1] = value;
	st->lengths[index - 1] = (int)size;
	st->formats[index - 1] = 1;
}

static void pg_bind_null(void *stmt, int index)
{
	struct pg_stmt *st = stmt;

	if (index_ok(st, index))
		clear_binding(st, index - 1);
}

/*
 * Prepares st afresh when it has run twice as often as when it was last
 * planned. PostgreSQL plans a prepared statement once for all its runs (after
 * the first five), by the size its tables had then: in a load, which fills
 * empty tables in one transaction (so nothing analyses them), a plan made when
 * a table held ten rows (a scan of it, or of the wrong index) runs when it
 * holds ten thousand, and a load that SQLite does in three seconds took
 * minutes. Planned again at 64, 128, 256... runs, a statement has a plan made
 * for tables about half their size at worst, for one extra round trip each
 * time.
 */
static void replan_when_grown(struct pg_stmt *st)
{
	struct pg_conn *c = st->c;
	char sql[32];

	if (st->epoch != c->epoch || ++st->runs < st->replan_at)
		return;
	snprintf(sql, sizeof sql, "DEALLOCATE %s", st->name);
	PQclear(PQexec(c->pg, sql));
	st->epoch = 0; /* server_prepare() prepares it under a new name */
	st->replan_at *= 2;
}

static enum masa_err pg_step(void *stmt, bool *row, struct masa_error *err)
{
	struct pg_stmt *st = stmt;
	struct pg_conn *c = st->c;
	enum masa_err rc;

	*row = false;
	if (st->nrows < 0) {
		ExecStatusType status;
		replan_when_grown(st);
		if ((rc = ensure_connected(c, err)) != MASA_OK ||
		    (rc = server_prepare(st, err)) != MASA_OK)
			return rc;
		st->res =
		        PQexecPrepared(c->pg, st->name, st->nparams, st->values,
		                       st->lengths, st->formats, 0);
		status = PQresultStatus(st->res);
		if (status == PGRES_FATAL_ERROR && st->reads && !c->in_tx &&
		    connection_went(c, st->res)) {
			PQclear(st->res);
			st->res = NULL;
			c->broken = true;
			if ((rc = ensure_connected(c, err)) != MASA_OK ||
			    (rc = server_prepare(st, err)) != MASA_OK)
				return rc;
			st->res = PQexecPrepared(c->pg, st->name, st->nparams,
			                         st->values, st->lengths,
			                         st->formats, 0);
			status = PQresultStatus(st->res);
		}
		if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
			rc = result_error(c, st->res, err);
			PQclear(st->res);
			st->res = NULL;
			return rc;
		}
		st->nrows = PQntuples(st->res);
	}
	free_decoded(st);
	if (st->row < st->nrows)
		st->row++;
	*row = st->row < st->nrows;
	return MASA_OK;
}

static bool have_cell(const struct pg_stmt *st, int column)
{
	return st->res != NULL && st->row >= 0 && st->row < st->nrows &&
	       column >= 0 && column < PQnfields(st->res) &&
	       !PQgetisnull(st->res, st->row, column);
}

static int64_t pg_column_int(void *stmt, int column)
{
	struct pg_stmt *st = stmt;
	const char *v;

	if (!have_cell(st, column))
		return 0;
	v = PQgetvalue(st->res, st->row, column);
	if (v[0] == 't' && v[1] == '\0') /* a boolean */
		return 1;
	return strtoll(v, NULL, 10);
}

static const char *pg_column_text(void *stmt, int column)
{
	struct pg_stmt *st = stmt;

	if (!have_cell(st, column))
		return NULL;
	return PQgetvalue(st->res, st->row, column);
}

/*
 * A bytea cell comes in the text format as \x and hex digits: decoded once
 * per cell and kept until the next row.
 */
static const void *pg_column_blob(void *stmt, int column, size_t *size)
{
	struct pg_stmt *st = stmt;
	unsigned char *bytes;

	*size = 0;
	if (!have_cell(st, column))
		return NULL;
	bytes = PQunescapeBytea(
	        (const unsigned char *)PQgetvalue(st->res, st->row, column),
	        size);
	if (bytes == NULL)
		abort(); /* out of memory */
	st->decoded =
	        xrealloc(st->decoded, (st->ndecoded + 1) * sizeof *st->decoded);
	st->decoded[st->ndecoded++] = bytes;
	return bytes;
}

static bool pg_column_is_null(void *stmt, int column)
{
	return !have_cell(stmt, column);
}

static int pg_column_count(void *stmt)
{
	struct pg_stmt *st = stmt;

	return st->res != NULL ? PQnfields(st->res) : 0;
}

static const char *pg_column_name(void *stmt, int column)
{
	struct pg_stmt *st = stmt;

	return st->res != NULL ? PQfname(st->res, column) : NULL;
}

static bool pg_writes(void *stmt)
{
	return !((struct pg_stmt *)stmt)->reads;
}

const struct store_backend store_postgresql_backend = {
        .name = "postgresql",
        .open = pg_open,
        .close = pg_close,
        .exec = pg_exec,
        .prepare = pg_prepare,
        .finalize = pg_finalize,
        .bind_int = pg_bind_int,
        .bind_text = pg_bind_text,
        .bind_null = pg_bind_null,
        .bind_blob = pg_bind_blob,
        .step = pg_step,
        .column_int = pg_column_int,
        .column_text = pg_column_text,
        .column_is_null = pg_column_is_null,
        .column_blob = pg_column_blob,
        .reset = pg_reset,
        .column_count = pg_column_count,
        .column_name = pg_column_name,
        .writes = pg_writes,
        .has_table_sql = "SELECT 1 WHERE to_regclass(?1) IS NOT NULL",
        .ids_follow_format =
                "SELECT setval(pg_get_serial_sequence('%s', 'id'), "
                "COALESCE(MAX(id), 0) + 1, false) FROM %s",
        /*
         * The snapshot names every transaction still running and the next
         * to start: any commit that writes changes it, and reads do not.
         */
        .data_version_sql =
                "SELECT hashtextextended(pg_current_snapshot()::text, 0)",
        .migrate_lock_sql = "SELECT pg_advisory_xact_lock(2019)",
        .begin_read_sql = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        .begin_write_sql = "BEGIN ISOLATION LEVEL SERIALIZABLE",
        .migrations = store_postgresql_migrations,
        .migration_count = &store_postgresql_migration_count,
};
