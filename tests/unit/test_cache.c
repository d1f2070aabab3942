/*
 * test_cache: the page cache keeps a page per key for one data generation
 * and one day, replaces what a slot held, and keeps within its bytes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "http/cache.h"

struct got {
	char type[64];
	char headers[128];
	int fd;
	const void *held;
	char body[64];
	size_t len;
};

static void take(const char *type, const char *headers, const void *body,
                 size_t len, int fd, void *arg)
{
	struct got *g = arg;

	snprintf(g->headers, sizeof g->headers, "%s", headers);
	g->fd = fd;
	snprintf(g->type, sizeof g->type, "%s", type);
	memcpy(g->body, body, len < sizeof g->body ? len : sizeof g->body);
	g->len = len;
}

static void hold_body(const char *type, const char *headers, const void *body,
                      size_t len, int fd, void *arg)
{
	struct got *g = arg;

	(void)type;
	(void)headers;
	(void)len;
	(void)fd;
	page_cache_hold(body);
	g->held = body;
}

static bool get(struct page_cache *c, const char *key, uint64_t gen,
                int64_t day, struct got *g)
{
	memset(g, 0, sizeof *g);
	return page_cache_get(c, key, gen, day, take, g);
}

static void test_generation_and_day(void **state)
{
	struct page_cache *c = page_cache_new(64, 1 << 20);
	struct got g;

	(void)state;
	assert_false(get(c, "/meetings", 1, 100, &g));
	page_cache_put(c, "/meetings", 1, 100, "text/html", NULL, "<p>a</p>",
	               8);
	assert_true(get(c, "/meetings", 1, 100, &g));
	assert_string_equal(g.type, "text/html");
	assert_int_equal(g.len, 8);
	assert_memory_equal(g.body, "<p>a</p>", 8);
	/* The data moved on, or it is another day: stale. */
	assert_false(get(c, "/meetings", 2, 100, &g));
	assert_false(get(c, "/meetings", 1, 101, &g));
	assert_false(get(c, "/meetings\non=2020-01-01", 1, 100, &g));
	/* A newer page replaces it. */
	page_cache_put(c, "/meetings", 2, 100, "text/html", NULL, "<p>b</p>",
	               8);
	assert_true(get(c, "/meetings", 2, 100, &g));
	assert_memory_equal(g.body, "<p>b</p>", 8);
	assert_string_equal(g.headers, ""); /* none given: none */
	/* A download keeps its own headers with it. */
	page_cache_put(c, "/papers/1", 2, 100, "application/pdf",
	               "ETag: \"ab\"\nCache-Control: public\n", "%PDF", 4);
	assert_true(get(c, "/papers/1", 2, 100, &g));
	assert_string_equal(g.headers, "ETag: \"ab\"\nCache-Control: public\n");
	assert_false(get(c, "/meetings", 1, 100, &g));
	page_cache_free(c);
}

static void test_one_slot_and_bytes(void **state)
{
	struct page_cache *c = page_cache_new(1, 40);
	char big[41];
	struct got g;

	(void)state;
	/* One slot: a second key replaces the first. */
	page_cache_put(c, "/a", 1, 1, "text/plain", NULL, "aaaa", 4);
	page_cache_put(c, "/b", 1, 1, "text/plain", NULL, "bbbb", 4);
	assert_false(get(c, "/a", 1, 1, &g));
	assert_true(get(c, "/b", 1, 1, &g));
	/* A page over the ceiling is not kept, and drops nothing else. */
	memset(big, 'x', sizeof big);
	page_cache_put(c, "/b", 1, 1, "text/plain", NULL, big, sizeof big);
	assert_true(get(c, "/b", 1, 1, &g));
	assert_memory_equal(g.body, "bbbb", 4);
	/* Empty bodies are pages too. */
	page_cache_put(c, "/e", 1, 1, "text/plain", NULL, "", 0);
	assert_true(get(c, "/e", 1, 1, &g));
	assert_int_equal(g.len, 0);
	page_cache_free(c);
	page_cache_free(NULL);
}

/* A large page is in a memory file too; a held body outlives its entry. */
static void test_memory_file_and_hold(void **state)
{
	struct page_cache *c = page_cache_new(1, 1 << 20);
	static char big[70 * 1024], back[70 * 1024];
	struct got g;

	(void)state;
	memset(big, 'p', sizeof big);
	big[sizeof big - 1] = 'z';
	page_cache_put(c, "/papers/1", 1, 1, "application/pdf", NULL, big,
	               sizeof big);
	assert_true(get(c, "/papers/1", 1, 1, &g));
	assert_true(g.fd >= 0);
	assert_int_equal(pread(g.fd, back, sizeof back, 0), sizeof back);
	assert_memory_equal(back, big, sizeof big);
	/* A small page has no file. */
	page_cache_put(c, "/a", 1, 1, "text/plain", NULL, "aaaa", 4);
	assert_true(get(c, "/a", 1, 1, &g));
	assert_int_equal(g.fd, -1);
	page_cache_free(c);
	/* Held bytes stay until released, the entry gone (ASan checks). */
	c = page_cache_new(1, 1 << 20);
	page_cache_put(c, "/b", 1, 1, "text/plain", NULL, "bbbb", 4);
	assert_true(page_cache_get(c, "/b", 1, 1, hold_body, &g));
	page_cache_put(c, "/c", 1, 1, "text/plain", NULL, "cccc", 4);
	assert_memory_equal(g.held, "bbbb", 4);
	page_cache_release((void *)(uintptr_t)g.held);
	page_cache_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_memory_file_and_hold),
	        cmocka_unit_test(test_generation_and_day),
	        cmocka_unit_test(test_one_slot_and_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
