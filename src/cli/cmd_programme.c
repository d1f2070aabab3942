/*
 * cmd_programme: a body's work programme (list, add, add from a resolution),
 * the matters arising for a meeting, and the agenda masa proposes for it.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "gov/body.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/programme.h"

static json_t *text_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/*
 * The meeting of the partnership that id names: its key (RLSCB/2014-12-04)
 * or its number. field (or NULL) is put before the message.
 */
enum masa_err cli_find_meeting(struct cli_ctx *ctx, const char *field,
                               const char *id, struct gov_meeting *m,
                               struct masa_error *err)
{
	struct gov *g = &ctx->gov;
	enum masa_err rc;

	rc = gov_meeting_find(g, ctx->partnership.id, id, &ctx->arena, m, err);
	if (rc == MASA_ERR_NOT_FOUND && id[0] != '\0' &&
	    strspn(id, "0123456789") == strlen(id) && strlen(id) < 18) {
		struct masa_error probe;
		if (gov_meeting_get(g, strtoll(id, NULL, 10), &ctx->arena, m,
		                    &probe) == MASA_OK &&
		    m->partnership_id == ctx->partnership.id)
			rc = MASA_OK;
	}
	if (rc == MASA_ERR_NOT_FOUND)
		return masa_error_set(
		        err, MASA_ERR_NOT_FOUND,
		        "%s%sno meeting \"%.60s\": give an id such "
		        "as RLSCB/2014-12-04 (see masa meetings)",
		        field ? field : "", field ? ": " : "", id);
	return rc;
}

/* Text on one line, for a table cell. */
static const char *one_line(struct arena *a, const char *s)
{
	char *copy;

	if (s == NULL || strpbrk(s, "\r\n\t") == NULL)
		return s;
	copy = arena_strdup(a, s);
	for (char *p = copy; *p; p++)
		if (*p == '\r' || *p == '\n' || *p == '\t')
			*p = ' ';
	return copy;
}

/* programme BODY */

enum { PROGRAMME_FROM };

static const struct cli_option programme_options[] = {
        [PROGRAMME_FROM] = {"from", "DATE",
                            "entries for meetings or months from DATE on"},
        {NULL, NULL, NULL},
};

/* When an entry is planned: its meeting's id, its month, or "standing". */
static const char *entry_when(struct cli_ctx *ctx,
                              const struct gov_programme_entry *e)
{
	struct gov_meeting m;
	struct masa_error ignored;

	if (e->meeting_id != 0)
		return gov_meeting_get(&ctx->gov, e->meeting_id, &ctx->arena,
		                       &m, &ignored) == MASA_OK
		               ? m.key
		               : "?";
	return e->month ? e->month : "standing";
}

static int run_programme(struct cli_ctx *ctx, const struct cli_args *args)
{
	static const char *const headings[] = {"WHEN", "TITLE",  "SOURCE",
	                                       "FROM", "STATUS", NULL};
	struct masa_error err = {0};
	struct gov_body body;
	struct gov_programme_entry *entries;
	const char *from = cli_opt(args, PROGRAMME_FROM);
	char **origins;
	size_t n;

	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    gov_body_find(&ctx->gov, ctx->partnership.id, args->positional[0],
	                  &ctx->arena, &body, &err) != MASA_OK ||
	    gov_programme_list(&ctx->gov, &ctx->viewer, body.id, from,
	                       &ctx->arena, &entries, &n, &err) != MASA_OK)
		return cli_fail(&err);
	origins = arena_alloc(&ctx->arena, (n + 1) * sizeof *origins);
	for (size_t i = 0; i < n; i++)
		if (gov_programme_origin(&ctx->gov, &entries[i], &ctx->arena,
		                         &origins[i], &err) != MASA_OK)
			return cli_fail(&err);
	if (ctx->json) {
		json_t *list = json_array();
		for (size_t i = 0; i < n; i++) {
			const struct gov_programme_entry *e = &entries[i];
			json_array_append_new(
			        list,
			        json_pack("{s:s, s:o, s:o, s:s, s:o, s:s, s:o}",
			                  "title", e->title, "meeting",
			                  e->meeting_id
			                          ? json_string(
			                                    entry_when(ctx, e))
			                          : json_null(),
			                  "month", text_or_null(e->month),
			                  "source", e->source, "from",
			                  text_or_null(origins[i]), "status",
			                  e->status, "notes",
			                  text_or_null(e->notes)));
		}
		json_print(list, stdout);
		return 0;
	}
	if (n == 0) {
		printf("no work programme entries for %s%s%s\n",
		       body.short_name, from ? " from " : "", from ? from : "");
		return 0;
	}
	struct table *t = table_new(headings);
	for (size_t i = 0; i < n; i++) {
		const struct gov_programme_entry *e = &entries[i];
		const char *cells[] = {entry_when(ctx, e),
		                       one_line(&ctx->arena, e->title),
		                       e->source, origins[i], e->status};
		table_add(t, cells);
	}
	table_print(t, stdout);
	return 0;
}

const struct cli_command cmd_programme = {
        .name = "programme",
        .arguments = "BODY",
        .summary = "a body's work programme: what it plans to take and when",
        .options = programme_options,
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .run = run_programme,
};

/* programme add BODY */

enum {
	ADD_TITLE,
	ADD_MEETING,
	ADD_MONTH,
	ADD_STANDING,
	ADD_SOURCE,
	ADD_STATUS,
	ADD_NOTES
};

static const struct cli_option add_options[] = {
        [ADD_TITLE] = {"title", "TEXT", "what is to be taken (required)"},
        [ADD_MEETING] = {"meeting", "ID", "the meeting it is planned for"},
        [ADD_MONTH] = {"month", "YYYY-MM",
                       "the month it is planned for, when no meeting is "
                       "fixed"},
        [ADD_STANDING] = {"standing", NULL,
                          "a standing item, with no meeting or month (source "
                          "standing_item unless --source says otherwise)"},
        [ADD_SOURCE] = {"source", "SOURCE",
                        "resolution, deferral, subgroup_report, "
                        "standing_item or other"},
        [ADD_STATUS] = {"status", "STATUS",
                        "planned (default), on_agenda, deferred or done"},
        [ADD_NOTES] = {"notes", "TEXT", "notes on the entry"},
        {NULL, NULL, NULL},
};

static int run_programme_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_programme_entry e = {0};
	struct gov_meeting m;
	struct gov_body body;
	bool standing = cli_opt(args, ADD_STANDING) != NULL;
	const char *meeting = cli_opt(args, ADD_MEETING);

	if (standing && (meeting || cli_opt(args, ADD_MONTH))) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "programme add: --standing takes no --meeting "
		               "or --month");
		return cli_fail(&err);
	}
	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    gov_body_find(&ctx->gov, ctx->partnership.id, args->positional[0],
	                  &ctx->arena, &body, &err) != MASA_OK)
		return cli_fail(&err);
	if (meeting != NULL) {
		if (cli_find_meeting(ctx, "programme meeting", meeting, &m,
		                     &err) != MASA_OK)
			return cli_fail(&err);
		e.meeting_id = m.id;
	}
	e.body_id = body.id;
	e.title = (char *)cli_opt(args, ADD_TITLE);
	e.month = (char *)cli_opt(args, ADD_MONTH);
	e.source = (char *)cli_opt(args, ADD_SOURCE);
	if (e.source == NULL && standing)
		e.source = "standing_item";
	e.status = (char *)cli_opt(args, ADD_STATUS);
	e.notes = (char *)cli_opt(args, ADD_NOTES);
	if (gov_programme_create(&ctx->gov, &e, &err) != MASA_OK)
		return cli_fail(&err);
	printf("added to %s's work programme (%s): %s\n", body.short_name,
	       entry_when(ctx, &e), e.title);
	return 0;
}

const struct cli_command cmd_programme_add = {
        .name = "programme add",
        .arguments = "BODY",
        .summary = "adds an entry to a body's work programme",
        .options = add_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_programme_add,
};

/* programme from-resolution MEETING ITEM NUMBER */

enum { FROM_MONTHS, FROM_TITLE };

static const struct cli_option from_options[] = {
        [FROM_MONTHS] = {"months", "N",
                         "due N months after the meeting (required)"},
        [FROM_TITLE] = {"title", "TEXT",
                        "the entry's title (default: \"Update: \" and the "
                        "resolution)"},
        {NULL, NULL, NULL},
};

/* Reads a resolution number as printed, "3" or "(3)". */
static enum masa_err resolution_number(const char *text, int64_t *out,
                                       struct masa_error *err)
{
	size_t len = strlen(text);
	long value = 0;
	size_t i = 0, end = len;

	if (len >= 2 && text[0] == '(' && text[len - 1] == ')') {
		i = 1;
		end = len - 1;
	}
	if (i == end || end - i > 3)
		value = -1;
	for (; i < end && value >= 0; i++)
		value = text[i] >= '0' && text[i] <= '9'
		                ? value * 10 + (text[i] - '0')
		                : -1;
	if (value < 1)
		return masa_error_set(err, MASA_ERR_USAGE,
		                      "programme from-resolution: NUMBER "
		                      "\"%.20s\" is not a resolution number "
		                      "such as 3",
		                      text);
	*out = value;
	return MASA_OK;
}

static int run_programme_from_resolution(struct cli_ctx *ctx,
                                         const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	struct gov_item item;
	struct gov_resolution *res;
	struct gov_programme_entry e;
	struct gov_body body;
	const char *months_text = cli_opt(args, FROM_MONTHS);
	const char *item_number = args->positional[1];
	int64_t number = 0, resolution_id = 0;
	long months = 0;
	size_t nres;
	enum masa_err rc;

	if (months_text == NULL) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "programme from-resolution: --months N is "
		               "required (see masa programme from-resolution "
		               "--help)");
		return cli_fail(&err);
	}
	if (cli_number("months", months_text, 1, 120, &months, &err) !=
	            MASA_OK ||
	    resolution_number(args->positional[2], &number, &err) != MASA_OK ||
	    cli_open_partnership(ctx, &err) != MASA_OK ||
	    cli_find_meeting(ctx, NULL, args->positional[0], &m, &err) !=
	            MASA_OK)
		return cli_fail(&err);
	rc = gov_item_find(&ctx->gov, &ctx->viewer, m.id, item_number,
	                   &ctx->arena, &item, &err);
	if (rc == MASA_ERR_NOT_FOUND)
		masa_error_set(&err, rc, "no item \"%.40s\" at %s", item_number,
		               m.key);
	if (rc != MASA_OK ||
	    gov_resolution_list(&ctx->gov, &ctx->viewer, m.id, &ctx->arena,
	                        &res, &nres, &err) != MASA_OK)
		return cli_fail(&err);
	for (size_t i = 0; i < nres; i++)
		if (res[i].item_id == item.id && res[i].number == number)
			resolution_id = res[i].id;
	if (resolution_id == 0) {
		masa_error_set(&err, MASA_ERR_NOT_FOUND,
		               "no resolution (%lld) under item %s of %s",
		               (long long)number, item.number, m.key);
		return cli_fail(&err);
	}
	if (gov_programme_from_resolution(&ctx->gov, resolution_id, (int)months,
	                                  cli_opt(args, FROM_TITLE),
	                                  &ctx->arena, &e, &err) != MASA_OK ||
	    gov_body_get(&ctx->gov, e.body_id, &ctx->arena, &body, &err) !=
	            MASA_OK)
		return cli_fail(&err);
	printf("added to %s's work programme for %s: %s\n", body.short_name,
	       e.month, e.title);
	return 0;
}

const struct cli_command cmd_programme_from_resolution = {
        .name = "programme from-resolution",
        .arguments = "MEETING ITEM NUMBER",
        .summary = "adds a work programme entry due some months after a "
                   "resolution",
        .options = from_options,
        .min_positional = 3,
        .max_positional = 3,
        .run = run_programme_from_resolution,
};

/* meeting matters-arising MEETING */

static const char *owner_names(struct arena *a,
                               const struct gov_action_entry *e)
{
	const char *names = "";

	for (size_t i = 0; i < e->nowners; i++)
		names = arena_printf(a, "%s%s%s", names, i ? ", " : "",
		                     e->owners[i].name);
	return names;
}

static json_t *matters_json(struct cli_ctx *ctx, const struct gov_meeting *m,
                            const struct gov_matters_arising *ma)
{
	json_t *actions = json_array(), *deferred = json_array();

	for (size_t i = 0; i < ma->nactions; i++) {
		const struct gov_action_entry *e = &ma->actions[i];
		json_t *owners = json_array();

		for (size_t k = 0; k < e->nowners; k++)
			json_array_append_new(owners,
			                      json_string(e->owners[k].name));
		json_array_append_new(
		        actions,
		        json_pack("{s:s, s:s, s:o, s:s, s:o, s:s}", "reference",
		                  e->action.key, "raised_on",
		                  e->action.raised_on, "owners", owners,
		                  "details", e->action.details, "due",
		                  text_or_null(e->due), "status",
		                  e->status_as_at ? e->status_as_at
		                                  : e->action.status));
	}
	for (size_t i = 0; i < ma->ndeferred; i++) {
		const struct gov_item *it = &ma->deferred[i];
		struct gov_meeting to;
		struct masa_error ignored;
		bool known =
		        it->deferred_to_id != 0 &&
		        gov_meeting_get(&ctx->gov, it->deferred_to_id,
		                        &ctx->arena, &to, &ignored) == MASA_OK;

		json_array_append_new(
		        deferred,
		        json_pack("{s:s, s:s, s:s, s:o}", "meeting",
		                  ma->previous_meeting_key, "number",
		                  it->number, "title", it->title, "deferred_to",
		                  known ? json_string(to.key) : json_null()));
	}
	return json_pack("{s:s, s:o, s:o, s:o}", "meeting", m->key,
	                 "previous_meeting",
	                 text_or_null(ma->previous_meeting_key), "actions",
	                 actions, "deferred_items", deferred);
}

static void print_matters(struct cli_ctx *ctx, const struct gov_meeting *m,
                          const struct gov_matters_arising *ma)
{
	static const char *const action_headings[] = {
	        "REFERENCE", "OWNERS", "DETAILS", "DUE", "STATUS", NULL};
	static const char *const item_headings[] = {"ITEM", "TITLE",
	                                            "DEFERRED TO", NULL};
	struct arena *a = &ctx->arena;

	printf("Matters arising for %s (%s)\n", m->key, date_long(a, m->date));
	if (ma->previous_meeting_key)
		printf("Previous meeting: %s\n", ma->previous_meeting_key);
	else
		printf("No previous meeting of this body\n");
	if (ma->nactions == 0) {
		printf("\nNo open actions\n");
	} else {
		struct table *t = table_new(action_headings);

		printf("\nActions open before the meeting (%zu)\n",
		       ma->nactions);
		for (size_t i = 0; i < ma->nactions; i++) {
			const struct gov_action_entry *e = &ma->actions[i];
			const char *cells[] = {
			        e->action.key,
			        owner_names(a, e),
			        one_line(a, e->action.details),
			        e->due,
			        e->status_as_at ? e->status_as_at
			                        : e->action.status,
			};
			table_add(t, cells);
		}
		table_print(t, stdout);
	}
	if (ma->ndeferred == 0) {
		printf("\nNo deferred items\n");
	} else {
		struct table *t = table_new(item_headings);

		printf("\nItems deferred at %s (%zu)\n",
		       ma->previous_meeting_key, ma->ndeferred);
		for (size_t i = 0; i < ma->ndeferred; i++) {
			const struct gov_item *it = &ma->deferred[i];
			struct gov_meeting to;
			struct masa_error ignored;
			const char *cells[] = {
			        it->number,
			        one_line(a, it->title),
			        it->deferred_to_id &&
			                        gov_meeting_get(
			                                &ctx->gov,
			                                it->deferred_to_id, a,
			                                &to,
			                                &ignored) == MASA_OK
			                ? to.key
			                : "a later meeting",
			};
			table_add(t, cells);
		}
		table_print(t, stdout);
	}
}

static int run_matters_arising(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	struct gov_matters_arising ma;

	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    cli_find_meeting(ctx, NULL, args->positional[0], &m, &err) !=
	            MASA_OK ||
	    gov_matters_arising(&ctx->gov, &ctx->viewer, m.id, &ctx->arena, &ma,
	                        &err) != MASA_OK)
		return cli_fail(&err);
	if (ctx->json)
		json_print(matters_json(ctx, &m, &ma), stdout);
	else
		print_matters(ctx, &m, &ma);
	return 0;
}

const struct cli_command cmd_meeting_matters_arising = {
        .name = "meeting matters-arising",
        .arguments = "MEETING",
        .summary = "a meeting's matters arising: its body's open actions and "
                   "the previous meeting's deferred items",
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .run = run_matters_arising,
};

/* agenda draft MEETING */

static int run_agenda_draft(struct cli_ctx *ctx, const struct cli_args *args)
{
	static const char *const headings[] = {"NO", "ITEM", "WHY", NULL};
	struct masa_error err = {0};
	struct gov_meeting m;
	struct gov_agenda_proposal *proposals;
	size_t n;

	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    cli_find_meeting(ctx, NULL, args->positional[0], &m, &err) !=
	            MASA_OK ||
	    gov_agenda_draft(&ctx->gov, &ctx->viewer, m.id, &ctx->arena,
	                     &proposals, &n, &err) != MASA_OK)
		return cli_fail(&err);
	if (ctx->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(
			        items, json_pack("{s:s, s:s, s:s}", "number",
			                         proposals[i].number, "title",
			                         proposals[i].title, "why",
			                         proposals[i].why));
		json_print(json_pack("{s:s, s:s, s:o}", "meeting", m.key,
		                     "date", m.date, "items", items),
		           stdout);
		return 0;
	}
	printf("Proposed agenda for %s (%s)\n\n", m.key,
	       date_long(&ctx->arena, m.date));
	struct table *t = table_new(headings);
	for (size_t i = 0; i < n; i++) {
		const char *cells[] = {
		        proposals[i].number,
		        one_line(&ctx->arena, proposals[i].title),
		        proposals[i].why};
		table_add(t, cells);
	}
	table_print(t, stdout);
	return 0;
}

const struct cli_command cmd_agenda_draft = {
        .name = "agenda draft",
        .arguments = "MEETING",
        .summary = "proposes a meeting's agenda from standing items, the "
                   "work programme and matters arising",
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .run = run_agenda_draft,
};
