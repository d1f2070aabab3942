/*
 * gov: the governance domain of masa: partnerships, the agencies and people in
 * them, their bodies and memberships, meetings, attendance, agenda items,
 * declarations, resolutions and papers. Plain C functions over the store;
 * they never see HTTP, HTML or an SQL dialect.
 *
 * Every function takes a struct gov (the store and who is acting) and a
 * struct masa_error for a message naming the field and value at fault.
 * Records are plain structs; text in records read back (get, list) is
 * owned by the arena the caller passes. Every create and update writes an
 * audit log entry in the same transaction.
 */
#ifndef MASA_GOV_GOV_H
#define MASA_GOV_GOV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/mem.h"
#include "store/store.h"

struct gov {
	struct store *store;
	const char *actor; /* who is acting, for the audit log */
	/*
	 * When true, creates write no audit entry of their own: a bulk load
	 * writes one entry for the whole load instead.
	 */
	bool bulk;
};

/* Sets up g over store s acting as actor (both borrowed). */
void gov_init(struct gov *g, struct store *s, const char *actor);

/* Runs a transaction around a group of changes (see store_begin). */
enum masa_err gov_begin(struct gov *g, struct masa_error *err);
enum masa_err gov_commit(struct gov *g, struct masa_error *err);
void gov_rollback(struct gov *g);
/*
 * Runs a transaction around a group of reads, all from one snapshot, that
 * waits for no writer and holds none up (see store_begin_read); end it with
 * gov_end or gov_commit.
 */
enum masa_err gov_begin_read(struct gov *g, struct masa_error *err);
/*
 * Ends a transaction begun with gov_begin or gov_begin_read: commits when rc is
 * MASA_OK, else rolls back. Returns rc, or the commit's error (in err) if that
 * failed.
 */
enum masa_err gov_end(struct gov *g, enum masa_err rc, struct masa_error *err);

#endif
