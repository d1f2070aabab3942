/*
 * html: the typed HTML writer. Every page is written through it, and it
 * escapes all text and attribute values by construction: there is no way to
 * put a caller's string into the output unescaped except html_raw_trusted(),
 * the one greppable path for output masa itself made safe (cmark's safe
 * renderer). Tag and attribute names are masa's own string literals, never
 * input; URL attributes (href, src, action, formaction) accept only relative
 * references and http, https and mailto addresses, anything else becomes "#".
 *
 * Elements nest: html_open() pushes a tag that html_close() pops, so the
 * output is always well formed; html_finish() reports an element left open
 * (a bug in the page) or the size limit reached.
 */
#ifndef MASA_WEB_HTML_H
#define MASA_WEB_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/error.h"

enum { HTML_MAX_DEPTH = 64 };

struct html {
	struct buf out;
	const char *stack[HTML_MAX_DEPTH];
	int depth;
	bool overflow;         /* nesting deeper than HTML_MAX_DEPTH */
	struct masa_error err; /* the first failure (size limit) */
};

/* A writer whose output may grow to max bytes. */
void html_init(struct html *h, size_t max);
/* Frees the output. */
void html_free(struct html *h);

/*
 * Opens <tag attr="value" ...>: the variadic arguments are name, value
 * pairs ending with NULL. A NULL value leaves the attribute out; the value
 * "" writes a boolean attribute (<input required>).
 */
void html_open(struct html *h, const char *tag, ...) __attribute__((sentinel));
/* A void element (<input>, <br>, <meta>, <link>, <img>): nothing to close. */
void html_void(struct html *h, const char *tag, ...) __attribute__((sentinel));
/* Closes the innermost open element. */
void html_close(struct html *h);
/* Closes open elements down to (and including) the innermost `tag`. */
void html_close_to(struct html *h, const char *tag);
/* Text, escaped. NULL writes nothing. */
void html_text(struct html *h, const char *text);
/* Formatted text, escaped after formatting. */
void html_textf(struct html *h, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
/* <tag attrs...>text</tag> in one call. */
void html_elem(struct html *h, const char *tag, const char *text, ...)
        __attribute__((sentinel));
/*
 * Output that masa made safe itself (the doctype, cmark's safe HTML). The
 * one way around escaping: keep its callers few and say why at each.
 */
void html_raw_trusted(struct html *h, const char *trusted);
/*
 * Ends the document: MASA_OK and *out (borrowed from h) when every element
 * was closed and the output fitted; otherwise an error naming the problem.
 */
enum masa_err html_finish(struct html *h, const char **out, size_t *len,
                          struct masa_error *err);

/* True when url is safe in a URL attribute (see above). */
bool html_url_safe(const char *url);

#endif
