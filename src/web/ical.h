/*
 * ical: writing iCalendar (RFC 5545) text: content lines ending in CRLF,
 * folded at 75 octets without splitting a UTF-8 character, and TEXT values
 * escaped (backslash, semicolon, comma, newline). The calendar feeds
 * (web/calendar.c) write every line through it; it knows nothing of
 * meetings, so that unit tests and the fuzzer reach it alone.
 *
 * Like the HTML writer, a failure (the size limit) is remembered and
 * reported once by ical_finish(), so a feed is written without checking
 * every line.
 */
#ifndef MASA_WEB_ICAL_H
#define MASA_WEB_ICAL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/error.h"

enum {
	ICAL_LINE_OCTETS = 75, /* a content line's most octets, without CRLF */
};

struct ical {
	struct buf out;
	bool failed;
	struct masa_error err; /* the first failure */
};

/* A writer whose output may grow to max bytes; free with ical_free(). */
void ical_init(struct ical *c, size_t max);
void ical_free(struct ical *c);

/*
 * One content line "name:value", folded. name may carry parameters
 * ("DTSTART;TZID=Europe/London"); both are masa's own text (literals, dates,
 * URLs it checked) and are written as they are.
 */
void ical_line(struct ical *c, const char *name, const char *value);
/* One content line whose value is TEXT: value is escaped, then folded. */
void ical_text(struct ical *c, const char *name, const char *value);

/*
 * The feed: MASA_OK and *out, *len (borrowed from c) when every line fitted,
 * else the error of the first failure.
 */
enum masa_err ical_finish(struct ical *c, const char **out, size_t *len,
                          struct masa_error *err);

/*
 * value escaped as an iCalendar TEXT value, appended to b: '\' ';' ','
 * become "\\" "\;" "\,", a line break (LF, CRLF or CR) becomes "\n", and
 * the other control characters but TAB, which TEXT may not hold, are left
 * out. value is UTF-8 (masa's text always is).
 */
enum masa_err ical_escape(struct buf *b, const char *value,
                          struct masa_error *err);
/*
 * line (len octets, no line break in it) appended to b as a folded content
 * line: at most 75 octets a line, each continuation starting with one
 * space, never cutting a UTF-8 sequence, and CRLF after each.
 */
enum masa_err ical_fold(struct buf *b, const char *line, size_t len,
                        struct masa_error *err);

#endif
