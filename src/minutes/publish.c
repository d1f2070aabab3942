/*
 * publish: reads a meeting in full through the gov layer into the
 * publication model the writers format (publish_md.c, publish_html.c,
 * publish_pdf.c). Every decision about what a document says is taken here,
 * once: which items a public document leaves out, how people and actions
 * are named, which actions the minutes' text already records.
 */
#include <ctype.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>

#include "core/date.h"
#include "gov/access.h"
#include "gov/action.h"
#include "gov/body.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "minutes/publish.h"

static const char *const month_names[] = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
static const char *const day_names[] = {"Monday",   "Tuesday", "Wednesday",
                                        "Thursday", "Friday",  "Saturday",
                                        "Sunday"};

const char *publish_date_long(struct arena *a, const char *iso)
{
	date_days d;
	int y, m, dd;
	const char *suffix = "th";

	if (iso == NULL || date_parse(iso, &d, NULL) != MASA_OK)
		return NULL;
	date_to_ymd(d, &y, &m, &dd);
	if (dd % 10 == 1 && dd != 11)
		suffix = "st";
	else if (dd % 10 == 2 && dd != 12)
		suffix = "nd";
	else if (dd % 10 == 3 && dd != 13)
		suffix = "rd";
	return arena_printf(a, "%s %d%s %s %d", day_names[date_weekday(d)], dd,
	                    suffix, month_names[m - 1], y);
}

static const char *date_short(struct arena *a, const char *iso)
{
	date_days d;
	int y, m, dd;

	if (iso == NULL || date_parse(iso, &d, NULL) != MASA_OK)
		return iso ? iso : "";
	date_to_ymd(d, &y, &m, &dd);
	return arena_printf(a, "%02d.%02d.%04d", dd, m, y);
}

const char *publish_time(struct arena *a, const char *hhmm)
{
	int minutes, h, m;

	if (hhmm == NULL || time_parse(hhmm, &minutes, NULL) != MASA_OK)
		return hhmm;
	h = minutes / 60;
	m = minutes % 60;
	if (h == 12 && m == 0)
		return "12 noon";
	if (h == 0 && m == 0)
		return "midnight";
	const char *half = h < 12 ? "am" : "pm";
	int h12 = h % 12 == 0 ? 12 : h % 12;
	if (m == 0)
		return arena_printf(a, "%d%s", h12, half);
	return arena_printf(a, "%d.%02d%s", h12, m, half);
}

const char *publish_initials(struct arena *a, const char *name)
{
	size_t n = name ? strlen(name) : 0;
	char *out = arena_alloc(a, n + 1);
	size_t len = 0;
	bool start = true;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c == ' ' || c == '-' || c == '\t') {
			start = true;
			continue;
		}
		if (start && isalpha(c))
			out[len++] = (char)toupper(c);
		start = false;
	}
	out[len] = '\0';
	return out;
}

bool publish_format_parse(const char *name, enum publish_format *out)
{
	if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
		*out = PUBLISH_MARKDOWN;
	else if (strcmp(name, "html") == 0)
		*out = PUBLISH_HTML;
	else if (strcmp(name, "pdf") == 0)
		*out = PUBLISH_PDF;
	else
		return false;
	return true;
}

enum masa_err publish_markup_escape(struct buf *out, const char *text,
                                    size_t len, struct masa_error *err)
{
	size_t start = 0;
	enum masa_err rc;

	for (size_t i = 0; i < len; i++) {
		const char *entity;
		switch (text[i]) {
		case '&':
			entity = "&amp;";
			break;
		case '<':
			entity = "&lt;";
			break;
		case '>':
			entity = "&gt;";
			break;
		case '\'':
			entity = "&#39;";
			break;
		case '"':
			entity = "&quot;";
			break;
		default:
			continue;
		}
		if ((rc = buf_append(out, text + start, i - start, err)) ||
		    (rc = buf_puts(out, entity, err)))
			return rc;
		start = i + 1;
	}
	return buf_append(out, text + start, len - start, err);
}

/* "minute_taker" -> "Minute taker". */
static const char *role_label(struct arena *a, const char *role)
{
	char *s;

	if (role == NULL)
		return NULL;
	s = arena_strdup(a, role);
	for (char *p = s; *p; p++)
		if (*p == '_')
			*p = ' ';
	s[0] = (char)toupper((unsigned char)s[0]);
	return s;
}

static const char *status_label(const char *status)
{
	if (status == NULL)
		return "";
	if (strcmp(status, "open") == 0)
		return "Open";
	if (strcmp(status, "in_progress") == 0)
		return "On-going";
	if (strcmp(status, "discharged") == 0)
		return "Discharged";
	if (strcmp(status, "closed") == 0)
		return "Closed";
	if (strcmp(status, "superseded") == 0)
		return "Superseded";
	return status;
}

static const char *full_name(struct arena *a, const char *honorific,
                             const char *name)
{
	return honorific ? arena_printf(a, "%s %s", honorific, name) : name;
}

/* Everything read once, for the helpers below. */
struct reading {
	struct gov *g;
	struct arena *a;
	struct gov_person *people;
	size_t npeople;
	struct gov_organisation *orgs;
	size_t norgs;
	const struct gov_viewer *viewer; /* whom the document is for */
	struct gov_item *items;
	size_t nitems;
	bool *hidden; /* per item: left out of this document */
};

static const struct gov_person *person_of(const struct reading *r, int64_t id)
{
	for (size_t i = 0; i < r->npeople; i++)
		if (r->people[i].id == id)
			return &r->people[i];
	return NULL;
}

static const char *organisation_name(const struct reading *r, int64_t id)
{
	for (size_t i = 0; i < r->norgs; i++)
		if (r->orgs[i].id == id)
			return r->orgs[i].name;
	return NULL;
}

/* "Job title, Organisation" (the organisation only when not named). */
static const char *job_line(const struct reading *r, int64_t person_id,
                            const char *job)
{
	const struct gov_person *p = person_of(r, person_id);
	const char *org = p ? organisation_name(r, p->organisation_id) : NULL;

	if (org == NULL || (job && strstr(job, org) != NULL))
		return job;
	if (job == NULL)
		return org;
	return arena_printf(r->a, "%s, %s", job, org);
}

static const struct gov_item *item_of(const struct reading *r, int64_t id,
                                      size_t *index)
{
	for (size_t i = 0; i < r->nitems; i++)
		if (r->items[i].id == id) {
			if (index)
				*index = i;
			return &r->items[i];
		}
	return NULL;
}

/* True when the minutes record action number n on a "**Action:**" line. */
static bool minutes_record_action(const char *minutes, long n)
{
	const char *p = minutes;

	while (p && *p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		while (len > 0 && isspace((unsigned char)p[len - 1]))
			len--;
		if (len > 12 && strncmp(p, "**Action:**", 11) == 0) {
			size_t end = len;
			while (end > 0 && isdigit((unsigned char)p[end - 1]))
				end--;
			if (end < len && end >= 7 &&
			    strtol(p + end, NULL, 10) == n) {
				size_t w = end;
				while (w > 0 &&
				       isspace((unsigned char)p[w - 1]))
					w--;
				if (w >= 6 &&
				    strncasecmp(p + w - 6, "action", 6) == 0)
					return true;
			}
		}
		p = nl ? nl + 1 : NULL;
	}
	return false;
}

/* The action's owners on the log's date: names and initials. */
static void owners_of(struct arena *a, const struct gov_action_entry *e,
                      struct publish_action *out)
{
	struct buf names, initials;

	buf_init(&names, 1 << 16);
	buf_init(&initials, 1 << 16);
	for (size_t i = 0; i < e->nowners; i++) {
		const struct gov_action_owner *o = &e->owners[i];
		const char *name = o->all_members ? "All members" : o->name;
		const char *ini =
		        o->all_members ? "All"
		                       : publish_initials(a, name ? name : "");
		/* owners' names are short: the ceiling is never reached */
		buf_printf(&names, NULL, "%s%s", i ? "/" : "",
		           name ? name : "");
		buf_printf(&initials, NULL, "%s%s", i ? "/" : "", ini);
	}
	out->owners = arena_strdup(a, buf_str(&names));
	out->initials = arena_strdup(a, buf_str(&initials));
	buf_free(&names);
	buf_free(&initials);
}

static const char *updates_of(struct arena *a, const struct gov_action_entry *e)
{
	struct buf b;
	const char *s;

	if (e->nupdates == 0)
		return NULL;
	buf_init(&b, PUBLISH_MAX_BYTES);
	for (size_t i = 0; i < e->nupdates; i++) {
		const struct gov_action_update *u = &e->updates[i];
		const char *what = u->text;
		if (u->kind && strcmp(u->kind, "carried_forward") == 0 && !what)
			what = "Carried forward";
		if (what == NULL && u->status)
			what = status_label(u->status);
		if (what == NULL)
			continue;
		buf_printf(&b, NULL, "%s%s %s", b.len ? "\n" : "",
		           date_short(a, u->on_date), what);
	}
	s = b.len ? arena_strdup(a, buf_str(&b)) : NULL;
	buf_free(&b);
	return s;
}

/* One part of the appendix: the entries as the log gave them, which are
 * what the document's reader may see. */
static void read_log_part(struct reading *r, const char *title,
                          const struct gov_action_entry *entries, size_t n,
                          struct publish_log_part *out)
{
	out->title = title;
	out->actions = arena_alloc(r->a, (n ? n : 1) * sizeof *out->actions);
	out->n = 0;
	for (size_t i = 0; i < n; i++) {
		const struct gov_action_entry *e = &entries[i];
		struct publish_action *pa = &out->actions[out->n];

		pa->number = (long)e->action.number;
		pa->key = e->action.key;
		pa->details = e->action.details;
		pa->status = status_label(e->status_as_at);
		pa->update = updates_of(r->a, e);
		pa->raised = date_short(r->a, e->action.raised_on);
		pa->confidential = e->confidential;
		owners_of(r->a, e, pa);
		out->n++;
	}
}

static void add_person(struct reading *r, const struct gov_attendee *at,
                       struct publish_person **list, size_t *n)
{
	struct publish_person *p = &(*list)[(*n)++];
	const char *arrived = NULL, *left = NULL;

	p->name = full_name(r->a, at->honorific_prefix, at->person_name);
	p->role = role_label(r->a, at->role);
	p->job = job_line(r, at->a.person_id, at->job_title);
	if (at->substitute_name) {
		const struct gov_person *s = person_of(r, at->a.substitute_id);
		p->represented_by =
		        s ? full_name(r->a, s->honorific_prefix, s->name)
		          : at->substitute_name;
	}
	if (at->arrived_item)
		arrived = arena_printf(r->a, "arrived at item %s",
		                       at->arrived_item);
	if (at->left_item)
		left = arena_printf(r->a, "left during item %s", at->left_item);
	if (arrived && left)
		p->note = arena_printf(r->a, "%s, %s", arrived, left);
	else
		p->note = arrived ? arrived : left;
}

static void add_note(struct reading *r, struct publish_item *items,
                     int64_t item_id, const char *note)
{
	size_t i;
	struct publish_item *it;

	if (item_id == 0 || item_of(r, item_id, &i) == NULL || r->hidden[i])
		return;
	it = &items[i];
	const char **notes =
	        arena_alloc(r->a, (it->nnotes + 1) * sizeof *notes);
	if (it->nnotes)
		memcpy(notes, it->notes, it->nnotes * sizeof *notes);
	notes[it->nnotes++] = note;
	it->notes = notes;
}

static enum masa_err read_attendance(struct reading *r, int64_t meeting_id,
                                     struct publish_meeting *out,
                                     struct publish_item *items,
                                     struct masa_error *err)
{
	struct gov_attendee *att;
	size_t n;
	enum masa_err rc;

	if ((rc = gov_attendance_list(r->g, meeting_id, r->a, &att, &n, err)))
		return rc;
	out->present = arena_alloc(r->a, (n + 1) * sizeof *out->present);
	out->in_attendance = arena_alloc(r->a, (n + 1) * sizeof *out->present);
	out->apologies = arena_alloc(r->a, (n + 1) * sizeof *out->present);
	out->absent = arena_alloc(r->a, (n + 1) * sizeof *out->present);
	for (size_t i = 0; i < n; i++) {
		const struct gov_attendee *at = &att[i];
		const char *st = at->a.status;
		const char *who =
		        full_name(r->a, at->honorific_prefix, at->person_name);

		if (strcmp(st, "present") == 0 ||
		    strcmp(st, "represented_by") == 0)
			add_person(r, at, &out->present, &out->npresent);
		else if (strcmp(st, "in_attendance") == 0)
			add_person(r, at, &out->in_attendance,
			           &out->nin_attendance);
		else if (strcmp(st, "apologies") == 0)
			add_person(r, at, &out->apologies, &out->napologies);
		else
			add_person(r, at, &out->absent, &out->nabsent);
		if (at->a.arrived_item_id)
			add_note(r, items, at->a.arrived_item_id,
			         arena_printf(r->a,
			                      "%s arrived at the meeting at "
			                      "the start of this item.",
			                      who));
		if (at->a.left_item_id)
			add_note(r, items, at->a.left_item_id,
			         arena_printf(r->a, "%s left the meeting.",
			                      who));
	}
	return MASA_OK;
}

static enum masa_err read_items(struct reading *r, const struct gov_meeting *m,
                                struct publish_meeting *out,
                                struct publish_item **items_out,
                                struct masa_error *err)
{
	struct gov_resolution *res;
	struct gov_item_row *rows;
	size_t nres;
	struct publish_item *items;
	enum masa_err rc;

	/* What the reader may not see comes as hidden rows, without its
	 * words, and none of its resolutions (gov/access.h). */
	if ((rc = gov_item_rows(r->g, r->viewer, m->id, r->a, &rows, &r->nitems,
	                        err)) ||
	    (rc = gov_resolution_list(r->g, r->viewer, m->id, r->a, &res, &nres,
	                              err)))
		return rc;
	r->items = arena_alloc(r->a, (r->nitems + 1) * sizeof *r->items);
	r->hidden = arena_alloc(r->a, (r->nitems + 1) * sizeof *r->hidden);
	for (size_t i = 0; i < r->nitems; i++) {
		r->items[i] = rows[i].item;
		r->hidden[i] = rows[i].hidden;
	}
	items = arena_alloc(r->a, (r->nitems + 1) * sizeof *items);
	for (size_t i = 0; i < r->nitems; i++) {
		const struct gov_item *it = &r->items[i];
		struct publish_item *pi = &items[i];
		size_t parent;
		const struct gov_item *p = item_of(r, it->parent_id, &parent);

		pi->number = it->number;
		pi->title = it->title;
		/* the list puts sub-items after their parent */
		pi->depth = p ? items[parent].depth + 1 : 0;
		pi->confidential = it->confidential;
		pi->minutes = it->minutes;
		if (it->presenter_id) {
			const struct gov_person *who =
			        person_of(r, it->presenter_id);
			if (who)
				pi->presenter = full_name(
				        r->a, who->honorific_prefix, who->name);
		}
		if (strcmp(it->status, "deferred") == 0) {
			struct gov_meeting to;
			struct masa_error ignored;
			pi->deferred_to = "a later meeting";
			if (it->deferred_to_id &&
			    gov_meeting_get(r->g, it->deferred_to_id, r->a, &to,
			                    &ignored) == MASA_OK)
				pi->deferred_to =
				        publish_date_long(r->a, to.date);
		}
		pi->withdrawn = strcmp(it->status, "withdrawn") == 0;
		pi->resolutions =
		        arena_alloc(r->a, (nres + 1) * sizeof *pi->resolutions);
		for (size_t k = 0; k < nres; k++)
			if (res[k].item_id == it->id)
				pi->resolutions[pi->nresolutions++] =
				        (struct publish_resolution){
				                (long)res[k].number,
				                res[k].text};
	}
	/* keep the items the document shows, in order */
	out->items = arena_alloc(r->a, (r->nitems + 1) * sizeof *out->items);
	*items_out = items;
	return MASA_OK;
}

static enum masa_err read_next_meeting(struct reading *r,
                                       const struct gov_meeting *m,
                                       struct publish_meeting *out,
                                       struct masa_error *err)
{
	struct gov_meeting_row *rows;
	size_t n;
	date_days d;
	char from[DATE_TEXT_SIZE];
	enum masa_err rc;

	if (date_parse(m->date, &d, err) != MASA_OK)
		return MASA_ERR_INVALID;
	date_format(d + 1, from);
	if ((rc = gov_meeting_list(r->g, m->partnership_id, m->body_id, from,
	                           NULL, 8, 0, r->a, &rows, &n, err)))
		return rc;
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].m.status, "cancelled") != 0) {
			const char *when =
			        publish_date_long(r->a, rows[i].m.date);
			if (rows[i].m.start_time)
				when = arena_printf(
				        r->a, "%s at %s", when,
				        publish_time(r->a,
				                     rows[i].m.start_time));
			out->next_meeting = when;
			break;
		}
	return MASA_OK;
}

enum masa_err publish_read(struct gov *g, int64_t partnership_id,
                           const char *key, bool public_only, struct arena *a,
                           struct publish_meeting *out, struct masa_error *err)
{
	struct reading r = {.g = g, .a = a};
	struct gov_meeting m;
	struct gov_body body;
	struct gov_partnership p;
	struct gov_viewer viewer;
	struct gov_action_log log;
	struct publish_item *items;
	enum masa_err rc;

	memset(out, 0, sizeof *out);
	rc = gov_meeting_find(g, partnership_id, key, a, &m, err);
	if (rc == MASA_ERR_NOT_FOUND)
		return masa_error_set(
		        err, MASA_ERR_NOT_FOUND,
		        "no meeting \"%.60s\": give a meeting such "
		        "as RLSCB/2014-12-04 (see masa meetings)",
		        key);
	if (rc)
		return rc;
	if (public_only)
		gov_viewer_public(&viewer, partnership_id);
	else
		gov_viewer_system(&viewer, partnership_id);
	if (!gov_may_see_minutes(&viewer, &m))
		return masa_error_set(
		        err, MASA_ERR_DENIED,
		        "the minutes of %s are not published (they are %s): "
		        "publish them first, or leave out --public for the "
		        "members' copy",
		        m.key, m.minutes_status ? m.minutes_status : "draft");
	r.viewer = &viewer;
	if ((rc = gov_body_get(g, m.body_id, a, &body, err)) ||
	    (rc = gov_partnership_get(g, partnership_id, a, &p, err)) ||
	    (rc = gov_person_list(g, partnership_id, a, &r.people, &r.npeople,
	                          err)) ||
	    (rc = gov_organisation_list(g, partnership_id, a, &r.orgs, &r.norgs,
	                                err)))
		return rc;

	out->public_only = public_only;
	out->draft = m.minutes_status == NULL ||
	             strcmp(m.minutes_status, "draft") == 0;
	out->key = m.key;
	out->partnership = p.name;
	out->body = body.name;
	out->body_short = body.short_name;
	out->title = m.name && strcmp(m.name, body.name) != 0 ? m.name : NULL;
	out->date = m.date;
	out->date_long = publish_date_long(a, m.date);
	out->date_short = date_short(a, m.date);
	if (m.start_time && m.end_time)
		out->times = arena_printf(a, "%s – %s",
		                          publish_time(a, m.start_time),
		                          publish_time(a, m.end_time));
	else if (m.start_time)
		out->times = publish_time(a, m.start_time);
	out->venue = m.location;
	out->webcast = m.webcast_url;

	if ((rc = read_items(&r, &m, out, &items, err)) ||
	    (rc = read_attendance(&r, m.id, out, items, err)) ||
	    (rc = read_next_meeting(&r, &m, out, err)) ||
	    (rc = gov_action_log_as_at(g, &viewer, m.body_id, m.date, a, &log,
	                               err)))
		return rc;

	/* the appendix, as at the meeting */
	read_log_part(&r,
	              arena_printf(a, "Actions raised on %s", out->date_short),
	              log.raised, log.nraised, &out->log[0]);
	read_log_part(
	        &r, arena_printf(a, "Actions finished on %s", out->date_short),
	        log.finished, log.nfinished, &out->log[1]);
	read_log_part(
	        &r,
	        arena_printf(a, "Actions on-going as at %s", out->date_short),
	        log.ongoing, log.nongoing, &out->log[2]);
	out->nlog = 3;

	/* actions raised at this meeting, under their items */
	out->unplaced = arena_alloc(a, (log.nraised + 1) * sizeof(void *));
	for (size_t i = 0; i < out->log[0].n; i++) {
		struct publish_action *pa = &out->log[0].actions[i];
		const struct gov_action_entry *e = NULL;
		size_t index;

		for (size_t k = 0; k < log.nraised; k++)
			if (strcmp(log.raised[k].action.key, pa->key) == 0)
				e = &log.raised[k];
		if (e == NULL || e->action.meeting_id != m.id)
			continue;
		for (size_t k = 0; k < r.nitems; k++)
			if (r.items[k].minutes &&
			    minutes_record_action(r.items[k].minutes,
			                          pa->number))
				pa->minuted = true;
		if (pa->minuted)
			continue;
		if (e->action.item_id &&
		    item_of(&r, e->action.item_id, &index) != NULL) {
			struct publish_item *it = &items[index];
			struct publish_action **list = arena_alloc(
			        a, (it->nactions + 1) * sizeof *list);
			if (it->nactions)
				memcpy(list, it->actions,
				       it->nactions * sizeof *list);
			list[it->nactions++] = pa;
			it->actions = list;
		} else {
			out->unplaced[out->nunplaced++] = pa;
		}
	}

	for (size_t i = 0; i < r.nitems; i++)
		if (!r.hidden[i])
			out->items[out->nitems++] = items[i];
	return MASA_OK;
}
