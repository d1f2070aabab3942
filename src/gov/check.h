/*
 * check: validation of field values shared by the governance records. Each
 * check names the field and the value in its message, and returns
 * MASA_ERR_INVALID when the value breaks the rule. Used inside src/gov only.
 */
#ifndef MASA_GOV_CHECK_H
#define MASA_GOV_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

/* Longest values accepted: one-line text and long text (minutes). */
enum {
	CHECK_LINE_MAX = 1000,
	CHECK_TEXT_MAX = 1000 * 1000,
};

/* value is present, not blank, valid UTF-8, one line, at most CHECK_LINE_MAX.
 */
enum masa_err check_line(const char *field, const char *value,
                         struct masa_error *err);
/* As check_line, but NULL is allowed. */
enum masa_err check_optional_line(const char *field, const char *value,
                                  struct masa_error *err);
/* NULL or UTF-8 text of at most CHECK_TEXT_MAX bytes (newlines allowed). */
enum masa_err check_optional_text(const char *field, const char *value,
                                  struct masa_error *err);
/* value is one of the NULL-terminated list words (NULL allowed if optional). */
enum masa_err check_enum(const char *field, const char *value,
                         const char *const *words, bool optional,
                         struct masa_error *err);
/* NULL (when optional) or a real YYYY-MM-DD date. */
enum masa_err check_date(const char *field, const char *value, bool optional,
                         struct masa_error *err);
/* NULL or HH:MM. */
enum masa_err check_time(const char *field, const char *value,
                         struct masa_error *err);
/* NULL or an http:// or https:// address without spaces. */
enum masa_err check_url(const char *field, const char *value,
                        struct masa_error *err);
/* NULL or something@something. */
enum masa_err check_email(const char *field, const char *value,
                          struct masa_error *err);
/* from and to (either may be NULL) are in order: from <= to. */
enum masa_err check_date_order(const char *from_field, const char *from,
                               const char *to_field, const char *to,
                               struct masa_error *err);

#endif
