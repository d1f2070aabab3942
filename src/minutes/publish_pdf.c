/*
 * publish_pdf: the minutes as an A4 PDF, laid out with Pango and drawn with
 * cairo. The document is first turned into blocks (paragraphs and table
 * rows), each a Pango layout already wrapped to its width; the blocks are
 * then placed on pages (a paragraph may break between its lines, keeping
 * two lines together on each side; a table row never breaks and a table
 * that goes on to a new page repeats its heading row; a heading stays with
 * what follows it), and only then drawn, so the "Page N of M" footers know
 * M. Each page has a running header with the body's name and the meeting's
 * date.
 *
 * Stored text reaches Pango only through publish_markup_escape(): the
 * markup around it is masa's own. Minutes (Markdown) are read with cmark
 * and their structure turned into markup the same way; raw HTML in them is
 * shown as the text it is.
 */
#include <cairo-pdf.h>
#include <cmark.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "minutes/publish.h"

/* A4 in points, and the page's furniture. */
#define PAGE_W        595.276
#define PAGE_H        841.890
#define MARGIN_X      56.7
#define MARGIN_TOP    72.0
#define MARGIN_BOTTOM 64.0
#define CONTENT_W     (PAGE_W - 2 * MARGIN_X)
#define CELL_PAD      3.5
#define FONT          "Liberation Sans"

enum { MAX_COLS = 5 };

enum block_kind { BLOCK_PARA, BLOCK_ROW };

struct block {
	enum block_kind kind;
	double x, width;    /* paragraph: indent and width */
	double space_above; /* dropped at the top of a page */
	bool keep_with_next;
	bool heading_row;  /* a table's heading (shaded, repeated) */
	int table_heading; /* for a row: its table's heading block, or -1 */
	int ncols;
	double col_x[MAX_COLS], col_w[MAX_COLS];
	PangoLayout *cells[MAX_COLS]; /* a paragraph uses cells[0] */
	double height;
	int nlines;
	double *line_top; /* paragraph: top of each line, and the end */
};

/* Where a block, or some of a paragraph's lines, goes. */
struct placement {
	int block;
	int page;
	double y;
	int first_line, end_line; /* paragraphs */
};

struct pdf {
	struct arena arena;
	PangoContext *pango;
	struct block *blocks;
	size_t nblocks, capblocks;
	struct placement *places;
	size_t nplaces, capplaces;
	int pages;
	struct buf markup; /* scratch for building markup */
	struct masa_error *err;
	enum masa_err rc;
	struct buf *out;
};

/* markup helpers: the first failure sticks */

static void mk(struct pdf *p, const char *literal)
{
	if (p->rc == MASA_OK)
		p->rc = buf_puts(&p->markup, literal, p->err);
}

static void mk_text(struct pdf *p, const char *text)
{
	if (p->rc == MASA_OK && text)
		p->rc = publish_markup_escape(&p->markup, text, strlen(text),
		                              p->err);
}

static void mk_textf(struct pdf *p, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
static void mk_textf(struct pdf *p, const char *fmt, ...)
{
	va_list ap;
	char small[1024];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		mk_text(p, small);
		return;
	}
	char *big = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	mk_text(p, big);
	free(big);
}

/* A layout of the markup built so far (then emptied), wrapped to width. */
static PangoLayout *take_layout(struct pdf *p, double width, double size,
                                bool bold)
{
	PangoLayout *l = pango_layout_new(p->pango);
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, FONT ",Arial,Helvetica,sans-"
	                                           "serif");
	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, PANGO_ALIGN_LEFT);
	pango_layout_set_spacing(l, (int)(size * 0.2 * PANGO_SCALE));
	pango_layout_set_markup(l, buf_str(&p->markup), -1);
	buf_reset(&p->markup);
	return l;
}

static struct block *new_block(struct pdf *p, enum block_kind kind)
{
	struct block *b;

	if (p->nblocks == p->capblocks) {
		p->capblocks = p->capblocks ? 2 * p->capblocks : 256;
		p->blocks =
		        xrealloc(p->blocks, p->capblocks * sizeof *p->blocks);
	}
	b = &p->blocks[p->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->table_heading = -1;
	return b;
}

/* Ends a paragraph: the markup so far, at indent, in size (points). */
static void para(struct pdf *p, double indent, double size, bool bold,
                 double space_above, bool keep_with_next)
{
	struct block *b;
	PangoLayoutIter *it;
	int i = 0;

	if (p->rc)
		return;
	b = new_block(p, BLOCK_PARA);
	b->x = MARGIN_X + indent;
	b->width = CONTENT_W - indent;
	b->space_above = space_above;
	b->keep_with_next = keep_with_next;
	b->ncols = 1;
	b->cells[0] = take_layout(p, b->width, size, bold);
	b->nlines = pango_layout_get_line_count(b->cells[0]);
	b->line_top = arena_alloc(&p->arena,
	                          ((size_t)b->nlines + 1) * sizeof(double));
	it = pango_layout_get_iter(b->cells[0]);
	do {
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		if (i < b->nlines) {
			b->line_top[i] = (double)logical.y / PANGO_SCALE;
			b->line_top[i + 1] =
			        (double)(logical.y + logical.height) /
			        PANGO_SCALE;
		}
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	b->height = b->line_top[b->nlines];
}

/*
 * A table row of ncols cells (markup already escaped, one per cell) over
 * columns of the given fractions of the width.
 */
static void row(struct pdf *p, const char *const *cells, int ncols,
                const double *fractions, bool heading, int table_heading)
{
	struct block *b;
	double x = MARGIN_X;

	if (p->rc)
		return;
	b = new_block(p, BLOCK_ROW);
	b->ncols = ncols;
	b->heading_row = heading;
	b->table_heading = table_heading;
	b->space_above = heading ? 4 : 0;
	b->keep_with_next = heading;
	for (int c = 0; c < ncols; c++) {
		int w, h;
		b->col_x[c] = x;
		b->col_w[c] = CONTENT_W * fractions[c];
		x += b->col_w[c];
		mk(p, cells[c]);
		b->cells[c] =
		        take_layout(p, b->col_w[c] - 2 * CELL_PAD, 9, heading);
		pango_layout_get_size(b->cells[c], &w, &h);
		if ((double)h / PANGO_SCALE + 2 * CELL_PAD > b->height)
			b->height = (double)h / PANGO_SCALE + 2 * CELL_PAD;
	}
}

/* Markdown minutes into paragraphs */

struct md_state {
	int list_depth;
	int quote_depth;
	const char *bullet; /* for the next paragraph of a list item */
	char number[24];
};

static void md_inline(struct pdf *p, cmark_node *node, cmark_event_type ev)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_TEXT:
		mk_text(p, cmark_node_get_literal(node));
		break;
	case CMARK_NODE_CODE:
		mk(p, "<tt>");
		mk_text(p, cmark_node_get_literal(node));
		mk(p, "</tt>");
		break;
	case CMARK_NODE_HTML_INLINE:
		/* shown as the text it is, never interpreted */
		mk_text(p, cmark_node_get_literal(node));
		break;
	case CMARK_NODE_SOFTBREAK:
		mk(p, " ");
		break;
	case CMARK_NODE_LINEBREAK:
		mk(p, "\n");
		break;
	case CMARK_NODE_EMPH:
		mk(p, ev == CMARK_EVENT_ENTER ? "<i>" : "</i>");
		break;
	case CMARK_NODE_STRONG:
		mk(p, ev == CMARK_EVENT_ENTER ? "<b>" : "</b>");
		break;
	case CMARK_NODE_LINK:
		mk(p, ev == CMARK_EVENT_ENTER ? "<u>" : "</u>");
		break;
	default:
		break;
	}
}

static void md_blocks(struct pdf *p, const char *markdown, double indent)
{
	cmark_node *doc = cmark_parse_document(markdown, strlen(markdown),
	                                       CMARK_OPT_DEFAULT);
	cmark_iter *iter = cmark_iter_new(doc);
	struct md_state st = {0};
	cmark_event_type ev;

	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE && !p->rc) {
		cmark_node *node = cmark_iter_get_node(iter);
		double in =
		        indent + 16.0 * st.list_depth + 16.0 * st.quote_depth;

		switch (cmark_node_get_type(node)) {
		case CMARK_NODE_LIST:
			st.list_depth += ev == CMARK_EVENT_ENTER ? 1 : -1;
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			st.quote_depth += ev == CMARK_EVENT_ENTER ? 1 : -1;
			break;
		case CMARK_NODE_ITEM:
			if (ev == CMARK_EVENT_ENTER) {
				cmark_node *list = cmark_node_parent(node);
				if (cmark_node_get_list_type(list) ==
				    CMARK_ORDERED_LIST) {
					int n = cmark_node_get_list_start(list);
					for (cmark_node *s =
					             cmark_node_previous(node);
					     s; s = cmark_node_previous(s))
						n++;
					snprintf(st.number, sizeof st.number,
					         "%d. ", n);
					st.bullet = st.number;
				} else {
					st.bullet = "• ";
				}
			}
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			if (ev == CMARK_EVENT_ENTER) {
				if (st.bullet) {
					mk_text(p, st.bullet);
					st.bullet = NULL;
				}
				if (cmark_node_get_type(node) ==
				    CMARK_NODE_HEADING)
					mk(p, "<b>");
			} else {
				bool heading = cmark_node_get_type(node) ==
				               CMARK_NODE_HEADING;
				if (heading)
					mk(p, "</b>");
				para(p, in - (st.list_depth ? 0 : 0), 10, false,
				     heading ? 8 : 5, heading);
			}
			break;
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK: {
			const char *lit = cmark_node_get_literal(node);
			size_t n = lit ? strlen(lit) : 0;
			while (n > 0 && lit[n - 1] == '\n')
				n--;
			mk(p, "<tt>");
			if (p->rc == MASA_OK && lit)
				p->rc = publish_markup_escape(&p->markup, lit,
				                              n, p->err);
			mk(p, "</tt>");
			para(p, in, 9, false, 5, false);
			break;
		}
		default:
			md_inline(p, node, ev);
			break;
		}
	}
	cmark_iter_free(iter);
	cmark_node_free(doc);
}

/* The document as blocks */

static const char *escaped(struct pdf *p, const char *text)
{
	struct buf b;
	const char *s;

	buf_init(&b, PUBLISH_MAX_BYTES);
	if (p->rc == MASA_OK && text)
		p->rc = publish_markup_escape(&b, text, strlen(text), p->err);
	s = arena_strdup(&p->arena, buf_str(&b));
	buf_free(&b);
	return s;
}

static void people_table(struct pdf *p, const char *heading,
                         const struct publish_person *list, size_t n)
{
	static const double widths[] = {0.40, 0.60};

	if (n == 0)
		return;
	mk_text(p, heading);
	para(p, 0, 11, true, 10, true);
	for (size_t i = 0; i < n; i++) {
		const struct publish_person *pp = &list[i];
		const char *who =
		        pp->represented_by
		                ? arena_printf(&p->arena, "%s representing %s",
		                               pp->represented_by, pp->name)
		                : pp->name;
		const char *left = pp->role ? arena_printf(&p->arena, "%s – %s",
		                                           who, pp->role)
		                            : who;
		const char *right = pp->job ? pp->job : "";
		if (pp->note)
			right = arena_printf(&p->arena, "%s%s(%s)", right,
			                     right[0] ? " " : "", pp->note);
		const char *cells[] = {escaped(p, left), escaped(p, right)};
		row(p, cells, 2, widths, false, -1);
	}
}

static void action_line(struct pdf *p, const struct publish_action *a,
                        double indent)
{
	mk(p, "<b>Action:</b> ");
	mk_textf(p, "%s – %s – action %ld", a->initials,
	         a->details ? a->details : "", a->number);
	para(p, indent, 10, false, 5, false);
}

static void item_blocks(struct pdf *p, const struct publish_item *it)
{
	double indent = 14.0 * it->depth;
	size_t n = strlen(it->number);
	bool whole = n > 0 && strspn(it->number, "0123456789") == n;

	mk_textf(p, "%s%s %s", it->number, whole ? "." : "", it->title);
	para(p, indent, it->depth ? 11 : 12, true, it->depth ? 10 : 14, true);
	if (it->confidential) {
		mk(p, "<i><span foreground=\"#a00000\">Confidential: press "
		      "and public excluded; not for publication.</span></i>");
		para(p, indent, 10, false, 3, true);
	}
	for (size_t i = 0; i < it->nnotes; i++) {
		mk(p, "<i>");
		mk_text(p, it->notes[i]);
		mk(p, "</i>");
		para(p, indent, 10, false, 5, false);
	}
	if (it->deferred_to) {
		mk_textf(p, "Deferred to the meeting on %s.", it->deferred_to);
		para(p, indent, 10, false, 5, false);
	}
	if (it->withdrawn) {
		mk_text(p, "Withdrawn.");
		para(p, indent, 10, false, 5, false);
	}
	if (it->minutes)
		md_blocks(p, it->minutes, indent);
	for (size_t i = 0; i < it->nresolutions; i++) {
		const struct publish_resolution *r = &it->resolutions[i];
		mk(p, "<b>");
		if (i == 0)
			mk(p, "Resolved: ");
		if (it->nresolutions > 1)
			mk_textf(p, "(%ld) ", r->number);
		mk_text(p, r->text);
		mk(p, "</b>");
		para(p, indent, 10, false, 5, false);
	}
	for (size_t i = 0; i < it->nactions; i++)
		action_line(p, it->actions[i], indent);
}

static void log_table(struct pdf *p, const struct publish_log_part *part)
{
	static const double widths[] = {0.07, 0.17, 0.38, 0.26, 0.12};
	static const char *const headings[] = {"No.", "Owner", "Details",
	                                       "Update", "Status"};
	int heading;

	if (part->n == 0)
		return;
	mk_text(p, part->title);
	para(p, 0, 11, true, 12, true);
	heading = (int)p->nblocks;
	row(p, headings, 5, widths, true, -1);
	for (size_t i = 0; i < part->n; i++) {
		const struct publish_action *a = &part->actions[i];
		const char *cells[] = {
		        arena_printf(&p->arena, "%ld.", a->number),
		        escaped(p, a->owners),
		        escaped(p, a->confidential
		                           ? arena_printf(&p->arena,
		                                          "(Confidential) %s",
		                                          a->details)
		                           : a->details),
		        escaped(p, a->update),
		        escaped(p, a->status),
		};
		row(p, cells, 5, widths, false, heading);
	}
}

static bool any_confidential(const struct publish_meeting *m)
{
	for (size_t i = 0; i < m->nitems; i++)
		if (m->items[i].confidential)
			return true;
	return false;
}

static void document_blocks(struct pdf *p, const struct publish_meeting *m)
{
	size_t nlog = 0;

	mk_textf(p, "%s (%s)", m->body, m->body_short);
	para(p, 0, 17, true, 0, true);
	if (m->title) {
		mk_text(p, m->title);
		para(p, 0, 13, true, 4, true);
	}
	mk_textf(p, "Minutes of the meeting of %s held on %s%s%s%s%s", m->body,
	         m->date_long, m->times ? ", " : "", m->times ? m->times : "",
	         m->venue ? " at " : "", m->venue ? m->venue : "");
	para(p, 0, 10.5, false, 8, false);
	if (m->draft) {
		mk(p, "<i>Draft: these minutes are not yet approved.</i>");
		para(p, 0, 10, false, 6, false);
	}
	if (!m->public_only && any_confidential(m)) {
		mk(p, "<b>Confidential: this copy is for members. It includes "
		      "items not for publication.</b>");
		para(p, 0, 10, false, 6, false);
	}
	people_table(p, "Present:", m->present, m->npresent);
	people_table(p, "In attendance:", m->in_attendance, m->nin_attendance);
	people_table(p, "Apologies:", m->apologies, m->napologies);
	people_table(p, "Absent:", m->absent, m->nabsent);
	if (m->webcast) {
		mk_textf(p, "The webcast of the meeting can be viewed at: %s",
		         m->webcast);
		para(p, 0, 10, false, 8, false);
	}
	for (size_t i = 0; i < m->nitems; i++)
		item_blocks(p, &m->items[i]);
	for (size_t i = 0; i < m->nunplaced; i++)
		action_line(p, m->unplaced[i], 0);
	if (m->next_meeting) {
		mk(p, "<b>Date of the next meeting:</b> ");
		mk_text(p, m->next_meeting);
		para(p, 0, 10, false, 14, false);
	}
	for (size_t i = 0; i < m->nlog; i++)
		nlog += m->log[i].n;
	if (nlog > 0) {
		mk_textf(p, "Appendix One: action log as at %s", m->date_short);
		para(p, 0, 14, true, 24, true);
		for (size_t i = 0; i < m->nlog; i++)
			log_table(p, &m->log[i]);
	}
}

/* Pages */

static void place(struct pdf *p, int block, int page, double y, int first,
                  int end)
{
	if (p->nplaces == p->capplaces) {
		p->capplaces = p->capplaces ? 2 * p->capplaces : 256;
		p->places =
		        xrealloc(p->places, p->capplaces * sizeof *p->places);
	}
	p->places[p->nplaces++] =
	        (struct placement){block, page, y, first, end};
}

/* The height a block needs at least before a page break may follow it. */
static double min_height(const struct block *b)
{
	if (b->kind == BLOCK_ROW || b->nlines <= 3)
		return b->height;
	return b->line_top[2];
}

static void paginate(struct pdf *p)
{
	const double top = MARGIN_TOP, bottom = PAGE_H - MARGIN_BOTTOM;
	double y = top;
	int page = 0;

	for (size_t i = 0; i < p->nblocks; i++) {
		const struct block *b = &p->blocks[i];
		double above = y > top ? b->space_above : 0;
		double need = min_height(b);

		/* a heading keeps the start of what follows it */
		for (size_t k = i; p->blocks[k].keep_with_next &&
		                   k + 1 < p->nblocks && k < i + 4;
		     k++) {
			need += p->blocks[k + 1].space_above;
			need += min_height(&p->blocks[k + 1]);
			if (k > i)
				need += p->blocks[k].height -
				        min_height(&p->blocks[k]);
		}
		if (y > top && y + above + need > bottom) {
			page++;
			y = top;
			above = 0;
		}
		y += above;
		if (b->kind == BLOCK_ROW) {
			if (y > top && y + b->height > bottom) {
				page++;
				y = top;
			}
			if (y == top && b->table_heading >= 0) {
				const struct block *h =
				        &p->blocks[b->table_heading];
				place(p, b->table_heading, page, y, 0, 0);
				y += h->height;
			}
			place(p, (int)i, page, y, 0, 0);
			y += b->height;
			continue;
		}
		/* a paragraph, broken between lines when it must be */
		int first = 0;
		while (first < b->nlines) {
			int end = first;
			double base = b->line_top[first];
			while (end < b->nlines &&
			       y + b->line_top[end + 1] - base <= bottom)
				end++;
			if (end < b->nlines) {
				/* two lines at least on each side */
				if (b->nlines - end < 2 && end - first > 2)
					end = b->nlines - 2;
				if (end - first < 2 && y > top)
					end = first;
			}
			if (end == first && y == top)
				end = first + 1; /* a line taller than a page */
			if (end > first) {
				place(p, (int)i, page, y, first, end);
				y += b->line_top[end] - base;
				first = end;
			}
			if (first < b->nlines) {
				page++;
				y = top;
			}
		}
	}
	p->pages = page + 1;
}

static void draw_text(cairo_t *cr, PangoLayout *l, double x, double y)
{
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
}

static PangoLayout *small_layout(struct pdf *p, const char *text,
                                 PangoAlignment align)
{
	PangoLayout *l;

	mk_text(p, text);
	l = take_layout(p, CONTENT_W, 8.5, false);
	pango_layout_set_alignment(l, align);
	return l;
}

static void draw_furniture(struct pdf *p, cairo_t *cr,
                           const struct publish_meeting *m, int page,
                           bool confidential)
{
	PangoLayout *left, *right, *foot, *mark = NULL;

	left = small_layout(p, m->body, PANGO_ALIGN_LEFT);
	right = small_layout(p, m->date_long, PANGO_ALIGN_RIGHT);
	foot = small_layout(
	        p, arena_printf(&p->arena, "Page %d of %d", page + 1, p->pages),
	        PANGO_ALIGN_CENTER);
	if (confidential)
		mark = small_layout(p, "Confidential: members' copy",
		                    PANGO_ALIGN_LEFT);
	cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
	pango_layout_set_width(left, (int)(CONTENT_W * 0.65 * PANGO_SCALE));
	pango_layout_set_ellipsize(left, PANGO_ELLIPSIZE_END);
	draw_text(cr, left, MARGIN_X, 36);
	draw_text(cr, right, MARGIN_X, 36);
	cairo_set_line_width(cr, 0.5);
	cairo_move_to(cr, MARGIN_X, 50);
	cairo_line_to(cr, PAGE_W - MARGIN_X, 50);
	cairo_stroke(cr);
	draw_text(cr, foot, MARGIN_X, PAGE_H - 40);
	if (mark)
		draw_text(cr, mark, MARGIN_X, PAGE_H - 40);
	cairo_set_source_rgb(cr, 0, 0, 0);
	g_object_unref(left);
	g_object_unref(right);
	g_object_unref(foot);
	if (mark)
		g_object_unref(mark);
}

static void draw_paragraph(cairo_t *cr, const struct block *b,
                           const struct placement *pl)
{
	PangoLayoutIter *it = pango_layout_get_iter(b->cells[0]);
	int i = 0;
	double base = b->line_top[pl->first_line];

	do {
		if (i >= pl->first_line && i < pl->end_line) {
			PangoRectangle logical;
			PangoLayoutLine *line =
			        pango_layout_iter_get_line_readonly(it);
			int baseline = pango_layout_iter_get_baseline(it);
			pango_layout_iter_get_line_extents(it, NULL, &logical);
			cairo_move_to(
			        cr, b->x + (double)logical.x / PANGO_SCALE,
			        pl->y + (double)baseline / PANGO_SCALE - base);
			pango_cairo_show_layout_line(cr, line);
		}
		i++;
	} while (i < pl->end_line && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static void draw_row(cairo_t *cr, const struct block *b, double y)
{
	double x0 = b->col_x[0];
	double x1 = b->col_x[b->ncols - 1] + b->col_w[b->ncols - 1];

	if (b->heading_row) {
		cairo_set_source_rgb(cr, 0.90, 0.90, 0.90);
		cairo_rectangle(cr, x0, y, x1 - x0, b->height);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
	}
	for (int c = 0; c < b->ncols; c++)
		draw_text(cr, b->cells[c], b->col_x[c] + CELL_PAD,
		          y + CELL_PAD);
	cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
	cairo_set_line_width(cr, 0.4);
	cairo_rectangle(cr, x0, y, x1 - x0, b->height);
	for (int c = 1; c < b->ncols; c++) {
		cairo_move_to(cr, b->col_x[c], y);
		cairo_line_to(cr, b->col_x[c], y + b->height);
	}
	cairo_stroke(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
}

static cairo_status_t write_out(void *closure, const unsigned char *data,
                                unsigned int len)
{
	struct pdf *p = closure;

	if (p->rc)
		return CAIRO_STATUS_WRITE_ERROR;
	p->rc = buf_append(p->out, data, len, p->err);
	return p->rc ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

enum masa_err publish_pdf(const struct publish_meeting *m, struct buf *out,
                          struct masa_error *err)
{
	struct pdf p = {.err = err, .out = out};
	cairo_surface_t *surface;
	cairo_t *cr;
	cairo_font_options_t *fo;
	bool confidential = !m->public_only && any_confidential(m);
	size_t next = 0;

	buf_init(&p.markup, PUBLISH_MAX_BYTES);
	surface = cairo_pdf_surface_create_for_stream(write_out, &p, PAGE_W,
	                                              PAGE_H);
	cairo_pdf_surface_set_metadata(
	        surface, CAIRO_PDF_METADATA_TITLE,
	        arena_printf(&p.arena, "Minutes of the meeting of %s, %s",
	                     m->body, m->date_long));
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR,
	                               m->partnership);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
	                               "masa");
	/* dated by the meeting, so the same minutes give the same file */
	cairo_pdf_surface_set_metadata(
	        surface, CAIRO_PDF_METADATA_CREATE_DATE,
	        arena_printf(&p.arena, "%sT00:00:00Z", m->date));
	cairo_pdf_surface_set_metadata(
	        surface, CAIRO_PDF_METADATA_MOD_DATE,
	        arena_printf(&p.arena, "%sT00:00:00Z", m->date));
	cr = cairo_create(surface);
	p.pango = pango_cairo_create_context(cr);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(p.pango, fo);
	cairo_font_options_destroy(fo);

	document_blocks(&p, m);
	if (p.rc == MASA_OK)
		paginate(&p);
	for (int page = 0; p.rc == MASA_OK && page < p.pages; page++) {
		draw_furniture(&p, cr, m, page, confidential);
		for (; next < p.nplaces && p.places[next].page == page;
		     next++) {
			const struct placement *pl = &p.places[next];
			const struct block *b = &p.blocks[pl->block];
			if (b->kind == BLOCK_ROW)
				draw_row(cr, b, pl->y);
			else
				draw_paragraph(cr, b, pl);
		}
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	if (p.rc == MASA_OK &&
	    cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
		p.rc = masa_error_set(
		        err, MASA_ERR_IO, "cannot make the PDF: %s",
		        cairo_status_to_string(cairo_surface_status(surface)));
	cairo_surface_destroy(surface);
	for (size_t i = 0; i < p.nblocks; i++)
		for (int c = 0; c < p.blocks[i].ncols; c++)
			if (p.blocks[i].cells[c])
				g_object_unref(p.blocks[i].cells[c]);
	g_object_unref(p.pango);
	free(p.blocks);
	free(p.places);
	buf_free(&p.markup);
	arena_free(&p.arena);
	return p.rc;
}
