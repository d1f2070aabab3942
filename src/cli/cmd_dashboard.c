/*
 * cmd_dashboard: the dashboards of the assurance pillar from the command
 * line (assure/dashboard.h). masa itself sees the exact figures; --public
 * prints what the public sees on the site (small numbers suppressed).
 */
#include <stdio.h>
#include <string.h>

#include "assure/dashboard.h"
#include "cli/cli.h"

enum { OPT_FROM, OPT_TO, OPT_REGION, OPT_PANEL, OPT_PUBLIC, OPT_ON };

static const struct cli_option options[] = {
        [OPT_FROM] = {"from", "DATE",
                      "start of the period (default: the last complete "
                      "year from April to March)"},
        [OPT_TO] = {"to", "DATE", "end of the period"},
        [OPT_REGION] = {"region", NULL,
                        "every partnership the panel serves, not the "
                        "partnership alone"},
        [OPT_PANEL] = {"panel", "BODY",
                       "the region's panel (default: the one serving the "
                       "most partnerships)"},
        [OPT_PUBLIC] = {"public", NULL,
                        "what the public sees: counts from 1 to 5 as "
                        "\"fewer than 6\""},
        [OPT_ON] = {"on", "DATE",
                    "as on DATE: the default period and open "
                    "recommendations' ages (default: today)"},
        {NULL, NULL, NULL},
};

static void csv_out(void *arg, const char *const *cells, size_t n)
{
	csv_row(arg, cells, n);
}

static void print_text(const struct dashboard *d)
{
	char text[32];

	printf("%s from %s to %s, %s%s\n", d->kind, d->from, d->to, d->scope,
	       d->exact ? "" : " (as the public sees it)");
	for (size_t i = 0; i < d->nsets; i++) {
		const struct dashboard_set *s = &d->sets[i];
		const char *heading[] = {s->heading, "number", NULL};
		struct table *t = table_new(heading);

		printf("\n%s\n", s->title);
		for (size_t k = 0; k < s->n; k++) {
			const char *cells[] = {
			        s->cells[k].label,
			        dashboard_cell_text(&s->cells[k], text,
			                            sizeof text)};
			table_add(t, cells);
		}
		if (s->partition) {
			const char *cells[] = {
			        "Total", dashboard_cell_text(&s->total, text,
			                                     sizeof text)};
			table_add(t, cells);
		}
		if (s->has_median) {
			const char *cells[] = {
			        s->median_label,
			        dashboard_median_text(s, text, sizeof text)};
			table_add(t, cells);
		}
		table_print(t, stdout);
	}
}

static int run(struct cli_ctx *ctx, const struct cli_args *args,
               bool child_deaths)
{
	struct masa_error err = {0};
	struct dashboard d;
	struct gov_viewer public_viewer;
	const struct gov_viewer *v;
	struct dashboard_query q;
	enum masa_err rc;

	if (cli_open_partnership(ctx, &err) != MASA_OK)
		return cli_fail(&err);
	q = (struct dashboard_query){.partnership_id = ctx->partnership.id,
	                             .from = cli_opt(args, OPT_FROM),
	                             .to = cli_opt(args, OPT_TO),
	                             .today = cli_opt(args, OPT_ON),
	                             .region = cli_opt(args, OPT_REGION) !=
	                                               NULL ||
	                                       cli_opt(args, OPT_PANEL) != NULL,
	                             .panel = cli_opt(args, OPT_PANEL)};
	v = &ctx->viewer;
	if (cli_opt(args, OPT_PUBLIC) != NULL) {
		gov_viewer_public(&public_viewer, ctx->partnership.id);
		v = &public_viewer;
	}
	rc = child_deaths ? dashboard_child_deaths(&ctx->gov, v, &q,
	                                           &ctx->arena, &d, &err)
	                  : dashboard_reviews(&ctx->gov, v, &q, &ctx->arena, &d,
	                                      &err);
	if (rc != MASA_OK)
		return cli_fail(&err);
	if (ctx->json)
		json_print(dashboard_json(&d), stdout);
	else if (ctx->csv)
		dashboard_rows(&d, csv_out, stdout);
	else
		print_text(&d);
	return 0;
}

static int run_child_deaths(struct cli_ctx *ctx, const struct cli_args *args)
{
	return run(ctx, args, true);
}

static int run_reviews(struct cli_ctx *ctx, const struct cli_args *args)
{
	return run(ctx, args, false);
}

const struct cli_command cmd_dashboard_child_deaths = {
        .name = "dashboard child-deaths",
        .summary = "child deaths by category, modifiable factors, theme, "
                   "age, year and partnership for a period",
        .options = options,
        .listing = true,
        .csv = true,
        .run = run_child_deaths,
};

const struct cli_command cmd_dashboard_reviews = {
        .name = "dashboard reviews",
        .summary = "timeliness of notifications, rapid reviews and "
                   "publication, and open recommendations by owner and age",
        .options = options,
        .listing = true,
        .csv = true,
        .run = run_reviews,
};
