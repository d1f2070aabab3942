/*
 * source_file: reading a minutes file from disk in whichever format it is.
 *
 * The format is told by the file's first bytes, not by its name: people save
 * Word documents as .doc, web pages as .txt and PDFs with no ending at all. A
 * file larger than SOURCE_MAX_BYTES is refused before it is read, and a file
 * masa does not read gets an error that says which formats it does read.
 */
#define _GNU_SOURCE /* memmem */
#include "minutes/source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/text.h"

enum { SNIFF_BYTES = 1024 };

static bool starts_with_nocase(const char *p, const char *end, const char *s)
{
	size_t n = strlen(s);

	return (size_t)(end - p) >= n && strncasecmp(p, s, n) == 0;
}

static bool ends_with_nocase(const char *name, const char *ending)
{
	size_t n, e;

	if (!name)
		return false;
	n = strlen(name);
	e = strlen(ending);
	return n >= e && strcasecmp(name + n - e, ending) == 0;
}

/* True when the first bytes look like markup: a tag that pages start with,
 * or a comment, before any other text. */
static bool looks_like_html(const char *p, const char *end)
{
	static const char *const tags[] = {
	        "<!doctype html",
	        "<html",
	        "<head",
	        "<body",
	        "<meta",
	        "<title",
	        "<table",
	        "<div",
	        "<p>",
	        "<p ",
	        "<h1",
	        "<h2",
	        "<h3",
	        "<ul",
	        "<ol",
	        "<section",
	        "<article",
	        "<style",
	        "<link",
	};

	/* A comment or an XML declaration may come first. */
	for (int rounds = 0; rounds < 4 && p < end; rounds++) {
		while (p < end &&
		       (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
			p++;
		if (p >= end || *p != '<')
			return false;
		if (starts_with_nocase(p, end, "<?xml") ||
		    starts_with_nocase(p, end, "<!--")) {
			/* A declaration or comment counts when markup
			 * follows it. */
			const char *close = memchr(p, '>', (size_t)(end - p));
			if (!close)
				return false;
			p = close + 1;
			continue;
		}
		for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
			if (starts_with_nocase(p, end, tags[i]))
				return true;
		return false;
	}
	return false;
}

/* True when the first 64 KB have control characters other than tabs, line
 * and page breaks (more than one in a hundred bytes), or, not being UTF-8,
 * more bytes above 0x7F than text in a Latin alphabet has (one in four). */
static bool looks_binary(const char *p, const char *end)
{
	size_t n = (size_t)(end - p) < 65536 ? (size_t)(end - p) : 65536;
	size_t control = 0, high = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
		     c != '\f') ||
		    c == 0x7F)
			control++;
		else if (c >= 0x80)
			high++;
	}
	if (control * 100 > n)
		return true;
	return high * 4 > n && !utf8_valid(p, n, NULL);
}

static bool has_bytes(const char *data, size_t len, const char *s)
{
	return memmem(data, len, s, strlen(s)) != NULL;
}

enum source_format source_detect(const char *name, const void *data, size_t len)
{
	const char *p = data, *end = p + len;
	const char *sniff_end = p + (len < SNIFF_BYTES ? len : SNIFF_BYTES);

	if (len == 0)
		return SOURCE_UNKNOWN;
	if (len >= 4 && memcmp(p, "PK\x03\x04", 4) == 0)
		/* A zip file: a Word document when it holds its main part
		 * (the names are stored uncompressed in the zip's headers). */
		return has_bytes(p, len, "word/document.xml") ? SOURCE_DOCX
		                                              : SOURCE_UNKNOWN;
	/* A PDF may have a few bytes of junk before its header. */
	if (memmem(p, (size_t)(sniff_end - p), "%PDF-", 5))
		return SOURCE_PDF;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	if (memchr(p, '\0', (size_t)(end - p)) || looks_binary(p, end))
		return SOURCE_UNKNOWN;
	/* A page says its own character set (libxml2 reads it). */
	if (looks_like_html(p, sniff_end))
		return SOURCE_HTML;
	/* Text that starts with a tag masa does not know is a page when its
	 * name says so. */
	if ((ends_with_nocase(name, ".html") ||
	     ends_with_nocase(name, ".htm")) &&
	    memchr(p, '<', (size_t)(sniff_end - p)))
		return SOURCE_HTML;
	/* Text not in UTF-8 is read as Windows-1252 by the text reader. */
	return SOURCE_TEXT;
}

/* Reads exactly size bytes of fd into a new buffer (caller frees). */
static enum masa_err read_all(int fd, const char *path, size_t size, char **out,
                              size_t *out_len, struct masa_error *err)
{
	char *data = xmalloc(size + 1);
	size_t got = 0;

	while (got < size) {
		ssize_t n = read(fd, data + got, size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			free(data);
			return masa_error_set(err, MASA_ERR_IO,
			                      "%s could not be read: %s", path,
			                      strerror(e));
		}
		if (n == 0)
			break; /* the file shrank while it was read */
		got += (size_t)n;
	}
	data[got] = '\0';
	*out = data;
	*out_len = got;
	return MASA_OK;
}

enum masa_err source_read_file(const char *path, struct source *s,
                               struct masa_error *err)
{
	enum masa_err rc = MASA_OK;
	enum source_format format;
	struct stat st;
	char *data = NULL;
	size_t size = 0;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return masa_error_set(err, MASA_ERR_IO,
		                      "%s could not be opened: %s", path,
		                      strerror(errno));
	if (fstat(fd, &st) != 0) {
		rc = masa_error_set(err, MASA_ERR_IO, "%s: %s", path,
		                    strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s is not a file: give the minutes document "
		        "itself",
		        path);
		goto out;
	}
	if (st.st_size > SOURCE_MAX_BYTES) {
		rc = masa_error_set(err, MASA_ERR_LIMIT,
		                    "%s is %lld MB: masa reads minutes "
		                    "documents of at most "
		                    "%d MB (split it, or save it without "
		                    "embedded pictures)",
		                    path,
		                    (long long)(st.st_size / (1024 * 1024)),
		                    SOURCE_MAX_BYTES / (1024 * 1024));
		goto out;
	}
	if (st.st_size == 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "%s is empty: there are no minutes to read",
		                    path);
		goto out;
	}
	rc = read_all(fd, path, (size_t)st.st_size, &data, &size, err);
	if (rc != MASA_OK)
		goto out;
	format = source_detect(path, data, size);
	s->format = format;
	switch (format) {
	case SOURCE_TEXT:
		rc = source_read_text(data, size, s, err);
		break;
	case SOURCE_DOCX:
		rc = source_read_docx(data, size, s, err);
		break;
	case SOURCE_HTML:
		rc = source_read_html(data, size, s, err);
		break;
	case SOURCE_PDF:
		rc = source_read_pdf(path, s, err);
		break;
	case SOURCE_UNKNOWN:
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s is not a format masa reads (text, "
		        "Markdown, .docx, HTML, PDF)%s",
		        path,
		        size >= 4 && memcmp(data, "PK\x03\x04", 4) == 0
		                ? ": it is a zip file without a Word "
		                  "document in it"
		                : "");
		break;
	}
	if (rc != MASA_OK && err && format != SOURCE_UNKNOWN &&
	    strstr(err->message, path) == NULL)
		masa_error_prefix(err, "%s", path);
out:
	free(data);
	close(fd);
	return rc;
}
