/*
 * test_dashboard: the dashboards of the assurance pillar on a small data
 * set whose figures are known: counts by category, theme, age, year and
 * partnership; exact for masa, the panel's members, the admin and the
 * chair, "fewer than 6" for the public and anyone else; secondary
 * suppression that no total undoes (checked by trying every value a
 * reader could put in the hidden cells); working-day clocks across
 * Christmas and Easter.
 *
 * Rotherham (the demo) has a regional panel, RCDOP, serving barnsley too.
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

#include "assure/dashboard.h"
#include "gov/access.h"
#include "gov/body.h"
#include "gov/interchange.h"
#include "store/store.h"

struct fixture {
	char path[TESTDB_SIZE];
	struct store *store;
	struct gov g;
	struct arena a;
	struct masa_error err;
	int64_t rotherham, barnsley, panel, prg, member, outsider;
};

#define MUST(f, call)                                                       \
	do {                                                                \
		if ((call) != MASA_OK)                                      \
			fail_msg("%s failed: %s", #call, (f)->err.message); \
	} while (0)

/* Runs sql (the test's own, built with the fixture's ids). */
static int64_t exec(struct fixture *f, const char *fmt, ...)
{
	char sql[2048];
	struct store_stmt *st;
	int64_t id = 0;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	MUST(f, store_prepare_once(f->store, sql, &st, &f->err));
	MUST(f, store_run(st, &id, &f->err));
	store_finalize(st);
	return id;
}

static int64_t insert(struct fixture *f, const char *fmt, ...)
{
	char sql[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	return exec(f, "%s RETURNING id", sql);
}

/* A death of partnership p on date with category (0: none), modifiable
 * (NULL: not reviewed), expected, age band and theme (NULL: none). */
static void death(struct fixture *f, int64_t p, const char *ref,
                  const char *died, int category, const char *modifiable,
                  int expected, const char *age, const char *theme)
{
	char cat[8] = "NULL", mod[32] = "NULL";
	int64_t id;

	if (category)
		snprintf(cat, sizeof cat, "%d", category);
	if (modifiable)
		snprintf(mod, sizeof mod, "'%s'", modifiable);
	id = insert(f,
	            "INSERT INTO child_death (partnership_id, panel_body_id, "
	            "reference, age_band, died_on, expected, category, "
	            "modifiable) VALUES (%lld, %lld, '%s', '%s', '%s', %d, %s, "
	            "%s)",
	            (long long)p, (long long)f->panel, ref, age, died, expected,
	            cat, mod);
	if (theme)
		exec(f,
		     "INSERT INTO child_death_theme (child_death_id, theme_id) "
		     "SELECT %lld, id FROM cdr_theme WHERE key = '%s' AND "
		     "body_id IS NULL",
		     (long long)id, theme);
	if (modifiable && strcmp(modifiable, "yes") == 0)
		exec(f,
		     "INSERT INTO child_death_factor (child_death_id, domain) "
		     "VALUES (%lld, 'physical_environment')",
		     (long long)id);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct gov_body panel = {.short_name = "RCDOP",
	                         .name = "Regional Child Death Overview Panel",
	                         .kind = "panel"};
	int64_t person;

	if (testdb_new(f->path, sizeof f->path, "dashboard") != 0)
		fail_msg("no test database");
	MUST(f, store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err));
	gov_init(&f->g, f->store, "test");
	MUST(f, interchange_load_file(&f->g, "data/demo.json", &f->rotherham,
	                              NULL, &f->err));
	panel.partnership_id = f->rotherham;
	MUST(f, gov_body_create(&f->g, &panel, &f->err));
	f->panel = panel.id;
	f->barnsley = insert(f, "INSERT INTO partnership (key, name) VALUES "
	                        "('barnsley', 'Barnsley Partnership')");
	exec(f,
	     "INSERT INTO body_partnership (body_id, partnership_id) VALUES "
	     "(%lld, %lld)",
	     (long long)f->panel, (long long)f->barnsley);
	f->prg = insert(f,
	                "INSERT INTO body (partnership_id, short_name, name, "
	                "kind) VALUES (%lld, 'PRG', 'Practice Review Group', "
	                "'subgroup')",
	                (long long)f->rotherham);
	person = insert(f,
	                "INSERT INTO person (partnership_id, key, name) VALUES "
	                "(%lld, 'panel-doctor', 'Dana Okafor')",
	                (long long)f->rotherham);
	exec(f,
	     "INSERT INTO membership (body_id, person_id, role, start_date) "
	     "VALUES (%lld, %lld, 'member', '2020-01-01')",
	     (long long)f->panel, (long long)person);
	exec(f,
	     "INSERT INTO membership (body_id, person_id, role, start_date) "
	     "VALUES (%lld, %lld, 'member', '2020-01-01')",
	     (long long)f->prg, (long long)person);
	f->member = person;
	f->outsider = insert(f,
	                     "INSERT INTO person (partnership_id, key, name) "
	                     "VALUES (%lld, 'someone-else', 'Sam Other')",
	                     (long long)f->rotherham);
	/* 2023-24: rotherham 8 deaths, barnsley 2. */
	death(f, f->rotherham, "R-23-1", "2023-05-01", 10, "yes", 0, "28-364d",
	      "safe-sleeping");
	death(f, f->rotherham, "R-23-2", "2023-06-01", 10, "yes", 0, "28-364d",
	      "safe-sleeping");
	death(f, f->rotherham, "R-23-3", "2023-07-01", 10, "yes", 0, "28-364d",
	      "safe-sleeping");
	death(f, f->rotherham, "R-23-4", "2023-08-01", 8, "no", 1, "0-27d",
	      NULL);
	death(f, f->rotherham, "R-23-5", "2023-09-01", 8, "no", 1, "0-27d",
	      NULL);
	death(f, f->rotherham, "R-23-6", "2023-10-01", 8, "no", 1, "0-27d",
	      NULL);
	death(f, f->rotherham, "R-23-7", "2023-11-01", 8, "no", 1, "0-27d",
	      NULL);
	death(f, f->rotherham, "R-23-8", "2024-03-31", 8, NULL, 1, "0-27d",
	      NULL);
	death(f, f->barnsley, "B-23-1", "2023-12-01", 3, "yes", 0, "15-17",
	      "road-traffic");
	death(f, f->barnsley, "B-23-2", "2024-01-01", 10, "yes", 0, "28-364d",
	      "safe-sleeping");
	/* Outside the period: 2022-23 and 2024-25. */
	death(f, f->rotherham, "R-22-1", "2023-03-31", 4, "no", 1, "5-9", NULL);
	death(f, f->rotherham, "R-24-1", "2024-04-01", 4, "no", 1, "5-9", NULL);
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

static const struct dashboard_set *set_of(const struct dashboard *d,
                                          const char *key)
{
	for (size_t i = 0; i < d->nsets; i++)
		if (strcmp(d->sets[i].key, key) == 0)
			return &d->sets[i];
	fail_msg("no set %s", key);
	return NULL;
}

static const struct dashboard_cell *cell_of(const struct dashboard *d,
                                            const char *set, const char *key)
{
	const struct dashboard_set *s = set_of(d, set);

	if (strcmp(key, "total") == 0)
		return &s->total;
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->cells[i].key, key) == 0)
			return &s->cells[i];
	fail_msg("no cell %s in %s", key, set);
	return NULL;
}

static long count(const struct dashboard *d, const char *set, const char *key)
{
	const struct dashboard_cell *c = cell_of(d, set, key);

	assert_int_equal(c->shown, DASHBOARD_SHOWN);
	return c->count;
}

static void deaths(struct fixture *f, const struct gov_viewer *v, bool region,
                   struct dashboard *d)
{
	struct dashboard_query q = {.partnership_id = f->rotherham,
	                            .from = "2023-04-01",
	                            .to = "2024-03-31",
	                            .region = region};

	MUST(f, dashboard_child_deaths(&f->g, v, &q, &f->a, d, &f->err));
}

static void test_counts(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer v;
	struct dashboard d;

	gov_viewer_system(&v, f->rotherham);
	deaths(f, &v, false, &d);
	assert_true(d.exact);
	assert_int_equal(count(&d, "category", "category-10"), 3);
	assert_int_equal(count(&d, "category", "category-8"), 5);
	assert_int_equal(count(&d, "category", "category-4"), 0);
	assert_int_equal(count(&d, "category", "total"), 8);
	assert_int_equal(count(&d, "modifiable", "yes"), 3);
	assert_int_equal(count(&d, "modifiable", "no"), 4);
	assert_int_equal(count(&d, "modifiable", "not-reviewed"), 1);
	assert_int_equal(count(&d, "factor-domain", "physical_environment"), 3);
	assert_int_equal(count(&d, "theme", "safe-sleeping"), 3);
	assert_int_equal(count(&d, "theme", "drowning"), 0);
	assert_int_equal(count(&d, "age-band", "0-27d"), 5);
	assert_int_equal(count(&d, "expected", "unexpected"), 3);
	/* The trend: ten years from April to March up to 2023-24. */
	assert_int_equal(set_of(&d, "year")->n, 10);
	assert_int_equal(count(&d, "year", "2023"), 8);
	assert_int_equal(count(&d, "year", "2022"), 1);
	assert_string_equal(cell_of(&d, "year", "2023")->label, "2023-24");
	assert_string_equal(cell_of(&d, "category", "category-10")->label,
	                    "10. Sudden unexpected, unexplained death");

	/* The region: both partnerships. */
	deaths(f, &v, true, &d);
	assert_string_equal(d.panel, "RCDOP");
	assert_int_equal(count(&d, "category", "total"), 10);
	assert_int_equal(count(&d, "partnership", "rotherham"), 8);
	assert_int_equal(count(&d, "partnership", "barnsley"), 2);
	assert_int_equal(count(&d, "theme", "safe-sleeping"), 4);
	assert_int_equal(count(&d, "theme", "road-traffic"), 1);
}

static void test_public_suppressed(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer v;
	struct dashboard d;
	char text[32];

	gov_viewer_public(&v, f->rotherham);
	deaths(f, &v, false, &d);
	assert_false(d.exact);
	/* 3 and 5: both "fewer than 6", together 8: no more withheld. */
	assert_int_equal(cell_of(&d, "category", "category-10")->shown,
	                 DASHBOARD_FEWER);
	assert_int_equal(cell_of(&d, "category", "category-10")->count, -1);
	assert_string_equal(
	        dashboard_cell_text(cell_of(&d, "category", "category-10"),
	                            text, sizeof text),
	        "fewer than 6");
	assert_int_equal(count(&d, "category", "category-4"), 0);
	assert_int_equal(count(&d, "category", "total"), 8);
	/* 3 yes, 4 no, 1 not reviewed: together 8. */
	assert_int_equal(cell_of(&d, "modifiable", "yes")->shown,
	                 DASHBOARD_FEWER);
	/* A theme of 3: no total, nothing to withhold. */
	assert_int_equal(cell_of(&d, "theme", "safe-sleeping")->shown,
	                 DASHBOARD_FEWER);
	/* Year 2023-24 (8) shown, 2022-23 (1) not: the next smallest (8)
	 * withheld with it, so the trend's total gives neither back. */
	assert_int_equal(cell_of(&d, "year", "2022")->shown, DASHBOARD_FEWER);
	assert_int_equal(cell_of(&d, "year", "2023")->shown,
	                 DASHBOARD_WITHHELD);
	assert_int_equal(count(&d, "year", "2014") + count(&d, "year", "2021"),
	                 0);
	/* The JSON has no number for them. */
	{
		json_t *j = dashboard_json(&d),
		       *sets = json_object_get(j, "sets");
		json_t *cat = json_object_get(json_array_get(sets, 0), "cells");
		json_t *c10 = json_array_get(cat, 9);

		assert_string_equal(
		        json_string_value(json_object_get(c10, "key")),
		        "category-10");
		assert_null(json_object_get(c10, "count"));
		assert_true(json_is_true(json_object_get(c10, "suppressed")));
		assert_int_equal(json_integer_value(json_object_get(
		                         json_array_get(cat, 3), "count")),
		                 0);
		json_decref(j);
	}
}

static void test_who_sees_exact(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer v = {.role = GOV_ROLE_MEMBER,
	                       .partnership_id = f->rotherham};
	struct dashboard d;

	/* A member of the panel: the region, exactly. */
	v.person_id = f->member;
	deaths(f, &v, true, &d);
	assert_true(d.exact);
	assert_int_equal(count(&d, "category", "category-10"), 4);
	/* Someone else signed in: suppressed. */
	v.person_id = f->outsider;
	deaths(f, &v, false, &d);
	assert_false(d.exact);
	/* A partner: suppressed. */
	v = (struct gov_viewer){.role = GOV_ROLE_PARTNER,
	                        .partnership_id = f->rotherham,
	                        .organisation_id = 1};
	deaths(f, &v, false, &d);
	assert_false(d.exact);
	/* The admin of the panel's partnership: its cases everywhere. */
	v = (struct gov_viewer){.role = GOV_ROLE_ADMIN,
	                        .partnership_id = f->rotherham};
	deaths(f, &v, true, &d);
	assert_true(d.exact);
	/* The chair of barnsley: its own exactly, not the region. */
	v = (struct gov_viewer){.role = GOV_ROLE_CHAIR,
	                        .partnership_id = f->barnsley};
	{
		struct dashboard_query q = {.partnership_id = f->barnsley,
		                            .from = "2023-04-01",
		                            .to = "2024-03-31"};
		MUST(f,
		     dashboard_child_deaths(&f->g, &v, &q, &f->a, &d, &f->err));
		assert_true(d.exact);
		assert_int_equal(count(&d, "category", "total"), 2);
		q.region = true;
		MUST(f,
		     dashboard_child_deaths(&f->g, &v, &q, &f->a, &d, &f->err));
		assert_false(d.exact);
		assert_int_equal(cell_of(&d, "partnership", "barnsley")->shown,
		                 DASHBOARD_FEWER);
	}
}

/*
 * What a reader can work out of a protected set: the hidden cells hold
 * the total (known: here or from another set) less the shown ones; a
 * "fewer than 6" cell is 1 to 5, a withheld one 6 or more and at most the
 * smallest non-zero cell shown. Counts the values cell k can take, trying
 * every one.
 */
static int values_possible(const struct dashboard_set *s, size_t k, size_t i,
                           long left, long value_k, bool *seen, long cap)
{
	int n = 0;

	if (i == s->n) {
		if (left == 0 && !seen[value_k]) {
			seen[value_k] = true;
			return 1;
		}
		return 0;
	}
	if (s->cells[i].shown == DASHBOARD_SHOWN)
		return values_possible(s, k, i + 1, left, value_k, seen, cap);
	for (long x = s->cells[i].shown == DASHBOARD_FEWER ? 1 : 6;
	     x <= left &&
	     (s->cells[i].shown == DASHBOARD_FEWER ? x <= 5 : x <= cap);
	     x++)
		n += values_possible(s, k, i + 1, left - x,
		                     i == k ? x : value_k, seen, cap);
	return n;
}

static void test_secondary_suppression(void **state)
{
	unsigned seed = 7;
	int withheld_totals = 0;

	(void)state;
	for (int round = 0; round < 3000; round++) {
		struct dashboard_cell cells[6];
		struct dashboard_set s = {.cells = cells,
		                          .n = 2 + (size_t)(rand_r(&seed) % 5),
		                          .partition = true};
		long truth[6], total = 0, shown_sum = 0, cap = 1000;

		for (size_t i = 0; i < s.n; i++) {
			int r = rand_r(&seed) % 10;
			truth[i] = r < 2   ? 0
			           : r < 6 ? 1 + rand_r(&seed) % 5
			                   : 6 + rand_r(&seed) % 10;
			cells[i] = (struct dashboard_cell){
			        .key = "k", .label = "l", .count = truth[i]};
			total += truth[i];
		}
		s.total.count = total;
		dashboard_protect(&s, true, 0);
		for (size_t i = 0; i < s.n; i++) {
			if (s.cells[i].shown == DASHBOARD_SHOWN) {
				assert_int_equal(s.cells[i].count, truth[i]);
				assert_false(truth[i] >= 1 && truth[i] <= 5);
				shown_sum += truth[i];
				if (truth[i] > 0 && truth[i] < cap)
					cap = truth[i];
			} else
				assert_int_equal(s.cells[i].count, -1);
		}
		if (total >= 1 && total <= 5) {
			assert_int_equal(s.total.shown, DASHBOARD_FEWER);
			continue;
		}
		/* Withheld: then withheld in every set of the same cases
		 * (test_population below); the reader does not know it. */
		if (s.total.shown == DASHBOARD_WITHHELD) {
			withheld_totals++;
			continue;
		}
		/* Every hidden cell could be at least two values. */
		for (size_t k = 0; k < s.n; k++) {
			bool seen[128] = {0};
			if (s.cells[k].shown == DASHBOARD_SHOWN)
				continue;
			if (values_possible(&s, k, 0, total - shown_sum, 0,
			                    seen, cap) < 2) {
				for (size_t i = 0; i < s.n; i++)
					print_message("%ld:%d ", truth[i],
					              (int)s.cells[i].shown);
				fail_msg("cell %zu of the set above is known",
				         k);
			}
		}
	}
	assert_true(withheld_totals > 0);
	/* Exact viewers: nothing hidden. */
	{
		struct dashboard_cell cells[2] = {{.count = 1}, {.count = 9}};
		struct dashboard_set s = {.cells = cells,
		                          .n = 2,
		                          .partition = true,
		                          .total = {.count = 10}};
		dashboard_protect(&s, false, 0);
		assert_int_equal(cells[0].shown, DASHBOARD_SHOWN);
		assert_int_equal(cells[0].count, 1);
		/* The public: 1 fewer than 6, 9 withheld, total 10 shown. */
		dashboard_protect(&s, true, 0);
		assert_int_equal(cells[0].shown, DASHBOARD_FEWER);
		assert_int_equal(cells[1].shown, DASHBOARD_WITHHELD);
		assert_int_equal(s.total.count, 10);
	}
}

/* A set that had to withhold its total takes it from the sets counting the
 * same cases, which would give it back. */
static void test_population(void **state)
{
	struct dashboard_cell a[5] = {{.count = 1},
	                              {.count = 6},
	                              {.count = 6},
	                              {.count = 6},
	                              {.count = 1}};
	struct dashboard_cell b[2] = {{.count = 12}, {.count = 8}};
	struct dashboard_cell c[2] = {{.count = 10}, {.count = 9}};
	struct dashboard_set sets[3] = {
	        {.key = "a",
	         .unit = "deaths",
	         .cells = a,
	         .n = 5,
	         .partition = true,
	         .total = {.count = 20}},
	        {.key = "b",
	         .unit = "deaths",
	         .cells = b,
	         .n = 2,
	         .partition = true,
	         .total = {.count = 20}},
	        {.key = "c",
	         .unit = "deaths",
	         .cells = c,
	         .n = 2,
	         .partition = true,
	         .total = {.count = 19}},
	};
	struct dashboard d = {.sets = sets, .nsets = 3};

	(void)state;
	dashboard_protect_sets(&d, NULL);
	assert_int_equal(sets[0].total.shown, DASHBOARD_WITHHELD);
	assert_int_equal(sets[1].total.shown, DASHBOARD_WITHHELD);
	assert_int_equal(b[0].shown, DASHBOARD_WITHHELD);
	assert_int_equal(b[1].count, 8);
	/* Other cases: as they were. */
	assert_int_equal(sets[2].total.count, 19);
	assert_int_equal(c[1].count, 9);
}

static void test_timeliness(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer v;
	struct dashboard d;
	struct dashboard_query q = {.partnership_id = f->rotherham,
	                            .from = "2024-04-01",
	                            .to = "2025-12-31",
	                            .today = "2025-06-04"};
	int64_t inc;
	long open_3_6, overdue;
	const char *ins =
	        "INSERT INTO incident (partnership_id, body_id, reference, "
	        "kind, age_band, aware_on, notified_on, rapid_review_sent_on, "
	        "decision, decision_on) VALUES (%lld, %lld, '%s', 'death', "
	        "'1-4', '%s', %s, %s, %s, %s)";

	/* The demo's own open recommendations (of every period) before. */
	gov_viewer_system(&v, f->rotherham);
	MUST(f, dashboard_reviews(&f->g, &v, &q, &f->a, &d, &f->err));
	open_3_6 = count(&d, "age", "3-6");
	overdue = count(&d, "overdue", "overdue");

	/* Aware on Friday 20 December 2024: 5 working days later is
	 * Tuesday 31 December (25, 26 December and the weekends skipped),
	 * 15 is Wednesday 15 January. */
	exec(f, ins, (long long)f->rotherham, (long long)f->prg, "SI-1",
	     "2024-12-20", "'2024-12-31'", "'2025-01-15'", "NULL", "NULL");
	exec(f, ins, (long long)f->rotherham, (long long)f->prg, "SI-2",
	     "2024-12-20", "'2025-01-02'", "'2025-01-16'", "NULL", "NULL");
	/* Aware on Monday 14 April 2025: Good Friday and Easter Monday
	 * skipped, 5 working days later is Wednesday 23 April. */
	exec(f, ins, (long long)f->rotherham, (long long)f->prg, "SI-3",
	     "2025-04-14", "'2025-04-23'", "NULL", "NULL", "NULL");
	exec(f, ins, (long long)f->rotherham, (long long)f->prg, "SI-4",
	     "2025-04-14", "'2025-04-24'", "NULL", "NULL", "NULL");
	/* Not notified: due 9 May (late on 4 June), due 9 June (open). */
	exec(f, ins, (long long)f->rotherham, (long long)f->prg, "SI-5",
	     "2025-05-01", "NULL", "NULL", "NULL", "NULL");
	inc = insert(f, ins, (long long)f->rotherham, (long long)f->prg, "SI-6",
	             "2025-06-02", "NULL", "NULL", "'local_review'",
	             "'2024-06-10'");
	/* A review decided 10 June 2024, published on its six months. */
	exec(f,
	     "INSERT INTO practice_review (partnership_id, body_id, "
	     "incident_id, reference, title, kind, stage, signed_off_on, "
	     "published_on) VALUES (%lld, %lld, %lld, 'LR-1', 'Review', "
	     "'local', 'final', '2025-01-01', '2024-12-10')",
	     (long long)f->rotherham, (long long)f->prg, (long long)inc);
	exec(f,
	     "INSERT INTO recommendation (partnership_id, review_id, number, "
	     "text, due_on, status) SELECT %lld, id, 1, 'Train', "
	     "'2025-05-01', 'open' FROM practice_review WHERE reference = "
	     "'LR-1'",
	     (long long)f->rotherham);

	gov_viewer_system(&v, f->rotherham);
	MUST(f, dashboard_reviews(&f->g, &v, &q, &f->a, &d, &f->err));
	assert_int_equal(count(&d, "notification", "on-time"), 2);
	assert_int_equal(count(&d, "notification", "late"), 3);
	assert_int_equal(count(&d, "notification", "open"), 1);
	/* Working days taken: 5, 6, 5, 6: the lower middle is 5. */
	assert_int_equal(set_of(&d, "notification")->median, 5);
	assert_int_equal(count(&d, "rapid-review", "on-time"), 1);
	assert_int_equal(count(&d, "rapid-review", "late"), 4);
	assert_int_equal(count(&d, "publication", "on-time"), 1);
	assert_int_equal(count(&d, "age", "3-6"), open_3_6 + 1);
	assert_int_equal(count(&d, "overdue", "overdue"), overdue + 1);

	/* The public: every one of these is suppressed, the medians too. */
	gov_viewer_public(&v, f->rotherham);
	MUST(f, dashboard_reviews(&f->g, &v, &q, &f->a, &d, &f->err));
	assert_false(d.exact);
	assert_int_equal(cell_of(&d, "notification", "total")->shown,
	                 DASHBOARD_SHOWN);
	assert_int_equal(set_of(&d, "notification")->median_shown,
	                 DASHBOARD_FEWER);
	assert_int_equal(set_of(&d, "notification")->median, -1);
	/* A member of the group holding the incidents sees them exactly,
	 * when on the demo's review panels too (which hold its own). */
	exec(f,
	     "INSERT INTO membership (body_id, person_id, role, start_date) "
	     "SELECT id, %lld, 'member', '2020-01-01' FROM body WHERE "
	     "partnership_id = %lld AND short_name IN ('RLSCB-SCR', "
	     "'RSCP-CPRP')",
	     (long long)f->member, (long long)f->rotherham);
	v = (struct gov_viewer){.role = GOV_ROLE_MEMBER,
	                        .partnership_id = f->rotherham,
	                        .person_id = f->member};
	MUST(f, dashboard_reviews(&f->g, &v, &q, &f->a, &d, &f->err));
	assert_true(d.exact);
}

static void test_bad_query(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer v;
	struct dashboard d;
	struct dashboard_query q = {.partnership_id = f->rotherham,
	                            .from = "2024-04-01",
	                            .to = "2023-03-31"};
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];

	gov_viewer_system(&v, f->rotherham);
	assert_int_equal(
	        dashboard_child_deaths(&f->g, &v, &q, &f->a, &d, &f->err),
	        MASA_ERR_INVALID);
	assert_non_null(strstr(f->err.message, "start of the period"));
	q = (struct dashboard_query){.partnership_id = f->rotherham,
	                             .region = true,
	                             .panel = "NOPE"};
	assert_int_equal(
	        dashboard_child_deaths(&f->g, &v, &q, &f->a, &d, &f->err),
	        MASA_ERR_NOT_FOUND);
	/* The default period: the last whole April to March. */
	dashboard_default_period(date_from_ymd(2025, 3, 31), from, to);
	assert_string_equal(from, "2023-04-01");
	assert_string_equal(to, "2024-03-31");
	dashboard_default_period(date_from_ymd(2025, 4, 1), from, to);
	assert_string_equal(from, "2024-04-01");
	assert_string_equal(to, "2025-03-31");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(test_counts, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_public_suppressed, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_who_sees_exact, setup,
	                                        teardown),
	        cmocka_unit_test(test_secondary_suppression),
	        cmocka_unit_test(test_population),
	        cmocka_unit_test_setup_teardown(test_timeliness, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_bad_query, setup,
	                                        teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
