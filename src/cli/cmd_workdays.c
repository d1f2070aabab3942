/*
 * cmd_workdays: the working-day clock of the assurance pillar from the
 * command line: a date some working days on, the working days between two
 * dates, and the bank holidays masa counts with.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/workdays.h"

/* Reads the table, reporting a bad MASA_BANK_HOLIDAYS file. */
static int table_ready(void)
{
	struct masa_error err = {0};

	if (workdays_init(&err) != MASA_OK)
		return cli_fail(&err);
	return 0;
}

static int run_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	date_days from;
	long n;
	char out[DATE_TEXT_SIZE];

	(void)ctx;
	if (date_parse(args->positional[0], &from, &err) != MASA_OK ||
	    cli_number("N", args->positional[1], -10000, 10000, &n, &err) !=
	            MASA_OK)
		return cli_fail(&err);
	if (table_ready() != 0)
		return 1;
	date_format(workdays_add(from, n), out);
	printf("%s\n", out);
	return 0;
}

const struct cli_command cmd_workdays_add = {
        .name = "workdays add",
        .arguments = "DATE N",
        .summary = "the date N working days after DATE (England and Wales "
                   "bank holidays; before it: -- DATE -N)",
        .min_positional = 2,
        .max_positional = 2,
        .run = run_add,
};

static int run_between(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	date_days from, to;

	(void)ctx;
	if (date_parse(args->positional[0], &from, &err) != MASA_OK ||
	    date_parse(args->positional[1], &to, &err) != MASA_OK)
		return cli_fail(&err);
	if (table_ready() != 0)
		return 1;
	printf("%ld\n", to >= from ? workdays_between(from, to)
	                           : -workdays_between(to, from));
	return 0;
}

const struct cli_command cmd_workdays_between = {
        .name = "workdays between",
        .arguments = "FROM TO",
        .summary = "the working days after FROM up to and including TO",
        .min_positional = 2,
        .max_positional = 2,
        .run = run_between,
};

static int run_holidays(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	long year;
	date_days day;

	(void)ctx;
	if (cli_number("YEAR", args->positional[0], 1990, 2099, &year, &err) !=
	    MASA_OK)
		return cli_fail(&err);
	if (table_ready() != 0)
		return 1;
	for (day = date_from_ymd((int)year, 1, 1);
	     day < date_from_ymd((int)year + 1, 1, 1); day++) {
		const char *name = workdays_holiday(day);
		char iso[DATE_TEXT_SIZE];

		if (name == NULL)
			continue;
		date_format(day, iso);
		printf("%s  %s\n", iso, name);
	}
	return 0;
}

const struct cli_command cmd_workdays_holidays = {
        .name = "workdays holidays",
        .arguments = "YEAR",
        .summary = "the bank holidays of YEAR that working days skip",
        .min_positional = 1,
        .max_positional = 1,
        .run = run_holidays,
};
