/*
 * fuzz_form: libFuzzer target for what the server decodes from a request
 * before any handler runs: a urlencoded query or form body, the path matched
 * against the route table, each decoded value checked by every kind of
 * parameter validator, and each field's name against declared names and
 * families of names ("status-*").
 *   make fuzz
 */
#include <stdint.h>
#include <string.h>

#include "cli/routes.h"
#include "http/route.h"

static void take(const char *name, const char *value, void *data)
{
	static const char *const choices[] = {"open", "closed", NULL};
	static const struct route_param checks[] = {
	        {.name = "t", .check = ROUTE_TEXT, .max = 200},
	        {.name = "d", .check = ROUTE_DATE},
	        {.name = "s", .check = ROUTE_SLUG},
	        {.name = "b", .check = ROUTE_SHORT_NAME},
	        {.name = "i", .check = ROUTE_INTEGER, .min = 1, .max = 1000},
	        {.name = "e", .check = ROUTE_ENUM, .choices = choices},
	};

	static const struct route_param rows[] = {
	        {.name = "status-*",
	         .where = ROUTE_IN_FORM,
	         .check = ROUTE_ENUM,
	         .choices = choices},
	        {.name = "owner",
	         .where = ROUTE_IN_FORM,
	         .check = ROUTE_SLUG,
	         .many = true},
	        {.name = NULL},
	};
	static const struct route table_form = {"POST", "/x", rows,
	                                        GOV_ROLE_ADMIN, NULL};
	struct masa_error err;

	(void)data;
	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++)
		(void)route_param_check(&checks[i], value, &err);
	/* Field names against declared names and families ("status-*"). */
	(void)route_param_declared(&table_form, name, ROUTE_IN_FORM);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct masa_error err;
	struct route_match m;
	char *path;

	(void)route_decode_form((const char *)data, size, &a, take, NULL, &err);
	/* The same bytes as a path. */
	path = arena_alloc(&a, size + 2);
	path[0] = '/';
	memcpy(path + 1, data, size);
	path[size + 1] = '\0';
	if (strlen(path) == size + 1)
		(void)route_match(masa_routes, "GET", path, &a, &m);
	arena_free(&a);
	return 0;
}
