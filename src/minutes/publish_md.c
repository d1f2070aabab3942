/*
 * publish_md: the minutes as Markdown, in the shape minutes are typed in
 * (the two seeds in docs/ are the model): the body's name as the heading,
 * the sentence saying when and where it met, "Present:" with one line per
 * person ("Name – Role<TAB>Job title, Organisation"), "In attendance:",
 * "Apologies:", then the items numbered as printed with their titles in
 * bold, their minutes (stored as Markdown, so written as they are),
 * resolutions in bold, actions raised, and Appendix One, the action log as
 * at the meeting, as tables. `masa import minutes` reads this shape back.
 */
#include <stdarg.h>
#include <string.h>

#include "minutes/publish.h"

struct md {
	struct buf *out;
	enum masa_err rc;
	struct masa_error *err;
};

static void put(struct md *w, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* Appends formatted text; the first failure sticks and later ones are
 * skipped, so the writer checks once at the end. */
static void put(struct md *w, const char *fmt, ...)
{
	va_list ap;

	if (w->rc)
		return;
	va_start(ap, fmt);
	w->rc = buf_vprintf(w->out, w->err, fmt, ap);
	va_end(ap);
}

/* A table cell (after prefix): one line, the column separator escaped. */
static void put_cell_after(struct md *w, const char *prefix, const char *text)
{
	put(w, " %s", prefix);
	for (const char *p = text ? text : ""; *p && !w->rc; p++) {
		if (*p == '|')
			put(w, "\\|");
		else if (*p == '\n' || *p == '\r' || *p == '\t')
			put(w, " ");
		else
			w->rc = buf_append(w->out, p, 1, w->err);
	}
	put(w, " |");
}

static void put_cell(struct md *w, const char *text)
{
	put_cell_after(w, "", text);
}

static void put_people(struct md *w, const char *heading,
                       const struct publish_person *list, size_t n)
{
	if (n == 0)
		return;
	put(w, "%s\n\n", heading);
	for (size_t i = 0; i < n; i++) {
		const struct publish_person *p = &list[i];
		if (p->represented_by)
			put(w, "%s representing %s", p->represented_by,
			    p->name);
		else
			put(w, "%s", p->name);
		if (p->role)
			put(w, " – %s", p->role);
		if (p->job)
			put(w, "\t%s", p->job);
		if (p->note)
			put(w, " (%s)", p->note);
		put(w, "\n");
	}
	put(w, "\n");
}

/* "1." for a whole number, "4.3" as it is. */
static const char *number_suffix(const char *number)
{
	size_t n = strlen(number);

	return n > 0 && strspn(number, "0123456789") == n ? "." : "";
}

/*
 * An action raised under an item, as minutes record it: "WC to find a
 * venue – action 1" when the details begin with the owner's name and "to",
 * else the owner's initials before the details.
 */
static void put_action(struct md *w, const struct publish_action *a)
{
	const char *details = a->details ? a->details : "";
	size_t len = strlen(a->owners);

	if (len > 0 && strncmp(details, a->owners, len) == 0 &&
	    strncmp(details + len, " to ", 4) == 0)
		put(w, "**Action:** %s to %s – action %ld\n\n", a->initials,
		    details + len + 4, a->number);
	else
		put(w, "**Action:** %s – %s – action %ld\n\n", a->initials,
		    details, a->number);
}

static void put_item(struct md *w, const struct publish_item *it)
{
	put(w, "**%s%s %s**\n\n", it->number, number_suffix(it->number),
	    it->title);
	if (it->confidential)
		put(w, "*Confidential: press and public excluded; not for "
		       "publication.*\n\n");
	for (size_t i = 0; i < it->nnotes; i++)
		put(w, "%s\n\n", it->notes[i]);
	if (it->deferred_to)
		put(w, "Deferred to the meeting on %s.\n\n", it->deferred_to);
	if (it->withdrawn)
		put(w, "Withdrawn.\n\n");
	if (it->minutes && it->minutes[0]) {
		size_t n = strlen(it->minutes);
		while (n > 0 && (it->minutes[n - 1] == '\n' ||
		                 it->minutes[n - 1] == ' '))
			n--;
		put(w, "%.*s\n\n", (int)n, it->minutes);
	}
	for (size_t i = 0; i < it->nresolutions; i++) {
		const struct publish_resolution *r = &it->resolutions[i];
		if (i == 0)
			put(w, "**Resolved:** ");
		if (it->nresolutions > 1)
			put(w, "(%ld) ", r->number);
		put(w, "%s\n\n", r->text);
	}
	for (size_t i = 0; i < it->nactions; i++)
		put_action(w, it->actions[i]);
}

static void put_log_part(struct md *w, const struct publish_log_part *part)
{
	if (part->n == 0)
		return;
	put(w, "**%s**\n\n", part->title);
	put(w, "| No. | Owner | Details | Update | Status |\n"
	       "|---|---|---|---|---|\n");
	for (size_t i = 0; i < part->n; i++) {
		const struct publish_action *a = &part->actions[i];
		const char *tail = a->key ? strrchr(a->key, '/') : NULL;
		/* An action standing alone is A1, A2...: not the number of
		 * an action raised at a meeting. */
		if (tail != NULL && tail[1] == 'A')
			put(w, "| %s |", tail + 1);
		else
			put(w, "| %ld. |", a->number);
		put_cell(w, a->owners);
		put_cell_after(w, a->confidential ? "(Confidential) " : "",
		               a->details);
		put_cell(w, a->update);
		put_cell(w, a->status);
		put(w, "\n");
	}
	put(w, "\n");
}

static bool any_confidential(const struct publish_meeting *m)
{
	for (size_t i = 0; i < m->nitems; i++)
		if (m->items[i].confidential)
			return true;
	return false;
}

enum masa_err publish_markdown(const struct publish_meeting *m, struct buf *out,
                               struct masa_error *err)
{
	struct md w = {.out = out, .err = err};
	size_t nlog = 0;

	put(&w, "# %s (%s)\n\n", m->body, m->body_short);
	if (m->title)
		put(&w, "## %s\n\n", m->title);
	put(&w, "Minutes of the meeting of %s held on %s", m->body,
	    m->date_long);
	if (m->times)
		put(&w, ", %s", m->times);
	if (m->venue)
		put(&w, " at %s", m->venue);
	put(&w, "\n\n");
	if (m->draft)
		put(&w, "*Draft: these minutes are not yet approved.*\n\n");
	if (!m->public_only && any_confidential(m))
		put(&w, "**Confidential: this copy is for members. It "
		        "includes items not for publication.**\n\n");
	if (m->webcast)
		put(&w,
		    "The webcast of the meeting can be viewed at:-\n\n<%s>\n\n",
		    m->webcast);
	put_people(&w, "Present:", m->present, m->npresent);
	put_people(&w, "In attendance:", m->in_attendance, m->nin_attendance);
	put_people(&w, "Apologies:", m->apologies, m->napologies);
	put_people(&w, "Absent:", m->absent, m->nabsent);
	for (size_t i = 0; i < m->nitems; i++)
		put_item(&w, &m->items[i]);
	for (size_t i = 0; i < m->nunplaced; i++)
		put_action(&w, m->unplaced[i]);
	if (m->next_meeting)
		put(&w, "Date of the next meeting: %s\n\n", m->next_meeting);
	for (size_t i = 0; i < m->nlog; i++)
		nlog += m->log[i].n;
	if (nlog > 0) {
		put(&w, "## Appendix One: action log as at %s\n\n",
		    m->date_short);
		for (size_t i = 0; i < m->nlog; i++)
			put_log_part(&w, &m->log[i]);
	}
	return w.rc;
}
