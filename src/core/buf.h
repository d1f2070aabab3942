/*
 * buf: a growable byte buffer with a ceiling.
 *
 * Every buffer that grows from outside input has a maximum size; appending past
 * it fails cleanly with MASA_ERR_LIMIT instead of growing without bound (as
 * curl's dynbuf does). The contents are always NUL-terminated.
 */
#ifndef MASA_CORE_BUF_H
#define MASA_CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "core/error.h"

struct buf {
	char *data; /* NUL-terminated; NULL until the first append */
	size_t len;
	size_t cap;
	size_t max; /* appends that would pass this fail */
};

/* A buffer that may grow to max bytes; nothing is allocated until used. */
void buf_init(struct buf *b, size_t max);
/* Appends n bytes; MASA_ERR_LIMIT (and b unchanged) past b->max. */
enum masa_err buf_append(struct buf *b, const void *data, size_t n,
                         struct masa_error *err);
/* Appends a NUL-terminated string. */
enum masa_err buf_puts(struct buf *b, const char *s, struct masa_error *err);
/* Appends formatted text. */
enum masa_err buf_printf(struct buf *b, struct masa_error *err, const char *fmt,
                         ...) __attribute__((format(printf, 3, 4)));
/* As buf_printf, with a va_list. */
enum masa_err buf_vprintf(struct buf *b, struct masa_error *err,
                          const char *fmt, va_list ap)
        __attribute__((format(printf, 3, 0)));
/* Empties b, keeping its memory. */
void buf_reset(struct buf *b);
/* Frees b's memory; b may be used again after buf_init(). */
void buf_free(struct buf *b);
/* The contents as a string ("" when empty); borrowed from b. */
const char *buf_str(const struct buf *b);

#endif
