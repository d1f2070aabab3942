/*
 * cmd_circulate: sending a meeting's packs, papers and draft minutes by
 * e-mail, and the record of who was sent what (gov/circulate.h).
 *
 *   masa circulate MEETING (--pack | --part-two-pack | --paper ID |
 *                  --minutes) [--to PERSON,PERSON...] [--again]
 *                  [--dry-run] [--on DATE] [--smtp URL] [--from ADDRESS]
 *                  [--site URL]
 *   masa circulation MEETING [--json]
 *
 * MEETING is a meeting's key ("RLSCB/2014-09-04"), PERSON a person's key
 * ("sue-cassin"). Without --to, the body's members on the meeting's date
 * are sent it. The SMTP server, sender and site address are the settings
 * reminders use (masa config set smtp_url|mail_from|site_url), or the
 * options. Each person's line says how it went: attached, as a link, not
 * sent and why, or sent already that day (a run repeated sends only what is
 * missing; --again sends it again, as an admin's re-send).
 */
#include <string.h>

#include "cli/cli.h"
#include "core/date.h"
#include "core/mail.h"
#include "gov/circulate.h"
#include "gov/meeting.h"
#include "gov/remind.h"

enum {
	CIRC_PACK,
	CIRC_PART_TWO_PACK,
	CIRC_PAPER,
	CIRC_MINUTES,
	CIRC_TO,
	CIRC_AGAIN,
	CIRC_DRY_RUN,
	CIRC_ON,
	CIRC_SMTP,
	CIRC_FROM,
	CIRC_SITE,
};

static const struct cli_option circulate_options[] = {
        [CIRC_PACK] = {"pack", NULL, "send the agenda pack (a link)"},
        [CIRC_PART_TWO_PACK] = {"part-two-pack", NULL,
                                "send the part-two pack (a link needing "
                                "signing in; members only)"},
        [CIRC_PAPER] = {"paper", "ID",
                        "send one paper (attached up to 5 MB; part two "
                        "as a link, to members only)"},
        [CIRC_MINUTES] = {"minutes", NULL,
                          "send the draft minutes (a link needing signing "
                          "in)"},
        [CIRC_TO] = {"to", "PERSON,...",
                     "send to these people (keys) instead of the body's "
                     "members on the meeting's date"},
        [CIRC_AGAIN] = {"again", NULL,
                        "send even to those sent it today (a re-send)"},
        [CIRC_DRY_RUN] = {"dry-run", NULL,
                          "say who would get it and how; send and record "
                          "nothing"},
        [CIRC_ON] = {"on", "DATE",
                     "record it as sent on DATE (default: today)"},
        [CIRC_SMTP] = {"smtp", "URL",
                       "the SMTP server (default: the smtp_url setting)"},
        [CIRC_FROM] = {"from", "ADDRESS",
                       "the sender (default: the mail_from setting)"},
        [CIRC_SITE] = {"site", "URL",
                       "masa's address for links, https://... (default: "
                       "the site_url setting)"},
        {NULL, NULL, NULL},
};

static const struct cli_option no_options[] = {{NULL, NULL, NULL}};

/* What to send, from the four options: exactly one. */
static enum masa_err read_what(const struct cli_args *args,
                               struct gov_circulate_ask *ask,
                               struct masa_error *err)
{
	static const int options[] = {CIRC_PACK, CIRC_PART_TWO_PACK, CIRC_PAPER,
	                              CIRC_MINUTES};
	static const enum gov_circulate_what what[] = {
	        GOV_CIRCULATE_PACK, GOV_CIRCULATE_PART_TWO_PACK,
	        GOV_CIRCULATE_PAPER, GOV_CIRCULATE_MINUTES};
	int given = 0;

	for (int i = 0; i < 4; i++) {
		if (cli_opt(args, options[i]) == NULL)
			continue;
		given++;
		ask->what = what[i];
	}
	if (given != 1)
		return masa_error_set(err, MASA_ERR_USAGE,
		                      "circulate: say what to send with one of "
		                      "--pack, --part-two-pack, --paper ID or "
		                      "--minutes");
	if (ask->what == GOV_CIRCULATE_PAPER) {
		long id;
		enum masa_err rc =
		        cli_number("--paper", cli_opt(args, CIRC_PAPER), 1,
		                   1L << 53, &id, err);
		if (rc != MASA_OK)
			return rc;
		ask->paper_id = id;
	}
	return MASA_OK;
}

/* --to's keys as person ids, in the arena. */
static enum masa_err read_people(struct cli_ctx *ctx, const char *list,
                                 struct gov_circulate_ask *ask,
                                 struct masa_error *err)
{
	char *copy = arena_strdup(&ctx->arena, list), *p = copy;
	size_t cap = 1;
	int64_t *ids;

	for (const char *c = list; *c; c++)
		cap += *c == ',';
	ids = arena_alloc(&ctx->arena, cap * sizeof *ids);
	while (p != NULL) {
		char *comma = strchr(p, ',');
		struct gov_person person;
		enum masa_err rc;

		if (comma != NULL)
			*comma = '\0';
		if (*p != '\0') {
			rc = gov_person_find(&ctx->gov, ctx->partnership.id, p,
			                     &ctx->arena, &person, err);
			if (rc != MASA_OK) {
				masa_error_prefix(err, "--to");
				return rc;
			}
			ids[ask->npeople++] = person.id;
		}
		p = comma ? comma + 1 : NULL;
	}
	if (ask->npeople == 0)
		return masa_error_set(err, MASA_ERR_USAGE,
		                      "--to: give people's keys, such as "
		                      "sue-cassin,sarah-whittle");
	ask->people = ids;
	return MASA_OK;
}

static const char *how_text(const struct gov_circulate_recipient *r)
{
	switch (r->how) {
	case GOV_CIRCULATE_ATTACHED:
		return "attached";
	case GOV_CIRCULATE_LINK:
		return "as a link";
	case GOV_CIRCULATE_ALREADY:
		return "already";
	default:
		return "not sent";
	}
}

static void print_line(const struct gov_circulate_recipient *r, bool dry_run)
{
	const char *email = r->email ? r->email : "";

	if (r->how == GOV_CIRCULATE_NOT_SENT)
		printf("not sent to %s%s%s%s: %s\n", r->name,
		       r->email ? " <" : "", email, r->email ? ">" : "",
		       r->reason);
	else if (r->how == GOV_CIRCULATE_ALREADY)
		printf("not sent again to %s <%s>: %s\n", r->name, email,
		       r->reason);
	else
		printf("%s %s <%s>: %s\n",
		       dry_run ? "would send to" : "sent to", r->name, email,
		       how_text(r));
}

static int run_circulate(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_circulate_ask ask = {0};
	struct gov_circulate_plan plan;
	struct gov_circulate_result result = {0};
	struct gov_meeting m;
	struct mail_sender *sender = NULL;
	bool dry_run = cli_opt(args, CIRC_DRY_RUN) != NULL;
	const char *smtp = NULL, *from = NULL, *site = NULL;
	int status = 0;

	ask.on = cli_opt(args, CIRC_ON);
	ask.again = cli_opt(args, CIRC_AGAIN) != NULL;
	if (read_what(args, &ask, &err) ||
	    (ask.on && date_parse(ask.on, NULL, &err)) ||
	    (cli_opt(args, CIRC_SMTP) &&
	     mail_check_url(cli_opt(args, CIRC_SMTP), &err)) ||
	    (cli_opt(args, CIRC_FROM) &&
	     mail_check_address("--from", cli_opt(args, CIRC_FROM), &err)) ||
	    (cli_opt(args, CIRC_SITE) &&
	     gov_site_url_check(cli_opt(args, CIRC_SITE), &err))) {
		err.code = MASA_ERR_USAGE;
		return cli_fail(&err);
	}
	if (cli_open_partnership(ctx, &err) ||
	    gov_meeting_find(&ctx->gov, ctx->partnership.id,
	                     args->positional[0], &ctx->arena, &m, &err) ||
	    (cli_opt(args, CIRC_TO) &&
	     read_people(ctx, cli_opt(args, CIRC_TO), &ask, &err)) ||
	    cli_setting(ctx, cli_opt(args, CIRC_SITE), "site_url", &site,
	                &err) ||
	    cli_setting(ctx, cli_opt(args, CIRC_FROM), "mail_from", &from,
	                &err) ||
	    cli_setting(ctx, cli_opt(args, CIRC_SMTP), "smtp_url", &smtp, &err))
		return cli_fail(&err);
	if (site == NULL || from == NULL || (!dry_run && smtp == NULL)) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "circulate: no %s: give %s or set it with `masa "
		               "config set %s VALUE`",
		               site == NULL   ? "site address for links"
		               : from == NULL ? "sender address"
		                              : "SMTP server",
		               site == NULL   ? "--site URL"
		               : from == NULL ? "--from ADDRESS"
		                              : "--smtp URL",
		               site == NULL   ? "site_url"
		               : from == NULL ? "mail_from"
		                              : "smtp_url");
		return cli_fail(&err);
	}
	ask.meeting_id = m.id;
	ask.site_url = site;
	if (gov_circulate_plan(&ctx->gov, ctx->partnership.id, &ask,
	                       &ctx->arena, &plan, &err))
		return cli_fail(&err);
	if (dry_run) {
		for (size_t i = 0; i < plan.nto; i++)
			print_line(&plan.to[i], true);
		printf("dry run: %s of %s; nothing sent or recorded\n",
		       plan.described, m.key);
		return 0;
	}
	if (mail_sender_open(smtp, &sender, &err) ||
	    gov_circulate_send(&ctx->gov, &plan, sender, from,
	                       ctx->partnership.name, &ctx->arena, &result,
	                       &err)) {
		mail_sender_close(sender);
		return cli_fail(&err);
	}
	mail_sender_close(sender);
	for (size_t i = 0; i < plan.nto; i++) {
		print_line(&plan.to[i], false);
		if (plan.to[i].how == GOV_CIRCULATE_NOT_SENT &&
		    plan.to[i].email != NULL)
			status = 3;
	}
	printf("%s of %s on %s: %zu sent, %zu not sent, %zu sent already\n",
	       plan.described, m.key, plan.on, result.sent, result.not_sent,
	       result.already);
	return status;
}

const struct cli_command cmd_circulate = {
        .name = "circulate",
        .arguments = "MEETING",
        .summary = "e-mail a meeting's agenda pack, part-two pack, a paper "
                   "or the draft minutes to its members or chosen people",
        .options = circulate_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_circulate,
};

static const char *thing_text(struct arena *a,
                              const struct gov_circulation_row *r)
{
	if (strcmp(r->what, "paper") == 0)
		return arena_printf(a, "paper %lld", (long long)r->paper_id);
	if (strcmp(r->what, "part_two_pack") == 0)
		return "part-two pack";
	return strcmp(r->what, "pack") == 0 ? "agenda pack" : "draft minutes";
}

static int run_circulation(struct cli_ctx *ctx, const struct cli_args *args)
{
	static const char *const headings[] = {
	        "ID", "SENT ON", "WHAT", "TO", "E-MAIL", "HOW", "WHY", NULL};
	struct masa_error err = {0};
	struct gov_meeting m;
	struct gov_circulation_row *rows;
	size_t n;
	struct table *t;

	if (cli_open_partnership(ctx, &err) ||
	    gov_meeting_find(&ctx->gov, ctx->partnership.id,
	                     args->positional[0], &ctx->arena, &m, &err) ||
	    gov_circulation_record(&ctx->gov, &ctx->viewer, m.id, 0,
	                           &ctx->arena, &rows, &n, &err))
		return cli_fail(&err);
	if (ctx->json) {
		json_t *list = json_array();
		for (size_t i = 0; i < n; i++) {
			const struct gov_circulation_row *r = &rows[i];
			json_array_append_new(
			        list,
			        json_pack("{s:I, s:s, s:s, s:o?, s:s, s:s, "
			                  "s:s?, s:b, s:s, s:s?, s:b, s:s?}",
			                  "id", (json_int_t)r->id, "sent_on",
			                  r->sent_on, "what", r->what, "paper",
			                  r->paper_id
			                          ? json_integer(r->paper_id)
			                          : NULL,
			                  "person", r->person_key, "name",
			                  r->person_name, "email", r->email,
			                  "member", r->member, "how", r->how,
			                  "sent_at", r->sent_at, "part_two",
			                  r->part_two, "reason", r->reason));
		}
		json_print(list, stdout);
		return 0;
	}
	t = table_new(headings);
	for (size_t i = 0; i < n; i++) {
		const struct gov_circulation_row *r = &rows[i];
		const char *cells[] = {
		        arena_printf(&ctx->arena, "%lld", (long long)r->id),
		        r->sent_on,
		        thing_text(&ctx->arena, r),
		        r->person_name,
		        r->email ? r->email : "-",
		        strcmp(r->how, "not_sent") == 0 ? "not sent" : r->how,
		        r->reason ? r->reason : "",
		};
		table_add(t, cells);
	}
	table_print(t, stdout);
	return 0;
}

const struct cli_command cmd_circulation = {
        .name = "circulation",
        .arguments = "MEETING",
        .summary = "who was sent a meeting's packs, papers and minutes, "
                   "when and how",
        .options = no_options,
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .run = run_circulation,
};
