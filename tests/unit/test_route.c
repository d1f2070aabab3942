/*
 * test_route: matching paths against the route table, the parameter
 * validators, form decoding, and the table's own consistency check.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "cli/routes.h"
#include "http/route.h"

static enum masa_err none(struct http_request *req, struct masa_error *err)
{
	(void)req;
	(void)err;
	return MASA_OK;
}

static const struct route_param meeting_params[] = {
        {.name = "meeting",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_TEXT,
         .max = 80},
        {.name = NULL},
};

static const struct route table[] = {
        {"GET", "/", NULL, GOV_ROLE_PUBLIC, none},
        {"GET", "/meetings/{meeting}", meeting_params, GOV_ROLE_PUBLIC, none},
        {"POST", "/meetings/{meeting}", meeting_params, GOV_ROLE_ADMIN, none},
        {"GET", "/static/*", NULL, GOV_ROLE_PUBLIC, none},
        {NULL, NULL, NULL, GOV_ROLE_PUBLIC, NULL},
};

static void test_matching(void **state)
{
	struct arena a = ARENA_INIT;
	struct route_match m;

	(void)state;
	assert_int_equal(route_match(table, "GET", "/", &a, &m), ROUTE_FOUND);
	assert_ptr_equal(m.route, &table[0]);
	assert_int_equal(route_match(table, "GET", "/meetings/RLSCB", &a, &m),
	                 ROUTE_FOUND);
	assert_int_equal(m.nsegments, 1);
	assert_string_equal(m.segments[0].name, "meeting");
	assert_string_equal(m.segments[0].value, "RLSCB");
	assert_int_equal(route_match(table, "POST", "/meetings/RLSCB", &a, &m),
	                 ROUTE_FOUND);
	assert_ptr_equal(m.route, &table[2]);
	assert_int_equal(
	        route_match(table, "DELETE", "/meetings/RLSCB", &a, &m),
	        ROUTE_NO_METHOD);
	assert_non_null(strstr(m.allow, "GET"));
	assert_non_null(strstr(m.allow, "POST"));
	assert_int_equal(route_match(table, "GET", "/meetings", &a, &m),
	                 ROUTE_NO_PATH);
	assert_int_equal(route_match(table, "GET", "/meetings/", &a, &m),
	                 ROUTE_NO_PATH);
	assert_int_equal(route_match(table, "GET", "/meetings/a/b", &a, &m),
	                 ROUTE_NO_PATH);
	assert_int_equal(
	        route_match(table, "GET", "/static/css/masa.css", &a, &m),
	        ROUTE_FOUND);
	assert_string_equal(m.rest, "css/masa.css");
	/* The case the fuzzer found: a star route with nothing after it. */
	assert_int_equal(route_match(table, "GET", "/static", &a, &m),
	                 ROUTE_NO_PATH);
	arena_free(&a);
}

static void test_validators(void **state)
{
	static const char *const choices[] = {"open", "closed", NULL};
	const struct route_param date = {.name = "on", .check = ROUTE_DATE};
	const struct route_param slug = {.name = "person", .check = ROUTE_SLUG};
	const struct route_param body = {.name = "body",
	                                 .check = ROUTE_SHORT_NAME};
	const struct route_param page = {
	        .name = "page", .check = ROUTE_INTEGER, .min = 1, .max = 100};
	const struct route_param status = {
	        .name = "status", .check = ROUTE_ENUM, .choices = choices};
	const struct route_param text = {
	        .name = "q", .check = ROUTE_TEXT, .max = 5};
	struct masa_error err;

	(void)state;
	assert_int_equal(route_param_check(&date, "2014-12-04", &err), MASA_OK);
	assert_int_equal(route_param_check(&date, "2014-02-30", &err),
	                 MASA_ERR_INVALID);
	assert_non_null(strstr(err.message, "on"));
	assert_int_equal(route_param_check(&slug, "steve-ashley", &err),
	                 MASA_OK);
	assert_int_equal(route_param_check(&slug, "Steve Ashley", &err),
	                 MASA_ERR_INVALID);
	assert_int_equal(route_param_check(&body, "RLSCB-CSE", &err), MASA_OK);
	assert_int_equal(route_param_check(&body, "<b>", &err),
	                 MASA_ERR_INVALID);
	assert_int_equal(route_param_check(&page, "100", &err), MASA_OK);
	assert_int_equal(route_param_check(&page, "101", &err),
	                 MASA_ERR_INVALID);
	assert_int_equal(route_param_check(&page, "1e3", &err),
	                 MASA_ERR_INVALID);
	assert_int_equal(route_param_check(&page, "-1", &err),
	                 MASA_ERR_INVALID);
	assert_int_equal(route_param_check(&status, "open", &err), MASA_OK);
	assert_int_equal(route_param_check(&status, "opened", &err),
	                 MASA_ERR_INVALID);
	assert_int_equal(route_param_check(&text, "abcde", &err), MASA_OK);
	assert_int_equal(route_param_check(&text, "abcdef", &err),
	                 MASA_ERR_INVALID);
	assert_int_equal(route_param_check(&text, "a\x01", &err),
	                 MASA_ERR_INVALID);
	assert_int_equal(route_param_check(&text, "\xff", &err),
	                 MASA_ERR_INVALID);
}

struct fields {
	char names[8][32];
	char values[8][32];
	int n;
};

static void take(const char *name, const char *value, void *data)
{
	struct fields *f = data;

	if (f->n < 8) {
		snprintf(f->names[f->n], sizeof f->names[0], "%s", name);
		snprintf(f->values[f->n], sizeof f->values[0], "%s", value);
		f->n++;
	}
}

static void test_form_decoding(void **state)
{
	static const char form[] =
	        "details=Book+a+venue%21&owners=a%2Cb&empty=";
	struct arena a = ARENA_INIT;
	struct fields f = {0};
	struct masa_error err;

	(void)state;
	assert_int_equal(
	        route_decode_form(form, strlen(form), &a, take, &f, &err),
	        MASA_OK);
	assert_int_equal(f.n, 3);
	assert_string_equal(f.names[0], "details");
	assert_string_equal(f.values[0], "Book a venue!");
	assert_string_equal(f.values[1], "a,b");
	assert_string_equal(f.names[2], "empty");
	assert_string_equal(f.values[2], "");
	assert_int_equal(route_decode_form("a=%zz", 5, &a, take, &f, &err),
	                 MASA_ERR_INVALID);
	assert_int_equal(route_decode_form("a=%4", 4, &a, take, &f, &err),
	                 MASA_ERR_INVALID);
	arena_free(&a);
}

static void test_table_check(void **state)
{
	static const struct route undeclared[] = {
	        {"GET", "/bodies/{body}", NULL, GOV_ROLE_PUBLIC, none},
	        {NULL, NULL, NULL, GOV_ROLE_PUBLIC, NULL},
	};
	struct masa_error err;

	(void)state;
	assert_int_equal(route_table_check(table, &err), MASA_OK);
	assert_int_equal(route_table_check(masa_routes, &err), MASA_OK);
	assert_int_not_equal(route_table_check(undeclared, &err), MASA_OK);
	assert_non_null(strstr(err.message, "/bodies/{body}"));
}

static const char *const statuses[] = {"present", "absent", NULL};
static const struct route_param row_params[] = {
        {.name = "owner",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_SLUG,
         .many = true},
        {.name = "status-*",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_ENUM,
         .choices = statuses},
        {.name = "note", .where = ROUTE_IN_FORM, .check = ROUTE_TEXT},
        {.name = NULL},
};

/* Families ("status-*") and repeated fields, declared and read. */
static void test_many_and_families(void **state)
{
	static const struct route r = {"POST", "/x", row_params, GOV_ROLE_ADMIN,
	                               none};
	static const struct route_param required_many[] = {
	        {.name = "owner",
	         .where = ROUTE_IN_FORM,
	         .check = ROUTE_SLUG,
	         .many = true,
	         .required = true},
	        {.name = NULL},
	};
	static const struct route_param star[] = {
	        {.name = "st*", .where = ROUTE_IN_FORM, .check = ROUTE_SLUG},
	        {.name = NULL},
	};
	static const struct route bad[][2] = {
	        {{"POST", "/x", required_many, GOV_ROLE_ADMIN, none},
	         {NULL, NULL, NULL, GOV_ROLE_PUBLIC, NULL}},
	        {{"POST", "/x", star, GOV_ROLE_ADMIN, none},
	         {NULL, NULL, NULL, GOV_ROLE_PUBLIC, NULL}},
	};
	struct http_param values[] = {
	        {"owner", "jo-bloggs"},
	        {"status-jo-bloggs", "present"},
	        {"owner", "sam-newton"},
	        {"status-sam", "absent"},
	};
	struct http_request req = {.values = values, .nvalues = 4};
	struct masa_error err;
	size_t at = 0;

	(void)state;
	assert_ptr_equal(route_param_declared(&r, "owner", ROUTE_IN_FORM),
	                 &row_params[0]);
	assert_null(route_param_declared(&r, "owner", ROUTE_IN_QUERY));
	assert_ptr_equal(
	        route_param_declared(&r, "status-jo-bloggs", ROUTE_IN_FORM),
	        &row_params[1]);
	assert_null(route_param_declared(&r, "status-", ROUTE_IN_FORM));
	assert_null(route_param_declared(&r, "status-Jo", ROUTE_IN_FORM));
	assert_null(route_param_declared(&r, "status-*", ROUTE_IN_FORM));
	assert_null(route_param_declared(&r, "statusx", ROUTE_IN_FORM));
	assert_true(route_param_is_family(&row_params[1]));
	assert_false(route_param_is_family(&row_params[0]));

	assert_string_equal(http_param_next(&req, "owner", &at), "jo-bloggs");
	assert_string_equal(http_param_next(&req, "owner", &at), "sam-newton");
	assert_null(http_param_next(&req, "owner", &at));
	assert_string_equal(http_param_row(&req, "status-*", "jo-bloggs"),
	                    "present");
	assert_string_equal(http_param_row(&req, "status-*", "sam"), "absent");
	assert_null(http_param_row(&req, "status-*", "jo"));

	assert_int_equal(route_table_check(bad[0], &err), MASA_ERR_INVALID);
	assert_non_null(strstr(err.message, "cannot be in the path"));
	assert_int_equal(route_table_check(bad[1], &err), MASA_ERR_INVALID);
	assert_non_null(strstr(err.message, "family"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_matching),
	        cmocka_unit_test(test_validators),
	        cmocka_unit_test(test_form_decoding),
	        cmocka_unit_test(test_table_check),
	        cmocka_unit_test(test_many_and_families),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
