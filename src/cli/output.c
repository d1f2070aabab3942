/*
 * output: aligned text tables, JSON and dates for people to read.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/text.h"

struct table {
	size_t ncols;
	size_t nrows, cap;
	char **cells; /* nrows * ncols, row 0 the headings */
	size_t *widths;
};

struct table *table_new(const char *const *headings)
{
	struct table *t = xcalloc(1, sizeof *t);

	while (headings[t->ncols] != NULL)
		t->ncols++;
	t->widths = xcalloc(t->ncols, sizeof *t->widths);
	table_add(t, headings);
	return t;
}

void table_add(struct table *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->cells = xrealloc(t->cells,
		                    t->cap * t->ncols * sizeof *t->cells);
	}
	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = cells[c] ? cells[c] : "";
		size_t w = utf8_length(s);
		t->cells[t->nrows * t->ncols + c] = xstrdup(s);
		if (w > t->widths[c])
			t->widths[c] = w;
	}
	t->nrows++;
}

void table_print(struct table *t, FILE *f)
{
	for (size_t r = 0; r < t->nrows; r++) {
		size_t last =
		        0; /* the last column with text: no padding after it */
		for (size_t c = 0; c < t->ncols; c++)
			if (t->cells[r * t->ncols + c][0] != '\0')
				last = c;
		for (size_t c = 0; c <= last; c++) {
			const char *s = t->cells[r * t->ncols + c];
			fputs(s, f);
			if (c < last)
				for (size_t w = utf8_length(s);
				     w < t->widths[c] + 2; w++)
					fputc(' ', f);
		}
		fputc('\n', f);
	}
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->widths);
	free(t);
}

void json_print(json_t *v, FILE *f)
{
	json_dumpf(v, f, JSON_INDENT(2));
	fputc('\n', f);
	json_decref(v);
}

const char *date_long(struct arena *a, const char *iso)
{
	return date_iso_words(a, iso, true);
}

void csv_row(FILE *f, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *s = cells[i] ? cells[i] : "";
		bool formula = csv_is_formula(s);
		bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;

		if (i > 0)
			fputc(',', f);
		if (quote)
			fputc('"', f);
		if (formula)
			fputc('\'', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		if (quote)
			fputc('"', f);
	}
	fputs("\r\n", f);
}
