/*
 * test_gov: unit tests of the governance domain (src/gov) through its public
 * gov_* functions, on a real SQLite database in /tmp: records are created and
 * read back field by field, updates are audited, every validation rule is
 * tried with bad input (and the database checked to be unchanged), meeting
 * keys, members on a date and quorum.
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
#include <jansson.h>

#include "core/date.h"
#include "gov/access.h"
#include "gov/audit.h"
#include "gov/body.h"
#include "gov/gov.h"
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
	int64_t rotherham, sheffield;
	int64_t police, council, health, school, sheffield_council;
	int64_t steve, alice, bob, carol, dave, erin, sam, outsider;
	int64_t rlscb, cse, sscp;
};

/* helpers that must succeed */

#define MUST(f, call)                                                        \
	do {                                                                 \
		enum masa_err must_rc_ = (call);                             \
		if (must_rc_ != MASA_OK)                                     \
			fail_msg("%s failed (%s): %s", #call,                \
			         masa_err_name(must_rc_), (f)->err.message); \
	} while (0)

static int64_t add_organisation(struct fixture *f, int64_t partnership,
                                const char *key, const char *name,
                                const char *classification, const char *part)
{
	struct gov_organisation o = {0};

	o.partnership_id = partnership;
	o.key = (char *)key;
	o.name = (char *)name;
	o.classification = (char *)classification;
	o.part = (char *)part;
	MUST(f, gov_organisation_create(&f->g, &o, &f->err));
	return o.id;
}

static int64_t add_person(struct fixture *f, int64_t partnership,
                          const char *key, const char *name,
                          const char *honorific, const char *job,
                          int64_t organisation)
{
	struct gov_person p = {0};

	p.partnership_id = partnership;
	p.key = (char *)key;
	p.name = (char *)name;
	p.honorific_prefix = (char *)honorific;
	p.job_title = (char *)job;
	p.organisation_id = organisation;
	MUST(f, gov_person_create(&f->g, &p, &f->err));
	return p.id;
}

static int64_t add_body(struct fixture *f, int64_t partnership,
                        const char *short_name, const char *name,
                        const char *kind, int64_t parent, const char *founded,
                        const char *dissolved)
{
	struct gov_body b = {0};

	b.partnership_id = partnership;
	b.short_name = (char *)short_name;
	b.name = (char *)name;
	b.kind = (char *)kind;
	b.parent_id = parent;
	b.founding_date = (char *)founded;
	b.dissolution_date = (char *)dissolved;
	MUST(f, gov_body_create(&f->g, &b, &f->err));
	return b.id;
}

static int64_t add_membership(struct fixture *f, int64_t body, int64_t person,
                              const char *role, int64_t on_behalf_of,
                              const char *start, const char *end)
{
	struct gov_membership m = {0};

	m.body_id = body;
	m.person_id = person;
	m.role = (char *)role;
	m.organisation_id = on_behalf_of;
	m.start_date = (char *)start;
	m.end_date = (char *)end;
	MUST(f, gov_membership_create(&f->g, &m, &f->err));
	return m.id;
}

static int64_t add_meeting(struct fixture *f, int64_t body, const char *date)
{
	struct gov_meeting m = {0};

	m.body_id = body;
	m.date = (char *)date;
	m.status = "held";
	MUST(f, gov_meeting_create(&f->g, &m, &f->err));
	return m.id;
}

static int64_t add_item(struct fixture *f, int64_t meeting, int64_t parent,
                        const char *number, const char *title)
{
	struct gov_item it = {0};

	it.meeting_id = meeting;
	it.parent_id = parent;
	it.number = (char *)number;
	it.title = (char *)title;
	MUST(f, gov_item_create(&f->g, &it, &f->err));
	return it.id;
}

static int64_t add_attendance(struct fixture *f, int64_t meeting,
                              int64_t person, const char *status,
                              int64_t substitute)
{
	struct gov_attendance at = {0};

	at.meeting_id = meeting;
	at.person_id = person;
	at.status = (char *)status;
	at.substitute_id = substitute;
	MUST(f, gov_attendance_record(&f->g, &at, &f->err));
	return at.id;
}

static char *meeting_key(struct fixture *f, int64_t meeting)
{
	struct gov_meeting m;

	MUST(f, gov_meeting_get(&f->g, meeting, &f->a, &m, &f->err));
	return m.key;
}

/* Row counts of every table, as one string, to show nothing changed. */
static const char SQL_SNAPSHOT[] =
        "SELECT (SELECT COUNT(*) FROM partnership) || ',' || "
        "(SELECT COUNT(*) FROM organisation) || ',' || "
        "(SELECT COUNT(*) FROM person) || ',' || "
        "(SELECT COUNT(*) FROM body) || ',' || "
        "(SELECT COUNT(*) FROM membership) || ',' || "
        "(SELECT COUNT(*) FROM meeting) || ',' || "
        "(SELECT COUNT(*) FROM item) || ',' || "
        "(SELECT COUNT(*) FROM attendance) || ',' || "
        "(SELECT COUNT(*) FROM declaration) || ',' || "
        "(SELECT COUNT(*) FROM resolution) || ',' || "
        "(SELECT COUNT(*) FROM document) || ',' || "
        "(SELECT COUNT(*) FROM circulation) || ',' || "
        "(SELECT COUNT(*) FROM audit_log) || ',' || "
        "(SELECT COALESCE(SUM(LENGTH(name) + LENGTH(key)), 0) FROM person) "
        "|| ',' || (SELECT COALESCE(SUM(LENGTH(name) + "
        "COALESCE(parent_id, 0)), 0) FROM body) || ',' || "
        "(SELECT COALESCE(SUM(LENGTH(date) + LENGTH(key)), 0) FROM meeting)";

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

/* Asserts the last call failed with code and exactly message. */
#define EXPECT_ERR(f, call, code_, message_)                       \
	do {                                                       \
		masa_error_clear(&(f)->err);                       \
		assert_int_equal((call), (code_));                 \
		assert_int_equal((f)->err.code, (code_));          \
		assert_string_equal((f)->err.message, (message_)); \
	} while (0)

/* A message naming one id; format is a literal with one %lld. */
#define WITH_ID(f, format, id) arena_printf(&(f)->a, format, (long long)(id))

/* Asserts the last call failed with code and a message containing needle. */
#define EXPECT_ERR_HAS(f, call, code_, needle_)                            \
	do {                                                               \
		masa_error_clear(&(f)->err);                               \
		assert_int_equal((call), (code_));                         \
		assert_int_equal((f)->err.code, (code_));                  \
		if (strstr((f)->err.message, (needle_)) == NULL)           \
			fail_msg("message \"%s\" does not contain \"%s\"", \
			         (f)->err.message, (needle_));             \
	} while (0)

/* fixture */

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL)
		return -1;
	if (testdb_new(f->path, sizeof f->path, "gov") != 0) {
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
	p.area = "Rotherham";
	MUST(f, gov_partnership_create(&f->g, &p, &f->err));
	f->rotherham = p.id;
	p = (struct gov_partnership){0};
	p.key = "sheffield";
	p.name = "Sheffield Children Safeguarding Partnership";
	MUST(f, gov_partnership_create(&f->g, &p, &f->err));
	f->sheffield = p.id;

	f->police = add_organisation(f, f->rotherham, "south-yorkshire-police",
	                             "South Yorkshire Police", "police",
	                             "safeguarding_partner");
	f->council =
	        add_organisation(f, f->rotherham, "rotherham-mbc",
	                         "Rotherham Metropolitan Borough Council",
	                         "local_authority", "safeguarding_partner");
	f->health = add_organisation(f, f->rotherham, "rotherham-ccg",
	                             "NHS Rotherham CCG", "health",
	                             "safeguarding_partner");
	f->school =
	        add_organisation(f, f->rotherham, "thomas-rotherham",
	                         "Thomas Rotherham College", NULL, "education");
	f->sheffield_council =
	        add_organisation(f, f->sheffield, "sheffield-city-council",
	                         "Sheffield City Council", "local_authority",
	                         "safeguarding_partner");

	struct gov_person steve = {0};
	steve.partnership_id = f->rotherham;
	steve.key = "steve-ashley";
	steve.name = "Steve Ashley";
	steve.honorific_prefix = "Mr";
	steve.job_title = "Independent Chair";
	steve.email = "steve.ashley@example.org";
	MUST(f, gov_person_create(&f->g, &steve, &f->err));
	f->steve = steve.id;
	f->alice = add_person(f, f->rotherham, "alice-jones", "Alice Jones",
	                      "Ms", "Detective Superintendent", f->police);
	f->bob = add_person(f, f->rotherham, "bob-smith", "Bob Smith", NULL,
	                    "Strategic Director", f->council);
	f->carol = add_person(f, f->rotherham, "carol-white", "Carol White",
	                      "Dr", "Designated Doctor", f->health);
	f->dave = add_person(f, f->rotherham, "dave-brown", "Dave Brown", NULL,
	                     NULL, f->council);
	f->erin = add_person(f, f->rotherham, "erin-green", "Erin Green", NULL,
	                     "Named Nurse", f->health);
	f->sam = add_person(f, f->rotherham, "sam-newton", "Sam Newton", NULL,
	                    "Detective Inspector", f->police);
	f->outsider =
	        add_person(f, f->sheffield, "olive-outsider", "Olive Outsider",
	                   NULL, NULL, f->sheffield_council);

	f->rlscb = add_body(f, f->rotherham, "RLSCB",
	                    "Rotherham Local Safeguarding Children Board",
	                    "board", 0, "2010-01-01", "2019-08-31");
	f->cse = add_body(f, f->rotherham, "RLSCB-CSE", "CSE Sub-group",
	                  "subgroup", f->rlscb, NULL, NULL);
	f->sscp = add_body(f, f->sheffield, "SSCP",
	                   "Sheffield Safeguarding Children Partnership",
	                   "executive", 0, NULL, NULL);
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

/* reading records back */

static void test_partnerships(void **state)
{
	struct fixture *f = *state;
	struct gov_partnership p, *all;
	size_t n;

	MUST(f, gov_partnership_get(&f->g, f->rotherham, &f->a, &p, &f->err));
	assert_int_equal(p.id, f->rotherham);
	assert_string_equal(p.key, "rotherham");
	assert_string_equal(p.name,
	                    "Rotherham Safeguarding Children Partnership");
	assert_string_equal(p.area, "Rotherham");
	MUST(f, gov_partnership_find(&f->g, "sheffield", &f->a, &p, &f->err));
	assert_int_equal(p.id, f->sheffield);
	assert_null(p.area);
	MUST(f, gov_partnership_list(&f->g, &f->a, &all, &n, &f->err));
	assert_int_equal(n, 2);
	assert_string_equal(all[0].key, "rotherham");
	assert_string_equal(all[1].key, "sheffield");

	EXPECT_ERR(f, gov_partnership_find(&f->g, "leeds", &f->a, &p, &f->err),
	           MASA_ERR_NOT_FOUND, "no partnership \"leeds\"");
	EXPECT_ERR(f, gov_partnership_get(&f->g, 9999, &f->a, &p, &f->err),
	           MASA_ERR_NOT_FOUND, "no partnership with id 9999");
	EXPECT_ERR(f, gov_partnership_resolve(&f->g, NULL, &f->a, &p, &f->err),
	           MASA_ERR_USAGE,
	           "the database holds 2 partnerships: name one with "
	           "--partnership (for example rotherham)");
	MUST(f,
	     gov_partnership_resolve(&f->g, "sheffield", &f->a, &p, &f->err));
	assert_int_equal(p.id, f->sheffield);

	char *before = snapshot(f);
	struct gov_partnership bad = {0};
	bad.key = "Leeds City";
	bad.name = "Leeds";
	EXPECT_ERR(f, gov_partnership_create(&f->g, &bad, &f->err),
	           MASA_ERR_INVALID,
	           "partnership id: \"Leeds City\" must be lower-case letters, "
	           "digits and -");
	bad.key = "rotherham";
	EXPECT_ERR(f, gov_partnership_create(&f->g, &bad, &f->err),
	           MASA_ERR_CONFLICT,
	           "partnership id: \"rotherham\" is already used");
	bad.key = "leeds";
	bad.name = "  ";
	EXPECT_ERR(f, gov_partnership_create(&f->g, &bad, &f->err),
	           MASA_ERR_INVALID,
	           "partnership name: required, and may not be blank");
	assert_string_equal(snapshot(f), before);
}

static void test_partnership_resolve_single_and_none(void **state)
{
	struct fixture *f = *state;
	struct masa_error err = {0};
	struct store *s = NULL;
	struct gov g;
	struct gov_partnership p;
	char path[TESTDB_SIZE];

	assert_int_equal(testdb_new(path, sizeof path, "empty"), 0);
	assert_int_equal(store_open(path, STORE_OPEN_CREATE, &s, &err),
	                 MASA_OK);
	gov_init(&g, s, "unit-test");
	assert_int_equal(gov_partnership_resolve(&g, NULL, &f->a, &p, &err),
	                 MASA_ERR_NOT_FOUND);
	assert_string_equal(err.message,
	                    "the database holds no partnership yet: load one "
	                    "with `masa load FILE` or start with `masa init "
	                    "--demo`");
	p = (struct gov_partnership){0};
	p.key = "only";
	p.name = "The only one";
	assert_int_equal(gov_partnership_create(&g, &p, &err), MASA_OK);
	p = (struct gov_partnership){0};
	assert_int_equal(gov_partnership_resolve(&g, NULL, &f->a, &p, &err),
	                 MASA_OK);
	assert_string_equal(p.key, "only");
	assert_string_equal(p.name, "The only one");
	store_close(s);
	testdb_remove(path);
}

static void test_organisations_and_people(void **state)
{
	struct fixture *f = *state;
	struct gov_organisation o, *orgs;
	struct gov_person p, *people;
	size_t n;

	MUST(f, gov_organisation_get(&f->g, f->police, &f->a, &o, &f->err));
	assert_int_equal(o.partnership_id, f->rotherham);
	assert_string_equal(o.key, "south-yorkshire-police");
	assert_string_equal(o.name, "South Yorkshire Police");
	assert_string_equal(o.classification, "police");
	assert_string_equal(o.part, "safeguarding_partner");
	MUST(f, gov_organisation_find(&f->g, f->rotherham, "thomas-rotherham",
	                              &f->a, &o, &f->err));
	assert_int_equal(o.id, f->school);
	assert_null(o.classification);
	assert_string_equal(o.part, "education");
	EXPECT_ERR(f,
	           gov_organisation_find(&f->g, f->sheffield,
	                                 "south-yorkshire-police", &f->a, &o,
	                                 &f->err),
	           MASA_ERR_NOT_FOUND,
	           "no organisation \"south-yorkshire-police\"");
	MUST(f, gov_organisation_list(&f->g, f->rotherham, &f->a, &orgs, &n,
	                              &f->err));
	assert_int_equal(n, 4);
	assert_string_equal(orgs[0].key, "south-yorkshire-police");
	assert_string_equal(orgs[1].key, "rotherham-mbc");
	assert_string_equal(orgs[2].key, "rotherham-ccg");
	assert_string_equal(orgs[3].key, "thomas-rotherham");
	MUST(f, gov_organisation_list(&f->g, f->sheffield, &f->a, &orgs, &n,
	                              &f->err));
	assert_int_equal(n, 1);
	assert_int_equal(orgs[0].id, f->sheffield_council);

	MUST(f, gov_person_get(&f->g, f->steve, &f->a, &p, &f->err));
	assert_int_equal(p.partnership_id, f->rotherham);
	assert_string_equal(p.key, "steve-ashley");
	assert_string_equal(p.name, "Steve Ashley");
	assert_string_equal(p.honorific_prefix, "Mr");
	assert_string_equal(p.job_title, "Independent Chair");
	assert_int_equal(p.organisation_id, 0);
	assert_string_equal(p.email, "steve.ashley@example.org");
	MUST(f, gov_person_find(&f->g, f->rotherham, "alice-jones", &f->a, &p,
	                        &f->err));
	assert_int_equal(p.id, f->alice);
	assert_int_equal(p.organisation_id, f->police);
	assert_null(p.email);
	MUST(f, gov_person_find(&f->g, f->rotherham, "bob-smith", &f->a, &p,
	                        &f->err));
	assert_null(p.honorific_prefix);
	MUST(f,
	     gov_person_list(&f->g, f->rotherham, &f->a, &people, &n, &f->err));
	assert_int_equal(n, 7);
	assert_string_equal(people[0].key, "steve-ashley");
	assert_string_equal(people[6].key, "sam-newton");
	assert_string_equal(people[6].job_title, "Detective Inspector");
	EXPECT_ERR(f,
	           gov_person_find(&f->g, f->rotherham, "olive-outsider", &f->a,
	                           &p, &f->err),
	           MASA_ERR_NOT_FOUND, "no person \"olive-outsider\"");
	MUST(f, gov_person_check(&f->g, f->rotherham, f->sam, "substitute",
	                         &f->err));
	EXPECT_ERR(f,
	           gov_person_check(&f->g, f->rotherham, f->outsider,
	                            "substitute", &f->err),
	           MASA_ERR_INVALID,
	           WITH_ID(f, "substitute: no person with id %lld here",
	                   f->outsider));
}

static void test_bodies_and_memberships(void **state)
{
	struct fixture *f = *state;
	struct gov_body b, *bodies;
	struct gov_membership m, *ms;
	size_t n;
	int64_t id;

	MUST(f, gov_body_get(&f->g, f->rlscb, &f->a, &b, &f->err));
	assert_int_equal(b.partnership_id, f->rotherham);
	assert_string_equal(b.short_name, "RLSCB");
	assert_string_equal(b.name,
	                    "Rotherham Local Safeguarding Children Board");
	assert_string_equal(b.kind, "board");
	assert_int_equal(b.parent_id, 0);
	assert_string_equal(b.founding_date, "2010-01-01");
	assert_string_equal(b.dissolution_date, "2019-08-31");
	assert_int_equal(b.quorum_count, 0);
	assert_null(b.quorum_fraction);
	assert_false(b.quorum_partners);
	assert_null(b.terms_of_reference);
	assert_string_equal(gov_body_quorum_text(&f->a, &b), "none");

	MUST(f, gov_body_find(&f->g, f->rotherham, "RLSCB-CSE", &f->a, &b,
	                      &f->err));
	assert_int_equal(b.id, f->cse);
	assert_int_equal(b.parent_id, f->rlscb);
	assert_string_equal(b.kind, "subgroup");
	assert_null(b.founding_date);
	EXPECT_ERR(
	        f,
	        gov_body_find(&f->g, f->sheffield, "RLSCB", &f->a, &b, &f->err),
	        MASA_ERR_NOT_FOUND, "no body \"RLSCB\"");
	MUST(f,
	     gov_body_list(&f->g, f->rotherham, &f->a, &bodies, &n, &f->err));
	assert_int_equal(n, 2);
	assert_string_equal(bodies[0].short_name, "RLSCB");
	assert_string_equal(bodies[1].short_name, "RLSCB-CSE");

	/* Quorum rules and their words. */
	MUST(f, gov_body_get(&f->g, f->rlscb, &f->a, &b, &f->err));
	b.quorum_count = 6;
	b.quorum_partners = true;
	b.terms_of_reference = "## Purpose\n\nTo *co-ordinate*.";
	MUST(f, gov_body_update(&f->g, &b, &f->err));
	MUST(f, gov_body_get(&f->g, f->rlscb, &f->a, &b, &f->err));
	assert_int_equal(b.quorum_count, 6);
	assert_true(b.quorum_partners);
	assert_string_equal(b.terms_of_reference,
	                    "## Purpose\n\nTo *co-ordinate*.");
	assert_string_equal(
	        gov_body_quorum_text(&f->a, &b),
	        "at least 6 voting members with each safeguarding partner "
	        "present");
	b.quorum_count = 0;
	b.quorum_fraction = "1/3";
	b.quorum_partners = false;
	MUST(f, gov_body_update(&f->g, &b, &f->err));
	MUST(f, gov_body_get(&f->g, f->rlscb, &f->a, &b, &f->err));
	assert_string_equal(b.quorum_fraction, "1/3");
	assert_int_equal(b.quorum_count, 0);
	assert_string_equal(gov_body_quorum_text(&f->a, &b),
	                    "at least 1/3 of voting members");
	b.quorum_fraction = NULL;
	b.quorum_partners = true;
	assert_string_equal(gov_body_quorum_text(&f->a, &b),
	                    "each safeguarding partner present");

	/* Memberships. */
	id = add_membership(f, f->rlscb, f->alice, "member", f->police,
	                    "2012-01-01", "2014-12-31");
	struct gov_membership lay = {0};
	lay.body_id = f->cse;
	lay.person_id = f->dave;
	lay.role = "lay_member";
	lay.label = "Lay Member";
	MUST(f, gov_membership_create(&f->g, &lay, &f->err));
	MUST(f, gov_membership_get(&f->g, id, &f->a, &m, &f->err));
	assert_int_equal(m.body_id, f->rlscb);
	assert_int_equal(m.person_id, f->alice);
	assert_string_equal(m.role, "member");
	assert_int_equal(m.organisation_id, f->police);
	assert_null(m.label);
	assert_string_equal(m.start_date, "2012-01-01");
	assert_string_equal(m.end_date, "2014-12-31");
	MUST(f,
	     gov_membership_list(&f->g, f->rotherham, &f->a, &ms, &n, &f->err));
	assert_int_equal(n, 2);
	assert_int_equal(ms[0].id, id);
	assert_int_equal(ms[1].id, lay.id);
	assert_string_equal(ms[1].label, "Lay Member");
	assert_null(ms[1].start_date);
	assert_null(ms[1].end_date);
	MUST(f,
	     gov_membership_list(&f->g, f->sheffield, &f->a, &ms, &n, &f->err));
	assert_int_equal(n, 0);
	EXPECT_ERR(f, gov_membership_get(&f->g, 9999, &f->a, &m, &f->err),
	           MASA_ERR_NOT_FOUND, "no membership with id 9999");
}

static void test_meeting_agenda_and_attendance(void **state)
{
	struct fixture *f = *state;
	struct gov_meeting m = {0}, got;
	struct gov_meeting_row *rows;
	struct gov_meeting *all;
	struct gov_item *items, item;
	struct gov_resolution *res;
	struct gov_document *docs;
	struct gov_circulation *circ;
	struct gov_attendee *att;
	struct gov_declaration *decl;
	size_t n;

	add_membership(f, f->rlscb, f->steve, "chair", 0, "2012-01-01", NULL);
	add_membership(f, f->rlscb, f->carol, "member", f->health, NULL, NULL);
	add_membership(f, f->rlscb, f->carol, "vice_chair", 0, "2014-01-01",
	               NULL);

	m.body_id = f->rlscb;
	m.name = "Board meeting (extraordinary)";
	m.date = "2014-12-04";
	m.start_time = "14:00";
	m.end_time = "16:30";
	m.location = "Riverside House, Rotherham";
	m.status = "held";
	m.webcast_url = "https://example.org/live/2014-12-04";
	MUST(f, gov_meeting_create(&f->g, &m, &f->err));
	MUST(f, gov_meeting_get(&f->g, m.id, &f->a, &got, &f->err));
	assert_int_equal(got.body_id, f->rlscb);
	assert_string_equal(got.key, "RLSCB/2014-12-04");
	assert_int_equal(got.partnership_id, f->rotherham);
	assert_string_equal(got.name, "Board meeting (extraordinary)");
	assert_string_equal(got.date, "2014-12-04");
	assert_string_equal(got.start_time, "14:00");
	assert_string_equal(got.end_time, "16:30");
	assert_string_equal(got.location, "Riverside House, Rotherham");
	assert_string_equal(got.status, "held");
	assert_string_equal(got.webcast_url,
	                    "https://example.org/live/2014-12-04");
	MUST(f, gov_meeting_find(&f->g, f->rotherham, "RLSCB/2014-12-04", &f->a,
	                         &got, &f->err));
	assert_int_equal(got.id, m.id);
	int64_t later = add_meeting(f, f->cse, "2015-01-20");
	int64_t earlier = add_meeting(f, f->rlscb, "2014-09-04");

	MUST(f, gov_meeting_list(&f->g, f->rotherham, 0, NULL, NULL, 0, 0,
	                         &f->a, &rows, &n, &f->err));
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].m.id, earlier);
	assert_int_equal(rows[1].m.id, m.id);
	assert_string_equal(rows[1].body_short_name, "RLSCB");
	assert_string_equal(rows[1].body_name,
	                    "Rotherham Local Safeguarding Children Board");
	assert_int_equal(rows[2].m.id, later);
	assert_string_equal(rows[2].body_short_name, "RLSCB-CSE");
	MUST(f,
	     gov_meeting_list(&f->g, f->rotherham, f->rlscb, "2014-10-01",
	                      "2014-12-31", 0, 0, &f->a, &rows, &n, &f->err));
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].m.id, m.id);
	MUST(f, gov_meeting_list(&f->g, f->rotherham, 0, NULL, NULL, 1, 1,
	                         &f->a, &rows, &n, &f->err));
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].m.id, m.id);
	MUST(f, gov_meeting_list_all(&f->g, f->rotherham, &f->a, &all, &n,
	                             &f->err));
	assert_int_equal(n, 3);
	assert_int_equal(all[0].id, m.id);
	assert_int_equal(all[1].id, later);
	assert_int_equal(all[2].id, earlier);

	/* Agenda: items and sub-items in order. */
	int64_t i1 = add_item(f, m.id, 0, "1", "Apologies");
	int64_t i2 = add_item(f, m.id, 0, "2", "Minutes of the last meeting");
	struct gov_item four = {0};
	four.meeting_id = m.id;
	four.number = "4";
	four.title = "Child sexual exploitation";
	four.presenter_id = f->alice;
	four.confidential = true;
	four.minutes = "The Board **noted** the report.";
	MUST(f, gov_item_create(&f->g, &four, &f->err));
	int64_t i41 = add_item(f, m.id, four.id, "4.1", "Performance");
	int64_t i42 = add_item(f, m.id, four.id, "4.2", "Missing children");
	struct gov_item five = {0};
	five.meeting_id = m.id;
	five.number = "5";
	five.title = "Annual report";
	five.status = "deferred";
	five.deferred_to_id = later;
	MUST(f, gov_item_create(&f->g, &five, &f->err));

	MUST(f, gov_item_list(&f->g, test_system(f->rotherham), m.id, &f->a,
	                      &items, &n, &f->err));
	assert_int_equal(n, 6);
	static const char *const numbers[] = {"1", "2", "4", "4.1", "4.2", "5"};
	for (size_t i = 0; i < 6; i++) {
		assert_string_equal(items[i].number, numbers[i]);
		assert_int_equal(items[i].position, (int64_t)i + 1);
		assert_int_equal(items[i].meeting_id, m.id);
	}
	assert_int_equal(items[0].id, i1);
	assert_int_equal(items[1].id, i2);
	assert_string_equal(items[0].status, "taken");
	assert_false(items[0].confidential);
	assert_int_equal(items[3].parent_id, four.id);
	assert_int_equal(items[4].parent_id, four.id);
	assert_int_equal(items[2].parent_id, 0);
	MUST(f, gov_item_find(&f->g, test_system(f->rotherham), m.id, "4",
	                      &f->a, &item, &f->err));
	assert_int_equal(item.id, four.id);
	assert_string_equal(item.title, "Child sexual exploitation");
	assert_int_equal(item.presenter_id, f->alice);
	assert_true(item.confidential);
	assert_string_equal(item.minutes, "The Board **noted** the report.");
	MUST(f, gov_item_get(&f->g, test_system(f->rotherham), five.id, &f->a,
	                     &item, &f->err));
	assert_string_equal(item.status, "deferred");
	assert_int_equal(item.deferred_to_id, later);
	EXPECT_ERR(f,
	           gov_item_find(&f->g, test_system(f->rotherham), m.id, "3",
	                         &f->a, &item, &f->err),
	           MASA_ERR_NOT_FOUND, "no item \"3\"");

	/* Resolutions, documents, circulation. */
	struct gov_resolution r = {0};
	r.item_id = four.id;
	r.number = 2;
	r.text = "That the action plan be approved.";
	MUST(f, gov_resolution_create(&f->g, &r, &f->err));
	r = (struct gov_resolution){0};
	r.item_id = four.id;
	r.number = 1;
	r.text = "That the report be noted.";
	MUST(f, gov_resolution_create(&f->g, &r, &f->err));
	r = (struct gov_resolution){0};
	r.item_id = i1;
	r.number = 1;
	r.text = "That apologies be noted.";
	MUST(f, gov_resolution_create(&f->g, &r, &f->err));
	MUST(f, gov_resolution_list(&f->g, test_system(f->rotherham), m.id,
	                            &f->a, &res, &n, &f->err));
	assert_int_equal(n, 3);
	assert_int_equal(res[0].item_id, i1);
	assert_int_equal(res[1].item_id, four.id);
	assert_int_equal(res[1].number, 1);
	assert_string_equal(res[1].text, "That the report be noted.");
	assert_int_equal(res[2].number, 2);

	struct gov_document d1 = {0}, d2 = {0};
	d1.item_id = i2;
	d1.title = "Minutes of 4 September 2014";
	d1.kind = "minutes";
	d1.url = "https://example.org/minutes.pdf";
	MUST(f, gov_document_create(&f->g, &d1, &f->err));
	d2.item_id = i2;
	d2.title = "Action log";
	d2.kind = "paper";
	MUST(f, gov_document_create(&f->g, &d2, &f->err));
	MUST(f, gov_document_list(&f->g, test_system(f->rotherham), m.id, &f->a,
	                          &docs, &n, &f->err));
	assert_int_equal(n, 2);
	assert_int_equal(docs[0].id, d1.id);
	assert_int_equal(docs[0].position, 1);
	assert_string_equal(docs[0].kind, "minutes");
	assert_string_equal(docs[0].url, "https://example.org/minutes.pdf");
	assert_int_equal(docs[1].position, 2);
	assert_null(docs[1].url);

	struct gov_circulation c = {0};
	c.document_id = d1.id;
	c.person_id = f->steve;
	c.sent_on = "2014-11-27";
	MUST(f, gov_circulation_create(&f->g, &c, &f->err));
	c = (struct gov_circulation){0};
	c.document_id = d1.id;
	c.person_id = f->alice;
	c.sent_on = "2014-11-28";
	MUST(f, gov_circulation_create(&f->g, &c, &f->err));
	MUST(f, gov_circulation_list(&f->g, test_system(f->rotherham), m.id,
	                             &f->a, &circ, &n, &f->err));
	assert_int_equal(n, 2);
	assert_int_equal(circ[0].person_id, f->steve);
	assert_string_equal(circ[0].sent_on, "2014-11-27");
	assert_int_equal(circ[1].person_id, f->alice);
	assert_int_equal(circ[1].document_id, d1.id);

	/* Attendance with names, roles, substitutes and items. */
	add_attendance(f, m.id, f->steve, "present", 0);
	add_attendance(f, m.id, f->alice, "apologies", 0);
	add_attendance(f, m.id, f->bob, "represented_by", f->sam);
	struct gov_attendance late = {0};
	late.meeting_id = m.id;
	late.person_id = f->carol;
	late.status = "present";
	late.arrived_item_id = four.id;
	late.left_item_id = i42;
	MUST(f, gov_attendance_record(&f->g, &late, &f->err));
	MUST(f, gov_attendance_list(&f->g, m.id, &f->a, &att, &n, &f->err));
	assert_int_equal(n, 4);
	assert_string_equal(att[0].person_key, "steve-ashley");
	assert_string_equal(att[0].person_name, "Steve Ashley");
	assert_string_equal(att[0].honorific_prefix, "Mr");
	assert_string_equal(att[0].job_title, "Independent Chair");
	assert_string_equal(att[0].role, "chair");
	assert_string_equal(att[0].a.status, "present");
	assert_null(att[0].substitute_key);
	assert_string_equal(att[1].a.status, "apologies");
	assert_null(att[1].role); /* not a member */
	assert_string_equal(att[2].a.status, "represented_by");
	assert_int_equal(att[2].a.substitute_id, f->sam);
	assert_string_equal(att[2].substitute_key, "sam-newton");
	assert_string_equal(att[2].substitute_name, "Sam Newton");
	/* The highest role on the day is shown. */
	assert_string_equal(att[3].role, "vice_chair");
	assert_string_equal(att[3].arrived_item, "4");
	assert_string_equal(att[3].left_item, "4.2");
	assert_int_equal(att[3].a.arrived_item_id, four.id);
	assert_int_equal(att[3].a.left_item_id, i42);

	struct gov_declaration dc = {0};
	dc.meeting_id = m.id;
	dc.person_id = f->carol;
	dc.item_id = i41;
	dc.interest = "Employed by a provider named in the report";
	MUST(f, gov_declaration_create(&f->g, &dc, &f->err));
	dc = (struct gov_declaration){0};
	dc.meeting_id = m.id;
	dc.person_id = f->steve;
	dc.interest = "Trustee of a local charity";
	MUST(f, gov_declaration_create(&f->g, &dc, &f->err));
	MUST(f, gov_declaration_list(&f->g, test_system(f->rotherham), m.id,
	                             &f->a, &decl, &n, &f->err));
	assert_int_equal(n, 2);
	assert_int_equal(decl[0].person_id, f->carol);
	assert_int_equal(decl[0].item_id, i41);
	assert_string_equal(decl[0].interest,
	                    "Employed by a provider named in the report");
	assert_int_equal(decl[1].item_id, 0);
	assert_int_equal(decl[1].meeting_id, m.id);
}

/* audit */

static json_t *parse(const char *text)
{
	json_error_t jerr;
	json_t *v;

	assert_non_null(text);
	v = json_loads(text, 0, &jerr);
	if (v == NULL)
		fail_msg("audit JSON does not parse: %s", jerr.text);
	return v;
}

static void test_update_writes_audit(void **state)
{
	struct fixture *f = *state;
	struct audit_entry *log;
	struct gov_person p;
	size_t n;
	json_t *before, *after;

	MUST(f, gov_person_get(&f->g, f->alice, &f->a, &p, &f->err));
	p.job_title = "Chief Superintendent";
	p.email = "alice.jones@example.org";
	MUST(f, gov_person_update(&f->g, &p, &f->err));
	MUST(f, gov_person_get(&f->g, f->alice, &f->a, &p, &f->err));
	assert_string_equal(p.job_title, "Chief Superintendent");

	MUST(f, audit_list(&f->g, "person", f->alice, 10, &f->a, &log, &n,
	                   &f->err));
	assert_int_equal(n, 2);
	assert_string_equal(log[0].action, "update");
	assert_string_equal(log[0].actor, "unit-test");
	assert_string_equal(log[0].entity, "person");
	assert_int_equal(log[0].entity_id, f->alice);
	assert_int_equal(timestamp_check(log[0].at, &f->err), MASA_OK);
	before = parse(log[0].before);
	after = parse(log[0].after);
	assert_string_equal(
	        json_string_value(json_object_get(before, "job_title")),
	        "Detective Superintendent");
	assert_true(json_is_null(json_object_get(before, "email")));
	assert_string_equal(
	        json_string_value(json_object_get(after, "job_title")),
	        "Chief Superintendent");
	assert_string_equal(json_string_value(json_object_get(after, "email")),
	                    "alice.jones@example.org");
	assert_string_equal(json_string_value(json_object_get(after, "name")),
	                    "Alice Jones");
	assert_int_equal(json_integer_value(json_object_get(after, "id")),
	                 f->alice);
	assert_int_equal(
	        json_integer_value(json_object_get(after, "organisation_id")),
	        f->police);
	json_decref(before);
	json_decref(after);

	/* The creation came first, with no before. */
	assert_string_equal(log[1].action, "create");
	assert_null(log[1].before);
	after = parse(log[1].after);
	assert_string_equal(json_string_value(json_object_get(after, "key")),
	                    "alice-jones");
	assert_string_equal(
	        json_string_value(json_object_get(after, "job_title")),
	        "Detective Superintendent");
	json_decref(after);
	assert_true(log[0].id > log[1].id);

	/* A body update records booleans and numbers too. */
	struct gov_body b;
	MUST(f, gov_body_get(&f->g, f->cse, &f->a, &b, &f->err));
	b.quorum_count = 4;
	b.quorum_partners = true;
	MUST(f, gov_body_update(&f->g, &b, &f->err));
	MUST(f, audit_list(&f->g, NULL, 0, 1, &f->a, &log, &n, &f->err));
	assert_int_equal(n, 1);
	assert_string_equal(log[0].entity, "body");
	assert_int_equal(log[0].entity_id, f->cse);
	before = parse(log[0].before);
	after = parse(log[0].after);
	assert_true(json_is_null(json_object_get(before, "quorum_count")));
	assert_true(json_is_false(json_object_get(before, "quorum_partners")));
	assert_int_equal(
	        json_integer_value(json_object_get(after, "quorum_count")), 4);
	assert_true(json_is_true(json_object_get(after, "quorum_partners")));
	assert_int_equal(
	        json_integer_value(json_object_get(after, "parent_id")),
	        f->rlscb);
	json_decref(before);
	json_decref(after);

	/* A refused update writes nothing, not even to the log. */
	char *snap = snapshot(f);
	MUST(f, gov_person_get(&f->g, f->alice, &f->a, &p, &f->err));
	p.name = "";
	EXPECT_ERR(f, gov_person_update(&f->g, &p, &f->err), MASA_ERR_INVALID,
	           "Name: required, and may not be blank");
	assert_string_equal(snapshot(f), snap);
	MUST(f, audit_list(&f->g, "person", f->alice, 10, &f->a, &log, &n,
	                   &f->err));
	assert_int_equal(n, 2);

	/* The whole log, newest first. */
	MUST(f, audit_list(&f->g, NULL, 0, 1000, &f->a, &log, &n, &f->err));
	assert_int_equal(n, 2 + 5 + 8 + 3 + 2); /* setup, then 2 updates */
	for (size_t i = 1; i < n; i++)
		assert_true(log[i - 1].id > log[i].id);
	assert_string_equal(log[n - 1].entity, "partnership");
	assert_string_equal(log[n - 1].action, "create");
}

/* validation */

static void test_reject_unknown_ids(void **state)
{
	struct fixture *f = *state;
	int64_t meeting = add_meeting(f, f->rlscb, "2014-12-04");
	int64_t item = add_item(f, meeting, 0, "1", "Apologies");
	char *before = snapshot(f);
	struct gov_person p;

	struct gov_membership m = {0};
	m.body_id = f->rlscb;
	m.person_id = 9999;
	m.role = "member";
	EXPECT_ERR(f, gov_membership_create(&f->g, &m, &f->err),
	           MASA_ERR_INVALID, "Person: no person with id 9999 here");
	m.person_id = f->alice;
	m.body_id = 9999;
	EXPECT_ERR(f, gov_membership_create(&f->g, &m, &f->err),
	           MASA_ERR_NOT_FOUND, "Body: no body with id 9999");
	m.body_id = f->rlscb;
	m.organisation_id = 9999;
	EXPECT_ERR(f, gov_membership_create(&f->g, &m, &f->err),
	           MASA_ERR_INVALID,
	           "Organisation represented: no organisation with id 9999 "
	           "here");

	struct gov_person np = {0};
	np.partnership_id = f->rotherham;
	np.key = "new-person";
	np.name = "New Person";
	np.organisation_id = 9999;
	EXPECT_ERR(f, gov_person_create(&f->g, &np, &f->err), MASA_ERR_INVALID,
	           "Organisation they work for: no organisation with id 9999 "
	           "here");
	np.organisation_id = 0;
	np.partnership_id = 9999;
	EXPECT_ERR(f, gov_person_create(&f->g, &np, &f->err),
	           MASA_ERR_NOT_FOUND, "no partnership with id 9999");

	struct gov_attendance at = {0};
	at.meeting_id = meeting;
	at.person_id = 9999;
	at.status = "present";
	EXPECT_ERR(f, gov_attendance_record(&f->g, &at, &f->err),
	           MASA_ERR_INVALID,
	           "attendance person: no person with id 9999 here");
	at.person_id = f->alice;
	at.meeting_id = 9999;
	EXPECT_ERR(f, gov_attendance_record(&f->g, &at, &f->err),
	           MASA_ERR_NOT_FOUND,
	           "attendance meeting: no meeting with id 9999");

	struct gov_item it = {0};
	it.meeting_id = meeting;
	it.number = "2";
	it.title = "Report";
	it.presenter_id = 9999;
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           "item presenter: no person with id 9999 here");
	it.presenter_id = 0;
	it.parent_id = 9999;
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           "item parent: no item with id 9999 here");
	it.parent_id = 0;
	it.status = "deferred";
	it.deferred_to_id = 9999;
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_NOT_FOUND,
	           "no meeting with id 9999");

	struct gov_resolution r = {0};
	r.item_id = 9999;
	r.number = 1;
	r.text = "That it be noted.";
	EXPECT_ERR(f, gov_resolution_create(&f->g, &r, &f->err),
	           MASA_ERR_INVALID,
	           "resolution item: no item with id 9999 here");
	struct gov_document d = {0};
	d.item_id = 9999;
	d.title = "Report";
	d.kind = "report";
	EXPECT_ERR(f, gov_document_create(&f->g, &d, &f->err), MASA_ERR_INVALID,
	           "document item: no item with id 9999 here");
	struct gov_circulation c = {0};
	c.document_id = 9999;
	c.person_id = f->alice;
	c.sent_on = "2014-11-27";
	EXPECT_ERR(f, gov_circulation_create(&f->g, &c, &f->err),
	           MASA_ERR_INVALID,
	           "circulation document: no document with id 9999");
	struct gov_declaration dc = {0};
	dc.meeting_id = meeting;
	dc.person_id = 9999;
	dc.interest = "Something";
	EXPECT_ERR(f, gov_declaration_create(&f->g, &dc, &f->err),
	           MASA_ERR_INVALID,
	           "declaration person: no person with id 9999 here");
	dc.person_id = f->alice;
	dc.item_id = 9999;
	EXPECT_ERR(f, gov_declaration_create(&f->g, &dc, &f->err),
	           MASA_ERR_INVALID,
	           "declaration item: no item with id 9999 at this meeting");
	struct gov_meeting mt = {0};
	mt.body_id = 9999;
	mt.date = "2014-12-04";
	mt.status = "held";
	EXPECT_ERR(f, gov_meeting_create(&f->g, &mt, &f->err),
	           MASA_ERR_NOT_FOUND, "meeting body: no body with id 9999");

	/* Updating a record that does not exist. */
	MUST(f, gov_person_get(&f->g, f->alice, &f->a, &p, &f->err));
	p.id = 9999;
	p.key = "someone-else";
	EXPECT_ERR(f, gov_person_update(&f->g, &p, &f->err), MASA_ERR_NOT_FOUND,
	           "no person with id 9999");
	assert_string_equal(snapshot(f), before);
	(void)item;
}

static void test_reject_membership_dates(void **state)
{
	struct fixture *f = *state;
	char *before = snapshot(f);
	struct gov_membership m = {0};

	m.body_id = f->rlscb;
	m.person_id = f->alice;
	m.role = "member";
	m.start_date = "2015-01-01";
	m.end_date = "2014-01-01";
	EXPECT_ERR(f, gov_membership_create(&f->g, &m, &f->err),
	           MASA_ERR_INVALID,
	           "End date: 2014-01-01 is before the start date "
	           "2015-01-01");
	m.start_date = "2009-12-31";
	m.end_date = NULL;
	EXPECT_ERR(f, gov_membership_create(&f->g, &m, &f->err),
	           MASA_ERR_INVALID,
	           "Start date: 2009-12-31 is before RLSCB was "
	           "founded on 2010-01-01");
	m.start_date = "2015-01-01";
	m.end_date = "2019-09-01";
	EXPECT_ERR(f, gov_membership_create(&f->g, &m, &f->err),
	           MASA_ERR_INVALID,
	           "End date: 2019-09-01 is after RLSCB was "
	           "dissolved on 2019-08-31");
	m.start_date = "2014-02-30";
	m.end_date = NULL;
	EXPECT_ERR(f, gov_membership_create(&f->g, &m, &f->err),
	           MASA_ERR_INVALID,
	           "Start date: \"2014-02-30\" is not a real date");
	m.start_date = "1 May 2014";
	EXPECT_ERR(f, gov_membership_create(&f->g, &m, &f->err),
	           MASA_ERR_INVALID,
	           "Start date: \"1 May 2014\" is not a date in "
	           "the form YYYY-MM-DD");
	assert_string_equal(snapshot(f), before);

	/* The body's first and last days are allowed. */
	add_membership(f, f->rlscb, f->alice, "member", 0, "2010-01-01",
	               "2019-08-31");
	/* A one-day membership is fine. */
	add_membership(f, f->rlscb, f->bob, "member", 0, "2014-12-04",
	               "2014-12-04");
}

static void test_reject_membership_overlap(void **state)
{
	struct fixture *f = *state;
	int64_t first = add_membership(f, f->rlscb, f->alice, "member", 0,
	                               "2012-01-01", "2014-12-31");
	char *before = snapshot(f);
	struct gov_membership m = {0};

	m.body_id = f->rlscb;
	m.person_id = f->alice;
	m.role = "member";
	m.start_date = "2014-06-01";
	m.end_date = "2015-06-01";
	EXPECT_ERR(f, gov_membership_create(&f->g, &m, &f->err),
	           MASA_ERR_CONFLICT,
	           "Role: the person is already member of RLSCB from "
	           "2012-01-01 to 2014-12-31, which overlaps");
	m.start_date = NULL;
	m.end_date = NULL;
	EXPECT_ERR(f, gov_membership_create(&f->g, &m, &f->err),
	           MASA_ERR_CONFLICT,
	           "Role: the person is already member of RLSCB from "
	           "2012-01-01 to 2014-12-31, which overlaps");
	m.start_date = "2011-01-01";
	m.end_date = "2012-01-01"; /* touches the first day */
	EXPECT_ERR(f, gov_membership_create(&f->g, &m, &f->err),
	           MASA_ERR_CONFLICT,
	           "Role: the person is already member of RLSCB from "
	           "2012-01-01 to 2014-12-31, which overlaps");
	assert_string_equal(snapshot(f), before);

	/* Back to back, another role, or another person: all fine. */
	int64_t next = add_membership(f, f->rlscb, f->alice, "member", 0,
	                              "2015-01-01", NULL);
	add_membership(f, f->rlscb, f->alice, "vice_chair", 0, "2013-01-01",
	               NULL);
	add_membership(f, f->rlscb, f->bob, "member", 0, "2013-01-01", NULL);
	add_membership(f, f->cse, f->alice, "member", 0, "2013-01-01", NULL);

	before = snapshot(f);
	m.start_date = "2016-01-01";
	m.end_date = NULL;
	EXPECT_ERR(f, gov_membership_create(&f->g, &m, &f->err),
	           MASA_ERR_CONFLICT,
	           "Role: the person is already member of RLSCB from "
	           "2015-01-01 to now, which overlaps");
	/* An update does not clash with the record itself ... */
	struct gov_membership own;
	MUST(f, gov_membership_get(&f->g, first, &f->a, &own, &f->err));
	own.end_date = "2014-12-30";
	MUST(f, gov_membership_update(&f->g, &own, &f->err));
	/* ... but may not run into the next one. */
	before = snapshot(f);
	own.end_date = "2015-01-01";
	EXPECT_ERR(f, gov_membership_update(&f->g, &own, &f->err),
	           MASA_ERR_CONFLICT,
	           "Role: the person is already member of RLSCB from "
	           "2015-01-01 to now, which overlaps");
	assert_string_equal(snapshot(f), before);
	MUST(f, gov_membership_get(&f->g, first, &f->a, &own, &f->err));
	assert_string_equal(own.end_date, "2014-12-30");
	(void)next;
}

static void test_reject_meeting_rules(void **state)
{
	struct fixture *f = *state;
	char *before = snapshot(f);
	struct gov_meeting m = {0};

	m.body_id = f->rlscb;
	m.status = "held";
	m.date = "2009-06-01";
	EXPECT_ERR(f, gov_meeting_create(&f->g, &m, &f->err), MASA_ERR_INVALID,
	           "Meeting date: 2009-06-01 is before RLSCB was founded on "
	           "2010-01-01");
	m.date = "2019-09-01";
	EXPECT_ERR(f, gov_meeting_create(&f->g, &m, &f->err), MASA_ERR_INVALID,
	           "Meeting date: 2019-09-01 is after RLSCB was dissolved on "
	           "2019-08-31");
	m.date = "2014-12-04";
	m.start_time = "10:00";
	m.end_time = "09:00";
	EXPECT_ERR(f, gov_meeting_create(&f->g, &m, &f->err), MASA_ERR_INVALID,
	           "End time: 09:00 is before the start time 10:00");
	m.end_time = NULL;
	m.start_time = "25:00";
	EXPECT_ERR(f, gov_meeting_create(&f->g, &m, &f->err), MASA_ERR_INVALID,
	           "Start time: \"25:00\" is not a real time of day");
	m.start_time = NULL;
	m.webcast_url = "ftp://example.org/live";
	EXPECT_ERR(f, gov_meeting_create(&f->g, &m, &f->err), MASA_ERR_INVALID,
	           "Webcast address: \"ftp://example.org/live\" is not an "
	           "http:// or https:// address");
	m.webcast_url = "https://example.org/live now";
	EXPECT_ERR(f, gov_meeting_create(&f->g, &m, &f->err), MASA_ERR_INVALID,
	           "Webcast address: \"https://example.org/live now\" is "
	           "not an http:// or https:// address");
	m.webcast_url = "javascript:alert(1)";
	EXPECT_ERR(f, gov_meeting_create(&f->g, &m, &f->err), MASA_ERR_INVALID,
	           "Webcast address: \"javascript:alert(1)\" is not an "
	           "http:// or https:// address");
	m.webcast_url = NULL;
	m.date = NULL;
	EXPECT_ERR(f, gov_meeting_create(&f->g, &m, &f->err), MASA_ERR_INVALID,
	           "Meeting date: a date is required");
	m.date = "2014-12-04";
	m.body_id = 0;
	EXPECT_ERR(f, gov_meeting_create(&f->g, &m, &f->err), MASA_ERR_INVALID,
	           "meeting body: required");
	m.body_id = f->rlscb;
	m.location = "Room 1\nRiverside House";
	EXPECT_ERR(f, gov_meeting_create(&f->g, &m, &f->err), MASA_ERR_INVALID,
	           "Venue: must be one line, \"Room 1\nRiverside "
	           "House\" has a line break");
	assert_string_equal(snapshot(f), before);

	/* The first and last days of the body are fine, as are equal times. */
	m = (struct gov_meeting){0};
	m.body_id = f->rlscb;
	m.status = "scheduled";
	m.date = "2010-01-01";
	m.start_time = "10:00";
	m.end_time = "10:00";
	m.webcast_url = "http://example.org/live";
	MUST(f, gov_meeting_create(&f->g, &m, &f->err));
	int64_t last = add_meeting(f, f->rlscb, "2019-08-31");

	/* Updates obey the same rules. */
	struct gov_meeting got;
	MUST(f, gov_meeting_get(&f->g, last, &f->a, &got, &f->err));
	before = snapshot(f);
	got.date = "2019-09-01";
	EXPECT_ERR(f, gov_meeting_update(&f->g, &got, &f->err),
	           MASA_ERR_INVALID,
	           "Meeting date: 2019-09-01 is after RLSCB was dissolved on "
	           "2019-08-31");
	got.date = "2019-08-31";
	got.body_id = f->cse;
	EXPECT_ERR(f, gov_meeting_update(&f->g, &got, &f->err),
	           MASA_ERR_INVALID,
	           "meeting RLSCB/2019-08-31: its id and body cannot change");
	assert_string_equal(snapshot(f), before);
}

/* Minutes go draft -> approved -> published, with dates in order. */
static void test_minutes_status(void **state)
{
	struct fixture *f = *state;
	int64_t id = add_meeting(f, f->rlscb, "2014-12-04");
	struct gov_meeting m;
	char today[DATE_TEXT_SIZE];
	char *before;

	date_format(date_today(), today);
	MUST(f, gov_meeting_get(&f->g, id, &f->a, &m, &f->err));
	assert_string_equal(m.minutes_status, "draft");
	assert_null(m.minutes_approved_on);
	before = snapshot(f);
	EXPECT_ERR(f,
	           gov_meeting_set_minutes(&f->g, id, 0, "approved",
	                                   "2014-12-03", NULL, &f->err),
	           MASA_ERR_INVALID,
	           "The date the minutes were approved must be on or after "
	           "the date of the meeting");
	EXPECT_ERR(f,
	           gov_meeting_set_minutes(&f->g, id, 0, "final", "2015-01-01",
	                                   NULL, &f->err),
	           MASA_ERR_INVALID,
	           "Status of the minutes: \"final\" is not one of draft, "
	           "approved, published");
	EXPECT_ERR(f,
	           gov_meeting_set_minutes(&f->g, id, 0, "published",
	                                   "2015-03-12", "2015-03-11", &f->err),
	           MASA_ERR_INVALID,
	           "The date the minutes were published must be on or after "
	           "the date they were approved");
	EXPECT_ERR_HAS(f,
	               gov_meeting_set_minutes(&f->g, id, 0, "approved",
	                                       "2015-02-30", NULL, &f->err),
	               MASA_ERR_INVALID, "Date the minutes were approved");
	m.minutes_published_on = "2015-03-12";
	EXPECT_ERR(f, gov_meeting_update(&f->g, &m, &f->err), MASA_ERR_INVALID,
	           "Minutes status: draft minutes have no date of approval "
	           "or publication");
	assert_string_equal(snapshot(f), before);

	/* Approved on the day of the meeting: the first day it may be. */
	MUST(f, gov_meeting_set_minutes(&f->g, id, 0, "approved", "2014-12-04",
	                                NULL, &f->err));
	MUST(f, gov_meeting_get(&f->g, id, &f->a, &m, &f->err));
	assert_string_equal(m.minutes_approved_on, "2014-12-04");
	/* Publishing with no dates keeps the approval, dates it today. */
	MUST(f, gov_meeting_set_minutes(&f->g, id, 0, "published", NULL, NULL,
	                                &f->err));
	MUST(f, gov_meeting_get(&f->g, id, &f->a, &m, &f->err));
	assert_string_equal(m.minutes_status, "published");
	assert_string_equal(m.minutes_approved_on, "2014-12-04");
	assert_string_equal(m.minutes_published_on, today);
	/* Saving it again with no dates changes neither (the old form put
	 * today in both). */
	MUST(f, gov_meeting_set_minutes(&f->g, id, 0, "published", NULL,
	                                "2015-03-12", &f->err));
	MUST(f, gov_meeting_set_minutes(&f->g, id, 0, "published", NULL, NULL,
	                                &f->err));
	MUST(f, gov_meeting_get(&f->g, id, &f->a, &m, &f->err));
	assert_string_equal(m.minutes_approved_on, "2014-12-04");
	assert_string_equal(m.minutes_published_on, "2015-03-12");
	/* Published the day they were approved: allowed. */
	MUST(f, gov_meeting_set_minutes(&f->g, id, 0, "published", "2015-03-12",
	                                NULL, &f->err));
	MUST(f, gov_meeting_get(&f->g, id, &f->a, &m, &f->err));
	assert_string_equal(m.minutes_approved_on, "2015-03-12");
	assert_string_equal(m.minutes_published_on, "2015-03-12");
	/* Back to approved: the approval stays, the publication goes. */
	MUST(f, gov_meeting_set_minutes(&f->g, id, 0, "approved", NULL, NULL,
	                                &f->err));
	MUST(f, gov_meeting_get(&f->g, id, &f->a, &m, &f->err));
	assert_string_equal(m.minutes_status, "approved");
	assert_string_equal(m.minutes_approved_on, "2015-03-12");
	assert_null(m.minutes_published_on);
	MUST(f, gov_meeting_set_minutes(&f->g, id, 0, "draft", "2015-03-12",
	                                NULL, &f->err));
	MUST(f, gov_meeting_get(&f->g, id, &f->a, &m, &f->err));
	assert_string_equal(m.minutes_status, "draft");
	assert_null(m.minutes_approved_on);

	/* Publishing drafts with a date approves them the same day. */
	MUST(f, gov_meeting_set_minutes(&f->g, id, 0, "published", NULL,
	                                "2015-04-01", &f->err));
	MUST(f, gov_meeting_get(&f->g, id, &f->a, &m, &f->err));
	assert_string_equal(m.minutes_approved_on, "2015-04-01");
	assert_string_equal(m.minutes_published_on, "2015-04-01");
}

static void test_reject_attendance_rules(void **state)
{
	struct fixture *f = *state;
	int64_t m = add_meeting(f, f->rlscb, "2014-12-04");
	int64_t other = add_meeting(f, f->rlscb, "2014-12-05");
	int64_t i1 = add_item(f, m, 0, "1", "Apologies");
	add_item(f, m, 0, "2", "Minutes");
	int64_t i3 = add_item(f, m, 0, "3", "Reports");
	int64_t elsewhere = add_item(f, other, 0, "1", "Apologies");
	struct gov_attendance at = {0};
	char *before;

	add_attendance(f, m, f->alice, "present", 0);
	add_attendance(f, m, f->sam, "present", 0);
	add_attendance(f, m, f->carol, "represented_by", f->dave);
	before = snapshot(f);

	at.meeting_id = m;
	at.person_id = f->alice;
	at.status = "absent";
	EXPECT_ERR(f, gov_attendance_record(&f->g, &at, &f->err),
	           MASA_ERR_CONFLICT,
	           "attendance: already recorded at RLSCB/2014-12-04 (Alice "
	           "Jones)");
	at.person_id = f->bob;
	at.status = "represented_by";
	EXPECT_ERR(f, gov_attendance_record(&f->g, &at, &f->err),
	           MASA_ERR_INVALID,
	           "attendance substitute: required when the status is "
	           "represented_by");
	at.substitute_id = f->bob;
	EXPECT_ERR(f, gov_attendance_record(&f->g, &at, &f->err),
	           MASA_ERR_INVALID,
	           "attendance substitute: a person cannot represent "
	           "themselves");
	/* The substitute already has a row of their own. */
	at.substitute_id = f->sam;
	EXPECT_ERR(f, gov_attendance_record(&f->g, &at, &f->err),
	           MASA_ERR_CONFLICT,
	           "attendance: already recorded at RLSCB/2014-12-04 (Sam "
	           "Newton's row)");
	/* And the other way: Dave came for Carol, so has no row of his own. */
	at.person_id = f->dave;
	at.status = "present";
	at.substitute_id = 0;
	EXPECT_ERR(f, gov_attendance_record(&f->g, &at, &f->err),
	           MASA_ERR_CONFLICT,
	           "attendance: already recorded at RLSCB/2014-12-04 (Carol "
	           "White's row)");
	at.person_id = f->bob;
	at.substitute_id = f->erin;
	EXPECT_ERR(f, gov_attendance_record(&f->g, &at, &f->err),
	           MASA_ERR_INVALID,
	           "attendance substitute: only for the status represented_by, "
	           "not present");
	at.substitute_id = 0;
	at.arrived_item_id = i3;
	at.left_item_id = i1;
	EXPECT_ERR(f, gov_attendance_record(&f->g, &at, &f->err),
	           MASA_ERR_INVALID,
	           "attendance left_at_item: comes before the item they "
	           "arrived at");
	at.arrived_item_id = elsewhere;
	at.left_item_id = 0;
	EXPECT_ERR(
	        f, gov_attendance_record(&f->g, &at, &f->err), MASA_ERR_INVALID,
	        WITH_ID(f,
	                "attendance arrived_at_item: no item with id %lld at "
	                "this meeting",
	                elsewhere));
	at.arrived_item_id = i1;
	at.status = "apologies";
	EXPECT_ERR(f, gov_attendance_record(&f->g, &at, &f->err),
	           MASA_ERR_INVALID,
	           "attendance: someone recorded as apologies cannot arrive or "
	           "leave");
	at.arrived_item_id = 0;
	at.status = "late";
	EXPECT_ERR(f, gov_attendance_record(&f->g, &at, &f->err),
	           MASA_ERR_INVALID,
	           "attendance status: \"late\" is not one of present, "
	           "apologies, absent, in_attendance, represented_by");
	assert_string_equal(snapshot(f), before);

	/* Arriving and leaving at the same item is fine. */
	at.status = "present";
	at.arrived_item_id = i3;
	at.left_item_id = i3;
	MUST(f, gov_attendance_record(&f->g, &at, &f->err));
	/* The same person may attend another meeting. */
	add_attendance(f, other, f->alice, "present", 0);
}

static void test_reject_item_rules(void **state)
{
	struct fixture *f = *state;
	int64_t earlier = add_meeting(f, f->rlscb, "2014-09-04");
	int64_t m = add_meeting(f, f->rlscb, "2014-12-04");
	int64_t same_day = add_meeting(f, f->rlscb, "2014-12-04");
	int64_t later = add_meeting(f, f->rlscb, "2015-03-05");
	int64_t four = add_item(f, m, 0, "4", "Reports");
	int64_t sub = add_item(f, m, four, "4.1", "Performance");
	int64_t there = add_item(f, later, 0, "1", "Apologies");
	char *before = snapshot(f);
	struct gov_item it = {0};

	it.meeting_id = m;
	it.number = "4";
	it.title = "Another";
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_CONFLICT,
	           "item number: \"4\" is already used at RLSCB/2014-12-04");
	it.number = "5";
	it.status = "deferred";
	it.deferred_to_id = earlier;
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           "item 5 deferred_to: RLSCB/2014-09-04 is not after this "
	           "meeting (2014-12-04)");
	it.deferred_to_id = same_day;
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           "item 5 deferred_to: RLSCB/2014-12-04-2 is not after this "
	           "meeting (2014-12-04)");
	it.deferred_to_id = m;
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           "item 5 deferred_to: RLSCB/2014-12-04 is not after this "
	           "meeting (2014-12-04)");
	it.status = "taken";
	it.deferred_to_id = later;
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           "item 5 deferred_to: only a deferred item can name a "
	           "meeting, not a taken one");
	it.status = "withdrawn";
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           "item 5 deferred_to: only a deferred item can name a "
	           "meeting, not a withdrawn one");
	it.deferred_to_id = 0;
	it.status = "postponed";
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           "item status: \"postponed\" is not one of taken, deferred, "
	           "withdrawn");
	it.status = NULL;
	it.title = " ";
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           "item title: required, and may not be blank");
	it.title = "Title";
	it.number = "";
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           "item number: required, and may not be blank");
	it.number = "12345678901234567890123456789012345678901";
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           "item number: \"1234567890123456789012345678901234567890..."
	           "\" is longer than 40 characters");
	it.number = "5";
	it.parent_id = there;
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           WITH_ID(f, "item parent: no item with id %lld here", there));
	it.parent_id = 0;
	it.minutes = "Bad \xc0\xaf minutes";
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           "item minutes: not UTF-8 text (bad byte at offset 4)");
	it.minutes = NULL;
	it.meeting_id = 0;
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           "item meeting: required");

	/* An item cannot be its own sub-item; numbers stay unique on update. */
	struct gov_item got;
	MUST(f, gov_item_get(&f->g, test_system(f->rotherham), sub, &f->a, &got,
	                     &f->err));
	got.parent_id = sub;
	EXPECT_ERR(f, gov_item_update(&f->g, &got, &f->err), MASA_ERR_INVALID,
	           "item parent: an item cannot be its own sub-item");
	got.parent_id = four;
	got.number = "4";
	EXPECT_ERR(f, gov_item_update(&f->g, &got, &f->err), MASA_ERR_CONFLICT,
	           "item number: \"4\" is already used at RLSCB/2014-12-04");
	assert_string_equal(snapshot(f), before);

	/* A deferral to a later meeting is accepted and read back. */
	it = (struct gov_item){0};
	it.meeting_id = m;
	it.number = "5";
	it.title = "Annual report";
	it.status = "deferred";
	it.deferred_to_id = later;
	MUST(f, gov_item_create(&f->g, &it, &f->err));
	MUST(f, gov_item_get(&f->g, test_system(f->rotherham), it.id, &f->a,
	                     &got, &f->err));
	assert_int_equal(got.deferred_to_id, later);
	assert_int_equal(got.position, 3);
	/* The same number is fine at another meeting. */
	add_item(f, later, 0, "4", "Reports");
}

static void test_reject_resolution_and_document_rules(void **state)
{
	struct fixture *f = *state;
	int64_t m = add_meeting(f, f->rlscb, "2014-12-04");
	int64_t item = add_item(f, m, 0, "4", "Reports");
	int64_t other = add_item(f, m, 0, "5", "More reports");
	struct gov_resolution r = {0};
	struct gov_document d = {0};
	struct gov_circulation c = {0};
	char *before;

	r.item_id = item;
	r.number = 1;
	r.text = "That the report be noted.";
	MUST(f, gov_resolution_create(&f->g, &r, &f->err));
	d.item_id = item;
	d.title = "Report";
	d.kind = "report";
	MUST(f, gov_document_create(&f->g, &d, &f->err));
	c.document_id = d.id;
	c.person_id = f->steve;
	c.sent_on = "2014-11-27";
	MUST(f, gov_circulation_create(&f->g, &c, &f->err));
	before = snapshot(f);

	r = (struct gov_resolution){0};
	r.item_id = item;
	r.number = 1;
	r.text = "That something else be done.";
	EXPECT_ERR(f, gov_resolution_create(&f->g, &r, &f->err),
	           MASA_ERR_CONFLICT,
	           "resolution number: (1) is already used under this item");
	r.number = 0;
	EXPECT_ERR(f, gov_resolution_create(&f->g, &r, &f->err),
	           MASA_ERR_INVALID,
	           "resolution number: 0 is not between 1 and 999");
	r.number = 1000;
	EXPECT_ERR(f, gov_resolution_create(&f->g, &r, &f->err),
	           MASA_ERR_INVALID,
	           "resolution number: 1000 is not between 1 and 999");
	r.number = 2;
	r.text = "";
	EXPECT_ERR(f, gov_resolution_create(&f->g, &r, &f->err),
	           MASA_ERR_INVALID, "resolution text: required");

	d = (struct gov_document){0};
	d.item_id = item;
	d.title = "Memo";
	d.kind = "memo";
	EXPECT_ERR(f, gov_document_create(&f->g, &d, &f->err), MASA_ERR_INVALID,
	           "document kind: \"memo\" is not one of report, paper, "
	           "presentation, minutes, letter, plan, other");
	d.kind = "paper";
	d.url = "www.example.org/memo.pdf";
	EXPECT_ERR(f, gov_document_create(&f->g, &d, &f->err), MASA_ERR_INVALID,
	           "document url: \"www.example.org/memo.pdf\" is not an "
	           "http:// or https:// address");
	d.url = NULL;
	d.title = NULL;
	EXPECT_ERR(f, gov_document_create(&f->g, &d, &f->err), MASA_ERR_INVALID,
	           "document title: required, and may not be blank");

	EXPECT_ERR(f, gov_circulation_create(&f->g, &c, &f->err),
	           MASA_ERR_CONFLICT,
	           "circulation: already recorded as sent to that person on "
	           "2014-11-27");
	c.sent_on = "2014-11-31";
	EXPECT_ERR(f, gov_circulation_create(&f->g, &c, &f->err),
	           MASA_ERR_INVALID,
	           "circulation sent_on: \"2014-11-31\" is not a real date");
	c.sent_on = NULL;
	EXPECT_ERR(f, gov_circulation_create(&f->g, &c, &f->err),
	           MASA_ERR_INVALID, "circulation sent_on: a date is required");
	assert_string_equal(snapshot(f), before);

	/* The same number under another item, the same paper another day. */
	r.item_id = other;
	r.number = 1;
	r.text = "That it be noted.";
	MUST(f, gov_resolution_create(&f->g, &r, &f->err));
	c.sent_on = "2014-11-28";
	MUST(f, gov_circulation_create(&f->g, &c, &f->err));
}

static void test_reject_duplicate_names(void **state)
{
	struct fixture *f = *state;
	char *before = snapshot(f);
	struct gov_body b = {0};
	struct gov_person p = {0};
	struct gov_organisation o = {0};

	b.partnership_id = f->rotherham;
	b.short_name = "RLSCB";
	b.name = "Another board";
	b.kind = "board";
	EXPECT_ERR(f, gov_body_create(&f->g, &b, &f->err), MASA_ERR_CONFLICT,
	           "Short name: \"RLSCB\" is already used by Rotherham "
	           "Local Safeguarding Children Board");
	p.partnership_id = f->rotherham;
	p.key = "alice-jones";
	p.name = "Alice Jones (2)";
	EXPECT_ERR(f, gov_person_create(&f->g, &p, &f->err), MASA_ERR_CONFLICT,
	           "Key: \"alice-jones\" is already used by another "
	           "person");
	o.partnership_id = f->rotherham;
	o.key = "rotherham-mbc";
	o.name = "Rotherham Council";
	o.part = "other";
	EXPECT_ERR(f, gov_organisation_create(&f->g, &o, &f->err),
	           MASA_ERR_CONFLICT,
	           "Key: \"rotherham-mbc\" is already used by "
	           "another organisation");
	/* Renaming onto another record's short name is refused too. */
	struct gov_body cse;
	MUST(f, gov_body_get(&f->g, f->cse, &f->a, &cse, &f->err));
	cse.short_name = "RLSCB";
	EXPECT_ERR(f, gov_body_update(&f->g, &cse, &f->err), MASA_ERR_CONFLICT,
	           "Short name: \"RLSCB\" is already used by Rotherham "
	           "Local Safeguarding Children Board");
	assert_string_equal(snapshot(f), before);

	/* Names are unique within a partnership only. */
	b.partnership_id = f->sheffield;
	MUST(f, gov_body_create(&f->g, &b, &f->err));
	p.partnership_id = f->sheffield;
	MUST(f, gov_person_create(&f->g, &p, &f->err));
	o.partnership_id = f->sheffield;
	MUST(f, gov_organisation_create(&f->g, &o, &f->err));
}

static void test_reject_body_rules(void **state)
{
	struct fixture *f = *state;
	int64_t panel = add_body(f, f->rotherham, "RLSCB-CSE-P", "CSE Panel",
	                         "panel", f->cse, NULL, NULL);
	char *before = snapshot(f);
	struct gov_body b;

	/* Cycles: itself, its child, its grandchild. */
	MUST(f, gov_body_get(&f->g, f->cse, &f->a, &b, &f->err));
	b.parent_id = f->cse;
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Reports to: RLSCB-CSE cannot report to itself, even "
	           "through other bodies");
	MUST(f, gov_body_get(&f->g, f->rlscb, &f->a, &b, &f->err));
	b.parent_id = f->cse;
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Reports to: RLSCB cannot report to itself, even through "
	           "other bodies");
	b.parent_id = panel;
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Reports to: RLSCB cannot report to itself, even through "
	           "other bodies");
	b.parent_id = f->sscp;
	EXPECT_ERR(
	        f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	        WITH_ID(f,
	                "Reports to: no body with id %lld in this partnership",
	                f->sscp));
	b.parent_id = 0;

	/* Dates and quorum rules. */
	b.founding_date = "2019-09-01";
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Date dissolved: 2019-08-31 is before the date founded "
	           "2019-09-01");
	b.founding_date = "2010-01-01";
	b.quorum_fraction = "2/1";
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Quorum: fraction of voting members: \"2/1\" is not a "
	           "fraction such as "
	           "1/3");
	b.quorum_fraction = "1/0";
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Quorum: fraction of voting members: \"1/0\" is not a "
	           "fraction such as "
	           "1/3");
	b.quorum_fraction = "third";
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Quorum: fraction of voting members: \"third\" is not a "
	           "fraction such as "
	           "1/3");
	b.quorum_fraction = "1/3";
	b.quorum_count = 3;
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Quorum: number of voting members: give a number or a "
	           "fraction, not both");
	b.quorum_fraction = NULL;
	b.quorum_count = 1001;
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Quorum: number of voting members: 1001 is not between 1 "
	           "and 1000");
	b.quorum_count = 0;
	b.short_name = "RL SCB";
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Short name: \"RL SCB\" must be 1-40 letters, digits, "
	           "-, _ or &");
	assert_string_equal(snapshot(f), before);
	MUST(f, gov_body_get(&f->g, f->rlscb, &f->a, &b, &f->err));
	assert_int_equal(b.parent_id, 0);
	assert_string_equal(b.founding_date, "2010-01-01");

	/* A body's meetings must stay within its dates. */
	add_meeting(f, f->rlscb, "2014-12-04");
	before = snapshot(f);
	b.founding_date = "2015-01-01";
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Date founded: its meeting RLSCB/2014-12-04 on 2014-12-04 "
	           "would fall outside the dates the body runs");
	b.founding_date = "2010-01-01";
	b.dissolution_date = "2014-12-03";
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Date dissolved: its meeting RLSCB/2014-12-04 on 2014-12-04 "
	           "would fall outside the dates the body runs");
	assert_string_equal(snapshot(f), before);
}

static void test_reject_bad_enums(void **state)
{
	struct fixture *f = *state;
	char *before = snapshot(f);
	struct gov_organisation o = {0};
	struct gov_body b = {0};
	struct gov_membership m = {0};
	struct gov_meeting mt = {0};

	o.partnership_id = f->rotherham;
	o.key = "new-agency";
	o.name = "New Agency";
	o.part = "partner";
	EXPECT_ERR(f, gov_organisation_create(&f->g, &o, &f->err),
	           MASA_ERR_INVALID,
	           "Part in the arrangements: \"partner\" is not one of "
	           "safeguarding_partner, relevant_agency, education, other");
	o.part = NULL;
	EXPECT_ERR(f, gov_organisation_create(&f->g, &o, &f->err),
	           MASA_ERR_INVALID,
	           "Part in the arrangements: required, one of "
	           "safeguarding_partner, "
	           "relevant_agency, education, other");
	o.part = "other";
	o.classification = "charity";
	EXPECT_ERR(f, gov_organisation_create(&f->g, &o, &f->err),
	           MASA_ERR_INVALID,
	           "Sector: \"charity\" is not one of "
	           "local_authority, health, police, probation, education, "
	           "fire, voluntary, court, government, other");

	b.partnership_id = f->rotherham;
	b.short_name = "NEW";
	b.name = "New body";
	b.kind = "committee";
	EXPECT_ERR(f, gov_body_create(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Kind of body: \"committee\" is not one of "
	           "chief_officers_group, executive, subgroup, panel, "
	           "wider_partnership, scrutiny_committee, board");

	m.body_id = f->rlscb;
	m.person_id = f->alice;
	m.role = "boss";
	EXPECT_ERR(f, gov_membership_create(&f->g, &m, &f->err),
	           MASA_ERR_INVALID,
	           "Role: \"boss\" is not one of chair, vice_chair, "
	           "deputy_chair, member, advisor, co_optee, lay_member, "
	           "minute_taker, officer");
	m.role = "Chair";
	EXPECT_ERR(f, gov_membership_create(&f->g, &m, &f->err),
	           MASA_ERR_INVALID,
	           "Role: \"Chair\" is not one of chair, vice_chair, "
	           "deputy_chair, member, advisor, co_optee, lay_member, "
	           "minute_taker, officer");

	mt.body_id = f->rlscb;
	mt.date = "2014-12-04";
	mt.status = "postponed";
	EXPECT_ERR(
	        f, gov_meeting_create(&f->g, &mt, &f->err), MASA_ERR_INVALID,
	        "Meeting status: \"postponed\" is not one of scheduled, held, "
	        "inquorate, adjourned, cancelled");
	mt.status = NULL;
	EXPECT_ERR(f, gov_meeting_create(&f->g, &mt, &f->err), MASA_ERR_INVALID,
	           "Meeting status: required, one of scheduled, held, "
	           "inquorate, adjourned, cancelled");
	assert_string_equal(snapshot(f), before);
}

static void test_reject_blank_and_bad_text(void **state)
{
	struct fixture *f = *state;
	char *before = snapshot(f);
	struct gov_person p = {0};
	struct gov_organisation o = {0};
	struct gov_body b = {0};
	char long_name[1002];

	p.partnership_id = f->rotherham;
	p.key = "new-person";
	p.name = "   ";
	EXPECT_ERR(f, gov_person_create(&f->g, &p, &f->err), MASA_ERR_INVALID,
	           "Name: required, and may not be blank");
	p.name = NULL;
	EXPECT_ERR(f, gov_person_create(&f->g, &p, &f->err), MASA_ERR_INVALID,
	           "Name: required, and may not be blank");
	p.name = "Bad \xff name";
	EXPECT_ERR(f, gov_person_create(&f->g, &p, &f->err), MASA_ERR_INVALID,
	           "Name: not UTF-8 text (bad byte at offset 4)");
	p.name = "Surrogate \xed\xa0\x80";
	EXPECT_ERR(f, gov_person_create(&f->g, &p, &f->err), MASA_ERR_INVALID,
	           "Name: not UTF-8 text (bad byte at offset 10)");
	p.name = "Alice\nJones";
	EXPECT_ERR(f, gov_person_create(&f->g, &p, &f->err), MASA_ERR_INVALID,
	           "Name: must be one line, \"Alice\nJones\" has a line "
	           "break");
	memset(long_name, 'n', 1001);
	long_name[1001] = '\0';
	p.name = long_name;
	EXPECT_ERR(f, gov_person_create(&f->g, &p, &f->err), MASA_ERR_INVALID,
	           "Name: 1001 bytes is longer than the limit of 1000");
	p.name = "New Person";
	p.job_title = "\xc3";
	EXPECT_ERR(f, gov_person_create(&f->g, &p, &f->err), MASA_ERR_INVALID,
	           "Job title: not UTF-8 text (bad byte at offset 0)");
	p.job_title = NULL;
	p.email = "not-an-email";
	EXPECT_ERR(f, gov_person_create(&f->g, &p, &f->err), MASA_ERR_INVALID,
	           "E-mail address: \"not-an-email\" is not an e-mail address");
	p.email = NULL;
	p.key = "New Person";
	EXPECT_ERR(f, gov_person_create(&f->g, &p, &f->err), MASA_ERR_INVALID,
	           "Key: \"New Person\" must be 1-80 lower-case letters, "
	           "digits and -");
	p.key = NULL;
	EXPECT_ERR(f, gov_person_create(&f->g, &p, &f->err), MASA_ERR_INVALID,
	           "Key: \"\" must be 1-80 lower-case letters, digits "
	           "and -");

	o.partnership_id = f->rotherham;
	o.key = "new-agency";
	o.name = "";
	o.part = "other";
	EXPECT_ERR(f, gov_organisation_create(&f->g, &o, &f->err),
	           MASA_ERR_INVALID, "Name: required, and may not be blank");

	b.partnership_id = f->rotherham;
	b.short_name = "NEW";
	b.name = "\t";
	b.kind = "panel";
	EXPECT_ERR(f, gov_body_create(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Name: required, and may not be blank");
	b.name = "New panel";
	b.terms_of_reference = "Line one\n\xe0\x80\x80";
	EXPECT_ERR(f, gov_body_create(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Terms of reference: not UTF-8 text (bad byte at offset "
	           "9)");
	b.terms_of_reference = NULL;
	b.short_name = "";
	EXPECT_ERR(f, gov_body_create(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Short name: \"\" must be 1-40 letters, digits, -, _ "
	           "or &");

	struct gov_meeting mt = {0};
	mt.body_id = f->rlscb;
	mt.date = "2014-12-04";
	mt.status = "held";
	mt.name = "Board \xff";
	EXPECT_ERR(f, gov_meeting_create(&f->g, &mt, &f->err), MASA_ERR_INVALID,
	           "Meeting name: not UTF-8 text (bad byte at offset 6)");
	assert_string_equal(snapshot(f), before);
}

static void test_reject_cross_partnership(void **state)
{
	struct fixture *f = *state;
	int64_t m = add_meeting(f, f->rlscb, "2014-12-04");
	int64_t their_meeting = add_meeting(f, f->sscp, "2015-01-10");
	int64_t item = add_item(f, m, 0, "1", "Apologies");
	struct gov_document doc = {0};
	char *before;

	doc.item_id = item;
	doc.title = "Paper";
	doc.kind = "paper";
	MUST(f, gov_document_create(&f->g, &doc, &f->err));
	before = snapshot(f);

	struct gov_membership ms = {0};
	ms.body_id = f->rlscb;
	ms.person_id = f->outsider;
	ms.role = "member";
	EXPECT_ERR(
	        f, gov_membership_create(&f->g, &ms, &f->err), MASA_ERR_INVALID,
	        WITH_ID(f, "Person: no person with id %lld here", f->outsider));
	ms.person_id = f->alice;
	ms.organisation_id = f->sheffield_council;
	EXPECT_ERR(f, gov_membership_create(&f->g, &ms, &f->err),
	           MASA_ERR_INVALID,
	           WITH_ID(f,
	                   "Organisation represented: no organisation with id "
	                   "%lld "
	                   "here",
	                   f->sheffield_council));

	struct gov_person p;
	MUST(f, gov_person_get(&f->g, f->alice, &f->a, &p, &f->err));
	p.organisation_id = f->sheffield_council;
	EXPECT_ERR(f, gov_person_update(&f->g, &p, &f->err), MASA_ERR_INVALID,
	           WITH_ID(f,
	                   "Organisation they work for: no organisation with "
	                   "id %lld "
	                   "here",
	                   f->sheffield_council));

	struct gov_attendance at = {0};
	at.meeting_id = m;
	at.person_id = f->outsider;
	at.status = "present";
	EXPECT_ERR(f, gov_attendance_record(&f->g, &at, &f->err),
	           MASA_ERR_INVALID,
	           WITH_ID(f, "attendance person: no person with id %lld here",
	                   f->outsider));
	at.person_id = f->alice;
	at.status = "represented_by";
	at.substitute_id = f->outsider;
	EXPECT_ERR(
	        f, gov_attendance_record(&f->g, &at, &f->err), MASA_ERR_INVALID,
	        WITH_ID(f, "attendance substitute: no person with id %lld here",
	                f->outsider));

	struct gov_item it = {0};
	it.meeting_id = m;
	it.number = "2";
	it.title = "Report";
	it.presenter_id = f->outsider;
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           WITH_ID(f, "item presenter: no person with id %lld here",
	                   f->outsider));
	it.presenter_id = 0;
	it.status = "deferred";
	it.deferred_to_id = their_meeting;
	EXPECT_ERR(f, gov_item_create(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           "item 2 deferred_to: that meeting is in another "
	           "partnership");

	struct gov_declaration dc = {0};
	dc.meeting_id = m;
	dc.person_id = f->outsider;
	dc.interest = "Something";
	EXPECT_ERR(f, gov_declaration_create(&f->g, &dc, &f->err),
	           MASA_ERR_INVALID,
	           WITH_ID(f, "declaration person: no person with id %lld here",
	                   f->outsider));
	struct gov_circulation c = {0};
	c.document_id = doc.id;
	c.person_id = f->outsider;
	c.sent_on = "2014-11-27";
	EXPECT_ERR(f, gov_circulation_create(&f->g, &c, &f->err),
	           MASA_ERR_INVALID,
	           WITH_ID(f, "circulation person: no person with id %lld here",
	                   f->outsider));

	struct gov_body b = {0};
	b.partnership_id = f->rotherham;
	b.short_name = "NEW";
	b.name = "New sub-group";
	b.kind = "subgroup";
	b.parent_id = f->sscp;
	EXPECT_ERR(
	        f, gov_body_create(&f->g, &b, &f->err), MASA_ERR_INVALID,
	        WITH_ID(f,
	                "Reports to: no body with id %lld in this partnership",
	                f->sscp));
	assert_string_equal(snapshot(f), before);
}

/* updates that would leave stored records inconsistent */

static void test_reject_body_dates_outside_memberships(void **state)
{
	struct fixture *f = *state;
	struct gov_body b;
	char *before;

	add_membership(f, f->rlscb, f->alice, "member", f->police, "2012-01-01",
	               "2014-12-31");
	before = snapshot(f);

	/* Founding after the membership started. */
	MUST(f, gov_body_get(&f->g, f->rlscb, &f->a, &b, &f->err));
	b.founding_date = "2012-01-02";
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Date founded: the membership of Alice Jones (2012-01-01 to "
	           "2014-12-31) would fall outside the dates the body runs");
	/* Dissolution before the membership ended. */
	b.founding_date = "2010-01-01";
	b.dissolution_date = "2014-12-30";
	EXPECT_ERR(
	        f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	        "Date dissolved: the membership of Alice Jones (2012-01-01 to "
	        "2014-12-31) would fall outside the dates the body runs");
	assert_string_equal(snapshot(f), before);
	MUST(f, gov_body_get(&f->g, f->rlscb, &f->a, &b, &f->err));
	assert_string_equal(b.founding_date, "2010-01-01");
	assert_string_equal(b.dissolution_date, "2019-08-31");

	/* Open-ended memberships are named with "the start" and "now". */
	add_membership(f, f->cse, f->sam, "member", 0, "2013-01-01", NULL);
	add_membership(f, f->cse, f->dave, "member", 0, NULL, "2014-01-01");
	before = snapshot(f);
	MUST(f, gov_body_get(&f->g, f->cse, &f->a, &b, &f->err));
	b.founding_date = "2013-06-01";
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Date founded: the membership of Sam Newton (2013-01-01 to "
	           "now) would fall outside the dates the body runs");
	b.founding_date = NULL;
	b.dissolution_date = "2013-12-31";
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "Date dissolved: the membership of Dave Brown (the start to "
	           "2014-01-01) would fall outside the dates the body runs");
	assert_string_equal(snapshot(f), before);
	MUST(f, gov_body_get(&f->g, f->cse, &f->a, &b, &f->err));
	assert_null(b.founding_date);
	assert_null(b.dissolution_date);

	/* The membership's own first and last days are fine. */
	MUST(f, gov_body_get(&f->g, f->rlscb, &f->a, &b, &f->err));
	b.founding_date = "2012-01-01";
	b.dissolution_date = "2014-12-31";
	MUST(f, gov_body_update(&f->g, &b, &f->err));
	MUST(f, gov_body_get(&f->g, f->rlscb, &f->a, &b, &f->err));
	assert_string_equal(b.founding_date, "2012-01-01");
	assert_string_equal(b.dissolution_date, "2014-12-31");
}

static void test_reject_meeting_move_across_deferral(void **state)
{
	struct fixture *f = *state;
	int64_t from = add_meeting(f, f->rlscb, "2014-12-04");
	int64_t to = add_meeting(f, f->rlscb, "2015-03-05");
	struct gov_item it = {0};
	struct gov_meeting got;
	char *before;

	it.meeting_id = from;
	it.number = "5";
	it.title = "Annual report";
	it.status = "deferred";
	it.deferred_to_id = to;
	MUST(f, gov_item_create(&f->g, &it, &f->err));
	before = snapshot(f);

	/* The meeting an item was deferred to must stay after its own. */
	MUST(f, gov_meeting_get(&f->g, to, &f->a, &got, &f->err));
	got.date = "2014-12-04";
	EXPECT_ERR(f, gov_meeting_update(&f->g, &got, &f->err),
	           MASA_ERR_INVALID,
	           "meeting date: 2014-12-04 would not be after "
	           "RLSCB/2014-12-04, whose item 5 was deferred to this "
	           "meeting");
	got.date = "2014-11-01";
	EXPECT_ERR(f, gov_meeting_update(&f->g, &got, &f->err),
	           MASA_ERR_INVALID,
	           "meeting date: 2014-11-01 would not be after "
	           "RLSCB/2014-12-04, whose item 5 was deferred to this "
	           "meeting");
	/* The meeting that deferred it must stay before the one it went to. */
	MUST(f, gov_meeting_get(&f->g, from, &f->a, &got, &f->err));
	got.date = "2015-03-05";
	EXPECT_ERR(f, gov_meeting_update(&f->g, &got, &f->err),
	           MASA_ERR_INVALID,
	           "meeting date: 2015-03-05 would not be before "
	           "RLSCB/2015-03-05, to which item 5 was deferred");
	got.date = "2015-06-01";
	EXPECT_ERR(f, gov_meeting_update(&f->g, &got, &f->err),
	           MASA_ERR_INVALID,
	           "meeting date: 2015-06-01 would not be before "
	           "RLSCB/2015-03-05, to which item 5 was deferred");
	assert_string_equal(snapshot(f), before);
	MUST(f, gov_meeting_get(&f->g, from, &f->a, &got, &f->err));
	assert_string_equal(got.date, "2014-12-04");
	MUST(f, gov_meeting_get(&f->g, to, &f->a, &got, &f->err));
	assert_string_equal(got.date, "2015-03-05");

	/* Moves that keep the order are fine, up to the day between them. */
	got.date = "2014-12-21";
	MUST(f, gov_meeting_update(&f->g, &got, &f->err));
	MUST(f, gov_meeting_get(&f->g, from, &f->a, &got, &f->err));
	got.date = "2014-12-20";
	MUST(f, gov_meeting_update(&f->g, &got, &f->err));
	MUST(f, gov_item_get(&f->g, test_system(f->rotherham), it.id, &f->a,
	                     &it, &f->err));
	assert_int_equal(it.deferred_to_id, to);
	MUST(f, gov_meeting_get(&f->g, to, &f->a, &got, &f->err));
	assert_string_equal(got.date, "2014-12-21");
}

static void test_reject_item_under_own_sub_item(void **state)
{
	struct fixture *f = *state;
	int64_t m = add_meeting(f, f->rlscb, "2014-12-04");
	int64_t four = add_item(f, m, 0, "4", "Reports");
	int64_t sub = add_item(f, m, four, "4.1", "Performance");
	int64_t subsub = add_item(f, m, sub, "4.1.1", "Police figures");
	int64_t five = add_item(f, m, 0, "5", "Any other business");
	struct gov_item got;
	char *before = snapshot(f);

	MUST(f, gov_item_get(&f->g, test_system(f->rotherham), four, &f->a,
	                     &got, &f->err));
	got.parent_id = sub;
	EXPECT_ERR(f, gov_item_update(&f->g, &got, &f->err), MASA_ERR_INVALID,
	           "item 4 parent: an item cannot be a sub-item of its own "
	           "sub-item");
	got.parent_id = subsub;
	EXPECT_ERR(f, gov_item_update(&f->g, &got, &f->err), MASA_ERR_INVALID,
	           "item 4 parent: an item cannot be a sub-item of its own "
	           "sub-item");
	MUST(f, gov_item_get(&f->g, test_system(f->rotherham), sub, &f->a, &got,
	                     &f->err));
	got.parent_id = subsub;
	EXPECT_ERR(f, gov_item_update(&f->g, &got, &f->err), MASA_ERR_INVALID,
	           "item 4.1 parent: an item cannot be a sub-item of its own "
	           "sub-item");
	assert_string_equal(snapshot(f), before);
	MUST(f, gov_item_get(&f->g, test_system(f->rotherham), four, &f->a,
	                     &got, &f->err));
	assert_int_equal(got.parent_id, 0);
	MUST(f, gov_item_get(&f->g, test_system(f->rotherham), sub, &f->a, &got,
	                     &f->err));
	assert_int_equal(got.parent_id, four);

	/* Moving a branch under an item outside it is fine. */
	MUST(f, gov_item_get(&f->g, test_system(f->rotherham), four, &f->a,
	                     &got, &f->err));
	got.parent_id = five;
	MUST(f, gov_item_update(&f->g, &got, &f->err));
	MUST(f, gov_item_get(&f->g, test_system(f->rotherham), four, &f->a,
	                     &got, &f->err));
	assert_int_equal(got.parent_id, five);
}

static void test_reject_move_to_another_partnership(void **state)
{
	struct fixture *f = *state;
	char *before = snapshot(f);
	struct gov_body b;
	struct gov_organisation o;
	struct gov_person p;

	MUST(f, gov_body_get(&f->g, f->rlscb, &f->a, &b, &f->err));
	b.partnership_id = f->sheffield;
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_INVALID,
	           "body partnership: cannot move to another "
	           "partnership");
	MUST(f, gov_organisation_get(&f->g, f->police, &f->a, &o, &f->err));
	o.partnership_id = f->sheffield;
	EXPECT_ERR_HAS(f, gov_organisation_update(&f->g, &o, &f->err),
	               MASA_ERR_INVALID, "organisation partnership: ");
	assert_non_null(
	        strstr(f->err.message, "cannot move to another partnership"));
	MUST(f, gov_person_get(&f->g, f->steve, &f->a, &p, &f->err));
	p.partnership_id = f->sheffield;
	EXPECT_ERR(f, gov_person_update(&f->g, &p, &f->err), MASA_ERR_INVALID,
	           "person partnership: cannot move to another "
	           "partnership");
	/* Its employer moving with it makes no difference. */
	MUST(f, gov_person_get(&f->g, f->alice, &f->a, &p, &f->err));
	p.partnership_id = f->sheffield;
	p.organisation_id = f->sheffield_council;
	EXPECT_ERR(f, gov_person_update(&f->g, &p, &f->err), MASA_ERR_INVALID,
	           "person partnership: cannot move to another "
	           "partnership");
	assert_string_equal(snapshot(f), before);
	MUST(f, gov_body_get(&f->g, f->rlscb, &f->a, &b, &f->err));
	assert_int_equal(b.partnership_id, f->rotherham);
	MUST(f, gov_organisation_get(&f->g, f->police, &f->a, &o, &f->err));
	assert_int_equal(o.partnership_id, f->rotherham);
	MUST(f, gov_person_get(&f->g, f->alice, &f->a, &p, &f->err));
	assert_int_equal(p.partnership_id, f->rotherham);
	assert_int_equal(p.organisation_id, f->police);

	/* A record that does not exist is not found, in any partnership and
	 * even with another record's key. */
	MUST(f, gov_person_get(&f->g, f->alice, &f->a, &p, &f->err));
	p.id = 9999;
	EXPECT_ERR(f, gov_person_update(&f->g, &p, &f->err), MASA_ERR_NOT_FOUND,
	           "no person with id 9999");
	p.partnership_id = f->sheffield;
	p.organisation_id = 0;
	EXPECT_ERR(f, gov_person_update(&f->g, &p, &f->err), MASA_ERR_NOT_FOUND,
	           "no person with id 9999");
	MUST(f, gov_organisation_get(&f->g, f->police, &f->a, &o, &f->err));
	o.id = 9999;
	EXPECT_ERR(f, gov_organisation_update(&f->g, &o, &f->err),
	           MASA_ERR_NOT_FOUND, "no organisation with id 9999");
	MUST(f, gov_body_get(&f->g, f->rlscb, &f->a, &b, &f->err));
	b.id = 9999;
	b.short_name = "GONE";
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_NOT_FOUND,
	           "no body with id 9999");
	assert_string_equal(snapshot(f), before);
}

/* meeting keys */

static void test_meeting_keys(void **state)
{
	struct fixture *f = *state;
	int64_t first = add_meeting(f, f->rlscb, "2014-12-04");
	int64_t second = add_meeting(f, f->rlscb, "2014-12-04");
	int64_t third = add_meeting(f, f->rlscb, "2014-12-04");
	int64_t next_day = add_meeting(f, f->rlscb, "2014-12-05");
	int64_t sub = add_meeting(f, f->cse, "2014-12-04");
	struct gov_meeting m = {0}, got;
	char *before;

	assert_string_equal(meeting_key(f, first), "RLSCB/2014-12-04");
	assert_string_equal(meeting_key(f, second), "RLSCB/2014-12-04-2");
	assert_string_equal(meeting_key(f, third), "RLSCB/2014-12-04-3");
	assert_string_equal(meeting_key(f, next_day), "RLSCB/2014-12-05");
	assert_string_equal(meeting_key(f, sub), "RLSCB-CSE/2014-12-04");

	/* Explicit keys: checked for shape and for clashes. */
	before = snapshot(f);
	m.body_id = f->rlscb;
	m.date = "2014-12-06";
	m.status = "scheduled";
	m.key = "RLSCB/2014-12-04";
	EXPECT_ERR(f, gov_meeting_create(&f->g, &m, &f->err), MASA_ERR_CONFLICT,
	           "meeting id: \"RLSCB/2014-12-04\" is already used");
	m.key = "RLSCB 2014-12-06";
	EXPECT_ERR(f, gov_meeting_create(&f->g, &m, &f->err), MASA_ERR_INVALID,
	           "meeting id: \"RLSCB 2014-12-06\" must look like "
	           "BODY/YYYY-MM-DD");
	m.key = "RLSCB-2014-12-06";
	EXPECT_ERR(f, gov_meeting_create(&f->g, &m, &f->err), MASA_ERR_INVALID,
	           "meeting id: \"RLSCB-2014-12-06\" must look like "
	           "BODY/YYYY-MM-DD");
	assert_string_equal(snapshot(f), before);
	m.key = "RLSCB/special";
	MUST(f, gov_meeting_create(&f->g, &m, &f->err));
	assert_string_equal(meeting_key(f, m.id), "RLSCB/special");

	/* Another partnership may use the same key. */
	m = (struct gov_meeting){0};
	m.body_id = f->sscp;
	m.date = "2014-12-04";
	m.status = "held";
	m.key = "RLSCB/2014-12-04";
	MUST(f, gov_meeting_create(&f->g, &m, &f->err));

	/* Moving a meeting keeps its key; the day it left has the plain key
	 * free again. */
	MUST(f, gov_meeting_get(&f->g, first, &f->a, &got, &f->err));
	got.date = "2014-12-10";
	got.location = "Town Hall";
	MUST(f, gov_meeting_update(&f->g, &got, &f->err));
	MUST(f, gov_meeting_get(&f->g, first, &f->a, &got, &f->err));
	assert_string_equal(got.key, "RLSCB/2014-12-04");
	assert_string_equal(got.date, "2014-12-10");
	assert_string_equal(got.location, "Town Hall");
	assert_string_equal(
	        meeting_key(f, add_meeting(f, f->rlscb, "2014-12-10")),
	        "RLSCB/2014-12-10");
	/* The key itself cannot change. */
	before = snapshot(f);
	got.key = "RLSCB/2014-12-10-2";
	EXPECT_ERR(f, gov_meeting_update(&f->g, &got, &f->err),
	           MASA_ERR_INVALID,
	           "meeting RLSCB/2014-12-04: its id and body cannot change");
	assert_string_equal(snapshot(f), before);
}

/* members on a date */

static void test_members_on(void **state)
{
	struct fixture *f = *state;
	struct gov_member *mem;
	size_t n;

	add_membership(f, f->rlscb, f->steve, "chair", 0, "2012-01-01", NULL);
	add_membership(f, f->rlscb, f->bob, "vice_chair", 0, "2012-01-01",
	               "2014-12-03");
	add_membership(f, f->rlscb, f->carol, "member", f->health, NULL,
	               "2014-12-04");
	add_membership(f, f->rlscb, f->alice, "member", 0, "2013-04-01", NULL);
	add_membership(f, f->rlscb, f->dave, "lay_member", 0, "2014-12-04",
	               NULL);
	add_membership(f, f->rlscb, f->erin, "advisor", 0, "2014-12-05", NULL);
	add_membership(f, f->rlscb, f->sam, "member", 0, "2011-01-01",
	               "2011-12-31");
	add_membership(f, f->cse, f->sam, "chair", 0, NULL, NULL);

	MUST(f, gov_members_on(&f->g, f->rlscb, "2014-12-04", &f->a, &mem, &n,
	                       &f->err));
	assert_int_equal(n, 4);
	assert_string_equal(mem[0].m.role, "chair");
	assert_string_equal(mem[0].person_key, "steve-ashley");
	assert_string_equal(mem[0].person_name, "Steve Ashley");
	assert_string_equal(mem[0].honorific_prefix, "Mr");
	assert_string_equal(mem[0].job_title, "Independent Chair");
	assert_null(mem[0].organisation_key);
	assert_string_equal(mem[0].m.start_date, "2012-01-01");
	assert_null(mem[0].m.end_date);
	/* Members by name; the organisation is the one represented, else the
	 * employer. */
	assert_string_equal(mem[1].person_key, "alice-jones");
	assert_string_equal(mem[1].organisation_key, "south-yorkshire-police");
	assert_string_equal(mem[1].organisation_name, "South Yorkshire Police");
	assert_string_equal(mem[2].person_key, "carol-white");
	assert_string_equal(mem[2].organisation_name, "NHS Rotherham CCG");
	assert_string_equal(mem[2].m.end_date, "2014-12-04");
	assert_string_equal(mem[3].person_key, "dave-brown");
	assert_string_equal(mem[3].m.role, "lay_member");

	/* The day before: Bob (ended 2014-12-03) is there, Dave is not. */
	MUST(f, gov_members_on(&f->g, f->rlscb, "2014-12-03", &f->a, &mem, &n,
	                       &f->err));
	assert_int_equal(n, 4);
	assert_string_equal(mem[0].person_key, "steve-ashley");
	assert_string_equal(mem[1].person_key, "bob-smith");
	assert_string_equal(mem[1].m.role, "vice_chair");
	assert_string_equal(mem[2].person_key, "alice-jones");
	assert_string_equal(mem[3].person_key, "carol-white");

	/* The day after: Carol has gone, Erin has come. */
	MUST(f, gov_members_on(&f->g, f->rlscb, "2014-12-05", &f->a, &mem, &n,
	                       &f->err));
	assert_int_equal(n, 4);
	assert_string_equal(mem[0].person_key, "steve-ashley");
	assert_string_equal(mem[1].person_key, "alice-jones");
	assert_string_equal(mem[2].person_key, "dave-brown");
	assert_string_equal(mem[3].person_key, "erin-green");

	/* No date: every membership ever, by start date. */
	MUST(f,
	     gov_members_on(&f->g, f->rlscb, NULL, &f->a, &mem, &n, &f->err));
	assert_int_equal(n, 7);
	static const char *const ever[] = {
	        "carol-white", "sam-newton", "steve-ashley", "bob-smith",
	        "alice-jones", "dave-brown", "erin-green"};
	for (size_t i = 0; i < 7; i++)
		assert_string_equal(mem[i].person_key, ever[i]);

	MUST(f, gov_members_on(&f->g, f->cse, "2030-01-01", &f->a, &mem, &n,
	                       &f->err));
	assert_int_equal(n, 1);
	assert_string_equal(mem[0].person_key, "sam-newton");
	MUST(f, gov_members_on(&f->g, f->sscp, "2014-12-04", &f->a, &mem, &n,
	                       &f->err));
	assert_int_equal(n, 0);
	EXPECT_ERR(f,
	           gov_members_on(&f->g, f->rlscb, "2014-12-4", &f->a, &mem, &n,
	                          &f->err),
	           MASA_ERR_INVALID,
	           "date: \"2014-12-4\" is not a date in the form YYYY-MM-DD");
}

/* quorum */

static void set_quorum(struct fixture *f, int64_t body, int64_t count,
                       const char *fraction, bool partners)
{
	struct gov_body b;

	MUST(f, gov_body_get(&f->g, body, &f->a, &b, &f->err));
	b.quorum_count = count;
	b.quorum_fraction = (char *)fraction;
	b.quorum_partners = partners;
	MUST(f, gov_body_update(&f->g, &b, &f->err));
}

static void test_quorum_count(void **state)
{
	struct fixture *f = *state;
	struct gov_quorum q;
	int64_t m;

	set_quorum(f, f->rlscb, 3, NULL, false);
	add_membership(f, f->rlscb, f->steve, "chair", 0, NULL, NULL);
	add_membership(f, f->rlscb, f->alice, "member", 0, NULL, NULL);
	add_membership(f, f->rlscb, f->bob, "member", 0, NULL, NULL);
	add_membership(f, f->rlscb, f->carol, "member", 0, NULL, NULL);
	add_membership(f, f->rlscb, f->erin, "advisor", 0, NULL, NULL);
	add_membership(f, f->rlscb, f->dave, "member", 0, "2012-01-01",
	               "2013-12-31");
	m = add_meeting(f, f->rlscb, "2014-12-04");

	MUST(f, gov_meeting_quorum(&f->g, m, &q, &f->err));
	assert_true(q.has_rule);
	assert_int_equal(q.voting_members, 4);
	assert_int_equal(q.voting_present, 0);
	assert_int_equal(q.required, 3);
	assert_false(q.quorate);

	add_attendance(f, m, f->steve, "present", 0);
	add_attendance(f, m, f->alice, "present", 0);
	add_attendance(f, m, f->erin, "present", 0); /* advisor */
	add_attendance(f, m, f->dave, "present", 0); /* membership ended */
	add_attendance(f, m, f->carol, "apologies", 0);
	add_attendance(f, m, f->sam, "in_attendance", 0);
	MUST(f, gov_meeting_quorum(&f->g, m, &q, &f->err));
	assert_int_equal(q.voting_members, 4);
	assert_int_equal(q.voting_present, 2);
	assert_int_equal(q.required, 3);
	assert_int_equal(q.partners_missing, 0);
	assert_false(q.quorate);

	/* Bob sends a substitute: that counts as present. */
	struct gov_attendance at = {0};
	at.meeting_id = m;
	at.person_id = f->bob;
	at.status = "represented_by";
	at.substitute_id = add_person(f, f->rotherham, "sub-one", "Sub One",
	                              NULL, NULL, 0);
	MUST(f, gov_attendance_record(&f->g, &at, &f->err));
	MUST(f, gov_meeting_quorum(&f->g, m, &q, &f->err));
	assert_int_equal(q.voting_present, 3);
	assert_true(q.quorate);

	EXPECT_ERR(f, gov_meeting_quorum(&f->g, 9999, &q, &f->err),
	           MASA_ERR_NOT_FOUND, "no meeting with id 9999");
}

static void test_quorum_fraction(void **state)
{
	struct fixture *f = *state;
	struct gov_quorum q;
	int64_t m;

	set_quorum(f, f->cse, 0, "1/3", false);
	add_membership(f, f->cse, f->alice, "member", 0, NULL, NULL);
	add_membership(f, f->cse, f->bob, "member", 0, NULL, NULL);
	add_membership(f, f->cse, f->carol, "co_optee", 0, NULL, NULL);
	add_membership(f, f->cse, f->dave, "lay_member", 0, NULL, NULL);
	add_membership(f, f->cse, f->erin, "advisor", 0, NULL, NULL);
	m = add_meeting(f, f->cse, "2014-12-10");
	add_attendance(f, m, f->alice, "present", 0);
	add_attendance(f, m, f->erin, "present", 0);

	/* A third of 4 is 1.33, rounded up to 2. */
	MUST(f, gov_meeting_quorum(&f->g, m, &q, &f->err));
	assert_true(q.has_rule);
	assert_int_equal(q.voting_members, 4);
	assert_int_equal(q.voting_present, 1);
	assert_int_equal(q.required, 2);
	assert_false(q.quorate);
	add_attendance(f, m, f->bob, "present", 0);
	MUST(f, gov_meeting_quorum(&f->g, m, &q, &f->err));
	assert_int_equal(q.voting_present, 2);
	assert_true(q.quorate);

	/* A third of 6 is exactly 2; of 7, 2.33 becomes 3. */
	add_membership(f, f->cse, f->steve, "chair", 0, NULL, NULL);
	add_membership(f, f->cse, f->sam, "vice_chair", 0, NULL, NULL);
	MUST(f, gov_meeting_quorum(&f->g, m, &q, &f->err));
	assert_int_equal(q.voting_members, 6);
	assert_int_equal(q.required, 2);
	assert_true(q.quorate);
	add_membership(f, f->cse, f->erin, "deputy_chair", 0, NULL, NULL);
	MUST(f, gov_meeting_quorum(&f->g, m, &q, &f->err));
	assert_int_equal(q.voting_members, 7);
	assert_int_equal(q.voting_present, 3); /* Erin now votes */
	assert_int_equal(q.required, 3);
	assert_true(q.quorate);
}

static void test_quorum_safeguarding_partners(void **state)
{
	struct fixture *f = *state;
	struct gov_quorum q;
	int64_t m, m2;

	set_quorum(f, f->rlscb, 0, NULL, true);
	add_membership(f, f->rlscb, f->alice, "member", 0, NULL, NULL);
	add_membership(f, f->rlscb, f->bob, "member", 0, NULL, NULL);
	add_membership(f, f->rlscb, f->carol, "member", 0, NULL, NULL);
	add_membership(f, f->rlscb, f->erin, "advisor", f->health, NULL, NULL);
	add_membership(f, f->rlscb, f->dave, "member", f->health, "2015-01-01",
	               NULL);
	m = add_meeting(f, f->rlscb, "2014-12-04");
	add_attendance(f, m, f->alice, "present", 0);
	add_attendance(f, m, f->bob, "present", 0);
	add_attendance(f, m, f->erin, "present", 0); /* advisors do not count */

	MUST(f, gov_meeting_quorum(&f->g, m, &q, &f->err));
	assert_true(q.has_rule);
	assert_int_equal(q.voting_members, 3);
	assert_int_equal(q.voting_present, 2);
	assert_int_equal(q.required, 0);
	assert_int_equal(q.partners_missing, 1);
	assert_false(q.quorate);

	/* Carol (health) sends Sam: health is now represented. */
	add_attendance(f, m, f->carol, "represented_by", f->sam);
	MUST(f, gov_meeting_quorum(&f->g, m, &q, &f->err));
	assert_int_equal(q.voting_present, 3);
	assert_int_equal(q.partners_missing, 0);
	assert_true(q.quorate);

	/* Later, Dave (employed by the council) sits on behalf of health. */
	m2 = add_meeting(f, f->rlscb, "2015-03-05");
	add_attendance(f, m2, f->alice, "present", 0);
	add_attendance(f, m2, f->dave, "present", 0);
	MUST(f, gov_meeting_quorum(&f->g, m2, &q, &f->err));
	assert_int_equal(q.voting_members, 4);
	assert_int_equal(q.voting_present, 2);
	assert_int_equal(q.partners_missing, 1); /* the council */
	assert_false(q.quorate);

	/* With a count as well, both must be met. */
	set_quorum(f, f->rlscb, 4, NULL, true);
	MUST(f, gov_meeting_quorum(&f->g, m, &q, &f->err));
	assert_int_equal(q.required, 4);
	assert_int_equal(q.partners_missing, 0);
	assert_false(q.quorate);
}

static void test_quorum_without_rule(void **state)
{
	struct fixture *f = *state;
	struct gov_quorum q;
	int64_t m;

	add_membership(f, f->cse, f->alice, "member", 0, NULL, NULL);
	m = add_meeting(f, f->cse, "2014-12-10");
	MUST(f, gov_meeting_quorum(&f->g, m, &q, &f->err));
	assert_false(q.has_rule);
	assert_int_equal(q.voting_members, 1);
	assert_int_equal(q.voting_present, 0);
	assert_int_equal(q.required, 0);
	assert_int_equal(q.partners_missing, 0);
	assert_true(q.quorate);
}

static void test_quorum_fraction_without_voting_members(void **state)
{
	struct fixture *f = *state;
	struct gov_quorum q;
	int64_t m;

	/* Only an advisor: a fraction of nobody still needs one member. */
	set_quorum(f, f->cse, 0, "1/3", false);
	add_membership(f, f->cse, f->erin, "advisor", 0, NULL, NULL);
	m = add_meeting(f, f->cse, "2014-12-10");
	add_attendance(f, m, f->erin, "present", 0);
	MUST(f, gov_meeting_quorum(&f->g, m, &q, &f->err));
	assert_true(q.has_rule);
	assert_int_equal(q.voting_members, 0);
	assert_int_equal(q.voting_present, 0);
	assert_int_equal(q.required, 1);
	assert_false(q.quorate);
}

/* transactions through gov */

static void test_gov_transaction_rollback(void **state)
{
	struct fixture *f = *state;
	char *before = snapshot(f);

	MUST(f, gov_begin(&f->g, &f->err));
	add_person(f, f->rotherham, "temp-person", "Temp Person", NULL, NULL,
	           0);
	add_meeting(f, f->rlscb, "2014-12-04");
	gov_rollback(&f->g);
	EXPECT_ERR(f, gov_commit(&f->g, &f->err), MASA_ERR_STORE,
	           "transaction was rolled back");
	assert_string_equal(snapshot(f), before);

	MUST(f, gov_begin(&f->g, &f->err));
	add_person(f, f->rotherham, "kept-person", "Kept Person", NULL, NULL,
	           0);
	MUST(f, gov_commit(&f->g, &f->err));
	assert_string_not_equal(snapshot(f), before);
}

/* A membership wholly outside its body's life is refused at either end. */
static void test_reject_membership_outside_body_life(void **state)
{
	struct fixture *f = *state;
	char *before = snapshot(f);
	struct gov_membership m = {0};

	m.body_id = f->rlscb;
	m.person_id = f->alice;
	m.role = "member";
	m.start_date = "2019-09-01";
	EXPECT_ERR(f, gov_membership_create(&f->g, &m, &f->err),
	           MASA_ERR_INVALID,
	           "Start date: 2019-09-01 is after RLSCB was "
	           "dissolved on 2019-08-31");
	m.start_date = NULL;
	m.end_date = "2009-12-31";
	EXPECT_ERR(f, gov_membership_create(&f->g, &m, &f->err),
	           MASA_ERR_INVALID,
	           "End date: 2009-12-31 is before RLSCB was "
	           "founded on 2010-01-01");
	assert_string_equal(snapshot(f), before);
}

/* An item stays in its meeting: its sub-items and papers belong there. */
static void test_reject_item_moving_meeting(void **state)
{
	struct fixture *f = *state;
	int64_t first = add_meeting(f, f->rlscb, "2014-09-04");
	int64_t second = add_meeting(f, f->rlscb, "2014-12-04");
	int64_t item = add_item(f, first, 0, "4", "Sub-group reports");
	struct gov_item it;
	char *before;

	add_item(f, first, item, "4.1", "Performance");
	before = snapshot(f);
	MUST(f, gov_item_get(&f->g, test_system(f->rotherham), item, &f->a, &it,
	                     &f->err));
	it.meeting_id = second;
	EXPECT_ERR(f, gov_item_update(&f->g, &it, &f->err), MASA_ERR_INVALID,
	           "item 4 meeting: an item cannot move to another meeting");
	it.id = 9999;
	EXPECT_ERR(f, gov_item_update(&f->g, &it, &f->err), MASA_ERR_NOT_FOUND,
	           "no item with id 9999");
	assert_string_equal(snapshot(f), before);
}

/* Updating a body that does not exist says so, whatever else is wrong. */
static void test_update_missing_body(void **state)
{
	struct fixture *f = *state;
	struct gov_body b;

	MUST(f, gov_body_get(&f->g, f->cse, &f->a, &b, &f->err));
	b.id = 9999; /* and its short name is taken by f->cse */
	EXPECT_ERR(f, gov_body_update(&f->g, &b, &f->err), MASA_ERR_NOT_FOUND,
	           "no body with id 9999");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	        T(test_partnerships),
	        T(test_partnership_resolve_single_and_none),
	        T(test_organisations_and_people),
	        T(test_bodies_and_memberships),
	        T(test_meeting_agenda_and_attendance),
	        T(test_update_writes_audit),
	        T(test_reject_unknown_ids),
	        T(test_reject_membership_dates),
	        T(test_reject_membership_overlap),
	        T(test_reject_meeting_rules),
	        T(test_minutes_status),
	        T(test_reject_attendance_rules),
	        T(test_reject_item_rules),
	        T(test_reject_resolution_and_document_rules),
	        T(test_reject_duplicate_names),
	        T(test_reject_body_rules),
	        T(test_reject_bad_enums),
	        T(test_reject_blank_and_bad_text),
	        T(test_reject_cross_partnership),
	        T(test_reject_body_dates_outside_memberships),
	        T(test_reject_meeting_move_across_deferral),
	        T(test_reject_item_under_own_sub_item),
	        T(test_reject_move_to_another_partnership),
	        T(test_meeting_keys),
	        T(test_members_on),
	        T(test_quorum_count),
	        T(test_quorum_fraction),
	        T(test_quorum_safeguarding_partners),
	        T(test_quorum_without_rule),
	        T(test_quorum_fraction_without_voting_members),
	        T(test_gov_transaction_rollback),
	        T(test_reject_membership_outside_body_life),
	        T(test_reject_item_moving_meeting),
	        T(test_update_missing_body),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
