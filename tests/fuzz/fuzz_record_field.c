/*
 * fuzz_record_field: libFuzzer target for what the set-up forms and commands
 * read from people: a value typed for any field of the declared kinds
 * (record_field_set_text: a line, long text, a date, a choice by value or
 * label, a reference by key, yes/no, a number, a key, an e-mail address).
 * The first byte picks the field, the rest is the text. A value accepted
 * must come back as text (record_field_text) that is accepted again and
 * stores the same: what a form shows is what it reads.
 *   make fuzz
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gov/body.h"
#include "gov/partnership.h"
#include "assure/incident.h"
#include "gov/record.h"
#include "store/store.h"

static struct store *store;
static struct gov gov;
static int64_t partnership_id;

/* An in-memory partnership with one organisation, person and body. */
static void open_store(void)
{
	struct masa_error err;
	struct gov_partnership p = {.key = "p", .name = "P"};
	struct gov_organisation o = {.key = "police",
	                             .name = "Police",
	                             .part = "safeguarding_partner"};
	struct gov_person who = {.key = "jo-smith", .name = "Jo Smith"};
	struct gov_body b = {
	        .short_name = "RLSCB", .name = "Board", .kind = "board"};

	if (store_open(":memory:", STORE_OPEN_CREATE, &store, &err) != MASA_OK)
		abort();
	gov_init(&gov, store, "fuzz");
	if (gov_partnership_create(&gov, &p, &err) != MASA_OK)
		abort();
	partnership_id = o.partnership_id = who.partnership_id =
	        b.partnership_id = p.id;
	if (gov_organisation_create(&gov, &o, &err) != MASA_OK ||
	    gov_person_create(&gov, &who, &err) != MASA_OK ||
	    gov_body_create(&gov, &b, &err) != MASA_OK)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct record_kind *kinds[] = {
	        &gov_organisation_record, &gov_person_record,
	        &gov_body_record,         &gov_membership_record,
	        &gov_chair_change_record, &assure_incident_record};
	const struct record_field *typed[64];
	size_t n = 0;
	struct arena a = ARENA_INIT;
	struct masa_error err;
	const struct record_field *f;
	const char *text, *shown;
	char *first, *second;
	size_t width;

	if (store == NULL)
		open_store();
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		for (size_t i = 0; i < kinds[k]->nfields && n < 64; i++)
			if (kinds[k]->fields[i].input != RECORD_INPUT_NONE)
				typed[n++] = &kinds[k]->fields[i];
	if (size == 0)
		return 0;
	f = typed[data[0] % n];
	text = arena_strndup(&a, (const char *)data + 1, size - 1);
	/* Records of every kind fit in this much; the field is at offset. */
	width = 512;
	first = arena_alloc(&a, width);
	second = arena_alloc(&a, width);
	if (record_field_set_text(&gov, f, partnership_id, first, text, &a,
	                          &err) != MASA_OK) {
		arena_free(&a);
		return 0;
	}
	if (record_field_text(&gov, f, first, &a, &shown, &err) != MASA_OK ||
	    record_field_set_text(&gov, f, partnership_id, second, shown, &a,
	                          &err) != MASA_OK)
		abort(); /* shown, but not read back */
	if (f->type == RECORD_TEXT || f->type == RECORD_SECRET) {
		const char *x = *(char **)(first + f->offset);
		const char *y = *(char **)(second + f->offset);
		if ((x == NULL) != (y == NULL) || (x && strcmp(x, y) != 0))
			abort();
	} else if (f->type == RECORD_BOOL) {
		if (*(bool *)(first + f->offset) !=
		    *(bool *)(second + f->offset))
			abort();
	} else if (*(int64_t *)(first + f->offset) !=
	           *(int64_t *)(second + f->offset)) {
		abort();
	}
	arena_free(&a);
	return 0;
}
