/*
 * run: running an outside tool (pdftotext, qpdf, LibreOffice...) the one
 * way masa does: argv[0] found on PATH, no shell, standard input
 * /dev/null, its standard output into a buffer with a ceiling, the start
 * of its standard error kept for messages, and killed past a time limit.
 */
#ifndef MASA_CORE_RUN_H
#define MASA_CORE_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

struct buf;

/* How a run ended. */
struct run_result {
	int status;      /* its exit status; -1 if it did not exit itself */
	int spawn_error; /* an errno when it could not be started, else 0 */
	bool timed_out;  /* killed at the time limit */
	bool too_much;   /* killed for writing more than out->max */
};

/*
 * Runs argv for at most seconds, its standard output into out (up to
 * out->max; NULL: thrown away) and standard error's start into errtext
 * (size bytes, NUL-terminated). Returns MASA_OK whenever the tool ran or
 * could not be started (res says how it went, for the caller's own
 * message); an error only when the pipes or the waiting fail.
 */
enum masa_err run_tool(char *const argv[], int seconds, struct buf *out,
                       char *errtext, size_t size, struct run_result *res,
                       struct masa_error *err);

#endif
