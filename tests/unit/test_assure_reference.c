/*
 * test_assure_reference: a case reference never holds a child's name or
 * date of birth; the anonymised references partnerships use are accepted.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "assure/assure.h"

static void refused(const char *ref, const char *why)
{
	struct masa_error err = {0};

	if (assure_reference_check("Case reference", ref, &err) !=
	    MASA_ERR_INVALID)
		fail_msg("\"%s\" was accepted (%s)", ref, why);
	if (strstr(err.message, "Case reference") == NULL)
		fail_msg("the message for \"%s\" names no field: %s", ref,
		         err.message);
}

static void accepted(const char *ref)
{
	struct masa_error err = {0};

	if (assure_reference_check("Case reference", ref, &err) != MASA_OK)
		fail_msg("\"%s\" was refused: %s", ref, err.message);
}

static void test_names(void **state)
{
	(void)state;
	refused("Smith", "a surname");
	refused("Jane Smith", "a name with a space");
	refused("baby-Jones", "a surname after an allowed word");
	refused("RR-Smith-2019", "a name inside a code");
	refused("", "empty");
}

static void test_dates(void **state)
{
	(void)state;
	refused("12/03/2019", "a date of birth with slashes");
	refused("2019-03-12", "an ISO date");
	refused("120319", "ddmmyy");
	refused("12032019", "ddmmyyyy");
	refused("CDOP-12032019", "a date inside a code");
}

static void test_accepted(void **state)
{
	(void)state;
	accepted("CDOP-2024-017");
	accepted("RR/24/03");
	accepted("SCR-CHILD-J");
	accepted("LCSPR-2020-1");
	accepted("RR-2019-01");
	accepted("SCR-2014-01");
}

static void test_length(void **state)
{
	char ref[ASSURE_REFERENCE_MAX + 2];

	(void)state;
	memset(ref, '1', sizeof ref - 1);
	ref[sizeof ref - 1] = '\0';
	memcpy(ref, "RR-", 3);
	refused(ref, "one character over the limit");
	ref[ASSURE_REFERENCE_MAX] = '\0';
	accepted(ref);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_names),
	        cmocka_unit_test(test_dates),
	        cmocka_unit_test(test_accepted),
	        cmocka_unit_test(test_length),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
