/*
 * agenda (web): the business unit's pages for scheduling meetings (one or a
 * series) and for managing one meeting before and at it: move, cancel,
 * webcast and part two, the agenda builder (from the proposed draft, add,
 * reorder, remove, presenter and part two of each item), publishing the
 * agenda, declarations of interest, arrivals and departures.
 *
 *   GET  /meetings/schedule                        the scheduling form
 *   POST /meetings/schedule
 *   GET  /meetings/{body}/{date}/manage            the management page
 *   POST /meetings/{body}/{date}/manage/{form}     its forms
 *
 * All for admins (GOV_ROLE_ADMIN); the changes are gov/agenda.h's.
 */
#ifndef MASA_WEB_AGENDA_H
#define MASA_WEB_AGENDA_H

#include "http/route.h"

extern const struct route agenda_routes[];

/*
 * The meeting page's answer for /meetings/{body}/{date} when no meeting has
 * that key: a meeting of the body moved to that date keeps its key (its
 * first date), so this sends the browser there (303). MASA_ERR_NOT_FOUND
 * when there is none either.
 */
enum masa_err agenda_moved_meeting(struct http_request *req,
                                   struct masa_error *err);

#endif
