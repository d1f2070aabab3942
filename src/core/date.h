/*
 * date: calendar dates and clock times as masa stores them.
 *
 * Dates are ISO 8601 "YYYY-MM-DD" text in the store and in interchange, so that
 * text order is date order in every backend. In C a date is a day number
 * (days since 1970-01-01), which makes arithmetic and weekday checks simple.
 * Times of day are "HH:MM", 24-hour.
 */
#ifndef MASA_CORE_DATE_H
#define MASA_CORE_DATE_H

#include <stdbool.h>

#include "core/error.h"

/* Days since 1970-01-01 (negative before). */
typedef long date_days;

/* Length of "YYYY-MM-DD" plus NUL. */
#define DATE_TEXT_SIZE 11

/*
 * Reads "YYYY-MM-DD" (a real calendar date, years 1900-2999) into *out.
 * MASA_ERR_INVALID with a message naming the text otherwise.
 */
enum masa_err date_parse(const char *text, date_days *out,
                         struct masa_error *err);
/* Writes day as "YYYY-MM-DD" into out. */
void date_format(date_days day, char out[DATE_TEXT_SIZE]);

/* Room for the longest date in words, "Wednesday 30 September 2024". */
#define DATE_WORDS_SIZE 32
/*
 * Writes day as people read it: "Thursday 4 December 2014", or without the
 * weekday "4 December 2014".
 */
void date_format_words(date_days day, bool weekday, char out[DATE_WORDS_SIZE]);
/*
 * iso ("2014-12-04") in words, in a: "4 December 2014", with weekday
 * "Thursday 4 December 2014"; the text itself when it is no date, "" for
 * NULL. The one long form of a date for pages, messages and e-mail.
 */
struct arena;
const char *date_iso_words(struct arena *a, const char *iso, bool weekday);
/* The day number of year-month-day; the caller checks the parts are valid. */
date_days date_from_ymd(int year, int month, int day);
/* Splits day into its year, month and day of month. */
void date_to_ymd(date_days day, int *year, int *month, int *mday);
/* 0 = Monday ... 6 = Sunday. */
int date_weekday(date_days day);
/* Today in local time. */
date_days date_today(void);

/* Reads "HH:MM" (00:00-23:59) into minutes after midnight. */
enum masa_err time_parse(const char *text, int *minutes,
                         struct masa_error *err);
/* Reads "YYYY-MM-DDTHH:MM:SSZ"; only checks the shape and ranges. */
enum masa_err timestamp_check(const char *text, struct masa_error *err);
/* Now, UTC, as "YYYY-MM-DDTHH:MM:SSZ" into out (21 bytes). */
void timestamp_now(char out[21]);

#endif
