/*
 * recommendation: a review's recommendations, the actions raised from
 * them and the evidence of their impact (see recommendation.h).
 */
#include "assure/recommendation.h"

#include <string.h>

#include "assure/review.h"
#include "core/date.h"
#include "core/text.h"
#include "gov/audit.h"
#include "gov/partnership.h"

const char *const recommendation_statuses[] = {"open", "closed", NULL};
const char *const evidence_kinds[] = {"audit", "figure", "feedback", "other",
                                      NULL};
const char *const evidence_kind_labels[] = {
        "An audit", "A figure", "Practitioners' or families' feedback",
        "Other evidence", NULL};
const char *const evidence_rags[] = {"red", "amber", "green", NULL};

static const struct record_ref rec_body_ref = {
        .what = "body",
        .sql_key = "SELECT short_name FROM body WHERE id = ?1",
        .sql_id = "SELECT id FROM body WHERE partnership_id = ?1 "
                  "AND short_name = ?2",
        .sql_choices = "SELECT short_name, name || ' (' || short_name || ')' "
                       "FROM body WHERE partnership_id = ?1 ORDER BY name",
};

#define REC_FIELD(member, ...)                                         \
	RECORD_INPUT_FIELD(struct recommendation, member, RECORD_TEXT, \
	                   __VA_ARGS__)

static const struct record_field recommendation_fields[] = {
        RECORD_FIELD(struct recommendation, id, RECORD_ID),
        RECORD_FIELD(struct recommendation, partnership_id, RECORD_ID),
        RECORD_FIELD(struct recommendation, review_id, RECORD_ID),
        RECORD_FIELD(struct recommendation, number, RECORD_INT),
        REC_FIELD(text, .label = "Recommendation", .input = RECORD_INPUT_TEXT,
                  .required = true),
        REC_FIELD(finding, .label = "Finding it answers",
                  .input = RECORD_INPUT_TEXT),
        REC_FIELD(expected_outcome, .label = "Expected outcome",
                  .hint = "What will be different for children",
                  .input = RECORD_INPUT_TEXT),
        REC_FIELD(measure, .label = "How it will be measured",
                  .hint = "An audit, a figure, practitioners' feedback",
                  .input = RECORD_INPUT_TEXT),
        RECORD_INPUT_FIELD(struct recommendation, organisation_id, RECORD_ID,
                           .label = "Owning organisation",
                           .input = RECORD_INPUT_REF,
                           .ref = &gov_organisation_ref),
        RECORD_INPUT_FIELD(struct recommendation, body_id, RECORD_ID,
                           .label = "Body whose action log carries it",
                           .input = RECORD_INPUT_REF, .ref = &rec_body_ref),
        REC_FIELD(due_on, .label = "Due by", .hint = "Its timescale",
                  .input = RECORD_INPUT_DATE),
        RECORD_FIELD(struct recommendation, status, RECORD_TEXT),
        RECORD_FIELD(struct recommendation, closed_on, RECORD_TEXT),
        RECORD_FIELD(struct recommendation, closed_reason, RECORD_TEXT),
        RECORD_FIELD(struct recommendation, version, RECORD_VERSION),
};

#define REC_COLUMNS(p)                                                  \
	p "id, " p "partnership_id, " p "review_id, " p "number, " p    \
	  "text, " p "finding, " p "expected_outcome, " p "measure, " p \
	  "organisation_id, " p "body_id, " p "due_on, " p "status, " p \
	  "closed_on, " p "closed_reason, " p "version"

const struct record_kind recommendation_record = {
        .entity = "recommendation",
        .label = "recommendation",
        .fields = recommendation_fields,
        .nfields =
                sizeof recommendation_fields / sizeof recommendation_fields[0],
        .size = sizeof(struct recommendation),
        .sql_insert = "INSERT INTO recommendation (partnership_id, "
                      "review_id, number, text, finding, expected_outcome, "
                      "measure, organisation_id, body_id, due_on, status, "
                      "closed_on, closed_reason) VALUES (?, ?, ?, ?, ?, ?, "
                      "?, ?, ?, ?, ?, ?, ?) RETURNING id",
        .sql_update = "UPDATE recommendation SET partnership_id = ?, "
                      "review_id = ?, number = ?, text = ?, finding = ?, "
                      "expected_outcome = ?, measure = ?, "
                      "organisation_id = ?, body_id = ?, due_on = ?, "
                      "status = ?, closed_on = ?, closed_reason = ?, "
                      "version = version + 1 WHERE id = ? AND version = "
                      "COALESCE(?, version) RETURNING version",
        .sql_get = "SELECT " REC_COLUMNS("") " FROM recommendation "
                                             "WHERE id = ?",
        .sql_bump = "UPDATE recommendation SET version = version + 1 "
                    "WHERE id = ?1 AND version = COALESCE(?2, version) "
                    "RETURNING version",
};

static const char SQL_REC_NEXT[] =
        "SELECT COALESCE(MAX(number), 0) + 1 FROM recommendation "
        "WHERE review_id = ?1";
static const char SQL_REC_ORG[] =
        "SELECT 1 FROM organisation WHERE id = ?1 AND partnership_id = ?2";
static const char SQL_REC_BODY[] =
        "SELECT 1 FROM body WHERE id = ?1 AND partnership_id = ?2";

/* The checks create and update share; r's review read into rev. */
static enum masa_err check(struct gov *g, const struct recommendation *r,
                           struct arena *a, struct review *rev,
                           struct masa_error *err)
{
	enum masa_err rc;

	if ((rc = record_get(g, &review_record, r->review_id, a, rev, err)))
		return rc;
	if (rev->partnership_id != r->partnership_id)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "a recommendation belongs to its review's "
		        "partnership");
	if (text_is_blank(r->text))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Recommendation is missing: write what "
		                      "the review recommends");
	if (r->due_on != NULL && date_parse(r->due_on, NULL, NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Due by: \"%.20s\" is not a date "
		                      "(YYYY-MM-DD)",
		                      r->due_on);
	if (r->due_on != NULL && rev->commissioned_on != NULL &&
	    strcmp(r->due_on, rev->commissioned_on) < 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Due by (%s) is before the review was "
		                      "commissioned (%s)",
		                      r->due_on, rev->commissioned_on);
	if ((rc = record_check_ref(
	             g, SQL_REC_ORG, r->organisation_id, r->partnership_id,
	             false, "Owning organisation", "organisation", err)) ||
	    (rc = record_check_ref(
	             g, SQL_REC_BODY, r->body_id, r->partnership_id, false,
	             "Body whose action log carries it", "body", err)))
		return rc;
	return MASA_OK;
}

enum masa_err recommendation_create(struct gov *g, struct recommendation *r,
                                    struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct review rev;
	enum masa_err rc;

	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = check(g, r, &a, &rev, err)))
		goto out;
	if (r->number == 0) {
		struct store_stmt *st;
		bool row;
		if ((rc = store_prepare(g->store, SQL_REC_NEXT, &st, err)))
			goto out;
		store_bind_int(st, 1, r->review_id);
		rc = store_step(st, &row, err);
		r->number = row ? store_column_int(st, 0) : 1;
		store_done(st);
		if (rc)
			goto out;
	} else if (r->number < 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "Number: %lld must be at least 1",
		                    (long long)r->number);
		goto out;
	}
	if (r->status == NULL)
		r->status = "open";
	rc = record_insert(g, &recommendation_record, r, err);
	if (rc == MASA_ERR_CONFLICT)
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "Number: review %.40s has a recommendation "
		                    "%lld already",
		                    rev.reference, (long long)r->number);
out:
	arena_free(&a);
	return gov_end(g, rc, err);
}

enum masa_err recommendation_update(struct gov *g,
                                    const struct recommendation *r,
                                    struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct review rev;
	struct recommendation old;
	enum masa_err rc;

	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = record_get(g, &recommendation_record, r->id, &a, &old,
	                     err)) ||
	    (rc = check(g, r, &a, &rev, err)))
		goto out;
	if (old.review_id != r->review_id || old.number != r->number ||
	    strcmp(old.status, r->status) != 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "a recommendation keeps its review and "
		                    "number, and is closed with "
		                    "recommendation close");
		goto out;
	}
	rc = record_update(g, &recommendation_record, r, err);
out:
	arena_free(&a);
	return gov_end(g, rc, err);
}

static const char SQL_REC_HAS_EVIDENCE[] =
        "SELECT COUNT(*) FROM impact_evidence WHERE recommendation_id = ?1 "
        "AND recorded_on IS NOT NULL";

enum masa_err recommendation_close(struct gov *g, int64_t id,
                                   const char *closed_on, const char *reason,
                                   struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct recommendation r;
	struct store_stmt *st;
	int64_t evidence = 0;
	bool row;
	enum masa_err rc;

	if (closed_on == NULL || date_parse(closed_on, NULL, NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Date closed: give a date (YYYY-MM-DD)");
	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = record_get(g, &recommendation_record, id, &a, &r, err)))
		goto out;
	if (strcmp(r.status, "closed") == 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "recommendation %lld is closed already "
		                    "(on %s)",
		                    (long long)r.number,
		                    r.closed_on ? r.closed_on : "?");
		goto out;
	}
	if ((rc = store_prepare(g->store, SQL_REC_HAS_EVIDENCE, &st, err)))
		goto out;
	store_bind_int(st, 1, id);
	rc = store_step(st, &row, err);
	evidence = row ? store_column_int(st, 0) : 0;
	store_done(st);
	if (rc)
		goto out;
	if (evidence == 0 && text_is_blank(reason)) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "Reason for closing: recommendation %lld "
		        "has no evidence of impact recorded; record "
		        "the evidence, or give the reason it is "
		        "closed without it",
		        (long long)r.number);
		goto out;
	}
	r.status = "closed";
	r.closed_on = (char *)closed_on;
	r.closed_reason = text_is_blank(reason) ? NULL : (char *)reason;
	r.version = 0;
	rc = record_update(g, &recommendation_record, &r, err);
out:
	arena_free(&a);
	return gov_end(g, rc, err);
}

/* clang-format off */
#define REC_SEEN                                                             \
	"FROM recommendation r JOIN practice_review pr ON pr.id = r.review_id "\
	"LEFT JOIN organisation o ON o.id = r.organisation_id "              \
	"LEFT JOIN body b ON b.id = r.body_id WHERE r.partnership_id = ?1 "  \
	"AND " GOV_SQL_SEES_RECOMMENDATION("r", "pr")

static const char SQL_REC_GET[] =
        "SELECT " REC_COLUMNS("r.") " " REC_SEEN
        " AND r.review_id = ?2 AND r.number = ?3";

static const char SQL_REC_FIND[] =
        "SELECT " REC_COLUMNS("r.") ", pr.id, pr.reference, pr.title, "
        "pr.published_on, o.name, b.short_name " REC_SEEN
        " AND pr.reference = ?2 AND r.number = ?3";

/* The newest judged (or else recorded) evidence of r. */
#define REC_LATEST(col)                                                      \
	"(SELECT e." col " FROM impact_evidence e WHERE "                    \
	"e.recommendation_id = r.id ORDER BY e.rag IS NULL, "                \
	"COALESCE(e.judged_on, e.recorded_on, e.due_on) DESC, e.id DESC "    \
	"LIMIT 1)"

static const char SQL_REC_LIST[] =
        "SELECT " REC_COLUMNS("r.") ", pr.reference, pr.title, o.key, "
        "o.name, b.short_name, " REC_LATEST("rag") ", "
        REC_LATEST("checkpoint") ", COALESCE(pr.signed_off_on, "
        "pr.commissioned_on) " REC_SEEN
        " AND (CAST(?2 AS BIGINT) = 0 OR r.review_id = ?2) "
        "AND (CAST(?3 AS BIGINT) = 0 OR r.organisation_id = ?3) "
        "AND (CAST(?4 AS TEXT) IS NULL OR r.status = ?4) "
        "ORDER BY COALESCE(pr.commissioned_on, '0000-01-01') DESC, "
        "pr.reference, r.number";
/* clang-format on */

enum masa_err recommendation_get(struct gov *g, const struct gov_viewer *v,
                                 int64_t review_id, int64_t number,
                                 struct arena *a, struct recommendation *out,
                                 struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, SQL_REC_GET, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, v->partnership_id);
	store_bind_int(st, 2, review_id);
	store_bind_int(st, 3, number);
	gov_viewer_bind(st, v);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "no recommendation %lld in that review",
		                    (long long)number);
	if (rc == MASA_OK)
		record_read_row(st, &recommendation_record, a, out);
	store_done(st);
	return rc;
}

enum masa_err recommendation_find(struct gov *g, const struct gov_viewer *v,
                                  int64_t partnership_id, const char *reference,
                                  int64_t number, struct arena *a,
                                  struct recommendation *out,
                                  struct recommendation_review *rv,
                                  struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	int c = (int)recommendation_record.nfields;
	enum masa_err rc = store_prepare(g->store, SQL_REC_FIND, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, partnership_id);
	store_bind_text(st, 2, reference);
	store_bind_int(st, 3, number);
	gov_viewer_bind(st, v);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "no recommendation %lld of review %.40s",
		                    (long long)number, reference);
	if (rc == MASA_OK) {
		record_read_row(st, &recommendation_record, a, out);
		rv->id = store_column_int(st, c);
		rv->reference = arena_strdup(a, store_column_text(st, c + 1));
		rv->title = arena_strdup(a, store_column_text(st, c + 2));
		rv->organisation_name =
		        arena_strdup(a, store_column_text(st, c + 4));
		rv->body_short_name =
		        arena_strdup(a, store_column_text(st, c + 5));
		rv->published_on =
		        arena_strdup(a, store_column_text(st, c + 3));
	}
	store_done(st);
	return rc;
}

enum masa_err recommendation_list(struct gov *g, const struct gov_viewer *v,
                                  int64_t partnership_id,
                                  const struct recommendation_filter *f,
                                  struct arena *a,
                                  struct recommendation_row **out, size_t *n,
                                  struct masa_error *err)
{
	static const struct recommendation_filter any = {0};
	struct store_stmt *st;
	size_t cap = 0;
	bool row;
	date_days today = date_today();
	enum masa_err rc = store_prepare(g->store, SQL_REC_LIST, &st, err);

	*out = NULL;
	*n = 0;
	if (f == NULL)
		f = &any;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, partnership_id);
	store_bind_int(st, 2, f->review_id);
	store_bind_int(st, 3, f->organisation_id);
	store_bind_text(st, 4, f->status);
	gov_viewer_bind(st, v);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		struct recommendation_row *e;
		int c = (int)recommendation_record.nfields;
		date_days from;
		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 16);
		e = &(*out)[(*n)++];
		record_read_row(st, &recommendation_record, a, &e->r);
		e->review_reference = arena_strdup(a, store_column_text(st, c));
		e->review_title = arena_strdup(a, store_column_text(st, c + 1));
		e->organisation_key =
		        arena_strdup(a, store_column_text(st, c + 2));
		e->organisation_name =
		        arena_strdup(a, store_column_text(st, c + 3));
		e->body_short_name =
		        arena_strdup(a, store_column_text(st, c + 4));
		e->latest_rag = arena_strdup(a, store_column_text(st, c + 5));
		e->latest_checkpoint =
		        arena_strdup(a, store_column_text(st, c + 6));
		e->age_days = 0;
		if (store_column_text(st, c + 7) != NULL &&
		    date_parse(store_column_text(st, c + 7), &from, NULL) ==
		            MASA_OK &&
		    today > from)
			e->age_days = today - from;
	}
	store_done(st);
	return rc;
}

/* ---- actions ---- */

static const char SQL_REC_ACTION_LINK[] =
        "INSERT INTO recommendation_action (recommendation_id, action_id) "
        "VALUES (?1, ?2) RETURNING id";
static const char SQL_REC_ACTION_IDS[] =
        "SELECT action_id FROM recommendation_action "
        "WHERE recommendation_id = ?1 ORDER BY id";
static const char SQL_ACTION_OF_PARTNERSHIP[] =
        "SELECT 1 FROM action WHERE id = ?1 AND partnership_id = ?2";

enum masa_err recommendation_link_action(struct gov *g, int64_t id,
                                         int64_t action_id,
                                         struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct recommendation r;
	struct store_stmt *st;
	int64_t link = 0;
	enum masa_err rc;

	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = record_get(g, &recommendation_record, id, &a, &r, err)) ||
	    (rc = record_check_ref(g, SQL_ACTION_OF_PARTNERSHIP, action_id,
	                           r.partnership_id, true, "Action", "action",
	                           err)) ||
	    (rc = store_prepare(g->store, SQL_REC_ACTION_LINK, &st, err)))
		goto out;
	store_bind_int(st, 1, id);
	store_bind_int(st, 2, action_id);
	rc = store_run(st, &link, err);
	if (rc == MASA_ERR_CONFLICT)
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "that action is linked to recommendation "
		                    "%lld already",
		                    (long long)r.number);
	if (rc == MASA_OK)
		rc = audit_record(g, "create", "recommendation_action", link,
		                  NULL,
		                  json_pack("{s:I, s:I}", "recommendation_id",
		                            (json_int_t)id, "action_id",
		                            (json_int_t)action_id),
		                  err);
out:
	arena_free(&a);
	return gov_end(g, rc, err);
}

enum masa_err recommendation_raise_action(struct gov *g, int64_t id,
                                          const char *details,
                                          const char *due_on, struct arena *a,
                                          struct gov_action *act,
                                          struct masa_error *err)
{
	struct recommendation r;
	struct gov_owner_ref owner = {0};
	char today[DATE_TEXT_SIZE];
	enum masa_err rc;

	date_format(date_today(), today);
	memset(act, 0, sizeof *act);
	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = record_get(g, &recommendation_record, id, a, &r, err)))
		goto out;
	if (r.body_id == 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "recommendation %lld has no body whose "
		                    "action log would carry the action: set "
		                    "one first",
		                    (long long)r.number);
		goto out;
	}
	if (strcmp(r.status, "closed") == 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "recommendation %lld is closed: an action "
		                    "is raised from an open one",
		                    (long long)r.number);
		goto out;
	}
	act->body_id = r.body_id;
	act->raised_on = arena_strdup(a, today);
	act->details = (char *)(text_is_blank(details) ? r.text : details);
	act->due_date = (char *)due_on;
	if (due_on == NULL && r.due_on != NULL && strcmp(r.due_on, today) >= 0)
		act->due_date = r.due_on;
	if (r.organisation_id != 0)
		owner.organisation_id = r.organisation_id;
	else
		owner.all_members = true;
	if ((rc = gov_action_raise(g, act, &owner, 1, a, err)))
		goto out;
	rc = recommendation_link_action(g, id, act->id, err);
out:
	return gov_end(g, rc, err);
}

enum masa_err recommendation_actions(struct gov *g, const struct gov_viewer *v,
                                     int64_t id, struct arena *a,
                                     struct gov_action_entry **out, size_t *n,
                                     struct masa_error *err)
{
	struct store_stmt *st;
	int64_t ids[256];
	size_t nids = 0, cap = 0;
	bool row;
	enum masa_err rc =
	        store_prepare(g->store, SQL_REC_ACTION_IDS, &st, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row &&
	       nids < sizeof ids / sizeof ids[0])
		ids[nids++] = store_column_int(st, 0);
	store_done(st);
	for (size_t i = 0; rc == MASA_OK && i < nids; i++) {
		struct gov_action_entry e;
		struct masa_error why;
		enum masa_err got =
		        gov_action_entry_read(g, v, ids[i], NULL, a, &e, &why);
		if (got == MASA_ERR_NOT_FOUND)
			continue; /* not one v may see */
		if (got != MASA_OK) {
			*err = why;
			return got;
		}
		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 4);
		(*out)[(*n)++] = e;
	}
	return rc;
}

/* ---- impact evidence ---- */

/* clang-format off */
static const char SQL_EVIDENCE_MAY[] =
        "SELECT 1 FROM recommendation r JOIN practice_review pr ON "
        "pr.id = r.review_id WHERE r.id = ?1 AND ("
        GOV_SQL_SEES_CASE("pr.partnership_id", "pr.body_id") " OR "
        "(r.partnership_id = ?91 AND ?92 = 1 AND CAST(?97 AS BIGINT) <> 0 "
        "AND r.organisation_id = ?97))";
/* clang-format on */
static const char SQL_EVIDENCE_UPSERT[] =
        "INSERT INTO impact_evidence (recommendation_id, checkpoint, due_on, "
        "recorded_on, kind, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
        "ON CONFLICT (recommendation_id, checkpoint) DO UPDATE SET "
        "due_on = COALESCE(excluded.due_on, impact_evidence.due_on), "
        "recorded_on = excluded.recorded_on, kind = excluded.kind, "
        "summary = excluded.summary RETURNING id";
static const char SQL_EVIDENCE_JUDGE[] =
        "UPDATE impact_evidence SET rag = ?3, judged_on = ?4, judged_by = ?5 "
        "WHERE recommendation_id = ?1 AND checkpoint = ?2 "
        "AND recorded_on IS NOT NULL RETURNING id";
static const char SQL_EVIDENCE_LIST[] =
        "SELECT e.id, e.recommendation_id, e.checkpoint, e.due_on, "
        "e.recorded_on, e.kind, e.summary, e.rag, e.judged_on, e.judged_by, "
        "p.name FROM impact_evidence e LEFT JOIN person p ON "
        "p.id = e.judged_by WHERE e.recommendation_id = ?1 "
        "ORDER BY COALESCE(e.due_on, e.recorded_on), e.id";
static const char SQL_EVIDENCE_COMMISSIONED[] =
        "SELECT pr.commissioned_on FROM recommendation r JOIN "
        "practice_review pr ON pr.id = r.review_id WHERE r.id = ?1";

enum masa_err evidence_may_record(struct gov *g, const struct gov_viewer *v,
                                  int64_t id, bool *yes, struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc = store_prepare(g->store, SQL_EVIDENCE_MAY, &st, err);

	*yes = false;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	gov_viewer_bind(st, v);
	rc = store_step(st, yes, err);
	store_done(st);
	return rc;
}

static bool one_of(const char *const *values, const char *v)
{
	for (size_t i = 0; v != NULL && values[i] != NULL; i++)
		if (strcmp(values[i], v) == 0)
			return true;
	return false;
}

enum masa_err evidence_record(struct gov *g, const struct gov_viewer *v,
                              struct impact_evidence *e, struct masa_error *err)
{
	char today[DATE_TEXT_SIZE];
	struct store_stmt *st;
	bool may, row;
	enum masa_err rc;

	date_format(date_today(), today);
	if (text_is_blank(e->checkpoint) || strlen(e->checkpoint) > 40)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Checkpoint: give its name, such as \"6 "
		                      "months\" (at most 40 characters)");
	if (!one_of(evidence_kinds, e->kind))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "Kind of evidence: \"%.20s\" is not one of "
		        "audit, figure, feedback or other",
		        e->kind ? e->kind : "");
	if (text_is_blank(e->summary))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "What the evidence shows is missing: "
		                      "summarise it");
	if (e->recorded_on == NULL || date_parse(e->recorded_on, NULL, NULL))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "Date recorded: give a date (YYYY-MM-DD)");
	if (strcmp(e->recorded_on, today) > 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Date recorded (%s) is after today: "
		                      "evidence records what has been seen",
		                      e->recorded_on);
	if (e->due_on != NULL && date_parse(e->due_on, NULL, NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Date due: \"%.20s\" is not a date "
		                      "(YYYY-MM-DD)",
		                      e->due_on);
	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = evidence_may_record(g, v, e->recommendation_id, &may, err)))
		goto out;
	if (!may) {
		rc = masa_error_set(err, MASA_ERR_DENIED,
		                    "only the review's body, the chair, the "
		                    "business unit or the owning organisation "
		                    "record evidence on a recommendation");
		goto out;
	}
	if ((rc = store_prepare(g->store, SQL_EVIDENCE_COMMISSIONED, &st, err)))
		goto out;
	store_bind_int(st, 1, e->recommendation_id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row && !store_column_is_null(st, 0) &&
	    strcmp(e->recorded_on, store_column_text(st, 0)) < 0)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "Date recorded (%s) is before the review "
		                    "was commissioned (%s)",
		                    e->recorded_on, store_column_text(st, 0));
	store_done(st);
	if (rc)
		goto out;
	if ((rc = store_prepare(g->store, SQL_EVIDENCE_UPSERT, &st, err)))
		goto out;
	store_bind_int(st, 1, e->recommendation_id);
	store_bind_text(st, 2, e->checkpoint);
	store_bind_text(st, 3, e->due_on);
	store_bind_text(st, 4, e->recorded_on);
	store_bind_text(st, 5, e->kind);
	store_bind_text(st, 6, e->summary);
	if ((rc = store_run(st, &e->id, err)))
		goto out;
	rc = audit_record(
	        g, "update", "impact_evidence", e->id, NULL,
	        json_pack("{s:I, s:s, s:s, s:s, s:s}", "recommendation_id",
	                  (json_int_t)e->recommendation_id, "checkpoint",
	                  e->checkpoint, "recorded_on", e->recorded_on, "kind",
	                  e->kind, "summary", e->summary),
	        err);
out:
	return gov_end(g, rc, err);
}

enum masa_err evidence_judge(struct gov *g, const struct gov_viewer *v,
                             int64_t id, const char *checkpoint,
                             const char *rag, const char *judged_on,
                             struct masa_error *err)
{
	struct store_stmt *st;
	int64_t got = 0;
	enum masa_err rc;

	if (!v->system && v->role != GOV_ROLE_CHAIR &&
	    v->role != GOV_ROLE_ADMIN)
		return masa_error_set(err, MASA_ERR_DENIED,
		                      "only the chair (or the business unit) "
		                      "judges the impact of a recommendation");
	if (!one_of(evidence_rags, rag))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Judgement: \"%.20s\" is not one of red, "
		                      "amber or green",
		                      rag ? rag : "");
	if (judged_on == NULL || date_parse(judged_on, NULL, NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Date judged: give a date (YYYY-MM-DD)");
	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = store_prepare(g->store, SQL_EVIDENCE_JUDGE, &st, err)))
		goto out;
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, checkpoint ? checkpoint : "");
	store_bind_text(st, 3, rag);
	store_bind_text(st, 4, judged_on);
	store_bind_id(st, 5, v->person_id);
	if ((rc = store_run(st, &got, err)))
		goto out;
	if (got == 0) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "Checkpoint: no evidence has been recorded "
		        "at \"%.40s\" yet; record it before judging",
		        checkpoint ? checkpoint : "");
		goto out;
	}
	rc = audit_record(
	        g, "update", "impact_evidence", got, NULL,
	        json_pack("{s:s, s:s}", "rag", rag, "judged_on", judged_on),
	        err);
out:
	return gov_end(g, rc, err);
}

enum masa_err evidence_list(struct gov *g, int64_t id, struct arena *a,
                            struct impact_evidence **out, size_t *n,
                            struct masa_error *err)
{
	struct store_stmt *st;
	size_t cap = 0;
	bool row;
	enum masa_err rc = store_prepare(g->store, SQL_EVIDENCE_LIST, &st, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		struct impact_evidence *e;
		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 4);
		e = &(*out)[(*n)++];
		e->id = store_column_int(st, 0);
		e->recommendation_id = store_column_int(st, 1);
		e->checkpoint = arena_strdup(a, store_column_text(st, 2));
		e->due_on = arena_strdup(a, store_column_text(st, 3));
		e->recorded_on = arena_strdup(a, store_column_text(st, 4));
		e->kind = arena_strdup(a, store_column_text(st, 5));
		e->summary = arena_strdup(a, store_column_text(st, 6));
		e->rag = arena_strdup(a, store_column_text(st, 7));
		e->judged_on = arena_strdup(a, store_column_text(st, 8));
		e->judged_by = store_column_int(st, 9);
		e->judged_by_name = arena_strdup(a, store_column_text(st, 10));
	}
	store_done(st);
	return rc;
}
