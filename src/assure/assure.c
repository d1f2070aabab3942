/*
 * assure: case references, age bands, suppression of small numbers and
 * the reading of a case in the audit log.
 */
#include "assure/assure.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "gov/audit.h"

const char *const assure_age_bands[] = {"unborn", "0-27d", "28-364d", "1-4",
                                        "5-9",    "10-14", "15-17",   NULL};
static const char *const age_band_labels[] = {
        "unborn",       "0 to 27 days",   "28 to 364 days", "1 to 4 years",
        "5 to 9 years", "10 to 14 years", "15 to 17 years", NULL};

const char *assure_age_band_label(const char *band)
{
	for (size_t i = 0; band != NULL && assure_age_bands[i] != NULL; i++)
		if (strcmp(band, assure_age_bands[i]) == 0)
			return age_band_labels[i];
	return NULL;
}

enum masa_err assure_age_band_check(const char *field, const char *band,
                                    struct masa_error *err)
{
	if (assure_age_band_label(band) != NULL)
		return MASA_OK;
	return masa_error_set(err, MASA_ERR_INVALID,
	                      "%s \"%.20s\" is not an age band: use unborn, "
	                      "0-27d, 28-364d, 1-4, 5-9, 10-14 or 15-17",
	                      field, band ? band : "");
}

/* The words an anonymised reference may hold in lower case. */
static bool allowed_word(const char *w, size_t n)
{
	static const char *const words[] = {
	        "child", "baby", "case", "family", "review", "infant", NULL};

	for (size_t i = 0; words[i] != NULL; i++)
		if (strlen(words[i]) == n && strncasecmp(words[i], w, n) == 0)
			return true;
	return false;
}

/* The digits s[0..n) as a day, month and year that make a real date in
 * one of the orders people write dates of birth in. */
static bool digits_read_as_date(const char *s, size_t n)
{
	int v[8];
	char iso[40];

	if (n != 6 && n != 8)
		return false;
	for (size_t i = 0; i < n; i++)
		v[i] = s[i] - '0';
	if (n == 8) {
		/* ddmmyyyy or yyyymmdd */
		int d = v[0] * 10 + v[1], m = v[2] * 10 + v[3];
		int y = v[4] * 1000 + v[5] * 100 + v[6] * 10 + v[7];
		int y2 = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
		int m2 = v[4] * 10 + v[5], d2 = v[6] * 10 + v[7];

		snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
		if (y >= 1990 && y <= 2100 &&
		    date_parse(iso, NULL, NULL) == MASA_OK)
			return true;
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", y2, m2, d2);
		return y2 >= 1990 && y2 <= 2100 &&
		       date_parse(iso, NULL, NULL) == MASA_OK;
	}
	/* ddmmyy */
	{
		int d = v[0] * 10 + v[1], m = v[2] * 10 + v[3];
		int y = 2000 + v[4] * 10 + v[5];

		snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
		return date_parse(iso, NULL, NULL) == MASA_OK;
	}
}

/* Three numbers joined by one separator (12/03/2019, 2019-03-12,
 * 12.3.19) that make a real date. */
static bool parts_read_as_date(const char *ref)
{
	int a, b, c, len = 0;
	char s1, s2, iso[40];

	for (const char *p = ref; *p; p++) {
		if (!isdigit((unsigned char)*p) ||
		    (p > ref && isdigit((unsigned char)p[-1])))
			continue;
		if (sscanf(p, "%4d%c%2d%c%4d%n", &a, &s1, &b, &s2, &c, &len) !=
		            5 ||
		    s1 != s2 || strchr("/.-_", s1) == NULL)
			continue;
		if (a >= 1990 && a <= 2100)
			snprintf(iso, sizeof iso, "%04d-%02d-%02d", a, b, c);
		else
			snprintf(iso, sizeof iso, "%04d-%02d-%02d",
			         c < 100 ? 2000 + c : c, b, a);
		if (date_parse(iso, NULL, NULL) == MASA_OK)
			return true;
	}
	return false;
}

enum masa_err assure_reference_check(const char *field, const char *ref,
                                     struct masa_error *err)
{
	size_t n = ref ? strlen(ref) : 0;
	bool digit = false, lone_capital = false;

	if (n == 0)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s is missing: give the case's reference "
		        "(such as CDOP-2024-017), never a name",
		        field);
	if (n > ASSURE_REFERENCE_MAX)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s is longer than %d characters: give the "
		        "case's reference, not a description",
		        field, ASSURE_REFERENCE_MAX);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)ref[i];

		if (c == ' ' || c == '\t')
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%s \"%.40s\" has a space: a "
			                      "reference is a code "
			                      "such as CDOP-2024-017 (a "
			                      "child's name must never "
			                      "be typed here)",
			                      field, ref);
		if (!isalnum(c) && strchr("-/._", c) == NULL)
			return masa_error_set(err, MASA_ERR_INVALID,
			                      "%s \"%.40s\" has \"%c\": use "
			                      "letters, digits and "
			                      "- / . _ only",
			                      field, ref,
			                      c >= 32 && c < 127 ? c : '?');
		digit |= isdigit(c) != 0;
	}
	/* Words: runs of letters. */
	for (size_t i = 0; i < n;) {
		size_t j = i;
		bool lower = false;

		while (j < n && isalpha((unsigned char)ref[j])) {
			lower |= islower((unsigned char)ref[j]) != 0;
			j++;
		}
		if (j == i) {
			i++;
			continue;
		}
		if (j - i == 1 && isupper((unsigned char)ref[i]))
			lone_capital = true;
		if (lower && j - i >= 3 && !allowed_word(ref + i, j - i))
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "%s \"%.40s\": \"%.*s\" looks like a name; a "
			        "case "
			        "reference must not identify the child (write "
			        "codes in capitals, such as CDOP-2024-017 or "
			        "CHILD-J)",
			        field, ref, (int)(j - i), ref + i);
		i = j;
	}
	/* Numbers: a run of 6 or 8 digits, or three joined numbers, that
	 * read as a date. */
	for (size_t i = 0; i < n;) {
		size_t j = i;

		while (j < n && isdigit((unsigned char)ref[j]))
			j++;
		if (j > i && digits_read_as_date(ref + i, j - i))
			return masa_error_set(
			        err, MASA_ERR_INVALID,
			        "%s \"%.40s\": \"%.*s\" reads as a date, which "
			        "could "
			        "be a date of birth; number cases in sequence "
			        "instead (CDOP-2024-017)",
			        field, ref, (int)(j - i), ref + i);
		i = j > i ? j : i + 1;
	}
	if (parts_read_as_date(ref))
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s \"%.40s\" holds a date, which could be "
		        "a date of birth; number cases in sequence "
		        "instead (CDOP-2024-017)",
		        field, ref);
	if (!digit && !lone_capital)
		return masa_error_set(
		        err, MASA_ERR_INVALID,
		        "%s \"%.40s\" has no number: give the case's "
		        "reference, such as CDOP-2024-017",
		        field, ref);
	return MASA_OK;
}

bool assure_suppressed(long count)
{
	return count >= 1 && count < ASSURE_SUPPRESS_BELOW;
}

const char *assure_count_text(long count, bool suppress, char *out, size_t size)
{
	if (suppress && assure_suppressed(count))
		snprintf(out, size, "fewer than %d", ASSURE_SUPPRESS_BELOW);
	else
		snprintf(out, size, "%ld", count);
	return out;
}

enum masa_err assure_audit_view(struct gov *g, const char *entity, int64_t id,
                                struct masa_error *err)
{
	return audit_record(g, "view", entity, id, NULL, NULL, err);
}
