/*
 * structure: the structure page and the body pages (see structure.h).
 */
#include "web/structure.h"

#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "gov/body.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "http/server.h"
#include "web/calendar.h"
#include "web/layout.h"
#include "web/setup.h"

enum { TREE_MAX_DEPTH = 32 }; /* parents never loop; this bounds a bug */

static const char *kind_text(const char *kind)
{
	static const struct {
		const char *kind, *text;
	} kinds[] = {
	        {"chief_officers_group", "Chief officers' group"},
	        {"executive", "Executive group"},
	        {"subgroup", "Sub-group"},
	        {"panel", "Panel"},
	        {"wider_partnership", "Wider partnership"},
	        {"scrutiny_committee", "Scrutiny committee"},
	        {"board", "Board"},
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (kind && strcmp(kind, kinds[i].kind) == 0)
			return kinds[i].text;
	return kind;
}

static const char *role_text(const char *role)
{
	static const struct {
		const char *role, *text;
	} roles[] = {
	        {"chair", "Chair"},
	        {"vice_chair", "Vice chair"},
	        {"deputy_chair", "Deputy chair"},
	        {"member", "Member"},
	        {"advisor", "Adviser"},
	        {"co_optee", "Co-opted member"},
	        {"lay_member", "Lay member"},
	        {"minute_taker", "Minute taker"},
	        {"officer", "Officer"},
	};
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (role && strcmp(role, roles[i].role) == 0)
			return roles[i].text;
	return role;
}

/* Did b exist on date on? Dates are ISO text: text order is date order. */
static bool exists_on(const struct gov_body *b, const char *on)
{
	return !(b->founding_date && strcmp(on, b->founding_date) < 0) &&
	       !(b->dissolution_date && strcmp(on, b->dissolution_date) > 0);
}

static void today_text(char out[DATE_TEXT_SIZE])
{
	date_format(date_today(), out);
}

/* ---- GET /structure ---- */

static const char *const yes_choices[] = {"yes", NULL};

const struct route_param structure_params[] = {
        {.name = "on",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_DATE,
         .soft = true,
         .label = "The date to show the partnership on"},
        PAGE_DATE_PARAMS("on", ROUTE_IN_QUERY),
        {.name = "past",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = yes_choices},
        {.name = NULL},
};

struct tree {
	const struct gov_body *bodies;
	size_t n;
	const char *on;
	const char *on_query; /* "?on=DATE" when the page was given one */
	bool past;
	struct arena *a;
};

static bool shown(const struct tree *t, const struct gov_body *b)
{
	return t->past || exists_on(b, t->on);
}

/* Is any body under parent_id shown? */
static bool any_shown_under(const struct tree *t, int64_t parent_id, int depth)
{
	if (depth > TREE_MAX_DEPTH)
		return false;
	for (size_t i = 0; i < t->n; i++)
		if (t->bodies[i].parent_id == parent_id &&
		    (shown(t, &t->bodies[i]) ||
		     any_shown_under(t, t->bodies[i].id, depth + 1)))
			return true;
	return false;
}

static void write_body_item(struct html *h, const struct tree *t,
                            const struct gov_body *b)
{
	struct arena *a = t->a;

	html_elem(h, "a", arena_printf(a, "%s (%s)", b->name, b->short_name),
	          "href",
	          arena_printf(a, "/bodies/%s%s", b->short_name, t->on_query),
	          "class", "govuk-link", NULL);
	html_open(h, "span", "class", "govuk-hint govuk-!-margin-bottom-0",
	          NULL);
	html_text(h, kind_text(b->kind));
	if (b->founding_date)
		html_textf(h, ", from %s",
		           calendar_date_text(a, b->founding_date));
	if (b->dissolution_date)
		html_textf(h, ", until %s",
		           calendar_date_text(a, b->dissolution_date));
	html_close(h);
	if (!exists_on(b, t->on))
		govuk_tag(
		        h,
		        &(struct govuk_tag){
		                .content.text =
		                        b->founding_date &&
		                                        strcmp(t->on,
		                                               b->founding_date) <
		                                                0
		                                ? "Not yet founded"
		                                : "Dissolved",
		                .classes = "govuk-tag--grey",
		        });
}

/*
 * The bodies under parent_id, in the order created; a body not shown
 * gives its place to its children, so that a body outliving its parent
 * (a panel of a dissolved board) still appears.
 */
static void write_level(struct html *h, const struct tree *t, int64_t parent_id,
                        int depth)
{
	if (depth > TREE_MAX_DEPTH)
		return;
	for (size_t i = 0; i < t->n; i++) {
		const struct gov_body *b = &t->bodies[i];

		if (b->parent_id != parent_id)
			continue;
		if (!shown(t, b)) {
			write_level(h, t, b->id, depth + 1);
			continue;
		}
		html_open(h, "li", NULL);
		write_body_item(h, t, b);
		if (any_shown_under(t, b->id, depth + 1)) {
			html_open(h, "ul", "class",
			          "govuk-list govuk-list--bullet", NULL);
			write_level(h, t, b->id, depth + 1);
			html_close(h);
		}
		html_close(h);
	}
}

/* The name of partnership id, for a body serving from there; in a. */
static const char *home_name(struct http_request *req, int64_t id)
{
	struct gov_partnership p;
	struct masa_error err = {0};

	if (gov_partnership_get(&req->gov, id, &req->arena, &p, &err) !=
	    MASA_OK)
		return "another partnership";
	return p.name;
}

/*
 * The bodies of other partnerships serving this one (a regional panel),
 * served[0..n), each with the partnership it belongs to.
 */
static void write_served(struct html *h, struct http_request *req,
                         const struct tree *t, const struct gov_body *served,
                         size_t n)
{
	size_t shown_n = 0;

	for (size_t i = 0; i < n; i++)
		shown_n += shown(t, &served[i]);
	if (shown_n == 0)
		return;
	html_elem(h, "h2", "Bodies shared with other partnerships", "class",
	          "govuk-heading-m", NULL);
	html_elem(h, "p",
	          "These bodies belong to another partnership and serve this "
	          "one too. Their published minutes can be read here.",
	          "class", "govuk-body", NULL);
	html_open(h, "ul", "class", "govuk-list govuk-list--bullet", NULL);
	for (size_t i = 0; i < n; i++) {
		if (!shown(t, &served[i]))
			continue;
		html_open(h, "li", NULL);
		write_body_item(h, t, &served[i]);
		html_open(h, "span", "class",
		          "govuk-hint govuk-!-margin-bottom-0", NULL);
		html_textf(h, "Hosted by %s",
		           home_name(req, served[i].partnership_id));
		html_close(h);
		html_close(h);
	}
	html_close(h);
}

enum masa_err structure_page(struct http_request *req, struct masa_error *err)
{
	struct arena *a = &req->arena;
	const char *on_error;
	const char *given = page_soft_date(
	        req, "on", "The date to show the partnership on", &on_error);
	bool past = http_param(req, "past") != NULL;
	char today[DATE_TEXT_SIZE];
	struct gov_body *bodies;
	struct tree t;
	size_t n, own = 0, existing = 0;
	struct html h;
	enum masa_err rc;
	static const struct govuk_breadcrumb crumbs[] = {
	        {.content.text = "Home", .href = "/"},
	        {.content.text = "Structure"},
	};

	today_text(today);
	/* Its own bodies, then those serving it from other partnerships. */
	rc = gov_body_list_seen(&req->gov, req->partnership->id, a, &bodies, &n,
	                        err);
	if (rc != MASA_OK)
		return rc;
	while (own < n && bodies[own].partnership_id == req->partnership->id)
		own++;
	t = (struct tree){
	        .bodies = bodies,
	        .n = own,
	        .on = given ? given : today,
	        .on_query = given ? arena_printf(a, "?on=%s", given) : "",
	        .past = past,
	        .a = a,
	};
	for (size_t i = 0; i < own; i++)
		existing += exists_on(&bodies[i], t.on);

	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){.title = "Structure",
	                          .section = PAGE_STRUCTURE,
	                          .breadcrumbs = &(struct govuk_breadcrumbs){
	                                  .items = crumbs, .n_items = 2}});
	page_heading(&h, req->partnership->name, "Structure");
	html_open(&h, "p", "class", "govuk-body", NULL);
	html_textf(&h,
	           "The partnership's boards, groups, panels and committees "
	           "on %s: %zu of %zu bodies existed then.",
	           calendar_date_text(a, t.on), existing, own);
	html_close(&h);

	page_get_form_begin(&h, "/structure");
	page_date_input(&h, req,
	                &(struct page_date_input){.prefix = "on",
	                                          .legend = "On the date",
	                                          .iso = t.on,
	                                          .error = on_error});
	govuk_checkboxes(
	        &h, &(struct govuk_checkboxes){
	                    .name = "past",
	                    .items =
	                            &(struct govuk_choice_item){
	                                    .value = "yes",
	                                    .content.text =
	                                            "Show past bodies, and "
	                                            "bodies not yet founded",
	                                    .checked = past ? GOVUK_TRUE
	                                                    : GOVUK_FALSE},
	                    .n_items = 1,
	                    .classes = "govuk-checkboxes--small",
	            });
	govuk_button(&h, &(struct govuk_button){
	                         .content.text = "Show the structure",
	                         .classes = "govuk-button--secondary",
	                 });
	html_close(&h);

	html_open(&h, "p", "class", "govuk-body", NULL);
	html_elem(&h, "a", past ? "Hide past bodies" : "Show past bodies",
	          "href",
	          arena_printf(a, "/structure?on=%s%s", t.on,
	                       past ? "" : "&past=yes"),
	          "class", "govuk-link", NULL);
	html_close(&h);

	html_elem(&h, "h2", "Bodies", "class", "govuk-heading-m", NULL);
	if (!any_shown_under(&t, 0, 0)) {
		html_elem(&h, "p",
		          "No body existed on this date. Show past bodies to "
		          "see them all.",
		          "class", "govuk-body", NULL);
	} else {
		html_open(&h, "ul", "class", "govuk-list govuk-list--bullet",
		          NULL);
		write_level(&h, &t, 0, 0);
		html_close(&h);
	}
	write_served(&h, req, &t, bodies + own, n - own);
	setup_structure_links(&h, req);
	page_end(&h, req);
	rc = http_respond_html(req, 200, &h, err);
	html_free(&h);
	return rc;
}

/* ---- GET /bodies/{body} ---- */

const struct route_param structure_body_params[] = {
        {.name = "body", .where = ROUTE_IN_PATH, .check = ROUTE_SHORT_NAME},
        {.name = "on",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_DATE,
         .soft = true,
         .label = "The date to show the partnership on"},
        PAGE_DATE_PARAMS("on", ROUTE_IN_QUERY),
        {.name = "page",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = 100000},
        {.name = NULL},
};

struct body_view {
	const struct gov_body *b;
	const struct gov_body *parent;
	const struct gov_body *const *children;
	size_t nchildren;
	const char *on_query;
	const char *hosted_by;   /* a body serving from another partnership */
	const char *also_serves; /* the other partnerships it serves */
	struct arena *a;
};

static void write_parent(struct html *h, const void *arg)
{
	const struct body_view *v = arg;

	html_elem(h, "a",
	          arena_printf(v->a, "%s (%s)", v->parent->name,
	                       v->parent->short_name),
	          "href",
	          arena_printf(v->a, "/bodies/%s%s", v->parent->short_name,
	                       v->on_query),
	          "class", "govuk-link", NULL);
}

static void write_children(struct html *h, const void *arg)
{
	const struct body_view *v = arg;

	html_open(h, "ul", "class", "govuk-list", NULL);
	for (size_t i = 0; i < v->nchildren; i++) {
		html_open(h, "li", NULL);
		html_elem(h, "a",
		          arena_printf(v->a, "%s (%s)", v->children[i]->name,
		                       v->children[i]->short_name),
		          "href",
		          arena_printf(v->a, "/bodies/%s%s",
		                       v->children[i]->short_name, v->on_query),
		          "class", "govuk-link", NULL);
		html_close(h);
	}
	html_close(h);
}

static void write_summary(struct html *h, const struct body_view *v)
{
	struct govuk_summary_list_row rows[10];
	size_t n = 0;
	const struct gov_body *b = v->b;
	const char *quorum = gov_body_quorum_text(v->a, b);

	memset(rows, 0, sizeof rows);
	rows[n].key.text = "Short name";
	rows[n++].value.text = b->short_name;
	rows[n].key.text = "Kind";
	rows[n++].value.text = kind_text(b->kind);
	if (v->hosted_by) {
		rows[n].key.text = "Hosted by";
		rows[n++].value.text = v->hosted_by;
	}
	if (v->also_serves) {
		rows[n].key.text = "Also serves";
		rows[n++].value.text = v->also_serves;
	}
	if (v->parent) {
		rows[n].key.text = "Part of";
		rows[n].value.write = write_parent;
		rows[n++].value.arg = v;
	}
	if (v->nchildren) {
		rows[n].key.text = "Its groups";
		rows[n].value.write = write_children;
		rows[n++].value.arg = v;
	}
	rows[n].key.text = "Founded";
	rows[n++].value.text =
	        b->founding_date ? calendar_date_text(v->a, b->founding_date)
	                         : "Before our records";
	rows[n].key.text = "Dissolved";
	rows[n++].value.text =
	        b->dissolution_date
	                ? calendar_date_text(v->a, b->dissolution_date)
	                : "Still meets";
	rows[n].key.text = "Quorum";
	rows[n++].value.text =
	        quorum && quorum[0] && strcmp(quorum, "none") != 0
	                ? quorum
	                : "No quorum rule recorded";
	govuk_summary_list(
	        h, &(struct govuk_summary_list){.rows = rows, .n_rows = n});
}

static void write_member_name(struct html *h, const void *arg)
{
	const struct gov_member *m = arg;

	if (m->honorific_prefix)
		html_textf(h, "%s %s", m->honorific_prefix, m->person_name);
	else
		html_text(h, m->person_name);
	if (m->job_title) {
		html_void(h, "br", NULL);
		html_text(h, m->job_title);
	}
	if (m->organisation_name) {
		html_void(h, "br", NULL);
		html_textf(h, "Representing %s", m->organisation_name);
	}
}

static void write_members(struct html *h, struct arena *a,
                          const struct gov_member *ms, size_t n,
                          const char *caption)
{
	static const struct govuk_table_cell head[] = {
	        {.content.text = "Role"},
	        {.content.text = "Member"},
	};
	struct govuk_table_cell *cells = arena_alloc(a, 2 * n * sizeof *cells);

	memset(cells, 0, 2 * n * sizeof *cells);
	for (size_t i = 0; i < n; i++) {
		const struct gov_member *m = &ms[i];
		const char *role = role_text(m->m.role);

		/* The role as printed ("Independent Chair") when it says
		 * more than the role's name. */
		if (m->m.label && strcasecmp(m->m.label, role) != 0)
			role = arena_printf(a, "%s (%s)", role, m->m.label);
		cells[2 * i].content.text = role;
		cells[2 * i + 1].content.write = write_member_name;
		cells[2 * i + 1].content.arg = m;
	}
	govuk_table(h, &(struct govuk_table){
	                       .caption = caption,
	                       .caption_classes = "govuk-visually-hidden",
	                       .head = head,
	                       .n_head = 2,
	                       .cells = cells,
	                       .n_rows = n,
	                       .n_columns = 2,
	               });
}

/* The GOV.UK pagination of pages pages, page current, linking to base. */
static void write_pagination(struct html *h, struct arena *a, const char *base,
                             long page, long pages)
{
	struct govuk_pagination_item items[9];
	size_t n = 0;
	long shown_from = page - 2 < 1 ? 1 : page - 2;
	long shown_to = page + 2 > pages ? pages : page + 2;

	memset(items, 0, sizeof items);
	if (shown_from > 1) {
		items[n].number = "1";
		items[n++].href = arena_printf(a, "%spage=1", base);
		if (shown_from > 2)
			items[n++].ellipsis = true;
	}
	for (long p = shown_from; p <= shown_to; p++) {
		items[n].number = arena_printf(a, "%ld", p);
		items[n].href = arena_printf(a, "%spage=%ld", base, p);
		items[n++].current = p == page;
	}
	if (shown_to < pages) {
		if (shown_to < pages - 1)
			items[n++].ellipsis = true;
		items[n].number = arena_printf(a, "%ld", pages);
		items[n++].href = arena_printf(a, "%spage=%ld", base, pages);
	}
	govuk_pagination(
	        h, &(struct govuk_pagination){
	                   .items = items,
	                   .n_items = n,
	                   .previous.href =
	                           page > 1 ? arena_printf(a, "%spage=%ld",
	                                                   base, page - 1)
	                                    : NULL,
	                   .next.href = page < pages
	                                        ? arena_printf(a, "%spage=%ld",
	                                                       base, page + 1)
	                                        : NULL,
	                   .landmark_label = "Past meetings: pages",
	           });
}

enum masa_err structure_body_page(struct http_request *req,
                                  struct masa_error *err)
{
	struct arena *a = &req->arena;
	const char *on_error;
	const char *given = page_soft_date(
	        req, "on", "The date to show the partnership on", &on_error);
	long page = http_param_long(req, "page", 1);
	char today[DATE_TEXT_SIZE], yesterday[DATE_TEXT_SIZE];
	struct gov_body *bodies, *b = NULL;
	const struct gov_body **children;
	struct gov_member *members;
	struct gov_meeting_row *upcoming, *past;
	size_t nbodies, nmembers, nupcoming, npast, past_total;
	struct body_view v = {.a = a};
	struct gov_partnership *served;
	size_t nserved;
	bool own;
	const char *on, *base;
	long pages;
	struct html h;
	enum masa_err rc;

	today_text(today);
	date_format(date_today() - 1, yesterday);
	on = given ? given : today;
	/* A body serving this partnership from another shows here too. */
	rc = gov_body_list_seen(&req->gov, req->partnership->id, a, &bodies,
	                        &nbodies, err);
	if (rc != MASA_OK)
		return rc;
	for (size_t i = 0; i < nbodies; i++)
		if (strcmp(bodies[i].short_name, http_param(req, "body")) == 0)
			b = &bodies[i];
	if (b == NULL)
		return masa_error_set(
		        err, MASA_ERR_NOT_FOUND,
		        "There is no body %s in %s. The structure "
		        "page lists them all.",
		        http_param(req, "body"), req->partnership->name);
	children = arena_alloc(a, (nbodies + 1) * sizeof *children);
	v.b = b;
	v.children = children;
	v.on_query = given ? arena_printf(a, "?on=%s", given) : "";
	for (size_t i = 0; i < nbodies; i++) {
		if (bodies[i].id == b->parent_id)
			v.parent = &bodies[i];
		if (bodies[i].parent_id == b->id)
			children[v.nchildren++] = &bodies[i];
	}
	own = b->partnership_id == req->partnership->id;
	if (!own)
		v.hosted_by = home_name(req, b->partnership_id);
	rc = gov_body_served(&req->gov, b->id, a, &served, &nserved, err);
	if (rc != MASA_OK)
		return rc;
	for (size_t i = 0; i < nserved; i++) {
		if (served[i].id == req->partnership->id)
			continue;
		v.also_serves =
		        v.also_serves ? arena_printf(a, "%s; %s", v.also_serves,
		                                     served[i].name)
		                      : served[i].name;
	}

	rc = gov_members_on(&req->gov, b->id, on, a, &members, &nmembers, err);
	if (rc == MASA_OK)
		rc = gov_meeting_list(&req->gov, req->partnership->id, b->id,
		                      today, NULL, STRUCTURE_UPCOMING_MAX, 0, a,
		                      &upcoming, &nupcoming, err);
	if (rc == MASA_OK)
		rc = gov_meeting_count(&req->gov, req->partnership->id, b->id,
		                       NULL, yesterday, &past_total, err);
	if (rc != MASA_OK)
		return rc;
	pages = past_total ? (long)((past_total - 1) /
	                                    STRUCTURE_MEETINGS_PER_PAGE +
	                            1)
	                   : 1;
	if (page > pages)
		return masa_error_set(
		        err, MASA_ERR_NOT_FOUND,
		        "page: %s has %ld page%s of past meetings",
		        b->short_name, pages, pages == 1 ? "" : "s");
	rc = gov_meeting_list_newest(
	        &req->gov, b->id, NULL, yesterday, STRUCTURE_MEETINGS_PER_PAGE,
	        (int)((page - 1) * STRUCTURE_MEETINGS_PER_PAGE), a, &past,
	        &npast, err);
	if (rc != MASA_OK)
		return rc;

	const struct govuk_breadcrumb crumbs[] = {
	        {.content.text = "Home", .href = "/"},
	        {.content.text = "Structure",
	         .href = arena_printf(a, "/structure%s", v.on_query)},
	        {.content.text = b->short_name},
	};
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){.title = b->name,
	                          .section = PAGE_STRUCTURE,
	                          .breadcrumbs = &(struct govuk_breadcrumbs){
	                                  .items = crumbs, .n_items = 3}});
	page_heading(&h, b->short_name, b->name);
	write_summary(&h, &v);

	html_open(&h, "ul", "class", "govuk-list", NULL);
	/* Action logs and programmes stay with the body's own partnership. */
	if (req->account != NULL && own) {
		html_open(&h, "li", NULL);
		html_elem(&h, "a", "Action log", "href",
		          arena_printf(a, "/bodies/%s/actions", b->short_name),
		          "class", "govuk-link", NULL);
		html_close(&h);
	}
	/* The work programme is public (issue 12). */
	if (own) {
		html_open(&h, "li", NULL);
		html_elem(
		        &h, "a", "Work programme", "href",
		        arena_printf(a, "/bodies/%s/programme", b->short_name),
		        "class", "govuk-link", NULL);
		html_close(&h);
	}
	setup_body_links(&h, req, b);
	html_open(&h, "li", NULL);
	html_elem(&h, "a",
	          "Add this body's meetings to your calendar "
	          "(iCalendar)",
	          "href",
	          arena_printf(a, "/bodies/%s/calendar.ics", b->short_name),
	          "class", "govuk-link", NULL);
	html_close(&h);
	html_close(&h);

	html_open(&h, "h2", "class", "govuk-heading-m", "id", "members", NULL);
	html_textf(&h, "Members on %s", calendar_date_text(a, on));
	html_close(&h);
	if (nmembers == 0) {
		html_open(&h, "p", "class", "govuk-body", NULL);
		html_textf(&h, "Nobody sat on %s on this date", b->short_name);
		if (b->dissolution_date && strcmp(on, b->dissolution_date) > 0)
			html_textf(&h, ": it was dissolved on %s",
			           calendar_date_text(a, b->dissolution_date));
		else if (b->founding_date && strcmp(on, b->founding_date) < 0)
			html_textf(&h, ": it was founded on %s",
			           calendar_date_text(a, b->founding_date));
		html_text(&h, ".");
		html_close(&h);
	} else {
		write_members(&h, a, members, nmembers,
		              arena_printf(a, "Members of %s on %s",
		                           b->short_name,
		                           calendar_date_text(a, on)));
	}
	html_open(&h, "p", "class", "govuk-body", NULL);
	html_elem(&h, "a", "Members on another date", "href", "#on", "class",
	          "govuk-link", NULL);
	html_close(&h);
	page_get_form_begin(
	        &h, arena_printf(a, "/bodies/%s#members", b->short_name));
	page_date_input(&h, req,
	                &(struct page_date_input){
	                        .prefix = "on",
	                        .legend = "See the members on another date",
	                        .iso = on,
	                        .error = on_error});
	govuk_button(&h, &(struct govuk_button){
	                         .content.text = "Show members",
	                         .classes = "govuk-button--secondary",
	                 });
	html_close(&h);

	html_elem(&h, "h2", "Upcoming meetings", "class", "govuk-heading-m",
	          NULL);
	if (nupcoming == 0)
		html_elem(&h, "p", "No meetings are planned.", "class",
		          "govuk-body", NULL);
	else
		calendar_meeting_table(&h, req, a, upcoming, nupcoming,
		                       "Upcoming meetings", true, false);
	html_elem(&h, "h2", "Past meetings", "id", "past", "class",
	          "govuk-heading-m", NULL);
	if (npast == 0) {
		html_elem(&h, "p", "No past meetings.", "class", "govuk-body",
		          NULL);
	} else {
		calendar_meeting_table(
		        &h, req, a, past, npast,
		        arena_printf(a, "Past meetings, page %ld of %ld", page,
		                     pages),
		        true, false);
		base = given ? arena_printf(a, "/bodies/%s?on=%s&",
		                            b->short_name, given)
		             : arena_printf(a, "/bodies/%s?", b->short_name);
		if (pages > 1)
			write_pagination(&h, a, base, page, pages);
	}
	page_end(&h, req);
	rc = http_respond_html(req, 200, &h, err);
	html_free(&h);
	return rc;
}

/* The structure pages. */
const struct route structure_routes[] = {
        {"GET", "/structure", structure_params, GOV_ROLE_PUBLIC, structure_page,
         .cache = true},
        {"GET", "/bodies/{body}", structure_body_params, GOV_ROLE_PUBLIC,
         structure_body_page, .cache = true},
        {0},
};
