/*
 * copy: moving a whole deployment from one database to another (SQLite to
 * PostgreSQL when one machine is no longer enough, or back): every table,
 * every row with its id, accounts, sessions and the audit log included.
 */
#ifndef MASA_GOV_COPY_H
#define MASA_GOV_COPY_H

#include <stddef.h>
#include <stdio.h>

#include "core/error.h"
#include "store/store.h"

struct gov_copy_counts {
	size_t tables;
	size_t rows;
};

/*
 * Copies everything in from into to, which must be new (just created by
 * store_open) and at the same schema version, in one transaction of to, then
 * reads both again and compares every value. progress (may be NULL) gets a
 * line per table. On any failure to holds nothing of from.
 */
enum masa_err gov_copy(struct store *from, struct store *to, FILE *progress,
                       struct gov_copy_counts *counts, struct masa_error *err);

#endif
