/*
 * test_review: practice reviews (src/assure/review.c) on the demo
 * partnership: the publication due date six calendar months on, dates out
 * of order refused naming both fields (and nothing stored), stages that
 * only move forward, the publication clock in working days across
 * Christmas, and who sees a review in progress and once published.
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

#include "testreview.h"

static int setup(void **state)
{
	return review_test_setup(state, "review");
}

static int teardown(void **state)
{
	return review_test_teardown(state);
}

static struct review fresh(const char *ref, const char *commissioned)
{
	struct review r = {0};

	r.reference = (char *)ref;
	r.title = "Child X";
	r.kind = "local";
	r.commissioned_on = (char *)commissioned;
	return r;
}

/* Six calendar months on, to the last day of a shorter month. */
static void test_publication_due(void **state)
{
	struct fixture *f = *state;
	static const char *const cases[][3] = {
	        {"LCSPR-2023-08", "2023-08-31", "2024-02-29"},
	        {"LCSPR-2024-08", "2024-08-31", "2025-02-28"},
	        {"LCSPR-2024-03", "2024-03-31", "2024-09-30"},
	        {"LCSPR-2024-07", "2024-07-15", "2025-01-15"},
	};

	assert_string_equal(f->progress.publication_due_on, "2025-07-06");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct review r = fresh(cases[i][0], cases[i][1]);
		r.partnership_id = f->partnership;
		r.body_id = f->cprp;
		MUST(f, review_create(&f->g, &r, &f->a, &f->err));
		assert_string_equal(r.publication_due_on, cases[i][2]);
	}
}

static int64_t count(struct fixture *f, const char *sql)
{
	struct store_stmt *st;
	bool row;
	int64_t n;

	MUST(f, store_prepare(f->store, sql, &st, &f->err));
	MUST(f, store_step(st, &row, &f->err));
	n = store_column_int(st, 0);
	store_done(st);
	return n;
}

/* Each pair of dates out of order is refused naming both, nothing kept. */
static void test_dates_out_of_order(void **state)
{
	struct fixture *f = *state;
	struct {
		const char *final_on, *signed_off_on, *sent, *published, *held,
		        *held_review, *message;
	} cases[] = {
	        {"2025-01-01", NULL, NULL, NULL, NULL, NULL,
	         "Date of the final report (2025-01-01) is before Date "
	         "commissioned (2025-01-06)"},
	        {"2025-05-01", "2025-04-30", NULL, NULL, NULL, NULL,
	         "Date signed off by the partners (2025-04-30) is before "
	         "Date of the final report (2025-05-01)"},
	        {NULL, "2025-04-30", NULL, NULL, NULL, NULL,
	         "Date signed off by the partners (2025-04-30) needs Date of "
	         "the final report first"},
	        {"2025-05-01", "2025-05-02", "2025-04-20", NULL, NULL, NULL,
	         "Date sent to the national panel and the Secretary of State "
	         "(2025-04-20) is before Date of the final report"},
	        {"2025-05-01", "2025-05-02", "2025-05-10", "2025-05-09", NULL,
	         NULL,
	         "Date published (2025-05-09) is before Date sent to the "
	         "national panel"},
	        {"2025-05-01", NULL, "2025-05-10", "2025-05-12", NULL, NULL,
	         "Date published (2025-05-12) needs Date signed off by the "
	         "partners first"},
	        {"2025-05-01", "2025-05-02", "2025-05-10", "2025-05-12",
	         "family_wishes", "2025-09-01",
	         "end the hold before publishing"},
	        {"2025-05-01", NULL, NULL, NULL, "criminal_proceedings", NULL,
	         "Date the hold is looked at again is missing"},
	        {"2025-05-01", NULL, NULL, NULL, NULL, "2025-09-01",
	         "Publication held because is missing"},
	};
	int64_t audits = count(f, "SELECT COUNT(*) FROM audit_log");

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct review r = f->progress;
		r.stage = "final";
		r.version = 0;
		r.final_on = (char *)cases[i].final_on;
		r.signed_off_on = (char *)cases[i].signed_off_on;
		r.sent_to_panel_on = (char *)cases[i].sent;
		r.published_on = (char *)cases[i].published;
		r.published_url =
		        cases[i].published ? "https://example.org/r" : NULL;
		r.held_reason = (char *)cases[i].held;
		r.held_review_on = (char *)cases[i].held_review;
		EXPECT_ERR(f, review_check(&r, &f->err), MASA_ERR_INVALID,
		           cases[i].message);
	}
	/* Through review_update too: nothing is written. */
	{
		struct review r = f->progress, got;
		r.version = 0;
		r.signed_off_on = "2025-04-30";
		EXPECT_ERR(f, review_update(&f->g, &r, &f->err),
		           MASA_ERR_INVALID, "needs Date of the final report");
		MUST(f, record_get(&f->g, &review_record, r.id, &f->a, &got,
		                   &f->err));
		assert_null(got.signed_off_on);
		assert_int_equal(got.version, 1);
		assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log"),
		                 audits);
	}
}

/* A name or a date of birth as a reference is refused, nothing stored. */
static void test_reference(void **state)
{
	struct fixture *f = *state;
	int64_t before = count(f, "SELECT COUNT(*) FROM practice_review");
	struct review r = fresh("Smith-2024", "2024-01-01");

	r.partnership_id = f->partnership;
	r.body_id = f->cprp;
	EXPECT_ERR(f, review_create(&f->g, &r, &f->a, &f->err),
	           MASA_ERR_INVALID, "looks like a name");
	r.reference = "CHILD-12032019";
	EXPECT_ERR(f, review_create(&f->g, &r, &f->a, &f->err),
	           MASA_ERR_INVALID, "reads as a date");
	r.reference = "LCSPR-2025-01";
	EXPECT_ERR(f, review_create(&f->g, &r, &f->a, &f->err),
	           MASA_ERR_CONFLICT, "already a review LCSPR-2025-01");
	assert_int_equal(count(f, "SELECT COUNT(*) FROM practice_review"),
	                 before);
}

static void test_stages(void **state)
{
	struct fixture *f = *state;
	struct review_stage_entry *st;
	struct review got;
	size_t n;

	EXPECT_ERR(f,
	           review_stage_set(&f->g, f->progress.id, "fieldwork",
	                            "2025-01-05", 0, &f->err),
	           MASA_ERR_INVALID,
	           "Date the stage began (2025-01-05) is before the day the "
	           "scoping stage began (2025-01-06)");
	MUST(f, review_stage_set(&f->g, f->progress.id, "draft", "2025-03-03",
	                         0, &f->err));
	EXPECT_ERR(f,
	           review_stage_set(&f->g, f->progress.id, "fieldwork",
	                            "2025-03-04", 0, &f->err),
	           MASA_ERR_INVALID, "only move forward");
	EXPECT_ERR(f,
	           review_stage_set(&f->g, f->progress.id, "draft",
	                            "2025-03-04", 0, &f->err),
	           MASA_ERR_INVALID, "at Draft report already");
	/* The version the editor saw: one change since is a conflict. */
	EXPECT_ERR(f,
	           review_stage_set(&f->g, f->progress.id, "final",
	                            "2025-04-01", 1, &f->err),
	           MASA_ERR_CONFLICT, "");
	MUST(f, review_stage_set(&f->g, f->progress.id, "final", "2025-04-01",
	                         2, &f->err));
	MUST(f, record_get(&f->g, &review_record, f->progress.id, &f->a, &got,
	                   &f->err));
	assert_string_equal(got.stage, "final");
	assert_string_equal(got.final_on, "2025-04-01");
	MUST(f,
	     review_stage_list(&f->g, f->progress.id, &f->a, &st, &n, &f->err));
	assert_int_equal(n, 3);
	assert_string_equal(st[1].stage, "draft");
	assert_string_equal(st[1].started_on, "2025-03-03");
}

static date_days day(const char *iso)
{
	date_days d;

	assert_int_equal(date_parse(iso, &d, NULL), MASA_OK);
	return d;
}

/* The clock in working days, across Christmas and New Year 2024. */
static void test_clock(void **state)
{
	struct review r = {0};
	struct review_publication_clock c;

	(void)state;
	r.publication_due_on = "2024-12-20";
	review_publication_clock(&r, day("2024-12-20"), &c);
	assert_int_equal(c.state, REVIEW_PUBLICATION_DUE);
	assert_int_equal(c.late_days, 0);
	/* 23, 24, 27, 30, 31 December: 25 and 26 are bank holidays. */
	review_publication_clock(&r, day("2024-12-31"), &c);
	assert_int_equal(c.state, REVIEW_PUBLICATION_LATE);
	assert_int_equal(c.late_days, 5);
	r.published_on = "2025-01-02";
	review_publication_clock(&r, day("2025-06-01"), &c);
	assert_int_equal(c.state, REVIEW_PUBLICATION_PUBLISHED);
	assert_int_equal(c.late_days, 6);
	r.published_on = NULL;
	r.held_reason = "criminal_proceedings";
	r.held_review_on = "2025-03-05";
	review_publication_clock(&r, day("2025-06-01"), &c);
	assert_int_equal(c.state, REVIEW_PUBLICATION_HELD);
	r.held_reason = NULL;
	r.publication_due_on = NULL;
	review_publication_clock(&r, day("2025-06-01"), &c);
	assert_int_equal(c.state, REVIEW_PUBLICATION_NONE);
}

static bool sees(struct fixture *f, const struct gov_viewer *v, const char *ref)
{
	struct review r;
	enum masa_err rc =
	        review_find(&f->g, v, f->partnership, ref, &f->a, &r, &f->err);

	if (rc != MASA_OK && rc != MASA_ERR_NOT_FOUND)
		fail_msg("review_find: %s", f->err.message);
	return rc == MASA_OK;
}

/* Who sees a review in progress, the held SCR and the published one. */
static void test_visibility(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer public, other, holder, council, chair, admin;
	struct review_row *rows;
	size_t n;

	gov_viewer_public(&public, f->partnership);
	other = test_viewer(&f->g, f->partnership, GOV_ROLE_MEMBER,
	                    "sue-cassin", NULL);
	holder = test_viewer(&f->g, f->partnership, GOV_ROLE_MEMBER,
	                     "pete-horner", NULL);
	council = test_viewer(&f->g, f->partnership, GOV_ROLE_PARTNER,
	                      "warren-carratt", "rotherham-council");
	chair = test_viewer(&f->g, f->partnership, GOV_ROLE_CHAIR,
	                    "christine-cassell", NULL);
	admin = test_viewer(&f->g, f->partnership, GOV_ROLE_ADMIN, NULL, NULL);

	assert_false(sees(f, &public, "LCSPR-2025-01"));
	assert_false(sees(f, &other, "LCSPR-2025-01"));
	assert_false(sees(f, &council, "LCSPR-2025-01"));
	assert_true(sees(f, &holder, "LCSPR-2025-01"));
	assert_true(sees(f, &chair, "LCSPR-2025-01"));
	assert_true(sees(f, &admin, "LCSPR-2025-01"));
	/* The SCR's body was dissolved with the board: nobody sits on it. */
	assert_false(sees(f, &holder, "SCR-2014-01"));
	assert_false(sees(f, &public, "SCR-2014-01"));
	assert_true(sees(f, &chair, "SCR-2014-01"));
	/* Published: everyone. */
	assert_true(sees(f, &public, "LCSPR-2019-01"));
	assert_true(sees(f, &other, "LCSPR-2019-01"));
	{
		bool may;
		MUST(f, review_may_change(&f->g, &holder, f->progress.id, &may,
		                          &f->err));
		assert_true(may);
		MUST(f, review_may_change(&f->g, &council, f->progress.id, &may,
		                          &f->err));
		assert_false(may);
	}
	MUST(f, review_list(&f->g, &public, f->partnership, false, &f->a, &rows,
	                    &n, &f->err));
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].r.reference, "LCSPR-2019-01");
	MUST(f, review_list(&f->g, &admin, f->partnership, false, &f->a, &rows,
	                    &n, &f->err));
	assert_int_equal(n, 3);
	MUST(f, review_list(&f->g, &admin, f->partnership, true, &f->a, &rows,
	                    &n, &f->err));
	assert_int_equal(n, 1);
}

/* Contributions: late in working days, received or not. */
static void test_contributions(void **state)
{
	struct fixture *f = *state;
	struct review_contribution *c;
	size_t n;

	MUST(f, review_contribution_add(&f->g, f->progress.id,
	                                "south-yorkshire-police", "Chronology",
	                                "2025-04-17", NULL, &f->err));
	EXPECT_ERR(f,
	           review_contribution_add(
	                   &f->g, f->progress.id, "south-yorkshire-police",
	                   "Chronology", "2025-04-17", NULL, &f->err),
	           MASA_ERR_CONFLICT, "already been asked");
	EXPECT_ERR(f,
	           review_contribution_add(&f->g, f->progress.id, "nobody",
	                                   "Chronology", "2025-04-17", NULL,
	                                   &f->err),
	           MASA_ERR_INVALID, "no organisation \"nobody\"");
	EXPECT_ERR(f,
	           review_contribution_add(&f->g, f->progress.id,
	                                   "rotherham-council", "Chronology",
	                                   "2024-12-01", NULL, &f->err),
	           MASA_ERR_INVALID, "is before Date commissioned");
	/* Due Thursday 17 April 2025: Good Friday and Easter Monday do not
	 * count, so received on Tuesday 22 April is 1 working day late. */
	MUST(f,
	     review_contribution_list(&f->g, f->progress.id, day("2025-04-22"),
	                              &f->a, &c, &n, &f->err));
	assert_int_equal(n, 1);
	assert_int_equal(c[0].late_days, 1);
	MUST(f, review_contribution_received(&f->g, f->progress.id, c[0].id,
	                                     "2025-04-17", &f->err));
	MUST(f,
	     review_contribution_list(&f->g, f->progress.id, day("2025-06-01"),
	                              &f->a, &c, &n, &f->err));
	assert_int_equal(c[0].late_days, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(test_publication_due, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_dates_out_of_order, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_reference, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_stages, setup, teardown),
	        cmocka_unit_test(test_clock),
	        cmocka_unit_test_setup_teardown(test_visibility, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_contributions, setup,
	                                        teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
