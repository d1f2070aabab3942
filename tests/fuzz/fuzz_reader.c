/*
 * fuzz_reader: libFuzzer target for the minutes reader: any bytes read as
 * plain text or Markdown (source_read_text) and recognised as minutes
 * (minutes_read) must give a reading, never a crash or a hang, in which
 * every source line is placed, and whose JSON can be written.
 *   make fuzz
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "minutes/reader.h"
#include "minutes/source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source s;
	struct minutes_reading r;
	struct masa_error err;
	json_t *j;
	char *text;

	source_init(&s, SOURCE_TEXT);
	if (source_read_text((const char *)data, size, &s, &err) != MASA_OK) {
		source_free(&s);
		return 0;
	}
	if (minutes_read(&s, &r, &err) != MASA_OK)
		abort();
	if (r.nlines != s.n)
		abort();
	for (size_t i = 0; i < s.n; i++)
		if (r.placed[i] == NULL)
			abort();
	j = minutes_reading_json(&r);
	text = json_dumps(j, 0);
	if (text == NULL)
		abort();
	free(text);
	json_decref(j);
	minutes_reading_free(&r);
	source_free(&s);
	return 0;
}
