/*
 * fuzz_ical: libFuzzer target for the iCalendar writer. Any UTF-8 text
 * (a meeting's name or venue) written as a SUMMARY and a LOCATION must give
 * lines of at most 75 octets ending in CRLF, none starting inside a UTF-8
 * character, that unfold and unescape back to the text (with line breaks
 * as LF and the control characters TEXT may not hold left out).
 *   make fuzz
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "web/ical.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What the text should read as after a round trip. */
static size_t expected(const char *in, size_t n, char *out)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)in[i];
		if (c == '\r') {
			if (i + 1 < n && in[i + 1] == '\n')
				i++;
			out[k++] = '\n';
		} else if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f)) {
			out[k++] = (char)c;
		}
	}
	return k;
}

/* Unfolds and unescapes the value of the line named name in feed. */
static size_t value_of(const char *feed, const char *name, char *out)
{
	size_t k = 0, namelen = strlen(name);
	const char *p = strstr(feed, name);
	bool escape = false, value = false;

	if (p == NULL || p[namelen] != ':')
		abort();
	p += namelen + 1;
	value = true;
	while (*p) {
		if (p[0] == '\r' && p[1] == '\n') {
			if (p[2] != ' ')
				break;
			p += 3; /* a fold */
			continue;
		}
		if (escape) {
			out[k++] = *p == 'n' ? '\n' : *p;
			escape = false;
		} else if (*p == '\\') {
			escape = true;
		} else {
			out[k++] = *p;
		}
		p++;
	}
	if (!value || escape)
		abort();
	return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct masa_error err;
	struct ical c;
	const char *out, *p;
	char *text, *want, *got;
	size_t len, nwant, ngot;

	/* masa's stored text is always UTF-8 without NUL. */
	if (memchr(data, 0, size) != NULL ||
	    !utf8_valid((const char *)data, size, NULL))
		return 0;
	text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	ical_init(&c, 1 << 22);
	ical_line(&c, "BEGIN", "VEVENT");
	ical_text(&c, "SUMMARY", text);
	ical_text(&c, "LOCATION", text);
	ical_line(&c, "END", "VEVENT");
	if (ical_finish(&c, &out, &len, &err) != MASA_OK)
		abort();
	/* Every line: CRLF, at most 75 octets, not starting mid-character. */
	for (p = out; p < out + len;) {
		const char *crlf = strstr(p, "\r\n");
		if (crlf == NULL || crlf - p > ICAL_LINE_OCTETS)
			abort();
		if (memchr(p, '\r', (size_t)(crlf - p)) ||
		    memchr(p, '\n', (size_t)(crlf - p)))
			abort();
		if (p[0] == ' ' && crlf > p + 1 &&
		    ((unsigned char)p[1] & 0xC0) == 0x80)
			abort();
		p = crlf + 2;
	}
	want = malloc(size + 1);
	got = malloc(2 * size + 1);
	nwant = expected(text, size, want);
	ngot = value_of(out, "\r\nSUMMARY", got);
	if (ngot != nwant || memcmp(got, want, nwant) != 0)
		abort();
	ngot = value_of(out, "\r\nLOCATION", got);
	if (ngot != nwant || memcmp(got, want, nwant) != 0)
		abort();
	free(got);
	free(want);
	free(text);
	ical_free(&c);
	return 0;
}
