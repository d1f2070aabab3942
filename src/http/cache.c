/*
 * cache: the page cache (see cache.h).
 */
#define _GNU_SOURCE /* memfd_create */
#include "http/cache.h"

#include <pthread.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/mem.h"

/* Pages this large are also held in a memory file, for sendfile. */
enum { FILE_MIN_BYTES = 64 * 1024 }; /* (at most 128 files at once) */

/*
 * A page's bytes, counted: held by its slot and by each response still
 * sending them (page_cache_hold), freed by the last to let go.
 */
struct kept_body {
	_Atomic size_t refs;
	alignas(max_align_t) char data[];
};

static struct kept_body *kept_of(const void *body)
{
	return (struct kept_body *)(void *)((char *)(uintptr_t)body -
	                                    offsetof(struct kept_body, data));
}

void page_cache_hold(const void *body)
{
	atomic_fetch_add(&kept_of(body)->refs, 1);
}

void page_cache_release(void *body)
{
	struct kept_body *k = kept_of(body);

	if (atomic_fetch_sub(&k->refs, 1) == 1)
		free(k);
}

struct entry {
	char *key;
	char *type;
	char *headers;
	char *body;
	size_t len;
	int fd;       /* a memory file holding body too, or -1 */
	size_t bytes; /* what it counts against the cache's ceiling */
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
	for (size_t i = 0; i < c->nslots; i++)
		c->slots[i].fd = -1;
	c->max_bytes = max_bytes;
	return c;
}

static void clear(struct page_cache *c, struct entry *e)
{
	c->bytes -= e->bytes;
	if (e->fd >= 0 && e->key != NULL)
		close(e->fd);
	free(e->key);
	free(e->type);
	free(e->headers);
	if (e->body != NULL)
		page_cache_release(e->body);
	memset(e, 0, sizeof *e);
	e->fd = -1;
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
                    void (*take)(const char *type, const char *headers,
                                 const void *body, size_t len, int fd,
                                 void *arg),
                    void *arg)
{
	struct entry *e = &c->slots[slot_of(c, key)];
	bool hit;

	pthread_rwlock_rdlock(&c->lock);
	hit = e->key != NULL && e->generation == generation && e->day == day &&
	      strcmp(e->key, key) == 0;
	if (hit)
		take(e->type, e->headers, e->body, e->len, e->fd, arg);
	pthread_rwlock_unlock(&c->lock);
	return hit;
}

/* A memory file holding body, or -1 (then the bytes alone serve). */
static int memory_file(const void *body, size_t len)
{
	int fd = memfd_create("masa-page", MFD_CLOEXEC);
	size_t done = 0;

	while (fd >= 0 && done < len) {
		ssize_t n = write(fd, (const char *)body + done, len - done);
		if (n <= 0) {
			close(fd);
			return -1;
		}
		done += (size_t)n;
	}
	return fd;
}

void page_cache_put(struct page_cache *c, const char *key, uint64_t generation,
                    int64_t day, const char *type, const char *headers,
                    const void *body, size_t len)
{
	struct entry *e = &c->slots[slot_of(c, key)];

	/* No one page may take more than its share of four slots. */
	if (len > c->max_bytes / (c->nslots < 4 ? c->nslots : 4))
		return;
	pthread_rwlock_wrlock(&c->lock);
	if (e->key != NULL)
		clear(c, e);
	if (c->bytes + (len >= FILE_MIN_BYTES ? 2 * len : len) <=
	    c->max_bytes) {
		e->key = xstrdup(key);
		e->type = xstrdup(type);
		e->headers = xstrdup(headers ? headers : "");
		struct kept_body *k = xmalloc(sizeof *k + (len ? len : 1));
		atomic_init(&k->refs, 1);
		memcpy(k->data, body, len);
		e->body = k->data;
		e->len = len;
		e->bytes = len;
		e->fd = len >= FILE_MIN_BYTES ? memory_file(body, len) : -1;
		if (e->fd >= 0)
			e->bytes += len;
		e->generation = generation;
		e->day = day;
		c->bytes += e->bytes;
	}
	pthread_rwlock_unlock(&c->lock);
}
