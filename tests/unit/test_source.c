/*
 * test_source: the readers of minutes documents (src/minutes/source_*.c):
 * the lines, kinds, levels and cells each reader makes of the test documents
 * in tests/minutes, the details of Word XML, HTML and pdftotext's layout, and
 * bad input: damaged and hostile files get a clear error, never a crash.
 * Run from the top of the tree (tests/run does).
 */
#define _GNU_SOURCE /* memmem */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <zip.h>

#include "minutes/source.h"

/* The line whose text contains needle (the first from line from), or
 * NULL. */
static const struct source_line *find(const struct source *s,
                                      const char *needle)
{
	for (size_t i = 0; i < s->n; i++)
		if (strstr(s->lines[i].text, needle))
			return &s->lines[i];
	return NULL;
}

static size_t count_kind(const struct source *s, enum source_kind kind)
{
	size_t n = 0;

	for (size_t i = 0; i < s->n; i++)
		n += s->lines[i].kind == kind;
	return n;
}

static void read_ok(const char *path, struct source *s,
                    enum source_format format)
{
	struct masa_error err = {0};

	source_init(s, SOURCE_UNKNOWN);
	if (source_read_file(path, s, &err) != MASA_OK)
		fail_msg("%s: %s", path, err.message);
	assert_int_equal(s->format, format);
	assert_true(s->n > 0);
}

static void assert_row(const struct source_line *l, size_t n, ...)
{
	va_list ap;

	assert_non_null(l);
	assert_int_equal(l->kind, SOURCE_TABLE_ROW);
	assert_int_equal(l->ncells, n);
	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(l->cells[i], va_arg(ap, const char *));
	va_end(ap);
}

static void assert_line(const struct source *s, const char *text,
                        enum source_kind kind, int level)
{
	const struct source_line *l = find(s, text);

	if (!l)
		fail_msg("no line has: %s", text);
	assert_int_equal(l->kind, kind);
	assert_int_equal(l->level, level);
}

/* A .docx in memory (caller frees) of the named parts and their texts,
 * ending with NULL. */
static char *make_zip(size_t *len, ...)
{
	zip_source_t *src;
	zip_t *za;
	zip_stat_t st;
	va_list ap;
	const char *name;
	char *out;

	src = zip_source_buffer_create(NULL, 0, 0, NULL);
	assert_non_null(src);
	zip_source_keep(src);
	za = zip_open_from_source(src, ZIP_TRUNCATE, NULL);
	assert_non_null(za);
	va_start(ap, len);
	while ((name = va_arg(ap, const char *))) {
		const char *text = va_arg(ap, const char *);
		zip_source_t *part =
		        zip_source_buffer(za, text, strlen(text), 0);
		assert_true(zip_file_add(za, name, part, 0) >= 0);
	}
	va_end(ap);
	assert_int_equal(zip_close(za), 0);
	assert_int_equal(zip_source_stat(src, &st), 0);
	out = malloc(st.size);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_read(src, out, st.size),
	                 (zip_int64_t)st.size);
	zip_source_close(src);
	zip_source_free(src);
	*len = st.size;
	return out;
}

static const char *const W =
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
        "wordprocessingml/2006/main\"><w:body>";

/* Reads the body XML (without its document and body elements) as a .docx
 * part. */
static enum masa_err docx_body(struct source *s, const char *body,
                               const char *styles, struct masa_error *err)
{
	char xml[8192];
	int n = snprintf(xml, sizeof xml, "%s%s</w:body></w:document>", W,
	                 body);

	assert_true(n > 0 && (size_t)n < sizeof xml);
	source_init(s, SOURCE_UNKNOWN);
	return source_read_docx_xml(xml, (size_t)n, styles,
	                            styles ? strlen(styles) : 0, s, err);
}

static void test_detect(void **state)
{
	(void)state;
	assert_int_equal(
	        source_detect("a", "PK\x03\x04....word/document.xml", 25),
	        SOURCE_DOCX);
	assert_int_equal(
	        source_detect("a", "PK\x03\x04....xl/workbook.xml", 23),
	        SOURCE_UNKNOWN);
	assert_int_equal(source_detect("a", "%PDF-1.7\n", 9), SOURCE_PDF);
	assert_int_equal(source_detect("a", "\n\n<!DOCTYPE html><p>x", 21),
	                 SOURCE_HTML);
	assert_int_equal(source_detect("a", "<HTML><body>", 12), SOURCE_HTML);
	assert_int_equal(source_detect("a", "<!-- saved --><table>", 21),
	                 SOURCE_HTML);
	assert_int_equal(source_detect("a", "\xEF\xBB\xBF<div>", 8),
	                 SOURCE_HTML);
	assert_int_equal(source_detect("a.html", "<font>x</font>", 14),
	                 SOURCE_HTML);
	assert_int_equal(source_detect("a.txt", "<font>x</font>", 14),
	                 SOURCE_TEXT);
	assert_int_equal(source_detect("a", "Minutes of the Board\n", 21),
	                 SOURCE_TEXT);
	assert_int_equal(source_detect("a", "# Minutes\n\n- item\n", 18),
	                 SOURCE_TEXT);
	assert_int_equal(source_detect("a", "Caf\xE9 minutes", 12),
	                 SOURCE_TEXT); /* Windows-1252: the text reader's */
	assert_int_equal(source_detect("a", "<p>Caf\xE9</p>", 11), SOURCE_HTML);
	assert_int_equal(source_detect("a", "\x8F\xE3\xD2\x99\xF1\xAA xx", 9),
	                 SOURCE_UNKNOWN);
	assert_int_equal(source_detect("a",
	                               "ab\x01\x02\x03"
	                               "cd",
	                               7),
	                 SOURCE_UNKNOWN);
	assert_int_equal(source_detect("a", "text\0more", 9), SOURCE_UNKNOWN);
	assert_int_equal(source_detect("a", "", 0), SOURCE_UNKNOWN);
}

/* The text documents are read by the text reader; here only that each is
 * taken for text. */
static void test_text_documents(void **state)
{
	static const char *const names[] = {
	        "tests/minutes/parish-council.txt",
	        "tests/minutes/space-aligned-attendance.txt",
	        "tests/minutes/paragraph-attendance.txt",
	        "tests/minutes/inquorate-adjourned.txt",
	        "tests/minutes/late-arrival.txt",
	        "tests/minutes/cdop-panel.md",
	};

	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct source s;
		read_ok(names[i], &s, SOURCE_TEXT);
		source_free(&s);
	}
}

static void test_school_governors_docx(void **state)
{
	struct source s;
	const struct source_line *l;

	(void)state;
	read_ok("tests/minutes/school-governors.docx", &s, SOURCE_DOCX);
	assert_line(&s, "St Aidan's Church of England", SOURCE_HEADING, 1);
	l = find(&s, "Full Governing Body");
	assert_true(l->bold && l->kind == SOURCE_PARAGRAPH);
	assert_false(find(&s, "Held on Wednesday")->bold);
	assert_line(&s, "4. Safeguarding", SOURCE_HEADING, 1);
	assert_line(&s, "4.1 Annual safeguarding report", SOURCE_HEADING, 2);
	assert_line(&s, "All staff have completed", SOURCE_LIST_ITEM, 1);
	assert_line(&s, "No gaps were found.", SOURCE_LIST_ITEM, 2);
	/* The attendance table and the action table, cell by cell. */
	assert_row(find(&s, "Category of governor"), 3, "Name",
	           "Category of governor", "Attendance");
	assert_row(find(&s, "Kofi Mensah"), 3, "Mr Kofi Mensah",
	           "Local authority governor", "Apologies (accepted)");
	assert_row(find(&s, "Owner"), 4, "No.", "Action", "Owner", "Due");
	assert_row(find(&s, "safer recruitment"), 4, "2",
	           "Arrange safer recruitment training for two more governors",
	           "Clerk", "31 January 2024");
	assert_int_equal(count_kind(&s, SOURCE_TABLE_ROW), 11);
	/* A line break makes two lines of one paragraph; a tab stays. */
	l = find(&s, "Attendance for the autumn term");
	assert_string_equal(l->text,
	                    "Attendance for the autumn term to date is 95.1%.");
	assert_int_equal(l[1].number, l->number);
	assert_string_equal(l[1].text, "Persistent absence has fallen to 12% "
	                               "from 17% last year.");
	assert_non_null(find(&s, "reviewed.\tThe DSL"));
	/* A table ends with a blank line. */
	l = find(&s, "Wendy Platt");
	assert_int_equal(l[1].kind, SOURCE_BLANK);
	source_free(&s);
}

static void test_safeguarding_executive_docx(void **state)
{
	struct source s;

	(void)state;
	read_ok("tests/minutes/safeguarding-executive.docx", &s, SOURCE_DOCX);
	assert_line(&s, "Eastmoor Safeguarding Children Partnership",
	            SOURCE_HEADING, 1); /* Title */
	assert_line(&s, "Executive Group", SOURCE_HEADING, 1);
	assert_line(&s, "Present", SOURCE_HEADING, 2);
	assert_line(&s, "3.1 Child F: local review", SOURCE_HEADING, 3);
	assert_non_null(find(&s, "Neil Parsons representing Steve Goode\t"
	                         "Education, Eastmoor Council"));
	assert_true(find(&s, "RESOLVED: that the budget")->bold);
	assert_int_equal(count_kind(&s, SOURCE_HEADING), 12);
	assert_int_equal(count_kind(&s, SOURCE_TABLE_ROW), 0);
	assert_int_equal(s.n, 30);
	source_free(&s);
}

static void test_action_log_docx(void **state)
{
	struct source s;

	(void)state;
	read_ok("tests/minutes/corporate-parenting.docx", &s, SOURCE_DOCX);
	assert_true(find(&s, "APPENDIX A: ACTION LOG")->bold);
	assert_row(find(&s, "Ref"), 6, "Ref", "Meeting", "Action", "Owner",
	           "Due", "Status");
	assert_row(find(&s, "CPP/24/08"), 6, "CPP/24/08", "03.06.2024",
	           "Report school stability of children placed out of county",
	           "MS", "02.09.2024", "Carried forward to December");
	assert_non_null(find(&s, "DEFERRED to the next meeting"));
	source_free(&s);
}

static void test_docx_xml(void **state)
{
	struct source s;
	struct masa_error err = {0};
	const char *styles =
	        "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/"
	        "wordprocessingml/2006/main\"><w:style "
	        "w:styleId=\"berschrift2\">"
	        "<w:name w:val=\"heading 2\"/></w:style><w:style "
	        "w:styleId=\"Aufzaehlung\"><w:name w:val=\"List "
	        "Bullet\"/><w:pPr>"
	        "<w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>"
	        "</w:styles>";

	(void)state;
	assert_int_equal(
	        docx_body(
	                &s,
	                /* Tracked changes: deleted text is not read. */
	                "<w:p><w:r><w:t>Agreed </w:t></w:r><w:del><w:r>"
	                "<w:delText>not </w:delText></w:r></w:del><w:ins>"
	                "<w:r><w:t>unanimously</w:t></w:r></w:ins></w:p>"
	                /* A field: its result, not its instruction. */
	                "<w:p><w:r><w:instrText>PAGE</w:instrText></w:r>"
	                "<w:hyperlink><w:r><w:t>see the report</w:t></w:r>"
	                "</w:hyperlink></w:p>"
	                /* Styles known by name, not id. */
	                "<w:p><w:pPr><w:pStyle w:val=\"berschrift2\"/></w:pPr>"
	                "<w:r><w:t>Present</w:t></w:r></w:p>"
	                "<w:p><w:pPr><w:pStyle w:val=\"Aufzaehlung\"/></w:pPr>"
	                "<w:r><w:t>a bullet</w:t></w:r></w:p>"
	                /* Numbering switched off. */
	                "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId "
	                "w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>not a "
	                "list</w:t></w:r></w:p>"
	                /* Bold switched off in one run: not all bold. */
	                "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Half</w:t></w:r>"
	                "<w:r><w:rPr><w:b w:val=\"0\"/></w:rPr><w:t> "
	                "bold</w:t></w:r></w:p>"
	                "<w:p/>"
	                /* A merged cell, a cell of two paragraphs, a
	                 * table in a cell, an empty row. */
	                "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/>"
	                "</w:tcPr><w:p><w:r><w:t>Action</w:t></w:r></w:p>"
	                "</w:tc><w:tc><w:p><w:r><w:t>Due</w:t></w:r></w:p>"
	                "</w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>A1</w:t>"
	                "</w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Write"
	                "</w:t></w:r></w:p><w:p><w:r><w:t>the plan</w:t>"
	                "</w:r></w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p>"
	                "<w:r><w:t>May</w:t></w:r></w:p></w:tc></w:tr>"
	                "</w:tbl></w:tc></w:tr><w:tr><w:tc><w:p/></w:tc>"
	                "</w:tr></w:tbl>",
	                styles, &err),
	        MASA_OK);
	assert_int_equal(s.n, 10);
	assert_string_equal(s.lines[0].text, "Agreed unanimously");
	assert_string_equal(s.lines[1].text, "see the report");
	assert_int_equal(s.lines[2].kind, SOURCE_HEADING);
	assert_int_equal(s.lines[2].level, 2);
	assert_int_equal(s.lines[3].kind, SOURCE_LIST_ITEM);
	assert_int_equal(s.lines[4].kind, SOURCE_PARAGRAPH);
	assert_false(s.lines[5].bold);
	assert_int_equal(s.lines[6].kind, SOURCE_BLANK);
	assert_row(&s.lines[7], 3, "Action", "", "Due");
	assert_row(&s.lines[8], 3, "A1", "Write the plan", "May");
	assert_int_equal(s.lines[9].kind, SOURCE_BLANK); /* the table's end */
	source_free(&s);

	/* Hostile or broken XML. */
	assert_int_equal(docx_body(&s, "<w:p><w:r><w:t>unclosed", NULL, &err),
	                 MASA_ERR_INVALID);
	assert_non_null(strstr(err.message, "damaged"));
	source_free(&s);
	source_init(&s, SOURCE_UNKNOWN);
	{
		const char *bomb =
		        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a "
		        "\"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
		        "<w:document><w:body><w:p><w:r><w:t>&b;</w:t></w:r>"
		        "</w:p></w:body></w:document>";
		assert_int_equal(source_read_docx_xml(bomb, strlen(bomb), NULL,
		                                      0, &s, &err),
		                 MASA_ERR_INVALID);
		assert_non_null(strstr(err.message, "document type"));
	}
	source_free(&s);
	source_init(&s, SOURCE_UNKNOWN);
	assert_int_equal(source_read_docx_xml("<a/>", 4, NULL, 0, &s, &err),
	                 MASA_ERR_INVALID);
	assert_non_null(strstr(err.message, "no document body"));
	source_free(&s);
	{
		/* Nesting deeper than masa reads: an error, not a crash. */
		char deep[4096] = "";
		size_t n = 0;
		for (int i = 0; i < 100; i++)
			n += (size_t)snprintf(deep + n, sizeof deep - n,
			                      "<w:hyperlink>");
		assert_int_equal(docx_body(&s, deep, NULL, &err),
		                 MASA_ERR_INVALID); /* unclosed: not XML */
		source_free(&s);
		n = 0;
		deep[0] = '\0';
		n += (size_t)snprintf(deep + n, sizeof deep - n, "<w:p>");
		for (int i = 0; i < 80; i++)
			n += (size_t)snprintf(deep + n, sizeof deep - n,
			                      "<w:ins>");
		for (int i = 0; i < 80; i++)
			n += (size_t)snprintf(deep + n, sizeof deep - n,
			                      "</w:ins>");
		n += (size_t)snprintf(deep + n, sizeof deep - n, "</w:p>");
		assert_int_equal(docx_body(&s, deep, NULL, &err),
		                 MASA_ERR_LIMIT);
		assert_non_null(strstr(err.message, "levels deep"));
		source_free(&s);
	}
}

static void test_nhs_board_html(void **state)
{
	struct source s;
	const struct source_line *l;

	(void)state;
	read_ok("tests/minutes/nhs-trust-board.html", &s, SOURCE_HTML);
	/* Chrome, scripts and styles are gone. */
	assert_null(find(&s, "About us"));
	assert_null(find(&s, "dataLayer"));
	assert_null(find(&s, "font-family"));
	assert_null(find(&s, "Privacy"));
	assert_line(&s, "Minutes of the Trust Board", SOURCE_HEADING, 1);
	assert_line(&s, "Present:", SOURCE_HEADING, 2);
	assert_line(&s, "Margaret Osei – Chair", SOURCE_LIST_ITEM, 1);
	assert_line(&s, "Simon Dury – Trust Secretary", SOURCE_LIST_ITEM, 1);
	assert_line(&s, "TB 24/104 Safeguarding children", SOURCE_HEADING, 3);
	assert_int_equal(count_kind(&s, SOURCE_LIST_ITEM), 8);
	/* br splits; entities are decoded; white space collapsed. */
	assert_string_equal(find(&s, "Date:")->text,
	                    "Date: Thursday 30 May 2024, 10:00 – 13:00");
	assert_string_equal(find(&s, "Venue:")->text,
	                    "Venue: Boardroom, Wyvern Valley Hospital, and by "
	                    "video link");
	assert_string_equal(find(&s, "Dr Whitcombe reported")->text,
	                    "Dr Whitcombe reported that the emergency "
	                    "department had met the four-hour standard for 76% "
	                    "of attendances in April.");
	assert_non_null(find(&s, "Chief Executive’s report"));
	l = find(&s, "Resolved: The Board");
	assert_false(l->bold); /* only "Resolved:" is bold */
	source_free(&s);
}

static void test_moderngov_html(void **state)
{
	struct source s;

	(void)state;
	read_ok("tests/minutes/moderngov-health-wellbeing.html", &s,
	        SOURCE_HTML);
	assert_null(find(&s, "Skip to content"));
	assert_null(find(&s, "Committees"));
	assert_null(find(&s, "Civic Centre, High Street\n"));
	assert_row(find(&s, "Venue:"), 2, "Venue:",
	           "Council Chamber, Harrowfield Civic Centre, High Street, "
	           "Harrowfield HF1 2AA");
	assert_row(find(&s, "Jacqueline Moss"), 3, "Jacqueline Moss",
	           "Strategic Director, Children and Families", "Apologies");
	assert_row(find(&s, "Peter Quayle"), 3, "Councillor Peter Quayle",
	           "Cabinet Member for Children's Services", "Present");
	/* The items table is for layout: its number cell goes before the
	 * title. */
	assert_line(&s,
	            "HW.35/24 Harrowfield Safeguarding Children "
	            "Partnership Annual Report 2023-24",
	            SOURCE_PARAGRAPH, 0);
	assert_line(&s, "the annual report be noted;", SOURCE_LIST_ITEM, 1);
	assert_non_null(find(&s, "RESOLVED – That the minutes"));
	assert_int_equal(count_kind(&s, SOURCE_TABLE_ROW), 9);
	assert_null(find(&s, "Harrowfield Borough Council, Civic"));
	source_free(&s);
}

static void test_action_log_html(void **state)
{
	struct source s;

	(void)state;
	read_ok("tests/minutes/action-log-appendix.html", &s, SOURCE_HTML);
	assert_line(&s, "Appendix 1: Action log", SOURCE_HEADING, 2);
	assert_row(find(&s, "EX/24/09"), 6, "EX/24/09", "06.08.2024",
	           "Report on the audit of strategy discussions (police and "
	           "health attendance)",
	           "FH / MO", "05.11.2024", "Reassigned to MO");
	assert_string_equal(find(&s, "Present:")->text,
	                    "Present: Amanda Gilchrist (Independent Chair); "
	                    "Colin Reid, Director of Children's Services; Det "
	                    "Supt Fiona Hart, Westshire Police; Mary O'Neill, "
	                    "Chief Nurse, Westshire ICB");
	source_free(&s);
}

static enum masa_err html(struct source *s, const char *page,
                          struct masa_error *err)
{
	source_init(s, SOURCE_UNKNOWN);
	return source_read_html(page, strlen(page), s, err);
}

static void test_html_details(void **state)
{
	struct source s;
	struct masa_error err = {0};
	char *deep;
	size_t n = 0;

	(void)state;
	assert_int_equal(
	        html(&s,
	             "<ul><li>one<ul><li>one.a</li></ul></li><li>two</li></ul>"
	             "<p><b>All bold</b> <strong>here</strong></p>"
	             "<pre>Name    Role\nAnn     Chair</pre>"
	             "<table><tr><td>only one column</td></tr></table>"
	             "<p>&lt;tag&gt; &amp; &#8220;quotes&#8221;</p>"
	             "<p>&nbsp;</p><div>unclosed <p>para",
	             &err),
	        MASA_OK);
	assert_int_equal(s.n, 10);
	assert_string_equal(s.lines[0].text, "one");
	assert_int_equal(s.lines[0].level, 1);
	assert_string_equal(s.lines[1].text, "one.a");
	assert_int_equal(s.lines[1].level, 2);
	assert_int_equal(s.lines[2].level, 1);
	assert_true(s.lines[3].bold);
	assert_string_equal(s.lines[4].text, "Name    Role");
	assert_string_equal(s.lines[5].text, "Ann     Chair");
	assert_string_equal(s.lines[6].text, "only one column");
	assert_string_equal(s.lines[7].text, "<tag> & “quotes”");
	assert_string_equal(s.lines[8].text, "unclosed");
	assert_string_equal(s.lines[9].text, "para");
	source_free(&s);

	/* A page not in UTF-8 that does not say so: Windows-1252. */
	assert_int_equal(html(&s, "<p>caf\xE9 \x93quoted\x94</p>", &err),
	                 MASA_OK);
	assert_string_equal(s.lines[0].text, "café “quoted”");
	source_free(&s);

	/* Deeper than masa reads: an error, not a crash. */
	deep = malloc(100000);
	for (int i = 0; i < 5000; i++)
		n += (size_t)snprintf(deep + n, 100000 - n, "<span>");
	assert_int_not_equal(html(&s, deep, &err), MASA_OK);
	source_free(&s);
	free(deep);
}

static enum masa_err pdf_text(struct source *s, const char *text,
                              struct masa_error *err)
{
	source_init(s, SOURCE_UNKNOWN);
	return source_read_pdf_text(text, strlen(text), s, err);
}

static void test_scrutiny_pdf(void **state)
{
	struct source s;

	(void)state;
	read_ok("tests/minutes/scrutiny-subgroup.pdf", &s, SOURCE_PDF);
	assert_row(find(&s, "Organisation"), 3, "Name", "Organisation", "Role");
	/* A job title that wrapped continues its cell. */
	assert_row(find(&s, "Rosa Mendes"), 3, "Rosa Mendes",
	           "Midshire Hospitals NHS Trust",
	           "Named Nurse, Safeguarding Children");
	assert_int_equal(count_kind(&s, SOURCE_TABLE_ROW), 6);
	assert_line(&s, "Apologies: DCI Paul Ferris", SOURCE_PARAGRAPH, 0);
	assert_non_null(find(&s, "PS/24/08"));
	assert_line(&s, "ACTION: AB to report back", SOURCE_PARAGRAPH, 0);
	source_free(&s);
}

static void test_pdf_layout(void **state)
{
	struct source s;
	struct masa_error err = {0};

	(void)state;
	assert_int_equal(pdf_text(&s,
	                          "Minutes  of the board\n"
	                          "Ref    Action      Owner\n"
	                          "A1     Write it    KB\n"
	                          "A2     Send it     SA\n"
	                          "\fPage two\n"
	                          "Solo   line\n"
	                          "\f",
	                          &err),
	                 MASA_OK);
	/* One line with two columns is no table. */
	assert_int_equal(s.lines[0].kind, SOURCE_PARAGRAPH);
	assert_row(&s.lines[1], 3, "Ref", "Action", "Owner");
	assert_row(&s.lines[3], 3, "A2", "Send it", "SA");
	assert_int_equal(s.lines[4].kind, SOURCE_BLANK); /* the page break */
	assert_string_equal(s.lines[5].text, "Page two");
	assert_string_equal(s.lines[6].text, "Solo   line");
	assert_int_equal(s.lines[6].number, 6);
	assert_int_equal(s.n, 8);
	source_free(&s);
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
}

static void read_fails(const char *path, enum masa_err code,
                       const char *message)
{
	struct source s;
	struct masa_error err = {0};

	source_init(&s, SOURCE_UNKNOWN);
	assert_int_equal(source_read_file(path, &s, &err), code);
	if (!strstr(err.message, message))
		fail_msg("%s: expected \"%s\" in: %s", path, message,
		         err.message);
	assert_int_equal(s.n, 0);
	source_free(&s);
}

static void test_bad_files(void **state)
{
	char dir[] = "/tmp/masa-test-source.XXXXXX", path[256];
	static const unsigned char binary[] = {0x7f, 'E', 'L', 'F', 2, 1, 1,
	                                       0,    0,   0,   0,   0, 3, 0};
	char *doc;
	size_t len;
	int fd;

	(void)state;
	assert_non_null(mkdtemp(dir));

	snprintf(path, sizeof path, "%s/binary", dir);
	write_file(path, binary, sizeof binary);
	read_fails(path, MASA_ERR_INVALID,
	           "is not a format masa reads (text, Markdown, .docx, HTML, "
	           "PDF)");

	snprintf(path, sizeof path, "%s/empty.txt", dir);
	write_file(path, "", 0);
	read_fails(path, MASA_ERR_INVALID, "is empty");

	/* 100 MB of text: refused by its size before it is read. */
	snprintf(path, sizeof path, "%s/huge.txt", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 100 * 1024 * 1024), 0);
	close(fd);
	read_fails(path, MASA_ERR_LIMIT,
	           "is 100 MB: masa reads minutes "
	           "documents of at most 64 MB");

	snprintf(path, sizeof path, "%s/not.pdf", dir);
	write_file(path, "%PDF-1.4\n1 0 obj garbage\n", 25);
	read_fails(path, MASA_ERR_INVALID, "the PDF could not be read");

	read_fails("/nonexistent/minutes.docx", MASA_ERR_IO,
	           "could not be opened");
	read_fails(dir, MASA_ERR_INVALID, "is not a file");

	/* A .docx cut short. */
	doc = make_zip(&len, "word/document.xml",
	               "<w:document><w:body/></w:document>", NULL);
	snprintf(path, sizeof path, "%s/cut.docx", dir);
	write_file(path, doc, len / 2);
	read_fails(path, MASA_ERR_INVALID, "not a readable Word file");
	free(doc);

	/* A zip without a Word document. */
	doc = make_zip(&len, "xl/workbook.xml", "<workbook/>", NULL);
	snprintf(path, sizeof path, "%s/book.xlsx", dir);
	write_file(path, doc, len);
	read_fails(path, MASA_ERR_INVALID, "a zip file without a Word");
	free(doc);

	/* Word XML that is not XML. */
	doc = make_zip(&len, "word/document.xml", "<w:document><w:body>", NULL);
	snprintf(path, sizeof path, "%s/broken.docx", dir);
	write_file(path, doc, len);
	read_fails(path, MASA_ERR_INVALID, "not well-formed XML");
	free(doc);

	snprintf(path, sizeof path, "%s/binary", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/empty.txt", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/huge.txt", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/not.pdf", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/cut.docx", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/book.xlsx", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/broken.docx", dir);
	unlink(path);
	rmdir(dir);
}

/* A zip bomb: word/document.xml is 1 GB of zeros, compressed to about a
 * megabyte. Refused from its size in the zip, before it is unpacked. */
static zip_int64_t zeros(void *state, void *data, zip_uint64_t len,
                         zip_source_cmd_t cmd)
{
	zip_uint64_t *left = state;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		*left = 1024ULL * 1024 * 1024;
		return 0;
	case ZIP_SOURCE_READ:
		if (len > *left)
			len = *left;
		memset(data, 0, len);
		*left -= len;
		return (zip_int64_t)len;
	case ZIP_SOURCE_CLOSE:
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_STAT:
		zip_stat_init(data);
		return sizeof(zip_stat_t);
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(
		        ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
		        ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		return -1;
	}
}

static void test_zip_bomb(void **state)
{
	zip_source_t *src, *part;
	zip_t *za;
	zip_stat_t st;
	zip_uint64_t left = 0;
	struct source s;
	struct masa_error err = {0};
	char *doc;

	(void)state;
	src = zip_source_buffer_create(NULL, 0, 0, NULL);
	zip_source_keep(src);
	za = zip_open_from_source(src, ZIP_TRUNCATE, NULL);
	assert_non_null(za);
	part = zip_source_function(za, zeros, &left);
	assert_non_null(part);
	assert_true(zip_file_add(za, "word/document.xml", part, 0) >= 0);
	zip_set_file_compression(za, 0, ZIP_CM_DEFLATE, 1);
	assert_int_equal(zip_close(za), 0);
	assert_int_equal(zip_source_stat(src, &st), 0);
	assert_true(st.size < 8 * 1024 * 1024);
	doc = malloc(st.size);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_read(src, doc, st.size),
	                 (zip_int64_t)st.size);
	zip_source_close(src);
	zip_source_free(src);

	source_init(&s, SOURCE_UNKNOWN);
	assert_int_equal(source_read_docx(doc, st.size, &s, &err),
	                 MASA_ERR_LIMIT);
	assert_non_null(strstr(err.message, "unpacks to 1024 MB"));
	assert_int_equal(s.n, 0);
	source_free(&s);

	/* The same with its sizes patched to say 1 KB: refused as the bytes
	 * come out. */
	{
		unsigned char *p = (unsigned char *)doc;
		unsigned char *central = memmem(p, st.size, "PK\x01\x02", 4);
		assert_non_null(central);
		memcpy(p + 22, "\x00\x04\x00\x00", 4);
		memcpy(central + 24, "\x00\x04\x00\x00", 4);
	}
	source_init(&s, SOURCE_UNKNOWN);
	assert_int_not_equal(source_read_docx(doc, st.size, &s, &err), MASA_OK);
	assert_int_equal(s.n, 0);
	source_free(&s);
	free(doc);
}

static void test_pdftotext_missing(void **state)
{
	char *path = getenv("PATH") ? strdup(getenv("PATH")) : NULL;

	(void)state;
	setenv("PATH", "/nonexistent", 1);
	read_fails("tests/minutes/scrutiny-subgroup.pdf", MASA_ERR_IO,
	           "install poppler-utils");
	if (path)
		setenv("PATH", path, 1);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_detect),
	        cmocka_unit_test(test_text_documents),
	        cmocka_unit_test(test_school_governors_docx),
	        cmocka_unit_test(test_safeguarding_executive_docx),
	        cmocka_unit_test(test_action_log_docx),
	        cmocka_unit_test(test_docx_xml),
	        cmocka_unit_test(test_nhs_board_html),
	        cmocka_unit_test(test_moderngov_html),
	        cmocka_unit_test(test_action_log_html),
	        cmocka_unit_test(test_html_details),
	        cmocka_unit_test(test_scrutiny_pdf),
	        cmocka_unit_test(test_pdf_layout),
	        cmocka_unit_test(test_bad_files),
	        cmocka_unit_test(test_zip_bomb),
	        cmocka_unit_test(test_pdftotext_missing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
