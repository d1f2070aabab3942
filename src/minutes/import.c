/*
 * import: stores a minutes reading as a meeting (see import.h), all in one
 * transaction through the gov layer, so that a reading the domain refuses
 * leaves the database as it was.
 *
 * People are matched by name to the partnership's people: the whole name
 * (letter case aside), or a surname alone ("Beaumont" for Cllr Beaumont)
 * when exactly one person has it; anyone else is created. Actions in the
 * items are raised at the meeting with their printed numbers; an appended
 * log's earlier actions are raised at the meeting they came from when it
 * is in masa (and not there already), else standing alone on the day they
 * were raised, and their updates become their history.
 *
 * Importing twice: a meeting of the body on the date that already holds
 * the same items is "already imported" and nothing changes; one holding
 * other items is a conflict.
 */
#include "minutes/import.h"

#include "gov/access.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "core/text.h"
#include "gov/action.h"
#include "gov/body.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/partnership.h"

struct importer {
	struct gov *g;
	int64_t partnership_id;
	struct gov_viewer masa; /* the import sees the whole partnership */
	const struct minutes_reading *r;
	struct arena *a;
	struct minutes_import_result *out;
	struct gov_person *people;
	size_t npeople, cap;
	struct gov_body body;
	struct gov_meeting meeting;
	int64_t *item_ids; /* by reading item index */
};

static const char *last_word(const char *s)
{
	const char *sp = strrchr(s, ' ');
	return sp ? sp + 1 : s;
}

/* The person named name: matched, or created. */
static enum masa_err person_for(struct importer *im, const char *name,
                                const char *job_title, int64_t *id,
                                struct masa_error *err)
{
	struct gov_person p = {0};
	size_t surname_matches = 0, found = 0;
	enum masa_err rc;
	bool one_word = strchr(name, ' ') == NULL;

	for (size_t i = 0; i < im->npeople; i++)
		if (strcasecmp(im->people[i].name, name) == 0) {
			*id = im->people[i].id;
			return MASA_OK;
		}
	for (size_t i = 0; i < im->npeople; i++) {
		const char *theirs = im->people[i].name;
		if (one_word ? strcasecmp(last_word(theirs), name) == 0
		             : false) {
			surname_matches++;
			found = i;
		}
	}
	if (surname_matches == 1) {
		*id = im->people[found].id;
		return MASA_OK;
	}
	p.partnership_id = im->partnership_id;
	p.name = (char *)name;
	p.job_title = (char *)job_title;
	{
		char *base = text_slugify(im->a, name);
		char *key = base;
		for (int n = 2;; n++) {
			bool taken = false;
			for (size_t i = 0; i < im->npeople && !taken; i++)
				taken = strcmp(im->people[i].key, key) == 0;
			if (!taken)
				break;
			key = arena_printf(im->a, "%s-%d", base, n);
		}
		p.key = key;
	}
	if ((rc = gov_person_create(im->g, &p, err)) != MASA_OK) {
		masa_error_prefix(err, "person \"%s\"", name);
		return rc;
	}
	if (im->npeople == im->cap) {
		size_t cap = im->cap ? im->cap * 2 : 16;
		struct gov_person *bigger =
		        arena_alloc(im->a, cap * sizeof *bigger);
		memcpy(bigger, im->people, im->npeople * sizeof *bigger);
		im->people = bigger;
		im->cap = cap;
	}
	im->people[im->npeople++] = p;
	im->out->people_created++;
	*id = p.id;
	return MASA_OK;
}

static bool looks_like_person(const char *s)
{
	size_t words = 0;
	bool start = true;

	for (const char *p = s; *p; p++) {
		if (*p == ' ') {
			start = true;
		} else if (start) {
			if (!isupper((unsigned char)*p))
				return false;
			words++;
			start = false;
		}
	}
	return words >= 2 && words <= 3;
}

static enum masa_err find_body(struct importer *im, const char *short_name,
                               struct masa_error *err)
{
	struct gov_body *bodies;
	size_t n;
	enum masa_err rc;
	const struct minutes_reading *r = im->r;

	if (short_name != NULL)
		return gov_body_find(im->g, im->partnership_id, short_name,
		                     im->a, &im->body, err);
	if ((rc = gov_body_list(im->g, im->partnership_id, im->a, &bodies, &n,
	                        err)) != MASA_OK)
		return rc;
	for (size_t i = 0; i < n; i++)
		if ((r->body_short &&
		     strcasecmp(bodies[i].short_name, r->body_short) == 0) ||
		    (r->body && strcasecmp(bodies[i].name, r->body) == 0) ||
		    (r->body &&
		     strcasecmp(bodies[i].short_name, r->body) == 0)) {
			im->body = bodies[i];
			return MASA_OK;
		}
	if (r->body == NULL)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "the minutes do not name their body: "
		                      "give --body SHORT");
	return masa_error_set(err, MASA_ERR_NOT_FOUND,
	                      "the minutes are of \"%s\", which is no body of "
	                      "the partnership: give --body SHORT, or add the "
	                      "body first",
	                      r->body);
}

/* Does the meeting already hold exactly the reading's items? */
static enum masa_err same_meeting(struct importer *im, bool *same, bool *empty,
                                  struct masa_error *err)
{
	struct gov_item *items;
	size_t n;
	enum masa_err rc;

	if ((rc = gov_item_list(im->g, &im->masa, im->meeting.id, im->a, &items,
	                        &n, err)) != MASA_OK)
		return rc;
	*empty = n == 0;
	*same = n == im->r->nitems && n > 0;
	for (size_t i = 0; *same && i < n; i++)
		*same = strcmp(items[i].number, im->r->items[i].number) == 0;
	return MASA_OK;
}

static int64_t number_of(const char *s, int64_t fallback)
{
	char *end;
	long v;

	if (s == NULL)
		return fallback;
	if (s[0] >= 'a' && s[0] <= 'z' && s[1] == '\0')
		return s[0] - 'a' + 1;
	v = strtol(s, &end, 10);
	return end != s && *end == '\0' && v > 0 && v < 100000 ? v : fallback;
}

static int64_t item_id_of(struct importer *im, const char *number)
{
	if (number == NULL)
		return 0;
	for (size_t i = 0; i < im->r->nitems; i++)
		if (strcmp(im->r->items[i].number, number) == 0)
			return im->item_ids[i];
	return 0;
}

static enum masa_err items(struct importer *im, struct masa_error *err)
{
	const struct minutes_reading *r = im->r;
	enum masa_err rc;

	im->item_ids = arena_alloc(im->a, (r->nitems + 1) * sizeof(int64_t));
	for (size_t i = 0; i < r->nitems; i++) {
		const struct minutes_item *mi = &r->items[i];
		struct gov_item it = {0};
		it.meeting_id = im->meeting.id;
		it.parent_id = item_id_of(im, mi->parent);
		it.number = (char *)mi->number;
		it.title = (char *)(mi->title && mi->title[0]
		                            ? mi->title
		                            : arena_printf(im->a, "Item %s",
		                                           mi->number));
		it.confidential = mi->confidential;
		it.status = (char *)mi->status;
		it.minutes = mi->text && mi->text[0] ? (char *)mi->text : NULL;
		if ((rc = gov_item_create(im->g, &it, err)) != MASA_OK) {
			masa_error_prefix(err, "item %s", mi->number);
			return rc;
		}
		im->item_ids[i] = it.id;
		im->out->items++;
		for (size_t k = 0; k < mi->nresolutions; k++) {
			struct gov_resolution res = {0};
			res.item_id = it.id;
			res.number = number_of(mi->resolutions[k].number,
			                       (int64_t)k + 1);
			res.text = (char *)mi->resolutions[k].text;
			if ((rc = gov_resolution_create(im->g, &res, err)) !=
			    MASA_OK) {
				masa_error_prefix(err, "item %s resolution",
				                  mi->number);
				return rc;
			}
			im->out->resolutions++;
		}
	}
	return MASA_OK;
}

static enum masa_err attendance(struct importer *im, struct masa_error *err)
{
	const struct minutes_reading *r = im->r;
	const struct {
		const struct minutes_person *list;
		size_t n;
		const char *status;
	} lists[] = {
	        {r->present, r->npresent, "present"},
	        {r->in_attendance, r->nin_attendance, "in_attendance"},
	        {r->apologies, r->napologies, "apologies"},
	        {r->absent, r->nabsent, "absent"},
	};
	int64_t *seen = arena_alloc(im->a, (r->npresent + r->nin_attendance +
	                                    r->napologies + r->nabsent + 1) *
	                                           sizeof *seen * 2);
	size_t nseen = 0;
	enum masa_err rc;

	for (size_t l = 0; l < 4; l++)
		for (size_t i = 0; i < lists[l].n; i++) {
			const struct minutes_person *mp = &lists[l].list[i];
			struct gov_attendance at = {0};
			int64_t id, sub = 0;
			bool dup = false;
			if ((rc = person_for(im, mp->name, mp->job_title, &id,
			                     err)) != MASA_OK)
				return rc;
			at.status = (char *)lists[l].status;
			if (mp->representing && l == 0 &&
			    looks_like_person(mp->representing)) {
				sub = id;
				if ((rc = person_for(im, mp->representing, NULL,
				                     &id, err)) != MASA_OK)
					return rc;
				at.status = "represented_by";
				at.substitute_id = sub;
			}
			for (size_t k = 0; k < nseen; k++)
				dup |= seen[k] == id || (sub && seen[k] == sub);
			if (dup)
				continue;
			seen[nseen++] = id;
			if (sub)
				seen[nseen++] = sub;
			at.meeting_id = im->meeting.id;
			at.person_id = id;
			at.arrived_item_id = item_id_of(im, mp->arrived);
			at.left_item_id = item_id_of(im, mp->left);
			if ((rc = gov_attendance_record(im->g, &at, err)) !=
			    MASA_OK) {
				masa_error_prefix(err, "attendance of %s",
				                  mp->name);
				return rc;
			}
			im->out->attendance++;
		}
	return MASA_OK;
}

static enum masa_err owners_for(struct importer *im, const char *const *names,
                                size_t n, struct gov_owner_ref **out,
                                size_t *nout, struct masa_error *err)
{
	enum masa_err rc;

	*out = arena_alloc(im->a, (n ? n : 1) * sizeof **out);
	*nout = 0;
	for (size_t i = 0; i < n; i++) {
		struct gov_owner_ref o = {0};
		bool dup = false;
		if (strcasecmp(names[i], "All members") == 0) {
			o.all_members = true;
		} else if ((rc = person_for(im, names[i], NULL, &o.person_id,
		                            err)) != MASA_OK) {
			return rc;
		}
		for (size_t k = 0; k < *nout; k++)
			dup |= (*out)[k].person_id == o.person_id &&
			       (*out)[k].all_members == o.all_members;
		if (!dup)
			(*out)[(*nout)++] = o;
	}
	if (*nout == 0)
		(*out)[(*nout)++] = (struct gov_owner_ref){.all_members = true};
	return MASA_OK;
}

static enum masa_err actions(struct importer *im, struct masa_error *err)
{
	const struct minutes_reading *r = im->r;
	enum masa_err rc;

	for (size_t i = 0; i < r->nitems; i++)
		for (size_t k = 0; k < r->items[i].nactions; k++) {
			const struct minutes_action *ma =
			        &r->items[i].actions[k];
			struct gov_action act = {0};
			struct gov_owner_ref *owners;
			size_t nowners;
			struct gov_action existing;
			struct masa_error ignore;
			int64_t number = number_of(ma->number, 0);
			if ((rc = owners_for(im, ma->owners, ma->nowners,
			                     &owners, &nowners, err)) !=
			    MASA_OK)
				return rc;
			/* a number printed twice: the second gets the next */
			if (number > 0 &&
			    gov_action_find(im->g, &im->masa,
			                    arena_printf(im->a, "%s/%lld",
			                                 im->meeting.key,
			                                 (long long)number),
			                    im->a, &existing,
			                    &ignore) == MASA_OK)
				number = 0;
			act.body_id = im->body.id;
			act.meeting_id = im->meeting.id;
			act.item_id = im->item_ids[i];
			act.number = number;
			act.details = (char *)(ma->text && ma->text[0]
			                               ? ma->text
			                               : "(no details in the "
			                                 "minutes)");
			act.due_date = (char *)ma->due;
			if (act.due_date && strlen(act.due_date) != 10)
				act.due_date = NULL;
			if ((rc = gov_action_raise(im->g, &act, owners, nowners,
			                           im->a, err)) != MASA_OK) {
				masa_error_prefix(err, "item %s action %s",
				                  r->items[i].number,
				                  ma->number ? ma->number : "");
				return rc;
			}
			im->out->actions++;
		}
	return MASA_OK;
}

/* An earlier action from the appended log, with its history. */
static enum masa_err log_entry(struct importer *im,
                               const struct minutes_log_entry *e,
                               struct masa_error *err)
{
	struct gov_action act = {0};
	struct gov_owner_ref *owners;
	size_t nowners;
	struct gov_meeting from;
	struct masa_error ignore;
	enum masa_err rc;
	const char *raised = e->raised;

	if (raised == NULL) /* the log does not say: its first update's day */
		for (size_t u = 0; u < e->nupdates && !raised; u++)
			raised = e->updates[u].date;
	if (raised == NULL || strcmp(raised, im->meeting.date) >= 0) {
		/* raised before the meeting whose log carries it, we know
		 * not when: the day before */
		date_days day;
		char text[DATE_TEXT_SIZE];
		if (date_parse(im->meeting.date, &day, NULL) == MASA_OK) {
			date_format(day - 1, text);
			raised = arena_strdup(im->a, text);
		} else {
			raised = im->meeting.date;
		}
	}
	if (e->raised != NULL && e->number != NULL &&
	    gov_meeting_find(im->g, im->partnership_id,
	                     arena_printf(im->a, "%s/%s", im->body.short_name,
	                                  e->raised),
	                     im->a, &from, &ignore) == MASA_OK) {
		struct gov_action existing;
		if (gov_action_find(
		            im->g, &im->masa,
		            arena_printf(im->a, "%s/%s", from.key, e->number),
		            im->a, &existing, &ignore) == MASA_OK)
			return MASA_OK; /* already in masa */
		act.meeting_id = from.id;
		act.number = number_of(e->number, 0);
	} else {
		act.raised_on = (char *)raised;
	}
	if ((rc = owners_for(im, e->owners, e->nowners, &owners, &nowners,
	                     err)) != MASA_OK)
		return rc;
	act.body_id = im->body.id;
	act.details = (char *)(e->text && e->text[0] ? e->text
	                                             : "(no details in the "
	                                               "log)");
	if ((rc = gov_action_raise(im->g, &act, owners, nowners, im->a, err)) !=
	    MASA_OK)
		goto fail;
	im->out->log_actions++;
	for (size_t u = 0; u < e->nupdates; u++) {
		const struct minutes_update *mu = &e->updates[u];
		struct gov_action_update up = {0};
		up.action_id = act.id;
		up.on_date = (char *)(mu->date ? mu->date : im->meeting.date);
		if (strcmp(up.on_date, act.raised_on) < 0)
			up.on_date = act.raised_on;
		if (strcmp(up.on_date, im->meeting.date) == 0)
			up.meeting_id = im->meeting.id;
		up.kind = mu->carried_forward ? "carried_forward" : NULL;
		up.text = (char *)mu->text;
		up.status = (char *)mu->status;
		if ((rc = gov_action_update(im->g, &up, NULL, 0, NULL, 0,
		                            err)) != MASA_OK)
			goto fail;
		im->out->updates++;
	}
	return MASA_OK;
fail:
	masa_error_prefix(err, "action log entry %s",
	                  e->number ? e->number : "");
	return rc;
}

enum masa_err minutes_import(struct gov *g, int64_t partnership_id,
                             const struct minutes_reading *r,
                             const char *body_short, struct arena *a,
                             struct minutes_import_result *out,
                             struct masa_error *err)
{
	struct importer im = {0};
	struct masa_error ignore;
	enum masa_err rc;
	bool same = false, empty = false;

	memset(out, 0, sizeof *out);
	im.g = g;
	im.partnership_id = partnership_id;
	gov_viewer_system(&im.masa, partnership_id);
	im.r = r;
	im.a = a;
	im.out = out;
	if (r->date == NULL)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "no meeting date found in the minutes: "
		                      "nothing imported (see --dry-run)");
	if ((rc = gov_begin(g, err)) != MASA_OK)
		return rc;
	if ((rc = find_body(&im, body_short, err)) != MASA_OK)
		goto out;
	if ((rc = gov_person_list(g, partnership_id, a, &im.people, &im.npeople,
	                          err)) != MASA_OK)
		goto out;
	im.cap = im.npeople;
	out->meeting_key =
	        arena_printf(a, "%s/%s", im.body.short_name, r->date);
	if (gov_meeting_find(g, partnership_id, out->meeting_key, a,
	                     &im.meeting, &ignore) == MASA_OK) {
		if ((rc = same_meeting(&im, &same, &empty, err)) != MASA_OK)
			goto out;
		if (same) {
			out->already = true;
			goto out;
		}
		if (!empty) {
			rc = masa_error_set(err, MASA_ERR_CONFLICT,
			                    "meeting %s already holds other "
			                    "items: nothing imported",
			                    out->meeting_key);
			goto out;
		}
	} else {
		im.meeting.body_id = im.body.id;
		im.meeting.key = (char *)out->meeting_key;
		im.meeting.name = (char *)r->title;
		im.meeting.date = (char *)r->date;
		im.meeting.start_time = (char *)r->start_time;
		im.meeting.end_time = (char *)r->end_time;
		im.meeting.location = (char *)r->venue;
		im.meeting.webcast_url = (char *)r->webcast_url;
		im.meeting.status = "held";
		if ((rc = gov_meeting_create(g, &im.meeting, err)) != MASA_OK)
			goto out;
	}
	if ((rc = items(&im, err)) != MASA_OK ||
	    (rc = attendance(&im, err)) != MASA_OK ||
	    (rc = actions(&im, err)) != MASA_OK)
		goto out;
	for (size_t i = 0; i < r->naction_log; i++)
		if ((rc = log_entry(&im, &r->action_log[i], err)) != MASA_OK)
			goto out;
out:
	if (out->already && rc == MASA_OK) {
		gov_rollback(g);
		return MASA_OK;
	}
	return gov_end(g, rc, err);
}
