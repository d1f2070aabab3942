/*
 * circulate: sending a meeting's agenda pack, part-two pack, one paper or
 * draft minutes by e-mail to the body's members on the meeting's date or
 * to a chosen list of people, and the record of who was sent what, when
 * and how (table circulation, one row per thing, person and day).
 *
 * The rules, decided here once for the command line and the web form:
 *  - part two (a paper of a confidential item, the part-two pack) goes
 *    only to the body's members on the meeting's date, the people who may
 *    see it, and only as a link that needs signing in: never attached, and
 *    the e-mail names no part-two title ("a confidential paper for item
 *    2"). Asking to send it to anyone else is refused, naming them;
 *  - an open paper is attached up to GOV_CIRCULATE_ATTACH_MAX bytes, and
 *    sent as a link to its download above that;
 *  - the agenda packs go as links to their downloads (a pack is made on
 *    request there; GOV_CIRCULATE_PACK_PATH is the one place naming it);
 *  - the draft minutes go as a link to the meeting page behind signing in:
 *    a draft changes until it is approved, and the members' copy holds part
 *    two, which is never attached to an e-mail;
 *  - someone without an e-mail address is recorded as not sent, with why;
 *  - a row is claimed (stored, without its sent_at) before the message
 *    goes: a run repeated after a crash, or two at once, never sends the
 *    same thing to the same person twice on the same day (the index
 *    circulation_once). A message the server refuses is recorded as not
 *    sent with the server's answer; one sent again later replaces that.
 *    An admin's re-send to one person (again) sends even if it went that
 *    day, updating the row.
 */
#ifndef MASA_GOV_CIRCULATE_H
#define MASA_GOV_CIRCULATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/mail.h"
#include "core/mem.h"
#include "gov/access.h"
#include "gov/gov.h"
#include "gov/meeting.h"

/* Open papers up to this size are attached; larger ones go as links. */
enum { GOV_CIRCULATE_ATTACH_MAX = 5 * 1024 * 1024 };

/*
 * Where the agenda pack and the part-two pack are found, after the site's
 * address: printf formats of the meeting's key ("RLSCB/2014-12-04"). The
 * meeting page's papers, until the packs' own download route is merged.
 */
#define GOV_CIRCULATE_PACK_PATH          "/meetings/%s/pack.pdf"
#define GOV_CIRCULATE_PART_TWO_PACK_PATH "/meetings/%s/part-two-pack.pdf"

enum gov_circulate_what {
	GOV_CIRCULATE_PACK,
	GOV_CIRCULATE_PART_TWO_PACK,
	GOV_CIRCULATE_PAPER,
	GOV_CIRCULATE_MINUTES,
};
/* "pack", "part_two_pack", "paper", "minutes": as stored, by the enum. */
extern const char *const gov_circulate_what_names[];

enum gov_circulate_how {
	GOV_CIRCULATE_ATTACHED,
	GOV_CIRCULATE_LINK,
	GOV_CIRCULATE_NOT_SENT, /* reason says why */
	GOV_CIRCULATE_ALREADY,  /* sent to them that day already */
};

/* What to send, to whom. */
struct gov_circulate_ask {
	int64_t meeting_id;
	enum gov_circulate_what what;
	int64_t paper_id; /* GOV_CIRCULATE_PAPER only */
	/* The people (ids) to send to; NULL and 0: the body's members on the
	 * meeting's date. Borrowed. */
	const int64_t *people;
	size_t npeople;
	const char *on;       /* the day recorded, YYYY-MM-DD; NULL: today */
	const char *site_url; /* "https://masa.example.org", for links */
	bool again;           /* send even to those sent it on `on` */
};

struct gov_circulate_recipient {
	int64_t person_id;
	char *name;  /* with honorific: "Ms Sue Cassin" */
	char *email; /* or NULL */
	bool member; /* of the body on the meeting's date */
	enum gov_circulate_how how;
	char *reason; /* not sent or already: why, for people */
};

/* What a send will do, person by person (gov_circulate_plan). */
struct gov_circulate_plan {
	struct gov_meeting meeting;
	char *body_short_name;
	char *body_name;
	enum gov_circulate_what what;
	int64_t paper_id;
	bool part_two;
	/* What is sent as the e-mail names it: "the agenda pack", "the paper
	 * \"Annual report\" (item 4)", "a confidential paper for item 2". */
	char *described;
	char *link; /* the absolute link the e-mail gives */
	/* An attachment, when the thing goes attached (else bytes NULL). */
	const void *bytes;
	size_t size;
	char *file_name;
	char *media_type;
	char on[11];
	bool again; /* ask's */
	struct gov_circulate_recipient *to;
	size_t nto;
};

/*
 * Works out who gets ask's thing and how, without sending or recording
 * anything: in a. MASA_ERR_NOT_FOUND for a meeting or paper of another
 * partnership or none; MASA_ERR_INVALID, naming the people, for part two
 * asked for anyone who is not a member of the body on the meeting's date,
 * for the part-two pack of a meeting without part two, or for a bad site
 * address or date.
 */
enum masa_err gov_circulate_plan(struct gov *g, int64_t partnership_id,
                                 const struct gov_circulate_ask *ask,
                                 struct arena *a,
                                 struct gov_circulate_plan *out,
                                 struct masa_error *err);

/*
 * The e-mail of plan to recipient r (who has an address), from the address
 * from with the name from_name (the partnership). Text in a; the
 * attachment, if any, is plan's.
 */
void gov_circulate_message(const struct gov_circulate_plan *plan,
                           const struct gov_circulate_recipient *r,
                           const char *from, const char *from_name,
                           struct arena *a, struct mail_attachment *file,
                           struct mail_message *out);

/* What a send did. */
struct gov_circulate_result {
	size_t sent, not_sent, already;
};

/*
 * Sends plan through sender from the address from (from_name: the
 * partnership's name), recording each person's row as above, and updates
 * each recipient's how and reason to what happened. When the server cannot
 * be reached, the rest are recorded as not sent without being tried.
 * MASA_ERR_IO or a store error only when the record itself fails; refused
 * messages are counted, not errors.
 */
enum masa_err gov_circulate_send(struct gov *g, struct gov_circulate_plan *plan,
                                 struct mail_sender *sender, const char *from,
                                 const char *from_name, struct arena *a,
                                 struct gov_circulate_result *result,
                                 struct masa_error *err);

/* One row of the record, as gov_circulation_record lists it. */
struct gov_circulation_row {
	int64_t id;
	int64_t meeting_id;
	int64_t person_id;
	char *person_name;
	char *person_key;
	char *email;
	bool member;       /* of the body on the meeting's date */
	const char *what;  /* gov_circulate_what_names */
	int64_t paper_id;  /* or 0 */
	char *paper_title; /* or NULL */
	char *item_number; /* the paper's item, or NULL */
	bool part_two;     /* a part-two paper or the part-two pack */
	char *sent_on;     /* YYYY-MM-DD */
	char *sent_at;     /* when the server took it, or NULL */
	char *how;         /* attached, link, not_sent */
	char *reason;      /* or NULL */
};

/*
 * The circulation of meeting_id's papers, packs and minutes that v may see
 * (GOV_SQL_SEES_CIRCULATION; part two only for who sees part two): newest
 * day first, then by thing and name; paper_id > 0 keeps that paper's. In
 * a. The public sees none.
 */
enum masa_err gov_circulation_record(struct gov *g, const struct gov_viewer *v,
                                     int64_t meeting_id, int64_t paper_id,
                                     struct arena *a,
                                     struct gov_circulation_row **out,
                                     size_t *n, struct masa_error *err);

/* Row id of the record, if v may see it (else MASA_ERR_NOT_FOUND); in a. */
enum masa_err gov_circulation_row_get(struct gov *g, const struct gov_viewer *v,
                                      int64_t id, struct arena *a,
                                      struct gov_circulation_row *out,
                                      struct masa_error *err);

/* The people to send part two to and everyone else, for a form. */
struct gov_circulate_person {
	int64_t id;
	char *key;
	char *name;       /* with honorific */
	char *plain_name; /* without: what the others are sorted by */
	char *email;      /* or NULL */
	bool member;      /* of the meeting's body on its date */
};
/* Everyone of the partnership, members of meeting_id's body on its date
 * first (in gov_members_on's order), then the others by name (surname
 * last, as stored); in a. */
enum masa_err gov_circulate_people(struct gov *g, int64_t partnership_id,
                                   int64_t meeting_id, struct arena *a,
                                   struct gov_circulate_person **out, size_t *n,
                                   struct masa_error *err);

#endif
