/*
 * account: who may sign in to masa's web application and API, with which
 * role, and their sessions and API tokens.
 *
 * Roles: admin (the business unit: everything), chair (reads everything of
 * the partnership, challenges), member (sees the papers of the bodies the
 * person sits on), partner (updates the actions of their organisation).
 * Passwords are stored as Argon2id hashes (libsodium crypto_pwhash_str).
 * After ACCOUNT_MAX_FAILURES wrong passwords in a row an account is locked
 * for ACCOUNT_LOCK_MINUTES. Session and API tokens are 32 random bytes given
 * to the client once; only their BLAKE2b hash is stored.
 *
 * A new password or disabling an account ends its sessions; disabling also
 * revokes its API tokens (a new password leaves them: they are credentials
 * of their own, revoked with gov_token_revoke). API tokens expire
 * (TOKEN_DAYS_DEFAULT after they are made unless another date is given)
 * and may be limited to reading.
 */
#ifndef MASA_GOV_ACCOUNT_H
#define MASA_GOV_ACCOUNT_H

#include "gov/gov.h"

enum {
	ACCOUNT_PASSWORD_MIN = 12,
	ACCOUNT_PASSWORD_MAX = 1024,
	ACCOUNT_MAX_FAILURES = 5,
	ACCOUNT_LOCK_MINUTES = 15,
	SESSION_HOURS = 12,
	/* Tokens as text: 32 random bytes, base64url without padding. */
	TOKEN_TEXT_SIZE = 44,
	TOKEN_DAYS_DEFAULT = 365,
	TOKEN_DAYS_MAX = 5 * 366, /* the furthest expiry a token may have */
	/* Time stamps as text: YYYY-MM-DDTHH:MM:SSZ. */
	ACCOUNT_TIMESTAMP_SIZE = 21,
};

struct gov_account {
	int64_t id;
	int64_t partnership_id;
	char *username;
	char *role;              /* admin, chair, member, partner */
	int64_t person_id;       /* the person, or 0 */
	int64_t organisation_id; /* a partner's organisation, or 0 */
	char *password_hash;
	bool disabled;
	int64_t failed_logins;
	char *locked_until; /* YYYY-MM-DDTHH:MM:SSZ, or NULL */
	char *created_at;
};

extern const char *const gov_account_roles[];

/* Starts libsodium; call once before any other account function. */
enum masa_err account_library_init(struct masa_error *err);

/*
 * Creates an account with password (which is hashed, never stored). A
 * partner needs an organisation; member, partner and chair a person.
 */
enum masa_err gov_account_create(struct gov *g, struct gov_account *acc,
                                 const char *password, struct masa_error *err);
enum masa_err gov_account_find(struct gov *g, const char *username,
                               struct arena *a, struct gov_account *out,
                               struct masa_error *err);
enum masa_err gov_account_get(struct gov *g, int64_t id, struct arena *a,
                              struct gov_account *out, struct masa_error *err);
enum masa_err gov_account_list(struct gov *g, int64_t partnership_id,
                               struct arena *a, struct gov_account **out,
                               size_t *n, struct masa_error *err);
/* Sets a new password, clears any lock and ends the account's sessions. */
enum masa_err gov_account_set_password(struct gov *g, int64_t id,
                                       const char *password,
                                       struct masa_error *err);
/*
 * Disables (or enables) an account; disabling ends its sessions and revokes
 * its API tokens (enabling it again brings neither back).
 */
enum masa_err gov_account_set_disabled(struct gov *g, int64_t id, bool disabled,
                                       struct masa_error *err);

/* The one message of every failed sign-in (gov_account_sign_in). */
extern const char gov_sign_in_refused[];

/*
 * Checks username and password at partnership_id. On success *out (in a)
 * is the account and its failure count is reset. Every failure (an unknown
 * username, an account of another partnership, a disabled or locked
 * account, a wrong password) is MASA_ERR_INVALID with the one message
 * gov_sign_in_refused, and costs the same Argon2id check as a right one.
 *
 * Each real check of a password is first claimed with one atomic UPDATE
 * that counts it as a failure and locks the account at the
 * ACCOUNT_MAX_FAILURES-th, so that many tries at once make at most that
 * many checks before the lock; a right password then clears the count.
 * Failures at another partnership's address count against no account.
 */
enum masa_err gov_account_sign_in(struct gov *g, int64_t partnership_id,
                                  const char *username, const char *password,
                                  struct arena *a, struct gov_account *out,
                                  struct masa_error *err);

/*
 * Starts a session for account_id: token (for the cookie) and csrf (for
 * forms) are written to the caller's buffers; a new session is made at every
 * sign-in, so a token from before it never works after.
 */
enum masa_err gov_session_create(struct gov *g, int64_t account_id,
                                 char token[TOKEN_TEXT_SIZE + 1],
                                 char csrf[TOKEN_TEXT_SIZE + 1],
                                 struct masa_error *err);
/*
 * The account of an unexpired session token (and its csrf token, in a);
 * MASA_ERR_NOT_FOUND for an unknown or expired token or a disabled account.
 */
enum masa_err gov_session_lookup(struct gov *g, const char *token,
                                 struct arena *a, struct gov_account *out,
                                 char **csrf, struct masa_error *err);
/* Ends a session (sign-out). Unknown tokens are ignored. */
enum masa_err gov_session_end(struct gov *g, const char *token,
                              struct masa_error *err);

/* An API token as listed: never the token itself. */
struct gov_token {
	int64_t id;
	int64_t account_id;
	char *username; /* the account's, when listed */
	char *name;     /* what it is for */
	char *created_at;
	char *expires_at; /* it works until then */
	bool read_only;   /* GET and HEAD only */
	bool revoked;
	char *last_used_at; /* to the hour, or NULL */
};

/*
 * The expiry of a token from what a person wrote: a date YYYY-MM-DD (the
 * token works to the end of that day, UTC) or a number of days, weeks or
 * years from now ("90d", "12w", "1y"); NULL is TOKEN_DAYS_DEFAULT days. No
 * later than TOKEN_DAYS_MAX days, not in the past: else MASA_ERR_USAGE.
 */
enum masa_err gov_token_expiry(const char *text,
                               char out[ACCOUNT_TIMESTAMP_SIZE],
                               struct masa_error *err);
/*
 * A new API token for t->account_id with t->name, t->expires_at (NULL:
 * TOKEN_DAYS_DEFAULT days) and t->read_only; written to token once. Sets
 * t->id. The caller keeps t and its strings.
 */
enum masa_err gov_token_create(struct gov *g, struct gov_token *t,
                               char token[TOKEN_TEXT_SIZE + 1],
                               struct masa_error *err);
/* The tokens of partnership_id's accounts, in a (newest first). */
enum masa_err gov_token_list(struct gov *g, int64_t partnership_id,
                             struct arena *a, struct gov_token **out, size_t *n,
                             struct masa_error *err);
/*
 * Revokes token id of an account of partnership_id (MASA_ERR_NOT_FOUND if
 * there is none); *out (in a, may be NULL) is the token as it was.
 */
enum masa_err gov_token_revoke(struct gov *g, int64_t partnership_id,
                               int64_t id, struct arena *a,
                               struct gov_token *out, struct masa_error *err);
/*
 * The account (and, when tok is not NULL, the token) of a bearer token, in
 * a. MASA_ERR_NOT_FOUND, with a message that says which, for a token that
 * is unknown, revoked, expired, or whose account is disabled. Notes when it
 * was used (at most once an hour per token).
 */
enum masa_err gov_token_lookup(struct gov *g, const char *token,
                               struct arena *a, struct gov_account *out,
                               struct gov_token *tok, struct masa_error *err);

#endif
