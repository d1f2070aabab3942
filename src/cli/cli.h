/*
 * cli: the command-line face of masa. Each command declares its options and
 * positional arguments in one table (parsed in one place, args.c), opens the
 * store through cli_open(), calls the domain and prints through output.c.
 * Errors become exit statuses only here: 0 ok, 1 bad or conflicting data,
 * 2 wrong usage, 3 the database or a file failed.
 */
#ifndef MASA_CLI_CLI_H
#define MASA_CLI_CLI_H

#include <stdbool.h>
#include <jansson.h>

#include "gov/access.h"
#include <stdio.h>

#include "core/error.h"
#include "core/mem.h"
#include "gov/gov.h"
#include "gov/partnership.h"

enum { CLI_MAX_OPTIONS = 24, CLI_MAX_POSITIONAL = 8 };

struct cli_option {
	const char *name;  /* without the leading "--" */
	const char *value; /* what the value is ("DATE"), or NULL for a flag */
	const char *help;
};

struct cli_args {
	const char *values[CLI_MAX_OPTIONS]; /* by option index; "" for flags */
	const char *positional[CLI_MAX_POSITIONAL];
	int npositional;
};

struct cli_ctx;

struct cli_command {
	const char *name;      /* "members", or "meeting show" */
	const char *arguments; /* "BODY", shown in the usage line */
	const char *summary;
	const struct cli_option *options; /* terminated by a NULL name */
	/*
	 * Or the options made when first asked for, from a kind of record's
	 * declaration (cli/cmd_setup.c: --FIELD VALUE for each field);
	 * data is the command's own.
	 */
	const struct cli_option *(*options_of)(const struct cli_command *cmd);
	const void *data;
	int min_positional, max_positional;
	bool listing; /* takes --json */
	bool csv;     /* takes --csv */
	int (*run)(struct cli_ctx *ctx, const struct cli_args *args);
};

struct cli_ctx {
	const char *db_path;
	const char *partnership_key; /* --partnership, or NULL */
	const char *actor;
	bool json;
	bool csv;
	struct store *store;
	struct gov gov;
	struct arena arena;                 /* freed when the command ends */
	struct gov_partnership partnership; /* set by cli_open_partnership */
	/* Whoever runs masa on the database sees all of the partnership
	 * (gov_viewer_system); set by cli_open_partnership. */
	struct gov_viewer viewer;
};

/* The value of option index i, or NULL when it was not given. */
static inline const char *cli_opt(const struct cli_args *args, int i)
{
	return args->values[i];
}

/*
 * Parses argv (after the command words) against cmd's options; --help and
 * (for listings) --json are always accepted. MASA_ERR_USAGE names what was
 * wrong.
 */
enum masa_err cli_parse(const struct cli_command *cmd, int argc, char **argv,
                        struct cli_args *out, bool *help, bool *json, bool *csv,
                        struct masa_error *err);
/* cmd's options: options, or what options_of makes. */
const struct cli_option *cli_options(const struct cli_command *cmd);
/* Prints cmd's usage and options to f. */
void cli_print_help(const struct cli_command *cmd, FILE *f);

/* Opens ctx->db_path with store flags (see store_open). */
enum masa_err cli_open(struct cli_ctx *ctx, unsigned flags,
                       struct masa_error *err);
/* Opens the store and resolves the partnership the command means. */
enum masa_err cli_open_partnership(struct cli_ctx *ctx, struct masa_error *err);
struct gov_meeting;
/*
 * The meeting of the partnership that id names: its key (RLSCB/2014-12-04)
 * or its number. field (or NULL) is put before the message.
 */
enum masa_err cli_find_meeting(struct cli_ctx *ctx, const char *field,
                               const char *id, struct gov_meeting *m,
                               struct masa_error *err);
/* The exit status for an error code. */
int cli_exit_status(enum masa_err code);
/* Prints "masa: message" to stderr and returns the exit status. */
int cli_fail(const struct masa_error *err);
/*
 * Reads a whole number from text (for --limit and such); bounded. option
 * names it in the message: "limit" as --limit, an argument in capitals
 * as the usage line names it ("N", "YEAR").
 */
enum masa_err cli_number(const char *option, const char *text, long min,
                         long max, long *out, struct masa_error *err);

/*
 * The option's value when it was given, else the setting key ("smtp_url",
 * "mail_from", "site_url": masa config set); *out is NULL if neither is.
 */
enum masa_err cli_setting(struct cli_ctx *ctx, const char *option,
                          const char *key, const char **out,
                          struct masa_error *err);

/* output */

struct table;
/* A table with the given column headings (NULL-terminated). */
struct table *table_new(const char *const *headings);
/* Adds a row of as many cells as headings (NULL cells print empty). */
void table_add(struct table *t, const char *const *cells);
/* Prints with aligned columns and frees t. */
void table_print(struct table *t, FILE *f);
/*
 * Writes one CSV row (RFC 4180: quoted when needed, CRLF). A cell that a
 * spreadsheet would run as a formula (starting =, +, -, @, tab or CR) gets a
 * leading apostrophe, so exported text is never executed.
 */
void csv_row(FILE *f, const char *const *cells, size_t n);
/* Prints v as indented JSON with a newline, then drops the reference. */
void json_print(json_t *v, FILE *f);
/* "Thursday 4 December 2014" for "2014-12-04", in a. */
const char *date_long(struct arena *a, const char *iso);

/*
 * Reads the file at path whole into b (buf_init'ed here, at most the paper
 * limit and one byte more: gov_paper_max_bytes), for an upload of a paper
 * or a learning briefing; the caller frees b with buf_free().
 */
struct buf;
enum masa_err cli_read_paper_file(const char *path, struct buf *b,
                                  struct masa_error *err);

/* The commands, in the order `masa --help` lists them. */
extern const struct cli_command cmd_init, cmd_migrate, cmd_load, cmd_dump,
        cmd_copy, cmd_bodies, cmd_members, cmd_meetings, cmd_meeting_show,
        cmd_demo_generate, cmd_actions_log, cmd_actions_overdue,
        cmd_actions_mine, cmd_actions_by_organisation, cmd_actions_show,
        cmd_actions_raise, cmd_actions_update, cmd_meeting_held,
        cmd_meeting_matters_arising, cmd_agenda_draft, cmd_programme,
        cmd_programme_add, cmd_programme_from_resolution, cmd_remind,
        cmd_config_set, cmd_config_get, cmd_user_add, cmd_user_passwd,
        cmd_user_disable, cmd_user_list, cmd_token_create, cmd_token_list,
        cmd_token_revoke, cmd_serve, cmd_publish, cmd_import_minutes,
        cmd_partnership_list, cmd_partnership_add, cmd_partnership_host_add,
        cmd_partnership_host_remove, cmd_partnership_host_list, cmd_body_serve,
        cmd_paper_add, cmd_paper_replace, cmd_paper_list, cmd_meeting_schedule,
        cmd_meeting_move, cmd_meeting_cancel, cmd_meeting_set,
        cmd_meeting_declare, cmd_meeting_arrival, cmd_agenda_add,
        cmd_agenda_set, cmd_agenda_move, cmd_agenda_remove, cmd_agenda_publish,
        cmd_circulate, cmd_circulation, cmd_pack, cmd_org_add, cmd_org_edit,
        cmd_person_add, cmd_person_edit, cmd_body_add, cmd_body_edit,
        cmd_body_close, cmd_member_add, cmd_member_end, cmd_member_change_role,
        cmd_meeting_attend, cmd_minutes_write, cmd_resolution_add,
        cmd_minutes_status, cmd_workdays_add, cmd_workdays_between,
        cmd_workdays_holidays, cmd_incident_add, cmd_incident_set,
        cmd_incident_list, cmd_incident_show, cmd_child_death_add,
        cmd_child_death_set, cmd_child_death_list, cmd_child_death_show,
        cmd_child_death_import, cmd_child_death_export,
        cmd_child_death_theme_add, cmd_review_add, cmd_review_set,
        cmd_review_contribution, cmd_review_list, cmd_review_show,
        cmd_recommendation_add, cmd_recommendation_set, cmd_recommendation_list,
        cmd_recommendation_close, cmd_recommendation_action, cmd_evidence_add,
        cmd_evidence_judge, cmd_briefing_add, cmd_briefing_publish,
        cmd_briefing_circulate, cmd_briefing_list;
/* The dashboards of the assurance pillar (cmd_dashboard.c). */
extern const struct cli_command cmd_dashboard_child_deaths,
        cmd_dashboard_reviews;

#endif
