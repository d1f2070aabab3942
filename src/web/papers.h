/*
 * papers: a meeting's papers on the web (gov/paper.h): downloads for those
 * who may see them, and the business unit's page to upload papers and new
 * versions of them.
 *
 *   GET  /papers/{paper}                       the current file
 *   GET  /papers/{paper}/versions/{version}    an earlier version
 *   GET  /meetings/{body}/{date}/pack.pdf      the agenda pack (gov/pack.h)
 *   GET  /meetings/{body}/{date}/part-two-pack.pdf   the part-two pack
 *   GET  /meetings/{body}/{date}/papers        the papers (admin)
 *   POST /meetings/{body}/{date}/papers        upload (multipart/form-data)
 */
#ifndef MASA_WEB_PAPERS_H
#define MASA_WEB_PAPERS_H

#include "http/route.h"
#include "web/html.h"

extern const struct route papers_routes[];

/*
 * The "Papers" section of a meeting's page: the papers req's viewer may
 * see, with download links, and for an admin a link to manage them.
 */
void papers_section(struct html *h, struct http_request *req,
                    int64_t meeting_id, const char *meeting_href);

struct gov_meeting;
/*
 * The meeting the path names ({body}/{date}) for a business unit's page:
 * MASA_ERR_DENIED ("Only the business unit can DOING.") for anyone else,
 * MASA_ERR_NOT_FOUND ("There is no meeting B/D.") when there is none.
 */
enum masa_err papers_admin_meeting(struct http_request *req, const char *doing,
                                   struct gov_meeting *m,
                                   struct masa_error *err);

#endif
