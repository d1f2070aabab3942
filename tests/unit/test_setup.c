/*
 * test_setup: setting up the partnership in the domain: the change of chair,
 * ending a membership, changing a role and closing a body, and each refusal
 * (a membership ending before it starts, a chair change dated before the
 * current chair started, a duplicate key, a reference to nothing, a loop of
 * parents, an empty name), with the stored records compared before and
 * after to show that a refusal stores nothing. Also the kinds' declarations
 * as forms and the CLI read them (gov/record.h). On SQLite, or PostgreSQL
 * when MASA_TEST_PG is set.
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

#include "gov/audit.h"
#include "gov/body.h"
#include "gov/gov.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "gov/record.h"
#include "store/store.h"

struct fixture {
	char path[TESTDB_SIZE];
	struct store *store;
	struct gov g;
	struct arena a;
	struct masa_error err;
	int64_t partnership, council, police;
	int64_t alice, bob, carol;
	int64_t board, perf;
	int64_t alice_chair, bob_member;
};

#define MUST(f, call)                                                        \
	do {                                                                 \
		enum masa_err must_rc_ = (call);                             \
		if (must_rc_ != MASA_OK)                                     \
			fail_msg("%s failed (%s): %s", #call,                \
			         masa_err_name(must_rc_), (f)->err.message); \
	} while (0)

/* call fails with code, its message starting with start. */
#define REFUSED(f, call, code, start)                                          \
	do {                                                                   \
		enum masa_err refused_rc_ = (call);                            \
		if (refused_rc_ != (code) ||                                   \
		    strncmp((f)->err.message, (start), strlen(start)) != 0)    \
			fail_msg("%s: %s \"%s\", wanted %s \"%s...\"", #call,  \
			         masa_err_name(refused_rc_), (f)->err.message, \
			         masa_err_name(code), (start));                \
	} while (0)

static int64_t person(struct fixture *f, const char *key, const char *name)
{
	struct gov_person p = {.partnership_id = f->partnership,
	                       .key = (char *)key,
	                       .name = (char *)name,
	                       .organisation_id = f->council};

	MUST(f, gov_person_create(&f->g, &p, &f->err));
	return p.id;
}

static int64_t member(struct fixture *f, int64_t body, int64_t who,
                      const char *role, const char *start)
{
	struct gov_membership m = {.body_id = body,
	                           .person_id = who,
	                           .role = (char *)role,
	                           .start_date = (char *)start};

	MUST(f, gov_membership_create(&f->g, &m, &f->err));
	return m.id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct gov_partnership p = {.key = "rotherham", .name = "Rotherham"};
	struct gov_organisation o = {.key = "rotherham-council",
	                             .name = "Rotherham Council",
	                             .part = "safeguarding_partner"};
	struct gov_body b = {.short_name = "RLSCB",
	                     .name = "Board",
	                     .kind = "board",
	                     .founding_date = "2010-01-01"};

	if (f == NULL || testdb_new(f->path, sizeof f->path, "setup") != 0 ||
	    store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err) !=
	            MASA_OK)
		return -1;
	gov_init(&f->g, f->store, "unit-test");
	MUST(f, gov_partnership_create(&f->g, &p, &f->err));
	f->partnership = p.id;
	o.partnership_id = p.id;
	MUST(f, gov_organisation_create(&f->g, &o, &f->err));
	f->council = o.id;
	o = (struct gov_organisation){.partnership_id = p.id,
	                              .key = "police",
	                              .name = "South Yorkshire Police",
	                              .part = "safeguarding_partner"};
	MUST(f, gov_organisation_create(&f->g, &o, &f->err));
	f->police = o.id;
	f->alice = person(f, "alice-jones", "Alice Jones");
	f->bob = person(f, "bob-smith", "Bob Smith");
	f->carol = person(f, "carol-white", "Carol White");
	b.partnership_id = p.id;
	MUST(f, gov_body_create(&f->g, &b, &f->err));
	f->board = b.id;
	b = (struct gov_body){.partnership_id = p.id,
	                      .short_name = "PERF",
	                      .name = "Performance sub-group",
	                      .kind = "subgroup",
	                      .parent_id = f->board,
	                      .founding_date = "2014-01-01"};
	MUST(f, gov_body_create(&f->g, &b, &f->err));
	f->perf = b.id;
	f->alice_chair = member(f, f->perf, f->alice, "chair", "2014-01-01");
	f->bob_member = member(f, f->perf, f->bob, "member", "2014-02-01");
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

/*
 * Everything a refused change might have touched, as one text: bodies,
 * memberships, people, organisations and the number of audit entries.
 */
static char *snapshot(struct fixture *f)
{
	json_t *all = json_object();
	struct gov_body *bodies;
	struct gov_membership *ms;
	struct gov_person *people;
	struct gov_organisation *orgs;
	struct store_stmt *st;
	bool row;
	size_t n;
	char *text;

	MUST(f,
	     gov_body_list(&f->g, f->partnership, &f->a, &bodies, &n, &f->err));
	json_object_set_new(all, "bodies", json_integer((json_int_t)n));
	for (size_t i = 0; i < n; i++)
		json_object_set_new(
		        all, bodies[i].short_name,
		        record_to_json(&gov_body_record, &bodies[i]));
	MUST(f, gov_membership_list(&f->g, f->partnership, &f->a, &ms, &n,
	                            &f->err));
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(
		        list, record_to_json(&gov_membership_record, &ms[i]));
	json_object_set_new(all, "memberships", list);
	MUST(f, gov_person_list(&f->g, f->partnership, &f->a, &people, &n,
	                        &f->err));
	json_object_set_new(all, "people", json_integer((json_int_t)n));
	MUST(f, gov_organisation_list(&f->g, f->partnership, &f->a, &orgs, &n,
	                              &f->err));
	json_object_set_new(all, "organisations", json_integer((json_int_t)n));
	MUST(f, store_prepare(f->store, "SELECT count(*) FROM audit_log", &st,
	                      &f->err));
	MUST(f, store_step(st, &row, &f->err));
	json_object_set_new(all, "audit",
	                    json_integer(store_column_int(st, 0)));
	store_done(st);
	text = json_dumps(all, JSON_SORT_KEYS);
	json_decref(all);
	return text;
}

#define UNCHANGED(f, before)                           \
	do {                                           \
		char *after_ = snapshot(f);            \
		assert_string_equal(after_, (before)); \
		free(after_);                          \
		free(before);                          \
	} while (0)

/* The chair of PERF on date: the person's id, or 0. */
static int64_t chair_on(struct fixture *f, const char *date)
{
	struct gov_member *ms;
	size_t n;
	int64_t chair = 0;

	MUST(f, gov_members_on(&f->g, f->perf, date, &f->a, &ms, &n, &f->err));
	for (size_t i = 0; i < n; i++)
		if (strcmp(ms[i].m.role, "chair") == 0) {
			assert_int_equal(chair, 0); /* one chair at a time */
			chair = ms[i].m.person_id;
		}
	return chair;
}

/* The role of who in PERF on date, or NULL. */
static const char *role_on(struct fixture *f, int64_t who, const char *date)
{
	struct gov_member *ms;
	size_t n;
	const char *role = NULL;

	MUST(f, gov_members_on(&f->g, f->perf, date, &f->a, &ms, &n, &f->err));
	for (size_t i = 0; i < n; i++)
		if (ms[i].m.person_id == who) {
			assert_null(role); /* one role at a time */
			role = ms[i].m.role;
		}
	return role;
}

static size_t membership_count(struct fixture *f)
{
	struct gov_membership *ms;
	size_t n;

	MUST(f, gov_membership_list(&f->g, f->partnership, &f->a, &ms, &n,
	                            &f->err));
	return n;
}

static void test_chair_change_member_takes_the_chair(void **state)
{
	struct fixture *f = *state;
	struct gov_chair_change c = {.body_id = f->perf,
	                             .person_id = f->bob,
	                             .date = "2014-12-04",
	                             .previous_role = "member"};

	MUST(f, gov_chair_change(&f->g, &c, &f->err));
	/* the day before: as it was */
	assert_int_equal(chair_on(f, "2014-12-03"), f->alice);
	assert_string_equal(role_on(f, f->bob, "2014-12-03"), "member");
	/* from the day: Bob chairs, Alice stays on as a member */
	assert_int_equal(chair_on(f, "2014-12-04"), f->bob);
	assert_string_equal(role_on(f, f->alice, "2014-12-04"), "member");
	assert_string_equal(role_on(f, f->bob, "2014-12-04"), "chair");
	/* nothing deleted: two memberships ended, two started */
	assert_int_equal(membership_count(f), 4);
}

static void test_chair_change_chair_leaves(void **state)
{
	struct fixture *f = *state;
	struct gov_chair_change c = {.body_id = f->perf,
	                             .person_id = f->carol,
	                             .organisation_id = f->police,
	                             .label = "Independent Chair",
	                             .date = "2014-01-02"};
	struct gov_membership m;

	/* the day after the chair started: the earliest a change may be */
	MUST(f, gov_chair_change(&f->g, &c, &f->err));
	assert_int_equal(chair_on(f, "2014-01-02"), f->carol);
	assert_null(role_on(f, f->alice, "2014-01-02"));
	MUST(f, gov_membership_get(&f->g, f->alice_chair, &f->a, &m, &f->err));
	assert_string_equal(m.end_date, "2014-01-01");
	assert_int_equal(membership_count(f), 3);
}

static void test_chair_change_refused(void **state)
{
	struct fixture *f = *state;
	char *before = snapshot(f);
	struct gov_chair_change c = {.body_id = f->perf,
	                             .person_id = f->bob,
	                             .date = "2014-01-01",
	                             .previous_role = "member"};

	/* on the day the current chair started */
	REFUSED(f, gov_chair_change(&f->g, &c, &f->err), MASA_ERR_INVALID,
	        "Date of the change: 2014-01-01 is not after the current "
	        "chair, Alice Jones, started on 2014-01-01");
	c.date = "2013-12-31";
	REFUSED(f, gov_chair_change(&f->g, &c, &f->err), MASA_ERR_INVALID,
	        "Date of the change: 2013-12-31 is before PERF was founded");
	/* the chair already */
	c.date = "2014-12-04";
	c.person_id = f->alice;
	REFUSED(f, gov_chair_change(&f->g, &c, &f->err), MASA_ERR_INVALID,
	        "New chair: Alice Jones chairs it already");
	/* a person who does not exist: the old chair's end is undone */
	c.person_id = 9999;
	REFUSED(f, gov_chair_change(&f->g, &c, &f->err), MASA_ERR_INVALID,
	        "Person: no person with id 9999 here");
	c.person_id = 0;
	REFUSED(f, gov_chair_change(&f->g, &c, &f->err), MASA_ERR_INVALID,
	        "New chair: choose one");
	c.person_id = f->bob;
	c.previous_role = "chair";
	REFUSED(f, gov_chair_change(&f->g, &c, &f->err), MASA_ERR_INVALID,
	        "What the chair before becomes: ");
	c.previous_role = "boss";
	REFUSED(f, gov_chair_change(&f->g, &c, &f->err), MASA_ERR_INVALID,
	        "What the chair before becomes: \"boss\" is not one of");
	UNCHANGED(f, before);
}

static void test_membership_end(void **state)
{
	struct fixture *f = *state;
	char *before = snapshot(f);
	struct gov_membership m;

	/* the day before it started */
	REFUSED(f,
	        gov_membership_end(&f->g, f->bob_member, "2014-01-31", &f->err),
	        MASA_ERR_INVALID,
	        "End date: 2014-01-31 is before the start date 2014-02-01");
	REFUSED(f, gov_membership_end(&f->g, f->bob_member, "", &f->err),
	        MASA_ERR_INVALID, "End date: ");
	REFUSED(f, gov_membership_end(&f->g, 9999, "2015-01-01", &f->err),
	        MASA_ERR_NOT_FOUND, "no membership with id 9999");
	UNCHANGED(f, before);
	/* the day it started: a one-day membership */
	MUST(f,
	     gov_membership_end(&f->g, f->bob_member, "2014-02-01", &f->err));
	MUST(f, gov_membership_get(&f->g, f->bob_member, &f->a, &m, &f->err));
	assert_string_equal(m.end_date, "2014-02-01");
	assert_string_equal(role_on(f, f->bob, "2014-02-01"), "member");
	assert_null(role_on(f, f->bob, "2014-02-02"));
	/* ended already by then */
	REFUSED(f,
	        gov_membership_end(&f->g, f->bob_member, "2014-03-01", &f->err),
	        MASA_ERR_CONFLICT, "End date: this membership already ended");
	assert_int_equal(membership_count(f), 2);
}

static void test_membership_change_role(void **state)
{
	struct fixture *f = *state;
	char *before = snapshot(f);

	REFUSED(f,
	        gov_membership_change_role(&f->g, f->bob_member, "member",
	                                   "2015-01-01", &f->err),
	        MASA_ERR_INVALID, "Role: the membership is Member already");
	REFUSED(f,
	        gov_membership_change_role(&f->g, f->bob_member, "vice_chair",
	                                   "2014-02-01", &f->err),
	        MASA_ERR_INVALID,
	        "Date of the change: 2014-02-01 is not after");
	UNCHANGED(f, before);
	MUST(f, gov_membership_change_role(&f->g, f->bob_member, "vice_chair",
	                                   "2014-02-02", &f->err));
	assert_string_equal(role_on(f, f->bob, "2014-02-01"), "member");
	assert_string_equal(role_on(f, f->bob, "2014-02-02"), "vice_chair");
	assert_int_equal(membership_count(f), 3);
}

static void test_body_close(void **state)
{
	struct fixture *f = *state;
	struct gov_body b;
	struct gov_membership m;
	char *before;

	member(f, f->perf, f->carol, "member", "2015-06-01");
	before = snapshot(f);
	/* Carol's membership starts after the day: refused, nothing ends */
	REFUSED(f, gov_body_close(&f->g, f->perf, "2015-05-31", &f->err),
	        MASA_ERR_INVALID,
	        "Date it closes: the membership of Carol White starts on "
	        "2015-06-01, after it");
	REFUSED(f, gov_body_close(&f->g, f->perf, "2013-12-31", &f->err),
	        MASA_ERR_INVALID, "Date it closes: 2013-12-31 is before PERF");
	REFUSED(f, gov_body_close(&f->g, f->perf, "31/05/2015", &f->err),
	        MASA_ERR_INVALID, "Date it closes: ");
	UNCHANGED(f, before);
	/* the day Carol starts: her one day, then all end together */
	MUST(f, gov_body_close(&f->g, f->perf, "2015-06-01", &f->err));
	MUST(f, gov_body_get(&f->g, f->perf, &f->a, &b, &f->err));
	assert_string_equal(b.dissolution_date, "2015-06-01");
	MUST(f, gov_membership_get(&f->g, f->alice_chair, &f->a, &m, &f->err));
	assert_string_equal(m.end_date, "2015-06-01");
	assert_int_equal(chair_on(f, "2015-06-01"), f->alice);
	assert_int_equal(chair_on(f, "2015-06-02"), 0);
	assert_int_equal(membership_count(f), 3);
	REFUSED(f, gov_body_close(&f->g, f->perf, "2015-07-01", &f->err),
	        MASA_ERR_CONFLICT, "Date it closes: PERF closed on 2015-06-01");
}

/* A meeting after the day it would close: refused, naming the field. */
static void test_body_close_before_a_meeting(void **state)
{
	struct fixture *f = *state;
	struct gov_meeting meeting = {
	        .body_id = f->perf, .date = "2015-07-01", .status = "held"};
	struct gov_membership m;
	char *before;

	MUST(f, gov_meeting_create(&f->g, &meeting, &f->err));
	before = snapshot(f);
	REFUSED(f, gov_body_close(&f->g, f->perf, "2015-06-30", &f->err),
	        MASA_ERR_INVALID,
	        "Date it closes: its meeting PERF/2015-07-01 on 2015-07-01 "
	        "would fall outside the dates the body runs");
	UNCHANGED(f, before); /* the memberships it ended are running again */
	MUST(f, gov_body_close(&f->g, f->perf, "2015-07-01", &f->err));
	MUST(f, gov_membership_get(&f->g, f->bob_member, &f->a, &m, &f->err));
	assert_string_equal(m.end_date, "2015-07-01");
}

static void test_bad_input_stores_nothing(void **state)
{
	struct fixture *f = *state;
	char *before = snapshot(f);
	struct gov_person p = {.partnership_id = f->partnership,
	                       .key = "alice-jones",
	                       .name = "Alice Jones"};
	struct gov_organisation o = {.partnership_id = f->partnership,
	                             .key = "police",
	                             .name = "Another police",
	                             .part = "other"};
	struct gov_body b;
	struct gov_membership m = {.body_id = f->perf,
	                           .person_id = f->carol,
	                           .role = "member",
	                           .start_date = "2015-06-01",
	                           .end_date = "2015-05-31"};

	REFUSED(f, gov_person_create(&f->g, &p, &f->err), MASA_ERR_CONFLICT,
	        "Key: \"alice-jones\" is already used by another person");
	REFUSED(f, gov_organisation_create(&f->g, &o, &f->err),
	        MASA_ERR_CONFLICT, "Key: \"police\" is already used");
	/* ending the day before it starts */
	REFUSED(f, gov_membership_create(&f->g, &m, &f->err), MASA_ERR_INVALID,
	        "End date: 2015-05-31 is before the start date 2015-06-01");
	m.end_date = NULL;
	m.person_id = 9999;
	REFUSED(f, gov_membership_create(&f->g, &m, &f->err), MASA_ERR_INVALID,
	        "Person: no person with id 9999 here");
	m.person_id = f->carol;
	m.organisation_id = 9999;
	REFUSED(f, gov_membership_create(&f->g, &m, &f->err), MASA_ERR_INVALID,
	        "Organisation represented: no organisation with id 9999");
	m.organisation_id = 0;
	m.body_id = 9999;
	REFUSED(f, gov_membership_create(&f->g, &m, &f->err),
	        MASA_ERR_NOT_FOUND, "Body: no body with id 9999");
	/* a loop of parents: the board under its own sub-group */
	MUST(f, gov_body_get(&f->g, f->board, &f->a, &b, &f->err));
	b.parent_id = f->perf;
	REFUSED(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	        "Reports to: RLSCB cannot report to itself");
	b.parent_id = 9999;
	REFUSED(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	        "Reports to: no body with id 9999");
	b.parent_id = 0;
	b.name = "  ";
	REFUSED(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	        "Name: required");
	p.key = "new-person";
	p.name = "";
	REFUSED(f, gov_person_create(&f->g, &p, &f->err), MASA_ERR_INVALID,
	        "Name: required");
	UNCHANGED(f, before);
}

/* The lead and delegated safeguarding partners of a safeguarding partner. */
static void test_safeguarding_partners(void **state)
{
	struct fixture *f = *state;
	struct gov_organisation o, got;
	char *before;

	MUST(f, gov_organisation_get(&f->g, f->police, &f->a, &o, &f->err));
	before = snapshot(f);
	o.delegate_person_id = f->bob;
	REFUSED(f, gov_organisation_update(&f->g, &o, &f->err),
	        MASA_ERR_INVALID,
	        "Delegated safeguarding partner: name the lead safeguarding "
	        "partner");
	o.lead_person_id = 9999;
	REFUSED(f, gov_organisation_update(&f->g, &o, &f->err),
	        MASA_ERR_INVALID,
	        "Lead safeguarding partner: no person with id 9999 here");
	o.lead_person_id = f->alice;
	o.part = "relevant_agency";
	REFUSED(f, gov_organisation_update(&f->g, &o, &f->err),
	        MASA_ERR_INVALID,
	        "Lead safeguarding partner: only a safeguarding partner has "
	        "one (this organisation is Relevant agency)");
	UNCHANGED(f, before);
	o.part = "safeguarding_partner";
	MUST(f, gov_organisation_update(&f->g, &o, &f->err));
	MUST(f, gov_organisation_get(&f->g, f->police, &f->a, &got, &f->err));
	assert_int_equal(got.lead_person_id, f->alice);
	assert_int_equal(got.delegate_person_id, f->bob);
}

static void test_keys_from_names(void **state)
{
	struct fixture *f = *state;
	const char *key;

	MUST(f, gov_person_key_new(&f->g, f->partnership, "Alice Jones", &f->a,
	                           &key, &f->err));
	assert_string_equal(key, "alice-jones-2");
	MUST(f, gov_person_key_new(&f->g, f->partnership, "Dr Zoe ONeill",
	                           &f->a, &key, &f->err));
	assert_string_equal(key, "dr-zoe-oneill");
	MUST(f, gov_organisation_key_new(&f->g, f->partnership, "Police", &f->a,
	                                 &key, &f->err));
	assert_string_equal(key, "police-2");
}

/* The declarations as the forms and the CLI read them. */
static void test_declarations(void **state)
{
	struct fixture *f = *state;
	const struct record_field *org =
	        record_field_by_slug(&gov_person_record, "organisation");
	const struct record_field *role =
	        record_field_by_slug(&gov_membership_record, "role");
	const struct record_field *start =
	        record_field_by_slug(&gov_membership_record, "start-date");
	const struct record_field *partners =
	        record_field_by_slug(&gov_body_record, "quorum-partners");
	struct gov_person p = {0};
	struct gov_membership m = {0};
	struct gov_body b = {0};
	const char *text;

	/* every field people type has a label and an input */
	const struct record_kind *kinds[] = {
	        &gov_organisation_record, &gov_person_record, &gov_body_record,
	        &gov_membership_record, &gov_chair_change_record};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		for (size_t i = 0; i < kinds[k]->nfields; i++) {
			const struct record_field *fl = &kinds[k]->fields[i];
			if (fl->input == RECORD_INPUT_NONE)
				continue;
			assert_non_null(fl->label);
			assert_null(strchr(fl->label, '_'));
			assert_true(record_may_edit(fl, GOV_ROLE_ADMIN));
			assert_false(record_may_edit(fl, GOV_ROLE_CHAIR));
			if (fl->input == RECORD_INPUT_REF)
				assert_non_null(fl->ref);
		}
	assert_non_null(org);
	assert_string_equal(org->name, "organisation_id");
	assert_string_equal(org->label, "Organisation they work for");
	assert_null(record_field_by_slug(&gov_person_record, "id"));
	assert_null(record_field_by_slug(&gov_person_record, "partnership"));
	assert_string_equal(record_choice_label(role, "advisor"), "Adviser");
	/* a reference is typed as a key and shown as one */
	MUST(f, record_field_set_text(&f->g, org, f->partnership, &p, "police",
	                              &f->a, &f->err));
	assert_int_equal(p.organisation_id, f->police);
	MUST(f, record_field_text(&f->g, org, &p, &f->a, &text, &f->err));
	assert_string_equal(text, "police");
	REFUSED(f,
	        record_field_set_text(&f->g, org, f->partnership, &p, "policе",
	                              &f->a, &f->err),
	        MASA_ERR_INVALID,
	        "Organisation they work for: there is no organisation");
	assert_int_equal(p.organisation_id, f->police); /* unchanged */
	/* an organisation of another partnership is not here */
	REFUSED(f,
	        record_field_set_text(&f->g, org, f->partnership + 100, &p,
	                              "police", &f->a, &f->err),
	        MASA_ERR_INVALID, "Organisation they work for: ");
	/* choices by value or by label */
	MUST(f, record_field_set_text(&f->g, role, 0, &m, "Vice chair", &f->a,
	                              &f->err));
	assert_string_equal(m.role, "vice_chair");
	REFUSED(f,
	        record_field_set_text(&f->g, role, 0, &m, "", &f->a, &f->err),
	        MASA_ERR_INVALID, "Role: choose one");
	REFUSED(f,
	        record_field_set_text(&f->g, start, 0, &m, "2014-02-30", &f->a,
	                              &f->err),
	        MASA_ERR_INVALID,
	        "Start date: \"2014-02-30\" is not a real date");
	MUST(f, record_field_set_text(&f->g, partners, 0, &b, "yes", &f->a,
	                              &f->err));
	assert_true(b.quorum_partners);
	REFUSED(f,
	        record_field_set_text(&f->g, partners, 0, &b, "maybe", &f->a,
	                              &f->err),
	        MASA_ERR_INVALID,
	        "Each safeguarding partner must be present: say yes or no");
	/* who sees what: a person's e-mail address is for members */
	json_t *j;
	p.email = "jo@example.org";
	j = record_to_json_seen(&gov_person_record, &p, GOV_ROLE_PUBLIC);
	assert_null(json_object_get(j, "email"));
	assert_non_null(json_object_get(j, "organisation_id"));
	json_decref(j);
	j = record_to_json_seen(&gov_person_record, &p, GOV_ROLE_MEMBER);
	assert_string_equal(json_string_value(json_object_get(j, "email")),
	                    "jo@example.org");
	json_decref(j);
	/* a domain message names its field by label */
	assert_ptr_equal(record_field_of_message(&gov_membership_record,
	                                         "Start date: 2014 is ..."),
	                 start);
	assert_null(record_field_of_message(&gov_membership_record,
	                                    "Start dates: no"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(
	                test_chair_change_member_takes_the_chair, setup,
	                teardown),
	        cmocka_unit_test_setup_teardown(test_chair_change_chair_leaves,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_chair_change_refused,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_membership_end, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_membership_change_role,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_body_close, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(
	                test_body_close_before_a_meeting, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_bad_input_stores_nothing,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_safeguarding_partners,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_keys_from_names, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_declarations, setup,
	                                        teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
