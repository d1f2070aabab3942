/*
 * test_limit: the per-address sliding window of sign-in attempts: the
 * attempt at the limit and the one past it, the window sliding by one
 * second, Retry-After, addresses counted apart (IPv6 by its /64), a refused
 * attempt not counted, and the table forgetting the least recent address
 * when full rather than growing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "http/limit.h"

static struct limit_address addr(const char *text)
{
	struct limit_address a;

	assert_true(limit_address_parse(text, &a));
	return a;
}

static void test_window(void **state)
{
	struct limit *l = limit_new(3, 60);
	struct limit_address a = addr("192.0.2.1"), b = addr("192.0.2.2");
	unsigned wait = 0;

	(void)state;
	assert_true(limit_take(l, &a, 1000, &wait));
	assert_true(limit_take(l, &a, 1010, &wait));
	assert_true(limit_allows(l, &a, 1020, &wait));
	assert_true(limit_take(l, &a, 1020, &wait)); /* the third: allowed */
	assert_false(limit_allows(l, &a, 1020, &wait));
	assert_false(limit_take(l, &a, 1030, &wait)); /* the fourth: not */
	assert_int_equal(wait, 30); /* until the first is 60 seconds old */
	/* Another address is counted apart. */
	assert_true(limit_take(l, &b, 1030, &wait));
	/* A second before the first leaves the window, still refused; at
	 * that second, allowed, and only one more. */
	assert_false(limit_take(l, &a, 1059, &wait));
	assert_int_equal(wait, 1);
	assert_true(limit_take(l, &a, 1060, &wait));
	assert_false(limit_take(l, &a, 1060, &wait));
	/* Refused attempts were not counted: the second leaves at 1070. */
	assert_true(limit_take(l, &a, 1070, &wait));
	limit_free(l);
}

static void test_addresses(void **state)
{
	struct limit_address a, b;

	(void)state;
	assert_false(limit_address_parse("not an address", &a));
	assert_false(limit_address_parse("", &a));
	assert_false(limit_address_parse("192.0.2.1 ", &a));
	/* IPv6 by its /64: two hosts of one network are one address. */
	a = addr("2001:db8:1:2::1");
	b = addr("2001:db8:1:2::ffff");
	assert_memory_equal(&a, &b, sizeof a);
	b = addr("2001:db8:1:3::1");
	assert_memory_not_equal(&a, &b, sizeof a);
	/* IPv4 is not the IPv6 network of zeros. */
	a = addr("0.0.0.1");
	b = addr("::1");
	assert_memory_not_equal(&a, &b, sizeof a);
}

/* More addresses than the table holds: it forgets, and still limits. */
static void test_full_table(void **state)
{
	struct limit *l = limit_new(1, 3600);
	struct limit_address a = addr("198.51.100.7");
	unsigned wait;
	char text[32];

	(void)state;
	assert_true(limit_take(l, &a, 1, &wait));
	assert_false(limit_take(l, &a, 2, &wait));
	struct limit_address other;
	for (unsigned i = 0; i < 2 * LIMIT_ADDRESSES; i++) {
		snprintf(text, sizeof text, "10.%u.%u.%u", (i >> 16) & 255,
		         (i >> 8) & 255, i & 255);
		other = addr(text);
		/* Every newcomer is let in once, full table or not. */
		assert_true(limit_take(l, &other, 3 + (time_t)i, &wait));
	}
	/* The latest is remembered: what is forgotten is the least recent. */
	assert_false(limit_take(l, &other, 3 + 2 * LIMIT_ADDRESSES, &wait));
	limit_free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_window),
	        cmocka_unit_test(test_addresses),
	        cmocka_unit_test(test_full_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
