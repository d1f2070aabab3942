/*
 * test_account: signing in with Argon2id passwords, lock-out after repeated
 * failures (counted at the account's own partnership), one message for
 * every failure, disabled accounts, sessions and their end at a new
 * password, API tokens (expiry, read-only, revoking, listing), and CSRF
 * token comparison at its boundaries; on a real database (SQLite, or
 * PostgreSQL with MASA_TEST_PG).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "testdb.h"

#include <sodium.h>

#include "gov/account.h"
#include "gov/partnership.h"
#include "store/store.h"
#include "web/session.h"

struct fixture {
	char path[TESTDB_SIZE];
	struct store *store;
	struct gov g;
	struct arena a;
	struct masa_error err;
	int64_t partnership, account;
};

#define SECRET "a long enough secret"
#define ADMIN  "admin@example.org"

#define MUST(f, call)                                                       \
	do {                                                                \
		if ((call) != MASA_OK)                                      \
			fail_msg("%s failed: %s", #call, (f)->err.message); \
	} while (0)

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct gov_partnership p = {.key = "t", .name = "Testshire"};
	struct gov_account acc = {.username = ADMIN, .role = "admin"};

	if (testdb_new(f->path, sizeof f->path, "account") != 0)
		fail_msg("no test database");
	MUST(f, account_library_init(&f->err));
	MUST(f, store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err));
	gov_init(&f->g, f->store, "test");
	MUST(f, gov_partnership_create(&f->g, &p, &f->err));
	f->partnership = p.id;
	acc.partnership_id = p.id;
	MUST(f, gov_account_create(&f->g, &acc, SECRET, &f->err));
	f->account = acc.id;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	store_close(f->store);
	arena_free(&f->a);
	testdb_remove(f->path);
	free(f);
	return 0;
}

static void test_sign_in(void **state)
{
	struct fixture *f = *state;
	struct gov_account acc;

	MUST(f, gov_account_sign_in(&f->g, f->partnership, ADMIN, SECRET, &f->a,
	                            &acc, &f->err));
	assert_int_equal(acc.id, f->account);
	assert_string_equal(acc.role, "admin");
	assert_int_equal(gov_account_sign_in(&f->g, f->partnership, ADMIN,
	                                     "wrong", &f->a, &acc, &f->err),
	                 MASA_ERR_INVALID);
	assert_string_equal(f->err.message, gov_sign_in_refused);
	/* An unknown username gets the same answer. */
	assert_int_equal(gov_account_sign_in(&f->g, f->partnership,
	                                     "who@example.org", SECRET, &f->a,
	                                     &acc, &f->err),
	                 MASA_ERR_INVALID);
	assert_string_equal(f->err.message, gov_sign_in_refused);
}

static void test_lock_out(void **state)
{
	struct fixture *f = *state;
	struct gov_account acc;

	for (int i = 0; i < ACCOUNT_MAX_FAILURES; i++)
		assert_int_equal(gov_account_sign_in(&f->g, f->partnership,
		                                     ADMIN, "wrong guess",
		                                     &f->a, &acc, &f->err),
		                 MASA_ERR_INVALID);
	/* Locked: even the right password is refused, with the message of
	 * every failure (which says that accounts lock). */
	assert_int_equal(gov_account_sign_in(&f->g, f->partnership, ADMIN,
	                                     SECRET, &f->a, &acc, &f->err),
	                 MASA_ERR_INVALID);
	assert_string_equal(f->err.message, gov_sign_in_refused);
	assert_non_null(strstr(f->err.message, "locked"));
	/* A new password unlocks it. */
	MUST(f, gov_account_set_password(&f->g, f->account,
	                                 "a brand new secret", &f->err));
	MUST(f,
	     gov_account_sign_in(&f->g, f->partnership, ADMIN,
	                         "a brand new secret", &f->a, &acc, &f->err));
}

static void test_failures_reset_on_success(void **state)
{
	struct fixture *f = *state;
	struct gov_account acc;

	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < ACCOUNT_MAX_FAILURES - 1; i++)
			assert_int_equal(
			        gov_account_sign_in(&f->g, f->partnership,
			                            ADMIN, "wrong guess", &f->a,
			                            &acc, &f->err),
			        MASA_ERR_INVALID);
		MUST(f, gov_account_sign_in(&f->g, f->partnership, ADMIN,
		                            SECRET, &f->a, &acc, &f->err));
	}
}

/* A hash made with older settings is made again at the next sign-in. */
static void test_rehash_at_sign_in(void **state)
{
	struct fixture *f = *state;
	char old[crypto_pwhash_STRBYTES];
	struct gov_account acc;
	struct store_stmt *st;

	MUST(f, gov_account_get(&f->g, f->account, &f->a, &acc, &f->err));
	assert_non_null(strstr(acc.password_hash, "m=19456,t=2,"));
	assert_int_equal(crypto_pwhash_str(old, SECRET, 20,
	                                   crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                                   crypto_pwhash_MEMLIMIT_INTERACTIVE),
	                 0);
	MUST(f,
	     store_prepare(f->store,
	                   "UPDATE account SET password_hash = ? WHERE id = ?",
	                   &st, &f->err));
	store_bind_text(st, 1, old);
	store_bind_int(st, 2, f->account);
	MUST(f, store_run(st, NULL, &f->err));
	MUST(f, gov_account_sign_in(&f->g, f->partnership, ADMIN, SECRET, &f->a,
	                            &acc, &f->err));
	MUST(f, gov_account_get(&f->g, f->account, &f->a, &acc, &f->err));
	assert_non_null(strstr(acc.password_hash, "m=19456,t=2,"));
	/* And the password still signs in. */
	MUST(f, gov_account_sign_in(&f->g, f->partnership, ADMIN, SECRET, &f->a,
	                            &acc, &f->err));
}

static void test_sessions(void **state)
{
	struct fixture *f = *state;
	char token[TOKEN_TEXT_SIZE + 1], csrf[TOKEN_TEXT_SIZE + 1];
	char token2[TOKEN_TEXT_SIZE + 1], csrf2[TOKEN_TEXT_SIZE + 1];
	struct gov_account acc;
	char *got_csrf;

	MUST(f, gov_session_create(&f->g, f->account, token, csrf, &f->err));
	assert_int_equal(strlen(token), TOKEN_TEXT_SIZE - 1);
	MUST(f, gov_session_create(&f->g, f->account, token2, csrf2, &f->err));
	assert_string_not_equal(token, token2);
	assert_string_not_equal(csrf, csrf2);
	MUST(f,
	     gov_session_lookup(&f->g, token, &f->a, &acc, &got_csrf, &f->err));
	assert_int_equal(acc.id, f->account);
	assert_string_equal(got_csrf, csrf);
	assert_int_equal(gov_session_lookup(&f->g, "not-a-token", &f->a, &acc,
	                                    &got_csrf, &f->err),
	                 MASA_ERR_NOT_FOUND);
	MUST(f, gov_session_end(&f->g, token, &f->err));
	assert_int_equal(gov_session_lookup(&f->g, token, &f->a, &acc,
	                                    &got_csrf, &f->err),
	                 MASA_ERR_NOT_FOUND);
	/* Disabling the account ends its other sessions. */
	MUST(f, gov_account_set_disabled(&f->g, f->account, true, &f->err));
	assert_int_equal(gov_session_lookup(&f->g, token2, &f->a, &acc,
	                                    &got_csrf, &f->err),
	                 MASA_ERR_NOT_FOUND);
	assert_int_equal(gov_account_sign_in(&f->g, f->partnership, ADMIN,
	                                     SECRET, &f->a, &acc, &f->err),
	                 MASA_ERR_INVALID);
	assert_string_equal(f->err.message, gov_sign_in_refused);
}

/* Runs one statement with an integer and a text parameter (text may be
 * NULL), behind the domain's back. */
static void exec_sql(struct fixture *f, const char *sql, int64_t id,
                     const char *text)
{
	struct store_stmt *st;

	MUST(f, store_prepare(f->store, sql, &st, &f->err));
	store_bind_text(st, 1, text);
	store_bind_int(st, 2, id);
	MUST(f, store_run(st, NULL, &f->err));
}

static int64_t count_rows(struct fixture *f, const char *sql, int64_t id)
{
	struct store_stmt *st;
	bool row;
	int64_t n;

	MUST(f, store_prepare(f->store, sql, &st, &f->err));
	store_bind_int(st, 1, id);
	MUST(f, store_step(st, &row, &f->err));
	assert_true(row);
	n = store_column_int(st, 0);
	store_done(st);
	return n;
}

static enum masa_err sign_in(struct fixture *f, int64_t partnership,
                             const char *password)
{
	struct gov_account acc;

	return gov_account_sign_in(&f->g, partnership, ADMIN, password, &f->a,
	                           &acc, &f->err);
}

static struct gov_account account_now(struct fixture *f)
{
	struct gov_account acc;

	MUST(f, gov_account_get(&f->g, f->account, &f->a, &acc, &f->err));
	return acc;
}

/* Now plus seconds, as a time stamp. */
static void stamp(long seconds, char out[ACCOUNT_TIMESTAMP_SIZE])
{
	time_t t = time(NULL) + seconds;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, ACCOUNT_TIMESTAMP_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/*
 * Every failure reads the same: unknown, other partnership, wrong, locked,
 * disabled; and a password past the longest allowed.
 */
static void test_one_message_for_every_failure(void **state)
{
	struct fixture *f = *state;
	struct gov_account acc;
	struct gov_partnership other = {.key = "o", .name = "Otherton"};
	char longest[ACCOUNT_PASSWORD_MAX + 2];

	MUST(f, gov_partnership_create(&f->g, &other, &f->err));
	memset(longest, 'x', sizeof longest - 1);
	longest[sizeof longest - 1] = '\0';
	assert_int_equal(gov_account_sign_in(&f->g, f->partnership, NULL,
	                                     SECRET, &f->a, &acc, &f->err),
	                 MASA_ERR_INVALID);
	assert_string_equal(f->err.message, gov_sign_in_refused);
	assert_int_equal(sign_in(f, f->partnership, longest), MASA_ERR_INVALID);
	assert_string_equal(f->err.message, gov_sign_in_refused);
	/* The right password at another partnership's address. */
	assert_int_equal(sign_in(f, other.id, SECRET), MASA_ERR_INVALID);
	assert_string_equal(f->err.message, gov_sign_in_refused);
	MUST(f, gov_account_set_disabled(&f->g, f->account, true, &f->err));
	assert_int_equal(sign_in(f, f->partnership, SECRET), MASA_ERR_INVALID);
	assert_string_equal(f->err.message, gov_sign_in_refused);
	/* A disabled account counts no failures: nothing is checked. */
	assert_int_equal(sign_in(f, f->partnership, "wrong guess"),
	                 MASA_ERR_INVALID);
	assert_int_equal(account_now(f).failed_logins, 0);
}

/* Failures at another partnership's address count against no account. */
static void test_failures_at_own_partnership(void **state)
{
	struct fixture *f = *state;
	struct gov_partnership other = {.key = "o", .name = "Otherton"};

	MUST(f, gov_partnership_create(&f->g, &other, &f->err));
	for (int i = 0; i < ACCOUNT_MAX_FAILURES + 1; i++)
		assert_int_equal(sign_in(f, other.id, "wrong guess"),
		                 MASA_ERR_INVALID);
	assert_int_equal(account_now(f).failed_logins, 0);
	assert_null(account_now(f).locked_until);
	MUST(f, sign_in(f, f->partnership, SECRET));
}

/*
 * The count: one per real check, the lock at exactly the threshold, no
 * check (and no count) while locked, a fresh count after the lock ends, and
 * a count stored as NULL (none, as the schema allows) still counts.
 */
static void test_lock_counts_each_check_once(void **state)
{
	struct fixture *f = *state;
	char past[ACCOUNT_TIMESTAMP_SIZE];

	exec_sql(f, "UPDATE account SET locked_until = ? WHERE id = ?",
	         f->account, NULL);
	exec_sql(f,
	         "UPDATE account SET failed_logins = NULL, locked_until = ? "
	         "WHERE id = ?",
	         f->account, NULL);
	assert_int_equal(sign_in(f, f->partnership, "wrong guess"),
	                 MASA_ERR_INVALID);
	assert_int_equal(account_now(f).failed_logins, 1);
	for (int i = 1; i < ACCOUNT_MAX_FAILURES - 1; i++)
		assert_int_equal(sign_in(f, f->partnership, "wrong guess"),
		                 MASA_ERR_INVALID);
	assert_int_equal(account_now(f).failed_logins,
	                 ACCOUNT_MAX_FAILURES - 1);
	assert_null(account_now(f).locked_until);
	/* The threshold's failure locks. */
	assert_int_equal(sign_in(f, f->partnership, "wrong guess"),
	                 MASA_ERR_INVALID);
	assert_non_null(account_now(f).locked_until);
	for (int i = 0; i < 10; i++)
		assert_int_equal(sign_in(f, f->partnership, "wrong guess"),
		                 MASA_ERR_INVALID);
	assert_int_equal(account_now(f).failed_logins, ACCOUNT_MAX_FAILURES);
	assert_int_equal(sign_in(f, f->partnership, SECRET), MASA_ERR_INVALID);
	assert_int_equal(
	        count_rows(f,
	                   "SELECT COUNT(*) FROM audit_log WHERE entity = "
	                   "'account' AND entity_id = ? AND after LIKE "
	                   "'%\"locked_until\":\"2%'",
	                   f->account),
	        1);
	/* The lock ran out a second ago: counting starts again at one. */
	stamp(-1, past);
	exec_sql(f, "UPDATE account SET locked_until = ? WHERE id = ?",
	         f->account, past);
	assert_int_equal(sign_in(f, f->partnership, "wrong guess"),
	                 MASA_ERR_INVALID);
	assert_int_equal(account_now(f).failed_logins, 1);
	assert_null(account_now(f).locked_until);
	MUST(f, sign_in(f, f->partnership, SECRET));
	assert_int_equal(account_now(f).failed_logins, 0);
}

/* A lock that ends a minute from now still holds. */
static void test_lock_until_the_end(void **state)
{
	struct fixture *f = *state;
	char soon[ACCOUNT_TIMESTAMP_SIZE];

	stamp(60, soon);
	exec_sql(f, "UPDATE account SET locked_until = ? WHERE id = ?",
	         f->account, soon);
	assert_int_equal(sign_in(f, f->partnership, SECRET), MASA_ERR_INVALID);
	assert_string_equal(account_now(f).locked_until, soon);
}

/* A new password ends the sessions; the API tokens go on working. */
static void test_new_password_ends_sessions(void **state)
{
	struct fixture *f = *state;
	char token[TOKEN_TEXT_SIZE + 1], csrf[TOKEN_TEXT_SIZE + 1];
	char api[TOKEN_TEXT_SIZE + 1];
	struct gov_token t = {.account_id = f->account, .name = "feed"};
	struct gov_account acc;
	char *got_csrf;

	MUST(f, gov_session_create(&f->g, f->account, token, csrf, &f->err));
	MUST(f, gov_token_create(&f->g, &t, api, &f->err));
	MUST(f, gov_account_set_password(&f->g, f->account,
	                                 "a brand new secret", &f->err));
	assert_int_equal(gov_session_lookup(&f->g, token, &f->a, &acc,
	                                    &got_csrf, &f->err),
	                 MASA_ERR_NOT_FOUND);
	MUST(f, gov_token_lookup(&f->g, api, &f->a, &acc, NULL, &f->err));
}

/* Disabling revokes the tokens, and enabling does not bring them back. */
static void test_disable_revokes_tokens(void **state)
{
	struct fixture *f = *state;
	char api[TOKEN_TEXT_SIZE + 1];
	struct gov_token t = {.account_id = f->account, .name = "feed"};
	struct gov_account acc;

	MUST(f, gov_token_create(&f->g, &t, api, &f->err));
	MUST(f, gov_account_set_disabled(&f->g, f->account, true, &f->err));
	assert_int_equal(
	        gov_token_lookup(&f->g, api, &f->a, &acc, NULL, &f->err),
	        MASA_ERR_NOT_FOUND);
	MUST(f, gov_account_set_disabled(&f->g, f->account, false, &f->err));
	assert_int_equal(
	        gov_token_lookup(&f->g, api, &f->a, &acc, NULL, &f->err),
	        MASA_ERR_NOT_FOUND);
	assert_non_null(strstr(f->err.message, "revoked"));
}

static void test_api_tokens(void **state)
{
	struct fixture *f = *state;
	char token[TOKEN_TEXT_SIZE + 1];
	struct gov_token t = {.account_id = f->account, .name = "feed"};
	struct gov_token got;
	struct gov_account acc;

	MUST(f, gov_token_create(&f->g, &t, token, &f->err));
	MUST(f, gov_token_lookup(&f->g, token, &f->a, &acc, &got, &f->err));
	assert_int_equal(acc.id, f->account);
	assert_int_equal(got.id, t.id);
	assert_false(got.read_only);
	/* One character changed, one missing, one more: none is the token. */
	token[0] = token[0] == 'A' ? 'B' : 'A';
	assert_int_equal(
	        gov_token_lookup(&f->g, token, &f->a, &acc, NULL, &f->err),
	        MASA_ERR_NOT_FOUND);
	token[0] = token[0] == 'A' ? 'B' : 'A';
	token[TOKEN_TEXT_SIZE - 2] = '\0';
	assert_int_equal(
	        gov_token_lookup(&f->g, token, &f->a, &acc, NULL, &f->err),
	        MASA_ERR_NOT_FOUND);
}

/* A token works until its expiry and not a second after. */
static void test_token_expiry(void **state)
{
	struct fixture *f = *state;
	char later[ACCOUNT_TIMESTAMP_SIZE], before[ACCOUNT_TIMESTAMP_SIZE];
	char token[TOKEN_TEXT_SIZE + 1], token2[TOKEN_TEXT_SIZE + 1];
	struct gov_token t = {.account_id = f->account, .name = "soon"};
	struct gov_token t2 = {.account_id = f->account, .name = "gone"};
	struct gov_account acc;

	stamp(60, later);
	stamp(-1, before);
	t.expires_at = later;
	t2.expires_at = before;
	MUST(f, gov_token_create(&f->g, &t, token, &f->err));
	MUST(f, gov_token_create(&f->g, &t2, token2, &f->err));
	MUST(f, gov_token_lookup(&f->g, token, &f->a, &acc, NULL, &f->err));
	assert_int_equal(
	        gov_token_lookup(&f->g, token2, &f->a, &acc, NULL, &f->err),
	        MASA_ERR_NOT_FOUND);
	assert_non_null(strstr(f->err.message, "expired"));
	/* Not a time stamp: refused. */
	t.expires_at = "2030-01-01";
	assert_int_equal(gov_token_create(&f->g, &t, token, &f->err),
	                 MASA_ERR_INVALID);
}

/* --expires: dates, durations, the default and the bounds. */
static void test_token_expiry_parsing(void **state)
{
	struct fixture *f = *state;
	char out[ACCOUNT_TIMESTAMP_SIZE], want[ACCOUNT_TIMESTAMP_SIZE];
	char text[32];
	time_t now = time(NULL);
	struct tm tm;

	MUST(f, gov_token_expiry(NULL, out, &f->err));
	stamp((long)TOKEN_DAYS_DEFAULT * 86400, want);
	assert_memory_equal(out, want, 13); /* to the hour */
	MUST(f, gov_token_expiry("90d", out, &f->err));
	stamp(90L * 86400, want);
	assert_memory_equal(out, want, 13);
	MUST(f, gov_token_expiry("2w", out, &f->err));
	stamp(14L * 86400, want);
	assert_memory_equal(out, want, 13);
	/* Today (UTC) works to its end; yesterday is refused. */
	gmtime_r(&now, &tm);
	strftime(text, sizeof text, "%Y-%m-%d", &tm);
	MUST(f, gov_token_expiry(text, out, &f->err));
	assert_memory_equal(out, text, 10);
	assert_string_equal(out + 10, "T23:59:59Z");
	now -= 86400;
	gmtime_r(&now, &tm);
	strftime(text, sizeof text, "%Y-%m-%d", &tm);
	assert_int_equal(gov_token_expiry(text, out, &f->err), MASA_ERR_USAGE);
	assert_non_null(strstr(f->err.message, "in the past"));
	/* The furthest allowed, and a day past it. */
	snprintf(text, sizeof text, "%dd", TOKEN_DAYS_MAX);
	MUST(f, gov_token_expiry(text, out, &f->err));
	snprintf(text, sizeof text, "%dd", TOKEN_DAYS_MAX + 1);
	assert_int_equal(gov_token_expiry(text, out, &f->err), MASA_ERR_USAGE);
	assert_int_equal(gov_token_expiry("0d", out, &f->err), MASA_ERR_USAGE);
	assert_int_equal(gov_token_expiry("90", out, &f->err), MASA_ERR_USAGE);
	assert_int_equal(gov_token_expiry("90dd", out, &f->err),
	                 MASA_ERR_USAGE);
	assert_int_equal(gov_token_expiry("-5d", out, &f->err), MASA_ERR_USAGE);
}

/* Read-only is kept; the list never holds a secret; revoking. */
static void test_token_list_and_revoke(void **state)
{
	struct fixture *f = *state;
	char token[TOKEN_TEXT_SIZE + 1];
	struct gov_token t = {
	        .account_id = f->account, .name = "reader", .read_only = true};
	struct gov_token other_t = {.name = "theirs"};
	struct gov_partnership other = {.key = "o", .name = "Otherton"};
	struct gov_account theirs = {.username = "them@example.org",
	                             .role = "admin"};
	struct gov_token *list, got;
	struct gov_account acc;
	size_t n;

	MUST(f, gov_token_create(&f->g, &t, token, &f->err));
	MUST(f, gov_token_lookup(&f->g, token, &f->a, &acc, &got, &f->err));
	assert_true(got.read_only);
	assert_null(got.last_used_at); /* as it was before this use */
	MUST(f, gov_partnership_create(&f->g, &other, &f->err));
	theirs.partnership_id = other.id;
	MUST(f, gov_account_create(&f->g, &theirs, SECRET, &f->err));
	other_t.account_id = theirs.id;
	MUST(f, gov_token_create(&f->g, &other_t, token, &f->err));
	MUST(f,
	     gov_token_list(&f->g, f->partnership, &f->a, &list, &n, &f->err));
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, t.id);
	assert_string_equal(list[0].username, ADMIN);
	assert_true(list[0].read_only);
	assert_false(list[0].revoked);
	assert_non_null(list[0].last_used_at);
	/* Another partnership's token cannot be revoked from here. */
	assert_int_equal(gov_token_revoke(&f->g, f->partnership, other_t.id,
	                                  &f->a, &got, &f->err),
	                 MASA_ERR_NOT_FOUND);
	MUST(f, gov_token_lookup(&f->g, token, &f->a, &acc, NULL, &f->err));
	MUST(f, gov_token_revoke(&f->g, other.id, other_t.id, &f->a, &got,
	                         &f->err));
	assert_false(got.revoked); /* as it was */
	assert_int_equal(
	        gov_token_lookup(&f->g, token, &f->a, &acc, NULL, &f->err),
	        MASA_ERR_NOT_FOUND);
	assert_non_null(strstr(f->err.message, "revoked"));
	MUST(f, gov_token_revoke(&f->g, other.id, other_t.id, &f->a, &got,
	                         &f->err));
	assert_true(got.revoked);
}

/* The CSRF comparison at its boundaries. */
static void test_csrf_token_boundaries(void **state)
{
	const char *real = "Zm9vYmFyYmF6cXV4LWNzcmYtdG9rZW4tZm9yLXRlc3Q";
	char near[64];

	(void)state;
	assert_true(session_token_matches(real, real));
	/* A prefix of the real one, one character short. */
	snprintf(near, sizeof near, "%.*s", (int)strlen(real) - 1, real);
	assert_false(session_token_matches(near, real));
	/* The real one with more after it. */
	snprintf(near, sizeof near, "%sA", real);
	assert_false(session_token_matches(near, real));
	/* One character changed, at the end and at the start. */
	snprintf(near, sizeof near, "%s", real);
	near[strlen(near) - 1] ^= 1;
	assert_false(session_token_matches(near, real));
	snprintf(near, sizeof near, "%s", real);
	near[0] ^= 1;
	assert_false(session_token_matches(near, real));
	/* Nothing given, and nothing to compare with. */
	assert_false(session_token_matches("", real));
	assert_false(session_token_matches(NULL, real));
	assert_false(session_token_matches("", ""));
	assert_false(session_token_matches(real, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(test_sign_in, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_lock_out, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_failures_reset_on_success,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_rehash_at_sign_in, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_sessions, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_api_tokens, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(
	                test_one_message_for_every_failure, setup, teardown),
	        cmocka_unit_test_setup_teardown(
	                test_failures_at_own_partnership, setup, teardown),
	        cmocka_unit_test_setup_teardown(
	                test_lock_counts_each_check_once, setup, teardown),
	        cmocka_unit_test_setup_teardown(test_lock_until_the_end, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_new_password_ends_sessions,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_disable_revokes_tokens,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_token_expiry, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(test_token_expiry_parsing,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(test_token_list_and_revoke,
	                                        setup, teardown),
	        cmocka_unit_test(test_csrf_token_boundaries),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
