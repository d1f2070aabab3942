/*
 * cmd_incidents: serious incidents from the command line: record one, set
 * its notification, rapid review, decision and the national panel's
 * response, list them with their clocks, show one.
 */
#include <stdio.h>
#include <string.h>

#include "assure/assure.h"
#include "assure/incident.h"
#include "cli/cli.h"
#include "core/date.h"
#include "gov/body.h"
#include "gov/partnership.h"

/*
 * Sets the field of slug in inc from text (through the declaration, so its
 * checks and messages are the form's); nothing when text is NULL.
 */
static enum masa_err set_field(struct cli_ctx *ctx, struct assure_incident *inc,
                               const char *slug, const char *text,
                               struct masa_error *err)
{
	const struct record_field *f =
	        record_field_by_slug(&assure_incident_record, slug);

	if (text == NULL)
		return MASA_OK;
	return record_field_set_text(&ctx->gov, f, ctx->partnership.id, inc,
	                             text, &ctx->arena, err);
}

/* The organisations of a comma-separated list of keys, as ids in arena. */
static enum masa_err agencies_of(struct cli_ctx *ctx, const char *list,
                                 int64_t **ids, size_t *n,
                                 struct masa_error *err)
{
	char *copy = arena_strdup(&ctx->arena, list ? list : "");
	size_t cap = 0;

	*ids = NULL;
	*n = 0;
	for (char *p = copy; list != NULL && *p != '\0';) {
		char *end = strchr(p, ',');
		struct gov_organisation o;
		enum masa_err rc;

		if (end != NULL)
			*end = '\0';
		if (*p != '\0') {
			rc = gov_organisation_find(&ctx->gov,
			                           ctx->partnership.id, p,
			                           &ctx->arena, &o, err);
			if (rc != MASA_OK) {
				masa_error_prefix(err, "--agency");
				return rc;
			}
			*ids = arena_grow(&ctx->arena, *ids, *n, &cap,
			                  sizeof **ids, 8);
			(*ids)[(*n)++] = o.id;
		}
		if (end == NULL)
			break;
		p = end + 1;
	}
	return MASA_OK;
}

/* incident add REF */

enum { ADD_BODY, ADD_KIND, ADD_AGE_BAND, ADD_AWARE, ADD_SUMMARY, ADD_AGENCY };

static const struct cli_option add_options[] = {
        [ADD_BODY] = {"body", "BODY",
                      "the body holding the case (short name): the "
                      "practice review sub-group or panel"},
        [ADD_KIND] = {"kind", "KIND", "death or serious_harm"},
        [ADD_AGE_BAND] = {"age-band", "BAND",
                          "unborn, 0-27d, 28-364d, 1-4, 5-9, 10-14 or "
                          "15-17"},
        [ADD_AWARE] = {"aware", "DATE",
                       "the date the local authority became aware"},
        [ADD_SUMMARY] = {"summary", "TEXT", "what happened, without names"},
        [ADD_AGENCY] = {"agency", "ORG[,ORG...]",
                        "the agencies involved (organisation keys)"},
        {NULL, NULL, NULL},
};

static int run_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct assure_incident inc = {0};
	int64_t *agencies;
	size_t n;

	if (cli_open_partnership(ctx, &err) != MASA_OK)
		return cli_fail(&err);
	inc.partnership_id = ctx->partnership.id;
	inc.reference = (char *)args->positional[0];
	if (set_field(ctx, &inc, "body", cli_opt(args, ADD_BODY), &err) ||
	    set_field(ctx, &inc, "kind", cli_opt(args, ADD_KIND), &err) ||
	    set_field(ctx, &inc, "age-band", cli_opt(args, ADD_AGE_BAND),
	              &err) ||
	    set_field(ctx, &inc, "aware-on", cli_opt(args, ADD_AWARE), &err) ||
	    set_field(ctx, &inc, "summary", cli_opt(args, ADD_SUMMARY), &err) ||
	    agencies_of(ctx, cli_opt(args, ADD_AGENCY), &agencies, &n, &err))
		return cli_fail(&err);
	if (inc.body_id == 0) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "give the body holding the case with --body");
		return cli_fail(&err);
	}
	if (assure_incident_create(&ctx->gov, &inc, agencies, n, &err))
		return cli_fail(&err);
	printf("recorded incident %s\n", inc.reference);
	return 0;
}

const struct cli_command cmd_incident_add = {
        .name = "incident add",
        .arguments = "REF",
        .summary = "record a serious incident (a case reference, never a "
                   "name)",
        .options = add_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_add,
};

/* incident set REF */

enum {
	SET_NOTIFIED,
	SET_MEETING,
	SET_REVIEW,
	SET_SENT,
	SET_DECISION,
	SET_DECISION_ON,
	SET_REASONS,
	SET_RESPONSE,
	SET_RESPONSE_ON,
	SET_SUMMARY,
	SET_AGENCY,
};

static const struct cli_option set_options[] = {
        [SET_NOTIFIED] = {"notified", "DATE",
                          "the date the national panel was notified"},
        [SET_MEETING] = {"rapid-review-meeting", "ID",
                         "the rapid review meeting (RSCP-CPRP/2019-10-30)"},
        [SET_REVIEW] = {"rapid-review", "DATE",
                        "the date of the rapid review (default: the "
                        "meeting's)"},
        [SET_SENT] = {"sent", "DATE",
                      "the date the rapid review report was sent to the "
                      "panel"},
        [SET_DECISION] = {"decision", "D",
                          "local_review, national_review or no_review"},
        [SET_DECISION_ON] = {"decision-on", "DATE",
                             "the date of the decision (default today)"},
        [SET_REASONS] = {"reasons", "TEXT", "the reasons for the decision"},
        [SET_RESPONSE] = {"panel-response", "TEXT",
                          "the national panel's response"},
        [SET_RESPONSE_ON] = {"panel-response-on", "DATE",
                             "the date of the panel's response (default "
                             "today)"},
        [SET_SUMMARY] = {"summary", "TEXT", "what happened, without names"},
        [SET_AGENCY] = {"agency", "ORG[,ORG...]",
                        "the agencies involved, replacing those recorded"},
        {NULL, NULL, NULL},
};

static int run_set(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct assure_incident_row r;
	struct assure_incident *inc = &r.inc;
	char today[DATE_TEXT_SIZE];
	int64_t *agencies;
	size_t n;

	date_format(date_today(), today);
	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    assure_incident_find(&ctx->gov, &ctx->viewer, args->positional[0],
	                         &ctx->arena, &r, &err) != MASA_OK)
		return cli_fail(&err);
	if (set_field(ctx, inc, "notified-on", cli_opt(args, SET_NOTIFIED),
	              &err) ||
	    set_field(ctx, inc, "rapid-review-meeting",
	              cli_opt(args, SET_MEETING), &err) ||
	    set_field(ctx, inc, "rapid-review-on", cli_opt(args, SET_REVIEW),
	              &err) ||
	    set_field(ctx, inc, "rapid-review-sent-on", cli_opt(args, SET_SENT),
	              &err) ||
	    set_field(ctx, inc, "decision", cli_opt(args, SET_DECISION),
	              &err) ||
	    set_field(ctx, inc, "decision-on", cli_opt(args, SET_DECISION_ON),
	              &err) ||
	    set_field(ctx, inc, "decision-reasons", cli_opt(args, SET_REASONS),
	              &err) ||
	    set_field(ctx, inc, "panel-response", cli_opt(args, SET_RESPONSE),
	              &err) ||
	    set_field(ctx, inc, "panel-response-on",
	              cli_opt(args, SET_RESPONSE_ON), &err) ||
	    set_field(ctx, inc, "summary", cli_opt(args, SET_SUMMARY), &err))
		return cli_fail(&err);
	/* A decision or response given today need not be dated. */
	if (cli_opt(args, SET_DECISION) && inc->decision_on == NULL)
		inc->decision_on = today;
	if (cli_opt(args, SET_RESPONSE) && inc->panel_response_on == NULL)
		inc->panel_response_on = today;
	inc->version = 0;
	if (gov_begin(&ctx->gov, &err) != MASA_OK)
		return cli_fail(&err);
	enum masa_err rc = assure_incident_update(&ctx->gov, inc, &err);
	if (rc == MASA_OK && cli_opt(args, SET_AGENCY) != NULL) {
		rc = agencies_of(ctx, cli_opt(args, SET_AGENCY), &agencies, &n,
		                 &err);
		if (rc == MASA_OK)
			rc = assure_incident_set_agencies(&ctx->gov, inc->id, 0,
			                                  agencies, n, &err);
	}
	if (gov_end(&ctx->gov, rc, &err) != MASA_OK)
		return cli_fail(&err);
	printf("updated incident %s\n", inc->reference);
	return 0;
}

const struct cli_command cmd_incident_set = {
        .name = "incident set",
        .arguments = "REF",
        .summary = "record an incident's notification, rapid review, "
                   "decision and the panel's response",
        .options = set_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_set,
};

/* incident list */

static int run_list(struct cli_ctx *ctx, const struct cli_args *args)
{
	static const char *const headings[] = {
	        "REFERENCE",           "BODY",     "AWARE", "NOTIFICATION",
	        "RAPID REVIEW REPORT", "DECISION", NULL};
	struct masa_error err = {0};
	struct assure_incident_query q = {.today = date_today()};
	struct assure_incident_row *rows;
	size_t n;

	(void)args;
	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    assure_incident_list(&ctx->gov, &ctx->viewer, &q, &ctx->arena,
	                         &rows, &n, NULL, &err) != MASA_OK)
		return cli_fail(&err);
	if (ctx->json) {
		json_t *list = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(
			        list,
			        assure_incident_json(&rows[i], false, NULL, 0));
		json_print(list, stdout);
	} else if (ctx->csv) {
		csv_row(stdout, assure_incident_csv_headings,
		        ASSURE_INCIDENT_CSV_COLUMNS);
		for (size_t i = 0; i < n; i++) {
			const char *cells[ASSURE_INCIDENT_CSV_COLUMNS];

			assure_incident_csv_cells(&rows[i], &ctx->arena, cells);
			csv_row(stdout, cells, ASSURE_INCIDENT_CSV_COLUMNS);
		}
	} else {
		struct table *t = table_new(headings);

		for (size_t i = 0; i < n; i++) {
			char w0[64], w1[64];
			const struct assure_incident_row *r = &rows[i];
			const char *cells[] = {
			        r->inc.reference,
			        r->body_short_name,
			        r->inc.aware_on,
			        assure_clock_words(&r->clocks[0], w0,
			                           sizeof w0),
			        assure_clock_words(&r->clocks[1], w1,
			                           sizeof w1),
			        r->inc.decision ? r->inc.decision : "-"};
			table_add(t, cells);
		}
		table_print(t, stdout);
	}
	return 0;
}

const struct cli_command cmd_incident_list = {
        .name = "incident list",
        .summary = "serious incidents, newest first, with their clocks",
        .listing = true,
        .csv = true,
        .run = run_list,
};

/* incident show REF */

static int run_show(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct assure_incident_row r;
	struct assure_incident_agency *ag;
	size_t nag;

	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    assure_incident_find(&ctx->gov, &ctx->viewer, args->positional[0],
	                         &ctx->arena, &r, &err) != MASA_OK ||
	    assure_incident_agencies(&ctx->gov, r.inc.id, &ctx->arena, &ag,
	                             &nag, &err) != MASA_OK ||
	    assure_audit_view(&ctx->gov, "incident", r.inc.id, &err) != MASA_OK)
		return cli_fail(&err);
	if (ctx->json) {
		json_print(assure_incident_json(&r, true, ag, nag), stdout);
		return 0;
	}
	printf("%s: %s, %s\n", r.inc.reference,
	       assure_incident_words(r.inc.kind),
	       assure_age_band_label(r.inc.age_band));
	printf("held by %s (%s)\n", r.body_name, r.body_short_name);
	printf("aware %s\n", date_long(&ctx->arena, r.inc.aware_on));
	for (int i = 0; i < ASSURE_INCIDENT_CLOCKS; i++) {
		char due[DATE_TEXT_SIZE], words[64];

		date_format(r.clocks[i].due, due);
		printf("%s: due %s, %s\n", r.clocks[i].label,
		       date_long(&ctx->arena, due),
		       assure_clock_words(&r.clocks[i], words, sizeof words));
	}
	if (r.meeting_key)
		printf("rapid review meeting %s\n", r.meeting_key);
	if (r.inc.decision)
		printf("decision (%s): %s\n  %s\n", r.inc.decision_on,
		       assure_incident_words(r.inc.decision),
		       r.inc.decision_reasons ? r.inc.decision_reasons : "");
	if (r.inc.panel_response)
		printf("national panel (%s): %s\n", r.inc.panel_response_on,
		       r.inc.panel_response);
	for (size_t i = 0; i < nag; i++)
		printf("agency: %s (%s)\n", ag[i].name, ag[i].key);
	return 0;
}

const struct cli_command cmd_incident_show = {
        .name = "incident show",
        .arguments = "REF",
        .summary = "one serious incident with its clocks",
        .listing = true,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_show,
};
