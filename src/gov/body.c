/*
 * body: bodies and memberships (see body.h).
 */
#include "gov/body.h"

#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "gov/check.h"
#include "gov/record.h"

const char *const gov_body_kinds[] = {
        "chief_officers_group", "executive",          "subgroup", "panel",
        "wider_partnership",    "scrutiny_committee", "board",    NULL};

const char *const gov_membership_roles[] = {
        "chair",    "vice_chair", "deputy_chair", "member",  "advisor",
        "co_optee", "lay_member", "minute_taker", "officer", NULL};

const char *const gov_voting_roles[] = {"chair",  "vice_chair", "deputy_chair",
                                        "member", "lay_member", "co_optee",
                                        NULL};

/* body */

static const struct record_field body_fields[] = {
        RECORD_FIELD(struct gov_body, id, RECORD_ID),
        RECORD_FIELD(struct gov_body, partnership_id, RECORD_ID),
        RECORD_FIELD(struct gov_body, short_name, RECORD_TEXT),
        RECORD_FIELD(struct gov_body, name, RECORD_TEXT),
        RECORD_FIELD(struct gov_body, kind, RECORD_TEXT),
        RECORD_FIELD(struct gov_body, parent_id, RECORD_ID),
        RECORD_FIELD(struct gov_body, founding_date, RECORD_TEXT),
        RECORD_FIELD(struct gov_body, dissolution_date, RECORD_TEXT),
        RECORD_FIELD(struct gov_body, quorum_count, RECORD_INT),
        RECORD_FIELD(struct gov_body, quorum_fraction, RECORD_TEXT),
        RECORD_FIELD(struct gov_body, quorum_partners, RECORD_BOOL),
        RECORD_FIELD(struct gov_body, terms_of_reference, RECORD_TEXT),
};

#define BODY_COLUMNS                                                       \
	"id, partnership_id, short_name, name, kind, parent_id, "          \
	"founding_date, dissolution_date, quorum_count, quorum_fraction, " \
	"quorum_partners, terms_of_reference"

static const struct record_kind body_kind = {
        .entity = "body",
        .label = "body",
        .fields = body_fields,
        .nfields = sizeof body_fields / sizeof body_fields[0],
        .size = sizeof(struct gov_body),
        .sql_insert =
                "INSERT INTO body (partnership_id, short_name, name, kind, "
                "parent_id, founding_date, dissolution_date, quorum_count, "
                "quorum_fraction, quorum_partners, terms_of_reference) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        .sql_update = "UPDATE body SET partnership_id = ?, short_name = ?, "
                      "name = ?, kind = ?, parent_id = ?, founding_date = ?, "
                      "dissolution_date = ?, quorum_count = ?, "
                      "quorum_fraction = ?, quorum_partners = ?, "
                      "terms_of_reference = ? WHERE id = ?",
        .sql_get = "SELECT " BODY_COLUMNS " FROM body WHERE id = ?",
};

static const char SQL_BODY_FIND[] =
        "SELECT " BODY_COLUMNS " FROM body "
        "WHERE partnership_id = ? AND short_name = ?";
static const char SQL_BODY_LIST[] = "SELECT " BODY_COLUMNS " FROM body "
                                    "WHERE partnership_id = ? ORDER BY id";
static const char SQL_BODY_PARENT[] = "SELECT parent_id, partnership_id "
                                      "FROM body WHERE id = ?";
static const char SQL_BODY_MEETING_OUTSIDE[] =
        "SELECT key, date FROM meeting WHERE body_id = ? "
        "AND (date < ? OR date > ?) ORDER BY date LIMIT 1";
static const char SQL_BODY_MEMBERSHIP_OUTSIDE[] =
        "SELECT p.name, m.start_date, m.end_date FROM membership m "
        "JOIN person p ON p.id = m.person_id WHERE m.body_id = ? "
        "AND (COALESCE(m.start_date, '9999-12-31') < ? "
        "OR COALESCE(m.end_date, '0000-01-01') > ? "
        "OR COALESCE(m.start_date, '0000-01-01') > ? "
        "OR COALESCE(m.end_date, '9999-12-31') < ?) LIMIT 1";
static const char SQL_BODY_PARTNERSHIP[] =
        "SELECT partnership_id FROM body WHERE id = ?";
static const char SQL_PARTNERSHIP_HAS[] =
        "SELECT 1 FROM partnership WHERE id = ?";

bool gov_quorum_fraction_parse(const char *s, int *num, int *den)
{
	int a = 0, b = 0;
	const char *p = s;

	while (*p >= '0' && *p <= '9' && a < 1000)
		a = a * 10 + (*p++ - '0');
	if (p == s || *p++ != '/')
		return false;
	s = p;
	while (*p >= '0' && *p <= '9' && b < 1000)
		b = b * 10 + (*p++ - '0');
	if (p == s || *p != '\0' || a < 1 || b < a || b > 100)
		return false;
	*num = a;
	*den = b;
	return true;
}

/* Refuses a parent outside the partnership, and any cycle of parents. */
static enum masa_err body_check_parent(struct gov *g, const struct gov_body *b,
                                       struct masa_error *err)
{
	int64_t at = b->parent_id;

	for (int depth = 0; at != 0; depth++) {
		struct store_stmt *st;
		bool row;
		int64_t next = 0, partnership = 0;
		enum masa_err rc;

		if (at == b->id || depth > 100)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "body parent: %s cannot be its own "
			        "ancestor",
			        b->short_name);
		rc = store_prepare(g->store, SQL_BODY_PARENT, &st, err);
		if (rc != MASA_OK)
			return rc;
		store_bind_int(st, 1, at);
		rc = store_step(st, &row, err);
		if (row) {
			next = store_column_int(st, 0);
			partnership = store_column_int(st, 1);
		}
		store_done(st);
		if (rc != MASA_OK)
			return rc;
		if (!row || partnership != b->partnership_id)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "body parent: no body with id %lld "
			        "in this partnership",
			        (long long)at);
		at = next;
	}
	return MASA_OK;
}

static enum masa_err body_check(struct gov *g, const struct gov_body *b,
                                struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_body other;
	struct masa_error probe;
	int num, den;
	enum masa_err rc;

	if ((rc = record_check_ref(g, SQL_PARTNERSHIP_HAS, b->partnership_id, 0,
	                           true, "body partnership", "partnership",
	                           err)))
		return rc;
	if (!text_is_short_name(b->short_name))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "body short_name: \"%.60s\" must be 1-40 "
		                      "letters, digits, -, _ or &",
		                      b->short_name ? b->short_name : "");
	if ((rc = check_line("body name", b->name, err)) ||
	    (rc = check_enum("body classification", b->kind, gov_body_kinds,
	                     false, err)) ||
	    (rc = check_date("body founding_date", b->founding_date, true,
	                     err)) ||
	    (rc = check_date("body dissolution_date", b->dissolution_date, true,
	                     err)) ||
	    (rc = check_date_order("founding_date", b->founding_date,
	                           "body dissolution_date", b->dissolution_date,
	                           err)) ||
	    (rc = check_optional_text("body terms_of_reference",
	                              b->terms_of_reference, err)))
		return rc;
	if (b->quorum_count < 0 || b->quorum_count > 1000)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "body quorum count: %lld is not between 1 "
		        "and 1000",
		        (long long)b->quorum_count);
	if (b->quorum_fraction != NULL &&
	    !gov_quorum_fraction_parse(b->quorum_fraction, &num, &den))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "body quorum fraction: \"%.40s\" is not a "
		        "fraction such as 1/3",
		        b->quorum_fraction);
	if (b->quorum_fraction != NULL && b->quorum_count != 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "body quorum: give a count or a fraction, "
		        "not both");
	rc = gov_body_find(g, b->partnership_id, b->short_name, &a, &other,
	                   &probe);
	if (rc == MASA_OK && other.id != b->id)
		rc = masa_error_set(
		        err, MASA_ERR_CONFLICT,
		        "body short_name: \"%s\" is already used by "
		        "%s",
		        b->short_name, other.name);
	else if (rc == MASA_OK || rc == MASA_ERR_NOT_FOUND)
		rc = MASA_OK;
	else
		*err = probe;
	arena_free(&a);
	if (rc != MASA_OK)
		return rc;
	return body_check_parent(g, b, err);
}

enum masa_err gov_body_create(struct gov *g, struct gov_body *b,
                              struct masa_error *err)
{
	enum masa_err rc;

	b->id = 0;
	rc = body_check(g, b, err);
	return rc ? rc : record_insert(g, &body_kind, b, err);
}

enum masa_err gov_body_update(struct gov *g, const struct gov_body *b,
                              struct masa_error *err)
{
	const char *from = b->founding_date ? b->founding_date : "0000-01-01";
	const char *to =
	        b->dissolution_date ? b->dissolution_date : "9999-12-31";
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	rc = record_check_partnership(g, SQL_BODY_PARTNERSHIP, b->id,
	                              b->partnership_id, "body", err);
	if (rc != MASA_OK)
		return rc;
	rc = body_check(g, b, err);
	if (rc != MASA_OK)
		return rc;
	/* Its meetings and memberships must still fall within its life. */
	rc = store_prepare(g->store, SQL_BODY_MEETING_OUTSIDE, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, b->id);
	store_bind_text(st, 2, from);
	store_bind_text(st, 3, to);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "body dates: its meeting %s on %s would fall "
		        "outside them",
		        store_column_text(st, 0), store_column_text(st, 1));
	store_done(st);
	if (rc != MASA_OK)
		return rc;
	rc = store_prepare(g->store, SQL_BODY_MEMBERSHIP_OUTSIDE, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, b->id);
	store_bind_text(st, 2, from);
	store_bind_text(st, 3, to);
	store_bind_text(st, 4, to);
	store_bind_text(st, 5, from);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row) {
		const char *start = store_column_text(st, 1);
		const char *end = store_column_text(st, 2);
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "body dates: the membership of %s (%s to %s) "
		        "would fall outside them",
		        store_column_text(st, 0), start ? start : "the start",
		        end ? end : "now");
	}
	store_done(st);
	return rc ? rc : record_update(g, &body_kind, b, err);
}

enum masa_err gov_body_get(struct gov *g, int64_t id, struct arena *a,
                           struct gov_body *out, struct masa_error *err)
{
	return record_get(g, &body_kind, id, a, out, err);
}

enum masa_err gov_body_find(struct gov *g, int64_t partnership_id,
                            const char *short_name, struct arena *a,
                            struct gov_body *out, struct masa_error *err)
{
	return record_find(g, &body_kind, SQL_BODY_FIND, partnership_id,
	                   short_name, a, out, err);
}

enum masa_err gov_body_list(struct gov *g, int64_t partnership_id,
                            struct arena *a, struct gov_body **out, size_t *n,
                            struct masa_error *err)
{
	void *items;
	enum masa_err rc = record_list(g, &body_kind, SQL_BODY_LIST,
	                               partnership_id, a, &items, n, err);

	*out = items;
	return rc;
}

char *gov_body_quorum_text(struct arena *a, const struct gov_body *b)
{
	const char *partners =
	        b->quorum_partners ? " with each safeguarding partner present"
	                           : "";

	if (b->quorum_count > 0)
		return arena_printf(a, "at least %lld voting members%s",
		                    (long long)b->quorum_count, partners);
	if (b->quorum_fraction != NULL)
		return arena_printf(a, "at least %s of voting members%s",
		                    b->quorum_fraction, partners);
	if (b->quorum_partners)
		return arena_printf(a, "each safeguarding partner present");
	return arena_strdup(a, "none");
}

/* membership */

static const struct record_field membership_fields[] = {
        RECORD_FIELD(struct gov_membership, id, RECORD_ID),
        RECORD_FIELD(struct gov_membership, body_id, RECORD_ID),
        RECORD_FIELD(struct gov_membership, person_id, RECORD_ID),
        RECORD_FIELD(struct gov_membership, role, RECORD_TEXT),
        RECORD_FIELD(struct gov_membership, organisation_id, RECORD_ID),
        RECORD_FIELD(struct gov_membership, label, RECORD_TEXT),
        RECORD_FIELD(struct gov_membership, start_date, RECORD_TEXT),
        RECORD_FIELD(struct gov_membership, end_date, RECORD_TEXT),
};

#define MEMBERSHIP_COLUMNS                                                   \
	"id, body_id, person_id, role, organisation_id, label, start_date, " \
	"end_date"

static const struct record_kind membership_kind = {
        .entity = "membership",
        .label = "membership",
        .fields = membership_fields,
        .nfields = sizeof membership_fields / sizeof membership_fields[0],
        .size = sizeof(struct gov_membership),
        .sql_insert = "INSERT INTO membership (body_id, person_id, role, "
                      "organisation_id, label, start_date, end_date) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        .sql_update =
                "UPDATE membership SET body_id = ?, person_id = ?, "
                "role = ?, organisation_id = ?, label = ?, start_date = ?, "
                "end_date = ? WHERE id = ?",
        .sql_get = "SELECT " MEMBERSHIP_COLUMNS " FROM membership WHERE id = ?",
};

static const char SQL_MEMBERSHIP_LIST[] =
        "SELECT m.id, m.body_id, m.person_id, m.role, m.organisation_id, "
        "m.label, m.start_date, m.end_date FROM membership m "
        "JOIN body b ON b.id = m.body_id WHERE b.partnership_id = ? "
        "ORDER BY m.id";
static const char SQL_MEMBERSHIP_OVERLAP[] =
        "SELECT start_date, end_date FROM membership WHERE body_id = ? "
        "AND person_id = ? AND role = ? AND id <> ? "
        "AND COALESCE(start_date, '0000-01-01') <= ? "
        "AND COALESCE(end_date, '9999-12-31') >= ? LIMIT 1";
static const char SQL_PERSON_IN_PARTNERSHIP[] =
        "SELECT 1 FROM person WHERE id = ? AND partnership_id = ?";
static const char SQL_ORGANISATION_IN_PARTNERSHIP[] =
        "SELECT 1 FROM organisation WHERE id = ? AND partnership_id = ?";

/* The order a members list shows roles in. */
#define ROLE_ORDER                                                  \
	"CASE m.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 " \
	"WHEN 'deputy_chair' THEN 2 WHEN 'member' THEN 3 "          \
	"WHEN 'lay_member' THEN 4 WHEN 'co_optee' THEN 5 "          \
	"WHEN 'advisor' THEN 6 WHEN 'officer' THEN 7 ELSE 8 END"

#define MEMBER_SELECT                                                       \
	"SELECT m.id, m.body_id, m.person_id, m.role, m.organisation_id, "  \
	"m.label, m.start_date, m.end_date, p.key, p.name, "                \
	"p.honorific_prefix, p.job_title, o.key, o.name FROM membership m " \
	"JOIN person p ON p.id = m.person_id "                              \
	"LEFT JOIN organisation o ON o.id = COALESCE(m.organisation_id, "   \
	"p.organisation_id) "

static const char SQL_MEMBERS_ON[] =
        MEMBER_SELECT "WHERE m.body_id = ? "
                      "AND COALESCE(m.start_date, '0000-01-01') <= ? "
                      "AND COALESCE(m.end_date, '9999-12-31') >= ? "
                      "ORDER BY " ROLE_ORDER ", p.name, m.id";
static const char SQL_MEMBERS_EVER[] = MEMBER_SELECT
        "WHERE m.body_id = ? ORDER BY "
        "COALESCE(m.start_date, '0000-01-01'), " ROLE_ORDER ", p.name, m.id";

static const struct record_field member_fields[] = {
        RECORD_FIELD(struct gov_member, m.id, RECORD_ID),
        RECORD_FIELD(struct gov_member, m.body_id, RECORD_ID),
        RECORD_FIELD(struct gov_member, m.person_id, RECORD_ID),
        RECORD_FIELD(struct gov_member, m.role, RECORD_TEXT),
        RECORD_FIELD(struct gov_member, m.organisation_id, RECORD_ID),
        RECORD_FIELD(struct gov_member, m.label, RECORD_TEXT),
        RECORD_FIELD(struct gov_member, m.start_date, RECORD_TEXT),
        RECORD_FIELD(struct gov_member, m.end_date, RECORD_TEXT),
        RECORD_FIELD(struct gov_member, person_key, RECORD_TEXT),
        RECORD_FIELD(struct gov_member, person_name, RECORD_TEXT),
        RECORD_FIELD(struct gov_member, honorific_prefix, RECORD_TEXT),
        RECORD_FIELD(struct gov_member, job_title, RECORD_TEXT),
        RECORD_FIELD(struct gov_member, organisation_key, RECORD_TEXT),
        RECORD_FIELD(struct gov_member, organisation_name, RECORD_TEXT),
};

static const struct record_kind member_kind = {
        .entity = "membership",
        .label = "member",
        .fields = member_fields,
        .nfields = sizeof member_fields / sizeof member_fields[0],
        .size = sizeof(struct gov_member),
};

static enum masa_err membership_check(struct gov *g,
                                      const struct gov_membership *m,
                                      struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_body b;
	struct store_stmt *st;
	bool row;
	enum masa_err rc;

	if (m->body_id == 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "membership body: required");
	rc = gov_body_get(g, m->body_id, &a, &b, err);
	if (rc != MASA_OK) {
		masa_error_prefix(err, "membership body");
		goto out;
	}
	if ((rc = record_check_ref(g, SQL_PERSON_IN_PARTNERSHIP, m->person_id,
	                           b.partnership_id, true, "membership person",
	                           "person", err)) ||
	    (rc = check_enum("membership role", m->role, gov_membership_roles,
	                     false, err)) ||
	    (rc = record_check_ref(g, SQL_ORGANISATION_IN_PARTNERSHIP,
	                           m->organisation_id, b.partnership_id, false,
	                           "membership on_behalf_of", "organisation",
	                           err)) ||
	    (rc = check_optional_line("membership label", m->label, err)) ||
	    (rc = check_date("membership start_date", m->start_date, true,
	                     err)) ||
	    (rc = check_date("membership end_date", m->end_date, true, err)) ||
	    (rc = check_date_order("start_date", m->start_date,
	                           "membership end_date", m->end_date, err)))
		goto out;
	if (m->start_date && b.founding_date &&
	    strcmp(m->start_date, b.founding_date) < 0) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "membership start_date: %s is before %s was "
		        "founded on %s",
		        m->start_date, b.short_name, b.founding_date);
		goto out;
	}
	if (m->end_date && b.dissolution_date &&
	    strcmp(m->end_date, b.dissolution_date) > 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "membership end_date: %s is after %s was "
		                    "dissolved on %s",
		                    m->end_date, b.short_name,
		                    b.dissolution_date);
		goto out;
	}
	if (m->start_date && b.dissolution_date &&
	    strcmp(m->start_date, b.dissolution_date) > 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "membership start_date: %s is after %s was "
		                    "dissolved on %s",
		                    m->start_date, b.short_name,
		                    b.dissolution_date);
		goto out;
	}
	if (m->end_date && b.founding_date &&
	    strcmp(m->end_date, b.founding_date) < 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "membership end_date: %s is before %s was "
		                    "founded on %s",
		                    m->end_date, b.short_name, b.founding_date);
		goto out;
	}
	rc = store_prepare(g->store, SQL_MEMBERSHIP_OVERLAP, &st, err);
	if (rc != MASA_OK)
		goto out;
	store_bind_int(st, 1, m->body_id);
	store_bind_int(st, 2, m->person_id);
	store_bind_text(st, 3, m->role);
	store_bind_int(st, 4, m->id);
	store_bind_text(st, 5, m->end_date ? m->end_date : "9999-12-31");
	store_bind_text(st, 6, m->start_date ? m->start_date : "0000-01-01");
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row) {
		const char *s = store_column_text(st, 0);
		const char *e = store_column_text(st, 1);
		rc = masa_error_set(
		        err, MASA_ERR_CONFLICT,
		        "membership: the person is already %s of %s "
		        "from %s to %s, which overlaps",
		        m->role, b.short_name, s ? s : "the start",
		        e ? e : "now");
	}
	store_done(st);
out:
	arena_free(&a);
	return rc;
}

enum masa_err gov_membership_create(struct gov *g, struct gov_membership *m,
                                    struct masa_error *err)
{
	enum masa_err rc;

	m->id = 0;
	rc = membership_check(g, m, err);
	return rc ? rc : record_insert(g, &membership_kind, m, err);
}

enum masa_err gov_membership_update(struct gov *g,
                                    const struct gov_membership *m,
                                    struct masa_error *err)
{
	enum masa_err rc = membership_check(g, m, err);

	return rc ? rc : record_update(g, &membership_kind, m, err);
}

enum masa_err gov_membership_get(struct gov *g, int64_t id, struct arena *a,
                                 struct gov_membership *out,
                                 struct masa_error *err)
{
	return record_get(g, &membership_kind, id, a, out, err);
}

enum masa_err gov_membership_list(struct gov *g, int64_t partnership_id,
                                  struct arena *a, struct gov_membership **out,
                                  size_t *n, struct masa_error *err)
{
	void *items;
	enum masa_err rc = record_list(g, &membership_kind, SQL_MEMBERSHIP_LIST,
	                               partnership_id, a, &items, n, err);

	*out = items;
	return rc;
}

enum masa_err gov_members_on(struct gov *g, int64_t body_id, const char *date,
                             struct arena *a, struct gov_member **out,
                             size_t *n, struct masa_error *err)
{
	struct store_stmt *st;
	void *items;
	enum masa_err rc;

	if (date != NULL && check_date("date", date, false, err) != MASA_OK)
		return MASA_ERR_INVALID;
	rc = store_prepare(g->store, date ? SQL_MEMBERS_ON : SQL_MEMBERS_EVER,
	                   &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, body_id);
	if (date != NULL) {
		store_bind_text(st, 2, date);
		store_bind_text(st, 3, date);
	}
	rc = record_collect(st, &member_kind, a, &items, n, err);
	*out = items;
	return rc;
}
