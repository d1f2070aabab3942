/*
 * review_interchange: the parts "practice_reviews" and "learning_briefings"
 * of the interchange document (docs/interchange.md). A review carries its
 * stages, contributions and recommendations, each recommendation the
 * references of its actions (which the document's "actions" list holds)
 * and its evidence of impact. A briefing carries its metadata and
 * circulation, not its file.
 *
 * The members of a review and a recommendation are the fields of their
 * declarations (record.h), named by column (a reference without its
 * "_id": "body", "incident", "organization") and read and written through
 * the same table as forms and the command line read them.
 */
#include <string.h>

#include "assure/briefing.h"
#include "assure/recommendation.h"
#include "assure/review.h"
#include "gov/action.h"
#include "gov/interchange.h"
#include "gov/partnership.h"

/* The member a field goes by: its column, a reference without "_id". */
static const char *member_of(struct arena *a, const struct record_field *f)
{
	size_t n = strlen(f->name);

	/* the document spells it so everywhere */
	if (strcmp(f->name, "organisation_id") == 0)
		return "organization";
	if (f->type == RECORD_ID && n > 3 &&
	    strcmp(f->name + n - 3, "_id") == 0)
		return arena_strndup(a, f->name, n - 3);
	return f->name;
}

enum masa_err review_fields_from_json(struct gov *g,
                                      const struct record_kind *k,
                                      int64_t partnership_id, json_t *o,
                                      void *rec, struct arena *a,
                                      struct masa_error *err)
{
	for (size_t i = 0; i < k->nfields; i++) {
		const struct record_field *f = &k->fields[i];
		const char *name = member_of(a, f);
		json_t *v = json_object_get(o, name);
		enum masa_err rc;

		if (f->input == RECORD_INPUT_NONE || v == NULL ||
		    json_is_null(v))
			continue;
		if (!json_is_string(v))
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%s: must be a string", name);
		rc = record_field_set_text(g, f, partnership_id, rec,
		                           json_string_value(v), a, err);
		if (rc != MASA_OK) {
			masa_error_prefix(err, "%s", name);
			return rc;
		}
	}
	return MASA_OK;
}

enum masa_err review_fields_to_json(struct gov *g, const struct record_kind *k,
                                    const void *rec, json_t *o, struct arena *a,
                                    struct masa_error *err)
{
	for (size_t i = 0; i < k->nfields; i++) {
		const struct record_field *f = &k->fields[i];
		const char *text;
		enum masa_err rc;

		if (f->input == RECORD_INPUT_NONE)
			continue;
		if ((rc = record_field_text(g, f, rec, a, &text, err)))
			return rc;
		if (text != NULL && text[0] != '\0')
			json_object_set_new(o, member_of(a, f),
			                    json_string(text));
	}
	return MASA_OK;
}

static const char *text_of(json_t *o, const char *name)
{
	json_t *v = json_object_get(o, name);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Refuses members of o beyond allowed, naming where. */
static enum masa_err only_members(json_t *o, const char *where,
                                  const char *const *allowed,
                                  struct masa_error *err)
{
	const char *key;
	json_t *v;

	if (!json_is_object(o))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: must be an object", where);
	json_object_foreach(o, key, v)
	{
		size_t i;
		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(key, allowed[i]) == 0)
				break;
		if (allowed[i] == NULL)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%s: unknown member \"%.60s\"",
			                      where, key);
	}
	return MASA_OK;
}

static json_t *array_of(json_t *o, const char *name)
{
	json_t *v = json_object_get(o, name);

	return json_is_array(v) ? v : NULL;
}

static const char *const review_members[] = {"reference",
                                             "title",
                                             "kind",
                                             "body",
                                             "incident",
                                             "commissioned_on",
                                             "reviewer",
                                             "method",
                                             "terms_of_reference",
                                             "stage",
                                             "stages",
                                             "final_on",
                                             "signed_off_on",
                                             "publication_due_on",
                                             "sent_to_panel_on",
                                             "published_on",
                                             "published_url",
                                             "summary",
                                             "held_reason",
                                             "held_note",
                                             "held_review_on",
                                             "contributions",
                                             "recommendations",
                                             NULL};
static const char *const stage_members[] = {"stage", "started_on", NULL};
static const char *const contribution_members[] = {
        "organization", "what", "due_on", "received_on", NULL};
static const char *const recommendation_members[] = {
        "number",        "text",
        "finding",       "expected_outcome",
        "measure",       "organization",
        "body",          "due_on",
        "status",        "closed_on",
        "closed_reason", "actions",
        "evidence",      NULL};
static const char *const evidence_members[] = {
        "checkpoint", "due_on",    "recorded_on", "kind", "summary",
        "rag",        "judged_on", "judged_by",   NULL};

static enum masa_err load_evidence(struct gov *g, int64_t partnership_id,
                                   int64_t rec_id, json_t *e, struct arena *a,
                                   struct masa_error *err)
{
	struct gov_viewer sys;
	struct impact_evidence ev = {0};
	const char *rag = text_of(e, "rag"), *by = text_of(e, "judged_by");
	enum masa_err rc;

	gov_viewer_system(&sys, partnership_id);
	if ((rc = only_members(e, "evidence", evidence_members, err)))
		return rc;
	ev.recommendation_id = rec_id;
	ev.checkpoint = (char *)text_of(e, "checkpoint");
	ev.due_on = (char *)text_of(e, "due_on");
	ev.recorded_on = (char *)text_of(e, "recorded_on");
	ev.kind = (char *)text_of(e, "kind");
	ev.summary = (char *)text_of(e, "summary");
	if ((rc = evidence_record(g, &sys, &ev, err)))
		return rc;
	if (rag == NULL)
		return MASA_OK;
	if (by != NULL) {
		struct gov_person p;
		if ((rc = gov_person_find(g, partnership_id, by, a, &p, err))) {
			masa_error_prefix(err, "judged_by");
			return rc;
		}
		sys.person_id = p.id;
	}
	return evidence_judge(g, &sys, rec_id, ev.checkpoint, rag,
	                      text_of(e, "judged_on"), err);
}

static enum masa_err load_recommendation(struct gov *g, int64_t partnership_id,
                                         int64_t review_id, json_t *o,
                                         struct arena *a,
                                         struct masa_error *err)
{
	struct recommendation r = {0};
	struct gov_viewer sys;
	json_t *number = json_object_get(o, "number"), *v;
	const char *status = text_of(o, "status");
	size_t i;
	enum masa_err rc;

	gov_viewer_system(&sys, partnership_id);
	if ((rc = only_members(o, "recommendation", recommendation_members,
	                       err)))
		return rc;
	r.partnership_id = partnership_id;
	r.review_id = review_id;
	if (number != NULL && !json_is_integer(number))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "number: must be a whole number");
	r.number = number ? json_integer_value(number) : 0;
	if (r.number < 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "number: must be at least 1");
	if ((rc = review_fields_from_json(g, &recommendation_record,
	                                  partnership_id, o, &r, a, err)) ||
	    (rc = recommendation_create(g, &r, err)))
		return rc;
	json_array_foreach(array_of(o, "actions"), i, v)
	{
		struct gov_action act;
		if (!json_is_string(v))
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "actions[%zu]: must be an action's "
			        "reference",
			        i);
		if ((rc = gov_action_find(g, &sys, json_string_value(v), a,
		                          &act, err)) ||
		    (rc = recommendation_link_action(g, r.id, act.id, err))) {
			masa_error_prefix(err, "actions[%zu]", i);
			return rc;
		}
	}
	json_array_foreach(array_of(o, "evidence"), i, v)
	{
		if ((rc = load_evidence(g, partnership_id, r.id, v, a, err))) {
			masa_error_prefix(err, "evidence[%zu]", i);
			return rc;
		}
	}
	if (status != NULL && strcmp(status, "closed") == 0)
		return recommendation_close(g, r.id, text_of(o, "closed_on"),
		                            text_of(o, "closed_reason"), err);
	if (status != NULL && strcmp(status, "open") != 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "status: \"%.20s\" is not open or closed",
		                      status);
	return MASA_OK;
}

static enum masa_err load_review(struct gov *g, int64_t partnership_id,
                                 json_t *o, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct review r = {0};
	json_t *v;
	size_t i;
	enum masa_err rc;

	r.partnership_id = partnership_id;
	if ((rc = review_fields_from_json(g, &review_record, partnership_id, o,
	                                  &r, &a, err)) ||
	    (rc = review_create(g, &r, &a, err)))
		goto out;
	json_array_foreach(array_of(o, "stages"), i, v)
	{
		if ((rc = only_members(v, "stage", stage_members, err)) ||
		    (rc = review_stage_record(g, r.id, text_of(v, "stage"),
		                              text_of(v, "started_on"), err))) {
			masa_error_prefix(err, "stages[%zu]", i);
			goto out;
		}
	}
	json_array_foreach(array_of(o, "contributions"), i, v)
	{
		if ((rc = only_members(v, "contribution", contribution_members,
		                       err)) ||
		    (rc = review_contribution_add(
		             g, r.id, text_of(v, "organization"),
		             text_of(v, "what"), text_of(v, "due_on"),
		             text_of(v, "received_on"), err))) {
			masa_error_prefix(err, "contributions[%zu]", i);
			goto out;
		}
	}
	json_array_foreach(array_of(o, "recommendations"), i, v)
	{
		if ((rc = load_recommendation(g, partnership_id, r.id, v, &a,
		                              err))) {
			masa_error_prefix(err, "recommendations[%zu]", i);
			goto out;
		}
	}
out:
	arena_free(&a);
	return rc;
}

static const char SQL_ACTION_KEYS[] =
        "SELECT a.key FROM recommendation_action ra JOIN action a ON "
        "a.id = ra.action_id WHERE ra.recommendation_id = ?1 ORDER BY ra.id";

static enum masa_err dump_recommendation(struct gov *g,
                                         const struct recommendation_row *e,
                                         struct arena *a, json_t **out,
                                         struct masa_error *err)
{
	json_t *o = json_object(), *acts = json_array(), *evs = json_array();
	struct impact_evidence *ev;
	struct store_stmt *st;
	size_t n;
	bool row;
	enum masa_err rc;

	*out = o;
	json_object_set_new(o, "number", json_integer(e->r.number));
	if ((rc = review_fields_to_json(g, &recommendation_record, &e->r, o, a,
	                                err)))
		goto out;
	json_object_set_new(o, "status", json_string(e->r.status));
	if (e->r.closed_on)
		json_object_set_new(o, "closed_on",
		                    json_string(e->r.closed_on));
	if (e->r.closed_reason)
		json_object_set_new(o, "closed_reason",
		                    json_string(e->r.closed_reason));
	if ((rc = store_prepare(g->store, SQL_ACTION_KEYS, &st, err)))
		goto out;
	store_bind_int(st, 1, e->r.id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row)
		json_array_append_new(acts,
		                      json_string(store_column_text(st, 0)));
	store_done(st);
	if (rc || (rc = evidence_list(g, e->r.id, a, &ev, &n, err)))
		goto out;
	for (size_t i = 0; i < n; i++) {
		json_t *x = json_pack(
		        "{s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?}",
		        "checkpoint", ev[i].checkpoint, "due_on", ev[i].due_on,
		        "recorded_on", ev[i].recorded_on, "kind", ev[i].kind,
		        "summary", ev[i].summary, "rag", ev[i].rag, "judged_on",
		        ev[i].judged_on);
		if (ev[i].judged_by != 0) {
			const char *key = NULL;
			struct record_field f = {
			        .name = "judged_by",
			        .type = RECORD_ID,
			        .offset = offsetof(struct impact_evidence,
			                           judged_by),
			        .input = RECORD_INPUT_REF,
			        .ref = &gov_person_ref};
			if ((rc = record_field_text(g, &f, &ev[i], a, &key,
			                            err))) {
				json_decref(x);
				goto out;
			}
			json_object_set_new(x, "judged_by", json_string(key));
		}
		json_array_append_new(evs, x);
	}
out:
	if (json_array_size(acts))
		json_object_set(o, "actions", acts);
	if (json_array_size(evs))
		json_object_set(o, "evidence", evs);
	json_decref(acts);
	json_decref(evs);
	return rc;
}

static enum masa_err dump_reviews(struct gov *g, int64_t partnership_id,
                                  json_t **list, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_viewer sys;
	struct review_row *rows;
	size_t n;
	enum masa_err rc;

	*list = json_array();
	gov_viewer_system(&sys, partnership_id);
	if ((rc = review_list(g, &sys, partnership_id, false, &a, &rows, &n,
	                      err)))
		goto out;
	for (size_t i = n; i-- > 0;) {
		const struct review *r = &rows[i].r;
		json_t *o = json_object(), *x;
		struct review_stage_entry *stages;
		struct review_contribution *c;
		struct recommendation_row *recs;
		struct recommendation_filter f = {.review_id = r->id};
		size_t ns, nc, nr;

		json_array_append_new(*list, o);
		if ((rc = review_fields_to_json(g, &review_record, r, o, &a,
		                                err)) ||
		    (rc = review_stage_list(g, r->id, &a, &stages, &ns, err)) ||
		    (rc = review_contribution_list(g, r->id, date_today(), &a,
		                                   &c, &nc, err)) ||
		    (rc = recommendation_list(g, &sys, partnership_id, &f, &a,
		                              &recs, &nr, err)))
			goto out;
		x = json_array();
		for (size_t k = 0; k < ns; k++)
			json_array_append_new(
			        x, json_pack("{s:s, s:s}", "stage",
			                     stages[k].stage, "started_on",
			                     stages[k].started_on));
		json_object_set_new(o, "stages", x);
		if (nc) {
			x = json_array();
			for (size_t k = 0; k < nc; k++)
				json_array_append_new(
				        x,
				        json_pack("{s:s, s:s, s:s, s:s?}",
				                  "organization",
				                  c[k].organisation_key, "what",
				                  c[k].what, "due_on",
				                  c[k].due_on, "received_on",
				                  c[k].received_on));
			json_object_set_new(o, "contributions", x);
		}
		if (nr) {
			x = json_array();
			json_object_set_new(o, "recommendations", x);
			for (size_t k = 0; k < nr; k++) {
				json_t *ro;
				rc = dump_recommendation(g, &recs[k], &a, &ro,
				                         err);
				json_array_append_new(x, ro);
				if (rc)
					goto out;
			}
		}
	}
out:
	arena_free(&a);
	return rc;
}

const struct interchange_part review_part = {
        .name = "practice_reviews",
        .members = review_members,
        .load = load_review,
        .dump = dump_reviews,
};

/* ---- learning briefings ---- */

static const char *const briefing_members[] = {
        "title",    "summary",     "review", "published_on",
        "filename", "circulation", NULL};
static const char *const circulation_members[] = {"audience", "sent_on",
                                                  "recipients", NULL};

static enum masa_err load_briefing(struct gov *g, int64_t partnership_id,
                                   json_t *o, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_viewer sys;
	struct briefing b = {0};
	const char *review = text_of(o, "review");
	json_t *v;
	size_t i;
	enum masa_err rc = MASA_OK;

	gov_viewer_system(&sys, partnership_id);
	b.partnership_id = partnership_id;
	b.title = (char *)text_of(o, "title");
	b.summary = (char *)text_of(o, "summary");
	if (review != NULL) {
		struct review r;
		if ((rc = review_find(g, &sys, partnership_id, review, &a, &r,
		                      err))) {
			masa_error_prefix(err, "review");
			goto out;
		}
		b.review_id = r.id;
	}
	/* Published after its circulation is read: circulate needs it. */
	b.published_on = (char *)text_of(o, "published_on");
	if ((rc = briefing_create(g, &b, NULL, NULL, 0, &a, err)))
		goto out;
	json_array_foreach(array_of(o, "circulation"), i, v)
	{
		json_t *n = json_object_get(v, "recipients");
		if ((rc = only_members(v, "circulation", circulation_members,
		                       err)) ||
		    (rc = briefing_circulate(
		             g, b.id, text_of(v, "audience"),
		             text_of(v, "sent_on"),
		             json_is_integer(n) ? json_integer_value(n) : 0,
		             err))) {
			masa_error_prefix(err, "circulation[%zu]", i);
			goto out;
		}
	}
out:
	arena_free(&a);
	return rc;
}

static enum masa_err dump_briefings(struct gov *g, int64_t partnership_id,
                                    json_t **list, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_viewer sys;
	struct briefing *b;
	size_t n;
	enum masa_err rc;

	*list = json_array();
	gov_viewer_system(&sys, partnership_id);
	if ((rc = briefing_list(g, &sys, partnership_id, false, &a, &b, &n,
	                        err)))
		goto out;
	for (size_t i = n; i-- > 0;) {
		struct briefing_circulation *c;
		size_t nc;
		json_t *o =
		        json_pack("{s:s, s:s, s:s?, s:s?, s:s?}", "title",
		                  b[i].title, "summary", b[i].summary, "review",
		                  b[i].review_reference, "published_on",
		                  b[i].published_on, "filename", b[i].filename);
		if (b[i].filename == NULL)
			json_object_del(o, "filename");
		json_array_append_new(*list, o);
		if ((rc = briefing_circulation_list(g, b[i].id, &a, &c, &nc,
		                                    err)))
			goto out;
		if (nc) {
			json_t *x = json_array();
			for (size_t k = 0; k < nc; k++)
				json_array_append_new(
				        x,
				        json_pack("{s:s, s:s, s:I}", "audience",
				                  c[k].audience, "sent_on",
				                  c[k].sent_on, "recipients",
				                  (json_int_t)c[k].recipients));
			json_object_set_new(o, "circulation", x);
		}
	}
out:
	arena_free(&a);
	return rc;
}

const struct interchange_part briefing_part = {
        .name = "learning_briefings",
        .members = briefing_members,
        .load = load_briefing,
        .dump = dump_briefings,
};
