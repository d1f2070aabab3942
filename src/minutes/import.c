/*
 * import: stores a minutes reading as a meeting (see import.h).
 */
#include "minutes/import.h"

enum masa_err minutes_import(struct gov *g, int64_t partnership_id,
                             const struct minutes_reading *r,
                             const char *body_short, struct arena *a,
                             struct minutes_import_result *out,
                             struct masa_error *err)
{
	(void)g;
	(void)partnership_id;
	(void)r;
	(void)body_short;
	(void)a;
	(void)out;
	return masa_error_set(err, MASA_ERR_INVALID, "not yet");
}
