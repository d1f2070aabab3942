/*
 * workdays: working days in England and Wales, the one home of the rule
 * every clock of the assurance pillar counts in (a notification due within
 * 5 working days, a rapid review within 15, an assessment within 45).
 *
 * A working day is Monday to Friday and not a bank holiday. The bank
 * holidays are those of data/bank-holidays.csv (from GOV.UK, built into
 * masa), the usual rules for years that table does not hold, and the days
 * of the file named by MASA_BANK_HOLIDAYS when it is set (a deployment's
 * own additions, same form: "YYYY-MM-DD,name" lines, # comments).
 *
 * The table is made on first use and then only read, so every function
 * here is safe from any thread.
 */
#ifndef MASA_CORE_WORKDAYS_H
#define MASA_CORE_WORKDAYS_H

#include <stdbool.h>

#include "core/date.h"
#include "core/error.h"

/*
 * Reads the table (the built-in one and MASA_BANK_HOLIDAYS). Called once
 * at start-up by the command line, so that a bad file is reported before
 * anything runs: MASA_ERR_INVALID naming the file, line and text. The
 * other functions call it themselves (and, with a bad file, count with the
 * built-in table alone).
 */
enum masa_err workdays_init(struct masa_error *err);

/* Reads more bank holidays from path (as MASA_BANK_HOLIDAYS does) into the
 * table; before the first use only (the tests' way of extending it). */
enum masa_err workdays_add_file(const char *path, struct masa_error *err);

/* day is a working day. */
bool workdays_is_working(date_days day);

/* The name of the bank holiday on day ("Boxing Day"), or NULL. */
const char *workdays_holiday(date_days day);

/*
 * The day n working days after from (from itself not counted), for n >= 0:
 * aware on Friday 20 December 2024, 5 working days later is Tuesday 31
 * December 2024. n = 0 gives from. For n < 0, the day -n working days
 * before from.
 */
date_days workdays_add(date_days from, long n);

/*
 * The working days after from up to and including to: 0 when to <= from
 * or none lies between; so workdays_between(d, workdays_add(d, n)) == n.
 * How late a thing done on `to` was against a due date `from`.
 */
long workdays_between(date_days from, date_days to);

#endif
