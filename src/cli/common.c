/*
 * common: what every command shares: opening the store and the
 * partnership, and turning errors into messages and exit statuses.
 */
#include "cli/cli.h"
#include "gov/remind.h"
#include "store/store.h"

enum masa_err cli_open(struct cli_ctx *ctx, unsigned flags,
                       struct masa_error *err)
{
	enum masa_err rc = store_open(ctx->db_path, flags, &ctx->store, err);

	if (rc == MASA_OK)
		gov_init(&ctx->gov, ctx->store, ctx->actor);
	return rc;
}

enum masa_err cli_open_partnership(struct cli_ctx *ctx, struct masa_error *err)
{
	enum masa_err rc = cli_open(ctx, STORE_OPEN_EXISTING, err);

	if (rc != MASA_OK)
		return rc;
	rc = gov_partnership_resolve(&ctx->gov, ctx->partnership_key,
	                             &ctx->arena, &ctx->partnership, err);
	gov_viewer_system(&ctx->viewer, ctx->partnership.id);
	return rc;
}

int cli_exit_status(enum masa_err code)
{
	switch (code) {
	case MASA_OK:
		return 0;
	case MASA_ERR_USAGE:
		return 2;
	case MASA_ERR_IO:
	case MASA_ERR_STORE:
	case MASA_ERR_UNAVAILABLE:
	case MASA_ERR_BUSY:
		return 3;
	default:
		return 1;
	}
}

int cli_fail(const struct masa_error *err)
{
	fprintf(stderr, "masa: %s\n", err->message);
	return cli_exit_status(err->code);
}

enum masa_err cli_setting(struct cli_ctx *ctx, const char *option,
                          const char *key, const char **out,
                          struct masa_error *err)
{
	char *value = NULL;
	enum masa_err rc = MASA_OK;

	*out = option;
	if (option == NULL) {
		rc = gov_remind_setting_get(&ctx->gov, key, &ctx->arena, &value,
		                            err);
		*out = value;
	}
	return rc;
}
