/*
 * check: shared field validation (see check.h).
 */
#include "gov/check.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"

static enum masa_err check_utf8(const char *field, const char *value,
                                size_t max, struct masa_error *err)
{
	size_t n = strlen(value);
	size_t bad;

	if (n > max)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s: %zu bytes is longer than the limit of "
		        "%zu",
		        field, n, max);
	if (!utf8_valid(value, n, &bad))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s: not UTF-8 text (bad byte at offset %zu)", field,
		        bad);
	return MASA_OK;
}

enum masa_err check_line(const char *field, const char *value,
                         struct masa_error *err)
{
	if (text_is_blank(value))
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: required, and may not be blank",
		                      field);
	if (strchr(value, '\n') != NULL || strchr(value, '\r') != NULL)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s: must be one line, \"%.60s\" has a line "
		        "break",
		        field, value);
	return check_utf8(field, value, CHECK_LINE_MAX, err);
}

enum masa_err check_optional_line(const char *field, const char *value,
                                  struct masa_error *err)
{
	return value == NULL ? MASA_OK : check_line(field, value, err);
}

enum masa_err check_optional_text(const char *field, const char *value,
                                  struct masa_error *err)
{
	return value == NULL ? MASA_OK
	                     : check_utf8(field, value, CHECK_TEXT_MAX, err);
}

enum masa_err check_enum(const char *field, const char *value,
                         const char *const *words, bool optional,
                         struct masa_error *err)
{
	char list[400];
	size_t used = 0;

	if (value == NULL) {
		if (optional)
			return MASA_OK;
	} else {
		for (size_t i = 0; words[i] != NULL; i++)
			if (strcmp(value, words[i]) == 0)
				return MASA_OK;
	}
	list[0] = '\0';
	for (size_t i = 0; words[i] != NULL && used < sizeof list; i++) {
		int w = snprintf(list + used, sizeof list - used, "%s%s",
		                 i ? ", " : "", words[i]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
	if (value == NULL)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: required, one of %s", field, list);
	return masa_error_set(err, MASA_ERR_INVALID,
	                      "%s: \"%.60s\" is not one of %s", field, value,
	                      list);
}

enum masa_err check_date(const char *field, const char *value, bool optional,
                         struct masa_error *err)
{
	if (value == NULL)
		return optional ? MASA_OK
		                : masa_error_set(err, MASA_ERR_INVALID,
		                                 "%s: a date is required",
		                                 field);
	if (date_parse(value, NULL, err) != MASA_OK) {
		masa_error_prefix(err, "%s", field);
		return MASA_ERR_INVALID;
	}
	return MASA_OK;
}

enum masa_err check_time(const char *field, const char *value,
                         struct masa_error *err)
{
	if (value == NULL)
		return MASA_OK;
	if (time_parse(value, NULL, err) != MASA_OK) {
		masa_error_prefix(err, "%s", field);
		return MASA_ERR_INVALID;
	}
	return MASA_OK;
}

enum masa_err check_url(const char *field, const char *value,
                        struct masa_error *err)
{
	if (value == NULL)
		return MASA_OK;
	if ((strncmp(value, "https://", 8) != 0 &&
	     strncmp(value, "http://", 7) != 0) ||
	    strpbrk(value, " \t\r\n\"<>") != NULL || strlen(value) > 2000)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s: \"%.60s\" is not an http:// or https:// "
		        "address",
		        field, value);
	return check_utf8(field, value, 2000, err);
}

enum masa_err check_email(const char *field, const char *value,
                          struct masa_error *err)
{
	const char *at;

	if (value == NULL)
		return MASA_OK;
	at = strchr(value, '@');
	if (at == NULL || at == value || at[1] == '\0' ||
	    strpbrk(value, " \t\r\n,;<>\"") != NULL || strlen(value) > 254)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: \"%.60s\" is not an e-mail address",
		                      field, value);
	return MASA_OK;
}

enum masa_err check_date_order(const char *from_field, const char *from,
                               const char *to_field, const char *to,
                               struct masa_error *err)
{
	if (from != NULL && to != NULL && strcmp(from, to) > 0)
		return masa_error_set(err, MASA_ERR_INVALID,
		                      "%s: %s is before %s %s", to_field, to,
		                      from_field, from);
	return MASA_OK;
}
