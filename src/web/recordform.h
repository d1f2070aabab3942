/*
 * recordform: the GOV.UK form of any kind of record, drawn from its
 * declaration (gov/record.h): each field's label, hint and input (a text
 * box, a text area, day/month/year boxes, a list of choices or of the
 * records a reference may name, yes/no radios), the values stored or typed,
 * and an error summary whose messages name fields by their labels. It reads
 * a posted form back into the record's struct through the same table.
 *
 * A form's fields are posted as "f-SLUG" (record_field_slug: "f-short-name";
 * a date as f-SLUG-day, -month and -year), so that a route declares them all
 * with RECORDFORM_PARAMS, a family of fields, whatever the kind:
 *
 *	struct recordform f;
 *	recordform_init(&f, &gov_body_record, &body, fields);
 *	if (post && recordform_read(req, &f)) {
 *		rc = gov_body_update(...);
 *		if (rc == MASA_OK) -> 303
 *		recordform_error(&f, &err); -> the form again, 400
 *	}
 *	recordform_write_summary(h, &f); ... recordform_write_fields(h, req,
 *&f);
 */
#ifndef MASA_WEB_RECORDFORM_H
#define MASA_WEB_RECORDFORM_H

#include "gov/record.h"
#include "http/route.h"
#include "web/html.h"

enum {
	RECORDFORM_MAX_FIELDS = 24,
	RECORDFORM_MAX_ERRORS = 24,
	RECORDFORM_TEXT_MAX = 100000, /* the longest value of one field */
};

/* The route parameter that takes every field of a record form. */
#define RECORDFORM_PARAMS                                                   \
	{                                                                   \
		.name = "f-*", .where = ROUTE_IN_FORM, .check = ROUTE_TEXT, \
		.max = RECORDFORM_TEXT_MAX                                  \
	}

struct recordform_error {
	const struct record_field *field; /* NULL: about the whole form */
	const char *message;
};

struct recordform {
	const struct record_kind *kind;
	void *rec; /* the values shown, and what a post is read into */
	int64_t partnership_id; /* where references are looked up */
	/* The fields shown: copies of the kind's, so that a form may ask a
	 * narrower question of one (recordform_relabel). */
	struct record_field own[RECORDFORM_MAX_FIELDS];
	const char *typed[RECORDFORM_MAX_FIELDS]; /* as posted, or NULL */
	size_t nfields;
	struct recordform_error errors[RECORDFORM_MAX_ERRORS];
	size_t nerrors;
};

/*
 * A form of kind k over rec (borrowed), showing the fields named in slugs
 * (NULL-terminated), or every field people type when slugs is NULL.
 */
void recordform_init(struct recordform *f, const struct record_kind *k,
                     void *rec, int64_t partnership_id,
                     const char *const *slugs);
/*
 * Shows field slug with another label and hint (NULL: none), for a form
 * that asks a narrower thing ("New chair" for the person); its messages
 * then name it so. label and hint are borrowed.
 */
void recordform_relabel(struct recordform *f, const char *slug,
                        const char *label, const char *hint);
/*
 * Reads the posted fields into f->rec through the table, keeping what was
 * typed; true when every field was good, else f holds an error for each bad
 * field (and rec keeps its value for those).
 */
bool recordform_read(struct http_request *req, struct recordform *f);
/*
 * Adds err (a domain rule's refusal) to f, beside the field its message
 * names by label ("Start date: ..."), or above the form.
 */
void recordform_error(struct recordform *f, const struct masa_error *err);
/* The GOV.UK error summary, when f has errors. */
void recordform_write_summary(struct html *h, struct http_request *req,
                              const struct recordform *f);
/* Every field of f, with its label, hint, value and error. */
void recordform_write_fields(struct html *h, struct http_request *req,
                             const struct recordform *f);

#endif
