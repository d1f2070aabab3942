/*
 * bodies: the partnership's bodies, their members and their work programmes
 * in the JSON API. All of it is public, as the pages are, except a
 * programme entry that comes from an item or its resolution the viewer may
 * not see, which gov_programme_list leaves out.
 */
#include <string.h>

#include "api/api.h"
#include "gov/body.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/programme.h"
#include "http/server.h"

/* The short name of body id among bodies, or NULL. */
static const char *short_name_of(const struct gov_body *bodies, size_t n,
                                 int64_t id)
{
	for (size_t i = 0; id != 0 && i < n; i++)
		if (bodies[i].id == id)
			return bodies[i].short_name;
	return NULL;
}

static json_t *body_json(const struct gov_body *b, const char *parent)
{
	json_t *quorum = json_null();

	if (b->quorum_count || b->quorum_fraction || b->quorum_partners) {
		json_decref(quorum);
		quorum = json_pack("{s:o, s:o, s:b}", "count",
		                   api_int_or_null(b->quorum_count), "fraction",
		                   api_str(b->quorum_fraction),
		                   "safeguarding_partners", b->quorum_partners);
	}
	return json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:s++}",
	                 "short_name", b->short_name, "name", b->name,
	                 "classification", b->kind, "parent", api_str(parent),
	                 "founding_date", api_str(b->founding_date),
	                 "dissolution_date", api_str(b->dissolution_date),
	                 "quorum", quorum, "terms_of_reference",
	                 api_str(b->terms_of_reference), "url",
	                 "/api/v1/bodies/", b->short_name, "");
}

enum masa_err api_bodies(struct http_request *req, struct masa_error *err)
{
	struct gov_body *bodies;
	struct api_page page;
	size_t n, from, to;
	bool more;
	json_t *data;
	enum masa_err rc;

	rc = gov_body_list(&req->gov, req->partnership->id, &req->arena,
	                   &bodies, &n, err);
	if (rc != MASA_OK)
		return rc;
	api_page_of(req, &page);
	api_page_slice(&page, n, &from, &to, &more);
	data = json_array();
	for (size_t i = from; i < to; i++)
		json_array_append_new(
		        data, body_json(&bodies[i],
		                        short_name_of(bodies, n,
		                                      bodies[i].parent_id)));
	return api_respond_page(req, data, more, (long)to, err);
}

/* The body the path names, in req's partnership (404 if none). */
static enum masa_err path_body(struct http_request *req, struct gov_body *b,
                               struct masa_error *err)
{
	return gov_body_find(&req->gov, req->partnership->id,
	                     http_param(req, "body"), &req->arena, b, err);
}

enum masa_err api_body(struct http_request *req, struct masa_error *err)
{
	struct gov_body b, parent;
	enum masa_err rc = path_body(req, &b, err);

	if (rc != MASA_OK)
		return rc;
	if (b.parent_id != 0 &&
	    (rc = gov_body_get(&req->gov, b.parent_id, &req->arena, &parent,
	                       err)) != MASA_OK)
		return rc;
	return http_respond_json(
	        req, 200, body_json(&b, b.parent_id ? parent.short_name : NULL),
	        err);
}

static json_t *member_json(const struct gov_member *m)
{
	return json_pack("{s:s, s:s, s:o, s:o, s:s, s:o, s:o, s:o, s:o, s:o}",
	                 "person", m->person_key, "name", m->person_name,
	                 "honorific_prefix", api_str(m->honorific_prefix),
	                 "job_title", api_str(m->job_title), "role", m->m.role,
	                 "label", api_str(m->m.label), "organisation",
	                 api_str(m->organisation_key), "organisation_name",
	                 api_str(m->organisation_name), "start_date",
	                 api_str(m->m.start_date), "end_date",
	                 api_str(m->m.end_date));
}

enum masa_err api_body_members(struct http_request *req, struct masa_error *err)
{
	struct gov_body b;
	struct gov_member *members;
	struct api_page page;
	size_t n, from, to;
	bool more;
	json_t *data;
	enum masa_err rc = path_body(req, &b, err);

	if (rc != MASA_OK)
		return rc;
	rc = gov_members_on(&req->gov, b.id, http_param(req, "on"), &req->arena,
	                    &members, &n, err);
	if (rc != MASA_OK)
		return rc;
	api_page_of(req, &page);
	api_page_slice(&page, n, &from, &to, &more);
	data = json_array();
	for (size_t i = from; i < to; i++)
		json_array_append_new(data, member_json(&members[i]));
	return api_respond_page(req, data, more, (long)to, err);
}

enum masa_err api_body_programme(struct http_request *req,
                                 struct masa_error *err)
{
	struct gov_body b;
	struct gov_programme_entry *entries;
	struct api_page page;
	size_t n, kept = 0, i;
	bool more = false;
	json_t *data;
	enum masa_err rc = path_body(req, &b, err);

	if (rc != MASA_OK)
		return rc;
	rc = gov_programme_list(&req->gov, &req->viewer, b.id, NULL,
	                        &req->arena, &entries, &n, err);
	if (rc != MASA_OK)
		return rc;
	api_page_of(req, &page);
	data = json_array();
	for (i = (size_t)page.cursor; i < n; i++) {
		struct gov_meeting m;
		char *origin;

		if (kept == (size_t)page.limit) {
			more = true;
			break;
		}
		if (entries[i].meeting_id != 0 &&
		    (rc = gov_meeting_get(&req->gov, entries[i].meeting_id,
		                          &req->arena, &m, err)))
			goto fail;
		if ((rc = gov_programme_origin(&req->gov, &entries[i],
		                               &req->arena, &origin, err)))
			goto fail;
		json_array_append_new(
		        data,
		        json_pack("{s:s, s:o, s:o, s:s, s:o, s:s, s:o}",
		                  "title", entries[i].title, "meeting",
		                  api_str(entries[i].meeting_id ? m.key : NULL),
		                  "month", api_str(entries[i].month), "source",
		                  entries[i].source, "origin", api_str(origin),
		                  "status", entries[i].status, "notes",
		                  api_str(entries[i].notes)));
		kept++;
	}
	return api_respond_page(req, data, more, (long)i, err);
fail:
	json_decref(data);
	return rc;
}
