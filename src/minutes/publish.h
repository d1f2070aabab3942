/*
 * publish: a meeting's minutes as a document people circulate and publish,
 * in the shape minutes are printed in: the body's name, when and where it
 * met, who was present (with their role and job title), who was represented
 * and by whom, who was in attendance and who sent apologies, the items as
 * numbered with their minutes, resolutions and the actions raised under
 * them, and the body's action log as at the meeting as an appendix.
 *
 * publish_read() reads the meeting once, through the gov layer, into a
 * publication model; the writers (Markdown, HTML, PDF) only format that
 * model, so the three documents always say the same thing. A public
 * document leaves confidential (part 2) items out entirely, as the access
 * rules of gov/access.h decide for a member of the public; a members'
 * document keeps them and marks them "Confidential".
 */
#ifndef MASA_MINUTES_PUBLISH_H
#define MASA_MINUTES_PUBLISH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/mem.h"
#include "gov/gov.h"

enum {
	/* a published document larger than this is refused */
	PUBLISH_MAX_BYTES = 64 * 1024 * 1024,
};

enum publish_format {
	PUBLISH_MARKDOWN,
	PUBLISH_HTML,
	PUBLISH_PDF,
};

/* One person on the attendance list, as printed. */
struct publish_person {
	const char *name; /* "Steve Ashley", or "Cllr Beaumont" */
	const char *role; /* "Chair", "Member", or NULL */
	const char *job;  /* "Independent Chair, Rotherham ...", or NULL */
	const char *represented_by; /* who came instead, or NULL */
	const char *note; /* "arrived at item 6", "left during item 9", NULL */
};

struct publish_resolution {
	long number;
	const char *text;
};

/* An action, in an item (raised there) or in the appendix. */
struct publish_action {
	long number;
	const char *key;      /* "RLSCB/2014-12-04/3" */
	const char *owners;   /* "Maryke Turvey/Sarah Mainwaring" */
	const char *initials; /* "MT/SM", "All" */
	const char *details;
	const char *update; /* updates to the date, one per line, or NULL */
	const char *status; /* "Discharged", "On-going", ... */
	const char *raised; /* "04.09.2014": when raised */
	bool confidential;  /* raised under a confidential item */
	bool minuted;       /* the minutes' text already records it */
};

struct publish_item {
	const char *number; /* "4.3" */
	const char *title;
	int depth; /* 0 for an item, 1 for a sub-item... */
	bool confidential;
	const char *presenter;   /* or NULL */
	const char *deferred_to; /* "Tuesday 17th September 2019", when
	                            deferred; "a later meeting" if unknown */
	bool withdrawn;
	const char *minutes; /* Markdown, or NULL */
	struct publish_resolution *resolutions;
	size_t nresolutions;
	struct publish_action **actions; /* raised under it, not minuted */
	size_t nactions;
	const char **notes; /* "Ms Parfremment arrived." before the item */
	size_t nnotes;
};

/* One part of the appendix ("Actions raised on 04.12.2014"). */
struct publish_log_part {
	const char *title;
	struct publish_action *actions;
	size_t n;
};

struct publish_meeting {
	bool public_only;        /* confidential items were left out */
	bool draft;              /* the minutes are not yet approved */
	const char *key;         /* "RLSCB/2014-12-04" */
	const char *partnership; /* its name, the document's author */
	const char *body;        /* "Rotherham Local Safeguarding ..." */
	const char *body_short;  /* "RLSCB" */
	const char *title;       /* the meeting's own title, or NULL */
	const char *date;        /* "2014-12-04" */
	const char *date_long;   /* "Thursday 4th December 2014" */
	const char *date_short;  /* "04.12.2014" */
	const char *times;       /* "1pm – 4pm", or NULL */
	const char *venue;       /* or NULL */
	const char *webcast;     /* or NULL */
	struct publish_person *present, *in_attendance, *apologies, *absent;
	size_t npresent, nin_attendance, napologies, nabsent;
	struct publish_item *items;
	size_t nitems;
	struct publish_action **unplaced; /* raised at the meeting, no item */
	size_t nunplaced;
	const char *next_meeting; /* "Thursday 5th March 2015", or NULL */
	struct publish_log_part log[3];
	size_t nlog;
};

/*
 * Reads meeting `key` ("RLSCB/2014-12-04") of partnership_id into *out
 * (everything in a). With public_only, confidential items and everything
 * under them are left out, and minutes the public may not yet see are
 * refused (MASA_ERR_DENIED). MASA_ERR_NOT_FOUND names an unknown meeting.
 */
enum masa_err publish_read(struct gov *g, int64_t partnership_id,
                           const char *key, bool public_only, struct arena *a,
                           struct publish_meeting *out, struct masa_error *err);

/* Writers: append the document to out (bounded by its ceiling). */
enum masa_err publish_markdown(const struct publish_meeting *m, struct buf *out,
                               struct masa_error *err);
enum masa_err publish_html(const struct publish_meeting *m, struct buf *out,
                           struct masa_error *err);
enum masa_err publish_pdf(const struct publish_meeting *m, struct buf *out,
                          struct masa_error *err);

/* The format named ("md", "html", "pdf"); false if unknown. */
bool publish_format_parse(const char *name, enum publish_format *out);

/*
 * Appends text to out escaped for Pango markup (& < > ' " as entities), so
 * stored text can never become markup. For the PDF writer and its tests.
 */
enum masa_err publish_markup_escape(struct buf *out, const char *text,
                                    size_t len, struct masa_error *err);

/* "Thursday 4th December 2014" for "2014-12-04", in a (NULL if invalid). */
const char *publish_date_long(struct arena *a, const char *iso);
/* "1pm", "5.30pm", "12 noon" for "13:00", "17:30", "12:00", in a. */
const char *publish_time(struct arena *a, const char *hhmm);
/* Initials of a name: "WC" for "Warren Carratt", "TMB" for
 * "Tracey McErlain-Burns", in a. */
const char *publish_initials(struct arena *a, const char *name);

/*
 * The public copy of meeting key's minutes as a PDF, kept in the database
 * (table minutes_document): the stored document when it was made from the
 * same public minutes, else made now (publish_read as the public, then
 * publish_pdf) and stored in place of the old one. The same minutes always
 * give the same bytes. *pdf and *len are in a; *made tells whether it was
 * made by this call. MASA_ERR_DENIED when the public may not yet read the
 * minutes, MASA_ERR_NOT_FOUND for an unknown meeting. Opens its own write
 * transaction when it stores; call it outside one.
 */
enum masa_err publish_public_pdf(struct gov *g, int64_t partnership_id,
                                 const char *key, struct arena *a,
                                 const char **pdf, size_t *len, bool *made,
                                 struct masa_error *err);
/*
 * The size in bytes of the public PDF of meeting_id as last made and
 * stored, or 0 when none is stored (for a link's "PDF, 48 KB").
 */
int64_t publish_public_pdf_size(struct gov *g, int64_t meeting_id);

#endif
