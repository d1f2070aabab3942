/*
 * test_csv: the CSV reader and writer (core/csv.h): quoting, line ends,
 * the byte order mark, blank lines, rows counted as a spreadsheet shows
 * them, and text that is not UTF-8 refused naming its row.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/csv.h"

/* Reads the next row of r, which must have n fields. */
static char **next(struct csv_reader *r, struct arena *a, size_t want)
{
	char **fields;
	size_t n;
	struct masa_error err = {0};

	if (csv_next(r, a, &fields, &n, &err) != MASA_OK)
		fail_msg("csv_next: %s", err.message);
	assert_int_equal(n, want);
	return fields;
}

static void test_read(void **state)
{
	struct arena a = ARENA_INIT;
	struct csv_reader r;
	static const char text[] = "\xEF\xBB\xBF"
	                           "a,b,c\r\n"
	                           "\"x, y\",\"say \"\"hi\"\"\",\r\n"
	                           "\r\n"
	                           "\"two\nlines\",caf\xC3\xA9\n"
	                           "last";
	char **f;

	(void)state;
	csv_init(&r, text, sizeof text - 1);
	f = next(&r, &a, 3);
	assert_string_equal(f[0], "a"); /* the BOM is not part of it */
	assert_int_equal(r.row, 1);
	f = next(&r, &a, 3);
	assert_string_equal(f[0], "x, y");
	assert_string_equal(f[1], "say \"hi\"");
	assert_string_equal(f[2], "");
	f = next(&r, &a, 2); /* the blank line is skipped, and counted */
	assert_int_equal(r.row, 4);
	assert_string_equal(f[0], "two\nlines");
	assert_string_equal(f[1], "caf\xC3\xA9");
	f = next(&r, &a, 1); /* no line end at the end */
	assert_string_equal(f[0], "last");
	next(&r, &a, 0);
	arena_free(&a);
}

static void refused(const char *text, const char *message)
{
	struct arena a = ARENA_INIT;
	struct csv_reader r;
	struct masa_error err = {0};
	char **f;
	size_t n;
	enum masa_err rc;

	csv_init(&r, text, strlen(text));
	while ((rc = csv_next(&r, &a, &f, &n, &err)) == MASA_OK && n > 0)
		;
	assert_int_equal(rc, MASA_ERR_INVALID);
	if (strstr(err.message, message) == NULL)
		fail_msg("wanted \"%s\" in \"%s\"", message, err.message);
	arena_free(&a);
}

static void test_refused(void **state)
{
	(void)state;
	refused("a,b\r\nok,ok\r\nCaf\xE9,x\r\n", "row 3 is not UTF-8 text");
	refused("a\n\xC0\xAF\n", "row 2 is not UTF-8");     /* overlong */
	refused("a\n\xED\xA0\x80\n", "row 2 is not UTF-8"); /* surrogate */
	refused("a\n\"open,b\n", "row 2 has a quoted field that is never");
	refused("a\n\"x\"y,b\n", "row 2 has text after a closing quote");
}

static void test_write(void **state)
{
	struct buf b;
	struct masa_error err = {0};
	const char *cells[] = {"plain", "a,b", "say \"hi\"", "=SUM(A1)", NULL};

	(void)state;
	buf_init(&b, 4096);
	assert_int_equal(csv_write_row(&b, cells, 5, &err), MASA_OK);
	assert_string_equal(buf_str(&b), "plain,\"a,b\",\"say \"\"hi\"\"\","
	                                 "\"'=SUM(A1)\",\r\n");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_read),
	        cmocka_unit_test(test_refused),
	        cmocka_unit_test(test_write),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
