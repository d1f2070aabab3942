/*
 * documents: see documents.h. The PDF is always the public copy: it leaves
 * out every part-two item as the public's viewer does (publish_read with
 * public_only), so it is the same file for everyone who may read the
 * published minutes, and nobody may download it before they are published
 * (a member reads the draft on the meeting's page instead).
 */
#include "web/documents.h"

#include <string.h>

#include "gov/meeting.h"
#include "http/server.h"
#include "minutes/publish.h"

static const struct route_param minutes_pdf_params[] = {
        {.name = "body", .where = ROUTE_IN_PATH, .check = ROUTE_SHORT_NAME},
        {.name = "date", .where = ROUTE_IN_PATH, .check = ROUTE_SLUG},
        {.name = NULL},
};

/* The public's viewer, with the bodies that serve req's partnership. */
static void public_viewer(const struct http_request *req,
                          struct gov_viewer *out)
{
	gov_viewer_public(out, req->partnership->id);
	out->served_bodies = req->viewer.served_bodies;
	out->nserved_bodies = req->viewer.nserved_bodies;
}

void documents_minutes_link(struct html *h, struct http_request *req,
                            const struct gov_meeting *m)
{
	struct arena *a = &req->arena;
	struct gov_viewer public;
	struct masa_error err = {0};
	int64_t bytes;
	const char *size;

	public_viewer(req, &public);
	if (!gov_may_see_minutes(&public, m))
		return;
	bytes = publish_public_pdf_size(&req->gov, m->id);
	if (bytes == 0) {
		const char *pdf;
		size_t len;
		bool made;
		if (publish_public_pdf(&req->gov, m->partnership_id, m->key, a,
		                       &pdf, &len, &made, &err) == MASA_OK)
			bytes = (int64_t)len;
	}
	size = bytes >= 1024 * 1024
	               ? arena_printf(a, "PDF, %.1f MB",
	                              (double)bytes / (1024.0 * 1024.0))
	       : bytes > 0 ? arena_printf(a, "PDF, %lld KB",
	                                  (long long)((bytes + 1023) / 1024))
	                   : "PDF";
	html_open(h, "p", "class", "govuk-body masa-document-link", NULL);
	html_elem(h, "a", arena_printf(a, "Download the minutes (%s)", size),
	          "href", arena_printf(a, "/meetings/%s/minutes.pdf", m->key),
	          "class", "govuk-link", "type", "application/pdf", "download",
	          "", NULL);
	html_close(h);
}

enum masa_err documents_minutes_pdf(struct http_request *req,
                                    struct masa_error *err)
{
	struct arena *a = &req->arena;
	const char *key = arena_printf(a, "%s/%s", http_param(req, "body"),
	                               http_param(req, "date"));
	struct gov_viewer public;
	struct gov_meeting m;
	const char *pdf;
	size_t len;
	bool made;
	enum masa_err rc;

	rc = gov_meeting_find_seen(&req->gov, req->partnership->id, key, a, &m,
	                           err);
	if (rc == MASA_ERR_NOT_FOUND)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "There is no meeting %s. Check the "
		                      "body's short name and the date.",
		                      key);
	if (rc != MASA_OK)
		return rc;
	/* The public copy, for readers who may see it: the public may see
	 * the minutes, and so may this reader. */
	public_viewer(req, &public);
	if (!gov_may_see_minutes(&public, &m) ||
	    !gov_may_see_minutes(&req->viewer, &m))
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "The minutes of this meeting are not "
		                      "yet published.");
	rc = publish_public_pdf(&req->gov, m.partnership_id, m.key, a, &pdf,
	                        &len, &made, err);
	if (rc == MASA_ERR_DENIED)
		return masa_error_set(err, MASA_ERR_NOT_FOUND,
		                      "The minutes of this meeting are not "
		                      "yet published.");
	if (rc != MASA_OK)
		return rc;
	http_add_header(
	        req, "Content-Disposition",
	        arena_printf(a, "inline; filename=\"%s-%s-minutes.pdf\"",
	                     http_param(req, "body"), http_param(req, "date")));
	http_add_header(req, "X-Masa-Document", made ? "made" : "kept");
	return http_respond_text(req, 200, "application/pdf", pdf, len, err);
}

const struct route documents_routes[] = {
        {"GET", "/meetings/{body}/{date}/minutes.pdf", minutes_pdf_params,
         GOV_ROLE_PUBLIC, documents_minutes_pdf},
        {0},
};
