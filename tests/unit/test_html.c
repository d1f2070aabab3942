/*
 * test_html: the typed HTML writer escapes every text and attribute value,
 * refuses unsafe URLs, keeps elements balanced and honours its size limit.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "web/html.h"

static const char *finish(struct html *h)
{
	const char *out = NULL;
	size_t len = 0;
	struct masa_error err = {0};

	assert_int_equal(html_finish(h, &out, &len, &err), MASA_OK);
	assert_int_equal(strlen(out), len);
	return out;
}

static void test_text_is_escaped(void **state)
{
	struct html h;

	(void)state;
	html_init(&h, 4096);
	html_open(&h, "p", "class", "govuk-body", NULL);
	html_text(&h, "<script>alert('x') & \"y\"</script>");
	html_close(&h);
	assert_string_equal(
	        finish(&h),
	        "<p class=\"govuk-body\">&lt;script&gt;alert(&#39;x&#39;) "
	        "&amp; &quot;y&quot;&lt;/script&gt;</p>");
	html_free(&h);
}

static void test_attributes_are_escaped(void **state)
{
	struct html h;

	(void)state;
	html_init(&h, 4096);
	html_void(&h, "input", "name", "q", "value", "\"><img src=x onerror=1>",
	          "required", "", "disabled", NULL, NULL);
	assert_string_equal(finish(&h),
	                    "<input name=\"q\" value=\"&quot;&gt;&lt;img src=x "
	                    "onerror=1&gt;\" required>");
	html_free(&h);
}

static void test_urls_are_checked(void **state)
{
	struct html h;

	(void)state;
	assert_true(html_url_safe("/meetings/RLSCB%2F2014-12-04"));
	assert_true(html_url_safe("https://rotherham.public-i.tv/core"));
	assert_true(html_url_safe("mailto:chair@example.org"));
	assert_true(html_url_safe("?page=2"));
	assert_true(html_url_safe("#main-content"));
	assert_true(html_url_safe("minutes.pdf"));
	assert_false(html_url_safe("javascript:alert(1)"));
	assert_false(html_url_safe("JavaScript:alert(1)"));
	assert_false(html_url_safe("data:text/html,<b>"));
	assert_false(html_url_safe("//evil.example/x"));
	assert_false(html_url_safe("java\tscript:alert(1)"));
	assert_false(html_url_safe(NULL));
	html_init(&h, 4096);
	html_elem(&h, "a", "link", "href", "javascript:alert(1)", NULL);
	assert_string_equal(finish(&h), "<a href=\"#\">link</a>");
	html_free(&h);
}

static void test_nesting_and_close_to(void **state)
{
	struct html h;
	const char *out;
	size_t len;
	struct masa_error err = {0};

	(void)state;
	html_init(&h, 4096);
	html_open(&h, "div", NULL);
	html_open(&h, "ul", NULL);
	html_open(&h, "li", NULL);
	html_textf(&h, "%d actions", 3);
	html_close_to(&h, "div");
	assert_string_equal(finish(&h),
	                    "<div><ul><li>3 actions</li></ul></div>");
	html_free(&h);

	html_init(&h, 4096);
	html_open(&h, "main", NULL);
	assert_int_equal(html_finish(&h, &out, &len, &err), MASA_ERR_INVALID);
	assert_string_equal(err.message, "page left <main> open");
	html_free(&h);
}

static void test_long_formatted_text(void **state)
{
	struct html h;
	char big[1000];

	(void)state;
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	big[10] = '<';
	html_init(&h, 8192);
	html_textf(&h, "%s!", big);
	const char *out = finish(&h);
	assert_int_equal(strlen(out), sizeof big - 1 + 3 + 1);
	assert_memory_equal(out + 10, "&lt;", 4);
	html_free(&h);
}

static void test_size_limit(void **state)
{
	struct html h;
	const char *out;
	size_t len;
	struct masa_error err = {0};

	(void)state;
	html_init(&h, 16);
	html_elem(&h, "p", "more than sixteen bytes of text", NULL);
	assert_int_equal(html_finish(&h, &out, &len, &err), MASA_ERR_LIMIT);
	html_free(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_text_is_escaped),
	        cmocka_unit_test(test_attributes_are_escaped),
	        cmocka_unit_test(test_urls_are_checked),
	        cmocka_unit_test(test_nesting_and_close_to),
	        cmocka_unit_test(test_long_formatted_text),
	        cmocka_unit_test(test_size_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
