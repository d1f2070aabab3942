/*
 * fuzz_interchange: libFuzzer target for the interchange loader, the parser
 * of whole partnership documents from outside. Each input is loaded into an
 * in-memory database; a load that succeeds is dumped again (exercising the
 * writer on whatever the loader accepted) and the database is made afresh.
 *   make fuzz                  (runs for FUZZ_SECONDS, default 60)
 */
#include <stdint.h>
#include <stdlib.h>

#include "gov/interchange.h"
#include "store/store.h"

static struct store *store;
static struct gov gov;

static void open_store(void)
{
	struct masa_error err;

	if (store_open(":memory:", STORE_OPEN_CREATE, &store, &err) != MASA_OK)
		abort();
	gov_init(&gov, store, "fuzz");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct masa_error err;
	int64_t partnership_id;
	json_t *doc;

	if (store == NULL)
		open_store();
	if (interchange_load_buffer(&gov, (const char *)data, size, "input",
	                            &partnership_id, NULL, &err) != MASA_OK)
		return 0;
	if (interchange_dump_json(&gov, partnership_id, &doc, &err) != MASA_OK)
		abort(); /* what loads must dump */
	json_decref(doc);
	store_close(store);
	open_store();
	return 0;
}
