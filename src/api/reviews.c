/*
 * reviews (API): see reviews.h.
 */
#include "api/reviews.h"

#include <string.h>

#include "api/api.h"
#include "assure/assure.h"
#include "assure/briefing.h"
#include "assure/recommendation.h"
#include "assure/review.h"
#include "core/date.h"
#include "http/server.h"

static const struct route_param list_params[] = {
        {.name = "limit",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = API_LIMIT_MAX},
        {.name = "cursor",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_INTEGER,
         .min = 0,
         .max = API_CURSOR_MAX},
        {.name = NULL},
};
static const struct route_param ref_params[] = {
        {.name = "ref",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_TEXT,
         .min = 1,
         .max = ASSURE_REFERENCE_MAX},
        {.name = "limit",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = API_LIMIT_MAX},
        {.name = "cursor",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_INTEGER,
         .min = 0,
         .max = API_CURSOR_MAX},
        {.name = NULL},
};

static const char *const state_names[] = {"none", "due", "late", "held",
                                          "published"};

/* A review as the API shows it. */
static enum masa_err review_json(struct http_request *req,
                                 const struct review *r,
                                 const char *body_short_name, json_t **out,
                                 struct masa_error *err)
{
	struct review_publication_clock c;
	json_t *o = json_object();
	enum masa_err rc;

	*out = o;
	if ((rc = review_fields_to_json(&req->gov, &review_record, r, o,
	                                &req->arena, err)))
		return rc;
	if (body_short_name)
		json_object_set_new(o, "body", json_string(body_short_name));
	json_object_set_new(o, "version", json_integer(r->version));
	review_publication_clock(r, date_today(), &c);
	json_object_set_new(
	        o, "publication",
	        json_pack("{s:s, s:o, s:I, s:s}", "state", state_names[c.state],
	                  "due_on", api_str(c.due_on), "late_working_days",
	                  (json_int_t)c.late_days, "words",
	                  review_publication_words(&req->arena, r, &c)));
	return MASA_OK;
}

static enum masa_err api_reviews(struct http_request *req,
                                 struct masa_error *err)
{
	struct review_row *rows;
	struct api_page page;
	size_t n, from, to;
	bool more;
	json_t *data = json_array();
	enum masa_err rc;

	api_page_of(req, &page);
	if ((rc = review_list(&req->gov, &req->viewer, req->partnership->id,
	                      false, &req->arena, &rows, &n, err)))
		goto fail;
	api_page_slice(&page, n, &from, &to, &more);
	for (size_t i = from; i < to; i++) {
		json_t *o;
		rc = review_json(req, &rows[i].r, rows[i].body_short_name, &o,
		                 err);
		json_array_append_new(data, o);
		if (rc)
			goto fail;
	}
	return api_respond_page(req, data, more, (long)to, err);
fail:
	json_decref(data);
	return rc;
}

static enum masa_err find(struct http_request *req, struct review *r, bool *may,
                          struct masa_error *err)
{
	enum masa_err rc =
	        review_find(&req->gov, &req->viewer, req->partnership->id,
	                    http_param(req, "ref"), &req->arena, r, err);

	if (rc == MASA_OK)
		rc = review_may_change(&req->gov, &req->viewer, r->id, may,
		                       err);
	return rc;
}

static enum masa_err api_review(struct http_request *req,
                                struct masa_error *err)
{
	struct review r;
	struct review_row row;
	bool may;
	json_t *o = NULL;
	enum masa_err rc;

	if ((rc = find(req, &r, &may, err)) ||
	    (rc = review_row_of(&req->gov, &r, &req->arena, &row, err)) ||
	    (rc = review_json(req, &r, row.body_short_name, &o, err)))
		goto fail;
	if (may) {
		struct review_stage_entry *st;
		struct review_contribution *c;
		size_t ns, nc;
		json_t *x;
		if ((rc = review_stage_list(&req->gov, r.id, &req->arena, &st,
		                            &ns, err)) ||
		    (rc = review_contribution_list(&req->gov, r.id,
		                                   date_today(), &req->arena,
		                                   &c, &nc, err)) ||
		    (rc = assure_audit_view(&req->gov, "practice_review", r.id,
		                            err)))
			goto fail;
		x = json_array();
		for (size_t i = 0; i < ns; i++)
			json_array_append_new(
			        x, json_pack("{s:s, s:s}", "stage", st[i].stage,
			                     "started_on", st[i].started_on));
		json_object_set_new(o, "stages", x);
		x = json_array();
		for (size_t i = 0; i < nc; i++)
			json_array_append_new(
			        x,
			        json_pack("{s:s, s:s, s:s, s:o, s:I}",
			                  "organization", c[i].organisation_key,
			                  "what", c[i].what, "due_on",
			                  c[i].due_on, "received_on",
			                  api_str(c[i].received_on),
			                  "late_working_days",
			                  (json_int_t)c[i].late_days));
		json_object_set_new(o, "contributions", x);
	} else {
		/* The public sees a published review's report, not its case. */
		static const char *const internal[] = {"incident", "reviewer",
		                                       "terms_of_reference",
		                                       "held_note", NULL};
		for (size_t i = 0; internal[i]; i++)
			json_object_del(o, internal[i]);
	}
	return http_respond_json(req, 200, o, err);
fail:
	json_decref(o);
	return rc;
}

#define FIELD_MEMBERS                                                        \
	{"title", API_STRING, false, 500, NULL},                             \
	        {"incident", API_STRING, false, ASSURE_REFERENCE_MAX, NULL}, \
	        {"commissioned_on", API_DATE, false, 0, NULL},               \
	        {"reviewer", API_STRING, false, 300, NULL},                  \
	        {"method", API_STRING, false, 300, NULL},                    \
	        {"terms_of_reference", API_STRING, false, 0, NULL},          \
	        {"final_on", API_DATE, false, 0, NULL},                      \
	        {"signed_off_on", API_DATE, false, 0, NULL},                 \
	        {"publication_due_on", API_DATE, false, 0, NULL},            \
	        {"sent_to_panel_on", API_DATE, false, 0, NULL},              \
	        {"published_on", API_DATE, false, 0, NULL},                  \
	        {"published_url", API_STRING, false, 2000, NULL},            \
	        {"summary", API_STRING, false, 0, NULL},                     \
	        {"held_reason", API_STRING, false, 40, review_held_reasons}, \
	        {"held_note", API_STRING, false, 0, NULL},                   \
	{                                                                    \
		"held_review_on", API_DATE, false, 0, NULL                   \
	}

static const struct api_member create_members[] = {
        {"reference", API_STRING, true, ASSURE_REFERENCE_MAX, NULL},
        {"kind", API_STRING, false, 20, review_kinds},
        {"body", API_STRING, true, 40, NULL},
        FIELD_MEMBERS,
        {NULL, 0, false, 0, NULL},
};
static const struct api_member patch_members[] = {
        FIELD_MEMBERS,
        {"stage", API_STRING, false, 20, review_stages},
        {"stage_started_on", API_DATE, false, 0, NULL},
        {"version", API_INTEGER, false, 0, NULL},
        {NULL, 0, false, 0, NULL},
};

static enum masa_err api_review_create(struct http_request *req,
                                       struct masa_error *err)
{
	struct review r = {0};
	json_t *body = NULL, *out = NULL;
	enum masa_err rc;

	r.partnership_id = req->partnership->id;
	r.kind = "local";
	if ((rc = api_json_body(req, create_members, &body, err)) ||
	    (rc = review_fields_from_json(&req->gov, &review_record,
	                                  req->partnership->id, body, &r,
	                                  &req->arena, err)) ||
	    (rc = review_create(&req->gov, &r, &req->arena, err)) ||
	    (rc = review_json(req, &r, api_json_text(body, "body"), &out, err)))
		goto out;
	json_decref(body);
	return http_respond_json(req, 201, out, err);
out:
	json_decref(body);
	json_decref(out);
	return rc;
}

static enum masa_err api_review_patch(struct http_request *req,
                                      struct masa_error *err)
{
	struct review r;
	bool may;
	json_t *body = NULL, *out = NULL, *version;
	const char *stage;
	char today[DATE_TEXT_SIZE];
	enum masa_err rc;

	date_format(date_today(), today);
	if ((rc = find(req, &r, &may, err)))
		return rc;
	if (!may)
		return masa_error_set(
		        err, MASA_ERR_DENIED,
		        "only the members of the body holding the "
		        "review, the chair and the business unit "
		        "change it: nothing was stored");
	if ((rc = api_json_body(req, patch_members, &body, err)))
		return rc;
	version = json_object_get(body, "version");
	stage = api_json_text(body, "stage");
	if ((rc = gov_begin(&req->gov, err)))
		goto out;
	if (stage != NULL &&
	    ((rc = review_stage_set(
	              &req->gov, r.id, stage,
	              api_json_text(body, "stage_started_on")
	                      ? api_json_text(body, "stage_started_on")
	                      : today,
	              json_is_integer(version) ? json_integer_value(version)
	                                       : 0,
	              err)) ||
	     (rc = record_get(&req->gov, &review_record, r.id, &req->arena, &r,
	                      err))))
		goto end;
	r.version = stage == NULL && json_is_integer(version)
	                    ? json_integer_value(version)
	                    : 0;
	if ((rc = review_fields_from_json(&req->gov, &review_record,
	                                  req->partnership->id, body, &r,
	                                  &req->arena, err)) ||
	    (rc = review_update(&req->gov, &r, err)) ||
	    (rc = record_get(&req->gov, &review_record, r.id, &req->arena, &r,
	                     err)))
		goto end;
end:
	rc = gov_end(&req->gov, rc, err);
	if (rc == MASA_OK &&
	    (rc = review_json(req, &r, NULL, &out, err)) == MASA_OK) {
		json_decref(body);
		return http_respond_json(req, 200, out, err);
	}
out:
	json_decref(body);
	json_decref(out);
	return rc;
}

/* A recommendation with its actions' references and its evidence. */
static enum masa_err recommendation_json(struct http_request *req,
                                         const struct recommendation_row *e,
                                         json_t **out, struct masa_error *err)
{
	struct gov_action_entry *acts;
	struct impact_evidence *ev;
	size_t na, ne;
	json_t *o = json_object(), *x;
	enum masa_err rc;

	*out = o;
	json_object_set_new(o, "review", json_string(e->review_reference));
	json_object_set_new(o, "number", json_integer(e->r.number));
	if ((rc = review_fields_to_json(&req->gov, &recommendation_record,
	                                &e->r, o, &req->arena, err)) ||
	    (rc = recommendation_actions(&req->gov, &req->viewer, e->r.id,
	                                 &req->arena, &acts, &na, err)) ||
	    (rc = evidence_list(&req->gov, e->r.id, &req->arena, &ev, &ne,
	                        err)))
		return rc;
	json_object_set_new(o, "status", json_string(e->r.status));
	json_object_set_new(o, "closed_on", api_str(e->r.closed_on));
	json_object_set_new(o, "closed_reason", api_str(e->r.closed_reason));
	json_object_set_new(o, "latest_rag", api_str(e->latest_rag));
	x = json_array();
	for (size_t i = 0; i < na; i++)
		json_array_append_new(x,
		                      json_pack("{s:s, s:s, s:o}", "reference",
		                                acts[i].action.key, "status",
		                                acts[i].action.status, "due",
		                                api_str(acts[i].due)));
	json_object_set_new(o, "actions", x);
	x = json_array();
	for (size_t i = 0; i < ne; i++)
		json_array_append_new(
		        x, json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:o}",
		                     "checkpoint", ev[i].checkpoint, "due_on",
		                     api_str(ev[i].due_on), "recorded_on",
		                     api_str(ev[i].recorded_on), "kind",
		                     api_str(ev[i].kind), "summary",
		                     api_str(ev[i].summary), "rag",
		                     api_str(ev[i].rag), "judged_on",
		                     api_str(ev[i].judged_on)));
	json_object_set_new(o, "evidence", x);
	return MASA_OK;
}

static enum masa_err api_recommendations(struct http_request *req,
                                         struct masa_error *err)
{
	struct review r;
	struct recommendation_row *e;
	struct recommendation_filter f = {0};
	struct api_page page;
	size_t n, from, to;
	bool may, more;
	json_t *data = json_array();
	enum masa_err rc;

	api_page_of(req, &page);
	if ((rc = find(req, &r, &may, err)))
		goto fail;
	f.review_id = r.id;
	if ((rc = recommendation_list(&req->gov, &req->viewer,
	                              req->partnership->id, &f, &req->arena, &e,
	                              &n, err)) ||
	    (may &&
	     (rc = assure_audit_view(&req->gov, "practice_review", r.id, err))))
		goto fail;
	api_page_slice(&page, n, &from, &to, &more);
	for (size_t i = from; i < to; i++) {
		json_t *o;
		rc = recommendation_json(req, &e[i], &o, err);
		json_array_append_new(data, o);
		if (rc)
			goto fail;
	}
	return api_respond_page(req, data, more, (long)to, err);
fail:
	json_decref(data);
	return rc;
}

static const struct api_member recommendation_members[] = {
        {"number", API_INTEGER, false, 0, NULL},
        {"text", API_STRING, true, 0, NULL},
        {"finding", API_STRING, false, 0, NULL},
        {"expected_outcome", API_STRING, false, 0, NULL},
        {"measure", API_STRING, false, 0, NULL},
        {"organization", API_STRING, false, 100, NULL},
        {"body", API_STRING, false, 40, NULL},
        {"due_on", API_DATE, false, 0, NULL},
        {NULL, 0, false, 0, NULL},
};

static enum masa_err api_recommendation_add(struct http_request *req,
                                            struct masa_error *err)
{
	struct review r;
	struct recommendation rec = {0};
	struct recommendation_row row = {0};
	json_t *body = NULL, *out = NULL, *number;
	bool may;
	enum masa_err rc;

	if ((rc = find(req, &r, &may, err)))
		return rc;
	if (!may)
		return masa_error_set(
		        err, MASA_ERR_DENIED,
		        "only the members of the body holding the "
		        "review, the chair and the business unit "
		        "add recommendations: nothing was stored");
	if ((rc = api_json_body(req, recommendation_members, &body, err)))
		return rc;
	number = json_object_get(body, "number");
	rec.partnership_id = req->partnership->id;
	rec.review_id = r.id;
	rec.number = json_is_integer(number) ? json_integer_value(number) : 0;
	if ((rc = review_fields_from_json(&req->gov, &recommendation_record,
	                                  req->partnership->id, body, &rec,
	                                  &req->arena, err)) ||
	    (rc = recommendation_create(&req->gov, &rec, err)))
		goto out;
	row.r = rec;
	row.review_reference = r.reference;
	if ((rc = recommendation_json(req, &row, &out, err)))
		goto out;
	json_decref(body);
	return http_respond_json(req, 201, out, err);
out:
	json_decref(body);
	json_decref(out);
	return rc;
}

static enum masa_err api_learning(struct http_request *req,
                                  struct masa_error *err)
{
	struct briefing *b;
	struct api_page page;
	size_t n, from, to;
	bool more;
	json_t *data = json_array();
	enum masa_err rc;

	api_page_of(req, &page);
	if ((rc = briefing_list(&req->gov, &req->viewer, req->partnership->id,
	                        true, &req->arena, &b, &n, err))) {
		json_decref(data);
		return rc;
	}
	api_page_slice(&page, n, &from, &to, &more);
	for (size_t i = from; i < to; i++)
		json_array_append_new(
		        data,
		        json_pack("{s:I, s:s, s:s, s:o, s:o, s:o}", "id",
		                  (json_int_t)b[i].id, "title", b[i].title,
		                  "summary", b[i].summary ? b[i].summary : "",
		                  "review", api_str(b[i].review_reference),
		                  "published_on", api_str(b[i].published_on),
		                  "file",
		                  b[i].filename ? json_string(arena_printf(
		                                          &req->arena,
		                                          "/learning/%lld/file",
		                                          (long long)b[i].id))
		                                : json_null()));
	return api_respond_page(req, data, more, (long)to, err);
}

const struct route api_review_routes[] = {
        {"GET", "/api/v1/reviews", list_params, GOV_ROLE_PUBLIC, api_reviews},
        {"POST", "/api/v1/reviews", NULL, GOV_ROLE_CHAIR, api_review_create},
        {"GET", "/api/v1/reviews/{ref}", ref_params, GOV_ROLE_PUBLIC,
         api_review},
        {"PATCH", "/api/v1/reviews/{ref}", ref_params, GOV_ROLE_MEMBER,
         api_review_patch},
        {"GET", "/api/v1/reviews/{ref}/recommendations", ref_params,
         GOV_ROLE_PUBLIC, api_recommendations},
        {"POST", "/api/v1/reviews/{ref}/recommendations", ref_params,
         GOV_ROLE_MEMBER, api_recommendation_add},
        {"GET", "/api/v1/learning", list_params, GOV_ROLE_PUBLIC, api_learning},
        {0},
};
