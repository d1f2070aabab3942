/*
 * interchange: dump and load of a partnership as JSON (see interchange.h and
 * docs/interchange.md). Loading resolves the document's string identifiers
 * to database ids with maps as it goes; dumping turns ids back into the
 * stored keys. Members are written in the order docs/interchange.md gives
 * and empty ones are left out, so dump -> load -> dump is byte-identical.
 */
#include "gov/interchange.h"

#include "gov/access.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/map.h"
#include "core/text.h"
#include "gov/action.h"
#include "gov/audit.h"
#include "gov/body.h"
#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/partnership.h"
#include "gov/programme.h"
#include "gov/site_page.h"

static const char *const top_members[] = {
        "format",  "version",   "partnership", "organizations",
        "people",  "bodies",    "memberships", "meetings",
        "actions", "programme", "pages",       NULL};
static const char *const action_members[] = {
        "id",        "body",    "meeting", "item",     "number",
        "raised_on", "details", "owners",  "due_date", "due_meeting",
        "status",    "updates", NULL};
static const char *const action_update_members[] = {
        "date",   "meeting",      "kind",           "text",
        "status", "owners_added", "owners_removed", NULL};
static const char *const owner_members[] = {"person", "organization",
                                            "all_members", NULL};
static const char *const programme_members[] = {
        "body",   "title",        "meeting",   "month",
        "source", "from_meeting", "from_item", "from_resolution",
        "status", "notes",        NULL};
static const char *const page_members[] = {"page", "text", NULL};
static const char *const partnership_members[] = {"id", "name", "area", NULL};
static const char *const organisation_members[] = {
        "id",
        "name",
        "classification",
        "part",
        "lead_safeguarding_partner",
        "delegated_safeguarding_partner",
        NULL};
static const char *const person_members[] = {
        "id",    "name", "honorific_prefix", "job_title", "organization",
        "email", NULL};
static const char *const body_members[] = {"short_name",
                                           "name",
                                           "classification",
                                           "parent",
                                           "founding_date",
                                           "dissolution_date",
                                           "quorum",
                                           "terms_of_reference",
                                           NULL};
static const char *const quorum_members[] = {"count", "fraction",
                                             "safeguarding_partners", NULL};
static const char *const membership_members[] = {
        "person", "body",       "role",     "on_behalf_of",
        "label",  "start_date", "end_date", NULL};
static const char *const meeting_members[] = {"id",
                                              "body",
                                              "name",
                                              "date",
                                              "start_time",
                                              "end_time",
                                              "location",
                                              "status",
                                              "webcast_url",
                                              "attendance",
                                              "agenda",
                                              "declarations",
                                              "minutes_status",
                                              "minutes_approved_on",
                                              "minutes_published_on",
                                              "agenda_published_on",
                                              "part_two_exemption",
                                              NULL};
static const char *const attendance_members[] = {
        "person",          "status",       "substitute",
        "arrived_at_item", "left_at_item", NULL};
static const char *const item_members[] = {
        "number",    "title",       "presenter",       "confidential",
        "status",    "deferred_to", "minutes",         "resolutions",
        "documents", "items",       "part_two_reason", NULL};
static const char *const resolution_members[] = {"number", "text", NULL};
static const char *const document_members[] = {"title", "kind", "url",
                                               "circulation", NULL};
static const char *const circulation_members[] = {"person", "sent_on", NULL};
static const char *const declaration_members[] = {"person", "item", "interest",
                                                  NULL};

/*
 * Puts a path segment before err's message: joined with "." when the
 * message starts with one of members (the members of the object the
 * segment names: "person: ..." becomes "attendance[0].person: ..."), else
 * with ": " (a rule of the domain: "memberships[1]: End date:
 * ..."). Messages so read "meetings[3].attendance[2].person: no person ...".
 */
static void path_prefix(struct masa_error *err, const char *const *members,
                        const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static void path_prefix(struct masa_error *err, const char *const *members,
                        const char *fmt, ...)
{
	char segment[128];
	char old[sizeof err->message];
	size_t head = strcspn(err->message, ".[: ");
	bool member = false;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(segment, sizeof segment, fmt, ap);
	va_end(ap);
	for (size_t i = 0; members[i] != NULL && !member; i++)
		member = strlen(members[i]) == head &&
		         strncmp(err->message, members[i], head) == 0;
	if (!member) {
		masa_error_prefix(err, "%s", segment);
		return;
	}
	memcpy(old, err->message, sizeof old);
	old[sizeof old - 1] = '\0';
	snprintf(err->message, sizeof err->message, "%s.%.*s", segment,
	         (int)(sizeof err->message - strlen(segment) - 2), old);
}

/* reading JSON values */

static enum masa_err expect_object(json_t *v, const char *what,
                                   struct masa_error *err)
{
	if (!json_is_object(v))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: must be an object", what);
	return MASA_OK;
}

/* Refuses members of o that are not in allowed (NULL-terminated). */
static enum masa_err expect_members(json_t *o, const char *const *allowed,
                                    struct masa_error *err)
{
	const char *key;
	json_t *v;

	json_object_foreach(o, key, v)
	{
		size_t i;
		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(key, allowed[i]) == 0)
				break;
		if (allowed[i] == NULL)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "unknown member \"%.60s\"", key);
	}
	return MASA_OK;
}

/* The document's own members and those of interchange_parts. */
static enum masa_err expect_top_members(json_t *root, struct masa_error *err)
{
	const char *names[64];
	size_t n = 0;

	for (size_t i = 0; top_members[i] != NULL; i++)
		names[n++] = top_members[i];
	for (size_t k = 0; interchange_parts[k] != NULL && n + 1 < 64; k++)
		names[n++] = interchange_parts[k]->name;
	names[n] = NULL;
	return expect_members(root, names, err);
}

static enum masa_err get_text(json_t *o, const char *name, bool required,
                              const char **out, struct masa_error *err)
{
	json_t *v = json_object_get(o, name);

	*out = NULL;
	if (v == NULL || json_is_null(v)) {
		if (required)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%s: required", name);
		return MASA_OK;
	}
	if (!json_is_string(v))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: must be a string", name);
	*out = json_string_value(v);
	return MASA_OK;
}

static enum masa_err get_bool(json_t *o, const char *name, bool *out,
                              struct masa_error *err)
{
	json_t *v = json_object_get(o, name);

	*out = false;
	if (v == NULL || json_is_null(v))
		return MASA_OK;
	if (!json_is_boolean(v))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: must be true or false", name);
	*out = json_is_true(v);
	return MASA_OK;
}

static enum masa_err get_int(json_t *o, const char *name, bool required,
                             int64_t *out, struct masa_error *err)
{
	json_t *v = json_object_get(o, name);

	*out = 0;
	if (v == NULL || json_is_null(v))
		return required ? masa_error_set(err, MASA_ERR_INVALID,
		                                 "%s: required", name)
		                : MASA_OK;
	if (!json_is_integer(v))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: must be a whole number", name);
	*out = json_integer_value(v);
	return MASA_OK;
}

/* The array o[name], or an empty one; an error if it is not an array. */
static enum masa_err get_array(json_t *o, const char *name, json_t **out,
                               struct masa_error *err)
{
	json_t *v = json_object_get(o, name);

	*out = v;
	if (v == NULL || json_is_null(v)) {
		*out = NULL;
		return MASA_OK;
	}
	if (!json_is_array(v))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: must be a list", name);
	return MASA_OK;
}

/* Resolves o[name] through map m; what names the kind of record. */
static enum masa_err get_ref(json_t *o, const char *name, bool required,
                             const struct map *m, const char *what, int64_t *id,
                             struct masa_error *err)
{
	const char *key;
	enum masa_err rc = get_text(o, name, required, &key, err);

	*id = 0;
	if (rc != MASA_OK || key == NULL)
		return rc;
	if (!map_get(m, key, id))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s: no %s \"%.80s\" earlier in this file", name, what,
		        key);
	return MASA_OK;
}

/* loading */

struct loader {
	struct gov *g;
	int64_t partnership_id;
	struct gov_viewer masa; /* sees the whole partnership being loaded */
	struct map organisations, people, bodies, meetings;
	struct interchange_counts counts;
};

static enum masa_err load_partnership(struct loader *l, json_t *o,
                                      struct masa_error *err)
{
	struct gov_partnership p = {0};
	struct arena a = ARENA_INIT;
	struct gov_partnership existing;
	struct masa_error probe;
	const char *key, *name, *area;
	enum masa_err rc;

	if ((rc = expect_object(o, "partnership", err)) ||
	    (rc = expect_members(o, partnership_members, err)) ||
	    (rc = get_text(o, "id", true, &key, err)) ||
	    (rc = get_text(o, "name", true, &name, err)) ||
	    (rc = get_text(o, "area", false, &area, err)))
		return rc;
	if (gov_partnership_find(l->g, key, &a, &existing, &probe) == MASA_OK) {
		arena_free(&a);
		return masa_error_set(
		        err, MASA_ERR_CONFLICT,
		        "id: partnership \"%s\" is already in this "
		        "database",
		        key);
	}
	arena_free(&a);
	p.key = (char *)key;
	p.name = (char *)name;
	p.area = (char *)area;
	rc = gov_partnership_create(l->g, &p, err);
	l->partnership_id = p.id;
	gov_viewer_system(&l->masa, p.id);
	return rc;
}

static enum masa_err load_organisation(struct loader *l, json_t *o,
                                       struct masa_error *err)
{
	struct gov_organisation org = {0};
	const char *key, *name, *classification, *part;
	enum masa_err rc;

	if ((rc = expect_object(o, "organisation", err)) ||
	    (rc = expect_members(o, organisation_members, err)) ||
	    (rc = get_text(o, "id", true, &key, err)) ||
	    (rc = get_text(o, "name", true, &name, err)) ||
	    (rc = get_text(o, "classification", false, &classification, err)) ||
	    (rc = get_text(o, "part", true, &part, err)))
		return rc;
	org.partnership_id = l->partnership_id;
	org.key = (char *)key;
	org.name = (char *)name;
	org.classification = (char *)classification;
	org.part = (char *)part;
	rc = gov_organisation_create(l->g, &org, err);
	if (rc == MASA_OK)
		map_put(&l->organisations, key, org.id);
	return rc;
}

/*
 * The lead and delegated safeguarding partners of organisation o: people,
 * who are loaded after organisations, so set in a second pass over them.
 */
static enum masa_err load_organisation_partners(struct loader *l, json_t *o,
                                                struct masa_error *err)
{
	struct gov_organisation org;
	struct arena a = ARENA_INIT;
	const char *key;
	int64_t lead = 0, delegate = 0;
	enum masa_err rc;

	if ((rc = get_text(o, "id", true, &key, err)) ||
	    (rc = get_ref(o, "lead_safeguarding_partner", false, &l->people,
	                  "person", &lead, err)) ||
	    (rc = get_ref(o, "delegated_safeguarding_partner", false,
	                  &l->people, "person", &delegate, err)))
		return rc;
	if (lead == 0 && delegate == 0)
		return MASA_OK;
	rc = gov_organisation_find(l->g, l->partnership_id, key, &a, &org, err);
	if (rc == MASA_OK) {
		org.lead_person_id = lead;
		org.delegate_person_id = delegate;
		rc = gov_organisation_update(l->g, &org, err);
	}
	arena_free(&a);
	return rc;
}

static enum masa_err load_person(struct loader *l, json_t *o,
                                 struct masa_error *err)
{
	struct gov_person p = {0};
	const char *key, *name, *honorific, *job, *email;
	enum masa_err rc;

	if ((rc = expect_object(o, "person", err)) ||
	    (rc = expect_members(o, person_members, err)) ||
	    (rc = get_text(o, "id", true, &key, err)) ||
	    (rc = get_text(o, "name", true, &name, err)) ||
	    (rc = get_text(o, "honorific_prefix", false, &honorific, err)) ||
	    (rc = get_text(o, "job_title", false, &job, err)) ||
	    (rc = get_ref(o, "organization", false, &l->organisations,
	                  "organisation", &p.organisation_id, err)) ||
	    (rc = get_text(o, "email", false, &email, err)))
		return rc;
	p.partnership_id = l->partnership_id;
	p.key = (char *)key;
	p.name = (char *)name;
	p.honorific_prefix = (char *)honorific;
	p.job_title = (char *)job;
	p.email = (char *)email;
	rc = gov_person_create(l->g, &p, err);
	if (rc == MASA_OK)
		map_put(&l->people, key, p.id);
	return rc;
}

static enum masa_err load_body(struct loader *l, json_t *o,
                               struct masa_error *err)
{
	struct gov_body b = {0};
	const char *short_name, *name, *kind, *founding, *dissolution, *tor;
	const char *fraction = NULL;
	json_t *quorum;
	enum masa_err rc;

	if ((rc = expect_object(o, "body", err)) ||
	    (rc = expect_members(o, body_members, err)) ||
	    (rc = get_text(o, "short_name", true, &short_name, err)) ||
	    (rc = get_text(o, "name", true, &name, err)) ||
	    (rc = get_text(o, "classification", true, &kind, err)) ||
	    (rc = get_ref(o, "parent", false, &l->bodies, "body", &b.parent_id,
	                  err)) ||
	    (rc = get_text(o, "founding_date", false, &founding, err)) ||
	    (rc = get_text(o, "dissolution_date", false, &dissolution, err)) ||
	    (rc = get_text(o, "terms_of_reference", false, &tor, err)))
		return rc;
	quorum = json_object_get(o, "quorum");
	if (quorum != NULL) {
		if ((rc = expect_object(quorum, "quorum", err)) ||
		    (rc = expect_members(quorum, quorum_members, err)) ||
		    (rc = get_int(quorum, "count", false, &b.quorum_count,
		                  err)) ||
		    (rc = get_text(quorum, "fraction", false, &fraction,
		                   err)) ||
		    (rc = get_bool(quorum, "safeguarding_partners",
		                   &b.quorum_partners, err))) {
			path_prefix(err, quorum_members, "quorum");
			return rc;
		}
		if (json_is_integer(json_object_get(quorum, "count")) &&
		    b.quorum_count < 1)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "quorum.count: %lld must be at "
			                      "least 1",
			                      (long long)b.quorum_count);
	}
	b.partnership_id = l->partnership_id;
	b.short_name = (char *)short_name;
	b.name = (char *)name;
	b.kind = (char *)kind;
	b.founding_date = (char *)founding;
	b.dissolution_date = (char *)dissolution;
	b.quorum_fraction = (char *)fraction;
	b.terms_of_reference = (char *)tor;
	if (short_name != NULL && map_get(&l->bodies, short_name, NULL))
		return masa_error_set(err, MASA_ERR_CONFLICT,
		                      "short_name: \"%s\" is used twice",
		                      short_name);
	rc = gov_body_create(l->g, &b, err);
	if (rc == MASA_OK)
		map_put(&l->bodies, short_name, b.id);
	return rc;
}

static enum masa_err load_membership(struct loader *l, json_t *o,
                                     struct masa_error *err)
{
	struct gov_membership m = {0};
	const char *role, *label, *start, *end;
	enum masa_err rc;

	if ((rc = expect_object(o, "membership", err)) ||
	    (rc = expect_members(o, membership_members, err)) ||
	    (rc = get_ref(o, "person", true, &l->people, "person", &m.person_id,
	                  err)) ||
	    (rc = get_ref(o, "body", true, &l->bodies, "body", &m.body_id,
	                  err)) ||
	    (rc = get_text(o, "role", true, &role, err)) ||
	    (rc = get_ref(o, "on_behalf_of", false, &l->organisations,
	                  "organisation", &m.organisation_id, err)) ||
	    (rc = get_text(o, "label", false, &label, err)) ||
	    (rc = get_text(o, "start_date", false, &start, err)) ||
	    (rc = get_text(o, "end_date", false, &end, err)))
		return rc;
	m.role = (char *)role;
	m.label = (char *)label;
	m.start_date = (char *)start;
	m.end_date = (char *)end;
	return gov_membership_create(l->g, &m, err);
}

/* First pass over a meeting: the meeting itself, so others may refer to it. */
static enum masa_err load_meeting(struct loader *l, json_t *o,
                                  struct masa_error *err)
{
	struct gov_meeting m = {0};
	const char *key, *name, *date, *start, *end, *location, *status,
	        *webcast, *minutes, *approved, *published, *agenda, *exemption;
	enum masa_err rc;

	if ((rc = expect_object(o, "meeting", err)) ||
	    (rc = expect_members(o, meeting_members, err)) ||
	    (rc = get_text(o, "id", true, &key, err)) ||
	    (rc = get_ref(o, "body", true, &l->bodies, "body", &m.body_id,
	                  err)) ||
	    (rc = get_text(o, "name", false, &name, err)) ||
	    (rc = get_text(o, "date", true, &date, err)) ||
	    (rc = get_text(o, "start_time", false, &start, err)) ||
	    (rc = get_text(o, "end_time", false, &end, err)) ||
	    (rc = get_text(o, "location", false, &location, err)) ||
	    (rc = get_text(o, "status", true, &status, err)) ||
	    (rc = get_text(o, "webcast_url", false, &webcast, err)) ||
	    (rc = get_text(o, "minutes_status", false, &minutes, err)) ||
	    (rc = get_text(o, "minutes_approved_on", false, &approved, err)) ||
	    (rc = get_text(o, "minutes_published_on", false, &published,
	                   err)) ||
	    (rc = get_text(o, "agenda_published_on", false, &agenda, err)) ||
	    (rc = get_text(o, "part_two_exemption", false, &exemption, err)))
		return rc;
	m.agenda_published_on = (char *)agenda;
	m.part_two_exemption = (char *)exemption;
	m.minutes_status = (char *)minutes;
	m.minutes_approved_on = (char *)approved;
	m.minutes_published_on = (char *)published;
	m.key = (char *)key;
	m.name = (char *)name;
	m.date = (char *)date;
	m.start_time = (char *)start;
	m.end_time = (char *)end;
	m.location = (char *)location;
	m.status = (char *)status;
	m.webcast_url = (char *)webcast;
	rc = gov_meeting_create(l->g, &m, err);
	if (rc == MASA_OK)
		map_put(&l->meetings, key, m.id);
	return rc;
}

static enum masa_err load_document(struct loader *l, int64_t item_id, json_t *o,
                                   struct masa_error *err)
{
	struct gov_document d = {0};
	const char *title, *kind, *url;
	json_t *list, *v;
	size_t i;
	enum masa_err rc;

	if ((rc = expect_object(o, "document", err)) ||
	    (rc = expect_members(o, document_members, err)) ||
	    (rc = get_text(o, "title", true, &title, err)) ||
	    (rc = get_text(o, "kind", true, &kind, err)) ||
	    (rc = get_text(o, "url", false, &url, err)) ||
	    (rc = get_array(o, "circulation", &list, err)))
		return rc;
	d.item_id = item_id;
	d.title = (char *)title;
	d.kind = (char *)kind;
	d.url = (char *)url;
	if ((rc = gov_document_create(l->g, &d, err)))
		return rc;
	l->counts.documents++;
	json_array_foreach(list, i, v)
	{
		struct gov_circulation c = {0};
		const char *sent;

		if ((rc = expect_object(v, "circulation", err)) ||
		    (rc = expect_members(v, circulation_members, err)) ||
		    (rc = get_ref(v, "person", true, &l->people, "person",
		                  &c.person_id, err)) ||
		    (rc = get_text(v, "sent_on", true, &sent, err)))
			goto bad;
		c.document_id = d.id;
		c.sent_on = (char *)sent;
		if ((rc = gov_circulation_create(l->g, &c, err)))
			goto bad;
		l->counts.circulation++;
	}
	return MASA_OK;
bad:
	path_prefix(err, circulation_members, "circulation[%zu]", i);
	return rc;
}

/* Loads an item and, depth first, its sub-items; numbers maps number->id. */
static enum masa_err load_item(struct loader *l, int64_t meeting_id,
                               int64_t parent_id, json_t *o,
                               struct map *numbers, struct masa_error *err)
{
	struct gov_item it = {0};
	const char *number, *title, *status, *minutes, *reason;
	json_t *resolutions, *documents, *items, *v;
	size_t i;
	enum masa_err rc;

	if ((rc = expect_object(o, "item", err)) ||
	    (rc = expect_members(o, item_members, err)) ||
	    (rc = get_text(o, "number", true, &number, err)) ||
	    (rc = get_text(o, "title", true, &title, err)) ||
	    (rc = get_ref(o, "presenter", false, &l->people, "person",
	                  &it.presenter_id, err)) ||
	    (rc = get_bool(o, "confidential", &it.confidential, err)) ||
	    (rc = get_text(o, "status", false, &status, err)) ||
	    (rc = get_ref(o, "deferred_to", false, &l->meetings, "meeting",
	                  &it.deferred_to_id, err)) ||
	    (rc = get_text(o, "minutes", false, &minutes, err)) ||
	    (rc = get_text(o, "part_two_reason", false, &reason, err)) ||
	    (rc = get_array(o, "resolutions", &resolutions, err)) ||
	    (rc = get_array(o, "documents", &documents, err)) ||
	    (rc = get_array(o, "items", &items, err)))
		return rc;
	it.meeting_id = meeting_id;
	it.parent_id = parent_id;
	it.number = (char *)number;
	it.title = (char *)title;
	it.status = (char *)(status ? status : "taken");
	it.minutes = (char *)minutes;
	it.part_two_reason = (char *)reason;
	if (it.deferred_to_id != 0 && strcmp(it.status, "deferred") != 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "deferred_to: only for an item with status "
		        "deferred, not %s",
		        it.status);
	if ((rc = gov_item_create(l->g, &it, err)))
		return rc;
	map_put(numbers, number, it.id);
	l->counts.items++;
	json_array_foreach(resolutions, i, v)
	{
		struct gov_resolution r = {0};
		const char *text;

		if ((rc = expect_object(v, "resolution", err)) ||
		    (rc = expect_members(v, resolution_members, err)) ||
		    (rc = get_int(v, "number", true, &r.number, err)) ||
		    (rc = get_text(v, "text", true, &text, err))) {
			path_prefix(err, resolution_members, "resolutions[%zu]",
			            i);
			return rc;
		}
		r.item_id = it.id;
		r.text = (char *)text;
		if ((rc = gov_resolution_create(l->g, &r, err))) {
			path_prefix(err, resolution_members, "resolutions[%zu]",
			            i);
			return rc;
		}
		l->counts.resolutions++;
	}
	json_array_foreach(documents, i, v)
	{
		if ((rc = load_document(l, it.id, v, err))) {
			path_prefix(err, document_members, "documents[%zu]", i);
			return rc;
		}
	}
	json_array_foreach(items, i, v)
	{
		if ((rc = load_item(l, meeting_id, it.id, v, numbers, err))) {
			path_prefix(err, item_members, "items[%zu]", i);
			return rc;
		}
	}
	return MASA_OK;
}

static enum masa_err item_ref(json_t *o, const char *name,
                              const struct map *numbers, int64_t *id,
                              struct masa_error *err)
{
	const char *number;
	enum masa_err rc = get_text(o, name, false, &number, err);

	*id = 0;
	if (rc != MASA_OK || number == NULL)
		return rc;
	if (!map_get(numbers, number, id))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: no item \"%.40s\" at this meeting",
		                      name, number);
	return MASA_OK;
}

/* Second pass over a meeting: its agenda, attendance and declarations. */
static enum masa_err load_meeting_content(struct loader *l, json_t *o,
                                          struct masa_error *err)
{
	struct map numbers = MAP_INIT;
	json_t *agenda, *attendance, *declarations, *v;
	const char *key;
	int64_t meeting_id = 0;
	size_t i;
	enum masa_err rc;

	if ((rc = get_text(o, "id", true, &key, err)) ||
	    (rc = get_array(o, "agenda", &agenda, err)) ||
	    (rc = get_array(o, "attendance", &attendance, err)) ||
	    (rc = get_array(o, "declarations", &declarations, err)))
		return rc;
	map_get(&l->meetings, key, &meeting_id);
	json_array_foreach(agenda, i, v)
	{
		if ((rc = load_item(l, meeting_id, 0, v, &numbers, err))) {
			path_prefix(err, item_members, "agenda[%zu]", i);
			goto out;
		}
	}
	json_array_foreach(attendance, i, v)
	{
		struct gov_attendance at = {0};
		const char *status;

		if ((rc = expect_object(v, "attendance", err)) ||
		    (rc = expect_members(v, attendance_members, err)) ||
		    (rc = get_ref(v, "person", true, &l->people, "person",
		                  &at.person_id, err)) ||
		    (rc = get_text(v, "status", true, &status, err)) ||
		    (rc = get_ref(v, "substitute", false, &l->people, "person",
		                  &at.substitute_id, err)) ||
		    (rc = item_ref(v, "arrived_at_item", &numbers,
		                   &at.arrived_item_id, err)) ||
		    (rc = item_ref(v, "left_at_item", &numbers,
		                   &at.left_item_id, err)))
			goto bad_attendance;
		at.meeting_id = meeting_id;
		at.status = (char *)status;
		if ((rc = gov_attendance_record(l->g, &at, err)))
			goto bad_attendance;
		l->counts.attendance++;
	}
	json_array_foreach(declarations, i, v)
	{
		struct gov_declaration d = {0};
		const char *interest;

		if ((rc = expect_object(v, "declaration", err)) ||
		    (rc = expect_members(v, declaration_members, err)) ||
		    (rc = get_ref(v, "person", true, &l->people, "person",
		                  &d.person_id, err)) ||
		    (rc = item_ref(v, "item", &numbers, &d.item_id, err)) ||
		    (rc = get_text(v, "interest", true, &interest, err))) {
			path_prefix(err, declaration_members,
			            "declarations[%zu]", i);
			goto out;
		}
		d.meeting_id = meeting_id;
		d.interest = (char *)interest;
		if ((rc = gov_declaration_create(l->g, &d, err))) {
			path_prefix(err, declaration_members,
			            "declarations[%zu]", i);
			goto out;
		}
		l->counts.declarations++;
	}
	rc = MASA_OK;
	goto out;
bad_attendance:
	path_prefix(err, attendance_members, "attendance[%zu]", i);
out:
	map_free(&numbers);
	return rc;
}

/* Reads a list of owners ({"person"}, {"organization"}, {"all_members"}). */
static enum masa_err load_owner_refs(struct loader *l, json_t *o,
                                     const char *name, struct arena *a,
                                     struct gov_owner_ref **out, size_t *n,
                                     struct masa_error *err)
{
	json_t *list, *v;
	size_t i;
	enum masa_err rc = get_array(o, name, &list, err);

	*out = NULL;
	*n = 0;
	if (rc != MASA_OK || list == NULL)
		return rc;
	*out = arena_alloc(a, (json_array_size(list) + 1) * sizeof **out);
	json_array_foreach(list, i, v)
	{
		struct gov_owner_ref *r = &(*out)[i];
		if ((rc = expect_object(v, "owner", err)) ||
		    (rc = expect_members(v, owner_members, err)) ||
		    (rc = get_ref(v, "person", false, &l->people, "person",
		                  &r->person_id, err)) ||
		    (rc = get_ref(v, "organization", false, &l->organisations,
		                  "organisation", &r->organisation_id, err)) ||
		    (rc = get_bool(v, "all_members", &r->all_members, err))) {
			path_prefix(err, owner_members, "%s[%zu]", name, i);
			return rc;
		}
		*n = i + 1;
	}
	return MASA_OK;
}

static enum masa_err load_action(struct loader *l, json_t *o,
                                 struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_action act = {0};
	struct gov_owner_ref *owners;
	size_t nowners, i;
	const char *key, *item, *raised_on, *details, *due_date, *status;
	const char *final = "open";
	json_t *updates, *v;
	enum masa_err rc;

	if ((rc = expect_object(o, "action", err)) ||
	    (rc = expect_members(o, action_members, err)) ||
	    (rc = get_text(o, "id", true, &key, err)) ||
	    (rc = get_ref(o, "body", true, &l->bodies, "body", &act.body_id,
	                  err)) ||
	    (rc = get_ref(o, "meeting", false, &l->meetings, "meeting",
	                  &act.meeting_id, err)) ||
	    (rc = get_text(o, "item", false, &item, err)) ||
	    (rc = get_int(o, "number", true, &act.number, err)) ||
	    (rc = get_text(o, "raised_on", false, &raised_on, err)) ||
	    (rc = get_text(o, "details", true, &details, err)) ||
	    (rc = get_text(o, "due_date", false, &due_date, err)) ||
	    (rc = get_ref(o, "due_meeting", false, &l->meetings, "meeting",
	                  &act.due_meeting_id, err)) ||
	    (rc = get_text(o, "status", false, &status, err)) ||
	    (rc = get_array(o, "updates", &updates, err)) ||
	    (rc = load_owner_refs(l, o, "owners", &a, &owners, &nowners, err)))
		goto out;
	if (act.number < 1) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "number: %lld must be at least 1",
		                    (long long)act.number);
		goto out;
	}
	if (item != NULL) {
		struct gov_item it;
		if (act.meeting_id == 0) {
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "item: needs the meeting it is at");
			goto out;
		}
		if ((rc = gov_item_find(l->g, &l->masa, act.meeting_id, item,
		                        &a, &it, err))) {
			masa_error_set(
			        err, MASA_ERR_INVALID,
			        "item: no item \"%.40s\" at that meeting",
			        item);
			rc = MASA_ERR_INVALID;
			goto out;
		}
		act.item_id = it.id;
	}
	act.key = (char *)key;
	act.raised_on = (char *)raised_on;
	act.details = (char *)details;
	act.due_date = (char *)due_date;
	if ((rc = gov_action_raise(l->g, &act, owners, nowners, &a, err)))
		goto out;
	l->counts.actions++;
	json_array_foreach(updates, i, v)
	{
		struct gov_action_update u = {.action_id = act.id};
		struct gov_owner_ref *added, *removed;
		size_t nadded, nremoved;
		const char *date, *kind, *text, *ustatus;

		if ((rc = expect_object(v, "update", err)) ||
		    (rc = expect_members(v, action_update_members, err)) ||
		    (rc = get_text(v, "date", true, &date, err)) ||
		    (rc = get_ref(v, "meeting", false, &l->meetings, "meeting",
		                  &u.meeting_id, err)) ||
		    (rc = get_text(v, "kind", false, &kind, err)) ||
		    (rc = get_text(v, "text", false, &text, err)) ||
		    (rc = get_text(v, "status", false, &ustatus, err)) ||
		    (rc = load_owner_refs(l, v, "owners_added", &a, &added,
		                          &nadded, err)) ||
		    (rc = load_owner_refs(l, v, "owners_removed", &a, &removed,
		                          &nremoved, err)))
			goto bad_update;
		u.on_date = (char *)date;
		u.kind = (char *)kind;
		u.text = (char *)text;
		u.status = (char *)ustatus;
		if ((rc = gov_action_update(l->g, &u, added, nadded, removed,
		                            nremoved, err)))
			goto bad_update;
		if (ustatus != NULL)
			final = ustatus;
		l->counts.action_updates++;
	}
	if (status != NULL && strcmp(status, final) != 0)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "status: \"%.40s\" is not the status its "
		                    "updates give (%s)",
		                    status, final);
	goto out;
bad_update:
	path_prefix(err, action_update_members, "updates[%zu]", i);
out:
	arena_free(&a);
	return rc;
}

static const char SQL_RESOLUTION_BY_NUMBER[] =
        "SELECT id FROM resolution WHERE item_id = ? AND number = ?";
static const char SQL_RESOLUTION_ORIGIN[] =
        "SELECT m.key, i.number, r.number FROM resolution r "
        "JOIN item i ON i.id = r.item_id JOIN meeting m ON m.id = i.meeting_id "
        "WHERE r.id = ?";
static const char SQL_ITEM_ORIGIN[] =
        "SELECT m.key, i.number, 0 FROM item i "
        "JOIN meeting m ON m.id = i.meeting_id WHERE i.id = ?";

static enum masa_err load_programme(struct loader *l, json_t *o,
                                    struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_programme_entry e = {0};
	const char *title, *month, *source, *item, *status, *notes;
	int64_t from_meeting = 0, resolution = 0;
	enum masa_err rc;

	if ((rc = expect_object(o, "programme entry", err)) ||
	    (rc = expect_members(o, programme_members, err)) ||
	    (rc = get_ref(o, "body", true, &l->bodies, "body", &e.body_id,
	                  err)) ||
	    (rc = get_text(o, "title", true, &title, err)) ||
	    (rc = get_ref(o, "meeting", false, &l->meetings, "meeting",
	                  &e.meeting_id, err)) ||
	    (rc = get_text(o, "month", false, &month, err)) ||
	    (rc = get_text(o, "source", true, &source, err)) ||
	    (rc = get_ref(o, "from_meeting", false, &l->meetings, "meeting",
	                  &from_meeting, err)) ||
	    (rc = get_text(o, "from_item", false, &item, err)) ||
	    (rc = get_int(o, "from_resolution", false, &resolution, err)) ||
	    (rc = get_text(o, "status", true, &status, err)) ||
	    (rc = get_text(o, "notes", false, &notes, err)))
		goto out;
	if ((item != NULL) != (from_meeting != 0) ||
	    (resolution != 0 && item == NULL)) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "from_item: give from_meeting and from_item "
		        "together (and from_resolution only with "
		        "them)");
		goto out;
	}
	if (item != NULL) {
		struct gov_item it;
		if (gov_item_find(l->g, &l->masa, from_meeting, item, &a, &it,
		                  err) != MASA_OK) {
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "from_item: no item \"%.40s\" at "
			                    "that meeting",
			                    item);
			goto out;
		}
		e.item_id = it.id;
	}
	if (resolution != 0) {
		struct store_stmt *st;
		bool row;
		if ((rc = store_prepare(l->g->store, SQL_RESOLUTION_BY_NUMBER,
		                        &st, err)))
			goto out;
		store_bind_int(st, 1, e.item_id);
		store_bind_int(st, 2, resolution);
		rc = store_step(st, &row, err);
		e.resolution_id = row ? store_column_int(st, 0) : 0;
		store_done(st);
		if (rc == MASA_OK && !row)
			rc = masa_error_set(err, MASA_ERR_INVALID,
			                    "from_resolution: no resolution "
			                    "(%lld) under item %s",
			                    (long long)resolution, item);
		if (rc != MASA_OK)
			goto out;
	}
	e.title = (char *)title;
	e.month = (char *)month;
	e.source = (char *)source;
	e.status = (char *)status;
	e.notes = (char *)notes;
	if ((rc = gov_programme_create(l->g, &e, err)) == MASA_OK)
		l->counts.programme++;
out:
	arena_free(&a);
	return rc;
}

/* A footer page as the business unit wrote it (gov/site_page.h). */
static enum masa_err load_page(struct loader *l, json_t *o,
                               struct masa_error *err)
{
	const char *page, *text;
	enum masa_err rc;

	if ((rc = expect_object(o, "page", err)) ||
	    (rc = expect_members(o, page_members, err)) ||
	    (rc = get_text(o, "page", true, &page, err)) ||
	    (rc = get_text(o, "text", true, &text, err)))
		return rc;
	if (!gov_site_page_known(page))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "page: \"%.40s\" is not accessibility, "
		                      "privacy or contact",
		                      page);
	return gov_site_page_set(l->g, l->partnership_id, page, text, -1, err);
}

typedef enum masa_err (*load_fn)(struct loader *l, json_t *o,
                                 struct masa_error *err);

/* Loads each element of the top-level list name with fn. */
static enum masa_err load_list(struct loader *l, json_t *root, const char *name,
                               const char *const *members, load_fn fn,
                               size_t *count, struct masa_error *err)
{
	json_t *list, *v;
	size_t i;
	enum masa_err rc = get_array(root, name, &list, err);

	if (rc != MASA_OK)
		return rc;
	json_array_foreach(list, i, v)
	{
		if ((rc = fn(l, v, err))) {
			path_prefix(err, members, "%s[%zu]", name, i);
			return rc;
		}
		if (count != NULL)
			(*count)++;
	}
	return MASA_OK;
}

static enum masa_err load_document_root(struct loader *l, json_t *root,
                                        struct masa_error *err)
{
	const char *format;
	int64_t version;
	json_t *partnership;
	enum masa_err rc;

	if ((rc = expect_object(root, "the document", err)) ||
	    (rc = expect_top_members(root, err)) ||
	    (rc = get_text(root, "format", true, &format, err)))
		return rc;
	if (strcmp(format, "masa-interchange") != 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "format: \"%.60s\" is not masa-interchange", format);
	if ((rc = get_int(root, "version", true, &version, err)))
		return rc;
	if (version > INTERCHANGE_VERSION || version < 1)
		return masa_error_set(
		        err, MASA_ERR_VERSION,
		        "version: %lld is not a version this masa "
		        "reads (1 to %d)",
		        (long long)version, INTERCHANGE_VERSION);
	partnership = json_object_get(root, "partnership");
	if (partnership == NULL)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "partnership: required");
	if ((rc = load_partnership(l, partnership, err))) {
		path_prefix(err, partnership_members, "partnership");
		return rc;
	}
	if ((rc = load_list(l, root, "organizations", organisation_members,
	                    load_organisation, &l->counts.organisations,
	                    err)) ||
	    (rc = load_list(l, root, "people", person_members, load_person,
	                    &l->counts.people, err)) ||
	    (rc = load_list(l, root, "organizations", organisation_members,
	                    load_organisation_partners, NULL, err)) ||
	    (rc = load_list(l, root, "bodies", body_members, load_body,
	                    &l->counts.bodies, err)) ||
	    (rc = load_list(l, root, "memberships", membership_members,
	                    load_membership, &l->counts.memberships, err)) ||
	    (rc = load_list(l, root, "meetings", meeting_members, load_meeting,
	                    &l->counts.meetings, err)) ||
	    (rc = load_list(l, root, "meetings", meeting_members,
	                    load_meeting_content, NULL, err)))
		return rc;
	if (version < 2 && (json_object_get(root, "actions") != NULL ||
	                    json_object_get(root, "programme") != NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "actions and programme: not in a version "
		                      "1 document (say \"version\": 2)");
	if ((rc = load_list(l, root, "actions", action_members, load_action,
	                    NULL, err)) ||
	    (rc = load_list(l, root, "programme", programme_members,
	                    load_programme, NULL, err)) ||
	    (rc = load_list(l, root, "pages", page_members, load_page, NULL,
	                    err)))
		return rc;
	for (size_t k = 0; interchange_parts[k] != NULL; k++) {
		const struct interchange_part *part = interchange_parts[k];
		json_t *list, *v;
		size_t i;

		if (json_object_get(root, part->name) != NULL && version < 4)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "%s: not in a version %lld document "
			        "(say \"version\": 4)",
			        part->name, (long long)version);
		if ((rc = get_array(root, part->name, &list, err)))
			return rc;
		json_array_foreach(list, i, v)
		{
			if ((rc = expect_object(v, part->name, err)) ||
			    (rc = expect_members(v, part->members, err)) ||
			    (rc = part->load(l->g, l->partnership_id, v,
			                     err))) {
				path_prefix(err, part->members, "%s[%zu]",
				            part->name, i);
				return rc;
			}
			if (k < INTERCHANGE_MAX_PARTS)
				l->counts.parts[k]++;
		}
	}
	return MASA_OK;
}

static json_t *counts_json(const char *source, const char *partnership,
                           const struct interchange_counts *c)
{
	return json_pack(
	        "{s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, "
	        "s:I, s:I, s:I, s:I, s:I, s:I}",
	        "source", source, "partnership", partnership, "organizations",
	        (json_int_t)c->organisations, "people", (json_int_t)c->people,
	        "bodies", (json_int_t)c->bodies, "memberships",
	        (json_int_t)c->memberships, "meetings", (json_int_t)c->meetings,
	        "items", (json_int_t)c->items, "attendance",
	        (json_int_t)c->attendance, "declarations",
	        (json_int_t)c->declarations, "resolutions",
	        (json_int_t)c->resolutions, "documents",
	        (json_int_t)c->documents, "circulation",
	        (json_int_t)c->circulation, "actions", (json_int_t)c->actions,
	        "action_updates", (json_int_t)c->action_updates, "programme",
	        (json_int_t)c->programme);
}

/* counts_json with the records of each of interchange_parts. */
static json_t *counts_with_parts(const char *source, const char *partnership,
                                 const struct interchange_counts *c)
{
	json_t *o = counts_json(source, partnership, c);

	for (size_t k = 0;
	     interchange_parts[k] != NULL && k < INTERCHANGE_MAX_PARTS; k++)
		json_object_set_new(o, interchange_parts[k]->name,
		                    json_integer((json_int_t)c->parts[k]));
	return o;
}

/* Line and column (from 1) of byte offset in data. */
static void line_column(const char *data, size_t offset, size_t *line,
                        size_t *column)
{
	*line = 1;
	*column = 1;
	for (size_t i = 0; i < offset; i++) {
		if (data[i] == '\n') {
			(*line)++;
			*column = 1;
		} else {
			(*column)++;
		}
	}
}

enum masa_err interchange_load_buffer(struct gov *g, const char *data,
                                      size_t len, const char *name,
                                      int64_t *partnership_id,
                                      struct interchange_counts *counts,
                                      struct masa_error *err)
{
	struct loader l = {0};
	json_error_t jerr;
	json_t *root = NULL;
	size_t bad, line, column;
	bool was_bulk = g->bulk;
	enum masa_err rc;

	if (len > INTERCHANGE_MAX_BYTES)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "%s: %zu bytes is more than the %zu a "
		                      "document may have",
		                      name, len, INTERCHANGE_MAX_BYTES);
	if (!utf8_valid(data, len, &bad)) {
		line_column(data, bad, &line, &column);
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: not UTF-8 text (byte 0x%02x at line "
		                      "%zu, column %zu); save it as UTF-8",
		                      name, (unsigned char)data[bad], line,
		                      column);
	}
	root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s: not valid JSON at line %d, column %d: "
		        "%s",
		        name, jerr.line, jerr.column, jerr.text);
	l.g = g;
	rc = gov_begin(g, err);
	if (rc != MASA_OK)
		goto out;
	g->bulk = true;
	rc = load_document_root(&l, root, err);
	g->bulk = was_bulk;
	if (rc == MASA_OK) {
		json_t *key = json_object_get(
		        json_object_get(root, "partnership"), "id");
		rc = audit_record(
		        g, "load", "partnership", l.partnership_id, NULL,
		        counts_with_parts(name, json_string_value(key),
		                          &l.counts),
		        err);
	}
	if (rc != MASA_OK) {
		gov_rollback(g);
		(void)gov_commit(g, NULL);
		masa_error_prefix(err, "%s", name);
		goto out;
	}
	rc = gov_commit(g, err);
	if (rc != MASA_OK)
		goto out;
	if (partnership_id != NULL)
		*partnership_id = l.partnership_id;
	if (counts != NULL)
		*counts = l.counts;
out:
	g->bulk = was_bulk;
	map_free(&l.organisations);
	map_free(&l.people);
	map_free(&l.bodies);
	map_free(&l.meetings);
	json_decref(root);
	return rc;
}

enum masa_err interchange_load_file(struct gov *g, const char *path,
                                    int64_t *partnership_id,
                                    struct interchange_counts *counts,
                                    struct masa_error *err)
{
	FILE *f = fopen(path, "rb");
	struct stat sb;
	char *data = NULL;
	size_t len;
	enum masa_err rc;

	if (f == NULL)
		return masa_error_set(err, MASA_ERR_IO, "cannot open %s: %s",
		                      path, strerror(errno));
	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		rc = masa_error_set(err, MASA_ERR_IO, "%s is not a file", path);
		goto out;
	}
	if ((size_t)sb.st_size > INTERCHANGE_MAX_BYTES) {
		rc = masa_error_set(err, MASA_ERR_LIMIT,
		                    "%s: %lld bytes is more than the %zu a "
		                    "document may have",
		                    path, (long long)sb.st_size,
		                    INTERCHANGE_MAX_BYTES);
		goto out;
	}
	len = (size_t)sb.st_size;
	data = xmalloc(len + 1);
	if (fread(data, 1, len, f) != len) {
		rc = masa_error_set(err, MASA_ERR_IO, "cannot read %s", path);
		goto out;
	}
	data[len] = '\0';
	rc = interchange_load_buffer(g, data, len, path, partnership_id, counts,
	                             err);
out:
	free(data);
	fclose(f);
	return rc;
}

/* dumping */

struct idkey {
	int64_t id;
	const char *key;
};

/* key of id in a list sorted by id (lists come ORDER BY id). */
static const char *key_of(const struct idkey *list, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (list[mid].id < id)
			lo = mid + 1;
		else if (list[mid].id > id)
			hi = mid;
		else
			return list[mid].key;
	}
	return NULL;
}

static void set_text(json_t *o, const char *name, const char *value)
{
	if (value != NULL)
		json_object_set_new(o, name, json_string(value));
}

struct dumper {
	struct gov *g;
	struct gov_viewer masa; /* sees the whole partnership being dumped */
	struct arena a;
	struct idkey *organisations, *people, *bodies, *meetings;
	size_t norganisations, npeople, nbodies, nmeetings;
};

static const char *person_key(struct dumper *d, int64_t id)
{
	return id ? key_of(d->people, d->npeople, id) : NULL;
}

/* Index of id in a list of items sorted by position (linear: agendas are
 * short). */
static size_t item_index(const struct gov_item *items, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (items[i].id == id)
			return i;
	return n;
}

static enum masa_err dump_agenda(struct dumper *d, int64_t meeting_id,
                                 json_t *meeting, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_item *items;
	struct gov_resolution *res;
	struct gov_document *docs;
	struct gov_circulation *circ;
	size_t nitems, nres, ndocs, ncirc;
	json_t **objs = NULL, **res_lists = NULL, **doc_lists = NULL;
	json_t **doc_objs = NULL;
	json_t *agenda = NULL;
	enum masa_err rc;

	if ((rc = gov_item_list(d->g, &d->masa, meeting_id, &a, &items, &nitems,
	                        err)) ||
	    (rc = gov_resolution_list(d->g, &d->masa, meeting_id, &a, &res,
	                              &nres, err)) ||
	    (rc = gov_document_list(d->g, &d->masa, meeting_id, &a, &docs,
	                            &ndocs, err)) ||
	    (rc = gov_circulation_list(d->g, &d->masa, meeting_id, &a, &circ,
	                               &ncirc, err)))
		goto out;
	if (nitems == 0)
		goto out;
	objs = xcalloc(nitems, sizeof *objs);
	res_lists = xcalloc(nitems, sizeof *res_lists);
	doc_lists = xcalloc(nitems, sizeof *doc_lists);
	doc_objs = xcalloc(ndocs ? ndocs : 1, sizeof *doc_objs);
	for (size_t i = 0; i < nitems; i++) {
		const struct gov_item *it = &items[i];
		json_t *o = json_object();

		set_text(o, "number", it->number);
		set_text(o, "title", it->title);
		set_text(o, "presenter", person_key(d, it->presenter_id));
		if (it->confidential)
			json_object_set_new(o, "confidential", json_true());
		if (strcmp(it->status, "taken") != 0)
			set_text(o, "status", it->status);
		if (it->deferred_to_id)
			set_text(o, "deferred_to",
			         key_of(d->meetings, d->nmeetings,
			                it->deferred_to_id));
		set_text(o, "minutes", it->minutes);
		set_text(o, "part_two_reason", it->part_two_reason);
		objs[i] = o;
	}
	for (size_t i = 0; i < nres; i++) {
		size_t k = item_index(items, nitems, res[i].item_id);
		if (k == nitems)
			continue;
		if (res_lists[k] == NULL)
			res_lists[k] = json_array();
		json_array_append_new(res_lists[k],
		                      json_pack("{s:I, s:s}", "number",
		                                (json_int_t)res[i].number,
		                                "text", res[i].text));
	}
	for (size_t i = 0; i < ndocs; i++) {
		size_t k = item_index(items, nitems, docs[i].item_id);
		json_t *o = json_object();

		set_text(o, "title", docs[i].title);
		set_text(o, "kind", docs[i].kind);
		set_text(o, "url", docs[i].url);
		doc_objs[i] = o;
		if (k == nitems) {
			json_decref(o);
			doc_objs[i] = NULL;
			continue;
		}
		if (doc_lists[k] == NULL)
			doc_lists[k] = json_array();
		json_array_append_new(doc_lists[k], o);
	}
	for (size_t i = 0; i < ncirc; i++) {
		json_t *doc = NULL, *list;
		for (size_t j = 0; j < ndocs; j++)
			if (docs[j].id == circ[i].document_id)
				doc = doc_objs[j];
		if (doc == NULL)
			continue;
		list = json_object_get(doc, "circulation");
		if (list == NULL) {
			list = json_array();
			json_object_set_new(doc, "circulation", list);
		}
		json_array_append_new(
		        list, json_pack("{s:s, s:s}", "person",
		                        person_key(d, circ[i].person_id),
		                        "sent_on", circ[i].sent_on));
	}
	for (size_t i = 0; i < nitems; i++) {
		if (res_lists[i] != NULL)
			json_object_set_new(objs[i], "resolutions",
			                    res_lists[i]);
		if (doc_lists[i] != NULL)
			json_object_set_new(objs[i], "documents", doc_lists[i]);
	}
	agenda = json_array();
	for (size_t i = 0; i < nitems; i++) {
		size_t p = items[i].parent_id ? item_index(items, nitems,
		                                           items[i].parent_id)
		                              : nitems;
		if (p == nitems) {
			json_array_append_new(agenda, objs[i]);
		} else {
			json_t *subs = json_object_get(objs[p], "items");
			if (subs == NULL) {
				subs = json_array();
				json_object_set_new(objs[p], "items", subs);
			}
			json_array_append_new(subs, objs[i]);
		}
	}
	json_object_set_new(meeting, "agenda", agenda);
out:
	free(objs);
	free(res_lists);
	free(doc_lists);
	free(doc_objs);
	arena_free(&a);
	return rc;
}

static enum masa_err dump_meeting(struct dumper *d, const struct gov_meeting *m,
                                  json_t *list, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_attendee *att;
	struct gov_declaration *decl;
	struct gov_item *items;
	size_t natt, ndecl, nitems;
	json_t *o = json_object();
	enum masa_err rc;

	set_text(o, "id", m->key);
	set_text(o, "body", key_of(d->bodies, d->nbodies, m->body_id));
	set_text(o, "name", m->name);
	set_text(o, "date", m->date);
	set_text(o, "start_time", m->start_time);
	set_text(o, "end_time", m->end_time);
	set_text(o, "location", m->location);
	set_text(o, "status", m->status);
	set_text(o, "webcast_url", m->webcast_url);
	set_text(o, "minutes_status", m->minutes_status);
	set_text(o, "minutes_approved_on", m->minutes_approved_on);
	set_text(o, "minutes_published_on", m->minutes_published_on);
	set_text(o, "agenda_published_on", m->agenda_published_on);
	set_text(o, "part_two_exemption", m->part_two_exemption);
	json_array_append_new(list, o);
	rc = gov_attendance_list(d->g, m->id, &a, &att, &natt, err);
	if (rc != MASA_OK)
		goto out;
	if (natt > 0) {
		json_t *al = json_array();
		for (size_t i = 0; i < natt; i++) {
			json_t *ao = json_object();
			set_text(ao, "person", att[i].person_key);
			set_text(ao, "status", att[i].a.status);
			set_text(ao, "substitute", att[i].substitute_key);
			set_text(ao, "arrived_at_item", att[i].arrived_item);
			set_text(ao, "left_at_item", att[i].left_item);
			json_array_append_new(al, ao);
		}
		json_object_set_new(o, "attendance", al);
	}
	if ((rc = dump_agenda(d, m->id, o, err)))
		goto out;
	rc = gov_declaration_list(d->g, &d->masa, m->id, &a, &decl, &ndecl,
	                          err);
	if (rc != MASA_OK || ndecl == 0)
		goto out;
	rc = gov_item_list(d->g, &d->masa, m->id, &a, &items, &nitems, err);
	if (rc != MASA_OK)
		goto out;
	json_t *dl = json_array();
	for (size_t i = 0; i < ndecl; i++) {
		json_t *dobj = json_object();
		size_t k = item_index(items, nitems, decl[i].item_id);
		set_text(dobj, "person", person_key(d, decl[i].person_id));
		if (decl[i].item_id && k < nitems)
			set_text(dobj, "item", items[k].number);
		set_text(dobj, "interest", decl[i].interest);
		json_array_append_new(dl, dobj);
	}
	json_object_set_new(o, "declarations", dl);
out:
	arena_free(&a);
	return rc;
}

static json_t *owner_json(struct dumper *d, const struct gov_action_owner *o)
{
	json_t *v = json_object();

	if (o->person_id)
		set_text(v, "person", person_key(d, o->person_id));
	else if (o->organisation_id)
		set_text(v, "organization",
		         key_of(d->organisations, d->norganisations,
		                o->organisation_id));
	else
		json_object_set_new(v, "all_members", json_true());
	return v;
}

/* Owners of an action added (or removed) by update id (0: when raised). */
static json_t *owners_by(struct dumper *d, const struct gov_action_owner *o,
                         size_t n, int64_t update_id, bool removed)
{
	json_t *list = NULL;

	for (size_t i = 0; i < n; i++) {
		int64_t by = removed ? o[i].removed_by : o[i].added_by;
		if (by != update_id || (removed && update_id == 0))
			continue;
		if (list == NULL)
			list = json_array();
		json_array_append_new(list, owner_json(d, &o[i]));
	}
	return list;
}

static enum masa_err dump_actions(struct dumper *d, int64_t partnership_id,
                                  json_t *list, struct masa_error *err)
{
	struct gov_action *actions;
	size_t n;
	enum masa_err rc;

	rc = gov_action_list_all(d->g, partnership_id, &d->a, &actions, &n,
	                         err);
	for (size_t i = 0; rc == MASA_OK && i < n; i++) {
		struct arena a = ARENA_INIT;
		const struct gov_action *act = &actions[i];
		struct gov_action_owner *owners;
		struct gov_action_update *updates;
		size_t nowners, nupdates;
		json_t *o = json_object(), *ul;

		json_array_append_new(list, o);
		if ((rc = gov_action_owners(d->g, act->id, &a, &owners,
		                            &nowners, err)) ||
		    (rc = gov_action_updates(d->g, act->id, &a, &updates,
		                             &nupdates, err))) {
			arena_free(&a);
			break;
		}
		set_text(o, "id", act->key);
		set_text(o, "body",
		         key_of(d->bodies, d->nbodies, act->body_id));
		if (act->meeting_id)
			set_text(o, "meeting",
			         key_of(d->meetings, d->nmeetings,
			                act->meeting_id));
		if (act->item_id) {
			struct gov_item it;
			if ((rc = gov_item_get(d->g, &d->masa, act->item_id, &a,
			                       &it, err))) {
				arena_free(&a);
				break;
			}
			set_text(o, "item", it.number);
		}
		json_object_set_new(o, "number", json_integer(act->number));
		if (!act->meeting_id)
			set_text(o, "raised_on", act->raised_on);
		set_text(o, "details", act->details);
		json_object_set_new(o, "owners",
		                    owners_by(d, owners, nowners, 0, false));
		set_text(o, "due_date", act->due_date);
		if (act->due_meeting_id)
			set_text(o, "due_meeting",
			         key_of(d->meetings, d->nmeetings,
			                act->due_meeting_id));
		set_text(o, "status", act->status);
		ul = nupdates ? json_array() : NULL;
		for (size_t k = 0; k < nupdates; k++) {
			const struct gov_action_update *u = &updates[k];
			json_t *uo = json_object(), *added, *removed;
			set_text(uo, "date", u->on_date);
			if (u->meeting_id)
				set_text(uo, "meeting",
				         key_of(d->meetings, d->nmeetings,
				                u->meeting_id));
			if (strcmp(u->kind, "update") != 0)
				set_text(uo, "kind", u->kind);
			set_text(uo, "text", u->text);
			set_text(uo, "status", u->status);
			added = owners_by(d, owners, nowners, u->id, false);
			removed = owners_by(d, owners, nowners, u->id, true);
			if (added)
				json_object_set_new(uo, "owners_added", added);
			if (removed)
				json_object_set_new(uo, "owners_removed",
				                    removed);
			json_array_append_new(ul, uo);
		}
		if (ul)
			json_object_set_new(o, "updates", ul);
		arena_free(&a);
	}
	return rc;
}

static enum masa_err dump_programme(struct dumper *d, int64_t partnership_id,
                                    json_t *list, struct masa_error *err)
{
	struct gov_programme_entry *entries;
	size_t n;
	enum masa_err rc = gov_programme_list_all(d->g, partnership_id, &d->a,
	                                          &entries, &n, err);

	for (size_t i = 0; rc == MASA_OK && i < n; i++) {
		const struct gov_programme_entry *e = &entries[i];
		json_t *o = json_object();

		json_array_append_new(list, o);
		set_text(o, "body", key_of(d->bodies, d->nbodies, e->body_id));
		set_text(o, "title", e->title);
		if (e->meeting_id)
			set_text(o, "meeting",
			         key_of(d->meetings, d->nmeetings,
			                e->meeting_id));
		set_text(o, "month", e->month);
		set_text(o, "source", e->source);
		if (e->resolution_id || e->item_id) {
			struct store_stmt *st;
			bool row;
			rc = store_prepare(d->g->store,
			                   e->resolution_id
			                           ? SQL_RESOLUTION_ORIGIN
			                           : SQL_ITEM_ORIGIN,
			                   &st, err);
			if (rc != MASA_OK)
				break;
			store_bind_int(st, 1,
			               e->resolution_id ? e->resolution_id
			                                : e->item_id);
			rc = store_step(st, &row, err);
			if (rc == MASA_OK && row) {
				set_text(o, "from_meeting",
				         store_column_text(st, 0));
				set_text(o, "from_item",
				         store_column_text(st, 1));
				if (e->resolution_id)
					json_object_set_new(
					        o, "from_resolution",
					        json_integer(store_column_int(
					                st, 2)));
			}
			store_done(st);
		}
		set_text(o, "status", e->status);
		set_text(o, "notes", e->notes);
	}
	return rc;
}

/* The footer pages the business unit wrote, when it wrote any. */
static enum masa_err dump_pages(struct dumper *d, int64_t partnership_id,
                                json_t *root, struct masa_error *err)
{
	struct gov_site_page *pages;
	size_t n;
	json_t *list;
	enum masa_err rc = gov_site_page_list(d->g, partnership_id, &d->a,
	                                      &pages, &n, err);

	if (rc != MASA_OK || n == 0)
		return rc;
	list = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		set_text(o, "page", pages[i].slug);
		set_text(o, "text", pages[i].body);
		json_array_append_new(list, o);
	}
	json_object_set_new(root, "pages", list);
	return MASA_OK;
}

enum masa_err interchange_dump_json(struct gov *g, int64_t partnership_id,
                                    json_t **out, struct masa_error *err)
{
	struct dumper d = {.g = g};
	struct gov_partnership p;
	struct gov_organisation *orgs;
	struct gov_person *people;
	struct gov_body *bodies;
	struct gov_membership *ms;
	struct gov_meeting *meetings;
	size_t nms;
	json_t *root = NULL, *list;
	enum masa_err rc;

	*out = NULL;
	gov_viewer_system(&d.masa, partnership_id);
	if ((rc = gov_partnership_get(g, partnership_id, &d.a, &p, err)) ||
	    (rc = gov_organisation_list(g, partnership_id, &d.a, &orgs,
	                                &d.norganisations, err)) ||
	    (rc = gov_person_list(g, partnership_id, &d.a, &people, &d.npeople,
	                          err)) ||
	    (rc = gov_body_list(g, partnership_id, &d.a, &bodies, &d.nbodies,
	                        err)) ||
	    (rc = gov_membership_list(g, partnership_id, &d.a, &ms, &nms,
	                              err)) ||
	    (rc = gov_meeting_list_all(g, partnership_id, &d.a, &meetings,
	                               &d.nmeetings, err)))
		goto out;
	d.organisations = arena_alloc(&d.a, (d.norganisations + 1) *
	                                            sizeof *d.organisations);
	for (size_t i = 0; i < d.norganisations; i++)
		d.organisations[i] = (struct idkey){orgs[i].id, orgs[i].key};
	d.people = arena_alloc(&d.a, (d.npeople + 1) * sizeof *d.people);
	for (size_t i = 0; i < d.npeople; i++)
		d.people[i] = (struct idkey){people[i].id, people[i].key};
	d.bodies = arena_alloc(&d.a, (d.nbodies + 1) * sizeof *d.bodies);
	for (size_t i = 0; i < d.nbodies; i++)
		d.bodies[i] =
		        (struct idkey){bodies[i].id, bodies[i].short_name};
	d.meetings = arena_alloc(&d.a, (d.nmeetings + 1) * sizeof *d.meetings);
	for (size_t i = 0; i < d.nmeetings; i++)
		d.meetings[i] = (struct idkey){meetings[i].id, meetings[i].key};

	root = json_object();
	json_object_set_new(root, "format", json_string("masa-interchange"));
	json_object_set_new(root, "version", json_integer(INTERCHANGE_VERSION));
	list = json_object();
	set_text(list, "id", p.key);
	set_text(list, "name", p.name);
	set_text(list, "area", p.area);
	json_object_set_new(root, "partnership", list);

	list = json_array();
	for (size_t i = 0; i < d.norganisations; i++) {
		json_t *o = json_object();
		set_text(o, "id", orgs[i].key);
		set_text(o, "name", orgs[i].name);
		set_text(o, "classification", orgs[i].classification);
		set_text(o, "part", orgs[i].part);
		if (orgs[i].lead_person_id)
			set_text(o, "lead_safeguarding_partner",
			         key_of(d.people, d.npeople,
			                orgs[i].lead_person_id));
		if (orgs[i].delegate_person_id)
			set_text(o, "delegated_safeguarding_partner",
			         key_of(d.people, d.npeople,
			                orgs[i].delegate_person_id));
		json_array_append_new(list, o);
	}
	json_object_set_new(root, "organizations", list);

	list = json_array();
	for (size_t i = 0; i < d.npeople; i++) {
		json_t *o = json_object();
		set_text(o, "id", people[i].key);
		set_text(o, "name", people[i].name);
		set_text(o, "honorific_prefix", people[i].honorific_prefix);
		set_text(o, "job_title", people[i].job_title);
		if (people[i].organisation_id)
			set_text(o, "organization",
			         key_of(d.organisations, d.norganisations,
			                people[i].organisation_id));
		set_text(o, "email", people[i].email);
		json_array_append_new(list, o);
	}
	json_object_set_new(root, "people", list);

	/*
	 * Bodies in creation order, except that a parent always comes before
	 * its sub-bodies (a parent may have been set after both existed).
	 */
	size_t *order = arena_alloc(&d.a, (d.nbodies + 1) * sizeof *order);
	bool *done = arena_alloc(&d.a, (d.nbodies + 1) * sizeof *done);
	size_t norder = 0;
	while (norder < d.nbodies) {
		size_t before = norder;
		for (size_t i = 0; i < d.nbodies; i++) {
			bool ready = !done[i];
			for (size_t k = 0; ready && k < d.nbodies; k++)
				if (bodies[k].id == bodies[i].parent_id)
					ready = done[k];
			if (ready) {
				done[i] = true;
				order[norder++] = i;
				break; /* restart: keep creation order */
			}
		}
		if (norder ==
		    before) /* a cycle: cannot happen, checked on write */
			break;
	}
	list = json_array();
	for (size_t o_i = 0; o_i < norder; o_i++) {
		const struct gov_body *b = &bodies[order[o_i]];
		json_t *o = json_object();
		set_text(o, "short_name", b->short_name);
		set_text(o, "name", b->name);
		set_text(o, "classification", b->kind);
		if (b->parent_id)
			set_text(o, "parent",
			         key_of(d.bodies, d.nbodies, b->parent_id));
		set_text(o, "founding_date", b->founding_date);
		set_text(o, "dissolution_date", b->dissolution_date);
		if (b->quorum_count || b->quorum_fraction ||
		    b->quorum_partners) {
			json_t *q = json_object();
			if (b->quorum_count)
				json_object_set_new(
				        q, "count",
				        json_integer(b->quorum_count));
			set_text(q, "fraction", b->quorum_fraction);
			if (b->quorum_partners)
				json_object_set_new(q, "safeguarding_partners",
				                    json_true());
			json_object_set_new(o, "quorum", q);
		}
		set_text(o, "terms_of_reference", b->terms_of_reference);
		json_array_append_new(list, o);
	}
	json_object_set_new(root, "bodies", list);

	list = json_array();
	for (size_t i = 0; i < nms; i++) {
		json_t *o = json_object();
		set_text(o, "person", person_key(&d, ms[i].person_id));
		set_text(o, "body", key_of(d.bodies, d.nbodies, ms[i].body_id));
		set_text(o, "role", ms[i].role);
		if (ms[i].organisation_id)
			set_text(o, "on_behalf_of",
			         key_of(d.organisations, d.norganisations,
			                ms[i].organisation_id));
		set_text(o, "label", ms[i].label);
		set_text(o, "start_date", ms[i].start_date);
		set_text(o, "end_date", ms[i].end_date);
		json_array_append_new(list, o);
	}
	json_object_set_new(root, "memberships", list);

	list = json_array();
	json_object_set_new(root, "meetings", list);
	for (size_t i = 0; i < d.nmeetings; i++)
		if ((rc = dump_meeting(&d, &meetings[i], list, err)))
			goto out;
	list = json_array();
	json_object_set_new(root, "actions", list);
	if ((rc = dump_actions(&d, partnership_id, list, err)))
		goto out;
	list = json_array();
	json_object_set_new(root, "programme", list);
	if ((rc = dump_programme(&d, partnership_id, list, err)))
		goto out;
	if ((rc = dump_pages(&d, partnership_id, root, err)))
		goto out;
	for (size_t k = 0; interchange_parts[k] != NULL; k++) {
		if ((rc = interchange_parts[k]->dump(g, partnership_id, &list,
		                                     err)))
			goto out;
		/* A part with no records is left out. */
		if (json_array_size(list) > 0)
			json_object_set_new(root, interchange_parts[k]->name,
			                    list);
		else
			json_decref(list);
	}
	*out = root;
	root = NULL;
out:
	json_decref(root);
	arena_free(&d.a);
	return rc;
}

static int write_to_file(const char *buffer, size_t size, void *data)
{
	return fwrite(buffer, 1, size, data) == size ? 0 : -1;
}

enum masa_err interchange_dump(struct gov *g, int64_t partnership_id, FILE *f,
                               struct masa_error *err)
{
	json_t *root;
	enum masa_err rc = interchange_dump_json(g, partnership_id, &root, err);

	if (rc != MASA_OK)
		return rc;
	if (json_dump_callback(root, write_to_file, f, JSON_INDENT(2)) != 0 ||
	    fputc('\n', f) == EOF)
		rc = masa_error_set(err, MASA_ERR_IO,
		                    "cannot write the dump: %s",
		                    strerror(errno));
	json_decref(root);
	return rc;
}
