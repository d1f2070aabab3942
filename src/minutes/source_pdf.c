/*
 * source_pdf: PDF minutes as lines, through pdftotext (poppler-utils).
 *
 * masa does not parse PDF itself: it runs `pdftotext -layout -enc UTF-8
 * FILE -` directly (no shell; standard input /dev/null), reads at most
 * SOURCE_MAX_BYTES of its output and kills it after PDF_SECONDS. -layout keeps
 * the columns of the page in place, so tables can be found again:
 *
 *   A run of two or more consecutive lines, each split by runs of two or
 *   more spaces into the same number (two or more) of columns starting at
 *   the same places (within two characters), is a table: each line a row.
 *   A line in such a run with a single piece of text indented to one of the
 *   columns after the first continues that cell of the row above (a job
 *   title that wrapped).
 *
 * Everything else is a paragraph line (leading and trailing spaces
 * trimmed); an empty line is a blank line, and so is a page break (form
 * feed). A line's number is its line in pdftotext's output.
 */
#include "minutes/source.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/run.h"

enum {
	PDF_SECONDS = 20,
	PDF_MAX_STDERR = 2048,
	PDF_COLUMN_SLACK = 2,
};

struct piece {
	size_t col;        /* column (in characters) where it starts */
	const char *start; /* bytes of the line */
	size_t len;
};

struct pdf_line {
	char *text; /* NUL-terminated, no form feed */
	struct piece pieces[SOURCE_MAX_CELLS];
	size_t npieces;
	size_t indent; /* column of the first piece */
	bool page_break;
	size_t number;
};

/* Splits l->text into pieces separated by two or more spaces; lines with
 * more pieces than a row may have cells count as one piece (plain text). */
static void split(struct pdf_line *l)
{
	const char *p = l->text;
	size_t col = 0;

	l->npieces = 0;
	while (*p) {
		const char *start;
		size_t start_col, spaces;

		while (*p == ' ' || *p == '\t') {
			p++;
			col++;
		}
		if (!*p)
			break;
		start = p;
		start_col = col;
		for (;;) {
			while (*p && *p != ' ' && *p != '\t') {
				if (((unsigned char)*p & 0xC0) != 0x80)
					col++;
				p++;
			}
			spaces = strspn(p, " \t");
			if (spaces == 1 && p[1]) {
				p++;
				col++;
				continue;
			}
			break;
		}
		if (l->npieces == SOURCE_MAX_CELLS) {
			l->npieces = 1; /* not a table row */
			l->pieces[0].len = strlen(l->pieces[0].start);
			return;
		}
		l->pieces[l->npieces++] = (struct piece){
		        .col = start_col,
		        .start = start,
		        .len = (size_t)(p - start),
		};
	}
	l->indent = l->npieces ? l->pieces[0].col : 0;
}

static bool near(size_t a, size_t b)
{
	return (a > b ? a - b : b - a) <= PDF_COLUMN_SLACK;
}

/* True when l has the same columns as the row r. */
static bool same_layout(const struct pdf_line *r, const struct pdf_line *l)
{
	if (l->npieces != r->npieces || l->npieces < 2)
		return false;
	for (size_t i = 0; i < l->npieces; i++)
		if (!near(l->pieces[i].col, r->pieces[i].col))
			return false;
	return true;
}

/* The column of r that l continues, or 0 when it is not a continuation. */
static size_t continues(const struct pdf_line *r, const struct pdf_line *l)
{
	if (l->npieces != 1 || l->page_break)
		return 0;
	for (size_t i = 1; i < r->npieces; i++)
		if (near(l->pieces[0].col, r->pieces[i].col))
			return i;
	return 0;
}

static char *trimmed(struct arena *a, const char *t)
{
	size_t n;

	while (*t == ' ' || *t == '\t')
		t++;
	n = strlen(t);
	while (n > 0 &&
	       (t[n - 1] == ' ' || t[n - 1] == '\t' || t[n - 1] == '\r'))
		n--;
	return arena_strndup(a, t, n);
}

/* Adds the table of lines[from, to) (all with first's columns, or
 * continuations) as rows. */
static enum masa_err add_table(struct source *s, struct pdf_line *lines,
                               size_t from, size_t to, struct arena *a,
                               struct masa_error *err)
{
	const struct pdf_line *first = &lines[from];
	const char *cells[SOURCE_MAX_CELLS];
	size_t ncells = first->npieces, number = 0;
	bool open = false;
	enum masa_err rc = MASA_OK;

	for (size_t i = from; i < to && rc == MASA_OK; i++) {
		struct pdf_line *l = &lines[i];
		size_t col = continues(first, l);

		if (col && open) {
			cells[col] = arena_printf(a, "%s %.*s", cells[col],
			                          (int)l->pieces[0].len,
			                          l->pieces[0].start);
			continue;
		}
		if (open)
			rc = source_add_row(s, cells, ncells, number, err);
		for (size_t k = 0; k < ncells; k++)
			cells[k] = arena_strndup(a, l->pieces[k].start,
			                         l->pieces[k].len);
		number = l->number;
		open = true;
	}
	if (open && rc == MASA_OK)
		rc = source_add_row(s, cells, ncells, number, err);
	return rc;
}

enum masa_err source_read_pdf_text(const char *text, size_t len,
                                   struct source *s, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct pdf_line *lines;
	size_t nlines = 0, cap = 1, i;
	enum masa_err rc = MASA_OK;
	bool page_break = false;

	s->format = SOURCE_PDF;
	for (i = 0; i < len; i++)
		if (text[i] == '\n')
			cap++;
	if (cap > SOURCE_MAX_LINES)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "the document has more than %d lines",
		                      SOURCE_MAX_LINES);
	lines = xcalloc(cap, sizeof *lines);
	for (i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len;
		struct pdf_line *l = &lines[nlines];
		char *t = arena_strndup(&a, text + i, end - i), *w = t;

		/* Form feeds end pages; NULs cannot be in a line. */
		for (char *p = t; *p; p++) {
			if (*p == '\f')
				page_break = true;
			else
				*w++ = *p;
		}
		*w = '\0';
		l->text = t;
		l->number = ++nlines;
		l->page_break = page_break;
		page_break = false;
		split(l);
		i = end + 1;
	}
	for (i = 0; i < nlines && rc == MASA_OK;) {
		struct pdf_line *l = &lines[i];
		size_t j = i + 1, rows = 1;

		if (l->page_break && s->n > 0 &&
		    s->lines[s->n - 1].kind != SOURCE_BLANK)
			rc = source_add(s, SOURCE_BLANK, 0, NULL, l->number,
			                err);
		if (rc != MASA_OK)
			break;
		if (l->npieces >= 2) {
			while (j < nlines && !lines[j].page_break &&
			       (same_layout(l, &lines[j]) ||
			        continues(l, &lines[j]))) {
				rows += lines[j].npieces >= 2;
				j++;
			}
			if (rows >= 2) {
				rc = add_table(s, lines, i, j, &a, err);
				i = j;
				continue;
			}
		}
		if (l->npieces == 0) {
			/* Runs of empty lines are one blank line. */
			if (s->n > 0 && s->lines[s->n - 1].kind != SOURCE_BLANK)
				rc = source_add(s, SOURCE_BLANK, 0, NULL,
				                l->number, err);
		} else
			rc = source_add(s, SOURCE_PARAGRAPH, 0,
			                trimmed(&a, l->text), l->number, err);
		i++;
	}
	free(lines);
	arena_free(&a);
	return rc;
}

/* Runs pdftotext on path; its output goes to out (at most out->max). */
static enum masa_err run_pdftotext(const char *path, struct buf *out,
                                   struct masa_error *err)
{
	char stderr_text[PDF_MAX_STDERR + 1];
	const char *arg = path;
	char *dotted = NULL;
	struct run_result res;
	enum masa_err rc;

	/* A file name that starts with '-' must not read as an option. */
	if (path[0] == '-') {
		size_t n = strlen(path);
		dotted = xmalloc(n + 3);
		memcpy(dotted, "./", 2);
		memcpy(dotted + 2, path, n + 1);
		arg = dotted;
	}
	{
		char *const argv[] = {
		        "pdftotext", "-layout", "-enc", "UTF-8",
		        (char *)arg, "-",       NULL,
		};
		rc = run_tool(argv, PDF_SECONDS, out, stderr_text,
		              sizeof stderr_text, &res, err);
	}
	free(dotted);
	if (rc != MASA_OK)
		return rc;
	if (res.spawn_error == ENOENT)
		return masa_error_set(err, MASA_ERR_IO,
		                      "pdftotext is missing: masa reads "
		                      "PDF through it (install "
		                      "poppler-utils)");
	if (res.spawn_error != 0)
		return masa_error_set(err, MASA_ERR_IO,
		                      "pdftotext could not be run: %s",
		                      strerror(res.spawn_error));
	if (res.timed_out)
		return masa_error_set(
		        err, MASA_ERR_LIMIT,
		        "pdftotext took longer than %d seconds: the "
		        "PDF is too large or damaged",
		        PDF_SECONDS);
	if (res.too_much)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "the PDF's text is larger than %zu MB",
		                      out->max / (1024 * 1024));
	if (res.status != 0) {
		char *nl = strchr(stderr_text, '\n');
		if (nl)
			*nl = '\0';
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "the PDF could not be read (it is damaged, "
		        "encrypted or not a PDF)%s%s",
		        stderr_text[0] ? ": pdftotext says: " : "",
		        stderr_text);
	}
	return MASA_OK;
}

enum masa_err source_read_pdf(const char *path, struct source *s,
                              struct masa_error *err)
{
	struct buf out;
	enum masa_err rc;

	s->format = SOURCE_PDF;
	buf_init(&out, SOURCE_MAX_BYTES);
	rc = run_pdftotext(path, &out, err);
	if (rc == MASA_OK)
		rc = source_read_pdf_text(buf_str(&out), out.len, s, err);
	buf_free(&out);
	return rc;
}
