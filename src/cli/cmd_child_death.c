/*
 * cmd_child_death: the panel's child death reviews from the command line:
 * record a case, set its review, list and show cases, import and export
 * the national dataset as CSV, and add a theme of the panel.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assure/assure.h"
#include "assure/child_death.h"
#include "cli/cli.h"
#include "core/buf.h"
#include "core/date.h"
#include "gov/body.h"
#include "gov/meeting.h"

/* The largest CSV file imported. */
enum { IMPORT_MAX = 32 * 1024 * 1024 };

enum {
	OPT_PANEL,
	OPT_OF,
	OPT_REFERENCE,
	OPT_AGE_BAND,
	OPT_DIED,
	OPT_NOTIFIED,
	OPT_PLACE,
	OPT_EXPECTED,
	OPT_REVIEW_MEETING,
	OPT_PANEL_MEETING,
	OPT_REVIEWED,
	OPT_CATEGORY,
	OPT_MODIFIABLE,
	OPT_FACTOR_CHILD,
	OPT_FACTOR_SOCIAL,
	OPT_FACTOR_PHYSICAL,
	OPT_FACTOR_SERVICE,
	OPT_THEMES,
	OPT_LEARNING,
	OPT_ACTION,
};

static const struct cli_option case_options[] = {
        [OPT_PANEL] = {"panel", "BODY",
                       "the panel reviewing the case (short name; add)"},
        [OPT_OF] = {"of", "PARTNERSHIP",
                    "the child's partnership (key), when the panel serves "
                    "several; the panel's own by default"},
        [OPT_REFERENCE] = {"reference", "REF",
                           "the case's reference: never a name (set: a new "
                           "one)"},
        [OPT_AGE_BAND] = {"age-band", "BAND",
                          "0-27d, 28-364d, 1-4, 5-9, 10-14 or 15-17"},
        [OPT_DIED] = {"died", "DATE", "the date of death"},
        [OPT_NOTIFIED] = {"notified", "DATE",
                          "the date the panel was notified"},
        [OPT_PLACE] = {"place", "PLACE",
                       "home, hospital, hospice, public_place, abroad or "
                       "other"},
        [OPT_EXPECTED] = {"expected", "yes|no",
                          "whether the death was expected"},
        [OPT_REVIEW_MEETING] = {"review-meeting", "DATE",
                                "the child death review meeting"},
        [OPT_PANEL_MEETING] = {"panel-meeting", "MEETING",
                               "the panel's meeting that reviewed it"},
        [OPT_REVIEWED] = {"reviewed", "DATE", "the date the panel reviewed it"},
        [OPT_CATEGORY] = {"category", "N", "the category of death, 1 to 10"},
        [OPT_MODIFIABLE] = {"modifiable", "yes|no|insufficient",
                            "modifiable factors identified"},
        [OPT_FACTOR_CHILD] = {"factor-child", "TEXT",
                              "a modifiable factor in the child (\"\" "
                              "removes it)"},
        [OPT_FACTOR_SOCIAL] = {"factor-social", "TEXT",
                               "in the social environment, including family "
                               "and parenting capacity"},
        [OPT_FACTOR_PHYSICAL] = {"factor-physical", "TEXT",
                                 "in the physical environment"},
        [OPT_FACTOR_SERVICE] = {"factor-service", "TEXT",
                                "in service provision"},
        [OPT_THEMES] = {"themes", "KEYS",
                        "the themes, keys separated by commas (\"\" for "
                        "none)"},
        [OPT_LEARNING] = {"learning", "TEXT", "the learning (Markdown)"},
        [OPT_ACTION] = {"action", "ACTION",
                        "link an action of the panel's log (its reference)"},
        {NULL, NULL, NULL},
};

static enum masa_err find_panel(struct cli_ctx *ctx, const char *name,
                                struct gov_body *out, struct masa_error *err)
{
	enum masa_err rc;

	if (name == NULL)
		return masa_error_set(err, MASA_ERR_USAGE,
		                      "--panel: give the panel's short name "
		                      "(such as CDOP)");
	rc = gov_body_find(&ctx->gov, ctx->partnership.id, name, &ctx->arena,
	                   out, err);
	if (rc != MASA_OK)
		masa_error_prefix(err, "--panel");
	return rc;
}

/* Sets the factor of domain to text ("" removes it). */
static void set_factor(struct arena *a, struct child_death *cd,
                       const char *domain, const char *text)
{
	struct child_death_factor *f =
	        arena_alloc(a, (cd->nfactors + 1) * sizeof *f);
	size_t n = 0;

	for (size_t i = 0; i < cd->nfactors; i++)
		if (strcmp(cd->factors[i].domain, domain) != 0)
			f[n++] = cd->factors[i];
	if (text[0] != '\0') {
		f[n].domain = (char *)domain;
		f[n++].description = (char *)text;
	}
	cd->factors = f;
	cd->nfactors = n;
}

/* The options given into cd. */
static enum masa_err apply_options(struct cli_ctx *ctx,
                                   const struct cli_args *args,
                                   struct child_death *cd,
                                   struct masa_error *err)
{
	static const int factor_opts[] = {OPT_FACTOR_CHILD, OPT_FACTOR_SOCIAL,
	                                  OPT_FACTOR_PHYSICAL,
	                                  OPT_FACTOR_SERVICE};
	const char *v;
	char **text[] = {
	        [OPT_REFERENCE] = &cd->reference,
	        [OPT_AGE_BAND] = &cd->age_band,
	        [OPT_DIED] = &cd->died_on,
	        [OPT_NOTIFIED] = &cd->notified_on,
	        [OPT_PLACE] = &cd->place,
	        [OPT_REVIEW_MEETING] = &cd->review_meeting_on,
	        [OPT_REVIEWED] = &cd->reviewed_on,
	        [OPT_MODIFIABLE] = &cd->modifiable,
	        [OPT_LEARNING] = &cd->learning,
	};

	for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
		if (text[i] != NULL && cli_opt(args, (int)i) != NULL)
			*text[i] = (char *)cli_opt(args, (int)i);
	if ((v = cli_opt(args, OPT_OF)) != NULL) {
		struct gov_partnership p;

		if (gov_partnership_find(&ctx->gov, v, &ctx->arena, &p, err) !=
		    MASA_OK) {
			masa_error_prefix(err, "--of");
			return err->code;
		}
		cd->partnership_id = p.id;
	}
	if ((v = cli_opt(args, OPT_EXPECTED)) != NULL) {
		if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
			return masa_error_set(err, MASA_ERR_USAGE,
			                      "--expected: give yes or no");
		cd->expected = strcmp(v, "yes") == 0;
	}
	if ((v = cli_opt(args, OPT_CATEGORY)) != NULL) {
		long n;

		if (v[0] == '\0')
			cd->category = 0;
		else if (cli_number("--category", v, 1, CHILD_DEATH_CATEGORIES,
		                    &n, err) != MASA_OK)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "category: %.20s is not a category "
			        "of death (1-10)",
			        v);
		else
			cd->category = (int)n;
	}
	for (size_t i = 0; i < 4; i++)
		if ((v = cli_opt(args, factor_opts[i])) != NULL)
			set_factor(&ctx->arena, cd, child_death_domains[i], v);
	if ((v = cli_opt(args, OPT_THEMES)) != NULL) {
		char *s = arena_strdup(&ctx->arena, v), *save = NULL;

		cd->nthemes = 0;
		cd->themes = arena_alloc(&ctx->arena,
		                         (strlen(v) / 2 + 2) * sizeof(char *));
		for (char *t = strtok_r(s, ",", &save); t != NULL;
		     t = strtok_r(NULL, ",", &save))
			if (t[0] != '\0')
				cd->themes[cd->nthemes++] = t;
	}
	if ((v = cli_opt(args, OPT_PANEL_MEETING)) != NULL) {
		struct gov_meeting m;

		if (v[0] == '\0') {
			cd->panel_meeting_id = 0;
		} else {
			if (cli_find_meeting(ctx, "--panel-meeting", v, &m,
			                     err) != MASA_OK)
				return err->code;
			cd->panel_meeting_id = m.id;
		}
	}
	return MASA_OK;
}

static int run_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct child_death cd = {0};
	struct gov_body panel;

	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    find_panel(ctx, cli_opt(args, OPT_PANEL), &panel, &err) != MASA_OK)
		return cli_fail(&err);
	if (cli_opt(args, OPT_EXPECTED) == NULL) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "child-death add: --expected yes or no is "
		               "required");
		return cli_fail(&err);
	}
	cd.panel_body_id = panel.id;
	cd.partnership_id = panel.partnership_id;
	cd.reference = cd.age_band = "";
	if (apply_options(ctx, args, &cd, &err) != MASA_OK ||
	    child_death_create(&ctx->gov, &cd, &err) != MASA_OK)
		return cli_fail(&err);
	if (cli_opt(args, OPT_ACTION) != NULL) {
		struct gov_action act;

		if (gov_action_find(&ctx->gov, &ctx->viewer,
		                    cli_opt(args, OPT_ACTION), &ctx->arena,
		                    &act, &err) != MASA_OK ||
		    child_death_link_action(&ctx->gov, cd.id, act.id, &err) !=
		            MASA_OK)
			return cli_fail(&err);
	}
	printf("recorded %s\n", cd.reference);
	return 0;
}

const struct cli_command cmd_child_death_add = {
        .name = "child-death add",
        .summary = "record a child's death for the panel's review (no name)",
        .options = case_options,
        .run = run_add,
};

static int run_set(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct child_death cd;

	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    child_death_find(&ctx->gov, &ctx->viewer, args->positional[0],
	                     &ctx->arena, &cd, &err) != MASA_OK)
		return cli_fail(&err);
	cd.version = 0;
	if (cli_opt(args, OPT_PANEL) != NULL) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "--panel: a case stays with its panel");
		return cli_fail(&err);
	}
	if (apply_options(ctx, args, &cd, &err) != MASA_OK ||
	    gov_begin(&ctx->gov, &err) != MASA_OK)
		return cli_fail(&err);
	{
		enum masa_err rc = child_death_update(&ctx->gov, &cd, &err);

		if (rc == MASA_OK && cli_opt(args, OPT_ACTION) != NULL) {
			struct gov_action act;

			rc = gov_action_find(&ctx->gov, &ctx->viewer,
			                     cli_opt(args, OPT_ACTION),
			                     &ctx->arena, &act, &err);
			if (rc == MASA_OK)
				rc = child_death_link_action(&ctx->gov, cd.id,
				                             act.id, &err);
		}
		if (gov_end(&ctx->gov, rc, &err) != MASA_OK)
			return cli_fail(&err);
	}
	printf("updated %s\n", cd.reference);
	return 0;
}

const struct cli_command cmd_child_death_set = {
        .name = "child-death set",
        .arguments = "REF",
        .summary = "change a case: its details and the panel's review",
        .options = case_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_set,
};

enum {
	LIST_PANEL,
	LIST_OF,
	LIST_YEAR,
	LIST_STATUS,
	LIST_CATEGORY,
	LIST_THEME,
	LIST_FROM,
	LIST_TO,
};

static const struct cli_option list_options[] = {
        [LIST_PANEL] = {"panel", "BODY", "only this panel's cases"},
        [LIST_OF] = {"of", "PARTNERSHIP", "only this partnership's children"},
        [LIST_YEAR] = {"year", "YYYY", "only deaths in this year"},
        [LIST_STATUS] = {"status", "reviewed|awaiting",
                         "only reviewed cases, or those awaiting review"},
        [LIST_CATEGORY] = {"category", "N", "only this category of death"},
        [LIST_THEME] = {"theme", "KEY", "only cases with this theme"},
        [LIST_FROM] = {"from", "DATE", "only deaths on or after"},
        [LIST_TO] = {"to", "DATE", "only deaths on or before"},
        {NULL, NULL, NULL},
};

static enum masa_err read_filter(struct cli_ctx *ctx,
                                 const struct cli_args *args,
                                 struct child_death_filter *f,
                                 struct masa_error *err)
{
	const char *v;
	long n;

	memset(f, 0, sizeof *f);
	if ((v = cli_opt(args, LIST_PANEL)) != NULL) {
		struct gov_body b;

		if (find_panel(ctx, v, &b, err) != MASA_OK)
			return err->code;
		f->panel_body_id = b.id;
	}
	if ((v = cli_opt(args, LIST_OF)) != NULL) {
		struct gov_partnership p;

		if (gov_partnership_find(&ctx->gov, v, &ctx->arena, &p, err) !=
		    MASA_OK)
			return err->code;
		f->partnership_id = p.id;
	}
	if ((v = cli_opt(args, LIST_YEAR)) != NULL) {
		if (cli_number("--year", v, 1900, 2999, &n, err) != MASA_OK)
			return err->code;
		f->year = (int)n;
	}
	if ((v = cli_opt(args, LIST_STATUS)) != NULL) {
		if (strcmp(v, "reviewed") == 0)
			f->status = 1;
		else if (strcmp(v, "awaiting") == 0)
			f->status = 2;
		else
			return masa_error_set(err, MASA_ERR_USAGE,
			                      "--status: give reviewed or "
			                      "awaiting");
	}
	if ((v = cli_opt(args, LIST_CATEGORY)) != NULL) {
		if (cli_number("--category", v, 1, CHILD_DEATH_CATEGORIES, &n,
		               err) != MASA_OK)
			return err->code;
		f->category = (int)n;
	}
	f->theme = cli_opt(args, LIST_THEME);
	if ((f->from = cli_opt(args, LIST_FROM)) != NULL &&
	    date_parse(f->from, NULL, err) != MASA_OK)
		return err->code;
	if ((f->to = cli_opt(args, LIST_TO)) != NULL &&
	    date_parse(f->to, NULL, err) != MASA_OK)
		return err->code;
	return MASA_OK;
}

static int run_list(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct child_death_filter f;
	struct child_death *list;
	size_t n;
	long total;

	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    read_filter(ctx, args, &f, &err) != MASA_OK ||
	    child_death_list(&ctx->gov, &ctx->viewer, &f, &ctx->arena, &list,
	                     &n, &total, &err) != MASA_OK)
		return cli_fail(&err);
	if (ctx->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(
			        arr, child_death_to_json(&list[i], NULL, 0));
		json_print(arr, stdout);
		return 0;
	}
	{
		static const char *const headings[] = {
		        "REFERENCE", "PARTNERSHIP", "DIED",     "AGE",
		        "EXPECTED",  "REVIEWED",    "CATEGORY", NULL};
		struct table *t = table_new(headings);

		for (size_t i = 0; i < n; i++) {
			const struct child_death *cd = &list[i];
			const char *cells[] = {
			        cd->reference,
			        cd->partnership_key,
			        cd->died_on,
			        cd->age_band,
			        cd->expected ? "expected" : "unexpected",
			        cd->reviewed_on ? cd->reviewed_on : "awaiting",
			        cd->category ? arena_printf(&ctx->arena, "%d",
			                                    cd->category)
			                     : ""};

			table_add(t, cells);
		}
		table_print(t, stdout);
	}
	return 0;
}

const struct cli_command cmd_child_death_list = {
        .name = "child-death list",
        .summary = "the panel's cases, newest death first",
        .options = list_options,
        .listing = true,
        .run = run_list,
};

static int run_show(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct child_death cd;
	char **actions;
	size_t nactions;

	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    child_death_find(&ctx->gov, &ctx->viewer, args->positional[0],
	                     &ctx->arena, &cd, &err) != MASA_OK ||
	    child_death_actions(&ctx->gov, cd.id, &ctx->arena, &actions,
	                        &nactions, &err) != MASA_OK ||
	    assure_audit_view(&ctx->gov, "child_death", cd.id, &err) != MASA_OK)
		return cli_fail(&err);
	if (ctx->json) {
		json_print(child_death_to_json(&cd, actions, nactions), stdout);
		return 0;
	}
	printf("Case %s (%s, panel %s)\n", cd.reference, cd.partnership_name,
	       cd.panel_short_name);
	printf("  age: %s\n  died: %s (%s)\n",
	       assure_age_band_label(cd.age_band),
	       date_long(&ctx->arena, cd.died_on),
	       cd.expected ? "expected" : "unexpected");
	if (cd.place)
		printf("  place: %s\n", child_death_place_label(cd.place));
	if (cd.notified_on)
		printf("  notified: %s\n",
		       date_long(&ctx->arena, cd.notified_on));
	if (cd.review_meeting_on)
		printf("  child death review meeting: %s\n",
		       date_long(&ctx->arena, cd.review_meeting_on));
	if (cd.reviewed_on == NULL) {
		printf("  awaiting the panel's review\n");
	} else {
		printf("  reviewed by the panel: %s%s%s\n",
		       date_long(&ctx->arena, cd.reviewed_on),
		       cd.panel_meeting_key ? " at " : "",
		       cd.panel_meeting_key ? cd.panel_meeting_key : "");
	}
	if (cd.category)
		printf("  category %d: %s\n", cd.category,
		       child_death_categories[cd.category]);
	if (cd.modifiable)
		printf("  %s\n", child_death_modifiable_label(cd.modifiable));
	for (size_t i = 0; i < cd.nfactors; i++)
		printf("    %s: %s\n",
		       child_death_domain_label(cd.factors[i].domain),
		       cd.factors[i].description);
	for (size_t i = 0; i < cd.nthemes; i++)
		printf("  theme: %s\n", cd.themes[i]);
	for (size_t i = 0; i < nactions; i++)
		printf("  action: %s\n", actions[i]);
	if (cd.learning)
		printf("  learning:\n%s\n", cd.learning);
	return 0;
}

const struct cli_command cmd_child_death_show = {
        .name = "child-death show",
        .arguments = "REF",
        .summary = "one case, its review, themes and actions (audited)",
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .run = run_show,
};

static enum masa_err read_whole(const char *path, struct buf *out,
                                struct masa_error *err)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char chunk[8192];
	size_t n;
	enum masa_err rc = MASA_OK;

	if (f == NULL)
		return masa_error_set(err, MASA_ERR_IO, "%s: cannot be read",
		                      path);
	while (rc == MASA_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		rc = buf_append(out, chunk, n, err);
	if (rc == MASA_OK && ferror(f))
		rc = masa_error_set(err, MASA_ERR_IO, "%s: cannot be read",
		                    path);
	if (f != stdin)
		fclose(f);
	if (rc == MASA_ERR_LIMIT)
		masa_error_set(err, MASA_ERR_LIMIT, "%s is larger than %d MB",
		               path, IMPORT_MAX / (1024 * 1024));
	return rc;
}

static const struct cli_option import_options[] = {
        {"panel", "BODY", "the panel the cases are for (required)"},
        {NULL, NULL, NULL},
};

static int run_import(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_body panel;
	struct buf data;
	long count = 0;
	enum masa_err rc;

	buf_init(&data, IMPORT_MAX);
	rc = cli_open_partnership(ctx, &err);
	if (rc == MASA_OK)
		rc = find_panel(ctx, cli_opt(args, 0), &panel, &err);
	if (rc == MASA_OK)
		rc = read_whole(args->positional[0], &data, &err);
	if (rc == MASA_OK)
		rc = child_death_import_csv(&ctx->gov, panel.id,
		                            data.data ? data.data : "",
		                            data.len, &count, &err);
	buf_free(&data);
	if (rc != MASA_OK) {
		masa_error_prefix(&err, "%s (nothing was stored)",
		                  args->positional[0]);
		return cli_fail(&err);
	}
	printf("imported %ld cases\n", count);
	return 0;
}

const struct cli_command cmd_child_death_import = {
        .name = "child-death import",
        .arguments = "FILE.csv",
        .summary = "import cases from the national dataset as CSV (all or "
                   "none)",
        .options = import_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_import,
};

static int run_export(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct child_death_filter f;
	struct buf out;
	enum masa_err rc;

	buf_init(&out, (size_t)1 << 30);
	rc = cli_open_partnership(ctx, &err);
	if (rc == MASA_OK)
		rc = read_filter(ctx, args, &f, &err);
	if (rc == MASA_OK)
		rc = child_death_export_csv(&ctx->gov, &ctx->viewer, &f, &out,
		                            &err);
	if (rc == MASA_OK)
		fwrite(buf_str(&out), 1, out.len, stdout);
	buf_free(&out);
	return rc == MASA_OK ? 0 : cli_fail(&err);
}

const struct cli_command cmd_child_death_export = {
        .name = "child-death export",
        .summary = "the cases as the national dataset's CSV (audited)",
        .options = list_options,
        .run = run_export,
};

static int run_theme_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_body panel;

	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    find_panel(ctx, args->positional[0], &panel, &err) != MASA_OK ||
	    cdr_theme_add(&ctx->gov, panel.id, args->positional[1],
	                  args->positional[2], &err) != MASA_OK)
		return cli_fail(&err);
	printf("added theme %s\n", args->positional[1]);
	return 0;
}

const struct cli_command cmd_child_death_theme_add = {
        .name = "child-death theme add",
        .arguments = "PANEL KEY NAME",
        .summary = "add a theme the panel looks for across deaths",
        .min_positional = 3,
        .max_positional = 3,
        .run = run_theme_add,
};
