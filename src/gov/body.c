/*
 * body: bodies and memberships (see body.h).
 */
#include "gov/body.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "gov/audit.h"
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

const char *const gov_body_kind_labels[] = {
        "Chief officers' group", "Executive group",    "Sub-group", "Panel",
        "Wider partnership",     "Scrutiny committee", "Board",     NULL};

const char *const gov_membership_role_labels[] = {
        "Chair",           "Vice chair", "Deputy chair", "Member",  "Adviser",
        "Co-opted member", "Lay member", "Minute taker", "Officer", NULL};

static const struct record_ref body_ref = {
        .what = "body",
        .sql_key = "SELECT short_name FROM body WHERE id = ?1",
        .sql_id = "SELECT id FROM body WHERE partnership_id = ?1 "
                  "AND short_name = ?2",
        .sql_choices = "SELECT short_name, name || ' (' || short_name || ')' "
                       "FROM body WHERE partnership_id = ?1 ORDER BY name",
};

static enum masa_err short_name_valid(const char *label, const char *value,
                                      struct masa_error *err)
{
	if (text_is_short_name(value))
		return MASA_OK;
	return masa_error_set(err, MASA_ERR_INVALID,
	                      "%s: \"%.60s\" must be 1-40 letters, digits, "
	                      "-, _ or &",
	                      label, value);
}

static enum masa_err fraction_valid(const char *label, const char *value,
                                    struct masa_error *err)
{
	int num, den;

	if (gov_quorum_fraction_parse(value, &num, &den))
		return MASA_OK;
	return masa_error_set(err, MASA_ERR_INVALID,
	                      "%s: \"%.40s\" is not a fraction such as 1/3",
	                      label, value);
}

static const struct record_field body_fields[] = {
        RECORD_FIELD(struct gov_body, id, RECORD_ID),
        RECORD_FIELD(struct gov_body, partnership_id, RECORD_ID),
        RECORD_INPUT_FIELD(struct gov_body, short_name, RECORD_TEXT,
                           .label = "Short name",
                           .hint = "As used in references such as "
                                   "RLSCB/A1: letters, digits, -, _ or &",
                           .input = RECORD_INPUT_LINE, .required = true,
                           .validate = short_name_valid),
        RECORD_INPUT_FIELD(struct gov_body, name, RECORD_TEXT, .label = "Name",
                           .input = RECORD_INPUT_LINE, .required = true),
        RECORD_INPUT_FIELD(
                struct gov_body, kind, RECORD_TEXT, .label = "Kind of body",
                .input = RECORD_INPUT_CHOICE, .choices = gov_body_kinds,
                .choice_labels = gov_body_kind_labels, .required = true),
        RECORD_INPUT_FIELD(struct gov_body, parent_id, RECORD_ID,
                           .label = "Reports to",
                           .hint = "The body it is part of, if any",
                           .input = RECORD_INPUT_REF, .ref = &body_ref),
        RECORD_INPUT_FIELD(struct gov_body, founding_date, RECORD_TEXT,
                           .label = "Date founded",
                           .hint = "The first day it could meet",
                           .input = RECORD_INPUT_DATE),
        RECORD_INPUT_FIELD(struct gov_body, dissolution_date, RECORD_TEXT,
                           .label = "Date dissolved",
                           .hint = "The last day it could meet; leave "
                                   "empty while it runs",
                           .input = RECORD_INPUT_DATE),
        RECORD_INPUT_FIELD(struct gov_body, quorum_count, RECORD_INT,
                           .label = "Quorum: number of voting members",
                           .hint = "Leave empty for a fraction, or no rule",
                           .input = RECORD_INPUT_NUMBER),
        RECORD_INPUT_FIELD(struct gov_body, quorum_fraction, RECORD_TEXT,
                           .label = "Quorum: fraction of voting members",
                           .hint = "Such as 1/3", .input = RECORD_INPUT_LINE,
                           .validate = fraction_valid),
        RECORD_INPUT_FIELD(struct gov_body, quorum_partners, RECORD_BOOL,
                           .label = "Each safeguarding partner must be "
                                    "present",
                           .input = RECORD_INPUT_YESNO),
        RECORD_INPUT_FIELD(struct gov_body, terms_of_reference, RECORD_TEXT,
                           .label = "Terms of reference",
                           .hint = "Markdown: paragraphs, lists, "
                                   "**bold**",
                           .input = RECORD_INPUT_TEXT),
};

#define BODY_COLUMNS                                                       \
	"id, partnership_id, short_name, name, kind, parent_id, "          \
	"founding_date, dissolution_date, quorum_count, quorum_fraction, " \
	"quorum_partners, terms_of_reference"

const struct record_kind gov_body_record = {
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

/*
 * A partnership sees its own bodies and those of other partnerships serving
 * it (body_partnership); the column added last puts its own first.
 */
#define BODY_COLUMNS_B                                                        \
	"b.id, b.partnership_id, b.short_name, b.name, b.kind, b.parent_id, " \
	"b.founding_date, b.dissolution_date, b.quorum_count, "               \
	"b.quorum_fraction, b.quorum_partners, b.terms_of_reference"
static const char SQL_BODY_FIND_SEEN[] =
        "SELECT " BODY_COLUMNS ", 0 FROM body "
        "WHERE partnership_id = ?1 AND short_name = ?2 "
        "UNION ALL SELECT " BODY_COLUMNS_B ", 1 FROM body_partnership s "
        "JOIN body b ON b.id = s.body_id "
        "WHERE s.partnership_id = ?1 AND b.short_name = ?2 "
        "ORDER BY 13 LIMIT 1";
static const char SQL_BODY_LIST_SEEN[] =
        "SELECT " BODY_COLUMNS ", 0 FROM body WHERE partnership_id = ?1 "
        "UNION ALL SELECT " BODY_COLUMNS_B ", 1 FROM body_partnership s "
        "JOIN body b ON b.id = s.body_id WHERE s.partnership_id = ?1 "
        "ORDER BY 13, 1";
/*
 * Another body that body ?3 (0 for a new one) named ?2 in partnership ?1
 * would share its short name with somewhere it is seen: one serving ?1, one
 * of a partnership ?3 serves, or one serving such a partnership.
 */
static const char SQL_BODY_SEEN_CLASH[] =
        "SELECT b.name FROM body_partnership s JOIN body b "
        "ON b.id = s.body_id WHERE s.partnership_id = ?1 "
        "AND b.short_name = ?2 AND b.id <> ?3 "
        "UNION ALL SELECT o.name FROM body_partnership s JOIN body o "
        "ON o.partnership_id = s.partnership_id WHERE s.body_id = ?3 "
        "AND o.short_name = ?2 "
        "UNION ALL SELECT o.name FROM body_partnership s "
        "JOIN body_partnership t ON t.partnership_id = s.partnership_id "
        "JOIN body o ON o.id = t.body_id WHERE s.body_id = ?3 "
        "AND o.id <> ?3 AND o.short_name = ?2 LIMIT 1";
/* A body of partnership ?1, or another body serving it, named ?2. */
static const char SQL_BODY_SERVE_CLASH[] =
        "SELECT name FROM body WHERE partnership_id = ?1 "
        "AND short_name = ?2 "
        "UNION ALL SELECT b.name FROM body_partnership s JOIN body b "
        "ON b.id = s.body_id WHERE s.partnership_id = ?1 "
        "AND b.short_name = ?2 AND b.id <> ?3 LIMIT 1";

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
			        "Reports to: %s cannot report to itself, "
			        "even through other bodies",
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
			        "Reports to: no body with id %lld "
			        "in this partnership",
			        (long long)at);
		at = next;
	}
	return MASA_OK;
}

/*
 * MASA_ERR_CONFLICT when sql (partnership ?1, short name ?2, body ?3)
 * finds a body that would share short_name where both are seen.
 */
static enum masa_err seen_clash(struct gov *g, const char *sql,
                                int64_t partnership_id, const char *short_name,
                                int64_t body_id, struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, sql, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, partnership_id);
	store_bind_text(st, 2, short_name);
	store_bind_int(st, 3, body_id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row)
		rc = masa_error_set(
		        err, MASA_ERR_CONFLICT,
		        "Short name: \"%s\" is already used by %s, and "
		        "one partnership would see both: references such as "
		        "%s/A1 would name two bodies",
		        short_name, store_column_text(st, 0), short_name);
	store_done(st);
	return rc;
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
		                      "Short name: \"%.60s\" must be 1-40 "
		                      "letters, digits, -, _ or &",
		                      b->short_name ? b->short_name : "");
	if ((rc = check_line("Name", b->name, err)) ||
	    (rc = check_enum("Kind of body", b->kind, gov_body_kinds, false,
	                     err)) ||
	    (rc = check_date("Date founded", b->founding_date, true, err)) ||
	    (rc = check_date("Date dissolved", b->dissolution_date, true,
	                     err)) ||
	    (rc = check_date_order("the date founded", b->founding_date,
	                           "Date dissolved", b->dissolution_date,
	                           err)) ||
	    (rc = check_optional_text("Terms of reference",
	                              b->terms_of_reference, err)))
		return rc;
	if (b->quorum_count < 0 || b->quorum_count > 1000)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Quorum: number of voting members: %lld "
		                      "is not between 1 "
		                      "and 1000",
		                      (long long)b->quorum_count);
	if (b->quorum_fraction != NULL &&
	    !gov_quorum_fraction_parse(b->quorum_fraction, &num, &den))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Quorum: fraction of voting members: "
		                      "\"%.40s\" is not a "
		                      "fraction such as 1/3",
		                      b->quorum_fraction);
	if (b->quorum_fraction != NULL && b->quorum_count != 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "Quorum: number of voting members: give "
		                      "a number or a fraction, "
		                      "not both");
	rc = gov_body_find(g, b->partnership_id, b->short_name, &a, &other,
	                   &probe);
	if (rc == MASA_OK && other.id != b->id)
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "Short name: \"%s\" is already used by "
		                    "%s",
		                    b->short_name, other.name);
	else if (rc == MASA_OK || rc == MASA_ERR_NOT_FOUND)
		rc = MASA_OK;
	else
		*err = probe;
	arena_free(&a);
	if (rc == MASA_OK)
		rc = seen_clash(g, SQL_BODY_SEEN_CLASH, b->partnership_id,
		                b->short_name, b->id, err);
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
	return rc ? rc : record_insert(g, &gov_body_record, b, err);
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
		        "%s: its meeting %s on %s would fall outside the "
		        "dates the body runs",
		        strcmp(store_column_text(st, 1), from) < 0
		                ? "Date founded"
		                : "Date dissolved",
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
		/* the founding side when it starts or ends before it */
		bool founded = strcmp(start ? start : "9999-12-31", from) < 0 ||
		               strcmp(end ? end : "9999-12-31", from) < 0;
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s: the membership of %s (%s to %s) would fall "
		        "outside the dates the body runs",
		        founded ? "Date founded" : "Date dissolved",
		        store_column_text(st, 0), start ? start : "the start",
		        end ? end : "now");
	}
	store_done(st);
	return rc ? rc : record_update(g, &gov_body_record, b, err);
}

enum masa_err gov_body_get(struct gov *g, int64_t id, struct arena *a,
                           struct gov_body *out, struct masa_error *err)
{
	return record_get(g, &gov_body_record, id, a, out, err);
}

enum masa_err gov_body_find(struct gov *g, int64_t partnership_id,
                            const char *short_name, struct arena *a,
                            struct gov_body *out, struct masa_error *err)
{
	return record_find(g, &gov_body_record, SQL_BODY_FIND, partnership_id,
	                   short_name, a, out, err);
}

enum masa_err gov_body_list(struct gov *g, int64_t partnership_id,
                            struct arena *a, struct gov_body **out, size_t *n,
                            struct masa_error *err)
{
	void *items;
	enum masa_err rc = record_list(g, &gov_body_record, SQL_BODY_LIST,
	                               partnership_id, a, &items, n, err);

	*out = items;
	return rc;
}

enum masa_err gov_body_find_seen(struct gov *g, int64_t partnership_id,
                                 const char *short_name, struct arena *a,
                                 struct gov_body *out, struct masa_error *err)
{
	return record_find(g, &gov_body_record, SQL_BODY_FIND_SEEN,
	                   partnership_id, short_name, a, out, err);
}

enum masa_err gov_body_list_seen(struct gov *g, int64_t partnership_id,
                                 struct arena *a, struct gov_body **out,
                                 size_t *n, struct masa_error *err)
{
	void *items;
	enum masa_err rc = record_list(g, &gov_body_record, SQL_BODY_LIST_SEEN,
	                               partnership_id, a, &items, n, err);

	*out = items;
	return rc;
}

/* bodies serving other partnerships */

static const struct record_field serving_fields[] = {
        RECORD_FIELD(struct gov_body_serving, id, RECORD_ID),
        RECORD_FIELD(struct gov_body_serving, body_id, RECORD_ID),
        RECORD_FIELD(struct gov_body_serving, partnership_id, RECORD_ID),
};

static const struct record_kind serving_kind = {
        .entity = "body_partnership",
        .label = "body serving a partnership",
        .fields = serving_fields,
        .nfields = sizeof serving_fields / sizeof serving_fields[0],
        .size = sizeof(struct gov_body_serving),
        .sql_insert = "INSERT INTO body_partnership (body_id, "
                      "partnership_id) VALUES (?, ?) RETURNING id",
        .sql_get = "SELECT id, body_id, partnership_id FROM body_partnership "
                   "WHERE id = ?",
};

/* The partnerships a body serves, read as partnerships. */
static const struct record_field served_fields[] = {
        RECORD_FIELD(struct gov_partnership, id, RECORD_ID),
        RECORD_FIELD(struct gov_partnership, key, RECORD_TEXT),
        RECORD_FIELD(struct gov_partnership, name, RECORD_TEXT),
        RECORD_FIELD(struct gov_partnership, area, RECORD_TEXT),
};

static const struct record_kind served_kind = {
        .entity = "partnership",
        .label = "partnership",
        .fields = served_fields,
        .nfields = sizeof served_fields / sizeof served_fields[0],
        .size = sizeof(struct gov_partnership),
};

static const char SQL_SERVING_FIND[] =
        "SELECT id, body_id, partnership_id FROM body_partnership "
        "WHERE body_id = ?1 AND partnership_id = ?2";
static const char SQL_SERVING_DELETE[] =
        "DELETE FROM body_partnership WHERE id = ?";
static const char SQL_SERVING_ALL[] =
        "SELECT id, body_id, partnership_id FROM body_partnership "
        "ORDER BY partnership_id, body_id";
static const char SQL_SERVED_BY[] =
        "SELECT p.id, p.key, p.name, p.area FROM body_partnership s "
        "JOIN partnership p ON p.id = s.partnership_id "
        "WHERE s.body_id = ? ORDER BY p.key";

/* The row saying body_id serves partnership_id; MASA_ERR_NOT_FOUND if none. */
static enum masa_err serving_find(struct gov *g, int64_t body_id,
                                  int64_t partnership_id,
                                  struct gov_body_serving *out,
                                  struct masa_error *err)
{
	struct store_stmt *st;
	bool row;
	enum masa_err rc = store_prepare(g->store, SQL_SERVING_FIND, &st, err);

	if (rc != MASA_OK)
		return rc;
	store_bind_int(st, 1, body_id);
	store_bind_int(st, 2, partnership_id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && !row)
		rc = MASA_ERR_NOT_FOUND;
	if (rc == MASA_OK)
		record_read_row(st, &serving_kind, NULL, out);
	store_done(st);
	return rc;
}

enum masa_err gov_body_serve(struct gov *g, int64_t body_id,
                             int64_t partnership_id, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_body b;
	struct gov_partnership p;
	struct gov_body_serving s = {0};
	enum masa_err rc;

	if ((rc = gov_body_get(g, body_id, &a, &b, err)) ||
	    (rc = gov_partnership_get(g, partnership_id, &a, &p, err)))
		goto out;
	if (b.partnership_id == partnership_id) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "%s is a body of %s already: a body "
		                    "serves other partnerships than its own",
		                    b.short_name, p.key);
		goto out;
	}
	if ((rc = gov_begin(g, err)))
		goto out;
	rc = serving_find(g, body_id, partnership_id, &s, err);
	if (rc == MASA_OK)
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "%s serves %s already", b.short_name,
		                    p.key);
	else if (rc == MASA_ERR_NOT_FOUND)
		rc = seen_clash(g, SQL_BODY_SERVE_CLASH, partnership_id,
		                b.short_name, body_id, err);
	if (rc == MASA_OK) {
		s.body_id = body_id;
		s.partnership_id = partnership_id;
		rc = record_insert(g, &serving_kind, &s, err);
	}
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}

enum masa_err gov_body_serve_stop(struct gov *g, int64_t body_id,
                                  int64_t partnership_id,
                                  struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_body b;
	struct gov_partnership p;
	struct gov_body_serving s;
	struct store_stmt *st;
	enum masa_err rc;

	if ((rc = gov_body_get(g, body_id, &a, &b, err)) ||
	    (rc = gov_partnership_get(g, partnership_id, &a, &p, err)) ||
	    (rc = gov_begin(g, err)))
		goto out;
	rc = serving_find(g, body_id, partnership_id, &s, err);
	if (rc == MASA_ERR_NOT_FOUND)
		rc = masa_error_set(err, MASA_ERR_NOT_FOUND,
		                    "%s does not serve %s", b.short_name,
		                    p.key);
	if (rc == MASA_OK)
		rc = store_prepare(g->store, SQL_SERVING_DELETE, &st, err);
	if (rc == MASA_OK) {
		store_bind_int(st, 1, s.id);
		rc = store_run(st, NULL, err);
	}
	if (rc == MASA_OK && !g->bulk)
		rc = audit_record(g, "delete", serving_kind.entity, s.id,
		                  record_to_json(&serving_kind, &s), NULL, err);
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}

enum masa_err gov_body_served(struct gov *g, int64_t body_id, struct arena *a,
                              struct gov_partnership **out, size_t *n,
                              struct masa_error *err)
{
	void *items;
	enum masa_err rc = record_list(g, &served_kind, SQL_SERVED_BY, body_id,
	                               a, &items, n, err);

	*out = items;
	return rc;
}

enum masa_err gov_body_servings(struct gov *g, struct arena *a,
                                struct gov_body_serving **out, size_t *n,
                                struct masa_error *err)
{
	void *items;
	enum masa_err rc = record_list(g, &serving_kind, SQL_SERVING_ALL, 0, a,
	                               &items, n, err);

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
        RECORD_INPUT_FIELD(struct gov_membership, body_id, RECORD_ID,
                           .label = "Body", .input = RECORD_INPUT_REF,
                           .ref = &body_ref, .required = true),
        RECORD_INPUT_FIELD(struct gov_membership, person_id, RECORD_ID,
                           .label = "Person", .input = RECORD_INPUT_REF,
                           .ref = &gov_person_ref, .required = true),
        RECORD_INPUT_FIELD(
                struct gov_membership, role, RECORD_TEXT, .label = "Role",
                .input = RECORD_INPUT_CHOICE, .choices = gov_membership_roles,
                .choice_labels = gov_membership_role_labels, .required = true),
        RECORD_INPUT_FIELD(struct gov_membership, organisation_id, RECORD_ID,
                           .label = "Organisation represented",
                           .hint = "Leave empty when it is their employer",
                           .input = RECORD_INPUT_REF,
                           .ref = &gov_organisation_ref),
        RECORD_INPUT_FIELD(struct gov_membership, label, RECORD_TEXT,
                           .label = "Role as printed",
                           .hint = "Such as \"Independent Chair\"",
                           .input = RECORD_INPUT_LINE),
        RECORD_INPUT_FIELD(struct gov_membership, start_date, RECORD_TEXT,
                           .label = "Start date", .input = RECORD_INPUT_DATE),
        RECORD_INPUT_FIELD(struct gov_membership, end_date, RECORD_TEXT,
                           .label = "End date",
                           .hint = "Leave empty while it runs",
                           .input = RECORD_INPUT_DATE),
};

#define MEMBERSHIP_COLUMNS                                                   \
	"id, body_id, person_id, role, organisation_id, label, start_date, " \
	"end_date"

const struct record_kind gov_membership_record = {
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
		                      "Body: choose one");
	rc = gov_body_get(g, m->body_id, &a, &b, err);
	if (rc != MASA_OK) {
		masa_error_prefix(err, "Body");
		goto out;
	}
	if ((rc = record_check_ref(g, SQL_PERSON_IN_PARTNERSHIP, m->person_id,
	                           b.partnership_id, true, "Person", "person",
	                           err)) ||
	    (rc = check_enum("Role", m->role, gov_membership_roles, false,
	                     err)) ||
	    (rc = record_check_ref(g, SQL_ORGANISATION_IN_PARTNERSHIP,
	                           m->organisation_id, b.partnership_id, false,
	                           "Organisation represented", "organisation",
	                           err)) ||
	    (rc = check_optional_line("Role as printed", m->label, err)) ||
	    (rc = check_date("Start date", m->start_date, true, err)) ||
	    (rc = check_date("End date", m->end_date, true, err)) ||
	    (rc = check_date_order("the start date", m->start_date, "End date",
	                           m->end_date, err)))
		goto out;
	if (m->start_date && b.founding_date &&
	    strcmp(m->start_date, b.founding_date) < 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "Start date: %s is before %s was "
		                    "founded on %s",
		                    m->start_date, b.short_name,
		                    b.founding_date);
		goto out;
	}
	if (m->end_date && b.dissolution_date &&
	    strcmp(m->end_date, b.dissolution_date) > 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "End date: %s is after %s was "
		                    "dissolved on %s",
		                    m->end_date, b.short_name,
		                    b.dissolution_date);
		goto out;
	}
	if (m->start_date && b.dissolution_date &&
	    strcmp(m->start_date, b.dissolution_date) > 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "Start date: %s is after %s was "
		                    "dissolved on %s",
		                    m->start_date, b.short_name,
		                    b.dissolution_date);
		goto out;
	}
	if (m->end_date && b.founding_date &&
	    strcmp(m->end_date, b.founding_date) < 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "End date: %s is before %s was "
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
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "Role: the person is already %s of %s "
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
	return rc ? rc : record_insert(g, &gov_membership_record, m, err);
}

enum masa_err gov_membership_update(struct gov *g,
                                    const struct gov_membership *m,
                                    struct masa_error *err)
{
	enum masa_err rc = membership_check(g, m, err);

	return rc ? rc : record_update(g, &gov_membership_record, m, err);
}

enum masa_err gov_membership_get(struct gov *g, int64_t id, struct arena *a,
                                 struct gov_membership *out,
                                 struct masa_error *err)
{
	return record_get(g, &gov_membership_record, id, a, out, err);
}

enum masa_err gov_membership_list(struct gov *g, int64_t partnership_id,
                                  struct arena *a, struct gov_membership **out,
                                  size_t *n, struct masa_error *err)
{
	void *items;
	enum masa_err rc =
	        record_list(g, &gov_membership_record, SQL_MEMBERSHIP_LIST,
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

/* ---- changes of membership over time ---- */

/* The day before date (YYYY-MM-DD, valid), into out. */
static void day_before(const char *date, char out[DATE_TEXT_SIZE])
{
	date_days d = 0;

	(void)date_parse(date, &d, NULL);
	date_format(d - 1, out);
}

enum masa_err gov_membership_end(struct gov *g, int64_t membership_id,
                                 const char *date, struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_membership m;
	enum masa_err rc;

	if ((rc = check_date("End date", date, false, err)) ||
	    (rc = gov_begin(g, err)))
		goto out;
	rc = gov_membership_get(g, membership_id, &a, &m, err);
	if (rc == MASA_OK && m.end_date != NULL &&
	    strcmp(m.end_date, date) <= 0)
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "End date: this membership already ended "
		                    "on %s",
		                    m.end_date);
	if (rc == MASA_OK) {
		m.end_date = (char *)date;
		rc = gov_membership_update(g, &m, err);
	}
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}

/*
 * Within a transaction: ends m (running on date) the day before date, and
 * when role is not NULL starts the same person's membership in role from
 * date, for as long as m would have run. what names the date's field.
 */
static enum masa_err membership_turn(struct gov *g, struct gov_membership *m,
                                     const char *role, const char *date,
                                     const char *what, struct masa_error *err)
{
	char before[DATE_TEXT_SIZE];
	struct gov_membership next = *m;
	enum masa_err rc;

	if (m->start_date != NULL && strcmp(date, m->start_date) <= 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: %s is not after the membership it "
		                      "changes started, on %s",
		                      what, date, m->start_date);
	day_before(date, before);
	m->end_date = before;
	if ((rc = gov_membership_update(g, m, err)) || role == NULL)
		return rc;
	next.role = (char *)role;
	next.start_date = (char *)date;
	return gov_membership_create(g, &next, err);
}

enum masa_err gov_membership_change_role(struct gov *g, int64_t membership_id,
                                         const char *role, const char *date,
                                         struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_membership m;
	enum masa_err rc;

	if ((rc = check_enum("Role", role, gov_membership_roles, false, err)) ||
	    (rc = check_date("Date of the change", date, false, err)) ||
	    (rc = gov_begin(g, err)))
		goto out;
	rc = gov_membership_get(g, membership_id, &a, &m, err);
	if (rc == MASA_OK && strcmp(m.role, role) == 0)
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "Role: the membership is %s already",
		        record_choice_label(
		                record_field_by_slug(&gov_membership_record,
		                                     "role"),
		                role));
	if (rc == MASA_OK && m.end_date && strcmp(m.end_date, date) < 0)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "Date of the change: the membership ended "
		                    "on %s, before it",
		                    m.end_date);
	if (rc == MASA_OK)
		rc = membership_turn(g, &m, role, date, "Date of the change",
		                     err);
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}

static const struct record_field chair_change_fields[] = {
        RECORD_FIELD(struct gov_chair_change, body_id, RECORD_ID),
        RECORD_INPUT_FIELD(struct gov_chair_change, person_id, RECORD_ID,
                           .label = "New chair", .input = RECORD_INPUT_REF,
                           .ref = &gov_person_ref, .required = true),
        RECORD_INPUT_FIELD(struct gov_chair_change, organisation_id, RECORD_ID,
                           .label = "Organisation represented",
                           .hint = "Leave empty when it is their employer",
                           .input = RECORD_INPUT_REF,
                           .ref = &gov_organisation_ref),
        RECORD_INPUT_FIELD(struct gov_chair_change, label, RECORD_TEXT,
                           .label = "Role as printed",
                           .hint = "Such as \"Independent Chair\"",
                           .input = RECORD_INPUT_LINE),
        RECORD_INPUT_FIELD(struct gov_chair_change, date, RECORD_TEXT,
                           .label = "Date of the change",
                           .hint = "The new chair's first day in the chair",
                           .input = RECORD_INPUT_DATE, .required = true),
        RECORD_INPUT_FIELD(struct gov_chair_change, previous_role, RECORD_TEXT,
                           .label = "What the chair before becomes",
                           .hint = "None: they leave the body the day "
                                   "before",
                           .input = RECORD_INPUT_CHOICE,
                           .choices = gov_membership_roles,
                           .choice_labels = gov_membership_role_labels),
};

const struct record_kind gov_chair_change_record = {
        .entity = "chair_change",
        .label = "change of chair",
        .fields = chair_change_fields,
        .nfields = sizeof chair_change_fields / sizeof chair_change_fields[0],
        .size = sizeof(struct gov_chair_change),
};

enum masa_err gov_chair_change(struct gov *g, const struct gov_chair_change *c,
                               struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_member *ms = NULL;
	struct gov_membership chair = {0};
	struct gov_body b;
	size_t n = 0;
	enum masa_err rc;

	if (c->person_id == 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "New chair: choose one");
	if ((rc = check_date("Date of the change", c->date, false, err)))
		goto out;
	if (c->previous_role != NULL &&
	    (rc = check_enum("What the chair before becomes", c->previous_role,
	                     gov_membership_roles, false, err)))
		goto out;
	if (c->previous_role != NULL &&
	    strcmp(c->previous_role, "chair") == 0) {
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "What the chair before becomes: choose a role "
		        "other than chair, or none");
		goto out;
	}
	if ((rc = gov_begin(g, err)))
		goto out;
	rc = gov_body_get(g, c->body_id, &a, &b, err);
	if (rc == MASA_OK && b.founding_date &&
	    strcmp(c->date, b.founding_date) < 0)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "Date of the change: %s is before %s was "
		                    "founded, on %s",
		                    c->date, b.short_name, b.founding_date);
	if (rc == MASA_OK && b.dissolution_date &&
	    strcmp(c->date, b.dissolution_date) > 0)
		rc = masa_error_set(
		        err, MASA_ERR_INVALID,
		        "Date of the change: %s is after %s closed, "
		        "on %s",
		        c->date, b.short_name, b.dissolution_date);
	if (rc == MASA_OK)
		rc = gov_members_on(g, c->body_id, c->date, &a, &ms, &n, err);
	for (size_t i = 0; rc == MASA_OK && i < n; i++) {
		struct gov_membership *m = &ms[i].m;
		if (strcmp(m->role, "chair") != 0)
			continue;
		if (m->person_id == c->person_id) {
			rc = masa_error_set(
			        err, MASA_ERR_INVALID,
			        "New chair: %s chairs it already on "
			        "%s",
			        ms[i].person_name, c->date);
			break;
		}
		if (m->start_date && strcmp(c->date, m->start_date) <= 0) {
			rc = masa_error_set(
			        err, MASA_ERR_INVALID,
			        "Date of the change: %s is not after "
			        "the current chair, %s, started on %s",
			        c->date, ms[i].person_name, m->start_date);
			break;
		}
		rc = membership_turn(g, m, c->previous_role, c->date,
		                     "Date of the change", err);
	}
	/* The new chair's other running membership gives way to the chair. */
	for (size_t i = 0; rc == MASA_OK && i < n; i++) {
		struct gov_membership *m = &ms[i].m;
		if (m->person_id != c->person_id ||
		    strcmp(m->role, "chair") == 0)
			continue;
		if (m->start_date && strcmp(c->date, m->start_date) <= 0)
			continue; /* it starts that day: both stand */
		rc = membership_turn(g, m, NULL, c->date, "Date of the change",
		                     err);
	}
	if (rc == MASA_OK) {
		chair.body_id = c->body_id;
		chair.person_id = c->person_id;
		chair.role = "chair";
		chair.organisation_id = c->organisation_id;
		chair.label = (char *)c->label;
		chair.start_date = (char *)c->date;
		rc = gov_membership_create(g, &chair, err);
	}
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}

static const char SQL_BODY_RUNNING[] =
        "SELECT " MEMBERSHIP_COLUMNS " FROM membership WHERE body_id = ?1 "
        "AND (end_date IS NULL OR end_date > ?2) ORDER BY id";

enum masa_err gov_body_close(struct gov *g, int64_t body_id, const char *date,
                             struct masa_error *err)
{
	struct arena a = ARENA_INIT;
	struct gov_body b;
	struct gov_membership *ms = NULL;
	struct store_stmt *st;
	void *items;
	size_t n = 0;
	enum masa_err rc;

	if ((rc = check_date("Date it closes", date, false, err)) ||
	    (rc = gov_begin(g, err)))
		goto out;
	rc = gov_body_get(g, body_id, &a, &b, err);
	if (rc == MASA_OK && b.dissolution_date != NULL)
		rc = masa_error_set(err, MASA_ERR_CONFLICT,
		                    "Date it closes: %s closed on %s already",
		                    b.short_name, b.dissolution_date);
	if (rc == MASA_OK && b.founding_date &&
	    strcmp(date, b.founding_date) < 0)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "Date it closes: %s is before %s was "
		                    "founded, on %s",
		                    date, b.short_name, b.founding_date);
	if (rc == MASA_OK)
		rc = store_prepare(g->store, SQL_BODY_RUNNING, &st, err);
	if (rc == MASA_OK) {
		store_bind_int(st, 1, body_id);
		store_bind_text(st, 2, date);
		rc = record_collect(st, &gov_membership_record, &a, &items, &n,
		                    err);
		ms = items;
	}
	for (size_t i = 0; rc == MASA_OK && i < n; i++) {
		if (ms[i].start_date && strcmp(ms[i].start_date, date) > 0) {
			struct gov_person p;
			rc = gov_person_get(g, ms[i].person_id, &a, &p, err);
			if (rc == MASA_OK)
				rc = masa_error_set(
				        err, MASA_ERR_INVALID,
				        "Date it closes: the membership of %s "
				        "starts on %s, after it",
				        p.name, ms[i].start_date);
			break;
		}
		ms[i].end_date = (char *)date;
		rc = gov_membership_update(g, &ms[i], err);
	}
	if (rc == MASA_OK) {
		b.dissolution_date = (char *)date;
		rc = gov_body_update(g, &b, err);
		/* Its last day is what closing asks for. */
		if (rc == MASA_ERR_INVALID &&
		    strncmp(err->message, "Date dissolved: ", 16) == 0) {
			char rest[sizeof err->message];
			snprintf(rest, sizeof rest, "%s", err->message + 16);
			masa_error_set(err, rc, "Date it closes: %s", rest);
		}
	}
	rc = gov_end(g, rc, err);
out:
	arena_free(&a);
	return rc;
}
