/*
 * testviewer: masa's own viewer for unit tests (gov_viewer_system), which
 * sees everything of the partnership it is given; lists scoped to a
 * partnership (actions) need the right one, lookups by meeting or id do not.
 */
#ifndef MASA_TESTS_TESTVIEWER_H
#define MASA_TESTS_TESTVIEWER_H

#include "gov/access.h"
#include "gov/partnership.h"

/* Borrowed until the next call. */
static inline const struct gov_viewer *test_system(int64_t partnership)
{
	static struct gov_viewer v;

	gov_viewer_system(&v, partnership);
	return &v;
}

/*
 * A viewer of partnership with role, its person and organisation given by
 * their keys (NULL for none); the test fails when a key is not known. The
 * test must include <cmocka.h> first.
 */
static inline struct gov_viewer test_viewer(struct gov *g, int64_t partnership,
                                            enum gov_role role,
                                            const char *person,
                                            const char *organisation)
{
	struct gov_viewer v = {.role = role, .partnership_id = partnership};
	struct arena a = ARENA_INIT;
	struct masa_error err = {0};
	struct gov_person p;
	struct gov_organisation o;

	if (person != NULL) {
		if (gov_person_find(g, partnership, person, &a, &p, &err))
			fail_msg("no person %s: %s", person, err.message);
		v.person_id = p.id;
	}
	if (organisation != NULL) {
		if (gov_organisation_find(g, partnership, organisation, &a, &o,
		                          &err))
			fail_msg("no organisation %s: %s", organisation,
			         err.message);
		v.organisation_id = o.id;
	}
	arena_free(&a);
	return v;
}

#endif
