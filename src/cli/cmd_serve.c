/*
 * cmd_serve: `masa serve`, the web server. Parses --listen and --static,
 * starts the server (http/server.c) and waits for SIGTERM or SIGINT, then
 * stops gracefully: no new connections, requests in flight finish, every
 * store connection is closed, exit 0.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "gov/paper.h"
#include "cli/routes.h"
#include "http/limit.h"
#include "http/server.h"
#include "web/session.h"

enum {
	SERVE_LISTEN,
	SERVE_STATIC,
	SERVE_ROUTES,
	SERVE_SIGN_IN_LIMIT,
	SERVE_TRUSTED_PROXY,
};
/* The most proxies --trusted-proxy names. */
enum { TRUSTED_PROXIES_MAX = 64 };

/* Sign-in attempts one address may make, and in how many seconds. */
enum { SIGN_IN_ATTEMPTS_DEFAULT = 20, SIGN_IN_WINDOW_DEFAULT = 60 };

static const struct cli_option serve_options[] = {
        [SERVE_LISTEN] = {"listen", "HOST:PORT",
                          "the address to serve on (default "
                          "127.0.0.1:8080; [::1]:8080 for IPv6)"},
        [SERVE_STATIC] = {"static", "DIR",
                          "the directory served under /static/ (default "
                          "build/static)"},
        [SERVE_ROUTES] = {"routes", NULL,
                          "list the routes served (method, path, least "
                          "role, kept in the page cache) and stop"},
        [SERVE_SIGN_IN_LIMIT] = {"sign-in-limit", "N[/SECONDS]",
                                 "sign-in attempts (and refused API "
                                 "tokens) one address may make in SECONDS "
                                 "(default 60); then 429. Default 20/60; "
                                 "0 for no limit"},
        [SERVE_TRUSTED_PROXY] = {"trusted-proxy", "ADDRESS[,ADDRESS...]",
                                 "proxies on other machines (a load "
                                 "balancer) whose X-Forwarded-For names "
                                 "the client the sign-in limit counts; "
                                 "this machine's own proxy is trusted "
                                 "already"},
        {NULL, NULL, NULL},
};

/* Splits "host:port" or "[v6]:port" into host (in a) and port. */
static enum masa_err parse_listen(const char *text, struct arena *a,
                                  const char **host, unsigned *port,
                                  struct masa_error *err)
{
	const char *colon;
	long number;

	if (text[0] == '[') {
		const char *close = strchr(text, ']');
		if (close == NULL || close[1] != ':')
			goto bad;
		*host = arena_strndup(a, text + 1, (size_t)(close - text - 1));
		colon = close + 1;
	} else {
		colon = strrchr(text, ':');
		if (colon == NULL || strchr(text, ':') != colon)
			goto bad;
		*host = arena_strndup(a, text, (size_t)(colon - text));
	}
	if ((*host)[0] == '\0')
		goto bad;
	if (cli_number("--listen", colon + 1, 0, 65535, &number, err) !=
	    MASA_OK)
		return MASA_ERR_USAGE;
	*port = (unsigned)number;
	return MASA_OK;
bad:
	return masa_error_set(err, MASA_ERR_USAGE,
	                      "--listen: \"%s\" is not HOST:PORT (such as "
	                      "127.0.0.1:8080)",
	                      text);
}

/* Reads --sign-in-limit "N" or "N/SECONDS" into cfg. */
static enum masa_err parse_sign_in_limit(const char *text,
                                         struct http_config *cfg,
                                         struct masa_error *err)
{
	const char *slash = strchr(text, '/');
	char attempts[16];
	long number;

	cfg->sign_in_attempts = SIGN_IN_ATTEMPTS_DEFAULT;
	cfg->sign_in_window = SIGN_IN_WINDOW_DEFAULT;
	if (text[0] == '\0')
		return MASA_OK;
	snprintf(attempts, sizeof attempts, "%.*s",
	         (int)(slash ? (size_t)(slash - text) : strlen(text)), text);
	if (cli_number("sign-in-limit", attempts, 0, LIMIT_ATTEMPTS_MAX,
	               &number, err) != MASA_OK)
		return MASA_ERR_USAGE;
	cfg->sign_in_attempts = (unsigned)number;
	if (slash == NULL)
		return MASA_OK;
	if (cli_number("sign-in-limit (SECONDS)", slash + 1, 1,
	               LIMIT_WINDOW_MAX, &number, err) != MASA_OK)
		return MASA_ERR_USAGE;
	cfg->sign_in_window = (unsigned)number;
	return MASA_OK;
}

/* Reads --trusted-proxy "ADDRESS[,ADDRESS...]" into cfg (addresses in a). */
static enum masa_err parse_trusted_proxies(const char *text,
                                           struct http_config *cfg,
                                           struct arena *a,
                                           struct masa_error *err)
{
	struct limit_address *list;
	size_t n = 0;

	if (text == NULL)
		return MASA_OK;
	list = arena_alloc(a, TRUSTED_PROXIES_MAX * sizeof *list);
	for (const char *p = text; *p != '\0';) {
		size_t len = strcspn(p, ",");
		char one[64];

		if (len == 0 || len >= sizeof one || n == TRUSTED_PROXIES_MAX ||
		    (snprintf(one, sizeof one, "%.*s", (int)len, p),
		     !limit_address_parse(one, &list[n])))
			return masa_error_set(
			        err, MASA_ERR_USAGE,
			        "--trusted-proxy: \"%.*s\" is not an IPv4 or "
			        "IPv6 address (give at most %d, separated by "
			        "commas, such as 10.0.0.5,10.0.0.6)",
			        (int)(len < 64 ? len : 64), p,
			        TRUSTED_PROXIES_MAX);
		n++;
		p += len;
		if (*p == ',')
			p++;
	}
	cfg->trusted_proxies = list;
	cfg->ntrusted_proxies = n;
	return MASA_OK;
}

/*
 * A handler that does nothing: SIGTERM and SIGINT are blocked and taken
 * with sigwait(), but a signal whose action is "ignore" (as a shell sets
 * SIGINT for a background job) would be thrown away even while blocked.
 */
static void on_signal(int sig)
{
	(void)sig;
}

static const char *role_name(enum gov_role role)
{
	switch (role) {
	case GOV_ROLE_PUBLIC:
		return "public";
	case GOV_ROLE_MEMBER:
		return "member";
	case GOV_ROLE_PARTNER:
		return "partner";
	case GOV_ROLE_CHAIR:
		return "chair";
	case GOV_ROLE_ADMIN:
		return "admin";
	}
	return "?";
}

/* The route table, one route a line: METHOD PATH ROLE [cached]. */
static bool list_route(const struct route *r, void *data)
{
	(void)data;
	printf("%-5s %-50s %-8s%s\n", r->method, r->path, role_name(r->role),
	       r->cache ? " cached" : "");
	return true;
}

static int list_routes(void)
{
	route_each(masa_routes, list_route, NULL);
	return 0;
}

static int run_serve(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct http_config cfg = {
	        .db_path = ctx->db_path,
	        .partnership_key = ctx->partnership_key,
	        .static_dir = cli_opt(args, SERVE_STATIC)
	                              ? cli_opt(args, SERVE_STATIC)
	                              : "build/static",
	        .routes = masa_routes,
	        .identify = session_identify,
	        /* a paper and the form around it */
	        .upload_max = gov_paper_max_bytes() + 64 * 1024,
	};
	const char *listen = cli_opt(args, SERVE_LISTEN);
	struct masa_error err = {0};
	struct http_server *server = NULL;
	struct sigaction sa;
	sigset_t stop, old;
	int sig = 0;

	if (cli_opt(args, SERVE_ROUTES))
		return list_routes();
	if (parse_listen(listen ? listen : "127.0.0.1:8080", &ctx->arena,
	                 &cfg.host, &cfg.port, &err) != MASA_OK ||
	    parse_sign_in_limit(cli_opt(args, SERVE_SIGN_IN_LIMIT)
	                                ? cli_opt(args, SERVE_SIGN_IN_LIMIT)
	                                : "",
	                        &cfg, &err) != MASA_OK ||
	    parse_trusted_proxies(cli_opt(args, SERVE_TRUSTED_PROXY), &cfg,
	                          &ctx->arena, &err) != MASA_OK)
		return cli_fail(&err);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	/* Blocked before the threads start, so only sigwait() sees them. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, &old);
	if (http_server_start(&cfg, &server, &err) != MASA_OK) {
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		return cli_fail(&err);
	}
	printf("masa is serving %s at http://%s%s%s:%u\n",
	       http_server_serving(server), strchr(cfg.host, ':') ? "[" : "",
	       cfg.host, strchr(cfg.host, ':') ? "]" : "",
	       http_server_port(server));
	fflush(stdout);
	if (sigwait(&stop, &sig) != 0)
		sig = SIGTERM;
	fprintf(stderr, "masa: stopping (%s)\n",
	        sig == SIGINT ? "SIGINT" : "SIGTERM");
	http_server_stop(server);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return 0;
}

const struct cli_command cmd_serve = {
        .name = "serve",
        .summary = "serve the partnership on the web until stopped",
        .options = serve_options,
        .run = run_serve,
};
