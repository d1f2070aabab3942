/*
 * cmd_user: accounts for the web application and API from the command line:
 * add, change a password, disable, list; and API tokens: create (with an
 * expiry, perhaps only to read), list and revoke. Passwords
 * are read from standard input (without echo at a terminal), never from the
 * command line, where other users could see them in the process list.
 */
#include <limits.h>
#include <sodium.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/date.h"
#include "gov/account.h"

/* Reads one line (the password) from standard input into buf. */
static enum masa_err read_password(const char *prompt, char *buf, size_t size,
                                   struct masa_error *err)
{
	struct termios old, quiet;
	bool tty = isatty(STDIN_FILENO);
	size_t n;

	if (tty) {
		fprintf(stderr, "%s", prompt);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	if (fgets(buf, (int)size, stdin) == NULL)
		buf[0] = '\0';
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fprintf(stderr, "\n");
	}
	n = strlen(buf);
	if (n > 0 && buf[n - 1] != '\n' && !feof(stdin))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "password: at most %d characters",
		                      ACCOUNT_PASSWORD_MAX);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	if (n == 0)
		return masa_error_set(
		        err, MASA_ERR_USAGE,
		        "password: give it on standard input (for "
		        "example: masa user add NAME --role admin "
		        "< password-file)");
	return MASA_OK;
}

static enum masa_err open_accounts(struct cli_ctx *ctx, struct masa_error *err)
{
	enum masa_err rc = account_library_init(err);

	return rc ? rc : cli_open_partnership(ctx, err);
}

enum { ADD_ROLE, ADD_PERSON, ADD_ORGANISATION };

static const struct cli_option add_options[] = {
        [ADD_ROLE] = {"role", "ROLE",
                      "admin (business unit), chair, member or partner "
                      "(required)"},
        [ADD_PERSON] = {"person", "PERSON",
                        "the person the account belongs to (all but admin)"},
        [ADD_ORGANISATION] = {"organisation", "ORG",
                              "a partner's organisation (whose actions it "
                              "updates)"},
        {NULL, NULL, NULL},
};

static int run_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_account acc = {0};
	char password[ACCOUNT_PASSWORD_MAX + 2];
	int status = 0;

	if (cli_opt(args, ADD_ROLE) == NULL) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "user add: --role is required (admin, chair, "
		               "member or partner)");
		return cli_fail(&err);
	}
	if (open_accounts(ctx, &err) != MASA_OK)
		return cli_fail(&err);
	acc.partnership_id = ctx->partnership.id;
	acc.username = (char *)args->positional[0];
	acc.role = (char *)cli_opt(args, ADD_ROLE);
	if (cli_opt(args, ADD_PERSON)) {
		struct gov_person p;
		if (gov_person_find(&ctx->gov, ctx->partnership.id,
		                    cli_opt(args, ADD_PERSON), &ctx->arena, &p,
		                    &err) != MASA_OK)
			return cli_fail(&err);
		acc.person_id = p.id;
	}
	if (cli_opt(args, ADD_ORGANISATION)) {
		struct gov_organisation o;
		if (gov_organisation_find(&ctx->gov, ctx->partnership.id,
		                          cli_opt(args, ADD_ORGANISATION),
		                          &ctx->arena, &o, &err) != MASA_OK)
			return cli_fail(&err);
		acc.organisation_id = o.id;
	}
	if (read_password("Password: ", password, sizeof password, &err) !=
	            MASA_OK ||
	    gov_account_create(&ctx->gov, &acc, password, &err) != MASA_OK)
		status = cli_fail(&err);
	else
		printf("added %s (%s)\n", acc.username, acc.role);
	sodium_memzero(password, sizeof password);
	return status;
}

const struct cli_command cmd_user_add = {
        .name = "user add",
        .arguments = "USERNAME",
        .summary = "add an account for the web application (password on "
                   "standard input)",
        .options = add_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_add,
};

static int run_passwd(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_account acc;
	char password[ACCOUNT_PASSWORD_MAX + 2];
	int status = 0;

	if (open_accounts(ctx, &err) != MASA_OK ||
	    gov_account_find(&ctx->gov, args->positional[0], &ctx->arena, &acc,
	                     &err) != MASA_OK)
		return cli_fail(&err);
	if (read_password("New password: ", password, sizeof password, &err) !=
	            MASA_OK ||
	    gov_account_set_password(&ctx->gov, acc.id, password, &err) !=
	            MASA_OK)
		status = cli_fail(&err);
	else
		printf("changed the password of %s (and signed it out; its API "
		       "tokens still work)\n",
		       acc.username);
	sodium_memzero(password, sizeof password);
	return status;
}

const struct cli_command cmd_user_passwd = {
        .name = "user passwd",
        .arguments = "USERNAME",
        .summary = "set a new password (on standard input); unlocks the "
                   "account and ends its sessions",
        .min_positional = 1,
        .max_positional = 1,
        .run = run_passwd,
};

enum { DISABLE_ENABLE };

static const struct cli_option disable_options[] = {
        [DISABLE_ENABLE] = {"enable", NULL, "enable it again instead"},
        {NULL, NULL, NULL},
};

static int run_disable(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_account acc;
	bool enable = cli_opt(args, DISABLE_ENABLE) != NULL;

	if (open_accounts(ctx, &err) != MASA_OK ||
	    gov_account_find(&ctx->gov, args->positional[0], &ctx->arena, &acc,
	                     &err) != MASA_OK ||
	    gov_account_set_disabled(&ctx->gov, acc.id, !enable, &err) !=
	            MASA_OK)
		return cli_fail(&err);
	printf("%s %s\n",
	       enable ? "enabled"
	              : "disabled (signed out, and its API tokens revoked)",
	       acc.username);
	return 0;
}

const struct cli_command cmd_user_disable = {
        .name = "user disable",
        .arguments = "USERNAME",
        .summary = "stop an account signing in: ends its sessions and "
                   "revokes its API tokens",
        .options = disable_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_disable,
};

static int run_list(struct cli_ctx *ctx, const struct cli_args *args)
{
	static const char *const headings[] = {"USERNAME", "ROLE", "STATUS",
	                                       NULL};
	struct masa_error err = {0};
	struct gov_account *accs;
	size_t n;

	(void)args;
	if (open_accounts(ctx, &err) != MASA_OK ||
	    gov_account_list(&ctx->gov, ctx->partnership.id, &ctx->arena, &accs,
	                     &n, &err) != MASA_OK)
		return cli_fail(&err);
	if (ctx->json) {
		json_t *list = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(
			        list, json_pack("{s:s, s:s, s:b}", "username",
			                        accs[i].username, "role",
			                        accs[i].role, "disabled",
			                        accs[i].disabled));
		json_print(list, stdout);
		return 0;
	}
	struct table *t = table_new(headings);
	for (size_t i = 0; i < n; i++) {
		const char *cells[] = {accs[i].username, accs[i].role,
		                       accs[i].disabled ? "disabled"
		                       : accs[i].locked_until
		                               ? "locked until a while"
		                               : "active"};
		if (accs[i].locked_until && !accs[i].disabled)
			cells[2] = arena_printf(&ctx->arena, "locked until %s",
			                        accs[i].locked_until);
		table_add(t, cells);
	}
	table_print(t, stdout);
	return 0;
}

const struct cli_command cmd_user_list = {
        .name = "user list",
        .summary = "the partnership's accounts",
        .listing = true,
        .run = run_list,
};

enum { TOKEN_NAME, TOKEN_EXPIRES, TOKEN_READ_ONLY };

static const struct cli_option token_options[] = {
        [TOKEN_NAME] = {"name", "NAME",
                        "what the token is for (required), e.g. \"police "
                        "performance feed\""},
        [TOKEN_EXPIRES] = {"expires", "WHEN",
                           "when it stops working: a date (YYYY-MM-DD, to "
                           "the end of that day, UTC) or days, weeks or "
                           "years from now (90d, 12w, 1y); default 1 year"},
        [TOKEN_READ_ONLY] = {"read-only", NULL,
                             "it may only read (GET): anything else "
                             "answers 403"},
        {NULL, NULL, NULL},
};

static int run_token_create(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_account acc;
	char expires[ACCOUNT_TIMESTAMP_SIZE];
	struct gov_token t = {.name = (char *)cli_opt(args, TOKEN_NAME),
	                      .expires_at = expires,
	                      .read_only =
	                              cli_opt(args, TOKEN_READ_ONLY) != NULL};
	char token[TOKEN_TEXT_SIZE + 1];

	if (t.name == NULL) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "token create: --name is required");
		return cli_fail(&err);
	}
	if (gov_token_expiry(cli_opt(args, TOKEN_EXPIRES), expires, &err) !=
	            MASA_OK ||
	    open_accounts(ctx, &err) != MASA_OK ||
	    gov_account_find(&ctx->gov, args->positional[0], &ctx->arena, &acc,
	                     &err) != MASA_OK)
		return cli_fail(&err);
	if (acc.partnership_id != ctx->partnership.id) {
		masa_error_set(&err, MASA_ERR_NOT_FOUND,
		               "no account \"%s\" in this partnership",
		               args->positional[0]);
		return cli_fail(&err);
	}
	t.account_id = acc.id;
	if (gov_token_create(&ctx->gov, &t, token, &err) != MASA_OK)
		return cli_fail(&err);
	printf("%s\n", token);
	fprintf(stderr,
	        "masa: token %lld%s expires at %s. This is the only time the "
	        "token "
	        "is shown: send it as \"Authorization: Bearer TOKEN\"\n",
	        (long long)t.id, t.read_only ? " (read-only)" : "", expires);
	sodium_memzero(token, sizeof token);
	return 0;
}

const struct cli_command cmd_token_create = {
        .name = "token create",
        .arguments = "USERNAME",
        .summary = "create an API token acting as an account (printed once; "
                   "--expires, --read-only)",
        .options = token_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_token_create,
};

/* What a token is now: revoked, expired or active. */
static const char *token_status(const struct gov_token *t, const char *now)
{
	if (t->revoked)
		return "revoked";
	if (strcmp(t->expires_at, now) < 0)
		return "expired";
	return "active";
}

static int run_token_list(struct cli_ctx *ctx, const struct cli_args *args)
{
	static const char *const headings[] = {"ID",      "USERNAME",  "NAME",
	                                       "CREATED", "EXPIRES",   "ACCESS",
	                                       "STATUS",  "LAST USED", NULL};
	struct masa_error err = {0};
	struct gov_token *tokens;
	char now[ACCOUNT_TIMESTAMP_SIZE];
	size_t n;

	(void)args;
	if (open_accounts(ctx, &err) != MASA_OK ||
	    gov_token_list(&ctx->gov, ctx->partnership.id, &ctx->arena, &tokens,
	                   &n, &err) != MASA_OK)
		return cli_fail(&err);
	timestamp_now(now);
	if (ctx->json) {
		json_t *list = json_array();
		for (size_t i = 0; i < n; i++) {
			const struct gov_token *t = &tokens[i];
			json_array_append_new(
			        list,
			        json_pack("{s:I, s:s, s:s, s:s, s:s, s:b, s:s, "
			                  "s:o}",
			                  "id", (json_int_t)t->id, "username",
			                  t->username, "name", t->name,
			                  "created_at", t->created_at,
			                  "expires_at", t->expires_at,
			                  "read_only", t->read_only, "status",
			                  token_status(t, now), "last_used_at",
			                  t->last_used_at
			                          ? json_string(t->last_used_at)
			                          : json_null()));
		}
		json_print(list, stdout);
		return 0;
	}
	struct table *table = table_new(headings);
	for (size_t i = 0; i < n; i++) {
		const struct gov_token *t = &tokens[i];
		const char *cells[] = {
		        arena_printf(&ctx->arena, "%lld", (long long)t->id),
		        t->username,
		        t->name,
		        t->created_at,
		        t->expires_at,
		        t->read_only ? "read-only" : "read-write",
		        token_status(t, now),
		        t->last_used_at ? t->last_used_at : "never"};
		table_add(table, cells);
	}
	table_print(table, stdout);
	return 0;
}

const struct cli_command cmd_token_list = {
        .name = "token list",
        .summary = "the partnership's API tokens (never the tokens "
                   "themselves)",
        .listing = true,
        .run = run_token_list,
};

static int run_token_revoke(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_token t;
	long id;

	if (cli_number("token revoke", args->positional[0], 1, LONG_MAX, &id,
	               &err) != MASA_OK) {
		masa_error_set(
		        &err, MASA_ERR_USAGE,
		        "token revoke: \"%.40s\" is not a token's ID (the "
		        "number masa token list shows)",
		        args->positional[0]);
		return cli_fail(&err);
	}
	if (open_accounts(ctx, &err) != MASA_OK ||
	    gov_token_revoke(&ctx->gov, ctx->partnership.id, id, &ctx->arena,
	                     &t, &err) != MASA_OK)
		return cli_fail(&err);
	printf("%s token %ld (\"%s\" of %s): it no longer works\n",
	       t.revoked ? "already revoked" : "revoked", id, t.name,
	       t.username);
	return 0;
}

const struct cli_command cmd_token_revoke = {
        .name = "token revoke",
        .arguments = "ID",
        .summary = "stop an API token working (its ID from token list)",
        .min_positional = 1,
        .max_positional = 1,
        .run = run_token_revoke,
};
