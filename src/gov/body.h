/*
 * body: the boards, groups, sub-groups, panels and committees of a
 * partnership, and the memberships of people in them. Membership history is
 * kept as records with dates: a chair change ends one membership and starts
 * another, so "who sat on this body on that date" can always be answered.
 *
 * A body belongs to one partnership (its home) and may also serve others:
 * a regional child death overview panel serving four areas. A body serving
 * a partnership appears in its structure, bodies and calendar, and its
 * published minutes can be read there; its meetings, actions and members
 * stay its home partnership's, and only its home changes them. So that its
 * references (SHORT/DATE, SHORT/A1) name one body wherever it is seen, a
 * short name is unique among a partnership's bodies and those serving it.
 */
#ifndef MASA_GOV_BODY_H
#define MASA_GOV_BODY_H

#include "gov/gov.h"
#include "gov/partnership.h"
#include "gov/record.h"

struct gov_body {
	int64_t id;
	int64_t partnership_id;
	char *short_name; /* as used in references: "RLSCB" */
	char *name;
	char *kind;               /* board, executive, subgroup, ... */
	int64_t parent_id;        /* 0 for none */
	char *founding_date;      /* first day it could meet, or NULL */
	char *dissolution_date;   /* last day it could meet, or NULL */
	int64_t quorum_count;     /* at least this many voting members, or 0 */
	char *quorum_fraction;    /* "1/3" of voting members, or NULL */
	bool quorum_partners;     /* each safeguarding partner represented */
	char *terms_of_reference; /* Markdown, or NULL */
};

struct gov_membership {
	int64_t id;
	int64_t body_id;
	int64_t person_id;
	char *role; /* chair, vice_chair, deputy_chair, member, ... */
	int64_t organisation_id; /* organisation represented, or 0 */
	char *label;             /* the role as printed, or NULL */
	char *start_date;        /* NULL: since before our records */
	char *end_date;          /* NULL: still running */
};

/* A membership with the names a listing shows beside it. */
struct gov_member {
	struct gov_membership m;
	char *person_key;
	char *person_name;
	char *honorific_prefix;
	char *job_title;
	char *organisation_key; /* represented (or employer), or NULL */
	char *organisation_name;
};

extern const char *const gov_body_kinds[];
extern const char *const gov_body_kind_labels[]; /* in the same order */
extern const char *const gov_membership_roles[];
extern const char *const gov_membership_role_labels[];
/*
 * The declarations of bodies and memberships (gov/record.h): what forms,
 * the CLI's add and edit commands and JSON show of each field.
 */
extern const struct record_kind gov_body_record, gov_membership_record;
/* Roles that count towards a quorum. */
extern const char *const gov_voting_roles[];

enum masa_err gov_body_create(struct gov *g, struct gov_body *b,
                              struct masa_error *err);
enum masa_err gov_body_update(struct gov *g, const struct gov_body *b,
                              struct masa_error *err);
enum masa_err gov_body_get(struct gov *g, int64_t id, struct arena *a,
                           struct gov_body *out, struct masa_error *err);
/* By short name within a partnership. */
enum masa_err gov_body_find(struct gov *g, int64_t partnership_id,
                            const char *short_name, struct arena *a,
                            struct gov_body *out, struct masa_error *err);
/* All bodies of a partnership in the order they were created. */
enum masa_err gov_body_list(struct gov *g, int64_t partnership_id,
                            struct arena *a, struct gov_body **out, size_t *n,
                            struct masa_error *err);
/*
 * By short name among the bodies a partnership sees: its own, then those
 * serving it. For pages that read; changes use gov_body_find.
 */
enum masa_err gov_body_find_seen(struct gov *g, int64_t partnership_id,
                                 const char *short_name, struct arena *a,
                                 struct gov_body *out, struct masa_error *err);
/*
 * The bodies a partnership sees: its own in the order created, then those of
 * other partnerships serving it (in the order they were created).
 */
enum masa_err gov_body_list_seen(struct gov *g, int64_t partnership_id,
                                 struct arena *a, struct gov_body **out,
                                 size_t *n, struct masa_error *err);

/* A body serving a partnership other than its own. */
struct gov_body_serving {
	int64_t id;
	int64_t body_id;
	int64_t partnership_id; /* the partnership served */
};

/*
 * Makes body_id serve partnership_id as well as its own. MASA_ERR_INVALID
 * for its own partnership, MASA_ERR_CONFLICT when it serves it already or
 * its short name is taken there (by a body of that partnership or another
 * body serving it).
 */
enum masa_err gov_body_serve(struct gov *g, int64_t body_id,
                             int64_t partnership_id, struct masa_error *err);
/* Stops body_id serving partnership_id; MASA_ERR_NOT_FOUND if it did not. */
enum masa_err gov_body_serve_stop(struct gov *g, int64_t body_id,
                                  int64_t partnership_id,
                                  struct masa_error *err);
/* The partnerships body_id serves beyond its own, by key; in a. */
enum masa_err gov_body_served(struct gov *g, int64_t body_id, struct arena *a,
                              struct gov_partnership **out, size_t *n,
                              struct masa_error *err);
/*
 * Every body serving a partnership other than its own, by the partnership
 * served and then the body (what a server keeps in memory); in a.
 */
enum masa_err gov_body_servings(struct gov *g, struct arena *a,
                                struct gov_body_serving **out, size_t *n,
                                struct masa_error *err);

/* Reads a quorum fraction "a/b" (1 <= a <= b <= 100); false if malformed. */
bool gov_quorum_fraction_parse(const char *s, int *num, int *den);
/* The quorum rule in words ("at least 6 voting members and ..."), in a. */
char *gov_body_quorum_text(struct arena *a, const struct gov_body *b);

enum masa_err gov_membership_create(struct gov *g, struct gov_membership *m,
                                    struct masa_error *err);
enum masa_err gov_membership_update(struct gov *g,
                                    const struct gov_membership *m,
                                    struct masa_error *err);
enum masa_err gov_membership_get(struct gov *g, int64_t id, struct arena *a,
                                 struct gov_membership *out,
                                 struct masa_error *err);
/* Every membership of the partnership's bodies, in the order created. */
enum masa_err gov_membership_list(struct gov *g, int64_t partnership_id,
                                  struct arena *a, struct gov_membership **out,
                                  size_t *n, struct masa_error *err);
/*
 * Who sat on body_id on date (YYYY-MM-DD), chair first, then by role and
 * name; or every membership ever when date is NULL.
 */
enum masa_err gov_members_on(struct gov *g, int64_t body_id, const char *date,
                             struct arena *a, struct gov_member **out,
                             size_t *n, struct masa_error *err);

/*
 * Ends membership id on date (its last day), keeping it: history stays.
 * MASA_ERR_INVALID when date is before it started, MASA_ERR_CONFLICT when
 * it has ended by then already; messages name the field ("End date: ...").
 */
enum masa_err gov_membership_end(struct gov *g, int64_t membership_id,
                                 const char *date, struct masa_error *err);
/*
 * The person of membership id takes role from date: the membership ends
 * the day before and one in role starts on date, in one transaction.
 */
enum masa_err gov_membership_change_role(struct gov *g, int64_t membership_id,
                                         const char *role, const char *date,
                                         struct masa_error *err);

/* A change of chair: who takes the chair of which body, from when. */
struct gov_chair_change {
	int64_t body_id;
	int64_t person_id;       /* the new chair */
	int64_t organisation_id; /* whom they represent, or 0 */
	char *label;             /* the role as printed, or NULL */
	char *date;              /* their first day as chair */
	/* what the chair before becomes from date ("member"), or NULL when
	 * they leave the body */
	char *previous_role;
};
/* What a person gives for a change of chair: its form and options. */
extern const struct record_kind gov_chair_change_record;

/*
 * In one transaction: the chair on c->date (if any) stops being chair the
 * day before (and stays on as c->previous_role, or leaves), the new chair's
 * other running membership of the body ends the day before, and their
 * chair's membership starts on c->date. MASA_ERR_INVALID, nothing stored,
 * when the date is not after the current chair started, the new chair is
 * the chair already, or a reference is not in the partnership.
 */
enum masa_err gov_chair_change(struct gov *g, const struct gov_chair_change *c,
                               struct masa_error *err);
/*
 * Closes body id: its dissolution date becomes date and its running
 * memberships end on it, in one transaction. Refused (nothing stored) when
 * it is closed already, date is before it was founded, a membership or
 * meeting comes after date.
 */
enum masa_err gov_body_close(struct gov *g, int64_t body_id, const char *date,
                             struct masa_error *err);

#endif
