/*
 * fuzz_mail: libFuzzer target for the e-mail masa writes from values that
 * come from outside (names, addresses, subjects and text from the database
 * and the command line, an attached paper's name, type and bytes): the
 * input is split at NUL bytes into the header values, the attachment's
 * name and media type, the text and the file, and mail_format must either
 * refuse them or write a message with no header line broken by them.
 *   make fuzz
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/mail.h"

enum { FIELDS = 8 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1);
	const char *field[FIELDS] = {0};
	size_t n = 0, start = 0, file_at = size;
	struct mail_attachment file;
	struct mail_message m;
	struct masa_error err;
	struct buf out;

	memcpy(copy, data, size);
	copy[size] = '\0';
	/* Fields split at NUL; the file is what follows the seventh. */
	for (size_t i = 0; i <= size && n < FIELDS - 1; i++) {
		if (copy[i] != '\0')
			continue;
		field[n++] = copy + start;
		start = i + 1;
	}
	if (n == FIELDS - 1)
		file_at = start;
	file = (struct mail_attachment){
	        .file_name = field[5] ? field[5] : "a.pdf",
	        .media_type = field[6] ? field[6] : "application/pdf",
	        .bytes = copy + file_at,
	        .size = file_at <= size ? size - file_at : 0,
	};
	m = (struct mail_message){
	        .from = field[0] ? field[0] : "a@example.org",
	        .from_name = field[1],
	        .to = "b@example.org",
	        .to_name = field[2],
	        .subject = field[3] ? field[3] : "s",
	        .text = field[4] ? field[4] : "",
	        .date = 1417698000,
	        .message_id = "x@example.org",
	        .attachments = &file,
	        .nattachments = size > 0 && (data[0] & 1),
	};
	buf_init(&out, MAIL_MESSAGE_MAX);
	if (mail_format(&m, &out, &err) == MASA_OK) {
		/* Every line ends in CRLF; no bare CR or LF got through. */
		const char *s = buf_str(&out);
		for (size_t i = 0; i < out.len; i++) {
			if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r'))
				abort();
			if (s[i] == '\r' && s[i + 1] != '\n')
				abort();
		}
	}
	buf_free(&out);
	free(copy);
	return 0;
}
