/*
 * clock: the statutory clocks of the assurance pillar, one home for all:
 * the notification of a serious incident to the national panel (due 5
 * working days after the local authority became aware), the rapid review's
 * report to the panel (15 working days), a practice review's publication
 * (six calendar months after the decision). Pages, the API, the CSV, the
 * command line, the chair's home page and the reminders all read a clock's
 * state and words from here, so they cannot disagree.
 *
 * Working days are counted by core/workdays (England and Wales).
 */
#ifndef MASA_ASSURE_CLOCK_H
#define MASA_ASSURE_CLOCK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"

/* Working days to notify the national panel of a serious incident. */
#define ASSURE_NOTIFY_WORKING_DAYS 5
/* Working days to send the rapid review's report to the panel. */
#define ASSURE_RAPID_REVIEW_WORKING_DAYS 15
/* Calendar months from a decision to the publication of a review. */
#define ASSURE_PUBLICATION_MONTHS 6

enum assure_clock_state {
	ASSURE_CLOCK_DUE,       /* not done, due today or later */
	ASSURE_CLOCK_OVERDUE,   /* not done, and its day has passed */
	ASSURE_CLOCK_ON_TIME,   /* done on or before its day */
	ASSURE_CLOCK_DONE_LATE, /* done after its day */
};

struct assure_clock {
	const char *label; /* "Notification to the national panel" (static) */
	date_days due;
	bool done; /* done on `done_on` */
	date_days done_on;
	enum assure_clock_state state;
	/*
	 * Working days: how late it was done (DONE_LATE), how long it has
	 * been overdue (OVERDUE), how many are left (DUE; 0: due today).
	 * 0 for ON_TIME.
	 */
	long working_days;
};

/*
 * Fills c: label (borrowed, static), due on `due`, done on done_on when
 * done, its state on `today`.
 */
void assure_clock_at(struct assure_clock *c, const char *label, date_days due,
                     bool done, date_days done_on, date_days today);

/*
 * A clock due `working_days` working days after `from` (workdays_add), as
 * assure_clock_at.
 */
void assure_clock_working(struct assure_clock *c, const char *label,
                          date_days from, long working_days, bool done,
                          date_days done_on, date_days today);

/*
 * The day `months` calendar months after from: the same day of the month,
 * or the month's last day when it has no such day (31 August + 6 months is
 * 28 or 29 February).
 */
date_days assure_add_months(date_days from, int months);

/* A clock due `months` calendar months after `from`, as assure_clock_at. */
void assure_clock_months(struct assure_clock *c, const char *label,
                         date_days from, int months, bool done,
                         date_days done_on, date_days today);

/* The state's name for CSV and JSON: "due", "overdue", "on_time", "late". */
const char *assure_clock_state_name(enum assure_clock_state s);

/*
 * The state in words, into out (size >= 64): "done on time", "done 2
 * working days late", "due in 3 working days", "due today", "overdue by 4
 * working days". Returns out.
 */
const char *assure_clock_words(const struct assure_clock *c, char *out,
                               size_t size);

/* Whether the clock wants attention within `within` working days of today:
 * overdue, or due in at most `within` working days. */
bool assure_clock_pressing(const struct assure_clock *c, long within);

#endif
