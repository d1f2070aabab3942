/*
 * cache: the page cache (see cache.h).
 */
#include "http/cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

struct entry {
	char *key;
	char *type;
	char *body;
	size_t len;
	uint64_t generation;
	int64_t day;
};

struct page_cache {
	pthread_rwlock_t lock;
	struct entry *slots;
	size_t nslots;
	size_t max_bytes, bytes;
};

/* FNV-1a: keys are masa's own paths, so no adversary picks collisions
 * that matter (a collision only replaces a page in the cache). */
static size_t slot_of(const struct page_cache *c, const char *key)
{
	uint64_t h = 1469598103934665603ull;

	for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
		h ^= *p;
		h *= 1099511628211ull;
	}
	return (size_t)(h % c->nslots);
}

struct page_cache *page_cache_new(size_t slots, size_t max_bytes)
{
	struct page_cache *c = xcalloc(1, sizeof *c);

	pthread_rwlock_init(&c->lock, NULL);
	c->nslots = slots ? slots : 1;
	c->slots = xcalloc(c->nslots, sizeof *c->slots);
	c->max_bytes = max_bytes;
	return c;
}

static void clear(struct page_cache *c, struct entry *e)
{
	c->bytes -= e->len;
	free(e->key);
	free(e->type);
	free(e->body);
	memset(e, 0, sizeof *e);
}

void page_cache_free(struct page_cache *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->nslots; i++)
		clear(c, &c->slots[i]);
	free(c->slots);
	pthread_rwlock_destroy(&c->lock);
	free(c);
}

bool page_cache_get(struct page_cache *c, const char *key, uint64_t generation,
                    int64_t day,
                    void (*take)(const char *type, const void *body, size_t len,
                                 void *arg),
                    void *arg)
{
	struct entry *e = &c->slots[slot_of(c, key)];
	bool hit;

	pthread_rwlock_rdlock(&c->lock);
	hit = e->key != NULL && e->generation == generation && e->day == day &&
	      strcmp(e->key, key) == 0;
	if (hit)
		take(e->type, e->body, e->len, arg);
	pthread_rwlock_unlock(&c->lock);
	return hit;
}

void page_cache_put(struct page_cache *c, const char *key, uint64_t generation,
                    int64_t day, const char *type, const void *body, size_t len)
{
	struct entry *e = &c->slots[slot_of(c, key)];

	/* No one page may take more than its share of four slots. */
	if (len > c->max_bytes / (c->nslots < 4 ? c->nslots : 4))
		return;
	pthread_rwlock_wrlock(&c->lock);
	if (e->key != NULL)
		clear(c, e);
	if (c->bytes + len <= c->max_bytes) {
		e->key = xstrdup(key);
		e->type = xstrdup(type);
		e->body = xmalloc(len ? len : 1);
		memcpy(e->body, body, len);
		e->len = len;
		e->generation = generation;
		e->day = day;
		c->bytes += len;
	}
	pthread_rwlock_unlock(&c->lock);
}
