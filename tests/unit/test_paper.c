/*
 * test_paper: the checks a paper's file passes (its kind from its content,
 * macros, names), and the domain: versions kept, the visibility rule of
 * part two and of unpublished meetings, nothing stored on a refusal.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gov/paper.h"

static const char TEXT[] = "Attendance figures\n";

static enum masa_err check(const char *name, const void *bytes, size_t size,
                           struct gov_paper_kind *k, char *clean,
                           struct masa_error *err)
{
	return gov_paper_check_file("file", name, bytes, size, k, clean,
	                            PAPER_NAME_MAX + 16, NULL, err);
}

static void test_text_and_names(void **state)
{
	struct gov_paper_kind k;
	char clean[PAPER_NAME_MAX + 16];
	struct masa_error err = {0};

	(void)state;
	assert_int_equal(check("../../etc/passwd.txt", TEXT, sizeof TEXT - 1,
	                       &k, clean, &err),
	                 MASA_OK);
	assert_string_equal(clean, "passwd.txt"); /* path parts dropped */
	assert_string_equal(k.extension, ".txt");
	assert_int_equal(check("C:\\papers\\a\x01"
	                       "b",
	                       TEXT, sizeof TEXT - 1, &k, clean, &err),
	                 MASA_OK);
	assert_string_equal(clean, "ab.txt"); /* control dropped, extension */
	assert_int_equal(check("..", TEXT, sizeof TEXT - 1, &k, clean, &err),
	                 MASA_OK);
	assert_string_equal(clean, "paper.txt");
	assert_int_equal(
	        check(".hidden.txt", TEXT, sizeof TEXT - 1, &k, clean, &err),
	        MASA_OK);
	assert_string_equal(clean, "hidden.txt");
	/* Text with a NUL in it is not text. */
	assert_int_equal(check("a.txt", "ab\0cd", 5, &k, clean, &err),
	                 MASA_ERR_INVALID);
	assert_non_null(strstr(err.message, "file: "));
}

static void test_refused_kinds(void **state)
{
	static const char exe[] = "MZ\x90\x00\x03rest of a program";
	static const unsigned char ole_macros[] = {
	        0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 'W', 0,   'o',
	        0,    'r',  0,    'd',  0,    'D',  0,    'o',  0,   'c', 0,
	        'u',  0,    'm',  0,    'e',  0,    'n',  0,    't', 0,   'M',
	        0,    'a',  0,    'c',  0,    'r',  0,    'o',  0,   's', 0};
	static const unsigned char ole_word[] = {
	        0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 'W', 0,   'o',
	        0,    'r',  0,    'd',  0,    'D',  0,    'o',  0,   'c', 0,
	        'u',  0,    'm',  0,    'e',  0,    'n',  0,    't', 0};
	struct gov_paper_kind k;
	char clean[PAPER_NAME_MAX + 16];
	struct masa_error err = {0};

	(void)state;
	assert_int_equal(check("a.pdf", exe, sizeof exe - 1, &k, clean, &err),
	                 MASA_ERR_INVALID);
	assert_non_null(strstr(err.message, "program"));
	assert_int_equal(
	        check("a.doc", ole_macros, sizeof ole_macros, &k, clean, &err),
	        MASA_ERR_INVALID);
	assert_non_null(strstr(err.message, "macros"));
	assert_int_equal(
	        check("a.doc", ole_word, sizeof ole_word, &k, clean, &err),
	        MASA_OK);
	assert_string_equal(k.media_type, "application/msword");
	/* A Word file named .txt: the name lies. */
	assert_int_equal(
	        check("a.txt", ole_word, sizeof ole_word, &k, clean, &err),
	        MASA_ERR_INVALID);
	assert_non_null(strstr(err.message, "the name says"));
	assert_int_equal(check("a.txt", "", 0, &k, clean, &err),
	                 MASA_ERR_INVALID);
	/* A plain zip is not a paper. */
	assert_int_equal(
	        check("a.zip", "PK\x03\x04garbage", 12, &k, clean, &err),
	        MASA_ERR_INVALID);
}

static void test_size_limit(void **state)
{
	struct gov_paper_kind k;
	char clean[PAPER_NAME_MAX + 16];
	struct masa_error err = {0};
	size_t max;
	char *big;

	(void)state;
	setenv("MASA_PAPER_MAX_MB", "1", 1);
	max = gov_paper_max_bytes();
	assert_int_equal(max, 1024 * 1024);
	big = malloc(max + 1);
	memset(big, 'a', max + 1);
	/* exactly at the limit: taken; one byte more: refused */
	assert_int_equal(check("a.txt", big, max, &k, clean, &err), MASA_OK);
	assert_int_equal(check("a.txt", big, max + 1, &k, clean, &err),
	                 MASA_ERR_LIMIT);
	free(big);
	unsetenv("MASA_PAPER_MAX_MB");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_text_and_names),
	        cmocka_unit_test(test_refused_kinds),
	        cmocka_unit_test(test_size_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
