/*
 * reader: recognises a meeting in the lines of a minutes document (see
 * reader.h and docs/import.md).
 *
 * One pass over the source lines. For each line the reader asks, in order:
 * is it blank; page furniture (a running header repeated on every page);
 * in the appendix, a row of the action log; an item's printed number; an
 * attendance header or row; the heading facts (body, title, date, times,
 * venue); a resolution; an action; a late arrival, an early departure, a
 * deferral, the next meeting; and otherwise text of the current item, or
 * an unplaced line before the first item. Every matcher is hand-written and
 * looks at the start or the end of one line (or the next line at most), so
 * reading is linear in the size of the document.
 */
#include "minutes/reader.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"

enum state { ST_HEAD, ST_ITEMS, ST_APPENDIX };
enum list { L_NONE, L_PRESENT, L_ATTENDANCE, L_APOLOGIES, L_ABSENT };
enum column {
	COL_NONE,
	COL_NUMBER,
	COL_OWNER,
	COL_TEXT,
	COL_UPDATE,
	COL_STATUS,
	COL_DUE,
	COL_RAISED,
};

struct reader {
	const struct source *s;
	struct minutes_reading *r;
	struct arena *a;
	enum state state;
	enum list list;
	bool seen_present;
	/* an attendance table's columns: what each cell says */
	enum { ATT_OTHER, ATT_ROLE, ATT_STATUS } att_cols[SOURCE_MAX_CELLS];
	size_t natt_cols;
	size_t cap_present, cap_attendance, cap_apologies, cap_absent;
	size_t cap_items, cap_res, cap_act, cap_log, cap_upd, cap_unsure,
	        cap_unplaced;
	struct minutes_item *item; /* the current item, or NULL */
	const char *item_place;    /* "item 4.3" */
	struct buf text;           /* the current item's text */
	bool blank_before;         /* a blank line since the last text */
	bool after_furniture;      /* a page header since the last text */
	long top, sub;             /* numbers of the current item, if numeric */
	bool title_pending;        /* the item's title is on the next line */
	bool in_resolution;        /* (2), (3)... continue the resolutions */
	bool resolution_parts;     /* (a), (b) continue one resolution */
	bool action_block;         /* after a line "Action:" */
	bool webcast;              /* a line said the webcast is at... */
	bool confidential;         /* in the part of the meeting held in
	                              private */
	enum column cols[SOURCE_MAX_CELLS]; /* an action table's columns */
	size_t ncols;
	bool log_table;     /* the table is an action log, not actions */
	const char *raised; /* the action log section's date */
	bool raised_known;  /* a section said when its actions were raised */
	struct minutes_log_entry *entry; /* the last log entry */
};

/* Growing arrays in the arena: doubles, copies, returns the new slot. */
static void *push(struct arena *a, void **data, size_t *n, size_t *cap,
                  size_t size)
{
	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		void *bigger = arena_alloc(a, ncap * size);
		if (*n > 0)
			memcpy(bigger, *data, *n * size);
		*data = bigger;
		*cap = ncap;
	}
	char *slot = (char *)*data + (*n)++ * size;
	memset(slot, 0, size);
	return slot;
}

#define PUSH(rd, field, count, capfield)                         \
	push((rd)->a, (void **)&(rd)->r->field, &(rd)->r->count, \
	     &(rd)->capfield, sizeof *(rd)->r->field)

/* text helpers */

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

static const char *skip_spaces(const char *p)
{
	while (is_space(*p))
		p++;
	return p;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);

	return n >= k && strcmp(s + n - k, tail) == 0;
}

/* The length of prefix if s starts with it (ASCII case ignored), else 0. */
static size_t starts_ci(const char *s, const char *prefix)
{
	size_t i = 0;

	for (; prefix[i]; i++)
		if (tolower((unsigned char)s[i]) !=
		    tolower((unsigned char)prefix[i]))
			return 0;
	return i;
}

/* As starts_ci, but the prefix must end at a word boundary. */
static size_t word_ci(const char *s, const char *word)
{
	size_t n = starts_ci(s, word);

	if (n == 0 || isalnum((unsigned char)s[n]))
		return 0;
	return n;
}

/* Finds needle in hay, ASCII case ignored; NULL if absent. */
static const char *find_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	int first = tolower((unsigned char)needle[0]);

	for (const char *p = hay; *p; p++)
		if (tolower((unsigned char)*p) == first &&
		    starts_ci(p, needle) == n)
			return p;
	return NULL;
}

/* A dash between words: "-", en dash, em dash. Its length, or 0. */
static size_t dash(const char *p)
{
	if (*p == '-')
		return 1;
	if (strncmp(p, "\xe2\x80\x93", 3) == 0 ||
	    strncmp(p, "\xe2\x80\x94", 3) == 0)
		return 3;
	return 0;
}

/* A copy of s[0..n) with spaces and trailing punctuation in trim. */
static char *copy_trim(struct arena *a, const char *s, size_t n,
                       const char *trim_end)
{
	while (n > 0 && is_space(*s)) {
		s++;
		n--;
	}
	for (;;) {
		while (n > 0 && is_space(s[n - 1]))
			n--;
		if (n > 0 && trim_end && strchr(trim_end, s[n - 1]) != NULL) {
			n--;
			continue;
		}
		if (n >= 3 && trim_end && strchr(trim_end, '-') &&
		    dash(s + n - 3) == 3) {
			n -= 3;
			continue;
		}
		break;
	}
	return arena_strndup(a, s, n);
}

static size_t word_count(const char *s)
{
	size_t n = 0;
	bool in = false;

	for (; *s; s++) {
		if (is_space(*s)) {
			in = false;
		} else if (!in) {
			in = true;
			n++;
		}
	}
	return n;
}

/* dates and times */

static const char *const month_names[12] = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
static const char *const weekday_names[7] = {"monday",   "tuesday", "wednesday",
                                             "thursday", "friday",  "saturday",
                                             "sunday"};

static int month_at(const char *p, size_t *len)
{
	for (int m = 0; m < 12; m++) {
		size_t n = word_ci(p, month_names[m]);
		if (n == 0 && strncmp(month_names[m], "sept", 4) == 0)
			n = word_ci(p, "sept");
		if (n == 0) {
			char abbr[4];
			memcpy(abbr, month_names[m], 3);
			abbr[3] = '\0';
			n = word_ci(p, abbr);
		}
		if (n > 0) {
			if (p[n] == '.')
				n++;
			*len = n;
			return m + 1;
		}
	}
	return 0;
}

static size_t digits(const char *p, int max, long *value)
{
	size_t i = 0;
	long v = 0;

	while (isdigit((unsigned char)p[i]) && (int)i < max)
		v = v * 10 + (p[i++] - '0');
	if (i == 0 || isdigit((unsigned char)p[i]))
		return 0;
	*value = v;
	return i;
}

static bool valid_ymd(long y, long m, long d)
{
	static const int days[12] = {31, 29, 31, 30, 31, 30,
	                             31, 31, 30, 31, 30, 31};
	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	if (m == 2 && d == 29 &&
	    !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return false;
	return true;
}

static size_t ordinal_suffix(const char *p)
{
	static const char *const sfx[] = {"st", "nd", "rd", "th"};
	for (size_t i = 0; i < 4; i++) {
		size_t n = starts_ci(p, sfx[i]);
		if (n && !isalpha((unsigned char)p[n]))
			return n;
	}
	return 0;
}

size_t minutes_parse_date(const char *text, char out[11])
{
	const char *p = text;
	long y = 0, m = 0, d = 0;
	size_t n, mlen;

	for (int w = 0; w < 7; w++) {
		char abbr[4];
		n = word_ci(p, weekday_names[w]);
		if (n == 0) {
			memcpy(abbr, weekday_names[w], 3);
			abbr[3] = '\0';
			n = word_ci(p, abbr);
		}
		if (n > 0) {
			p += n;
			if (*p == ',')
				p++;
			p = skip_spaces(p);
			break;
		}
	}
	if (isdigit((unsigned char)*p)) {
		if ((n = digits(p, 4, &d)) == 0)
			return 0;
		if (n == 4 && p[4] == '-') { /* 2014-12-04 */
			y = d;
			if (digits(p + 5, 2, &m) != 2 || p[7] != '-' ||
			    digits(p + 8, 2, &d) != 2)
				return 0;
			p += 10;
		} else if (n <= 2 &&
		           (p[n] == '.' || p[n] == '/' || p[n] == '-')) {
			char sep = p[n];
			size_t k;
			p += n + 1;
			if ((k = digits(p, 2, &m)) == 0 || p[k] != sep)
				return 0;
			p += k + 1;
			if ((k = digits(p, 4, &y)) != 2 && k != 4)
				return 0;
			if (k == 2)
				y += 2000;
			p += k;
		} else if (n <= 2) {
			p += n;
			p += ordinal_suffix(p);
			p = skip_spaces(p);
			if ((n = word_ci(p, "of")) > 0)
				p = skip_spaces(p + n);
			if ((m = month_at(p, &mlen)) == 0)
				return 0;
			p += mlen;
			if (*p == ',')
				p++;
			p = skip_spaces(p);
			if (digits(p, 4, &y) != 4)
				return 0;
			p += 4;
		} else {
			return 0;
		}
	} else if ((m = month_at(p, &mlen)) != 0) { /* December 4, 2014 */
		p = skip_spaces(p + mlen);
		if ((n = digits(p, 2, &d)) == 0)
			return 0;
		p += n;
		p += ordinal_suffix(p);
		if (*p == ',')
			p++;
		p = skip_spaces(p);
		if (digits(p, 4, &y) != 4)
			return 0;
		p += 4;
	} else {
		return 0;
	}
	if (isalnum((unsigned char)*p) || !valid_ymd(y, m, d))
		return 0;
	snprintf(out, 11, "%04d-%02d-%02d", (int)(y % 10000), (int)(m % 100),
	         (int)(d % 100));
	return (size_t)(p - text);
}

size_t minutes_parse_time(const char *text, char out[6])
{
	const char *p = text;
	long h = 0, min = 0;
	size_t n;
	bool colon = false, pm = false, am = false;

	if ((n = digits(p, 2, &h)) == 0)
		return 0;
	p += n;
	if ((*p == '.' || *p == ':') && isdigit((unsigned char)p[1])) {
		colon = *p == ':';
		if (digits(p + 1, 2, &min) != 2)
			return 0;
		p += 3;
	}
	{
		const char *q = skip_spaces(p);
		if ((n = starts_ci(q, "p.m.")) || (n = word_ci(q, "pm")) ||
		    (n = word_ci(q, "p.m"))) {
			pm = true;
			p = q + n;
		} else if ((n = starts_ci(q, "a.m.")) ||
		           (n = word_ci(q, "am")) || (n = word_ci(q, "a.m"))) {
			am = true;
			p = q + n;
		} else if ((n = word_ci(q, "noon")) ||
		           (n = word_ci(q, "midday"))) {
			if (h != 12)
				return 0;
			p = q + n;
			am = true;
		} else if ((n = word_ci(q, "hrs")) ||
		           (n = word_ci(q, "hours"))) {
			p = q + n;
			colon = true;
		}
	}
	if (!am && !pm && !colon)
		return 0;
	if (isalnum((unsigned char)*p))
		return 0;
	if (am || pm) {
		if (h < 1 || h > 12)
			return 0;
		if (pm && h != 12)
			h += 12;
	}
	if (h > 23 || min > 59)
		return 0;
	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[2] = ':';
	out[3] = (char)('0' + min / 10);
	out[4] = (char)('0' + min % 10);
	out[5] = '\0';
	return (size_t)(p - text);
}

/* The first date in s: its start in *at and length, or 0. */
static size_t find_date(const char *s, char out[11], const char **at)
{
	for (const char *p = s; *p; p++) {
		if (p > s && isalnum((unsigned char)p[-1]))
			continue;
		if (!isalnum((unsigned char)*p))
			continue;
		size_t n = minutes_parse_date(p, out);
		if (n > 0) {
			*at = p;
			return n;
		}
	}
	return 0;
}

static size_t find_time(const char *s, char out[6], const char **at)
{
	for (const char *p = s; *p; p++) {
		if (!isdigit((unsigned char)*p) ||
		    (p > s && isalnum((unsigned char)p[-1])))
			continue;
		size_t n = minutes_parse_time(p, out);
		if (n > 0) {
			*at = p;
			return n;
		}
	}
	return 0;
}

/* notes */

static void note(struct reader *rd, size_t line, const char *text)
{
	struct minutes_note *n = PUSH(rd, unsure, nunsure, cap_unsure);
	n->line = line;
	n->text = text;
}

static void unplaced(struct reader *rd, size_t i)
{
	const struct source_line *l = &rd->s->lines[i];
	struct minutes_note *n = PUSH(rd, unplaced, nunplaced, cap_unplaced);
	n->line = l->number;
	n->text = arena_strdup(rd->a, l->text);
	rd->r->placed[i] = "unplaced";
}

/* names */

static const char *const honorifics[] = {
        "Councillors", "Councillor", "Cllrs",   "Cllr", "Mrs",
        "Mr",          "Ms",         "Miss",    "Dr",   "Prof",
        "Professor",   "Revd",       "Rev",     "Sir",  "Dame",
        "Canon",       "Det Supt",   "Ch Supt", "Supt", "Superintendent",
        "DCI",         "DI",         "DS",      "DC",   NULL};

/* s without a leading honorific (or several), borrowed. */
static const char *strip_honorific(const char *s)
{
	for (bool again = true; again;) {
		again = false;
		s = skip_spaces(s);
		for (size_t i = 0; honorifics[i]; i++) {
			size_t n = strlen(honorifics[i]);
			if (strncmp(s, honorifics[i], n) == 0 &&
			    (s[n] == ' ' || (s[n] == '.' && s[n + 1] == ' '))) {
				s += n + (s[n] == '.');
				again = true;
				break;
			}
		}
	}
	return s;
}

/* The last word of a name ("Booth" of "Kirsty Booth"). */
static const char *surname(const char *name, size_t *len)
{
	const char *end = name + strlen(name), *p = end;

	while (p > name && !is_space(p[-1]))
		p--;
	*len = (size_t)(end - p);
	return p;
}

/* Initials of a name: "KB" for "Kirsty Booth" (at most 7). */
static void initials(const char *name, char out[8])
{
	size_t k = 0;
	bool start = true;

	for (const char *p = name; *p && k < 7; p++) {
		if (is_space(*p)) {
			start = true;
		} else if (start) {
			if (isalpha((unsigned char)*p))
				out[k++] = (char)toupper((unsigned char)*p);
			start = false;
		}
	}
	out[k] = '\0';
}

static bool is_initials(const char *s, size_t n)
{
	if (n < 2 || n > 4)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isupper((unsigned char)s[i]))
			return false;
	return true;
}

/* Everyone the minutes list as there, in one walk. */
static const char *person_by(struct reader *rd, const char *s, size_t n,
                             bool by_initials, size_t *matches)
{
	struct minutes_person *lists[2] = {rd->r->present,
	                                   rd->r->in_attendance};
	size_t counts[2] = {rd->r->npresent, rd->r->nin_attendance};
	const char *found = NULL;

	*matches = 0;
	for (int l = 0; l < 2; l++)
		for (size_t i = 0; i < counts[l]; i++) {
			const char *name = lists[l][i].name;
			if (by_initials) {
				char ini[8];
				initials(name, ini);
				if (strlen(ini) != n || strncmp(ini, s, n) != 0)
					continue;
			} else {
				size_t sl;
				const char *sn = surname(name, &sl);
				if (strcmp(name, s) != 0 &&
				    (sl != n || strncmp(sn, s, n) != 0))
					continue;
			}
			if (found == NULL || strcmp(found, name) != 0)
				(*matches)++;
			found = name;
		}
	return found;
}

/* An owner as written into a name: initials or a surname resolved to the
 * one person present it can mean. */
static const char *resolve_owner(struct reader *rd, const char *written,
                                 size_t line)
{
	size_t matches, n;
	const char *name;

	written = strip_honorific(written);
	n = strlen(written);
	if (n == 0)
		return NULL;
	if (strcmp(written, "All") == 0 || strcmp(written, "all") == 0 ||
	    starts_ci(written, "all members") == n)
		return "All members";
	if (is_initials(written, n)) {
		name = person_by(rd, written, n, true, &matches);
		if (matches == 1)
			return name;
		note(rd, line,
		     arena_printf(
		             rd->a,
		             matches ? "owner %s: initials of %zu people "
		                       "present; left as written"
		                     : "owner %s: no one present has these "
		                       "initials; left as written",
		             written, matches));
		return arena_strdup(rd->a, written);
	}
	if (strchr(written, ' ') == NULL) {
		name = person_by(rd, written, n, false, &matches);
		if (matches == 1)
			return name;
	}
	return arena_strdup(rd->a, written);
}

/* Splits owners written "MT/SM", "Jo Bloggs and KB", "A, B & C". */
static void split_owners(struct reader *rd, const char *s, size_t len,
                         size_t line, const char ***out, size_t *nout)
{
	const char *parts[16];
	size_t np = 0;
	char *copy = arena_strndup(rd->a, s, len), *p = copy, *start = copy;

	for (;; p++) {
		size_t sep = 0;
		if (*p == '/' || *p == ',' || *p == '&' || *p == '+')
			sep = 1;
		else if (starts_ci(p, " and ") == 5)
			sep = 5;
		if (*p == '\0' || sep) {
			bool end = *p == '\0';
			*p = '\0';
			char *t = copy_trim(rd->a, start, strlen(start), ".:");
			if (*t && np < 16)
				parts[np++] = t;
			if (end)
				break;
			p += sep - 1;
			start = p + 1;
		}
	}
	*out = arena_alloc(rd->a, (np ? np : 1) * sizeof **out);
	*nout = 0;
	for (size_t i = 0; i < np; i++) {
		const char *name = resolve_owner(rd, parts[i], line);
		if (name)
			(*out)[(*nout)++] = name;
	}
}

/* attendance */

static const struct {
	const char *label;
	enum list list;
} headers[] = {
        {"members present", L_PRESENT},
        {"councillors present", L_PRESENT},
        {"present", L_PRESENT},
        {"attendees", L_PRESENT},
        {"attendance", L_PRESENT},
        {"also in attendance", L_ATTENDANCE},
        {"in attendance", L_ATTENDANCE},
        {"also present", L_ATTENDANCE},
        {"officers in attendance", L_ATTENDANCE},
        {"officers present", L_ATTENDANCE},
        {"officers", L_ATTENDANCE},
        {"guests", L_ATTENDANCE},
        {"apologies for absence", L_APOLOGIES},
        {"apologies received", L_APOLOGIES},
        {"apologies", L_APOLOGIES},
        {"absent", L_ABSENT},
        {"not present", L_ABSENT},
};

/* An attendance header ("Apologies:", "Present:- ..."); *rest is the text
 * after it (may be ""). */
static enum list attendance_header(const char *t, const char **rest)
{
	for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
		size_t n = starts_ci(t, headers[i].label);
		const char *p;
		if (n == 0)
			continue;
		p = t + n;
		while (*p == ' ')
			p++;
		if (*p == '\0') {
			*rest = p;
			return headers[i].list;
		}
		if (*p == ':') {
			p++;
			if (*p == '-')
				p++;
		} else if (dash(p) && (is_space(p[dash(p)]) || !p[dash(p)])) {
			p += dash(p);
		} else {
			continue;
		}
		*rest = skip_spaces(p);
		return headers[i].list;
	}
	return L_NONE;
}

static const char *const role_words[] = {
        "Chair",    "Vice-Chair", "Vice Chair", "Deputy Chair",
        "Member",   "Advisor",    "Adviser",    "Minutes",
        "Clerk",    "Secretary",  "Officer",    "Observer",
        "Co-optee", "Guest",      "Lay Member", "Minute taker",
        NULL};

static bool is_role(const char *s)
{
	for (size_t i = 0; role_words[i]; i++)
		if (strcasecmp(s, role_words[i]) == 0)
			return true;
	return false;
}

static struct minutes_person *add_person(struct reader *rd, enum list l)
{
	struct minutes_reading *r = rd->r;

	switch (l) {
	case L_ATTENDANCE:
		return PUSH(rd, in_attendance, nin_attendance, cap_attendance);
	case L_APOLOGIES:
		return PUSH(rd, apologies, napologies, cap_apologies);
	case L_ABSENT:
		return PUSH(rd, absent, nabsent, cap_absent);
	case L_PRESENT:
	case L_NONE:
		break;
	}
	(void)r;
	return PUSH(rd, present, npresent, cap_present);
}

/*
 * One person: "Steve Ashley – Chair", "Sam Newton representing Shona
 * McFarlane - Member", "Councillor Cusworth (in the Chair)", "Joanna Jones
 * (Co-optee ...)". job is a job title from another cell, or NULL.
 */
static void person(struct reader *rd, enum list l, const char *s, size_t len,
                   const char *job, size_t line)
{
	char *t = copy_trim(rd->a, s, len, ".;,");
	struct minutes_person *p;
	char *paren, *rep, *deputy = NULL;
	const char *name;

	if (*t == '\0' || isdigit((unsigned char)*t) ||
	    strcasecmp(t, "none") == 0 || strcasecmp(t, "nil") == 0 ||
	    strcasecmp(t, "none received") == 0)
		return;
	p = add_person(rd, l);
	p->line = line;
	/* "Ian Corbett (Head of Service), substitute for Jacqueline Moss" */
	for (const char *const *w =
	             (const char *const[]){" substitute for ",
	                                   " deputising for ", NULL};
	     *w; w++) {
		char *sub = (char *)find_ci(t, *w);
		if (sub != NULL) {
			p->representing =
			        copy_trim(rd->a, sub + strlen(*w),
			                  strlen(sub + strlen(*w)), "");
			*sub = '\0';
			t = copy_trim(rd->a, t, strlen(t), " ,");
			break;
		}
	}
	/* "Foundation governor (Chair)" from another cell */
	if (job && *job && !is_role(job)) {
		const char *open = strrchr(job, '(');
		size_t jn = strlen(job);
		if (open && job[jn - 1] == ')') {
			char *inside = arena_strndup(
			        rd->a, open + 1, (size_t)(job + jn - open - 2));
			if (is_role(inside)) {
				p->role = inside;
				job = copy_trim(rd->a, job,
				                (size_t)(open - job), "");
			}
		}
	}
	if (job && *job && is_role(job))
		p->role = arena_strdup(rd->a, job);
	else if (job && *job)
		p->job_title = arena_strdup(rd->a, job);
	/* "(in the Chair)", "(Chair)", "(Co-optee ...)" */
	paren = strchr(t, '(');
	if (paren != NULL && strchr(paren, ')') != NULL) {
		char *close = strrchr(paren, ')');
		char *inside = copy_trim(rd->a, paren + 1,
		                         (size_t)(close - paren - 1), "");
		const char *chair = inside;
		if (starts_ci(chair, "in the "))
			chair += 7;
		size_t il = strlen(inside);
		if (starts_ci(inside, "for item"))
			; /* there for one item: not who they are */
		else if (l == L_APOLOGIES && il > 16 &&
		         (ends_with(inside, " representing her") ||
		          ends_with(inside, " representing him") ||
		          ends_with(inside, " representing them")))
			/* "(Deputy Director of Finance, Neil Cope,
			 * representing her)": the deputy was there */
			deputy = copy_trim(
			        rd->a, inside,
			        (size_t)(strrchr(inside, ' ') - inside - 13),
			        " ,");
		else if (is_role(chair))
			p->role = chair;
		else if (l == L_APOLOGIES || l == L_ABSENT || p->job_title)
			p->representing = inside;
		else
			p->job_title = inside;
		*paren = '\0';
		t = copy_trim(rd->a, t, strlen(t), " ,");
	}
	/* "Name – Role" or "Name - Role, Job" */
	for (char *q = t; *q; q++) {
		size_t d;
		if (!is_space(*q) || !(d = dash(q + 1)) || !is_space(q[1 + d]))
			continue;
		char *after = (char *)skip_spaces(q + 1 + d);
		char *comma = strchr(after, ',');
		*q = '\0';
		if (comma && !p->job_title) {
			*comma = '\0';
			p->job_title = copy_trim(rd->a, comma + 1,
			                         strlen(comma + 1), "");
		}
		after = copy_trim(rd->a, after, strlen(after), "");
		if (is_role(after) || word_count(after) <= 2) {
			p->role = after;
			if (*p->role >= 'a' && *p->role <= 'z') {
				char *cap = arena_strdup(rd->a, p->role);
				cap[0] = (char)toupper((unsigned char)cap[0]);
				p->role = cap;
			}
		} else if (!p->job_title) {
			p->job_title = after;
		} else {
			p->representing = after;
		}
		break;
	}
	/* "Sam Newton representing Shona McFarlane", "X on behalf of Y",
	 * "X for Y" */
	rep = (char *)find_ci(t, " representing ");
	if (rep != NULL) {
		p->representing =
		        copy_trim(rd->a, rep + 14, strlen(rep + 14), "");
		*rep = '\0';
	} else if ((rep = (char *)find_ci(t, " on behalf of ")) != NULL) {
		p->representing =
		        copy_trim(rd->a, rep + 14, strlen(rep + 14), "");
		*rep = '\0';
	}
	/* "Jo Smith, Head of Service" in a list of one per line */
	if (strchr(t, ',') != NULL && !p->job_title) {
		char *comma = strchr(t, ',');
		p->job_title =
		        copy_trim(rd->a, comma + 1, strlen(comma + 1), "");
		*comma = '\0';
	}
	name = strip_honorific(t);
	p->name = copy_trim(rd->a, name, strlen(name), ".,;");
	if (p->role == NULL && p->representing == NULL && l == L_PRESENT &&
	    rd->r->npresent == 1 && find_ci(s, "chair") != NULL)
		p->role = "Chair";
	if (deputy != NULL && *deputy) {
		/* "Deputy Director of Finance, Neil Cope": the name is the
		 * part without " of " */
		const char *absentee = p->name;
		char *comma = strrchr(deputy, ',');
		struct minutes_person *d;
		if (comma && find_ci(deputy, " of ") &&
		    find_ci(deputy, " of ") < comma) {
			*comma = '\0';
			deputy = arena_printf(rd->a, "%s, %s",
			                      skip_spaces(comma + 1), deputy);
		}
		person(rd, L_PRESENT, deputy, strlen(deputy), NULL, line);
		d = &rd->r->present[rd->r->npresent - 1];
		d->representing = absentee;
	}
}

/* The names in a paragraph: "Councillor Cusworth (in the Chair);
 * Councillors Beaumont, Clark and Jarvis." */
static void people_paragraph(struct reader *rd, enum list l, const char *s,
                             size_t line)
{
	static const char *const leads[] = {
	        "apologies for absence were received from",
	        "apologies were received from",
	        "apologies were received on behalf of",
	        "apologies received from",
	        "apologies from",
	        NULL};
	int depth = 0;
	const char *start;
	bool semicolons = strchr(s, ';') != NULL, commas = !semicolons;

	for (size_t i = 0; leads[i]; i++) {
		size_t n = starts_ci(s, leads[i]);
		if (n) {
			s = skip_spaces(s + n);
			break;
		}
	}
	/* "Amanda Gilchrist (Chair); Colin Reid, Director of Children's
	 * Services": with semicolons between people, a comma separates a
	 * name from a job, except in "Councillors Booth, Doyle and Singh" */
	start = s;
	if (semicolons)
		commas = word_ci(s, "councillors") || word_ci(s, "cllrs");
	for (const char *p = s;; p++) {
		size_t sep = 0;
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		else if (depth == 0 && *p == ';')
			sep = 1;
		else if (depth == 0 && *p == ',' &&
		         (commas ||
		          word_ci(skip_spaces(p + 1), "councillors") ||
		          word_ci(skip_spaces(p + 1), "cllrs")) &&
		         !word_ci(skip_spaces(p + 1), "substitute for"))
			sep = 1;
		else if (depth == 0 && commas && starts_ci(p, " and ") == 5)
			sep = 5;
		if (semicolons && sep == 1 && *p == ';')
			commas = word_ci(skip_spaces(p + 1), "councillors") ||
			         word_ci(skip_spaces(p + 1), "cllrs");
		if (*p == '\0' || sep) {
			person(rd, l, start, (size_t)(p - start), NULL, line);
			if (*p == '\0')
				break;
			p += sep - 1;
			start = p + 1;
		}
	}
}

/* Is a line in an attendance list a list of names rather than one? */
static bool names_list(const char *t)
{
	size_t commas = 0;
	int depth = 0;

	if (strchr(t, ';') != NULL)
		return true;
	for (const char *p = t; *p; p++)
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		else if (*p == ',' && depth == 0)
			commas++; /* not "(Deputy Director, Neil Cope, ...)" */
	return commas >= 2 && word_count(t) <= commas * 4 + 4 && dash(t) == 0 &&
	       strstr(t, " - ") == NULL && strstr(t, "\xe2\x80\x93") == NULL;
}

/* items */

/*
 * An item's printed number at the start of t ("11.", "4.3", "HW.35/24",
 * "Cou/285/07-08", "Agenda item:1."): its text in num, the title after it
 * in *title. *prefixed when "Agenda item", "Item" or "Minute" came first.
 */
static bool item_number(const char *t, char *num, size_t size,
                        const char **title, bool *prefixed)
{
	static const char *const prefixes[] = {
	        "agenda item no.", "agenda item:", "agenda item",
	        "item no.",        "item:",        "item",
	        "minute no.",      "minute",       NULL};
	const char *p = t, *start;
	size_t n = 0;

	*prefixed = false;
	for (size_t i = 0; prefixes[i]; i++) {
		size_t k = starts_ci(p, prefixes[i]);
		if (k && !isalpha((unsigned char)p[k])) {
			p = skip_spaces(p + k);
			*prefixed = true;
			break;
		}
	}
	start = p;
	if (isdigit((unsigned char)*p)) {
		int groups = 0;
		for (;;) {
			size_t k = 0;
			while (isdigit((unsigned char)p[k]))
				k++;
			if (k == 0 || k > 3)
				return false;
			p += k;
			groups++;
			if (*p == '.' && isdigit((unsigned char)p[1]) &&
			    groups < 4) {
				p++;
				continue;
			}
			break;
		}
		n = (size_t)(p - start);
		if (*p == '.' || *p == ')')
			p++;
	} else if (isalpha((unsigned char)*p)) {
		size_t k = 0, upper = 0;
		while (isalpha((unsigned char)p[k]) && k < 6)
			upper += isupper((unsigned char)p[k++]) != 0;
		if (k >= 2 && upper == k && p[k] == ' ' &&
		    isdigit((unsigned char)p[k + 1])) {
			/* "TB 24/101": capitals, a space, numbers with a
			 * slash (a bare "TB 24" is too like prose) */
			size_t d = k + 1;
			while (isdigit((unsigned char)p[d]))
				d++;
			if (p[d] != '/' || !isdigit((unsigned char)p[d + 1]))
				return false;
		} else if (k == 0 || (p[k] != '.' && p[k] != '/') ||
		           !isdigit((unsigned char)p[k + 1])) {
			return false;
		}
		p += k + 1;
		while (isdigit((unsigned char)*p) || *p == '/' || *p == '-' ||
		       *p == '.')
			p++;
		while (p > start &&
		       (p[-1] == '.' || p[-1] == '-' || p[-1] == '/'))
			p--;
		n = (size_t)(p - start);
		if (*p == '.')
			p++;
	} else {
		return false;
	}
	if (*p != '\0' && !is_space(*p) && *p != ':' && !dash(p))
		return false;
	if (n == 0 || n >= size)
		return false;
	memcpy(num, start, n);
	num[n] = '\0';
	p = skip_spaces(p);
	while (*p == ':' || *p == '.' || dash(p)) {
		p += dash(p) ? dash(p) : 1;
		p = skip_spaces(p);
	}
	*title = p;
	return true;
}

/* Top and sub numbers of "4.3" (or "4"): false for other forms. */
static bool numeric(const char *num, long *top, long *sub)
{
	char *end;
	long t = strtol(num, &end, 10);

	*sub = 0;
	if (end == num)
		return false;
	if (*end == '.') {
		char *e2;
		*sub = strtol(end + 1, &e2, 10);
		if (e2 == end + 1 || *e2 != '\0')
			return false;
	} else if (*end != '\0') {
		return false;
	}
	*top = t;
	return true;
}

static void end_item(struct reader *rd)
{
	if (rd->item == NULL)
		return;
	rd->item->text = arena_strdup(rd->a, buf_str(&rd->text));
	buf_reset(&rd->text);
	rd->item = NULL;
}

static bool title_says(const char *title, const char *what)
{
	return title != NULL && find_ci(title, what) != NULL;
}

static void start_item(struct reader *rd, const char *num, const char *title,
                       size_t line)
{
	struct minutes_item *it;
	long top, sub;

	end_item(rd);
	it = PUSH(rd, items, nitems, cap_items);
	rd->item = it;
	rd->cap_res = rd->cap_act = 0;
	it->number = arena_strdup(rd->a, num);
	it->line = line;
	if (numeric(num, &top, &sub)) {
		if (sub > 0)
			it->parent = arena_printf(rd->a, "%ld", top);
		rd->top = top;
		rd->sub = sub;
	}
	if (title && *title)
		it->title = copy_trim(rd->a, title, strlen(title), ":");
	rd->title_pending = it->title == NULL;
	it->confidential = rd->confidential ||
	                   title_says(it->title, "confidential") ||
	                   title_says(it->title, "exempt information") ||
	                   title_says(it->title, "(part 2)");
	if (title_says(it->title, "deferred"))
		it->status = "deferred";
	else if (title_says(it->title, "withdrawn"))
		it->status = "withdrawn";
	rd->item_place = arena_printf(rd->a, "item %s", it->number);
	rd->in_resolution = rd->resolution_parts = rd->action_block = false;
	rd->blank_before = false;
	rd->ncols = 0;
	rd->state = ST_ITEMS;
	rd->list = L_NONE;
}

/* Would a numbered line be the next item, given the items so far? */
static bool next_in_sequence(struct reader *rd, const char *num)
{
	long top, sub;

	if (!numeric(num, &top, &sub))
		return true; /* "HW.35/24": distinctive enough */
	if (rd->r->nitems == 0)
		return sub == 0 || sub == 1;
	if (sub == 0)
		return top > rd->top && top <= rd->top + 3;
	return top == rd->top && sub > rd->sub && sub <= rd->sub + 3;
}

static bool list_neighbour(const struct source *s, size_t i)
{
	return (i > 0 && s->lines[i - 1].kind == SOURCE_LIST_ITEM) ||
	       (i + 1 < s->n && s->lines[i + 1].kind == SOURCE_LIST_ITEM);
}

static void add_text(struct reader *rd, const struct source_line *l,
                     const char *text)
{
	struct masa_error err;

	if (rd->text.len > 0 && rd->after_furniture &&
	    l->kind == SOURCE_PARAGRAPH && islower((unsigned char)text[0]) &&
	    strchr(".:;?!", rd->text.data[rd->text.len - 1]) == NULL) {
		/* a sentence the page break cut in two */
		buf_puts(&rd->text, " ", &err);
		buf_puts(&rd->text, text, &err);
		rd->blank_before = rd->after_furniture = false;
		return;
	}
	rd->after_furniture = false;
	if (rd->text.len > 0)
		buf_puts(&rd->text, rd->blank_before ? "\n\n" : "\n", &err);
	if (l->kind == SOURCE_LIST_ITEM) {
		size_t d = 0;
		for (int i = 1; i < l->level; i++)
			buf_puts(&rd->text, "  ", &err);
		while (isdigit((unsigned char)text[d]))
			d++;
		if (d == 0 || (text[d] != '.' && text[d] != ')') ||
		    text[d + 1] != ' ')
			buf_puts(&rd->text, "- ", &err);
	} else if (l->kind == SOURCE_TABLE_ROW) {
		buf_puts(&rd->text, "| ", &err);
		for (size_t c = 0; c < l->ncells; c++)
			buf_printf(&rd->text, &err, "%s |%s", l->cells[c],
			           c + 1 < l->ncells ? " " : "");
		rd->blank_before = false;
		return;
	}
	buf_puts(&rd->text, text, &err);
	rd->blank_before = false;
}

/* resolutions */

/* "(1) ", "(a) ", "(iv) ": the number in num, the length, or 0. */
static size_t part_number(const char *t, char num[8])
{
	size_t k = 1;

	if (t[0] != '(')
		return 0;
	while (k < 6 && isalnum((unsigned char)t[k]))
		k++;
	if (k == 1 || t[k] != ')' || k > 5)
		return 0;
	if (!isdigit((unsigned char)t[1])) {
		/* a letter or a roman numeral, lower case */
		for (size_t i = 1; i < k; i++)
			if (!islower((unsigned char)t[i]))
				return 0;
	}
	memcpy(num, t + 1, k - 1);
	num[k - 1] = '\0';
	return k + 1;
}

static const char *resolution_start(const char *t, bool *labelled)
{
	static const char *const labels[] = {"resolved", "resolution", "agreed",
	                                     "decision", NULL};
	static const char *const sentences[] = {"it was resolved",
	                                        "it was unanimously resolved",
	                                        "it was agreed",
	                                        "it was unanimously agreed",
	                                        "it was therefore agreed",
	                                        "it was therefore resolved",
	                                        NULL};

	for (size_t i = 0; labels[i]; i++) {
		size_t n = starts_ci(t, labels[i]);
		const char *p;
		if (n == 0)
			continue;
		p = t + n;
		if (*p == ':') {
			p++;
			if (*p == '-')
				p++;
		} else if (*p == ' ' && dash(p + 1)) {
			p += 1 + dash(p + 1);
		} else if (*p == ',' || (*p == ' ' && word_ci(p + 1, "that"))) {
			if (*p == ',')
				p++;
		} else if (*p != '\0') {
			continue;
		}
		*labelled = true;
		return skip_spaces(p);
	}
	for (size_t i = 0; sentences[i]; i++) {
		size_t n = starts_ci(t, sentences[i]);
		if (n && (t[n] == ' ' || t[n] == ','))
			if (word_ci(skip_spaces(t + n + (t[n] == ',')),
			            "that") ||
			    word_ci(skip_spaces(t + n + (t[n] == ',')), "to")) {
				*labelled = false;
				return t;
			}
	}
	return NULL;
}

static void add_resolution(struct reader *rd, const char *number,
                           const char *text)
{
	struct minutes_item *it = rd->item;
	struct minutes_resolution *res =
	        push(rd->a, (void **)&it->resolutions, &it->nresolutions,
	             &rd->cap_res, sizeof *it->resolutions);
	res->number = number ? arena_strdup(rd->a, number) : NULL;
	res->text = arena_strdup(rd->a, text);
}

/* actions */

static bool owner_token(const char *s, size_t n)
{
	if (n == 3 && strncmp(s, "All", 3) == 0)
		return true;
	/* initials, maybe several: "MT/SM" */
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		if (isupper((unsigned char)s[i])) {
			run++;
		} else if (s[i] == '/' || s[i] == '&' || s[i] == ',') {
			if (run < 2 || run > 4)
				return false;
			run = 0;
		} else {
			return false;
		}
	}
	return run >= 2 && run <= 4;
}

/* Strips a trailing "– action 2", "- Action", "(action 2)" from t[0..*n);
 * the number in num (may stay ""). True if there was one. */
static bool action_tail(const char *t, size_t *n, char num[16],
                        bool *need_number)
{
	size_t e = *n, k;

	num[0] = '\0';
	*need_number = false;
	while (e > 0 &&
	       (is_space(t[e - 1]) || t[e - 1] == ')' || t[e - 1] == '.'))
		e--;
	k = e;
	while (k > 0 && isdigit((unsigned char)t[k - 1]))
		k--;
	if (k < e && e - k < 6) {
		memcpy(num, t + k, e - k);
		num[e - k] = '\0';
		e = k;
		while (e > 0 && is_space(t[e - 1]))
			e--;
	}
	if (e >= 6 && starts_ci(t + e - 6, "action") == 6 &&
	    (e == 6 || !isalpha((unsigned char)t[e - 7]))) {
		e -= 6;
		if (num[0] == '\0')
			*need_number = true;
	} else {
		if (num[0] != '\0')
			return false;
		/* "MT/SM –" with "Action 8" on the next line */
		while (e > 0 && is_space(t[e - 1]))
			e--;
		if (e >= 1 &&
		    (t[e - 1] == '-' || (e >= 3 && dash(t + e - 3) == 3))) {
			*need_number = true;
			*n = e - (t[e - 1] == '-' ? 1 : 3);
			return true;
		}
		return false;
	}
	while (e > 0 && (is_space(t[e - 1]) || t[e - 1] == '('))
		e--;
	if (e >= 1 && t[e - 1] == '-')
		e--;
	else if (e >= 3 && dash(t + e - 3) == 3)
		e -= 3;
	else if (e > 0 && t[e - 1] != ':' && t[e - 1] != ',')
		return false;
	*n = e;
	return true;
}

static struct minutes_action *new_action(struct reader *rd, size_t line)
{
	struct minutes_item *it = rd->item;
	struct minutes_action *act =
	        push(rd->a, (void **)&it->actions, &it->nactions, &rd->cap_act,
	             sizeof *it->actions);
	act->line = line;
	return act;
}

/* The owners of "WC to arrange meetings", "Clerk to write ...", "KB": set
 * in act from the words before " to ", or a leading owner token. */
static void action_owners(struct reader *rd, struct minutes_action *act,
                          const char *head, size_t line)
{
	const char *to = find_ci(head, " to ");
	size_t first = 0;

	while (head[first] && !is_space(head[first]))
		first++;
	if (owner_token(head, first)) {
		split_owners(rd, head, first, line, &act->owners,
		             &act->nowners);
		return;
	}
	if (to != NULL) {
		char *who = arena_strndup(rd->a, head, (size_t)(to - head));
		if (word_count(who) <= 5 && isupper((unsigned char)who[0]))
			split_owners(rd, who, strlen(who), line, &act->owners,
			             &act->nowners);
	}
}

/* The due date at the end of an action: "... by 31 March 2024". */
static void action_due(struct reader *rd, struct minutes_action *act,
                       const char *text)
{
	const char *by = NULL;
	char date[11];

	for (const char *p = text; (p = find_ci(p, " by ")) != NULL; p++)
		by = p;
	if (by == NULL)
		return;
	if (minutes_parse_date(skip_spaces(by + 4), date) > 0)
		act->due = arena_strdup(rd->a, date);
}

/*
 * An action written on one line: "WC to arrange meetings – action 1",
 * "SA - action 3", "KB to action – action 2", "SA – action" (its number
 * on the next line), "MT/SM –" ("Action 8" next). Returns how many lines
 * after i it took (0 or 1), or -1 if t is not an action line.
 */
static int action_line(struct reader *rd, size_t i, const char *t,
                       bool in_block)
{
	size_t n = strlen(t), first = 0;
	char num[16];
	bool need_number;
	int used = 0;
	struct minutes_action *act;

	while (t[first] && !is_space(t[first]))
		first++;
	if (!action_tail(t, &n, num, &need_number)) {
		/* "Action: WC to ..." blocks hold actions without a tail */
		if (!in_block || !owner_token(t, first))
			return -1;
		n = strlen(t);
		num[0] = '\0'; /* "by 31 May 2024": a year, not a number */
		need_number = false;
	}
	if (!owner_token(t, first) && (!in_block || word_count(t) > 30))
		return -1;
	if (need_number) {
		size_t j = i + 1;
		while (j < rd->s->n && rd->s->lines[j].kind == SOURCE_BLANK &&
		       j < i + 3)
			j++;
		if (j < rd->s->n) {
			const char *next = rd->s->lines[j].text;
			size_t k = word_ci(next, "action");
			next = skip_spaces(next + k);
			size_t d = 0;
			while (isdigit((unsigned char)next[d]) && d < 5)
				d++;
			if (d > 0 && skip_spaces(next + d)[0] == '\0') {
				memcpy(num, next, d);
				num[d] = '\0';
				for (size_t b = i + 1; b < j; b++)
					rd->r->placed[b] = "blank";
				rd->r->placed[j] = "action number";
				used = (int)(j - i);
			}
		}
	}
	act = new_action(rd, rd->s->lines[i].number);
	act->number = num[0] ? arena_strdup(rd->a, num) : NULL;
	act->text = copy_trim(rd->a, t, n, "-:,");
	action_owners(rd, act, act->text, rd->s->lines[i].number);
	action_due(rd, act, act->text);
	return used;
}

/* "Action: text", "ACTION - text", "Actions:" (a block follows). */
static const char *action_label(const char *t)
{
	size_t n = word_ci(t, "actions");

	if (n == 0)
		n = word_ci(t, "action");
	if (n == 0)
		return NULL;
	t += n;
	if (*t == ':') {
		t++;
		if (*t == '-')
			t++;
	} else if (*t == ' ' && dash(t + 1)) {
		t += 1 + dash(t + 1);
	} else if (*t != '\0') {
		return NULL;
	}
	return skip_spaces(t);
}

/* action tables and logs */

static enum column column_of(const char *cell)
{
	static const struct {
		const char *label;
		enum column col;
	} labels[] = {
	        {"no", COL_NUMBER},
	        {"no.", COL_NUMBER},
	        {"number", COL_NUMBER},
	        {"ref", COL_NUMBER},
	        {"#", COL_NUMBER},
	        {"action no", COL_NUMBER},
	        {"owner", COL_OWNER},
	        {"owners", COL_OWNER},
	        {"owner(s)", COL_OWNER},
	        {"lead", COL_OWNER},
	        {"who", COL_OWNER},
	        {"responsible", COL_OWNER},
	        {"action owner", COL_OWNER},
	        {"by whom", COL_OWNER},
	        {"details", COL_TEXT},
	        {"detail", COL_TEXT},
	        {"action", COL_TEXT},
	        {"actions", COL_TEXT},
	        {"description", COL_TEXT},
	        {"update", COL_UPDATE},
	        {"updates", COL_UPDATE},
	        {"progress", COL_UPDATE},
	        {"comments", COL_UPDATE},
	        {"update/comments", COL_UPDATE},
	        {"status", COL_STATUS},
	        {"rag", COL_STATUS},
	        {"due", COL_DUE},
	        {"due date", COL_DUE},
	        {"by when", COL_DUE},
	        {"deadline", COL_DUE},
	        {"target date", COL_DUE},
	        {"date due", COL_DUE},
	        {"by", COL_DUE},
	        {"date raised", COL_RAISED},
	        {"meeting", COL_RAISED},
	        {"meeting date", COL_RAISED},
	        {"date of meeting", COL_RAISED},
	        {"raised", COL_RAISED},
	};
	char label[32];
	size_t n = strlen(cell);

	while (n > 0 && (cell[n - 1] == ':' || cell[n - 1] == ' '))
		n--;
	if (n == 0 || n >= sizeof label)
		return COL_NONE;
	for (size_t i = 0; i < n; i++)
		label[i] = (char)tolower((unsigned char)cell[i]);
	label[n] = '\0';
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(label, labels[i].label) == 0)
			return labels[i].col;
	return COL_NONE;
}

/* A table's heading row: every filled cell a column label. */
static bool table_header(struct reader *rd, const struct source_line *l)
{
	enum column cols[SOURCE_MAX_CELLS];
	size_t filled = 0;
	bool owner = false, text = false, log = false;

	if (l->ncells < 2)
		return false;
	for (size_t c = 0; c < l->ncells; c++) {
		cols[c] = COL_NONE;
		if (l->cells[c][0] == '\0')
			continue;
		cols[c] = column_of(l->cells[c]);
		if (cols[c] == COL_NONE)
			return false;
		filled++;
		owner |= cols[c] == COL_OWNER;
		text |= cols[c] == COL_TEXT;
		log |= cols[c] == COL_UPDATE || cols[c] == COL_STATUS;
	}
	if (filled < 2 || !(owner || text))
		return false;
	memcpy(rd->cols, cols, l->ncells * sizeof cols[0]);
	rd->ncols = l->ncells;
	rd->log_table = log || rd->state == ST_APPENDIX;
	return true;
}

static const char *status_of(const char *s, size_t *len)
{
	static const struct {
		const char *word, *status;
	} words[] = {
	        {"discharged", "discharged"},   {"completed", "discharged"},
	        {"complete", "discharged"},     {"done", "discharged"},
	        {"closed", "closed"},           {"on-going", "in_progress"},
	        {"ongoing", "in_progress"},     {"on going", "in_progress"},
	        {"in progress", "in_progress"}, {"open", "open"},
	        {"superseded", "superseded"},
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t n = word_ci(s, words[i].word);
		if (n) {
			*len = n;
			return words[i].status;
		}
	}
	return NULL;
}

/* One dated part of an update cell: "Discharged – 04.12.2014", "04.09.2014
 * New Action: ...", "On-going", "Action to be carried forward". */
static void update_part(struct reader *rd, struct minutes_log_entry *e,
                        size_t *cap, const char *s, size_t n, const char *date)
{
	char *t = copy_trim(rd->a, s, n, "");
	const char *p = t, *status;
	char d[11];
	size_t k;
	struct minutes_update *u;

	if (*t == '\0')
		return;
	u = push(rd->a, (void **)&e->updates, &e->nupdates, cap,
	         sizeof *e->updates);
	u->date = date;
	status = status_of(p, &k);
	if (status) {
		u->status = status;
		p = skip_spaces(p + k);
		if (dash(p))
			p = skip_spaces(p + dash(p));
	}
	if ((k = minutes_parse_date(p, d)) > 0) {
		u->date = arena_strdup(rd->a, d);
		p = skip_spaces(p + k);
		if (dash(p) || *p == ':')
			p = skip_spaces(p + (dash(p) ? dash(p) : 1));
	}
	if (find_ci(t, "carried forward") != NULL) {
		u->carried_forward = true;
	}
	if (*p)
		u->text = (status == NULL || u->status == NULL ||
		           strcmp(u->status, "in_progress") != 0 || *p)
		                  ? arena_strdup(rd->a, p)
		                  : NULL;
	else if (status && strcmp(status, "in_progress") == 0)
		u->text = t; /* "On-going" says all there is */
}

/* The update cell split at "Update from 04.12.2014". */
static void updates(struct reader *rd, struct minutes_log_entry *e,
                    const char *cell)
{
	size_t cap = 0;
	const char *start = cell, *p = cell;
	const char *fallback =
	        rd->r->action_log_as_at ? rd->r->action_log_as_at : rd->r->date;

	while ((p = find_ci(p, "update from ")) != NULL) {
		char d[11];
		size_t k = minutes_parse_date(p + 12, d);
		if (k == 0) {
			p++;
			continue;
		}
		update_part(rd, e, &cap, start, (size_t)(p - start), fallback);
		const char *date = arena_strdup(rd->a, d);
		const char *after = skip_spaces(p + 12 + k);
		if (*after == ':')
			after = skip_spaces(after + 1);
		const char *next = find_ci(after, "update from ");
		size_t len = next ? (size_t)(next - after) : strlen(after);
		update_part(rd, e, &cap, after, len, date);
		/* update_part read any date at the start itself */
		e->updates[e->nupdates - 1].date = date;
		start = after + len;
		p = start;
		if (next == NULL)
			break;
	}
	if (*start)
		update_part(rd, e, &cap, start, strlen(start), fallback);
}

/* A row of an action table or log under a heading row. */
static bool table_row(struct reader *rd, size_t i)
{
	const struct source_line *l = &rd->s->lines[i];
	const char *cells[SOURCE_MAX_CELLS];
	enum column cols[SOURCE_MAX_CELLS];
	size_t nc = 0, filled = 0;
	char num[16] = "";
	const char *owner = NULL, *text = NULL, *update = NULL, *status = NULL,
	           *due = NULL, *raised = NULL;
	char date[11];

	for (size_t c = 0; c < l->ncells; c++)
		filled += l->cells[c][0] != '\0';
	/* A section: "Actions raised on 04.12.2014", "Actions ongoing". */
	if (filled == 1 && l->cells[0][0] != '\0' &&
	    !isdigit((unsigned char)l->cells[0][0])) {
		const char *at;
		if (find_date(l->cells[0], date, &at) > 0 &&
		    find_ci(l->cells[0], "raised") != NULL) {
			rd->raised = arena_strdup(rd->a, date);
			rd->raised_known = true;
		} else {
			rd->raised = NULL;
			rd->raised_known = false;
		}
		rd->r->placed[i] = "action log section";
		return true;
	}
	/* "1. Warren Carratt" in the number column: number and owner. */
	for (size_t c = 0; c < l->ncells && nc < SOURCE_MAX_CELLS; c++) {
		cells[nc] = l->cells[c];
		cols[nc] = c < rd->ncols ? rd->cols[c] : COL_NONE;
		nc++;
	}
	if (nc > 0 && cols[0] == COL_NUMBER) {
		const char *c0 = cells[0];
		/* "A1": an action standing alone, as masa publishes it. */
		size_t lead = c0[0] == 'A' && isdigit((unsigned char)c0[1]);
		size_t k = lead;
		while (isdigit((unsigned char)c0[k]) && k < lead + 5)
			k++;
		if (k == lead) {
			/* "EX/24/03": a reference with a digit in it */
			k = 0;
			while (c0[k] && !is_space(c0[k]) && k < sizeof num - 1)
				k++;
			if (strpbrk(c0, "0123456789") == NULL ||
			    strpbrk(c0, "0123456789") >= c0 + k)
				return false;
		}
		memcpy(num, c0, k);
		num[k] = '\0';
		const char *rest =
		        skip_spaces(c0 + k + (c0[k] == '.' || c0[k] == ')'));
		if (*rest) {
			/* the owner shares the number's cell: columns shift */
			owner = rest;
			for (size_t c = 1; c < nc; c++) {
				size_t want = c + 1;
				cols[c] = want < rd->ncols ? rd->cols[want]
				                           : COL_NONE;
			}
		}
	}
	for (size_t c = 0; c < nc; c++) {
		if (cells[c][0] == '\0')
			continue;
		switch (cols[c]) {
		case COL_OWNER:
			owner = cells[c];
			break;
		case COL_TEXT:
			text = cells[c];
			break;
		case COL_UPDATE:
			update = cells[c];
			break;
		case COL_STATUS:
			status = cells[c];
			break;
		case COL_DUE:
			due = cells[c];
			break;
		case COL_RAISED:
			raised = cells[c];
			break;
		case COL_NUMBER:
		case COL_NONE:
			break;
		}
	}
	if (text == NULL && owner == NULL)
		return false;
	if (!rd->log_table && rd->item != NULL) {
		struct minutes_action *act = new_action(rd, l->number);
		act->number = num[0] ? arena_strdup(rd->a, num) : NULL;
		act->text = arena_strdup(rd->a, text ? text : "");
		if (owner)
			split_owners(rd, owner, strlen(owner), l->number,
			             &act->owners, &act->nowners);
		if (due && minutes_parse_date(due, date) > 0)
			act->due = arena_strdup(rd->a, date);
		else if (due)
			act->due = arena_strdup(rd->a, due);
		rd->r->placed[i] =
		        arena_printf(rd->a, "%s action", rd->item_place);
		return true;
	}
	struct minutes_log_entry *e =
	        PUSH(rd, action_log, naction_log, cap_log);
	e->number = num[0] ? arena_strdup(rd->a, num) : NULL;
	e->text = arena_strdup(rd->a, text ? text : "");
	e->line = l->number;
	e->raised = rd->raised;
	if (raised && minutes_parse_date(raised, date) > 0)
		e->raised = arena_strdup(rd->a, date);
	if (owner)
		split_owners(rd, owner, strlen(owner), l->number, &e->owners,
		             &e->nowners);
	if (update)
		updates(rd, e, update);
	if (status) {
		size_t k, cap = e->nupdates;
		const char *st = status_of(status, &k);
		if (e->nupdates == 0 || e->updates[e->nupdates - 1].status) {
			update_part(rd, e, &cap, status, strlen(status),
			            rd->r->action_log_as_at
			                    ? rd->r->action_log_as_at
			                    : rd->r->date);
		} else if (st) {
			e->updates[e->nupdates - 1].status = st;
		}
	}
	rd->entry = e;
	rd->r->placed[i] = "action log";
	return true;
}

/* furniture, appendix, heading facts */

static bool appendix_heading(const char *t)
{
	static const char *const starts[] = {"appendix",
	                                     "action log",
	                                     "actions log",
	                                     "action tracker",
	                                     "schedule of actions",
	                                     "action points",
	                                     "actions points",
	                                     NULL};
	if (strlen(t) > 100)
		return false;
	for (size_t i = 0; starts[i]; i++)
		if (word_ci(t, starts[i]))
			return true;
	return false;
}

static bool furniture(struct reader *rd, size_t i)
{
	const struct source_line *l = &rd->s->lines[i];
	const char *t = l->text;

	if (strcasecmp(t, "Agenda item:") == 0 ||
	    strcasecmp(t, "Agenda item") == 0) {
		rd->r->placed[i] = "page header";
		return true;
	}
	if (strcasecmp(t, "Agenda") == 0 && i + 1 < rd->s->n &&
	    strcasecmp(rd->s->lines[i + 1].text, "item:") == 0) {
		rd->r->placed[i] = "page header";
		return true;
	}
	if (strcasecmp(t, "item:") == 0 && i > 0 &&
	    strcasecmp(rd->s->lines[i - 1].text, "Agenda") == 0) {
		rd->r->placed[i] = "page header";
		return true;
	}
	/* "## IMPROVING LIVES SELECT COMMISSION - 09/07/19" on each page */
	if (rd->state != ST_HEAD && rd->r->body != NULL &&
	    (l->kind == SOURCE_HEADING || l->bold) &&
	    starts_ci(t, rd->r->body) == strlen(rd->r->body)) {
		rd->r->placed[i] = "page header";
		return true;
	}
	/* "Page 3 of 12" */
	if (word_ci(t, "page") &&
	    isdigit((unsigned char)skip_spaces(t + 4)[0]) && strlen(t) < 20) {
		rd->r->placed[i] = "page number";
		return true;
	}
	return false;
}

/* The line with the date: "Minutes ..., held on Thursday 4th December
 * 2014, 1pm – 4pm at Riverside House". */
static bool date_line(struct reader *rd, size_t i, const char *t)
{
	char date[11], time[6];
	const char *at, *tat, *p;
	size_t n = find_date(t, date, &at);

	if (n == 0 || strlen(t) > 300)
		return false;
	rd->r->date = arena_strdup(rd->a, date);
	p = at + n;
	if ((n = find_time(p, time, &tat)) > 0) {
		rd->r->start_time = arena_strdup(rd->a, time);
		p = tat + n;
		const char *q = skip_spaces(p);
		size_t d = dash(q);
		if (d == 0 && word_ci(q, "to"))
			d = 2;
		if (d == 0 && word_ci(q, "until"))
			d = 5;
		if (d > 0) {
			q = skip_spaces(q + d);
			if ((n = minutes_parse_time(q, time)) > 0) {
				rd->r->end_time = arena_strdup(rd->a, time);
				p = q + n;
			}
		}
	}
	/* the venue: after " at " past the date and times */
	{
		const char *v = find_ci(p, " at ");
		if (v == NULL && (v = find_ci(t, " held at ")) != NULL &&
		    v < at) {
			v += 5;
			const char *on = find_ci(v, " on ");
			rd->r->venue = copy_trim(
			        rd->a, v + 4,
			        (size_t)((on && on < at ? on : at) - v - 4),
			        ",.");
		} else if (v != NULL) {
			const char *venue = skip_spaces(v + 4);
			char tm[6];
			if (minutes_parse_time(venue, tm) == 0)
				rd->r->venue = copy_trim(rd->a, venue,
				                         strlen(venue), ".,");
		} else if (word_ci(skip_spaces(p), "in the")) {
			const char *venue = skip_spaces(skip_spaces(p) + 3);
			rd->r->venue =
			        copy_trim(rd->a, venue, strlen(venue), ".,");
		} else if (*skip_spaces(p) == ',' &&
		           !isdigit((unsigned char)skip_spaces(p + 1)[0])) {
			const char *venue = skip_spaces(skip_spaces(p) + 1);
			if (*venue)
				rd->r->venue = copy_trim(rd->a, venue,
				                         strlen(venue), ".,");
		}
	}
	/* the title: what comes before the date */
	if (at > t && rd->r->title == NULL) {
		size_t len = (size_t)(at - t);
		static const char *const tails[] = {
		        ", held on", " held on", " held", ", on",
		        " on",       ",",        " -",    NULL};
		char *title = copy_trim(rd->a, t, len, "");
		for (size_t k = 0; tails[k]; k++) {
			size_t tl = strlen(tails[k]), cl = strlen(title);
			if (cl >= tl &&
			    strcasecmp(title + cl - tl, tails[k]) == 0) {
				title[cl - tl] = '\0';
				k = (size_t)-1;
			}
		}
		if (title[0] && word_count(title) > 1)
			rd->r->title = title;
	}
	rd->r->placed[i] = "date";
	return true;
}

/* A heading that names the kind of document only: "Minutes:". */
static bool generic_heading(const char *t)
{
	static const char *const words[] = {
	        "minutes",
	        "draft minutes",
	        "approved minutes",
	        "minutes of the meeting",
	        "agenda",
	        "decisions",
	        "record of decisions",
	};
	size_t n = strlen(t);

	while (n > 0 && (t[n - 1] == ':' || t[n - 1] == '-' || t[n - 1] == ' '))
		n--;
	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
		if (strlen(words[k]) == n && strncasecmp(t, words[k], n) == 0)
			return true;
	return false;
}

static void set_body(struct reader *rd, const char *t)
{
	const char *open = strrchr(t, '(');
	size_t n = strlen(t);

	if (open != NULL && n > 0 && t[n - 1] == ')' && open > t) {
		rd->r->body = copy_trim(rd->a, t, (size_t)(open - t), "");
		rd->r->body_short = arena_strndup(rd->a, open + 1,
		                                  (size_t)(t + n - 2 - open));
	} else {
		rd->r->body = arena_strdup(rd->a, t);
	}
}

static bool head_line(struct reader *rd, size_t i, const char *t)
{
	static const struct {
		const char *label;
		int what; /* 0 date, 1 time, 2 venue, 3 title */
	} labels[] = {
	        {"date:", 0},     {"time:", 1},  {"venue:", 2},
	        {"location:", 2}, {"place:", 2}, {"meeting:", 3},
	};
	for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
		size_t n = starts_ci(t, labels[k].label);
		if (n == 0)
			continue;
		const char *v = skip_spaces(t + n);
		char tm[6];
		const char *at;
		switch (labels[k].what) {
		case 0:
			if (!date_line(rd, i, v))
				return false;
			break;
		case 1:
			if (find_time(v, tm, &at) == 0)
				return false;
			rd->r->start_time = arena_strdup(rd->a, tm);
			{
				const char *q = skip_spaces(
				        at + minutes_parse_time(at, tm));
				size_t d = dash(q) ? dash(q)
				                   : (word_ci(q, "to") ? 2 : 0);
				if (d &&
				    minutes_parse_time(skip_spaces(q + d), tm))
					rd->r->end_time =
					        arena_strdup(rd->a, tm);
			}
			break;
		case 2:
			rd->r->venue = copy_trim(rd->a, v, strlen(v), ".");
			break;
		default:
			rd->r->title = arena_strdup(rd->a, v);
			break;
		}
		rd->r->placed[i] = labels[k].what == 2   ? "venue"
		                   : labels[k].what == 3 ? "title"
		                   : labels[k].what == 1 ? "time"
		                                         : "date";
		return true;
	}
	if (rd->r->date == NULL && date_line(rd, i, t))
		return true;
	/* "The webcast ... can be viewed at:-" and its address */
	{
		const char *url = find_ci(t, "https://");
		if (url == NULL)
			url = find_ci(t, "http://");
		if (url != NULL &&
		    (url == t || find_ci(t, "webcast") || rd->webcast)) {
			size_t n = 0;
			while (url[n] && !is_space(url[n]) && url[n] != '>')
				n++;
			if (rd->webcast || find_ci(t, "webcast")) {
				rd->r->webcast_url =
				        arena_strndup(rd->a, url, n);
				rd->r->placed[i] = "webcast";
				return true;
			}
		}
		if (find_ci(t, "webcast") && url == NULL && strlen(t) < 150) {
			rd->webcast = true;
			rd->r->placed[i] = "webcast";
			return true;
		}
	}
	/* "Minutes:", "Draft minutes": what the document is, not whose. */
	if (rd->r->body == NULL && generic_heading(t)) {
		rd->r->placed[i] = "document kind";
		return true;
	}
	if (rd->r->body == NULL && strlen(t) < 150) {
		set_body(rd, t);
		rd->r->placed[i] = "body";
		return true;
	}
	if (rd->r->title == NULL && strlen(t) < 200 &&
	    (starts_ci(t, "minutes of") || starts_ci(t, "minutes from") ||
	     starts_ci(t, "meeting of"))) {
		rd->r->title = arena_strdup(rd->a, t);
		rd->r->placed[i] = "title";
		return true;
	}
	return false;
}

/* what happens during an item */

/* The name just before p in line: "Ms Parfremment" before " arrived". */
static const char *name_before(struct reader *rd, const char *line,
                               const char *p)
{
	const char *end = p, *start = p;
	int words = 0;

	while (start > line && is_space(start[-1]))
		start--;
	end = start;
	while (start > line && words < 3) {
		const char *w = start;
		while (w > line && !is_space(w[-1]) && w[-1] != '(' &&
		       w[-1] != ',')
			w--;
		if (!isupper((unsigned char)*w))
			break;
		start = w;
		words++;
		if (strip_honorific(w) != w)
			break;
		if (w == line || !is_space(w[-1]))
			break;
		while (w > line && is_space(w[-1]))
			w--;
		if (w == line)
			break;
		const char *prev = w;
		while (prev > line && !is_space(prev[-1]))
			prev--;
		if (!isupper((unsigned char)*prev))
			break;
		start = w;
		while (start > line && !is_space(start[-1]))
			start--;
		if (strip_honorific(start) != start) {
			words = 3;
			break;
		}
		start = w;
	}
	if (words == 0)
		return NULL;
	while (start > line && !is_space(start[-1]) && start[-1] != '(')
		start--;
	const char *name = strip_honorific(start);
	if (name >= end)
		return NULL;
	return copy_trim(rd->a, name, (size_t)(end - name), ",");
}

static struct minutes_person *find_person(struct reader *rd, const char *name)
{
	struct minutes_person *lists[2] = {rd->r->present,
	                                   rd->r->in_attendance};
	size_t counts[2] = {rd->r->npresent, rd->r->nin_attendance};
	size_t sl;
	const char *sn = surname(name, &sl);

	for (int l = 0; l < 2; l++)
		for (size_t i = 0; i < counts[l]; i++) {
			size_t pl;
			const char *ps = surname(lists[l][i].name, &pl);
			if (strcmp(lists[l][i].name, name) == 0 ||
			    (pl == sl && strncmp(ps, sn, sl) == 0))
				return &lists[l][i];
		}
	return NULL;
}

static void comings_and_goings(struct reader *rd, const char *t, size_t line)
{
	static const char *const arrivals[] = {" arrived",
	                                       " joined the meeting", NULL};
	static const char *const departures[] = {
	        " left the meeting", " (who had left the meeting",
	        " withdrew from the meeting", " departed", NULL};

	for (int kind = 0; kind < 2; kind++) {
		const char *const *verbs = kind ? departures : arrivals;
		for (size_t v = 0; verbs[v]; v++) {
			const char *p = find_ci(t, verbs[v]);
			const char *name;
			struct minutes_person *who;
			if (p == NULL || (name = name_before(rd, t, p)) == NULL)
				continue;
			who = find_person(rd, name);
			if (who == NULL) {
				who = PUSH(rd, in_attendance, nin_attendance,
				           cap_attendance);
				who->name = name;
				who->line = line;
				note(rd, line,
				     arena_printf(
				             rd->a,
				             "%s %s during item %s but is in "
				             "no attendance list: added as in "
				             "attendance",
				             name, kind ? "left" : "arrived",
				             rd->item->number));
			}
			if (kind)
				who->left = rd->item->number;
			else
				who->arrived = rd->item->number;
			break;
		}
	}
}

static void next_meeting(struct reader *rd, const char *t)
{
	const char *p = find_ci(t, "next meeting"), *at, *tat;
	char date[11], time[6];
	size_t n;

	if (rd->r->next_meeting != NULL)
		return;
	/* An adjourned meeting "will be reconvened on Monday 23 October". */
	if (p == NULL)
		p = find_ci(t, "reconvene");
	if (p == NULL &&
	    !(rd->item && title_says(rd->item->title, "next meeting")))
		return;
	if ((n = find_date(p ? p : t, date, &at)) == 0)
		return;
	if (rd->r->date && strcmp(date, rd->r->date) <= 0)
		return;
	rd->r->next_meeting = arena_strdup(rd->a, date);
	if (find_time(at + n, time, &tat) > 0)
		rd->r->next_meeting_time = arena_strdup(rd->a, time);
}

static void deferral(struct reader *rd, const char *t)
{
	const char *d = find_ci(t, "deferred");
	const char *w = find_ci(t, "withdrawn");

	if (rd->item->status != NULL)
		return;
	if (d && (find_ci(t, "item") || find_ci(t, "deferred to") ||
	          find_ci(t, "deferred until") || strlen(t) < 60))
		rd->item->status = "deferred";
	else if (w && (find_ci(t, "item") || strlen(t) < 60))
		rd->item->status = "withdrawn";
}

/* A line in an item: resolution, action, or text. */
static int item_line(struct reader *rd, size_t i)
{
	const struct source_line *l = &rd->s->lines[i];
	const char *t = l->text, *rest;
	char num[8];
	size_t k;
	bool labelled;
	int used;

	if (rd->title_pending && l->kind != SOURCE_TABLE_ROW &&
	    strlen(t) < 150) {
		rd->item->title = copy_trim(rd->a, t, strlen(t), ":");
		rd->title_pending = false;
		rd->item->confidential |= title_says(t, "confidential");
		rd->r->placed[i] =
		        arena_printf(rd->a, "%s title", rd->item_place);
		return 0;
	}
	rd->title_pending = false;
	if (l->kind == SOURCE_TABLE_ROW) {
		if (table_header(rd, l)) {
			rd->r->placed[i] = "action table heading";
			return 0;
		}
		if (rd->ncols > 0 && table_row(rd, i))
			return 0;
	} else {
		rd->ncols = 0;
	}
	next_meeting(rd, t);
	/* resolutions */
	if ((rest = resolution_start(t, &labelled)) != NULL) {
		k = part_number(rest, num);
		add_resolution(rd, k ? num : NULL,
		               k ? skip_spaces(rest + k) : rest);
		rd->in_resolution = true;
		rd->resolution_parts =
		        !k && rest[0] && rest[strlen(rest) - 1] == ':';
		rd->action_block = false;
		rd->r->placed[i] =
		        arena_printf(rd->a, "%s resolution", rd->item_place);
		return 0;
	}
	if (rd->in_resolution && (k = part_number(t, num)) > 0) {
		struct minutes_item *it = rd->item;
		if (rd->resolution_parts) {
			struct minutes_resolution *res =
			        &it->resolutions[it->nresolutions - 1];
			res->text = arena_printf(rd->a, "%s\n%s", res->text, t);
		} else {
			add_resolution(rd, num, skip_spaces(t + k));
		}
		rd->r->placed[i] =
		        arena_printf(rd->a, "%s resolution", rd->item_place);
		return 0;
	}
	rd->in_resolution = false;
	/* actions */
	if ((rest = action_label(t)) != NULL) {
		if (*rest == '\0') {
			rd->action_block = true;
			rd->r->placed[i] = "action marker";
			return 0;
		}
		used = action_line(rd, i, rest, true);
		if (used < 0) {
			struct minutes_action *act = new_action(rd, l->number);
			act->text = arena_strdup(rd->a, rest);
			action_owners(rd, act, rest, l->number);
			action_due(rd, act, rest);
			used = 0;
		}
		rd->r->placed[i] =
		        arena_printf(rd->a, "%s action", rd->item_place);
		return used;
	}
	if ((used = action_line(rd, i, t, rd->action_block)) >= 0) {
		rd->r->placed[i] =
		        arena_printf(rd->a, "%s action", rd->item_place);
		return used;
	}
	rd->action_block = false;
	comings_and_goings(rd, t, l->number);
	deferral(rd, t);
	add_text(rd, l, t);
	rd->r->placed[i] = rd->item_place;
	return 0;
}

/* the pass */

static bool attendance_line(struct reader *rd, size_t i)
{
	const struct source_line *l = &rd->s->lines[i];
	const char *t = l->text, *rest;
	enum list list = attendance_header(t, &rest);

	if (l->kind == SOURCE_TABLE_ROW && l->ncells > 0)
		list = attendance_header(l->cells[0], &rest);
	if (list != L_NONE) {
		/* "In attendance" first, with no "Present": the board's way
		 * of listing who was there. */
		if (list == L_ATTENDANCE && !rd->seen_present &&
		    rd->r->nitems == 0)
			list = L_PRESENT;
		if (list == L_PRESENT)
			rd->seen_present = true;
		rd->list = list;
		rd->natt_cols = 0;
		if (l->kind == SOURCE_TABLE_ROW && l->ncells > 1 && !*rest) {
			/* "Present:<TAB>Jo Bloggs<TAB>Chair" */
			person(rd, list, l->cells[1], strlen(l->cells[1]),
			       l->ncells > 2 ? l->cells[2] : NULL, l->number);
		} else if (*rest) {
			/* the names follow the header on its line: the list
			 * ends there */
			people_paragraph(rd, list, rest, l->number);
			rd->list = L_NONE;
		}
		rd->r->placed[i] = "attendance";
		return true;
	}
	if (rd->list == L_NONE || rd->r->nitems > 0)
		return false;
	const char *const *cells = l->cells;
	size_t ncells = l->ncells;
	const char *split[SOURCE_MAX_CELLS];
	if (l->kind != SOURCE_TABLE_ROW && l->kind != SOURCE_HEADING &&
	    strlen(t) < 300) {
		/* "Helen Carver          Chair        Head of QA" or
		 * "Louise Carr<TAB>Partnership Business Manager": columns
		 * set apart by a tab or by two spaces or more */
		const char *p = t;
		ncells = 0;
		while (*p && ncells < SOURCE_MAX_CELLS) {
			const char *e = p;
			while (*e && *e != '\t' &&
			       !(e[0] == ' ' && e[1] == ' '))
				e++;
			split[ncells++] =
			        copy_trim(rd->a, p, (size_t)(e - p), "");
			p = skip_spaces(e);
		}
		cells = ncells > 1 ? split : NULL;
		if (cells == NULL)
			ncells = 0;
	}
	if (cells != NULL) {
		struct buf jobs;
		struct masa_error err;
		const char *job = NULL, *role = NULL;
		enum list which = rd->list;
		if (ncells == 0 || cells[0][0] == '\0')
			return false;
		if (strcasecmp(cells[0], "name") == 0) {
			rd->natt_cols = ncells;
			for (size_t c = 0; c < ncells; c++) {
				const char *h = cells[c];
				rd->att_cols[c] =
				        strcasecmp(h, "role") == 0 ? ATT_ROLE
				        : strcasecmp(h, "attendance") == 0 ||
				                        strcasecmp(
				                                h,
				                                "attended") ==
				                                0 ||
				                        strcasecmp(h,
				                                   "status") ==
				                                0
				                ? ATT_STATUS
				                : ATT_OTHER;
			}
			rd->r->placed[i] = "attendance heading";
			return true;
		}
		buf_init(&jobs, 1 << 16);
		for (size_t c = 1; c < ncells; c++) {
			int col = c < rd->natt_cols ? (int)rd->att_cols[c]
			                            : ATT_OTHER;
			if (!cells[c][0])
				continue;
			if (col == ATT_STATUS) {
				/* "Present", "Apologies (accepted)", "Absent"
				 */
				enum list said =
				        starts_ci(cells[c], "present")
				                ? L_PRESENT
				        : starts_ci(cells[c], "apolog")
				                ? L_APOLOGIES
				        : starts_ci(cells[c], "absent")
				                ? L_ABSENT
				        : starts_ci(cells[c], "in attendance")
				                ? L_ATTENDANCE
				                : L_NONE;
				if (said != L_NONE)
					which = said;
				continue;
			}
			if (col == ATT_ROLE && is_role(cells[c])) {
				role = cells[c];
				continue;
			}
			if (col == ATT_ROLE && jobs.len) {
				/* the role before the organisation */
				char *org = arena_strdup(rd->a, buf_str(&jobs));
				buf_reset(&jobs);
				buf_printf(&jobs, &err, "%s, %s", cells[c],
				           org);
				continue;
			}
			buf_printf(&jobs, &err, "%s%s", jobs.len ? ", " : "",
			           cells[c]);
		}
		job = jobs.len ? arena_strdup(rd->a, buf_str(&jobs)) : role;
		buf_free(&jobs);
		person(rd, which, cells[0], strlen(cells[0]), job, l->number);
		if (role && job != role) {
			struct minutes_person *who =
			        which == L_ATTENDANCE  ? rd->r->in_attendance
			        : which == L_APOLOGIES ? rd->r->apologies
			        : which == L_ABSENT    ? rd->r->absent
			                               : rd->r->present;
			size_t n = which == L_ATTENDANCE ? rd->r->nin_attendance
			           : which == L_APOLOGIES ? rd->r->napologies
			           : which == L_ABSENT    ? rd->r->nabsent
			                                  : rd->r->npresent;
			if (n > 0)
				who[n - 1].role = role;
		}
	} else if (strlen(t) > 250 || word_count(t) > 30) {
		return false;
	} else if (names_list(t) &&
	           !(i + 1 < rd->s->n && rd->s->lines[i + 1].kind == l->kind &&
	             strchr(rd->s->lines[i + 1].text, ',') != NULL &&
	             !names_list(rd->s->lines[i + 1].text))) {
		/* (the next line "DS Martin Kell, Midshire Police" shows the
		 * list is one person a line, with jobs after commas) */
		people_paragraph(rd, rd->list, t, l->number);
	} else {
		person(rd, rd->list, t, strlen(t), NULL, l->number);
	}
	rd->r->placed[i] = "attendance";
	return true;
}

/* An item heading at line i? Starts the item and returns true. */
static bool item_heading(struct reader *rd, size_t i)
{
	const struct source_line *l = &rd->s->lines[i];
	char num[32];
	const char *title;
	bool prefixed, strong;
	char tmp[11];

	if (l->kind == SOURCE_TABLE_ROW || l->kind == SOURCE_BLANK)
		return false;
	if (!item_number(l->text, num, sizeof num, &title, &prefixed))
		return false;
	if (minutes_parse_date(l->text, tmp) > 0 ||
	    minutes_parse_time(l->text, tmp) > 0)
		return false; /* "13:00 - 15:00, Room 3.14" */
	strong = prefixed || l->kind == SOURCE_HEADING || l->bold;
	if (strlen(title) > 200)
		return false;
	if (!strong) {
		if (!next_in_sequence(rd, num))
			return false;
		if (l->kind == SOURCE_LIST_ITEM && list_neighbour(rd->s, i))
			return false;
		/* in the middle of a paragraph: only where lines are
		 * wrapped (text, PDF); a page's or a .docx's paragraphs are
		 * whole, and an item heading ends no paragraph */
		if ((rd->s->format == SOURCE_TEXT ||
		     rd->s->format == SOURCE_PDF) &&
		    i > 0 && rd->s->lines[i - 1].kind != SOURCE_BLANK &&
		    rd->s->lines[i - 1].kind != SOURCE_HEADING &&
		    rd->r->placed[i - 1] != NULL &&
		    strncmp(rd->r->placed[i - 1], "item", 4) == 0 &&
		    !ends_with(rd->r->placed[i - 1], " heading") &&
		    !ends_with(rd->r->placed[i - 1], " title"))
			return false;
	} else if (rd->r->nitems > 0 && !next_in_sequence(rd, num)) {
		long top, sub;
		if (numeric(num, &top, &sub) &&
		    (top < rd->top || (top == rd->top && sub <= rd->sub)))
			note(rd, l->number,
			     arena_printf(
			             rd->a,
			             "item %s comes after item %s: numbers "
			             "out of order",
			             num, rd->item ? rd->item->number : "?"));
	}
	start_item(rd, num, title, l->number);
	rd->r->placed[i] = arena_printf(rd->a, "%s heading", rd->item_place);
	return true;
}

static bool confidential_heading(struct reader *rd, size_t i)
{
	const char *t = rd->s->lines[i].text;

	if (strlen(t) > 80)
		return false;
	if (word_ci(t, "part 2") || word_ci(t, "part ii") ||
	    word_ci(t, "part b") || word_ci(t, "confidential items") ||
	    word_ci(t, "private session") || word_ci(t, "exempt items")) {
		rd->confidential = true;
		end_item(rd);
		rd->r->placed[i] = "confidential part";
		return true;
	}
	return false;
}

/* Items' actions that the appended log repeats (raised on the meeting's
 * date, same number) take the log's details; the log keeps the others. */
static void merge_log(struct reader *rd)
{
	struct minutes_reading *r = rd->r;
	size_t kept = 0;

	for (size_t e = 0; e < r->naction_log; e++) {
		struct minutes_log_entry *le = &r->action_log[e];
		bool merged = false;
		if (le->raised && r->date && strcmp(le->raised, r->date) == 0 &&
		    le->number)
			for (size_t it = 0; it < r->nitems && !merged; it++)
				for (size_t a = 0; a < r->items[it].nactions;
				     a++) {
					struct minutes_action *act =
					        &r->items[it].actions[a];
					bool named = act->nowners > 0;
					if (!act->number ||
					    strcmp(act->number, le->number) !=
					            0)
						continue;
					for (size_t o = 0; o < act->nowners;
					     o++)
						if (!strchr(act->owners[o],
						            ' '))
							named = false;
					if (le->text[0])
						act->text = le->text;
					if (!named && le->nowners > 0) {
						act->owners = le->owners;
						act->nowners = le->nowners;
					}
					merged = true;
					break;
				}
		if (!merged)
			r->action_log[kept++] = *le;
	}
	r->naction_log = kept;
}

enum masa_err minutes_read(const struct source *s, struct minutes_reading *out,
                           struct masa_error *err)
{
	struct reader rd;

	memset(out, 0, sizeof *out);
	out->arena = (struct arena)ARENA_INIT;
	(void)err;
	memset(&rd, 0, sizeof rd);
	rd.s = s;
	rd.r = out;
	rd.a = &out->arena;
	buf_init(&rd.text, SOURCE_MAX_BYTES);
	out->nlines = s->n;
	out->placed =
	        arena_alloc(rd.a, (s->n ? s->n : 1) * sizeof *out->placed);
	for (size_t i = 0; i < s->n; i++) {
		const struct source_line *l = &s->lines[i];
		const char *t = l->text;
		char date[11];
		const char *at;
		int used = 0;

		if (out->placed[i] != NULL)
			continue; /* taken with the line before */
		if (l->kind == SOURCE_BLANK || t[0] == '\0') {
			out->placed[i] = "blank";
			rd.blank_before = true;
			continue;
		}
		if (furniture(&rd, i)) {
			rd.after_furniture = true;
			continue;
		}
		if (rd.state != ST_APPENDIX && l->kind != SOURCE_TABLE_ROW &&
		    appendix_heading(t)) {
			end_item(&rd);
			rd.state = ST_APPENDIX;
			rd.ncols = 0;
			rd.raised = out->date;
			rd.raised_known = false;
			out->placed[i] = "appendix";
			if (find_ci(t, "as at") && find_date(t, date, &at) > 0)
				out->action_log_as_at =
				        arena_strdup(rd.a, date);
			continue;
		}
		if (rd.state == ST_APPENDIX) {
			if (l->kind == SOURCE_TABLE_ROW) {
				if (table_header(&rd, l)) {
					rd.log_table = true;
					out->placed[i] = "action log heading";
					continue;
				}
				if (table_row(&rd, i))
					continue;
			}
			if (find_ci(t, "as at") &&
			    find_date(t, date, &at) > 0 &&
			    out->action_log_as_at == NULL) {
				out->action_log_as_at =
				        arena_strdup(rd.a, date);
				out->placed[i] = "action log title";
				continue;
			}
			if (strlen(t) < 80 &&
			    (find_ci(t, "ongoing") || find_ci(t, "on-going") ||
			     find_ci(t, "carried forward") ||
			     find_ci(t, "outstanding"))) {
				rd.raised = NULL;
				out->placed[i] = "action log section";
				continue;
			}
			if (find_ci(t, "raised") && find_date(t, date, &at)) {
				rd.raised = arena_strdup(rd.a, date);
				out->placed[i] = "action log section";
				continue;
			}
			unplaced(&rd, i);
			continue;
		}
		if (item_heading(&rd, i))
			continue;
		if (rd.item == NULL && attendance_line(&rd, i))
			continue;
		if (rd.state == ST_HEAD && rd.item == NULL) {
			if (head_line(&rd, i, t))
				continue;
			rd.list = L_NONE;
			if (confidential_heading(&rd, i))
				continue;
			next_meeting(&rd, t);
			if (out->placed[i] == NULL)
				unplaced(&rd, i);
			continue;
		}
		if (rd.item == NULL) {
			if (confidential_heading(&rd, i))
				continue;
			unplaced(&rd, i);
			continue;
		}
		if ((l->kind == SOURCE_HEADING || l->bold) &&
		    confidential_heading(&rd, i))
			continue;
		used = item_line(&rd, i);
		i += (size_t)used;
	}
	end_item(&rd);
	buf_free(&rd.text);
	merge_log(&rd);
	if (out->title == NULL && out->body != NULL)
		out->title = out->body;
	if (out->date == NULL)
		note(&rd, 0,
		     "no meeting date found: give the date in the "
		     "heading (\"held on 4 December 2014\")");
	if (out->body == NULL)
		note(&rd, 0, "no body named at the top of the minutes");
	if (out->nitems == 0)
		note(&rd, 0, "no numbered items found");
	return MASA_OK;
}

void minutes_reading_free(struct minutes_reading *r)
{
	arena_free(&r->arena);
	memset(r, 0, sizeof *r);
}
