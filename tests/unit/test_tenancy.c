/*
 * test_tenancy: several partnerships in one database. Host names and how a
 * Host header is read; a body serving a partnership other than its own
 * (found, listed and its meetings seen there, never changed from there);
 * and who may read a served body's minutes. Two partnerships: the demo
 * (rotherham) and a copy of it under another key (barnsley), so that both
 * have the same short names and meeting keys; rotherham also has a
 * regional panel, SYCDOP, with a published meeting and a draft one.
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
#include <jansson.h>

#include "testdb.h"

#include "gov/access.h"
#include "gov/audit.h"
#include "gov/body.h"
#include "gov/interchange.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "store/store.h"

struct fixture {
	char path[TESTDB_SIZE];
	struct store *store;
	struct gov g;
	struct arena a;
	struct masa_error err;
	int64_t a_id, b_id;       /* rotherham, barnsley */
	int64_t panel;            /* SYCDOP, rotherham's */
	int64_t published, draft; /* its meetings */
};

#define MUST(f, call)                                                       \
	do {                                                                \
		if ((call) != MASA_OK)                                      \
			fail_msg("%s failed: %s", #call, (f)->err.message); \
	} while (0)

/* The demo as another partnership: same short names, another key. */
static void load_copy(struct fixture *f)
{
	json_error_t jerr;
	json_t *doc = json_load_file("data/demo.json", 0, &jerr);
	json_t *p;
	char *text;

	if (doc == NULL)
		fail_msg("data/demo.json: %s", jerr.text);
	p = json_object_get(doc, "partnership");
	json_object_set_new(p, "id", json_string("barnsley"));
	json_object_set_new(
	        p, "name",
	        json_string("Barnsley Safeguarding Children Partnership"));
	text = json_dumps(doc, 0);
	json_decref(doc);
	MUST(f, interchange_load_buffer(&f->g, text, strlen(text), "the copy",
	                                &f->b_id, NULL, &f->err));
	free(text);
}

static int64_t meeting_on(struct fixture *f, const char *date,
                          const char *minutes)
{
	struct gov_meeting m = {
	        .body_id = f->panel, .date = (char *)date, .status = "held"};

	MUST(f, gov_meeting_create(&f->g, &m, &f->err));
	if (minutes != NULL)
		MUST(f, gov_meeting_set_minutes(&f->g, m.id, 0, minutes, date,
		                                date, &f->err));
	return m.id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct gov_body panel = {.short_name = "SYCDOP",
	                         .name = "South Yorkshire Regional Child "
	                                 "Death Overview Panel",
	                         .kind = "panel"};

	if (testdb_new(f->path, sizeof f->path, "tenancy") != 0)
		fail_msg("no test database");
	MUST(f, store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err));
	gov_init(&f->g, f->store, "test");
	MUST(f, interchange_load_file(&f->g, "data/demo.json", &f->a_id, NULL,
	                              &f->err));
	load_copy(f);
	panel.partnership_id = f->a_id;
	MUST(f, gov_body_create(&f->g, &panel, &f->err));
	f->panel = panel.id;
	f->published = meeting_on(f, "2015-03-10", "published");
	f->draft = meeting_on(f, "2015-06-09", NULL);
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

/* What gov_host_normalise makes of text, or "(refused)". */
static const char *normal(const char *text, bool *port)
{
	static char out[GOV_HOST_MAX + 1];

	return gov_host_normalise(text, out, port) ? out : "(refused)";
}

static void test_host_names(void **state)
{
	char long_name[GOV_HOST_MAX + 2];
	bool port = false;

	(void)state;
	assert_string_equal(normal("A.Test:8080", &port), "a.test");
	assert_true(port);
	assert_string_equal(normal("safeguarding.example.org", &port),
	                    "safeguarding.example.org");
	assert_false(port);
	assert_string_equal(normal("example.org.", NULL), "example.org");
	assert_string_equal(normal("[::1]:8080", NULL), "[::1]");
	assert_string_equal(normal("127.0.0.1:80", NULL), "127.0.0.1");
	assert_string_equal(normal("localhost", NULL), "localhost");
	assert_string_equal(normal(NULL, NULL), "(refused)");
	assert_string_equal(normal("", NULL), "(refused)");
	assert_string_equal(normal("a b", NULL), "(refused)");
	assert_string_equal(normal("a..b", NULL), "(refused)");
	assert_string_equal(normal(".a", NULL), "(refused)");
	assert_string_equal(normal("a.test:http", NULL), "(refused)");
	assert_string_equal(normal("a.test:", NULL), "(refused)");
	assert_string_equal(normal("a.test/x", NULL), "(refused)");
	assert_string_equal(normal("[::1", NULL), "(refused)");
	assert_string_equal(normal("[]", NULL), "(refused)");
	assert_string_equal(normal("user@a.test", NULL), "(refused)");
	memset(long_name, 'a', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	assert_string_equal(normal(long_name, NULL), "(refused)");
	long_name[GOV_HOST_MAX] = '\0';
	assert_int_equal(strlen(normal(long_name, NULL)), GOV_HOST_MAX);
}

static void test_host_mapping(void **state)
{
	struct fixture *f = *state;
	struct gov_partnership_host *hosts;
	struct audit_entry *audit;
	size_t n;

	MUST(f, gov_partnership_host_add(&f->g, f->a_id, "A.Test", &f->err));
	MUST(f,
	     gov_partnership_host_add(&f->g, f->a_id, "www.a.test", &f->err));
	MUST(f, gov_partnership_host_add(&f->g, f->b_id, "b.test", &f->err));
	/* A host is one partnership's; a port is no part of it. */
	assert_int_equal(
	        gov_partnership_host_add(&f->g, f->b_id, "a.test", &f->err),
	        MASA_ERR_CONFLICT);
	assert_non_null(strstr(f->err.message, "rotherham"));
	assert_int_equal(
	        gov_partnership_host_add(&f->g, f->b_id, "c.test:80", &f->err),
	        MASA_ERR_INVALID);
	assert_int_equal(
	        gov_partnership_host_add(&f->g, f->b_id, "c test", &f->err),
	        MASA_ERR_INVALID);
	assert_int_equal(
	        gov_partnership_host_add(&f->g, 999999, "d.test", &f->err),
	        MASA_ERR_NOT_FOUND);

	MUST(f,
	     gov_partnership_host_list(&f->g, 0, &f->a, &hosts, &n, &f->err));
	assert_int_equal(n, 3);
	assert_string_equal(hosts[0].host, "a.test");
	assert_int_equal(hosts[0].partnership_id, f->a_id);
	assert_string_equal(hosts[1].host, "b.test");
	MUST(f, gov_partnership_host_list(&f->g, f->a_id, &f->a, &hosts, &n,
	                                  &f->err));
	assert_int_equal(n, 2);

	/* Only the partnership that has a host gives it up. */
	assert_int_equal(
	        gov_partnership_host_remove(&f->g, f->b_id, "a.test", &f->err),
	        MASA_ERR_NOT_FOUND);
	MUST(f, gov_partnership_host_remove(&f->g, f->a_id, "WWW.a.test",
	                                    &f->err));
	MUST(f, gov_partnership_host_list(&f->g, f->a_id, &f->a, &hosts, &n,
	                                  &f->err));
	assert_int_equal(n, 1);
	MUST(f, audit_list(&f->g, "partnership_host", 0, 10, &f->a, &audit, &n,
	                   &f->err));
	assert_int_equal(n, 4); /* three added, one removed */
	assert_string_equal(audit[0].action, "delete");
}

static void test_body_serving(void **state)
{
	struct fixture *f = *state;
	struct gov_body b, *bodies, own_cdop, clash = {0};
	struct gov_meeting m;
	struct gov_meeting_row *rows;
	struct gov_partnership *served;
	struct gov_body_serving *servings;
	size_t n, own_n, count, before;

	MUST(f, gov_body_list(&f->g, f->b_id, &f->a, &bodies, &own_n, &f->err));
	MUST(f, gov_meeting_count_seen(&f->g, f->b_id, NULL, NULL, &before,
	                               &f->err));
	/* Not seen in barnsley before it serves it. */
	assert_int_equal(gov_body_find_seen(&f->g, f->b_id, "SYCDOP", &f->a, &b,
	                                    &f->err),
	                 MASA_ERR_NOT_FOUND);
	MUST(f, gov_body_serve(&f->g, f->panel, f->b_id, &f->err));
	assert_int_equal(gov_body_serve(&f->g, f->panel, f->b_id, &f->err),
	                 MASA_ERR_CONFLICT);
	assert_int_equal(gov_body_serve(&f->g, f->panel, f->a_id, &f->err),
	                 MASA_ERR_INVALID);
	/* rotherham's CDOP cannot serve barnsley, which has a CDOP. */
	MUST(f,
	     gov_body_find(&f->g, f->a_id, "CDOP", &f->a, &own_cdop, &f->err));
	assert_int_equal(gov_body_serve(&f->g, own_cdop.id, f->b_id, &f->err),
	                 MASA_ERR_CONFLICT);
	/* Nor may barnsley make a body of the served one's short name. */
	clash.partnership_id = f->b_id;
	clash.short_name = "SYCDOP";
	clash.name = "Another panel";
	clash.kind = "panel";
	assert_int_equal(gov_body_create(&f->g, &clash, &f->err),
	                 MASA_ERR_CONFLICT);

	/* Seen in barnsley, after its own bodies; still rotherham's. */
	MUST(f,
	     gov_body_find_seen(&f->g, f->b_id, "SYCDOP", &f->a, &b, &f->err));
	assert_int_equal(b.id, f->panel);
	assert_int_equal(b.partnership_id, f->a_id);
	assert_int_equal(
	        gov_body_find(&f->g, f->b_id, "SYCDOP", &f->a, &b, &f->err),
	        MASA_ERR_NOT_FOUND);
	/* Each finds its own CDOP first. */
	MUST(f, gov_body_find_seen(&f->g, f->b_id, "CDOP", &f->a, &b, &f->err));
	assert_int_equal(b.partnership_id, f->b_id);
	MUST(f,
	     gov_body_list_seen(&f->g, f->b_id, &f->a, &bodies, &n, &f->err));
	assert_int_equal(n, own_n + 1);
	assert_string_equal(bodies[n - 1].short_name, "SYCDOP");
	assert_int_equal(bodies[0].partnership_id, f->b_id);

	/* Its meetings are seen there, and found for reading only. */
	MUST(f, gov_meeting_find_seen(&f->g, f->b_id, "SYCDOP/2015-03-10",
	                              &f->a, &m, &f->err));
	assert_int_equal(m.id, f->published);
	assert_int_equal(gov_meeting_find(&f->g, f->b_id, "SYCDOP/2015-03-10",
	                                  &f->a, &m, &f->err),
	                 MASA_ERR_NOT_FOUND);
	MUST(f, gov_meeting_find_seen(&f->g, f->b_id, "RLSCB/2014-12-04", &f->a,
	                              &m, &f->err));
	assert_int_equal(m.partnership_id, f->b_id);
	MUST(f, gov_meeting_count_seen(&f->g, f->b_id, NULL, NULL, &count,
	                               &f->err));
	assert_int_equal(count, before + 2);
	MUST(f, gov_meeting_count_seen(&f->g, f->b_id, "2015-03-01",
	                               "2015-03-31", &count, &f->err));
	assert_int_equal(count, 1);
	MUST(f,
	     gov_meeting_list_seen(&f->g, f->b_id, "2014-12-01", "2015-12-31",
	                           0, 0, &f->a, &rows, &n, &f->err));
	/* By date: RLSCB/2014-12-04, RLSCB-CSE/2014-12-10, then the panel. */
	assert_int_equal(n, 4);
	assert_string_equal(rows[0].m.key, "RLSCB/2014-12-04");
	assert_string_equal(rows[2].m.key, "SYCDOP/2015-03-10");
	assert_string_equal(rows[2].body_short_name, "SYCDOP");
	assert_string_equal(rows[3].m.key, "SYCDOP/2015-06-09");
	MUST(f,
	     gov_meeting_list_seen(&f->g, f->b_id, "2014-12-01", "2015-12-31",
	                           1, 2, &f->a, &rows, &n, &f->err));
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].m.key, "SYCDOP/2015-03-10");
	/* rotherham does not see barnsley's meetings. */
	MUST(f, gov_meeting_count_seen(&f->g, f->a_id, "2014-12-01",
	                               "2015-12-31", &count, &f->err));
	assert_int_equal(count, 4);

	MUST(f, gov_body_served(&f->g, f->panel, &f->a, &served, &n, &f->err));
	assert_int_equal(n, 1);
	assert_string_equal(served[0].key, "barnsley");
	MUST(f, gov_body_servings(&f->g, &f->a, &servings, &n, &f->err));
	assert_int_equal(n, 1);
	assert_int_equal(servings[0].body_id, f->panel);
	assert_int_equal(servings[0].partnership_id, f->b_id);

	/* Stopped: gone from barnsley, and its short name free there. */
	MUST(f, gov_body_serve_stop(&f->g, f->panel, f->b_id, &f->err));
	assert_int_equal(gov_body_serve_stop(&f->g, f->panel, f->b_id, &f->err),
	                 MASA_ERR_NOT_FOUND);
	assert_int_equal(gov_body_find_seen(&f->g, f->b_id, "SYCDOP", &f->a, &b,
	                                    &f->err),
	                 MASA_ERR_NOT_FOUND);
	assert_int_equal(gov_meeting_find_seen(&f->g, f->b_id,
	                                       "SYCDOP/2015-03-10", &f->a, &m,
	                                       &f->err),
	                 MASA_ERR_NOT_FOUND);
	MUST(f, gov_body_create(&f->g, &clash, &f->err));
	/* And now the panel cannot serve barnsley: the name is taken. */
	assert_int_equal(gov_body_serve(&f->g, f->panel, f->b_id, &f->err),
	                 MASA_ERR_CONFLICT);
}

static void test_served_minutes(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer pub_b, admin_b, member_b, pub_a, member_a;
	struct gov_meeting published, draft, own;
	int64_t served[] = {f->panel};
	bool yes = true;

	MUST(f,
	     gov_meeting_get(&f->g, f->published, &f->a, &published, &f->err));
	MUST(f, gov_meeting_get(&f->g, f->draft, &f->a, &draft, &f->err));
	MUST(f, gov_meeting_find(&f->g, f->a_id, "RLSCB/2014-12-04", &f->a,
	                         &own, &f->err));
	gov_viewer_public(&pub_b, f->b_id);
	admin_b = (struct gov_viewer){.role = GOV_ROLE_ADMIN,
	                              .partnership_id = f->b_id};
	member_b = (struct gov_viewer){.role = GOV_ROLE_MEMBER,
	                               .partnership_id = f->b_id};
	/* Without the bodies serving it, barnsley sees none of them. */
	assert_false(gov_may_see_minutes(&pub_b, &published));
	pub_b.served_bodies = admin_b.served_bodies = served;
	member_b.served_bodies = served;
	pub_b.nserved_bodies = admin_b.nserved_bodies = 1;
	member_b.nserved_bodies = 1;
	assert_true(gov_viewer_served(&pub_b, f->panel));
	assert_false(gov_viewer_served(&pub_b, f->panel + 1));
	/* Published minutes are public there; drafts are nobody's there. */
	assert_true(gov_may_see_minutes(&pub_b, &published));
	assert_true(gov_may_see_minutes(&member_b, &published));
	assert_false(gov_may_see_minutes(&pub_b, &draft));
	assert_false(gov_may_see_minutes(&admin_b, &draft));
	assert_false(gov_may_see_minutes(&member_b, &draft));
	/* Other meetings of rotherham stay rotherham's. */
	assert_false(gov_may_see_minutes(&admin_b, &own));
	/* Part two and papers, and changing it, stay with its home. */
	MUST(f, gov_may_see_confidential(&f->g, &admin_b, f->published, &yes,
	                                 &f->err));
	assert_false(yes);
	yes = true;
	MUST(f,
	     gov_may_see_papers(&f->g, &admin_b, f->published, &yes, &f->err));
	assert_false(yes);
	assert_false(gov_may_administer(&admin_b, published.partnership_id));
	/* At home, as ever: members see drafts, the public published. */
	gov_viewer_public(&pub_a, f->a_id);
	member_a = (struct gov_viewer){.role = GOV_ROLE_MEMBER,
	                               .partnership_id = f->a_id};
	assert_true(gov_may_see_minutes(&pub_a, &published));
	assert_false(gov_may_see_minutes(&pub_a, &draft));
	assert_true(gov_may_see_minutes(&member_a, &draft));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_host_names),
	        cmocka_unit_test_setup_teardown(test_host_mapping, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_body_serving, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_served_minutes, setup,
	                                        teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
