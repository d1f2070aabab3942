/*
 * programme: a body's work programme (what it plans to take, at which
 * meeting or in which month, and where each entry came from), the matters
 * arising for a meeting (its body's open actions and the previous meeting's
 * deferred items) and a proposed agenda built from them.
 */
#ifndef MASA_GOV_PROGRAMME_H
#define MASA_GOV_PROGRAMME_H

#include "gov/access.h"
#include "gov/action.h"
#include "gov/gov.h"
#include "gov/item.h"

struct gov_programme_entry {
	int64_t id;
	int64_t body_id;
	char *title;
	int64_t meeting_id; /* planned for this meeting, or 0 */
	char *month;        /* YYYY-MM when no meeting is fixed, or NULL */
	char *source; /* resolution, deferral, subgroup_report, standing_item,
	                 other */
	int64_t resolution_id; /* the resolution it comes from, or 0 */
	int64_t item_id;       /* the (deferred) item it comes from, or 0 */
	char *status;          /* planned, on_agenda, deferred, done */
	char *notes;
};

extern const char *const gov_programme_sources[];
extern const char *const gov_programme_statuses[];

/*
 * Creates e. Needs a meeting (of the body) or a month, except for a standing
 * item; a resolution or item it comes from must be in the partnership.
 */
enum masa_err gov_programme_create(struct gov *g, struct gov_programme_entry *e,
                                   struct masa_error *err);
enum masa_err gov_programme_update(struct gov *g,
                                   const struct gov_programme_entry *e,
                                   struct masa_error *err);
/*
 * The entry, the listings and the matters arising below give only what v
 * may see: an entry made from a resolution or an item that v may not see
 * (part two, or minutes v may not read yet) is not there
 * (MASA_ERR_NOT_FOUND for gov_programme_get), nor is such an action or
 * deferred item among the matters arising.
 */
enum masa_err gov_programme_get(struct gov *g, const struct gov_viewer *v,
                                int64_t id, struct arena *a,
                                struct gov_programme_entry *out,
                                struct masa_error *err);
/* Every entry of the partnership's bodies, in the order created (dump). */
enum masa_err gov_programme_list_all(struct gov *g, int64_t partnership_id,
                                     struct arena *a,
                                     struct gov_programme_entry **out,
                                     size_t *n, struct masa_error *err);
/*
 * A body's programme from `from` (a date; NULL: all), by meeting date or
 * month, standing items first.
 */
enum masa_err gov_programme_list(struct gov *g, const struct gov_viewer *v,
                                 int64_t body_id, const char *from,
                                 struct arena *a,
                                 struct gov_programme_entry **out, size_t *n,
                                 struct masa_error *err);
/*
 * An entry from resolution_id, due `months` (1-120) after its meeting's date
 * (the month it falls in: 6 months after 2019-07-09 is 2020-01), for the body
 * of that meeting, source "resolution", status "planned"; title is the
 * entry's title, or NULL for "Update: " and the resolution's text. Refuses a
 * second entry from the same resolution for the same month. *out is the
 * entry as created (with its id); its text is in a.
 */
enum masa_err gov_programme_from_resolution(struct gov *g,
                                            int64_t resolution_id, int months,
                                            const char *title, struct arena *a,
                                            struct gov_programme_entry *out,
                                            struct masa_error *err);

/*
 * Where e comes from, in words: "resolution (3) of ILSC/2019-07-09 item 16",
 * "deferred from ILSC/2019-07-09 item 17", "ILSC/2019-07-09 item 18"; *out
 * is NULL when it names no resolution or item. In a.
 */
enum masa_err gov_programme_origin(struct gov *g,
                                   const struct gov_programme_entry *e,
                                   struct arena *a, char **out,
                                   struct masa_error *err);

/*
 * Matters arising for a meeting: the actions of its body raised before it
 * and open when it began (those still not finished on its date, and those
 * finished at it), by raising date and number, with owners and history as at
 * its date; and the items of the body's previous meeting (the latest before
 * it that was not cancelled) deferred to it or to no meeting. In a.
 */
struct gov_matters_arising {
	struct gov_action_entry *actions; /* the body's open actions at it */
	size_t nactions;
	struct gov_item
	        *deferred; /* deferred items of the body's previous meeting */
	size_t ndeferred;
	char *previous_meeting_key; /* or NULL */
};
enum masa_err gov_matters_arising(struct gov *g, const struct gov_viewer *v,
                                  int64_t meeting_id, struct arena *a,
                                  struct gov_matters_arising *out,
                                  struct masa_error *err);

/* A proposed agenda item. */
struct gov_agenda_proposal {
	char *number; /* "1", "2"... */
	char *title;
	char *why; /* "standing item", "work programme (resolution of ...)",
	              "deferred from ...", "matters arising: 4 open actions" */
	int64_t programme_entry_id; /* or 0 */
};
/*
 * Proposes the agenda of meeting_id: welcome and apologies, declarations,
 * minutes of the previous meeting and matters arising, the body's standing
 * items, the programme entries for that meeting or its month, items deferred
 * to it, any other business, date of the next meeting.
 */
enum masa_err gov_agenda_draft(struct gov *g, const struct gov_viewer *v,
                               int64_t meeting_id, struct arena *a,
                               struct gov_agenda_proposal **out, size_t *n,
                               struct masa_error *err);

#endif
