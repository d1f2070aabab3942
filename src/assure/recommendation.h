/*
 * recommendation: a practice review's recommendations and what came of
 * them. Each is numbered within its review, with the finding it answers,
 * the outcome expected, how it will be measured, the organisation that
 * owns it, the body whose action log carries its actions, and a due date.
 * Actions raised from it go into that body's action log (gov/action.h),
 * owned by the owning organisation, so that they are chased as every
 * other action is. Evidence of impact is recorded at checkpoints ("6
 * months", "12 months") and judged red, amber or green by the chair. A
 * recommendation is closed only with impact evidence or a reason.
 *
 * Who sees one is GOV_SQL_SEES_RECOMMENDATION (gov/access.h): as its
 * review, and a partner of the owning organisation. Who changes one is
 * who may change its review; a partner of the owning organisation also
 * records evidence on it; only a chair or an admin judges it.
 */
#ifndef MASA_ASSURE_RECOMMENDATION_H
#define MASA_ASSURE_RECOMMENDATION_H

#include "gov/access.h"
#include "gov/action.h"
#include "gov/gov.h"
#include "gov/record.h"

extern const char *const recommendation_statuses[]; /* open, closed */
extern const char *const evidence_kinds[]; /* audit, figure, feedback... */
extern const char *const evidence_kind_labels[];
extern const char *const evidence_rags[]; /* red, amber, green */

struct recommendation {
	int64_t id;
	int64_t partnership_id;
	int64_t review_id;
	int64_t number; /* 0 at create: the next in the review */
	char *text;
	char *finding;
	char *expected_outcome;
	char *measure;
	int64_t organisation_id; /* the owner, or 0 */
	int64_t body_id;         /* whose action log carries its actions */
	char *due_on;
	char *status; /* open, closed */
	char *closed_on;
	char *closed_reason;
	int64_t version;
};

extern const struct record_kind recommendation_record;

/*
 * Adds r (status open) to its review, numbered next unless r->number is
 * given; sets r->id and r->number. Refuses an owner or body of another
 * partnership, a number used already, a due date before the review was
 * commissioned.
 */
enum masa_err recommendation_create(struct gov *g, struct recommendation *r,
                                    struct masa_error *err);
/* Writes r over the stored one (its status and closing are changed by
 * recommendation_close only). */
enum masa_err recommendation_update(struct gov *g,
                                    const struct recommendation *r,
                                    struct masa_error *err);
/*
 * Closes recommendation id on closed_on: only when it has impact evidence
 * recorded or reason is given (not blank); MASA_ERR_INVALID saying so
 * otherwise. Refuses closing one closed already.
 */
enum masa_err recommendation_close(struct gov *g, int64_t id,
                                   const char *closed_on, const char *reason,
                                   struct masa_error *err);

/* Recommendation number of review_id that v may see, in a. */
enum masa_err recommendation_get(struct gov *g, const struct gov_viewer *v,
                                 int64_t review_id, int64_t number,
                                 struct arena *a, struct recommendation *out,
                                 struct masa_error *err);

/* The review a recommendation belongs to, as recommendation_find reads it. */
struct recommendation_review {
	int64_t id;
	char *reference;
	char *title;
	char *published_on; /* or NULL */
	/* of the recommendation: its owner's name and its body, or NULL */
	char *organisation_name;
	char *body_short_name;
};
/*
 * Recommendation number of the review of reference in partnership_id, if v
 * may see the recommendation (GOV_SQL_SEES_RECOMMENDATION: a partner sees
 * its organisation's even when it may not see the review), with its review's
 * reference and title in *rv; NOT_FOUND otherwise. In a.
 */
enum masa_err recommendation_find(struct gov *g, const struct gov_viewer *v,
                                  int64_t partnership_id, const char *reference,
                                  int64_t number, struct arena *a,
                                  struct recommendation *out,
                                  struct recommendation_review *rv,
                                  struct masa_error *err);

/* A recommendation in a listing. */
struct recommendation_row {
	struct recommendation r;
	char *review_reference;
	char *review_title;
	char *organisation_key;  /* or NULL */
	char *organisation_name; /* or NULL */
	char *body_short_name;   /* or NULL */
	char *latest_rag;        /* the newest judgement, or NULL */
	char *latest_checkpoint; /* of the newest evidence, or NULL */
	long age_days; /* calendar days since the review was signed off (or
	                  commissioned), to today; 0 without a date */
};
/* Filters of recommendation_list; 0 and NULL mean any. */
struct recommendation_filter {
	int64_t review_id;
	int64_t organisation_id; /* owned by it */
	const char *status;      /* open or closed */
};
/*
 * The recommendations of partnership_id that v may see and f selects, by
 * review and number: the listing behind a review's page, a partner's
 * "our recommendations", the CSV and the open-recommendations dashboard
 * (by owner and age). In a.
 */
enum masa_err recommendation_list(struct gov *g, const struct gov_viewer *v,
                                  int64_t partnership_id,
                                  const struct recommendation_filter *f,
                                  struct arena *a,
                                  struct recommendation_row **out, size_t *n,
                                  struct masa_error *err);

/*
 * Raises an action from recommendation id in its body's action log,
 * standing alone, owned by its organisation (or all members of the body
 * when it has none), with details and due_on (may be NULL: the
 * recommendation's), and links it. act receives the action (its text in
 * a). Refuses a recommendation with no body or one closed.
 */
enum masa_err recommendation_raise_action(struct gov *g, int64_t id,
                                          const char *details,
                                          const char *due_on, struct arena *a,
                                          struct gov_action *act,
                                          struct masa_error *err);
/* Links action_id (an action already raised) to recommendation id. */
enum masa_err recommendation_link_action(struct gov *g, int64_t id,
                                         int64_t action_id,
                                         struct masa_error *err);
/*
 * The actions of recommendation id that v may see, with their status, due
 * date and owners now (gov_action_entry_read); in a.
 */
enum masa_err recommendation_actions(struct gov *g, const struct gov_viewer *v,
                                     int64_t id, struct arena *a,
                                     struct gov_action_entry **out, size_t *n,
                                     struct masa_error *err);

/* Evidence of impact at a checkpoint, and its judgement. */
struct impact_evidence {
	int64_t id;
	int64_t recommendation_id;
	char *checkpoint; /* "6 months" */
	char *due_on;
	char *recorded_on;
	char *kind; /* audit, figure, feedback, other */
	char *summary;
	char *rag; /* red, amber, green, or NULL */
	char *judged_on;
	int64_t judged_by;    /* person, or 0 */
	char *judged_by_name; /* read only */
};
/*
 * May v record evidence on recommendation id: who may change its review,
 * or a partner of its owning organisation?
 */
enum masa_err evidence_may_record(struct gov *g, const struct gov_viewer *v,
                                  int64_t id, bool *yes,
                                  struct masa_error *err);
/*
 * Records e (recorded_on, kind and summary required; due_on optional) on
 * its recommendation at its checkpoint, as v: MASA_ERR_DENIED unless
 * evidence_may_record. A checkpoint recorded already is updated (and its
 * judgement kept). Refuses a recording date after today or before the
 * review was commissioned.
 */
enum masa_err evidence_record(struct gov *g, const struct gov_viewer *v,
                              struct impact_evidence *e,
                              struct masa_error *err);
/*
 * The chair's judgement of the evidence at checkpoint of recommendation
 * id: rag red, amber or green, on judged_on, by v's person. Only a chair
 * or an admin (or masa itself) may judge: MASA_ERR_DENIED otherwise.
 * Refuses judging a checkpoint with no evidence recorded.
 */
enum masa_err evidence_judge(struct gov *g, const struct gov_viewer *v,
                             int64_t id, const char *checkpoint,
                             const char *rag, const char *judged_on,
                             struct masa_error *err);
/* The evidence of recommendation id, by checkpoint order; in a. */
enum masa_err evidence_list(struct gov *g, int64_t id, struct arena *a,
                            struct impact_evidence **out, size_t *n,
                            struct masa_error *err);

#endif
