/*
 * date: ISO dates and times (see date.h). Day numbers use the civil-from-days
 * algorithm on the proleptic Gregorian calendar.
 */
#include "core/date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/mem.h"

date_days date_from_ymd(int year, int month, int day)
{
	long y = year - (month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void date_to_ymd(date_days z, int *year, int *month, int *mday)
{
	long era, doe, yoe, doy, mp, y;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = (int)(y + (*month <= 2));
}

void date_format_words(date_days day, bool weekday, char out[DATE_WORDS_SIZE])
{
	static const char *const days[] = {"Monday",   "Tuesday", "Wednesday",
	                                   "Thursday", "Friday",  "Saturday",
	                                   "Sunday"};
	static const char *const months[] = {"January", "February", "March",
	                                     "April",   "May",      "June",
	                                     "July",    "August",   "September",
	                                     "October", "November", "December"};
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	snprintf(out, DATE_WORDS_SIZE, "%s%s%d %s %d",
	         weekday ? days[date_weekday(day)] : "", weekday ? " " : "", d,
	         months[m - 1], y);
}

const char *date_iso_words(struct arena *a, const char *iso, bool weekday)
{
	char words[DATE_WORDS_SIZE];
	date_days d;

	if (iso == NULL)
		return "";
	if (date_parse(iso, &d, NULL) != MASA_OK)
		return iso;
	date_format_words(d, weekday, words);
	return arena_strdup(a, words);
}

static int days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
	                           31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int number(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

enum masa_err date_parse(const char *text, date_days *out,
                         struct masa_error *err)
{
	int y, m, d;

	if (text == NULL || strlen(text) != 10 || text[4] != '-' ||
	    text[7] != '-' || !digits(text, 4) || !digits(text + 5, 2) ||
	    !digits(text + 8, 2))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "\"%.40s\" is not a date in the form YYYY-MM-DD",
		        text ? text : "");
	y = number(text, 4);
	m = number(text + 5, 2);
	d = number(text + 8, 2);
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "\"%s\" is not a real date", text);
	if (out != NULL)
		*out = date_from_ymd(y, m, d);
	return MASA_OK;
}

void date_format(date_days day, char out[DATE_TEXT_SIZE])
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	/* Parsed dates lie in 1900-2999; arithmetic stays near them. */
	y = y < 0 ? 0 : y > 9999 ? 9999 : y;
	m = m < 1 ? 1 : m > 12 ? 12 : m;
	d = d < 1 ? 1 : d > 31 ? 31 : d;
	snprintf(out, DATE_TEXT_SIZE, "%04d-%02d-%02d", y, m, d);
}

int date_weekday(date_days day)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	long w = (day + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

date_days date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

enum masa_err time_parse(const char *text, int *minutes, struct masa_error *err)
{
	int h, m;

	if (text == NULL || strlen(text) != 5 || text[2] != ':' ||
	    !digits(text, 2) || !digits(text + 3, 2))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "\"%.40s\" is not a time in the form HH:MM",
		        text ? text : "");
	h = number(text, 2);
	m = number(text + 3, 2);
	if (h > 23 || m > 59)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "\"%s\" is not a real time of day", text);
	if (minutes != NULL)
		*minutes = h * 60 + m;
	return MASA_OK;
}

enum masa_err timestamp_check(const char *text, struct masa_error *err)
{
	char day[DATE_TEXT_SIZE];
	char clock[6];

	if (text == NULL || strlen(text) != 20 || text[10] != 'T' ||
	    text[13] != ':' || text[16] != ':' || text[19] != 'Z' ||
	    !digits(text + 17, 2) || number(text + 17, 2) > 60)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "\"%.40s\" is not a time stamp in the form "
		        "YYYY-MM-DDTHH:MM:SSZ",
		        text ? text : "");
	memcpy(day, text, 10);
	day[10] = '\0';
	memcpy(clock, text + 11, 5);
	clock[5] = '\0';
	if (date_parse(day, NULL, err) != MASA_OK)
		return err ? err->code : MASA_ERR_INVALID;
	return time_parse(clock, NULL, err);
}

void timestamp_now(char out[21])
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
