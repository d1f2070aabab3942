/*
 * incident_part: the "incidents" part of the interchange document
 * (docs/interchange.md): each serious incident with its body, rapid review
 * meeting and agencies by their keys.
 */
#include <string.h>

#include "assure/incident.h"
#include "gov/body.h"
#include "gov/interchange.h"
#include "gov/meeting.h"
#include "gov/partnership.h"

static const char *const incident_members[] = {"reference",
                                               "body",
                                               "kind",
                                               "age_band",
                                               "summary",
                                               "aware_on",
                                               "notified_on",
                                               "rapid_review_meeting",
                                               "rapid_review_on",
                                               "rapid_review_sent_on",
                                               "decision",
                                               "decision_on",
                                               "decision_reasons",
                                               "panel_response",
                                               "panel_response_on",
                                               "agencies",
                                               NULL};

/* The text of member name of o, or NULL; MASA_ERR_INVALID if not text. */
static enum masa_err text_of(json_t *o, const char *name, char **out,
                             struct masa_error *err)
{
	json_t *v = json_object_get(o, name);

	*out = NULL;
	if (v == NULL || json_is_null(v))
		return MASA_OK;
	if (!json_is_string(v))
		return masa_error_set(err, MASA_ERR_INVALID, "%s: must be text",
		                      name);
	*out = (char *)json_string_value(v);
	return MASA_OK;
}

static enum masa_err load_incident(struct gov *g, int64_t partnership_id,
                                   json_t *o, struct masa_error *err)
{
	static const char *const texts[] = {
	        "reference",         "kind",
	        "age_band",          "summary",
	        "aware_on",          "notified_on",
	        "rapid_review_on",   "rapid_review_sent_on",
	        "decision",          "decision_on",
	        "decision_reasons",  "panel_response",
	        "panel_response_on", NULL};
	struct assure_incident inc = {.partnership_id = partnership_id};
	char **fields[] = {&inc.reference,        &inc.kind,
	                   &inc.age_band,         &inc.summary,
	                   &inc.aware_on,         &inc.notified_on,
	                   &inc.rapid_review_on,  &inc.rapid_review_sent_on,
	                   &inc.decision,         &inc.decision_on,
	                   &inc.decision_reasons, &inc.panel_response,
	                   &inc.panel_response_on};
	struct arena a = ARENA_INIT;
	json_t *agencies = json_object_get(o, "agencies"), *v;
	int64_t *ids = NULL;
	char *body = NULL, *meeting = NULL;
	size_t i, n = 0;
	enum masa_err rc = MASA_OK;

	for (i = 0; texts[i] != NULL && rc == MASA_OK; i++)
		rc = text_of(o, texts[i], fields[i], err);
	if (rc == MASA_OK)
		rc = text_of(o, "body", &body, err);
	if (rc == MASA_OK)
		rc = text_of(o, "rapid_review_meeting", &meeting, err);
	if (rc != MASA_OK)
		goto out;
	if (body == NULL) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "body: give the body holding the case");
		goto out;
	}
	{
		struct gov_body b;

		if ((rc = gov_body_find(g, partnership_id, body, &a, &b,
		                        err))) {
			masa_error_prefix(err, "body");
			goto out;
		}
		inc.body_id = b.id;
	}
	if (meeting != NULL) {
		struct gov_meeting m;

		if ((rc = gov_meeting_find(g, partnership_id, meeting, &a, &m,
		                           err))) {
			masa_error_prefix(err, "rapid_review_meeting");
			goto out;
		}
		inc.rapid_review_meeting_id = m.id;
	}
	if (agencies != NULL && !json_is_array(agencies)) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "agencies: must be a list of organisation "
		                    "keys");
		goto out;
	}
	ids = arena_alloc(&a, (json_array_size(agencies) + 1) * sizeof *ids);
	json_array_foreach(agencies, i, v)
	{
		struct gov_organisation org;

		if (!json_is_string(v)) {
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "agencies[%zu]: must be an "
			                    "organisation's key",
			                    i);
			goto out;
		}
		if ((rc = gov_organisation_find(g, partnership_id,
		                                json_string_value(v), &a, &org,
		                                err))) {
			masa_error_prefix(err, "agencies[%zu]", i);
			goto out;
		}
		ids[n++] = org.id;
	}
	rc = assure_incident_create(g, &inc, ids, n, err);
out:
	arena_free(&a);
	return rc;
}

static enum masa_err dump_incidents(struct gov *g, int64_t partnership_id,
                                    json_t **list, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_viewer v;
	struct assure_incident_query q = {.today = date_today()};
	struct assure_incident_row *rows;
	size_t n;
	enum masa_err rc;

	*list = json_array();
	gov_viewer_system(&v, partnership_id);
	rc = assure_incident_list(g, &v, &q, &a, &rows, &n, NULL, err);
	/* Oldest first, as recorded. */
	for (size_t k = n; rc == MASA_OK && k-- > 0;) {
		struct assure_incident_agency *ag;
		size_t nag;
		json_t *o;

		rc = assure_incident_agencies(g, rows[k].inc.id, &a, &ag, &nag,
		                              err);
		if (rc != MASA_OK)
			break;
		o = assure_incident_json(&rows[k], true, ag, nag);
		/* What the store keeps, not what is read from it. */
		json_object_del(o, "clocks");
		json_object_del(o, "version");
		if (json_is_null(json_object_get(o, "summary")) ||
		    strcmp(json_string_value(json_object_get(o, "summary")),
		           "") == 0)
			json_object_del(o, "summary");
		json_array_append_new(*list, o);
	}
	arena_free(&a);
	return rc;
}

const struct interchange_part assure_incident_part = {
        .name = "incidents",
        .members = incident_members,
        .load = load_incident,
        .dump = dump_incidents,
};
