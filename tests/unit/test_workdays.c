/*
 * test_workdays: the working-day clock against a table of cases across
 * Christmas (and Christmases on a weekend, with their substitute days),
 * Easter, the early May holiday (and 2020's, moved to VE day), the
 * inverse of workdays_add, and a deployment's own holidays
 * (MASA_BANK_HOLIDAYS, through workdays_add_file) with a bad file's
 * message.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "assure/clock.h"
#include "core/date.h"
#include "core/workdays.h"

static date_days day(const char *iso)
{
	date_days d;
	struct masa_error err;

	if (date_parse(iso, &d, &err) != MASA_OK)
		fail_msg("bad date in the test: %s", iso);
	return d;
}

static const char *iso(date_days d)
{
	static char out[4][DATE_TEXT_SIZE];
	static int at;

	at = (at + 1) % 4;
	date_format(d, out[at]);
	return out[at];
}

struct add_case {
	const char *from;
	long n;
	const char *want;
	const char *why;
};

static const struct add_case add_cases[] = {
        /* Christmas 2024: Wednesday and Thursday, then New Year's Day. */
        {"2024-12-20", 5, "2024-12-31", "the issue's own example"},
        {"2024-12-20", 15, "2025-01-15", "three holidays in 15 days"},
        {"2024-12-24", 1, "2024-12-27", "over Christmas and Boxing Day"},
        {"2024-12-31", 1, "2025-01-02", "over New Year's Day"},
        /* 2021: Christmas on Saturday, Boxing Day on Sunday: Monday 27
         * and Tuesday 28 are the substitute days. */
        {"2021-12-24", 1, "2021-12-29", "2021's substitute days"},
        {"2021-12-20", 5, "2021-12-29", "a week across 2021's Christmas"},
        /* 2022: Christmas on Sunday: Boxing Day Monday 26, substitute
         * Christmas Tuesday 27. */
        {"2022-12-23", 1, "2022-12-28", "2022's substitute day"},
        {"2022-12-23", 5, "2023-01-04", "and the New Year's substitute"},
        /* Easter: Good Friday and Easter Monday. */
        {"2024-03-28", 1, "2024-04-02", "Easter 2024"},
        {"2019-04-18", 1, "2019-04-23", "Easter 2019"},
        {"2014-04-17", 2, "2014-04-23", "Easter 2014"},
        /* The early May holiday, and 2020's moved to Friday 8 May. */
        {"2024-05-03", 1, "2024-05-07", "early May 2024"},
        {"2020-05-01", 1, "2020-05-04", "4 May 2020 was a working day"},
        {"2020-05-07", 1, "2020-05-11", "VE day, 8 May 2020"},
        {"2019-05-03", 1, "2019-05-07", "early May 2019"},
        /* Weekends and nothing at all. */
        {"2024-06-07", 1, "2024-06-10", "a weekend"},
        {"2024-06-08", 1, "2024-06-10", "from a Saturday"},
        {"2024-06-05", 0, "2024-06-05", "n = 0"},
        {"2025-01-02", -1, "2024-12-31", "backwards over New Year"},
        {"2024-12-27", -1, "2024-12-24", "backwards over Christmas"},
};

static void test_add_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof add_cases / sizeof add_cases[0]; i++) {
		const struct add_case *c = &add_cases[i];
		const char *got = iso(workdays_add(day(c->from), c->n));

		if (strcmp(got, c->want) != 0)
			fail_msg("%s %+ld working days: %s, wanted %s (%s)",
			         c->from, c->n, got, c->want, c->why);
	}
}

static void test_holidays(void **state)
{
	(void)state;
	assert_false(workdays_is_working(day("2024-12-25")));
	assert_false(workdays_is_working(day("2021-12-27")));
	assert_false(workdays_is_working(day("2021-12-28")));
	assert_false(workdays_is_working(day("2022-12-27")));
	assert_false(workdays_is_working(day("2024-03-29")));
	assert_false(workdays_is_working(day("2024-04-01")));
	assert_false(workdays_is_working(day("2020-05-08")));
	assert_true(workdays_is_working(day("2020-05-04")));
	assert_true(workdays_is_working(day("2024-12-24")));
	assert_false(workdays_is_working(day("2024-06-08")));
	assert_non_null(workdays_holiday(day("2024-12-26")));
	assert_null(workdays_holiday(day("2024-12-24")));
}

static void test_between(void **state)
{
	(void)state;
	assert_int_equal(workdays_between(day("2024-12-31"), day("2025-01-02")),
	                 1);
	assert_int_equal(workdays_between(day("2019-12-31"), day("2020-01-03")),
	                 2);
	assert_int_equal(workdays_between(day("2024-06-07"), day("2024-06-09")),
	                 0);
	assert_int_equal(workdays_between(day("2024-06-07"), day("2024-06-01")),
	                 0);
}

/* workdays_between undoes workdays_add, from every day of three years
 * (weekends and holidays too), for n from 0 to 40. */
static void test_inverse(void **state)
{
	date_days from = day("2019-01-01"), to = day("2022-01-01");

	(void)state;
	for (date_days d = from; d < to; d++)
		for (long n = 0; n <= 40; n++) {
			date_days e = workdays_add(d, n);

			if (workdays_between(d, e) != n)
				fail_msg("between(%s, add(%s, %ld) = %s) is "
				         "%ld",
				         iso(d), iso(d), n, iso(e),
				         workdays_between(d, e));
			if (n > 0 && !workdays_is_working(e))
				fail_msg("add(%s, %ld) = %s is no working day",
				         iso(d), n, iso(e));
		}
}

/* The clocks, on days either side of their due day. */
static void test_clock(void **state)
{
	struct assure_clock c;
	char words[64];
	date_days aware = day("2024-12-20");

	(void)state;
	assure_clock_working(&c, "n", aware, 5, false, 0, day("2024-12-31"));
	assert_int_equal(c.state, ASSURE_CLOCK_DUE);
	assert_string_equal(assure_clock_words(&c, words, sizeof words),
	                    "due today");
	assure_clock_working(&c, "n", aware, 5, false, 0, day("2024-12-23"));
	assert_string_equal(assure_clock_words(&c, words, sizeof words),
	                    "due in 4 working days");
	assert_true(assure_clock_pressing(&c, 5));
	assert_false(assure_clock_pressing(&c, 3));
	assure_clock_working(&c, "n", aware, 5, false, 0, day("2025-01-02"));
	assert_int_equal(c.state, ASSURE_CLOCK_OVERDUE);
	assert_string_equal(assure_clock_words(&c, words, sizeof words),
	                    "overdue by 1 working day");
	assure_clock_working(&c, "n", aware, 5, true, day("2024-12-31"),
	                     day("2026-01-01"));
	assert_string_equal(assure_clock_words(&c, words, sizeof words),
	                    "done on time");
	assure_clock_working(&c, "n", aware, 5, true, day("2025-01-03"),
	                     day("2026-01-01"));
	assert_string_equal(assure_clock_words(&c, words, sizeof words),
	                    "done 2 working days late");
	assert_string_equal(assure_clock_state_name(c.state), "late");
	/* Done on the Saturday after a Friday due day: late by no working
	 * day. */
	assure_clock_at(&c, "n", day("2024-06-07"), true, day("2024-06-08"),
	                day("2024-06-10"));
	assert_string_equal(assure_clock_words(&c, words, sizeof words),
	                    "done late");
	/* Publication: six calendar months, to the month's last day. */
	assert_string_equal(iso(assure_add_months(day("2019-10-25"), 6)),
	                    "2020-04-25");
	assert_string_equal(iso(assure_add_months(day("2019-08-31"), 6)),
	                    "2020-02-29");
	assert_string_equal(iso(assure_add_months(day("2020-08-31"), 6)),
	                    "2021-02-28");
}

/*
 * A bad MASA_BANK_HOLIDAYS file, in a child process (the table is read
 * once per process): its message names the file, the line and the text.
 * First in the list, before this process reads the table.
 */
static void test_bad_file(void **state)
{
	char path[] = "/tmp/masa-holidays-XXXXXX";
	int fd = mkstemp(path), pipefd[2];
	char message[600] = {0};
	pid_t pid;
	int status;

	(void)state;
	assert_true(fd >= 0);
	assert_true(write(fd, "# ours\n2030-06-14,Local day\n14/06/2030,x\n",
	                  41) == 41);
	close(fd);
	assert_int_equal(pipe(pipefd), 0);
	pid = fork();
	if (pid == 0) {
		struct masa_error err = {0};
		enum masa_err rc = workdays_add_file(path, &err);

		if (write(pipefd[1], err.message, strlen(err.message)) < 0)
			_exit(3);
		_exit(rc == MASA_ERR_INVALID ? 0 : 1);
	}
	close(pipefd[1]);
	assert_true(read(pipefd[0], message, sizeof message - 1) >= 0);
	close(pipefd[0]);
	waitpid(pid, &status, 0);
	unlink(path);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	if (strstr(message, path) == NULL ||
	    strstr(message, "line 3") == NULL ||
	    strstr(message, "14/06/2030") == NULL)
		fail_msg("the message names the file, line and text: %s",
		         message);
}

/* A deployment's own holiday counts (in this process, from here on). */
static void test_own_file(void **state)
{
	char path[] = "/tmp/masa-holidays-XXXXXX";
	int fd = mkstemp(path);
	struct masa_error err = {0};

	(void)state;
	assert_true(fd >= 0);
	assert_true(write(fd, "2030-06-14,Local day\n", 21) == 21);
	close(fd);
	if (workdays_add_file(path, &err) != MASA_OK)
		fail_msg("%s", err.message);
	unlink(path);
	assert_string_equal(iso(workdays_add(day("2030-06-13"), 1)),
	                    "2030-06-17");
	assert_string_equal(workdays_holiday(day("2030-06-14")), "Local day");
	/* Too late now: the table is in use. */
	assert_int_equal(workdays_add_file(path, &err), MASA_ERR_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_bad_file),
	        cmocka_unit_test(test_own_file),
	        cmocka_unit_test(test_add_table),
	        cmocka_unit_test(test_holidays),
	        cmocka_unit_test(test_between),
	        cmocka_unit_test(test_inverse),
	        cmocka_unit_test(test_clock),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
