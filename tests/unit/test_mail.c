/*
 * test_mail: unit tests of src/core/mail: the message as written (headers,
 * CRLF lines, encoded words, long lines), header injection and other bad
 * header values refused, files attached (multipart, base64, names made
 * safe, bad media types and sizes over the limit refused), address and
 * SMTP URL checks, and a send to a port
 * where nothing listens. Delivery to a real SMTP server is tested by
 * tests/cli/test_remind.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/mail.h"
#include "core/text.h"

/* Thursday 4 December 2014, 13:00:00 UTC. */
#define BOARD_DAY ((time_t)1417698000)

static struct mail_message sample(void)
{
	struct mail_message m = {
	        .from = "business.unit@rotherham.example",
	        .from_name = "Rotherham Safeguarding Children Partnership",
	        .to = "steve.ashley@rotherham.example",
	        .to_name = "Steve Ashley",
	        .subject = "masa: 2 actions overdue, 1 due today",
	        .text = "Dear Steve Ashley,\n\nOverdue\n",
	        .date = BOARD_DAY,
	        .message_id = "reminder.1@rotherham.example",
	};
	return m;
}

/* Every CR is followed by LF and every LF follows a CR. */
static void assert_crlf_only(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r')
			assert_true(i + 1 < n && s[i + 1] == '\n');
		if (s[i] == '\n')
			assert_true(i > 0 && s[i - 1] == '\r');
	}
}

/* The longest line, in bytes, without its CRLF. */
static size_t longest_line(const char *s)
{
	size_t longest = 0;

	while (*s) {
		size_t n = strcspn(s, "\r");
		if (n > longest)
			longest = n;
		s += n;
		if (*s == '\r')
			s += 2;
	}
	return longest;
}

static void test_format_exact(void **state)
{
	struct mail_message m = sample();
	struct masa_error err = {0};
	struct buf b;

	(void)state;
	buf_init(&b, 1 << 20);
	assert_int_equal(mail_format(&m, &b, &err), MASA_OK);
	assert_string_equal(
	        buf_str(&b),
	        "Date: Thu, 04 Dec 2014 13:00:00 +0000\r\n"
	        "From: \"Rotherham Safeguarding Children Partnership\" "
	        "<business.unit@rotherham.example>\r\n"
	        "To: \"Steve Ashley\" <steve.ashley@rotherham.example>\r\n"
	        "Subject: masa: 2 actions overdue, 1 due today\r\n"
	        "Message-ID: <reminder.1@rotherham.example>\r\n"
	        "MIME-Version: 1.0\r\n"
	        "Content-Type: text/plain; charset=UTF-8\r\n"
	        "Content-Transfer-Encoding: 8bit\r\n"
	        "Auto-Submitted: auto-generated\r\n"
	        "\r\n"
	        "Dear Steve Ashley,\r\n"
	        "\r\n"
	        "Overdue\r\n");
	buf_free(&b);
}

static void test_format_appends(void **state)
{
	struct mail_message m = sample();
	struct masa_error err = {0};
	struct buf b;

	(void)state;
	buf_init(&b, 1 << 20);
	assert_int_equal(buf_puts(&b, "before\n", &err), MASA_OK);
	assert_int_equal(mail_format(&m, &b, &err), MASA_OK);
	assert_memory_equal(b.data, "before\nDate: Thu, 04 Dec", 24);
	buf_free(&b);
}

static void test_format_names_quoted_or_left_out(void **state)
{
	struct mail_message m = sample();
	struct masa_error err = {0};
	struct buf b;

	(void)state;
	m.from_name = "Smith, \"Jo\" \\ Co";
	m.to_name = NULL;
	buf_init(&b, 1 << 20);
	assert_int_equal(mail_format(&m, &b, &err), MASA_OK);
	assert_non_null(strstr(buf_str(&b),
	                       "\r\nFrom: \"Smith, \\\"Jo\\\" \\\\ Co\" "
	                       "<business.unit@rotherham.example>\r\n"));
	assert_non_null(strstr(buf_str(&b),
	                       "\r\nTo: <steve.ashley@rotherham.example>"
	                       "\r\n"));
	buf_free(&b);
}

static void test_format_utf8_headers_encoded(void **state)
{
	struct mail_message m = sample();
	struct masa_error err = {0};
	struct buf b;
	const char *subject, *end;

	(void)state;
	m.to_name = "Zoë Café";
	/* 3 bytes a character: long enough to need several encoded words. */
	m.subject = "masa: “reminder” — “reminder” — “reminder” — “reminder” — "
	            "“reminder”";
	buf_init(&b, 1 << 20);
	assert_int_equal(mail_format(&m, &b, &err), MASA_OK);
	assert_non_null(strstr(buf_str(&b),
	                       "\r\nTo: =?UTF-8?B?Wm/DqyBDYWbDqQ==?= "
	                       "<steve.ashley@rotherham.example>\r\n"));
	subject = strstr(buf_str(&b), "\r\nSubject: =?UTF-8?B?");
	assert_non_null(subject);
	end = strstr(subject + 2, "\r\nMessage-ID: ");
	assert_non_null(end);
	/* Folded: continuation lines start with a space, words stay short. */
	assert_non_null(strstr(subject, "?=\r\n =?UTF-8?B?"));
	for (const char *w = strstr(subject, "=?UTF-8?B?"); w && w < end;
	     w = strstr(w, "=?UTF-8?B?")) {
		const char *close = strstr(w + 10, "?=");
		assert_non_null(close);
		assert_true(close + 2 - w <= 75);
		w = close + 2;
	}
	/* Nothing but ASCII in the headers. */
	for (const char *p = buf_str(&b); p < strstr(buf_str(&b), "\r\n\r\n");
	     p++)
		assert_true((unsigned char)*p < 0x80);
	buf_free(&b);
}

static void test_format_body_lines(void **state)
{
	struct mail_message m = sample();
	struct masa_error err = {0};
	char long_ascii[2501], long_utf8[2 * 1200 + 1];
	const char *body;
	struct buf b;

	(void)state;
	buf_init(&b, 1 << 20);
	m.text = "a\r\nb\nc\rd";
	assert_int_equal(mail_format(&m, &b, &err), MASA_OK);
	body = strstr(buf_str(&b), "\r\n\r\n") + 4;
	assert_string_equal(body, "a\r\nb\r\nc\r\nd\r\n");
	assert_crlf_only(b.data, b.len);

	memset(long_ascii, 'x', sizeof long_ascii - 1);
	long_ascii[sizeof long_ascii - 1] = '\0';
	buf_reset(&b);
	m.text = long_ascii;
	assert_int_equal(mail_format(&m, &b, &err), MASA_OK);
	assert_int_equal(longest_line(buf_str(&b)), 998);
	assert_crlf_only(b.data, b.len);

	/* 'é' is two bytes: lines break between characters, not inside. */
	for (size_t i = 0; i < 1200; i++)
		memcpy(long_utf8 + 2 * i, "\xc3\xa9", 2);
	long_utf8[sizeof long_utf8 - 1] = '\0';
	buf_reset(&b);
	m.text = long_utf8;
	assert_int_equal(mail_format(&m, &b, &err), MASA_OK);
	assert_int_equal(longest_line(buf_str(&b)), 998);
	body = strstr(buf_str(&b), "\r\n\r\n") + 4;
	for (const char *line = body; *line;) {
		size_t n = strcspn(line, "\r");
		assert_true(utf8_valid(line, n, NULL));
		line += n + 2;
	}
	buf_free(&b);
}

/* m must be refused with code and a message containing text; b untouched. */
static void assert_refused(const struct mail_message *m, enum masa_err code,
                           const char *text)
{
	struct masa_error err = {0};
	struct buf b;

	buf_init(&b, 1 << 20);
	assert_int_equal(mail_format(m, &b, &err), code);
	assert_int_equal(err.code, code);
	if (strstr(err.message, text) == NULL)
		fail_msg("\"%s\" lacks \"%s\"", err.message, text);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

static void test_header_injection_refused(void **state)
{
	struct mail_message m;

	(void)state;
	m = sample();
	m.subject = "Reminder\r\nBcc: everyone@example.org";
	assert_refused(&m, MASA_ERR_INVALID,
	               "mail Subject: a header cannot contain a line break "
	               "(header injection refused)");
	m = sample();
	m.subject = "Reminder\nBcc: everyone@example.org";
	assert_refused(&m, MASA_ERR_INVALID, "header injection refused");
	m = sample();
	m.subject = "Reminder\r";
	assert_refused(&m, MASA_ERR_INVALID, "header injection refused");
	m = sample();
	m.from_name = "Board\r\nBcc: everyone@example.org";
	assert_refused(&m, MASA_ERR_INVALID, "mail From name: a header");
	m = sample();
	m.to_name = "Steve\nX-Evil: 1";
	assert_refused(&m, MASA_ERR_INVALID, "mail To name: a header");
	m = sample();
	m.from = "unit@rotherham.example\r\nBcc: everyone@example.org";
	assert_refused(&m, MASA_ERR_INVALID, "mail From: a header");
	m = sample();
	m.to = "steve@rotherham.example\nBcc: x@example.org";
	assert_refused(&m, MASA_ERR_INVALID, "mail To: a header");
	m = sample();
	m.message_id = "a@b\r\nBcc: x@example.org";
	assert_refused(&m, MASA_ERR_INVALID, "mail Message-ID: a header");
}

static void test_bad_headers_refused(void **state)
{
	struct mail_message m;
	char long_subject[MAIL_HEADER_MAX + 2];

	(void)state;
	m = sample();
	m.subject = "tab\tis fine but bell \a is not";
	assert_refused(&m, MASA_ERR_INVALID, "control characters");
	m = sample();
	m.subject = "caf\xe9";
	assert_refused(&m, MASA_ERR_INVALID, "mail Subject: not valid UTF-8");
	m = sample();
	m.subject = "";
	assert_refused(&m, MASA_ERR_INVALID, "mail Subject: empty");
	m = sample();
	m.subject = NULL;
	assert_refused(&m, MASA_ERR_INVALID, "mail Subject: empty");
	m = sample();
	memset(long_subject, 's', sizeof long_subject - 1);
	long_subject[sizeof long_subject - 1] = '\0';
	m.subject = long_subject;
	assert_refused(&m, MASA_ERR_LIMIT, "longer than 400 bytes");
	m = sample();
	m.to = "Steve Ashley <steve@rotherham.example>";
	assert_refused(&m, MASA_ERR_INVALID,
	               "mail To: \"Steve Ashley <steve@rotherham.example>\" "
	               "is not an e-mail address");
	m = sample();
	m.from = "nobody";
	assert_refused(&m, MASA_ERR_INVALID, "mail From: \"nobody\" is not");
	m = sample();
	m.message_id = "no-at-sign";
	assert_refused(&m, MASA_ERR_INVALID, "not of the form id@domain");
	m = sample();
	m.text = "caf\xe9";
	assert_refused(&m, MASA_ERR_INVALID, "mail text: not valid UTF-8");
	m = sample();
	m.text = NULL;
	assert_refused(&m, MASA_ERR_INVALID, "mail text: none");
}

static void test_default_date_and_message_id(void **state)
{
	struct mail_message m = sample();
	struct masa_error err = {0};
	struct buf b, c;
	const char *id, *id2;

	(void)state;
	m.date = 0;
	m.message_id = NULL;
	buf_init(&b, 1 << 20);
	buf_init(&c, 1 << 20);
	assert_int_equal(mail_format(&m, &b, &err), MASA_OK);
	assert_int_equal(mail_format(&m, &c, &err), MASA_OK);
	assert_memory_equal(buf_str(&b), "Date: ", 6);
	assert_non_null(strstr(buf_str(&b), " +0000\r\nFrom: "));
	id = strstr(buf_str(&b), "\r\nMessage-ID: <masa.");
	id2 = strstr(buf_str(&c), "\r\nMessage-ID: <masa.");
	assert_non_null(id);
	assert_non_null(id2);
	assert_non_null(strstr(id, "@rotherham.example>\r\nMIME-Version: "));
	/* Two messages never share an id. */
	assert_true(strncmp(id, id2, strcspn(id, ">")) != 0);
	buf_free(&b);
	buf_free(&c);
}

static void test_addresses(void **state)
{
	struct masa_error err = {0};

	(void)state;
	assert_true(mail_address_valid("a@b.org"));
	assert_true(mail_address_valid("first.last+masa@mail.example.org"));
	assert_false(mail_address_valid(NULL));
	assert_false(mail_address_valid(""));
	assert_false(mail_address_valid("plain"));
	assert_false(mail_address_valid("@example.org"));
	assert_false(mail_address_valid("someone@"));
	assert_false(mail_address_valid("a@b@c.org"));
	assert_false(mail_address_valid("a b@c.org"));
	assert_false(mail_address_valid("<a@b.org>"));
	assert_false(mail_address_valid("a@b.org,c@d.org"));
	assert_false(mail_address_valid("zo\xc3\xab@example.org"));
	assert_false(mail_address_valid("a@b.org\r\n"));
	assert_int_equal(mail_check_address("--from", "a@b.org", &err),
	                 MASA_OK);
	assert_int_equal(mail_check_address("--from", "nobody", &err),
	                 MASA_ERR_INVALID);
	assert_string_equal(err.message,
	                    "--from: \"nobody\" is not an e-mail address such "
	                    "as name@example.org");
	assert_int_equal(
	        mail_check_address("--from", "a@b.org\r\nBcc: c@d.org", &err),
	        MASA_ERR_INVALID);
	assert_string_equal(err.message,
	                    "--from: an address cannot contain a line break");
}

static void test_urls(void **state)
{
	struct masa_error err = {0};
	struct arena a = ARENA_INIT;

	(void)state;
	assert_int_equal(mail_check_url("smtp://127.0.0.1:2525", &err),
	                 MASA_OK);
	assert_int_equal(mail_check_url("smtp://mail.example.org", &err),
	                 MASA_OK);
	assert_int_equal(
	        mail_check_url("smtps://unit:s3cret@mail.example.org:465/",
	                       &err),
	        MASA_OK);
	assert_int_equal(
	        mail_check_url("smtp://mail.example.org/masa.host", &err),
	        MASA_OK);
	assert_int_equal(mail_check_url("http://mail.example.org", &err),
	                 MASA_ERR_INVALID);
	assert_string_equal(err.message,
	                    "SMTP server: \"http://mail.example.org\" must "
	                    "start with smtp:// or smtps://");
	assert_int_equal(mail_check_url("mail.example.org:25", &err),
	                 MASA_ERR_INVALID);
	assert_int_equal(mail_check_url("smtp://", &err), MASA_ERR_INVALID);
	assert_int_equal(mail_check_url("smtp://host:99999", &err),
	                 MASA_ERR_INVALID);
	assert_int_equal(mail_check_url("smtp://host/a/b", &err),
	                 MASA_ERR_INVALID);
	assert_int_equal(mail_check_url("smtp://host?x=1", &err),
	                 MASA_ERR_INVALID);
	assert_int_equal(mail_check_url("smtp://ho st", &err),
	                 MASA_ERR_INVALID);
	assert_int_equal(mail_check_url("smtp://host\r\n", &err),
	                 MASA_ERR_INVALID);
	assert_null(strchr(err.message, '\n'));
	assert_int_equal(mail_check_url("", &err), MASA_ERR_INVALID);
	assert_int_equal(mail_check_url(NULL, &err), MASA_ERR_INVALID);
	/* A password never shows in a message. */
	assert_int_equal(mail_check_url("smtp://u:s3cret@host/a/b", &err),
	                 MASA_ERR_INVALID);
	assert_null(strstr(err.message, "s3cret"));
	assert_non_null(strstr(err.message, "smtp://u:***@host/a/b"));

	assert_string_equal(mail_url_redacted(&a, "smtp://u:pw@h:25"),
	                    "smtp://u:***@h:25");
	assert_string_equal(mail_url_redacted(&a, "smtps://u@h"),
	                    "smtps://u@h");
	assert_string_equal(mail_url_redacted(&a, "smtp://h:25"),
	                    "smtp://h:25");
	assert_string_equal(mail_url_redacted(&a, "smtp://u:p@ss@h"),
	                    "smtp://u:***@h");
	arena_free(&a);
}

/* A port on 127.0.0.1 where nothing listens (bound, then closed). */
static int closed_port(void)
{
	struct sockaddr_in sa = {.sin_family = AF_INET};
	socklen_t len = sizeof sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0), port;

	assert_true(fd >= 0);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&sa, &len), 0);
	port = ntohs(sa.sin_port);
	close(fd);
	return port;
}

/* The bytes of base64 text (lines of it), for checking an attachment. */
static size_t unbase64(const char *s, size_t n, unsigned char *out)
{
	static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                             "abcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned v = 0;
	int bits = 0;
	size_t k = 0;

	for (size_t i = 0; i < n && s[i] != '='; i++) {
		const char *d = strchr(digits, s[i]);
		if (d == NULL || s[i] == '\0')
			continue; /* CR, LF */
		v = (v << 6) | (unsigned)(d - digits);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[k++] = (unsigned char)(v >> bits);
		}
	}
	return k;
}

static void test_attachments(void **state)
{
	unsigned char bytes[1000], back[1000];
	struct mail_attachment file = {
	        .file_name = "Child \"S\" r\xc3\xa9port\\x.pdf",
	        .media_type = "application/pdf",
	        .bytes = bytes,
	        .size = sizeof bytes,
	};
	struct mail_message m = sample();
	struct masa_error err = {0};
	struct buf out;
	const char *text, *part, *end, *boundary;
	char mark[64];

	(void)state;
	for (size_t i = 0; i < sizeof bytes; i++)
		bytes[i] = (unsigned char)(i * 7 + 3);
	m.attachments = &file;
	m.nattachments = 1;
	buf_init(&out, MAIL_MESSAGE_MAX);
	assert_int_equal(mail_format(&m, &out, &err), MASA_OK);
	text = buf_str(&out);
	boundary = strstr(text, "Content-Type: multipart/mixed; boundary=\"");
	assert_non_null(boundary);
	boundary += strlen("Content-Type: multipart/mixed; boundary=\"");
	snprintf(mark, sizeof mark, "--%.*s", (int)strcspn(boundary, "\""),
	         boundary);
	/* The text first, as a plain part, then the file, then the end. */
	part = strstr(text, mark);
	assert_non_null(part);
	assert_non_null(
	        strstr(part, "Content-Type: text/plain; charset=UTF-8"));
	assert_non_null(strstr(part, "Dear Steve Ashley,\r\n"));
	part = strstr(part + strlen(mark), mark);
	assert_non_null(part);
	/* The name: ASCII only, no quote or backslash to break out of "". */
	assert_non_null(strstr(part, "Content-Type: application/pdf; "
	                             "name=\"Child _S_ r__port_x.pdf\"\r\n"));
	assert_non_null(strstr(part, "Content-Disposition: attachment; "
	                             "filename=\"Child _S_ r__port_x.pdf\""));
	part = strstr(part, "\r\n\r\n");
	assert_non_null(part);
	end = strstr(part, mark);
	assert_non_null(end);
	assert_string_equal(end + strlen(mark), "--\r\n");
	/* Lines of 76 characters at most, and the bytes back exactly. */
	for (const char *l = part + 4; l < end; l = strstr(l, "\r\n") + 2)
		assert_true(strcspn(l, "\r") <= 76);
	assert_int_equal(unbase64(part + 4, (size_t)(end - part - 4), back),
	                 sizeof bytes);
	assert_memory_equal(back, bytes, sizeof bytes);
	/* Without attachments the message is plain text, as before. */
	m.nattachments = 0;
	buf_reset(&out);
	assert_int_equal(mail_format(&m, &out, &err), MASA_OK);
	assert_null(strstr(buf_str(&out), "multipart"));
	buf_free(&out);
}

static void test_attachments_refused(void **state)
{
	static const char pdf[] = "%PDF-1.4";
	struct mail_attachment file = {
	        .file_name = "a.pdf",
	        .media_type = "application/pdf\r\nBcc: x@example.org",
	        .bytes = pdf,
	        .size = sizeof pdf,
	};
	struct mail_message m = sample();
	struct masa_error err = {0};
	struct buf out;

	(void)state;
	m.attachments = &file;
	m.nattachments = 1;
	buf_init(&out, MAIL_MESSAGE_MAX);
	/* A media type with a line break (header injection), or not one. */
	assert_int_equal(mail_format(&m, &out, &err), MASA_ERR_INVALID);
	assert_non_null(strstr(err.message, "not a media type"));
	file.media_type = "pdf";
	assert_int_equal(mail_format(&m, &out, &err), MASA_ERR_INVALID);
	file.media_type = "application/pdf; x=\"y\"";
	assert_int_equal(mail_format(&m, &out, &err), MASA_ERR_INVALID);
	file.media_type = "application /pdf";
	assert_int_equal(mail_format(&m, &out, &err), MASA_ERR_INVALID);
	file.media_type = "text/plain; charset=utf-8";
	assert_int_equal(mail_format(&m, &out, &err), MASA_OK);
	buf_reset(&out);
	file.media_type = "application/pdf";
	file.file_name = "";
	assert_int_equal(mail_format(&m, &out, &err), MASA_ERR_INVALID);
	/* The files' size: at the limit taken, one byte more refused. */
	file.file_name = "a.pdf";
	file.bytes = NULL;
	file.size = MAIL_ATTACHMENTS_MAX + 1;
	assert_int_equal(mail_format(&m, &out, &err), MASA_ERR_INVALID);
	{
		unsigned char *big = calloc(1, MAIL_ATTACHMENTS_MAX + 1);
		assert_non_null(big);
		file.bytes = big;
		file.size = MAIL_ATTACHMENTS_MAX + 1;
		assert_int_equal(mail_format(&m, &out, &err), MASA_ERR_LIMIT);
		assert_int_equal(out.len, 0); /* out unchanged on error */
		file.size = MAIL_ATTACHMENTS_MAX;
		assert_int_equal(mail_format(&m, &out, &err), MASA_OK);
		free(big);
	}
	buf_free(&out);
}

static void test_send_unreachable(void **state)
{
	struct mail_message m = sample();
	struct masa_error err = {0};
	struct mail_sender *s = NULL;
	char url[80], shown[80];
	int port = closed_port();

	(void)state;
	snprintf(url, sizeof url, "smtp://unit:s3cret@127.0.0.1:%d", port);
	snprintf(shown, sizeof shown, "smtp://unit:***@127.0.0.1:%d", port);
	assert_int_equal(mail_sender_open(url, &s, &err), MASA_OK);
	assert_int_equal(mail_send(s, &m, &err), MASA_ERR_IO);
	assert_non_null(strstr(err.message,
	                       "cannot send to steve.ashley@rotherham.example "
	                       "through "));
	assert_non_null(strstr(err.message, shown));
	assert_null(strstr(err.message, "s3cret"));
	assert_true(mail_sender_unreachable(s));
	/* A message that cannot be written never reaches curl. */
	m.subject = "x\r\nBcc: y@z.org";
	assert_int_equal(mail_send(s, &m, &err), MASA_ERR_INVALID);
	assert_false(mail_sender_unreachable(s));
	mail_sender_close(s);

	assert_int_equal(mail_sender_open("http://example.org", &s, &err),
	                 MASA_ERR_INVALID);
	assert_null(s);
	mail_sender_close(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_format_exact),
	        cmocka_unit_test(test_format_appends),
	        cmocka_unit_test(test_format_names_quoted_or_left_out),
	        cmocka_unit_test(test_format_utf8_headers_encoded),
	        cmocka_unit_test(test_format_body_lines),
	        cmocka_unit_test(test_header_injection_refused),
	        cmocka_unit_test(test_bad_headers_refused),
	        cmocka_unit_test(test_default_date_and_message_id),
	        cmocka_unit_test(test_addresses),
	        cmocka_unit_test(test_urls),
	        cmocka_unit_test(test_attachments),
	        cmocka_unit_test(test_attachments_refused),
	        cmocka_unit_test(test_send_unreachable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
