/*
 * fuzz_api_json: libFuzzer target for the JSON API's strict reading of
 * request bodies (api_json_body): any bytes must give either an object that
 * passed every member check or an error with a message, never a crash, and
 * never an object with a member the spec does not name.
 *   make fuzz
 */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "api/api.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const statuses[] = {"open", "closed", NULL};
	static const struct api_member members[] = {
	        {.name = "text", .type = API_STRING, .max = 100},
	        {.name = "status", .type = API_STRING, .choices = statuses},
	        {.name = "date", .type = API_DATE},
	        {.name = "count", .type = API_INTEGER},
	        {.name = "flag", .type = API_BOOLEAN},
	        {.name = "list", .type = API_ARRAY},
	        {.name = "needed", .type = API_STRING, .required = true},
	        {.name = NULL},
	};
	struct http_request req;
	struct masa_error err = {0};
	json_t *obj = NULL, *v;
	const char *key;

	memset(&req, 0, sizeof req);
	req.body = (const char *)data;
	req.body_len = size;
	if (api_json_body(&req, members, &obj, &err) != MASA_OK) {
		assert(obj == NULL && err.message[0] != '\0');
		return 0;
	}
	json_object_foreach(obj, key, v)
	{
		const struct api_member *m = members;
		while (m->name && strcmp(m->name, key) != 0)
			m++;
		assert(m->name != NULL);
	}
	assert(api_json_text(obj, "needed") != NULL);
	json_decref(obj);
	return 0;
}
