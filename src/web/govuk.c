/*
 * govuk: GOV.UK Frontend components (see govuk.h). Each function follows
 * its component's template.njk in govuk-frontend 5; the comments name the
 * places where the C differs in form but not in output.
 */
#include "web/govuk.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/date.h"

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
                       const char *scope, const char *label)
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
	          "data-label", given(label), ATTRS(cell->attributes), NULL);
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
			table_cell(h, &p->head[i], "col", NULL);
		html_close_to(h, "thead");
	}
	html_open(h, "tbody", "class", "govuk-table__body", NULL);
	for (size_t r = 0; r < p->n_rows; r++) {
		html_open(h, "tr", "class", "govuk-table__row", NULL);
		for (size_t col = 0; col < p->n_columns; col++)
			table_cell(h, &p->cells[r * p->n_columns + col],
			           col == 0 && p->first_cell_is_header ? "row"
			                                               : NULL,
			           p->label_cells && p->head != NULL &&
			                           p->n_head == p->n_columns
			                   ? p->head[col].content.text
			                   : NULL);
		html_close(h);
	}
	html_close_to(h, "table");
}

/* ---- radios, checkboxes ---- */

/* The class names and input type of radios or checkboxes. */
struct choice_names {
	const char *block, *item, *input, *label, *hint, *divider;
	const char *conditional, *conditional_hidden, *type;
};

static const struct choice_names radio_names = {
        "govuk-radios",
        "govuk-radios__item",
        "govuk-radios__input",
        "govuk-radios__label",
        "govuk-radios__hint",
        "govuk-radios__divider",
        "govuk-radios__conditional",
        "govuk-radios__conditional--hidden",
        "radio",
};

static const struct choice_names checkbox_names = {
        "govuk-checkboxes",
        "govuk-checkboxes__item",
        "govuk-checkboxes__input",
        "govuk-checkboxes__label",
        "govuk-checkboxes__hint",
        "govuk-checkboxes__divider",
        "govuk-checkboxes__conditional",
        "govuk-checkboxes__conditional--hidden",
        "checkbox",
};

/* Radios and checkboxes as one: what govuk_radios and _checkboxes share. */
struct choices {
	const struct choice_names *names;
	const char *id_prefix;
	const char *name;
	const struct govuk_choice_item *items;
	size_t n_items;
	const char *value;         /* radios */
	const char *const *values; /* checkboxes */
	size_t n_values;
	const char *item_described_by; /* checkboxes without a fieldset */
	const char *classes;
	const struct govuk_attribute *attributes;
};

static bool choice_checked(const struct choices *c,
                           const struct govuk_choice_item *item)
{
	if (item->checked != GOVUK_UNSET)
		return item->checked == GOVUK_TRUE;
	if (item->value == NULL)
		return false;
	if (c->names == &radio_names)
		return given(c->value) && strcmp(item->value, c->value) == 0;
	for (size_t i = 0; i < c->n_values; i++)
		if (c->values[i] != NULL &&
		    strcmp(item->value, c->values[i]) == 0)
			return true;
	return false;
}

/* One item; index counts from 1 over every item, dividers included. */
static void choice_item(struct html *h, const struct choices *c,
                        const struct govuk_choice_item *item, size_t index)
{
	const struct choice_names *n = c->names;
	struct buf id, conditional_id, hint_id, describe, classes;
	bool checked = choice_checked(c, item);
	bool has_hint = item->hint != NULL && has_content(&item->hint->content);
	bool has_conditional = has_content(&item->conditional);
	struct govuk_label label = {.content = item->content};

	if (given(item->divider)) {
		html_elem(h, "div", item->divider, "class", n->divider, NULL);
		return;
	}
	list_init(&id, given(item->id) ? item->id : c->id_prefix);
	if (!given(item->id) && index > 1)
		(void)buf_printf(&id, NULL, "-%zu", index);
	list_init(&conditional_id, "conditional-");
	(void)buf_puts(&conditional_id, buf_str(&id), NULL);
	list_init(&hint_id, buf_str(&id));
	(void)buf_puts(&hint_id, "-item-hint", NULL);
	list_init(&describe, c->item_described_by);
	if (has_hint)
		list_add(&describe, buf_str(&hint_id));

	html_open(h, "div", "class", n->item, NULL);
	html_void(h, "input", "class", n->input, "id", buf_str(&id), "name",
	          or_default(item->name, c->name ? c->name : ""), "type",
	          n->type, "value", item->value ? item->value : "", "checked",
	          checked ? "" : NULL, "disabled", item->disabled ? "" : NULL,
	          "data-aria-controls",
	          has_conditional ? buf_str(&conditional_id) : NULL,
	          "data-behaviour", given(item->behaviour), "aria-describedby",
	          list_str(&describe), ATTRS(item->attributes), NULL);
	list_init(&classes, n->label);
	list_add(&classes, item->label_classes);
	label.classes = buf_str(&classes);
	label.for_id = buf_str(&id);
	memcpy(label.attributes, item->label_attributes,
	       sizeof label.attributes);
	govuk_label(h, &label);
	buf_free(&classes);
	if (has_hint) {
		struct govuk_hint hint = *item->hint;
		list_init(&classes, n->hint);
		list_add(&classes, item->hint->classes);
		hint.id = buf_str(&hint_id);
		hint.classes = buf_str(&classes);
		govuk_hint(h, &hint);
		buf_free(&classes);
	}
	html_close(h);
	if (has_conditional) {
		list_init(&classes, n->conditional);
		if (!checked)
			list_add(&classes, n->conditional_hidden);
		html_open(h, "div", "class", buf_str(&classes), "id",
		          buf_str(&conditional_id), NULL);
		content(h, &item->conditional);
		html_close(h);
		buf_free(&classes);
	}
	buf_free(&describe);
	buf_free(&hint_id);
	buf_free(&conditional_id);
	buf_free(&id);
}

/*
 * A group of controls in its frame: the form group, the fieldset when there
 * is one, the hint and the error message (radios, checkboxes, date input).
 */
struct group {
	const struct govuk_group_frame *frame;
	const char *id_prefix; /* of the hint's and error's ids */
	const char *role;      /* the fieldset's */
	void (*controls)(struct html *h, const void *arg);
	const void *arg;
};

/* The id of the group's hint or error: prefix and suffix; caller frees. */
static void group_id(struct buf *b, const struct group *g, const char *suffix)
{
	buf_init(b, LIST_MAX);
	(void)buf_puts(b, g->id_prefix ? g->id_prefix : "", NULL);
	(void)buf_puts(b, suffix, NULL);
}

/* described_by, then the hint's and error's ids, into b; caller frees. */
static void group_described_by(struct buf *b, const struct group *g,
                               const char *described_by)
{
	struct buf id;

	list_init(b, described_by);
	if (g->frame->hint) {
		group_id(&id, g, "-hint");
		list_add(b, buf_str(&id));
		buf_free(&id);
	}
	if (g->frame->error_message) {
		group_id(&id, g, "-error");
		list_add(b, buf_str(&id));
		buf_free(&id);
	}
}

/* The hint, error message and controls: in the fieldset when there is one. */
static void group_inner(struct html *h, const void *arg)
{
	const struct group *g = arg;
	const struct govuk_group_frame *f = g->frame;
	struct buf id;

	if (f->hint) {
		struct govuk_hint hint = *f->hint;
		group_id(&id, g, "-hint");
		hint.id = buf_str(&id);
		govuk_hint(h, &hint);
		buf_free(&id);
	}
	if (f->error_message) {
		struct govuk_error_message error = *f->error_message;
		group_id(&id, g, "-error");
		error.id = buf_str(&id);
		govuk_error_message(h, &error);
		buf_free(&id);
	}
	g->controls(h, g->arg);
}

/* The whole group; describe is the fieldset's aria-describedby. */
static void group_write(struct html *h, const struct group *g,
                        const char *describe)
{
	const struct govuk_group_frame *f = g->frame;
	struct buf classes;

	list_init(&classes, "govuk-form-group");
	if (f->error_message)
		list_add(&classes, "govuk-form-group--error");
	list_add(&classes, f->form_group.classes);
	html_open(h, "div", "class", buf_str(&classes),
	          ATTRS(f->form_group.attributes), NULL);
	buf_free(&classes);
	if (f->fieldset) {
		struct govuk_fieldset fieldset = *f->fieldset;
		fieldset.role = g->role;
		fieldset.described_by = given(describe);
		fieldset.content =
		        (struct govuk_content){.write = group_inner, .arg = g};
		govuk_fieldset(h, &fieldset);
	} else {
		group_inner(h, g);
	}
	html_close(h);
}

/* The radios or checkboxes themselves. */
static void choices_controls(struct html *h, const void *arg)
{
	const struct choices *c = arg;
	struct buf classes;

	list_init(&classes, c->names->block);
	list_add(&classes, c->classes);
	html_open(h, "div", "class", buf_str(&classes), ATTRS(c->attributes),
	          "data-module", c->names->block, NULL);
	buf_free(&classes);
	for (size_t i = 0; i < c->n_items; i++)
		choice_item(h, c, &c->items[i], i + 1);
	html_close(h);
}

void govuk_radios(struct html *h, const struct govuk_radios *p)
{
	struct choices c = {
	        .names = &radio_names,
	        .name = p->name,
	        .items = p->items,
	        .n_items = p->n_items,
	        .value = p->value,
	        .classes = p->classes,
	        .attributes = p->attributes,
	};
	struct group g = {.frame = &p->frame,
	                  .id_prefix = or_default(p->id_prefix, p->name),
	                  .controls = choices_controls,
	                  .arg = &c};
	struct buf describe;

	c.id_prefix = g.id_prefix;
	group_described_by(&describe, &g,
	                   p->frame.fieldset ? p->frame.fieldset->described_by
	                                     : NULL);
	group_write(h, &g, list_str(&describe));
	buf_free(&describe);
}

void govuk_checkboxes(struct html *h, const struct govuk_checkboxes *p)
{
	struct choices c = {
	        .names = &checkbox_names,
	        .name = p->name,
	        .items = p->items,
	        .n_items = p->n_items,
	        .values = p->values,
	        .n_values = p->n_values,
	        .classes = p->classes,
	        .attributes = p->attributes,
	};
	struct group g = {.frame = &p->frame,
	                  .id_prefix = or_default(p->id_prefix, p->name),
	                  .controls = choices_controls,
	                  .arg = &c};
	const char *described_by = p->described_by;
	struct buf describe;

	c.id_prefix = g.id_prefix;
	if (p->frame.fieldset && given(p->frame.fieldset->described_by))
		described_by = p->frame.fieldset->described_by;
	group_described_by(&describe, &g, described_by);
	/* Without a fieldset to carry it, each checkbox is described. */
	if (p->frame.fieldset == NULL)
		c.item_described_by = list_str(&describe);
	group_write(h, &g, list_str(&describe));
	buf_free(&describe);
}

/* ---- summary list ---- */

/* An action link; a card's title, when given, names what it acts on. */
static void summary_action(struct html *h, const struct govuk_summary_action *a,
                           const struct govuk_content *card_title)
{
	struct buf c;

	list_init(&c, "govuk-link");
	list_add(&c, a->classes);
	html_open(h, "a", "class", buf_str(&c), "href", a->href ? a->href : "",
	          ATTRS(a->attributes), NULL);
	buf_free(&c);
	content(h, &a->content);
	if (given(a->visually_hidden_text) || card_title) {
		html_open(h, "span", "class", "govuk-visually-hidden", NULL);
		if (given(a->visually_hidden_text)) {
			html_text(h, " ");
			html_text(h, a->visually_hidden_text);
		}
		if (card_title) {
			html_text(h, " (");
			content(h, card_title);
			html_text(h, ")");
		}
		html_close(h);
	}
	html_close(h);
}

/*
 * A row's or a card's actions: one link alone, or a list of them. For a
 * row the <dd> is already open, so `one` is NULL.
 */
static void summary_actions(struct html *h,
                            const struct govuk_summary_actions *actions,
                            const char *one, const char *list,
                            const char *list_item,
                            const struct govuk_content *card_title)
{
	struct buf c;

	list_init(&c, actions->n_items == 1 ? one : list);
	if (one != NULL) /* a row's classes are on its <dd> */
		list_add(&c, actions->classes);
	if (actions->n_items == 1) {
		if (one)
			html_open(h, "div", "class", buf_str(&c), NULL);
		summary_action(h, &actions->items[0], card_title);
		if (one)
			html_close(h);
	} else {
		html_open(h, "ul", "class", buf_str(&c), NULL);
		for (size_t i = 0; i < actions->n_items; i++) {
			html_open(h, "li", "class", list_item, NULL);
			summary_action(h, &actions->items[i], card_title);
			html_close(h);
		}
		html_close(h);
	}
	buf_free(&c);
}

static void summary_list_rows(struct html *h,
                              const struct govuk_summary_list *p)
{
	const struct govuk_content *card_title =
	        p->card && has_content(&p->card->title) ? &p->card->title
	                                                : NULL;
	bool any_actions = false;
	struct buf c;

	for (size_t i = 0; i < p->n_rows; i++)
		any_actions = any_actions || p->rows[i].actions.n_items > 0;
	list_init(&c, "govuk-summary-list");
	list_add(&c, p->classes);
	html_open(h, "dl", "class", buf_str(&c), ATTRS(p->attributes), NULL);
	buf_free(&c);
	for (size_t i = 0; i < p->n_rows; i++) {
		const struct govuk_summary_list_row *row = &p->rows[i];
		list_init(&c, "govuk-summary-list__row");
		if (any_actions && row->actions.n_items == 0)
			list_add(&c, "govuk-summary-list__row--no-actions");
		list_add(&c, row->classes);
		html_open(h, "div", "class", buf_str(&c), NULL);
		buf_free(&c);
		list_init(&c, "govuk-summary-list__key");
		list_add(&c, row->key_classes);
		html_open(h, "dt", "class", buf_str(&c), NULL);
		buf_free(&c);
		content(h, &row->key);
		html_close(h);
		list_init(&c, "govuk-summary-list__value");
		list_add(&c, row->value_classes);
		html_open(h, "dd", "class", buf_str(&c), NULL);
		buf_free(&c);
		content(h, &row->value);
		html_close(h);
		if (row->actions.n_items > 0) {
			list_init(&c, "govuk-summary-list__actions");
			list_add(&c, row->actions.classes);
			html_open(h, "dd", "class", buf_str(&c), NULL);
			buf_free(&c);
			summary_actions(h, &row->actions, NULL,
			                "govuk-summary-list__actions-list",
			                "govuk-summary-list__actions-list-item",
			                card_title);
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
}

void govuk_summary_list(struct html *h, const struct govuk_summary_list *p)
{
	static const char *const headings[] = {"h1", "h2", "h3",
	                                       "h4", "h5", "h6"};
	const struct govuk_summary_card *card = p->card;
	int level;
	struct buf c;

	if (card == NULL) {
		summary_list_rows(h, p);
		return;
	}
	level = card->title_heading_level;
	if (level < 1 || level > 6)
		level = 2;
	open_classed(h, "div", NULL, "govuk-summary-card", card->classes,
	             card->attributes);
	html_open(h, "div", "class", "govuk-summary-card__title-wrapper", NULL);
	if (has_content(&card->title)) {
		list_init(&c, "govuk-summary-card__title");
		list_add(&c, card->title_classes);
		html_open(h, headings[level - 1], "class", buf_str(&c), NULL);
		buf_free(&c);
		content(h, &card->title);
		html_close(h);
	}
	if (card->actions.n_items > 0)
		summary_actions(
		        h, &card->actions, "govuk-summary-card__actions",
		        "govuk-summary-card__actions",
		        "govuk-summary-card__action",
		        has_content(&card->title) ? &card->title : NULL);
	html_close(h);
	html_open(h, "div", "class", "govuk-summary-card__content", NULL);
	summary_list_rows(h, p);
	html_close_to(h, "div");
	html_close(h);
}

/* ---- pagination ---- */

/*
 * The arrows: constants of masa's. Written raw because the SVG attribute
 * viewBox is not a name the writer's lower-case rule allows.
 */
static const char pagination_arrow_previous[] =
        "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" "
        "xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" "
        "aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\">"
        "<path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 "
        "1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-"
        "1.414z\"></path></svg>";
static const char pagination_arrow_next[] =
        "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" "
        "xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" "
        "aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\">"
        "<path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12."
        "896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\">"
        "</path></svg>";

/* The previous or next link; block: no page numbers, links stacked. */
static void pagination_link(struct html *h,
                            const struct govuk_pagination_link *link,
                            bool previous, bool block)
{
	const char *type = previous ? "prev" : "next";

	html_open(h, "div", "class",
	          previous ? "govuk-pagination__prev"
	                   : "govuk-pagination__next",
	          NULL);
	html_open(h, "a", "class", "govuk-link govuk-pagination__link", "href",
	          link->href, "rel", type, ATTRS(link->attributes), NULL);
	if (block || previous)
		html_raw_trusted(h, previous ? pagination_arrow_previous
		                             : pagination_arrow_next);
	html_open(h, "span", "class",
	          block && !given(link->label_text)
	                  ? "govuk-pagination__link-title "
	                    "govuk-pagination__link-title--decorated"
	                  : "govuk-pagination__link-title",
	          NULL);
	if (has_content(&link->content)) {
		content(h, &link->content);
	} else {
		html_text(h, previous ? "Previous" : "Next");
		html_elem(h, "span", " page", "class", "govuk-visually-hidden",
		          NULL);
	}
	html_close(h);
	if (given(link->label_text) && block) {
		html_elem(h, "span", ":", "class", "govuk-visually-hidden",
		          NULL);
		html_elem(h, "span", link->label_text, "class",
		          "govuk-pagination__link-label", NULL);
	}
	if (!block && !previous)
		html_raw_trusted(h, pagination_arrow_next);
	html_close_to(h, "div");
}

static void pagination_item(struct html *h,
                            const struct govuk_pagination_item *item)
{
	struct buf c, label;

	list_init(&c, "govuk-pagination__item");
	if (item->current)
		list_add(&c, "govuk-pagination__item--current");
	if (item->ellipsis)
		list_add(&c, "govuk-pagination__item--ellipsis");
	html_open(h, "li", "class", buf_str(&c), NULL);
	buf_free(&c);
	if (item->ellipsis) {
		/* A constant entity: the midline horizontal ellipsis. */
		html_raw_trusted(h, "&ctdot;");
		html_close(h);
		return;
	}
	buf_init(&label, LIST_MAX);
	if (item->visually_hidden_text)
		(void)buf_puts(&label, item->visually_hidden_text, NULL);
	else
		(void)buf_printf(&label, NULL, "Page %s",
		                 item->number ? item->number : "");
	html_open(h, "a", "class", "govuk-link govuk-pagination__link", "href",
	          item->href ? item->href : "", "aria-label", buf_str(&label),
	          "aria-current", item->current ? "page" : NULL,
	          ATTRS(item->attributes), NULL);
	buf_free(&label);
	html_text(h, item->number);
	html_close_to(h, "li");
}

void govuk_pagination(struct html *h, const struct govuk_pagination *p)
{
	bool has_previous = given(p->previous.href) != NULL;
	bool has_next = given(p->next.href) != NULL;
	bool block = p->n_items == 0 && (has_previous || has_next);
	struct buf c;

	list_init(&c, "govuk-pagination");
	if (block)
		list_add(&c, "govuk-pagination--block");
	list_add(&c, p->classes);
	html_open(h, "nav", "class", buf_str(&c), "aria-label",
	          or_default(p->landmark_label, "Pagination"),
	          ATTRS(p->attributes), NULL);
	buf_free(&c);
	if (has_previous)
		pagination_link(h, &p->previous, true, block);
	if (p->n_items > 0) {
		html_open(h, "ul", "class", "govuk-pagination__list", NULL);
		for (size_t i = 0; i < p->n_items; i++)
			pagination_item(h, &p->items[i]);
		html_close(h);
	}
	if (has_next)
		pagination_link(h, &p->next, false, block);
	html_close(h);
}

/* ---- header, service navigation, footer ---- */

/* The menu button's aria-label: only when it says more than its text. */
static const char *menu_button_label(const char *label, const char *text)
{
	return given(label) && strcmp(label, text) != 0 ? label : NULL;
}

void govuk_header(struct html *h, const struct govuk_header *p)
{
	const char *menu = or_default(p->menu_button_text, "Menu");
	struct buf c;

	list_init(&c, "govuk-header");
	list_add(&c, p->classes);
	html_open(h, "header", "class", buf_str(&c), "data-module",
	          "govuk-header", ATTRS(p->attributes), NULL);
	buf_free(&c);
	list_init(&c, "govuk-header__container");
	list_add(&c, or_default(p->container_classes, "govuk-width-container"));
	html_open(h, "div", "class", buf_str(&c), NULL);
	buf_free(&c);
	html_open(h, "div", "class", "govuk-header__logo", NULL);
	html_open(h, "a", "href", or_default(p->homepage_url, "/"), "class",
	          "govuk-header__link govuk-header__link--homepage", NULL);
	if (given(p->logotype))
		html_elem(h, "span", p->logotype, "class",
		          "govuk-header__logotype", NULL);
	if (given(p->product_name))
		html_elem(h, "span", p->product_name, "class",
		          "govuk-header__product-name", NULL);
	html_close_to(h, "div");
	if (given(p->service_name) || p->n_navigation > 0) {
		html_open(h, "div", "class", "govuk-header__content", NULL);
		if (given(p->service_name) && given(p->service_url))
			html_elem(
			        h, "a", p->service_name, "href", p->service_url,
			        "class",
			        "govuk-header__link govuk-header__service-name",
			        NULL);
		else if (given(p->service_name))
			html_elem(h, "span", p->service_name, "class",
			          "govuk-header__service-name", NULL);
		if (p->n_navigation > 0) {
			list_init(&c, "govuk-header__navigation");
			list_add(&c, p->navigation_classes);
			html_open(h, "nav", "aria-label",
			          or_default(p->navigation_label, menu),
			          "class", buf_str(&c), NULL);
			buf_free(&c);
			html_elem(h, "button", menu, "type", "button", "class",
			          "govuk-header__menu-button "
			          "govuk-js-header-toggle",
			          "aria-controls", "navigation", "aria-label",
			          menu_button_label(p->menu_button_label, menu),
			          "hidden", "", NULL);
			html_open(h, "ul", "id", "navigation", "class",
			          "govuk-header__navigation-list", NULL);
			for (size_t i = 0; i < p->n_navigation; i++) {
				const struct govuk_header_item *item =
				        &p->navigation[i];
				if (!has_content(&item->content))
					continue;
				html_open(h, "li", "class",
				          item->active ? "govuk-header__"
				                         "navigation-item "
				                         "govuk-header__"
				                         "navigation-item--"
				                         "active"
				                       : "govuk-header__"
				                         "navigation-item",
				          NULL);
				if (given(item->href))
					html_open(h, "a", "class",
					          "govuk-header__link", "href",
					          item->href,
					          ATTRS(item->attributes),
					          NULL);
				content(h, &item->content);
				html_close_to(h, "li");
			}
			html_close_to(h, "nav");
		}
		html_close(h);
	}
	html_close_to(h, "header");
}

/* An item's text, in <strong> when it is the active one. */
static void
service_navigation_label(struct html *h,
                         const struct govuk_service_navigation_item *item)
{
	if (item->active || item->current) {
		html_open(h, "strong", "class",
		          "govuk-service-navigation__active-fallback", NULL);
		content(h, &item->content);
		html_close(h);
	} else {
		content(h, &item->content);
	}
}

static void service_navigation_inner(struct html *h,
                                     const struct govuk_service_navigation *p)
{
	const char *menu = or_default(p->menu_button_text, "Menu");
	const char *navigation_id = or_default(p->navigation_id, "navigation");
	bool collapse =
	        p->collapse_navigation_on_mobile == GOVUK_UNSET
	                ? p->n_navigation > 1
	                : p->collapse_navigation_on_mobile == GOVUK_TRUE;
	struct buf c;

	html_open(h, "div", "class", "govuk-width-container", NULL);
	content(h, &p->slot_start);
	html_open(h, "div", "class", "govuk-service-navigation__container",
	          NULL);
	if (given(p->service_name)) {
		html_open(h, "span", "class",
		          "govuk-service-navigation__service-name", NULL);
		if (given(p->service_url))
			html_elem(h, "a", p->service_name, "href",
			          p->service_url, "class",
			          "govuk-service-navigation__link", NULL);
		else
			html_elem(h, "span", p->service_name, "class",
			          "govuk-service-navigation__text", NULL);
		html_close(h);
	}
	if (p->n_navigation > 0 || has_content(&p->slot_navigation_start) ||
	    has_content(&p->slot_navigation_end)) {
		list_init(&c, "govuk-service-navigation__wrapper");
		list_add(&c, p->navigation_classes);
		html_open(h, "nav", "aria-label",
		          or_default(p->navigation_label, menu), "class",
		          buf_str(&c), NULL);
		buf_free(&c);
		if (collapse)
			html_elem(h, "button", menu, "type", "button", "class",
			          "govuk-service-navigation__toggle "
			          "govuk-js-service-navigation-toggle",
			          "aria-controls", navigation_id, "aria-label",
			          menu_button_label(p->menu_button_label, menu),
			          "hidden", "", "aria-hidden", "true", NULL);
		html_open(h, "ul", "class", "govuk-service-navigation__list",
		          "id", navigation_id, NULL);
		content(h, &p->slot_navigation_start);
		for (size_t i = 0; i < p->n_navigation; i++) {
			const struct govuk_service_navigation_item *item =
			        &p->navigation[i];
			bool active = item->active || item->current;
			const char *aria_current = item->current ? "page"
			                           : active      ? "true"
			                                         : NULL;
			html_open(h, "li", "class",
			          active ? "govuk-service-navigation__item "
			                   "govuk-service-navigation__item--"
			                   "active"
			                 : "govuk-service-navigation__item",
			          NULL);
			if (given(item->href)) {
				html_open(h, "a", "class",
				          "govuk-service-navigation__link",
				          "href", item->href, "aria-current",
				          aria_current, ATTRS(item->attributes),
				          NULL);
				service_navigation_label(h, item);
				html_close(h);
			} else if (has_content(&item->content)) {
				html_open(h, "span", "class",
				          "govuk-service-navigation__text",
				          "aria-current", aria_current, NULL);
				service_navigation_label(h, item);
				html_close(h);
			}
			html_close(h);
		}
		content(h, &p->slot_navigation_end);
		html_close_to(h, "nav");
	}
	html_close(h);
	content(h, &p->slot_end);
	html_close(h);
}

void govuk_service_navigation(struct html *h,
                              const struct govuk_service_navigation *p)
{
	struct buf c;

	list_init(&c, "govuk-service-navigation");
	list_add(&c, p->classes);
	/* A landmark of its own when there is more than the <nav>. */
	if (given(p->service_name) || has_content(&p->slot_start) ||
	    has_content(&p->slot_end))
		html_open(h, "section", "aria-label",
		          p->aria_label ? p->aria_label : "Service information",
		          "class", buf_str(&c), "data-module",
		          "govuk-service-navigation", ATTRS(p->attributes),
		          NULL);
	else
		html_open(h, "div", "class", buf_str(&c), "data-module",
		          "govuk-service-navigation", ATTRS(p->attributes),
		          NULL);
	buf_free(&c);
	service_navigation_inner(h, p);
	html_close(h);
}

static void footer_link(struct html *h, const struct govuk_footer_link *link)
{
	html_elem(h, "a", link->text, "class", "govuk-footer__link", "href",
	          link->href ? link->href : "", ATTRS(link->attributes), NULL);
}

static void footer_section(struct html *h,
                           const struct govuk_footer_section *section)
{
	struct buf c;

	buf_init(&c, LIST_MAX);
	(void)buf_printf(&c, NULL, "govuk-footer__section govuk-grid-column-%s",
	                 or_default(section->width, "full"));
	html_open(h, "div", "class", buf_str(&c), NULL);
	buf_free(&c);
	html_elem(h, "h2", section->title, "class",
	          "govuk-footer__heading govuk-heading-m", NULL);
	if (section->n_items > 0) {
		list_init(&c, "govuk-footer__list");
		if (section->columns > 0)
			(void)buf_printf(&c, NULL,
			                 " govuk-footer__list--columns-%d",
			                 section->columns);
		html_open(h, "ul", "class", buf_str(&c), NULL);
		buf_free(&c);
		for (size_t i = 0; i < section->n_items; i++) {
			const struct govuk_footer_link *item =
			        &section->items[i];
			if (!given(item->href) || !given(item->text))
				continue;
			html_open(h, "li", "class", "govuk-footer__list-item",
			          NULL);
			footer_link(h, item);
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
}

void govuk_footer(struct html *h, const struct govuk_footer *p)
{
	const struct govuk_footer_meta *meta = p->meta;
	struct buf c;

	open_classed(h, "footer", NULL, "govuk-footer", p->classes,
	             p->attributes);
	list_init(&c, "govuk-width-container");
	list_add(&c, p->container_classes);
	html_open(h, "div", "class", buf_str(&c), NULL);
	buf_free(&c);
	if (p->n_navigation > 0) {
		html_open(h, "div", "class", "govuk-footer__navigation", NULL);
		for (size_t i = 0; i < p->n_navigation; i++)
			footer_section(h, &p->navigation[i]);
		html_close(h);
		html_void(h, "hr", "class", "govuk-footer__section-break",
		          NULL);
	}
	html_open(h, "div", "class", "govuk-footer__meta", NULL);
	html_open(h, "div", "class",
	          "govuk-footer__meta-item govuk-footer__meta-item--grow",
	          NULL);
	if (meta) {
		html_elem(h, "h2",
		          or_default(meta->visually_hidden_title,
		                     "Support links"),
		          "class", "govuk-visually-hidden", NULL);
		if (meta->n_items > 0) {
			html_open(h, "ul", "class", "govuk-footer__inline-list",
			          NULL);
			for (size_t i = 0; i < meta->n_items; i++) {
				html_open(h, "li", "class",
				          "govuk-footer__inline-list-item",
				          NULL);
				footer_link(h, &meta->items[i]);
				html_close(h);
			}
			html_close(h);
		}
		if (has_content(&meta->content)) {
			html_open(h, "div", "class",
			          "govuk-footer__meta-custom", NULL);
			content(h, &meta->content);
			html_close(h);
		}
	}
	if (p->content_licence) {
		html_open(h, "span", "class",
		          "govuk-footer__licence-description", NULL);
		content(h, p->content_licence);
		html_close(h);
	}
	html_close_to(h, "footer");
}

/* ---- panel, date input ---- */

void govuk_panel(struct html *h, const struct govuk_panel *p)
{
	static const char *const headings[] = {"h1", "h2", "h3",
	                                       "h4", "h5", "h6"};
	int level = p->heading_level;

	if (level < 1 || level > 6)
		level = 1;
	open_classed(h, "div", NULL, "govuk-panel govuk-panel--confirmation",
	             p->classes, p->attributes);
	html_open(h, headings[level - 1], "class", "govuk-panel__title", NULL);
	content(h, &p->title);
	html_close(h);
	if (has_content(&p->content)) {
		html_open(h, "div", "class", "govuk-panel__body", NULL);
		content(h, &p->content);
		html_close(h);
	}
	html_close(h);
}

static const struct govuk_date_input_item date_input_default_items[] = {
        {.name = "day", .classes = "govuk-input--width-2"},
        {.name = "month", .classes = "govuk-input--width-2"},
        {.name = "year", .classes = "govuk-input--width-4"},
};

/* One field: a whole govuk_input, label and form group included. */
static void date_input_item(struct html *h, const struct govuk_date_input *p,
                            const struct govuk_date_input_item *item)
{
	struct govuk_input input = {
	        .type = "text",
	        .value = item->value,
	        .inputmode = or_default(item->inputmode, "numeric"),
	        .autocomplete = item->autocomplete,
	        .pattern = item->pattern,
	};
	const char *item_name = item->name ? item->name : "";
	struct buf label, id, name, classes;

	/* The name capitalised as a label: "day" becomes "Day". */
	buf_init(&label, LIST_MAX);
	if (given(item->label)) {
		(void)buf_puts(&label, item->label, NULL);
	} else {
		for (const char *c = item_name; *c; c++) {
			char ch = *c;
			if (ch >= 'a' && ch <= 'z' && c == item_name)
				ch = (char)(ch - 'a' + 'A');
			else if (ch >= 'A' && ch <= 'Z' && c != item_name)
				ch = (char)(ch - 'A' + 'a');
			(void)buf_append(&label, &ch, 1, NULL);
		}
	}
	buf_init(&id, LIST_MAX);
	if (given(item->id))
		(void)buf_puts(&id, item->id, NULL);
	else
		(void)buf_printf(&id, NULL, "%s-%s", p->id ? p->id : "",
		                 item_name);
	buf_init(&name, LIST_MAX);
	if (given(p->name_prefix))
		(void)buf_printf(&name, NULL, "%s-%s", p->name_prefix,
		                 item_name);
	else
		(void)buf_puts(&name, item_name, NULL);
	list_init(&classes, "govuk-date-input__input");
	list_add(&classes, item->classes);
	input.field.label.content.text = buf_str(&label);
	input.field.label.classes = "govuk-date-input__label";
	input.id = buf_str(&id);
	input.name = buf_str(&name);
	input.classes = buf_str(&classes);
	memcpy(input.attributes, item->attributes, sizeof input.attributes);
	html_open(h, "div", "class", "govuk-date-input__item", NULL);
	govuk_input(h, &input);
	html_close(h);
	buf_free(&classes);
	buf_free(&name);
	buf_free(&id);
	buf_free(&label);
}

static void date_input_controls(struct html *h, const void *arg)
{
	const struct govuk_date_input *p = arg;
	const struct govuk_date_input_item *items = p->items;
	size_t n_items = p->n_items;
	struct buf classes;

	if (n_items == 0) {
		items = date_input_default_items;
		n_items = sizeof date_input_default_items /
		          sizeof date_input_default_items[0];
	}
	list_init(&classes, "govuk-date-input");
	list_add(&classes, p->classes);
	html_open(h, "div", "class", buf_str(&classes), ATTRS(p->attributes),
	          "id", given(p->id), NULL);
	buf_free(&classes);
	for (size_t i = 0; i < n_items; i++)
		date_input_item(h, p, &items[i]);
	html_close(h);
}

void govuk_date_input(struct html *h, const struct govuk_date_input *p)
{
	/* role="group": so that screen readers announce the description of
	 * a fieldset of text inputs. */
	struct group g = {.frame = &p->frame,
	                  .id_prefix = p->id,
	                  .role = "group",
	                  .controls = date_input_controls,
	                  .arg = p};
	struct buf describe;

	group_described_by(&describe, &g,
	                   p->frame.fieldset ? p->frame.fieldset->described_by
	                                     : NULL);
	group_write(h, &g, list_str(&describe));
	buf_free(&describe);
}

/* ---- date fields ---- */

static bool typed_part(const char *s)
{
	return s != NULL && s[0] != '\0';
}

/* A part of a date in digits only (spaces around it allowed), or -1. */
static long date_part(const char *s, size_t max_digits)
{
	long v = 0;
	size_t digits = 0;

	while (*s == ' ')
		s++;
	for (; *s >= '0' && *s <= '9'; s++, digits++)
		if (digits < max_digits)
			v = v * 10 + (*s - '0');
	while (*s == ' ')
		s++;
	return *s == '\0' && digits > 0 && digits <= max_digits ? v : -1;
}

bool govuk_date_read(const struct govuk_date_typed *typed, const char *label,
                     bool required, char iso[11],
                     char message[GOVUK_DATE_MESSAGE_SIZE])
{
	const char *parts[3] = {typed->day, typed->month, typed->year};
	static const char *const names[] = {"a day", "a month", "a year"};
	const char *missing[3];
	size_t n_missing = 0;
	long day, month, year;
	date_days d;

	iso[0] = '\0';
	message[0] = '\0';
	for (int i = 0; i < 3; i++)
		if (!typed_part(parts[i]))
			missing[n_missing++] = names[i];
	if (n_missing == 3) {
		if (!required)
			return true;
		snprintf(message, GOVUK_DATE_MESSAGE_SIZE, "Enter %c%s",
		         tolower((unsigned char)label[0]), label + 1);
		return false;
	}
	if (n_missing == 2) {
		snprintf(message, GOVUK_DATE_MESSAGE_SIZE,
		         "%s must include %s and %s", label, missing[0],
		         missing[1]);
		return false;
	}
	if (n_missing == 1) {
		snprintf(message, GOVUK_DATE_MESSAGE_SIZE, "%s must include %s",
		         label, missing[0]);
		return false;
	}
	day = date_part(typed->day, 2);
	month = date_part(typed->month, 2);
	year = date_part(typed->year, 4);
	if (day < 0 || month < 0 || year < 0) {
		snprintf(message, GOVUK_DATE_MESSAGE_SIZE,
		         "%s must be a real date, in numbers: 31 12 2014",
		         label);
		return false;
	}
	if (year < 1900 || year > 2999) {
		snprintf(message, GOVUK_DATE_MESSAGE_SIZE,
		         "%s must have a year of four numbers, such as 2014",
		         label);
		return false;
	}
	snprintf(iso, 11, "%04ld-%02ld-%02ld", year, month, day);
	if (month < 1 || month > 12 || day < 1 || day > 31 ||
	    date_parse(iso, &d, NULL) != MASA_OK) {
		iso[0] = '\0';
		snprintf(message, GOVUK_DATE_MESSAGE_SIZE,
		         "%s must be a real date", label);
		return false;
	}
	return true;
}

void govuk_date_items_fill(struct govuk_date_items *out,
                           const struct govuk_date_typed *typed,
                           const char *iso, bool error)
{
	bool any =
	        typed != NULL && (typed->day != NULL || typed->month != NULL ||
	                          typed->year != NULL);
	int y = 0, m = 0, d = 0;

	memset(out, 0, sizeof *out);
	if (!any && iso != NULL && iso[0] != '\0' &&
	    sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3) {
		snprintf(out->day, sizeof out->day, "%d", d);
		snprintf(out->month, sizeof out->month, "%d", m);
		snprintf(out->year, sizeof out->year, "%d", y);
	}
	out->items[0] = (struct govuk_date_input_item){
	        .name = "day",
	        .value = any ? typed->day : out->day,
	        .classes = error ? "govuk-input--width-2 govuk-input--error"
	                         : "govuk-input--width-2"};
	out->items[1] = (struct govuk_date_input_item){
	        .name = "month",
	        .value = any ? typed->month : out->month,
	        .classes = error ? "govuk-input--width-2 govuk-input--error"
	                         : "govuk-input--width-2"};
	out->items[2] = (struct govuk_date_input_item){
	        .name = "year",
	        .value = any ? typed->year : out->year,
	        .classes = error ? "govuk-input--width-4 govuk-input--error"
	                         : "govuk-input--width-4"};
}
