/*
 * layout: the page template (see layout.h). The markup follows GOV.UK
 * Frontend's page template with the generic header and the service
 * navigation component; GOV.UK's inline script (which marks the body
 * js-enabled) is /static/masa.js instead, because the Content-Security-
 * Policy allows no inline script.
 */
#include "web/layout.h"

#include "assure/incident.h"

#include <stdio.h>
#include <string.h>

#include "gov/account.h"

struct nav_item {
	enum page_section section;
	const char *href;
	const char *text;
	enum gov_role role; /* the least role that sees it */
};

static const struct nav_item nav[] = {
        {PAGE_HOME, "/", "Home", GOV_ROLE_PUBLIC},
        {PAGE_STRUCTURE, "/structure", "Partnership", GOV_ROLE_PUBLIC},
        {PAGE_MEETINGS, "/meetings", "Meetings", GOV_ROLE_PUBLIC},
        {PAGE_ACTIONS, "/actions", "Actions", GOV_ROLE_MEMBER},
        /* only for those who may see cases (assure_reviews_visible) */
        {PAGE_REVIEWS, "/reviews", "Reviews", GOV_ROLE_MEMBER},
        /* published reviews, briefings and the suppressed figures */
        {PAGE_LEARNING, "/learning", "Learning", GOV_ROLE_PUBLIC},
};

/* Whether the viewer sees the reviews: the chair, the business unit and
 * the members of bodies that hold cases. */
static bool sees_reviews(const struct http_request *req)
{
	struct gov g = req->gov;
	struct masa_error err;
	bool yes = false;

	return assure_reviews_visible(&g, &req->viewer, &yes, &err) ==
	               MASA_OK &&
	       yes;
}

static bool signed_in(const struct http_request *req)
{
	return req->account != NULL && !req->by_token;
}

static const char *role_label(const char *role)
{
	static const char *const labels[][2] = {
	        {"admin", "business unit"},
	        {"chair", "chair"},
	        {"member", "member"},
	        {"partner", "partner lead"},
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (role && strcmp(role, labels[i][0]) == 0)
			return labels[i][1];
	return "account";
}

/* The navigation's last item: the sign-out button (a form: it changes). */
static void sign_out_item(struct html *h, const void *arg)
{
	const struct http_request *req = arg;

	html_open(h, "li", "class",
	          "govuk-service-navigation__item masa-account", NULL);
	page_form_begin(h, req, "/sign-out");
	html_elem(h, "button", "Sign out", "type", "submit", "class",
	          "govuk-service-navigation__link masa-link-button", NULL);
	html_close_to(h, "li");
}

/* Under the navigation: who is signed in. */
static void signed_in_line(struct html *h, const void *arg)
{
	const struct http_request *req = arg;

	html_open(h, "p", "class", "govuk-body-s masa-signed-in", NULL);
	html_text(h, "Signed in as ");
	html_elem(h, "strong", req->account->username, NULL);
	html_textf(h, " (%s)", role_label(req->account->role));
	html_close(h);
}

static void navigation(struct html *h, const struct http_request *req,
                       const struct page *p)
{
	enum { NAV = sizeof nav / sizeof nav[0] };
	struct govuk_service_navigation_item items[NAV + 1];
	struct govuk_service_navigation sn = {
	        .service_name =
	                req->partnership ? req->partnership->name : "masa",
	        .service_url = "/",
	        .navigation = items,
	};
	bool in = signed_in(req);

	for (size_t i = 0; i < NAV; i++)
		if (nav[i].role == GOV_ROLE_PUBLIC ||
		    (in && req->viewer.role >= nav[i].role &&
		     (nav[i].section != PAGE_REVIEWS || sees_reviews(req))))
			items[sn.n_navigation++] =
			        (struct govuk_service_navigation_item){
			                .content.text = nav[i].text,
			                .href = nav[i].href,
			                .active = p->section == nav[i].section,
			        };
	if (in) {
		sn.slot_navigation_end.write = sign_out_item;
		sn.slot_navigation_end.arg = req;
		sn.slot_end.write = signed_in_line;
		sn.slot_end.arg = req;
	} else {
		items[sn.n_navigation++] =
		        (struct govuk_service_navigation_item){
		                .content.text = "Sign in",
		                .href = "/sign-in",
		                .active = p->section == PAGE_ACCOUNT,
		        };
	}
	govuk_service_navigation(h, &sn);
}

/*
 * The soft parameters the server refused (route_param.soft): an error
 * summary that names each and says what to type, linking to its field.
 */
static void refused_summary(struct html *h, const struct http_request *req)
{
	struct govuk_error_summary_item items[HTTP_REFUSED_MAX];
	char hrefs[HTTP_REFUSED_MAX][64];

	if (req->nrefused == 0)
		return;
	for (size_t i = 0; i < req->nrefused; i++) {
		snprintf(hrefs[i], sizeof hrefs[i], "#%s",
		         req->refused[i].name);
		items[i] = (struct govuk_error_summary_item){
		        .href = hrefs[i],
		        .content.text = req->refused[i].message};
	}
	govuk_error_summary(h, &(struct govuk_error_summary){
	                               .title.text = "There is a problem",
	                               .error_list = items,
	                               .n_errors = req->nrefused,
	                       });
}

void page_begin(struct html *h, const struct http_request *req,
                const struct page *p)
{
	const char *partnership =
	        req->partnership ? req->partnership->name : "masa";

	/* The doctype is not an element, so the writer has no call for it. */
	html_raw_trusted(h, "<!doctype html>\n");
	html_open(h, "html", "lang", "en-GB", "class", "govuk-template", NULL);
	html_open(h, "head", NULL);
	html_void(h, "meta", "charset", "utf-8", NULL);
	html_open(h, "title", NULL);
	if (req->nrefused > 0 && p->title && p->title[0])
		html_textf(h, "Error: %s - %s", p->title, partnership);
	else if (p->title && p->title[0])
		html_textf(h, "%s - %s", p->title, partnership);
	else
		html_text(h, partnership);
	html_close(h);
	html_void(h, "meta", "name", "viewport", "content",
	          "width=device-width, initial-scale=1, viewport-fit=cover",
	          NULL);
	html_void(h, "meta", "name", "theme-color", "content", "#0b0c0c", NULL);
	html_void(h, "link", "rel", "stylesheet", "href", "/static/masa.css",
	          NULL);
	/* No icon of masa's own yet: an empty one saves browsers asking. */
	html_raw_trusted(h, "<link rel=\"icon\" href=\"data:,\">");
	html_void(h, "link", "rel", "alternate", "type", "text/calendar",
	          "title", "Meetings calendar", "href",
	          "/meetings/calendar.ics", NULL);
	html_close(h);
	html_open(h, "body", "class", "govuk-template__body", NULL);
	html_elem(h, "script", "", "src", "/static/masa.js", NULL);
	govuk_skip_link(h, &(struct govuk_skip_link){
	                           .href = "#main-content",
	                           .content.text = "Skip to main content",
	                   });
	govuk_header(h, &(struct govuk_header){.logotype = "masa"});
	navigation(h, req, p);
	html_open(h, "div", "class", "govuk-width-container", NULL);
	if (p->breadcrumbs)
		govuk_breadcrumbs(h, p->breadcrumbs);
	else if (p->back_href)
		govuk_back_link(h, &(struct govuk_back_link){
		                           .href = p->back_href,
		                   });
	html_open(h, "main", "class", "govuk-main-wrapper", "id",
	          "main-content", NULL);
	if (!p->full_width) {
		html_open(h, "div", "class", "govuk-grid-row", NULL);
		html_open(h, "div", "class", "govuk-grid-column-full", NULL);
	}
	refused_summary(h, req);
}

static const struct govuk_footer_link footer_links[] = {
        {.href = "/meetings", .text = "Meetings calendar"},
        {.href = "/meetings/calendar.ics", .text = "Calendar feed (iCalendar)"},
        {.href = "/api/v1/openapi.json", .text = "API"},
        {.href = "/accessibility", .text = "Accessibility statement"},
        {.href = "/privacy", .text = "Privacy notice"},
        {.href = "/contact", .text = "Contact"},
};

void page_end(struct html *h, const struct http_request *req)
{
	(void)req;
	html_close_to(h, "main");
	html_close(h); /* the width container */
	govuk_footer(
	        h, &(struct govuk_footer){
	                   .meta =
	                           &(struct govuk_footer_meta){
	                                   .items = footer_links,
	                                   .n_items = sizeof footer_links /
	                                              sizeof footer_links[0],
	                                   .content.text =
	                                           "Run on masa, open-source "
	                                           "software for multi-agency "
	                                           "safeguarding arrangements.",
	                           },
	           });
	html_elem(h, "script", "", "type", "module", "src",
	          "/static/masa-init.js", NULL);
	html_close_to(h, "html");
}

void page_form_begin(struct html *h, const struct http_request *req,
                     const char *action)
{
	html_open(h, "form", "method", "post", "action", action, "novalidate",
	          "", NULL);
	html_void(h, "input", "type", "hidden", "name", "csrf", "value",
	          req->csrf_token ? req->csrf_token : "", NULL);
}

void page_get_form_begin(struct html *h, const char *action)
{
	html_open(h, "form", "method", "get", "action", action, "novalidate",
	          "", NULL);
}

void page_heading(struct html *h, const char *caption, const char *title)
{
	if (caption)
		html_elem(h, "span", caption, "class", "govuk-caption-l", NULL);
	html_elem(h, "h1", title, "class", "govuk-heading-l", NULL);
}

void page_table_wrap_begin(struct html *h, const char *label)
{
	html_open(h, "div", "class", "masa-table-wrap", "role", "region",
	          "aria-label", label, "tabindex", "0", NULL);
}

struct govuk_date_typed page_date_typed(const struct http_request *req,
                                        const char *prefix)
{
	char name[128];
	struct govuk_date_typed t;

	snprintf(name, sizeof name, "%s-day", prefix);
	t.day = http_param(req, name);
	snprintf(name, sizeof name, "%s-month", prefix);
	t.month = http_param(req, name);
	snprintf(name, sizeof name, "%s-year", prefix);
	t.year = http_param(req, name);
	return t;
}

const char *page_date_read(struct http_request *req, const char *prefix,
                           const char *label, bool required, const char **iso)
{
	struct govuk_date_typed t = page_date_typed(req, prefix);
	char text[11], message[GOVUK_DATE_MESSAGE_SIZE];

	*iso = NULL;
	if (!govuk_date_read(&t, label, required, text, message))
		return arena_strdup(&req->arena, message);
	if (text[0] != '\0')
		*iso = arena_strdup(&req->arena, text);
	return NULL;
}

const char *page_soft_date(struct http_request *req, const char *prefix,
                           const char *label, const char **error)
{
	const char *typed = NULL;
	const char *message = page_date_read(req, prefix, label, false, &typed);

	if (error != NULL)
		*error = message;
	if (message == NULL) /* the fields, else the link's date */
		return typed ? typed : http_param(req, prefix);
	if (req->nrefused < HTTP_REFUSED_MAX)
		req->refused[req->nrefused++] = (struct http_refused){
		        .name = arena_printf(&req->arena, "%s-day", prefix),
		        .message = message};
	return NULL;
}

void page_date_input(struct html *h, const struct http_request *req,
                     const struct page_date_input *p)
{
	struct govuk_date_typed t = page_date_typed(req, p->prefix);
	struct govuk_date_items items;
	struct govuk_error_message error = {.content.text = p->error};

	govuk_date_items_fill(&items, &t, p->iso, p->error != NULL);
	govuk_date_input(
	        h, &(struct govuk_date_input){
	                   .id = p->prefix,
	                   .name_prefix = p->prefix,
	                   .items = items.items,
	                   .n_items = 3,
	                   .frame.fieldset =
	                           &(struct govuk_fieldset){
	                                   .legend.content.text = p->legend,
	                                   .legend.classes =
	                                           p->legend_classes
	                                                   ? p->legend_classes
	                                                   : "govuk-fieldset"
	                                                     "__legend--s"},
	                   .frame.hint =
	                           &(struct govuk_hint){
	                                   .content.text =
	                                           p->hint ? p->hint
	                                                   : "For example, "
	                                                     "27 11 2014"},
	                   .frame.error_message = p->error ? &error : NULL,
	           });
}

void page_problem_summary(struct html *h, const struct page_problem *p)
{
	const struct govuk_error_summary_item item = {
	        .href = p->field, .content.text = p->message};

	govuk_error_summary(h, &(struct govuk_error_summary){
	                               .title.text = "There is a problem",
	                               .error_list = &item,
	                               .n_errors = 1});
}

const struct govuk_error_message *
page_problem_for(struct arena *a, const struct page_problem *p, const char *id)
{
	struct govuk_error_message *m;

	if (p == NULL || p->field == NULL || strcmp(p->field + 1, id) != 0)
		return NULL;
	m = arena_alloc(a, sizeof *m);
	m->content.text = p->message;
	return m;
}
