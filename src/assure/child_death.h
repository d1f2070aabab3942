/*
 * child_death: the child death reviews of a child death overview panel.
 *
 * A case has a reference and never a name (assure_reference_check), an age
 * band, the date of death and the date the panel was notified, the place
 * and whether the death was expected; the date of the local child death
 * review meeting (the professionals who knew the child); and the panel's
 * review: the meeting of the panel that reviewed it, the date, the
 * category of death (1 to 10, the national analysis form's), whether
 * modifiable factors were identified and in which domains, the themes the
 * panel looks for across deaths (built-in ones and the panel's own), the
 * learning, and the actions raised into the panel's action log.
 *
 * A panel may serve several partnerships (gov_body_serve): each case
 * belongs to the partnership of the child. Who sees a case is
 * GOV_SQL_SEES_CHILD_DEATH (gov/access.h), in every query below that takes
 * a viewer; anyone else gets MASA_ERR_NOT_FOUND, as for a case that does
 * not exist.
 */
#ifndef MASA_ASSURE_CHILD_DEATH_H
#define MASA_ASSURE_CHILD_DEATH_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "core/buf.h"
#include "gov/access.h"
#include "gov/action.h"
#include "gov/gov.h"
#include "gov/interchange.h"

/* The ten categories of death of the analysis form, [1] to [10]; [0] NULL. */
#define CHILD_DEATH_CATEGORIES 10
extern const char *const child_death_categories[CHILD_DEATH_CATEGORIES + 1];
/* Places of death: home, hospital, hospice, public_place, abroad, other
 * (NULL-terminated), and their words. */
extern const char *const child_death_places[];
const char *child_death_place_label(const char *place);
/* Modifiable factors: yes, no, insufficient (NULL-terminated). */
extern const char *const child_death_modifiable[];
const char *child_death_modifiable_label(const char *m);
/* Domains of modifiable factors: child, social_environment,
 * physical_environment, service_provision (NULL-terminated). */
extern const char *const child_death_domains[];
const char *child_death_domain_label(const char *domain);

struct child_death_factor {
	char *domain;
	char *description; /* "" when none */
};

struct child_death {
	int64_t id;
	int64_t partnership_id; /* the child's partnership */
	int64_t panel_body_id;
	char *reference;
	char *age_band;
	char *died_on;
	char *notified_on; /* or NULL */
	char *place;       /* or NULL */
	bool expected;
	char *review_meeting_on;  /* the child death review meeting, or NULL */
	int64_t panel_meeting_id; /* the panel's meeting that reviewed it, or 0
	                           */
	char *reviewed_on;        /* or NULL: awaiting the panel's review */
	int category;             /* 1 to 10, or 0 */
	char *modifiable;         /* yes, no, insufficient, or NULL */
	char *learning;           /* Markdown, or NULL */
	int64_t version;          /* 1 at create; one more at every change */
	/* Read back, not stored with the case: */
	char *partnership_key;
	char *partnership_name;
	char *panel_short_name;
	char *panel_meeting_key; /* or NULL */
	/* Set by child_death_get/find and given to create/update: the factors
	 * (one per domain) and the themes' keys. */
	struct child_death_factor *factors;
	size_t nfactors;
	char **themes;
	size_t nthemes;
};

/* A theme a panel looks for: built-in (body_id 0) or the panel's own. */
struct cdr_theme {
	int64_t id;
	int64_t body_id;
	char *key;
	char *name;
};

/*
 * Checks cd and its factors and themes against every rule, without
 * storing (what create and update check; imports call it row by row):
 * reference, age band, dates (notified and reviewed not before the death,
 * review meeting not before it, nothing after today), place, category
 * 1-10, modifiable 'yes' with at least one domain and factors only then,
 * one factor per domain, the panel meeting a meeting of the panel body
 * (and not before the death), the partnership the panel's own or one it
 * serves, themes the panel has. Messages name the field in words.
 */
enum masa_err child_death_check(struct gov *g, const struct child_death *cd,
                                struct masa_error *err);

/* Stores cd (and sets its id and version); refuses a reference the panel
 * has used (MASA_ERR_CONFLICT). */
enum masa_err child_death_create(struct gov *g, struct child_death *cd,
                                 struct masa_error *err);
/*
 * Stores every field of cd->id, its factors and themes replacing those
 * stored. MASA_ERR_CONFLICT when cd->version is not 0 and the case has
 * changed since (cd->version is set to the new version).
 */
enum masa_err child_death_update(struct gov *g, struct child_death *cd,
                                 struct masa_error *err);

/* The case by reference, if v may see it (the first by id if two panels
 * use the same reference); with its factors and themes; in a. */
enum masa_err child_death_find(struct gov *g, const struct gov_viewer *v,
                               const char *reference, struct arena *a,
                               struct child_death *out, struct masa_error *err);
/* Like find, by id. */
enum masa_err child_death_get(struct gov *g, const struct gov_viewer *v,
                              int64_t id, struct arena *a,
                              struct child_death *out, struct masa_error *err);

struct child_death_filter {
	int64_t partnership_id; /* or 0 for all the viewer sees */
	int64_t panel_body_id;  /* or 0 */
	int year;               /* of death, or 0 */
	int status;             /* 0 all, 1 reviewed, 2 awaiting review */
	int category;           /* or 0 */
	const char *theme;      /* a theme's key, or NULL */
	const char *from, *to;  /* died on or after / on or before, or NULL */
	long limit;             /* 0 for no limit */
	long offset;
};

/*
 * The cases v may see matching f, newest death first (without factors
 * and themes: child_death_get for those); *total counts all that match.
 */
enum masa_err child_death_list(struct gov *g, const struct gov_viewer *v,
                               const struct child_death_filter *f,
                               struct arena *a, struct child_death **out,
                               size_t *n, long *total, struct masa_error *err);

/* Whether v may see any case at all (of a panel of its partnership or one
 * serving it): the pages and API show the cases, or say what v may see. */
bool child_death_viewer_sees_cases(struct gov *g, const struct gov_viewer *v);

/* A panel a viewer may record cases for. */
struct child_death_panel {
	int64_t id;
	int64_t partnership_id;
	char *short_name;
	char *name;
	long ncases;
};
/*
 * The panels (bodies of kind panel of v's partnership or serving it) of
 * which v may record and change cases: masa itself, an admin of the
 * panel's own partnership, a member of the panel. Those holding most
 * cases first; in a.
 */
enum masa_err child_death_panels(struct gov *g, const struct gov_viewer *v,
                                 struct arena *a,
                                 struct child_death_panel **out, size_t *n,
                                 struct masa_error *err);
/* Whether v may record and change the cases of panel_body_id (as above);
 * the admin and chair of a served partnership only read theirs. */
bool child_death_may_change(struct gov *g, const struct gov_viewer *v,
                            int64_t panel_body_id);

/*
 * The themes panel_body_id may use: the built-in ones, then its own, by
 * name; in a.
 */
enum masa_err cdr_theme_list(struct gov *g, int64_t panel_body_id,
                             struct arena *a, struct cdr_theme **out, size_t *n,
                             struct masa_error *err);
/* Adds a theme of the panel (key from lower-case letters, digits, '-';
 * name 1 to 80 characters); MASA_ERR_CONFLICT when the key is taken. */
enum masa_err cdr_theme_add(struct gov *g, int64_t panel_body_id,
                            const char *key, const char *name,
                            struct masa_error *err);

/*
 * Raises act into the panel's action log (gov_action_raise: act->body_id
 * is set to the panel) and links it to case id.
 */
enum masa_err child_death_raise_action(struct gov *g, int64_t id,
                                       struct gov_action *act,
                                       const struct gov_owner_ref *owners,
                                       size_t nowners, struct arena *a,
                                       struct masa_error *err);
/* Links an action already raised by the panel to case id. */
enum masa_err child_death_link_action(struct gov *g, int64_t id,
                                      int64_t action_id,
                                      struct masa_error *err);
/* The references of the actions raised on case id, in order; in a. */
enum masa_err child_death_actions(struct gov *g, int64_t id, struct arena *a,
                                  char ***out, size_t *n,
                                  struct masa_error *err);

/* Every case of a child of partnership_id, whichever panel reviews it (for
 * the interchange document), oldest first, with factors and themes; in a. */
enum masa_err child_death_list_of(struct gov *g, int64_t partnership_id,
                                  struct arena *a, struct child_death **out,
                                  size_t *n, struct masa_error *err);

/*
 * The case as JSON (the API's, the command line's and the interchange's
 * shape: docs/api.md): reference, partnership (key), panel (short name),
 * age_band, died_on, notified_on, place, expected, review_meeting_on,
 * panel_meeting (key), reviewed_on, category, category_name, modifiable,
 * factors [{domain, description}], themes [keys], learning, actions
 * [references], version. A new reference.
 */
json_t *child_death_to_json(const struct child_death *cd, char *const *actions,
                            size_t nactions);
/*
 * Sets the members of cd that o holds (a PATCH: those absent stay as
 * they are; null clears), in a. partnership and panel_meeting are keys
 * looked up in the store (the panel's partnership for meetings);
 * messages name the member. MASA_ERR_INVALID for a member of the wrong
 * type or one masa does not know.
 */
enum masa_err child_death_from_json(struct gov *g, json_t *o, struct arena *a,
                                    struct child_death *cd,
                                    struct masa_error *err);

/*
 * The national dataset as CSV (docs/assure.md lists the columns and the
 * field of the national child death forms each comes from). The header
 * names the columns, in any order and case; required columns must be
 * there.
 */
struct child_death_csv_column {
	const char *name;
	bool required;
};
extern const struct child_death_csv_column child_death_csv_columns[];
extern const size_t child_death_csv_ncolumns;

/*
 * Imports the cases in data[0..len) for panel_body_id, in one transaction:
 * all of them, or none when any row breaks a rule, with a message naming
 * the row and the column ("row 7, category: 11 is not a category of
 * death (1-10)"): a missing column, text that is not UTF-8, a duplicate
 * case reference in the file or already stored, a name in a reference. A
 * row's partnership is its partnership column (a key) or, empty, the
 * panel's own. *count (may be NULL) is the number of cases stored.
 */
enum masa_err child_death_import_csv(struct gov *g, int64_t panel_body_id,
                                     const char *data, size_t len, long *count,
                                     struct masa_error *err);
/*
 * Appends the cases v may see that match f (every column, header first)
 * to out; each case exported is written to the audit log as viewed.
 */
enum masa_err child_death_export_csv(struct gov *g, const struct gov_viewer *v,
                                     const struct child_death_filter *f,
                                     struct buf *out, struct masa_error *err);

/*
 * The interchange parts (docs/interchange.md): "child_death_themes", the
 * themes a panel of the partnership added, and "child_deaths", the cases
 * of its panels (src/assure/parts.c lists them).
 */
extern const struct interchange_part child_death_theme_part, child_death_part;

/*
 * The demo's regional panel: loads the second partnership of the demo
 * (data/demo-sheffield.json, key "sheffield"), makes the Rotherham
 * partnership's CDOP (of partnership_id) serve it, sets the setting
 * default_partnership to rotherham, and imports the panel's fictional
 * cases of both partnerships (data/demo-child-deaths.csv); *cases (may be
 * NULL) is how many. For `masa init --demo`, after data/demo.json.
 */
enum masa_err child_death_demo_load(struct gov *g, int64_t partnership_id,
                                    long *cases, struct masa_error *err);

#endif
