/*
 * cmd_structure: the partnership's structure: its bodies as a tree, and who
 * sat on a body on a date.
 */
#include <string.h>

#include "cli/cli.h"
#include "core/date.h"
#include "gov/body.h"

/* Adds bodies whose parent is parent_id, depth first, to t or list. */
static void add_subtree(const struct gov_body *bodies, size_t n,
                        int64_t parent_id, int depth, struct arena *a,
                        struct table *t, json_t *list)
{
	for (size_t i = 0; i < n; i++) {
		const struct gov_body *b = &bodies[i];
		const char *parent = NULL;

		if (b->parent_id != parent_id)
			continue;
		for (size_t k = 0; k < n; k++)
			if (bodies[k].id == b->parent_id)
				parent = bodies[k].short_name;
		if (list != NULL) {
			json_t *o = json_pack(
			        "{s:s, s:s, s:s, s:o, s:i, s:o, s:o, s:s}",
			        "short_name", b->short_name, "name", b->name,
			        "classification", b->kind, "parent",
			        parent ? json_string(parent) : json_null(),
			        "depth", depth, "founding_date",
			        b->founding_date ? json_string(b->founding_date)
			                         : json_null(),
			        "dissolution_date",
			        b->dissolution_date
			                ? json_string(b->dissolution_date)
			                : json_null(),
			        "quorum", gov_body_quorum_text(a, b));
			json_array_append_new(list, o);
		} else {
			const char *cells[] = {
			        arena_printf(a, "%*s%s", depth * 2, "",
			                     b->short_name),
			        b->kind,
			        b->name,
			        b->founding_date,
			        b->dissolution_date,
			};
			table_add(t, cells);
		}
		add_subtree(bodies, n, b->id, depth + 1, a, t, list);
	}
}

static int run_bodies(struct cli_ctx *ctx, const struct cli_args *args)
{
	static const char *const headings[] = {"BODY", "KIND", "NAME",
	                                       "FROM", "TO",   NULL};
	struct masa_error err = {0};
	struct gov_body *bodies;
	size_t n;

	(void)args;
	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    gov_body_list(&ctx->gov, ctx->partnership.id, &ctx->arena, &bodies,
	                  &n, &err) != MASA_OK)
		return cli_fail(&err);
	if (ctx->json) {
		json_t *list = json_array();
		add_subtree(bodies, n, 0, 0, &ctx->arena, NULL, list);
		json_print(list, stdout);
	} else {
		struct table *t = table_new(headings);
		printf("%s: %zu bodies\n\n", ctx->partnership.name, n);
		add_subtree(bodies, n, 0, 0, &ctx->arena, t, NULL);
		table_print(t, stdout);
	}
	return 0;
}

const struct cli_command cmd_bodies = {
        .name = "bodies",
        .summary = "the partnership's bodies as a tree",
        .listing = true,
        .run = run_bodies,
};

enum { MEMBERS_ON, MEMBERS_ALL };

static const struct cli_option members_options[] = {
        [MEMBERS_ON] = {"on", "DATE",
                        "who sat on the body on DATE (default: today)"},
        [MEMBERS_ALL] = {"all", NULL,
                         "every membership the body has had, with dates"},
        {NULL, NULL, NULL},
};

static json_t *text_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static int run_members(struct cli_ctx *ctx, const struct cli_args *args)
{
	static const char *const headings[] = {
	        "ROLE", "NAME", "REPRESENTING", "FROM", "TO", "AS", NULL};
	struct masa_error err = {0};
	struct gov_body body;
	struct gov_member *ms;
	const char *on = cli_opt(args, MEMBERS_ON);
	bool all = cli_opt(args, MEMBERS_ALL) != NULL;
	char today[DATE_TEXT_SIZE];
	size_t n;

	if (all && on != NULL) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "members: give --on DATE or --all, not both");
		return cli_fail(&err);
	}
	if (!all && on == NULL) {
		date_format(date_today(), today);
		on = today;
	}
	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    gov_body_find(&ctx->gov, ctx->partnership.id, args->positional[0],
	                  &ctx->arena, &body, &err) != MASA_OK ||
	    gov_members_on(&ctx->gov, body.id, all ? NULL : on, &ctx->arena,
	                   &ms, &n, &err) != MASA_OK)
		return cli_fail(&err);
	if (ctx->json) {
		json_t *list = json_array();
		for (size_t i = 0; i < n; i++) {
			json_array_append_new(
			        list,
			        json_pack("{s:s, s:s, s:o, s:o, s:s, s:o, s:o, "
			                  "s:o, s:o, s:o}",
			                  "person", ms[i].person_key, "name",
			                  ms[i].person_name, "honorific_prefix",
			                  text_or_null(ms[i].honorific_prefix),
			                  "job_title",
			                  text_or_null(ms[i].job_title), "role",
			                  ms[i].m.role, "label",
			                  text_or_null(ms[i].m.label),
			                  "on_behalf_of",
			                  text_or_null(ms[i].organisation_key),
			                  "organisation",
			                  text_or_null(ms[i].organisation_name),
			                  "start_date",
			                  text_or_null(ms[i].m.start_date),
			                  "end_date",
			                  text_or_null(ms[i].m.end_date)));
		}
		json_print(json_pack("{s:s, s:s, s:o, s:o}", "body",
		                     body.short_name, "name", body.name, "on",
		                     all ? json_null() : json_string(on),
		                     "members", list),
		           stdout);
		return 0;
	}
	if (n == 0) {
		printf("nobody sat on %s (%s)%s%s", body.short_name, body.name,
		       all ? "" : " on ", all ? "" : on);
		if (!all && body.dissolution_date &&
		    strcmp(on, body.dissolution_date) > 0)
			printf(": it was dissolved on %s",
			       body.dissolution_date);
		else if (!all && body.founding_date &&
		         strcmp(on, body.founding_date) < 0)
			printf(": it was founded on %s", body.founding_date);
		printf("\ntry --on DATE, or --all for its whole membership\n");
		return 0;
	}
	printf("%s (%s)%s%s: %zu member%s\n\n", body.name, body.short_name,
	       all ? ", every membership" : " on ", all ? "" : on, n,
	       n == 1 ? "" : "s");
	struct table *t = table_new(headings);
	for (size_t i = 0; i < n; i++) {
		const char *name =
		        ms[i].honorific_prefix
		                ? arena_printf(&ctx->arena, "%s %s",
		                               ms[i].honorific_prefix,
		                               ms[i].person_name)
		                : ms[i].person_name;
		const char *cells[] = {
		        ms[i].m.role,
		        name,
		        ms[i].organisation_name,
		        ms[i].m.start_date,
		        ms[i].m.end_date,
		        ms[i].m.label ? ms[i].m.label : ms[i].job_title,
		};
		table_add(t, cells);
	}
	table_print(t, stdout);
	return 0;
}

const struct cli_command cmd_members = {
        .name = "members",
        .arguments = "BODY",
        .summary = "who sat on a body on a date, with their roles",
        .options = members_options,
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .run = run_members,
};
