/*
 * setup: setting up the partnership from the browser (see setup.h).
 *
 * Each form is a struct setup_form: the kind it is drawn from and which of
 * its fields it asks, how the record it starts from is found (load) and
 * what saving it does (save, one domain function). form_get and form_post
 * do the rest the same way for all: the page, the error summary, the form
 * shown again with what was typed, and the 303 to a page whose banner says
 * what was done.
 */
#include "web/setup.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "gov/body.h"
#include "gov/partnership.h"
#include "http/server.h"
#include "web/calendar.h"
#include "web/layout.h"
#include "web/recordform.h"

/* ---- what ?done= says ---- */

static const char *const done_kinds[] = {"organisation-added",
                                         "organisation-saved",
                                         "person-added",
                                         "person-saved",
                                         "body-added",
                                         "body-saved",
                                         "body-closed",
                                         "member-added",
                                         "member-ended",
                                         "chair-changed",
                                         NULL};
static const char *const done_messages[] = {
        "Organisation added",
        "Organisation saved",
        "Person added",
        "Person saved",
        "Body added",
        "Body saved",
        "Body closed: its memberships ended that day",
        "Member added",
        "Membership ended",
        "Chair changed",
};

#define DONE_PARAM                                                            \
	{                                                                     \
		.name = "done", .where = ROUTE_IN_QUERY, .check = ROUTE_ENUM, \
		.choices = done_kinds                                         \
	}
#define BODY_PARAM                                      \
	{                                               \
		.name = "body", .where = ROUTE_IN_PATH, \
		.check = ROUTE_SHORT_NAME               \
	}
#define END_PARAMS           \
	{                    \
		.name = NULL \
	}

static const struct route_param list_params[] = {DONE_PARAM, END_PARAMS};
static const struct route_param new_params[] = {RECORDFORM_PARAMS, END_PARAMS};
static const struct route_param org_params[] = {
        {.name = "org", .where = ROUTE_IN_PATH, .check = ROUTE_SLUG},
        RECORDFORM_PARAMS,
        END_PARAMS};
static const struct route_param person_params[] = {
        {.name = "person", .where = ROUTE_IN_PATH, .check = ROUTE_SLUG},
        RECORDFORM_PARAMS,
        END_PARAMS};
static const struct route_param body_params[] = {BODY_PARAM, RECORDFORM_PARAMS,
                                                 END_PARAMS};
static const struct route_param members_params[] = {BODY_PARAM, DONE_PARAM,
                                                    END_PARAMS};
/* A running membership: its person and role. */
static const struct route_param membership_params[] = {
        BODY_PARAM,
        {.name = "person", .where = ROUTE_IN_PATH, .check = ROUTE_SLUG},
        {.name = "role",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_ENUM,
         .choices = gov_membership_roles},
        RECORDFORM_PARAMS,
        END_PARAMS};

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

/* ---- the forms ---- */

/*
 * What one form is working on. Each form's two routes (GET and POST) name
 * form_get and form_post with the form as their data.
 */
struct setup_ctx {
	struct gov_body body; /* the body of the path, if any */
	union {
		struct gov_organisation org;
		struct gov_person person;
		struct gov_body body;
		struct gov_membership membership;
		struct gov_chair_change chair;
	} rec;
	const char *caption;   /* above the title: the body's name */
	const char *back;      /* where the form was reached from */
	const char *back_text; /* its name in the breadcrumbs, or NULL */
	const char *done;      /* where to go after saving */
};

struct setup_form {
	const char *title;
	const char *button;
	const char *intro; /* a paragraph above the form, or NULL */
	const struct record_kind *kind;
	const char *const *fields; /* slugs; NULL: every typed field */
	/* Fills c (c->rec, c->back) from the path; not found is a 404. */
	enum masa_err (*load)(struct http_request *req, struct setup_ctx *c,
	                      struct masa_error *err);
	/* Stores c->rec as read from the form; sets c->done. */
	enum masa_err (*save)(struct http_request *req, struct setup_ctx *c,
	                      struct masa_error *err);
	void (*adjust)(struct recordform *f); /* relabels, or NULL */
	const char *back;      /* where it is reached from, unless load says */
	const char *back_text; /* its name in the breadcrumbs, or NULL */
};

/*
 * Home > Structure > (between_text, at between) > here: the breadcrumbs of
 * every page of this module; in the request's arena.
 */
static const struct govuk_breadcrumbs *crumbs(struct http_request *req,
                                              const char *between,
                                              const char *between_text,
                                              const char *here)
{
	struct govuk_breadcrumb *items =
	        arena_alloc(&req->arena, 4 * sizeof *items);
	struct govuk_breadcrumbs *b = arena_alloc(&req->arena, sizeof *b);
	size_t n = 0;

	items[n++] =
	        (struct govuk_breadcrumb){.content.text = "Home", .href = "/"};
	items[n++] = (struct govuk_breadcrumb){.content.text = "Structure",
	                                       .href = "/structure"};
	if (between_text != NULL)
		items[n++] = (struct govuk_breadcrumb){
		        .content.text = between_text, .href = between};
	items[n++] = (struct govuk_breadcrumb){.content.text = here};
	b->items = items;
	b->n_items = n;
	return b;
}

static enum masa_err form_page(struct http_request *req,
                               const struct setup_form *form,
                               const struct setup_ctx *c,
                               const struct recordform *f, unsigned status,
                               struct masa_error *err)
{
	struct html h;
	enum masa_err rc;

	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){
	                   .title = f->nerrors ? arena_printf(&req->arena,
	                                                      "Error: %s",
	                                                      form->title)
	                                       : form->title,
	                   .section = PAGE_STRUCTURE,
	                   .breadcrumbs = crumbs(req, c->back, c->back_text,
	                                         form->title),
	           });
	recordform_write_summary(&h, req, f);
	page_heading(&h, c->caption, form->title);
	if (form->intro != NULL)
		html_elem(&h, "p", form->intro, "class", "govuk-body", NULL);
	page_form_begin(&h, req, req->path);
	recordform_write_fields(&h, req, f);
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

/*
 * Loads what the form of the route works on and draws its form over it:
 * the start of both form_get and form_post.
 */
static enum masa_err form_begin(struct http_request *req,
                                const struct setup_form *form,
                                struct setup_ctx **c, struct recordform **f,
                                struct masa_error *err)
{
	enum masa_err rc;

	*c = arena_alloc(&req->arena, sizeof **c);
	*f = arena_alloc(&req->arena, sizeof **f);
	(*c)->back = form->back;
	(*c)->back_text = form->back_text;
	if ((rc = form->load(req, *c, err)) != MASA_OK)
		return rc;
	recordform_init(*f, form->kind, &(*c)->rec, req->partnership->id,
	                form->fields);
	if (form->adjust)
		form->adjust(*f);
	return MASA_OK;
}

static enum masa_err form_get(struct http_request *req, struct masa_error *err)
{
	const struct setup_form *form = req->route->data;
	struct setup_ctx *c;
	struct recordform *f;
	enum masa_err rc = form_begin(req, form, &c, &f, err);

	return rc ? rc : form_page(req, form, c, f, 200, err);
}

static enum masa_err form_post(struct http_request *req, struct masa_error *err)
{
	const struct setup_form *form = req->route->data;
	struct setup_ctx *c;
	struct recordform *f;
	struct masa_error why = {0};
	const char *unsaved;
	enum masa_err rc = form_begin(req, form, &c, &f, err);

	if (rc != MASA_OK)
		return rc;
	if (!recordform_read(req, f))
		return form_page(req, form, c, f, 400, err);
	rc = form->save(req, c, &why);
	if (rc == MASA_OK)
		return http_respond_redirect(req, c->done, err);
	unsaved = http_form_unsaved(req, rc);
	if (unsaved != NULL) {
		masa_error_set(&why, rc, "%s", unsaved);
		recordform_error(f, &why);
		return form_page(req, form, c, f, 503, err);
	}
	if (rc != MASA_ERR_INVALID && rc != MASA_ERR_CONFLICT) {
		*err = why;
		return rc;
	}
	recordform_error(f, &why);
	return form_page(req, form, c, f, rc == MASA_ERR_CONFLICT ? 409 : 400,
	                 err);
}

/* ---- organisations ---- */

static enum masa_err org_new_load(struct http_request *req, struct setup_ctx *c,
                                  struct masa_error *err)
{
	(void)err;
	c->rec.org.partnership_id = req->partnership->id;
	return MASA_OK;
}

static enum masa_err org_edit_load(struct http_request *req,
                                   struct setup_ctx *c, struct masa_error *err)
{
	return gov_organisation_find(&req->gov, req->partnership->id,
	                             http_param(req, "org"), &req->arena,
	                             &c->rec.org, err);
}

static enum masa_err org_new_save(struct http_request *req, struct setup_ctx *c,
                                  struct masa_error *err)
{
	struct gov_organisation *o = &c->rec.org;
	enum masa_err rc = gov_key_or_new(
	        &req->gov, req->partnership->id, &o->key, o->name,
	        gov_organisation_key_new, &req->arena, err);

	c->done = "/organisations?done=organisation-added";
	return rc ? rc : gov_organisation_create(&req->gov, o, err);
}

static enum masa_err org_edit_save(struct http_request *req,
                                   struct setup_ctx *c, struct masa_error *err)
{
	struct gov_organisation *o = &c->rec.org;
	enum masa_err rc = gov_key_or_new(
	        &req->gov, req->partnership->id, &o->key, o->name,
	        gov_organisation_key_new, &req->arena, err);

	c->done = "/organisations?done=organisation-saved";
	return rc ? rc : gov_organisation_update(&req->gov, o, err);
}

static const char *const org_fields[] = {
        "name", "key",         "classification",
        "part", "lead-person", "delegate-person",
        NULL};
static const char *const person_fields[] = {
        "name", "honorific-prefix", "job-title", "organisation", "email", "key",
        NULL};

static const struct setup_form org_new_form = {
        .title = "Add an organisation",
        .button = "Add the organisation",
        .kind = &gov_organisation_record,
        .fields = org_fields,
        .load = org_new_load,
        .back = "/organisations",
        .back_text = "Organisations",
        .save = org_new_save,
};
static const struct setup_form org_edit_form = {
        .title = "Change an organisation",
        .button = "Save",
        .kind = &gov_organisation_record,
        .fields = org_fields,
        .load = org_edit_load,
        .back = "/organisations",
        .back_text = "Organisations",
        .save = org_edit_save,
};

/* ---- people ---- */

static enum masa_err person_new_load(struct http_request *req,
                                     struct setup_ctx *c,
                                     struct masa_error *err)
{
	(void)err;
	c->rec.person.partnership_id = req->partnership->id;
	return MASA_OK;
}

static enum masa_err person_edit_load(struct http_request *req,
                                      struct setup_ctx *c,
                                      struct masa_error *err)
{
	return gov_person_find(&req->gov, req->partnership->id,
	                       http_param(req, "person"), &req->arena,
	                       &c->rec.person, err);
}

static enum masa_err person_new_save(struct http_request *req,
                                     struct setup_ctx *c,
                                     struct masa_error *err)
{
	struct gov_person *p = &c->rec.person;
	enum masa_err rc =
	        gov_key_or_new(&req->gov, req->partnership->id, &p->key,
	                       p->name, gov_person_key_new, &req->arena, err);

	c->done = "/people?done=person-added";
	return rc ? rc : gov_person_create(&req->gov, p, err);
}

static enum masa_err person_edit_save(struct http_request *req,
                                      struct setup_ctx *c,
                                      struct masa_error *err)
{
	struct gov_person *p = &c->rec.person;
	enum masa_err rc =
	        gov_key_or_new(&req->gov, req->partnership->id, &p->key,
	                       p->name, gov_person_key_new, &req->arena, err);

	c->done = "/people?done=person-saved";
	return rc ? rc : gov_person_update(&req->gov, p, err);
}

static const struct setup_form person_new_form = {
        .title = "Add a person",
        .button = "Add the person",
        .kind = &gov_person_record,
        .fields = person_fields,
        .load = person_new_load,
        .back = "/people",
        .back_text = "People",
        .save = person_new_save,
};
static const struct setup_form person_edit_form = {
        .title = "Change a person's details",
        .button = "Save",
        .kind = &gov_person_record,
        .fields = person_fields,
        .load = person_edit_load,
        .back = "/people",
        .back_text = "People",
        .save = person_edit_save,
};

/* ---- bodies ---- */

/* The body of the path, of this partnership (only its home changes it). */
static enum masa_err path_body(struct http_request *req, struct setup_ctx *c,
                               struct masa_error *err)
{
	enum masa_err rc = gov_body_find(&req->gov, req->partnership->id,
	                                 http_param(req, "body"), &req->arena,
	                                 &c->body, err);

	if (rc != MASA_OK)
		return rc;
	c->caption = c->body.name;
	c->back = arena_printf(&req->arena, "/bodies/%s/members",
	                       c->body.short_name);
	c->back_text =
	        arena_printf(&req->arena, "Members of %s", c->body.short_name);
	return MASA_OK;
}

static const char *members_done(struct http_request *req,
                                const char *short_name, const char *done)
{
	return arena_printf(&req->arena, "/bodies/%s/members?done=%s",
	                    short_name, done);
}

static enum masa_err body_new_load(struct http_request *req,
                                   struct setup_ctx *c, struct masa_error *err)
{
	(void)err;
	c->rec.body.partnership_id = req->partnership->id;
	c->back = "/structure";
	return MASA_OK;
}

static enum masa_err body_edit_load(struct http_request *req,
                                    struct setup_ctx *c, struct masa_error *err)
{
	enum masa_err rc = path_body(req, c, err);

	c->rec.body = c->body;
	return rc;
}

static enum masa_err body_new_save(struct http_request *req,
                                   struct setup_ctx *c, struct masa_error *err)
{
	c->done = members_done(req, c->rec.body.short_name, "body-added");
	return gov_body_create(&req->gov, &c->rec.body, err);
}

static enum masa_err body_edit_save(struct http_request *req,
                                    struct setup_ctx *c, struct masa_error *err)
{
	c->done = members_done(req, c->rec.body.short_name, "body-saved");
	return gov_body_update(&req->gov, &c->rec.body, err);
}

static enum masa_err body_close_save(struct http_request *req,
                                     struct setup_ctx *c,
                                     struct masa_error *err)
{
	c->done = members_done(req, c->body.short_name, "body-closed");
	return gov_body_close(&req->gov, c->body.id,
	                      c->rec.body.dissolution_date, err);
}

static void close_adjust(struct recordform *f)
{
	recordform_relabel(f, "dissolution-date", "Date it closes",
	                   "Its last day: its memberships end on it too");
}

static const char *const body_new_fields[] = {"short-name",
                                              "name",
                                              "kind",
                                              "parent",
                                              "founding-date",
                                              "quorum-count",
                                              "quorum-fraction",
                                              "quorum-partners",
                                              "terms-of-reference",
                                              NULL};
static const char *const body_close_fields[] = {"dissolution-date", NULL};

static const struct setup_form body_new_form = {
        .title = "Add a body",
        .button = "Add the body",
        .kind = &gov_body_record,
        .fields = body_new_fields,
        .load = body_new_load,
        .save = body_new_save,
};
static const struct setup_form body_edit_form = {
        .title = "Change this body",
        .button = "Save",
        .kind = &gov_body_record,
        .load = body_edit_load,
        .save = body_edit_save,
};
static const struct setup_form body_close_form = {
        .title = "Close this body",
        .button = "Close the body",
        .intro = "Closing keeps its history: its meetings, minutes and "
                 "past members stay on record.",
        .kind = &gov_body_record,
        .fields = body_close_fields,
        .load = path_body,
        .save = body_close_save,
        .adjust = close_adjust,
};

/* ---- members ---- */

static enum masa_err member_new_load(struct http_request *req,
                                     struct setup_ctx *c,
                                     struct masa_error *err)
{
	enum masa_err rc = path_body(req, c, err);

	c->rec.membership.body_id = c->body.id;
	return rc;
}

static enum masa_err member_new_save(struct http_request *req,
                                     struct setup_ctx *c,
                                     struct masa_error *err)
{
	c->done = members_done(req, c->body.short_name, "member-added");
	return gov_membership_create(&req->gov, &c->rec.membership, err);
}

/*
 * The membership of the path: the person's in the role that runs without an
 * end date (one at most: memberships of one person in one role do not
 * overlap); ending it again is not found.
 */
static enum masa_err member_end_load(struct http_request *req,
                                     struct setup_ctx *c,
                                     struct masa_error *err)
{
	const char *role = http_param(req, "role");
	struct gov_person p;
	struct gov_member *ms;
	size_t n;
	enum masa_err rc;

	if ((rc = path_body(req, c, err)) ||
	    (rc = gov_person_find(&req->gov, req->partnership->id,
	                          http_param(req, "person"), &req->arena, &p,
	                          err)) ||
	    (rc = gov_members_on(&req->gov, c->body.id, NULL, &req->arena, &ms,
	                         &n, err)))
		return rc;
	for (size_t i = 0; i < n; i++)
		if (ms[i].m.person_id == p.id && ms[i].m.end_date == NULL &&
		    strcmp(ms[i].m.role, role) == 0) {
			c->rec.membership = ms[i].m;
			c->caption = arena_printf(&req->arena, "%s, %s", p.name,
			                          c->body.name);
			return MASA_OK;
		}
	return masa_error_set(err, MASA_ERR_NOT_FOUND,
	                      "%s has no running membership of %s as %s",
	                      c->body.short_name, p.name, role);
}

static enum masa_err member_end_save(struct http_request *req,
                                     struct setup_ctx *c,
                                     struct masa_error *err)
{
	c->done = members_done(req, c->body.short_name, "member-ended");
	return gov_membership_end(&req->gov, c->rec.membership.id,
	                          c->rec.membership.end_date, err);
}

static enum masa_err chair_load(struct http_request *req, struct setup_ctx *c,
                                struct masa_error *err)
{
	enum masa_err rc = path_body(req, c, err);

	c->rec.chair.body_id = c->body.id;
	return rc;
}

static enum masa_err chair_save(struct http_request *req, struct setup_ctx *c,
                                struct masa_error *err)
{
	c->done = members_done(req, c->body.short_name, "chair-changed");
	return gov_chair_change(&req->gov, &c->rec.chair, err);
}

static void end_adjust(struct recordform *f)
{
	recordform_relabel(f, "end-date", "End date",
	                   "Their last day as a member: the membership "
	                   "stays on record");
}

static const char *const member_new_fields[] = {
        "person", "role", "organisation", "label", "start-date", NULL};
static const char *const member_end_fields[] = {"end-date", NULL};

static const struct setup_form member_new_form = {
        .title = "Add a member",
        .button = "Add the member",
        .kind = &gov_membership_record,
        .fields = member_new_fields,
        .load = member_new_load,
        .save = member_new_save,
};
static const struct setup_form member_end_form = {
        .title = "End a membership",
        .button = "End the membership",
        .kind = &gov_membership_record,
        .fields = member_end_fields,
        .load = member_end_load,
        .save = member_end_save,
        .adjust = end_adjust,
};
static const struct setup_form chair_form = {
        .title = "Change the chair",
        .button = "Change the chair",
        .intro = "The chair before stops being chair the day before; "
                 "their membership stays on record.",
        .kind = &gov_chair_change_record,
        .load = chair_load,
        .save = chair_save,
};

/* ---- the lists ---- */

/* Opens a GOV.UK table with the given headings (NULL-terminated). */
static void table_begin(struct html *h, const char *caption,
                        const char *const *headings)
{
	page_table_wrap_begin(h, caption);
	html_open(h, "table", "class", "govuk-table", NULL);
	html_elem(h, "caption", caption, "class",
	          "govuk-table__caption govuk-table__caption--m", NULL);
	html_open(h, "thead", "class", "govuk-table__head", NULL);
	html_open(h, "tr", "class", "govuk-table__row", NULL);
	for (size_t i = 0; headings[i]; i++) {
		html_open(h, "th", "scope", "col", "class",
		          "govuk-table__header", NULL);
		html_text(h, headings[i]);
		html_close(h);
	}
	html_close_to(h, "thead");
	html_open(h, "tbody", "class", "govuk-table__body", NULL);
}

static void cell(struct html *h, const char *text)
{
	html_elem(h, "td", text ? text : "", "class", "govuk-table__cell",
	          NULL);
}

/*
 * A cell with a link whose words are what, named to a screen reader as
 * "what whom". (An aria-label, not a visually hidden span: that span is
 * positioned, and would widen a phone's page past the table's scrolling
 * wrapper.)
 */
static void link_cell(struct html *h, struct arena *a, const char *href,
                      const char *what, const char *whom)
{
	html_open(h, "td", "class", "govuk-table__cell", NULL);
	html_elem(h, "a", what, "href", href, "class", "govuk-link",
	          "aria-label", arena_printf(a, "%s%s", what, whom), NULL);
	html_close(h);
}

static enum masa_err list_page_begin(struct html *h, struct http_request *req,
                                     const char *title, const char *add_href,
                                     const char *add_text)
{
	html_init(h, HTTP_PAGE_MAX);
	page_begin(
	        h, req,
	        &(struct page){.title = title,
	                       .section = PAGE_STRUCTURE,
	                       .breadcrumbs = crumbs(req, NULL, NULL, title)});
	write_done(h, req);
	page_heading(h, req->partnership->name, title);
	govuk_button(h, &(struct govuk_button){.content.text = add_text,
	                                       .href = add_href});
	return MASA_OK;
}

/* The name of person id among people (n of them), or NULL. */
static const char *person_name(const struct gov_person *people, size_t n,
                               int64_t id)
{
	for (size_t i = 0; id != 0 && i < n; i++)
		if (people[i].id == id)
			return people[i].name;
	return NULL;
}

static enum masa_err organisations_page(struct http_request *req,
                                        struct masa_error *err)
{
	static const char *const headings[] = {
	        "Name", "Part",   "Sector", "Lead safeguarding partner",
	        "Key",  "Change", NULL};
	struct arena *a = &req->arena;
	const struct record_field *part =
	        record_field_by_slug(&gov_organisation_record, "part");
	const struct record_field *sector = record_field_by_slug(
	        &gov_organisation_record, "classification");
	struct gov_organisation *orgs;
	struct gov_person *people;
	struct html h;
	size_t n, npeople;
	enum masa_err rc;

	if ((rc = gov_organisation_list(&req->gov, req->partnership->id, a,
	                                &orgs, &n, err)) ||
	    (rc = gov_person_list(&req->gov, req->partnership->id, a, &people,
	                          &npeople, err)))
		return rc;
	list_page_begin(&h, req, "Organisations", "/organisations/new",
	                "Add an organisation");
	table_begin(&h, "Organisations in the partnership", headings);
	for (size_t i = 0; i < n; i++) {
		const char *lead =
		        person_name(people, npeople, orgs[i].lead_person_id);
		const char *delegate = person_name(people, npeople,
		                                   orgs[i].delegate_person_id);
		html_open(&h, "tr", "class", "govuk-table__row", NULL);
		cell(&h, orgs[i].name);
		cell(&h, record_choice_label(part, orgs[i].part));
		cell(&h, record_choice_label(sector, orgs[i].classification));
		cell(&h, delegate ? arena_printf(a, "%s, delegating to %s",
		                                 lead, delegate)
		                  : lead);
		cell(&h, orgs[i].key);
		link_cell(
		        &h, a,
		        arena_printf(a, "/organisations/%s/edit", orgs[i].key),
		        "Change", arena_printf(a, " %s", orgs[i].name));
		html_close(&h);
	}
	html_close_to(&h, "div");
	page_end(&h, req);
	rc = http_respond_html(req, 200, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err people_page(struct http_request *req,
                                 struct masa_error *err)
{
	static const char *const headings[] = {"Name", "Job title",
	                                       "Organisation", "Change", NULL};
	struct arena *a = &req->arena;
	struct gov_person *people;
	struct gov_organisation *orgs;
	struct html h;
	size_t n, norgs;
	enum masa_err rc;

	if ((rc = gov_person_list(&req->gov, req->partnership->id, a, &people,
	                          &n, err)) ||
	    (rc = gov_organisation_list(&req->gov, req->partnership->id, a,
	                                &orgs, &norgs, err)))
		return rc;
	list_page_begin(&h, req, "People", "/people/new", "Add a person");
	table_begin(&h, "People in the partnership", headings);
	for (size_t i = 0; i < n; i++) {
		const char *org = NULL;
		for (size_t k = 0; k < norgs; k++)
			if (orgs[k].id == people[i].organisation_id)
				org = orgs[k].name;
		html_open(&h, "tr", "class", "govuk-table__row", NULL);
		cell(&h, people[i].honorific_prefix
		                 ? arena_printf(a, "%s %s",
		                                people[i].honorific_prefix,
		                                people[i].name)
		                 : people[i].name);
		cell(&h, people[i].job_title);
		cell(&h, org);
		link_cell(&h, a,
		          arena_printf(a, "/people/%s/edit", people[i].key),
		          "Change", arena_printf(a, " %s", people[i].name));
		html_close(&h);
	}
	html_close_to(&h, "div");
	page_end(&h, req);
	rc = http_respond_html(req, 200, &h, err);
	html_free(&h);
	return rc;
}

/* The links of setup_body_links; from_members leaves out "Manage members". */
static void body_links(struct html *h, struct http_request *req,
                       const struct gov_body *b, bool from_members)
{
	static const struct {
		const char *path, *text;
		bool closed; /* still there once the body has closed */
	} links[] = {
	        {"members", "Manage members", true},
	        {"members/new", "Add a member", false},
	        {"chair", "Change the chair", false},
	        {"edit", "Edit this body", true},
	        {"close", "Close this body", false},
	};
	if (req->viewer.role < GOV_ROLE_ADMIN ||
	    b->partnership_id != req->partnership->id)
		return;
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
		if ((b->dissolution_date && !links[i].closed) ||
		    (i == 0 && from_members))
			continue;
		html_open(h, "li", NULL);
		html_elem(h, "a", links[i].text, "href",
		          arena_printf(&req->arena, "/bodies/%s/%s",
		                       b->short_name, links[i].path),
		          "class", "govuk-link", NULL);
		html_close(h);
	}
	if (b->dissolution_date == NULL) {
		html_open(h, "li", NULL);
		html_elem(h, "a", "Schedule meetings", "href",
		          arena_printf(&req->arena,
		                       "/meetings/schedule?body=%s",
		                       b->short_name),
		          "class", "govuk-link", NULL);
		html_close(h);
	}
}

void setup_body_links(struct html *h, struct http_request *req,
                      const struct gov_body *b)
{
	body_links(h, req, b, false);
}

void setup_structure_links(struct html *h, struct http_request *req)
{
	if (req->viewer.role < GOV_ROLE_ADMIN)
		return;
	html_elem(h, "h2", "Setting up the partnership", "class",
	          "govuk-heading-m", NULL);
	html_open(h, "ul", "class", "govuk-list", NULL);
	html_open(h, "li", NULL);
	html_elem(h, "a", "Add a body", "href", "/structure/new-body", "class",
	          "govuk-link", NULL);
	html_close(h);
	html_open(h, "li", NULL);
	html_elem(h, "a", "Organisations: add an organisation, or change one",
	          "href", "/organisations", "class", "govuk-link", NULL);
	html_close(h);
	html_open(h, "li", NULL);
	html_elem(h, "a", "People: add a person, or change their details",
	          "href", "/people", "class", "govuk-link", NULL);
	html_close(h);
	html_close(h);
}

/* The body's members as the business unit manages them. */
static enum masa_err members_page(struct http_request *req,
                                  struct masa_error *err)
{
	static const char *const headings[] = {"Name", "Role", "From",
	                                       "To",   "End",  NULL};
	struct arena *a = &req->arena;
	const struct record_field *role =
	        record_field_by_slug(&gov_membership_record, "role");
	struct setup_ctx c;
	struct gov_member *ms;
	struct html h;
	char today[DATE_TEXT_SIZE];
	size_t n;
	enum masa_err rc;

	date_format(date_today(), today);
	if ((rc = path_body(req, &c, err)) ||
	    (rc = gov_members_on(&req->gov, c.body.id, NULL, a, &ms, &n, err)))
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){.title = arena_printf(a, "Members of %s",
	                                                c.body.short_name),
	                          .section = PAGE_STRUCTURE,
	                          .breadcrumbs = crumbs(
	                                  req,
	                                  arena_printf(a, "/bodies/%s",
	                                               c.body.short_name),
	                                  c.body.short_name, "Members")});
	write_done(&h, req);
	page_heading(&h, c.body.name, "Members");
	if (c.body.dissolution_date)
		html_elem(&h, "p",
		          arena_printf(a, "It closed on %s.",
		                       c.body.dissolution_date),
		          "class", "govuk-body", NULL);
	html_open(&h, "ul", "class", "govuk-list", NULL);
	body_links(&h, req, &c.body, true);
	html_close(&h);
	table_begin(&h, "Every membership, current and past", headings);
	for (size_t i = 0; i < n; i++) {
		const struct gov_membership *m = &ms[i].m;
		bool running =
		        m->end_date == NULL || strcmp(m->end_date, today) >= 0;
		html_open(&h, "tr", "class", "govuk-table__row", NULL);
		cell(&h,
		     ms[i].honorific_prefix
		             ? arena_printf(a, "%s %s", ms[i].honorific_prefix,
		                            ms[i].person_name)
		             : ms[i].person_name);
		cell(&h,
		     m->label ? m->label : record_choice_label(role, m->role));
		cell(&h, m->start_date ? calendar_date_text(a, m->start_date)
		                       : NULL);
		cell(&h,
		     m->end_date ? calendar_date_text(a, m->end_date) : NULL);
		if (running && m->end_date == NULL)
			link_cell(&h, a,
			          arena_printf(a,
			                       "/bodies/%s/members/%s/%s/end",
			                       c.body.short_name,
			                       ms[i].person_key, m->role),
			          "End membership",
			          arena_printf(a, " of %s", ms[i].person_name));
		else
			cell(&h, NULL);
		html_close(&h);
	}
	html_close_to(&h, "div");
	page_end(&h, req);
	rc = http_respond_html(req, 200, &h, err);
	html_free(&h);
	return rc;
}

const struct route setup_routes[] = {
        {"GET", "/organisations", list_params, GOV_ROLE_ADMIN,
         organisations_page},
        {"GET", "/organisations/new", new_params, GOV_ROLE_ADMIN, form_get,
         &org_new_form},
        {"POST", "/organisations/new", new_params, GOV_ROLE_ADMIN, form_post,
         &org_new_form},
        {"GET", "/organisations/{org}/edit", org_params, GOV_ROLE_ADMIN,
         form_get, &org_edit_form},
        {"POST", "/organisations/{org}/edit", org_params, GOV_ROLE_ADMIN,
         form_post, &org_edit_form},
        {"GET", "/people", list_params, GOV_ROLE_ADMIN, people_page},
        {"GET", "/people/new", new_params, GOV_ROLE_ADMIN, form_get,
         &person_new_form},
        {"POST", "/people/new", new_params, GOV_ROLE_ADMIN, form_post,
         &person_new_form},
        {"GET", "/people/{person}/edit", person_params, GOV_ROLE_ADMIN,
         form_get, &person_edit_form},
        {"POST", "/people/{person}/edit", person_params, GOV_ROLE_ADMIN,
         form_post, &person_edit_form},
        {"GET", "/structure/new-body", new_params, GOV_ROLE_ADMIN, form_get,
         &body_new_form},
        {"POST", "/structure/new-body", new_params, GOV_ROLE_ADMIN, form_post,
         &body_new_form},
        {"GET", "/bodies/{body}/members", members_params, GOV_ROLE_ADMIN,
         members_page},
        {"GET", "/bodies/{body}/edit", body_params, GOV_ROLE_ADMIN, form_get,
         &body_edit_form},
        {"POST", "/bodies/{body}/edit", body_params, GOV_ROLE_ADMIN, form_post,
         &body_edit_form},
        {"GET", "/bodies/{body}/close", body_params, GOV_ROLE_ADMIN, form_get,
         &body_close_form},
        {"POST", "/bodies/{body}/close", body_params, GOV_ROLE_ADMIN, form_post,
         &body_close_form},
        {"GET", "/bodies/{body}/members/new", body_params, GOV_ROLE_ADMIN,
         form_get, &member_new_form},
        {"POST", "/bodies/{body}/members/new", body_params, GOV_ROLE_ADMIN,
         form_post, &member_new_form},
        {"GET", "/bodies/{body}/chair", body_params, GOV_ROLE_ADMIN, form_get,
         &chair_form},
        {"POST", "/bodies/{body}/chair", body_params, GOV_ROLE_ADMIN, form_post,
         &chair_form},
        {"GET", "/bodies/{body}/members/{person}/{role}/end", membership_params,
         GOV_ROLE_ADMIN, form_get, &member_end_form},
        {"POST", "/bodies/{body}/members/{person}/{role}/end",
         membership_params, GOV_ROLE_ADMIN, form_post, &member_end_form},
        {0},
};
