/*
 * test_incident: serious incidents on the demo partnership: the order of
 * their dates, their clocks on days either side of the due days, the
 * version that refuses a stale change, and who sees them (the admin, the
 * chair, a member of the body holding the case; not a member of another
 * body, a partner lead or the public, nor a panel member who has left).
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

#include "assure/incident.h"
#include "gov/body.h"
#include "gov/interchange.h"
#include "gov/meeting.h"
#include "store/store.h"

struct fixture {
	char path[TESTDB_SIZE];
	struct store *store;
	struct gov g;
	struct arena a;
	struct masa_error err;
	int64_t partnership, panel, subgroup;
};

#define MUST(f, call)                                                       \
	do {                                                                \
		if ((call) != MASA_OK)                                      \
			fail_msg("%s failed: %s", #call, (f)->err.message); \
	} while (0)

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct gov_body b;

	if (testdb_new(f->path, sizeof f->path, "incident") != 0)
		fail_msg("no test database");
	MUST(f, store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err));
	gov_init(&f->g, f->store, "test");
	MUST(f, interchange_load_file(&f->g, "data/demo.json", &f->partnership,
	                              NULL, &f->err));
	MUST(f, gov_body_find(&f->g, f->partnership, "RSCP-CPRP", &f->a, &b,
	                      &f->err));
	f->panel = b.id;
	MUST(f, gov_body_find(&f->g, f->partnership, "RLSCB-SCR", &f->a, &b,
	                      &f->err));
	f->subgroup = b.id;
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

static date_days day(const char *iso)
{
	date_days d = 0;

	if (date_parse(iso, &d, NULL) != MASA_OK)
		fail_msg("bad date in the test: %s", iso);
	return d;
}

/* A new incident of the panel, aware on 20 December 2024. */
static struct assure_incident fresh(struct fixture *f, const char *ref)
{
	return (struct assure_incident){.partnership_id = f->partnership,
	                                .body_id = f->panel,
	                                .reference = (char *)ref,
	                                .kind = "serious_harm",
	                                .age_band = "1-4",
	                                .aware_on = "2024-12-20"};
}

static int64_t incidents(struct fixture *f)
{
	struct store_stmt *st;
	bool row;
	int64_t n;

	MUST(f, store_prepare(f->store, "SELECT COUNT(*) FROM incident", &st,
	                      &f->err));
	MUST(f, store_step(st, &row, &f->err));
	n = store_column_int(st, 0);
	store_done(st);
	return n;
}

/* Each pair of dates out of order, and the message naming both. */
static void test_dates_in_order(void **state)
{
	struct fixture *f = *state;
	struct {
		const char *field_value[2];
		const char *words;
	} cases[] = {
	        {{"rapid_review_on", "2024-12-19"},
	         "Date of the rapid review: 19 December 2024 is before the "
	         "date the local authority became aware"},
	        {{"notified_on", "2024-12-01"},
	         "Date the national panel was notified: 1 December 2024 is "
	         "before the date the local authority became aware"},
	        {{"rapid_review_sent_on", "2024-12-19"},
	         "Date the rapid review report was sent to the panel"},
	        {{"decision_on", "2024-12-19"}, "Date of the decision"},
	};
	int64_t before = incidents(f);

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct assure_incident inc = fresh(f, "RR-2024-90");
		const char *field = cases[i].field_value[0];
		const char *value = cases[i].field_value[1];

		if (strcmp(field, "rapid_review_on") == 0)
			inc.rapid_review_on = (char *)value;
		else if (strcmp(field, "notified_on") == 0)
			inc.notified_on = (char *)value;
		else if (strcmp(field, "rapid_review_sent_on") == 0)
			inc.rapid_review_sent_on = (char *)value;
		else {
			inc.decision = "no_review";
			inc.decision_reasons = "None needed";
			inc.decision_on = (char *)value;
		}
		assert_int_equal(
		        assure_incident_create(&f->g, &inc, NULL, 0, &f->err),
		        MASA_ERR_INVALID);
		if (strstr(f->err.message, cases[i].words) == NULL)
			fail_msg("%s: %s", field, f->err.message);
	}
	/* A decision before the rapid review; a response before it. */
	{
		struct assure_incident inc = fresh(f, "RR-2024-91");

		inc.rapid_review_on = "2025-01-10";
		inc.decision = "local_review";
		inc.decision_reasons = "Learning";
		inc.decision_on = "2025-01-09";
		assert_int_equal(
		        assure_incident_create(&f->g, &inc, NULL, 0, &f->err),
		        MASA_ERR_INVALID);
		assert_non_null(strstr(f->err.message,
		                       "before the date of the rapid review"));
		inc.decision_on = "2025-01-10";
		inc.panel_response = "Agreed";
		inc.panel_response_on = "2025-01-09";
		assert_int_equal(
		        assure_incident_create(&f->g, &inc, NULL, 0, &f->err),
		        MASA_ERR_INVALID);
		assert_non_null(strstr(f->err.message,
		                       "before the date of the decision"));
		/* The same day is in order. */
		inc.panel_response_on = "2025-01-10";
		MUST(f, assure_incident_create(&f->g, &inc, NULL, 0, &f->err));
	}
	assert_int_equal(incidents(f), before + 1);
}

static void test_meeting_of_the_body(void **state)
{
	struct fixture *f = *state;
	struct assure_incident inc = fresh(f, "RR-2024-92");
	struct gov_meeting m;

	MUST(f, gov_meeting_find(&f->g, f->partnership, "RLSCB/2014-12-04",
	                         &f->a, &m, &f->err));
	inc.aware_on = "2014-11-01";
	inc.rapid_review_meeting_id = m.id;
	assert_int_equal(assure_incident_create(&f->g, &inc, NULL, 0, &f->err),
	                 MASA_ERR_INVALID);
	assert_non_null(strstr(f->err.message, "a meeting of the body"));
	/* The panel's own meeting gives the rapid review its date. */
	MUST(f, gov_meeting_find(&f->g, f->partnership, "RSCP-CPRP/2019-10-23",
	                         &f->a, &m, &f->err));
	inc.aware_on = "2019-10-21";
	inc.rapid_review_meeting_id = m.id;
	MUST(f, assure_incident_create(&f->g, &inc, NULL, 0, &f->err));
	{
		struct assure_incident_row r;

		MUST(f, assure_incident_find(&f->g, test_system(f->partnership),
		                             "RR-2024-92", &f->a, &r, &f->err));
		assert_string_equal(r.inc.rapid_review_on, "2019-10-23");
		assert_string_equal(r.meeting_key, "RSCP-CPRP/2019-10-23");
	}
}

/* The clocks of an incident aware on Friday 20 December 2024. */
static void test_clocks(void **state)
{
	struct fixture *f = *state;
	struct assure_incident inc = fresh(f, "RR-2024-93");
	struct assure_clock c[ASSURE_INCIDENT_CLOCKS];
	char w[64];

	(void)f;
	assure_incident_clocks(&inc, day("2024-12-31"), c);
	assert_string_equal(assure_clock_words(&c[0], w, sizeof w),
	                    "due today");
	assert_string_equal(assure_clock_words(&c[1], w, sizeof w),
	                    "due in 10 working days");
	assure_incident_clocks(&inc, day("2025-01-02"), c);
	assert_string_equal(assure_clock_words(&c[0], w, sizeof w),
	                    "overdue by 1 working day");
	assure_incident_clocks(&inc, day("2025-01-15"), c);
	assert_string_equal(assure_clock_words(&c[1], w, sizeof w),
	                    "due today");
	assure_incident_clocks(&inc, day("2025-01-16"), c);
	assert_int_equal(c[1].state, ASSURE_CLOCK_OVERDUE);
	inc.notified_on = "2024-12-31";
	inc.rapid_review_sent_on = "2025-01-17";
	assure_incident_clocks(&inc, day("2026-01-01"), c);
	assert_int_equal(c[0].state, ASSURE_CLOCK_ON_TIME);
	assert_string_equal(assure_clock_words(&c[1], w, sizeof w),
	                    "done 2 working days late");
}

static void test_version(void **state)
{
	struct fixture *f = *state;
	struct assure_incident inc = fresh(f, "RR-2024-94");
	struct assure_incident_row r;

	MUST(f, assure_incident_create(&f->g, &inc, NULL, 0, &f->err));
	MUST(f, assure_incident_find(&f->g, test_system(f->partnership),
	                             "RR-2024-94", &f->a, &r, &f->err));
	assert_int_equal(r.inc.version, 1);
	r.inc.notified_on = "2024-12-30";
	MUST(f, assure_incident_update(&f->g, &r.inc, &f->err));
	/* Someone who read version 1 changes it: refused. */
	r.inc.notified_on = "2024-12-31";
	assert_int_equal(assure_incident_update(&f->g, &r.inc, &f->err),
	                 MASA_ERR_CONFLICT);
	MUST(f, assure_incident_find(&f->g, test_system(f->partnership),
	                             "RR-2024-94", &f->a, &r, &f->err));
	assert_string_equal(r.inc.notified_on, "2024-12-30");
	assert_int_equal(r.inc.version, 2);
	/* The reference cannot change. */
	r.inc.reference = "RR-2024-95";
	assert_int_equal(assure_incident_update(&f->g, &r.inc, &f->err),
	                 MASA_ERR_INVALID);
}

/* Whether v finds RR-2019-01 (the panel's) and SCR-2014-01 (the 2014
 * sub-group's), and how many incidents it lists. */
static void sees(struct fixture *f, struct gov_viewer v, bool panel_case,
                 bool subgroup_case, bool reviews)
{
	struct assure_incident_row r, *rows;
	struct assure_incident_query q = {.today = day("2026-01-01")};
	size_t n, total;
	bool yes;

	assert_int_equal(assure_incident_find(&f->g, &v, "RR-2019-01", &f->a,
	                                      &r, &f->err) == MASA_OK,
	                 panel_case);
	assert_int_equal(assure_incident_find(&f->g, &v, "SCR-2014-01", &f->a,
	                                      &r, &f->err) == MASA_OK,
	                 subgroup_case);
	MUST(f, assure_incident_list(&f->g, &v, &q, &f->a, &rows, &n, &total,
	                             &f->err));
	assert_int_equal(n, total);
	assert_int_equal(n, (panel_case ? 4 : 0) + (subgroup_case ? 1 : 0));
	MUST(f, assure_reviews_visible(&f->g, &v, &yes, &f->err));
	assert_int_equal(yes, reviews);
}

static void test_visibility(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer pub;

	gov_viewer_public(&pub, f->partnership);
	sees(f, pub, false, false, false);
	sees(f, *test_system(f->partnership), true, true, true);
	sees(f, test_viewer(&f->g, f->partnership, GOV_ROLE_ADMIN, NULL, NULL),
	     true, true, true);
	sees(f,
	     test_viewer(&f->g, f->partnership, GOV_ROLE_CHAIR, "steve-ashley",
	                 NULL),
	     true, true, true);
	/* A member of the panel today: its cases, not the sub-group's. */
	sees(f,
	     test_viewer(&f->g, f->partnership, GOV_ROLE_MEMBER,
	                 "jon-stonehouse", NULL),
	     true, false, true);
	/* A member of another body, and the police lead whose force was
	 * involved: nothing. */
	sees(f,
	     test_viewer(&f->g, f->partnership, GOV_ROLE_MEMBER, "cusworth",
	                 NULL),
	     false, false, false);
	sees(f,
	     test_viewer(&f->g, f->partnership, GOV_ROLE_PARTNER,
	                 "jason-harwin", "south-yorkshire-police"),
	     false, false, false);
	/* The panel member's person, but not signed in: nothing. */
	{
		struct gov_viewer v =
		        test_viewer(&f->g, f->partnership, GOV_ROLE_PUBLIC,
		                    "jon-stonehouse", NULL);
		sees(f, v, false, false, false);
	}
	/* The same member once their membership has ended: nothing. */
	{
		struct store_stmt *st;
		struct gov_viewer v =
		        test_viewer(&f->g, f->partnership, GOV_ROLE_MEMBER,
		                    "jon-stonehouse", NULL);

		MUST(f, store_prepare(f->store,
		                      "UPDATE membership SET end_date = "
		                      "'2025-01-01' WHERE body_id = ?1 AND "
		                      "person_id = ?2",
		                      &st, &f->err));
		store_bind_int(st, 1, f->panel);
		store_bind_int(st, 2, v.person_id);
		MUST(f, store_run(st, NULL, &f->err));
		sees(f, v, false, false, false);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(test_dates_in_order, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_meeting_of_the_body, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_clocks, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_version, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_visibility, setup,
	                                        teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
