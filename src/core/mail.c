/*
 * mail: plain-text messages, with files attached, and SMTP delivery with
 * libcurl (see mail.h).
 *
 * The message is written here rather than by curl's MIME API so that a dry
 * run prints byte for byte what the server would receive, and so that every
 * header value passes one check (no line breaks, no control characters,
 * UTF-8) before it can reach the wire.
 */
#include "core/mail.h"

#include <curl/curl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "core/text.h"

/* RFC 5322 allows 998 bytes a line before the CRLF. */
enum { LINE_MAX_BYTES = 998 };
/* Raw bytes per RFC 2047 encoded word: 45 bytes are 60 base64 characters,
 * which with "=?UTF-8?B?" and "?=" stays within the 75 allowed. */
enum { ENCODED_WORD_BYTES = 45 };

enum { CONNECT_TIMEOUT_MS = 10 * 1000, SEND_TIMEOUT_MS = 60 * 1000 };

bool mail_address_valid(const char *address)
{
	const char *at;
	size_t n;

	if (address == NULL)
		return false;
	n = strlen(address);
	if (n < 3 || n > 254)
		return false;
	for (const char *p = address; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c <= 0x20 || c >= 0x7f || strchr("<>()[],;:\"\\", c))
			return false;
	}
	at = strchr(address, '@');
	return at != NULL && at != address && at[1] != '\0' &&
	       strchr(at + 1, '@') == NULL && at[1] != '.' &&
	       address[n - 1] != '.';
}

enum masa_err mail_check_address(const char *field, const char *address,
                                 struct masa_error *err)
{
	if (address != NULL &&
	    (strchr(address, '\r') != NULL || strchr(address, '\n') != NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: an address cannot contain a line "
		                      "break",
		                      field);
	if (!mail_address_valid(address))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: \"%.80s\" is not an e-mail address "
		                      "such as name@example.org",
		                      field, address ? address : "");
	return MASA_OK;
}

/*
 * Finds the user information of url ("user:password" before '@' in the
 * authority): *user_at points at its start and *at at the '@'. False when
 * there is none.
 */
static bool url_userinfo(const char *url, const char **user_at, const char **at)
{
	const char *p = strstr(url, "://");
	const char *end, *last = NULL;

	if (p == NULL)
		return false;
	p += 3;
	end = p + strcspn(p, "/?#");
	for (const char *q = p; q < end; q++)
		if (*q == '@')
			last = q;
	if (last == NULL)
		return false;
	*user_at = p;
	*at = last;
	return true;
}

/* True when url carries a password ("user:password@"). */
static bool url_has_password(const char *url)
{
	const char *user, *at;

	return url_userinfo(url, &user, &at) &&
	       memchr(user, ':', (size_t)(at - user)) != NULL;
}

const char *mail_url_redacted(struct arena *a, const char *url)
{
	const char *user, *at, *colon;

	if (url == NULL || !url_userinfo(url, &user, &at))
		return url;
	colon = memchr(user, ':', (size_t)(at - user));
	if (colon == NULL)
		return url;
	return arena_printf(a, "%.*s***%s", (int)(colon + 1 - url), url, at);
}

enum masa_err mail_check_url(const char *url, struct masa_error *err)
{
	CURLU *u = NULL;
	char *host = NULL, *path = NULL, *query = NULL, *fragment = NULL;
	struct arena a = ARENA_INIT;
	enum masa_err rc = MASA_OK;
	CURLUcode uc;

	if (url == NULL || url[0] == '\0')
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "SMTP server: no address given (such as "
		                      "smtp://mail.example.org:25)");
	if (strlen(url) > MAIL_URL_MAX)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "SMTP server: the address is longer than "
		                      "%d bytes",
		                      MAIL_URL_MAX);
	for (const char *p = url; *p; p++) {
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f) {
			/* Not echoed: it may hold a line break. */
			rc = masa_error_set(
			        err, MASA_ERR_INVALID,
			        "SMTP server: the address has a space "
			        "or a character that is not plain "
			        "ASCII");
			goto out;
		}
	}
	if (strncmp(url, "smtp://", 7) != 0 &&
	    strncmp(url, "smtps://", 8) != 0) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "SMTP server: \"%.80s\" must start with "
		                    "smtp:// or smtps://",
		                    mail_url_redacted(&a, url));
		goto out;
	}
	u = curl_url();
	if (u == NULL) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "SMTP server: cannot parse the address");
		goto out;
	}
	uc = curl_url_set(u, CURLUPART_URL, url, 0);
	if (uc != CURLUE_OK) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "SMTP server: \"%.80s\" is not a valid "
		                    "address: %s",
		                    mail_url_redacted(&a, url),
		                    curl_url_strerror(uc));
		goto out;
	}
	if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    host == NULL || host[0] == '\0') {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "SMTP server: \"%.80s\" names no host",
		                    mail_url_redacted(&a, url));
		goto out;
	}
	/* A path is the name curl greets the server with (EHLO): one word. */
	if (curl_url_get(u, CURLUPART_PATH, &path, 0) == CURLUE_OK &&
	    path != NULL && strchr(path + (path[0] == '/'), '/') != NULL) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "SMTP server: \"%.80s\" has a path; give "
		                    "smtp://HOST:PORT",
		                    mail_url_redacted(&a, url));
		goto out;
	}
	if (curl_url_get(u, CURLUPART_QUERY, &query, 0) == CURLUE_OK ||
	    curl_url_get(u, CURLUPART_FRAGMENT, &fragment, 0) == CURLUE_OK) {
		rc = masa_error_set(err, MASA_ERR_INVALID,
		                    "SMTP server: \"%.80s\" has a query or "
		                    "fragment; give smtp://HOST:PORT",
		                    mail_url_redacted(&a, url));
		goto out;
	}
out:
	curl_free(host);
	curl_free(path);
	curl_free(query);
	curl_free(fragment);
	curl_url_cleanup(u);
	arena_free(&a);
	return rc;
}

/* Checks a header value: present, UTF-8, one line, no controls, bounded. */
static enum masa_err check_header(const char *field, const char *value,
                                  struct masa_error *err)
{
	size_t n;

	if (value == NULL || value[0] == '\0')
		return masa_error_set(err, MASA_ERR_INVALID, "mail %s: empty",
		                      field);
	if (strchr(value, '\r') != NULL || strchr(value, '\n') != NULL)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "mail %s: a header cannot contain a line "
		                      "break (header injection refused)",
		                      field);
	n = strlen(value);
	if (n > MAIL_HEADER_MAX)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "mail %s: longer than %d bytes", field,
		                      MAIL_HEADER_MAX);
	if (!utf8_valid(value, n, NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "mail %s: not valid UTF-8", field);
	for (const char *p = value; *p; p++)
		if (((unsigned char)*p < 0x20 && *p != '\t') || *p == 0x7f)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "mail %s: a header cannot "
			                      "contain control characters",
			                      field);
	return MASA_OK;
}

static bool is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

static enum masa_err put_base64(struct buf *b, const unsigned char *s, size_t n,
                                struct masa_error *err)
{
	static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                             "abcdefghijklmnopqrstuvwxyz0123456789+/";
	char out[4];
	enum masa_err rc = MASA_OK;

	for (size_t i = 0; i < n && rc == MASA_OK; i += 3) {
		unsigned v = (unsigned)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		out[0] = digits[(v >> 18) & 63];
		out[1] = digits[(v >> 12) & 63];
		out[2] = i + 1 < n ? digits[(v >> 6) & 63] : '=';
		out[3] = i + 2 < n ? digits[v & 63] : '=';
		rc = buf_append(b, out, 4, err);
	}
	return rc;
}

/* Bytes in the UTF-8 character that starts with c (text is valid). */
static size_t utf8_char_bytes(unsigned char c)
{
	return c < 0x80             ? 1
	       : (c & 0xE0) == 0xC0 ? 2
	       : (c & 0xF0) == 0xE0 ? 3
	                            : 4;
}

/*
 * Writes UTF-8 text as RFC 2047 encoded words ("=?UTF-8?B?...?="), split
 * between characters and folded onto continuation lines.
 */
static enum masa_err put_encoded_words(struct buf *b, const char *text,
                                       struct masa_error *err)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = strlen(text), i = 0;
	enum masa_err rc = MASA_OK;

	while (i < n && rc == MASA_OK) {
		size_t len = 0;
		while (i + len < n) {
			size_t c = utf8_char_bytes(s[i + len]);
			if (len + c > ENCODED_WORD_BYTES)
				break;
			len += c;
		}
		if ((i > 0 && (rc = buf_puts(b, "\r\n ", err))) ||
		    (rc = buf_puts(b, "=?UTF-8?B?", err)) ||
		    (rc = put_base64(b, s + i, len, err)) ||
		    (rc = buf_puts(b, "?=", err)))
			break;
		i += len;
	}
	return rc;
}

/* "Name" <address>, or =?UTF-8?B?...?= <address>, or just the address. */
static enum masa_err put_mailbox(struct buf *b, const char *name,
                                 const char *address, struct masa_error *err)
{
	enum masa_err rc = MASA_OK;

	if (name != NULL && is_ascii(name)) {
		rc = buf_puts(b, "\"", err);
		for (const char *p = name; *p && rc == MASA_OK; p++) {
			if (*p == '"' || *p == '\\')
				rc = buf_puts(b, "\\", err);
			if (rc == MASA_OK)
				rc = buf_append(b, p, 1, err);
		}
		if (rc == MASA_OK)
			rc = buf_puts(b, "\" ", err);
	} else if (name != NULL) {
		if ((rc = put_encoded_words(b, name, err)) == MASA_OK)
			rc = buf_puts(b, " ", err);
	}
	if (rc == MASA_OK)
		rc = buf_printf(b, err, "<%s>", address);
	return rc;
}

/* "Thu, 04 Dec 2014 13:00:00 +0000": RFC 5322's date, in UTC. */
static enum masa_err put_date(struct buf *b, time_t when,
                              struct masa_error *err)
{
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed",
	                                   "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr",
	                                     "May", "Jun", "Jul", "Aug",
	                                     "Sep", "Oct", "Nov", "Dec"};
	struct tm tm;

	if (gmtime_r(&when, &tm) == NULL || tm.tm_wday < 0 || tm.tm_wday > 6 ||
	    tm.tm_mon < 0 || tm.tm_mon > 11)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "mail date: out of range");
	return buf_printf(b, err,
	                  "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n",
	                  days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	                  tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* 64 bits that differ from one message to the next. */
static uint64_t message_id_bits(void)
{
	static uint64_t counter;
	uint64_t v = 0;

	if (getrandom(&v, sizeof v, 0) != (ssize_t)sizeof v)
		v = ((uint64_t)time(NULL) << 20) ^ (uint64_t)getpid() ^
		    (uintptr_t)&v;
	return v ^ ++counter;
}

static enum masa_err put_message_id(struct buf *b, const struct mail_message *m,
                                    time_t when, struct masa_error *err)
{
	struct tm tm;

	if (m->message_id != NULL) {
		enum masa_err rc =
		        check_header("Message-ID", m->message_id, err);
		if (rc != MASA_OK)
			return rc;
		if (!mail_address_valid(m->message_id))
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "mail Message-ID: \"%.80s\" is not "
			        "of the form id@domain",
			        m->message_id);
		return buf_printf(b, err, "Message-ID: <%s>\r\n",
		                  m->message_id);
	}
	gmtime_r(&when, &tm);
	return buf_printf(
	        b, err,
	        "Message-ID: <masa.%04d%02d%02d%02d%02d%02d.%016llx@%s>"
	        "\r\n",
	        tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	        tm.tm_min, tm.tm_sec, (unsigned long long)message_id_bits(),
	        strchr(m->from, '@') + 1);
}

/*
 * The body with every line ending in CRLF (from \n, \r\n or a lone \r) and
 * lines longer than RFC 5322 allows broken between characters.
 */
static enum masa_err put_body(struct buf *b, const char *text,
                              struct masa_error *err)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t line = 0, i = 0, n = strlen(text);
	enum masa_err rc = MASA_OK;

	if (!utf8_valid(text, n, NULL))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "mail text: not valid UTF-8");
	while (i < n && rc == MASA_OK) {
		if (s[i] == '\r' || s[i] == '\n') {
			i += s[i] == '\r' && s[i + 1] == '\n' ? 2 : 1;
			rc = buf_puts(b, "\r\n", err);
			line = 0;
			continue;
		}
		size_t c = utf8_char_bytes(s[i]);
		if (line + c > LINE_MAX_BYTES) {
			if ((rc = buf_puts(b, "\r\n", err)) != MASA_OK)
				break;
			line = 0;
		}
		rc = buf_append(b, s + i, c, err);
		line += c;
		i += c;
	}
	if (rc == MASA_OK && line > 0)
		rc = buf_puts(b, "\r\n", err);
	return rc;
}

#define TEXT_PART_HEADERS                             \
	"Content-Type: text/plain; charset=UTF-8\r\n" \
	"Content-Transfer-Encoding: 8bit\r\n"

/*
 * type/subtype, each of RFC 2045 token characters, then any parameters
 * ("; charset=utf-8") of printable ASCII without quotes or backslashes.
 */
static bool media_type_valid(const char *t)
{
	size_t slash = 0, n = t ? strlen(t) : 0;
	const char *params = t ? strchr(t, ';') : NULL;

	if (n == 0 || n > 127)
		return false;
	if (params != NULL) {
		for (const char *p = params; *p; p++)
			if ((unsigned char)*p < 0x20 ||
			    (unsigned char)*p >= 0x7f || *p == '"' ||
			    *p == '\\')
				return false;
		n = (size_t)(params - t);
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];
		if (c == '/') {
			if (slash != 0 || i == 0)
				return false;
			slash = i;
		} else if (c <= 0x20 || c >= 0x7f ||
		           strchr("()<>@,;:\\\"[]?=", c)) {
			return false;
		}
	}
	return slash != 0 && slash + 1 < n;
}

static enum masa_err check_attachments(const struct mail_message *m,
                                       struct masa_error *err)
{
	size_t total = 0;

	if (m->nattachments > MAIL_ATTACHMENTS_COUNT)
		return masa_error_set(err, MASA_ERR_LIMIT,
		                      "mail attachments: more than %d files",
		                      MAIL_ATTACHMENTS_COUNT);
	for (size_t i = 0; i < m->nattachments; i++) {
		const struct mail_attachment *f = &m->attachments[i];
		if (f->file_name == NULL || f->file_name[0] == '\0' ||
		    strlen(f->file_name) > MAIL_HEADER_MAX / 2)
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "mail attachment %zu: no file name "
			        "or one longer than %d bytes",
			        i + 1, MAIL_HEADER_MAX / 2);
		if (!media_type_valid(f->media_type))
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "mail attachment %zu: \"%.60s\" is "
			        "not a media type such as "
			        "application/pdf",
			        i + 1, f->media_type ? f->media_type : "");
		if (f->bytes == NULL && f->size > 0)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "mail attachment %zu: no bytes",
			                      i + 1);
		if (f->size > MAIL_ATTACHMENTS_MAX - total)
			return masa_error_set(
			        err, MASA_ERR_LIMIT,
			        "mail attachments: more than %d MB "
			        "in all",
			        MAIL_ATTACHMENTS_MAX / (1024 * 1024));
		total += f->size;
	}
	return MASA_OK;
}

/* Base64 in lines of 76 characters (57 bytes), each ending in CRLF. */
static enum masa_err put_base64_lines(struct buf *b, const void *bytes,
                                      size_t n, struct masa_error *err)
{
	const unsigned char *s = bytes;
	enum masa_err rc = MASA_OK;

	for (size_t i = 0; i < n && rc == MASA_OK; i += 57) {
		size_t len = n - i < 57 ? n - i : 57;
		if ((rc = put_base64(b, s + i, len, err)) == MASA_OK)
			rc = buf_puts(b, "\r\n", err);
	}
	return rc;
}

/*
 * The text and the files as multipart/mixed (RFC 2046). The boundary is
 * random, so neither the text nor base64 (which has no '-') can hold it.
 */
static enum masa_err put_multipart(struct buf *b, const struct mail_message *m,
                                   const char *boundary, struct masa_error *err)
{
	enum masa_err rc;

	if ((rc = buf_printf(b, err,
	                     "This is a message with files attached.\r\n"
	                     "\r\n--%s\r\n" TEXT_PART_HEADERS "\r\n",
	                     boundary)) ||
	    (rc = put_body(b, m->text, err)))
		return rc;
	for (size_t i = 0; i < m->nattachments; i++) {
		const struct mail_attachment *f = &m->attachments[i];
		char name[MAIL_HEADER_MAX / 2 + 1];
		size_t k = 0;

		/* A plain ASCII name, safe inside quotes. */
		for (const char *p = f->file_name; *p && k + 1 < sizeof name;
		     p++) {
			unsigned char c = (unsigned char)*p;
			name[k++] =
			        c < 0x20 || c >= 0x7f || c == '"' || c == '\\'
			                ? '_'
			                : (char)c;
		}
		name[k] = '\0';
		if ((rc = buf_printf(
		             b, err,
		             "\r\n--%s\r\n"
		             "Content-Type: %s; name=\"%s\"\r\n"
		             "Content-Disposition: attachment; "
		             "filename=\"%s\"\r\n"
		             "Content-Transfer-Encoding: base64\r\n\r\n",
		             boundary, f->media_type, name, name)) ||
		    (rc = put_base64_lines(b, f->bytes, f->size, err)))
			return rc;
	}
	return buf_printf(b, err, "\r\n--%s--\r\n", boundary);
}

enum masa_err mail_format(const struct mail_message *m, struct buf *out,
                          struct masa_error *err)
{
	struct buf b;
	time_t when = m->date != 0 ? m->date : time(NULL);
	char boundary[40] = "";
	enum masa_err rc;

	buf_init(&b, MAIL_MESSAGE_MAX);
	if ((rc = check_header("From", m->from, err)) ||
	    (rc = mail_check_address("mail From", m->from, err)) ||
	    (rc = check_header("To", m->to, err)) ||
	    (rc = mail_check_address("mail To", m->to, err)) ||
	    (rc = check_header("Subject", m->subject, err)) ||
	    (m->from_name != NULL &&
	     (rc = check_header("From name", m->from_name, err))) ||
	    (m->to_name != NULL &&
	     (rc = check_header("To name", m->to_name, err))))
		goto out;
	if (m->text == NULL) {
		rc = masa_error_set(err, MASA_ERR_INVALID, "mail text: none");
		goto out;
	}
	if ((rc = put_date(&b, when, err)) ||
	    (rc = buf_puts(&b, "From: ", err)) ||
	    (rc = put_mailbox(&b, m->from_name, m->from, err)) ||
	    (rc = buf_puts(&b, "\r\nTo: ", err)) ||
	    (rc = put_mailbox(&b, m->to_name, m->to, err)) ||
	    (rc = buf_puts(&b, "\r\nSubject: ", err)))
		goto out;
	rc = is_ascii(m->subject) ? buf_puts(&b, m->subject, err)
	                          : put_encoded_words(&b, m->subject, err);
	if (m->nattachments > 0)
		snprintf(boundary, sizeof boundary, "masa-%016llx",
		         (unsigned long long)message_id_bits());
	if (rc || (rc = buf_puts(&b, "\r\n", err)) ||
	    (rc = put_message_id(&b, m, when, err)) ||
	    (rc = buf_puts(&b, "MIME-Version: 1.0\r\n", err)) ||
	    (rc = m->nattachments == 0
	                  ? buf_puts(&b, TEXT_PART_HEADERS, err)
	                  : buf_printf(&b, err,
	                               "Content-Type: multipart/mixed; "
	                               "boundary=\"%s\"\r\n"
	                               /* its text part is 8bit */
	                               "Content-Transfer-Encoding: 8bit\r\n",
	                               boundary)) ||
	    /* RFC 3834: no auto-replies to what masa sends. */
	    (rc = buf_puts(&b, "Auto-Submitted: auto-generated\r\n\r\n", err)))
		goto out;
	if (m->nattachments == 0)
		rc = put_body(&b, m->text, err);
	else if ((rc = check_attachments(m, err)) == MASA_OK)
		rc = put_multipart(&b, m, boundary, err);
	if (rc != MASA_OK)
		goto out;
	rc = buf_append(out, b.data, b.len, err);
out:
	buf_free(&b);
	return rc;
}

struct mail_sender {
	CURL *curl;
	char *url;        /* owned */
	char *url_shown;  /* without the password; owned */
	bool unreachable; /* the last send failed for want of the server */
	char curl_error[CURL_ERROR_SIZE];
};

enum masa_err mail_sender_open(const char *url, struct mail_sender **out,
                               struct masa_error *err)
{
	struct mail_sender *s = NULL;
	struct arena a = ARENA_INIT;
	enum masa_err rc;

	*out = NULL;
	if ((rc = mail_check_url(url, err)) != MASA_OK)
		return rc;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return masa_error_set(err, MASA_ERR_IO,
		                      "cannot start libcurl to send mail");
	s = xcalloc(1, sizeof *s);
	s->url = xstrdup(url);
	s->url_shown = xstrdup(mail_url_redacted(&a, url));
	arena_free(&a);
	s->curl = curl_easy_init();
	if (s->curl == NULL) {
		rc = masa_error_set(err, MASA_ERR_IO,
		                    "cannot start libcurl to send mail");
		goto out;
	}
	curl_easy_setopt(s->curl, CURLOPT_URL, s->url);
	/* Nothing but SMTP, even if a server redirects or a URL is odd. */
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(s->curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
#else
	curl_easy_setopt(s->curl, CURLOPT_PROTOCOLS,
	                 (long)(CURLPROTO_SMTP | CURLPROTO_SMTPS));
#endif
	/*
	 * smtp:// upgrades with STARTTLS when the server offers it; with a
	 * password in the URL it must, so that the password never crosses
	 * the network in clear. smtps:// is TLS from the start.
	 */
	curl_easy_setopt(s->curl, CURLOPT_USE_SSL,
	                 url_has_password(url) ? (long)CURLUSESSL_ALL
	                                       : (long)CURLUSESSL_TRY);
	curl_easy_setopt(s->curl, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(s->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(s->curl, CURLOPT_CONNECTTIMEOUT_MS,
	                 (long)CONNECT_TIMEOUT_MS);
	curl_easy_setopt(s->curl, CURLOPT_TIMEOUT_MS, (long)SEND_TIMEOUT_MS);
	curl_easy_setopt(s->curl, CURLOPT_ERRORBUFFER, s->curl_error);
	*out = s;
	s = NULL;
out:
	mail_sender_close(s);
	return rc;
}

/* The message being uploaded, read by curl in pieces. */
struct upload {
	const char *data;
	size_t len, pos;
};

static size_t read_upload(char *to, size_t size, size_t count, void *userp)
{
	struct upload *u = userp;
	size_t room = size * count, n = u->len - u->pos;

	if (n > room)
		n = room;
	memcpy(to, u->data + u->pos, n);
	u->pos += n;
	return n;
}

/* Failures that say the server itself is out of reach or refuses us. */
static bool server_failure(CURLcode code)
{
	switch (code) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_USE_SSL_FAILED:
	case CURLE_LOGIN_DENIED:
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
	case CURLE_WEIRD_SERVER_REPLY:
		return true;
	default:
		return false;
	}
}

enum masa_err mail_send(struct mail_sender *s, const struct mail_message *m,
                        struct masa_error *err)
{
	struct buf text;
	struct curl_slist *rcpt = NULL;
	struct upload up = {0};
	char envelope[300];
	CURLcode cc;
	enum masa_err rc;

	s->unreachable = false;
	buf_init(&text, MAIL_MESSAGE_MAX);
	if ((rc = mail_format(m, &text, err)) != MASA_OK)
		goto out;
	/* Addresses are checked by mail_format: no <, > or line breaks. */
	snprintf(envelope, sizeof envelope, "<%s>", m->to);
	rcpt = curl_slist_append(NULL, envelope);
	if (rcpt == NULL) {
		rc = masa_error_set(err, MASA_ERR_IO, "out of memory");
		goto out;
	}
	snprintf(envelope, sizeof envelope, "<%s>", m->from);
	up.data = text.data;
	up.len = text.len;
	s->curl_error[0] = '\0';
	curl_easy_setopt(s->curl, CURLOPT_MAIL_FROM, envelope);
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(s->curl, CURLOPT_READFUNCTION, read_upload);
	curl_easy_setopt(s->curl, CURLOPT_READDATA, &up);
	curl_easy_setopt(s->curl, CURLOPT_INFILESIZE_LARGE,
	                 (curl_off_t)text.len);
	cc = curl_easy_perform(s->curl);
	/* The list and the upload die here: curl must not keep them. */
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, NULL);
	curl_easy_setopt(s->curl, CURLOPT_READDATA, NULL);
	if (cc != CURLE_OK) {
		s->unreachable = server_failure(cc);
		rc = masa_error_set(err, MASA_ERR_IO,
		                    "cannot send to %s through %s: %s", m->to,
		                    s->url_shown,
		                    s->curl_error[0] ? s->curl_error
		                                     : curl_easy_strerror(cc));
	}
out:
	curl_slist_free_all(rcpt);
	buf_free(&text);
	return rc;
}

bool mail_sender_unreachable(const struct mail_sender *s)
{
	return s->unreachable;
}

void mail_sender_close(struct mail_sender *s)
{
	if (s == NULL)
		return;
	if (s->curl != NULL)
		curl_easy_cleanup(s->curl);
	free(s->url);
	free(s->url_shown);
	free(s);
	curl_global_cleanup();
}
