/*
 * incident: serious incidents and their rapid reviews. The local authority
 * becomes aware of a serious incident (a child died or was seriously
 * harmed, abuse or neglect known or suspected); the partnership notifies
 * the national panel within 5 working days, holds a rapid review at a
 * meeting of the body that holds the case (the practice review sub-group or
 * panel) and sends its report to the panel within 15 working days, and
 * decides: a local child safeguarding practice review, a national review,
 * or no review, with its reasons; the panel responds.
 *
 * A case has a reference, never a child's name (assure_reference_check),
 * and an age band. Who sees it is GOV_SQL_SEES_CASE (gov/access.h): every
 * listing and lookup below takes the viewer and answers NOT_FOUND, as for a
 * case nobody recorded, to anyone else. The clocks are assure/clock.h's.
 */
#ifndef MASA_ASSURE_INCIDENT_H
#define MASA_ASSURE_INCIDENT_H

#include <jansson.h>

#include "assure/clock.h"
#include "gov/access.h"
#include "gov/gov.h"
#include "gov/record.h"

struct assure_incident {
	int64_t id;
	int64_t partnership_id;
	int64_t body_id; /* the body holding the case */
	char *reference;
	char *kind;        /* death, serious_harm */
	char *age_band;    /* assure_age_bands */
	char *summary;     /* what happened, without names; or NULL */
	char *aware_on;    /* YYYY-MM-DD: the local authority became aware */
	char *notified_on; /* notified to the national panel */
	int64_t rapid_review_meeting_id; /* a meeting of body_id, or 0 */
	char *rapid_review_on;           /* the rapid review was held */
	char *rapid_review_sent_on;      /* its report sent to the panel */
	char *decision; /* local_review, national_review, no_review, or NULL */
	char *decision_on;
	char *decision_reasons;
	char *panel_response; /* the national panel's response */
	char *panel_response_on;
	/* 1 when created, one more at every change; in an update, the
	 * version the editor saw, or 0 not to check */
	int64_t version;
};

extern const struct record_kind assure_incident_record;
extern const char *const assure_incident_kinds[];
extern const char *const assure_incident_decisions[];
/* Words for a kind or a decision ("No review"), or the value itself. */
const char *assure_incident_words(const char *value);

/* The two clocks of an incident, in this order. */
enum {
	ASSURE_INCIDENT_NOTIFY,
	ASSURE_INCIDENT_RAPID_REVIEW,
	ASSURE_INCIDENT_CLOCKS
};

/*
 * The incident's clocks on `today`: the notification (due 5 working days
 * after aware_on, done on notified_on) and the rapid review's report to
 * the panel (due 15 working days after aware_on, done on
 * rapid_review_sent_on). aware_on must be a date (stored incidents' are).
 */
void assure_incident_clocks(const struct assure_incident *inc, date_days today,
                            struct assure_clock out[ASSURE_INCIDENT_CLOCKS]);

/* An incident as listed, with its clocks today. */
struct assure_incident_row {
	struct assure_incident inc;
	char *body_short_name;
	char *body_name;
	char *meeting_key; /* the rapid review meeting's, or NULL */
	struct assure_clock clocks[ASSURE_INCIDENT_CLOCKS];
};

/* An agency involved with the child. */
struct assure_incident_agency {
	int64_t organisation_id;
	char *key;
	char *name;
};

/*
 * Creates inc (version 1) with the agencies involved (organisation ids of
 * the partnership, nagencies may be 0) in one transaction, and sets
 * inc->id. Refuses (MASA_ERR_INVALID, naming the field as people know it,
 * nothing stored) a reference that is a name or a date of birth, an
 * unknown kind or age band, a body of another partnership, dates out of
 * order (see assure_incident_check); MASA_ERR_CONFLICT for a reference
 * used already in the partnership.
 */
enum masa_err assure_incident_create(struct gov *g, struct assure_incident *inc,
                                     const int64_t *agencies, size_t nagencies,
                                     struct masa_error *err);
/*
 * Writes inc over the stored incident inc->id (its partnership and
 * reference may not change), after the checks of create.
 * MASA_ERR_CONFLICT, storing nothing, when inc->version is not 0 and not
 * the stored version. A rapid review meeting given with no date of the
 * rapid review gives it the meeting's date.
 */
enum masa_err assure_incident_update(struct gov *g,
                                     const struct assure_incident *inc,
                                     struct masa_error *err);
/*
 * Replaces the agencies of incident id by the n organisations given, and
 * adds one to its version (MASA_ERR_CONFLICT when version is not 0 and not
 * the stored one).
 */
enum masa_err assure_incident_set_agencies(struct gov *g, int64_t id,
                                           int64_t version,
                                           const int64_t *agencies, size_t n,
                                           struct masa_error *err);
/*
 * The rules of an incident on their own (create and update apply them):
 * the fields' own checks, then the order of the dates: a notification,
 * a rapid review or a decision before the local authority became aware, a
 * report sent before the rapid review, a decision before the rapid
 * review, a response before the decision; a decision needs its date and
 * reasons, a response its date. The message names both fields.
 */
enum masa_err assure_incident_check(const struct assure_incident *inc,
                                    struct masa_error *err);

/*
 * The incident of v's partnership with reference ref, if v may see it
 * (NOT_FOUND otherwise, as for one that does not exist); text in a.
 */
enum masa_err assure_incident_find(struct gov *g, const struct gov_viewer *v,
                                   const char *ref, struct arena *a,
                                   struct assure_incident_row *out,
                                   struct masa_error *err);

/* What assure_incident_list selects. */
struct assure_incident_query {
	int64_t body_id; /* held by this body, or 0 for any */
	bool open_only;  /* a clock not yet done */
	size_t limit;    /* at most this many (0: all) */
	size_t offset;   /* after skipping this many */
	date_days today; /* the day the clocks are read on */
};

/*
 * The incidents of v's partnership that v may see, newest (aware_on) first,
 * with their clocks on q->today; *total (may be NULL) is how many there
 * are without limit and offset. In a.
 */
enum masa_err assure_incident_list(struct gov *g, const struct gov_viewer *v,
                                   const struct assure_incident_query *q,
                                   struct arena *a,
                                   struct assure_incident_row **out, size_t *n,
                                   size_t *total, struct masa_error *err);

/* A clock that wants attention, and its incident. */
struct assure_pressing_clock {
	const struct assure_incident_row *incident;
	const struct assure_clock *clock;
};

/* The most pressing clocks assure_incident_pressing reads. */
enum { ASSURE_PRESSING_MAX = 200 };

/*
 * The clocks of the incidents v may see that are overdue on today or due
 * within `within` working days of it (assure_clock_pressing), the most
 * overdue first, then the soonest due; at most ASSURE_PRESSING_MAX
 * incidents are read. For the chair's home page and the reminders. In a.
 */
enum masa_err assure_incident_pressing(struct gov *g,
                                       const struct gov_viewer *v,
                                       date_days today, long within,
                                       struct arena *a,
                                       struct assure_pressing_clock **out,
                                       size_t *n, struct masa_error *err);

/* The name of clock k of an incident: "notification", "rapid_review". */
const char *assure_incident_clock_name(int k);

/*
 * One person's reminder of incident clocks: the chair (on the day) of a
 * body holding incidents whose clocks are overdue or due within 5 working
 * days, and those clocks not yet reminded to them that day.
 */
struct assure_incident_reminder {
	int64_t person_id;
	char *person_name;
	char *email; /* NULL: no address (reported, not sent) */
	struct assure_pressing_clock *clocks;
	size_t nclocks;
};

/*
 * The reminders of partnership_id's incident clocks on `on`, by person
 * name. Everything in a.
 */
enum masa_err assure_incident_reminders(struct gov *g, int64_t partnership_id,
                                        date_days on, struct arena *a,
                                        struct assure_incident_reminder **out,
                                        size_t *n, struct masa_error *err);
/*
 * Claims reminder r for `on` before it is sent (*claimed false, nothing
 * claimed, when another run has); stamp receives the claim's time for
 * assure_incident_reminder_unclaim, which gives back a claim whose message
 * could not be sent.
 */
enum masa_err assure_incident_reminder_claim(
        struct gov *g, const struct assure_incident_reminder *r, date_days on,
        char stamp[21], bool *claimed, struct masa_error *err);
enum masa_err assure_incident_reminder_unclaim(
        struct gov *g, const struct assure_incident_reminder *r, date_days on,
        const char *stamp, struct masa_error *err);

/* The agencies of incident id, by name; in a. */
enum masa_err assure_incident_agencies(struct gov *g, int64_t id,
                                       struct arena *a,
                                       struct assure_incident_agency **out,
                                       size_t *n, struct masa_error *err);

/*
 * Whether v sees the reviews pages: an admin or chair of the partnership,
 * or masa itself, or someone who sits today on a body holding a case
 * (an incident, a practice review, a child death panel).
 */
enum masa_err assure_reviews_visible(struct gov *g, const struct gov_viewer *v,
                                     bool *yes, struct masa_error *err);

/* The "incidents" part of the interchange document (incident_part.c). */
struct interchange_part;
extern const struct interchange_part assure_incident_part;

/*
 * The incident as JSON (API, command line): its fields by name (body and
 * meeting by key), its clocks ("clocks": {"notification": {...},
 * "rapid_review": {...}} each with due, done_on, state, working_days and
 * words) and, with_agencies, the keys of its agencies (n of them). Caller
 * owns the reference.
 */
json_t *assure_incident_json(const struct assure_incident_row *r,
                             bool with_agencies,
                             const struct assure_incident_agency *agencies,
                             size_t nagencies);

/* The columns of the incidents' CSV (web and command line), and a row's
 * cells (in a). */
extern const char *const assure_incident_csv_headings[];
enum { ASSURE_INCIDENT_CSV_COLUMNS = 16 };
void assure_incident_csv_cells(const struct assure_incident_row *r,
                               struct arena *a,
                               const char *cells[ASSURE_INCIDENT_CSV_COLUMNS]);

#endif
