/*
 * test_circulate: the rules of circulation (gov/circulate.h) on a small
 * partnership: part two only to the body's members on the meeting's date
 * (not one who left the day before) and only as a link, its e-mail naming
 * no part-two title; open papers attached up to the limit and linked one
 * byte over it; no e-mail address recorded as not sent; each thing sent to
 * a person once a day (a claimed row is not claimed again; a re-send or a
 * failed row is); a server that cannot be reached recorded as not sent;
 * and who sees the record. Delivery to a real SMTP server is tested by
 * tests/cli/test_circulate.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testdb.h"
#include "testviewer.h"

/* The statics (claim, finish) are reached by including the module. */
#include "../../src/gov/circulate.c"

#include "gov/interchange.h"

static const char DOC[] =
        "{\"format\": \"masa-interchange\", \"version\": 3,\n"
        "\"partnership\": {\"id\": \"c\", \"name\": \"Circulation "
        "Partnership\"},\n"
        "\"people\": [\n"
        " {\"id\": \"mem\", \"name\": \"Mem Ber\", \"email\": "
        "\"mem@example.org\"},\n"
        " {\"id\": \"former\", \"name\": \"For Mer\", \"email\": "
        "\"former@example.org\"},\n"
        " {\"id\": \"nomail\", \"name\": \"No Mail\"},\n"
        " {\"id\": \"other\", \"name\": \"Oth Er\", \"email\": "
        "\"other@example.org\"}],\n"
        "\"bodies\": [{\"short_name\": \"PB\", \"name\": \"Board\", "
        "\"classification\": \"board\"}],\n"
        "\"memberships\": [\n"
        " {\"person\": \"mem\", \"body\": \"PB\", \"role\": \"member\"},\n"
        " {\"person\": \"nomail\", \"body\": \"PB\", \"role\": "
        "\"member\"},\n"
        " {\"person\": \"former\", \"body\": \"PB\", \"role\": \"member\", "
        "\"end_date\": \"2020-01-09\"}],\n"
        "\"meetings\": [\n"
        " {\"id\": \"PB/2020-01-10\", \"body\": \"PB\", \"date\": "
        "\"2020-01-10\", \"status\": \"held\",\n"
        "  \"agenda\": [{\"number\": \"1\", \"title\": \"Welcome\"},\n"
        "   {\"number\": \"2\", \"title\": \"Review of Child Q\", "
        "\"confidential\": true}]}]\n"
        "}\n";

struct fixture {
	char path[TESTDB_SIZE];
	struct store *store;
	struct gov g;
	struct arena a;
	struct masa_error err;
	int64_t partnership, meeting, open, secret;
	int64_t mem, nomail, other, former;
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

static int64_t add_paper(struct fixture *f, const char *item_number,
                         const char *title, size_t size)
{
	struct gov_item it;
	char *bytes = malloc(size);
	int64_t id = 0;

	memset(bytes, 'a', size);
	memcpy(bytes, "Text of ", 8);
	bytes[size - 1] = '\n';
	MUST(f, gov_item_find(&f->g, test_system(f->partnership), f->meeting,
	                      item_number, &f->a, &it, &f->err));
	MUST(f, gov_paper_add(&f->g, f->meeting, it.id, title, "paper.txt",
	                      bytes, size, &id, &f->err));
	free(bytes);
	return id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct gov_meeting m;

	if (testdb_new(f->path, sizeof f->path, "circulate") != 0)
		fail_msg("no test database");
	MUST(f, store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err));
	gov_init(&f->g, f->store, "test");
	MUST(f, interchange_load_buffer(&f->g, DOC, strlen(DOC), "circulate",
	                                &f->partnership, NULL, &f->err));
	MUST(f, gov_meeting_find(&f->g, f->partnership, "PB/2020-01-10", &f->a,
	                         &m, &f->err));
	f->meeting = m.id;
	f->open = add_paper(f, "1", "Open report", 100);
	f->secret = add_paper(f, "2", "Child Q chronology", 100);
	f->mem = person(f, "mem");
	f->nomail = person(f, "nomail");
	f->other = person(f, "other");
	f->former = person(f, "former");
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

static struct gov_circulate_ask
ask_for(struct fixture *f, enum gov_circulate_what what, int64_t paper)
{
	return (struct gov_circulate_ask){
	        .meeting_id = f->meeting,
	        .what = what,
	        .paper_id = paper,
	        .on = "2020-01-03",
	        .site_url = "https://masa.example.org",
	};
}

static const struct gov_circulate_recipient *
recipient(const struct gov_circulate_plan *p, int64_t person)
{
	for (size_t i = 0; i < p->nto; i++)
		if (p->to[i].person_id == person)
			return &p->to[i];
	return NULL;
}

static void test_part_two_only_to_members_as_a_link(void **state)
{
	struct fixture *f = *state;
	struct gov_circulate_ask ask =
	        ask_for(f, GOV_CIRCULATE_PAPER, f->secret);
	struct gov_circulate_plan p;
	struct mail_attachment file = {0};
	struct mail_message m;
	const int64_t outsiders[] = {f->mem, f->other, f->former};
	char *ids;

	MUST(f, gov_circulate_plan(&f->g, f->partnership, &ask, &f->a, &p,
	                           &f->err));
	/* The members on the day: not who left the day before, nor others. */
	assert_int_equal(p.nto, 2);
	assert_non_null(recipient(&p, f->mem));
	assert_non_null(recipient(&p, f->nomail));
	assert_true(p.part_two);
	assert_null(p.bytes);
	assert_int_equal(recipient(&p, f->mem)->how, GOV_CIRCULATE_LINK);
	ids = arena_printf(&f->a,
	                   "https://masa.example.org/sign-in?next="
	                   "/papers/%lld",
	                   (long long)f->secret);
	assert_string_equal(p.link, ids);
	assert_string_equal(p.described, "a confidential paper for item 2");
	gov_circulate_message(&p, recipient(&p, f->mem), "bu@example.org",
	                      "Circulation Partnership", &f->a, &file, &m);
	assert_int_equal(m.nattachments, 0);
	assert_null(strstr(m.subject, "Child Q"));
	assert_null(strstr(m.text, "Child Q"));
	assert_non_null(strstr(m.text, p.link));

	/* Asked for others: refused, naming them, whoever else is asked. */
	ask.people = outsiders;
	ask.npeople = 3;
	assert_int_equal(gov_circulate_plan(&f->g, f->partnership, &ask, &f->a,
	                                    &p, &f->err),
	                 MASA_ERR_INVALID);
	assert_non_null(strstr(f->err.message, "Oth Er"));
	assert_non_null(strstr(f->err.message, "For Mer"));
	assert_null(strstr(f->err.message, "Mem Ber"));
	/* The part-two pack likewise. */
	ask.what = GOV_CIRCULATE_PART_TWO_PACK;
	ask.paper_id = 0;
	assert_int_equal(gov_circulate_plan(&f->g, f->partnership, &ask, &f->a,
	                                    &p, &f->err),
	                 MASA_ERR_INVALID);
	/* An open thing may go to anyone of the partnership. */
	ask.what = GOV_CIRCULATE_PACK;
	MUST(f, gov_circulate_plan(&f->g, f->partnership, &ask, &f->a, &p,
	                           &f->err));
	assert_int_equal(p.nto, 3);
	assert_false(recipient(&p, f->other)->member);
}

static void test_open_paper_attached_up_to_the_limit(void **state)
{
	struct fixture *f = *state;
	int64_t at =
	        add_paper(f, "1", "At the limit", GOV_CIRCULATE_ATTACH_MAX);
	int64_t over = add_paper(f, "1", "Over", GOV_CIRCULATE_ATTACH_MAX + 1);
	struct gov_circulate_ask ask = ask_for(f, GOV_CIRCULATE_PAPER, at);
	struct gov_circulate_plan p;
	struct mail_attachment file;
	struct mail_message m;

	MUST(f, gov_circulate_plan(&f->g, f->partnership, &ask, &f->a, &p,
	                           &f->err));
	assert_non_null(p.bytes);
	assert_int_equal(p.size, GOV_CIRCULATE_ATTACH_MAX);
	assert_int_equal(recipient(&p, f->mem)->how, GOV_CIRCULATE_ATTACHED);
	gov_circulate_message(&p, recipient(&p, f->mem), "bu@example.org",
	                      "Circulation Partnership", &f->a, &file, &m);
	assert_int_equal(m.nattachments, 1);
	assert_ptr_equal(m.attachments[0].bytes, p.bytes);
	assert_string_equal(m.attachments[0].media_type,
	                    "text/plain; charset=utf-8");
	assert_non_null(strstr(m.subject, "At the limit"));
	ask.paper_id = over;
	MUST(f, gov_circulate_plan(&f->g, f->partnership, &ask, &f->a, &p,
	                           &f->err));
	assert_null(p.bytes);
	assert_int_equal(recipient(&p, f->mem)->how, GOV_CIRCULATE_LINK);
	/* No address: not sent, and why. */
	assert_int_equal(recipient(&p, f->nomail)->how, GOV_CIRCULATE_NOT_SENT);
	assert_string_equal(recipient(&p, f->nomail)->reason,
	                    "no e-mail address");
}

static size_t count_rows(struct fixture *f, const char *how)
{
	struct gov_circulation_row *rows;
	size_t n, k = 0;

	MUST(f,
	     gov_circulation_record(&f->g, test_system(f->partnership),
	                            f->meeting, 0, &f->a, &rows, &n, &f->err));
	for (size_t i = 0; i < n; i++)
		k += how == NULL || strcmp(rows[i].how, how) == 0;
	return k;
}

static void test_once_a_day(void **state)
{
	struct fixture *f = *state;
	struct gov_circulate_ask ask = ask_for(f, GOV_CIRCULATE_PACK, 0);
	struct gov_circulate_plan p;
	struct gov_circulate_recipient *r;
	int64_t id = 0, again = 0;

	MUST(f, gov_circulate_plan(&f->g, f->partnership, &ask, &f->a, &p,
	                           &f->err));
	r = (struct gov_circulate_recipient *)recipient(&p, f->mem);
	/* A claim, as a run makes before sending: a second is refused... */
	MUST(f, claim(&f->g, &p, r, false, &id, &f->err));
	assert_true(id > 0);
	MUST(f, claim(&f->g, &p, r, false, &again, &f->err));
	assert_int_equal(again, 0);
	/* ...and a new plan that day says it went (or is going). */
	MUST(f, gov_circulate_plan(&f->g, f->partnership, &ask, &f->a, &p,
	                           &f->err));
	assert_int_equal(recipient(&p, f->mem)->how, GOV_CIRCULATE_ALREADY);
	/* Another day is another row. */
	ask.on = "2020-01-04";
	MUST(f, gov_circulate_plan(&f->g, f->partnership, &ask, &f->a, &p,
	                           &f->err));
	assert_int_equal(recipient(&p, f->mem)->how, GOV_CIRCULATE_LINK);
	/* A failure can be claimed again, and so can anything by a re-send,
	 * which keeps the one row of the day. */
	ask.on = "2020-01-03";
	MUST(f, gov_circulate_plan(&f->g, f->partnership, &ask, &f->a, &p,
	                           &f->err));
	MUST(f, finish(&f->g, id, "refused by the mail server: 550", &f->err));
	MUST(f, claim(&f->g, &p, r, false, &again, &f->err));
	assert_int_equal(again, id);
	MUST(f, finish(&f->g, id, NULL, &f->err));
	MUST(f, claim(&f->g, &p, r, false, &again, &f->err));
	assert_int_equal(again, 0);
	MUST(f, claim(&f->g, &p, r, true, &again, &f->err));
	assert_int_equal(again, id);
	assert_int_equal(count_rows(f, NULL), 1);
}

static void test_unreachable_server_recorded(void **state)
{
	struct fixture *f = *state;
	struct gov_circulate_ask ask = ask_for(f, GOV_CIRCULATE_MINUTES, 0);
	struct gov_circulate_plan p;
	struct gov_circulate_result result;
	struct mail_sender *sender;

	MUST(f, gov_circulate_plan(&f->g, f->partnership, &ask, &f->a, &p,
	                           &f->err));
	assert_non_null(
	        strstr(p.link, "/sign-in?next=/meetings/PB/2020-01-10"));
	/* Port 9 (discard) has no listener on a test machine. */
	MUST(f, mail_sender_open("smtp://127.0.0.1:9", &sender, &f->err));
	MUST(f, gov_circulate_send(&f->g, &p, sender, "bu@example.org",
	                           "Circulation Partnership", &f->a, &result,
	                           &f->err));
	mail_sender_close(sender);
	assert_int_equal(result.sent, 0);
	assert_int_equal(result.not_sent, 2);
	assert_int_equal(recipient(&p, f->mem)->how, GOV_CIRCULATE_NOT_SENT);
	assert_string_equal(recipient(&p, f->mem)->reason,
	                    "the mail server could not be reached");
	assert_string_equal(recipient(&p, f->nomail)->reason,
	                    "no e-mail address");
	assert_int_equal(count_rows(f, "not_sent"), 2);
	/* A later run tries them again. */
	MUST(f, gov_circulate_plan(&f->g, f->partnership, &ask, &f->a, &p,
	                           &f->err));
	assert_int_equal(recipient(&p, f->mem)->how, GOV_CIRCULATE_LINK);
}

static void test_who_sees_the_record(void **state)
{
	struct fixture *f = *state;
	struct gov_circulate_ask ask =
	        ask_for(f, GOV_CIRCULATE_PAPER, f->secret);
	struct gov_circulate_plan p;
	struct gov_circulation_row *rows;
	struct gov_viewer v;
	size_t n;
	int64_t id;

	MUST(f, gov_circulate_plan(&f->g, f->partnership, &ask, &f->a, &p,
	                           &f->err));
	MUST(f, claim(&f->g, &p,
	              (struct gov_circulate_recipient *)recipient(&p, f->mem),
	              false, &id, &f->err));
	v = test_viewer(&f->g, f->partnership, GOV_ROLE_MEMBER, "mem", NULL);
	MUST(f, gov_circulation_record(&f->g, &v, f->meeting, 0, &f->a, &rows,
	                               &n, &f->err));
	assert_int_equal(n, 1);
	assert_true(rows[0].part_two);
	assert_true(rows[0].member);
	/* Someone outside the body, and the public: nothing. */
	v = test_viewer(&f->g, f->partnership, GOV_ROLE_MEMBER, "other", NULL);
	MUST(f, gov_circulation_record(&f->g, &v, f->meeting, 0, &f->a, &rows,
	                               &n, &f->err));
	assert_int_equal(n, 0);
	assert_int_equal(
	        gov_circulation_row_get(&f->g, &v, id, &f->a, rows, &f->err),
	        MASA_ERR_NOT_FOUND);
	gov_viewer_public(&v, f->partnership);
	MUST(f, gov_circulation_record(&f->g, &v, f->meeting, 0, &f->a, &rows,
	                               &n, &f->err));
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(
	                test_part_two_only_to_members_as_a_link, setup,
	                teardown),
	        cmocka_unit_test_setup_teardown(
	                test_open_paper_attached_up_to_the_limit, setup,
	                teardown),
	        cmocka_unit_test_setup_teardown(test_once_a_day, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(
	                test_unreachable_server_recorded, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_who_sees_the_record, setup,
	                                        teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
