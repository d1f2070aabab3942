/*
 * circulate: the pages to send a meeting's packs, papers and draft minutes
 * and to see and repeat what was sent (see circulate.h).
 *
 * The rules (part two only to members, as a link; attached or linked; once
 * a day) are the domain's (gov/circulate.h): these pages ask it for a plan,
 * show it as the preview, and send it. The preview's form carries what and
 * to whom again, and the plan is worked out afresh when Send is pressed, so
 * the page never sends what it did not show or what the rules refuse.
 */
#include "web/circulate.h"
#include "web/papers.h"

#include <stdlib.h>
#include <string.h>

#include "gov/paper.h"
#include "gov/remind.h"
#include "http/server.h"
#include "web/calendar.h"
#include "web/govuk.h"
#include "web/layout.h"

enum { WHAT_MAX = 30 };

/* The circulation lines */

/* True when r is a row of the thing (what, paper_id). */
static bool of_thing(const struct gov_circulation_row *r, const char *what,
                     int64_t paper_id)
{
	return strcmp(r->what, what) == 0 && r->paper_id == paper_id;
}

static bool was_sent(const struct gov_circulation_row *r)
{
	return strcmp(r->how, "not_sent") != 0;
}

struct day_rows {
	const struct gov_circulation_row *rows;
	size_t n;
	const char *what, *day;
	int64_t paper_id;
	bool sent; /* the names of those sent it, or of those not */
};

/* The names of a day's rows, sent or not (with why), as a list. */
static void day_names(struct html *h, const void *arg)
{
	const struct day_rows *d = arg;

	html_open(h, "ul", "class", "govuk-list govuk-list--bullet", NULL);
	for (size_t i = 0; i < d->n; i++) {
		const struct gov_circulation_row *r = &d->rows[i];
		if (!of_thing(r, d->what, d->paper_id) ||
		    strcmp(r->sent_on, d->day) != 0 || was_sent(r) != d->sent)
			continue;
		html_open(h, "li", NULL);
		if (d->sent)
			html_textf(h, "%s (%s)", r->person_name,
			           strcmp(r->how, "attached") == 0 ? "attached"
			                                           : "link");
		else
			html_textf(h, "%s: %s", r->person_name,
			           r->reason ? r->reason : "not sent");
		html_close(h);
	}
	html_close(h);
}

void circulation_lines(struct html *h, struct arena *a,
                       const struct gov_circulation_row *rows, size_t n,
                       const char *what, int64_t paper_id)
{
	/* rows come newest day first: each day once, in that order */
	for (size_t i = 0; i < n; i++) {
		const char *day = rows[i].sent_on;
		size_t members = 0, others = 0, failed = 0;
		bool first = true;

		if (!of_thing(&rows[i], what, paper_id))
			continue;
		for (size_t j = 0; j < i && first; j++)
			first = !(of_thing(&rows[j], what, paper_id) &&
			          strcmp(rows[j].sent_on, day) == 0);
		if (!first)
			continue;
		for (size_t j = i; j < n; j++) {
			const struct gov_circulation_row *r = &rows[j];
			if (!of_thing(r, what, paper_id) ||
			    strcmp(r->sent_on, day) != 0)
				continue;
			if (!was_sent(r))
				failed++;
			else if (r->member)
				members++;
			else
				others++;
		}
		struct day_rows sent = {rows, n, what, day, paper_id, true};
		struct day_rows not_sent = {rows, n,        what,
		                            day,  paper_id, false};
		const char *whom =
		        others == 0 ? arena_printf(a, "%zu %s", members,
		                                   members == 1 ? "member"
		                                                : "members")
		        : members == 0
		                ? arena_printf(a, "%zu %s", others,
		                               others == 1 ? "person"
		                                           : "people")
		                : arena_printf(
		                          a, "%zu %s and %zu %s", members,
		                          members == 1 ? "member" : "members",
		                          others,
		                          others == 1 ? "other" : "others");
		if (members + others > 0)
			govuk_details(
			        h,
			        &(struct govuk_details){
			                .summary.text = arena_printf(
			                        a, "Sent to %s on %s", whom,
			                        calendar_date_text(a, day)),
			                .content = {.write = day_names,
			                            .arg = &sent},
			                .classes = "govuk-!-margin-bottom-2"});
		if (failed > 0)
			govuk_details(
			        h,
			        &(struct govuk_details){
			                .summary.text = arena_printf(
			                        a, "Not sent to %zu on %s",
			                        failed,
			                        calendar_date_text(a, day)),
			                .content = {.write = day_names,
			                            .arg = &not_sent},
			                .classes = "govuk-!-margin-bottom-2"});
	}
}

void circulation_packs(struct html *h, struct arena *a,
                       const struct gov_circulation_row *rows, size_t n)
{
	static const char *const things[][2] = {
	        {"pack", "The agenda pack"},
	        {"part_two_pack", "The part-two pack"},
	        {"minutes", "The draft minutes"},
	};

	for (size_t t = 0; t < sizeof things / sizeof things[0]; t++) {
		bool any = false;
		for (size_t i = 0; i < n && !any; i++)
			any = of_thing(&rows[i], things[t][0], 0);
		if (!any)
			continue;
		html_elem(h, "h3", things[t][1], "class", "govuk-heading-s",
		          NULL);
		circulation_lines(h, a, rows, n, things[t][0], 0);
	}
}

/*
 * The page of meeting key titled title, under breadcrumbs to the meetings
 * and the meeting (landmarks, where a back link would stand outside them).
 */
static struct page meeting_page(struct arena *a, const char *key,
                                const char *title, bool full_width)
{
	struct govuk_breadcrumb *items = arena_alloc(a, 2 * sizeof *items);
	struct govuk_breadcrumbs *crumbs = arena_alloc(a, sizeof *crumbs);

	items[0] = (struct govuk_breadcrumb){.content.text = "Meetings",
	                                     .href = "/meetings"};
	items[1] = (struct govuk_breadcrumb){
	        .content.text = key,
	        .href = arena_printf(a, "/meetings/%s", key)};
	*crumbs = (struct govuk_breadcrumbs){.items = items, .n_items = 2};
	return (struct page){.title = title,
	                     .section = PAGE_MEETINGS,
	                     .breadcrumbs = crumbs,
	                     .full_width = full_width};
}

/* The meeting and the settings */

#define MEETING_PARAMS                                                       \
	{.name = "body", .where = ROUTE_IN_PATH, .check = ROUTE_SHORT_NAME}, \
	{                                                                    \
		.name = "date", .where = ROUTE_IN_PATH, .check = ROUTE_SLUG  \
	}

/* The e-mail settings; *missing names the first not set, or is NULL. */
struct mail_setup {
	char *smtp, *from, *site;
	const char *missing;
};

static enum masa_err mail_setup(struct http_request *req, struct mail_setup *s,
                                struct masa_error *err)
{
	enum masa_err rc;

	memset(s, 0, sizeof *s);
	if ((rc = gov_remind_setting_get(&req->gov, "smtp_url", &req->arena,
	                                 &s->smtp, err)) ||
	    (rc = gov_remind_setting_get(&req->gov, "mail_from", &req->arena,
	                                 &s->from, err)) ||
	    (rc = gov_remind_setting_get(&req->gov, "site_url", &req->arena,
	                                 &s->site, err)))
		return rc;
	s->missing = s->smtp == NULL   ? "smtp_url"
	             : s->from == NULL ? "mail_from"
	             : s->site == NULL ? "site_url"
	                               : NULL;
	return MASA_OK;
}

static const char *setup_message(struct arena *a, const char *missing)
{
	return arena_printf(a,
	                    "E-mail is not set up: masa needs its %s. Ask "
	                    "whoever runs masa to set it (masa config set %s "
	                    "VALUE; see the deployment guide)",
	                    strcmp(missing, "smtp_url") == 0 ? "mail server"
	                    : strcmp(missing, "mail_from") == 0
	                            ? "sender's address"
	                            : "own address for links",
	                    missing);
}

/* what=pack|part_two_pack|minutes|paper-ID into ask; false if not one. */
static bool read_what(const char *what, struct gov_circulate_ask *ask)
{
	char *end;
	long id;

	if (what == NULL)
		return false;
	for (int w = GOV_CIRCULATE_PACK; w <= GOV_CIRCULATE_MINUTES; w++)
		if (w != GOV_CIRCULATE_PAPER &&
		    strcmp(what, gov_circulate_what_names[w]) == 0) {
			ask->what = (enum gov_circulate_what)w;
			return true;
		}
	if (strncmp(what, "paper-", 6) != 0 || what[6] < '1' || what[6] > '9')
		return false;
	id = strtol(what + 6, &end, 10);
	if (*end != '\0' || id <= 0)
		return false;
	ask->what = GOV_CIRCULATE_PAPER;
	ask->paper_id = id;
	return true;
}

/* The person ids ticked in "to", in the arena. */
static void read_people(struct http_request *req, struct gov_circulate_ask *ask)
{
	size_t at = 0, n = 0;
	int64_t *ids;
	const char *v;

	while (http_param_next(req, "to", &at) != NULL)
		n++;
	ids = arena_alloc(&req->arena, (n + 1) * sizeof *ids);
	at = 0;
	while ((v = http_param_next(req, "to", &at)) != NULL)
		ids[ask->npeople++] = strtoll(v, NULL, 10);
	ask->people = ids;
}

/* A domain message "field: text" as a sentence for a page: "Text". */
static const char *sentence(struct arena *a, const char *message)
{
	const char *colon = strstr(message, ": ");
	char *s;

	if (colon != NULL && (size_t)(colon - message) < 12)
		message = colon + 2;
	s = arena_strdup(a, message);
	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	return s;
}

/* The form */

/* The checkboxes of the people outside the body (in a details). */
static void others_write(struct html *h, const void *arg)
{
	govuk_checkboxes(h, arg);
}

struct form_state {
	const char *field; /* "what" or "to", with error */
	const char *error;
	bool posted; /* show what was sent, not the defaults */
};

static const struct govuk_error_message *
field_error(struct arena *a, const struct form_state *f, const char *field)
{
	struct govuk_error_message *e;

	if (f->error == NULL || strcmp(f->field, field) != 0)
		return NULL;
	e = arena_alloc(a, sizeof *e);
	*e = (struct govuk_error_message){.content.text = f->error};
	return e;
}

static void error_summary(struct html *h, struct arena *a, const char *field,
                          const char *error)
{
	const struct govuk_error_summary_item item = {
	        .href = arena_printf(a, "#%s", field), .content.text = error};

	govuk_error_summary(h, &(struct govuk_error_summary){
	                               .title.text = "There is a problem",
	                               .error_list = &item,
	                               .n_errors = 1});
}

static const char *person_hint(const struct gov_circulate_person *p)
{
	return p->email ? p->email : "No e-mail address: will not be sent";
}

static enum masa_err form_render(struct http_request *req,
                                 const struct gov_meeting *m, unsigned status,
                                 const struct form_state *f,
                                 struct masa_error *err)
{
	struct arena *a = &req->arena;
	const char *href = arena_printf(a, "/meetings/%s", m->key);
	struct gov_paper *papers = NULL;
	struct gov_circulate_person *people = NULL;
	struct govuk_choice_item *what, *members, *others;
	struct govuk_hint *hints, *paper_hints;
	const char **ticked;
	size_t npapers = 0, npeople = 0, nwhat = 0, nmembers = 0, nothers = 0;
	size_t nticked = 0, nticked_members = 0;
	struct mail_setup setup;
	const char *chosen = http_param(req, "what");
	struct html h;
	struct page pg;
	enum masa_err rc;

	if ((rc = gov_paper_list(&req->gov, &req->viewer, m->id, a, &papers,
	                         &npapers, err)) ||
	    (rc = gov_circulate_people(&req->gov, req->partnership->id, m->id,
	                               a, &people, &npeople, err)) ||
	    (rc = mail_setup(req, &setup, err)))
		return rc;
	what = arena_alloc(a, (npapers + 4) * sizeof *what);
	what[nwhat++] = (struct govuk_choice_item){
	        .value = "pack",
	        .content.text = "The agenda pack",
	        .hint = &(struct govuk_hint){
	                .content.text = "A link to the meeting's papers"}};
	what[nwhat++] = (struct govuk_choice_item){
	        .value = "part_two_pack",
	        .content.text = "The part-two pack",
	        .hint = &(struct govuk_hint){
	                .content.text = "Confidential: a link that needs "
	                                "signing in, to members only"}};
	what[nwhat++] = (struct govuk_choice_item){
	        .value = "minutes",
	        .content.text = "The draft minutes",
	        .hint = &(struct govuk_hint){
	                .content.text = "A link to the meeting page, behind "
	                                "signing in"}};
	paper_hints = arena_alloc(a, (npapers + 1) * sizeof *paper_hints);
	for (size_t i = 0; i < npapers; i++) {
		const struct gov_paper *p = &papers[i];
		paper_hints[i] = (struct govuk_hint){
		        .content.text =
		                p->confidential
		                        ? "Part two: a link that needs signing "
		                          "in, to members only"
		                : p->current.size > GOV_CIRCULATE_ATTACH_MAX
		                        ? "Sent as a link (over 5 MB)"
		                        : "Attached"};
		what[nwhat++] = (struct govuk_choice_item){
		        .value =
		                arena_printf(a, "paper-%lld", (long long)p->id),
		        .content.text = arena_printf(
		                a, "%s%s%s%s", p->item_number ? "Item " : "",
		                p->item_number ? p->item_number : "",
		                p->item_number ? ": " : "", p->title),
		        .hint = &paper_hints[i]};
	}
	members = arena_alloc(a, (npeople + 1) * sizeof *members);
	others = arena_alloc(a, (npeople + 1) * sizeof *others);
	hints = arena_alloc(a, (npeople + 1) * sizeof *hints);
	ticked = arena_alloc(a, (npeople + 1) * sizeof *ticked);
	for (size_t i = 0; i < npeople; i++) {
		const struct gov_circulate_person *p = &people[i];
		const char *id = arena_printf(a, "%lld", (long long)p->id);
		bool tick = !f->posted && p->member;
		size_t at = 0;
		const char *v;

		while (f->posted && !tick &&
		       (v = http_param_next(req, "to", &at)) != NULL)
			tick = strcmp(v, id) == 0;
		if (tick)
			ticked[nticked++] = id;
		nticked_members += tick && p->member;
		hints[i] = (struct govuk_hint){.content.text = person_hint(p)};
		*(p->member ? &members[nmembers++] : &others[nothers++]) =
		        (struct govuk_choice_item){.value = id,
		                                   .content.text = p->name,
		                                   .hint = &hints[i]};
	}

	html_init(&h, HTTP_PAGE_MAX);
	pg = meeting_page(a, m->key, "Send papers", false);
	page_begin(&h, req, &pg);
	if (f->error != NULL)
		error_summary(&h, a, f->field, f->error);
	page_heading(&h, m->key, "Send papers");
	if (setup.missing != NULL)
		govuk_warning_text(&h, &(struct govuk_warning_text){
		                               .content.text = setup_message(
		                                       a, setup.missing)});
	page_form_begin(&h, req, arena_printf(a, "%s/circulate", href));
	govuk_radios(
	        &h,
	        &(struct govuk_radios){
	                .name = "what",
	                .items = what,
	                .n_items = nwhat,
	                .value = chosen,
	                .frame.fieldset =
	                        &(struct govuk_fieldset){
	                                .legend.content.text = "What to send",
	                                .legend.classes = "govuk-fieldset__"
	                                                  "legend--m"},
	                .frame.error_message = field_error(a, f, "what"),
	        });
	if (nmembers > 0)
		govuk_checkboxes(
		        &h,
		        &(struct govuk_checkboxes){
		                .name = "to",
		                .items = members,
		                .n_items = nmembers,
		                .values = ticked,
		                .n_values = nticked,
		                .classes = "govuk-checkboxes--small",
		                .frame.fieldset =
		                        &(struct govuk_fieldset){
		                                .legend.content
		                                        .text = arena_printf(
		                                        a,
		                                        "Members of %s on %s",
		                                        http_param(req, "body"),
		                                        calendar_date_text(
		                                                a, m->date)),
		                                .legend.classes =
		                                        "govuk-fieldset__"
		                                        "legend--m"},
		                .frame.error_message = field_error(a, f, "to"),
		        });
	if (nothers > 0) {
		const struct govuk_checkboxes box = {
		        .name = "to",
		        .id_prefix = nmembers > 0 ? "to-others" : "to",
		        .items = others,
		        .n_items = nothers,
		        .values = ticked,
		        .n_values = nticked,
		        .classes = "govuk-checkboxes--small",
		        .frame.fieldset =
		                &(struct govuk_fieldset){
		                        .legend.content.text =
		                                "Anyone else in "
		                                "the partnership",
		                        .legend.classes =
		                                "govuk-fieldset__legend--s"},
		        .frame.hint =
		                &(struct govuk_hint){
		                        .content.text =
		                                "Not part two: only "
		                                "members may be sent it"},
		};
		/* Folded away unless someone in it is ticked. */
		govuk_details(
		        &h,
		        &(struct govuk_details){
		                .summary.text = "Send to anyone else in "
		                                "the partnership",
		                .content = {.write = others_write, .arg = &box},
		                .open = nticked > nticked_members,
		        });
	}
	govuk_button(&h, &(struct govuk_button){.content.text = "Continue"});
	html_close_to(&h, "form");
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err form_page(struct http_request *req, struct masa_error *err)
{
	struct gov_meeting m;
	enum masa_err rc = papers_admin_meeting(req, "send papers", &m, err);

	return rc ? rc
	          : form_render(req, &m, 200, &(struct form_state){0}, err);
}

/* The preview */

static const char *how_text(struct arena *a,
                            const struct gov_circulate_recipient *r)
{
	switch (r->how) {
	case GOV_CIRCULATE_ATTACHED:
		return "Attached";
	case GOV_CIRCULATE_LINK:
		return "Link";
	case GOV_CIRCULATE_ALREADY:
		return arena_printf(a, "Not sent again: %s", r->reason);
	default:
		return arena_printf(a, "Not sent: %s", r->reason);
	}
}

static enum masa_err preview_render(struct http_request *req,
                                    const struct gov_meeting *m,
                                    const struct gov_circulate_plan *plan,
                                    struct masa_error *err)
{
	struct arena *a = &req->arena;
	const char *href = arena_printf(a, "/meetings/%s", m->key);
	static const struct govuk_table_cell head[] = {
	        {.content.text = "Name"},
	        {.content.text = "E-mail"},
	        {.content.text = "How"},
	};
	struct govuk_table_cell *cells =
	        arena_alloc(a, (plan->nto * 3 + 1) * sizeof *cells);
	size_t going = 0;
	struct html h;
	struct page pg;
	enum masa_err rc;

	for (size_t i = 0; i < plan->nto; i++) {
		const struct gov_circulate_recipient *r = &plan->to[i];
		cells[i * 3] =
		        (struct govuk_table_cell){.content.text = r->name};
		cells[i * 3 + 1] = (struct govuk_table_cell){
		        .content.text = r->email ? r->email : "None"};
		cells[i * 3 + 2] = (struct govuk_table_cell){
		        .content.text = how_text(a, r)};
		going += r->how == GOV_CIRCULATE_ATTACHED ||
		         r->how == GOV_CIRCULATE_LINK;
	}
	html_init(&h, HTTP_PAGE_MAX);
	pg = meeting_page(a, m->key, "Check who will be sent it", false);
	page_begin(&h, req, &pg);
	page_heading(&h, m->key, "Check who will be sent it");
	html_open(&h, "p", "class", "govuk-body", NULL);
	html_textf(&h, "Sending %s to %zu of %zu %s.", plan->described, going,
	           plan->nto, plan->nto == 1 ? "person" : "people");
	html_close(&h);
	if (plan->part_two)
		govuk_inset_text(&h, &(struct govuk_inset_text){
		                             .content.text =
		                                     "Part two: sent only as a "
		                                     "link that needs signing "
		                                     "in, and the e-mail names "
		                                     "no confidential title."});
	page_table_wrap_begin(&h, "Who will be sent it");
	govuk_table(&h, &(struct govuk_table){
	                        .caption = "Who will be sent it",
	                        .caption_classes = "govuk-table__caption--m",
	                        .head = head,
	                        .n_head = 3,
	                        .cells = cells,
	                        .n_rows = plan->nto,
	                        .n_columns = 3,
	                        .label_cells = true,
	                });
	html_close_to(&h, "div");
	page_form_begin(&h, req, arena_printf(a, "%s/circulate", href));
	html_void(&h, "input", "type", "hidden", "name", "what", "value",
	          http_param(req, "what"), NULL);
	for (size_t i = 0; i < plan->nto; i++)
		html_void(&h, "input", "type", "hidden", "name", "to", "value",
		          arena_printf(a, "%lld",
		                       (long long)plan->to[i].person_id),
		          NULL);
	html_void(&h, "input", "type", "hidden", "name", "send", "value", "yes",
	          NULL);
	html_open(&h, "div", "class", "govuk-button-group", NULL);
	if (going > 0)
		govuk_button(&h,
		             &(struct govuk_button){
		                     .content.text = arena_printf(
		                             a, "Send to %zu %s", going,
		                             going == 1 ? "person" : "people"),
		                     .prevent_double_click = GOVUK_TRUE});
	html_elem(&h, "a", "Change what or who", "class", "govuk-link", "href",
	          arena_printf(a, "%s/circulate", href), NULL);
	html_close_to(&h, "form");
	page_end(&h, req);
	rc = http_respond_html(req, 200, &h, err);
	html_free(&h);
	return rc;
}

/* Sends plan with setup; the record page's address with how it went. */
static enum masa_err send_plan(struct http_request *req,
                               struct gov_circulate_plan *plan,
                               const struct mail_setup *setup,
                               struct gov_circulate_result *result,
                               struct masa_error *err)
{
	struct mail_sender *sender = NULL;
	enum masa_err rc;

	rc = mail_sender_open(setup->smtp, &sender, err);
	if (rc == MASA_OK)
		rc = gov_circulate_send(&req->gov, plan, sender, setup->from,
		                        req->partnership->name, &req->arena,
		                        result, err);
	mail_sender_close(sender);
	return rc;
}

static enum masa_err circulate_post(struct http_request *req,
                                    struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct gov_meeting m;
	struct gov_circulate_ask ask = {0};
	struct gov_circulate_plan plan;
	struct gov_circulate_result result;
	struct mail_setup setup;
	struct masa_error why = {0};
	const char *send = http_param(req, "send");
	enum masa_err rc;

	if ((rc = papers_admin_meeting(req, "send papers", &m, err)) ||
	    (rc = mail_setup(req, &setup, err)))
		return rc;
	if (!read_what(http_param(req, "what"), &ask))
		return form_render(
		        req, &m, 400,
		        &(struct form_state){.field = "what",
		                             .error = "Choose what to send",
		                             .posted = true},
		        err);
	read_people(req, &ask);
	if (ask.npeople == 0)
		return form_render(req, &m, 400,
		                   &(struct form_state){
		                           .field = "to",
		                           .error = "Choose who to send it to",
		                           .posted = true},
		                   err);
	if (setup.missing != NULL)
		return form_render(
		        req, &m, 409,
		        &(struct form_state){
		                .field = "what",
		                .error = setup_message(a, setup.missing),
		                .posted = true},
		        err);
	ask.meeting_id = m.id;
	ask.site_url = setup.site;
	rc = gov_circulate_plan(&req->gov, req->partnership->id, &ask, a, &plan,
	                        &why);
	if (rc == MASA_ERR_INVALID || rc == MASA_ERR_NOT_FOUND) {
		/* "to: part two goes only..." as "Part two goes only..." */
		bool to = strncmp(why.message, "to: ", 4) == 0;
		return form_render(
		        req, &m, 400,
		        &(struct form_state){.field = to ? "to" : "what",
		                             .error = sentence(a, why.message),
		                             .posted = true},
		        err);
	}
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	if (send == NULL || strcmp(send, "yes") != 0)
		return preview_render(req, &m, &plan, err);
	if ((rc = send_plan(req, &plan, &setup, &result, err)))
		return rc;
	return http_respond_redirect(
	        req,
	        arena_printf(a, "/meetings/%s/circulation?sent=%zu&failed=%zu",
	                     m.key, result.sent, result.not_sent),
	        err);
}

/* The record */

struct resend_cell {
	const struct http_request *req;
	const char *action;
	const char *label;
};

static void resend_button(struct html *h, const void *arg)
{
	const struct resend_cell *c = arg;

	page_form_begin(h, c->req, c->action);
	govuk_button(h, &(struct govuk_button){
	                        .content.text = "Re-send",
	                        .classes = "govuk-button--secondary "
	                                   "govuk-!-margin-bottom-0",
	                        .attributes = {{"aria-label", c->label}}});
	html_close_to(h, "form");
}

static const char *thing_text(struct arena *a,
                              const struct gov_circulation_row *r)
{
	if (strcmp(r->what, "paper") == 0)
		return r->part_two && r->item_number
		               ? arena_printf(a, "%s (item %s, part two)",
		                              r->paper_title, r->item_number)
		       : r->item_number
		               ? arena_printf(a, "%s (item %s)", r->paper_title,
		                              r->item_number)
		               : r->paper_title;
	if (strcmp(r->what, "part_two_pack") == 0)
		return "Part-two pack";
	return strcmp(r->what, "pack") == 0 ? "Agenda pack" : "Draft minutes";
}

static const char *row_how(struct arena *a, const struct gov_circulation_row *r)
{
	if (strcmp(r->how, "not_sent") == 0)
		return arena_printf(a, "Not sent: %s",
		                    r->reason ? r->reason : "unknown");
	if (r->sent_at == NULL)
		return "Being sent, or interrupted";
	return strcmp(r->how, "attached") == 0 ? "Attached" : "Link";
}

static enum masa_err record_page(struct http_request *req,
                                 struct masa_error *err)
{
	struct arena *a = &req->arena;
	static const struct govuk_table_cell head[] = {
	        {.content.text = "Sent on"}, {.content.text = "What"},
	        {.content.text = "To"},      {.content.text = "How"},
	        {.content.text = "Again"},
	};
	struct gov_meeting m;
	struct gov_circulation_row *rows;
	struct govuk_table_cell *cells;
	struct resend_cell *buttons;
	const char *href;
	size_t n;
	struct html h;
	struct page pg;
	enum masa_err rc;

	if ((rc = papers_admin_meeting(req, "send papers", &m, err)) ||
	    (rc = gov_circulation_record(&req->gov, &req->viewer, m.id, 0, a,
	                                 &rows, &n, err)))
		return rc;
	href = arena_printf(a, "/meetings/%s", m.key);
	cells = arena_alloc(a, (n * 5 + 1) * sizeof *cells);
	buttons = arena_alloc(a, (n + 1) * sizeof *buttons);
	for (size_t i = 0; i < n; i++) {
		const struct gov_circulation_row *r = &rows[i];
		buttons[i] = (struct resend_cell){
		        req,
		        arena_printf(a, "%s/circulation/%lld/resend", href,
		                     (long long)r->id),
		        arena_printf(a, "Re-send %s to %s", thing_text(a, r),
		                     r->person_name)};
		cells[i * 5] = (struct govuk_table_cell){
		        .content.text = calendar_date_text(a, r->sent_on)};
		cells[i * 5 + 1] = (struct govuk_table_cell){
		        .content.text = thing_text(a, r)};
		cells[i * 5 + 2] = (struct govuk_table_cell){
		        .content.text = r->email ? arena_printf(a, "%s (%s)",
		                                                r->person_name,
		                                                r->email)
		                                 : r->person_name};
		cells[i * 5 + 3] = (struct govuk_table_cell){
		        .content.text = row_how(a, r)};
		cells[i * 5 + 4] = (struct govuk_table_cell){
		        .content = {.write = resend_button,
		                    .arg = &buttons[i]}};
	}
	html_init(&h, HTTP_PAGE_MAX);
	pg = meeting_page(a, m.key, "Circulation", true);
	page_begin(&h, req, &pg);
	if (http_param(req, "sent") != NULL)
		govuk_notification_banner(
		        &h, &(struct govuk_notification_banner){
		                    .type = "success",
		                    .content.text = arena_printf(
		                            a, "Sent to %s; not sent to %s",
		                            http_param(req, "sent"),
		                            http_param(req, "failed")
		                                    ? http_param(req, "failed")
		                                    : "0")});
	page_heading(&h, m.key, "Circulation");
	html_elem(&h, "a", "Send papers", "class",
	          "govuk-button govuk-button--secondary", "href",
	          arena_printf(a, "%s/circulate", href), "role", "button",
	          "draggable", "false", NULL);
	if (n == 0) {
		html_elem(&h, "p", "Nothing has been sent yet.", "class",
		          "govuk-body", NULL);
	} else {
		page_table_wrap_begin(&h, "Who was sent what");
		govuk_table(&h, &(struct govuk_table){
		                        .caption = "Who was sent what",
		                        .caption_classes =
		                                "govuk-table__caption--m",
		                        .head = head,
		                        .n_head = 5,
		                        .cells = cells,
		                        .n_rows = n,
		                        .n_columns = 5,
		                        .label_cells = true,
		                });
		html_close_to(&h, "div");
	}
	page_end(&h, req);
	rc = http_respond_html(req, 200, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err resend(struct http_request *req, struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct gov_meeting m;
	struct gov_circulation_row row;
	struct gov_circulate_ask ask = {0};
	struct gov_circulate_plan plan;
	struct gov_circulate_result result;
	struct mail_setup setup;
	enum masa_err rc;

	if ((rc = papers_admin_meeting(req, "send papers", &m, err)) ||
	    (rc = gov_circulation_row_get(&req->gov, &req->viewer,
	                                  http_param_long(req, "row", 0), a,
	                                  &row, err)) ||
	    (rc = mail_setup(req, &setup, err)))
		return rc;
	if (row.meeting_id != m.id)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "There is no such record for %s.", m.key);
	if (setup.missing != NULL)
		return masa_error_set(err, MASA_ERR_CONFLICT, "%s",
		                      setup_message(a, setup.missing));
	for (int w = GOV_CIRCULATE_PACK; w <= GOV_CIRCULATE_MINUTES; w++)
		if (strcmp(row.what, gov_circulate_what_names[w]) == 0)
			ask.what = (enum gov_circulate_what)w;
	ask.meeting_id = m.id;
	ask.paper_id = row.paper_id;
	ask.people = &row.person_id;
	ask.npeople = 1;
	ask.site_url = setup.site;
	ask.again = true;
	if ((rc = gov_circulate_plan(&req->gov, req->partnership->id, &ask, a,
	                             &plan, err)) ||
	    (rc = send_plan(req, &plan, &setup, &result, err)))
		return rc;
	return http_respond_redirect(
	        req,
	        arena_printf(a, "/meetings/%s/circulation?sent=%zu&failed=%zu",
	                     m.key, result.sent, result.not_sent),
	        err);
}

static const char *const yes_choice[] = {"yes", NULL};

static const struct route_param form_params[] = {
        MEETING_PARAMS,
        {.name = "what",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_TEXT,
         .max = WHAT_MAX},
        {.name = NULL},
};
static const struct route_param post_params[] = {
        MEETING_PARAMS,
        {.name = "what",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = WHAT_MAX},
        {.name = "to",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = INT64_MAX / 2,
         .many = true},
        {.name = "send",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_ENUM,
         .choices = yes_choice},
        {.name = NULL},
};
static const struct route_param record_params[] = {
        MEETING_PARAMS,
        {.name = "sent",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_INTEGER,
         .min = 0,
         .max = 100000},
        {.name = "failed",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_INTEGER,
         .min = 0,
         .max = 100000},
        {.name = NULL},
};
static const struct route_param resend_params[] = {
        MEETING_PARAMS,
        {.name = "row",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = INT64_MAX / 2},
        {.name = NULL},
};

const struct route circulate_routes[] = {
        {"GET", "/meetings/{body}/{date}/circulate", form_params,
         GOV_ROLE_ADMIN, form_page},
        {"POST", "/meetings/{body}/{date}/circulate", post_params,
         GOV_ROLE_ADMIN, circulate_post},
        {"GET", "/meetings/{body}/{date}/circulation", record_params,
         GOV_ROLE_ADMIN, record_page},
        {"POST", "/meetings/{body}/{date}/circulation/{row}/resend",
         resend_params, GOV_ROLE_ADMIN, resend},
        {0},
};
