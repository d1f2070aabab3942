/*
 * reviews (API): practice reviews, their recommendations and the published
 * learning briefings under /api/v1/ (docs/api.md):
 *
 *   GET   /api/v1/reviews                        the reviews v sees
 *   POST  /api/v1/reviews                        commission one (chair, admin)
 *   GET   /api/v1/reviews/{ref}                  one, with its stages and
 *                                                contributions for its case
 *   PATCH /api/v1/reviews/{ref}                  change it, move its stage
 *   GET   /api/v1/reviews/{ref}/recommendations  with actions and evidence
 *   POST  /api/v1/reviews/{ref}/recommendations  add one
 *   GET   /api/v1/learning                       published briefings
 *
 * Visibility is the domain's (GOV_SQL_SEES_REVIEW...); reading a case is
 * written to the audit log.
 */
#ifndef MASA_API_REVIEWS_H
#define MASA_API_REVIEWS_H

#include "http/route.h"

extern const struct route api_review_routes[];

#endif
