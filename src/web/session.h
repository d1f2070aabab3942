/*
 * session: who is asking, for every request (the server's identify hook),
 * and the sign-in and sign-out pages.
 *
 * A browser carries its session in the cookie __Host-masa (HttpOnly, Secure,
 * SameSite=Lax, Path=/): browsers keep Secure cookies on http://localhost
 * and 127.0.0.1, and anywhere else masa is served behind TLS. A new session
 * is made at each sign-in (so a token from before never works after) and
 * ended at sign-out. An API client sends "Authorization: Bearer TOKEN"; a
 * token made --read-only may only GET (else 403, nothing done).
 *
 * Every POST from a browser must carry the form field csrf equal to its
 * session's CSRF token (page_form_begin writes it), else 403 and nothing is
 * done. The sign-in form, which comes before any session, is protected by a
 * second cookie (__Host-masa-form) whose value the form repeats.
 */
#ifndef MASA_WEB_SESSION_H
#define MASA_WEB_SESSION_H

#include "http/route.h"

#define SESSION_COOKIE "__Host-masa"
#define SIGN_IN_COOKIE "__Host-masa-form"

/* The identify hook (struct http_config.identify). */
enum masa_err session_identify(struct http_request *req,
                               struct masa_error *err);

/* GET and POST /sign-in, POST /sign-out. */
enum masa_err session_sign_in_page(struct http_request *req,
                                   struct masa_error *err);
enum masa_err session_sign_in(struct http_request *req, struct masa_error *err);
enum masa_err session_sign_out(struct http_request *req,
                               struct masa_error *err);

extern const struct route_param session_sign_in_params[];

/*
 * Whether the token a form or cookie gave equals the real one, in time that
 * does not depend on where they differ; never for a NULL or empty real one.
 */
bool session_token_matches(const char *given, const char *real);

/* This module's routes (http/route.h), for cli/routes.c. */
extern const struct route session_routes[];

#endif
