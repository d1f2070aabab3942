/*
 * partnership: partnerships, organisations and people (see partnership.h).
 */
#include "gov/partnership.h"

#include <string.h>

#include "core/text.h"
#include "gov/audit.h"
#include "gov/check.h"
#include "gov/record.h"

const char *const gov_organisation_parts[] = {
        "safeguarding_partner", "relevant_agency", "education", "other", NULL};

const char *const gov_organisation_part_labels[] = {
        "Safeguarding partner", "Relevant agency", "Education", "Other", NULL};

const char *const gov_organisation_classification_labels[] = {
        "Local authority", "Health", "Police",    "Probation",
        "Education",       "Fire",   "Voluntary", "Court",
        "Government",      "Other",  NULL};

const struct record_ref gov_person_ref = {
        .what = "person",
        .sql_key = "SELECT key FROM person WHERE id = ?1",
        .sql_id = "SELECT id FROM person WHERE partnership_id = ?1 "
                  "AND key = ?2",
        .sql_choices = "SELECT key, name FROM person "
                       "WHERE partnership_id = ?1 ORDER BY name, key",
};

const struct record_ref gov_organisation_ref = {
        .what = "organisation",
        .sql_key = "SELECT key FROM organisation WHERE id = ?1",
        .sql_id = "SELECT id FROM organisation WHERE partnership_id = ?1 "
                  "AND key = ?2",
        .sql_choices = "SELECT key, name FROM organisation "
                       "WHERE partnership_id = ?1 ORDER BY name, key",
};

const char *const gov_organisation_classifications[] = {
        "local_authority", "health", "police",    "probation",
        "education",       "fire",   "voluntary", "court",
        "government",      "other",  NULL};

/* partnership */

static const struct record_field partnership_fields[] = {
        RECORD_FIELD(struct gov_partnership, id, RECORD_ID),
        RECORD_FIELD(struct gov_partnership, key, RECORD_TEXT),
        RECORD_FIELD(struct gov_partnership, name, RECORD_TEXT),
        RECORD_FIELD(struct gov_partnership, area, RECORD_TEXT),
};

#define PARTNERSHIP_COLUMNS "id, key, name, area"

static const struct record_kind partnership_kind = {
        .entity = "partnership",
        .label = "partnership",
        .fields = partnership_fields,
        .nfields = sizeof partnership_fields / sizeof partnership_fields[0],
        .size = sizeof(struct gov_partnership),
        .sql_insert =
                "INSERT INTO partnership (key, name, area) VALUES (?, ?, ?) "
                "RETURNING id",
        .sql_update = "UPDATE partnership SET key = ?, name = ?, area = ? "
                      "WHERE id = ?",
        .sql_get =
                "SELECT " PARTNERSHIP_COLUMNS " FROM partnership WHERE id = ?",
};

static const char SQL_PARTNERSHIP_FIND[] =
        "SELECT " PARTNERSHIP_COLUMNS " FROM partnership WHERE key = ?";
static const char SQL_PARTNERSHIP_LIST[] =
        "SELECT " PARTNERSHIP_COLUMNS " FROM partnership ORDER BY id";

static enum masa_err partnership_check(struct gov *g,
                                       const struct gov_partnership *p,
                                       struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_partnership other;
	struct masa_error probe;
	enum masa_err rc;

	if (!text_is_slug(p->key))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "partnership id: \"%.60s\" must be lower-case "
		        "letters, digits and -",
		        p->key ? p->key : "");
	if ((rc = check_line("partnership name", p->name, err)) ||
	    (rc = check_optional_line("partnership area", p->area, err)))
		return rc;
	rc = gov_partnership_find(g, p->key, &a, &other, &probe);
	if (rc == MASA_OK && other.id != p->id)
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "partnership id: \"%s\" is already used",
		                    p->key);
	else if (rc == MASA_ERR_NOT_FOUND || rc == MASA_OK)
		rc = MASA_OK;
	else
		*err = probe;
	arena_free(&a);
	return rc;
}

enum masa_err gov_partnership_create(struct gov *g, struct gov_partnership *p,
                                     struct masa_error *err)
{
	enum masa_err rc;

	p->id = 0;
	rc = partnership_check(g, p, err);
	return rc ? rc : record_insert(g, &partnership_kind, p, err);
}

enum masa_err gov_partnership_update(struct gov *g,
                                     const struct gov_partnership *p,
                                     struct masa_error *err)
{
	enum masa_err rc = partnership_check(g, p, err);

	return rc ? rc : record_update(g, &partnership_kind, p, err);
}

enum masa_err gov_partnership_get(struct gov *g, int64_t id, struct arena *a,
                                  struct gov_partnership *out,
                                  struct masa_error *err)
{
	return record_get(g, &partnership_kind, id, a, out, err);
}

enum masa_err gov_partnership_find(struct gov *g, const char *key,
                                   struct arena *a, struct gov_partnership *out,
                                   struct masa_error *err)
{
	return record_find(g, &partnership_kind, SQL_PARTNERSHIP_FIND, 0, key,
	                   a, out, err);
}

enum masa_err gov_partnership_list(struct gov *g, struct arena *a,
                                   struct gov_partnership **out, size_t *n,
                                   struct masa_error *err)
{
	void *items;
	enum masa_err rc =
	        record_list(g, &partnership_kind, SQL_PARTNERSHIP_LIST, 0, a,
	                    &items, n, err);

	*out = items;
	return rc;
}

static const char SQL_DEFAULT_PARTNERSHIP[] =
        "SELECT value FROM setting WHERE key = 'default_partnership'";

enum masa_err gov_partnership_resolve(struct gov *g, const char *key,
                                      struct arena *a,
                                      struct gov_partnership *out,
                                      struct masa_error *err)
{
	struct gov_partnership *all;
	size_t n;
	enum masa_err rc;

	if (key != NULL)
		return gov_partnership_find(g, key, a, out, err);
	rc = gov_partnership_list(g, a, &all, &n, err);
	if (rc != MASA_OK)
		return rc;
	if (n == 0)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "the database holds no partnership yet: "
		                      "load one with `masa load FILE` or start "
		                      "with `masa init --demo`");
	if (n > 1) {
		/* The default partnership (masa config set
		 * default_partnership KEY), when one is set. */
		struct store_stmt *st;
		bool row = false;
		char *def = NULL;

		if ((rc = store_prepare(g->store, SQL_DEFAULT_PARTNERSHIP, &st,
		                        err)) != MASA_OK)
			return rc;
		rc = store_step(st, &row, err);
		if (rc == MASA_OK && row)
			def = arena_strdup(a, store_column_text(st, 0));
		store_done(st);
		if (rc != MASA_OK)
			return rc;
		if (def != NULL)
			return gov_partnership_find(g, def, a, out, err);
	}
	if (n > 1)
		return masa_error_set(
		        err, MASA_ERR_USAGE,
		        "the database holds %zu partnerships: name "
		        "one with --partnership (for example %s)",
		        n, all[0].key);
	*out = all[0];
	return MASA_OK;
}

/* host names */

static const struct record_field host_fields[] = {
        RECORD_FIELD(struct gov_partnership_host, id, RECORD_ID),
        RECORD_FIELD(struct gov_partnership_host, host, RECORD_TEXT),
        RECORD_FIELD(struct gov_partnership_host, partnership_id, RECORD_ID),
};

#define HOST_COLUMNS "id, host, partnership_id"

static const struct record_kind host_kind = {
        .entity = "partnership_host",
        .label = "host name",
        .fields = host_fields,
        .nfields = sizeof host_fields / sizeof host_fields[0],
        .size = sizeof(struct gov_partnership_host),
        .sql_insert = "INSERT INTO partnership_host (host, partnership_id) "
                      "VALUES (?, ?) RETURNING id",
        .sql_get = "SELECT " HOST_COLUMNS " FROM partnership_host WHERE id = ?",
};

static const char SQL_HOST_FIND[] =
        "SELECT " HOST_COLUMNS " FROM partnership_host WHERE host = ?";
static const char SQL_HOST_DELETE[] = "DELETE FROM partnership_host "
                                      "WHERE id = ?";
static const char SQL_HOST_LIST[] =
        "SELECT " HOST_COLUMNS " FROM partnership_host ORDER BY host";
static const char SQL_HOST_LIST_OF[] =
        "SELECT " HOST_COLUMNS " FROM partnership_host "
        "WHERE partnership_id = ? ORDER BY host";

static bool host_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
	       c == '.';
}

bool gov_host_normalise(const char *text, char out[GOV_HOST_MAX + 1],
                        bool *had_port)
{
	const char *p = text;
	size_t n = 0;
	bool v6;

	if (had_port != NULL)
		*had_port = false;
	if (text == NULL || text[0] == '\0')
		return false;
	v6 = text[0] == '[';
	if (v6)
		out[n++] = *p++;
	for (; *p != '\0' && *p != (v6 ? ']' : ':'); p++) {
		char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
		if (n == GOV_HOST_MAX ||
		    !(v6 ? (c == ':' || c == '.' || (c >= '0' && c <= '9') ||
		            (c >= 'a' && c <= 'f'))
		         : host_char(c)))
			return false;
		out[n++] = c;
	}
	if (v6) {
		if (*p != ']' || n == 1 || n == GOV_HOST_MAX)
			return false;
		out[n++] = *p++;
	}
	/* What may follow: nothing, or a port. */
	if (*p == ':') {
		size_t digits = strspn(p + 1, "0123456789");
		if (digits == 0 || digits > 5 || p[1 + digits] != '\0')
			return false;
		if (had_port != NULL)
			*had_port = true;
	} else if (*p != '\0') {
		return false;
	}
	if (!v6 && n > 0 && out[n - 1] == '.') /* "example.org." */
		n--;
	out[n] = '\0';
	/* No empty labels: not "", ".x", "x..y". */
	return n > 0 && (v6 || (out[0] != '.' && strstr(out, "..") == NULL));
}

/* host as masa keeps it, or MASA_ERR_INVALID saying what is wrong. */
static enum masa_err host_check(const char *host, char out[GOV_HOST_MAX + 1],
                                struct masa_error *err)
{
	bool port;

	if (!gov_host_normalise(host, out, &port))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "host: \"%.80s\" is not a host name (letters, digits, "
		        "- and ., such as safeguarding.example.org)",
		        host ? host : "");
	if (port)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "host: give \"%s\" without a port: a "
		                      "partnership has the same host name on "
		                      "every port",
		                      out);
	return MASA_OK;
}

enum masa_err gov_partnership_host_add(struct gov *g, int64_t partnership_id,
                                       const char *host, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_partnership_host h = {0}, other;
	struct gov_partnership owner;
	struct masa_error probe;
	char name[GOV_HOST_MAX + 1];
	enum masa_err rc;

	if ((rc = host_check(host, name, err)) ||
	    (rc = gov_partnership_get(g, partnership_id, &a, &owner, err)))
		goto out;
	rc = record_find(g, &host_kind, SQL_HOST_FIND, 0, name, &a, &other,
	                 &probe);
	if (rc == MASA_OK) {
		struct gov_partnership p;
		rc = gov_partnership_get(g, other.partnership_id, &a, &p, err);
		if (rc == MASA_OK)
			rc = masa_error_set(err, MASA_ERR_CONFLICT,
			                    "host: %s is already the address "
			                    "of %s",
			                    name, p.key);
		goto out;
	}
	if (rc != MASA_ERR_NOT_FOUND) {
		*err = probe;
		goto out;
	}
	h.host = name;
	h.partnership_id = partnership_id;
	/* The row and its audit entry together. */
	if ((rc = gov_begin(g, err)) == MASA_OK)
		rc = gov_end(g, record_insert(g, &host_kind, &h, err), err);
out:
	arena_free(&a);
	return rc;
}

enum masa_err gov_partnership_host_remove(struct gov *g, int64_t partnership_id,
                                          const char *host,
                                          struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_partnership_host h;
	struct store_stmt *st;
	char name[GOV_HOST_MAX + 1];
	enum masa_err rc;

	if ((rc = host_check(host, name, err)))
		goto out;
	rc = record_find(g, &host_kind, SQL_HOST_FIND, 0, name, &a, &h, err);
	if (rc == MASA_OK && h.partnership_id != partnership_id)
		rc = MASA_ERR_NOT_FOUND;
	if (rc == MASA_ERR_NOT_FOUND) {
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "host: %s is not an address of this "
		                    "partnership",
		                    name);
		goto out;
	}
	if (rc != MASA_OK || (rc = gov_begin(g, err)))
		goto out;
	rc = store_prepare(g->store, SQL_HOST_DELETE, &st, err);
	if (rc == MASA_OK) {
		store_bind_int(st, 1, h.id);
		rc = store_run(st, NULL, err);
	}
	if (rc == MASA_OK)
		rc = audit_record(g, "delete", host_kind.entity, h.id,
		                  record_to_json(&host_kind, &h), NULL, err);
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}

enum masa_err gov_partnership_host_list(struct gov *g, int64_t partnership_id,
                                        struct arena *a,
                                        struct gov_partnership_host **out,
                                        size_t *n, struct masa_error *err)
{
	void *items;
	enum masa_err rc =
	        record_list(g, &host_kind,
	                    partnership_id ? SQL_HOST_LIST_OF : SQL_HOST_LIST,
	                    partnership_id, a, &items, n, err);

	*out = items;
	return rc;
}

/* organisation */

#define KEY_HINT                                                   \
	"Lower-case letters, digits and -, used in addresses and " \
	"files; leave empty to make one from the name"

static const struct record_field organisation_fields[] = {
        RECORD_FIELD(struct gov_organisation, id, RECORD_ID),
        RECORD_FIELD(struct gov_organisation, partnership_id, RECORD_ID),
        RECORD_INPUT_FIELD(struct gov_organisation, key, RECORD_TEXT,
                           .label = "Key", .hint = KEY_HINT,
                           .input = RECORD_INPUT_KEY, .required = true),
        RECORD_INPUT_FIELD(struct gov_organisation, name, RECORD_TEXT,
                           .label = "Name", .input = RECORD_INPUT_LINE,
                           .required = true),
        RECORD_INPUT_FIELD(struct gov_organisation, classification, RECORD_TEXT,
                           .label = "Sector", .input = RECORD_INPUT_CHOICE,
                           .choices = gov_organisation_classifications,
                           .choice_labels =
                                   gov_organisation_classification_labels),
        RECORD_INPUT_FIELD(struct gov_organisation, part, RECORD_TEXT,
                           .label = "Part in the arrangements",
                           .hint = "The local authority, the integrated care "
                                   "board and the police are the "
                                   "safeguarding partners",
                           .input = RECORD_INPUT_CHOICE,
                           .choices = gov_organisation_parts,
                           .choice_labels = gov_organisation_part_labels,
                           .required = true),
        RECORD_INPUT_FIELD(struct gov_organisation, lead_person_id, RECORD_ID,
                           .label = "Lead safeguarding partner",
                           .hint = "For a safeguarding partner: its chief "
                                   "executive or chief officer",
                           .input = RECORD_INPUT_REF, .ref = &gov_person_ref),
        RECORD_INPUT_FIELD(struct gov_organisation, delegate_person_id,
                           RECORD_ID, .label = "Delegated safeguarding partner",
                           .hint = "Whom the lead safeguarding partner "
                                   "delegates to, if anyone",
                           .input = RECORD_INPUT_REF, .ref = &gov_person_ref),
};

#define ORGANISATION_COLUMNS                                    \
	"id, partnership_id, key, name, classification, part, " \
	"lead_person_id, delegate_person_id"

const struct record_kind gov_organisation_record = {
        .entity = "organisation",
        .label = "organisation",
        .fields = organisation_fields,
        .nfields = sizeof organisation_fields / sizeof organisation_fields[0],
        .size = sizeof(struct gov_organisation),
        .sql_insert =
                "INSERT INTO organisation (partnership_id, key, name, "
                "classification, part, lead_person_id, delegate_person_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        .sql_update = "UPDATE organisation SET partnership_id = ?, key = ?, "
                      "name = ?, classification = ?, part = ?, "
                      "lead_person_id = ?, delegate_person_id = ? "
                      "WHERE id = ?",
        .sql_get = "SELECT " ORGANISATION_COLUMNS
                   " FROM organisation WHERE id = ?",
};

static const char SQL_ORGANISATION_FIND[] =
        "SELECT " ORGANISATION_COLUMNS " FROM organisation "
        "WHERE partnership_id = ? AND key = ?";
static const char SQL_ORGANISATION_LIST[] =
        "SELECT " ORGANISATION_COLUMNS " FROM organisation "
        "WHERE partnership_id = ? ORDER BY id";
static const char SQL_PERSON_IN[] =
        "SELECT 1 FROM person WHERE id = ? AND partnership_id = ?";
static const char SQL_ORGANISATION_IN[] =
        "SELECT 1 FROM organisation WHERE id = ? AND partnership_id = ?";
static const char SQL_PARTNERSHIP_EXISTS[] =
        "SELECT 1 FROM partnership WHERE id = ?";

/* Checks that key is a slug not used by another record of the same table. */
static enum masa_err key_check(struct gov *g, const char *sql,
                               int64_t partnership_id, const char *key,
                               int64_t self, const char *what,
                               struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	if (!text_is_slug(key))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Key: \"%.60s\" must be 1-80 lower-case "
		                      "letters, digits and -",
		                      key ? key : "");
	rc = store_prepare(g->store, sql, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, partnership_id);
	store_bind_text(st, 2, key);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row && store_column_int(st, 0) != self)
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "Key: \"%s\" is already used by another %s",
		                    key, what);
	store_done(st);
	return rc;
}

/*
 * A key for name that no record sql finds (partnership ?1, key ?2) uses
 * yet: its slug, then slug-2, slug-3...
 */
static enum masa_err key_unique(struct gov *g, const char *sql,
                                int64_t partnership_id, const char *name,
                                struct arena *a, const char **key,
                                struct masa_error *err)
{
	const char *base = text_slugify(a, name ? name : "");
	enum masa_err rc = MASA_OK;

	if (base == NULL || base[0] == '\0')
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "Key: give one, or a name with letters or "
		        "digits to make it from");
	for (int n = 1; n < 1000; n++) {
		const char *k =
		        n == 1 ? base : arena_printf(a, "%s-%d", base, n);
		struct store_stmt *st;
		bool row;
		if ((rc = store_prepare(g->store, sql, &st, err)))
			return rc;
		store_bind_int(st, 1, partnership_id);
		store_bind_text(st, 2, k);
		rc = store_step(st, &row, err);
		store_done(st);
		if (rc != MASA_OK)
			return rc;
		if (!row) {
			*key = k;
			return MASA_OK;
		}
	}
	return masa_error_set(err, MASA_ERR_CONFLICT,
	                      "Key: too many records are named \"%.60s\"",
	                      name);
}

static const char SQL_ORGANISATION_PARTNERSHIP[] =
        "SELECT partnership_id FROM organisation WHERE id = ?";
static const char SQL_PERSON_PARTNERSHIP[] =
        "SELECT partnership_id FROM person WHERE id = ?";

/* On update (id set): it exists and stays in its partnership. */
static enum masa_err stays_in_partnership(struct gov *g, const char *sql,
                                          int64_t id, int64_t partnership_id,
                                          const char *what,
                                          struct masa_error *err)
{
	if (id == 0)
		return MASA_OK;
	return record_check_partnership(g, sql, id, partnership_id, what, err);
}

static enum masa_err partnership_check_exists(struct gov *g, int64_t id,
                                              struct masa_error *err)
{
	bool found;
	enum masa_err rc =
	        record_exists(g, SQL_PARTNERSHIP_EXISTS, id, 0, &found, err);

	if (rc == MASA_OK && !found)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "no partnership with id %lld",
		                    (long long)id);
	return rc;
}

static enum masa_err organisation_check(struct gov *g,
                                        const struct gov_organisation *o,
                                        struct masa_error *err)
{
	enum masa_err rc;

	if ((rc = partnership_check_exists(g, o->partnership_id, err)) ||
	    (rc = stays_in_partnership(g, SQL_ORGANISATION_PARTNERSHIP, o->id,
	                               o->partnership_id, "organisation",
	                               err)) ||
	    (rc = key_check(g, SQL_ORGANISATION_FIND, o->partnership_id, o->key,
	                    o->id, "organisation", err)) ||
	    (rc = check_line("Name", o->name, err)) ||
	    (rc = check_enum("Sector", o->classification,
	                     gov_organisation_classifications, true, err)) ||
	    (rc = check_enum("Part in the arrangements", o->part,
	                     gov_organisation_parts, false, err)) ||
	    (rc = record_check_ref(
	             g, SQL_PERSON_IN, o->lead_person_id, o->partnership_id,
	             false, "Lead safeguarding partner", "person", err)) ||
	    (rc = record_check_ref(
	             g, SQL_PERSON_IN, o->delegate_person_id, o->partnership_id,
	             false, "Delegated safeguarding partner", "person", err)))
		return rc;
	if ((o->lead_person_id || o->delegate_person_id) &&
	    strcmp(o->part, "safeguarding_partner") != 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s safeguarding partner: only a safeguarding partner "
		        "has one (this organisation is %s)",
		        o->lead_person_id ? "Lead" : "Delegated",
		        record_choice_label(
		                record_field_by_slug(&gov_organisation_record,
		                                     "part"),
		                o->part));
	if (o->delegate_person_id && !o->lead_person_id)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "Delegated safeguarding partner: name the "
		        "lead safeguarding partner who delegates");
	return MASA_OK;
}

enum masa_err gov_organisation_key_new(struct gov *g, int64_t partnership_id,
                                       const char *name, struct arena *a,
                                       const char **key, struct masa_error *err)
{
	return key_unique(g, SQL_ORGANISATION_FIND, partnership_id, name, a,
	                  key, err);
}

enum masa_err gov_organisation_create(struct gov *g, struct gov_organisation *o,
                                      struct masa_error *err)
{
	enum masa_err rc;

	o->id = 0;
	rc = organisation_check(g, o, err);
	return rc ? rc : record_insert(g, &gov_organisation_record, o, err);
}

enum masa_err gov_organisation_update(struct gov *g,
                                      const struct gov_organisation *o,
                                      struct masa_error *err)
{
	enum masa_err rc = organisation_check(g, o, err);

	return rc ? rc : record_update(g, &gov_organisation_record, o, err);
}

enum masa_err gov_organisation_get(struct gov *g, int64_t id, struct arena *a,
                                   struct gov_organisation *out,
                                   struct masa_error *err)
{
	return record_get(g, &gov_organisation_record, id, a, out, err);
}

enum masa_err gov_organisation_find(struct gov *g, int64_t partnership_id,
                                    const char *key, struct arena *a,
                                    struct gov_organisation *out,
                                    struct masa_error *err)
{
	return record_find(g, &gov_organisation_record, SQL_ORGANISATION_FIND,
	                   partnership_id, key, a, out, err);
}

enum masa_err gov_organisation_list(struct gov *g, int64_t partnership_id,
                                    struct arena *a,
                                    struct gov_organisation **out, size_t *n,
                                    struct masa_error *err)
{
	void *items;
	enum masa_err rc =
	        record_list(g, &gov_organisation_record, SQL_ORGANISATION_LIST,
	                    partnership_id, a, &items, n, err);

	*out = items;
	return rc;
}

/* person */

static const struct record_field person_fields[] = {
        RECORD_FIELD(struct gov_person, id, RECORD_ID),
        RECORD_FIELD(struct gov_person, partnership_id, RECORD_ID),
        RECORD_INPUT_FIELD(struct gov_person, key, RECORD_TEXT, .label = "Key",
                           .hint = KEY_HINT, .input = RECORD_INPUT_KEY,
                           .required = true),
        RECORD_INPUT_FIELD(struct gov_person, name, RECORD_TEXT,
                           .label = "Name",
                           .hint = "As the minutes write it, without a "
                                   "title: Jo Bloggs",
                           .input = RECORD_INPUT_LINE, .required = true),
        RECORD_INPUT_FIELD(struct gov_person, honorific_prefix, RECORD_TEXT,
                           .label = "Title", .hint = "Such as Ms or Dr",
                           .input = RECORD_INPUT_LINE),
        RECORD_INPUT_FIELD(struct gov_person, job_title, RECORD_TEXT,
                           .label = "Job title", .input = RECORD_INPUT_LINE),
        RECORD_INPUT_FIELD(struct gov_person, organisation_id, RECORD_ID,
                           .label = "Organisation they work for",
                           .input = RECORD_INPUT_REF,
                           .ref = &gov_organisation_ref),
        RECORD_INPUT_FIELD(struct gov_person, email, RECORD_TEXT,
                           .label = "E-mail address",
                           .hint = "Where masa sends their papers and "
                                   "reminders",
                           .input = RECORD_INPUT_EMAIL, .see = GOV_ROLE_MEMBER),
};

#define PERSON_COLUMNS                                                 \
	"id, partnership_id, key, name, honorific_prefix, job_title, " \
	"organisation_id, email"

const struct record_kind gov_person_record = {
        .entity = "person",
        .label = "person",
        .fields = person_fields,
        .nfields = sizeof person_fields / sizeof person_fields[0],
        .size = sizeof(struct gov_person),
        .sql_insert = "INSERT INTO person (partnership_id, key, name, "
                      "honorific_prefix, job_title, organisation_id, email) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        .sql_update =
                "UPDATE person SET partnership_id = ?, key = ?, name = ?, "
                "honorific_prefix = ?, job_title = ?, organisation_id = ?, "
                "email = ? WHERE id = ?",
        .sql_get = "SELECT " PERSON_COLUMNS " FROM person WHERE id = ?",
};

static const char SQL_PERSON_FIND[] = "SELECT " PERSON_COLUMNS " FROM person "
                                      "WHERE partnership_id = ? AND key = ?";
static const char SQL_PERSON_LIST[] = "SELECT " PERSON_COLUMNS " FROM person "
                                      "WHERE partnership_id = ? ORDER BY id";

static enum masa_err organisation_check_in(struct gov *g,
                                           int64_t partnership_id, int64_t id,
                                           const char *field,
                                           struct masa_error *err)
{
	return record_check_ref(g, SQL_ORGANISATION_IN, id, partnership_id,
	                        false, field, "organisation", err);
}

enum masa_err gov_person_check(struct gov *g, int64_t partnership_id,
                               int64_t id, const char *field,
                               struct masa_error *err)
{
	return record_check_ref(g, SQL_PERSON_IN, id, partnership_id, true,
	                        field, "person", err);
}

static enum masa_err person_check(struct gov *g, const struct gov_person *p,
                                  struct masa_error *err)
{
	enum masa_err rc;

	if ((rc = partnership_check_exists(g, p->partnership_id, err)) ||
	    (rc = stays_in_partnership(g, SQL_PERSON_PARTNERSHIP, p->id,
	                               p->partnership_id, "person", err)) ||
	    (rc = key_check(g, SQL_PERSON_FIND, p->partnership_id, p->key,
	                    p->id, "person", err)) ||
	    (rc = check_line("Name", p->name, err)) ||
	    (rc = check_optional_line("Title", p->honorific_prefix, err)) ||
	    (rc = check_optional_line("Job title", p->job_title, err)) ||
	    (rc = check_email("E-mail address", p->email, err)) ||
	    (rc = organisation_check_in(g, p->partnership_id,
	                                p->organisation_id,
	                                "Organisation they work for", err)))
		return rc;
	return MASA_OK;
}

enum masa_err gov_person_key_new(struct gov *g, int64_t partnership_id,
                                 const char *name, struct arena *a,
                                 const char **key, struct masa_error *err)
{
	return key_unique(g, SQL_PERSON_FIND, partnership_id, name, a, key,
	                  err);
}

enum masa_err gov_key_or_new(struct gov *g, int64_t partnership_id, char **key,
                             const char *name,
                             enum masa_err (*make)(struct gov *, int64_t,
                                                   const char *, struct arena *,
                                                   const char **,
                                                   struct masa_error *),
                             struct arena *a, struct masa_error *err)
{
	const char *made;
	enum masa_err rc;

	if (*key != NULL)
		return MASA_OK;
	rc = make(g, partnership_id, name, a, &made, err);
	if (rc == MASA_OK)
		*key = (char *)made;
	return rc;
}

enum masa_err gov_person_create(struct gov *g, struct gov_person *p,
                                struct masa_error *err)
{
	enum masa_err rc;

	p->id = 0;
	rc = person_check(g, p, err);
	return rc ? rc : record_insert(g, &gov_person_record, p, err);
}

enum masa_err gov_person_update(struct gov *g, const struct gov_person *p,
                                struct masa_error *err)
{
	enum masa_err rc = person_check(g, p, err);

	return rc ? rc : record_update(g, &gov_person_record, p, err);
}

enum masa_err gov_person_get(struct gov *g, int64_t id, struct arena *a,
                             struct gov_person *out, struct masa_error *err)
{
	return record_get(g, &gov_person_record, id, a, out, err);
}

enum masa_err gov_person_find(struct gov *g, int64_t partnership_id,
                              const char *key, struct arena *a,
                              struct gov_person *out, struct masa_error *err)
{
	return record_find(g, &gov_person_record, SQL_PERSON_FIND,
	                   partnership_id, key, a, out, err);
}

enum masa_err gov_person_list(struct gov *g, int64_t partnership_id,
                              struct arena *a, struct gov_person **out,
                              size_t *n, struct masa_error *err)
{
	void *items;
	enum masa_err rc = record_list(g, &gov_person_record, SQL_PERSON_LIST,
	                               partnership_id, a, &items, n, err);

	*out = items;
	return rc;
}
