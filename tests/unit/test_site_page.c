/*
 * test_site_page: unit tests of the footer's pages as the business unit
 * writes them (src/gov/site_page.c) on a real database (SQLite in /tmp, or
 * PostgreSQL with MASA_TEST_PG): none stored at first, one stored and read
 * back with its version and author, a change from an older version refused,
 * bad input refused with nothing stored, each partnership its own pages.
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
#include "gov/gov.h"
#include "gov/partnership.h"
#include "gov/site_page.h"
#include "store/store.h"

struct fixture {
	char path[TESTDB_SIZE];
	struct store *store;
	struct gov g;
	struct arena a;
	struct masa_error err;
	int64_t rotherham, sheffield;
};

#define MUST(f, call)                                                        \
	do {                                                                 \
		enum masa_err must_rc_ = (call);                             \
		if (must_rc_ != MASA_OK)                                     \
			fail_msg("%s failed (%s): %s", #call,                \
			         masa_err_name(must_rc_), (f)->err.message); \
	} while (0)

static int64_t partnership(struct fixture *f, const char *key)
{
	struct gov_partnership p = {0};

	p.key = (char *)key;
	p.name = (char *)key;
	MUST(f, gov_partnership_create(&f->g, &p, &f->err));
	return p.id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL)
		return -1;
	if (testdb_new(f->path, sizeof f->path, "site_page") != 0) {
		free(f);
		return -1;
	}
	if (store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err) !=
	    MASA_OK) {
		testdb_remove(f->path);
		free(f);
		return -1;
	}
	gov_init(&f->g, f->store, "web:admin");
	*state = f;
	f->rotherham = partnership(f, "rotherham");
	f->sheffield = partnership(f, "sheffield");
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

static struct gov_site_page get(struct fixture *f, int64_t partnership_id,
                                const char *slug)
{
	struct gov_site_page p;

	MUST(f, gov_site_page_get(&f->g, partnership_id, slug, &f->a, &p,
	                          &f->err));
	return p;
}

/* Nothing is stored until the business unit writes a page. */
static void test_none_at_first(void **state)
{
	struct fixture *f = *state;
	struct gov_site_page p = get(f, f->rotherham, "contact");
	struct gov_site_page *all;
	size_t n;

	assert_string_equal(p.slug, "contact");
	assert_null(p.body);
	assert_int_equal(p.version, 0);
	MUST(f,
	     gov_site_page_list(&f->g, f->rotherham, &f->a, &all, &n, &f->err));
	assert_int_equal(n, 0);
	assert_true(gov_site_page_known("privacy"));
	assert_false(gov_site_page_known("privac"));
	assert_false(gov_site_page_known(NULL));
	assert_int_equal(gov_site_page_get(&f->g, f->rotherham, "cookies",
	                                   &f->a, &p, &f->err),
	                 MASA_ERR_NOT_FOUND);
}

/* Written, read back, changed from the version read; audited. */
static void test_write_and_change(void **state)
{
	struct fixture *f = *state;
	struct gov_site_page p;
	struct gov_site_page *all;
	struct audit_entry *audit;
	size_t n;

	MUST(f, gov_site_page_set(&f->g, f->rotherham, "contact", "Call us", 0,
	                          &f->err));
	p = get(f, f->rotherham, "contact");
	assert_string_equal(p.body, "Call us");
	assert_int_equal(p.version, 1);
	assert_string_equal(p.updated_by, "web:admin");
	assert_non_null(p.updated_at);
	MUST(f, gov_site_page_set(&f->g, f->rotherham, "contact", "Write to us",
	                          1, &f->err));
	p = get(f, f->rotherham, "contact");
	assert_string_equal(p.body, "Write to us");
	assert_int_equal(p.version, 2);
	/* Not checking the version (masa load): stored whatever it is. */
	MUST(f, gov_site_page_set(&f->g, f->rotherham, "privacy", "We hold", -1,
	                          &f->err));
	MUST(f,
	     gov_site_page_list(&f->g, f->rotherham, &f->a, &all, &n, &f->err));
	assert_int_equal(n, 2);
	assert_string_equal(all[0].slug, "privacy");
	assert_string_equal(all[1].slug, "contact");
	MUST(f, audit_list(&f->g, "site_page", f->rotherham, 10, &f->a, &audit,
	                   &n, &f->err));
	assert_int_equal(n, 3);
	assert_string_equal(audit[1].action, "update");
	assert_non_null(strstr(audit[1].before, "Call us"));
	assert_non_null(strstr(audit[1].after, "Write to us"));
	/* Sheffield's pages are its own. */
	p = get(f, f->sheffield, "contact");
	assert_null(p.body);
}

/* Refused, with nothing stored: an older version, no text, too long. */
static void test_refused(void **state)
{
	struct fixture *f = *state;
	struct gov_site_page p;
	char *big = calloc(GOV_SITE_PAGE_MAX + 2, 1);

	assert_non_null(big);
	MUST(f, gov_site_page_set(&f->g, f->rotherham, "contact", "Call us", 0,
	                          &f->err));
	assert_int_equal(gov_site_page_set(&f->g, f->rotherham, "contact",
	                                   "Late", 0, &f->err),
	                 MASA_ERR_CONFLICT);
	assert_non_null(strstr(f->err.message, "now version 1"));
	assert_int_equal(gov_site_page_set(&f->g, f->rotherham, "contact",
	                                   " \n\t", 1, &f->err),
	                 MASA_ERR_INVALID);
	assert_string_equal(f->err.message, "Enter the text of the page");
	memset(big, 'x', GOV_SITE_PAGE_MAX + 1);
	assert_int_equal(gov_site_page_set(&f->g, f->rotherham, "contact", big,
	                                   1, &f->err),
	                 MASA_ERR_INVALID);
	big[GOV_SITE_PAGE_MAX] = '\0'; /* exactly at the limit: stored */
	MUST(f, gov_site_page_set(&f->g, f->rotherham, "privacy", big, 0,
	                          &f->err));
	assert_int_equal(gov_site_page_set(&f->g, f->rotherham, "cookies", "x",
	                                   0, &f->err),
	                 MASA_ERR_NOT_FOUND);
	p = get(f, f->rotherham, "contact");
	assert_string_equal(p.body, "Call us");
	assert_int_equal(p.version, 1);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(test_none_at_first, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_write_and_change, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
