/*
 * test_child_death: the child death reviews of the demo's regional panel
 * (data/demo.json, then data/demo-sheffield.json and the cases of
 * data/demo-child-deaths.csv): the rules a case keeps, and who sees which
 * cases, across the two partnerships the panel serves.
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

#include "assure/child_death.h"
#include "gov/body.h"
#include "gov/interchange.h"
#include "gov/partnership.h"
#include "store/store.h"

struct fixture {
	char path[TESTDB_SIZE];
	struct store *store;
	struct gov g;
	struct arena a;
	struct masa_error err;
	int64_t rotherham, sheffield, panel;
	long all, of_rotherham, of_sheffield;
};

#define MUST(f, call)                                                       \
	do {                                                                \
		if ((call) != MASA_OK)                                      \
			fail_msg("%s failed: %s", #call, (f)->err.message); \
	} while (0)

static long count_of(struct fixture *f, const struct gov_viewer *v,
                     int64_t partnership)
{
	struct child_death_filter filter = {.partnership_id = partnership};
	struct child_death *list;
	size_t n;
	long total;

	MUST(f, child_death_list(&f->g, v, &filter, &f->a, &list, &n, &total,
	                         &f->err));
	assert_int_equal((long)n, total);
	return total;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct gov_partnership p;
	struct gov_body b;
	struct gov_person person;
	struct gov_membership m = {.role = "member",
	                           .start_date = "2014-01-01"};

	if (testdb_new(f->path, sizeof f->path, "child_death") != 0)
		fail_msg("no test database");
	MUST(f, store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err));
	gov_init(&f->g, f->store, "test");
	MUST(f, interchange_load_file(&f->g, "data/demo.json", &f->rotherham,
	                              NULL, &f->err));
	MUST(f, child_death_demo_load(&f->g, f->rotherham, NULL, &f->err));
	MUST(f, gov_partnership_find(&f->g, "sheffield", &f->a, &p, &f->err));
	f->sheffield = p.id;
	MUST(f, gov_body_find(&f->g, f->rotherham, "CDOP", &f->a, &b, &f->err));
	f->panel = b.id;
	/* A member of the panel: Carole Lavelle, of no other case body. */
	MUST(f, gov_person_find(&f->g, f->rotherham, "carole-lavelle", &f->a,
	                        &person, &f->err));
	m.body_id = b.id;
	m.person_id = person.id;
	MUST(f, gov_membership_create(&f->g, &m, &f->err));
	f->of_rotherham = count_of(f, test_system(f->rotherham), f->rotherham);
	f->of_sheffield = count_of(f, test_system(f->rotherham), f->sheffield);
	f->all = count_of(f, test_system(f->rotherham), 0);
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

/* A new case of the panel, for Sheffield, awaiting review. */
static struct child_death new_case(struct fixture *f, const char *ref)
{
	return (struct child_death){.partnership_id = f->sheffield,
	                            .panel_body_id = f->panel,
	                            .reference = (char *)ref,
	                            .age_band = "28-364d",
	                            .died_on = "2022-02-03",
	                            .notified_on = "2022-02-04",
	                            .place = "home"};
}

static void refused(struct fixture *f, struct child_death *cd,
                    const char *message)
{
	long before = count_of(f, test_system(f->rotherham), 0);

	assert_int_not_equal(child_death_create(&f->g, cd, &f->err), MASA_OK);
	if (strstr(f->err.message, message) == NULL)
		fail_msg("wanted \"%s\" in \"%s\"", message, f->err.message);
	assert_int_equal(count_of(f, test_system(f->rotherham), 0), before);
}

static void test_demo(void **state)
{
	struct fixture *f = *state;
	struct child_death_filter safe = {.theme = "safe-sleeping"};
	struct child_death *list;
	size_t n;
	long total;
	bool rotherham = false, sheffield = false;

	assert_true(f->all >= 40);
	assert_true(f->of_rotherham > 0 && f->of_sheffield > 0);
	assert_int_equal(f->of_rotherham + f->of_sheffield, f->all);
	MUST(f, child_death_list(&f->g, test_system(f->rotherham), &safe, &f->a,
	                         &list, &n, &total, &f->err));
	assert_true(total >= 8 && total <= 12);
	for (size_t i = 0; i < n; i++) {
		rotherham |= list[i].partnership_id == f->rotherham;
		sheffield |= list[i].partnership_id == f->sheffield;
		assert_false(list[i].expected);
	}
	assert_true(rotherham && sheffield);
}

static void test_validation(void **state)
{
	struct fixture *f = *state;
	struct child_death cd = new_case(f, "CDOP-2022-101");
	struct child_death_factor factor = {.domain = "physical_environment",
	                                    .description = "Sofa"};
	struct child_death_factor twice[2] = {factor, factor};
	char *theme = "safe-sleeping", *unknown = "no-such-theme";

	cd.category = 11;
	refused(f, &cd, "category: 11 is not a category of death (1-10)");
	cd = new_case(f, "CDOP-2022-101");
	cd.reviewed_on = "2022-01-01";
	cd.category = 10;
	cd.modifiable = "no";
	refused(f, &cd, "date reviewed by the panel 2022-01-01 is before");
	cd = new_case(f, "CDOP-2022-101");
	cd.notified_on = "2022-02-01";
	refused(f, &cd, "date notified 2022-02-01 is before the date of death");
	cd = new_case(f, "CDOP-2022-101");
	cd.reviewed_on = "2022-09-01";
	cd.category = 10;
	cd.modifiable = "yes";
	refused(f, &cd, "needs at least one domain");
	cd.factors = twice;
	cd.nfactors = 2;
	refused(f, &cd, "is given twice");
	cd.nfactors = 1;
	cd.modifiable = "no";
	refused(f, &cd, "a domain is given");
	cd = new_case(f, "Jayden-Smith");
	refused(f, &cd, "looks like a name");
	cd = new_case(f, "CDOP-2019-001");
	refused(f, &cd, "already used");
	cd = new_case(f, "CDOP-2022-101");
	cd.age_band = "unborn";
	refused(f, &cd, "born alive");
	cd = new_case(f, "CDOP-2022-101");
	cd.place = "car";
	refused(f, &cd, "is not a place");
	cd = new_case(f, "CDOP-2022-101");
	cd.themes = &unknown;
	cd.nthemes = 1;
	refused(f, &cd, "not one of the panel's themes");
	cd = new_case(f, "CDOP-2022-101");
	cd.died_on = "2999-01-01";
	refused(f, &cd, "after today");
	/* A meeting of another body is not the panel's. */
	{
		struct gov_meeting m;

		MUST(f,
		     gov_meeting_find(&f->g, f->rotherham, "RLSCB/2014-12-04",
		                      &f->a, &m, &f->err));
		cd = new_case(f, "CDOP-2022-101");
		cd.panel_meeting_id = m.id;
		refused(f, &cd, "not a meeting of the panel");
	}
	/* A panel that does not serve the child's partnership. */
	{
		struct gov_body other;

		MUST(f, gov_body_find(&f->g, f->rotherham, "RSCP-CPRP", &f->a,
		                      &other, &f->err));
		cd = new_case(f, "CDOP-2022-101");
		cd.panel_body_id = other.id;
		refused(f, &cd, "does not serve");
	}
	/* And a good one, reviewed with a factor and a theme. */
	cd = new_case(f, "CDOP-2022-101");
	cd.reviewed_on = "2022-09-01";
	cd.category = 10;
	cd.modifiable = "yes";
	cd.factors = &factor;
	cd.nfactors = 1;
	cd.themes = &theme;
	cd.nthemes = 1;
	MUST(f, child_death_create(&f->g, &cd, &f->err));
	{
		struct child_death back;

		MUST(f,
		     child_death_find(&f->g, test_system(f->rotherham),
		                      "CDOP-2022-101", &f->a, &back, &f->err));
		assert_int_equal(back.category, 10);
		assert_int_equal((long)back.nfactors, 1);
		assert_string_equal(back.factors[0].description, "Sofa");
		assert_string_equal(back.themes[0], "safe-sleeping");
		assert_string_equal(back.partnership_key, "sheffield");
		/* A stale version is refused. */
		back.version = 99;
		assert_int_equal(child_death_update(&f->g, &back, &f->err),
		                 MASA_ERR_CONFLICT);
	}
}

static void test_visibility(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer panel = test_viewer(
	        &f->g, f->rotherham, GOV_ROLE_MEMBER, "carole-lavelle", NULL);
	struct gov_viewer other = test_viewer(
	        &f->g, f->rotherham, GOV_ROLE_MEMBER, "sue-cassin", NULL);
	struct gov_viewer partner =
	        test_viewer(&f->g, f->rotherham, GOV_ROLE_PARTNER,
	                    "jason-harwin", "south-yorkshire-police");
	struct gov_viewer chair = test_viewer(
	        &f->g, f->rotherham, GOV_ROLE_CHAIR, "steve-ashley", NULL);
	struct gov_viewer admin = {.role = GOV_ROLE_ADMIN,
	                           .partnership_id = f->rotherham};
	struct gov_viewer sheff_admin = {.role = GOV_ROLE_ADMIN,
	                                 .partnership_id = f->sheffield};
	struct gov_viewer sheff_chair = test_viewer(
	        &f->g, f->sheffield, GOV_ROLE_CHAIR, "sheffield-chair", NULL);
	struct gov_viewer pub, sheff_pub;
	struct child_death cd;

	gov_viewer_public(&pub, f->rotherham);
	gov_viewer_public(&sheff_pub, f->sheffield);
	/* The panel's members: both partnerships. */
	assert_int_equal(count_of(f, &panel, 0), f->all);
	assert_int_equal(count_of(f, &panel, f->sheffield), f->of_sheffield);
	/* Rotherham's admin, the panel's home: all its cases. */
	assert_int_equal(count_of(f, &admin, 0), f->all);
	/* Rotherham's chair: Rotherham's children only. */
	assert_int_equal(count_of(f, &chair, 0), f->of_rotherham);
	/* Sheffield's admin and chair: Sheffield's, not Rotherham's. */
	assert_int_equal(count_of(f, &sheff_admin, 0), f->of_sheffield);
	assert_int_equal(count_of(f, &sheff_chair, 0), f->of_sheffield);
	assert_int_equal(count_of(f, &sheff_admin, f->rotherham), 0);
	/* Nobody else: a member of another body, a partner, the public. */
	assert_int_equal(count_of(f, &other, 0), 0);
	assert_int_equal(count_of(f, &partner, 0), 0);
	assert_int_equal(count_of(f, &pub, 0), 0);
	assert_int_equal(count_of(f, &sheff_pub, 0), 0);
	assert_false(child_death_viewer_sees_cases(&f->g, &other));
	assert_false(child_death_viewer_sees_cases(&f->g, &pub));
	assert_true(child_death_viewer_sees_cases(&f->g, &panel));
	assert_true(child_death_viewer_sees_cases(&f->g, &sheff_admin));
	/* One case by reference: NOT_FOUND for whoever may not see it. */
	assert_int_equal(child_death_find(&f->g, &sheff_admin, "CDOP-2019-001",
	                                  &f->a, &cd, &f->err),
	                 MASA_ERR_NOT_FOUND); /* a Rotherham child */
	MUST(f, child_death_find(&f->g, &panel, "CDOP-2019-001", &f->a, &cd,
	                         &f->err));
	assert_int_equal(child_death_find(&f->g, &other, "CDOP-2019-001", &f->a,
	                                  &cd, &f->err),
	                 MASA_ERR_NOT_FOUND);
	/* Who changes cases: the panel and its home admin, not Sheffield. */
	assert_true(child_death_may_change(&f->g, &panel, f->panel));
	assert_true(child_death_may_change(&f->g, &admin, f->panel));
	assert_false(child_death_may_change(&f->g, &sheff_admin, f->panel));
	assert_false(child_death_may_change(&f->g, &chair, f->panel));
	assert_false(child_death_may_change(&f->g, &other, f->panel));
}

static void test_csv(void **state)
{
	struct fixture *f = *state;
	struct child_death_filter all = {0};
	struct buf out;
	long count = -1;
	static const char bad[] =
	        "case_reference,age_band,date_of_death,date_notified,"
	        "place_of_death,expected,panel_review_date,category,"
	        "modifiable_factors\r\n"
	        "CDOP-2023-001,1-4,2023-01-01,2023-01-02,home,no,,,\r\n"
	        "CDOP-2023-002,1-4,2023-01-01,2023-01-02,home,no,2023-06-01,"
	        "0,no\r\n";
	static const char good[] =
	        "\xEF\xBB\xBF"
	        "CASE_REFERENCE,Age_Band,date_of_death,date_notified,"
	        "place_of_death,expected,panel_review_date,category,"
	        "modifiable_factors,themes\n"
	        "CDOP-2023-001,1-4,2023-01-01,2023-01-02,home,no,,,,\n"
	        "CDOP-2023-002,1-4,2023-01-01,2023-01-02,\"home\",no,"
	        "2023-06-01,9,no,safe-sleeping\n";

	assert_int_equal(child_death_import_csv(&f->g, f->panel, bad,
	                                        sizeof bad - 1, &count,
	                                        &f->err),
	                 MASA_ERR_INVALID);
	assert_string_equal(f->err.message, "row 3, category: 0 is not a "
	                                    "category of death (1-10)");
	assert_int_equal(count_of(f, test_system(f->rotherham), 0), f->all);
	MUST(f, child_death_import_csv(&f->g, f->panel, good, sizeof good - 1,
	                               &count, &f->err));
	assert_int_equal(count, 2);
	buf_init(&out, 1 << 24);
	MUST(f, child_death_export_csv(&f->g, test_system(f->rotherham), &all,
	                               &out, &f->err));
	assert_non_null(strstr(buf_str(&out),
	                       "CDOP-2023-002,rotherham,1-4,2023-01-01,"));
	buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(test_demo, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_validation, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_visibility, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_csv, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
