/*
 * dashboards: the dashboards' pages, CSV and API answers (dashboards.h).
 * Every figure is written as the domain left it (dashboard_cell_text): a
 * suppressed cell has no number here to show.
 */
#include "web/dashboards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assure/dashboard.h"
#include "core/buf.h"
#include "core/csv.h"
#include "http/server.h"
#include "web/chart.h"
#include "web/layout.h"

static const char *const scope_choices[] = {"partnership", "region", NULL};
static const char *const format_choices[] = {"html", "csv", NULL};

/* clang-format off */
#define DASHBOARD_QUERY_PARAMS                                               \
	{.name = "scope", .where = ROUTE_IN_QUERY, .check = ROUTE_ENUM,       \
	 .choices = scope_choices},                                           \
	{.name = "panel", .where = ROUTE_IN_QUERY, .check = ROUTE_SHORT_NAME}

static const struct route_param page_params[] = {
        {.name = "from", .where = ROUTE_IN_QUERY, .check = ROUTE_DATE,
         .soft = true, .label = "The start of the period"},
        {.name = "to", .where = ROUTE_IN_QUERY, .check = ROUTE_DATE,
         .soft = true, .label = "The end of the period"},
        PAGE_DATE_PARAMS("from", ROUTE_IN_QUERY),
        PAGE_DATE_PARAMS("to", ROUTE_IN_QUERY),
        DASHBOARD_QUERY_PARAMS,
        {.name = "format", .where = ROUTE_IN_QUERY, .check = ROUTE_ENUM,
         .choices = format_choices},
        {.name = NULL},
};

static const struct route_param api_params[] = {
        {.name = "from", .where = ROUTE_IN_QUERY, .check = ROUTE_DATE},
        {.name = "to", .where = ROUTE_IN_QUERY, .check = ROUTE_DATE},
        DASHBOARD_QUERY_PARAMS,
        {.name = NULL},
};
/* clang-format on */

/* What a route serves: its route data. */
struct kind {
	const char *name;  /* "child-deaths" */
	const char *title; /* "Child death figures" */
	const char *path;  /* the page */
	enum masa_err (*figures)(struct gov *g, const struct gov_viewer *v,
	                         const struct dashboard_query *q,
	                         struct arena *a, struct dashboard *out,
	                         struct masa_error *err);
};

static const struct kind child_deaths = {"child-deaths", "Child death figures",
                                         "/child-deaths/dashboard",
                                         dashboard_child_deaths};
static const struct kind reviews = {"reviews", "Practice review figures",
                                    "/reviews/dashboard", dashboard_reviews};

/* The query of req; the dates of the page's fields when page. */
static void query_of(struct http_request *req, bool page,
                     struct dashboard_query *q, const char **from_error,
                     const char **to_error)
{
	const char *scope = http_param(req, "scope");

	*q = (struct dashboard_query){.partnership_id = req->partnership->id,
	                              .region = scope != NULL &&
	                                        strcmp(scope, "region") == 0,
	                              .panel = http_param(req, "panel")};
	if (page) {
		q->from = page_soft_date(req, "from", "The start of the period",
		                         from_error);
		q->to = page_soft_date(req, "to", "The end of the period",
		                       to_error);
	} else {
		q->from = http_param(req, "from");
		q->to = http_param(req, "to");
	}
}

/* The address of the same figures in another form (".csv", API). */
static const char *same_query(struct http_request *req,
                              const struct dashboard *d, const char *path)
{
	return arena_printf(&req->arena, "%s?from=%s&to=%s%s%s%s", path,
	                    d->from, d->to, d->region ? "&scope=region" : "",
	                    d->panel ? "&panel=" : "",
	                    d->panel ? d->panel : "");
}

/* "1 April 2024". */
static const char *words(struct arena *a, const char *iso)
{
	date_days day;
	char out[DATE_WORDS_SIZE];

	if (date_parse(iso, &day, NULL) != MASA_OK)
		return iso;
	date_format_words(day, false, out);
	return arena_strdup(a, out);
}

static void write_filter(struct html *h, struct http_request *req,
                         const struct kind *k, const struct dashboard *d,
                         const struct dashboard_panel *panels, size_t npanels,
                         const char *from_error, const char *to_error)
{
	struct arena *a = &req->arena;

	page_get_form_begin(h, k->path);
	page_date_input(
	        h, req,
	        &(struct page_date_input){.prefix = "from",
	                                  .legend = "Start of the period",
	                                  .hint = "For example, 1 4 2024",
	                                  .iso = d->from,
	                                  .error = from_error});
	page_date_input(
	        h, req,
	        &(struct page_date_input){.prefix = "to",
	                                  .legend = "End of the period",
	                                  .hint = "For example, 31 3 2025",
	                                  .iso = d->to,
	                                  .error = to_error});
	if (npanels > 0) {
		struct govuk_choice_item *items =
		        arena_alloc(a, (npanels + 1) * sizeof *items);

		memset(items, 0, (npanels + 1) * sizeof *items);
		items[0].value = "partnership";
		items[0].content.text =
		        arena_printf(a, "%s alone", req->partnership->name);
		/* One region for each panel: the radio's value is the
		 * scope, the panel goes with it as a second field. */
		items[1].value = "region";
		items[1].content.text =
		        npanels > 1
		                ? "The region: every partnership the panel "
		                  "chosen below serves"
		                : arena_printf(a,
		                               "The region: every partnership "
		                               "the %s serves",
		                               panels[0].name);
		govuk_radios(
		        h,
		        &(struct govuk_radios){
		                .name = "scope",
		                .items = items,
		                .n_items = 2,
		                .value = d->region ? "region" : "partnership",
		                .frame.fieldset =
		                        &(struct govuk_fieldset){
		                                .legend.content.text = "Area",
		                                .legend.classes =
		                                        "govuk-fieldset__"
		                                        "legend--s"},
		        });
		if (npanels > 1) {
			struct govuk_select_item *opts =
			        arena_alloc(a, npanels * sizeof *opts);

			memset(opts, 0, npanels * sizeof *opts);
			for (size_t i = 0; i < npanels; i++) {
				opts[i].value = panels[i].short_name;
				opts[i].text = panels[i].name;
			}
			govuk_select(
			        h,
			        &(struct govuk_select){
			                .name = "panel",
			                .items = opts,
			                .n_items = npanels,
			                .value = d->panel
			                                 ? d->panel
			                                 : panels[0].short_name,
			                .field.label.content.text =
			                        "Panel of the region",
			        });
		}
	}
	govuk_button(h, &(struct govuk_button){
	                        .content.text = "Show the figures",
	                        .classes = "govuk-button--secondary",
	                });
	html_close(h);
}

/* The set's chart, then its table. */
static void write_set(struct html *h, struct arena *a,
                      const struct dashboard_set *s)
{
	struct chart_datum *data = arena_alloc(a, (s->n + 1) * sizeof *data);
	size_t rows = s->n + (s->partition ? 1 : 0) + (s->has_median ? 1 : 0);
	struct govuk_table_cell *cells =
	        arena_alloc(a, (rows ? rows : 1) * 2 * sizeof *cells);
	struct govuk_table_cell head[2] = {
	        {.content.text = s->heading},
	        {.content.text = "Number", .format = "numeric"}};
	size_t r = 0;

	for (size_t i = 0; i < s->n; i++) {
		char text[32];
		const char *t =
		        arena_strdup(a, dashboard_cell_text(&s->cells[i], text,
		                                            sizeof text));

		data[i] = (struct chart_datum){.label = s->cells[i].label,
		                               .value = s->cells[i].count,
		                               .hidden = s->cells[i].shown !=
		                                         DASHBOARD_SHOWN,
		                               .text = t};
		cells[2 * r] = (struct govuk_table_cell){
		        .content.text = s->cells[i].label};
		cells[2 * r + 1] = (struct govuk_table_cell){
		        .content.text = t, .format = "numeric"};
		r++;
	}
	if (s->partition) {
		char text[32];
		cells[2 * r] = (struct govuk_table_cell){
		        .content.text = "Total",
		        .classes = "govuk-!-font-weight-bold"};
		cells[2 * r + 1] = (struct govuk_table_cell){
		        .content.text = arena_strdup(
		                a, dashboard_cell_text(&s->total, text,
		                                       sizeof text)),
		        .format = "numeric",
		        .classes = "govuk-!-font-weight-bold"};
		r++;
	}
	if (s->has_median) {
		char text[32];
		/* masa-median: working days, not a count (the tests tell
		 * them apart by it). */
		cells[2 * r] = (struct govuk_table_cell){
		        .content.text = s->median_label,
		        .classes = "masa-median"};
		cells[2 * r + 1] = (struct govuk_table_cell){
		        .content.text = arena_strdup(
		                a, dashboard_median_text(s, text, sizeof text)),
		        .format = "numeric",
		        .classes = "masa-median"};
		r++;
	}
	html_open(h, "section", "class", "masa-dashboard-set",
	          "aria-labelledby", arena_printf(a, "set-%s", s->key), NULL);
	html_elem(h, "h2", s->title, "class", "govuk-heading-m", "id",
	          arena_printf(a, "set-%s", s->key), NULL);
	html_open(h, "div", "class", "govuk-grid-row", NULL);
	html_open(h, "div", "class", "govuk-grid-column-one-half", NULL);
	{
		struct chart c = {
		        .id = s->key,
		        .title = s->title,
		        .desc = arena_printf(
		                a,
		                "A %s chart of the %s in the table beside "
		                "it%s.",
		                s->chart == DASHBOARD_COLUMNS ? "column"
		                                              : "bar",
		                s->unit,
		                "; a hatched bar is a number not shown"),
		        .data = data,
		        .n = s->n};
		if (s->chart == DASHBOARD_COLUMNS)
			chart_columns(h, &c);
		else
			chart_bars(h, &c);
	}
	html_close(h);
	html_open(h, "div", "class", "govuk-grid-column-one-half", NULL);
	govuk_table(h, &(struct govuk_table){
	                       .caption = arena_printf(a, "%s: the figures",
	                                               s->title),
	                       .caption_classes = "govuk-visually-hidden",
	                       .head = head,
	                       .n_head = 2,
	                       .cells = cells,
	                       .n_rows = r,
	                       .n_columns = 2,
	                       .first_cell_is_header = true,
	               });
	html_close(h);
	html_close(h);
	html_close(h); /* section */
}

static void write_notice(struct html *h, const struct dashboard *d)
{
	html_open(h, "div", "class", "govuk-inset-text", NULL);
	if (d->exact)
		html_text(h, "You see the exact figures, as a member of the "
		             "body that holds these cases, the chair or the "
		             "business unit. Others see any number from 1 to 5 "
		             "as \"fewer than 6\": do not share these figures "
		             "beyond those who may see them.");
	else
		html_text(h, "Any number from 1 to 5 is shown as \"fewer than "
		             "6\", so that no child can be recognised. Where "
		             "a total would give such a number back, the next "
		             "smallest numbers are not shown either (\"not "
		             "shown\").");
	html_close(h);
}

static const struct kind *kind_of(const struct http_request *req)
{
	return req->route->data ? req->route->data : &child_deaths;
}

/* The figures of req, or the default period's with the message of a
 * query refused (dates out of order, no region) in *refused. */
static enum masa_err figures(struct http_request *req, bool page,
                             struct dashboard *d, const char **from_error,
                             const char **to_error, const char **refused,
                             struct masa_error *err)
{
	const struct kind *k = kind_of(req);
	struct dashboard_query q;
	enum masa_err rc;

	*from_error = *to_error = *refused = NULL;
	query_of(req, page, &q, from_error, to_error);
	rc = k->figures(&req->gov, &req->viewer, &q, &req->arena, d, err);
	if (rc != MASA_ERR_INVALID || !page)
		return rc;
	*refused = arena_strdup(&req->arena, err->message);
	q.from = q.to = NULL;
	q.region = false;
	return k->figures(&req->gov, &req->viewer, &q, &req->arena, d, err);
}

/* ---- CSV ---- */

/* Rows into a buffer; the first failure is kept and stops the rest. */
struct csv_out {
	struct buf b;
	enum masa_err rc;
	struct masa_error *err;
};

static void csv_into(void *arg, const char *const *cells, size_t n)
{
	struct csv_out *o = arg;

	if (o->rc == MASA_OK)
		o->rc = csv_write_row(&o->b, cells, n, o->err);
}

static enum masa_err respond_csv(struct http_request *req,
                                 const struct dashboard *d,
                                 struct masa_error *err)
{
	struct csv_out o = {.rc = MASA_OK, .err = err};
	enum masa_err rc;

	buf_init(&o.b, HTTP_PAGE_MAX);
	dashboard_rows(d, csv_into, &o);
	rc = o.rc;
	if (rc == MASA_OK) {
		http_add_header(
		        req, "Content-Disposition",
		        arena_printf(&req->arena,
		                     "attachment; filename=\"%s-%s-%s.csv\"",
		                     d->kind, d->from, d->to));
		rc = http_respond_text(req, 200, "text/csv; charset=utf-8",
		                       buf_str(&o.b), strlen(buf_str(&o.b)),
		                       err);
	}
	buf_free(&o.b);
	return rc;
}

enum masa_err dashboards_csv(struct http_request *req, struct masa_error *err)
{
	struct dashboard d;
	const char *fe, *te, *refused;
	enum masa_err rc = figures(req, req->route->params == page_params, &d,
	                           &fe, &te, &refused, err);

	if (rc != MASA_OK)
		return rc;
	return respond_csv(req, &d, err);
}

enum masa_err dashboards_api(struct http_request *req, struct masa_error *err)
{
	struct dashboard d;
	const char *fe, *te, *refused;
	enum masa_err rc = figures(req, false, &d, &fe, &te, &refused, err);

	if (rc != MASA_OK)
		return rc;
	return http_respond_json(req, 200, dashboard_json(&d), err);
}

enum masa_err dashboards_page(struct http_request *req, struct masa_error *err)
{
	const struct kind *k = kind_of(req);
	const char *format = http_param(req, "format");
	struct arena *a = &req->arena;
	struct dashboard d;
	struct dashboard_panel *panels;
	size_t npanels;
	const char *from_error, *to_error, *refused;
	struct html h;
	unsigned status = 200;
	enum masa_err rc;

	if (format != NULL && strcmp(format, "csv") == 0)
		return dashboards_csv(req, err);
	rc = figures(req, true, &d, &from_error, &to_error, &refused, err);
	if (rc == MASA_OK)
		rc = dashboard_panels(&req->gov, req->partnership->id, a,
		                      &panels, &npanels, err);
	if (rc != MASA_OK)
		return rc;
	if (refused != NULL) {
		status = 400;
		if (req->nrefused < HTTP_REFUSED_MAX)
			req->refused[req->nrefused++] = (struct http_refused){
			        .name = "from-day", .message = refused};
		from_error = refused;
	}
	if (req->nrefused > 0)
		status = 400;

	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){.title = k->title, .full_width = true});
	page_heading(&h, req->partnership->name, k->title);
	html_open(&h, "p", "class", "govuk-body-l", NULL);
	html_textf(&h, "%s from %s to %s, in %s.",
	           k == &child_deaths
	                   ? "Child deaths"
	                   : "Serious incidents and practice reviews",
	           words(a, d.from), words(a, d.to), d.scope);
	html_close(&h);
	write_notice(&h, &d);
	html_open(&h, "div", "class", "govuk-grid-row", NULL);
	html_open(&h, "div", "class", "govuk-grid-column-one-third", NULL);
	html_elem(&h, "h2", "Choose the period and area", "class",
	          "govuk-heading-m", NULL);
	write_filter(&h, req, k, &d, panels, npanels, from_error, to_error);
	html_close(&h);
	html_open(&h, "div", "class", "govuk-grid-column-two-thirds", NULL);
	html_open(&h, "p", "class", "govuk-body", NULL);
	html_elem(&h, "a", "Download these figures (CSV)", "href",
	          same_query(req, &d, arena_printf(a, "%s.csv", k->path)),
	          "class", "govuk-link", NULL);
	html_close(&h);
	if (k != &child_deaths) {
		html_open(&h, "p", "class", "govuk-body", NULL);
		html_text(&h, "Notifications are due within 5 working days of "
		              "the local authority becoming aware, rapid "
		              "reviews within 15 (working days in England, "
		              "without bank holidays), and a practice review's "
		              "publication within six months of the decision. "
		              "Open recommendations are counted as at ");
		html_text(&h, words(a, d.today));
		html_text(&h, ".");
		html_close(&h);
	}
	for (size_t i = 0; i < d.nsets; i++)
		write_set(&h, a, &d.sets[i]);
	html_close(&h);
	html_close(&h);
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

const struct route dashboards_routes[] = {
        {"GET", "/child-deaths/dashboard", page_params, GOV_ROLE_PUBLIC,
         dashboards_page, .data = &child_deaths},
        {"GET", "/child-deaths/dashboard.csv", api_params, GOV_ROLE_PUBLIC,
         dashboards_csv, .data = &child_deaths},
        {"GET", "/reviews/dashboard", page_params, GOV_ROLE_PUBLIC,
         dashboards_page, .data = &reviews},
        {"GET", "/reviews/dashboard.csv", api_params, GOV_ROLE_PUBLIC,
         dashboards_csv, .data = &reviews},
        {"GET", "/api/v1/dashboards/child-deaths", api_params, GOV_ROLE_PUBLIC,
         dashboards_api, .data = &child_deaths},
        {"GET", "/api/v1/dashboards/reviews", api_params, GOV_ROLE_PUBLIC,
         dashboards_api, .data = &reviews},
        {0},
};
