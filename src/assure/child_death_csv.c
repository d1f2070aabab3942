/*
 * child_death_csv: the national dataset of child deaths as CSV, in and out
 * (see child_death.h; the columns are documented in docs/assure.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "assure/assure.h"
#include "assure/child_death.h"
#include "core/csv.h"
#include "gov/body.h"
#include "gov/meeting.h"
#include "gov/partnership.h"

enum column {
	COL_REFERENCE,
	COL_PARTNERSHIP,
	COL_AGE_BAND,
	COL_DIED_ON,
	COL_NOTIFIED_ON,
	COL_PLACE,
	COL_EXPECTED,
	COL_REVIEW_MEETING_ON,
	COL_PANEL_MEETING,
	COL_REVIEWED_ON,
	COL_CATEGORY,
	COL_MODIFIABLE,
	COL_FACTOR_CHILD,
	COL_FACTOR_SOCIAL,
	COL_FACTOR_PHYSICAL,
	COL_FACTOR_SERVICE,
	COL_THEMES,
	COL_LEARNING,
	NCOLUMNS
};

const struct child_death_csv_column child_death_csv_columns[] = {
        [COL_REFERENCE] = {"case_reference", true},
        [COL_PARTNERSHIP] = {"partnership", false},
        [COL_AGE_BAND] = {"age_band", true},
        [COL_DIED_ON] = {"date_of_death", true},
        [COL_NOTIFIED_ON] = {"date_notified", true},
        [COL_PLACE] = {"place_of_death", true},
        [COL_EXPECTED] = {"expected", true},
        [COL_REVIEW_MEETING_ON] = {"review_meeting_date", false},
        [COL_PANEL_MEETING] = {"panel_meeting", false},
        [COL_REVIEWED_ON] = {"panel_review_date", true},
        [COL_CATEGORY] = {"category", true},
        [COL_MODIFIABLE] = {"modifiable_factors", true},
        [COL_FACTOR_CHILD] = {"factor_child", false},
        [COL_FACTOR_SOCIAL] = {"factor_social_environment", false},
        [COL_FACTOR_PHYSICAL] = {"factor_physical_environment", false},
        [COL_FACTOR_SERVICE] = {"factor_service_provision", false},
        [COL_THEMES] = {"themes", false},
        [COL_LEARNING] = {"learning", false},
};
const size_t child_death_csv_ncolumns = NCOLUMNS;

/* The factor columns, in the order of child_death_domains. */
static const enum column factor_columns[] = {
        COL_FACTOR_CHILD, COL_FACTOR_SOCIAL, COL_FACTOR_PHYSICAL,
        COL_FACTOR_SERVICE};

/* Most rows in one file. */
enum { IMPORT_ROWS_MAX = 100000 };

static bool given(const char *s)
{
	return s != NULL && s[0] != '\0';
}

/* "yes"/"y"/"1"/"true" or "no"/"n"/"0"/"false", case-insensitively. */
static int read_yes_no(const char *s)
{
	static const char *const yes[] = {"yes", "y", "1", "true", "expected"};
	static const char *const no[] = {"no", "n", "0", "false", "unexpected"};

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (strcasecmp(s, yes[i]) == 0)
			return 1;
		if (strcasecmp(s, no[i]) == 0)
			return 0;
	}
	return -1;
}

/* Splits "a;b; c" into theme keys in a. */
static void read_themes(struct arena *a, const char *s, struct child_death *cd)
{
	size_t cap = 0;

	while (*s) {
		size_t n;

		while (*s == ';' || *s == ' ')
			s++;
		n = strcspn(s, ";");
		while (n > 0 && s[n - 1] == ' ')
			n--;
		if (n > 0) {
			cd->themes = arena_grow(a, cd->themes, cd->nthemes,
			                        &cap, sizeof *cd->themes, 4);
			cd->themes[cd->nthemes++] = arena_strndup(a, s, n);
		}
		s += n;
		while (*s == ' ')
			s++;
	}
}

/* Reads one row into cd; messages name the column. */
static enum masa_err read_case(struct gov *g, const struct gov_body *panel,
                               char **cells, struct arena *a,
                               struct child_death *cd, struct masa_error *err)
{
	const char *c;
	enum masa_err rc;
	size_t cap = 0;

	memset(cd, 0, sizeof *cd);
	cd->panel_body_id = panel->id;
	cd->partnership_id = panel->partnership_id;
	cd->reference = cells[COL_REFERENCE];
	cd->age_band = cells[COL_AGE_BAND];
	cd->died_on = cells[COL_DIED_ON];
	cd->notified_on = cells[COL_NOTIFIED_ON];
	cd->place = cells[COL_PLACE];
	cd->review_meeting_on = cells[COL_REVIEW_MEETING_ON];
	cd->reviewed_on = cells[COL_REVIEWED_ON];
	cd->modifiable = cells[COL_MODIFIABLE];
	cd->learning = cells[COL_LEARNING];
	if (given(cells[COL_PARTNERSHIP])) {
		struct gov_partnership p;

		if (gov_partnership_find(g, cells[COL_PARTNERSHIP], a, &p,
		                         NULL) != MASA_OK)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "partnership: \"%.40s\" is not a "
			                      "partnership's key",
			                      cells[COL_PARTNERSHIP]);
		cd->partnership_id = p.id;
	}
	c = cells[COL_EXPECTED];
	if (read_yes_no(c) < 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "expected: \"%.20s\" is neither yes "
		                      "(expected) nor no (unexpected)",
		                      c);
	cd->expected = read_yes_no(c) == 1;
	c = cells[COL_CATEGORY];
	if (given(c)) {
		char *end;
		long v = strtol(c, &end, 10);

		if (*end != '\0' || v < 1 || v > CHILD_DEATH_CATEGORIES)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "category: %.20s is not a category "
			        "of death (1-10)",
			        c);
		cd->category = (int)v;
	}
	for (size_t i = 0; i < 4; i++) {
		c = cells[factor_columns[i]];
		if (!given(c))
			continue;
		cd->factors = arena_grow(a, cd->factors, cd->nfactors, &cap,
		                         sizeof *cd->factors, 4);
		cd->factors[cd->nfactors].domain =
		        (char *)child_death_domains[i];
		cd->factors[cd->nfactors++].description = (char *)c;
	}
	read_themes(a, cells[COL_THEMES], cd);
	if (given(cells[COL_PANEL_MEETING])) {
		struct gov_meeting m;

		rc = gov_meeting_find(g, panel->partnership_id,
		                      cells[COL_PANEL_MEETING], a, &m, NULL);
		if (rc != MASA_OK)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "panel_meeting: \"%.40s\" is not a "
			        "meeting of the panel",
			        cells[COL_PANEL_MEETING]);
		cd->panel_meeting_id = m.id;
	}
	return MASA_OK;
}

/* The column each header field names (-1 for one masa does not know). */
static enum masa_err read_header(char **fields, size_t n, int *index_of,
                                 struct masa_error *err)
{
	for (size_t c = 0; c < NCOLUMNS; c++)
		index_of[c] = -1;
	for (size_t i = 0; i < n; i++) {
		for (size_t c = 0; c < NCOLUMNS; c++) {
			if (strcasecmp(fields[i],
			               child_death_csv_columns[c].name) != 0)
				continue;
			if (index_of[c] >= 0)
				return masa_error_set(
				        err, MASA_ERR_INVALID,
				        "row 1: column %s is given twice",
				        child_death_csv_columns[c].name);
			index_of[c] = (int)i;
		}
	}
	for (size_t c = 0; c < NCOLUMNS; c++)
		if (index_of[c] < 0 && child_death_csv_columns[c].required)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "row 1: column %s is missing (the header must "
			        "name every required column: see "
			        "docs/assure.md)",
			        child_death_csv_columns[c].name);
	return MASA_OK;
}

/* Turns a domain message ("date of death ...") into one naming the row. */
static enum masa_err row_error(struct masa_error *err, long row)
{
	char message[sizeof err->message];

	snprintf(message, sizeof message, "%s", err->message);
	return masa_error_set(err, err->code, "row %ld, %s", row, message);
}

static enum masa_err import_rows(struct gov *g, const struct gov_body *panel,
                                 struct csv_reader *r, const int *index_of,
                                 struct arena *a, long *count,
                                 struct masa_error *err)
{
	char **fields, *cells[NCOLUMNS];
	char **refs = NULL;
	size_t n, nrefs = 0, cap = 0;
	enum masa_err rc;

	while ((rc = csv_next(r, a, &fields, &n, err)) == MASA_OK && n > 0) {
		struct child_death cd;

		if (r->row > IMPORT_ROWS_MAX)
			return masa_error_set(err, MASA_ERR_LIMIT,
			                      "the file has more than %d rows",
			                      IMPORT_ROWS_MAX);
		for (size_t c = 0; c < NCOLUMNS; c++)
			cells[c] = index_of[c] >= 0 && (size_t)index_of[c] < n
			                   ? fields[index_of[c]]
			                   : "";
		if ((rc = read_case(g, panel, cells, a, &cd, err)) != MASA_OK)
			return row_error(err, r->row);
		for (size_t i = 0; i < nrefs; i++)
			if (strcmp(refs[i], cd.reference) == 0)
				return masa_error_set(
				        err, MASA_ERR_CONFLICT,
				        "row %ld, case_reference: %.40s is "
				        "given twice in the file",
				        r->row, cd.reference);
		if ((rc = child_death_create(g, &cd, err)) != MASA_OK)
			return row_error(err, r->row);
		refs = arena_grow(a, refs, nrefs, &cap, sizeof *refs, 64);
		refs[nrefs++] = cd.reference;
		(*count)++;
	}
	if (rc != MASA_OK)
		return rc;
	return MASA_OK;
}

enum masa_err child_death_import_csv(struct gov *g, int64_t panel_body_id,
                                     const char *data, size_t len, long *count,
                                     struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct csv_reader r;
	struct gov_body panel;
	char **fields;
	size_t n;
	int index_of[NCOLUMNS];
	long stored = 0;
	enum masa_err rc;

	if (count)
		*count = 0;
	csv_init(&r, data, len);
	if ((rc = gov_body_get(g, panel_body_id, &a, &panel, err)) != MASA_OK)
		goto out;
	if ((rc = csv_next(&r, &a, &fields, &n, err)) != MASA_OK)
		goto out;
	if (n == 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "the file is empty: it needs a header row "
		                    "naming the columns");
		goto out;
	}
	if ((rc = read_header(fields, n, index_of, err)) != MASA_OK ||
	    (rc = gov_begin(g, err)) != MASA_OK)
		goto out;
	rc = gov_end(g, import_rows(g, &panel, &r, index_of, &a, &stored, err),
	             err);
	if (rc == MASA_OK && count)
		*count = stored;
out:
	arena_free(&a);
	return rc;
}

/* One case's cells, in column order, in a. */
static void case_cells(const struct child_death *cd, struct arena *a,
                       const char **cells)
{
	struct buf themes;

	cells[COL_REFERENCE] = cd->reference;
	cells[COL_PARTNERSHIP] = cd->partnership_key;
	cells[COL_AGE_BAND] = cd->age_band;
	cells[COL_DIED_ON] = cd->died_on;
	cells[COL_NOTIFIED_ON] = cd->notified_on;
	cells[COL_PLACE] = cd->place;
	cells[COL_EXPECTED] = cd->expected ? "yes" : "no";
	cells[COL_REVIEW_MEETING_ON] = cd->review_meeting_on;
	cells[COL_PANEL_MEETING] = cd->panel_meeting_key;
	cells[COL_REVIEWED_ON] = cd->reviewed_on;
	cells[COL_CATEGORY] =
	        cd->category ? arena_printf(a, "%d", cd->category) : "";
	cells[COL_MODIFIABLE] = cd->modifiable;
	for (size_t i = 0; i < 4; i++) {
		cells[factor_columns[i]] = "";
		for (size_t j = 0; j < cd->nfactors; j++)
			if (strcmp(cd->factors[j].domain,
			           child_death_domains[i]) == 0)
				cells[factor_columns[i]] =
				        given(cd->factors[j].description)
				                ? cd->factors[j].description
				                : "yes";
	}
	buf_init(&themes, 4096);
	for (size_t i = 0; i < cd->nthemes; i++)
		buf_printf(&themes, NULL, "%s%s", i ? ";" : "", cd->themes[i]);
	cells[COL_THEMES] = arena_strdup(a, buf_str(&themes));
	buf_free(&themes);
	cells[COL_LEARNING] = cd->learning;
}

enum masa_err child_death_export_csv(struct gov *g, const struct gov_viewer *v,
                                     const struct child_death_filter *f,
                                     struct buf *out, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct child_death *list;
	const char *cells[NCOLUMNS];
	size_t n;
	long total;
	enum masa_err rc;

	for (size_t c = 0; c < NCOLUMNS; c++)
		cells[c] = child_death_csv_columns[c].name;
	if ((rc = csv_write_row(out, cells, NCOLUMNS, err)) != MASA_OK ||
	    (rc = gov_begin(g, err)) != MASA_OK)
		goto out;
	rc = child_death_list(g, v, f, &a, &list, &n, &total, err);
	for (size_t i = 0; rc == MASA_OK && i < n; i++) {
		struct child_death cd;

		if ((rc = child_death_get(g, v, list[i].id, &a, &cd, err)) !=
		            MASA_OK ||
		    (rc = assure_audit_view(g, "child_death", cd.id, err)) !=
		            MASA_OK)
			break;
		case_cells(&cd, &a, cells);
		rc = csv_write_row(out, cells, NCOLUMNS, err);
	}
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}
