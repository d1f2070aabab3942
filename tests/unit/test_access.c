/*
 * test_access: who may see confidential items and papers, and who may
 * update an action, on the demo partnership (data/demo.json).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "testdb.h"
#include "testviewer.h"

#include "gov/access.h"
#include "gov/action.h"
#include "gov/interchange.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "store/store.h"

struct fixture {
	char path[TESTDB_SIZE];
	struct store *store;
	struct gov g;
	struct arena a;
	struct masa_error err;
	int64_t partnership;
	int64_t board_2014, ilsc_2019, action_10;
};

#define MUST(f, call)                                                       \
	do {                                                                \
		if ((call) != MASA_OK)                                      \
			fail_msg("%s failed: %s", #call, (f)->err.message); \
	} while (0)

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct gov_meeting m;
	struct gov_action act;

	if (testdb_new(f->path, sizeof f->path, "access") != 0)
		fail_msg("no test database");
	MUST(f, store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err));
	gov_init(&f->g, f->store, "test");
	MUST(f, interchange_load_file(&f->g, "data/demo.json", &f->partnership,
	                              NULL, &f->err));
	MUST(f, gov_meeting_find(&f->g, f->partnership, "RLSCB/2014-12-04",
	                         &f->a, &m, &f->err));
	f->board_2014 = m.id;
	MUST(f, gov_meeting_find(&f->g, f->partnership, "ILSC/2019-07-09",
	                         &f->a, &m, &f->err));
	f->ilsc_2019 = m.id;
	MUST(f, gov_action_find(&f->g, test_system(f->partnership),
	                        "RLSCB/2014-06-05/10", &f->a, &act, &f->err));
	f->action_10 = act.id;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	store_close(f->store);
	arena_free(&f->a);
	testdb_remove(f->path);
	free(f);
	return 0;
}

/* A viewer with role, person and organisation given by their keys. */
static struct gov_viewer viewer(struct fixture *f, enum gov_role role,
                                const char *person, const char *organisation)
{
	return test_viewer(&f->g, f->partnership, role, person, organisation);
}

static bool confidential(struct fixture *f, const struct gov_viewer *v,
                         int64_t meeting)
{
	bool yes = true;
	MUST(f, gov_may_see_confidential(&f->g, v, meeting, &yes, &f->err));
	return yes;
}

/* Sets meeting's minutes status and the date its agenda was published. */
static void set_published(struct fixture *f, int64_t meeting,
                          const char *minutes, const char *agenda)
{
	struct store_stmt *st;

	MUST(f, store_prepare(f->store,
	                      "UPDATE meeting SET minutes_status = ?1, "
	                      "agenda_published_on = ?2 WHERE id = ?3",
	                      &st, &f->err));
	store_bind_text(st, 1, minutes);
	store_bind_text(st, 2, agenda);
	store_bind_int(st, 3, meeting);
	MUST(f, store_run(st, NULL, &f->err));
}

static bool papers(struct fixture *f, const struct gov_viewer *v,
                   int64_t meeting)
{
	bool yes = true;
	MUST(f, gov_may_see_papers(&f->g, v, meeting, &yes, &f->err));
	return yes;
}

static bool update(struct fixture *f, const struct gov_viewer *v)
{
	bool yes = true;
	MUST(f, gov_may_update_action(&f->g, v, f->action_10, &yes, &f->err));
	return yes;
}

static void test_confidential_items(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer pub, admin, board_member, councillor, chair, stranger;

	gov_viewer_public(&pub, f->partnership);
	admin = viewer(f, GOV_ROLE_ADMIN, NULL, NULL);
	board_member = viewer(f, GOV_ROLE_MEMBER, "sue-cassin", NULL);
	councillor = viewer(f, GOV_ROLE_MEMBER, "cusworth", NULL);
	chair = viewer(f, GOV_ROLE_CHAIR, "cusworth", NULL);
	stranger = admin;
	stranger.partnership_id = f->partnership + 1000;

	assert_false(confidential(f, &pub, f->board_2014));
	assert_true(confidential(f, &admin, f->board_2014));
	assert_true(confidential(f, &board_member, f->board_2014));
	assert_false(confidential(f, &councillor, f->board_2014));
	assert_true(confidential(f, &councillor, f->ilsc_2019));
	/* A chair who is not a member of the body does not see part 2. */
	assert_false(confidential(f, &chair, f->board_2014));
	/* Nor does an admin of another partnership. */
	assert_false(confidential(f, &stranger, f->board_2014));
}

static void test_papers(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer pub, councillor, chair, board_member;

	gov_viewer_public(&pub, f->partnership);
	councillor = viewer(f, GOV_ROLE_MEMBER, "cusworth", NULL);
	chair = viewer(f, GOV_ROLE_CHAIR, "cusworth", NULL);
	board_member = viewer(f, GOV_ROLE_MEMBER, "sue-cassin", NULL);
	/* Published minutes: the open papers are everyone's. */
	assert_true(papers(f, &pub, f->board_2014));
	assert_true(papers(f, &councillor, f->board_2014));
	/* Before anything is published, the body's members and chairs. */
	set_published(f, f->board_2014, "draft", NULL);
	assert_false(papers(f, &pub, f->board_2014));
	assert_false(papers(f, &councillor, f->board_2014));
	assert_true(papers(f, &chair, f->board_2014));
	assert_true(papers(f, &board_member, f->board_2014));
	/* Once the agenda is published, everyone again. */
	set_published(f, f->board_2014, "draft", "2014-12-01");
	assert_true(papers(f, &pub, f->board_2014));
	assert_true(papers(f, &councillor, f->board_2014));
}

static void test_updating_actions(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer pub, admin, owner, replaced, police, trust, stranger;

	/* RLSCB/2014-06-05/10: Paul Grimwood and Jason Harwin (who replaced
	 * Pete Horner) own it; Jason Harwin is South Yorkshire Police. */
	gov_viewer_public(&pub, f->partnership);
	admin = viewer(f, GOV_ROLE_ADMIN, NULL, NULL);
	owner = viewer(f, GOV_ROLE_MEMBER, "paul-grimwood", NULL);
	replaced = viewer(f, GOV_ROLE_MEMBER, "pete-horner", NULL);
	police = viewer(f, GOV_ROLE_PARTNER, "steve-ashley",
	                "south-yorkshire-police");
	trust = viewer(f, GOV_ROLE_PARTNER, "steve-ashley",
	               "rotherham-nhs-foundation-trust");
	stranger = owner;
	stranger.partnership_id = f->partnership + 1000;

	assert_false(update(f, &pub));
	assert_true(update(f, &admin));
	assert_true(update(f, &owner));
	assert_false(update(f, &replaced));
	assert_true(update(f, &police));
	assert_false(update(f, &trust));
	assert_false(update(f, &stranger));
	assert_false(gov_may_administer(&owner, f->partnership));
	assert_true(gov_may_administer(&admin, f->partnership));
}

static void test_minutes(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer pub, member, stranger;
	struct gov_meeting published, draft;

	gov_viewer_public(&pub, f->partnership);
	member = viewer(f, GOV_ROLE_MEMBER, "cusworth", NULL);
	stranger = viewer(f, GOV_ROLE_ADMIN, NULL, NULL);
	stranger.partnership_id = f->partnership + 1000;
	MUST(f, gov_meeting_find(&f->g, f->partnership, "RLSCB/2014-12-04",
	                         &f->a, &published, &f->err));
	MUST(f, gov_meeting_find(&f->g, f->partnership, "RLSCB-CSE/2014-12-10",
	                         &f->a, &draft, &f->err));
	assert_string_equal(draft.minutes_status, "draft");
	assert_true(gov_may_see_minutes(&pub, &published));
	assert_false(gov_may_see_minutes(&pub, &draft));
	assert_true(gov_may_see_minutes(&member, &draft));
	assert_false(gov_may_see_minutes(&stranger, &published));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(test_confidential_items, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_minutes, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_papers, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_updating_actions, setup,
	                                        teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
