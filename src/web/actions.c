/*
 * actions: the action pages (see actions.h).
 *
 * Who sees what: every page here needs an account (the route table says
 * member or above); which actions a viewer sees, in a log, a list or on
 * its own page, gov decides (GOV_SQL_SEES_ACTION), and an action they may
 * not see does not exist for them (404). Updates are taken
 * from those gov_may_update_action allows (an owner, a partner lead for
 * their organisation's actions, the business unit); anyone else gets 403
 * and nothing is stored. Only the business unit reassigns an action or
 * changes its due date.
 *
 * Both forms on an action's page carry the action's version as they were
 * rendered from (a hidden field "version"): when someone else has changed
 * the action since (on this server or another), gov refuses the change and
 * the page comes back with 409, an error summary that says so and links to
 * the action, its history as it is now, and what was typed still in the
 * form (see docs/web.md, "When two people edit the same record").
 */
#include "web/actions.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "gov/access.h"
#include "gov/action_query.h"
#include "gov/body.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "http/server.h"
#include "web/layout.h"

/* The "as at" filter, named in its messages. */
#define AS_AT_LABEL "The date to show the log as at"

enum {
	LOG_PAGE_SIZE = 50,    /* rows of a log per page */
	UPDATE_TEXT_MAX = 5000 /* characters in one update */
};

const char *actions_date_words(struct arena *a, const char *iso)
{
	return date_iso_words(a, iso, false);
}

static const char *status_words(const char *status)
{
	static const char *const words[][2] = {
	        {"open", "Open"},
	        {"in_progress", "In progress"},
	        {"discharged", "Discharged"},
	        {"closed", "Closed"},
	        {"superseded", "Superseded"},
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (status && strcmp(status, words[i][0]) == 0)
			return words[i][1];
	return status ? status : "";
}

void actions_status_tag(struct html *h, const char *status, long days_overdue)
{
	const char *classes = "govuk-tag govuk-tag--blue";

	if (status && strcmp(status, "in_progress") == 0)
		classes = "govuk-tag govuk-tag--light-blue";
	else if (status && strcmp(status, "discharged") == 0)
		classes = "govuk-tag govuk-tag--green";
	else if (gov_action_status_done(status))
		classes = "govuk-tag govuk-tag--grey";
	html_elem(h, "strong", status_words(status), "class", classes, NULL);
	if (days_overdue > 0) {
		html_text(h, " ");
		html_elem(h, "strong", "Overdue", "class",
		          "govuk-tag govuk-tag--red", NULL);
	}
}

const char *actions_href(struct arena *a, const char *key)
{
	return arena_printf(a, "/actions/%s", key);
}

bool actions_may_open(const struct http_request *req)
{
	/* The page of one action: its route says who may ask for it. */
	for (const struct route *r = actions_routes; r->method; r++)
		if (strcmp(r->method, "GET") == 0 &&
		    strncmp(r->path, "/actions/", 9) == 0)
			return req->account != NULL &&
			       req->viewer.role >= r->role;
	return false;
}

const char *actions_owner_names(struct arena *a,
                                const struct gov_action_entry *e)
{
	const char *out = "";

	for (size_t i = 0; i < e->nowners; i++)
		out = arena_printf(a, "%s%s%s", out, i ? ", " : "",
		                   e->owners[i].name);
	return out;
}

const char *actions_query_escape(struct arena *a, const char *value)
{
	size_t n = strlen(value);
	char *out = arena_alloc(a, 3 * n + 1), *o = out;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)value[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-_.~", c)) {
			*o++ = (char)c;
		} else {
			snprintf(o, 4, "%%%02X", c);
			o += 3;
		}
	}
	*o = '\0';
	return out;
}

static void today_text(char out[DATE_TEXT_SIZE])
{
	date_format(date_today(), out);
}

/* An HTML page begun, written by the caller, answered by finish_page. */
static enum masa_err finish_page(struct http_request *req, unsigned status,
                                 struct html *h, struct masa_error *err)
{
	enum masa_err rc;

	page_end(h, req);
	rc = http_respond_html(req, status, h, err);
	html_free(h);
	return rc;
}

/* ---- /actions: every body with its counts ---- */

const struct route_param actions_index_params[] = {
        {.name = "owner",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_TEXT,
         .max = 100},
        {.name = "organisation",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_TEXT,
         .max = 100},
        {.name = "overdue",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = (const char *const[]){"yes", NULL}},
        {.name = NULL},
};

/*
 * The open actions of the whole partnership for one owner or organisation,
 * under the heading label.
 */
static enum masa_err open_list_table(struct http_request *req, struct html *h,
                                     const char *label,
                                     const struct gov_action_entry *e, size_t n,
                                     struct masa_error *err)
{
	struct arena *a = &req->arena;

	(void)err;
	if (n == 0) {
		html_elem(h, "p", "There are no actions to show.", "class",
		          "govuk-body", NULL);
		return MASA_OK;
	}
	page_table_wrap_begin(h, label);
	html_open(h, "table", "class", "govuk-table", NULL);
	html_open(h, "thead", "class", "govuk-table__head", NULL);
	html_open(h, "tr", "class", "govuk-table__row", NULL);
	static const char *const heads[] = {"Reference", "Details", "Owners",
	                                    "Due", "Status"};
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
		html_elem(h, "th", heads[i], "scope", "col", "class",
		          "govuk-table__header", NULL);
	html_close_to(h, "thead");
	html_open(h, "tbody", "class", "govuk-table__body", NULL);
	for (size_t i = 0; i < n; i++) {
		html_open(h, "tr", "class", "govuk-table__row", NULL);
		html_open(h, "td", "class", "govuk-table__cell", "data-label",
		          "Reference", NULL);
		html_elem(h, "a", e[i].action.key, "href",
		          actions_href(a, e[i].action.key), "class",
		          "govuk-link", NULL);
		html_close(h);
		html_elem(h, "td", e[i].action.details, "class",
		          "govuk-table__cell", "data-label", "Details", NULL);
		html_elem(h, "td", actions_owner_names(a, &e[i]), "class",
		          "govuk-table__cell", "data-label", "Owners", NULL);
		html_elem(h, "td", actions_date_words(a, e[i].due), "class",
		          "govuk-table__cell", "data-label", "Due", NULL);
		html_open(h, "td", "class", "govuk-table__cell", "data-label",
		          "Status", NULL);
		actions_status_tag(h, e[i].status_as_at, e[i].days_overdue);
		html_close_to(h, "tr");
	}
	html_close_to(h, "div");
	return MASA_OK;
}

enum masa_err actions_index(struct http_request *req, struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct gov_body_action_count *c;
	const char *owner = http_param(req, "owner");
	const char *org = http_param(req, "organisation");
	bool overdue = http_param(req, "overdue") != NULL;
	char today[DATE_TEXT_SIZE];
	struct html h;
	size_t n;
	enum masa_err rc;

	today_text(today);
	rc = gov_action_counts_by_body(&req->gov, &req->viewer, today, a, &c,
	                               &n, err);
	if (rc != MASA_OK)
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){.title = "Actions", .section = PAGE_ACTIONS});
	page_heading(&h, NULL, "Actions");
	if (owner != NULL || org != NULL || overdue) {
		struct gov_action_filter f = {
		        .on = today,
		        .overdue_only = overdue,
		        .include_all_members = true,
		};
		struct gov_action_entry *e;
		const char *who = "all organisations", *heading;
		size_t ne;
		if (owner != NULL) {
			struct gov_person p;
			rc = gov_person_find(&req->gov, req->partnership->id,
			                     owner, a, &p, err);
			if (rc != MASA_OK)
				goto fail;
			f.person_id = p.id;
			who = p.name;
		}
		if (org != NULL) {
			struct gov_organisation o;
			rc = gov_organisation_find(&req->gov,
			                           req->partnership->id, org, a,
			                           &o, err);
			if (rc != MASA_OK)
				goto fail;
			f.organisation_id = o.id;
			who = o.name;
		}
		rc = gov_action_open_list(&req->gov, &req->viewer, &f, a, &e,
		                          &ne, err);
		if (rc != MASA_OK)
			goto fail;
		heading = arena_printf(a, "%s actions of %s: %zu",
		                       overdue ? "Overdue" : "Open", who, ne);
		html_elem(&h, "h2", heading, "class", "govuk-heading-m", NULL);
		open_list_table(req, &h, heading, e, ne, err);
		html_open(&h, "p", "class", "govuk-body", NULL);
		html_elem(&h, "a", "Show every body's actions", "href",
		          "/actions", "class", "govuk-link", NULL);
		html_close(&h);
	}
	html_elem(&h, "h2", "Action logs", "class", "govuk-heading-m", NULL);
	html_elem(&h, "p",
	          "Each body keeps a log of the actions raised at its "
	          "meetings. Overdue actions are open past their due date.",
	          "class", "govuk-body", NULL);
	page_table_wrap_begin(&h, "Open and overdue actions by body");
	html_open(&h, "table", "class", "govuk-table", NULL);
	html_elem(&h, "caption", "Open and overdue actions by body", "class",
	          "govuk-table__caption govuk-table__caption--s", NULL);
	html_open(&h, "thead", "class", "govuk-table__head", NULL);
	html_open(&h, "tr", "class", "govuk-table__row", NULL);
	html_elem(&h, "th", "Body", "scope", "col", "class",
	          "govuk-table__header", NULL);
	html_elem(&h, "th", "Open", "scope", "col", "class",
	          "govuk-table__header govuk-table__header--numeric", NULL);
	html_elem(&h, "th", "Overdue", "scope", "col", "class",
	          "govuk-table__header govuk-table__header--numeric", NULL);
	html_close_to(&h, "thead");
	html_open(&h, "tbody", "class", "govuk-table__body", NULL);
	for (size_t i = 0; i < n; i++) {
		const char *log =
		        arena_printf(a, "/bodies/%s/actions", c[i].short_name);
		if (c[i].all == 0)
			continue;
		html_open(&h, "tr", "class", "govuk-table__row", NULL);
		html_open(&h, "td", "class", "govuk-table__cell", "data-label",
		          "Body", NULL);
		html_open(&h, "a", "href", log, "class", "govuk-link", NULL);
		html_textf(&h, "%s (%s)", c[i].name, c[i].short_name);
		html_close_to(&h, "td");
		html_open(&h, "td", "class",
		          "govuk-table__cell govuk-table__cell--numeric",
		          "data-label", "Open", NULL);
		html_open(&h, "a", "href",
		          arena_printf(a, "%s?status=open", log), "class",
		          "govuk-link", NULL);
		html_textf(&h, "%d", c[i].open);
		html_close_to(&h, "td");
		html_open(&h, "td", "class",
		          "govuk-table__cell govuk-table__cell--numeric",
		          "data-label", "Overdue", NULL);
		html_open(&h, "a", "href",
		          arena_printf(a, "%s?status=open&overdue=yes", log),
		          "class", "govuk-link", NULL);
		html_textf(&h, "%d", c[i].overdue);
		html_close_to(&h, "tr");
	}
	html_close_to(&h, "div");
	return finish_page(req, 200, &h, err);
fail:
	html_free(&h);
	return rc;
}

/* ---- /bodies/{body}/actions: the log ---- */

static const char *const show_names[] = {"log", "open", "finished", "all",
                                         NULL};

const struct route_param actions_log_params[] = {
        {.name = "body", .where = ROUTE_IN_PATH, .check = ROUTE_SHORT_NAME},
        {.name = "status",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = show_names},
        {.name = "owner",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_TEXT,
         .max = 100},
        {.name = "organisation",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_TEXT,
         .max = 100},
        {.name = "overdue",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = (const char *const[]){"yes", NULL}},
        {.name = "as_at",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_DATE,
         .soft = true,
         .label = AS_AT_LABEL},
        PAGE_DATE_PARAMS("as_at", ROUTE_IN_QUERY),
        {.name = "page",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = 100000},
        {.name = NULL},
};

static enum gov_log_show show_of(const char *name)
{
	for (int i = 0; show_names[i]; i++)
		if (name && strcmp(name, show_names[i]) == 0)
			return (enum gov_log_show)i;
	return GOV_LOG_BOARD;
}

/*
 * The log's "as at" date: its date fields as the filter form sends them, or
 * ?as_at=YYYY-MM-DD as links write it; NULL for today (or fields that are
 * not a date, which page_soft_date reports).
 */
static const char *as_at_of(struct http_request *req, const char **error)
{
	const char *typed = NULL;
	const char *message =
	        page_date_read(req, "as_at", AS_AT_LABEL, false, &typed);

	if (error != NULL)
		*error = message;
	if (message != NULL)
		return NULL;
	return typed ? typed : http_param(req, "as_at");
}

/* The log's address with its filters and page n. */
static const char *log_href(struct http_request *req, const char *body,
                            long page)
{
	struct arena *a = &req->arena;
	static const char *const keep[] = {"status", "owner", "organisation",
	                                   "overdue", "as_at"};
	const char *q = arena_printf(a, "/bodies/%s/actions", body);
	char sep = '?';

	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
		const char *v = strcmp(keep[i], "as_at") == 0
		                        ? as_at_of(req, NULL)
		                        : http_param(req, keep[i]);
		if (v == NULL)
			continue;
		q = arena_printf(a, "%s%c%s=%s", q, sep, keep[i],
		                 actions_query_escape(a, v));
		sep = '&';
	}
	if (page > 1)
		q = arena_printf(a, "%s%cpage=%ld", q, sep, page);
	return q;
}

static const char *part_heading(struct arena *a, enum gov_log_part part,
                                const char *on, bool today)
{
	const char *words = actions_date_words(a, on);

	switch (part) {
	case GOV_LOG_RAISED:
		return arena_printf(a, "Actions raised %s%s",
		                    today ? "today, " : "on ", words);
	case GOV_LOG_FINISHED_ON:
		return arena_printf(a, "Actions raised earlier, finished on %s",
		                    words);
	case GOV_LOG_ONGOING:
		return arena_printf(a, "Actions on-going as at %s", words);
	case GOV_LOG_FINISHED_BEFORE:
		break;
	}
	return arena_printf(a, "Actions finished before %s", words);
}

static void log_table(struct http_request *req, struct html *h,
                      const char *caption, const struct gov_log_row *rows,
                      size_t n)
{
	struct arena *a = &req->arena;
	static const char *const heads[] = {"Reference",  "Raised", "Details",
	                                    "Owners",     "Due",    "Status",
	                                    "Last update"};

	page_table_wrap_begin(h, caption);
	html_open(h, "table", "class", "govuk-table", NULL);
	html_elem(h, "caption", caption, "class",
	          "govuk-table__caption govuk-table__caption--m", NULL);
	html_open(h, "thead", "class", "govuk-table__head", NULL);
	html_open(h, "tr", "class", "govuk-table__row", NULL);
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
		html_elem(h, "th", heads[i], "scope", "col", "class",
		          "govuk-table__header", NULL);
	html_close_to(h, "thead");
	html_open(h, "tbody", "class", "govuk-table__body", NULL);
	for (size_t i = 0; i < n; i++) {
		const struct gov_log_row *r = &rows[i];
		html_open(h, "tr", "class", "govuk-table__row", NULL);
		html_open(h, "th", "scope", "row", "class",
		          "govuk-table__header", "data-label", "Reference",
		          NULL);
		html_elem(h, "a", r->e.action.key, "href",
		          actions_href(a, r->e.action.key), "class",
		          "govuk-link", NULL);
		html_close(h);
		html_open(h, "td", "class", "govuk-table__cell", "data-label",
		          "Raised", NULL);
		html_text(h, actions_date_words(a, r->e.action.raised_on));
		if (r->e.meeting_key) {
			html_void(h, "br", NULL);
			html_elem(h, "a",
			          r->e.item_number
			                  ? arena_printf(a, "item %s",
			                                 r->e.item_number)
			                  : "meeting",
			          "href",
			          arena_printf(a, "/meetings/%s",
			                       r->e.meeting_key),
			          "class", "govuk-link", NULL);
		}
		if (r->e.confidential) {
			html_void(h, "br", NULL);
			html_elem(h, "strong", "Confidential", "class",
			          "govuk-tag govuk-tag--orange", NULL);
		}
		html_close(h);
		html_elem(h, "td", r->e.action.details, "class",
		          "govuk-table__cell", "data-label", "Details", NULL);
		html_elem(h, "td", actions_owner_names(a, &r->e), "class",
		          "govuk-table__cell", "data-label", "Owners", NULL);
		html_open(h, "td", "class", "govuk-table__cell", "data-label",
		          "Due", NULL);
		html_text(h, actions_date_words(a, r->e.due));
		if (r->e.days_overdue > 0) {
			html_void(h, "br", NULL);
			html_textf(h, "%ld days overdue", r->e.days_overdue);
		}
		html_close(h);
		html_open(h, "td", "class", "govuk-table__cell", "data-label",
		          "Status", NULL);
		actions_status_tag(h, r->e.status_as_at, 0);
		html_close(h);
		html_open(h, "td", "class", "govuk-table__cell", "data-label",
		          "Last update", NULL);
		if (r->last_update_on) {
			html_elem(h, "span",
			          actions_date_words(a, r->last_update_on),
			          "class",
			          "govuk-body-s govuk-!-font-weight-bold",
			          NULL);
			html_text(h, ": ");
			html_text(h, r->last_update_text
			                     ? r->last_update_text
			                     : status_words(
			                               r->last_update_status));
		}
		html_close_to(h, "tr");
	}
	html_close_to(h, "div");
}

static void log_pagination(struct http_request *req, struct html *h,
                           const char *body, long page, size_t total)
{
	struct arena *a = &req->arena;
	long pages = (long)((total + LOG_PAGE_SIZE - 1) / LOG_PAGE_SIZE);
	struct govuk_pagination_item items[9];
	size_t n = 0;
	long shown = 0;

	if (pages <= 1)
		return;
	for (long p = 1; p <= pages && n < 9; p++) {
		bool near = p == 1 || p == pages ||
		            (p >= page - 2 && p <= page + 2);
		if (!near) {
			if (shown != -1 && n < 9)
				items[n++] = (struct govuk_pagination_item){
				        .ellipsis = true};
			shown = -1;
			continue;
		}
		items[n++] = (struct govuk_pagination_item){
		        .number = arena_printf(a, "%ld", p),
		        .href = log_href(req, body, p),
		        .current = p == page,
		};
		shown = p;
	}
	govuk_pagination(
	        h,
	        &(struct govuk_pagination){
	                .items = items,
	                .n_items = n,
	                .previous.href =
	                        page > 1 ? log_href(req, body, page - 1) : NULL,
	                .next.href = page < pages
	                                     ? log_href(req, body, page + 1)
	                                     : NULL,
	        });
}

static void log_filters(struct http_request *req, struct html *h,
                        const struct gov_body *body,
                        const struct gov_key_name *people, size_t np,
                        const struct gov_key_name *orgs, size_t no)
{
	struct arena *a = &req->arena;
	struct govuk_select_item *pi, *oi;
	const char *as_at, *as_at_error;
	static const struct govuk_select_item show_items[] = {
	        {.value = "log",
	         .text = "Raised, finished on the date and "
	                 "on-going"},
	        {.value = "open", .text = "Open (not finished)"},
	        {.value = "finished", .text = "Finished"},
	        {.value = "all", .text = "All"},
	};
	const char *overdue[] = {http_param(req, "overdue")};

	pi = arena_alloc(a, (np + 1) * sizeof *pi);
	memset(pi, 0, (np + 1) * sizeof *pi);
	pi[0] = (struct govuk_select_item){.value = "", .text = "Anyone"};
	for (size_t i = 0; i < np; i++)
		pi[i + 1] = (struct govuk_select_item){.value = people[i].key,
		                                       .text = people[i].name};
	oi = arena_alloc(a, (no + 1) * sizeof *oi);
	memset(oi, 0, (no + 1) * sizeof *oi);
	oi[0] = (struct govuk_select_item){.value = "", .text = "Any"};
	for (size_t i = 0; i < no; i++)
		oi[i + 1] = (struct govuk_select_item){.value = orgs[i].key,
		                                       .text = orgs[i].name};
	page_get_form_begin(
	        h, arena_printf(a, "/bodies/%s/actions", body->short_name));
	html_open(h, "div", "class", "govuk-grid-row", NULL);
	html_open(h, "div", "class", "govuk-grid-column-one-half", NULL);
	govuk_select(h, &(struct govuk_select){
	                        .name = "status",
	                        .items = show_items,
	                        .n_items = 4,
	                        .value = http_param(req, "status"),
	                        .field.label.content.text = "Show",
	                });
	govuk_select(h, &(struct govuk_select){
	                        .name = "owner",
	                        .items = pi,
	                        .n_items = np + 1,
	                        .value = http_param(req, "owner"),
	                        .field.label.content.text = "Owner",
	                });
	govuk_select(h, &(struct govuk_select){
	                        .name = "organisation",
	                        .items = oi,
	                        .n_items = no + 1,
	                        .value = http_param(req, "organisation"),
	                        .field.label.content.text = "Organisation",
	                });
	html_close(h);
	html_open(h, "div", "class", "govuk-grid-column-one-half", NULL);
	as_at = as_at_of(req, &as_at_error);
	page_date_input(h, req,
	                &(struct page_date_input){
	                        .prefix = "as_at",
	                        .legend = "As at",
	                        .hint = "For example, 4 12 2014. Leave it "
	                                "empty for today.",
	                        .iso = as_at,
	                        .error = as_at_error,
	                });
	govuk_checkboxes(
	        h,
	        &(struct govuk_checkboxes){
	                .name = "overdue",
	                .items =
	                        &(struct govuk_choice_item){
	                                .value = "yes",
	                                .content.text = "Only overdue actions"},
	                .n_items = 1,
	                .values = overdue,
	                .n_values = overdue[0] ? 1 : 0,
	                .classes = "govuk-checkboxes--small",
	        });
	html_close_to(h, "div");
	html_close(h);
	html_open(h, "div", "class", "govuk-button-group", NULL);
	govuk_button(h, &(struct govuk_button){
	                        .content.text = "Apply filters",
	                        .classes = "govuk-button--secondary",
	                });
	html_elem(h, "a", "Clear filters", "href",
	          arena_printf(a, "/bodies/%s/actions", body->short_name),
	          "class", "govuk-link", NULL);
	html_close_to(h, "form");
}

enum masa_err actions_log(struct http_request *req, struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct gov_body body;
	struct gov_key_name *people, *orgs;
	struct gov_log_row *rows;
	struct gov_log_filter f = {.show = show_of(http_param(req, "status")),
	                           .limit = LOG_PAGE_SIZE};
	const char *owner = http_param(req, "owner");
	const char *org = http_param(req, "organisation");
	long page = http_param_long(req, "page", 1);
	char today[DATE_TEXT_SIZE];
	size_t np, no, n, total;
	struct html h;
	enum masa_err rc;

	today_text(today);
	f.on = page_soft_date(req, "as_at", AS_AT_LABEL, NULL);
	if (f.on == NULL)
		f.on = today;
	f.overdue_only = http_param(req, "overdue") != NULL;
	f.offset = (size_t)(page - 1) * LOG_PAGE_SIZE;
	rc = gov_body_find(&req->gov, req->partnership->id,
	                   http_param(req, "body"), a, &body, err);
	if (rc != MASA_OK)
		return rc;
	f.body_id = body.id;
	if (owner != NULL) {
		struct gov_person p;
		if ((rc = gov_person_find(&req->gov, req->partnership->id,
		                          owner, a, &p, err)))
			return rc == MASA_ERR_NOT_FOUND
			               ? masa_error_set(err, MASA_ERR_INVALID,
			                                "Owner: nobody "
			                                "in the partnership "
			                                "is called %s",
			                                owner)
			               : rc;
		f.person_id = p.id;
	}
	if (org != NULL) {
		struct gov_organisation o;
		if ((rc = gov_organisation_find(&req->gov, req->partnership->id,
		                                org, a, &o, err)))
			return rc == MASA_ERR_NOT_FOUND
			               ? masa_error_set(err, MASA_ERR_INVALID,
			                                "Organisation: no "
			                                "organisation of the "
			                                "partnership is called "
			                                "%s",
			                                org)
			               : rc;
		f.organisation_id = o.id;
	}
	if ((rc = gov_log_owner_choices(&req->gov, &req->viewer, body.id, a,
	                                &people, &np, &orgs, &no, err)) ||
	    (rc = gov_log_query(&req->gov, &req->viewer, &f, a, &rows, &n,
	                        &total, err)))
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	{
		const struct govuk_breadcrumb crumbs[] = {
		        {.content.text = "Home", .href = "/"},
		        {.content.text = "Actions", .href = "/actions"},
		        {.content.text = body.short_name,
		         .href = arena_printf(a, "/bodies/%s",
		                              body.short_name)},
		};
		page_begin(
		        &h, req,
		        &(struct page){
		                .title = arena_printf(a, "Action log: %s",
		                                      body.short_name),
		                .section = PAGE_ACTIONS,
		                .breadcrumbs =
		                        &(struct govuk_breadcrumbs){
		                                .items = crumbs, .n_items = 3},
		                .full_width = true,
		        });
	}
	page_heading(&h, body.name, "Action log");
	html_open(&h, "p", "class", "govuk-body-l", NULL);
	html_textf(&h, "%zu action%s as at %s.", total, total == 1 ? "" : "s",
	           actions_date_words(a, f.on));
	html_close(&h);
	log_filters(req, &h, &body, people, np, orgs, no);
	if (total == 0)
		html_elem(&h, "p", "No actions match these filters.", "class",
		          "govuk-body", NULL);
	for (size_t i = 0; i < n;) {
		size_t k = i;
		while (k < n && rows[k].part == rows[i].part)
			k++;
		log_table(req, &h,
		          part_heading(a, rows[i].part, f.on,
		                       strcmp(f.on, today) == 0),
		          rows + i, k - i);
		i = k;
	}
	log_pagination(req, &h, body.short_name, page, total);
	return finish_page(req, 200, &h, err);
}

/* ---- one action ---- */

#define ACTION_PATH_PARAMS                                                   \
	{.name = "body", .where = ROUTE_IN_PATH, .check = ROUTE_SHORT_NAME}, \
	{                                                                    \
		.name = "meeting", .where = ROUTE_IN_PATH,                   \
		.check = ROUTE_TEXT, .max = 60                               \
	}

const struct route_param actions_at_meeting_params[] = {
        ACTION_PATH_PARAMS,
        {.name = "number",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_TEXT,
         .max = 20},
        {.name = "done",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = (const char *const[]){"update", "change", NULL}},
        {.name = NULL},
};

const struct route_param actions_alone_params[] = {
        {.name = "body", .where = ROUTE_IN_PATH, .check = ROUTE_SHORT_NAME},
        {.name = "ref", .where = ROUTE_IN_PATH, .check = ROUTE_TEXT, .max = 60},
        {.name = "done",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = (const char *const[]){"update", "change", NULL}},
        {.name = NULL},
};

/* The version of the action a form was rendered from (see the top). */
#define VERSION_PARAM                                                  \
	{                                                              \
		.name = "version", .where = ROUTE_IN_FORM,             \
		.check = ROUTE_INTEGER, .min = 1, .max = INT64_MAX / 2 \
	}

#define UPDATE_FORM_PARAMS                    \
	VERSION_PARAM,                        \
	        {.name = "update",            \
	         .where = ROUTE_IN_FORM,      \
	         .check = ROUTE_TEXT,         \
	         .max = UPDATE_TEXT_MAX},     \
	        {.name = "status",            \
	         .where = ROUTE_IN_FORM,      \
	         .check = ROUTE_ENUM,         \
	         .choices = update_statuses}, \
	        {.name = "date-day",          \
	         .where = ROUTE_IN_FORM,      \
	         .check = ROUTE_TEXT,         \
	         .max = 10},                  \
	        {.name = "date-month",        \
	         .where = ROUTE_IN_FORM,      \
	         .check = ROUTE_TEXT,         \
	         .max = 10},                  \
	        {.name = "date-year",         \
	         .where = ROUTE_IN_FORM,      \
	         .check = ROUTE_TEXT,         \
	         .max = 10},                  \
	{                                     \
		.name = NULL                  \
	}

/* "same" keeps the status; the others set it. */
static const char *const update_statuses[] = {
        "same",   "open",       "in_progress", "discharged",
        "closed", "superseded", NULL};

const struct route_param actions_update_at_meeting_params[] = {
        ACTION_PATH_PARAMS,
        {.name = "number",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_TEXT,
         .max = 20},
        UPDATE_FORM_PARAMS,
};

const struct route_param actions_update_alone_params[] = {
        {.name = "body", .where = ROUTE_IN_PATH, .check = ROUTE_SHORT_NAME},
        {.name = "ref", .where = ROUTE_IN_PATH, .check = ROUTE_TEXT, .max = 60},
        UPDATE_FORM_PARAMS,
};

#define CHANGE_FORM_PARAMS                   \
	VERSION_PARAM,                       \
	        {.name = "remove",           \
	         .where = ROUTE_IN_FORM,     \
	         .check = ROUTE_INTEGER,     \
	         .min = 1,                   \
	         .max = INT64_MAX / 2},      \
	        {.name = "add_person",       \
	         .where = ROUTE_IN_FORM,     \
	         .check = ROUTE_TEXT,        \
	         .max = 100},                \
	        {.name = "add_organisation", \
	         .where = ROUTE_IN_FORM,     \
	         .check = ROUTE_TEXT,        \
	         .max = 100},                \
	        {.name = "due-day",          \
	         .where = ROUTE_IN_FORM,     \
	         .check = ROUTE_TEXT,        \
	         .max = 10},                 \
	        {.name = "due-month",        \
	         .where = ROUTE_IN_FORM,     \
	         .check = ROUTE_TEXT,        \
	         .max = 10},                 \
	        {.name = "due-year",         \
	         .where = ROUTE_IN_FORM,     \
	         .check = ROUTE_TEXT,        \
	         .max = 10},                 \
	        {.name = "reason",           \
	         .where = ROUTE_IN_FORM,     \
	         .check = ROUTE_TEXT,        \
	         .max = UPDATE_TEXT_MAX},    \
	{                                    \
		.name = NULL                 \
	}

const struct route_param actions_change_at_meeting_params[] = {
        ACTION_PATH_PARAMS,
        {.name = "number",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_TEXT,
         .max = 20},
        CHANGE_FORM_PARAMS,
};

const struct route_param actions_change_alone_params[] = {
        {.name = "body", .where = ROUTE_IN_PATH, .check = ROUTE_SHORT_NAME},
        {.name = "ref", .where = ROUTE_IN_PATH, .check = ROUTE_TEXT, .max = 60},
        CHANGE_FORM_PARAMS,
};

/* A form's problems, each with the id of the field it is about. */
enum { FORM_ERRORS_MAX = 4 };
struct form_errors {
	struct govuk_error_summary_item items[FORM_ERRORS_MAX];
	size_t n;
	const char *form; /* "update" or "change": which form they are in */
	/* someone else changed the action since the form was rendered: the
	 * one error links to the action, and the answer is 409 */
	bool conflict;
};

static void form_error(struct form_errors *fe, const char *href,
                       const char *message)
{
	if (fe->n < FORM_ERRORS_MAX)
		fe->items[fe->n++] = (struct govuk_error_summary_item){
		        .href = href, .content.text = message};
}

/* The message for the field with id (href "#id"), or NULL. */
static const struct govuk_error_message *
field_error(struct arena *a, const struct form_errors *fe, const char *id)
{
	for (size_t i = 0; fe && i < fe->n; i++)
		if (strcmp(fe->items[i].href + 1, id) == 0) {
			struct govuk_error_message *m =
			        arena_alloc(a, sizeof *m);
			memset(m, 0, sizeof *m);
			m->content.text = fe->items[i].content.text;
			return m;
		}
	return NULL;
}

/*
 * The version the forms carry: the one sent with a form shown again (its
 * fields keep what was typed against that version), except after a
 * conflict, when the page shows the action as it is now; else the stored
 * one.
 */
static const char *form_version(struct http_request *req,
                                const struct gov_action_entry *e,
                                const struct form_errors *fe)
{
	const char *sent = http_param(req, "version");

	if (sent != NULL && !(fe != NULL && fe->conflict))
		return sent;
	return arena_printf(&req->arena, "%lld", (long long)e->action.version);
}

static void version_field(struct html *h, struct http_request *req,
                          const struct gov_action_entry *e,
                          const struct form_errors *fe)
{
	html_void(h, "input", "type", "hidden", "name", "version", "value",
	          form_version(req, e, fe), NULL);
}

/*
 * After gov refused a change with MASA_ERR_CONFLICT: was it because the
 * action has another version than the form was rendered from (version, 0
 * when the form sent none)? Then fe gets the one error that says so (why,
 * with a capital letter), linking to the action.
 */
static bool version_conflict(struct http_request *req, int64_t action_id,
                             const char *key, int64_t version,
                             const struct masa_error *why,
                             struct form_errors *fe)
{
	struct gov_action now;
	struct masa_error ignored = {0};
	char *message;

	if (version == 0 ||
	    gov_action_get(&req->gov, &req->viewer, action_id, &req->arena,
	                   &now, &ignored) != MASA_OK ||
	    now.version == version)
		return false;
	message = arena_strdup(&req->arena, why->message);
	message[0] = (char)toupper((unsigned char)message[0]);
	fe->n = 0;
	form_error(fe, actions_href(&req->arena, key), message);
	fe->conflict = true;
	return true;
}

/*
 * After a change failed with rc: when the database was busy or away and the
 * form is to be shown again (http_form_unsaved), fe gets the one error that
 * says so, on the field with id href, and the answer is 503.
 */
static bool form_unsaved(struct http_request *req, enum masa_err rc,
                         struct form_errors *fe, const char *href)
{
	const char *message = http_form_unsaved(req, rc);

	if (message == NULL)
		return false;
	fe->n = 0;
	form_error(fe, href, message);
	return true;
}

/* The action's reference from the path. */
static const char *path_key(struct http_request *req)
{
	const char *ref = http_param(req, "ref");

	if (ref != NULL)
		return arena_printf(&req->arena, "%s/%s",
		                    http_param(req, "body"), ref);
	return arena_printf(&req->arena, "%s/%s/%s", http_param(req, "body"),
	                    http_param(req, "meeting"),
	                    http_param(req, "number"));
}

/* The action the path names, if the viewer may see it (gov decides). */
struct seen_action {
	struct gov_action act;
};

static enum masa_err find_action(struct http_request *req,
                                 struct seen_action *out,
                                 struct masa_error *err)
{
	const char *key = path_key(req);
	enum masa_err rc;

	memset(out, 0, sizeof *out);
	rc = gov_action_find(&req->gov, &req->viewer, key, &req->arena,
	                     &out->act, err);
	if (rc == MASA_ERR_NOT_FOUND)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "There is no action %s. Check the "
		                      "reference, or find it in its body's "
		                      "action log.",
		                      key);
	return rc;
}

/* The message of field id as text (for page_date_input), or NULL. */
static const char *field_message(struct arena *a, const struct form_errors *fe,
                                 const char *id)
{
	const struct govuk_error_message *m = field_error(a, fe, id);

	return m ? m->content.text : NULL;
}

static void update_form(struct http_request *req, struct html *h,
                        const char *base, const struct gov_action_entry *e,
                        const struct form_errors *fe)
{
	struct arena *a = &req->arena;
	const struct form_errors *mine =
	        fe && strcmp(fe->form, "update") == 0 ? fe : NULL;
	struct govuk_choice_item items[6];
	char now[DATE_TEXT_SIZE];
	size_t n = 0;
	/* "Keep it in progress": the status in lower case mid-sentence. */
	char *keep =
	        arena_printf(a, "Keep it %s", status_words(e->status_as_at));

	keep[8] = (char)tolower((unsigned char)keep[8]);
	items[n++] = (struct govuk_choice_item){.value = "same",
	                                        .content.text = keep};
	for (int i = 0; gov_action_statuses[i]; i++) {
		if (strcmp(gov_action_statuses[i], e->status_as_at) == 0)
			continue;
		items[n++] = (struct govuk_choice_item){
		        .value = gov_action_statuses[i],
		        .content.text = status_words(gov_action_statuses[i])};
	}
	html_elem(h, "h2", "Add an update", "class", "govuk-heading-m", "id",
	          "add-update", NULL);
	page_form_begin(h, req, arena_printf(a, "%s/updates", base));
	version_field(h, req, e, fe);
	govuk_textarea(
	        h,
	        &(struct govuk_textarea){
	                .name = "update",
	                .value = mine ? http_param(req, "update") : NULL,
	                .field.label.content.text = "What has been "
	                                            "done",
	                .field.label.classes = "govuk-label--s",
	                .field.hint =
	                        &(struct govuk_hint){
	                                .content.text = "Say what has "
	                                                "happened since the "
	                                                "last update."},
	                .field.error_message = field_error(a, mine, "update"),
	        });
	govuk_radios(
	        h,
	        &(struct govuk_radios){
	                .name = "status",
	                .items = items,
	                .n_items = n,
	                .value = mine && http_param(req, "status")
	                                 ? http_param(req, "status")
	                                 : "same",
	                .classes = "govuk-radios--small",
	                .frame.fieldset =
	                        &(struct govuk_fieldset){
	                                .legend.content.text = "Status",
	                                .legend.classes =
	                                        "govuk-fieldset__legend--s"},
	                .frame.error_message = field_error(a, mine, "status"),
	        });
	today_text(now);
	page_date_input(h, req,
	                &(struct page_date_input){
	                        .prefix = "date",
	                        .legend = "Date of the update",
	                        .hint = "For example, 27 3 2025. Today unless "
	                                "it was earlier.",
	                        .iso = mine == NULL ? now : NULL,
	                        .error = field_message(a, mine, "date-day"),
	                });
	govuk_button(h, &(struct govuk_button){.content.text = "Add update"});
	html_close_to(h, "form");
}

static void change_form(struct http_request *req, struct html *h,
                        const char *base, const struct gov_action_entry *e,
                        const struct form_errors *fe)
{
	struct arena *a = &req->arena;
	const struct form_errors *mine =
	        fe && strcmp(fe->form, "change") == 0 ? fe : NULL;
	struct gov_person *people = NULL;
	struct gov_organisation *orgs = NULL;
	struct govuk_select_item *ri, *pi, *oi;
	struct masa_error ignored = {0};
	size_t np = 0, no = 0;

	/* Without the lists the form still removes owners and sets dates. */
	if (gov_person_list(&req->gov, req->partnership->id, a, &people, &np,
	                    &ignored) != MASA_OK)
		np = 0;
	if (gov_organisation_list(&req->gov, req->partnership->id, a, &orgs,
	                          &no, &ignored) != MASA_OK)
		no = 0;
	ri = arena_alloc(a, (e->nowners + 1) * sizeof *ri);
	memset(ri, 0, (e->nowners + 1) * sizeof *ri);
	ri[0] = (struct govuk_select_item){.value = "", .text = "Nobody"};
	for (size_t i = 0; i < e->nowners; i++)
		ri[i + 1] = (struct govuk_select_item){
		        .value = arena_printf(a, "%lld",
		                              (long long)e->owners[i].id),
		        .text = e->owners[i].name};
	pi = arena_alloc(a, (np + 1) * sizeof *pi);
	memset(pi, 0, (np + 1) * sizeof *pi);
	pi[0] = (struct govuk_select_item){.value = "", .text = "Nobody"};
	for (size_t i = 0; i < np; i++)
		pi[i + 1] = (struct govuk_select_item){.value = people[i].key,
		                                       .text = people[i].name};
	oi = arena_alloc(a, (no + 1) * sizeof *oi);
	memset(oi, 0, (no + 1) * sizeof *oi);
	oi[0] = (struct govuk_select_item){.value = "", .text = "None"};
	for (size_t i = 0; i < no; i++)
		oi[i + 1] = (struct govuk_select_item){.value = orgs[i].key,
		                                       .text = orgs[i].name};
	html_elem(h, "h2", "Reassign or change the due date", "class",
	          "govuk-heading-m", "id", "change", NULL);
	html_elem(h, "p",
	          "The business unit may change who owns this action and when "
	          "it is due. The change is kept in its history.",
	          "class", "govuk-body", NULL);
	page_form_begin(h, req, arena_printf(a, "%s/owners", base));
	version_field(h, req, e, fe);
	govuk_select(
	        h,
	        &(struct govuk_select){
	                .name = "remove",
	                .items = ri,
	                .n_items = e->nowners + 1,
	                .value = mine ? http_param(req, "remove") : NULL,
	                .field.label.content.text = "Remove an owner",
	                .field.error_message = field_error(a, mine, "remove"),
	        });
	govuk_select(
	        h, &(struct govuk_select){
	                   .name = "add_person",
	                   .items = pi,
	                   .n_items = np + 1,
	                   .value = mine ? http_param(req, "add_person") : NULL,
	                   .field.label.content.text = "Add a person",
	                   .field.error_message =
	                           field_error(a, mine, "add_person"),
	           });
	govuk_select(h,
	             &(struct govuk_select){
	                     .name = "add_organisation",
	                     .items = oi,
	                     .n_items = no + 1,
	                     .value = mine ? http_param(req, "add_organisation")
	                                   : NULL,
	                     .field.label.content.text = "Add an "
	                                                 "organisation",
	             });
	page_date_input(
	        h, req,
	        &(struct page_date_input){
	                .prefix = "due",
	                .legend = "New due date",
	                .hint = "For example, 27 3 2025. Leave it empty "
	                        "to keep the due date.",
	                .error = field_message(a, mine, "due-day"),
	        });
	govuk_input(h, &(struct govuk_input){
	                       .name = "reason",
	                       .value = mine ? http_param(req, "reason") : NULL,
	                       .field.label.content.text = "Reason (for the "
	                                                   "history)",
	               });
	govuk_button(h, &(struct govuk_button){
	                        .content.text = "Save changes",
	                        .classes = "govuk-button--secondary"});
	html_close_to(h, "form");
}

/* What an update changed among the owners, from the owner history. */
static const char *owner_changes(struct arena *a,
                                 const struct gov_action_entry *e,
                                 int64_t update_id)
{
	const char *out = "";

	for (size_t i = 0; i < e->nhistory; i++) {
		if (e->history[i].added_by == update_id)
			out = arena_printf(a, "%s%s%s added", out,
			                   out[0] ? "; " : "",
			                   e->history[i].name);
		if (e->history[i].removed_by == update_id)
			out = arena_printf(a, "%s%s%s removed", out,
			                   out[0] ? "; " : "",
			                   e->history[i].name);
	}
	return out;
}

static void summary_row(struct html *h, const char *key,
                        void (*write)(struct html *, const void *),
                        const void *arg, const char *text)
{
	html_open(h, "div", "class", "govuk-summary-list__row", NULL);
	html_elem(h, "dt", key, "class", "govuk-summary-list__key", NULL);
	html_open(h, "dd", "class", "govuk-summary-list__value", NULL);
	if (write)
		write(h, arg);
	else
		html_text(h, text);
	html_close(h);
	html_close(h);
}

static void write_status(struct html *h, const void *arg)
{
	const struct gov_action_entry *e = arg;

	actions_status_tag(h, e->status_as_at, e->days_overdue);
}

/*
 * The action's page, with the forms' errors (status 400, or 409 after a
 * conflict) or none (200).
 */
static enum masa_err action_page(struct http_request *req,
                                 const struct seen_action *s, unsigned status,
                                 const struct form_errors *fe,
                                 struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct gov_action_entry e;
	char **update_meetings;
	const char *base = actions_href(a, s->act.key);
	const char *done = http_param(req, "done");
	bool may_update = false;
	struct html h;
	enum masa_err rc;

	if ((rc = gov_action_entry_read(&req->gov, &req->viewer, s->act.id,
	                                NULL, a, &e, err)) ||
	    (rc = gov_action_update_meetings(&req->gov, s->act.id, e.updates,
	                                     e.nupdates, a, &update_meetings,
	                                     err)) ||
	    (rc = gov_may_update_action(&req->gov, &req->viewer, s->act.id,
	                                &may_update, err)))
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	{
		const struct govuk_breadcrumb crumbs[] = {
		        {.content.text = "Home", .href = "/"},
		        {.content.text = "Actions", .href = "/actions"},
		        {.content.text = arena_printf(a, "%s action log",
		                                      e.body_short_name),
		         .href = arena_printf(a, "/bodies/%s/actions",
		                              e.body_short_name)},
		};
		page_begin(
		        &h, req,
		        &(struct page){
		                .title = arena_printf(a, "%sAction %s",
		                                      fe ? "Error: " : "",
		                                      s->act.key),
		                .section = PAGE_ACTIONS,
		                .breadcrumbs =
		                        &(struct govuk_breadcrumbs){
		                                .items = crumbs, .n_items = 3},
		        });
	}
	if (fe != NULL && fe->n > 0)
		govuk_error_summary(
		        &h,
		        &(struct govuk_error_summary){
		                .title.text = "There is a problem",
		                .description.text =
		                        fe->conflict ? "Nothing you sent has "
		                                       "been saved. The action "
		                                       "is shown as it is now, "
		                                       "and what you typed is "
		                                       "still in the form."
		                                     : NULL,
		                .error_list = fe->items,
		                .n_errors = fe->n,
		        });
	else if (done != NULL)
		govuk_notification_banner(
		        &h, &(struct govuk_notification_banner){
		                    .type = "success",
		                    .content.text =
		                            strcmp(done, "update") == 0
		                                    ? "Your update has been "
		                                      "added to the history."
		                                    : "The action has been "
		                                      "changed.",
		            });
	page_heading(&h, arena_printf(a, "Action of %s", e.body_short_name),
	             arena_printf(a, "Action %s", s->act.key));
	html_open(&h, "dl", "class", "govuk-summary-list", NULL);
	summary_row(&h, "What is to be done", NULL, NULL, e.action.details);
	summary_row(&h, "Owners", NULL, NULL,
	            e.nowners ? actions_owner_names(a, &e) : "None");
	summary_row(
	        &h, "Due", NULL, NULL,
	        e.due ? (e.days_overdue
	                         ? arena_printf(a, "%s (%ld days overdue)",
	                                        actions_date_words(a, e.due),
	                                        e.days_overdue)
	                         : actions_date_words(a, e.due))
	              : "No date set");
	summary_row(&h, "Status", write_status, &e, NULL);
	html_open(&h, "div", "class", "govuk-summary-list__row", NULL);
	html_elem(&h, "dt", "Raised", "class", "govuk-summary-list__key", NULL);
	html_open(&h, "dd", "class", "govuk-summary-list__value", NULL);
	html_text(&h, actions_date_words(a, e.action.raised_on));
	if (e.meeting_key) {
		html_text(&h, " at ");
		html_elem(
		        &h, "a",
		        e.item_title ? arena_printf(a, "%s, item %s: %s",
		                                    e.meeting_key,
		                                    e.item_number, e.item_title)
		        : e.item_number
		                ? arena_printf(a, "%s, item %s", e.meeting_key,
		                               e.item_number)
		                : e.meeting_key,
		        "href", arena_printf(a, "/meetings/%s", e.meeting_key),
		        "class", "govuk-link", NULL);
		if (e.confidential) {
			html_text(&h, " ");
			html_elem(&h, "strong", "Confidential", "class",
			          "govuk-tag govuk-tag--orange", NULL);
		}
	} else {
		html_text(&h, " (standing alone, not at a meeting)");
	}
	html_close_to(&h, "dl");

	html_elem(&h, "h2", "History", "class", "govuk-heading-m", NULL);
	if (e.nupdates == 0) {
		html_elem(&h, "p", "No updates yet.", "class", "govuk-body",
		          NULL);
	} else {
		page_table_wrap_begin(&h, "Updates, oldest first");
		html_open(&h, "table", "class", "govuk-table", NULL);
		html_elem(&h, "caption", "Updates, oldest first", "class",
		          "govuk-table__caption govuk-table__caption--s", NULL);
		html_open(&h, "thead", "class", "govuk-table__head", NULL);
		html_open(&h, "tr", "class", "govuk-table__row", NULL);
		static const char *const heads[] = {"Date", "Update", "Status",
		                                    "Owners", "At meeting"};
		for (size_t i = 0; i < 5; i++)
			html_elem(&h, "th", heads[i], "scope", "col", "class",
			          "govuk-table__header", NULL);
		html_close_to(&h, "thead");
		html_open(&h, "tbody", "class", "govuk-table__body", NULL);
		for (size_t i = 0; i < e.nupdates; i++) {
			const struct gov_action_update *u = &e.updates[i];
			html_open(&h, "tr", "class", "govuk-table__row", NULL);
			html_elem(&h, "td", actions_date_words(a, u->on_date),
			          "class", "govuk-table__cell", "data-label",
			          "Date", NULL);
			html_elem(&h, "td",
			          u->text ? u->text
			          : strcmp(u->kind, "carried_forward") == 0
			                  ? "Carried forward"
			                  : "",
			          "class", "govuk-table__cell", "data-label",
			          "Update", NULL);
			html_open(&h, "td", "class", "govuk-table__cell",
			          "data-label", "Status", NULL);
			if (u->status)
				actions_status_tag(&h, u->status, 0);
			html_close(&h);
			html_elem(&h, "td", owner_changes(a, &e, u->id),
			          "class", "govuk-table__cell", "data-label",
			          "Owners", NULL);
			html_open(&h, "td", "class", "govuk-table__cell",
			          "data-label", "At meeting", NULL);
			if (update_meetings[i])
				html_elem(&h, "a", update_meetings[i], "href",
				          arena_printf(a, "/meetings/%s",
				                       update_meetings[i]),
				          "class", "govuk-link", NULL);
			html_close_to(&h, "tr");
		}
		html_close_to(&h, "div");
	}
	if (e.nhistory > 0) {
		page_table_wrap_begin(&h, "Owners over time");
		html_open(&h, "table", "class", "govuk-table", NULL);
		html_elem(&h, "caption", "Owners over time", "class",
		          "govuk-table__caption govuk-table__caption--s", NULL);
		html_open(&h, "thead", "class", "govuk-table__head", NULL);
		html_open(&h, "tr", "class", "govuk-table__row", NULL);
		html_elem(&h, "th", "Owner", "scope", "col", "class",
		          "govuk-table__header", NULL);
		html_elem(&h, "th", "From", "scope", "col", "class",
		          "govuk-table__header", NULL);
		html_elem(&h, "th", "Until", "scope", "col", "class",
		          "govuk-table__header", NULL);
		html_close_to(&h, "thead");
		html_open(&h, "tbody", "class", "govuk-table__body", NULL);
		for (size_t i = 0; i < e.nhistory; i++) {
			const struct gov_action_owner *o = &e.history[i];
			html_open(&h, "tr", "class", "govuk-table__row", NULL);
			html_elem(&h, "td", o->name, "class",
			          "govuk-table__cell", "data-label", "Owner",
			          NULL);
			html_elem(&h, "td",
			          actions_date_words(
			                  a, o->added_on ? o->added_on
			                                 : e.action.raised_on),
			          "class", "govuk-table__cell", "data-label",
			          "From", NULL);
			html_elem(&h, "td",
			          o->removed_on
			                  ? actions_date_words(a, o->removed_on)
			                  : "Still an owner",
			          "class", "govuk-table__cell", "data-label",
			          "Until", NULL);
			html_close(&h);
		}
		html_close_to(&h, "div");
	}
	if (may_update)
		update_form(req, &h, base, &e, fe);
	else
		govuk_inset_text(
		        &h,
		        &(struct govuk_inset_text){
		                .content.text =
		                        "Its owners, their organisation's "
		                        "partner lead and the business unit "
		                        "post updates to this action."});
	if (gov_may_administer(&req->viewer, req->partnership->id))
		change_form(req, &h, base, &e, fe);
	return finish_page(req, status, &h, err);
}

enum masa_err actions_page(struct http_request *req, struct masa_error *err)
{
	struct seen_action s;
	enum masa_err rc = find_action(req, &s, err);

	if (rc != MASA_OK)
		return rc;
	return action_page(req, &s, 200, NULL, err);
}

enum masa_err actions_post_update(struct http_request *req,
                                  struct masa_error *err)
{
	struct seen_action s;
	struct form_errors fe = {.form = "update"};
	const char *text = http_param(req, "update");
	const char *status = http_param(req, "status");
	int64_t version = http_param_long(req, "version", 0);
	const char *on;
	char today[DATE_TEXT_SIZE];
	bool may = false;
	const char *date_error;
	struct masa_error why = {0};
	enum masa_err rc;

	if ((rc = find_action(req, &s, err)) ||
	    (rc = gov_may_update_action(&req->gov, &req->viewer, s.act.id, &may,
	                                err)))
		return rc;
	if (!may)
		return masa_error_set(
		        err, MASA_ERR_DENIED,
		        "You may update only the actions you own or, as a "
		        "partner lead, those of your organisation. %s is not "
		        "one of them, so nothing was saved.",
		        s.act.key);
	if (status != NULL && strcmp(status, "same") == 0)
		status = NULL;
	today_text(today);
	date_error =
	        page_date_read(req, "date", "Date of the update", false, &on);
	if (date_error != NULL)
		form_error(&fe, "#date-day", date_error);
	else if (on == NULL)
		on = today;
	else if (strcmp(on, today) > 0)
		form_error(&fe, "#date-day",
		           "The date of the update must be today or in the "
		           "past");
	else if (strcmp(on, s.act.raised_on) < 0)
		form_error(&fe, "#date-day",
		           arena_printf(&req->arena,
		                        "The date of the update must be on or "
		                        "after the day the action was raised "
		                        "(%s)",
		                        actions_date_words(&req->arena,
		                                           s.act.raised_on)));
	if (text_is_blank(text) && status == NULL)
		form_error(&fe, "#update",
		           "Enter what has been done, or choose a new status");
	if (fe.n == 0) {
		struct gov_action_update u = {
		        .action_id = s.act.id,
		        .on_date = (char *)on,
		        .text = text_is_blank(text) ? NULL : (char *)text,
		        .status = (char *)status,
		        .action_version = version,
		};
		rc = gov_action_update(&req->gov, &u, NULL, 0, NULL, 0, &why);
		if (rc == MASA_OK)
			return http_respond_redirect(
			        req,
			        arena_printf(
			                &req->arena, "%s?done=update",
			                actions_href(&req->arena, s.act.key)),
			        err);
		if (form_unsaved(req, rc, &fe, "#update"))
			return action_page(req, &s, 503, &fe, err);
		if (rc != MASA_ERR_INVALID && rc != MASA_ERR_CONFLICT) {
			*err = why;
			return rc;
		}
		if (rc == MASA_ERR_CONFLICT &&
		    version_conflict(req, s.act.id, s.act.key, version, &why,
		                     &fe))
			return action_page(req, &s, 409, &fe, err);
		form_error(&fe,
		           strstr(why.message, "date")     ? "#date-day"
		           : strstr(why.message, "status") ? "#status"
		                                           : "#update",
		           arena_strdup(&req->arena, why.message));
	}
	return action_page(req, &s, 400, &fe, err);
}

enum masa_err actions_post_change(struct http_request *req,
                                  struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct seen_action s;
	struct form_errors fe = {.form = "change"};
	struct gov_action_owner *owners;
	struct gov_owner_ref added[2], removed[1];
	size_t nadded = 0, nremoved = 0, nowners;
	const char *person = http_param(req, "add_person");
	const char *org = http_param(req, "add_organisation");
	const char *reason = http_param(req, "reason");
	long remove = http_param_long(req, "remove", 0);
	int64_t version = http_param_long(req, "version", 0);
	const char *due;
	char today[DATE_TEXT_SIZE];
	const char *due_error;
	struct masa_error why = {0};
	enum masa_err rc;

	if ((rc = find_action(req, &s, err)))
		return rc;
	if (!gov_may_administer(&req->viewer, req->partnership->id))
		return masa_error_set(err, MASA_ERR_DENIED,
		                      "Only the business unit reassigns "
		                      "actions: nothing was saved.");
	if ((rc = gov_action_owners(&req->gov, s.act.id, a, &owners, &nowners,
	                            err)))
		return rc;
	today_text(today);
	if (remove != 0) {
		bool found = false;
		for (size_t i = 0; i < nowners && !found; i++)
			if (owners[i].id == remove &&
			    owners[i].removed_by == 0) {
				removed[nremoved++] = (struct gov_owner_ref){
				        .person_id = owners[i].person_id,
				        .organisation_id =
				                owners[i].organisation_id,
				        .all_members = owners[i].all_members};
				found = true;
			}
		if (!found)
			form_error(&fe, "#remove",
			           "Choose one of the action's owners to "
			           "remove");
	}
	if (person != NULL) {
		struct gov_person p;
		if (gov_person_find(&req->gov, req->partnership->id, person, a,
		                    &p, &why) == MASA_OK)
			added[nadded++] =
			        (struct gov_owner_ref){.person_id = p.id};
		else
			form_error(&fe, "#add_person",
			           "Choose a person from the list");
	}
	if (org != NULL) {
		struct gov_organisation o;
		if (gov_organisation_find(&req->gov, req->partnership->id, org,
		                          a, &o, &why) == MASA_OK)
			added[nadded++] =
			        (struct gov_owner_ref){.organisation_id = o.id};
		else
			form_error(&fe, "#add_organisation",
			           "Choose an organisation from the list");
	}
	due_error = page_date_read(req, "due", "New due date", false, &due);
	if (due_error != NULL)
		form_error(&fe, "#due-day", due_error);
	if (fe.n == 0 && nadded == 0 && nremoved == 0 && due == NULL)
		form_error(
		        &fe, "#remove",
		        "Choose an owner to remove or add, or give a new due "
		        "date");
	if (fe.n > 0)
		return action_page(req, &s, 400, &fe, err);
	if ((rc = gov_begin(&req->gov, &why)))
		goto failed;
	if (nadded > 0 || nremoved > 0) {
		struct gov_action_update u = {
		        .action_id = s.act.id,
		        .on_date = today,
		        .text = text_is_blank(reason) ? "Owners changed"
		                                      : (char *)reason,
		        .action_version = version,
		};
		rc = gov_action_update(&req->gov, &u, added, nadded, removed,
		                       nremoved, &why);
	}
	if (rc == MASA_OK && due != NULL)
		/* After an owner change in this transaction the version was
		 * checked already, and the action is this transaction's. */
		rc = gov_action_set_due(
		        &req->gov, s.act.id, nadded || nremoved ? 0 : version,
		        due, today, nadded || nremoved ? NULL : reason, &why);
	rc = gov_end(&req->gov, rc, &why);
	if (rc == MASA_OK)
		return http_respond_redirect(
		        req,
		        arena_printf(a, "%s?done=change",
		                     actions_href(a, s.act.key)),
		        err);
failed:
	if (form_unsaved(req, rc, &fe, "#remove"))
		return action_page(req, &s, 503, &fe, err);
	if (rc != MASA_ERR_INVALID && rc != MASA_ERR_CONFLICT) {
		*err = why;
		return rc;
	}
	if (rc == MASA_ERR_CONFLICT &&
	    version_conflict(req, s.act.id, s.act.key, version, &why, &fe))
		return action_page(req, &s, 409, &fe, err);
	form_error(&fe, strstr(why.message, "due") ? "#due-day" : "#remove",
	           arena_strdup(a, why.message));
	return action_page(req, &s, 400, &fe, err);
}

/* Action logs and their forms. */
const struct route actions_routes[] = {
        {"GET", "/actions", actions_index_params, GOV_ROLE_MEMBER,
         actions_index},
        {"GET", "/bodies/{body}/actions", actions_log_params, GOV_ROLE_MEMBER,
         actions_log},
        {"GET", "/actions/{body}/{ref}", actions_alone_params, GOV_ROLE_MEMBER,
         actions_page},
        {"GET", "/actions/{body}/{meeting}/{number}", actions_at_meeting_params,
         GOV_ROLE_MEMBER, actions_page},
        {"POST", "/actions/{body}/{ref}/updates", actions_update_alone_params,
         GOV_ROLE_MEMBER, actions_post_update},
        {"POST", "/actions/{body}/{ref}/owners", actions_change_alone_params,
         GOV_ROLE_ADMIN, actions_post_change},
        {"POST", "/actions/{body}/{meeting}/{number}/updates",
         actions_update_at_meeting_params, GOV_ROLE_MEMBER,
         actions_post_update},
        {"POST", "/actions/{body}/{meeting}/{number}/owners",
         actions_change_at_meeting_params, GOV_ROLE_ADMIN, actions_post_change},
        {0},
};
