/*
 * source: a minutes document as a sequence of lines, whatever format it came
 * in. The readers of each format (plain text and Markdown, Word .docx, HTML
 * pages, PDF through pdftotext) turn the document into lines; the minutes
 * reader (reader.h) recognises the meeting in them. Tables stay tables: a
 * table row is one line with its cells.
 *
 * Everything lives in the source's arena; source_free() frees it all.
 */
#ifndef MASA_MINUTES_SOURCE_H
#define MASA_MINUTES_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mem.h"

enum {
	SOURCE_MAX_BYTES = 64 * 1024 * 1024, /* a document larger is refused */
	SOURCE_MAX_LINES = 2 * 1024 * 1024,
	SOURCE_MAX_CELLS = 64, /* cells in one table row */
};

enum source_format {
	SOURCE_UNKNOWN,
	SOURCE_TEXT, /* plain text or Markdown */
	SOURCE_DOCX,
	SOURCE_HTML,
	SOURCE_PDF,
};

enum source_kind {
	SOURCE_PARAGRAPH, /* a paragraph or a line of plain text */
	SOURCE_HEADING,   /* a heading (level 1-6) */
	SOURCE_LIST_ITEM, /* an item of a bulleted or numbered list (level) */
	SOURCE_TABLE_ROW, /* a row of a table: cells */
	SOURCE_BLANK,     /* an empty line: a break between paragraphs */
};

struct source_line {
	enum source_kind kind;
	int level;        /* heading level, list nesting (1 = outermost) */
	const char *text; /* UTF-8, no line breaks; for a table row the cells
	                     joined with a tab */
	const char *const *cells; /* a table row's cells, else NULL */
	size_t ncells;
	bool bold;     /* the whole line is bold (a heading in disguise) */
	size_t number; /* where it came from: 1-based line of the text, or
	                  the paragraph's position in a .docx or page */
};

struct source {
	enum source_format format;
	struct source_line *lines;
	size_t n, cap;
	struct arena arena;
};

void source_init(struct source *s, enum source_format format);
void source_free(struct source *s);

/* Adds a line (text copied; NULL is ""); MASA_ERR_LIMIT past the limits. */
enum masa_err source_add(struct source *s, enum source_kind kind, int level,
                         const char *text, size_t number,
                         struct masa_error *err);
/* Adds a table row of ncells cells (copied). */
enum masa_err source_add_row(struct source *s, const char *const *cells,
                             size_t ncells, size_t number,
                             struct masa_error *err);

/* The format of data (by its first bytes; name's ending breaks ties). */
enum source_format source_detect(const char *name, const void *data,
                                 size_t len);
const char *source_format_name(enum source_format f);

/* Readers, one per format: data as it was in the file. */
enum masa_err source_read_text(const char *data, size_t len, struct source *s,
                               struct masa_error *err);
enum masa_err source_read_docx(const void *data, size_t len, struct source *s,
                               struct masa_error *err);
enum masa_err source_read_html(const char *data, size_t len, struct source *s,
                               struct masa_error *err);
enum masa_err source_read_pdf(const char *path, struct source *s,
                              struct masa_error *err);
/* The .docx reader's second half: the XML of word/document.xml, already
 * unpacked (styles may be NULL: heading styles are then known by their ids
 * "Heading1".."Heading6" and "Title" only). For the fuzz target and tests. */
enum masa_err source_read_docx_xml(const char *xml, size_t len,
                                   const char *styles, size_t styles_len,
                                   struct source *s, struct masa_error *err);
/* The PDF reader's second half: the text pdftotext -layout wrote. */
enum masa_err source_read_pdf_text(const char *text, size_t len,
                                   struct source *s, struct masa_error *err);

/* Reads the file at path in whichever format it is. */
enum masa_err source_read_file(const char *path, struct source *s,
                               struct masa_error *err);

#endif
