/*
 * testdb: the database a unit test opens. A new SQLite file in /tmp; or,
 * when MASA_TEST_PG holds the URL of a throwaway PostgreSQL cluster
 * (tests/run starts one with scripts/pg-cluster), a new schema in it, so
 * that the same tests run against both backends.
 */
#ifndef MASA_TESTS_TESTDB_H
#define MASA_TESTS_TESTDB_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { TESTDB_SIZE = 512 };

static inline const char *testdb_pg(void)
{
	const char *url = getenv("MASA_TEST_PG");

	return url != NULL && url[0] != '\0' ? url : NULL;
}

static inline void testdb_quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* Runs sql on the cluster's masa database; false (and a message) if not. */
static inline bool testdb_pg_exec(const char *sql)
{
	PGconn *c = PQconnectdb(testdb_pg());
	PGresult *r;
	bool ok = PQstatus(c) == CONNECTION_OK;

	if (ok) {
		PQsetNoticeProcessor(c, testdb_quiet, NULL);
		r = PQexec(c, sql);
		ok = PQresultStatus(r) == PGRES_COMMAND_OK ||
		     PQresultStatus(r) == PGRES_TUPLES_OK;
		PQclear(r);
	}
	if (!ok)
		fprintf(stderr, "# testdb: %s: %s", sql, PQerrorMessage(c));
	PQfinish(c);
	return ok;
}

/*
 * Writes a location for a database that does not exist yet into out: a
 * path, or a URL whose search_path is a new, empty schema. Returns 0, or -1
 * if it could not.
 */
static inline int testdb_new(char *out, size_t size, const char *name)
{
	static unsigned counter;
	char sql[128];
	int fd;

	if (testdb_pg() != NULL) {
		char schema[64];
		snprintf(schema, sizeof schema, "t_%s_%ld_%u", name,
		         (long)getpid(), ++counter);
		snprintf(sql, sizeof sql, "CREATE SCHEMA \"%s\"", schema);
		if (!testdb_pg_exec(sql))
			return -1;
		snprintf(out, size, "%s&options=-c%%20search_path%%3D%s",
		         testdb_pg(), schema);
		return 0;
	}
	snprintf(out, size, "/tmp/masa-test-%s-XXXXXX", name);
	fd = mkstemp(out);
	if (fd < 0)
		return -1;
	close(fd);
	unlink(out);
	return 0;
}

/* Removes the database at location (a file and its WAL, or a schema). */
static inline void testdb_remove(const char *location)
{
	char side[TESTDB_SIZE + 16];
	const char *schema = strstr(location, "search_path%3D");

	if (schema != NULL) {
		snprintf(side, sizeof side, "DROP SCHEMA \"%s\" CASCADE",
		         schema + strlen("search_path%3D"));
		(void)testdb_pg_exec(side);
		return;
	}
	unlink(location);
	snprintf(side, sizeof side, "%s-wal", location);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", location);
	unlink(side);
	snprintf(side, sizeof side, "%s-journal", location);
	unlink(side);
}

/* Empties the database at location: a fresh schema, or no file at all. */
static inline void testdb_reset(const char *location)
{
	const char *schema = strstr(location, "search_path%3D");
	char sql[TESTDB_SIZE];

	testdb_remove(location);
	if (schema != NULL) {
		snprintf(sql, sizeof sql, "CREATE SCHEMA \"%s\"",
		         schema + strlen("search_path%3D"));
		(void)testdb_pg_exec(sql);
	}
}

/* Runs sql in the schema of location (PostgreSQL only). */
static inline bool testdb_pg_exec_in(const char *location, const char *sql)
{
	const char *schema = strstr(location, "search_path%3D");
	char all[TESTDB_SIZE * 2];

	snprintf(all, sizeof all, "SET search_path TO \"%s\"; %s",
	         schema ? schema + strlen("search_path%3D") : "public", sql);
	return testdb_pg_exec(all);
}

#endif
