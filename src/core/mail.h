/*
 * mail: one plain-text UTF-8 e-mail, with files attached or not, written as
 * RFC 5322 text and sent through an SMTP server with libcurl. Reminders and
 * circulation (gov/circulate.h) use it.
 *
 * mail_format() writes the whole message (headers and body, CRLF lines) so
 * that a dry run shows exactly what would go; a mail_sender sends messages
 * through one server, reusing its connection from one message to the next.
 * Header values come from the database and from the command line, so every
 * one is checked: a line break in a header value is refused (header
 * injection), addresses must look like addresses, and text that is not
 * ASCII is written as RFC 2047 encoded words.
 */
#ifndef MASA_CORE_MAIL_H
#define MASA_CORE_MAIL_H

#include <stdbool.h>
#include <time.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/mem.h"

/* Ceilings: a header value, a message as formatted, an SMTP URL. */
enum {
	MAIL_HEADER_MAX = 400,
	/* room for MAIL_ATTACHMENTS_MAX of files in base64, and the text */
	MAIL_MESSAGE_MAX = 12 * 1024 * 1024,
	/* the files attached to one message, in all */
	MAIL_ATTACHMENTS_MAX = 8 * 1024 * 1024,
	MAIL_ATTACHMENTS_COUNT = 20,
	MAIL_URL_MAX = 1000,
};

/* A file attached to a message; borrowed like the message. */
struct mail_attachment {
	const char
	        *file_name;     /* "paper.pdf": written with anything but
	                           printable ASCII, quotes and backslashes as _ */
	const char *media_type; /* "application/pdf" */
	const void *bytes;
	size_t size;
};

/* A message; every string is borrowed for the call that takes it. */
struct mail_message {
	const char *from;      /* address: "masa@example.org" */
	const char *from_name; /* display name, or NULL */
	const char *to;        /* address */
	const char *to_name;   /* display name, or NULL */
	const char *subject;
	const char *text; /* the body: UTF-8, lines ending in \n or \r\n */
	time_t date;      /* the Date header; 0 means now */
	/* "local@domain" without the angle brackets, or NULL for a new one
	 * made from the time, random bits and the From address's domain */
	const char *message_id;
	/* Files sent with the text (multipart/mixed), or NULL and 0. */
	const struct mail_attachment *attachments;
	size_t nattachments;
};

/*
 * True when address is a plain ASCII mailbox "local@domain" of at most 254
 * characters, without spaces, quotes, angle brackets or control characters.
 */
bool mail_address_valid(const char *address);

/*
 * MASA_ERR_INVALID, naming field and the value, unless address passes
 * mail_address_valid().
 */
enum masa_err mail_check_address(const char *field, const char *address,
                                 struct masa_error *err);

/*
 * Checks an SMTP server address: smtp://[USER[:PASSWORD]@]HOST[:PORT][/]
 * or smtps://..., no spaces or control characters, at most MAIL_URL_MAX
 * bytes. MASA_ERR_INVALID says what is wrong (without the password).
 */
enum masa_err mail_check_url(const char *url, struct masa_error *err);

/*
 * url with any password replaced by "***", for messages and logs; url itself
 * when it has none or cannot be parsed. In a.
 */
const char *mail_url_redacted(struct arena *a, const char *url);

/*
 * Appends message m to out: headers Date, From, To, Subject, Message-ID,
 * MIME-Version, Content-Type (text/plain; charset=UTF-8),
 * Content-Transfer-Encoding (8bit) and Auto-Submitted, a blank line and the
 * body, every line ending in CRLF and none longer than 998 bytes. With
 * attachments the message is multipart/mixed: the text first, then each
 * file in base64 (Content-Disposition: attachment) at most
 * MAIL_ATTACHMENTS_COUNT of them and MAIL_ATTACHMENTS_MAX bytes in all.
 * MASA_ERR_INVALID for a header value with a line break or another control
 * character, a bad address, text that is not UTF-8; MASA_ERR_LIMIT past the
 * ceilings above. out is unchanged on error.
 */
enum masa_err mail_format(const struct mail_message *m, struct buf *out,
                          struct masa_error *err);

struct mail_sender;

/*
 * A sender through the SMTP server at url (checked with mail_check_url).
 * Caller closes *out with mail_sender_close(). Nothing is sent or connected
 * until the first mail_send().
 */
enum masa_err mail_sender_open(const char *url, struct mail_sender **out,
                               struct masa_error *err);

/*
 * Formats m and sends it to m->to; MASA_OK only when the server accepted
 * it. MASA_ERR_IO names the server (without its password) and what curl
 * said; MASA_ERR_INVALID when m cannot be formatted. A connect timeout of 10
 * seconds and a whole-message timeout of 60 seconds apply.
 */
enum masa_err mail_send(struct mail_sender *s, const struct mail_message *m,
                        struct masa_error *err);

/*
 * True when the last mail_send() failed because the server could not be
 * reached or refused the connection or login: sending more through it now
 * would fail the same way.
 */
bool mail_sender_unreachable(const struct mail_sender *s);

/* Closes the connection and frees s; NULL is ignored. */
void mail_sender_close(struct mail_sender *s);

#endif
