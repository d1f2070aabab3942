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

#include <cmocka.h>

#include "http/cache.h"

struct got {
	char type[64];
	char body[64];
	size_t len;
};

static void take(const char *type, const void *body, size_t len, void *arg)
{
	struct got *g = arg;

	snprintf(g->type, sizeof g->type, "%s", type);
	memcpy(g->body, body, len < sizeof g->body ? len : sizeof g->body);
	g->len = len;
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
	page_cache_put(c, "/meetings", 1, 100, "text/html", "<p>a</p>", 8);
	assert_true(get(c, "/meetings", 1, 100, &g));
	assert_string_equal(g.type, "text/html");
	assert_int_equal(g.len, 8);
	assert_memory_equal(g.body, "<p>a</p>", 8);
	/* The data moved on, or it is another day: stale. */
	assert_false(get(c, "/meetings", 2, 100, &g));
	assert_false(get(c, "/meetings", 1, 101, &g));
	assert_false(get(c, "/meetings\non=2020-01-01", 1, 100, &g));
	/* A newer page replaces it. */
	page_cache_put(c, "/meetings", 2, 100, "text/html", "<p>b</p>", 8);
	assert_true(get(c, "/meetings", 2, 100, &g));
	assert_memory_equal(g.body, "<p>b</p>", 8);
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
	page_cache_put(c, "/a", 1, 1, "text/plain", "aaaa", 4);
	page_cache_put(c, "/b", 1, 1, "text/plain", "bbbb", 4);
	assert_false(get(c, "/a", 1, 1, &g));
	assert_true(get(c, "/b", 1, 1, &g));
	/* A page over the ceiling is not kept, and drops nothing else. */
	memset(big, 'x', sizeof big);
	page_cache_put(c, "/b", 1, 1, "text/plain", big, sizeof big);
	assert_true(get(c, "/b", 1, 1, &g));
	assert_memory_equal(g.body, "bbbb", 4);
	/* Empty bodies are pages too. */
	page_cache_put(c, "/e", 1, 1, "text/plain", "", 0);
	assert_true(get(c, "/e", 1, 1, &g));
	assert_int_equal(g.len, 0);
	page_cache_free(c);
	page_cache_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_generation_and_day),
	        cmocka_unit_test(test_one_slot_and_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
