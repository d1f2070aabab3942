/*
 * buf: growable byte buffer with a ceiling (see buf.h).
 */
#include "core/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

void buf_init(struct buf *b, size_t max)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

static enum masa_err buf_reserve(struct buf *b, size_t n,
                                 struct masa_error *err)
{
	size_t want;
	size_t cap;

	if (n > b->max || b->len > b->max - n)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "text longer than the limit of %zu bytes",
		                      b->max);
	want = b->len + n + 1;
	if (want <= b->cap)
		return MASA_OK;
	cap = b->cap ? b->cap : 256;
	while (cap < want)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
	return MASA_OK;
}

enum masa_err buf_append(struct buf *b, const void *data, size_t n,
                         struct masa_error *err)
{
	enum masa_err rc = buf_reserve(b, n, err);

	if (rc != MASA_OK)
		return rc;
	if (n > 0)
		memcpy(b->data + b->len, data, n);
	b->len += n;
	b->data[b->len] = '\0';
	return MASA_OK;
}

enum masa_err buf_puts(struct buf *b, const char *s, struct masa_error *err)
{
	return buf_append(b, s, strlen(s), err);
}

enum masa_err buf_vprintf(struct buf *b, struct masa_error *err,
                          const char *fmt, va_list ap)
{
	va_list copy;
	int n;
	enum masa_err rc;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return masa_error_set(err, MASA_ERR_INVALID, "bad format");
	rc = buf_reserve(b, (size_t)n, err);
	if (rc != MASA_OK)
		return rc;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return MASA_OK;
}

enum masa_err buf_printf(struct buf *b, struct masa_error *err, const char *fmt,
                         ...)
{
	va_list ap;
	enum masa_err rc;

	va_start(ap, fmt);
	rc = buf_vprintf(b, err, fmt, ap);
	va_end(ap);
	return rc;
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

const char *buf_str(const struct buf *b)
{
	return b->data != NULL ? b->data : "";
}
