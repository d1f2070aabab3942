/*
 * assure_dashboard_time: times the dashboards' domain functions
 * (assure/dashboard.h) on a database, as bench/assure_dashboard builds it:
 * RUNS calls of each, and prints "name p50_ms p99_ms" lines.
 *
 *   assure_dashboard_time DB PARTNERSHIP FROM TO RUNS
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assure/dashboard.h"
#include "gov/partnership.h"
#include "store/store.h"

static int compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
	struct masa_error err = {0};
	struct store *s;
	struct gov g;
	struct gov_partnership p;
	struct arena a = ARENA_INIT;
	int runs;
	double *ms;

	if (argc != 6) {
		fprintf(stderr, "usage: %s DB PARTNERSHIP FROM TO RUNS\n",
		        argv[0]);
		return 2;
	}
	runs = (int)strtol(argv[5], NULL, 10);
	if (runs < 1 || runs > 100000)
		runs = 100;
	ms = calloc((size_t)runs, sizeof *ms);
	if (store_open(argv[1], 0, &s, &err) != MASA_OK) {
		fprintf(stderr, "%s\n", err.message);
		return 1;
	}
	gov_init(&g, s, "bench");
	if (gov_partnership_find(&g, argv[2], &a, &p, &err) != MASA_OK) {
		fprintf(stderr, "%s\n", err.message);
		return 1;
	}
	for (int what = 0; what < 4; what++) {
		struct gov_viewer v;
		struct dashboard_query q = {.partnership_id = p.id,
		                            .from = argv[3],
		                            .to = argv[4],
		                            .region = true};
		const char *names[] = {"child-deaths-exact",
		                       "child-deaths-public", "reviews-exact",
		                       "reviews-public"};

		if (what % 2 == 0)
			gov_viewer_system(&v, p.id);
		else
			gov_viewer_public(&v, p.id);
		for (int i = 0; i < runs; i++) {
			struct dashboard d;
			double t0 = now_ms();
			enum masa_err rc =
			        what < 2 ? dashboard_child_deaths(&g, &v, &q,
			                                          &a, &d, &err)
			                 : dashboard_reviews(&g, &v, &q, &a, &d,
			                                     &err);
			ms[i] = now_ms() - t0;
			if (rc != MASA_OK) {
				fprintf(stderr, "%s\n", err.message);
				return 1;
			}
			arena_free(&a);
		}
		qsort(ms, (size_t)runs, sizeof *ms, compare);
		printf("%s %.2f %.2f\n", names[what], ms[(runs - 1) / 2],
		       ms[(runs * 99 + 99) / 100 - 1]);
	}
	store_close(s);
	free(ms);
	return 0;
}
