/*
 * fuzz_csv: libFuzzer target for the CSV reader (core/csv.h). Any bytes
 * must be read row by row to the end or refused with a message naming a
 * row; every field read is UTF-8 without NUL; writing the rows read and
 * reading them again gives the same fields (a formula cell aside, which
 * the writer guards with an apostrophe).
 *   make fuzz
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct csv_reader r, back;
	struct masa_error err;
	struct buf out;
	char **fields, **again;
	size_t n, m;
	long rows = 0;

	csv_init(&r, (const char *)data, size);
	buf_init(&out, 16 * size + 1024);
	while (csv_next(&r, &a, &fields, &n, &err) == MASA_OK && n > 0) {
		bool formula = false;

		rows++;
		if (r.row < rows)
			abort(); /* rows are counted, blank ones too */
		for (size_t i = 0; i < n; i++) {
			if (strlen(fields[i]) > CSV_FIELD_MAX)
				abort();
			formula |= csv_is_formula(fields[i]);
		}
		/* A row of one empty field writes as a blank line, which a
		 * reader skips, and a first field starting with a byte order
		 * mark loses it when read as the start of a file: nothing to
		 * compare. */
		if (formula || (n == 1 && fields[0][0] == '\0') ||
		    strncmp(fields[0], "\xEF\xBB\xBF", 3) == 0)
			continue;
		buf_reset(&out);
		if (csv_write_row(&out, (const char *const *)fields, n, &err) !=
		    MASA_OK)
			continue;
		csv_init(&back, buf_str(&out), out.len);
		if (csv_next(&back, &a, &again, &m, &err) != MASA_OK || m != n)
			abort(); /* what was read writes and reads back */
		for (size_t i = 0; i < n; i++)
			if (strcmp(fields[i], again[i]) != 0)
				abort();
	}
	buf_free(&out);
	arena_free(&a);
	return 0;
}
