/*
 * reviews: the reviews pages and the incident forms (see reviews.h).
 *
 * Each form is a struct incident_form: the fields of the incident's
 * declaration it asks (web/recordform.c draws and reads them), its title
 * and button. form_get and form_post do the rest for all of them: the
 * error summary, the form again with what was typed, the hidden version
 * (a change someone else made since is refused, 409), and the 303 to the
 * incident's page whose banner says what was saved.
 */
#include "web/reviews.h"

#include <stdio.h>
#include <string.h>

#include "assure/assure.h"
#include "assure/incident.h"
#include "core/buf.h"
#include "core/csv.h"
#include "core/date.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "http/server.h"
#include "web/layout.h"
#include "web/recordform.h"

enum { REVIEWS_PAGE_SIZE = 25 };

static const char *const done_kinds[] = {"recorded", "saved", "agencies", NULL};
static const char *const done_messages[] = {
        "Incident recorded", "Incident saved", "Agencies involved saved"};

#define REF_PARAM                                                           \
	{                                                                   \
		.name = "ref", .where = ROUTE_IN_PATH, .check = ROUTE_TEXT, \
		.min = 1, .max = ASSURE_REFERENCE_MAX                       \
	}
#define VERSION_PARAM                                              \
	{                                                          \
		.name = "version", .where = ROUTE_IN_FORM,         \
		.check = ROUTE_INTEGER, .min = 0, .max = INT32_MAX \
	}

static const struct route_param overview_params[] = {{.name = "page",
                                                      .where = ROUTE_IN_QUERY,
                                                      .check = ROUTE_INTEGER,
                                                      .min = 1,
                                                      .max = 100000},
                                                     {.name = NULL}};
static const struct route_param show_params[] = {REF_PARAM,
                                                 {.name = "done",
                                                  .where = ROUTE_IN_QUERY,
                                                  .check = ROUTE_ENUM,
                                                  .choices = done_kinds},
                                                 {.name = NULL}};
static const struct route_param new_params[] = {RECORDFORM_PARAMS,
                                                {.name = NULL}};
static const struct route_param edit_params[] = {
        REF_PARAM, VERSION_PARAM, RECORDFORM_PARAMS, {.name = NULL}};
static const struct route_param agencies_params[] = {REF_PARAM,
                                                     VERSION_PARAM,
                                                     {.name = "agency",
                                                      .where = ROUTE_IN_FORM,
                                                      .check = ROUTE_TEXT,
                                                      .max = 200,
                                                      .many = true},
                                                     {.name = NULL}};

/* The tag of a clock: red overdue, orange late, yellow due soon, green
 * done on time, grey due later. */
static void clock_tag(struct html *h, const struct assure_clock *c)
{
	char words[64];
	const char *classes = "govuk-tag--grey";

	switch (c->state) {
	case ASSURE_CLOCK_OVERDUE:
		classes = "govuk-tag--red";
		break;
	case ASSURE_CLOCK_DONE_LATE:
		classes = "govuk-tag--orange";
		break;
	case ASSURE_CLOCK_ON_TIME:
		classes = "govuk-tag--green";
		break;
	case ASSURE_CLOCK_DUE:
		if (c->working_days <= ASSURE_NOTIFY_WORKING_DAYS)
			classes = "govuk-tag--yellow";
		break;
	}
	govuk_tag(h, &(struct govuk_tag){.content.text = assure_clock_words(
	                                         c, words, sizeof words),
	                                 .classes = classes});
}

/* A clock in a cell: due date in words, then its tag. */
static void clock_cell(struct html *h, const void *arg)
{
	const struct assure_clock *c = arg;
	char due[DATE_WORDS_SIZE];

	date_format_words(c->due, false, due);
	html_elem(h, "span", due, "class", "govuk-!-display-block", NULL);
	clock_tag(h, c);
}

static void reference_link(struct html *h, const void *arg)
{
	const struct assure_incident_row *r = arg;
	char href[96];

	snprintf(href, sizeof href, "/reviews/incidents/%s", r->inc.reference);
	html_elem(h, "a", r->inc.reference, "href", href, "class", "govuk-link",
	          NULL);
}

static const struct govuk_breadcrumb home_crumb = {.content.text = "Home",
                                                   .href = "/"};

/*
 * MASA_ERR_DENIED (403) unless the viewer sees the reviews at all (the
 * lists would be empty): the overview and the CSV.
 */
static enum masa_err reviews_may_see(struct http_request *req,
                                     struct masa_error *err)
{
	bool visible;
	enum masa_err rc =
	        assure_reviews_visible(&req->gov, &req->viewer, &visible, err);

	if (rc == MASA_OK && !visible)
		rc = masa_error_set(err, MASA_ERR_DENIED,
		                    "Reviews are seen only by the chair, the "
		                    "business unit and the members of the "
		                    "bodies that hold cases.");
	return rc;
}

/* The overview: the incidents the viewer may see, newest first, paged. */
static enum masa_err reviews_page(struct http_request *req,
                                  struct masa_error *err)
{
	struct arena *a = &req->arena;
	long page = http_param_long(req, "page", 1);
	struct assure_incident_query q = {.limit = REVIEWS_PAGE_SIZE,
	                                  .offset = (size_t)(page - 1) *
	                                            REVIEWS_PAGE_SIZE,
	                                  .today = date_today()};
	struct assure_incident_row *rows;
	size_t n, total;
	struct html h;
	enum masa_err rc;

	if ((rc = reviews_may_see(req, err)) ||
	    (rc = assure_incident_list(&req->gov, &req->viewer, &q, a, &rows,
	                               &n, &total, err)))
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){
	                   .title = "Reviews",
	                   .section = PAGE_REVIEWS,
	                   .breadcrumbs =
	                           &(struct govuk_breadcrumbs){
	                                   .items = &home_crumb, .n_items = 1},
	                   .full_width = true});
	page_heading(&h, NULL, "Reviews");
	html_elem(&h, "p",
	          "Serious incidents notified to the national panel, their "
	          "rapid reviews and the decisions on them. Each clock counts "
	          "working days in England: notification within 5 working "
	          "days of becoming aware, the rapid review's report within "
	          "15.",
	          "class", "govuk-body", NULL);
	html_open(&h, "ul", "class", "govuk-list", NULL);
	html_open(&h, "li", NULL);
	html_elem(&h, "a", "Practice reviews", "href", "/reviews/practice",
	          "class", "govuk-link", NULL);
	html_close(&h);
	html_open(&h, "li", NULL);
	html_elem(&h, "a", "Child deaths", "href", "/child-deaths", "class",
	          "govuk-link", NULL);
	html_close(&h);
	html_open(&h, "li", NULL);
	html_elem(&h, "a", "Download the incidents (CSV)", "href",
	          "/reviews/incidents.csv", "class", "govuk-link", NULL);
	html_close(&h);
	html_close(&h);
	if (gov_may_administer(&req->viewer, req->partnership->id))
		govuk_button(&h, &(struct govuk_button){
		                         .content.text = "Record a serious "
		                                         "incident",
		                         .href = "/reviews/incidents/new"});
	html_elem(&h, "h2", "Serious incidents", "class", "govuk-heading-m",
	          NULL);
	if (n == 0) {
		html_elem(&h, "p", "No serious incidents to show.", "class",
		          "govuk-body", NULL);
	} else {
		static const struct govuk_table_cell head[] = {
		        {.content.text = "Reference"},
		        {.content.text = "Held by"},
		        {.content.text = "Aware"},
		        {.content.text = "Notification"},
		        {.content.text = "Rapid review report"},
		        {.content.text = "Decision"},
		};
		enum { COLS = sizeof head / sizeof head[0] };
		struct govuk_table_cell *cells =
		        arena_alloc(a, n * COLS * sizeof *cells);

		for (size_t i = 0; i < n; i++) {
			struct govuk_table_cell *c = &cells[i * COLS];
			const struct assure_incident_row *r = &rows[i];

			c[0].content.write = reference_link;
			c[0].content.arg = r;
			c[1].content.text = r->body_short_name;
			c[2].content.text =
			        date_iso_words(a, r->inc.aware_on, false);
			c[3].content.write = clock_cell;
			c[3].content.arg = &r->clocks[ASSURE_INCIDENT_NOTIFY];
			c[4].content.write = clock_cell;
			c[4].content.arg =
			        &r->clocks[ASSURE_INCIDENT_RAPID_REVIEW];
			c[5].content.text =
			        r->inc.decision
			                ? assure_incident_words(r->inc.decision)
			                : "Not decided";
		}
		page_table_wrap_begin(&h, "Serious incidents");
		govuk_table(&h,
		            &(struct govuk_table){
		                    .caption = "Serious incidents, newest "
		                               "first",
		                    .caption_classes = "govuk-visually-hidden",
		                    .head = head,
		                    .n_head = COLS,
		                    .cells = cells,
		                    .n_rows = n,
		                    .n_columns = COLS,
		                    .label_cells = true});
		html_close_to(&h, "div");
	}
	if (total > REVIEWS_PAGE_SIZE) {
		struct govuk_pagination p = {0};

		if (page > 1)
			p.previous.href =
			        arena_printf(a, "/reviews?page=%ld", page - 1);
		if ((size_t)page * REVIEWS_PAGE_SIZE < total)
			p.next.href =
			        arena_printf(a, "/reviews?page=%ld", page + 1);
		govuk_pagination(&h, &p);
	}
	page_end(&h, req);
	rc = http_respond_html(req, 200, &h, err);
	html_free(&h);
	return rc;
}

enum masa_err reviews_clock_panel(struct http_request *req, struct html *h,
                                  struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct assure_pressing_clock *c;
	size_t n;
	bool visible;
	enum masa_err rc;

	if ((rc = assure_reviews_visible(&req->gov, &req->viewer, &visible,
	                                 err)) ||
	    !visible)
		return rc;
	if ((rc = assure_incident_pressing(
	             &req->gov, &req->viewer, date_today(),
	             ASSURE_NOTIFY_WORKING_DAYS, a, &c, &n, err)))
		return rc;
	html_elem(h, "h2", "Review clocks", "class", "govuk-heading-m", NULL);
	if (n == 0) {
		html_elem(h, "p",
		          "No serious incident's notification or rapid review "
		          "is late or due in the next 5 working days.",
		          "class", "govuk-body", NULL);
		return MASA_OK;
	}
	html_open(h, "ul", "class", "govuk-list govuk-list--spaced", NULL);
	for (size_t i = 0; i < n; i++) {
		char due[DATE_WORDS_SIZE];

		date_format_words(c[i].clock->due, false, due);
		html_open(h, "li", NULL);
		html_elem(h, "a", c[i].incident->inc.reference, "href",
		          arena_printf(a, "/reviews/incidents/%s",
		                       c[i].incident->inc.reference),
		          "class", "govuk-link", NULL);
		html_textf(h, ": %s, due %s ", c[i].clock->label, due);
		clock_tag(h, c[i].clock);
		html_close(h);
	}
	html_close(h);
	return MASA_OK;
}

/* ---- CSV ---- */

static enum masa_err incidents_csv(struct http_request *req,
                                   struct masa_error *err)
{
	struct assure_incident_query q = {.today = date_today()};
	struct assure_incident_row *rows;
	struct buf b;
	size_t n;
	enum masa_err rc;

	if ((rc = reviews_may_see(req, err)) ||
	    (rc = assure_incident_list(&req->gov, &req->viewer, &q, &req->arena,
	                               &rows, &n, NULL, err)))
		return rc;
	/* Each case exported is read: a view in the audit log. */
	for (size_t i = 0; i < n; i++)
		if ((rc = assure_audit_view(&req->gov, "incident",
		                            rows[i].inc.id, err)))
			return rc;
	buf_init(&b, HTTP_PAGE_MAX);
	rc = csv_write_row(&b, assure_incident_csv_headings,
	                   ASSURE_INCIDENT_CSV_COLUMNS, err);
	for (size_t i = 0; rc == MASA_OK && i < n; i++) {
		const char *cells[ASSURE_INCIDENT_CSV_COLUMNS];

		assure_incident_csv_cells(&rows[i], &req->arena, cells);
		rc = csv_write_row(&b, cells, ASSURE_INCIDENT_CSV_COLUMNS, err);
	}
	if (rc == MASA_OK) {
		http_add_header(req, "Content-Disposition",
		                "attachment; filename=\"incidents.csv\"");
		rc = http_respond_text(req, 200, "text/csv; charset=utf-8",
		                       buf_str(&b), strlen(buf_str(&b)), err);
	}
	buf_free(&b);
	return rc;
}

/* ---- one incident ---- */

static void row_text(struct govuk_summary_list_row *row, const char *key,
                     const char *value)
{
	row->key.text = key;
	row->value.text = value && value[0] ? value : "Not recorded";
}

static void clock_value(struct html *h, const void *arg)
{
	clock_cell(h, arg);
}

/* The rapid review meeting: a link, who attended, whether quorate. */
static enum masa_err meeting_section(struct html *h, struct http_request *req,
                                     const struct assure_incident_row *r,
                                     struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct gov_meeting m;
	struct gov_attendee *att;
	struct gov_quorum q;
	size_t n, present = 0;
	enum masa_err rc;

	html_elem(h, "h2", "Rapid review meeting", "class", "govuk-heading-m",
	          NULL);
	if (r->inc.rapid_review_meeting_id == 0) {
		html_elem(h, "p", "No meeting recorded.", "class", "govuk-body",
		          NULL);
		return MASA_OK;
	}
	if ((rc = gov_meeting_get(&req->gov, r->inc.rapid_review_meeting_id, a,
	                          &m, err)) ||
	    (rc = gov_attendance_list(&req->gov, m.id, a, &att, &n, err)) ||
	    (rc = gov_meeting_quorum(&req->gov, m.id, &q, err)))
		return rc;
	html_open(h, "p", "class", "govuk-body", NULL);
	html_elem(h, "a",
	          arena_printf(a, "%s, %s", r->body_name,
	                       date_iso_words(a, m.date, true)),
	          "href", arena_printf(a, "/meetings/%s", m.key), "class",
	          "govuk-link", NULL);
	html_close(h);
	for (size_t i = 0; i < n; i++)
		if (strcmp(att[i].a.status, "present") == 0 ||
		    strcmp(att[i].a.status, "represented_by") == 0)
			present++;
	html_open(h, "p", "class", "govuk-body", NULL);
	if (!q.has_rule)
		html_textf(h,
		           "%zu present of %zu recorded. The body has no "
		           "quorum rule.",
		           present, n);
	else
		html_textf(h,
		           "%s: %d of %d voting members present (%d needed)%s.",
		           q.quorate ? "Quorate" : "Not quorate",
		           q.voting_present, q.voting_members, q.required,
		           q.partners_missing
		                   ? arena_printf(a,
		                                  "; %d safeguarding partner%s "
		                                  "not represented",
		                                  q.partners_missing,
		                                  q.partners_missing == 1 ? ""
		                                                          : "s")
		                   : "");
	html_close(h);
	if (n > 0) {
		html_open(h, "ul", "class", "govuk-list govuk-list--bullet",
		          NULL);
		for (size_t i = 0; i < n; i++) {
			const char *status = att[i].a.status;

			html_open(h, "li", NULL);
			html_textf(
			        h, "%s%s%s: %s", att[i].person_name,
			        att[i].organisation_name ? ", " : "",
			        att[i].organisation_name
			                ? att[i].organisation_name
			                : "",
			        strcmp(status, "in_attendance") == 0
			                ? "in attendance"
			        : strcmp(status, "represented_by") == 0
			                ? arena_printf(
			                          a, "represented by %s",
			                          att[i].substitute_name
			                                  ? att[i].substitute_name
			                                  : "a deputy")
			                : status);
			html_close(h);
		}
		html_close(h);
	}
	return MASA_OK;
}

/* "Change" links to the forms, for the business unit. */
static struct govuk_summary_actions change(struct http_request *req,
                                           const char *ref, const char *form,
                                           const char *what)
{
	struct govuk_summary_action *act;

	if (!gov_may_administer(&req->viewer, req->partnership->id))
		return (struct govuk_summary_actions){0};
	act = arena_alloc(&req->arena, sizeof *act);
	act->href = arena_printf(&req->arena, "/reviews/incidents/%s/%s", ref,
	                         form);
	act->content.text = "Change";
	act->visually_hidden_text = what;
	return (struct govuk_summary_actions){.items = act, .n_items = 1};
}

static void write_done(struct html *h, struct http_request *req)
{
	const char *done = http_param(req, "done");

	for (size_t i = 0; done && done_kinds[i]; i++)
		if (strcmp(done, done_kinds[i]) == 0)
			govuk_notification_banner(
			        h, &(struct govuk_notification_banner){
			                   .type = "success",
			                   .content.text = done_messages[i]});
}

static void summary(struct html *h, const char *title,
                    struct govuk_summary_list_row *rows, size_t n,
                    struct govuk_summary_actions actions)
{
	govuk_summary_list(
	        h, &(struct govuk_summary_list){
	                   .rows = rows,
	                   .n_rows = n,
	                   .card = &(struct govuk_summary_card){
	                           .title.text = title, .actions = actions}});
}

static enum masa_err incident_page(struct http_request *req,
                                   struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct assure_incident_row r;
	struct assure_incident_agency *ag;
	const struct assure_incident *i = &r.inc;
	size_t nag;
	struct html h;
	enum masa_err rc;

	if ((rc = assure_incident_find(&req->gov, &req->viewer,
	                               http_param(req, "ref"), a, &r, err)) ||
	    (rc = assure_incident_agencies(&req->gov, i->id, a, &ag, &nag,
	                                   err)) ||
	    (rc = assure_audit_view(&req->gov, "incident", i->id, err)))
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	{
		const struct govuk_breadcrumb crumbs[] = {
		        home_crumb,
		        {.content.text = "Reviews", .href = "/reviews"}};
		page_begin(&h, req,
		           &(struct page){
		                   .title = arena_printf(a, "Incident %s",
		                                         i->reference),
		                   .section = PAGE_REVIEWS,
		                   .breadcrumbs = &(struct govuk_breadcrumbs){
		                           .items = crumbs, .n_items = 2}});
	}
	write_done(&h, req);
	page_heading(&h, "Serious incident", i->reference);
	{
		struct govuk_summary_list_row rows[6] = {0};

		row_text(&rows[0], "What happened",
		         assure_incident_words(i->kind));
		row_text(&rows[1], "Age of the child",
		         assure_age_band_label(i->age_band));
		row_text(&rows[2], "Held by",
		         arena_printf(a, "%s (%s)", r.body_name,
		                      r.body_short_name));
		row_text(&rows[3], "Local authority became aware",
		         date_iso_words(a, i->aware_on, true));
		row_text(&rows[4], "Summary", i->summary);
		{
			char *names = "";

			for (size_t k = 0; k < nag; k++)
				names = arena_printf(a, "%s%s%s", names,
				                     k ? ", " : "", ag[k].name);
			row_text(&rows[5], "Agencies involved", names);
			rows[5].actions = change(req, i->reference, "agencies",
			                         "agencies involved");
		}
		summary(&h, "The incident", rows, 6,
		        change(req, i->reference, "details", "the incident"));
	}
	{
		struct govuk_summary_list_row rows[2] = {0};

		rows[0].key.text = "Due";
		rows[0].value.write = clock_value;
		rows[0].value.arg = &r.clocks[ASSURE_INCIDENT_NOTIFY];
		row_text(&rows[1], "Notified",
		         date_iso_words(a, i->notified_on, true));
		summary(&h, "Notification to the national panel", rows, 2,
		        change(req, i->reference, "notification",
		               "the notification"));
	}
	{
		struct govuk_summary_list_row rows[3] = {0};

		row_text(&rows[0], "Rapid review held",
		         date_iso_words(a, i->rapid_review_on, true));
		rows[1].key.text = "Report due";
		rows[1].value.write = clock_value;
		rows[1].value.arg = &r.clocks[ASSURE_INCIDENT_RAPID_REVIEW];
		row_text(&rows[2], "Report sent to the panel",
		         date_iso_words(a, i->rapid_review_sent_on, true));
		summary(&h, "Rapid review", rows, 3,
		        change(req, i->reference, "rapid-review",
		               "the rapid review"));
	}
	if ((rc = meeting_section(&h, req, &r, err)))
		goto out;
	{
		struct govuk_summary_list_row rows[3] = {0};

		row_text(&rows[0], "Decision",
		         i->decision ? assure_incident_words(i->decision)
		                     : NULL);
		row_text(&rows[1], "Date",
		         date_iso_words(a, i->decision_on, true));
		row_text(&rows[2], "Reasons", i->decision_reasons);
		summary(&h, "Decision", rows, 3,
		        change(req, i->reference, "decision", "the decision"));
	}
	{
		struct govuk_summary_list_row rows[2] = {0};

		row_text(&rows[0], "Response", i->panel_response);
		row_text(&rows[1], "Date",
		         date_iso_words(a, i->panel_response_on, true));
		summary(&h, "The national panel's response", rows, 2,
		        change(req, i->reference, "panel-response",
		               "the national panel's response"));
	}
	page_end(&h, req);
	rc = http_respond_html(req, 200, &h, err);
out:
	html_free(&h);
	return rc;
}

/* ---- the forms ---- */

struct incident_form {
	const char *title;
	const char *button;
	const char *const *fields; /* slugs */
	bool create;
};

/* What a form works on: the incident (its row for the title). */
struct incident_ctx {
	struct assure_incident_row r;
	struct recordform f;
	const char *back;
};

static enum masa_err form_page(struct http_request *req,
                               const struct incident_form *form,
                               struct incident_ctx *c, unsigned status,
                               struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct html h;
	char version[24];
	enum masa_err rc;
	const struct govuk_breadcrumb crumbs[] = {
	        home_crumb,
	        {.content.text = "Reviews", .href = "/reviews"},
	        {.content.text = form->create ? NULL : c->r.inc.reference,
	         .href = form->create ? NULL : c->back}};

	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){
	                   .title = c->f.nerrors ? arena_printf(a, "Error: %s",
	                                                        form->title)
	                                         : form->title,
	                   .section = PAGE_REVIEWS,
	                   .breadcrumbs = &(struct govuk_breadcrumbs){
	                           .items = crumbs,
	                           .n_items = form->create ? 2 : 3}});
	recordform_write_summary(&h, req, &c->f);
	page_heading(&h, form->create ? "Serious incident" : c->r.inc.reference,
	             form->title);
	page_form_begin(&h, req, req->path);
	if (!form->create) {
		/* The version the form was drawn from, or after a refusal
		 * the one the editor saw. */
		const char *sent = http_param(req, "version");

		snprintf(version, sizeof version, "%lld",
		         (long long)c->r.inc.version);
		html_void(&h, "input", "type", "hidden", "name", "version",
		          "value", sent && status != 409 ? sent : version,
		          NULL);
	}
	recordform_write_fields(&h, req, &c->f);
	html_open(&h, "div", "class", "govuk-button-group", NULL);
	govuk_button(&h, &(struct govuk_button){.content.text = form->button});
	html_elem(&h, "a", "Cancel", "href", c->back, "class", "govuk-link",
	          NULL);
	html_close(&h);
	html_close_to(&h, "form");
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err form_begin(struct http_request *req,
                                const struct incident_form *form,
                                struct incident_ctx **c, struct masa_error *err)
{
	enum masa_err rc;

	*c = arena_alloc(&req->arena, sizeof **c);
	if (form->create) {
		(*c)->r.inc.partnership_id = req->partnership->id;
		(*c)->back = "/reviews";
	} else {
		rc = assure_incident_find(&req->gov, &req->viewer,
		                          http_param(req, "ref"), &req->arena,
		                          &(*c)->r, err);
		if (rc != MASA_OK)
			return rc;
		(*c)->back = arena_printf(&req->arena, "/reviews/incidents/%s",
		                          (*c)->r.inc.reference);
	}
	recordform_init(&(*c)->f, &assure_incident_record, &(*c)->r.inc,
	                req->partnership->id, form->fields);
	return MASA_OK;
}

static enum masa_err form_get(struct http_request *req, struct masa_error *err)
{
	const struct incident_form *form = req->route->data;
	struct incident_ctx *c;
	enum masa_err rc = form_begin(req, form, &c, err);

	/* A form over a case shows it: a view in the audit log. */
	if (rc == MASA_OK && !form->create)
		rc = assure_audit_view(&req->gov, "incident", c->r.inc.id, err);
	return rc ? rc : form_page(req, form, c, 200, err);
}

static enum masa_err form_post(struct http_request *req, struct masa_error *err)
{
	const struct incident_form *form = req->route->data;
	struct incident_ctx *c;
	struct masa_error why = {0};
	const char *unsaved;
	enum masa_err rc = form_begin(req, form, &c, err);

	if (rc != MASA_OK)
		return rc;
	if (!recordform_read(req, &c->f))
		return form_page(req, form, c, 400, err);
	if (form->create) {
		rc = assure_incident_create(&req->gov, &c->r.inc, NULL, 0,
		                            &why);
	} else {
		c->r.inc.version = http_param_long(req, "version", 0);
		rc = assure_incident_update(&req->gov, &c->r.inc, &why);
	}
	if (rc == MASA_OK)
		return http_respond_redirect(
		        req,
		        arena_printf(&req->arena,
		                     "/reviews/incidents/%s?done=%s",
		                     c->r.inc.reference,
		                     form->create ? "recorded" : "saved"),
		        err);
	unsaved = http_form_unsaved(req, rc);
	if (unsaved != NULL) {
		masa_error_set(&why, rc, "%s", unsaved);
		recordform_error(&c->f, &why);
		return form_page(req, form, c, 503, err);
	}
	if (rc != MASA_ERR_INVALID && rc != MASA_ERR_CONFLICT) {
		*err = why;
		return rc;
	}
	recordform_error(&c->f, &why);
	return form_page(req, form, c, rc == MASA_ERR_CONFLICT ? 409 : 400,
	                 err);
}

static const struct incident_form new_form = {
        .title = "Record a serious incident",
        .button = "Record the incident",
        .fields = (const char *const[]){"reference", "body", "kind", "age-band",
                                        "aware-on", "summary", NULL},
        .create = true,
};
static const struct incident_form details_form = {
        .title = "The incident",
        .button = "Save",
        .fields = (const char *const[]){"body", "kind", "age-band", "aware-on",
                                        "summary", NULL},
};
static const struct incident_form notification_form = {
        .title = "Notification to the national panel",
        .button = "Save",
        .fields = (const char *const[]){"notified-on", NULL},
};
static const struct incident_form rapid_review_form = {
        .title = "Rapid review",
        .button = "Save",
        .fields =
                (const char *const[]){"rapid-review-meeting", "rapid-review-on",
                                      "rapid-review-sent-on", NULL},
};
static const struct incident_form decision_form = {
        .title = "Decision",
        .button = "Save",
        .fields = (const char *const[]){"decision", "decision-on",
                                        "decision-reasons", NULL},
};
static const struct incident_form panel_form = {
        .title = "The national panel's response",
        .button = "Save",
        .fields = (const char *const[]){"panel-response", "panel-response-on",
                                        NULL},
};

/* ---- agencies involved ---- */

static enum masa_err agencies_page(struct http_request *req,
                                   const struct assure_incident_row *r,
                                   const char *error, unsigned status,
                                   struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct gov_organisation *orgs;
	struct assure_incident_agency *ag;
	size_t n, nag;
	const char *back =
	        arena_printf(a, "/reviews/incidents/%s", r->inc.reference);
	struct html h;
	enum masa_err rc;

	if ((rc = gov_organisation_list(&req->gov, req->partnership->id, a,
	                                &orgs, &n, err)) ||
	    (rc = assure_incident_agencies(&req->gov, r->inc.id, a, &ag, &nag,
	                                   err)))
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	{
		const struct govuk_breadcrumb crumbs[] = {
		        home_crumb,
		        {.content.text = "Reviews", .href = "/reviews"},
		        {.content.text = r->inc.reference, .href = back}};
		page_begin(&h, req,
		           &(struct page){
		                   .title = error ? "Error: Agencies "
		                                    "involved"
		                                  : "Agencies involved",
		                   .section = PAGE_REVIEWS,
		                   .breadcrumbs = &(struct govuk_breadcrumbs){
		                           .items = crumbs, .n_items = 3}});
	}
	if (error != NULL) {
		const struct govuk_error_summary_item item = {
		        .href = "#agency", .content.text = error};
		govuk_error_summary(&h,
		                    &(struct govuk_error_summary){
		                            .title.text = "There is a problem",
		                            .error_list = &item,
		                            .n_errors = 1});
	}
	page_heading(&h, r->inc.reference, "Agencies involved");
	page_form_begin(&h, req, req->path);
	html_void(&h, "input", "type", "hidden", "name", "version", "value",
	          arena_printf(a, "%lld", (long long)r->inc.version), NULL);
	{
		struct govuk_choice_item *items =
		        arena_alloc(a, (n + 1) * sizeof *items);
		const char **checked =
		        arena_alloc(a, (nag + 1) * sizeof *checked);
		struct govuk_error_message msg = {.content.text = error};

		for (size_t k = 0; k < n; k++) {
			items[k].value = orgs[k].key;
			items[k].content.text = orgs[k].name;
		}
		for (size_t k = 0; k < nag; k++)
			checked[k] = ag[k].key;
		govuk_checkboxes(
		        &h,
		        &(struct govuk_checkboxes){
		                .name = "agency",
		                .items = items,
		                .n_items = n,
		                .values = checked,
		                .n_values = nag,
		                .classes = "govuk-checkboxes--small",
		                .frame.fieldset =
		                        &(struct govuk_fieldset){
		                                .legend.content.text =
		                                        "Which agencies worked "
		                                        "with the child or "
		                                        "family?",
		                                .legend.classes =
		                                        "govuk-fieldset__"
		                                        "legend--s"},
		                .frame.error_message = error ? &msg : NULL});
	}
	html_open(&h, "div", "class", "govuk-button-group", NULL);
	govuk_button(&h, &(struct govuk_button){.content.text = "Save"});
	html_elem(&h, "a", "Cancel", "href", back, "class", "govuk-link", NULL);
	html_close(&h);
	html_close_to(&h, "form");
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err agencies_get(struct http_request *req,
                                  struct masa_error *err)
{
	struct assure_incident_row r;
	enum masa_err rc = assure_incident_find(&req->gov, &req->viewer,
	                                        http_param(req, "ref"),
	                                        &req->arena, &r, err);

	if (rc == MASA_OK)
		rc = assure_audit_view(&req->gov, "incident", r.inc.id, err);
	return rc ? rc : agencies_page(req, &r, NULL, 200, err);
}

static enum masa_err agencies_post(struct http_request *req,
                                   struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct assure_incident_row r;
	struct masa_error why = {0};
	int64_t *ids = NULL;
	size_t n = 0, cap = 0, at = 0;
	const char *key;
	enum masa_err rc = assure_incident_find(
	        &req->gov, &req->viewer, http_param(req, "ref"), a, &r, err);

	if (rc != MASA_OK)
		return rc;
	while ((key = http_param_next(req, "agency", &at)) != NULL) {
		struct gov_organisation o;

		if (gov_organisation_find(&req->gov, req->partnership->id, key,
		                          a, &o, &why) != MASA_OK)
			return agencies_page(req, &r,
			                     "Choose agencies from the list",
			                     400, err);
		ids = arena_grow(a, ids, n, &cap, sizeof *ids, 8);
		ids[n++] = o.id;
	}
	rc = assure_incident_set_agencies(&req->gov, r.inc.id,
	                                  http_param_long(req, "version", 0),
	                                  ids, n, &why);
	if (rc == MASA_OK)
		return http_respond_redirect(
		        req,
		        arena_printf(a, "/reviews/incidents/%s?done=agencies",
		                     r.inc.reference),
		        err);
	if (rc != MASA_ERR_INVALID && rc != MASA_ERR_CONFLICT) {
		*err = why;
		return rc;
	}
	if (rc == MASA_ERR_CONFLICT &&
	    assure_incident_find(&req->gov, &req->viewer, r.inc.reference, a,
	                         &r, err) != MASA_OK)
		return err->code;
	return agencies_page(req, &r, why.message,
	                     rc == MASA_ERR_CONFLICT ? 409 : 400, err);
}

/* clang-format off */
#define FORM_ROUTES(path, form)                                             \
	{"GET", "/reviews/incidents/{ref}/" path, edit_params,              \
	 GOV_ROLE_ADMIN, form_get, &(form)},                                \
	{"POST", "/reviews/incidents/{ref}/" path, edit_params,             \
	 GOV_ROLE_ADMIN, form_post, &(form)}

const struct route reviews_routes[] = {
        {"GET", "/reviews", overview_params, GOV_ROLE_MEMBER, reviews_page},
        {"GET", "/reviews/incidents.csv", NULL, GOV_ROLE_MEMBER,
         incidents_csv},
        {"GET", "/reviews/incidents/new", new_params, GOV_ROLE_ADMIN,
         form_get, &new_form},
        {"POST", "/reviews/incidents/new", new_params, GOV_ROLE_ADMIN,
         form_post, &new_form},
        {"GET", "/reviews/incidents/{ref}", show_params, GOV_ROLE_MEMBER,
         incident_page},
        FORM_ROUTES("details", details_form),
        FORM_ROUTES("notification", notification_form),
        FORM_ROUTES("rapid-review", rapid_review_form),
        FORM_ROUTES("decision", decision_form),
        FORM_ROUTES("panel-response", panel_form),
        {"GET", "/reviews/incidents/{ref}/agencies", agencies_params,
         GOV_ROLE_ADMIN, agencies_get},
        {"POST", "/reviews/incidents/{ref}/agencies", agencies_params,
         GOV_ROLE_ADMIN, agencies_post},
        {0},
};
/* clang-format on */
