/*
 * source_text: plain text and Markdown into the line model (source.h).
 *
 * Minutes saved as text are written line by line, so every line of the
 * file stays a line of its own (Markdown's joining of a paragraph's lines
 * is not done: the minutes reader wants the lines as they were):
 *   - a line of spaces only is a blank;
 *   - "# Title" (up to six #) is a heading of that level;
 *   - "- text", "* text", "+ text" is a list item (nesting by indent), and
 *     "1. text" or "1) text" an ordered one, whose text keeps its printed
 *     number ("1. text") because in minutes that number may be an item's;
 *   - "| a | b |" is a table row (a row of only dashes and colons, a
 *     Markdown table's rule, is dropped), and so is a line with a TAB
 *     between words (word processors save tables as TAB-separated lines);
 *   - a line in **bold**, or inside a bold span opened on an earlier line
 *     of the same paragraph, is bold.
 * Text keeps its words but loses Markdown markup: ** markers, <sup> and
 * similar tags, the angle brackets of <https://...>, backslash escapes.
 * Bytes that are not UTF-8 are taken as Windows-1252 (Latin-1 for most)
 * and converted, as text saved by older word processors is.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "minutes/source.h"

/* The length of the UTF-8 sequence at p (of at most n bytes), or 0. */
static size_t utf8_sequence(const unsigned char *p, size_t n)
{
	size_t len;
	unsigned int c;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		len = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		len = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		len = 4;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	c = p[0];
	if (len == 3) {
		c = ((c & 0x0F) << 6) | (p[1] & 0x3F);
		if (c < 0x20 ||
		    (c >= 0x360 && c < 0x380)) /* overlong, surrogate */
			return 0;
	} else if (len == 4) {
		c = ((c & 0x07) << 6) | (p[1] & 0x3F);
		if (c < 0x10 || c > 0x10F)
			return 0;
	}
	return len;
}

/* Windows-1252's 0x80-0x9F as Unicode (0 where it has none). */
static const unsigned short cp1252[32] = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
        0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

static void put_utf8(char *out, size_t *k, unsigned int c)
{
	if (c < 0x80) {
		out[(*k)++] = (char)c;
	} else if (c < 0x800) {
		out[(*k)++] = (char)(0xC0 | (c >> 6));
		out[(*k)++] = (char)(0x80 | (c & 0x3F));
	} else {
		out[(*k)++] = (char)(0xE0 | (c >> 12));
		out[(*k)++] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[(*k)++] = (char)(0x80 | (c & 0x3F));
	}
}

/*
 * The line's text cleaned of markup into out (room for 3 * n + 1 bytes):
 * invalid bytes converted, control characters dropped, ** removed, simple
 * inline tags and autolink brackets removed, backslash escapes undone.
 */
static size_t clean(const char *line, size_t n, char *out)
{
	const unsigned char *p = (const unsigned char *)line;
	size_t k = 0;

	for (size_t i = 0; i < n;) {
		size_t len = utf8_sequence(p + i, n - i);
		if (len == 0) {
			unsigned int c = p[i];
			if (c >= 0x80 && c < 0xA0)
				c = cp1252[c - 0x80] ? cp1252[c - 0x80]
				                     : 0xFFFD;
			put_utf8(out, &k, c);
			i++;
			continue;
		}
		if (len > 1) {
			memcpy(out + k, p + i, len);
			k += len;
			i += len;
			continue;
		}
		if (p[i] < 0x20 && p[i] != '\t') {
			i++;
			continue;
		}
		if (p[i] == '*' && i + 1 < n && p[i + 1] == '*') {
			i += 2;
			continue;
		}
		if (p[i] == '\\' && i + 1 < n &&
		    strchr("\\`*_{}[]()#+-.!'\"<>|~", p[i + 1]) != NULL &&
		    p[i + 1] != '\0') {
			out[k++] = (char)p[i + 1];
			i += 2;
			continue;
		}
		if (p[i] == '<') {
			static const char *const tags[] = {
			        "<sup>", "</sup>", "<sub>", "</sub>", "<br>",
			        "<br/>", "<br />", "<u>",   "</u>"};
			bool tag = false;
			for (size_t t = 0; t < sizeof tags / sizeof tags[0];
			     t++) {
				size_t tl = strlen(tags[t]);
				if (n - i >= tl && strncmp((const char *)p + i,
				                           tags[t], tl) == 0) {
					i += tl;
					tag = true;
					break;
				}
			}
			if (tag)
				continue;
			if (n - i > 8 && (strncmp((const char *)p + i + 1,
			                          "http://", 7) == 0 ||
			                  strncmp((const char *)p + i + 1,
			                          "https://", 8) == 0)) {
				const char *end = memchr(p + i, '>', n - i);
				if (end != NULL) {
					size_t ul = (size_t)(end -
					                     (const char *)p) -
					            i - 1;
					memcpy(out + k, p + i + 1, ul);
					k += ul;
					i += ul + 2;
					continue;
				}
			}
		}
		out[k++] = (char)p[i++];
	}
	out[k] = '\0';
	return k;
}

static bool blank_text(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/* Counts "**" markers in s (n bytes). */
static size_t bold_markers(const char *s, size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i + 1 < n; i++)
		if (s[i] == '*' && s[i + 1] == '*') {
			count++;
			i++;
		}
	return count;
}

/* A Markdown table rule: | --- | :---: | */
static bool table_rule(const char *s, size_t n)
{
	bool dash = false;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-')
			dash = true;
		else if (s[i] != '|' && s[i] != ':' && s[i] != ' ' &&
		         s[i] != '\t')
			return false;
	}
	return dash;
}

static char *trim(char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* Splits the cleaned line at separator sep into trimmed cells. */
static enum masa_err add_cells(struct source *s, char *text, char sep,
                               bool pipes, size_t number,
                               struct masa_error *err)
{
	const char *cells[SOURCE_MAX_CELLS];
	size_t ncells = 0;
	char *p = text, *start;

	if (pipes) {
		p = trim(p);
		if (*p == '|')
			p++;
		size_t n = strlen(p);
		if (n > 0 && p[n - 1] == '|' && (n < 2 || p[n - 2] != '\\'))
			p[n - 1] = '\0';
	}
	start = p;
	for (;; p++) {
		if (*p == sep || *p == '\0') {
			bool end = *p == '\0';
			*p = '\0';
			if (ncells == SOURCE_MAX_CELLS)
				return masa_error_set(err, MASA_ERR_LIMIT,
				                      "line %zu: a table row "
				                      "has more than %d "
				                      "cells",
				                      number, SOURCE_MAX_CELLS);
			cells[ncells++] = trim(start);
			if (end)
				break;
			start = p + 1;
		}
	}
	return source_add_row(s, cells, ncells, number, err);
}

/* Is the text after indentation an ordered list marker "12. " or "3) "? */
static size_t ordered_marker(const char *s)
{
	size_t i = 0;

	while (s[i] >= '0' && s[i] <= '9' && i < 4)
		i++;
	if (i == 0 || (s[i] != '.' && s[i] != ')'))
		return 0;
	if (s[i + 1] != ' ' && s[i + 1] != '\t')
		return 0;
	return i + 1;
}

static enum masa_err add_line(struct source *s, const char *raw, size_t n,
                              size_t number, bool *in_bold, char *scratch,
                              struct masa_error *err)
{
	enum masa_err rc;
	size_t markers, indent = 0;
	bool bold = false, starts, ends, tab;
	char *text;
	int level = 0;
	enum source_kind kind = SOURCE_PARAGRAPH;

	if (blank_text(raw, n)) {
		*in_bold = false;
		return source_add(s, SOURCE_BLANK, 0, "", number, err);
	}
	/* Bold: the whole line, or a span across lines. */
	{
		size_t a = 0, b = n;
		while (a < n && (raw[a] == ' ' || raw[a] == '\t'))
			a++;
		while (b > a && (raw[b - 1] == ' ' || raw[b - 1] == '\t'))
			b--;
		markers = bold_markers(raw + a, b - a);
		starts = b - a >= 2 && raw[a] == '*' && raw[a + 1] == '*';
		ends = b - a >= 4 && raw[b - 1] == '*' && raw[b - 2] == '*';
		if (*in_bold) {
			bold = true;
			if (markers % 2 == 1)
				*in_bold = false;
		} else if (starts && ends && markers == 2) {
			bold = true;
		} else if (starts && markers % 2 == 1) {
			bold = true;
			*in_bold = true;
		}
	}
	for (size_t i = 0; i < n && (raw[i] == ' ' || raw[i] == '\t'); i++)
		indent += raw[i] == '\t' ? 4 : 1;
	clean(raw, n, scratch);
	if (table_rule(scratch, strlen(scratch)))
		return MASA_OK;
	while (*scratch == ' ' || *scratch == '\t')
		memmove(scratch, scratch + 1, strlen(scratch));
	/* A TAB after words makes a table row, even with empty cells at the
	 * end ("Louise Blanc<TAB>"), so look before trimming. */
	tab = strchr(scratch, '\t') != NULL && scratch[0] != '|';
	if (tab) {
		size_t len = strlen(scratch);
		while (len > 0 && scratch[len - 1] == ' ')
			scratch[--len] = '\0';
		return add_cells(s, scratch, '\t', false, number, err);
	}
	text = trim(scratch);
	if (text[0] == '|') {
		rc = add_cells(s, text, '|', true, number, err);
		if (rc == MASA_OK)
			s->lines[s->n - 1].bold = bold;
		return rc;
	}
	if (text[0] == '#') {
		size_t h = 0;
		while (text[h] == '#')
			h++;
		if (h <= 6 && (text[h] == ' ' || text[h] == '\0')) {
			char *end;
			kind = SOURCE_HEADING;
			level = (int)h;
			text = trim(text + h);
			end = text + strlen(text);
			while (end > text && end[-1] == '#')
				*--end = '\0';
			text = trim(text);
		}
	} else if ((text[0] == '-' || text[0] == '*' || text[0] == '+' ||
	            strncmp(text, "\xe2\x80\xa2", 3) == 0) &&
	           (text[text[0] == '\xe2' ? 3 : 1] == ' ' ||
	            text[text[0] == '\xe2' ? 3 : 1] == '\t')) {
		kind = SOURCE_LIST_ITEM;
		level = (int)(indent / 2) + 1;
		text = trim(text + (text[0] == '\xe2' ? 3 : 1));
	} else if (ordered_marker(text) > 0) {
		kind = SOURCE_LIST_ITEM;
		level = (int)(indent / 2) + 1;
	}
	if (level > 9)
		level = 9;
	rc = source_add(s, kind, level, text, number, err);
	if (rc == MASA_OK)
		s->lines[s->n - 1].bold = bold;
	return rc;
}

enum masa_err source_read_text(const char *data, size_t len, struct source *s,
                               struct masa_error *err)
{
	enum masa_err rc = MASA_OK;
	size_t number = 0, longest = 0, start = 0;
	bool in_bold = false;
	char *scratch;

	if (len > SOURCE_MAX_BYTES)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "the document is larger than %d MB",
		                      SOURCE_MAX_BYTES / (1024 * 1024));
	if (memchr(data, '\0', len) != NULL)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "the file is not text (it holds NUL "
		        "bytes): give a .txt, .md, .docx, .html or "
		        ".pdf file");
	for (size_t i = 0; i <= len; i++)
		if (i == len || data[i] == '\n' || data[i] == '\r') {
			if (i - start > longest)
				longest = i - start;
			start = i + 1;
		}
	scratch = xmalloc(3 * longest + 1);
	start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && data[i] != '\n' && data[i] != '\r')
			continue;
		if (i == len && start == len)
			break;
		number++;
		rc = add_line(s, data + start, i - start, number, &in_bold,
		              scratch, err);
		if (rc != MASA_OK)
			goto out;
		if (i < len && data[i] == '\r' && i + 1 < len &&
		    data[i + 1] == '\n')
			i++;
		start = i + 1;
	}
out:
	free(scratch);
	return rc;
}
