/*
 * agenda: what the business unit does before a meeting. Scheduling one
 * meeting or a series of them ("quarterly, first Thursday"), moving and
 * cancelling a meeting, and building its agenda: items from the proposed
 * draft (gov_agenda_draft), added, reordered and removed, then published
 * so that everyone sees the open items and their papers (gov/access.h,
 * GOV_SQL_SEES_AGENDA).
 *
 * Every change here runs in one transaction and stores nothing when it is
 * refused.
 */
#ifndef MASA_GOV_AGENDA_H
#define MASA_GOV_AGENDA_H

#include "gov/gov.h"
#include "gov/item.h"
#include "gov/meeting.h"

/* The most meetings one series schedules. */
enum { GOV_SERIES_MAX = 120 };

extern const char *const gov_series_frequencies[]; /* "once", "monthly"... */
extern const char *const gov_series_weeks[];       /* "first".."last" */
extern const char *const gov_weekdays[];           /* "monday".."sunday" */
/* Exemptions the forms offer (free text is allowed too). */
extern const char *const gov_part_two_exemptions[];

/*
 * When the meetings of a series fall. every: "once" (just `from`),
 * "monthly", "bimonthly", "quarterly", "yearly" (months apart, counted
 * from the month of `from`) or "weeks" (every `weeks` weeks from the first
 * `weekday` on or after `from`). In a month the day is the `week` ("first"
 * .."fourth", "last") `weekday` of it, or else day_of_month (a month
 * shorter than it takes its last day). The series ends at `until` (a date)
 * or after `count` meetings: one of them is required.
 */
struct gov_series {
	const char *every;
	int weeks;           /* for "weeks": 1-52 */
	const char *weekday; /* "thursday", or NULL with day_of_month */
	const char *week;    /* "first".."fourth", "last" */
	int day_of_month;    /* 1-31, or 0 */
	const char *from;    /* YYYY-MM-DD: the first possible day */
	const char *until;   /* YYYY-MM-DD, or NULL */
	int count;           /* or 0 */
};

/*
 * The dates of series s, in order, as "YYYY-MM-DD" in a (*dates[*n]).
 * MASA_ERR_INVALID naming the field for a series with no end, a bad
 * weekday, or one that would make more than GOV_SERIES_MAX meetings.
 */
enum masa_err gov_series_dates(const struct gov_series *s, struct arena *a,
                               char ***dates, size_t *n,
                               struct masa_error *err);

/*
 * Schedules a meeting of like->body_id (with its name, times, location and
 * webcast) on every date of s, all or none: MASA_ERR_CONFLICT, storing
 * nothing, when a date falls on another meeting of the same body (the
 * message says which date). *ids (in a) get the meetings made, *n of them.
 */
enum masa_err gov_meeting_schedule(struct gov *g,
                                   const struct gov_meeting *like,
                                   const struct gov_series *s, struct arena *a,
                                   int64_t **ids, size_t *n,
                                   struct masa_error *err);

/*
 * Moves meeting id to date at start-end (either NULL for none) in location
 * (NULL: unchanged). Its key (and so its page address) stays what it was;
 * MASA_ERR_CONFLICT when the body has another meeting that day or when
 * version (0: not checked) is not the stored one.
 */
enum masa_err gov_meeting_move(struct gov *g, int64_t id, int64_t version,
                               const char *date, const char *start,
                               const char *end, const char *location,
                               struct masa_error *err);

/* Marks meeting id cancelled (it is kept, and shown as cancelled). */
enum masa_err gov_meeting_cancel(struct gov *g, int64_t id, int64_t version,
                                 struct masa_error *err);

/*
 * Adds the items masa proposes (gov_agenda_draft) to meeting id, after
 * its present items, numbered on from them; a programme entry proposed is
 * marked on_agenda with its item. *added: how many.
 */
enum masa_err gov_agenda_add_draft(struct gov *g, int64_t meeting_id,
                                   size_t *added, struct masa_error *err);

/*
 * Adds item it at the end of its meeting's agenda (under it->parent_id
 * when set); a NULL number becomes the next whole number after the
 * meeting's main items (the text in a).
 */
enum masa_err gov_agenda_add(struct gov *g, struct gov_item *it,
                             struct arena *a, struct masa_error *err);

/*
 * Moves item_id one place up (by -1) or down (by 1) among the items under
 * the same parent. The two items swap places, and, when both are
 * numbered with whole numbers, their numbers too (their sub-items'
 * numbers "3.1" follow), so that the agenda reads 1, 2, 3 in order.
 * MASA_ERR_INVALID when it is already first or last.
 */
enum masa_err gov_agenda_move(struct gov *g, int64_t item_id, int by,
                              struct masa_error *err);

/*
 * Removes item_id from its agenda: only an item with nothing recorded on
 * it (no minutes text, resolutions, papers, actions, sub-items,
 * declarations, arrivals or departures, programme entries); the message
 * says what is there otherwise.
 */
enum masa_err gov_agenda_remove(struct gov *g, int64_t item_id,
                                struct masa_error *err);

/*
 * Publishes meeting id's agenda on `on` (YYYY-MM-DD): refused when it has
 * no items. With on NULL, withdraws it: only before the meeting (today is
 * before its date). version as for gov_meeting_update.
 */
enum masa_err gov_agenda_publish(struct gov *g, int64_t meeting_id,
                                 int64_t version, const char *on,
                                 struct masa_error *err);

/*
 * Records that person_id (whose attendance at meeting_id is recorded)
 * arrived at the start of arrived_item_id and left during left_item_id
 * (either 0 for none). The items are checked as gov_attendance_update does.
 */
enum masa_err gov_attendance_at_items(struct gov *g, int64_t meeting_id,
                                      int64_t person_id,
                                      int64_t arrived_item_id,
                                      int64_t left_item_id,
                                      struct masa_error *err);

#endif
