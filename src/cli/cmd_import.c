/*
 * cmd_import: `masa import minutes FILE`: reads a minutes document, shows
 * the reading (--dry-run, as text or --json) or stores it as a meeting of
 * its body (src/minutes/import.h). A reading with warnings is shown with
 * them; nothing is stored from a file that could not be read.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "minutes/import.h"
#include "minutes/reader.h"
#include "minutes/source.h"

enum { OPT_BODY, OPT_DRY_RUN };

static const struct cli_option import_options[] = {
        [OPT_BODY] = {"body", "SHORT",
                      "the body the meeting was of (default: the one the "
                      "minutes name)"},
        [OPT_DRY_RUN] = {"dry-run", NULL, "show the reading and store nothing"},
        {NULL, NULL, NULL},
};

static void print_people(const char *heading, const struct minutes_person *p,
                         size_t n)
{
	if (n == 0)
		return;
	printf("%s (%zu):\n", heading, n);
	for (size_t i = 0; i < n; i++) {
		printf("  %s", p[i].name);
		if (p[i].role)
			printf(" - %s", p[i].role);
		if (p[i].representing)
			printf(" (representing %s)", p[i].representing);
		if (p[i].job_title)
			printf(", %s", p[i].job_title);
		if (p[i].arrived)
			printf(" [arrived at item %s]", p[i].arrived);
		if (p[i].left)
			printf(" [left at item %s]", p[i].left);
		putchar('\n');
	}
}

static void print_owners(const char *const *o, size_t n)
{
	for (size_t i = 0; i < n; i++)
		printf("%s%s", i ? "/" : "", o[i]);
}

static void print_reading(const struct minutes_reading *r)
{
	printf("Body:      %s%s%s%s\n", r->body ? r->body : "(not found)",
	       r->body_short ? " (" : "", r->body_short ? r->body_short : "",
	       r->body_short ? ")" : "");
	printf("Title:     %s\n", r->title ? r->title : "");
	printf("Date:      %s\n", r->date ? r->date : "(not found)");
	if (r->start_time)
		printf("Time:      %s%s%s\n", r->start_time,
		       r->end_time ? " to " : "",
		       r->end_time ? r->end_time : "");
	if (r->venue)
		printf("Venue:     %s\n", r->venue);
	print_people("Present", r->present, r->npresent);
	print_people("In attendance", r->in_attendance, r->nin_attendance);
	print_people("Apologies", r->apologies, r->napologies);
	print_people("Absent", r->absent, r->nabsent);
	printf("Items (%zu):\n", r->nitems);
	for (size_t i = 0; i < r->nitems; i++) {
		const struct minutes_item *it = &r->items[i];
		printf("  %s %s%s%s%s%s\n", it->number,
		       it->title ? it->title : "",
		       it->confidential ? " [confidential]" : "",
		       it->status ? " [" : "", it->status ? it->status : "",
		       it->status ? "]" : "");
		for (size_t k = 0; k < it->nresolutions; k++)
			printf("    Resolved%s%s%s: %s\n",
			       it->resolutions[k].number ? " (" : "",
			       it->resolutions[k].number
			               ? it->resolutions[k].number
			               : "",
			       it->resolutions[k].number ? ")" : "",
			       it->resolutions[k].text);
		for (size_t k = 0; k < it->nactions; k++) {
			const struct minutes_action *a = &it->actions[k];
			printf("    Action %s: ", a->number ? a->number : "-");
			print_owners(a->owners, a->nowners);
			printf(": %s%s%s\n", a->text, a->due ? " by " : "",
			       a->due ? a->due : "");
		}
	}
	if (r->naction_log > 0) {
		printf("Action log%s%s (%zu):\n",
		       r->action_log_as_at ? " as at " : "",
		       r->action_log_as_at ? r->action_log_as_at : "",
		       r->naction_log);
		for (size_t i = 0; i < r->naction_log; i++) {
			const struct minutes_log_entry *e = &r->action_log[i];
			printf("  %s ", e->number ? e->number : "-");
			print_owners(e->owners, e->nowners);
			printf(" (raised %s): %s\n",
			       e->raised ? e->raised : "earlier", e->text);
			for (size_t u = 0; u < e->nupdates; u++)
				printf("    %s: %s%s%s\n",
				       e->updates[u].date ? e->updates[u].date
				                          : "undated",
				       e->updates[u].status
				               ? e->updates[u].status
				               : "",
				       e->updates[u].status ? ". " : "",
				       e->updates[u].text ? e->updates[u].text
				                          : "");
		}
	}
	if (r->next_meeting)
		printf("Next meeting: %s%s%s\n", r->next_meeting,
		       r->next_meeting_time ? " at " : "",
		       r->next_meeting_time ? r->next_meeting_time : "");
	if (r->nunsure > 0) {
		printf("Unsure (%zu):\n", r->nunsure);
		for (size_t i = 0; i < r->nunsure; i++)
			printf("  line %zu: %s\n", r->unsure[i].line,
			       r->unsure[i].text);
	}
	if (r->nunplaced > 0) {
		printf("Lines not placed (%zu):\n", r->nunplaced);
		for (size_t i = 0; i < r->nunplaced; i++)
			printf("  line %zu: %s\n", r->unplaced[i].line,
			       r->unplaced[i].text);
	}
}

static int run_import_minutes(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct source src;
	struct minutes_reading r;
	struct minutes_import_result res = {0};
	const char *path = args->positional[0];
	int status = 0;
	enum masa_err rc;

	source_init(&src, SOURCE_UNKNOWN);
	memset(&r, 0, sizeof r);
	if ((rc = source_read_file(path, &src, &err)) != MASA_OK ||
	    (rc = minutes_read(&src, &r, &err)) != MASA_OK) {
		if (rc != MASA_OK && strncmp(err.message, path, strlen(path)))
			masa_error_prefix(&err, "%s", path);
		status = cli_fail(&err);
		goto out;
	}
	if (cli_opt(args, OPT_DRY_RUN)) {
		if (ctx->json)
			json_print(minutes_reading_json(&r), stdout);
		else
			print_reading(&r);
		goto out;
	}
	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    minutes_import(&ctx->gov, ctx->partnership.id, &r,
	                   cli_opt(args, OPT_BODY), &ctx->arena, &res,
	                   &err) != MASA_OK) {
		status = cli_fail(&err);
		goto out;
	}
	if (ctx->json) {
		json_print(json_pack("{s:s, s:b, s:I, s:I, s:I, s:I, s:I, s:I, "
		                     "s:I}",
		                     "meeting", res.meeting_key, "already",
		                     res.already, "people_created",
		                     (json_int_t)res.people_created,
		                     "attendance", (json_int_t)res.attendance,
		                     "items", (json_int_t)res.items,
		                     "resolutions", (json_int_t)res.resolutions,
		                     "actions", (json_int_t)res.actions,
		                     "log_actions", (json_int_t)res.log_actions,
		                     "updates", (json_int_t)res.updates),
		           stdout);
	} else if (res.already) {
		printf("%s already imported: nothing changed\n",
		       res.meeting_key);
	} else {
		printf("imported %s: %zu attending (%zu new people), %zu "
		       "items, %zu resolutions, %zu actions, %zu earlier "
		       "actions with %zu updates\n",
		       res.meeting_key, res.attendance, res.people_created,
		       res.items, res.resolutions, res.actions, res.log_actions,
		       res.updates);
	}
	for (size_t i = 0; i < r.nunsure; i++)
		fprintf(stderr, "masa: note: line %zu: %s\n", r.unsure[i].line,
		        r.unsure[i].text);
out:
	minutes_reading_free(&r);
	source_free(&src);
	return status;
}

const struct cli_command cmd_import_minutes = {
        .name = "import minutes",
        .arguments = "FILE",
        .summary = "read a minutes document and store it as a meeting",
        .options = import_options,
        .min_positional = 1,
        .max_positional = 1,
        .listing = true,
        .run = run_import_minutes,
};
