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
/* Sets a new password and clears any lock. */
enum masa_err gov_account_set_password(struct gov *g, int64_t id,
                                       const char *password,
                                       struct masa_error *err);
/* Disables (or enables) an account; disabling ends its sessions. */
enum masa_err gov_account_set_disabled(struct gov *g, int64_t id, bool disabled,
                                       struct masa_error *err);

/*
 * Checks username and password. On success *out is the account and its
 * failure count is reset; a wrong password counts a failure and locks the
 * account after ACCOUNT_MAX_FAILURES. The message never says which of
 * username and password was wrong (MASA_ERR_INVALID), nor, for a locked or
 * disabled account, whether the password was right.
 */
enum masa_err gov_account_sign_in(struct gov *g, const char *username,
                                  const char *password, struct arena *a,
                                  struct gov_account *out,
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

/* A new API token for account_id, named name; written to token once. */
enum masa_err gov_token_create(struct gov *g, int64_t account_id,
                               const char *name,
                               char token[TOKEN_TEXT_SIZE + 1],
                               struct masa_error *err);
/* The account of a bearer token that is not revoked. */
enum masa_err gov_token_lookup(struct gov *g, const char *token,
                               struct arena *a, struct gov_account *out,
                               struct masa_error *err);

#endif
