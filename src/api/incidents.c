/*
 * incidents: serious incidents in the JSON API (docs/api.md): the list
 * and one incident with their clocks, recording one (POST) and changing
 * it (PATCH), under the rule of the pages: only who may see the case
 * (GOV_SQL_SEES_CASE) sees it, anyone else gets 404; each incident read is
 * written to the audit log with its reader.
 */
#include <string.h>

#include "api/api.h"
#include "assure/assure.h"
#include "assure/incident.h"
#include "core/date.h"
#include "gov/body.h"
#include "gov/partnership.h"
#include "http/server.h"

static const struct route_param incident_params[] = {
        {.name = "ref",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_TEXT,
         .min = 1,
         .max = ASSURE_REFERENCE_MAX},
        {.name = NULL}};

/* GET /api/v1/incidents: newest first, a page of them. */
static enum masa_err api_incidents(struct http_request *req,
                                   struct masa_error *err)
{
	struct api_page page;
	struct assure_incident_query q = {.today = date_today()};
	struct assure_incident_row *rows;
	size_t n, total;
	json_t *data;
	enum masa_err rc;

	api_page_of(req, &page);
	q.limit = (size_t)page.limit;
	q.offset = (size_t)page.cursor;
	if ((rc = assure_incident_list(&req->gov, &req->viewer, &q, &req->arena,
	                               &rows, &n, &total, err)))
		return rc;
	/* Each case given is read: a view in the audit log, with its reader. */
	for (size_t i = 0; i < n; i++)
		if ((rc = assure_audit_view(&req->gov, "incident",
		                            rows[i].inc.id, err)))
			return rc;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(
		        data, assure_incident_json(&rows[i], false, NULL, 0));
	return api_respond_page(req, data, q.offset + n < total,
	                        (long)(q.offset + n), err);
}

/* The incident of the path as JSON (with its agencies), read now. */
static enum masa_err incident_out(struct http_request *req, const char *ref,
                                  json_t **out, int64_t *version,
                                  struct masa_error *err)
{
	struct assure_incident_row r;
	struct assure_incident_agency *ag;
	size_t nag;
	enum masa_err rc;

	if ((rc = assure_incident_find(&req->gov, &req->viewer, ref,
	                               &req->arena, &r, err)) ||
	    (rc = assure_incident_agencies(&req->gov, r.inc.id, &req->arena,
	                                   &ag, &nag, err)) ||
	    (rc = assure_audit_view(&req->gov, "incident", r.inc.id, err)))
		return rc;
	*out = assure_incident_json(&r, true, ag, nag);
	*version = r.inc.version;
	return MASA_OK;
}

static void etag(struct http_request *req, int64_t version)
{
	http_add_header(
	        req, "ETag",
	        arena_printf(&req->arena, "\"%lld\"", (long long)version));
}

static enum masa_err api_incident(struct http_request *req,
                                  struct masa_error *err)
{
	json_t *out;
	int64_t version;
	enum masa_err rc =
	        incident_out(req, http_param(req, "ref"), &out, &version, err);

	if (rc != MASA_OK)
		return rc;
	etag(req, version);
	return http_respond_json(req, 200, out, err);
}

/* The members a request may set, with the slugs of the declaration. */
static const struct api_member incident_members[] = {
        {.name = "reference", .type = API_STRING, .max = ASSURE_REFERENCE_MAX},
        {.name = "body", .type = API_STRING, .max = 40},
        {.name = "kind", .type = API_STRING, .choices = assure_incident_kinds},
        {.name = "age_band", .type = API_STRING, .choices = assure_age_bands},
        {.name = "summary", .type = API_STRING},
        {.name = "aware_on", .type = API_DATE},
        {.name = "notified_on", .type = API_DATE},
        {.name = "rapid_review_meeting", .type = API_STRING, .max = 100},
        {.name = "rapid_review_on", .type = API_DATE},
        {.name = "rapid_review_sent_on", .type = API_DATE},
        {.name = "decision",
         .type = API_STRING,
         .choices = assure_incident_decisions},
        {.name = "decision_on", .type = API_DATE},
        {.name = "decision_reasons", .type = API_STRING},
        {.name = "panel_response", .type = API_STRING},
        {.name = "panel_response_on", .type = API_DATE},
        {.name = "agencies", .type = API_ARRAY},
        {.name = "version", .type = API_INTEGER},
        {.name = NULL},
};

/*
 * Sets the members given in body (all but reference, agencies and
 * version) through the declaration: body and rapid_review_meeting by key.
 * A member given as null clears the field.
 */
static enum masa_err apply(struct http_request *req, const json_t *body,
                           struct assure_incident *inc, struct masa_error *err)
{
	static const char *const slugs[][2] = {
	        {"body", "body"},
	        {"kind", "kind"},
	        {"age_band", "age-band"},
	        {"summary", "summary"},
	        {"aware_on", "aware-on"},
	        {"notified_on", "notified-on"},
	        {"rapid_review_meeting", "rapid-review-meeting"},
	        {"rapid_review_on", "rapid-review-on"},
	        {"rapid_review_sent_on", "rapid-review-sent-on"},
	        {"decision", "decision"},
	        {"decision_on", "decision-on"},
	        {"decision_reasons", "decision-reasons"},
	        {"panel_response", "panel-response"},
	        {"panel_response_on", "panel-response-on"},
	};
	for (size_t i = 0; i < sizeof slugs / sizeof slugs[0]; i++) {
		const json_t *v = json_object_get(body, slugs[i][0]);
		enum masa_err rc;

		if (v == NULL)
			continue;
		rc = record_field_set_text(
		        &req->gov,
		        record_field_by_slug(&assure_incident_record,
		                             slugs[i][1]),
		        req->partnership->id, inc,
		        json_is_string(v) ? json_string_value(v) : NULL,
		        &req->arena, err);
		if (rc != MASA_OK) {
			masa_error_prefix(err, "%s", slugs[i][0]);
			return rc;
		}
	}
	return MASA_OK;
}

/* The organisations of the member "agencies" (keys), as ids. */
static enum masa_err agencies_of(struct http_request *req, const json_t *body,
                                 int64_t **ids, size_t *n,
                                 struct masa_error *err)
{
	const json_t *list = json_object_get(body, "agencies");
	const json_t *v;
	size_t i;

	*n = 0;
	*ids = arena_alloc(&req->arena,
	                   (json_array_size(list) + 1) * sizeof **ids);
	json_array_foreach(list, i, v)
	{
		struct gov_organisation o;
		enum masa_err rc;

		if (!json_is_string(v))
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "agencies[%zu]: give an "
			                      "organisation's key",
			                      i);
		rc = gov_organisation_find(&req->gov, req->partnership->id,
		                           json_string_value(v), &req->arena,
		                           &o, err);
		if (rc != MASA_OK) {
			masa_error_prefix(err, "agencies[%zu]", i);
			return rc == MASA_ERR_NOT_FOUND ? MASA_ERR_INVALID : rc;
		}
		(*ids)[(*n)++] = o.id;
	}
	return MASA_OK;
}

/* The incident as stored now, answered with status (201 or 200). */
static enum masa_err respond_stored(struct http_request *req, const char *ref,
                                    unsigned status, struct masa_error *err)
{
	json_t *out;
	int64_t version;
	enum masa_err rc = incident_out(req, ref, &out, &version, err);

	if (rc != MASA_OK)
		return rc;
	etag(req, version);
	if (status == 201)
		http_add_header(
		        req, "Location",
		        arena_printf(&req->arena, "/api/v1/incidents/%s", ref));
	return http_respond_json(req, status, out, err);
}

/* POST /api/v1/incidents */
static enum masa_err api_incident_add(struct http_request *req,
                                      struct masa_error *err)
{
	struct assure_incident inc = {.partnership_id = req->partnership->id};
	json_t *body = NULL;
	int64_t *ids;
	size_t n;
	enum masa_err rc;

	if ((rc = api_json_body(req, incident_members, &body, err)))
		return rc;
	inc.reference = (char *)api_json_text(body, "reference");
	if (inc.reference == NULL || api_json_text(body, "body") == NULL ||
	    api_json_text(body, "aware_on") == NULL) {
		rc = masa_error_set(err, MASA_ERR_INVALID, "%s: required",
		                    inc.reference == NULL ? "reference"
		                    : api_json_text(body, "body") == NULL
		                            ? "body"
		                            : "aware_on");
		goto out;
	}
	if ((rc = apply(req, body, &inc, err)) ||
	    (rc = agencies_of(req, body, &ids, &n, err)))
		goto out;
	if ((rc = assure_incident_create(&req->gov, &inc, ids, n, err)))
		goto out;
	rc = respond_stored(req, inc.reference, 201, err);
out:
	json_decref(body);
	return rc;
}

/* PATCH /api/v1/incidents/{ref} */
static enum masa_err api_incident_change(struct http_request *req,
                                         struct masa_error *err)
{
	struct assure_incident_row r;
	json_t *body = NULL;
	int64_t *ids;
	size_t n;
	enum masa_err rc;

	if ((rc = assure_incident_find(&req->gov, &req->viewer,
	                               http_param(req, "ref"), &req->arena, &r,
	                               err)) ||
	    (rc = api_json_body(req, incident_members, &body, err)))
		return rc;
	if (api_json_text(body, "reference") != NULL &&
	    strcmp(api_json_text(body, "reference"), r.inc.reference) != 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "reference: an incident's reference "
		                    "cannot change");
		goto out;
	}
	r.inc.version = json_integer_value(json_object_get(body, "version"));
	if ((rc = apply(req, body, &r.inc, err)) ||
	    (rc = agencies_of(req, body, &ids, &n, err)))
		goto out;
	if ((rc = gov_begin(&req->gov, err)))
		goto out;
	rc = assure_incident_update(&req->gov, &r.inc, err);
	if (rc == MASA_OK && json_object_get(body, "agencies") != NULL)
		rc = assure_incident_set_agencies(&req->gov, r.inc.id, 0, ids,
		                                  n, err);
	if ((rc = gov_end(&req->gov, rc, err)))
		goto out;
	rc = respond_stored(req, r.inc.reference, 200, err);
out:
	json_decref(body);
	return rc;
}

const struct route api_incident_routes[] = {
        {"GET", "/api/v1/incidents", api_list_params, GOV_ROLE_MEMBER,
         api_incidents},
        {"POST", "/api/v1/incidents", NULL, GOV_ROLE_ADMIN, api_incident_add},
        {"GET", "/api/v1/incidents/{ref}", incident_params, GOV_ROLE_MEMBER,
         api_incident},
        {"PATCH", "/api/v1/incidents/{ref}", incident_params, GOV_ROLE_ADMIN,
         api_incident_change},
        {0},
};
