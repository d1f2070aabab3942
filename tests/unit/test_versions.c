/*
 * test_versions: two editors of the same record at once, as two masa
 * servers over one database would be: two connections (two stores) to the
 * demo partnership (data/demo.json). Each change of an action, a meeting or
 * an item adds one to its version; a change made against a version that is
 * no longer the stored one is refused with MASA_ERR_CONFLICT and a message
 * a person can act on, and nothing of it is stored; version 0 (the command
 * line, masa's own changes) does not check.
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
#include "gov/body.h"
#include "gov/interchange.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "store/store.h"

/* One editor: a connection of its own, as a server's worker has. */
struct editor {
	struct store *store;
	struct gov g;
};

struct fixture {
	char path[TESTDB_SIZE];
	struct editor one, two;
	struct arena a;
	struct masa_error err;
	int64_t partnership;
	int64_t action;  /* RLSCB/2014-06-05/10, open */
	int64_t meeting; /* RLSCB/2014-12-04 */
	int64_t item;    /* its first item */
};

#define MUST(f, call)                                                       \
	do {                                                                \
		if ((call) != MASA_OK)                                      \
			fail_msg("%s failed: %s", #call, (f)->err.message); \
	} while (0)

/* Asserts the last call failed with code and exactly message. */
#define EXPECT_ERR(f, call, code_, message_)                       \
	do {                                                       \
		masa_error_clear(&(f)->err);                       \
		assert_int_equal((call), (code_));                 \
		assert_int_equal((f)->err.code, (code_));          \
		assert_string_equal((f)->err.message, (message_)); \
	} while (0)

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct gov_meeting m;
	struct gov_action act;
	struct gov_item *items;
	size_t n;

	if (testdb_new(f->path, sizeof f->path, "versions") != 0)
		fail_msg("no test database");
	MUST(f, store_open(f->path, STORE_OPEN_CREATE, &f->one.store, &f->err));
	gov_init(&f->one.g, f->one.store, "test:one");
	MUST(f, interchange_load_file(&f->one.g, "data/demo.json",
	                              &f->partnership, NULL, &f->err));
	MUST(f,
	     store_open(f->path, STORE_OPEN_EXISTING, &f->two.store, &f->err));
	gov_init(&f->two.g, f->two.store, "test:two");
	MUST(f, gov_action_find(&f->one.g, test_system(f->partnership),
	                        "RLSCB/2014-06-05/10", &f->a, &act, &f->err));
	f->action = act.id;
	MUST(f, gov_meeting_find(&f->one.g, f->partnership, "RLSCB/2014-12-04",
	                         &f->a, &m, &f->err));
	f->meeting = m.id;
	MUST(f, gov_item_list(&f->one.g, test_system(f->partnership), m.id,
	                      &f->a, &items, &n, &f->err));
	assert_true(n > 0);
	f->item = items[0].id;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->two.store);
	store_close(f->one.store);
	arena_free(&f->a);
	testdb_remove(f->path);
	free(f);
	return 0;
}

/* What a refused change must leave as it was. */
static const char SQL_SNAPSHOT[] =
        "SELECT (SELECT COUNT(*) FROM action_update) || ',' || "
        "(SELECT COUNT(*) FROM action_owner) || ',' || "
        "(SELECT COUNT(*) FROM audit_log) || ',' || "
        "(SELECT version || status || COALESCE(due_date, '-') "
        "FROM action WHERE id = ?1) || ',' || "
        "(SELECT version || status || minutes_status FROM meeting "
        "WHERE id = ?2) || ',' || "
        "(SELECT version || status || COALESCE(minutes, '-') FROM item "
        "WHERE id = ?3)";

static char *snapshot(struct fixture *f)
{
	struct masa_error err = {0};
	struct store_stmt *st;
	bool row = false;
	char *s;

	assert_int_equal(store_prepare(f->one.store, SQL_SNAPSHOT, &st, &err),
	                 MASA_OK);
	store_bind_int(st, 1, f->action);
	store_bind_int(st, 2, f->meeting);
	store_bind_int(st, 3, f->item);
	assert_int_equal(store_step(st, &row, &err), MASA_OK);
	assert_true(row);
	s = arena_strdup(&f->a, store_column_text(st, 0));
	store_done(st);
	return s;
}

static int64_t action_version(struct fixture *f, struct editor *e)
{
	struct gov_action act;

	MUST(f, gov_action_get(&e->g, test_system(f->partnership), f->action,
	                       &f->a, &act, &f->err));
	return act.version;
}

static const char *stale_message(struct fixture *f, const char *what,
                                 int64_t now)
{
	return arena_printf(&f->a,
	                    "someone else changed this %s since you opened it "
	                    "(now version %lld): reload it, check their "
	                    "change, and make yours again",
	                    what, (long long)now);
}

/* An update by e to the action, made against version seen. */
static enum masa_err add_update(struct fixture *f, struct editor *e,
                                int64_t seen, const char *text,
                                const char *status)
{
	struct gov_action_update u = {
	        .action_id = f->action,
	        .on_date = "2015-01-05",
	        .text = (char *)text,
	        .status = (char *)status,
	        .action_version = seen,
	};

	return gov_action_update(&e->g, &u, NULL, 0, NULL, 0, &f->err);
}

static void test_action_second_writer_is_told(void **state)
{
	struct fixture *f = *state;
	int64_t seen = action_version(f, &f->one);
	char *before;

	/* Both open the action; each reads the same version. */
	assert_true(seen >= 1);
	assert_int_equal(action_version(f, &f->two), seen);
	/* The first update wins and adds one, with or without a status. */
	MUST(f, add_update(f, &f->one, seen, "Letter sent", NULL));
	assert_int_equal(action_version(f, &f->two), seen + 1);
	before = snapshot(f);
	/* The second, made against what it saw, is told and stores nothing:
	 * no update, no status, no audit entry, the same version. */
	EXPECT_ERR(f, add_update(f, &f->two, seen, "Reply received", "closed"),
	           MASA_ERR_CONFLICT, stale_message(f, "action", seen + 1));
	assert_string_equal(snapshot(f), before);
	/* Made again against the version it now sees, it is stored. */
	MUST(f, add_update(f, &f->two, seen + 1, "Reply received", "closed"));
	assert_int_equal(action_version(f, &f->one), seen + 2);
	/* The version read back through every path. */
	{
		struct gov_action_entry e, *list;
		size_t n;
		MUST(f, gov_action_entry_read(
		                &f->one.g, test_system(f->partnership),
		                f->action, NULL, &f->a, &e, &f->err));
		assert_int_equal(e.action.version, seen + 2);
		assert_string_equal(e.status_as_at, "closed");
		assert_int_equal(e.nupdates > 0, 1);
		assert_string_equal(e.updates[e.nupdates - 1].text,
		                    "Reply received");
		assert_string_equal(e.updates[e.nupdates - 2].text,
		                    "Letter sent");
		MUST(f, gov_action_list_meeting(&f->one.g,
		                                test_system(f->partnership),
		                                e.action.meeting_id, &f->a,
		                                &list, &n, &f->err));
		for (size_t i = 0; i < n; i++)
			if (list[i].action.id == f->action)
				assert_int_equal(list[i].action.version,
				                 seen + 2);
	}
}

static void test_action_version_zero_does_not_check(void **state)
{
	struct fixture *f = *state;
	int64_t seen = action_version(f, &f->one);

	MUST(f, add_update(f, &f->one, seen, "First", NULL));
	/* The command line and masa's own changes pass 0: stored, and the
	 * version still moves on, so an editor who read before is told. */
	MUST(f, add_update(f, &f->two, 0, "From the command line", NULL));
	assert_int_equal(action_version(f, &f->one), seen + 2);
	EXPECT_ERR(f, add_update(f, &f->one, seen + 1, "Late", NULL),
	           MASA_ERR_CONFLICT, stale_message(f, "action", seen + 2));
}

static void test_action_stale_before_invalid(void **state)
{
	struct fixture *f = *state;
	int64_t seen = action_version(f, &f->one);
	char *before;

	MUST(f, add_update(f, &f->one, seen, "First", NULL));
	before = snapshot(f);
	/* A stale editor's view is what the rest would be judged against:
	 * the conflict is said first, not that the update is empty. */
	EXPECT_ERR(f, add_update(f, &f->two, seen, NULL, NULL),
	           MASA_ERR_CONFLICT, stale_message(f, "action", seen + 1));
	/* The version of an action that does not exist is no conflict. */
	{
		struct gov_action_update u = {.action_id = f->action + 100000,
		                              .on_date = "2015-01-05",
		                              .text = "x",
		                              .action_version = 1};
		masa_error_clear(&f->err);
		assert_int_equal(gov_action_update(&f->two.g, &u, NULL, 0, NULL,
		                                   0, &f->err),
		                 MASA_ERR_NOT_FOUND);
	}
	assert_string_equal(snapshot(f), before);
}

static void test_action_owners_and_due_date(void **state)
{
	struct fixture *f = *state;
	int64_t seen = action_version(f, &f->one);
	struct gov_person sue;
	struct gov_owner_ref add;
	char *before;

	MUST(f, gov_person_find(&f->one.g, f->partnership, "sue-cassin", &f->a,
	                        &sue, &f->err));
	add = (struct gov_owner_ref){.person_id = sue.id};
	/* One editor moves the due date ... */
	MUST(f, gov_action_set_due(&f->one.g, f->action, seen, "2030-06-01",
	                           "2015-01-05", NULL, &f->err));
	assert_true(action_version(f, &f->one) > seen);
	before = snapshot(f);
	/* ... the other, who saw it before, may neither move it ... */
	EXPECT_ERR(f,
	           gov_action_set_due(&f->two.g, f->action, seen, "2031-01-01",
	                              "2015-01-05", NULL, &f->err),
	           MASA_ERR_CONFLICT,
	           stale_message(f, "action", action_version(f, &f->one)));
	/* ... nor reassign it. */
	{
		struct gov_action_update u = {.action_id = f->action,
		                              .on_date = "2015-01-05",
		                              .text = "Owners changed",
		                              .action_version = seen};
		EXPECT_ERR(
		        f,
		        gov_action_update(&f->two.g, &u, &add, 1, NULL, 0,
		                          &f->err),
		        MASA_ERR_CONFLICT,
		        stale_message(f, "action", action_version(f, &f->one)));
	}
	assert_string_equal(snapshot(f), before);
}

static void test_carrying_forward_changes_actions(void **state)
{
	struct fixture *f = *state;
	int64_t seen = action_version(f, &f->one);
	struct gov_body b;
	struct gov_meeting m = {0}, got;

	MUST(f, gov_body_find(&f->one.g, f->partnership, "RLSCB", &f->a, &b,
	                      &f->err));
	m.body_id = b.id;
	m.date = "2015-03-05";
	m.status = "scheduled";
	MUST(f, gov_meeting_create(&f->one.g, &m, &f->err));
	assert_int_equal(m.version, 1);
	/* Recording it held carries the open action forward: its history
	 * changed, so an editor who opened it before is told. */
	MUST(f, gov_meeting_get(&f->one.g, m.id, &f->a, &got, &f->err));
	got.status = "held";
	MUST(f, gov_meeting_update(&f->one.g, &got, &f->err));
	assert_int_equal(action_version(f, &f->one), seen + 1);
	EXPECT_ERR(f, add_update(f, &f->two, seen, "Done", NULL),
	           MASA_ERR_CONFLICT, stale_message(f, "action", seen + 1));
}

static void test_meeting_second_writer_is_told(void **state)
{
	struct fixture *f = *state;
	struct gov_meeting one, two, now;
	struct gov_meeting_row *rows;
	size_t n;
	char *before;

	MUST(f, gov_meeting_get(&f->one.g, f->meeting, &f->a, &one, &f->err));
	MUST(f, gov_meeting_get(&f->two.g, f->meeting, &f->a, &two, &f->err));
	assert_int_equal(one.version, two.version);
	one.location = "Riverside House";
	MUST(f, gov_meeting_update(&f->one.g, &one, &f->err));
	MUST(f, gov_meeting_get(&f->two.g, f->meeting, &f->a, &now, &f->err));
	assert_int_equal(now.version, two.version + 1);
	before = snapshot(f);
	two.location = "Town Hall";
	EXPECT_ERR(f, gov_meeting_update(&f->two.g, &two, &f->err),
	           MASA_ERR_CONFLICT,
	           stale_message(f, "meeting", two.version + 1));
	EXPECT_ERR(f,
	           gov_meeting_set_minutes(&f->two.g, f->meeting, two.version,
	                                   "draft", NULL, NULL, &f->err),
	           MASA_ERR_CONFLICT,
	           stale_message(f, "meeting", two.version + 1));
	assert_string_equal(snapshot(f), before);
	MUST(f, gov_meeting_get(&f->one.g, f->meeting, &f->a, &now, &f->err));
	assert_string_equal(now.location, "Riverside House");
	/* Against the version it now sees, the change is stored. */
	MUST(f, gov_meeting_set_minutes(&f->two.g, f->meeting, now.version,
	                                "draft", NULL, NULL, &f->err));
	MUST(f, gov_meeting_list(&f->one.g, f->partnership, 0, now.date,
	                         now.date, 0, 0, &f->a, &rows, &n, &f->err));
	for (size_t i = 0; i < n; i++)
		if (rows[i].m.id == f->meeting)
			assert_int_equal(rows[i].m.version, now.version + 1);
	assert_true(n > 0);
}

static void test_item_second_writer_is_told(void **state)
{
	struct fixture *f = *state;
	struct gov_item one, two, now;
	struct gov_item_row *rows;
	size_t n;
	char *before;

	MUST(f, gov_item_get(&f->one.g, test_system(f->partnership), f->item,
	                     &f->a, &one, &f->err));
	MUST(f, gov_item_get(&f->two.g, test_system(f->partnership), f->item,
	                     &f->a, &two, &f->err));
	one.minutes = "The board noted the report.";
	MUST(f, gov_item_update(&f->one.g, &one, &f->err));
	before = snapshot(f);
	two.minutes = "The board agreed the report.";
	EXPECT_ERR(f, gov_item_update(&f->two.g, &two, &f->err),
	           MASA_ERR_CONFLICT,
	           stale_message(f, "item", two.version + 1));
	/* Even when it is also invalid: the stale view comes first. */
	two.status = "deferred";
	EXPECT_ERR(f, gov_item_update(&f->two.g, &two, &f->err),
	           MASA_ERR_CONFLICT,
	           stale_message(f, "item", two.version + 1));
	assert_string_equal(snapshot(f), before);
	MUST(f, gov_item_get(&f->two.g, test_system(f->partnership), f->item,
	                     &f->a, &now, &f->err));
	assert_string_equal(now.minutes, "The board noted the report.");
	assert_int_equal(now.version, two.version + 1);
	MUST(f, gov_item_rows(&f->one.g, test_system(f->partnership),
	                      f->meeting, &f->a, &rows, &n, &f->err));
	assert_int_equal(rows[0].item.id, f->item);
	assert_int_equal(rows[0].item.version, now.version);
	/* An item just made has version 1. */
	{
		struct gov_item it = {.meeting_id = f->meeting,
		                      .number = "99",
		                      .title = "Any other business"};
		MUST(f, gov_item_create(&f->one.g, &it, &f->err));
		assert_int_equal(it.version, 1);
		MUST(f, gov_item_get(&f->two.g, test_system(f->partnership),
		                     it.id, &f->a, &now, &f->err));
		assert_int_equal(now.version, 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(
	                test_action_second_writer_is_told, setup, teardown),
	        cmocka_unit_test_setup_teardown(
	                test_action_version_zero_does_not_check, setup,
	                teardown),
	        cmocka_unit_test_setup_teardown(
	                test_action_stale_before_invalid, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_action_owners_and_due_date,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(
	                test_carrying_forward_changes_actions, setup, teardown),
	        cmocka_unit_test_setup_teardown(
	                test_meeting_second_writer_is_told, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_item_second_writer_is_told,
	                                        setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
