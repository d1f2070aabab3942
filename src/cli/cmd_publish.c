/*
 * cmd_publish: `masa publish MEETING --format md|html|pdf [--public]
 * [--output FILE]`: a meeting's minutes as a document to circulate or
 * publish (see minutes/publish.h). The document is made whole in memory
 * first; a file is written beside its destination and renamed into place,
 * so a failure never leaves half a document behind.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "minutes/publish.h"

enum { PUBLISH_FORMAT, PUBLISH_PUBLIC, PUBLISH_OUTPUT };

static const struct cli_option publish_options[] = {
        [PUBLISH_FORMAT] = {"format", "FORMAT", "md, html or pdf (default md)"},
        [PUBLISH_PUBLIC] = {"public", NULL,
                            "leave out confidential items, for the public"},
        [PUBLISH_OUTPUT] = {"output", "FILE",
                            "write to FILE instead of standard output"},
        {NULL, NULL, NULL},
};

/* Writes all of data to fd. */
static bool write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		data += n;
		len -= (size_t)n;
	}
	return true;
}

/* Writes the document to path through a temporary file and a rename. */
static enum masa_err write_file(struct arena *a, const char *path,
                                const char *data, size_t len,
                                struct masa_error *err)
{
	const char *tmp = arena_printf(a, "%s.XXXXXX", path);
	char *tmpl = arena_strdup(a, tmp);
	enum masa_err rc = MASA_OK;
	int fd = mkstemp(tmpl);

	if (fd < 0)
		return masa_error_set(err, MASA_ERR_IO,
		                      "--output: cannot write %s: %s", path,
		                      strerror(errno));
	if (!write_all(fd, data, len) || fsync(fd) != 0) {
		rc = masa_error_set(err, MASA_ERR_IO,
		                    "--output: cannot write %s: %s", path,
		                    strerror(errno));
		close(fd);
		goto out;
	}
	/* the document is for people to read, as any file they save */
	if (fchmod(fd, 0644) != 0 || close(fd) != 0) {
		rc = masa_error_set(err, MASA_ERR_IO,
		                    "--output: cannot write %s: %s", path,
		                    strerror(errno));
		goto out;
	}
	if (rename(tmpl, path) != 0)
		rc = masa_error_set(err, MASA_ERR_IO,
		                    "--output: cannot write %s: %s", path,
		                    strerror(errno));
out:
	if (rc != MASA_OK)
		unlink(tmpl);
	return rc;
}

/*
 * The public PDF: made as the site serves it and kept in the database
 * (publish_public_pdf), so that the site serves these very bytes until the
 * minutes change.
 */
static int publish_public(struct cli_ctx *ctx, const char *key,
                          const char *output)
{
	struct masa_error err = {0};
	const char *pdf;
	size_t len;
	bool made;
	enum masa_err rc;

	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    publish_public_pdf(&ctx->gov, ctx->partnership.id, key, &ctx->arena,
	                       &pdf, &len, &made, &err) != MASA_OK)
		return cli_fail(&err);
	if (output)
		rc = write_file(&ctx->arena, output, pdf, len, &err);
	else if (fwrite(pdf, 1, len, stdout) != len || fflush(stdout) != 0)
		rc = masa_error_set(&err, MASA_ERR_IO,
		                    "cannot write the document to standard "
		                    "output");
	else
		rc = MASA_OK;
	return rc == MASA_OK ? 0 : cli_fail(&err);
}

static int run_publish(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct masa_error err = {0};
	enum publish_format format = PUBLISH_MARKDOWN;
	const char *fmt = cli_opt(args, PUBLISH_FORMAT);
	const char *output = cli_opt(args, PUBLISH_OUTPUT);
	struct publish_meeting m;
	struct buf doc;
	enum masa_err rc;
	int status = 0;

	if (fmt && !publish_format_parse(fmt, &format)) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "--format: unknown format \"%.40s\": give md, "
		               "html or pdf",
		               fmt);
		return cli_fail(&err);
	}
	if (output && output[0] == '\0') {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "--output: the path is "
		               "empty");
		return cli_fail(&err);
	}
	if (format == PUBLISH_PDF && output == NULL && isatty(STDOUT_FILENO)) {
		masa_error_set(&err, MASA_ERR_USAGE,
		               "will not write a PDF to the terminal: give "
		               "--output FILE or redirect the output");
		return cli_fail(&err);
	}
	if (format == PUBLISH_PDF && cli_opt(args, PUBLISH_PUBLIC) != NULL)
		return publish_public(ctx, args->positional[0], output);
	if (cli_open_partnership(ctx, &err) != MASA_OK ||
	    publish_read(&ctx->gov, ctx->partnership.id, args->positional[0],
	                 cli_opt(args, PUBLISH_PUBLIC) != NULL, &ctx->arena, &m,
	                 &err) != MASA_OK)
		return cli_fail(&err);
	buf_init(&doc, PUBLISH_MAX_BYTES);
	switch (format) {
	case PUBLISH_MARKDOWN:
		rc = publish_markdown(&m, &doc, &err);
		break;
	case PUBLISH_HTML:
		rc = publish_html(&m, &doc, &err);
		break;
	default:
		rc = publish_pdf(&m, &doc, &err);
		break;
	}
	if (rc == MASA_OK && output)
		rc = write_file(&ctx->arena, output, doc.data ? doc.data : "",
		                doc.len, &err);
	else if (rc == MASA_OK && (fwrite(doc.data ? doc.data : "", 1, doc.len,
	                                  stdout) != doc.len ||
	                           fflush(stdout) != 0))
		rc = masa_error_set(&err, MASA_ERR_IO,
		                    "cannot write the document to standard "
		                    "output");
	if (rc != MASA_OK)
		status = cli_fail(&err);
	buf_free(&doc);
	return status;
}

const struct cli_command cmd_publish = {
        .name = "publish",
        .arguments = "MEETING",
        .summary = "a meeting's minutes as a document (Markdown, HTML or "
                   "PDF)",
        .options = publish_options,
        .min_positional = 1,
        .max_positional = 1,
        .run = run_publish,
};
