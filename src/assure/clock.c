/*
 * clock: the statutory clocks (see clock.h).
 */
#include "assure/clock.h"

#include <stdio.h>

#include "core/workdays.h"

void assure_clock_at(struct assure_clock *c, const char *label, date_days due,
                     bool done, date_days done_on, date_days today)
{
	c->label = label;
	c->due = due;
	c->done = done;
	c->done_on = done ? done_on : 0;
	c->working_days = 0;
	if (done && done_on <= due) {
		c->state = ASSURE_CLOCK_ON_TIME;
	} else if (done) {
		c->state = ASSURE_CLOCK_DONE_LATE;
		c->working_days = workdays_between(due, done_on);
	} else if (today <= due) {
		c->state = ASSURE_CLOCK_DUE;
		c->working_days = workdays_between(today, due);
	} else {
		c->state = ASSURE_CLOCK_OVERDUE;
		c->working_days = workdays_between(due, today);
	}
}

void assure_clock_working(struct assure_clock *c, const char *label,
                          date_days from, long working_days, bool done,
                          date_days done_on, date_days today)
{
	assure_clock_at(c, label, workdays_add(from, working_days), done,
	                done_on, today);
}

date_days assure_add_months(date_days from, int months)
{
	static const int days_in[] = {31, 28, 31, 30, 31, 30,
	                              31, 31, 30, 31, 30, 31};
	int y, m, d, last;

	date_to_ymd(from, &y, &m, &d);
	m += months;
	while (m > 12) {
		m -= 12;
		y++;
	}
	while (m < 1) {
		m += 12;
		y--;
	}
	last = days_in[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		last = 29;
	return date_from_ymd(y, m, d > last ? last : d);
}

void assure_clock_months(struct assure_clock *c, const char *label,
                         date_days from, int months, bool done,
                         date_days done_on, date_days today)
{
	assure_clock_at(c, label, assure_add_months(from, months), done,
	                done_on, today);
}

const char *assure_clock_state_name(enum assure_clock_state s)
{
	switch (s) {
	case ASSURE_CLOCK_DUE:
		return "due";
	case ASSURE_CLOCK_OVERDUE:
		return "overdue";
	case ASSURE_CLOCK_ON_TIME:
		return "on_time";
	case ASSURE_CLOCK_DONE_LATE:
		return "late";
	}
	return "due";
}

/* "1 working day", "3 working days". */
static const char *days_words(long n, char *out, size_t size)
{
	snprintf(out, size, "%ld working day%s", n, n == 1 ? "" : "s");
	return out;
}

const char *assure_clock_words(const struct assure_clock *c, char *out,
                               size_t size)
{
	char days[40];

	switch (c->state) {
	case ASSURE_CLOCK_ON_TIME:
		snprintf(out, size, "done on time");
		break;
	case ASSURE_CLOCK_DONE_LATE:
		/* Done on a weekend or holiday just after its day: late, but
		 * by no working day. */
		if (c->working_days == 0)
			snprintf(out, size, "done late");
		else
			snprintf(
			        out, size, "done %s late",
			        days_words(c->working_days, days, sizeof days));
		break;
	case ASSURE_CLOCK_DUE:
		if (c->working_days == 0)
			snprintf(out, size, "due today");
		else
			snprintf(
			        out, size, "due in %s",
			        days_words(c->working_days, days, sizeof days));
		break;
	case ASSURE_CLOCK_OVERDUE:
		if (c->working_days == 0)
			snprintf(out, size, "overdue");
		else
			snprintf(
			        out, size, "overdue by %s",
			        days_words(c->working_days, days, sizeof days));
		break;
	}
	return out;
}

bool assure_clock_pressing(const struct assure_clock *c, long within)
{
	return c->state == ASSURE_CLOCK_OVERDUE ||
	       (c->state == ASSURE_CLOCK_DUE && c->working_days <= within);
}
