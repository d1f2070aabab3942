/*
 * markdown: minutes text (Markdown, CommonMark) as HTML in a page.
 *
 * cmark parses and renders in its safe mode: raw HTML in the text is left
 * out (cmark writes "<!-- raw HTML omitted -->" in its place) and links
 * and images whose address is javascript:, vbscript:, file: or data: (but
 * for images of the common types) get an empty one. cmark escapes all text
 * it writes. markdown_write() is therefore the one place in masa where a
 * user's text reaches a page through html_raw_trusted(); CMARK_OPT_UNSAFE
 * must never be set here.
 */
#ifndef MASA_WEB_MARKDOWN_H
#define MASA_WEB_MARKDOWN_H

#include "web/html.h"

/*
 * Writes text (Markdown; NULL or blank writes nothing) as HTML inside
 * <div class="masa-markdown">. Headings in the text become headings from
 * level first_heading down (a "# Title" in minutes under an <h3> item
 * becomes <h4>), so that they fit the page's outline; none goes past <h6>.
 */
void markdown_write(struct html *h, const char *text, int first_heading);

#endif
