/*
 * meetings: meetings, their agenda items with resolutions and papers, and
 * attendance in the JSON API.
 *
 * Meetings are public. Their agenda (items with their papers) is shown as
 * gov_may_see_agenda allows (to the public once the agenda or the minutes
 * are published), items' minutes text, resolutions and attendance as
 * gov_may_see_minutes allows (to the public once published); the
 * domain's listings leave out a confidential item (or a sub-item of one),
 * its resolutions and papers for those who may not see them, and papers for
 * those who may not see papers (gov/access.h). Whatever a viewer may not
 * see is left out of every response, as if it did not exist.
 */
#include <string.h>

#include "api/api.h"
#include "gov/body.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "http/server.h"

static json_t *meeting_json(const struct gov_meeting *m, const char *body,
                            const char *body_name)
{
	json_t *minutes =
	        json_pack("{s:s, s:o, s:o}", "status",
	                  m->minutes_status ? m->minutes_status : "draft",
	                  "approved_on", api_str(m->minutes_approved_on),
	                  "published_on", api_str(m->minutes_published_on));

	return json_pack(
	        "{s:s, s:s, s:s, s:o, s:s, s:o, s:o, s:o, s:s, s:o, "
	        "s:o, s:o, s:s+, s:I}",
	        "key", m->key, "body", body, "body_name", body_name, "name",
	        api_str(m->name), "date", m->date, "start_time",
	        api_str(m->start_time), "end_time", api_str(m->end_time),
	        "location", api_str(m->location), "status", m->status,
	        "webcast_url", api_str(m->webcast_url), "agenda_published_on",
	        api_str(m->agenda_published_on), "minutes", minutes, "url",
	        "/api/v1/meetings/", m->key, "version", (json_int_t)m->version);
}

enum masa_err api_meetings(struct http_request *req, struct masa_error *err)
{
	struct gov_meeting_row *rows;
	struct gov_body b = {0};
	struct api_page page;
	const char *body = http_param(req, "body");
	size_t n;
	bool more;
	json_t *data;
	enum masa_err rc;

	if (body != NULL) {
		rc = gov_body_find(&req->gov, req->partnership->id, body,
		                   &req->arena, &b, err);
		if (rc == MASA_ERR_NOT_FOUND)
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "body: no body \"%s\" in this "
			                    "partnership",
			                    body);
		if (rc != MASA_OK)
			return rc;
	}
	api_page_of(req, &page);
	/* One more than the page, to know whether another follows. */
	rc = gov_meeting_list(&req->gov, req->partnership->id, b.id,
	                      http_param(req, "from"), http_param(req, "to"),
	                      (int)page.limit + 1, (int)page.cursor,
	                      &req->arena, &rows, &n, err);
	if (rc != MASA_OK)
		return rc;
	more = n > (size_t)page.limit;
	if (more)
		n = (size_t)page.limit;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(
		        data, meeting_json(&rows[i].m, rows[i].body_short_name,
		                           rows[i].body_name));
	return api_respond_page(req, data, more, page.cursor + (long)n, err);
}

/* A meeting's minutes as the viewer may see them. */
struct minutes {
	struct gov_meeting meeting;
	struct gov_body body;
	bool see_agenda, see_minutes;
	struct gov_item *items; /* those the viewer may see */
	size_t nitems;
	struct gov_resolution *resolutions;
	size_t nresolutions;
	struct gov_document *documents;
	size_t ndocuments;
};

/* The meeting the path names ({body}/{date} is its key), 404 if none. */
static enum masa_err path_meeting(struct http_request *req, struct minutes *mn,
                                  struct masa_error *err)
{
	const char *key =
	        arena_printf(&req->arena, "%s/%s", http_param(req, "body"),
	                     http_param(req, "date"));
	enum masa_err rc;

	memset(mn, 0, sizeof *mn);
	rc = gov_meeting_find(&req->gov, req->partnership->id, key, &req->arena,
	                      &mn->meeting, err);
	if (rc == MASA_OK)
		rc = gov_body_get(&req->gov, mn->meeting.body_id, &req->arena,
		                  &mn->body, err);
	return rc;
}

/* The index of item id among mn's items, or mn->nitems. */
static size_t item_index(const struct minutes *mn, int64_t id)
{
	for (size_t i = 0; i < mn->nitems; i++)
		if (mn->items[i].id == id)
			return i;
	return mn->nitems;
}

/* Reads the meeting's minutes and what the viewer may see of them. */
static enum masa_err load_minutes(struct http_request *req, struct minutes *mn,
                                  struct masa_error *err)
{
	struct gov *g = &req->gov;
	int64_t id;
	enum masa_err rc;

	if ((rc = path_meeting(req, mn, err)))
		return rc;
	id = mn->meeting.id;
	mn->see_agenda = gov_may_see_agenda(&req->viewer, &mn->meeting);
	mn->see_minutes = gov_may_see_minutes(&req->viewer, &mn->meeting);
	if (!mn->see_agenda)
		return MASA_OK;
	/* Only what the viewer may see: the part two of a meeting, papers,
	 * and an agenda's minutes text and resolutions before the minutes
	 * are published are left out by the domain (gov/access.h). */
	if ((rc = gov_item_list(g, &req->viewer, id, &req->arena, &mn->items,
	                        &mn->nitems, err)) ||
	    (rc = gov_resolution_list(g, &req->viewer, id, &req->arena,
	                              &mn->resolutions, &mn->nresolutions,
	                              err)) ||
	    (rc = gov_document_list(g, &req->viewer, id, &req->arena,
	                            &mn->documents, &mn->ndocuments, err)))
		return rc;
	return MASA_OK;
}

static json_t *resolution_json(const struct minutes *mn,
                               const struct gov_resolution *r)
{
	size_t i = item_index(mn, r->item_id);

	return json_pack("{s:s, s:I, s:s}", "item", mn->items[i].number,
	                 "number", (json_int_t)r->number, "text", r->text);
}

static enum masa_err item_json(struct http_request *req,
                               const struct minutes *mn, size_t i, json_t **out,
                               struct masa_error *err)
{
	const struct gov_item *it = &mn->items[i];
	struct gov_person presenter = {0};
	struct gov_meeting deferred = {0};
	json_t *resolutions = json_array(), *documents = json_array();
	size_t parent = item_index(mn, it->parent_id);
	enum masa_err rc = MASA_OK;

	*out = NULL;
	if (it->presenter_id != 0 &&
	    (rc = gov_person_get(&req->gov, it->presenter_id, &req->arena,
	                         &presenter, err)))
		goto fail;
	if (it->deferred_to_id != 0 &&
	    (rc = gov_meeting_get(&req->gov, it->deferred_to_id, &req->arena,
	                          &deferred, err)))
		goto fail;
	for (size_t k = 0; k < mn->nresolutions; k++)
		if (mn->resolutions[k].item_id == it->id)
			json_array_append_new(
			        resolutions,
			        json_pack("{s:I, s:s}", "number",
			                  (json_int_t)mn->resolutions[k].number,
			                  "text", mn->resolutions[k].text));
	for (size_t k = 0; k < mn->ndocuments; k++)
		if (mn->documents[k].item_id == it->id)
			json_array_append_new(
			        documents,
			        json_pack("{s:s, s:s, s:o}", "title",
			                  mn->documents[k].title, "kind",
			                  mn->documents[k].kind, "url",
			                  api_str(mn->documents[k].url)));
	*out = json_pack(
	        "{s:s, s:o, s:s, s:o, s:o, s:b, s:s, s:o, s:o, s:o, s:o, s:I}",
	        "number", it->number, "parent",
	        api_str(parent < mn->nitems ? mn->items[parent].number : NULL),
	        "title", it->title, "presenter",
	        api_str(it->presenter_id ? presenter.key : NULL),
	        "presenter_name",
	        api_str(it->presenter_id ? presenter.name : NULL),
	        "confidential", it->confidential, "status", it->status,
	        "deferred_to",
	        api_str(it->deferred_to_id ? deferred.key : NULL), "minutes",
	        api_str(it->minutes), "resolutions", resolutions, "documents",
	        documents, "version", (json_int_t)it->version);
	return MASA_OK;
fail:
	json_decref(resolutions);
	json_decref(documents);
	return rc;
}

/* The visible items from index cursor on, at most limit of them, into
 * data; *end is the index after the last one looked at. */
static enum masa_err items_json(struct http_request *req,
                                const struct minutes *mn, size_t cursor,
                                size_t limit, json_t *data, size_t *end,
                                bool *more, struct masa_error *err)
{
	size_t kept = 0, i;

	*more = false;
	for (i = cursor; i < mn->nitems; i++) {
		json_t *item;
		enum masa_err rc;

		if (kept == limit) {
			*more = true;
			break;
		}
		if ((rc = item_json(req, mn, i, &item, err)))
			return rc;
		json_array_append_new(data, item);
		kept++;
	}
	*end = i;
	return MASA_OK;
}

static json_t *attendee_json(const struct gov_attendee *at)
{
	return json_pack("{s:s, s:s, s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:o}",
	                 "person", at->person_key, "name", at->person_name,
	                 "honorific_prefix", api_str(at->honorific_prefix),
	                 "job_title", api_str(at->job_title), "role",
	                 api_str(at->role), "status", at->a.status,
	                 "substitute", api_str(at->substitute_key),
	                 "substitute_name", api_str(at->substitute_name),
	                 "arrived_at_item", api_str(at->arrived_item),
	                 "left_at_item", api_str(at->left_item));
}

enum masa_err api_meeting(struct http_request *req, struct masa_error *err)
{
	struct minutes mn;
	struct gov_attendee *attendees = NULL;
	size_t nattendees = 0, end;
	bool more;
	json_t *meeting, *items = json_array(), *attendance = json_array();
	enum masa_err rc;

	if ((rc = load_minutes(req, &mn, err)))
		goto fail;
	if ((mn.see_agenda && (rc = items_json(req, &mn, 0, mn.nitems, items,
	                                       &end, &more, err))) ||
	    (mn.see_minutes &&
	     (rc = gov_attendance_list(&req->gov, mn.meeting.id, &req->arena,
	                               &attendees, &nattendees, err))))
		goto fail;
	for (size_t i = 0; i < nattendees; i++)
		json_array_append_new(attendance, attendee_json(&attendees[i]));
	meeting = meeting_json(&mn.meeting, mn.body.short_name, mn.body.name);
	json_object_set_new(meeting, "items", items);
	json_object_set_new(meeting, "attendance", attendance);
	return http_respond_json(req, 200, meeting, err);
fail:
	json_decref(items);
	json_decref(attendance);
	return rc;
}

enum masa_err api_meeting_items(struct http_request *req,
                                struct masa_error *err)
{
	struct minutes mn;
	struct api_page page;
	size_t end = 0;
	bool more = false;
	json_t *data = json_array();
	enum masa_err rc;

	api_page_of(req, &page);
	if ((rc = load_minutes(req, &mn, err)) ||
	    (mn.see_agenda &&
	     (rc = items_json(req, &mn, (size_t)page.cursor, (size_t)page.limit,
	                      data, &end, &more, err)))) {
		json_decref(data);
		return rc;
	}
	return api_respond_page(req, data, more, (long)end, err);
}

enum masa_err api_meeting_attendance(struct http_request *req,
                                     struct masa_error *err)
{
	struct minutes mn;
	struct gov_attendee *attendees = NULL;
	struct api_page page;
	size_t n = 0, from, to;
	bool more;
	json_t *data;
	enum masa_err rc;

	if ((rc = path_meeting(req, &mn, err)))
		return rc;
	mn.see_minutes = gov_may_see_minutes(&req->viewer, &mn.meeting);
	if (mn.see_minutes &&
	    (rc = gov_attendance_list(&req->gov, mn.meeting.id, &req->arena,
	                              &attendees, &n, err)))
		return rc;
	api_page_of(req, &page);
	api_page_slice(&page, n, &from, &to, &more);
	data = json_array();
	for (size_t i = from; i < to; i++)
		json_array_append_new(data, attendee_json(&attendees[i]));
	return api_respond_page(req, data, more, (long)to, err);
}

enum masa_err api_meeting_resolutions(struct http_request *req,
                                      struct masa_error *err)
{
	struct minutes mn;
	struct api_page page;
	size_t kept = 0, i = 0;
	bool more = false;
	json_t *data;
	enum masa_err rc;

	if ((rc = load_minutes(req, &mn, err)))
		return rc;
	api_page_of(req, &page);
	data = json_array();
	for (i = (size_t)page.cursor; i < mn.nresolutions; i++) {
		if (kept == (size_t)page.limit) {
			more = true;
			break;
		}
		json_array_append_new(data,
		                      resolution_json(&mn, &mn.resolutions[i]));
		kept++;
	}
	return api_respond_page(req, data, more, (long)i, err);
}
