/*
 * test_pack: what a pack is made from and when it is kept. The digest
 * holds while nothing it was made from changes, and moves with a new
 * version of a paper, a paper added, an item renamed; the agenda pack's
 * digest does not move for a part-two paper, nor the part-two pack's for
 * an open one. gov_pack_get makes a pack once and gives it again as kept,
 * makes it again after a change, or on GOV_PACK_REMAKE; its pages are the
 * front sheet's and the PDF papers'; a text paper is left out with why;
 * the part-two pack is not found for the public.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cmocka.h>

#include "testdb.h"
#include "testviewer.h"
#include "core/buf.h"
#include "gov/interchange.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/paper.h"
/* The module itself, to reach the fallback for a paper that will not merge
 * (its global functions then come from here, not from libmasa). */
#include "gov/pack.c"
#include "store/store.h"

static const char DOC[] =
        "{\"format\": \"masa-interchange\", \"version\": 3,\n"
        "\"partnership\": {\"id\": \"pk\", \"name\": \"Pack Partnership\"},\n"
        "\"people\": [{\"id\": \"mem\", \"name\": \"Mem Ber\"}],\n"
        "\"bodies\": [{\"short_name\": \"PB\", \"name\": \"Pack Board\", "
        "\"classification\": \"board\"}],\n"
        "\"memberships\": [{\"person\": \"mem\", \"body\": \"PB\", \"role\": "
        "\"chair\", \"start_date\": \"2019-01-01\"}],\n"
        "\"meetings\": [{\"id\": \"PB/2020-01-10\", \"body\": \"PB\", "
        "\"date\": \"2020-01-10\", \"start_time\": \"13:00\", \"location\": "
        "\"Town Hall\", \"status\": \"held\", \"minutes_status\": "
        "\"published\", \"minutes_approved_on\": \"2020-03-10\", "
        "\"minutes_published_on\": \"2020-03-11\",\n"
        "  \"agenda\": [{\"number\": \"1\", \"title\": \"Budget\"},\n"
        "   {\"number\": \"2\", \"title\": \"Child Q review\", "
        "\"confidential\": true}]}]}\n";

struct fixture {
	char path[TESTDB_SIZE];
	struct store *store;
	struct gov g;
	struct arena a;
	struct masa_error err;
	int64_t partnership, meeting, open_item, secret_item;
};

#define MUST(f, call)                                                       \
	do {                                                                \
		if ((call) != MASA_OK)                                      \
			fail_msg("%s failed: %s", #call, (f)->err.message); \
	} while (0)

static cairo_status_t to_buf(void *closure, const unsigned char *data,
                             unsigned int len)
{
	struct masa_error err = {0};

	return buf_append(closure, data, len, &err) == MASA_OK
	               ? CAIRO_STATUS_SUCCESS
	               : CAIRO_STATUS_WRITE_ERROR;
}

/* A PDF of pages blank A4 pages, into b. */
static void make_pdf(struct buf *b, int pages)
{
	cairo_surface_t *s;
	cairo_t *cr;

	buf_init(b, 1 << 20);
	s = cairo_pdf_surface_create_for_stream(to_buf, b, 595, 842);
	cr = cairo_create(s);
	for (int i = 0; i < pages; i++) {
		cairo_rectangle(cr, 50, 50, 100 + i, 100);
		cairo_fill(cr);
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
}

static int64_t add_paper(struct fixture *f, int64_t item, const char *title,
                         int pages)
{
	struct buf pdf;
	int64_t id = 0;

	make_pdf(&pdf, pages);
	MUST(f, gov_paper_add(&f->g, f->meeting, item, title, "paper.pdf",
	                      pdf.data, pdf.len, &id, &f->err));
	buf_free(&pdf);
	return id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct gov_meeting m;
	struct gov_item it;

	if (testdb_new(f->path, sizeof f->path, "pack") != 0)
		fail_msg("no test database");
	MUST(f, store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err));
	gov_init(&f->g, f->store, "test");
	MUST(f, interchange_load_buffer(&f->g, DOC, strlen(DOC), "pack",
	                                &f->partnership, NULL, &f->err));
	MUST(f, gov_meeting_find(&f->g, f->partnership, "PB/2020-01-10", &f->a,
	                         &m, &f->err));
	f->meeting = m.id;
	MUST(f, gov_item_find(&f->g, test_system(f->partnership), m.id, "1",
	                      &f->a, &it, &f->err));
	f->open_item = it.id;
	MUST(f, gov_item_find(&f->g, test_system(f->partnership), m.id, "2",
	                      &f->a, &it, &f->err));
	f->secret_item = it.id;
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

static void digest(struct fixture *f, bool part_two,
                   char out[GOV_PACK_DIGEST_HEX])
{
	MUST(f, gov_pack_digest(&f->g, f->meeting, part_two, out, &f->err));
}

static void test_digest_moves_with_what_it_is_made_from(void **state)
{
	struct fixture *f = *state;
	char open1[GOV_PACK_DIGEST_HEX], open2[GOV_PACK_DIGEST_HEX];
	char two1[GOV_PACK_DIGEST_HEX], two2[GOV_PACK_DIGEST_HEX];
	struct buf pdf;
	struct gov_item it;
	int64_t paper, version;

	paper = add_paper(f, f->open_item, "Budget report", 2);
	add_paper(f, f->secret_item, "Child Q chronology", 3);
	digest(f, false, open1);
	digest(f, true, two1);
	assert_int_equal(strlen(open1), 64);
	digest(f, false, open2);
	assert_string_equal(open1, open2);    /* nothing changed: it holds */
	assert_string_not_equal(open1, two1); /* the parts differ */

	/* A part-two paper added: the part-two digest moves, not the open. */
	add_paper(f, f->secret_item, "Child Q plan", 1);
	digest(f, false, open2);
	digest(f, true, two2);
	assert_string_equal(open1, open2);
	assert_string_not_equal(two1, two2);

	/* A new version of the open paper: the open one moves, not part two. */
	make_pdf(&pdf, 4);
	MUST(f, gov_paper_replace(&f->g, paper, "paper.pdf", pdf.data, pdf.len,
	                          &version, &f->err));
	buf_free(&pdf);
	digest(f, false, open2);
	assert_string_not_equal(open1, open2);
	digest(f, true, two1);
	assert_string_equal(two1, two2);

	/* The agenda: an item renamed. */
	memcpy(open1, open2, sizeof open1);
	MUST(f, gov_item_get(&f->g, test_system(f->partnership), f->open_item,
	                     &f->a, &it, &f->err));
	it.title = "Budget 2020/21";
	MUST(f, gov_item_update(&f->g, &it, &f->err));
	digest(f, false, open2);
	assert_string_not_equal(open1, open2);
}

static void test_made_then_kept(void **state)
{
	struct fixture *f = *state;
	const struct gov_viewer *sys = test_system(f->partnership);
	struct gov_pack one, two;
	int64_t paper, id, version;
	struct buf pdf;

	paper = add_paper(f, f->open_item, "Budget report", 2);
	add_paper(f, f->open_item, "Audit", 3);
	add_paper(f, f->secret_item, "Child Q chronology", 5);
	MUST(f, gov_paper_add(&f->g, f->meeting, f->open_item, "Notes",
	                      "notes.txt", "Some notes\n", 11, &id, &f->err));

	MUST(f, gov_pack_get(&f->g, sys, f->meeting, false, GOV_PACK_BYTES,
	                     &f->a, &one, &f->err));
	assert_true(one.made);
	assert_non_null(one.bytes);
	assert_int_equal(memcmp(one.bytes, "%PDF", 4), 0);
	/* The front sheet, then 2 + 3 pages; the part-two paper not at all. */
	assert_int_equal(one.npapers, 3);
	assert_int_equal(one.papers[0].first_page, one.pages - 4);
	assert_int_equal(one.papers[1].first_page, one.pages - 2);
	assert_true(one.pages - 5 >= 1);
	/* The text paper: listed as left out, with why. */
	assert_null(one.papers[0].left_out);
	assert_non_null(one.papers[2].left_out);
	assert_non_null(strstr(one.papers[2].left_out, "not included: a text"));
	assert_int_equal(one.papers[2].first_page, 0);

	/* Asked again: kept, the same bytes. */
	MUST(f, gov_pack_get(&f->g, sys, f->meeting, false, GOV_PACK_BYTES,
	                     &f->a, &two, &f->err));
	assert_false(two.made);
	assert_string_equal(two.made_from, one.made_from);
	assert_int_equal(two.size, one.size);
	assert_int_equal(two.pages, one.pages);
	assert_memory_equal(two.bytes, one.bytes, (size_t)one.size);
	/* Without bytes: the figures alone. */
	MUST(f, gov_pack_get(&f->g, sys, f->meeting, false, 0, &f->a, &two,
	                     &f->err));
	assert_false(two.made);
	assert_null(two.bytes);
	assert_int_equal(two.pages, one.pages);
	/* Remade on request. */
	MUST(f, gov_pack_get(&f->g, sys, f->meeting, false, GOV_PACK_REMAKE,
	                     &f->a, &two, &f->err));
	assert_true(two.made);

	/* A new version with more pages: made again, with them. */
	make_pdf(&pdf, 6);
	MUST(f, gov_paper_replace(&f->g, paper, "paper.pdf", pdf.data, pdf.len,
	                          &version, &f->err));
	buf_free(&pdf);
	MUST(f, gov_pack_get(&f->g, sys, f->meeting, false, 0, &f->a, &two,
	                     &f->err));
	assert_true(two.made);
	assert_int_equal(two.pages, one.pages + 4);
	assert_string_not_equal(two.made_from, one.made_from);

	/* The part-two pack: its own, kept apart. */
	MUST(f, gov_pack_get(&f->g, sys, f->meeting, true, 0, &f->a, &two,
	                     &f->err));
	assert_true(two.made);
	assert_int_equal(two.npapers, 1);
	assert_int_equal(two.papers[0].pages, 5);
	MUST(f, gov_pack_get(&f->g, sys, f->meeting, false, 0, &f->a, &one,
	                     &f->err));
	assert_false(one.made); /* the agenda pack still kept beside it */
}

static void test_who_may_have_it(void **state)
{
	struct fixture *f = *state;
	struct gov_viewer public, chair;
	struct gov_pack pk;
	bool yes;

	add_paper(f, f->secret_item, "Child Q chronology", 1);
	gov_viewer_public(&public, f->partnership);
	chair = test_viewer(&f->g, f->partnership, GOV_ROLE_CHAIR, "mem", NULL);
	MUST(f, gov_pack_allowed(&f->g, &public, f->meeting, false, &yes,
	                         &f->err));
	assert_true(yes); /* the agenda is published: the open papers are */
	MUST(f,
	     gov_pack_allowed(&f->g, &public, f->meeting, true, &yes, &f->err));
	assert_false(yes);
	assert_int_equal(gov_pack_get(&f->g, &public, f->meeting, true, 0,
	                              &f->a, &pk, &f->err),
	                 MASA_ERR_NOT_FOUND);
	MUST(f,
	     gov_pack_allowed(&f->g, &chair, f->meeting, true, &yes, &f->err));
	assert_true(yes);
	/* No such meeting: not allowed, no error. */
	MUST(f, gov_pack_allowed(&f->g, &chair, f->meeting + 1000, false, &yes,
	                         &f->err));
	assert_false(yes);
}

/* A paper qpdf will not merge is found and left out, with qpdf's reason;
 * a good one is kept. */
static void test_unmergeable_left_out(void **state)
{
	struct arena a = ARENA_INIT;
	struct work w = {.a = &a};
	struct gov_paper list[2] = {{.title = "Broken"}, {.title = "Good"}};
	struct plan p = {.papers = list, .npapers = 2};
	struct gov_pack_paper papers[2] = {{.pages = 1}, {.pages = 1}};
	struct masa_error err = {0};
	struct buf pdf;

	(void)state;
	snprintf(w.dir, sizeof w.dir, "/tmp/masa-test-pack-XXXXXX");
	assert_non_null(mkdtemp(w.dir));
	assert_int_equal(
	        write_file(paper_path(&w, 0), "%PDF-1.4 broken", 15, &err),
	        MASA_OK);
	make_pdf(&pdf, 1);
	assert_int_equal(write_file(paper_path(&w, 1), pdf.data, pdf.len, &err),
	                 MASA_OK);
	buf_free(&pdf);
	assert_int_equal(find_unmergeable(&w, &p, papers, &err), MASA_OK);
	assert_non_null(papers[0].left_out);
	assert_non_null(strstr(papers[0].left_out, "could not be merged"));
	assert_int_equal(papers[0].pages, 0);
	assert_null(papers[1].left_out);
	assert_int_equal(papers[1].pages, 1);
	work_remove(&w);
	assert_int_equal(access(w.dir, F_OK), -1); /* the folder is gone */
	arena_free(&a);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
	        T(test_digest_moves_with_what_it_is_made_from),
	        T(test_made_then_kept),
	        T(test_who_may_have_it),
	        cmocka_unit_test(test_unmergeable_left_out),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
