/*
 * map: string to integer hash map with open addressing (see map.h).
 */
#include "core/map.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

struct map_entry {
	char *key; /* NULL: empty slot */
	uint64_t hash;
	int64_t value;
};

static uint64_t hash_string(const char *s)
{
	uint64_t h = 1469598103934665603u; /* FNV-1a */

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211u;
	}
	return h;
}

static struct map_entry *slot_for(const struct map *m, const char *key,
                                  uint64_t h)
{
	size_t i = (size_t)h & (m->size - 1);

	while (m->slots[i].key != NULL &&
	       (m->slots[i].hash != h || strcmp(m->slots[i].key, key) != 0))
		i = (i + 1) & (m->size - 1);
	return &m->slots[i];
}

static void grow(struct map *m)
{
	struct map_entry *old = m->slots;
	size_t old_size = m->size;

	m->size = old_size ? old_size * 2 : 64;
	m->slots = xcalloc(m->size, sizeof *m->slots);
	for (size_t i = 0; i < old_size; i++)
		if (old[i].key != NULL)
			*slot_for(m, old[i].key, old[i].hash) = old[i];
	free(old);
}

bool map_put(struct map *m, const char *key, int64_t value)
{
	uint64_t h = hash_string(key);
	struct map_entry *e;

	if ((m->used + 1) * 4 > m->size * 3)
		grow(m);
	e = slot_for(m, key, h);
	if (e->key != NULL)
		return false;
	e->key = xstrdup(key);
	e->hash = h;
	e->value = value;
	m->used++;
	return true;
}

bool map_get(const struct map *m, const char *key, int64_t *value)
{
	const struct map_entry *e;

	if (m->size == 0)
		return false;
	e = slot_for(m, key, hash_string(key));
	if (e->key == NULL)
		return false;
	if (value != NULL)
		*value = e->value;
	return true;
}

void map_free(struct map *m)
{
	for (size_t i = 0; i < m->size; i++)
		free(m->slots[i].key);
	free(m->slots);
	m->slots = NULL;
	m->size = 0;
	m->used = 0;
}
