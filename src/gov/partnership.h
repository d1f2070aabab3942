/*
 * partnership: a local area's safeguarding arrangements, the organisations
 * (agencies) in it with their part, and the people who work in them.
 * Organisations and people belong to one partnership; their keys are
 * the identifiers interchange uses and are unique within it.
 *
 * One deployment may hold several partnerships: a server that is not pinned
 * to one answers each request for the partnership whose host name the
 * request's Host header names (gov_partnership_host_add).
 */
#ifndef MASA_GOV_PARTNERSHIP_H
#define MASA_GOV_PARTNERSHIP_H

#include "gov/gov.h"

struct gov_partnership {
	int64_t id;
	char *key; /* slug: "rotherham" */
	char *name;
	char *area;
};

/* A host name a server answers for a partnership. */
struct gov_partnership_host {
	int64_t id;
	char *host; /* lower case, without a port: "safeguarding.example.org" */
	int64_t partnership_id;
};

enum { GOV_HOST_MAX = 253 }; /* the longest DNS name */

struct gov_organisation {
	int64_t id;
	int64_t partnership_id;
	char *key;
	char *name;
	char *classification; /* police, health, ... or NULL */
	char *part;           /* safeguarding_partner, relevant_agency, ... */
	/* A safeguarding partner's lead safeguarding partner (LSP) and the
	 * delegated safeguarding partner (DSP) the LSP delegates to: people
	 * of the partnership, or 0; always 0 for other parts. */
	int64_t lead_person_id;
	int64_t delegate_person_id;
};

struct gov_person {
	int64_t id;
	int64_t partnership_id;
	char *key;
	char *name; /* as used in minutes, without honorific */
	char *honorific_prefix;
	char *job_title;
	int64_t organisation_id; /* employer, or 0 */
	char *email;
};

extern const char *const gov_organisation_parts[];
extern const char *const gov_organisation_part_labels[]; /* same order */
extern const char *const gov_organisation_classifications[];
extern const char *const gov_organisation_classification_labels[];

/*
 * The declarations of organisations and people (gov/record.h), and the
 * references to them that other kinds' fields make.
 */
struct record_kind;
struct record_ref;
extern const struct record_kind gov_organisation_record, gov_person_record;
extern const struct record_ref gov_organisation_ref, gov_person_ref;

/* Creates p after validation; sets p->id. */
enum masa_err gov_partnership_create(struct gov *g, struct gov_partnership *p,
                                     struct masa_error *err);
enum masa_err gov_partnership_update(struct gov *g,
                                     const struct gov_partnership *p,
                                     struct masa_error *err);
enum masa_err gov_partnership_get(struct gov *g, int64_t id, struct arena *a,
                                  struct gov_partnership *out,
                                  struct masa_error *err);
/* By key; MASA_ERR_NOT_FOUND names the key. */
enum masa_err gov_partnership_find(struct gov *g, const char *key,
                                   struct arena *a, struct gov_partnership *out,
                                   struct masa_error *err);
/* All partnerships by id, in a. */
enum masa_err gov_partnership_list(struct gov *g, struct arena *a,
                                   struct gov_partnership **out, size_t *n,
                                   struct masa_error *err);
/*
 * The partnership a command means: the one named by key, or when key is NULL
 * the only one in the database, or of several the default one (the setting
 * default_partnership: masa config set); an error names the choices if
 * there are several and no default, and says how to load one if there
 * are none.
 */
enum masa_err gov_partnership_resolve(struct gov *g, const char *key,
                                      struct arena *a,
                                      struct gov_partnership *out,
                                      struct masa_error *err);

/*
 * The host name that text (a Host header, or a name given to
 * gov_partnership_host_add) names, as masa keeps it: lower case, without a
 * port or a final dot ("A.Test:8080" -> "a.test", "[::1]:80" -> "[::1]"),
 * into out (GOV_HOST_MAX + 1 bytes). False when text is not a host name:
 * empty, too long, or with characters no host name has. *had_port (may be
 * NULL) says whether text gave a port.
 */
bool gov_host_normalise(const char *text, char out[GOV_HOST_MAX + 1],
                        bool *had_port);
/*
 * Maps host (without a port; any case) to partnership_id. MASA_ERR_INVALID
 * when it is not a host name, MASA_ERR_CONFLICT when a partnership has it
 * already (naming which).
 */
enum masa_err gov_partnership_host_add(struct gov *g, int64_t partnership_id,
                                       const char *host,
                                       struct masa_error *err);
/* Removes host from partnership_id; MASA_ERR_NOT_FOUND if it is not its. */
enum masa_err gov_partnership_host_remove(struct gov *g, int64_t partnership_id,
                                          const char *host,
                                          struct masa_error *err);
/*
 * The host names of partnership_id, or of every partnership when it is 0,
 * by host; in a.
 */
enum masa_err gov_partnership_host_list(struct gov *g, int64_t partnership_id,
                                        struct arena *a,
                                        struct gov_partnership_host **out,
                                        size_t *n, struct masa_error *err);

/*
 * A key for a new organisation (person) called name, unique in
 * partnership_id: its name as a slug ("Rotherham Council" gives
 * "rotherham-council", then "rotherham-council-2"...); in a.
 */
enum masa_err gov_organisation_key_new(struct gov *g, int64_t partnership_id,
                                       const char *name, struct arena *a,
                                       const char **key,
                                       struct masa_error *err);
enum masa_err gov_person_key_new(struct gov *g, int64_t partnership_id,
                                 const char *name, struct arena *a,
                                 const char **key, struct masa_error *err);
/*
 * Leaves *key as it is when one was given, else sets it to the key make
 * (gov_organisation_key_new or gov_person_key_new) gives name; in a.
 */
enum masa_err gov_key_or_new(struct gov *g, int64_t partnership_id, char **key,
                             const char *name,
                             enum masa_err (*make)(struct gov *, int64_t,
                                                   const char *, struct arena *,
                                                   const char **,
                                                   struct masa_error *),
                             struct arena *a, struct masa_error *err);
enum masa_err gov_organisation_create(struct gov *g, struct gov_organisation *o,
                                      struct masa_error *err);
enum masa_err gov_organisation_update(struct gov *g,
                                      const struct gov_organisation *o,
                                      struct masa_error *err);
enum masa_err gov_organisation_get(struct gov *g, int64_t id, struct arena *a,
                                   struct gov_organisation *out,
                                   struct masa_error *err);
enum masa_err gov_organisation_find(struct gov *g, int64_t partnership_id,
                                    const char *key, struct arena *a,
                                    struct gov_organisation *out,
                                    struct masa_error *err);
enum masa_err gov_organisation_list(struct gov *g, int64_t partnership_id,
                                    struct arena *a,
                                    struct gov_organisation **out, size_t *n,
                                    struct masa_error *err);

enum masa_err gov_person_create(struct gov *g, struct gov_person *p,
                                struct masa_error *err);
enum masa_err gov_person_update(struct gov *g, const struct gov_person *p,
                                struct masa_error *err);
enum masa_err gov_person_get(struct gov *g, int64_t id, struct arena *a,
                             struct gov_person *out, struct masa_error *err);
enum masa_err gov_person_find(struct gov *g, int64_t partnership_id,
                              const char *key, struct arena *a,
                              struct gov_person *out, struct masa_error *err);
enum masa_err gov_person_list(struct gov *g, int64_t partnership_id,
                              struct arena *a, struct gov_person **out,
                              size_t *n, struct masa_error *err);
/*
 * Checks that person id exists in partnership_id; field names the reference
 * in the message ("substitute").
 */
enum masa_err gov_person_check(struct gov *g, int64_t partnership_id,
                               int64_t id, const char *field,
                               struct masa_error *err);

#endif
