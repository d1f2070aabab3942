/*
 * agenda (web): scheduling meetings and managing one (see agenda.h).
 *
 * The management page holds several small forms, each posting to its own
 * address and coming back to the page: 303 to it after a change, with a
 * banner saying what was done; the page again with an error summary (400),
 * what was typed kept in the form that was sent, when the change was
 * refused. The forms that change the meeting (move, details, cancel,
 * publish) carry the meeting's version, an item's form the item's: a
 * change made by someone else since is refused with 409, the page showing
 * what is stored now (docs/web.md, "When two people edit the same record").
 *
 * Field names differ from form to form, so that a value sent fills only the
 * form it was sent from; an item's form fills its fields from what was
 * sent only when it is the item sent.
 */
#include "web/agenda.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "gov/agenda.h"
#include "gov/body.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "gov/programme.h"
#include "http/server.h"
#include "web/layout.h"

enum {
	TITLE_MAX = 500,
	LINE_MAX_CHARS = 500,
	NUMBER_MAX = 40,
	ERRORS_MAX = 8,
	PEOPLE_MAX = 2000,
};

/* ---- parameters ---- */

#define BODY_PARAM                                      \
	{                                               \
		.name = "body", .where = ROUTE_IN_PATH, \
		.check = ROUTE_SHORT_NAME               \
	}
#define DATE_PARAM                                                          \
	{                                                                   \
		.name = "date", .where = ROUTE_IN_PATH, .check = ROUTE_SLUG \
	}
#define TEXT(n, m)                                                      \
	{                                                               \
		.name = n, .where = ROUTE_IN_FORM, .check = ROUTE_TEXT, \
		.max = m                                                \
	}
#define CHOICE(n, c)                                                    \
	{                                                               \
		.name = n, .where = ROUTE_IN_FORM, .check = ROUTE_ENUM, \
		.choices = c                                            \
	}
#define SLUG(n)                                                         \
	{                                                               \
		.name = n, .where = ROUTE_IN_FORM, .check = ROUTE_SLUG, \
	}
#define VERSION                                                        \
	{                                                              \
		.name = "version", .where = ROUTE_IN_FORM,             \
		.check = ROUTE_INTEGER, .min = 1, .max = INT64_MAX / 2 \
	}
#define END                  \
	{                    \
		.name = NULL \
	}

/* What ?done= says on the management page after a form has saved. */
static const char *const done_kinds[] = {
        "scheduled", "moved",     "cancelled", "details", "draft",
        "added",     "item",      "up",        "down",    "removed",
        "published", "withdrawn", "declared",  "arrival", NULL,
};
static const char *const done_messages[] = {
        "Meetings scheduled: this is the first",
        "Meeting moved",
        "Meeting cancelled",
        "Webcast and part two saved",
        "Proposed items added to the agenda",
        "Agenda item added",
        "Agenda item saved",
        "Agenda item moved up",
        "Agenda item moved down",
        "Agenda item removed",
        "Agenda published: everyone can now see its open items",
        "Agenda withdrawn",
        "Declaration of interest recorded",
        "Arrival and departure recorded",
};

static const char *const yes[] = {"yes", NULL};
static const char *const agenda_ops[] = {"draft", "add", "publish", "withdraw",
                                         NULL};
static const char *const item_ops[] = {"up", "down", "remove", "save", NULL};
static const char *const kinds[] = {"one", "series", NULL};
static const char *const exemption_choices[] = {"none", "1", "2",     "3", "4",
                                                "5",    "6", "other", NULL};

static const struct route_param manage_page_params[] = {
        BODY_PARAM,
        DATE_PARAM,
        {.name = "done",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = done_kinds},
        END,
};
static const struct route_param move_params[] = {
        BODY_PARAM,
        DATE_PARAM,
        PAGE_DATE_PARAMS("move-date", ROUTE_IN_FORM),
        TEXT("start", 5),
        TEXT("end", 5),
        TEXT("location", LINE_MAX_CHARS),
        VERSION,
        END,
};
static const struct route_param cancel_params[] = {BODY_PARAM, DATE_PARAM,
                                                   VERSION, END};
static const struct route_param details_params[] = {
        BODY_PARAM,
        DATE_PARAM,
        TEXT("webcast", 2000),
        CHOICE("part-two", exemption_choices),
        TEXT("exemption-other", LINE_MAX_CHARS),
        VERSION,
        END,
};
static const struct route_param agenda_params[] = {
        BODY_PARAM,
        DATE_PARAM,
        CHOICE("op", agenda_ops),
        TEXT("title", TITLE_MAX),
        TEXT("number", NUMBER_MAX),
        TEXT("parent", NUMBER_MAX),
        SLUG("presenter"),
        CHOICE("confidential", yes),
        TEXT("reason", LINE_MAX_CHARS),
        VERSION,
        END,
};
static const struct route_param item_params[] = {
        BODY_PARAM,
        DATE_PARAM,
        TEXT("item", NUMBER_MAX),
        CHOICE("op", item_ops),
        SLUG("item-presenter"),
        CHOICE("item-confidential", yes),
        TEXT("item-reason", LINE_MAX_CHARS),
        VERSION,
        END,
};
static const struct route_param declaration_params[] = {
        BODY_PARAM,
        DATE_PARAM,
        SLUG("decl-person"),
        TEXT("decl-item", NUMBER_MAX),
        TEXT("interest", 2000),
        END,
};
static const struct route_param arrival_params[] = {
        BODY_PARAM,
        DATE_PARAM,
        SLUG("arr-person"),
        TEXT("arrived", NUMBER_MAX),
        TEXT("left", NUMBER_MAX),
        END,
};
static const struct route_param schedule_page_params[] = {
        {.name = "body", .where = ROUTE_IN_QUERY, .check = ROUTE_SHORT_NAME},
        END,
};
static const struct route_param schedule_params[] = {
        {.name = "body", .where = ROUTE_IN_FORM, .check = ROUTE_SHORT_NAME},
        CHOICE("kind", kinds),
        PAGE_DATE_PARAMS("one-date", ROUTE_IN_FORM),
        CHOICE("every", gov_series_frequencies),
        TEXT("weeks", 2),
        CHOICE("weekday", gov_weekdays),
        CHOICE("week", gov_series_weeks),
        TEXT("day", 2),
        PAGE_DATE_PARAMS("from", ROUTE_IN_FORM),
        PAGE_DATE_PARAMS("until", ROUTE_IN_FORM),
        TEXT("count", 3),
        TEXT("start", 5),
        TEXT("end", 5),
        TEXT("location", LINE_MAX_CHARS),
        TEXT("name", LINE_MAX_CHARS),
        END,
};

/* ---- form errors ---- */

struct errors {
	struct govuk_error_summary_item list[ERRORS_MAX];
	struct govuk_error_message messages[ERRORS_MAX];
	const char *ids[ERRORS_MAX];
	size_t n;
	bool conflict; /* the record changed since the form was rendered */
};

/* Adds message (its first letter made a capital) about the field id. */
static void error_add(struct errors *fe, struct arena *a, const char *id,
                      const char *message)
{
	char *text;

	if (fe->n == ERRORS_MAX)
		return;
	text = arena_strdup(a, message);
	text[0] = (char)toupper((unsigned char)text[0]);
	fe->ids[fe->n] = id;
	fe->list[fe->n] = (struct govuk_error_summary_item){
	        .href = arena_printf(a, "#%s", id), .content.text = text};
	fe->messages[fe->n] =
	        (struct govuk_error_message){.content.text = text};
	fe->n++;
}

static const struct govuk_error_message *error_of(const struct errors *fe,
                                                  const char *id)
{
	for (size_t i = 0; fe && i < fe->n; i++)
		if (strcmp(fe->ids[i], id) == 0)
			return &fe->messages[i];
	return NULL;
}

static void error_summary(struct html *h, const struct errors *fe)
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

/* The message about the field id, or NULL. */
static const char *error_text(const struct errors *fe, const char *id)
{
	const struct govuk_error_message *e = error_of(fe, id);

	return e ? e->content.text : NULL;
}

/* ---- the meeting managed ---- */

struct managed {
	struct gov_meeting m;
	struct gov_body body;
	const char *key;  /* BODY/DATE */
	const char *page; /* "/meetings/BODY/DATE" */
	const char *manage;
	char day[DATE_WORDS_SIZE];
};

static enum masa_err must_administer(const struct http_request *req,
                                     struct masa_error *err)
{
	if (!gov_may_administer(&req->viewer, req->partnership->id))
		return masa_error_set(err, MASA_ERR_DENIED,
		                      "Only the business unit can manage "
		                      "meetings.");
	return MASA_OK;
}

/* The meeting {body}/{date} of the partnership (404 when none). */
static enum masa_err managed_load(struct http_request *req, struct managed *r,
                                  struct masa_error *err)
{
	struct arena *a = &req->arena;
	date_days d;
	enum masa_err rc;

	memset(r, 0, sizeof *r);
	r->key = arena_printf(a, "%s/%s", http_param(req, "body"),
	                      http_param(req, "date"));
	rc = gov_meeting_find(&req->gov, req->partnership->id, r->key, a, &r->m,
	                      err);
	if (rc == MASA_ERR_NOT_FOUND)
		return masa_error_set(err, rc,
		                      "There is no meeting %s. Check the "
		                      "body's short name and the date.",
		                      r->key);
	if (rc == MASA_OK)
		rc = gov_body_get(&req->gov, r->m.body_id, a, &r->body, err);
	if (rc != MASA_OK)
		return rc;
	r->page = arena_printf(a, "/meetings/%s", r->m.key);
	r->manage = arena_printf(a, "%s/manage", r->page);
	if (date_parse(r->m.date, &d, NULL) == MASA_OK)
		date_format_words(d, true, r->day);
	return MASA_OK;
}

/* An admin's request about the meeting {body}/{date}. */
static enum masa_err admin_load(struct http_request *req, struct managed *r,
                                struct masa_error *err)
{
	enum masa_err rc = must_administer(req, err);

	return rc ? rc : managed_load(req, r, err);
}

/* ---- the management page ---- */

struct manage_view {
	struct http_request *req;
	struct managed *r;
	const struct errors *fe;
	const char *sent_form; /* the form whose values were sent, or "" */
	const char *sent_item; /* the item whose form was sent, or NULL */
	struct gov_item_row *items;
	size_t nitems;
	size_t *order;
	int *depth;
	struct gov_agenda_proposal *draft;
	size_t ndraft;
	struct gov_person *people;
	size_t npeople;
	struct gov_attendee *att;
	size_t natt;
	struct gov_declaration_row *decl;
	size_t ndecl;
};

/* Puts item i and its sub-items (in agenda order) in v->order. */
static void order_from(struct manage_view *v, size_t i, int depth, size_t *n)
{
	v->order[(*n)++] = i;
	v->depth[i] = depth;
	if ((size_t)depth >= v->nitems)
		return;
	for (size_t j = 0; j < v->nitems; j++)
		if (j != i && v->items[j].item.parent_id == v->items[i].item.id)
			order_from(v, j, depth + 1, n);
}

static bool has_item(const struct manage_view *v, int64_t id)
{
	for (size_t i = 0; i < v->nitems; i++)
		if (v->items[i].item.id == id)
			return true;
	return false;
}

static void items_arrange(struct manage_view *v, struct arena *a)
{
	size_t n = 0;

	v->order = arena_alloc(a, (v->nitems + 1) * sizeof *v->order);
	v->depth = arena_alloc(a, (v->nitems + 1) * sizeof *v->depth);
	for (size_t i = 0; i < v->nitems; i++)
		if (v->items[i].item.parent_id == 0 ||
		    !has_item(v, v->items[i].item.parent_id))
			order_from(v, i, 0, &n);
	v->nitems = n < v->nitems ? n : v->nitems;
}

static enum masa_err view_read(struct http_request *req, struct manage_view *v,
                               struct masa_error *err)
{
	struct gov *g = &req->gov;
	struct arena *a = &req->arena;
	int64_t id = v->r->m.id;
	enum masa_err rc;

	if ((rc = gov_item_rows(g, &req->viewer, id, a, &v->items, &v->nitems,
	                        err)) ||
	    (rc = gov_agenda_draft(g, &req->viewer, id, a, &v->draft,
	                           &v->ndraft, err)) ||
	    (rc = gov_person_list(g, req->partnership->id, a, &v->people,
	                          &v->npeople, err)) ||
	    (rc = gov_attendance_list(g, id, a, &v->att, &v->natt, err)) ||
	    (rc = gov_declaration_rows(g, &req->viewer, id, a, &v->decl,
	                               &v->ndecl, err)))
		return rc;
	if (v->npeople > PEOPLE_MAX)
		v->npeople = PEOPLE_MAX;
	items_arrange(v, a);
	return MASA_OK;
}

/* A field's value: what was sent when its form was, else stored. */
static const char *value(const struct manage_view *v, const char *form,
                         const char *name, const char *stored)
{
	const char *sent = http_param(v->req, name);

	return sent && strcmp(v->sent_form, form) == 0 ? sent : stored;
}

static void version_field(struct html *h, const struct manage_view *v,
                          const char *form, int64_t stored)
{
	const char *sent = value(v, form, "version", NULL);

	html_void(h, "input", "type", "hidden", "name", "version", "value",
	          sent && !(v->fe && v->fe->conflict)
	                  ? sent
	                  : arena_printf(&v->req->arena, "%lld",
	                                 (long long)stored),
	          NULL);
}

static void form_begin(struct html *h, const struct manage_view *v,
                       const char *form)
{
	page_form_begin(
	        h, v->req,
	        arena_printf(&v->req->arena, "%s/%s", v->r->manage, form));
}

static void heading(struct html *h, const char *id, const char *text)
{
	html_elem(h, "h2", text, "class", "govuk-heading-m", "id", id, NULL);
}

static void para(struct html *h, const char *text)
{
	html_elem(h, "p", text, "class", "govuk-body", NULL);
}

static const char *person_words(struct arena *a, const struct gov_person *p)
{
	return p->honorific_prefix
	               ? arena_printf(a, "%s %s", p->honorific_prefix, p->name)
	               : p->name;
}

/* A select of people (keys), "" first for none. */
static void people_select(struct html *h, const struct manage_view *v,
                          const char *name, const char *id, const char *label,
                          const char *none, const char *value_key,
                          const struct govuk_error_message *error)
{
	struct arena *a = &v->req->arena;
	struct govuk_select_item *opts =
	        arena_alloc(a, (v->npeople + 1) * sizeof *opts);

	opts[0] = (struct govuk_select_item){.value = "", .text = none};
	for (size_t i = 0; i < v->npeople; i++)
		opts[i + 1] = (struct govuk_select_item){
		        .value = v->people[i].key,
		        .text = person_words(a, &v->people[i])};
	govuk_select(h, &(struct govuk_select){
	                        .id = id,
	                        .name = name,
	                        .items = opts,
	                        .n_items = v->npeople + 1,
	                        .value = value_key ? value_key : "",
	                        .field.label.content.text = label,
	                        .field.error_message = error,
	                });
}

/* A select of the agenda's items (numbers), "" first for none. */
static void item_select(struct html *h, const struct manage_view *v,
                        const char *name, const char *label, const char *none,
                        const char *selected,
                        const struct govuk_error_message *error)
{
	struct arena *a = &v->req->arena;
	struct govuk_select_item *opts =
	        arena_alloc(a, (v->nitems + 1) * sizeof *opts);

	opts[0] = (struct govuk_select_item){.value = "", .text = none};
	for (size_t k = 0; k < v->nitems; k++) {
		const struct gov_item *it = &v->items[v->order[k]].item;
		opts[k + 1] = (struct govuk_select_item){
		        .value = it->number,
		        .text = arena_printf(a, "%s: %.60s", it->number,
		                             it->title)};
	}
	govuk_select(h, &(struct govuk_select){
	                        .name = name,
	                        .items = opts,
	                        .n_items = v->nitems + 1,
	                        .value = selected ? selected : "",
	                        .field.label.content.text = label,
	                        .field.error_message = error,
	                });
}

static const char *person_key_of(const struct manage_view *v, int64_t id)
{
	for (size_t i = 0; i < v->npeople; i++)
		if (v->people[i].id == id)
			return v->people[i].key;
	return NULL;
}

static void small_button(struct html *h, const char *text, const char *name,
                         const char *value, const char *classes)
{
	govuk_button(h, &(struct govuk_button){
	                        .content.text = text,
	                        .name = name,
	                        .value = value,
	                        .classes = classes,
	                });
}

/* One item's buttons: up, down, remove, each a form of its own. */
static void write_item_buttons(struct html *h, const struct manage_view *v,
                               const struct gov_item *it, size_t k)
{
	struct arena *a = &v->req->arena;
	bool first = true, last = true;

	for (size_t j = 0; j < v->nitems; j++) {
		const struct gov_item *o = &v->items[v->order[j]].item;
		if (o->parent_id != it->parent_id || o->id == it->id)
			continue;
		if (j < k)
			first = false;
		else
			last = false;
	}
	html_open(h, "div", "class", "govuk-button-group", NULL);
	const char *ops[] = {first ? NULL : "up", last ? NULL : "down",
	                     "remove"};
	const char *words[] = {"Move up", "Move down", "Remove"};
	for (int i = 0; i < 3; i++) {
		if (ops[i] == NULL)
			continue;
		form_begin(h, v, "item");
		html_void(h, "input", "type", "hidden", "name", "item", "value",
		          it->number, NULL);
		govuk_button(
		        h,
		        &(struct govuk_button){
		                .name = "op",
		                .value = ops[i],
		                .content.text = words[i],
		                .classes = i == 2 ? "govuk-button--warning "
		                                    "govuk-!-margin-bottom-1"
		                                  : "govuk-button--secondary "
		                                    "govuk-!-margin-bottom-1",
		                .attributes = {{"aria-label",
		                                arena_printf(a, "%s item %s",
		                                             words[i],
		                                             it->number)}},
		        });
		html_close(h);
	}
	html_close(h);
}

/* One item's presenter and part-two form, folded in a details element. */
static void write_item_form(struct html *h, const struct manage_view *v,
                            const struct gov_item_row *row)
{
	struct arena *a = &v->req->arena;
	const struct gov_item *it = &row->item;
	bool sent = v->sent_item && strcmp(v->sent_item, it->number) == 0;
	const char *form = sent ? "item" : "-";
	const char *id = arena_printf(a, "item-%lld", (long long)it->id);
	static const struct govuk_choice_item part_two[] = {{
	        .value = "yes",
	        .content.text = "Part 2: the press and public are excluded",
	}};
	const char *checked = sent ? http_param(v->req, "item-confidential")
	                           : (it->confidential ? "yes" : NULL);

	if (sent && v->fe && v->fe->n)
		html_open(h, "details", "class", "govuk-details", "id", id,
		          "open", "", NULL);
	else
		html_open(h, "details", "class", "govuk-details", "id", id,
		          NULL);
	html_open(h, "summary", "class", "govuk-details__summary", NULL);
	html_elem(h, "span",
	          arena_printf(a, "Presenter and part of item %s", it->number),
	          "class", "govuk-details__summary-text", NULL);
	html_close(h);
	html_open(h, "div", "class", "govuk-details__text", NULL);
	form_begin(h, v, "item");
	html_void(h, "input", "type", "hidden", "name", "item", "value",
	          it->number, NULL);
	version_field(h, v, form, it->version);
	people_select(h, v, "item-presenter",
	              arena_printf(a, "%s-presenter", id), "Presenter",
	              "No one named",
	              value(v, form, "item-presenter",
	                    person_key_of(v, it->presenter_id)),
	              error_of(v->fe, arena_printf(a, "%s-presenter", id)));
	govuk_checkboxes(h, &(struct govuk_checkboxes){
	                            .id_prefix = arena_printf(a, "%s-part", id),
	                            .name = "item-confidential",
	                            .items = part_two,
	                            .n_items = 1,
	                            .values = &checked,
	                            .n_values = checked ? 1 : 0,
	                            .classes = "govuk-checkboxes--small",
	                    });
	govuk_input(
	        h,
	        &(struct govuk_input){
	                .id = arena_printf(a, "%s-reason", id),
	                .name = "item-reason",
	                .value = value(v, form, "item-reason",
	                               it->part_two_reason),
	                .field.label.content.text = "Why it is taken in part 2",
	                .field.hint =
	                        &(struct govuk_hint){
	                                .content.text = "The paragraph of the "
	                                                "exemption that "
	                                                "applies"},
	                .field.error_message = error_of(
	                        v->fe, arena_printf(a, "%s-reason", id)),
	        });
	small_button(h, "Save item", "op", "save", "govuk-button--secondary");
	html_close(h);
	html_close(h);
	html_close(h);
}

static void write_agenda_items(struct html *h, const struct manage_view *v)
{
	struct arena *a = &v->req->arena;

	if (v->nitems == 0) {
		para(h, "The agenda has no items yet.");
		return;
	}
	html_open(h, "ol", "class", "govuk-list", NULL);
	for (size_t k = 0; k < v->nitems; k++) {
		const struct gov_item_row *row = &v->items[v->order[k]];
		const struct gov_item *it = &row->item;

		html_open(h, "li", "class",
		          v->depth[v->order[k]] ? "masa-item masa-item--sub"
		                                : "masa-item",
		          NULL);
		html_open(h, "h3", "class", "govuk-heading-s", NULL);
		html_textf(h, "%s. %s", it->number, it->title);
		html_close(h);
		if (it->confidential) {
			html_open(h, "p", "class", "govuk-body-s", NULL);
			govuk_tag(h, &(struct govuk_tag){
			                     .content.text = "Part 2",
			                     .classes = "govuk-tag--red"});
			html_textf(h, " %s",
			           it->part_two_reason ? it->part_two_reason
			                               : "No reason given yet");
			html_close(h);
		}
		if (row->presenter_name)
			html_elem(
			        h, "p",
			        arena_printf(
			                a, "Presented by %s",
			                row->presenter_prefix
			                        ? arena_printf(
			                                  a, "%s %s",
			                                  row->presenter_prefix,
			                                  row->presenter_name)
			                        : row->presenter_name),
			        "class", "govuk-body-s", NULL);
		write_item_buttons(h, v, it, k);
		write_item_form(h, v, row);
		html_close(h);
	}
	html_close(h);
}

/* Is a proposal with this title on the agenda already? */
static bool on_agenda(const struct manage_view *v, const char *title)
{
	for (size_t i = 0; i < v->nitems; i++)
		if (strcmp(v->items[i].item.title, title) == 0)
			return true;
	return false;
}

static void write_draft(struct html *h, const struct manage_view *v)
{
	struct arena *a = &v->req->arena;
	size_t left = 0;

	for (size_t i = 0; i < v->ndraft; i++)
		left += !on_agenda(v, v->draft[i].title);
	if (left == 0)
		return;
	html_elem(h, "h3", "Proposed items", "class", "govuk-heading-s", "id",
	          "draft", NULL);
	para(h, "masa proposes these from the standing items, the work "
	        "programme, matters arising and deferred items, leaving out "
	        "those already on the agenda.");
	html_open(h, "ul", "class", "govuk-list govuk-list--bullet", NULL);
	for (size_t i = 0; i < v->ndraft; i++)
		if (!on_agenda(v, v->draft[i].title))
			html_elem(h, "li",
			          arena_printf(a, "%s (%s)", v->draft[i].title,
			                       v->draft[i].why),
			          NULL);
	html_close(h);
	form_begin(h, v, "agenda");
	small_button(h, "Add the proposed items", "op", "draft",
	             "govuk-button--secondary");
	html_close(h);
}

static void write_add_form(struct html *h, const struct manage_view *v)
{
	static const struct govuk_choice_item part_two[] = {{
	        .value = "yes",
	        .content.text = "Part 2: the press and public are excluded",
	}};
	const char *checked = value(v, "agenda", "confidential", NULL);

	html_elem(h, "h3", "Add an item", "class", "govuk-heading-s", "id",
	          "add", NULL);
	form_begin(h, v, "agenda");
	govuk_input(h, &(struct govuk_input){
	                       .name = "title",
	                       .value = value(v, "agenda", "title", NULL),
	                       .field.label.content.text = "Title",
	                       .field.error_message = error_of(v->fe, "title"),
	               });
	govuk_input(h, &(struct govuk_input){
	                       .name = "number",
	                       .value = value(v, "agenda", "number", NULL),
	                       .classes = "govuk-input--width-5",
	                       .spellcheck = GOVUK_FALSE,
	                       .field.label.content.text = "Number (optional)",
	                       .field.hint =
	                               &(struct govuk_hint){
	                                       .content.text =
	                                               "Leave empty for the "
	                                               "next number; 4.1 for "
	                                               "a sub-item"},
	                       .field.error_message = error_of(v->fe, "number"),
	               });
	item_select(h, v, "parent", "Sub-item of", "None: a main item",
	            value(v, "agenda", "parent", NULL),
	            error_of(v->fe, "parent"));
	people_select(h, v, "presenter", "presenter", "Presenter (optional)",
	              "No one named", value(v, "agenda", "presenter", NULL),
	              error_of(v->fe, "presenter"));
	govuk_checkboxes(h, &(struct govuk_checkboxes){
	                            .name = "confidential",
	                            .items = part_two,
	                            .n_items = 1,
	                            .values = &checked,
	                            .n_values = checked ? 1 : 0,
	                            .classes = "govuk-checkboxes--small",
	                    });
	govuk_input(h, &(struct govuk_input){
	                       .name = "reason",
	                       .value = value(v, "agenda", "reason", NULL),
	                       .field.label.content.text =
	                               "Why it is taken in part 2 (if it is)",
	                       .field.error_message = error_of(v->fe, "reason"),
	               });
	small_button(h, "Add item", "op", "add", NULL);
	html_close(h);
}

static void write_publish(struct html *h, const struct manage_view *v)
{
	const struct gov_meeting *m = &v->r->m;
	struct arena *a = &v->req->arena;
	date_days d;
	char words[DATE_WORDS_SIZE];

	html_elem(h, "h3", "Publish the agenda", "class", "govuk-heading-s",
	          "id", "publish", NULL);
	form_begin(h, v, "agenda");
	version_field(h, v, "agenda", m->version);
	if (m->agenda_published_on &&
	    date_parse(m->agenda_published_on, &d, NULL) == MASA_OK) {
		date_format_words(d, false, words);
		para(h, arena_printf(a,
		                     "Published on %s: everyone can see the "
		                     "open items and their papers.",
		                     words));
		small_button(h, "Withdraw the agenda", "op", "withdraw",
		             "govuk-button--secondary");
	} else {
		para(h, "Not published: only people signed in can see the "
		        "agenda. Publishing it shows everyone the open items, "
		        "their presenters and papers; never the part 2 items.");
		html_open(h, "div", "id", "publish-button", NULL);
		small_button(h, "Publish the agenda", "op", "publish", NULL);
		html_close(h);
	}
	html_close(h);
}

static void write_move_form(struct html *h, const struct manage_view *v)
{
	const struct gov_meeting *m = &v->r->m;

	heading(h, "move", "Date, time and place");
	para(h, "Moving the meeting keeps its address; its new date's "
	        "address leads to it too.");
	form_begin(h, v, "move");
	version_field(h, v, "move", m->version);
	page_date_input(h, v->req,
	                &(struct page_date_input){
	                        .prefix = "move-date",
	                        .legend = "Date",
	                        .hint = "For example, 3 4 2030",
	                        .iso = strcmp(v->sent_form, "move") == 0
	                                       ? NULL
	                                       : m->date,
	                        .error = error_text(v->fe, "move-date-day")});
	govuk_input(
	        h, &(struct govuk_input){
	                   .name = "start",
	                   .value = value(v, "move", "start", m->start_time),
	                   .classes = "govuk-input--width-5",
	                   .field.label.content.text = "Start time",
	                   .field.hint =
	                           &(struct govuk_hint){.content.text =
	                                                        "24-hour, such "
	                                                        "as 13:00"},
	                   .field.error_message = error_of(v->fe, "start"),
	           });
	govuk_input(h, &(struct govuk_input){
	                       .name = "end",
	                       .value = value(v, "move", "end", m->end_time),
	                       .classes = "govuk-input--width-5",
	                       .field.label.content.text = "End time",
	                       .field.error_message = error_of(v->fe, "end"),
	               });
	govuk_input(h,
	            &(struct govuk_input){
	                    .name = "location",
	                    .value = value(v, "move", "location", m->location),
	                    .field.label.content.text = "Place",
	                    .field.error_message = error_of(v->fe, "location"),
	            });
	small_button(h, "Move the meeting", NULL, NULL, NULL);
	html_close(h);
}

/* Which exemption choice ("1".."6", "other", "none") text is. */
static const char *exemption_choice(const char *text)
{
	static const char *const numbers[] = {"1", "2", "3", "4", "5", "6"};

	if (text == NULL)
		return "none";
	for (int i = 0; i < 6 && gov_part_two_exemptions[i]; i++)
		if (strcmp(text, gov_part_two_exemptions[i]) == 0)
			return numbers[i];
	return "other";
}

static void write_details_form(struct html *h, const struct manage_view *v)
{
	const struct gov_meeting *m = &v->r->m;
	struct govuk_choice_item items[9];
	size_t n = 0;
	static const char *const numbers[] = {"1", "2", "3", "4", "5", "6"};
	const char *stored_choice = exemption_choice(m->part_two_exemption);

	heading(h, "details", "Webcast and part 2");
	form_begin(h, v, "details");
	version_field(h, v, "details", m->version);
	govuk_input(
	        h,
	        &(struct govuk_input){
	                .name = "webcast",
	                .type = "url",
	                .value = value(v, "details", "webcast", m->webcast_url),
	                .spellcheck = GOVUK_FALSE,
	                .field.label.content.text =
	                        "Webcast address (optional)",
	                .field.error_message = error_of(v->fe, "webcast"),
	        });
	items[n++] = (struct govuk_choice_item){
	        .value = "none", .content.text = "The meeting has no part 2"};
	for (int i = 0; i < 6 && gov_part_two_exemptions[i]; i++)
		items[n++] = (struct govuk_choice_item){
		        .value = numbers[i],
		        .content.text = gov_part_two_exemptions[i]};
	items[n++] = (struct govuk_choice_item){
	        .value = "other", .content.text = "Another exemption"};
	govuk_radios(
	        h,
	        &(struct govuk_radios){
	                .name = "part-two",
	                .items = items,
	                .n_items = n,
	                .value = value(v, "details", "part-two", stored_choice),
	                .classes = "govuk-radios--small",
	                .frame.fieldset =
	                        &(struct govuk_fieldset){
	                                .legend.content.text =
	                                        "Part 2: the press and "
	                                        "public are excluded under",
	                                .legend.classes =
	                                        "govuk-fieldset__legend--s"},
	                .frame.error_message = error_of(v->fe, "part-two"),
	        });
	govuk_input(
	        h,
	        &(struct govuk_input){
	                .name = "exemption-other",
	                .value = value(v, "details", "exemption-other",
	                               strcmp(stored_choice, "other") == 0
	                                       ? m->part_two_exemption
	                                       : NULL),
	                .field.label.content.text = "Another exemption: which",
	                .field.error_message =
	                        error_of(v->fe, "exemption-other"),
	        });
	small_button(h, "Save webcast and part 2", NULL, NULL,
	             "govuk-button--secondary");
	html_close(h);
}

static void write_cancel_form(struct html *h, const struct manage_view *v)
{
	const struct gov_meeting *m = &v->r->m;

	heading(h, "cancel", "Cancel the meeting");
	if (strcmp(m->status, "cancelled") == 0) {
		para(h, "The meeting is cancelled. It stays on the calendar, "
		        "marked cancelled.");
		return;
	}
	govuk_warning_text(h,
	                   &(struct govuk_warning_text){
	                           .content.text = "A cancelled meeting stays "
	                                           "on the calendar and in "
	                                           "calendar feeds, marked "
	                                           "cancelled."});
	form_begin(h, v, "cancel");
	version_field(h, v, "cancel", m->version);
	small_button(h, "Cancel the meeting", NULL, NULL,
	             "govuk-button--warning");
	html_close(h);
}

static void write_declarations(struct html *h, const struct manage_view *v)
{
	struct arena *a = &v->req->arena;

	heading(h, "declarations", "Declarations of interest");
	if (v->ndecl == 0)
		para(h, "None recorded.");
	else {
		html_open(h, "ul", "class", "govuk-list govuk-list--bullet",
		          NULL);
		for (size_t i = 0; i < v->ndecl; i++) {
			const struct gov_declaration_row *d = &v->decl[i];
			html_elem(
			        h, "li",
			        arena_printf(
			                a, "%s%s: %s", d->person_name,
			                d->item_number
			                        ? arena_printf(a, " (item %s)",
			                                       d->item_number)
			                        : "",
			                d->d.interest),
			        NULL);
		}
		html_close(h);
	}
	form_begin(h, v, "declaration");
	people_select(h, v, "decl-person", "decl-person", "Who declared it",
	              "Choose a person",
	              value(v, "declaration", "decl-person", NULL),
	              error_of(v->fe, "decl-person"));
	item_select(h, v, "decl-item", "On item", "The meeting as a whole",
	            value(v, "declaration", "decl-item", NULL),
	            error_of(v->fe, "decl-item"));
	govuk_input(h,
	            &(struct govuk_input){
	                    .name = "interest",
	                    .value = value(v, "declaration", "interest", NULL),
	                    .field.label.content.text = "The interest",
	                    .field.error_message = error_of(v->fe, "interest"),
	            });
	small_button(h, "Record the declaration", NULL, NULL,
	             "govuk-button--secondary");
	html_close(h);
}

static void write_arrivals(struct html *h, const struct manage_view *v)
{
	struct arena *a = &v->req->arena;
	struct govuk_select_item *opts =
	        arena_alloc(a, (v->natt + 1) * sizeof *opts);

	heading(h, "arrivals", "Arrivals and departures");
	if (v->natt == 0) {
		para(h, "Record who attended first (Attendance, on the "
		        "meeting's page); then say here who arrived late or "
		        "left early.");
		return;
	}
	opts[0] = (struct govuk_select_item){.value = "",
	                                     .text = "Choose a person"};
	for (size_t i = 0; i < v->natt; i++)
		opts[i + 1] = (struct govuk_select_item){
		        .value = v->att[i].person_key,
		        .text = v->att[i].arrived_item || v->att[i].left_item
		                        ? arena_printf(
		                                  a,
		                                  "%s (arrived at %s, left "
		                                  "during %s)",
		                                  v->att[i].person_name,
		                                  v->att[i].arrived_item
		                                          ? v->att[i]
		                                                    .arrived_item
		                                          : "the start",
		                                  v->att[i].left_item
		                                          ? v->att[i].left_item
		                                          : "none")
		                        : v->att[i].person_name};
	form_begin(h, v, "arrival");
	govuk_select(
	        h, &(struct govuk_select){
	                   .name = "arr-person",
	                   .items = opts,
	                   .n_items = v->natt + 1,
	                   .value = value(v, "arrival", "arr-person", ""),
	                   .field.label.content.text = "Who",
	                   .field.error_message = error_of(v->fe, "arr-person"),
	           });
	item_select(h, v, "arrived", "Arrived at the start of item",
	            "At the start of the meeting",
	            value(v, "arrival", "arrived", NULL),
	            error_of(v->fe, "arrived"));
	item_select(h, v, "left", "Left during item", "Stayed to the end",
	            value(v, "arrival", "left", NULL), error_of(v->fe, "left"));
	small_button(h, "Record arrival and departure", NULL, NULL,
	             "govuk-button--secondary");
	html_close(h);
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

static enum masa_err manage_render(struct http_request *req, struct managed *r,
                                   unsigned status, const struct errors *fe,
                                   const char *sent_form,
                                   struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct manage_view v = {.req = req,
	                        .r = r,
	                        .fe = fe,
	                        .sent_form = sent_form ? sent_form : ""};
	struct html h;
	enum masa_err rc;
	const struct govuk_breadcrumb crumbs[] = {
	        {.content.text = "Home", .href = "/"},
	        {.content.text = "Meetings", .href = "/meetings"},
	        {.content.text =
	                 arena_printf(a, "%s, %s", r->body.short_name, r->day),
	         .href = r->page},
	        {.content.text = "Manage"},
	};

	if (strcmp(v.sent_form, "item") == 0)
		v.sent_item = http_param(req, "item");
	rc = gov_begin_read(&req->gov, err);
	if (rc == MASA_OK)
		rc = gov_end(&req->gov, view_read(req, &v, err), err);
	if (rc != MASA_OK)
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(
	        &h, req,
	        &(struct page){
	                .title = arena_printf(a, "%sManage the %s meeting, %s",
	                                      fe && fe->n ? "Error: " : "",
	                                      r->body.short_name, r->day),
	                .section = PAGE_MEETINGS,
	                .breadcrumbs =
	                        &(struct govuk_breadcrumbs){.items = crumbs,
	                                                    .n_items = 4},
	        });
	error_summary(&h, fe);
	write_done(&h, req);
	page_heading(
	        &h,
	        arena_printf(a, "%s meeting, %s", r->body.short_name, r->day),
	        "Manage the meeting");
	html_open(&h, "p", "class", "govuk-body", NULL);
	html_elem(&h, "a", "Back to the meeting's page", "class", "govuk-link",
	          "href", r->page, NULL);
	if (strcmp(r->m.status, "cancelled") == 0) {
		html_text(&h, " ");
		govuk_tag(&h, &(struct govuk_tag){.content.text = "Cancelled",
		                                  .classes = "govuk-tag--red"});
	}
	html_close(&h);
	heading(&h, "agenda", "Agenda");
	write_agenda_items(&h, &v);
	write_draft(&h, &v);
	write_add_form(&h, &v);
	write_publish(&h, &v);
	write_move_form(&h, &v);
	write_details_form(&h, &v);
	write_declarations(&h, &v);
	write_arrivals(&h, &v);
	write_cancel_form(&h, &v);
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err manage_page(struct http_request *req,
                                 struct masa_error *err)
{
	struct managed r;
	enum masa_err rc;

	if ((rc = admin_load(req, &r, err)))
		return rc;
	return manage_render(req, &r, 200, NULL, NULL, err);
}

/* ---- after a form ---- */

static bool user_error(enum masa_err rc)
{
	return rc == MASA_ERR_INVALID || rc == MASA_ERR_CONFLICT ||
	       rc == MASA_ERR_NOT_FOUND || rc == MASA_ERR_LIMIT;
}

/*
 * Ends a form's request: 303 back to the page with done when rc is OK; the
 * page again with why on field (or, when version is stale, the conflict)
 * when the user can fix it; else the error.
 */
static enum masa_err form_end(struct http_request *req, struct managed *r,
                              const char *form, enum masa_err rc,
                              const struct masa_error *why, int64_t version,
                              const char *field, const char *done,
                              struct masa_error *err)
{
	struct errors fe = {0};
	const char *unsaved = http_form_unsaved(req, rc);

	if (rc == MASA_OK)
		return http_respond_redirect(req,
		                             arena_printf(&req->arena,
		                                          "%s?done=%s",
		                                          r->manage, done),
		                             err);
	if (!user_error(rc) && unsaved == NULL) {
		*err = *why;
		return rc;
	}
	if (version != 0 && rc == MASA_ERR_CONFLICT &&
	    strstr(why->message, "someone else changed") != NULL) {
		if ((rc = managed_load(req, r, err)))
			return rc;
		error_add(&fe, &req->arena, field, why->message);
		fe.list[0].href = r->manage;
		fe.conflict = true;
		return manage_render(req, r, 409, &fe, form, err);
	}
	if ((rc = managed_load(req, r, err)))
		return rc;
	error_add(&fe, &req->arena, field, unsaved ? unsaved : why->message);
	return manage_render(req, r, unsaved ? 503 : 400, &fe, form, err);
}

/* A form's own input errors, before anything is changed: the page again. */
static enum masa_err form_refuse(struct http_request *req, struct managed *r,
                                 const char *form, const struct errors *fe,
                                 struct masa_error *err)
{
	return manage_render(req, r, 400, fe, form, err);
}

static char *empty_null(const char *s)
{
	return s && s[0] ? (char *)s : NULL;
}

/* ---- the forms ---- */

static enum masa_err move_save(struct http_request *req, struct masa_error *err)
{
	struct errors fe = {0};
	struct masa_error why = {0};
	struct managed r;
	const char *date, *bad;
	int64_t version = http_param_long(req, "version", 0);
	enum masa_err rc;

	if ((rc = admin_load(req, &r, err)))
		return rc;
	bad = page_date_read(req, "move-date", "The date of the meeting", true,
	                     &date);
	if (bad) {
		error_add(&fe, &req->arena, "move-date-day", bad);
		return form_refuse(req, &r, "move", &fe, err);
	}
	rc = gov_meeting_move(&req->gov, r.m.id, version, date,
	                      empty_null(http_param(req, "start")),
	                      empty_null(http_param(req, "end")),
	                      http_param(req, "location")
	                              ? empty_null(http_param(req, "location"))
	                              : NULL,
	                      &why);
	return form_end(req, &r, "move", rc, &why, version,
	                strstr(why.message, "Start time") ? "start"
	                : strstr(why.message, "End time") ? "end"
	                : strstr(why.message, "Venue")    ? "location"
	                                                  : "move-date-day",
	                "moved", err);
}

static enum masa_err cancel_save(struct http_request *req,
                                 struct masa_error *err)
{
	struct masa_error why = {0};
	struct managed r;
	int64_t version = http_param_long(req, "version", 0);
	enum masa_err rc;

	if ((rc = admin_load(req, &r, err)))
		return rc;
	rc = gov_meeting_cancel(&req->gov, r.m.id, version, &why);
	return form_end(req, &r, "cancel", rc, &why, version, "cancel",
	                "cancelled", err);
}

static enum masa_err details_save(struct http_request *req,
                                  struct masa_error *err)
{
	struct errors fe = {0};
	struct masa_error why = {0};
	struct managed r;
	const char *choice = http_param(req, "part-two");
	int64_t version = http_param_long(req, "version", 0);
	enum masa_err rc;

	if ((rc = admin_load(req, &r, err)))
		return rc;
	r.m.webcast_url = empty_null(http_param(req, "webcast"));
	if (choice == NULL || strcmp(choice, "none") == 0) {
		r.m.part_two_exemption = NULL;
	} else if (strcmp(choice, "other") == 0) {
		r.m.part_two_exemption =
		        empty_null(http_param(req, "exemption-other"));
		if (r.m.part_two_exemption == NULL) {
			error_add(&fe, &req->arena, "exemption-other",
			          "Enter the exemption that applies");
			return form_refuse(req, &r, "details", &fe, err);
		}
	} else {
		int i = choice[0] - '1';
		for (int k = 0; k <= i && k < 6; k++)
			if (gov_part_two_exemptions[k] == NULL)
				i = -1;
		if (i < 0 || i >= 6) {
			error_add(&fe, &req->arena, "part-two",
			          "Choose an exemption");
			return form_refuse(req, &r, "details", &fe, err);
		}
		r.m.part_two_exemption = (char *)gov_part_two_exemptions[i];
	}
	r.m.version = version;
	rc = gov_meeting_update(&req->gov, &r.m, &why);
	return form_end(req, &r, "details", rc, &why, version,
	                strstr(why.message, "Webcast") ? "webcast" : "part-two",
	                "details", err);
}

/* The id of the item numbered number (0 for "" or NULL); 404 otherwise. */
static enum masa_err item_of(struct http_request *req, const struct managed *r,
                             const char *number, struct gov_item *it,
                             struct masa_error *err)
{
	memset(it, 0, sizeof *it);
	if (number == NULL || number[0] == '\0')
		return MASA_OK;
	enum masa_err rc = gov_item_find(&req->gov, &req->viewer, r->m.id,
	                                 number, &req->arena, it, err);
	if (rc == MASA_ERR_NOT_FOUND)
		rc = masa_error_set(err, rc, "There is no item %s at %s",
		                    number, r->m.key);
	return rc;
}

static enum masa_err person_of(struct http_request *req, const char *key,
                               int64_t *id, struct masa_error *err)
{
	struct gov_person p;
	enum masa_err rc;

	*id = 0;
	if (key == NULL || key[0] == '\0')
		return MASA_OK;
	rc = gov_person_find(&req->gov, req->partnership->id, key, &req->arena,
	                     &p, err);
	if (rc == MASA_ERR_NOT_FOUND)
		rc = masa_error_set(err, rc, "There is no person %s", key);
	*id = p.id;
	return rc;
}

static enum masa_err agenda_save(struct http_request *req,
                                 struct masa_error *err)
{
	struct errors fe = {0};
	struct masa_error why = {0};
	struct managed r;
	const char *op = http_param(req, "op");
	int64_t version = http_param_long(req, "version", 0);
	char today[DATE_TEXT_SIZE];
	size_t added;
	struct gov_item parent, it = {0};
	enum masa_err rc;

	if ((rc = admin_load(req, &r, err)))
		return rc;
	if (op == NULL)
		op = "add";
	if (strcmp(op, "draft") == 0) {
		rc = gov_agenda_add_draft(&req->gov, r.m.id, &added, &why);
		return form_end(req, &r, "agenda", rc, &why, 0, "draft",
		                "draft", err);
	}
	if (strcmp(op, "publish") == 0 || strcmp(op, "withdraw") == 0) {
		bool publish = strcmp(op, "publish") == 0;
		date_format(date_today(), today);
		rc = gov_agenda_publish(&req->gov, r.m.id, version,
		                        publish ? today : NULL, &why);
		return form_end(req, &r, "agenda", rc, &why, version,
		                "publish-button",
		                publish ? "published" : "withdrawn", err);
	}
	it.meeting_id = r.m.id;
	it.title = empty_null(http_param(req, "title"));
	it.number = empty_null(http_param(req, "number"));
	it.confidential = http_param(req, "confidential") != NULL;
	it.part_two_reason = empty_null(http_param(req, "reason"));
	if (it.title == NULL)
		error_add(&fe, &req->arena, "title", "Enter the item's title");
	if (it.part_two_reason && !it.confidential)
		error_add(&fe, &req->arena, "reason",
		          "Give a reason only for a part 2 item, or tick part "
		          "2");
	if (fe.n == 0 && item_of(req, &r, http_param(req, "parent"), &parent,
	                         &why) != MASA_OK)
		error_add(&fe, &req->arena, "parent", why.message);
	if (fe.n == 0 && person_of(req, http_param(req, "presenter"),
	                           &it.presenter_id, &why) != MASA_OK)
		error_add(&fe, &req->arena, "presenter", why.message);
	if (fe.n > 0)
		return form_refuse(req, &r, "agenda", &fe, err);
	it.parent_id = parent.id;
	rc = gov_agenda_add(&req->gov, &it, &req->arena, &why);
	return form_end(req, &r, "agenda", rc, &why, 0,
	                strstr(why.message, "number") ? "number" : "title",
	                "added", err);
}

static enum masa_err item_save(struct http_request *req, struct masa_error *err)
{
	struct errors fe = {0};
	struct masa_error why = {0};
	struct managed r;
	const char *op = http_param(req, "op");
	int64_t version = http_param_long(req, "version", 0);
	struct gov_item it;
	enum masa_err rc;

	if ((rc = admin_load(req, &r, err)))
		return rc;
	if (http_param(req, "item") == NULL || op == NULL)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Choose an item and what to do with it.");
	if ((rc = item_of(req, &r, http_param(req, "item"), &it, err)))
		return rc;
	if (strcmp(op, "up") == 0 || strcmp(op, "down") == 0) {
		bool up = strcmp(op, "up") == 0;
		rc = gov_agenda_move(&req->gov, it.id, up ? -1 : 1, &why);
		return form_end(req, &r, "item", rc, &why, 0, "agenda",
		                up ? "up" : "down", err);
	}
	if (strcmp(op, "remove") == 0) {
		rc = gov_agenda_remove(&req->gov, it.id, &why);
		return form_end(req, &r, "item", rc, &why, 0, "agenda",
		                "removed", err);
	}
	it.confidential = http_param(req, "item-confidential") != NULL;
	it.part_two_reason = empty_null(http_param(req, "item-reason"));
	it.version = version;
	const char *id =
	        arena_printf(&req->arena, "item-%lld", (long long)it.id);
	if (it.part_two_reason && !it.confidential) {
		error_add(
		        &fe, &req->arena,
		        arena_printf(&req->arena, "%s-reason", id),
		        "Give a reason only for a part 2 item, or tick part 2");
		return form_refuse(req, &r, "item", &fe, err);
	}
	if ((rc = person_of(req, http_param(req, "item-presenter"),
	                    &it.presenter_id, &why)) == MASA_OK)
		rc = gov_item_update(&req->gov, &it, &why);
	return form_end(req, &r, "item", rc, &why, version,
	                arena_printf(&req->arena,
	                             strstr(why.message, "presenter")
	                                     ? "%s-presenter"
	                                     : "%s-reason",
	                             id),
	                "item", err);
}

static enum masa_err declaration_save(struct http_request *req,
                                      struct masa_error *err)
{
	struct errors fe = {0};
	struct masa_error why = {0};
	struct managed r;
	struct gov_declaration d = {0};
	struct gov_item it;
	enum masa_err rc;

	if ((rc = admin_load(req, &r, err)))
		return rc;
	d.meeting_id = r.m.id;
	d.interest = empty_null(http_param(req, "interest"));
	if (empty_null(http_param(req, "decl-person")) == NULL)
		error_add(&fe, &req->arena, "decl-person",
		          "Choose who declared the interest");
	else if (person_of(req, http_param(req, "decl-person"), &d.person_id,
	                   &why) != MASA_OK)
		error_add(&fe, &req->arena, "decl-person", why.message);
	if (item_of(req, &r, http_param(req, "decl-item"), &it, &why))
		error_add(&fe, &req->arena, "decl-item", why.message);
	if (d.interest == NULL)
		error_add(&fe, &req->arena, "interest",
		          "Enter the interest declared");
	if (fe.n > 0)
		return form_refuse(req, &r, "declaration", &fe, err);
	d.item_id = it.id;
	rc = gov_begin(&req->gov, &why);
	if (rc == MASA_OK)
		rc = gov_end(&req->gov,
		             gov_declaration_create(&req->gov, &d, &why), &why);
	return form_end(req, &r, "declaration", rc, &why, 0, "interest",
	                "declared", err);
}

static enum masa_err arrival_save(struct http_request *req,
                                  struct masa_error *err)
{
	struct errors fe = {0};
	struct masa_error why = {0};
	struct managed r;
	struct gov_item arrived, left;
	int64_t person = 0;
	enum masa_err rc;

	if ((rc = admin_load(req, &r, err)))
		return rc;
	if (empty_null(http_param(req, "arr-person")) == NULL)
		error_add(&fe, &req->arena, "arr-person", "Choose who it was");
	else if (person_of(req, http_param(req, "arr-person"), &person, &why) !=
	         MASA_OK)
		error_add(&fe, &req->arena, "arr-person", why.message);
	if (item_of(req, &r, http_param(req, "arrived"), &arrived, &why))
		error_add(&fe, &req->arena, "arrived", why.message);
	if (item_of(req, &r, http_param(req, "left"), &left, &why))
		error_add(&fe, &req->arena, "left", why.message);
	if (fe.n > 0)
		return form_refuse(req, &r, "arrival", &fe, err);
	rc = gov_attendance_at_items(&req->gov, r.m.id, person, arrived.id,
	                             left.id, &why);
	return form_end(req, &r, "arrival", rc, &why, 0,
	                strstr(why.message, "left")    ? "left"
	                : strstr(why.message, "arriv") ? "arrived"
	                                               : "arr-person",
	                "arrival", err);
}

/* ---- scheduling ---- */

static void schedule_select(struct html *h, struct arena *a, const char *name,
                            const char *label, const char *const *values,
                            const char *first, const char *selected,
                            const struct govuk_error_message *error)
{
	size_t n = 0;
	struct govuk_select_item *opts;

	while (values[n])
		n++;
	opts = arena_alloc(a, (n + 1) * sizeof *opts);
	opts[0] = (struct govuk_select_item){.value = "", .text = first};
	for (size_t i = 0; i < n; i++) {
		char *text = arena_strdup(a, values[i]);
		text[0] = (char)toupper((unsigned char)text[0]);
		opts[i + 1] = (struct govuk_select_item){.value = values[i],
		                                         .text = text};
	}
	govuk_select(h, &(struct govuk_select){
	                        .name = name,
	                        .items = opts,
	                        .n_items = n + 1,
	                        .value = selected ? selected : "",
	                        .field.label.content.text = label,
	                        .field.error_message = error,
	                });
}

static void small_input(struct html *h, struct http_request *req,
                        const char *name, const char *label, const char *hint,
                        const char *width, const struct errors *fe)
{
	govuk_input(h,
	            &(struct govuk_input){
	                    .name = name,
	                    .value = http_param(req, name),
	                    .classes = width,
	                    .field.label.content.text = label,
	                    .field.hint =
	                            hint ? &(struct govuk_hint){.content.text =
	                                                                hint}
	                                 : NULL,
	                    .field.error_message = error_of(fe, name),
	            });
}

static enum masa_err schedule_render(struct http_request *req, unsigned status,
                                     const struct errors *fe,
                                     struct masa_error *err)
{
	struct arena *a = &req->arena;
	struct gov_body *bodies;
	size_t nbodies;
	struct html h;
	enum masa_err rc;
	const char *kind = http_param(req, "kind");
	static const struct govuk_breadcrumb crumbs[] = {
	        {.content.text = "Home", .href = "/"},
	        {.content.text = "Meetings", .href = "/meetings"},
	        {.content.text = "Schedule"},
	};
	static const struct govuk_choice_item kind_items[] = {
	        {.value = "one", .content.text = "One meeting"},
	        {.value = "series",
	         .content.text = "A series, such as quarterly on the first "
	                         "Thursday"},
	};
	static const char *const every_names[] = {
	        "monthly", "bimonthly", "quarterly", "yearly", "weeks", NULL};

	if ((rc = gov_body_list(&req->gov, req->partnership->id, a, &bodies,
	                        &nbodies, err)))
		return rc;
	struct govuk_select_item *opts =
	        arena_alloc(a, (nbodies + 1) * sizeof *opts);
	opts[0] = (struct govuk_select_item){.value = "",
	                                     .text = "Choose a body"};
	for (size_t i = 0; i < nbodies; i++)
		opts[i + 1] = (struct govuk_select_item){
		        .value = bodies[i].short_name,
		        .text = arena_printf(a, "%s: %s", bodies[i].short_name,
		                             bodies[i].name)};
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){
	                   .title = fe && fe->n ? "Error: Schedule meetings"
	                                        : "Schedule meetings",
	                   .section = PAGE_MEETINGS,
	                   .breadcrumbs =
	                           &(struct govuk_breadcrumbs){.items = crumbs,
	                                                       .n_items = 3},
	           });
	error_summary(&h, fe);
	page_heading(&h, NULL, "Schedule meetings");
	page_form_begin(&h, req, "/meetings/schedule");
	govuk_select(&h, &(struct govuk_select){
	                         .name = "body",
	                         .items = opts,
	                         .n_items = nbodies + 1,
	                         .value = http_param(req, "body")
	                                          ? http_param(req, "body")
	                                          : "",
	                         .field.label.content.text = "Body",
	                         .field.error_message = error_of(fe, "body"),
	                 });
	govuk_radios(&h,
	             &(struct govuk_radios){
	                     .name = "kind",
	                     .items = kind_items,
	                     .n_items = 2,
	                     .value = kind ? kind : "one",
	                     .frame.fieldset =
	                             &(struct govuk_fieldset){
	                                     .legend.content.text = "How many",
	                                     .legend.classes =
	                                             "govuk-fieldset__legend"
	                                             "--s"},
	                     .frame.error_message = error_of(fe, "kind"),
	             });
	html_elem(&h, "h2", "One meeting", "class", "govuk-heading-m", NULL);
	page_date_input(&h, req,
	                &(struct page_date_input){
	                        .prefix = "one-date",
	                        .legend = "Date",
	                        .hint = "For example, 6 3 2030",
	                        .error = error_text(fe, "one-date-day")});
	html_elem(&h, "h2", "A series", "class", "govuk-heading-m", NULL);
	schedule_select(&h, a, "every", "How often", every_names,
	                "Choose how often", http_param(req, "every"),
	                error_of(fe, "every"));
	small_input(&h, req, "weeks", "Every how many weeks",
	            "Only for a series every so many weeks",
	            "govuk-input--width-2", fe);
	schedule_select(&h, a, "week", "Which week of the month",
	                gov_series_weeks, "Choose a week",
	                http_param(req, "week"), error_of(fe, "week"));
	schedule_select(&h, a, "weekday", "Day of the week", gov_weekdays,
	                "Choose a day", http_param(req, "weekday"),
	                error_of(fe, "weekday"));
	small_input(&h, req, "day", "Or a day of the month",
	            "Such as 15; a short month takes its last day",
	            "govuk-input--width-2", fe);
	page_date_input(
	        &h, req,
	        &(struct page_date_input){.prefix = "from",
	                                  .legend = "From",
	                                  .hint = "The first possible day",
	                                  .error = error_text(fe, "from-day")});
	page_date_input(&h, req,
	                &(struct page_date_input){
	                        .prefix = "until",
	                        .legend = "Until",
	                        .hint = "The last possible day",
	                        .error = error_text(fe, "until-day")});
	small_input(&h, req, "count", "Or how many meetings", NULL,
	            "govuk-input--width-3", fe);
	html_elem(&h, "h2", "Time and place", "class", "govuk-heading-m", NULL);
	small_input(&h, req, "start", "Start time", "24-hour, such as 13:00",
	            "govuk-input--width-5", fe);
	small_input(&h, req, "end", "End time", NULL, "govuk-input--width-5",
	            fe);
	small_input(&h, req, "location", "Place", NULL, NULL, fe);
	small_input(&h, req, "name", "Title (optional)",
	            "Only when it is not the body's name", NULL, fe);
	govuk_button(&h, &(struct govuk_button){.content.text = "Schedule"});
	html_close(&h);
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err schedule_page(struct http_request *req,
                                   struct masa_error *err)
{
	enum masa_err rc = must_administer(req, err);

	return rc ? rc : schedule_render(req, 200, NULL, err);
}

/* A whole number field from 1 to max, or 0 when empty; false if bad. */
static bool number_field(struct http_request *req, const char *name, int max,
                         int *out)
{
	const char *s = empty_null(http_param(req, name));
	char *end;
	long n;

	*out = 0;
	if (s == NULL)
		return true;
	n = strtol(s, &end, 10);
	if (*end != '\0' || !isdigit((unsigned char)s[0]) || n < 1 || n > max)
		return false;
	*out = (int)n;
	return true;
}

/* The field a gov_series_dates message is about. */
static const char *series_field(const char *message)
{
	static const struct {
		const char *starts, *field;
	} fields[] = {
	        {"how often", "every"},
	        {"first date", "from-day"},
	        {"last date", "until-day"},
	        {"weekday", "weekday"},
	        {"which week", "week"},
	        {"day of the month", "day"},
	        {"every how many", "weeks"},
	        {"how many", "count"},
	        {"end of the series", "until-day"},
	        {"meeting start", "start"},
	        {"meeting end", "end"},
	        {"meeting location", "location"},
	        {"meeting name", "name"},
	        {"meeting date", "one-date-day"},
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (strncmp(message, fields[i].starts,
		            strlen(fields[i].starts)) == 0)
			return fields[i].field;
	return "body";
}

static enum masa_err schedule_save(struct http_request *req,
                                   struct masa_error *err)
{
	struct errors fe = {0};
	struct masa_error why = {0};
	struct arena *a = &req->arena;
	struct gov_body body;
	struct gov_series s = {0};
	struct gov_meeting like = {0}, first;
	const char *kind = http_param(req, "kind"), *bad;
	int64_t *ids;
	size_t n;
	enum masa_err rc;

	if ((rc = must_administer(req, err)))
		return rc;
	if (empty_null(http_param(req, "body")) == NULL ||
	    gov_body_find(&req->gov, req->partnership->id,
	                  http_param(req, "body"), a, &body, &why) != MASA_OK)
		error_add(&fe, a, "body", "Choose the body that meets");
	if (kind == NULL || strcmp(kind, "one") == 0) {
		s.every = "once";
		if ((bad = page_date_read(req, "one-date",
		                          "The date of the meeting", true,
		                          &s.from)))
			error_add(&fe, a, "one-date-day", bad);
	} else {
		s.every = empty_null(http_param(req, "every"));
		s.weekday = empty_null(http_param(req, "weekday"));
		s.week = empty_null(http_param(req, "week"));
		if (s.every == NULL)
			error_add(&fe, a, "every", "Choose how often");
		if (!number_field(req, "weeks", 52, &s.weeks))
			error_add(&fe, a, "weeks",
			          "Every how many weeks must be a number from "
			          "1 to 52");
		if (!number_field(req, "day", 31, &s.day_of_month))
			error_add(&fe, a, "day",
			          "The day of the month must be a number from "
			          "1 to 31");
		if (!number_field(req, "count", GOV_SERIES_MAX, &s.count))
			error_add(&fe, a, "count",
			          arena_printf(a,
			                       "How many meetings must be a "
			                       "number from 1 to %d",
			                       GOV_SERIES_MAX));
		if ((bad = page_date_read(req, "from", "The first possible day",
		                          true, &s.from)))
			error_add(&fe, a, "from-day", bad);
		if ((bad = page_date_read(req, "until", "The last possible day",
		                          false, &s.until)))
			error_add(&fe, a, "until-day", bad);
	}
	if (fe.n > 0)
		return schedule_render(req, 400, &fe, err);
	like.body_id = body.id;
	like.start_time = empty_null(http_param(req, "start"));
	like.end_time = empty_null(http_param(req, "end"));
	like.location = empty_null(http_param(req, "location"));
	like.name = empty_null(http_param(req, "name"));
	rc = gov_meeting_schedule(&req->gov, &like, &s, a, &ids, &n, &why);
	if (rc == MASA_OK && (rc = gov_meeting_get(&req->gov, ids[0], a, &first,
	                                           &why)) == MASA_OK)
		return http_respond_redirect(
		        req,
		        arena_printf(a, "/meetings/%s/manage?done=scheduled",
		                     first.key),
		        err);
	const char *unsaved = http_form_unsaved(req, rc);
	if (!user_error(rc) && unsaved == NULL) {
		*err = why;
		return rc;
	}
	error_add(&fe, a, series_field(why.message),
	          unsaved ? unsaved : why.message);
	return schedule_render(req, unsaved ? 503 : 400, &fe, err);
}

/* ---- a moved meeting's new address ---- */

enum masa_err agenda_moved_meeting(struct http_request *req,
                                   struct masa_error *err)
{
	struct gov_body body;
	struct gov_meeting_row *rows;
	size_t n = 0;
	const char *date = http_param(req, "date");
	date_days d;
	enum masa_err rc;

	if (date == NULL || date_parse(date, &d, NULL) != MASA_OK ||
	    gov_body_find(&req->gov, req->partnership->id,
	                  http_param(req, "body"), &req->arena, &body,
	                  err) != MASA_OK)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "There is no meeting %s/%s. Check the "
		                      "body's short name and the date.",
		                      http_param(req, "body"), date);
	rc = gov_meeting_list(&req->gov, req->partnership->id, body.id, date,
	                      date, 1, 0, &req->arena, &rows, &n, err);
	if (rc != MASA_OK)
		return rc;
	if (n == 0)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "There is no meeting %s/%s. Check the "
		                      "body's short name and the date.",
		                      body.short_name, date);
	return http_respond_redirect(
	        req, arena_printf(&req->arena, "/meetings/%s", rows[0].m.key),
	        err);
}

const struct route agenda_routes[] = {
        {"GET", "/meetings/schedule", schedule_page_params, GOV_ROLE_ADMIN,
         schedule_page},
        {"POST", "/meetings/schedule", schedule_params, GOV_ROLE_ADMIN,
         schedule_save},
        {"GET", "/meetings/{body}/{date}/manage", manage_page_params,
         GOV_ROLE_ADMIN, manage_page},
        {"POST", "/meetings/{body}/{date}/manage/move", move_params,
         GOV_ROLE_ADMIN, move_save},
        {"POST", "/meetings/{body}/{date}/manage/cancel", cancel_params,
         GOV_ROLE_ADMIN, cancel_save},
        {"POST", "/meetings/{body}/{date}/manage/details", details_params,
         GOV_ROLE_ADMIN, details_save},
        {"POST", "/meetings/{body}/{date}/manage/agenda", agenda_params,
         GOV_ROLE_ADMIN, agenda_save},
        {"POST", "/meetings/{body}/{date}/manage/item", item_params,
         GOV_ROLE_ADMIN, item_save},
        {"POST", "/meetings/{body}/{date}/manage/declaration",
         declaration_params, GOV_ROLE_ADMIN, declaration_save},
        {"POST", "/meetings/{body}/{date}/manage/arrival", arrival_params,
         GOV_ROLE_ADMIN, arrival_save},
        {0},
};
