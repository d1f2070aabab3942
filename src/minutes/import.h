/*
 * import: stores a minutes reading (reader.h) as a meeting of a body, in one
 * transaction through the gov layer: the meeting, its attendance (people
 * matched by name to the partnership's people, new ones created), items
 * with their minutes and resolutions, the actions raised in them with
 * their owners, and an appended action log as the body's action history.
 * Importing the same reading twice changes nothing.
 */
#ifndef MASA_MINUTES_IMPORT_H
#define MASA_MINUTES_IMPORT_H

#include <stdbool.h>

#include "gov/gov.h"
#include "minutes/reader.h"

struct minutes_import_result {
	const char *meeting_key; /* "RLSCB/2014-12-04"; owned by the arena */
	bool already;            /* the same meeting was already imported */
	size_t people_created, attendance, items, resolutions, actions,
	        log_actions, updates;
};

/*
 * Imports r into partnership_id as a meeting of the body whose short name is
 * body_short (or, when NULL, the body the minutes name). Refuses a reading
 * with no date, an unknown body, or a meeting of that body on that date
 * holding something else. Text in *out is owned by a.
 */
enum masa_err minutes_import(struct gov *g, int64_t partnership_id,
                             const struct minutes_reading *r,
                             const char *body_short, struct arena *a,
                             struct minutes_import_result *out,
                             struct masa_error *err);

#endif
