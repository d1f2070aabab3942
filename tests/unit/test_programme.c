/*
 * test_programme: unit tests of work programmes, matters arising and draft
 * agendas (src/gov/programme.c) on a real SQLite database in /tmp: entries
 * are created, read back and audited, every validation rule is tried with
 * bad input (and the database checked to be unchanged), entries made from
 * resolutions fall in the right month, matters arising list the right
 * actions and deferred items, and a draft agenda comes in the right order.
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

#include "core/text.h"
#include "gov/access.h"
#include "gov/action.h"
#include "gov/audit.h"
#include "gov/body.h"
#include "gov/gov.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "gov/programme.h"
#include "store/store.h"

struct fixture {
	char path[TESTDB_SIZE];
	struct store *store;
	struct gov g;
	struct arena a;
	struct masa_error err;
	int64_t rotherham, sheffield;
	int64_t steve, alice, outsider;
	int64_t ilsc, rlscb, sscp;
	/* ILSC meetings: June, July (items 16-18), September, November */
	int64_t june, july, september, november;
	int64_t item16, item17, item18, resolution3;
	int64_t sheffield_resolution, sheffield_item;
};

#define MUST(f, call)                                                        \
	do {                                                                 \
		enum masa_err must_rc_ = (call);                             \
		if (must_rc_ != MASA_OK)                                     \
			fail_msg("%s failed (%s): %s", #call,                \
			         masa_err_name(must_rc_), (f)->err.message); \
	} while (0)

/* Asserts the call failed with code and exactly message. */
#define EXPECT_ERR(f, call, code_, message_)                       \
	do {                                                       \
		masa_error_clear(&(f)->err);                       \
		assert_int_equal((call), (code_));                 \
		assert_int_equal((f)->err.code, (code_));          \
		assert_string_equal((f)->err.message, (message_)); \
	} while (0)

static int64_t add_person(struct fixture *f, int64_t partnership,
                          const char *key, const char *name)
{
	struct gov_person p = {0};

	p.partnership_id = partnership;
	p.key = (char *)key;
	p.name = (char *)name;
	MUST(f, gov_person_create(&f->g, &p, &f->err));
	return p.id;
}

static int64_t add_body(struct fixture *f, int64_t partnership,
                        const char *short_name, const char *kind)
{
	struct gov_body b = {0};

	b.partnership_id = partnership;
	b.short_name = (char *)short_name;
	b.name = (char *)short_name;
	b.kind = (char *)kind;
	MUST(f, gov_body_create(&f->g, &b, &f->err));
	return b.id;
}

static int64_t add_meeting_status(struct fixture *f, int64_t body,
                                  const char *date, const char *status)
{
	struct gov_meeting m = {0};

	m.body_id = body;
	m.date = (char *)date;
	m.status = (char *)status;
	MUST(f, gov_meeting_create(&f->g, &m, &f->err));
	return m.id;
}

static int64_t add_meeting(struct fixture *f, int64_t body, const char *date)
{
	return add_meeting_status(f, body, date, "held");
}

static int64_t add_item_status(struct fixture *f, int64_t meeting,
                               const char *number, const char *title,
                               const char *status, int64_t deferred_to)
{
	struct gov_item it = {0};

	it.meeting_id = meeting;
	it.number = (char *)number;
	it.title = (char *)title;
	it.status = (char *)status;
	it.deferred_to_id = deferred_to;
	MUST(f, gov_item_create(&f->g, &it, &f->err));
	return it.id;
}

static int64_t add_item(struct fixture *f, int64_t meeting, const char *number,
                        const char *title)
{
	return add_item_status(f, meeting, number, title, NULL, 0);
}

static int64_t add_resolution(struct fixture *f, int64_t item, int64_t number,
                              const char *text)
{
	struct gov_resolution r = {0};

	r.item_id = item;
	r.number = number;
	r.text = (char *)text;
	MUST(f, gov_resolution_create(&f->g, &r, &f->err));
	return r.id;
}

/* A meeting of body on date with item "1" and resolution (1): its id. */
static int64_t resolution_on(struct fixture *f, int64_t body, const char *date)
{
	int64_t m = add_meeting(f, body, date);

	return add_resolution(f, add_item(f, m, "1", "Report"), 1,
	                      "That an update be provided.");
}

static int64_t add_action(struct fixture *f, int64_t body, int64_t meeting,
                          const char *details, int64_t owner)
{
	struct gov_action act = {0};
	struct gov_owner_ref ref = {0};

	act.body_id = body;
	act.meeting_id = meeting;
	act.details = (char *)details;
	ref.person_id = owner;
	MUST(f, gov_action_raise(&f->g, &act, &ref, 1, &f->a, &f->err));
	return act.id;
}

static void set_action_status(struct fixture *f, int64_t action,
                              int64_t meeting, const char *status)
{
	struct gov_action_update u = {0};

	u.action_id = action;
	u.meeting_id = meeting;
	u.status = (char *)status;
	u.text = "Reported at the meeting";
	MUST(f, gov_action_update(&f->g, &u, NULL, 0, NULL, 0, &f->err));
}

static char *meeting_key(struct fixture *f, int64_t meeting)
{
	struct gov_meeting m;

	MUST(f, gov_meeting_get(&f->g, meeting, &f->a, &m, &f->err));
	return m.key;
}

/* An entry of ILSC for a month, from nothing: the caller changes fields. */
static struct gov_programme_entry entry(struct fixture *f, const char *title)
{
	struct gov_programme_entry e = {0};

	e.body_id = f->ilsc;
	e.title = (char *)title;
	e.month = "2020-01";
	e.source = "other";
	e.status = "planned";
	return e;
}

static int64_t add_entry(struct fixture *f, struct gov_programme_entry e)
{
	MUST(f, gov_programme_create(&f->g, &e, &f->err));
	return e.id;
}

static const char SQL_SNAPSHOT[] =
        "SELECT (SELECT COUNT(*) FROM programme_entry) || ',' || "
        "(SELECT COUNT(*) FROM audit_log) || ',' || "
        "(SELECT COALESCE(SUM(LENGTH(title) + LENGTH(status) + "
        "COALESCE(LENGTH(month), 0) + COALESCE(meeting_id, 0)), 0) "
        "FROM programme_entry)";

/* What must not change when a call fails. */
static char *snapshot(struct fixture *f)
{
	struct masa_error err = {0};
	struct store_stmt *st;
	bool row = false;
	char *s;

	assert_int_equal(store_prepare(f->store, SQL_SNAPSHOT, &st, &err),
	                 MASA_OK);
	assert_int_equal(store_step(st, &row, &err), MASA_OK);
	assert_true(row);
	s = arena_strdup(&f->a, store_column_text(st, 0));
	store_done(st);
	return s;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL)
		return -1;
	if (testdb_new(f->path, sizeof f->path, "programme") != 0) {
		free(f);
		return -1;
	}
	if (store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err) !=
	    MASA_OK) {
		testdb_remove(f->path);
		free(f);
		return -1;
	}
	gov_init(&f->g, f->store, "unit-test");
	*state = f;

	struct gov_partnership p = {0};
	p.key = "rotherham";
	p.name = "Rotherham Safeguarding Children Partnership";
	MUST(f, gov_partnership_create(&f->g, &p, &f->err));
	f->rotherham = p.id;
	p = (struct gov_partnership){0};
	p.key = "sheffield";
	p.name = "Sheffield Children Safeguarding Partnership";
	MUST(f, gov_partnership_create(&f->g, &p, &f->err));
	f->sheffield = p.id;

	f->steve = add_person(f, f->rotherham, "steve-ashley", "Steve Ashley");
	f->alice = add_person(f, f->rotherham, "alice-jones", "Alice Jones");
	f->outsider = add_person(f, f->sheffield, "olive", "Olive Outsider");
	f->ilsc = add_body(f, f->rotherham, "ILSC", "scrutiny_committee");
	f->rlscb = add_body(f, f->rotherham, "RLSCB", "board");
	f->sscp = add_body(f, f->sheffield, "SSCP", "executive");

	f->june = add_meeting(f, f->ilsc, "2019-06-11");
	f->july = add_meeting(f, f->ilsc, "2019-07-09");
	f->september =
	        add_meeting_status(f, f->ilsc, "2019-09-17", "scheduled");
	f->november = add_meeting_status(f, f->ilsc, "2019-11-12", "scheduled");
	f->item16 = add_item(f, f->july, "16",
	                     "Multi-agency arrangements for safeguarding "
	                     "children");
	add_resolution(f, f->item16, 1, "That the decision be noted.");
	f->resolution3 = add_resolution(
	        f, f->item16, 3,
	        "That an update be provided in six months following the "
	        "implementation and transition to the new process.");
	f->item17 = add_item_status(
	        f, f->july, "17",
	        "Children Missing from Education, Care and Home", "deferred",
	        f->september);
	f->item18 = add_item(f, f->july, "18", "Work programme");

	int64_t sheffield_meeting = add_meeting(f, f->sscp, "2019-07-01");
	f->sheffield_item = add_item(f, sheffield_meeting, "1", "Report");
	f->sheffield_resolution =
	        add_resolution(f, f->sheffield_item, 1, "That it be noted.");
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

/* An entry is read back field by field, and its creation audited. */
static void test_create_and_get(void **state)
{
	struct fixture *f = *state;
	struct gov_programme_entry e = entry(f, "Missing children"), got;
	struct audit_entry *audit;
	size_t n;

	e.meeting_id = f->september;
	e.month = NULL;
	e.source = "deferral";
	e.item_id = f->item17;
	e.status = NULL; /* planned by default */
	e.notes = "Deferred for want of time";
	MUST(f, gov_programme_create(&f->g, &e, &f->err));
	assert_true(e.id > 0);
	MUST(f, gov_programme_get(&f->g, test_system(f->rotherham), e.id, &f->a,
	                          &got, &f->err));
	assert_int_equal(got.body_id, f->ilsc);
	assert_string_equal(got.title, "Missing children");
	assert_int_equal(got.meeting_id, f->september);
	assert_null(got.month);
	assert_string_equal(got.source, "deferral");
	assert_int_equal(got.resolution_id, 0);
	assert_int_equal(got.item_id, f->item17);
	assert_string_equal(got.status, "planned");
	assert_string_equal(got.notes, "Deferred for want of time");

	MUST(f, audit_list(&f->g, "programme_entry", e.id, 10, &f->a, &audit,
	                   &n, &f->err));
	assert_int_equal(n, 1);
	assert_string_equal(audit[0].action, "create");
	assert_string_equal(audit[0].actor, "unit-test");
	assert_non_null(strstr(audit[0].after, "\"Missing children\""));

	/* A standing item needs neither a meeting nor a month. */
	e = entry(f, "Work programme");
	e.month = NULL;
	e.source = "standing_item";
	add_entry(f, e);

	EXPECT_ERR(f,
	           gov_programme_get(&f->g, test_system(f->rotherham), 9999,
	                             &f->a, &got, &f->err),
	           MASA_ERR_NOT_FOUND, "no programme entry with id 9999");
}

/* An update is written over the entry and audited with before and after. */
static void test_update_writes_audit(void **state)
{
	struct fixture *f = *state;
	struct gov_programme_entry e = entry(f, "Annual report"), got;
	struct audit_entry *audit;
	size_t n;

	e.id = add_entry(f, e);
	e.month = NULL;
	e.meeting_id = f->november;
	e.status = "on_agenda";
	MUST(f, gov_programme_update(&f->g, &e, &f->err));
	MUST(f, gov_programme_get(&f->g, test_system(f->rotherham), e.id, &f->a,
	                          &got, &f->err));
	assert_int_equal(got.meeting_id, f->november);
	assert_null(got.month);
	assert_string_equal(got.status, "on_agenda");
	MUST(f, audit_list(&f->g, "programme_entry", e.id, 10, &f->a, &audit,
	                   &n, &f->err));
	assert_int_equal(n, 2);
	assert_string_equal(audit[0].action, "update");
	assert_non_null(strstr(audit[0].before, "\"planned\""));
	assert_non_null(strstr(audit[0].after, "\"on_agenda\""));
}

/* Every rule, with the message it gives; nothing is written. */
static void test_reject_bad_entries(void **state)
{
	struct fixture *f = *state;
	struct gov_programme_entry e;
	char *before;

	add_entry(f, entry(f, "Existing"));
	before = snapshot(f);

	e = entry(f, "T");
	e.body_id = 0;
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_INVALID, "programme body: required");
	e = entry(f, "T");
	e.body_id = 9999;
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_NOT_FOUND, "programme body: no body with id 9999");
	e = entry(f, "  ");
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme title: required, and may not be blank");
	e = entry(f, "Two\nlines");
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme title: must be one line, \"Two\nlines\" has a "
	           "line break");
	e = entry(f, "T");
	e.source = "rumour";
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme source: \"rumour\" is not one of resolution, "
	           "deferral, subgroup_report, standing_item, other");
	e = entry(f, "T");
	e.source = NULL;
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme source: required, one of resolution, deferral, "
	           "subgroup_report, standing_item, other");
	e = entry(f, "T");
	e.status = "maybe";
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme status: \"maybe\" is not one of planned, "
	           "on_agenda, deferred, done");

	static const char *const bad_months[] = {
	        "2020-13", "2020-00", "2020-1",  "2020-011", "20-01-01",
	        "2020/01", "1899-12", "3000-01", "",         "2020-0a"};
	for (size_t i = 0; i < sizeof bad_months / sizeof bad_months[0]; i++) {
		char *want = arena_printf(&f->a,
		                          "programme month: \"%s\" is not a "
		                          "month in the form YYYY-MM (1900-01 "
		                          "to 2999-12)",
		                          bad_months[i]);
		e = entry(f, "T");
		e.month = (char *)bad_months[i];
		EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
		           MASA_ERR_INVALID, want);
	}

	e = entry(f, "T");
	e.meeting_id = f->september;
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme month: give a meeting or a month, not both "
	           "(2020-01)");
	e = entry(f, "T");
	e.month = NULL;
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme meeting: a meeting or a month is required unless "
	           "the source is standing_item, not other");
	e = entry(f, "T");
	e.month = NULL;
	assert_string_equal(snapshot(f), before);
	e.meeting_id = add_meeting(f, f->rlscb, "2019-08-01");
	before = snapshot(f); /* with the new meeting's audit entry */
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme meeting: RLSCB/2019-08-01 is not a meeting of "
	           "ILSC");
	e.meeting_id = 9999;
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_NOT_FOUND,
	           "programme meeting: no meeting with id 9999");

	/* Origins in another partnership, or that do not exist. */
	e = entry(f, "T");
	e.source = "resolution";
	e.resolution_id = f->sheffield_resolution;
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           arena_printf(&f->a,
	                        "programme resolution: no resolution with id "
	                        "%lld here",
	                        (long long)f->sheffield_resolution));
	e.resolution_id = 9999;
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme resolution: no resolution with id 9999 here");
	e = entry(f, "T");
	e.source = "deferral";
	e.item_id = f->sheffield_item;
	EXPECT_ERR(
	        f, gov_programme_create(&f->g, &e, &f->err), MASA_ERR_INVALID,
	        arena_printf(&f->a, "programme item: no item with id %lld here",
	                     (long long)f->sheffield_item));
	/* A resolution names its own item. */
	e = entry(f, "T");
	e.source = "resolution";
	e.resolution_id = f->resolution3;
	e.item_id = f->item17;
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme item: resolution (3) is under item 16 of "
	           "ILSC/2019-07-09, not item 17 of ILSC/2019-07-09");
	/* Not planned before (or at) the meeting it comes from. */
	e = entry(f, "T");
	e.source = "deferral";
	e.item_id = f->item17;
	e.month = "2019-06";
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme month: 2019-06 is before ILSC/2019-07-09, where "
	           "the entry comes from");
	e.month = NULL;
	e.meeting_id = f->july;
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme meeting: ILSC/2019-07-09 is not after "
	           "ILSC/2019-07-09, where the entry comes from");
	e.meeting_id = f->june;
	EXPECT_ERR(f, gov_programme_create(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme meeting: ILSC/2019-06-11 is not after "
	           "ILSC/2019-07-09, where the entry comes from");
	assert_string_equal(snapshot(f), before);

	/* The same month as the origin is allowed. */
	e.meeting_id = 0;
	e.month = "2019-07";
	add_entry(f, e);
}

static void test_reject_bad_updates(void **state)
{
	struct fixture *f = *state;
	struct gov_programme_entry e = entry(f, "Annual report");
	char *before;

	e.id = add_entry(f, e);
	before = snapshot(f);
	e.body_id = f->rlscb;
	EXPECT_ERR(f, gov_programme_update(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme body: an entry cannot move to another body");
	e.body_id = f->ilsc;
	e.status = "finished";
	EXPECT_ERR(f, gov_programme_update(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme status: \"finished\" is not one of planned, "
	           "on_agenda, deferred, done");
	e.status = "done";
	e.month = "2020-13";
	EXPECT_ERR(f, gov_programme_update(&f->g, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme month: \"2020-13\" is not a month in the form "
	           "YYYY-MM (1900-01 to 2999-12)");
	e.month = "2020-01";
	e.id = 9999;
	EXPECT_ERR(f, gov_programme_update(&f->g, &e, &f->err),
	           MASA_ERR_NOT_FOUND, "no programme entry with id 9999");
	assert_string_equal(snapshot(f), before);
}

/* Six months after 9 July 2019 is January 2020. */
static void test_from_resolution(void **state)
{
	struct fixture *f = *state;
	struct gov_programme_entry e, got;
	char *before;

	MUST(f, gov_programme_from_resolution(&f->g, f->resolution3, 6, NULL,
	                                      &f->a, &e, &f->err));
	assert_true(e.id > 0);
	MUST(f, gov_programme_get(&f->g, test_system(f->rotherham), e.id, &f->a,
	                          &got, &f->err));
	assert_int_equal(got.body_id, f->ilsc);
	assert_string_equal(got.month, "2020-01");
	assert_int_equal(got.meeting_id, 0);
	assert_string_equal(got.source, "resolution");
	assert_string_equal(got.status, "planned");
	assert_int_equal(got.resolution_id, f->resolution3);
	assert_int_equal(got.item_id, f->item16);
	assert_string_equal(got.title,
	                    "Update: That an update be provided in six months "
	                    "following the implementation and transition to "
	                    "the new process.");
	assert_string_equal(e.month, "2020-01");
	assert_string_equal(e.title, got.title);

	/* Again for the same month: refused; another month: a new entry. */
	before = snapshot(f);
	EXPECT_ERR(f,
	           gov_programme_from_resolution(&f->g, f->resolution3, 6, NULL,
	                                         &f->a, &e, &f->err),
	           MASA_ERR_CONFLICT,
	           "programme: resolution (3) of ILSC/2019-07-09 item 16 is "
	           "already in the work programme for 2020-01");
	EXPECT_ERR(f,
	           gov_programme_from_resolution(&f->g, f->resolution3, 0, NULL,
	                                         &f->a, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme months: 0 is not from 1 to 120");
	EXPECT_ERR(f,
	           gov_programme_from_resolution(&f->g, f->resolution3, 121,
	                                         NULL, &f->a, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme months: 121 is not from 1 to 120");
	EXPECT_ERR(f,
	           gov_programme_from_resolution(&f->g, 9999, 6, NULL, &f->a,
	                                         &e, &f->err),
	           MASA_ERR_NOT_FOUND,
	           "programme resolution: no resolution with id 9999");
	EXPECT_ERR(f,
	           gov_programme_from_resolution(&f->g, f->resolution3, 7, " ",
	                                         &f->a, &e, &f->err),
	           MASA_ERR_INVALID,
	           "programme title: required, and may not be blank");
	assert_string_equal(snapshot(f), before);
	MUST(f, gov_programme_from_resolution(&f->g, f->resolution3, 12,
	                                      "Annual update", &f->a, &e,
	                                      &f->err));
	assert_string_equal(e.month, "2020-07");
	assert_string_equal(e.title, "Annual update");
}

/* Only the month counts: the 31st never overflows into the next month. */
static void test_from_resolution_month_arithmetic(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *date;
		int months;
		const char *month;
	} cases[] = {
	        {"2019-08-31", 1, "2019-09"},  {"2019-08-31", 6, "2020-02"},
	        {"2019-12-31", 1, "2020-01"},  {"2019-10-31", 4, "2020-02"},
	        {"2019-11-30", 2, "2020-01"},  {"2019-01-31", 1, "2019-02"},
	        {"2019-03-01", 12, "2020-03"}, {"2019-05-15", 120, "2029-05"},
	        {"2019-12-01", 13, "2021-01"}, {"2019-02-28", 11, "2020-01"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t res = resolution_on(f, f->rlscb, cases[i].date);
		struct gov_programme_entry e;

		MUST(f,
		     gov_programme_from_resolution(&f->g, res, cases[i].months,
		                                   NULL, &f->a, &e, &f->err));
		if (strcmp(e.month, cases[i].month) != 0)
			fail_msg("%s + %d months gave %s, wanted %s",
			         cases[i].date, cases[i].months, e.month,
			         cases[i].month);
		assert_int_equal(e.body_id, f->rlscb);
	}
}

/* A long resolution makes a one-line title, cut at a character. */
static void test_from_resolution_default_title(void **state)
{
	struct fixture *f = *state;
	struct gov_programme_entry e;
	char text[400];
	int64_t res;
	size_t len;

	res = add_resolution(
	        f, f->item18, 1,
	        "  That updates be provided\n\nto each meeting.  ");
	MUST(f, gov_programme_from_resolution(&f->g, res, 2, NULL, &f->a, &e,
	                                      &f->err));
	assert_string_equal(
	        e.title, "Update: That updates be provided to each meeting.");

	/* 199 ASCII bytes and then "é" (2 bytes) straddle the 200-byte cut. */
	memset(text, 'a', 199);
	memcpy(text + 199, "\xc3\xa9 and more words", 18);
	res = add_resolution(f, f->item18, 2, text);
	MUST(f, gov_programme_from_resolution(&f->g, res, 2, NULL, &f->a, &e,
	                                      &f->err));
	len = strlen(e.title);
	assert_int_equal(len, strlen("Update: ") + 199 + 3);
	assert_string_equal(e.title + len - 4, "a...");
	assert_true(utf8_valid(e.title, len, NULL));
}

/* Standing items first, then by meeting date or month; --from filters. */
static void test_list_order_and_from(void **state)
{
	struct fixture *f = *state;
	struct gov_programme_entry e, *list;
	size_t n;

	e = entry(f, "January");
	add_entry(f, e);
	e = entry(f, "November meeting");
	e.month = NULL;
	e.meeting_id = f->november;
	add_entry(f, e);
	e = entry(f, "Standing");
	e.month = NULL;
	e.source = "standing_item";
	add_entry(f, e);
	e = entry(f, "September meeting");
	e.month = NULL;
	e.meeting_id = f->september;
	add_entry(f, e);
	e = entry(f, "November month");
	e.month = "2019-11";
	add_entry(f, e);
	e = entry(f, "Other body");
	e.body_id = f->rlscb;
	add_entry(f, e);

	MUST(f, gov_programme_list(&f->g, test_system(f->rotherham), f->ilsc,
	                           NULL, &f->a, &list, &n, &f->err));
	assert_int_equal(n, 5);
	assert_string_equal(list[0].title, "Standing");
	assert_string_equal(list[1].title, "September meeting");
	assert_string_equal(list[2].title, "November month");
	assert_string_equal(list[3].title, "November meeting");
	assert_string_equal(list[4].title, "January");

	/* From a day in November: the month of November still counts. */
	MUST(f, gov_programme_list(&f->g, test_system(f->rotherham), f->ilsc,
	                           "2019-11-20", &f->a, &list, &n, &f->err));
	assert_int_equal(n, 3);
	assert_string_equal(list[0].title, "Standing");
	assert_string_equal(list[1].title, "November month");
	assert_string_equal(list[2].title, "January");

	EXPECT_ERR(f,
	           gov_programme_list(&f->g, test_system(f->rotherham), f->ilsc,
	                              "2019-11-31", &f->a, &list, &n, &f->err),
	           MASA_ERR_INVALID, "from: \"2019-11-31\" is not a real date");

	MUST(f, gov_programme_list_all(&f->g, f->rotherham, &f->a, &list, &n,
	                               &f->err));
	assert_int_equal(n, 6);
	assert_string_equal(list[0].title, "January");
	assert_string_equal(list[5].title, "Other body");
	MUST(f, gov_programme_list_all(&f->g, f->sheffield, &f->a, &list, &n,
	                               &f->err));
	assert_int_equal(n, 0);
}

static void test_origin_words(void **state)
{
	struct fixture *f = *state;
	struct gov_programme_entry e = entry(f, "T");
	char *words;

	MUST(f, gov_programme_origin(&f->g, &e, &f->a, &words, &f->err));
	assert_null(words);
	e.resolution_id = f->resolution3;
	MUST(f, gov_programme_origin(&f->g, &e, &f->a, &words, &f->err));
	assert_string_equal(words, "resolution (3) of ILSC/2019-07-09 item 16");
	e.resolution_id = 0;
	e.item_id = f->item17;
	e.source = "deferral";
	MUST(f, gov_programme_origin(&f->g, &e, &f->a, &words, &f->err));
	assert_string_equal(words, "deferred from ILSC/2019-07-09 item 17");
	e.source = "subgroup_report";
	MUST(f, gov_programme_origin(&f->g, &e, &f->a, &words, &f->err));
	assert_string_equal(words, "ILSC/2019-07-09 item 17");
}

/*
 * RLSCB meets in June, September and December (and a cancelled meeting in
 * November). At December: actions raised earlier and still open, or
 * finished at December itself, are matters arising; those finished before
 * it, raised at it, or of another body are not. The deferred items are
 * September's, deferred to December or to no meeting.
 */
static void test_matters_arising(void **state)
{
	struct fixture *f = *state;
	int64_t june = add_meeting(f, f->rlscb, "2014-06-05");
	int64_t september = add_meeting(f, f->rlscb, "2014-09-04");
	int64_t november =
	        add_meeting_status(f, f->rlscb, "2014-11-06", "cancelled");
	int64_t december = add_meeting(f, f->rlscb, "2014-12-04");
	int64_t march =
	        add_meeting_status(f, f->rlscb, "2015-03-05", "scheduled");
	struct gov_matters_arising ma;
	int64_t still_open, done_before, done_at;

	still_open =
	        add_action(f, f->rlscb, june, "Write to ministers", f->steve);
	done_before =
	        add_action(f, f->rlscb, june, "Send the report", f->alice);
	done_at = add_action(f, f->rlscb, september, "Distribute letters",
	                     f->alice);
	set_action_status(f, done_before, september, "discharged");
	set_action_status(f, done_at, december, "discharged");
	/* Raised at December itself, and in another body's log. */
	add_action(f, f->rlscb, december, "New action", f->steve);
	add_action(f, f->ilsc, f->july, "ILSC action", f->steve);

	add_item_status(f, june, "5", "June deferral", "deferred", december);
	add_item(f, september, "1", "Taken");
	add_item_status(f, september, "2", "To December", "deferred", december);
	add_item_status(f, september, "3", "To no meeting", "deferred", 0);
	add_item_status(f, september, "4", "To March", "deferred", march);
	add_item_status(f, september, "5", "Withdrawn", "withdrawn", 0);
	add_item(f, november, "1", "Never met");

	MUST(f, gov_matters_arising(&f->g, test_system(f->rotherham), december,
	                            &f->a, &ma, &f->err));
	assert_string_equal(ma.previous_meeting_key, "RLSCB/2014-09-04");
	assert_int_equal(ma.nactions, 2);
	assert_int_equal(ma.actions[0].action.id, still_open);
	assert_string_equal(ma.actions[0].action.key, "RLSCB/2014-06-05/1");
	assert_string_equal(ma.actions[0].status_as_at, "open");
	assert_int_equal(ma.actions[0].nowners, 1);
	assert_string_equal(ma.actions[0].owners[0].name, "Steve Ashley");
	assert_int_equal(ma.actions[1].action.id, done_at);
	assert_string_equal(ma.actions[1].status_as_at, "discharged");
	assert_int_equal(ma.ndeferred, 2);
	assert_string_equal(ma.deferred[0].title, "To December");
	assert_string_equal(ma.deferred[1].title, "To no meeting");

	/* At September: June's two actions, both still open then. */
	MUST(f, gov_matters_arising(&f->g, test_system(f->rotherham), september,
	                            &f->a, &ma, &f->err));
	assert_string_equal(ma.previous_meeting_key, "RLSCB/2014-06-05");
	assert_int_equal(ma.nactions, 2);
	assert_int_equal(ma.actions[0].action.id, still_open);
	assert_int_equal(ma.actions[1].action.id, done_before);
	assert_int_equal(ma.ndeferred, 0);

	/* The first meeting has nothing before it. */
	MUST(f, gov_matters_arising(&f->g, test_system(f->rotherham), june,
	                            &f->a, &ma, &f->err));
	assert_null(ma.previous_meeting_key);
	assert_int_equal(ma.nactions, 0);
	assert_int_equal(ma.ndeferred, 0);

	EXPECT_ERR(f,
	           gov_matters_arising(&f->g, test_system(f->rotherham), 9999,
	                               &f->a, &ma, &f->err),
	           MASA_ERR_NOT_FOUND, "no meeting with id 9999");
}

static void expect_proposal(const struct gov_agenda_proposal *p,
                            const char *number, const char *title,
                            const char *why)
{
	assert_string_equal(p->number, number);
	assert_string_equal(p->title, title);
	assert_string_equal(p->why, why);
}

/*
 * The agenda of ILSC's September meeting: the opening items, the minutes
 * of July with its matters arising, standing items, the programme for the
 * meeting and then for its month, deferred items no entry has taken up, and
 * the closing items.
 */
static void test_agenda_draft_order(void **state)
{
	struct fixture *f = *state;
	struct gov_programme_entry e;
	struct gov_agenda_proposal *p;
	int64_t standing, for_meeting, for_month, resolution;
	size_t n;

	add_action(f, f->ilsc, f->july, "Circulate the letter", f->steve);
	add_item_status(f, f->july, "19", "Holiday hunger", "deferred",
	                f->september);
	add_item_status(f, f->july, "20", "Post-abuse support", "deferred", 0);

	e = entry(f, "Work programme");
	e.month = NULL;
	e.source = "standing_item";
	e.resolution_id = add_resolution(f, f->item18, 2,
	                                 "That updates be "
	                                 "provided.");
	e.item_id = f->item18;
	standing = add_entry(f, e);
	e = entry(f, "Standing item at November only");
	e.month = NULL;
	e.meeting_id = f->november;
	e.source = "standing_item";
	add_entry(f, e);
	e = entry(f, "Finished standing item");
	e.month = NULL;
	e.source = "standing_item";
	e.status = "done";
	add_entry(f, e);

	/* For the month first, then the meeting: the meeting's come first. */
	e = entry(f, "Sub-group report");
	e.month = "2019-09";
	e.source = "subgroup_report";
	for_month = add_entry(f, e);
	e = entry(f, "Children Missing from Education, Care and Home");
	e.month = NULL;
	e.meeting_id = f->september;
	e.source = "deferral";
	e.item_id = f->item17;
	e.status = "on_agenda";
	for_meeting = add_entry(f, e);
	e = entry(f, "Done already");
	e.month = "2019-09";
	e.status = "done";
	add_entry(f, e);
	e = entry(f, "Next month");
	e.month = "2019-10";
	add_entry(f, e);
	MUST(f, gov_programme_from_resolution(&f->g, f->resolution3, 2, NULL,
	                                      &f->a, &e, &f->err));
	resolution = e.id;

	MUST(f, gov_agenda_draft(&f->g, test_system(f->rotherham), f->september,
	                         &f->a, &p, &n, &f->err));
	assert_int_equal(n, 11);
	expect_proposal(&p[0], "1", "Welcome, introductions and apologies",
	                "standard item");
	expect_proposal(&p[1], "2", "Declarations of interest",
	                "standard item");
	expect_proposal(&p[2], "3",
	                "Minutes of the previous meeting (ILSC/2019-07-09) and "
	                "matters arising",
	                "1 open action, 3 deferred items");
	expect_proposal(&p[3], "4", "Work programme",
	                "standing item (resolution (2) of ILSC/2019-07-09 item "
	                "18)");
	assert_int_equal(p[3].programme_entry_id, standing);
	expect_proposal(
	        &p[4], "5", "Children Missing from Education, Care and Home",
	        "work programme: deferred from ILSC/2019-07-09 item 17");
	assert_int_equal(p[4].programme_entry_id, for_meeting);
	expect_proposal(&p[5], "6", "Sub-group report",
	                "work programme: sub-group report");
	assert_int_equal(p[5].programme_entry_id, for_month);
	expect_proposal(
	        &p[6], "7",
	        "Update: That an update be provided in six months "
	        "following the implementation and transition to the "
	        "new process.",
	        "work programme: resolution (3) of ILSC/2019-07-09 item "
	        "16");
	assert_int_equal(p[6].programme_entry_id, resolution);
	/* Item 17 is already on through its entry; 19 and 20 are not. */
	expect_proposal(&p[7], "8", "Holiday hunger",
	                "deferred from ILSC/2019-07-09 item 19");
	assert_int_equal(p[7].programme_entry_id, 0);
	expect_proposal(&p[8], "9", "Post-abuse support",
	                "deferred from ILSC/2019-07-09 item 20");
	expect_proposal(&p[9], "10", "Any other business", "standard item");
	expect_proposal(&p[10], "11", "Date and time of the next meeting",
	                "standard item");
}

/* Without an entry, the deferred item itself is proposed. */
static void test_agenda_draft_deferred_without_entry(void **state)
{
	struct fixture *f = *state;
	struct gov_agenda_proposal *p;
	size_t n;

	MUST(f, gov_agenda_draft(&f->g, test_system(f->rotherham), f->september,
	                         &f->a, &p, &n, &f->err));
	assert_int_equal(n, 6);
	expect_proposal(&p[2], "3",
	                "Minutes of the previous meeting (ILSC/2019-07-09) and "
	                "matters arising",
	                "0 open actions, 1 deferred item");
	expect_proposal(&p[3], "4",
	                "Children Missing from Education, Care and Home",
	                "deferred from ILSC/2019-07-09 item 17");
	expect_proposal(&p[5], "6", "Date and time of the next meeting",
	                "standard item");

	/* A body's first meeting has no previous minutes. */
	MUST(f, gov_agenda_draft(&f->g, test_system(f->rotherham), f->june,
	                         &f->a, &p, &n, &f->err));
	assert_int_equal(n, 5);
	expect_proposal(&p[2], "3", "Matters arising",
	                "0 open actions, 0 deferred items");
	assert_string_equal(meeting_key(f, f->june), "ILSC/2019-06-11");

	EXPECT_ERR(f,
	           gov_agenda_draft(&f->g, test_system(f->rotherham), 9999,
	                            &f->a, &p, &n, &f->err),
	           MASA_ERR_NOT_FOUND, "no meeting with id 9999");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	        T(test_create_and_get),
	        T(test_update_writes_audit),
	        T(test_reject_bad_entries),
	        T(test_reject_bad_updates),
	        T(test_from_resolution),
	        T(test_from_resolution_month_arithmetic),
	        T(test_from_resolution_default_title),
	        T(test_list_order_and_from),
	        T(test_origin_words),
	        T(test_matters_arising),
	        T(test_agenda_draft_order),
	        T(test_agenda_draft_deferred_without_entry),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
