/*
 * test_part_two: who sees part two, asked of every domain listing and
 * lookup that can return it (items, their rows for pages, resolutions,
 * papers, circulation, declarations, work programme entries, matters
 * arising, the agenda draft), on a partnership made for the boundaries: a
 * sub-item created under a part-two item without its own flag, a member who
 * left the body the day before the meeting, one whose membership ended on
 * the meeting's day, one who joined on it, a member of another body, the
 * public, and published against draft minutes.
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

#include "gov/access.h"
#include "gov/agenda.h"
#include "gov/body.h"
#include "gov/interchange.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "gov/programme.h"
#include "store/store.h"

/* The secret words: none of them may reach a viewer without part two. */
static const char *const SECRETS[] = {"Child Q", "Child R", NULL};

static const char DOC[] =
        "{\"format\": \"masa-interchange\", \"version\": 3,\n"
        "\"partnership\": {\"id\": \"p2\", \"name\": \"Part Two "
        "Partnership\"},\n"
        "\"organizations\": [{\"id\": \"police\", \"name\": \"Police\", "
        "\"part\": \"safeguarding_partner\"}, {\"id\": \"council\", "
        "\"name\": \"Council\", \"part\": \"safeguarding_partner\"}],\n"
        "\"people\": [\n"
        " {\"id\": \"mem\", \"name\": \"Mem Ber\"},\n"
        " {\"id\": \"former\", \"name\": \"For Mer\"},\n"
        " {\"id\": \"lastday\", \"name\": \"Last Day\"},\n"
        " {\"id\": \"newbie\", \"name\": \"New Bie\"},\n"
        " {\"id\": \"other\", \"name\": \"Oth Er\"},\n"
        " {\"id\": \"cop\", \"name\": \"Co P\", \"organization\": "
        "\"police\"}],\n"
        "\"bodies\": [{\"short_name\": \"PB\", \"name\": \"Board\", "
        "\"classification\": \"board\"}, {\"short_name\": \"QA\", \"name\": "
        "\"QA group\", \"classification\": \"subgroup\", \"parent\": "
        "\"PB\"}],\n"
        "\"memberships\": [\n"
        " {\"person\": \"mem\", \"body\": \"PB\", \"role\": \"member\", "
        "\"start_date\": \"2019-01-01\"},\n"
        " {\"person\": \"former\", \"body\": \"PB\", \"role\": \"member\", "
        "\"start_date\": \"2018-01-01\", \"end_date\": \"2020-01-09\"},\n"
        " {\"person\": \"lastday\", \"body\": \"PB\", \"role\": \"member\", "
        "\"start_date\": \"2018-01-01\", \"end_date\": \"2020-01-10\"},\n"
        " {\"person\": \"newbie\", \"body\": \"PB\", \"role\": \"member\", "
        "\"start_date\": \"2020-01-10\", \"end_date\": \"2020-06-30\"},\n"
        " {\"person\": \"other\", \"body\": \"QA\", \"role\": \"member\"}],\n"
        "\"meetings\": [\n"
        " {\"id\": \"PB/2020-01-10\", \"body\": \"PB\", \"date\": "
        "\"2020-01-10\", \"status\": \"held\", \"minutes_status\": "
        "\"published\", \"minutes_approved_on\": \"2020-03-10\", "
        "\"minutes_published_on\": \"2020-03-11\",\n"
        "  \"agenda\": [\n"
        "   {\"number\": \"1\", \"title\": \"Welcome\", \"minutes\": "
        "\"Open words\", \"resolutions\": [{\"number\": 1, \"text\": "
        "\"That the open report be noted\"}], \"documents\": [{\"title\": "
        "\"Open paper\", \"kind\": \"paper\"}]},\n"
        "   {\"number\": \"2\", \"title\": \"Case reviews\", "
        "\"confidential\": true, \"items\": [{\"number\": \"2.1\", "
        "\"title\": \"Review of Child Q\", \"minutes\": \"Child Q was "
        "seen\", \"resolutions\": [{\"number\": 1, \"text\": \"That the "
        "review of Child Q be published\"}], \"documents\": [{\"title\": "
        "\"Child Q report\", \"kind\": \"report\", \"circulation\": "
        "[{\"person\": \"mem\", \"sent_on\": \"2020-01-03\"}]}]}]},\n"
        "   {\"number\": \"3\", \"title\": \"Child R placement\", "
        "\"confidential\": true, \"status\": \"deferred\", "
        "\"deferred_to\": \"PB/2020-03-10\"}],\n"
        "  \"declarations\": [{\"person\": \"mem\", \"item\": \"2.1\", "
        "\"interest\": \"Knows the family of Child Q\"}, {\"person\": "
        "\"mem\", \"item\": \"1\", \"interest\": \"Open interest\"}]},\n"
        " {\"id\": \"PB/2020-03-10\", \"body\": \"PB\", \"date\": "
        "\"2020-03-10\", \"status\": \"scheduled\", \"minutes_status\": "
        "\"draft\", \"agenda\": [{\"number\": \"1\", \"title\": \"Draft "
        "item\"}]}],\n"
        "\"programme\": [\n"
        " {\"body\": \"PB\", \"title\": \"Update: Child Q review\", "
        "\"month\": \"2020-07\", \"source\": \"resolution\", "
        "\"from_meeting\": \"PB/2020-01-10\", \"from_item\": \"2.1\", "
        "\"from_resolution\": 1, \"status\": \"planned\"},\n"
        " {\"body\": \"PB\", \"title\": \"Child R placement again\", "
        "\"meeting\": \"PB/2020-03-10\", \"source\": \"deferral\", "
        "\"from_meeting\": \"PB/2020-01-10\", \"from_item\": \"3\", "
        "\"status\": \"planned\"},\n"
        " {\"body\": \"PB\", \"title\": \"From a draft\", \"month\": "
        "\"2020-08\", \"source\": \"other\", \"from_meeting\": "
        "\"PB/2020-03-10\", \"from_item\": \"1\", \"status\": "
        "\"planned\"},\n"
        " {\"body\": \"PB\", \"title\": \"Annual report\", \"month\": "
        "\"2020-09\", \"source\": \"other\", \"status\": \"planned\"}]\n"
        "}\n";

struct fixture {
	char path[TESTDB_SIZE];
	struct store *store;
	struct gov g;
	struct arena a;
	struct masa_error err;
	int64_t partnership, held, next;
};

#define MUST(f, call)                                                       \
	do {                                                                \
		if ((call) != MASA_OK)                                      \
			fail_msg("%s failed: %s", #call, (f)->err.message); \
	} while (0)

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct gov_meeting m;

	if (testdb_new(f->path, sizeof f->path, "part_two") != 0)
		fail_msg("no test database");
	MUST(f, store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err));
	gov_init(&f->g, f->store, "test");
	MUST(f, interchange_load_buffer(&f->g, DOC, strlen(DOC), "part two",
	                                &f->partnership, NULL, &f->err));
	MUST(f, gov_meeting_find(&f->g, f->partnership, "PB/2020-01-10", &f->a,
	                         &m, &f->err));
	f->held = m.id;
	MUST(f, gov_meeting_find(&f->g, f->partnership, "PB/2020-03-10", &f->a,
	                         &m, &f->err));
	f->next = m.id;
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

static struct gov_viewer as(struct fixture *f, enum gov_role role,
                            const char *person)
{
	return test_viewer(&f->g, f->partnership, role, person, NULL);
}

/* Fails when any secret word is in text. */
static void no_secret(const char *what, const char *text)
{
	for (size_t i = 0; text && SECRETS[i]; i++)
		if (strstr(text, SECRETS[i]) != NULL)
			fail_msg("%s shows \"%s\": %s", what, SECRETS[i], text);
}

/* How many of the body's programme entries name a child. */
static size_t programme_secrets(struct fixture *f, const struct gov_viewer *v)
{
	struct gov_programme_entry *prog;
	struct gov_body b;
	size_t n, found = 0;

	MUST(f, gov_body_find(&f->g, f->partnership, "PB", &f->a, &b, &f->err));
	MUST(f, gov_programme_list(&f->g, v, b.id, NULL, &f->a, &prog, &n,
	                           &f->err));
	for (size_t i = 0; i < n; i++)
		found += strstr(prog[i].title, "Child") != NULL;
	return found;
}

/* Whether anything the viewer is given of the held meeting, or of the
 * body's programme, names a child of part two. */
static bool sees_part_two(struct fixture *f, const struct gov_viewer *v)
{
	struct gov_item *items;
	struct gov_item_row *rows;
	struct gov_resolution *res;
	struct gov_document *docs;
	struct gov_circulation *circ;
	struct gov_declaration_row *decl;
	struct gov_matters_arising ma;
	struct gov_agenda_proposal *agenda;
	struct gov_item it;
	size_t n, found = 0;

	MUST(f, gov_item_list(&f->g, v, f->held, &f->a, &items, &n, &f->err));
	for (size_t i = 0; i < n; i++)
		found += items[i].confidential;
	MUST(f, gov_item_rows(&f->g, v, f->held, &f->a, &rows, &n, &f->err));
	for (size_t i = 0; i < n; i++)
		if (!rows[i].hidden)
			found += rows[i].item.confidential;
	MUST(f,
	     gov_resolution_list(&f->g, v, f->held, &f->a, &res, &n, &f->err));
	for (size_t i = 0; i < n; i++)
		found += strstr(res[i].text, "Child Q") != NULL;
	MUST(f,
	     gov_document_list(&f->g, v, f->held, &f->a, &docs, &n, &f->err));
	for (size_t i = 0; i < n; i++)
		found += strstr(docs[i].title, "Child Q") != NULL;
	MUST(f, gov_circulation_list(&f->g, v, f->held, &f->a, &circ, &n,
	                             &f->err));
	found += n;
	MUST(f, gov_declaration_rows(&f->g, v, f->held, &f->a, &decl, &n,
	                             &f->err));
	for (size_t i = 0; i < n; i++)
		found += strstr(decl[i].d.interest, "Child Q") != NULL;
	found += programme_secrets(f, v);
	MUST(f, gov_matters_arising(&f->g, v, f->next, &f->a, &ma, &f->err));
	for (size_t i = 0; i < ma.ndeferred; i++)
		found += strstr(ma.deferred[i].title, "Child R") != NULL;
	MUST(f,
	     gov_agenda_draft(&f->g, v, f->next, &f->a, &agenda, &n, &f->err));
	for (size_t i = 0; i < n; i++)
		found += strstr(agenda[i].title, "Child") != NULL;
	if (gov_item_find(&f->g, v, f->held, "2.1", &f->a, &it, &f->err) ==
	    MASA_OK)
		found++;
	else
		assert_int_equal(f->err.code, MASA_ERR_NOT_FOUND);
	return found > 0;
}

/* Every listing gives nothing of part two to v, however it is asked. */
static void assert_blind(struct fixture *f, const struct gov_viewer *v)
{
	struct gov_item_row *rows;
	struct gov_item *items;
	struct gov_programme_entry *prog;
	struct gov_body b;
	size_t n;

	assert_false(sees_part_two(f, v));
	MUST(f, gov_item_rows(&f->g, v, f->held, &f->a, &rows, &n, &f->err));
	for (size_t i = 0; i < n; i++) {
		no_secret("an item row", rows[i].item.title);
		no_secret("an item's minutes", rows[i].item.minutes);
		/* Part two is said to be there, without its words. */
		assert_int_equal(rows[i].hidden, rows[i].item.confidential);
		if (rows[i].hidden) {
			assert_null(rows[i].item.minutes);
			assert_int_equal(rows[i].item.deferred_to_id, 0);
		}
	}
	MUST(f, gov_item_list(&f->g, v, f->held, &f->a, &items, &n, &f->err));
	for (size_t i = 0; i < n; i++)
		no_secret("an item", items[i].title);
	MUST(f, gov_body_find(&f->g, f->partnership, "PB", &f->a, &b, &f->err));
	MUST(f, gov_programme_list(&f->g, v, b.id, NULL, &f->a, &prog, &n,
	                           &f->err));
	for (size_t i = 0; i < n; i++)
		no_secret("a programme entry", prog[i].title);
}

static size_t programme_count(struct fixture *f, const struct gov_viewer *v)
{
	struct gov_programme_entry *prog;
	struct gov_body b;
	size_t n;

	MUST(f, gov_body_find(&f->g, f->partnership, "PB", &f->a, &b, &f->err));
	MUST(f, gov_programme_list(&f->g, v, b.id, NULL, &f->a, &prog, &n,
	                           &f->err));
	return n;
}

static void test_sub_item_inherits_part_two(void **state)
{
	struct fixture *f = *state;
	struct gov_item it, child;

	/* Loaded without its own flag, 2.1 is part two as 2 is. */
	MUST(f, gov_item_find(&f->g, test_system(f->partnership), f->held,
	                      "2.1", &f->a, &it, &f->err));
	assert_true(it.confidential);
	/* One made now under an open item stays open... */
	MUST(f, gov_item_find(&f->g, test_system(f->partnership), f->held, "1",
	                      &f->a, &it, &f->err));
	child = (struct gov_item){.meeting_id = f->held,
	                          .parent_id = it.id,
	                          .number = "1.1",
	                          .title = "Sub-item"};
	MUST(f, gov_item_create(&f->g, &child, &f->err));
	assert_false(child.confidential);
	/* ...until its parent is made part two: then so is it. */
	it.confidential = true;
	it.version = 0;
	MUST(f, gov_item_update(&f->g, &it, &f->err));
	MUST(f, gov_item_get(&f->g, test_system(f->partnership), child.id,
	                     &f->a, &child, &f->err));
	assert_true(child.confidential);
}

static void test_who_sees_part_two(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer pub, admin, mem, former, lastday, newbie, other,
	        chair, stranger, masa;

	gov_viewer_public(&pub, f->partnership);
	admin = as(f, GOV_ROLE_ADMIN, NULL);
	mem = as(f, GOV_ROLE_MEMBER, "mem");
	former = as(f, GOV_ROLE_MEMBER, "former");
	lastday = as(f, GOV_ROLE_MEMBER, "lastday");
	newbie = as(f, GOV_ROLE_MEMBER, "newbie");
	other = as(f, GOV_ROLE_MEMBER, "other");
	chair = as(f, GOV_ROLE_CHAIR, "other");
	stranger = as(f, GOV_ROLE_ADMIN, NULL);
	stranger.partnership_id = f->partnership + 1000;
	gov_viewer_system(&masa, f->partnership);

	assert_true(sees_part_two(f, &admin));
	assert_true(sees_part_two(f, &masa));
	assert_true(sees_part_two(f, &mem));
	/* Membership running on the meeting's date, to the day. */
	assert_true(sees_part_two(f, &lastday));
	assert_true(sees_part_two(f, &newbie));
	/* Left the day before the meeting, and not a member today. */
	assert_blind(f, &former);
	assert_blind(f, &other);
	assert_blind(f, &chair);
	assert_blind(f, &pub);
	assert_blind(f, &stranger);
}

static void test_programme_entries(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer pub, admin, other;

	gov_viewer_public(&pub, f->partnership);
	admin = as(f, GOV_ROLE_ADMIN, NULL);
	other = as(f, GOV_ROLE_MEMBER, "other");
	/* All four for the admin; the part-two resolution's and the deferred
	 * part-two item's are not for a member of another body; the public
	 * also miss the one made from draft minutes. */
	assert_int_equal(programme_count(f, &admin), 4);
	assert_int_equal(programme_count(f, &other), 2);
	assert_int_equal(programme_count(f, &pub), 1);
}

static void test_open_parts_still_shown(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer pub, other;
	struct gov_resolution *res;
	struct gov_declaration_row *decl;
	struct gov_document *docs;
	size_t n;

	gov_viewer_public(&pub, f->partnership);
	other = as(f, GOV_ROLE_MEMBER, "other");
	/* The open resolution and declaration of published minutes. */
	MUST(f, gov_resolution_list(&f->g, &pub, f->held, &f->a, &res, &n,
	                            &f->err));
	assert_int_equal(n, 1);
	assert_string_equal(res[0].text, "That the open report be noted");
	MUST(f, gov_declaration_rows(&f->g, &pub, f->held, &f->a, &decl, &n,
	                             &f->err));
	assert_int_equal(n, 1);
	/* The open paper of published minutes is everyone's; who it was
	 * sent to is for the body's members, admins and chairs only. */
	MUST(f, gov_document_list(&f->g, &pub, f->held, &f->a, &docs, &n,
	                          &f->err));
	assert_int_equal(n, 1);
	assert_string_equal(docs[0].title, "Open paper");
	MUST(f, gov_document_list(&f->g, &other, f->held, &f->a, &docs, &n,
	                          &f->err));
	assert_int_equal(n, 1);
	struct gov_circulation *circ;
	MUST(f, gov_circulation_list(&f->g, &other, f->held, &f->a, &circ, &n,
	                             &f->err));
	assert_int_equal(n, 0);
	/* Draft minutes: nothing for the public, items for members. */
	MUST(f, gov_resolution_list(&f->g, &pub, f->next, &f->a, &res, &n,
	                            &f->err));
	struct gov_item_row *rows;
	MUST(f, gov_item_rows(&f->g, &pub, f->next, &f->a, &rows, &n, &f->err));
	assert_int_equal(n, 0);
	MUST(f,
	     gov_item_rows(&f->g, &other, f->next, &f->a, &rows, &n, &f->err));
	assert_int_equal(n, 1);
}

/* The rule for a meeting in hand and its SQL agree, for every viewer and
 * both meetings (published and draft). */
static void test_minutes_rule_in_c_and_sql(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer v[8];
	const int64_t meetings[] = {f->held, f->next};
	size_t n = 0;

	gov_viewer_public(&v[n++], f->partnership);
	v[n++] = as(f, GOV_ROLE_ADMIN, NULL);
	v[n++] = as(f, GOV_ROLE_MEMBER, "other");
	v[n++] = as(f, GOV_ROLE_CHAIR, "mem");
	gov_viewer_system(&v[n++], f->partnership);
	v[n] = as(f, GOV_ROLE_ADMIN, NULL);
	v[n++].partnership_id = f->partnership + 1000;
	gov_viewer_public(&v[n++], f->partnership + 1000);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < 2; k++) {
			struct gov_meeting m;
			bool sql = false;

			MUST(f, gov_meeting_get(&f->g, meetings[k], &f->a, &m,
			                        &f->err));
			MUST(f, gov_may_see_minutes_of(&f->g, &v[i], m.id, &sql,
			                               &f->err));
			if (sql != gov_may_see_minutes(&v[i], &m))
				fail_msg("viewer %zu, %s: SQL says %d", i,
				         m.key, sql);
		}
	/* And they say something: the public sees one of the two. */
	bool yes = false;
	MUST(f, gov_may_see_minutes_of(&f->g, &v[0], f->next, &yes, &f->err));
	assert_false(yes);
	MUST(f, gov_may_see_minutes_of(&f->g, &v[0], f->held, &yes, &f->err));
	assert_true(yes);
}

/*
 * The draft meeting's agenda is published before it: an open item with
 * draft minutes text, a resolution, a declaration and a paper, and a part
 * two item naming a child. Everyone sees the open item's number, title and
 * paper; the public not its minutes text, resolution or declaration, and
 * nobody without part two the part-two item.
 */
static void publish_next_agenda(struct fixture *f)
{
	struct gov_item one, two = {.meeting_id = f->next,
	                            .number = "2",
	                            .title = "Child Q follow-up",
	                            .confidential = true,
	                            .minutes = "Child Q is safe",
	                            .part_two_reason = "Paragraph 2"};
	struct gov_document paper = {.title = "Agenda paper", .kind = "paper"};
	struct gov_resolution res = {.number = 1, .text = "Draft resolution"};
	struct gov_declaration decl = {.meeting_id = f->next,
	                               .interest = "Draft interest"};
	struct gov_person mem;
	struct gov_meeting m;

	MUST(f, gov_item_find(&f->g, test_system(f->partnership), f->next, "1",
	                      &f->a, &one, &f->err));
	one.minutes = "Draft minutes words";
	MUST(f, gov_item_update(&f->g, &one, &f->err));
	MUST(f, gov_item_create(&f->g, &two, &f->err));
	paper.item_id = one.id;
	res.item_id = one.id;
	decl.item_id = one.id;
	MUST(f, gov_document_create(&f->g, &paper, &f->err));
	MUST(f, gov_resolution_create(&f->g, &res, &f->err));
	MUST(f, gov_person_find(&f->g, f->partnership, "mem", &f->a, &mem,
	                        &f->err));
	decl.person_id = mem.id;
	MUST(f, gov_declaration_create(&f->g, &decl, &f->err));
	MUST(f, gov_agenda_publish(&f->g, f->next, 0, "2020-03-01", &f->err));
	MUST(f, gov_meeting_get(&f->g, f->next, &f->a, &m, &f->err));
	assert_string_equal(m.agenda_published_on, "2020-03-01");
	assert_string_equal(m.minutes_status, "draft");
}

/* What v is given of the draft meeting with a published agenda. */
struct agenda_seen {
	size_t rows, hidden, list, res, decl, docs;
	bool minutes_text, agenda_only, part_two_title;
};

static struct agenda_seen agenda_seen(struct fixture *f,
                                      const struct gov_viewer *v)
{
	struct agenda_seen s = {0};
	struct gov_item_row *rows;
	struct gov_item *items;
	struct gov_resolution *res;
	struct gov_declaration_row *decl;
	struct gov_document *docs;
	size_t n;

	MUST(f, gov_item_rows(&f->g, v, f->next, &f->a, &rows, &n, &f->err));
	s.rows = n;
	for (size_t i = 0; i < n; i++) {
		s.hidden += rows[i].hidden;
		s.agenda_only |= rows[i].agenda_only;
		s.minutes_text |= rows[i].item.minutes != NULL;
		s.part_two_title |=
		        strstr(rows[i].item.title, "Child Q") != NULL;
		if (rows[i].hidden) {
			assert_null(rows[i].item.part_two_reason);
			assert_int_equal(rows[i].item.presenter_id, 0);
		}
	}
	MUST(f, gov_item_list(&f->g, v, f->next, &f->a, &items, &n, &f->err));
	s.list = n;
	for (size_t i = 0; i < n; i++) {
		s.minutes_text |= items[i].minutes != NULL;
		s.part_two_title |= strstr(items[i].title, "Child Q") != NULL;
	}
	MUST(f,
	     gov_resolution_list(&f->g, v, f->next, &f->a, &res, &n, &f->err));
	s.res = n;
	MUST(f, gov_declaration_rows(&f->g, v, f->next, &f->a, &decl, &n,
	                             &f->err));
	s.decl = n;
	MUST(f,
	     gov_document_list(&f->g, v, f->next, &f->a, &docs, &n, &f->err));
	s.docs = n;
	return s;
}

static void test_published_agenda_of_draft_minutes(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer pub, admin, mem, other, stranger, served_pub;
	struct agenda_seen s;

	gov_viewer_public(&pub, f->partnership);
	admin = as(f, GOV_ROLE_ADMIN, NULL);
	mem = as(f, GOV_ROLE_MEMBER, "mem");
	other = as(f, GOV_ROLE_MEMBER, "other");
	stranger = as(f, GOV_ROLE_ADMIN, NULL);
	stranger.partnership_id = f->partnership + 1000;
	gov_viewer_public(&served_pub, f->partnership + 1000);

	/* Before: the public sees nothing of the draft meeting. */
	s = agenda_seen(f, &pub);
	assert_int_equal(s.rows + s.list + s.docs, 0);
	publish_next_agenda(f);

	/* The public: both items' places, the open one's title and paper;
	 * no minutes text, resolution, declaration or part-two title. */
	s = agenda_seen(f, &pub);
	assert_int_equal(s.rows, 2);
	assert_int_equal(s.hidden, 1);
	assert_int_equal(s.list, 1);
	assert_int_equal(s.docs, 1);
	assert_int_equal(s.res + s.decl, 0);
	assert_false(s.minutes_text);
	assert_false(s.part_two_title);
	assert_true(s.agenda_only);
	/* A member of another body: the draft minutes of open items (signed
	 * in), not part two. */
	s = agenda_seen(f, &other);
	assert_int_equal(s.rows, 2);
	assert_int_equal(s.hidden, 1);
	assert_true(s.minutes_text);
	assert_false(s.agenda_only);
	assert_false(s.part_two_title);
	assert_int_equal(s.res + s.decl, 2);
	/* The body's member and the admin: everything. */
	s = agenda_seen(f, &mem);
	assert_int_equal(s.hidden, 0);
	assert_true(s.part_two_title);
	s = agenda_seen(f, &admin);
	assert_int_equal(s.list, 2);
	assert_true(s.part_two_title);
	/* Another partnership, signed in or not (no body serves it): none. */
	s = agenda_seen(f, &stranger);
	assert_int_equal(s.rows + s.list + s.docs + s.res + s.decl, 0);
	s = agenda_seen(f, &served_pub);
	assert_int_equal(s.rows + s.list + s.docs + s.res + s.decl, 0);
	/* The C rule and the SQL agree on the agenda, for each of them. */
	const struct gov_viewer *all[] = {&pub,      &admin,      &mem, &other,
	                                  &stranger, &served_pub, NULL};
	const int64_t meetings[] = {f->held, f->next};
	for (size_t i = 0; all[i]; i++)
		for (size_t k = 0; k < 2; k++) {
			struct gov_meeting m;
			bool sql = false;
			MUST(f, gov_meeting_get(&f->g, meetings[k], &f->a, &m,
			                        &f->err));
			MUST(f, gov_may_see_agenda_of(&f->g, all[i], m.id, &sql,
			                              &f->err));
			if (sql != gov_may_see_agenda(all[i], &m))
				fail_msg("viewer %zu, %s: SQL says %d", i,
				         m.key, sql);
		}
	/* Withdrawn (the meeting was in 2020: refused, it has passed). */
	assert_int_equal(gov_agenda_publish(&f->g, f->next, 0, NULL, &f->err),
	                 MASA_ERR_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	        T(test_sub_item_inherits_part_two),
	        T(test_who_sees_part_two),
	        T(test_programme_entries),
	        T(test_open_parts_still_shown),
	        T(test_minutes_rule_in_c_and_sql),
	        T(test_published_agenda_of_draft_minutes),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
