/*
 * remind: each owner's digest of the actions due in seven days, due today
 * and overdue, and the record of which reminders were sent, so that no one
 * is reminded twice of the same action on the same day.
 */
#ifndef MASA_GOV_REMIND_H
#define MASA_GOV_REMIND_H

#include "gov/action.h"
#include "gov/gov.h"

struct gov_digest {
	int64_t person_id;
	char *person_name;
	char *email; /* NULL: the person has no address (reported, not sent) */
	struct gov_action_entry *due_in_week; /* due exactly 7 days on */
	size_t ndue_in_week;
	struct gov_action_entry *due_today;
	size_t ndue_today;
	struct gov_action_entry *overdue;
	size_t noverdue;
};

/*
 * The digests for date `on` in a partnership: one per person who owns
 * (directly, or as a member of a body whose action is owned by all its
 * members on that day) an unfinished action due in 7 days, today or before
 * today, leaving out actions already reminded to that person on that day.
 * People with nothing left are not listed. Everything is in a.
 */
enum masa_err gov_remind_digests(struct gov *g, int64_t partnership_id,
                                 const char *on, struct arena *a,
                                 struct gov_digest **out, size_t *n,
                                 struct masa_error *err);
/*
 * Claims the sending of d on `on`, before it is sent, so that two runs (on
 * two machines of one deployment, say) never both send it: *claimed is
 * false when another run already has (then nothing is claimed). stamp
 * receives the claim's time, for gov_remind_unclaim().
 */
enum masa_err gov_remind_claim(struct gov *g, const struct gov_digest *d,
                               const char *on, char stamp[21], bool *claimed,
                               struct masa_error *err);
/* Gives back a claim whose message could not be sent, to go another day. */
enum masa_err gov_remind_unclaim(struct gov *g, const struct gov_digest *d,
                                 const char *on, const char *stamp,
                                 struct masa_error *err);

/*
 * The deployment's settings for sending e-mail, reminders and circulation
 * alike (table setting): the SMTP server ("smtp_url": smtp:// or smtps://,
 * optionally with a user and password), the sender's address
 * ("mail_from") and masa's own address as its users open it ("site_url":
 * https://masa.example.org), for links in e-mails. Other keys are refused
 * with a message naming these.
 */
extern const char *const gov_remind_setting_keys[]; /* NULL-terminated */
enum { GOV_SITE_URL_MAX = 200 };
/* MASA_ERR_INVALID unless url is http(s)://HOST[:PORT][/PATH], no final /. */
enum masa_err gov_site_url_check(const char *url, struct masa_error *err);
/* *value is the setting, in a, or NULL when it was never set. */
enum masa_err gov_remind_setting_get(struct gov *g, const char *key,
                                     struct arena *a, char **value,
                                     struct masa_error *err);
/*
 * Checks value for key and stores it, replacing any earlier value, with an
 * audit entry (a password in smtp_url goes to the audit log as "***").
 */
enum masa_err gov_remind_setting_set(struct gov *g, const char *key,
                                     const char *value, struct masa_error *err);

#endif
