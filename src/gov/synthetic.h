/*
 * synthetic: a large made-up partnership as a masa interchange document
 * (docs/interchange.md), for load tests, benchmarks and demonstrations at a
 * realistic size.
 *
 * The document describes "Northshire", an English county with its safeguarding
 * partners (council, police, integrated care board), relevant agencies, a
 * chief officers' group, an executive, a board, sub-groups, panels, a wider
 * partnership and a scrutiny committee, and the years of meetings, minutes,
 * attendance and memberships such a partnership builds up. Everything follows
 * from the seed through a private generator, so one (years, seed) pair always
 * gives the same document, on every platform.
 */
#ifndef MASA_GOV_SYNTHETIC_H
#define MASA_GOV_SYNTHETIC_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/error.h"

/* Limits: 1 <= years <= 50. */
#define SYNTHETIC_MIN_YEARS 1
#define SYNTHETIC_MAX_YEARS 50

/*
 * Builds the partnership's records for the given number of years ending on
 * 2026-03-31 (years = 10 gives about 40 bodies, 3,000 meetings, 40,000 agenda
 * items and 80,000 attendance rows; with actions, about 100,000 actions and
 * 300,000 updates in the bodies' action logs). On success *out is a new
 * reference that the caller releases with json_decref(); on failure *out is
 * NULL and err says why (MASA_ERR_INVALID for years out of range). Out of
 * memory aborts.
 */
enum masa_err synthetic_generate(int years, uint64_t seed, bool actions,
                                 json_t **out, struct masa_error *err);

#endif
