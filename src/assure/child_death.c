/*
 * child_death: the panel's child death reviews (see child_death.h).
 */
#include "assure/child_death.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "assure/assure.h"
#include "core/date.h"
#include "gov/audit.h"

const char *const child_death_categories[CHILD_DEATH_CATEGORIES + 1] = {
        NULL,
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

const char *const child_death_places[] = {
        "home", "hospital", "hospice", "public_place", "abroad", "other", NULL};
static const char *const place_labels[] = {
        "Home", "Hospital", "Hospice", "Public place", "Abroad", "Other", NULL};
const char *const child_death_modifiable[] = {"yes", "no", "insufficient",
                                              NULL};
static const char *const modifiable_labels[] = {
        "Modifiable factors identified", "No modifiable factors identified",
        "Insufficient information", NULL};
const char *const child_death_domains[] = {"child", "social_environment",
                                           "physical_environment",
                                           "service_provision", NULL};
static const char *const domain_labels[] = {
        "The child",
        "Social environment, including family and parenting capacity",
        "Physical environment", "Service provision", NULL};

static const char *label_of(const char *const *values,
                            const char *const *labels, const char *v)
{
	for (size_t i = 0; v != NULL && values[i] != NULL; i++)
		if (strcmp(values[i], v) == 0)
			return labels[i];
	return NULL;
}

const char *child_death_place_label(const char *place)
{
	return label_of(child_death_places, place_labels, place);
}

const char *child_death_modifiable_label(const char *m)
{
	return label_of(child_death_modifiable, modifiable_labels, m);
}

const char *child_death_domain_label(const char *domain)
{
	return label_of(child_death_domains, domain_labels, domain);
}

/* A date field: empty is allowed when optional; never after today. */
static enum masa_err check_date(const char *field, const char *value,
                                bool required, struct masa_error *err)
{
	date_days d;

	if (value == NULL || value[0] == '\0')
		return required ? masa_error_set(err, MASA_ERR_INVALID,
		                                 "%s is missing: give the date",
		                                 field)
		                : MASA_OK;
	if (date_parse(value, &d, NULL) != MASA_OK)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s \"%.20s\" is not a date: write it as "
		                      "YYYY-MM-DD (2021-03-14)",
		                      field, value);
	if (d > date_today())
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s %s is after today: record what has "
		                      "happened",
		                      field, value);
	return MASA_OK;
}

static bool given(const char *s)
{
	return s != NULL && s[0] != '\0';
}

/* A date not before the death. */
static enum masa_err check_after_death(const char *field, const char *value,
                                       const char *died_on,
                                       struct masa_error *err)
{
	if (given(value) && strcmp(value, died_on) < 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s %s is before the date of death (%s)",
		                      field, value, died_on);
	return MASA_OK;
}

static const char SQL_PANEL_SERVES[] =
        "SELECT 1 FROM body b WHERE b.id = ?1 AND (b.partnership_id = ?2 "
        "OR EXISTS (SELECT 1 FROM body_partnership bp WHERE bp.body_id = "
        "b.id AND bp.partnership_id = ?2))";
static const char SQL_MEETING_OF[] =
        "SELECT body_id, date FROM meeting WHERE id = ?1";
static const char SQL_THEME_ID[] =
        "SELECT id FROM cdr_theme WHERE key = ?1 AND (body_id IS NULL OR "
        "body_id = ?2) ORDER BY CASE WHEN body_id IS NULL THEN 0 ELSE 1 END";

/* Whether a row comes of st (which is then done). */
static enum masa_err exists(struct store_stmt *st, bool *out,
                            struct masa_error *err)
{
	enum masa_err rc = store_step(st, out, err);

	store_done(st);
	return rc;
}

static enum masa_err theme_id(struct gov *g, int64_t body_id, const char *key,
                              int64_t *out, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, SQL_THEME_ID, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_text(st, 1, key);
	store_bind_int(st, 2, body_id);
	rc = store_step(st, &row, err);
	*out = rc == MASA_OK && row ? store_column_int(st, 0) : 0;
	store_done(st);
	if (rc == MASA_OK && !row)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "theme \"%.40s\" is not one of the panel's "
		        "themes: add it first (masa child-death "
		        "theme add)",
		        key);
	return rc;
}

static enum masa_err check_factors(const struct child_death *cd,
                                   struct masa_error *err)
{
	bool yes = cd->modifiable != NULL && strcmp(cd->modifiable, "yes") == 0;

	if (yes && cd->nfactors == 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "modifiable factors: 'yes' needs at least "
		        "one domain (the child, social environment, "
		        "physical environment or service provision)");
	if (!yes && cd->nfactors > 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "modifiable factors: a domain is given but "
		        "the review found %s; say 'yes' to record "
		        "factors",
		        cd->modifiable ? cd->modifiable : "no answer yet");
	for (size_t i = 0; i < cd->nfactors; i++) {
		if (child_death_domain_label(cd->factors[i].domain) == NULL)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "modifiable factor domain \"%.30s\" is not a "
			        "domain: use child, social_environment, "
			        "physical_environment or service_provision",
			        cd->factors[i].domain ? cd->factors[i].domain
			                              : "");
		for (size_t j = 0; j < i; j++)
			if (strcmp(cd->factors[j].domain,
			           cd->factors[i].domain) == 0)
				return masa_error_set(
				        err, MASA_ERR_INVALID,
				        "modifiable factor domain %s is given "
				        "twice",
				        cd->factors[i].domain);
	}
	return MASA_OK;
}

enum masa_err child_death_check(struct gov *g, const struct child_death *cd,
                                struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	if ((rc = assure_reference_check("case reference", cd->reference,
	                                 err)) != MASA_OK ||
	    (rc = assure_age_band_check("age band", cd->age_band, err)) !=
	            MASA_OK)
		return rc;
	if (strcmp(cd->age_band, "unborn") == 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "age band: a child death review is of a "
		                      "child born alive; use 0-27d for a "
		                      "newborn");
	if ((rc = check_date("date of death", cd->died_on, true, err)) !=
	            MASA_OK ||
	    (rc = check_date("date notified", cd->notified_on, false, err)) !=
	            MASA_OK ||
	    (rc = check_date("date of the child death review meeting",
	                     cd->review_meeting_on, false, err)) != MASA_OK ||
	    (rc = check_date("date reviewed by the panel", cd->reviewed_on,
	                     false, err)) != MASA_OK)
		return rc;
	if ((rc = check_after_death("date notified", cd->notified_on,
	                            cd->died_on, err)) != MASA_OK ||
	    (rc = check_after_death("date of the child death review meeting",
	                            cd->review_meeting_on, cd->died_on, err)) !=
	            MASA_OK ||
	    (rc = check_after_death("date reviewed by the panel",
	                            cd->reviewed_on, cd->died_on, err)) !=
	            MASA_OK)
		return rc;
	if (given(cd->place) && child_death_place_label(cd->place) == NULL)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "place of death \"%.30s\" is not a place: "
		        "use home, hospital, hospice, public_place, "
		        "abroad or other",
		        cd->place);
	if (cd->category != 0 &&
	    (cd->category < 1 || cd->category > CHILD_DEATH_CATEGORIES))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "category: %d is not a category of death "
		                      "(1-10)",
		                      cd->category);
	if (given(cd->modifiable) &&
	    child_death_modifiable_label(cd->modifiable) == NULL)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "modifiable factors \"%.20s\": use yes, no "
		        "or insufficient",
		        cd->modifiable);
	if (given(cd->reviewed_on) && cd->category == 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "category: a reviewed case needs its "
		                      "category of death (1-10)");
	if (given(cd->reviewed_on) && !given(cd->modifiable))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "modifiable factors: a reviewed case needs "
		        "yes, no or insufficient");
	if ((rc = check_factors(cd, err)) != MASA_OK)
		return rc;
	/* The panel serves the child's partnership. */
	if ((rc = store_prepare(g->store, SQL_PANEL_SERVES, &st, err)) !=
	    MASA_OK)
		return rc;
	store_bind_int(st, 1, cd->panel_body_id);
	store_bind_int(st, 2, cd->partnership_id);
	if ((rc = exists(st, &row, err)) != MASA_OK)
		return rc;
	if (!row)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "partnership: the panel does not serve the "
		        "child's partnership (masa body serve)");
	if (cd->panel_meeting_id != 0) {
		int64_t body = 0;
		char date[DATE_TEXT_SIZE] = "";

		if ((rc = store_prepare(g->store, SQL_MEETING_OF, &st, err)) !=
		    MASA_OK)
			return rc;
		store_bind_int(st, 1, cd->panel_meeting_id);
		rc = store_step(st, &row, err);
		if (rc == MASA_OK && row) {
			body = store_column_int(st, 0);
			snprintf(date, sizeof date, "%s",
			         store_column_text(st, 1));
		}
		store_done(st);
		if (rc != MASA_OK)
			return rc;
		if (body != cd->panel_body_id)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "panel meeting: not a meeting of "
			        "the panel that reviews the case");
		if ((rc = check_after_death("panel meeting", date, cd->died_on,
		                            err)) != MASA_OK)
			return rc;
	}
	for (size_t i = 0; i < cd->nthemes; i++) {
		int64_t id;

		if ((rc = theme_id(g, cd->panel_body_id, cd->themes[i], &id,
		                   err)) != MASA_OK)
			return rc;
		for (size_t j = 0; j < i; j++)
			if (strcmp(cd->themes[j], cd->themes[i]) == 0)
				return masa_error_set(err, MASA_ERR_INVALID,
				                      "theme %s is given twice",
				                      cd->themes[i]);
	}
	return MASA_OK;
}

/* The case as JSON, for the audit log. */
static json_t *case_json(const struct child_death *cd)
{
	json_t *o = json_object();
	json_t *f = json_array(), *t = json_array();

	json_object_set_new(o, "reference", json_string(cd->reference));
	json_object_set_new(o, "age_band", json_string(cd->age_band));
	json_object_set_new(o, "died_on", json_string(cd->died_on));
	if (given(cd->notified_on))
		json_object_set_new(o, "notified_on",
		                    json_string(cd->notified_on));
	if (given(cd->place))
		json_object_set_new(o, "place", json_string(cd->place));
	json_object_set_new(o, "expected", json_boolean(cd->expected));
	if (given(cd->review_meeting_on))
		json_object_set_new(o, "review_meeting_on",
		                    json_string(cd->review_meeting_on));
	if (cd->panel_meeting_id)
		json_object_set_new(o, "panel_meeting_id",
		                    json_integer(cd->panel_meeting_id));
	if (given(cd->reviewed_on))
		json_object_set_new(o, "reviewed_on",
		                    json_string(cd->reviewed_on));
	if (cd->category)
		json_object_set_new(o, "category", json_integer(cd->category));
	if (given(cd->modifiable))
		json_object_set_new(o, "modifiable",
		                    json_string(cd->modifiable));
	for (size_t i = 0; i < cd->nfactors; i++)
		json_array_append_new(f, json_string(cd->factors[i].domain));
	for (size_t i = 0; i < cd->nthemes; i++)
		json_array_append_new(t, json_string(cd->themes[i]));
	json_object_set_new(o, "factors", f);
	json_object_set_new(o, "themes", t);
	return o;
}

static void bind_opt_text(struct store_stmt *st, int i, const char *s)
{
	if (given(s))
		store_bind_text(st, i, s);
	else
		store_bind_null(st, i);
}

/* Binds ?1..?13 of an insert or update. */
static void bind_case(struct store_stmt *st, const struct child_death *cd)
{
	store_bind_int(st, 1, cd->partnership_id);
	store_bind_int(st, 2, cd->panel_body_id);
	store_bind_text(st, 3, cd->reference);
	store_bind_text(st, 4, cd->age_band);
	store_bind_text(st, 5, cd->died_on);
	bind_opt_text(st, 6, cd->notified_on);
	bind_opt_text(st, 7, cd->place);
	store_bind_int(st, 8, cd->expected ? 1 : 0);
	bind_opt_text(st, 9, cd->review_meeting_on);
	store_bind_id(st, 10, cd->panel_meeting_id);
	bind_opt_text(st, 11, cd->reviewed_on);
	if (cd->category)
		store_bind_int(st, 12, cd->category);
	else
		store_bind_null(st, 12);
	bind_opt_text(st, 13, cd->modifiable);
	bind_opt_text(st, 14, cd->learning);
}

static const char SQL_INSERT[] =
        "INSERT INTO child_death (partnership_id, panel_body_id, reference, "
        "age_band, died_on, notified_on, place, expected, review_meeting_on, "
        "panel_meeting_id, reviewed_on, category, modifiable, learning) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
        "RETURNING id";
static const char SQL_UPDATE[] =
        "UPDATE child_death SET partnership_id = ?1, panel_body_id = ?2, "
        "reference = ?3, age_band = ?4, died_on = ?5, notified_on = ?6, "
        "place = ?7, expected = ?8, review_meeting_on = ?9, "
        "panel_meeting_id = ?10, reviewed_on = ?11, category = ?12, "
        "modifiable = ?13, learning = ?14, version = version + 1 "
        "WHERE id = ?15";
static const char SQL_REF_TAKEN[] =
        "SELECT 1 FROM child_death WHERE panel_body_id = ?1 AND reference = "
        "?2 AND id <> ?3";
static const char SQL_VERSION[] =
        "SELECT version FROM child_death WHERE id = ?1";
static const char SQL_FACTORS_CLEAR[] =
        "DELETE FROM child_death_factor WHERE child_death_id = ?1";
static const char SQL_THEMES_CLEAR[] =
        "DELETE FROM child_death_theme WHERE child_death_id = ?1";
static const char SQL_FACTOR_ADD[] =
        "INSERT INTO child_death_factor (child_death_id, domain, description) "
        "VALUES (?1, ?2, ?3)";
static const char SQL_THEME_ADD[] =
        "INSERT INTO child_death_theme (child_death_id, theme_id) VALUES "
        "(?1, ?2)";

static enum masa_err ref_taken(struct gov *g, const struct child_death *cd,
                               struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, SQL_REF_TAKEN, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, cd->panel_body_id);
	store_bind_text(st, 2, cd->reference);
	store_bind_int(st, 3, cd->id);
	if ((rc = exists(st, &row, err)) != MASA_OK)
		return rc;
	if (row)
		return masa_error_set(err, MASA_ERR_CONFLICT,
		                      "case reference %s is already used by "
		                      "another case of the panel",
		                      cd->reference);
	return MASA_OK;
}

/* Replaces the factors and themes of cd->id with cd's. */
static enum masa_err store_parts(struct gov *g, const struct child_death *cd,
                                 struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc;

	if ((rc = store_prepare(g->store, SQL_FACTORS_CLEAR, &st, err)) !=
	    MASA_OK)
		return rc;
	store_bind_int(st, 1, cd->id);
	if ((rc = store_run(st, NULL, err)) != MASA_OK)
		return rc;
	if ((rc = store_prepare(g->store, SQL_THEMES_CLEAR, &st, err)) !=
	    MASA_OK)
		return rc;
	store_bind_int(st, 1, cd->id);
	if ((rc = store_run(st, NULL, err)) != MASA_OK)
		return rc;
	for (size_t i = 0; i < cd->nfactors; i++) {
		const char *d = cd->factors[i].description;

		if ((rc = store_prepare(g->store, SQL_FACTOR_ADD, &st, err)) !=
		    MASA_OK)
			return rc;
		store_bind_int(st, 1, cd->id);
		store_bind_text(st, 2, cd->factors[i].domain);
		store_bind_text(st, 3, d ? d : "");
		if ((rc = store_run(st, NULL, err)) != MASA_OK)
			return rc;
	}
	for (size_t i = 0; i < cd->nthemes; i++) {
		int64_t tid;

		if ((rc = theme_id(g, cd->panel_body_id, cd->themes[i], &tid,
		                   err)) != MASA_OK ||
		    (rc = store_prepare(g->store, SQL_THEME_ADD, &st, err)) !=
		            MASA_OK)
			return rc;
		store_bind_int(st, 1, cd->id);
		store_bind_int(st, 2, tid);
		if ((rc = store_run(st, NULL, err)) != MASA_OK)
			return rc;
	}
	return MASA_OK;
}

enum masa_err child_death_create(struct gov *g, struct child_death *cd,
                                 struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc;

	cd->id = 0;
	if ((rc = child_death_check(g, cd, err)) != MASA_OK ||
	    (rc = gov_begin(g, err)) != MASA_OK)
		return rc;
	if ((rc = ref_taken(g, cd, err)) != MASA_OK ||
	    (rc = store_prepare(g->store, SQL_INSERT, &st, err)) != MASA_OK)
		return gov_end(g, rc, err);
	bind_case(st, cd);
	if ((rc = store_run(st, &cd->id, err)) == MASA_OK &&
	    (rc = store_parts(g, cd, err)) == MASA_OK && !g->bulk)
		rc = audit_record(g, "create", "child_death", cd->id, NULL,
		                  case_json(cd), err);
	cd->version = 1;
	return gov_end(g, rc, err);
}

enum masa_err child_death_update(struct gov *g, struct child_death *cd,
                                 struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	int64_t version = 0;
	enum masa_err rc;

	if ((rc = child_death_check(g, cd, err)) != MASA_OK ||
	    (rc = gov_begin(g, err)) != MASA_OK)
		return rc;
	if ((rc = store_prepare(g->store, SQL_VERSION, &st, err)) != MASA_OK)
		return gov_end(g, rc, err);
	store_bind_int(st, 1, cd->id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		version = store_column_int(st, 0);
	store_done(st);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "there is no such case");
	if (rc == MASA_OK && cd->version != 0 && cd->version != version)
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "case %s was changed by someone else since "
		                    "you opened it: look at it again",
		                    cd->reference);
	if (rc == MASA_OK)
		rc = ref_taken(g, cd, err);
	if (rc == MASA_OK)
		rc = store_prepare(g->store, SQL_UPDATE, &st, err);
	if (rc != MASA_OK)
		return gov_end(g, rc, err);
	bind_case(st, cd);
	store_bind_int(st, 15, cd->id);
	if ((rc = store_run(st, NULL, err)) == MASA_OK &&
	    (rc = store_parts(g, cd, err)) == MASA_OK)
		rc = audit_record(g, "update", "child_death", cd->id, NULL,
		                  case_json(cd), err);
	cd->version = version + 1;
	return gov_end(g, rc, err);
}

#define CASE_COLUMNS                                                       \
	"cd.id, cd.partnership_id, cd.panel_body_id, cd.reference, "       \
	"cd.age_band, cd.died_on, cd.notified_on, cd.place, cd.expected, " \
	"cd.review_meeting_on, cd.panel_meeting_id, cd.reviewed_on, "      \
	"cd.category, cd.modifiable, cd.learning, cd.version, p.key, "     \
	"p.name, pb.short_name, pm.key"
#define CASE_FROM                                                        \
	" FROM child_death cd JOIN body pb ON pb.id = cd.panel_body_id " \
	"JOIN partnership p ON p.id = cd.partnership_id "                \
	"LEFT JOIN meeting pm ON pm.id = cd.panel_meeting_id "
#define CASE_SEEN GOV_SQL_SEES_CHILD_DEATH("cd", "pb")

static char *col_text(struct arena *a, struct store_stmt *st, int c)
{
	const char *s = store_column_text(st, c);

	return s ? arena_strdup(a, s) : NULL;
}

static void read_case(struct store_stmt *st, struct arena *a,
                      struct child_death *cd)
{
	memset(cd, 0, sizeof *cd);
	cd->id = store_column_int(st, 0);
	cd->partnership_id = store_column_int(st, 1);
	cd->panel_body_id = store_column_int(st, 2);
	cd->reference = col_text(a, st, 3);
	cd->age_band = col_text(a, st, 4);
	cd->died_on = col_text(a, st, 5);
	cd->notified_on = col_text(a, st, 6);
	cd->place = col_text(a, st, 7);
	cd->expected = store_column_int(st, 8) != 0;
	cd->review_meeting_on = col_text(a, st, 9);
	cd->panel_meeting_id = store_column_int(st, 10);
	cd->reviewed_on = col_text(a, st, 11);
	cd->category = (int)store_column_int(st, 12);
	cd->modifiable = col_text(a, st, 13);
	cd->learning = col_text(a, st, 14);
	cd->version = store_column_int(st, 15);
	cd->partnership_key = col_text(a, st, 16);
	cd->partnership_name = col_text(a, st, 17);
	cd->panel_short_name = col_text(a, st, 18);
	cd->panel_meeting_key = col_text(a, st, 19);
}

static const char SQL_FACTORS[] =
        "SELECT domain, description FROM child_death_factor WHERE "
        "child_death_id = ?1 ORDER BY CASE domain WHEN 'child' THEN 1 WHEN "
        "'social_environment' THEN 2 WHEN 'physical_environment' THEN 3 ELSE "
        "4 END";
static const char SQL_THEMES[] =
        "SELECT t.key FROM child_death_theme ct JOIN cdr_theme t ON t.id = "
        "ct.theme_id WHERE ct.child_death_id = ?1 ORDER BY t.name";

/* Reads the factors and themes of cd. */
static enum masa_err read_parts(struct gov *g, struct arena *a,
                                struct child_death *cd, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t cap = 0;
	enum masa_err rc = store_prepare(g->store, SQL_FACTORS, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, cd->id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		cd->factors = arena_grow(a, cd->factors, cd->nfactors, &cap,
		                         sizeof *cd->factors, 4);
		cd->factors[cd->nfactors].domain = col_text(a, st, 0);
		cd->factors[cd->nfactors].description = col_text(a, st, 1);
		cd->nfactors++;
	}
	store_done(st);
	if (rc != MASA_OK ||
	    (rc = store_prepare(g->store, SQL_THEMES, &st, err)) != MASA_OK)
		return rc;
	cap = 0;
	store_bind_int(st, 1, cd->id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		cd->themes = arena_grow(a, cd->themes, cd->nthemes, &cap,
		                        sizeof *cd->themes, 4);
		cd->themes[cd->nthemes++] = col_text(a, st, 0);
	}
	store_done(st);
	return rc;
}

static const char SQL_FIND[] =
        "SELECT " CASE_COLUMNS CASE_FROM
        "WHERE cd.reference = ?1 AND " CASE_SEEN " ORDER BY cd.id";
static const char SQL_GET[] =
        "SELECT " CASE_COLUMNS CASE_FROM "WHERE cd.id = ?2 AND " CASE_SEEN;

static enum masa_err fetch_one(struct gov *g, const struct gov_viewer *v,
                               const char *sql, const char *ref, int64_t id,
                               struct arena *a, struct child_death *out,
                               struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, sql, &st, err);

	if (rc != MASA_OK)
		return rc;
	gov_viewer_bind(st, v);
	if (ref != NULL)
		store_bind_text(st, 1, ref);
	else
		store_bind_int(st, 2, id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		read_case(st, a, out);
	store_done(st);
	if (rc != MASA_OK)
		return rc;
	if (!row)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "there is no case %s that you may see",
		                      ref ? ref : "of that number");
	return read_parts(g, a, out, err);
}

enum masa_err child_death_find(struct gov *g, const struct gov_viewer *v,
                               const char *reference, struct arena *a,
                               struct child_death *out, struct masa_error *err)
{
	return fetch_one(g, v, SQL_FIND, reference ? reference : "", 0, a, out,
	                 err);
}

enum masa_err child_death_get(struct gov *g, const struct gov_viewer *v,
                              int64_t id, struct arena *a,
                              struct child_death *out, struct masa_error *err)
{
	return fetch_one(g, v, SQL_GET, NULL, id, a, out, err);
}

/* ?1 partnership or 0, ?2 panel or 0, ?3 year text or '', ?4 status,
 * ?5 category or 0, ?6 theme key or '', ?7 from or '', ?8 to or '' */
#define LIST_WHERE                                                          \
	"WHERE " CASE_SEEN " AND (?1 = 0 OR cd.partnership_id = ?1) AND "   \
	"(?2 = 0 OR cd.panel_body_id = ?2) AND (?3 = '' OR "                \
	"SUBSTR(cd.died_on, 1, 4) = ?3) AND (?4 = 0 OR (?4 = 1 AND "        \
	"cd.reviewed_on IS NOT NULL) OR (?4 = 2 AND cd.reviewed_on IS "     \
	"NULL)) AND (?5 = 0 OR cd.category = ?5) AND (?6 = '' OR EXISTS "   \
	"(SELECT 1 FROM child_death_theme ct JOIN cdr_theme t ON t.id = "   \
	"ct.theme_id WHERE ct.child_death_id = cd.id AND t.key = ?6)) AND " \
	"(?7 = '' OR cd.died_on >= ?7) AND (?8 = '' OR cd.died_on <= ?8)"
static const char SQL_LIST[] =
        "SELECT " CASE_COLUMNS CASE_FROM LIST_WHERE
        " ORDER BY cd.died_on DESC, cd.id DESC LIMIT ?9 OFFSET ?10";
static const char SQL_COUNT[] = "SELECT COUNT(*)" CASE_FROM LIST_WHERE;

static void bind_filter(struct store_stmt *st, const struct gov_viewer *v,
                        const struct child_death_filter *f)
{
	char year[12] = "";

	if (f->year > 0)
		snprintf(year, sizeof year, "%04d", f->year);
	gov_viewer_bind(st, v);
	store_bind_int(st, 1, f->partnership_id);
	store_bind_int(st, 2, f->panel_body_id);
	store_bind_text(st, 3, year);
	store_bind_int(st, 4, f->status);
	store_bind_int(st, 5, f->category);
	store_bind_text(st, 6, f->theme ? f->theme : "");
	store_bind_text(st, 7, f->from ? f->from : "");
	store_bind_text(st, 8, f->to ? f->to : "");
}

enum masa_err child_death_list(struct gov *g, const struct gov_viewer *v,
                               const struct child_death_filter *f,
                               struct arena *a, struct child_death **out,
                               size_t *n, long *total, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t cap = 0;
	enum masa_err rc = store_prepare(g->store, SQL_COUNT, &st, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	bind_filter(st, v, f);
	rc = store_step(st, &row, err);
	if (total)
		*total = rc == MASA_OK && row ? (long)store_column_int(st, 0)
		                              : 0;
	store_done(st);
	if (rc != MASA_OK ||
	    (rc = store_prepare(g->store, SQL_LIST, &st, err)) != MASA_OK)
		return rc;
	bind_filter(st, v, f);
	store_bind_int(st, 9, f->limit > 0 ? f->limit : INT64_C(1) << 40);
	store_bind_int(st, 10, f->offset);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 16);
		read_case(st, a, &(*out)[(*n)++]);
	}
	store_done(st);
	return rc;
}

/* A case the viewer may see, or a panel whose cases it may record. */
static const char SQL_SEES_ANY[] =
        "SELECT 1 FROM child_death cd JOIN body pb ON pb.id = "
        "cd.panel_body_id WHERE " CASE_SEEN " UNION ALL SELECT 1 FROM body b "
        "WHERE b.kind = 'panel' AND b.partnership_id = ?91 AND "
        "(?98 = 1 OR (?92 = 1 AND ?93 = 1) OR (?92 = 1 AND " GOV_SQL_MEMBER_OF(
                "b.id", "?95") "))";

bool child_death_viewer_sees_cases(struct gov *g, const struct gov_viewer *v)
{
	struct store_stmt *st;
	bool row = false;

	if (store_prepare(g->store, SQL_SEES_ANY, &st, NULL) != MASA_OK)
		return false;
	gov_viewer_bind(st, v);
	if (store_step(st, &row, NULL) != MASA_OK)
		row = false;
	store_done(st);
	return row;
}

static const char SQL_THEME_LIST[] =
        "SELECT id, COALESCE(body_id, 0), key, name FROM cdr_theme WHERE "
        "body_id IS NULL OR body_id = ?1 ORDER BY CASE WHEN body_id IS NULL "
        "THEN 0 ELSE 1 END, name";

enum masa_err cdr_theme_list(struct gov *g, int64_t panel_body_id,
                             struct arena *a, struct cdr_theme **out, size_t *n,
                             struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t cap = 0;
	enum masa_err rc = store_prepare(g->store, SQL_THEME_LIST, &st, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, panel_body_id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		struct cdr_theme *t;

		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 16);
		t = &(*out)[(*n)++];
		t->id = store_column_int(st, 0);
		t->body_id = store_column_int(st, 1);
		t->key = col_text(a, st, 2);
		t->name = col_text(a, st, 3);
	}
	store_done(st);
	return rc;
}

static const char SQL_THEME_INSERT[] =
        "INSERT INTO cdr_theme (body_id, key, name) VALUES (?1, ?2, ?3) "
        "RETURNING id";
static const char SQL_THEME_TAKEN[] =
        "SELECT 1 FROM cdr_theme WHERE key = ?1 AND (body_id IS NULL OR "
        "body_id = ?2)";

enum masa_err cdr_theme_add(struct gov *g, int64_t panel_body_id,
                            const char *key, const char *name,
                            struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	int64_t id = 0;
	size_t n = key ? strlen(key) : 0;
	enum masa_err rc;

	if (n == 0 || n > 40)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "theme key: give 1 to 40 lower-case letters, "
		        "digits and - (water-safety)");
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)key[i]) &&
		    !isdigit((unsigned char)key[i]) && key[i] != '-')
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "theme key \"%.40s\": use lower-case "
			        "letters, digits and - only",
			        key);
	if (name == NULL || name[0] == '\0' || strlen(name) > 80)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "theme name: give 1 to 80 characters");
	if ((rc = gov_begin(g, err)) != MASA_OK)
		return rc;
	if ((rc = store_prepare(g->store, SQL_THEME_TAKEN, &st, err)) !=
	    MASA_OK)
		return gov_end(g, rc, err);
	store_bind_text(st, 1, key);
	store_bind_int(st, 2, panel_body_id);
	if ((rc = exists(st, &row, err)) == MASA_OK && row)
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "theme %s exists already", key);
	if (rc == MASA_OK && (rc = store_prepare(g->store, SQL_THEME_INSERT,
	                                         &st, err)) == MASA_OK) {
		store_bind_int(st, 1, panel_body_id);
		store_bind_text(st, 2, key);
		store_bind_text(st, 3, name);
		rc = store_run(st, &id, err);
	}
	if (rc == MASA_OK && !g->bulk) {
		json_t *o = json_object();

		json_object_set_new(o, "key", json_string(key));
		json_object_set_new(o, "name", json_string(name));
		json_object_set_new(o, "body_id", json_integer(panel_body_id));
		rc = audit_record(g, "create", "cdr_theme", id, NULL, o, err);
	}
	return gov_end(g, rc, err);
}

static const char SQL_LINK[] =
        "INSERT INTO child_death_action (child_death_id, action_id) VALUES "
        "(?1, ?2)";
static const char SQL_CASE_PANEL[] =
        "SELECT panel_body_id FROM child_death WHERE id = ?1";
static const char SQL_ACTION_BODY[] =
        "SELECT body_id FROM action WHERE id = ?1";

static enum masa_err body_of(struct gov *g, const char *sql, int64_t id,
                             int64_t *out, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, sql, &st, err);

	*out = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		*out = store_column_int(st, 0);
	store_done(st);
	return rc;
}

enum masa_err child_death_link_action(struct gov *g, int64_t id,
                                      int64_t action_id, struct masa_error *err)
{
	struct store_stmt *st;
	int64_t panel, body;
	enum masa_err rc;

	if ((rc = body_of(g, SQL_CASE_PANEL, id, &panel, err)) != MASA_OK ||
	    (rc = body_of(g, SQL_ACTION_BODY, action_id, &body, err)) !=
	            MASA_OK)
		return rc;
	if (panel == 0)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "there is no such case");
	if (body != panel)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "action: not an action of the panel's "
		                      "action log");
	if ((rc = store_prepare(g->store, SQL_LINK, &st, err)) != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	store_bind_int(st, 2, action_id);
	return store_run(st, NULL, err);
}

enum masa_err child_death_raise_action(struct gov *g, int64_t id,
                                       struct gov_action *act,
                                       const struct gov_owner_ref *owners,
                                       size_t nowners, struct arena *a,
                                       struct masa_error *err)
{
	int64_t panel;
	enum masa_err rc;

	if ((rc = gov_begin(g, err)) != MASA_OK)
		return rc;
	if ((rc = body_of(g, SQL_CASE_PANEL, id, &panel, err)) == MASA_OK &&
	    panel == 0)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "there is no such case");
	if (rc == MASA_OK) {
		act->body_id = panel;
		rc = gov_action_raise(g, act, owners, nowners, a, err);
	}
	if (rc == MASA_OK)
		rc = child_death_link_action(g, id, act->id, err);
	return gov_end(g, rc, err);
}

static const char SQL_ACTIONS[] =
        "SELECT a.key FROM child_death_action ca JOIN action a ON a.id = "
        "ca.action_id WHERE ca.child_death_id = ?1 ORDER BY ca.id";

enum masa_err child_death_actions(struct gov *g, int64_t id, struct arena *a,
                                  char ***out, size_t *n,
                                  struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t cap = 0;
	enum masa_err rc = store_prepare(g->store, SQL_ACTIONS, &st, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 16);
		(*out)[(*n)++] = col_text(a, st, 0);
	}
	store_done(st);
	return rc;
}

static const char SQL_CHILDREN_OF[] =
        "SELECT " CASE_COLUMNS CASE_FROM
        "WHERE cd.partnership_id = ?1 ORDER BY cd.died_on, cd.id";

enum masa_err child_death_list_of(struct gov *g, int64_t partnership_id,
                                  struct arena *a, struct child_death **out,
                                  size_t *n, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t cap = 0;
	enum masa_err rc = store_prepare(g->store, SQL_CHILDREN_OF, &st, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, partnership_id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 16);
		read_case(st, a, &(*out)[(*n)++]);
	}
	store_done(st);
	for (size_t i = 0; rc == MASA_OK && i < *n; i++)
		rc = read_parts(g, a, &(*out)[i], err);
	return rc;
}

static void set_text(json_t *o, const char *key, const char *v)
{
	json_object_set_new(o, key, given(v) ? json_string(v) : json_null());
}

json_t *child_death_to_json(const struct child_death *cd, char *const *actions,
                            size_t nactions)
{
	json_t *o = json_object(), *f = json_array(), *t = json_array(),
	       *ac = json_array();

	json_object_set_new(o, "reference", json_string(cd->reference));
	set_text(o, "partnership", cd->partnership_key);
	set_text(o, "panel", cd->panel_short_name);
	json_object_set_new(o, "age_band", json_string(cd->age_band));
	json_object_set_new(o, "died_on", json_string(cd->died_on));
	set_text(o, "notified_on", cd->notified_on);
	set_text(o, "place", cd->place);
	json_object_set_new(o, "expected", json_boolean(cd->expected));
	set_text(o, "review_meeting_on", cd->review_meeting_on);
	set_text(o, "panel_meeting", cd->panel_meeting_key);
	set_text(o, "reviewed_on", cd->reviewed_on);
	json_object_set_new(o, "category",
	                    cd->category ? json_integer(cd->category)
	                                 : json_null());
	set_text(o, "category_name",
	         cd->category >= 1 && cd->category <= CHILD_DEATH_CATEGORIES
	                 ? child_death_categories[cd->category]
	                 : NULL);
	set_text(o, "modifiable", cd->modifiable);
	for (size_t i = 0; i < cd->nfactors; i++) {
		json_t *x = json_object();

		json_object_set_new(x, "domain",
		                    json_string(cd->factors[i].domain));
		json_object_set_new(
		        x, "description",
		        json_string(cd->factors[i].description
		                            ? cd->factors[i].description
		                            : ""));
		json_array_append_new(f, x);
	}
	for (size_t i = 0; i < cd->nthemes; i++)
		json_array_append_new(t, json_string(cd->themes[i]));
	for (size_t i = 0; i < nactions; i++)
		json_array_append_new(ac, json_string(actions[i]));
	json_object_set_new(o, "factors", f);
	json_object_set_new(o, "themes", t);
	set_text(o, "learning", cd->learning);
	json_object_set_new(o, "actions", ac);
	json_object_set_new(o, "version", json_integer(cd->version));
	return o;
}

/* A text member: absent leaves *out, null clears it. */
static enum masa_err json_text(json_t *o, const char *key, struct arena *a,
                               char **out, struct masa_error *err)
{
	json_t *v = json_object_get(o, key);

	if (v == NULL)
		return MASA_OK;
	if (json_is_null(v)) {
		*out = NULL;
		return MASA_OK;
	}
	if (!json_is_string(v))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: give text (or null)", key);
	*out = arena_strdup(a, json_string_value(v));
	return MASA_OK;
}

static const char *const json_members[] = {
        "reference",     "partnership",       "panel",
        "age_band",      "died_on",           "notified_on",
        "place",         "expected",          "review_meeting_on",
        "panel_meeting", "reviewed_on",       "category",
        "category_name", "modifiable",        "factors",
        "themes",        "learning",          "actions",
        "version",       "panel_partnership", NULL};

static enum masa_err json_factors(json_t *v, struct arena *a,
                                  struct child_death *cd,
                                  struct masa_error *err)
{
	size_t i;
	json_t *x;

	if (!json_is_array(v) || json_array_size(v) > 4)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "factors: give a list of at most four "
		                      "{domain, description}");
	cd->nfactors = 0;
	cd->factors = arena_alloc(a, 4 * sizeof *cd->factors);
	json_array_foreach(v, i, x)
	{
		json_t *d = json_object_get(x, "domain");
		json_t *t = json_object_get(x, "description");

		if (!json_is_string(d) || (t != NULL && !json_is_string(t)))
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "factors[%zu]: give a domain and "
			                      "a description as text",
			                      i);
		cd->factors[cd->nfactors].domain =
		        arena_strdup(a, json_string_value(d));
		cd->factors[cd->nfactors++].description =
		        arena_strdup(a, t ? json_string_value(t) : "");
	}
	return MASA_OK;
}

static enum masa_err json_themes(json_t *v, struct arena *a,
                                 struct child_death *cd, struct masa_error *err)
{
	size_t i;
	json_t *x;

	if (!json_is_array(v) || json_array_size(v) > 64)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "themes: give a list of theme keys");
	cd->nthemes = 0;
	cd->themes =
	        arena_alloc(a, (json_array_size(v) + 1) * sizeof *cd->themes);
	json_array_foreach(v, i, x)
	{
		if (!json_is_string(x))
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "themes[%zu]: give a theme's key",
			                      i);
		cd->themes[cd->nthemes++] =
		        arena_strdup(a, json_string_value(x));
	}
	return MASA_OK;
}

static const char SQL_PANEL_MEETING[] =
        "SELECT m.id FROM meeting m JOIN body b ON b.id = m.body_id WHERE "
        "m.key = ?1 AND b.id = ?2";
static const char SQL_PARTNERSHIP_KEY[] =
        "SELECT id FROM partnership WHERE key = ?1";

static enum masa_err lookup_id(struct gov *g, const char *sql, const char *key,
                               int64_t body, int64_t *out,
                               struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, sql, &st, err);

	*out = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_text(st, 1, key);
	if (body)
		store_bind_int(st, 2, body);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		*out = store_column_int(st, 0);
	store_done(st);
	return rc;
}

enum masa_err child_death_from_json(struct gov *g, json_t *o, struct arena *a,
                                    struct child_death *cd,
                                    struct masa_error *err)
{
	const char *key;
	json_t *v;
	char *text;
	enum masa_err rc = MASA_OK;

	if (!json_is_object(o))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "a case is a JSON object");
	json_object_foreach(o, key, v)
	{
		bool known = false;

		for (size_t i = 0; json_members[i] != NULL; i++)
			known |= strcmp(json_members[i], key) == 0;
		if (!known)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%.40s: masa does not know this "
			                      "member of a case",
			                      key);
	}
	if ((rc = json_text(o, "reference", a, &cd->reference, err)) ||
	    (rc = json_text(o, "age_band", a, &cd->age_band, err)) ||
	    (rc = json_text(o, "died_on", a, &cd->died_on, err)) ||
	    (rc = json_text(o, "notified_on", a, &cd->notified_on, err)) ||
	    (rc = json_text(o, "place", a, &cd->place, err)) ||
	    (rc = json_text(o, "review_meeting_on", a, &cd->review_meeting_on,
	                    err)) ||
	    (rc = json_text(o, "reviewed_on", a, &cd->reviewed_on, err)) ||
	    (rc = json_text(o, "modifiable", a, &cd->modifiable, err)) ||
	    (rc = json_text(o, "learning", a, &cd->learning, err)))
		return rc;
	if (cd->reference == NULL)
		cd->reference = "";
	if (cd->age_band == NULL)
		cd->age_band = "";
	if ((v = json_object_get(o, "expected")) != NULL) {
		if (!json_is_boolean(v))
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "expected: give true or false");
		cd->expected = json_is_true(v);
	}
	if ((v = json_object_get(o, "category")) != NULL) {
		if (json_is_null(v))
			cd->category = 0;
		else if (!json_is_integer(v) || json_integer_value(v) < 1 ||
		         json_integer_value(v) > CHILD_DEATH_CATEGORIES)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "category: not a category of death "
			        "(1-10)");
		else
			cd->category = (int)json_integer_value(v);
	}
	if ((v = json_object_get(o, "factors")) != NULL &&
	    (rc = json_factors(v, a, cd, err)) != MASA_OK)
		return rc;
	if ((v = json_object_get(o, "themes")) != NULL &&
	    (rc = json_themes(v, a, cd, err)) != MASA_OK)
		return rc;
	if ((v = json_object_get(o, "version")) != NULL && json_is_integer(v))
		cd->version = json_integer_value(v);
	text = NULL;
	if ((rc = json_text(o, "partnership", a, &text, err)) != MASA_OK)
		return rc;
	if (text != NULL) {
		if ((rc = lookup_id(g, SQL_PARTNERSHIP_KEY, text, 0,
		                    &cd->partnership_id, err)) != MASA_OK)
			return rc;
		if (cd->partnership_id == 0)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "partnership: \"%.40s\" is not a "
			                      "partnership's key",
			                      text);
	}
	v = json_object_get(o, "panel_meeting");
	if (v != NULL && json_is_null(v))
		cd->panel_meeting_id = 0;
	text = NULL;
	if ((rc = json_text(o, "panel_meeting", a, &text, err)) != MASA_OK)
		return rc;
	if (text != NULL) {
		if ((rc = lookup_id(g, SQL_PANEL_MEETING, text,
		                    cd->panel_body_id, &cd->panel_meeting_id,
		                    err)) != MASA_OK)
			return rc;
		if (cd->panel_meeting_id == 0)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "panel_meeting: \"%.40s\" is not a "
			        "meeting of the panel",
			        text);
	}
	return MASA_OK;
}

/* The panels ?91's viewer may record for (b the body). */
#define PANEL_CHANGER                                                      \
	"(?98 = 1 OR (?92 = 1 AND b.partnership_id = ?91 AND ?93 = 1) OR " \
	"(?92 = 1 AND " GOV_SQL_MEMBER_OF("b.id", "?95") "))"
static const char SQL_PANELS[] =
        "SELECT b.id, b.partnership_id, b.short_name, b.name, (SELECT "
        "COUNT(*) FROM child_death c WHERE c.panel_body_id = b.id) AS n "
        "FROM body b WHERE b.kind = 'panel' AND (b.partnership_id = ?91 OR "
        "EXISTS (SELECT 1 FROM body_partnership bp WHERE bp.body_id = b.id "
        "AND bp.partnership_id = ?91)) AND " PANEL_CHANGER
        " ORDER BY n DESC, b.id";
static const char SQL_MAY_CHANGE[] =
        "SELECT 1 FROM body b WHERE b.id = ?1 AND " PANEL_CHANGER;

enum masa_err child_death_panels(struct gov *g, const struct gov_viewer *v,
                                 struct arena *a,
                                 struct child_death_panel **out, size_t *n,
                                 struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	size_t cap = 0;
	enum masa_err rc = store_prepare(g->store, SQL_PANELS, &st, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	gov_viewer_bind(st, v);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		struct child_death_panel *p;

		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 4);
		p = &(*out)[(*n)++];
		p->id = store_column_int(st, 0);
		p->partnership_id = store_column_int(st, 1);
		p->short_name = col_text(a, st, 2);
		p->name = col_text(a, st, 3);
		p->ncases = (long)store_column_int(st, 4);
	}
	store_done(st);
	return rc;
}

bool child_death_may_change(struct gov *g, const struct gov_viewer *v,
                            int64_t panel_body_id)
{
	struct store_stmt *st;
	bool row = false;

	if (store_prepare(g->store, SQL_MAY_CHANGE, &st, NULL) != MASA_OK)
		return false;
	gov_viewer_bind(st, v);
	store_bind_int(st, 1, panel_body_id);
	if (store_step(st, &row, NULL) != MASA_OK)
		row = false;
	store_done(st);
	return row;
}
