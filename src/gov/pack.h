/*
 * pack: a meeting's papers made into one PDF to read or print, in two
 * packs kept apart.
 *
 *   the agenda pack     a front sheet (the body, the meeting's name, date,
 *                       time and place; the agenda: each open item's number,
 *                       title and presenter, and under it its papers with
 *                       the page of the pack each starts on), then every
 *                       open paper that is a PDF;
 *   the part-two pack   the same for the part-two (confidential) items and
 *                       their papers only.
 *
 * Every page after the front sheet is stamped "Page n of N" in its bottom
 * right corner (the front sheet draws its own), so that a printed pack and
 * the front sheet agree; the PDF has an outline (bookmarks): one per item,
 * under it one per paper. A paper that is not a PDF (Word, Excel...) is
 * listed on the front sheet as not included, with the address to download
 * it; so is a PDF that qpdf cannot read, with why. Neither stops the pack.
 *
 * Made with qpdf (merging, the stamps as an overlay, the outline through
 * its JSON update) and the front sheet and stamps with cairo and Pango: see
 * docs/web.md, "Packs".
 *
 * A pack is kept in the database (table pack, one per meeting and part)
 * with a digest of what it was made from (gov_pack_digest: the meeting, its
 * agenda, the papers' current versions, the part), and given again while
 * that digest holds: a new version of a paper, a paper added, an item
 * renamed or moved, makes it again on the next request.
 */
#ifndef MASA_GOV_PACK_H
#define MASA_GOV_PACK_H

#include <stdbool.h>
#include <stdint.h>

#include "core/error.h"
#include "core/mem.h"
#include "gov/access.h"
#include "gov/gov.h"

enum { GOV_PACK_DIGEST_HEX = 65 }; /* 64 hex digits and a NUL */

/* A paper as the pack has it. */
struct gov_pack_paper {
	int64_t paper_id;
	char *title;
	char *item_number;  /* or NULL: a paper of the meeting itself */
	const char *kind;   /* "PDF", "Word document"...; static */
	int64_t pages;      /* its pages in the pack; 0 when not included */
	int64_t first_page; /* the pack's page it starts on, or 0 */
	char *left_out;     /* why it is not included, or NULL */
};

/* A pack, as made or as kept. */
struct gov_pack {
	int64_t meeting_id;
	bool part_two;
	char made_from[GOV_PACK_DIGEST_HEX];
	char *made_at; /* YYYY-MM-DDTHH:MM:SSZ */
	int64_t pages;
	int64_t size;
	const void *bytes; /* the PDF (size bytes), or NULL if not asked for */
	bool made;         /* made by this call (else as kept) */
	/* The papers and what became of them: only when made by this call. */
	struct gov_pack_paper *papers;
	size_t npapers;
};

/* What gov_pack_get does. */
enum gov_pack_want {
	GOV_PACK_BYTES = 1,  /* give the PDF's bytes too */
	GOV_PACK_REMAKE = 2, /* make it even if the kept one holds */
};

/*
 * May v have the pack (part_two or the agenda pack) of meeting_id? The
 * agenda pack: whoever may see the meeting's open papers
 * (GOV_SQL_SEES_PAPERS); the part-two pack: whoever may see its part two
 * (GOV_SQL_SEES_PART_TWO), when it has a part-two item. False, not an
 * error, for a meeting that does not exist.
 */
enum masa_err gov_pack_allowed(struct gov *g, const struct gov_viewer *v,
                               int64_t meeting_id, bool part_two, bool *yes,
                               struct masa_error *err);

/*
 * The digest (hex, into out) of what meeting_id's pack (part_two or not)
 * is made from: the meeting's body, name, date, times and place, the items
 * of the part (number, title, presenter, place, status) and their papers
 * (id, title, current version's SHA-256).
 */
enum masa_err gov_pack_digest(struct gov *g, int64_t meeting_id, bool part_two,
                              char out[GOV_PACK_DIGEST_HEX],
                              struct masa_error *err);

/*
 * The pack of meeting_id (part_two or the agenda pack) if v may have it
 * (else MASA_ERR_NOT_FOUND): the kept one while its digest holds, else made
 * now and kept in place of the old one (which opens its own write
 * transaction: call it outside one). want is GOV_PACK_* flags. Everything
 * in *out is in a.
 */
enum masa_err gov_pack_get(struct gov *g, const struct gov_viewer *v,
                           int64_t meeting_id, bool part_two, unsigned want,
                           struct arena *a, struct gov_pack *out,
                           struct masa_error *err);

#endif
