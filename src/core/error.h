/*
 * error: the one error convention of masa.
 *
 * A function that can fail returns an enum masa_err (MASA_OK is 0) and fills a
 * caller-provided struct masa_error with a one-line message a user can act on.
 * Codes are mapped to exit statuses and HTTP statuses only at the edges.
 */
#ifndef MASA_CORE_ERROR_H
#define MASA_CORE_ERROR_H

enum masa_err {
	MASA_OK = 0,
	MASA_ERR_INVALID,   /* input breaks a rule: bad value, bad reference */
	MASA_ERR_NOT_FOUND, /* a named record does not exist */
	MASA_ERR_CONFLICT,  /* would duplicate or contradict a stored record */
	MASA_ERR_LIMIT,     /* input larger than masa accepts */
	MASA_ERR_VERSION,   /* data from a version masa does not understand */
	MASA_ERR_IO,        /* a file could not be read or written */
	MASA_ERR_STORE,     /* the database failed */
	MASA_ERR_USAGE,     /* a command was called wrongly */
	MASA_ERR_DENIED,    /* who is asking may not do it (HTTP 403) */
	MASA_ERR_UNKNOWN_USER, /* who is asking is not known (HTTP 401) */
	MASA_ERR_UNAVAILABLE,  /* the database cannot be reached (HTTP 503) */
	/*
	 * The database is busy with other changes: this one waited its turn
	 * for as long as masa waits, or clashed with another at the same
	 * moment (PostgreSQL), and nothing of it was stored. Trying the whole
	 * change again is safe (HTTP 503 once the server stops trying).
	 */
	MASA_ERR_BUSY,
};

struct masa_error {
	enum masa_err code;
	char message[512];
};

/*
 * Sets err (which may be NULL) to code and the formatted message; returns code
 * so that callers can write `return masa_error_set(err, ...)`.
 */
enum masa_err masa_error_set(struct masa_error *err, enum masa_err code,
                             const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/*
 * Puts prefix and ": " before the message already in err, so that a low-level
 * message gains the place it came from ("meetings[2].date: ...").
 */
void masa_error_prefix(struct masa_error *err, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* Clears err to MASA_OK with an empty message. */
void masa_error_clear(struct masa_error *err);

/* A short lower-case name for code ("invalid", "not found"). */
const char *masa_err_name(enum masa_err code);

#endif
