/*
 * error: messages for the one error convention (see error.h).
 */
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum masa_err masa_error_set(struct masa_error *err, enum masa_err code,
                             const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return code;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	return code;
}

void masa_error_prefix(struct masa_error *err, const char *fmt, ...)
{
	char prefix[256];
	char old[sizeof err->message];
	va_list ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	/* Truncation keeps the start of both parts, which is what matters. */
	memcpy(old, err->message, sizeof old);
	old[sizeof old - 1] = '\0';
	size_t n = strlen(prefix);
	size_t room = sizeof err->message - 1;
	if (n > room)
		n = room;
	memcpy(err->message, prefix, n);
	if (room - n >= 2) {
		memcpy(err->message + n, ": ", 2);
		n += 2;
		size_t m = strlen(old);
		if (m > room - n)
			m = room - n;
		memcpy(err->message + n, old, m);
		n += m;
	}
	err->message[n] = '\0';
}

void masa_error_clear(struct masa_error *err)
{
	if (err == NULL)
		return;
	err->code = MASA_OK;
	err->message[0] = '\0';
}

const char *masa_err_name(enum masa_err code)
{
	switch (code) {
	case MASA_OK:
		return "ok";
	case MASA_ERR_INVALID:
		return "invalid";
	case MASA_ERR_NOT_FOUND:
		return "not found";
	case MASA_ERR_CONFLICT:
		return "conflict";
	case MASA_ERR_LIMIT:
		return "too large";
	case MASA_ERR_VERSION:
		return "version";
	case MASA_ERR_IO:
		return "input/output";
	case MASA_ERR_STORE:
		return "database";
	case MASA_ERR_USAGE:
		return "usage";
	case MASA_ERR_DENIED:
		return "denied";
	case MASA_ERR_UNKNOWN_USER:
		return "not signed in";
	case MASA_ERR_UNAVAILABLE:
		return "unavailable";
	case MASA_ERR_BUSY:
		return "busy";
	}
	return "unknown";
}
