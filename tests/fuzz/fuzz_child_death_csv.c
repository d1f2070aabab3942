/*
 * fuzz_child_death_csv: libFuzzer target for the importer of the national
 * child death dataset (assure/child_death.h). Each input is imported for
 * the panel of a small region in an in-memory database: it is stored
 * whole or not at all (a refusal leaves no case behind), and what is
 * stored exports again.
 *   make fuzz
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assure/child_death.h"
#include "gov/body.h"
#include "gov/partnership.h"
#include "store/store.h"

static struct store *store;
static struct gov gov;
static int64_t panel_id, partnership_id;

static long cases(void)
{
	struct store_stmt *st;
	struct masa_error err;
	bool row;
	long n = -1;

	if (store_prepare(store, "SELECT COUNT(*) FROM child_death", &st,
	                  &err) != MASA_OK)
		abort();
	if (store_step(st, &row, &err) == MASA_OK && row)
		n = (long)store_column_int(st, 0);
	store_done(st);
	return n;
}

static void open_store(void)
{
	struct masa_error err;
	struct gov_partnership p = {.key = "rotherham", .name = "Rotherham"};
	struct gov_partnership s = {.key = "sheffield", .name = "Sheffield"};
	struct gov_body b = {.short_name = "CDOP",
	                     .name = "Child Death Overview Panel",
	                     .kind = "panel"};

	if (store_open(":memory:", STORE_OPEN_CREATE, &store, &err) != MASA_OK)
		abort();
	gov_init(&gov, store, "fuzz");
	if (gov_partnership_create(&gov, &p, &err) != MASA_OK ||
	    gov_partnership_create(&gov, &s, &err) != MASA_OK)
		abort();
	partnership_id = p.id;
	b.partnership_id = p.id;
	if (gov_body_create(&gov, &b, &err) != MASA_OK ||
	    gov_body_serve(&gov, b.id, s.id, &err) != MASA_OK)
		abort();
	panel_id = b.id;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct masa_error err;
	struct gov_viewer v;
	struct child_death_filter f = {0};
	struct buf out;
	long count = 0, before;

	if (store == NULL)
		open_store();
	before = cases();
	if (child_death_import_csv(&gov, panel_id, (const char *)data, size,
	                           &count, &err) != MASA_OK) {
		if (cases() != before)
			abort(); /* a refused file stores nothing */
		return 0;
	}
	if (cases() != before + count)
		abort();
	gov_viewer_system(&v, partnership_id);
	buf_init(&out, (size_t)64 << 20);
	if (child_death_export_csv(&gov, &v, &f, &out, &err) != MASA_OK)
		abort(); /* what imports exports */
	buf_free(&out);
	store_close(store);
	store = NULL;
	open_store();
	return 0;
}
