/*
 * testreview: the fixture of test_review and test_recommendation: the demo
 * partnership (data/demo.json, with its held SCR and published local
 * review), a review in progress held by RSCP-CPRP (LCSPR-2025-01, with a
 * recommendation owned by the council and one by the police), a member of
 * RSCP-CPRP (pete-horner) and a member of another body (sue-cassin).
 */
#ifndef MASA_TESTS_TESTREVIEW_H
#define MASA_TESTS_TESTREVIEW_H

#include "assure/recommendation.h"
#include "assure/review.h"
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
	int64_t partnership;
	int64_t cprp;                    /* RSCP-CPRP */
	struct review progress;          /* LCSPR-2025-01, in progress */
	int64_t council_rec, police_rec; /* its recommendations 1 and 2 */
};

#define MUST(f, call)                                                        \
	do {                                                                 \
		enum masa_err must_rc_ = (call);                             \
		if (must_rc_ != MASA_OK)                                     \
			fail_msg("%s failed (%s): %s", #call,                \
			         masa_err_name(must_rc_), (f)->err.message); \
	} while (0)

/* Asserts the call failed with code and a message holding text. */
#define EXPECT_ERR(f, call, code_, text_)                       \
	do {                                                    \
		masa_error_clear(&(f)->err);                    \
		assert_int_equal((call), (code_));              \
		if (strstr((f)->err.message, (text_)) == NULL)  \
			fail_msg("message \"%s\" lacks \"%s\"", \
			         (f)->err.message, (text_));    \
	} while (0)

static inline int64_t review_test_id(struct fixture *f, const char *sql,
                                     const char *key)
{
	struct store_stmt *st;
	bool row;
	int64_t id = 0;

	MUST(f, store_prepare(f->store, sql, &st, &f->err));
	store_bind_int(st, 1, f->partnership);
	store_bind_text(st, 2, key);
	MUST(f, store_step(st, &row, &f->err));
	if (row)
		id = store_column_int(st, 0);
	store_done(st);
	if (id == 0)
		fail_msg("no %s", key);
	return id;
}

static inline void review_test_member(struct fixture *f, int64_t body,
                                      const char *person)
{
	struct gov_membership m = {0};

	m.body_id = body;
	m.person_id = review_test_id(
	        f,
	        "SELECT id FROM person WHERE partnership_id = ?1 AND key = ?2",
	        person);
	m.role = "member";
	m.start_date = "2020-01-01";
	MUST(f, gov_membership_create(&f->g, &m, &f->err));
}

static inline int64_t review_test_rec(struct fixture *f, const char *org,
                                      const char *text)
{
	struct recommendation r = {0};

	r.partnership_id = f->partnership;
	r.review_id = f->progress.id;
	r.text = (char *)text;
	r.organisation_id = review_test_id(
	        f,
	        "SELECT id FROM organisation WHERE partnership_id = ?1 AND "
	        "key = ?2",
	        org);
	r.body_id = f->cprp;
	r.due_on = "2099-12-31";
	MUST(f, recommendation_create(&f->g, &r, &f->err));
	return r.id;
}

static inline int review_test_setup(void **state, const char *name)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL || testdb_new(f->path, sizeof f->path, name) != 0)
		return -1;
	MUST(f, store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err));
	gov_init(&f->g, f->store, "unit-test");
	MUST(f, interchange_load_file(&f->g, "data/demo.json", &f->partnership,
	                              NULL, &f->err));
	f->cprp = review_test_id(f,
	                         "SELECT id FROM body WHERE partnership_id = "
	                         "?1 AND short_name = ?2",
	                         "RSCP-CPRP");
	review_test_member(f, f->cprp, "pete-horner");
	review_test_member(f,
	                   review_test_id(f,
	                                  "SELECT id FROM body WHERE "
	                                  "partnership_id = ?1 AND "
	                                  "short_name = ?2",
	                                  "RSCP-EXPL"),
	                   "sue-cassin");
	f->progress.partnership_id = f->partnership;
	f->progress.body_id = f->cprp;
	f->progress.reference = "LCSPR-2025-01";
	f->progress.title = "Child U";
	f->progress.kind = "local";
	f->progress.commissioned_on = "2025-01-06";
	MUST(f, review_create(&f->g, &f->progress, &f->a, &f->err));
	f->council_rec = review_test_rec(f, "rotherham-council", "COUNCIL");
	f->police_rec = review_test_rec(f, "south-yorkshire-police", "POLICE");
	*state = f;
	return 0;
}

static inline int review_test_teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->store);
	arena_free(&f->a);
	testdb_remove(f->path);
	free(f);
	return 0;
}

#endif
