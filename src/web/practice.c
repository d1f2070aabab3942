/*
 * practice: practice reviews and their recommendations (see practice.h).
 */
#include "web/practice.h"

#include <string.h>

#include "assure/assure.h"
#include "assure/recommendation.h"
#include "assure/review.h"
#include "core/buf.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/text.h"
#include "gov/body.h"
#include "gov/partnership.h"
#include "http/server.h"
#include "web/actions.h"
#include "web/layout.h"
#include "web/markdown.h"
#include "web/recordform.h"

enum { TEXT_MAX = 10000, LINE_MAX_ = 300 };

static const char *words(struct arena *a, const char *iso)
{
	return iso ? date_iso_words(a, iso, false) : NULL;
}

static void write_markdown(struct html *h, const void *arg)
{
	markdown_write(h, arg, 3);
}

static void success(struct html *h, const char *text)
{
	govuk_notification_banner(
	        h, &(struct govuk_notification_banner){.type = "success",
	                                               .content.text = text});
}

/* A typed value to show again after a refusal, else NULL. */
static const char *typed(const struct http_request *req,
                         const struct page_problem *p, const char *name)
{
	return p ? http_param(req, name) : NULL;
}

static const char *review_href(struct arena *a, const char *ref)
{
	return arena_printf(a, "/reviews/practice/%s", ref);
}

static const struct govuk_breadcrumbs *crumbs(struct arena *a, const char *ref,
                                              const char *here)
{
	struct govuk_breadcrumb *items = arena_alloc(a, 4 * sizeof *items);
	struct govuk_breadcrumbs *b = arena_alloc(a, sizeof *b);
	size_t n = 0;

	items[n++] =
	        (struct govuk_breadcrumb){.content.text = "Home", .href = "/"};
	items[n++] = (struct govuk_breadcrumb){.content.text = "Practice "
	                                                       "reviews",
	                                       .href = "/reviews/practice"};
	if (ref != NULL && here != NULL)
		items[n++] = (struct govuk_breadcrumb){
		        .content.text = ref, .href = review_href(a, ref)};
	b->items = items;
	b->n_items = n;
	return b;
}

/* Opens a table with a caption and column heads. */
static void table_begin(struct html *h, const char *caption,
                        const char *const *heads, size_t n)
{
	page_table_wrap_begin(h, caption);
	html_open(h, "table", "class", "govuk-table", NULL);
	html_elem(h, "caption", caption, "class",
	          "govuk-table__caption govuk-table__caption--m", NULL);
	html_open(h, "thead", "class", "govuk-table__head", NULL);
	html_open(h, "tr", "class", "govuk-table__row", NULL);
	for (size_t i = 0; i < n; i++)
		html_elem(h, "th", heads[i], "scope", "col", "class",
		          "govuk-table__header", NULL);
	html_close_to(h, "thead");
	html_open(h, "tbody", "class", "govuk-table__body", NULL);
}

static void table_end(struct html *h)
{
	html_close_to(h, "div");
}

static void cell_open(struct html *h, const char *label)
{
	html_open(h, "td", "class", "govuk-table__cell", "data-label", label,
	          NULL);
}

static void cell(struct html *h, const char *label, const char *text)
{
	cell_open(h, label);
	html_text(h, text ? text : "");
	html_close(h);
}

static void tag(struct html *h, const char *text, const char *colour)
{
	html_elem(h, "strong", text, "class", colour ? colour : "govuk-tag",
	          NULL);
}

static const char *rag_class(const char *rag)
{
	if (rag == NULL)
		return "govuk-tag govuk-tag--grey";
	if (strcmp(rag, "red") == 0)
		return "govuk-tag govuk-tag--red";
	if (strcmp(rag, "amber") == 0)
		return "govuk-tag govuk-tag--orange";
	return "govuk-tag govuk-tag--green";
}

static const char *rag_words(const char *rag)
{
	if (rag == NULL)
		return "Not judged";
	if (strcmp(rag, "red") == 0)
		return "Red";
	if (strcmp(rag, "amber") == 0)
		return "Amber";
	return "Green";
}

/* An action's status as people read it ("In progress"). */
static const char *status_words(const char *status)
{
	static const char *const names[][2] = {
	        {"open", "Open"},
	        {"in_progress", "In progress"},
	        {"discharged", "Discharged"},
	        {"closed", "Closed"},
	        {"superseded", "Superseded"},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (status && strcmp(status, names[i][0]) == 0)
			return names[i][1];
	return status ? status : "";
}

/* The publication clock as a tag. */
static void clock_tag(struct html *h, struct arena *a, const struct review *r)
{
	struct review_publication_clock c;
	const char *colour = "govuk-tag govuk-tag--blue";

	review_publication_clock(r, date_today(), &c);
	switch (c.state) {
	case REVIEW_PUBLICATION_LATE:
		colour = "govuk-tag govuk-tag--red";
		break;
	case REVIEW_PUBLICATION_HELD:
		colour = "govuk-tag govuk-tag--yellow";
		break;
	case REVIEW_PUBLICATION_PUBLISHED:
		colour = "govuk-tag govuk-tag--green";
		break;
	default:
		break;
	}
	tag(h, review_publication_words(a, r, &c), colour);
}

/* The review of the path's {ref} that the viewer sees (404 otherwise). */
static enum masa_err load_review(struct http_request *req, struct review *r,
                                 bool *may_change, struct masa_error *err)
{
	enum masa_err rc =
	        review_find(&req->gov, &req->viewer, req->partnership->id,
	                    http_param(req, "ref"), &req->arena, r, err);

	if (rc == MASA_OK)
		rc = review_may_change(&req->gov, &req->viewer, r->id,
		                       may_change, err);
	return rc;
}

static enum masa_err denied(struct masa_error *err)
{
	return masa_error_set(err, MASA_ERR_DENIED,
	                      "only the members of the body holding the "
	                      "review, the chair and the business unit change "
	                      "it");
}

/* ---- the list ---- */

static const struct route_param list_params[] = {
        {.name = "done",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = (const char *const[]){"added", NULL}},
        {.name = NULL},
};

static enum masa_err review_list_page(struct http_request *req,
                                      struct masa_error *err)
{
	static const char *const heads[] = {"Review", "Body", "Stage",
	                                    "Publication"};
	struct arena *a = &req->arena;
	struct review_row *rows;
	size_t n;
	struct html h;
	enum masa_err rc;

	if ((rc = review_list(&req->gov, &req->viewer, req->partnership->id,
	                      false, a, &rows, &n, err)))
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){.title = "Practice reviews",
	                          .breadcrumbs = crumbs(a, NULL, NULL),
	                          .full_width = true});
	page_heading(&h, NULL, "Practice reviews");
	html_elem(&h, "p",
	          "Local child safeguarding practice reviews and serious case "
	          "reviews: where each one is, and when it is due to be "
	          "published (six months from the decision to review).",
	          "class", "govuk-body", NULL);
	if (req->viewer.role >= GOV_ROLE_CHAIR)
		html_elem(&h, "a", "Commission a review", "href",
		          "/reviews/practice/new", "class",
		          "govuk-button govuk-button--secondary", "role",
		          "button", NULL);
	if (n == 0)
		html_elem(&h, "p", "There are no reviews to show.", "class",
		          "govuk-body", NULL);
	else {
		table_begin(&h, "Reviews", heads, 4);
		for (size_t i = 0; i < n; i++) {
			const struct review *r = &rows[i].r;
			html_open(&h, "tr", "class", "govuk-table__row", NULL);
			cell_open(&h, "Review");
			html_elem(&h, "a",
			          arena_printf(a, "%s: %s", r->reference,
			                       r->title),
			          "href", review_href(a, r->reference), "class",
			          "govuk-link", NULL);
			html_close(&h);
			cell(&h, "Body", rows[i].body_short_name);
			cell(&h, "Stage",
			     review_label(review_stages, review_stage_labels,
			                  r->stage));
			cell_open(&h, "Publication");
			clock_tag(&h, a, r);
			html_close_to(&h, "tr");
		}
		table_end(&h);
	}
	html_elem(&h, "a", "Recommendations", "href",
	          "/reviews/recommendations", "class", "govuk-link", NULL);
	page_end(&h, req);
	rc = http_respond_html(req, 200, &h, err);
	html_free(&h);
	return rc;
}

/* ---- record forms: a new review, a review's details, a recommendation */

static const char *const new_fields[] = {"reference",
                                         "title",
                                         "kind",
                                         "body",
                                         "incident",
                                         "commissioned-on",
                                         "reviewer",
                                         "method",
                                         "terms-of-reference",
                                         "publication-due-on",
                                         NULL};
static const char *const edit_fields[] = {"title",
                                          "reviewer",
                                          "method",
                                          "terms-of-reference",
                                          "final-on",
                                          "signed-off-on",
                                          "publication-due-on",
                                          "sent-to-panel-on",
                                          "published-on",
                                          "published-url",
                                          "summary",
                                          "held-reason",
                                          "held-note",
                                          "held-review-on",
                                          NULL};
static const char *const recommendation_fields[] = {
        "text",         "finding", "expected-outcome", "measure",
        "organisation", "body",    "due-on",           NULL};

static const struct route_param form_params[] = {
        {.name = "ref",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_TEXT,
         .min = 1,
         .max = ASSURE_REFERENCE_MAX},
        {.name = "version",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_INTEGER,
         .min = 0,
         .max = INT32_MAX},
        RECORDFORM_PARAMS,
        {.name = NULL},
};
static const struct route_param new_params[] = {
        RECORDFORM_PARAMS,
        {.name = NULL},
};

static enum masa_err form_page(struct http_request *req, const char *title,
                               const char *ref, const struct recordform *f,
                               int64_t version, unsigned status,
                               struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct html h;
	enum masa_err rc;

	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){
	                   .title = f->nerrors ? arena_printf(a, "Error: %s",
	                                                      title)
	                                       : title,
	                   .breadcrumbs = crumbs(a, ref, title),
	           });
	recordform_write_summary(&h, req, f);
	page_heading(&h, ref, title);
	page_form_begin(&h, req, req->path);
	if (version)
		html_void(&h, "input", "type", "hidden", "name", "version",
		          "value", arena_printf(a, "%lld", (long long)version),
		          NULL);
	recordform_write_fields(&h, req, f);
	html_open(&h, "div", "class", "govuk-button-group", NULL);
	govuk_button(&h, &(struct govuk_button){.content.text = "Save"});
	html_elem(&h, "a", "Cancel", "href",
	          ref ? review_href(a, ref) : "/reviews/practice", "class",
	          "govuk-link", NULL);
	html_close_to(&h, "form");
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

/* A refusal of the domain shown on form f; other errors go up. */
static enum masa_err refused(struct http_request *req, struct recordform *f,
                             enum masa_err rc, struct masa_error *why,
                             struct masa_error *err)
{
	const char *unsaved = http_form_unsaved(req, rc);

	if (unsaved != NULL) {
		masa_error_set(why, rc, "%s", unsaved);
		recordform_error(f, why);
		return MASA_OK;
	}
	if (rc != MASA_ERR_INVALID && rc != MASA_ERR_CONFLICT) {
		*err = *why;
		return rc;
	}
	recordform_error(f, why);
	return MASA_OK;
}

static enum masa_err review_new(struct http_request *req,
                                struct masa_error *err)
{
	struct review *r = arena_alloc(&req->arena, sizeof *r);
	struct recordform *f = arena_alloc(&req->arena, sizeof *f);
	struct masa_error why = {0};
	enum masa_err rc;

	r->partnership_id = req->partnership->id;
	r->kind = "local";
	recordform_init(f, &review_record, r, req->partnership->id, new_fields);
	if (strcmp(req->method, "POST") != 0)
		return form_page(req, "Commission a review", NULL, f, 0, 200,
		                 err);
	if (!recordform_read(req, f))
		return form_page(req, "Commission a review", NULL, f, 0, 400,
		                 err);
	rc = review_create(&req->gov, r, &req->arena, &why);
	if (rc == MASA_OK)
		return http_respond_redirect(
		        req,
		        arena_printf(&req->arena, "%s?done=added",
		                     review_href(&req->arena, r->reference)),
		        err);
	if ((rc = refused(req, f, rc, &why, err)))
		return rc;
	return form_page(req, "Commission a review", NULL, f, 0, 400, err);
}

static enum masa_err review_edit(struct http_request *req,
                                 struct masa_error *err)
{
	struct review *r = arena_alloc(&req->arena, sizeof *r);
	struct recordform *f = arena_alloc(&req->arena, sizeof *f);
	const char *title = "Details, sign-off and publication";
	struct masa_error why = {0};
	bool may;
	enum masa_err rc;

	if ((rc = load_review(req, r, &may, err)))
		return rc;
	if (!may)
		return denied(err);
	recordform_init(f, &review_record, r, req->partnership->id,
	                edit_fields);
	if (strcmp(req->method, "POST") != 0)
		return form_page(req, title, r->reference, f, r->version, 200,
		                 err);
	r->version = http_param_long(req, "version", 0);
	if (!recordform_read(req, f))
		return form_page(req, title, r->reference, f, r->version, 400,
		                 err);
	rc = review_update(&req->gov, r, &why);
	if (rc == MASA_OK)
		return http_respond_redirect(
		        req,
		        arena_printf(&req->arena, "%s?done=saved",
		                     review_href(&req->arena, r->reference)),
		        err);
	if ((rc = refused(req, f, rc, &why, err)))
		return rc;
	return form_page(req, title, r->reference, f, r->version,
	                 why.code == MASA_ERR_CONFLICT ? 409 : 400, err);
}

static enum masa_err recommendation_new(struct http_request *req,
                                        struct masa_error *err)
{
	struct review r;
	struct recommendation *rec = arena_alloc(&req->arena, sizeof *rec);
	struct recordform *f = arena_alloc(&req->arena, sizeof *f);
	const char *title = "Add a recommendation";
	struct masa_error why = {0};
	bool may;
	enum masa_err rc;

	if ((rc = load_review(req, &r, &may, err)))
		return rc;
	if (!may)
		return denied(err);
	rec->partnership_id = req->partnership->id;
	rec->review_id = r.id;
	rec->body_id = r.body_id;
	recordform_init(f, &recommendation_record, rec, req->partnership->id,
	                recommendation_fields);
	if (strcmp(req->method, "POST") != 0)
		return form_page(req, title, r.reference, f, 0, 200, err);
	if (!recordform_read(req, f))
		return form_page(req, title, r.reference, f, 0, 400, err);
	rc = recommendation_create(&req->gov, rec, &why);
	if (rc == MASA_OK)
		return http_respond_redirect(
		        req,
		        arena_printf(&req->arena,
		                     "%s/recommendations/%lld?done=added",
		                     review_href(&req->arena, r.reference),
		                     (long long)rec->number),
		        err);
	if ((rc = refused(req, f, rc, &why, err)))
		return rc;
	return form_page(req, title, r.reference, f, 0, 400, err);
}

/* ---- one review ---- */

static const struct route_param review_params[] = {
        {.name = "ref",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_TEXT,
         .min = 1,
         .max = ASSURE_REFERENCE_MAX},
        {.name = "done",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = (const char *const[]){"added", "saved", "stage",
                                          "contribution", "received", NULL}},
        {.name = NULL},
};

static const struct route_param stage_params[] = {
        {.name = "ref",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_TEXT,
         .min = 1,
         .max = ASSURE_REFERENCE_MAX},
        {.name = "stage",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_ENUM,
         .choices = review_stages},
        {.name = "version",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_INTEGER,
         .min = 0,
         .max = INT32_MAX},
        PAGE_DATE_PARAMS("started", ROUTE_IN_FORM),
        {.name = NULL},
};

static const struct route_param contribution_params[] = {
        {.name = "ref",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_TEXT,
         .min = 1,
         .max = ASSURE_REFERENCE_MAX},
        {.name = "organisation",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = 100},
        {.name = "what",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = LINE_MAX_},
        {.name = "received-id",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = INT32_MAX},
        PAGE_DATE_PARAMS("due", ROUTE_IN_FORM),
        {.name = NULL},
};

static void stage_form(struct html *h, struct http_request *req,
                       const struct review *r, const struct page_problem *p)
{
	struct arena *a = &req->arena;
	struct govuk_select_item items[8];
	size_t n = 0;
	bool later = false;

	for (size_t i = 0; review_stages[i] != NULL; i++) {
		if (later)
			items[n++] = (struct govuk_select_item){
			        .value = review_stages[i],
			        .text = review_stage_labels[i]};
		later |= strcmp(review_stages[i], r->stage) == 0;
	}
	if (n == 0)
		return;
	html_elem(h, "h2", "Move to the next stage", "class", "govuk-heading-m",
	          NULL);
	page_form_begin(
	        h, req,
	        arena_printf(a, "%s/stage", review_href(a, r->reference)));
	html_void(h, "input", "type", "hidden", "name", "version", "value",
	          arena_printf(a, "%lld", (long long)r->version), NULL);
	govuk_select(h, &(struct govuk_select){
	                        .name = "stage",
	                        .items = items,
	                        .n_items = n,
	                        .value = typed(req, p, "stage"),
	                        .field.label.content.text = "Stage",
	                        .field.error_message =
	                                page_problem_for(a, p, "stage"),
	                });
	page_date_input(
	        h, req,
	        &(struct page_date_input){
	                .prefix = "started",
	                .legend = "Date the stage began",
	                .error = p && strcmp(p->field, "#started-day") == 0
	                                 ? p->message
	                                 : NULL});
	govuk_button(h, &(struct govuk_button){.content.text = "Move stage"});
	html_close_to(h, "form");
}

static void contribution_form(struct html *h, struct http_request *req,
                              const struct review *r,
                              const struct page_problem *p)
{
	struct arena *a = &req->arena;
	struct gov_organisation *o;
	struct govuk_select_item *items;
	struct masa_error why;
	size_t n;

	if (gov_organisation_list(&req->gov, req->partnership->id, a, &o, &n,
	                          &why))
		return;
	items = arena_alloc(a, (n + 1) * sizeof *items);
	items[0] = (struct govuk_select_item){.value = "",
	                                      .text = "Choose an agency"};
	for (size_t i = 0; i < n; i++)
		items[i + 1] = (struct govuk_select_item){.value = o[i].key,
		                                          .text = o[i].name};
	html_elem(h, "h2", "Ask an agency for a contribution", "class",
	          "govuk-heading-m", NULL);
	page_form_begin(h, req,
	                arena_printf(a, "%s/contributions",
	                             review_href(a, r->reference)));
	govuk_select(h, &(struct govuk_select){
	                        .name = "organisation",
	                        .items = items,
	                        .n_items = n + 1,
	                        .value = typed(req, p, "organisation"),
	                        .field.label.content.text = "Agency",
	                        .field.error_message =
	                                page_problem_for(a, p, "organisation"),
	                });
	govuk_input(
	        h,
	        &(struct govuk_input){
	                .name = "what",
	                .value = typed(req, p, "what"),
	                .field.label.content.text = "What is asked for",
	                .field.hint =
	                        &(struct govuk_hint){
	                                .content.text = "Such as a chronology "
	                                                "or an individual "
	                                                "management review"},
	                .field.error_message = page_problem_for(a, p, "what"),
	        });
	page_date_input(h, req,
	                &(struct page_date_input){
	                        .prefix = "due",
	                        .legend = "Date due",
	                        .error = p && strcmp(p->field, "#due-day") == 0
	                                         ? p->message
	                                         : NULL});
	govuk_button(h, &(struct govuk_button){.content.text = "Ask for it"});
	html_close_to(h, "form");
}

static enum masa_err review_render(struct http_request *req, unsigned status,
                                   const struct page_problem *p,
                                   struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct review r;
	struct review_row row;
	struct review_stage_entry *stages = NULL;
	struct review_contribution *c = NULL;
	struct recommendation_row *recs;
	struct recommendation_filter f = {0};
	size_t ns = 0, nc = 0, nr;
	bool may;
	const char *done = http_param(req, "done");
	struct html h;
	enum masa_err rc;

	if ((rc = load_review(req, &r, &may, err)) ||
	    (rc = review_row_of(&req->gov, &r, a, &row, err)))
		return rc;
	f.review_id = r.id;
	if ((rc = recommendation_list(&req->gov, &req->viewer,
	                              req->partnership->id, &f, a, &recs, &nr,
	                              err)))
		return rc;
	if (may &&
	    ((rc = review_stage_list(&req->gov, r.id, a, &stages, &ns, err)) ||
	     (rc = review_contribution_list(&req->gov, r.id, date_today(), a,
	                                    &c, &nc, err)) ||
	     (rc = assure_audit_view(&req->gov, "practice_review", r.id, err))))
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(
	        &h, req,
	        &(struct page){
	                .title = arena_printf(a, "%s%s: %s", p ? "Error: " : "",
	                                      r.reference, r.title),
	                .breadcrumbs = crumbs(a, NULL, NULL),
	                .full_width = true,
	        });
	if (p)
		page_problem_summary(&h, p);
	else if (done)
		success(&h, strcmp(done, "added") == 0 ? "The review has been "
		                                         "commissioned."
		            : strcmp(done, "stage") == 0
		                    ? "The review has moved "
		                      "on."
		            : strcmp(done, "contribution") == 0
		                    ? "The contribution has been asked for."
		            : strcmp(done, "received") == 0
		                    ? "The contribution has been recorded as "
		                      "received."
		                    : "The review has been saved.");
	page_heading(&h, review_label(review_kinds, review_kind_labels, r.kind),
	             arena_printf(a, "%s: %s", r.reference, r.title));
	{
		struct govuk_summary_list_row rows[16];
		size_t n = 0;
#define ROW(k, v)                                                    \
	do {                                                         \
		if ((v) != NULL)                                     \
			rows[n++] = (struct govuk_summary_list_row){ \
			        .key.text = (k), .value.text = (v)}; \
	} while (0)
		{
			struct review_publication_clock clock;
			review_publication_clock(&r, date_today(), &clock);
			ROW("Publication",
			    review_publication_words(a, &r, &clock));
		}
		ROW("Published", words(a, r.published_on));
		if (may) {
			ROW("Body holding it", row.body_short_name);
			ROW("Incident", row.incident_reference);
			ROW("Commissioned", words(a, r.commissioned_on));
			ROW("Reviewer", r.reviewer);
			ROW("Method", r.method);
			ROW("Stage",
			    review_label(review_stages, review_stage_labels,
			                 r.stage));
			ROW("Final report", words(a, r.final_on));
			ROW("Signed off by the partners",
			    words(a, r.signed_off_on));
			ROW("Sent to the national panel and the Secretary of "
			    "State",
			    words(a, r.sent_to_panel_on));
			ROW("Publication due", words(a, r.publication_due_on));
			ROW("About the hold", r.held_note);
		}
#undef ROW
		govuk_summary_list(&h, &(struct govuk_summary_list){
		                               .rows = rows, .n_rows = n});
	}
	if (r.published_url)
		html_elem(&h, "a", "Read the published report", "href",
		          r.published_url, "class", "govuk-link", NULL);
	if (r.summary) {
		html_elem(&h, "h2", "Summary", "class", "govuk-heading-m",
		          NULL);
		markdown_write(&h, r.summary, 3);
	}
	if (may && r.terms_of_reference) {
		html_elem(&h, "h2", "Terms of reference", "class",
		          "govuk-heading-m", NULL);
		markdown_write(&h, r.terms_of_reference, 3);
	}
	if (may) {
		static const char *const sh[] = {"Stage", "Began"};
		table_begin(&h, "Stages", sh, 2);
		for (size_t i = 0; i < ns; i++) {
			html_open(&h, "tr", "class", "govuk-table__row", NULL);
			cell(&h, "Stage",
			     review_label(review_stages, review_stage_labels,
			                  stages[i].stage));
			cell(&h, "Began", words(a, stages[i].started_on));
			html_close(&h);
		}
		table_end(&h);
	}
	if (may && nc) {
		static const char *const ch[] = {"Agency", "What", "Due",
		                                 "Received", ""};
		table_begin(&h, "Agencies' contributions", ch, 5);
		for (size_t i = 0; i < nc; i++) {
			html_open(&h, "tr", "class", "govuk-table__row", NULL);
			cell(&h, "Agency", c[i].organisation_name);
			cell(&h, "What", c[i].what);
			cell(&h, "Due", words(a, c[i].due_on));
			cell_open(&h, "Received");
			html_text(&h, c[i].received_on
			                      ? words(a, c[i].received_on)
			                      : "Not yet");
			if (c[i].late_days > 0) {
				html_text(&h, " ");
				tag(&h,
				    arena_printf(a, "Late by %ld working day%s",
				                 c[i].late_days,
				                 c[i].late_days == 1 ? ""
				                                     : "s"),
				    "govuk-tag govuk-tag--red");
			}
			html_close(&h);
			cell_open(&h, "");
			if (c[i].received_on == NULL) {
				page_form_begin(
				        &h, req,
				        arena_printf(
				                a, "%s/contributions",
				                review_href(a, r.reference)));
				html_void(&h, "input", "type", "hidden", "name",
				          "received-id", "value",
				          arena_printf(a, "%lld",
				                       (long long)c[i].id),
				          NULL);
				govuk_button(
				        &h, &(struct govuk_button){
				                    .content.text =
				                            "Received today",
				                    .classes = "govuk-button--"
				                               "secondary "
				                               "govuk-!-margin-"
				                               "bottom-0"});
				html_close_to(&h, "form");
			}
			html_close_to(&h, "tr");
		}
		table_end(&h);
	}
	{
		static const char *const rh[] = {"Number", "Recommendation",
		                                 "Owner",  "Due",
		                                 "Status", "Latest judgement"};
		if (nr) {
			table_begin(&h, "Recommendations", rh, 6);
			for (size_t i = 0; i < nr; i++) {
				html_open(&h, "tr", "class", "govuk-table__row",
				          NULL);
				cell_open(&h, "Number");
				html_elem(&h, "a",
				          arena_printf(
				                  a, "Recommendation %lld",
				                  (long long)recs[i].r.number),
				          "href",
				          arena_printf(
				                  a, "%s/recommendations/%lld",
				                  review_href(a, r.reference),
				                  (long long)recs[i].r.number),
				          "class", "govuk-link", NULL);
				html_close(&h);
				cell(&h, "Recommendation", recs[i].r.text);
				cell(&h, "Owner", recs[i].organisation_name);
				cell(&h, "Due", words(a, recs[i].r.due_on));
				cell(&h, "Status",
				     strcmp(recs[i].r.status, "open") == 0
				             ? "Open"
				             : "Closed");
				cell_open(&h, "Latest judgement");
				tag(&h, rag_words(recs[i].latest_rag),
				    rag_class(recs[i].latest_rag));
				html_close_to(&h, "tr");
			}
			table_end(&h);
		}
	}
	if (may) {
		html_open(&h, "ul", "class", "govuk-list", NULL);
		html_open(&h, "li", NULL);
		html_elem(
		        &h, "a",
		        "Change the details, sign-off and "
		        "publication",
		        "href",
		        arena_printf(a, "%s/edit", review_href(a, r.reference)),
		        "class", "govuk-link", NULL);
		html_close(&h);
		html_open(&h, "li", NULL);
		html_elem(&h, "a", "Add a recommendation", "href",
		          arena_printf(a, "%s/recommendations/new",
		                       review_href(a, r.reference)),
		          "class", "govuk-link", NULL);
		html_close_to(&h, "ul");
		stage_form(&h, req, &r, p);
		contribution_form(&h, req, &r, p);
	}
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err review_page(struct http_request *req,
                                 struct masa_error *err)
{
	return review_render(req, 200, NULL, err);
}

/* Shows the refusal why of a form on the review page (400), or passes
 * up an error that is not the user's. */
static enum masa_err review_refused(struct http_request *req, const char *field,
                                    enum masa_err rc,
                                    const struct masa_error *why,
                                    struct masa_error *err)
{
	const char *unsaved = http_form_unsaved(req, rc);

	if (unsaved != NULL)
		return review_render(
		        req, 503, &(struct page_problem){field, unsaved}, err);
	if (rc != MASA_ERR_INVALID && rc != MASA_ERR_CONFLICT &&
	    rc != MASA_ERR_NOT_FOUND) {
		*err = *why;
		return rc;
	}
	return review_render(
	        req, rc == MASA_ERR_CONFLICT ? 409 : 400,
	        &(struct page_problem){field,
	                               arena_strdup(&req->arena, why->message)},
	        err);
}

static enum masa_err review_stage_post(struct http_request *req,
                                       struct masa_error *err)
{
	struct review r;
	struct masa_error why = {0};
	const char *on = NULL, *msg;
	bool may;
	enum masa_err rc;

	if ((rc = load_review(req, &r, &may, err)))
		return rc;
	if (!may)
		return denied(err);
	if (http_param(req, "stage") == NULL)
		return review_render(
		        req, 400,
		        &(struct page_problem){"#stage", "Choose the stage the "
		                                         "review has moved to"},
		        err);
	if ((msg = page_date_read(req, "started", "Date the stage began", true,
	                          &on)))
		return review_render(
		        req, 400, &(struct page_problem){"#started-day", msg},
		        err);
	rc = review_stage_set(&req->gov, r.id, http_param(req, "stage"), on,
	                      http_param_long(req, "version", 0), &why);
	if (rc != MASA_OK)
		return review_refused(req, "#started-day", rc, &why, err);
	return http_respond_redirect(
	        req,
	        arena_printf(&req->arena, "%s?done=stage",
	                     review_href(&req->arena, r.reference)),
	        err);
}

static enum masa_err review_contribution_post(struct http_request *req,
                                              struct masa_error *err)
{
	struct review r;
	struct masa_error why = {0};
	const char *due = NULL, *msg, *done = "contribution";
	char today[DATE_TEXT_SIZE];
	int64_t received = http_param_long(req, "received-id", 0);
	bool may;
	enum masa_err rc;

	date_format(date_today(), today);
	if ((rc = load_review(req, &r, &may, err)))
		return rc;
	if (!may)
		return denied(err);
	if (received != 0) {
		rc = review_contribution_received(&req->gov, r.id, received,
		                                  today, &why);
		done = "received";
	} else {
		if (text_is_blank(http_param(req, "organisation")))
			return review_render(req, 400,
			                     &(struct page_problem){
			                             "#organisation",
			                             "Choose the agency asked"},
			                     err);
		if (text_is_blank(http_param(req, "what")))
			return review_render(
			        req, 400,
			        &(struct page_problem){
			                "#what", "Enter what is asked for"},
			        err);
		if ((msg = page_date_read(req, "due", "Date due", true, &due)))
			return review_render(
			        req, 400,
			        &(struct page_problem){"#due-day", msg}, err);
		rc = review_contribution_add(
		        &req->gov, r.id, http_param(req, "organisation"),
		        http_param(req, "what"), due, NULL, &why);
	}
	if (rc != MASA_OK)
		return review_refused(req, "#organisation", rc, &why, err);
	return http_respond_redirect(
	        req,
	        arena_printf(&req->arena, "%s?done=%s",
	                     review_href(&req->arena, r.reference), done),
	        err);
}

/* ---- one recommendation ---- */

static const struct route_param rec_params[] = {
        {.name = "ref",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_TEXT,
         .min = 1,
         .max = ASSURE_REFERENCE_MAX},
        {.name = "n",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = 100000},
        {.name = "done",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = (const char *const[]){"added", "action", "evidence",
                                          "judged", "closed", NULL}},
        {.name = NULL},
};

static const struct route_param rec_post_params[] = {
        {.name = "ref",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_TEXT,
         .min = 1,
         .max = ASSURE_REFERENCE_MAX},
        {.name = "n",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = 100000},
        {.name = "details",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = TEXT_MAX},
        {.name = "checkpoint",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = 40},
        {.name = "kind",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_ENUM,
         .choices = evidence_kinds},
        {.name = "summary",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = TEXT_MAX},
        {.name = "rag",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_ENUM,
         .choices = evidence_rags},
        {.name = "reason",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = TEXT_MAX},
        PAGE_DATE_PARAMS("on", ROUTE_IN_FORM),
        {.name = NULL},
};

struct rec_ctx {
	struct review r;
	const char *organisation_name, *body_short_name;
	struct recommendation rec;
	bool may_change;   /* the review's case */
	bool may_evidence; /* record evidence */
	bool may_judge;    /* chair or admin */
};

static enum masa_err load_rec(struct http_request *req, struct rec_ctx *c,
                              struct masa_error *err)
{
	struct recommendation_review rv;
	enum masa_err rc;

	memset(c, 0, sizeof *c);
	if ((rc = recommendation_find(
	             &req->gov, &req->viewer, req->partnership->id,
	             http_param(req, "ref"), http_param_long(req, "n", 0),
	             &req->arena, &c->rec, &rv, err)) ||
	    (rc = review_may_change(&req->gov, &req->viewer, rv.id,
	                            &c->may_change, err)) ||
	    (rc = evidence_may_record(&req->gov, &req->viewer, c->rec.id,
	                              &c->may_evidence, err)))
		return rc;
	/* What the page shows of the review: a partner may see this
	 * recommendation of a review it may not otherwise see. */
	c->r.id = rv.id;
	c->r.reference = rv.reference;
	c->r.title = rv.title;
	c->r.published_on = rv.published_on;
	c->organisation_name = rv.organisation_name;
	c->body_short_name = rv.body_short_name;
	c->may_judge = req->viewer.role == GOV_ROLE_CHAIR ||
	               req->viewer.role == GOV_ROLE_ADMIN;
	return MASA_OK;
}

/* The problem's message beside a date field "on". */
static const char *date_error(const struct page_problem *p, const char *form,
                              const char *which)
{
	return p && strcmp(form, which) == 0 && strcmp(p->field, "#on-day") == 0
	               ? p->message
	               : NULL;
}

static void rec_forms(struct html *h, struct http_request *req,
                      const struct rec_ctx *c, const struct impact_evidence *ev,
                      size_t nev, const char *form,
                      const struct page_problem *p)
{
	struct arena *a = &req->arena;
	const char *base = arena_printf(a, "%s/recommendations/%lld",
	                                review_href(a, c->r.reference),
	                                (long long)c->rec.number);
	bool open = strcmp(c->rec.status, "open") == 0;
	const struct page_problem *mine;

	if (c->may_change && open && c->rec.body_id != 0) {
		mine = strcmp(form, "action") == 0 ? p : NULL;
		html_elem(h, "h2", "Raise an action", "class",
		          "govuk-heading-m", NULL);
		html_elem(h, "p",
		          "The action goes into the action log of the body "
		          "named, owned by the owning organisation, and is "
		          "chased as every other action is.",
		          "class", "govuk-body", NULL);
		page_form_begin(h, req, arena_printf(a, "%s/actions", base));
		govuk_textarea(
		        h,
		        &(struct govuk_textarea){
		                .name = "details",
		                .rows = 3,
		                .value = typed(req, mine, "details"),
		                .field.label.content.text =
		                        "What is to be done",
		                .field.hint =
		                        &(struct govuk_hint){
		                                .content.text =
		                                        "Leave empty for the "
		                                        "recommendation's "
		                                        "text"},
		                .field.error_message =
		                        page_problem_for(a, mine, "details"),
		        });
		page_date_input(
		        h, req,
		        &(struct page_date_input){
		                .prefix = "on",
		                .legend = "Date due",
		                .hint = "Leave empty for the "
		                        "recommendation's due date",
		                .error = date_error(p, form, "action")});
		govuk_button(h, &(struct govuk_button){.content.text =
		                                               "Raise action"});
		html_close_to(h, "form");
	}
	if (c->may_evidence) {
		struct govuk_select_item kinds[4];
		mine = strcmp(form, "evidence") == 0 ? p : NULL;
		for (size_t i = 0; i < 4; i++)
			kinds[i] = (struct govuk_select_item){
			        .value = evidence_kinds[i],
			        .text = evidence_kind_labels[i]};
		html_elem(h, "h2", "Record evidence of impact", "class",
		          "govuk-heading-m", NULL);
		page_form_begin(h, req, arena_printf(a, "%s/evidence", base));
		govuk_input(h,
		            &(struct govuk_input){
		                    .name = "checkpoint",
		                    .value = typed(req, mine, "checkpoint"),
		                    .classes = "govuk-input--width-10",
		                    .field.label.content.text = "Checkpoint",
		                    .field.hint =
		                            &(struct govuk_hint){
		                                    .content.text =
		                                            "Such as 6 months "
		                                            "or 12 months"},
		                    .field.error_message = page_problem_for(
		                            a, mine, "checkpoint"),
		            });
		govuk_select(h, &(struct govuk_select){
		                        .name = "kind",
		                        .items = kinds,
		                        .n_items = 4,
		                        .value = typed(req, mine, "kind"),
		                        .field.label.content.text =
		                                "Kind of evidence",
		                });
		govuk_textarea(
		        h, &(struct govuk_textarea){
		                   .name = "summary",
		                   .rows = 4,
		                   .value = typed(req, mine, "summary"),
		                   .field.label.content.text =
		                           "What the evidence shows",
		                   .field.error_message =
		                           page_problem_for(a, mine, "summary"),
		           });
		page_date_input(
		        h, req,
		        &(struct page_date_input){
		                .prefix = "on",
		                .legend = "Date recorded",
		                .hint = "Leave empty for today",
		                .error = date_error(p, form, "evidence")});
		govuk_button(h, &(struct govuk_button){
		                        .content.text = "Record evidence"});
		html_close_to(h, "form");
	}
	if (c->may_judge && nev > 0) {
		struct govuk_select_item *cps =
		        arena_alloc(a, nev * sizeof *cps);
		struct govuk_select_item rags[3];
		size_t k = 0;
		mine = strcmp(form, "judge") == 0 ? p : NULL;
		for (size_t i = 0; i < nev; i++)
			if (ev[i].recorded_on)
				cps[k++] = (struct govuk_select_item){
				        .value = ev[i].checkpoint,
				        .text = ev[i].checkpoint};
		for (size_t i = 0; i < 3; i++)
			rags[i] = (struct govuk_select_item){
			        .value = evidence_rags[i],
			        .text = rag_words(evidence_rags[i])};
		html_elem(h, "h2", "Judge the impact", "class",
		          "govuk-heading-m", NULL);
		page_form_begin(h, req, arena_printf(a, "%s/judge", base));
		govuk_select(h,
		             &(struct govuk_select){
		                     .id = "judge-checkpoint",
		                     .name = "checkpoint",
		                     .items = cps,
		                     .n_items = k,
		                     .value = typed(req, mine, "checkpoint"),
		                     .field.label.content.text = "Checkpoint",
		             });
		govuk_select(h, &(struct govuk_select){
		                        .name = "rag",
		                        .items = rags,
		                        .n_items = 3,
		                        .value = typed(req, mine, "rag"),
		                        .field.label.content.text = "Judgement",
		                        .field.error_message = page_problem_for(
		                                a, mine, "rag"),
		                });
		govuk_button(h,
		             &(struct govuk_button){.content.text = "Judge"});
		html_close_to(h, "form");
	}
	if (c->may_change && open) {
		mine = strcmp(form, "close") == 0 ? p : NULL;
		html_elem(h, "h2", "Close the recommendation", "class",
		          "govuk-heading-m", NULL);
		page_form_begin(h, req, arena_printf(a, "%s/close", base));
		govuk_textarea(
		        h, &(struct govuk_textarea){
		                   .name = "reason",
		                   .rows = 3,
		                   .value = typed(req, mine, "reason"),
		                   .field.label.content.text =
		                           "Reason for closing",
		                   .field.hint =
		                           &(struct govuk_hint){
		                                   .content.text =
		                                           "Needed when no "
		                                           "evidence of impact "
		                                           "is recorded"},
		                   .field.error_message =
		                           page_problem_for(a, mine, "reason"),
		           });
		govuk_button(h, &(struct govuk_button){
		                        .content.text = "Close recommendation",
		                        .classes = "govuk-button--warning"});
		html_close_to(h, "form");
	}
}

static enum masa_err rec_render(struct http_request *req, unsigned status,
                                const char *form, const struct page_problem *p,
                                struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct rec_ctx c;
	struct gov_action_entry *acts;
	struct impact_evidence *ev;
	const char *done = http_param(req, "done");
	size_t nact, nev;
	struct html h;
	enum masa_err rc;

	if ((rc = load_rec(req, &c, err)) ||
	    (rc = recommendation_actions(&req->gov, &req->viewer, c.rec.id, a,
	                                 &acts, &nact, err)) ||
	    (rc = evidence_list(&req->gov, c.rec.id, a, &ev, &nev, err)))
		return rc;
	if ((c.may_change || c.r.published_on == NULL) &&
	    (rc = assure_audit_view(&req->gov, "practice_review", c.r.id, err)))
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){
	                   .title = arena_printf(a, "%sRecommendation %lld: %s",
	                                         p ? "Error: " : "",
	                                         (long long)c.rec.number,
	                                         c.r.reference),
	                   .breadcrumbs = crumbs(a, c.r.reference, "here"),
	                   .full_width = true,
	           });
	if (p)
		page_problem_summary(&h, p);
	else if (done)
		success(&h, strcmp(done, "action") == 0 ? "The action has been "
		                                          "raised."
		            : strcmp(done, "evidence") == 0
		                    ? "The evidence has been recorded."
		            : strcmp(done, "judged") == 0
		                    ? "The judgement has been recorded."
		            : strcmp(done, "closed") == 0
		                    ? "The recommendation has been closed."
		                    : "The recommendation has been added.");
	page_heading(&h, arena_printf(a, "%s: %s", c.r.reference, c.r.title),
	             arena_printf(a, "Recommendation %lld",
	                          (long long)c.rec.number));
	markdown_write(&h, c.rec.text, 3);
	{
		struct govuk_summary_list_row rows[10];
		size_t n = 0;
		const char *org = c.organisation_name,
		           *body = c.body_short_name;
#define ROW(k, v)                                                    \
	do {                                                         \
		if ((v) != NULL)                                     \
			rows[n++] = (struct govuk_summary_list_row){ \
			        .key.text = (k),                     \
			        .value = {.write = write_markdown,   \
			                  .arg = (v)}};              \
	} while (0)
		ROW("Finding it answers", c.rec.finding);
		ROW("Expected outcome", c.rec.expected_outcome);
		ROW("How it will be measured", c.rec.measure);
		ROW("Owning organisation", org);
		ROW("Action log", body);
		ROW("Due by", words(a, c.rec.due_on));
		ROW("Status",
		    strcmp(c.rec.status, "open") == 0
		            ? "Open"
		            : arena_printf(a, "Closed on %s",
		                           words(a, c.rec.closed_on)));
		ROW("Reason for closing", c.rec.closed_reason);
#undef ROW
		govuk_summary_list(&h, &(struct govuk_summary_list){
		                               .rows = rows, .n_rows = n});
	}
	if (nact) {
		static const char *const ah[] = {"Action", "What", "Owners",
		                                 "Due", "Status"};
		table_begin(&h, "Actions", ah, 5);
		for (size_t i = 0; i < nact; i++) {
			const char *owners = "";
			for (size_t k = 0; k < acts[i].nowners; k++)
				owners = arena_printf(a, "%s%s%s", owners,
				                      k ? ", " : "",
				                      acts[i].owners[k].name);
			html_open(&h, "tr", "class", "govuk-table__row", NULL);
			cell_open(&h, "Action");
			html_elem(&h, "a", acts[i].action.key, "href",
			          actions_href(a, acts[i].action.key), "class",
			          "govuk-link", NULL);
			html_close(&h);
			cell(&h, "What", acts[i].action.details);
			cell(&h, "Owners", owners);
			cell(&h, "Due", words(a, acts[i].due));
			cell_open(&h, "Status");
			tag(&h, status_words(acts[i].action.status),
			    strcmp(acts[i].action.status, "open") == 0 ||
			                    strcmp(acts[i].action.status,
			                           "in_progress") == 0
			            ? "govuk-tag govuk-tag--blue"
			            : "govuk-tag govuk-tag--green");
			html_close_to(&h, "tr");
		}
		table_end(&h);
	} else {
		html_elem(&h, "p", "No action has been raised from it yet.",
		          "class", "govuk-body", NULL);
	}
	if (nev) {
		static const char *const eh[] = {"Checkpoint", "Evidence",
		                                 "Recorded", "Judgement"};
		table_begin(&h, "Evidence of impact", eh, 4);
		for (size_t i = 0; i < nev; i++) {
			html_open(&h, "tr", "class", "govuk-table__row", NULL);
			cell(&h, "Checkpoint",
			     ev[i].due_on ? arena_printf(a, "%s (due %s)",
			                                 ev[i].checkpoint,
			                                 words(a, ev[i].due_on))
			                  : ev[i].checkpoint);
			cell(&h, "Evidence",
			     arena_printf(a, "%s: %s",
			                  review_label(evidence_kinds,
			                               evidence_kind_labels,
			                               ev[i].kind),
			                  ev[i].summary ? ev[i].summary : ""));
			cell(&h, "Recorded", words(a, ev[i].recorded_on));
			cell_open(&h, "Judgement");
			tag(&h, rag_words(ev[i].rag), rag_class(ev[i].rag));
			if (ev[i].judged_on)
				html_textf(&h, " on %s%s%s",
				           words(a, ev[i].judged_on),
				           ev[i].judged_by_name ? " by " : "",
				           ev[i].judged_by_name
				                   ? ev[i].judged_by_name
				                   : "");
			html_close_to(&h, "tr");
		}
		table_end(&h);
	} else {
		html_elem(&h, "p", "No evidence of impact is recorded yet.",
		          "class", "govuk-body", NULL);
	}
	rec_forms(&h, req, &c, ev, nev, form ? form : "", p);
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err rec_page(struct http_request *req, struct masa_error *err)
{
	return rec_render(req, 200, NULL, NULL, err);
}

static enum masa_err rec_done(struct http_request *req, const char *form,
                              const char *field, enum masa_err rc,
                              const struct masa_error *why,
                              struct masa_error *err)
{
	const char *unsaved;

	if (rc == MASA_OK)
		return http_respond_redirect(
		        req,
		        arena_printf(&req->arena,
		                     "%s/recommendations/%s?done=%s",
		                     review_href(&req->arena,
		                                 http_param(req, "ref")),
		                     http_param(req, "n"), form),
		        err);
	if ((unsaved = http_form_unsaved(req, rc)))
		return rec_render(req, 503, form,
		                  &(struct page_problem){field, unsaved}, err);
	if (rc != MASA_ERR_INVALID && rc != MASA_ERR_CONFLICT) {
		*err = *why;
		return rc;
	}
	return rec_render(
	        req, 400, form,
	        &(struct page_problem){field,
	                               arena_strdup(&req->arena, why->message)},
	        err);
}

static enum masa_err rec_action_post(struct http_request *req,
                                     struct masa_error *err)
{
	struct rec_ctx c;
	struct gov_action act;
	struct masa_error why = {0};
	const char *due = NULL, *msg;
	enum masa_err rc;

	if ((rc = load_rec(req, &c, err)))
		return rc;
	if (!c.may_change)
		return denied(err);
	if ((msg = page_date_read(req, "on", "Date due", false, &due)))
		return rec_render(req, 400, "action",
		                  &(struct page_problem){"#on-day", msg}, err);
	rc = recommendation_raise_action(&req->gov, c.rec.id,
	                                 http_param(req, "details"), due,
	                                 &req->arena, &act, &why);
	return rec_done(req, "action", "#details", rc, &why, err);
}

static enum masa_err rec_evidence_post(struct http_request *req,
                                       struct masa_error *err)
{
	struct rec_ctx c;
	struct impact_evidence e = {0};
	struct masa_error why = {0};
	const char *on = NULL, *msg, *field = "#summary";
	char today[DATE_TEXT_SIZE];
	enum masa_err rc;

	date_format(date_today(), today);
	if ((rc = load_rec(req, &c, err)))
		return rc;
	if (!c.may_evidence)
		return masa_error_set(
		        err, MASA_ERR_DENIED,
		        "only the review's body, the chair, the "
		        "business unit or the owning organisation "
		        "record evidence on a recommendation");
	if ((msg = page_date_read(req, "on", "Date recorded", false, &on)))
		return rec_render(req, 400, "evidence",
		                  &(struct page_problem){"#on-day", msg}, err);
	e.recommendation_id = c.rec.id;
	e.checkpoint = (char *)http_param(req, "checkpoint");
	e.kind = (char *)http_param(req, "kind");
	e.summary = (char *)http_param(req, "summary");
	e.recorded_on = (char *)(on ? on : today);
	if (text_is_blank(e.checkpoint))
		return rec_render(
		        req, 400, "evidence",
		        &(struct page_problem){"#checkpoint",
		                               "Enter the checkpoint, such "
		                               "as 6 months"},
		        err);
	rc = evidence_record(&req->gov, &req->viewer, &e, &why);
	if (rc != MASA_OK && strncmp(why.message, "Date", 4) == 0)
		field = "#on-day";
	return rec_done(req, "evidence", field, rc, &why, err);
}

static enum masa_err rec_judge_post(struct http_request *req,
                                    struct masa_error *err)
{
	struct rec_ctx c;
	struct masa_error why = {0};
	char today[DATE_TEXT_SIZE];
	enum masa_err rc;

	date_format(date_today(), today);
	if ((rc = load_rec(req, &c, err)))
		return rc;
	if (http_param(req, "rag") == NULL)
		return rec_render(req, 400, "judge",
		                  &(struct page_problem){"#rag",
		                                         "Choose red, amber or "
		                                         "green"},
		                  err);
	rc = evidence_judge(&req->gov, &req->viewer, c.rec.id,
	                    http_param(req, "checkpoint"),
	                    http_param(req, "rag"), today, &why);
	if (rc == MASA_ERR_DENIED) {
		*err = why;
		return rc;
	}
	return rec_done(req, "judged", "#judge-checkpoint", rc, &why, err);
}

static enum masa_err rec_close_post(struct http_request *req,
                                    struct masa_error *err)
{
	struct rec_ctx c;
	struct masa_error why = {0};
	char today[DATE_TEXT_SIZE];
	enum masa_err rc;

	date_format(date_today(), today);
	if ((rc = load_rec(req, &c, err)))
		return rc;
	if (!c.may_change)
		return denied(err);
	rc = recommendation_close(&req->gov, c.rec.id, today,
	                          http_param(req, "reason"), &why);
	return rec_done(req, "closed", "#reason", rc, &why, err);
}

/* ---- all recommendations, and their CSV ---- */

static const struct route_param recs_params[] = {
        {.name = "mine",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_TEXT,
         .max = 8},
        {.name = "status",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = recommendation_statuses},
        {.name = NULL},
};

static enum masa_err list_recs(struct http_request *req,
                               struct recommendation_row **e, size_t *n,
                               struct masa_error *err)
{
	struct recommendation_filter f = {.status = http_param(req, "status")};

	if (http_param(req, "mine") != NULL)
		f.organisation_id = req->viewer.organisation_id
		                            ? req->viewer.organisation_id
		                            : -1;
	return recommendation_list(&req->gov, &req->viewer,
	                           req->partnership->id, &f, &req->arena, e, n,
	                           err);
}

static enum masa_err recs_page(struct http_request *req, struct masa_error *err)
{
	static const char *const heads[] = {"Recommendation", "Owner", "Due",
	                                    "Status", "Latest judgement"};
	struct arena *a = &req->arena;
	struct recommendation_row *e;
	bool mine = http_param(req, "mine") != NULL;
	size_t n;
	struct html h;
	enum masa_err rc;

	if ((rc = list_recs(req, &e, &n, err)))
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){.title = mine ? "Our recommendations"
	                                        : "Recommendations",
	                          .breadcrumbs = crumbs(a, NULL, NULL),
	                          .full_width = true});
	page_heading(&h, NULL,
	             mine ? "Our recommendations" : "Recommendations");
	html_open(&h, "p", "class", "govuk-body", NULL);
	if (req->viewer.organisation_id && !mine)
		html_elem(&h, "a", "Only those our organisation owns", "href",
		          "/reviews/recommendations?mine=1", "class",
		          "govuk-link", NULL);
	html_text(&h, " ");
	html_elem(&h, "a", "Download as a spreadsheet (CSV)", "href",
	          "/reviews/recommendations.csv", "class", "govuk-link", NULL);
	html_close(&h);
	if (n == 0)
		html_elem(&h, "p", "There are no recommendations to show.",
		          "class", "govuk-body", NULL);
	else {
		table_begin(&h, "Recommendations of practice reviews", heads,
		            5);
		for (size_t i = 0; i < n; i++) {
			html_open(&h, "tr", "class", "govuk-table__row", NULL);
			cell_open(&h, "Recommendation");
			html_elem(&h, "a",
			          arena_printf(a, "%s recommendation %lld",
			                       e[i].review_reference,
			                       (long long)e[i].r.number),
			          "href",
			          arena_printf(
			                  a, "%s/recommendations/%lld",
			                  review_href(a, e[i].review_reference),
			                  (long long)e[i].r.number),
			          "class", "govuk-link", NULL);
			html_elem(&h, "p", e[i].r.text, "class",
			          "govuk-body-s govuk-!-margin-bottom-0", NULL);
			html_close(&h);
			cell(&h, "Owner", e[i].organisation_name);
			cell(&h, "Due", words(a, e[i].r.due_on));
			cell(&h, "Status",
			     strcmp(e[i].r.status, "open") == 0 ? "Open"
			                                        : "Closed");
			cell_open(&h, "Latest judgement");
			tag(&h, rag_words(e[i].latest_rag),
			    rag_class(e[i].latest_rag));
			html_close_to(&h, "tr");
		}
		table_end(&h);
	}
	page_end(&h, req);
	rc = http_respond_html(req, 200, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err recs_csv(struct http_request *req, struct masa_error *err)
{
	static const char *const headings[] = {
	        "review",        "number", "owner",      "body",
	        "due_on",        "status", "latest_rag", "latest_checkpoint",
	        "recommendation"};
	enum { COLUMNS = sizeof headings / sizeof headings[0] };
	struct arena *a = &req->arena;
	struct recommendation_row *e;
	struct buf b;
	size_t n;
	enum masa_err rc;

	if ((rc = list_recs(req, &e, &n, err)))
		return rc;
	buf_init(&b, HTTP_PAGE_MAX);
	rc = csv_write_row(&b, headings, COLUMNS, err);
	for (size_t i = 0; rc == MASA_OK && i < n; i++) {
		const char *cells[COLUMNS] = {
		        e[i].review_reference,
		        arena_printf(a, "%lld", (long long)e[i].r.number),
		        e[i].organisation_name,
		        e[i].body_short_name,
		        e[i].r.due_on,
		        e[i].r.status,
		        e[i].latest_rag,
		        e[i].latest_checkpoint,
		        e[i].r.text};

		rc = csv_write_row(&b, cells, COLUMNS, err);
	}
	if (rc == MASA_OK) {
		http_add_header(req, "Content-Disposition",
		                "attachment; filename=\"recommendations.csv\"");
		rc = http_respond_text(req, 200, "text/csv; charset=utf-8",
		                       buf_str(&b), strlen(buf_str(&b)), err);
	}
	buf_free(&b);
	return rc;
}

const struct route practice_routes[] = {
        {"GET", "/reviews/practice", list_params, GOV_ROLE_PUBLIC,
         review_list_page},
        {"GET", "/reviews/practice/new", new_params, GOV_ROLE_CHAIR,
         review_new},
        {"POST", "/reviews/practice/new", new_params, GOV_ROLE_CHAIR,
         review_new},
        {"GET", "/reviews/practice/{ref}", review_params, GOV_ROLE_PUBLIC,
         review_page},
        {"GET", "/reviews/practice/{ref}/edit", form_params, GOV_ROLE_MEMBER,
         review_edit},
        {"POST", "/reviews/practice/{ref}/edit", form_params, GOV_ROLE_MEMBER,
         review_edit},
        {"POST", "/reviews/practice/{ref}/stage", stage_params, GOV_ROLE_MEMBER,
         review_stage_post},
        {"POST", "/reviews/practice/{ref}/contributions", contribution_params,
         GOV_ROLE_MEMBER, review_contribution_post},
        {"GET", "/reviews/practice/{ref}/recommendations/new", form_params,
         GOV_ROLE_MEMBER, recommendation_new},
        {"POST", "/reviews/practice/{ref}/recommendations/new", form_params,
         GOV_ROLE_MEMBER, recommendation_new},
        {"GET", "/reviews/practice/{ref}/recommendations/{n}", rec_params,
         GOV_ROLE_PUBLIC, rec_page},
        {"POST", "/reviews/practice/{ref}/recommendations/{n}/actions",
         rec_post_params, GOV_ROLE_MEMBER, rec_action_post},
        {"POST", "/reviews/practice/{ref}/recommendations/{n}/evidence",
         rec_post_params, GOV_ROLE_MEMBER, rec_evidence_post},
        {"POST", "/reviews/practice/{ref}/recommendations/{n}/judge",
         rec_post_params, GOV_ROLE_CHAIR, rec_judge_post},
        {"POST", "/reviews/practice/{ref}/recommendations/{n}/close",
         rec_post_params, GOV_ROLE_MEMBER, rec_close_post},
        {"GET", "/reviews/recommendations", recs_params, GOV_ROLE_PUBLIC,
         recs_page},
        {"GET", "/reviews/recommendations.csv", recs_params, GOV_ROLE_PUBLIC,
         recs_csv},
        {0},
};
