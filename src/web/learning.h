/*
 * learning: the public face of the partnership's learning from reviews:
 *
 *   /learning            published practice reviews with their summaries
 *                        and reports, and published learning briefings;
 *                        the business unit adds a briefing here (with its
 *                        file) and sees those not yet published
 *   /learning/{id}       one briefing: its summary, file and circulation,
 *                        with forms to publish it and record where it was
 *                        sent
 *   /learning/{id}/file  its file
 *
 * Who sees a briefing is GOV_SQL_SEES_BRIEFING (gov/access.h); the public
 * page of a published review is not a case view and is not audited.
 */
#ifndef MASA_WEB_LEARNING_H
#define MASA_WEB_LEARNING_H

#include "http/route.h"

extern const struct route learning_routes[];

#endif
