/*
 * circulate: the business unit's pages to send a meeting's agenda pack, a
 * paper or the draft minutes by e-mail, and the record of who was sent
 * what (gov/circulate.h).
 *
 *   GET  /meetings/{body}/{date}/circulate       what and to whom (admin)
 *   POST /meetings/{body}/{date}/circulate       the preview; with send=yes,
 *                                                sends, 303 to the record
 *   GET  /meetings/{body}/{date}/circulation     the record (admin)
 *   POST /meetings/{body}/{date}/circulation/{row}/resend
 *                                                send again to one person
 */
#ifndef MASA_WEB_CIRCULATE_H
#define MASA_WEB_CIRCULATE_H

#include "gov/circulate.h"
#include "http/route.h"
#include "web/html.h"

extern const struct route circulate_routes[];

/*
 * Writes, for the thing what ("paper", "pack"...) and paper_id (0 for
 * others) in rows (from gov_circulation_record, so only what the viewer may
 * see), one line per day it was sent: "Sent to 24 members on 27 November
 * 2014", who they were (a details list) and who was not sent it and why.
 * Nothing when it was never sent.
 */
void circulation_lines(struct html *h, struct arena *a,
                       const struct gov_circulation_row *rows, size_t n,
                       const char *what, int64_t paper_id);

/*
 * The same for the agenda pack, the part-two pack and the draft minutes,
 * each under its name, when any was sent: for the meeting page's papers.
 */
void circulation_packs(struct html *h, struct arena *a,
                       const struct gov_circulation_row *rows, size_t n);

#endif
