/*
 * cmd_partnership: several partnerships in one deployment. Lists them,
 * maps host names to them (a server without --partnership answers each
 * request for the partnership its Host names), and makes a body of one
 * serve others (a regional panel), from the command line.
 */
#include <string.h>

#include "cli/cli.h"
#include "gov/body.h"

/* Opens the store without resolving a partnership (there may be several). */
static enum masa_err open_store(struct cli_ctx *ctx, struct masa_error *err)
{
	return cli_open(ctx, STORE_OPEN_EXISTING, err);
}

/* The partnership with id among all[0..n), or NULL. */
static const struct gov_partnership *by_id(const struct gov_partnership *all,
                                           size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (all[i].id == id)
			return &all[i];
	return NULL;
}

static int run_list(struct cli_ctx *ctx, const struct cli_args *args)
{
	static const char *const headings[] = {"PARTNERSHIP", "NAME", "HOSTS",
	                                       "SERVED BY", NULL};
	struct masa_error err = {0};
	struct gov_partnership *all;
	struct gov_partnership_host *hosts;
	struct gov_body_serving *servings;
	size_t n, nhosts, nservings;
	struct arena *a = &ctx->arena;
	const char **refs;
	json_t *list = NULL;
	struct table *t = NULL;

	(void)args;
	if (open_store(ctx, &err) != MASA_OK ||
	    gov_partnership_list(&ctx->gov, a, &all, &n, &err) != MASA_OK ||
	    gov_partnership_host_list(&ctx->gov, 0, a, &hosts, &nhosts, &err) !=
	            MASA_OK ||
	    gov_body_servings(&ctx->gov, a, &servings, &nservings, &err) !=
	            MASA_OK)
		return cli_fail(&err);
	/* Each serving body as its home's key and its short name. */
	refs = arena_alloc(a, (nservings + 1) * sizeof *refs);
	for (size_t k = 0; k < nservings; k++) {
		struct gov_body b;
		const struct gov_partnership *home;

		if (gov_body_get(&ctx->gov, servings[k].body_id, a, &b, &err) !=
		    MASA_OK)
			return cli_fail(&err);
		home = by_id(all, n, b.partnership_id);
		refs[k] = arena_printf(a, "%s/%s", home ? home->key : "?",
		                       b.short_name);
	}
	if (ctx->json)
		list = json_array();
	else
		t = table_new(headings);
	for (size_t i = 0; i < n; i++) {
		json_t *jhosts = json_array(), *jserved = json_array();
		const char *host_text = NULL, *served_text = NULL;

		for (size_t k = 0; k < nhosts; k++) {
			if (hosts[k].partnership_id != all[i].id)
				continue;
			json_array_append_new(jhosts,
			                      json_string(hosts[k].host));
			host_text =
			        host_text ? arena_printf(a, "%s %s", host_text,
			                                 hosts[k].host)
			                  : hosts[k].host;
		}
		for (size_t k = 0; k < nservings; k++) {
			if (servings[k].partnership_id != all[i].id)
				continue;
			json_array_append_new(jserved, json_string(refs[k]));
			served_text =
			        served_text ? arena_printf(a, "%s %s",
			                                   served_text, refs[k])
			                    : refs[k];
		}
		if (list != NULL) {
			json_array_append_new(
			        list,
			        json_pack(
			                "{s:s, s:s, s:o, s:o, s:o}", "id",
			                all[i].key, "name", all[i].name, "area",
			                all[i].area ? json_string(all[i].area)
			                            : json_null(),
			                "hosts", jhosts, "served_by", jserved));
		} else {
			const char *cells[] = {all[i].key, all[i].name,
			                       host_text, served_text};
			json_decref(jhosts);
			json_decref(jserved);
			table_add(t, cells);
		}
	}
	if (list != NULL)
		json_print(list, stdout);
	else
		table_print(t, stdout);
	return 0;
}

const struct cli_command cmd_partnership_list = {
        .name = "partnership list",
        .summary = "the partnerships in the database, their host names and "
                   "the bodies of others serving them",
        .listing = true,
        .run = run_list,
};

/* Opens the store and finds the partnership named by key. */
static enum masa_err open_named(struct cli_ctx *ctx, const char *key,
                                struct gov_partnership *out,
                                struct masa_error *err)
{
	enum masa_err rc = open_store(ctx, err);

	if (rc == MASA_OK)
		rc = gov_partnership_find(&ctx->gov, key, &ctx->arena, out,
		                          err);
	return rc;
}

/* partnership add KEY --name NAME [--area AREA] */

enum { ADD_NAME, ADD_AREA };

static const struct cli_option add_options[] = {
        [ADD_NAME] = {"name", "TEXT",
                      "its name as people know it: \"Rotherham Safeguarding "
                      "Children Partnership\" (required)"},
        [ADD_AREA] = {"area", "TEXT", "the local area it covers"},
        {NULL, NULL, NULL},
};

static int run_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_partnership p = {
	        .key = (char *)args->positional[0],
	        .name = (char *)cli_opt(args, ADD_NAME),
	        .area = (char *)cli_opt(args, ADD_AREA),
	};

	if (p.name == NULL) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "partnership add: give its name with --name");
		return cli_fail(&err);
	}
	if (open_store(ctx, &err) != MASA_OK ||
	    gov_partnership_create(&ctx->gov, &p, &err) != MASA_OK)
		return cli_fail(&err);
	printf("added partnership %s (%s); next: add its organisations, people "
	       "and bodies (masa org add, masa person add, masa body add) and "
	       "an account for the business unit (masa user add NAME --role "
	       "admin)\n",
	       p.key, p.name);
	return 0;
}

const struct cli_command cmd_partnership_add = {
        .name = "partnership add",
        .arguments = "KEY",
        .summary = "start a new partnership in the database (KEY: lower-case "
                   "letters, digits and -, as \"rotherham\")",
        .options = add_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_add,
};

static int run_host_add(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_partnership p;
	char host[GOV_HOST_MAX + 1];

	if (open_named(ctx, args->positional[0], &p, &err) != MASA_OK ||
	    gov_partnership_host_add(&ctx->gov, p.id, args->positional[1],
	                             &err) != MASA_OK)
		return cli_fail(&err);
	gov_host_normalise(args->positional[1], host, NULL);
	printf("%s is served at %s\n", p.key, host);
	return 0;
}

const struct cli_command cmd_partnership_host_add = {
        .name = "partnership host add",
        .arguments = "PARTNERSHIP HOST",
        .summary = "serve a partnership at a host name (masa serve without "
                   "--partnership answers each request by its Host)",
        .min_positional = 2,
        .max_positional = 2,
        .run = run_host_add,
};

static int run_host_remove(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_partnership p;
	char host[GOV_HOST_MAX + 1];

	if (open_named(ctx, args->positional[0], &p, &err) != MASA_OK ||
	    gov_partnership_host_remove(&ctx->gov, p.id, args->positional[1],
	                                &err) != MASA_OK)
		return cli_fail(&err);
	gov_host_normalise(args->positional[1], host, NULL);
	printf("%s is no longer served at %s\n", p.key, host);
	return 0;
}

const struct cli_command cmd_partnership_host_remove = {
        .name = "partnership host remove",
        .arguments = "PARTNERSHIP HOST",
        .summary = "stop serving a partnership at a host name",
        .min_positional = 2,
        .max_positional = 2,
        .run = run_host_remove,
};

static int run_host_list(struct cli_ctx *ctx, const struct cli_args *args)
{
	static const char *const headings[] = {"HOST", "PARTNERSHIP", NULL};
	struct masa_error err = {0};
	struct gov_partnership p = {0}, *all;
	struct gov_partnership_host *hosts;
	size_t n, nall;

	if ((args->npositional > 0
	             ? open_named(ctx, args->positional[0], &p, &err)
	             : open_store(ctx, &err)) != MASA_OK ||
	    gov_partnership_list(&ctx->gov, &ctx->arena, &all, &nall, &err) !=
	            MASA_OK ||
	    gov_partnership_host_list(&ctx->gov, p.id, &ctx->arena, &hosts, &n,
	                              &err) != MASA_OK)
		return cli_fail(&err);
	if (ctx->json) {
		json_t *list = json_array();
		for (size_t i = 0; i < n; i++) {
			const struct gov_partnership *owner =
			        by_id(all, nall, hosts[i].partnership_id);
			json_array_append_new(
			        list, json_pack("{s:s, s:s}", "host",
			                        hosts[i].host, "partnership",
			                        owner ? owner->key : ""));
		}
		json_print(list, stdout);
		return 0;
	}
	if (n == 0) {
		printf("no host names yet: add one with `masa partnership host "
		       "add PARTNERSHIP HOST`\n");
		return 0;
	}
	struct table *t = table_new(headings);
	for (size_t i = 0; i < n; i++) {
		const struct gov_partnership *owner =
		        by_id(all, nall, hosts[i].partnership_id);
		const char *cells[] = {hosts[i].host,
		                       owner ? owner->key : NULL};
		table_add(t, cells);
	}
	table_print(t, stdout);
	return 0;
}

const struct cli_command cmd_partnership_host_list = {
        .name = "partnership host list",
        .arguments = "[PARTNERSHIP]",
        .summary = "the host names each partnership is served at",
        .max_positional = 1,
        .listing = true,
        .run = run_host_list,
};

enum { SERVE_STOP };

static const struct cli_option serve_options[] = {
        [SERVE_STOP] = {"stop", NULL,
                        "stop serving PARTNERSHIP (the body stays its own "
                        "partnership's)"},
        {NULL, NULL, NULL},
};

static int run_body_serve(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct gov_body b;
	struct gov_partnership other;
	bool stop = cli_opt(args, SERVE_STOP) != NULL;

	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    gov_body_find(&ctx->gov, ctx->partnership.id, args->positional[0],
	                  &ctx->arena, &b, &err) != MASA_OK ||
	    gov_partnership_find(&ctx->gov, args->positional[1], &ctx->arena,
	                         &other, &err) != MASA_OK ||
	    (stop ? gov_body_serve_stop(&ctx->gov, b.id, other.id, &err)
	          : gov_body_serve(&ctx->gov, b.id, other.id, &err)) != MASA_OK)
		return cli_fail(&err);
	if (stop)
		printf("%s (%s) no longer serves %s\n", b.short_name,
		       ctx->partnership.key, other.key);
	else
		printf("%s (%s) serves %s too: it is in its structure and "
		       "calendar, and its published minutes can be read "
		       "there\n",
		       b.short_name, ctx->partnership.key, other.key);
	return 0;
}

const struct cli_command cmd_body_serve = {
        .name = "body serve",
        .arguments = "BODY PARTNERSHIP",
        .summary = "make a body of the partnership serve another one too "
                   "(a regional panel); --stop to end it",
        .options = serve_options,
        .min_positional = 2,
        .max_positional = 2,
        .run = run_body_serve,
};
