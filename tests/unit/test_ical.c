/*
 * test_ical: iCalendar content lines: escaping of TEXT values, folding at
 * exactly 75 octets without splitting a UTF-8 character, and the feed
 * routes reached in the server's route table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "cli/routes.h"
#include "http/route.h"
#include "web/calendar.h"
#include "web/ical.h"

static char *escaped(struct buf *b, const char *in)
{
	struct masa_error err;

	buf_reset(b);
	assert_int_equal(ical_escape(b, in, &err), MASA_OK);
	return b->data ? b->data : "";
}

static void test_escaping(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 1 << 16);
	assert_string_equal(escaped(&b, "plain text"), "plain text");
	assert_string_equal(escaped(&b, "a,b;c\\d"), "a\\,b\\;c\\\\d");
	assert_string_equal(escaped(&b, "one\ntwo\r\nthree\rfour"),
	                    "one\\ntwo\\nthree\\nfour");
	assert_string_equal(escaped(&b, "tab\tkept, bell\a and del\x7f gone"),
	                    "tab\tkept\\, bell and del gone");
	assert_string_equal(escaped(&b, "Café: €5"), "Café: €5");
	assert_string_equal(escaped(&b, ""), "");
	buf_free(&b);
}

/* Checks out's lines: CRLF, at most 75 octets, continuation with a space;
 * returns how many physical lines. */
static int check_lines(const char *out, size_t len)
{
	int lines = 0;
	const char *p = out, *end = out + len;

	while (p < end) {
		const char *crlf = strstr(p, "\r\n");
		assert_non_null(crlf);
		assert_true(crlf - p <= ICAL_LINE_OCTETS);
		if (lines > 0)
			assert_int_equal(p[0], ' ');
		/* A line never starts inside a UTF-8 character. */
		assert_true(((unsigned char)p[lines > 0 ? 1 : 0] & 0xC0) !=
		                    0x80 ||
		            crlf == p + 1);
		lines++;
		p = crlf + 2;
	}
	return lines;
}

static void test_folding(void **state)
{
	struct masa_error err;
	struct buf b;
	char line[400];

	(void)state;
	buf_init(&b, 1 << 16);
	/* Exactly 75 octets: one line. */
	memset(line, 'a', 75);
	assert_int_equal(ical_fold(&b, line, 75, &err), MASA_OK);
	assert_int_equal(b.len, 77);
	assert_int_equal(check_lines(b.data, b.len), 1);
	/* 76 octets: 75, then a space and one. */
	buf_reset(&b);
	memset(line, 'a', 76);
	assert_int_equal(ical_fold(&b, line, 76, &err), MASA_OK);
	assert_int_equal(check_lines(b.data, b.len), 2);
	assert_memory_equal(b.data + 75, "\r\n a\r\n", 6);
	/* 75 + 74: the continuation holds 74 after its space. */
	buf_reset(&b);
	memset(line, 'a', 150);
	assert_int_equal(ical_fold(&b, line, 149, &err), MASA_OK);
	assert_int_equal(check_lines(b.data, b.len), 2);
	buf_reset(&b);
	assert_int_equal(ical_fold(&b, line, 150, &err), MASA_OK);
	assert_int_equal(check_lines(b.data, b.len), 3);
	/* A two-octet character across octet 75 moves to the next line. */
	buf_reset(&b);
	memset(line, 'a', 74);
	memcpy(line + 74, "é", 2);
	assert_int_equal(ical_fold(&b, line, 76, &err), MASA_OK);
	assert_int_equal(check_lines(b.data, b.len), 2);
	assert_memory_equal(b.data, line, 74);
	assert_memory_equal(b.data + 74, "\r\n é\r\n", 7);
	/* Four-octet characters all along, at every offset. */
	for (int shift = 0; shift < 4; shift++) {
		size_t n = (size_t)shift;
		memset(line, 'b', n);
		while (n + 4 <= 300) {
			memcpy(line + n, "\xF0\x9F\x98\x80", 4);
			n += 4;
		}
		buf_reset(&b);
		assert_int_equal(ical_fold(&b, line, n, &err), MASA_OK);
		check_lines(b.data, b.len);
		/* Unfolded, it is the line again. */
		struct buf un;
		buf_init(&un, 1 << 16);
		for (const char *p = b.data; *p;) {
			const char *crlf = strstr(p, "\r\n");
			const char *s = p == b.data ? p : p + 1;
			assert_int_equal(
			        buf_append(&un, s, (size_t)(crlf - s), &err),
			        MASA_OK);
			p = crlf + 2;
		}
		assert_int_equal(un.len, n);
		assert_memory_equal(un.data, line, n);
		buf_free(&un);
	}
	/* An empty value is one line still. */
	buf_reset(&b);
	assert_int_equal(ical_fold(&b, "", 0, &err), MASA_OK);
	assert_string_equal(b.data, "\r\n");
	buf_free(&b);
}

static void test_writer(void **state)
{
	struct masa_error err;
	struct ical c;
	const char *out;
	size_t len;

	(void)state;
	ical_init(&c, 1 << 16);
	ical_line(&c, "BEGIN", "VCALENDAR");
	ical_text(&c, "SUMMARY", "RLSCB: Board, part 1; \\ \"quoted\"\nnext");
	ical_line(&c, "END", "VCALENDAR");
	assert_int_equal(ical_finish(&c, &out, &len, &err), MASA_OK);
	assert_string_equal(out, "BEGIN:VCALENDAR\r\n"
	                         "SUMMARY:RLSCB: Board\\, part 1\\; \\\\ "
	                         "\"quoted\"\\nnext\r\n"
	                         "END:VCALENDAR\r\n");
	ical_free(&c);

	/* Past the limit: one error at the end, nothing half written. */
	ical_init(&c, 64);
	for (int i = 0; i < 10; i++)
		ical_text(&c, "DESCRIPTION", "a long enough value");
	assert_int_equal(ical_finish(&c, &out, &len, &err), MASA_ERR_LIMIT);
	ical_free(&c);
}

static void test_feed_routes(void **state)
{
	struct arena a = ARENA_INIT;
	struct route_match m;

	(void)state;
	/* The literal route is reached, not a {body}/{date} pattern. */
	assert_int_equal(route_match(masa_routes, "GET",
	                             "/meetings/calendar.ics", &a, &m),
	                 ROUTE_FOUND);
	assert_ptr_equal(m.route->handler, calendar_feed_all);
	assert_int_equal(route_match(masa_routes, "GET",
	                             "/bodies/RLSCB/calendar.ics", &a, &m),
	                 ROUTE_FOUND);
	assert_ptr_equal(m.route->handler, calendar_feed_body);
	assert_int_equal(route_match(masa_routes, "GET", "/meetings", &a, &m),
	                 ROUTE_FOUND);
	assert_ptr_equal(m.route->handler, calendar_page);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_escaping),
	        cmocka_unit_test(test_folding),
	        cmocka_unit_test(test_writer),
	        cmocka_unit_test(test_feed_routes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
