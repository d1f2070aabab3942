/*
 * action_query: the queries behind masa's action pages: a body's action log
 * as at a date with filters (status, owner, organisation, overdue), each row
 * with its owners then and its last update, in a bounded number of queries
 * however long the log; the open and overdue counts of every body; the
 * meetings an action's updates were made at. The board's printed log
 * (gov_action_log_as_at) is read by gov_log_query too, so that it and these
 * pages show the same actions, statuses and owners as at a date (the rules
 * are gov/action_rules.h's).
 */
#ifndef MASA_GOV_ACTION_QUERY_H
#define MASA_GOV_ACTION_QUERY_H

#include "gov/action.h"
#include "gov/access.h"
#include "gov/gov.h"

/* Which actions a log shows. */
enum gov_log_show {
	GOV_LOG_BOARD,    /* as the board's appendix: raised or finished on
	                     the date, and those still on-going */
	GOV_LOG_OPEN,     /* not finished on the date */
	GOV_LOG_FINISHED, /* finished on or before the date */
	GOV_LOG_ALL,      /* everything raised on or before the date */
};

/* Where a row falls in the log, in the appendix's order. */
enum gov_log_part {
	GOV_LOG_RAISED,          /* raised on the date */
	GOV_LOG_FINISHED_ON,     /* raised earlier, finished on the date */
	GOV_LOG_ONGOING,         /* raised earlier, not finished */
	GOV_LOG_FINISHED_BEFORE, /* finished before the date */
};

struct gov_log_filter {
	int64_t body_id;
	const char *on; /* the log's date, YYYY-MM-DD (required) */
	enum gov_log_show show;
	int64_t person_id;       /* owned by this person on the date, or 0 */
	int64_t organisation_id; /* by it or one of its people, or 0 */
	bool overdue_only;
	size_t offset, limit; /* the page of rows wanted; limit 0: all */
};

struct gov_log_row {
	/* owners on the date; on the page asked for, with history and the
	 * updates up to the date, as gov_action_log_as_at gives them */
	struct gov_action_entry e;
	enum gov_log_part part;
	/* the latest update on or before the date, or all NULL */
	char *last_update_on, *last_update_text, *last_update_status;
};

/*
 * The rows of f's log that viewer may see (GOV_SQL_SEES_ACTION), in the
 * appendix's order: by part, the on-going part by number (as the log
 * numbers them), the others by raising date and number; *total counts them
 * all, *out holds the page f->offset, f->limit. Everything is in a.
 */
enum masa_err gov_log_query(struct gov *g, const struct gov_viewer *viewer,
                            const struct gov_log_filter *f, struct arena *a,
                            struct gov_log_row **out, size_t *n, size_t *total,
                            struct masa_error *err);

/* A body and its actions on a date. */
struct gov_body_action_count {
	int64_t body_id;
	char *short_name;
	char *name;
	int open, overdue, all;
};
/*
 * Every body of v's partnership in the order created, with the counts on
 * `on` of its actions that v may see (status and overdue then).
 */
enum masa_err gov_action_counts_by_body(struct gov *g,
                                        const struct gov_viewer *v,
                                        const char *on, struct arena *a,
                                        struct gov_body_action_count **out,
                                        size_t *n, struct masa_error *err);

/*
 * The keys of the meetings action_id's updates were made at: *keys[i] is
 * the key for updates[i] (or NULL), for the n updates given (as read by
 * gov_action_updates or gov_action_entry_read). In a.
 */
enum masa_err gov_action_update_meetings(struct gov *g, int64_t action_id,
                                         const struct gov_action_update *u,
                                         size_t n, struct arena *a,
                                         char ***keys, struct masa_error *err);

/* A person or organisation to choose in a filter. */
struct gov_key_name {
	int64_t id;
	char *key;
	char *name;
};
/*
 * Who has ever owned the actions of body_id that v may see: the people,
 * and the organisations (owners themselves or the owners' employers), each
 * by name. In a.
 */
enum masa_err gov_log_owner_choices(struct gov *g, const struct gov_viewer *v,
                                    int64_t body_id, struct arena *a,
                                    struct gov_key_name **people,
                                    size_t *npeople,
                                    struct gov_key_name **organisations,
                                    size_t *norganisations,
                                    struct masa_error *err);

#endif
