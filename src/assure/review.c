/*
 * review: practice reviews, their stages and contributions, and the
 * publication clock (see review.h).
 */
#include "assure/review.h"

#include <string.h>

#include "assure/assure.h"
#include "core/text.h"
#include "core/workdays.h"
#include "gov/audit.h"
#include "gov/partnership.h"

const char *const review_kinds[] = {"local", "national", "scr", NULL};
const char *const review_kind_labels[] = {
        "Local child safeguarding practice review",
        "National review (local part)", "Serious case review", NULL};
const char *const review_stages[] = {"scoping", "fieldwork", "involvement",
                                     "draft",   "final",     NULL};
const char *const review_stage_labels[] = {
        "Scoping",      "Fieldwork",    "Family and practitioner involvement",
        "Draft report", "Final report", NULL};
const char *const review_held_reasons[] = {"criminal_proceedings",
                                           "family_wishes", "other", NULL};
const char *const review_held_reason_labels[] = {
        "Criminal proceedings", "The family's wishes", "Other reason", NULL};

const char *review_label(const char *const *values, const char *const *labels,
                         const char *value)
{
	for (size_t i = 0; value != NULL && values[i] != NULL; i++)
		if (strcmp(values[i], value) == 0)
			return labels[i];
	return value ? value : "";
}

static const struct record_ref review_body_ref = {
        .what = "body",
        .sql_key = "SELECT short_name FROM body WHERE id = ?1",
        .sql_id = "SELECT id FROM body WHERE partnership_id = ?1 "
                  "AND short_name = ?2",
        .sql_choices = "SELECT short_name, name || ' (' || short_name || ')' "
                       "FROM body WHERE partnership_id = ?1 ORDER BY name",
};

/* An incident by its reference, read from its table directly. */
static const struct record_ref review_incident_ref = {
        .what = "incident",
        .sql_key = "SELECT reference FROM incident WHERE id = ?1",
        .sql_id = "SELECT id FROM incident WHERE partnership_id = ?1 "
                  "AND reference = ?2",
        .sql_choices = "SELECT reference, reference FROM incident "
                       "WHERE partnership_id = ?1 ORDER BY aware_on DESC",
};

static enum masa_err url_valid(const char *label, const char *value,
                               struct masa_error *err)
{
	if ((strncmp(value, "https://", 8) == 0 ||
	     strncmp(value, "http://", 7) == 0) &&
	    strchr(value, ' ') == NULL && strlen(value) <= 2000)
		return MASA_OK;
	return masa_error_set(err, MASA_ERR_INVALID,
	                      "%s: \"%.60s\" is not a web address: give one "
	                      "starting https://",
	                      label, value);
}

#define R_FIELD(member, ...) \
	RECORD_INPUT_FIELD(struct review, member, RECORD_TEXT, __VA_ARGS__)

static const struct record_field review_fields[] = {
        RECORD_FIELD(struct review, id, RECORD_ID),
        RECORD_FIELD(struct review, partnership_id, RECORD_ID),
        RECORD_INPUT_FIELD(struct review, body_id, RECORD_ID,
                           .label = "Body holding the review",
                           .hint = "The practice review sub-group",
                           .input = RECORD_INPUT_REF, .ref = &review_body_ref,
                           .required = true),
        RECORD_INPUT_FIELD(
                struct review, incident_id, RECORD_ID, .label = "Incident",
                .hint = "The serious incident it reviews, by its "
                        "reference, if recorded in masa",
                .input = RECORD_INPUT_REF, .ref = &review_incident_ref),
        R_FIELD(reference, .label = "Reference",
                .hint = "A code such as LCSPR-2019-01, never a name",
                .input = RECORD_INPUT_LINE, .required = true,
                .validate = assure_reference_check),
        R_FIELD(title, .label = "Title",
                .hint = "As the report will be known, such as Child J",
                .input = RECORD_INPUT_LINE, .required = true),
        R_FIELD(kind, .label = "Kind of review", .input = RECORD_INPUT_CHOICE,
                .choices = review_kinds, .choice_labels = review_kind_labels,
                .required = true),
        R_FIELD(commissioned_on, .label = "Date commissioned",
                .input = RECORD_INPUT_DATE),
        R_FIELD(reviewer, .label = "Independent reviewer",
                .hint = "The reviewer's name, if one was commissioned",
                .input = RECORD_INPUT_LINE),
        R_FIELD(method, .label = "Method",
                .hint = "Such as SILP or a systems approach",
                .input = RECORD_INPUT_LINE),
        R_FIELD(terms_of_reference, .label = "Terms of reference",
                .hint = "Markdown: paragraphs, lists, **bold**",
                .input = RECORD_INPUT_TEXT),
        R_FIELD(stage, .label = "Stage", .input = RECORD_INPUT_CHOICE,
                .choices = review_stages, .choice_labels = review_stage_labels),
        R_FIELD(final_on, .label = "Date of the final report",
                .input = RECORD_INPUT_DATE),
        R_FIELD(signed_off_on, .label = "Date signed off by the partners",
                .input = RECORD_INPUT_DATE),
        R_FIELD(publication_due_on, .label = "Publication due",
                .hint = "Six months from the decision to review, unless "
                        "agreed otherwise",
                .input = RECORD_INPUT_DATE),
        R_FIELD(sent_to_panel_on,
                .label = "Date sent to the national panel and the Secretary "
                         "of State",
                .input = RECORD_INPUT_DATE),
        R_FIELD(published_on, .label = "Date published",
                .input = RECORD_INPUT_DATE),
        R_FIELD(published_url, .label = "Address of the published report",
                .input = RECORD_INPUT_LINE, .validate = url_valid),
        R_FIELD(summary, .label = "Public summary",
                .hint = "Shown with the published report: Markdown",
                .input = RECORD_INPUT_TEXT),
        R_FIELD(held_reason, .label = "Publication held because",
                .input = RECORD_INPUT_CHOICE, .choices = review_held_reasons,
                .choice_labels = review_held_reason_labels),
        R_FIELD(held_note, .label = "About the hold",
                .input = RECORD_INPUT_TEXT),
        R_FIELD(held_review_on, .label = "Date the hold is looked at again",
                .input = RECORD_INPUT_DATE),
        RECORD_FIELD(struct review, version, RECORD_VERSION),
};

#define REVIEW_COLUMNS(p)                                                      \
	p "id, " p "partnership_id, " p "body_id, " p "incident_id, " p        \
	  "reference, " p "title, " p "kind, " p "commissioned_on, " p         \
	  "reviewer, " p "method, " p "terms_of_reference, " p "stage, " p     \
	  "final_on, " p "signed_off_on, " p "publication_due_on, " p          \
	  "sent_to_panel_on, " p "published_on, " p "published_url, " p        \
	  "summary, " p "held_reason, " p "held_note, " p "held_review_on, " p \
	  "version"

const struct record_kind review_record = {
        .entity = "practice_review",
        .label = "practice review",
        .fields = review_fields,
        .nfields = sizeof review_fields / sizeof review_fields[0],
        .size = sizeof(struct review),
        .sql_insert = "INSERT INTO practice_review (partnership_id, body_id, "
                      "incident_id, reference, title, kind, commissioned_on, "
                      "reviewer, method, terms_of_reference, stage, final_on, "
                      "signed_off_on, publication_due_on, sent_to_panel_on, "
                      "published_on, published_url, summary, held_reason, "
                      "held_note, held_review_on) VALUES (?, ?, ?, ?, ?, ?, "
                      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                      "RETURNING id",
        .sql_update = "UPDATE practice_review SET partnership_id = ?, "
                      "body_id = ?, incident_id = ?, reference = ?, "
                      "title = ?, kind = ?, commissioned_on = ?, "
                      "reviewer = ?, method = ?, terms_of_reference = ?, "
                      "stage = ?, final_on = ?, signed_off_on = ?, "
                      "publication_due_on = ?, sent_to_panel_on = ?, "
                      "published_on = ?, published_url = ?, summary = ?, "
                      "held_reason = ?, held_note = ?, held_review_on = ?, "
                      "version = version + 1 WHERE id = ? AND version = "
                      "COALESCE(?, version) RETURNING version",
        .sql_get = "SELECT " REVIEW_COLUMNS("") " FROM practice_review "
                                                "WHERE id = ?",
        .sql_bump = "UPDATE practice_review SET version = version + 1 "
                    "WHERE id = ?1 AND version = COALESCE(?2, version) "
                    "RETURNING version",
};

static const char *label_of(const char *name)
{
	for (size_t i = 0; i < review_record.nfields; i++)
		if (strcmp(review_fields[i].name, name) == 0)
			return review_fields[i].label;
	return name;
}

/* a (field name) must not be before b, both optional. */
static enum masa_err not_before(const struct review *r, const char *later,
                                const char *later_value, const char *earlier,
                                const char *earlier_value,
                                struct masa_error *err)
{
	if (later_value == NULL || earlier_value == NULL ||
	    strcmp(later_value, earlier_value) >= 0)
		return MASA_OK;
	(void)r;
	return masa_error_set(err, MASA_ERR_INVALID,
	                      "%s (%s) is before %s (%s): a review's dates "
	                      "run in order",
	                      label_of(later), later_value, label_of(earlier),
	                      earlier_value);
}

/* later needs earlier to be recorded first. */
static enum masa_err needs(const char *later, const char *later_value,
                           const char *earlier, const char *earlier_value,
                           struct masa_error *err)
{
	if (later_value == NULL || earlier_value != NULL)
		return MASA_OK;
	return masa_error_set(err, MASA_ERR_INVALID,
	                      "%s (%s) needs %s first: record that date too",
	                      label_of(later), later_value, label_of(earlier));
}

static bool is_one_of(const char *const *values, const char *v)
{
	for (size_t i = 0; v != NULL && values[i] != NULL; i++)
		if (strcmp(values[i], v) == 0)
			return true;
	return false;
}

enum masa_err review_check(const struct review *r, struct masa_error *err)
{
	static const char *const dates[] = {
	        "commissioned_on",  "final_on",
	        "signed_off_on",    "publication_due_on",
	        "sent_to_panel_on", "published_on",
	        "held_review_on",   NULL};
	const char *const values[] = {
	        r->commissioned_on,    r->final_on,         r->signed_off_on,
	        r->publication_due_on, r->sent_to_panel_on, r->published_on,
	        r->held_review_on};
	enum masa_err rc;

	if ((rc = assure_reference_check("Reference", r->reference, err)))
		return rc;
	if (text_is_blank(r->title))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Title is missing: give the name the "
		                      "report will be known by");
	if (!is_one_of(review_kinds, r->kind))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Kind of review: \"%.20s\" is not one of "
		                      "local, national or scr",
		                      r->kind ? r->kind : "");
	if (!is_one_of(review_stages, r->stage))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Stage: \"%.20s\" is not one of scoping, "
		                      "fieldwork, involvement, draft or final",
		                      r->stage ? r->stage : "");
	if (r->held_reason != NULL &&
	    !is_one_of(review_held_reasons, r->held_reason))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Publication held because: \"%.30s\" is "
		                      "not one of criminal_proceedings, "
		                      "family_wishes or other",
		                      r->held_reason);
	for (size_t i = 0; dates[i] != NULL; i++)
		if (values[i] != NULL && date_parse(values[i], NULL, NULL))
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%s: \"%.20s\" is not a date "
			                      "(YYYY-MM-DD)",
			                      label_of(dates[i]), values[i]);
	if (r->published_url != NULL &&
	    (rc = url_valid(label_of("published_url"), r->published_url, err)))
		return rc;
	if ((rc = not_before(r, "final_on", r->final_on, "commissioned_on",
	                     r->commissioned_on, err)) ||
	    (rc = needs("signed_off_on", r->signed_off_on, "final_on",
	                r->final_on, err)) ||
	    (rc = not_before(r, "signed_off_on", r->signed_off_on, "final_on",
	                     r->final_on, err)) ||
	    (rc = needs("sent_to_panel_on", r->sent_to_panel_on, "final_on",
	                r->final_on, err)) ||
	    (rc = not_before(r, "sent_to_panel_on", r->sent_to_panel_on,
	                     "final_on", r->final_on, err)) ||
	    (rc = needs("published_on", r->published_on, "signed_off_on",
	                r->signed_off_on, err)) ||
	    (rc = needs("published_on", r->published_on, "sent_to_panel_on",
	                r->sent_to_panel_on, err)) ||
	    (rc = not_before(r, "published_on", r->published_on, "final_on",
	                     r->final_on, err)) ||
	    (rc = not_before(r, "published_on", r->published_on,
	                     "signed_off_on", r->signed_off_on, err)) ||
	    (rc = not_before(r, "published_on", r->published_on,
	                     "sent_to_panel_on", r->sent_to_panel_on, err)) ||
	    (rc = not_before(r, "publication_due_on", r->publication_due_on,
	                     "commissioned_on", r->commissioned_on, err)))
		return rc;
	if (r->final_on != NULL && strcmp(r->stage, "final") != 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s (%s) is set but the review is at stage "
		        "%s: move it to the final stage",
		        label_of("final_on"), r->final_on, r->stage);
	if (r->published_on != NULL && r->held_reason != NULL)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "Date published (%s): the publication is "
		        "held (%s); end the hold before publishing",
		        r->published_on,
		        review_label(review_held_reasons,
		                     review_held_reason_labels,
		                     r->held_reason));
	if (r->published_on != NULL && r->published_url == NULL)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s is missing: a published review has "
		                      "the address of its report",
		                      label_of("published_url"));
	if (r->held_reason != NULL && r->held_review_on == NULL)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s is missing: a held publication is "
		                      "looked at again on a set date",
		                      label_of("held_review_on"));
	if (r->held_reason == NULL &&
	    (r->held_review_on != NULL || r->held_note != NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s is missing: say why the publication "
		                      "is held",
		                      label_of("held_reason"));
	return MASA_OK;
}

static const char SQL_REVIEW_BODY[] =
        "SELECT 1 FROM body WHERE id = ?1 AND partnership_id = ?2";
static const char SQL_REVIEW_INCIDENT[] =
        "SELECT 1 FROM incident WHERE id = ?1 AND partnership_id = ?2";
static const char SQL_REVIEW_DECISION[] =
        "SELECT decision_on FROM incident WHERE id = ?1";
static const char SQL_REVIEW_STAGE_ADD[] =
        "INSERT INTO review_stage (review_id, stage, started_on) "
        "VALUES (?1, ?2, ?3) ON CONFLICT (review_id, stage) DO UPDATE "
        "SET started_on = excluded.started_on";

/* The references of r are of its partnership. */
static enum masa_err check_refs(struct gov *g, const struct review *r,
                                struct masa_error *err)
{
	enum masa_err rc;

	if ((rc = record_check_ref(g, SQL_REVIEW_BODY, r->body_id,
	                           r->partnership_id, true, label_of("body_id"),
	                           "body", err)) ||
	    (rc = record_check_ref(g, SQL_REVIEW_INCIDENT, r->incident_id,
	                           r->partnership_id, false,
	                           label_of("incident_id"), "incident", err)))
		return rc;
	return MASA_OK;
}

/* Six calendar months after iso (the last day of a shorter month). */
static void six_months_after(const char *iso, char out[DATE_TEXT_SIZE])
{
	static const int days_in[] = {31, 28, 31, 30, 31, 30,
	                              31, 31, 30, 31, 30, 31};
	date_days d;
	int y, m, md, last;

	(void)date_parse(iso, &d, NULL);
	date_to_ymd(d, &y, &m, &md);
	m += 6;
	if (m > 12) {
		m -= 12;
		y++;
	}
	last = days_in[m - 1] +
	       (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	date_format(date_from_ymd(y, m, md > last ? last : md), out);
}

static size_t stage_index(const char *stage)
{
	for (size_t i = 0; review_stages[i] != NULL; i++)
		if (stage != NULL && strcmp(review_stages[i], stage) == 0)
			return i;
	return (size_t)-1;
}

enum masa_err review_stage_record(struct gov *g, int64_t review_id,
                                  const char *stage, const char *on,
                                  struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc;

	if (stage_index(stage) == (size_t)-1)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "stage: \"%.20s\" is not one of scoping, "
		                      "fieldwork, involvement, draft or final",
		                      stage ? stage : "");
	if (on == NULL || date_parse(on, NULL, NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "started_on: give a date (YYYY-MM-DD)");
	if ((rc = store_prepare(g->store, SQL_REVIEW_STAGE_ADD, &st, err)))
		return rc;
	store_bind_int(st, 1, review_id);
	store_bind_text(st, 2, stage);
	store_bind_text(st, 3, on);
	return store_run(st, NULL, err);
}

enum masa_err review_create(struct gov *g, struct review *r, struct arena *a,
                            struct masa_error *err)
{
	char today[DATE_TEXT_SIZE], due[DATE_TEXT_SIZE];
	enum masa_err rc;

	date_format(date_today(), today);
	if (r->stage == NULL)
		r->stage = "scoping";
	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = check_refs(g, r, err)))
		goto out;
	if (r->publication_due_on == NULL) {
		const char *from = r->commissioned_on;
		if (r->incident_id != 0) {
			struct store_stmt *st;
			bool row;
			if ((rc = store_prepare(g->store, SQL_REVIEW_DECISION,
			                        &st, err)))
				goto out;
			store_bind_int(st, 1, r->incident_id);
			rc = store_step(st, &row, err);
			if (rc == MASA_OK && row &&
			    !store_column_is_null(st, 0))
				from = arena_strdup(a,
				                    store_column_text(st, 0));
			store_done(st);
			if (rc)
				goto out;
		}
		if (from != NULL && date_parse(from, NULL, NULL) == MASA_OK) {
			six_months_after(from, due);
			r->publication_due_on = arena_strdup(a, due);
		}
	}
	if ((rc = review_check(r, err)) ||
	    (rc = record_insert(g, &review_record, r, err)) ||
	    (rc = review_stage_record(
	             g, r->id, r->stage,
	             r->commissioned_on ? r->commissioned_on : today, err)))
		goto out;
out:
	if (rc == MASA_ERR_CONFLICT)
		masa_error_set(
		        err, MASA_ERR_CONFLICT,
		        "Reference: there is already a review %.40s here",
		        r->reference);
	return gov_end(g, rc, err);
}

enum masa_err review_update(struct gov *g, const struct review *r,
                            struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct review old;
	enum masa_err rc;

	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = record_get(g, &review_record, r->id, &a, &old, err)))
		goto out;
	if (old.partnership_id != r->partnership_id) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "a review does not move between "
		                    "partnerships");
		goto out;
	}
	if (strcmp(old.stage, r->stage) != 0) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "Stage: move a review on with its stage "
		        "(review_stage_set), giving the day it began");
		goto out;
	}
	if ((rc = check_refs(g, r, err)) || (rc = review_check(r, err)))
		goto out;
	rc = record_update(g, &review_record, r, err);
out:
	arena_free(&a);
	return gov_end(g, rc, err);
}

static const char SQL_REVIEW_STAGE_LAST[] =
        "SELECT stage, started_on FROM review_stage WHERE review_id = ?1 "
        "ORDER BY started_on DESC, id DESC LIMIT 1";

enum masa_err review_stage_set(struct gov *g, int64_t review_id,
                               const char *stage, const char *started_on,
                               int64_t version, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct review r;
	struct store_stmt *st;
	char *last_on = NULL;
	bool row;
	enum masa_err rc;

	if (stage_index(stage) == (size_t)-1)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Stage: \"%.20s\" is not one of scoping, "
		                      "fieldwork, involvement, draft or final",
		                      stage ? stage : "");
	if (started_on == NULL || date_parse(started_on, NULL, NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Date the stage began: give a date "
		                      "(YYYY-MM-DD)");
	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = record_get(g, &review_record, review_id, &a, &r, err)) ||
	    (rc = record_version_check(&review_record, r.version, version,
	                               err)))
		goto out;
	if (stage_index(stage) <= stage_index(r.stage)) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "Stage: the review is at %s already; a "
		                    "review's stages only move forward",
		                    review_label(review_stages,
		                                 review_stage_labels, r.stage));
		goto out;
	}
	if ((rc = store_prepare(g->store, SQL_REVIEW_STAGE_LAST, &st, err)))
		goto out;
	store_bind_int(st, 1, review_id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		last_on = arena_strdup(&a, store_column_text(st, 1));
	store_done(st);
	if (rc)
		goto out;
	if (last_on != NULL && strcmp(started_on, last_on) < 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "Date the stage began (%s) is before the "
		                    "day the %s stage began (%s)",
		                    started_on, r.stage, last_on);
		goto out;
	}
	r.stage = (char *)stage;
	if (strcmp(stage, "final") == 0 && r.final_on == NULL)
		r.final_on = (char *)started_on;
	r.version = 0;
	if ((rc = review_check(&r, err)) ||
	    (rc = review_stage_record(g, review_id, stage, started_on, err)) ||
	    (rc = record_update(g, &review_record, &r, err)))
		goto out;
out:
	arena_free(&a);
	return gov_end(g, rc, err);
}

/* clang-format off */
static const char SQL_REVIEW_FIND[] =
        "SELECT " REVIEW_COLUMNS("pr.") " FROM practice_review pr "
        "WHERE pr.partnership_id = ?1 AND pr.reference = ?2 AND "
        GOV_SQL_SEES_REVIEW("pr");
static const char SQL_REVIEW_MAY_CHANGE[] =
        "SELECT 1 FROM practice_review pr WHERE pr.id = ?1 AND "
        GOV_SQL_SEES_CASE("pr.partnership_id", "pr.body_id");
static const char SQL_REVIEW_LIST[] =
        "SELECT " REVIEW_COLUMNS("pr.") ", b.short_name, i.reference "
        "FROM practice_review pr JOIN body b ON b.id = pr.body_id "
        "LEFT JOIN incident i ON i.id = pr.incident_id "
        "WHERE pr.partnership_id = ?1 AND (CAST(?2 AS BIGINT) = 0 OR "
        "pr.published_on IS "
        "NOT NULL) AND " GOV_SQL_SEES_REVIEW("pr")
        " ORDER BY COALESCE(pr.commissioned_on, '0000-01-01') DESC, "
        "pr.reference";
/* clang-format on */
static const char SQL_REVIEW_ROW[] =
        "SELECT b.short_name, i.reference FROM practice_review pr "
        "JOIN body b ON b.id = pr.body_id "
        "LEFT JOIN incident i ON i.id = pr.incident_id WHERE pr.id = ?1";

enum masa_err review_find(struct gov *g, const struct gov_viewer *v,
                          int64_t partnership_id, const char *reference,
                          struct arena *a, struct review *out,
                          struct masa_error *err)
{
	return record_find_seen(
	        g, &review_record, SQL_REVIEW_FIND, partnership_id, reference,
	        v, arena_printf(a, "%.40s", reference), a, out, err);
}

enum masa_err review_may_change(struct gov *g, const struct gov_viewer *v,
                                int64_t review_id, bool *yes,
                                struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc =
	        store_prepare(g->store, SQL_REVIEW_MAY_CHANGE, &st, err);

	*yes = false;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, review_id);
	gov_viewer_bind(st, v);
	rc = store_step(st, yes, err);
	store_done(st);
	return rc;
}

enum masa_err review_list(struct gov *g, const struct gov_viewer *v,
                          int64_t partnership_id, bool published_only,
                          struct arena *a, struct review_row **out, size_t *n,
                          struct masa_error *err)
{
	struct store_stmt *st;
	size_t cap = 0;
	bool row;
	enum masa_err rc = store_prepare(g->store, SQL_REVIEW_LIST, &st, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, partnership_id);
	store_bind_int(st, 2, published_only ? 1 : 0);
	gov_viewer_bind(st, v);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		struct review_row *e;
		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 8);
		e = &(*out)[(*n)++];
		record_read_row(st, &review_record, a, &e->r);
		e->body_short_name = arena_strdup(
		        a, store_column_text(st, (int)review_record.nfields));
		e->incident_reference = arena_strdup(
		        a,
		        store_column_text(st, (int)review_record.nfields + 1));
	}
	store_done(st);
	return rc;
}

enum masa_err review_row_of(struct gov *g, const struct review *r,
                            struct arena *a, struct review_row *out,
                            struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, SQL_REVIEW_ROW, &st, err);

	memset(out, 0, sizeof *out);
	out->r = *r;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, r->id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row) {
		out->body_short_name =
		        arena_strdup(a, store_column_text(st, 0));
		out->incident_reference =
		        arena_strdup(a, store_column_text(st, 1));
	}
	store_done(st);
	return rc;
}

static const char SQL_REVIEW_STAGES[] =
        "SELECT stage, started_on FROM review_stage WHERE review_id = ?1 "
        "ORDER BY started_on, id";

enum masa_err review_stage_list(struct gov *g, int64_t review_id,
                                struct arena *a,
                                struct review_stage_entry **out, size_t *n,
                                struct masa_error *err)
{
	struct store_stmt *st;
	size_t cap = 0;
	bool row;
	enum masa_err rc = store_prepare(g->store, SQL_REVIEW_STAGES, &st, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, review_id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 8);
		(*out)[*n].stage = arena_strdup(a, store_column_text(st, 0));
		(*out)[*n].started_on =
		        arena_strdup(a, store_column_text(st, 1));
		(*n)++;
	}
	store_done(st);
	return rc;
}

/* ---- contributions ---- */

static const char SQL_CONTRIBUTION_ADD[] =
        "INSERT INTO review_contribution (review_id, organisation_id, what, "
        "due_on, received_on) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id";
static const char SQL_CONTRIBUTION_RECEIVED[] =
        "UPDATE review_contribution SET received_on = ?3 "
        "WHERE id = ?1 AND review_id = ?2 RETURNING id";
static const char SQL_CONTRIBUTION_LIST[] =
        "SELECT c.id, c.review_id, c.organisation_id, c.what, c.due_on, "
        "c.received_on, o.key, o.name FROM review_contribution c "
        "JOIN organisation o ON o.id = c.organisation_id "
        "WHERE c.review_id = ?1 ORDER BY c.due_on, o.name, c.what";
static const char SQL_ORGANISATION_ID[] =
        "SELECT id FROM organisation WHERE partnership_id = ?1 AND key = ?2";

static json_t *contribution_json(int64_t review_id, const char *org,
                                 const char *what, const char *due_on,
                                 const char *received_on)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s?}", "review_id",
	                 (json_int_t)review_id, "organisation", org, "what",
	                 what, "due_on", due_on, "received_on", received_on);
}

/* The id of organisation key in partnership_id, or INVALID naming it. */
static enum masa_err organisation_id(struct gov *g, int64_t partnership_id,
                                     const char *label, const char *key,
                                     int64_t *out, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc =
	        store_prepare(g->store, SQL_ORGANISATION_ID, &st, err);

	*out = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, partnership_id);
	store_bind_text(st, 2, key ? key : "");
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		*out = store_column_int(st, 0);
	store_done(st);
	if (rc == MASA_OK && *out == 0)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "%s: no organisation \"%.60s\" in the "
		                    "partnership",
		                    label, key ? key : "");
	return rc;
}

enum masa_err review_contribution_add(struct gov *g, int64_t review_id,
                                      const char *organisation_key,
                                      const char *what, const char *due_on,
                                      const char *received_on,
                                      struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct review r;
	int64_t org = 0, id = 0;
	enum masa_err rc;

	if (text_is_blank(what))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "What is asked for is missing: such as "
		        "\"Chronology\" or \"Individual management "
		        "review\"");
	if (due_on == NULL || date_parse(due_on, NULL, NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Date due: give a date (YYYY-MM-DD)");
	if (received_on != NULL && date_parse(received_on, NULL, NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Date received: \"%.20s\" is not a date "
		                      "(YYYY-MM-DD)",
		                      received_on);
	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = record_get(g, &review_record, review_id, &a, &r, err)) ||
	    (rc = organisation_id(g, r.partnership_id, "Organisation",
	                          organisation_key, &org, err)))
		goto out;
	if (r.commissioned_on != NULL &&
	    strcmp(due_on, r.commissioned_on) < 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "Date due (%s) is before Date commissioned "
		                    "(%s)",
		                    due_on, r.commissioned_on);
		goto out;
	}
	if (r.commissioned_on != NULL && received_on != NULL &&
	    strcmp(received_on, r.commissioned_on) < 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "Date received (%s) is before Date "
		                    "commissioned (%s)",
		                    received_on, r.commissioned_on);
		goto out;
	}
	{
		struct store_stmt *st;
		if ((rc = store_prepare(g->store, SQL_CONTRIBUTION_ADD, &st,
		                        err)))
			goto out;
		store_bind_int(st, 1, review_id);
		store_bind_int(st, 2, org);
		store_bind_text(st, 3, what);
		store_bind_text(st, 4, due_on);
		store_bind_text(st, 5, received_on);
		rc = store_run(st, &id, err);
		if (rc == MASA_ERR_CONFLICT)
			rc = masa_error_set(err, MASA_ERR_CONFLICT,
			                    "%.60s has already been asked for "
			                    "\"%.60s\" in this review",
			                    organisation_key, what);
		if (rc)
			goto out;
	}
	rc = audit_record(g, "create", "review_contribution", id, NULL,
	                  contribution_json(review_id, organisation_key, what,
	                                    due_on, received_on),
	                  err);
out:
	arena_free(&a);
	return gov_end(g, rc, err);
}

enum masa_err review_contribution_received(struct gov *g, int64_t review_id,
                                           int64_t id, const char *received_on,
                                           struct masa_error *err)
{
	struct store_stmt *st;
	int64_t got = 0;
	enum masa_err rc;

	if (received_on == NULL || date_parse(received_on, NULL, NULL))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "Date received: give a date (YYYY-MM-DD)");
	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = store_prepare(g->store, SQL_CONTRIBUTION_RECEIVED, &st, err)))
		goto out;
	store_bind_int(st, 1, id);
	store_bind_int(st, 2, review_id);
	store_bind_text(st, 3, received_on);
	if ((rc = store_run(st, &got, err)))
		goto out;
	if (got == 0) {
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "no contribution %lld in this review",
		                    (long long)id);
		goto out;
	}
	rc = audit_record(g, "update", "review_contribution", id, NULL,
	                  json_pack("{s:s}", "received_on", received_on), err);
out:
	return gov_end(g, rc, err);
}

enum masa_err review_contribution_list(struct gov *g, int64_t review_id,
                                       date_days today, struct arena *a,
                                       struct review_contribution **out,
                                       size_t *n, struct masa_error *err)
{
	struct store_stmt *st;
	size_t cap = 0;
	bool row;
	enum masa_err rc =
	        store_prepare(g->store, SQL_CONTRIBUTION_LIST, &st, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, review_id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		struct review_contribution *c;
		date_days due, got = today;
		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 8);
		c = &(*out)[(*n)++];
		c->id = store_column_int(st, 0);
		c->review_id = store_column_int(st, 1);
		c->organisation_id = store_column_int(st, 2);
		c->what = arena_strdup(a, store_column_text(st, 3));
		c->due_on = arena_strdup(a, store_column_text(st, 4));
		c->received_on = arena_strdup(a, store_column_text(st, 5));
		c->organisation_key = arena_strdup(a, store_column_text(st, 6));
		c->organisation_name =
		        arena_strdup(a, store_column_text(st, 7));
		c->late_days = 0;
		if (date_parse(c->due_on, &due, NULL) == MASA_OK &&
		    (c->received_on == NULL ||
		     date_parse(c->received_on, &got, NULL) == MASA_OK))
			c->late_days = workdays_between(due, got);
	}
	store_done(st);
	return rc;
}

/* ---- the publication clock ---- */

void review_publication_clock(const struct review *r, date_days today,
                              struct review_publication_clock *out)
{
	date_days due, on;

	out->due_on = r->publication_due_on;
	out->late_days = 0;
	if (r->published_on != NULL) {
		out->state = REVIEW_PUBLICATION_PUBLISHED;
		if (r->publication_due_on != NULL &&
		    date_parse(r->publication_due_on, &due, NULL) == MASA_OK &&
		    date_parse(r->published_on, &on, NULL) == MASA_OK)
			out->late_days = workdays_between(due, on);
		return;
	}
	if (r->held_reason != NULL) {
		out->state = REVIEW_PUBLICATION_HELD;
		return;
	}
	if (r->publication_due_on == NULL ||
	    date_parse(r->publication_due_on, &due, NULL) != MASA_OK) {
		out->state = REVIEW_PUBLICATION_NONE;
		return;
	}
	out->late_days = workdays_between(due, today);
	out->state = out->late_days > 0 ? REVIEW_PUBLICATION_LATE
	                                : REVIEW_PUBLICATION_DUE;
}

const char *review_publication_words(struct arena *a, const struct review *r,
                                     const struct review_publication_clock *c)
{
	switch (c->state) {
	case REVIEW_PUBLICATION_PUBLISHED:
		if (c->late_days > 0)
			return arena_printf(
			        a, "Published %s, %ld working day%s late",
			        date_iso_words(a, r->published_on, false),
			        c->late_days, c->late_days == 1 ? "" : "s");
		return arena_printf(a, "Published %s",
		                    date_iso_words(a, r->published_on, false));
	case REVIEW_PUBLICATION_HELD:
		return arena_printf(
		        a, "Held (%s): looked at again on %s",
		        review_label(review_held_reasons,
		                     review_held_reason_labels, r->held_reason),
		        date_iso_words(a, r->held_review_on, false));
	case REVIEW_PUBLICATION_LATE:
		return arena_printf(a, "Late by %ld working day%s (due %s)",
		                    c->late_days, c->late_days == 1 ? "" : "s",
		                    date_iso_words(a, c->due_on, false));
	case REVIEW_PUBLICATION_DUE:
		return arena_printf(a, "Due %s",
		                    date_iso_words(a, c->due_on, false));
	case REVIEW_PUBLICATION_NONE:
		break;
	}
	return "No date set";
}
