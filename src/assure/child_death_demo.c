/*
 * child_death_demo: the demo's regional child death overview panel (see
 * child_death_demo_load in child_death.h).
 */
#include "assure/child_death.h"
#include "gov/body.h"
#include "gov/interchange.h"
#include "gov/remind.h"

extern const char masa_demo_sheffield_json[];
extern const unsigned long masa_demo_sheffield_json_len;
extern const char masa_demo_child_deaths_csv[];
extern const unsigned long masa_demo_child_deaths_csv_len;

enum masa_err child_death_demo_load(struct gov *g, int64_t partnership_id,
                                    long *cases, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_body panel;
	struct interchange_counts counts;
	int64_t sheffield;
	enum masa_err rc;

	rc = interchange_load_buffer(
	        g, masa_demo_sheffield_json, masa_demo_sheffield_json_len,
	        "the demo's second partnership", &sheffield, &counts, err);
	/* Commands and pages without a partnership named mean Rotherham. */
	if (rc == MASA_OK)
		rc = gov_remind_setting_set(g, "default_partnership",
		                            "rotherham", err);
	if (rc == MASA_OK)
		rc = gov_body_find(g, partnership_id, "CDOP", &a, &panel, err);
	if (rc == MASA_OK)
		rc = gov_body_serve(g, panel.id, sheffield, err);
	if (rc == MASA_OK)
		rc = child_death_import_csv(
		        g, panel.id, masa_demo_child_deaths_csv,
		        masa_demo_child_deaths_csv_len, cases, err);
	arena_free(&a);
	return rc;
}
