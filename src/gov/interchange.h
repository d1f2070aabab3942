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
#define INTERCHANGE_VERSION 4
/* The largest document load accepts. */
#define INTERCHANGE_MAX_BYTES ((size_t)512 * 1024 * 1024)

/* The most parts a document holds beyond governance (interchange_parts). */
#define INTERCHANGE_MAX_PARTS 16

struct interchange_counts {
	size_t organisations, people, bodies, memberships, meetings, items,
	        attendance, declarations, resolutions, documents, circulation,
	        actions, action_updates, programme;
	/* The records of each of interchange_parts, in its order. */
	size_t parts[INTERCHANGE_MAX_PARTS];
};

/*
 * A part of the document that another pillar (src/assure, src/data) loads
 * and dumps itself, as the top-level list `name` (version 4 on): loaded
 * after all of governance (so its keys of organisations, people, bodies,
 * meetings and actions can be looked up in the store), dumped after it.
 *
 * load stores one element o of the list for partnership_id (its members
 * are checked against `members` first); its messages name the field
 * ("reference: ...") and load puts "name[i]." before them. dump returns
 * the list (a new reference, an empty array for none: the document then
 * leaves the part out). Both see the whole
 * partnership (gov_viewer_system).
 */
struct interchange_part {
	const char *name;
	const char *const *members;
	enum masa_err (*load)(struct gov *g, int64_t partnership_id, json_t *o,
	                      struct masa_error *err);
	enum masa_err (*dump)(struct gov *g, int64_t partnership_id,
	                      json_t **list, struct masa_error *err);
};

/* The parts, NULL-terminated, in the order they load (src/assure/parts.c). */
extern const struct interchange_part *const interchange_parts[];

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
