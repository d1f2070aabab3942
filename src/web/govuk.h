/*
 * govuk: GOV.UK Frontend components written through the typed HTML writer
 * (web/html.h), so every text and attribute value is escaped. Each
 * component is one function taking a parameter struct that mirrors the
 * Nunjucks macro's params (camelCase becomes snake_case); the markup follows
 * govuk-frontend's template.njk for that component, and tests/unit/
 * test_govuk.c checks it against the fixtures.json shipped with the package.
 *
 * Where a macro takes `html` (markup the caller made), the struct takes a
 * struct govuk_content: either text (escaped) or a function that writes the
 * content through the same writer. There is no raw-string parameter.
 *
 * Every pointer in a parameter struct is borrowed for the call only; nothing
 * is kept. A NULL or empty string means "not given", as in the macros.
 */
#ifndef MASA_WEB_GOVUK_H
#define MASA_WEB_GOVUK_H

#include <stdbool.h>
#include <stddef.h>

#include "web/html.h"

/* Text, or a function that writes markup through the writer. */
struct govuk_content {
	const char *text;
	void (*write)(struct html *h, const void *arg);
	const void *arg;
};

/*
 * Extra attributes (the macros' `attributes`). Names are masa's literals
 * (lower case, digits, '-'); an entry with a NULL name is unused; a value
 * "" writes a boolean attribute.
 */
enum { GOVUK_MAX_ATTRIBUTES = 4 };
struct govuk_attribute {
	const char *name;
	const char *value;
};

/* A tri-state for params that render only when given (spellcheck="false"). */
enum govuk_flag { GOVUK_UNSET = 0, GOVUK_TRUE, GOVUK_FALSE };

/* ---- small components ---- */

struct govuk_tag {
	struct govuk_content content;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_tag(struct html *h, const struct govuk_tag *p);

struct govuk_back_link {
	const char *href;             /* default "#" */
	struct govuk_content content; /* default "Back" */
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_back_link(struct html *h, const struct govuk_back_link *p);

struct govuk_skip_link {
	const char *href; /* default "#content" */
	struct govuk_content content;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_skip_link(struct html *h, const struct govuk_skip_link *p);

struct govuk_inset_text {
	const char *id;
	struct govuk_content content;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_inset_text(struct html *h, const struct govuk_inset_text *p);

struct govuk_warning_text {
	struct govuk_content content;
	const char *icon_fallback_text; /* default "Warning" */
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_warning_text(struct html *h, const struct govuk_warning_text *p);

struct govuk_details {
	const char *id;
	struct govuk_content summary;
	struct govuk_content content;
	bool open;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_details(struct html *h, const struct govuk_details *p);

struct govuk_hint {
	const char *id;
	struct govuk_content content;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_hint(struct html *h, const struct govuk_hint *p);

/* Writes nothing when the label has no content, as the macro does. */
struct govuk_label {
	struct govuk_content content;
	const char *for_id; /* the macro's `for` */
	bool is_page_heading;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_label(struct html *h, const struct govuk_label *p);

struct govuk_error_message {
	const char *id;
	struct govuk_content content;
	/* NULL means "Error"; "" leaves the hidden prefix out. */
	const char *visually_hidden_text;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_error_message(struct html *h, const struct govuk_error_message *p);

struct govuk_legend {
	struct govuk_content content;
	const char *classes;
	bool is_page_heading;
};

struct govuk_fieldset {
	const char *described_by;
	struct govuk_legend legend;
	const char *role;
	struct govuk_content content; /* what the fieldset holds */
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_fieldset(struct html *h, const struct govuk_fieldset *p);

struct govuk_phase_banner {
	struct govuk_tag tag;
	struct govuk_content content;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_phase_banner(struct html *h, const struct govuk_phase_banner *p);

struct govuk_breadcrumb {
	struct govuk_content content;
	const char *href; /* NULL: the current page */
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};

struct govuk_breadcrumbs {
	const struct govuk_breadcrumb *items;
	size_t n_items;
	bool collapse_on_mobile;
	const char *label_text; /* default "Breadcrumb" */
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_breadcrumbs(struct html *h, const struct govuk_breadcrumbs *p);

/* ---- buttons ---- */

enum govuk_button_element {
	GOVUK_BUTTON_AUTO = 0, /* <a> when href is set, else <button> */
	GOVUK_BUTTON_BUTTON,
	GOVUK_BUTTON_LINK,
	GOVUK_BUTTON_INPUT,
};

struct govuk_button {
	enum govuk_button_element element;
	struct govuk_content content; /* <input>: only text */
	const char *name;
	const char *type; /* default "submit" */
	const char *value;
	bool disabled;
	const char *href;
	enum govuk_flag prevent_double_click;
	bool is_start_button;
	const char *id;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_button(struct html *h, const struct govuk_button *p);

/* ---- form controls ---- */

/* The form group around a control. */
struct govuk_form_group {
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};

/* The label, hint and error message of a control; NULL hint or error: none. */
struct govuk_field {
	struct govuk_label label;      /* for_id is the control's id */
	const struct govuk_hint *hint; /* id is made */
	const struct govuk_error_message *error_message; /* id is made */
	struct govuk_form_group form_group;
};

struct govuk_input {
	const char *id; /* default: name */
	const char *name;
	const char *type; /* default "text" */
	const char *inputmode;
	const char *value;
	bool disabled;
	const char *described_by;
	struct govuk_field field;
	const char *classes;
	const char *autocomplete;
	const char *pattern;
	enum govuk_flag spellcheck;
	const char *autocapitalize;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_input(struct html *h, const struct govuk_input *p);

struct govuk_textarea {
	const char *id; /* default: name */
	const char *name;
	int rows; /* 0: 5 */
	const char *value;
	bool disabled;
	const char *described_by;
	struct govuk_field field;
	const char *classes;
	const char *autocomplete;
	enum govuk_flag spellcheck;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_textarea(struct html *h, const struct govuk_textarea *p);

struct govuk_select_item {
	const char *value; /* NULL: no value attribute */
	const char *text;
	enum govuk_flag selected; /* unset: selected when value matches */
	bool disabled;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};

struct govuk_select {
	const char *id; /* default: name */
	const char *name;
	const struct govuk_select_item *items;
	size_t n_items;
	const char *value; /* selects the item with this value */
	bool disabled;
	const char *described_by;
	struct govuk_field field;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_select(struct html *h, const struct govuk_select *p);

/* ---- error summary, notification banner ---- */

struct govuk_error_summary_item {
	const char *href;
	struct govuk_content content;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};

struct govuk_error_summary {
	struct govuk_content title;
	struct govuk_content description;
	const struct govuk_error_summary_item *error_list;
	size_t n_errors;
	enum govuk_flag disable_auto_focus;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_error_summary(struct html *h, const struct govuk_error_summary *p);

struct govuk_notification_banner {
	struct govuk_content title; /* default "Important" ("Success") */
	const char *title_id;    /* default "govuk-notification-banner-title" */
	int title_heading_level; /* 0: 2 */
	const char *type;        /* "success" or NULL */
	const char *role;        /* default "region" ("alert" for success) */
	/* content.write: the banner's markup; content.text: a heading para. */
	struct govuk_content content;
	enum govuk_flag disable_auto_focus;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_notification_banner(struct html *h,
                               const struct govuk_notification_banner *p);

/* ---- table ---- */

struct govuk_table_cell {
	struct govuk_content content;
	const char *format; /* "numeric" */
	int colspan, rowspan;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};

struct govuk_table {
	const char *caption;
	const char *caption_classes;
	const struct govuk_table_cell *head; /* NULL: no <thead> */
	size_t n_head;
	const struct govuk_table_cell *cells; /* n_rows * n_columns, by row */
	size_t n_rows, n_columns;
	bool first_cell_is_header;
	/*
	 * masa's addition: with a head of one text per column, each body
	 * cell is labelled by its column's (data-label), which a narrow screen
	 * shows beside the value when the table stacks (masa.scss).
	 */
	bool label_cells;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_table(struct html *h, const struct govuk_table *p);

/* ---- radios, checkboxes ---- */

/*
 * One radio or checkbox. Items are numbered by their place in the array
 * (dividers count): the first takes the id prefix as its id, the n-th
 * "prefix-n", unless id is given.
 */
struct govuk_choice_item {
	const char *divider; /* when given, a divider ("or"), nothing else */
	const char *id;
	const char *name; /* checkboxes only; default: the group's name */
	const char *value;
	struct govuk_content content; /* the label */
	const char *label_classes;
	struct govuk_attribute label_attributes[GOVUK_MAX_ATTRIBUTES];
	const struct govuk_hint *hint; /* id and class are made; NULL: none */
	enum govuk_flag checked;       /* unset: checked when value matches */
	bool disabled;
	struct govuk_content conditional; /* revealed while checked */
	const char *behaviour; /* checkboxes: "exclusive" for a "none" item */
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};

/*
 * The fieldset, hint, error message and form group around a group of
 * controls (radios, checkboxes, date input). fieldset NULL: none; its
 * content and role are the component's own, its described_by comes first
 * in aria-describedby.
 */
struct govuk_group_frame {
	const struct govuk_fieldset *fieldset;
	const struct govuk_hint *hint;                   /* id is made */
	const struct govuk_error_message *error_message; /* id is made */
	struct govuk_form_group form_group;
};

struct govuk_radios {
	const char *id_prefix; /* default: name */
	const char *name;
	const struct govuk_choice_item *items;
	size_t n_items;
	const char *value; /* checks the item with this value */
	struct govuk_group_frame frame;
	const char *classes; /* "govuk-radios--inline", "govuk-radios--small" */
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_radios(struct html *h, const struct govuk_radios *p);

struct govuk_checkboxes {
	const char *id_prefix; /* default: name */
	const char *name;
	const struct govuk_choice_item *items;
	size_t n_items;
	const char *const *values; /* checks the items with these values */
	size_t n_values;
	/* Without a fieldset, every checkbox is described by these ids (and
	 * the hint and error); a fieldset's described_by replaces it. */
	const char *described_by;
	struct govuk_group_frame frame;
	const char *classes; /* "govuk-checkboxes--small" */
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_checkboxes(struct html *h, const struct govuk_checkboxes *p);

/* ---- summary list ---- */

struct govuk_summary_action {
	const char *href;
	struct govuk_content content;
	const char *visually_hidden_text; /* " name" after the link text */
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};

struct govuk_summary_actions {
	const struct govuk_summary_action *items;
	size_t n_items;
	const char *classes;
};

struct govuk_summary_list_row {
	struct govuk_content key;
	const char *key_classes;
	struct govuk_content value;
	const char *value_classes;
	struct govuk_summary_actions actions;
	const char *classes;
};

/* The card around a summary list. */
struct govuk_summary_card {
	struct govuk_content title; /* none: no heading */
	int title_heading_level;    /* 0: 2 */
	const char *title_classes;
	struct govuk_summary_actions actions;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};

struct govuk_summary_list {
	const struct govuk_summary_list_row *rows;
	size_t n_rows;
	const struct govuk_summary_card *card; /* NULL: a list alone */
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_summary_list(struct html *h, const struct govuk_summary_list *p);

/* ---- pagination ---- */

/* The previous or next link; no href: none. */
struct govuk_pagination_link {
	const char *href;
	struct govuk_content content; /* default "Previous page", "Next page" */
	const char *label_text;       /* shown under it when no numbers */
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};

struct govuk_pagination_item {
	bool ellipsis; /* a gap in the numbers, nothing else */
	const char *number;
	const char *href;
	const char *visually_hidden_text; /* NULL: "Page <number>" */
	bool current;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};

struct govuk_pagination {
	const struct govuk_pagination_item *items;
	size_t n_items;
	struct govuk_pagination_link previous, next;
	const char *landmark_label; /* default "Pagination" */
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_pagination(struct html *h, const struct govuk_pagination *p);

/* ---- header, service navigation, footer ---- */

struct govuk_header_item {
	struct govuk_content content; /* none: the item is left out */
	const char *href;             /* NULL: text only */
	bool active;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};

/*
 * The page header. masa is not a GOV.UK service: where the macro draws the
 * crown and GOV.UK logotype, this writes `logotype` as text in the
 * logotype's place, and nothing else (no crown, no GDS Transport).
 */
struct govuk_header {
	const char *homepage_url; /* default "/" */
	const char *logotype;     /* the text logo; NULL: none */
	const char *product_name;
	const char *service_name;
	const char *service_url; /* NULL: the service name is not a link */
	const struct govuk_header_item *navigation;
	size_t n_navigation;
	const char *navigation_classes;
	const char *navigation_label;  /* default: the menu button's text */
	const char *menu_button_text;  /* default "Menu" */
	const char *menu_button_label; /* when it differs from the text */
	const char *container_classes; /* default "govuk-width-container" */
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_header(struct html *h, const struct govuk_header *p);

struct govuk_service_navigation_item {
	struct govuk_content content;
	const char *href; /* NULL: text only */
	bool active;      /* in this section: aria-current="true" */
	bool current;     /* this page: aria-current="page" */
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};

/* The service name and masa's main navigation, under the header. */
struct govuk_service_navigation {
	const char *service_name;
	const char *service_url; /* NULL: the name is not a link */
	const struct govuk_service_navigation_item *navigation;
	size_t n_navigation;
	/* Unset: collapse behind a menu button when there are 2+ items. */
	enum govuk_flag collapse_navigation_on_mobile;
	const char *navigation_id;    /* default "navigation" */
	const char *navigation_label; /* default: the menu button's text */
	const char *navigation_classes;
	const char *menu_button_text;  /* default "Menu" */
	const char *menu_button_label; /* when it differs from the text */
	const char *aria_label;        /* default "Service information" */
	/* Markup around the parts (the macro's slots); unset: none. */
	struct govuk_content slot_start, slot_end;
	struct govuk_content slot_navigation_start, slot_navigation_end;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_service_navigation(struct html *h,
                              const struct govuk_service_navigation *p);

struct govuk_footer_link {
	const char *href;
	const char *text;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};

/* A titled group of links above the meta links. */
struct govuk_footer_section {
	const char *title;
	const char *width; /* "one-third", "two-thirds"...; default "full" */
	int columns;       /* 0: one */
	const struct govuk_footer_link
	        *items; /* without href or text: left out */
	size_t n_items;
};

struct govuk_footer_meta {
	const char *visually_hidden_title; /* default "Support links" */
	const struct govuk_footer_link *items;
	size_t n_items;
	struct govuk_content content; /* under the links */
};

/*
 * The page footer. masa is not Crown copyright: there is no crest, crown or
 * licence logo, and no copyright link; the content licence, when given, is
 * the text masa's operator chooses.
 */
struct govuk_footer {
	const struct govuk_footer_section *navigation;
	size_t n_navigation;
	const struct govuk_footer_meta *meta;        /* NULL: none */
	const struct govuk_content *content_licence; /* NULL: none */
	const char *container_classes;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_footer(struct html *h, const struct govuk_footer *p);

/* ---- panel, date input ---- */

/* The confirmation panel at the end of a task. */
struct govuk_panel {
	struct govuk_content title;
	int heading_level;            /* 0: 1 */
	struct govuk_content content; /* none: no body */
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_panel(struct html *h, const struct govuk_panel *p);

struct govuk_date_input_item {
	const char *id; /* default "<date input's id>-<name>" */
	const char *name;
	const char *label; /* default: the name, capitalised */
	const char *value;
	const char *inputmode; /* default "numeric" */
	const char *autocomplete;
	const char *pattern;
	const char *classes; /* "govuk-input--width-2" */
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};

/* A date as day, month and year fields (or the given items). */
struct govuk_date_input {
	const char *id; /* also the prefix of the hint's and error's ids */
	const char *name_prefix; /* names are "<prefix>-<item name>" */
	const struct govuk_date_input_item *items; /* none: day, month, year */
	size_t n_items;
	struct govuk_group_frame frame;
	const char *classes;
	struct govuk_attribute attributes[GOVUK_MAX_ATTRIBUTES];
};
void govuk_date_input(struct html *h, const struct govuk_date_input *p);

/*
 * ---- date fields: the one way masa takes a date ----
 *
 * Every form that asks for a date uses the GOV.UK date input (day, month
 * and year fields), drawn and read by these two functions; pages reach
 * them through page_date_input() and page_date_read() (web/layout.h),
 * which take the fields from the request, and declare the three fields in
 * their route table with PAGE_DATE_PARAMS(prefix, where). The fields of a
 * date with prefix "due" are named and identified "due-day", "due-month"
 * and "due-year"; an error summary links to "#due-day".
 */
enum { GOVUK_DATE_MESSAGE_SIZE = 200 };

/* What was typed into a date's three fields; NULL where nothing was. */
struct govuk_date_typed {
	const char *day, *month, *year;
};

/*
 * Reads a typed date. Returns true with iso set to "YYYY-MM-DD", or to ""
 * when nothing was typed and required is false. Returns false with message
 * set to what GOV.UK's pattern says, naming the field by label ("Date the
 * minutes were approved", capitalised as it begins the message): "... must
 * include a month", "... must be a real date", "Enter ..." when required
 * and empty. A year is four digits (1900 to 2999).
 */
bool govuk_date_read(const struct govuk_date_typed *typed, const char *label,
                     bool required, char iso[11],
                     char message[GOVUK_DATE_MESSAGE_SIZE]);

/*
 * A date input's three items, with storage for their values: what was
 * typed when anything was (typed may be NULL), else the parts of iso (may
 * be NULL or ""), and the error class on each field when error is set.
 */
struct govuk_date_items {
	struct govuk_date_input_item items[3];
	char day[8], month[8], year[8];
};
void govuk_date_items_fill(struct govuk_date_items *out,
                           const struct govuk_date_typed *typed,
                           const char *iso, bool error);

#endif
