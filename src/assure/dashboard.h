/*
 * dashboard: the figures of the assurance pillar for a period, across one
 * partnership or a region (every partnership a child death overview panel
 * serves): child deaths by category, modifiable factors, theme, age band,
 * expected or not, year and partnership; the timeliness of notifications,
 * rapid reviews and practice reviews' publication; open recommendations by
 * owner and age.
 *
 * Who sees exact figures is decided here, never in a page: a viewer who may
 * see every case the figures count (GOV_SQL_SEES_CHILD_DEATH for child
 * deaths, GOV_SQL_SEES_CASE for incidents and practice reviews: the panel's
 * or the holding body's members, the chair, the admin, masa itself) gets
 * the counts; anyone else gets each count from 1 to 5 as "fewer than 6"
 * (assure_suppressed), and, so that a total cannot give it back, the next
 * smallest cells of the same set withheld too (dashboard_protect). The
 * numbers of suppressed cells are wiped before the dashboard leaves this
 * module: a page cannot show what it does not have.
 */
#ifndef MASA_ASSURE_DASHBOARD_H
#define MASA_ASSURE_DASHBOARD_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/error.h"
#include "core/mem.h"
#include "gov/access.h"
#include "gov/gov.h"

/* How a count is shown to the viewer. */
enum dashboard_shown {
	DASHBOARD_SHOWN,    /* the number */
	DASHBOARD_FEWER,    /* 1 to 5: "fewer than 6" */
	DASHBOARD_WITHHELD, /* withheld so that a total cannot give back a
	                       "fewer than 6": "not shown" */
};

struct dashboard_cell {
	const char *key;   /* "category-10", "rotherham", "on-time" */
	const char *label; /* "Sudden unexpected, unexplained death" */
	long count;        /* -1 unless shown is DASHBOARD_SHOWN */
	enum dashboard_shown shown;
	/* A sum (a longer period, a region): how many of the figures it adds
	 * up are hidden where they are shown on their own. */
	int hidden_parts;
};

enum dashboard_chart {
	DASHBOARD_BARS,    /* horizontal bars, one per cell */
	DASHBOARD_COLUMNS, /* columns in order (a trend by year) */
};

/* One breakdown: a chart with its table. */
struct dashboard_set {
	const char *key;     /* "category" */
	const char *title;   /* "Child deaths by category" */
	const char *heading; /* the label column's heading: "Category" */
	const char *unit;    /* what is counted: "deaths" */
	enum dashboard_chart chart;
	struct dashboard_cell *cells;
	size_t n;
	/*
	 * The cells add up to total (each case in one cell): then the total
	 * is shown, and secondary suppression applies. Sets that are not
	 * partitions (themes, factor domains: a case in several) show none.
	 */
	bool partition;
	struct dashboard_cell total;
	/* A median in working days (timeliness), over median_of cases. */
	bool has_median;
	long median; /* -1 unless median_shown is DASHBOARD_SHOWN */
	enum dashboard_shown median_shown;
	const char *median_label;
};

struct dashboard {
	const char *kind; /* "child-deaths" or "reviews" */
	const char *from; /* the period, YYYY-MM-DD */
	const char *to;
	const char *today; /* open recommendations' ages are as at today */
	bool region;       /* every partnership the panel serves */
	const char *panel; /* the panel's short name (region), or NULL */
	const char *scope; /* "Rotherham" or "the region of SYCDOP..." */
	bool exact;        /* the viewer sees the counts */
	struct dashboard_set *sets;
	size_t nsets;
};

/* What to count. */
struct dashboard_query {
	int64_t partnership_id; /* the partnership being looked at */
	const char *from;       /* NULL: the last complete April to March */
	const char *to;
	const char *today; /* NULL: today */
	bool region;
	const char *panel; /* the region's panel by short name; NULL: the
	                      panel serving the most partnerships */
};

/* The last complete year from April to March before today. */
void dashboard_default_period(date_days today, char from[DATE_TEXT_SIZE],
                              char to[DATE_TEXT_SIZE]);

/* A panel a partnership's dashboards may show the region of. */
struct dashboard_panel {
	int64_t id;
	int64_t partnership_id;
	const char *short_name;
	const char *name;
	long partnerships; /* it serves, its own included */
};
/* The child death overview panels of partnership_id or serving it: the
 * bodies of kind panel that serve several partnerships or hold child
 * deaths (not a practice review panel), the widest first. */
enum masa_err dashboard_panels(struct gov *g, int64_t partnership_id,
                               struct arena *a, struct dashboard_panel **out,
                               size_t *n, struct masa_error *err);

/*
 * The child deaths dashboard (died_on in the period; the trend by year
 * over the ten years from April to March up to the period's end), as v may
 * see it. MASA_ERR_INVALID naming the field for dates out of order or a
 * region without a panel; MASA_ERR_NOT_FOUND for an unknown panel.
 */
enum masa_err dashboard_child_deaths(struct gov *g, const struct gov_viewer *v,
                                     const struct dashboard_query *q,
                                     struct arena *a, struct dashboard *out,
                                     struct masa_error *err);

/*
 * The reviews dashboard: notifications and rapid reviews of incidents the
 * local authority became aware of in the period, publication of practice
 * reviews decided in it (within six months: publication_due_on, or six
 * months after the decision), and the recommendations open today.
 */
enum masa_err dashboard_reviews(struct gov *g, const struct gov_viewer *v,
                                const struct dashboard_query *q,
                                struct arena *a, struct dashboard *out,
                                struct masa_error *err);

/*
 * Suppression of one set for a viewer who may not see exact counts
 * (suppress): each count from 1 to 5 becomes DASHBOARD_FEWER; then, in a
 * partition with any suppressed, the smallest other non-zero cells are
 * withheld until at least two are hidden and they hold at least 6 between
 * them (so the total minus the shown cells, which a reader can work out,
 * never gives one cell back: a reader knows a "fewer than 6" is 1 to 5
 * and a withheld cell 6 or more and at most the smallest shown, and no
 * hidden cell may be worked out from that); when every non-zero cell is
 * hidden and one still could be, the total is withheld too. Counts of hidden
 * cells are set to -1. The median goes with the total: hidden when fewer than 6
 * cases made it.
 */
void dashboard_protect(struct dashboard_set *s, bool suppress, long median_of);

/*
 * dashboard_protect for every set of d (unless d->exact), median_of[i]
 * the cases of set i's median (or NULL); then, where a set's total had to
 * be withheld, the totals of the sets counting the same cases (same unit
 * and total) too, with the largest cell of any set that hid none.
 */
void dashboard_protect_sets(struct dashboard *d, const long *median_of);

/* The cell as the viewer may see it: "12", "fewer than 6", "not shown". */
const char *dashboard_cell_text(const struct dashboard_cell *c, char *out,
                                size_t size);

/* The median of set s as the viewer may see it (as dashboard_cell_text). */
const char *dashboard_median_text(const struct dashboard_set *s, char *out,
                                  size_t size);

/*
 * The dashboard as JSON: {"period": {...}, "scope": ..., "exact": ...,
 * "sets": [{"key", "title", "cells": [{"key", "label", "count"} or
 * {"key", "label", "suppressed": true, "reason": "fewer than 6" or
 * "withheld"}], "total": ..., "median_working_days": ...}]}. New reference.
 */
json_t *dashboard_json(const struct dashboard *d);

/*
 * Every row of every table, for CSV: the heading row, then (set, set
 * title, key, label, figure as dashboard_cell_text writes it) per cell,
 * total and median. row is called with 5 cells each time.
 */
void dashboard_rows(const struct dashboard *d,
                    void (*row)(void *arg, const char *const *cells, size_t n),
                    void *arg);

/* The name of category 1-10 of the national analysis form, or NULL. */
const char *dashboard_category_name(int category);

#endif
