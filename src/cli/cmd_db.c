/*
 * cmd_db: commands on the database as a whole: init, migrate, load, dump.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assure/child_death.h"
#include "cli/cli.h"
#include "gov/copy.h"
#include "gov/interchange.h"
#include "store/store.h"

/* The demo partnership (data/demo.json), built into the binary. */
extern const char masa_demo_json[];
extern const unsigned long masa_demo_json_len;

static bool file_has_content(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && sb.st_size > 0;
}

static void print_counts(const struct interchange_counts *c, FILE *f)
{
	fprintf(f,
	        "  %zu organisations, %zu people, %zu bodies, %zu memberships\n"
	        "  %zu meetings, %zu agenda items, %zu attendance records, "
	        "%zu resolutions, %zu documents\n"
	        "  %zu actions with %zu updates, %zu work programme entries\n",
	        c->organisations, c->people, c->bodies, c->memberships,
	        c->meetings, c->items, c->attendance, c->resolutions,
	        c->documents, c->actions, c->action_updates, c->programme);
	bool any = false;

	for (size_t k = 0;
	     interchange_parts[k] != NULL && k < INTERCHANGE_MAX_PARTS; k++)
		if (c->parts[k] > 0) {
			fprintf(f, "%s%zu %s", any ? ", " : "  ", c->parts[k],
			        interchange_parts[k]->name);
			any = true;
		}
	if (any)
		fputc('\n', f);
}

static void remove_file_and_wal(const char *path)
{
	char side[4096];

	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/*
 * Removes a database file (and its WAL files) that this command created; a
 * PostgreSQL database keeps its (empty) schema.
 */
static void remove_new_database(struct cli_ctx *ctx)
{
	store_close(ctx->store);
	ctx->store = NULL;
	if (!store_location_is_url(ctx->db_path))
		remove_file_and_wal(ctx->db_path);
}

enum { INIT_DEMO };

static const struct cli_option init_options[] = {
        [INIT_DEMO] = {"demo", NULL,
                       "load the demo partnership (Rotherham, from the seed "
                       "minutes)"},
        {NULL, NULL, NULL},
};

static int run_init(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct interchange_counts counts;
	int64_t partnership_id;
	long cases = 0;

	if (file_has_content(ctx->db_path)) {
		masa_error_set(&err, MASA_ERR_CONFLICT,
		               "%s already exists: init makes a new database "
		               "(choose another --db, or remove it first)",
		               ctx->db_path);
		return cli_fail(&err);
	}
	if (cli_open(ctx, STORE_OPEN_CREATE, &err) != MASA_OK)
		return cli_fail(&err);
	if (!store_created(ctx->store)) {
		/* A PostgreSQL database: as for a SQLite file, above. */
		char where[256];
		masa_error_set(&err, MASA_ERR_CONFLICT,
		               "%s already exists: init makes a new database "
		               "(choose another --db, or remove it first)",
		               store_location_shown(ctx->db_path, where,
		                                    sizeof where));
		return cli_fail(&err);
	}
	if (cli_opt(args, INIT_DEMO) == NULL) {
		printf("created %s (schema version %d); start a partnership "
		       "with `masa --db %s partnership add KEY --name NAME`, "
		       "or load one with `masa --db %s load FILE`\n",
		       ctx->db_path, store_schema_version(ctx->store),
		       ctx->db_path, ctx->db_path);
		return 0;
	}
	if (interchange_load_buffer(&ctx->gov, masa_demo_json,
	                            masa_demo_json_len, "the demo data",
	                            &partnership_id, &counts,
	                            &err) != MASA_OK ||
	    child_death_demo_load(&ctx->gov, partnership_id, &cases, &err) !=
	            MASA_OK) {
		remove_new_database(ctx);
		return cli_fail(&err);
	}
	printf("created %s with the demo partnership:\n", ctx->db_path);
	print_counts(&counts, stdout);
	printf("and a second partnership, sheffield, served by Rotherham's "
	       "CDOP, which reviews %ld child deaths of both\n",
	       cases);
	return 0;
}

const struct cli_command cmd_init = {
        .name = "init",
        .summary = "create a new database (--demo: with the demo partnership)",
        .options = init_options,
        .run = run_init,
};

static int run_migrate(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};

	(void)args;
	if (cli_open(ctx, STORE_OPEN_MIGRATE, &err) != MASA_OK)
		return cli_fail(&err);
	printf("%s is at schema version %d\n", ctx->db_path,
	       store_schema_version(ctx->store));
	return 0;
}

const struct cli_command cmd_migrate = {
        .name = "migrate",
        .summary = "upgrade the database to this masa's schema",
        .run = run_migrate,
};

static int run_load(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	struct interchange_counts counts;
	bool existed = file_has_content(ctx->db_path);
	int64_t partnership_id;

	if (cli_open(ctx, STORE_OPEN_CREATE, &err) != MASA_OK)
		return cli_fail(&err);
	if (interchange_load_file(&ctx->gov, args->positional[0],
	                          &partnership_id, &counts, &err) != MASA_OK) {
		if (!existed)
			remove_new_database(ctx);
		return cli_fail(&err);
	}
	printf("loaded %s into %s:\n", args->positional[0], ctx->db_path);
	print_counts(&counts, stdout);
	return 0;
}

const struct cli_command cmd_load = {
        .name = "load",
        .arguments = "FILE",
        .summary = "load a partnership from an interchange file "
                   "(all or nothing)",
        .min_positional = 1,
        .max_positional = 1,
        .run = run_load,
};

enum { DUMP_OUTPUT };

static const struct cli_option dump_options[] = {
        [DUMP_OUTPUT] = {"output", "FILE",
                         "write to FILE (replaced only when complete) instead "
                         "of standard output"},
        {NULL, NULL, NULL},
};

static int run_dump(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	const char *path = cli_opt(args, DUMP_OUTPUT);
	char tmp[4096];
	FILE *f = stdout;
	enum masa_err rc;

	if (cli_open_partnership(ctx, &err) != MASA_OK)
		return cli_fail(&err);
	if (path != NULL) {
		snprintf(tmp, sizeof tmp, "%s.partial", path);
		f = fopen(tmp, "wb");
		if (f == NULL) {
			masa_error_set(&err, MASA_ERR_IO, "cannot write %s: %s",
			               tmp, strerror(errno));
			return cli_fail(&err);
		}
	}
	rc = interchange_dump(&ctx->gov, ctx->partnership.id, f, &err);
	if (path != NULL) {
		if (fclose(f) != 0 && rc == MASA_OK)
			rc = masa_error_set(&err, MASA_ERR_IO,
			                    "cannot write %s: %s", tmp,
			                    strerror(errno));
		if (rc == MASA_OK && rename(tmp, path) != 0)
			rc = masa_error_set(&err, MASA_ERR_IO,
			                    "cannot rename %s to %s: %s", tmp,
			                    path, strerror(errno));
		if (rc != MASA_OK)
			unlink(tmp);
	}
	return rc == MASA_OK ? 0 : cli_fail(&err);
}

const struct cli_command cmd_dump = {
        .name = "dump",
        .summary = "write the partnership as one interchange (JSON) document",
        .options = dump_options,
        .run = run_dump,
};

enum { COPY_FROM, COPY_TO };

static const struct cli_option copy_options[] = {
        [COPY_FROM] = {"from", "DB",
                       "the database to copy: a SQLite file or a "
                       "postgresql:// URL"},
        [COPY_TO] = {"to", "DB",
                     "a new database to copy it into (a file that does not "
                     "exist yet, or an empty PostgreSQL database)"},
        {NULL, NULL, NULL},
};

static int run_copy(struct cli_ctx *ctx, const struct cli_args *args)
{
	const char *from = cli_opt(args, COPY_FROM),
	           *to = cli_opt(args, COPY_TO);
	struct masa_error err = {0};
	struct store *src = NULL, *dst = NULL;
	struct gov_copy_counts counts;
	char from_shown[256], to_shown[256];
	bool new_file;

	(void)ctx;
	if (from == NULL || to == NULL) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "copy needs --from DB and --to DB");
		return cli_fail(&err);
	}
	new_file = !store_location_is_url(to);
	if (new_file && file_has_content(to)) {
		masa_error_set(&err, MASA_ERR_CONFLICT,
		               "%s already exists: copy makes a new database "
		               "(choose another --to, or remove it first)",
		               to);
		return cli_fail(&err);
	}
	if (store_open(from, STORE_OPEN_EXISTING, &src, &err) != MASA_OK)
		return cli_fail(&err);
	if (store_open(to, STORE_OPEN_CREATE, &dst, &err) != MASA_OK) {
		store_close(src);
		return cli_fail(&err);
	}
	if (gov_copy(src, dst, stderr, &counts, &err) != MASA_OK) {
		store_close(src);
		store_close(dst);
		if (new_file)
			remove_file_and_wal(to);
		masa_error_prefix(&err, "nothing copied");
		return cli_fail(&err);
	}
	store_close(src);
	store_close(dst);
	printf("copied %zu rows of %zu tables from %s into %s; every value "
	       "read back the same\n",
	       counts.rows, counts.tables,
	       store_location_shown(from, from_shown, sizeof from_shown),
	       store_location_shown(to, to_shown, sizeof to_shown));
	return 0;
}

const struct cli_command cmd_copy = {
        .name = "copy",
        .summary = "move a whole deployment into a new database (SQLite or "
                   "PostgreSQL), checked value by value",
        .options = copy_options,
        .run = run_copy,
};
