/*
 * fuzz_date_fields: libFuzzer target for the GOV.UK date fields as a form
 * or a query sends them (govuk_date_read): the input is split at its first
 * two newlines into what was typed as the day, the month and the year
 * (each of the three left out when it has none), read as a required and as
 * an optional date, then drawn back into the fields (govuk_date_items_fill).
 * A date read must be a real one, YYYY-MM-DD.
 *   make fuzz
 */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "core/date.h"
#include "core/mem.h"
#include "web/govuk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	char *text = arena_alloc(&a, size + 1);
	const char *parts[3] = {NULL, NULL, NULL};
	char iso[11] = "", message[GOVUK_DATE_MESSAGE_SIZE];
	struct govuk_date_items items;
	char *p;

	memcpy(text, data, size);
	p = text;
	for (int i = 0; i < 3 && p != NULL; i++) {
		char *nl = i < 2 ? strchr(p, '\n') : NULL;
		if (nl != NULL)
			*nl = '\0';
		parts[i] = *p ? p : NULL;
		p = nl ? nl + 1 : NULL;
	}
	struct govuk_date_typed typed = {parts[0], parts[1], parts[2]};
	for (int required = 0; required < 2; required++) {
		if (govuk_date_read(&typed, "Date of the update", required, iso,
		                    message)) {
			date_days d;
			assert(iso[0] == '\0' ||
			       date_parse(iso, &d, NULL) == MASA_OK);
			assert(iso[0] != '\0' || !required);
		} else {
			assert(strlen(message) > 0);
		}
	}
	govuk_date_items_fill(&items, &typed, iso, false);
	arena_free(&a);
	return 0;
}
