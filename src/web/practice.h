/*
 * practice: the pages of local child safeguarding practice reviews and
 * their recommendations (assure/review.h, assure/recommendation.h):
 *
 *   /reviews/practice                  the reviews a viewer may see, with
 *                                      their stage and publication clock
 *   /reviews/practice/new              commission one
 *   /reviews/practice/{ref}            everything about one, with forms
 *                                      to move its stage, ask for and
 *                                      receive contributions
 *   /reviews/practice/{ref}/edit       its details, sign-off, publication
 *                                      and hold
 *   /reviews/practice/{ref}/recommendations/new
 *   /reviews/practice/{ref}/recommendations/{n}
 *                                      one recommendation, its actions and
 *                                      evidence, with forms to raise an
 *                                      action, record evidence, judge it
 *                                      (chair) and close it
 *   /reviews/recommendations           the recommendations a viewer sees
 *                                      (?mine: a partner's own), and .csv
 *
 * What each viewer sees is decided by the domain (GOV_SQL_SEES_REVIEW,
 * GOV_SQL_SEES_RECOMMENDATION); showing a case to anyone but the public
 * reading a published review is written to the audit log.
 */
#ifndef MASA_WEB_PRACTICE_H
#define MASA_WEB_PRACTICE_H

#include "http/route.h"

extern const struct route practice_routes[];

#endif
