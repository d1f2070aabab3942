/*
 * cmd_demo: demo data for trying masa and for benchmarks: a synthetic
 * partnership of any size, written as an interchange document.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "gov/synthetic.h"

enum { GENERATE_YEARS, GENERATE_SEED, GENERATE_OUTPUT, GENERATE_NO_ACTIONS };

static const struct cli_option generate_options[] = {
        [GENERATE_YEARS] = {"years", "N",
                            "years of meetings (1-50, default 10)"},
        [GENERATE_SEED] = {"seed", "S",
                           "the random seed (default 1): the same "
                           "seed gives the same partnership"},
        [GENERATE_OUTPUT] = {"output", "FILE",
                             "write to FILE instead of standard output"},
        [GENERATE_NO_ACTIONS] = {"without-actions", NULL,
                                 "leave out the action logs (the governance "
                                 "records only)"},
        {NULL, NULL, NULL},
};

static int run_generate(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	long years = 10, seed = 1;
	const char *path = cli_opt(args, GENERATE_OUTPUT);
	json_t *doc;
	FILE *f = stdout;
	int status = 0;

	(void)ctx;
	if ((cli_opt(args, GENERATE_YEARS) &&
	     cli_number("years", cli_opt(args, GENERATE_YEARS), 1, 50, &years,
	                &err) != MASA_OK) ||
	    (cli_opt(args, GENERATE_SEED) &&
	     cli_number("seed", cli_opt(args, GENERATE_SEED), 0, 2147483647L,
	                &seed, &err) != MASA_OK))
		return cli_fail(&err);
	if (synthetic_generate((int)years, (uint64_t)seed,
	                       cli_opt(args, GENERATE_NO_ACTIONS) == NULL, &doc,
	                       &err) != MASA_OK)
		return cli_fail(&err);
	if (path != NULL && (f = fopen(path, "wb")) == NULL) {
		masa_error_set(&err, MASA_ERR_IO, "cannot write %s: %s", path,
		               strerror(errno));
		json_decref(doc);
		return cli_fail(&err);
	}
	if (json_dumpf(doc, f, JSON_INDENT(2)) != 0 || fputc('\n', f) == EOF) {
		masa_error_set(&err, MASA_ERR_IO,
		               "cannot write the document: %s",
		               strerror(errno));
		status = cli_fail(&err);
	}
	if (path != NULL && fclose(f) != 0 && status == 0) {
		masa_error_set(&err, MASA_ERR_IO, "cannot write %s: %s", path,
		               strerror(errno));
		status = cli_fail(&err);
	}
	json_decref(doc);
	return status;
}

const struct cli_command cmd_demo_generate = {
        .name = "demo generate",
        .summary = "write a synthetic partnership (for trying masa and for "
                   "benchmarks) as an interchange document",
        .options = generate_options,
        .run = run_generate,
};
