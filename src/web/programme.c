/*
 * programme: the work programme page (see programme.h). The programme is
 * public, as councils publish theirs; the matters arising (open actions)
 * are shown only to those signed in, as the action logs are.
 */
#include "web/programme.h"

#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "gov/body.h"
#include "gov/meeting.h"
#include "gov/programme.h"
#include "http/server.h"
#include "web/actions.h"
#include "web/layout.h"

enum { PROGRAMME_TITLE_MAX = 500, PROGRAMME_NOTES_MAX = 5000 };

const struct route_param programme_page_params[] = {
        {.name = "body", .where = ROUTE_IN_PATH, .check = ROUTE_SHORT_NAME},
        {.name = "from",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_DATE,
         .soft = true,
         .label = "The first month to show"},
        {.name = "done",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = (const char *const[]){"added", NULL}},
        {.name = NULL},
};

const struct route_param programme_add_params[] = {
        {.name = "body", .where = ROUTE_IN_PATH, .check = ROUTE_SHORT_NAME},
        {.name = "title",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = PROGRAMME_TITLE_MAX},
        {.name = "meeting",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = 100},
        {.name = "month",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = 20},
        {.name = "when-month",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = 8},
        {.name = "when-year",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = 8},
        {.name = "source",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_ENUM,
         .choices = gov_programme_sources},
        {.name = "notes",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = PROGRAMME_NOTES_MAX},
        {.name = NULL},
};

static const char *words(const char *value)
{
	static const char *const names[][2] = {
	        {"resolution", "Resolution"},
	        {"deferral", "Deferred item"},
	        {"subgroup_report", "Sub-group report"},
	        {"standing_item", "Standing item"},
	        {"other", "Other"},
	        {"planned", "Planned"},
	        {"on_agenda", "On the agenda"},
	        {"deferred", "Deferred"},
	        {"done", "Done"},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (value && strcmp(value, names[i][0]) == 0)
			return names[i][1];
	return value ? value : "";
}

static const char *month_words(struct arena *a, const char *month)
{
	return strchr(actions_date_words(a, arena_printf(a, "%s-01", month)),
	              ' ') +
	       1;
}

/*
 * The entry's month when no meeting is fixed: GOV.UK's date input with
 * only its month and year fields ("when-month", "when-year"), showing
 * what was typed.
 */
static void write_month_input(struct html *h, const struct http_request *req,
                              const char *error)
{
	struct govuk_date_typed typed = {.month = http_param(req, "when-month"),
	                                 .year = http_param(req, "when-year")};
	struct govuk_date_items items;
	struct govuk_error_message message = {.content.text = error};

	govuk_date_items_fill(&items, &typed, NULL, error != NULL);
	govuk_date_input(
	        h, &(struct govuk_date_input){
	                   .id = "when",
	                   .name_prefix = "when",
	                   .items = items.items + 1,
	                   .n_items = 2,
	                   .frame.fieldset =
	                           &(struct govuk_fieldset){
	                                   .legend.content.text =
	                                           "Or a month, when no "
	                                           "meeting is fixed",
	                                   .legend.classes =
	                                           "govuk-fieldset__legend--s"},
	                   .frame.hint =
	                           &(struct govuk_hint){
	                                   .content.text = "For example, 9 "
	                                                   "2025"},
	                   .frame.error_message = error ? &message : NULL,
	           });
}

/* The page, with the add form's problems (status 400) or none. */
static enum masa_err render(struct http_request *req, unsigned status,
                            const char *problem, const char *problem_href,
                            struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct gov_body body;
	struct gov_programme_entry *e;
	struct gov_meeting_row *meetings;
	const char *from = http_param(req, "from");
	const char *next_key = NULL;
	int64_t next_id = 0;
	char today[DATE_TEXT_SIZE];
	size_t n, nm;
	struct html h;
	enum masa_err rc;

	date_format(date_today(), today);
	if ((rc = gov_body_find(&req->gov, req->partnership->id,
	                        http_param(req, "body"), a, &body, err)) ||
	    (rc = gov_programme_list(&req->gov, &req->viewer, body.id, from, a,
	                             &e, &n, err)) ||
	    (rc = gov_meeting_list(&req->gov, req->partnership->id, body.id,
	                           NULL, NULL, 0, 0, a, &meetings, &nm, err)))
		return rc;
	for (size_t i = 0; i < nm && next_id == 0; i++)
		if (strcmp(meetings[i].m.date, today) >= 0 &&
		    strcmp(meetings[i].m.status, "cancelled") != 0) {
			next_id = meetings[i].m.id;
			next_key = meetings[i].m.key;
		}
	html_init(&h, HTTP_PAGE_MAX);
	{
		const struct govuk_breadcrumb crumbs[] = {
		        {.content.text = "Home", .href = "/"},
		        {.content.text = "Partnership", .href = "/structure"},
		        {.content.text = body.short_name,
		         .href = arena_printf(a, "/bodies/%s",
		                              body.short_name)},
		};
		page_begin(
		        &h, req,
		        &(struct page){
		                .title = arena_printf(a, "%sWork programme: %s",
		                                      problem ? "Error: " : "",
		                                      body.short_name),
		                .section = PAGE_STRUCTURE,
		                .breadcrumbs =
		                        &(struct govuk_breadcrumbs){
		                                .items = crumbs, .n_items = 3},
		                .full_width = true,
		        });
	}
	if (problem != NULL) {
		const struct govuk_error_summary_item item = {
		        .href = problem_href, .content.text = problem};
		govuk_error_summary(&h,
		                    &(struct govuk_error_summary){
		                            .title.text = "There is a problem",
		                            .error_list = &item,
		                            .n_errors = 1});
	} else if (http_param(req, "done") != NULL) {
		govuk_notification_banner(
		        &h,
		        &(struct govuk_notification_banner){
		                .type = "success",
		                .content.text = "The entry has been added to "
		                                "the work programme."});
	}
	page_heading(&h, body.name, "Work programme");
	if (from != NULL) {
		html_open(&h, "p", "class", "govuk-body", NULL);
		html_textf(&h, "Entries from %s.", actions_date_words(a, from));
		html_close(&h);
	}
	if (n == 0)
		html_elem(&h, "p", "Nothing is planned yet.", "class",
		          "govuk-body", NULL);
	for (size_t i = 0; i < n;) {
		const char *group = NULL;
		size_t k = i;
		/* Entries come standing items first, then by date. */
		while (k < n) {
			const char *when = e[k].month;
			for (size_t m = 0; m < nm; m++)
				if (meetings[m].m.id == e[k].meeting_id)
					when = arena_printf(a, "%.7s",
					                    meetings[m].m.date);
			if (k == i)
				group = when;
			else if ((when == NULL) != (group == NULL) ||
			         (when && strcmp(when, group) != 0))
				break;
			k++;
		}
		const char *caption =
		        group ? month_words(a, group) : "Standing items";
		page_table_wrap_begin(&h, caption);
		html_open(&h, "table", "class", "govuk-table", NULL);
		html_elem(&h, "caption", caption, "class",
		          "govuk-table__caption govuk-table__caption--m", NULL);
		html_open(&h, "thead", "class", "govuk-table__head", NULL);
		html_open(&h, "tr", "class", "govuk-table__row", NULL);
		static const char *const heads[] = {"Meeting", "Item",
		                                    "Comes from", "Status"};
		for (size_t c = 0; c < 4; c++)
			html_elem(&h, "th", heads[c], "scope", "col", "class",
			          "govuk-table__header", NULL);
		html_close_to(&h, "thead");
		html_open(&h, "tbody", "class", "govuk-table__body", NULL);
		for (; i < k; i++) {
			char *origin = NULL;
			const char *mkey = NULL;
			if ((rc = gov_programme_origin(&req->gov, &e[i], a,
			                               &origin, err)))
				goto fail;
			for (size_t m = 0; m < nm; m++)
				if (meetings[m].m.id == e[i].meeting_id)
					mkey = meetings[m].m.key;
			html_open(&h, "tr", "class", "govuk-table__row", NULL);
			html_open(&h, "td", "class", "govuk-table__cell",
			          "data-label", "Meeting", NULL);
			if (mkey)
				html_elem(&h, "a", mkey, "href",
				          arena_printf(a, "/meetings/%s", mkey),
				          "class", "govuk-link", NULL);
			else
				html_text(&h, e[i].month ? "Month to be fixed"
				                         : "Every meeting");
			html_close(&h);
			html_open(&h, "td", "class", "govuk-table__cell",
			          "data-label", "Item", NULL);
			html_text(&h, e[i].title);
			if (e[i].notes) {
				html_void(&h, "br", NULL);
				html_elem(&h, "span", e[i].notes, "class",
				          "govuk-body-s", NULL);
			}
			html_close(&h);
			html_open(&h, "td", "class", "govuk-table__cell",
			          "data-label", "Comes from", NULL);
			html_text(&h, words(e[i].source));
			if (origin) {
				const char *space = strchr(origin, ' ');
				const char *of = strstr(origin, " of ");
				html_text(&h, ": ");
				/* "resolution (3) of ILSC/2019-07-09 item
				 * 16": the meeting links to its minutes. */
				if (of && (space = strchr(of + 4, ' '))) {
					const char *key = arena_strndup(
					        a, of + 4,
					        (size_t)(space - of - 4));
					html_elem(&h, "a", origin, "href",
					          arena_printf(a,
					                       "/meetings/%s",
					                       key),
					          "class", "govuk-link", NULL);
				} else {
					html_text(&h, origin);
				}
			}
			html_close(&h);
			html_open(&h, "td", "class", "govuk-table__cell",
			          "data-label", "Status", NULL);
			html_elem(&h, "strong", words(e[i].status), "class",
			          strcmp(e[i].status, "done") == 0
			                  ? "govuk-tag govuk-tag--green"
			                  : "govuk-tag govuk-tag--blue",
			          NULL);
			html_close_to(&h, "tr");
		}
		html_close_to(&h, "div");
	}
	if (req->account != NULL && next_id != 0) {
		struct gov_matters_arising ma;
		if ((rc = gov_matters_arising(&req->gov, &req->viewer, next_id,
		                              a, &ma, err)))
			goto fail;
		html_open(&h, "h2", "class", "govuk-heading-m", NULL);
		html_textf(&h, "Matters arising for %s", next_key);
		html_close(&h);
		html_open(&h, "p", "class", "govuk-body", NULL);
		html_textf(&h, "%zu open action%s", ma.nactions,
		           ma.nactions == 1 ? "" : "s");
		if (ma.ndeferred)
			html_textf(&h, " and %zu deferred item%s", ma.ndeferred,
			           ma.ndeferred == 1 ? "" : "s");
		html_text(&h, ". ");
		html_elem(
		        &h, "a", "See the action log", "href",
		        arena_printf(a, "/bodies/%s/actions", body.short_name),
		        "class", "govuk-link", NULL);
		html_close(&h);
		html_open(&h, "ul", "class", "govuk-list govuk-list--bullet",
		          NULL);
		for (size_t i = 0; i < ma.nactions; i++) {
			html_open(&h, "li", NULL);
			html_elem(&h, "a", ma.actions[i].action.key, "href",
			          actions_href(a, ma.actions[i].action.key),
			          "class", "govuk-link", NULL);
			html_textf(&h, ": %.120s",
			           ma.actions[i].action.details);
			html_close(&h);
		}
		for (size_t i = 0; i < ma.ndeferred; i++)
			html_elem(&h, "li",
			          arena_printf(a, "Deferred item %s: %s",
			                       ma.deferred[i].number,
			                       ma.deferred[i].title),
			          NULL);
		html_close(&h);
	}
	if (gov_may_administer(&req->viewer, req->partnership->id)) {
		struct govuk_select_item *mi =
		        arena_alloc(a, (nm + 1) * sizeof *mi);
		struct govuk_select_item si[5];
		size_t k = 0;
		memset(mi, 0, (nm + 1) * sizeof *mi);
		mi[k++] = (struct govuk_select_item){
		        .value = "", .text = "No meeting fixed yet"};
		for (size_t i = 0; i < nm; i++)
			if (strcmp(meetings[i].m.date, today) >= 0)
				mi[k++] = (struct govuk_select_item){
				        .value = meetings[i].m.key,
				        .text = meetings[i].m.key};
		for (int i = 0; i < 5; i++)
			si[i] = (struct govuk_select_item){
			        .value = gov_programme_sources[i],
			        .text = words(gov_programme_sources[i])};
		html_elem(&h, "h2", "Add an entry", "class", "govuk-heading-m",
		          NULL);
		page_form_begin(&h, req,
		                arena_printf(a, "/bodies/%s/programme",
		                             body.short_name));
		govuk_input(
		        &h,
		        &(struct govuk_input){
		                .name = "title",
		                .value = problem ? http_param(req, "title")
		                                 : NULL,
		                .field.label.content.text = "Title",
		                .field.error_message =
		                        problem && strcmp(problem_href,
		                                          "#title") == 0
		                                ? &(struct
		                                    govuk_error_message){.content.text =
		                                                                 problem}
		                                : NULL,
		        });
		govuk_select(&h, &(struct govuk_select){
		                         .name = "meeting",
		                         .items = mi,
		                         .n_items = k,
		                         .value = http_param(req, "meeting"),
		                         .field.label.content.text = "Meeting",
		                 });
		write_month_input(
		        &h, req,
		        problem && strcmp(problem_href, "#when-month") == 0
		                ? problem
		                : NULL);
		govuk_select(
		        &h, &(struct govuk_select){
		                    .name = "source",
		                    .items = si,
		                    .n_items = 5,
		                    .value = http_param(req, "source")
		                                     ? http_param(req, "source")
		                                     : "other",
		                    .field.label.content.text = "Comes from",
		            });
		govuk_textarea(
		        &h, &(struct govuk_textarea){
		                    .name = "notes",
		                    .rows = 3,
		                    .value = problem ? http_param(req, "notes")
		                                     : NULL,
		                    .field.label.content.text = "Notes",
		            });
		govuk_button(&h, &(struct govuk_button){.content.text =
		                                                "Add entry"});
		html_close_to(&h, "form");
	}
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
fail:
	html_free(&h);
	return rc;
}

enum masa_err programme_page(struct http_request *req, struct masa_error *err)
{
	return render(req, 200, NULL, NULL, err);
}

enum masa_err programme_add(struct http_request *req, struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct gov_body body;
	const char *title = http_param(req, "title");
	const char *meeting = http_param(req, "meeting");
	/* The month's fields; "month" as YYYY-MM from older pages too. */
	const char *month = http_param(req, "month");
	const char *when_month = http_param(req, "when-month");
	const char *when_year = http_param(req, "when-year");
	const char *source = http_param(req, "source");
	struct gov_programme_entry e = {0};
	struct masa_error why = {0};
	enum masa_err rc;

	rc = gov_body_find(&req->gov, req->partnership->id,
	                   http_param(req, "body"), a, &body, err);
	if (rc != MASA_OK)
		return rc;
	if (text_is_blank(title))
		return render(req, 400, "Enter the title of the entry",
		              "#title", err);
	if (meeting == NULL && month == NULL &&
	    (!text_is_blank(when_month) || !text_is_blank(when_year))) {
		struct govuk_date_typed t = {
		        .day = "1", .month = when_month, .year = when_year};
		char iso[11], message[GOVUK_DATE_MESSAGE_SIZE];
		if (!govuk_date_read(&t, "The month", false, iso, message))
			return render(req, 400, arena_strdup(a, message),
			              "#when-month", err);
		month = arena_strndup(a, iso, 7);
	}
	e.body_id = body.id;
	e.title = (char *)title;
	e.source = (char *)(source ? source : "other");
	e.status = "planned";
	e.notes = (char *)http_param(req, "notes");
	if (meeting != NULL) {
		struct gov_meeting m;
		if (gov_meeting_find(&req->gov, req->partnership->id, meeting,
		                     a, &m, &why) != MASA_OK ||
		    m.body_id != body.id)
			return render(req, 400,
			              "Choose one of the body's meetings",
			              "#meeting", err);
		e.meeting_id = m.id;
	} else if (month != NULL) {
		date_days d;
		if (strlen(month) != 7 ||
		    date_parse(arena_printf(a, "%s-01", month), &d, NULL) !=
		            MASA_OK)
			return render(req, 400,
			              "Enter the month as a year and month, "
			              "for example 2025-09",
			              "#month", err);
		e.month = (char *)month;
	} else if (strcmp(e.source, "standing_item") != 0) {
		return render(req, 400,
		              "Choose a meeting or enter a month (only a "
		              "standing item needs neither)",
		              "#month", err);
	}
	rc = gov_programme_create(&req->gov, &e, &why);
	if (rc == MASA_ERR_INVALID || rc == MASA_ERR_CONFLICT)
		return render(req, 400, arena_strdup(a, why.message), "#title",
		              err);
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return http_respond_redirect(
	        req,
	        arena_printf(a, "/bodies/%s/programme?done=added",
	                     body.short_name),
	        err);
}

/* Work programmes. */
const struct route programme_routes[] = {
        {"GET", "/bodies/{body}/programme", programme_page_params,
         GOV_ROLE_PUBLIC, programme_page, .cache = true},
        {"POST", "/bodies/{body}/programme", programme_add_params,
         GOV_ROLE_ADMIN, programme_add},
        {0},
};
