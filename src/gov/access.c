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

bool gov_may_see_minutes(const struct gov_viewer *v,
                         const struct gov_meeting *m)
{
	bool published = m->minutes_status != NULL &&
	                 strcmp(m->minutes_status, "published") == 0;

	/* A body serving v's partnership from another: as the public. */
	if (m->partnership_id != v->partnership_id)
		return published && gov_viewer_served(v, m->body_id);
	return v->role != GOV_ROLE_PUBLIC || published;
}

/* The meeting's partnership, and whether person sat on its body then or
 * sits on it today. */
static const char SQL_MEETING_MEMBER[] =
        "SELECT m.partnership_id, EXISTS (SELECT 1 FROM membership ms "
        "WHERE ms.body_id = m.body_id AND ms.person_id = ?2 "
        "AND ((COALESCE(ms.start_date, '0000-01-01') <= m.date "
        "AND COALESCE(ms.end_date, '9999-12-31') >= m.date) "
        "OR (COALESCE(ms.start_date, '0000-01-01') <= ?3 "
        "AND COALESCE(ms.end_date, '9999-12-31') >= ?3))) "
        "FROM meeting m WHERE m.id = ?1";

static enum masa_err meeting_member(struct gov *g, const struct gov_viewer *v,
                                    int64_t meeting_id, int64_t *partnership,
                                    bool *member, struct masa_error *err)
{
	struct store_stmt *st;
	char today[DATE_TEXT_SIZE];
	bool row;
	enum masa_err rc;

	date_format(date_today(), today);
	rc = store_prepare(g->store, SQL_MEETING_MEMBER, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, meeting_id);
	store_bind_int(st, 2, v->person_id);
	store_bind_text(st, 3, today);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "no meeting with id %lld",
		                    (long long)meeting_id);
	if (rc == MASA_OK) {
		*partnership = store_column_int(st, 0);
		*member = v->person_id != 0 && store_column_int(st, 1) != 0;
	}
	store_done(st);
	return rc;
}

/* Admins and members of the meeting's body may see; chairs too if chairs. */
static enum masa_err may_see(struct gov *g, const struct gov_viewer *v,
                             int64_t meeting_id, bool chairs, bool *yes,
                             struct masa_error *err)
{
	int64_t partnership = 0;
	bool member = false;
	enum masa_err rc;

	*yes = false;
	if (v->role == GOV_ROLE_PUBLIC)
		return MASA_OK;
	rc = meeting_member(g, v, meeting_id, &partnership, &member, err);
	if (rc != MASA_OK || partnership != v->partnership_id)
		return rc;
	*yes = v->role == GOV_ROLE_ADMIN || member ||
	       (chairs && v->role == GOV_ROLE_CHAIR);
	return MASA_OK;
}

enum masa_err gov_may_see_confidential(struct gov *g,
                                       const struct gov_viewer *v,
                                       int64_t meeting_id, bool *yes,
                                       struct masa_error *err)
{
	return may_see(g, v, meeting_id, false, yes, err);
}

enum masa_err gov_may_see_papers(struct gov *g, const struct gov_viewer *v,
                                 int64_t meeting_id, bool *yes,
                                 struct masa_error *err)
{
	return may_see(g, v, meeting_id, true, yes, err);
}

/* The action's partnership, whether person owns it now, and whether it is
 * owned by organisation or by one of its people. */
static const char SQL_ACTION_OWNED[] =
        "SELECT a.partnership_id, "
        "EXISTS (SELECT 1 FROM action_owner o WHERE o.action_id = a.id "
        "AND o.removed_by IS NULL AND o.person_id = ?2), "
        "EXISTS (SELECT 1 FROM action_owner o "
        "LEFT JOIN person p ON p.id = o.person_id "
        "WHERE o.action_id = a.id AND o.removed_by IS NULL "
        "AND (o.organisation_id = ?3 OR p.organisation_id = ?3)) "
        "FROM action a WHERE a.id = ?1";

enum masa_err gov_may_update_action(struct gov *g, const struct gov_viewer *v,
                                    int64_t action_id, bool *yes,
                                    struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	*yes = false;
	if (v->role == GOV_ROLE_PUBLIC)
		return MASA_OK;
	rc = store_prepare(g->store, SQL_ACTION_OWNED, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, action_id);
	store_bind_int(st, 2, v->person_id);
	store_bind_int(st, 3, v->organisation_id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "no action with id %lld",
		                    (long long)action_id);
	if (rc == MASA_OK && store_column_int(st, 0) == v->partnership_id) {
		bool owner = v->person_id != 0 && store_column_int(st, 1) != 0;
		bool organisation = v->role == GOV_ROLE_PARTNER &&
		                    v->organisation_id != 0 &&
		                    store_column_int(st, 2) != 0;
		*yes = v->role == GOV_ROLE_ADMIN || owner || organisation;
	}
	store_done(st);
	return rc;
}
