/*
 * cmd_reviews: practice reviews, their recommendations and impact
 * evidence, and learning briefings from the command line
 * (assure/review.h, recommendation.h, briefing.h).
 *
 *   masa review add --reference REF --title T --kind K --body BODY ...
 *   masa review set REF [--FIELD VALUE...] [--stage STAGE --on DATE]
 *   masa review contribution REF --organisation ORG --what TEXT --due DATE
 *   masa review list | show REF
 *   masa recommendation add REF --text TEXT [--organisation ORG] ...
 *   masa recommendation set REF N [--FIELD VALUE...]
 *   masa recommendation list [--review REF] [--organisation ORG] [--status S]
 *   masa recommendation close REF N [--on DATE] [--reason TEXT]
 *   masa recommendation action REF N [--details TEXT] [--due DATE]
 *   masa evidence add REF N --checkpoint C --kind K --summary TEXT [--on D]
 *   masa evidence judge REF N --checkpoint C --rag RAG [--on D] [--by P]
 *   masa briefing add --title T [--summary S] [--review REF] [--file F]
 *   masa briefing publish ID [--on DATE]
 *   masa briefing circulate ID --audience TEXT [--on DATE] [--recipients N]
 *   masa briefing list
 *
 * The options that set a review's or a recommendation's fields are read
 * through the fields' declarations (record_field_set_text), as the forms
 * read them, so their checks and messages are the same.
 */
#include <stdio.h>
#include <string.h>

#include "assure/briefing.h"
#include "assure/recommendation.h"
#include "assure/review.h"
#include "cli/cli.h"
#include "core/buf.h"
#include "core/date.h"
#include "gov/record.h"

/* An option that sets a field of a record (its column). */
struct field_option {
	const char *option;
	const char *field;
};

/* Sets the fields of rec (kind k) that the options given name. */
static enum masa_err read_field_options(struct cli_ctx *ctx,
                                        const struct record_kind *k,
                                        const struct cli_option *options,
                                        const struct field_option *map,
                                        const struct cli_args *args, void *rec,
                                        struct masa_error *err)
{
	for (int i = 0; options[i].name != NULL; i++) {
		const char *value = cli_opt(args, i);
		const struct record_field *f = NULL;

		if (value == NULL)
			continue;
		for (size_t m = 0; map[m].option != NULL && f == NULL; m++)
			if (strcmp(map[m].option, options[i].name) == 0)
				for (size_t j = 0; j < k->nfields; j++)
					if (strcmp(k->fields[j].name,
					           map[m].field) == 0)
						f = &k->fields[j];
		if (f == NULL)
			continue;
		enum masa_err rc = record_field_set_text(
		        &ctx->gov, f, ctx->partnership.id, rec,
		        value[0] ? value : NULL, &ctx->arena, err);
		if (rc != MASA_OK) {
			masa_error_prefix(err, "--%s", options[i].name);
			return rc;
		}
	}
	return MASA_OK;
}

static const struct field_option review_map[] = {
        {"reference", "reference"},
        {"title", "title"},
        {"kind", "kind"},
        {"body", "body_id"},
        {"incident", "incident_id"},
        {"commissioned-on", "commissioned_on"},
        {"reviewer", "reviewer"},
        {"method", "method"},
        {"terms-of-reference", "terms_of_reference"},
        {"final-on", "final_on"},
        {"signed-off-on", "signed_off_on"},
        {"publication-due-on", "publication_due_on"},
        {"sent-to-panel-on", "sent_to_panel_on"},
        {"published-on", "published_on"},
        {"published-url", "published_url"},
        {"summary", "summary"},
        {"held-reason", "held_reason"},
        {"held-note", "held_note"},
        {"held-review-on", "held_review_on"},
        {NULL, NULL},
};

/* review add: the options up to FIELDS_ADD; set takes them all. */
static const struct cli_option review_options[] = {
        {"reference", "REF", "the review's reference, never a name"},
        {"title", "TEXT", "the title the report is known by"},
        {"kind", "KIND", "local, national or scr (default local)"},
        {"body", "BODY", "the body holding it (practice review sub-group)"},
        {"incident", "REF", "the incident it reviews"},
        {"commissioned-on", "DATE", "the day it was commissioned"},
        {"reviewer", "TEXT", "the independent reviewer's name"},
        {"method", "TEXT", "the method, such as SILP"},
        {"terms-of-reference", "TEXT", "its terms of reference (Markdown)"},
        {"publication-due-on", "DATE",
         "when publication is due (default six months from the decision)"},
        {"final-on", "DATE", "the day the final report was agreed"},
        {"signed-off-on", "DATE", "the day the partners signed it off"},
        {"sent-to-panel-on", "DATE",
         "the day it was sent to the national panel and the Secretary of "
         "State"},
        {"published-on", "DATE", "the day it was published"},
        {"published-url", "URL", "the address of the published report"},
        {"summary", "TEXT", "the public summary (Markdown)"},
        {"held-reason", "REASON",
         "publication held: criminal_proceedings, family_wishes or other "
         "(\"\" ends the hold)"},
        {"held-note", "TEXT", "about the hold"},
        {"held-review-on", "DATE", "the day the hold is looked at again"},
        {"stage", "STAGE",
         "set only: move to scoping, fieldwork, involvement, draft or "
         "final"},
        {"on", "DATE", "set only: the day the stage began (default today)"},
        {NULL, NULL, NULL},
};
enum { REVIEW_STAGE = 19, REVIEW_ON = 20 };

static const struct cli_option *review_add_options(const struct cli_command *c)
{
	static struct cli_option o[11];

	(void)c;
	memcpy(o, review_options, 10 * sizeof o[0]);
	return o;
}

static int run_review_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct review r = {0};

	if (cli_open_partnership(ctx, &err))
		return cli_fail(&err);
	r.partnership_id = ctx->partnership.id;
	r.kind = "local";
	if (read_field_options(ctx, &review_record, review_options, review_map,
	                       args, &r, &err) ||
	    review_create(&ctx->gov, &r, &ctx->arena, &err))
		return cli_fail(&err);
	printf("added review %s (%s), publication due %s\n", r.reference,
	       r.title,
	       r.publication_due_on ? r.publication_due_on : "not set");
	return 0;
}

const struct cli_command cmd_review_add = {
        .name = "review add",
        .summary = "commission a practice review",
        .options_of = review_add_options,
        .run = run_review_add,
};

/* The review REF names (masa sees every review of the partnership), the
 * partnership open already. */
static enum masa_err find_review(struct cli_ctx *ctx, const char *ref,
                                 struct review *r, struct masa_error *err)
{
	return review_find(&ctx->gov, &ctx->viewer, ctx->partnership.id, ref,
	                   &ctx->arena, r, err);
}

/* Opens the partnership and finds the review REF in it. */
static enum masa_err open_review(struct cli_ctx *ctx, const char *ref,
                                 struct review *r, struct masa_error *err)
{
	enum masa_err rc = cli_open_partnership(ctx, err);

	return rc ? rc : find_review(ctx, ref, r, err);
}

static int run_review_set(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct review r;
	const char *stage = cli_opt(args, REVIEW_STAGE);
	char today[DATE_TEXT_SIZE];
	bool fields = false;

	date_format(date_today(), today);
	if (open_review(ctx, args->positional[0], &r, &err))
		return cli_fail(&err);
	for (int i = 0; i < REVIEW_STAGE; i++)
		fields |= cli_opt(args, i) != NULL;
	if (stage != NULL &&
	    review_stage_set(&ctx->gov, r.id, stage,
	                     cli_opt(args, REVIEW_ON) ? cli_opt(args, REVIEW_ON)
	                                              : today,
	                     0, &err))
		return cli_fail(&err);
	if (fields) {
		if (stage != NULL && record_get(&ctx->gov, &review_record, r.id,
		                                &ctx->arena, &r, &err))
			return cli_fail(&err);
		r.version = 0;
		if (read_field_options(ctx, &review_record, review_options,
		                       review_map, args, &r, &err) ||
		    review_update(&ctx->gov, &r, &err))
			return cli_fail(&err);
	}
	printf("saved review %s\n", r.reference);
	return 0;
}

const struct cli_command cmd_review_set = {
        .name = "review set",
        .arguments = "REF",
        .summary = "change a review (only the fields given; \"\" clears "
                   "one), or move it to a stage",
        .options = review_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_review_set,
};

static const struct cli_option contribution_options[] = {
        {"organisation", "ORG", "the agency asked (required)"},
        {"what", "TEXT",
         "what is asked: a chronology, an individual "
         "management review (required)"},
        {"due", "DATE", "when it is due (required to add)"},
        {"received", "DATE", "when it was received"},
        {NULL, NULL, NULL},
};

static int run_review_contribution(struct cli_ctx *ctx,
                                   const struct cli_args *args)
{
	struct masa_error err = {0};
	struct review r;
	struct review_contribution *c;
	size_t n;

	if (open_review(ctx, args->positional[0], &r, &err))
		return cli_fail(&err);
	if (cli_opt(args, 2) == NULL && cli_opt(args, 3) != NULL) {
		/* received: the contribution asked for already */
		if (review_contribution_list(&ctx->gov, r.id, date_today(),
		                             &ctx->arena, &c, &n, &err))
			return cli_fail(&err);
		for (size_t i = 0; i < n; i++)
			if (cli_opt(args, 0) &&
			    strcmp(c[i].organisation_key, cli_opt(args, 0)) ==
			            0 &&
			    cli_opt(args, 1) &&
			    strcmp(c[i].what, cli_opt(args, 1)) == 0) {
				if (review_contribution_received(
				            &ctx->gov, r.id, c[i].id,
				            cli_opt(args, 3), &err))
					return cli_fail(&err);
				printf("recorded %s's %s as received\n",
				       c[i].organisation_key, c[i].what);
				return 0;
			}
		masa_error_set(&err, MASA_ERR_NOT_FOUND,
		               "--organisation, --what: review %s asked for no "
		               "such contribution (give --due to add one)",
		               r.reference);
		return cli_fail(&err);
	}
	if (review_contribution_add(&ctx->gov, r.id, cli_opt(args, 0),
	                            cli_opt(args, 1), cli_opt(args, 2),
	                            cli_opt(args, 3), &err))
		return cli_fail(&err);
	printf("added contribution of %s to review %s\n", cli_opt(args, 0),
	       r.reference);
	return 0;
}

const struct cli_command cmd_review_contribution = {
        .name = "review contribution",
        .arguments = "REF",
        .summary = "ask an agency for a contribution to a review, or record "
                   "it received (--received without --due)",
        .options = contribution_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_review_contribution,
};

static int run_review_list(struct cli_ctx *ctx, const struct cli_args *args)
{
	static const char *const heads[] = {"REFERENCE", "TITLE",       "BODY",
	                                    "STAGE",     "PUBLICATION", NULL};
	struct masa_error err = {0};
	struct review_row *rows;
	size_t n;

	(void)args;
	if (cli_open_partnership(ctx, &err) ||
	    review_list(&ctx->gov, &ctx->viewer, ctx->partnership.id, false,
	                &ctx->arena, &rows, &n, &err))
		return cli_fail(&err);
	if (ctx->json) {
		json_t *list = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(
			        list,
			        record_to_json(&review_record, &rows[i].r));
		json_print(list, stdout);
		return 0;
	}
	struct table *t = table_new(heads);
	for (size_t i = 0; i < n; i++) {
		struct review_publication_clock c;
		review_publication_clock(&rows[i].r, date_today(), &c);
		const char *cells[] = {
		        rows[i].r.reference, rows[i].r.title,
		        rows[i].body_short_name, rows[i].r.stage,
		        review_publication_words(&ctx->arena, &rows[i].r, &c)};
		table_add(t, cells);
	}
	table_print(t, stdout);
	return 0;
}

const struct cli_command cmd_review_list = {
        .name = "review list",
        .summary = "the practice reviews, with their stage and publication "
                   "clock",
        .listing = true,
        .run = run_review_list,
};

static int run_review_show(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct arena *a = &ctx->arena;
	struct review r;
	struct review_stage_entry *st;
	struct review_contribution *c;
	struct recommendation_row *recs;
	struct review_publication_clock clock;
	size_t ns, nc, nr;

	if (open_review(ctx, args->positional[0], &r, &err))
		return cli_fail(&err);
	struct recommendation_filter f = {.review_id = r.id};
	if (review_stage_list(&ctx->gov, r.id, a, &st, &ns, &err) ||
	    review_contribution_list(&ctx->gov, r.id, date_today(), a, &c, &nc,
	                             &err) ||
	    recommendation_list(&ctx->gov, &ctx->viewer, ctx->partnership.id,
	                        &f, a, &recs, &nr, &err))
		return cli_fail(&err);
	review_publication_clock(&r, date_today(), &clock);
	if (ctx->json) {
		json_t *o = record_to_json(&review_record, &r);
		json_object_set_new(
		        o, "publication",
		        json_string(review_publication_words(a, &r, &clock)));
		json_print(o, stdout);
		return 0;
	}
	printf("%s: %s (%s)\n", r.reference, r.title,
	       review_label(review_kinds, review_kind_labels, r.kind));
	if (r.commissioned_on)
		printf("commissioned %s", date_long(a, r.commissioned_on));
	if (r.reviewer || r.method)
		printf("%sby %s%s%s", r.commissioned_on ? "; " : "",
		       r.reviewer ? r.reviewer : "",
		       r.reviewer && r.method ? ", " : "",
		       r.method ? r.method : "");
	printf("\nstage: %s\n",
	       review_label(review_stages, review_stage_labels, r.stage));
	for (size_t i = 0; i < ns; i++)
		printf("  %s  %s\n", st[i].started_on,
		       review_label(review_stages, review_stage_labels,
		                    st[i].stage));
	if (r.final_on)
		printf("final report: %s\n", r.final_on);
	if (r.signed_off_on)
		printf("signed off by the partners: %s\n", r.signed_off_on);
	if (r.sent_to_panel_on)
		printf("sent to the national panel: %s\n", r.sent_to_panel_on);
	printf("publication: %s\n", review_publication_words(a, &r, &clock));
	if (r.held_note)
		printf("  %s\n", r.held_note);
	if (r.published_url)
		printf("  %s\n", r.published_url);
	if (nc)
		printf("contributions:\n");
	for (size_t i = 0; i < nc; i++) {
		printf("  %s: %s, due %s, ", c[i].organisation_name, c[i].what,
		       c[i].due_on);
		if (c[i].received_on)
			printf("received %s", c[i].received_on);
		else
			printf("not received");
		if (c[i].late_days > 0)
			printf(" (late by %ld working day%s)", c[i].late_days,
			       c[i].late_days == 1 ? "" : "s");
		printf("\n");
	}
	if (nr)
		printf("recommendations:\n");
	for (size_t i = 0; i < nr; i++)
		printf("  %lld. %s [%s%s%s]\n", (long long)recs[i].r.number,
		       recs[i].r.text, recs[i].r.status,
		       recs[i].latest_rag ? ", " : "",
		       recs[i].latest_rag ? recs[i].latest_rag : "");
	return 0;
}

const struct cli_command cmd_review_show = {
        .name = "review show",
        .arguments = "REF",
        .summary = "everything about a review",
        .listing = true,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_review_show,
};

/* ---- recommendations ---- */

static const struct field_option recommendation_map[] = {
        {"text", "text"},
        {"finding", "finding"},
        {"expected-outcome", "expected_outcome"},
        {"measure", "measure"},
        {"organisation", "organisation_id"},
        {"body", "body_id"},
        {"due", "due_on"},
        {NULL, NULL},
};

static const struct cli_option recommendation_options[] = {
        {"text", "TEXT", "what the review recommends (required to add)"},
        {"finding", "TEXT", "the finding it answers"},
        {"expected-outcome", "TEXT", "the outcome expected"},
        {"measure", "TEXT", "how it will be measured"},
        {"organisation", "ORG", "the organisation that owns it"},
        {"body", "BODY", "the body whose action log carries its actions"},
        {"due", "DATE", "its timescale"},
        {"number", "N", "add only: its number (default the next)"},
        {NULL, NULL, NULL},
};

/* The review REF and its recommendation N. */
static enum masa_err find_recommendation(struct cli_ctx *ctx,
                                         const struct cli_args *args,
                                         struct review *r,
                                         struct recommendation *rec,
                                         struct masa_error *err)
{
	long n;
	enum masa_err rc = open_review(ctx, args->positional[0], r, err);

	if (rc == MASA_OK)
		rc = cli_number("N", args->positional[1], 1, 100000, &n, err);
	if (rc == MASA_OK)
		rc = recommendation_get(&ctx->gov, &ctx->viewer, r->id, n,
		                        &ctx->arena, rec, err);
	return rc;
}

static int run_recommendation_add(struct cli_ctx *ctx,
                                  const struct cli_args *args)
{
	struct masa_error err = {0};
	struct review r;
	struct recommendation rec = {0};
	long number = 0;

	if (open_review(ctx, args->positional[0], &r, &err) ||
	    (cli_opt(args, 7) && cli_number("--number", cli_opt(args, 7), 1,
	                                    100000, &number, &err)))
		return cli_fail(&err);
	rec.partnership_id = ctx->partnership.id;
	rec.review_id = r.id;
	rec.number = number;
	if (read_field_options(ctx, &recommendation_record,
	                       recommendation_options, recommendation_map, args,
	                       &rec, &err) ||
	    recommendation_create(&ctx->gov, &rec, &err))
		return cli_fail(&err);
	printf("added recommendation %lld to review %s\n",
	       (long long)rec.number, r.reference);
	return 0;
}

const struct cli_command cmd_recommendation_add = {
        .name = "recommendation add",
        .arguments = "REF",
        .summary = "add a recommendation to review REF",
        .options = recommendation_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_recommendation_add,
};

static int run_recommendation_set(struct cli_ctx *ctx,
                                  const struct cli_args *args)
{
	struct masa_error err = {0};
	struct review r;
	struct recommendation rec;

	if (find_recommendation(ctx, args, &r, &rec, &err))
		return cli_fail(&err);
	rec.version = 0;
	if (read_field_options(ctx, &recommendation_record,
	                       recommendation_options, recommendation_map, args,
	                       &rec, &err) ||
	    recommendation_update(&ctx->gov, &rec, &err))
		return cli_fail(&err);
	printf("saved recommendation %lld of review %s\n",
	       (long long)rec.number, r.reference);
	return 0;
}

const struct cli_command cmd_recommendation_set = {
        .name = "recommendation set",
        .arguments = "REF N",
        .summary = "change recommendation N of review REF (only the fields "
                   "given)",
        .options = recommendation_options,
        .min_positional = 2,
        .max_positional = 2,
        .run = run_recommendation_set,
};

static const struct cli_option recommendation_list_options[] = {
        {"review", "REF", "only this review's"},
        {"organisation", "ORG", "only those this organisation owns"},
        {"status", "STATUS", "open or closed"},
        {NULL, NULL, NULL},
};

static int run_recommendation_list(struct cli_ctx *ctx,
                                   const struct cli_args *args)
{
	static const char *const heads[] = {
	        "REVIEW", "N",   "OWNER",      "BODY", "DUE",
	        "STATUS", "RAG", "CHECKPOINT", "TEXT", NULL};
	struct masa_error err = {0};
	struct recommendation_filter f = {.status = cli_opt(args, 2)};
	struct recommendation_row *e;
	size_t n;

	if (cli_open_partnership(ctx, &err))
		return cli_fail(&err);
	if (f.status && strcmp(f.status, "open") != 0 &&
	    strcmp(f.status, "closed") != 0) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "--status: \"%.20s\" is not open or closed",
		               f.status);
		return cli_fail(&err);
	}
	if (cli_opt(args, 0)) {
		struct review r;
		if (find_review(ctx, cli_opt(args, 0), &r, &err))
			return cli_fail(&err);
		f.review_id = r.id;
	}
	if (cli_opt(args, 1)) {
		struct gov_organisation o;
		if (gov_organisation_find(&ctx->gov, ctx->partnership.id,
		                          cli_opt(args, 1), &ctx->arena, &o,
		                          &err))
			return cli_fail(&err);
		f.organisation_id = o.id;
	}
	if (recommendation_list(&ctx->gov, &ctx->viewer, ctx->partnership.id,
	                        &f, &ctx->arena, &e, &n, &err))
		return cli_fail(&err);
	if (ctx->json) {
		json_t *list = json_array();
		for (size_t i = 0; i < n; i++) {
			json_t *o =
			        record_to_json(&recommendation_record, &e[i].r);
			json_object_set_new(o, "review",
			                    json_string(e[i].review_reference));
			json_object_set_new(
			        o, "latest_rag",
			        e[i].latest_rag ? json_string(e[i].latest_rag)
			                        : json_null());
			json_array_append_new(list, o);
		}
		json_print(list, stdout);
		return 0;
	}
	struct table *t = ctx->csv ? NULL : table_new(heads);
	if (ctx->csv)
		csv_row(stdout, heads, 9);
	for (size_t i = 0; i < n; i++) {
		const char *cells[] = {e[i].review_reference,
		                       arena_printf(&ctx->arena, "%lld",
		                                    (long long)e[i].r.number),
		                       e[i].organisation_key,
		                       e[i].body_short_name,
		                       e[i].r.due_on,
		                       e[i].r.status,
		                       e[i].latest_rag,
		                       e[i].latest_checkpoint,
		                       e[i].r.text};
		if (ctx->csv)
			csv_row(stdout, cells, 9);
		else
			table_add(t, cells);
	}
	if (t)
		table_print(t, stdout);
	return 0;
}

const struct cli_command cmd_recommendation_list = {
        .name = "recommendation list",
        .summary = "recommendations with their owner, status, due date and "
                   "latest judgement",
        .options = recommendation_list_options,
        .listing = true,
        .csv = true,
        .run = run_recommendation_list,
};

static const struct cli_option close_options[] = {
        {"on", "DATE", "the day it was closed (default today)"},
        {"reason", "TEXT",
         "why it is closed (required when no evidence of impact is "
         "recorded)"},
        {NULL, NULL, NULL},
};

static int run_recommendation_close(struct cli_ctx *ctx,
                                    const struct cli_args *args)
{
	struct masa_error err = {0};
	struct review r;
	struct recommendation rec;
	char today[DATE_TEXT_SIZE];

	date_format(date_today(), today);
	if (find_recommendation(ctx, args, &r, &rec, &err) ||
	    recommendation_close(&ctx->gov, rec.id,
	                         cli_opt(args, 0) ? cli_opt(args, 0) : today,
	                         cli_opt(args, 1), &err))
		return cli_fail(&err);
	printf("closed recommendation %lld of review %s\n",
	       (long long)rec.number, r.reference);
	return 0;
}

const struct cli_command cmd_recommendation_close = {
        .name = "recommendation close",
        .arguments = "REF N",
        .summary = "close a recommendation: with evidence of impact, or a "
                   "reason",
        .options = close_options,
        .min_positional = 2,
        .max_positional = 2,
        .run = run_recommendation_close,
};

static const struct cli_option action_options[] = {
        {"details", "TEXT",
         "what is to be done (default the recommendation's text)"},
        {"due", "DATE", "when it is due (default the recommendation's)"},
        {NULL, NULL, NULL},
};

static int run_recommendation_action(struct cli_ctx *ctx,
                                     const struct cli_args *args)
{
	struct masa_error err = {0};
	struct review r;
	struct recommendation rec;
	struct gov_action act;

	if (find_recommendation(ctx, args, &r, &rec, &err) ||
	    recommendation_raise_action(&ctx->gov, rec.id, cli_opt(args, 0),
	                                cli_opt(args, 1), &ctx->arena, &act,
	                                &err))
		return cli_fail(&err);
	printf("raised action %s from recommendation %lld of review %s\n",
	       act.key, (long long)rec.number, r.reference);
	return 0;
}

const struct cli_command cmd_recommendation_action = {
        .name = "recommendation action",
        .arguments = "REF N",
        .summary = "raise an action from a recommendation in its body's "
                   "action log, owned by its organisation",
        .options = action_options,
        .min_positional = 2,
        .max_positional = 2,
        .run = run_recommendation_action,
};

/* ---- evidence ---- */

static const struct cli_option evidence_options[] = {
        {"checkpoint", "NAME", "the checkpoint, such as \"6 months\""},
        {"kind", "KIND", "audit, figure, feedback or other"},
        {"summary", "TEXT", "what the evidence shows"},
        {"on", "DATE", "the day it was recorded (default today)"},
        {"due", "DATE", "when the checkpoint was due"},
        {NULL, NULL, NULL},
};

static int run_evidence_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct review r;
	struct recommendation rec;
	struct impact_evidence e = {0};
	char today[DATE_TEXT_SIZE];

	date_format(date_today(), today);
	if (find_recommendation(ctx, args, &r, &rec, &err))
		return cli_fail(&err);
	e.recommendation_id = rec.id;
	e.checkpoint = (char *)cli_opt(args, 0);
	e.kind = (char *)cli_opt(args, 1);
	e.summary = (char *)cli_opt(args, 2);
	e.recorded_on = (char *)(cli_opt(args, 3) ? cli_opt(args, 3) : today);
	e.due_on = (char *)cli_opt(args, 4);
	if (evidence_record(&ctx->gov, &ctx->viewer, &e, &err))
		return cli_fail(&err);
	printf("recorded evidence at %s for recommendation %lld of review %s\n",
	       e.checkpoint, (long long)rec.number, r.reference);
	return 0;
}

const struct cli_command cmd_evidence_add = {
        .name = "evidence add",
        .arguments = "REF N",
        .summary = "record evidence of a recommendation's impact at a "
                   "checkpoint",
        .options = evidence_options,
        .min_positional = 2,
        .max_positional = 2,
        .run = run_evidence_add,
};

static const struct cli_option judge_options[] = {
        {"checkpoint", "NAME", "the checkpoint judged"},
        {"rag", "RAG", "red, amber or green"},
        {"on", "DATE", "the day it was judged (default today)"},
        {"by", "PERSON", "the chair who judged it"},
        {NULL, NULL, NULL},
};

static int run_evidence_judge(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct review r;
	struct recommendation rec;
	struct gov_viewer v;
	char today[DATE_TEXT_SIZE];

	date_format(date_today(), today);
	if (find_recommendation(ctx, args, &r, &rec, &err))
		return cli_fail(&err);
	v = ctx->viewer;
	if (cli_opt(args, 3)) {
		struct gov_person p;
		if (gov_person_find(&ctx->gov, ctx->partnership.id,
		                    cli_opt(args, 3), &ctx->arena, &p, &err))
			return cli_fail(&err);
		v.person_id = p.id;
	}
	if (evidence_judge(&ctx->gov, &v, rec.id, cli_opt(args, 0),
	                   cli_opt(args, 1),
	                   cli_opt(args, 2) ? cli_opt(args, 2) : today, &err))
		return cli_fail(&err);
	printf("judged recommendation %lld of review %s %s at %s\n",
	       (long long)rec.number, r.reference, cli_opt(args, 1),
	       cli_opt(args, 0));
	return 0;
}

const struct cli_command cmd_evidence_judge = {
        .name = "evidence judge",
        .arguments = "REF N",
        .summary = "the chair's judgement (red, amber, green) of the "
                   "evidence at a checkpoint",
        .options = judge_options,
        .min_positional = 2,
        .max_positional = 2,
        .run = run_evidence_judge,
};

/* ---- briefings ---- */

static const struct cli_option briefing_options[] = {
        {"title", "TEXT", "its title (required)"},
        {"summary", "TEXT", "a summary (Markdown)"},
        {"review", "REF", "the review it comes from"},
        {"file", "FILE", "the briefing as a PDF or Word document"},
        {"published-on", "DATE", "publish it on DATE"},
        {NULL, NULL, NULL},
};

static int run_briefing_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct briefing b = {0};
	struct buf file = {0};
	const char *path = cli_opt(args, 3);
	int status = 0;

	if (cli_open_partnership(ctx, &err))
		return cli_fail(&err);
	b.partnership_id = ctx->partnership.id;
	b.title = (char *)cli_opt(args, 0);
	b.summary = (char *)cli_opt(args, 1);
	b.published_on = (char *)cli_opt(args, 4);
	if (cli_opt(args, 2)) {
		struct review r;
		if (find_review(ctx, cli_opt(args, 2), &r, &err))
			return cli_fail(&err);
		b.review_id = r.id;
	}
	if ((path && cli_read_paper_file(path, &file, &err)) ||
	    briefing_create(&ctx->gov, &b, path,
	                    path ? (file.data ? file.data : "") : NULL,
	                    file.len, &ctx->arena, &err))
		status = cli_fail(&err);
	else
		printf("added briefing %lld (%s)\n", (long long)b.id, b.title);
	buf_free(&file);
	return status;
}

const struct cli_command cmd_briefing_add = {
        .name = "briefing add",
        .summary = "add a learning briefing",
        .options = briefing_options,
        .run = run_briefing_add,
};

static const struct cli_option on_options[] = {
        {"on", "DATE", "the day (default today)"},
        {NULL, NULL, NULL},
};

static int run_briefing_publish(struct cli_ctx *ctx,
                                const struct cli_args *args)
{
	struct masa_error err = {0};
	char today[DATE_TEXT_SIZE];
	long id;

	date_format(date_today(), today);
	if (cli_open_partnership(ctx, &err) ||
	    cli_number("ID", args->positional[0], 1, INT32_MAX, &id, &err) ||
	    briefing_publish(&ctx->gov, id,
	                     cli_opt(args, 0) ? cli_opt(args, 0) : today, &err))
		return cli_fail(&err);
	printf("published briefing %ld\n", id);
	return 0;
}

const struct cli_command cmd_briefing_publish = {
        .name = "briefing publish",
        .arguments = "ID",
        .summary = "publish a learning briefing",
        .options = on_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_briefing_publish,
};

static const struct cli_option circulate_options[] = {
        {"audience", "TEXT", "who it was sent to (required)"},
        {"on", "DATE", "the day it was sent (default today)"},
        {"recipients", "N", "how many people it was sent to"},
        {NULL, NULL, NULL},
};

static int run_briefing_circulate(struct cli_ctx *ctx,
                                  const struct cli_args *args)
{
	struct masa_error err = {0};
	char today[DATE_TEXT_SIZE];
	long id, recipients = 0;

	date_format(date_today(), today);
	if (cli_open_partnership(ctx, &err) ||
	    cli_number("ID", args->positional[0], 1, INT32_MAX, &id, &err) ||
	    (cli_opt(args, 2) && cli_number("--recipients", cli_opt(args, 2), 0,
	                                    10000000, &recipients, &err)) ||
	    briefing_circulate(&ctx->gov, id, cli_opt(args, 0),
	                       cli_opt(args, 1) ? cli_opt(args, 1) : today,
	                       recipients, &err))
		return cli_fail(&err);
	printf("recorded briefing %ld sent to %s\n", id, cli_opt(args, 0));
	return 0;
}

const struct cli_command cmd_briefing_circulate = {
        .name = "briefing circulate",
        .arguments = "ID",
        .summary = "record that a learning briefing was sent to an audience",
        .options = circulate_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_briefing_circulate,
};

static int run_briefing_list(struct cli_ctx *ctx, const struct cli_args *args)
{
	static const char *const heads[] = {"ID",        "TITLE", "REVIEW",
	                                    "PUBLISHED", "FILE",  NULL};
	struct masa_error err = {0};
	struct briefing *b;
	size_t n;

	(void)args;
	if (cli_open_partnership(ctx, &err) ||
	    briefing_list(&ctx->gov, &ctx->viewer, ctx->partnership.id, false,
	                  &ctx->arena, &b, &n, &err))
		return cli_fail(&err);
	struct table *t = table_new(heads);
	for (size_t i = 0; i < n; i++) {
		const char *cells[] = {
		        arena_printf(&ctx->arena, "%lld", (long long)b[i].id),
		        b[i].title, b[i].review_reference, b[i].published_on,
		        b[i].filename};
		table_add(t, cells);
	}
	table_print(t, stdout);
	return 0;
}

const struct cli_command cmd_briefing_list = {
        .name = "briefing list",
        .summary = "the learning briefings",
        .run = run_briefing_list,
};
