/*
 * workdays: counting working days against a sorted table of the bank
 * holidays that fall on weekdays, searched by bisection.
 */
#include "core/workdays.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

extern const char masa_bank_holidays_csv[];
extern const unsigned long masa_bank_holidays_csv_len;

/* Years the usual rules fill in where the table is silent. */
#define RULE_FIRST_YEAR 1990
#define RULE_LAST_YEAR  2099

struct holiday {
	date_days day;
	const char *name; /* static, or owned by the table for files */
};

static struct {
	struct holiday *days;
	size_t n, cap;
	int first_year, last_year; /* of the built-in table */
	bool ready;
	struct masa_error err; /* of the first reading, when it failed */
} table;

static pthread_once_t table_once = PTHREAD_ONCE_INIT;
static const char *extra_path; /* workdays_add_file before first use */

static void add_day(date_days day, const char *name)
{
	if (date_weekday(day) >= 5)
		return; /* a weekend day is no working day anyway */
	if (table.n == table.cap) {
		table.cap = table.cap ? table.cap * 2 : 256;
		table.days =
		        xrealloc(table.days, table.cap * sizeof *table.days);
	}
	table.days[table.n].day = day;
	table.days[table.n].name = name;
	table.n++;
}

/*
 * Reads "YYYY-MM-DD,name" lines of text (len bytes) from `source`; names
 * are copied. Years seen widen [*first, *last] when first is not NULL.
 */
static enum masa_err read_table(const char *text, size_t len,
                                const char *source, int *first, int *last,
                                struct masa_error *err)
{
	size_t pos = 0;
	long line = 0;

	while (pos < len) {
		const char *s = text + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;
		char date[DATE_TEXT_SIZE];
		date_days day;
		int y, m, d;

		pos += n + (nl != NULL);
		line++;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (n >= 3 && (unsigned char)s[0] == 0xEF &&
		    (unsigned char)s[1] == 0xBB &&
		    (unsigned char)s[2] == 0xBF) {
			s += 3;
			n -= 3;
		}
		while (n > 0 && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		if (n == 0 || *s == '#')
			continue;
		if (n < 10 || (n > 10 && s[10] != ',')) {
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "%s, line %ld: \"%.*s\" is not a bank holiday: "
			        "write YYYY-MM-DD,name",
			        source, line, (int)(n > 60 ? 60 : n), s);
		}
		memcpy(date, s, 10);
		date[10] = '\0';
		if (date_parse(date, &day, NULL) != MASA_OK)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%s, line %ld: \"%s\" is not a "
			                      "real date in the "
			                      "form YYYY-MM-DD",
			                      source, line, date);
		{
			const char *nm = n > 11 ? s + 11 : "Bank holiday";
			size_t nn = n > 11 ? n - 11 : strlen(nm);
			char *copy = xmalloc(nn + 1);

			memcpy(copy, nm, nn);
			copy[nn] = '\0';
			add_day(day, copy);
		}
		if (first != NULL) {
			date_to_ymd(day, &y, &m, &d);
			if (*first == 0 || y < *first)
				*first = y;
			if (y > *last)
				*last = y;
		}
	}
	return MASA_OK;
}

/* Easter Sunday of year y (the Gregorian computus). */
static date_days easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;

	return date_from_ymd(y, month, day);
}

/* The first Monday on or after day, or the last on or before it. */
static date_days monday_from(date_days day, int step)
{
	while (date_weekday(day) != 0)
		day += step;
	return day;
}

/* A year's bank holidays by the usual rules. */
static void add_rule_year(int y)
{
	date_days nyd = date_from_ymd(y, 1, 1), xmas, e = easter(y);
	int wd;

	while (date_weekday(nyd) >= 5)
		nyd++;
	add_day(nyd, "New Year's Day");
	add_day(e - 2, "Good Friday");
	add_day(e + 1, "Easter Monday");
	add_day(monday_from(date_from_ymd(y, 5, 1), 1),
	        "Early May bank holiday");
	add_day(monday_from(date_from_ymd(y, 5, 31), -1),
	        "Spring bank holiday");
	add_day(monday_from(date_from_ymd(y, 8, 31), -1),
	        "Summer bank holiday");
	xmas = date_from_ymd(y, 12, 25);
	wd = date_weekday(xmas);
	/* Christmas on Friday: Boxing Day moves to Monday 28th; on Saturday
	 * both move to 27th and 28th; on Sunday Christmas moves to 27th. */
	add_day(wd == 5 || wd == 6 ? xmas + 2 : xmas, "Christmas Day");
	add_day(wd == 4 || wd == 5 ? xmas + 3 : xmas + 1, "Boxing Day");
}

static int by_day(const void *a, const void *b)
{
	const struct holiday *x = a, *y = b;

	return (x->day > y->day) - (x->day < y->day);
}

static void build(void)
{
	struct masa_error err = {0};
	const char *path =
	        extra_path ? extra_path : getenv("MASA_BANK_HOLIDAYS");

	if (read_table(masa_bank_holidays_csv, masa_bank_holidays_csv_len,
	               "data/bank-holidays.csv", &table.first_year,
	               &table.last_year, &err) != MASA_OK)
		abort(); /* the built-in table is checked by the tests */
	for (int y = RULE_FIRST_YEAR; y <= RULE_LAST_YEAR; y++)
		if (y < table.first_year || y > table.last_year)
			add_rule_year(y);
	if (path != NULL && *path != '\0') {
		FILE *f = fopen(path, "rb");
		char *text = NULL;
		size_t len = 0, cap = 0, got;

		if (f == NULL) {
			masa_error_set(&table.err, MASA_ERR_IO,
			               "cannot read the bank holidays in %s "
			               "(MASA_BANK_HOLIDAYS): %s",
			               path, strerror(errno));
		} else {
			do {
				if (cap - len < 4096) {
					cap = cap ? cap * 2 : 8192;
					text = xrealloc(text, cap);
				}
				got = fread(text + len, 1, cap - len, f);
				len += got;
			} while (got > 0 && len < (1u << 20));
			fclose(f);
			(void)read_table(text ? text : "", len, path, NULL,
			                 NULL, &table.err);
			free(text);
		}
	}
	qsort(table.days, table.n, sizeof *table.days, by_day);
	/* Drop days named twice (a file repeating the built-in table). */
	{
		size_t w = 0;

		for (size_t i = 0; i < table.n; i++)
			if (w == 0 ||
			    table.days[w - 1].day != table.days[i].day)
				table.days[w++] = table.days[i];
		table.n = w;
	}
	table.ready = true;
	(void)err;
}

static void ready(void)
{
	pthread_once(&table_once, build);
}

enum masa_err workdays_init(struct masa_error *err)
{
	ready();
	if (table.err.code != MASA_OK) {
		if (err != NULL)
			*err = table.err;
		return table.err.code;
	}
	return MASA_OK;
}

enum masa_err workdays_add_file(const char *path, struct masa_error *err)
{
	if (table.ready)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "the bank holidays are already in use");
	extra_path = path;
	return workdays_init(err);
}

/* The number of table days < day. */
static size_t holidays_before(date_days day)
{
	size_t lo = 0, hi = table.n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (table.days[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const char *workdays_holiday(date_days day)
{
	size_t i;

	ready();
	i = holidays_before(day);
	return i < table.n && table.days[i].day == day ? table.days[i].name
	                                               : NULL;
}

bool workdays_is_working(date_days day)
{
	return date_weekday(day) < 5 && workdays_holiday(day) == NULL;
}

/* Weekdays (Monday to Friday) in [1970-01-01 + 0, day): a running count
 * from a fixed Monday, so differences give weekdays in a range. */
static long weekdays_before(date_days day)
{
	/* 1969-12-29 (day -3) was a Monday. */
	long since = day + 3;
	long weeks = since >= 0 ? since / 7 : -((-since + 6) / 7);
	long rest = since - weeks * 7;

	return weeks * 5 + (rest < 5 ? rest : 5);
}

long workdays_between(date_days from, date_days to)
{
	if (to <= from)
		return 0;
	ready();
	/* Working days in (from, to] = weekdays minus weekday holidays. */
	return (weekdays_before(to + 1) - weekdays_before(from + 1)) -
	       (long)(holidays_before(to + 1) - holidays_before(from + 1));
}

date_days workdays_add(date_days from, long n)
{
	date_days day = from;
	long step = n < 0 ? -1 : 1;

	for (long left = n < 0 ? -n : n; left > 0;) {
		day += step;
		if (workdays_is_working(day))
			left--;
	}
	return day;
}
