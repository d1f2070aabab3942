/*
 * paper: papers uploaded to meetings, with every version kept (paper.h).
 *
 * Why the kind is told by masa's own checks rather than libmagic: libmagic
 * names a .docx "Microsoft Word 2007+" from the zip's first entry, but the
 * question that matters (does it carry macros? is it really Word and not a
 * macro-enabled .docm?) needs the zip's entries read anyway, which libzip
 * (already used for .docx minutes) does; the magic bytes of the four
 * families masa takes are a few lines. One dependency fewer, and every rule
 * in one place.
 */
#define _GNU_SOURCE /* memmem */
#include "gov/paper.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/run.h"
#include "core/text.h"
#include "gov/audit.h"
#include "gov/check.h"
#include "minutes/source.h"

enum {
	TOOL_SECONDS = 30,
	TEXT_MAX = 4 * 1024 * 1024, /* extracted text kept for search */
	TOOL_ERR_MAX = 1024,
};

size_t gov_paper_max_bytes(void)
{
	const char *v = getenv("MASA_PAPER_MAX_MB");
	char *end;
	unsigned long mb;

	if (v == NULL || *v == '\0')
		return (size_t)PAPER_DEFAULT_MAX_MB * 1024 * 1024;
	mb = strtoul(v, &end, 10);
	if (*end != '\0' || mb == 0 || mb > 1024)
		return (size_t)PAPER_DEFAULT_MAX_MB * 1024 * 1024;
	return (size_t)mb * 1024 * 1024;
}

/* Running a tool */

enum masa_err gov_paper_run(char *const argv[], int seconds, struct buf *out,
                            char *errtext, size_t size, int *status,
                            struct masa_error *err)
{
	struct run_result res;
	enum masa_err rc =
	        run_tool(argv, seconds, out, errtext, size, &res, err);

	*status = res.status;
	if (rc != MASA_OK)
		return rc;
	if (res.spawn_error != 0)
		return masa_error_set(err, MASA_ERR_IO,
		                      "%s could not be run (%s): install it "
		                      "(scripts/setup)",
		                      argv[0], strerror(res.spawn_error));
	if (res.timed_out || res.too_much)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "%s took too long or said too much",
		                      argv[0]);
	return MASA_OK;
}

/* Writes bytes to a new temporary file; its path in path (caller unlinks).
 */
static enum masa_err temp_file(const void *bytes, size_t size, char *path,
                               size_t path_size, struct masa_error *err)
{
	const char *dir = getenv("TMPDIR");
	size_t done = 0;
	int fd;

	snprintf(path, path_size, "%s/masa-paper-XXXXXX",
	         dir && *dir ? dir : "/tmp");
	fd = mkstemp(path);
	if (fd < 0)
		return masa_error_set(err, MASA_ERR_IO,
		                      "cannot make a temporary file: %s",
		                      strerror(errno));
	while (done < size) {
		ssize_t n = write(fd, (const char *)bytes + done, size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			unlink(path);
			return masa_error_set(
			        err, MASA_ERR_IO,
			        "cannot write a temporary file: %s",
			        strerror(errno));
		}
		done += (size_t)n;
	}
	close(fd);
	return MASA_OK;
}

/* Kinds of file */

static const struct gov_paper_kind KIND_PDF = {"application/pdf", ".pdf", "PDF",
                                               true};
static const struct gov_paper_kind KIND_DOCX = {
        "application/"
        "vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx", "Word document", false};
static const struct gov_paper_kind KIND_XLSX = {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".xlsx", "Excel workbook", false};
static const struct gov_paper_kind KIND_PPTX = {
        "application/"
        "vnd.openxmlformats-officedocument.presentationml.presentation",
        ".pptx", "PowerPoint presentation", false};
static const struct gov_paper_kind KIND_DOC = {"application/msword", ".doc",
                                               "Word document", false};
static const struct gov_paper_kind KIND_XLS = {"application/vnd.ms-excel",
                                               ".xls", "Excel workbook", false};
static const struct gov_paper_kind KIND_PPT = {
        "application/vnd.ms-powerpoint", ".ppt", "PowerPoint presentation",
        false};
static const struct gov_paper_kind KIND_ODT = {
        "application/vnd.oasis.opendocument.text", ".odt", "OpenDocument text",
        false};
static const struct gov_paper_kind KIND_ODS = {
        "application/vnd.oasis.opendocument.spreadsheet", ".ods",
        "OpenDocument spreadsheet", false};
static const struct gov_paper_kind KIND_ODP = {
        "application/vnd.oasis.opendocument.presentation", ".odp",
        "OpenDocument presentation", false};
static const struct gov_paper_kind KIND_TEXT = {"text/plain; charset=utf-8",
                                                ".txt", "text file", false};

static const struct gov_paper_kind *const KINDS[] = {
        &KIND_PDF, &KIND_DOCX, &KIND_XLSX, &KIND_PPTX, &KIND_DOC,  &KIND_XLS,
        &KIND_PPT, &KIND_ODT,  &KIND_ODS,  &KIND_ODP,  &KIND_TEXT,
};

/* The kind a file name's extension names, or NULL. */
static const struct gov_paper_kind *kind_of_name(const char *name)
{
	const char *dot = strrchr(name, '.');

	if (dot == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++)
		if (strcasecmp(dot, KINDS[i]->extension) == 0)
			return KINDS[i];
	/* Other names of the same kinds. */
	if (strcasecmp(dot, ".text") == 0 || strcasecmp(dot, ".csv") == 0 ||
	    strcasecmp(dot, ".md") == 0)
		return &KIND_TEXT;
	return NULL;
}

/* The same family (so that .doc named .docx is no lie worth refusing). */
static bool same_family(const struct gov_paper_kind *a,
                        const struct gov_paper_kind *b)
{
	return a == b || strcmp(a->label, b->label) == 0;
}

static bool has_utf16(const void *bytes, size_t size, const char *ascii)
{
	char wide[64];
	size_t n = strlen(ascii);

	for (size_t i = 0; i < n && 2 * i + 1 < sizeof wide; i++) {
		wide[2 * i] = ascii[i];
		wide[2 * i + 1] = '\0';
	}
	return memmem(bytes, size, wide, 2 * n) != NULL;
}

/* An old Office (OLE compound) file: which, and no macros or encryption. */
static enum masa_err check_ole(const char *field, const void *bytes,
                               size_t size, const struct gov_paper_kind **kind,
                               struct masa_error *err)
{
	if (has_utf16(bytes, size, "EncryptedPackage") ||
	    has_utf16(bytes, size, "EncryptionInfo"))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s: the file is protected by a password: "
		        "save it without one",
		        field);
	if (has_utf16(bytes, size, "_VBA_PROJECT") ||
	    has_utf16(bytes, size, "Macros") || has_utf16(bytes, size, "VBA"))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s: the file has macros, which masa does "
		        "not take: save it as a document without "
		        "macros, or as PDF",
		        field);
	if (has_utf16(bytes, size, "WordDocument"))
		*kind = &KIND_DOC;
	else if (has_utf16(bytes, size, "Workbook") ||
	         has_utf16(bytes, size, "Book"))
		*kind = &KIND_XLS;
	else if (has_utf16(bytes, size, "PowerPoint Document"))
		*kind = &KIND_PPT;
	else
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s: an old Office file that is not Word, "
		        "Excel or PowerPoint",
		        field);
	return MASA_OK;
}

/* Reads entry name of z whole into a (NUL-terminated), or NULL. */
static char *zip_entry(zip_t *z, const char *name, size_t max, struct arena *a)
{
	zip_stat_t zs;
	zip_file_t *f;
	char *text;
	zip_int64_t got;

	if (zip_stat(z, name, 0, &zs) != 0 || !(zs.valid & ZIP_STAT_SIZE) ||
	    zs.size > max)
		return NULL;
	f = zip_fopen(z, name, 0);
	if (f == NULL)
		return NULL;
	text = arena_alloc(a, (size_t)zs.size + 1);
	got = zip_fread(f, text, zs.size);
	zip_fclose(f);
	if (got < 0 || (zip_uint64_t)got != zs.size)
		return NULL;
	text[got] = '\0';
	return text;
}

/* A zip: Office Open XML or OpenDocument, without macros. */
static enum masa_err check_zip(const char *field, const void *bytes,
                               size_t size, const struct gov_paper_kind **kind,
                               struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z = NULL;
	zip_int64_t n;
	const char *types, *mimetype;
	bool macros = false, scripts = false;
	enum masa_err rc = MASA_OK;

	zip_error_init(&ze);
	src = zip_source_buffer_create(bytes, size, 0, &ze);
	if (src != NULL)
		z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (z == NULL) {
		if (src != NULL)
			zip_source_free(src);
		zip_error_fini(&ze);
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: the file is damaged (its zip "
		                      "structure cannot be read)",
		                      field);
	}
	n = zip_get_num_entries(z, 0);
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
		size_t len = name ? strlen(name) : 0;
		if (name == NULL)
			continue;
		if (len >= 14 &&
		    strcasecmp(name + len - 14, "vbaProject.bin") == 0)
			macros = true;
		if (strncmp(name, "Basic/", 6) == 0 ||
		    strncmp(name, "Scripts/", 8) == 0)
			scripts = true;
	}
	types = zip_entry(z, "[Content_Types].xml", 1 << 20, &a);
	mimetype = zip_entry(z, "mimetype", 256, &a);
	if (types != NULL) {
		if (macros || strstr(types, "macroEnabled") != NULL ||
		    strstr(types, "vbaProject") != NULL) {
			rc = masa_error_set(
			        err, MASA_ERR_INVALID,
			        "%s: the file has macros, which masa does not "
			        "take: save it as a document without macros "
			        "(.docx, .xlsx, .pptx), or as PDF",
			        field);
		} else if (strstr(types, "wordprocessingml.document.main"))
			*kind = &KIND_DOCX;
		else if (strstr(types, "spreadsheetml.sheet.main"))
			*kind = &KIND_XLSX;
		else if (strstr(types, "presentationml.presentation.main"))
			*kind = &KIND_PPTX;
		else
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "%s: an Office file that is not a "
			                    "Word document, Excel workbook or "
			                    "PowerPoint presentation",
			                    field);
	} else if (mimetype != NULL &&
	           strncmp(mimetype, "application/vnd.oasis.opendocument.",
	                   35) == 0) {
		if (scripts || macros)
			rc = masa_error_set(
			        err, MASA_ERR_INVALID,
			        "%s: the file has macros, which masa "
			        "does not take: save it without them, "
			        "or as PDF",
			        field);
		else if (strcmp(mimetype, KIND_ODT.media_type) == 0)
			*kind = &KIND_ODT;
		else if (strcmp(mimetype, KIND_ODS.media_type) == 0)
			*kind = &KIND_ODS;
		else if (strcmp(mimetype, KIND_ODP.media_type) == 0)
			*kind = &KIND_ODP;
		else
			rc = masa_error_set(
			        err, MASA_ERR_INVALID,
			        "%s: an OpenDocument file that is not "
			        "text, a spreadsheet or a "
			        "presentation",
			        field);
	} else {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "%s: a zip archive, not a paper: upload "
		                    "the documents in it one by one",
		                    field);
	}
	zip_discard(z);
	zip_error_fini(&ze);
	arena_free(&a);
	return rc;
}

/* Text: UTF-8 without NUL or control characters but tab, CR, LF, FF. */
static bool is_text(const void *bytes, size_t size)
{
	const unsigned char *p = bytes;

	if (!utf8_valid(bytes, size, NULL))
		return false;
	for (size_t i = 0; i < size; i++)
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\r' &&
		     p[i] != '\n' && p[i] != '\f') ||
		    p[i] == 0x7f)
			return false;
	return true;
}

/* A PDF: not encrypted, not broken (qpdf); its pages. */
static enum masa_err check_pdf(const char *field, const void *bytes,
                               size_t size, int64_t *pages,
                               struct masa_error *err)
{
	char path[256], errtext[TOOL_ERR_MAX];
	struct buf out;
	int status;
	enum masa_err rc;

	rc = temp_file(bytes, size, path, sizeof path, err);
	if (rc != MASA_OK)
		return rc;
	buf_init(&out, 4096);
	{
		char *argv[] = {"qpdf", "--is-encrypted", path, NULL};
		rc = gov_paper_run(argv, TOOL_SECONDS, NULL, errtext,
		                   sizeof errtext, &status, err);
	}
	if (rc == MASA_OK && status == 0) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s: the PDF is encrypted or protected by a "
		        "password: save it without protection",
		        field);
		goto out;
	}
	if (rc == MASA_OK) {
		char *argv[] = {"qpdf", "--check", path, NULL};
		rc = gov_paper_run(argv, TOOL_SECONDS, NULL, errtext,
		                   sizeof errtext, &status, err);
	}
	/* 0: sound; 3: warnings, which a damaged file also gives. */
	if (rc == MASA_OK && status != 0)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "%s: the PDF is damaged and cannot be read "
		                    "whole: make it again from the document",
		                    field);
	if (rc == MASA_OK) {
		char *argv[] = {"qpdf", "--show-npages", path, NULL};
		rc = gov_paper_run(argv, TOOL_SECONDS, &out, errtext,
		                   sizeof errtext, &status, err);
		if (rc == MASA_OK && (status != 0 || out.len == 0))
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "%s: the PDF's pages cannot be "
			                    "counted",
			                    field);
		else if (rc == MASA_OK && pages != NULL)
			*pages = strtoll(buf_str(&out), NULL, 10);
	}
out:
	unlink(path);
	buf_free(&out);
	return rc;
}

/* Cleans name into clean: its last path part, no control characters. */
static enum masa_err clean_name(const char *field, const char *name,
                                const struct gov_paper_kind *kind, char *clean,
                                size_t clean_size, struct masa_error *err)
{
	const char *base = name ? name : "";
	size_t o = 0;

	for (const char *p = base; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	if (!utf8_valid(base, strlen(base), NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: the file name is not valid UTF-8",
		                      field);
	for (const char *p = base;
	     *p && o + 1 < clean_size && o < PAPER_NAME_MAX; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20 || c == 0x7f || c == '"')
			continue;
		clean[o++] = *p;
	}
	clean[o] = '\0';
	/* not cut inside a UTF-8 sequence */
	while (o > 0 && !utf8_valid(clean, o, NULL))
		clean[--o] = '\0';
	/* no hidden files, no "." or ".." */
	while (clean[0] == '.')
		memmove(clean, clean + 1, strlen(clean));
	if (clean[0] == '\0' || clean[0] == '.')
		snprintf(clean, clean_size, "paper");
	/* the extension of its kind */
	{
		const struct gov_paper_kind *named = kind_of_name(clean);
		if (named == NULL &&
		    strlen(clean) + strlen(kind->extension) < clean_size)
			memcpy(clean + strlen(clean), kind->extension,
			       strlen(kind->extension) + 1);
	}
	return MASA_OK;
}

enum masa_err gov_paper_check_file(const char *field, const char *name,
                                   const void *bytes, size_t size,
                                   struct gov_paper_kind *kind, char *clean,
                                   size_t clean_size, int64_t *pages,
                                   struct masa_error *err)
{
	static const unsigned char OLE[] = {0xd0, 0xcf, 0x11, 0xe0,
	                                    0xa1, 0xb1, 0x1a, 0xe1};
	const unsigned char *b = bytes;
	const struct gov_paper_kind *k = NULL, *named;
	size_t max = gov_paper_max_bytes();
	enum masa_err rc = MASA_OK;

	if (pages != NULL)
		*pages = 0;
	if (size == 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: the file is empty", field);
	if (size > max)
		return masa_error_set(
		        err, MASA_ERR_LIMIT,
		        "%s: the file is larger than %zu MB: make "
		        "it smaller or split it",
		        field, max / (1024 * 1024));
	if (size >= 5 && memcmp(b, "%PDF-", 5) == 0)
		k = &KIND_PDF;
	else if (size >= 4 && memcmp(b, "PK\x03\x04", 4) == 0)
		rc = check_zip(field, bytes, size, &k, err);
	else if (size >= sizeof OLE && memcmp(b, OLE, sizeof OLE) == 0)
		rc = check_ole(field, bytes, size, &k, err);
	else if (is_text(bytes, size))
		k = &KIND_TEXT;
	else if (size >= 2 && b[0] == 'M' && b[1] == 'Z')
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "%s: the file is a program, not a paper",
		                    field);
	else
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "%s: not a kind of paper masa takes (PDF, "
		                    "Word, Excel, PowerPoint, OpenDocument or "
		                    "text)",
		                    field);
	if (rc != MASA_OK)
		return rc;
	named = name ? kind_of_name(name) : NULL;
	if (named != NULL && !same_family(named, k))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: the name says %s but the file is a "
		                      "%s: give it its right name",
		                      field, named->label, k->label);
	if (k->pdf && (rc = check_pdf(field, bytes, size, pages, err)))
		return rc;
	if ((rc = clean_name(field, name, k, clean, clean_size, err)))
		return rc;
	*kind = *k;
	return MASA_OK;
}

/* Text for search: a PDF's through pdftotext, a .docx's, a text file. */
static char *extract_text(const struct gov_paper_kind *k, const void *bytes,
                          size_t size, struct arena *a)
{
	char *text = NULL;

	if (k->pdf) {
		char path[256], errtext[TOOL_ERR_MAX];
		struct masa_error err = {0};
		struct buf out;
		int status;
		buf_init(&out, TEXT_MAX);
		if (temp_file(bytes, size, path, sizeof path, &err) ==
		    MASA_OK) {
			char *argv[] = {"pdftotext", "-enc", "UTF-8",
			                path,        "-",    NULL};
			if (gov_paper_run(argv, TOOL_SECONDS, &out, errtext,
			                  sizeof errtext, &status,
			                  &err) == MASA_OK &&
			    status == 0 &&
			    utf8_valid(buf_str(&out), out.len, NULL))
				text = arena_strdup(a, buf_str(&out));
			unlink(path);
		}
		buf_free(&out);
	} else if (k == &KIND_TEXT ||
	           strcmp(k->media_type, KIND_TEXT.media_type) == 0) {
		text = arena_strndup(a, bytes,
		                     size < TEXT_MAX ? size : TEXT_MAX);
	} else if (strcmp(k->media_type, KIND_DOCX.media_type) == 0) {
		struct source s;
		struct masa_error err = {0};
		source_init(&s, SOURCE_DOCX);
		if (source_read_docx(bytes, size, &s, &err) == MASA_OK) {
			struct buf out;
			buf_init(&out, TEXT_MAX);
			for (size_t i = 0; i < s.n; i++)
				if (s.lines[i].text != NULL &&
				    (buf_puts(&out, s.lines[i].text, &err) ||
				     buf_puts(&out, "\n", &err)))
					break;
			text = arena_strdup(a, buf_str(&out));
			buf_free(&out);
		}
		source_free(&s);
	}
	return text;
}

/* Storing */

static const char SQL_PAPER_INSERT[] =
        "INSERT INTO paper (meeting_id, item_id, position, title, created_at) "
        "VALUES (?1, ?2, (SELECT COALESCE(MAX(position), 0) + 1 FROM paper "
        "WHERE meeting_id = ?1), ?3, ?4) RETURNING id";
static const char SQL_VERSION_INSERT[] =
        "INSERT INTO paper_version (paper_id, version, file_name, media_type, "
        "size, sha256, pages, uploaded_at, uploaded_by, text, content) "
        "VALUES (?1, (SELECT COALESCE(MAX(version), 0) + 1 FROM "
        "paper_version WHERE paper_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
        "?10) RETURNING version";
static const char SQL_ITEM_OF_MEETING[] =
        "SELECT 1 FROM item WHERE id = ?1 AND meeting_id = ?2";
static const char SQL_MEETING_EXISTS[] = "SELECT 1 FROM meeting WHERE id = ?1";
static const char SQL_PAPER_EXISTS[] = "SELECT 1 FROM paper WHERE id = ?1";

static enum masa_err exists(struct gov *g, const char *sql, int64_t a,
                            int64_t b, bool *yes, struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc = store_prepare(g->store, sql, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, a);
	if (b != 0)
		store_bind_int(st, 2, b);
	rc = store_step(st, yes, err);
	store_done(st);
	return rc;
}

/* Stores a checked file as the next version of paper_id. */
static enum masa_err
store_version(struct gov *g, int64_t paper_id, const struct gov_paper_kind *k,
              const char *clean, int64_t pages, const void *bytes, size_t size,
              const char *text, int64_t *version, struct masa_error *err)
{
	unsigned char hash[crypto_hash_sha256_BYTES];
	char hex[2 * crypto_hash_sha256_BYTES + 1], at[21];
	struct store_stmt *st;
	enum masa_err rc;

	crypto_hash_sha256(hash, bytes, size);
	sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
	timestamp_now(at);
	rc = store_prepare(g->store, SQL_VERSION_INSERT, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, paper_id);
	store_bind_text(st, 2, clean);
	store_bind_text(st, 3, k->media_type);
	store_bind_int(st, 4, (int64_t)size);
	store_bind_text(st, 5, hex);
	store_bind_id(st, 6, pages);
	store_bind_text(st, 7, at);
	store_bind_text(st, 8, g->actor ? g->actor : "masa");
	store_bind_text(st, 9, text);
	store_bind_blob(st, 10, bytes, size);
	rc = store_run(st, version, err);
	if (rc == MASA_OK) {
		json_t *after = json_pack(
		        "{s:I, s:I, s:s, s:s, s:I, s:s}", "paper_id",
		        (json_int_t)paper_id, "version", (json_int_t)*version,
		        "file_name", clean, "media_type", k->media_type, "size",
		        (json_int_t)size, "sha256", hex);
		rc = audit_record(g, "create", "paper_version", paper_id, NULL,
		                  after, err);
	}
	return rc;
}

enum masa_err gov_paper_add(struct gov *g, int64_t meeting_id, int64_t item_id,
                            const char *title, const char *name,
                            const void *bytes, size_t size, int64_t *id,
                            struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_paper_kind k;
	char clean[PAPER_NAME_MAX + 16], at[21];
	int64_t pages = 0, version = 0;
	const char *text;
	struct store_stmt *st;
	bool yes;
	enum masa_err rc;

	*id = 0;
	if ((rc = exists(g, SQL_MEETING_EXISTS, meeting_id, 0, &yes, err)))
		return rc;
	if (!yes)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "meeting: no such meeting");
	if (item_id != 0) {
		if ((rc = exists(g, SQL_ITEM_OF_MEETING, item_id, meeting_id,
		                 &yes, err)))
			return rc;
		if (!yes)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "item: the meeting has no such "
			                      "item");
	}
	if (title != NULL && *title == '\0')
		title = NULL;
	if (title != NULL && (rc = check_line("title", title, err)))
		return rc;
	if ((rc = gov_paper_check_file("file", name, bytes, size, &k, clean,
	                               sizeof clean, &pages, err)))
		return rc;
	if (title == NULL) {
		/* the file's name without its extension */
		char *t = arena_strdup(&a, clean);
		char *dot = strrchr(t, '.');
		if (dot != NULL && dot != t)
			*dot = '\0';
		title = t;
	}
	text = extract_text(&k, bytes, size, &a);
	timestamp_now(at);
	if ((rc = gov_begin(g, err)))
		goto out;
	rc = store_prepare(g->store, SQL_PAPER_INSERT, &st, err);
	if (rc == MASA_OK) {
		store_bind_int(st, 1, meeting_id);
		store_bind_id(st, 2, item_id);
		store_bind_text(st, 3, title);
		store_bind_text(st, 4, at);
		rc = store_run(st, id, err);
	}
	if (rc == MASA_OK)
		rc = audit_record(g, "create", "paper", *id, NULL,
		                  json_pack("{s:I, s:I, s:s}", "meeting_id",
		                            (json_int_t)meeting_id, "item_id",
		                            (json_int_t)item_id, "title",
		                            title),
		                  err);
	if (rc == MASA_OK)
		rc = store_version(g, *id, &k, clean, pages, bytes, size, text,
		                   &version, err);
	rc = gov_end(g, rc, err);
	if (rc != MASA_OK)
		*id = 0;
out:
	arena_free(&a);
	return rc;
}

enum masa_err gov_paper_replace(struct gov *g, int64_t paper_id,
                                const char *name, const void *bytes,
                                size_t size, int64_t *version,
                                struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_paper_kind k;
	char clean[PAPER_NAME_MAX + 16];
	int64_t pages = 0;
	const char *text;
	bool yes;
	enum masa_err rc;

	*version = 0;
	if ((rc = exists(g, SQL_PAPER_EXISTS, paper_id, 0, &yes, err)))
		return rc;
	if (!yes)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "paper: no such paper");
	if ((rc = gov_paper_check_file("file", name, bytes, size, &k, clean,
	                               sizeof clean, &pages, err)))
		return rc;
	text = extract_text(&k, bytes, size, &a);
	if ((rc = gov_begin(g, err)) == MASA_OK) {
		rc = store_version(g, paper_id, &k, clean, pages, bytes, size,
		                   text, version, err);
		rc = gov_end(g, rc, err);
	}
	if (rc != MASA_OK)
		*version = 0;
	arena_free(&a);
	return rc;
}

/* Reading */

#define PAPER_COLUMNS                                                       \
	"p.id, p.meeting_id, p.item_id, p.position, p.title, it.number, "   \
	"it.title, COALESCE(it.confidential, 0), v.id, v.version, "         \
	"v.file_name, v.media_type, v.size, v.sha256, v.pages, "            \
	"v.uploaded_at, v.uploaded_by, "                                    \
	"(SELECT COUNT(*) FROM circulation c WHERE c.paper_id = p.id AND "  \
	"c.how <> 'not_sent' AND c.sent_on = (SELECT MAX(c2.sent_on) FROM " \
	"circulation c2 WHERE c2.paper_id = p.id AND c2.how <> "            \
	"'not_sent')), "                                                    \
	"(SELECT MAX(c3.sent_on) FROM circulation c3 WHERE c3.paper_id = "  \
	"p.id AND c3.how <> 'not_sent') "
#define PAPER_FROM                                                           \
	"FROM paper p JOIN meeting m ON m.id = p.meeting_id "                \
	"LEFT JOIN item it ON it.id = p.item_id "                            \
	"JOIN paper_version v ON v.paper_id = p.id AND v.version = (SELECT " \
	"MAX(version) FROM paper_version WHERE paper_id = p.id) "

static const char SQL_PAPER_LIST[] =
        "SELECT " PAPER_COLUMNS PAPER_FROM
        "WHERE p.meeting_id = ?1 AND " GOV_SQL_SEES_PAPERS(
                "it",
                "m") " ORDER BY COALESCE(it.position, 0), p.position, p.id";
static const char SQL_PAPER_GET[] =
        "SELECT " PAPER_COLUMNS PAPER_FROM
        "WHERE p.id = ?1 AND " GOV_SQL_SEES_PAPERS("it", "m");

static char *dup_col(struct store_stmt *st, int c, struct arena *a)
{
	const char *t = store_column_text(st, c);

	return t ? arena_strdup(a, t) : NULL;
}

static void read_version(struct store_stmt *st, int c, struct arena *a,
                         struct gov_paper_version *v)
{
	v->id = store_column_int(st, c);
	v->version = store_column_int(st, c + 1);
	v->file_name = dup_col(st, c + 2, a);
	v->media_type = dup_col(st, c + 3, a);
	v->size = store_column_int(st, c + 4);
	v->sha256 = dup_col(st, c + 5, a);
	v->pages = store_column_int(st, c + 6);
	v->uploaded_at = dup_col(st, c + 7, a);
	v->uploaded_by = dup_col(st, c + 8, a);
}

static void read_paper(struct store_stmt *st, struct arena *a,
                       struct gov_paper *p)
{
	p->id = store_column_int(st, 0);
	p->meeting_id = store_column_int(st, 1);
	p->item_id = store_column_int(st, 2);
	p->position = store_column_int(st, 3);
	p->title = dup_col(st, 4, a);
	p->item_number = dup_col(st, 5, a);
	p->item_title = dup_col(st, 6, a);
	p->confidential = store_column_int(st, 7) != 0;
	read_version(st, 8, a, &p->current);
	p->current.paper_id = p->id;
	p->sent_to = store_column_int(st, 17);
	p->sent_on = dup_col(st, 18, a);
}

enum masa_err gov_paper_list(struct gov *g, const struct gov_viewer *v,
                             int64_t meeting_id, struct arena *a,
                             struct gov_paper **out, size_t *n,
                             struct masa_error *err)
{
	struct store_stmt *st;
	struct gov_paper *list = NULL;
	size_t cap = 0;
	bool row;
	enum masa_err rc;

	*out = NULL;
	*n = 0;
	rc = store_prepare(g->store, SQL_PAPER_LIST, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, meeting_id);
	gov_viewer_bind(st, v);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		list = arena_grow(a, list, *n, &cap, sizeof *list, 16);
		memset(&list[*n], 0, sizeof *list);
		read_paper(st, a, &list[(*n)++]);
	}
	store_done(st);
	*out = list;
	return rc;
}

enum masa_err gov_paper_get(struct gov *g, const struct gov_viewer *v,
                            int64_t id, struct arena *a, struct gov_paper *out,
                            struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	memset(out, 0, sizeof *out);
	rc = store_prepare(g->store, SQL_PAPER_GET, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	gov_viewer_bind(st, v);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		read_paper(st, a, out);
	else if (rc == MASA_OK)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "paper: no such paper");
	store_done(st);
	return rc;
}

static const char SQL_VERSIONS[] =
        "SELECT v.id, v.version, v.file_name, v.media_type, v.size, "
        "v.sha256, v.pages, v.uploaded_at, v.uploaded_by FROM paper_version "
        "v WHERE v.paper_id = ?1 ORDER BY v.version DESC";

enum masa_err gov_paper_versions(struct gov *g, const struct gov_viewer *v,
                                 int64_t id, struct arena *a,
                                 struct gov_paper_version **out, size_t *n,
                                 struct masa_error *err)
{
	struct gov_paper p;
	struct store_stmt *st;
	struct gov_paper_version *list = NULL;
	size_t cap = 0;
	bool row;
	enum masa_err rc;

	*out = NULL;
	*n = 0;
	if ((rc = gov_paper_get(g, v, id, a, &p, err)))
		return rc;
	if ((rc = store_prepare(g->store, SQL_VERSIONS, &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		list = arena_grow(a, list, *n, &cap, sizeof *list, 16);
		memset(&list[*n], 0, sizeof *list);
		read_version(st, 0, a, &list[*n]);
		list[(*n)++].paper_id = id;
	}
	store_done(st);
	*out = list;
	return rc;
}

static const char SQL_FILE[] =
        "SELECT v.id, v.version, v.file_name, v.media_type, v.size, "
        "v.sha256, v.pages, v.uploaded_at, v.uploaded_by, v.content, v.text "
        "FROM paper p JOIN meeting m ON m.id = p.meeting_id "
        "LEFT JOIN item it ON it.id = p.item_id "
        "JOIN paper_version v ON v.paper_id = p.id "
        "WHERE p.id = ?1 AND (v.version = ?2 OR (?2 = 0 AND v.version = "
        "(SELECT MAX(version) FROM paper_version WHERE paper_id = p.id))) "
        "AND " GOV_SQL_SEES_PAPERS("it", "m");

/* Reads version of paper id: its bytes (want_bytes) or its text. */
static enum masa_err read_file(struct gov *g, const struct gov_viewer *v,
                               int64_t id, int64_t version, struct arena *a,
                               struct gov_paper_version *out,
                               const void **bytes, char **text,
                               struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	rc = store_prepare(g->store, SQL_FILE, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	store_bind_int(st, 2, version);
	gov_viewer_bind(st, v);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "paper: no such paper or version");
	if (rc == MASA_OK) {
		if (out != NULL) {
			read_version(st, 0, a, out);
			out->paper_id = id;
		}
		if (bytes != NULL) {
			size_t size;
			const void *b = store_column_blob(st, 9, &size);
			void *copy = arena_alloc(a, size ? size : 1);
			if (size > 0)
				memcpy(copy, b, size);
			*bytes = copy;
		}
		if (text != NULL)
			*text = dup_col(st, 10, a);
	}
	store_done(st);
	return rc;
}

enum masa_err gov_paper_file(struct gov *g, const struct gov_viewer *v,
                             int64_t id, int64_t version, struct arena *a,
                             struct gov_paper_version *out, const void **bytes,
                             struct masa_error *err)
{
	return read_file(g, v, id, version, a, out, bytes, NULL, err);
}

enum masa_err gov_paper_text(struct gov *g, const struct gov_viewer *v,
                             int64_t id, int64_t version, struct arena *a,
                             char **text, struct masa_error *err)
{
	return read_file(g, v, id, version, a, NULL, NULL, text, err);
}
