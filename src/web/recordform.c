/*
 * recordform: a record's GOV.UK form from its declaration (see
 * recordform.h).
 */
#include "web/recordform.h"

#include <stdio.h>
#include <string.h>

#include "web/govuk.h"

void recordform_init(struct recordform *f, const struct record_kind *k,
                     void *rec, int64_t partnership_id,
                     const char *const *slugs)
{
	memset(f, 0, sizeof *f);
	f->kind = k;
	f->rec = rec;
	f->partnership_id = partnership_id;
	if (slugs != NULL) {
		for (size_t i = 0;
		     slugs[i] && f->nfields < RECORDFORM_MAX_FIELDS; i++) {
			const struct record_field *field =
			        record_field_by_slug(k, slugs[i]);
			if (field != NULL)
				f->own[f->nfields++] = *field;
		}
	} else {
		for (size_t i = 0;
		     i < k->nfields && f->nfields < RECORDFORM_MAX_FIELDS; i++)
			if (k->fields[i].input != RECORD_INPUT_NONE)
				f->own[f->nfields++] = k->fields[i];
	}
}

/* The place of the field whose slug is slug in f, or f->nfields. */
static size_t place_of(const struct recordform *f, struct arena *a,
                       const char *slug)
{
	size_t i;

	for (i = 0; i < f->nfields; i++)
		if (strcmp(record_field_slug(a, &f->own[i]), slug) == 0)
			break;
	return i;
}

void recordform_relabel(struct recordform *f, const char *slug,
                        const char *label, const char *hint)
{
	struct arena a = ARENA_INIT;
	size_t i = place_of(f, &a, slug);

	if (i < f->nfields) {
		f->own[i].label = label;
		f->own[i].hint = hint;
	}
	arena_free(&a);
}

static void add_error(struct recordform *f, const struct record_field *field,
                      struct arena *a, const char *message)
{
	if (f->nerrors == RECORDFORM_MAX_ERRORS)
		return;
	f->errors[f->nerrors++] = (struct recordform_error){
	        .field = field, .message = arena_strdup(a, message)};
}

/* A number of at most 4 digits, or -1. */
static int small(const char *s)
{
	int n = 0;

	if (s == NULL || *s == '\0' || strlen(s) > 4)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		n = n * 10 + (*s - '0');
	}
	return n;
}

/*
 * The date typed in the boxes slug-day, -month and -year as YYYY-MM-DD
 * (the domain checks that it is a real date), NULL when all are empty;
 * *why says what is missing or not a number.
 */
static const char *read_date(struct http_request *req, const char *slug,
                             const char *label, const char **why)
{
	struct arena *a = &req->arena;
	const char *d =
	        http_param_row(req, "f-*", arena_printf(a, "%s-day", slug));
	const char *m =
	        http_param_row(req, "f-*", arena_printf(a, "%s-month", slug));
	const char *y =
	        http_param_row(req, "f-*", arena_printf(a, "%s-year", slug));
	int day = small(d), month = small(m), year = small(y);

	*why = NULL;
	if (d == NULL && m == NULL && y == NULL)
		return NULL;
	if (d == NULL || m == NULL || y == NULL) {
		*why = arena_printf(a,
		                    "%s: must include a day, a month and a "
		                    "year",
		                    label);
		return NULL;
	}
	if (day < 1 || month < 1 || year < 1000) {
		*why = arena_printf(a,
		                    "%s: must be a real date, in numbers "
		                    "such as 27 3 2015",
		                    label);
		return NULL;
	}
	return arena_printf(a, "%04d-%02d-%02d", year, month, day);
}

bool recordform_read(struct http_request *req, struct recordform *f)
{
	struct arena *a = &req->arena;

	for (size_t i = 0; i < f->nfields; i++) {
		const struct record_field *field = &f->own[i];
		const char *slug = record_field_slug(a, field);
		const char *text, *why = NULL;
		struct masa_error err = {0};

		if (field->input == RECORD_INPUT_DATE) {
			text = read_date(req, slug, field->label, &why);
			/* shown again in its three boxes */
			f->typed[i] = "";
		} else {
			text = http_param_row(req, "f-*", slug);
			f->typed[i] = text ? text : "";
		}
		if (why != NULL)
			add_error(f, field, a, why);
		else if (record_field_set_text(&req->gov, field,
		                               f->partnership_id, f->rec, text,
		                               a, &err) != MASA_OK)
			add_error(f, field, a, err.message);
	}
	return f->nerrors == 0;
}

void recordform_error(struct recordform *f, const struct masa_error *err)
{
	const struct record_field *field = NULL;

	for (size_t i = 0; i < f->nfields && field == NULL; i++) {
		size_t len = strlen(f->own[i].label ? f->own[i].label : "");
		if (len > 0 &&
		    strncmp(err->message, f->own[i].label, len) == 0 &&
		    err->message[len] == ':')
			field = &f->own[i];
	}
	if (f->nerrors < RECORDFORM_MAX_ERRORS)
		f->errors[f->nerrors++] = (struct recordform_error){
		        .field = field, .message = err->message};
}

/* The id of the control an error about field links to. */
static const char *control_id(struct arena *a, const struct record_field *f)
{
	const char *slug = record_field_slug(a, f);

	if (f->input == RECORD_INPUT_DATE)
		return arena_printf(a, "f-%s-day", slug);
	return arena_printf(a, "f-%s", slug);
}

void recordform_write_summary(struct html *h, struct http_request *req,
                              const struct recordform *f)
{
	struct govuk_error_summary_item *items;

	if (f->nerrors == 0)
		return;
	items = arena_alloc(&req->arena, f->nerrors * sizeof *items);
	for (size_t i = 0; i < f->nerrors; i++)
		items[i] = (struct govuk_error_summary_item){
		        .href = f->errors[i].field
		                        ? arena_printf(
		                                  &req->arena, "#%s",
		                                  control_id(
		                                          &req->arena,
		                                          f->errors[i].field))
		                        : NULL,
		        .content.text = f->errors[i].message};
	govuk_error_summary(h, &(struct govuk_error_summary){
	                               .title.text = "There is a problem",
	                               .error_list = items,
	                               .n_errors = f->nerrors});
}

/* The error message beside field, or NULL. */
static const struct govuk_error_message *
error_of(struct arena *a, const struct recordform *f,
         const struct record_field *field)
{
	for (size_t i = 0; i < f->nerrors; i++)
		if (f->errors[i].field == field) {
			struct govuk_error_message *m =
			        arena_alloc(a, sizeof *m);
			m->content.text = f->errors[i].message;
			return m;
		}
	return NULL;
}

static const struct govuk_hint *hint_of(struct arena *a,
                                        const struct record_field *field)
{
	struct govuk_hint *hint;

	if (field->hint == NULL)
		return NULL;
	hint = arena_alloc(a, sizeof *hint);
	hint->content.text = field->hint;
	return hint;
}

/* The day, month and year of iso ("2014-12-04"), or "" each. */
static void date_parts(struct arena *a, const char *iso, const char **d,
                       const char **m, const char **y)
{
	*d = *m = *y = "";
	if (iso == NULL || strlen(iso) != 10)
		return;
	*y = arena_strndup(a, iso, 4);
	*m = arena_printf(a, "%d", small(arena_strndup(a, iso + 5, 2)));
	*d = arena_printf(a, "%d", small(arena_strndup(a, iso + 8, 2)));
}

static void write_date(struct html *h, struct http_request *req,
                       const struct record_field *field, const char *slug,
                       const char *value, bool typed,
                       const struct govuk_field *common)
{
	struct arena *a = &req->arena;
	const char *d, *m, *y;
	const char *id = arena_printf(a, "f-%s", slug);
	bool bad = common->error_message != NULL;

	if (typed) { /* the boxes as they were posted */
		d = http_param_row(req, "f-*", arena_printf(a, "%s-day", slug));
		m = http_param_row(req, "f-*",
		                   arena_printf(a, "%s-month", slug));
		y = http_param_row(req, "f-*",
		                   arena_printf(a, "%s-year", slug));
	} else {
		date_parts(a, value, &d, &m, &y);
	}
	const char *two = bad ? "govuk-input--width-2 govuk-input--error"
	                      : "govuk-input--width-2";
	const char *four = bad ? "govuk-input--width-4 govuk-input--error"
	                       : "govuk-input--width-4";
	struct govuk_date_input_item items[] = {
	        {.name = "day", .label = "Day", .value = d, .classes = two},
	        {.name = "month", .label = "Month", .value = m, .classes = two},
	        {.name = "year", .label = "Year", .value = y, .classes = four},
	};
	govuk_date_input(
	        h,
	        &(struct govuk_date_input){
	                .id = id,
	                .name_prefix = id,
	                .items = items,
	                .n_items = 3,
	                .frame = {
	                        .fieldset =
	                                &(struct govuk_fieldset){
	                                        .legend = {.content.text =
	                                                           field->label,
	                                                   .classes =
	                                                           "govuk-"
	                                                           "fieldset__"
	                                                           "legend--s"},
	                                        .role = "group"},
	                        .hint = common->hint,
	                        .error_message = common->error_message}});
}

static void write_choice(struct html *h, struct http_request *req,
                         const struct recordform *f,
                         const struct record_field *field, const char *slug,
                         const char *value, const struct govuk_field *common)
{
	struct arena *a = &req->arena;
	const char *const *values = field->choices;
	const char *const *labels = field->choice_labels;
	const char **keys = NULL, **names = NULL;
	size_t n = 0;

	if (field->input == RECORD_INPUT_REF) {
		struct masa_error err = {0};
		if (record_ref_choices(&req->gov, field->ref, f->partnership_id,
		                       a, &keys, &names, &n, &err) != MASA_OK)
			n = 0;
	} else {
		while (values && values[n])
			n++;
	}
	if (field->input == RECORD_INPUT_CHOICE && field->required && n <= 6) {
		struct govuk_choice_item *items =
		        arena_alloc(a, n * sizeof *items);
		for (size_t i = 0; i < n; i++)
			items[i] = (struct govuk_choice_item){
			        .value = values[i],
			        .content.text = labels ? labels[i] : values[i]};
		govuk_radios(
		        h,
		        &(struct govuk_radios){
		                .id_prefix = arena_printf(a, "f-%s", slug),
		                .name = arena_printf(a, "f-%s", slug),
		                .items = items,
		                .n_items = n,
		                .value = value,
		                .frame = {
		                        .fieldset =
		                                &(struct govuk_fieldset){
		                                        .legend =
		                                                {.content.text =
		                                                         field->label,
		                                                 .classes =
		                                                         "govuk"
		                                                         "-fiel"
		                                                         "dset_"
		                                                         "_lege"
		                                                         "nd--"
		                                                         "s"}},
		                        .hint = common->hint,
		                        .error_message =
		                                common->error_message}});
		return;
	}
	struct govuk_select_item *items =
	        arena_alloc(a, (n + 1) * sizeof *items);
	items[0] = (struct govuk_select_item){
	        .value = "", .text = field->required ? "Choose one" : "None"};
	for (size_t i = 0; i < n; i++)
		items[i + 1] = (struct govuk_select_item){
		        .value = keys ? keys[i] : values[i],
		        .text = keys     ? names[i]
		                : labels ? labels[i]
		                         : values[i]};
	govuk_select(
	        h, &(struct govuk_select){.name = arena_printf(a, "f-%s", slug),
	                                  .items = items,
	                                  .n_items = n + 1,
	                                  .value = value,
	                                  .field = *common});
}

static void write_yesno(struct html *h, struct http_request *req,
                        const struct record_field *field, const char *slug,
                        const char *value, const struct govuk_field *common)
{
	struct arena *a = &req->arena;
	static const struct govuk_choice_item items[] = {
	        {.value = "yes", .content.text = "Yes"},
	        {.value = "no", .content.text = "No"},
	};

	govuk_radios(
	        h,
	        &(struct govuk_radios){
	                .id_prefix = arena_printf(a, "f-%s", slug),
	                .name = arena_printf(a, "f-%s", slug),
	                .items = items,
	                .n_items = 2,
	                .value = value,
	                .classes = "govuk-radios--inline",
	                .frame = {
	                        .fieldset =
	                                &(struct govuk_fieldset){
	                                        .legend =
	                                                {.content.text =
	                                                         field->label,
	                                                 .classes =
	                                                         "govuk-"
	                                                         "fieldset__"
	                                                         "legend--s"}},
	                        .hint = common->hint,
	                        .error_message = common->error_message}});
}

void recordform_write_fields(struct html *h, struct http_request *req,
                             const struct recordform *f)
{
	struct arena *a = &req->arena;

	for (size_t i = 0; i < f->nfields; i++) {
		const struct record_field *field = &f->own[i];
		const char *slug = record_field_slug(a, field);
		const char *name = arena_printf(a, "f-%s", slug);
		const char *value = f->typed[i];
		struct masa_error err = {0};
		struct govuk_field common = {
		        .label = {.content.text = field->label,
		                  .classes = "govuk-label--s"},
		        .hint = hint_of(a, field),
		        .error_message = error_of(a, f, field),
		};

		if (value == NULL &&
		    record_field_text(&req->gov, field, f->rec, a, &value,
		                      &err) != MASA_OK)
			value = "";
		switch (field->input) {
		case RECORD_INPUT_DATE:
			write_date(h, req, field, slug, value,
			           f->typed[i] != NULL, &common);
			break;
		case RECORD_INPUT_CHOICE:
		case RECORD_INPUT_REF:
			write_choice(h, req, f, field, slug, value, &common);
			break;
		case RECORD_INPUT_YESNO:
			write_yesno(h, req, field, slug, value, &common);
			break;
		case RECORD_INPUT_TEXT:
			govuk_textarea(
			        h, &(struct govuk_textarea){.name = name,
			                                    .rows = 8,
			                                    .value = value,
			                                    .field = common});
			break;
		case RECORD_INPUT_NUMBER:
			govuk_input(h,
			            &(struct govuk_input){
			                    .name = name,
			                    .value = value,
			                    .inputmode = "numeric",
			                    .classes = "govuk-input--width-4",
			                    .field = common});
			break;
		case RECORD_INPUT_KEY:
			govuk_input(h,
			            &(struct govuk_input){
			                    .name = name,
			                    .value = value,
			                    .spellcheck = GOVUK_FALSE,
			                    .autocapitalize = "none",
			                    .classes = "govuk-input--width-20",
			                    .field = common});
			break;
		case RECORD_INPUT_EMAIL:
			govuk_input(h, &(struct govuk_input){
			                       .name = name,
			                       .type = "email",
			                       .value = value,
			                       .spellcheck = GOVUK_FALSE,
			                       .field = common});
			break;
		case RECORD_INPUT_LINE:
		case RECORD_INPUT_NONE:
		default:
			govuk_input(h, &(struct govuk_input){.name = name,
			                                     .value = value,
			                                     .field = common});
			break;
		}
	}
}
