/*
 * cache: the page cache of masa serve. Public pages (no account) are the
 * same for every reader until the data changes, and they are most of what
 * is read (minutes, calendars, feeds); the server keeps each one rendered,
 * keyed by its route's path and validated parameters, and tags it with the
 * data generation it was made from and the day (pages that say "upcoming"
 * change at midnight). A generation that has moved on, or another day,
 * makes the entry stale: nothing is ever served from before a change.
 *
 * Bounded: a fixed number of slots (a new page replaces the one in its
 * slot) and a ceiling on the bytes held; pages larger than a slot's share
 * are not kept. Thread-safe (a read-write lock).
 */
#ifndef MASA_HTTP_CACHE_H
#define MASA_HTTP_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct page_cache;

/* A cache of at most slots pages and max_bytes of them. */
struct page_cache *page_cache_new(size_t slots, size_t max_bytes);
void page_cache_free(struct page_cache *c);

/*
 * If key is held for generation and day, calls take(type, headers, body,
 * len, fd, arg) while holding the entry (copy what you need, or hold the
 * body) and returns true. headers is as given to page_cache_put ("" for
 * none). A large page is also in a memory file, fd (else -1): a response
 * may send it from a dup() of fd with sendfile, as a web server sends a
 * file, without copying it through the process.
 */
bool page_cache_get(struct page_cache *c, const char *key, uint64_t generation,
                    int64_t day,
                    void (*take)(const char *type, const char *headers,
                                 const void *body, size_t len, int fd,
                                 void *arg),
                    void *arg);

/*
 * Keeps a copy of body under key (replacing what its slot held), with the
 * response's own headers (the server's "Name: value" lines, or NULL).
 */
void page_cache_put(struct page_cache *c, const char *key, uint64_t generation,
                    int64_t day, const char *type, const char *headers,
                    const void *body, size_t len);

/*
 * A body given to take (page_cache_get) kept alive past the entry's
 * replacement, for a response still sending it: page_cache_release() lets
 * go (the server's response frees it so, with no copy made).
 */
void page_cache_hold(const void *body);
void page_cache_release(void *body);

#endif
