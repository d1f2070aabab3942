/*
 * multipart: reading a multipart/form-data request body (RFC 7578), the
 * way a browser sends a form with a file in it.
 *
 * The body is read in place: a part's bytes are borrowed from the body,
 * never copied, so a 20 MB paper costs no second 20 MB. Names, file names
 * and the values of plain fields are copied into the arena, NUL-terminated.
 * Everything is bounded: at most MULTIPART_MAX_PARTS parts, part headers of
 * at most MULTIPART_HEADERS_MAX bytes; anything malformed is refused whole.
 */
#ifndef MASA_HTTP_MULTIPART_H
#define MASA_HTTP_MULTIPART_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mem.h"

enum {
	MULTIPART_MAX_PARTS = 64,
	MULTIPART_HEADERS_MAX = 4096,
	MULTIPART_BOUNDARY_MAX = 70, /* RFC 2046 */
};

struct multipart_part {
	const char *name;         /* the form field's name (in the arena) */
	const char *filename;     /* as sent (unchecked), or NULL: not a file */
	const char *content_type; /* as sent, or NULL */
	const char *data;         /* the bytes, borrowed from the body */
	size_t size;
	/* A plain field's value, NUL-terminated in the arena; NULL for a file
	 */
	const char *value;
};

/*
 * Whether content_type (a request's Content-Type header) is
 * multipart/form-data.
 */
bool multipart_is_form(const char *content_type);

/*
 * Reads body (len bytes) sent with content_type, calling take(part, data)
 * for each part in order. MASA_ERR_INVALID with a message when the body or
 * the boundary is malformed (then take may have seen some parts already).
 */
enum masa_err multipart_parse(const char *content_type, const char *body,
                              size_t len, struct arena *a,
                              void (*take)(const struct multipart_part *part,
                                           void *data),
                              void *data, struct masa_error *err);

#endif
