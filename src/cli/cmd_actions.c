/*
 * cmd_actions: the action log from the command line: the log of a body as
 * at a date (the board's appendix), overdue actions, a person's actions,
 * counts by organisation for the chair, one action with its history, and
 * raising and updating actions. Also `meeting held`, which records a
 * meeting as held and so carries its body's open actions forward.
 */
#include <string.h>

#include "cli/cli.h"
#include "core/date.h"
#include "gov/action.h"
#include "gov/body.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/partnership.h"

static json_t *text_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* "04.12.2014" for "2014-12-04", as the board's papers write dates. */
static const char *dotted(struct arena *a, const char *iso)
{
	if (iso == NULL || strlen(iso) != 10)
		return iso ? iso : "";
	return arena_printf(a, "%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
}

/* "Maryke Turvey/Sarah Mainwaring", as the appendix names owners. */
static const char *owner_names(struct arena *a,
                               const struct gov_action_entry *e)
{
	const char *out = "";

	for (size_t i = 0; i < e->nowners; i++)
		out = arena_printf(a, "%s%s%s", out, i ? "/" : "",
		                   e->owners[i].name);
	return out;
}

static const char *status_words(const char *status)
{
	if (strcmp(status, "in_progress") == 0)
		return "In progress";
	if (strcmp(status, "open") == 0)
		return "Open";
	if (strcmp(status, "discharged") == 0)
		return "Discharged";
	if (strcmp(status, "closed") == 0)
		return "Closed";
	return "Superseded";
}

/* One update as a line: "04.12.2014: Discharged. text (owners ...)". */
static const char *update_line(struct cli_ctx *ctx,
                               const struct gov_action_entry *e,
                               const struct gov_action_update *u)
{
	struct arena *a = &ctx->arena;
	const char *line = dotted(a, u->on_date);
	const char *changes = "";

	if (u->status != NULL)
		line = arena_printf(a, "%s: %s.", line,
		                    status_words(u->status));
	else
		line = arena_printf(a, "%s:", line);
	if (u->text != NULL)
		line = arena_printf(a, "%s %s", line, u->text);
	/* Owner changes this update made, from the owner history. */
	const struct gov_action_owner *all = e->history;
	size_t n = e->nhistory;
	for (size_t i = 0; i < n; i++) {
		if (all[i].added_by == u->id)
			changes = arena_printf(a, "%s%s%s added", changes,
			                       changes[0] ? "; " : "",
			                       all[i].name);
		if (all[i].removed_by == u->id)
			changes = arena_printf(a, "%s%s%s removed", changes,
			                       changes[0] ? "; " : "",
			                       all[i].name);
	}
	if (changes[0])
		line = arena_printf(a, "%s [owners: %s]", line, changes);
	return line;
}

static json_t *entry_json(struct cli_ctx *ctx, const struct gov_action_entry *e)
{
	json_t *owners = json_array(), *updates = json_array();

	for (size_t i = 0; i < e->nowners; i++)
		json_array_append_new(
		        owners,
		        json_pack("{s:s, s:o}", "name", e->owners[i].name, "id",
		                  text_or_null(e->owners[i].key)));
	for (size_t i = 0; i < e->nupdates; i++) {
		const struct gov_action_update *u = &e->updates[i];
		json_array_append_new(
		        updates, json_pack("{s:s, s:s, s:o, s:o}", "date",
		                           u->on_date, "kind", u->kind, "text",
		                           text_or_null(u->text), "status",
		                           text_or_null(u->status)));
	}
	(void)ctx;
	return json_pack("{s:s, s:s, s:I, s:o, s:s, s:o, s:s, s:o, s:s, s:I, "
	                 "s:o}",
	                 "id", e->action.key, "body", e->body_short_name,
	                 "number", (json_int_t)e->action.number, "meeting",
	                 text_or_null(e->meeting_key), "raised_on",
	                 e->action.raised_on, "owners", owners, "details",
	                 e->action.details, "due", text_or_null(e->due),
	                 "status", e->status_as_at, "days_overdue",
	                 (json_int_t)e->days_overdue, "updates", updates);
}

static void entry_csv(struct cli_ctx *ctx, const char *section,
                      const struct gov_action_entry *e)
{
	struct arena *a = &ctx->arena;
	const char *updates = "";
	char number[24], days[24];

	for (size_t i = 0; i < e->nupdates; i++)
		updates = arena_printf(a, "%s%s%s", updates, i ? " | " : "",
		                       update_line(ctx, e, &e->updates[i]));
	snprintf(number, sizeof number, "%lld", (long long)e->action.number);
	snprintf(days, sizeof days, "%ld", e->days_overdue);
	const char *cells[] = {section,
	                       e->action.key,
	                       number,
	                       e->body_short_name,
	                       e->action.raised_on,
	                       owner_names(a, e),
	                       e->action.details,
	                       e->due,
	                       e->status_as_at,
	                       days,
	                       updates};
	csv_row(stdout, cells, sizeof cells / sizeof cells[0]);
}

static const char *const csv_headings[] = {
        "section", "reference", "number", "body",         "raised_on", "owners",
        "details", "due",       "status", "days_overdue", "updates"};

static void print_entry(struct cli_ctx *ctx, const struct gov_action_entry *e,
                        bool with_raised, bool with_updates)
{
	struct arena *a = &ctx->arena;

	printf("  %lld. %s", (long long)e->action.number, owner_names(a, e));
	if (with_raised)
		printf("  (raised on %s)", dotted(a, e->action.raised_on));
	printf("\n     %s\n", e->action.details);
	if (e->due)
		printf("     Due: %s%s\n", dotted(a, e->due),
		       e->days_overdue ? arena_printf(a, " (%ld days overdue)",
		                                      e->days_overdue)
		                       : "");
	if (with_updates)
		for (size_t i = 0; i < e->nupdates; i++)
			printf("     Update %s\n",
			       update_line(ctx, e, &e->updates[i]));
}

/* actions log */

enum { LOG_AS_AT };

static const struct cli_option log_options[] = {
        [LOG_AS_AT] = {"as-at", "DATE",
                       "the log as it stood on DATE (default: today)"},
        {NULL, NULL, NULL},
};

static int run_log(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_body body;
	struct gov_action_log log;
	const char *date = cli_opt(args, LOG_AS_AT);
	char today[DATE_TEXT_SIZE];

	if (date == NULL) {
		date_format(date_today(), today);
		date = today;
	}
	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    gov_body_find(&ctx->gov, ctx->partnership.id, args->positional[0],
	                  &ctx->arena, &body, &err) != MASA_OK ||
	    gov_action_log_as_at(&ctx->gov, &ctx->viewer, body.id, date,
	                         &ctx->arena, &log, &err) != MASA_OK)
		return cli_fail(&err);
	if (ctx->json) {
		json_t *raised = json_array(), *finished = json_array(),
		       *ongoing = json_array();
		for (size_t i = 0; i < log.nraised; i++)
			json_array_append_new(raised,
			                      entry_json(ctx, &log.raised[i]));
		for (size_t i = 0; i < log.nfinished; i++)
			json_array_append_new(
			        finished, entry_json(ctx, &log.finished[i]));
		for (size_t i = 0; i < log.nongoing; i++)
			json_array_append_new(ongoing,
			                      entry_json(ctx, &log.ongoing[i]));
		json_print(json_pack("{s:s, s:s, s:o, s:o, s:o, s:o}", "body",
		                     body.short_name, "as_at", date, "meeting",
		                     text_or_null(log.meeting_key), "raised",
		                     raised, "finished", finished, "ongoing",
		                     ongoing),
		           stdout);
		return 0;
	}
	if (ctx->csv) {
		csv_row(stdout, csv_headings,
		        sizeof csv_headings / sizeof csv_headings[0]);
		for (size_t i = 0; i < log.nraised; i++)
			entry_csv(ctx, "raised", &log.raised[i]);
		for (size_t i = 0; i < log.nfinished; i++)
			entry_csv(ctx, "finished", &log.finished[i]);
		for (size_t i = 0; i < log.nongoing; i++)
			entry_csv(ctx, "ongoing", &log.ongoing[i]);
		return 0;
	}
	printf("%s (%s)\nAction points raised / on-going as at %s", body.name,
	       body.short_name, dotted(&ctx->arena, date));
	if (log.meeting_key)
		printf(" (meeting %s)", log.meeting_key);
	printf("\n");
	printf("\nActions raised on %s\n", dotted(&ctx->arena, date));
	if (log.nraised == 0)
		printf("  (none)\n");
	for (size_t i = 0; i < log.nraised; i++)
		print_entry(ctx, &log.raised[i], false, true);
	for (size_t i = 0; i < log.nfinished; i++) {
		const struct gov_action_entry *e = &log.finished[i];
		if (i == 0 || strcmp(e->action.raised_on,
		                     log.finished[i - 1].action.raised_on) != 0)
			printf("\nActions raised on %s, finished on %s\n",
			       dotted(&ctx->arena, e->action.raised_on),
			       dotted(&ctx->arena, date));
		print_entry(ctx, e, false, true);
	}
	printf("\nActions on-going as at %s\n", dotted(&ctx->arena, date));
	if (log.nongoing == 0)
		printf("  (none)\n");
	for (size_t i = 0; i < log.nongoing; i++)
		print_entry(ctx, &log.ongoing[i], true, true);
	return 0;
}

const struct cli_command cmd_actions_log = {
        .name = "actions log",
        .arguments = "BODY",
        .summary = "a body's action log as at a date: raised, finished and "
                   "on-going actions with their updates",
        .options = log_options,
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .csv = true,
        .run = run_log,
};

/* open-action listings: overdue, mine */

static void print_open_table(struct cli_ctx *ctx,
                             const struct gov_action_entry *e, size_t n)
{
	static const char *const headings[] = {
	        "ACTION", "OWNERS", "DUE", "DAYS", "STATUS", "DETAILS", NULL};
	struct table *t = table_new(headings);

	for (size_t i = 0; i < n; i++) {
		char details[80];
		const char *d = e[i].action.details;
		size_t len = strcspn(d, "\n");
		snprintf(details, sizeof details, "%.*s%s",
		         (int)(len > 70 ? 70 : len), d, len > 70 ? "..." : "");
		const char *cells[] = {
		        e[i].action.key,
		        owner_names(&ctx->arena, &e[i]),
		        e[i].due ? e[i].due : "",
		        e[i].days_overdue ? arena_printf(&ctx->arena, "%ld",
		                                         e[i].days_overdue)
		                          : "",
		        e[i].status_as_at,
		        details,
		};
		table_add(t, cells);
	}
	table_print(t, stdout);
}

static int print_open(struct cli_ctx *ctx, const struct gov_action_entry *e,
                      size_t n, const char *empty)
{
	if (ctx->json) {
		json_t *list = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(list, entry_json(ctx, &e[i]));
		json_print(list, stdout);
	} else if (ctx->csv) {
		csv_row(stdout, csv_headings,
		        sizeof csv_headings / sizeof csv_headings[0]);
		for (size_t i = 0; i < n; i++)
			entry_csv(ctx, "open", &e[i]);
	} else if (n == 0) {
		printf("%s\n", empty);
	} else {
		print_open_table(ctx, e, n);
	}
	return 0;
}

enum { OVERDUE_BODY, OVERDUE_OWNER, OVERDUE_ORGANISATION, OVERDUE_ON };

static const struct cli_option overdue_options[] = {
        [OVERDUE_BODY] = {"body", "BODY", "only this body's actions"},
        [OVERDUE_OWNER] = {"owner", "PERSON", "only actions this person owns"},
        [OVERDUE_ORGANISATION] = {"organisation", "ORG",
                                  "only actions of this organisation or its "
                                  "people"},
        [OVERDUE_ON] = {"on", "DATE", "overdue on DATE (default: today)"},
        {NULL, NULL, NULL},
};

/* Reads --on (or today) into buf and *on. */
static void date_or_today(const char *given, char buf[DATE_TEXT_SIZE],
                          const char **on)
{
	if (given != NULL) {
		*on = given;
		return;
	}
	date_format(date_today(), buf);
	*on = buf;
}

static int run_overdue(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_action_filter f = {.overdue_only = true};
	struct gov_action_entry *e;
	char today[DATE_TEXT_SIZE];
	size_t n;

	date_or_today(cli_opt(args, OVERDUE_ON), today, &f.on);
	if (cli_open_partnership(ctx, &err) != MASA_OK)
		return cli_fail(&err);
	if (cli_opt(args, OVERDUE_BODY)) {
		struct gov_body b;
		if (gov_body_find(&ctx->gov, ctx->partnership.id,
		                  cli_opt(args, OVERDUE_BODY), &ctx->arena, &b,
		                  &err) != MASA_OK)
			return cli_fail(&err);
		f.body_id = b.id;
	}
	if (cli_opt(args, OVERDUE_OWNER)) {
		struct gov_person p;
		if (gov_person_find(&ctx->gov, ctx->partnership.id,
		                    cli_opt(args, OVERDUE_OWNER), &ctx->arena,
		                    &p, &err) != MASA_OK)
			return cli_fail(&err);
		f.person_id = p.id;
	}
	if (cli_opt(args, OVERDUE_ORGANISATION)) {
		struct gov_organisation o;
		if (gov_organisation_find(&ctx->gov, ctx->partnership.id,
		                          cli_opt(args, OVERDUE_ORGANISATION),
		                          &ctx->arena, &o, &err) != MASA_OK)
			return cli_fail(&err);
		f.organisation_id = o.id;
	}
	if (gov_action_open_list(&ctx->gov, &ctx->viewer, &f, &ctx->arena, &e,
	                         &n, &err) != MASA_OK)
		return cli_fail(&err);
	return print_open(
	        ctx, e, n,
	        arena_printf(&ctx->arena, "no actions overdue on %s", f.on));
}

const struct cli_command cmd_actions_overdue = {
        .name = "actions overdue",
        .summary = "actions past their due date and not finished, most overdue "
                   "first",
        .options = overdue_options,
        .listing = true,
        .csv = true,
        .run = run_overdue,
};

enum { MINE_ON };

static const struct cli_option mine_options[] = {
        [MINE_ON] = {"on", "DATE", "as on DATE (default: today)"},
        {NULL, NULL, NULL},
};

static int run_mine(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_action_filter f = {.include_all_members = true};
	struct gov_action_entry *e;
	struct gov_person p;
	char today[DATE_TEXT_SIZE];
	size_t n;

	date_or_today(cli_opt(args, MINE_ON), today, &f.on);
	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    gov_person_find(&ctx->gov, ctx->partnership.id, args->positional[0],
	                    &ctx->arena, &p, &err) != MASA_OK)
		return cli_fail(&err);
	f.person_id = p.id;
	if (gov_action_open_list(&ctx->gov, &ctx->viewer, &f, &ctx->arena, &e,
	                         &n, &err) != MASA_OK)
		return cli_fail(&err);
	return print_open(ctx, e, n,
	                  arena_printf(&ctx->arena,
	                               "%s has no open actions on %s", p.name,
	                               f.on));
}

const struct cli_command cmd_actions_mine = {
        .name = "actions mine",
        .arguments = "PERSON",
        .summary = "a person's open actions (their own and those of all "
                   "members of bodies they sit on)",
        .options = mine_options,
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .csv = true,
        .run = run_mine,
};

static int run_by_organisation(struct cli_ctx *ctx, const struct cli_args *args)
{
	static const char *const headings[] = {
	        "ORGANISATION", "OPEN", "OVERDUE", "MEDIAN DAYS OVERDUE", NULL};
	struct masa_error err = {0};
	struct gov_action_org_count *c;
	const char *on;
	char today[DATE_TEXT_SIZE];
	size_t n;

	date_or_today(cli_opt(args, MINE_ON), today, &on);
	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    gov_action_counts_by_organisation(&ctx->gov, &ctx->viewer, on,
	                                      &ctx->arena, &c, &n,
	                                      &err) != MASA_OK)
		return cli_fail(&err);
	if (ctx->json) {
		json_t *list = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(
			        list,
			        json_pack("{s:s, s:s, s:i, s:i, s:f}",
			                  "organisation", c[i].organisation_key,
			                  "name", c[i].organisation_name,
			                  "open", c[i].open, "overdue",
			                  c[i].overdue, "median_days_overdue",
			                  c[i].median_days_overdue));
		json_print(list, stdout);
		return 0;
	}
	if (ctx->csv) {
		static const char *const h[] = {"organisation", "open",
		                                "overdue",
		                                "median_days_overdue"};
		csv_row(stdout, h, 4);
	}
	struct table *t = ctx->csv ? NULL : table_new(headings);
	for (size_t i = 0; i < n; i++) {
		const char *cells[] = {
		        c[i].organisation_name,
		        arena_printf(&ctx->arena, "%d", c[i].open),
		        arena_printf(&ctx->arena, "%d", c[i].overdue),
		        arena_printf(&ctx->arena, "%.1f",
		                     c[i].median_days_overdue),
		};
		if (t)
			table_add(t, cells);
		else
			csv_row(stdout, cells, 4);
	}
	if (t) {
		printf("Open actions by organisation on %s\n\n", on);
		table_print(t, stdout);
	}
	return 0;
}

const struct cli_command cmd_actions_by_organisation = {
        .name = "actions by-organisation",
        .summary = "open and overdue actions per organisation, with the median "
                   "days overdue",
        .options = mine_options,
        .listing = true,
        .csv = true,
        .run = run_by_organisation,
};

/* actions show */

static int run_show(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_action act;
	struct gov_action_entry e;
	struct gov_body body;

	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    gov_action_find(&ctx->gov, &ctx->viewer, args->positional[0],
	                    &ctx->arena, &act, &err) != MASA_OK ||
	    gov_body_get(&ctx->gov, act.body_id, &ctx->arena, &body, &err) !=
	            MASA_OK ||
	    gov_action_entry_read(&ctx->gov, &ctx->viewer, act.id, NULL,
	                          &ctx->arena, &e, &err) != MASA_OK)
		return cli_fail(&err);
	if (ctx->json) {
		json_print(entry_json(ctx, &e), stdout);
		return 0;
	}
	printf("%s  %s (%s)\n", act.key, body.name, body.short_name);
	printf("Raised on %s%s%s\n", dotted(&ctx->arena, act.raised_on),
	       e.meeting_key ? " at " : "", e.meeting_key ? e.meeting_key : "");
	printf("Status: %s\n", status_words(act.status));
	printf("Owners: %s\n", owner_names(&ctx->arena, &e));
	if (e.due)
		printf("Due: %s\n", dotted(&ctx->arena, e.due));
	printf("\n%s\n", act.details);
	if (e.nupdates > 0) {
		printf("\nHistory\n");
		for (size_t i = 0; i < e.nupdates; i++)
			printf("  %s\n", update_line(ctx, &e, &e.updates[i]));
	}
	return 0;
}

const struct cli_command cmd_actions_show = {
        .name = "actions show",
        .arguments = "ACTION",
        .summary = "one action with its owners and history "
                   "(ACTION: RLSCB/2014-12-04/3)",
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .run = run_show,
};

/* raising and updating */

/*
 * Reads "steve-ashley,org:south-yorkshire-police,all" into owner
 * references: people by id, organisations after "org:", "all" for all
 * members of the body.
 */
static enum masa_err parse_owners(struct cli_ctx *ctx, const char *option,
                                  const char *text, struct gov_owner_ref **out,
                                  size_t *n, struct masa_error *err)
{
	char *copy = arena_strdup(&ctx->arena, text);
	size_t cap = 1;

	for (const char *p = text; *p; p++)
		cap += *p == ',';
	*out = arena_alloc(&ctx->arena, cap * sizeof **out);
	*n = 0;
	for (char *item = copy; item != NULL;) {
		char *comma = strchr(item, ',');
		struct gov_owner_ref *r = &(*out)[*n];
		if (comma)
			*comma = '\0';
		if (item[0] == '\0')
			return masa_error_set(
			        err, MASA_ERR_USAGE,
			        "--%s: an empty name in \"%.60s\"", option,
			        text);
		if (strcmp(item, "all") == 0) {
			r->all_members = true;
		} else if (strncmp(item, "org:", 4) == 0) {
			struct gov_organisation o;
			if (gov_organisation_find(
			            &ctx->gov, ctx->partnership.id, item + 4,
			            &ctx->arena, &o, err) != MASA_OK) {
				masa_error_prefix(err, "--%s", option);
				return MASA_ERR_INVALID;
			}
			r->organisation_id = o.id;
		} else {
			struct gov_person p;
			if (gov_person_find(&ctx->gov, ctx->partnership.id,
			                    item, &ctx->arena, &p,
			                    err) != MASA_OK) {
				masa_error_prefix(err, "--%s", option);
				return MASA_ERR_INVALID;
			}
			r->person_id = p.id;
		}
		(*n)++;
		item = comma ? comma + 1 : NULL;
	}
	return MASA_OK;
}

enum {
	RAISE_DETAILS,
	RAISE_OWNERS,
	RAISE_MEETING,
	RAISE_ITEM,
	RAISE_ON,
	RAISE_DUE,
	RAISE_DUE_NEXT
};

static const struct cli_option raise_options[] = {
        [RAISE_DETAILS] = {"details", "TEXT", "what is to be done (required)"},
        [RAISE_OWNERS] = {"owners", "LIST",
                          "who owns it: person ids, org:ORGANISATION, all "
                          "(all members), comma-separated (required)"},
        [RAISE_MEETING] = {"meeting", "MEETING", "the meeting that raised it"},
        [RAISE_ITEM] = {"item", "NUMBER", "the item it was raised under"},
        [RAISE_ON] = {"on", "DATE",
                      "the day it was raised (for an action standing alone)"},
        [RAISE_DUE] = {"due", "DATE", "when it is due"},
        [RAISE_DUE_NEXT] = {"due-next-meeting", NULL,
                            "due by the body's next meeting"},
        {NULL, NULL, NULL},
};

static int run_raise(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_action act = {0};
	struct gov_body body;
	struct gov_owner_ref *owners;
	size_t nowners;

	if (cli_opt(args, RAISE_DETAILS) == NULL ||
	    cli_opt(args, RAISE_OWNERS) == NULL) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "actions raise: --details and --owners are "
		               "required");
		return cli_fail(&err);
	}
	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    gov_body_find(&ctx->gov, ctx->partnership.id, args->positional[0],
	                  &ctx->arena, &body, &err) != MASA_OK ||
	    parse_owners(ctx, "owners", cli_opt(args, RAISE_OWNERS), &owners,
	                 &nowners, &err) != MASA_OK)
		return cli_fail(&err);
	act.body_id = body.id;
	act.details = (char *)cli_opt(args, RAISE_DETAILS);
	act.raised_on = (char *)cli_opt(args, RAISE_ON);
	act.due_date = (char *)cli_opt(args, RAISE_DUE);
	if (cli_opt(args, RAISE_MEETING)) {
		struct gov_meeting m;
		if (gov_meeting_find(&ctx->gov, ctx->partnership.id,
		                     cli_opt(args, RAISE_MEETING), &ctx->arena,
		                     &m, &err) != MASA_OK)
			return cli_fail(&err);
		act.meeting_id = m.id;
		if (act.raised_on == NULL)
			act.raised_on = m.date;
		if (cli_opt(args, RAISE_ITEM)) {
			struct gov_item it;
			if (gov_item_find(&ctx->gov, &ctx->viewer, m.id,
			                  cli_opt(args, RAISE_ITEM),
			                  &ctx->arena, &it, &err) != MASA_OK)
				return cli_fail(&err);
			act.item_id = it.id;
		}
	} else if (cli_opt(args, RAISE_ITEM)) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "actions raise: --item needs --meeting");
		return cli_fail(&err);
	} else if (act.raised_on == NULL) {
		masa_error_set(
		        &err, MASA_ERR_USAGE,
		        "actions raise: give --meeting, or --on DATE for "
		        "an action standing alone");
		return cli_fail(&err);
	}
	if (cli_opt(args, RAISE_DUE_NEXT)) {
		struct gov_meeting_row *next;
		size_t n;
		date_days d;
		char after[DATE_TEXT_SIZE];
		if (date_parse(act.raised_on, &d, &err) != MASA_OK)
			return cli_fail(&err);
		date_format(d + 1, after);
		if (gov_meeting_list(&ctx->gov, ctx->partnership.id, body.id,
		                     after, NULL, 1, 0, &ctx->arena, &next, &n,
		                     &err) != MASA_OK)
			return cli_fail(&err);
		if (n == 0) {
			masa_error_set(&err, MASA_ERR_INVALID,
			               "--due-next-meeting: %s has no meeting "
			               "after %s yet: give --due DATE",
			               body.short_name, act.raised_on);
			return cli_fail(&err);
		}
		act.due_meeting_id = next[0].m.id;
	}
	if (gov_action_raise(&ctx->gov, &act, owners, nowners, &ctx->arena,
	                     &err) != MASA_OK)
		return cli_fail(&err);
	printf("raised %s\n", act.key);
	return 0;
}

const struct cli_command cmd_actions_raise = {
        .name = "actions raise",
        .arguments = "BODY",
        .summary = "raise an action in a body's action log",
        .options = raise_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_raise,
};

enum {
	UPDATE_TEXT,
	UPDATE_STATUS,
	UPDATE_DATE,
	UPDATE_MEETING,
	UPDATE_ADD,
	UPDATE_REMOVE
};

static const struct cli_option update_options[] = {
        [UPDATE_TEXT] = {"text", "TEXT", "what was reported"},
        [UPDATE_STATUS] = {"status", "STATUS",
                           "open, in_progress, discharged, closed or "
                           "superseded"},
        [UPDATE_DATE] = {"date", "DATE",
                         "the day of the update (default: the meeting's, or "
                         "today)"},
        [UPDATE_MEETING] = {"meeting", "MEETING",
                            "the meeting it was given at"},
        [UPDATE_ADD] = {"add-owners", "LIST", "new owners (as for raise)"},
        [UPDATE_REMOVE] = {"remove-owners", "LIST",
                           "owners no longer (\"in replacement of\")"},
        {NULL, NULL, NULL},
};

static int run_update(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_action act;
	struct gov_action_update u = {0};
	struct gov_owner_ref *added = NULL, *removed = NULL;
	size_t nadded = 0, nremoved = 0;
	char today[DATE_TEXT_SIZE];

	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    gov_action_find(&ctx->gov, &ctx->viewer, args->positional[0],
	                    &ctx->arena, &act, &err) != MASA_OK)
		return cli_fail(&err);
	if ((cli_opt(args, UPDATE_ADD) &&
	     parse_owners(ctx, "add-owners", cli_opt(args, UPDATE_ADD), &added,
	                  &nadded, &err) != MASA_OK) ||
	    (cli_opt(args, UPDATE_REMOVE) &&
	     parse_owners(ctx, "remove-owners", cli_opt(args, UPDATE_REMOVE),
	                  &removed, &nremoved, &err) != MASA_OK))
		return cli_fail(&err);
	u.action_id = act.id;
	u.text = (char *)cli_opt(args, UPDATE_TEXT);
	u.status = (char *)cli_opt(args, UPDATE_STATUS);
	u.on_date = (char *)cli_opt(args, UPDATE_DATE);
	if (cli_opt(args, UPDATE_MEETING)) {
		struct gov_meeting m;
		if (gov_meeting_find(&ctx->gov, ctx->partnership.id,
		                     cli_opt(args, UPDATE_MEETING), &ctx->arena,
		                     &m, &err) != MASA_OK)
			return cli_fail(&err);
		u.meeting_id = m.id;
	} else if (u.on_date == NULL) {
		date_format(date_today(), today);
		u.on_date = today;
	}
	if (gov_action_update(&ctx->gov, &u, added, nadded, removed, nremoved,
	                      &err) != MASA_OK)
		return cli_fail(&err);
	printf("updated %s%s%s\n", act.key, u.status ? ": now " : "",
	       u.status ? u.status : "");
	return 0;
}

const struct cli_command cmd_actions_update = {
        .name = "actions update",
        .arguments = "ACTION",
        .summary = "add a dated update to an action: text, status, owners",
        .options = update_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_update,
};

/* meeting held */

static int run_meeting_held(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	struct gov_action_filter f = {0};
	struct gov_action_entry *open;
	size_t n;

	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    gov_meeting_find(&ctx->gov, ctx->partnership.id,
	                     args->positional[0], &ctx->arena, &m,
	                     &err) != MASA_OK)
		return cli_fail(&err);
	if (strcmp(m.status, "held") == 0) {
		printf("%s is already recorded as held\n", m.key);
		return 0;
	}
	m.status = "held";
	if (gov_meeting_update(&ctx->gov, &m, &err) != MASA_OK)
		return cli_fail(&err);
	f.body_id = m.body_id;
	f.on = m.date;
	if (gov_action_open_list(&ctx->gov, &ctx->viewer, &f, &ctx->arena,
	                         &open, &n, &err) != MASA_OK)
		return cli_fail(&err);
	printf("%s is recorded as held; %zu open action%s of its body carried "
	       "forward\n",
	       m.key, n, n == 1 ? "" : "s");
	return 0;
}

const struct cli_command cmd_meeting_held = {
        .name = "meeting held",
        .arguments = "MEETING",
        .summary = "record a meeting as held (its body's open actions are "
                   "carried forward)",
        .min_positional = 1,
        .max_positional = 1,
        .run = run_meeting_held,
};
