/*
 * fuzz_multipart: libFuzzer target for the multipart/form-data reader
 * (http/multipart.c), which reads every uploaded paper before any handler
 * runs. The input's first line is the Content-Type header, the rest the
 * body; every part handed back must lie inside the body.
 *   make fuzz
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/multipart.h"

struct bounds {
	const char *body;
	size_t len;
};

static void take(const struct multipart_part *p, void *data)
{
	const struct bounds *b = data;

	if (p->name == NULL || p->data < b->body ||
	    p->data + p->size > b->body + b->len)
		abort();
	if (p->filename == NULL && strlen(p->value) > p->size)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct masa_error err;
	const char *nl = memchr(data, '\n', size);
	struct bounds b;
	char *type;

	if (nl == NULL)
		return 0;
	type = arena_strndup(&a, (const char *)data,
	                     (size_t)(nl - (const char *)data));
	/* The body on its own, so that reading past it is caught. */
	b.len = size - (size_t)(nl - (const char *)data) - 1;
	b.body = arena_alloc(&a, b.len + 1);
	memcpy((char *)b.body, nl + 1, b.len);
	(void)multipart_parse(type, b.body, b.len, &a, take, &b, &err);
	arena_free(&a);
	return 0;
}
