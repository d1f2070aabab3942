/*
 * test_publish: the pieces of minutes/publish that need no database: Pango
 * markup escaping (stored text must never become markup, so every string
 * put into a layout must parse back to exactly itself), dates and times as
 * minutes print them, and owners' initials.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <pango/pango.h>

#include "minutes/publish.h"

static const char *escape(struct buf *b, const char *text)
{
	struct masa_error err;

	buf_reset(b);
	assert_int_equal(publish_markup_escape(b, text, strlen(text), &err),
	                 MASA_OK);
	return buf_str(b);
}

static void test_escape_entities(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 4096);
	assert_string_equal(escape(&b, "plain text"), "plain text");
	assert_string_equal(escape(&b, "a & b"), "a &amp; b");
	assert_string_equal(escape(&b, "<b>bold</b>"),
	                    "&lt;b&gt;bold&lt;/b&gt;");
	assert_string_equal(escape(&b, "'single' \"double\""),
	                    "&#39;single&#39; &quot;double&quot;");
	assert_string_equal(escape(&b, ""), "");
	assert_string_equal(escape(&b, "&amp;"), "&amp;amp;");
	assert_string_equal(escape(&b, "Café – £5"), "Café – £5");
	buf_free(&b);
}

/* Whatever the text, Pango reads the escaped markup back as that text. */
static void test_escape_parses_back(void **state)
{
	static const char *const texts[] = {
	        "<script>alert(1)</script>",
	        "<span foreground='red'>x</span>",
	        "Fish & Chips <i>",
	        "&lt; already escaped &#x41; &unknown;",
	        "quotes \" and ' and >",
	        "Mr O'Brien – Chair",
	};
	struct buf b;

	(void)state;
	buf_init(&b, 4096);
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char *plain = NULL;
		GError *gerr = NULL;
		gboolean ok = pango_parse_markup(escape(&b, texts[i]), -1, 0,
		                                 NULL, &plain, NULL, &gerr);
		assert_true(ok);
		assert_string_equal(plain, texts[i]);
		g_free(plain);
		if (gerr)
			g_error_free(gerr);
	}
	buf_free(&b);
}

/* The escaping respects its length and its buffer's ceiling. */
static void test_escape_bounds(void **state)
{
	struct buf b;
	struct masa_error err;

	(void)state;
	buf_init(&b, 4096);
	assert_int_equal(publish_markup_escape(&b, "<ab>", 2, &err), MASA_OK);
	assert_string_equal(buf_str(&b), "&lt;a");
	buf_free(&b);
	buf_init(&b, 8);
	assert_int_equal(publish_markup_escape(&b, "<<<<", 4, &err),
	                 MASA_ERR_LIMIT);
	buf_free(&b);
}

static void test_dates_and_times(void **state)
{
	struct arena a = ARENA_INIT;

	(void)state;
	assert_string_equal(publish_date_long(&a, "2014-12-04"),
	                    "Thursday 4th December 2014");
	assert_string_equal(publish_date_long(&a, "2019-07-09"),
	                    "Tuesday 9th July 2019");
	assert_string_equal(publish_date_long(&a, "2019-09-01"),
	                    "Sunday 1st September 2019");
	assert_string_equal(publish_date_long(&a, "2019-09-22"),
	                    "Sunday 22nd September 2019");
	assert_string_equal(publish_date_long(&a, "2019-09-13"),
	                    "Friday 13th September 2019");
	assert_null(publish_date_long(&a, "2019-02-30"));
	assert_string_equal(publish_time(&a, "13:00"), "1pm");
	assert_string_equal(publish_time(&a, "17:30"), "5.30pm");
	assert_string_equal(publish_time(&a, "09:05"), "9.05am");
	assert_string_equal(publish_time(&a, "12:00"), "12 noon");
	arena_free(&a);
}

static void test_initials(void **state)
{
	struct arena a = ARENA_INIT;

	(void)state;
	assert_string_equal(publish_initials(&a, "Warren Carratt"), "WC");
	assert_string_equal(publish_initials(&a, "Tracey McErlain-Burns"),
	                    "TMB");
	assert_string_equal(publish_initials(&a, "Beaumont"), "B");
	assert_string_equal(publish_initials(&a, ""), "");
	arena_free(&a);
}

static void test_formats(void **state)
{
	enum publish_format f;

	(void)state;
	assert_true(publish_format_parse("md", &f));
	assert_int_equal(f, PUBLISH_MARKDOWN);
	assert_true(publish_format_parse("html", &f));
	assert_int_equal(f, PUBLISH_HTML);
	assert_true(publish_format_parse("pdf", &f));
	assert_int_equal(f, PUBLISH_PDF);
	assert_false(publish_format_parse("docx", &f));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_escape_entities),
	        cmocka_unit_test(test_escape_parses_back),
	        cmocka_unit_test(test_escape_bounds),
	        cmocka_unit_test(test_dates_and_times),
	        cmocka_unit_test(test_initials),
	        cmocka_unit_test(test_formats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
