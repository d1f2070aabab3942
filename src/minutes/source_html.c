/*
 * source_html: minutes saved from a web page as lines.
 *
 * Council committee sites (ModernGov and the like) and NHS board pages put
 * minutes in headings, paragraphs, lists, divs and tables. libxml2's HTML
 * parser reads the page as a browser would (unclosed tags, entities) without
 * network access; the tree is walked under a depth limit:
 *   h1-h6             a heading of that level
 *   p, div and other blocks    a paragraph; br starts a new line
 *   li                a list item (level: how many lists it is in)
 *   tr of a table     a table row with the text of each td and th; a table
 *                     whose cells hold headings or tables, or that has one
 *                     column, is for layout and is read as blocks instead
 *   script, style, nav, forms' controls, and page header, footer and
 *   navigation (by element, or a div whose id or class says so)  dropped
 * White space is collapsed as a browser shows it; a line whose every word is
 * in b or strong is marked bold; a table ends with a blank line.
 */
#define _GNU_SOURCE /* memmem */
#include "minutes/source.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "core/buf.h"
#include "core/text.h"

enum {
	HTML_MAX_DEPTH = 200,
	HTML_MAX_LINE = 1024 * 1024,
};

struct html_reader {
	struct source *s;
	struct buf line;
	enum source_kind kind; /* of the block the text is in */
	int level;
	int lists;     /* lists the walk is in */
	int bold;      /* b and strong the walk is in */
	int pre;       /* pre the walk is in: white space kept */
	int in_cell;   /* collecting a table cell: no lines made */
	int content;   /* article or main the walk is in */
	bool space;    /* the line ends in white space (or is empty) */
	bool any_text; /* the line has a word */
	bool all_bold; /* every word of the line was bold */
	char *prefix;  /* an item number from a layout table's first cell,
	                  put before the next line */
	size_t number; /* blocks so far */
};

static bool named(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
	       strcasecmp((const char *)n->name, name) == 0;
}

static bool named_any(const xmlNode *n, const char *const *names)
{
	for (; *names; names++)
		if (named(n, *names))
			return true;
	return false;
}

static const char *const dropped[] = {
        "script", "style",  "noscript", "template", "nav",
        "iframe", "object", "embed",    "svg",      "select",
        "button", "input",  "textarea", "head",     "canvas",
        "map",    "audio",  "video",    NULL,
};
static const char *const blocks[] = {
        "p",          "div",     "section", "article", "main",     "blockquote",
        "pre",        "address", "dd",      "dt",      "dl",       "figure",
        "figcaption", "caption", "center",  "form",    "fieldset", "legend",
        "body",       "html",    "header",  "footer",  "aside",    "details",
        "summary",    "ul",      "ol",      "menu",    "hr",       "tbody",
        "thead",      "tfoot",   NULL,
};

/* The words of a page's chrome, as ids and classes of divs say it. */
static bool chrome_word(const char *w, size_t n)
{
	static const char *const words[] = {
	        "nav",         "navigation",  "breadcrumb", "breadcrumbs",
	        "site-header", "site-footer", "masthead",   "cookie-banner",
	        "cookies",     "skiplinks",   "skip-link",  "menu",
	        "header",      "footer",      "sidebar",    "search",
	        NULL,
	};

	for (const char *const *p = words; *p; p++)
		if (strlen(*p) == n && strncasecmp(*p, w, n) == 0)
			return true;
	return false;
}

/* True for an element that is a page's chrome rather than its content:
 * nav, a header or footer outside article and main, or a div, ul or aside
 * whose id or a class is one of chrome's words. */
static bool is_chrome(const struct html_reader *r, const xmlNode *n)
{
	static const char *const attrs[] = {"id", "class", "role"};

	if ((named(n, "header") || named(n, "footer") || named(n, "aside")) &&
	    r->content == 0)
		return true;
	if (!(named(n, "div") || named(n, "ul") || named(n, "aside") ||
	      named(n, "section")))
		return false;
	for (size_t i = 0; i < 3; i++) {
		xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[i]);
		bool hit = false;
		const char *p = (const char *)v;

		while (p && *p && !hit) {
			size_t len;
			while (*p == ' ' || *p == '\t')
				p++;
			len = strcspn(p, " \t");
			hit = len > 0 && chrome_word(p, len);
			p += len;
		}
		xmlFree(v);
		if (hit)
			return true;
	}
	return false;
}

/* Ends the line being collected: adds it (when it has a word) with the
 * kind of the block it is in. */
static enum masa_err flush(struct html_reader *r, struct masa_error *err)
{
	enum masa_err rc = MASA_OK;
	char *t = r->line.data;
	size_t n = r->line.len;

	if (r->in_cell)
		return MASA_OK;
	if (t && r->any_text) {
		char *joined = NULL;

		while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\n'))
			t[--n] = '\0';
		if (r->prefix) {
			size_t p = strlen(r->prefix);
			joined = xmalloc(p + n + 2);
			memcpy(joined, r->prefix, p);
			joined[p] = ' ';
			memcpy(joined + p + 1, t, n + 1);
			t = joined;
			r->prefix = NULL;
		}
		rc = source_add(r->s, r->kind, r->level, t, ++r->number, err);
		free(joined);
		if (rc == MASA_OK)
			r->s->lines[r->s->n - 1].bold = r->all_bold;
	}
	buf_reset(&r->line);
	r->space = true;
	r->any_text = false;
	r->all_bold = true;
	return rc;
}

static enum masa_err put(struct html_reader *r, const char *t, size_t n,
                         struct masa_error *err)
{
	if (r->line.len + n > HTML_MAX_LINE)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "a paragraph of the page is longer than "
		                      "%d KB",
		                      HTML_MAX_LINE / 1024);
	return buf_append(&r->line, t, n, err);
}

/* Appends text as a browser shows it: runs of white space (and no-break
 * spaces) as one space, none at the start of a line. */
static enum masa_err text(struct html_reader *r, const char *t,
                          struct masa_error *err)
{
	enum masa_err rc = MASA_OK;
	const unsigned char *p = (const unsigned char *)t;

	while (*p && rc == MASA_OK) {
		size_t white = 0;
		const unsigned char *start;

		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f')
			white = 1;
		else if (p[0] == 0xC2 && p[1] == 0xA0)
			white = 2;
		if (white && r->pre && !r->in_cell) {
			/* Preformatted text keeps its lines and spaces. */
			if (*p == '\n')
				rc = flush(r, err);
			else if (r->any_text)
				rc = put(r, (const char *)p, white, err);
			p += white;
			continue;
		}
		if (white) {
			if (!r->space)
				rc = put(r, " ", 1, err);
			r->space = true;
			p += white;
			continue;
		}
		start = p;
		while (*p &&
		       !(*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		         *p == '\f' || (p[0] == 0xC2 && p[1] == 0xA0)))
			p++;
		rc = put(r, (const char *)start, (size_t)(p - start), err);
		r->space = false;
		r->any_text = true;
		if (!r->bold)
			r->all_bold = false;
	}
	return rc;
}

static enum masa_err walk(struct html_reader *r, const xmlNode *n, int depth,
                          struct masa_error *err);

static enum masa_err walk_children(struct html_reader *r, const xmlNode *n,
                                   int depth, struct masa_error *err)
{
	enum masa_err rc = MASA_OK;

	for (const xmlNode *c = n->children; c && rc == MASA_OK; c = c->next)
		rc = walk(r, c, depth + 1, err);
	return rc;
}

/* True when an element below n (not n) is named one of names. */
static bool has_descendant(const xmlNode *n, const char *const *names,
                           int depth)
{
	if (depth > HTML_MAX_DEPTH)
		return false;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (named_any(c, names) || has_descendant(c, names, depth + 1))
			return true;
	}
	return false;
}

/* The tr of the table t (in thead, tbody, tfoot; not of tables nested in
 * it), at most max; returns how many. */
static int table_rows(const xmlNode *t, const xmlNode **rows, int max)
{
	int n = 0;

	for (const xmlNode *c = t->children; c && n < max; c = c->next) {
		if (named(c, "tr")) {
			rows[n++] = c;
		} else if (named(c, "tbody") || named(c, "thead") ||
		           named(c, "tfoot")) {
			for (const xmlNode *k = c->children; k && n < max;
			     k = k->next)
				if (named(k, "tr"))
					rows[n++] = k;
		}
	}
	return n;
}

static bool is_cell(const xmlNode *n)
{
	return named(n, "td") || named(n, "th");
}

/* A layout table: its cells hold headings, tables or many blocks, or it has
 * only one column. Its content is read as blocks, not rows. */
static bool is_layout_table(const xmlNode *t, int depth)
{
	static const char *const structure[] = {
	        "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", NULL,
	};
	const xmlNode *rows[1024];
	int nrows = table_rows(t, rows, 1024), widest = 0;

	for (int i = 0; i < nrows; i++) {
		int cells = 0;
		for (const xmlNode *c = rows[i]->children; c; c = c->next) {
			if (!is_cell(c))
				continue;
			cells++;
			if (has_descendant(c, structure, depth))
				return true;
		}
		if (cells > widest)
			widest = cells;
	}
	return widest < 2;
}

static enum masa_err read_table(struct html_reader *r, const xmlNode *t,
                                int depth, struct masa_error *err)
{
	enum masa_err rc = MASA_OK;
	struct arena scratch = ARENA_INIT;

	rc = flush(r, err);
	for (const xmlNode *c = t->children; c && rc == MASA_OK; c = c->next) {
		const xmlNode *tr = c;

		if (named(c, "tbody") || named(c, "thead") ||
		    named(c, "tfoot")) {
			rc = read_table(r, c, depth + 1, err);
			continue;
		}
		if (named(c, "caption")) {
			rc = walk(r, c, depth + 1, err);
			if (rc == MASA_OK)
				rc = flush(r, err);
			continue;
		}
		if (!named(tr, "tr"))
			continue;
		{
			const char *cells[SOURCE_MAX_CELLS];
			size_t ncells = 0;
			bool any = false;

			for (const xmlNode *td = tr->children;
			     td && rc == MASA_OK; td = td->next) {
				if (!is_cell(td))
					continue;
				if (ncells == SOURCE_MAX_CELLS) {
					rc = masa_error_set(
					        err, MASA_ERR_LIMIT,
					        "a table of the page has more "
					        "than %d columns",
					        SOURCE_MAX_CELLS);
					break;
				}
				buf_reset(&r->line);
				r->space = true;
				r->any_text = false;
				r->in_cell++;
				rc = walk_children(r, td, depth + 1, err);
				r->in_cell--;
				{
					char *v = arena_strdup(
					        &scratch, buf_str(&r->line));
					size_t len = strlen(v);
					while (len > 0 && v[len - 1] == ' ')
						v[--len] = '\0';
					if (len > 0)
						any = true;
					cells[ncells++] = v;
				}
			}
			buf_reset(&r->line);
			r->space = true;
			r->any_text = false;
			r->all_bold = true;
			if (rc == MASA_OK && any)
				rc = source_add_row(r->s, cells, ncells,
				                    ++r->number, err);
		}
	}
	arena_free(&scratch);
	return rc;
}

/* A short word with a digit in it and no spaces: an item's number. */
static bool is_item_number(const char *t)
{
	size_t n = strlen(t);

	return n > 0 && n <= 20 && strpbrk(t, "0123456789") &&
	       !strpbrk(t, " \t\n");
}

static enum masa_err walk_row_with_number(struct html_reader *r,
                                          const xmlNode *tr, int depth,
                                          struct masa_error *err)
{
	enum masa_err rc = MASA_OK;
	const xmlNode *first = NULL;
	xmlChar *number = NULL;

	for (const xmlNode *c = tr->children; c; c = c->next)
		if (is_cell(c)) {
			first = c;
			break;
		}
	if (first)
		number = xmlNodeGetContent(first);
	if (number) {
		/* Trimmed in place. */
		char *t = (char *)number, *e;
		while (*t == ' ' || *t == '\n' || *t == '\t' || *t == '\r')
			t++;
		e = t + strlen(t);
		while (e > t && (e[-1] == ' ' || e[-1] == '\n' ||
		                 e[-1] == '\t' || e[-1] == '\r'))
			*--e = '\0';
		if (is_item_number(t))
			r->prefix = arena_strdup(&r->s->arena, t);
		else
			first = NULL;
	}
	for (const xmlNode *c = tr->children; c && rc == MASA_OK; c = c->next)
		if (c != first)
			rc = walk(r, c, depth + 1, err);
	if (rc == MASA_OK)
		rc = flush(r, err);
	if (rc == MASA_OK && r->prefix) {
		/* The number had nothing after it: a line of its own. */
		rc = source_add(r->s, SOURCE_PARAGRAPH, 0, r->prefix,
		                ++r->number, err);
		r->prefix = NULL;
	}
	xmlFree(number);
	return rc;
}

static enum masa_err walk(struct html_reader *r, const xmlNode *n, int depth,
                          struct masa_error *err)
{
	enum masa_err rc = MASA_OK;
	enum source_kind kind = r->kind;
	int level = r->level;

	if (depth > HTML_MAX_DEPTH)
		return masa_error_set(
		        err, MASA_ERR_LIMIT,
		        "the page nests elements more than %d deep: "
		        "masa does not read it",
		        HTML_MAX_DEPTH);
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		return n->content ? text(r, (const char *)n->content, err)
		                  : MASA_OK;
	if (n->type != XML_ELEMENT_NODE)
		return MASA_OK;
	if (named_any(n, dropped) || is_chrome(r, n))
		return MASA_OK;
	if (named(n, "br")) {
		if (r->in_cell)
			return text(r, " ", err);
		return flush(r, err);
	}
	if (named(n, "img")) {
		return MASA_OK;
	}
	if (named(n, "table")) {
		if (r->in_cell) {
			rc = walk_children(r, n, depth, err);
			return rc == MASA_OK ? text(r, " ", err) : rc;
		}
		if (!is_layout_table(n, 0)) {
			rc = read_table(r, n, depth, err);
			if (rc == MASA_OK && r->s->n > 0 &&
			    r->s->lines[r->s->n - 1].kind == SOURCE_TABLE_ROW)
				rc = source_add(r->s, SOURCE_BLANK, 0, NULL,
				                r->number, err);
			return rc;
		}
		/* A layout table: each cell as a block. */
		rc = flush(r, err);
		if (rc == MASA_OK)
			rc = walk_children(r, n, depth, err);
		return rc == MASA_OK ? flush(r, err) : rc;
	}
	if (r->in_cell) {
		/* In a cell every block is part of the cell's text. */
		bool b = named(n, "b") || named(n, "strong");
		bool block = named_any(n, blocks) || named(n, "li") ||
		             named(n, "tr") || is_cell(n) ||
		             (n->name[0] == 'h' && n->name[1] >= '1' &&
		              n->name[1] <= '6' && n->name[2] == '\0');
		if (block)
			rc = text(r, " ", err);
		r->bold += b;
		if (rc == MASA_OK)
			rc = walk_children(r, n, depth, err);
		r->bold -= b;
		if (rc == MASA_OK && block)
			rc = text(r, " ", err);
		return rc;
	}
	if ((n->name[0] == 'h' || n->name[0] == 'H') && n->name[1] >= '1' &&
	    n->name[1] <= '6' && n->name[2] == '\0') {
		rc = flush(r, err);
		r->kind = SOURCE_HEADING;
		r->level = n->name[1] - '0';
		if (rc == MASA_OK)
			rc = walk_children(r, n, depth, err);
		if (rc == MASA_OK)
			rc = flush(r, err);
	} else if (named(n, "li")) {
		rc = flush(r, err);
		r->kind = SOURCE_LIST_ITEM;
		r->level = r->lists > 0 ? r->lists : 1;
		if (rc == MASA_OK)
			rc = walk_children(r, n, depth, err);
		if (rc == MASA_OK)
			rc = flush(r, err);
	} else if (named(n, "tr") || is_cell(n)) {
		/* Rows of a layout table: each cell a block; a first cell with
		 * no more than an item number ("HW.35/24") goes before the
		 * next cell's first line. */
		rc = flush(r, err);
		if (rc == MASA_OK && named(n, "tr")) {
			rc = walk_row_with_number(r, n, depth, err);
			r->kind = kind;
			r->level = level;
			return rc;
		}
		if (rc == MASA_OK)
			rc = walk_children(r, n, depth, err);
		if (rc == MASA_OK)
			rc = flush(r, err);
	} else if (named_any(n, blocks)) {
		bool list =
		        named(n, "ul") || named(n, "ol") || named(n, "menu");
		bool content = named(n, "article") || named(n, "main");
		bool pre = named(n, "pre");

		rc = flush(r, err);
		if (!list && !named(n, "hr") && r->kind != SOURCE_LIST_ITEM) {
			r->kind = SOURCE_PARAGRAPH;
			r->level = 0;
		}
		r->lists += list;
		r->content += content;
		r->pre += pre;
		if (rc == MASA_OK)
			rc = walk_children(r, n, depth, err);
		r->lists -= list;
		r->content -= content;
		r->pre -= pre;
		if (rc == MASA_OK)
			rc = flush(r, err);
		if (rc == MASA_OK && named(n, "hr"))
			rc = source_add(r->s, SOURCE_BLANK, 0, NULL,
			                ++r->number, err);
	} else {
		/* Inline: a, span, em, b, strong, font, sup and the rest. */
		bool b = named(n, "b") || named(n, "strong");
		r->bold += b;
		rc = walk_children(r, n, depth, err);
		r->bold -= b;
	}
	r->kind = kind;
	r->level = level;
	return rc;
}

/* libxml2 reports some errors (bad encodings) on standard error whatever
 * the parser's options say; masa says what went wrong itself. */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

enum masa_err source_read_html(const char *data, size_t len, struct source *s,
                               struct masa_error *err)
{
	struct html_reader r = {.s = s, .kind = SOURCE_PARAGRAPH};
	const char *encoding = "UTF-8";
	enum masa_err rc = MASA_OK;
	htmlDocPtr doc = NULL;
	const xmlNode *root;

	s->format = SOURCE_HTML;
	if (len > SOURCE_MAX_BYTES)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "the page is larger than %d MB",
		                      SOURCE_MAX_BYTES / (1024 * 1024));
	buf_init(&r.line, HTML_MAX_LINE + 16);
	r.space = true;
	r.all_bold = true;
	/* The page's own meta charset, else UTF-8, else (bytes that are not
	 * UTF-8) Windows-1252, as browsers guess. */
	if (len && memmem(data, len < 2048 ? len : 2048, "charset", 7))
		encoding = NULL;
	else if (!utf8_valid(data, len, NULL))
		encoding = "windows-1252";
	xmlSetGenericErrorFunc(NULL, quiet);
	doc = htmlReadMemory(
	        len ? data : " ", len ? (int)len : 1, NULL, encoding,
	        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	if (!doc) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "the page could not be read as HTML");
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	if (root)
		rc = walk(&r, root, 0, err);
	if (rc == MASA_OK)
		rc = flush(&r, err);
out:
	if (doc)
		xmlFreeDoc(doc);
	buf_free(&r.line);
	return rc;
}
