/*
 * circulate: e-mailing a meeting's packs, papers and draft minutes, and the
 * record of it (see circulate.h for the rules).
 */
#include "gov/circulate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/date.h"
#include "gov/body.h"
#include "gov/check.h"
#include "gov/item.h"
#include "gov/paper.h"
#include "gov/partnership.h"
#include "gov/remind.h"

const char *const gov_circulate_what_names[] = {
        [GOV_CIRCULATE_PACK] = "pack",
        [GOV_CIRCULATE_PART_TWO_PACK] = "part_two_pack",
        [GOV_CIRCULATE_PAPER] = "paper",
        [GOV_CIRCULATE_MINUTES] = "minutes",
        NULL,
};

static char *full_name(struct arena *a, const char *honorific, const char *name)
{
	return honorific && honorific[0]
	               ? arena_printf(a, "%s %s", honorific, name)
	               : arena_strdup(a, name);
}

/* People */

static int by_name(const void *x, const void *y)
{
	const struct gov_circulate_person *p = x, *q = y;

	return strcmp(p->plain_name, q->plain_name);
}

enum masa_err gov_circulate_people(struct gov *g, int64_t partnership_id,
                                   int64_t meeting_id, struct arena *a,
                                   struct gov_circulate_person **out, size_t *n,
                                   struct masa_error *err)
{
	struct gov_meeting m;
	struct gov_member *members;
	struct gov_person *people;
	struct gov_circulate_person *list;
	size_t nmembers, npeople, k = 0, nfirst;
	enum masa_err rc;

	*out = NULL;
	*n = 0;
	if ((rc = gov_meeting_get(g, meeting_id, a, &m, err)))
		return rc;
	if (m.partnership_id != partnership_id)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "meeting: no meeting %lld here",
		                      (long long)meeting_id);
	if ((rc = gov_members_on(g, m.body_id, m.date, a, &members, &nmembers,
	                         err)) ||
	    (rc = gov_person_list(g, partnership_id, a, &people, &npeople,
	                          err)))
		return rc;
	list = arena_alloc(a, (npeople + 1) * sizeof *list);
	/* Members first, in gov_members_on's order, each once. */
	for (size_t i = 0; i < nmembers; i++) {
		int64_t id = members[i].m.person_id;
		bool seen = false;
		for (size_t j = 0; j < k && !seen; j++)
			seen = list[j].id == id;
		for (size_t j = 0; j < npeople && !seen; j++) {
			if (people[j].id != id)
				continue;
			list[k++] = (struct gov_circulate_person){
			        .id = id,
			        .key = people[j].key,
			        .name = full_name(a, people[j].honorific_prefix,
			                          people[j].name),
			        .email = people[j].email && people[j].email[0]
			                         ? people[j].email
			                         : NULL,
			        .member = true,
			};
			seen = true;
		}
	}
	nfirst = k;
	for (size_t j = 0; j < npeople; j++) {
		bool member = false;
		for (size_t i = 0; i < nfirst && !member; i++)
			member = list[i].id == people[j].id;
		if (member)
			continue;
		list[k++] = (struct gov_circulate_person){
		        .id = people[j].id,
		        .key = people[j].key,
		        .name = full_name(a, people[j].honorific_prefix,
		                          people[j].name),
		        .plain_name = people[j].name,
		        .email = people[j].email && people[j].email[0]
		                         ? people[j].email
		                         : NULL,
		};
	}
	qsort(list + nfirst, k - nfirst, sizeof *list, by_name);
	*out = list;
	*n = k;
	return MASA_OK;
}

/* The record */

#define ROW_COLUMNS                                                           \
	"c.id, c.person_id, p.name, p.honorific_prefix, p.key, c.email, "     \
	"EXISTS (SELECT 1 FROM membership ms WHERE ms.body_id = m.body_id "   \
	"AND ms.person_id = c.person_id AND COALESCE(ms.start_date, "         \
	"'0000-01-01') <= m.date AND COALESCE(ms.end_date, '9999-12-31') >= " \
	"m.date), c.what, c.paper_id, pa.title, it.number, "                  \
	"COALESCE(it.confidential, 0), c.sent_on, c.sent_at, c.how, "         \
	"c.reason, "                                                          \
	"c.meeting_id "
#define ROW_FROM                                                    \
	"FROM circulation c JOIN meeting m ON m.id = c.meeting_id " \
	"JOIN person p ON p.id = c.person_id "                      \
	"LEFT JOIN paper pa ON pa.id = c.paper_id "                 \
	"LEFT JOIN item it ON it.id = pa.item_id "
/* Who sees the row: its paper's circulation, and part two's pack only for
 * who sees part two. */
#define ROW_SEEN                            \
	GOV_SQL_SEES_CIRCULATION("it", "m") \
	" AND (c.what <> 'part_two_pack' OR " GOV_SQL_SEES_PART_TWO("m") ")"

static const char SQL_RECORD[] =
        "SELECT " ROW_COLUMNS ROW_FROM
        "WHERE c.meeting_id = ?1 AND c.document_id IS NULL AND (?2 = 0 OR "
        "c.paper_id = ?2) AND " ROW_SEEN
        " ORDER BY c.sent_on DESC, c.what, COALESCE(c.paper_id, 0), p.name, "
        "c.id";
static const char SQL_ROW[] = "SELECT " ROW_COLUMNS ROW_FROM
                              "WHERE c.id = ?1 AND c.document_id IS NULL "
                              "AND " ROW_SEEN;

static char *column_dup(struct store_stmt *st, int c, struct arena *a)
{
	const char *t = store_column_text(st, c);

	return t ? arena_strdup(a, t) : NULL;
}

static void read_row(struct store_stmt *st, struct arena *a,
                     struct gov_circulation_row *r)
{
	const char *what = store_column_text(st, 7);

	r->id = store_column_int(st, 0);
	r->person_id = store_column_int(st, 1);
	r->person_name = full_name(a, store_column_text(st, 3),
	                           store_column_text(st, 2));
	r->person_key = column_dup(st, 4, a);
	r->email = column_dup(st, 5, a);
	r->member = store_column_int(st, 6) != 0;
	r->what = "paper";
	for (size_t i = 0; gov_circulate_what_names[i]; i++)
		if (what && strcmp(what, gov_circulate_what_names[i]) == 0)
			r->what = gov_circulate_what_names[i];
	r->paper_id = store_column_int(st, 8);
	r->paper_title = column_dup(st, 9, a);
	r->item_number = column_dup(st, 10, a);
	r->part_two = store_column_int(st, 11) != 0 ||
	              strcmp(r->what, "part_two_pack") == 0;
	r->sent_on = column_dup(st, 12, a);
	r->sent_at = column_dup(st, 13, a);
	r->how = column_dup(st, 14, a);
	r->reason = column_dup(st, 15, a);
	r->meeting_id = store_column_int(st, 16);
}

enum masa_err gov_circulation_record(struct gov *g, const struct gov_viewer *v,
                                     int64_t meeting_id, int64_t paper_id,
                                     struct arena *a,
                                     struct gov_circulation_row **out,
                                     size_t *n, struct masa_error *err)
{
	struct store_stmt *st;
	struct gov_circulation_row *list = NULL;
	size_t cap = 0;
	bool row;
	enum masa_err rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_prepare(g->store, SQL_RECORD, &st, err)))
		return rc;
	store_bind_int(st, 1, meeting_id);
	store_bind_int(st, 2, paper_id);
	gov_viewer_bind(st, v);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		if (*n == cap) {
			struct gov_circulation_row *bigger;
			cap = cap ? cap * 2 : 16;
			bigger = arena_alloc(a, cap * sizeof *bigger);
			if (*n > 0)
				memcpy(bigger, list, *n * sizeof *list);
			list = bigger;
		}
		read_row(st, a, &list[(*n)++]);
	}
	store_done(st);
	*out = list;
	return rc;
}

enum masa_err gov_circulation_row_get(struct gov *g, const struct gov_viewer *v,
                                      int64_t id, struct arena *a,
                                      struct gov_circulation_row *out,
                                      struct masa_error *err)
{
	struct store_stmt *st;
	bool row = false;
	enum masa_err rc;

	if ((rc = store_prepare(g->store, SQL_ROW, &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	gov_viewer_bind(st, v);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		read_row(st, a, out);
	store_done(st);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "circulation: no record %lld",
		                    (long long)id);
	return rc;
}

/* Planning */

static const char SQL_HAS_PART_TWO[] =
        "SELECT COUNT(*) FROM item WHERE meeting_id = ?1 AND confidential = 1";

/* Whether meeting_id has a part-two item. */
static enum masa_err has_part_two(struct gov *g, int64_t meeting_id, bool *yes,
                                  struct masa_error *err)
{
	struct store_stmt *st;
	bool row = false;
	enum masa_err rc;

	*yes = false;
	if ((rc = store_prepare(g->store, SQL_HAS_PART_TWO, &st, err)))
		return rc;
	store_bind_int(st, 1, meeting_id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		*yes = store_column_int(st, 0) > 0;
	store_done(st);
	return rc;
}

/* What the thing is, its link and any attachment, into plan. */
static enum masa_err plan_thing(struct gov *g, int64_t partnership_id,
                                const struct gov_circulate_ask *ask,
                                struct arena *a, struct gov_circulate_plan *p,
                                struct masa_error *err)
{
	const char *site = ask->site_url, *key = p->meeting.key;
	struct gov_viewer system;
	struct gov_paper paper;
	struct gov_paper_version v;
	bool part_two = false;
	enum masa_err rc;

	switch (ask->what) {
	case GOV_CIRCULATE_PACK:
		p->described = "the agenda pack";
		p->link = arena_printf(a, "%s" GOV_CIRCULATE_PACK_PATH, site,
		                       key);
		return MASA_OK;
	case GOV_CIRCULATE_PART_TWO_PACK:
		if ((rc = has_part_two(g, p->meeting.id, &part_two, err)))
			return rc;
		if (!part_two)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "what to send: %s has no part two "
			        "on its agenda",
			        key);
		p->part_two = true;
		p->described = "the confidential (part two) papers";
		p->link = arena_printf(a,
		                       "%s/sign-in?next="
		                       "/meetings/%s%%23papers",
		                       site, key);
		return MASA_OK;
	case GOV_CIRCULATE_MINUTES:
		/* A draft, behind signing in: never a copy (circulate.h). */
		p->described = "the draft minutes";
		p->link = arena_printf(a, "%s/sign-in?next=/meetings/%s", site,
		                       key);
		return MASA_OK;
	case GOV_CIRCULATE_PAPER:
		break;
	default:
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "what to send: the agenda pack, the "
		                      "part-two pack, a paper or the minutes");
	}
	gov_viewer_system(&system, partnership_id);
	rc = gov_paper_get(g, &system, ask->paper_id, a, &paper, err);
	if (rc == MASA_OK && paper.meeting_id != p->meeting.id)
		rc = MASA_ERR_NOT_FOUND;
	if (rc == MASA_ERR_NOT_FOUND)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "paper: the meeting %s has no paper %lld",
		                      key, (long long)ask->paper_id);
	if (rc != MASA_OK)
		return rc;
	p->paper_id = paper.id;
	p->part_two = paper.confidential;
	if (paper.confidential) {
		p->described =
		        paper.item_number
		                ? arena_printf(a,
		                               "a confidential paper for item "
		                               "%s",
		                               paper.item_number)
		                : "a confidential paper";
		p->link = arena_printf(a, "%s/sign-in?next=/papers/%lld", site,
		                       (long long)paper.id);
		return MASA_OK;
	}
	p->described =
	        paper.item_number
	                ? arena_printf(a, "the paper \"%s\" (item %s)",
	                               paper.title, paper.item_number)
	                : arena_printf(a, "the paper \"%s\"", paper.title);
	p->link = arena_printf(a, "%s/papers/%lld", site, (long long)paper.id);
	if (paper.current.size > GOV_CIRCULATE_ATTACH_MAX)
		return MASA_OK;
	rc = gov_paper_file(g, &system, paper.id, 0, a, &v, &p->bytes, err);
	if (rc == MASA_OK) {
		p->size = (size_t)v.size;
		p->file_name = v.file_name;
		p->media_type = v.media_type;
	}
	return rc;
}

static const char SQL_SENT_THAT_DAY[] =
        "SELECT how, sent_at FROM circulation WHERE meeting_id = ?1 AND "
        "what = ?2 AND COALESCE(paper_id, 0) = ?3 AND person_id = ?4 AND "
        "sent_on = ?5 AND document_id IS NULL";

/* The row of plan's thing for person on plan->on: *how NULL for none. */
static enum masa_err row_that_day(struct gov *g,
                                  const struct gov_circulate_plan *p,
                                  int64_t person, struct arena *a, char **how,
                                  char **sent_at, struct masa_error *err)
{
	struct store_stmt *st;
	bool row = false;
	enum masa_err rc;

	*how = *sent_at = NULL;
	if ((rc = store_prepare(g->store, SQL_SENT_THAT_DAY, &st, err)))
		return rc;
	store_bind_int(st, 1, p->meeting.id);
	store_bind_text(st, 2, gov_circulate_what_names[p->what]);
	store_bind_int(st, 3, p->paper_id);
	store_bind_int(st, 4, person);
	store_bind_text(st, 5, p->on);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row) {
		*how = column_dup(st, 0, a);
		*sent_at = column_dup(st, 1, a);
	}
	store_done(st);
	return rc;
}

/* "Ms Sue Cassin, Sarah Whittle and 3 others" */
static const char *names_text(struct arena *a, const char *const *names,
                              size_t n)
{
	const char *s = "";

	for (size_t i = 0; i < n && i < 5; i++)
		s = arena_printf(a, "%s%s%s", s,
		                 i == 0       ? ""
		                 : i + 1 == n ? " and "
		                              : ", ",
		                 names[i]);
	if (n > 5)
		s = arena_printf(a, "%s and %zu more", s, n - 5);
	return s;
}

enum masa_err gov_circulate_plan(struct gov *g, int64_t partnership_id,
                                 const struct gov_circulate_ask *ask,
                                 struct arena *a,
                                 struct gov_circulate_plan *out,
                                 struct masa_error *err)
{
	struct gov_circulate_person *people;
	struct gov_body body;
	const char **outsiders;
	size_t npeople, noutsiders = 0;
	char today[DATE_TEXT_SIZE];
	enum masa_err rc;

	memset(out, 0, sizeof *out);
	if ((rc = gov_site_url_check(ask->site_url, err)))
		return rc;
	if (ask->on == NULL)
		date_format(date_today(), today);
	if ((rc = check_date("date sent", ask->on ? ask->on : today, false,
	                     err)))
		return rc;
	snprintf(out->on, sizeof out->on, "%s", ask->on ? ask->on : today);
	if ((rc = gov_circulate_people(g, partnership_id, ask->meeting_id, a,
	                               &people, &npeople, err)) ||
	    (rc = gov_meeting_get(g, ask->meeting_id, a, &out->meeting, err)) ||
	    (rc = gov_body_get(g, out->meeting.body_id, a, &body, err)))
		return rc;
	out->body_short_name = body.short_name;
	out->body_name = body.name;
	out->what = ask->what;
	out->again = ask->again;
	if ((rc = plan_thing(g, partnership_id, ask, a, out, err)))
		return rc;

	out->to = arena_alloc(a, (npeople + 1) * sizeof *out->to);
	outsiders = arena_alloc(a, (ask->npeople + 1) * sizeof *outsiders);
	for (size_t i = 0; i < npeople; i++) {
		const struct gov_circulate_person *pe = &people[i];
		bool asked = ask->people == NULL && pe->member;
		for (size_t j = 0; j < ask->npeople && !asked; j++)
			asked = ask->people[j] == pe->id;
		if (!asked)
			continue;
		if (out->part_two && !pe->member) {
			outsiders[noutsiders++] = pe->name;
			continue;
		}
		out->to[out->nto++] = (struct gov_circulate_recipient){
		        .person_id = pe->id,
		        .name = pe->name,
		        .email = pe->email,
		        .member = pe->member,
		        .how = out->bytes ? GOV_CIRCULATE_ATTACHED
		                          : GOV_CIRCULATE_LINK,
		};
	}
	/* Every person asked for is one of the partnership's. */
	for (size_t j = 0; j < ask->npeople; j++) {
		bool found = false;
		for (size_t i = 0; i < npeople && !found; i++)
			found = people[i].id == ask->people[j];
		if (!found)
			return masa_error_set(err, MASA_ERR_NOT_FOUND,
			                      "to: no person %lld in this "
			                      "partnership",
			                      (long long)ask->people[j]);
	}
	if (noutsiders > 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "to: part two goes only to the members of %s on %s, "
		        "who may see it; not to %s",
		        out->body_short_name,
		        date_iso_words(a, out->meeting.date, false),
		        names_text(a, outsiders, noutsiders));
	if (out->nto == 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "to: nobody to send to (%s had no "
		        "members on %s)",
		        out->body_short_name,
		        date_iso_words(a, out->meeting.date, false));
	for (size_t i = 0; i < out->nto; i++) {
		struct gov_circulate_recipient *r = &out->to[i];
		char *how, *sent_at;

		if (r->email == NULL) {
			r->how = GOV_CIRCULATE_NOT_SENT;
			r->reason = "no e-mail address";
			continue;
		}
		if ((rc = row_that_day(g, out, r->person_id, a, &how, &sent_at,
		                       err)))
			return rc;
		if (how != NULL && strcmp(how, "not_sent") != 0 &&
		    !ask->again) {
			r->how = GOV_CIRCULATE_ALREADY;
			r->reason = sent_at ? "sent already that day"
			                    : "being sent, or its sending was "
			                      "interrupted";
		}
	}
	return MASA_OK;
}

/* The message */

void gov_circulate_message(const struct gov_circulate_plan *p,
                           const struct gov_circulate_recipient *r,
                           const char *from, const char *from_name,
                           struct arena *a, struct mail_attachment *file,
                           struct mail_message *out)
{
	const char *meeting =
	        arena_printf(a, "%s meeting of %s",
	                     date_iso_words(a, p->meeting.date, false),
	                     p->meeting.name ? p->meeting.name : p->body_name);
	const char *how;

	if (p->part_two)
		how = arena_printf(
		        a,
		        "It is confidential (part two of the meeting): it is "
		        "not attached, and only the members of %s may open "
		        "it. Sign in to read it:\n\n%s\n",
		        p->body_short_name, p->link);
	else if (r->how == GOV_CIRCULATE_ATTACHED)
		how = arena_printf(a,
		                   "It is attached (%s). It can also be "
		                   "downloaded here:\n\n%s\n",
		                   p->file_name, p->link);
	else if (p->what == GOV_CIRCULATE_MINUTES)
		how = arena_printf(a,
		                   "They are a draft until the body approves "
		                   "them. Sign in to read them:\n\n%s\n",
		                   p->link);
	else
		how = arena_printf(a,
		                   "It can be read and downloaded here:\n\n"
		                   "%s\n",
		                   p->link);
	*out = (struct mail_message){
	        .from = from,
	        .from_name = from_name,
	        .to = r->email,
	        .to_name = r->name,
	        .subject =
	                arena_printf(a, "%s %s: %s", p->body_short_name,
	                             date_iso_words(a, p->meeting.date, false),
	                             p->described),
	        .text = arena_printf(a,
	                             "Dear %s,\n\nThe business unit sends you "
	                             "%s for the %s.\n\n%s\n%s\n",
	                             r->name, p->described, meeting, how,
	                             from_name ? from_name : ""),
	};
	if (r->how == GOV_CIRCULATE_ATTACHED && p->bytes != NULL &&
	    !p->part_two) {
		*file = (struct mail_attachment){
		        .file_name = p->file_name,
		        .media_type = p->media_type,
		        .bytes = p->bytes,
		        .size = p->size,
		};
		out->attachments = file;
		out->nattachments = 1;
	}
}

/* Sending and recording */

static const char SQL_CLAIM[] =
        "INSERT INTO circulation (person_id, sent_on, meeting_id, paper_id, "
        "what, email, how) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
        "ON CONFLICT DO NOTHING RETURNING id";
/* Takes over the day's row: one that was not sent, or any for a re-send. */
static const char SQL_RECLAIM[] =
        "UPDATE circulation SET how = ?6, email = ?7, reason = NULL, "
        "sent_at = NULL WHERE meeting_id = ?1 AND what = ?2 AND "
        "COALESCE(paper_id, 0) = ?3 AND person_id = ?4 AND sent_on = ?5 "
        "AND document_id IS NULL AND (how = 'not_sent' OR ?8 = 1) "
        "RETURNING id";
static const char SQL_SENT[] =
        "UPDATE circulation SET sent_at = ?2 WHERE id = ?1";
static const char SQL_NOT_SENT[] =
        "UPDATE circulation SET how = 'not_sent', reason = ?2, sent_at = "
        "NULL WHERE id = ?1";

static const char *how_name(enum gov_circulate_how how)
{
	return how == GOV_CIRCULATE_ATTACHED ? "attached"
	       : how == GOV_CIRCULATE_LINK   ? "link"
	                                     : "not_sent";
}

/*
 * Claims the day's row for r: *id is the row (0: another run has it, or it
 * went already). With how not_sent, records that (reason) instead.
 */
static enum masa_err claim(struct gov *g, const struct gov_circulate_plan *p,
                           const struct gov_circulate_recipient *r, bool again,
                           int64_t *id, struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc;

	*id = 0;
	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = store_prepare(g->store, SQL_CLAIM, &st, err)))
		goto out;
	store_bind_int(st, 1, r->person_id);
	store_bind_text(st, 2, p->on);
	store_bind_int(st, 3, p->meeting.id);
	store_bind_id(st, 4, p->paper_id);
	store_bind_text(st, 5, gov_circulate_what_names[p->what]);
	store_bind_text(st, 6, r->email);
	store_bind_text(st, 7, how_name(r->how));
	if ((rc = store_run(st, id, err)) || *id != 0)
		goto out;
	if ((rc = store_prepare(g->store, SQL_RECLAIM, &st, err)))
		goto out;
	store_bind_int(st, 1, p->meeting.id);
	store_bind_text(st, 2, gov_circulate_what_names[p->what]);
	store_bind_int(st, 3, p->paper_id);
	store_bind_int(st, 4, r->person_id);
	store_bind_text(st, 5, p->on);
	store_bind_text(st, 6, how_name(r->how));
	store_bind_text(st, 7, r->email);
	/* Not sent (no address) is never a re-send over a sent row. */
	store_bind_int(st, 8, again && r->how != GOV_CIRCULATE_NOT_SENT);
	rc = store_run(st, id, err);
out:
	return gov_end(g, rc, err);
}

static enum masa_err finish(struct gov *g, int64_t id, const char *reason,
                            struct masa_error *err)
{
	struct store_stmt *st;
	char stamp[21];
	enum masa_err rc;

	if ((rc = store_prepare(g->store, reason ? SQL_NOT_SENT : SQL_SENT, &st,
	                        err)))
		return rc;
	timestamp_now(stamp);
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, reason ? reason : stamp);
	return store_run(st, NULL, err);
}

/*
 * No audit entry: the circulation table is itself the record of what was
 * sent to whom, and it changes no governance record (as reminder_sent).
 */
enum masa_err gov_circulate_send(struct gov *g, struct gov_circulate_plan *plan,
                                 struct mail_sender *sender, const char *from,
                                 const char *from_name, struct arena *a,
                                 struct gov_circulate_result *result,
                                 struct masa_error *err)
{
	const char *unreachable = NULL;
	enum masa_err rc = MASA_OK;

	memset(result, 0, sizeof *result);
	for (size_t i = 0; i < plan->nto && rc == MASA_OK; i++) {
		struct gov_circulate_recipient *r = &plan->to[i];
		struct masa_error why = {0};
		struct mail_attachment file;
		struct mail_message m;
		int64_t id;

		if (r->how == GOV_CIRCULATE_ALREADY) {
			result->already++;
			continue;
		}
		if ((rc = claim(g, plan, r, plan->again, &id, err)))
			break;
		if (id == 0) {
			/* Another run took it, or it went already. */
			r->how = GOV_CIRCULATE_ALREADY;
			r->reason = "sent already that day";
			result->already++;
			continue;
		}
		if (r->how == GOV_CIRCULATE_NOT_SENT) {
			rc = finish(g, id, r->reason, err);
			result->not_sent++;
			continue;
		}
		if (unreachable == NULL) {
			gov_circulate_message(plan, r, from, from_name, a,
			                      &file, &m);
			if (mail_send(sender, &m, &why) == MASA_OK) {
				rc = finish(g, id, NULL, err);
				result->sent++;
				continue;
			}
			if (mail_sender_unreachable(sender))
				unreachable = arena_printf(
				        a, "the mail server could not be "
				           "reached");
		}
		r->how = GOV_CIRCULATE_NOT_SENT;
		r->reason = unreachable ? (char *)unreachable
		                        : arena_printf(a,
		                                       "refused by the mail "
		                                       "server: %.200s",
		                                       why.message);
		rc = finish(g, id, r->reason, err);
		result->not_sent++;
	}
	return rc;
}
