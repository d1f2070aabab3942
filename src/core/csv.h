/*
 * csv: reading and writing comma-separated values (RFC 4180) as people's
 * spreadsheets save them: UTF-8 with or without a byte order mark, CRLF or
 * LF line ends, fields quoted with " (a quote inside doubled, commas and
 * line breaks inside allowed). A reader counts rows as a spreadsheet shows
 * them (the header is row 1), so that every message can name the row.
 */
#ifndef MASA_CORE_CSV_H
#define MASA_CORE_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/mem.h"

/* Most fields in a row, and most bytes in a field. */
enum { CSV_FIELDS_MAX = 256, CSV_FIELD_MAX = 65536 };

struct csv_reader {
	const char *p, *end;
	long row; /* the row last read (1 for the header), 0 before */
};

/* Reads data[0..len) (borrowed), skipping a UTF-8 byte order mark. */
void csv_init(struct csv_reader *r, const char *data, size_t len);

/*
 * The next row's fields (NUL-terminated copies in a) into *fields and
 * their count into *n; *n is 0 at the end of the data. Blank lines are
 * skipped (and counted). MASA_ERR_INVALID naming the row for text that
 * is not UTF-8 (a file saved in another encoding: "row 7 is not UTF-8
 * text: save the file as CSV UTF-8"), a NUL byte, a quote left open or
 * text after a closing quote; MASA_ERR_LIMIT for a row or field larger
 * than the limits above.
 */
enum masa_err csv_next(struct csv_reader *r, struct arena *a, char ***fields,
                       size_t *n, struct masa_error *err);

/*
 * Whether a spreadsheet would run cell s as a formula (it starts with =,
 * +, -, @, a tab or a carriage return, or their full-width forms).
 */
bool csv_is_formula(const char *s);

/*
 * Appends one row (quoted when needed, CRLF) to b. A cell that a
 * spreadsheet would run as a formula gets a leading apostrophe, so that
 * exported text is never executed.
 */
enum masa_err csv_write_row(struct buf *b, const char *const *cells, size_t n,
                            struct masa_error *err);

#endif
