/*
 * review: local child safeguarding practice reviews (and the serious case
 * reviews before them): commissioning, the reviewer or method, terms of
 * reference, the agencies' contributions with their due and received
 * dates, the stages (scoping, fieldwork, involvement of the family and
 * practitioners, draft, final) with the day each began, the partners'
 * sign-off, and publication: due six calendar months from the decision to
 * review (or from commissioning), sent to the national panel and the
 * Secretary of State first, then published with its address, or held with
 * a reason and the day the hold is looked at again.
 *
 * Who sees a review is GOV_SQL_SEES_REVIEW (gov/access.h): the holding
 * body's members, the chair and the admin while in progress; everyone once
 * published. Who may change one is who sees its case. Every listing and
 * lookup here takes the viewer.
 */
#ifndef MASA_ASSURE_REVIEW_H
#define MASA_ASSURE_REVIEW_H

#include "core/date.h"
#include "gov/access.h"
#include "gov/gov.h"
#include "gov/record.h"

extern const char *const review_kinds[];       /* local, national, scr */
extern const char *const review_kind_labels[]; /* in order */
/* scoping, fieldwork, involvement, draft, final: in the order they run. */
extern const char *const review_stages[];
extern const char *const review_stage_labels[];
/* criminal_proceedings, family_wishes, other */
extern const char *const review_held_reasons[];
extern const char *const review_held_reason_labels[];

struct review {
	int64_t id;
	int64_t partnership_id;
	int64_t body_id;     /* the body holding it (practice review group) */
	int64_t incident_id; /* the incident decided for it, or 0 */
	char *reference;     /* a case reference (assure_reference_check) */
	char *title;
	char *kind;
	char *commissioned_on;
	char *reviewer; /* an independent reviewer's name, or NULL */
	char *method;   /* "SILP", "appreciative inquiry"... or NULL */
	char *terms_of_reference; /* Markdown */
	char *stage;
	char *final_on;      /* the day the final report was agreed */
	char *signed_off_on; /* by the partners */
	char *publication_due_on;
	char *sent_to_panel_on; /* and the Secretary of State */
	char *published_on;
	char *published_url;
	char *summary; /* the public summary, Markdown */
	char *held_reason;
	char *held_note;
	char *held_review_on;
	int64_t version;
};

/* The declaration of a review (forms, CLI, audit, JSON). */
extern const struct record_kind review_record;

/*
 * Creates r (stage scoping unless given) and its first stage row, dated
 * commissioned_on (or today). publication_due_on, when NULL, is six
 * calendar months from the incident's decision (or from commissioned_on).
 * Refuses a bad reference, a body or incident of another partnership,
 * dates out of order (review_check). Sets r->id.
 */
enum masa_err review_create(struct gov *g, struct review *r, struct arena *a,
                            struct masa_error *err);
/*
 * Writes r over the stored review (r->version the editor saw, or 0),
 * after review_check. Its stage is changed with review_stage_set only.
 */
enum masa_err review_update(struct gov *g, const struct review *r,
                            struct masa_error *err);
/*
 * The rules of a review's dates, naming both fields of a pair out of
 * order: the final report not before commissioning, the partners'
 * sign-off on or after the final report, sent to the panel after the
 * final report and on or before publication, publication after the final
 * report and its sign-off; published or held, not both; a hold with its
 * reason and the day to look at it again; an address that is http(s).
 */
enum masa_err review_check(const struct review *r, struct masa_error *err);
/*
 * Moves review_id to stage from started_on: forward only, never before
 * the stage it leaves began; stage final sets final_on when it is empty.
 * version as for review_update.
 */
enum masa_err review_stage_set(struct gov *g, int64_t review_id,
                               const char *stage, const char *started_on,
                               int64_t version, struct masa_error *err);
/*
 * Records that review_id entered stage on `on` (or moves that day), for
 * loads, which give a review's stages as they were; it does not move the
 * review's own stage.
 */
enum masa_err review_stage_record(struct gov *g, int64_t review_id,
                                  const char *stage, const char *on,
                                  struct masa_error *err);

/* The review of reference in partnership_id that v may see, in a;
 * MASA_ERR_NOT_FOUND otherwise (as for one that does not exist). */
enum masa_err review_find(struct gov *g, const struct gov_viewer *v,
                          int64_t partnership_id, const char *reference,
                          struct arena *a, struct review *out,
                          struct masa_error *err);
/* May v change review_id (who sees its case: GOV_SQL_SEES_CASE)? */
enum masa_err review_may_change(struct gov *g, const struct gov_viewer *v,
                                int64_t review_id, bool *yes,
                                struct masa_error *err);

/* A review in a listing, with its body's short name. */
struct review_row {
	struct review r;
	char *body_short_name;
	char *incident_reference; /* or NULL */
};
/*
 * The reviews of partnership_id that v may see, newest commissioned first;
 * published_only: only those published (the public learning page).
 */
enum masa_err review_list(struct gov *g, const struct gov_viewer *v,
                          int64_t partnership_id, bool published_only,
                          struct arena *a, struct review_row **out, size_t *n,
                          struct masa_error *err);
/* The same row for one review (found already). */
enum masa_err review_row_of(struct gov *g, const struct review *r,
                            struct arena *a, struct review_row *out,
                            struct masa_error *err);

/* When a review entered a stage. */
struct review_stage_entry {
	char *stage;
	char *started_on;
};
/* The stages review_id has entered, in order; in a. */
enum masa_err review_stage_list(struct gov *g, int64_t review_id,
                                struct arena *a,
                                struct review_stage_entry **out, size_t *n,
                                struct masa_error *err);

/* An agency's contribution (a chronology, an individual management
 * review), due and received. */
struct review_contribution {
	int64_t id;
	int64_t review_id;
	int64_t organisation_id;
	char *what;
	char *due_on;
	char *received_on; /* or NULL */
	char *organisation_key;
	char *organisation_name;
	/* received after due_on (or not received and due_on is past):
	 * working days late, else 0 */
	long late_days;
};
/*
 * Adds a contribution of organisation_key to review_id. Refuses an
 * organisation of another partnership, a due date before commissioning,
 * a received date before the review was commissioned, a duplicate.
 */
enum masa_err review_contribution_add(struct gov *g, int64_t review_id,
                                      const char *organisation_key,
                                      const char *what, const char *due_on,
                                      const char *received_on,
                                      struct masa_error *err);
/* Records contribution id (of review_id) received on received_on. */
enum masa_err review_contribution_received(struct gov *g, int64_t review_id,
                                           int64_t id, const char *received_on,
                                           struct masa_error *err);
/* review_id's contributions by due date, lateness counted to today. */
enum masa_err review_contribution_list(struct gov *g, int64_t review_id,
                                       date_days today, struct arena *a,
                                       struct review_contribution **out,
                                       size_t *n, struct masa_error *err);

/*
 * The publication clock of a review, in working days (core/workdays.h):
 * the one place it is counted, for pages, API, CSV and the dashboards.
 */
enum review_publication_state {
	REVIEW_PUBLICATION_NONE,      /* no due date */
	REVIEW_PUBLICATION_DUE,       /* not yet published, not yet late */
	REVIEW_PUBLICATION_LATE,      /* not published and past due */
	REVIEW_PUBLICATION_HELD,      /* held: reason and review date */
	REVIEW_PUBLICATION_PUBLISHED, /* late_days: how late it was, or 0 */
};
struct review_publication_clock {
	enum review_publication_state state;
	const char *due_on; /* borrowed from the review, or NULL */
	long late_days;     /* working days after due_on (LATE, PUBLISHED) */
};
void review_publication_clock(const struct review *r, date_days today,
                              struct review_publication_clock *out);
/* The clock in words: "due 5 June 2020", "late by 12 working days",
 * "held (criminal proceedings) until looked at again on 1 March 2015",
 * "published 3 June 2020"; in a. */
const char *review_publication_words(struct arena *a, const struct review *r,
                                     const struct review_publication_clock *c);
/* The label of a value of one of the lists above ("Criminal
 * proceedings"), or the value itself. */
const char *review_label(const char *const *values, const char *const *labels,
                         const char *value);

/*
 * A review's or recommendation's fields (kind k: review_record,
 * recommendation_record) from and to JSON members named by column (a
 * reference without "_id", its key as value; organisation_id is
 * "organization", as the document spells it): the fields people type, read
 * through their declarations (record_field_set_text), for the interchange
 * and the API. from_json sets only the members o has; messages name them.
 */
struct json_t;
enum masa_err review_fields_from_json(struct gov *g,
                                      const struct record_kind *k,
                                      int64_t partnership_id, struct json_t *o,
                                      void *rec, struct arena *a,
                                      struct masa_error *err);
enum masa_err review_fields_to_json(struct gov *g, const struct record_kind *k,
                                    const void *rec, struct json_t *o,
                                    struct arena *a, struct masa_error *err);

/* The interchange parts "practice_reviews" and "learning_briefings"
 * (review_interchange.c, docs/interchange.md). */
struct interchange_part;
extern const struct interchange_part review_part, briefing_part;

#endif
