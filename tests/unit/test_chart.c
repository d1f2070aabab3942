/*
 * test_chart: the SVG charts (web/chart.h) are well-formed XML with their
 * title and description, escape every label, draw a hidden value hatched
 * at a fixed length whatever its number, and scale to their container.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "web/chart.h"

/* The chart drawn by draw, as text (into h); checked to parse as XML. */
static const char *drawn(struct html *h,
                         void (*draw)(struct html *, const struct chart *),
                         const struct chart *c)
{
	const char *out;
	size_t len;
	struct masa_error err = {0};
	xmlDocPtr doc;

	html_init(h, 1 << 20);
	draw(h, c);
	assert_int_equal(html_finish(h, &out, &len, &err), MASA_OK);
	doc = xmlReadMemory(out, (int)len, "chart.svg", NULL,
	                    XML_PARSE_NONET | XML_PARSE_NOERROR |
	                            XML_PARSE_NOWARNING);
	assert_non_null(doc);
	assert_string_equal((const char *)xmlDocGetRootElement(doc)->name,
	                    "svg");
	xmlFreeDoc(doc);
	return out;
}

static const struct chart_datum data[] = {
        {.label = "Safe sleeping <script>&", .value = 12, .text = "12"},
        {.label = "Drowning",
         .value = -1,
         .hidden = true,
         .text = "fewer than 6"},
        {.label = "Road traffic", .value = 0, .text = "0"},
        {.label = "A label much longer than a phone can show on one line "
                  "of a chart, which the table beside it holds whole",
         .value = 7,
         .text = "7"},
};

static void test_bars(void **state)
{
	struct html h;
	const char *svg;

	(void)state;
	svg = drawn(
	        &h, chart_bars,
	        &(struct chart){.id = "theme",
	                        .title = "Deaths by theme",
	                        .desc = "A bar chart of the table beside it.",
	                        .data = data,
	                        .n = 4});
	assert_non_null(strstr(svg, "role=\"img\""));
	assert_non_null(strstr(svg, "aria-labelledby=\"chart-theme-title "
	                            "chart-theme-desc\""));
	assert_non_null(strstr(svg, "<title id=\"chart-theme-title\">Deaths by "
	                            "theme</title>"));
	assert_non_null(strstr(svg, "viewbox=\"0 0 320 "));
	assert_non_null(strstr(svg, "width=\"100%\""));
	assert_non_null(strstr(svg, "Safe sleeping &lt;script&gt;&amp;"));
	assert_null(strstr(svg, "<script"));
	/* The hidden value: hatched, labelled, 28 units long. */
	assert_non_null(strstr(svg, "fill=\"url(#chart-theme-hatch)\""));
	assert_non_null(strstr(svg, ">fewer than 6</text>"));
	assert_non_null(strstr(svg, "width=\"28\" height=\"16\" "
	                            "fill=\"url(#chart-theme-hatch)\""));
	/* The longest bar is the largest value's: 320 - 84 units. */
	assert_non_null(strstr(svg, "width=\"236\" height=\"16\" "
	                            "fill=\"#1d70b8\""));
	/* A long label is cut in the chart (the table has it whole). */
	assert_null(strstr(svg, "holds whole"));
	assert_non_null(strstr(svg, "\xe2\x80\xa6</text>"));
	html_free(&h);
}

static void test_columns(void **state)
{
	struct chart_datum years[] = {
	        {.label = "2022-23", .value = 9, .text = "9"},
	        {.label = "2023-24",
	         .value = -1,
	         .hidden = true,
	         .text = "fewer than 6"},
	        {.label = "2024-25", .tick = "24", .value = 18, .text = "18"},
	};
	struct html h;
	const char *svg;

	(void)state;
	svg = drawn(&h, chart_columns,
	            &(struct chart){.id = "year",
	                            .title = "Deaths by year",
	                            .desc = "A column chart.",
	                            .data = years,
	                            .n = 3});
	assert_non_null(strstr(svg, ">2022</text>"));
	assert_non_null(strstr(svg, ">24</text>"));
	assert_non_null(strstr(svg, ">&lt;6</text>"));
	assert_non_null(strstr(svg, ">18</text>"));
	html_free(&h);
	/* No data: still a chart, empty. */
	svg = drawn(
	        &h, chart_columns,
	        &(struct chart){.id = "none", .title = "None", .desc = "-"});
	html_free(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_bars),
	        cmocka_unit_test(test_columns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
