/*
 * incident: serious incidents, their notification, rapid review and
 * decision (see incident.h).
 */
#include "assure/incident.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assure/assure.h"
#include "core/date.h"
#include "gov/audit.h"
#include "gov/check.h"
#include "gov/record.h"

const char *const assure_incident_kinds[] = {"death", "serious_harm", NULL};
static const char *const kind_labels[] = {
        "The child died", "The child was seriously harmed", NULL};
const char *const assure_incident_decisions[] = {
        "local_review", "national_review", "no_review", NULL};
static const char *const decision_labels[] = {
        "A local child safeguarding practice review",
        "Referred to the national panel for a national review", "No review",
        NULL};

const char *assure_incident_words(const char *value)
{
	for (size_t i = 0; value && assure_incident_kinds[i]; i++)
		if (strcmp(value, assure_incident_kinds[i]) == 0)
			return kind_labels[i];
	for (size_t i = 0; value && assure_incident_decisions[i]; i++)
		if (strcmp(value, assure_incident_decisions[i]) == 0)
			return decision_labels[i];
	return value ? value : "";
}

/* The bodies that may hold a case: sub-groups and panels first. */
static const struct record_ref holding_body_ref = {
        .what = "body",
        .sql_key = "SELECT short_name FROM body WHERE id = ?1",
        .sql_id = "SELECT id FROM body WHERE partnership_id = ?1 "
                  "AND short_name = ?2",
        .sql_choices = "SELECT short_name, name || ' (' || short_name || ')' "
                       "FROM body WHERE partnership_id = ?1 ORDER BY "
                       "CASE WHEN kind IN ('subgroup', 'panel') THEN 0 "
                       "ELSE 1 END, name",
};

/* The meetings a rapid review may be held at: those of sub-groups and
 * panels, newest first. */
static const struct record_ref rapid_review_meeting_ref = {
        .what = "meeting",
        .sql_key = "SELECT key FROM meeting WHERE id = ?1",
        .sql_id = "SELECT id FROM meeting WHERE partnership_id = ?1 "
                  "AND key = ?2",
        .sql_choices = "SELECT m.key, b.name || ', ' || m.date FROM meeting m "
                       "JOIN body b ON b.id = m.body_id WHERE "
                       "m.partnership_id = ?1 AND b.kind IN ('subgroup', "
                       "'panel') ORDER BY m.date DESC, m.id DESC",
};

static enum masa_err reference_valid(const char *label, const char *value,
                                     struct masa_error *err)
{
	return assure_reference_check(label, value, err);
}

static enum masa_err age_band_valid(const char *label, const char *value,
                                    struct masa_error *err)
{
	return assure_age_band_check(label, value, err);
}

#define F(member, type, ...) \
	RECORD_INPUT_FIELD(struct assure_incident, member, type, __VA_ARGS__)

static const struct record_field incident_fields[] = {
        RECORD_FIELD(struct assure_incident, id, RECORD_ID),
        RECORD_FIELD(struct assure_incident, partnership_id, RECORD_ID),
        F(body_id, RECORD_ID, .label = "Body holding the case",
          .hint = "The practice review sub-group or panel",
          .input = RECORD_INPUT_REF, .ref = &holding_body_ref,
          .required = true),
        F(reference, RECORD_TEXT, .label = "Case reference",
          .hint = "Such as RR-2024-03: never the child's name or date of "
                  "birth",
          .input = RECORD_INPUT_LINE, .required = true,
          .validate = reference_valid),
        F(kind, RECORD_TEXT, .label = "What happened",
          .input = RECORD_INPUT_CHOICE, .choices = assure_incident_kinds,
          .choice_labels = kind_labels, .required = true),
        F(age_band, RECORD_TEXT, .label = "Age of the child",
          .input = RECORD_INPUT_CHOICE, .choices = assure_age_bands,
          .choice_labels =
                  (const char *const[]){"Unborn", "0 to 27 days",
                                        "28 to 364 days", "1 to 4 years",
                                        "5 to 9 years", "10 to 14 years",
                                        "15 to 17 years", NULL},
          .required = true, .validate = age_band_valid),
        F(summary, RECORD_TEXT, .label = "Summary",
          .hint = "What happened, in a few lines, without names",
          .input = RECORD_INPUT_TEXT),
        F(aware_on, RECORD_TEXT,
          .label = "Date the local authority became aware",
          .input = RECORD_INPUT_DATE, .required = true),
        F(notified_on, RECORD_TEXT,
          .label = "Date the national panel was notified",
          .hint = "Due within 5 working days of becoming aware",
          .input = RECORD_INPUT_DATE),
        F(rapid_review_meeting_id, RECORD_ID, .label = "Rapid review meeting",
          .hint = "A meeting of the body holding the case",
          .input = RECORD_INPUT_REF, .ref = &rapid_review_meeting_ref),
        F(rapid_review_on, RECORD_TEXT, .label = "Date of the rapid review",
          .hint = "Left empty, the date of the meeting",
          .input = RECORD_INPUT_DATE),
        F(rapid_review_sent_on, RECORD_TEXT,
          .label = "Date the rapid review report was sent to the panel",
          .hint = "Due within 15 working days of becoming aware",
          .input = RECORD_INPUT_DATE),
        F(decision, RECORD_TEXT, .label = "Decision",
          .input = RECORD_INPUT_CHOICE, .choices = assure_incident_decisions,
          .choice_labels = decision_labels),
        F(decision_on, RECORD_TEXT, .label = "Date of the decision",
          .input = RECORD_INPUT_DATE),
        F(decision_reasons, RECORD_TEXT, .label = "Reasons for the decision",
          .input = RECORD_INPUT_TEXT),
        F(panel_response, RECORD_TEXT, .label = "The national panel's response",
          .input = RECORD_INPUT_TEXT),
        F(panel_response_on, RECORD_TEXT,
          .label = "Date of the national panel's response",
          .input = RECORD_INPUT_DATE),
        RECORD_FIELD(struct assure_incident, version, RECORD_VERSION),
};

#undef F

#define INCIDENT_COLUMNS(p)                                               \
	p "id, " p "partnership_id, " p "body_id, " p "reference, " p     \
	  "kind, " p "age_band, " p "summary, " p "aware_on, " p          \
	  "notified_on, " p "rapid_review_meeting_id, " p                 \
	  "rapid_review_on, " p "rapid_review_sent_on, " p "decision, " p \
	  "decision_on, " p "decision_reasons, " p "panel_response, " p   \
	  "panel_response_on, " p "version"

const struct record_kind assure_incident_record = {
        .entity = "incident",
        .label = "incident",
        .fields = incident_fields,
        .nfields = sizeof incident_fields / sizeof incident_fields[0],
        .size = sizeof(struct assure_incident),
        .sql_insert =
                "INSERT INTO incident (partnership_id, body_id, reference, "
                "kind, age_band, summary, aware_on, notified_on, "
                "rapid_review_meeting_id, rapid_review_on, "
                "rapid_review_sent_on, decision, decision_on, "
                "decision_reasons, panel_response, panel_response_on) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "RETURNING id",
        .sql_update =
                "UPDATE incident SET partnership_id = ?, body_id = ?, "
                "reference = ?, kind = ?, age_band = ?, summary = ?, "
                "aware_on = ?, notified_on = ?, rapid_review_meeting_id = ?, "
                "rapid_review_on = ?, rapid_review_sent_on = ?, "
                "decision = ?, decision_on = ?, decision_reasons = ?, "
                "panel_response = ?, panel_response_on = ?, "
                "version = version + 1 WHERE id = ? AND "
                "version = COALESCE(?, version) RETURNING version",
        .sql_get = "SELECT " INCIDENT_COLUMNS("") " FROM incident WHERE id = ?",
        .sql_bump = "UPDATE incident SET version = version + 1 WHERE id = ?1 "
                    "AND version = COALESCE(?2, version) RETURNING version",
};

/* The label of the field named name, for messages. */
static const char *label_of(const char *name)
{
	for (size_t i = 0; i < assure_incident_record.nfields; i++)
		if (strcmp(incident_fields[i].name, name) == 0)
			return incident_fields[i].label;
	return name;
}

/*
 * Refuses `later` (field later_name) before `earlier` (earlier_name):
 * "Date of the rapid review: 2 January 2019 is before the date the local
 * authority became aware, 5 January 2019".
 */
static enum masa_err in_order(const char *earlier_name, const char *earlier,
                              const char *later_name, const char *later,
                              struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	const char *el = label_of(earlier_name);
	enum masa_err rc = MASA_OK;

	if (earlier != NULL && later != NULL && strcmp(later, earlier) < 0) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s: %s is before the %c%s, %s: it cannot come first",
		        label_of(later_name), date_iso_words(&a, later, false),
		        el[0] + ('a' - 'A'), el + 1,
		        date_iso_words(&a, earlier, false));
	}
	arena_free(&a);
	return rc;
}

/* One with the other: a value needs its date and the other way round. */
static enum masa_err together(const char *what_name, const char *what,
                              const char *date_name, const char *date,
                              struct masa_error *err)
{
	if (what != NULL && date == NULL)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: give the date too (%s)",
		                      label_of(date_name), label_of(what_name));
	if (what == NULL && date != NULL)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: give it with its date (%s)",
		                      label_of(what_name), label_of(date_name));
	return MASA_OK;
}

static bool blank(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

enum masa_err assure_incident_check(const struct assure_incident *inc,
                                    struct masa_error *err)
{
	const struct assure_incident *i = inc;
	enum masa_err rc;

	if ((rc = assure_reference_check(label_of("reference"), i->reference,
	                                 err)) ||
	    (rc = check_enum(label_of("kind"), i->kind, assure_incident_kinds,
	                     false, err)) ||
	    (rc = assure_age_band_check(label_of("age_band"), i->age_band,
	                                err)) ||
	    (rc = check_optional_text(label_of("summary"), i->summary, err)) ||
	    (rc = check_date(label_of("aware_on"), i->aware_on, false, err)) ||
	    (rc = check_date(label_of("notified_on"), i->notified_on, true,
	                     err)) ||
	    (rc = check_date(label_of("rapid_review_on"), i->rapid_review_on,
	                     true, err)) ||
	    (rc = check_date(label_of("rapid_review_sent_on"),
	                     i->rapid_review_sent_on, true, err)) ||
	    (rc = check_enum(label_of("decision"), i->decision,
	                     assure_incident_decisions, true, err)) ||
	    (rc = check_date(label_of("decision_on"), i->decision_on, true,
	                     err)) ||
	    (rc = check_optional_text(label_of("decision_reasons"),
	                              i->decision_reasons, err)) ||
	    (rc = check_optional_text(label_of("panel_response"),
	                              i->panel_response, err)) ||
	    (rc = check_date(label_of("panel_response_on"),
	                     i->panel_response_on, true, err)))
		return rc;
	if ((rc = in_order("aware_on", i->aware_on, "notified_on",
	                   i->notified_on, err)) ||
	    (rc = in_order("aware_on", i->aware_on, "rapid_review_on",
	                   i->rapid_review_on, err)) ||
	    (rc = in_order("aware_on", i->aware_on, "rapid_review_sent_on",
	                   i->rapid_review_sent_on, err)) ||
	    (rc = in_order("rapid_review_on", i->rapid_review_on,
	                   "rapid_review_sent_on", i->rapid_review_sent_on,
	                   err)) ||
	    (rc = in_order("aware_on", i->aware_on, "decision_on",
	                   i->decision_on, err)) ||
	    (rc = in_order("rapid_review_on", i->rapid_review_on, "decision_on",
	                   i->decision_on, err)) ||
	    (rc = in_order("decision_on", i->decision_on, "panel_response_on",
	                   i->panel_response_on, err)) ||
	    (rc = together("decision", i->decision, "decision_on",
	                   i->decision_on, err)) ||
	    (rc = together("panel_response", i->panel_response,
	                   "panel_response_on", i->panel_response_on, err)))
		return rc;
	if (i->decision != NULL && blank(i->decision_reasons))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: say why the decision was made",
		                      label_of("decision_reasons"));
	if (i->decision == NULL && !blank(i->decision_reasons))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: give the decision too",
		                      label_of("decision"));
	if (i->panel_response != NULL && i->decision == NULL)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: record the decision first",
		                      label_of("panel_response"));
	return MASA_OK;
}

static const char SQL_BODY_OF[] =
        "SELECT partnership_id FROM body WHERE id = ?1";
static const char SQL_MEETING_OF[] =
        "SELECT body_id, date FROM meeting WHERE id = ?1";

/*
 * The checks that need the store: the body is the partnership's, the
 * rapid review meeting one of that body's (its date the rapid review's
 * when none is given: *review_on, in a).
 */
static enum masa_err check_stored(struct gov *g,
                                  const struct assure_incident *inc,
                                  struct arena *a, char **review_on,
                                  struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	*review_on = inc->rapid_review_on;
	if ((rc = store_prepare(g->store, SQL_BODY_OF, &st, err)))
		return rc;
	store_bind_int(st, 1, inc->body_id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK &&
	    (!row || store_column_int(st, 0) != inc->partnership_id))
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "%s: no such body in this partnership",
		                    label_of("body_id"));
	store_done(st);
	if (rc != MASA_OK || inc->rapid_review_meeting_id == 0)
		return rc;
	if ((rc = store_prepare(g->store, SQL_MEETING_OF, &st, err)))
		return rc;
	store_bind_int(st, 1, inc->rapid_review_meeting_id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && (!row || store_column_int(st, 0) != inc->body_id))
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "%s: it must be a meeting of the body "
		                    "holding the case",
		                    label_of("rapid_review_meeting_id"));
	else if (rc == MASA_OK && *review_on == NULL)
		*review_on = arena_strdup(a, store_column_text(st, 1));
	store_done(st);
	return rc;
}

static const char SQL_REFERENCE_USED[] =
        "SELECT id FROM incident WHERE partnership_id = ?1 AND reference = ?2";

static enum masa_err reference_free(struct gov *g,
                                    const struct assure_incident *inc,
                                    struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc =
	        store_prepare(g->store, SQL_REFERENCE_USED, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, inc->partnership_id);
	store_bind_text(st, 2, inc->reference);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row && store_column_int(st, 0) != inc->id)
		rc = masa_error_set(
		        err, MASA_ERR_CONFLICT,
		        "%s: %s is used already by another incident",
		        label_of("reference"), inc->reference);
	store_done(st);
	return rc;
}

static const char SQL_AGENCY_DELETE[] =
        "DELETE FROM incident_agency WHERE incident_id = ?1";
static const char SQL_AGENCY_ADD[] =
        "INSERT INTO incident_agency (incident_id, organisation_id) "
        "SELECT ?1, id FROM organisation WHERE id = ?2 AND "
        "partnership_id = ?3 RETURNING id";

/* Stores the agencies of incident id (in partnership p) and audits them. */
static enum masa_err agencies_store(struct gov *g, int64_t id, int64_t p,
                                    const int64_t *agencies, size_t n,
                                    struct masa_error *err)
{
	struct store_stmt *st;
	json_t *list = json_array();
	enum masa_err rc = store_prepare(g->store, SQL_AGENCY_DELETE, &st, err);

	if (rc == MASA_OK) {
		store_bind_int(st, 1, id);
		rc = store_run(st, NULL, err);
	}
	for (size_t i = 0; rc == MASA_OK && i < n; i++) {
		int64_t got = 0;

		for (size_t j = 0; j < i; j++)
			if (agencies[j] == agencies[i])
				rc = masa_error_set(
				        err, MASA_ERR_INVALID,
				        "Agencies involved: an "
				        "organisation is named twice");
		if (rc == MASA_OK)
			rc = store_prepare(g->store, SQL_AGENCY_ADD, &st, err);
		if (rc != MASA_OK)
			break;
		store_bind_int(st, 1, id);
		store_bind_int(st, 2, agencies[i]);
		store_bind_int(st, 3, p);
		rc = store_run(st, &got, err);
		if (rc == MASA_OK && got == 0)
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "Agencies involved: no such "
			                    "organisation in this partnership");
		json_array_append_new(list, json_integer(agencies[i]));
	}
	if (rc == MASA_OK && !g->bulk)
		return audit_record(g, "update", "incident", id, NULL,
		                    json_pack("{s:o}", "agencies", list), err);
	json_decref(list);
	return rc;
}

enum masa_err assure_incident_create(struct gov *g, struct assure_incident *inc,
                                     const int64_t *agencies, size_t nagencies,
                                     struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct assure_incident rec = *inc;
	char *review_on;
	enum masa_err rc;

	rec.id = 0;
	if (rec.summary == NULL)
		rec.summary = "";
	if ((rc = assure_incident_check(&rec, err)) ||
	    (rc = check_stored(g, &rec, &a, &review_on, err)))
		goto out;
	rec.rapid_review_on = review_on;
	if ((rc = assure_incident_check(&rec, err)) || (rc = gov_begin(g, err)))
		goto out;
	if ((rc = reference_free(g, &rec, err)) == MASA_OK &&
	    (rc = record_insert(g, &assure_incident_record, &rec, err)) ==
	            MASA_OK)
		rc = agencies_store(g, rec.id, rec.partnership_id, agencies,
		                    nagencies, err);
	rc = gov_end(g, rc, err);
	if (rc == MASA_OK) {
		inc->id = rec.id;
		inc->version = 1;
	}
out:
	arena_free(&a);
	return rc;
}

enum masa_err assure_incident_update(struct gov *g,
                                     const struct assure_incident *inc,
                                     struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct assure_incident old, rec = *inc;
	char *review_on;
	enum masa_err rc;

	rc = record_get(g, &assure_incident_record, inc->id, &a, &old, err);
	if (rc == MASA_OK)
		rc = record_version_check(&assure_incident_record, old.version,
		                          inc->version, err);
	if (rc != MASA_OK)
		goto out;
	if (old.partnership_id != inc->partnership_id ||
	    inc->reference == NULL || strcmp(old.reference, inc->reference)) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "incident %s: its reference and partnership "
		        "cannot change",
		        old.reference);
		goto out;
	}
	if (rec.summary == NULL)
		rec.summary = "";
	if ((rc = assure_incident_check(&rec, err)) ||
	    (rc = check_stored(g, &rec, &a, &review_on, err)))
		goto out;
	rec.rapid_review_on = review_on;
	if ((rc = assure_incident_check(&rec, err)) || (rc = gov_begin(g, err)))
		goto out;
	/* The change and its audit entry together, or neither. */
	rc = record_update(g, &assure_incident_record, &rec, err);
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}

enum masa_err assure_incident_set_agencies(struct gov *g, int64_t id,
                                           int64_t version,
                                           const int64_t *agencies, size_t n,
                                           struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct assure_incident old;
	enum masa_err rc =
	        record_get(g, &assure_incident_record, id, &a, &old, err);

	if (rc == MASA_OK)
		rc = gov_begin(g, err);
	if (rc != MASA_OK)
		goto out;
	rc = record_bump(g, &assure_incident_record, id, version, NULL, err);
	if (rc == MASA_OK)
		rc = agencies_store(g, id, old.partnership_id, agencies, n,
		                    err);
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}

void assure_incident_clocks(const struct assure_incident *inc, date_days today,
                            struct assure_clock out[ASSURE_INCIDENT_CLOCKS])
{
	date_days aware = 0, notified = 0, sent = 0;

	(void)date_parse(inc->aware_on, &aware, NULL);
	bool has_notified =
	        inc->notified_on != NULL &&
	        date_parse(inc->notified_on, &notified, NULL) == MASA_OK;
	bool has_sent =
	        inc->rapid_review_sent_on != NULL &&
	        date_parse(inc->rapid_review_sent_on, &sent, NULL) == MASA_OK;
	assure_clock_working(&out[ASSURE_INCIDENT_NOTIFY],
	                     "Notification to the national panel", aware,
	                     ASSURE_NOTIFY_WORKING_DAYS, has_notified, notified,
	                     today);
	assure_clock_working(&out[ASSURE_INCIDENT_RAPID_REVIEW],
	                     "Rapid review report to the national panel", aware,
	                     ASSURE_RAPID_REVIEW_WORKING_DAYS, has_sent, sent,
	                     today);
}

#define INCIDENT_ROW_SELECT                                              \
	"SELECT " INCIDENT_COLUMNS(                                      \
	        "i.") ", b.short_name, b.name, m.key "                   \
	              "FROM incident i JOIN body b ON b.id = i.body_id " \
	              "LEFT JOIN meeting m ON m.id = "                   \
	              "i.rapid_review_meeting_id "

static const char SQL_INCIDENT_FIND[] = INCIDENT_ROW_SELECT
        "WHERE i.partnership_id = ?1 AND i.reference = ?2 "
        "AND " GOV_SQL_SEES_CASE("i.partnership_id", "i.body_id");

#define INCIDENT_LIST_WHERE                                               \
	"WHERE i.partnership_id = ?1 AND (?2 = 0 OR i.body_id = ?2) AND " \
	"(?3 = 0 OR i.notified_on IS NULL OR i.rapid_review_sent_on IS "  \
	"NULL) AND " GOV_SQL_SEES_CASE("i.partnership_id", "i.body_id")

static const char SQL_INCIDENT_LIST[] = INCIDENT_ROW_SELECT INCIDENT_LIST_WHERE
        " ORDER BY i.aware_on DESC, i.id DESC LIMIT ?4 OFFSET ?5";
static const char SQL_INCIDENT_COUNT[] =
        "SELECT COUNT(*) FROM incident i " INCIDENT_LIST_WHERE;

static void row_read(struct store_stmt *st, struct arena *a, date_days today,
                     struct assure_incident_row *r)
{
	size_t n = assure_incident_record.nfields;

	record_read_row(st, &assure_incident_record, a, &r->inc);
	r->body_short_name = arena_strdup(a, store_column_text(st, (int)n));
	r->body_name = arena_strdup(a, store_column_text(st, (int)n + 1));
	r->meeting_key = arena_strdup(a, store_column_text(st, (int)n + 2));
	assure_incident_clocks(&r->inc, today, r->clocks);
}

enum masa_err assure_incident_find(struct gov *g, const struct gov_viewer *v,
                                   const char *ref, struct arena *a,
                                   struct assure_incident_row *out,
                                   struct masa_error *err)
{
	struct store_stmt *st;
	bool row = false;
	enum masa_err rc = store_prepare(g->store, SQL_INCIDENT_FIND, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, v->partnership_id);
	store_bind_text(st, 2, ref);
	gov_viewer_bind(st, v);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		row_read(st, a, date_today(), out);
	store_done(st);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "no incident with reference %.60s", ref);
	return rc;
}

enum masa_err assure_incident_list(struct gov *g, const struct gov_viewer *v,
                                   const struct assure_incident_query *q,
                                   struct arena *a,
                                   struct assure_incident_row **out, size_t *n,
                                   size_t *total, struct masa_error *err)
{
	struct store_stmt *st;
	size_t cap = 0;
	bool row;
	enum masa_err rc = store_prepare(g->store, SQL_INCIDENT_LIST, &st, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, v->partnership_id);
	store_bind_int(st, 2, q->body_id);
	store_bind_int(st, 3, q->open_only ? 1 : 0);
	store_bind_int(st, 4, q->limit ? (int64_t)q->limit : INT32_MAX);
	store_bind_int(st, 5, (int64_t)q->offset);
	gov_viewer_bind(st, v);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 16);
		row_read(st, a, q->today, &(*out)[(*n)++]);
	}
	store_done(st);
	if (rc != MASA_OK || total == NULL)
		return rc;
	if ((rc = store_prepare(g->store, SQL_INCIDENT_COUNT, &st, err)))
		return rc;
	store_bind_int(st, 1, v->partnership_id);
	store_bind_int(st, 2, q->body_id);
	store_bind_int(st, 3, q->open_only ? 1 : 0);
	gov_viewer_bind(st, v);
	rc = store_step(st, &row, err);
	*total = rc == MASA_OK && row ? (size_t)store_column_int(st, 0) : 0;
	store_done(st);
	return rc;
}

/* Most overdue first, then soonest due. */
static int pressing_order(const void *x, const void *y)
{
	const struct assure_clock *a =
	        ((const struct assure_pressing_clock *)x)->clock;
	const struct assure_clock *b =
	        ((const struct assure_pressing_clock *)y)->clock;
	long ka = a->state == ASSURE_CLOCK_OVERDUE ? -a->working_days
	                                           : a->working_days;
	long kb = b->state == ASSURE_CLOCK_OVERDUE ? -b->working_days
	                                           : b->working_days;

	return ka < kb   ? -1
	       : ka > kb ? 1
	                 : (a->due > b->due) - (a->due < b->due);
}

enum masa_err assure_incident_pressing(struct gov *g,
                                       const struct gov_viewer *v,
                                       date_days today, long within,
                                       struct arena *a,
                                       struct assure_pressing_clock **out,
                                       size_t *n, struct masa_error *err)
{
	struct assure_incident_query q = {.open_only = true,
	                                  .limit = ASSURE_PRESSING_MAX,
	                                  .today = today};
	struct assure_incident_row *rows;
	size_t nrows;
	enum masa_err rc =
	        assure_incident_list(g, v, &q, a, &rows, &nrows, NULL, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	*out = arena_alloc(a,
	                   (nrows * ASSURE_INCIDENT_CLOCKS + 1) * sizeof **out);
	for (size_t i = 0; i < nrows; i++)
		for (int k = 0; k < ASSURE_INCIDENT_CLOCKS; k++)
			if (assure_clock_pressing(&rows[i].clocks[k], within))
				(*out)[(*n)++] = (struct assure_pressing_clock){
				        &rows[i], &rows[i].clocks[k]};
	qsort(*out, *n, sizeof **out, pressing_order);
	return MASA_OK;
}

static const char SQL_AGENCIES[] =
        "SELECT o.id, o.key, o.name FROM incident_agency ia JOIN "
        "organisation o ON o.id = ia.organisation_id WHERE "
        "ia.incident_id = ?1 ORDER BY o.name, o.id";

enum masa_err assure_incident_agencies(struct gov *g, int64_t id,
                                       struct arena *a,
                                       struct assure_incident_agency **out,
                                       size_t *n, struct masa_error *err)
{
	struct store_stmt *st;
	size_t cap = 0;
	bool row;
	enum masa_err rc = store_prepare(g->store, SQL_AGENCIES, &st, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		struct assure_incident_agency *ag;

		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 8);
		ag = &(*out)[(*n)++];
		ag->organisation_id = store_column_int(st, 0);
		ag->key = arena_strdup(a, store_column_text(st, 1));
		ag->name = arena_strdup(a, store_column_text(st, 2));
	}
	store_done(st);
	return rc;
}

static const char SQL_REVIEWS_VISIBLE[] =
        "SELECT 1 FROM partnership WHERE id = ?91 AND (?98 = 1 OR "
        "(?92 = 1 AND (?93 = 1 OR ?96 = 1)) OR (?92 = 1 AND EXISTS ("
        "SELECT 1 FROM membership vm WHERE CAST(?94 AS BIGINT) <> 0 AND "
        "vm.person_id = ?94 AND COALESCE(vm.start_date, '0000-01-01') <= "
        "?95 AND COALESCE(vm.end_date, '9999-12-31') >= ?95 AND ("
        "EXISTS (SELECT 1 FROM incident x WHERE x.body_id = vm.body_id) OR "
        "EXISTS (SELECT 1 FROM practice_review x WHERE x.body_id = "
        "vm.body_id) OR EXISTS (SELECT 1 FROM child_death x WHERE "
        "x.panel_body_id = vm.body_id)))))";

enum masa_err assure_reviews_visible(struct gov *g, const struct gov_viewer *v,
                                     bool *yes, struct masa_error *err)
{
	struct store_stmt *st;
	bool row = false;
	enum masa_err rc =
	        store_prepare(g->store, SQL_REVIEWS_VISIBLE, &st, err);

	*yes = false;
	if (rc != MASA_OK)
		return rc;
	gov_viewer_bind(st, v);
	rc = store_step(st, &row, err);
	store_done(st);
	*yes = rc == MASA_OK && row;
	return rc;
}

static json_t *text_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *clock_json(const struct assure_clock *c)
{
	char due[DATE_TEXT_SIZE], done[DATE_TEXT_SIZE], words[64];

	date_format(c->due, due);
	if (c->done)
		date_format(c->done_on, done);
	return json_pack("{s:s, s:o, s:s, s:I, s:s}", "due", due, "done_on",
	                 c->done ? json_string(done) : json_null(), "state",
	                 assure_clock_state_name(c->state), "working_days",
	                 (json_int_t)c->working_days, "words",
	                 assure_clock_words(c, words, sizeof words));
}

json_t *assure_incident_json(const struct assure_incident_row *r,
                             bool with_agencies,
                             const struct assure_incident_agency *agencies,
                             size_t nagencies)
{
	const struct assure_incident *i = &r->inc;
	json_t *o = json_pack(
	        "{s:s, s:s, s:s, s:s, s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:o, "
	        "s:o, s:o, s:o, s:I}",
	        "reference", i->reference, "body", r->body_short_name, "kind",
	        i->kind, "age_band", i->age_band, "summary",
	        text_or_null(i->summary), "aware_on", i->aware_on,
	        "notified_on", text_or_null(i->notified_on),
	        "rapid_review_meeting", text_or_null(r->meeting_key),
	        "rapid_review_on", text_or_null(i->rapid_review_on),
	        "rapid_review_sent_on", text_or_null(i->rapid_review_sent_on),
	        "decision", text_or_null(i->decision), "decision_on",
	        text_or_null(i->decision_on), "decision_reasons",
	        text_or_null(i->decision_reasons), "panel_response",
	        text_or_null(i->panel_response), "panel_response_on",
	        text_or_null(i->panel_response_on), "version",
	        (json_int_t)i->version);

	json_object_set_new(
	        o, "clocks",
	        json_pack(
	                "{s:o, s:o}", "notification",
	                clock_json(&r->clocks[ASSURE_INCIDENT_NOTIFY]),
	                "rapid_review",
	                clock_json(&r->clocks[ASSURE_INCIDENT_RAPID_REVIEW])));
	if (with_agencies) {
		json_t *list = json_array();

		for (size_t k = 0; k < nagencies; k++)
			json_array_append_new(list,
			                      json_string(agencies[k].key));
		json_object_set_new(o, "agencies", list);
	}
	return o;
}

const char *const assure_incident_csv_headings[] = {
        "reference",
        "body",
        "kind",
        "age_band",
        "aware_on",
        "notification_due",
        "notified_on",
        "notification_state",
        "notification_working_days",
        "rapid_review_meeting",
        "rapid_review_on",
        "rapid_review_report_due",
        "rapid_review_sent_on",
        "rapid_review_report_state",
        "rapid_review_report_working_days",
        "decision",
        NULL};

void assure_incident_csv_cells(const struct assure_incident_row *r,
                               struct arena *a,
                               const char *cells[ASSURE_INCIDENT_CSV_COLUMNS])
{
	const struct assure_incident *i = &r->inc;
	const struct assure_clock *n = &r->clocks[ASSURE_INCIDENT_NOTIFY];
	const struct assure_clock *rr =
	        &r->clocks[ASSURE_INCIDENT_RAPID_REVIEW];
	char *due_n = arena_alloc(a, DATE_TEXT_SIZE);
	char *due_r = arena_alloc(a, DATE_TEXT_SIZE);

	date_format(n->due, due_n);
	date_format(rr->due, due_r);
	cells[0] = i->reference;
	cells[1] = r->body_short_name;
	cells[2] = i->kind;
	cells[3] = i->age_band;
	cells[4] = i->aware_on;
	cells[5] = due_n;
	cells[6] = i->notified_on;
	cells[7] = assure_clock_state_name(n->state);
	cells[8] = arena_printf(a, "%ld", n->working_days);
	cells[9] = r->meeting_key;
	cells[10] = i->rapid_review_on;
	cells[11] = due_r;
	cells[12] = i->rapid_review_sent_on;
	cells[13] = assure_clock_state_name(rr->state);
	cells[14] = arena_printf(a, "%ld", rr->working_days);
	cells[15] = i->decision;
}

const char *assure_incident_clock_name(int k)
{
	return k == ASSURE_INCIDENT_NOTIFY ? "notification" : "rapid_review";
}

/* Chairs of body ?1 on ?2 not yet reminded of clock ?4 of incident ?3. */
static const char SQL_REMIND_CHAIRS[] =
        "SELECT p.id, p.name, p.email FROM membership ms JOIN person p ON "
        "p.id = ms.person_id WHERE ms.body_id = ?1 AND ms.role = 'chair' "
        "AND COALESCE(ms.start_date, '0000-01-01') <= ?2 AND "
        "COALESCE(ms.end_date, '9999-12-31') >= ?2 AND NOT EXISTS (SELECT 1 "
        "FROM incident_reminder_sent r WHERE r.incident_id = ?3 AND "
        "r.clock = ?4 AND r.person_id = p.id AND r.on_date = ?2) "
        "ORDER BY p.id";

/* A (person, clock) pair to remind. */
struct remind_pair {
	int64_t person_id;
	char *name, *email;
	struct assure_pressing_clock clock;
};

static int pair_order(const void *x, const void *y)
{
	const struct remind_pair *a = x, *b = y;
	int c = strcmp(a->name, b->name);

	if (c == 0)
		c = (a->person_id > b->person_id) -
		    (a->person_id < b->person_id);
	return c ? c : pressing_order(&a->clock, &b->clock);
}

enum masa_err assure_incident_reminders(struct gov *g, int64_t partnership_id,
                                        date_days on, struct arena *a,
                                        struct assure_incident_reminder **out,
                                        size_t *n, struct masa_error *err)
{
	struct gov_viewer v;
	struct assure_pressing_clock *clocks;
	struct remind_pair *pairs = NULL;
	size_t nclocks, npairs = 0, cap = 0;
	char day[DATE_TEXT_SIZE];
	enum masa_err rc;

	*out = NULL;
	*n = 0;
	gov_viewer_system(&v, partnership_id);
	date_format(on, day);
	rc = assure_incident_pressing(g, &v, on, ASSURE_NOTIFY_WORKING_DAYS, a,
	                              &clocks, &nclocks, err);
	for (size_t i = 0; rc == MASA_OK && i < nclocks; i++) {
		struct store_stmt *st;
		bool row;
		int k = (int)(clocks[i].clock - clocks[i].incident->clocks);

		if ((rc = store_prepare(g->store, SQL_REMIND_CHAIRS, &st, err)))
			break;
		store_bind_int(st, 1, clocks[i].incident->inc.body_id);
		store_bind_text(st, 2, day);
		store_bind_int(st, 3, clocks[i].incident->inc.id);
		store_bind_text(st, 4, assure_incident_clock_name(k));
		while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
			const char *email = store_column_text(st, 2);

			pairs = arena_grow(a, pairs, npairs, &cap,
			                   sizeof *pairs, 16);
			pairs[npairs++] = (struct remind_pair){
			        store_column_int(st, 0),
			        arena_strdup(a, store_column_text(st, 1)),
			        email && email[0] ? arena_strdup(a, email)
			                          : NULL,
			        clocks[i]};
		}
		store_done(st);
	}
	if (rc != MASA_OK || npairs == 0)
		return rc;
	qsort(pairs, npairs, sizeof *pairs, pair_order);
	*out = arena_alloc(a, npairs * sizeof **out);
	for (size_t i = 0; i < npairs;) {
		struct assure_incident_reminder *r = &(*out)[(*n)++];
		size_t end = i;

		while (end < npairs &&
		       pairs[end].person_id == pairs[i].person_id)
			end++;
		r->person_id = pairs[i].person_id;
		r->person_name = pairs[i].name;
		r->email = pairs[i].email;
		r->clocks = arena_alloc(a, (end - i) * sizeof *r->clocks);
		for (; i < end; i++)
			r->clocks[r->nclocks++] = pairs[i].clock;
	}
	return MASA_OK;
}

static const char SQL_REMIND_CLAIM[] =
        "INSERT INTO incident_reminder_sent (incident_id, clock, person_id, "
        "on_date, sent_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT "
        "(incident_id, clock, person_id, on_date) DO NOTHING RETURNING id";
static const char SQL_REMIND_UNCLAIM[] =
        "DELETE FROM incident_reminder_sent WHERE incident_id = ?1 AND "
        "clock = ?2 AND person_id = ?3 AND on_date = ?4 AND sent_at = ?5";

/*
 * Claims (or gives back) every clock of r in one transaction; *all is
 * false, and nothing is claimed, when another run had claimed one. As for
 * action reminders, no audit entry: this is the log of deliveries.
 */
static enum masa_err reminder_claim(struct gov *g,
                                    const struct assure_incident_reminder *r,
                                    date_days on, const char *stamp,
                                    bool unclaim, bool *all,
                                    struct masa_error *err)
{
	char day[DATE_TEXT_SIZE];
	enum masa_err rc;

	*all = true;
	date_format(on, day);
	if ((rc = gov_begin(g, err)))
		return rc;
	for (size_t i = 0; rc == MASA_OK && *all && i < r->nclocks; i++) {
		const struct assure_pressing_clock *c = &r->clocks[i];
		struct store_stmt *st;
		int64_t id = 0;

		if ((rc = store_prepare(g->store,
		                        unclaim ? SQL_REMIND_UNCLAIM
		                                : SQL_REMIND_CLAIM,
		                        &st, err)))
			break;
		store_bind_int(st, 1, c->incident->inc.id);
		store_bind_text(st, 2,
		                assure_incident_clock_name(
		                        (int)(c->clock - c->incident->clocks)));
		store_bind_int(st, 3, r->person_id);
		store_bind_text(st, 4, day);
		store_bind_text(st, 5, stamp);
		rc = store_run(st, unclaim ? NULL : &id, err);
		if (rc == MASA_OK && !unclaim && id == 0)
			*all = false;
	}
	if (rc == MASA_OK && !*all)
		gov_rollback(g); /* another run sends it: claim nothing */
	rc = gov_end(g, rc, err);
	if (rc != MASA_OK && !*all) {
		masa_error_clear(err);
		rc = MASA_OK;
	}
	return rc;
}

enum masa_err assure_incident_reminder_claim(
        struct gov *g, const struct assure_incident_reminder *r, date_days on,
        char stamp[21], bool *claimed, struct masa_error *err)
{
	timestamp_now(stamp);
	return reminder_claim(g, r, on, stamp, false, claimed, err);
}

enum masa_err assure_incident_reminder_unclaim(
        struct gov *g, const struct assure_incident_reminder *r, date_days on,
        const char *stamp, struct masa_error *err)
{
	bool all;

	return reminder_claim(g, r, on, stamp, true, &all, err);
}
