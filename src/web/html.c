/*
 * html: the typed HTML writer (see html.h).
 */
#include "web/html.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void html_init(struct html *h, size_t max)
{
	memset(h, 0, sizeof *h);
	buf_init(&h->out, max);
}

void html_free(struct html *h)
{
	buf_free(&h->out);
}

static void put(struct html *h, const char *s, size_t n)
{
	if (h->err.code != MASA_OK)
		return;
	(void)buf_append(&h->out, s, n, &h->err);
}

static void puts_(struct html *h, const char *s)
{
	put(h, s, strlen(s));
}

/* Escapes &, <, >, " and ' (so text is safe in content and attributes). */
static void escaped(struct html *h, const char *s)
{
	const char *run = s;

	for (; *s; s++) {
		const char *rep;
		switch (*s) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		put(h, run, (size_t)(s - run));
		puts_(h, rep);
		run = s + 1;
	}
	put(h, run, (size_t)(s - run));
}

/* Tag and attribute names are masa's literals: lower-case, digits, '-'. */
static bool name_ok(const char *name)
{
	if (name == NULL || *name == '\0')
		return false;
	for (; *name; name++)
		if (!((*name >= 'a' && *name <= 'z') ||
		      (*name >= '0' && *name <= '9') || *name == '-'))
			return false;
	return true;
}

static bool is_url_attribute(const char *name)
{
	return strcmp(name, "href") == 0 || strcmp(name, "src") == 0 ||
	       strcmp(name, "action") == 0 || strcmp(name, "formaction") == 0;
}

bool html_url_safe(const char *url)
{
	const char *colon, *stop;

	if (url == NULL)
		return false;
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return false;
	if (strncmp(url, "https://", 8) == 0 ||
	    strncmp(url, "http://", 7) == 0 || strncmp(url, "mailto:", 7) == 0)
		return true;
	/* A relative reference has no scheme: no ':' before the first / ? #. */
	colon = strchr(url, ':');
	stop = url + strcspn(url, "/?#");
	if (strncmp(url, "//", 2) == 0)
		return false; /* another host, scheme-relative */
	return colon == NULL || colon > stop;
}

static void attributes(struct html *h, va_list ap)
{
	for (;;) {
		const char *name = va_arg(ap, const char *);
		const char *value;

		if (name == NULL)
			break;
		value = va_arg(ap, const char *);
		assert(name_ok(name));
		if (value == NULL)
			continue;
		put(h, " ", 1);
		puts_(h, name);
		if (value[0] == '\0' && !is_url_attribute(name))
			continue; /* boolean attribute */
		puts_(h, "=\"");
		if (is_url_attribute(name) && !html_url_safe(value))
			value = "#";
		escaped(h, value);
		put(h, "\"", 1);
	}
}

/* Writes <tag attrs...> from a NULL-ended list of name, value pairs. */
static void open_tag(struct html *h, const char *tag, va_list ap)
{
	assert(name_ok(tag));
	put(h, "<", 1);
	puts_(h, tag);
	attributes(h, ap);
	put(h, ">", 1);
}

void html_open(struct html *h, const char *tag, ...)
{
	va_list ap;

	va_start(ap, tag);
	open_tag(h, tag, ap);
	va_end(ap);
	if (h->depth < HTML_MAX_DEPTH)
		h->stack[h->depth] = tag;
	else
		h->overflow = true;
	h->depth++;
}

void html_void(struct html *h, const char *tag, ...)
{
	va_list ap;

	va_start(ap, tag);
	open_tag(h, tag, ap);
	va_end(ap);
}

void html_close(struct html *h)
{
	assert(h->depth > 0);
	if (h->depth == 0)
		return;
	h->depth--;
	if (h->depth < HTML_MAX_DEPTH) {
		put(h, "</", 2);
		puts_(h, h->stack[h->depth]);
		put(h, ">", 1);
	}
}

void html_close_to(struct html *h, const char *tag)
{
	while (h->depth > 0) {
		bool last = h->depth <= HTML_MAX_DEPTH &&
		            strcmp(h->stack[h->depth - 1], tag) == 0;
		html_close(h);
		if (last)
			break;
	}
}

void html_text(struct html *h, const char *text)
{
	if (text != NULL)
		escaped(h, text);
}

void html_textf(struct html *h, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		escaped(h, small);
		return;
	}
	{
		struct buf b;
		buf_init(&b, (size_t)n + 1);
		va_start(ap, fmt);
		if (buf_vprintf(&b, NULL, fmt, ap) == MASA_OK)
			escaped(h, buf_str(&b));
		va_end(ap);
		buf_free(&b);
	}
}

void html_elem(struct html *h, const char *tag, const char *text, ...)
{
	va_list ap;

	va_start(ap, text);
	open_tag(h, tag, ap);
	va_end(ap);
	html_text(h, text);
	put(h, "</", 2);
	puts_(h, tag);
	put(h, ">", 1);
}

void html_raw_trusted(struct html *h, const char *trusted)
{
	if (trusted != NULL)
		puts_(h, trusted);
}

enum masa_err html_finish(struct html *h, const char **out, size_t *len,
                          struct masa_error *err)
{
	if (h->err.code != MASA_OK) {
		if (err)
			*err = h->err;
		return h->err.code;
	}
	if (h->overflow)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "page nests deeper than %d elements",
		                      HTML_MAX_DEPTH);
	if (h->depth != 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "page left <%s> open",
		                      h->stack[h->depth - 1 < HTML_MAX_DEPTH
		                                       ? h->depth - 1
		                                       : HTML_MAX_DEPTH - 1]);
	*out = buf_str(&h->out);
	*len = h->out.len;
	return MASA_OK;
}
