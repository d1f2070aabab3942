/*
 * ical: iCalendar content lines, escaping and folding (see ical.h).
 */
#include "web/ical.h"

#include <string.h>

void ical_init(struct ical *c, size_t max)
{
	buf_init(&c->out, max);
	c->failed = false;
	masa_error_clear(&c->err);
}

void ical_free(struct ical *c)
{
	buf_free(&c->out);
}

enum masa_err ical_escape(struct buf *b, const char *value,
                          struct masa_error *err)
{
	enum masa_err rc = MASA_OK;
	const char *run = value;

	/* Runs of ordinary characters are copied whole. */
	for (const char *p = value; rc == MASA_OK; p++) {
		unsigned char ch = (unsigned char)*p;
		const char *subst = NULL;
		bool special = true;

		switch (ch) {
		case '\\':
			subst = "\\\\";
			break;
		case ';':
			subst = "\\;";
			break;
		case ',':
			subst = "\\,";
			break;
		case '\n':
			subst = "\\n";
			break;
		case '\r':
			/* CRLF is one break, written at its LF. */
			subst = p[1] == '\n' ? "" : "\\n";
			break;
		case '\0':
			subst = "";
			break;
		default:
			special = (ch < 0x20 && ch != '\t') || ch == 0x7f;
			subst = "";
		}
		if (!special)
			continue;
		if (p > run)
			rc = buf_append(b, run, (size_t)(p - run), err);
		if (rc == MASA_OK && subst[0] != '\0')
			rc = buf_puts(b, subst, err);
		if (ch == '\0')
			break;
		run = p + 1;
	}
	return rc;
}

enum masa_err ical_fold(struct buf *b, const char *line, size_t len,
                        struct masa_error *err)
{
	enum masa_err rc = MASA_OK;
	size_t pos = 0;
	bool first = true;

	do {
		size_t room = first ? ICAL_LINE_OCTETS : ICAL_LINE_OCTETS - 1;
		size_t k = len - pos < room ? len - pos : room;

		/* Back off to the start of a UTF-8 character. */
		if (pos + k < len) {
			size_t cut = k;
			while (cut > 0 &&
			       ((unsigned char)line[pos + cut] & 0xC0) == 0x80)
				cut--;
			if (cut > 0)
				k = cut; /* else not UTF-8: cut where it fits */
		}
		if (!first)
			rc = buf_append(b, " ", 1, err);
		if (rc == MASA_OK)
			rc = buf_append(b, line + pos, k, err);
		if (rc == MASA_OK)
			rc = buf_append(b, "\r\n", 2, err);
		pos += k;
		first = false;
	} while (rc == MASA_OK && pos < len);
	return rc;
}

/* Folds the unfolded line in tmp onto the output; frees tmp. */
static void emit(struct ical *c, struct buf *tmp, enum masa_err rc)
{
	if (rc == MASA_OK && !c->failed)
		rc = ical_fold(&c->out, tmp->data ? tmp->data : "", tmp->len,
		               &c->err);
	if (rc != MASA_OK)
		c->failed = true;
	buf_free(tmp);
}

void ical_line(struct ical *c, const char *name, const char *value)
{
	struct buf tmp;
	struct masa_error *err = &c->err;
	enum masa_err rc;

	if (c->failed)
		return;
	buf_init(&tmp, c->out.max);
	rc = buf_puts(&tmp, name, err);
	if (rc == MASA_OK)
		rc = buf_append(&tmp, ":", 1, err);
	if (rc == MASA_OK)
		rc = buf_puts(&tmp, value ? value : "", err);
	emit(c, &tmp, rc);
}

void ical_text(struct ical *c, const char *name, const char *value)
{
	struct buf tmp;
	struct masa_error *err = &c->err;
	enum masa_err rc;

	if (c->failed)
		return;
	buf_init(&tmp, c->out.max);
	rc = buf_puts(&tmp, name, err);
	if (rc == MASA_OK)
		rc = buf_append(&tmp, ":", 1, err);
	if (rc == MASA_OK)
		rc = ical_escape(&tmp, value ? value : "", err);
	emit(c, &tmp, rc);
}

enum masa_err ical_finish(struct ical *c, const char **out, size_t *len,
                          struct masa_error *err)
{
	if (c->failed) {
		*err = c->err;
		return c->err.code ? c->err.code : MASA_ERR_LIMIT;
	}
	*out = c->out.data ? c->out.data : "";
	*len = c->out.len;
	return MASA_OK;
}
