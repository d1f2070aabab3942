/*
 * layout: the page template every HTML page of masa is written in: the
 * GOV.UK template with the generic header (no crown), the partnership's
 * service navigation, a footer, and the forms' CSRF field.
 *
 * A page is:
 *
 *	struct html h;
 *	html_init(&h, HTTP_PAGE_MAX);
 *	page_begin(&h, req, &(struct page){.title = "Action log", ...});
 *	... the page's content, through the writer and web/govuk.h ...
 *	page_end(&h, req);
 *	rc = http_respond_html(req, 200, &h, err);
 *	html_free(&h);
 *
 * Every form that changes something is opened with page_form_begin(), which
 * writes the hidden "csrf" field the server checks on every POST.
 */
#ifndef MASA_WEB_LAYOUT_H
#define MASA_WEB_LAYOUT_H

#include "http/route.h"
#include "web/govuk.h"
#include "web/html.h"

/* The service navigation's sections; a page names the one it is in. */
enum page_section {
	PAGE_NONE,
	PAGE_HOME,
	PAGE_STRUCTURE,
	PAGE_MEETINGS,
	PAGE_ACTIONS,
	PAGE_REVIEWS,
	PAGE_LEARNING,
	PAGE_ADMIN,
	PAGE_ACCOUNT,
};

struct page {
	const char *title;         /* the <title> before " - partnership" */
	enum page_section section; /* marked current in the navigation */
	const struct govuk_breadcrumbs *breadcrumbs; /* or NULL */
	const char *back_href; /* a back link instead, or NULL */
	bool full_width;       /* no two-thirds column around content */
};

/*
 * Writes the doctype, <head>, skip link, header, navigation (with the
 * signed-in account and a sign-out button, or a sign-in link), breadcrumbs
 * and opens <main id="main-content">.
 */
void page_begin(struct html *h, const struct http_request *req,
                const struct page *p);
/* Closes <main>, writes the footer and the scripts, closes the document. */
void page_end(struct html *h, const struct http_request *req);

/*
 * Opens <form method="post" action="action" novalidate> with the hidden
 * csrf field of the viewer's session; close it with html_close(). A GET
 * form (filters) uses page_get_form_begin, which has no csrf field.
 */
void page_form_begin(struct html *h, const struct http_request *req,
                     const char *action);
void page_get_form_begin(struct html *h, const char *action);

/* A heading-l <h1> with an optional caption above it. */
void page_heading(struct html *h, const char *caption, const char *title);

/* A form's one refusal: the id of the field at fault ("#title") and what
 * to do. */
struct page_problem {
	const char *field;
	const char *message;
};
/* The error summary at the top of the form, linking to the field. */
void page_problem_summary(struct html *h, const struct page_problem *p);
/* The error message by the field with id ("title"), when p is about it;
 * NULL otherwise (and for no p). */
const struct govuk_error_message *
page_problem_for(struct arena *a, const struct page_problem *p, const char *id);

/*
 * Opens the wrapper of a table that may be wider than a phone: it scrolls
 * sideways inside the page, and it is a region named label (the table's
 * caption) that takes keyboard focus, so the arrow keys scroll it even when
 * it holds no link. Close it with html_close_to(h, "div").
 */
void page_table_wrap_begin(struct html *h, const char *label);

/*
 * Dates (see govuk.h): the three fields of a date named prefix, declared
 * in a route's parameters (where: ROUTE_IN_FORM or ROUTE_IN_QUERY).
 */
#define PAGE_DATE_PARAMS(prefix, in)                                         \
	{.name = prefix "-day", .where = in, .check = ROUTE_TEXT, .max = 8}, \
	        {.name = prefix "-month",                                    \
	         .where = in,                                                \
	         .check = ROUTE_TEXT,                                        \
	         .max = 8},                                                  \
	{                                                                    \
		.name = prefix "-year", .where = in, .check = ROUTE_TEXT,    \
		.max = 8                                                     \
	}

/* What the request holds in the fields of date prefix. */
struct govuk_date_typed page_date_typed(const struct http_request *req,
                                        const char *prefix);
/*
 * Reads date prefix from the request (govuk_date_read): NULL with *iso set
 * (NULL when nothing was typed and it is not required), or the message
 * naming the field by label, in req's arena.
 */
const char *page_date_read(struct http_request *req, const char *prefix,
                           const char *label, bool required, const char **iso);

/*
 * A date a page can do without, in its address (a filter: "as at", "on",
 * "from"): the three fields prefix-day, prefix-month and prefix-year of a
 * GET form, or ?prefix=YYYY-MM-DD as links and old bookmarks write it (a
 * soft ROUTE_DATE parameter, which the server has checked). Returns the
 * ISO date (in req's arena), or NULL when none was given or the fields are
 * not a date: then the message naming the field by label is added to the
 * page's error summary (req->refused) and, when error is not NULL, put in
 * *error for the fields themselves.
 */
const char *page_soft_date(struct http_request *req, const char *prefix,
                           const char *label, const char **error);

struct page_date_input {
	const char *prefix;         /* field names and ids: prefix-day... */
	const char *legend;         /* the question */
	const char *legend_classes; /* default "govuk-fieldset__legend--s" */
	const char *hint;           /* default "For example, 27 11 2014" */
	const char *iso;            /* the stored date shown, or NULL */
	const char *error;          /* the message when refused, or NULL */
};
/*
 * Draws the date input of p: the fields as typed in req when any was sent,
 * else p->iso's parts.
 */
void page_date_input(struct html *h, const struct http_request *req,
                     const struct page_date_input *p);

#endif
