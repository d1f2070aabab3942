/*
 * layout: the page template (see layout.h). The markup follows GOV.UK
 * Frontend's page template with the generic header and the service
 * navigation component; GOV.UK's inline script (which marks the body
 * js-enabled) is /static/masa.js instead, because the Content-Security-
 * Policy allows no inline script.
 */
#include "web/layout.h"

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
};

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

static void header(struct html *h)
{
	html_open(h, "header", "class", "govuk-header", "data-module",
	          "govuk-header", NULL);
	html_open(h, "div", "class",
	          "govuk-header__container govuk-width-container", NULL);
	html_open(h, "div", "class", "govuk-header__logo", NULL);
	html_open(h, "a", "href", "/", "class",
	          "govuk-header__link govuk-header__link--homepage", NULL);
	html_elem(h, "span", "masa", "class", "govuk-header__logotype-text",
	          NULL);
	html_close_to(h, "header");
}

static void nav_link(struct html *h, const char *href, const char *text,
                     bool current)
{
	html_open(h, "li", "class",
	          current ? "govuk-service-navigation__item "
	                    "govuk-service-navigation__item--active"
	                  : "govuk-service-navigation__item",
	          NULL);
	html_open(h, "a", "class", "govuk-service-navigation__link", "href",
	          href, "aria-current", current ? "page" : NULL, NULL);
	if (current)
		html_elem(h, "strong", text, "class",
		          "govuk-service-navigation__active-fallback", NULL);
	else
		html_text(h, text);
	html_close(h);
	html_close(h);
}

static void navigation(struct html *h, const struct http_request *req,
                       const struct page *p)
{
	html_open(h, "section", "aria-label", "Service information", "class",
	          "govuk-service-navigation", "data-module",
	          "govuk-service-navigation", NULL);
	html_open(h, "div", "class", "govuk-width-container", NULL);
	html_open(h, "div", "class", "govuk-service-navigation__container",
	          NULL);
	html_open(h, "span", "class", "govuk-service-navigation__service-name",
	          NULL);
	html_elem(h, "a", req->partnership ? req->partnership->name : "masa",
	          "href", "/", "class", "govuk-service-navigation__link", NULL);
	html_close(h);
	html_open(h, "nav", "aria-label", "Menu", "class",
	          "govuk-service-navigation__wrapper", NULL);
	html_elem(h, "button", "Menu", "type", "button", "class",
	          "govuk-service-navigation__toggle "
	          "govuk-js-service-navigation-toggle",
	          "aria-controls", "navigation", "hidden", "", NULL);
	html_open(h, "ul", "class", "govuk-service-navigation__list", "id",
	          "navigation", NULL);
	for (size_t i = 0; i < sizeof nav / sizeof nav[0]; i++)
		if (nav[i].role == GOV_ROLE_PUBLIC ||
		    (signed_in(req) && req->viewer.role >= nav[i].role))
			nav_link(h, nav[i].href, nav[i].text,
			         p->section == nav[i].section);
	if (signed_in(req)) {
		html_open(h, "li", "class",
		          "govuk-service-navigation__item masa-account", NULL);
		page_form_begin(h, req, "/sign-out");
		html_open(h, "button", "type", "submit", "class",
		          "govuk-service-navigation__link masa-link-button",
		          NULL);
		html_text(h, "Sign out");
		html_close_to(h, "li");
	} else {
		nav_link(h, "/sign-in", "Sign in", p->section == PAGE_ACCOUNT);
	}
	html_close_to(h, "ul");
	html_close_to(h, "div"); /* the navigation's container */
	if (signed_in(req)) {
		html_open(h, "p", "class", "govuk-body-s masa-signed-in", NULL);
		html_text(h, "Signed in as ");
		html_elem(h, "strong", req->account->username, NULL);
		html_textf(h, " (%s)", role_label(req->account->role));
		html_close(h);
	}
	html_close_to(h, "section");
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
	if (p->title && p->title[0])
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
	header(h);
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
}

void page_end(struct html *h, const struct http_request *req)
{
	(void)req;
	html_close_to(h, "main");
	html_close(h); /* the width container */
	html_open(h, "footer", "class", "govuk-footer", NULL);
	html_open(h, "div", "class", "govuk-width-container", NULL);
	html_open(h, "div", "class", "govuk-footer__meta", NULL);
	html_open(h, "div", "class",
	          "govuk-footer__meta-item govuk-footer__meta-item--grow",
	          NULL);
	html_elem(h, "h2", "Support links", "class", "govuk-visually-hidden",
	          NULL);
	html_open(h, "ul", "class", "govuk-footer__inline-list", NULL);
	static const char *const links[][2] = {
	        {"/meetings", "Meetings calendar"},
	        {"/meetings/calendar.ics", "Calendar feed (iCalendar)"},
	        {"/api/v1/openapi.json", "API"},
	};
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
		html_open(h, "li", "class", "govuk-footer__inline-list-item",
		          NULL);
		html_elem(h, "a", links[i][1], "class", "govuk-footer__link",
		          "href", links[i][0], NULL);
		html_close(h);
	}
	html_close(h);
	html_elem(h, "span",
	          "Run on masa, open-source software for multi-agency "
	          "safeguarding arrangements.",
	          "class", "govuk-footer__licence-description", NULL);
	html_close_to(h, "footer");
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
