/*
 * assure: the rules every record of the assurance pillar shares (one home
 * each): a case reference is never a child's name or date of birth; the
 * age bands a case is described by; the suppression of small numbers on
 * every figure that anyone but the panel sees.
 *
 * Who may see a case is decided in src/gov/access.h (GOV_SQL_SEES_CASE,
 * GOV_SQL_SEES_REVIEW, GOV_SQL_SEES_RECOMMENDATION, GOV_SQL_SEES_BRIEFING,
 * GOV_SQL_SEES_CHILD_DEATH), and reading one is written to the audit log
 * (assure_audit_view).
 */
#ifndef MASA_ASSURE_ASSURE_H
#define MASA_ASSURE_ASSURE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "gov/gov.h"

/* The longest case reference. */
#define ASSURE_REFERENCE_MAX 40

/*
 * Checks a case reference ("CDOP-2024-017", "RR/24/03", "SCR-CHILD-J"):
 * 1 to 40 characters of letters, digits and - / . _, at least one digit
 * or a single capital letter standing alone ("Child J" is written
 * CHILD-J); no spaces (a name has them); no word in lower or mixed case
 * of three or more letters ("Smith") but the few that anonymised
 * references use (child, baby, case, family, review); nothing that reads
 * as a date (12/03/2019, 2019-03-12, 120319...), which would be a date of
 * birth. MASA_ERR_INVALID naming `field` and saying why otherwise.
 */
enum masa_err assure_reference_check(const char *field, const char *ref,
                                     struct masa_error *err);

/*
 * The age bands of a child in a case, as the national child mortality
 * database groups them, and unborn for a serious incident before birth:
 * "unborn", "0-27d" (0 to 27 days), "28-364d" (28 to 364 days), "1-4",
 * "5-9", "10-14", "15-17". NULL-terminated, in order.
 */
extern const char *const assure_age_bands[];
/* Words for a band ("28 to 364 days"), or NULL for no band. */
const char *assure_age_band_label(const char *band);
/* MASA_ERR_INVALID naming field and the bands, unless band is one. */
enum masa_err assure_age_band_check(const char *field, const char *band,
                                    struct masa_error *err);

/*
 * Small numbers: a count from 1 to ASSURE_SUPPRESS_BELOW - 1 could point
 * to a child, so every figure anyone but the panel (or the body holding
 * the cases) sees shows it as "fewer than 6". 0 and 6 or more are shown.
 */
#define ASSURE_SUPPRESS_BELOW 6
bool assure_suppressed(long count);
/*
 * The count as a reader may see it, into out (size >= 16): "0", "7",
 * or "fewer than 6" when suppress and assure_suppressed(count).
 */
const char *assure_count_text(long count, bool suppress, char *out,
                              size_t size);

/*
 * Writes to the audit log that the actor of g read the case
 * (entity "incident", "practice_review", "child_death") with id: action
 * "view", the reader in actor. Every page, API route and export that shows
 * one case calls it.
 */
enum masa_err assure_audit_view(struct gov *g, const char *entity, int64_t id,
                                struct masa_error *err);

#endif
