/*
 * map: a hash map from strings to 64-bit integers, for resolving the
 * identifiers of an imported document to database ids. Keys are copied.
 */
#ifndef MASA_CORE_MAP_H
#define MASA_CORE_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct map_entry;
struct map {
	struct map_entry *slots;
	size_t size; /* a power of two, or 0 before the first put */
	size_t used;
};

#define MAP_INIT           \
	{                  \
		NULL, 0, 0 \
	}

/* Sets key to value; false (and nothing changed) if key is already there. */
bool map_put(struct map *m, const char *key, int64_t value);
/* True and *value when key is there. */
bool map_get(const struct map *m, const char *key, int64_t *value);
/* Frees the map's memory; it may be used again. */
void map_free(struct map *m);

#endif
