/*
 * govuk: GOV.UK Frontend components (see govuk.h). Each function follows
 * its component's template.njk in govuk-frontend 5; the comments name the
 * places where the C differs in form but not in output.
 */
#include "web/govuk.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"

/* A class list or aria-describedby value: short, so a small ceiling. */
enum { LIST_MAX = 4096 };

/*
 * The caller's extra attributes as name, value pairs for html_open(). An
 * unused entry becomes a name with a NULL value, which the writer leaves
 * out, so fixed attributes may follow the extra ones.
 */
#define ATTR_(a, i)                                  \
	((a)[i].name ? (a)[i].name : "data-unused"), \
	        ((a)[i].name ? (a)[i].value : NULL)
#define ATTRS(a) ATTR_(a, 0), ATTR_(a, 1), ATTR_(a, 2), ATTR_(a, 3)

/* NULL for "not given" (NULL or empty), as the macros' `if` tests. */
static const char *given(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

static const char *or_default(const char *s, const char *fallback)
{
	return given(s) ? s : fallback;
}

/* Starts a space-separated list (classes, ids) with first. */
static void list_init(struct buf *b, const char *first)
{
	buf_init(b, LIST_MAX);
	if (given(first))
		(void)buf_puts(b, first, NULL);
}

/* Adds item to the list when given. */
static void list_add(struct buf *b, const char *item)
{
	if (!given(item))
		return;
	if (b->len > 0)
		(void)buf_puts(b, " ", NULL);
	(void)buf_puts(b, item, NULL);
}

/* The list, or NULL when it is empty (the attribute is then left out). */
static const char *list_str(const struct buf *b)
{
	return b->len > 0 ? buf_str(b) : NULL;
}

static bool has_content(const struct govuk_content *c)
{
	return c->write != NULL || given(c->text);
}

static void content(struct html *h, const struct govuk_content *c)
{
	if (c->write != NULL)
		c->write(h, c->arg);
	else
		html_text(h, c->text);
}

static const char *flag_str(enum govuk_flag f)
{
	return f == GOVUK_TRUE ? "true" : f == GOVUK_FALSE ? "false" : NULL;
}

/* An element with a base class, the caller's classes and attributes. */
static void open_classed(struct html *h, const char *tag, const char *id,
                         const char *base, const char *classes,
                         const struct govuk_attribute *attributes)
{
	struct buf c;

	list_init(&c, base);
	list_add(&c, classes);
	html_open(h, tag, "id", given(id), "class", buf_str(&c),
	          ATTRS(attributes), NULL);
	buf_free(&c);
}

void govuk_tag(struct html *h, const struct govuk_tag *p)
{
	open_classed(h, "strong", NULL, "govuk-tag", p->classes, p->attributes);
	content(h, &p->content);
	html_close(h);
}

void govuk_back_link(struct html *h, const struct govuk_back_link *p)
{
	struct buf c;

	list_init(&c, "govuk-back-link");
	list_add(&c, p->classes);
	html_open(h, "a", "href", or_default(p->href, "#"), "class",
	          buf_str(&c), ATTRS(p->attributes), NULL);
	if (has_content(&p->content))
		content(h, &p->content);
	else
		html_text(h, "Back");
	html_close(h);
	buf_free(&c);
}

void govuk_skip_link(struct html *h, const struct govuk_skip_link *p)
{
	struct buf c;

	list_init(&c, "govuk-skip-link");
	list_add(&c, p->classes);
	html_open(h, "a", "href", or_default(p->href, "#content"), "class",
	          buf_str(&c), ATTRS(p->attributes), "data-module",
	          "govuk-skip-link", NULL);
	content(h, &p->content);
	html_close(h);
	buf_free(&c);
}

void govuk_inset_text(struct html *h, const struct govuk_inset_text *p)
{
	open_classed(h, "div", p->id, "govuk-inset-text", p->classes,
	             p->attributes);
	content(h, &p->content);
	html_close(h);
}

void govuk_warning_text(struct html *h, const struct govuk_warning_text *p)
{
	open_classed(h, "div", NULL, "govuk-warning-text", p->classes,
	             p->attributes);
	html_elem(h, "span", "!", "class", "govuk-warning-text__icon",
	          "aria-hidden", "true", NULL);
	html_open(h, "strong", "class", "govuk-warning-text__text", NULL);
	html_elem(h, "span", or_default(p->icon_fallback_text, "Warning"),
	          "class", "govuk-visually-hidden", NULL);
	content(h, &p->content);
	html_close_to(h, "div");
}

void govuk_details(struct html *h, const struct govuk_details *p)
{
	struct buf c;

	list_init(&c, "govuk-details");
	list_add(&c, p->classes);
	html_open(h, "details", "id", given(p->id), "class", buf_str(&c),
	          ATTRS(p->attributes), "open", p->open ? "" : NULL, NULL);
	buf_free(&c);
	html_open(h, "summary", "class", "govuk-details__summary", NULL);
	html_open(h, "span", "class", "govuk-details__summary-text", NULL);
	content(h, &p->summary);
	html_close_to(h, "summary");
	html_open(h, "div", "class", "govuk-details__text", NULL);
	content(h, &p->content);
	html_close_to(h, "details");
}

void govuk_hint(struct html *h, const struct govuk_hint *p)
{
	open_classed(h, "div", p->id, "govuk-hint", p->classes, p->attributes);
	content(h, &p->content);
	html_close(h);
}

void govuk_label(struct html *h, const struct govuk_label *p)
{
	struct buf c;

	if (!has_content(&p->content))
		return;
	if (p->is_page_heading)
		html_open(h, "h1", "class", "govuk-label-wrapper", NULL);
	list_init(&c, "govuk-label");
	list_add(&c, p->classes);
	html_open(h, "label", "class", buf_str(&c), ATTRS(p->attributes), "for",
	          given(p->for_id), NULL);
	buf_free(&c);
	content(h, &p->content);
	html_close(h);
	if (p->is_page_heading)
		html_close(h);
}

void govuk_error_message(struct html *h, const struct govuk_error_message *p)
{
	const char *hidden =
	        p->visually_hidden_text ? p->visually_hidden_text : "Error";

	open_classed(h, "p", p->id, "govuk-error-message", p->classes,
	             p->attributes);
	if (given(hidden)) {
		html_open(h, "span", "class", "govuk-visually-hidden", NULL);
		html_textf(h, "%s:", hidden);
		html_close(h);
		html_text(h, " ");
	}
	content(h, &p->content);
	html_close(h);
}

void govuk_fieldset(struct html *h, const struct govuk_fieldset *p)
{
	struct buf c;

	list_init(&c, "govuk-fieldset");
	list_add(&c, p->classes);
	html_open(h, "fieldset", "class", buf_str(&c), "role", given(p->role),
	          "aria-describedby", given(p->described_by),
	          ATTRS(p->attributes), NULL);
	buf_free(&c);
	if (has_content(&p->legend.content)) {
		list_init(&c, "govuk-fieldset__legend");
		list_add(&c, p->legend.classes);
		html_open(h, "legend", "class", buf_str(&c), NULL);
		buf_free(&c);
		if (p->legend.is_page_heading)
			html_open(h, "h1", "class", "govuk-fieldset__heading",
			          NULL);
		content(h, &p->legend.content);
		html_close_to(h, "legend");
	}
	/* The macro writes only `html` (or caller) here, never text. */
	if (p->content.write != NULL)
		content(h, &p->content);
	html_close(h);
}

void govuk_phase_banner(struct html *h, const struct govuk_phase_banner *p)
{
	struct govuk_tag tag = {.content = p->tag.content};
	struct buf tag_classes;

	open_classed(h, "div", NULL, "govuk-phase-banner", p->classes,
	             p->attributes);
	html_open(h, "p", "class", "govuk-phase-banner__content", NULL);
	list_init(&tag_classes, "govuk-phase-banner__content__tag");
	list_add(&tag_classes, p->tag.classes);
	tag.classes = buf_str(&tag_classes);
	govuk_tag(h, &tag);
	buf_free(&tag_classes);
	html_open(h, "span", "class", "govuk-phase-banner__text", NULL);
	content(h, &p->content);
	html_close_to(h, "div");
}

void govuk_breadcrumbs(struct html *h, const struct govuk_breadcrumbs *p)
{
	struct buf c;

	list_init(&c, "govuk-breadcrumbs");
	list_add(&c, p->classes);
	if (p->collapse_on_mobile)
		list_add(&c, "govuk-breadcrumbs--collapse-on-mobile");
	/* `labelText | default(...)` without `true`: "" stays "". */
	html_open(h, "nav", "class", buf_str(&c), ATTRS(p->attributes),
	          "aria-label", p->label_text ? p->label_text : "Breadcrumb",
	          NULL);
	buf_free(&c);
	html_open(h, "ol", "class", "govuk-breadcrumbs__list", NULL);
	for (size_t i = 0; i < p->n_items; i++) {
		const struct govuk_breadcrumb *item = &p->items[i];
		if (given(item->href)) {
			html_open(h, "li", "class",
			          "govuk-breadcrumbs__list-item", NULL);
			html_open(h, "a", "class", "govuk-breadcrumbs__link",
			          "href", item->href, ATTRS(item->attributes),
			          NULL);
		} else {
			html_open(h, "li", "class",
			          "govuk-breadcrumbs__list-item",
			          "aria-current", "page", NULL);
		}
		content(h, &item->content);
		html_close_to(h, "li");
	}
	html_close_to(h, "nav");
}

void govuk_button(struct html *h, const struct govuk_button *p)
{
	enum govuk_button_element element = p->element;
	const char *type = or_default(p->type, "submit");
	const char *disabled = p->disabled ? "" : NULL;
	const char *aria_disabled = p->disabled ? "true" : NULL;
	const char *no_double_click = flag_str(p->prevent_double_click);
	struct buf c;

	if (element == GOVUK_BUTTON_AUTO)
		element = given(p->href) ? GOVUK_BUTTON_LINK
		                         : GOVUK_BUTTON_BUTTON;
	list_init(&c, "govuk-button");
	list_add(&c, p->classes);
	if (p->is_start_button)
		list_add(&c, "govuk-button--start");
	switch (element) {
	case GOVUK_BUTTON_LINK:
		html_open(h, "a", "href", or_default(p->href, "#"), "role",
		          "button", "draggable", "false", "class", buf_str(&c),
		          "data-module", "govuk-button", ATTRS(p->attributes),
		          "id", given(p->id), NULL);
		break;
	case GOVUK_BUTTON_INPUT:
		html_void(h, "input", "value",
		          p->content.text ? p->content.text : "", "type", type,
		          "name", given(p->name), "disabled", disabled,
		          "aria-disabled", aria_disabled,
		          "data-prevent-double-click", no_double_click, "class",
		          buf_str(&c), "data-module", "govuk-button",
		          ATTRS(p->attributes), "id", given(p->id), NULL);
		buf_free(&c);
		return;
	default:
		html_open(h, "button", "value", given(p->value), "type", type,
		          "name", given(p->name), "disabled", disabled,
		          "aria-disabled", aria_disabled,
		          "data-prevent-double-click", no_double_click, "class",
		          buf_str(&c), "data-module", "govuk-button",
		          ATTRS(p->attributes), "id", given(p->id), NULL);
		break;
	}
	buf_free(&c);
	content(h, &p->content);
	if (p->is_start_button)
		/* A constant of masa's (the macro's icon): the SVG attribute
		 * viewBox is not a name the writer's lower-case rule allows. */
		html_raw_trusted(
		        h,
		        "<svg class=\"govuk-button__start-icon\" "
		        "xmlns=\"http://www.w3.org/2000/svg\" width=\"17.5\" "
		        "height=\"19\" viewBox=\"0 0 33 40\" "
		        "aria-hidden=\"true\" focusable=\"false\">"
		        "<path fill=\"currentColor\" "
		        "d=\"M0 0h13l20 20-20 20H0l20-20z\"/></svg>");
	html_close(h);
}

/*
 * The form group, label, hint and error message that every control shares;
 * fills described_by (caller frees) with the ids the control names.
 */
static void field_open(struct html *h, const struct govuk_field *f,
                       const char *id, const char *described_by,
                       struct buf *describe)
{
	struct buf c, hint_id, error_id;
	struct govuk_label label = f->label;

	list_init(&c, "govuk-form-group");
	if (f->error_message)
		list_add(&c, "govuk-form-group--error");
	list_add(&c, f->form_group.classes);
	html_open(h, "div", "class", buf_str(&c),
	          ATTRS(f->form_group.attributes), NULL);
	buf_free(&c);
	label.for_id = id;
	govuk_label(h, &label);
	list_init(describe, described_by);
	if (f->hint) {
		struct govuk_hint hint = *f->hint;
		list_init(&hint_id, id);
		(void)buf_puts(&hint_id, "-hint", NULL);
		hint.id = buf_str(&hint_id);
		govuk_hint(h, &hint);
		list_add(describe, hint.id);
		buf_free(&hint_id);
	}
	if (f->error_message) {
		struct govuk_error_message error = *f->error_message;
		list_init(&error_id, id);
		(void)buf_puts(&error_id, "-error", NULL);
		error.id = buf_str(&error_id);
		govuk_error_message(h, &error);
		list_add(describe, error.id);
		buf_free(&error_id);
	}
}

void govuk_input(struct html *h, const struct govuk_input *p)
{
	const char *id = or_default(p->id, p->name);
	struct buf describe, c;

	field_open(h, &p->field, id, p->described_by, &describe);
	list_init(&c, "govuk-input");
	list_add(&c, p->classes);
	if (p->field.error_message)
		list_add(&c, "govuk-input--error");
	html_void(h, "input", "class", buf_str(&c), "id", id, "name",
	          p->name ? p->name : "", "type", or_default(p->type, "text"),
	          "spellcheck", flag_str(p->spellcheck), "value",
	          given(p->value), "disabled", p->disabled ? "" : NULL,
	          "aria-describedby", list_str(&describe), "autocomplete",
	          given(p->autocomplete), "autocapitalize",
	          given(p->autocapitalize), "pattern", given(p->pattern),
	          "inputmode", given(p->inputmode), ATTRS(p->attributes), NULL);
	buf_free(&c);
	buf_free(&describe);
	html_close(h);
}

void govuk_textarea(struct html *h, const struct govuk_textarea *p)
{
	const char *id = or_default(p->id, p->name);
	struct buf describe, c;
	char rows[16];

	field_open(h, &p->field, id, p->described_by, &describe);
	list_init(&c, "govuk-textarea");
	if (p->field.error_message)
		list_add(&c, "govuk-textarea--error");
	list_add(&c, p->classes);
	snprintf(rows, sizeof rows, "%d", p->rows > 0 ? p->rows : 5);
	html_open(h, "textarea", "class", buf_str(&c), "id", id, "name",
	          p->name ? p->name : "", "rows", rows, "spellcheck",
	          flag_str(p->spellcheck), "disabled", p->disabled ? "" : NULL,
	          "aria-describedby", list_str(&describe), "autocomplete",
	          given(p->autocomplete), ATTRS(p->attributes), NULL);
	html_text(h, p->value);
	html_close(h);
	buf_free(&c);
	buf_free(&describe);
	html_close(h);
}

void govuk_select(struct html *h, const struct govuk_select *p)
{
	const char *id = or_default(p->id, p->name);
	struct buf describe, c;

	field_open(h, &p->field, id, p->described_by, &describe);
	list_init(&c, "govuk-select");
	list_add(&c, p->classes);
	if (p->field.error_message)
		list_add(&c, "govuk-select--error");
	html_open(h, "select", "class", buf_str(&c), "id", id, "name",
	          p->name ? p->name : "", "disabled", p->disabled ? "" : NULL,
	          "aria-describedby", list_str(&describe), ATTRS(p->attributes),
	          NULL);
	buf_free(&c);
	buf_free(&describe);
	for (size_t i = 0; i < p->n_items; i++) {
		const struct govuk_select_item *item = &p->items[i];
		const char *effective = item->value ? item->value : item->text;
		bool selected =
		        item->selected == GOVUK_TRUE ||
		        (item->selected == GOVUK_UNSET && given(p->value) &&
		         effective != NULL && strcmp(effective, p->value) == 0);
		html_open(h, "option", "value", item->value, "selected",
		          selected ? "" : NULL, "disabled",
		          item->disabled ? "" : NULL, ATTRS(item->attributes),
		          NULL);
		html_text(h, item->text);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

void govuk_error_summary(struct html *h, const struct govuk_error_summary *p)
{
	struct buf c;

	list_init(&c, "govuk-error-summary");
	list_add(&c, p->classes);
	html_open(h, "div", "class", buf_str(&c), "data-disable-auto-focus",
	          flag_str(p->disable_auto_focus), ATTRS(p->attributes),
	          "data-module", "govuk-error-summary", NULL);
	buf_free(&c);
	html_open(h, "div", "role", "alert", NULL);
	html_open(h, "h2", "class", "govuk-error-summary__title", NULL);
	content(h, &p->title);
	html_close(h);
	html_open(h, "div", "class", "govuk-error-summary__body", NULL);
	if (has_content(&p->description)) {
		html_open(h, "p", NULL);
		content(h, &p->description);
		html_close(h);
	}
	if (p->n_errors > 0) {
		html_open(h, "ul", "class",
		          "govuk-list govuk-error-summary__list", NULL);
		for (size_t i = 0; i < p->n_errors; i++) {
			const struct govuk_error_summary_item *e =
			        &p->error_list[i];
			html_open(h, "li", NULL);
			if (given(e->href))
				html_open(h, "a", "href", e->href,
				          ATTRS(e->attributes), NULL);
			content(h, &e->content);
			html_close_to(h, "li");
		}
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

void govuk_notification_banner(struct html *h,
                               const struct govuk_notification_banner *p)
{
	static const char *const headings[] = {"h1", "h2", "h3",
	                                       "h4", "h5", "h6"};
	bool success = p->type != NULL && strcmp(p->type, "success") == 0;
	const char *title_id =
	        or_default(p->title_id, "govuk-notification-banner-title");
	int level = p->title_heading_level;
	struct buf c;

	if (level < 1 || level > 6)
		level = 2;
	list_init(&c, "govuk-notification-banner");
	if (success)
		list_add(&c, "govuk-notification-banner--success");
	list_add(&c, p->classes);
	html_open(h, "div", "class", buf_str(&c), "role",
	          or_default(p->role, success ? "alert" : "region"),
	          "aria-labelledby", title_id, "data-module",
	          "govuk-notification-banner", "data-disable-auto-focus",
	          flag_str(p->disable_auto_focus), ATTRS(p->attributes), NULL);
	buf_free(&c);
	html_open(h, "div", "class", "govuk-notification-banner__header", NULL);
	html_open(h, headings[level - 1], "class",
	          "govuk-notification-banner__title", "id", title_id, NULL);
	if (has_content(&p->title))
		content(h, &p->title);
	else
		html_text(h, success ? "Success" : "Important");
	html_close_to(h, "div");
	html_open(h, "div", "class", "govuk-notification-banner__content",
	          NULL);
	if (p->content.write != NULL) {
		content(h, &p->content);
	} else if (given(p->content.text)) {
		html_elem(h, "p", p->content.text, "class",
		          "govuk-notification-banner__heading", NULL);
	}
	html_close(h);
	html_close(h);
}

/* One <th> or <td>; scope is "col", "row" or NULL (a data cell). */
static void table_cell(struct html *h, const struct govuk_table_cell *cell,
                       const char *scope)
{
	struct buf c;
	char colspan[16] = "", rowspan[16] = "";

	if (cell->colspan > 0)
		snprintf(colspan, sizeof colspan, "%d", cell->colspan);
	if (cell->rowspan > 0)
		snprintf(rowspan, sizeof rowspan, "%d", cell->rowspan);
	list_init(&c, scope ? "govuk-table__header" : "govuk-table__cell");
	if (given(cell->format) &&
	    (scope == NULL || strcmp(scope, "col") == 0)) {
		(void)buf_puts(&c,
		               scope ? " govuk-table__header--"
		                     : " govuk-table__cell--",
		               NULL);
		(void)buf_puts(&c, cell->format, NULL);
	}
	list_add(&c, cell->classes);
	html_open(h, scope ? "th" : "td", "scope", scope, "class", buf_str(&c),
	          "colspan", given(colspan), "rowspan", given(rowspan),
	          ATTRS(cell->attributes), NULL);
	buf_free(&c);
	content(h, &cell->content);
	html_close(h);
}

void govuk_table(struct html *h, const struct govuk_table *p)
{
	struct buf c;

	list_init(&c, "govuk-table");
	list_add(&c, p->classes);
	html_open(h, "table", "class", buf_str(&c), ATTRS(p->attributes), NULL);
	buf_free(&c);
	if (given(p->caption)) {
		list_init(&c, "govuk-table__caption");
		list_add(&c, p->caption_classes);
		html_elem(h, "caption", p->caption, "class", buf_str(&c), NULL);
		buf_free(&c);
	}
	if (p->head != NULL) {
		html_open(h, "thead", "class", "govuk-table__head", NULL);
		html_open(h, "tr", "class", "govuk-table__row", NULL);
		for (size_t i = 0; i < p->n_head; i++)
			table_cell(h, &p->head[i], "col");
		html_close_to(h, "thead");
	}
	html_open(h, "tbody", "class", "govuk-table__body", NULL);
	for (size_t r = 0; r < p->n_rows; r++) {
		html_open(h, "tr", "class", "govuk-table__row", NULL);
		for (size_t col = 0; col < p->n_columns; col++)
			table_cell(h, &p->cells[r * p->n_columns + col],
			           col == 0 && p->first_cell_is_header ? "row"
			                                               : NULL);
		html_close(h);
	}
	html_close_to(h, "table");
}
