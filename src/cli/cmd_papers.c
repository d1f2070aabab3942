/*
 * cmd_papers: a meeting's papers from the command line (gov/paper.h).
 *
 *   masa paper add MEETING FILE [--item NUMBER] [--title TITLE]
 *   masa paper replace PAPER FILE
 *   masa paper list MEETING
 *   masa pack MEETING [--part-two] --output FILE
 *
 * MEETING is a meeting's key ("RLSCB/2014-12-04"), NUMBER an item's number
 * on its agenda ("4"), PAPER a paper's id (from paper list). The file is
 * checked as the web form checks it; refused, nothing is stored.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/pack.h"
#include "gov/paper.h"

enum { ADD_ITEM, ADD_TITLE };

static const struct cli_option add_options[] = {
        [ADD_ITEM] = {"item", "NUMBER",
                      "the agenda item the paper is for (default: the "
                      "meeting itself)"},
        [ADD_TITLE] = {"title", "TITLE",
                       "the paper's title (default: the file's name)"},
        {NULL, NULL, NULL},
};

static const struct cli_option no_options[] = {{NULL, NULL, NULL}};

enum { PACK_PART_TWO, PACK_OUTPUT };

static const struct cli_option pack_options[] = {
        [PACK_PART_TWO] = {"part-two", NULL,
                           "the part-two pack (the confidential items' "
                           "papers) instead of the agenda pack"},
        [PACK_OUTPUT] = {"output", "FILE", "where to write the PDF"},
        {NULL, NULL, NULL},
};

enum masa_err cli_read_paper_file(const char *path, struct buf *b,
                                  struct masa_error *err)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;
	enum masa_err rc = MASA_OK;

	buf_init(b, gov_paper_max_bytes() + 1);
	if (f == NULL)
		return masa_error_set(err, MASA_ERR_IO,
		                      "FILE: cannot read %s: %s", path,
		                      strerror(errno));
	while (rc == MASA_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (buf_append(b, chunk, n, err) != MASA_OK)
			rc = masa_error_set(
			        err, MASA_ERR_LIMIT,
			        "FILE: %s is larger than %zu MB", path,
			        gov_paper_max_bytes() / (1024 * 1024));
	if (rc == MASA_OK && ferror(f))
		rc = masa_error_set(err, MASA_ERR_IO, "FILE: cannot read %s",
		                    path);
	fclose(f);
	return rc;
}

static enum masa_err find_meeting(struct cli_ctx *ctx, const char *key,
                                  struct gov_meeting *m, struct masa_error *err)
{
	enum masa_err rc = cli_open_partnership(ctx, err);

	if (rc == MASA_OK)
		rc = gov_meeting_find(&ctx->gov, ctx->partnership.id, key,
		                      &ctx->arena, m, err);
	return rc;
}

static int run_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	struct gov_item it = {0};
	const char *number = cli_opt(args, ADD_ITEM);
	struct buf file = {0};
	int64_t id = 0;
	enum masa_err rc;

	rc = find_meeting(ctx, args->positional[0], &m, &err);
	if (rc == MASA_OK && number != NULL)
		rc = gov_item_find(&ctx->gov, &ctx->viewer, m.id, number,
		                   &ctx->arena, &it, &err);
	if (rc == MASA_OK)
		rc = cli_read_paper_file(args->positional[1], &file, &err);
	if (rc == MASA_OK)
		rc = gov_paper_add(
		        &ctx->gov, m.id, it.id, cli_opt(args, ADD_TITLE),
		        args->positional[1], file.data ? file.data : "",
		        file.len, &id, &err);
	buf_free(&file);
	if (rc != MASA_OK)
		return cli_fail(&err);
	printf("paper %lld added to %s\n", (long long)id, m.key);
	return 0;
}

static int run_replace(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct buf file = {0};
	long id;
	int64_t version = 0;
	enum masa_err rc;

	rc = cli_number("PAPER", args->positional[0], 1, 1L << 53, &id, &err);
	if (rc == MASA_OK)
		rc = cli_open_partnership(ctx, &err);
	if (rc == MASA_OK)
		rc = cli_read_paper_file(args->positional[1], &file, &err);
	if (rc == MASA_OK)
		rc = gov_paper_replace(&ctx->gov, id, args->positional[1],
		                       file.data ? file.data : "", file.len,
		                       &version, &err);
	buf_free(&file);
	if (rc != MASA_OK)
		return cli_fail(&err);
	printf("paper %ld is now version %lld\n", id, (long long)version);
	return 0;
}

static int run_list(struct cli_ctx *ctx, const struct cli_args *args)
{
	static const char *const headings[] = {"ID",      "ITEM",  "TITLE",
	                                       "FILE",    "BYTES", "PAGES",
	                                       "VERSION", NULL};
	struct masa_error err = {0};
	struct gov_meeting m;
	struct gov_paper *papers;
	size_t n;
	struct table *t;

	if (find_meeting(ctx, args->positional[0], &m, &err) != MASA_OK ||
	    gov_paper_list(&ctx->gov, &ctx->viewer, m.id, &ctx->arena, &papers,
	                   &n, &err) != MASA_OK)
		return cli_fail(&err);
	if (ctx->json) {
		json_t *list = json_array();
		for (size_t i = 0; i < n; i++) {
			const struct gov_paper *p = &papers[i];
			json_array_append_new(
			        list,
			        json_pack(
			                "{s:I, s:s?, s:s, s:b, s:s, s:s, s:I, "
			                "s:I, s:I, s:s}",
			                "id", (json_int_t)p->id, "item",
			                p->item_number, "title", p->title,
			                "part_two", p->confidential,
			                "file_name", p->current.file_name,
			                "media_type", p->current.media_type,
			                "size", (json_int_t)p->current.size,
			                "pages", (json_int_t)p->current.pages,
			                "version",
			                (json_int_t)p->current.version,
			                "sha256", p->current.sha256));
		}
		json_print(list, stdout);
		return 0;
	}
	t = table_new(headings);
	for (size_t i = 0; i < n; i++) {
		const struct gov_paper *p = &papers[i];
		const char *cells[] = {
		        arena_printf(&ctx->arena, "%lld", (long long)p->id),
		        p->item_number ? p->item_number : "-",
		        p->title,
		        p->current.file_name,
		        arena_printf(&ctx->arena, "%lld",
		                     (long long)p->current.size),
		        arena_printf(&ctx->arena, "%lld",
		                     (long long)p->current.pages),
		        arena_printf(&ctx->arena, "%lld",
		                     (long long)p->current.version),
		};
		table_add(t, cells);
	}
	table_print(t, stdout);
	return 0;
}

/* Makes the pack anew (the command is a request to make it) and keeps it. */
static int run_pack(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_meeting m;
	struct gov_pack pk;
	const char *path = cli_opt(args, PACK_OUTPUT);
	bool part_two = cli_opt(args, PACK_PART_TWO) != NULL;
	size_t left_out = 0;
	FILE *f;
	enum masa_err rc;

	if (path == NULL || *path == '\0') {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "--output: say where to write the pack's PDF");
		return cli_fail(&err);
	}
	rc = find_meeting(ctx, args->positional[0], &m, &err);
	if (rc == MASA_OK)
		rc = gov_pack_get(&ctx->gov, &ctx->viewer, m.id, part_two,
		                  GOV_PACK_BYTES | GOV_PACK_REMAKE, &ctx->arena,
		                  &pk, &err);
	if (rc == MASA_ERR_NOT_FOUND && part_two)
		masa_error_set(&err, MASA_ERR_NOT_FOUND,
		               "%s has no part-two items", m.key);
	if (rc != MASA_OK)
		return cli_fail(&err);
	f = fopen(path, "wb");
	if (f == NULL ||
	    fwrite(pk.bytes, 1, (size_t)pk.size, f) != (size_t)pk.size) {
		if (f != NULL)
			fclose(f);
		masa_error_set(&err, MASA_ERR_IO, "--output: cannot write %s",
		               path);
		return cli_fail(&err);
	}
	if (fclose(f) != 0) {
		masa_error_set(&err, MASA_ERR_IO, "--output: cannot write %s",
		               path);
		return cli_fail(&err);
	}
	printf("%s pack of %s: %lld pages, %lld bytes, in %s\n",
	       part_two ? "part-two" : "agenda", m.key, (long long)pk.pages,
	       (long long)pk.size, path);
	for (size_t i = 0; i < pk.npapers; i++) {
		const struct gov_pack_paper *q = &pk.papers[i];
		if (q->left_out == NULL)
			printf("  page %lld: %s (%lld pages)\n",
			       (long long)q->first_page, q->title,
			       (long long)q->pages);
		else
			left_out++;
	}
	for (size_t i = 0; i < pk.npapers; i++) {
		const struct gov_pack_paper *q = &pk.papers[i];
		if (q->left_out != NULL)
			printf("  left out: %s (paper %lld): %s\n", q->title,
			       (long long)q->paper_id, q->left_out);
	}
	if (left_out == 0)
		printf("  nothing left out\n");
	return 0;
}

const struct cli_command cmd_pack = {
        .name = "pack",
        .arguments = "MEETING",
        .summary = "make a meeting's agenda pack (or its part-two pack) as "
                   "one PDF: front sheet, agenda, the PDF papers",
        .options = pack_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_pack,
};

const struct cli_command cmd_paper_add = {
        .name = "paper add",
        .arguments = "MEETING FILE",
        .summary = "add a paper (PDF, Word, Excel, PowerPoint, OpenDocument "
                   "or text) to a meeting or one of its items",
        .options = add_options,
        .min_positional = 2,
        .max_positional = 2,
        .run = run_add,
};

const struct cli_command cmd_paper_replace = {
        .name = "paper replace",
        .arguments = "PAPER FILE",
        .summary = "a new version of a paper (the old ones are kept)",
        .options = no_options,
        .min_positional = 2,
        .max_positional = 2,
        .run = run_replace,
};

const struct cli_command cmd_paper_list = {
        .name = "paper list",
        .arguments = "MEETING",
        .summary = "a meeting's papers, with their files and versions",
        .options = no_options,
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .run = run_list,
};
