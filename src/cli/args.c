/*
 * args: the one parser of command-line options (see cli.h). Options are
 * "--name value", "--name=value" or "--name" for flags; "--" ends options.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const struct cli_option *cli_options(const struct cli_command *cmd)
{
	return cmd->options_of ? cmd->options_of(cmd) : cmd->options;
}

enum masa_err cli_parse(const struct cli_command *cmd, int argc, char **argv,
                        struct cli_args *out, bool *help, bool *json, bool *csv,
                        struct masa_error *err)
{
	const struct cli_option *options = cli_options(cmd);
	bool options_done = false;

	memset(out, 0, sizeof *out);
	*help = false;
	*json = false;
	*csv = false;
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		const char *eq;
		size_t len;
		int k;

		if (options_done || arg[0] != '-' || arg[1] == '\0') {
			if (out->npositional >= cmd->max_positional)
				return masa_error_set(err, MASA_ERR_USAGE,
				                      "%s: unexpected argument "
				                      "\"%.60s\"",
				                      cmd->name, arg);
			out->positional[out->npositional++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			options_done = true;
			continue;
		}
		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			*help = true;
			continue;
		}
		if (cmd->listing && strcmp(arg, "--json") == 0) {
			*json = true;
			continue;
		}
		if (cmd->csv && strcmp(arg, "--csv") == 0) {
			*csv = true;
			continue;
		}
		if (arg[1] != '-')
			return masa_error_set(
			        err, MASA_ERR_USAGE,
			        "%s: unknown option \"%.60s\" (see "
			        "masa %s --help)",
			        cmd->name, arg, cmd->name);
		arg += 2;
		eq = strchr(arg, '=');
		len = eq ? (size_t)(eq - arg) : strlen(arg);
		for (k = 0; options && options[k].name; k++)
			if (strlen(options[k].name) == len &&
			    strncmp(options[k].name, arg, len) == 0)
				break;
		if (options == NULL || options[k].name == NULL)
			return masa_error_set(
			        err, MASA_ERR_USAGE,
			        "%s: unknown option \"--%.*s\" (see "
			        "masa %s --help)",
			        cmd->name, (int)(len > 60 ? 60 : len), arg,
			        cmd->name);
		if (options[k].value == NULL) {
			if (eq != NULL)
				return masa_error_set(err, MASA_ERR_USAGE,
				                      "%s: --%s takes no value",
				                      cmd->name,
				                      options[k].name);
			out->values[k] = "";
		} else if (eq != NULL) {
			out->values[k] = eq + 1;
		} else if (i + 1 < argc) {
			out->values[k] = argv[++i];
		} else {
			return masa_error_set(err, MASA_ERR_USAGE,
			                      "%s: --%s needs a value (%s)",
			                      cmd->name, options[k].name,
			                      options[k].value);
		}
	}
	if (*json && *csv)
		return masa_error_set(err, MASA_ERR_USAGE,
		                      "%s: give --json or --csv, not both",
		                      cmd->name);
	if (!*help && out->npositional < cmd->min_positional)
		return masa_error_set(err, MASA_ERR_USAGE,
		                      "%s: missing %s (see masa %s --help)",
		                      cmd->name, cmd->arguments, cmd->name);
	return MASA_OK;
}

void cli_print_help(const struct cli_command *cmd, FILE *f)
{
	const struct cli_option *options = cli_options(cmd);

	fprintf(f, "usage: masa [--db PATH] %s%s%s%s\n\n%s\n", cmd->name,
	        cmd->arguments ? " " : "", cmd->arguments ? cmd->arguments : "",
	        options || cmd->listing ? " [options]" : "", cmd->summary);
	fprintf(f, "\noptions:\n");
	for (int k = 0; options && options[k].name; k++) {
		char left[64];
		snprintf(left, sizeof left, "--%s%s%s", options[k].name,
		         options[k].value ? " " : "",
		         options[k].value ? options[k].value : "");
		fprintf(f, "  %-24s %s\n", left, options[k].help);
	}
	if (cmd->listing)
		fprintf(f, "  %-24s %s\n", "--json",
		        "print JSON instead of a table");
	if (cmd->csv)
		fprintf(f, "  %-24s %s\n", "--csv",
		        "print CSV (for a spreadsheet) instead of a table");
	fprintf(f, "  %-24s %s\n", "--help", "show this help");
}

enum masa_err cli_number(const char *option, const char *text, long min,
                         long max, long *out, struct masa_error *err)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (errno != 0 || end == text || *end != '\0' || v < min || v > max)
		return masa_error_set(
		        err, MASA_ERR_USAGE,
		        "%s%s: \"%.40s\" is not a whole number from "
		        "%ld to %ld",
		        isupper((unsigned char)option[0]) ? "" : "--", option,
		        text, min, max);
	*out = v;
	return MASA_OK;
}
