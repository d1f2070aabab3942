/*
 * main: masa's entry point. Reads the global options (--db, --partnership),
 * finds the command, parses its arguments in one place and runs it.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "store/store.h"

#define MASA_VERSION "0.1.0"

static const struct cli_command *const commands[] = {
        &cmd_init,
        &cmd_migrate,
        &cmd_load,
        &cmd_dump,
        &cmd_copy,
        &cmd_bodies,
        &cmd_members,
        &cmd_meetings,
        &cmd_meeting_show,
        &cmd_meeting_held,
        &cmd_meeting_schedule,
        &cmd_meeting_move,
        &cmd_meeting_cancel,
        &cmd_meeting_set,
        &cmd_meeting_attend,
        &cmd_minutes_write,
        &cmd_resolution_add,
        &cmd_minutes_status,
        &cmd_meeting_declare,
        &cmd_meeting_arrival,
        &cmd_actions_log,
        &cmd_actions_overdue,
        &cmd_actions_mine,
        &cmd_actions_by_organisation,
        &cmd_actions_show,
        &cmd_actions_raise,
        &cmd_actions_update,
        &cmd_meeting_matters_arising,
        &cmd_import_minutes,
        &cmd_agenda_draft,
        &cmd_agenda_add,
        &cmd_agenda_set,
        &cmd_agenda_move,
        &cmd_agenda_remove,
        &cmd_agenda_publish,
        &cmd_publish,
        &cmd_paper_add,
        &cmd_paper_replace,
        &cmd_paper_list,
        &cmd_circulate,
        &cmd_circulation,
        &cmd_pack,
        &cmd_programme,
        &cmd_programme_add,
        &cmd_programme_from_resolution,
        &cmd_remind,
        &cmd_config_set,
        &cmd_config_get,
        &cmd_user_add,
        &cmd_user_passwd,
        &cmd_user_disable,
        &cmd_user_list,
        &cmd_token_create,
        &cmd_token_list,
        &cmd_token_revoke,
        &cmd_serve,
        &cmd_partnership_list,
        &cmd_partnership_add,
        &cmd_partnership_host_add,
        &cmd_partnership_host_remove,
        &cmd_partnership_host_list,
        &cmd_body_serve,
        &cmd_org_add,
        &cmd_org_edit,
        &cmd_person_add,
        &cmd_person_edit,
        &cmd_body_add,
        &cmd_body_edit,
        &cmd_body_close,
        &cmd_member_add,
        &cmd_member_end,
        &cmd_member_change_role,
        &cmd_workdays_add,
        &cmd_workdays_between,
        &cmd_workdays_holidays,
        &cmd_incident_add,
        &cmd_incident_set,
        &cmd_incident_list,
        &cmd_incident_show,
        &cmd_dashboard_child_deaths,
        &cmd_dashboard_reviews,
        &cmd_child_death_add,
        &cmd_child_death_set,
        &cmd_child_death_list,
        &cmd_child_death_show,
        &cmd_child_death_import,
        &cmd_child_death_export,
        &cmd_child_death_theme_add,
        &cmd_review_add,
        &cmd_review_set,
        &cmd_review_contribution,
        &cmd_review_list,
        &cmd_review_show,
        &cmd_recommendation_add,
        &cmd_recommendation_set,
        &cmd_recommendation_list,
        &cmd_recommendation_close,
        &cmd_recommendation_action,
        &cmd_evidence_add,
        &cmd_evidence_judge,
        &cmd_briefing_add,
        &cmd_briefing_publish,
        &cmd_briefing_circulate,
        &cmd_briefing_list,
        &cmd_demo_generate,
        NULL};

static void usage(FILE *f)
{
	fprintf(f, "usage: masa [--db PATH] [--partnership ID] COMMAND "
	           "[ARGS] [--help]\n\n"
	           "masa runs a local area's multi-agency safeguarding "
	           "arrangements.\n\ncommands:\n");
	for (size_t i = 0; commands[i] != NULL; i++) {
		char left[80];
		snprintf(left, sizeof left, "%s%s%s", commands[i]->name,
		         commands[i]->arguments ? " " : "",
		         commands[i]->arguments ? commands[i]->arguments : "");
		fprintf(f, "  %-40s %s\n", left, commands[i]->summary);
	}
	fprintf(f, "\nglobal options (before the command):\n"
	           "  --db PATH                                the database "
	           "(default "
	           "./masa.db)\n"
	           "  --partnership ID                         which "
	           "partnership, when the "
	           "database holds several\n"
	           "  --version                                print masa's "
	           "version\n\n"
	           "Every listing takes --json; every command takes --help.\n");
}

/* How many words name is ("partnership host add": 3). */
static int words_of(const char *name)
{
	int n = 1;

	for (const char *p = name; *p; p++)
		n += *p == ' ';
	return n;
}

/* Whether the words of name are argv[0], argv[1]... */
static bool names(const char *name, char **argv)
{
	for (int i = 0;; i++) {
		size_t len = strcspn(name, " ");
		if (strlen(argv[i]) != len || strncmp(name, argv[i], len) != 0)
			return false;
		if (name[len] == '\0')
			return true;
		name += len + 1;
	}
}

/*
 * The command named by the first words of argv, the longest name first:
 * "partnership host add", then "programme add", then "programme".
 */
static const struct cli_command *find_command(int argc, char **argv, int *words)
{
	for (int want = 3; want >= 1; want--)
		for (size_t i = 0; commands[i] != NULL; i++)
			if (words_of(commands[i]->name) == want &&
			    argc >= want && names(commands[i]->name, argv)) {
				*words = want;
				return commands[i];
			}
	return NULL;
}

/* Who is acting, for the audit log: MASA_ACTOR, or the login name. */
static const char *actor_name(struct arena *a)
{
	const char *who = getenv("MASA_ACTOR");

	if (who != NULL && who[0] != '\0')
		return who;
	who = getenv("USER");
	return arena_printf(a, "cli:%s", who && who[0] ? who : "unknown");
}

int main(int argc, char **argv)
{
	struct cli_ctx ctx = {.db_path = "masa.db"};
	struct masa_error err = {0};
	const struct cli_command *cmd;
	struct cli_args args;
	bool help, json, csv;
	int i = 1, words = 0, status;

	while (i < argc && argv[i][0] == '-') {
		const char *arg = argv[i];
		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(arg, "--version") == 0) {
			printf("masa %s (database schema %d)\n", MASA_VERSION,
			       store_schema_latest());
			return 0;
		} else if (strcmp(arg, "--db") == 0 && i + 1 < argc) {
			ctx.db_path = argv[i + 1];
			i += 2;
		} else if (strncmp(arg, "--db=", 5) == 0) {
			ctx.db_path = arg + 5;
			i++;
		} else if (strcmp(arg, "--partnership") == 0 && i + 1 < argc) {
			ctx.partnership_key = argv[i + 1];
			i += 2;
		} else if (strncmp(arg, "--partnership=", 14) == 0) {
			ctx.partnership_key = arg + 14;
			i++;
		} else {
			fprintf(stderr,
			        "masa: unknown or incomplete global option "
			        "\"%s\" (see masa --help)\n",
			        arg);
			return 2;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return 2;
	}
	if (ctx.db_path[0] == '\0') {
		fprintf(stderr, "masa: --db: the path is empty\n");
		return 2;
	}
	cmd = find_command(argc - i, argv + i, &words);
	if (cmd == NULL) {
		fprintf(stderr,
		        "masa: unknown command \"%s\" (see masa --help)\n",
		        argv[i]);
		return 2;
	}
	if (cli_parse(cmd, argc - i - words, argv + i + words, &args, &help,
	              &json, &csv, &err) != MASA_OK)
		return cli_fail(&err);
	if (help) {
		cli_print_help(cmd, stdout);
		return 0;
	}
	ctx.json = json;
	ctx.csv = csv;
	ctx.actor = actor_name(&ctx.arena);
	status = cmd->run(&ctx, &args);
	if (fflush(stdout) != 0 && status == 0) {
		fprintf(stderr, "masa: cannot write the output\n");
		status = 3;
	}
	store_close(ctx.store);
	arena_free(&ctx.arena);
	return status;
}
