/*
 * documents: the documents the public downloads, as files rather than
 * pages: the public copy of a meeting's minutes as a PDF
 * (/meetings/{body}/{date}/minutes.pdf), made once and kept until the
 * minutes change (minutes/publish.h, publish_public_pdf).
 */
#ifndef MASA_WEB_DOCUMENTS_H
#define MASA_WEB_DOCUMENTS_H

#include "gov/meeting.h"
#include "http/route.h"
#include "web/html.h"

enum masa_err documents_minutes_pdf(struct http_request *req,
                                    struct masa_error *err);

/*
 * On a meeting's page: the link "Download the minutes (PDF, 98 KB)" when
 * the public may read m's minutes (nothing otherwise). The size is of the
 * document as last made; one is made now when none is kept yet.
 */
void documents_minutes_link(struct html *h, struct http_request *req,
                            const struct gov_meeting *m);

/* This module's routes (http/route.h), for cli/routes.c. */
extern const struct route documents_routes[];

#endif
