/*
 * child_deaths (API): the panel's cases as JSON (docs/api.md): GET
 * /api/v1/child-deaths (the cases the caller may see, with the page's
 * filters), GET /api/v1/child-deaths/{ref} (audited as read), POST to
 * record one and PATCH to change one (the panel's members and its
 * business unit). Who sees what is the domain's (assure/child_death.h).
 */
#include <string.h>

#include "api/child_deaths.h"

#include "api/api.h"
#include "assure/assure.h"
#include "assure/child_death.h"
#include "http/server.h"

static const char *const statuses[] = {"reviewed", "awaiting", NULL};

static const struct route_param list_params[] = {
        {.name = "limit",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = API_LIMIT_MAX},
        {.name = "cursor",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_INTEGER,
         .min = 0,
         .max = API_CURSOR_MAX},
        {.name = "partnership",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_SLUG,
         .max = 60},
        {.name = "year",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_INTEGER,
         .min = 1900,
         .max = 2999},
        {.name = "status",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_ENUM,
         .choices = statuses},
        {.name = "category",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_INTEGER,
         .min = 1,
         .max = CHILD_DEATH_CATEGORIES},
        {.name = "theme",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_SLUG,
         .max = 40},
        {.name = "from", .where = ROUTE_IN_QUERY, .check = ROUTE_DATE},
        {.name = "to", .where = ROUTE_IN_QUERY, .check = ROUTE_DATE},
        {.name = NULL},
};

static const struct route_param case_params[] = {
        {.name = "ref",
         .where = ROUTE_IN_PATH,
         .check = ROUTE_TEXT,
         .max = ASSURE_REFERENCE_MAX},
        {.name = NULL},
};

static enum masa_err api_child_deaths(struct http_request *req,
                                      struct masa_error *err)
{
	struct child_death_filter f = {0};
	struct api_page page;
	struct child_death *list;
	size_t n;
	long total;
	json_t *data;
	enum masa_err rc;

	api_page_of(req, &page);
	if (http_param(req, "partnership") != NULL) {
		struct gov_partnership p;

		f.partnership_id =
		        gov_partnership_find(&req->gov,
		                             http_param(req, "partnership"),
		                             &req->arena, &p, NULL) == MASA_OK
		                ? p.id
		                : -1;
	}
	f.year = (int)http_param_long(req, "year", 0);
	if (http_param(req, "status") != NULL)
		f.status = strcmp(http_param(req, "status"), "reviewed") == 0
		                   ? 1
		                   : 2;
	f.category = (int)http_param_long(req, "category", 0);
	f.theme = http_param(req, "theme");
	f.from = http_param(req, "from");
	f.to = http_param(req, "to");
	f.limit = page.limit;
	f.offset = page.cursor;
	if ((rc = child_death_list(&req->gov, &req->viewer, &f, &req->arena,
	                           &list, &n, &total, err)) != MASA_OK)
		return rc;
	/* Each case given is read: a view in the audit log, with its reader. */
	for (size_t i = 0; i < n; i++)
		if ((rc = assure_audit_view(&req->gov, "child_death",
		                            list[i].id, err)) != MASA_OK)
			return rc;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(data,
		                      child_death_to_json(&list[i], NULL, 0));
	return api_respond_page(req, data, page.cursor + (long)n < total,
	                        page.cursor + (long)n, err);
}

/* The case as the answer: with its actions. */
static enum masa_err respond_case(struct http_request *req, unsigned status,
                                  int64_t id, struct masa_error *err)
{
	struct child_death cd;
	char **actions;
	size_t nactions;
	enum masa_err rc;

	if ((rc = child_death_get(&req->gov, &req->viewer, id, &req->arena, &cd,
	                          err)) != MASA_OK ||
	    (rc = child_death_actions(&req->gov, cd.id, &req->arena, &actions,
	                              &nactions, err)) != MASA_OK ||
	    (rc = assure_audit_view(&req->gov, "child_death", cd.id, err)) !=
	            MASA_OK)
		return rc;
	return http_respond_json(
	        req, status, child_death_to_json(&cd, actions, nactions), err);
}

static enum masa_err api_child_death(struct http_request *req,
                                     struct masa_error *err)
{
	struct child_death cd;
	enum masa_err rc;
	if ((rc = child_death_find(&req->gov, &req->viewer,
	                           http_param(req, "ref"), &req->arena, &cd,
	                           err)) != MASA_OK)
		return rc;
	return respond_case(req, 200, cd.id, err);
}

/* The request's JSON object (duplicate members refused); new reference. */
static enum masa_err body_object(struct http_request *req, json_t **out,
                                 struct masa_error *err)
{
	json_error_t jerr;

	*out = req->body ? json_loadb(req->body, req->body_len,
	                              JSON_REJECT_DUPLICATES, &jerr)
	                 : NULL;
	if (*out == NULL || !json_is_object(*out)) {
		json_decref(*out);
		*out = NULL;
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "the request's body must be one JSON "
		                      "object (a case)");
	}
	return MASA_OK;
}

static enum masa_err api_child_death_add(struct http_request *req,
                                         struct masa_error *err)
{
	struct child_death cd = {0};
	struct child_death_panel *panels;
	size_t npanels;
	const char *panel = NULL;
	json_t *o, *p;
	enum masa_err rc;

	if ((rc = body_object(req, &o, err)) != MASA_OK)
		return rc;
	if ((rc = child_death_panels(&req->gov, &req->viewer, &req->arena,
	                             &panels, &npanels, err)) != MASA_OK)
		goto out;
	p = json_object_get(o, "panel");
	if (p != NULL && !json_is_string(p)) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "panel: give the panel's short name");
		goto out;
	}
	panel = p ? json_string_value(p) : NULL;
	for (size_t i = 0; i < npanels && cd.panel_body_id == 0; i++)
		if (panel == NULL || strcmp(panels[i].short_name, panel) == 0) {
			cd.panel_body_id = panels[i].id;
			cd.partnership_id = panels[i].partnership_id;
		}
	if (cd.panel_body_id == 0) {
		rc = masa_error_set(err, MASA_ERR_DENIED,
		                    "panel: you record the cases of no such "
		                    "panel: nothing was stored");
		goto out;
	}
	if ((rc = child_death_from_json(&req->gov, o, &req->arena, &cd, err)) ==
	            MASA_OK &&
	    (rc = child_death_create(&req->gov, &cd, err)) == MASA_OK)
		rc = respond_case(req, 201, cd.id, err);
out:
	json_decref(o);
	return rc;
}

static enum masa_err api_child_death_change(struct http_request *req,
                                            struct masa_error *err)
{
	struct child_death cd;
	json_t *o = NULL;
	enum masa_err rc;
	if ((rc = child_death_find(&req->gov, &req->viewer,
	                           http_param(req, "ref"), &req->arena, &cd,
	                           err)) != MASA_OK)
		return rc;
	if (!child_death_may_change(&req->gov, &req->viewer, cd.panel_body_id))
		return masa_error_set(err, MASA_ERR_DENIED,
		                      "only the panel's members and its "
		                      "business unit change its cases: nothing "
		                      "was stored");
	if ((rc = body_object(req, &o, err)) != MASA_OK)
		return rc;
	cd.version = 0;
	if (json_object_get(o, "panel") != NULL)
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "panel: a case stays with its panel");
	if (rc == MASA_OK)
		rc = child_death_from_json(&req->gov, o, &req->arena, &cd, err);
	if (rc == MASA_OK)
		rc = child_death_update(&req->gov, &cd, err);
	if (rc == MASA_OK)
		rc = respond_case(req, 200, cd.id, err);
	json_decref(o);
	return rc;
}

const struct route api_child_deaths_routes[] = {
        {"GET", "/api/v1/child-deaths", list_params, GOV_ROLE_MEMBER,
         api_child_deaths},
        {"POST", "/api/v1/child-deaths", NULL, GOV_ROLE_MEMBER,
         api_child_death_add},
        {"GET", "/api/v1/child-deaths/{ref}", case_params, GOV_ROLE_MEMBER,
         api_child_death},
        {"PATCH", "/api/v1/child-deaths/{ref}", case_params, GOV_ROLE_MEMBER,
         api_child_death_change},
        {0},
};
