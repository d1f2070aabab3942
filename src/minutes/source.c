/*
 * source: the line model every minutes reader fills (see source.h).
 */
#include "minutes/source.h"

#include <string.h>

void source_init(struct source *s, enum source_format format)
{
	memset(s, 0, sizeof *s);
	s->format = format;
	s->arena = (struct arena)ARENA_INIT;
}

void source_free(struct source *s)
{
	arena_free(&s->arena);
	memset(s, 0, sizeof *s);
}

static enum masa_err grow(struct source *s, struct masa_error *err)
{
	struct source_line *lines;
	size_t cap;

	if (s->n < s->cap)
		return MASA_OK;
	if (s->n >= SOURCE_MAX_LINES)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "the document has more than %d lines",
		                      SOURCE_MAX_LINES);
	cap = s->cap ? s->cap * 2 : 256;
	lines = arena_alloc(&s->arena, cap * sizeof *lines);
	if (s->n > 0)
		memcpy(lines, s->lines, s->n * sizeof *lines);
	s->lines = lines;
	s->cap = cap;
	return MASA_OK;
}

enum masa_err source_add(struct source *s, enum source_kind kind, int level,
                         const char *text, size_t number,
                         struct masa_error *err)
{
	struct source_line *l;
	enum masa_err rc = grow(s, err);

	if (rc != MASA_OK)
		return rc;
	l = &s->lines[s->n++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->level = level;
	l->text = arena_strdup(&s->arena, text ? text : "");
	l->number = number;
	return MASA_OK;
}

enum masa_err source_add_row(struct source *s, const char *const *cells,
                             size_t ncells, size_t number,
                             struct masa_error *err)
{
	const char **copy;
	size_t len = 0;
	char *joined, *p;
	enum masa_err rc;

	if (ncells > SOURCE_MAX_CELLS)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "a table row has more than %d cells",
		                      SOURCE_MAX_CELLS);
	copy = arena_alloc(&s->arena, (ncells ? ncells : 1) * sizeof *copy);
	for (size_t i = 0; i < ncells; i++) {
		copy[i] = arena_strdup(&s->arena, cells[i] ? cells[i] : "");
		len += strlen(copy[i]) + 1;
	}
	joined = p = arena_alloc(&s->arena, len + 1);
	for (size_t i = 0; i < ncells; i++) {
		size_t n = strlen(copy[i]);
		memcpy(p, copy[i], n);
		p += n;
		if (i + 1 < ncells)
			*p++ = '\t';
	}
	*p = '\0';
	rc = source_add(s, SOURCE_TABLE_ROW, 0, NULL, number, err);
	if (rc != MASA_OK)
		return rc;
	s->lines[s->n - 1].text = joined;
	s->lines[s->n - 1].cells = copy;
	s->lines[s->n - 1].ncells = ncells;
	return MASA_OK;
}

const char *source_format_name(enum source_format f)
{
	switch (f) {
	case SOURCE_TEXT:
		return "text";
	case SOURCE_DOCX:
		return "docx";
	case SOURCE_HTML:
		return "html";
	case SOURCE_PDF:
		return "pdf";
	case SOURCE_UNKNOWN:
		break;
	}
	return "unknown";
}
