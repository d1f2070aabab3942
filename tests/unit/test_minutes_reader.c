/*
 * test_minutes_reader: unit tests of the text reader and the minutes
 * recogniser (src/minutes/source_text.c, reader.c): dates and times in the
 * ways minutes write them; every line of both seed documents accounted for
 * (each non-blank input line is a source line, and each source line is
 * placed in a field, an item's text or the unplaced lines); and odd input
 * read without a crash.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "minutes/reader.h"
#include "minutes/source.h"

static const char *const seeds[] = {"tests/minutes/001_16eaa94230f0480f.txt",
                                    "tests/minutes/000_08ef4c2037cf2a22.txt",
                                    "tests/minutes/parish-council-cou.txt",
                                    "tests/minutes/health-wellbeing-hw.md"};

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = malloc((size_t)n + 1);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	data[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return data;
}

static void test_dates(void **state)
{
	char d[11];
	(void)state;

	assert_true(minutes_parse_date("Thursday 4th December 2014", d) > 0);
	assert_string_equal(d, "2014-12-04");
	assert_true(minutes_parse_date("9th July, 2019", d) > 0);
	assert_string_equal(d, "2019-07-09");
	assert_true(minutes_parse_date("Tuesday, 17th September, 2019", d));
	assert_string_equal(d, "2019-09-17");
	assert_true(minutes_parse_date("04.12.2014", d) > 0);
	assert_string_equal(d, "2014-12-04");
	assert_true(minutes_parse_date("04.12.14", d) > 0);
	assert_string_equal(d, "2014-12-04");
	assert_true(minutes_parse_date("09/07/19", d) > 0);
	assert_string_equal(d, "2019-07-09");
	assert_true(minutes_parse_date("December 4, 2014", d) > 0);
	assert_string_equal(d, "2014-12-04");
	assert_true(minutes_parse_date("1 Sept 2023", d) > 0);
	assert_string_equal(d, "2023-09-01");
	assert_true(minutes_parse_date("2024-02-29", d) > 0);
	assert_int_equal(minutes_parse_date("2023-02-29", d), 0);
	assert_int_equal(minutes_parse_date("31st June 2020", d), 0);
	assert_int_equal(minutes_parse_date("4.3 Child", d), 0);
	assert_int_equal(minutes_parse_date("Thursday", d), 0);
	assert_int_equal(minutes_parse_date("04.12.20145", d), 0);
}

static void test_times(void **state)
{
	char t[6];
	(void)state;

	assert_true(minutes_parse_time("1pm", t) > 0);
	assert_string_equal(t, "13:00");
	assert_true(minutes_parse_time("4pm at", t) > 0);
	assert_string_equal(t, "16:00");
	assert_true(minutes_parse_time("5.30 p.m.", t) > 0);
	assert_string_equal(t, "17:30");
	assert_true(minutes_parse_time("10am", t) > 0);
	assert_string_equal(t, "10:00");
	assert_true(minutes_parse_time("12 noon", t) > 0);
	assert_string_equal(t, "12:00");
	assert_true(minutes_parse_time("14:15", t) > 0);
	assert_string_equal(t, "14:15");
	assert_int_equal(minutes_parse_time("4.3", t), 0);
	assert_int_equal(minutes_parse_time("13pm", t), 0);
	assert_int_equal(minutes_parse_time("11 members", t), 0);
}

/* Every non-blank line of the file is in the source, and every source
 * line is placed. */
static void check_accounted(const char *path)
{
	struct source s;
	struct minutes_reading r;
	struct masa_error err;
	size_t len, line = 0, k = 0, start = 0;
	char *data = slurp(path, &len);

	source_init(&s, SOURCE_TEXT);
	assert_int_equal(source_read_text(data, len, &s, &err), MASA_OK);
	assert_int_equal(minutes_read(&s, &r, &err), MASA_OK);
	assert_int_equal(r.nlines, s.n);
	for (size_t i = 0; i <= len; i++) {
		if (i < len && data[i] != '\n')
			continue;
		line++;
		bool blank = true, rule = true;
		for (size_t j = start; j < i; j++) {
			if (data[j] != ' ' && data[j] != '\t' &&
			    data[j] != '\r')
				blank = false;
			if (strchr("|-: ", data[j]) == NULL)
				rule = false;
		}
		if (rule) /* a Markdown table's rule: markup only */
			blank = true;
		if (!blank) {
			while (k < s.n && s.lines[k].number < line)
				k++;
			if (k == s.n || s.lines[k].number != line)
				fail_msg("%s line %zu is not in the source",
				         path, line);
		}
		start = i + 1;
	}
	for (size_t i = 0; i < s.n; i++) {
		if (r.placed[i] == NULL)
			fail_msg("%s line %zu (%s) was not placed", path,
			         s.lines[i].number, s.lines[i].text);
		if (s.lines[i].kind != SOURCE_BLANK)
			assert_string_not_equal(r.placed[i], "blank");
	}
	minutes_reading_free(&r);
	source_free(&s);
	free(data);
}

static void test_every_line_accounted(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++)
		check_accounted(seeds[i]);
}

static void test_seed_2014(void **state)
{
	struct source s;
	struct minutes_reading r;
	struct masa_error err;
	size_t len;
	char *data = slurp(seeds[0], &len);
	(void)state;

	source_init(&s, SOURCE_TEXT);
	assert_int_equal(source_read_text(data, len, &s, &err), MASA_OK);
	assert_int_equal(minutes_read(&s, &r, &err), MASA_OK);
	assert_string_equal(r.date, "2014-12-04");
	assert_string_equal(r.start_time, "13:00");
	assert_string_equal(r.end_time, "16:00");
	assert_string_equal(r.venue, "Riverside House");
	assert_string_equal(r.body_short, "RLSCB");
	assert_true(r.npresent >= 25);
	assert_string_equal(r.present[0].name, "Steve Ashley");
	assert_string_equal(r.present[0].role, "Chair");
	assert_int_equal(r.napologies, 5);
	assert_int_equal(r.nitems, 16);
	assert_string_equal(r.items[4].number, "4.1");
	assert_string_equal(r.items[4].parent, "4");
	/* "KB to action – action 2": initials resolved */
	assert_string_equal(r.items[1].actions[0].owners[0], "Kirsty Booth");
	assert_int_equal(r.naction_log, 7);
	assert_int_equal(r.nunplaced, 0);
	minutes_reading_free(&r);
	source_free(&s);
	free(data);
}

/* Odd input: no crash, a reading with notes. */
static void test_odd_input(void **state)
{
	static const char *const inputs[] = {
	        "",
	        "\n\n\n",
	        "Action:\n",
	        "Resolved:-\n(1)\n",
	        "1.\n",
	        "Present:- ; , and\n",
	        "Appendix\nNo:\tOwner:\n1.\n\t\t\t\n",
	        "**\n**\n",
	        "MT/SM \xe2\x80\x93\n",
	        "SA - action\n",
	        "Ms X arrived\n",
	        "\xff\xfe\x80 bytes that are not UTF-8\n",
	        "| a | b |\n|---|---|\n| c |\n",
	};
	(void)state;

	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		struct source s;
		struct minutes_reading r;
		struct masa_error err;
		source_init(&s, SOURCE_TEXT);
		assert_int_equal(source_read_text(inputs[i], strlen(inputs[i]),
		                                  &s, &err),
		                 MASA_OK);
		assert_int_equal(minutes_read(&s, &r, &err), MASA_OK);
		json_decref(minutes_reading_json(&r));
		if (r.date == NULL)
			assert_true(r.nunsure > 0);
		minutes_reading_free(&r);
		source_free(&s);
	}
	/* NUL bytes: not text */
	{
		struct source s;
		struct masa_error err;
		source_init(&s, SOURCE_TEXT);
		assert_int_equal(source_read_text("a\0b", 3, &s, &err),
		                 MASA_ERR_INVALID);
		source_free(&s);
	}
}

static void test_text_lines(void **state)
{
	static const char doc[] = "# Title\n- one\n  * two\n3. three\n"
	                          "| a | b |\n|---|---|\nx\ty\t\n**Bold**\n"
	                          "**Open\nclose**\n11<sup>th</sup> June\r\n";
	struct source s;
	struct masa_error err;
	(void)state;

	source_init(&s, SOURCE_TEXT);
	assert_int_equal(source_read_text(doc, sizeof doc - 1, &s, &err),
	                 MASA_OK);
	assert_int_equal(s.n, 10);
	assert_int_equal(s.lines[0].kind, SOURCE_HEADING);
	assert_string_equal(s.lines[0].text, "Title");
	assert_int_equal(s.lines[1].kind, SOURCE_LIST_ITEM);
	assert_int_equal(s.lines[2].level, 2);
	assert_string_equal(s.lines[3].text, "3. three");
	assert_int_equal(s.lines[4].kind, SOURCE_TABLE_ROW);
	assert_int_equal(s.lines[4].ncells, 2);
	assert_int_equal(s.lines[5].ncells, 3); /* x, y and an empty cell */
	assert_int_equal(s.lines[5].number, 7);
	assert_true(s.lines[6].bold);
	assert_string_equal(s.lines[6].text, "Bold");
	assert_true(s.lines[7].bold && s.lines[8].bold);
	assert_string_equal(s.lines[8].text, "close");
	assert_string_equal(s.lines[9].text, "11th June");
	source_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_dates),
	        cmocka_unit_test(test_times),
	        cmocka_unit_test(test_text_lines),
	        cmocka_unit_test(test_every_line_accounted),
	        cmocka_unit_test(test_seed_2014),
	        cmocka_unit_test(test_odd_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
