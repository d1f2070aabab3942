/*
 * action_rules: the one home of each rule about an action on a date, which
 * every action query (the board's printed log, the log pages, the JSON
 * API, the open and overdue lists, the counts, reminders) uses, so that the
 * command line, the pages and the API cannot drift apart:
 *
 *  - due: an action is due on its due date or, "by the next meeting", on
 *    the date of its due meeting (it has one or the other, or neither);
 *  - status on a date: the status the latest update on or before the date
 *    set (the later of two on one day), or open when none had set one;
 *  - owners on a date: an owner row runs from the day of the update that
 *    added it (or from the raising) up to, not including, the day of the
 *    update that removed it: an owner replaced on the 5th owned the action
 *    on the 4th and not on the 5th;
 *  - finished: discharged, closed or superseded; open otherwise (open,
 *    in_progress);
 *  - overdue on a date: open then and due before that date. An action due
 *    today is not overdue; due yesterday, it is 1 day overdue. An action
 *    with no due date (and no due meeting) is never overdue, and a finished
 *    one never is.
 *
 * The SQL macros take the aliases or expressions they apply to as string
 * literals (GOV_SQL_ACTION_DUE("a", "dm") for action a and its due meeting
 * dm) and the date as the statement's parameter ("?2"). Where a rule is
 * also needed over rows already read, its C function is beside it and
 * says the same thing.
 */
#ifndef MASA_GOV_ACTION_RULES_H
#define MASA_GOV_ACTION_RULES_H

#include <stdbool.h>

struct gov_action_owner;

/* The date action a is due, with dm its due meeting (LEFT JOINed). */
#define GOV_SQL_ACTION_DUE(a, dm) "COALESCE(" dm ".date, " a ".due_date)"

/* Status s (an expression) is a finished one. */
#define GOV_SQL_STATUS_DONE(s) \
	"(" s " IN ('discharged', 'closed', 'superseded'))"
/* Status s is an open one (open, in_progress). */
#define GOV_SQL_STATUS_OPEN(s) "(" s " IN ('open', 'in_progress'))"

/*
 * The status of action a on date d. An update sets a.status when it sets
 * one, so when no update is dated after d the latest one on or before d
 * set a.status (or none did: open); only an action updated after d has its
 * status on d replayed from the history. A list as at today replays
 * nothing (updates dated after today are refused).
 */
#define GOV_SQL_ACTION_STATUS_ON(a, d)                                         \
	"(CASE WHEN EXISTS (SELECT 1 FROM action_update sl WHERE "             \
	"sl.action_id = " a ".id AND sl.on_date > " d ") THEN "                \
	"COALESCE((SELECT su.status FROM action_update su WHERE "              \
	"su.action_id = " a ".id AND su.status IS NOT NULL AND su.on_date <= " \
	"" d " ORDER BY su.on_date DESC, su.id DESC LIMIT 1), 'open') "        \
	"ELSE " a ".status END)"

/*
 * Action a may have been open on d: not finished by then, or finished and
 * reopened. closed_on is the day a finished status was last set (NULL
 * while open), so this is an index range that leaves out the long tail of
 * finished actions before GOV_SQL_ACTION_STATUS_ON decides.
 */
#define GOV_SQL_ACTION_MAYBE_OPEN_ON(a, d) \
	"(" a ".closed_on IS NULL OR " a ".closed_on > " d ")"

/* Owner row o ran on date d (see the top). */
#define GOV_SQL_OWNER_ON(o, d)                                              \
	"(COALESCE((SELECT oa.on_date FROM action_update oa WHERE oa.id = " \
	"" o ".added_by), '0000-01-01') <= " d " AND COALESCE((SELECT "     \
	"orm.on_date FROM action_update orm WHERE orm.id = " o              \
	".removed_by), '9999-12-31') > " d ")"

/* Action due on due, with status then, is overdue on d. */
#define GOV_SQL_ACTION_OVERDUE(due, status, d)  \
	"(" due " IS NOT NULL AND " due " < " d \
	" AND " GOV_SQL_STATUS_OPEN(status) ")"

/* True for discharged, closed and superseded (GOV_SQL_STATUS_DONE). */
bool gov_action_status_done(const char *status);

/*
 * Days overdue on `on` (YYYY-MM-DD) of an action due on `due` (or NULL)
 * with status `status` then: 0 when not overdue (GOV_SQL_ACTION_OVERDUE),
 * else the days from due to on (1 the day after it was due).
 */
long gov_action_days_overdue(const char *due, const char *status,
                             const char *on);

/* Did owner o (as read with its added_on and removed_on) run on date? */
bool gov_action_owner_on(const struct gov_action_owner *o, const char *date);

#endif
