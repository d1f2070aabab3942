/*
 * dashboard: the meeting lists the home page shows: minutes published most
 * recently, the meetings of the bodies a person sits on, and the meetings
 * held whose minutes still wait for approval or publication.
 */
#ifndef MASA_GOV_DASHBOARD_H
#define MASA_GOV_DASHBOARD_H

#include "gov/gov.h"
#include "gov/meeting.h"

/*
 * Meetings of the partnership whose minutes are published, the most
 * recently published first; at most limit. In a.
 */
enum masa_err gov_dashboard_published(struct gov *g, int64_t partnership_id,
                                      int limit, struct arena *a,
                                      struct gov_meeting_row **out, size_t *n,
                                      struct masa_error *err);
/*
 * Meetings from `from` on (not cancelled) of bodies person_id sits on (a
 * membership running on the meeting's date), by date; at most limit. In a.
 */
enum masa_err gov_dashboard_my_meetings(struct gov *g, int64_t person_id,
                                        const char *from, int limit,
                                        struct arena *a,
                                        struct gov_meeting_row **out, size_t *n,
                                        struct masa_error *err);
/*
 * Meetings before `before` (not cancelled) whose minutes are in status
 * (draft or approved), oldest first; at most limit, and *total of them in
 * all. In a.
 */
enum masa_err
gov_dashboard_minutes_waiting(struct gov *g, int64_t partnership_id,
                              const char *status, const char *before, int limit,
                              struct arena *a, struct gov_meeting_row **out,
                              size_t *n, size_t *total, struct masa_error *err);

#endif
