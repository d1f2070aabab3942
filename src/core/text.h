/*
 * text: checks and transformations of text that comes from outside.
 */
#ifndef MASA_CORE_TEXT_H
#define MASA_CORE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/mem.h"

/*
 * True when the n bytes at s are well-formed UTF-8 (no overlong forms, no
 * surrogates, nothing past U+10FFFF). When false and bad_offset is not NULL,
 * it receives the offset of the first bad byte.
 */
bool utf8_valid(const char *s, size_t n, size_t *bad_offset);

/*
 * True for an identifier of masa's interchange: 1-80 characters, lower-case
 * ASCII letters, digits and '-', starting with a letter or digit.
 */
bool text_is_slug(const char *s);

/*
 * True for a body's short name: 1-40 characters of ASCII letters, digits, '-',
 * '_' and '&', starting with a letter or digit.
 */
bool text_is_short_name(const char *s);

/*
 * A slug made from name ("Steve Ashley" -> "steve-ashley"), in a; non-ASCII
 * letters are dropped. Never empty: "x" when nothing is left.
 */
char *text_slugify(struct arena *a, const char *name);

/* True when s is NULL or holds only white space. */
bool text_is_blank(const char *s);

/* Length in characters (code points) of the UTF-8 text s. */
size_t utf8_length(const char *s);

#endif
