/*
 * learning: published reviews and learning briefings (see learning.h).
 */
#include "web/learning.h"

#include <stdlib.h>
#include <string.h>

#include "assure/assure.h"
#include "assure/briefing.h"
#include "assure/review.h"
#include "core/date.h"
#include "core/text.h"
#include "gov/paper.h"
#include "http/multipart.h"
#include "http/server.h"
#include "web/layout.h"
#include "web/markdown.h"

enum { TITLE_MAX = 300, SUMMARY_MAX = 20000 };

static const struct govuk_breadcrumbs *crumbs(struct arena *a, bool deeper)
{
	struct govuk_breadcrumb *items = arena_alloc(a, 2 * sizeof *items);
	struct govuk_breadcrumbs *b = arena_alloc(a, sizeof *b);

	items[0] =
	        (struct govuk_breadcrumb){.content.text = "Home", .href = "/"};
	items[1] = (struct govuk_breadcrumb){.content.text = "Learning",
	                                     .href = "/learning"};
	b->items = items;
	b->n_items = deeper ? 2 : 1;
	return b;
}

static bool business_unit(const struct http_request *req)
{
	return req->viewer.role == GOV_ROLE_ADMIN ||
	       req->viewer.role == GOV_ROLE_CHAIR;
}

static const struct route_param learning_params[] = {
        {.name = "done",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = (const char *const[]){"added", NULL}},
        {.name = NULL},
};

static const struct route_param add_params[] = {
        {.name = "title",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = TITLE_MAX},
        {.name = "summary",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = SUMMARY_MAX},
        {.name = "review",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = ASSURE_REFERENCE_MAX},
        {.name = NULL},
};

static enum masa_err learning_render(struct http_request *req, unsigned status,
                                     const char *field, const char *problem,
                                     struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct review_row *rv;
	struct briefing *b;
	size_t nrv, nb;
	struct html h;
	enum masa_err rc;

	if ((rc = review_list(&req->gov, &req->viewer, req->partnership->id,
	                      true, a, &rv, &nrv, err)) ||
	    (rc = briefing_list(&req->gov, &req->viewer, req->partnership->id,
	                        !business_unit(req), a, &b, &nb, err)))
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){.title = problem ? "Error: Learning from "
	                                             "reviews"
	                                           : "Learning from reviews",
	                          .section = PAGE_LEARNING,
	                          .breadcrumbs = crumbs(a, false)});
	if (problem) {
		const struct govuk_error_summary_item item = {
		        .href = field, .content.text = problem};
		govuk_error_summary(&h,
		                    &(struct govuk_error_summary){
		                            .title.text = "There is a problem",
		                            .error_list = &item,
		                            .n_errors = 1});
	} else if (http_param(req, "done")) {
		govuk_notification_banner(
		        &h, &(struct govuk_notification_banner){
		                    .type = "success",
		                    .content.text = "The briefing has been "
		                                    "added."});
	}
	page_heading(&h, NULL, "Learning from reviews");
	/* The figures anyone may read, with small numbers suppressed. */
	html_open(&h, "ul", "class", "govuk-list", NULL);
	html_open(&h, "li", NULL);
	html_elem(&h, "a", "Child deaths reviewed: categories and themes",
	          "href", "/child-deaths/dashboard", "class", "govuk-link",
	          NULL);
	html_close(&h);
	html_open(&h, "li", NULL);
	html_elem(&h, "a",
	          "How quickly reviews are done, and open "
	          "recommendations",
	          "href", "/reviews/dashboard", "class", "govuk-link", NULL);
	html_close(&h);
	html_close(&h);
	html_elem(&h, "h2", "Published practice reviews", "class",
	          "govuk-heading-m", NULL);
	if (nrv == 0)
		html_elem(&h, "p", "No review has been published yet.", "class",
		          "govuk-body", NULL);
	for (size_t i = 0; i < nrv; i++) {
		const struct review *r = &rv[i].r;
		html_elem(&h, "h3",
		          arena_printf(a, "%s: %s", r->reference, r->title),
		          "class", "govuk-heading-s", NULL);
		html_elem(
		        &h, "p",
		        arena_printf(a, "Published %s",
		                     date_iso_words(a, r->published_on, false)),
		        "class", "govuk-body-s", NULL);
		if (r->summary)
			markdown_write(&h, r->summary, 4);
		html_open(&h, "p", "class", "govuk-body", NULL);
		if (r->published_url)
			html_elem(&h, "a",
			          arena_printf(a, "Read the report of %s",
			                       r->reference),
			          "href", r->published_url, "class",
			          "govuk-link", NULL);
		html_text(&h, " ");
		html_elem(&h, "a", arena_printf(a, "Its recommendations"),
		          "href",
		          arena_printf(a, "/reviews/practice/%s", r->reference),
		          "class", "govuk-link", NULL);
		html_close(&h);
	}
	html_elem(&h, "h2", "Learning briefings", "class", "govuk-heading-m",
	          NULL);
	if (nb == 0)
		html_elem(&h, "p", "No briefing has been published yet.",
		          "class", "govuk-body", NULL);
	else {
		html_open(&h, "ul", "class", "govuk-list", NULL);
		for (size_t i = 0; i < nb; i++) {
			html_open(&h, "li", NULL);
			html_elem(&h, "a", b[i].title, "href",
			          arena_printf(a, "/learning/%lld",
			                       (long long)b[i].id),
			          "class", "govuk-link", NULL);
			html_textf(&h, " (%s)",
			           b[i].published_on
			                   ? date_iso_words(a,
			                                    b[i].published_on,
			                                    false)
			                   : "not published yet");
			html_close(&h);
		}
		html_close(&h);
	}
	if (business_unit(req)) {
		html_elem(&h, "h2", "Add a learning briefing", "class",
		          "govuk-heading-m", NULL);
		html_open(&h, "form", "method", "post", "action", "/learning",
		          "enctype", "multipart/form-data", "novalidate", "",
		          NULL);
		html_void(&h, "input", "type", "hidden", "name", "csrf",
		          "value", req->csrf_token ? req->csrf_token : "",
		          NULL);
		const struct govuk_error_message msg = {.content.text =
		                                                problem};
		govuk_input(
		        &h,
		        &(struct govuk_input){
		                .name = "title",
		                .value = problem ? http_param(req, "title")
		                                 : NULL,
		                .field.label.content.text = "Title",
		                .field.error_message =
		                        field && strcmp(field, "#title") == 0
		                                ? &msg
		                                : NULL});
		govuk_input(
		        &h,
		        &(struct govuk_input){
		                .name = "review",
		                .classes = "govuk-input--width-20",
		                .value = problem ? http_param(req, "review")
		                                 : NULL,
		                .field.label.content.text =
		                        "Review it comes from (optional)",
		                .field.hint =
		                        &(struct govuk_hint){
		                                .content.text =
		                                        "Its reference, "
		                                        "such as "
		                                        "LCSPR-2019-01"},
		                .field.error_message =
		                        field && strcmp(field, "#review") == 0
		                                ? &msg
		                                : NULL});
		govuk_textarea(
		        &h,
		        &(struct govuk_textarea){
		                .name = "summary",
		                .rows = 5,
		                .value = problem ? http_param(req, "summary")
		                                 : NULL,
		                .field.label.content.text = "Summary",
		                .field.hint = &(struct govuk_hint){
		                        .content.text = "Markdown: "
		                                        "paragraphs, "
		                                        "lists, "
		                                        "**bold**"}});
		govuk_input(
		        &h,
		        &(struct govuk_input){
		                .name = "file",
		                .type = "file",
		                .field.label.content.text = "File (optional)",
		                .field.hint =
		                        &(struct govuk_hint){
		                                .content.text = "A PDF or Word "
		                                                "document"},
		                .field.error_message =
		                        field && strcmp(field, "#file") == 0
		                                ? &msg
		                                : NULL});
		govuk_button(&h, &(struct govuk_button){
		                         .content.text = "Add briefing"});
		html_close_to(&h, "form");
	}
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err learning_page(struct http_request *req,
                                   struct masa_error *err)
{
	return learning_render(req, 200, NULL, NULL, err);
}

static enum masa_err learning_add(struct http_request *req,
                                  struct masa_error *err)
{
	struct briefing b = {0};
	struct masa_error why = {0};
	const struct multipart_part *file = NULL;
	const char *ref = http_param(req, "review");
	enum masa_err rc;

	for (size_t i = 0; i < req->nuploads; i++)
		if (strcmp(req->uploads[i].name, "file") == 0 &&
		    req->uploads[i].size > 0)
			file = &req->uploads[i];
	b.partnership_id = req->partnership->id;
	b.title = (char *)http_param(req, "title");
	b.summary = (char *)http_param(req, "summary");
	if (text_is_blank(b.title))
		return learning_render(req, 400, "#title",
		                       "Enter the briefing's title", err);
	if (!text_is_blank(ref)) {
		struct review r;
		if (review_find(&req->gov, &req->viewer, req->partnership->id,
		                ref, &req->arena, &r, &why) != MASA_OK)
			return learning_render(req, 400, "#review",
			                       "There is no review with that "
			                       "reference",
			                       err);
		b.review_id = r.id;
	}
	rc = briefing_create(&req->gov, &b, file ? file->filename : NULL,
	                     file ? file->data : NULL, file ? file->size : 0,
	                     &req->arena, &why);
	if (rc == MASA_ERR_INVALID || rc == MASA_ERR_LIMIT)
		return learning_render(
		        req, 400,
		        strncmp(why.message, "File", 4) == 0 ? "#file"
		                                             : "#title",
		        arena_strdup(&req->arena, why.message), err);
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return http_respond_redirect(req,
	                             arena_printf(&req->arena,
	                                          "/learning/%lld?done=added",
	                                          (long long)b.id),
	                             err);
}

/* ---- one briefing ---- */

static const struct route_param briefing_params[] = {
        {.name = "id",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = INT32_MAX},
        {.name = "done",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = (const char *const[]){"added", "published", "sent", NULL}},
        {.name = NULL},
};

static const struct route_param briefing_post_params[] = {
        {.name = "id",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = INT32_MAX},
        {.name = "audience",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = 300},
        {.name = "recipients",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = 12},
        PAGE_DATE_PARAMS("sent", ROUTE_IN_FORM),
        {.name = NULL},
};

static enum masa_err briefing_render(struct http_request *req, unsigned status,
                                     const char *field, const char *problem,
                                     struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct briefing b;
	struct briefing_circulation *c = NULL;
	const char *done = http_param(req, "done");
	size_t nc = 0;
	struct html h;
	enum masa_err rc;

	if ((rc = briefing_get(&req->gov, &req->viewer,
	                       http_param_long(req, "id", 0), a, &b, err)))
		return rc;
	if (req->account != NULL &&
	    (rc = briefing_circulation_list(&req->gov, b.id, a, &c, &nc, err)))
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(
	        &h, req,
	        &(struct page){
	                .title = problem ? arena_printf(a, "Error: %s", b.title)
	                                 : b.title,
	                .breadcrumbs = crumbs(a, true)});
	if (problem) {
		const struct govuk_error_summary_item item = {
		        .href = field, .content.text = problem};
		govuk_error_summary(&h,
		                    &(struct govuk_error_summary){
		                            .title.text = "There is a problem",
		                            .error_list = &item,
		                            .n_errors = 1});
	} else if (done) {
		govuk_notification_banner(
		        &h,
		        &(struct govuk_notification_banner){
		                .type = "success",
		                .content.text =
		                        strcmp(done, "published") == 0
		                                ? "The briefing has been "
		                                  "published."
		                        : strcmp(done, "sent") == 0
		                                ? "Its circulation has been "
		                                  "recorded."
		                                : "The briefing has been "
		                                  "added."});
	}
	page_heading(&h, "Learning briefing", b.title);
	html_elem(
	        &h, "p",
	        b.published_on
	                ? arena_printf(a, "Published %s",
	                               date_iso_words(a, b.published_on, false))
	                : "Not published yet",
	        "class", "govuk-body-s", NULL);
	if (b.summary && *b.summary)
		markdown_write(&h, b.summary, 2);
	if (b.filename)
		html_elem(
		        &h, "a",
		        arena_printf(a, "Download the briefing (%s)",
		                     b.filename),
		        "href",
		        arena_printf(a, "/learning/%lld/file", (long long)b.id),
		        "class", "govuk-link", NULL);
	if (b.review_reference) {
		html_open(&h, "p", "class", "govuk-body", NULL);
		html_text(&h, "From practice review ");
		html_elem(&h, "a", b.review_reference, "href",
		          arena_printf(a, "/reviews/practice/%s",
		                       b.review_reference),
		          "class", "govuk-link", NULL);
		html_close(&h);
	}
	if (nc) {
		html_elem(&h, "h2", "Where it was sent", "class",
		          "govuk-heading-m", NULL);
		html_open(&h, "ul", "class", "govuk-list govuk-list--bullet",
		          NULL);
		for (size_t i = 0; i < nc; i++)
			html_elem(&h, "li",
			          c[i].recipients
			                  ? arena_printf(
			                            a, "%s, %s (%lld people)",
			                            c[i].audience,
			                            date_iso_words(a,
			                                           c[i].sent_on,
			                                           false),
			                            (long long)c[i].recipients)
			                  : arena_printf(
			                            a, "%s, %s", c[i].audience,
			                            date_iso_words(a,
			                                           c[i].sent_on,
			                                           false)),
			          NULL);
		html_close(&h);
	}
	if (business_unit(req) && b.published_on == NULL) {
		page_form_begin(&h, req,
		                arena_printf(a, "/learning/%lld/publish",
		                             (long long)b.id));
		govuk_button(&h, &(struct govuk_button){
		                         .content.text = "Publish it today"});
		html_close_to(&h, "form");
	}
	if (business_unit(req) && b.published_on != NULL) {
		const struct govuk_error_message msg = {.content.text =
		                                                problem};
		html_elem(&h, "h2", "Record where it was sent", "class",
		          "govuk-heading-m", NULL);
		page_form_begin(&h, req,
		                arena_printf(a, "/learning/%lld/circulation",
		                             (long long)b.id));
		govuk_input(
		        &h,
		        &(struct govuk_input){
		                .name = "audience",
		                .value = problem ? http_param(req, "audience")
		                                 : NULL,
		                .field.label.content.text = "Sent to",
		                .field.hint =
		                        &(struct govuk_hint){
		                                .content.text =
		                                        "Such as Designated "
		                                        "safeguarding leads in "
		                                        "schools"},
		                .field.error_message =
		                        field && strcmp(field, "#audience") == 0
		                                ? &msg
		                                : NULL});
		govuk_input(
		        &h,
		        &(struct govuk_input){
		                .name = "recipients",
		                .inputmode = "numeric",
		                .classes = "govuk-input--width-5",
		                .value = problem ? http_param(req, "recipients")
		                                 : NULL,
		                .field.label.content.text =
		                        "How many people (optional)",
		                .field.error_message =
		                        field && strcmp(field, "#recipients") ==
		                                                0
		                                ? &msg
		                                : NULL});
		page_date_input(
		        &h, req,
		        &(struct page_date_input){
		                .prefix = "sent",
		                .legend = "Date sent",
		                .hint = "Leave empty for today",
		                .error =
		                        field && strcmp(field, "#sent-day") == 0
		                                ? problem
		                                : NULL});
		govuk_button(&h, &(struct govuk_button){
		                         .content.text = "Record circulation"});
		html_close_to(&h, "form");
	}
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err briefing_page(struct http_request *req,
                                   struct masa_error *err)
{
	return briefing_render(req, 200, NULL, NULL, err);
}

static enum masa_err briefing_publish_post(struct http_request *req,
                                           struct masa_error *err)
{
	struct briefing b;
	struct masa_error why = {0};
	char today[DATE_TEXT_SIZE];
	enum masa_err rc;

	date_format(date_today(), today);
	if ((rc = briefing_get(&req->gov, &req->viewer,
	                       http_param_long(req, "id", 0), &req->arena, &b,
	                       err)))
		return rc;
	rc = briefing_publish(&req->gov, b.id, today, &why);
	if (rc == MASA_ERR_INVALID)
		return briefing_render(req, 400, "#main-content",
		                       arena_strdup(&req->arena, why.message),
		                       err);
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return http_respond_redirect(
	        req,
	        arena_printf(&req->arena, "/learning/%lld?done=published",
	                     (long long)b.id),
	        err);
}

static enum masa_err briefing_circulation_post(struct http_request *req,
                                               struct masa_error *err)
{
	struct briefing b;
	struct masa_error why = {0};
	const char *on = NULL, *msg, *n = http_param(req, "recipients");
	char today[DATE_TEXT_SIZE];
	long recipients = 0;
	enum masa_err rc;

	date_format(date_today(), today);
	if ((rc = briefing_get(&req->gov, &req->viewer,
	                       http_param_long(req, "id", 0), &req->arena, &b,
	                       err)))
		return rc;
	if ((msg = page_date_read(req, "sent", "Date sent", false, &on)))
		return briefing_render(req, 400, "#sent-day", msg, err);
	if (!text_is_blank(n)) {
		char *end;
		recipients = strtol(n, &end, 10);
		if (*end != '\0' || recipients < 0 || recipients > 10000000)
			return briefing_render(
			        req, 400, "#recipients",
			        "How many people must be a whole "
			        "number, such as 120",
			        err);
	}
	if (text_is_blank(http_param(req, "audience")))
		return briefing_render(req, 400, "#audience",
		                       "Enter who it was sent to", err);
	rc = briefing_circulate(&req->gov, b.id, http_param(req, "audience"),
	                        on ? on : today, recipients, &why);
	if (rc == MASA_ERR_INVALID || rc == MASA_ERR_CONFLICT)
		return briefing_render(
		        req, 400,
		        strncmp(why.message, "Date", 4) == 0 ? "#sent-day"
		                                             : "#audience",
		        arena_strdup(&req->arena, why.message), err);
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return http_respond_redirect(req,
	                             arena_printf(&req->arena,
	                                          "/learning/%lld?done=sent",
	                                          (long long)b.id),
	                             err);
}

static enum masa_err briefing_download(struct http_request *req,
                                       struct masa_error *err)
{
	const void *bytes;
	size_t size;
	const char *name, *type;
	enum masa_err rc = briefing_file(
	        &req->gov, &req->viewer, http_param_long(req, "id", 0),
	        &req->arena, &bytes, &size, &name, &type, err);
	char *safe;

	if (rc != MASA_OK)
		return rc;
	safe = arena_strdup(&req->arena, name ? name : "briefing");
	for (char *p = safe; *p; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f ||
		    *p == '"' || *p == '\\' || *p == ';')
			*p = '_';
	http_add_header(
	        req, "Content-Disposition",
	        arena_printf(&req->arena, "attachment; filename=\"%s\"", safe));
	return http_respond_text(req, 200,
	                         type ? type : "application/octet-stream",
	                         bytes, size, err);
}

const struct route learning_routes[] = {
        {"GET", "/learning", learning_params, GOV_ROLE_PUBLIC, learning_page},
        {"POST", "/learning", add_params, GOV_ROLE_CHAIR, learning_add},
        {"GET", "/learning/{id}", briefing_params, GOV_ROLE_PUBLIC,
         briefing_page},
        {"GET", "/learning/{id}/file", briefing_params, GOV_ROLE_PUBLIC,
         briefing_download},
        {"POST", "/learning/{id}/publish", briefing_post_params, GOV_ROLE_CHAIR,
         briefing_publish_post},
        {"POST", "/learning/{id}/circulation", briefing_post_params,
         GOV_ROLE_CHAIR, briefing_circulation_post},
        {0},
};
