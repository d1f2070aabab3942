/*
 * test_agenda: scheduling meetings and building agendas (gov/agenda.h), on
 * SQLite or, with MASA_TEST_PG, PostgreSQL. The dates of a series ("first
 * Thursday" across months that start on a Thursday and on a Friday, "last
 * Thursday" of months of 28 to 31 days, the 31st of a short month, every
 * two weeks), a series with no end refused, a series or a move onto another
 * meeting of the body refused with nothing stored, reordering that keeps
 * the numbers in order, removing refused for an item with anything on it,
 * and publishing refused for an empty agenda.
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

#include "gov/agenda.h"
#include "gov/body.h"
#include "gov/interchange.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "store/store.h"

static const char DOC[] =
        "{\"format\": \"masa-interchange\", \"version\": 3,\n"
        "\"partnership\": {\"id\": \"ag\", \"name\": \"Agenda "
        "Partnership\"},\n"
        "\"people\": [{\"id\": \"chair\", \"name\": \"Cha Ir\"}],\n"
        "\"bodies\": [{\"short_name\": \"PB\", \"name\": \"Board\", "
        "\"classification\": \"board\"}],\n"
        "\"memberships\": [{\"person\": \"chair\", \"body\": \"PB\", "
        "\"role\": \"chair\"}],\n"
        "\"meetings\": [\n"
        " {\"id\": \"PB/2030-04-04\", \"body\": \"PB\", \"date\": "
        "\"2030-04-04\", \"status\": \"scheduled\"},\n"
        " {\"id\": \"PB/2030-05-02\", \"body\": \"PB\", \"date\": "
        "\"2030-05-02\", \"status\": \"scheduled\"}]}\n";

struct fixture {
	char path[TESTDB_SIZE];
	struct store *store;
	struct gov g;
	struct arena a;
	struct masa_error err;
	int64_t partnership, body, april, may;
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
	struct gov_body b;

	if (testdb_new(f->path, sizeof f->path, "agenda") != 0)
		fail_msg("no test database");
	MUST(f, store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err));
	gov_init(&f->g, f->store, "test");
	MUST(f, interchange_load_buffer(&f->g, DOC, strlen(DOC), "agenda",
	                                &f->partnership, NULL, &f->err));
	MUST(f, gov_body_find(&f->g, f->partnership, "PB", &f->a, &b, &f->err));
	f->body = b.id;
	MUST(f, gov_meeting_find(&f->g, f->partnership, "PB/2030-04-04", &f->a,
	                         &m, &f->err));
	f->april = m.id;
	MUST(f, gov_meeting_find(&f->g, f->partnership, "PB/2030-05-02", &f->a,
	                         &m, &f->err));
	f->may = m.id;
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

/* The dates of s joined with spaces, or the error message. */
static const char *dates_of(struct fixture *f, const struct gov_series *s)
{
	char **dates;
	size_t n;
	const char *out = "";

	if (gov_series_dates(s, &f->a, &dates, &n, &f->err) != MASA_OK)
		return f->err.message;
	for (size_t i = 0; i < n; i++)
		out = arena_printf(&f->a, "%s%s%s", out, i ? " " : "",
		                   dates[i]);
	return out;
}

static size_t meetings_of_body(struct fixture *f)
{
	struct gov_meeting_row *rows;
	size_t n;

	MUST(f, gov_meeting_list(&f->g, f->partnership, f->body, NULL, NULL, 0,
	                         0, &f->a, &rows, &n, &f->err));
	return n;
}

static void test_series_dates(void **state)
{
	struct fixture *f = *state;

	/* Quarterly, first Thursday: 1 Jan 2026 is a Thursday (the first
	 * day itself), 1 Oct 2026 too; April 2026 starts on a Wednesday. */
	assert_string_equal(
	        dates_of(f, &(struct gov_series){.every = "quarterly",
	                                         .weekday = "thursday",
	                                         .week = "first",
	                                         .from = "2026-01-01",
	                                         .count = 4}),
	        "2026-01-01 2026-04-02 2026-07-02 2026-10-01");
	/* A first Thursday before `from` is skipped: from 2 January. */
	assert_string_equal(
	        dates_of(f, &(struct gov_series){.every = "monthly",
	                                         .weekday = "thursday",
	                                         .week = "first",
	                                         .from = "2026-01-02",
	                                         .count = 2}),
	        "2026-02-05 2026-03-05");
	/* Last Thursday: of a 31-day month ending on a Saturday, of
	 * February (28 days, 2026) and of a month ending on a Thursday. */
	assert_string_equal(
	        dates_of(f, &(struct gov_series){.every = "monthly",
	                                         .weekday = "thursday",
	                                         .week = "last",
	                                         .from = "2026-01-01",
	                                         .until = "2026-04-30"}),
	        "2026-01-29 2026-02-26 2026-03-26 2026-04-30");
	/* The 31st in a short month is its last day; the series stops at
	 * `until` itself. */
	assert_string_equal(
	        dates_of(f, &(struct gov_series){.every = "bimonthly",
	                                         .day_of_month = 31,
	                                         .from = "2028-01-01",
	                                         .until = "2028-05-31"}),
	        "2028-01-31 2028-03-31 2028-05-31");
	assert_string_equal(
	        dates_of(f, &(struct gov_series){.every = "monthly",
	                                         .day_of_month = 31,
	                                         .from = "2028-02-01",
	                                         .count = 1}),
	        "2028-02-29");
	/* Every two weeks from the first Tuesday on or after `from`. */
	assert_string_equal(
	        dates_of(f, &(struct gov_series){.every = "weeks",
	                                         .weeks = 2,
	                                         .weekday = "tuesday",
	                                         .from = "2026-01-01",
	                                         .count = 3}),
	        "2026-01-06 2026-01-20 2026-02-03");
	assert_string_equal(
	        dates_of(f, &(struct gov_series){.every = "yearly",
	                                         .weekday = "monday",
	                                         .week = "second",
	                                         .from = "2026-09-01",
	                                         .count = 2}),
	        "2026-09-14 2027-09-13");
}

static void test_series_refused(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(
	        dates_of(f, &(struct gov_series){.every = "quarterly",
	                                         .weekday = "thursday",
	                                         .week = "first",
	                                         .from = "2026-01-01"}),
	        "end of the series: give the last date or how many "
	        "meetings; a series must end");
	assert_string_equal(
	        dates_of(f, &(struct gov_series){.every = "monthly",
	                                         .weekday = "thursday",
	                                         .from = "2026-01-01",
	                                         .count = 3}),
	        "which week of the month: first, second, third, fourth or "
	        "last");
	assert_string_equal(
	        dates_of(f, &(struct gov_series){.every = "monthly",
	                                         .weekday = "thurs",
	                                         .week = "first",
	                                         .from = "2026-01-01",
	                                         .count = 3}),
	        "weekday: \"thurs\" is not a day of the week");
	assert_non_null(
	        strstr(dates_of(f, &(struct gov_series){.every = "weeks",
	                                                .weeks = 1,
	                                                .from = "2026-01-01",
	                                                .until = "2036-01-01"}),
	               "more than 120 meetings"));
	assert_non_null(
	        strstr(dates_of(f, &(struct gov_series){.every = "monthly",
	                                                .day_of_month = 1,
	                                                .from = "2026-05-01",
	                                                .until = "2026-04-01"}),
	               "last date: 2026-04-01 is before"));
}

static void test_schedule_all_or_none(void **state)
{
	struct fixture *f = *state;
	struct gov_meeting like = {.body_id = f->body,
	                           .start_time = "13:00",
	                           .end_time = "16:00",
	                           .location = "Riverside House"};
	struct gov_meeting m;
	int64_t *ids;
	size_t n;

	assert_int_equal(meetings_of_body(f), 2);
	/* Monthly, first Thursday from March 2030: 7 March, 4 April (taken
	 * by PB/2030-04-04), 2 May (taken): refused, nothing stored. */
	assert_int_equal(
	        gov_meeting_schedule(&f->g, &like,
	                             &(struct gov_series){.every = "monthly",
	                                                  .weekday = "thursday",
	                                                  .week = "first",
	                                                  .from = "2030-03-01",
	                                                  .count = 3},
	                             &f->a, &ids, &n, &f->err),
	        MASA_ERR_CONFLICT);
	assert_string_equal(f->err.message,
	                    "meeting date: the body already meets on Thursday "
	                    "4 April 2030 (PB/2030-04-04)");
	assert_int_equal(n, 0);
	assert_int_equal(meetings_of_body(f), 2);
	/* Quarterly from June: 6 June, 5 September, 5 December. */
	MUST(f,
	     gov_meeting_schedule(&f->g, &like,
	                          &(struct gov_series){.every = "quarterly",
	                                               .weekday = "thursday",
	                                               .week = "first",
	                                               .from = "2030-06-01",
	                                               .until = "2030-12-31"},
	                          &f->a, &ids, &n, &f->err));
	assert_int_equal(n, 3);
	assert_int_equal(meetings_of_body(f), 5);
	MUST(f, gov_meeting_get(&f->g, ids[2], &f->a, &m, &f->err));
	assert_string_equal(m.key, "PB/2030-12-05");
	assert_string_equal(m.location, "Riverside House");
	assert_string_equal(m.start_time, "13:00");
	assert_string_equal(m.status, "scheduled");
	/* A cancelled meeting's day may take another meeting. */
	MUST(f, gov_meeting_cancel(&f->g, f->may, 0, &f->err));
	MUST(f, gov_meeting_schedule(&f->g, &like,
	                             &(struct gov_series){.every = "once",
	                                                  .from = "2030-05-02"},
	                             &f->a, &ids, &n, &f->err));
	MUST(f, gov_meeting_get(&f->g, ids[0], &f->a, &m, &f->err));
	assert_string_equal(m.key, "PB/2030-05-02-2");
}

static void test_move(void **state)
{
	struct fixture *f = *state;
	struct gov_meeting m, before;

	MUST(f, gov_meeting_get(&f->g, f->april, &f->a, &before, &f->err));
	/* Onto the body's other meeting: refused, nothing changed. */
	assert_int_equal(gov_meeting_move(&f->g, f->april, 0, "2030-05-02",
	                                  "10:00", NULL, NULL, &f->err),
	                 MASA_ERR_CONFLICT);
	assert_non_null(strstr(f->err.message, "2 May 2030"));
	MUST(f, gov_meeting_get(&f->g, f->april, &f->a, &m, &f->err));
	assert_string_equal(m.date, "2030-04-04");
	assert_int_equal(m.version, before.version);
	/* A stale version: refused. */
	assert_int_equal(gov_meeting_move(&f->g, f->april, before.version + 1,
	                                  "2030-04-11", NULL, NULL, NULL,
	                                  &f->err),
	                 MASA_ERR_CONFLICT);
	/* Moved: the key stays, the date, time and place change. */
	MUST(f, gov_meeting_move(&f->g, f->april, before.version, "2030-04-11",
	                         "10:00", "12:00", "Town Hall", &f->err));
	MUST(f, gov_meeting_get(&f->g, f->april, &f->a, &m, &f->err));
	assert_string_equal(m.key, "PB/2030-04-04");
	assert_string_equal(m.date, "2030-04-11");
	assert_string_equal(m.start_time, "10:00");
	assert_string_equal(m.location, "Town Hall");
	/* Its old day is free now. */
	MUST(f, gov_meeting_move(&f->g, f->may, 0, "2030-04-04", NULL, NULL,
	                         NULL, &f->err));
}

/* The agenda of meeting id as "number title; ..." by position (a
 * sub-item's position orders it among its parent's sub-items). */
static const char *agenda_of(struct fixture *f, int64_t id)
{
	struct gov_item *items;
	size_t n;
	const char *out = "";

	MUST(f, gov_item_list(&f->g, test_system(f->partnership), id, &f->a,
	                      &items, &n, &f->err));
	for (size_t i = 0; i < n; i++)
		out = arena_printf(&f->a, "%s%s%s %s", out, i ? "; " : "",
		                   items[i].number, items[i].title);
	return out;
}

static int64_t item_numbered(struct fixture *f, int64_t meeting,
                             const char *number)
{
	struct gov_item it;

	MUST(f, gov_item_find(&f->g, test_system(f->partnership), meeting,
	                      number, &f->a, &it, &f->err));
	return it.id;
}

static void test_build_agenda(void **state)
{
	struct fixture *f = *state;
	struct gov_item it = {.meeting_id = f->april, .title = "Budget"};
	struct gov_item sub = {.meeting_id = f->april, .title = "Forecast"};
	struct gov_meeting m;
	size_t added;

	/* Nothing to publish yet: refused, nothing stored. */
	assert_int_equal(
	        gov_agenda_publish(&f->g, f->april, 0, "2030-03-20", &f->err),
	        MASA_ERR_INVALID);
	assert_non_null(strstr(f->err.message, "no items to publish"));
	MUST(f, gov_meeting_get(&f->g, f->april, &f->a, &m, &f->err));
	assert_null(m.agenda_published_on);

	MUST(f, gov_agenda_add_draft(&f->g, f->april, &added, &f->err));
	assert_int_equal(added, 5);
	/* Twice adds nothing twice. */
	MUST(f, gov_agenda_add_draft(&f->g, f->april, &added, &f->err));
	assert_int_equal(added, 0);
	MUST(f, gov_agenda_add(&f->g, &it, &f->a, &f->err));
	assert_string_equal(it.number, "6");
	sub.parent_id = it.id;
	sub.number = "6.1";
	MUST(f, gov_agenda_add(&f->g, &sub, &f->a, &f->err));
	/* Up twice: past "Date and time of the next meeting" and "Any
	 * other business"; the numbers follow, and the sub-item's too. */
	MUST(f, gov_agenda_move(&f->g, it.id, -1, &f->err));
	MUST(f, gov_agenda_move(&f->g, it.id, -1, &f->err));
	assert_string_equal(
	        agenda_of(f, f->april),
	        "1 Welcome, introductions and apologies; 2 Declarations of "
	        "interest; 3 Matters arising; 4 Budget; 5 Any other "
	        "business; 6 Date and time of the next meeting; 4.1 "
	        "Forecast");
	assert_int_equal(item_numbered(f, f->april, "4.1"), sub.id);
	/* The first cannot go up, nor the last sub-item down. */
	assert_int_equal(gov_agenda_move(&f->g, item_numbered(f, f->april, "1"),
	                                 -1, &f->err),
	                 MASA_ERR_INVALID);
	assert_string_equal(f->err.message, "item 1: it is already the first");
	assert_int_equal(gov_agenda_move(&f->g, sub.id, 1, &f->err),
	                 MASA_ERR_INVALID);

	/* An item with a sub-item, or with minutes text, stays. */
	assert_int_equal(gov_agenda_remove(&f->g, it.id, &f->err),
	                 MASA_ERR_INVALID);
	assert_string_equal(f->err.message,
	                    "item 4: it cannot be removed because it has "
	                    "sub-items recorded on it");
	MUST(f, gov_item_find(&f->g, test_system(f->partnership), f->april,
	                      "4.1", &f->a, &sub, &f->err));
	sub.minutes = "The forecast was noted.";
	MUST(f, gov_item_update(&f->g, &sub, &f->err));
	assert_int_equal(gov_agenda_remove(&f->g, sub.id, &f->err),
	                 MASA_ERR_INVALID);
	assert_string_equal(f->err.message,
	                    "item 4.1: it cannot be removed because it has "
	                    "minutes text recorded on it");
	assert_non_null(strstr(agenda_of(f, f->april), "4.1 Forecast"));
	sub.minutes = NULL;
	sub.version = 0;
	MUST(f, gov_item_update(&f->g, &sub, &f->err));
	MUST(f, gov_agenda_remove(&f->g, sub.id, &f->err));
	MUST(f, gov_agenda_remove(&f->g, it.id, &f->err));
	assert_null(strstr(agenda_of(f, f->april), "Budget"));

	/* Published, and withdrawn before the meeting (2030). */
	MUST(f, gov_agenda_publish(&f->g, f->april, 0, "2030-03-20", &f->err));
	MUST(f, gov_meeting_get(&f->g, f->april, &f->a, &m, &f->err));
	assert_string_equal(m.agenda_published_on, "2030-03-20");
	assert_int_equal(gov_agenda_publish(&f->g, f->april, m.version - 1,
	                                    NULL, &f->err),
	                 MASA_ERR_CONFLICT);
	MUST(f, gov_agenda_publish(&f->g, f->april, m.version, NULL, &f->err));
	MUST(f, gov_meeting_get(&f->g, f->april, &f->a, &m, &f->err));
	assert_null(m.agenda_published_on);
}

static void test_part_two_and_arrivals(void **state)
{
	struct fixture *f = *state;
	struct gov_item it = {.meeting_id = f->april,
	                      .title = "Child S",
	                      .confidential = true,
	                      .part_two_reason = "Paragraph 2"};
	struct gov_attendance at = {.meeting_id = f->april,
	                            .status = "present"};
	struct gov_attendee *att;
	struct gov_person chair;
	struct gov_meeting m;
	size_t n;

	MUST(f, gov_agenda_add(&f->g, &it, &f->a, &f->err));
	MUST(f, gov_item_get(&f->g, test_system(f->partnership), it.id, &f->a,
	                     &it, &f->err));
	assert_string_equal(it.part_two_reason, "Paragraph 2");
	MUST(f, gov_meeting_get(&f->g, f->april, &f->a, &m, &f->err));
	m.part_two_exemption = (char *)gov_part_two_exemptions[2];
	MUST(f, gov_meeting_update(&f->g, &m, &f->err));
	MUST(f, gov_meeting_get(&f->g, f->april, &f->a, &m, &f->err));
	assert_non_null(strstr(m.part_two_exemption, "Schedule 12A"));

	MUST(f, gov_person_find(&f->g, f->partnership, "chair", &f->a, &chair,
	                        &f->err));
	/* No attendance yet: refused. */
	assert_int_equal(gov_attendance_at_items(&f->g, f->april, chair.id,
	                                         it.id, 0, &f->err),
	                 MASA_ERR_INVALID);
	at.person_id = chair.id;
	MUST(f, gov_attendance_record(&f->g, &at, &f->err));
	MUST(f, gov_attendance_at_items(&f->g, f->april, chair.id, 0, it.id,
	                                &f->err));
	MUST(f, gov_attendance_list(&f->g, f->april, &f->a, &att, &n, &f->err));
	assert_int_equal(n, 1);
	assert_int_equal(att[0].a.left_item_id, it.id);
	assert_int_equal(att[0].a.arrived_item_id, 0);
	/* An item with a departure on it stays on the agenda. */
	assert_int_equal(gov_agenda_remove(&f->g, it.id, &f->err),
	                 MASA_ERR_INVALID);
	assert_non_null(strstr(f->err.message, "arrivals or departures"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	        T(test_series_dates),         T(test_series_refused),
	        T(test_schedule_all_or_none), T(test_move),
	        T(test_build_agenda),         T(test_part_two_and_arrivals),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
