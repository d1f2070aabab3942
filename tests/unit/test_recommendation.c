/*
 * test_recommendation: recommendations, their actions and impact evidence
 * (src/assure/recommendation.c) on the demo partnership: the closing rule
 * (evidence or a reason), the judgement only by a chair or an admin, who
 * records evidence, who sees which recommendation, and an action raised
 * from a recommendation landing in its body's action log owned by its
 * organisation.
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

#include "gov/action.h"

static int setup(void **state)
{
	return review_test_setup(state, "recommendation");
}

static int teardown(void **state)
{
	return review_test_teardown(state);
}

static struct impact_evidence evidence(int64_t rec, const char *checkpoint)
{
	struct impact_evidence e = {0};

	e.recommendation_id = rec;
	e.checkpoint = (char *)checkpoint;
	e.kind = "audit";
	e.summary = "An audit of 20 referrals";
	e.recorded_on = "2025-07-01";
	return e;
}

static void test_close_rule(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer admin =
	        test_viewer(&f->g, f->partnership, GOV_ROLE_ADMIN, NULL, NULL);
	struct impact_evidence e = evidence(f->council_rec, "6 months");
	struct recommendation got;

	EXPECT_ERR(f,
	           recommendation_close(&f->g, f->council_rec, "2025-08-01",
	                                NULL, &f->err),
	           MASA_ERR_INVALID, "has no evidence of impact recorded");
	EXPECT_ERR(f,
	           recommendation_close(&f->g, f->council_rec, "2025-08-01",
	                                "   ", &f->err),
	           MASA_ERR_INVALID, "Reason for closing");
	MUST(f, record_get(&f->g, &recommendation_record, f->council_rec, &f->a,
	                   &got, &f->err));
	assert_string_equal(got.status, "open");
	/* With evidence, no reason is needed. */
	MUST(f, evidence_record(&f->g, &admin, &e, &f->err));
	MUST(f, recommendation_close(&f->g, f->council_rec, "2025-08-01", NULL,
	                             &f->err));
	EXPECT_ERR(f,
	           recommendation_close(&f->g, f->council_rec, "2025-08-02",
	                                "again", &f->err),
	           MASA_ERR_INVALID, "closed already");
	/* With a reason, no evidence is needed. */
	MUST(f,
	     recommendation_close(&f->g, f->police_rec, "2025-08-01",
	                          "Overtaken by the national review", &f->err));
	MUST(f, record_get(&f->g, &recommendation_record, f->police_rec, &f->a,
	                   &got, &f->err));
	assert_string_equal(got.status, "closed");
	assert_string_equal(got.closed_reason,
	                    "Overtaken by the national review");
}

static void test_judge_only_chair_or_admin(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer holder = test_viewer(
	        &f->g, f->partnership, GOV_ROLE_MEMBER, "pete-horner", NULL);
	struct gov_viewer council =
	        test_viewer(&f->g, f->partnership, GOV_ROLE_PARTNER,
	                    "warren-carratt", "rotherham-council");
	struct gov_viewer chair =
	        test_viewer(&f->g, f->partnership, GOV_ROLE_CHAIR,
	                    "christine-cassell", NULL);
	struct gov_viewer admin =
	        test_viewer(&f->g, f->partnership, GOV_ROLE_ADMIN, NULL, NULL);
	struct impact_evidence e = evidence(f->council_rec, "6 months"), *ev;
	size_t n;

	MUST(f, evidence_record(&f->g, &council, &e, &f->err));
	EXPECT_ERR(f,
	           evidence_judge(&f->g, &holder, f->council_rec, "6 months",
	                          "green", "2025-07-02", &f->err),
	           MASA_ERR_DENIED, "only the chair");
	EXPECT_ERR(f,
	           evidence_judge(&f->g, &council, f->council_rec, "6 months",
	                          "green", "2025-07-02", &f->err),
	           MASA_ERR_DENIED, "only the chair");
	EXPECT_ERR(f,
	           evidence_judge(&f->g, &chair, f->council_rec, "12 months",
	                          "green", "2025-07-02", &f->err),
	           MASA_ERR_INVALID, "no evidence has been recorded");
	EXPECT_ERR(f,
	           evidence_judge(&f->g, &chair, f->council_rec, "6 months",
	                          "blue", "2025-07-02", &f->err),
	           MASA_ERR_INVALID, "not one of red, amber or green");
	MUST(f, evidence_list(&f->g, f->council_rec, &f->a, &ev, &n, &f->err));
	assert_null(ev[0].rag);
	MUST(f, evidence_judge(&f->g, &chair, f->council_rec, "6 months",
	                       "amber", "2025-07-02", &f->err));
	MUST(f, evidence_list(&f->g, f->council_rec, &f->a, &ev, &n, &f->err));
	assert_string_equal(ev[0].rag, "amber");
	assert_string_equal(ev[0].judged_by_name, "Christine Cassell");
	MUST(f, evidence_judge(&f->g, &admin, f->council_rec, "6 months",
	                       "green", "2025-07-03", &f->err));
	MUST(f, evidence_list(&f->g, f->council_rec, &f->a, &ev, &n, &f->err));
	assert_string_equal(ev[0].rag, "green");
	assert_null(ev[0].judged_by_name);
}

/* Evidence: the holding body, the chair, the admin, the owner's partner. */
static void test_who_records_evidence(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer other = test_viewer(
	        &f->g, f->partnership, GOV_ROLE_MEMBER, "sue-cassin", NULL);
	struct gov_viewer holder = test_viewer(
	        &f->g, f->partnership, GOV_ROLE_MEMBER, "pete-horner", NULL);
	struct gov_viewer council =
	        test_viewer(&f->g, f->partnership, GOV_ROLE_PARTNER,
	                    "warren-carratt", "rotherham-council");
	struct gov_viewer public;
	struct impact_evidence e = evidence(f->police_rec, "6 months");
	bool may;

	gov_viewer_public(&public, f->partnership);
	EXPECT_ERR(f, evidence_record(&f->g, &council, &e, &f->err),
	           MASA_ERR_DENIED, "owning organisation");
	EXPECT_ERR(f, evidence_record(&f->g, &other, &e, &f->err),
	           MASA_ERR_DENIED, "owning organisation");
	EXPECT_ERR(f, evidence_record(&f->g, &public, &e, &f->err),
	           MASA_ERR_DENIED, "owning organisation");
	MUST(f, evidence_record(&f->g, &holder, &e, &f->err));
	MUST(f, evidence_may_record(&f->g, &council, f->council_rec, &may,
	                            &f->err));
	assert_true(may);
	e = evidence(f->council_rec, "6 months");
	e.recorded_on = "2099-01-01";
	EXPECT_ERR(f, evidence_record(&f->g, &council, &e, &f->err),
	           MASA_ERR_INVALID, "is after today");
	e.recorded_on = "2024-01-01";
	EXPECT_ERR(f, evidence_record(&f->g, &council, &e, &f->err),
	           MASA_ERR_INVALID, "before the review was commissioned");
}

static size_t seen(struct fixture *f, const struct gov_viewer *v,
                   int64_t review_id, const char *want_text)
{
	struct recommendation_row *e;
	struct recommendation_filter filter = {.review_id = review_id};
	size_t n;

	MUST(f, recommendation_list(&f->g, v, f->partnership, &filter, &f->a,
	                            &e, &n, &f->err));
	if (want_text != NULL && (n != 1 || strcmp(e[0].r.text, want_text)))
		fail_msg("wanted only %s, got %zu", want_text, n);
	return n;
}

static void test_visibility(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer public, other, holder, council, police, chair;
	struct recommendation r;
	struct recommendation_review rv;
	int64_t published = review_test_id(
	        f,
	        "SELECT id FROM practice_review WHERE partnership_id = ?1 AND "
	        "reference = ?2",
	        "LCSPR-2019-01");

	gov_viewer_public(&public, f->partnership);
	other = test_viewer(&f->g, f->partnership, GOV_ROLE_MEMBER,
	                    "sue-cassin", NULL);
	holder = test_viewer(&f->g, f->partnership, GOV_ROLE_MEMBER,
	                     "pete-horner", NULL);
	council = test_viewer(&f->g, f->partnership, GOV_ROLE_PARTNER,
	                      "warren-carratt", "rotherham-council");
	police = test_viewer(&f->g, f->partnership, GOV_ROLE_PARTNER,
	                     "sue-cassin", "south-yorkshire-police");
	chair = test_viewer(&f->g, f->partnership, GOV_ROLE_CHAIR,
	                    "christine-cassell", NULL);

	assert_int_equal(seen(f, &public, f->progress.id, NULL), 0);
	assert_int_equal(seen(f, &other, f->progress.id, NULL), 0);
	seen(f, &council, f->progress.id, "COUNCIL");
	seen(f, &police, f->progress.id, "POLICE");
	assert_int_equal(seen(f, &holder, f->progress.id, NULL), 2);
	assert_int_equal(seen(f, &chair, f->progress.id, NULL), 2);
	/* A published review's recommendations are everyone's. */
	assert_int_equal(seen(f, &public, published, NULL), 4);
	/* A partner finds its own recommendation of a review it cannot see,
	 * and not another organisation's. */
	MUST(f,
	     recommendation_find(&f->g, &council, f->partnership,
	                         "LCSPR-2025-01", 1, &f->a, &r, &rv, &f->err));
	assert_string_equal(rv.title, "Child U");
	EXPECT_ERR(f,
	           recommendation_find(&f->g, &council, f->partnership,
	                               "LCSPR-2025-01", 2, &f->a, &r, &rv,
	                               &f->err),
	           MASA_ERR_NOT_FOUND, "no recommendation 2");
	/* The filters a dashboard of open recommendations by owner uses. */
	{
		struct recommendation_row *e;
		struct recommendation_filter filter = {
		        .organisation_id = r.organisation_id, .status = "open"};
		size_t n;
		MUST(f, recommendation_list(&f->g, &chair, f->partnership,
		                            &filter, &f->a, &e, &n, &f->err));
		/* the council's open ones: this one, SCR-2014-01's 1 and
		 * LCSPR-2019-01's 2 */
		assert_int_equal(n, 3);
		filter.status = "closed";
		MUST(f, recommendation_list(&f->g, &chair, f->partnership,
		                            &filter, &f->a, &e, &n, &f->err));
		assert_int_equal(n, 1);
		assert_int_equal(e[0].r.number, 4);
	}
}

static void test_action_raised(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer holder = test_viewer(
	        &f->g, f->partnership, GOV_ROLE_MEMBER, "pete-horner", NULL);
	struct gov_action act, found;
	struct gov_action_entry *acts;
	struct gov_action_owner *owners;
	size_t n;

	MUST(f, recommendation_raise_action(
	                &f->g, f->council_rec, "Train midwives in the protocol",
	                "2099-06-30", &f->a, &act, &f->err));
	/* The demo's RSCP-CPRP log has A1 and A2: this is A3 there. */
	assert_string_equal(act.key, "RSCP-CPRP/A3");
	MUST(f, gov_action_find(&f->g, test_system(f->partnership),
	                        "RSCP-CPRP/A3", &f->a, &found, &f->err));
	assert_int_equal(found.body_id, f->cprp);
	assert_string_equal(found.status, "open");
	assert_string_equal(found.due_date, "2099-06-30");
	MUST(f,
	     gov_action_owners(&f->g, found.id, &f->a, &owners, &n, &f->err));
	assert_int_equal(n, 1);
	assert_string_equal(owners[0].key, "rotherham-council");
	MUST(f, recommendation_actions(&f->g, &holder, f->council_rec, &f->a,
	                               &acts, &n, &f->err));
	assert_int_equal(n, 1);
	assert_string_equal(acts[0].action.key, "RSCP-CPRP/A3");
	/* Its due date by default; none from a closed recommendation. */
	MUST(f, recommendation_raise_action(&f->g, f->police_rec, NULL, NULL,
	                                    &f->a, &act, &f->err));
	assert_string_equal(act.due_date, "2099-12-31");
	assert_string_equal(act.details, "POLICE");
	MUST(f, recommendation_close(&f->g, f->police_rec, "2025-08-01",
	                             "Done otherwise", &f->err));
	EXPECT_ERR(f,
	           recommendation_raise_action(&f->g, f->police_rec, "x", NULL,
	                                       &f->a, &act, &f->err),
	           MASA_ERR_INVALID, "is closed");
}

static void test_numbering(void **state)
{
	struct fixture *f = *state;
	struct recommendation r = {0}, got;

	r.partnership_id = f->partnership;
	r.review_id = f->progress.id;
	r.text = "Third";
	MUST(f, recommendation_create(&f->g, &r, &f->err));
	assert_int_equal(r.number, 3);
	r.id = 0;
	r.number = 3;
	EXPECT_ERR(f, recommendation_create(&f->g, &r, &f->err),
	           MASA_ERR_CONFLICT, "has a recommendation 3 already");
	r.number = 0;
	r.text = "  ";
	EXPECT_ERR(f, recommendation_create(&f->g, &r, &f->err),
	           MASA_ERR_INVALID, "Recommendation is missing");
	r.text = "Due too early";
	r.due_on = "2024-12-31";
	EXPECT_ERR(f, recommendation_create(&f->g, &r, &f->err),
	           MASA_ERR_INVALID, "before the review was commissioned");
	MUST(f, recommendation_get(&f->g, test_system(f->partnership),
	                           f->progress.id, 3, &f->a, &got, &f->err));
	assert_string_equal(got.text, "Third");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(test_close_rule, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_judge_only_chair_or_admin,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_who_records_evidence,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_visibility, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_action_raised, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_numbering, setup,
	                                        teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
