/*
 * access: the rules of who may see and change what (see access.h).
 */
#include "gov/access.h"

#include <string.h>

#include "core/date.h"
#include "gov/record.h"

void gov_viewer_public(struct gov_viewer *v, int64_t partnership_id)
{
	memset(v, 0, sizeof *v);
	v->role = GOV_ROLE_PUBLIC;
	v->partnership_id = partnership_id;
}

enum gov_role gov_role_of(const char *name)
{
	if (name == NULL)
		return GOV_ROLE_PUBLIC;
	if (strcmp(name, "admin") == 0)
		return GOV_ROLE_ADMIN;
	if (strcmp(name, "chair") == 0)
		return GOV_ROLE_CHAIR;
	if (strcmp(name, "partner") == 0)
		return GOV_ROLE_PARTNER;
	if (strcmp(name, "member") == 0)
		return GOV_ROLE_MEMBER;
	return GOV_ROLE_PUBLIC;
}

void gov_viewer_of(struct gov_viewer *v, const struct gov_account *acc)
{
	memset(v, 0, sizeof *v);
	v->role = acc->disabled ? GOV_ROLE_PUBLIC : gov_role_of(acc->role);
	v->partnership_id = acc->partnership_id;
	v->person_id = acc->person_id;
	v->organisation_id = acc->organisation_id;
}

bool gov_may_administer(const struct gov_viewer *v, int64_t partnership_id)
{
	return v->role == GOV_ROLE_ADMIN && v->partnership_id == partnership_id;
}

bool gov_viewer_served(const struct gov_viewer *v, int64_t body_id)
{
	size_t lo = 0, hi = v->nserved_bodies;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v->served_bodies[mid] == body_id)
			return true;
		if (v->served_bodies[mid] < body_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* GOV_SQL_SEES_ONCE_ of a meeting in hand, once published or not. */
static bool sees_once(const struct gov_viewer *v, const struct gov_meeting *m,
                      bool published)
{
	if (v->system && m->partnership_id == v->partnership_id)
		return true;
	/* A body serving v's partnership from another: as the public. */
	if (m->partnership_id != v->partnership_id)
		return published && gov_viewer_served(v, m->body_id);
	return v->role != GOV_ROLE_PUBLIC || published;
}

static bool minutes_published(const struct gov_meeting *m)
{
	return m->minutes_status != NULL &&
	       strcmp(m->minutes_status, "published") == 0;
}

bool gov_may_see_minutes(const struct gov_viewer *v,
                         const struct gov_meeting *m)
{
	return sees_once(v, m, minutes_published(m));
}

bool gov_may_see_agenda(const struct gov_viewer *v, const struct gov_meeting *m)
{
	return sees_once(
	        v, m, minutes_published(m) || m->agenda_published_on != NULL);
}

void gov_viewer_bind(struct store_stmt *st, const struct gov_viewer *v)
{
	char today[DATE_TEXT_SIZE];
	int p = GOV_VIEWER_FIRST_PARAM;

	date_format(date_today(), today);
	store_bind_int(st, p, v->partnership_id);
	store_bind_int(st, p + 1, v->role != GOV_ROLE_PUBLIC);
	store_bind_int(st, p + 2, v->role == GOV_ROLE_ADMIN);
	store_bind_int(st, p + 3,
	               v->role != GOV_ROLE_PUBLIC ? v->person_id : 0);
	store_bind_text(st, p + 4, today);
	store_bind_int(st, p + 5, v->role == GOV_ROLE_CHAIR);
	store_bind_int(st, p + 6,
	               v->role == GOV_ROLE_PARTNER ? v->organisation_id : 0);
	store_bind_int(st, p + 7, v->system);
}

void gov_viewer_system(struct gov_viewer *v, int64_t partnership_id)
{
	memset(v, 0, sizeof *v);
	v->role = GOV_ROLE_ADMIN;
	v->partnership_id = partnership_id;
	v->system = true;
}

/*
 * Asks one of the rules above of one record: sql selects the rule's truth
 * (0 or 1) for the record with id ?1, and no row when there is none.
 */
static enum masa_err ask(struct gov *g, const struct gov_viewer *v,
                         const char *sql, const char *what, int64_t id,
                         bool *yes, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	*yes = false;
	rc = store_prepare(g->store, sql, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	gov_viewer_bind(st, v);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "no %s with id %lld", what, (long long)id);
	if (rc == MASA_OK)
		*yes = store_column_int(st, 0) != 0;
	store_done(st);
	return rc;
}

static const char SQL_SEES_MINUTES[] =
        "SELECT " GOV_SQL_SEES_MINUTES("m") " FROM meeting m WHERE m.id = ?1";

enum masa_err gov_may_see_minutes_of(struct gov *g, const struct gov_viewer *v,
                                     int64_t meeting_id, bool *yes,
                                     struct masa_error *err)
{
	return ask(g, v, SQL_SEES_MINUTES, "meeting", meeting_id, yes, err);
}

static const char SQL_SEES_AGENDA[] =
        "SELECT " GOV_SQL_SEES_AGENDA("m") " FROM meeting m WHERE m.id = ?1";

enum masa_err gov_may_see_agenda_of(struct gov *g, const struct gov_viewer *v,
                                    int64_t meeting_id, bool *yes,
                                    struct masa_error *err)
{
	return ask(g, v, SQL_SEES_AGENDA, "meeting", meeting_id, yes, err);
}

static const char SQL_SEES_PART_TWO[] =
        "SELECT " GOV_SQL_SEES_PART_TWO("m") " FROM meeting m WHERE m.id = ?1";

/* The papers of an open item of the meeting: GOV_SQL_SEES_PAPERS with an
 * item that is open. */
static const char SQL_SEES_PAPERS[] = "SELECT " GOV_SQL_SEES_PAPERS(
        "it",
        "m") " FROM meeting m "
             "JOIN (SELECT 0 AS confidential) it ON 1 = 1 WHERE m.id = ?1";

enum masa_err gov_may_see_confidential(struct gov *g,
                                       const struct gov_viewer *v,
                                       int64_t meeting_id, bool *yes,
                                       struct masa_error *err)
{
	return ask(g, v, SQL_SEES_PART_TWO, "meeting", meeting_id, yes, err);
}

enum masa_err gov_may_see_papers(struct gov *g, const struct gov_viewer *v,
                                 int64_t meeting_id, bool *yes,
                                 struct masa_error *err)
{
	return ask(g, v, SQL_SEES_PAPERS, "meeting", meeting_id, yes, err);
}

/* An admin of its partnership, or its owner (see GOV_SQL_OWNS_ACTION). */
static const char SQL_MAY_UPDATE_ACTION[] =
        "SELECT a.partnership_id = ?91 AND (?98 = 1 OR (?92 = 1 AND "
        "(?93 = 1 OR " GOV_SQL_OWNS_ACTION("a") "))) FROM action a "
                                                "WHERE a.id = ?1";

enum masa_err gov_may_update_action(struct gov *g, const struct gov_viewer *v,
                                    int64_t action_id, bool *yes,
                                    struct masa_error *err)
{
	return ask(g, v, SQL_MAY_UPDATE_ACTION, "action", action_id, yes, err);
}
