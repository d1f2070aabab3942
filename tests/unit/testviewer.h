/*
 * testviewer: masa's own viewer for unit tests (gov_viewer_system), which
 * sees everything of the partnership it is given; lists scoped to a
 * partnership (actions) need the right one, lookups by meeting or id do not.
 */
#ifndef MASA_TESTS_TESTVIEWER_H
#define MASA_TESTS_TESTVIEWER_H

#include "gov/access.h"

/* Borrowed until the next call. */
static inline const struct gov_viewer *test_system(int64_t partnership)
{
	static struct gov_viewer v;

	gov_viewer_system(&v, partnership);
	return &v;
}

#endif
