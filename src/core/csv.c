/*
 * csv: RFC 4180 reading and writing (see csv.h).
 */
#include "core/csv.h"

#include <string.h>

/* The length of the UTF-8 sequence at s (at most n bytes), or 0 when it
 * is not one (overlong forms, surrogates and values past U+10FFFF too). */
static size_t utf8_length(const unsigned char *s, size_t n)
{
	size_t len;
	unsigned long cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return len;
}

void csv_init(struct csv_reader *r, const char *data, size_t len)
{
	r->p = data;
	r->end = data + len;
	r->row = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		r->p += 3;
}

/* Appends c to the field being read. */
static enum masa_err field_add(struct buf *f, const char *c, size_t n, long row,
                               struct masa_error *err)
{
	if (f->len + n > CSV_FIELD_MAX)
		return masa_error_set(
		        err, MASA_ERR_LIMIT,
		        "row %ld has a field longer than %d bytes", row,
		        CSV_FIELD_MAX);
	return buf_append(f, c, n, err);
}

/* Ends the field in f: copies it into the row's list. */
static enum masa_err field_end(struct buf *f, struct arena *a, char ***fields,
                               size_t *n, size_t *cap, long row,
                               struct masa_error *err)
{
	if (*n >= CSV_FIELDS_MAX)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "row %ld has more than %d fields", row,
		                      CSV_FIELDS_MAX);
	*fields = arena_grow(a, *fields, *n, cap, sizeof **fields, 16);
	(*fields)[(*n)++] = arena_strndup(a, f->len ? f->data : "", f->len);
	buf_reset(f);
	return MASA_OK;
}

/* Reads one row starting at r->p (not at the end); see csv_next. */
static enum masa_err read_row(struct csv_reader *r, struct arena *a,
                              struct buf *f, char ***fields, size_t *n,
                              struct masa_error *err)
{
	const char *p = r->p;
	size_t cap = 0;
	bool quoted = false, was_quoted = false;
	enum masa_err rc;

	for (;;) {
		const unsigned char *u = (const unsigned char *)p;
		size_t len;

		if (p == r->end) {
			if (quoted)
				return masa_error_set(
				        err, MASA_ERR_INVALID,
				        "row %ld has a quoted field that is "
				        "never closed: a \" is missing",
				        r->row);
			break;
		}
		if (*p == '\0')
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "row %ld holds a NUL byte: is it a "
			        "spreadsheet saved as CSV UTF-8?",
			        r->row);
		len = utf8_length(u, (size_t)(r->end - p));
		if (len == 0)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "row %ld is not UTF-8 text: save the file as "
			        "\"CSV UTF-8\"",
			        r->row);
		if (quoted) {
			if (*p == '"' && p + 1 < r->end && p[1] == '"') {
				rc = field_add(f, "\"", 1, r->row, err);
				p += 2;
			} else if (*p == '"') {
				quoted = false;
				p++;
				rc = MASA_OK;
			} else {
				rc = field_add(f, p, len, r->row, err);
				p += len;
			}
			if (rc != MASA_OK)
				return rc;
			continue;
		}
		if (*p == ',' || *p == '\n' || *p == '\r') {
			if ((rc = field_end(f, a, fields, n, &cap, r->row,
			                    err)) != MASA_OK)
				return rc;
			was_quoted = false;
			if (*p == ',') {
				p++;
				continue;
			}
			p += (*p == '\r' && p + 1 < r->end && p[1] == '\n') ? 2
			                                                    : 1;
			r->p = p;
			return MASA_OK;
		}
		if (was_quoted)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "row %ld has text after a closing "
			        "quote: write a \" inside a quoted "
			        "field as \"\"",
			        r->row);
		if (*p == '"' && f->len == 0) {
			quoted = was_quoted = true;
			p++;
			continue;
		}
		if ((rc = field_add(f, p, len, r->row, err)) != MASA_OK)
			return rc;
		p += len;
	}
	rc = field_end(f, a, fields, n, &cap, r->row, err);
	r->p = p;
	return rc;
}

enum masa_err csv_next(struct csv_reader *r, struct arena *a, char ***fields,
                       size_t *n, struct masa_error *err)
{
	struct buf f;
	enum masa_err rc;

	*fields = NULL;
	*n = 0;
	for (;;) {
		if (r->p >= r->end)
			return MASA_OK;
		r->row++;
		/* A blank line is no row of data. */
		if (*r->p == '\n') {
			r->p++;
			continue;
		}
		if (*r->p == '\r' && r->p + 1 < r->end && r->p[1] == '\n') {
			r->p += 2;
			continue;
		}
		break;
	}
	buf_init(&f, CSV_FIELD_MAX + 8);
	rc = read_row(r, a, &f, fields, n, err);
	buf_free(&f);
	if (rc != MASA_OK) {
		*fields = NULL;
		*n = 0;
	}
	return rc;
}

bool csv_is_formula(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL)
		return true;
	return u[0] == 0xEF && u[1] == 0xBC &&
	       (u[2] == 0x9D || u[2] == 0x8B || u[2] == 0x8D || u[2] == 0xA0);
}

enum masa_err csv_write_row(struct buf *b, const char *const *cells, size_t n,
                            struct masa_error *err)
{
	enum masa_err rc = MASA_OK;

	for (size_t i = 0; i < n && rc == MASA_OK; i++) {
		const char *s = cells[i] ? cells[i] : "";
		bool formula = csv_is_formula(s);
		bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;

		if (i > 0)
			rc = buf_puts(b, ",", err);
		if (rc == MASA_OK && quote)
			rc = buf_puts(b, formula ? "\"'" : "\"", err);
		for (; rc == MASA_OK && *s; s++)
			rc = *s == '"' ? buf_puts(b, "\"\"", err)
			               : buf_append(b, s, 1, err);
		if (rc == MASA_OK && quote)
			rc = buf_puts(b, "\"", err);
	}
	return rc == MASA_OK ? buf_puts(b, "\r\n", err) : rc;
}
