/*
 * source_docx: Word .docx minutes as lines.
 *
 * A .docx is a zip file; the text is in word/document.xml and the names of
 * its paragraph styles in word/styles.xml. Both are unpacked from memory with
 * libzip under a ceiling that is checked twice, against the size the zip
 * claims and against the bytes that actually come out (a zip bomb lies about
 * the first). The XML is parsed with libxml2 without network access, without
 * loading or substituting entities, and a document type declaration (which
 * Word never writes) is refused.
 *
 * The body becomes lines: a paragraph is a paragraph, a heading (styles
 * "heading 1".."heading 6" and "Title"), or a list item (numbered or
 * bulleted, level from w:ilvl); a line break inside a paragraph starts a new
 * line with the same kind; a paragraph whose every run of text is bold is
 * marked bold; an empty paragraph is a blank line. A table row (w:tr) is one
 * table row with the text of each cell, the cell's paragraphs joined with
 * spaces (a cell merged across columns is followed by empty cells, so that
 * columns stay in place); a table ends with a blank line. Deleted text of
 * tracked changes and field instructions are left out.
 */
#define _GNU_SOURCE /* memmem */
#include "minutes/source.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "core/buf.h"

enum {
	DOCX_MAX_XML = 48 * 1024 * 1024, /* word/document.xml unpacked */
	DOCX_MAX_STYLES = 8 * 1024 * 1024,
	DOCX_MAX_PARAGRAPH = 1024 * 1024, /* text of one paragraph or row */
	DOCX_MAX_DEPTH = 64,              /* tables in tables, and such */
	DOCX_MAX_STYLE_COUNT = 4096,
};

struct docx_style {
	char *id;
	int heading; /* 1-6, or 0 */
	bool list;   /* the style numbers its paragraphs */
};

struct docx_reader {
	struct source *s;
	struct docx_style *styles;
	size_t nstyles;
	size_t number; /* position of the paragraph or row */
	struct buf text;
	bool any_text, all_bold;
};

static bool is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

/* The w:val attribute (namespace not checked: documents from other writers
 * spell its prefix differently); borrowed from the node, or NULL. */
static const char *val(const xmlNode *n)
{
	for (const xmlAttr *a = n ? n->properties : NULL; a; a = a->next)
		if (strcmp((const char *)a->name, "val") == 0 && a->children &&
		    a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

/* A toggle property such as w:b: on unless its w:val says off. */
static bool toggle_on(const xmlNode *n)
{
	const char *v = val(n);

	if (!n)
		return false;
	return !v || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 ||
	               strcmp(v, "off") == 0 || strcmp(v, "none") == 0);
}

/* Heading level from a style's name or id: "heading 2", "Heading2",
 * "Title"; 0 when it is not a heading. */
static int heading_level(const char *name)
{
	if (!name)
		return 0;
	if (strcasecmp(name, "Title") == 0)
		return 1;
	if (strncasecmp(name, "heading", 7) == 0) {
		const char *p = name + 7;
		if (*p == ' ')
			p++;
		if (p[0] >= '1' && p[0] <= '9' && p[1] == '\0')
			return p[0] - '0' > 6 ? 6 : p[0] - '0';
	}
	return 0;
}

static const struct docx_style *find_style(const struct docx_reader *r,
                                           const char *id)
{
	for (size_t i = 0; id && i < r->nstyles; i++)
		if (strcmp(r->styles[i].id, id) == 0)
			return &r->styles[i];
	return NULL;
}

/* libxml2 reports some errors (bad encodings) on standard error whatever
 * the parser's options say; masa says what went wrong itself. */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static xmlDoc *parse_xml(const char *xml, size_t len, const char *part,
                         struct masa_error *err)
{
	xmlDoc *doc;

	if (len > (size_t)DOCX_MAX_XML) {
		masa_error_set(err, MASA_ERR_LIMIT,
		               "%s is larger than %d MB: masa does not read it",
		               part, DOCX_MAX_XML / (1024 * 1024));
		return NULL;
	}
	/* Word never writes a document type declaration; one here can only
	 * be there to make the parser fetch or expand something. */
	if (memmem(xml, len, "<!DOCTYPE", 9) ||
	    memmem(xml, len, "<!ENTITY", 8)) {
		masa_error_set(err, MASA_ERR_INVALID,
		               "%s has a document type declaration, which Word "
		               "documents never have: masa does not read it",
		               part);
		return NULL;
	}
	xmlSetGenericErrorFunc(NULL, quiet);
	doc = xmlReadMemory(xml, (int)len, part, NULL,
	                    XML_PARSE_NONET | XML_PARSE_NOERROR |
	                            XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (!doc)
		masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s is not well-formed XML: the document is damaged "
		        "(open it in Word and save it again)",
		        part);
	return doc;
}

/* Reads the styles' ids, heading levels and numbering from styles.xml. */
static void read_styles(struct docx_reader *r, const char *xml, size_t len)
{
	struct masa_error ignored;
	xmlDoc *doc;
	const xmlNode *root;
	size_t n = 0;

	if (!xml || len == 0)
		return;
	doc = parse_xml(xml, len, "word/styles.xml", &ignored);
	if (!doc)
		return; /* heading styles are then known by their ids */
	root = xmlDocGetRootElement(doc);
	for (const xmlNode *c = root ? root->children : NULL; c; c = c->next)
		if (is(c, "style"))
			n++;
	if (n > DOCX_MAX_STYLE_COUNT)
		n = DOCX_MAX_STYLE_COUNT;
	r->styles = arena_alloc(&r->s->arena, (n ? n : 1) * sizeof *r->styles);
	for (const xmlNode *c = root ? root->children : NULL;
	     c && r->nstyles < n; c = c->next) {
		struct docx_style *st;
		xmlChar *id;
		const xmlNode *ppr;

		if (!is(c, "style"))
			continue;
		id = xmlGetProp(c, (const xmlChar *)"styleId");
		if (!id)
			continue;
		st = &r->styles[r->nstyles++];
		st->id = arena_strdup(&r->s->arena, (const char *)id);
		xmlFree(id);
		st->heading = heading_level(val(child(c, "name")));
		if (!st->heading)
			st->heading = heading_level(st->id);
		ppr = child(c, "pPr");
		st->list = child(ppr, "numPr") != NULL;
		if (!st->heading && child(ppr, "outlineLvl")) {
			const char *v = val(child(ppr, "outlineLvl"));
			if (v && v[0] >= '0' && v[0] <= '5' && v[1] == '\0')
				st->heading = v[0] - '0' + 1;
		}
	}
	xmlFreeDoc(doc);
}

static enum masa_err add_text(struct docx_reader *r, const char *t, size_t n,
                              struct masa_error *err)
{
	if (r->text.len + n > DOCX_MAX_PARAGRAPH)
		return masa_error_set(
		        err, MASA_ERR_LIMIT,
		        "a paragraph or table row of the document "
		        "is longer than %d KB",
		        DOCX_MAX_PARAGRAPH / 1024);
	return buf_append(&r->text, t, n, err);
}

static bool has_visible_text(const char *t)
{
	for (; *t; t++)
		if (*t != ' ' && *t != '\t' && *t != '\n' && *t != '\r')
			return true;
	return false;
}

/* Appends the text of the runs under n to r->text: w:t text, w:tab as a
 * tab, w:br and w:cr as a line break; notes whether every run is bold. */
static enum masa_err collect_runs(struct docx_reader *r, const xmlNode *n,
                                  int depth, struct masa_error *err)
{
	enum masa_err rc = MASA_OK;

	if (depth > DOCX_MAX_DEPTH)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "the document nests more than %d levels "
		                      "deep: masa does not read it",
		                      DOCX_MAX_DEPTH);
	for (const xmlNode *c = n->children; c && rc == MASA_OK; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "r")) {
			bool bold = toggle_on(child(child(c, "rPr"), "b"));
			for (const xmlNode *k = c->children; k && rc == MASA_OK;
			     k = k->next) {
				if (is(k, "t")) {
					xmlChar *t = xmlNodeGetContent(k);
					if (t) {
						if (has_visible_text(
						            (const char *)t)) {
							r->any_text = true;
							if (!bold)
								r->all_bold =
								        false;
						}
						rc = add_text(
						        r, (const char *)t,
						        strlen((const char *)t),
						        err);
						xmlFree(t);
					}
				} else if (is(k, "tab") || is(k, "ptab")) {
					rc = add_text(r, "\t", 1, err);
				} else if (is(k, "br") || is(k, "cr")) {
					rc = add_text(r, "\n", 1, err);
				} else if (is(k, "noBreakHyphen")) {
					rc = add_text(r, "-", 1, err);
				}
			}
		} else if (is(c, "del") || is(c, "moveFrom") || is(c, "pPr") ||
		           is(c, "rPr") || is(c, "instrText") ||
		           is(c, "Fallback")) {
			continue; /* not text a reader sees */
		} else if (is(c, "p") || is(c, "tbl") || is(c, "tr") ||
		           is(c, "tc")) {
			/* Paragraphs within (a cell's, a text box's): their
			 * text, space apart. */
			if (r->text.len > 0)
				rc = add_text(r, " ", 1, err);
			if (rc == MASA_OK)
				rc = collect_runs(r, c, depth + 1, err);
		} else {
			/* w:hyperlink, w:ins, w:smartTag, w:fldSimple,
			 * w:sdt and such hold runs. */
			rc = collect_runs(r, c, depth + 1, err);
		}
	}
	return rc;
}

/* Trims spaces (not tabs: a leading tab may align a column) from both ends
 * of t in place; returns t. */
static char *trim(char *t)
{
	size_t n;

	while (*t == ' ' || *t == '\r')
		t++;
	n = strlen(t);
	while (n > 0 &&
	       (t[n - 1] == ' ' || t[n - 1] == '\r' || t[n - 1] == '\t'))
		t[--n] = '\0';
	return t;
}

static enum masa_err read_paragraph(struct docx_reader *r, const xmlNode *p,
                                    struct masa_error *err)
{
	const xmlNode *ppr = child(p, "pPr");
	const xmlNode *numpr = child(ppr, "numPr");
	const struct docx_style *style =
	        find_style(r, val(child(ppr, "pStyle")));
	enum source_kind kind = SOURCE_PARAGRAPH;
	int level = 0;
	enum masa_err rc;
	char *text, *line;
	size_t number = ++r->number;

	if (style && style->heading) {
		kind = SOURCE_HEADING;
		level = style->heading;
	} else if (!style && heading_level(val(child(ppr, "pStyle")))) {
		kind = SOURCE_HEADING;
		level = heading_level(val(child(ppr, "pStyle")));
	} else if ((numpr && !(val(child(numpr, "numId")) &&
	                       strcmp(val(child(numpr, "numId")), "0") == 0)) ||
	           (style && style->list)) {
		const char *ilvl = val(child(numpr, "ilvl"));
		kind = SOURCE_LIST_ITEM;
		level = 1;
		if (ilvl && ilvl[0] >= '0' && ilvl[0] <= '8' && ilvl[1] == '\0')
			level = ilvl[0] - '0' + 1;
	}
	buf_reset(&r->text);
	r->any_text = false;
	r->all_bold = true;
	rc = collect_runs(r, p, 0, err);
	if (rc != MASA_OK)
		return rc;
	text = (char *)buf_str(&r->text);
	if (!has_visible_text(text))
		return source_add(r->s, SOURCE_BLANK, 0, NULL, number, err);
	/* A line break starts a new line of the same kind. */
	for (line = text; line;) {
		char *next = strchr(line, '\n');
		char *t;
		if (next)
			*next++ = '\0';
		t = trim(line);
		if (has_visible_text(t)) {
			rc = source_add(r->s, kind, level, t, number, err);
			if (rc != MASA_OK)
				return rc;
			r->s->lines[r->s->n - 1].bold =
			        r->any_text && r->all_bold;
		}
		line = next;
	}
	return MASA_OK;
}

/* Collapses white space (tabs, line breaks) of a cell's text to single
 * spaces, in place. */
static char *collapse(char *t)
{
	char *w = t;
	bool space = true;

	for (char *p = t; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			if (!space)
				*w++ = ' ';
			space = true;
		} else {
			*w++ = *p;
			space = false;
		}
	}
	if (w > t && w[-1] == ' ')
		w--;
	*w = '\0';
	return t;
}

static enum masa_err read_table(struct docx_reader *r, const xmlNode *tbl,
                                int depth, struct masa_error *err);

static enum masa_err read_row(struct docx_reader *r, const xmlNode *tr,
                              struct masa_error *err)
{
	const char *cells[SOURCE_MAX_CELLS];
	struct arena scratch = ARENA_INIT;
	size_t ncells = 0, number = ++r->number;
	bool any = false;
	enum masa_err rc = MASA_OK;

	for (const xmlNode *c = tr->children; c; c = c->next) {
		const xmlNode *span, *tc = c;
		long extra = 0;

		if (is(c, "sdt")) /* a content control around a cell */
			tc = child(child(c, "sdtContent"), "tc");
		if (!is(tc, "tc"))
			continue;
		span = child(child(tc, "tcPr"), "gridSpan");
		if (span && val(span)) {
			extra = strtol(val(span), NULL, 10) - 1;
			if (extra < 0 || extra > SOURCE_MAX_CELLS)
				extra = 0;
		}
		if (ncells + 1 + (size_t)extra > SOURCE_MAX_CELLS) {
			rc = masa_error_set(err, MASA_ERR_LIMIT,
			                    "a table of the document has more "
			                    "than %d columns",
			                    SOURCE_MAX_CELLS);
			goto out;
		}
		buf_reset(&r->text);
		r->any_text = false;
		r->all_bold = true;
		rc = collect_runs(r, tc, 1, err);
		if (rc != MASA_OK)
			goto out;
		cells[ncells] = arena_strdup(&scratch, buf_str(&r->text));
		collapse((char *)cells[ncells]);
		if (cells[ncells][0])
			any = true;
		ncells++;
		while (extra-- > 0)
			cells[ncells++] = "";
	}
	if (any)
		rc = source_add_row(r->s, cells, ncells, number, err);
out:
	arena_free(&scratch);
	return rc;
}

static enum masa_err read_table(struct docx_reader *r, const xmlNode *tbl,
                                int depth, struct masa_error *err)
{
	enum masa_err rc = MASA_OK;

	if (depth > DOCX_MAX_DEPTH)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "the document nests more than %d levels "
		                      "deep: masa does not read it",
		                      DOCX_MAX_DEPTH);
	for (const xmlNode *c = tbl->children; c && rc == MASA_OK;
	     c = c->next) {
		if (is(c, "tr"))
			rc = read_row(r, c, err);
		else if (is(c, "sdt") || is(c, "customXml") ||
		         is(c, "sdtContent"))
			rc = read_table(r, c, depth + 1, err);
	}
	return rc;
}

/* Reads the block-level content of n: paragraphs, tables, and the content
 * controls and custom XML that wrap them. */
static enum masa_err read_blocks(struct docx_reader *r, const xmlNode *n,
                                 int depth, struct masa_error *err)
{
	enum masa_err rc = MASA_OK;

	if (depth > DOCX_MAX_DEPTH)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "the document nests more than %d levels "
		                      "deep: masa does not read it",
		                      DOCX_MAX_DEPTH);
	for (const xmlNode *c = n->children; c && rc == MASA_OK; c = c->next) {
		if (is(c, "p")) {
			rc = read_paragraph(r, c, err);
		} else if (is(c, "tbl")) {
			rc = read_table(r, c, depth + 1, err);
			if (rc == MASA_OK && r->s->n > 0 &&
			    r->s->lines[r->s->n - 1].kind == SOURCE_TABLE_ROW)
				rc = source_add(r->s, SOURCE_BLANK, 0, NULL,
				                r->number, err);
		} else if (is(c, "sdt")) {
			const xmlNode *content = child(c, "sdtContent");
			if (content)
				rc = read_blocks(r, content, depth + 1, err);
		} else if (is(c, "customXml") || is(c, "ins") ||
		           is(c, "smartTag")) {
			rc = read_blocks(r, c, depth + 1, err);
		}
	}
	return rc;
}

enum masa_err source_read_docx_xml(const char *xml, size_t len,
                                   const char *styles, size_t styles_len,
                                   struct source *s, struct masa_error *err)
{
	struct docx_reader r = {.s = s};
	enum masa_err rc = MASA_OK;
	const xmlNode *root, *body;
	xmlDoc *doc;

	s->format = SOURCE_DOCX;
	buf_init(&r.text, DOCX_MAX_PARAGRAPH + 16);
	read_styles(&r, styles, styles_len);
	doc = parse_xml(xml, len, "word/document.xml", err);
	if (!doc) {
		rc = err ? err->code : MASA_ERR_INVALID;
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	body = is(root, "document") ? child(root, "body") : NULL;
	if (!body) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "word/document.xml has no document body: this "
		        "is not a Word document masa can read");
		goto out;
	}
	rc = read_blocks(&r, body, 0, err);
out:
	if (doc)
		xmlFreeDoc(doc);
	buf_free(&r.text);
	return rc;
}

/* Unpacks the part called name into a new buffer (caller frees) of at most
 * max bytes; *out is NULL when the zip has no such part. */
static enum masa_err unpack(zip_t *za, const char *name, size_t max, char **out,
                            size_t *out_len, struct masa_error *err)
{
	zip_stat_t st;
	zip_file_t *f = NULL;
	zip_int64_t idx;
	struct buf b;
	char chunk[16384];
	enum masa_err rc = MASA_OK;

	*out = NULL;
	*out_len = 0;
	buf_init(&b, max);
	idx = zip_name_locate(za, name, 0);
	if (idx < 0)
		return MASA_OK;
	zip_stat_init(&st);
	if (zip_stat_index(za, (zip_uint64_t)idx, 0, &st) == 0 &&
	    (st.valid & ZIP_STAT_SIZE) && st.size > max) {
		rc = masa_error_set(
		        err, MASA_ERR_LIMIT,
		        "%s unpacks to %llu MB, more than the %zu MB "
		        "masa reads: this is not an ordinary minutes "
		        "document",
		        name, (unsigned long long)(st.size / (1024 * 1024)),
		        max / (1024 * 1024));
		goto out;
	}
	f = zip_fopen_index(za, (zip_uint64_t)idx, 0);
	if (!f) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s could not be unpacked (%s): the document "
		        "is damaged or encrypted",
		        name, zip_strerror(za));
		goto out;
	}
	for (;;) {
		zip_int64_t n = zip_fread(f, chunk, sizeof chunk);
		if (n < 0) {
			rc = masa_error_set(
			        err, MASA_ERR_INVALID,
			        "%s could not be unpacked (%s): the "
			        "document is damaged",
			        name, zip_file_strerror(f));
			goto out;
		}
		if (n == 0)
			break;
		/* Counted as it comes out: the size in the zip may lie. */
		if (b.len + (size_t)n > max) {
			rc = masa_error_set(
			        err, MASA_ERR_LIMIT,
			        "%s unpacks to more than the %zu MB "
			        "masa reads (its zip headers say "
			        "otherwise): this is not an ordinary "
			        "minutes document",
			        name, max / (1024 * 1024));
			goto out;
		}
		rc = buf_append(&b, chunk, (size_t)n, err);
		if (rc != MASA_OK)
			goto out;
	}
	*out_len = b.len;
	*out = b.data ? b.data : xstrdup("");
	b.data = NULL;
out:
	if (f)
		zip_fclose(f);
	buf_free(&b);
	return rc;
}

enum masa_err source_read_docx(const void *data, size_t len, struct source *s,
                               struct masa_error *err)
{
	zip_error_t ze;
	zip_source_t *src = NULL;
	zip_t *za = NULL;
	char *xml = NULL, *styles = NULL;
	size_t xml_len = 0, styles_len = 0;
	enum masa_err rc = MASA_OK;

	s->format = SOURCE_DOCX;
	if (len > SOURCE_MAX_BYTES)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "the document is larger than %d MB",
		                      SOURCE_MAX_BYTES / (1024 * 1024));
	zip_error_init(&ze);
	src = zip_source_buffer_create(len ? data : "", len, 0, &ze);
	if (!src) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "the document could not be opened: %s",
		                    zip_error_strerror(&ze));
		goto out;
	}
	za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!za) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "the document is not a readable Word file (%s): "
		        "it is damaged or not a .docx",
		        zip_error_strerror(&ze));
		zip_source_free(src);
		goto out;
	}
	rc = unpack(za, "word/document.xml", DOCX_MAX_XML, &xml, &xml_len, err);
	if (rc != MASA_OK)
		goto out;
	if (!xml) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "the zip file has no word/document.xml: it is "
		        "not a Word document");
		goto out;
	}
	/* Styles only name the headings: a document without them, or with
	 * styles masa cannot unpack, is still read. */
	if (unpack(za, "word/styles.xml", DOCX_MAX_STYLES, &styles, &styles_len,
	           NULL) != MASA_OK) {
		free(styles);
		styles = NULL;
		styles_len = 0;
	}
	rc = source_read_docx_xml(xml, xml_len, styles, styles_len, s, err);
out:
	if (za)
		zip_discard(za);
	zip_error_fini(&ze);
	free(xml);
	free(styles);
	return rc;
}
