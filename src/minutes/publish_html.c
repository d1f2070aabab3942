/*
 * publish_html: the minutes as one standalone HTML document (a file to
 * download, circulate or put on a website, with its own small print
 * stylesheet), written through the typed HTML writer so that every stored
 * string is escaped. Minutes are Markdown, rendered as the pages render
 * them (web/markdown.h: cmark in its safe mode).
 */
#include <stdlib.h>
#include <string.h>

#include "minutes/publish.h"
#include "web/html.h"
#include "web/markdown.h"

static const char stylesheet[] =
        "body{font-family:\"Liberation Sans\",Arial,Helvetica,sans-serif;"
        "font-size:11pt;line-height:1.4;max-width:48em;margin:2em auto;"
        "padding:0 1em;color:#000}"
        "h1{font-size:1.6em;margin-bottom:.2em}"
        "h2{font-size:1.25em;margin-top:2em}"
        "h3{font-size:1.05em;margin:1.6em 0 .4em}"
        "h3.sub{margin-left:1.2em}"
        "table{border-collapse:collapse;width:100%;margin:.4em 0 1em}"
        "th,td{border:1px solid #999;padding:.25em .4em;text-align:left;"
        "vertical-align:top}"
        "th{background:#e6e6e6}"
        ".confidential{color:#a00000;font-style:italic}"
        ".note{font-style:italic}"
        ".banner{font-weight:bold;border:2px solid #a00000;padding:.4em}"
        "@page{size:A4;margin:20mm}"
        "@media print{body{margin:0;max-width:none}"
        "tr,h3{page-break-inside:avoid}h3{page-break-after:avoid}"
        ".appendix{page-break-before:always}}";

static void people(struct html *h, const char *heading,
                   const struct publish_person *list, size_t n)
{
	if (n == 0)
		return;
	html_elem(h, "h2", heading, NULL);
	html_open(h, "table", "class", "attendance", NULL);
	for (size_t i = 0; i < n; i++) {
		const struct publish_person *p = &list[i];
		html_open(h, "tr", NULL);
		html_open(h, "td", NULL);
		if (p->represented_by)
			html_textf(h, "%s representing %s", p->represented_by,
			           p->name);
		else
			html_text(h, p->name);
		if (p->role)
			html_textf(h, " – %s", p->role);
		html_close(h);
		html_open(h, "td", NULL);
		html_text(h, p->job);
		if (p->note)
			html_textf(h, "%s(%s)", p->job ? " " : "", p->note);
		html_close(h);
		html_close(h);
	}
	html_close(h);
}

static void action(struct html *h, const struct publish_action *a)
{
	html_open(h, "p", "class", "action", NULL);
	html_elem(h, "strong", "Action:", NULL);
	html_textf(h, " %s – %s – action %ld", a->initials,
	           a->details ? a->details : "", a->number);
	html_close(h);
}

static void item(struct html *h, const struct publish_item *it)
{
	size_t n = strlen(it->number);
	bool whole = n > 0 && strspn(it->number, "0123456789") == n;

	html_open(h, "section", "class", "item", NULL);
	html_open(h, "h3", "class", it->depth ? "sub" : NULL, NULL);
	html_textf(h, "%s%s %s", it->number, whole ? "." : "", it->title);
	html_close(h);
	if (it->confidential)
		html_elem(h, "p",
		          "Confidential: press and public excluded; not for "
		          "publication.",
		          "class", "confidential", NULL);
	for (size_t i = 0; i < it->nnotes; i++)
		html_elem(h, "p", it->notes[i], "class", "note", NULL);
	if (it->deferred_to) {
		html_open(h, "p", NULL);
		html_textf(h, "Deferred to the meeting on %s.",
		           it->deferred_to);
		html_close(h);
	}
	if (it->withdrawn)
		html_elem(h, "p", "Withdrawn.", NULL);
	if (it->minutes)
		markdown_write(h, it->minutes, 4); /* under the item's <h3> */
	for (size_t i = 0; i < it->nresolutions; i++) {
		const struct publish_resolution *r = &it->resolutions[i];
		html_open(h, "p", "class", "resolution", NULL);
		html_open(h, "strong", NULL);
		if (i == 0)
			html_text(h, "Resolved: ");
		if (it->nresolutions > 1)
			html_textf(h, "(%ld) ", r->number);
		html_text(h, r->text);
		html_close(h);
		html_close(h);
	}
	for (size_t i = 0; i < it->nactions; i++)
		action(h, it->actions[i]);
	html_close(h);
}

static void log_part(struct html *h, const struct publish_log_part *part)
{
	static const char *const headings[] = {"No.", "Owner", "Details",
	                                       "Update", "Status"};

	if (part->n == 0)
		return;
	html_elem(h, "h3", part->title, NULL);
	html_open(h, "table", "class", "action-log", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	for (size_t i = 0; i < 5; i++)
		html_elem(h, "th", headings[i], "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < part->n; i++) {
		const struct publish_action *a = &part->actions[i];
		html_open(h, "tr", NULL);
		html_open(h, "td", NULL);
		html_textf(h, "%ld.", a->number);
		html_close(h);
		html_elem(h, "td", a->owners, NULL);
		html_open(h, "td", NULL);
		if (a->confidential)
			html_elem(h, "span", "(Confidential) ", "class",
			          "confidential", NULL);
		html_text(h, a->details);
		html_close(h);
		html_open(h, "td", NULL);
		/* one update per line */
		for (const char *p = a->update; p && *p;) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			html_textf(h, "%.*s", (int)len, p);
			if (nl)
				html_void(h, "br", NULL);
			p += len + (nl ? 1 : 0);
		}
		html_close(h);
		html_elem(h, "td", a->status, NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static bool any_confidential(const struct publish_meeting *m)
{
	for (size_t i = 0; i < m->nitems; i++)
		if (m->items[i].confidential)
			return true;
	return false;
}

enum masa_err publish_html(const struct publish_meeting *m, struct buf *out,
                           struct masa_error *err)
{
	struct html h;
	const char *doc;
	size_t len, nlog = 0;
	enum masa_err rc;

	html_init(&h, PUBLISH_MAX_BYTES);
	html_raw_trusted(&h, "<!DOCTYPE html>\n");
	html_open(&h, "html", "lang", "en-GB", NULL);
	html_open(&h, "head", NULL);
	html_void(&h, "meta", "charset", "utf-8", NULL);
	html_void(&h, "meta", "name", "viewport", "content",
	          "width=device-width, initial-scale=1", NULL);
	html_void(&h, "meta", "name", "author", "content", m->partnership,
	          NULL);
	html_void(&h, "meta", "name", "date", "content", m->date, NULL);
	html_open(&h, "title", NULL);
	html_textf(&h, "Minutes: %s, %s", m->body, m->date_long);
	html_close(&h);
	/* masa's own stylesheet: text in <style> is not escaped by browsers */
	html_open(&h, "style", NULL);
	html_raw_trusted(&h, stylesheet);
	html_close(&h);
	html_close(&h);
	html_open(&h, "body", NULL);
	html_open(&h, "header", NULL);
	html_open(&h, "h1", NULL);
	html_textf(&h, "%s (%s)", m->body, m->body_short);
	html_close(&h);
	if (m->title)
		html_elem(&h, "p", m->title, "class", "title", NULL);
	html_open(&h, "p", "class", "meeting", NULL);
	html_textf(&h, "Minutes of the meeting of %s held on %s%s%s%s%s",
	           m->body, m->date_long, m->times ? ", " : "",
	           m->times ? m->times : "", m->venue ? " at " : "",
	           m->venue ? m->venue : "");
	html_close(&h);
	if (m->draft)
		html_elem(&h, "p", "Draft: these minutes are not yet approved.",
		          "class", "note", NULL);
	if (!m->public_only && any_confidential(m))
		html_elem(&h, "p",
		          "Confidential: this copy is for members. It includes "
		          "items not for publication.",
		          "class", "banner", NULL);
	html_close(&h);
	html_open(&h, "main", NULL);
	people(&h, "Present:", m->present, m->npresent);
	people(&h, "In attendance:", m->in_attendance, m->nin_attendance);
	people(&h, "Apologies:", m->apologies, m->napologies);
	people(&h, "Absent:", m->absent, m->nabsent);
	if (m->webcast) {
		html_open(&h, "p", NULL);
		html_text(&h, "The webcast of the meeting can be viewed at: ");
		html_elem(&h, "a", m->webcast, "href", m->webcast, NULL);
		html_close(&h);
	}
	for (size_t i = 0; i < m->nitems; i++)
		item(&h, &m->items[i]);
	for (size_t i = 0; i < m->nunplaced; i++)
		action(&h, m->unplaced[i]);
	if (m->next_meeting) {
		html_open(&h, "p", "class", "next-meeting", NULL);
		html_elem(&h, "strong", "Date of the next meeting:", NULL);
		html_textf(&h, " %s", m->next_meeting);
		html_close(&h);
	}
	for (size_t i = 0; i < m->nlog; i++)
		nlog += m->log[i].n;
	if (nlog > 0) {
		html_open(&h, "section", "class", "appendix", NULL);
		html_open(&h, "h2", NULL);
		html_textf(&h, "Appendix One: action log as at %s",
		           m->date_short);
		html_close(&h);
		for (size_t i = 0; i < m->nlog; i++)
			log_part(&h, &m->log[i]);
		html_close(&h);
	}
	html_close(&h);
	html_close(&h);
	html_close(&h);
	rc = html_finish(&h, &doc, &len, err);
	if (rc == MASA_OK)
		rc = buf_append(out, doc, len, err);
	html_free(&h);
	return rc;
}
