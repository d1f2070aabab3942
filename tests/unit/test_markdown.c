/*
 * test_markdown: minutes in Markdown become safe HTML: cmark's safe mode
 * drops raw HTML and unsafe link addresses, text is escaped, headings move
 * down under the page's own, and blank text writes nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "web/markdown.h"

/* text rendered with first_heading; in a (static) buffer of the test's. */
static const char *render(const char *text, int first_heading)
{
	static char copy[8192];
	struct html h;
	struct masa_error err = {0};
	const char *out = NULL;
	size_t len = 0;

	html_init(&h, sizeof copy);
	markdown_write(&h, text, first_heading);
	assert_int_equal(html_finish(&h, &out, &len, &err), MASA_OK);
	assert_true(len < sizeof copy);
	memcpy(copy, out, len + 1);
	html_free(&h);
	return copy;
}

static void test_markdown_is_rendered(void **state)
{
	const char *out;

	(void)state;
	out = render("**Action:** WC to arrange meetings\n\n- one\n- two", 1);
	assert_string_equal(out, "<div class=\"masa-markdown\"><p><strong>"
	                         "Action:</strong> WC to arrange meetings</p>\n"
	                         "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
	                         "</div>");
}

static void test_raw_html_is_dropped(void **state)
{
	const char *out;

	(void)state;
	out = render("Before <script>alert(1)</script> after\n\n"
	             "<div onclick=\"x()\">block</div>\n",
	             1);
	assert_null(strstr(out, "<script"));
	assert_null(strstr(out, "onclick"));
	assert_null(strstr(out, "<div onclick"));
	assert_non_null(strstr(out, "raw HTML omitted"));
	assert_non_null(strstr(out, "Before "));
}

static void test_unsafe_links_are_emptied(void **state)
{
	const char *out;

	(void)state;
	out = render("[a](javascript:alert(1)) [b](vbscript:x) "
	             "[c](https://example.org/) ![d](data:text/html,x)",
	             1);
	assert_null(strstr(out, "javascript:"));
	assert_null(strstr(out, "vbscript:"));
	assert_null(strstr(out, "data:text/html"));
	assert_non_null(strstr(out, "href=\"https://example.org/\""));
}

static void test_text_is_escaped(void **state)
{
	const char *out;

	(void)state;
	out = render("5 < 6 & \"quoted\" `<b>code</b>`", 1);
	assert_non_null(strstr(out, "5 &lt; 6 &amp; &quot;quoted&quot;"));
	assert_non_null(strstr(out, "<code>&lt;b&gt;code&lt;/b&gt;</code>"));
}

static void test_headings_move_down(void **state)
{
	const char *out;

	(void)state;
	out = render("# Top\n\n## Next\n\n##### Deep", 4);
	assert_non_null(strstr(out, "<h4>Top</h4>"));
	assert_non_null(strstr(out, "<h5>Next</h5>"));
	/* Never past <h6>. */
	assert_non_null(strstr(out, "<h6>Deep</h6>"));
	out = render("# Top", 1);
	assert_non_null(strstr(out, "<h1>Top</h1>"));
}

static void test_blank_writes_nothing(void **state)
{
	(void)state;
	assert_string_equal(render(NULL, 3), "");
	assert_string_equal(render("  \n\t\n", 3), "");
}

static void test_bad_utf8_is_replaced(void **state)
{
	const char *out;

	(void)state;
	out = render("caf\xc3 ok", 1);
	/* U+FFFD, the replacement character, not the stray byte. */
	assert_non_null(strstr(out, "caf\xef\xbf\xbd ok"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_markdown_is_rendered),
	        cmocka_unit_test(test_raw_html_is_dropped),
	        cmocka_unit_test(test_unsafe_links_are_emptied),
	        cmocka_unit_test(test_text_is_escaped),
	        cmocka_unit_test(test_headings_move_down),
	        cmocka_unit_test(test_blank_writes_nothing),
	        cmocka_unit_test(test_bad_utf8_is_replaced),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
