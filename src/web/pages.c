/*
 * pages: the footer's pages and their editing form (see pages.h).
 *
 * The default texts are Markdown with "{partnership}" where the
 * partnership's name goes; what is in square brackets is for the business
 * unit to fill in. The text, stored or default, reaches the page only
 * through markdown_write (raw HTML dropped, links checked).
 */
#include "web/pages.h"

#include <string.h>

#include "core/buf.h"
#include "core/text.h"
#include "gov/site_page.h"
#include "http/server.h"
#include "web/layout.h"
#include "web/markdown.h"

struct page_kind {
	const char *slug;
	const char *title;
	const char *name; /* mid-sentence: "the contact page" */
	const char *text; /* the default, Markdown */
};

static const struct page_kind kinds[] = {
        {"accessibility", "Accessibility statement",
         "the accessibility statement",
         "This statement applies to the website of {partnership}, which "
         "runs on masa, open-source software for multi-agency safeguarding "
         "arrangements.\n\n"
         "We want as many people as possible to be able to use this "
         "website. You should be able to:\n\n"
         "- change colours, contrast levels and fonts using your browser "
         "or device settings\n"
         "- zoom in up to 400% without the text spilling off the screen\n"
         "- find your way around the whole website using just a keyboard\n"
         "- use the website with a screen reader\n"
         "- read every page on a phone 320 pixels wide, and without "
         "JavaScript\n\n"
         "## How accessible this website is\n\n"
         "masa's pages aim to meet the Web Content Accessibility "
         "Guidelines (WCAG) version 2.2 at level AA. They are built from "
         "the GOV.UK Design System's components, and every page is checked "
         "with an automated tool (axe) at desktop and phone widths.\n\n"
         "We know some parts are not fully accessible:\n\n"
         "- papers that partner agencies send (PDF and Word documents) may "
         "not be accessible\n"
         "- [list any other problems you know of here]\n\n"
         "## Feedback and contact information\n\n"
         "If you need information on this website in a different format, "
         "such as large print, easy read or audio, or you find a problem "
         "not listed here, tell the business unit (see the [contact "
         "page](/contact)). We will reply within [number] working days.\n\n"
         "## Enforcement procedure\n\n"
         "The Equality and Human Rights Commission (EHRC) is responsible "
         "for enforcing the Public Sector Bodies (Websites and Mobile "
         "Applications) (No. 2) Accessibility Regulations 2018. If you are "
         "not happy with how we respond to your complaint, contact the "
         "Equality Advisory and Support Service (EASS).\n\n"
         "## Preparation of this statement\n\n"
         "This statement was prepared on [date]. It was last reviewed on "
         "[date].\n"},
        {"privacy", "Privacy notice", "the privacy notice",
         "{partnership} uses this website to run its multi-agency "
         "safeguarding arrangements: its boards and groups, their "
         "meetings, minutes, papers and actions.\n\n"
         "## What we hold about people\n\n"
         "For the members of the partnership's bodies and the people who "
         "attend their meetings, masa holds:\n\n"
         "- names\n"
         "- roles: on a body (such as chair or member) and job titles\n"
         "- the organisation each person works for\n"
         "- e-mail addresses, for members who have an account or are sent "
         "papers and reminders\n"
         "- attendance at meetings, declarations of interest, and the "
         "actions people own with their updates\n\n"
         "For people with an account it also holds a username, the "
         "password kept only as a secure hash, and when they signed in.\n\n"
         "[Say how minutes and case reviews keep children and families "
         "from being named.]\n\n"
         "## What the public sees\n\n"
         "Published minutes show the names, roles and organisations of "
         "those who attended. Confidential (part two) items, papers "
         "before they are published, e-mail addresses and the action logs "
         "are seen only by people signed in who are allowed to see "
         "them.\n\n"
         "## Cookies\n\n"
         "This website sets one cookie, and only when you sign in: it "
         "keeps you signed in for up to 12 hours and ends when you sign "
         "out. There are no analytics or advertising cookies.\n\n"
         "## Why we hold it and for how long\n\n"
         "[The lawful basis, for example a public task under the Children "
         "Act 2004 and Working Together to Safeguard Children.] [How long "
         "records are kept.]\n\n"
         "## Your rights\n\n"
         "You may ask for a copy of what we hold about you and ask us to "
         "correct it: see the [contact page](/contact). [Name the data "
         "protection officer.] You may complain to the Information "
         "Commissioner's Office (ico.org.uk).\n"},
        {"contact", "Contact", "the contact page",
         "## The business unit\n\n"
         "The business unit of {partnership} runs the partnership's "
         "meetings, minutes and actions, and this website.\n\n"
         "- E-mail: [the business unit's e-mail address]\n"
         "- Telephone: [the business unit's telephone number]\n"
         "- Address: [the business unit's postal address]\n\n"
         "## If you are worried about a child\n\n"
         "This website is not for reporting a concern about a child. If a "
         "child is in immediate danger, call 999. Otherwise contact "
         "[the children's services front door, with its telephone "
         "number].\n"},
};

static const struct page_kind *kind_of(const char *slug)
{
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (slug && strcmp(slug, kinds[i].slug) == 0)
			return &kinds[i];
	return NULL;
}

const char *pages_default_text(struct arena *a, const char *slug,
                               const char *partnership)
{
	static const char mark[] = "{partnership}";
	const struct page_kind *k = kind_of(slug);
	const char *from, *at;
	struct buf out;
	char *copy;

	if (k == NULL)
		return NULL;
	buf_init(&out, 4 * GOV_SITE_PAGE_MAX);
	for (from = k->text; (at = strstr(from, mark)) != NULL;
	     from = at + sizeof mark - 1) {
		(void)buf_append(&out, from, (size_t)(at - from), NULL);
		(void)buf_append(&out, partnership, strlen(partnership), NULL);
	}
	(void)buf_append(&out, from, strlen(from), NULL);
	copy = arena_strdup(a, buf_str(&out));
	buf_free(&out);
	return copy;
}

static const char *partnership_name(const struct http_request *req)
{
	return req->partnership ? req->partnership->name : "The partnership";
}

enum masa_err pages_show(struct http_request *req, struct masa_error *err)
{
	struct arena *a = &req->arena;
	const struct page_kind *k = kind_of(req->path + 1);
	struct gov_site_page page;
	struct html h;
	enum masa_err rc;

	if (k == NULL)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "There is no such page.");
	rc = gov_site_page_get(&req->gov, req->partnership->id, k->slug, a,
	                       &page, err);
	if (rc != MASA_OK)
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req, &(struct page){.title = k->title});
	page_heading(&h, NULL, k->title);
	html_open(&h, "div", "class", "masa-site-page", NULL);
	markdown_write(&h,
	               page.body ? page.body
	                         : pages_default_text(a, k->slug,
	                                              partnership_name(req)),
	               1);
	html_close(&h);
	if (gov_may_administer(&req->viewer, req->partnership->id)) {
		html_open(&h, "p", "class", "govuk-body", NULL);
		html_elem(&h, "a", arena_printf(a, "Edit %s", k->name), "href",
		          arena_printf(a, "/admin/pages/%s", k->slug), "class",
		          "govuk-link", NULL);
		html_close(&h);
	}
	page_end(&h, req);
	rc = http_respond_html(req, 200, &h, err);
	html_free(&h);
	return rc;
}

/*
 * The form, with the text as sent (a preview, or a refused save: problem
 * and status 400 or 409) or as stored, else the default.
 */
static enum masa_err render_form(struct http_request *req, unsigned status,
                                 const char *problem, bool preview,
                                 struct masa_error *err)
{
	struct arena *a = &req->arena;
	const struct page_kind *k = kind_of(http_param(req, "page"));
	struct gov_site_page page;
	const char *sent = http_param(req, "body");
	const char *text;
	const char *version = http_param(req, "version");
	struct html h;
	enum masa_err rc;

	rc = gov_site_page_get(&req->gov, req->partnership->id, k->slug, a,
	                       &page, err);
	if (rc != MASA_OK)
		return rc;
	text = status != 200 || preview ? sent
	       : page.body
	               ? page.body
	               : pages_default_text(a, k->slug, partnership_name(req));
	/* After a conflict the form carries the version stored now. */
	if (version == NULL || status == 409)
		version = arena_printf(a, "%lld", (long long)page.version);
	html_init(&h, HTTP_PAGE_MAX);
	{
		const struct govuk_breadcrumb crumbs[] = {
		        {.content.text = "Home", .href = "/"},
		        {.content.text = k->title,
		         .href = arena_printf(a, "/%s", k->slug)},
		};
		page_begin(
		        &h, req,
		        &(struct page){
		                .title = arena_printf(a, "%sEdit %s",
		                                      problem ? "Error: " : "",
		                                      k->name),
		                .section = PAGE_ADMIN,
		                .breadcrumbs =
		                        &(struct govuk_breadcrumbs){
		                                .items = crumbs, .n_items = 2},
		        });
	}
	if (problem != NULL) {
		const struct govuk_error_summary_item item = {
		        .href = "#body", .content.text = problem};
		govuk_error_summary(
		        &h,
		        &(struct govuk_error_summary){
		                .title.text = "There is a problem",
		                .description.text =
		                        status == 409
		                                ? "Nothing you sent has been "
		                                  "saved. What you sent is "
		                                  "still in the form."
		                                : NULL,
		                .error_list = &item,
		                .n_errors = 1});
	} else if (http_param(req, "done") != NULL) {
		govuk_notification_banner(
		        &h,
		        &(struct govuk_notification_banner){
		                .type = "success",
		                .content.text = "Saved: everyone now reads "
		                                "the page as you wrote it."});
	}
	page_heading(&h, "Business unit", arena_printf(a, "Edit %s", k->name));
	html_open(&h, "p", "class", "govuk-body", NULL);
	html_text(&h, "Everyone can read this page, from the link in the "
	              "footer of every page: ");
	html_elem(&h, "a", "see it as it is now", "href",
	          arena_printf(a, "/%s", k->slug), "class", "govuk-link", NULL);
	html_text(&h, ".");
	html_close(&h);
	if (page.body == NULL)
		html_elem(&h, "p",
		          "This is masa's default text. Fill in what is in "
		          "square brackets and change the rest as you need.",
		          "class", "govuk-inset-text", NULL);
	if (preview) {
		html_elem(&h, "h2", "Preview", "class", "govuk-heading-m", "id",
		          "preview", NULL);
		html_open(&h, "div", "class", "govuk-inset-text", NULL);
		markdown_write(&h, text, 2);
		html_close(&h);
	}
	page_form_begin(&h, req, arena_printf(a, "/admin/pages/%s", k->slug));
	html_void(&h, "input", "type", "hidden", "name", "version", "value",
	          version, NULL);
	govuk_textarea(
	        &h,
	        &(struct govuk_textarea){
	                .name = "body",
	                .rows = 20,
	                .value = text,
	                .field.label.content.text = "Text of the page",
	                .field.label.classes = "govuk-label--s",
	                .field.hint =
	                        &(struct govuk_hint){
	                                .content.text =
	                                        "In Markdown: a blank line "
	                                        "between paragraphs, ## for a "
	                                        "heading, a dash at the start "
	                                        "of each line of a list, "
	                                        "[text](address) for a link. "
	                                        "HTML is not kept."},
	                .field.error_message =
	                        problem ? &(struct
	                                    govuk_error_message){.content.text =
	                                                                 problem}
	                                : NULL,
	        });
	html_open(&h, "div", "class", "govuk-button-group", NULL);
	govuk_button(&h, &(struct govuk_button){.content.text = "Save",
	                                        .name = "op",
	                                        .value = "save"});
	govuk_button(&h, &(struct govuk_button){
	                         .content.text = "Preview",
	                         .name = "op",
	                         .value = "preview",
	                         .classes = "govuk-button--secondary"});
	html_close(&h);
	html_close_to(&h, "form");
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

enum masa_err pages_edit(struct http_request *req, struct masa_error *err)
{
	return render_form(req, 200, NULL, false, err);
}

enum masa_err pages_save(struct http_request *req, struct masa_error *err)
{
	struct arena *a = &req->arena;
	const char *slug = http_param(req, "page");
	const char *op = http_param(req, "op");
	struct masa_error why = {0};
	enum masa_err rc;

	if (op != NULL && strcmp(op, "preview") == 0)
		return render_form(req, 200, NULL, true, err);
	rc = gov_site_page_set(&req->gov, req->partnership->id, slug,
	                       http_param(req, "body"),
	                       http_param_long(req, "version", -1), &why);
	if (rc == MASA_ERR_INVALID || rc == MASA_ERR_CONFLICT)
		return render_form(req, rc == MASA_ERR_CONFLICT ? 409 : 400,
		                   arena_strdup(a, why.message), false, err);
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return http_respond_redirect(
	        req, arena_printf(a, "/admin/pages/%s?done=saved", slug), err);
}

static const struct route_param show_params[] = {{.name = NULL}};

static const struct route_param edit_params[] = {
        {.name = "page",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_ENUM,
         .choices = gov_site_page_slugs},
        {.name = "done",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = (const char *const[]){"saved", NULL}},
        {.name = NULL},
};

static const struct route_param save_params[] = {
        {.name = "page",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_ENUM,
         .choices = gov_site_page_slugs},
        {.name = "body",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = GOV_SITE_PAGE_MAX},
        {.name = "version",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_INTEGER,
         .min = 0,
         .max = 1000000000},
        {.name = "op",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_ENUM,
         .choices = (const char *const[]){"preview", "save", NULL}},
        {.name = NULL},
};

/* The footer's pages. */
const struct route pages_routes[] = {
        {"GET", "/accessibility", show_params, GOV_ROLE_PUBLIC, pages_show,
         .cache = true},
        {"GET", "/privacy", show_params, GOV_ROLE_PUBLIC, pages_show,
         .cache = true},
        {"GET", "/contact", show_params, GOV_ROLE_PUBLIC, pages_show,
         .cache = true},
        {"GET", "/admin/pages/{page}", edit_params, GOV_ROLE_ADMIN, pages_edit},
        {"POST", "/admin/pages/{page}", save_params, GOV_ROLE_ADMIN,
         pages_save},
        {0},
};
