/*
 * actions: the action logs in the JSON API: lists with filters, one action
 * with its history, adding an update, raising an action.
 *
 * Every route here needs a signed-in role (member or above; the route table
 * says so). Which actions a viewer sees gov decides (GOV_SQL_SEES_ACTION:
 * one raised under a part-two item only by those who see that part two, or
 * its owners); to anyone else such an action does not exist (404, and
 * absent from lists). Updates are added by those
 * gov_may_update_action allows (403 for others); actions are raised by
 * admins (gov_may_administer). Every change runs in one transaction: on any
 * error nothing is stored.
 *
 * An action carries its version (one more at every change of it, an update
 * added included), and the ETag of one action is that version. An update
 * may say which version it was made against, as the member "version" or an
 * If-Match header: when someone else has changed the action since, the
 * answer is 409 and nothing is stored, so that two clients (or two
 * servers) updating the same action at once do not pass each other by.
 */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "core/date.h"
#include "gov/action.h"
#include "gov/body.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "http/server.h"

/* What a listing needs beside the entry: its item's number, due meeting. */
static enum masa_err action_json(struct http_request *req,
                                 const struct gov_action_entry *e, json_t **out,
                                 struct masa_error *err)
{
	const struct gov_action *act = &e->action;
	struct gov_meeting due = {0};
	json_t *owners;
	enum masa_err rc;

	*out = NULL;
	if (act->due_meeting_id != 0 &&
	    (rc = gov_meeting_get(&req->gov, act->due_meeting_id, &req->arena,
	                          &due, err)))
		return rc;
	owners = json_array();
	for (size_t i = 0; i < e->nowners; i++) {
		const struct gov_action_owner *o = &e->owners[i];
		json_array_append_new(
		        owners,
		        json_pack("{s:s, s:o, s:s}", "kind",
		                  o->person_id         ? "person"
		                  : o->organisation_id ? "organisation"
		                                       : "all_members",
		                  "key", api_str(o->key), "name", o->name));
	}
	*out = json_pack(
	        "{s:s, s:s+, s:s, s:o, s:o, s:I, s:s, s:s, s:o, s:o, s:o, s:s, "
	        "s:o, s:I, s:o, s:I}",
	        "reference", act->key, "url", "/api/v1/actions/", act->key,
	        "body", e->body_short_name, "meeting", api_str(e->meeting_key),
	        "item", api_str(e->item_number), "number",
	        (json_int_t)act->number, "raised_on", act->raised_on, "details",
	        act->details, "due_date", api_str(act->due_date), "due_meeting",
	        api_str(act->due_meeting_id ? due.key : NULL), "due",
	        api_str(e->due), "status", e->status_as_at, "closed_on",
	        api_str(gov_action_status_done(e->status_as_at) ? act->closed_on
	                                                        : NULL),
	        "days_overdue", (json_int_t)e->days_overdue, "owners", owners,
	        "version", (json_int_t)act->version);
	return MASA_OK;
}

/* An action's version as an entity tag: "4". */
static const char *etag(struct http_request *req, int64_t version)
{
	return arena_printf(&req->arena, "\"%lld\"", (long long)version);
}

/*
 * The version an update request was made against: its member "version",
 * or an If-Match header naming one ("4", as the ETag gives it; W/ and * are
 * no version); 0 when neither is given. Both must agree.
 */
static enum masa_err version_asked(struct http_request *req, const json_t *body,
                                   int64_t *version, struct masa_error *err)
{
	const json_t *member = json_object_get(body, "version");
	const char *match = http_header(req, "If-Match");
	int64_t from_header = 0;

	*version = json_is_integer(member) ? json_integer_value(member) : 0;
	if (json_is_integer(member) && *version < 1)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "version: %lld is not a version; give the "
		        "action's version as read (1 or more)",
		        (long long)*version);
	if (match != NULL) {
		const char *p = match;
		char *end = NULL;
		long long v;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '"')
			p++;
		v = *p >= '1' && *p <= '9' ? strtoll(p, &end, 10) : 0;
		if (v > 0 && *end == '"')
			end++;
		while (v > 0 && (*end == ' ' || *end == '\t'))
			end++;
		if (v <= 0 || *end != '\0')
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "If-Match: \"%.40s\" is not an "
			                      "action's ETag; give it as GET "
			                      "sent it, such as \"4\"",
			                      match);
		from_header = v;
	}
	if (from_header != 0 && *version != 0 && from_header != *version)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "version: %lld and If-Match %lld differ; "
		                      "give one of them",
		                      (long long)*version,
		                      (long long)from_header);
	if (from_header != 0)
		*version = from_header;
	return MASA_OK;
}

/* A filter naming a record that does not exist is a bad parameter. */
static enum masa_err filter_error(enum masa_err rc, const char *name,
                                  struct masa_error *err)
{
	if (rc == MASA_ERR_NOT_FOUND) {
		masa_error_prefix(err, "%s", name);
		err->code = rc = MASA_ERR_INVALID;
	}
	return rc;
}

enum masa_err api_actions(struct http_request *req, struct masa_error *err)
{
	struct gov_action_query q = {0};
	struct gov_action_entry *entries;
	struct api_page page;
	char today[DATE_TEXT_SIZE];
	const char *v;
	const int64_t partnership_id = req->partnership->id;
	int64_t last;
	size_t n;
	bool more;
	json_t *data;
	enum masa_err rc;

	if ((v = http_param(req, "body")) != NULL) {
		struct gov_body b;
		rc = gov_body_find(&req->gov, partnership_id, v, &req->arena,
		                   &b, err);
		if ((rc = filter_error(rc, "body", err)))
			return rc;
		q.body_id = b.id;
	}
	if ((v = http_param(req, "owner")) != NULL) {
		struct gov_person p;
		rc = gov_person_find(&req->gov, partnership_id, v, &req->arena,
		                     &p, err);
		if ((rc = filter_error(rc, "owner", err)))
			return rc;
		q.person_id = p.id;
	}
	if ((v = http_param(req, "organisation")) != NULL) {
		struct gov_organisation o;
		rc = gov_organisation_find(&req->gov, partnership_id, v,
		                           &req->arena, &o, err);
		if ((rc = filter_error(rc, "organisation", err)))
			return rc;
		q.organisation_id = o.id;
	}
	q.status = http_param(req, "status");
	v = http_param(req, "overdue");
	q.overdue_only = v != NULL && strcmp(v, "true") == 0;
	date_format(date_today(), today);
	q.as_at = http_param(req, "as_at") ? http_param(req, "as_at") : today;
	api_page_of(req, &page);

	/*
	 * Pages hold `limit` actions the viewer may see (gov leaves out the
	 * others), in the order they were recorded; the cursor is the id of
	 * the last action of a page, so pages stay in step while actions are
	 * added. One more than a page is asked for, to know there are more.
	 */
	q.after_id = page.cursor;
	q.limit = (size_t)page.limit + 1;
	rc = gov_action_query(&req->gov, &req->viewer, &q, &req->arena,
	                      &entries, &n, err);
	if (rc != MASA_OK)
		return rc;
	more = n > (size_t)page.limit;
	if (more)
		n = (size_t)page.limit;
	last = n ? entries[n - 1].action.id : page.cursor;
	data = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *one;
		if ((rc = action_json(req, &entries[i], &one, err))) {
			json_decref(data);
			return rc;
		}
		json_array_append_new(data, one);
	}
	return api_respond_page(req, data, more, (long)last, err);
}

/*
 * The action the path names ({body}/{date}/{number} or {body}/{standing}),
 * if the viewer may see it; 404 otherwise.
 */
static enum masa_err path_action(struct http_request *req,
                                 struct gov_action *act, struct masa_error *err)
{
	const char *body = http_param(req, "body");
	const char *standing = http_param(req, "standing");
	const char *key;

	if (standing != NULL) {
		/* "A" and a number without leading zeros, as keys are made. */
		bool ok = standing[0] == 'A' && standing[1] >= '1' &&
		          standing[1] <= '9';
		for (const char *p = standing + 1; ok && *p; p++)
			ok = *p >= '0' && *p <= '9';
		if (!ok)
			return masa_error_set(err, MASA_ERR_NOT_FOUND,
			                      "no action %s/%s: an action "
			                      "standing alone is BODY/A1, "
			                      "BODY/A2...",
			                      body, standing);
		key = arena_printf(&req->arena, "%s/%s", body, standing);
	} else {
		key = arena_printf(&req->arena, "%s/%s/%s", body,
		                   http_param(req, "date"),
		                   http_param(req, "number"));
	}
	return gov_action_find(&req->gov, &req->viewer, key, &req->arena, act,
	                       err);
}

static json_t *owner_refs_json(const struct gov_action_entry *e,
                               int64_t update_id, bool added)
{
	json_t *list = json_array();

	for (size_t i = 0; i < e->nhistory; i++) {
		const struct gov_action_owner *o = &e->history[i];
		if ((added ? o->added_by : o->removed_by) != update_id)
			continue;
		json_array_append_new(list, json_pack("{s:s, s:o, s:s}", "kind",
		                                      o->person_id ? "person"
		                                      : o->organisation_id
		                                              ? "organisation"
		                                              : "all_members",
		                                      "key", api_str(o->key),
		                                      "name", o->name));
	}
	return list;
}

static enum masa_err update_json(struct http_request *req,
                                 const struct gov_action_entry *e,
                                 const struct gov_action_update *u,
                                 json_t **out, struct masa_error *err)
{
	struct gov_meeting m = {0};
	enum masa_err rc;

	*out = NULL;
	if (u->meeting_id != 0 &&
	    (rc = gov_meeting_get(&req->gov, u->meeting_id, &req->arena, &m,
	                          err)))
		return rc;
	*out = json_pack("{s:s, s:o, s:s, s:o, s:o, s:o, s:o}", "date",
	                 u->on_date, "meeting",
	                 api_str(u->meeting_id ? m.key : NULL), "kind", u->kind,
	                 "text", api_str(u->text), "status", api_str(u->status),
	                 "owners_added", owner_refs_json(e, u->id, true),
	                 "owners_removed", owner_refs_json(e, u->id, false));
	return MASA_OK;
}

enum masa_err api_action(struct http_request *req, struct masa_error *err)
{
	struct gov_action act;
	struct gov_action_entry e;
	json_t *out, *updates;
	enum masa_err rc;

	if ((rc = path_action(req, &act, err)) ||
	    (rc = gov_action_entry_read(&req->gov, &req->viewer, act.id, NULL,
	                                &req->arena, &e, err)) ||
	    (rc = action_json(req, &e, &out, err)))
		return rc;
	updates = json_array();
	for (size_t i = 0; i < e.nupdates; i++) {
		json_t *one;
		if ((rc = update_json(req, &e, &e.updates[i], &one, err))) {
			json_decref(updates);
			json_decref(out);
			return rc;
		}
		json_array_append_new(updates, one);
	}
	json_object_set_new(out, "updates", updates);
	http_add_header(req, "ETag", etag(req, e.action.version));
	return http_respond_json(req, 200, out, err);
}

enum masa_err api_action_updates(struct http_request *req,
                                 struct masa_error *err)
{
	struct gov_action act;
	struct gov_action_entry e;
	struct api_page page;
	size_t from, to;
	bool more;
	json_t *data;
	enum masa_err rc;

	if ((rc = path_action(req, &act, err)) ||
	    (rc = gov_action_entry_read(&req->gov, &req->viewer, act.id, NULL,
	                                &req->arena, &e, err)))
		return rc;
	api_page_of(req, &page);
	api_page_slice(&page, e.nupdates, &from, &to, &more);
	data = json_array();
	for (size_t i = from; i < to; i++) {
		json_t *one;
		if ((rc = update_json(req, &e, &e.updates[i], &one, err))) {
			json_decref(data);
			return rc;
		}
		json_array_append_new(data, one);
	}
	return api_respond_page(req, data, more, (long)to, err);
}

static const struct api_member update_members[] = {
        {.name = "text", .type = API_STRING},
        {.name = "status", .type = API_STRING, .choices = gov_action_statuses},
        {.name = "date", .type = API_DATE},
        {.name = "version", .type = API_INTEGER},
        {.name = NULL},
};

enum masa_err api_action_update_add(struct http_request *req,
                                    struct masa_error *err)
{
	struct gov_action act;
	struct gov_action_update u = {0}, *stored = NULL;
	struct gov_action_entry e;
	char today[DATE_TEXT_SIZE];
	json_t *body = NULL, *out;
	bool may;
	enum masa_err rc;

	if ((rc = path_action(req, &act, err)) ||
	    (rc = gov_may_update_action(&req->gov, &req->viewer, act.id, &may,
	                                err)))
		return rc;
	if (!may)
		return masa_error_set(
		        err, MASA_ERR_DENIED,
		        "You may update only the actions you own, "
		        "or as a partner those of your "
		        "organisation: nothing was stored.");
	if ((rc = api_json_body(req, update_members, &body, err)))
		return rc;
	if ((rc = version_asked(req, body, &u.action_version, err)))
		goto out;
	u.action_id = act.id;
	u.text = (char *)api_json_text(body, "text");
	u.status = (char *)api_json_text(body, "status");
	date_format(date_today(), today);
	u.on_date = api_json_text(body, "date")
	                    ? (char *)api_json_text(body, "date")
	                    : today;
	if (u.text == NULL && u.status == NULL) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "text: give the update's text, a status, "
		                    "or both");
		goto out;
	}
	if ((rc = gov_begin(&req->gov, err)))
		goto out;
	rc = gov_action_update(&req->gov, &u, NULL, 0, NULL, 0, err);
	if ((rc = gov_end(&req->gov, rc, err)))
		goto out;
	/* The stored update, read back as any reader would see it. */
	if ((rc = gov_action_entry_read(&req->gov, &req->viewer, act.id, NULL,
	                                &req->arena, &e, err)))
		goto out;
	for (size_t i = 0; i < e.nupdates; i++)
		if (e.updates[i].id == u.id)
			stored = &e.updates[i];
	if (stored == NULL) {
		rc = masa_error_set(err, MASA_ERR_STORE,
		                    "the update was stored but cannot be read");
		goto out;
	}
	if ((rc = update_json(req, &e, stored, &out, err)))
		goto out;
	/* What the next update is made against. */
	json_object_set_new(out, "action_version",
	                    json_integer(e.action.version));
	http_add_header(req, "Location",
	                arena_printf(&req->arena, "/api/v1/actions/%s/updates",
	                             act.key));
	rc = http_respond_json(req, 201, out, err);
out:
	json_decref(body);
	return rc;
}

static const struct api_member raise_members[] = {
        {.name = "body", .type = API_STRING, .required = true, .max = 40},
        {.name = "meeting", .type = API_STRING, .max = 80},
        {.name = "item", .type = API_STRING, .max = 40},
        {.name = "raised_on", .type = API_DATE},
        {.name = "details", .type = API_STRING, .required = true},
        {.name = "due_date", .type = API_DATE},
        {.name = "due_meeting", .type = API_STRING, .max = 80},
        {.name = "owners", .type = API_ARRAY, .required = true},
        {.name = NULL},
};

static const struct api_member owner_members[] = {
        {.name = "person", .type = API_STRING, .max = 100},
        {.name = "organisation", .type = API_STRING, .max = 100},
        {.name = "all_members", .type = API_BOOLEAN},
        {.name = NULL},
};

enum { RAISE_OWNERS_MAX = 50 };

/* Reads owners[] of a raise request into refs. */
static enum masa_err read_owners(struct http_request *req, const json_t *list,
                                 struct gov_owner_ref *refs, size_t *n,
                                 struct masa_error *err)
{
	size_t i;
	json_t *o;

	*n = 0;
	if (json_array_size(list) == 0 ||
	    json_array_size(list) > RAISE_OWNERS_MAX)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "owners: give from 1 to %d owners",
		                      RAISE_OWNERS_MAX);
	json_array_foreach(list, i, o)
	{
		char where[64];
		const char *key;
		json_t *value;
		int given = 0;
		enum masa_err rc;

		snprintf(where, sizeof where, "owners[%zu]", i);
		if (!json_is_object(o))
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%s: must be an object such as "
			                      "{\"person\": \"jo-bloggs\"}",
			                      where);
		memset(&refs[i], 0, sizeof refs[i]);
		json_object_foreach(o, key, value)
		{
			const struct api_member *m = owner_members;
			char place[200];
			while (m->name && strcmp(m->name, key) != 0)
				m++;
			if (m->name == NULL)
				return masa_error_set(
				        err, MASA_ERR_INVALID,
				        "%s.%.60s: is not a member masa takes "
				        "here (it takes person, "
				        "organisation, all_members)",
				        where, key);
			snprintf(place, sizeof place, "%s.%s", where, key);
			if ((rc = api_json_check(value, m, place, err)))
				return rc;
			given++;
			if (strcmp(key, "person") == 0) {
				struct gov_person p;
				rc = gov_person_find(&req->gov,
				                     req->partnership->id,
				                     json_string_value(value),
				                     &req->arena, &p, err);
				if ((rc = filter_error(rc, place, err)))
					return rc;
				refs[i].person_id = p.id;
			} else if (strcmp(key, "organisation") == 0) {
				struct gov_organisation org;
				rc = gov_organisation_find(
				        &req->gov, req->partnership->id,
				        json_string_value(value), &req->arena,
				        &org, err);
				if ((rc = filter_error(rc, place, err)))
					return rc;
				refs[i].organisation_id = org.id;
			} else if (!json_is_true(value)) {
				return masa_error_set(
				        err, MASA_ERR_INVALID,
				        "%s: all_members can only be true",
				        place);
			} else {
				refs[i].all_members = true;
			}
		}
		if (given != 1)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%s: give exactly one of person, "
			                      "organisation, all_members",
			                      where);
	}
	*n = json_array_size(list);
	return MASA_OK;
}

/* The meeting named by member name of body, or 0 when it is not given. */
static enum masa_err member_meeting(struct http_request *req,
                                    const json_t *body, const char *name,
                                    int64_t *id, struct masa_error *err)
{
	const char *key = api_json_text(body, name);
	struct gov_meeting m;
	enum masa_err rc;

	*id = 0;
	if (key == NULL)
		return MASA_OK;
	rc = gov_meeting_find(&req->gov, req->partnership->id, key, &req->arena,
	                      &m, err);
	if ((rc = filter_error(rc, name, err)))
		return rc;
	*id = m.id;
	return MASA_OK;
}

enum masa_err api_action_raise(struct http_request *req, struct masa_error *err)
{
	struct gov_owner_ref owners[RAISE_OWNERS_MAX];
	struct gov_action act = {0};
	struct gov_action_entry e;
	struct gov_body b;
	size_t nowners;
	json_t *body = NULL, *out;
	enum masa_err rc;

	if (!gov_may_administer(&req->viewer, req->partnership->id))
		return masa_error_set(
		        err, MASA_ERR_DENIED,
		        "Only an admin may raise actions: nothing "
		        "was stored.");
	if ((rc = api_json_body(req, raise_members, &body, err)))
		return rc;
	rc = gov_body_find(&req->gov, req->partnership->id,
	                   api_json_text(body, "body"), &req->arena, &b, err);
	if ((rc = filter_error(rc, "body", err)) ||
	    (rc = member_meeting(req, body, "meeting", &act.meeting_id, err)) ||
	    (rc = member_meeting(req, body, "due_meeting", &act.due_meeting_id,
	                         err)) ||
	    (rc = read_owners(req, json_object_get(body, "owners"), owners,
	                      &nowners, err)))
		goto out;
	act.body_id = b.id;
	if (api_json_text(body, "item") != NULL) {
		struct gov_item it;
		if (act.meeting_id == 0) {
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "item: give the meeting it is at "
			                    "too");
			goto out;
		}
		rc = gov_item_find(&req->gov, &req->viewer, act.meeting_id,
		                   api_json_text(body, "item"), &req->arena,
		                   &it, err);
		if ((rc = filter_error(rc, "item", err)))
			goto out;
		act.item_id = it.id;
	}
	act.raised_on = (char *)api_json_text(body, "raised_on");
	act.details = (char *)api_json_text(body, "details");
	act.due_date = (char *)api_json_text(body, "due_date");
	act.status = "open";
	if (act.meeting_id == 0 && act.raised_on == NULL) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "raised_on: give the date it was raised, "
		                    "or the meeting that raised it");
		goto out;
	}
	if ((rc = gov_begin(&req->gov, err)))
		goto out;
	rc = gov_action_raise(&req->gov, &act, owners, nowners, &req->arena,
	                      err);
	if ((rc = gov_end(&req->gov, rc, err)) ||
	    (rc = gov_action_entry_read(&req->gov, &req->viewer, act.id, NULL,
	                                &req->arena, &e, err)) ||
	    (rc = action_json(req, &e, &out, err)))
		goto out;
	json_object_set_new(out, "updates", json_array());
	http_add_header(
	        req, "Location",
	        arena_printf(&req->arena, "/api/v1/actions/%s", act.key));
	rc = http_respond_json(req, 201, out, err);
out:
	json_decref(body);
	return rc;
}
