/*
 * reader: recognises a meeting in a minutes document (a struct source, see
 * source.h): the body, title, date, times and venue; who was present, in
 * attendance, sent apologies or was absent; the items by their printed
 * numbers with their text, resolutions and actions; an appended action log
 * with its updates; the next meeting. Nothing is lost: every line of the
 * source ends up in a recognised field, verbatim in its item's text, or in
 * the reading's unplaced lines, and the reader notes what it was unsure of.
 *
 * The reader is one pass over the lines: a classifier says what each line
 * looks like (heading, attendance header, attendance row, item number,
 * resolution, action marker, appendix header, action-log row...) and a
 * small state machine decides what it is, given where the document is.
 * It never fails on odd input: the worst a document can get is a reading
 * with nothing recognised and every line unplaced.
 *
 * docs/import.md describes the reading and its JSON.
 */
#ifndef MASA_MINUTES_READER_H
#define MASA_MINUTES_READER_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mem.h"
#include "minutes/source.h"

/* A person as the minutes name them (names without honorifics). */
struct minutes_person {
	const char *name;
	const char *role;         /* "Chair", "Member", "Minutes", or NULL */
	const char *job_title;    /* or NULL */
	const char *representing; /* whom or what they stood for, or NULL */
	const char *arrived;      /* item number they arrived at, or NULL */
	const char *left;         /* item number they left at, or NULL */
	size_t line;              /* source line number */
};

struct minutes_resolution {
	const char *number; /* "1" for "(1)", "a" for "(a)", or NULL */
	const char *text;
};

struct minutes_action {
	const char *number;  /* as printed, or NULL */
	const char **owners; /* names, resolved from initials if possible */
	size_t nowners;
	const char *text;
	const char *due; /* YYYY-MM-DD, or NULL */
	size_t line;
};

struct minutes_item {
	const char *number; /* as printed: "11", "4.3", "HW.35/24" */
	const char *parent; /* number of the item this is a sub-item of */
	const char *title;  /* or NULL */
	const char *text;   /* the item's lines, paragraphs apart */
	bool confidential;
	const char *status; /* NULL (taken), "deferred", "withdrawn" */
	struct minutes_resolution *resolutions;
	size_t nresolutions;
	struct minutes_action *actions;
	size_t nactions;
	size_t line;
};

struct minutes_update {
	const char *date;   /* YYYY-MM-DD, or NULL */
	const char *text;   /* or NULL */
	const char *status; /* open, in_progress, discharged, closed, or NULL */
	bool carried_forward;
};

/* An entry of an appended action log. */
struct minutes_log_entry {
	const char *number;
	const char **owners;
	size_t nowners;
	const char *text;
	const char *raised; /* YYYY-MM-DD, or NULL when the log does not say */
	struct minutes_update *updates;
	size_t nupdates;
	size_t line;
};

/* A line the reader could not place, or a note on what it was unsure of. */
struct minutes_note {
	size_t line;
	const char *text;
};

struct minutes_reading {
	const char *body;       /* as printed, or NULL */
	const char *body_short; /* "RLSCB" from "... (RLSCB)", or NULL */
	const char *title;
	const char *date;                  /* YYYY-MM-DD, or NULL */
	const char *start_time, *end_time; /* HH:MM, or NULL */
	const char *venue;
	const char *webcast_url;       /* or NULL */
	const char *next_meeting;      /* YYYY-MM-DD, or NULL */
	const char *next_meeting_time; /* HH:MM, or NULL */
	const char *action_log_as_at;  /* YYYY-MM-DD, or NULL */
	struct minutes_person *present, *in_attendance, *apologies, *absent;
	size_t npresent, nin_attendance, napologies, nabsent;
	struct minutes_item *items;
	size_t nitems;
	struct minutes_log_entry *action_log;
	size_t naction_log;
	struct minutes_note *unsure, *unplaced;
	size_t nunsure, nunplaced;
	/* For each source line (by index), what it became: "title", "present",
	 * "item 4.3 text", "unplaced"... Blank lines are "blank". */
	const char **placed;
	size_t nlines;
	struct arena arena; /* owns everything above */
};

/*
 * Reads the meeting in s into *out (set up by this function; free with
 * minutes_reading_free, also after an error). s is only borrowed: the
 * reading copies what it keeps. Fails only with MASA_ERR_LIMIT for a
 * document past the reader's bounds.
 */
enum masa_err minutes_read(const struct source *s, struct minutes_reading *out,
                           struct masa_error *err);
void minutes_reading_free(struct minutes_reading *r);

/* The reading as JSON (docs/import.md); the caller owns the reference. */
json_t *minutes_reading_json(const struct minutes_reading *r);

/*
 * Helpers the reader uses, exported for the tests: a date in words or
 * figures ("Thursday 4th December 2014", "9th July, 2019", "04.12.2014",
 * "04.12.14") into YYYY-MM-DD in out[11]; a time ("1pm", "5.30 p.m.",
 * "14:00") into HH:MM in out[6]. Return how many bytes of text they read,
 * or 0 when text does not start with one.
 */
size_t minutes_parse_date(const char *text, char out[11]);
size_t minutes_parse_time(const char *text, char out[6]);

#endif
