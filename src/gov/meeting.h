/*
 * meeting: a body's meetings, who attended them and what they declared, and
 * whether a meeting was quorate under its body's rule.
 */
#ifndef MASA_GOV_MEETING_H
#define MASA_GOV_MEETING_H

#include "gov/gov.h"

struct gov_meeting {
	int64_t id;
	int64_t body_id;
	char *key; /* "RLSCB/2014-12-04": fixed at creation, never changes */
	int64_t partnership_id; /* the body's; set by create */
	char *name;             /* title as printed, or NULL */
	char *date;
	char *start_time; /* HH:MM or NULL */
	char *end_time;
	char *location;
	char *status; /* scheduled, held, inquorate, adjourned, cancelled */
	char *webcast_url;
	/* Minutes: draft, approved (at a later meeting), published (the open
	 * items shown to the public). NULL at create means draft. */
	char *minutes_status;
	char *minutes_approved_on;  /* YYYY-MM-DD, when approved */
	char *minutes_published_on; /* YYYY-MM-DD, when published */
	/* YYYY-MM-DD, when the agenda was published (everyone then sees the
	 * open items and their papers), or NULL */
	char *agenda_published_on;
	/* The statutory ground for excluding the press and public from part
	 * two ("Paragraphs 1 and 2 of Schedule 12A ..."), or NULL for none */
	char *part_two_exemption;
	/* 1 when created, one more at every change. In an update: the
	 * version the editor saw, or 0 not to check (see gov_meeting_update) */
	int64_t version;
};

/* A meeting with its body's short name, for listings. */
struct gov_meeting_row {
	struct gov_meeting m;
	char *body_short_name;
	char *body_name;
};

struct gov_attendance {
	int64_t id;
	int64_t meeting_id;
	int64_t person_id;
	char *status;            /* present, apologies, absent, in_attendance,
	                            represented_by */
	int64_t substitute_id;   /* who came instead, for represented_by */
	int64_t arrived_item_id; /* arrived at the start of this item, or 0 */
	int64_t left_item_id;    /* left during or before this item, or 0 */
};

/* An attendance row with the names a listing shows. */
struct gov_attendee {
	struct gov_attendance a;
	char *person_key;
	char *person_name;
	char *honorific_prefix;
	char *job_title;
	char *role; /* membership role on the meeting's date, or NULL */
	char *substitute_key;
	char *substitute_name;
	char *arrived_item; /* item numbers, or NULL */
	char *left_item;
	/* the organisation the membership represents, else the person's
	 * employer, or NULL */
	char *organisation_name;
};

struct gov_declaration {
	int64_t id;
	int64_t meeting_id;
	int64_t person_id;
	int64_t item_id; /* or 0 for the meeting as a whole */
	char *interest;
};

/* A declaration with the names a listing shows. */
struct gov_declaration_row {
	struct gov_declaration d;
	char *person_name;
	char *honorific_prefix;
	char *item_number; /* or NULL */
};

struct gov_quorum {
	bool has_rule;
	int voting_members;   /* voting members on the meeting's date */
	int voting_present;   /* of them present or represented */
	int required;         /* present needed by count or fraction */
	int partners_missing; /* safeguarding partners with no one present */
	bool quorate;
};

extern const char *const gov_meeting_statuses[];
extern const char *const gov_attendance_statuses[];
extern const char *const gov_minutes_statuses[];

/*
 * Creates m; when m->key is NULL it becomes SHORT/DATE (with -2, -3 for
 * further meetings of the body that day). The date must fall within the
 * body's life.
 */
enum masa_err gov_meeting_create(struct gov *g, struct gov_meeting *m,
                                 struct masa_error *err);
/*
 * Updates m; its key and body may not change. The stored version goes up
 * by one. MASA_ERR_CONFLICT, storing nothing, when m->version is not 0 and
 * not the stored version: someone changed the meeting since the editor
 * read it.
 */
enum masa_err gov_meeting_update(struct gov *g, const struct gov_meeting *m,
                                 struct masa_error *err);
/*
 * Moves meeting id's minutes to status (draft, approved, published), with
 * the dates they were approved and published. A date given (not NULL) is
 * stored; a date not given keeps the stored one; a status newly set with
 * no date, stored or given, is dated today (publishing minutes not yet
 * approved approves them on the day they are published). Draft clears
 * both dates. Refuses a publication before the approval, and an approval
 * before the meeting, with messages naming the field as users know it.
 * version is the meeting's version the editor saw, or 0 not to check (as
 * for gov_meeting_update).
 */
enum masa_err gov_meeting_set_minutes(struct gov *g, int64_t id,
                                      int64_t version, const char *status,
                                      const char *approved_on,
                                      const char *published_on,
                                      struct masa_error *err);
/*
 * MASA_ERR_CONFLICT ("someone else changed this meeting...") when expected
 * is not 0 and not stored's version.
 */
enum masa_err gov_meeting_version_check(const struct gov_meeting *stored,
                                        int64_t expected,
                                        struct masa_error *err);
enum masa_err gov_meeting_get(struct gov *g, int64_t id, struct arena *a,
                              struct gov_meeting *out, struct masa_error *err);
enum masa_err gov_meeting_find(struct gov *g, int64_t partnership_id,
                               const char *key, struct arena *a,
                               struct gov_meeting *out, struct masa_error *err);
/*
 * Meetings of the partnership (of body_id unless 0) from `from` to `to`
 * (either NULL for open), by date; at most limit (0: all) after offset.
 */
enum masa_err gov_meeting_list(struct gov *g, int64_t partnership_id,
                               int64_t body_id, const char *from,
                               const char *to, int limit, int offset,
                               struct arena *a, struct gov_meeting_row **out,
                               size_t *n, struct masa_error *err);
/*
 * The meetings of m's body just before and just after m (by date, then the
 * order created); *prev or *next has id 0 when there is none. Text in a.
 */
enum masa_err gov_meeting_neighbours(struct gov *g, const struct gov_meeting *m,
                                     struct arena *a, struct gov_meeting *prev,
                                     struct gov_meeting *next,
                                     struct masa_error *err);
/* Every meeting of the partnership in the order created. */
enum masa_err gov_meeting_list_all(struct gov *g, int64_t partnership_id,
                                   struct arena *a, struct gov_meeting **out,
                                   size_t *n, struct masa_error *err);

enum masa_err gov_attendance_record(struct gov *g, struct gov_attendance *at,
                                    struct masa_error *err);
enum masa_err gov_attendance_update(struct gov *g,
                                    const struct gov_attendance *at,
                                    struct masa_error *err);
/* Attendance of a meeting in the order recorded, with names. */
enum masa_err gov_attendance_list(struct gov *g, int64_t meeting_id,
                                  struct arena *a, struct gov_attendee **out,
                                  size_t *n, struct masa_error *err);

enum masa_err gov_declaration_create(struct gov *g, struct gov_declaration *d,
                                     struct masa_error *err);
struct gov_viewer;
/* Those v may see: none on an item v may not see (gov/access.h). */
enum masa_err gov_declaration_list(struct gov *g, const struct gov_viewer *v,
                                   int64_t meeting_id, struct arena *a,
                                   struct gov_declaration **out, size_t *n,
                                   struct masa_error *err);

/* A meeting's declarations in the order recorded, with names. */
struct gov_viewer;
/* Those v may see: none on an item v may not see (gov/access.h). */
enum masa_err gov_declaration_rows(struct gov *g, const struct gov_viewer *v,
                                   int64_t meeting_id, struct arena *a,
                                   struct gov_declaration_row **out, size_t *n,
                                   struct masa_error *err);

/* Counts the meeting's voting members against its body's quorum rule. */
enum masa_err gov_meeting_quorum(struct gov *g, int64_t meeting_id,
                                 struct gov_quorum *out,
                                 struct masa_error *err);

/*
 * Meetings of body_id from `from` to `to` (either NULL for open), newest
 * first; at most limit (0: all) after offset. Text in a.
 */
enum masa_err gov_meeting_list_newest(struct gov *g, int64_t body_id,
                                      const char *from, const char *to,
                                      int limit, int offset, struct arena *a,
                                      struct gov_meeting_row **out, size_t *n,
                                      struct masa_error *err);
/* How many meetings gov_meeting_list would find without a limit. */
enum masa_err gov_meeting_count(struct gov *g, int64_t partnership_id,
                                int64_t body_id, const char *from,
                                const char *to, size_t *n,
                                struct masa_error *err);

/*
 * As gov_meeting_find, gov_meeting_list (of every body) and
 * gov_meeting_count, over the meetings a partnership sees: its own and
 * those of bodies of other partnerships serving it (gov_body_serve), its
 * own first. For pages that read; changes use gov_meeting_find, so that a
 * meeting is changed only through its own partnership.
 */
enum masa_err gov_meeting_find_seen(struct gov *g, int64_t partnership_id,
                                    const char *key, struct arena *a,
                                    struct gov_meeting *out,
                                    struct masa_error *err);
enum masa_err gov_meeting_list_seen(struct gov *g, int64_t partnership_id,
                                    const char *from, const char *to, int limit,
                                    int offset, struct arena *a,
                                    struct gov_meeting_row **out, size_t *n,
                                    struct masa_error *err);
enum masa_err gov_meeting_count_seen(struct gov *g, int64_t partnership_id,
                                     const char *from, const char *to,
                                     size_t *n, struct masa_error *err);

#endif
