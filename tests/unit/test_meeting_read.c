/*
 * test_meeting_read: what a meeting's page reads, on the demo partnership
 * (data/demo.json): items with their presenters and deferrals, attendance
 * with organisations, declarations with names, the actions raised at a
 * meeting with their owners (one query for all of them), and a body's
 * meetings before and after one, including two on the same day.
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
#include "gov/item.h"
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
	struct gov_meeting board, ilsc;
};

#define MUST(f, call)                                                       \
	do {                                                                \
		if ((call) != MASA_OK)                                      \
			fail_msg("%s failed: %s", #call, (f)->err.message); \
	} while (0)

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (testdb_new(f->path, sizeof f->path, "meeting_read") != 0)
		fail_msg("no test database");
	MUST(f, store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err));
	gov_init(&f->g, f->store, "test");
	MUST(f, interchange_load_file(&f->g, "data/demo.json", &f->partnership,
	                              NULL, &f->err));
	MUST(f, gov_meeting_find(&f->g, f->partnership, "RLSCB/2014-12-04",
	                         &f->a, &f->board, &f->err));
	MUST(f, gov_meeting_find(&f->g, f->partnership, "ILSC/2019-07-09",
	                         &f->a, &f->ilsc, &f->err));
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

static void test_item_rows(void **state)
{
	struct fixture *f = *state;
	struct gov_item_row *rows;
	struct gov_item *items;
	size_t nrows, nitems;
	bool deferred = false;

	MUST(f, gov_item_rows(&f->g, test_system(f->partnership), f->board.id,
	                      &f->a, &rows, &nrows, &f->err));
	MUST(f, gov_item_list(&f->g, test_system(f->partnership), f->board.id,
	                      &f->a, &items, &nitems, &f->err));
	assert_int_equal(nrows, nitems);
	for (size_t i = 0; i < nrows; i++) {
		/* The same items in the same order as gov_item_list. */
		assert_int_equal(rows[i].item.id, items[i].id);
		assert_string_equal(rows[i].item.number, items[i].number);
		assert_string_equal(rows[i].item.title, items[i].title);
		assert_int_equal(rows[i].item.parent_id, items[i].parent_id);
		assert_int_equal(rows[i].item.confidential,
		                 items[i].confidential);
		assert_true((rows[i].presenter_name != NULL) ==
		            (items[i].presenter_id != 0));
	}
	assert_string_equal(rows[0].item.number, "1");
	assert_string_equal(rows[0].presenter_name, "Steve Ashley");
	assert_string_equal(rows[0].presenter_prefix, "Mr");

	MUST(f, gov_item_rows(&f->g, test_system(f->partnership), f->ilsc.id,
	                      &f->a, &rows, &nrows, &f->err));
	for (size_t i = 0; i < nrows; i++) {
		if (strcmp(rows[i].item.number, "17") != 0) {
			assert_null(rows[i].deferred_to_key);
			continue;
		}
		deferred = true;
		assert_string_equal(rows[i].item.status, "deferred");
		assert_string_equal(rows[i].deferred_to_key, "ILSC/2019-09-17");
		assert_string_equal(rows[i].deferred_to_date, "2019-09-17");
	}
	assert_true(deferred);
}

static const struct gov_attendee *attendee(struct gov_attendee *att, size_t n,
                                           const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(att[i].person_key, key) == 0)
			return &att[i];
	fail_msg("%s did not attend", key);
	return NULL;
}

static void test_attendance_organisations(void **state)
{
	struct fixture *f = *state;
	struct gov_attendee *att;
	size_t n;
	const struct gov_attendee *at;

	MUST(f,
	     gov_attendance_list(&f->g, f->board.id, &f->a, &att, &n, &f->err));
	at = attendee(att, n, "sue-cassin");
	assert_string_equal(at->role, "member");
	assert_string_equal(at->organisation_name,
	                    "Rotherham Clinical Commissioning Group");
	at = attendee(att, n, "steve-ashley");
	assert_string_equal(at->role, "chair");
	at = attendee(att, n, "shona-mcfarlane");
	assert_string_equal(at->a.status, "represented_by");
	assert_string_equal(at->substitute_name, "Sam Newton");
	/* Someone in attendance who is no member has no role. */
	at = attendee(att, n, "chrissy-wright");
	assert_null(at->role);
}

static void test_declaration_rows(void **state)
{
	struct fixture *f = *state;
	struct gov_declaration_row *rows;
	struct gov_person p;
	struct gov_item it;
	struct gov_declaration d = {0};
	size_t n;

	MUST(f, gov_declaration_rows(&f->g, test_system(f->partnership),
	                             f->board.id, &f->a, &rows, &n, &f->err));
	assert_int_equal(n, 0);
	MUST(f, gov_person_find(&f->g, f->partnership, "sue-cassin", &f->a, &p,
	                        &f->err));
	MUST(f, gov_item_find(&f->g, test_system(f->partnership), f->board.id,
	                      "4.1", &f->a, &it, &f->err));
	d.meeting_id = f->board.id;
	d.person_id = p.id;
	d.item_id = it.id;
	d.interest = "Employed by the CCG";
	MUST(f, gov_declaration_create(&f->g, &d, &f->err));
	d.item_id = 0;
	d.interest = "A governor of a school";
	MUST(f, gov_declaration_create(&f->g, &d, &f->err));
	MUST(f, gov_declaration_rows(&f->g, test_system(f->partnership),
	                             f->board.id, &f->a, &rows, &n, &f->err));
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].person_name, "Sue Cassin");
	assert_string_equal(rows[0].honorific_prefix, "Ms");
	assert_string_equal(rows[0].item_number, "4.1");
	assert_string_equal(rows[0].d.interest, "Employed by the CCG");
	assert_null(rows[1].item_number);
}

static void test_actions_of_a_meeting(void **state)
{
	struct fixture *f = *state;
	struct gov_action_entry *e;
	size_t n;

	MUST(f, gov_action_list_meeting(&f->g, test_system(f->partnership),
	                                f->board.id, &f->a, &e, &n, &f->err));
	assert_int_equal(n, 9);
	for (size_t i = 0; i < n; i++) {
		struct gov_action_owner *owners;
		size_t nowners, current = 0;

		assert_int_equal(e[i].action.number, (int64_t)i + 1);
		assert_int_equal(e[i].action.meeting_id, f->board.id);
		assert_string_equal(e[i].meeting_key, "RLSCB/2014-12-04");
		assert_string_equal(e[i].status_as_at, e[i].action.status);
		/* The owners attached are its owners now. */
		MUST(f, gov_action_owners(&f->g, e[i].action.id, &f->a, &owners,
		                          &nowners, &f->err));
		for (size_t k = 0; k < nowners; k++)
			current += owners[k].removed_by == 0;
		assert_int_equal(e[i].nowners, current);
		for (size_t k = 0; k < e[i].nowners; k++)
			assert_int_equal(e[i].owners[k].action_id,
			                 e[i].action.id);
	}
	assert_int_equal(e[7].nowners, 2);
	assert_string_equal(e[7].owners[0].name, "Maryke Turvey");
	assert_string_equal(e[7].owners[1].name, "Sarah Mainwaring");
	MUST(f, gov_action_list_meeting(&f->g, test_system(f->partnership),
	                                f->ilsc.id + 1000000, &f->a, &e, &n,
	                                &f->err));
	assert_int_equal(n, 0);
}

static void test_neighbours(void **state)
{
	struct fixture *f = *state;
	struct gov_meeting prev, next, second = {0}, p2, n2;

	MUST(f, gov_meeting_neighbours(&f->g, &f->ilsc, &f->a, &prev, &next,
	                               &f->err));
	assert_string_equal(prev.key, "ILSC/2019-06-11");
	assert_string_equal(next.key, "ILSC/2019-09-17");
	MUST(f, gov_meeting_neighbours(&f->g, &f->board, &f->a, &prev, &next,
	                               &f->err));
	assert_string_equal(prev.key, "RLSCB/2014-09-04");
	assert_int_equal(next.id, 0);

	/* A second meeting the same day comes after the first. */
	second.body_id = f->board.body_id;
	second.date = "2014-12-04";
	second.start_time = "17:00";
	second.status = "scheduled";
	MUST(f, gov_meeting_create(&f->g, &second, &f->err));
	MUST(f, gov_meeting_neighbours(&f->g, &f->board, &f->a, &prev, &next,
	                               &f->err));
	assert_string_equal(next.key, "RLSCB/2014-12-04-2");
	MUST(f, gov_meeting_get(&f->g, second.id, &f->a, &second, &f->err));
	MUST(f,
	     gov_meeting_neighbours(&f->g, &second, &f->a, &p2, &n2, &f->err));
	assert_string_equal(p2.key, "RLSCB/2014-12-04");
	assert_int_equal(n2.id, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(test_item_rows, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_attendance_organisations,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_declaration_rows, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_actions_of_a_meeting,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_neighbours, setup,
	                                        teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
