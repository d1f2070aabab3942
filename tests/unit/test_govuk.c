/*
 * test_govuk: each GOV.UK Frontend component written by web/govuk.c matches
 * the markup of govuk-frontend's own fixtures
 * (node_modules/govuk-frontend/dist/govuk/components/NAME/fixtures.json,
 * read at test time; `make check` installs node_modules, and without it
 * every test fails). For each fixture whose options our parameter struct
 * can express, the test renders it and compares both sides after
 * normalising whitespace: runs of whitespace become one space, whitespace
 * next to a tag or before a tag's closing '>' is removed, and `=""` is dropped
 * (the writer writes an empty attribute as a boolean one, which HTML reads the
 * same). Fixtures using options we do not support are skipped by name (an
 * option key outside the list a converter accepts); each test prints how many
 * it compared and asserts a minimum, so a converter that silently stops
 * accepting fixtures fails. Fixture `html` options are written with
 * html_raw_trusted(): they are the package's trusted test data standing in for
 * markup masa would write through the writer.
 *
 * Fixtures compared per component (govuk-frontend 5.14.0): every fixture
 * whose options the converter accepts; the minimum counts are in the
 * COMPONENT_TEST lines and the names are printed ("# NAME: compared ...").
 * Skipped, and why:
 *   radios "with falsy items", checkboxes "with falsy values": the macro
 *     skips null items yet counts them when numbering ids ("-4" after two
 *     empty places); a C array of items has no empty places.
 * Summary list rows, pagination items and service navigation items that
 * are null or empty are left out by the converter, as the macro leaves
 * them out, so those fixtures are compared.
 * Header and footer fixtures are all compared after an edit (edit_header,
 * edit_footer): masa writes no crown, GOV.UK logo, licence logo or Crown
 * copyright crest, so the header's logo <svg> becomes masa's text
 * logotype and the footer's <svg>s and copyright item are removed; the
 * options that only choose those parts (rebrand, useTudorCrown,
 * copyright) are accepted and have nothing left to change. Date input
 * fixtures lose the trailing space the macro leaves in a field's class
 * list (edit_date_input).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "core/buf.h"
#include "web/govuk.h"

#define FIXTURES "node_modules/govuk-frontend/dist/govuk/components/"

/* ---- normalising ---- */

static bool is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

/* Caller frees. */
static char *normalise(const char *s)
{
	size_t n = strlen(s), o = 0;
	char *out = malloc(n + 1);

	assert_non_null(out);
	for (size_t i = 0; i < n; i++) {
		if (is_space(s[i])) {
			while (i + 1 < n && is_space(s[i + 1]))
				i++;
			/* Drop it at either end, after '>' or before '<' or
			 * '>' (`<ul id="x" >`: text has no bare '>'). */
			if (o == 0 || out[o - 1] == '>' || i + 1 >= n ||
			    s[i + 1] == '<' || s[i + 1] == '>')
				continue;
			out[o++] = ' ';
			continue;
		}
		if (s[i] == '=' && s[i + 1] == '"' && s[i + 2] == '"' &&
		    (s[i + 3] == '>' || is_space(s[i + 3]) ||
		     s[i + 3] == '/')) {
			i += 2;
			continue;
		}
		out[o++] = s[i];
	}
	out[o] = '\0';
	return out;
}

/* ---- reading options ---- */

/* True when every key of o is in allowed (a NULL-ended list). */
static bool only_keys(json_t *o, const char *const *allowed)
{
	const char *key;
	json_t *v;

	if (!json_is_object(o))
		return false;
	json_object_foreach(o, key, v)
	{
		bool ok = false;
		for (const char *const *a = allowed; *a; a++)
			ok = ok || strcmp(*a, key) == 0;
		if (!ok)
			return false;
	}
	return true;
}

/* A string option into *out; false when present but not a string. */
static bool opt_str(json_t *o, const char *key, const char **out)
{
	json_t *v = json_object_get(o, key);

	if (v == NULL || json_is_null(v))
		return true;
	if (!json_is_string(v))
		return false;
	*out = json_string_value(v);
	return true;
}

static bool opt_bool(json_t *o, const char *key, bool *out)
{
	json_t *v = json_object_get(o, key);

	if (v == NULL)
		return true;
	if (!json_is_boolean(v))
		return false;
	*out = json_is_true(v);
	return true;
}

static bool opt_flag(json_t *o, const char *key, enum govuk_flag *out)
{
	json_t *v = json_object_get(o, key);

	if (v == NULL)
		return true;
	if (!json_is_boolean(v))
		return false;
	*out = json_is_true(v) ? GOVUK_TRUE : GOVUK_FALSE;
	return true;
}

static bool opt_int(json_t *o, const char *key, int *out)
{
	json_t *v = json_object_get(o, key);

	if (v == NULL)
		return true;
	if (!json_is_integer(v))
		return false;
	*out = (int)json_integer_value(v);
	return true;
}

static void write_fixture_html(struct html *h, const void *arg)
{
	html_raw_trusted(h, arg);
}

/* text_key / html_key into a content; html wins, as in the macros. */
static bool opt_content(json_t *o, const char *text_key, const char *html_key,
                        struct govuk_content *c)
{
	const char *html = NULL;

	if (!opt_str(o, text_key, &c->text))
		return false;
	if (html_key && !opt_str(o, html_key, &html))
		return false;
	if (html && *html) {
		c->write = write_fixture_html;
		c->arg = html;
	}
	return true;
}

static bool name_ok(const char *name)
{
	if (*name == '\0')
		return false;
	for (; *name; name++)
		if (!((*name >= 'a' && *name <= 'z') ||
		      (*name >= '0' && *name <= '9') || *name == '-'))
			return false;
	return true;
}

static bool opt_attributes(json_t *o, const char *key,
                           struct govuk_attribute *a)
{
	json_t *attrs = json_object_get(o, key), *v;
	const char *name;
	size_t i = 0;

	if (attrs == NULL)
		return true;
	if (!json_is_object(attrs) ||
	    json_object_size(attrs) > GOVUK_MAX_ATTRIBUTES)
		return false;
	json_object_foreach(attrs, name, v)
	{
		if (!json_is_string(v) || !name_ok(name) ||
		    json_string_value(v)[0] == '\0')
			return false;
		a[i].name = name;
		a[i].value = json_string_value(v);
		i++;
	}
	return true;
}

/* ---- the test driver ---- */

typedef bool (*render_fn)(struct html *h, json_t *options);

/*
 * Rewrites a fixture's expected markup before comparing (the parts masa
 * writes differently on purpose); caller frees the result.
 */
typedef char *(*edit_fn)(const char *want);

/*
 * Prints "# label: text" in lines of at most 1000 bytes: cmocka's message
 * buffer cuts longer ones, newline included, and the TAP line that follows
 * would then be lost.
 */
static void print_long(const char *label, const char *text)
{
	enum { CHUNK = 1000 };
	size_t n = strlen(text);

	print_message("# %s:%s\n", label, n ? "" : " (none)");
	for (size_t at = 0; at < n; at += CHUNK)
		print_message("#   %.*s\n",
		              (int)(n - at < CHUNK ? n - at : CHUNK),
		              text + at);
}

static void run_fixtures(const char *component, render_fn render,
                         size_t at_least, edit_fn edit)
{
	char path[256];
	json_error_t jerr;
	json_t *root, *fixtures, *fixture;
	size_t i, compared = 0, failed = 0;
	struct buf names;

	snprintf(path, sizeof path, FIXTURES "%s/fixtures.json", component);
	root = json_load_file(path, 0, &jerr);
	if (root == NULL)
		fail_msg("%s: %s (run `make check`, which runs npm ci)", path,
		         jerr.text);
	fixtures = json_object_get(root, "fixtures");
	assert_true(json_is_array(fixtures));
	buf_init(&names, 1 << 20);
	json_array_foreach(fixtures, i, fixture)
	{
		const char *name =
		        json_string_value(json_object_get(fixture, "name"));
		const char *want =
		        json_string_value(json_object_get(fixture, "html"));
		struct html h;
		const char *got;
		size_t len;
		struct masa_error err = {0};

		html_init(&h, 1 << 20);
		if (!render(&h, json_object_get(fixture, "options"))) {
			html_free(&h);
			continue;
		}
		assert_int_equal(html_finish(&h, &got, &len, &err), MASA_OK);
		char *edited = edit ? edit(want) : NULL;
		char *a = normalise(got),
		     *b = normalise(edited ? edited : want);
		free(edited);
		compared++;
		(void)buf_printf(&names, NULL, "%s\"%s\"",
		                 names.len ? ", " : "", name);
		if (strcmp(a, b) != 0) {
			failed++;
			print_message("# %s fixture \"%s\" differs\n",
			              component, name);
			print_long("got", a);
			print_long("want", b);
		}
		free(a);
		free(b);
		html_free(&h);
	}
	print_message("# %s: compared %zu of %zu fixtures\n", component,
	              compared, json_array_size(fixtures));
	print_long("compared", buf_str(&names));
	buf_free(&names);
	json_decref(root);
	assert_int_equal(failed, 0);
	assert_true(compared >= at_least);
}

/* ---- converters: options -> struct, false when not expressible ---- */

static bool render_tag(struct html *h, json_t *o)
{
	static const char *const keys[] = {"text", "html", "classes",
	                                   "attributes", NULL};
	struct govuk_tag p = {0};

	if (!only_keys(o, keys) ||
	    !opt_content(o, "text", "html", &p.content) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_attributes(o, "attributes", p.attributes))
		return false;
	govuk_tag(h, &p);
	return true;
}

static bool render_back_link(struct html *h, json_t *o)
{
	static const char *const keys[] = {"text",       "html", "classes",
	                                   "attributes", "href", NULL};
	struct govuk_back_link p = {0};

	if (!only_keys(o, keys) ||
	    !opt_content(o, "text", "html", &p.content) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_str(o, "href", &p.href) ||
	    !opt_attributes(o, "attributes", p.attributes))
		return false;
	govuk_back_link(h, &p);
	return true;
}

static bool render_skip_link(struct html *h, json_t *o)
{
	static const char *const keys[] = {"text",       "html", "classes",
	                                   "attributes", "href", NULL};
	struct govuk_skip_link p = {0};

	if (!only_keys(o, keys) ||
	    !opt_content(o, "text", "html", &p.content) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_str(o, "href", &p.href) ||
	    !opt_attributes(o, "attributes", p.attributes))
		return false;
	govuk_skip_link(h, &p);
	return true;
}

static bool render_inset_text(struct html *h, json_t *o)
{
	static const char *const keys[] = {"text",       "html", "classes",
	                                   "attributes", "id",   NULL};
	struct govuk_inset_text p = {0};

	if (!only_keys(o, keys) ||
	    !opt_content(o, "text", "html", &p.content) ||
	    !opt_str(o, "classes", &p.classes) || !opt_str(o, "id", &p.id) ||
	    !opt_attributes(o, "attributes", p.attributes))
		return false;
	govuk_inset_text(h, &p);
	return true;
}

static bool render_warning_text(struct html *h, json_t *o)
{
	static const char *const keys[] = {
	        "text", "html", "classes", "attributes", "iconFallbackText",
	        NULL};
	struct govuk_warning_text p = {0};

	if (!only_keys(o, keys) ||
	    !opt_content(o, "text", "html", &p.content) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_str(o, "iconFallbackText", &p.icon_fallback_text) ||
	    !opt_attributes(o, "attributes", p.attributes))
		return false;
	govuk_warning_text(h, &p);
	return true;
}

static bool render_details(struct html *h, json_t *o)
{
	static const char *const keys[] = {
	        "text", "html",        "classes",     "attributes", "id",
	        "open", "summaryText", "summaryHtml", NULL};
	struct govuk_details p = {0};

	if (!only_keys(o, keys) ||
	    !opt_content(o, "text", "html", &p.content) ||
	    !opt_content(o, "summaryText", "summaryHtml", &p.summary) ||
	    !opt_str(o, "classes", &p.classes) || !opt_str(o, "id", &p.id) ||
	    !opt_bool(o, "open", &p.open) ||
	    !opt_attributes(o, "attributes", p.attributes))
		return false;
	govuk_details(h, &p);
	return true;
}

static bool hint_of(json_t *o, struct govuk_hint *p)
{
	static const char *const keys[] = {"text",       "html", "classes",
	                                   "attributes", "id",   NULL};

	return only_keys(o, keys) &&
	       opt_content(o, "text", "html", &p->content) &&
	       opt_str(o, "classes", &p->classes) && opt_str(o, "id", &p->id) &&
	       opt_attributes(o, "attributes", p->attributes);
}

static bool render_hint(struct html *h, json_t *o)
{
	struct govuk_hint p = {0};

	if (!hint_of(o, &p))
		return false;
	govuk_hint(h, &p);
	return true;
}

static bool label_of(json_t *o, struct govuk_label *p)
{
	static const char *const keys[] = {
	        "text", "html",          "classes", "attributes",
	        "for",  "isPageHeading", NULL};

	return only_keys(o, keys) &&
	       opt_content(o, "text", "html", &p->content) &&
	       opt_str(o, "classes", &p->classes) &&
	       opt_str(o, "for", &p->for_id) &&
	       opt_bool(o, "isPageHeading", &p->is_page_heading) &&
	       opt_attributes(o, "attributes", p->attributes);
}

static bool render_label(struct html *h, json_t *o)
{
	struct govuk_label p = {0};

	if (!label_of(o, &p))
		return false;
	govuk_label(h, &p);
	return true;
}

static bool error_message_of(json_t *o, struct govuk_error_message *p)
{
	static const char *const keys[] = {"text",    "html",
	                                   "classes", "attributes",
	                                   "id",      "visuallyHiddenText",
	                                   NULL};
	json_t *hidden = json_object_get(o, "visuallyHiddenText");

	if (json_is_false(hidden))
		p->visually_hidden_text = "";
	else if (!opt_str(o, "visuallyHiddenText", &p->visually_hidden_text))
		return false;
	return only_keys(o, keys) &&
	       opt_content(o, "text", "html", &p->content) &&
	       opt_str(o, "classes", &p->classes) && opt_str(o, "id", &p->id) &&
	       opt_attributes(o, "attributes", p->attributes);
}

static bool render_error_message(struct html *h, json_t *o)
{
	struct govuk_error_message p = {0};

	if (!error_message_of(o, &p))
		return false;
	govuk_error_message(h, &p);
	return true;
}

static bool render_fieldset(struct html *h, json_t *o)
{
	static const char *const keys[] = {
	        "describedBy", "legend", "classes", "role",
	        "attributes",  "html",   NULL};
	static const char *const legend_keys[] = {"text", "html", "classes",
	                                          "isPageHeading", NULL};
	struct govuk_fieldset p = {0};
	json_t *legend = json_object_get(o, "legend");

	if (!only_keys(o, keys) || !opt_content(o, "", "html", &p.content) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_str(o, "role", &p.role) ||
	    !opt_str(o, "describedBy", &p.described_by) ||
	    !opt_attributes(o, "attributes", p.attributes))
		return false;
	if (legend &&
	    (!only_keys(legend, legend_keys) ||
	     !opt_content(legend, "text", "html", &p.legend.content) ||
	     !opt_str(legend, "classes", &p.legend.classes) ||
	     !opt_bool(legend, "isPageHeading", &p.legend.is_page_heading)))
		return false;
	govuk_fieldset(h, &p);
	return true;
}

static bool render_phase_banner(struct html *h, json_t *o)
{
	static const char *const keys[] = {"text",       "html", "classes",
	                                   "attributes", "tag",  NULL};
	static const char *const tag_keys[] = {"text", "html", "classes", NULL};
	struct govuk_phase_banner p = {0};
	json_t *tag = json_object_get(o, "tag");

	if (!only_keys(o, keys) ||
	    !opt_content(o, "text", "html", &p.content) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_attributes(o, "attributes", p.attributes))
		return false;
	if (tag && (!only_keys(tag, tag_keys) ||
	            !opt_content(tag, "text", "html", &p.tag.content) ||
	            !opt_str(tag, "classes", &p.tag.classes)))
		return false;
	govuk_phase_banner(h, &p);
	return true;
}

static bool render_breadcrumbs(struct html *h, json_t *o)
{
	static const char *const keys[] = {"items",      "classes",
	                                   "attributes", "collapseOnMobile",
	                                   "labelText",  NULL};
	static const char *const item_keys[] = {"text", "html", "href",
	                                        "attributes", NULL};
	struct govuk_breadcrumbs p = {0};
	struct govuk_breadcrumb *items = NULL;
	json_t *list = json_object_get(o, "items"), *item;
	size_t i;
	bool ok = false;

	if (!only_keys(o, keys) || !opt_str(o, "classes", &p.classes) ||
	    !opt_str(o, "labelText", &p.label_text) ||
	    !opt_bool(o, "collapseOnMobile", &p.collapse_on_mobile) ||
	    !opt_attributes(o, "attributes", p.attributes) ||
	    !json_is_array(list))
		return false;
	items = calloc(json_array_size(list) + 1, sizeof *items);
	assert_non_null(items);
	json_array_foreach(list, i, item)
	{
		if (!only_keys(item, item_keys) ||
		    !opt_content(item, "text", "html", &items[i].content) ||
		    !opt_str(item, "href", &items[i].href) ||
		    !opt_attributes(item, "attributes", items[i].attributes))
			goto out;
	}
	p.items = items;
	p.n_items = json_array_size(list);
	govuk_breadcrumbs(h, &p);
	ok = true;
out:
	free(items);
	return ok;
}

static bool render_button(struct html *h, json_t *o)
{
	static const char *const keys[] = {"element",
	                                   "text",
	                                   "html",
	                                   "name",
	                                   "type",
	                                   "value",
	                                   "disabled",
	                                   "href",
	                                   "classes",
	                                   "attributes",
	                                   "preventDoubleClick",
	                                   "isStartButton",
	                                   "id",
	                                   NULL};
	struct govuk_button p = {0};
	const char *element = NULL;

	if (!only_keys(o, keys) ||
	    !opt_content(o, "text", "html", &p.content) ||
	    !opt_str(o, "element", &element) || !opt_str(o, "name", &p.name) ||
	    !opt_str(o, "type", &p.type) || !opt_str(o, "value", &p.value) ||
	    !opt_bool(o, "disabled", &p.disabled) ||
	    !opt_str(o, "href", &p.href) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_flag(o, "preventDoubleClick", &p.prevent_double_click) ||
	    !opt_bool(o, "isStartButton", &p.is_start_button) ||
	    !opt_str(o, "id", &p.id) ||
	    !opt_attributes(o, "attributes", p.attributes))
		return false;
	if (element == NULL)
		p.element = GOVUK_BUTTON_AUTO;
	else if (strcasecmp(element, "a") == 0)
		p.element = GOVUK_BUTTON_LINK;
	else if (strcasecmp(element, "button") == 0)
		p.element = GOVUK_BUTTON_BUTTON;
	else if (strcasecmp(element, "input") == 0)
		p.element = GOVUK_BUTTON_INPUT;
	else
		return false;
	govuk_button(h, &p);
	return true;
}

/* Label, hint, errorMessage, formGroup: the parts every control shares. */
struct field_parts {
	struct govuk_hint hint;
	struct govuk_error_message error;
};

static bool field_of(json_t *o, struct govuk_field *f,
                     struct field_parts *parts)
{
	static const char *const group_keys[] = {"classes", "attributes", NULL};
	json_t *label = json_object_get(o, "label");
	json_t *hint = json_object_get(o, "hint");
	json_t *error = json_object_get(o, "errorMessage");
	json_t *group = json_object_get(o, "formGroup");

	if (label && !label_of(label, &f->label))
		return false;
	if (hint && !json_is_null(hint) && !json_is_false(hint)) {
		if (!hint_of(hint, &parts->hint))
			return false;
		f->hint = &parts->hint;
	}
	if (error && !json_is_null(error) && !json_is_false(error)) {
		if (!error_message_of(error, &parts->error))
			return false;
		f->error_message = &parts->error;
	}
	if (group &&
	    (!only_keys(group, group_keys) ||
	     !opt_str(group, "classes", &f->form_group.classes) ||
	     !opt_attributes(group, "attributes", f->form_group.attributes)))
		return false;
	return true;
}

static bool render_input(struct html *h, json_t *o)
{
	static const char *const keys[] = {"id",           "name",
	                                   "type",         "inputmode",
	                                   "value",        "disabled",
	                                   "describedBy",  "label",
	                                   "hint",         "errorMessage",
	                                   "formGroup",    "classes",
	                                   "autocomplete", "pattern",
	                                   "spellcheck",   "autocapitalize",
	                                   "attributes",   NULL};
	struct govuk_input p = {0};
	struct field_parts parts = {0};

	if (!only_keys(o, keys) || !field_of(o, &p.field, &parts) ||
	    !opt_str(o, "id", &p.id) || !opt_str(o, "name", &p.name) ||
	    !opt_str(o, "type", &p.type) ||
	    !opt_str(o, "inputmode", &p.inputmode) ||
	    !opt_str(o, "value", &p.value) ||
	    !opt_bool(o, "disabled", &p.disabled) ||
	    !opt_str(o, "describedBy", &p.described_by) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_str(o, "autocomplete", &p.autocomplete) ||
	    !opt_str(o, "pattern", &p.pattern) ||
	    !opt_flag(o, "spellcheck", &p.spellcheck) ||
	    !opt_str(o, "autocapitalize", &p.autocapitalize) ||
	    !opt_attributes(o, "attributes", p.attributes))
		return false;
	govuk_input(h, &p);
	return true;
}

static bool render_textarea(struct html *h, json_t *o)
{
	static const char *const keys[] = {
	        "id",           "name",        "rows",    "value",
	        "disabled",     "describedBy", "label",   "hint",
	        "errorMessage", "formGroup",   "classes", "autocomplete",
	        "spellcheck",   "attributes",  NULL};
	struct govuk_textarea p = {0};
	struct field_parts parts = {0};

	if (!only_keys(o, keys) || !field_of(o, &p.field, &parts) ||
	    !opt_str(o, "id", &p.id) || !opt_str(o, "name", &p.name) ||
	    !opt_int(o, "rows", &p.rows) || !opt_str(o, "value", &p.value) ||
	    !opt_bool(o, "disabled", &p.disabled) ||
	    !opt_str(o, "describedBy", &p.described_by) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_str(o, "autocomplete", &p.autocomplete) ||
	    !opt_flag(o, "spellcheck", &p.spellcheck) ||
	    !opt_attributes(o, "attributes", p.attributes))
		return false;
	govuk_textarea(h, &p);
	return true;
}

static bool render_select(struct html *h, json_t *o)
{
	static const char *const keys[] = {
	        "id",        "name",     "items",
	        "value",     "disabled", "describedBy",
	        "label",     "hint",     "errorMessage",
	        "formGroup", "classes",  "attributes",
	        NULL};
	static const char *const item_keys[] = {
	        "value", "text", "selected", "disabled", "attributes", NULL};
	struct govuk_select p = {0};
	struct field_parts parts = {0};
	struct govuk_select_item *items = NULL;
	char(*numbers)[24] = NULL;
	json_t *list = json_object_get(o, "items"), *item;
	size_t i, n = 0;
	bool ok = false;

	if (!only_keys(o, keys) || !field_of(o, &p.field, &parts) ||
	    !opt_str(o, "id", &p.id) || !opt_str(o, "name", &p.name) ||
	    !opt_str(o, "value", &p.value) ||
	    !opt_bool(o, "disabled", &p.disabled) ||
	    !opt_str(o, "describedBy", &p.described_by) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_attributes(o, "attributes", p.attributes) ||
	    (list && !json_is_array(list)))
		return false;
	items = calloc(json_array_size(list) + 1, sizeof *items);
	numbers = calloc(json_array_size(list) + 1, sizeof *numbers);
	assert_non_null(items);
	assert_non_null(numbers);
	json_array_foreach(list, i, item)
	{
		if (json_is_null(item) || json_is_false(item))
			continue; /* the macro skips falsy items */
		/* The fixtures give some values as numbers. */
		if (json_is_integer(json_object_get(item, "value"))) {
			snprintf(numbers[n], sizeof numbers[n], "%lld",
			         (long long)json_integer_value(
			                 json_object_get(item, "value")));
			items[n].value = numbers[n];
		} else if (!opt_str(item, "value", &items[n].value)) {
			goto out;
		}
		if (!only_keys(item, item_keys) ||
		    !opt_str(item, "text", &items[n].text) ||
		    !opt_flag(item, "selected", &items[n].selected) ||
		    !opt_bool(item, "disabled", &items[n].disabled) ||
		    !opt_attributes(item, "attributes", items[n].attributes))
			goto out;
		n++;
	}
	p.items = items;
	p.n_items = n;
	govuk_select(h, &p);
	ok = true;
out:
	free(numbers);
	free(items);
	return ok;
}

static bool render_error_summary(struct html *h, json_t *o)
{
	static const char *const keys[] = {
	        "titleText",       "titleHtml",  "descriptionText",
	        "descriptionHtml", "errorList",  "disableAutoFocus",
	        "classes",         "attributes", NULL};
	static const char *const item_keys[] = {"href", "text", "html",
	                                        "attributes", NULL};
	struct govuk_error_summary p = {0};
	struct govuk_error_summary_item *items = NULL;
	json_t *list = json_object_get(o, "errorList"), *item;
	size_t i;
	bool ok = false;

	if (!only_keys(o, keys) ||
	    !opt_content(o, "titleText", "titleHtml", &p.title) ||
	    !opt_content(o, "descriptionText", "descriptionHtml",
	                 &p.description) ||
	    !opt_flag(o, "disableAutoFocus", &p.disable_auto_focus) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_attributes(o, "attributes", p.attributes) ||
	    (list && !json_is_array(list)))
		return false;
	items = calloc(json_array_size(list) + 1, sizeof *items);
	assert_non_null(items);
	json_array_foreach(list, i, item)
	{
		if (!only_keys(item, item_keys) ||
		    !opt_content(item, "text", "html", &items[i].content) ||
		    !opt_str(item, "href", &items[i].href) ||
		    !opt_attributes(item, "attributes", items[i].attributes))
			goto out;
	}
	p.error_list = items;
	p.n_errors = json_array_size(list);
	govuk_error_summary(h, &p);
	ok = true;
out:
	free(items);
	return ok;
}

static bool render_notification_banner(struct html *h, json_t *o)
{
	static const char *const keys[] = {"titleText",
	                                   "titleHtml",
	                                   "titleId",
	                                   "titleHeadingLevel",
	                                   "type",
	                                   "role",
	                                   "text",
	                                   "html",
	                                   "disableAutoFocus",
	                                   "classes",
	                                   "attributes",
	                                   NULL};
	struct govuk_notification_banner p = {0};

	if (!only_keys(o, keys) ||
	    !opt_content(o, "titleText", "titleHtml", &p.title) ||
	    !opt_str(o, "titleId", &p.title_id) ||
	    !opt_int(o, "titleHeadingLevel", &p.title_heading_level) ||
	    !opt_str(o, "type", &p.type) || !opt_str(o, "role", &p.role) ||
	    !opt_content(o, "text", "html", &p.content) ||
	    !opt_flag(o, "disableAutoFocus", &p.disable_auto_focus) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_attributes(o, "attributes", p.attributes))
		return false;
	govuk_notification_banner(h, &p);
	return true;
}

static bool cell_of(json_t *o, struct govuk_table_cell *c)
{
	static const char *const keys[] = {"text",       "html",    "format",
	                                   "colspan",    "rowspan", "classes",
	                                   "attributes", NULL};

	return only_keys(o, keys) &&
	       opt_content(o, "text", "html", &c->content) &&
	       opt_str(o, "format", &c->format) &&
	       opt_int(o, "colspan", &c->colspan) &&
	       opt_int(o, "rowspan", &c->rowspan) &&
	       opt_str(o, "classes", &c->classes) &&
	       opt_attributes(o, "attributes", c->attributes);
}

static bool render_table(struct html *h, json_t *o)
{
	static const char *const keys[] = {
	        "caption",           "captionClasses", "head",       "rows",
	        "firstCellIsHeader", "classes",        "attributes", NULL};
	struct govuk_table p = {0};
	struct govuk_table_cell *head = NULL, *cells = NULL;
	json_t *jhead = json_object_get(o, "head"), *rows, *row, *cell;
	size_t i, j, n_columns = 0;
	bool ok = false;

	rows = json_object_get(o, "rows");
	if (!only_keys(o, keys) || !opt_str(o, "caption", &p.caption) ||
	    !opt_str(o, "captionClasses", &p.caption_classes) ||
	    !opt_bool(o, "firstCellIsHeader", &p.first_cell_is_header) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_attributes(o, "attributes", p.attributes) ||
	    !json_is_array(rows) || (jhead && !json_is_array(jhead)))
		return false;
	/* Rows of equal length only: the struct is a grid. */
	json_array_foreach(rows, i, row)
	{
		if (!json_is_array(row) ||
		    (i > 0 && json_array_size(row) != n_columns))
			return false;
		n_columns = json_array_size(row);
	}
	head = calloc(json_array_size(jhead) + 1, sizeof *head);
	cells = calloc(json_array_size(rows) * n_columns + 1, sizeof *cells);
	assert_non_null(head);
	assert_non_null(cells);
	json_array_foreach(jhead, i,
	                   cell) if (!cell_of(cell, &head[i])) goto out;
	json_array_foreach(rows, i, row)
	{
		json_array_foreach(row, j, cell)
		{
			if (!cell_of(cell, &cells[i * n_columns + j]))
				goto out;
		}
	}
	p.head = jhead ? head : NULL;
	p.n_head = json_array_size(jhead);
	p.cells = cells;
	p.n_rows = json_array_size(rows);
	p.n_columns = n_columns;
	govuk_table(h, &p);
	ok = true;
out:
	free(head);
	free(cells);
	return ok;
}

/* A string option that the fixtures sometimes give as a number. */
static bool opt_str_or_int(json_t *o, const char *key, const char **out,
                           char (*number)[24])
{
	json_t *v = json_object_get(o, key);

	if (json_is_integer(v)) {
		snprintf(*number, sizeof *number, "%lld",
		         (long long)json_integer_value(v));
		*out = *number;
		return true;
	}
	return opt_str(o, key, out);
}

/* The fieldset, hint, errorMessage and formGroup of a group of controls. */
struct frame_parts {
	struct govuk_fieldset fieldset;
	struct field_parts field;
	struct govuk_group_frame frame;
};

/* What a radios or checkboxes converter allocates; choices_free() frees. */
struct choice_parts {
	struct govuk_choice_item *items;
	struct govuk_hint *hints;
	char (*numbers)[24];
	const char **values;
	size_t n_items, n_values;
	struct frame_parts frame_parts;
	struct govuk_group_frame frame;
};

static void choices_free(struct choice_parts *c)
{
	free(c->items);
	free(c->hints);
	free(c->numbers);
	free(c->values);
}

static bool choice_item_of(json_t *o, bool checkboxes,
                           struct govuk_choice_item *item,
                           struct govuk_hint *hint, char (*number)[24])
{
	static const char *const radio_keys[] = {
	        "divider",  "id",          "value",      "text",
	        "html",     "label",       "hint",       "checked",
	        "disabled", "conditional", "attributes", NULL};
	static const char *const checkbox_keys[] = {
	        "divider",     "id",        "name",       "value",   "text",
	        "html",        "label",     "hint",       "checked", "disabled",
	        "conditional", "behaviour", "attributes", NULL};
	static const char *const label_keys[] = {"classes", "attributes", NULL};
	static const char *const conditional_keys[] = {"html", NULL};
	json_t *label = json_object_get(o, "label");
	json_t *jhint = json_object_get(o, "hint");
	json_t *conditional = json_object_get(o, "conditional");

	if (!only_keys(o, checkboxes ? checkbox_keys : radio_keys) ||
	    !opt_str(o, "divider", &item->divider) ||
	    !opt_str(o, "id", &item->id) || !opt_str(o, "name", &item->name) ||
	    !opt_str_or_int(o, "value", &item->value, number) ||
	    !opt_content(o, "text", "html", &item->content) ||
	    !opt_flag(o, "checked", &item->checked) ||
	    !opt_bool(o, "disabled", &item->disabled) ||
	    !opt_str(o, "behaviour", &item->behaviour) ||
	    !opt_attributes(o, "attributes", item->attributes))
		return false;
	if (label &&
	    (!only_keys(label, label_keys) ||
	     !opt_str(label, "classes", &item->label_classes) ||
	     !opt_attributes(label, "attributes", item->label_attributes)))
		return false;
	if (jhint) {
		if (!hint_of(jhint, hint))
			return false;
		item->hint = hint;
	}
	/* `conditional: {html: false}` is a conditional with nothing in it. */
	if (conditional &&
	    (!only_keys(conditional, conditional_keys) ||
	     (!json_is_false(json_object_get(conditional, "html")) &&
	      !opt_content(conditional, "", "html", &item->conditional))))
		return false;
	return true;
}

static bool group_frame_of(json_t *o, struct frame_parts *f)
{
	static const char *const fieldset_keys[] = {
	        "describedBy", "legend", "classes", "attributes", NULL};
	static const char *const legend_keys[] = {"text", "html", "classes",
	                                          "isPageHeading", NULL};
	json_t *fieldset = json_object_get(o, "fieldset"), *legend;
	struct govuk_field field = {0};

	if (json_object_get(o, "label") || !field_of(o, &field, &f->field))
		return false;
	f->frame.hint = field.hint;
	f->frame.error_message = field.error_message;
	f->frame.form_group = field.form_group;
	if (fieldset) {
		legend = json_object_get(fieldset, "legend");
		if (!only_keys(fieldset, fieldset_keys) ||
		    !opt_str(fieldset, "describedBy",
		             &f->fieldset.described_by) ||
		    !opt_str(fieldset, "classes", &f->fieldset.classes) ||
		    !opt_attributes(fieldset, "attributes",
		                    f->fieldset.attributes))
			return false;
		if (legend &&
		    (!only_keys(legend, legend_keys) ||
		     !opt_content(legend, "text", "html",
		                  &f->fieldset.legend.content) ||
		     !opt_str(legend, "classes", &f->fieldset.legend.classes) ||
		     !opt_bool(legend, "isPageHeading",
		               &f->fieldset.legend.is_page_heading)))
			return false;
		f->frame.fieldset = &f->fieldset;
	}
	return true;
}

/*
 * The options radios and checkboxes share. Falsy items are not
 * expressible: the macro skips them but still counts them when numbering
 * ids, and a C array has no empty places.
 */
static bool choices_of(json_t *o, bool checkboxes, struct choice_parts *c,
                       const char **id_prefix, const char **name,
                       const char **classes, struct govuk_attribute *attrs)
{
	json_t *list = json_object_get(o, "items"), *item;
	json_t *values = json_object_get(o, "values");
	size_t i;

	if (!group_frame_of(o, &c->frame_parts) ||
	    !opt_str(o, "idPrefix", id_prefix) || !opt_str(o, "name", name) ||
	    !opt_str(o, "classes", classes) ||
	    !opt_attributes(o, "attributes", attrs) || !json_is_array(list) ||
	    (values && !json_is_array(values)))
		return false;
	c->frame = c->frame_parts.frame;
	c->n_items = json_array_size(list);
	c->items = calloc(c->n_items + 1, sizeof *c->items);
	c->hints = calloc(c->n_items + 1, sizeof *c->hints);
	c->numbers = calloc(c->n_items + 1, sizeof *c->numbers);
	c->values = calloc(json_array_size(values) + 1, sizeof *c->values);
	assert_non_null(c->items);
	assert_non_null(c->hints);
	assert_non_null(c->numbers);
	assert_non_null(c->values);
	json_array_foreach(list, i, item)
	{
		if (!choice_item_of(item, checkboxes, &c->items[i],
		                    &c->hints[i], &c->numbers[i]))
			return false;
	}
	json_array_foreach(values, i, item)
	{
		if (!json_is_string(item))
			return false;
		c->values[i] = json_string_value(item);
	}
	c->n_values = json_array_size(values);
	return true;
}

static bool render_radios(struct html *h, json_t *o)
{
	static const char *const keys[] = {
	        "idPrefix",     "name",      "items",
	        "value",        "fieldset",  "hint",
	        "errorMessage", "formGroup", "classes",
	        "attributes",   NULL};
	struct govuk_radios p = {0};
	struct choice_parts c = {0};
	bool ok = false;

	if (!only_keys(o, keys) || !opt_str(o, "value", &p.value) ||
	    !choices_of(o, false, &c, &p.id_prefix, &p.name, &p.classes,
	                p.attributes))
		goto out;
	p.items = c.items;
	p.n_items = c.n_items;
	p.frame = c.frame;
	govuk_radios(h, &p);
	ok = true;
out:
	choices_free(&c);
	return ok;
}

static bool render_checkboxes(struct html *h, json_t *o)
{
	static const char *const keys[] = {
	        "idPrefix",    "name",     "items",      "values",
	        "describedBy", "fieldset", "hint",       "errorMessage",
	        "formGroup",   "classes",  "attributes", NULL};
	struct govuk_checkboxes p = {0};
	struct choice_parts c = {0};
	bool ok = false;

	if (!only_keys(o, keys) ||
	    !opt_str(o, "describedBy", &p.described_by) ||
	    !choices_of(o, true, &c, &p.id_prefix, &p.name, &p.classes,
	                p.attributes))
		goto out;
	p.items = c.items;
	p.n_items = c.n_items;
	p.values = c.values;
	p.n_values = c.n_values;
	p.frame = c.frame;
	govuk_checkboxes(h, &p);
	ok = true;
out:
	choices_free(&c);
	return ok;
}

static bool summary_actions_of(json_t *o, struct govuk_summary_actions *a,
                               struct govuk_summary_action **items)
{
	static const char *const keys[] = {"items", "classes", NULL};
	static const char *const item_keys[] = {
	        "href",    "text",       "html", "visuallyHiddenText",
	        "classes", "attributes", NULL};
	json_t *list = json_object_get(o, "items"), *item;
	size_t i;

	if (!only_keys(o, keys) || !opt_str(o, "classes", &a->classes) ||
	    (list && !json_is_array(list)))
		return false;
	*items = calloc(json_array_size(list) + 1, sizeof **items);
	assert_non_null(*items);
	json_array_foreach(list, i, item)
	{
		struct govuk_summary_action *action = &(*items)[i];
		if (!only_keys(item, item_keys) ||
		    !opt_str(item, "href", &action->href) ||
		    !opt_content(item, "text", "html", &action->content) ||
		    !opt_str(item, "visuallyHiddenText",
		             &action->visually_hidden_text) ||
		    !opt_str(item, "classes", &action->classes) ||
		    !opt_attributes(item, "attributes", action->attributes))
			return false;
	}
	a->items = *items;
	a->n_items = json_array_size(list);
	return true;
}

static bool render_summary_list(struct html *h, json_t *o)
{
	static const char *const keys[] = {"rows", "card", "classes",
	                                   "attributes", NULL};
	static const char *const row_keys[] = {"key", "value", "actions",
	                                       "classes", NULL};
	static const char *const part_keys[] = {"text", "html", "classes",
	                                        NULL};
	static const char *const card_keys[] = {"title", "actions", "classes",
	                                        "attributes", NULL};
	static const char *const title_keys[] = {"text", "html", "classes",
	                                         "headingLevel", NULL};
	struct govuk_summary_list p = {0};
	struct govuk_summary_card card = {0};
	struct govuk_summary_list_row *rows = NULL;
	struct govuk_summary_action **actions = NULL;
	json_t *list = json_object_get(o, "rows"), *row;
	json_t *jcard = json_object_get(o, "card"), *title;
	size_t i, n = 0, n_list;
	bool ok = false;

	if (!only_keys(o, keys) || !opt_str(o, "classes", &p.classes) ||
	    !opt_attributes(o, "attributes", p.attributes) ||
	    !json_is_array(list))
		return false;
	n_list = json_array_size(list);
	rows = calloc(n_list + 1, sizeof *rows);
	/* One action list per row, and one for the card. */
	actions = calloc(n_list + 2, sizeof *actions);
	assert_non_null(rows);
	assert_non_null(actions);
	json_array_foreach(list, i, row)
	{
		json_t *key = json_object_get(row, "key");
		json_t *value = json_object_get(row, "value");
		json_t *jactions = json_object_get(row, "actions");
		struct govuk_summary_list_row *r = &rows[n];

		/* The macro skips falsy rows; the C caller leaves them out. */
		if (json_is_null(row) || json_is_false(row) ||
		    (json_is_string(row) && json_string_length(row) == 0))
			continue;
		if (!only_keys(row, row_keys) ||
		    !opt_str(row, "classes", &r->classes) ||
		    (key && (!only_keys(key, part_keys) ||
		             !opt_content(key, "text", "html", &r->key) ||
		             !opt_str(key, "classes", &r->key_classes))) ||
		    (value &&
		     (!only_keys(value, part_keys) ||
		      !opt_content(value, "text", "html", &r->value) ||
		      !opt_str(value, "classes", &r->value_classes))) ||
		    (jactions &&
		     !summary_actions_of(jactions, &r->actions, &actions[i])))
			goto out;
		n++;
	}
	if (jcard) {
		json_t *jactions = json_object_get(jcard, "actions");
		title = json_object_get(jcard, "title");
		if (!only_keys(jcard, card_keys) ||
		    !opt_str(jcard, "classes", &card.classes) ||
		    !opt_attributes(jcard, "attributes", card.attributes) ||
		    (title &&
		     (!only_keys(title, title_keys) ||
		      !opt_content(title, "text", "html", &card.title) ||
		      !opt_str(title, "classes", &card.title_classes) ||
		      !opt_int(title, "headingLevel",
		               &card.title_heading_level))) ||
		    (jactions && !summary_actions_of(jactions, &card.actions,
		                                     &actions[n_list])))
			goto out;
		p.card = &card;
	}
	p.rows = rows;
	p.n_rows = n;
	govuk_summary_list(h, &p);
	ok = true;
out:
	for (i = 0; i < n_list + 1; i++)
		free(actions[i]);
	free(actions);
	free(rows);
	return ok;
}

static bool pagination_link_of(json_t *o, struct govuk_pagination_link *l)
{
	static const char *const keys[] = {"href",      "text",       "html",
	                                   "labelText", "attributes", NULL};

	return o == NULL ||
	       (only_keys(o, keys) && opt_str(o, "href", &l->href) &&
	        opt_content(o, "text", "html", &l->content) &&
	        opt_str(o, "labelText", &l->label_text) &&
	        opt_attributes(o, "attributes", l->attributes));
}

static bool render_pagination(struct html *h, json_t *o)
{
	static const char *const keys[] = {
	        "items",   "previous",   "next", "landmarkLabel",
	        "classes", "attributes", NULL};
	static const char *const item_keys[] = {
	        "number",  "href",     "visuallyHiddenText",
	        "current", "ellipsis", "attributes",
	        NULL};
	struct govuk_pagination p = {0};
	struct govuk_pagination_item *items = NULL;
	char(*numbers)[24] = NULL;
	json_t *list = json_object_get(o, "items"), *item;
	size_t i, n = 0;
	bool ok = false;

	if (!only_keys(o, keys) ||
	    !opt_str(o, "landmarkLabel", &p.landmark_label) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_attributes(o, "attributes", p.attributes) ||
	    !pagination_link_of(json_object_get(o, "previous"), &p.previous) ||
	    !pagination_link_of(json_object_get(o, "next"), &p.next) ||
	    (list && !json_is_array(list)))
		return false;
	items = calloc(json_array_size(list) + 1, sizeof *items);
	numbers = calloc(json_array_size(list) + 1, sizeof *numbers);
	assert_non_null(items);
	assert_non_null(numbers);
	json_array_foreach(list, i, item)
	{
		/* The macro skips null and empty items. */
		if (json_is_null(item) ||
		    (json_is_object(item) && json_object_size(item) == 0))
			continue;
		if (!only_keys(item, item_keys) ||
		    !opt_str_or_int(item, "number", &items[n].number,
		                    &numbers[n]) ||
		    !opt_str(item, "href", &items[n].href) ||
		    !opt_str(item, "visuallyHiddenText",
		             &items[n].visually_hidden_text) ||
		    !opt_bool(item, "current", &items[n].current) ||
		    !opt_bool(item, "ellipsis", &items[n].ellipsis) ||
		    !opt_attributes(item, "attributes", items[n].attributes))
			goto out;
		n++;
	}
	p.items = items;
	p.n_items = n;
	govuk_pagination(h, &p);
	ok = true;
out:
	free(numbers);
	free(items);
	return ok;
}

/* ---- header, service navigation, footer ---- */

/*
 * The crown and GOV.UK logotype are for GOV.UK alone: where a fixture has
 * the logo's <svg>, masa writes its text logotype, so the comparison puts
 * a text logotype with the SVG's own <title> ("GOV.UK") in its place.
 */
static char *edit_header(const char *want)
{
	struct buf out;
	const char *svg, *end, *title, *title_end;

	buf_init(&out, 1 << 20);
	while ((svg = strstr(want, "<svg")) != NULL) {
		end = strstr(svg, "</svg>");
		title = strstr(svg, "<title>");
		assert_non_null(end);
		assert_non_null(title);
		title += strlen("<title>");
		title_end = strstr(title, "</title>");
		assert_non_null(title_end);
		assert_true(title_end < end);
		(void)buf_append(&out, want, (size_t)(svg - want), NULL);
		(void)buf_puts(&out, "<span class=\"govuk-header__logotype\">",
		               NULL);
		(void)buf_append(&out, title, (size_t)(title_end - title),
		                 NULL);
		(void)buf_puts(&out, "</span>", NULL);
		want = end + strlen("</svg>");
	}
	(void)buf_puts(&out, want, NULL);
	{
		char *copy = strdup(buf_str(&out));
		buf_free(&out);
		return copy;
	}
}

/* Everything from the first `open` to the next `close`, removed. */
static char *remove_between(const char *s, const char *open, const char *close)
{
	struct buf out;
	const char *start, *end;

	buf_init(&out, 1 << 20);
	while ((start = strstr(s, open)) != NULL) {
		end = strstr(start, close);
		assert_non_null(end);
		(void)buf_append(&out, s, (size_t)(start - s), NULL);
		s = end + strlen(close);
	}
	(void)buf_puts(&out, s, NULL);
	{
		char *copy = strdup(buf_str(&out));
		buf_free(&out);
		return copy;
	}
}

/*
 * masa's footer has no crown (the rebranded footer's), no licence logo and
 * no Crown copyright link with its crest: the comparison removes every
 * <svg> and the copyright item from the fixture.
 */
static char *edit_footer(const char *want)
{
	char *no_svg = remove_between(want, "<svg", "</svg>");
	char *edited = remove_between(
	        no_svg, "<div class=\"govuk-footer__meta-item\">", "</div>");

	free(no_svg);
	return edited;
}

static bool render_header(struct html *h, json_t *o)
{
	/* rebrand and useTudorCrown choose the logo masa replaces. */
	static const char *const keys[] = {
	        "homepageUrl",      "productName",    "serviceName",
	        "serviceUrl",       "navigation",     "navigationClasses",
	        "navigationLabel",  "menuButtonText", "menuButtonLabel",
	        "containerClasses", "classes",        "attributes",
	        "rebrand",          "useTudorCrown",  NULL};
	static const char *const item_keys[] = {"text",   "html",       "href",
	                                        "active", "attributes", NULL};
	struct govuk_header p = {.logotype = "GOV.UK"};
	struct govuk_header_item *items = NULL;
	json_t *list = json_object_get(o, "navigation"), *item;
	size_t i;
	bool ok = false;

	if (!only_keys(o, keys) ||
	    !opt_str(o, "homepageUrl", &p.homepage_url) ||
	    !opt_str(o, "productName", &p.product_name) ||
	    !opt_str(o, "serviceName", &p.service_name) ||
	    !opt_str(o, "serviceUrl", &p.service_url) ||
	    !opt_str(o, "navigationClasses", &p.navigation_classes) ||
	    !opt_str(o, "navigationLabel", &p.navigation_label) ||
	    !opt_str(o, "menuButtonText", &p.menu_button_text) ||
	    !opt_str(o, "menuButtonLabel", &p.menu_button_label) ||
	    !opt_str(o, "containerClasses", &p.container_classes) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_attributes(o, "attributes", p.attributes) ||
	    (list && !json_is_array(list)))
		return false;
	items = calloc(json_array_size(list) + 1, sizeof *items);
	assert_non_null(items);
	json_array_foreach(list, i, item)
	{
		if (!only_keys(item, item_keys) ||
		    !opt_content(item, "text", "html", &items[i].content) ||
		    !opt_str(item, "href", &items[i].href) ||
		    !opt_bool(item, "active", &items[i].active) ||
		    !opt_attributes(item, "attributes", items[i].attributes))
			goto out;
	}
	p.navigation = items;
	p.n_navigation = json_array_size(list);
	govuk_header(h, &p);
	ok = true;
out:
	free(items);
	return ok;
}

static bool render_service_navigation(struct html *h, json_t *o)
{
	static const char *const keys[] = {"serviceName",
	                                   "serviceUrl",
	                                   "navigation",
	                                   "collapseNavigationOnMobile",
	                                   "navigationId",
	                                   "navigationLabel",
	                                   "navigationClasses",
	                                   "menuButtonText",
	                                   "menuButtonLabel",
	                                   "ariaLabel",
	                                   "slots",
	                                   "classes",
	                                   "attributes",
	                                   NULL};
	static const char *const item_keys[] = {
	        "text",    "html",       "href", "active",
	        "current", "attributes", NULL};
	static const char *const slot_keys[] = {
	        "start", "end", "navigationStart", "navigationEnd", NULL};
	struct govuk_service_navigation p = {0};
	struct govuk_service_navigation_item *items = NULL;
	json_t *list = json_object_get(o, "navigation"), *item;
	json_t *slots = json_object_get(o, "slots");
	size_t i, n = 0;
	bool ok = false;

	if (!only_keys(o, keys) ||
	    !opt_str(o, "serviceName", &p.service_name) ||
	    !opt_str(o, "serviceUrl", &p.service_url) ||
	    !opt_flag(o, "collapseNavigationOnMobile",
	              &p.collapse_navigation_on_mobile) ||
	    !opt_str(o, "navigationId", &p.navigation_id) ||
	    !opt_str(o, "navigationLabel", &p.navigation_label) ||
	    !opt_str(o, "navigationClasses", &p.navigation_classes) ||
	    !opt_str(o, "menuButtonText", &p.menu_button_text) ||
	    !opt_str(o, "menuButtonLabel", &p.menu_button_label) ||
	    !opt_str(o, "ariaLabel", &p.aria_label) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_attributes(o, "attributes", p.attributes) ||
	    (list && !json_is_array(list)))
		return false;
	if (slots &&
	    (!only_keys(slots, slot_keys) ||
	     !opt_content(slots, "", "start", &p.slot_start) ||
	     !opt_content(slots, "", "end", &p.slot_end) ||
	     !opt_content(slots, "", "navigationStart",
	                  &p.slot_navigation_start) ||
	     !opt_content(slots, "", "navigationEnd", &p.slot_navigation_end)))
		return false;
	items = calloc(json_array_size(list) + 1, sizeof *items);
	assert_non_null(items);
	json_array_foreach(list, i, item)
	{
		/* The macro drops falsy items; the C caller leaves them out. */
		if (json_is_null(item) || json_is_false(item) ||
		    (json_is_string(item) && json_string_length(item) == 0))
			continue;
		if (!only_keys(item, item_keys) ||
		    !opt_content(item, "text", "html", &items[n].content) ||
		    !opt_str(item, "href", &items[n].href) ||
		    !opt_bool(item, "active", &items[n].active) ||
		    !opt_bool(item, "current", &items[n].current) ||
		    !opt_attributes(item, "attributes", items[n].attributes))
			goto out;
		n++;
	}
	p.navigation = items;
	p.n_navigation = n;
	govuk_service_navigation(h, &p);
	ok = true;
out:
	free(items);
	return ok;
}

static bool footer_link_of(json_t *o, struct govuk_footer_link *link)
{
	static const char *const keys[] = {"href", "text", "attributes", NULL};

	return only_keys(o, keys) && opt_str(o, "href", &link->href) &&
	       opt_str(o, "text", &link->text) &&
	       opt_attributes(o, "attributes", link->attributes);
}

/* The macro's own licence wording, which masa does not default to. */
static const char open_government_licence[] =
        "All content is available under the <a class=\"govuk-footer__link\" "
        "href=\"https://www.nationalarchives.gov.uk/doc/"
        "open-government-licence/version/3/\" rel=\"license\">Open "
        "Government Licence v3.0</a>, except where otherwise stated";

static bool render_footer(struct html *h, json_t *o)
{
	/* copyright and rebrand set only what edit_footer removes. */
	static const char *const keys[] = {
	        "navigation",       "meta",    "contentLicence",
	        "containerClasses", "classes", "attributes",
	        "copyright",        "rebrand", NULL};
	static const char *const section_keys[] = {"title", "width", "columns",
	                                           "items", NULL};
	static const char *const meta_keys[] = {"visuallyHiddenTitle", "items",
	                                        "text", "html", NULL};
	static const char *const licence_keys[] = {"text", "html", NULL};
	struct govuk_footer p = {0};
	struct govuk_footer_meta meta = {0};
	struct govuk_content licence = {0};
	struct govuk_footer_section *sections = NULL;
	struct govuk_footer_link **links = NULL, *meta_links = NULL;
	json_t *list = json_object_get(o, "navigation"), *section, *item;
	json_t *jmeta = json_object_get(o, "meta"), *meta_items;
	json_t *jlicence = json_object_get(o, "contentLicence");
	size_t i, j, n_sections;
	bool ok = false;

	if (!only_keys(o, keys) ||
	    !opt_str(o, "containerClasses", &p.container_classes) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_attributes(o, "attributes", p.attributes) ||
	    (list && !json_is_array(list)))
		return false;
	if (jlicence == NULL ||
	    (json_is_object(jlicence) && !json_object_get(jlicence, "text") &&
	     !json_object_get(jlicence, "html"))) {
		licence.write = write_fixture_html;
		licence.arg = open_government_licence;
		p.content_licence = &licence;
	} else if (!json_is_null(jlicence)) {
		if (!only_keys(jlicence, licence_keys) ||
		    !opt_content(jlicence, "text", "html", &licence))
			return false;
		p.content_licence = &licence;
	}
	n_sections = json_array_size(list);
	sections = calloc(n_sections + 1, sizeof *sections);
	links = calloc(n_sections + 1, sizeof *links);
	assert_non_null(sections);
	assert_non_null(links);
	json_array_foreach(list, i, section)
	{
		json_t *items = json_object_get(section, "items");
		if (!only_keys(section, section_keys) ||
		    !opt_str(section, "title", &sections[i].title) ||
		    !opt_str(section, "width", &sections[i].width) ||
		    !opt_int(section, "columns", &sections[i].columns) ||
		    (items && !json_is_array(items)))
			goto out;
		links[i] = calloc(json_array_size(items) + 1, sizeof **links);
		assert_non_null(links[i]);
		json_array_foreach(items, j, item)
		{
			if (!footer_link_of(item, &links[i][j]))
				goto out;
		}
		sections[i].items = links[i];
		sections[i].n_items = json_array_size(items);
	}
	if (jmeta) {
		meta_items = json_object_get(jmeta, "items");
		if (!only_keys(jmeta, meta_keys) ||
		    !opt_str(jmeta, "visuallyHiddenTitle",
		             &meta.visually_hidden_title) ||
		    !opt_content(jmeta, "text", "html", &meta.content) ||
		    (meta_items && !json_is_array(meta_items)))
			goto out;
		meta_links = calloc(json_array_size(meta_items) + 1,
		                    sizeof *meta_links);
		assert_non_null(meta_links);
		json_array_foreach(meta_items, j, item)
		{
			if (!footer_link_of(item, &meta_links[j]))
				goto out;
		}
		meta.items = meta_links;
		meta.n_items = json_array_size(meta_items);
		p.meta = &meta;
	}
	p.navigation = sections;
	p.n_navigation = n_sections;
	govuk_footer(h, &p);
	ok = true;
out:
	for (i = 0; i < n_sections; i++)
		free(links[i]);
	free(links);
	free(meta_links);
	free(sections);
	return ok;
}

static bool render_panel(struct html *h, json_t *o)
{
	static const char *const keys[] = {
	        "titleText", "titleHtml", "headingLevel", "text",
	        "html",      "classes",   "attributes",   NULL};
	struct govuk_panel p = {0};

	if (!only_keys(o, keys) ||
	    !opt_content(o, "titleText", "titleHtml", &p.title) ||
	    !opt_int(o, "headingLevel", &p.heading_level) ||
	    !opt_content(o, "text", "html", &p.content) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_attributes(o, "attributes", p.attributes))
		return false;
	govuk_panel(h, &p);
	return true;
}

/*
 * The macro writes an item's classes after "govuk-date-input__input " even
 * when there are none, leaving a trailing space in the class list; masa
 * does not, and a class list is the same set either way.
 */
static char *edit_date_input(const char *want)
{
	static const char spaced[] = "govuk-date-input__input \"";
	struct buf out;
	const char *at;

	buf_init(&out, 1 << 20);
	while ((at = strstr(want, spaced)) != NULL) {
		(void)buf_append(&out, want, (size_t)(at - want), NULL);
		(void)buf_puts(&out, "govuk-date-input__input\"", NULL);
		want = at + strlen(spaced);
	}
	(void)buf_puts(&out, want, NULL);
	{
		char *copy = strdup(buf_str(&out));
		buf_free(&out);
		return copy;
	}
}

static bool render_date_input(struct html *h, json_t *o)
{
	static const char *const keys[] = {
	        "id",           "namePrefix", "items",   "fieldset",   "hint",
	        "errorMessage", "formGroup",  "classes", "attributes", NULL};
	static const char *const item_keys[] = {
	        "id",           "name",    "label",   "value",      "inputmode",
	        "autocomplete", "pattern", "classes", "attributes", NULL};
	struct govuk_date_input p = {0};
	struct frame_parts f = {0};
	struct govuk_date_input_item *items = NULL;
	char(*numbers)[24] = NULL;
	json_t *list = json_object_get(o, "items"), *item;
	size_t i;
	bool ok = false;

	if (!only_keys(o, keys) || !group_frame_of(o, &f) ||
	    !opt_str(o, "id", &p.id) ||
	    !opt_str(o, "namePrefix", &p.name_prefix) ||
	    !opt_str(o, "classes", &p.classes) ||
	    !opt_attributes(o, "attributes", p.attributes) ||
	    (list && !json_is_array(list)))
		return false;
	items = calloc(json_array_size(list) + 1, sizeof *items);
	numbers = calloc(json_array_size(list) + 1, sizeof *numbers);
	assert_non_null(items);
	assert_non_null(numbers);
	json_array_foreach(list, i, item)
	{
		struct govuk_date_input_item *d = &items[i];
		if (!only_keys(item, item_keys) ||
		    !opt_str(item, "id", &d->id) ||
		    !opt_str(item, "name", &d->name) ||
		    !opt_str(item, "label", &d->label) ||
		    !opt_str_or_int(item, "value", &d->value, &numbers[i]) ||
		    !opt_str(item, "inputmode", &d->inputmode) ||
		    !opt_str(item, "autocomplete", &d->autocomplete) ||
		    !opt_str(item, "pattern", &d->pattern) ||
		    !opt_str(item, "classes", &d->classes) ||
		    !opt_attributes(item, "attributes", d->attributes))
			goto out;
	}
	p.frame = f.frame;
	p.items = items;
	p.n_items = json_array_size(list);
	govuk_date_input(h, &p);
	ok = true;
out:
	free(numbers);
	free(items);
	return ok;
}

/* ---- one test per component ---- */

#define COMPONENT_TEST(fn, name, at_least)                       \
	static void test_##fn(void **state)                      \
	{                                                        \
		(void)state;                                     \
		run_fixtures(name, render_##fn, at_least, NULL); \
	}

#define COMPONENT_TEST_EDITED(fn, name, at_least)                     \
	static void test_##fn(void **state)                           \
	{                                                             \
		(void)state;                                          \
		run_fixtures(name, render_##fn, at_least, edit_##fn); \
	}

COMPONENT_TEST(tag, "tag", 13)
COMPONENT_TEST(back_link, "back-link", 7)
COMPONENT_TEST(skip_link, "skip-link", 9)
COMPONENT_TEST(inset_text, "inset-text", 6)
COMPONENT_TEST(warning_text, "warning-text", 8)
COMPONENT_TEST(details, "details", 10)
COMPONENT_TEST(hint, "hint", 6)
COMPONENT_TEST(label, "label", 17)
COMPONENT_TEST(error_message, "error-message", 9)
COMPONENT_TEST(fieldset, "fieldset", 18)
COMPONENT_TEST(phase_banner, "phase-banner", 7)
COMPONENT_TEST(breadcrumbs, "breadcrumbs", 12)
COMPONENT_TEST(button, "button", 25)
COMPONENT_TEST(input, "input", 30)
COMPONENT_TEST(textarea, "textarea", 18)
COMPONENT_TEST(select, "select", 15)
COMPONENT_TEST(error_summary, "error-summary", 19)
COMPONENT_TEST(notification_banner, "notification-banner", 20)
COMPONENT_TEST(table, "table", 20)
COMPONENT_TEST(radios, "radios", 42)
COMPONENT_TEST(checkboxes, "checkboxes", 41)
COMPONENT_TEST(summary_list, "summary-list", 30)
COMPONENT_TEST(pagination, "pagination", 15)
COMPONENT_TEST_EDITED(header, "header", 27)
COMPONENT_TEST(service_navigation, "service-navigation", 30)
COMPONENT_TEST_EDITED(footer, "footer", 26)
COMPONENT_TEST(panel, "panel", 9)
COMPONENT_TEST_EDITED(date_input, "date-input", 26)

/*
 * What the fixtures cannot show: masa's header and footer carry no SVG
 * (no crown, no crest), the header's logotype is text, and every href the
 * new components write passes the writer's URL check.
 */
static void test_no_crown_and_urls_checked(void **state)
{
	static const char bad[] = "javascript:alert(1)";
	const struct govuk_header_item header_item = {.content = {.text = "A"},
	                                              .href = bad};
	const struct govuk_service_navigation_item nav_item = {
	        .content = {.text = "Actions"}, .href = bad, .current = true};
	const struct govuk_footer_link link = {.href = bad, .text = "Help"};
	const struct govuk_footer_meta meta = {.items = &link, .n_items = 1};
	const struct govuk_footer_section section = {
	        .title = "More", .items = &link, .n_items = 1};
	const struct govuk_summary_action action = {
	        .href = bad, .content = {.text = "Change"}};
	const struct govuk_summary_list_row row = {
	        .key = {.text = "Chair"},
	        .value = {.text = "<b>"},
	        .actions = {.items = &action, .n_items = 1}};
	const struct govuk_pagination_item page = {.number = "2", .href = bad};
	struct html h;
	const char *out;
	size_t len;
	struct masa_error err = {0};

	(void)state;
	html_init(&h, 1 << 16);
	govuk_header(&h, &(struct govuk_header){.homepage_url = bad,
	                                        .logotype = "masa",
	                                        .service_name = "Meetings",
	                                        .service_url = bad,
	                                        .navigation = &header_item,
	                                        .n_navigation = 1});
	govuk_service_navigation(
	        &h, &(struct govuk_service_navigation){.service_name = "masa",
	                                               .service_url = bad,
	                                               .navigation = &nav_item,
	                                               .n_navigation = 1});
	govuk_summary_list(
	        &h, &(struct govuk_summary_list){.rows = &row, .n_rows = 1});
	govuk_pagination(&h,
	                 &(struct govuk_pagination){.items = &page,
	                                            .n_items = 1,
	                                            .previous = {.href = bad},
	                                            .next = {.href = bad}});
	govuk_footer(&h, &(struct govuk_footer){.navigation = &section,
	                                        .n_navigation = 1,
	                                        .meta = &meta});
	assert_int_equal(html_finish(&h, &out, &len, &err), MASA_OK);
	assert_null(strstr(out, "javascript"));
	assert_non_null(strstr(out, "<span class=\"govuk-header__logotype\">"
	                            "masa</span>"));
	assert_non_null(strstr(out, "&lt;b&gt;"));
	assert_null(strstr(out, "<svg class=\"govuk-header"));
	assert_null(strstr(out, "govuk-footer__copyright-logo"));
	assert_null(strstr(out, "govuk-footer__licence-logo"));
	assert_null(strstr(out, "govuk-footer__crown"));
	assert_null(strstr(out, "Crown"));
	html_free(&h);
}

/* The date fields: read as GOV.UK's date input pattern says. */
static void test_date_read(void **state)
{
	char iso[11], message[GOVUK_DATE_MESSAGE_SIZE];
	struct govuk_date_typed t;

	(void)state;
	t = (struct govuk_date_typed){"31", "12", "2014"};
	assert_true(govuk_date_read(&t, "Due date", true, iso, message));
	assert_string_equal(iso, "2014-12-31");
	t = (struct govuk_date_typed){" 1", "2 ", "2016"};
	assert_true(govuk_date_read(&t, "Due date", true, iso, message));
	assert_string_equal(iso, "2016-02-01");
	t = (struct govuk_date_typed){"29", "2", "2016"}; /* a leap day */
	assert_true(govuk_date_read(&t, "Due date", true, iso, message));
	t = (struct govuk_date_typed){"29", "2", "2015"};
	assert_false(govuk_date_read(&t, "Due date", true, iso, message));
	assert_string_equal(message, "Due date must be a real date");
	assert_string_equal(iso, "");
	t = (struct govuk_date_typed){"32", "1", "2015"};
	assert_false(govuk_date_read(&t, "Due date", true, iso, message));
	t = (struct govuk_date_typed){"1", "13", "2015"};
	assert_false(govuk_date_read(&t, "Due date", true, iso, message));
	t = (struct govuk_date_typed){"1", "1", "15"};
	assert_false(govuk_date_read(&t, "Due date", true, iso, message));
	assert_string_equal(message, "Due date must have a year of four "
	                             "numbers, such as 2014");
	t = (struct govuk_date_typed){"1", "1", "1899"};
	assert_false(govuk_date_read(&t, "Due date", true, iso, message));
	t = (struct govuk_date_typed){"1", "1", "1900"};
	assert_true(govuk_date_read(&t, "Due date", true, iso, message));
	t = (struct govuk_date_typed){"1st", "1", "2015"};
	assert_false(govuk_date_read(&t, "Due date", true, iso, message));
	assert_string_equal(
	        message,
	        "Due date must be a real date, in numbers: 31 12 2014");
	t = (struct govuk_date_typed){"123", "1", "2015"};
	assert_false(govuk_date_read(&t, "Due date", true, iso, message));
	t = (struct govuk_date_typed){NULL, "3", ""};
	assert_false(govuk_date_read(&t, "Due date", true, iso, message));
	assert_string_equal(message, "Due date must include a day and a year");
	t = (struct govuk_date_typed){"1", "3", NULL};
	assert_false(govuk_date_read(&t, "Due date", true, iso, message));
	assert_string_equal(message, "Due date must include a year");
	t = (struct govuk_date_typed){NULL, NULL, NULL};
	assert_true(govuk_date_read(&t, "Due date", false, iso, message));
	assert_string_equal(iso, "");
	assert_false(govuk_date_read(&t, "Due date", true, iso, message));
	assert_string_equal(message, "Enter due date");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_tag),
	        cmocka_unit_test(test_back_link),
	        cmocka_unit_test(test_skip_link),
	        cmocka_unit_test(test_inset_text),
	        cmocka_unit_test(test_warning_text),
	        cmocka_unit_test(test_details),
	        cmocka_unit_test(test_hint),
	        cmocka_unit_test(test_label),
	        cmocka_unit_test(test_error_message),
	        cmocka_unit_test(test_fieldset),
	        cmocka_unit_test(test_phase_banner),
	        cmocka_unit_test(test_breadcrumbs),
	        cmocka_unit_test(test_button),
	        cmocka_unit_test(test_input),
	        cmocka_unit_test(test_textarea),
	        cmocka_unit_test(test_select),
	        cmocka_unit_test(test_error_summary),
	        cmocka_unit_test(test_notification_banner),
	        cmocka_unit_test(test_table),
	        cmocka_unit_test(test_date_read),
	        cmocka_unit_test(test_radios),
	        cmocka_unit_test(test_checkboxes),
	        cmocka_unit_test(test_summary_list),
	        cmocka_unit_test(test_pagination),
	        cmocka_unit_test(test_header),
	        cmocka_unit_test(test_service_navigation),
	        cmocka_unit_test(test_footer),
	        cmocka_unit_test(test_panel),
	        cmocka_unit_test(test_date_input),
	        cmocka_unit_test(test_no_crown_and_urls_checked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
