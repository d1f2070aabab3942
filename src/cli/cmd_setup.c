/*
 * cmd_setup: setting up the partnership from the command line: add and edit
 * organisations, people and bodies, close a body, add a member, end a
 * membership, change a member's role (and so the chair).
 *
 * The options of add and edit are not written here: each is a field of the
 * kind's declaration (gov/record.h), --SLUG VALUE (record_field_slug:
 * --short-name, --organisation), with its label, hint and choices as its
 * help, and values are read through the same table as the forms read them
 * (record_field_set_text), so a new field needs no change here.
 */
#include <string.h>

#include "cli/cli.h"
#include "core/date.h"
#include "gov/body.h"
#include "gov/record.h"

/* A command whose options come from a kind's fields. */
struct setup_command {
	const struct record_kind *kind;
	const char *const *fields;      /* slugs, in the order of --help */
	const struct cli_option *extra; /* after them, or NULL */
	bool some; /* only the fields given are read: none is required */
};

/* What a person types for a field: "DATE", "PERSON", "yes|no". */
static const char *value_word(struct arena *a, const struct record_field *f)
{
	switch (f->input) {
	case RECORD_INPUT_DATE:
		return "YYYY-MM-DD";
	case RECORD_INPUT_YESNO:
		return "yes|no";
	case RECORD_INPUT_NUMBER:
		return "N";
	case RECORD_INPUT_KEY:
		return "KEY";
	case RECORD_INPUT_CHOICE:
		return "CHOICE";
	case RECORD_INPUT_REF: {
		char *w = arena_strdup(a, f->ref->what);
		for (char *p = w; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		return w;
	}
	default:
		return "TEXT";
	}
}

/* The field's help: its label, hint, choices and whether it is required. */
static const char *field_help(struct arena *a, const struct record_field *f,
                              bool some)
{
	const char *s = f->label;

	if (f->hint)
		s = arena_printf(a, "%s - %s", s, f->hint);
	for (size_t i = 0; f->choices && f->choices[i]; i++)
		s = arena_printf(a, "%s%s %s (%s)", s, i ? "," : "; one of",
		                 f->choices[i],
		                 f->choice_labels ? f->choice_labels[i]
		                                  : f->choices[i]);
	if (f->required && f->input != RECORD_INPUT_KEY && !some)
		s = arena_printf(a, "%s (required)", s);
	return s;
}

/*
 * The options of cmd: one for each of its fields, then its extra ones.
 * Made once per command and kept for the process (the CLI runs one).
 */
static const struct cli_option *setup_options(const struct cli_command *cmd)
{
	static struct arena a = ARENA_INIT;
	static struct {
		const struct cli_command *cmd;
		struct cli_option options[CLI_MAX_OPTIONS + 1];
	} made[16];
	static size_t nmade;
	const struct setup_command *s = cmd->data;
	struct cli_option *o;
	size_t n = 0;

	for (size_t i = 0; i < nmade; i++)
		if (made[i].cmd == cmd)
			return made[i].options;
	if (nmade == sizeof made / sizeof made[0])
		return NULL; /* more commands than kept: a bug here */
	made[nmade].cmd = cmd;
	o = made[nmade++].options;
	for (size_t i = 0; s->fields[i] && n < CLI_MAX_OPTIONS; i++) {
		const struct record_field *f =
		        record_field_by_slug(s->kind, s->fields[i]);
		if (f == NULL)
			continue;
		o[n++] = (struct cli_option){s->fields[i], value_word(&a, f),
		                             field_help(&a, f, s->some)};
	}
	for (size_t i = 0; s->extra && s->extra[i].name && n < CLI_MAX_OPTIONS;
	     i++)
		o[n++] = s->extra[i];
	o[n] = (struct cli_option){NULL, NULL, NULL};
	return o;
}

static size_t nfields(const struct setup_command *s)
{
	size_t n = 0;

	while (s->fields[n])
		n++;
	return n;
}

/* The option index of extra option name. */
static int extra_index(const struct setup_command *s, const char *name)
{
	for (int i = 0; s->extra && s->extra[i].name; i++)
		if (strcmp(s->extra[i].name, name) == 0)
			return (int)nfields(s) + i;
	return CLI_MAX_OPTIONS - 1;
}

/*
 * Sets the fields of rec the options give (all of them when every is set,
 * so that a required one left out is refused), through the table.
 */
static enum masa_err read_fields(struct cli_ctx *ctx,
                                 const struct cli_command *cmd,
                                 const struct cli_args *args, void *rec,
                                 bool every, struct masa_error *err)
{
	const struct setup_command *s = cmd->data;

	for (size_t i = 0; s->fields[i]; i++) {
		const struct record_field *f =
		        record_field_by_slug(s->kind, s->fields[i]);
		const char *value = cli_opt(args, (int)i);
		enum masa_err rc;

		if (f == NULL || (value == NULL && !every))
			continue;
		rc = record_field_set_text(&ctx->gov, f, ctx->partnership.id,
		                           rec, value, &ctx->arena, err);
		if (rc != MASA_OK) {
			masa_error_prefix(err, "--%s", s->fields[i]);
			return rc;
		}
	}
	return MASA_OK;
}

/* ---- organisations ---- */

static const char *const org_fields[] = {
        "name", "key",         "classification",
        "part", "lead-person", "delegate-person",
        NULL};
static const struct setup_command org_setup = {&gov_organisation_record,
                                               org_fields, NULL, false};
static const struct setup_command org_edit_setup = {&gov_organisation_record,
                                                    org_fields, NULL, true};

static int run_org_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_organisation o = {0};

	if (cli_open_partnership(ctx, &err) != MASA_OK)
		return cli_fail(&err);
	o.partnership_id = ctx->partnership.id;
	if (read_fields(ctx, &cmd_org_add, args, &o, true, &err) ||
	    gov_key_or_new(&ctx->gov, ctx->partnership.id, &o.key, o.name,
	                   gov_organisation_key_new, &ctx->arena, &err) ||
	    gov_organisation_create(&ctx->gov, &o, &err))
		return cli_fail(&err);
	printf("added organisation %s (%s)\n", o.key, o.name);
	return 0;
}

static int run_org_edit(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_organisation o;

	if (cli_open_partnership(ctx, &err) ||
	    gov_organisation_find(&ctx->gov, ctx->partnership.id,
	                          args->positional[0], &ctx->arena, &o, &err) ||
	    read_fields(ctx, &cmd_org_edit, args, &o, false, &err) ||
	    gov_key_or_new(&ctx->gov, ctx->partnership.id, &o.key, o.name,
	                   gov_organisation_key_new, &ctx->arena, &err) ||
	    gov_organisation_update(&ctx->gov, &o, &err))
		return cli_fail(&err);
	printf("saved organisation %s (%s)\n", o.key, o.name);
	return 0;
}

const struct cli_command cmd_org_add = {
        .name = "org add",
        .summary = "add an organisation to the partnership",
        .options_of = setup_options,
        .data = &org_setup,
        .run = run_org_add,
};

const struct cli_command cmd_org_edit = {
        .name = "org edit",
        .arguments = "ORGANISATION",
        .summary = "change an organisation (only the fields given)",
        .options_of = setup_options,
        .data = &org_edit_setup,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_org_edit,
};

/* ---- people ---- */

static const char *const person_fields[] = {
        "name",  "key", "honorific-prefix", "job-title", "organisation",
        "email", NULL};
static const struct setup_command person_setup = {&gov_person_record,
                                                  person_fields, NULL, false};
static const struct setup_command person_edit_setup = {
        &gov_person_record, person_fields, NULL, true};

static int run_person_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_person p = {0};

	if (cli_open_partnership(ctx, &err) != MASA_OK)
		return cli_fail(&err);
	p.partnership_id = ctx->partnership.id;
	if (read_fields(ctx, &cmd_person_add, args, &p, true, &err) ||
	    gov_key_or_new(&ctx->gov, ctx->partnership.id, &p.key, p.name,
	                   gov_person_key_new, &ctx->arena, &err) ||
	    gov_person_create(&ctx->gov, &p, &err))
		return cli_fail(&err);
	printf("added person %s (%s)\n", p.key, p.name);
	return 0;
}

static int run_person_edit(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_person p;

	if (cli_open_partnership(ctx, &err) ||
	    gov_person_find(&ctx->gov, ctx->partnership.id, args->positional[0],
	                    &ctx->arena, &p, &err) ||
	    read_fields(ctx, &cmd_person_edit, args, &p, false, &err) ||
	    gov_key_or_new(&ctx->gov, ctx->partnership.id, &p.key, p.name,
	                   gov_person_key_new, &ctx->arena, &err) ||
	    gov_person_update(&ctx->gov, &p, &err))
		return cli_fail(&err);
	printf("saved person %s (%s)\n", p.key, p.name);
	return 0;
}

const struct cli_command cmd_person_add = {
        .name = "person add",
        .summary = "add a person (their key is made from the name unless "
                   "given)",
        .options_of = setup_options,
        .data = &person_setup,
        .run = run_person_add,
};

const struct cli_command cmd_person_edit = {
        .name = "person edit",
        .arguments = "PERSON",
        .summary = "change a person's details (only the fields given)",
        .options_of = setup_options,
        .data = &person_edit_setup,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_person_edit,
};

/* ---- bodies ---- */

static const char *const body_fields[] = {"short-name",
                                          "name",
                                          "kind",
                                          "parent",
                                          "founding-date",
                                          "dissolution-date",
                                          "quorum-count",
                                          "quorum-fraction",
                                          "quorum-partners",
                                          "terms-of-reference",
                                          NULL};
static const struct setup_command body_setup = {&gov_body_record, body_fields,
                                                NULL, false};
static const struct setup_command body_edit_setup = {&gov_body_record,
                                                     body_fields, NULL, true};

static const char *const no_fields[] = {NULL};
static const struct cli_option on_option[] = {
        {"on", "YYYY-MM-DD", "the day it happens: the last day of what ends"},
        {NULL, NULL, NULL}};
static const struct setup_command body_close_setup = {
        &gov_body_record, no_fields, on_option, true};

static int run_body_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_body b = {0};

	if (cli_open_partnership(ctx, &err) != MASA_OK)
		return cli_fail(&err);
	b.partnership_id = ctx->partnership.id;
	if (read_fields(ctx, &cmd_body_add, args, &b, true, &err) ||
	    gov_body_create(&ctx->gov, &b, &err))
		return cli_fail(&err);
	printf("added body %s (%s)\n", b.short_name, b.name);
	return 0;
}

static int run_body_edit(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_body b;

	if (cli_open_partnership(ctx, &err) ||
	    gov_body_find(&ctx->gov, ctx->partnership.id, args->positional[0],
	                  &ctx->arena, &b, &err) ||
	    read_fields(ctx, &cmd_body_edit, args, &b, false, &err) ||
	    gov_body_update(&ctx->gov, &b, &err))
		return cli_fail(&err);
	printf("saved body %s (%s)\n", b.short_name, b.name);
	return 0;
}

/* --on DATE, or today. */
static const char *on_date(struct cli_ctx *ctx, const struct setup_command *s,
                           const struct cli_args *args)
{
	const char *on = cli_opt(args, extra_index(s, "on"));
	char today[DATE_TEXT_SIZE];

	if (on != NULL)
		return on;
	date_format(date_today(), today);
	return arena_strdup(&ctx->arena, today);
}

static int run_body_close(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_body b;
	const char *on = on_date(ctx, &body_close_setup, args);

	if (cli_open_partnership(ctx, &err) ||
	    gov_body_find(&ctx->gov, ctx->partnership.id, args->positional[0],
	                  &ctx->arena, &b, &err) ||
	    gov_body_close(&ctx->gov, b.id, on, &err))
		return cli_fail(&err);
	printf("closed %s on %s; its memberships ended that day\n",
	       b.short_name, on);
	return 0;
}

const struct cli_command cmd_body_add = {
        .name = "body add",
        .summary = "add a body (board, sub-group, panel...)",
        .options_of = setup_options,
        .data = &body_setup,
        .run = run_body_add,
};

const struct cli_command cmd_body_edit = {
        .name = "body edit",
        .arguments = "BODY",
        .summary = "change a body (only the fields given)",
        .options_of = setup_options,
        .data = &body_edit_setup,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_body_edit,
};

const struct cli_command cmd_body_close = {
        .name = "body close",
        .arguments = "BODY",
        .summary = "close a body on a date (default today), ending its "
                   "memberships; its history stays",
        .options_of = setup_options,
        .data = &body_close_setup,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_body_close,
};

/* ---- members ---- */

static const char *const member_fields[] = {
        "body",  "person",     "role",     "organisation",
        "label", "start-date", "end-date", NULL};
static const struct setup_command member_setup = {&gov_membership_record,
                                                  member_fields, NULL, false};

/* Which membership: of --body and --person, in --role, running --on. */
static const char *const which_fields[] = {"body", "person", "role", NULL};
static const struct cli_option end_options[] = {
        {"on", "YYYY-MM-DD", "the membership's last day (default today)"},
        {NULL, NULL, NULL}};
static const struct setup_command member_end_setup = {
        &gov_membership_record, which_fields, end_options, true};
static const struct cli_option change_options[] = {
        {"to", "CHOICE",
         "the new role, from --on; to chair: the chair before steps down "
         "the day before (required)"},
        {"on", "YYYY-MM-DD", "the first day in the new role (default today)"},
        {"previous-role", "CHOICE",
         "to chair: what the chair before becomes (default: they leave)"},
        {NULL, NULL, NULL}};
static const struct setup_command member_change_setup = {
        &gov_membership_record, which_fields, change_options, true};

static int run_member_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_membership m = {0};

	if (cli_open_partnership(ctx, &err) ||
	    read_fields(ctx, &cmd_member_add, args, &m, true, &err) ||
	    gov_membership_create(&ctx->gov, &m, &err))
		return cli_fail(&err);
	printf("added membership %lld\n", (long long)m.id);
	return 0;
}

/*
 * The membership of --body and --person (in --role when given) running on
 * date: MASA_ERR_NOT_FOUND when none, MASA_ERR_USAGE when several.
 */
static enum masa_err
find_membership(struct cli_ctx *ctx, const struct cli_command *cmd,
                const struct cli_args *args, const char *date,
                struct gov_membership *out, struct masa_error *err)
{
	struct gov_membership want = {0};
	struct gov_member *ms;
	size_t n, found = 0;
	enum masa_err rc;

	if ((rc = read_fields(ctx, cmd, args, &want, false, err)))
		return rc;
	if (want.body_id == 0 || want.person_id == 0)
		return masa_error_set(err, MASA_ERR_USAGE,
		                      "%s: give --body and --person",
		                      cmd->name);
	if ((rc = gov_members_on(&ctx->gov, want.body_id, date, &ctx->arena,
	                         &ms, &n, err)))
		return rc;
	for (size_t i = 0; i < n; i++)
		if (ms[i].m.person_id == want.person_id &&
		    (want.role == NULL ||
		     strcmp(want.role, ms[i].m.role) == 0)) {
			*out = ms[i].m;
			found++;
		}
	if (found == 0)
		return masa_error_set(
		        err, MASA_ERR_NOT_FOUND,
		        "--person: %s is not a member of %s on %s%s%s",
		        cli_opt(args, 1), cli_opt(args, 0), date,
		        want.role ? " as " : "", want.role ? want.role : "");
	if (found > 1)
		return masa_error_set(err, MASA_ERR_USAGE,
		                      "--role: %s has %zu roles in %s on %s: "
		                      "say which",
		                      cli_opt(args, 1), found, cli_opt(args, 0),
		                      date);
	return MASA_OK;
}

static int run_member_end(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_membership m;
	const char *on = on_date(ctx, &member_end_setup, args);

	if (cli_open_partnership(ctx, &err) ||
	    find_membership(ctx, &cmd_member_end, args, on, &m, &err) ||
	    gov_membership_end(&ctx->gov, m.id, on, &err))
		return cli_fail(&err);
	printf("ended membership %lld on %s\n", (long long)m.id, on);
	return 0;
}

static int run_member_change_role(struct cli_ctx *ctx,
                                  const struct cli_args *args)
{
	const struct setup_command *s = &member_change_setup;
	struct masa_error err = {0};
	struct gov_membership m;
	const char *on = on_date(ctx, s, args);
	const char *to = cli_opt(args, extra_index(s, "to"));
	const char *previous = cli_opt(args, extra_index(s, "previous-role"));

	if (to == NULL) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "member change-role: give --to ROLE");
		return cli_fail(&err);
	}
	if (cli_open_partnership(ctx, &err) != MASA_OK)
		return cli_fail(&err);
	if (strcmp(to, "chair") == 0) {
		/* The new chair may be a member already (whose membership
		 * gives way to the chair's) or new to the body. */
		struct gov_membership want = {0};
		struct gov_chair_change c = {.date = (char *)on,
		                             .previous_role = (char *)previous};
		if (read_fields(ctx, &cmd_member_change_role, args, &want,
		                false, &err))
			return cli_fail(&err);
		if (find_membership(ctx, &cmd_member_change_role, args, on, &m,
		                    &err) == MASA_OK)
			c.organisation_id = m.organisation_id;
		else if (err.code != MASA_ERR_NOT_FOUND)
			return cli_fail(&err);
		c.body_id = want.body_id;
		c.person_id = want.person_id;
		if (gov_chair_change(&ctx->gov, &c, &err))
			return cli_fail(&err);
	} else if (previous != NULL) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "--previous-role: only with --to chair");
		return cli_fail(&err);
	} else if (find_membership(ctx, &cmd_member_change_role, args, on, &m,
	                           &err) ||
	           gov_membership_change_role(&ctx->gov, m.id, to, on, &err)) {
		return cli_fail(&err);
	}
	printf("%s is %s from %s\n", cli_opt(args, 1), to, on);
	return 0;
}

const struct cli_command cmd_member_add = {
        .name = "member add",
        .summary = "add a person to a body in a role",
        .options_of = setup_options,
        .data = &member_setup,
        .run = run_member_add,
};

const struct cli_command cmd_member_end = {
        .name = "member end",
        .summary = "end a membership on a date; it stays on record",
        .options_of = setup_options,
        .data = &member_end_setup,
        .run = run_member_end,
};

const struct cli_command cmd_member_change_role = {
        .name = "member change-role",
        .summary = "a member takes another role from a date (to chair: "
                   "the change of chair)",
        .options_of = setup_options,
        .data = &member_change_setup,
        .run = run_member_change_role,
};
