/*
 * fuzz_html: libFuzzer target for the readers of pages and of pdftotext's
 * output. The bytes are read as an HTML page (as saved from a committee
 * site) and again as the text pdftotext -layout writes, whose aligned
 * columns become table rows.
 *   make fuzz
 */
#include <stdint.h>

#include "minutes/source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source s;
	struct masa_error err;

	source_init(&s, SOURCE_UNKNOWN);
	(void)source_read_html((const char *)data, size, &s, &err);
	source_free(&s);
	source_init(&s, SOURCE_UNKNOWN);
	(void)source_read_pdf_text((const char *)data, size, &s, &err);
	source_free(&s);
	(void)source_detect("fuzz", data, size);
	return 0;
}
