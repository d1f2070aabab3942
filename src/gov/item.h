/*
 * item: a meeting's agenda items (with sub-items), the resolutions made
 * under them, and the papers tabled with them and who they were sent to.
 */
#ifndef MASA_GOV_ITEM_H
#define MASA_GOV_ITEM_H

#include "gov/access.h"
#include "gov/gov.h"

struct gov_item {
	int64_t id;
	int64_t meeting_id;
	int64_t parent_id; /* the item this is a sub-item of, or 0 */
	int64_t position; /* order on the agenda; 0 at create: after the last */
	char *number;     /* as printed: "16", "4.3", "HW.35/24" */
	char *title;
	int64_t presenter_id;   /* person, or 0 */
	bool confidential;      /* part 2: press and public excluded */
	char *status;           /* taken, deferred, withdrawn */
	int64_t deferred_to_id; /* meeting, only when deferred */
	char *minutes;          /* Markdown, or NULL */
	/* Why a confidential item is taken in part two (the paragraph of the
	 * exemption that applies), or NULL */
	char *part_two_reason;
	/* 1 when created, one more at every change. In an update: the
	 * version the editor saw, or 0 not to check (see gov_item_update) */
	int64_t version;
};

/* An item with the names a page shows beside it. */
struct gov_item_row {
	struct gov_item item;
	char *presenter_name; /* or NULL */
	char *presenter_prefix;
	char *deferred_to_key; /* the meeting it was deferred to, or NULL */
	char *deferred_to_date;
	/*
	 * A confidential item the viewer may not see: only its number, place
	 * and status are given (title "Confidential item", no minutes,
	 * presenter or deferral), so that a page can say it is there.
	 */
	bool hidden;
	/*
	 * The viewer sees the published agenda but not the minutes (draft
	 * minutes, to the public): number, title, presenter and papers only;
	 * minutes, deferral and the part-two reason are NULL.
	 */
	bool agenda_only;
};

struct gov_resolution {
	int64_t id;
	int64_t item_id;
	int64_t number; /* (1), (2)... */
	char *text;
};

struct gov_document {
	int64_t id;
	int64_t item_id;
	int64_t position; /* 0 at create: after the last */
	char *title;
	char *kind; /* report, paper, presentation, minutes, letter, plan, other
	             */
	char *url;
};

struct gov_circulation {
	int64_t id;
	int64_t document_id;
	int64_t person_id;
	char *sent_on; /* YYYY-MM-DD */
};

extern const char *const gov_item_statuses[];
extern const char *const gov_document_kinds[];

enum masa_err gov_item_create(struct gov *g, struct gov_item *it,
                              struct masa_error *err);
/*
 * Updates it (which stays at its meeting). The stored version goes up by
 * one. MASA_ERR_CONFLICT, storing nothing, when it->version is not 0 and
 * not the stored version: someone changed the item since the editor read
 * it.
 */
enum masa_err gov_item_update(struct gov *g, const struct gov_item *it,
                              struct masa_error *err);
/*
 * The lookups and listings below give only what v may see (gov/access.h):
 * an item of minutes v may not read, or a confidential item of a meeting
 * whose part two v may not see, is not there (MASA_ERR_NOT_FOUND for a
 * lookup), and so are its resolutions and papers. The command line and
 * masa's own checks pass gov_viewer_system().
 */
enum masa_err gov_item_get(struct gov *g, const struct gov_viewer *v,
                           int64_t id, struct arena *a, struct gov_item *out,
                           struct masa_error *err);
/* Item id whoever looks: for masa's own changes, never to show. */
enum masa_err gov_item_read(struct gov *g, int64_t id, struct arena *a,
                            struct gov_item *out, struct masa_error *err);
/* By printed number within a meeting. */
enum masa_err gov_item_find(struct gov *g, const struct gov_viewer *v,
                            int64_t meeting_id, const char *number,
                            struct arena *a, struct gov_item *out,
                            struct masa_error *err);
/* A meeting's items v may see, in agenda order. */
enum masa_err gov_item_list(struct gov *g, const struct gov_viewer *v,
                            int64_t meeting_id, struct arena *a,
                            struct gov_item **out, size_t *n,
                            struct masa_error *err);

/*
 * A meeting's items in agenda order, each with its presenter's name and the
 * meeting it was deferred to, in one query; none when v may not read the
 * minutes, and a confidential item v may not see as a hidden row.
 */
enum masa_err gov_item_rows(struct gov *g, const struct gov_viewer *v,
                            int64_t meeting_id, struct arena *a,
                            struct gov_item_row **out, size_t *n,
                            struct masa_error *err);

enum masa_err gov_resolution_create(struct gov *g, struct gov_resolution *r,
                                    struct masa_error *err);
enum masa_err gov_resolution_update(struct gov *g,
                                    const struct gov_resolution *r,
                                    struct masa_error *err);
/* Resolutions of every item of a meeting, by item position then number. */
enum masa_err gov_resolution_list(struct gov *g, const struct gov_viewer *v,
                                  int64_t meeting_id, struct arena *a,
                                  struct gov_resolution **out, size_t *n,
                                  struct masa_error *err);

enum masa_err gov_document_create(struct gov *g, struct gov_document *d,
                                  struct masa_error *err);
enum masa_err gov_document_update(struct gov *g, const struct gov_document *d,
                                  struct masa_error *err);
/* Documents (papers) of every item of a meeting that v may see the papers
 * of, by item position then position. */
enum masa_err gov_document_list(struct gov *g, const struct gov_viewer *v,
                                int64_t meeting_id, struct arena *a,
                                struct gov_document **out, size_t *n,
                                struct masa_error *err);

enum masa_err gov_circulation_create(struct gov *g, struct gov_circulation *c,
                                     struct masa_error *err);
/* Circulation of every document of a meeting, in the order recorded. */
enum masa_err gov_circulation_list(struct gov *g, const struct gov_viewer *v,
                                   int64_t meeting_id, struct arena *a,
                                   struct gov_circulation **out, size_t *n,
                                   struct masa_error *err);

#endif
