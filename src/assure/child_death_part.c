/*
 * child_death_part: the panels' child death reviews in the interchange
 * document (docs/interchange.md): "child_death_themes", the themes a panel
 * of the partnership added, and "child_deaths", the cases of the
 * partnership's children, whichever panel reviews them (its own, or one of
 * another partnership serving it: "panel_partnership"), each as the API
 * shows it (child_death_to_json) with its panel's short name, its factors,
 * its themes by key and its actions by reference.
 */
#include <string.h>

#include "assure/child_death.h"
#include "gov/action.h"
#include "gov/body.h"
#include "gov/interchange.h"

static const char *const theme_members[] = {"panel", "key", "name", NULL};

static enum masa_err find_panel(struct gov *g, int64_t partnership_id,
                                json_t *o, struct arena *a,
                                struct gov_body *out, struct masa_error *err)
{
	json_t *p = json_object_get(o, "panel");

	if (!json_is_string(p))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "panel: give the short name of a body of "
		                      "the partnership");
	if (gov_body_find(g, partnership_id, json_string_value(p), a, out,
	                  err) != MASA_OK) {
		masa_error_prefix(err, "panel");
		return err->code;
	}
	return MASA_OK;
}

static enum masa_err theme_load(struct gov *g, int64_t partnership_id,
                                json_t *o, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_body panel;
	json_t *key = json_object_get(o, "key"),
	       *name = json_object_get(o, "name");
	enum masa_err rc = find_panel(g, partnership_id, o, &a, &panel, err);

	if (rc == MASA_OK && (!json_is_string(key) || !json_is_string(name)))
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "key and name: give both as text");
	if (rc == MASA_OK)
		rc = cdr_theme_add(g, panel.id, json_string_value(key),
		                   json_string_value(name), err);
	arena_free(&a);
	return rc;
}

static enum masa_err theme_dump(struct gov *g, int64_t partnership_id,
                                json_t **list, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_body *bodies;
	size_t n;
	enum masa_err rc;

	*list = json_array();
	rc = gov_body_list(g, partnership_id, &a, &bodies, &n, err);
	for (size_t i = 0; rc == MASA_OK && i < n; i++) {
		struct cdr_theme *t;
		size_t nt;

		rc = cdr_theme_list(g, bodies[i].id, &a, &t, &nt, err);
		for (size_t j = 0; rc == MASA_OK && j < nt; j++)
			if (t[j].body_id != 0)
				json_array_append_new(
				        *list,
				        json_pack("{s:s, s:s, s:s}", "panel",
				                  bodies[i].short_name, "key",
				                  t[j].key, "name", t[j].name));
	}
	arena_free(&a);
	return rc;
}

const struct interchange_part child_death_theme_part = {
        .name = "child_death_themes",
        .members = theme_members,
        .load = theme_load,
        .dump = theme_dump,
};

static const char *const case_members[] = {
        "reference",     "partnership",       "panel",
        "age_band",      "died_on",           "notified_on",
        "place",         "expected",          "review_meeting_on",
        "panel_meeting", "reviewed_on",       "category",
        "category_name", "modifiable",        "factors",
        "themes",        "learning",          "actions",
        "version",       "panel_partnership", NULL};

static const char SQL_SERVED[] =
        "SELECT 1 FROM body_partnership WHERE body_id = ?1 AND "
        "partnership_id = ?2";

/*
 * A case of another partnership's child means the panel serves that
 * partnership (masa body serve): the document says so by holding it.
 */
static enum masa_err serve_if_needed(struct gov *g,
                                     const struct gov_body *panel,
                                     int64_t partnership_id,
                                     struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	if (partnership_id == panel->partnership_id)
		return MASA_OK;
	if ((rc = store_prepare(g->store, SQL_SERVED, &st, err)) != MASA_OK)
		return rc;
	store_bind_int(st, 1, panel->id);
	store_bind_int(st, 2, partnership_id);
	rc = store_step(st, &row, err);
	store_done(st);
	if (rc != MASA_OK || row)
		return rc;
	return gov_body_serve(g, panel->id, partnership_id, err);
}

/* The panel of case o: of the document's partnership, or of the one
 * "panel_partnership" names (a panel serving it from there). */
static enum masa_err case_panel(struct gov *g, int64_t partnership_id,
                                json_t *o, struct arena *a,
                                struct gov_body *out, struct masa_error *err)
{
	json_t *pp = json_object_get(o, "panel_partnership");
	struct gov_partnership p;

	if (pp == NULL)
		return find_panel(g, partnership_id, o, a, out, err);
	if (!json_is_string(pp) ||
	    gov_partnership_find(g, json_string_value(pp), a, &p, NULL) !=
	            MASA_OK)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "panel_partnership: not the key of a "
		                      "partnership in the database (load its "
		                      "document first)");
	return find_panel(g, p.id, o, a, out, err);
}

static enum masa_err case_load(struct gov *g, int64_t partnership_id, json_t *o,
                               struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_body panel;
	struct gov_viewer v;
	struct child_death cd = {0};
	json_t *actions = json_object_get(o, "actions"), *x;
	size_t i;
	enum masa_err rc = case_panel(g, partnership_id, o, &a, &panel, err);

	if (rc != MASA_OK)
		goto out;
	cd.panel_body_id = panel.id;
	cd.partnership_id = partnership_id;
	if ((rc = child_death_from_json(g, o, &a, &cd, err)) != MASA_OK)
		goto out;
	if (cd.partnership_id != partnership_id) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "partnership: a case is in the document of "
		                    "the child's partnership");
		goto out;
	}
	if ((rc = serve_if_needed(g, &panel, cd.partnership_id, err)) !=
	            MASA_OK ||
	    (rc = child_death_create(g, &cd, err)) != MASA_OK)
		goto out;
	if (actions != NULL && !json_is_array(actions)) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "actions: give a list of the references of "
		                    "the panel's actions");
		goto out;
	}
	/* The actions are in the panel's action log, in its partnership. */
	gov_viewer_system(&v, panel.partnership_id);
	json_array_foreach(actions, i, x)
	{
		struct gov_action act;

		if (!json_is_string(x) ||
		    gov_action_find(g, &v, json_string_value(x), &a, &act,
		                    err) != MASA_OK) {
			rc = masa_error_set(
			        err, MASA_ERR_INVALID,
			        "actions[%zu]: not the reference of "
			        "an action of the panel",
			        i);
			goto out;
		}
		if ((rc = child_death_link_action(g, cd.id, act.id, err)) !=
		    MASA_OK)
			goto out;
	}
out:
	arena_free(&a);
	return rc;
}

static const char SQL_BODY_PARTNERSHIP_KEY[] =
        "SELECT p.key FROM body b JOIN partnership p ON p.id = "
        "b.partnership_id WHERE b.id = ?1 AND b.partnership_id <> ?2";

static enum masa_err case_dump(struct gov *g, int64_t partnership_id,
                               json_t **list, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct child_death *cases;
	size_t n;
	enum masa_err rc;

	*list = json_array();
	rc = child_death_list_of(g, partnership_id, &a, &cases, &n, err);
	for (size_t j = 0; rc == MASA_OK && j < n; j++) {
		struct store_stmt *st;
		char **actions;
		size_t nactions;
		bool row;
		json_t *o;

		rc = child_death_actions(g, cases[j].id, &a, &actions,
		                         &nactions, err);
		if (rc != MASA_OK)
			break;
		o = child_death_to_json(&cases[j], actions, nactions);
		/* The document's own partnership; what the store makes. */
		json_object_del(o, "partnership");
		json_object_del(o, "version");
		json_object_del(o, "category_name");
		json_array_append_new(*list, o);
		if ((rc = store_prepare(g->store, SQL_BODY_PARTNERSHIP_KEY, &st,
		                        err)) != MASA_OK)
			break;
		store_bind_int(st, 1, cases[j].panel_body_id);
		store_bind_int(st, 2, partnership_id);
		rc = store_step(st, &row, err);
		if (rc == MASA_OK && row)
			json_object_set_new(
			        o, "panel_partnership",
			        json_string(store_column_text(st, 0)));
		store_done(st);
	}
	arena_free(&a);
	return rc;
}

const struct interchange_part child_death_part = {
        .name = "child_deaths",
        .members = case_members,
        .load = case_load,
        .dump = case_dump,
};
