/*
 * calendar: the public meetings calendar (GET /meetings) and the iCalendar
 * feeds of meetings, for the partnership (GET /meetings/calendar.ics) and
 * for one body (GET /bodies/{body}/calendar.ics), and the pieces of a
 * meeting listing that the body page shares (dates in words, status tags,
 * a table of meetings).
 *
 * Nothing on a calendar is confidential: only meeting-level data (date,
 * times, body, venue, status, whether minutes are published). Each meeting
 * links to its page, /meetings/{body}/{date} (its key).
 *
 * A feed holds the meetings of the last CALENDAR_FEED_PAST_YEARS years and
 * every future one, at most CALENDAR_FEED_MAX_EVENTS, so that the feed of a
 * partnership decades old stays small: calendar apps fetch it often.
 */
#ifndef MASA_WEB_CALENDAR_H
#define MASA_WEB_CALENDAR_H

#include <stdbool.h>

#include "gov/meeting.h"
#include "http/route.h"
#include "web/html.h"

enum {
	CALENDAR_FEED_PAST_YEARS = 2,
	CALENDAR_FEED_MAX_EVENTS = 5000,
	CALENDAR_PAGE_MAX_MEETINGS = 500, /* on GET /meetings at once */
};

extern const struct route_param calendar_page_params[];
extern const struct route_param calendar_feed_body_params[];

/* GET /meetings?from=DATE&to=DATE&body=SHORT */
enum masa_err calendar_page(struct http_request *req, struct masa_error *err);
/* GET /meetings/calendar.ics */
enum masa_err calendar_feed_all(struct http_request *req,
                                struct masa_error *err);
/* GET /bodies/{body}/calendar.ics */
enum masa_err calendar_feed_body(struct http_request *req,
                                 struct masa_error *err);

/* "Thursday 4 December 2014" for "2014-12-04" (in a); date itself if bad. */
const char *calendar_day_text(struct arena *a, const char *date);
/* "4 December 2014" for "2014-12-04" (in a); date itself if bad. */
const char *calendar_date_text(struct arena *a, const char *date);

/*
 * A GOV.UK table of meetings, in the order given, two columns so that it
 * fits a phone: date and time; the meeting (a link to its page; its body
 * when with_body; its venue; its status and, when the viewer may see them,
 * its minutes). caption: the
 * table's caption (a visually hidden one when hide_caption).
 */
void calendar_meeting_table(struct html *h, const struct http_request *req,
                            struct arena *a, const struct gov_meeting_row *rows,
                            size_t n, const char *caption, bool hide_caption,
                            bool with_body);

/* This module's routes (http/route.h), for cli/routes.c. */
extern const struct route calendar_routes[];

#endif
