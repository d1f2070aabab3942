/*
 * markdown: Markdown through cmark's safe renderer (see markdown.h).
 */
#include "web/markdown.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

/*
 * Safe mode is cmark's default since 0.29 (CMARK_OPT_SAFE is kept only for
 * older versions, where it was needed); VALIDATE_UTF8 replaces bad bytes
 * instead of passing them through. Never add CMARK_OPT_UNSAFE.
 */
#define MARKDOWN_OPTIONS (CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8)

/* Moves every heading of doc down so that "#" becomes first_heading. */
static void shift_headings(cmark_node *doc, int first_heading)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		int level;

		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(node) != CMARK_NODE_HEADING)
			continue;
		level = cmark_node_get_heading_level(node) + first_heading - 1;
		cmark_node_set_heading_level(node, level > 6 ? 6 : level);
	}
	cmark_iter_free(it);
}

void markdown_write(struct html *h, const char *text, int first_heading)
{
	cmark_node *doc;
	char *out;

	if (text_is_blank(text))
		return;
	doc = cmark_parse_document(text, strlen(text), MARKDOWN_OPTIONS);
	if (doc == NULL) /* cmark could not allocate */
		abort();
	if (first_heading > 1)
		shift_headings(doc, first_heading);
	out = cmark_render_html(doc, MARKDOWN_OPTIONS);
	cmark_node_free(doc);
	if (out == NULL)
		abort();
	html_open(h, "div", "class", "masa-markdown", NULL);
	/* cmark's safe renderer escaped all text and dropped raw HTML and
	 * unsafe links: this is the trusted path markdown.h describes. */
	html_raw_trusted(h, out);
	html_close(h);
	free(out);
}
