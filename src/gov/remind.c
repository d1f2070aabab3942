/*
 * remind: who is reminded of which actions on a day, the record of what was
 * sent, and the settings reminders go out with (see remind.h).
 *
 * An action is due on its due date, or on its due meeting's date ("by the
 * next meeting"). It needs a reminder while it is unfinished (open or
 * in_progress) and is due exactly seven days on, today, or before today.
 * It goes to each current owner (action_owner.removed_by IS NULL) who is a
 * person, and for an "all members" owner to everyone with a membership of
 * the action's body running on the day, whatever its role: the action log
 * says "all members" of the body and a membership is how masa knows who
 * they are. An organisation owner reaches nobody through reminders: there is
 * no single person to remind, and mailing every employee would be wrong;
 * the organisation's lead is chased through the overdue reports instead.
 *
 * The candidates come from one query over the partnership, not one per
 * person, so a run over ~500 people and ~5,000 actions a year is one pass.
 */
#include "gov/remind.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/mail.h"
#include "gov/audit.h"
#include "gov/check.h"
#include "gov/partnership.h"
#include "gov/record.h"

/* A ceiling on (action, person) pairs in one run: fails cleanly past it. */
enum { REMIND_MAX_ROWS = 1000 * 1000 };

const char *const gov_remind_setting_keys[] = {
        "smtp_url", "mail_from", "site_url", "default_partnership", NULL};

/* The due date of action a (gov/action_rules.h), dm its due meeting. */
#define REMIND_DUE GOV_SQL_ACTION_DUE("a", "dm")
/* Unfinished now (gov/action_rules.h). */
#define REMIND_OPEN GOV_SQL_STATUS_OPEN("a.status")

/*
 * (action, person) pairs to remind on ?2: unfinished actions of partnership
 * ?1 raised by ?2 and due on ?3 (seven days on), on ?2 or before, owned by
 * the person directly or through "all members" of the action's body,
 * leaving out what reminder_sent says went to that person on ?2.
 */
static const char SQL_REMIND_DUE[] =
        "SELECT p.id, p.name, p.email, "
        "a.id, a.partnership_id, a.body_id, a.meeting_id, a.item_id, "
        "a.number, a.key, a.raised_on, a.details, a.due_date, "
        "a.due_meeting_id, a.status, m.key, x.due, a.status, b.short_name "
        "FROM (SELECT a.id AS action_id, o.person_id AS person_id, "
        "  " REMIND_DUE " AS due "
        "  FROM action a "
        "  JOIN action_owner o ON o.action_id = a.id "
        "  LEFT JOIN meeting dm ON dm.id = a.due_meeting_id "
        "  WHERE a.partnership_id = ?1 "
        "  AND " REMIND_OPEN " AND a.raised_on <= ?2 "
        "  AND o.removed_by IS NULL AND o.person_id IS NOT NULL "
        "  AND (" REMIND_DUE " <= ?2 OR " REMIND_DUE " = ?3) "
        "  UNION "
        "  SELECT a.id, ms.person_id, " REMIND_DUE " "
        "  FROM action a "
        "  JOIN action_owner o ON o.action_id = a.id "
        "  JOIN membership ms ON ms.body_id = a.body_id "
        "  LEFT JOIN meeting dm ON dm.id = a.due_meeting_id "
        "  WHERE a.partnership_id = ?1 "
        "  AND " REMIND_OPEN " AND a.raised_on <= ?2 "
        "  AND o.removed_by IS NULL AND o.all_members = 1 "
        "  AND COALESCE(ms.start_date, '0000-01-01') <= ?2 "
        "  AND COALESCE(ms.end_date, '9999-12-31') >= ?2 "
        "  AND (" REMIND_DUE " <= ?2 OR " REMIND_DUE " = ?3)) x "
        "JOIN action a ON a.id = x.action_id "
        "JOIN person p ON p.id = x.person_id AND p.partnership_id = ?1 "
        "JOIN body b ON b.id = a.body_id "
        "LEFT JOIN meeting m ON m.id = a.meeting_id "
        "WHERE NOT EXISTS (SELECT 1 FROM reminder_sent r "
        "  WHERE r.action_id = x.action_id AND r.person_id = x.person_id "
        "  AND r.on_date = ?2) "
        "ORDER BY p.name, p.id, x.due, a.key";

/*
 * A claim on one reminder: a row when this run claimed it, none when another
 * run (on this machine or another) already has.
 */
static const char SQL_REMIND_CLAIM[] =
        "INSERT INTO reminder_sent (action_id, person_id, on_date, sent_at) "
        "VALUES (?, ?, ?, ?) "
        "ON CONFLICT (action_id, person_id, on_date) DO NOTHING "
        "RETURNING id";
static const char SQL_REMIND_UNCLAIM[] =
        "DELETE FROM reminder_sent "
        "WHERE action_id = ? AND person_id = ? AND on_date = ? "
        "AND sent_at = ?";

static const char SQL_SETTING_GET[] = "SELECT value FROM setting WHERE key = ?";
static const char SQL_SETTING_SET[] =
        "INSERT INTO setting (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value";

/* One row of SQL_REMIND_DUE. */
struct remind_row {
	int64_t person_id;
	char *person_name;
	char *email;
	struct gov_action_entry e;
};

static const struct record_field remind_row_fields[] = {
        RECORD_FIELD(struct remind_row, person_id, RECORD_ID),
        RECORD_FIELD(struct remind_row, person_name, RECORD_TEXT),
        RECORD_FIELD(struct remind_row, email, RECORD_TEXT),
        RECORD_FIELD(struct remind_row, e.action.id, RECORD_ID),
        RECORD_FIELD(struct remind_row, e.action.partnership_id, RECORD_ID),
        RECORD_FIELD(struct remind_row, e.action.body_id, RECORD_ID),
        RECORD_FIELD(struct remind_row, e.action.meeting_id, RECORD_ID),
        RECORD_FIELD(struct remind_row, e.action.item_id, RECORD_ID),
        RECORD_FIELD(struct remind_row, e.action.number, RECORD_INT),
        RECORD_FIELD(struct remind_row, e.action.key, RECORD_TEXT),
        RECORD_FIELD(struct remind_row, e.action.raised_on, RECORD_TEXT),
        RECORD_FIELD(struct remind_row, e.action.details, RECORD_TEXT),
        RECORD_FIELD(struct remind_row, e.action.due_date, RECORD_TEXT),
        RECORD_FIELD(struct remind_row, e.action.due_meeting_id, RECORD_ID),
        RECORD_FIELD(struct remind_row, e.action.status, RECORD_TEXT),
        RECORD_FIELD(struct remind_row, e.meeting_key, RECORD_TEXT),
        RECORD_FIELD(struct remind_row, e.due, RECORD_TEXT),
        RECORD_FIELD(struct remind_row, e.status_as_at, RECORD_TEXT),
        RECORD_FIELD(struct remind_row, e.body_short_name, RECORD_TEXT),
};

static const struct record_kind remind_row_kind = {
        .entity = "action",
        .label = "reminder",
        .fields = remind_row_fields,
        .nfields = sizeof remind_row_fields / sizeof remind_row_fields[0],
        .size = sizeof(struct remind_row),
};

/* Which part of a digest an action goes in. */
enum part { PART_WEEK, PART_TODAY, PART_OVERDUE };

/* An action's current owners, read once however many digests show it. */
struct owners_of {
	int64_t action_id;
	struct gov_action_owner *owners;
	size_t n;
};

static int by_action_id(const void *x, const void *y)
{
	const struct owners_of *a = x, *b = y;

	return a->action_id < b->action_id ? -1 : a->action_id > b->action_id;
}

/* Gives every row its action's current owners (with names). */
static enum masa_err attach_owners(struct gov *g, struct remind_row *rows,
                                   size_t nrows, struct arena *a,
                                   struct masa_error *err)
{
	struct owners_of *index = NULL;
	size_t n = 0;
	enum masa_err rc = MASA_OK;

	if (nrows == 0)
		return MASA_OK;
	index = xcalloc(nrows, sizeof *index);
	for (size_t i = 0; i < nrows; i++)
		index[i].action_id = rows[i].e.action.id;
	qsort(index, nrows, sizeof *index, by_action_id);
	for (size_t i = 0; i < nrows; i++)
		if (n == 0 || index[n - 1].action_id != index[i].action_id)
			index[n++] = index[i];
	for (size_t i = 0; i < n; i++) {
		struct owners_of *o = &index[i];
		size_t all, k = 0;

		rc = gov_action_owners(g, o->action_id, a, &o->owners, &all,
		                       err);
		if (rc != MASA_OK)
			goto out;
		for (size_t j = 0; j < all; j++)
			if (o->owners[j].removed_by == 0)
				o->owners[k++] = o->owners[j];
		o->n = k;
	}
	for (size_t i = 0; i < nrows; i++) {
		struct owners_of key = {.action_id = rows[i].e.action.id};
		struct owners_of *hit =
		        bsearch(&key, index, n, sizeof *index, by_action_id);
		assert(hit != NULL);
		rows[i].e.owners = hit->owners;
		rows[i].e.nowners = hit->n;
	}
out:
	free(index);
	return rc;
}

enum masa_err gov_remind_digests(struct gov *g, int64_t partnership_id,
                                 const char *on, struct arena *a,
                                 struct gov_digest **out, size_t *n,
                                 struct masa_error *err)
{
	struct remind_row *rows = NULL;
	enum part *parts = NULL;
	struct gov_digest *digests;
	struct store_stmt *st;
	char week[DATE_TEXT_SIZE];
	size_t nrows = 0, ndigests = 0;
	date_days day;
	enum masa_err rc;

	*out = NULL;
	*n = 0;
	if ((rc = check_date("reminder date", on, false, err)) ||
	    (rc = date_parse(on, &day, err)))
		return rc;
	date_format(day + 7, week);
	if ((rc = store_prepare(g->store, SQL_REMIND_DUE, &st, err)))
		return rc;
	store_bind_int(st, 1, partnership_id);
	store_bind_text(st, 2, on);
	store_bind_text(st, 3, week);
	{
		void *items;
		rc = record_collect_max(st, &remind_row_kind, REMIND_MAX_ROWS,
		                        a, &items, &nrows, err);
		if (rc != MASA_OK) {
			masa_error_prefix(err, "reminders");
			goto out;
		}
		rows = items;
	}
	if ((rc = attach_owners(g, rows, nrows, a, err)))
		goto out;

	/* Rows come by person: one digest for each run of a person's rows. */
	parts = xcalloc(nrows ? nrows : 1, sizeof *parts);
	for (size_t i = 0; i < nrows; i++) {
		struct gov_action_entry *e = &rows[i].e;
		date_days due = day;

		if (i == 0 || rows[i].person_id != rows[i - 1].person_id)
			ndigests++;
		/* The query only returns actions with a due date. */
		if (date_parse(e->due, &due, NULL) != MASA_OK) {
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "action %s: due date \"%.20s\" is "
			                    "not a date",
			                    e->action.key, e->due);
			goto out;
		}
		parts[i] = due < day    ? PART_OVERDUE
		           : due == day ? PART_TODAY
		                        : PART_WEEK;
		e->days_overdue =
		        gov_action_days_overdue(e->due, e->status_as_at, on);
	}
	digests = arena_alloc(a, (ndigests ? ndigests : 1) * sizeof *digests);
	for (size_t i = 0, d = 0; i < nrows; d++) {
		struct gov_digest *dg = &digests[d];
		size_t end = i;

		dg->person_id = rows[i].person_id;
		dg->person_name = rows[i].person_name;
		/* An empty address is no address. */
		dg->email = rows[i].email && rows[i].email[0] ? rows[i].email
		                                              : NULL;
		while (end < nrows && rows[end].person_id == dg->person_id) {
			dg->ndue_in_week += parts[end] == PART_WEEK;
			dg->ndue_today += parts[end] == PART_TODAY;
			dg->noverdue += parts[end] == PART_OVERDUE;
			end++;
		}
		dg->due_in_week = arena_alloc(
		        a, (dg->ndue_in_week + 1) * sizeof *dg->due_in_week);
		dg->due_today = arena_alloc(a, (dg->ndue_today + 1) *
		                                       sizeof *dg->due_today);
		dg->overdue = arena_alloc(a, (dg->noverdue + 1) *
		                                     sizeof *dg->overdue);
		dg->ndue_in_week = dg->ndue_today = dg->noverdue = 0;
		for (; i < end; i++) {
			if (parts[i] == PART_WEEK)
				dg->due_in_week[dg->ndue_in_week++] = rows[i].e;
			else if (parts[i] == PART_TODAY)
				dg->due_today[dg->ndue_today++] = rows[i].e;
			else
				dg->overdue[dg->noverdue++] = rows[i].e;
		}
	}
	*out = digests;
	*n = ndigests;
out:
	free(parts);
	return rc;
}

/*
 * Claims (or, with unclaim, gives back) the reminders of n entries for
 * person on `on`; *all is false when another run had claimed one.
 */
static enum masa_err claim_entries(struct gov *g, int64_t person_id,
                                   const struct gov_action_entry *entries,
                                   size_t n, const char *on, const char *now,
                                   bool unclaim, bool *all,
                                   struct masa_error *err)
{
	enum masa_err rc = MASA_OK;

	for (size_t i = 0; i < n && rc == MASA_OK && *all; i++) {
		struct store_stmt *st;
		int64_t id = 0;

		if ((rc = store_prepare(g->store,
		                        unclaim ? SQL_REMIND_UNCLAIM
		                                : SQL_REMIND_CLAIM,
		                        &st, err)))
			break;
		store_bind_int(st, 1, entries[i].action.id);
		store_bind_int(st, 2, person_id);
		store_bind_text(st, 3, on);
		store_bind_text(st, 4, now);
		rc = store_run(st, unclaim ? NULL : &id, err);
		if (rc == MASA_OK && !unclaim && id == 0)
			*all = false;
	}
	return rc;
}

static enum masa_err claim_digest(struct gov *g, const struct gov_digest *d,
                                  const char *on, const char *stamp,
                                  bool unclaim, bool *all,
                                  struct masa_error *err)
{
	enum masa_err rc;

	*all = true;
	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = claim_entries(g, d->person_id, d->due_in_week,
	                        d->ndue_in_week, on, stamp, unclaim, all,
	                        err)) == MASA_OK &&
	    (rc = claim_entries(g, d->person_id, d->due_today, d->ndue_today,
	                        on, stamp, unclaim, all, err)) == MASA_OK)
		rc = claim_entries(g, d->person_id, d->overdue, d->noverdue, on,
		                   stamp, unclaim, all, err);
	if (rc == MASA_OK && !*all)
		gov_rollback(g); /* another run sends it: claim nothing */
	rc = gov_end(g, rc, err);
	if (rc != MASA_OK && !*all) {
		masa_error_clear(err);
		rc = MASA_OK;
	}
	if (rc != MASA_OK)
		masa_error_prefix(err, "recording the reminders for %s",
		                  d->person_name);
	return rc;
}

/*
 * No audit entry: reminder_sent is the technical log of deliveries, itself
 * append-only in use, and it changes no governance record. The audit log
 * answers "who changed what"; a line per reminder, every day, would bury
 * those answers without adding one.
 */
enum masa_err gov_remind_claim(struct gov *g, const struct gov_digest *d,
                               const char *on, char stamp[21], bool *claimed,
                               struct masa_error *err)
{
	enum masa_err rc;

	*claimed = false;
	if ((rc = check_date("reminder date", on, false, err)))
		return rc;
	timestamp_now(stamp);
	return claim_digest(g, d, on, stamp, false, claimed, err);
}

enum masa_err gov_remind_unclaim(struct gov *g, const struct gov_digest *d,
                                 const char *on, const char *stamp,
                                 struct masa_error *err)
{
	bool all = true;

	return claim_digest(g, d, on, stamp, true, &all, err);
}

enum masa_err gov_site_url_check(const char *url, struct masa_error *err)
{
	size_t n = url ? strlen(url) : 0, scheme;

	if (n == 0 || n > GOV_SITE_URL_MAX)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "site address: give masa's address as its "
		        "users open it, such as "
		        "https://masa.example.org (at most %d "
		        "characters)",
		        GOV_SITE_URL_MAX);
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f ||
		    strchr("\"<>\\`{}|^?#", *p) != NULL)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "site address: it has a space, a "
			        "query or a character that cannot "
			        "be in a link");
	scheme = strncmp(url, "https://", 8) == 0  ? 8
	         : strncmp(url, "http://", 7) == 0 ? 7
	                                           : 0;
	if (scheme == 0 || n == scheme || url[scheme] == '/' ||
	    url[n - 1] == '/')
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "site address: \"%.80s\" must be "
		                      "http:// or https:// and a host, without "
		                      "a / at the end, such as "
		                      "https://masa.example.org",
		                      url);
	return MASA_OK;
}

/* MASA_ERR_INVALID naming the keys there are, unless key is one. */
static enum masa_err setting_key_check(const char *key, struct masa_error *err)
{
	for (size_t i = 0; gov_remind_setting_keys[i] != NULL; i++)
		if (key != NULL && strcmp(key, gov_remind_setting_keys[i]) == 0)
			return MASA_OK;
	return masa_error_set(err, MASA_ERR_INVALID,
	                      "setting \"%.60s\": unknown; the settings are "
	                      "smtp_url (the SMTP server, smtp://HOST:PORT or "
	                      "smtps://...), mail_from (the address "
	                      "reminders and papers come from), site_url "
	                      "(masa's address, for links in e-mails) and "
	                      "default_partnership (the partnership commands "
	                      "and pages mean when the database holds "
	                      "several and none is named)",
	                      key ? key : "");
}

enum masa_err gov_remind_setting_get(struct gov *g, const char *key,
                                     struct arena *a, char **value,
                                     struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc;
	bool row;

	*value = NULL;
	if ((rc = setting_key_check(key, err)) ||
	    (rc = store_prepare(g->store, SQL_SETTING_GET, &st, err)))
		return rc;
	store_bind_text(st, 1, key);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		*value = arena_strdup(a, store_column_text(st, 0));
	store_done(st);
	return rc;
}

enum masa_err gov_remind_setting_set(struct gov *g, const char *key,
                                     const char *value, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct store_stmt *st;
	char *before = NULL;
	enum masa_err rc;

	if ((rc = setting_key_check(key, err)))
		return rc;
	if (strcmp(key, "default_partnership") == 0) {
		struct gov_partnership p;

		rc = gov_partnership_find(g, value, &a, &p, err);
	} else {
		rc = strcmp(key, "smtp_url") == 0 ? mail_check_url(value, err)
		     : strcmp(key, "site_url") == 0
		             ? gov_site_url_check(value, err)
		             : mail_check_address("mail_from", value, err);
	}
	if (rc != MASA_OK)
		return rc;
	if ((rc = gov_begin(g, err)))
		return rc;
	if ((rc = gov_remind_setting_get(g, key, &a, &before, err)) ||
	    (rc = store_prepare(g->store, SQL_SETTING_SET, &st, err)))
		goto out;
	store_bind_text(st, 1, key);
	store_bind_text(st, 2, value);
	if ((rc = store_run(st, NULL, err)))
		goto out;
	rc = audit_record(g, before ? "update" : "create", "setting", 0,
	                  before ? json_pack("{s:s, s:s}", "key", key, "value",
	                                     mail_url_redacted(&a, before))
	                         : NULL,
	                  json_pack("{s:s, s:s}", "key", key, "value",
	                            mail_url_redacted(&a, value)),
	                  err);
out:
	rc = gov_end(g, rc, err);
	arena_free(&a);
	return rc;
}
