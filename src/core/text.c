/*
 * text: UTF-8 validation, identifiers and slugs (see text.h).
 */
#include "core/text.h"

#include <string.h>

bool utf8_valid(const char *text, size_t n, size_t *bad_offset)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i];
		size_t len;
		unsigned cp;

		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			len = 2;
			cp = c & 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			len = 3;
			cp = c & 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			len = 4;
			cp = c & 0x07;
		} else {
			goto bad;
		}
		if (n - i < len)
			goto bad;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				goto bad;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
		    (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			goto bad;
		i += len;
	}
	return true;
bad:
	if (bad_offset != NULL)
		*bad_offset = i;
	return false;
}

static bool is_lower_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool is_alnum(char c)
{
	return is_lower_alnum(c) || (c >= 'A' && c <= 'Z');
}

bool text_is_slug(const char *s)
{
	size_t n;

	if (s == NULL || !is_lower_alnum(s[0]))
		return false;
	n = strlen(s);
	if (n > 80)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_lower_alnum(s[i]) && s[i] != '-')
			return false;
	return true;
}

bool text_is_short_name(const char *s)
{
	size_t n;

	if (s == NULL || !is_alnum(s[0]))
		return false;
	n = strlen(s);
	if (n > 40)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_alnum(s[i]) && s[i] != '-' && s[i] != '_' &&
		    s[i] != '&')
			return false;
	return true;
}

char *text_slugify(struct arena *a, const char *name)
{
	size_t n = strlen(name);
	char *out = arena_alloc(a, n + 2);
	size_t k = 0;
	bool dash = false;

	for (size_t i = 0; i < n; i++) {
		char c = name[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (is_lower_alnum(c)) {
			/* Stay within text_is_slug's 80 characters. */
			if (k + (dash && k > 0 ? 2 : 1) > 80)
				break;
			if (dash && k > 0)
				out[k++] = '-';
			out[k++] = c;
			dash = false;
		} else if (c == '\'' || (unsigned char)c >= 0x80) {
			continue; /* "O'Brien" -> "obrien" */
		} else {
			dash = true;
		}
	}
	if (k == 0)
		out[k++] = 'x';
	out[k] = '\0';
	return out;
}

bool text_is_blank(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

size_t utf8_length(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}
