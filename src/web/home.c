/*
 * home: the home page (see home.h).
 */
#include "web/home.h"

#include <string.h>

#include "core/date.h"
#include "gov/action.h"
#include "gov/dashboard.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "http/server.h"
#include "web/actions.h"
#include "web/layout.h"
#include "web/reviews.h"

enum {
	UPCOMING_MAX = 10,  /* next meetings shown */
	PUBLISHED_MAX = 5,  /* minutes published last */
	WAITING_MAX = 10,   /* meetings waiting for minutes, per list */
	DUE_SOON_DAYS = 28, /* "due in the next four weeks" */
};

static void heading_m(struct html *h, const char *text)
{
	html_elem(h, "h2", text, "class", "govuk-heading-m", NULL);
}

static const char *meeting_href(struct arena *a, const char *key)
{
	return arena_printf(a, "/meetings/%s", key);
}

/* A list of meetings as links: "4 December 2014: RLSCB board". */
static void meeting_list(struct http_request *req, struct html *h,
                         const struct gov_meeting_row *r, size_t n,
                         const char *empty)
{
	struct arena *a = &req->arena;

	if (n == 0) {
		html_elem(h, "p", empty, "class", "govuk-body", NULL);
		return;
	}
	html_open(h, "ul", "class", "govuk-list", NULL);
	for (size_t i = 0; i < n; i++) {
		html_open(h, "li", NULL);
		html_elem(h, "a",
		          arena_printf(a, "%s: %s",
		                       actions_date_words(a, r[i].m.date),
		                       r[i].m.name ? r[i].m.name
		                                   : r[i].body_name),
		          "href", meeting_href(a, r[i].m.key), "class",
		          "govuk-link", NULL);
		if (r[i].m.start_time)
			html_textf(h, " at %s", r[i].m.start_time);
		html_close(h);
	}
	html_close(h);
}

/* One group of the viewer's actions as a table. */
static void my_action_table(struct http_request *req, struct html *h,
                            const char *caption,
                            const struct gov_action_entry *const *e, size_t n)
{
	struct arena *a = &req->arena;

	page_table_wrap_begin(h, caption);
	html_open(h, "table", "class", "govuk-table", NULL);
	html_elem(h, "caption", caption, "class",
	          "govuk-table__caption govuk-table__caption--s", NULL);
	html_open(h, "thead", "class", "govuk-table__head", NULL);
	html_open(h, "tr", "class", "govuk-table__row", NULL);
	static const char *const heads[] = {"Reference", "Details", "Due",
	                                    "Body"};
	for (size_t i = 0; i < 4; i++)
		html_elem(h, "th", heads[i], "scope", "col", "class",
		          "govuk-table__header", NULL);
	html_close_to(h, "thead");
	html_open(h, "tbody", "class", "govuk-table__body", NULL);
	for (size_t i = 0; i < n; i++) {
		html_open(h, "tr", "class", "govuk-table__row", NULL);
		html_open(h, "td", "class", "govuk-table__cell", "data-label",
		          "Reference", NULL);
		html_elem(h, "a", e[i]->action.key, "href",
		          actions_href(a, e[i]->action.key), "class",
		          "govuk-link", NULL);
		html_close(h);
		html_elem(h, "td", e[i]->action.details, "class",
		          "govuk-table__cell", "data-label", "Details", NULL);
		html_open(h, "td", "class", "govuk-table__cell", "data-label",
		          "Due", NULL);
		html_text(h, e[i]->due ? actions_date_words(a, e[i]->due)
		                       : "No date");
		if (e[i]->days_overdue > 0) {
			html_void(h, "br", NULL);
			html_textf(h, "%ld days overdue", e[i]->days_overdue);
		}
		html_close(h);
		html_open(h, "td", "class", "govuk-table__cell", "data-label",
		          "Body", NULL);
		html_elem(h, "a", e[i]->body_short_name, "href",
		          arena_printf(a, "/bodies/%s/actions",
		                       e[i]->body_short_name),
		          "class", "govuk-link", NULL);
		html_close_to(h, "tr");
	}
	html_close_to(h, "div");
}

static enum masa_err my_actions(struct http_request *req, struct html *h,
                                const char *today, struct masa_error *err)
{
	struct arena *a = &req->arena;
	const struct gov_viewer *v = &req->viewer;
	struct gov_action_filter f = {.on = today, .include_all_members = true};
	struct gov_action_entry *e;
	const struct gov_action_entry **late, **soon, **later;
	size_t n, nlate = 0, nsoon = 0, nlater = 0;
	const char *list; /* /actions filtered to the viewer's */
	char soon_end[DATE_TEXT_SIZE];
	date_days d;
	enum masa_err rc;

	if (v->role == GOV_ROLE_PARTNER && v->organisation_id != 0) {
		struct gov_organisation o;
		rc = gov_organisation_get(&req->gov, v->organisation_id, a, &o,
		                          err);
		if (rc != MASA_OK)
			return rc;
		f.organisation_id = o.id;
		list = arena_printf(a, "/actions?organisation=%s",
		                    actions_query_escape(a, o.key));
	} else if (v->person_id != 0) {
		struct gov_person p;
		rc = gov_person_get(&req->gov, v->person_id, a, &p, err);
		if (rc != MASA_OK)
			return rc;
		f.person_id = p.id;
		list = arena_printf(a, "/actions?owner=%s",
		                    actions_query_escape(a, p.key));
	} else {
		return MASA_OK; /* an account for no one owns no actions */
	}
	rc = gov_action_open_list(&req->gov, v, &f, a, &e, &n, err);
	if (rc != MASA_OK)
		return rc;
	date_parse(today, &d, NULL);
	date_format(d + DUE_SOON_DAYS, soon_end);
	late = arena_alloc(a, (n + 1) * sizeof *late);
	soon = arena_alloc(a, (n + 1) * sizeof *soon);
	later = arena_alloc(a, (n + 1) * sizeof *later);
	for (size_t i = 0; i < n; i++) {
		if (e[i].days_overdue > 0)
			late[nlate++] = &e[i];
		else if (e[i].due && strcmp(e[i].due, soon_end) <= 0)
			soon[nsoon++] = &e[i];
		else
			later[nlater++] = &e[i];
	}
	heading_m(h, f.organisation_id ? "My organisation's actions"
	                               : "My actions");
	html_open(h, "p", "class", "govuk-body", NULL);
	html_elem(h, "a",
	          arena_printf(a, "%zu open action%s", n, n == 1 ? "" : "s"),
	          "href", list, "class", "govuk-link", NULL);
	html_text(h, ", of which ");
	html_elem(h, "a", arena_printf(a, "%zu overdue", nlate), "href",
	          arena_printf(a, "%s&overdue=yes", list), "class",
	          "govuk-link", NULL);
	html_textf(h, " and %zu due in the next %d days.", nsoon,
	           DUE_SOON_DAYS);
	html_close(h);
	if (nlate)
		my_action_table(req, h, "Overdue", late, nlate);
	if (nsoon)
		my_action_table(req, h,
		                arena_printf(a, "Due in the next %d days",
		                             DUE_SOON_DAYS),
		                soon, nsoon);
	if (nlater)
		my_action_table(req, h, "Due later or with no date", later,
		                nlater);
	return MASA_OK;
}

static enum masa_err waiting(struct http_request *req, struct html *h,
                             const char *today, struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct gov_meeting_row *draft, *approved;
	struct gov_action_org_count *c;
	size_t nd, na, td, ta, nc;
	enum masa_err rc;

	if ((rc = gov_dashboard_minutes_waiting(&req->gov, req->partnership->id,
	                                        "draft", today, WAITING_MAX, a,
	                                        &draft, &nd, &td, err)) ||
	    (rc = gov_dashboard_minutes_waiting(&req->gov, req->partnership->id,
	                                        "approved", today, WAITING_MAX,
	                                        a, &approved, &na, &ta, err)) ||
	    (rc = gov_action_counts_by_organisation(&req->gov, &req->viewer,
	                                            today, a, &c, &nc, err)))
		return rc;
	heading_m(h, "Waiting");
	html_elem(h, "h3", arena_printf(a, "Minutes not yet approved: %zu", td),
	          "class", "govuk-heading-s", NULL);
	meeting_list(req, h, draft, nd,
	             "Every meeting held has approved minutes.");
	if (td > nd)
		html_elem(h, "p",
		          arena_printf(a, "The %zu oldest are shown.", nd),
		          "class", "govuk-body-s", NULL);
	html_elem(
	        h, "h3",
	        arena_printf(a, "Minutes approved, not yet published: %zu", ta),
	        "class", "govuk-heading-s", NULL);
	meeting_list(req, h, approved, na,
	             "Every approved set of minutes is published.");
	if (ta > na)
		html_elem(h, "p",
		          arena_printf(a, "The %zu oldest are shown.", na),
		          "class", "govuk-body-s", NULL);
	page_table_wrap_begin(h, "Open and overdue actions by organisation");
	html_open(h, "table", "class", "govuk-table", NULL);
	html_elem(h, "caption", "Open and overdue actions by organisation",
	          "class", "govuk-table__caption govuk-table__caption--s",
	          NULL);
	html_open(h, "thead", "class", "govuk-table__head", NULL);
	html_open(h, "tr", "class", "govuk-table__row", NULL);
	html_elem(h, "th", "Organisation", "scope", "col", "class",
	          "govuk-table__header", NULL);
	html_elem(h, "th", "Open", "scope", "col", "class",
	          "govuk-table__header govuk-table__header--numeric", NULL);
	html_elem(h, "th", "Overdue", "scope", "col", "class",
	          "govuk-table__header govuk-table__header--numeric", NULL);
	html_close_to(h, "thead");
	html_open(h, "tbody", "class", "govuk-table__body", NULL);
	for (size_t i = 0; i < nc; i++) {
		const char *list = arena_printf(
		        a, "/actions?organisation=%s",
		        actions_query_escape(a, c[i].organisation_key
		                                        ? c[i].organisation_key
		                                        : ""));
		html_open(h, "tr", "class", "govuk-table__row", NULL);
		html_elem(h, "td", c[i].organisation_name, "class",
		          "govuk-table__cell", "data-label", "Organisation",
		          NULL);
		html_open(h, "td", "class",
		          "govuk-table__cell govuk-table__cell--numeric",
		          "data-label", "Open", NULL);
		html_elem(h, "a", arena_printf(a, "%d", c[i].open), "href",
		          list, "class", "govuk-link", NULL);
		html_close(h);
		html_open(h, "td", "class",
		          "govuk-table__cell govuk-table__cell--numeric",
		          "data-label", "Overdue", NULL);
		html_elem(h, "a", arena_printf(a, "%d", c[i].overdue), "href",
		          arena_printf(a, "%s&overdue=yes", list), "class",
		          "govuk-link", NULL);
		html_close_to(h, "tr");
	}
	html_close_to(h, "div");
	return MASA_OK;
}

enum masa_err home_page(struct http_request *req, struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct gov_meeting_row *upcoming, *published, *mine;
	size_t nu, np, nm = 0;
	char today[DATE_TEXT_SIZE];
	struct html h;
	enum masa_err rc;

	date_format(date_today(), today);
	/* With the meetings of bodies serving it from other partnerships. */
	if ((rc = gov_meeting_list_seen(&req->gov, req->partnership->id, today,
	                                NULL, UPCOMING_MAX, 0, a, &upcoming,
	                                &nu, err)) ||
	    (rc = gov_dashboard_published(&req->gov, req->partnership->id,
	                                  PUBLISHED_MAX, a, &published, &np,
	                                  err)))
		return rc;
	if (req->account != NULL && req->viewer.person_id != 0 &&
	    (rc = gov_dashboard_my_meetings(&req->gov, req->viewer.person_id,
	                                    today, UPCOMING_MAX, a, &mine, &nm,
	                                    err)))
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req, &(struct page){.section = PAGE_HOME});
	page_heading(&h, NULL, req->partnership->name);
	html_elem(&h, "p",
	          "The meetings, minutes, action logs and work programmes of "
	          "the local safeguarding children partnership.",
	          "class", "govuk-body-l", NULL);
	if (req->account != NULL) {
		if ((rc = my_actions(req, &h, today, err)))
			goto fail;
		if (req->viewer.person_id != 0) {
			heading_m(&h, "My next meetings");
			meeting_list(req, &h, mine, nm,
			             "No meetings of your bodies are planned.");
		}
		if (gov_may_administer(&req->viewer, req->partnership->id) &&
		    (rc = waiting(req, &h, today, err)))
			goto fail;
		if ((rc = reviews_clock_panel(req, &h, err)))
			goto fail;
	}
	heading_m(&h, "Upcoming meetings");
	meeting_list(req, &h, upcoming, nu, "No meetings are planned yet.");
	heading_m(&h, "Recently published minutes");
	meeting_list(req, &h, published, np, "No minutes are published yet.");
	heading_m(&h, "Find out more");
	html_open(&h, "ul", "class", "govuk-list", NULL);
	html_open(&h, "li", NULL);
	html_elem(&h, "a", "How the partnership is organised", "href",
	          "/structure", "class", "govuk-link", NULL);
	html_close(&h);
	html_open(&h, "li", NULL);
	html_elem(&h, "a", "Calendar of meetings", "href", "/meetings", "class",
	          "govuk-link", NULL);
	html_close(&h);
	if (req->account != NULL) {
		html_open(&h, "li", NULL);
		html_elem(&h, "a", "Action logs", "href", "/actions", "class",
		          "govuk-link", NULL);
		html_close(&h);
	}
	html_close(&h);
	page_end(&h, req);
	rc = http_respond_html(req, 200, &h, err);
fail:
	html_free(&h);
	return rc;
}

/* The home page. */
const struct route home_routes[] = {
        {"GET", "/", NULL, GOV_ROLE_PUBLIC, home_page, .cache = true},
        {0},
};
