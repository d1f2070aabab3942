/*
 * reading_json: a minutes reading (reader.h) as the JSON that
 * `masa import minutes --dry-run --json` prints (docs/import.md).
 */
#include "minutes/reader.h"

static json_t *str(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *names(const char *const *v, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

static json_t *people(const struct minutes_person *p, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++) {
		json_t *o = json_pack("{s:o, s:o, s:o, s:o}", "name",
		                      str(p[i].name), "role", str(p[i].role),
		                      "job_title", str(p[i].job_title),
		                      "representing", str(p[i].representing));
		if (p[i].arrived)
			json_object_set_new(o, "arrived_at_item",
			                    json_string(p[i].arrived));
		if (p[i].left)
			json_object_set_new(o, "left_at_item",
			                    json_string(p[i].left));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *item(const struct minutes_item *it)
{
	json_t *res = json_array(), *acts = json_array();

	for (size_t i = 0; i < it->nresolutions; i++)
		json_array_append_new(
		        res, json_pack("{s:o, s:o}", "number",
		                       str(it->resolutions[i].number), "text",
		                       str(it->resolutions[i].text)));
	for (size_t i = 0; i < it->nactions; i++) {
		const struct minutes_action *a = &it->actions[i];
		json_array_append_new(
		        acts, json_pack("{s:o, s:o, s:o, s:o}", "number",
		                        str(a->number), "owners",
		                        names(a->owners, a->nowners), "text",
		                        str(a->text), "due", str(a->due)));
	}
	return json_pack("{s:o, s:o, s:o, s:o, s:b, s:o, s:o, s:o}", "number",
	                 str(it->number), "parent", str(it->parent), "title",
	                 str(it->title), "text", str(it->text), "confidential",
	                 it->confidential, "status", str(it->status),
	                 "resolutions", res, "actions", acts);
}

static json_t *log_entry(const struct minutes_log_entry *e)
{
	json_t *ups = json_array();

	for (size_t i = 0; i < e->nupdates; i++) {
		const struct minutes_update *u = &e->updates[i];
		json_t *o = json_pack("{s:o, s:o, s:o}", "date", str(u->date),
		                      "text", str(u->text), "status",
		                      str(u->status));
		if (u->carried_forward)
			json_object_set_new(o, "carried_forward", json_true());
		json_array_append_new(ups, o);
	}
	return json_pack("{s:o, s:o, s:o, s:o, s:o}", "number", str(e->number),
	                 "owners", names(e->owners, e->nowners), "text",
	                 str(e->text), "raised", str(e->raised), "updates",
	                 ups);
}

static json_t *notes(const struct minutes_note *n, size_t count, bool lines)
{
	json_t *a = json_array();

	for (size_t i = 0; i < count; i++)
		json_array_append_new(a,
		                      lines ? json_string(n[i].text)
		                            : json_pack("{s:I, s:s}", "line",
		                                        (json_int_t)n[i].line,
		                                        "note", n[i].text));
	return a;
}

json_t *minutes_reading_json(const struct minutes_reading *r)
{
	json_t *items = json_array(), *log = json_array(), *o;

	for (size_t i = 0; i < r->nitems; i++)
		json_array_append_new(items, item(&r->items[i]));
	for (size_t i = 0; i < r->naction_log; i++)
		json_array_append_new(log, log_entry(&r->action_log[i]));
	o = json_object();
	json_object_set_new(o, "body", str(r->body));
	json_object_set_new(o, "body_short", str(r->body_short));
	json_object_set_new(o, "title", str(r->title));
	json_object_set_new(o, "date", str(r->date));
	json_object_set_new(o, "start_time", str(r->start_time));
	json_object_set_new(o, "end_time", str(r->end_time));
	json_object_set_new(o, "venue", str(r->venue));
	json_object_set_new(o, "webcast_url", str(r->webcast_url));
	json_object_set_new(o, "present", people(r->present, r->npresent));
	json_object_set_new(o, "in_attendance",
	                    people(r->in_attendance, r->nin_attendance));
	json_object_set_new(o, "apologies",
	                    people(r->apologies, r->napologies));
	json_object_set_new(o, "absent", people(r->absent, r->nabsent));
	json_object_set_new(o, "items", items);
	json_object_set_new(o, "action_log_as_at", str(r->action_log_as_at));
	json_object_set_new(o, "action_log", log);
	json_object_set_new(o, "next_meeting", str(r->next_meeting));
	json_object_set_new(o, "next_meeting_time", str(r->next_meeting_time));
	json_object_set_new(o, "unsure", notes(r->unsure, r->nunsure, false));
	json_object_set_new(o, "unplaced",
	                    notes(r->unplaced, r->nunplaced, true));
	return o;
}
