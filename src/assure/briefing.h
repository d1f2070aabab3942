/*
 * briefing: learning briefings, the short documents for practitioners
 * that carry a review's learning (or the child death panel's), with a
 * Markdown summary and, when one was uploaded, the file itself (a PDF or
 * Word document, checked as a paper is: gov_paper_check_file), published
 * on a date, and their circulation (who they were sent to, when, how
 * many).
 *
 * Who sees one is GOV_SQL_SEES_BRIEFING (gov/access.h): everyone once
 * published; before, those who see its review's case (or the chair and
 * the admin for one of no review).
 */
#ifndef MASA_ASSURE_BRIEFING_H
#define MASA_ASSURE_BRIEFING_H

#include "gov/access.h"
#include "gov/gov.h"

struct briefing {
	int64_t id;
	int64_t partnership_id;
	int64_t review_id; /* or 0 */
	char *title;
	char *summary; /* Markdown */
	char *published_on;
	char *filename;     /* or NULL: no file */
	char *content_type; /* or NULL */
	int64_t version;
	char *review_reference; /* read only, or NULL */
	int64_t size;           /* read only: the file's bytes, or 0 */
};

/*
 * Creates b; file (size bytes, name; NULL for none) is checked as a paper
 * is and kept in the briefing. Refuses a blank title, a review of another
 * partnership, a file that is not a PDF or Word document, a publication
 * date that is no date. Sets b->id (and filename, content_type in a).
 */
enum masa_err briefing_create(struct gov *g, struct briefing *b,
                              const char *name, const void *file, size_t size,
                              struct arena *a, struct masa_error *err);
/* Publishes briefing id on published_on (refused when published). */
enum masa_err briefing_publish(struct gov *g, int64_t id,
                               const char *published_on,
                               struct masa_error *err);
/*
 * Records that briefing id was sent to audience on sent_on, to recipients
 * people (0: not counted). Refuses a briefing not yet published, a date
 * before its publication, a blank audience, the same audience on the same
 * day twice.
 */
enum masa_err briefing_circulate(struct gov *g, int64_t id,
                                 const char *audience, const char *sent_on,
                                 int64_t recipients, struct masa_error *err);
/* Briefing id if v may see it (NOT_FOUND otherwise); in a. */
enum masa_err briefing_get(struct gov *g, const struct gov_viewer *v,
                           int64_t id, struct arena *a, struct briefing *out,
                           struct masa_error *err);
/*
 * The briefings of partnership_id that v may see (published_only: only
 * published ones), newest first; in a.
 */
enum masa_err briefing_list(struct gov *g, const struct gov_viewer *v,
                            int64_t partnership_id, bool published_only,
                            struct arena *a, struct briefing **out, size_t *n,
                            struct masa_error *err);
/* The file of briefing id, if v may see it and it has one: its bytes (in
 * a), size, name and type. NOT_FOUND otherwise. */
enum masa_err briefing_file(struct gov *g, const struct gov_viewer *v,
                            int64_t id, struct arena *a, const void **bytes,
                            size_t *size, const char **filename,
                            const char **content_type, struct masa_error *err);

struct briefing_circulation {
	char *audience;
	char *sent_on;
	int64_t recipients; /* 0: not counted */
};
/* Where briefing id was sent, by date; in a. */
enum masa_err briefing_circulation_list(struct gov *g, int64_t id,
                                        struct arena *a,
                                        struct briefing_circulation **out,
                                        size_t *n, struct masa_error *err);

#endif
