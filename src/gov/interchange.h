/*
 * interchange: a whole partnership as one JSON document (docs/interchange.md).
 * Dump writes it; load reads one back in a single transaction, so that a
 * document with any fault leaves the database exactly as it was.
 */
#ifndef MASA_GOV_INTERCHANGE_H
#define MASA_GOV_INTERCHANGE_H

#include <jansson.h>
#include <stdio.h>

#include "gov/gov.h"

/* The format version this masa writes and the newest it reads. */
#define INTERCHANGE_VERSION 3
/* The largest document load accepts. */
#define INTERCHANGE_MAX_BYTES ((size_t)512 * 1024 * 1024)

struct interchange_counts {
	size_t organisations, people, bodies, memberships, meetings, items,
	        attendance, declarations, resolutions, documents, circulation,
	        actions, action_updates, programme;
};

/*
 * Loads the document in path. On success *partnership_id (may be NULL) is
 * the new partnership and *counts (may be NULL) what was created. Errors
 * name the file, the place in the document, the field and the value.
 */
enum masa_err interchange_load_file(struct gov *g, const char *path,
                                    int64_t *partnership_id,
                                    struct interchange_counts *counts,
                                    struct masa_error *err);
/* As interchange_load_file, from len bytes at data; name is for messages. */
enum masa_err interchange_load_buffer(struct gov *g, const char *data,
                                      size_t len, const char *name,
                                      int64_t *partnership_id,
                                      struct interchange_counts *counts,
                                      struct masa_error *err);
/* The partnership as a JSON document; caller owns the reference in *out. */
enum masa_err interchange_dump_json(struct gov *g, int64_t partnership_id,
                                    json_t **out, struct masa_error *err);
/* Writes the document to f (two-space indent, a final newline). */
enum masa_err interchange_dump(struct gov *g, int64_t partnership_id, FILE *f,
                               struct masa_error *err);

#endif
