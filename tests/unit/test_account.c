/*
 * test_account: signing in with Argon2id passwords, lock-out after repeated
 * failures, disabled accounts, sessions and API tokens, on a real SQLite
 * database.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "testdb.h"

#include <sodium.h>

#include "gov/account.h"
#include "store/store.h"
#include "gov/partnership.h"
#include "store/store.h"

struct fixture {
	char path[TESTDB_SIZE];
	struct store *store;
	struct gov g;
	struct arena a;
	struct masa_error err;
	int64_t partnership, account;
};

#define MUST(f, call)                                                       \
	do {                                                                \
		if ((call) != MASA_OK)                                      \
			fail_msg("%s failed: %s", #call, (f)->err.message); \
	} while (0)

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct gov_partnership p = {.key = "t", .name = "Testshire"};
	struct gov_account acc = {.username = "admin@example.org",
	                          .role = "admin"};

	if (testdb_new(f->path, sizeof f->path, "account") != 0)
		fail_msg("no test database");
	MUST(f, account_library_init(&f->err));
	MUST(f, store_open(f->path, STORE_OPEN_CREATE, &f->store, &f->err));
	gov_init(&f->g, f->store, "test");
	MUST(f, gov_partnership_create(&f->g, &p, &f->err));
	f->partnership = p.id;
	acc.partnership_id = p.id;
	MUST(f,
	     gov_account_create(&f->g, &acc, "a long enough secret", &f->err));
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

	MUST(f,
	     gov_account_sign_in(&f->g, "admin@example.org",
	                         "a long enough secret", &f->a, &acc, &f->err));
	assert_int_equal(acc.id, f->account);
	assert_string_equal(acc.role, "admin");
	assert_int_equal(gov_account_sign_in(&f->g, "admin@example.org",
	                                     "wrong", &f->a, &acc, &f->err),
	                 MASA_ERR_INVALID);
	assert_string_equal(f->err.message,
	                    "The username or password is not right");
	/* An unknown username gets the same answer. */
	assert_int_equal(gov_account_sign_in(&f->g, "who@example.org",
	                                     "a long enough secret", &f->a,
	                                     &acc, &f->err),
	                 MASA_ERR_INVALID);
	assert_string_equal(f->err.message,
	                    "The username or password is not right");
}

static void test_lock_out(void **state)
{
	struct fixture *f = *state;
	struct gov_account acc;

	for (int i = 0; i < ACCOUNT_MAX_FAILURES; i++)
		assert_int_equal(gov_account_sign_in(&f->g, "admin@example.org",
		                                     "wrong guess", &f->a, &acc,
		                                     &f->err),
		                 MASA_ERR_INVALID);
	/* Locked: even the right password is refused, and says why. */
	assert_int_equal(gov_account_sign_in(&f->g, "admin@example.org",
	                                     "a long enough secret", &f->a,
	                                     &acc, &f->err),
	                 MASA_ERR_INVALID);
	assert_non_null(strstr(f->err.message, "locked"));
	/* A new password unlocks it. */
	MUST(f, gov_account_set_password(&f->g, f->account,
	                                 "a brand new secret", &f->err));
	MUST(f,
	     gov_account_sign_in(&f->g, "admin@example.org",
	                         "a brand new secret", &f->a, &acc, &f->err));
}

static void test_failures_reset_on_success(void **state)
{
	struct fixture *f = *state;
	struct gov_account acc;

	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < ACCOUNT_MAX_FAILURES - 1; i++)
			assert_int_equal(
			        gov_account_sign_in(&f->g, "admin@example.org",
			                            "wrong guess", &f->a, &acc,
			                            &f->err),
			        MASA_ERR_INVALID);
		MUST(f, gov_account_sign_in(&f->g, "admin@example.org",
		                            "a long enough secret", &f->a, &acc,
		                            &f->err));
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
	assert_int_equal(crypto_pwhash_str(old, "a long enough secret", 20,
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
	MUST(f,
	     gov_account_sign_in(&f->g, "admin@example.org",
	                         "a long enough secret", &f->a, &acc, &f->err));
	MUST(f, gov_account_get(&f->g, f->account, &f->a, &acc, &f->err));
	assert_non_null(strstr(acc.password_hash, "m=19456,t=2,"));
	/* And the password still signs in. */
	MUST(f,
	     gov_account_sign_in(&f->g, "admin@example.org",
	                         "a long enough secret", &f->a, &acc, &f->err));
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
	assert_int_equal(gov_account_sign_in(&f->g, "admin@example.org",
	                                     "a long enough secret", &f->a,
	                                     &acc, &f->err),
	                 MASA_ERR_INVALID);
	assert_non_null(strstr(f->err.message, "disabled"));
}

static void test_api_tokens(void **state)
{
	struct fixture *f = *state;
	char token[TOKEN_TEXT_SIZE + 1];
	struct gov_account acc;

	MUST(f, gov_token_create(&f->g, f->account, "feed", token, &f->err));
	MUST(f, gov_token_lookup(&f->g, token, &f->a, &acc, &f->err));
	assert_int_equal(acc.id, f->account);
	token[0] = token[0] == 'A' ? 'B' : 'A';
	assert_int_equal(gov_token_lookup(&f->g, token, &f->a, &acc, &f->err),
	                 MASA_ERR_NOT_FOUND);
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
