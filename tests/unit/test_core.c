/*
 * test_core: unit tests of src/core: dates and times, UTF-8 and identifier
 * checks, slugs, the bounded buffer, the string map, arenas and error
 * messages. Everything here is tested through the public headers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/error.h"
#include "core/map.h"
#include "core/mem.h"
#include "core/text.h"

/* date_parse */

static void test_date_parse_valid(void **state)
{
	struct masa_error err = {0};
	date_days d = 12345;

	(void)state;
	assert_int_equal(date_parse("2014-12-04", &d, &err), MASA_OK);
	assert_int_equal(d, 16408);
	assert_int_equal(date_parse("1970-01-01", &d, &err), MASA_OK);
	assert_int_equal(d, 0);
	assert_int_equal(date_parse("1969-12-31", &d, &err), MASA_OK);
	assert_int_equal(d, -1);
	assert_int_equal(date_parse("1900-01-01", &d, &err), MASA_OK);
	assert_int_equal(d, -25567);
	assert_int_equal(date_parse("2999-12-31", &d, &err), MASA_OK);
	assert_int_equal(d, 376199);
	/* out may be NULL: only a check. */
	assert_int_equal(date_parse("2014-12-04", NULL, &err), MASA_OK);
}

static void test_date_parse_leap_years(void **state)
{
	struct masa_error err = {0};
	date_days d = 0;

	(void)state;
	assert_int_equal(date_parse("2024-02-29", &d, &err), MASA_OK);
	assert_int_equal(d, 19782);
	assert_int_equal(date_parse("2000-02-29", &d, &err), MASA_OK);
	assert_int_equal(d, date_from_ymd(2000, 2, 29));

	d = 777;
	assert_int_equal(date_parse("2023-02-29", &d, &err), MASA_ERR_INVALID);
	assert_int_equal(err.code, MASA_ERR_INVALID);
	assert_string_equal(err.message, "\"2023-02-29\" is not a real date");
	assert_int_equal(d, 777); /* untouched on error */
	/* 1900 and 2100 are not leap years (divisible by 100, not 400). */
	assert_int_equal(date_parse("1900-02-29", &d, &err), MASA_ERR_INVALID);
	assert_int_equal(date_parse("2100-02-29", &d, &err), MASA_ERR_INVALID);
	assert_string_equal(err.message, "\"2100-02-29\" is not a real date");
}

static void test_date_parse_rejects(void **state)
{
	struct masa_error err = {0};
	date_days d = 5;

	(void)state;
	assert_int_equal(date_parse("2014-13-01", &d, &err), MASA_ERR_INVALID);
	assert_string_equal(err.message, "\"2014-13-01\" is not a real date");
	assert_int_equal(date_parse("14-12-04", &d, &err), MASA_ERR_INVALID);
	assert_string_equal(
	        err.message,
	        "\"14-12-04\" is not a date in the form YYYY-MM-DD");
	assert_int_equal(date_parse(NULL, &d, &err), MASA_ERR_INVALID);
	assert_string_equal(err.message,
	                    "\"\" is not a date in the form YYYY-MM-DD");
	assert_int_equal(d, 5);

	static const char *const bad_form[] = {"",
	                                       "2014-12-4",
	                                       "2014/12/04",
	                                       "2014-12-04 ",
	                                       " 2014-12-04",
	                                       "+014-12-04",
	                                       "2014-1a-04",
	                                       "2014-12-04T00",
	                                       "20141204",
	                                       "2014-12--4",
	                                       "abcd-ef-gh",
	                                       NULL};
	for (size_t i = 0; bad_form[i] != NULL; i++) {
		assert_int_equal(date_parse(bad_form[i], &d, &err),
		                 MASA_ERR_INVALID);
		assert_non_null(
		        strstr(err.message, "is not a date in the form"));
	}
	static const char *const not_real[] = {
	        "2014-00-10", "2014-12-00", "2014-04-31",
	        "2014-12-32", "1899-12-31", "3000-01-01",
	        "0000-01-01", "9999-12-31", NULL};
	for (size_t i = 0; not_real[i] != NULL; i++) {
		assert_int_equal(date_parse(not_real[i], &d, &err),
		                 MASA_ERR_INVALID);
		assert_non_null(strstr(err.message, "is not a real date"));
	}
	assert_int_equal(d, 5);
	/* err may be NULL. */
	assert_int_equal(date_parse("nope", &d, NULL), MASA_ERR_INVALID);
}

static void test_date_round_trip_1900_2999(void **state)
{
	date_days first = date_from_ymd(1900, 1, 1);
	date_days last = date_from_ymd(2999, 12, 31);
	char prev[DATE_TEXT_SIZE] = "";
	struct masa_error err = {0};
	size_t days = 0;

	(void)state;
	assert_int_equal(first, -25567);
	assert_int_equal(last, 376199);
	for (date_days d = first; d <= last; d++) {
		char text[DATE_TEXT_SIZE];
		date_days back = 0;
		int y, m, md;

		date_format(d, text);
		assert_int_equal(strlen(text), 10);
		if (date_parse(text, &back, &err) != MASA_OK)
			fail_msg("%s does not parse: %s", text, err.message);
		if (back != d)
			fail_msg("%s parses to %ld, not %ld", text, back, d);
		date_to_ymd(d, &y, &m, &md);
		if (date_from_ymd(y, m, md) != d)
			fail_msg("ymd round trip of %ld", d);
		/* Text order is date order. */
		if (prev[0] != '\0' && strcmp(prev, text) >= 0)
			fail_msg("%s does not sort after %s", text, prev);
		memcpy(prev, text, sizeof prev);
		days++;
	}
	assert_int_equal(days, 401767);
	assert_string_equal(prev, "2999-12-31");

	char text[DATE_TEXT_SIZE];
	date_format(date_from_ymd(2014, 12, 4), text);
	assert_string_equal(text, "2014-12-04");
	date_format(date_from_ymd(2024, 2, 29) + 1, text);
	assert_string_equal(text, "2024-03-01");
	date_format(date_from_ymd(2023, 12, 31) + 1, text);
	assert_string_equal(text, "2024-01-01");
	date_format(0, text);
	assert_string_equal(text, "1970-01-01");
}

static void test_date_words(void **state)
{
	char words[DATE_WORDS_SIZE];

	(void)state;
	date_format_words(date_from_ymd(2014, 12, 4), true, words);
	assert_string_equal(words, "Thursday 4 December 2014");
	date_format_words(date_from_ymd(2019, 7, 9), false, words);
	assert_string_equal(words, "9 July 2019");
	/* The longest there is fits. */
	date_format_words(date_from_ymd(2024, 9, 25), true, words);
	assert_string_equal(words, "Wednesday 25 September 2024");
}

static void test_date_weekday(void **state)
{
	date_days d;

	(void)state;
	assert_int_equal(date_parse("2014-12-04", &d, NULL), MASA_OK);
	assert_int_equal(date_weekday(d), 3); /* Thursday */
	assert_int_equal(date_weekday(0), 3); /* 1970-01-01, Thursday */
	assert_int_equal(date_weekday(-1), 2);
	assert_int_equal(date_weekday(date_from_ymd(1900, 1, 1)), 0);  /* Mon */
	assert_int_equal(date_weekday(date_from_ymd(2000, 1, 1)), 5);  /* Sat */
	assert_int_equal(date_weekday(date_from_ymd(2024, 2, 29)), 3); /* Thu */
	assert_int_equal(date_weekday(date_from_ymd(2999, 12, 31)), 1);
	/* Seven days later is the same weekday, and consecutive days cycle. */
	for (date_days k = -30000; k < 30000; k += 7) {
		assert_int_equal(date_weekday(k), date_weekday(k + 7));
		assert_int_equal((date_weekday(k) + 1) % 7,
		                 date_weekday(k + 1));
	}
}

static void test_time_parse(void **state)
{
	struct masa_error err = {0};
	int minutes = -1;

	(void)state;
	assert_int_equal(time_parse("00:00", &minutes, &err), MASA_OK);
	assert_int_equal(minutes, 0);
	assert_int_equal(time_parse("09:30", &minutes, &err), MASA_OK);
	assert_int_equal(minutes, 570);
	assert_int_equal(time_parse("23:59", &minutes, &err), MASA_OK);
	assert_int_equal(minutes, 1439);
	assert_int_equal(time_parse("12:00", NULL, &err), MASA_OK);

	minutes = 99;
	assert_int_equal(time_parse("24:00", &minutes, &err), MASA_ERR_INVALID);
	assert_string_equal(err.message, "\"24:00\" is not a real time of day");
	assert_int_equal(time_parse("12:60", &minutes, &err), MASA_ERR_INVALID);
	assert_string_equal(err.message, "\"12:60\" is not a real time of day");
	assert_int_equal(time_parse("9:30", &minutes, &err), MASA_ERR_INVALID);
	assert_string_equal(err.message,
	                    "\"9:30\" is not a time in the form HH:MM");
	assert_int_equal(time_parse(NULL, &minutes, &err), MASA_ERR_INVALID);
	assert_string_equal(err.message,
	                    "\"\" is not a time in the form HH:MM");
	static const char *const bad[] = {"09:30:00", "0930",  "09-30", "ab:cd",
	                                  "09:3x",    " 9:30", "",      NULL};
	for (size_t i = 0; bad[i] != NULL; i++)
		assert_int_equal(time_parse(bad[i], &minutes, &err),
		                 MASA_ERR_INVALID);
	assert_int_equal(minutes, 99);
}

static void test_timestamp_check(void **state)
{
	struct masa_error err = {0};
	char now[21];

	(void)state;
	assert_int_equal(timestamp_check("2014-12-04T10:30:00Z", &err),
	                 MASA_OK);
	assert_int_equal(timestamp_check("2016-12-31T23:59:60Z", &err),
	                 MASA_OK); /* a leap second */
	timestamp_now(now);
	assert_int_equal(strlen(now), 20);
	assert_int_equal(timestamp_check(now, &err), MASA_OK);

	assert_int_equal(timestamp_check("2014-12-04T10:30:61Z", &err),
	                 MASA_ERR_INVALID);
	assert_string_equal(err.message,
	                    "\"2014-12-04T10:30:61Z\" is not a time stamp in "
	                    "the form YYYY-MM-DDTHH:MM:SSZ");
	assert_int_equal(timestamp_check("2023-02-29T10:00:00Z", &err),
	                 MASA_ERR_INVALID);
	assert_string_equal(err.message, "\"2023-02-29\" is not a real date");
	assert_int_equal(timestamp_check("2014-12-04T24:00:00Z", &err),
	                 MASA_ERR_INVALID);
	assert_string_equal(err.message, "\"24:00\" is not a real time of day");
	static const char *const bad[] = {"2014-12-04 10:30:00Z",
	                                  "2014-12-04T10:30:00",
	                                  "2014-12-04T10:30:00+00:00",
	                                  "2014-12-04T10:30:0xZ",
	                                  "2014-12-04T10-30-00Z",
	                                  "",
	                                  NULL};
	for (size_t i = 0; bad[i] != NULL; i++)
		assert_int_equal(timestamp_check(bad[i], &err),
		                 MASA_ERR_INVALID);
	assert_int_equal(timestamp_check(NULL, &err), MASA_ERR_INVALID);
	assert_int_equal(timestamp_check("2023-02-29T10:00:00Z", NULL),
	                 MASA_ERR_INVALID);
}

/* UTF-8 */

static void check_utf8_bad(const char *s, size_t n, size_t offset)
{
	size_t bad = 999;

	if (utf8_valid(s, n, &bad))
		fail_msg("bytes accepted as UTF-8 (expected bad at %zu)",
		         offset);
	assert_int_equal(bad, offset);
	assert_false(utf8_valid(s, n, NULL));
}

static void test_utf8_valid(void **state)
{
	static const char *const good[] = {
	        "",
	        "plain ASCII",
	        "caf\xc3\xa9",              /* U+00E9 */
	        "\xc2\x80",                 /* U+0080, smallest 2-byte */
	        "\xdf\xbf",                 /* U+07FF */
	        "\xe0\xa0\x80",             /* U+0800, smallest 3-byte */
	        "\xe2\x82\xac",             /* euro sign */
	        "\xed\x9f\xbf",             /* U+D7FF, below surrogates */
	        "\xee\x80\x80",             /* U+E000, above surrogates */
	        "\xef\xbf\xbf",             /* U+FFFF */
	        "\xf0\x90\x80\x80",         /* U+10000 */
	        "\xf0\x9f\x98\x80 smile",   /* emoji */
	        "\xf4\x8f\xbf\xbf",         /* U+10FFFF, the last */
	        "Zo\xc3\xab M\xc3\xbcller", /* mixed */
	        NULL};

	(void)state;
	for (size_t i = 0; good[i] != NULL; i++) {
		size_t bad = 12345;
		if (!utf8_valid(good[i], strlen(good[i]), &bad))
			fail_msg("good text %zu refused at %zu", i, bad);
	}
	/* Embedded NUL is a valid code point; n bounds the check. */
	assert_true(utf8_valid("a\0b", 3, NULL));
	assert_true(utf8_valid("ab\xff", 2, NULL));

	/* Overlong forms. */
	check_utf8_bad("\xc0\xaf", 2, 0);
	check_utf8_bad("ab\xc1\xbf", 4, 2);
	check_utf8_bad("x\xe0\x80\xaf", 4, 1);
	check_utf8_bad("\xe0\x9f\xbf", 3, 0);
	check_utf8_bad("\xf0\x80\x80\xaf", 4, 0);
	check_utf8_bad("\xf0\x8f\xbf\xbf", 4, 0);
	/* Surrogates. */
	check_utf8_bad("\xed\xa0\x80", 3, 0);
	check_utf8_bad("ok \xed\xbf\xbf", 6, 3);
	/* Truncated sequences. */
	check_utf8_bad("abc\xe2\x82", 5, 3);
	check_utf8_bad("\xc3", 1, 0);
	check_utf8_bad("\xf0\x9f\x98", 3, 0);
	check_utf8_bad("caf\xc3\xa9\xc3", 6, 5);
	/* Past U+10FFFF, and bytes that never start a sequence. */
	check_utf8_bad("\xf4\x90\x80\x80", 4, 0);
	check_utf8_bad("12\xf5\x80\x80\x80", 6, 2);
	check_utf8_bad("\xf8\x88\x80\x80\x80", 5, 0);
	check_utf8_bad("\xff\xfe", 2, 0);
	/* Lone or wrong continuation bytes. */
	check_utf8_bad("\x80", 1, 0);
	check_utf8_bad("a\xbf", 2, 1);
	check_utf8_bad("\xc3\x28", 2, 0);
	check_utf8_bad("\xe2\x28\xa1", 3, 0);
	/* The first bad byte is reported, after good multi-byte text. */
	check_utf8_bad("hello \xe2\x82\xac w\xffrld", 15, 11);
}

/* identifiers and slugs */

static void test_text_is_slug(void **state)
{
	char s81[82];

	(void)state;
	assert_true(text_is_slug("steve-ashley"));
	assert_true(text_is_slug("a"));
	assert_true(text_is_slug("9lives"));
	assert_true(text_is_slug("south-yorkshire-police"));
	assert_false(text_is_slug(NULL));
	assert_false(text_is_slug(""));
	assert_false(text_is_slug("-steve"));
	assert_false(text_is_slug("Steve"));
	assert_false(text_is_slug("steve_ashley"));
	assert_false(text_is_slug("steve ashley"));
	assert_false(text_is_slug("zo\xc3\xab"));
	assert_false(text_is_slug("a/b"));
	memset(s81, 'a', 81);
	s81[81] = '\0';
	assert_false(text_is_slug(s81));
	s81[80] = '\0';
	assert_true(text_is_slug(s81));
}

static void test_text_is_short_name(void **state)
{
	char s41[42];

	(void)state;
	assert_true(text_is_short_name("RLSCB"));
	assert_true(text_is_short_name("RLSCB-CSE"));
	assert_true(text_is_short_name("ILSC"));
	assert_true(text_is_short_name("R&D"));
	assert_true(text_is_short_name("sub_group2"));
	assert_true(text_is_short_name("9A"));
	assert_false(text_is_short_name(NULL));
	assert_false(text_is_short_name(""));
	assert_false(text_is_short_name("-X"));
	assert_false(text_is_short_name("&X"));
	assert_false(text_is_short_name("_X"));
	assert_false(text_is_short_name("A B"));
	assert_false(text_is_short_name("A/B"));
	assert_false(text_is_short_name("A.B"));
	assert_false(text_is_short_name("\xc3\x89T"));
	memset(s41, 'X', 41);
	s41[41] = '\0';
	assert_false(text_is_short_name(s41));
	s41[40] = '\0';
	assert_true(text_is_short_name(s41));
}

static void test_text_slugify(void **state)
{
	struct arena a = ARENA_INIT;
	char long_name[301];

	(void)state;
	assert_string_equal(text_slugify(&a, "Steve Ashley"), "steve-ashley");
	assert_string_equal(text_slugify(&a, "O'Brien"), "obrien");
	assert_string_equal(text_slugify(&a, ""), "x");
	assert_string_equal(text_slugify(&a, "!!! ???"), "x");
	assert_string_equal(text_slugify(&a, "\xc3\x89\xc3\x89"), "x");
	assert_string_equal(text_slugify(&a, "  Dr.  Jane  SMITH-Jones  "),
	                    "dr-jane-smith-jones");
	assert_string_equal(text_slugify(&a, "Zo\xc3\xab Ball"), "zo-ball");
	assert_string_equal(text_slugify(&a, "South Yorkshire Police"),
	                    "south-yorkshire-police");
	assert_string_equal(text_slugify(&a, "Item 4.3"), "item-4-3");
	assert_true(text_is_slug(text_slugify(&a, "Rotherham MBC (Children)")));

	/* A long name is cut to a valid slug of at most 80 characters. */
	memset(long_name, 'a', 300);
	long_name[300] = '\0';
	char *slug = text_slugify(&a, long_name);
	assert_int_equal(strlen(slug), 80);
	assert_true(text_is_slug(slug));
	arena_free(&a);
}

static void test_text_slugify_stays_a_slug(void **state)
{
	struct arena a = ARENA_INIT;
	char name[301];
	char *slug;

	(void)state;
	/* 79 letters and a word: the dash and the word would make 81. */
	memset(name, 'a', 79);
	memcpy(name + 79, " b", 3);
	slug = text_slugify(&a, name);
	assert_true(text_is_slug(slug));
	assert_true(strlen(slug) <= 80);
	assert_int_equal(strlen(slug), 79);
	assert_memory_equal(slug, name, 79);
	/* 78 letters and a word: the dash and the word just fit. */
	memcpy(name + 78, " b", 3);
	slug = text_slugify(&a, name);
	assert_int_equal(strlen(slug), 80);
	assert_string_equal(slug + 77, "a-b");
	assert_true(text_is_slug(slug));

	/* 300-character names of words of every length from 1 to 12. */
	for (size_t w = 1; w <= 12; w++) {
		size_t len;

		for (size_t i = 0; i < 300; i++)
			name[i] = i % (w + 1) == w ? ' ' : (char)('A' + i % 26);
		name[300] = '\0';
		slug = text_slugify(&a, name);
		len = strlen(slug);
		if (!text_is_slug(slug) || len > 80 || len < 79 ||
		    slug[len - 1] == '-')
			fail_msg("words of %zu: \"%s\" (%zu) is not a slug of "
			         "79-80 characters",
			         w, slug, len);
	}
	arena_free(&a);
}

static void test_text_is_blank_and_length(void **state)
{
	(void)state;
	assert_true(text_is_blank(NULL));
	assert_true(text_is_blank(""));
	assert_true(text_is_blank(" \t\r\n "));
	assert_false(text_is_blank(" x "));
	assert_int_equal(utf8_length(""), 0);
	assert_int_equal(utf8_length("abc"), 3);
	assert_int_equal(utf8_length("caf\xc3\xa9"), 4);
	assert_int_equal(utf8_length("\xf0\x9f\x98\x80!"), 2);
}

/* buf */

static void test_buf_limits(void **state)
{
	struct masa_error err = {0};
	struct buf b;

	(void)state;
	buf_init(&b, 10);
	assert_null(b.data);
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(buf_append(&b, "hello", 5, &err), MASA_OK);
	assert_int_equal(buf_puts(&b, "world", &err), MASA_OK);
	/* Exactly the maximum is allowed. */
	assert_int_equal(b.len, 10);
	assert_string_equal(buf_str(&b), "helloworld");

	/* One byte past fails and leaves the contents as they were. */
	assert_int_equal(buf_append(&b, "!", 1, &err), MASA_ERR_LIMIT);
	assert_int_equal(err.code, MASA_ERR_LIMIT);
	assert_string_equal(err.message,
	                    "text longer than the limit of 10 bytes");
	assert_int_equal(b.len, 10);
	assert_string_equal(buf_str(&b), "helloworld");
	assert_int_equal(buf_puts(&b, "more", &err), MASA_ERR_LIMIT);
	assert_int_equal(buf_printf(&b, &err, "%d", 7), MASA_ERR_LIMIT);
	assert_string_equal(buf_str(&b), "helloworld");
	assert_int_equal(b.len, 10);
	/* A huge length cannot wrap the size check around. */
	assert_int_equal(buf_append(&b, "x", SIZE_MAX, &err), MASA_ERR_LIMIT);
	assert_int_equal(buf_append(&b, "x", SIZE_MAX - 5, &err),
	                 MASA_ERR_LIMIT);
	assert_string_equal(buf_str(&b), "helloworld");

	/* Appending nothing at the maximum is fine. */
	assert_int_equal(buf_append(&b, "", 0, &err), MASA_OK);
	assert_int_equal(b.len, 10);

	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(buf_printf(&b, &err, "%s/%04d", "ILSC", 2019),
	                 MASA_OK);
	assert_string_equal(buf_str(&b), "ILSC/2019");
	assert_int_equal(b.len, 9);
	assert_int_equal(buf_printf(&b, &err, "%d", 12), MASA_ERR_LIMIT);
	assert_string_equal(buf_str(&b), "ILSC/2019");
	buf_free(&b);
	assert_null(b.data);

	/* A buffer that refuses its first append allocates nothing. */
	buf_init(&b, 4);
	assert_int_equal(buf_puts(&b, "hello", &err), MASA_ERR_LIMIT);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(buf_printf(&b, &err, "%s", "12345"), MASA_ERR_LIMIT);
	assert_null(b.data);
	assert_int_equal(buf_printf(&b, &err, "%s", "1234"), MASA_OK);
	assert_string_equal(buf_str(&b), "1234");
	buf_free(&b);
}

static void test_buf_grows_to_max(void **state)
{
	struct masa_error err = {0};
	char chunk[1000];
	struct buf b;

	(void)state;
	memset(chunk, 'z', sizeof chunk);
	buf_init(&b, 1000 * 1000);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(buf_append(&b, chunk, sizeof chunk, &err),
		                 MASA_OK);
	assert_int_equal(b.len, 1000 * 1000);
	assert_true(b.cap > b.len);
	assert_int_equal(b.data[b.len], '\0');
	assert_int_equal(b.data[0], 'z');
	assert_int_equal(b.data[b.len - 1], 'z');
	assert_int_equal(buf_append(&b, "z", 1, &err), MASA_ERR_LIMIT);
	assert_int_equal(b.len, 1000 * 1000);
	buf_free(&b);
}

/* map */

static void test_map_put_get(void **state)
{
	struct map m = MAP_INIT;
	int64_t v = -1;

	(void)state;
	assert_false(map_get(&m, "steve-ashley", &v)); /* empty map */
	assert_int_equal(v, -1);
	assert_true(map_put(&m, "steve-ashley", 42));
	assert_true(map_put(&m, "sam-newton", 7));
	assert_true(map_put(&m, "", 3));
	assert_true(map_get(&m, "steve-ashley", &v));
	assert_int_equal(v, 42);
	assert_true(map_get(&m, "sam-newton", &v));
	assert_int_equal(v, 7);
	assert_true(map_get(&m, "", &v));
	assert_int_equal(v, 3);
	assert_true(map_get(&m, "sam-newton", NULL));
	v = -1;
	assert_false(map_get(&m, "steve", &v));
	assert_false(map_get(&m, "steve-ashley ", &v));
	assert_int_equal(v, -1);

	/* A duplicate is refused and the first value stays. */
	assert_false(map_put(&m, "steve-ashley", 99));
	assert_true(map_get(&m, "steve-ashley", &v));
	assert_int_equal(v, 42);
	assert_int_equal(m.used, 3);

	/* Keys are copied: changing the caller's text changes nothing. */
	char key[] = "temporary";
	assert_true(map_put(&m, key, INT64_MAX));
	key[0] = 'X';
	assert_true(map_get(&m, "temporary", &v));
	assert_true(v == INT64_MAX);
	assert_false(map_get(&m, "Xemporary", NULL));

	map_free(&m);
	assert_int_equal(m.used, 0);
	assert_false(map_get(&m, "steve-ashley", &v));
	/* Usable again after map_free. */
	assert_true(map_put(&m, "steve-ashley", 1));
	assert_true(map_get(&m, "steve-ashley", &v));
	assert_int_equal(v, 1);
	map_free(&m);
}

static void test_map_many_keys(void **state)
{
	struct map m = MAP_INIT;
	char key[32];
	int64_t v;

	(void)state;
	for (int i = 0; i < 10000; i++) {
		snprintf(key, sizeof key, "person-%d", i);
		if (!map_put(&m, key, (int64_t)i * 7 - 3))
			fail_msg("put %s failed", key);
	}
	assert_int_equal(m.used, 10000);
	assert_true(m.size >= 10000 * 4 / 3);
	for (int i = 0; i < 10000; i++) {
		snprintf(key, sizeof key, "person-%d", i);
		v = 0;
		if (!map_get(&m, key, &v))
			fail_msg("%s lost", key);
		assert_int_equal(v, (int64_t)i * 7 - 3);
		assert_false(map_put(&m, key, 0));
	}
	for (int i = 10000; i < 10100; i++) {
		snprintf(key, sizeof key, "person-%d", i);
		assert_false(map_get(&m, key, &v));
	}
	assert_int_equal(m.used, 10000);
	map_free(&m);
}

/* arena */

static void test_arena(void **state)
{
	struct arena a = ARENA_INIT;
	char *s;

	(void)state;
	s = arena_printf(&a, "%s/%04d-%02d-%02d", "RLSCB", 2014, 12, 4);
	assert_string_equal(s, "RLSCB/2014-12-04");
	s = arena_printf(&a, "%s/%s-%d", "ILSC", "2019-07-09", 2);
	assert_string_equal(s, "ILSC/2019-07-09-2");
	assert_string_equal(arena_printf(&a, "%s", ""), "");
	assert_string_equal(arena_printf(&a, "%lld", (long long)INT64_MIN),
	                    "-9223372036854775808");

	/* Larger than one block. */
	s = arena_printf(&a, "%0100000d", 7);
	assert_int_equal(strlen(s), 100000);
	assert_int_equal(s[0], '0');
	assert_int_equal(s[99999], '7');

	assert_null(arena_strdup(&a, NULL));
	assert_string_equal(arena_strdup(&a, "copy"), "copy");
	assert_string_equal(arena_strndup(&a, "hello", 3), "hel");

	/* Aligned and zeroed, and earlier strings stay intact. */
	char *first = arena_strdup(&a, "still here");
	for (size_t n = 1; n < 3000; n += 37) {
		unsigned char *p = arena_alloc(&a, n);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(p[i], 0);
		memset(p, 0xAB, n);
	}
	assert_string_equal(first, "still here");
	arena_free(&a);
	assert_null(a.head);
	assert_string_equal(arena_printf(&a, "%d", 5), "5");
	arena_free(&a);
}

/* errors */

static void test_masa_error_set_and_prefix(void **state)
{
	struct masa_error err;

	(void)state;
	assert_int_equal(masa_error_set(&err, MASA_ERR_CONFLICT, "x %d", 1),
	                 MASA_ERR_CONFLICT);
	assert_int_equal(err.code, MASA_ERR_CONFLICT);
	assert_string_equal(err.message, "x 1");
	assert_int_equal(masa_error_set(NULL, MASA_ERR_LIMIT, "ignored"),
	                 MASA_ERR_LIMIT);

	masa_error_set(&err, MASA_ERR_INVALID, "person: required");
	masa_error_prefix(&err, "people[%d]", 3);
	assert_string_equal(err.message, "people[3]: person: required");
	assert_int_equal(err.code, MASA_ERR_INVALID);
	masa_error_prefix(&err, "%s", "demo.json");
	assert_string_equal(err.message,
	                    "demo.json: people[3]: person: required");
	masa_error_prefix(NULL, "nothing");

	masa_error_clear(&err);
	assert_int_equal(err.code, MASA_OK);
	assert_string_equal(err.message, "");
	masa_error_clear(NULL);

	assert_string_equal(masa_err_name(MASA_OK), "ok");
	assert_string_equal(masa_err_name(MASA_ERR_INVALID), "invalid");
	assert_string_equal(masa_err_name(MASA_ERR_NOT_FOUND), "not found");
	assert_string_equal(masa_err_name(MASA_ERR_CONFLICT), "conflict");
	assert_string_equal(masa_err_name(MASA_ERR_LIMIT), "too large");
	assert_string_equal(masa_err_name(MASA_ERR_VERSION), "version");
	assert_string_equal(masa_err_name(MASA_ERR_IO), "input/output");
	assert_string_equal(masa_err_name(MASA_ERR_STORE), "database");
	assert_string_equal(masa_err_name(MASA_ERR_USAGE), "usage");
}

static void test_masa_error_truncation(void **state)
{
	struct masa_error err;
	char long_text[700];
	char expect[512];

	(void)state;
	memset(long_text, 'm', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';

	/* masa_error_set keeps 511 characters and the NUL. */
	masa_error_set(&err, MASA_ERR_INVALID, "%s", long_text);
	assert_int_equal(strlen(err.message), 511);
	assert_int_equal(err.message[511], '\0');

	/* A full message with a prefix: the prefix and the start survive. */
	masa_error_prefix(&err, "meetings[%d]", 2);
	assert_int_equal(strlen(err.message), 511);
	assert_int_equal(err.message[511], '\0');
	memcpy(expect, "meetings[2]: ", 13);
	memset(expect + 13, 'm', 511 - 13);
	expect[511] = '\0';
	assert_string_equal(err.message, expect);

	/* An exactly full result ("p: " and an old message of 508). */
	masa_error_set(&err, MASA_ERR_INVALID, "%.508s", long_text);
	masa_error_prefix(&err, "p");
	assert_int_equal(strlen(err.message), 511);
	assert_memory_equal(err.message, "p: mmm", 6);

	/* A very long prefix is cut too, and the NUL is kept. */
	masa_error_set(&err, MASA_ERR_INVALID, "tail");
	masa_error_prefix(&err, "%s", long_text);
	assert_int_equal(err.message[511], '\0');
	assert_true(strlen(err.message) <= 511);
	assert_memory_equal(err.message, "mmmmmmmm", 8);
	assert_int_equal(err.code, MASA_ERR_INVALID);
}

/* arena_grow keeps what was there, doubles when full, and not before. */
static void test_arena_grow(void **state)
{
	struct arena a = ARENA_INIT;
	long *v = NULL, *before;
	size_t n = 0, cap = 0;

	(void)state;
	for (long i = 0; i < 9; i++) {
		before = v;
		v = arena_grow(&a, v, n, &cap, sizeof *v, 4);
		/* A new array only when the old one was full. */
		if (n > 0 && n != 4 && n != 8)
			assert_ptr_equal(v, before);
		v[n++] = i * 10;
	}
	assert_int_equal(cap, 16);
	for (long i = 0; i < 9; i++)
		assert_int_equal(v[i], i * 10);
	/* The new room is zeroed. */
	assert_int_equal(v[9], 0);
	assert_int_equal(v[15], 0);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_date_parse_valid),
	        cmocka_unit_test(test_date_parse_leap_years),
	        cmocka_unit_test(test_date_parse_rejects),
	        cmocka_unit_test(test_date_round_trip_1900_2999),
	        cmocka_unit_test(test_date_weekday),
	        cmocka_unit_test(test_date_words),
	        cmocka_unit_test(test_time_parse),
	        cmocka_unit_test(test_timestamp_check),
	        cmocka_unit_test(test_utf8_valid),
	        cmocka_unit_test(test_text_is_slug),
	        cmocka_unit_test(test_text_is_short_name),
	        cmocka_unit_test(test_text_slugify),
	        cmocka_unit_test(test_text_slugify_stays_a_slug),
	        cmocka_unit_test(test_text_is_blank_and_length),
	        cmocka_unit_test(test_buf_limits),
	        cmocka_unit_test(test_buf_grows_to_max),
	        cmocka_unit_test(test_map_put_get),
	        cmocka_unit_test(test_map_many_keys),
	        cmocka_unit_test(test_arena),
	        cmocka_unit_test(test_arena_grow),
	        cmocka_unit_test(test_masa_error_set_and_prefix),
	        cmocka_unit_test(test_masa_error_truncation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
