/*
 * paper: the papers of a meeting, uploaded as files and kept in the
 * database, every version of each (paper_version: the bytes, their text
 * for search, who uploaded them when).
 *
 * A paper belongs to an item of a meeting, or to the meeting itself (the
 * front sheet, "papers for information"). Who sees it is the rule of
 * GOV_SQL_SEES_PAPERS (gov/access.h): a paper of a confidential (part two)
 * item never reaches anyone who may not see that item, and a paper nobody
 * may see reads as not found.
 *
 * What is taken: PDF, Word (.docx, .doc), Excel (.xlsx, .xls), PowerPoint
 * (.pptx, .ppt), OpenDocument (.odt, .ods, .odp) and plain text, told by the
 * content and never by the name: the magic bytes, then for a zip its
 * [Content_Types].xml or mimetype entry (libzip), for an old Office file its
 * directory names. Refused, with nothing stored: anything else (a program
 * named .pdf), a file whose name says another kind than its content, an
 * encrypted or broken PDF (qpdf --is-encrypted, --check), an Office file
 * with macros (vbaProject.bin, a macro-enabled content type, an old file's
 * VBA storage, an OpenDocument's Basic/ scripts), an empty file, a file over
 * the size limit (MASA_PAPER_MAX_MB, 20 by default). A file name is cleaned,
 * not refused: only its last path part is kept, control characters dropped.
 */
#ifndef MASA_GOV_PAPER_H
#define MASA_GOV_PAPER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/mem.h"
#include "gov/access.h"
#include "gov/gov.h"

enum { PAPER_DEFAULT_MAX_MB = 20, PAPER_NAME_MAX = 200 };

/* One version of a paper's file. */
struct gov_paper_version {
	int64_t id;
	int64_t paper_id;
	int64_t version; /* 1, 2... */
	char *file_name; /* cleaned, with the extension of its kind */
	char *media_type;
	int64_t size;
	char *sha256;      /* hex */
	int64_t pages;     /* a PDF's pages; 0 for other kinds */
	char *uploaded_at; /* YYYY-MM-DDTHH:MM:SSZ */
	char *uploaded_by;
};

/* A paper with its current (latest) version. */
struct gov_paper {
	int64_t id;
	int64_t meeting_id;
	int64_t item_id; /* 0: a paper of the meeting itself */
	int64_t position;
	char *title;
	char *item_number; /* the item's number ("4.2"), or NULL */
	char *item_title;
	bool confidential; /* its item is part two */
	struct gov_paper_version current;
	/* Who it was last sent to (the circulation, for those who see it). */
	int64_t sent_to; /* how many people it was sent to, last time */
	char *sent_on;   /* YYYY-MM-DD, or NULL: never sent */
};

/* What a file turned out to be (gov_paper_check_file). */
struct gov_paper_kind {
	const char *media_type; /* static */
	const char *extension;  /* ".pdf"; static */
	const char *label;      /* "PDF", "Word document"; static */
	bool pdf;
};

/* The largest paper taken, in bytes: MASA_PAPER_MAX_MB megabytes or 20. */
size_t gov_paper_max_bytes(void);

/*
 * Checks a file as a paper: its kind from its content, its name cleaned
 * into clean (at least PAPER_NAME_MAX + 8 bytes), the checks above. field
 * names the file in messages ("file"). A PDF's pages go to *pages (may be
 * NULL). MASA_ERR_INVALID (or MASA_ERR_LIMIT for size) with a message.
 */
enum masa_err gov_paper_check_file(const char *field, const char *name,
                                   const void *bytes, size_t size,
                                   struct gov_paper_kind *kind, char *clean,
                                   size_t clean_size, int64_t *pages,
                                   struct masa_error *err);

/*
 * Adds a paper titled title (NULL: from the file name) to meeting_id, under
 * item_id (0: the meeting itself), as version 1 of file name (bytes, size
 * borrowed). *id gets the paper's id. Nothing is stored on any refusal.
 */
enum masa_err gov_paper_add(struct gov *g, int64_t meeting_id, int64_t item_id,
                            const char *title, const char *name,
                            const void *bytes, size_t size, int64_t *id,
                            struct masa_error *err);
/* A new version of paper_id; the old ones are kept. */
enum masa_err gov_paper_replace(struct gov *g, int64_t paper_id,
                                const char *name, const void *bytes,
                                size_t size, int64_t *version,
                                struct masa_error *err);

/* The papers of meeting_id v may see, in agenda order; in a. */
enum masa_err gov_paper_list(struct gov *g, const struct gov_viewer *v,
                             int64_t meeting_id, struct arena *a,
                             struct gov_paper **out, size_t *n,
                             struct masa_error *err);
/* Paper id if v may see it (MASA_ERR_NOT_FOUND if not); in a. */
enum masa_err gov_paper_get(struct gov *g, const struct gov_viewer *v,
                            int64_t id, struct arena *a, struct gov_paper *out,
                            struct masa_error *err);
/* Every version of paper id, newest first, if v may see it; in a. */
enum masa_err gov_paper_versions(struct gov *g, const struct gov_viewer *v,
                                 int64_t id, struct arena *a,
                                 struct gov_paper_version **out, size_t *n,
                                 struct masa_error *err);
/*
 * The bytes of version (0: the current one) of paper id, if v may see it
 * (else MASA_ERR_NOT_FOUND): *bytes is in a, *out describes them.
 */
enum masa_err gov_paper_file(struct gov *g, const struct gov_viewer *v,
                             int64_t id, int64_t version, struct arena *a,
                             struct gov_paper_version *out, const void **bytes,
                             struct masa_error *err);
/* The text extracted from version (0: current) of paper id, or NULL. */
enum masa_err gov_paper_text(struct gov *g, const struct gov_viewer *v,
                             int64_t id, int64_t version, struct arena *a,
                             char **text, struct masa_error *err);

/*
 * Runs a tool (argv[0] found on PATH, no shell, standard input /dev/null)
 * for at most seconds, its standard output into out (up to out->max) and
 * standard error's start into errtext (size bytes, NUL-terminated). *status
 * is its exit status (-1 if it was killed). MASA_ERR_IO if it cannot run.
 */
struct buf;
enum masa_err gov_paper_run(char *const argv[], int seconds, struct buf *out,
                            char *errtext, size_t size, int *status,
                            struct masa_error *err);

#endif
