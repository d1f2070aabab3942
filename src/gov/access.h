/*
 * access: who may see and change what. One place for the rules that every
 * page and API route applies, so that they cannot drift apart:
 *
 *  - the public (no account) sees bodies, members, meetings, the agenda
 *    and the papers of the open (part 1) items of meetings whose agenda or
 *    minutes are published, and the minutes once they are published; never
 *    a confidential item or its papers; anyone signed in sees the open
 *    items of every meeting of the partnership, drafts too;
 *  - a confidential (part 2) item and its papers are seen only by an admin
 *    of the partnership or by a member of the item's body (a membership of
 *    the body running on the meeting's date or today);
 *  - a member sees the papers of the bodies they sit on before they are
 *    published, and who they were sent to;
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
	bool system; /* masa itself: sees everything (gov_viewer_system) */
};

/*
 * Who may see what, in SQL: the one statement of each rule, which every
 * domain listing and lookup that can return a record a viewer may not see
 * puts in its WHERE clause, so that the filtering happens in the query and
 * no page, API route, feed or export can forget it. The C questions below
 * (gov_may_see_confidential...) ask the same SQL of one record.
 *
 * A statement using them binds the viewer with gov_viewer_bind(), which
 * sets parameters ?91 to ?98; its own parameters stay below 91:
 *   ?91 the viewer's partnership     ?92 1 when signed in
 *   ?93 1 for an admin               ?94 the viewer's person, or 0
 *   ?95 today (YYYY-MM-DD)           ?96 1 for a chair
 *   ?97 a partner's organisation, or 0
 *   ?98 1 for masa itself and the command line (gov_viewer_system),
 *       which see everything of the partnership ?91
 * The arguments are the aliases, as string literals, of the tables in the
 * statement: GOV_SQL_SEES_ITEM("it", "m").
 *
 * Part two: an item is confidential when it or any item it is under is;
 * gov_item_create and gov_item_update keep the stored flag so (a sub-item
 * of a confidential item is confidential), so the flag of the item itself
 * is the whole rule here.
 */
#define GOV_VIEWER_FIRST_PARAM 91

/* The viewer sat on body b on date d, or sits on it today. */
#define GOV_SQL_MEMBER_OF(b, d)                                       \
	"EXISTS (SELECT 1 FROM membership vms WHERE vms.body_id = " b \
	" AND CAST(?94 AS BIGINT) <> 0 AND vms.person_id = ?94 AND "  \
	"((COALESCE(vms.start_date, '0000-01-01') <= " d              \
	" AND COALESCE(vms.end_date, '9999-12-31') >= " d ") OR "     \
	"(COALESCE(vms.start_date, '0000-01-01') <= ?95 AND "         \
	"COALESCE(vms.end_date, '9999-12-31') >= ?95)))"

/*
 * What the public may see of meeting m once `published` (an SQL condition
 * on m) holds: its own partnership signed in sees it always (drafts too);
 * the public, once published; a partnership that a body of another serves
 * (body_partnership), once published. The two rules below differ only in
 * what "published" means.
 */
/* clang-format off */
#define GOV_SQL_SEES_ONCE_(m, published)                                     \
	"((?98 = 1 AND " m ".partnership_id = ?91) OR (" m ".partnership_id "\
	"= ?91 AND (?92 = 1 OR " published ")) OR (" published " AND EXISTS "\
	"(SELECT 1 FROM body_partnership vbp WHERE vbp.body_id = " m         \
	".body_id AND vbp.partnership_id = ?91)))"

/* The minutes (open items' minutes text, resolutions) of meeting m. */
#define GOV_SQL_SEES_MINUTES(m)                                              \
	GOV_SQL_SEES_ONCE_(m, m ".minutes_status = 'published'")

/*
 * The agenda of meeting m (its open items' numbers, titles and presenters,
 * and their papers): as its minutes, and for everyone also once the agenda
 * is published (agenda_published_on), before the meeting.
 */
#define GOV_SQL_AGENDA_PUBLISHED_(m)                                         \
	"(" m ".minutes_status = 'published' OR " m ".agenda_published_on "  \
	"IS NOT NULL)"
#define GOV_SQL_SEES_AGENDA(m)                                               \
	GOV_SQL_SEES_ONCE_(m, GOV_SQL_AGENDA_PUBLISHED_(m))

/* Part two of meeting m: an admin of its partnership, or a member of its
 * body on the meeting's date (or today). */
#define GOV_SQL_SEES_PART_TWO(m)                                             \
	"(" m ".partnership_id = ?91 AND (?98 = 1 OR (?92 = 1 AND (?93 = 1 " \
	"OR " GOV_SQL_MEMBER_OF(m ".body_id", m ".date") "))))"

/* Item it of meeting m (and its minutes text and resolutions). */
#define GOV_SQL_SEES_ITEM(it, m)                                             \
	"(" GOV_SQL_SEES_MINUTES(m) " AND (" it ".confidential = 0 OR "      \
	GOV_SQL_SEES_PART_TWO(m) "))"

/* Item it of meeting m as the agenda shows it: its number, title and
 * presenter (not its minutes). */
#define GOV_SQL_SEES_AGENDA_ITEM(it, m)                                      \
	"(" GOV_SQL_SEES_AGENDA(m) " AND (" it ".confidential = 0 OR "       \
	GOV_SQL_SEES_PART_TWO(m) "))"

/*
 * Who a paper of item it of meeting m was sent to (its circulation), and
 * the papers before they are published: signed in at its partnership as
 * an admin, a chair or a member of the body, and the item seen. it may be
 * the NULL row of a LEFT JOIN (a paper of the meeting, not of an item): it
 * is open then.
 */
#define GOV_SQL_SEES_CIRCULATION(it, m)                                      \
	"((?98 = 1 AND " m ".partnership_id = ?91) OR (" m ".partnership_id "\
	"= ?91 AND ?92 = 1 AND (COALESCE(" it ".confidential, 0) = 0 OR "    \
	GOV_SQL_SEES_PART_TWO(m) ") AND (?93 = 1 OR ?96 = 1 OR "             \
	GOV_SQL_MEMBER_OF(m ".body_id", m ".date") ")))"

/*
 * The papers of item it of meeting m (to list and to download): as their
 * circulation, and everyone in the partnership the papers of open items
 * once the agenda (or the minutes) is published. Never those of a body
 * serving from another partnership.
 */
#define GOV_SQL_SEES_PAPERS(it, m)                                           \
	"(" GOV_SQL_SEES_CIRCULATION(it, m) " OR (" m ".partnership_id = ?91 "\
	"AND COALESCE(" it ".confidential, 0) = 0 AND "                      \
	GOV_SQL_AGENDA_PUBLISHED_(m) "))"

/* The viewer owns action a now: in person, or as a partner of the owning
 * organisation or of an owner's employer. */
#define GOV_SQL_OWNS_ACTION(a)                                               \
	"EXISTS (SELECT 1 FROM action_owner vo LEFT JOIN person vp ON "      \
	"vp.id = vo.person_id WHERE vo.action_id = " a ".id AND "            \
	"vo.removed_by IS NULL AND ((CAST(?94 AS BIGINT) <> 0 AND "          \
	"vo.person_id = ?94) OR (CAST(?97 AS BIGINT) <> 0 AND "              \
	"(vo.organisation_id = ?97 OR "                                      \
	"vp.organisation_id = ?97))))"

/*
 * Action a, raised at meeting m (NULL standing alone) under item it (NULL
 * under no item): signed in at its partnership, and the item is open, or
 * the viewer sees the meeting's part two, or owns the action; and, for
 * anyone, an action that is part of minutes they may read (raised at m
 * under no item or an open one), as the printed minutes show it.
 */
#define GOV_SQL_SEES_ACTION(a, it, m)                                        \
	"((?98 = 1 AND " a ".partnership_id = ?91) OR (" a ".partnership_id " \
	"= ?91 AND ?92 = 1 AND (" it                                         \
	".id IS NULL OR " it ".confidential = 0 OR "                         \
	GOV_SQL_SEES_PART_TWO(m) " OR " GOV_SQL_OWNS_ACTION(a) ")) OR ("     \
	m ".id IS NOT NULL AND (" it ".id IS NULL OR " it                    \
	".confidential = 0) AND " GOV_SQL_SEES_MINUTES(m) "))"

/*
 * The assurance pillar's cases (src/assure): a serious incident, a
 * practice review before it is published, a child death. Held by body b of
 * partnership p: seen by masa itself, an admin or the chair of p, and the
 * members of b (a membership running today). Nobody else, whatever the
 * record's state: a case's details are never public.
 */
#define GOV_SQL_SEES_CASE(p, b)                                              \
	"((?98 = 1 AND " p " = ?91) OR (" p " = ?91 AND ?92 = 1 AND (?93 = 1 "\
	"OR ?96 = 1)) OR (?92 = 1 AND " GOV_SQL_MEMBER_OF(b, "?95") "))"

/*
 * A practice review pr held by body b: its case while in progress (or
 * held), and everyone, the public too, once published: its reference,
 * title, summary, dates and the address of its report.
 */
#define GOV_SQL_SEES_REVIEW(pr)                                              \
	"(" GOV_SQL_SEES_CASE(pr ".partnership_id", pr ".body_id") " OR ("   \
	pr ".partnership_id = ?91 AND " pr ".published_on IS NOT NULL))"

/*
 * A recommendation r of practice review pr, and its actions and impact
 * evidence: as the review's case, and a partner of the organisation that
 * owns it, and everyone once the review is published (its report holds
 * the recommendations).
 */
#define GOV_SQL_SEES_RECOMMENDATION(r, pr)                                   \
	"(" GOV_SQL_SEES_REVIEW(pr) " OR (" r ".partnership_id = ?91 AND "   \
	"?92 = 1 AND CAST(?97 AS BIGINT) <> 0 AND " r ".organisation_id = " \
	"?97))"

/*
 * A learning briefing lb: as the case of its review pr (pr may be the
 * NULL row of a LEFT JOIN: a briefing of no review is held by the admin
 * and the chair), and everyone once it is published.
 */
#define GOV_SQL_SEES_BRIEFING(lb, pr)                                        \
	"((" lb ".partnership_id = ?91 AND (" lb ".published_on IS NOT NULL "\
	"OR ?98 = 1 OR (?92 = 1 AND (?93 = 1 OR ?96 = 1)))) OR (" pr ".id "  \
	"IS NOT NULL AND " GOV_SQL_SEES_CASE(pr ".partnership_id",          \
	pr ".body_id") "))"

/*
 * Child death cd reviewed by panel body pb (alias of the body row; it may
 * belong to another partnership, a regional panel serving several): seen
 * by masa itself, the admin and chair of the child's partnership (each
 * partnership sees its own), the admin of the panel's partnership, and the
 * panel's members, who see the cases of every partnership it serves. The
 * public and everyone else see only suppressed counts
 * (assure_suppress), never a case.
 */
#define GOV_SQL_SEES_CHILD_DEATH(cd, pb)                                     \
	"((?98 = 1 AND (" cd ".partnership_id = ?91 OR " pb ".partnership_id"\
	" = ?91)) OR (?92 = 1 AND ((" cd ".partnership_id = ?91 AND (?93 = 1"\
	" OR ?96 = 1)) OR (" pb ".partnership_id = ?91 AND ?93 = 1) OR "     \
	GOV_SQL_MEMBER_OF(pb ".id", "?95") ")))"
/* clang-format on */

/* Binds v to st's parameters ?91 to ?98 (see above). */
struct store_stmt;
void gov_viewer_bind(struct store_stmt *st, const struct gov_viewer *v);

/*
 * masa itself and the command line: whoever runs masa against the database
 * file sees everything in it (partnership_id is the one it works on), as do
 * the domain's own checks and the interchange (dump, load, import).
 */
void gov_viewer_system(struct gov_viewer *v, int64_t partnership_id);

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
/*
 * May v see the open items and minutes of meeting m (read already)? The
 * rule of GOV_SQL_SEES_MINUTES for a meeting in hand, without a query (a
 * calendar asks it of every meeting it lists); test_part_two checks the
 * two agree (gov_may_see_minutes_of asks the SQL).
 */
bool gov_may_see_minutes(const struct gov_viewer *v,
                         const struct gov_meeting *m);
/* May v see the agenda of meeting m (read already): GOV_SQL_SEES_AGENDA. */
bool gov_may_see_agenda(const struct gov_viewer *v,
                        const struct gov_meeting *m);
/* The same, asked of the store with GOV_SQL_SEES_MINUTES. */
enum masa_err gov_may_see_minutes_of(struct gov *g, const struct gov_viewer *v,
                                     int64_t meeting_id, bool *yes,
                                     struct masa_error *err);
/* The same, asked of the store with GOV_SQL_SEES_AGENDA. */
enum masa_err gov_may_see_agenda_of(struct gov *g, const struct gov_viewer *v,
                                    int64_t meeting_id, bool *yes,
                                    struct masa_error *err);
/* May v change the partnership's records (bodies, meetings, minutes)? */
bool gov_may_administer(const struct gov_viewer *v, int64_t partnership_id);

#endif
