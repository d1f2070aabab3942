/*
 * audit: the append-only log of every change: who, when, what, before and
 * after. The store refuses updates and deletes of the log itself.
 */
#ifndef MASA_GOV_AUDIT_H
#define MASA_GOV_AUDIT_H

#include <jansson.h>

#include "gov/gov.h"

struct audit_entry {
	int64_t id;
	char *at; /* YYYY-MM-DDTHH:MM:SSZ */
	char *actor;
	char *action; /* create, update, delete, load */
	char *entity;
	int64_t entity_id;
	char *before; /* JSON text or NULL */
	char *after;  /* JSON text or NULL */
};

/*
 * Appends an entry acting as g->actor now. Steals the references to before
 * and after (either may be NULL).
 */
enum masa_err audit_record(struct gov *g, const char *action,
                           const char *entity, int64_t entity_id,
                           json_t *before, json_t *after,
                           struct masa_error *err);

/*
 * The newest entries first, at most limit of them, for entity (NULL for all)
 * and entity_id (0 for all); in a.
 */
enum masa_err audit_list(struct gov *g, const char *entity, int64_t entity_id,
                         int limit, struct arena *a, struct audit_entry **out,
                         size_t *n, struct masa_error *err);

#endif
