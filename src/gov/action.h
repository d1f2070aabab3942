/*
 * action: a body's action log. An action is raised at a meeting (under one of
 * its items) or standing alone, numbered within the meeting that raised it,
 * with a reference that never changes ("RLSCB/2014-12-04/3"), one or more
 * owners (people, organisations, or all members of the body), a due date (or
 * "by the next meeting") and a status. Every update is a dated entry in its
 * history that may set a status and change owners; reassignment keeps the
 * old owner in the history. When a meeting of the body is held, every action
 * still open is carried forward and its history says so.
 */
#ifndef MASA_GOV_ACTION_H
#define MASA_GOV_ACTION_H

#include "gov/access.h"
#include "gov/action_rules.h"
#include "gov/gov.h"

/*
 * Who may see an action is decided here, in each query that can return
 * one: every listing and lookup below takes the viewer as a required
 * argument and leaves out (or, looked up by reference, says NOT_FOUND
 * for, as for one that does not exist) an action raised under a part-two
 * item that the viewer may not see (GOV_SQL_SEES_ACTION in gov/access.h).
 * The command line passes gov_viewer_system().
 */
struct gov_viewer;

struct gov_action {
	int64_t id;
	int64_t partnership_id; /* the body's; set by raise */
	int64_t body_id;
	int64_t meeting_id; /* raised at, or 0 standing alone */
	int64_t item_id;    /* raised under, or 0 */
	int64_t number;     /* 0 at raise: the next free number */
	char *key;          /* NULL at raise: MEETING/N or SHORT/AN */
	char *raised_on;    /* NULL at raise with a meeting: its date */
	char *details;
	char *due_date;         /* or NULL */
	int64_t due_meeting_id; /* "by the next meeting", or 0 */
	char *status;    /* open, in_progress, discharged, closed, superseded */
	char *closed_on; /* the day a finished status was set; NULL if open */
	/* 1 when raised, one more at every change: each update added to it,
	 * a change of status, owners or due date (see gov_action_update) */
	int64_t version;
};

/* An owner: exactly one of the three. */
struct gov_owner_ref {
	int64_t person_id;
	int64_t organisation_id;
	bool all_members;
};

struct gov_action_update {
	int64_t id;
	int64_t action_id;
	char *on_date;      /* NULL with a meeting: its date */
	int64_t meeting_id; /* or 0 */
	char *kind;         /* update (default), carried_forward */
	char *text;         /* or NULL */
	char *status;       /* the status it sets, or NULL */
	/*
	 * Not stored with the update: the version of the action the editor
	 * saw (gov_action_update refuses the update when the action has
	 * changed since), or 0 not to check, for the command line and masa's
	 * own changes (carrying forward, loads, imports).
	 */
	int64_t action_version;
};

/* An owner over time, for history and reports. */
struct gov_action_owner {
	int64_t id;
	int64_t action_id;
	int64_t person_id;
	int64_t organisation_id;
	bool all_members;
	int64_t added_by;   /* update id, or 0: when raised */
	int64_t removed_by; /* update id, or 0: still an owner */
	char *name;     /* person's or organisation's name, or "All members" */
	char *key;      /* person's or organisation's key, or NULL */
	char *added_on; /* date of added_by's update, or NULL */
	char *removed_on; /* date of removed_by's update, or NULL */
};

extern const char *const gov_action_statuses[];

/*
 * Raises act (status open) with owners (at least one). Sets act->id and,
 * when they were not given, its number, key ("RLSCB/2014-12-04/3"),
 * raised_on (the meeting's date) and partnership_id; text it makes is owned
 * by a. Refuses an item of another meeting, a meeting of another body, a due
 * date before the day it was raised, owners outside the partnership,
 * duplicate owners.
 */
enum masa_err gov_action_raise(struct gov *g, struct gov_action *act,
                               const struct gov_owner_ref *owners,
                               size_t nowners, struct arena *a,
                               struct masa_error *err);
/*
 * Adds an update to action u->action_id and sets u->id. A NULL u->on_date
 * means the date of u->meeting_id; a NULL u->kind means "update" (u is
 * left as given apart from its id). Applies its status
 * and owner changes, and adds one to the action's version. Refuses a date
 * before the previous update or the day it was raised, a date after today
 * (an update records what has happened), setting a finished
 * status it already has ("discharged twice"), removing someone who is not
 * an owner, adding one who is, or leaving no owner. MASA_ERR_CONFLICT when
 * u->action_version is not 0 and the action has another version: someone
 * changed it since the editor read it, and nothing is stored.
 */
enum masa_err gov_action_update(struct gov *g, struct gov_action_update *u,
                                const struct gov_owner_ref *added,
                                size_t nadded,
                                const struct gov_owner_ref *removed,
                                size_t nremoved, struct masa_error *err);
/* Action id, if v may see it (NOT_FOUND otherwise); in a. */
enum masa_err gov_action_get(struct gov *g, const struct gov_viewer *v,
                             int64_t id, struct arena *a,
                             struct gov_action *out, struct masa_error *err);
/*
 * By reference ("RLSCB/2014-12-04/3") within v's partnership, if v may see
 * it: NOT_FOUND, as for a reference nobody used, otherwise. In a.
 */
enum masa_err gov_action_find(struct gov *g, const struct gov_viewer *v,
                              const char *key, struct arena *a,
                              struct gov_action *out, struct masa_error *err);
/* Every action of the partnership in the order raised (for dump). */
enum masa_err gov_action_list_all(struct gov *g, int64_t partnership_id,
                                  struct arena *a, struct gov_action **out,
                                  size_t *n, struct masa_error *err);
/* An action's history, oldest first. */
enum masa_err gov_action_updates(struct gov *g, int64_t action_id,
                                 struct arena *a,
                                 struct gov_action_update **out, size_t *n,
                                 struct masa_error *err);
/* Every owner an action has had, in the order added, with names. */
enum masa_err gov_action_owners(struct gov *g, int64_t action_id,
                                struct arena *a, struct gov_action_owner **out,
                                size_t *n, struct masa_error *err);
/* The date an action is due: its due date or its due meeting's, or NULL. */
enum masa_err gov_action_due(struct gov *g, const struct gov_action *act,
                             struct arena *a, char **out,
                             struct masa_error *err);

/*
 * Carries forward every action of the meeting's body that is still open at
 * it (raised before it, not finished, nothing recorded at it yet): one
 * "carried_forward" update each, dated the meeting's date. *count (may be
 * NULL) says how many. Called when a meeting is recorded as held.
 */
enum masa_err gov_action_carry_forward(struct gov *g, int64_t meeting_id,
                                       size_t *count, struct masa_error *err);

/* One action in a report: the action, its owners and history as at a date. */
struct gov_action_entry {
	struct gov_action action;
	char *meeting_key;  /* raising meeting, or NULL */
	char *due;          /* due date (own or due meeting's), or NULL */
	char *status_as_at; /* status on the report's date */
	char *body_short_name;
	char *item_number; /* the item it was raised under, or NULL */
	/* the item's title, or NULL when the viewer may not see the item
	 * (an owner of an action raised in part two they do not attend) */
	char *item_title;
	bool confidential;               /* raised under a part-two item */
	struct gov_action_owner *owners; /* owners on the report's date */
	size_t nowners;
	/* every owner it has had (for the changes updates made), or NULL in
	 * the open-action lists, which carry no history */
	struct gov_action_owner *history;
	size_t nhistory;
	struct gov_action_update *updates; /* up to the report's date */
	size_t nupdates;
	long days_overdue; /* on the report's date: gov_action_days_overdue */
};

/*
 * One action as at date (or, when date is NULL, as it stands now, with its
 * whole history and days overdue today), with owners and history, if v may
 * see it (NOT_FOUND otherwise); in a.
 */
enum masa_err gov_action_entry_read(struct gov *g, const struct gov_viewer *v,
                                    int64_t action_id, const char *date,
                                    struct arena *a,
                                    struct gov_action_entry *out,
                                    struct masa_error *err);

/*
 * For action_query.c, which reads entries with the same statement: an
 * action's columns, then the entry's (gov_action_entry_row reads the first
 * GOV_ACTION_ENTRY_COLUMNS of a row), over action a, its body b, raising
 * meeting m, due meeting dm and item it; status_on is the SQL of its status
 * then, more any further columns (", x AS y" or ""). The statement binds
 * the viewer (gov_viewer_bind): an item's title is read only where the
 * viewer sees the item.
 */
#define GOV_ACTION_COLUMNS                                             \
	"a.id, a.partnership_id, a.body_id, a.meeting_id, a.item_id, " \
	"a.number, a.key, a.raised_on, a.details, a.due_date, "        \
	"a.due_meeting_id, a.status, a.closed_on, a.version"
/* clang-format off */
#define GOV_ACTION_ENTRY_SELECT(status_on, more)                             \
	"SELECT " GOV_ACTION_COLUMNS ", m.key AS meeting_key, "              \
	GOV_SQL_ACTION_DUE("a", "dm") " AS due, " status_on " AS status_on, " \
	"b.short_name, it.number AS item_number, CASE WHEN "                 \
	GOV_SQL_SEES_ITEM("it", "m") " THEN it.title END AS item_title, "    \
	"COALESCE(it.confidential, 0) AS confidential" more " FROM action a " \
	"JOIN body b ON b.id = a.body_id "                                   \
	"LEFT JOIN meeting m ON m.id = a.meeting_id "                        \
	"LEFT JOIN meeting dm ON dm.id = a.due_meeting_id "                  \
	"LEFT JOIN item it ON it.id = a.item_id "
/* clang-format on */
enum { GOV_ACTION_ENTRY_COLUMNS = 21 };
struct store_stmt;
void gov_action_entry_row(struct store_stmt *st, struct arena *a,
                          struct gov_action_entry *out);

/*
 * Gives each of the n entries e[i] (in any order) its whole owner history,
 * its owners on date (gov_action_owner_on) and its updates up to date, in
 * two queries for each 64 entries. In a. For the listings here and in
 * action_query.c.
 */
enum masa_err gov_action_entries_history(struct gov *g,
                                         struct gov_action_entry *const *e,
                                         size_t n, const char *date,
                                         struct arena *a,
                                         struct masa_error *err);

/*
 * The action log of body_id as at date that v may see, in three parts, as
 * the board's appendix prints it: actions raised at the body's meeting on
 * that date; actions raised earlier and finished on that date; actions
 * raised earlier and still on-going. The first two parts are ordered by
 * raising date and number, the on-going part by number (as the log numbers
 * them). Each entry has its whole history and its updates up to date. The
 * rows are gov_log_query's (GOV_LOG_BOARD), as the log pages show them.
 * Everything is in a.
 */
struct gov_action_log {
	char *meeting_key; /* the body's meeting on date, or NULL */
	struct gov_action_entry *raised, *finished, *ongoing;
	size_t nraised, nfinished, nongoing;
};
enum masa_err gov_action_log_as_at(struct gov *g, const struct gov_viewer *v,
                                   int64_t body_id, const char *date,
                                   struct arena *a, struct gov_action_log *out,
                                   struct masa_error *err);

/*
 * The actions raised at meeting_id that v may see, by number, as they
 * stand now: each with its status, due date and current owners (history
 * and updates are left empty). Two queries however many there are;
 * everything is in a.
 */
enum masa_err gov_action_list_meeting(struct gov *g, const struct gov_viewer *v,
                                      int64_t meeting_id, struct arena *a,
                                      struct gov_action_entry **out, size_t *n,
                                      struct masa_error *err);

/* Filters for open-action reports; 0 and NULL mean any. */
struct gov_action_filter {
	int64_t body_id;
	int64_t person_id;       /* owned by this person (directly) */
	int64_t organisation_id; /* owned by it, or by one of its people */
	const char *on;          /* the report's date (required) */
	bool overdue_only;
	/* with person_id: also actions owned by "all members" of a body the
	 * person sits on that day */
	bool include_all_members;
};

/*
 * Actions of v's partnership that v may see, not finished on f->on,
 * matching f, with their status and owners on that date, most overdue
 * first, then by due date and reference (those with no due date last).
 */
enum masa_err gov_action_open_list(struct gov *g, const struct gov_viewer *v,
                                   const struct gov_action_filter *f,
                                   struct arena *a,
                                   struct gov_action_entry **out, size_t *n,
                                   struct masa_error *err);

/* Per organisation: open and overdue actions and the median days overdue. */
struct gov_action_org_count {
	int64_t organisation_id;
	char *organisation_key;
	char *organisation_name;
	int open;
	int overdue;
	double median_days_overdue; /* of its overdue actions; 0 if none */
};
/*
 * The organisations owning (themselves or through their people) actions
 * of v's partnership that v may see and that are open on `on`, by id, with
 * their counts then. In a.
 */
enum masa_err
gov_action_counts_by_organisation(struct gov *g, const struct gov_viewer *v,
                                  const char *on, struct arena *a,
                                  struct gov_action_org_count **out, size_t *n,
                                  struct masa_error *err);

/* What gov_action_query selects; 0 and NULL mean any. */
struct gov_action_query {
	int64_t body_id;
	const char *status;      /* its status on as_at */
	int64_t person_id;       /* owned by this person on as_at */
	int64_t organisation_id; /* owned by it or one of its people then */
	bool overdue_only;       /* due before as_at and not finished then */
	const char *as_at;       /* the date (required): actions raised by
	                            then, with status and owners then */
	size_t limit;            /* at most this many */
	int64_t after_id;        /* with ids above this one (0: from the
	                            start), for pages that follow each other */
};

/*
 * The actions of v's partnership that v may see and q selects, in the
 * order they were
 * recorded (by id), a page of them: each with its status, owners and updates as
 * at q->as_at and its days overdue then. Everything is in a. For listings
 * such as the JSON API's, which need every status, not only open ones.
 */
enum masa_err gov_action_query(struct gov *g, const struct gov_viewer *v,
                               const struct gov_action_query *q,
                               struct arena *a, struct gov_action_entry **out,
                               size_t *n, struct masa_error *err);

/*
 * Sets action_id's due date to due (YYYY-MM-DD, not before it was raised;
 * it replaces a due meeting) and records the change in its history as an
 * update dated on, with text why (or, when blank, words saying what
 * changed), in one transaction. Refuses an `on` after today, as
 * gov_action_update does. MASA_ERR_CONFLICT when it is due then
 * already, or when version (the action's version the editor saw; 0 not to
 * check) is not the stored one.
 */
enum masa_err gov_action_set_due(struct gov *g, int64_t action_id,
                                 int64_t version, const char *due,
                                 const char *on, const char *why,
                                 struct masa_error *err);

#endif
