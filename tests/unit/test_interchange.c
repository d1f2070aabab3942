/*
 * test_interchange: unit tests of interchange load and dump
 * (docs/interchange.md) on real SQLite databases in /tmp: a small
 * hand-written document is loaded, read back and dumped; dump -> load ->
 * dump is byte-identical; every bad document is refused with the right
 * message and leaves the database empty; and the demo data loads with the
 * records the demo relies on.
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
#include <jansson.h>

#include "gov/access.h"
#include "gov/audit.h"
#include "gov/body.h"
#include "gov/gov.h"
#include "gov/interchange.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "store/store.h"

/* The demo data, relative to the repository root where tests run. */
#define DEMO_PATH "data/demo.json"

/*
 * A small partnership that uses every part of the format, written in the
 * order a dump writes it (so that loading and dumping it gives it back).
 */
static const char SMALL_DOC[] =
        "{\n"
        "  \"format\": \"masa-interchange\",\n"
        "  \"version\": 4,\n"
        "  \"partnership\": {\"id\": \"testshire\", \"name\": \"Testshire "
        "Safeguarding Children Partnership\", \"area\": \"Testshire\"},\n"
        "  \"organizations\": [\n"
        "    {\"id\": \"testshire-police\", \"name\": \"Testshire Police\", "
        "\"classification\": \"police\", \"part\": "
        "\"safeguarding_partner\"},\n"
        "    {\"id\": \"testshire-council\", \"name\": \"Testshire County "
        "Council\", \"classification\": \"local_authority\", \"part\": "
        "\"safeguarding_partner\"},\n"
        "    {\"id\": \"testshire-icb\", \"name\": \"NHS Testshire ICB\", "
        "\"classification\": \"health\", \"part\": "
        "\"safeguarding_partner\"},\n"
        "    {\"id\": \"st-marys-school\", \"name\": \"St Mary's School\", "
        "\"part\": \"education\"}\n"
        "  ],\n"
        "  \"people\": [\n"
        "    {\"id\": \"jo-bloggs\", \"name\": \"Jo Bloggs\", "
        "\"honorific_prefix\": \"Ms\", \"job_title\": \"Independent "
        "Chair\", \"email\": \"jo.bloggs@example.org\"},\n"
        "    {\"id\": \"sam-newton\", \"name\": \"Sam Newton\", "
        "\"job_title\": \"Detective Inspector\", \"organization\": "
        "\"testshire-police\"},\n"
        "    {\"id\": \"shona-mcfarlane\", \"name\": \"Shona McFarlane\", "
        "\"organization\": \"testshire-police\"},\n"
        "    {\"id\": \"ann-lee\", \"name\": \"Ann Lee\", "
        "\"honorific_prefix\": \"Dr\", \"organization\": "
        "\"testshire-icb\"},\n"
        "    {\"id\": \"ravi-patel\", \"name\": \"Ravi Patel\", "
        "\"honorific_prefix\": \"Cllr\", \"organization\": "
        "\"testshire-council\"},\n"
        "    {\"id\": \"zoe-muller\", \"name\": \"Zo\xc3\xab M\xc3\xbcller\", "
        "\"job_title\": \"Minute taker\", \"organization\": "
        "\"testshire-council\"}\n"
        "  ],\n"
        "  \"bodies\": [\n"
        "    {\"short_name\": \"TSCP\", \"name\": \"Testshire Safeguarding "
        "Children Partnership Board\", \"classification\": \"board\", "
        "\"founding_date\": \"2019-09-01\", \"quorum\": {\"count\": 3, "
        "\"safeguarding_partners\": true}, \"terms_of_reference\": \"## "
        "Purpose\\n\\nTo *co-ordinate* safeguarding.\"},\n"
        "    {\"short_name\": \"TSCP-QA\", \"name\": \"Quality Assurance "
        "Sub-group\", \"classification\": \"subgroup\", \"parent\": "
        "\"TSCP\", \"quorum\": {\"fraction\": \"1/3\"}},\n"
        "    {\"short_name\": \"OLD-LSCB\", \"name\": \"Testshire LSCB\", "
        "\"classification\": \"board\", \"dissolution_date\": "
        "\"2019-08-31\"}\n"
        "  ],\n"
        "  \"memberships\": [\n"
        "    {\"person\": \"jo-bloggs\", \"body\": \"TSCP\", \"role\": "
        "\"chair\", \"start_date\": \"2019-09-01\"},\n"
        "    {\"person\": \"shona-mcfarlane\", \"body\": \"TSCP\", "
        "\"role\": \"member\", \"on_behalf_of\": \"testshire-police\", "
        "\"label\": \"Chief Superintendent\"},\n"
        "    {\"person\": \"ann-lee\", \"body\": \"TSCP\", \"role\": "
        "\"member\", \"on_behalf_of\": \"testshire-icb\", \"label\": "
        "\"Designated Doctor\", \"start_date\": \"2019-09-01\", "
        "\"end_date\": \"2020-03-31\"},\n"
        "    {\"person\": \"ravi-patel\", \"body\": \"TSCP\", \"role\": "
        "\"lay_member\"},\n"
        "    {\"person\": \"zoe-muller\", \"body\": \"TSCP\", \"role\": "
        "\"minute_taker\"},\n"
        "    {\"person\": \"jo-bloggs\", \"body\": \"OLD-LSCB\", \"role\": "
        "\"chair\", \"end_date\": \"2019-08-31\"}\n"
        "  ],\n"
        "  \"meetings\": [\n"
        "    {\"id\": \"TSCP/2019-10-01\", \"body\": \"TSCP\", \"name\": "
        "\"Inaugural meeting\", \"date\": \"2019-10-01\", \"start_time\": "
        "\"10:00\", \"end_time\": \"12:30\", \"location\": \"County "
        "Hall\", \"status\": \"held\", \"webcast_url\": "
        "\"https://example.org/live\", \"minutes_status\": "
        "\"published\", \"minutes_approved_on\": \"2019-12-03\", "
        "\"minutes_published_on\": \"2019-12-10\",\n"
        "     \"attendance\": [\n"
        "       {\"person\": \"jo-bloggs\", \"status\": \"present\"},\n"
        "       {\"person\": \"shona-mcfarlane\", \"status\": "
        "\"represented_by\", \"substitute\": \"sam-newton\"},\n"
        "       {\"person\": \"ann-lee\", \"status\": \"present\", "
        "\"arrived_at_item\": \"2\", \"left_at_item\": \"3.1\"},\n"
        "       {\"person\": \"ravi-patel\", \"status\": \"apologies\"},\n"
        "       {\"person\": \"zoe-muller\", \"status\": "
        "\"in_attendance\"}\n"
        "     ],\n"
        "     \"agenda\": [\n"
        "       {\"number\": \"1\", \"title\": \"Welcome and apologies\"},\n"
        "       {\"number\": \"2\", \"title\": \"Terms of reference\", "
        "\"presenter\": \"jo-bloggs\", \"minutes\": \"The Board "
        "**agreed** its terms.\", \"resolutions\": [{\"number\": 1, "
        "\"text\": \"That the terms of reference be approved.\"}, "
        "{\"number\": 2, \"text\": \"That they be reviewed in a "
        "year.\"}], \"documents\": [{\"title\": \"Draft terms of "
        "reference\", \"kind\": \"paper\", \"url\": "
        "\"https://example.org/tor.pdf\", \"circulation\": [{\"person\": "
        "\"jo-bloggs\", \"sent_on\": \"2019-09-24\"}, {\"person\": "
        "\"ann-lee\", \"sent_on\": \"2019-09-24\"}]}]},\n"
        "       {\"number\": \"3\", \"title\": \"Case reviews\", "
        "\"confidential\": true, \"items\": [{\"number\": \"3.1\", "
        "\"title\": \"Review A\", \"confidential\": true}, {\"number\": "
        "\"3.2\", \"title\": \"Review B\", \"confidential\": true, "
        "\"status\": \"deferred\", "
        "\"deferred_to\": \"TSCP/2019-12-03\"}]},\n"
        "       {\"number\": \"4\", \"title\": \"Any other business\", "
        "\"status\": \"withdrawn\"}\n"
        "     ],\n"
        "     \"declarations\": [{\"person\": \"ann-lee\", \"item\": "
        "\"3.1\", \"interest\": \"Treated the child\"}, {\"person\": "
        "\"jo-bloggs\", \"interest\": \"School governor\"}]},\n"
        "    {\"id\": \"TSCP/2019-12-03\", \"body\": \"TSCP\", \"date\": "
        "\"2019-12-03\", \"status\": \"scheduled\", \"minutes_status\": "
        "\"draft\"},\n"
        "    {\"id\": \"TSCP-QA/2019-10-15\", \"body\": \"TSCP-QA\", "
        "\"date\": \"2019-10-15\", \"status\": \"cancelled\", "
        "\"minutes_status\": \"draft\"}\n"
        "  ],\n"
        "  \"actions\": [\n"
        "    {\"id\": \"TSCP/2019-10-01/1\", \"body\": \"TSCP\", "
        "\"meeting\": \"TSCP/2019-10-01\", \"item\": \"2\", \"number\": 1, "
        "\"details\": \"Write to the schools\", \"owners\": [{\"person\": "
        "\"jo-bloggs\"}, {\"organization\": \"testshire-police\"}], "
        "\"due_meeting\": \"TSCP/2019-12-03\", \"status\": \"in_progress\", "
        "\"updates\": [{\"date\": \"2019-11-01\", \"text\": \"Letter "
        "drafted\", \"status\": \"in_progress\", \"owners_added\": "
        "[{\"person\": \"ann-lee\"}], \"owners_removed\": [{\"person\": "
        "\"jo-bloggs\"}]}]},\n"
        "    {\"id\": \"TSCP/A1\", \"body\": \"TSCP\", \"number\": 1, "
        "\"raised_on\": \"2019-10-20\", \"details\": \"Check the budget\", "
        "\"owners\": [{\"all_members\": true}], \"due_date\": "
        "\"2019-11-30\", \"status\": \"open\"}\n"
        "  ],\n"
        "  \"programme\": [\n"
        "    {\"body\": \"TSCP\", \"title\": \"Case reviews again\", "
        "\"meeting\": \"TSCP/2019-12-03\", \"source\": \"deferral\", "
        "\"from_meeting\": \"TSCP/2019-10-01\", \"from_item\": \"3.2\", "
        "\"status\": \"on_agenda\"},\n"
        "    {\"body\": \"TSCP\", \"title\": \"Annual report\", \"month\": "
        "\"2020-06\", \"source\": \"other\", \"status\": \"planned\"}\n"
        "  ]\n"
        "}\n";

/* The smallest document that loads, with a hole for one more member. */
#define TINY_DOC(extra)                                                     \
	"{\"format\": \"masa-interchange\", \"version\": 1,\n"              \
	"\"partnership\": {\"id\": \"tiny\", \"name\": \"Tiny\"},\n"        \
	"\"people\": [{\"id\": \"jo-bloggs\", \"name\": \"Jo Bloggs\"}],\n" \
	"\"bodies\": [{\"short_name\": \"TB\", \"name\": \"Tiny Board\", "  \
	"\"classification\": \"board\"}]" extra "}\n"

struct db {
	char path[TESTDB_SIZE];
	struct store *store;
	struct gov g;
};

struct fixture {
	struct db one, two;
	struct arena a;
	struct masa_error err;
};

static int open_db(struct db *d)
{
	struct masa_error err;

	if (testdb_new(d->path, sizeof d->path, "interchange") != 0) {
		return -1;
	}
	if (store_open(d->path, STORE_OPEN_CREATE, &d->store, &err) !=
	    MASA_OK) {
		testdb_remove(d->path);
		return -1;
	}
	gov_init(&d->g, d->store, "unit-test");
	return 0;
}

static void close_db(struct db *d)
{
	store_close(d->store);
	testdb_remove(d->path);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL)
		return -1;
	if (open_db(&f->one) != 0) {
		free(f);
		return -1;
	}
	if (open_db(&f->two) != 0) {
		close_db(&f->one);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	close_db(&f->one);
	close_db(&f->two);
	arena_free(&f->a);
	free(f);
	return 0;
}

#define MUST(f, call)                                                        \
	do {                                                                 \
		enum masa_err must_rc_ = (call);                             \
		if (must_rc_ != MASA_OK)                                     \
			fail_msg("%s failed (%s): %s", #call,                \
			         masa_err_name(must_rc_), (f)->err.message); \
	} while (0)

/* Row counts of every table, audit log included. */
static const char SQL_SNAPSHOT[] =
        "SELECT (SELECT COUNT(*) FROM partnership) || ',' || "
        "(SELECT COUNT(*) FROM organisation) || ',' || "
        "(SELECT COUNT(*) FROM person) || ',' || "
        "(SELECT COUNT(*) FROM body) || ',' || "
        "(SELECT COUNT(*) FROM membership) || ',' || "
        "(SELECT COUNT(*) FROM meeting) || ',' || "
        "(SELECT COUNT(*) FROM item) || ',' || "
        "(SELECT COUNT(*) FROM attendance) || ',' || "
        "(SELECT COUNT(*) FROM declaration) || ',' || "
        "(SELECT COUNT(*) FROM resolution) || ',' || "
        "(SELECT COUNT(*) FROM document) || ',' || "
        "(SELECT COUNT(*) FROM circulation) || ',' || "
        "(SELECT COUNT(*) FROM audit_log)";
#define EMPTY_SNAPSHOT "0,0,0,0,0,0,0,0,0,0,0,0,0"

static char *snapshot(struct fixture *f, struct db *d)
{
	struct masa_error err = {0};
	struct store_stmt *st;
	bool row = false;
	char *s;

	assert_int_equal(store_prepare(d->store, SQL_SNAPSHOT, &st, &err),
	                 MASA_OK);
	assert_int_equal(store_step(st, &row, &err), MASA_OK);
	assert_true(row);
	s = arena_strdup(&f->a, store_column_text(st, 0));
	store_done(st);
	return s;
}

static int64_t load_text(struct fixture *f, struct db *d, const char *text,
                         struct interchange_counts *counts)
{
	int64_t id = 0;

	MUST(f, interchange_load_buffer(&d->g, text, strlen(text), "doc.json",
	                                &id, counts, &f->err));
	assert_true(id > 0);
	return id;
}

/* The dump of partnership id as text, indented by two; in f->a. */
static char *dump_text(struct fixture *f, struct db *d, int64_t id)
{
	json_t *root = NULL;
	char *text, *copy;

	MUST(f, interchange_dump_json(&d->g, id, &root, &f->err));
	assert_non_null(root);
	text = json_dumps(root, JSON_INDENT(2));
	json_decref(root);
	assert_non_null(text);
	copy = arena_strdup(&f->a, text);
	free(text);
	return copy;
}

/* The document text re-indented the way a dump is printed. */
static char *normalise(struct fixture *f, const char *doc)
{
	json_error_t jerr;
	json_t *root = json_loads(doc, JSON_REJECT_DUPLICATES, &jerr);
	char *text, *copy;

	if (root == NULL)
		fail_msg("test document is not JSON: line %d: %s", jerr.line,
		         jerr.text);
	text = json_dumps(root, JSON_INDENT(2));
	json_decref(root);
	copy = arena_strdup(&f->a, text);
	free(text);
	return copy;
}

/* Loads a bad document into the first database; it must stay empty. */
static void expect_refused(struct fixture *f, const char *doc, size_t len,
                           enum masa_err code, const char *needle)
{
	int64_t id = -1;
	struct interchange_counts counts;

	memset(&counts, 0xAB, sizeof counts);
	masa_error_clear(&f->err);
	assert_int_equal(interchange_load_buffer(&f->one.g, doc, len,
	                                         "bad.json", &id, &counts,
	                                         &f->err),
	                 code);
	assert_int_equal(f->err.code, code);
	if (strstr(f->err.message, needle) == NULL)
		fail_msg("message \"%s\" does not contain \"%s\"",
		         f->err.message, needle);
	/* Every message says which document it is about. */
	assert_memory_equal(f->err.message, "bad.json: ", 10);
	assert_int_equal(id, -1);
	assert_string_equal(snapshot(f, &f->one), EMPTY_SNAPSHOT);
	/* Bulk mode is switched off again. */
	assert_false(f->one.g.bulk);
}

/* loading */

static void test_load_small_document(void **state)
{
	struct fixture *f = *state;
	struct interchange_counts c;
	struct gov_partnership p;
	struct gov_person person;
	struct gov_body body;
	struct gov_meeting m, later;
	struct gov_item *items;
	struct gov_attendee *att;
	struct gov_declaration *decl;
	struct gov_member *mem;
	struct audit_entry *log;
	size_t n;
	int64_t id;

	id = load_text(f, &f->one, SMALL_DOC, &c);
	assert_int_equal(c.organisations, 4);
	assert_int_equal(c.people, 6);
	assert_int_equal(c.bodies, 3);
	assert_int_equal(c.memberships, 6);
	assert_int_equal(c.meetings, 3);
	assert_int_equal(c.items, 6);
	assert_int_equal(c.attendance, 5);
	assert_int_equal(c.declarations, 2);
	assert_int_equal(c.resolutions, 2);
	assert_int_equal(c.documents, 1);
	assert_int_equal(c.circulation, 2);
	/* One audit entry for the whole load. */
	assert_string_equal(snapshot(f, &f->one), "1,4,6,3,6,3,6,5,2,2,1,2,1");

	MUST(f, gov_partnership_get(&f->one.g, id, &f->a, &p, &f->err));
	assert_string_equal(p.key, "testshire");
	assert_string_equal(p.name,
	                    "Testshire Safeguarding Children Partnership");
	assert_string_equal(p.area, "Testshire");
	MUST(f, gov_person_find(&f->one.g, id, "zoe-muller", &f->a, &person,
	                        &f->err));
	assert_string_equal(person.name, "Zo\xc3\xab M\xc3\xbcller");
	MUST(f, gov_body_find(&f->one.g, id, "TSCP", &f->a, &body, &f->err));
	assert_int_equal(body.quorum_count, 3);
	assert_true(body.quorum_partners);
	assert_string_equal(body.founding_date, "2019-09-01");
	assert_string_equal(body.terms_of_reference,
	                    "## Purpose\n\nTo *co-ordinate* safeguarding.");
	MUST(f, gov_members_on(&f->one.g, body.id, "2019-10-01", &f->a, &mem,
	                       &n, &f->err));
	assert_int_equal(n, 5);
	assert_string_equal(mem[0].person_name, "Jo Bloggs");
	assert_string_equal(mem[0].m.role, "chair");
	MUST(f, gov_body_find(&f->one.g, id, "TSCP-QA", &f->a, &body, &f->err));
	assert_string_equal(body.quorum_fraction, "1/3");

	MUST(f, gov_meeting_find(&f->one.g, id, "TSCP/2019-10-01", &f->a, &m,
	                         &f->err));
	assert_string_equal(m.name, "Inaugural meeting");
	assert_string_equal(m.start_time, "10:00");
	assert_string_equal(m.webcast_url, "https://example.org/live");
	MUST(f, gov_meeting_find(&f->one.g, id, "TSCP/2019-12-03", &f->a,
	                         &later, &f->err));
	MUST(f, gov_item_list(&f->one.g, test_system(m.partnership_id), m.id,
	                      &f->a, &items, &n, &f->err));
	assert_int_equal(n, 6);
	static const char *const numbers[] = {"1", "2", "3", "3.1", "3.2", "4"};
	for (size_t i = 0; i < n; i++)
		assert_string_equal(items[i].number, numbers[i]);
	assert_int_equal(items[3].parent_id, items[2].id);
	assert_int_equal(items[4].parent_id, items[2].id);
	assert_true(items[2].confidential);
	assert_string_equal(items[4].status, "deferred");
	assert_int_equal(items[4].deferred_to_id, later.id);
	assert_string_equal(items[5].status, "withdrawn");
	MUST(f, gov_attendance_list(&f->one.g, m.id, &f->a, &att, &n, &f->err));
	assert_int_equal(n, 5);
	assert_string_equal(att[1].substitute_key, "sam-newton");
	assert_string_equal(att[2].arrived_item, "2");
	assert_string_equal(att[2].left_item, "3.1");
	MUST(f, gov_declaration_list(&f->one.g, test_system(m.partnership_id),
	                             m.id, &f->a, &decl, &n, &f->err));
	assert_int_equal(n, 2);
	assert_int_equal(decl[0].item_id, items[3].id);
	assert_int_equal(decl[1].item_id, 0);

	MUST(f, audit_list(&f->one.g, NULL, 0, 10, &f->a, &log, &n, &f->err));
	assert_int_equal(n, 1);
	assert_string_equal(log[0].action, "load");
	assert_string_equal(log[0].entity, "partnership");
	assert_int_equal(log[0].entity_id, id);
	json_t *after = json_loads(log[0].after, 0, NULL);
	assert_non_null(after);
	assert_string_equal(
	        json_string_value(json_object_get(after, "partnership")),
	        "testshire");
	assert_string_equal(json_string_value(json_object_get(after, "source")),
	                    "doc.json");
	assert_int_equal(json_integer_value(json_object_get(after, "items")),
	                 6);
	json_decref(after);
}

static void test_dump_fields(void **state)
{
	struct fixture *f = *state;
	int64_t id = load_text(f, &f->one, SMALL_DOC, NULL);
	json_t *root = NULL, *v, *meeting, *agenda;

	MUST(f, interchange_dump_json(&f->one.g, id, &root, &f->err));
	assert_string_equal(json_string_value(json_object_get(root, "format")),
	                    "masa-interchange");
	assert_int_equal(json_integer_value(json_object_get(root, "version")),
	                 INTERCHANGE_VERSION);
	v = json_object_get(root, "partnership");
	assert_string_equal(json_string_value(json_object_get(v, "id")),
	                    "testshire");
	assert_int_equal(
	        json_array_size(json_object_get(root, "organizations")), 4);
	v = json_array_get(json_object_get(root, "organizations"), 3);
	assert_string_equal(json_string_value(json_object_get(v, "id")),
	                    "st-marys-school");
	assert_null(json_object_get(v, "classification")); /* empty: left out */
	v = json_array_get(json_object_get(root, "people"), 1);
	assert_string_equal(
	        json_string_value(json_object_get(v, "organization")),
	        "testshire-police");
	v = json_array_get(json_object_get(root, "bodies"), 1);
	assert_string_equal(json_string_value(json_object_get(v, "parent")),
	                    "TSCP");
	v = json_object_get(json_array_get(json_object_get(root, "bodies"), 0),
	                    "quorum");
	assert_int_equal(json_integer_value(json_object_get(v, "count")), 3);
	assert_true(json_is_true(json_object_get(v, "safeguarding_partners")));
	v = json_array_get(json_object_get(root, "memberships"), 2);
	assert_string_equal(
	        json_string_value(json_object_get(v, "on_behalf_of")),
	        "testshire-icb");
	assert_string_equal(json_string_value(json_object_get(v, "end_date")),
	                    "2020-03-31");

	meeting = json_array_get(json_object_get(root, "meetings"), 0);
	assert_string_equal(json_string_value(json_object_get(meeting, "id")),
	                    "TSCP/2019-10-01");
	v = json_array_get(json_object_get(meeting, "attendance"), 1);
	assert_string_equal(json_string_value(json_object_get(v, "status")),
	                    "represented_by");
	assert_string_equal(json_string_value(json_object_get(v, "substitute")),
	                    "sam-newton");
	agenda = json_object_get(meeting, "agenda");
	assert_int_equal(json_array_size(agenda), 4); /* sub-items nest */
	v = json_array_get(agenda, 0);
	assert_null(json_object_get(v, "status")); /* "taken" is left out */
	assert_null(json_object_get(v, "confidential"));
	v = json_array_get(agenda, 1);
	assert_string_equal(json_string_value(json_object_get(v, "presenter")),
	                    "jo-bloggs");
	assert_int_equal(json_array_size(json_object_get(v, "resolutions")), 2);
	v = json_array_get(json_object_get(v, "documents"), 0);
	assert_string_equal(json_string_value(json_object_get(v, "kind")),
	                    "paper");
	v = json_array_get(json_object_get(v, "circulation"), 1);
	assert_string_equal(json_string_value(json_object_get(v, "person")),
	                    "ann-lee");
	v = json_array_get(json_object_get(json_array_get(agenda, 2), "items"),
	                   1);
	assert_string_equal(json_string_value(json_object_get(v, "number")),
	                    "3.2");
	assert_string_equal(
	        json_string_value(json_object_get(v, "deferred_to")),
	        "TSCP/2019-12-03");
	v = json_array_get(json_object_get(meeting, "declarations"), 0);
	assert_string_equal(json_string_value(json_object_get(v, "item")),
	                    "3.1");
	meeting = json_array_get(json_object_get(root, "meetings"), 1);
	assert_null(json_object_get(meeting, "agenda"));
	assert_null(json_object_get(meeting, "attendance"));
	assert_null(json_object_get(meeting, "declarations"));
	json_decref(root);

	/* Unknown partnership. */
	masa_error_clear(&f->err);
	assert_int_equal(interchange_dump_json(&f->one.g, 9999, &root, &f->err),
	                 MASA_ERR_NOT_FOUND);
	assert_null(root);
	assert_string_equal(f->err.message, "no partnership with id 9999");
}

static void test_dump_gives_back_the_document(void **state)
{
	struct fixture *f = *state;
	int64_t id = load_text(f, &f->one, SMALL_DOC, NULL);

	/* Written in dump order, the document comes back as it was. */
	assert_string_equal(dump_text(f, &f->one, id), normalise(f, SMALL_DOC));
}

static void test_round_trip_is_byte_identical(void **state)
{
	struct fixture *f = *state;
	int64_t id = load_text(f, &f->one, SMALL_DOC, NULL);
	char *first = dump_text(f, &f->one, id);
	int64_t id2 = load_text(f, &f->two, first, NULL);
	char *second = dump_text(f, &f->two, id2);

	assert_string_equal(first, second);
	assert_string_equal(snapshot(f, &f->one), snapshot(f, &f->two));

	/* interchange_dump writes the same text and a final newline. */
	FILE *fp = tmpfile();
	char buffer[16384];
	size_t len;
	assert_non_null(fp);
	MUST(f, interchange_dump(&f->two.g, id2, fp, &f->err));
	rewind(fp);
	len = fread(buffer, 1, sizeof buffer - 1, fp);
	fclose(fp);
	buffer[len] = '\0';
	assert_true(len > 0 && len < sizeof buffer - 1);
	assert_int_equal(buffer[len - 1], '\n');
	buffer[len - 1] = '\0';
	assert_string_equal(buffer, first);
}

static void test_round_trip_after_api_edits(void **state)
{
	struct fixture *f = *state;
	int64_t id = load_text(f, &f->one, SMALL_DOC, NULL);
	struct gov_meeting m;
	struct gov_item it = {0};
	struct gov_attendance at = {0};
	struct gov_person p;

	/* Records added afterwards through the API, out of order. */
	MUST(f, gov_meeting_find(&f->one.g, id, "TSCP/2019-12-03", &f->a, &m,
	                         &f->err));
	it.meeting_id = m.id;
	it.number = "2";
	it.title = "Second";
	it.position = 20;
	MUST(f, gov_item_create(&f->one.g, &it, &f->err));
	it = (struct gov_item){0};
	it.meeting_id = m.id;
	it.number = "1";
	it.title = "First";
	it.position = 10;
	MUST(f, gov_item_create(&f->one.g, &it, &f->err));
	at.meeting_id = m.id;
	MUST(f,
	     gov_person_find(&f->one.g, id, "ravi-patel", &f->a, &p, &f->err));
	at.person_id = p.id;
	at.status = "absent";
	MUST(f, gov_attendance_record(&f->one.g, &at, &f->err));
	p.job_title = "Cabinet Member";
	MUST(f, gov_person_update(&f->one.g, &p, &f->err));

	char *first = dump_text(f, &f->one, id);
	int64_t id2 = load_text(f, &f->two, first, NULL);
	assert_string_equal(dump_text(f, &f->two, id2), first);
	assert_non_null(strstr(first, "\"Cabinet Member\""));
	/* Items come out in agenda order, not creation order. */
	assert_true(strstr(first, "\"First\"") < strstr(first, "\"Second\""));
}

/* refusing bad documents */

static void test_refuse_malformed_json(void **state)
{
	struct fixture *f = *state;
	static const char doc[] = "{\"format\": \"masa-interchange\",\n"
	                          "\"version\": 1,\n"
	                          "\"partnership\": {\"id\": \"x\" \"name\": "
	                          "\"y\"}}\n";

	expect_refused(f, doc, strlen(doc), MASA_ERR_INVALID,
	               "bad.json: not valid JSON at line 3, column ");
	expect_refused(f, "", 0, MASA_ERR_INVALID, "not valid JSON at line");
	expect_refused(f, "[1, 2", 5, MASA_ERR_INVALID,
	               "not valid JSON at line 1");
	expect_refused(f, "[]", 2, MASA_ERR_INVALID,
	               "the document: must be an object");
}

static void test_refuse_not_utf8(void **state)
{
	struct fixture *f = *state;
	static const char latin1[] =
	        "{\"format\": \"masa-interchange\", \"version\": 1,\n"
	        "\"partnership\": {\"id\": \"x\", \"name\": \"Caf\xe9\"}}\n";

	expect_refused(f, "\xff\xfe{}", 4, MASA_ERR_INVALID, "not UTF-8");
	assert_string_equal(f->err.message,
	                    "bad.json: not UTF-8 text (byte 0xff at line 1, "
	                    "column 1); save it as UTF-8");
	expect_refused(f, latin1, strlen(latin1), MASA_ERR_INVALID,
	               "not UTF-8 text (byte 0xe9 at line 2, column 40)");
}

static void test_refuse_duplicate_keys(void **state)
{
	struct fixture *f = *state;
	static const char doc[] =
	        "{\"format\": \"masa-interchange\", \"version\": 1,\n"
	        "\"partnership\": {\"id\": \"x\", \"name\": \"One\", "
	        "\"name\": \"Two\"}}\n";

	expect_refused(f, doc, strlen(doc), MASA_ERR_INVALID,
	               "bad.json: not valid JSON at line 2");
	assert_non_null(strstr(f->err.message, "duplicate object key"));
}

static void test_refuse_unknown_member(void **state)
{
	struct fixture *f = *state;
	static const char doc[] =
	        "{\"format\": \"masa-interchange\", \"version\": 1,\n"
	        "\"partnership\": {\"id\": \"x\", \"name\": \"X\"},\n"
	        "\"people\": [{\"id\": \"jo-bloggs\", \"nmae\": \"Jo\"}]}\n";
	static const char top[] =
	        "{\"format\": \"masa-interchange\", \"version\": 1,\n"
	        "\"partnership\": {\"id\": \"x\", \"name\": \"X\"},\n"
	        "\"committees\": []}\n";
	static const char org[] = TINY_DOC(
	        ", \"memberships\": [], \"meetings\": [], \"organizations\": "
	        "[{\"id\": \"o\", \"name\": \"O\", \"part\": \"other\", "
	        "\"website\": \"https://example.org\"}]");

	expect_refused(f, doc, strlen(doc), MASA_ERR_INVALID,
	               "people[0]: unknown member \"nmae\"");
	assert_string_equal(f->err.message,
	                    "bad.json: people[0]: unknown member \"nmae\"");
	expect_refused(f, top, strlen(top), MASA_ERR_INVALID,
	               "bad.json: unknown member \"committees\"");
	expect_refused(f, org, strlen(org), MASA_ERR_INVALID,
	               "organizations[0]: unknown member \"website\"");
}

static void test_refuse_other_versions(void **state)
{
	struct fixture *f = *state;
	static const char v2[] =
	        "{\"format\": \"masa-interchange\", \"version\": 5,\n"
	        "\"partnership\": {\"id\": \"x\", \"name\": \"X\"}}\n";
	static const char v0[] =
	        "{\"format\": \"masa-interchange\", \"version\": 0,\n"
	        "\"partnership\": {\"id\": \"x\", \"name\": \"X\"}}\n";
	static const char no_version[] =
	        "{\"format\": \"masa-interchange\",\n"
	        "\"partnership\": {\"id\": \"x\", \"name\": \"X\"}}\n";
	static const char text_version[] =
	        "{\"format\": \"masa-interchange\", \"version\": \"1\",\n"
	        "\"partnership\": {\"id\": \"x\", \"name\": \"X\"}}\n";
	static const char other_format[] =
	        "{\"format\": \"popolo\", \"version\": 1,\n"
	        "\"partnership\": {\"id\": \"x\", \"name\": \"X\"}}\n";

	expect_refused(f, v2, strlen(v2), MASA_ERR_VERSION,
	               "version: 5 is not a version this masa reads (1 to 4)");
	assert_string_equal(f->err.message,
	                    "bad.json: version: 5 is not a version this masa "
	                    "reads (1 to 4)");
	expect_refused(f, v0, strlen(v0), MASA_ERR_VERSION,
	               "version: 0 is not a version this masa reads");
	expect_refused(f, no_version, strlen(no_version), MASA_ERR_INVALID,
	               "bad.json: version: required");
	expect_refused(f, text_version, strlen(text_version), MASA_ERR_INVALID,
	               "bad.json: version: must be a whole number");
	expect_refused(f, other_format, strlen(other_format), MASA_ERR_INVALID,
	               "bad.json: format: \"popolo\" is not masa-interchange");
}

static void test_refuse_unknown_reference(void **state)
{
	struct fixture *f = *state;
	static const char doc[] = TINY_DOC(
	        ",\n\"meetings\": [{\"id\": \"TB/2020-01-01\", \"body\": "
	        "\"TB\", \"date\": \"2020-01-01\", \"status\": \"held\", "
	        "\"attendance\": [{\"person\": \"jo-blogs\", \"status\": "
	        "\"present\"}]}]");
	static const char membership[] =
	        TINY_DOC(",\n\"memberships\": [{\"person\": \"jo-bloggs\", "
	                 "\"body\": \"TB\", \"role\": \"chair\"}, {\"person\": "
	                 "\"jo-bloggs\", \"body\": \"TB2\", \"role\": "
	                 "\"member\"}]");
	static const char deferred[] = TINY_DOC(
	        ",\n\"meetings\": [{\"id\": \"TB/2020-01-01\", \"body\": "
	        "\"TB\", \"date\": \"2020-01-01\", \"status\": \"held\", "
	        "\"agenda\": [{\"number\": \"1\", \"title\": \"T\", "
	        "\"status\": \"deferred\", \"deferred_to\": "
	        "\"TB/2020-02-02\"}]}]");

	/* The place in the document, the field and the value are named. */
	expect_refused(f, doc, strlen(doc), MASA_ERR_INVALID,
	               "no person \"jo-blogs\"");
	const char *m = strstr(f->err.message, "meetings[0]");
	const char *a = strstr(f->err.message, "attendance[0]");
	const char *p = strstr(f->err.message, "person");
	assert_non_null(m);
	assert_non_null(a);
	assert_non_null(p);
	assert_true(m < a && a < p);

	expect_refused(f, membership, strlen(membership), MASA_ERR_INVALID,
	               "memberships[1]");
	assert_non_null(strstr(f->err.message, "no body \"TB2\""));
	expect_refused(f, deferred, strlen(deferred), MASA_ERR_INVALID,
	               "no meeting \"TB/2020-02-02\"");
	assert_non_null(strstr(f->err.message, "agenda[0]"));
	assert_non_null(strstr(f->err.message, "deferred_to"));
}

/*
 * docs/interchange.md promises a message that names the place as one path:
 * `meetings[3].attendance[2].person: no person "jo-bloggs" ...`.
 */
static void test_error_place_is_one_path(void **state)
{
	struct fixture *f = *state;
	static const char doc[] = TINY_DOC(
	        ",\n\"meetings\": [{\"id\": \"TB/2020-01-01\", \"body\": "
	        "\"TB\", \"date\": \"2020-01-01\", \"status\": \"held\", "
	        "\"attendance\": [{\"person\": \"jo-blogs\", \"status\": "
	        "\"present\"}]}]");

	expect_refused(f, doc, strlen(doc), MASA_ERR_INVALID,
	               "meetings[0].attendance[0].person");
}

/* Short names of the dump's bodies, in order, joined by spaces; in f->a. */
static const char *body_order(struct fixture *f, const char *dump)
{
	json_t *root = json_loads(dump, 0, NULL);
	json_t *b;
	size_t i;
	const char *s = "";

	assert_non_null(root);
	json_array_foreach(json_object_get(root, "bodies"), i, b)
	{
		s = arena_printf(
		        &f->a, "%s%s%s", s, i ? " " : "",
		        json_string_value(json_object_get(b, "short_name")));
	}
	json_decref(root);
	return s;
}

static void test_dump_lists_parents_first(void **state)
{
	struct fixture *f = *state;
	int64_t id = load_text(f, &f->one, SMALL_DOC, NULL);
	struct gov_body executive = {0}, chiefs = {0}, qa, got;
	int64_t id2;
	char *first, *second;

	/*
	 * Two bodies made after TSCP-QA become its parent and grandparent:
	 * in creation order each sub-body would come before its parent.
	 */
	executive.partnership_id = id;
	executive.short_name = "TSCP-EXEC";
	executive.name = "Executive Group";
	executive.kind = "executive";
	MUST(f, gov_body_create(&f->one.g, &executive, &f->err));
	chiefs.partnership_id = id;
	chiefs.short_name = "TSCP-COG";
	chiefs.name = "Chief Officers Group";
	chiefs.kind = "chief_officers_group";
	MUST(f, gov_body_create(&f->one.g, &chiefs, &f->err));
	executive.parent_id = chiefs.id;
	MUST(f, gov_body_update(&f->one.g, &executive, &f->err));
	MUST(f, gov_body_find(&f->one.g, id, "TSCP-QA", &f->a, &qa, &f->err));
	qa.parent_id = executive.id;
	MUST(f, gov_body_update(&f->one.g, &qa, &f->err));

	/* The dump loads into an empty database and dumps the same. */
	first = dump_text(f, &f->one, id);
	id2 = load_text(f, &f->two, first, NULL);
	second = dump_text(f, &f->two, id2);
	assert_string_equal(second, first);
	MUST(f, gov_body_find(&f->two.g, id2, "TSCP-QA", &f->a, &qa, &f->err));
	MUST(f, gov_body_get(&f->two.g, qa.parent_id, &f->a, &got, &f->err));
	assert_string_equal(got.short_name, "TSCP-EXEC");
	MUST(f, gov_body_get(&f->two.g, got.parent_id, &f->a, &got, &f->err));
	assert_string_equal(got.short_name, "TSCP-COG");
	assert_int_equal(got.parent_id, 0);

	/* Parents first; otherwise the order they were created in. */
	assert_string_equal(body_order(f, first),
	                    "TSCP OLD-LSCB TSCP-COG TSCP-EXEC TSCP-QA");
}

static void test_quorum_count_null_is_no_count(void **state)
{
	struct fixture *f = *state;
	static const char doc[] =
	        "{\"format\": \"masa-interchange\", \"version\": 1,\n"
	        "\"partnership\": {\"id\": \"x\", \"name\": \"X\"},\n"
	        "\"bodies\": [{\"short_name\": \"A\", \"name\": \"A\", "
	        "\"classification\": \"board\", \"quorum\": {\"count\": "
	        "null}},\n{\"short_name\": \"B\", \"name\": \"B\", "
	        "\"classification\": \"panel\", \"quorum\": {\"count\": null, "
	        "\"fraction\": \"1/2\", \"safeguarding_partners\": true}}]}";
	struct gov_body b;
	json_t *root = NULL, *bodies;
	int64_t id = load_text(f, &f->one, doc, NULL);

	MUST(f, gov_body_find(&f->one.g, id, "A", &f->a, &b, &f->err));
	assert_int_equal(b.quorum_count, 0);
	assert_null(b.quorum_fraction);
	assert_false(b.quorum_partners);
	MUST(f, gov_body_find(&f->one.g, id, "B", &f->a, &b, &f->err));
	assert_int_equal(b.quorum_count, 0);
	assert_string_equal(b.quorum_fraction, "1/2");
	assert_true(b.quorum_partners);

	/* A dump leaves the empty count (and the empty rule) out. */
	MUST(f, interchange_dump_json(&f->one.g, id, &root, &f->err));
	bodies = json_object_get(root, "bodies");
	assert_null(json_object_get(json_array_get(bodies, 0), "quorum"));
	assert_null(json_object_get(
	        json_object_get(json_array_get(bodies, 1), "quorum"), "count"));
	assert_string_equal(
	        json_string_value(json_object_get(
	                json_object_get(json_array_get(bodies, 1), "quorum"),
	                "fraction")),
	        "1/2");
	json_decref(root);
}

static void test_refuse_blank_resolution_and_interest(void **state)
{
	struct fixture *f = *state;
	static const char resolution[] = TINY_DOC(
	        ",\n\"meetings\": [{\"id\": \"TB/2020-01-01\", \"body\": "
	        "\"TB\", \"date\": \"2020-01-01\", \"status\": \"held\", "
	        "\"agenda\": [{\"number\": \"1\", \"title\": \"T\", "
	        "\"resolutions\": [{\"number\": 1, \"text\": \"   \"}]}]}]");
	static const char resolution_ws[] = TINY_DOC(
	        ",\n\"meetings\": [{\"id\": \"TB/2020-01-01\", \"body\": "
	        "\"TB\", \"date\": \"2020-01-01\", \"status\": \"held\", "
	        "\"agenda\": [{\"number\": \"1\", \"title\": \"T\", "
	        "\"resolutions\": [{\"number\": 1, \"text\": \"R\"}, "
	        "{\"number\": 2, \"text\": \" \\t\\n \"}]}]}]");
	static const char interest[] = TINY_DOC(
	        ",\n\"meetings\": [{\"id\": \"TB/2020-01-01\", \"body\": "
	        "\"TB\", \"date\": \"2020-01-01\", \"status\": \"held\", "
	        "\"declarations\": [{\"person\": \"jo-bloggs\", "
	        "\"interest\": \"  \"}]}]");

	expect_refused(f, resolution, strlen(resolution), MASA_ERR_INVALID,
	               "resolution text: required");
	assert_string_equal(f->err.message,
	                    "bad.json: meetings[0].agenda[0].resolutions[0]: "
	                    "resolution text: required");
	expect_refused(f, resolution_ws, strlen(resolution_ws),
	               MASA_ERR_INVALID,
	               "agenda[0].resolutions[1]: resolution text: required");
	expect_refused(f, interest, strlen(interest), MASA_ERR_INVALID,
	               "declaration interest: required");
	assert_string_equal(f->err.message,
	                    "bad.json: meetings[0].declarations[0]: "
	                    "declaration interest: required");
}

/*
 * A JSON member joins the path with "." ("attendance[0].person: ..."); a
 * rule of the domain follows it after ": " ("memberships[1]: membership:
 * ...").
 */
static void test_error_paths(void **state)
{
	struct fixture *f = *state;
	static const char person[] = TINY_DOC(
	        ",\n\"meetings\": [{\"id\": \"TB/2020-01-01\", \"body\": "
	        "\"TB\", \"date\": \"2020-01-01\", \"status\": \"held\", "
	        "\"attendance\": [{\"person\": \"jo-blogs\", \"status\": "
	        "\"present\"}]}]");
	static const char overlap[] = TINY_DOC(
	        ",\n\"memberships\": [{\"person\": \"jo-bloggs\", \"body\": "
	        "\"TB\", \"role\": \"member\", \"end_date\": \"2019-12-31\"}, "
	        "{\"person\": \"jo-bloggs\", \"body\": \"TB\", \"role\": "
	        "\"member\", \"start_date\": \"2019-06-01\"}]");
	static const char count[] =
	        "{\"format\": \"masa-interchange\", \"version\": 1,\n"
	        "\"partnership\": {\"id\": \"x\", \"name\": \"X\"},\n"
	        "\"bodies\": [{\"short_name\": \"B\", \"name\": \"B\", "
	        "\"classification\": \"board\", \"quorum\": {\"count\": "
	        "\"3\"}}]}";
	static const char circulation[] = TINY_DOC(
	        ",\n\"meetings\": [{\"id\": \"TB/2020-01-01\", \"body\": "
	        "\"TB\", \"date\": \"2020-01-01\", \"status\": \"held\", "
	        "\"agenda\": [{\"number\": \"1\", \"title\": \"T\"}, "
	        "{\"number\": \"2\", \"title\": \"T\", \"items\": "
	        "[{\"number\": \"2.1\", \"title\": \"S\", \"documents\": "
	        "[{\"title\": \"D\", \"kind\": \"paper\", \"circulation\": "
	        "[{\"person\": \"nobody\", \"sent_on\": "
	        "\"2019-12-20\"}]}]}]}]}]");

	expect_refused(f, person, strlen(person), MASA_ERR_INVALID,
	               "meetings[0].attendance[0].person: no person \"");
	assert_string_equal(f->err.message,
	                    "bad.json: meetings[0].attendance[0].person: no "
	                    "person \"jo-blogs\" earlier in this file");
	expect_refused(f, overlap, strlen(overlap), MASA_ERR_CONFLICT,
	               "memberships[1]: Role: ");
	assert_string_equal(f->err.message,
	                    "bad.json: memberships[1]: Role: the person "
	                    "is already member of TB from the start to "
	                    "2019-12-31, which overlaps");
	expect_refused(f, count, strlen(count), MASA_ERR_INVALID,
	               "bodies[0].quorum.count: must be a whole number");
	expect_refused(f, circulation, strlen(circulation), MASA_ERR_INVALID,
	               "meetings[0].agenda[1].items[0].documents[0]."
	               "circulation[0].person: no person \"nobody\"");
}

static void test_refuse_same_partnership_twice(void **state)
{
	struct fixture *f = *state;
	int64_t id = load_text(f, &f->one, SMALL_DOC, NULL);
	char *before = snapshot(f, &f->one);
	char *dump_before = dump_text(f, &f->one, id);
	int64_t again = -1;

	masa_error_clear(&f->err);
	assert_int_equal(
	        interchange_load_buffer(&f->one.g, SMALL_DOC, strlen(SMALL_DOC),
	                                "again.json", &again, NULL, &f->err),
	        MASA_ERR_CONFLICT);
	assert_string_equal(f->err.message,
	                    "again.json: partnership.id: partnership "
	                    "\"testshire\" is already in this database");
	assert_int_equal(again, -1);
	assert_string_equal(snapshot(f, &f->one), before);
	assert_string_equal(dump_text(f, &f->one, id), dump_before);
}

static void test_all_or_nothing(void **state)
{
	struct fixture *f = *state;
	/* Everything is fine up to the last declaration of the last meeting. */
	static const char doc[] = TINY_DOC(
	        ",\n\"organizations\": [{\"id\": \"o\", \"name\": \"O\", "
	        "\"part\": \"safeguarding_partner\"}],\n"
	        "\"memberships\": [{\"person\": \"jo-bloggs\", \"body\": "
	        "\"TB\", \"role\": \"chair\"}],\n"
	        "\"meetings\": [{\"id\": \"TB/2020-01-01\", \"body\": \"TB\", "
	        "\"date\": \"2020-01-01\", \"status\": \"held\", "
	        "\"attendance\": [{\"person\": \"jo-bloggs\", \"status\": "
	        "\"present\"}], \"agenda\": [{\"number\": \"1\", \"title\": "
	        "\"T\", \"resolutions\": [{\"number\": 1, \"text\": \"R\"}]}]},"
	        "\n{\"id\": \"TB/2020-02-02\", \"body\": \"TB\", \"date\": "
	        "\"2020-02-02\", \"status\": \"held\", \"agenda\": "
	        "[{\"number\": \"1\", \"title\": \"T\", \"documents\": "
	        "[{\"title\": \"D\", \"kind\": \"paper\", \"circulation\": "
	        "[{\"person\": \"jo-bloggs\", \"sent_on\": "
	        "\"2020-01-20\"}]}]}], "
	        "\"declarations\": [{\"person\": \"jo-bloggs\", \"item\": "
	        "\"2\", \"interest\": \"I\"}]}]");
	static const char deep[] = TINY_DOC(
	        ",\n\"meetings\": [{\"id\": \"TB/2020-01-01\", \"body\": "
	        "\"TB\", \"date\": \"2020-01-01\", \"status\": \"held\", "
	        "\"agenda\": [{\"number\": \"1\", \"title\": \"T\", \"items\": "
	        "[{\"number\": \"1.1\", \"title\": \"S\", \"documents\": "
	        "[{\"title\": \"D\", \"kind\": \"paper\", \"circulation\": "
	        "[{\"person\": \"jo-bloggs\", \"sent_on\": "
	        "\"2020-13-01\"}]}]}]}]}]");
	static const char bad_resolution[] = TINY_DOC(
	        ",\n\"meetings\": [{\"id\": \"TB/2020-01-01\", \"body\": "
	        "\"TB\", \"date\": \"2020-01-01\", \"status\": \"held\", "
	        "\"agenda\": [{\"number\": \"1\", \"title\": \"T\", "
	        "\"resolutions\": [{\"number\": 1, \"text\": \"R\"}, "
	        "{\"number\": 1, \"text\": \"Again\"}]}]}]");

	expect_refused(f, doc, strlen(doc), MASA_ERR_INVALID,
	               "item: no item \"2\" at this meeting");
	assert_non_null(strstr(f->err.message, "meetings[1]"));
	assert_non_null(strstr(f->err.message, "declarations[0]"));
	expect_refused(
	        f, deep, strlen(deep), MASA_ERR_INVALID,
	        "circulation sent_on: \"2020-13-01\" is not a real date");
	assert_non_null(strstr(f->err.message, "agenda[0]"));
	assert_non_null(strstr(f->err.message, "items[0]"));
	assert_non_null(strstr(f->err.message, "documents[0]"));
	assert_non_null(strstr(f->err.message, "circulation[0]"));
	expect_refused(f, bad_resolution, strlen(bad_resolution),
	               MASA_ERR_CONFLICT,
	               "resolutions[1]: resolution number: (1) is already used "
	               "under this item");

	/* The database still takes a good document afterwards. */
	struct interchange_counts c;
	load_text(f, &f->one, SMALL_DOC, &c);
	assert_int_equal(c.meetings, 3);
	assert_string_equal(snapshot(f, &f->one), "1,4,6,3,6,3,6,5,2,2,1,2,1");
}

static void test_refuse_domain_rules(void **state)
{
	struct fixture *f = *state;
	static const char overlap[] = TINY_DOC(
	        ",\n\"memberships\": [{\"person\": \"jo-bloggs\", \"body\": "
	        "\"TB\", \"role\": \"chair\"}, {\"person\": \"jo-bloggs\", "
	        "\"body\": \"TB\", \"role\": \"chair\", \"start_date\": "
	        "\"2020-01-01\"}]");
	static const char role[] =
	        TINY_DOC(",\n\"memberships\": [{\"person\": \"jo-bloggs\", "
	                 "\"body\": \"TB\", \"role\": \"boss\"}]");
	static const char twice[] = TINY_DOC(
	        ",\n\"meetings\": [{\"id\": \"TB/2020-01-01\", \"body\": "
	        "\"TB\", \"date\": \"2020-01-01\", \"status\": \"held\", "
	        "\"attendance\": [{\"person\": \"jo-bloggs\", \"status\": "
	        "\"present\"}, {\"person\": \"jo-bloggs\", \"status\": "
	        "\"absent\"}]}]");
	static const char count[] =
	        "{\"format\": \"masa-interchange\", "
	        "\"version\": 1,\n\"partnership\": {\"id\": "
	        "\"x\", \"name\": \"X\"},\n\"bodies\": "
	        "[{\"short_name\": \"B\", \"name\": \"B\", "
	        "\"classification\": \"board\", \"quorum\": "
	        "{\"count\": 0}}]}";
	static const char type[] =
	        "{\"format\": \"masa-interchange\", \"version\": 1,\n"
	        "\"partnership\": {\"id\": \"x\", \"name\": 42}}";
	static const char dup_body[] =
	        TINY_DOC(",\n\"organizations\": [], \"memberships\": [], "
	                 "\"meetings\": [], \"people\": []");

	expect_refused(f, overlap, strlen(overlap), MASA_ERR_CONFLICT,
	               "memberships[1]: Role: the person is already "
	               "chair of TB from the start to now, which overlaps");
	expect_refused(f, role, strlen(role), MASA_ERR_INVALID,
	               "memberships[0]: Role: \"boss\" is not one of "
	               "chair, vice_chair, deputy_chair, member, advisor, "
	               "co_optee, lay_member, minute_taker, officer");
	expect_refused(f, twice, strlen(twice), MASA_ERR_CONFLICT,
	               "attendance[1]: attendance: already recorded at "
	               "TB/2020-01-01 (Jo Bloggs)");
	expect_refused(f, count, strlen(count), MASA_ERR_INVALID,
	               "bodies[0].quorum.count: 0 must be at least 1");
	expect_refused(f, type, strlen(type), MASA_ERR_INVALID,
	               "partnership.name: must be a string");
	/* TINY_DOC already has people: a second "people" is a duplicate. */
	expect_refused(f, dup_body, strlen(dup_body), MASA_ERR_INVALID,
	               "duplicate object key");
}

static void test_load_file_errors(void **state)
{
	struct fixture *f = *state;

	masa_error_clear(&f->err);
	assert_int_equal(interchange_load_file(&f->one.g,
	                                       "/nonexistent/masa.json", NULL,
	                                       NULL, &f->err),
	                 MASA_ERR_IO);
	assert_string_equal(f->err.message,
	                    "cannot open /nonexistent/masa.json: No such file "
	                    "or directory");
	assert_int_equal(
	        interchange_load_file(&f->one.g, "/tmp", NULL, NULL, &f->err),
	        MASA_ERR_IO);
	assert_string_equal(f->err.message, "/tmp is not a file");
	assert_string_equal(snapshot(f, &f->one), EMPTY_SNAPSHOT);
}

/* the demo data */

/*
 * Loads data/demo.json, masa's own demo data: missing, it is masa that is
 * broken (or the test run from elsewhere), so the test fails, never skips.
 */
static int64_t load_demo(struct fixture *f, struct db *d,
                         struct interchange_counts *c)
{
	int64_t id = 0;

	if (access(DEMO_PATH, R_OK) != 0)
		fail_msg("%s cannot be read: run the tests from the root of "
		         "masa's repository",
		         DEMO_PATH);
	MUST(f, interchange_load_file(&d->g, DEMO_PATH, &id, c, &f->err));
	return id;
}

/* Counts the records of each kind in a document's agenda items. */
static void count_items(json_t *items, struct interchange_counts *c)
{
	json_t *it, *doc;
	size_t i, j;

	json_array_foreach(items, i, it)
	{
		c->items++;
		c->resolutions +=
		        json_array_size(json_object_get(it, "resolutions"));
		json_array_foreach(json_object_get(it, "documents"), j, doc)
		{
			c->documents++;
			c->circulation += json_array_size(
			        json_object_get(doc, "circulation"));
		}
		count_items(json_object_get(it, "items"), c);
	}
}

/* What loading the document at path should create, counted with jansson. */
static void count_document(const char *path, struct interchange_counts *c)
{
	json_error_t jerr;
	json_t *root = json_load_file(path, 0, &jerr);
	json_t *m;
	size_t i;

	if (root == NULL)
		fail_msg("%s: %s", path, jerr.text);
	memset(c, 0, sizeof *c);
	c->organisations =
	        json_array_size(json_object_get(root, "organizations"));
	c->people = json_array_size(json_object_get(root, "people"));
	c->bodies = json_array_size(json_object_get(root, "bodies"));
	c->memberships = json_array_size(json_object_get(root, "memberships"));
	json_array_foreach(json_object_get(root, "meetings"), i, m)
	{
		c->meetings++;
		c->attendance +=
		        json_array_size(json_object_get(m, "attendance"));
		c->declarations +=
		        json_array_size(json_object_get(m, "declarations"));
		count_items(json_object_get(m, "agenda"), c);
	}
	json_decref(root);
}

static void test_demo_loads(void **state)
{
	struct fixture *f = *state;
	struct interchange_counts c, want;
	struct gov_partnership p;
	struct gov_body body;
	struct gov_member *mem;
	size_t n;
	int64_t id;

	id = load_demo(f, &f->one, &c);
	MUST(f, gov_partnership_get(&f->one.g, id, &f->a, &p, &f->err));
	assert_string_equal(p.key, "rotherham");
	/* Every record in the file was created. */
	count_document(DEMO_PATH, &want);
	assert_true(want.meetings >= 3 && want.items > 20);
	assert_int_equal(c.organisations, want.organisations);
	assert_int_equal(c.people, want.people);
	assert_int_equal(c.bodies, want.bodies);
	assert_int_equal(c.memberships, want.memberships);
	assert_int_equal(c.meetings, want.meetings);
	assert_int_equal(c.items, want.items);
	assert_int_equal(c.attendance, want.attendance);
	assert_int_equal(c.declarations, want.declarations);
	assert_int_equal(c.resolutions, want.resolutions);
	assert_int_equal(c.documents, want.documents);
	assert_int_equal(c.circulation, want.circulation);

	MUST(f, gov_body_find(&f->one.g, id, "RLSCB", &f->a, &body, &f->err));
	MUST(f, gov_members_on(&f->one.g, body.id, "2014-12-04", &f->a, &mem,
	                       &n, &f->err));
	assert_true(n > 1);
	assert_string_equal(mem[0].m.role, "chair");
	assert_string_equal(mem[0].person_name, "Steve Ashley");
	for (size_t i = 1; i < n; i++)
		assert_string_not_equal(mem[i].m.role, "chair");
}

static void test_demo_rlscb_agenda(void **state)
{
	struct fixture *f = *state;
	struct gov_meeting m;
	struct gov_item *items;
	size_t n, top = 0, subs = 0;
	int64_t id, four = 0;
	char want[8];

	id = load_demo(f, &f->one, NULL);
	MUST(f, gov_meeting_find(&f->one.g, id, "RLSCB/2014-12-04", &f->a, &m,
	                         &f->err));
	MUST(f, gov_item_list(&f->one.g, test_system(m.partnership_id), m.id,
	                      &f->a, &items, &n, &f->err));
	for (size_t i = 0; i < n; i++) {
		if (items[i].parent_id != 0)
			continue;
		top++;
		snprintf(want, sizeof want, "%zu", top);
		assert_string_equal(items[i].number, want);
		if (strcmp(items[i].number, "4") == 0)
			four = items[i].id;
	}
	assert_int_equal(top, 9);
	assert_true(four != 0);
	for (size_t i = 0; i < n; i++) {
		if (items[i].parent_id != four)
			continue;
		subs++;
		snprintf(want, sizeof want, "4.%zu", subs);
		assert_string_equal(items[i].number, want);
	}
	assert_int_equal(subs, 7);
}

static void test_demo_ilsc_resolutions_and_deferral(void **state)
{
	struct fixture *f = *state;
	struct gov_meeting m, to;
	struct gov_item sixteen, seventeen;
	struct gov_resolution *res;
	size_t n, count = 0;
	int64_t id;

	id = load_demo(f, &f->one, NULL);
	MUST(f, gov_meeting_find(&f->one.g, id, "ILSC/2019-07-09", &f->a, &m,
	                         &f->err));
	MUST(f, gov_meeting_find(&f->one.g, id, "ILSC/2019-09-17", &f->a, &to,
	                         &f->err));
	MUST(f, gov_item_find(&f->one.g, test_system(m.partnership_id), m.id,
	                      "16", &f->a, &sixteen, &f->err));
	MUST(f, gov_item_find(&f->one.g, test_system(m.partnership_id), m.id,
	                      "17", &f->a, &seventeen, &f->err));
	MUST(f, gov_resolution_list(&f->one.g, test_system(m.partnership_id),
	                            m.id, &f->a, &res, &n, &f->err));
	for (size_t i = 0; i < n; i++) {
		if (res[i].item_id != sixteen.id)
			continue;
		count++;
		assert_int_equal(res[i].number, (int64_t)count);
	}
	assert_int_equal(count, 3);
	assert_string_equal(seventeen.status, "deferred");
	assert_int_equal(seventeen.deferred_to_id, to.id);
}

static void test_demo_round_trip(void **state)
{
	struct fixture *f = *state;
	int64_t id, id2;
	char *first;

	id = load_demo(f, &f->one, NULL);
	first = dump_text(f, &f->one, id);
	id2 = load_text(f, &f->two, first, NULL);
	assert_string_equal(dump_text(f, &f->two, id2), first);
	/* Loading the demo again into the same database is refused. */
	masa_error_clear(&f->err);
	assert_int_equal(interchange_load_file(&f->one.g, DEMO_PATH, NULL, NULL,
	                                       &f->err),
	                 MASA_ERR_CONFLICT);
	assert_non_null(strstr(f->err.message, "is already in this database"));
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	        T(test_load_small_document),
	        T(test_dump_fields),
	        T(test_dump_gives_back_the_document),
	        T(test_round_trip_is_byte_identical),
	        T(test_round_trip_after_api_edits),
	        T(test_dump_lists_parents_first),
	        T(test_quorum_count_null_is_no_count),
	        T(test_refuse_malformed_json),
	        T(test_refuse_not_utf8),
	        T(test_refuse_duplicate_keys),
	        T(test_refuse_unknown_member),
	        T(test_refuse_other_versions),
	        T(test_refuse_unknown_reference),
	        T(test_error_place_is_one_path),
	        T(test_refuse_blank_resolution_and_interest),
	        T(test_error_paths),
	        T(test_refuse_same_partnership_twice),
	        T(test_all_or_nothing),
	        T(test_refuse_domain_rules),
	        T(test_load_file_errors),
	        T(test_demo_loads),
	        T(test_demo_rlscb_agenda),
	        T(test_demo_ilsc_resolutions_and_deferral),
	        T(test_demo_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
