/*
 * account: accounts, passwords, lock-out, sessions and API tokens (see
 * account.h). libsodium does the cryptography: Argon2id for passwords,
 * randombytes for tokens, BLAKE2b for the stored token hashes.
 */
#include "gov/account.h"

#include <sodium.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/text.h"
#include "gov/audit.h"
#include "gov/check.h"
#include "gov/record.h"

const char *const gov_account_roles[] = {"admin", "chair", "member", "partner",
                                         NULL};

static const struct record_field account_fields[] = {
        RECORD_FIELD(struct gov_account, id, RECORD_ID),
        RECORD_FIELD(struct gov_account, partnership_id, RECORD_ID),
        RECORD_FIELD(struct gov_account, username, RECORD_TEXT),
        RECORD_FIELD(struct gov_account, role, RECORD_TEXT),
        RECORD_FIELD(struct gov_account, person_id, RECORD_ID),
        RECORD_FIELD(struct gov_account, organisation_id, RECORD_ID),
        RECORD_FIELD(struct gov_account, password_hash, RECORD_SECRET),
        RECORD_FIELD(struct gov_account, disabled, RECORD_BOOL),
        RECORD_FIELD(struct gov_account, failed_logins, RECORD_INT),
        RECORD_FIELD(struct gov_account, locked_until, RECORD_TEXT),
        RECORD_FIELD(struct gov_account, created_at, RECORD_TEXT),
};

#define ACCOUNT_COLUMNS                                                  \
	"ac.id, ac.partnership_id, ac.username, ac.role, ac.person_id, " \
	"ac.organisation_id, ac.password_hash, ac.disabled, "            \
	"ac.failed_logins, ac.locked_until, ac.created_at"

static const struct record_kind account_kind = {
        .entity = "account",
        .label = "account",
        .fields = account_fields,
        .nfields = sizeof account_fields / sizeof account_fields[0],
        .size = sizeof(struct gov_account),
        .sql_insert = "INSERT INTO account (partnership_id, username, role, "
                      "person_id, organisation_id, password_hash, disabled, "
                      "failed_logins, locked_until, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        .sql_update = "UPDATE account SET partnership_id = ?, username = ?, "
                      "role = ?, person_id = ?, organisation_id = ?, "
                      "password_hash = ?, disabled = ?, failed_logins = ?, "
                      "locked_until = ?, created_at = ? WHERE id = ?",
        .sql_get = "SELECT " ACCOUNT_COLUMNS " FROM account ac WHERE ac.id = ?",
};

static const char SQL_ACCOUNT_FIND[] =
        "SELECT " ACCOUNT_COLUMNS " FROM account ac WHERE ac.username = ?";
static const char SQL_ACCOUNT_LIST[] =
        "SELECT " ACCOUNT_COLUMNS " FROM account ac "
        "WHERE ac.partnership_id = ? ORDER BY ac.username";
static const char SQL_PERSON_IN[] =
        "SELECT 1 FROM person WHERE id = ? AND partnership_id = ?";
static const char SQL_ORGANISATION_IN[] =
        "SELECT 1 FROM organisation WHERE id = ? AND partnership_id = ?";
static const char SQL_SESSION_INSERT[] =
        "INSERT INTO session (token_hash, account_id, csrf_token, created_at, "
        "expires_at) VALUES (?, ?, ?, ?, ?)";
static const char SQL_SESSION_LOOKUP[] =
        "SELECT " ACCOUNT_COLUMNS ", s.csrf_token FROM session s "
        "JOIN account ac ON ac.id = s.account_id "
        "WHERE s.token_hash = ? AND s.expires_at > ? AND ac.disabled = 0";
static const char SQL_SESSION_DELETE[] =
        "DELETE FROM session WHERE token_hash = ?";
static const char SQL_SESSION_DELETE_ACCOUNT[] =
        "DELETE FROM session WHERE account_id = ?";
static const char SQL_TOKEN_INSERT[] =
        "INSERT INTO api_token (token_hash, account_id, name, created_at) "
        "VALUES (?, ?, ?, ?)";
static const char SQL_TOKEN_LOOKUP[] =
        "SELECT " ACCOUNT_COLUMNS " FROM api_token t "
        "JOIN account ac ON ac.id = t.account_id "
        "WHERE t.token_hash = ? AND t.revoked = 0 AND ac.disabled = 0";

enum masa_err account_library_init(struct masa_error *err)
{
	if (sodium_init() < 0)
		return masa_error_set(err, MASA_ERR_IO,
		                      "libsodium could not start (no source of "
		                      "random numbers?)");
	return MASA_OK;
}

/* Now plus minutes, as a UTC time stamp. */
static void timestamp_after(long minutes, char out[21])
{
	time_t t = time(NULL) + minutes * 60;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static enum masa_err password_check(const char *password,
                                    struct masa_error *err)
{
	size_t n = password ? strlen(password) : 0;

	if (n < ACCOUNT_PASSWORD_MIN)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "password: at least %d characters, please "
		        "(a few words make a good one)",
		        ACCOUNT_PASSWORD_MIN);
	if (n > ACCOUNT_PASSWORD_MAX)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "password: at most %d characters",
		                      ACCOUNT_PASSWORD_MAX);
	if (!utf8_valid(password, n, NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "password: not UTF-8 text");
	return MASA_OK;
}

/*
 * Argon2id with 19 MiB and two passes: the strength OWASP recommends, at a
 * memory cost that lets a server sign people in without its memory jumping
 * by 64 MiB for each of them (which libsodium's "interactive" setting
 * costs). Hashes made with other settings still verify, and are made again
 * with these at the next sign-in.
 */
#define PWHASH_OPSLIMIT 2ULL
#define PWHASH_MEMLIMIT ((size_t)19 * 1024 * 1024)

static enum masa_err hash_password(const char *password,
                                   char out[crypto_pwhash_STRBYTES],
                                   struct masa_error *err)
{
	if (crypto_pwhash_str(out, password, strlen(password), PWHASH_OPSLIMIT,
	                      PWHASH_MEMLIMIT) != 0)
		return masa_error_set(err, MASA_ERR_IO,
		                      "password: not enough memory to hash it");
	return MASA_OK;
}

static enum masa_err account_check(struct gov *g, const struct gov_account *acc,
                                   struct masa_error *err)
{
	enum masa_err rc;

	if ((rc = check_line("username", acc->username, err)) ||
	    (rc = check_enum("role", acc->role, gov_account_roles, false,
	                     err)) ||
	    (rc = record_check_ref(g, SQL_PERSON_IN, acc->person_id,
	                           acc->partnership_id, false, "person",
	                           "person", err)) ||
	    (rc = record_check_ref(g, SQL_ORGANISATION_IN, acc->organisation_id,
	                           acc->partnership_id, false, "organisation",
	                           "organisation", err)))
		return rc;
	if (strlen(acc->username) > 254 ||
	    strpbrk(acc->username, " \t<>\"") != NULL)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "username: \"%.60s\" must be one word (an "
		        "e-mail address suits)",
		        acc->username);
	if (strcmp(acc->role, "partner") == 0 && acc->organisation_id == 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "organisation: a partner account needs the "
		        "organisation whose actions it updates");
	if (strcmp(acc->role, "admin") != 0 && acc->person_id == 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "person: a %s account needs the person it "
		        "belongs to",
		        acc->role);
	return MASA_OK;
}

enum masa_err gov_account_create(struct gov *g, struct gov_account *acc,
                                 const char *password, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_account other;
	struct masa_error probe;
	char hash[crypto_pwhash_STRBYTES];
	char now[21];
	enum masa_err rc;

	acc->id = 0;
	if ((rc = account_check(g, acc, err)) ||
	    (rc = password_check(password, err)))
		goto out;
	if (gov_account_find(g, acc->username, &a, &other, &probe) == MASA_OK) {
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "username: \"%s\" is already taken",
		                    acc->username);
		goto out;
	}
	if ((rc = hash_password(password, hash, err)))
		goto out;
	timestamp_now(now);
	acc->password_hash = hash;
	acc->disabled = false;
	acc->failed_logins = 0;
	acc->locked_until = NULL;
	acc->created_at = now;
	rc = record_insert(g, &account_kind, acc, err);
	acc->password_hash = NULL;
	acc->created_at = NULL;
out:
	sodium_memzero(hash, sizeof hash);
	arena_free(&a);
	return rc;
}

enum masa_err gov_account_find(struct gov *g, const char *username,
                               struct arena *a, struct gov_account *out,
                               struct masa_error *err)
{
	return record_find(g, &account_kind, SQL_ACCOUNT_FIND, 0, username, a,
	                   out, err);
}

enum masa_err gov_account_get(struct gov *g, int64_t id, struct arena *a,
                              struct gov_account *out, struct masa_error *err)
{
	return record_get(g, &account_kind, id, a, out, err);
}

enum masa_err gov_account_list(struct gov *g, int64_t partnership_id,
                               struct arena *a, struct gov_account **out,
                               size_t *n, struct masa_error *err)
{
	void *items;
	enum masa_err rc = record_list(g, &account_kind, SQL_ACCOUNT_LIST,
	                               partnership_id, a, &items, n, err);

	*out = items;
	return rc;
}

enum masa_err gov_account_set_password(struct gov *g, int64_t id,
                                       const char *password,
                                       struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_account acc;
	char hash[crypto_pwhash_STRBYTES];
	enum masa_err rc;

	if ((rc = password_check(password, err)) ||
	    (rc = gov_account_get(g, id, &a, &acc, err)) ||
	    (rc = hash_password(password, hash, err)))
		goto out;
	acc.password_hash = hash;
	acc.failed_logins = 0;
	acc.locked_until = NULL;
	rc = record_update(g, &account_kind, &acc, err);
out:
	sodium_memzero(hash, sizeof hash);
	arena_free(&a);
	return rc;
}

static enum masa_err run_with_id(struct gov *g, const char *sql, int64_t id,
                                 struct masa_error *err)
{
	struct store_stmt *st;
	enum masa_err rc = store_prepare(g->store, sql, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, id);
	return store_run(st, NULL, err);
}

enum masa_err gov_account_set_disabled(struct gov *g, int64_t id, bool disabled,
                                       struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_account acc;
	enum masa_err rc = gov_account_get(g, id, &a, &acc, err);

	if (rc == MASA_OK)
		rc = gov_begin(g, err);
	if (rc != MASA_OK)
		goto out;
	acc.disabled = disabled;
	rc = record_update(g, &account_kind, &acc, err);
	if (rc == MASA_OK && disabled)
		rc = run_with_id(g, SQL_SESSION_DELETE_ACCOUNT, id, err);
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}

enum masa_err gov_account_sign_in(struct gov *g, const char *username,
                                  const char *password, struct arena *a,
                                  struct gov_account *out,
                                  struct masa_error *err)
{
	struct masa_error probe;
	char now[21];
	bool right;
	enum masa_err rc;

	if (username == NULL || password == NULL ||
	    strlen(password) > ACCOUNT_PASSWORD_MAX ||
	    gov_account_find(g, username, a, out, &probe) != MASA_OK) {
		/* Spend the time a real check takes, so that timing does not
		 * tell which usernames exist. */
		char hash[crypto_pwhash_STRBYTES];
		if (hash_password("masa: no such account", hash, &probe) ==
		    MASA_OK)
			sodium_memzero(hash, sizeof hash);
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "The username or password is not right");
	}
	timestamp_now(now);
	if (out->disabled ||
	    (out->locked_until != NULL && strcmp(out->locked_until, now) > 0))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        out->disabled ? "This account is disabled: ask "
		                        "the business unit"
		                      : "This account is locked after "
		                        "repeated wrong passwords: try "
		                        "again in %d minutes, or ask the "
		                        "business unit",
		        ACCOUNT_LOCK_MINUTES);
	right = crypto_pwhash_str_verify(out->password_hash, password,
	                                 strlen(password)) == 0;
	if (right &&
	    crypto_pwhash_str_needs_rehash(out->password_hash, PWHASH_OPSLIMIT,
	                                   PWHASH_MEMLIMIT) != 0) {
		char hash[crypto_pwhash_STRBYTES];
		if (hash_password(password, hash, &probe) == MASA_OK) {
			out->password_hash = arena_strdup(a, hash);
			sodium_memzero(hash, sizeof hash);
			rc = record_update(g, &account_kind, out, err);
			if (rc != MASA_OK)
				return rc;
		}
	}
	if (right && out->failed_logins == 0 && out->locked_until == NULL)
		return MASA_OK;
	if (right) {
		out->failed_logins = 0;
		out->locked_until = NULL;
	} else if (++out->failed_logins >= ACCOUNT_MAX_FAILURES) {
		char until[21];
		timestamp_after(ACCOUNT_LOCK_MINUTES, until);
		out->locked_until = arena_strdup(a, until);
		out->failed_logins = 0;
	}
	rc = record_update(g, &account_kind, out, err);
	if (rc != MASA_OK)
		return rc;
	if (!right)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "The username or password is not right");
	return MASA_OK;
}

/* 32 random bytes as base64url text. */
static void new_token(char out[TOKEN_TEXT_SIZE + 1])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, TOKEN_TEXT_SIZE + 1, raw, sizeof raw,
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
}

/* The stored form of a token: hex of its BLAKE2b hash. */
static void token_hash(const char *token, char out[65])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof h, (const unsigned char *)token,
	                   strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof h);
}

enum masa_err gov_session_create(struct gov *g, int64_t account_id,
                                 char token[TOKEN_TEXT_SIZE + 1],
                                 char csrf[TOKEN_TEXT_SIZE + 1],
                                 struct masa_error *err)
{
	struct store_stmt *st;
	char hash[65], now[21], expires[21];
	enum masa_err rc;

	new_token(token);
	new_token(csrf);
	token_hash(token, hash);
	timestamp_now(now);
	timestamp_after(SESSION_HOURS * 60L, expires);
	rc = store_prepare(g->store, SQL_SESSION_INSERT, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_text(st, 1, hash);
	store_bind_int(st, 2, account_id);
	store_bind_text(st, 3, csrf);
	store_bind_text(st, 4, now);
	store_bind_text(st, 5, expires);
	return store_run(st, NULL, err);
}

/* Reads one account row (and, when csrf is not NULL, a csrf column). */
static enum masa_err lookup_by_hash(struct gov *g, const char *sql,
                                    const char *token, bool with_expiry,
                                    struct arena *a, struct gov_account *out,
                                    char **csrf, struct masa_error *err)
{
	struct store_stmt *st;
	char hash[65], now[21];
	bool row;
	enum masa_err rc;

	if (token == NULL || strlen(token) != TOKEN_TEXT_SIZE - 1)
		return masa_error_set(err, MASA_ERR_NOT_FOUND, "not signed in");
	token_hash(token, hash);
	timestamp_now(now);
	rc = store_prepare(g->store, sql, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_text(st, 1, hash);
	if (with_expiry)
		store_bind_text(st, 2, now);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND, "not signed in");
	if (rc == MASA_OK) {
		record_read_row(st, &account_kind, a, out);
		if (csrf != NULL)
			*csrf = arena_strdup(
			        a, store_column_text(
			                   st, (int)account_kind.nfields));
	}
	store_done(st);
	return rc;
}

enum masa_err gov_session_lookup(struct gov *g, const char *token,
                                 struct arena *a, struct gov_account *out,
                                 char **csrf, struct masa_error *err)
{
	return lookup_by_hash(g, SQL_SESSION_LOOKUP, token, true, a, out, csrf,
	                      err);
}

enum masa_err gov_session_end(struct gov *g, const char *token,
                              struct masa_error *err)
{
	struct store_stmt *st;
	char hash[65];
	enum masa_err rc;

	if (token == NULL)
		return MASA_OK;
	token_hash(token, hash);
	rc = store_prepare(g->store, SQL_SESSION_DELETE, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_text(st, 1, hash);
	return store_run(st, NULL, err);
}

enum masa_err gov_token_create(struct gov *g, int64_t account_id,
                               const char *name,
                               char token[TOKEN_TEXT_SIZE + 1],
                               struct masa_error *err)
{
	struct store_stmt *st;
	char hash[65], now[21];
	enum masa_err rc;

	if ((rc = check_line("token name", name, err)))
		return rc;
	new_token(token);
	token_hash(token, hash);
	timestamp_now(now);
	rc = store_prepare(g->store, SQL_TOKEN_INSERT, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_text(st, 1, hash);
	store_bind_int(st, 2, account_id);
	store_bind_text(st, 3, name);
	store_bind_text(st, 4, now);
	rc = store_run(st, NULL, err);
	if (rc == MASA_OK)
		rc = audit_record(g, "create", "api_token", account_id, NULL,
		                  json_pack("{s:s}", "name", name), err);
	return rc;
}

enum masa_err gov_token_lookup(struct gov *g, const char *token,
                               struct arena *a, struct gov_account *out,
                               struct masa_error *err)
{
	return lookup_by_hash(g, SQL_TOKEN_LOOKUP, token, false, a, out, NULL,
	                      err);
}
