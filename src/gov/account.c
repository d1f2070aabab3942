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
/*
 * Claims one real check of a password: counts it as a failure (a right
 * password clears the count afterwards), and locks the account at the
 * ACCOUNT_MAX_FAILURES-th, in one statement, so that tries at once cannot
 * all read the same count. An account whose lock has run out starts
 * counting again at one. No row: the account is locked or disabled.
 * Parameters: the threshold, the lock's end, the id, now.
 */
static const char SQL_ACCOUNT_CLAIM_CHECK[] =
        "UPDATE account SET failed_logins = CASE WHEN locked_until IS NULL "
        "THEN COALESCE(failed_logins, 0) + 1 ELSE 1 END, "
        "locked_until = CASE WHEN (CASE WHEN locked_until IS NULL "
        "THEN COALESCE(failed_logins, 0) + 1 ELSE 1 END) >= ? "
        "THEN ? ELSE NULL END "
        "WHERE id = ? AND disabled = 0 "
        "AND (locked_until IS NULL OR locked_until <= ?) "
        "RETURNING failed_logins";
static const char SQL_ACCOUNT_CHECKED_RIGHT[] =
        "UPDATE account SET failed_logins = 0, locked_until = NULL "
        "WHERE id = ?";
static const char SQL_ACCOUNT_REHASH[] =
        "UPDATE account SET password_hash = ? WHERE id = ?";
#define TOKEN_COLUMNS                                             \
	"t.id, t.account_id, ac.username, t.name, t.created_at, " \
	"t.expires_at, t.read_only, t.revoked, t.last_used_at"
static const char SQL_TOKEN_INSERT[] =
        "INSERT INTO api_token (token_hash, account_id, name, created_at, "
        "expires_at, read_only) VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
static const char SQL_TOKEN_LOOKUP[] =
        "SELECT " ACCOUNT_COLUMNS ", " TOKEN_COLUMNS " FROM api_token t "
        "JOIN account ac ON ac.id = t.account_id WHERE t.token_hash = ?";
static const char SQL_TOKEN_LIST[] =
        "SELECT " TOKEN_COLUMNS " FROM api_token t "
        "JOIN account ac ON ac.id = t.account_id "
        "WHERE ac.partnership_id = ? ORDER BY t.id DESC";
static const char SQL_TOKEN_GET[] = "SELECT " TOKEN_COLUMNS " FROM api_token t "
                                    "JOIN account ac ON ac.id = t.account_id "
                                    "WHERE ac.partnership_id = ? AND t.id = ?";
static const char SQL_TOKEN_REVOKE[] =
        "UPDATE api_token SET revoked = 1 WHERE id = ?";
static const char SQL_TOKEN_REVOKE_ACCOUNT[] =
        "UPDATE api_token SET revoked = 1 WHERE account_id = ?";
static const char SQL_TOKEN_USED[] =
        "UPDATE api_token SET last_used_at = ? WHERE id = ?";

const char gov_sign_in_refused[] =
        "The username or password is not right. After 5 wrong passwords "
        "in a row an account is locked for 15 minutes; if you cannot sign "
        "in, ask your partnership's business unit.";

enum masa_err account_library_init(struct masa_error *err)
{
	if (sodium_init() < 0)
		return masa_error_set(err, MASA_ERR_IO,
		                      "libsodium could not start (no source of "
		                      "random numbers?)");
	return MASA_OK;
}

/* A time stamp of t (seconds since 1970, UTC). */
static void timestamp_of(time_t t, char out[ACCOUNT_TIMESTAMP_SIZE])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, ACCOUNT_TIMESTAMP_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Now plus minutes, as a UTC time stamp. */
static void timestamp_after(long minutes, char out[ACCOUNT_TIMESTAMP_SIZE])
{
	timestamp_of(time(NULL) + minutes * 60, out);
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
	char now[ACCOUNT_TIMESTAMP_SIZE];
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
	    (rc = hash_password(password, hash, err)) ||
	    (rc = gov_begin(g, err)))
		goto out;
	acc.password_hash = hash;
	acc.failed_logins = 0;
	acc.locked_until = NULL;
	rc = record_update(g, &account_kind, &acc, err);
	/* Whoever signed in with the old password is signed out. */
	if (rc == MASA_OK)
		rc = run_with_id(g, SQL_SESSION_DELETE_ACCOUNT, id, err);
	rc = gov_end(g, rc, err);
out:
	sodium_memzero(hash, sizeof hash);
	arena_free(&a);
	return rc;
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
	if (rc == MASA_OK && disabled)
		rc = run_with_id(g, SQL_TOKEN_REVOKE_ACCOUNT, id, err);
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}

/*
 * The hash an unknown username's password is checked against, so that a
 * sign-in costs one Argon2id check whatever happens. Made with the settings
 * of hash_password from a random password nobody kept.
 */
static const char DUMMY_HASH[crypto_pwhash_STRBYTES] =
        "$argon2id$v=19$m=19456,t=2,p=1$8H1CsgPfkql+iNzTwjw8ow$"
        "bhAuY93GeRyRZwx4rOne7zfkr3PtsSqFBKmPJiTj+CE";

_Static_assert(ACCOUNT_MAX_FAILURES == 5 && ACCOUNT_LOCK_MINUTES == 15,
               "gov_sign_in_refused names both numbers");

/* Spends the time of a real check, and refuses. */
static enum masa_err refuse_sign_in(const char *password,
                                    struct masa_error *err)
{
	/* Nobody knows the dummy's password: what it says does not matter. */
	if (password != NULL) {
		int matched = crypto_pwhash_str_verify(DUMMY_HASH, password,
		                                       strlen(password));
		(void)matched;
	}
	return masa_error_set(err, MASA_ERR_INVALID, "%s", gov_sign_in_refused);
}

/*
 * Claims the check of account id's password (see SQL_ACCOUNT_CLAIM_CHECK):
 * *claimed is false when the account is locked or disabled. The claim that
 * locks the account is written to the audit log.
 */
static enum masa_err claim_check(struct gov *g, int64_t id, bool *claimed,
                                 struct masa_error *err)
{
	int64_t failures = 0;
	struct store_stmt *st;
	char now[ACCOUNT_TIMESTAMP_SIZE], until[ACCOUNT_TIMESTAMP_SIZE];
	enum masa_err rc;

	timestamp_now(now);
	timestamp_after(ACCOUNT_LOCK_MINUTES, until);
	rc = store_prepare(g->store, SQL_ACCOUNT_CLAIM_CHECK, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, ACCOUNT_MAX_FAILURES);
	store_bind_text(st, 2, until);
	store_bind_int(st, 3, id);
	store_bind_text(st, 4, now);
	rc = store_step(st, claimed, err);
	if (rc == MASA_OK && *claimed)
		failures = store_column_int(st, 0);
	store_done(st);
	if (rc == MASA_OK && failures == ACCOUNT_MAX_FAILURES)
		rc = audit_record(g, "update", "account", id, NULL,
		                  json_pack("{s:i, s:s}", "failed_logins",
		                            (json_int_t)failures,
		                            "locked_until", until),
		                  err);
	return rc;
}

enum masa_err gov_account_sign_in(struct gov *g, int64_t partnership_id,
                                  const char *username, const char *password,
                                  struct arena *a, struct gov_account *out,
                                  struct masa_error *err)
{
	struct masa_error probe;
	struct store_stmt *st;
	bool claimed;
	enum masa_err rc;

	if (username == NULL || password == NULL ||
	    strlen(password) > ACCOUNT_PASSWORD_MAX ||
	    gov_account_find(g, username, a, out, &probe) != MASA_OK ||
	    out->partnership_id != partnership_id)
		return refuse_sign_in(password, err);
	if ((rc = claim_check(g, out->id, &claimed, err)) != MASA_OK)
		return rc;
	if (!claimed)
		return refuse_sign_in(password, err);
	if (crypto_pwhash_str_verify(out->password_hash, password,
	                             strlen(password)) != 0)
		return masa_error_set(err, MASA_ERR_INVALID, "%s",
		                      gov_sign_in_refused);
	if ((rc = run_with_id(g, SQL_ACCOUNT_CHECKED_RIGHT, out->id, err)))
		return rc;
	out->failed_logins = 0;
	out->locked_until = NULL;
	if (crypto_pwhash_str_needs_rehash(out->password_hash, PWHASH_OPSLIMIT,
	                                   PWHASH_MEMLIMIT) != 0) {
		char hash[crypto_pwhash_STRBYTES];
		if (hash_password(password, hash, &probe) != MASA_OK)
			return MASA_OK; /* the old hash still verifies */
		out->password_hash = arena_strdup(a, hash);
		sodium_memzero(hash, sizeof hash);
		if ((rc = store_prepare(g->store, SQL_ACCOUNT_REHASH, &st,
		                        err)) != MASA_OK)
			return rc;
		store_bind_text(st, 1, out->password_hash);
		store_bind_int(st, 2, out->id);
		return store_run(st, NULL, err);
	}
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

/*
 * Prepares sql with the hash of token bound as its first parameter;
 * MASA_ERR_NOT_FOUND (with message) for text that cannot be a token.
 */
static enum masa_err prepare_by_hash(struct gov *g, const char *sql,
                                     const char *token, const char *message,
                                     struct store_stmt **st,
                                     struct masa_error *err)
{
	char hash[65];
	enum masa_err rc;

	if (token == NULL || strlen(token) != TOKEN_TEXT_SIZE - 1)
		return masa_error_set(err, MASA_ERR_NOT_FOUND, "%s", message);
	token_hash(token, hash);
	rc = store_prepare(g->store, sql, st, err);
	if (rc == MASA_OK)
		store_bind_text(*st, 1, hash);
	return rc;
}

enum masa_err gov_session_lookup(struct gov *g, const char *token,
                                 struct arena *a, struct gov_account *out,
                                 char **csrf, struct masa_error *err)
{
	struct store_stmt *st;
	char now[ACCOUNT_TIMESTAMP_SIZE];
	bool row;
	enum masa_err rc = prepare_by_hash(g, SQL_SESSION_LOOKUP, token,
	                                   "not signed in", &st, err);

	if (rc != MASA_OK)
		return rc;
	timestamp_now(now);
	store_bind_text(st, 2, now);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND, "not signed in");
	if (rc == MASA_OK) {
		record_read_row(st, &account_kind, a, out);
		*csrf = arena_strdup(
		        a, store_column_text(st, (int)account_kind.nfields));
	}
	store_done(st);
	return rc;
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

enum masa_err gov_token_expiry(const char *text,
                               char out[ACCOUNT_TIMESTAMP_SIZE],
                               struct masa_error *err)
{
	time_t now = time(NULL);
	long today = (long)(now / 86400), days;
	date_days day;
	struct masa_error probe;
	char *end;

	if (text == NULL) {
		timestamp_of(now + (time_t)TOKEN_DAYS_DEFAULT * 86400, out);
		return MASA_OK;
	}
	if (date_parse(text, &day, &probe) == MASA_OK) {
		if (day < today)
			return masa_error_set(err, MASA_ERR_USAGE,
			                      "--expires: %s is in the past",
			                      text);
		if (day - today > TOKEN_DAYS_MAX)
			goto too_far;
		/* To the end of that day. */
		timestamp_of((time_t)day * 86400 + 86399, out);
		return MASA_OK;
	}
	if (text[0] < '1' || text[0] > '9' || strlen(text) > 6)
		goto not_understood;
	days = strtol(text, &end, 10);
	if (strcmp(end, "w") == 0)
		days *= 7;
	else if (strcmp(end, "y") == 0)
		days *= 365;
	else if (strcmp(end, "d") != 0)
		goto not_understood;
	if (days > TOKEN_DAYS_MAX)
		goto too_far;
	timestamp_of(now + (time_t)days * 86400, out);
	return MASA_OK;
not_understood:
	return masa_error_set(err, MASA_ERR_USAGE,
	                      "--expires: \"%.40s\" is not a date (YYYY-MM-DD) "
	                      "or a number of days, weeks or years from now "
	                      "(90d, 12w, 1y)",
	                      text);
too_far:
	return masa_error_set(err, MASA_ERR_USAGE,
	                      "--expires: at most %d days from now (make a "
	                      "new token when this one expires)",
	                      TOKEN_DAYS_MAX);
}

enum masa_err gov_token_create(struct gov *g, struct gov_token *t,
                               char token[TOKEN_TEXT_SIZE + 1],
                               struct masa_error *err)
{
	struct store_stmt *st;
	char hash[65], now[ACCOUNT_TIMESTAMP_SIZE];
	char expires[ACCOUNT_TIMESTAMP_SIZE];
	enum masa_err rc;

	if ((rc = check_line("token name", t->name, err)))
		return rc;
	if (t->expires_at == NULL)
		gov_token_expiry(NULL, expires, err);
	else if ((rc = timestamp_check(t->expires_at, err)))
		return rc;
	else
		snprintf(expires, sizeof expires, "%s", t->expires_at);
	new_token(token);
	token_hash(token, hash);
	timestamp_now(now);
	rc = store_prepare(g->store, SQL_TOKEN_INSERT, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_text(st, 1, hash);
	store_bind_int(st, 2, t->account_id);
	store_bind_text(st, 3, t->name);
	store_bind_text(st, 4, now);
	store_bind_text(st, 5, expires);
	store_bind_int(st, 6, t->read_only);
	rc = store_run(st, &t->id, err);
	if (rc == MASA_OK)
		rc = audit_record(g, "create", "api_token", t->id, NULL,
		                  json_pack("{s:I, s:s, s:s, s:b}",
		                            "account_id",
		                            (json_int_t)t->account_id, "name",
		                            t->name, "expires_at", expires,
		                            "read_only", t->read_only),
		                  err);
	return rc;
}

/* Reads TOKEN_COLUMNS from column first of st into *t (in a). */
static void read_token(struct store_stmt *st, int first, struct arena *a,
                       struct gov_token *t)
{
	const char *used = store_column_text(st, first + 8);

	t->id = store_column_int(st, first);
	t->account_id = store_column_int(st, first + 1);
	t->username = arena_strdup(a, store_column_text(st, first + 2));
	t->name = arena_strdup(a, store_column_text(st, first + 3));
	t->created_at = arena_strdup(a, store_column_text(st, first + 4));
	t->expires_at = arena_strdup(a, store_column_text(st, first + 5));
	t->read_only = store_column_int(st, first + 6) != 0;
	t->revoked = store_column_int(st, first + 7) != 0;
	t->last_used_at = used ? arena_strdup(a, used) : NULL;
}

enum masa_err gov_token_list(struct gov *g, int64_t partnership_id,
                             struct arena *a, struct gov_token **out, size_t *n,
                             struct masa_error *err)
{
	struct store_stmt *st;
	size_t cap = 0;
	bool row;
	enum masa_err rc = store_prepare(g->store, SQL_TOKEN_LIST, &st, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, partnership_id);
	while ((rc = store_step(st, &row, err)) == MASA_OK && row) {
		*out = arena_grow(a, *out, *n, &cap, sizeof **out, 16);
		read_token(st, 0, a, &(*out)[(*n)++]);
	}
	store_done(st);
	return rc;
}

enum masa_err gov_token_revoke(struct gov *g, int64_t partnership_id,
                               int64_t id, struct arena *a,
                               struct gov_token *out, struct masa_error *err)
{
	struct arena own = ARENA_INIT;
	struct gov_token t;
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, SQL_TOKEN_GET, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, partnership_id);
	store_bind_int(st, 2, id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(
		        err, MASA_ERR_NOT_FOUND,
		        "no API token %lld in this partnership (see "
		        "masa token list)",
		        (long long)id);
	if (rc == MASA_OK)
		read_token(st, 0, a ? a : &own, &t);
	store_done(st);
	if (rc == MASA_OK && !t.revoked)
		rc = run_with_id(g, SQL_TOKEN_REVOKE, id, err);
	if (rc == MASA_OK && !t.revoked)
		rc = audit_record(
		        g, "update", "api_token", id,
		        json_pack("{s:s, s:b}", "name", t.name, "revoked", 0),
		        json_pack("{s:s, s:b}", "name", t.name, "revoked", 1),
		        err);
	if (rc == MASA_OK && out != NULL)
		*out = t;
	arena_free(&own);
	return rc;
}

/* Notes that token id was used, when its note is more than an hour old. */
static void note_token_used(struct gov *g, int64_t id, const char *last_used)
{
	char hour_ago[ACCOUNT_TIMESTAMP_SIZE], now[ACCOUNT_TIMESTAMP_SIZE];
	struct masa_error ignored;
	struct store_stmt *st;

	timestamp_after(-60, hour_ago);
	if (last_used != NULL && strcmp(last_used, hour_ago) > 0)
		return;
	timestamp_now(now);
	/* A note, not a record: a request is not refused for want of it. */
	if (store_prepare(g->store, SQL_TOKEN_USED, &st, &ignored) != MASA_OK)
		return;
	store_bind_text(st, 1, now);
	store_bind_int(st, 2, id);
	(void)store_run(st, NULL, &ignored);
}

enum masa_err gov_token_lookup(struct gov *g, const char *token,
                               struct arena *a, struct gov_account *out,
                               struct gov_token *tok, struct masa_error *err)
{
	static const char unknown[] = "The API token is not known";
	struct store_stmt *st;
	struct gov_token t;
	char now[ACCOUNT_TIMESTAMP_SIZE];
	bool row;
	enum masa_err rc =
	        prepare_by_hash(g, SQL_TOKEN_LOOKUP, token, unknown, &st, err);

	if (rc != MASA_OK)
		return rc;
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND, "%s", unknown);
	if (rc == MASA_OK) {
		record_read_row(st, &account_kind, a, out);
		read_token(st, (int)account_kind.nfields, a, &t);
	}
	store_done(st);
	if (rc != MASA_OK)
		return rc;
	timestamp_now(now);
	if (t.revoked)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "The API token \"%s\" has been revoked",
		                      t.name);
	if (out->disabled)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "The account of the API token \"%s\" is "
		                      "disabled",
		                      t.name);
	if (t.expires_at == NULL || strcmp(t.expires_at, now) < 0)
		return masa_error_set(
		        err, MASA_ERR_NOT_FOUND,
		        "The API token \"%s\" expired at %s", t.name,
		        t.expires_at ? t.expires_at : "its making");
	note_token_used(g, t.id, t.last_used_at);
	if (tok != NULL)
		*tok = t;
	return MASA_OK;
}
