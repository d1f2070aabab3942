/*
 * fuzz_series: libFuzzer target for the dates of a series of meetings
 * (gov_series_dates), whose fields come from the scheduling form and the
 * command line. The input is the fields one a line: how often, weeks,
 * weekday, week, day of the month, from, until, count. Whatever they are,
 * the answer is an error with a message, or real dates in strictly rising
 * order, none before `from` nor after `until`, no more than `count` or
 * GOV_SERIES_MAX, each on the weekday asked for.
 *   make fuzz
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/mem.h"
#include "gov/agenda.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { FIELDS = 8, FIELD_MAX = 64 };

/* A field as a number, kept small enough for an int. */
static int number(const char *text)
{
	return (int)(strtol(text, NULL, 10) % 100000);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char field[FIELDS][FIELD_MAX];
	size_t f = 0, k = 0;
	struct gov_series s = {0};
	struct masa_error err = {0};
	struct arena a = ARENA_INIT;
	char **dates;
	size_t n;
	date_days prev = 0, from, until = 0, d;

	memset(field, 0, sizeof field);
	for (size_t i = 0; i < size && f < FIELDS; i++) {
		if (data[i] == '\n') {
			f++;
			k = 0;
		} else if (k + 1 < FIELD_MAX && data[i] != '\0') {
			field[f][k++] = (char)data[i];
		}
	}
	s.every = field[0][0] ? field[0] : NULL;
	s.weeks = number(field[1]);
	s.weekday = field[2][0] ? field[2] : NULL;
	s.week = field[3][0] ? field[3] : NULL;
	s.day_of_month = number(field[4]);
	s.from = field[5];
	s.until = field[6][0] ? field[6] : NULL;
	s.count = number(field[7]);
	if (gov_series_dates(&s, &a, &dates, &n, &err) != MASA_OK) {
		if (err.message[0] == '\0' || n != 0)
			abort();
		goto out;
	}
	/* One meeting is on `from`, whatever the rest says. */
	if (strcmp(s.every, "once") == 0) {
		if (n != 1 || strcmp(dates[0], s.from) != 0)
			abort();
		goto out;
	}
	if (date_parse(s.from, &from, NULL) != MASA_OK || n > GOV_SERIES_MAX ||
	    (s.count > 0 && n > (size_t)s.count) ||
	    (s.until && date_parse(s.until, &until, NULL) != MASA_OK))
		abort();
	for (size_t i = 0; i < n; i++) {
		if (date_parse(dates[i], &d, NULL) != MASA_OK || d < from ||
		    (s.until && d > until) || (i > 0 && d <= prev))
			abort();
		if (strcmp(s.every, "once") != 0 && s.weekday &&
		    strcmp(gov_weekdays[date_weekday(d)], s.weekday) != 0)
			abort();
		prev = d;
	}
out:
	arena_free(&a);
	return 0;
}
