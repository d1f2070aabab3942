/*
 * pack: the agenda pack and the part-two pack of a meeting (pack.h).
 *
 * How a pack is made, in a private temporary folder:
 *   1. each PDF paper's current version is written to a file and its pages
 *      counted with `qpdf --show-npages`; one qpdf cannot read is left out,
 *      with qpdf's first line of complaint as the reason;
 *   2. the front sheet is laid out with Pango (the page each paper starts
 *      on depends on how long the front sheet is: laid out again until the
 *      count holds) and drawn with cairo, "Page n of N" at each foot;
 *   3. the stamps for the papers' pages ("Page n of N" alone, on an
 *      otherwise transparent A4 page) are drawn with cairo;
 *   4. `qpdf --empty --pages front p1 p2 ... -- --overlay stamps
 *      --to=K+1-z --` merges them (the overlay is scaled to each page);
 *   5. `qpdf --json` tells the merged file's page objects, and an outline
 *      (one entry per item, under it one per paper) is added to its catalog
 *      with `qpdf --update-from-json`.
 * qpdf, not masa, writes every byte of PDF structure.
 */
#include "gov/pack.h"

#include <cairo-pdf.h>
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <pango/pangocairo.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/date.h"
#include "gov/body.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/paper.h"
#include "gov/partnership.h"
#include "minutes/publish.h"

/* A4 in points and the front sheet's margins. */
#define PAGE_W   595.276
#define PAGE_H   841.890
#define MARGIN_X 56.7
#define TOP      60.0
#define BOTTOM   70.0
#define FONT     "Liberation Sans,Arial,Helvetica,sans-serif"

enum {
	TOOL_SECONDS = 120,
	TOOL_ERR = 1024,
	PACK_MAX_BYTES = 512 * 1024 * 1024,
	JSON_MAX_BYTES = 64 * 1024 * 1024,
};

/* What a pack is made from. */
struct plan {
	struct gov_meeting meeting;
	struct gov_body body;
	const char *host; /* the partnership's first host name, or NULL */
	struct gov_item_row *items;
	size_t nitems;
	struct gov_paper *papers;
	size_t npapers;
};

static bool in_part(bool confidential, bool part_two)
{
	return confidential == part_two;
}

static enum masa_err load_plan(struct gov *g, int64_t meeting_id, bool part_two,
                               struct arena *a, struct plan *p,
                               struct masa_error *err)
{
	struct gov_viewer sys;
	struct gov_item_row *items;
	struct gov_paper *papers;
	struct gov_partnership_host *hosts;
	size_t n, nhosts;
	enum masa_err rc;

	memset(p, 0, sizeof *p);
	if ((rc = gov_meeting_get(g, meeting_id, a, &p->meeting, err)) ||
	    (rc = gov_body_get(g, p->meeting.body_id, a, &p->body, err)))
		return rc;
	gov_viewer_system(&sys, p->meeting.partnership_id);
	if ((rc = gov_partnership_host_list(g, p->meeting.partnership_id, a,
	                                    &hosts, &nhosts, err)))
		return rc;
	p->host = nhosts > 0 ? hosts[0].host : NULL;
	if ((rc = gov_item_rows(g, &sys, meeting_id, a, &items, &n, err)))
		return rc;
	p->items = arena_alloc(a, (n + 1) * sizeof *p->items);
	for (size_t i = 0; i < n; i++)
		if (in_part(items[i].item.confidential, part_two))
			p->items[p->nitems++] = items[i];
	if ((rc = gov_paper_list(g, &sys, meeting_id, a, &papers, &n, err)))
		return rc;
	p->papers = arena_alloc(a, (n + 1) * sizeof *p->papers);
	for (size_t i = 0; i < n; i++)
		if (in_part(papers[i].confidential, part_two))
			p->papers[p->npapers++] = papers[i];
	return MASA_OK;
}

/* The digest */

static void hash_text(crypto_hash_sha256_state *h, const char *text)
{
	/* NULL and "" differ; every field ends with a NUL */
	if (text == NULL)
		crypto_hash_sha256_update(h, (const unsigned char *)"\1", 1);
	else
		crypto_hash_sha256_update(h, (const unsigned char *)text,
		                          strlen(text));
	crypto_hash_sha256_update(h, (const unsigned char *)"", 1);
}

static void hash_int(crypto_hash_sha256_state *h, int64_t v)
{
	char text[24];

	snprintf(text, sizeof text, "%lld", (long long)v);
	hash_text(h, text);
}

static void plan_digest(const struct plan *p, bool part_two,
                        char out[GOV_PACK_DIGEST_HEX])
{
	crypto_hash_sha256_state h;
	unsigned char d[crypto_hash_sha256_BYTES];
	const struct gov_meeting *m = &p->meeting;

	crypto_hash_sha256_init(&h);
	hash_text(&h, "masa pack 1"); /* the layout's version */
	hash_int(&h, m->id);
	hash_int(&h, part_two);
	hash_text(&h, p->body.name);
	hash_text(&h, m->name);
	hash_text(&h, m->date);
	hash_text(&h, m->start_time);
	hash_text(&h, m->end_time);
	hash_text(&h, m->location);
	hash_text(&h, m->status);
	hash_text(&h, p->host);
	for (size_t i = 0; i < p->nitems; i++) {
		const struct gov_item_row *r = &p->items[i];
		hash_int(&h, r->item.id);
		hash_text(&h, r->item.number);
		hash_text(&h, r->item.title);
		hash_text(&h, r->presenter_prefix);
		hash_text(&h, r->presenter_name);
		hash_text(&h, r->item.status);
	}
	for (size_t i = 0; i < p->npapers; i++) {
		const struct gov_paper *q = &p->papers[i];
		hash_int(&h, q->id);
		hash_int(&h, q->item_id);
		hash_text(&h, q->title);
		hash_int(&h, q->current.version);
		hash_text(&h, q->current.sha256);
	}
	crypto_hash_sha256_final(&h, d);
	sodium_bin2hex(out, GOV_PACK_DIGEST_HEX, d, sizeof d);
}

enum masa_err gov_pack_digest(struct gov *g, int64_t meeting_id, bool part_two,
                              char out[GOV_PACK_DIGEST_HEX],
                              struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct plan p;
	enum masa_err rc = load_plan(g, meeting_id, part_two, &a, &p, err);

	if (rc == MASA_OK)
		plan_digest(&p, part_two, out);
	arena_free(&a);
	return rc;
}

enum masa_err gov_pack_allowed(struct gov *g, const struct gov_viewer *v,
                               int64_t meeting_id, bool part_two, bool *yes,
                               struct masa_error *err)
{
	enum masa_err rc;

	*yes = false;
	if (part_two) {
		struct arena a = ARENA_INIT;
		struct plan p;
		rc = gov_may_see_confidential(g, v, meeting_id, yes, err);
		if (rc == MASA_OK && *yes) {
			rc = load_plan(g, meeting_id, true, &a, &p, err);
			*yes = rc == MASA_OK && p.nitems > 0;
		}
		arena_free(&a);
	} else {
		rc = gov_may_see_papers(g, v, meeting_id, yes, err);
	}
	if (rc == MASA_ERR_NOT_FOUND) {
		*yes = false;
		rc = MASA_OK;
	}
	return rc;
}

/* Files in the pack's folder */

struct work {
	char dir[256];
	struct arena *a;
	char errtext[TOOL_ERR];
};

static const char *work_path(struct work *w, const char *name)
{
	return arena_printf(w->a, "%s/%s", w->dir, name);
}

static enum masa_err write_file(const char *path, const void *bytes,
                                size_t size, struct masa_error *err)
{
	FILE *f = fopen(path, "wb");
	bool ok;

	if (f == NULL)
		return masa_error_set(err, MASA_ERR_IO,
		                      "pack: cannot write %s: %s", path,
		                      strerror(errno));
	ok = fwrite(bytes, 1, size, f) == size;
	ok = fclose(f) == 0 && ok;
	return ok ? MASA_OK
	          : masa_error_set(err, MASA_ERR_IO, "pack: cannot write %s",
	                           path);
}

static enum masa_err read_file(const char *path, struct buf *b,
                               struct masa_error *err)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;
	enum masa_err rc = MASA_OK;

	if (f == NULL)
		return masa_error_set(err, MASA_ERR_IO,
		                      "pack: cannot read %s: %s", path,
		                      strerror(errno));
	while (rc == MASA_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		rc = buf_append(b, chunk, n, err);
	fclose(f);
	return rc;
}

static void work_remove(struct work *w)
{
	DIR *d = opendir(w->dir);
	struct dirent *e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			unlink(work_path(w, e->d_name));
	closedir(d);
	rmdir(w->dir);
}

/* Runs qpdf with argv; its output into out (may be NULL). */
static enum masa_err qpdf(struct work *w, char **argv, struct buf *out,
                          int *status, struct masa_error *err)
{
	return gov_paper_run(argv, TOOL_SECONDS, out, w->errtext,
	                     sizeof w->errtext, status, err);
}

/*
 * What qpdf said, for a reason: its last "qpdf: " line (its error; the
 * lines before are warnings), without the temporary file's name.
 */
static const char *qpdf_reason(struct arena *a, const char *text)
{
	const char *start = text, *p, *nl;
	size_t len;

	for (p = text; (p = strstr(p, "qpdf: ")) != NULL; p++)
		if (p == text || p[-1] == '\n')
			start = p + 6;
	p = strstr(start, ".pdf: ");
	nl = strchr(start, '\n');
	if (p != NULL && (nl == NULL || p < nl))
		start = p + 6;
	nl = strchr(start, '\n');
	len = nl ? (size_t)(nl - start) : strlen(start);
	if (len > 200)
		len = 200;
	return len > 0 ? arena_strndup(a, start, len)
	               : "qpdf could not read it";
}

/* "Word document" for a paper's media type. */
static const char *kind_label(const char *media_type)
{
	static const struct {
		const char *part, *label;
	} kinds[] = {
	        {"pdf", "PDF"},
	        {"wordprocessing", "Word document"},
	        {"msword", "Word document"},
	        {"spreadsheet", "spreadsheet"},
	        {"ms-excel", "spreadsheet"},
	        {"presentation", "presentation"},
	        {"powerpoint", "presentation"},
	        {"opendocument.text", "OpenDocument text"},
	        {"text/plain", "text file"},
	};

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (media_type && strstr(media_type, kinds[i].part))
			return kinds[i].label;
	return "file";
}

/* The file of paper i in the pack's folder. */
static char *paper_path(struct work *w, size_t i)
{
	return (char *)work_path(w, arena_printf(w->a, "p%zu.pdf", i));
}

/* Step 1: the papers, written out and counted. */
static enum masa_err prepare_papers(struct gov *g, struct work *w,
                                    const struct plan *p,
                                    struct gov_pack_paper *out,
                                    struct masa_error *err)
{
	struct gov_viewer sys;
	enum masa_err rc = MASA_OK;

	gov_viewer_system(&sys, p->meeting.partnership_id);
	for (size_t i = 0; i < p->npapers && rc == MASA_OK; i++) {
		const struct gov_paper *q = &p->papers[i];
		struct gov_pack_paper *o = &out[i];
		struct gov_paper_version v;
		const void *bytes;
		const char *path =
		        work_path(w, arena_printf(w->a, "p%zu.pdf", i));
		struct buf pages;
		int status;

		o->paper_id = q->id;
		o->title = q->title;
		o->item_number = q->item_number;
		o->kind = kind_label(q->current.media_type);
		if (strcmp(o->kind, "PDF") != 0) {
			o->left_out = arena_printf(
			        w->a,
			        "not included: a%s %s; download it from the "
			        "meeting page",
			        strchr("aeiouAEIOU", o->kind[0]) ? "n" : "",
			        o->kind);
			continue;
		}
		rc = gov_paper_file(g, &sys, q->id, 0, w->a, &v, &bytes, err);
		if (rc == MASA_OK)
			rc = write_file(path, bytes, (size_t)v.size, err);
		if (rc != MASA_OK)
			break;
		buf_init(&pages, 64);
		{
			char *argv[] = {"qpdf", "--warning-exit-0",
			                "--show-npages", (char *)path, NULL};
			rc = qpdf(w, argv, &pages, &status, err);
		}
		if (rc == MASA_OK && status == 0)
			o->pages = strtoll(buf_str(&pages), NULL, 10);
		if (rc == MASA_OK && o->pages <= 0)
			o->left_out = arena_printf(
			        w->a,
			        "not included: the PDF could not be read (%s)",
			        qpdf_reason(w->a, w->errtext));
		buf_free(&pages);
	}
	return rc;
}

/* Steps 2 and 3: the front sheet and the stamps */

struct line {
	PangoLayout *layout;
	double x, above, height;
	const char *link; /* an address to open, or NULL */
	int page;
	double y;
};

struct sheet {
	cairo_t *cr;
	struct arena *a;
	struct line *lines;
	size_t n, cap;
	int pages;
};

/* text as Pango markup, in a */
static const char *esc(struct arena *a, const char *text)
{
	struct masa_error err = {0};
	struct buf b;
	const char *out = "";

	buf_init(&b, 1024 * 1024);
	if (text != NULL &&
	    publish_markup_escape(&b, text, strlen(text), &err) == MASA_OK)
		out = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return out;
}

static PangoLayout *layout(cairo_t *cr, double size, bool bold, double width,
                           const char *markup)
{
	PangoLayout *l = pango_cairo_create_layout(cr);
	PangoFontDescription *fd = pango_font_description_from_string(FONT);

	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_markup(l, markup, -1);
	return l;
}

static void add(struct sheet *s, double size, bool bold, double x, double above,
                const char *link, const char *markup)
{
	struct line *l;
	int w, h;

	s->lines =
	        arena_grow(s->a, s->lines, s->n, &s->cap, sizeof *s->lines, 32);
	l = &s->lines[s->n++];
	memset(l, 0, sizeof *l);
	l->layout =
	        layout(s->cr, size, bold, PAGE_W - 2 * MARGIN_X - x, markup);
	pango_layout_get_size(l->layout, &w, &h);
	l->x = x;
	l->above = above;
	l->height = (double)h / PANGO_SCALE;
	l->link = link;
}

static void sheet_clear(struct sheet *s)
{
	for (size_t i = 0; i < s->n; i++)
		g_object_unref(s->lines[i].layout);
	s->n = 0;
}

static const char *page_word(int64_t n)
{
	return n == 1 ? "page" : "pages";
}

/* One paper's lines on the front sheet. */
static void paper_lines(struct sheet *s, const struct plan *p,
                        const struct gov_pack_paper *o)
{
	struct arena *a = s->a;
	const char *href =
	        p->host ? arena_printf(a, "https://%s/papers/%lld", p->host,
	                               (long long)o->paper_id)
	                : NULL;

	if (o->left_out == NULL) {
		add(s, 10.5, false, 18, 3, NULL,
		    arena_printf(a, "%s: page %lld (%lld %s)", esc(a, o->title),
		                 (long long)o->first_page, (long long)o->pages,
		                 page_word(o->pages)));
		return;
	}
	add(s, 10.5, false, 18, 3, href,
	    arena_printf(a, "%s: <i>%s</i>", esc(a, o->title),
	                 esc(a, o->left_out)));
	add(s, 9, false, 30, 1, href,
	    esc(a,
	        href ? href
	             : arena_printf(a, "/papers/%lld on the partnership's site",
	                            (long long)o->paper_id)));
}

static void sheet_content(struct sheet *s, const struct plan *p, bool part_two,
                          const struct gov_pack_paper *papers, int64_t total)
{
	struct arena *a = s->a;
	const struct gov_meeting *m = &p->meeting;
	const char *date = publish_date_long(a, m->date);
	bool any = false;

	add(s, 18, true, 0, 0, NULL, esc(a, p->body.name));
	add(s, 14, true, 0, 6, NULL,
	    esc(a, m->name && *m->name ? m->name : "Meeting"));
	if (part_two)
		add(s, 12, true, 0, 8, NULL,
		    "Part two: not for publication. The press and public are "
		    "excluded from these items; do not pass this pack on.");
	add(s, 11, false, 0, 10, NULL,
	    arena_printf(a, "<b>Date:</b> %s", esc(a, date ? date : m->date)));
	if (m->start_time != NULL)
		add(s, 11, false, 0, 3, NULL,
		    arena_printf(a, "<b>Time:</b> %s%s%s",
		                 esc(a, publish_time(a, m->start_time)),
		                 m->end_time ? " to " : "",
		                 m->end_time
		                         ? esc(a, publish_time(a, m->end_time))
		                         : ""));
	if (m->location != NULL)
		add(s, 11, false, 0, 3, NULL,
		    arena_printf(a, "<b>Place:</b> %s", esc(a, m->location)));
	if (m->status != NULL && strcmp(m->status, "cancelled") == 0)
		add(s, 11, true, 0, 3, NULL, "This meeting is cancelled.");
	add(s, 11, false, 0, 3, NULL,
	    arena_printf(a, "<b>%s:</b> %lld %s",
	                 part_two ? "Part-two pack" : "Agenda pack",
	                 (long long)total, page_word(total)));
	add(s, 14, true, 0, 16, NULL,
	    part_two ? "Part two of the agenda" : "Agenda");
	for (size_t i = 0; i < p->npapers; i++)
		if (p->papers[i].item_id == 0) {
			if (!any)
				add(s, 11, true, 0, 10, NULL,
				    "Papers for the meeting");
			any = true;
			paper_lines(s, p, &papers[i]);
		}
	for (size_t i = 0; i < p->nitems; i++) {
		const struct gov_item_row *r = &p->items[i];
		const char *status = r->item.status;
		add(s, 11, true, 0, 10, NULL,
		    arena_printf(a, "%s  %s%s", esc(a, r->item.number),
		                 esc(a, r->item.title),
		                 status && strcmp(status, "withdrawn") == 0
		                         ? " (withdrawn)"
		                 : status && strcmp(status, "deferred") == 0
		                         ? " (deferred)"
		                         : ""));
		if (r->presenter_name != NULL)
			add(s, 10, false, 18, 2, NULL,
			    arena_printf(a, "Presented by %s%s%s",
			                 esc(a, r->presenter_prefix),
			                 r->presenter_prefix ? " " : "",
			                 esc(a, r->presenter_name)));
		for (size_t j = 0; j < p->npapers; j++)
			if (p->papers[j].item_id == r->item.id)
				paper_lines(s, p, &papers[j]);
	}
	if (p->nitems == 0 && !any)
		add(s, 11, false, 0, 10, NULL,
		    part_two ? "There are no part-two items."
		             : "There are no items on the agenda yet.");
}

/* Places the lines on pages; the number of pages. */
static int paginate(struct sheet *s)
{
	int page = 0;
	double y = TOP;

	for (size_t i = 0; i < s->n; i++) {
		struct line *l = &s->lines[i];
		if (y > TOP)
			y += l->above;
		if (y + l->height > PAGE_H - BOTTOM && y > TOP) {
			page++;
			y = TOP;
		}
		l->page = page;
		l->y = y;
		y += l->height;
	}
	return page + 1;
}

/* "Page n of N" at the foot of the page, on white. */
static void stamp(cairo_t *cr, int64_t n, int64_t total)
{
	char text[64];
	PangoLayout *l;
	int w, h;
	double x, y;

	snprintf(text, sizeof text, "Page %lld of %lld", (long long)n,
	         (long long)total);
	l = layout(cr, 8.5, false, 200, text);
	pango_layout_get_size(l, &w, &h);
	x = PAGE_W - 28 - (double)w / PANGO_SCALE;
	y = PAGE_H - 22 - (double)h / PANGO_SCALE;
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_rectangle(cr, x - 4, y - 2, (double)w / PANGO_SCALE + 8,
	                (double)h / PANGO_SCALE + 4);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

static enum masa_err surface_done(cairo_surface_t *surface, cairo_t *cr,
                                  struct masa_error *err)
{
	cairo_status_t st = cairo_status(cr);

	cairo_destroy(cr);
	cairo_surface_finish(surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	return st == CAIRO_STATUS_SUCCESS
	               ? MASA_OK
	               : masa_error_set(err, MASA_ERR_IO,
	                                "pack: cairo could not draw: %s",
	                                cairo_status_to_string(st));
}

/*
 * Draws the front sheet to path; *front gets its pages. The papers' first
 * pages are set in papers, which count on the front sheet's length: laid
 * out again until it holds.
 */
static enum masa_err draw_front(struct work *w, const char *path,
                                const struct plan *p, bool part_two,
                                struct gov_pack_paper *papers, int64_t *front,
                                int64_t *total, struct masa_error *err)
{
	cairo_surface_t *surface =
	        cairo_pdf_surface_create(path, PAGE_W, PAGE_H);
	struct sheet s = {.cr = cairo_create(surface), .a = w->a};
	int k = 1;

	for (int tries = 0; tries < 5; tries++) {
		int64_t page;
		sheet_clear(&s);
		page = k + 1;
		for (size_t i = 0; i < p->npapers; i++) {
			papers[i].first_page = papers[i].left_out ? 0 : page;
			if (papers[i].left_out == NULL)
				page += papers[i].pages;
		}
		*total = page - 1;
		sheet_content(&s, p, part_two, papers, *total);
		s.pages = paginate(&s);
		if (s.pages == k)
			break;
		k = s.pages;
	}
	*front = s.pages;
	for (int page = 0; page < s.pages; page++) {
		for (size_t i = 0; i < s.n; i++) {
			const struct line *l = &s.lines[i];
			if (l->page != page)
				continue;
			if (l->link != NULL)
				cairo_tag_begin(s.cr, CAIRO_TAG_LINK,
				                arena_printf(w->a, "uri='%s'",
				                             l->link));
			cairo_move_to(s.cr, MARGIN_X + l->x, l->y);
			pango_cairo_show_layout(s.cr, l->layout);
			if (l->link != NULL)
				cairo_tag_end(s.cr, CAIRO_TAG_LINK);
		}
		stamp(s.cr, page + 1, *total);
		cairo_show_page(s.cr);
	}
	sheet_clear(&s);
	return surface_done(surface, s.cr, err);
}

/* The stamps of pages from..total, one A4 page each. */
static enum masa_err draw_stamps(const char *path, int64_t from, int64_t total,
                                 struct masa_error *err)
{
	cairo_surface_t *surface =
	        cairo_pdf_surface_create(path, PAGE_W, PAGE_H);
	cairo_t *cr = cairo_create(surface);

	for (int64_t n = from; n <= total; n++) {
		stamp(cr, n, total);
		cairo_show_page(cr);
	}
	return surface_done(surface, cr, err);
}

/* Steps 4 and 5: merging, and the outline */

struct entry {
	const char *title;
	int64_t page; /* from 1 */
	int parent;   /* an entry's index, or -1: the outline's top */
};

static int add_entry(struct entry *e, int *n, const char *title, int64_t page,
                     int parent)
{
	e[*n] = (struct entry){.title = title, .page = page, .parent = parent};
	return (*n)++;
}

/* The outline's entries: the front sheet, then each item with its papers. */
static int outline_entries(struct arena *a, const struct plan *p,
                           const struct gov_pack_paper *papers, struct entry *e)
{
	int n = 0, group = -1;

	add_entry(e, &n, "Front sheet and agenda", 1, -1);
	for (size_t i = 0; i < p->npapers; i++) {
		if (p->papers[i].item_id != 0 || papers[i].left_out != NULL)
			continue;
		if (group < 0)
			group = add_entry(e, &n, "Papers for the meeting",
			                  papers[i].first_page, -1);
		add_entry(e, &n, papers[i].title, papers[i].first_page, group);
	}
	for (size_t i = 0; i < p->nitems; i++) {
		const struct gov_item *it = &p->items[i].item;
		int item = add_entry(
		        e, &n, arena_printf(a, "%s  %s", it->number, it->title),
		        1, -1);
		for (size_t j = 0; j < p->npapers; j++) {
			if (p->papers[j].item_id != it->id ||
			    papers[j].left_out != NULL)
				continue;
			if (e[item].page == 1)
				e[item].page = papers[j].first_page;
			add_entry(e, &n, papers[j].title, papers[j].first_page,
			          item);
		}
	}
	return n;
}

static const char *ref(struct arena *a, int64_t object)
{
	return arena_printf(a, "%lld 0 R", (long long)object);
}

/*
 * The JSON that adds the outline to the merged file whose qpdf JSON is
 * merged (its pages and objects); NULL if that JSON is not as expected.
 */
static json_t *outline_update(struct arena *a, json_t *merged,
                              const struct entry *e, int n)
{
	json_t *pages = json_object_get(merged, "pages");
	json_t *qpdf = json_object_get(merged, "qpdf");
	json_t *head = json_array_get(qpdf, 0),
	       *objects = json_array_get(qpdf, 1);
	json_t *trailer =
	        json_object_get(json_object_get(objects, "trailer"), "value");
	const char *root = json_string_value(json_object_get(trailer, "/Root"));
	json_int_t max =
	        json_integer_value(json_object_get(head, "maxobjectid"));
	json_t *catalog, *update;
	int64_t top = max + 1;

	if (!json_is_array(pages) || root == NULL || max <= 0)
		return NULL;
	catalog = json_object_get(
	        json_object_get(objects, arena_printf(a, "obj:%s", root)),
	        "value");
	if (!json_is_object(catalog))
		return NULL;
	catalog = json_deep_copy(catalog);
	json_object_set_new(catalog, "/Outlines", json_string(ref(a, top)));
	json_object_set_new(catalog, "/PageMode", json_string("/UseOutlines"));
	update = json_object();
	json_object_set_new(update, arena_printf(a, "obj:%s", root),
	                    json_pack("{s:o}", "value", catalog));
	/* The top, then entry i as object top + 1 + i. */
	{
		json_t *t = json_pack("{s:s}", "/Type", "/Outlines");
		int first = -1, last = -1, count = 0;
		for (int i = 0; i < n; i++)
			if (e[i].parent < 0) {
				if (first < 0)
					first = i;
				last = i;
			}
		count = n;
		if (first >= 0) {
			json_object_set_new(
			        t, "/First",
			        json_string(ref(a, top + 1 + first)));
			json_object_set_new(
			        t, "/Last",
			        json_string(ref(a, top + 1 + last)));
			json_object_set_new(t, "/Count", json_integer(count));
		}
		json_object_set_new(update,
		                    arena_printf(a, "obj:%s", ref(a, top)),
		                    json_pack("{s:o}", "value", t));
	}
	for (int i = 0; i < n; i++) {
		json_t *page = json_array_get(pages, (size_t)(e[i].page - 1));
		const char *object =
		        json_string_value(json_object_get(page, "object"));
		json_t *v;
		int prev = -1, next = -1, first = -1, last = -1, kids = 0;

		if (object == NULL) {
			json_decref(update);
			return NULL;
		}
		for (int j = i - 1; j >= 0 && prev < 0; j--)
			if (e[j].parent == e[i].parent)
				prev = j;
		for (int j = i + 1; j < n && next < 0; j++)
			if (e[j].parent == e[i].parent)
				next = j;
		for (int j = 0; j < n; j++)
			if (e[j].parent == i) {
				if (first < 0)
					first = j;
				last = j;
				kids++;
			}
		v = json_pack(
		        "{s:s, s:s, s:[s, s]}", "/Title",
		        arena_printf(a, "u:%s", e[i].title), "/Parent",
		        ref(a, e[i].parent < 0 ? top : top + 1 + e[i].parent),
		        "/Dest", object, "/Fit");
		if (prev >= 0)
			json_object_set_new(
			        v, "/Prev",
			        json_string(ref(a, top + 1 + prev)));
		if (next >= 0)
			json_object_set_new(
			        v, "/Next",
			        json_string(ref(a, top + 1 + next)));
		if (first >= 0) {
			json_object_set_new(
			        v, "/First",
			        json_string(ref(a, top + 1 + first)));
			json_object_set_new(
			        v, "/Last",
			        json_string(ref(a, top + 1 + last)));
			json_object_set_new(v, "/Count", json_integer(kids));
		}
		json_object_set_new(
		        update, arena_printf(a, "obj:%s", ref(a, top + 1 + i)),
		        json_pack("{s:o}", "value", v));
	}
	return json_pack("{s:[{s:i, s:b, s:b, s:I}, o]}", "qpdf", "jsonversion",
	                 2, "pushedinheritedpageresources", 0,
	                 "calledgetallpages", 0, "maxobjectid",
	                 (json_int_t)(top + n), update);
}

/*
 * qpdf --empty --pages FRONT P... -- [--overlay STAMPS --to=K+1-z --] OUT:
 * the front sheet and the papers not left out, the stamps (NULL: none) laid
 * over the papers' pages; qpdf's exit status in *status.
 */
static enum masa_err merge(struct work *w, const struct plan *p,
                           const struct gov_pack_paper *papers,
                           const char *front, const char *stamps,
                           int64_t nfront, const char *out, int *status,
                           struct masa_error *err)
{
	char **argv = arena_alloc(w->a, (p->npapers + 16) * sizeof *argv);
	int n = 0;

	argv[n++] = "qpdf";
	argv[n++] = "--warning-exit-0";
	argv[n++] = "--empty";
	argv[n++] = "--pages";
	argv[n++] = (char *)front;
	for (size_t i = 0; i < p->npapers; i++)
		if (papers[i].left_out == NULL && papers[i].pages > 0)
			argv[n++] = paper_path(w, i);
	argv[n++] = "--";
	if (stamps != NULL) {
		argv[n++] = "--overlay";
		argv[n++] = (char *)stamps;
		argv[n++] = arena_printf(w->a, "--to=%lld-z",
		                         (long long)nfront + 1);
		argv[n++] = "--";
	}
	argv[n++] = (char *)out;
	argv[n] = NULL;
	return qpdf(w, argv, NULL, status, err);
}

/* Leaves out, with qpdf's reason, each paper that will not merge alone. */
static enum masa_err find_unmergeable(struct work *w, const struct plan *p,
                                      struct gov_pack_paper *papers,
                                      struct masa_error *err)
{
	const char *out = work_path(w, "alone.pdf");
	enum masa_err rc = MASA_OK;

	for (size_t i = 0; i < p->npapers && rc == MASA_OK; i++) {
		char *argv[] = {"qpdf",           "--warning-exit-0",
		                "--empty",        "--pages",
		                paper_path(w, i), "--",
		                (char *)out,      NULL};
		int status;
		if (papers[i].left_out != NULL)
			continue;
		rc = qpdf(w, argv, NULL, &status, err);
		if (rc == MASA_OK && status != 0) {
			papers[i].left_out =
			        arena_printf(w->a,
			                     "not included: the PDF could not "
			                     "be merged (%s)",
			                     qpdf_reason(w->a, w->errtext));
			papers[i].pages = 0;
		}
	}
	return rc;
}

/* Makes the pack of plan p into out; its papers' fate into papers. */
static enum masa_err make(struct gov *g, const struct plan *p, bool part_two,
                          struct arena *a, struct buf *out,
                          struct gov_pack_paper *papers, int64_t *pages,
                          struct masa_error *err)
{
	const char *tmp = getenv("TMPDIR");
	struct work w = {.a = a};
	const char *front, *stamps, *merged, *update, *pack;
	int64_t nfront = 0, total = 0;
	struct buf json = {0};
	json_t *doc = NULL, *upd = NULL;
	struct entry *entries;
	int status, nentries;
	enum masa_err rc;

	snprintf(w.dir, sizeof w.dir, "%s/masa-pack-XXXXXX",
	         tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(w.dir) == NULL)
		return masa_error_set(
		        err, MASA_ERR_IO,
		        "pack: cannot make a temporary folder: %s",
		        strerror(errno));
	front = work_path(&w, "front.pdf");
	stamps = work_path(&w, "stamps.pdf");
	merged = work_path(&w, "merged.pdf");
	update = work_path(&w, "outline.json");
	pack = work_path(&w, "pack.pdf");
	if ((rc = prepare_papers(g, &w, p, papers, err)))
		goto out;
	/*
	 * A paper qpdf can count but not merge (rare: its page count was read,
	 * a page's objects are broken) is found by merging each alone, left
	 * out with why, and the pack made again without it.
	 */
	for (int attempt = 0; attempt < 2; attempt++) {
		if ((rc = draw_front(&w, front, p, part_two, papers, &nfront,
		                     &total, err)) ||
		    (total > nfront &&
		     (rc = draw_stamps(stamps, nfront + 1, total, err))) ||
		    (rc = merge(&w, p, papers, front,
		                total > nfront ? stamps : NULL, nfront, merged,
		                &status, err)))
			goto out;
		if (status == 0 || attempt > 0)
			break;
		if ((rc = find_unmergeable(&w, p, papers, err)))
			goto out;
	}
	if (status != 0) {
		rc = masa_error_set(err, MASA_ERR_IO,
		                    "pack: qpdf could not merge the papers: %s",
		                    qpdf_reason(a, w.errtext));
		goto out;
	}
	buf_init(&json, JSON_MAX_BYTES);
	{
		char *argv[] = {"qpdf",
		                "--json",
		                "--json-key=pages",
		                "--json-key=qpdf",
		                (char *)merged,
		                NULL};
		if ((rc = qpdf(&w, argv, &json, &status, err)))
			goto out;
	}
	doc = json_loadb(json.data ? json.data : "", json.len, 0, NULL);
	entries = arena_alloc(a, (p->nitems + 2 * p->npapers + 2) *
	                                 sizeof *entries);
	nentries = outline_entries(a, p, papers, entries);
	upd = doc && status == 0 ? outline_update(a, doc, entries, nentries)
	                         : NULL;
	if (upd == NULL) {
		rc = masa_error_set(err, MASA_ERR_IO,
		                    "pack: qpdf did not describe the merged "
		                    "pack: %s",
		                    qpdf_reason(a, w.errtext));
		goto out;
	}
	*pages = (int64_t)json_array_size(json_object_get(doc, "pages"));
	if (json_dump_file(upd, update, JSON_COMPACT) != 0) {
		rc = masa_error_set(err, MASA_ERR_IO, "pack: cannot write %s",
		                    update);
		goto out;
	}
	{
		char *argv[] = {
		        "qpdf",
		        "--warning-exit-0",
		        arena_printf(a, "--update-from-json=%s", update),
		        (char *)merged,
		        (char *)pack,
		        NULL};
		if ((rc = qpdf(&w, argv, NULL, &status, err)))
			goto out;
		if (status != 0) {
			rc = masa_error_set(err, MASA_ERR_IO,
			                    "pack: qpdf could not add the "
			                    "bookmarks: %s",
			                    qpdf_reason(a, w.errtext));
			goto out;
		}
	}
	rc = read_file(pack, out, err);
out:
	json_decref(doc);
	json_decref(upd);
	buf_free(&json);
	work_remove(&w);
	return rc;
}

/* Keeping */

static const char SQL_KEPT[] =
        "SELECT made_from, made_at, pages, size FROM pack WHERE meeting_id = "
        "?1 AND part_two = ?2";
static const char SQL_KEPT_BYTES[] =
        "SELECT made_from, made_at, pages, size, content FROM pack WHERE "
        "meeting_id = ?1 AND part_two = ?2";
static const char SQL_DROP[] =
        "DELETE FROM pack WHERE meeting_id = ?1 AND part_two = ?2";
static const char SQL_KEEP[] =
        "INSERT INTO pack (meeting_id, part_two, made_from, made_at, pages, "
        "size, content) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

/* The kept pack into out if it was made from made_from (out->made_at set). */
static enum masa_err kept(struct gov *g, int64_t meeting_id, bool part_two,
                          const char *made_from, bool bytes, struct arena *a,
                          struct gov_pack *out, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	rc = store_prepare(g->store, bytes ? SQL_KEPT_BYTES : SQL_KEPT, &st,
	                   err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, meeting_id);
	store_bind_int(st, 2, part_two);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row &&
	    strcmp(store_column_text(st, 0), made_from) == 0) {
		out->made_at = arena_strdup(a, store_column_text(st, 1));
		out->pages = store_column_int(st, 2);
		out->size = store_column_int(st, 3);
		if (bytes) {
			size_t size;
			const void *b = store_column_blob(st, 4, &size);
			void *copy = arena_alloc(a, size ? size : 1);
			if (size > 0)
				memcpy(copy, b, size);
			out->bytes = copy;
			out->size = (int64_t)size;
		}
	}
	store_done(st);
	return rc;
}

static enum masa_err keep(struct gov *g, const struct gov_pack *pk,
                          const struct buf *pdf, struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc = gov_begin(g, err);

	if (rc != MASA_OK)
		return rc;
	rc = store_prepare(g->store, SQL_DROP, &st, err);
	if (rc == MASA_OK) {
		store_bind_int(st, 1, pk->meeting_id);
		store_bind_int(st, 2, pk->part_two);
		rc = store_run(st, NULL, err);
	}
	if (rc == MASA_OK)
		rc = store_prepare(g->store, SQL_KEEP, &st, err);
	if (rc == MASA_OK) {
		store_bind_int(st, 1, pk->meeting_id);
		store_bind_int(st, 2, pk->part_two);
		store_bind_text(st, 3, pk->made_from);
		store_bind_text(st, 4, pk->made_at);
		store_bind_int(st, 5, pk->pages);
		store_bind_int(st, 6, (int64_t)pdf->len);
		store_bind_blob(st, 7, pdf->data, pdf->len);
		rc = store_run(st, NULL, err);
	}
	return gov_end(g, rc, err);
}

enum masa_err gov_pack_get(struct gov *g, const struct gov_viewer *v,
                           int64_t meeting_id, bool part_two, unsigned want,
                           struct arena *a, struct gov_pack *out,
                           struct masa_error *err)
{
	struct plan p;
	struct buf pdf = {0};
	char at[21];
	bool yes;
	enum masa_err rc;

	memset(out, 0, sizeof *out);
	out->meeting_id = meeting_id;
	out->part_two = part_two;
	if ((rc = gov_pack_allowed(g, v, meeting_id, part_two, &yes, err)))
		return rc;
	if (!yes)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "pack: no such pack");
	if ((rc = load_plan(g, meeting_id, part_two, a, &p, err)))
		return rc;
	plan_digest(&p, part_two, out->made_from);
	if (!(want & GOV_PACK_REMAKE) &&
	    ((rc = kept(g, meeting_id, part_two, out->made_from,
	                want & GOV_PACK_BYTES, a, out, err)) ||
	     out->made_at != NULL))
		return rc;
	out->papers = arena_alloc(a, (p.npapers + 1) * sizeof *out->papers);
	memset(out->papers, 0, (p.npapers + 1) * sizeof *out->papers);
	out->npapers = p.npapers;
	buf_init(&pdf, PACK_MAX_BYTES);
	rc = make(g, &p, part_two, a, &pdf, out->papers, &out->pages, err);
	timestamp_now(at);
	out->made_at = arena_strdup(a, at);
	out->size = (int64_t)pdf.len;
	out->made = true;
	if (rc == MASA_OK)
		rc = keep(g, out, &pdf, err);
	if (rc == MASA_OK && (want & GOV_PACK_BYTES)) {
		void *copy = arena_alloc(a, pdf.len ? pdf.len : 1);
		if (pdf.len > 0)
			memcpy(copy, pdf.data, pdf.len);
		out->bytes = copy;
	}
	buf_free(&pdf);
	return rc;
}
