/*
 * test_action_rules: the rules of gov/action_rules.h at their boundaries
 * (due today, due yesterday, due by the next meeting, no due date, a
 * finished action, an owner replaced the day of the report), who sees an
 * action raised under a part-two sub-item (in every listing, lookup and
 * count), and updates dated after today, on a small partnership built here.
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

#include "core/date.h"
#include "gov/access.h"
#include "gov/action.h"
#include "gov/action_query.h"
#include "gov/body.h"
#include "gov/interchange.h"
#include "gov/partnership.h"
#include "store/store.h"

/*
 * Board B met on 10 January 2020 (item 1 open; item 2 part two, with its
 * sub-item 2.1 not marked itself) and meets again on 10 March. Ann sits on
 * B; Len left it the day before the January meeting; Oz sits only on C.
 * Pat (of the council) and Bob sit on nothing; Jo works for the police.
 *   B/2020-01-10/1 item 1, Ann, due 10 March 2020
 *   B/2020-01-10/2 item 2.1 (part two), the police and Pat, due 1 February
 *   B/2020-01-10/3 item 1, Pat, replaced by Bob on 5 February, due by the
 *                  next meeting (10 March)
 *   B/2020-01-10/4 item 1, Ann, due 20 January, discharged on 15 January
 *   B/2020-01-10/5 item 1, Ann, no due date
 */
static const char PARTNERSHIP[] =
        "{\"format\": \"masa-interchange\", \"version\": 2,"
        " \"partnership\": {\"id\": \"t\", \"name\": \"Testshire\"},"
        " \"organizations\": ["
        "  {\"id\": \"council\", \"name\": \"Council\", \"part\": "
        "\"safeguarding_partner\"},"
        "  {\"id\": \"police\", \"name\": \"Police\", \"part\": "
        "\"safeguarding_partner\"},"
        "  {\"id\": \"health\", \"name\": \"Health\", \"part\": "
        "\"safeguarding_partner\"}],"
        " \"people\": [{\"id\": \"ann\", \"name\": \"Ann\"},"
        "  {\"id\": \"len\", \"name\": \"Len\"}, {\"id\": \"oz\", \"name\": "
        "\"Oz\"},"
        "  {\"id\": \"pat\", \"name\": \"Pat\", \"organization\": "
        "\"council\"},"
        "  {\"id\": \"bob\", \"name\": \"Bob\"},"
        "  {\"id\": \"jo\", \"name\": \"Jo\", \"organization\": \"police\"}],"
        " \"bodies\": [{\"short_name\": \"B\", \"name\": \"Board\", "
        "\"classification\": \"board\"},"
        "  {\"short_name\": \"C\", \"name\": \"Committee\", "
        "\"classification\": \"subgroup\"}],"
        " \"memberships\": ["
        "  {\"person\": \"ann\", \"body\": \"B\", \"role\": \"member\", "
        "\"start_date\": \"2019-01-01\"},"
        "  {\"person\": \"len\", \"body\": \"B\", \"role\": \"member\", "
        "\"start_date\": \"2019-01-01\", \"end_date\": \"2020-01-09\"},"
        "  {\"person\": \"oz\", \"body\": \"C\", \"role\": \"member\"}],"
        " \"meetings\": [{\"id\": \"B/2020-01-10\", \"body\": \"B\", "
        "\"date\": \"2020-01-10\", \"status\": \"held\", \"agenda\": ["
        "   {\"number\": \"1\", \"title\": \"Open business\"},"
        "   {\"number\": \"2\", \"title\": \"Case review\", "
        "\"confidential\": true,"
        "    \"items\": [{\"number\": \"2.1\", \"title\": \"Child S\"}]}]},"
        "  {\"id\": \"B/2020-03-10\", \"body\": \"B\", \"date\": "
        "\"2020-03-10\", \"status\": \"scheduled\"}],"
        " \"actions\": ["
        "  {\"id\": \"B/2020-01-10/1\", \"body\": \"B\", \"meeting\": "
        "\"B/2020-01-10\", \"item\": \"1\", \"number\": 1, \"details\": "
        "\"Due on the next meeting's day\", \"owners\": [{\"person\": "
        "\"ann\"}], \"due_date\": \"2020-03-10\"},"
        "  {\"id\": \"B/2020-01-10/2\", \"body\": \"B\", \"meeting\": "
        "\"B/2020-01-10\", \"item\": \"2.1\", \"number\": 2, \"details\": "
        "\"Part two\", \"owners\": [{\"organization\": \"police\"}, "
        "{\"person\": \"pat\"}], \"due_date\": \"2020-02-01\"},"
        "  {\"id\": \"B/2020-01-10/3\", \"body\": \"B\", \"meeting\": "
        "\"B/2020-01-10\", \"item\": \"1\", \"number\": 3, \"details\": "
        "\"Reassigned\", \"owners\": [{\"person\": \"pat\"}], "
        "\"due_meeting\": \"B/2020-03-10\", \"updates\": [{\"date\": "
        "\"2020-02-05\", \"text\": \"Bob takes it\", \"owners_added\": "
        "[{\"person\": \"bob\"}], \"owners_removed\": [{\"person\": "
        "\"pat\"}]}]},"
        "  {\"id\": \"B/2020-01-10/4\", \"body\": \"B\", \"meeting\": "
        "\"B/2020-01-10\", \"item\": \"1\", \"number\": 4, \"details\": "
        "\"Finished early\", \"owners\": [{\"person\": \"ann\"}], "
        "\"due_date\": \"2020-01-20\", \"updates\": [{\"date\": "
        "\"2020-01-15\", \"status\": \"discharged\"}]},"
        "  {\"id\": \"B/2020-01-10/5\", \"body\": \"B\", \"meeting\": "
        "\"B/2020-01-10\", \"item\": \"1\", \"number\": 5, \"details\": "
        "\"No due date\", \"owners\": [{\"person\": \"ann\"}]}]}";

struct fixture {
	char path[TESTDB_SIZE];
	char file[64];
	struct store *store;
	struct gov g;
	struct arena a;
	struct masa_error err;
	int64_t partnership, body_b;
	/* the viewers */
	struct gov_viewer admin, ann, len, oz, pat, police, health;
};

#define MUST(f, call)                                                       \
	do {                                                                \
		if ((call) != MASA_OK)                                      \
			fail_msg("%s failed: %s", #call, (f)->err.message); \
	} while (0)

static int64_t person(struct fixture *f, const char *key)
{
	struct gov_person p;

	MUST(f,
	     gov_person_find(&f->g, f->partnership, key, &f->a, &p, &f->err));
	return p.id;
}

static struct gov_viewer viewer(struct fixture *f, enum gov_role role,
                                const char *who, const char *org)
{
	return test_viewer(&f->g, f->partnership, role, who, org);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct gov_body b;
	FILE *out;

	snprintf(f->file, sizeof f->file, "/tmp/masa-rules-%ld.json",
	         (long)getpid());
	out = fopen(f->file, "w");
	if (out == NULL || fputs(PARTNERSHIP, out) < 0 || fclose(out) != 0)
		fail_msg("cannot write %s", f->file);
	if (testdb_new(f->path, sizeof f->path, "rules") != 0)
		fail_msg("no test database");
	MUST(f, store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err));
	gov_init(&f->g, f->store, "test");
	MUST(f, interchange_load_file(&f->g, f->file, &f->partnership, NULL,
	                              &f->err));
	MUST(f, gov_body_find(&f->g, f->partnership, "B", &f->a, &b, &f->err));
	f->body_b = b.id;
	f->admin = viewer(f, GOV_ROLE_ADMIN, NULL, NULL);
	f->ann = viewer(f, GOV_ROLE_MEMBER, "ann", NULL);
	f->len = viewer(f, GOV_ROLE_MEMBER, "len", NULL);
	f->oz = viewer(f, GOV_ROLE_MEMBER, "oz", NULL);
	f->pat = viewer(f, GOV_ROLE_MEMBER, "pat", NULL);
	f->police = viewer(f, GOV_ROLE_PARTNER, "jo", "police");
	f->health = viewer(f, GOV_ROLE_PARTNER, NULL, "health");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->store);
	arena_free(&f->a);
	testdb_remove(f->path);
	unlink(f->file);
	free(f);
	return 0;
}

/* The entry of action key as at date, as the admin sees it. */
static struct gov_action_entry entry(struct fixture *f, const char *key,
                                     const char *date)
{
	struct gov_action act;
	struct gov_action_entry e;

	MUST(f, gov_action_find(&f->g, &f->admin, key, &f->a, &act, &f->err));
	MUST(f, gov_action_entry_read(&f->g, &f->admin, act.id, date, &f->a, &e,
	                              &f->err));
	return e;
}

/* The open actions on `on` that v sees, filtered by f0. */
static const struct gov_action_entry *open_list(struct fixture *f,
                                                const struct gov_viewer *v,
                                                struct gov_action_filter f0,
                                                size_t *n)
{
	struct gov_action_entry *e;

	MUST(f, gov_action_open_list(&f->g, v, &f0, &f->a, &e, n, &f->err));
	return e;
}

static const struct gov_action_entry *in(const struct gov_action_entry *e,
                                         size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(e[i].action.key, key) == 0)
			return &e[i];
	return NULL;
}

/* ---- overdue ---- */

static void test_days_overdue_boundaries(void **state)
{
	(void)state;
	assert_int_equal(
	        gov_action_days_overdue("2020-03-10", "open", "2020-03-10"), 0);
	assert_int_equal(gov_action_days_overdue("2020-03-10", "in_progress",
	                                         "2020-03-11"),
	                 1);
	assert_int_equal(
	        gov_action_days_overdue("2020-03-10", "open", "2020-03-09"), 0);
	assert_int_equal(gov_action_days_overdue(NULL, "open", "2030-01-01"),
	                 0);
	assert_int_equal(gov_action_days_overdue("2020-01-20", "discharged",
	                                         "2020-02-01"),
	                 0);
	assert_int_equal(gov_action_days_overdue("2020-01-20", "superseded",
	                                         "2020-02-01"),
	                 0);
	assert_int_equal(
	        gov_action_days_overdue("2019-12-31", "open", "2020-03-01"),
	        61);
}

static void test_due_today_is_not_overdue(void **state)
{
	struct fixture *f = *state;
	const struct gov_action_entry *e;
	size_t n;

	/* The overdue list (SQL) and the days (C) agree at the boundary. */
	e = open_list(f, &f->admin,
	              (struct gov_action_filter){.on = "2020-03-10",
	                                         .overdue_only = true},
	              &n);
	assert_null(in(e, n, "B/2020-01-10/1"));
	e = open_list(f, &f->admin,
	              (struct gov_action_filter){.on = "2020-03-10"}, &n);
	assert_non_null(in(e, n, "B/2020-01-10/1"));
	assert_int_equal(in(e, n, "B/2020-01-10/1")->days_overdue, 0);
	e = open_list(f, &f->admin,
	              (struct gov_action_filter){.on = "2020-03-11",
	                                         .overdue_only = true},
	              &n);
	assert_non_null(in(e, n, "B/2020-01-10/1"));
	assert_int_equal(in(e, n, "B/2020-01-10/1")->days_overdue, 1);
	assert_int_equal(entry(f, "B/2020-01-10/1", "2020-03-10").days_overdue,
	                 0);
	assert_int_equal(entry(f, "B/2020-01-10/1", "2020-03-11").days_overdue,
	                 1);
}

static void test_due_by_the_next_meeting(void **state)
{
	struct fixture *f = *state;
	struct gov_action_entry e = entry(f, "B/2020-01-10/3", "2020-03-10");
	struct gov_log_filter lf = {.body_id = f->body_b,
	                            .on = "2020-03-11",
	                            .show = GOV_LOG_OPEN,
	                            .overdue_only = true};
	struct gov_log_row *rows;
	size_t n, total;

	assert_null(e.action.due_date);
	assert_string_equal(e.due, "2020-03-10");
	assert_int_equal(e.days_overdue, 0);
	assert_int_equal(entry(f, "B/2020-01-10/3", "2020-03-11").days_overdue,
	                 1);
	/* The log page's overdue filter says the same. */
	MUST(f, gov_log_query(&f->g, &f->admin, &lf, &f->a, &rows, &n, &total,
	                      &f->err));
	assert_int_equal(total, 3); /* 1, 2 and 3; not 5 (no date), not 4 */
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].e.action.key, "B/2020-01-10/3") == 0)
			assert_int_equal(rows[i].e.days_overdue, 1);
	lf.on = "2020-03-10";
	MUST(f, gov_log_query(&f->g, &f->admin, &lf, &f->a, &rows, &n, &total,
	                      &f->err));
	assert_int_equal(total, 1); /* 2 alone: 1 and 3 are due that day */
	assert_string_equal(rows[0].e.action.key, "B/2020-01-10/2");
}

static void test_no_due_date_is_never_overdue(void **state)
{
	struct fixture *f = *state;
	const struct gov_action_entry *e;
	size_t n;

	e = open_list(f, &f->admin,
	              (struct gov_action_filter){.on = "2030-01-01"}, &n);
	assert_non_null(in(e, n, "B/2020-01-10/5"));
	assert_int_equal(in(e, n, "B/2020-01-10/5")->days_overdue, 0);
	/* listed last, after every action with a due date */
	assert_string_equal(e[n - 1].action.key, "B/2020-01-10/5");
	e = open_list(f, &f->admin,
	              (struct gov_action_filter){.on = "2030-01-01",
	                                         .overdue_only = true},
	              &n);
	assert_null(in(e, n, "B/2020-01-10/5"));
	assert_int_equal(n, 3);
}

static void test_finished_action(void **state)
{
	struct fixture *f = *state;
	const struct gov_action_entry *e;
	struct gov_body_action_count *c;
	struct gov_action_query q = {.body_id = 0,
	                             .as_at = "2020-02-02",
	                             .limit = 100,
	                             .overdue_only = true};
	struct gov_action_entry *qe;
	size_t n;

	/* open the day before it was discharged, finished on the day */
	assert_string_equal(
	        entry(f, "B/2020-01-10/4", "2020-01-14").status_as_at, "open");
	assert_string_equal(
	        entry(f, "B/2020-01-10/4", "2020-01-15").status_as_at,
	        "discharged");
	assert_int_equal(entry(f, "B/2020-01-10/4", "2020-02-01").days_overdue,
	                 0);
	e = open_list(f, &f->admin,
	              (struct gov_action_filter){.on = "2020-02-01"}, &n);
	assert_null(in(e, n, "B/2020-01-10/4"));
	assert_non_null(in(e, n, "B/2020-01-10/1"));
	e = open_list(f, &f->admin,
	              (struct gov_action_filter){.on = "2020-01-14"}, &n);
	assert_non_null(in(e, n, "B/2020-01-10/4"));
	MUST(f,
	     gov_action_query(&f->g, &f->admin, &q, &f->a, &qe, &n, &f->err));
	assert_null(in(qe, n, "B/2020-01-10/4"));
	assert_non_null(in(qe, n, "B/2020-01-10/2"));
	/* 2 is due on 1 February: overdue from the 2nd, never 4 */
	MUST(f, gov_action_counts_by_body(&f->g, &f->admin, "2020-02-01", &f->a,
	                                  &c, &n, &f->err));
	assert_int_equal(c[0].all, 5);
	assert_int_equal(c[0].open, 4);
	assert_int_equal(c[0].overdue, 0);
	MUST(f, gov_action_counts_by_body(&f->g, &f->admin, "2020-02-02", &f->a,
	                                  &c, &n, &f->err));
	assert_int_equal(c[0].open, 4);
	assert_int_equal(c[0].overdue, 1);
}

/* ---- owners ---- */

static void test_owner_replaced_the_day_of_the_report(void **state)
{
	struct fixture *f = *state;
	struct gov_action_entry e;
	const struct gov_action_entry *l;
	size_t n;
	int64_t pat = person(f, "pat");

	e = entry(f, "B/2020-01-10/3", "2020-02-05");
	assert_int_equal(e.nowners, 1);
	assert_string_equal(e.owners[0].name, "Bob");
	e = entry(f, "B/2020-01-10/3", "2020-02-04");
	assert_int_equal(e.nowners, 1);
	assert_string_equal(e.owners[0].name, "Pat");
	assert_int_equal(e.nhistory, 2);
	/* The owner filter (SQL) agrees with the owners read (C). */
	l = open_list(f, &f->admin,
	              (struct gov_action_filter){.on = "2020-02-04",
	                                         .person_id = pat},
	              &n);
	assert_non_null(in(l, n, "B/2020-01-10/3"));
	assert_int_equal(in(l, n, "B/2020-01-10/3")->nowners, 1);
	assert_string_equal(in(l, n, "B/2020-01-10/3")->owners[0].name, "Pat");
	l = open_list(f, &f->admin,
	              (struct gov_action_filter){.on = "2020-02-05",
	                                         .person_id = pat},
	              &n);
	assert_null(in(l, n, "B/2020-01-10/3"));
	l = open_list(f, &f->admin,
	              (struct gov_action_filter){.on = "2020-02-05"}, &n);
	assert_string_equal(in(l, n, "B/2020-01-10/3")->owners[0].name, "Bob");
}

/* The printed log, the log pages and the API agree as at one date. */
static void test_log_and_api_agree(void **state)
{
	struct fixture *f = *state;
	struct gov_action_log log;
	struct gov_action_query q = {
	        .body_id = f->body_b, .as_at = "2020-02-04", .limit = 100};
	struct gov_action_entry *qe;
	size_t n;

	MUST(f, gov_action_log_as_at(&f->g, &f->admin, f->body_b, "2020-02-04",
	                             &f->a, &log, &f->err));
	assert_int_equal(log.nraised, 0);
	assert_int_equal(log.nfinished, 0);
	assert_int_equal(log.nongoing, 4); /* 4 was discharged earlier */
	MUST(f,
	     gov_action_query(&f->g, &f->admin, &q, &f->a, &qe, &n, &f->err));
	assert_int_equal(n, 5);
	for (size_t i = 0; i < log.nongoing; i++) {
		const struct gov_action_entry *a = &log.ongoing[i];
		const struct gov_action_entry *b = in(qe, n, a->action.key);
		assert_non_null(b);
		assert_string_equal(a->status_as_at, b->status_as_at);
		assert_int_equal(a->days_overdue, b->days_overdue);
		assert_int_equal(a->nowners, b->nowners);
		for (size_t k = 0; k < a->nowners; k++)
			assert_string_equal(a->owners[k].name,
			                    b->owners[k].name);
		if (i > 0) /* on-going by number, as the log numbers them */
			assert_true(log.ongoing[i - 1].action.number <
			            a->action.number);
	}
	assert_string_equal(
	        in(log.ongoing, log.nongoing, "B/2020-01-10/3")->owners[0].name,
	        "Pat");
}

/* ---- who sees the part-two action ---- */

/* Does v see B/2020-01-10/2 in each listing and lookup? Asserts they
 * agree and returns the answer. */
static bool sees_part_two(struct fixture *f, const struct gov_viewer *v)
{
	struct gov_action act;
	struct gov_action_entry e, *qe;
	const struct gov_action_entry *l;
	struct gov_action_log log;
	struct gov_log_row *rows;
	struct gov_action_query q = {.as_at = "2020-03-01", .limit = 100};
	struct gov_log_filter lf = {
	        .body_id = f->body_b, .on = "2020-03-01", .show = GOV_LOG_ALL};
	struct gov_action_entry *meeting;
	size_t n, total;
	int64_t id, meeting_id;
	bool found, listed;
	enum masa_err rc;

	MUST(f, gov_action_find(&f->g, &f->admin, "B/2020-01-10/2", &f->a, &act,
	                        &f->err));
	id = act.id;
	meeting_id = act.meeting_id;
	assert_true(act.item_id != 0);
	rc = gov_action_find(&f->g, v, "B/2020-01-10/2", &f->a, &act, &f->err);
	assert_true(rc == MASA_OK || rc == MASA_ERR_NOT_FOUND);
	found = rc == MASA_OK;
	if (!found) /* as for an action that does not exist */
		assert_string_equal(f->err.message,
		                    "no action \"B/2020-01-10/2\"");
	rc = gov_action_get(&f->g, v, id, &f->a, &act, &f->err);
	assert_int_equal(rc == MASA_OK, found);
	rc = gov_action_entry_read(&f->g, v, id, NULL, &f->a, &e, &f->err);
	assert_int_equal(rc == MASA_OK, found);
	if (found) {
		assert_true(e.confidential); /* 2.1 is part two as 2 is */
		assert_string_equal(e.item_number, "2.1");
	}

	l = open_list(f, v,
	              (struct gov_action_filter){.on = "2020-03-01",
	                                         .overdue_only = true},
	              &n);
	listed = in(l, n, "B/2020-01-10/2") != NULL;
	assert_int_equal(listed, found);
	assert_int_equal(n, found ? 1 : 0);
	MUST(f, gov_action_query(&f->g, v, &q, &f->a, &qe, &n, &f->err));
	assert_int_equal(in(qe, n, "B/2020-01-10/2") != NULL, found);
	assert_int_equal(n, found ? 5 : 4);
	MUST(f,
	     gov_log_query(&f->g, v, &lf, &f->a, &rows, &n, &total, &f->err));
	assert_int_equal(total, found ? 5 : 4);
	MUST(f, gov_action_log_as_at(&f->g, v, f->body_b, "2020-03-01", &f->a,
	                             &log, &f->err));
	assert_int_equal(log.nongoing, found ? 4 : 3);
	MUST(f, gov_action_list_meeting(&f->g, v, meeting_id, &f->a, &meeting,
	                                &n, &f->err));
	assert_int_equal(n, found ? 5 : 4);
	return found;
}

static void test_part_two_sub_item_hidden(void **state)
{
	struct fixture *f = *state;

	assert_false(sees_part_two(f, &f->oz));     /* another body */
	assert_false(sees_part_two(f, &f->len));    /* left the day before */
	assert_false(sees_part_two(f, &f->health)); /* not its organisation */
}

static void test_another_partnership_sees_none(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer outsider = f->admin;
	struct gov_action act;
	struct gov_action_entry *e;
	struct gov_action_query q = {.as_at = "2020-03-01", .limit = 100};
	size_t n;

	outsider.partnership_id = f->partnership + 1000;
	assert_int_equal(gov_action_find(&f->g, &outsider, "B/2020-01-10/1",
	                                 &f->a, &act, &f->err),
	                 MASA_ERR_NOT_FOUND);
	MUST(f, gov_action_query(&f->g, &outsider, &q, &f->a, &e, &n, &f->err));
	assert_int_equal(n, 0);
	MUST(f, gov_action_query(&f->g, &f->oz, &q, &f->a, &e, &n, &f->err));
	assert_int_equal(n, 4);
}

static void test_part_two_sub_item_shown(void **state)
{
	struct fixture *f = *state;

	assert_true(sees_part_two(f, &f->ann));    /* member on the day */
	assert_true(sees_part_two(f, &f->admin));  /* the business unit */
	assert_true(sees_part_two(f, &f->pat));    /* its owner */
	assert_true(sees_part_two(f, &f->police)); /* its organisation */
}

static void test_counts_leave_out_hidden(void **state)
{
	struct fixture *f = *state;
	struct gov_body_action_count *c;
	struct gov_action_org_count *o;
	size_t n;

	MUST(f, gov_action_counts_by_body(&f->g, &f->oz, "2020-03-01", &f->a,
	                                  &c, &n, &f->err));
	assert_int_equal(c[0].all, 4);
	assert_int_equal(c[0].open, 3);
	assert_int_equal(c[0].overdue, 0);
	MUST(f, gov_action_counts_by_body(&f->g, &f->ann, "2020-03-01", &f->a,
	                                  &c, &n, &f->err));
	assert_int_equal(c[0].all, 5);
	assert_int_equal(c[0].open, 4);
	assert_int_equal(c[0].overdue, 1);
	/* The police own only the part-two action. */
	MUST(f, gov_action_counts_by_organisation(&f->g, &f->oz, "2020-03-01",
	                                          &f->a, &o, &n, &f->err));
	for (size_t i = 0; i < n; i++)
		assert_string_not_equal(o[i].organisation_key, "police");
	MUST(f,
	     gov_action_counts_by_organisation(&f->g, &f->police, "2020-03-01",
	                                       &f->a, &o, &n, &f->err));
	{
		bool police = false;
		for (size_t i = 0; i < n; i++)
			if (strcmp(o[i].organisation_key, "police") == 0) {
				police = true;
				assert_int_equal(o[i].open, 1);
				assert_int_equal(o[i].overdue, 1);
				assert_true(o[i].median_days_overdue == 29);
			}
		assert_true(police);
	}
}

/* The log page's owner filter offers only owners of actions seen. */
static void test_owner_choices_leave_out_hidden(void **state)
{
	struct fixture *f = *state;
	struct gov_key_name *people, *orgs;
	size_t np, no;

	MUST(f, gov_log_owner_choices(&f->g, &f->oz, f->body_b, &f->a, &people,
	                              &np, &orgs, &no, &f->err));
	assert_int_equal(no, 1); /* the council, through Pat; not the police */
	assert_string_equal(orgs[0].key, "council");
	assert_int_equal(np, 3); /* Ann, Bob, Pat */
	MUST(f, gov_log_owner_choices(&f->g, &f->admin, f->body_b, &f->a,
	                              &people, &np, &orgs, &no, &f->err));
	assert_int_equal(no, 2);
	assert_string_equal(orgs[1].key, "police");
}

/* ---- updates are dated today or earlier ---- */

static void test_update_after_today_refused(void **state)
{
	struct fixture *f = *state;
	char today[DATE_TEXT_SIZE], tomorrow[DATE_TEXT_SIZE];
	struct gov_action act;
	struct gov_action_update u = {.text = "Looking ahead"};
	enum masa_err rc;

	date_format(date_today(), today);
	date_format(date_today() + 1, tomorrow);
	MUST(f, gov_action_find(&f->g, &f->admin, "B/2020-01-10/5", &f->a, &act,
	                        &f->err));
	u.action_id = act.id;
	u.on_date = tomorrow;
	rc = gov_action_update(&f->g, &u, NULL, 0, NULL, 0, &f->err);
	assert_int_equal(rc, MASA_ERR_INVALID);
	assert_non_null(strstr(f->err.message, "is after today"));
	assert_int_equal(entry(f, "B/2020-01-10/5", NULL).nupdates, 0);
	rc = gov_action_set_due(&f->g, act.id, 0, "2030-01-01", tomorrow, NULL,
	                        &f->err);
	assert_int_equal(rc, MASA_ERR_INVALID);
	assert_non_null(strstr(f->err.message, "is after today"));
	assert_null(entry(f, "B/2020-01-10/5", NULL).due);
	u.on_date = today;
	MUST(f, gov_action_update(&f->g, &u, NULL, 0, NULL, 0, &f->err));
	MUST(f, gov_action_set_due(&f->g, act.id, 0, "2030-01-01", today, NULL,
	                           &f->err));
	assert_string_equal(entry(f, "B/2020-01-10/5", NULL).due, "2030-01-01");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_days_overdue_boundaries),
	        T(test_due_today_is_not_overdue),
	        T(test_due_by_the_next_meeting),
	        T(test_no_due_date_is_never_overdue),
	        T(test_finished_action),
	        T(test_owner_replaced_the_day_of_the_report),
	        T(test_log_and_api_agree),
	        T(test_part_two_sub_item_hidden),
	        T(test_part_two_sub_item_shown),
	        T(test_another_partnership_sees_none),
	        T(test_counts_leave_out_hidden),
	        T(test_owner_choices_leave_out_hidden),
	        T(test_update_after_today_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
