/*
 * access: who may see and change what. One place for the rules that every
 * page and API route applies, so that they cannot drift apart:
 *
 *  - the public (no account) sees bodies, members, meetings and the open
 *    (part 1) items of meetings whose minutes are published, never a
 *    confidential item or its papers; anyone signed in sees the open items
 *    of every meeting of the partnership, drafts too;
 *  - a confidential (part 2) item and its papers are seen only by an admin
 *    of the partnership or by a member of the item's body (a membership of
 *    the body running on the meeting's date or today);
 *  - a member sees the papers of the bodies they sit on;
 *  - an admin (business unit) may change anything in the partnership; an
 *    action may also be updated by its owner, and a partner account updates
 *    the actions of its organisation (owned by it or by one of its people);
 *  - nobody sees another partnership's records, except that a body serving
 *    the viewer's partnership from another (gov_body_serve) shows its
 *    published minutes there as it does to the public at home: never its
 *    drafts, confidential items or papers, and only its home changes it.
 */
#ifndef MASA_GOV_ACCESS_H
#define MASA_GOV_ACCESS_H

#include "gov/account.h"
#include "gov/gov.h"
#include "gov/meeting.h"

enum gov_role {
	GOV_ROLE_PUBLIC,
	GOV_ROLE_MEMBER,
	GOV_ROLE_PARTNER,
	GOV_ROLE_CHAIR,
	GOV_ROLE_ADMIN,
};

/* Who is looking: the public, or a signed-in account. */
struct gov_viewer {
	enum gov_role role;
	int64_t partnership_id;
	int64_t person_id;       /* 0 for the public and admins without one */
	int64_t organisation_id; /* a partner's organisation, or 0 */
	/*
	 * The bodies of other partnerships serving partnership_id, sorted
	 * (borrowed; NULL and 0 for none): their meetings' published minutes
	 * may be seen. The server fills them for each request.
	 */
	const int64_t *served_bodies;
	size_t nserved_bodies;
};

/* The public, looking at partnership_id. */
void gov_viewer_public(struct gov_viewer *v, int64_t partnership_id);
/* A signed-in account. */
void gov_viewer_of(struct gov_viewer *v, const struct gov_account *acc);
/* The role named ("admin"...), or GOV_ROLE_PUBLIC for anything else. */
enum gov_role gov_role_of(const char *name);

/* May v see the confidential items and papers of meeting_id? */
enum masa_err gov_may_see_confidential(struct gov *g,
                                       const struct gov_viewer *v,
                                       int64_t meeting_id, bool *yes,
                                       struct masa_error *err);
/* May v see the (open) papers of meeting_id's items? */
enum masa_err gov_may_see_papers(struct gov *g, const struct gov_viewer *v,
                                 int64_t meeting_id, bool *yes,
                                 struct masa_error *err);
/* May v add updates to action_id? */
enum masa_err gov_may_update_action(struct gov *g, const struct gov_viewer *v,
                                    int64_t action_id, bool *yes,
                                    struct masa_error *err);
/* Does body_id of another partnership serve v's partnership? */
bool gov_viewer_served(const struct gov_viewer *v, int64_t body_id);
/* May v see the open items and minutes of meeting m (read already)? */
bool gov_may_see_minutes(const struct gov_viewer *v,
                         const struct gov_meeting *m);
/* May v change the partnership's records (bodies, meetings, minutes)? */
bool gov_may_administer(const struct gov_viewer *v, int64_t partnership_id);

#endif
