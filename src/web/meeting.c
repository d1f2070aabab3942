/*
 * meeting: a meeting's page and the forms that edit it (see meeting.h).
 *
 * The page reads the meeting's parts with one query per kind, however many
 * items there are: items (with presenters and deferrals), attendance (with
 * roles and organisations), declarations, resolutions, papers and actions
 * raised (two: actions, then their owners), and the quorum and the
 * neighbouring meetings. Items are written as a tree (sub-items under their
 * item) in agenda order.
 *
 * Forms keep what was sent when they are shown again with errors: every
 * field's value is the request's parameter of that name when there is one,
 * else what is stored. Field ids are unique on a page, so that the error
 * summary's links reach them.
 *
 * The forms that change the meeting itself (its status, its minutes'
 * status) or an item (its minutes) carry the version of that record they
 * were rendered from, a hidden field "version". When someone else changed
 * the record since, gov refuses the change: the page comes back with 409,
 * an error summary saying so that links to the record, the record as it
 * is now and what was typed still in the form.
 */
#include "web/meeting.h"
#include "web/papers.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "gov/action.h"
#include "gov/body.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "http/server.h"
#include "web/actions.h"
#include "web/agenda.h"
#include "web/documents.h"
#include "web/layout.h"
#include "web/markdown.h"

enum {
	ITEM_NUMBER_MAX = 40,
	TITLE_MAX = 500,
	MINUTES_MAX = 100000, /* characters of one item's minutes */
	RESOLUTION_MAX = 10000,
	FORM_MAX_ERRORS = 16,
	LATER_MEETINGS = 24, /* offered for a deferral */
};

/* ---- parameters ---- */

#define BODY_PARAM                                      \
	{                                               \
		.name = "body", .where = ROUTE_IN_PATH, \
		.check = ROUTE_SHORT_NAME               \
	}
/* "2014-12-04", or "2014-12-04-2" for the body's second meeting that day:
 * a slug; whether the meeting exists is checked when it is looked up. */
#define DATE_PARAM                                                          \
	{                                                                   \
		.name = "date", .where = ROUTE_IN_PATH, .check = ROUTE_SLUG \
	}
#define NUMBER_PARAM                                                           \
	{                                                                      \
		.name = "number", .where = ROUTE_IN_PATH, .check = ROUTE_TEXT, \
		.max = ITEM_NUMBER_MAX                                         \
	}
#define FORM_TEXT(n, m)                                                 \
	{                                                               \
		.name = n, .where = ROUTE_IN_FORM, .check = ROUTE_TEXT, \
		.max = m                                                \
	}
#define FORM_ENUM(n, c)                                                 \
	{                                                               \
		.name = n, .where = ROUTE_IN_FORM, .check = ROUTE_ENUM, \
		.choices = c                                            \
	}
/* The version of the record a form was rendered from (see the top). */
#define VERSION_PARAM                                                  \
	{                                                              \
		.name = "version", .where = ROUTE_IN_FORM,             \
		.check = ROUTE_INTEGER, .min = 1, .max = INT64_MAX / 2 \
	}
#define END_PARAMS           \
	{                    \
		.name = NULL \
	}

/* What ?done= says on the meeting's page after a form has saved. */
static const char *const done_kinds[] = {
        "attendance", "minutes", "resolution",     "action",
        "item",       "status",  "minutes-status", NULL,
};
static const char *const done_messages[] = {
        "Attendance saved",     "Minutes saved",     "Resolution added",
        "Action raised",        "Agenda item added", "Meeting status saved",
        "Minutes status saved",
};

const struct route_param meeting_page_params[] = {
        BODY_PARAM,
        DATE_PARAM,
        {.name = "done",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = done_kinds},
        {.name = "item",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_TEXT,
         .max = ITEM_NUMBER_MAX},
        END_PARAMS,
};

const struct route_param meeting_params[] = {BODY_PARAM, DATE_PARAM,
                                             END_PARAMS};

static const char *const add_statuses[] = {"present", "in_attendance",
                                           "apologies", "absent", NULL};

const struct route_param meeting_attendance_params[] = {
        BODY_PARAM,
        DATE_PARAM,
        {.name = "status-*",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_ENUM,
         .choices = gov_attendance_statuses},
        {.name = "substitute-*", .where = ROUTE_IN_FORM, .check = ROUTE_SLUG},
        {.name = "add_person", .where = ROUTE_IN_FORM, .check = ROUTE_SLUG},
        FORM_ENUM("add_status", add_statuses),
        END_PARAMS,
};

static const char *const yes[] = {"yes", NULL};

const struct route_param meeting_item_add_params[] = {
        BODY_PARAM,
        DATE_PARAM,
        FORM_TEXT("number", ITEM_NUMBER_MAX),
        FORM_TEXT("title", TITLE_MAX),
        FORM_TEXT("parent", ITEM_NUMBER_MAX),
        FORM_ENUM("confidential", yes),
        END_PARAMS,
};

const struct route_param meeting_status_params[] = {
        BODY_PARAM,    DATE_PARAM, FORM_ENUM("status", gov_meeting_statuses),
        VERSION_PARAM, END_PARAMS,
};

const struct route_param meeting_minutes_status_params[] = {
        BODY_PARAM,
        DATE_PARAM,
        FORM_ENUM("minutes_status", gov_minutes_statuses),
        PAGE_DATE_PARAMS("minutes-approved", ROUTE_IN_FORM),
        PAGE_DATE_PARAMS("minutes-published", ROUTE_IN_FORM),
        VERSION_PARAM,
        END_PARAMS,
};

const struct route_param meeting_item_params[] = {BODY_PARAM, DATE_PARAM,
                                                  NUMBER_PARAM, END_PARAMS};

static const char *const minutes_ops[] = {"preview", "save", NULL};

const struct route_param meeting_minutes_params[] = {
        BODY_PARAM,
        DATE_PARAM,
        NUMBER_PARAM,
        FORM_TEXT("minutes", MINUTES_MAX),
        FORM_ENUM("item_status", gov_item_statuses),
        FORM_TEXT("deferred_to", 80),
        FORM_ENUM("op", minutes_ops),
        VERSION_PARAM,
        END_PARAMS,
};

const struct route_param meeting_resolution_params[] = {
        BODY_PARAM, DATE_PARAM, NUMBER_PARAM, FORM_TEXT("text", RESOLUTION_MAX),
        END_PARAMS,
};

static const char *const due_kinds[] = {"date", "next-meeting", NULL};

const struct route_param meeting_action_params[] = {
        BODY_PARAM,
        DATE_PARAM,
        NUMBER_PARAM,
        FORM_TEXT("details", RESOLUTION_MAX),
        {.name = "owner",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_SLUG,
         .many = true},
        FORM_ENUM("due", due_kinds),
        PAGE_DATE_PARAMS("due-date", ROUTE_IN_FORM),
        END_PARAMS,
};

/* ---- the meeting a path names ---- */

struct meeting_ref {
	struct gov_meeting m;
	struct gov_body body;
	const char *href;           /* "/meetings/RLSCB/2014-12-04" */
	char when[DATE_WORDS_SIZE]; /* "Thursday 4 December 2014" */
	char day[DATE_WORDS_SIZE];  /* "4 December 2014" */
};

/* iso in words into out, or iso itself when it is not a date. */
static void words_of(const char *iso, bool weekday, char out[DATE_WORDS_SIZE])
{
	date_days d;

	if (iso != NULL && date_parse(iso, &d, NULL) == MASA_OK)
		date_format_words(d, weekday, out);
	else
		snprintf(out, DATE_WORDS_SIZE, "%s", iso ? iso : "");
}

static const char *words(struct arena *a, const char *iso, bool weekday)
{
	char out[DATE_WORDS_SIZE];

	words_of(iso, weekday, out);
	return arena_strdup(a, out);
}

/* The meeting {body}/{date} names (404 when there is none) and its body. */
static enum masa_err meeting_ref_load(struct http_request *req,
                                      struct meeting_ref *r,
                                      struct masa_error *err)
{
	const char *key =
	        arena_printf(&req->arena, "%s/%s", http_param(req, "body"),
	                     http_param(req, "date"));
	enum masa_err rc;

	memset(r, 0, sizeof *r);
	/* A public page also shows the meetings of bodies serving this
	 * partnership from another; forms reach only its own. */
	if (req->route->role == GOV_ROLE_PUBLIC &&
	    (strcmp(req->method, "GET") == 0 ||
	     strcmp(req->method, "HEAD") == 0))
		rc = gov_meeting_find_seen(&req->gov, req->partnership->id, key,
		                           &req->arena, &r->m, err);
	else
		rc = gov_meeting_find(&req->gov, req->partnership->id, key,
		                      &req->arena, &r->m, err);
	if (rc == MASA_ERR_NOT_FOUND)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "There is no meeting %s. Check the "
		                      "body's short name and the date.",
		                      key);
	if (rc == MASA_OK)
		rc = gov_body_get(&req->gov, r->m.body_id, &req->arena,
		                  &r->body, err);
	if (rc != MASA_OK)
		return rc;
	r->href = arena_printf(&req->arena, "/meetings/%s", r->m.key);
	words_of(r->m.date, true, r->when);
	words_of(r->m.date, false, r->day);
	return MASA_OK;
}

/*
 * The item {number} of the meeting (404 when there is none). A path
 * segment cannot hold a '/' (the server decodes %2F before routing), so an
 * item numbered "HW.35/24" is addressed as "HW.35~24" (see item_href).
 */
static enum masa_err item_load(struct http_request *req,
                               const struct meeting_ref *r, struct gov_item *it,
                               struct masa_error *err)
{
	const char *number = http_param(req, "number");
	enum masa_err rc = gov_item_find(&req->gov, &req->viewer, r->m.id,
	                                 number, &req->arena, it, err);

	if (rc == MASA_ERR_NOT_FOUND && strchr(number, '~') != NULL) {
		char *slashed = arena_strdup(&req->arena, number);
		for (char *p = slashed; *p; p++)
			if (*p == '~')
				*p = '/';
		rc = gov_item_find(&req->gov, &req->viewer, r->m.id, slashed,
		                   &req->arena, it, err);
		if (rc == MASA_OK)
			number = slashed;
	}

	if (rc == MASA_ERR_NOT_FOUND)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "Meeting %s has no item %s.", r->m.key,
		                      number);
	return rc;
}

/* ---- addresses ---- */

/* s as one path or query segment: unreserved characters kept, the rest
 * %-escaped ("HW.35/24" -> "HW.35%2F24"). */
static const char *escaped_segment(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	char *out = arena_alloc(a, 3 * n + 1), *p = out;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c) != NULL) {
			*p++ = (char)c;
		} else {
			snprintf(p, 4, "%%%02X", c);
			p += 3;
		}
	}
	*p = '\0';
	return out;
}

/* The id of an item's part of the page: "item-4.1" (other characters of
 * the number become '-'). */
static const char *item_anchor(struct arena *a, const char *number)
{
	char *id = arena_printf(a, "item-%s", number);

	for (char *p = id + 5; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '.' || *p == '_'))
			*p = '-';
	return id;
}

/* "/meetings/KEY/items/NUMBER/what"; a '/' in the number becomes '~'. */
static const char *item_href(struct arena *a, const struct meeting_ref *r,
                             const char *number, const char *what)
{
	char *n = arena_strdup(a, number);

	for (char *p = n; *p; p++)
		if (*p == '/')
			*p = '~';
	return arena_printf(a, "%s/items/%s/%s", r->href, escaped_segment(a, n),
	                    what);
}

/* The meeting's page after a form saved: the banner says what was done. */
static enum masa_err back_to_meeting(struct http_request *req,
                                     const struct meeting_ref *r,
                                     const char *done, const char *number,
                                     const char *anchor, struct masa_error *err)
{
	struct arena *a = &req->arena;
	const char *to = arena_printf(a, "%s?done=%s%s%s#%s", r->href, done,
	                              number ? "&item=" : "",
	                              number ? escaped_segment(a, number) : "",
	                              number ? item_anchor(a, number) : anchor);

	return http_respond_redirect(req, to, err);
}

/* ---- forms: errors and values ---- */

struct form_errors {
	struct govuk_error_summary_item list[FORM_MAX_ERRORS];
	struct govuk_error_message messages[FORM_MAX_ERRORS];
	const char *ids[FORM_MAX_ERRORS];
	size_t n;
	/* someone else changed the record since the form was rendered: the
	 * one error links to the record, and the answer is 409 */
	bool conflict;
};

/* Adds message about the field with id (the summary links to it). */
static void form_error(struct form_errors *fe, struct arena *a, const char *id,
                       const char *message)
{
	if (fe->n == FORM_MAX_ERRORS)
		return;
	fe->ids[fe->n] = arena_strdup(a, id);
	fe->list[fe->n] = (struct govuk_error_summary_item){
	        .href = arena_printf(a, "#%s", id),
	        .content.text = arena_strdup(a, message),
	};
	fe->messages[fe->n] = (struct govuk_error_message){
	        .content.text = fe->list[fe->n].content.text,
	};
	fe->n++;
}

/* The message for the field with id, or NULL. */
static const struct govuk_error_message *error_for(const struct form_errors *fe,
                                                   const char *id)
{
	for (size_t i = 0; fe != NULL && i < fe->n; i++)
		if (strcmp(fe->ids[i], id) == 0)
			return &fe->messages[i];
	return NULL;
}

/*
 * The one error of a change gov refused because the record (at href) has
 * changed since the form was rendered: why's message, with a capital.
 */
static void form_conflict(struct form_errors *fe, struct arena *a,
                          const char *href, const struct masa_error *why)
{
	char *message = arena_strdup(a, why->message);

	message[0] = (char)toupper((unsigned char)message[0]);
	fe->n = 0;
	fe->ids[0] = ""; /* about no one field */
	fe->list[0] = (struct govuk_error_summary_item){
	        .href = href,
	        .content.text = message,
	};
	fe->messages[0] = (struct govuk_error_message){.content.text = message};
	fe->n = 1;
	fe->conflict = true;
}

/*
 * After gov refused a change with rc: was it because the record has
 * another version (stored) than the form was rendered from (version, 0
 * when it sent none)?
 */
static bool stale(enum masa_err rc, int64_t version, int64_t stored)
{
	return rc == MASA_ERR_CONFLICT && version != 0 && version != stored;
}

static void error_summary(struct html *h, const struct form_errors *fe)
{
	if (fe == NULL || fe->n == 0)
		return;
	govuk_error_summary(
	        h, &(struct govuk_error_summary){
	                   .title.text = "There is a problem",
	                   .description.text =
	                           fe->conflict ? "Nothing you sent has been "
	                                          "saved. The page shows "
	                                          "what is saved now, and "
	                                          "what you sent is still "
	                                          "in the form."
	                                        : NULL,
	                   .error_list = fe->list,
	                   .n_errors = fe->n,
	           });
}

/*
 * The hidden field with the version of the record a form changes: the one
 * sent with a form shown again (what it holds was typed against that
 * version), except after a conflict, when the page shows the record as it
 * is now; else the stored one.
 */
static void version_field(struct html *h, struct http_request *req,
                          int64_t stored, const struct form_errors *fe)
{
	const char *sent = http_param(req, "version");

	html_void(
	        h, "input", "type", "hidden", "name", "version", "value",
	        sent != NULL && !(fe != NULL && fe->conflict)
	                ? sent
	                : arena_printf(&req->arena, "%lld", (long long)stored),
	        NULL);
}

/* A form's value: what was sent, else what is stored (may be NULL). */
static const char *value_of(const struct http_request *req, const char *name,
                            const char *stored)
{
	const char *sent = http_param(req, name);

	return sent ? sent : stored;
}

static void today_iso(char out[DATE_TEXT_SIZE])
{
	date_format(date_today(), out);
}

/* ---- small pieces of markup ---- */

static const char *person_label(struct arena *a, const char *prefix,
                                const char *name)
{
	if (name == NULL)
		return "";
	return prefix ? arena_printf(a, "%s %s", prefix, name) : name;
}

/* "minute_taker" -> "Minute taker" */
static const char *role_words(struct arena *a, const char *role)
{
	char *w;

	if (role == NULL)
		return NULL;
	w = arena_strdup(a, role);
	for (char *p = w; *p; p++)
		if (*p == '_')
			*p = ' ';
	if (w[0] >= 'a' && w[0] <= 'z')
		w[0] = (char)(w[0] - 'a' + 'A');
	return w;
}

static void tag(struct html *h, const char *text, const char *classes)
{
	govuk_tag(h, &(struct govuk_tag){.content.text = text,
	                                 .classes = classes});
}

static const char *meeting_status_tag_class(const char *status)
{
	static const char *const map[][2] = {
	        {"held", "govuk-tag--green"},
	        {"scheduled", "govuk-tag--blue"},
	        {"cancelled", "govuk-tag--red"},
	        {"inquorate", "govuk-tag--orange"},
	        {"adjourned", "govuk-tag--yellow"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(status, map[i][0]) == 0)
			return map[i][1];
	return "govuk-tag--grey";
}

static const char *action_status_tag_class(const char *status)
{
	if (strcmp(status, "open") == 0)
		return "govuk-tag--blue";
	if (strcmp(status, "in_progress") == 0)
		return "govuk-tag--light-blue";
	if (strcmp(status, "discharged") == 0)
		return "govuk-tag--green";
	return "govuk-tag--grey";
}

/* A table that scrolls sideways by itself on a phone (see layout.h). */
static void scroll_table(struct html *h, const struct govuk_table *t)
{
	struct govuk_table labelled = *t;

	labelled.label_cells = true; /* rows stack on a phone */
	page_table_wrap_begin(h, t->caption);
	govuk_table(h, &labelled);
	html_close_to(h, "div");
}

/* The back link, inside <main> so that all content is in a landmark. */
static void back_link(struct html *h, const char *href)
{
	govuk_back_link(h, &(struct govuk_back_link){
	                           .href = href,
	                           .content.text = "Back to the meeting",
	                           .classes = "govuk-!-margin-top-0",
	                   });
}

static void para(struct html *h, const char *text)
{
	html_elem(h, "p", text, "class", "govuk-body", NULL);
}

/* ---- the meeting's page ---- */

struct view {
	struct http_request *req;
	struct meeting_ref *r;
	/* see_agenda without see_minutes: a published agenda before its
	 * minutes are (the items' numbers, titles, presenters and papers) */
	bool see_minutes, see_agenda, see_papers, admin;
	struct gov_quorum quorum;
	struct gov_attendee *att;
	size_t natt;
	struct gov_declaration_row *decl;
	size_t ndecl;
	struct gov_item_row *items;
	size_t nitems;
	bool *hidden;  /* per item: confidential and not for this viewer */
	int *depth;    /* per item: 0 for a main item */
	size_t *order; /* items in the order written (a tree) */
	struct gov_resolution *res;
	size_t nres;
	struct gov_document *docs;
	size_t ndocs;
	struct gov_action_entry *actions;
	size_t nactions;
	struct gov_meeting prev, next;
	const struct form_errors *errors; /* of a form shown again */
};

static size_t item_index(const struct view *v, int64_t id)
{
	for (size_t i = 0; i < v->nitems; i++)
		if (v->items[i].item.id == id)
			return i;
	return v->nitems;
}

/* Puts item i and, after it, its sub-items (in agenda order) in v->order. */
static void order_from(struct view *v, size_t i, int depth, size_t *n)
{
	v->order[(*n)++] = i;
	v->depth[i] = depth;
	/* The depth bound keeps a parent cycle (which gov refuses) finite. */
	if ((size_t)depth >= v->nitems)
		return;
	for (size_t j = 0; j < v->nitems; j++)
		if (v->items[j].item.parent_id == v->items[i].item.id && j != i)
			order_from(v, j, depth + 1, n);
}

/*
 * Orders the items as a tree and marks those the viewer may not see: those
 * the domain gave as hidden (part two, gov/access.h) and, with them,
 * everything under them.
 */
static void items_arrange(struct view *v, struct arena *a)
{
	size_t n = 0;

	v->hidden = arena_alloc(a, (v->nitems + 1) * sizeof *v->hidden);
	v->depth = arena_alloc(a, (v->nitems + 1) * sizeof *v->depth);
	v->order = arena_alloc(a, (v->nitems + 1) * sizeof *v->order);
	for (size_t i = 0; i < v->nitems; i++)
		if (v->items[i].item.parent_id == 0 ||
		    item_index(v, v->items[i].item.parent_id) == v->nitems)
			order_from(v, i, 0, &n);
	v->nitems = n < v->nitems ? n : v->nitems;
	for (size_t k = 0; k < v->nitems; k++) {
		size_t i = v->order[k];
		size_t parent = item_index(v, v->items[i].item.parent_id);
		/* Parents come before their sub-items in the order; the
		 * domain stores a sub-item of a part-two item as part two. */
		v->hidden[i] = v->items[i].hidden ||
		               (parent < v->nitems && v->hidden[parent]);
	}
}

static enum masa_err view_read(struct http_request *req, struct meeting_ref *r,
                               struct view *v, struct masa_error *err)
{
	struct gov *g = &req->gov;
	struct arena *a = &req->arena;
	int64_t id = r->m.id;
	enum masa_err rc;

	memset(v, 0, sizeof *v);
	v->req = req;
	v->r = r;
	v->see_minutes = gov_may_see_minutes(&req->viewer, &r->m);
	v->see_agenda = gov_may_see_agenda(&req->viewer, &r->m);
	v->admin = gov_may_administer(&req->viewer, r->m.partnership_id);
	if ((rc = gov_may_see_papers(g, &req->viewer, id, &v->see_papers,
	                             err)) ||
	    (rc = gov_meeting_neighbours(g, &r->m, a, &v->prev, &v->next, err)))
		return rc;
	if (v->see_agenda && !v->see_minutes) {
		if ((rc = gov_item_rows(g, &req->viewer, id, a, &v->items,
		                        &v->nitems, err)) ||
		    (v->see_papers &&
		     (rc = gov_document_list(g, &req->viewer, id, a, &v->docs,
		                             &v->ndocs, err))))
			return rc;
		items_arrange(v, a);
		return MASA_OK;
	}
	if (!v->see_minutes)
		return MASA_OK;
	if ((rc = gov_attendance_list(g, id, a, &v->att, &v->natt, err)) ||
	    (rc = gov_declaration_rows(g, &req->viewer, id, a, &v->decl,
	                               &v->ndecl, err)) ||
	    (rc = gov_item_rows(g, &req->viewer, id, a, &v->items, &v->nitems,
	                        err)) ||
	    (rc = gov_resolution_list(g, &req->viewer, id, a, &v->res, &v->nres,
	                              err)) ||
	    (rc = gov_action_list_meeting(g, &req->viewer, id, a, &v->actions,
	                                  &v->nactions, err)))
		return rc;
	if (v->see_papers && (rc = gov_document_list(g, &req->viewer, id, a,
	                                             &v->docs, &v->ndocs, err)))
		return rc;
	if (v->natt > 0 && (rc = gov_meeting_quorum(g, id, &v->quorum, err)))
		return rc;
	items_arrange(v, a);
	return MASA_OK;
}

/*
 * Reads what the page shows in one read transaction: one snapshot of the
 * meeting, and one lock taken instead of one per query.
 */
static enum masa_err view_load(struct http_request *req, struct meeting_ref *r,
                               struct view *v, struct masa_error *err)
{
	enum masa_err rc = gov_begin_read(&req->gov, err);

	if (rc != MASA_OK)
		return rc;
	return gov_end(&req->gov, view_read(req, r, v, err), err);
}

/* Is the item with id hidden from the viewer? (Not an item: no.) */
static bool item_hidden(const struct view *v, int64_t id)
{
	size_t i = item_index(v, id);

	return i < v->nitems && v->hidden[i];
}

static void write_status(struct html *h, const void *arg)
{
	const struct view *v = arg;
	const char *status = v->r->m.status;

	tag(h, role_words(&v->req->arena, status),
	    meeting_status_tag_class(status));
}

static void write_minutes_status(struct html *h, const void *arg)
{
	const struct view *v = arg;
	const struct gov_meeting *m = &v->r->m;
	struct arena *a = &v->req->arena;
	const char *status = m->minutes_status ? m->minutes_status : "draft";

	if (strcmp(status, "published") == 0) {
		tag(h, "Published", "govuk-tag--green");
		html_textf(h, " Approved on %s, published on %s.",
		           words(a, m->minutes_approved_on, false),
		           words(a, m->minutes_published_on, false));
	} else if (strcmp(status, "approved") == 0) {
		tag(h, "Approved", "govuk-tag--blue");
		html_textf(h, " Approved on %s; not yet published.",
		           words(a, m->minutes_approved_on, false));
	} else if (v->req->viewer.role == GOV_ROLE_PUBLIC) {
		tag(h, "Not yet published", "govuk-tag--grey");
	} else {
		tag(h, "Draft", "govuk-tag--grey");
		html_text(h, " Not yet approved.");
	}
}

static void write_webcast(struct html *h, const void *arg)
{
	const struct view *v = arg;

	html_elem(h, "a", "Watch the webcast", "class", "govuk-link", "href",
	          v->r->m.webcast_url, NULL);
}

static const char *quorum_words(const struct view *v)
{
	const struct gov_quorum *q = &v->quorum;
	struct arena *a = &v->req->arena;
	const char *count = arena_printf(a, "%d of %d voting members present",
	                                 q->voting_present, q->voting_members);

	if (v->natt == 0)
		return "Not known: no attendance has been recorded";
	if (!q->has_rule)
		return arena_printf(a, "%s (the body has no quorum rule)",
		                    count);
	return arena_printf(
	        a, "%s: %s (rule: %s)%s", q->quorate ? "Quorate" : "Inquorate",
	        count, gov_body_quorum_text(a, &v->r->body),
	        q->partners_missing == 0
	                ? ""
	                : arena_printf(a,
	                               "; %d safeguarding partner%s not "
	                               "present",
	                               q->partners_missing,
	                               q->partners_missing == 1 ? "" : "s"));
}

static void write_facts(struct html *h, const struct view *v)
{
	const struct gov_meeting *m = &v->r->m;
	struct arena *a = &v->req->arena;
	struct govuk_summary_list_row rows[10];
	size_t n = 0;

	rows[n++] = (struct govuk_summary_list_row){.key.text = "Date",
	                                            .value.text = v->r->when};
	if (m->start_time)
		rows[n++] = (struct govuk_summary_list_row){
		        .key.text = "Time",
		        .value.text = m->end_time ? arena_printf(a, "%s to %s",
		                                                 m->start_time,
		                                                 m->end_time)
		                                  : m->start_time};
	if (m->location)
		rows[n++] = (struct govuk_summary_list_row){
		        .key.text = "Venue", .value.text = m->location};
	rows[n++] = (struct govuk_summary_list_row){
	        .key.text = "Status",
	        .value = {.write = write_status, .arg = v}};
	if (m->agenda_published_on)
		rows[n++] = (struct govuk_summary_list_row){
		        .key.text = "Agenda",
		        .value.text = arena_printf(
		                a, "Published on %s",
		                words(a, m->agenda_published_on, false))};
	rows[n++] = (struct govuk_summary_list_row){
	        .key.text = "Minutes",
	        .value = {.write = write_minutes_status, .arg = v}};
	if (v->see_minutes)
		rows[n++] = (struct govuk_summary_list_row){
		        .key.text = "Quorum", .value.text = quorum_words(v)};
	if (m->part_two_exemption)
		rows[n++] = (struct govuk_summary_list_row){
		        .key.text = "Part 2",
		        .value.text = arena_printf(
		                a, "The press and public are excluded under %s",
		                m->part_two_exemption)};
	if (m->webcast_url)
		rows[n++] = (struct govuk_summary_list_row){
		        .key.text = "Webcast",
		        .value = {.write = write_webcast, .arg = v}};
	govuk_summary_list(
	        h, &(struct govuk_summary_list){.rows = rows, .n_rows = n});
}

/* Job title and organisation, without saying the organisation twice. */
static const char *post_words(struct arena *a, const char *job,
                              const char *organisation)
{
	if (job == NULL)
		return organisation ? organisation : "";
	if (organisation == NULL || strstr(job, organisation) != NULL)
		return job;
	return arena_printf(a, "%s, %s", job, organisation);
}

/* The attendance group `caption`: rows whose status is one of statuses. */
static void write_attendance_group(struct html *h, const struct view *v,
                                   const char *caption,
                                   const char *const *statuses)
{
	static const struct govuk_table_cell head[] = {
	        {.content.text = "Name"},
	        {.content.text = "Role"},
	        {.content.text = "Job title and organisation"},
	        {.content.text = "Notes"},
	};
	struct arena *a = &v->req->arena;
	struct govuk_table_cell *cells =
	        arena_alloc(a, (v->natt + 1) * 4 * sizeof *cells);
	size_t rows = 0;

	for (size_t i = 0; i < v->natt; i++) {
		const struct gov_attendee *at = &v->att[i];
		const char *name, *notes = "";
		bool match = false;

		for (size_t s = 0; statuses[s]; s++)
			match |= strcmp(at->a.status, statuses[s]) == 0;
		if (!match)
			continue;
		name = person_label(a, at->honorific_prefix, at->person_name);
		if (strcmp(at->a.status, "represented_by") == 0)
			name = arena_printf(a, "%s, represented by %s", name,
			                    at->substitute_name);
		if (at->arrived_item)
			notes = arena_printf(a, "Arrived at item %s",
			                     at->arrived_item);
		if (at->left_item)
			notes = arena_printf(a, "%s%sLeft at item %s", notes,
			                     notes[0] ? "; " : "",
			                     at->left_item);
		cells[rows * 4 + 0].content.text = name;
		cells[rows * 4 + 1].content.text = role_words(a, at->role);
		cells[rows * 4 + 2].content.text =
		        post_words(a, at->job_title, at->organisation_name);
		cells[rows * 4 + 3].content.text = notes;
		rows++;
	}
	if (rows == 0)
		return;
	scroll_table(h, &(struct govuk_table){
	                        .caption = arena_printf(a, "%s (%zu)", caption,
	                                                rows),
	                        .caption_classes = "govuk-table__caption--s",
	                        .head = head,
	                        .n_head = 4,
	                        .cells = cells,
	                        .n_rows = rows,
	                        .n_columns = 4,
	                        .first_cell_is_header = true,
	                });
}

static void write_attendance(struct html *h, const struct view *v)
{
	static const char *const present[] = {"present", "represented_by",
	                                      NULL};
	static const char *const in_attendance[] = {"in_attendance", NULL};
	static const char *const apologies[] = {"apologies", NULL};
	static const char *const absent[] = {"absent", NULL};

	html_elem(h, "h2", "Attendance", "class", "govuk-heading-m", "id",
	          "attendance", NULL);
	if (v->natt == 0)
		para(h, "No attendance has been recorded.");
	write_attendance_group(h, v, "Present", present);
	write_attendance_group(h, v, "In attendance", in_attendance);
	write_attendance_group(h, v, "Apologies", apologies);
	write_attendance_group(h, v, "Absent", absent);
	if (v->admin) {
		html_open(h, "p", "class", "govuk-body", NULL);
		html_elem(h, "a", "Record attendance", "class", "govuk-link",
		          "href",
		          arena_printf(&v->req->arena, "%s/attendance",
		                       v->r->href),
		          NULL);
		html_close(h);
	}
}

static void write_declarations(struct html *h, const struct view *v)
{
	struct arena *a = &v->req->arena;
	size_t shown = 0;

	for (size_t i = 0; i < v->ndecl; i++) {
		const struct gov_declaration_row *d = &v->decl[i];
		/* An interest in a part 2 item is part of that item. */
		if (d->d.item_id && item_hidden(v, d->d.item_id))
			continue;
		if (shown++ == 0) {
			html_elem(h, "h2", "Declarations of interest", "class",
			          "govuk-heading-m", NULL);
			html_open(h, "ul", "class",
			          "govuk-list govuk-list--bullet", NULL);
		}
		html_open(h, "li", NULL);
		html_textf(h, "%s%s%s: %s",
		           person_label(a, d->honorific_prefix, d->person_name),
		           d->item_number ? ", item " : "",
		           d->item_number ? d->item_number : "", d->d.interest);
		html_close(h);
	}
	if (shown > 0)
		html_close(h);
}

static void write_resolutions(struct html *h, const struct view *v,
                              int64_t item_id)
{
	bool any = false;

	for (size_t k = 0; k < v->nres; k++) {
		const struct gov_resolution *res = &v->res[k];
		if (res->item_id != item_id)
			continue;
		if (!any)
			html_open(h, "div", "class", "masa-resolutions", NULL);
		if (!any)
			html_elem(h, "p", "Resolved:", "class",
			          "govuk-body govuk-!-font-weight-bold", NULL);
		any = true;
		html_open(h, "p", "class", "govuk-body masa-lines", NULL);
		html_open(h, "strong", NULL);
		html_textf(h, "(%lld)", (long long)res->number);
		html_close(h);
		html_text(h, " ");
		html_text(h, res->text);
		html_close(h);
	}
	if (any)
		html_close(h);
}

/* The owners of an action as one line of names. */
static const char *owners_words(struct arena *a,
                                const struct gov_action_entry *e)
{
	const char *out = "";

	for (size_t i = 0; i < e->nowners; i++)
		out = arena_printf(a, "%s%s%s", out, i ? ", " : "",
		                   e->owners[i].name);
	return out;
}

static void write_action_reference(struct html *h, const void *arg)
{
	const struct gov_action_entry *e = arg;
	struct buf href;

	buf_init(&href, 256);
	(void)buf_printf(&href, NULL, "/actions/%s", e->action.key);
	html_elem(h, "a", e->action.key, "class", "govuk-link", "href",
	          buf_str(&href), NULL);
	buf_free(&href);
}

static void write_action_status(struct html *h, const void *arg)
{
	const struct gov_action_entry *e = arg;
	char words_buf[32];

	snprintf(words_buf, sizeof words_buf, "%s", e->action.status);
	for (char *p = words_buf; *p; p++)
		if (*p == '_')
			*p = ' ';
	if (words_buf[0] >= 'a' && words_buf[0] <= 'z')
		words_buf[0] = (char)(words_buf[0] - 'a' + 'A');
	tag(h, words_buf, action_status_tag_class(e->action.status));
}

static const char *due_words(struct arena *a, const struct gov_action_entry *e)
{
	if (e->action.due_meeting_id != 0)
		return e->due ? arena_printf(a, "By the next meeting (%s)",
		                             words(a, e->due, false))
		              : "By the next meeting";
	return e->due ? words(a, e->due, false) : "";
}

/* The actions raised at item_id (0: at the meeting, under no item). */
static void write_actions(struct html *h, const struct view *v, int64_t item_id,
                          const char *caption)
{
	static const struct govuk_table_cell head[] = {
	        {.content.text = "Reference"}, {.content.text = "Action"},
	        {.content.text = "Owners"},    {.content.text = "Due"},
	        {.content.text = "Status"},
	};
	struct arena *a = &v->req->arena;
	struct govuk_table_cell *cells;
	size_t rows = 0;

	for (size_t k = 0; k < v->nactions; k++)
		rows += v->actions[k].action.item_id == item_id;
	if (rows == 0)
		return;
	cells = arena_alloc(a, rows * 5 * sizeof *cells);
	rows = 0;
	for (size_t k = 0; k < v->nactions; k++) {
		const struct gov_action_entry *e = &v->actions[k];
		if (e->action.item_id != item_id)
			continue;
		/* A link only for readers who may open the action's page
		 * (signed in): the public reads it in the minutes alone. */
		if (actions_may_open(v->req))
			cells[rows * 5 + 0].content = (struct govuk_content){
			        .write = write_action_reference, .arg = e};
		else
			cells[rows * 5 + 0].content.text = e->action.key;
		cells[rows * 5 + 1].content.text = e->action.details;
		cells[rows * 5 + 1].classes = "masa-lines";
		cells[rows * 5 + 2].content.text = owners_words(a, e);
		cells[rows * 5 + 3].content.text = due_words(a, e);
		cells[rows * 5 + 4].content = (struct govuk_content){
		        .write = write_action_status, .arg = e};
		rows++;
	}
	scroll_table(h, &(struct govuk_table){
	                        .caption = caption,
	                        .caption_classes = "govuk-table__caption--s",
	                        .head = head,
	                        .n_head = 5,
	                        .cells = cells,
	                        .n_rows = rows,
	                        .n_columns = 5,
	                });
}

static void write_papers(struct html *h, const struct view *v, int64_t item_id)
{
	bool any = false;

	for (size_t k = 0; k < v->ndocs; k++) {
		const struct gov_document *d = &v->docs[k];
		if (d->item_id != item_id)
			continue;
		if (!any) {
			html_elem(h, "p", "Papers", "class",
			          "govuk-body govuk-!-font-weight-bold", NULL);
			html_open(h, "ul", "class", "govuk-list", NULL);
		}
		any = true;
		html_open(h, "li", NULL);
		if (d->url)
			html_elem(h, "a", d->title, "class", "govuk-link",
			          "href", d->url, NULL);
		else
			html_text(h, d->title);
		html_textf(h, " (%s)", d->kind);
		html_close(h);
	}
	if (any)
		html_close(h);
}

static void write_item(struct html *h, const struct view *v, size_t i)
{
	const struct gov_item_row *row = &v->items[i];
	const struct gov_item *it = &row->item;
	struct arena *a = &v->req->arena;
	size_t parent = item_index(v, it->parent_id);
	int level = v->depth[i] == 0 ? 3 : 4;

	if (v->hidden[i]) {
		/* Everything under a hidden item is part of it. */
		if (parent < v->nitems && v->hidden[parent])
			return;
		html_open(h, "p", "class", "govuk-body masa-item", "id",
		          item_anchor(a, it->number), NULL);
		html_textf(h, "Item %s: confidential (not published)",
		           it->number);
		html_close(h);
		return;
	}
	html_open(h, "div", "class",
	          v->depth[i] ? "masa-item masa-item--sub" : "masa-item", "id",
	          item_anchor(a, it->number), NULL);
	html_open(h, level == 3 ? "h3" : "h4", "class",
	          level == 3 ? "govuk-heading-m" : "govuk-heading-s", NULL);
	html_textf(h, "Item %s: %s", it->number, it->title);
	html_close(h);
	if (it->confidential) {
		html_open(h, "p", "class", "govuk-body", NULL);
		tag(h, "Confidential", "govuk-tag--red");
		char today[DATE_TEXT_SIZE];
		today_iso(today);
		html_text(h, strcmp(v->r->m.date, today) < 0
		                     ? " Part 2: the press and public were "
		                       "excluded"
		                     : " Part 2: the press and public are "
		                       "excluded");
		html_text(h, it->part_two_reason ? " (" : ".");
		if (it->part_two_reason) {
			html_text(h, it->part_two_reason);
			html_text(h, ").");
		}
		html_close(h);
	}
	if (row->presenter_name) {
		html_open(h, "p", "class", "govuk-body-s", NULL);
		html_textf(h, "Presented by %s",
		           person_label(a, row->presenter_prefix,
		                        row->presenter_name));
		html_close(h);
	}
	if (strcmp(it->status, "deferred") == 0) {
		html_open(h, "p", "class", "govuk-body", NULL);
		if (row->deferred_to_key) {
			html_text(h, "Deferred to ");
			html_elem(h, "a",
			          arena_printf(a, "the meeting on %s",
			                       words(a, row->deferred_to_date,
			                             false)),
			          "class", "govuk-link", "href",
			          arena_printf(a, "/meetings/%s",
			                       row->deferred_to_key),
			          NULL);
			html_text(h, ".");
		} else {
			html_text(h, "Deferred to a later meeting.");
		}
		html_close(h);
	} else if (strcmp(it->status, "withdrawn") == 0) {
		para(h, "Withdrawn.");
	}
	markdown_write(h, it->minutes, level + 1);
	write_resolutions(h, v, it->id);
	write_actions(h, v, it->id,
	              arena_printf(a, "Actions raised at item %s", it->number));
	if (v->see_papers)
		write_papers(h, v, it->id);
	if (v->admin) {
		html_open(h, "p", "class", "govuk-body", NULL);
		html_elem(h, "a",
		          arena_printf(a,
		                       "Edit item %s: minutes, resolutions "
		                       "and actions",
		                       it->number),
		          "class", "govuk-link", "href",
		          item_href(a, v->r, it->number, "minutes"), NULL);
		html_close(h);
	}
	html_close(h);
}

/* The items' numbers and titles, each a link to its part of the page. */
static void write_contents(struct html *h, const struct view *v)
{
	struct arena *a = &v->req->arena;

	if (v->nitems < 2)
		return;
	html_open(h, "nav", "aria-label", "Items", "class",
	          "govuk-!-margin-bottom-6", NULL);
	html_elem(h, "h3", "Items", "class", "govuk-heading-s", NULL);
	html_open(h, "ul", "class", "govuk-list", NULL);
	for (size_t k = 0; k < v->nitems; k++) {
		size_t i = v->order[k];
		const struct gov_item *it = &v->items[i].item;
		size_t parent = item_index(v, it->parent_id);
		if (v->depth[i] > 1 ||
		    (parent < v->nitems && v->hidden[parent]))
			continue;
		if (v->depth[i])
			html_open(h, "li", "class", "govuk-!-margin-left-4",
			          NULL);
		else
			html_open(h, "li", NULL);
		html_elem(h, "a",
		          v->hidden[i]
		                  ? arena_printf(a, "Item %s: confidential",
		                                 it->number)
		                  : arena_printf(a, "%s. %s", it->number,
		                                 it->title),
		          "class", "govuk-link", "href",
		          arena_printf(a, "#%s", item_anchor(a, it->number)),
		          NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void write_agenda(struct html *h, const struct view *v)
{
	html_elem(h, "h2", v->see_minutes ? "Agenda and minutes" : "Agenda",
	          "class", "govuk-heading-m", "id", "agenda", NULL);
	if (v->nitems == 0)
		para(h, "No agenda has been recorded.");
	write_contents(h, v);
	for (size_t k = 0; k < v->nitems; k++)
		write_item(h, v, v->order[k]);
	write_actions(h, v, 0, "Other actions raised at this meeting");
}

/* The select of a meeting's items (for a sub-item's parent). */
static void item_select(struct html *h, const struct view *v, const char *value,
                        const struct govuk_error_message *error)
{
	struct arena *a = &v->req->arena;
	struct govuk_select_item *opts =
	        arena_alloc(a, (v->nitems + 1) * sizeof *opts);

	opts[0] = (struct govuk_select_item){.value = "",
	                                     .text = "None: a main item"};
	for (size_t k = 0; k < v->nitems; k++) {
		const struct gov_item *it = &v->items[v->order[k]].item;
		opts[k + 1] = (struct govuk_select_item){
		        .value = it->number,
		        .text = arena_printf(a, "%s: %.60s", it->number,
		                             it->title)};
	}
	govuk_select(h, &(struct govuk_select){
	                        .name = "parent",
	                        .items = opts,
	                        .n_items = v->nitems + 1,
	                        .value = value,
	                        .field.label.content.text = "Sub-item of",
	                        .field.error_message = error,
	                });
}

static void write_item_form(struct html *h, const struct view *v)
{
	struct http_request *req = v->req;
	const struct form_errors *fe = v->errors;
	static const struct govuk_choice_item confidential[] = {{
	        .value = "yes",
	        .content.text = "Confidential (part 2: the press and public "
	                        "are excluded)",
	}};
	const char *sent = http_param(req, "confidential");

	html_elem(h, "h3", "Add an agenda item", "class", "govuk-heading-s",
	          "id", "add-item", NULL);
	page_form_begin(h, req,
	                arena_printf(&req->arena, "%s/items", v->r->href));
	govuk_input(h,
	            &(struct govuk_input){
	                    .name = "number",
	                    .value = http_param(req, "number"),
	                    .classes = "govuk-input--width-5",
	                    .spellcheck = GOVUK_FALSE,
	                    .field.label.content.text = "Number",
	                    .field.hint =
	                            &(struct govuk_hint){
	                                    .content.text = "As printed on the "
	                                                    "agenda, such "
	                                                    "as 5 or 4.3"},
	                    .field.error_message = error_for(fe, "number"),
	            });
	govuk_input(h, &(struct govuk_input){
	                       .name = "title",
	                       .value = http_param(req, "title"),
	                       .field.label.content.text = "Title",
	                       .field.error_message = error_for(fe, "title"),
	               });
	item_select(h, v, http_param(req, "parent"), error_for(fe, "parent"));
	govuk_checkboxes(h, &(struct govuk_checkboxes){
	                            .name = "confidential",
	                            .items = confidential,
	                            .n_items = 1,
	                            .values = &sent,
	                            .n_values = sent ? 1 : 0,
	                            .classes = "govuk-checkboxes--small",
	                    });
	govuk_button(h, &(struct govuk_button){.content.text = "Add item"});
	html_close(h);
}

static void write_status_form(struct html *h, const struct view *v)
{
	struct http_request *req = v->req;
	struct arena *a = &req->arena;
	struct govuk_choice_item items[8];
	size_t n = 0;

	for (size_t i = 0; gov_meeting_statuses[i] && n < 8; i++)
		items[n++] = (struct govuk_choice_item){
		        .value = gov_meeting_statuses[i],
		        .content.text = role_words(a, gov_meeting_statuses[i]),
		};
	page_form_begin(h, req, arena_printf(a, "%s/status", v->r->href));
	version_field(h, req, v->r->m.version, v->errors);
	govuk_radios(
	        h,
	        &(struct govuk_radios){
	                .name = "status",
	                .items = items,
	                .n_items = n,
	                .value = value_of(req, "status", v->r->m.status),
	                .classes = "govuk-radios--small",
	                .frame.fieldset =
	                        &(struct govuk_fieldset){
	                                .legend.content.text =
	                                        "Status of the meeting",
	                                .legend.classes =
	                                        "govuk-fieldset__legend--s"},
	                .frame.hint =
	                        &(struct govuk_hint){
	                                .content.text =
	                                        "Marking it held carries the "
	                                        "body's open actions forward "
	                                        "to it."},
	                .frame.error_message = error_for(v->errors, "status"),
	        });
	govuk_button(h, &(struct govuk_button){.content.text = "Save status"});
	html_close(h);
}

static void write_minutes_status_form(struct html *h, const struct view *v)
{
	static const struct govuk_hint approved_hint = {
	        .content.text = "Agreed as a correct record, usually at the "
	                        "next meeting"};
	static const struct govuk_hint published_hint = {
	        .content.text = "The public can read the open items"};
	static const struct govuk_choice_item items[] = {
	        {.value = "draft", .content.text = "Draft"},
	        {.value = "approved",
	         .content.text = "Approved",
	         .hint = &approved_hint},
	        {.value = "published",
	         .content.text = "Published",
	         .hint = &published_hint},
	};
	struct http_request *req = v->req;
	struct arena *a = &req->arena;
	const struct gov_meeting *m = &v->r->m;
	const struct govuk_error_message *approved_error =
	        error_for(v->errors, "minutes-approved-day");
	const struct govuk_error_message *published_error =
	        error_for(v->errors, "minutes-published-day");

	page_form_begin(h, req,
	                arena_printf(a, "%s/minutes-status", v->r->href));
	version_field(h, req, m->version, v->errors);
	govuk_radios(
	        h, &(struct govuk_radios){
	                   .name = "minutes_status",
	                   .items = items,
	                   .n_items = 3,
	                   .value = value_of(req, "minutes_status",
	                                     m->minutes_status),
	                   .classes = "govuk-radios--small",
	                   .frame.fieldset =
	                           &(struct govuk_fieldset){
	                                   .legend.content.text =
	                                           "Status of the minutes",
	                                   .legend.classes =
	                                           "govuk-fieldset__legend--s"},
	                   .frame.error_message =
	                           error_for(v->errors, "minutes_status"),
	           });
	page_date_input(
	        h, req,
	        &(struct page_date_input){
	                .prefix = "minutes-approved",
	                .legend = "Date the minutes were approved",
	                .hint = "For example, 27 11 2014. Left empty, approved "
	                        "minutes are dated today.",
	                .iso = m->minutes_approved_on,
	                .error = approved_error ? approved_error->content.text
	                                        : NULL,
	        });
	page_date_input(
	        h, req,
	        &(struct page_date_input){
	                .prefix = "minutes-published",
	                .legend = "Date the minutes were published",
	                .hint = "Left empty, published minutes are dated "
	                        "today.",
	                .iso = m->minutes_published_on,
	                .error = published_error ? published_error->content.text
	                                         : NULL,
	        });
	govuk_button(h, &(struct govuk_button){.content.text =
	                                               "Save minutes status"});
	html_close(h);
}

static void write_admin(struct html *h, const struct view *v)
{
	html_elem(h, "h2", "Manage this meeting", "class", "govuk-heading-m",
	          "id", "manage", NULL);
	write_status_form(h, v);
	write_minutes_status_form(h, v);
	write_item_form(h, v);
}

static void write_neighbours(struct html *h, const struct view *v)
{
	struct arena *a = &v->req->arena;
	struct govuk_pagination p = {.landmark_label =
	                                     "The body's other meetings"};

	if (v->prev.id == 0 && v->next.id == 0)
		return;
	if (v->prev.id != 0) {
		p.previous.href = arena_printf(a, "/meetings/%s", v->prev.key);
		p.previous.content.text = "Previous meeting";
		p.previous.label_text = words(a, v->prev.date, false);
	}
	if (v->next.id != 0) {
		p.next.href = arena_printf(a, "/meetings/%s", v->next.key);
		p.next.content.text = "Next meeting";
		p.next.label_text = words(a, v->next.date, false);
	}
	govuk_pagination(h, &p);
}

static void write_done(struct html *h, struct http_request *req)
{
	const char *done = http_param(req, "done");
	const char *number = http_param(req, "item");

	/* Only the business unit's forms send a browser here with ?done=;
	 * the public's page (which the page cache keeps) never says it. */
	if (req->account == NULL)
		return;

	for (size_t i = 0; done && done_kinds[i]; i++) {
		if (strcmp(done, done_kinds[i]) != 0)
			continue;
		govuk_notification_banner(
		        h,
		        &(struct govuk_notification_banner){
		                .type = "success",
		                .content.text =
		                        number ? arena_printf(&req->arena,
		                                              "%s: item %s",
		                                              done_messages[i],
		                                              number)
		                               : done_messages[i],
		        });
		return;
	}
}

/* The meeting's page, with status and (when a form is shown again) fe. */
/* The body's work programme, for everyone (issue 12: linked publicly). */
static void write_programme_link(struct html *h, const struct view *v)
{
	struct arena *a = &v->req->arena;

	/* Programmes stay with the body's own partnership. */
	if (v->r->m.partnership_id != v->req->partnership->id)
		return;
	html_open(h, "p", "class", "govuk-body", NULL);
	html_elem(
	        h, "a",
	        arena_printf(a, "Work programme of the %s",
	                     v->r->body.short_name),
	        "href",
	        arena_printf(a, "/bodies/%s/programme", v->r->body.short_name),
	        "class", "govuk-link", NULL);
	html_close(h);
}

static enum masa_err meeting_render(struct http_request *req,
                                    struct meeting_ref *r, unsigned status,
                                    const struct form_errors *fe,
                                    struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct view v;
	struct html h;
	enum masa_err rc;
	const struct govuk_breadcrumb crumbs[] = {
	        {.content.text = "Home", .href = "/"},
	        {.content.text = "Partnership", .href = "/structure"},
	        {.content.text = r->body.short_name,
	         .href = arena_printf(a, "/bodies/%s", r->body.short_name)},
	        {.content.text = r->day},
	};

	if ((rc = view_load(req, r, &v, err)))
		return rc;
	v.errors = fe;
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){
	                   .title = arena_printf(a, "%s%s meeting, %s",
	                                         fe && fe->n ? "Error: " : "",
	                                         r->body.short_name, r->day),
	                   .section = PAGE_MEETINGS,
	                   .breadcrumbs =
	                           &(struct govuk_breadcrumbs){.items = crumbs,
	                                                       .n_items = 4},
	           });
	error_summary(&h, fe);
	write_done(&h, req);
	page_heading(&h, arena_printf(a, "%s meeting", r->body.short_name),
	             arena_printf(a, "%s, %s",
	                          r->m.name ? r->m.name : r->body.name,
	                          r->day));
	if (v.admin) {
		html_open(&h, "p", "class", "govuk-body", NULL);
		html_elem(&h, "a", "Manage this meeting", "class",
		          "govuk-link govuk-!-font-weight-bold", "href",
		          arena_printf(a, "%s/manage", r->href), NULL);
		html_text(&h, ": move or cancel it, build and publish its "
		              "agenda, record declarations.");
		html_close(&h);
	}
	write_facts(&h, &v);
	documents_minutes_link(&h, req, &r->m);
	write_programme_link(&h, &v);
	if (!v.see_minutes) {
		char today[DATE_TEXT_SIZE];

		today_iso(today);
		govuk_inset_text(
		        &h,
		        &(struct govuk_inset_text){
		                .content.text =
		                        strcmp(r->m.date, today) >= 0
		                                ? "The minutes of this "
		                                  "meeting will be published "
		                                  "after it, once approved."
		                                : "The minutes of this "
		                                  "meeting are not yet "
		                                  "published."});
		if (v.see_agenda)
			write_agenda(&h, &v);
	} else {
		write_attendance(&h, &v);
		write_declarations(&h, &v);
		write_agenda(&h, &v);
	}
	papers_section(&h, req, r->m.id, r->href);
	if (v.admin)
		write_admin(&h, &v);
	write_neighbours(&h, &v);
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

enum masa_err meeting_page(struct http_request *req, struct masa_error *err)
{
	struct meeting_ref r;
	enum masa_err rc = meeting_ref_load(req, &r, err);

	/* A moved meeting keeps its address: its new date's leads there. */
	if (rc == MASA_ERR_NOT_FOUND)
		return agenda_moved_meeting(req, err);
	return rc ? rc : meeting_render(req, &r, 200, NULL, err);
}

/* ---- forms on the meeting's page ---- */

/* Runs one gov change in a transaction; its message in why. */
#define IN_TRANSACTION(req, why, call)            \
	(gov_begin(&(req)->gov, (why)) != MASA_OK \
	         ? (why)->code                    \
	         : gov_end(&(req)->gov, (call), (why)))

/* Refuses anyone who may not change the partnership's records. */
static enum masa_err must_administer(const struct http_request *req,
                                     struct masa_error *err)
{
	if (!gov_may_administer(&req->viewer, req->partnership->id))
		return masa_error_set(err, MASA_ERR_DENIED,
		                      "Only the business unit can change "
		                      "meetings.");
	return MASA_OK;
}

/*
 * A change gov refused for a reason the user can fix (bad or clashing
 * input) becomes an error on the form's field id; anything else stays an
 * error of the request.
 */
static bool user_error(enum masa_err rc)
{
	return rc == MASA_ERR_INVALID || rc == MASA_ERR_CONFLICT ||
	       rc == MASA_ERR_NOT_FOUND || rc == MASA_ERR_LIMIT;
}

enum masa_err meeting_status_save(struct http_request *req,
                                  struct masa_error *err)
{
	struct form_errors fe = {0};
	struct meeting_ref r;
	struct masa_error why = {0};
	const char *status = http_param(req, "status");
	int64_t version = http_param_long(req, "version", 0);
	const char *unsaved;
	enum masa_err rc;

	if ((rc = must_administer(req, err)) ||
	    (rc = meeting_ref_load(req, &r, err)))
		return rc;
	if (status == NULL) {
		form_error(&fe, &req->arena, "status",
		           "Choose the status of the meeting");
		return meeting_render(req, &r, 400, &fe, err);
	}
	if (strcmp(status, r.m.status) == 0)
		return back_to_meeting(req, &r, "status", NULL, "manage", err);
	r.m.status = (char *)status;
	r.m.version = version;
	rc = IN_TRANSACTION(req, &why,
	                    gov_meeting_update(&req->gov, &r.m, &why));
	unsaved = http_form_unsaved(req, rc);
	if (user_error(rc) || unsaved != NULL) {
		enum masa_err refused = rc;
		/* Show the stored meeting, with the choice that was sent. */
		if ((rc = meeting_ref_load(req, &r, err)))
			return rc;
		if (stale(refused, version, r.m.version)) {
			form_conflict(&fe, &req->arena, r.href, &why);
			return meeting_render(req, &r, 409, &fe, err);
		}
		form_error(&fe, &req->arena, "status",
		           unsaved ? unsaved : why.message);
		return meeting_render(req, &r, unsaved ? 503 : 400, &fe, err);
	}
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return back_to_meeting(req, &r, "status", NULL, "manage", err);
}

enum masa_err meeting_minutes_status_save(struct http_request *req,
                                          struct masa_error *err)
{
	struct form_errors fe = {0};
	struct meeting_ref r;
	struct masa_error why = {0};
	const char *status = http_param(req, "minutes_status");
	int64_t version = http_param_long(req, "version", 0);
	const char *approved = NULL, *published = NULL, *bad, *unsaved;
	bool draft;
	enum masa_err rc;

	if ((rc = must_administer(req, err)) ||
	    (rc = meeting_ref_load(req, &r, err)))
		return rc;
	if (status == NULL)
		form_error(&fe, &req->arena, "minutes_status",
		           "Choose the status of the minutes");
	draft = status == NULL || strcmp(status, "draft") == 0;
	if ((bad = page_date_read(req, "minutes-approved",
	                          "Date the minutes were approved", false,
	                          &approved)) != NULL)
		form_error(&fe, &req->arena, "minutes-approved-day", bad);
	if ((bad = page_date_read(req, "minutes-published",
	                          "Date the minutes were published", false,
	                          &published)) != NULL)
		form_error(&fe, &req->arena, "minutes-published-day", bad);
	if (fe.n > 0)
		return meeting_render(req, &r, 400, &fe, err);
	rc = IN_TRANSACTION(
	        req, &why,
	        gov_meeting_set_minutes(&req->gov, r.m.id, version, status,
	                                draft ? NULL : approved,
	                                draft ? NULL : published, &why));
	unsaved = http_form_unsaved(req, rc);
	if (user_error(rc) || unsaved != NULL) {
		enum masa_err refused = rc;
		/* Show the stored meeting, with the choices that were sent. */
		if ((rc = meeting_ref_load(req, &r, err)))
			return rc;
		if (stale(refused, version, r.m.version)) {
			form_conflict(&fe, &req->arena, r.href, &why);
			return meeting_render(req, &r, 409, &fe, err);
		}
		form_error(&fe, &req->arena,
		           strstr(why.message, "published")
		                   ? "minutes-published-day"
		           : strstr(why.message, "approved")
		                   ? "minutes-approved-day"
		                   : "minutes_status",
		           unsaved ? unsaved : why.message);
		return meeting_render(req, &r, unsaved ? 503 : 400, &fe, err);
	}
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return back_to_meeting(req, &r, "minutes-status", NULL, "manage", err);
}

/* The highest position among item id and everything under it. */
static int64_t last_position_under(const struct gov_item_row *items, size_t n,
                                   int64_t id)
{
	int64_t last = 0;

	for (size_t i = 0; i < n; i++) {
		int64_t at = items[i].item.id;
		/* Is items[i] id or under it? Walk up (bounded by n). */
		for (size_t depth = 0; at != 0 && depth <= n; depth++) {
			if (at == id) {
				if (items[i].item.position > last)
					last = items[i].item.position;
				break;
			}
			int64_t up = 0;
			for (size_t k = 0; k < n; k++)
				if (items[k].item.id == at)
					up = items[k].item.parent_id;
			at = up;
		}
	}
	return last;
}

enum masa_err meeting_item_add(struct http_request *req, struct masa_error *err)
{
	struct form_errors fe = {0};
	struct meeting_ref r;
	struct masa_error why = {0};
	struct gov_item_row *items = NULL;
	size_t nitems = 0;
	const char *number = http_param(req, "number");
	const char *title = http_param(req, "title");
	const char *parent = http_param(req, "parent");
	struct gov_item it = {0};
	enum masa_err rc;

	if ((rc = must_administer(req, err)) ||
	    (rc = meeting_ref_load(req, &r, err)) ||
	    (rc = gov_item_rows(&req->gov, &req->viewer, r.m.id, &req->arena,
	                        &items, &nitems, err)))
		return rc;
	if (text_is_blank(number))
		form_error(&fe, &req->arena, "number",
		           "Enter the item's number, as printed on the agenda");
	if (text_is_blank(title))
		form_error(&fe, &req->arena, "title", "Enter the item's title");
	if (parent != NULL) {
		size_t i = 0;
		while (i < nitems && strcmp(items[i].item.number, parent) != 0)
			i++;
		if (i == nitems)
			form_error(&fe, &req->arena, "parent",
			           "Choose an item of this meeting, or none");
		else {
			it.parent_id = items[i].item.id;
			it.position = last_position_under(items, nitems,
			                                  it.parent_id);
		}
	}
	if (fe.n > 0)
		return meeting_render(req, &r, 400, &fe, err);
	it.meeting_id = r.m.id;
	it.number = (char *)number;
	it.title = (char *)title;
	it.confidential = http_param(req, "confidential") != NULL;
	rc = IN_TRANSACTION(req, &why, gov_item_create(&req->gov, &it, &why));
	if (user_error(rc)) {
		form_error(&fe, &req->arena,
		           strstr(why.message, "title") ? "title" : "number",
		           why.message);
		return meeting_render(req, &r, 400, &fe, err);
	}
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return back_to_meeting(req, &r, "item", number, NULL, err);
}

/* ---- the attendance form ---- */

/* One person on the attendance form. */
struct att_row {
	int64_t person_id;
	int64_t organisation_id; /* represented, or employer; 0 if neither */
	const char *key;
	const char *name;                    /* with honorific */
	const char *about;                   /* role, job and organisation */
	const struct gov_attendee *recorded; /* or NULL */
	/* what the form asks for this row */
	const char *status;
	int64_t substitute_id;
	bool change;
	bool added; /* by the form's "someone else" */
};

struct att_form {
	struct meeting_ref r;
	struct att_row *rows;
	size_t nrows;
	struct gov_person *people;
	size_t npeople;
	struct gov_attendee *att;
	size_t natt;
};

static const struct gov_person *person_by_key(const struct att_form *f,
                                              const char *key)
{
	for (size_t i = 0; key && i < f->npeople; i++)
		if (strcmp(f->people[i].key, key) == 0)
			return &f->people[i];
	return NULL;
}

static const struct gov_person *person_by_id(const struct att_form *f,
                                             int64_t id)
{
	for (size_t i = 0; id && i < f->npeople; i++)
		if (f->people[i].id == id)
			return &f->people[i];
	return NULL;
}

/* "Member: Chief Nurse, The Rotherham NHS Foundation Trust" */
static const char *about_member(struct arena *a, const struct gov_member *mb)
{
	const char *role =
	        mb->m.label ? mb->m.label : role_words(a, mb->m.role);
	const char *post = post_words(a, mb->job_title, mb->organisation_name);

	if (post[0] == '\0')
		return role;
	/* The role as printed often starts the job title already. */
	if (strncmp(post, role, strlen(role)) == 0)
		return post;
	return arena_printf(a, "%s: %s", role, post);
}

/* The members of the body on the meeting's date, then anyone else recorded. */
static enum masa_err att_form_load(struct http_request *req, struct att_form *f,
                                   struct masa_error *err)
{
	struct gov *g = &req->gov;
	struct arena *a = &req->arena;
	struct gov_member *members;
	size_t nmembers;
	enum masa_err rc;

	memset(f, 0, sizeof *f);
	if ((rc = meeting_ref_load(req, &f->r, err)) ||
	    (rc = gov_members_on(g, f->r.m.body_id, f->r.m.date, a, &members,
	                         &nmembers, err)) ||
	    (rc = gov_attendance_list(g, f->r.m.id, a, &f->att, &f->natt,
	                              err)) ||
	    (rc = gov_person_list(g, req->partnership->id, a, &f->people,
	                          &f->npeople, err)))
		return rc;
	f->rows = arena_alloc(a, (nmembers + f->natt + 1) * sizeof *f->rows);
	for (size_t i = 0; i < nmembers; i++) {
		const struct gov_member *mb = &members[i];
		const struct gov_person *p = person_by_id(f, mb->m.person_id);
		bool seen = false;

		for (size_t k = 0; k < f->nrows; k++)
			seen |= f->rows[k].person_id == mb->m.person_id;
		if (seen) /* two memberships on one day: one row */
			continue;
		f->rows[f->nrows++] = (struct att_row){
		        .person_id = mb->m.person_id,
		        .organisation_id =
		                mb->m.organisation_id
		                        ? mb->m.organisation_id
		                        : (p ? p->organisation_id : 0),
		        .key = mb->person_key,
		        .name = person_label(a, mb->honorific_prefix,
		                             mb->person_name),
		        .about = about_member(a, mb),
		};
	}
	for (size_t i = 0; i < f->natt; i++) {
		const struct gov_attendee *at = &f->att[i];
		const struct gov_person *p = person_by_id(f, at->a.person_id);
		size_t k = 0;

		while (k < f->nrows && f->rows[k].person_id != at->a.person_id)
			k++;
		if (k == f->nrows)
			f->rows[f->nrows++] = (struct att_row){
			        .person_id = at->a.person_id,
			        .organisation_id = p ? p->organisation_id : 0,
			        .key = at->person_key,
			        .name = person_label(a, at->honorific_prefix,
			                             at->person_name),
			        .about = post_words(a, at->job_title,
			                            at->organisation_name),
			};
		f->rows[k].recorded = at;
	}
	return MASA_OK;
}

struct substitute_label {
	const char *name;
};

static void write_substitute_label(struct html *h, const void *arg)
{
	const struct substitute_label *l = arg;

	html_text(h, "Represented by");
	html_elem(h, "span", l->name, "class", "govuk-visually-hidden", NULL);
}

static void write_att_row(struct html *h, struct http_request *req,
                          const struct att_form *f, const struct att_row *row,
                          const struct form_errors *fe)
{
	static const struct govuk_choice_item statuses[] = {
	        {.value = "present", .content.text = "Present"},
	        {.value = "apologies", .content.text = "Apologies"},
	        {.value = "absent", .content.text = "Absent"},
	        {.value = "in_attendance", .content.text = "In attendance"},
	        {.value = "represented_by", .content.text = "Represented"},
	};
	struct arena *a = &req->arena;
	const char *status_name = arena_printf(a, "status-%s", row->key);
	const char *sub_name = arena_printf(a, "substitute-%s", row->key);
	const char *sent_status = http_param_row(req, "status-*", row->key);
	const char *sent_sub = http_param_row(req, "substitute-*", row->key);
	const struct gov_attendee *rec = row->recorded;
	struct govuk_select_item *opts =
	        arena_alloc(a, (f->npeople + 1) * sizeof *opts);
	size_t nopts = 0;
	struct substitute_label label = {
	        .name = arena_printf(a, " (for %s)", row->name)};

	opts[nopts++] =
	        (struct govuk_select_item){.value = "", .text = "No one"};
	for (size_t i = 0; i < f->npeople; i++) {
		const struct gov_person *p = &f->people[i];
		bool current = rec && rec->a.substitute_id == p->id;
		/* A deputy usually comes from the member's own organisation;
		 * anyone at all is offered when the member has none. */
		if (p->id == row->person_id ||
		    (!current && row->organisation_id != 0 &&
		     p->organisation_id != row->organisation_id))
			continue;
		opts[nopts++] = (struct govuk_select_item){
		        .value = p->key,
		        .text = person_label(a, p->honorific_prefix, p->name)};
	}
	html_open(h, "div", "class", "masa-attendance-row", NULL);
	html_open(h, "div", "class", "govuk-grid-row", NULL);
	html_open(h, "div", "class", "govuk-grid-column-three-quarters", NULL);
	govuk_radios(
	        h,
	        &(struct govuk_radios){
	                .name = status_name,
	                .items = statuses,
	                .n_items = 5,
	                .value = sent_status ? sent_status
	                         : rec       ? rec->a.status
	                                     : NULL,
	                .classes = "govuk-radios--inline govuk-radios--small",
	                .frame.fieldset =
	                        &(struct govuk_fieldset){
	                                .legend.content.text = row->name,
	                                .legend.classes =
	                                        "govuk-fieldset__legend--s"},
	                .frame.hint =
	                        row->about[0]
	                                ? &(struct
	                                    govuk_hint){.content.text =
	                                                        row->about}
	                                : NULL,
	                .frame.error_message = error_for(fe, status_name),
	                .frame.form_group.classes = "govuk-!-margin-bottom-3",
	        });
	html_close(h);
	html_open(h, "div", "class", "govuk-grid-column-one-quarter", NULL);
	govuk_select(
	        h,
	        &(struct govuk_select){
	                .name = sub_name,
	                .items = opts,
	                .n_items = nopts,
	                .value = sent_sub ? sent_sub
	                         : rec && rec->substitute_key
	                                 ? rec->substitute_key
	                                 : "",
	                .field.label.content = {.write = write_substitute_label,
	                                        .arg = &label},
	                .field.error_message = error_for(fe, sub_name),
	                .field.form_group.classes = "govuk-!-margin-bottom-3",
	                .classes = "govuk-!-width-full",
	        });
	html_close_to(h, "div"); /* the column */
	html_close(h);           /* the grid row */
	html_close(h);           /* the row */
}

static enum masa_err attendance_render(struct http_request *req,
                                       struct att_form *f, unsigned status,
                                       const struct form_errors *fe,
                                       struct masa_error *err)
{
	static const struct govuk_choice_item add_items[] = {
	        {.value = "in_attendance", .content.text = "In attendance"},
	        {.value = "present", .content.text = "Present"},
	        {.value = "apologies", .content.text = "Apologies"},
	        {.value = "absent", .content.text = "Absent"},
	};
	struct arena *a = &req->arena;
	struct govuk_select_item *others =
	        arena_alloc(a, (f->npeople + 1) * sizeof *others);
	size_t nothers = 0;
	struct html h;
	enum masa_err rc;

	others[nothers++] =
	        (struct govuk_select_item){.value = "", .text = "No one"};
	for (size_t i = 0; i < f->npeople; i++) {
		bool listed = false;
		for (size_t k = 0; k < f->nrows; k++)
			listed |= f->rows[k].person_id == f->people[i].id;
		if (!listed)
			others[nothers++] = (struct govuk_select_item){
			        .value = f->people[i].key,
			        .text = person_label(
			                a, f->people[i].honorific_prefix,
			                f->people[i].name)};
	}
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(
	        &h, req,
	        &(struct page){
	                .title = arena_printf(a, "%sAttendance: %s meeting, %s",
	                                      fe && fe->n ? "Error: " : "",
	                                      f->r.body.short_name, f->r.day),
	                .section = PAGE_MEETINGS,
	        });
	back_link(&h, arena_printf(a, "%s#attendance", f->r.href));
	error_summary(&h, fe);
	page_heading(&h,
	             arena_printf(a, "%s meeting, %s", f->r.body.short_name,
	                          f->r.when),
	             "Record attendance");
	para(&h, "One row for each member of the body on the day of the "
	         "meeting, then anyone else already recorded. A row left "
	         "blank is not recorded.");
	page_form_begin(&h, req, arena_printf(a, "%s/attendance", f->r.href));
	for (size_t k = 0; k < f->nrows; k++)
		write_att_row(&h, req, f, &f->rows[k], fe);
	html_elem(&h, "h2", "Someone else", "class", "govuk-heading-m", NULL);
	govuk_select(
	        &h,
	        &(struct govuk_select){
	                .name = "add_person",
	                .items = others,
	                .n_items = nothers,
	                .value = http_param(req, "add_person"),
	                .field.label.content.text =
	                        "Add a person who is not listed above",
	                .field.hint =
	                        &(struct govuk_hint){
	                                .content.text = "Officers and guests "
	                                                "are usually "
	                                                "in attendance"},
	                .field.error_message = error_for(fe, "add_person"),
	        });
	govuk_radios(
	        &h,
	        &(struct govuk_radios){
	                .name = "add_status",
	                .items = add_items,
	                .n_items = 4,
	                .value = value_of(req, "add_status", "in_attendance"),
	                .classes = "govuk-radios--inline "
	                           "govuk-radios--small",
	                .frame.fieldset =
	                        &(struct govuk_fieldset){
	                                .legend.content.text =
	                                        "Their attendance",
	                                .legend.classes =
	                                        "govuk-fieldset__legend--s"},
	        });
	govuk_button(&h,
	             &(struct govuk_button){.content.text = "Save attendance"});
	html_close(&h);
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

enum masa_err meeting_attendance_page(struct http_request *req,
                                      struct masa_error *err)
{
	struct att_form f;
	enum masa_err rc;

	if ((rc = must_administer(req, err)) ||
	    (rc = att_form_load(req, &f, err)))
		return rc;
	return attendance_render(req, &f, 200, NULL, err);
}

/* Records or updates row's attendance as the form asks. */
static enum masa_err att_apply(struct gov *g, const struct att_form *f,
                               const struct att_row *row,
                               struct masa_error *err)
{
	struct gov_attendance at = {
	        .meeting_id = f->r.m.id,
	        .person_id = row->person_id,
	        .status = (char *)row->status,
	        .substitute_id = row->substitute_id,
	};

	if (row->recorded == NULL)
		return gov_attendance_record(g, &at, err);
	at.id = row->recorded->a.id;
	/* Arriving and leaving stay, unless they no longer apply. */
	if (strcmp(row->status, "apologies") != 0 &&
	    strcmp(row->status, "absent") != 0) {
		at.arrived_item_id = row->recorded->a.arrived_item_id;
		at.left_item_id = row->recorded->a.left_item_id;
	}
	return gov_attendance_update(g, &at, err);
}

/*
 * Applies every row that changes, in one transaction. A row may clash with
 * another's stored state that a later row changes (a substitute who now
 * comes as themselves, say), so rows that clash are tried again after the
 * others, as long as that gets further; what still clashes then is an error
 * on that row, and nothing is stored.
 */
static enum masa_err att_save_all(struct http_request *req, struct att_form *f,
                                  struct form_errors *fe,
                                  struct masa_error *err)
{
	struct gov *g = &req->gov;
	struct masa_error why = {0};
	bool *done = arena_alloc(&req->arena, (f->nrows + 1) * sizeof *done);
	size_t left = 0, failed_row = 0;
	bool progress = true;
	enum masa_err rc, failure = MASA_OK;

	for (size_t k = 0; k < f->nrows; k++) {
		done[k] = !f->rows[k].change;
		left += f->rows[k].change;
	}
	if (left == 0)
		return MASA_OK;
	if ((rc = gov_begin(g, err)))
		return rc;
	while (left > 0 && progress && failure == MASA_OK) {
		progress = false;
		for (size_t k = 0; k < f->nrows && failure == MASA_OK; k++) {
			if (done[k])
				continue;
			rc = att_apply(g, f, &f->rows[k], &why);
			if (rc == MASA_OK) {
				done[k] = true;
				left--;
				progress = true;
			} else {
				failed_row = k;
				/* Only a clash may clear when another row
				 * changes; anything else is final. */
				if (rc != MASA_ERR_CONFLICT)
					failure = rc;
			}
		}
	}
	/* The message in why is the last refusal, of row failed_row. */
	if (left > 0 && failure == MASA_OK)
		failure = MASA_ERR_CONFLICT;
	rc = gov_end(g, left == 0 ? MASA_OK : failure, &why);
	if (rc == MASA_OK)
		return MASA_OK;
	if (!user_error(rc)) {
		*err = why;
		return rc;
	}
	form_error(fe, &req->arena,
	           f->rows[failed_row].added
	                   ? "add_person"
	                   : arena_printf(&req->arena, "status-%s",
	                                  f->rows[failed_row].key),
	           arena_printf(&req->arena, "%s: %s", f->rows[failed_row].name,
	                        why.message));
	return MASA_ERR_INVALID;
}

enum masa_err meeting_attendance_save(struct http_request *req,
                                      struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct form_errors fe = {0};
	struct att_form f;
	const char *add = http_param(req, "add_person");
	enum masa_err rc;

	if ((rc = must_administer(req, err)) ||
	    (rc = att_form_load(req, &f, err)))
		return rc;
	for (size_t k = 0; k < f.nrows; k++) {
		struct att_row *row = &f.rows[k];
		const char *status = http_param_row(req, "status-*", row->key);
		const char *sub = http_param_row(req, "substitute-*", row->key);
		const struct gov_person *p;

		if (status == NULL)
			continue; /* left blank: as it was */
		row->status = status;
		if (strcmp(status, "represented_by") == 0) {
			p = person_by_key(&f, sub);
			if (sub == NULL) {
				form_error(
				        &fe, a,
				        arena_printf(a, "substitute-%s",
				                     row->key),
				        arena_printf(a,
				                     "Choose who represented "
				                     "%s",
				                     row->name));
				continue;
			}
			if (p == NULL || p->id == row->person_id) {
				form_error(
				        &fe, a,
				        arena_printf(a, "substitute-%s",
				                     row->key),
				        arena_printf(a,
				                     "Choose someone else to "
				                     "have represented %s",
				                     row->name));
				continue;
			}
			row->substitute_id = p->id;
		}
		row->change =
		        row->recorded == NULL ||
		        strcmp(row->recorded->a.status, status) != 0 ||
		        row->recorded->a.substitute_id != row->substitute_id;
	}
	if (add != NULL) {
		const struct gov_person *p = person_by_key(&f, add);
		bool listed = false;

		for (size_t k = 0; p && k < f.nrows; k++)
			listed |= f.rows[k].person_id == p->id;
		if (p == NULL || listed)
			form_error(&fe, a, "add_person",
			           "Choose someone who is not listed above");
		else
			f.rows[f.nrows++] = (struct att_row){
			        .person_id = p->id,
			        .key = p->key,
			        .name = person_label(a, p->honorific_prefix,
			                             p->name),
			        .status = value_of(req, "add_status",
			                           "in_attendance"),
			        .change = true,
			        .added = true,
			        .about = "",
			};
	}
	if (fe.n == 0 && att_save_all(req, &f, &fe, err) != MASA_OK &&
	    fe.n == 0)
		return err->code;
	if (fe.n > 0) {
		/* Show what is stored, with what was sent. */
		if ((rc = att_form_load(req, &f, err)))
			return rc;
		return attendance_render(req, &f, 400, &fe, err);
	}
	return back_to_meeting(req, &f.r, "attendance", NULL, "attendance",
	                       err);
}

/* ---- the item's page: minutes, resolutions, actions ---- */

struct item_page {
	struct meeting_ref r;
	struct gov_item it;
	struct gov_resolution *res; /* the item's */
	size_t nres;
	struct gov_action_entry *actions; /* raised at the item */
	size_t nactions;
	struct gov_meeting_row *later; /* the body's meetings after it */
	size_t nlater;
	struct gov_meeting prev, next;
	/* who may own an action: members that day, then who attended */
	const char **owner_keys, **owner_names;
	int64_t *owner_ids;
	size_t nowners;
};

static void owner_add(struct item_page *p, int64_t id, const char *key,
                      const char *name)
{
	for (size_t i = 0; i < p->nowners; i++)
		if (p->owner_ids[i] == id)
			return;
	p->owner_ids[p->nowners] = id;
	p->owner_keys[p->nowners] = key;
	p->owner_names[p->nowners] = name;
	p->nowners++;
}

static enum masa_err item_page_load(struct http_request *req,
                                    struct item_page *p, struct masa_error *err)
{
	struct gov *g = &req->gov;
	struct arena *a = &req->arena;
	struct gov_resolution *res;
	struct gov_action_entry *actions;
	struct gov_member *members;
	struct gov_attendee *att;
	size_t nres, nactions, nmembers, natt, k;
	enum masa_err rc;

	memset(p, 0, sizeof *p);
	if ((rc = meeting_ref_load(req, &p->r, err)) ||
	    (rc = item_load(req, &p->r, &p->it, err)) ||
	    (rc = gov_resolution_list(g, &req->viewer, p->r.m.id, a, &res,
	                              &nres, err)) ||
	    (rc = gov_action_list_meeting(g, &req->viewer, p->r.m.id, a,
	                                  &actions, &nactions, err)) ||
	    (rc = gov_meeting_list(g, req->partnership->id, p->r.m.body_id,
	                           p->r.m.date, NULL, LATER_MEETINGS + 8, 0, a,
	                           &p->later, &p->nlater, err)) ||
	    (rc = gov_meeting_neighbours(g, &p->r.m, a, &p->prev, &p->next,
	                                 err)) ||
	    (rc = gov_members_on(g, p->r.m.body_id, p->r.m.date, a, &members,
	                         &nmembers, err)) ||
	    (rc = gov_attendance_list(g, p->r.m.id, a, &att, &natt, err)))
		return rc;
	p->res = arena_alloc(a, (nres + 1) * sizeof *p->res);
	for (k = 0; k < nres; k++)
		if (res[k].item_id == p->it.id)
			p->res[p->nres++] = res[k];
	p->actions = arena_alloc(a, (nactions + 1) * sizeof *p->actions);
	for (k = 0; k < nactions; k++)
		if (actions[k].action.item_id == p->it.id)
			p->actions[p->nactions++] = actions[k];
	/* Only meetings after this one can take a deferred item. */
	k = 0;
	for (size_t i = 0; i < p->nlater && k < LATER_MEETINGS; i++)
		if (strcmp(p->later[i].m.date, p->r.m.date) > 0)
			p->later[k++] = p->later[i];
	p->nlater = k;
	p->owner_ids = arena_alloc(a, (nmembers + 2 * natt + 1) *
	                                      sizeof *p->owner_ids);
	p->owner_keys = arena_alloc(a, (nmembers + 2 * natt + 1) *
	                                       sizeof *p->owner_keys);
	p->owner_names = arena_alloc(a, (nmembers + 2 * natt + 1) *
	                                        sizeof *p->owner_names);
	for (k = 0; k < nmembers; k++)
		owner_add(p, members[k].m.person_id, members[k].person_key,
		          person_label(a, members[k].honorific_prefix,
		                       members[k].person_name));
	for (k = 0; k < natt; k++) {
		const struct gov_attendee *at = &att[k];
		if (strcmp(at->a.status, "present") == 0 ||
		    strcmp(at->a.status, "in_attendance") == 0)
			owner_add(p, at->a.person_id, at->person_key,
			          person_label(a, at->honorific_prefix,
			                       at->person_name));
		if (at->a.substitute_id != 0)
			owner_add(p, at->a.substitute_id, at->substitute_key,
			          at->substitute_name);
	}
	return MASA_OK;
}

static void write_item_resolutions(struct html *h, const struct item_page *p)
{
	if (p->nres == 0) {
		para(h, "No resolutions yet.");
		return;
	}
	for (size_t k = 0; k < p->nres; k++) {
		html_open(h, "p", "class", "govuk-body masa-lines", NULL);
		html_open(h, "strong", NULL);
		html_textf(h, "(%lld)", (long long)p->res[k].number);
		html_close(h);
		html_text(h, " ");
		html_text(h, p->res[k].text);
		html_close(h);
	}
}

static void write_item_actions(struct html *h, const struct item_page *p,
                               struct arena *a)
{
	if (p->nactions == 0) {
		para(h, "No actions raised at this item yet.");
		return;
	}
	html_open(h, "ul", "class", "govuk-list govuk-list--bullet", NULL);
	for (size_t k = 0; k < p->nactions; k++) {
		const struct gov_action_entry *e = &p->actions[k];
		html_open(h, "li", NULL);
		write_action_reference(h, e);
		html_textf(h, ": %s (%s%s%s)", e->action.details,
		           owners_words(a, e), e->due ? "; due " : "",
		           e->due ? due_words(a, e) : "");
		html_close(h);
	}
	html_close(h);
}

/* Static hints and legends of the item's page. */
static const struct govuk_hint markdown_hint = {
        .content.text = "In Markdown: a blank line between paragraphs, "
                        "**bold**, a list with a dash at the start of each "
                        "line. HTML is not kept."};
static const struct govuk_fieldset taken_fieldset = {
        .legend.content.text = "Was the item taken?",
        .legend.classes = "govuk-fieldset__legend--s"};
static const struct govuk_fieldset owners_fieldset = {
        .legend.content.text = "Who will do it",
        .legend.classes = "govuk-fieldset__legend--s"};
static const struct govuk_hint owners_hint = {
        .content.text = "Members of the body that day and those who attended"};
static const struct govuk_fieldset due_fieldset = {
        .legend.content.text = "When it is due",
        .legend.classes = "govuk-fieldset__legend--s"};
static const struct govuk_fieldset due_date_fieldset = {
        .legend.content.text = "Due date",
        .legend.classes = "govuk-fieldset__legend--s"};
static const struct govuk_hint due_date_hint = {
        .content.text = "If it is due by a date. For example, 27 3 2025"};

/*
 * The minutes form: the Markdown, whether the item was taken, deferred (to
 * which meeting) or withdrawn, and the Save and Preview buttons. Not a
 * conditional reveal for the meeting: GOV.UK Frontend's script marks such
 * radios aria-expanded, which ARIA does not allow on a radio.
 */
static void write_minutes_form(struct html *h, struct http_request *req,
                               const struct item_page *p,
                               const struct form_errors *fe)
{
	static const struct govuk_choice_item statuses[] = {
	        {.value = "taken", .content.text = "Taken at this meeting"},
	        {.value = "deferred",
	         .content.text = "Deferred to a later meeting"},
	        {.value = "withdrawn", .content.text = "Withdrawn"},
	};
	struct arena *a = &req->arena;
	const struct gov_item *it = &p->it;
	const char *deferred_to = http_param(req, "deferred_to");
	struct govuk_select_item *meetings =
	        arena_alloc(a, (p->nlater + 1) * sizeof *meetings);

	meetings[0] = (struct govuk_select_item){.value = "",
	                                         .text = "Not yet known"};
	for (size_t k = 0; k < p->nlater; k++) {
		const struct gov_meeting *m = &p->later[k].m;
		meetings[k + 1] = (struct govuk_select_item){
		        .value = m->key,
		        .text = arena_printf(a, "%s (%s)",
		                             words(a, m->date, true),
		                             m->status)};
		if (deferred_to == NULL && m->id == it->deferred_to_id)
			deferred_to = m->key;
	}
	html_elem(h, "h2", "Minutes", "class", "govuk-heading-m", NULL);
	page_form_begin(h, req, item_href(a, &p->r, it->number, "minutes"));
	version_field(h, req, it->version, fe);
	govuk_textarea(
	        h,
	        &(struct govuk_textarea){
	                .name = "minutes",
	                .rows = 15,
	                .value = value_of(req, "minutes", it->minutes),
	                .field.label = {.content.text = "Minutes of the item",
	                                .classes = "govuk-label--s"},
	                .field.hint = &markdown_hint,
	                .field.error_message = error_for(fe, "minutes"),
	        });
	govuk_radios(
	        h, &(struct govuk_radios){
	                   .name = "item_status",
	                   .items = statuses,
	                   .n_items = 3,
	                   .value = value_of(req, "item_status", it->status),
	                   .frame.fieldset = &taken_fieldset,
	                   .frame.error_message = error_for(fe, "item_status"),
	           });
	govuk_select(
	        h, &(struct govuk_select){
	                   .name = "deferred_to",
	                   .items = meetings,
	                   .n_items = p->nlater + 1,
	                   .value = deferred_to,
	                   .field.label.content.text =
	                           "If deferred, to the meeting on",
	                   .field.error_message = error_for(fe, "deferred_to"),
	           });
	html_open(h, "div", "class", "govuk-button-group", NULL);
	govuk_button(h, &(struct govuk_button){.content.text = "Save minutes",
	                                       .name = "op",
	                                       .value = "save"});
	govuk_button(h, &(struct govuk_button){
	                        .content.text = "Preview",
	                        .name = "op",
	                        .value = "preview",
	                        .classes = "govuk-button--secondary"});
	html_close(h);
	html_close(h); /* the form */
}

/* The resolutions under the item and the form that adds one. */
static void write_resolution_form(struct html *h, struct http_request *req,
                                  const struct item_page *p,
                                  const struct form_errors *fe)
{
	struct arena *a = &req->arena;
	int64_t next = p->nres ? p->res[p->nres - 1].number + 1 : 1;
	const struct govuk_hint hint = {
	        .content.text = arena_printf(
	                a,
	                "It will be resolution (%lld) of this item. Start it "
	                "as it will be read: \"That ...\"",
	                (long long)next)};

	html_elem(h, "h2", "Resolutions", "class", "govuk-heading-m", NULL);
	write_item_resolutions(h, p);
	page_form_begin(h, req,
	                item_href(a, &p->r, p->it.number, "resolutions"));
	govuk_textarea(
	        h, &(struct govuk_textarea){
	                   .name = "text",
	                   .rows = 3,
	                   .value = http_param(req, "text"),
	                   .field.label = {.content.text = "Add a resolution",
	                                   .classes = "govuk-label--s"},
	                   .field.hint = &hint,
	                   .field.error_message = error_for(fe, "text"),
	           });
	govuk_button(h,
	             &(struct govuk_button){.content.text = "Add resolution"});
	html_close(h);
}

/* The actions raised at the item and the form that raises one. */
static void write_action_form(struct html *h, struct http_request *req,
                              const struct item_page *p,
                              const struct form_errors *fe)
{
	struct arena *a = &req->arena;
	struct govuk_choice_item *owners =
	        arena_alloc(a, (p->nowners + 1) * sizeof *owners);
	const char **checked =
	        arena_alloc(a, (p->nowners + 1) * sizeof *checked);
	const struct govuk_error_message *date_error =
	        error_for(fe, "due-date-day");
	struct govuk_choice_item due[2] = {
	        {.value = "date", .content.text = "By a date"},
	        {.value = "next-meeting",
	         .content.text =
	                 p->next.id
	                         ? arena_printf(a, "By the next meeting (%s)",
	                                        words(a, p->next.date, false))
	                         : "By the next meeting (none is "
	                           "recorded yet)",
	         .disabled = p->next.id == 0},
	};
	struct govuk_date_items date_items;
	struct govuk_date_typed typed;
	size_t nchecked = 0, at = 0;
	const char *v;

	for (size_t k = 0; k < p->nowners; k++)
		owners[k] = (struct govuk_choice_item){
		        .value = p->owner_keys[k],
		        .content.text = p->owner_names[k]};
	owners[p->nowners] = (struct govuk_choice_item){
	        .value = "all-members",
	        .content.text = "All members of the body"};
	while ((v = http_param_next(req, "owner", &at)) != NULL &&
	       nchecked < p->nowners + 1)
		checked[nchecked++] = v;
	typed = page_date_typed(req, "due-date");
	govuk_date_items_fill(&date_items, &typed, NULL, date_error != NULL);

	html_elem(h, "h2", "Actions", "class", "govuk-heading-m", NULL);
	write_item_actions(h, p, a);
	page_form_begin(h, req, item_href(a, &p->r, p->it.number, "actions"));
	govuk_textarea(
	        h,
	        &(struct govuk_textarea){
	                .name = "details",
	                .rows = 3,
	                .value = http_param(req, "details"),
	                .field.label = {.content.text = "Raise an action",
	                                .classes = "govuk-label--s"},
	                .field.hint =
	                        &(struct govuk_hint){
	                                .content.text = "What is to be done"},
	                .field.error_message = error_for(fe, "details"),
	        });
	govuk_checkboxes(h,
	                 &(struct govuk_checkboxes){
	                         .name = "owner",
	                         .items = owners,
	                         .n_items = p->nowners + 1,
	                         .values = checked,
	                         .n_values = nchecked,
	                         .classes = "govuk-checkboxes--small "
	                                    "masa-columns",
	                         .frame.fieldset = &owners_fieldset,
	                         .frame.hint = &owners_hint,
	                         .frame.error_message = error_for(fe, "owner"),
	                 });
	govuk_radios(h, &(struct govuk_radios){
	                        .name = "due",
	                        .items = due,
	                        .n_items = 2,
	                        .value = http_param(req, "due"),
	                        .frame.fieldset = &due_fieldset,
	                        .frame.error_message = error_for(fe, "due"),
	                });
	govuk_date_input(h, &(struct govuk_date_input){
	                            .id = "due-date",
	                            .name_prefix = "due-date",
	                            .items = date_items.items,
	                            .n_items = 3,
	                            .frame.fieldset = &due_date_fieldset,
	                            .frame.hint = &due_date_hint,
	                            .frame.error_message = date_error,
	                    });
	govuk_button(h, &(struct govuk_button){.content.text = "Raise action"});
	html_close(h);
}

/*
 * The item's page: its minutes (and, when preview is not NULL, that text
 * rendered above the form), resolutions and actions, each with its form.
 */
static enum masa_err item_render(struct http_request *req, struct item_page *p,
                                 unsigned status, const struct form_errors *fe,
                                 const char *preview, struct masa_error *err)
{
	struct arena *a = &req->arena;
	const struct gov_item *it = &p->it;
	struct html h;
	enum masa_err rc;

	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){
	                   .title = arena_printf(
	                           a, "%sItem %s: %s meeting, %s",
	                           fe && fe->n ? "Error: " : "", it->number,
	                           p->r.body.short_name, p->r.day),
	                   .section = PAGE_MEETINGS,
	           });
	back_link(&h, arena_printf(a, "%s#%s", p->r.href,
	                           item_anchor(a, it->number)));
	error_summary(&h, fe);
	page_heading(&h,
	             arena_printf(a, "%s meeting, %s", p->r.body.short_name,
	                          p->r.when),
	             arena_printf(a, "Item %s: %s", it->number, it->title));
	if (it->confidential) {
		html_open(&h, "p", "class", "govuk-body", NULL);
		tag(&h, "Confidential", "govuk-tag--red");
		html_text(&h, " Part 2: seen only by the business unit and the "
		              "body's members.");
		html_close(&h);
	}
	if (preview != NULL) {
		html_elem(&h, "h2", "Preview of the minutes", "class",
		          "govuk-heading-m", "id", "preview", NULL);
		html_open(&h, "div", "class", "govuk-inset-text", NULL);
		if (text_is_blank(preview))
			para(&h, "(No minutes.)");
		markdown_write(&h, preview, 3);
		html_close(&h);
		para(&h, "Nothing has been saved yet.");
	}
	if (fe != NULL && fe->conflict) {
		/* The form holds what the user sent: show what won. */
		html_elem(&h, "h2", "The minutes as saved now", "class",
		          "govuk-heading-m", "id", "saved", NULL);
		html_open(&h, "div", "class", "govuk-inset-text", NULL);
		if (text_is_blank(it->minutes))
			para(&h, "(No minutes.)");
		else
			markdown_write(&h, it->minutes, 3);
		html_close(&h);
	}
	write_minutes_form(&h, req, p, fe);
	write_resolution_form(&h, req, p, fe);
	write_action_form(&h, req, p, fe);
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

enum masa_err meeting_item_page(struct http_request *req,
                                struct masa_error *err)
{
	struct item_page p;
	enum masa_err rc;

	if ((rc = must_administer(req, err)) ||
	    (rc = item_page_load(req, &p, err)))
		return rc;
	return item_render(req, &p, 200, NULL, NULL, err);
}

enum masa_err meeting_item_minutes_save(struct http_request *req,
                                        struct masa_error *err)
{
	struct form_errors fe = {0};
	struct masa_error why = {0};
	struct item_page p;
	const char *minutes = http_param(req, "minutes");
	const char *status = http_param(req, "item_status");
	const char *to = http_param(req, "deferred_to");
	const char *op = http_param(req, "op");
	const char *unsaved;
	int64_t version = http_param_long(req, "version", 0);
	struct gov_item it;
	enum masa_err rc;

	if ((rc = must_administer(req, err)) ||
	    (rc = item_page_load(req, &p, err)))
		return rc;
	if (op != NULL && strcmp(op, "preview") == 0)
		return item_render(req, &p, 200, NULL, minutes ? minutes : "",
		                   err);
	it = p.it;
	it.minutes = text_is_blank(minutes) ? NULL : (char *)minutes;
	it.status = (char *)(status ? status : it.status);
	it.deferred_to_id = 0;
	it.version = version;
	if (strcmp(it.status, "deferred") == 0 && to != NULL) {
		size_t k = 0;
		while (k < p.nlater && strcmp(p.later[k].m.key, to) != 0)
			k++;
		if (k == p.nlater)
			form_error(&fe, &req->arena, "deferred_to",
			           "Choose a later meeting of the body");
		else
			it.deferred_to_id = p.later[k].m.id;
	}
	if (fe.n > 0)
		return item_render(req, &p, 400, &fe, NULL, err);
	rc = IN_TRANSACTION(req, &why, gov_item_update(&req->gov, &it, &why));
	unsaved = http_form_unsaved(req, rc);
	if (user_error(rc) || unsaved != NULL) {
		enum masa_err refused = rc;
		/* The item as it is now, with what was sent in the form. */
		if ((rc = item_page_load(req, &p, err)))
			return rc;
		if (stale(refused, version, p.it.version)) {
			form_conflict(&fe, &req->arena,
			              item_href(&req->arena, &p.r, p.it.number,
			                        "minutes"),
			              &why);
			return item_render(req, &p, 409, &fe, NULL, err);
		}
		form_error(&fe, &req->arena,
		           strstr(why.message, "deferred") ? "deferred_to"
		                                           : "minutes",
		           unsaved ? unsaved : why.message);
		return item_render(req, &p, unsaved ? 503 : 400, &fe, NULL,
		                   err);
	}
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return back_to_meeting(req, &p.r, "minutes", it.number, NULL, err);
}

enum masa_err meeting_resolution_add(struct http_request *req,
                                     struct masa_error *err)
{
	struct form_errors fe = {0};
	struct masa_error why = {0};
	struct item_page p;
	const char *text = http_param(req, "text");
	struct gov_resolution res = {0};
	enum masa_err rc;

	if ((rc = must_administer(req, err)) ||
	    (rc = item_page_load(req, &p, err)))
		return rc;
	if (text_is_blank(text)) {
		form_error(&fe, &req->arena, "text",
		           "Enter the text of the resolution");
		return item_render(req, &p, 400, &fe, NULL, err);
	}
	res.item_id = p.it.id;
	res.number = p.nres ? p.res[p.nres - 1].number + 1 : 1;
	res.text = (char *)text;
	rc = IN_TRANSACTION(req, &why,
	                    gov_resolution_create(&req->gov, &res, &why));
	if (user_error(rc)) {
		form_error(&fe, &req->arena, "text", why.message);
		return item_render(req, &p, 400, &fe, NULL, err);
	}
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return back_to_meeting(req, &p.r, "resolution", p.it.number, NULL, err);
}

enum masa_err meeting_action_raise(struct http_request *req,
                                   struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct form_errors fe = {0};
	struct masa_error why = {0};
	struct item_page p;
	const char *details = http_param(req, "details");
	const char *due = http_param(req, "due");
	const char *due_date = NULL, *bad, *key;
	struct gov_owner_ref *owners;
	size_t nowners = 0, at = 0;
	struct gov_action act = {0};
	enum masa_err rc;

	if ((rc = must_administer(req, err)) ||
	    (rc = item_page_load(req, &p, err)))
		return rc;
	owners = arena_alloc(a, (p.nowners + 2) * sizeof *owners);
	if (text_is_blank(details))
		form_error(&fe, a, "details", "Enter what is to be done");
	while ((key = http_param_next(req, "owner", &at)) != NULL) {
		size_t k = 0;
		bool twice = false;

		if (strcmp(key, "all-members") == 0) {
			for (size_t i = 0; i < nowners; i++)
				twice |= owners[i].all_members;
			if (!twice)
				owners[nowners++] = (struct gov_owner_ref){
				        .all_members = true};
			continue;
		}
		while (k < p.nowners && strcmp(p.owner_keys[k], key) != 0)
			k++;
		if (k == p.nowners) {
			form_error(&fe, a, "owner",
			           "Choose who will do it from the list");
			break;
		}
		for (size_t i = 0; i < nowners; i++)
			twice |= owners[i].person_id == p.owner_ids[k];
		if (!twice && nowners < p.nowners + 1)
			owners[nowners++] = (struct gov_owner_ref){
			        .person_id = p.owner_ids[k]};
	}
	if (nowners == 0 && error_for(&fe, "owner") == NULL)
		form_error(&fe, a, "owner", "Choose who will do it");
	bad = page_date_read(req, "due-date", "The date it is due",
	                     due != NULL && strcmp(due, "date") == 0,
	                     &due_date);
	if (due == NULL)
		form_error(&fe, a, "due", "Choose when it is due");
	else if (strcmp(due, "date") == 0 && bad)
		form_error(&fe, a, "due-date-day", bad);
	else if (strcmp(due, "date") == 0 && strcmp(due_date, p.r.m.date) < 0)
		form_error(&fe, a, "due-date-day",
		           arena_printf(a,
		                        "The due date must be on or after the "
		                        "meeting (%s)",
		                        p.r.day));
	else if (strcmp(due, "next-meeting") == 0 && p.next.id == 0)
		form_error(&fe, a, "due",
		           "No later meeting of the body is recorded: give a "
		           "date instead");
	if (fe.n > 0)
		return item_render(req, &p, 400, &fe, NULL, err);
	act.body_id = p.r.m.body_id;
	act.meeting_id = p.r.m.id;
	act.item_id = p.it.id;
	act.details = (char *)details;
	if (strcmp(due, "date") == 0)
		act.due_date = (char *)due_date;
	else
		act.due_meeting_id = p.next.id;
	rc = IN_TRANSACTION(
	        req, &why,
	        gov_action_raise(&req->gov, &act, owners, nowners, a, &why));
	if (user_error(rc)) {
		form_error(&fe, a, "details", why.message);
		return item_render(req, &p, 400, &fe, NULL, err);
	}
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return back_to_meeting(req, &p.r, "action", p.it.number, NULL, err);
}

/* Meeting pages and their forms. */
const struct route meeting_routes[] = {
        {"GET", "/meetings/{body}/{date}", meeting_page_params, GOV_ROLE_PUBLIC,
         meeting_page, .cache = true},
        {"GET", "/meetings/{body}/{date}/attendance", meeting_params,
         GOV_ROLE_ADMIN, meeting_attendance_page},
        {"POST", "/meetings/{body}/{date}/attendance",
         meeting_attendance_params, GOV_ROLE_ADMIN, meeting_attendance_save},
        {"POST", "/meetings/{body}/{date}/items", meeting_item_add_params,
         GOV_ROLE_ADMIN, meeting_item_add},
        {"POST", "/meetings/{body}/{date}/status", meeting_status_params,
         GOV_ROLE_ADMIN, meeting_status_save},
        {"POST", "/meetings/{body}/{date}/minutes-status",
         meeting_minutes_status_params, GOV_ROLE_ADMIN,
         meeting_minutes_status_save},
        {"GET", "/meetings/{body}/{date}/items/{number}/minutes",
         meeting_item_params, GOV_ROLE_ADMIN, meeting_item_page},
        {"POST", "/meetings/{body}/{date}/items/{number}/minutes",
         meeting_minutes_params, GOV_ROLE_ADMIN, meeting_item_minutes_save},
        {"POST", "/meetings/{body}/{date}/items/{number}/resolutions",
         meeting_resolution_params, GOV_ROLE_ADMIN, meeting_resolution_add},
        {"POST", "/meetings/{body}/{date}/items/{number}/actions",
         meeting_action_params, GOV_ROLE_ADMIN, meeting_action_raise},
        {0},
};
