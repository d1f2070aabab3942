/*
 * dashboard: the child deaths and reviews dashboards (dashboard.h). The
 * cases in scope are read once each and counted here; the viewer's right
 * to exact figures is asked of the store with the rules of access.h.
 */
#include "assure/dashboard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assure/assure.h"
#include "core/workdays.h"
#include "gov/partnership.h"
#include "store/store.h"

enum { MAX_TREND_YEARS = 30, MAX_SETS = 8 };

static const char *const category_names[] = {
        "Deliberately inflicted injury, abuse or neglect",
        "Suicide or deliberate self-inflicted harm",
        "Trauma and other external factors, including medical or surgical "
        "complications or error",
        "Malignancy",
        "Acute medical or surgical condition",
        "Chronic medical condition",
        "Chromosomal, genetic and congenital anomalies",
        "Perinatal or neonatal event",
        "Infection",
        "Sudden unexpected, unexplained death",
};

const char *dashboard_category_name(int category)
{
	return category >= 1 && category <= 10 ? category_names[category - 1]
	                                       : NULL;
}

void dashboard_default_period(date_days today, char from[DATE_TEXT_SIZE],
                              char to[DATE_TEXT_SIZE])
{
	int y, m, d;

	date_to_ymd(today, &y, &m, &d);
	/* The year from April to March that ended before today's began. */
	if (m < 4)
		y--;
	date_format(date_from_ymd(y - 1, 4, 1), from);
	date_format(date_from_ymd(y, 3, 31), to);
}

/* The first of April starting the year (April to March) holding day. */
static int april_year(date_days day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return m < 4 ? y - 1 : y;
}

/* day plus months, the day of month kept or the month's last. */
static date_days add_months(date_days day, int months)
{
	int y, m, d, last;

	date_to_ymd(day, &y, &m, &d);
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	last = (int)(date_from_ymd(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1,
	                           1) -
	             date_from_ymd(y, m, 1));
	return date_from_ymd(y, m, d > last ? last : d);
}

/* ---- sets ---- */

struct set_spec {
	const char *key, *title, *heading, *unit;
	enum dashboard_chart chart;
	bool partition;
	size_t max; /* cells */
};

static struct dashboard_set *set_new(struct arena *a, struct dashboard *d,
                                     const struct set_spec *sp)
{
	struct dashboard_set *s = &d->sets[d->nsets++];

	*s = (struct dashboard_set){
	        .key = sp->key,
	        .title = sp->title,
	        .heading = sp->heading,
	        .unit = sp->unit,
	        .chart = sp->chart,
	        .partition = sp->partition,
	        .total = {.key = "total", .label = "Total"}};
	s->cells = arena_alloc(a, (sp->max ? sp->max : 1) * sizeof *s->cells);
	return s;
}

static struct dashboard_cell *cell_add(struct dashboard_set *s, const char *key,
                                       const char *label)
{
	struct dashboard_cell *c = &s->cells[s->n++];

	*c = (struct dashboard_cell){.key = key, .label = label};
	return c;
}

static struct dashboard_cell *cell_find(struct dashboard_set *s,
                                        const char *key)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->cells[i].key, key) == 0)
			return &s->cells[i];
	return NULL;
}

/* Counts one case into the cell key of s. */
static void count_in(struct dashboard_set *s, const char *key)
{
	struct dashboard_cell *c = cell_find(s, key);

	if (c != NULL)
		c->count++;
}

static void set_totals(struct dashboard_set *s)
{
	s->total.count = 0;
	for (size_t i = 0; i < s->n; i++)
		s->total.count += s->cells[i].count;
}

static bool hidden(const struct dashboard_cell *c)
{
	return c->shown != DASHBOARD_SHOWN;
}

/*
 * Whether a reader could work out a hidden cell of partition s from the
 * rest: the hidden cells hold the total less the shown ones; a "fewer than
 * 6" cell is 1 to 5; a withheld one is 6 or more (smaller ones are "fewer
 * than 6") and at most the smallest non-zero cell shown (withheld cells are
 * the smallest). With those bounds, the values a cell can take are a range
 * (one equation, box bounds): known when the range is one value.
 */
static bool some_cell_known(const struct dashboard_set *s)
{
	long sum = 0, cap = 0, sum_lo = 0, sum_hi = 0;

	for (size_t i = 0; i < s->n; i++)
		if (s->cells[i].shown == DASHBOARD_SHOWN)
			cap = s->cells[i].count > 0 && (cap == 0 ||
			                                s->cells[i].count < cap)
			              ? s->cells[i].count
			              : cap;
		else
			sum += s->cells[i].count;
	if (cap == 0 || cap > sum)
		cap = sum;
	for (size_t i = 0; i < s->n; i++)
		if (s->cells[i].shown == DASHBOARD_FEWER) {
			sum_lo += 1;
			sum_hi += ASSURE_SUPPRESS_BELOW - 1;
		} else if (s->cells[i].shown == DASHBOARD_WITHHELD) {
			sum_lo += ASSURE_SUPPRESS_BELOW;
			sum_hi += cap;
		}
	for (size_t i = 0; i < s->n; i++) {
		bool fewer = s->cells[i].shown == DASHBOARD_FEWER;
		long lo0 = fewer ? 1 : ASSURE_SUPPRESS_BELOW;
		long hi0 = fewer ? ASSURE_SUPPRESS_BELOW - 1 : cap;
		long lo = sum - (sum_hi - hi0), hi = sum - (sum_lo - lo0);

		if (s->cells[i].shown == DASHBOARD_SHOWN)
			continue;
		if (lo < lo0)
			lo = lo0;
		if (hi > hi0)
			hi = hi0;
		if (lo >= hi)
			return true;
	}
	return false;
}

void dashboard_protect(struct dashboard_set *s, bool suppress, long median_of)
{
	size_t nhidden = 0;

	for (size_t i = 0; i < s->n; i++)
		s->cells[i].shown = DASHBOARD_SHOWN;
	s->total.shown = DASHBOARD_SHOWN;
	s->median_shown = DASHBOARD_SHOWN;
	if (!suppress)
		return;
	for (size_t i = 0; i < s->n; i++)
		if (assure_suppressed(s->cells[i].count)) {
			s->cells[i].shown = DASHBOARD_FEWER;
			nhidden++;
		}
	if (s->partition && assure_suppressed(s->total.count))
		s->total.shown = DASHBOARD_FEWER;
	/*
	 * The total less the cells shown is what the hidden cells hold
	 * between them: withhold the smallest shown ones until none of the
	 * hidden can be worked out (some_cell_known).
	 */
	while (s->partition && nhidden > 0 && !hidden(&s->total) &&
	       some_cell_known(s)) {
		struct dashboard_cell *next = NULL;

		for (size_t i = 0; i < s->n; i++)
			if (!hidden(&s->cells[i]) && s->cells[i].count > 0 &&
			    (next == NULL || s->cells[i].count < next->count))
				next = &s->cells[i];
		if (next == NULL) {
			s->total.shown = DASHBOARD_WITHHELD;
			break;
		}
		next->shown = DASHBOARD_WITHHELD;
		nhidden++;
	}
	if (s->has_median &&
	    (assure_suppressed(median_of) || hidden(&s->total)))
		s->median_shown = assure_suppressed(median_of)
		                          ? DASHBOARD_FEWER
		                          : DASHBOARD_WITHHELD;
	/* What is hidden is not carried further. */
	for (size_t i = 0; i < s->n; i++)
		if (hidden(&s->cells[i]))
			s->cells[i].count = -1;
	if (hidden(&s->total))
		s->total.count = -1;
	if (s->median_shown != DASHBOARD_SHOWN)
		s->median = -1;
}

const char *dashboard_cell_text(const struct dashboard_cell *c, char *out,
                                size_t size)
{
	switch (c->shown) {
	case DASHBOARD_SHOWN:
		return assure_count_text(c->count, false, out, size);
	case DASHBOARD_FEWER:
		/* Any count from 1 to 5 reads the same. */
		return assure_count_text(1, true, out, size);
	case DASHBOARD_WITHHELD:
		break;
	}
	snprintf(out, size, "not shown");
	return out;
}

const char *dashboard_median_text(const struct dashboard_set *s, char *out,
                                  size_t size)
{
	struct dashboard_cell m = {.count = s->median,
	                           .shown = s->median_shown};

	return dashboard_cell_text(&m, out, size);
}

/* ---- the scope ---- */

static const char SQL_PANELS[] =
        "SELECT b.id, b.partnership_id, b.short_name, b.name, 1 + (SELECT "
        "COUNT(*) FROM body_partnership x WHERE x.body_id = b.id) AS n "
        "FROM body b WHERE b.kind = 'panel' AND (b.partnership_id = ?1 OR "
        "EXISTS (SELECT 1 FROM body_partnership bp WHERE bp.body_id = b.id "
        "AND bp.partnership_id = ?1)) AND (EXISTS (SELECT 1 FROM "
        "body_partnership x WHERE x.body_id = b.id) OR EXISTS (SELECT 1 "
        "FROM child_death cd WHERE cd.panel_body_id = b.id)) ORDER BY n "
        "DESC, b.id";

enum masa_err dashboard_panels(struct gov *g, int64_t partnership_id,
                               struct arena *a, struct dashboard_panel **out,
                               size_t *n, struct masa_error *err)
{
	struct store_stmt *st;
	size_t cap = 8;
	bool row;
	enum masa_err rc;

	*n = 0;
	*out = arena_alloc(a, cap * sizeof **out);
	rc = store_prepare(g->store, SQL_PANELS, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, partnership_id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		if (*n == cap) {
			struct dashboard_panel *more =
			        arena_alloc(a, 2 * cap * sizeof *more);
			memcpy(more, *out, cap * sizeof *more);
			*out = more;
			cap *= 2;
		}
		(*out)[(*n)++] = (struct dashboard_panel){
		        .id = store_column_int(st, 0),
		        .partnership_id = store_column_int(st, 1),
		        .short_name = arena_strdup(a, store_column_text(st, 2)),
		        .name = arena_strdup(a, store_column_text(st, 3)),
		        .partnerships = (long)store_column_int(st, 4)};
	}
	store_done(st);
	return rc;
}

/* The scope of a query: the partnership or panel, and the period. */
struct scope {
	int64_t id; /* the partnership, or the panel for a region */
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE], today[DATE_TEXT_SIZE];
};

/*
 * When no period was asked for and the last complete year holds no record
 * of the scope (an area whose records stop earlier, such as the demo),
 * the three years from April to March ending with the year of its latest
 * record instead (three years, as small numbers are), so that the first
 * page a reader opens shows figures. sql gives the latest date of
 * the scope (?1 the partnership or panel, ?2 the region flag) up to ?3.
 */
static enum masa_err latest_year(struct gov *g, const struct dashboard_query *q,
                                 const char *sql, struct scope *sc,
                                 struct arena *a, struct dashboard *d,
                                 struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	date_days latest;
	enum masa_err rc;

	if (q->from != NULL || q->to != NULL)
		return MASA_OK;
	rc = store_prepare(g->store, sql, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, sc->id);
	store_bind_int(st, 2, q->region);
	store_bind_text(st, 3, sc->to);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row && !store_column_is_null(st, 0) &&
	    strcmp(store_column_text(st, 0), sc->from) < 0 &&
	    date_parse(store_column_text(st, 0), &latest, NULL) == MASA_OK) {
		int y = april_year(latest);

		date_format(date_from_ymd(y - 2, 4, 1), sc->from);
		date_format(date_from_ymd(y + 1, 3, 31), sc->to);
		d->from = arena_strdup(a, sc->from);
		d->to = arena_strdup(a, sc->to);
	}
	store_done(st);
	return rc;
}

/* The partnerships of scope ?1 (?2 = 1: the panel ?1's region). */
#define SQL_SCOPE_PARTNERSHIPS(col)                                           \
	"((?2 = 0 AND " col " = ?1) OR (?2 = 1 AND " col " IN (SELECT "       \
	"partnership_id FROM body WHERE id = ?1 UNION SELECT partnership_id " \
	"FROM body_partnership WHERE body_id = ?1)))"

static const char SQL_LATEST_DEATH[] =
        "SELECT MAX(died_on) FROM child_death WHERE ((?2 = 1 AND "
        "panel_body_id = ?1) OR (?2 = 0 AND partnership_id = ?1)) AND "
        "died_on <= ?3";
static const char SQL_LATEST_INCIDENT[] =
        "SELECT MAX(aware_on) FROM incident WHERE " SQL_SCOPE_PARTNERSHIPS(
                "partnership_id") " AND aware_on <= ?3";

/* The scope of q: the dates and the panel; fills the period of d. */

static enum masa_err scope_of(struct gov *g, const struct dashboard_query *q,
                              struct arena *a, struct dashboard *d,
                              struct scope *sc, struct masa_error *err)
{
	date_days today = date_today(), from, to;
	struct gov_partnership p;
	enum masa_err rc;

	if (q->today != NULL &&
	    (rc = date_parse(q->today, &today, err)) != MASA_OK)
		return rc;
	date_format(today, sc->today);
	dashboard_default_period(today, sc->from, sc->to);
	if (q->from != NULL) {
		if (date_parse(q->from, &from, NULL) != MASA_OK)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "The start of the period must be "
			                      "a date, such as 2024-04-01");
		date_format(from, sc->from);
	}
	if (q->to != NULL) {
		if (date_parse(q->to, &to, NULL) != MASA_OK)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "The end of the period must be a "
			                      "date, such as 2025-03-31");
		date_format(to, sc->to);
	}
	if (strcmp(sc->from, sc->to) > 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "The start of the period (%s) must not be "
		        "after its end (%s)",
		        sc->from, sc->to);
	d->from = arena_strdup(a, sc->from);
	d->to = arena_strdup(a, sc->to);
	d->today = arena_strdup(a, sc->today);
	d->region = q->region;
	if (!q->region) {
		rc = gov_partnership_get(g, q->partnership_id, a, &p, err);
		if (rc != MASA_OK)
			return rc;
		sc->id = q->partnership_id;
		d->scope = p.name;
		return MASA_OK;
	}
	{
		struct dashboard_panel *panels;
		size_t n, i;

		rc = dashboard_panels(g, q->partnership_id, a, &panels, &n,
		                      err);
		if (rc != MASA_OK)
			return rc;
		for (i = 0; i < n; i++)
			if (q->panel == NULL ||
			    strcmp(panels[i].short_name, q->panel) == 0)
				break;
		if (i == n && q->panel != NULL)
			return masa_error_set(err, MASA_ERR_NOT_FOUND,
			                      "No panel %s serves this "
			                      "partnership: choose one of its "
			                      "panels for the region",
			                      q->panel);
		if (i == n)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "No child death overview panel "
			                      "serves this partnership, so it "
			                      "has no region: choose the "
			                      "partnership alone");
		sc->id = panels[i].id;
		d->panel = panels[i].short_name;
		d->scope =
		        arena_printf(a, "the region of the %s", panels[i].name);
	}
	return MASA_OK;
}

/*
 * The statements are string literals (the store caches them by address),
 * one for each scope: [0] the partnership alone, [1] the region. ?1 is
 * the partnership, or the region's panel.
 */
#define CD_PARTNERSHIP    "cd.partnership_id = ?1"
#define CD_REGION         "cd.panel_body_id = ?1"
#define IN_PARTNERSHIP(x) x ".partnership_id = ?1"
#define IN_REGION(x)                                                           \
	x ".partnership_id IN (SELECT partnership_id FROM body WHERE id = ?1 " \
	  "UNION SELECT partnership_id FROM body_partnership WHERE body_id = " \
	  "?1)"
#define BOTH_CD(sql_of)                                   \
	{                                                 \
		sql_of(CD_PARTNERSHIP), sql_of(CD_REGION) \
	}
#define BOTH_IN(sql_of)                                   \
	{                                                 \
		sql_of(IN_PARTNERSHIP), sql_of(IN_REGION) \
	}

#define SQL_DEATHS(scope)                                                 \
	"SELECT cd.died_on, cd.category, cd.modifiable, cd.expected, "    \
	"cd.age_band, cd.partnership_id FROM child_death cd WHERE " scope \
	" AND cd.died_on >= ?2 AND cd.died_on <= ?3"
static const char *const sql_deaths[2] = BOTH_CD(SQL_DEATHS);

#define SQL_FACTORS(scope)                                              \
	"SELECT f.domain, '', COUNT(*) FROM child_death cd JOIN "       \
	"child_death_factor f ON f.child_death_id = cd.id WHERE " scope \
	" AND cd.died_on >= ?2 AND cd.died_on <= ?3 GROUP BY f.domain"
static const char *const sql_factors[2] = BOTH_CD(SQL_FACTORS);

/* The themes every panel has, and those of the panels counted. */
#define SQL_THEMES(scope, panels)                                           \
	"SELECT t.key, t.name, COUNT(cd.id) FROM cdr_theme t LEFT JOIN "    \
	"child_death_theme ct ON ct.theme_id = t.id LEFT JOIN child_death " \
	"cd ON cd.id = ct.child_death_id AND " scope " AND cd.died_on >= "  \
	"?2 AND cd.died_on <= ?3 WHERE t.body_id IS NULL OR t.body_id IN "  \
	"(" panels ") GROUP BY t.id, t.key, t.name, t.body_id ORDER BY "    \
	"t.body_id IS NOT NULL, t.name"
static const char *const sql_themes[2] = {
        SQL_THEMES(CD_PARTNERSHIP, "SELECT DISTINCT x.panel_body_id FROM "
                                   "child_death x WHERE x.partnership_id "
                                   "= ?1"),
        SQL_THEMES(CD_REGION, "?1")};

#define SQL_UNSEEN_DEATHS(scope)                                       \
	"SELECT COUNT(*) FROM child_death cd JOIN body pb ON pb.id = " \
	"cd.panel_body_id WHERE " scope " AND cd.died_on >= ?2 AND "   \
	"cd.died_on <= ?3 AND NOT " GOV_SQL_SEES_CHILD_DEATH("cd", "pb")
static const char *const sql_unseen_deaths[2] = BOTH_CD(SQL_UNSEEN_DEATHS);

#define SQL_INCIDENTS(in)                                                   \
	"SELECT i.aware_on, i.notified_on, i.rapid_review_sent_on FROM "    \
	"incident i WHERE " in("i") " AND i.aware_on >= ?2 AND i.aware_on " \
	                            "<= ?3"
static const char *const sql_incidents[2] = BOTH_IN(SQL_INCIDENTS);

#define SQL_PUBLICATION(in)                                                  \
	"SELECT COALESCE(i.decision_on, pr.commissioned_on), "               \
	"pr.publication_due_on, pr.published_on FROM practice_review pr "    \
	"LEFT JOIN incident i ON i.id = pr.incident_id WHERE " in(           \
	        "pr") " AND COALESCE(i.decision_on, pr.commissioned_on) >= " \
	              "?2 AND "                                              \
	              "COALESCE(i.decision_on, pr.commissioned_on) <= ?3"
static const char *const sql_publication[2] = BOTH_IN(SQL_PUBLICATION);

#define SQL_OPEN_RECOMMENDATIONS(in)                                          \
	"SELECT COALESCE(r.organisation_id, 0), COALESCE(o.name, 'No owner "  \
	"named'), p.name, COALESCE(pr.signed_off_on, pr.final_on), r.due_on " \
	"FROM recommendation r JOIN practice_review pr ON pr.id = "           \
	"r.review_id JOIN partnership p ON p.id = r.partnership_id LEFT "     \
	"JOIN organisation o ON o.id = r.organisation_id WHERE " in(          \
	        "r") " AND r.status = 'open' ORDER BY p.name, o.name"
static const char *const sql_open_recommendations[2] =
        BOTH_IN(SQL_OPEN_RECOMMENDATIONS);

#define SQL_UNSEEN_CASES(in)                                                                                     \
	"SELECT (SELECT COUNT(*) FROM incident i WHERE " in(                                                     \
	        "i") " AND NOT " GOV_SQL_SEES_CASE("i.partnership_id",                                           \
	                                           "i.body_id") ") + (SELECT "                                   \
	                                                        "COUNT(*) "                                      \
	                                                        "FROM "                                          \
	                                                        "practice_"                                      \
	                                                        "review pr "                                     \
	                                                        "WHERE " in("pr") " AND NOT " GOV_SQL_SEES_CASE( \
	                                                                "pr."                                    \
	                                                                "part"                                   \
	                                                                "ners"                                   \
	                                                                "hip_"                                   \
	                                                                "id",                                    \
	                                                                "pr."                                    \
	                                                                "body"                                   \
	                                                                "_id") ")"
static const char *const sql_unseen_cases[2] = BOTH_IN(SQL_UNSEEN_CASES);

/* The region's partnerships: the panel's own and those it serves. */
static const char SQL_PARTNERSHIPS[] =
        "SELECT p.id, p.key, p.name FROM partnership p WHERE p.id IN (SELECT "
        "partnership_id FROM body WHERE id = ?1 UNION SELECT partnership_id "
        "FROM body_partnership WHERE body_id = ?1) ORDER BY p.name";

/* Runs sql (?1 the scope, ?2 and ?3 dates unless from is NULL, the
 * viewer bound) for one number. */
static enum masa_err count_of(struct gov *g, const struct gov_viewer *v,
                              const char *sql, int64_t id, const char *from,
                              const char *to, long *out, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	*out = 0;
	rc = store_prepare(g->store, sql, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	if (from != NULL) {
		store_bind_text(st, 2, from);
		store_bind_text(st, 3, to);
	}
	gov_viewer_bind(st, v);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		*out = (long)store_column_int(st, 0);
	store_done(st);
	return rc;
}

/* Whether v gets exact figures, when `unseen` cases of the scope are
 * hidden from it: masa itself always; anyone signed in who sees them
 * all. */
static bool exact_for(const struct gov_viewer *v, long unseen)
{
	return v->system || (v->role != GOV_ROLE_PUBLIC && unseen == 0);
}

/*
 * Whole years for whoever gets suppressed figures: a period moved by one
 * day would give, by difference, the cases of that day exactly (a death's
 * date, its category...). Unless v sees every case of the scope (unseen,
 * the scope's cases hidden from it, whatever their dates, is 0), the period
 * is widened to whole years from April to March.
 */
static void whole_years(const struct gov_viewer *v, long unseen,
                        struct arena *a, struct scope *sc, struct dashboard *d)
{
	date_days from, to;

	if (exact_for(v, unseen) || date_parse(sc->from, &from, NULL) ||
	    date_parse(sc->to, &to, NULL))
		return;
	date_format(date_from_ymd(april_year(from), 4, 1), sc->from);
	date_format(date_from_ymd(april_year(to) + 1, 3, 31), sc->to);
	d->from = arena_strdup(a, sc->from);
	d->to = arena_strdup(a, sc->to);
}

void dashboard_protect_sets(struct dashboard *d, const long *median_of)
{
	long totals[MAX_SETS];
	bool withheld[MAX_SETS] = {0};

	for (size_t i = 0; i < d->nsets && i < MAX_SETS; i++) {
		totals[i] = d->sets[i].total.count;
		dashboard_protect(&d->sets[i], !d->exact,
		                  median_of ? median_of[i] : 0);
		withheld[i] = d->sets[i].partition &&
		              d->sets[i].total.shown == DASHBOARD_WITHHELD;
	}
	/*
	 * A set whose total had to be withheld (every non-zero cell hidden
	 * and one still known from it): the sets counting the same cases
	 * (same unit, same total) would give it back, so their totals go,
	 * and the largest cell of any that hid none.
	 */
	for (size_t i = 0; i < d->nsets && i < MAX_SETS; i++) {
		if (!withheld[i])
			continue;
		for (size_t k = 0; k < d->nsets && k < MAX_SETS; k++) {
			struct dashboard_set *o = &d->sets[k];
			struct dashboard_cell *big = NULL;
			bool any = false;

			if (!o->partition || totals[k] != totals[i] ||
			    strcmp(o->unit, d->sets[i].unit) != 0)
				continue;
			for (size_t c = 0; c < o->n; c++) {
				any |= hidden(&o->cells[c]);
				if (!hidden(&o->cells[c]) &&
				    (big == NULL ||
				     o->cells[c].count > big->count))
					big = &o->cells[c];
			}
			if (!any && big != NULL && big->count > 0) {
				big->shown = DASHBOARD_WITHHELD;
				big->count = -1;
			}
			if (!hidden(&o->total)) {
				o->total.shown = DASHBOARD_WITHHELD;
				o->total.count = -1;
			}
			if (o->has_median) {
				o->median_shown = DASHBOARD_WITHHELD;
				o->median = -1;
			}
		}
	}
}

/* ---- child deaths ---- */

static const char *const modifiable_keys[] = {"yes", "no", "insufficient",
                                              "not-reviewed", NULL};
static const char *const modifiable_labels[] = {
        "Modifiable factors identified", "No modifiable factors identified",
        "Insufficient information", "Not reviewed yet"};
static const char *const domain_keys[] = {"child", "social_environment",
                                          "physical_environment",
                                          "service_provision", NULL};
static const char *const domain_labels[] = {
        "Factors intrinsic to the child", "Social environment",
        "Physical environment", "Service provision"};

/* The deaths of the period in each partnership (the region's). */
enum { MAX_PARTNERSHIPS = 64 };
struct by_partnership {
	int64_t id[MAX_PARTNERSHIPS];
	long n[MAX_PARTNERSHIPS];
	size_t count;
};

static void count_partnership(struct by_partnership *bp, int64_t id)
{
	size_t i;

	for (i = 0; i < bp->count && bp->id[i] != id; i++)
		;
	if (i == bp->count) {
		if (bp->count == MAX_PARTNERSHIPS)
			return;
		bp->id[bp->count] = id;
		bp->n[bp->count++] = 0;
	}
	bp->n[i]++;
}

static enum masa_err
count_deaths(struct gov *g, const struct dashboard_query *q,
             const struct scope *sc, date_days fetch_from, struct dashboard *d,
             struct by_partnership *bp, struct masa_error *err)
{
	struct dashboard_set *cat = &d->sets[0], *mod = &d->sets[1];
	struct dashboard_set *age = &d->sets[4], *exp = &d->sets[5];
	struct dashboard_set *trend = &d->sets[6];
	char tf[DATE_TEXT_SIZE], key[32];
	const char *sql = sql_deaths[q->region];
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	date_format(fetch_from, tf);
	rc = store_prepare(g->store, sql, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, sc->id);
	store_bind_text(st, 2, tf);
	store_bind_text(st, 3, sc->to);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		const char *died = store_column_text(st, 0);
		date_days day;

		if (date_parse(died, &day, NULL) != MASA_OK)
			continue;
		snprintf(key, sizeof key, "%d", april_year(day));
		count_in(trend, key);
		if (strcmp(died, sc->from) < 0)
			continue;
		if (store_column_is_null(st, 1))
			count_in(cat, "not-categorised");
		else {
			snprintf(key, sizeof key, "category-%d",
			         (int)store_column_int(st, 1));
			count_in(cat, key);
		}
		count_in(mod, store_column_is_null(st, 2)
		                      ? "not-reviewed"
		                      : store_column_text(st, 2));
		count_in(age, store_column_text(st, 4));
		count_in(exp,
		         store_column_int(st, 3) ? "expected" : "unexpected");
		count_partnership(bp, store_column_int(st, 5));
	}
	store_done(st);
	return rc;
}

/* Cells of (key, label, count) rows of sql (?1 scope, ?2 ?3 period, ?4
 * the scope's panel for themes). */
static enum masa_err cells_of(struct gov *g, struct arena *a,
                              struct dashboard_set *s, size_t max,
                              const char *sql, int64_t id,
                              const struct scope *sc, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	rc = store_prepare(g->store, sql, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, sc->from);
	store_bind_text(st, 3, sc->to);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		struct dashboard_cell *c;

		if (s->n == max) {
			struct dashboard_cell *more =
			        arena_alloc(a, 2 * max * sizeof *more);
			memcpy(more, s->cells, max * sizeof *more);
			s->cells = more;
			max *= 2;
		}
		c = cell_add(s, arena_strdup(a, store_column_text(st, 0)),
		             arena_strdup(a, store_column_text(st, 1)));
		c->count = (long)store_column_int(st, 2);
	}
	store_done(st);
	return rc;
}

/* The region's partnerships as cells of s with their deaths in bp; a
 * partnership the panel no longer serves but has cases of, after them. */
static enum masa_err partnership_cells(struct gov *g, struct arena *a,
                                       struct dashboard_set *s, int64_t panel,
                                       const struct by_partnership *bp,
                                       struct masa_error *err)
{
	bool used[MAX_PARTNERSHIPS] = {false};
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	rc = store_prepare(g->store, SQL_PARTNERSHIPS, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, panel);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row &&
	       s->n < MAX_PARTNERSHIPS) {
		int64_t id = store_column_int(st, 0);
		struct dashboard_cell *c =
		        cell_add(s, arena_strdup(a, store_column_text(st, 1)),
		                 arena_strdup(a, store_column_text(st, 2)));

		for (size_t i = 0; i < bp->count; i++)
			if (bp->id[i] == id) {
				c->count = bp->n[i];
				used[i] = true;
			}
	}
	store_done(st);
	for (size_t i = 0; rc == MASA_OK && i < bp->count; i++) {
		struct gov_partnership p;

		if (used[i] || s->n == MAX_PARTNERSHIPS)
			continue;
		rc = gov_partnership_get(g, bp->id[i], a, &p, err);
		if (rc == MASA_OK)
			cell_add(s, p.key, p.name)->count = bp->n[i];
	}
	return rc;
}

/*
 * A sum of figures some of which are hidden on their own: shown, it would
 * give back the hidden ones less the rest; "fewer than 6" over five or
 * more hidden ones would say each is 1.
 */
static void sum_protect(struct dashboard_cell *c)
{
	if (c->hidden_parts > 0 &&
	    (c->shown == DASHBOARD_SHOWN ||
	     c->hidden_parts >= ASSURE_SUPPRESS_BELOW - 1)) {
		c->shown = DASHBOARD_WITHHELD;
		c->count = -1;
	}
}

static struct dashboard_set *set_of(struct dashboard *d, const char *key)
{
	for (size_t i = 0; i < d->nsets; i++)
		if (strcmp(d->sets[i].key, key) == 0)
			return &d->sets[i];
	return NULL;
}

static enum masa_err child_deaths(struct gov *g, const struct gov_viewer *v,
                                  const struct dashboard_query *q,
                                  struct arena *a, struct dashboard *d,
                                  bool atomic, struct masa_error *err);

/* Whether a set other than the trend of one year's figures hides its
 * total (the year's count of deaths). */
static bool year_total_hidden(const struct dashboard *d)
{
	for (size_t k = 0; k < d->nsets; k++)
		if (d->sets[k].partition &&
		    strcmp(d->sets[k].key, "year") != 0 &&
		    hidden(&d->sets[k].total))
			return true;
	return false;
}

/*
 * Figures that anyone may put side by side: each partnership's, for each
 * year from April to March (the atoms, protected each on its own), and
 * the sums of them a longer period, the trend by year and the region show.
 * A hidden cell of an atom would be a sum less the others: so a sum's cell
 * is shown only when each atom's is, and a year, a partnership or a total
 * only when each atom's total under it is.
 */
static enum masa_err sums_of_atoms(struct gov *g, const struct gov_viewer *v,
                                   const struct dashboard_query *q,
                                   struct arena *a, struct dashboard *d,
                                   struct masa_error *err)
{
	struct dashboard_set *trend = set_of(d, "year");
	/* The region's partnerships: the rows of its "by partnership". */
	struct dashboard_set *by = set_of(d, "partnership");
	size_t nids = by != NULL ? by->n : 1;
	date_days from, to;
	int first, last;

	if (date_parse(d->from, &from, NULL) || date_parse(d->to, &to, NULL))
		return MASA_OK;
	first = april_year(from);
	last = april_year(to);
	for (size_t i = 0; i < nids; i++) {
		struct gov_partnership p = {.id = q->partnership_id};
		enum masa_err rc;

		if (by != NULL && (rc = gov_partnership_find(
		                           g, by->cells[i].key, a, &p, err)))
			return rc;
		for (size_t y = 0; trend != NULL && y < trend->n; y++) {
			int year = (int)strtol(trend->cells[y].key, NULL, 10);
			char f[DATE_TEXT_SIZE], t[DATE_TEXT_SIZE];
			struct dashboard pd;
			struct dashboard_query pq = {.partnership_id = p.id,
			                             .from = f,
			                             .to = t,
			                             .today = q->today};

			date_format(date_from_ymd(year, 4, 1), f);
			date_format(date_from_ymd(year + 1, 3, 31), t);
			rc = child_deaths(g, v, &pq, a, &pd, true, err);
			if (rc != MASA_OK)
				return rc;
			if (year_total_hidden(&pd)) {
				trend->cells[y].hidden_parts++;
				trend->total.hidden_parts++;
			}
			if (year < first || year > last)
				continue;
			for (size_t k = 0; k < pd.nsets; k++) {
				struct dashboard_set *ps = &pd.sets[k];
				struct dashboard_set *rs = set_of(d, ps->key);

				for (size_t c = 0;
				     rs != NULL && rs != trend && c < ps->n;
				     c++) {
					struct dashboard_cell *cell =
					        cell_find(rs, ps->cells[c].key);

					if (cell != NULL &&
					    hidden(&ps->cells[c]))
						cell->hidden_parts++;
				}
			}
			if (!year_total_hidden(&pd))
				continue;
			for (size_t k = 0; k < d->nsets; k++)
				if (d->sets[k].partition &&
				    &d->sets[k] != trend)
					d->sets[k].total.hidden_parts++;
			if (by != NULL)
				by->cells[i].hidden_parts++;
		}
	}
	for (size_t k = 0; k < d->nsets; k++) {
		sum_protect(&d->sets[k].total);
		for (size_t c = 0; c < d->sets[k].n; c++)
			sum_protect(&d->sets[k].cells[c]);
	}
	return MASA_OK;
}

enum masa_err dashboard_child_deaths(struct gov *g, const struct gov_viewer *v,
                                     const struct dashboard_query *q,
                                     struct arena *a, struct dashboard *d,
                                     struct masa_error *err)
{
	return child_deaths(g, v, q, a, d, false, err);
}

/* The figures; atomic: one partnership's of one year, as they are. */
static enum masa_err child_deaths(struct gov *g, const struct gov_viewer *v,
                                  const struct dashboard_query *q,
                                  struct arena *a, struct dashboard *d,
                                  bool atomic, struct masa_error *err)
{
	struct scope sc = {0};
	struct dashboard_set *s;
	date_days from, to, trend_from;
	int first_year, last_year;
	long unseen;
	char key[16];
	const char *sql;
	struct by_partnership bp = {.count = 0};
	enum masa_err rc;

	*d = (struct dashboard){.kind = "child-deaths"};
	d->sets = arena_alloc(a, MAX_SETS * sizeof *d->sets);
	rc = scope_of(g, q, a, d, &sc, err);
	if (rc == MASA_OK)
		rc = latest_year(g, q, SQL_LATEST_DEATH, &sc, a, d, err);
	if (rc == MASA_OK)
		rc = count_of(g, v, sql_unseen_deaths[q->region], sc.id,
		              "0000-01-01", "9999-12-31", &unseen, err);
	if (rc != MASA_OK)
		return rc;
	whole_years(v, unseen, a, &sc, d);
	(void)date_parse(sc.from, &from, NULL);
	(void)date_parse(sc.to, &to, NULL);
	last_year = april_year(to);
	first_year = april_year(from);
	if (first_year > last_year - 9)
		first_year = last_year - 9;
	if (first_year < last_year - (MAX_TREND_YEARS - 1))
		first_year = last_year - (MAX_TREND_YEARS - 1);
	trend_from = date_from_ymd(first_year, 4, 1);
	if (from < trend_from)
		trend_from = from; /* the period is longer than the trend */

	s = set_new(a, d,
	            &(struct set_spec){"category", "Child deaths by category",
	                               "Category of death", "deaths",
	                               DASHBOARD_BARS, true, 11});
	for (int c = 1; c <= 10; c++)
		cell_add(s, arena_printf(a, "category-%d", c),
		         arena_printf(a, "%d. %s", c, category_names[c - 1]));
	cell_add(s, "not-categorised", "Not categorised yet");
	s = set_new(a, d,
	            &(struct set_spec){"modifiable",
	                               "Child deaths with modifiable factors",
	                               "Modifiable factors", "deaths",
	                               DASHBOARD_BARS, true, 4});
	for (int i = 0; modifiable_keys[i] != NULL; i++)
		cell_add(s, modifiable_keys[i], modifiable_labels[i]);
	s = set_new(a, d,
	            &(struct set_spec){"factor-domain",
	                               "Modifiable factors by domain", "Domain",
	                               "deaths", DASHBOARD_BARS, false, 4});
	for (int i = 0; domain_keys[i] != NULL; i++)
		cell_add(s, domain_keys[i], domain_labels[i]);
	sql = sql_factors[q->region];
	{
		struct dashboard_set found = {
		        .cells = arena_alloc(
		                a, 4 * sizeof(struct dashboard_cell))};
		rc = cells_of(g, a, &found, 4, sql, sc.id, &sc, err);
		if (rc != MASA_OK)
			return rc;
		for (size_t i = 0; i < found.n; i++) {
			struct dashboard_cell *c =
			        cell_find(s, found.cells[i].key);
			if (c != NULL)
				c->count = found.cells[i].count;
		}
	}
	s = set_new(a, d,
	            &(struct set_spec){"theme", "Child deaths by theme",
	                               "Theme", "deaths", DASHBOARD_BARS, false,
	                               16});
	sql = sql_themes[q->region];
	rc = cells_of(g, a, s, 16, sql, sc.id, &sc, err);
	if (rc != MASA_OK)
		return rc;
	s = set_new(a, d,
	            &(struct set_spec){"age-band", "Child deaths by age", "Age",
	                               "deaths", DASHBOARD_BARS, true, 8});
	for (int i = 0; assure_age_bands[i] != NULL; i++)
		if (strcmp(assure_age_bands[i], "unborn") != 0)
			cell_add(s, assure_age_bands[i],
			         assure_age_band_label(assure_age_bands[i]));
	s = set_new(a, d,
	            &(struct set_spec){
	                    "expected", "Expected and unexpected child deaths",
	                    "Death", "deaths", DASHBOARD_BARS, true, 2});
	cell_add(s, "expected", "Expected");
	cell_add(s, "unexpected", "Unexpected");
	s = set_new(a, d,
	            &(struct set_spec){"year", "Child deaths by year",
	                               "Year (April to March)", "deaths",
	                               DASHBOARD_COLUMNS, true,
	                               (size_t)(last_year - first_year + 1)});
	for (int y = first_year; y <= last_year; y++) {
		snprintf(key, sizeof key, "%d", y);
		cell_add(s, arena_strdup(a, key),
		         arena_printf(a, "%d-%02d", y, (y + 1) % 100));
	}
	rc = count_deaths(g, q, &sc, trend_from, d, &bp, err);
	if (rc != MASA_OK)
		return rc;
	if (q->region) {
		s = set_new(a, d,
		            &(struct set_spec){"partnership",
		                               "Child deaths by partnership",
		                               "Partnership", "deaths",
		                               DASHBOARD_BARS, true,
		                               MAX_PARTNERSHIPS});
		rc = partnership_cells(g, a, s, sc.id, &bp, err);
		if (rc != MASA_OK)
			return rc;
	}
	for (size_t i = 0; i < d->nsets; i++)
		if (d->sets[i].partition)
			set_totals(&d->sets[i]);
	{
		char tf[DATE_TEXT_SIZE];

		date_format(trend_from, tf);
		rc = count_of(g, v, sql_unseen_deaths[q->region], sc.id, tf,
		              sc.to, &unseen, err);
	}
	if (rc != MASA_OK)
		return rc;
	d->exact = exact_for(v, unseen);
	dashboard_protect_sets(d, NULL);
	if (!atomic && !d->exact)
		return sums_of_atoms(g, v, q, a, d, err);
	return MASA_OK;
}

/* ---- reviews ---- */

static int compare_long(const void *x, const void *y)
{
	long a = *(const long *)x, b = *(const long *)y;

	return (a > b) - (a < b);
}

/* A clock: cases started, done or not, against a due day. */
struct clock {
	struct dashboard_set *set;
	long *days; /* working days taken by those done */
	size_t ndays, cap;
};

static void clock_count(struct arena *a, struct clock *c, date_days start,
                        const char *done, date_days due, date_days today)
{
	date_days done_day;
	bool is_done =
	        done != NULL && date_parse(done, &done_day, NULL) == MASA_OK;

	if (is_done) {
		count_in(c->set, done_day <= due ? "on-time" : "late");
		if (c->ndays == c->cap) {
			size_t cap = c->cap ? 2 * c->cap : 64;
			long *more = arena_alloc(a, cap * sizeof *more);
			if (c->ndays)
				memcpy(more, c->days, c->ndays * sizeof *more);
			c->days = more;
			c->cap = cap;
		}
		c->days[c->ndays++] = workdays_between(start, done_day);
	} else
		count_in(c->set, today > due ? "late" : "open");
}

/* The middle of the working days taken (the lower of the two middle ones
 * for an even number). */
static void clock_median(struct clock *c)
{
	c->set->has_median = true;
	c->set->median_shown = DASHBOARD_SHOWN;
	c->set->median = 0;
	if (c->ndays == 0)
		return;
	qsort(c->days, c->ndays, sizeof *c->days, compare_long);
	c->set->median = c->days[(c->ndays - 1) / 2];
}

static struct dashboard_set *clock_set(struct arena *a, struct dashboard *d,
                                       const char *key, const char *title,
                                       const char *done_label,
                                       const char *median_label)
{
	struct dashboard_set *s =
	        set_new(a, d,
	                &(struct set_spec){key, title, "Timeliness", "cases",
	                                   DASHBOARD_BARS, true, 3});

	cell_add(s, "on-time", arena_printf(a, "%s on time", done_label));
	cell_add(
	        s, "late",
	        arena_printf(a, "%s late, or not yet and overdue", done_label));
	cell_add(s, "open", "Not yet, and not yet due");
	s->median_label = median_label;
	return s;
}

enum masa_err dashboard_reviews(struct gov *g, const struct gov_viewer *v,
                                const struct dashboard_query *q,
                                struct arena *a, struct dashboard *d,
                                struct masa_error *err)
{
	struct scope sc = {0};
	struct clock notify = {0}, rapid = {0}, publish = {0};
	struct dashboard_set *owner, *age, *overdue;
	struct store_stmt *st;
	date_days today;
	long unseen, median_of[MAX_SETS] = {0};
	bool row;
	enum masa_err rc;

	*d = (struct dashboard){.kind = "reviews"};
	d->sets = arena_alloc(a, MAX_SETS * sizeof *d->sets);
	rc = scope_of(g, q, a, d, &sc, err);
	if (rc == MASA_OK)
		rc = latest_year(g, q, SQL_LATEST_INCIDENT, &sc, a, d, err);
	if (rc == MASA_OK)
		rc = count_of(g, v, sql_unseen_cases[q->region], sc.id, NULL,
		              NULL, &unseen, err);
	if (rc != MASA_OK)
		return rc;
	whole_years(v, unseen, a, &sc, d);
	(void)date_parse(sc.today, &today, NULL);
	notify.set = clock_set(a, d, "notification",
	                       "Notifications to the national panel (within 5 "
	                       "working days)",
	                       "Notified",
	                       "Median working days from awareness to "
	                       "notification");
	rapid.set = clock_set(a, d, "rapid-review",
	                      "Rapid reviews sent to the national panel "
	                      "(within 15 working days)",
	                      "Sent",
	                      "Median working days from awareness to the "
	                      "rapid review");
	publish.set = clock_set(a, d, "publication",
	                        "Practice reviews published (within six months "
	                        "of the decision)",
	                        "Published",
	                        "Median working days from the decision to "
	                        "publication");

	rc = store_prepare(g->store, sql_incidents[q->region], &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, sc.id);
	store_bind_text(st, 2, sc.from);
	store_bind_text(st, 3, sc.to);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		date_days aware;

		if (date_parse(store_column_text(st, 0), &aware, NULL))
			continue;
		clock_count(a, &notify, aware,
		            store_column_is_null(st, 1)
		                    ? NULL
		                    : store_column_text(st, 1),
		            workdays_add(aware, 5), today);
		clock_count(a, &rapid, aware,
		            store_column_is_null(st, 2)
		                    ? NULL
		                    : store_column_text(st, 2),
		            workdays_add(aware, 15), today);
	}
	store_done(st);
	if (rc != MASA_OK)
		return rc;

	rc = store_prepare(g->store, sql_publication[q->region], &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, sc.id);
	store_bind_text(st, 2, sc.from);
	store_bind_text(st, 3, sc.to);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		date_days decided, due;

		if (date_parse(store_column_text(st, 0), &decided, NULL))
			continue;
		if (store_column_is_null(st, 1) ||
		    date_parse(store_column_text(st, 1), &due, NULL))
			due = add_months(decided, 6);
		clock_count(a, &publish, decided,
		            store_column_is_null(st, 2)
		                    ? NULL
		                    : store_column_text(st, 2),
		            due, today);
	}
	store_done(st);
	if (rc != MASA_OK)
		return rc;
	clock_median(&notify);
	clock_median(&rapid);
	clock_median(&publish);
	median_of[0] = (long)notify.ndays;
	median_of[1] = (long)rapid.ndays;
	median_of[2] = (long)publish.ndays;

	owner = set_new(a, d,
	                &(struct set_spec){"owner",
	                                   "Open recommendations by owner",
	                                   "Organisation", "recommendations",
	                                   DASHBOARD_BARS, true, 16});
	age = set_new(a, d,
	              &(struct set_spec){"age",
	                                 "Open recommendations by age (since "
	                                 "the review's sign-off)",
	                                 "Open for", "recommendations",
	                                 DASHBOARD_BARS, true, 5});
	cell_add(age, "0-3", "Up to 3 months");
	cell_add(age, "3-6", "3 to 6 months");
	cell_add(age, "6-12", "6 to 12 months");
	cell_add(age, "12+", "Over 12 months");
	cell_add(age, "unknown", "Not signed off yet");
	overdue = set_new(a, d,
	                  &(struct set_spec){"overdue",
	                                     "Open recommendations against "
	                                     "their timescale",
	                                     "Timescale", "recommendations",
	                                     DASHBOARD_BARS, true, 3});
	cell_add(overdue, "overdue", "Overdue");
	cell_add(overdue, "not-due", "Not yet due");
	cell_add(overdue, "no-date", "No date set");
	rc = store_prepare(g->store, sql_open_recommendations[q->region], &st,
	                   err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, sc.id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		char key[32];
		struct dashboard_cell *c;
		date_days since, due;

		snprintf(key, sizeof key, "organisation-%lld",
		         (long long)store_column_int(st, 0));
		c = cell_find(owner, key);
		if (c == NULL) {
			if (owner->n % 16 == 0) {
				struct dashboard_cell *more = arena_alloc(
				        a, (owner->n + 16) * sizeof *more);
				memcpy(more, owner->cells,
				       owner->n * sizeof *more);
				owner->cells = more;
			}
			c = cell_add(
			        owner, arena_strdup(a, key),
			        q->region
			                ? arena_printf(a, "%s (%s)",
			                               store_column_text(st, 1),
			                               store_column_text(st, 2))
			                : arena_strdup(
			                          a, store_column_text(st, 1)));
		}
		c->count++;
		if (store_column_is_null(st, 3) ||
		    date_parse(store_column_text(st, 3), &since, NULL))
			count_in(age, "unknown");
		else
			count_in(age, today < add_months(since, 3)    ? "0-3"
			              : today < add_months(since, 6)  ? "3-6"
			              : today < add_months(since, 12) ? "6-12"
			                                              : "12+");
		if (store_column_is_null(st, 4) ||
		    date_parse(store_column_text(st, 4), &due, NULL))
			count_in(overdue, "no-date");
		else
			count_in(overdue, due < today ? "overdue" : "not-due");
	}
	store_done(st);
	if (rc != MASA_OK)
		return rc;
	for (size_t i = 0; i < d->nsets; i++)
		set_totals(&d->sets[i]);
	rc = count_of(g, v, sql_unseen_cases[q->region], sc.id, NULL, NULL,
	              &unseen, err);
	if (rc != MASA_OK)
		return rc;
	d->exact = exact_for(v, unseen);
	dashboard_protect_sets(d, median_of);
	return MASA_OK;
}

/* ---- out ---- */

static json_t *cell_json(const struct dashboard_cell *c)
{
	if (c->shown == DASHBOARD_SHOWN)
		return json_pack("{s:s, s:s, s:I}", "key", c->key, "label",
		                 c->label, "count", (json_int_t)c->count);
	return json_pack("{s:s, s:s, s:b, s:s}", "key", c->key, "label",
	                 c->label, "suppressed", 1, "reason",
	                 c->shown == DASHBOARD_FEWER ? "fewer than 6"
	                                             : "withheld");
}

json_t *dashboard_json(const struct dashboard *d)
{
	json_t *sets = json_array();

	for (size_t i = 0; i < d->nsets; i++) {
		const struct dashboard_set *s = &d->sets[i];
		json_t *cells = json_array(), *o;

		for (size_t k = 0; k < s->n; k++)
			json_array_append_new(cells, cell_json(&s->cells[k]));
		o = json_pack("{s:s, s:s, s:s, s:o}", "key", s->key, "title",
		              s->title, "unit", s->unit, "cells", cells);
		if (s->partition)
			json_object_set_new(o, "total", cell_json(&s->total));
		if (s->has_median)
			json_object_set_new(
			        o, "median_working_days",
			        s->median_shown == DASHBOARD_SHOWN
			                ? json_pack("{s:I}", "value",
			                            (json_int_t)s->median)
			                : json_pack("{s:b}", "suppressed", 1));
		json_array_append_new(sets, o);
	}
	return json_pack("{s:s, s:{s:s, s:s}, s:s, s:o, s:s, s:b, s:o}",
	                 "dashboard", d->kind, "period", "from", d->from, "to",
	                 d->to, "scope", d->scope, "panel",
	                 d->panel ? json_string(d->panel) : json_null(),
	                 "as_at", d->today, "exact", d->exact, "sets", sets);
}

void dashboard_rows(const struct dashboard *d,
                    void (*row)(void *arg, const char *const *cells, size_t n),
                    void *arg)
{
	static const char *const heading[] = {"set", "title", "key", "label",
	                                      "figure"};
	char text[32];

	row(arg, heading, 5);
	for (size_t i = 0; i < d->nsets; i++) {
		const struct dashboard_set *s = &d->sets[i];

		for (size_t k = 0; k < s->n; k++) {
			const char *cells[] = {
			        s->key, s->title, s->cells[k].key,
			        s->cells[k].label,
			        dashboard_cell_text(&s->cells[k], text,
			                            sizeof text)};
			row(arg, cells, 5);
		}
		if (s->partition) {
			const char *cells[] = {
			        s->key, s->title, "total", "Total",
			        dashboard_cell_text(&s->total, text,
			                            sizeof text)};
			row(arg, cells, 5);
		}
		if (s->has_median) {
			const char *cells[] = {
			        s->key, s->title, "median-working-days",
			        s->median_label,
			        dashboard_median_text(s, text, sizeof text)};
			row(arg, cells, 5);
		}
	}
}
