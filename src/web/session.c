/*
 * session: identifying each request, CSRF checks, sign-in and sign-out
 * (see session.h).
 */
#include "web/session.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "gov/account.h"
#include "http/server.h"
#include "web/layout.h"

enum { COOKIE_MAX = 200 };

bool session_token_matches(const char *given, const char *real)
{
	size_t n;

	if (given == NULL || real == NULL || real[0] == '\0')
		return false;
	n = strlen(real);
	return n == strlen(given) && sodium_memcmp(given, real, n) == 0;
}

static enum masa_err by_bearer(struct http_request *req, const char *token,
                               struct masa_error *err)
{
	struct gov_account *acc = arena_alloc(&req->arena, sizeof *acc);
	struct gov_token tok;
	struct masa_error why = {0};
	enum masa_err rc;

	rc = gov_token_lookup(&req->gov, token, &req->arena, acc, &tok, &why);
	if (rc == MASA_ERR_NOT_FOUND || rc == MASA_ERR_INVALID)
		return masa_error_set(err, MASA_ERR_UNKNOWN_USER,
		                      "%s: ask the business unit for a new one "
		                      "(`masa token create`).",
		                      why.message);
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	if (acc->partnership_id != req->partnership->id)
		return masa_error_set(err, MASA_ERR_DENIED,
		                      "The API token is for another "
		                      "partnership.");
	if (tok.read_only && strcmp(req->method, "GET") != 0 &&
	    strcmp(req->method, "HEAD") != 0)
		return masa_error_set(
		        err, MASA_ERR_DENIED,
		        "The API token \"%s\" only reads: "
		        "nothing was changed. Changes need a token "
		        "made without --read-only.",
		        tok.name);
	gov_viewer_of(&req->viewer, acc);
	req->account = acc;
	req->by_token = true;
	return MASA_OK;
}

enum masa_err session_identify(struct http_request *req, struct masa_error *err)
{
	const char *auth = http_header(req, "Authorization");
	const char *cookie = http_cookie(req, SESSION_COOKIE);
	bool stale = false;
	enum masa_err rc;

	if (auth != NULL) {
		if (strncasecmp(auth, "Bearer ", 7) != 0)
			return masa_error_set(
			        err, MASA_ERR_UNKNOWN_USER,
			        "Send the API token as "
			        "\"Authorization: Bearer TOKEN\".");
		return by_bearer(req, auth + 7, err);
	}
	if (cookie != NULL && cookie[0] != '\0') {
		struct gov_account *acc = arena_alloc(&req->arena, sizeof *acc);
		char *csrf = NULL;
		rc = gov_session_lookup(&req->gov, cookie, &req->arena, acc,
		                        &csrf, err);
		if (rc == MASA_OK &&
		    acc->partnership_id == req->partnership->id) {
			gov_viewer_of(&req->viewer, acc);
			req->account = acc;
			req->csrf_token = csrf;
		} else if (rc == MASA_OK || rc == MASA_ERR_NOT_FOUND ||
		           rc == MASA_ERR_INVALID) {
			stale = true;
		} else {
			return rc;
		}
	}
	if (strcmp(req->method, "POST") != 0)
		return MASA_OK;
	/* Every POST from a browser proves it came from masa's own form. */
	if (strcmp(req->route->path, "/sign-in") == 0) {
		if (!session_token_matches(req->csrf_given,
		                           http_cookie(req, SIGN_IN_COOKIE)))
			return masa_error_set(
			        err, MASA_ERR_DENIED,
			        "The sign-in form had expired. Go "
			        "back, reload the page and sign in "
			        "again.");
		return MASA_OK;
	}
	if (req->account == NULL && strncmp(req->path, "/api/", 5) == 0)
		return masa_error_set(
		        err, MASA_ERR_UNKNOWN_USER,
		        "Send an API token as \"Authorization: "
		        "Bearer TOKEN\" (make one with `masa token "
		        "create`).");
	if (req->account == NULL)
		return masa_error_set(
		        err, MASA_ERR_DENIED,
		        stale ? "Your session has ended, so "
		                "nothing was saved. Sign in again, "
		                "then repeat what you were doing."
		              : "Sign in first: nothing was saved.");
	if (!session_token_matches(req->csrf_given, req->csrf_token))
		return masa_error_set(err, MASA_ERR_DENIED,
		                      "This form is out of date (it was opened "
		                      "before you last signed in), so nothing "
		                      "was saved. Go back, reload the page and "
		                      "try again.");
	return MASA_OK;
}

const struct route_param session_sign_in_params[] = {
        {.name = "username",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = 200},
        {.name = "password",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = ACCOUNT_PASSWORD_MAX},
        {.name = "next",
         .where = ROUTE_IN_QUERY,
         .check = ROUTE_TEXT,
         .max = ROUTE_PATH_MAX},
        {.name = "next",
         .where = ROUTE_IN_FORM,
         .check = ROUTE_TEXT,
         .max = ROUTE_PATH_MAX},
        {.name = NULL},
};

/* A path on this site to go to after signing in, else "/". */
static const char *next_path(const struct http_request *req)
{
	const char *next = http_param(req, "next");

	if (next == NULL || next[0] != '/' || next[1] == '/' ||
	    next[1] == '\\' || strncmp(next, "/sign-", 6) == 0 ||
	    strncmp(next, "/api/", 5) == 0 || !html_url_safe(next))
		return "/";
	return next;
}

static void set_cookie(struct http_request *req, const char *name,
                       const char *value, long max_age)
{
	char line[COOKIE_MAX];

	snprintf(line, sizeof line,
	         "%s=%s; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=%ld",
	         name, value, max_age);
	http_add_header(req, "Set-Cookie", line);
}

/* The sign-in page, with message (an error) when the last try failed. */
static enum masa_err sign_in_form(struct http_request *req, unsigned status,
                                  const char *message, struct masa_error *err)
{
	char form_token[TOKEN_TEXT_SIZE + 1];
	const char *username = http_param(req, "username");
	unsigned char raw[32];
	struct html h;
	enum masa_err rc;

	/* One form token per browser, so that two open sign-in pages both
	 * work; a new one when there is none or it is not one of ours. */
	const char *old = http_cookie(req, SIGN_IN_COOKIE);
	if (old != NULL && strlen(old) == TOKEN_TEXT_SIZE - 1 &&
	    strspn(old, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	                "0123456789-_") == TOKEN_TEXT_SIZE - 1) {
		memcpy(form_token, old, TOKEN_TEXT_SIZE);
	} else {
		randombytes_buf(raw, sizeof raw);
		sodium_bin2base64(form_token, sizeof form_token, raw,
		                  sizeof raw,
		                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	}
	set_cookie(req, SIGN_IN_COOKIE, form_token, 3600);
	html_init(&h, HTTP_PAGE_MAX);
	page_begin(
	        &h, req,
	        &(struct page){.title = message ? "Error: Sign in" : "Sign in",
	                       .section = PAGE_ACCOUNT});
	html_open(&h, "div", "class", "govuk-grid-row", NULL);
	html_open(&h, "div", "class", "govuk-grid-column-two-thirds", NULL);
	if (message != NULL) {
		const struct govuk_error_summary_item item = {
		        .href = "#username",
		        .content.text = message,
		};
		govuk_error_summary(&h,
		                    &(struct govuk_error_summary){
		                            .title.text = "There is a problem",
		                            .error_list = &item,
		                            .n_errors = 1,
		                    });
	}
	page_heading(&h, NULL, "Sign in");
	html_elem(&h, "p",
	          "Partnership members, chairs, partner leads and the "
	          "business unit sign in to see papers and update actions. "
	          "Published minutes and the meetings calendar need no "
	          "account.",
	          "class", "govuk-body", NULL);
	html_open(&h, "form", "method", "post", "action", "/sign-in",
	          "novalidate", "", NULL);
	html_void(&h, "input", "type", "hidden", "name", "csrf", "value",
	          form_token, NULL);
	html_void(&h, "input", "type", "hidden", "name", "next", "value",
	          next_path(req), NULL);
	govuk_input(
	        &h,
	        &(struct govuk_input){
	                .name = "username",
	                .value = username,
	                .autocomplete = "username",
	                .spellcheck = GOVUK_FALSE,
	                .autocapitalize = "none",
	                .classes = "govuk-!-width-two-thirds",
	                .field.label.content.text = "Username",
	                .field.error_message =
	                        message ? &(struct
	                                    govuk_error_message){.content.text =
	                                                                 message}
	                                : NULL,
	        });
	govuk_input(&h, &(struct govuk_input){
	                        .name = "password",
	                        .type = "password",
	                        .autocomplete = "current-password",
	                        .spellcheck = GOVUK_FALSE,
	                        .classes = "govuk-!-width-two-thirds",
	                        .field.label.content.text = "Password",
	                });
	govuk_button(&h, &(struct govuk_button){.content.text = "Sign in"});
	html_close(&h);
	html_elem(&h, "p",
	          "Forgotten your password? Ask your partnership's business "
	          "unit to set a new one.",
	          "class", "govuk-body", NULL);
	page_end(&h, req);
	rc = http_respond_html(req, status, &h, err);
	html_free(&h);
	return rc;
}

enum masa_err session_sign_in_page(struct http_request *req,
                                   struct masa_error *err)
{
	return sign_in_form(req, 200, NULL, err);
}

enum masa_err session_sign_in(struct http_request *req, struct masa_error *err)
{
	const char *username = http_param(req, "username");
	const char *password = http_param(req, "password");
	char token[TOKEN_TEXT_SIZE + 1], csrf[TOKEN_TEXT_SIZE + 1];
	struct gov_account acc;
	struct masa_error why = {0};
	enum masa_err rc;

	if (username == NULL || password == NULL)
		return sign_in_form(req, 400,
		                    "Enter your username and password", err);
	rc = gov_account_sign_in(&req->gov, req->partnership->id, username,
	                         password, &req->arena, &acc, &why);
	if (rc == MASA_ERR_INVALID || rc == MASA_ERR_NOT_FOUND)
		return sign_in_form(req, 400, why.message, err);
	if (rc != MASA_OK) {
		*err = why;
		return rc;
	}
	/* A new session at every sign-in: any earlier token stops here. */
	gov_session_end(&req->gov, http_cookie(req, SESSION_COOKIE), err);
	rc = gov_session_create(&req->gov, acc.id, token, csrf, err);
	if (rc != MASA_OK)
		return rc;
	set_cookie(req, SESSION_COOKIE, token, (long)SESSION_HOURS * 3600);
	set_cookie(req, SIGN_IN_COOKIE, "", 0);
	return http_respond_redirect(req, next_path(req), err);
}

enum masa_err session_sign_out(struct http_request *req, struct masa_error *err)
{
	enum masa_err rc = gov_session_end(
	        &req->gov, http_cookie(req, SESSION_COOKIE), err);

	if (rc != MASA_OK)
		return rc;
	set_cookie(req, SESSION_COOKIE, "", 0);
	return http_respond_redirect(req, "/", err);
}

/* Signing in and out. */
const struct route session_routes[] = {
        {"GET", "/sign-in", session_sign_in_params, GOV_ROLE_PUBLIC,
         session_sign_in_page},
        {"POST", "/sign-in", session_sign_in_params, GOV_ROLE_PUBLIC,
         session_sign_in, .sign_in_attempt = true},
        {"POST", "/sign-out", NULL, GOV_ROLE_MEMBER, session_sign_out},
        {0},
};
