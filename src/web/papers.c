/*
 * papers: downloads of papers and the business unit's upload page (see
 * papers.h).
 *
 * A download is found through the domain's rule (GOV_SQL_SEES_PAPERS): a
 * paper the viewer may not see is 404, as one that does not exist, so its
 * existence is not told either. Its ETag is the file's SHA-256 (a version
 * never changes), so a browser asking again with If-None-Match gets 304
 * without the bytes. Only the public's answers may be kept by a shared
 * cache (Cache-Control: public): the public sees only the open papers of a
 * published agenda, which are for everyone; anyone signed in gets no-store
 * from the server, so a part-two or unpublished paper is never kept.
 */
#define _GNU_SOURCE /* strptime */
#include "web/papers.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "gov/item.h"
#include "gov/meeting.h"
#include "gov/pack.h"
#include "gov/paper.h"
#include "http/multipart.h"
#include "http/server.h"
#include "web/circulate.h"
#include "web/govuk.h"
#include "web/layout.h"

enum { NUMBER_MAX = 20, TITLE_MAX = 200 };

/* "Tue, 08 Dec 2026 00:03:25 GMT" from "2026-12-08T00:03:25Z". */
static const char *http_date(struct arena *a, const char *iso)
{
	struct tm tm = {0};
	char out[64];

	if (iso == NULL || strptime(iso, "%Y-%m-%dT%H:%M:%SZ", &tm) == NULL)
		return NULL;
	if (strftime(out, sizeof out, "%a, %d %b %Y %H:%M:%S GMT", &tm) == 0)
		return NULL;
	return arena_strdup(a, out);
}

/* "32 KB", "1.5 MB" */
static const char *size_text(struct arena *a, int64_t size)
{
	if (size < 1024)
		return arena_printf(a, "%lld bytes", (long long)size);
	if (size < 1024 * 1024)
		return arena_printf(a, "%lld KB",
		                    (long long)(size + 1023) / 1024);
	return arena_printf(a, "%.1f MB", (double)size / (1024.0 * 1024.0));
}

/* A file name safe in a quoted header value: ASCII, no quotes. */
static const char *disposition(struct arena *a, const char *name)
{
	char *safe = arena_strdup(a, name ? name : "paper");

	for (char *p = safe; *p; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f ||
		    *p == '"' || *p == '\\' || *p == ';')
			*p = '_';
	return arena_printf(a, "attachment; filename=\"%s\"", safe);
}

/*
 * Answers with a file (bytes, size) that does not change under its etag:
 * 304 when the browser has it (If-None-Match), else 200 with it as an
 * attachment called name. Public answers may be kept for five minutes;
 * signed in, the server answers no-store whatever is said here.
 */
static enum masa_err send_file(struct http_request *req, const char *etag,
                               const char *made_at, const char *media_type,
                               const char *name, const void *bytes, size_t size,
                               struct masa_error *err)
{
	const char *modified = http_date(&req->arena, made_at);
	const char *inm = http_header(req, "If-None-Match");

	http_add_header(req, "ETag", arena_printf(&req->arena, "\"%s\"", etag));
	if (modified != NULL)
		http_add_header(req, "Last-Modified", modified);
	http_add_header(req, "Cache-Control", "public, max-age=300");
	if (inm != NULL && strstr(inm, etag) != NULL)
		return http_respond_text(req, 304, media_type, "", 0, err);
	http_add_header(req, "Content-Disposition",
	                disposition(&req->arena, name));
	return http_respond_text(req, 200, media_type, bytes, size, err);
}

static enum masa_err send_version(struct http_request *req, int64_t paper,
                                  int64_t version, struct masa_error *err)
{
	struct gov_paper_version v;
	const void *bytes;
	enum masa_err rc;

	rc = gov_paper_file(&req->gov, &req->viewer, paper, version,
	                    &req->arena, &v, &bytes, err);
	if (rc == MASA_ERR_NOT_FOUND)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "There is no such paper, or it is not "
		                      "published yet.");
	if (rc != MASA_OK)
		return rc;
	return send_file(req, v.sha256, v.uploaded_at, v.media_type,
	                 v.file_name, bytes, (size_t)v.size, err);
}

static enum masa_err paper_download(struct http_request *req,
                                    struct masa_error *err)
{
	return send_version(req, http_param_long(req, "paper", 0), 0, err);
}

static enum masa_err paper_version_download(struct http_request *req,
                                            struct masa_error *err)
{
	return send_version(req, http_param_long(req, "paper", 0),
	                    http_param_long(req, "version", 0), err);
}

/* "20261208T003412Z" from "2026-12-08T00:34:12Z": when a pack was made. */
static const char *etag_time(struct arena *a, const char *made_at)
{
	char *t = arena_strdup(a, made_at ? made_at : "");
	char *o = t;

	for (const char *c = t; *c; c++)
		if (*c != '-' && *c != ':')
			*o++ = *c;
	*o = '\0';
	return t;
}

/*
 * The agenda pack (part_two false) or the part-two pack of the meeting in
 * the path, for those who may have it (gov_pack_allowed); 404 to others,
 * as for a meeting that does not exist.
 */
static enum masa_err send_pack(struct http_request *req, bool part_two,
                               struct masa_error *err)
{
	struct arena *a = &req->arena;
	const char *key = arena_printf(a, "%s/%s", http_param(req, "body"),
	                               http_param(req, "date"));
	struct gov_meeting m;
	struct gov_pack pk;
	struct masa_error why = {0};
	enum masa_err rc;

	rc = gov_meeting_find(&req->gov, req->partnership->id, key, a, &m,
	                      &why);
	if (rc == MASA_OK)
		rc = gov_pack_get(&req->gov, &req->viewer, m.id, part_two,
		                  GOV_PACK_BYTES, a, &pk, &why);
	if (rc == MASA_ERR_NOT_FOUND)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "There is no such pack, or it is not "
		                      "published yet.");
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	http_add_header(req, "X-Masa-Document", pk.made ? "made" : "kept");
	return send_file(
	        req,
	        arena_printf(a, "%.40s-%s", pk.made_from,
	                     etag_time(a, pk.made_at)),
	        pk.made_at, "application/pdf",
	        arena_printf(a, "%s-%s-%s.pdf", http_param(req, "body"),
	                     http_param(req, "date"),
	                     part_two ? "part-two-pack" : "agenda-pack"),
	        pk.bytes, (size_t)pk.size, err);
}

static enum masa_err agenda_pack(struct http_request *req,
                                 struct masa_error *err)
{
	return send_pack(req, false, err);
}

static enum masa_err part_two_pack(struct http_request *req,
                                   struct masa_error *err)
{
	return send_pack(req, true, err);
}

/* "Download the agenda pack (PDF, 24 pages)", if req's viewer may have it
 * and it has papers of its part. */
static void pack_link(struct html *h, struct http_request *req,
                      int64_t meeting_id, const char *meeting_href,
                      bool part_two)
{
	struct arena *a = &req->arena;
	struct masa_error err = {0};
	struct gov_pack pk;

	if (gov_pack_get(&req->gov, &req->viewer, meeting_id, part_two, 0, a,
	                 &pk, &err) != MASA_OK)
		return;
	html_open(h, "p", "class", "govuk-body masa-document-link", NULL);
	html_elem(h, "a",
	          arena_printf(a, "Download the %s pack (PDF, %lld %s)",
	                       part_two ? "part-two" : "agenda",
	                       (long long)pk.pages,
	                       pk.pages == 1 ? "page" : "pages"),
	          "href",
	          arena_printf(a, "%s/%s", meeting_href,
	                       part_two ? "part-two-pack.pdf" : "pack.pdf"),
	          "class", "govuk-link", "type", "application/pdf", "download",
	          "", NULL);
	html_close(h);
}

/* One paper's line: its link, kind, size, pages, version, circulation
 * (rows: what the viewer may see of the meeting's, web/circulate.h). */
static void paper_line(struct html *h, struct arena *a,
                       const struct gov_paper *p,
                       const struct gov_circulation_row *rows, size_t nrows)
{
	html_open(h, "li", NULL);
	html_elem(h, "a", p->title, "class", "govuk-link", "href",
	          arena_printf(a, "/papers/%lld", (long long)p->id), NULL);
	html_textf(h, " (%s", size_text(a, p->current.size));
	if (p->current.pages > 0)
		html_textf(h, ", %lld %s", (long long)p->current.pages,
		           p->current.pages == 1 ? "page" : "pages");
	if (p->current.version > 1)
		html_textf(h, ", version %lld", (long long)p->current.version);
	html_text(h, ")");
	if (p->confidential)
		html_text(h, " [part two]");
	circulation_lines(h, a, rows, nrows, "paper", p->id);
	html_close(h);
}

void papers_section(struct html *h, struct http_request *req,
                    int64_t meeting_id, const char *meeting_href)
{
	struct masa_error err = {0};
	struct gov_paper *papers = NULL;
	struct gov_circulation_row *rows = NULL;
	size_t n = 0, nrows = 0;
	bool admin = gov_may_administer(&req->viewer, req->partnership->id);

	if (gov_paper_list(&req->gov, &req->viewer, meeting_id, &req->arena,
	                   &papers, &n, &err) != MASA_OK)
		n = 0;
	/* Only what the viewer may see: the public sees none. */
	if (gov_circulation_record(&req->gov, &req->viewer, meeting_id, 0,
	                           &req->arena, &rows, &nrows, &err) != MASA_OK)
		nrows = 0;
	if (n == 0 && !admin)
		return;
	html_elem(h, "h2", "Papers", "class", "govuk-heading-m", "id", "papers",
	          NULL);
	if (n > 0) {
		bool open = false, part_two = false;
		html_open(h, "ul", "class", "govuk-list", NULL);
		for (size_t i = 0; i < n; i++) {
			paper_line(h, &req->arena, &papers[i], rows, nrows);
			open = open || !papers[i].confidential;
			part_two = part_two || papers[i].confidential;
		}
		html_close(h);
		if (open)
			pack_link(h, req, meeting_id, meeting_href, false);
		if (part_two)
			pack_link(h, req, meeting_id, meeting_href, true);
	} else {
		html_elem(h, "p", "No papers yet.", "class", "govuk-body",
		          NULL);
	}
	circulation_packs(h, &req->arena, rows, nrows);
	if (admin) {
		html_open(h, "p", "class", "govuk-body", NULL);
		html_elem(h, "a", "Upload and manage papers", "class",
		          "govuk-link", "href",
		          arena_printf(&req->arena, "%s/papers", meeting_href),
		          NULL);
		html_text(h, " ");
		html_elem(
		        h, "a", "Send papers", "class", "govuk-link", "href",
		        arena_printf(&req->arena, "%s/circulate", meeting_href),
		        NULL);
		html_text(h, " ");
		html_elem(h, "a", "Circulation", "class", "govuk-link", "href",
		          arena_printf(&req->arena, "%s/circulation",
		                       meeting_href),
		          NULL);
		html_close(h);
	}
}

/* The management page */

static const struct route_param download_params[] = {
        {.name = "paper",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = INT64_MAX / 2},
        {.name = NULL},
};
static const struct route_param version_params[] = {
        {.name = "paper",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = INT64_MAX / 2},
        {.name = "version",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = 1000000},
        {.name = NULL},
};
#define MEETING_PARAMS                                                       \
	{.name = "body", .where = ROUTE_IN_PATH, .check = ROUTE_SHORT_NAME}, \
	{                                                                    \
		.name = "date", .where = ROUTE_IN_PATH, .check = ROUTE_SLUG  \
	}
static const struct route_param pack_params[] = {
        MEETING_PARAMS,
        {.name = NULL},
};
static const struct route_param manage_params[] = {
        MEETING_PARAMS,
        {.name = "done",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_TEXT,
         .max = 20},
        {.name = NULL},
};
static const struct route_param upload_params[] = {
        MEETING_PARAMS,
        {.name = "title",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = TITLE_MAX},
        {.name = "item",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = NUMBER_MAX},
        {.name = "replace",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = INT64_MAX / 2},
        {.name = NULL},
};

enum masa_err papers_admin_meeting(struct http_request *req, const char *doing,
                                   struct gov_meeting *m,
                                   struct masa_error *err)
{
	const char *key =
	        arena_printf(&req->arena, "%s/%s", http_param(req, "body"),
	                     http_param(req, "date"));
	enum masa_err rc;

	if (!gov_may_administer(&req->viewer, req->partnership->id))
		return masa_error_set(err, MASA_ERR_DENIED,
		                      "Only the business unit can %s.", doing);
	rc = gov_meeting_find(&req->gov, req->partnership->id, key, &req->arena,
	                      m, err);
	if (rc == MASA_ERR_NOT_FOUND)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "There is no meeting %s.", key);
	return rc;
}

/* The page, with error (a message for field, or NULL) and what was typed. */
static enum masa_err manage_render(struct http_request *req,
                                   const struct gov_meeting *m, unsigned status,
                                   const char *field, const char *error,
                                   struct masa_error *err)
{
	struct arena *a = &req->arena;
	const char *href = arena_printf(a, "/meetings/%s", m->key);
	struct gov_paper *papers = NULL;
	struct gov_circulation_row *rows = NULL;
	size_t n = 0, nrows = 0;
	struct html h;
	enum masa_err rc;
	/* Breadcrumbs, not a back link: they are a landmark of their own. */
	const struct govuk_breadcrumb crumbs[] = {
	        {.content.text = "Home", .href = "/"},
	        {.content.text = "Meetings", .href = "/meetings"},
	        {.content.text = m->key, .href = href},
	        {.content.text = "Papers"},
	};

	rc = gov_paper_list(&req->gov, &req->viewer, m->id, a, &papers, &n,
	                    err);
	if (rc == MASA_OK)
		rc = gov_circulation_record(&req->gov, &req->viewer, m->id, 0,
		                            a, &rows, &nrows, err);
	if (rc != MASA_OK)
		return rc;
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(&h, req,
	           &(struct page){
	                   .title = error ? "Error: Papers" : "Papers",
	                   .section = PAGE_MEETINGS,
	                   .breadcrumbs =
	                           &(struct govuk_breadcrumbs){.items = crumbs,
	                                                       .n_items = 4},
	           });
	if (error != NULL) {
		const struct govuk_error_summary_item item = {
		        .href = arena_printf(a, "#%s", field),
		        .content.text = error};
		govuk_error_summary(&h,
		                    &(struct govuk_error_summary){
		                            .title.text = "There is a problem",
		                            .error_list = &item,
		                            .n_errors = 1});
	}
	if (http_param(req, "done") != NULL)
		govuk_notification_banner(
		        &h, &(struct govuk_notification_banner){
		                    .type = "success",
		                    .content.text = "Paper uploaded"});
	page_heading(&h, m->key, "Papers");
	if (n > 0) {
		page_table_wrap_begin(&h, "Papers of the meeting");
		html_open(&h, "table", "class", "govuk-table", NULL);
		html_elem(&h, "caption", "Papers of the meeting", "class",
		          "govuk-table__caption govuk-table__caption--m", NULL);
		html_open(&h, "thead", "class", "govuk-table__head", NULL);
		html_open(&h, "tr", "class", "govuk-table__row", NULL);
		html_elem(&h, "th", "Item", "class", "govuk-table__header",
		          "scope", "col", NULL);
		html_elem(&h, "th", "Paper", "class", "govuk-table__header",
		          "scope", "col", NULL);
		html_elem(&h, "th", "File", "class", "govuk-table__header",
		          "scope", "col", NULL);
		html_elem(&h, "th", "Versions", "class", "govuk-table__header",
		          "scope", "col", NULL);
		html_elem(&h, "th", "Sent", "class", "govuk-table__header",
		          "scope", "col", NULL);
		html_close_to(&h, "thead");
		html_open(&h, "tbody", "class", "govuk-table__body", NULL);
		for (size_t i = 0; i < n; i++) {
			const struct gov_paper *p = &papers[i];
			html_open(&h, "tr", "class", "govuk-table__row", NULL);
			/* data-label: the column's header, shown before
			 * each cell when a phone stacks the row. */
			html_elem(&h, "td",
			          p->item_number ? p->item_number : "Meeting",
			          "class", "govuk-table__cell", "data-label",
			          "Item", NULL);
			html_open(&h, "td", "class", "govuk-table__cell",
			          "data-label", "Paper", NULL);
			html_elem(&h, "a", p->title, "class", "govuk-link",
			          "href",
			          arena_printf(a, "/papers/%lld",
			                       (long long)p->id),
			          NULL);
			if (p->confidential)
				html_text(&h, " (part two)");
			html_close(&h);
			html_open(&h, "td", "class", "govuk-table__cell",
			          "data-label", "File", NULL);
			html_textf(&h, "%s, %s", p->current.file_name,
			           size_text(a, p->current.size));
			if (p->current.pages > 0)
				html_textf(&h, ", %lld %s",
				           (long long)p->current.pages,
				           p->current.pages == 1 ? "page"
				                                 : "pages");
			html_close(&h);
			html_open(&h, "td", "class", "govuk-table__cell",
			          "data-label", "Versions", NULL);
			for (int64_t v = p->current.version; v >= 1; v--) {
				html_elem(
				        &h, "a",
				        arena_printf(a, "%lld", (long long)v),
				        "class", "govuk-link", "href",
				        arena_printf(
				                a, "/papers/%lld/versions/%lld",
				                (long long)p->id, (long long)v),
				        "aria-label",
				        arena_printf(a, "%s, version %lld",
				                     p->title, (long long)v),
				        NULL);
				if (v > 1)
					html_text(&h, " ");
			}
			html_close(&h);
			html_open(&h, "td", "class", "govuk-table__cell",
			          "data-label", "Sent", NULL);
			if (p->sent_on == NULL)
				html_text(&h, "Not sent. ");
			circulation_lines(&h, a, rows, nrows, "paper", p->id);
			html_elem(
			        &h, "a", "Send", "class", "govuk-link", "href",
			        arena_printf(a, "%s/circulate?what=paper-%lld",
			                     href, (long long)p->id),
			        "aria-label",
			        arena_printf(a, "Send %s", p->title), NULL);
			html_close(&h);
			html_close(&h);
		}
		html_close_to(&h, "table");
		html_close_to(&h, "div");
	}
	html_elem(&h, "h2", "Upload a paper", "class", "govuk-heading-m", NULL);
	html_open(&h, "form", "method", "post", "action",
	          arena_printf(a, "%s/papers", href), "enctype",
	          "multipart/form-data", "novalidate", "", NULL);
	html_void(&h, "input", "type", "hidden", "name", "csrf", "value",
	          req->csrf_token ? req->csrf_token : "", NULL);
	{
		const struct govuk_hint file_hint = {
		        .content.text = arena_printf(
		                a,
		                "PDF, Word, Excel, PowerPoint, OpenDocument or "
		                "text, at most %zu MB, without macros or a "
		                "password",
		                gov_paper_max_bytes() / (1024 * 1024))};
		const struct govuk_error_message file_error = {.content.text =
		                                                       error};
		govuk_input(&h,
		            &(struct govuk_input){
		                    .name = "file",
		                    .type = "file",
		                    .field = {
		                            .label.content.text = "File",
		                            .hint = &file_hint,
		                            .error_message =
		                                    field && strcmp(field,
		                                                    "file") == 0
		                                            ? &file_error
		                                            : NULL,
		                    }});
		govuk_input(&h, &(struct govuk_input){
		                        .name = "title",
		                        .value = http_param(req, "title"),
		                        .field = {.label.content.text =
		                                          "Title (optional)"}});
		govuk_input(
		        &h,
		        &(struct govuk_input){
		                .name = "item",
		                .value = http_param(req, "item"),
		                .classes = "govuk-input--width-5",
		                .field = {
		                        .label.content.text =
		                                "Agenda item number (optional)",
		                        .error_message =
		                                field && strcmp(field,
		                                                "item") == 0
		                                        ? &file_error
		                                        : NULL}});
	}
	govuk_button(&h, &(struct govuk_button){.content.text = "Upload"});
	html_close_to(&h, "form");
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

static enum masa_err manage_page(struct http_request *req,
                                 struct masa_error *err)
{
	struct gov_meeting m;
	enum masa_err rc = papers_admin_meeting(req, "change papers", &m, err);

	return rc ? rc : manage_render(req, &m, 200, NULL, NULL, err);
}

static enum masa_err upload(struct http_request *req, struct masa_error *err)
{
	struct gov_meeting m;
	struct gov_item it = {0};
	struct masa_error why = {0};
	const struct multipart_part *file = NULL;
	const char *number = http_param(req, "item");
	int64_t replace = http_param_long(req, "replace", 0);
	int64_t id = 0, version = 0;
	enum masa_err rc;

	if ((rc = papers_admin_meeting(req, "change papers", &m, err)))
		return rc;
	for (size_t i = 0; i < req->nuploads; i++)
		if (strcmp(req->uploads[i].name, "file") == 0)
			file = &req->uploads[i];
	if (file == NULL || file->size == 0)
		return manage_render(req, &m, 400, "file",
		                     "Choose the file of the paper", err);
	if (number != NULL &&
	    gov_item_find(&req->gov, &req->viewer, m.id, number, &req->arena,
	                  &it, &why) != MASA_OK)
		return manage_render(req, &m, 400, "item",
		                     arena_printf(&req->arena,
		                                  "The agenda has no item %s",
		                                  number),
		                     err);
	if (replace != 0)
		rc = gov_paper_replace(&req->gov, replace, file->filename,
		                       file->data, file->size, &version, &why);
	else
		rc = gov_paper_add(&req->gov, m.id, it.id,
		                   http_param(req, "title"), file->filename,
		                   file->data, file->size, &id, &why);
	if (rc == MASA_ERR_INVALID || rc == MASA_ERR_LIMIT ||
	    rc == MASA_ERR_NOT_FOUND) {
		/* "file: the PDF is encrypted..." as "agenda.pdf: the PDF
		 * is...", naming the file chosen. */
		const char *msg = why.message;
		if (strncmp(msg, "file: ", 6) == 0)
			msg = arena_printf(&req->arena, "%s: %s",
			                   file->filename && *file->filename
			                           ? file->filename
			                           : "The file",
			                   msg + 6);
		return manage_render(req, &m, 400, "file", msg, err);
	}
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	return http_respond_redirect(
	        req,
	        arena_printf(&req->arena, "/meetings/%s/papers?done=1", m.key),
	        err);
}

const struct route papers_routes[] = {
        /* The public's downloads are kept in the page cache (a version
         * never changes; a new one moves the data generation on). */
        {"GET", "/papers/{paper}", download_params, GOV_ROLE_PUBLIC,
         paper_download, .cache = true},
        {"GET", "/papers/{paper}/versions/{version}", version_params,
         GOV_ROLE_PUBLIC, paper_version_download, .cache = true},
        {"GET", "/meetings/{body}/{date}/pack.pdf", pack_params,
         GOV_ROLE_PUBLIC, agenda_pack},
        {"GET", "/meetings/{body}/{date}/part-two-pack.pdf", pack_params,
         GOV_ROLE_PUBLIC, part_two_pack},
        {"GET", "/meetings/{body}/{date}/papers", manage_params, GOV_ROLE_ADMIN,
         manage_page},
        {"POST", "/meetings/{body}/{date}/papers", upload_params,
         GOV_ROLE_ADMIN, upload},
        {0},
};
