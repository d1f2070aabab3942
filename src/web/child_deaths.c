/*
 * child_deaths: the panel's pages (see child_deaths.h). Every case comes
 * from the domain's queries with the viewer (assure/child_death.h), so a
 * page never decides who sees a case; a case shown is written to the audit
 * log as read (assure_audit_view).
 */
#include "web/child_deaths.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assure/assure.h"
#include "assure/child_death.h"
#include "core/date.h"
#include "core/text.h"
#include "gov/body.h"
#include "gov/meeting.h"
#include "http/multipart.h"
#include "http/server.h"
#include "web/actions.h"
#include "web/layout.h"
#include "web/markdown.h"

enum { PAGE_SIZE = 25, LEARNING_MAX = 20000, FACTOR_MAX = 2000 };

static const char *const statuses[] = {"reviewed", "awaiting", NULL};
static const char *const yes_no[] = {"yes", "no", NULL};

/* The filters of the list and the CSV. */
#define FILTER_PARAMS                                           \
	{.name = "partnership",                                 \
	 .where = ROUTE_IN_QUERY,                               \
	 .check = ROUTE_SLUG,                                   \
	 .max = 60},                                            \
	        {.name = "year",                                \
	         .where = ROUTE_IN_QUERY,                       \
	         .check = ROUTE_INTEGER,                        \
	         .min = 1900,                                   \
	         .max = 2999},                                  \
	        {.name = "status",                              \
	         .where = ROUTE_IN_QUERY,                       \
	         .check = ROUTE_ENUM,                           \
	         .choices = statuses},                          \
	        {.name = "category",                            \
	         .where = ROUTE_IN_QUERY,                       \
	         .check = ROUTE_INTEGER,                        \
	         .min = 1,                                      \
	         .max = CHILD_DEATH_CATEGORIES},                \
	        {.name = "theme",                               \
	         .where = ROUTE_IN_QUERY,                       \
	         .check = ROUTE_SLUG,                           \
	         .max = 40},                                    \
	{                                                       \
		.name = "page", .where = ROUTE_IN_QUERY,        \
		.check = ROUTE_INTEGER, .min = 1, .max = 100000 \
	}

static const struct route_param list_params[] = {
        FILTER_PARAMS,
        {.name = NULL},
};
static const struct route_param csv_params[] = {
        FILTER_PARAMS,
        {.name = "from", .where = ROUTE_IN_QUERY, .check = ROUTE_DATE},
        {.name = "to", .where = ROUTE_IN_QUERY, .check = ROUTE_DATE},
        {.name = NULL},
};

/* Where the panel's other pages sit. */
static const struct govuk_breadcrumb list_crumb_items[] = {
        {.content.text = "Home", .href = "/"},
        {.content.text = "Child death reviews", .href = "/child-deaths"},
};
static const struct govuk_breadcrumbs list_crumbs = {.items = list_crumb_items,
                                                     .n_items = 2};

/* The "what you may see instead" page, for anyone who may see no case. */
static enum masa_err not_yours(struct http_request *req, struct masa_error *err)
{
	struct html h;
	enum masa_err rc;

	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){.title = "Child death reviews",
	                          .section = PAGE_NONE});
	page_heading(&h, NULL, "Child death reviews");
	html_elem(&h, "p",
	          "The cases the child death overview panel reviews are seen "
	          "only by the panel's members, and by the business unit and "
	          "the chair of each partnership for their own children.",
	          "class", "govuk-body", NULL);
	html_open(&h, "p", "class", "govuk-body", NULL);
	html_text(&h, "What the panel has learned is public: ");
	html_elem(&h, "a", "the child death dashboard", "href",
	          "/child-deaths/dashboard", "class", "govuk-link", NULL);
	html_text(&h, " shows deaths by category, modifiable factors and "
	              "theme across the region, with small numbers hidden.");
	html_close(&h);
	page_end(&h, req);
	rc = http_respond_html(req, 200, &h, err);
	html_free(&h);
	return rc;
}

/* A domain message as a sentence for the error summary (in a). */
static const char *sentence(struct arena *a, const char *message)
{
	char *s = arena_strdup(a, message);

	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	return s;
}

/* The filter's values from the request. */
static void read_filter(struct http_request *req, struct child_death_filter *f)
{
	memset(f, 0, sizeof *f);
	if (http_param(req, "partnership") != NULL) {
		struct gov_partnership p;

		f->partnership_id =
		        gov_partnership_find(&req->gov,
		                             http_param(req, "partnership"),
		                             &req->arena, &p, NULL) == MASA_OK
		                ? p.id
		                : -1;
	}
	f->year = (int)http_param_long(req, "year", 0);
	if (http_param(req, "status") != NULL)
		f->status = strcmp(http_param(req, "status"), "reviewed") == 0
		                    ? 1
		                    : 2;
	f->category = (int)http_param_long(req, "category", 0);
	f->theme = http_param(req, "theme");
	f->from = http_param(req, "from");
	f->to = http_param(req, "to");
}

/* The query string of the filters (for pages and the CSV link). */
static const char *filter_query(struct http_request *req)
{
	static const char *const names[] = {"partnership", "year", "status",
	                                    "category", "theme"};
	const char *q = "";

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (http_param(req, names[i]) != NULL)
			q = arena_printf(&req->arena, "%s%s%s=%s", q,
			                 q[0] ? "&" : "", names[i],
			                 actions_query_escape(
			                         &req->arena,
			                         http_param(req, names[i])));
	return q;
}

static const char *category_text(struct arena *a, int category)
{
	if (category < 1 || category > CHILD_DEATH_CATEGORIES)
		return "";
	return arena_printf(a, "%d: %s", category,
	                    child_death_categories[category]);
}

static void write_filters(struct html *h, struct http_request *req,
                          int64_t panel_body_id)
{
	struct arena *a = &req->arena;
	struct govuk_select_item cat[CHILD_DEATH_CATEGORIES + 1];
	struct govuk_select_item st[3] = {
	        {.value = "", .text = "All"},
	        {.value = "reviewed", .text = "Reviewed"},
	        {.value = "awaiting", .text = "Awaiting review"}};
	struct cdr_theme *themes = NULL;
	struct govuk_select_item *ti, *pi;
	struct gov_partnership *served = NULL, home;
	struct gov_body panel;
	size_t nthemes = 0, nserved = 0, npi = 0;

	cat[0] = (struct govuk_select_item){.value = "", .text = "All"};
	for (int i = 1; i <= CHILD_DEATH_CATEGORIES; i++)
		cat[i] = (struct govuk_select_item){
		        .value = arena_printf(a, "%d", i),
		        .text = category_text(a, i)};
	cdr_theme_list(&req->gov, panel_body_id, a, &themes, &nthemes, NULL);
	ti = arena_alloc(a, (nthemes + 1) * sizeof *ti);
	ti[0] = (struct govuk_select_item){.value = "", .text = "All"};
	for (size_t i = 0; i < nthemes; i++)
		ti[i + 1] = (struct govuk_select_item){.value = themes[i].key,
		                                       .text = themes[i].name};
	/* The partnerships the panel serves, or the viewer's own. */
	pi = arena_alloc(a, (nserved + 3) * sizeof *pi);
	pi[npi++] = (struct govuk_select_item){.value = "", .text = "All"};
	if (panel_body_id != 0 &&
	    gov_body_get(&req->gov, panel_body_id, a, &panel, NULL) ==
	            MASA_OK &&
	    gov_partnership_get(&req->gov, panel.partnership_id, a, &home,
	                        NULL) == MASA_OK &&
	    gov_body_served(&req->gov, panel_body_id, a, &served, &nserved,
	                    NULL) == MASA_OK) {
		pi = arena_alloc(a, (nserved + 3) * sizeof *pi);
		npi = 0;
		pi[npi++] =
		        (struct govuk_select_item){.value = "", .text = "All"};
		pi[npi++] = (struct govuk_select_item){.value = home.key,
		                                       .text = home.name};
		for (size_t i = 0; i < nserved; i++)
			pi[npi++] = (struct govuk_select_item){
			        .value = served[i].key, .text = served[i].name};
	} else {
		pi[npi++] = (struct govuk_select_item){
		        .value = req->partnership->key,
		        .text = req->partnership->name};
	}
	page_get_form_begin(h, "/child-deaths");
	govuk_select(h, &(struct govuk_select){
	                        .name = "partnership",
	                        .items = pi,
	                        .n_items = npi,
	                        .value = http_param(req, "partnership"),
	                        .field.label.content.text = "Partnership"});
	govuk_input(h, &(struct govuk_input){.name = "year",
	                                     .inputmode = "numeric",
	                                     .value = http_param(req, "year"),
	                                     .classes = "govuk-input--width-4",
	                                     .field.label.content.text =
	                                             "Year of death"});
	govuk_select(h, &(struct govuk_select){
	                        .name = "status",
	                        .items = st,
	                        .n_items = 3,
	                        .value = http_param(req, "status"),
	                        .field.label.content.text = "Status"});
	govuk_select(h, &(struct govuk_select){
	                        .name = "category",
	                        .items = cat,
	                        .n_items = CHILD_DEATH_CATEGORIES + 1,
	                        .value = http_param(req, "category"),
	                        .field.label.content.text = "Category"});
	govuk_select(
	        h, &(struct govuk_select){.name = "theme",
	                                  .items = ti,
	                                  .n_items = nthemes + 1,
	                                  .value = http_param(req, "theme"),
	                                  .field.label.content.text = "Theme"});
	govuk_button(h, &(struct govuk_button){
	                        .content.text = "Show cases",
	                        .classes = "govuk-button--secondary"});
	html_close_to(h, "form");
}

static enum masa_err list_page(struct http_request *req, struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct child_death_filter f;
	struct child_death *list;
	struct child_death_panel *panels;
	size_t n, npanels;
	long total, page = http_param_long(req, "page", 1);
	const char *query;
	struct html h;
	enum masa_err rc;

	if (!child_death_viewer_sees_cases(&req->gov, &req->viewer))
		return not_yours(req, err);
	read_filter(req, &f);
	f.limit = PAGE_SIZE;
	f.offset = (page - 1) * PAGE_SIZE;
	if ((rc = child_death_list(&req->gov, &req->viewer, &f, a, &list, &n,
	                           &total, err)) != MASA_OK ||
	    (rc = child_death_panels(&req->gov, &req->viewer, a, &panels,
	                             &npanels, err)) != MASA_OK)
		return rc;
	query = filter_query(req);
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){.title = "Child death reviews",
	                          .section = PAGE_NONE,
	                          .full_width = true});
	page_heading(&h, npanels ? panels[0].name : NULL,
	             "Child death reviews");
	html_open(&h, "p", "class", "govuk-body", NULL);
	if (npanels > 0) {
		html_elem(&h, "a", "Record a death", "href",
		          "/child-deaths/new", "class", "govuk-link", NULL);
		html_text(&h, " · ");
		html_elem(&h, "a", "Themes", "href", "/child-deaths/themes",
		          "class", "govuk-link", NULL);
		html_text(&h, " · ");
		html_elem(&h, "a", "Import the national dataset", "href",
		          "/child-deaths/import", "class", "govuk-link", NULL);
		html_text(&h, " · ");
	}
	html_elem(&h, "a", "Download these cases (CSV)", "href",
	          arena_printf(a, "/child-deaths.csv%s%s", query[0] ? "?" : "",
	                       query),
	          "class", "govuk-link", NULL);
	html_text(&h, " · ");
	html_elem(&h, "a", "Dashboard", "href", "/child-deaths/dashboard",
	          "class", "govuk-link", NULL);
	html_close(&h);
	write_filters(&h, req, npanels ? panels[0].id : 0);
	html_open(&h, "p", "class", "govuk-body", NULL);
	html_textf(&h, "%ld case%s", total, total == 1 ? "" : "s");
	html_close(&h);
	if (n > 0) {
		static const char *const heads[] = {
		        "Case",     "Partnership", "Died",     "Age",
		        "Expected", "Review",      "Category", NULL};

		page_table_wrap_begin(&h, "Cases");
		html_open(&h, "table", "class", "govuk-table", NULL);
		html_elem(&h, "caption", "Cases", "class",
		          "govuk-table__caption govuk-visually-hidden", NULL);
		html_open(&h, "thead", "class", "govuk-table__head", NULL);
		html_open(&h, "tr", "class", "govuk-table__row", NULL);
		for (size_t c = 0; heads[c]; c++)
			html_elem(&h, "th", heads[c], "scope", "col", "class",
			          "govuk-table__header", NULL);
		html_close_to(&h, "thead");
		html_open(&h, "tbody", "class", "govuk-table__body", NULL);
		for (size_t i = 0; i < n; i++) {
			const struct child_death *cd = &list[i];
			const char *cells[] = {
			        cd->partnership_name,
			        actions_date_words(a, cd->died_on),
			        assure_age_band_label(cd->age_band),
			        cd->expected ? "Expected" : "Unexpected",
			        cd->reviewed_on
			                ? arena_printf(
			                          a, "Reviewed %s",
			                          actions_date_words(
			                                  a, cd->reviewed_on))
			                : "Awaiting review",
			        category_text(a, cd->category)};

			html_open(&h, "tr", "class", "govuk-table__row", NULL);
			html_open(&h, "td", "class", "govuk-table__cell",
			          "data-label", heads[0], NULL);
			html_elem(&h, "a", cd->reference, "href",
			          arena_printf(a, "/child-deaths/%s",
			                       cd->reference),
			          "class", "govuk-link", NULL);
			html_close(&h);
			for (size_t c = 0; c < 6; c++)
				html_elem(&h, "td", cells[c], "class",
				          "govuk-table__cell", "data-label",
				          heads[c + 1], NULL);
			html_close(&h);
		}
		html_close_to(&h, "div");
	}
	if (page > 1 || total > page * PAGE_SIZE) {
		const char *sep = query[0] ? "&" : "";

		govuk_pagination(
		        &h,
		        &(struct govuk_pagination){
		                .previous.href =
		                        page > 1 ? arena_printf(a,
		                                                "/child-deaths?"
		                                                "%s%spage=%ld",
		                                                query, sep,
		                                                page - 1)
		                                 : NULL,
		                .next.href =
		                        total > page * PAGE_SIZE
		                                ? arena_printf(a,
		                                               "/child-deaths?"
		                                               "%s%spage=%ld",
		                                               query, sep,
		                                               page + 1)
		                                : NULL,
		        });
	}
	page_end(&h, req);
	rc = http_respond_html(req, 200, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err csv_download(struct http_request *req,
                                  struct masa_error *err)
{
	struct child_death_filter f;
	struct buf out;
	enum masa_err rc;

	if (!child_death_viewer_sees_cases(&req->gov, &req->viewer))
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "there are no cases you may see");
	read_filter(req, &f);
	buf_init(&out, HTTP_PAGE_MAX * 8);
	rc = child_death_export_csv(&req->gov, &req->viewer, &f, &out, err);
	if (rc == MASA_OK)
		rc = http_respond_text(req, 200, "text/csv; charset=utf-8",
		                       buf_str(&out), out.len, err);
	buf_free(&out);
	return rc;
}

/* ---- recording a case ---- */

static const struct route_param new_params[] = {
        {.name = "panel", .where = ROUTE_IN_FORM, .check = ROUTE_SHORT_NAME},
        {.name = "reference",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = 200},
        {.name = "partnership",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_SLUG,
         .max = 60},
        {.name = "age-band",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_ENUM,
         .choices = assure_age_bands},
        PAGE_DATE_PARAMS("died", ROUTE_IN_FORM),
        PAGE_DATE_PARAMS("notified", ROUTE_IN_FORM),
        PAGE_DATE_PARAMS("review-meeting", ROUTE_IN_FORM),
        {.name = "place",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_ENUM,
         .choices = child_death_places},
        {.name = "expected",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_ENUM,
         .choices = yes_no},
        {.name = NULL},
};

/* The panel the viewer works for: the one named, or the first. */
static bool pick_panel(struct http_request *req, const char *name,
                       struct child_death_panel *out)
{
	struct child_death_panel *p;
	size_t n;

	if (child_death_panels(&req->gov, &req->viewer, &req->arena, &p, &n,
	                       NULL) != MASA_OK ||
	    n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (name == NULL || strcmp(p[i].short_name, name) == 0) {
			*out = p[i];
			return true;
		}
	return false;
}

static enum masa_err new_render(struct http_request *req, unsigned status,
                                const struct page_problem *pr,
                                struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct child_death_panel panel;
	struct gov_partnership *served;
	struct gov_partnership home;
	struct govuk_select_item *pi, bands[8], places[7];
	struct govuk_choice_item exp[2] = {
	        {.value = "no", .content.text = "Unexpected"},
	        {.value = "yes", .content.text = "Expected"}};
	size_t nserved, k = 0;
	struct html h;
	enum masa_err rc;

	if (!pick_panel(req, http_param(req, "panel"), &panel))
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "you record no panel's cases");
	if ((rc = gov_partnership_get(&req->gov, panel.partnership_id, a, &home,
	                              err)) != MASA_OK ||
	    (rc = gov_body_served(&req->gov, panel.id, a, &served, &nserved,
	                          err)) != MASA_OK)
		return rc;
	pi = arena_alloc(a, (nserved + 1) * sizeof *pi);
	pi[k++] = (struct govuk_select_item){.value = home.key,
	                                     .text = home.name};
	for (size_t i = 0; i < nserved; i++)
		pi[k++] = (struct govuk_select_item){.value = served[i].key,
		                                     .text = served[i].name};
	for (size_t i = 1; assure_age_bands[i] != NULL; i++)
		bands[i - 1] = (struct govuk_select_item){
		        .value = assure_age_bands[i],
		        .text = assure_age_band_label(assure_age_bands[i])};
	for (size_t i = 0; child_death_places[i] != NULL; i++)
		places[i] = (struct govuk_select_item){
		        .value = child_death_places[i],
		        .text = child_death_place_label(child_death_places[i])};
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){.title = pr ? "Error: Record a child's death"
	                                      : "Record a child's death",
	                          .section = PAGE_NONE,
	                          .breadcrumbs = &list_crumbs});
	if (pr)
		page_problem_summary(&h, pr);
	page_heading(&h, panel.name, "Record a child's death");
	page_form_begin(&h, req, "/child-deaths");
	html_void(&h, "input", "type", "hidden", "name", "panel", "value",
	          panel.short_name, NULL);
	govuk_input(&h, &(struct govuk_input){
	                        .name = "reference",
	                        .value = http_param(req, "reference"),
	                        .classes = "govuk-input--width-20",
	                        .spellcheck = GOVUK_FALSE,
	                        .field.label.content.text = "Case reference",
	                        .field.hint =
	                                &(struct govuk_hint){
	                                        .content.text =
	                                                "A code such as "
	                                                "CDOP-2024-017: never "
	                                                "the child's name or "
	                                                "date of birth"},
	                        .field.error_message =
	                                page_problem_for(a, pr, "reference")});
	govuk_select(&h, &(struct govuk_select){
	                         .name = "partnership",
	                         .items = pi,
	                         .n_items = k,
	                         .value = http_param(req, "partnership"),
	                         .field.label.content.text =
	                                 "The child's partnership",
	                         .field.error_message = page_problem_for(
	                                 a, pr, "partnership")});
	govuk_select(&h, &(struct govuk_select){
	                         .name = "age-band",
	                         .items = bands,
	                         .n_items = 6,
	                         .value = http_param(req, "age-band"),
	                         .field.label.content.text = "Age",
	                         .field.error_message =
	                                 page_problem_for(a, pr, "age-band")});
	page_date_input(
	        &h, req,
	        &(struct page_date_input){
	                .prefix = "died",
	                .legend = "Date of death",
	                .error = pr && strncmp(pr->field, "#died", 5) == 0
	                                 ? pr->message
	                                 : NULL});
	page_date_input(
	        &h, req,
	        &(struct page_date_input){
	                .prefix = "notified",
	                .legend = "Date the panel was notified",
	                .error = pr && strncmp(pr->field, "#notified", 9) == 0
	                                 ? pr->message
	                                 : NULL});
	govuk_select(&h, &(struct govuk_select){
	                         .name = "place",
	                         .items = places,
	                         .n_items = 6,
	                         .value = http_param(req, "place"),
	                         .field.label.content.text = "Place of death",
	                         .field.error_message =
	                                 page_problem_for(a, pr, "place")});
	govuk_radios(&h, &(struct govuk_radios){
	                         .name = "expected",
	                         .items = exp,
	                         .n_items = 2,
	                         .value = http_param(req, "expected"),
	                         .classes = "govuk-radios--inline",
	                         .frame.error_message =
	                                 page_problem_for(a, pr, "expected"),
	                         .frame.fieldset = &(struct govuk_fieldset){
	                                 .legend.content.text = "Was the death "
	                                                        "expected?",
	                                 .legend.classes = "govuk-fieldset__"
	                                                   "legend--s"}});
	page_date_input(
	        &h, req,
	        &(struct page_date_input){
	                .prefix = "review-meeting",
	                .legend = "Child death review meeting (if held)",
	                .error = pr && strncmp(pr->field, "#review-meeting",
	                                       15) == 0
	                                 ? pr->message
	                                 : NULL});
	govuk_button(&h, &(struct govuk_button){.content.text = "Record"});
	html_close_to(&h, "form");
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err new_page(struct http_request *req, struct masa_error *err)
{
	return new_render(req, 200, NULL, err);
}

/* Which field a domain message is about, from its first words. */
static const char *field_of(const char *message)
{
	static const char *const map[][2] = {
	        {"case reference", "#reference"},
	        {"age band", "#age-band"},
	        {"date of death", "#died-day"},
	        {"date notified", "#notified-day"},
	        {"date of the child death review meeting",
	         "#review-meeting-day"},
	        {"date reviewed by the panel", "#reviewed-day"},
	        {"place", "#place"},
	        {"category", "#category"},
	        {"modifiable factor", "#modifiable"},
	        {"partnership", "#partnership"},
	        {"panel meeting", "#panel-meeting"},
	        {"theme", "#themes"},
	};

	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strncmp(message, map[i][0], strlen(map[i][0])) == 0)
			return map[i][1];
	return "#reference";
}

/* A date of the form, or a problem naming it. */
static bool form_date(struct http_request *req, const char *prefix,
                      const char *label, bool required, char **out,
                      struct page_problem *pr)
{
	const char *iso = NULL;
	const char *msg = page_date_read(req, prefix, label, required, &iso);

	if (msg != NULL) {
		pr->field = arena_printf(&req->arena, "#%s-day", prefix);
		pr->message = msg;
		return false;
	}
	*out = (char *)iso;
	return true;
}

static enum masa_err new_post(struct http_request *req, struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct child_death_panel panel;
	struct child_death cd = {0};
	struct page_problem pr = {0};
	struct masa_error why = {0};
	enum masa_err rc;

	if (!pick_panel(req, http_param(req, "panel"), &panel))
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "you record no panel's cases");
	cd.panel_body_id = panel.id;
	cd.partnership_id = panel.partnership_id;
	cd.reference = (char *)(http_param(req, "reference")
	                                ? http_param(req, "reference")
	                                : "");
	cd.age_band = (char *)(http_param(req, "age-band")
	                               ? http_param(req, "age-band")
	                               : "");
	cd.place = (char *)http_param(req, "place");
	cd.expected = http_param(req, "expected") &&
	              strcmp(http_param(req, "expected"), "yes") == 0;
	if (http_param(req, "partnership") != NULL) {
		struct gov_partnership p;

		if (gov_partnership_find(&req->gov,
		                         http_param(req, "partnership"), a, &p,
		                         NULL) == MASA_OK)
			cd.partnership_id = p.id;
	}
	if (http_param(req, "expected") == NULL) {
		pr.field = "#expected";
		pr.message = "Say whether the death was expected";
		return new_render(req, 400, &pr, err);
	}
	if (!form_date(req, "died", "Date of death", true, &cd.died_on, &pr) ||
	    !form_date(req, "notified", "Date the panel was notified", false,
	               &cd.notified_on, &pr) ||
	    !form_date(req, "review-meeting", "Child death review meeting",
	               false, &cd.review_meeting_on, &pr))
		return new_render(req, 400, &pr, err);
	rc = child_death_create(&req->gov, &cd, &why);
	if (rc == MASA_ERR_INVALID || rc == MASA_ERR_CONFLICT) {
		pr.field = field_of(why.message);
		pr.message = arena_strdup(a, sentence(a, why.message));
		return new_render(req, 400, &pr, err);
	}
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return http_respond_redirect(
	        req,
	        arena_printf(a, "/child-deaths/%s?done=recorded", cd.reference),
	        err);
}

/* ---- one case ---- */

static const struct route_param case_params[] = {
        {.name = "ref",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_TEXT,
         .max = ASSURE_REFERENCE_MAX},
        {.name = "done",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices =
                 (const char *const[]){"recorded", "reviewed", "action", NULL}},
        {.name = NULL},
};

static const struct route_param review_params[] = {
        {.name = "ref",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_TEXT,
         .max = ASSURE_REFERENCE_MAX},
        {.name = "version",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_INTEGER,
         .min = 0,
         .max = 1000000000},
        PAGE_DATE_PARAMS("reviewed", ROUTE_IN_FORM),
        {.name = "panel-meeting",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = 100},
        {.name = "category",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = 4},
        {.name = "modifiable",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_ENUM,
         .choices = child_death_modifiable},
        {.name = "factor-child",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = FACTOR_MAX},
        {.name = "factor-social_environment",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = FACTOR_MAX},
        {.name = "factor-physical_environment",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = FACTOR_MAX},
        {.name = "factor-service_provision",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = FACTOR_MAX},
        {.name = "themes",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_SLUG,
         .max = 40,
         .many = true},
        {.name = "learning",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = LEARNING_MAX},
        {.name = NULL},
};

static const struct route_param action_params[] = {
        {.name = "ref",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_TEXT,
         .max = ASSURE_REFERENCE_MAX},
        {.name = "details",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = 2000},
        PAGE_DATE_PARAMS("due", ROUTE_IN_FORM),
        {.name = NULL},
};

static void summary_row(struct govuk_summary_list_row *rows, size_t *n,
                        const char *key, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	rows[*n] = (struct govuk_summary_list_row){.key.text = key,
	                                           .value.text = value};
	(*n)++;
}

static void write_review_form(struct html *h, struct http_request *req,
                              const struct child_death *cd,
                              const struct page_problem *pr)
{
	struct arena *a = &req->arena;
	bool again = pr != NULL; /* show what was typed */
	struct gov_meeting_row *meetings = NULL;
	struct gov_body panel;
	struct cdr_theme *themes = NULL;
	size_t nm = 0, nthemes = 0, k = 0;
	struct govuk_select_item *mi, cat[CHILD_DEATH_CATEGORIES + 1];
	struct govuk_choice_item mod[3], *ti;
	const char **checked;
	size_t nchecked = 0, at = 0;
	const char *v;

	if (gov_body_get(&req->gov, cd->panel_body_id, a, &panel, NULL) ==
	    MASA_OK)
		gov_meeting_list(&req->gov, panel.partnership_id, panel.id,
		                 NULL, NULL, 0, 0, a, &meetings, &nm, NULL);
	mi = arena_alloc(a, (nm + 1) * sizeof *mi);
	mi[k++] = (struct govuk_select_item){.value = "", .text = "None"};
	for (size_t i = 0; i < nm; i++)
		if (strcmp(meetings[i].m.date, cd->died_on) >= 0)
			mi[k++] = (struct govuk_select_item){
			        .value = meetings[i].m.key,
			        .text = meetings[i].m.key};
	cat[0] = (struct govuk_select_item){.value = "",
	                                    .text = "Not decided yet"};
	for (int i = 1; i <= CHILD_DEATH_CATEGORIES; i++)
		cat[i] = (struct govuk_select_item){
		        .value = arena_printf(a, "%d", i),
		        .text = category_text(a, i)};
	for (size_t i = 0; i < 3; i++)
		mod[i] = (struct govuk_choice_item){
		        .value = child_death_modifiable[i],
		        .content.text = child_death_modifiable_label(
		                child_death_modifiable[i])};
	cdr_theme_list(&req->gov, cd->panel_body_id, a, &themes, &nthemes,
	               NULL);
	ti = arena_alloc(a, (nthemes + 1) * sizeof *ti);
	for (size_t i = 0; i < nthemes; i++)
		ti[i] = (struct govuk_choice_item){
		        .value = themes[i].key, .content.text = themes[i].name};
	checked = arena_alloc(a, (nthemes + cd->nthemes + 1) * sizeof *checked);
	if (again)
		while ((v = http_param_next(req, "themes", &at)) != NULL &&
		       nchecked < nthemes + cd->nthemes)
			checked[nchecked++] = v;
	else
		for (size_t i = 0; i < cd->nthemes; i++)
			checked[nchecked++] = cd->themes[i];

	html_elem(h, "h2", "The panel's review", "class", "govuk-heading-m",
	          "id", "review", NULL);
	page_form_begin(
	        h, req,
	        arena_printf(a, "/child-deaths/%s/review", cd->reference));
	html_void(h, "input", "type", "hidden", "name", "version", "value",
	          arena_printf(a, "%lld", (long long)cd->version), NULL);
	page_date_input(
	        h, req,
	        &(struct page_date_input){
	                .prefix = "reviewed",
	                .legend = "Date the panel reviewed the death",
	                .iso = cd->reviewed_on,
	                .error = pr && strncmp(pr->field, "#reviewed", 9) == 0
	                                 ? pr->message
	                                 : NULL});
	govuk_select(h,
	             &(struct govuk_select){
	                     .name = "panel-meeting",
	                     .items = mi,
	                     .n_items = k,
	                     .value = again ? http_param(req, "panel-meeting")
	                                    : cd->panel_meeting_key,
	                     .field.label.content.text = "The panel's meeting",
	                     .field.error_message =
	                             page_problem_for(a, pr, "panel-meeting")});
	govuk_select(h, &(struct govuk_select){
	                        .name = "category",
	                        .items = cat,
	                        .n_items = CHILD_DEATH_CATEGORIES + 1,
	                        .value = again ? http_param(req, "category")
	                                 : cd->category
	                                         ? arena_printf(a, "%d",
	                                                        cd->category)
	                                         : "",
	                        .field.label.content.text = "Category of death",
	                        .field.error_message =
	                                page_problem_for(a, pr, "category")});
	govuk_radios(
	        h, &(struct govuk_radios){
	                   .name = "modifiable",
	                   .items = mod,
	                   .n_items = 3,
	                   .value = again ? http_param(req, "modifiable")
	                                  : cd->modifiable,
	                   .frame.fieldset =
	                           &(struct govuk_fieldset){
	                                   .legend.content.text =
	                                           "Modifiable factors",
	                                   .legend.classes = "govuk-fieldset__"
	                                                     "legend--s"},
	                   .frame.error_message =
	                           page_problem_for(a, pr, "modifiable")});
	html_elem(h, "p",
	          "For modifiable factors identified, describe each in its "
	          "domain (leave the others empty).",
	          "class", "govuk-body", NULL);
	for (size_t i = 0; child_death_domains[i] != NULL; i++) {
		const char *name =
		        arena_printf(a, "factor-%s", child_death_domains[i]);
		const char *value = NULL;

		if (again)
			value = http_param(req, name);
		else
			for (size_t j = 0; j < cd->nfactors; j++)
				if (strcmp(cd->factors[j].domain,
				           child_death_domains[i]) == 0)
					value = cd->factors[j].description;
		govuk_textarea(
		        h, &(struct govuk_textarea){
		                   .name = name,
		                   .rows = 2,
		                   .value = value,
		                   .field.label.content.text =
		                           child_death_domain_label(
		                                   child_death_domains[i])});
	}
	govuk_checkboxes(
	        h, &(struct govuk_checkboxes){
	                   .name = "themes",
	                   .items = ti,
	                   .n_items = nthemes,
	                   .values = checked,
	                   .n_values = nchecked,
	                   .classes = "govuk-checkboxes--small",
	                   .frame.fieldset =
	                           &(struct govuk_fieldset){
	                                   .legend.content.text = "Themes",
	                                   .legend.classes = "govuk-fieldset__"
	                                                     "legend--s"},
	                   .frame.error_message =
	                           page_problem_for(a, pr, "themes")});
	govuk_textarea(
	        h, &(struct govuk_textarea){
	                   .name = "learning",
	                   .rows = 6,
	                   .value = again ? http_param(req, "learning")
	                                  : cd->learning,
	                   .field.label.content.text = "Learning",
	                   .field.hint = &(struct govuk_hint){
	                           .content.text = "What the panel learned, "
	                                           "for the annual report "
	                                           "(Markdown)"}});
	govuk_button(h, &(struct govuk_button){.content.text = "Save the "
	                                                       "review"});
	html_close_to(h, "form");
}

static void write_action_form(struct html *h, struct http_request *req,
                              const struct child_death *cd,
                              const struct page_problem *pr)
{
	struct arena *a = &req->arena;

	html_elem(h, "h2", "Raise an action", "class", "govuk-heading-m", "id",
	          "action", NULL);
	html_elem(h, "p",
	          "The action goes into the panel's action log, owned by all "
	          "its members, and is chased there.",
	          "class", "govuk-body", NULL);
	page_form_begin(
	        h, req,
	        arena_printf(a, "/child-deaths/%s/actions", cd->reference));
	govuk_textarea(h,
	               &(struct govuk_textarea){
	                       .name = "details",
	                       .rows = 3,
	                       .value = pr ? http_param(req, "details") : NULL,
	                       .field.label.content.text = "What is to be done",
	                       .field.error_message =
	                               page_problem_for(a, pr, "details")});
	page_date_input(
	        h, req,
	        &(struct page_date_input){
	                .prefix = "due",
	                .legend = "Due by",
	                .error = pr && strncmp(pr->field, "#due", 4) == 0
	                                 ? pr->message
	                                 : NULL});
	govuk_button(h, &(struct govuk_button){
	                        .content.text = "Raise the action",
	                        .classes = "govuk-button--secondary"});
	html_close_to(h, "form");
}

/* The case page; pr: a problem with the review (or action) form. */
static enum masa_err case_render(struct http_request *req, unsigned status,
                                 const struct page_problem *pr,
                                 bool action_form, struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct child_death cd;
	char **actions;
	size_t nactions, nrows = 0;
	struct govuk_summary_list_row rows[16];
	const char *done = http_param(req, "done");
	bool may_change;
	struct html h;
	enum masa_err rc;

	if ((rc = child_death_find(&req->gov, &req->viewer,
	                           http_param(req, "ref"), a, &cd, err)) !=
	            MASA_OK ||
	    (rc = child_death_actions(&req->gov, cd.id, a, &actions, &nactions,
	                              err)) != MASA_OK)
		return rc;
	if ((rc = assure_audit_view(&req->gov, "child_death", cd.id, err)) !=
	    MASA_OK)
		return rc;
	may_change = child_death_may_change(&req->gov, &req->viewer,
	                                    cd.panel_body_id);
	summary_row(rows, &nrows, "Partnership", cd.partnership_name);
	summary_row(rows, &nrows, "Age", assure_age_band_label(cd.age_band));
	summary_row(rows, &nrows, "Date of death",
	            actions_date_words(a, cd.died_on));
	summary_row(rows, &nrows, "Expected",
	            cd.expected ? "Expected" : "Unexpected");
	summary_row(rows, &nrows, "Place of death",
	            child_death_place_label(cd.place));
	if (cd.notified_on)
		summary_row(rows, &nrows, "Panel notified",
		            actions_date_words(a, cd.notified_on));
	if (cd.review_meeting_on)
		summary_row(rows, &nrows, "Child death review meeting",
		            actions_date_words(a, cd.review_meeting_on));
	summary_row(
	        rows, &nrows, "Panel's review",
	        cd.reviewed_on
	                ? arena_printf(a, "%s%s%s",
	                               actions_date_words(a, cd.reviewed_on),
	                               cd.panel_meeting_key ? " at " : "",
	                               cd.panel_meeting_key
	                                       ? cd.panel_meeting_key
	                                       : "")
	                : "Awaiting review");
	summary_row(rows, &nrows, "Category of death",
	            category_text(a, cd.category));
	summary_row(rows, &nrows, "Modifiable factors",
	            child_death_modifiable_label(cd.modifiable));
	for (size_t i = 0; i < cd.nfactors && nrows < 14; i++)
		summary_row(rows, &nrows,
		            child_death_domain_label(cd.factors[i].domain),
		            cd.factors[i].description[0]
		                    ? cd.factors[i].description
		                    : "Identified");
	if (cd.nthemes > 0) {
		const char *t = "";
		struct cdr_theme *themes;
		size_t nt;

		cdr_theme_list(&req->gov, cd.panel_body_id, a, &themes, &nt,
		               NULL);
		for (size_t i = 0; i < cd.nthemes; i++) {
			const char *name = cd.themes[i];

			for (size_t j = 0; j < nt; j++)
				if (strcmp(themes[j].key, cd.themes[i]) == 0)
					name = themes[j].name;
			t = arena_printf(a, "%s%s%s", t, i ? ", " : "", name);
		}
		summary_row(rows, &nrows, "Themes", t);
	}
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){.title = arena_printf(a, "%sCase %s",
	                                                pr ? "Error: " : "",
	                                                cd.reference),
	                          .section = PAGE_NONE,
	                          .breadcrumbs = &list_crumbs});
	if (pr)
		page_problem_summary(&h, pr);
	else if (done != NULL)
		govuk_notification_banner(
		        &h,
		        &(struct govuk_notification_banner){
		                .type = "success",
		                .content.text = strcmp(done, "recorded") == 0
		                                        ? "The death has been "
		                                          "recorded."
		                                : strcmp(done, "action") == 0
		                                        ? "The action has been "
		                                          "raised."
		                                        : "The review has been "
		                                          "saved."});
	page_heading(&h,
	             arena_printf(a, "%s, panel %s", cd.partnership_name,
	                          cd.panel_short_name),
	             arena_printf(a, "Case %s", cd.reference));
	govuk_summary_list(&h, &(struct govuk_summary_list){.rows = rows,
	                                                    .n_rows = nrows});
	if (cd.learning) {
		html_elem(&h, "h2", "Learning", "class", "govuk-heading-m",
		          NULL);
		markdown_write(&h, cd.learning, 3);
	}
	if (nactions > 0) {
		html_elem(&h, "h2", "Actions", "class", "govuk-heading-m",
		          NULL);
		html_open(&h, "ul", "class", "govuk-list", NULL);
		for (size_t i = 0; i < nactions; i++) {
			html_open(&h, "li", NULL);
			html_elem(&h, "a", actions[i], "href",
			          actions_href(a, actions[i]), "class",
			          "govuk-link", NULL);
			html_close(&h);
		}
		html_close(&h);
	}
	if (may_change) {
		write_review_form(&h, req, &cd, action_form ? NULL : pr);
		write_action_form(&h, req, &cd, action_form ? pr : NULL);
	}
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err case_page(struct http_request *req, struct masa_error *err)
{
	return case_render(req, 200, NULL, false, err);
}

/* The case the form is about, if the viewer may change it. */
static enum masa_err case_to_change(struct http_request *req,
                                    struct child_death *cd,
                                    struct masa_error *err)
{
	enum masa_err rc =
	        child_death_find(&req->gov, &req->viewer,
	                         http_param(req, "ref"), &req->arena, cd, err);

	if (rc != MASA_OK)
		return rc;
	if (!child_death_may_change(&req->gov, &req->viewer, cd->panel_body_id))
		return masa_error_set(err, MASA_ERR_DENIED,
		                      "only the panel's members and its "
		                      "business unit change its cases");
	return MASA_OK;
}

static enum masa_err review_post(struct http_request *req,
                                 struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct child_death cd;
	struct page_problem pr = {0};
	struct masa_error why = {0};
	const char *v;
	size_t at = 0, cap;
	enum masa_err rc;

	if ((rc = case_to_change(req, &cd, err)) != MASA_OK)
		return rc;
	cd.version = http_param_long(req, "version", 0);
	if (!form_date(req, "reviewed", "Date the panel reviewed the death",
	               false, &cd.reviewed_on, &pr))
		return case_render(req, 400, &pr, false, err);
	v = http_param(req, "category");
	cd.category = 0;
	if (v != NULL && v[0] != '\0') {
		char *end;
		long c = strtol(v, &end, 10);

		if (*end != '\0' || c < 1 || c > CHILD_DEATH_CATEGORIES) {
			pr.field = "#category";
			pr.message = "Choose a category of death (1-10)";
			return case_render(req, 400, &pr, false, err);
		}
		cd.category = (int)c;
	}
	cd.modifiable = (char *)http_param(req, "modifiable");
	cd.learning = (char *)http_param(req, "learning");
	cd.panel_meeting_id = 0;
	if ((v = http_param(req, "panel-meeting")) != NULL && v[0] != '\0') {
		struct gov_meeting m;
		struct gov_body panel;

		if (gov_body_get(&req->gov, cd.panel_body_id, a, &panel,
		                 NULL) != MASA_OK ||
		    gov_meeting_find(&req->gov, panel.partnership_id, v, a, &m,
		                     NULL) != MASA_OK ||
		    m.body_id != cd.panel_body_id) {
			pr.field = "#panel-meeting";
			pr.message = "Choose one of the panel's meetings";
			return case_render(req, 400, &pr, false, err);
		}
		cd.panel_meeting_id = m.id;
	}
	cd.nfactors = 0;
	cd.factors = arena_alloc(a, 4 * sizeof *cd.factors);
	for (size_t i = 0; child_death_domains[i] != NULL; i++) {
		v = http_param(req, arena_printf(a, "factor-%s",
		                                 child_death_domains[i]));
		if (text_is_blank(v))
			continue;
		cd.factors[cd.nfactors].domain = (char *)child_death_domains[i];
		cd.factors[cd.nfactors++].description = (char *)v;
	}
	cap = 0;
	cd.nthemes = 0;
	cd.themes = NULL;
	while ((v = http_param_next(req, "themes", &at)) != NULL) {
		cd.themes = arena_grow(a, cd.themes, cd.nthemes, &cap,
		                       sizeof *cd.themes, 8);
		cd.themes[cd.nthemes++] = (char *)v;
	}
	rc = child_death_update(&req->gov, &cd, &why);
	if (rc == MASA_ERR_INVALID || rc == MASA_ERR_CONFLICT) {
		pr.field = rc == MASA_ERR_CONFLICT ? "#reviewed-day"
		                                   : field_of(why.message);
		if (strcmp(pr.field, "#reference") == 0)
			pr.field = "#reviewed-day";
		pr.message = arena_strdup(a, sentence(a, why.message));
		return case_render(req, 400, &pr, false, err);
	}
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return http_respond_redirect(
	        req,
	        arena_printf(a, "/child-deaths/%s?done=reviewed", cd.reference),
	        err);
}

static enum masa_err action_post(struct http_request *req,
                                 struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct child_death cd;
	struct gov_action act = {0};
	struct gov_owner_ref owner = {.all_members = true};
	struct page_problem pr = {0};
	struct masa_error why = {0};
	char today[DATE_TEXT_SIZE];
	enum masa_err rc;

	if ((rc = case_to_change(req, &cd, err)) != MASA_OK)
		return rc;
	if (text_is_blank(http_param(req, "details"))) {
		pr.field = "#details";
		pr.message = "Enter what is to be done";
		return case_render(req, 400, &pr, true, err);
	}
	if (!form_date(req, "due", "Due by", false, &act.due_date, &pr))
		return case_render(req, 400, &pr, true, err);
	date_format(date_today(), today);
	act.details = (char *)http_param(req, "details");
	act.raised_on = today;
	rc = child_death_raise_action(&req->gov, cd.id, &act, &owner, 1, a,
	                              &why);
	if (rc == MASA_ERR_INVALID || rc == MASA_ERR_CONFLICT) {
		pr.field = "#details";
		pr.message = arena_strdup(a, sentence(a, why.message));
		return case_render(req, 400, &pr, true, err);
	}
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return http_respond_redirect(
	        req,
	        arena_printf(a, "/child-deaths/%s?done=action", cd.reference),
	        err);
}

/* ---- themes ---- */

static const struct route_param theme_params[] = {
        {.name = "panel", .where = ROUTE_IN_FORM, .check = ROUTE_SHORT_NAME},
        {.name = "key", .where = ROUTE_IN_FORM, .check = ROUTE_TEXT, .max = 60},
        {.name = "name",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = 200},
        {.name = "done",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = (const char *const[]){"added", NULL}},
        {.name = NULL},
};

static enum masa_err themes_render(struct http_request *req, unsigned status,
                                   const struct page_problem *pr,
                                   struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct child_death_panel panel;
	struct cdr_theme *themes;
	size_t n;
	struct html h;
	enum masa_err rc;

	if (!pick_panel(req, http_param(req, "panel"), &panel))
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "you record no panel's cases");
	if ((rc = cdr_theme_list(&req->gov, panel.id, a, &themes, &n, err)) !=
	    MASA_OK)
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){.title = pr ? "Error: Themes" : "Themes",
	                          .section = PAGE_NONE,
	                          .breadcrumbs = &list_crumbs});
	if (pr)
		page_problem_summary(&h, pr);
	else if (http_param(req, "done"))
		govuk_notification_banner(
		        &h,
		        &(struct govuk_notification_banner){
		                .type = "success",
		                .content.text = "The theme has been added."});
	page_heading(&h, panel.name, "Themes");
	html_elem(&h, "p",
	          "The themes the panel looks for across deaths. Every panel "
	          "has the first ones; the panel adds its own.",
	          "class", "govuk-body", NULL);
	html_open(&h, "ul", "class", "govuk-list govuk-list--bullet", NULL);
	for (size_t i = 0; i < n; i++) {
		html_open(&h, "li", NULL);
		html_textf(&h, "%s (%s)%s", themes[i].name, themes[i].key,
		           themes[i].body_id ? ", the panel's own" : "");
		html_close(&h);
	}
	html_close(&h);
	html_elem(&h, "h2", "Add a theme", "class", "govuk-heading-m", NULL);
	page_form_begin(&h, req, "/child-deaths/themes");
	html_void(&h, "input", "type", "hidden", "name", "panel", "value",
	          panel.short_name, NULL);
	govuk_input(&h, &(struct govuk_input){
	                        .name = "name",
	                        .value = pr ? http_param(req, "name") : NULL,
	                        .field.label.content.text = "Name",
	                        .field.error_message =
	                                page_problem_for(a, pr, "name")});
	govuk_input(
	        &h,
	        &(struct govuk_input){
	                .name = "key",
	                .value = pr ? http_param(req, "key") : NULL,
	                .classes = "govuk-input--width-20",
	                .spellcheck = GOVUK_FALSE,
	                .field.label.content.text = "Key",
	                .field.hint =
	                        &(struct govuk_hint){
	                                .content.text = "Lower-case letters, "
	                                                "digits and -, such "
	                                                "as water-safety"},
	                .field.error_message = page_problem_for(a, pr, "key")});
	govuk_button(&h, &(struct govuk_button){.content.text = "Add theme"});
	html_close_to(&h, "form");
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err themes_page(struct http_request *req,
                                 struct masa_error *err)
{
	return themes_render(req, 200, NULL, err);
}

static enum masa_err theme_post(struct http_request *req,
                                struct masa_error *err)
{
	struct child_death_panel panel;
	struct page_problem pr = {0};
	struct masa_error why = {0};
	enum masa_err rc;

	if (!pick_panel(req, http_param(req, "panel"), &panel))
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "you record no panel's cases");
	rc = cdr_theme_add(&req->gov, panel.id, http_param(req, "key"),
	                   http_param(req, "name"), &why);
	if (rc == MASA_ERR_INVALID || rc == MASA_ERR_CONFLICT) {
		pr.field = strncmp(why.message, "theme name", 10) == 0 ? "#name"
		                                                       : "#key";
		pr.message = arena_strdup(&req->arena,
		                          sentence(&req->arena, why.message));
		return themes_render(req, 400, &pr, err);
	}
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return http_respond_redirect(req, "/child-deaths/themes?done=added",
	                             err);
}

/* ---- import ---- */

static const struct route_param import_params[] = {
        {.name = "panel", .where = ROUTE_IN_FORM, .check = ROUTE_SHORT_NAME},
        {.name = "done",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_INTEGER,
         .min = 0,
         .max = 1000000},
        {.name = NULL},
};

static enum masa_err import_render(struct http_request *req, unsigned status,
                                   const struct page_problem *pr,
                                   struct masa_error *err)
{
	struct child_death_panel panel;
	struct html h;
	enum masa_err rc;

	if (!pick_panel(req, http_param(req, "panel"), &panel))
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "you record no panel's cases");
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){.title = pr ? "Error: Import cases"
	                                      : "Import cases",
	                          .section = PAGE_NONE,
	                          .breadcrumbs = &list_crumbs});
	if (pr)
		page_problem_summary(&h, pr);
	else if (http_param(req, "done"))
		govuk_notification_banner(
		        &h, &(struct govuk_notification_banner){
		                    .type = "success",
		                    .content.text = arena_printf(
		                            &req->arena, "%s cases imported.",
		                            http_param(req, "done"))});
	page_heading(&h, panel.name, "Import cases");
	html_elem(&h, "p",
	          "A CSV file of the national dataset's columns (see the "
	          "documentation), saved as CSV UTF-8. Every row is imported, "
	          "or none: a problem names its row and column.",
	          "class", "govuk-body", NULL);
	html_open(&h, "form", "method", "post", "action",
	          "/child-deaths/import", "enctype", "multipart/form-data",
	          "novalidate", "", NULL);
	html_void(&h, "input", "type", "hidden", "name", "csrf", "value",
	          req->csrf_token ? req->csrf_token : "", NULL);
	html_void(&h, "input", "type", "hidden", "name", "panel", "value",
	          panel.short_name, NULL);
	html_open(&h, "div", "class",
	          pr ? "govuk-form-group govuk-form-group--error"
	             : "govuk-form-group",
	          NULL);
	html_elem(&h, "label", "The CSV file", "class", "govuk-label", "for",
	          "file", NULL);
	if (pr) {
		html_open(&h, "p", "class", "govuk-error-message", "id",
		          "file-error", NULL);
		html_elem(&h, "span", "Error:", "class",
		          "govuk-visually-hidden", NULL);
		html_text(&h, pr->message);
		html_close(&h);
	}
	html_void(&h, "input", "class", "govuk-file-upload", "id", "file",
	          "name", "file", "type", "file", "accept", ".csv,text/csv",
	          pr ? "aria-describedby" : NULL, "file-error", NULL);
	html_close(&h);
	govuk_button(&h, &(struct govuk_button){.content.text = "Import"});
	html_close_to(&h, "form");
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err import_page(struct http_request *req,
                                 struct masa_error *err)
{
	return import_render(req, 200, NULL, err);
}

static enum masa_err import_post(struct http_request *req,
                                 struct masa_error *err)
{
	struct child_death_panel panel;
	const struct multipart_part *file = NULL;
	struct page_problem pr = {.field = "#file"};
	struct masa_error why = {0};
	long count = 0;
	enum masa_err rc;

	if (!pick_panel(req, http_param(req, "panel"), &panel))
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "you record no panel's cases");
	for (size_t i = 0; i < req->nuploads; i++)
		if (strcmp(req->uploads[i].name, "file") == 0)
			file = &req->uploads[i];
	if (file == NULL || file->size == 0) {
		pr.message = "Choose the CSV file to import";
		return import_render(req, 400, &pr, err);
	}
	rc = child_death_import_csv(&req->gov, panel.id, file->data, file->size,
	                            &count, &why);
	if (rc == MASA_ERR_INVALID || rc == MASA_ERR_CONFLICT ||
	    rc == MASA_ERR_LIMIT) {
		pr.message =
		        arena_printf(&req->arena, "%s (nothing was imported)",
		                     sentence(&req->arena, why.message));
		return import_render(req, 400, &pr, err);
	}
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return http_respond_redirect(
	        req,
	        arena_printf(&req->arena, "/child-deaths/import?done=%ld",
	                     count),
	        err);
}

/* The panel's pages: literal addresses before /child-deaths/{ref}. */
const struct route child_deaths_routes[] = {
        {"GET", "/child-deaths", list_params, GOV_ROLE_PUBLIC, list_page},
        {"GET", "/child-deaths.csv", csv_params, GOV_ROLE_MEMBER, csv_download},
        {"GET", "/child-deaths/new", new_params, GOV_ROLE_MEMBER, new_page},
        {"POST", "/child-deaths", new_params, GOV_ROLE_MEMBER, new_post},
        {"GET", "/child-deaths/themes", theme_params, GOV_ROLE_MEMBER,
         themes_page},
        {"POST", "/child-deaths/themes", theme_params, GOV_ROLE_MEMBER,
         theme_post},
        {"GET", "/child-deaths/import", import_params, GOV_ROLE_MEMBER,
         import_page},
        {"POST", "/child-deaths/import", import_params, GOV_ROLE_MEMBER,
         import_post},
        {"GET", "/child-deaths/{ref}", case_params, GOV_ROLE_MEMBER, case_page},
        {"POST", "/child-deaths/{ref}/review", review_params, GOV_ROLE_MEMBER,
         review_post},
        {"POST", "/child-deaths/{ref}/actions", action_params, GOV_ROLE_MEMBER,
         action_post},
        {0},
};
