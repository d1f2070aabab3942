/*
 * publish_store: the public PDF of a meeting's minutes, made once and kept
 * in the database until the minutes change (see publish.h).
 *
 * What the document was made from is hashed: the public Markdown of the
 * minutes (publish_markdown over the same model the PDF is drawn from, so
 * every change the PDF would show changes it) and PDF_WRITER_VERSION, so
 * that a new layout of the PDF writer makes the documents again. Reading
 * and hashing costs a few milliseconds; drawing a PDF costs far more.
 */
#include "minutes/publish.h"

#include <sodium.h>
#include <string.h>
#include <time.h>

#include "gov/meeting.h"
#include "store/store.h"

/* Raise it when publish_pdf draws the same minutes differently. */
static const char PDF_WRITER_VERSION[] = "masa-minutes-pdf-1";

static const char SQL_DOCUMENT_GET[] =
        "SELECT source_hash, content FROM minutes_document "
        "WHERE meeting_id = ?1 AND format = 'pdf'";
static const char SQL_DOCUMENT_SIZE[] =
        "SELECT bytes FROM minutes_document "
        "WHERE meeting_id = ?1 AND format = 'pdf'";
static const char SQL_DOCUMENT_DELETE[] =
        "DELETE FROM minutes_document WHERE meeting_id = ?1 AND format = "
        "'pdf'";
static const char SQL_DOCUMENT_PUT[] =
        "INSERT INTO minutes_document "
        "(meeting_id, format, source_hash, bytes, content, made_at) "
        "VALUES (?1, 'pdf', ?2, ?3, ?4, ?5)";

/* The hex SHA-256 of the public Markdown of m and the writer's version. */
static enum masa_err source_hash(const struct publish_meeting *m,
                                 char hex[crypto_hash_sha256_BYTES * 2 + 1],
                                 struct masa_error *err)
{
	struct buf md;
	crypto_hash_sha256_state st;
	unsigned char digest[crypto_hash_sha256_BYTES];
	enum masa_err rc;

	buf_init(&md, PUBLISH_MAX_BYTES);
	rc = publish_markdown(m, &md, err);
	if (rc == MASA_OK) {
		crypto_hash_sha256_init(&st);
		crypto_hash_sha256_update(
		        &st, (const unsigned char *)PDF_WRITER_VERSION,
		        sizeof PDF_WRITER_VERSION);
		crypto_hash_sha256_update(&st, (const unsigned char *)md.data,
		                          md.len);
		crypto_hash_sha256_final(&st, digest);
		sodium_bin2hex(hex, crypto_hash_sha256_BYTES * 2 + 1, digest,
		               sizeof digest);
	}
	buf_free(&md);
	return rc;
}

/* The stored document of meeting_id if made from hash; *pdf NULL if not. */
static enum masa_err stored(struct gov *g, int64_t meeting_id, const char *hash,
                            struct arena *a, const char **pdf, size_t *len,
                            struct masa_error *err)
{
	struct store_stmt *st;
	bool row = false;
	enum masa_err rc;

	*pdf = NULL;
	*len = 0;
	rc = store_prepare(g->store, SQL_DOCUMENT_GET, &st, err);
	if (rc != MASA_OK)
		return rc;
	store_bind_id(st, 1, meeting_id);
	rc = store_step(st, &row, err);
	if (rc == MASA_OK && row &&
	    strcmp(store_column_text(st, 0), hash) == 0) {
		size_t n = 0;
		const void *bytes = store_column_blob(st, 1, &n);

		if (bytes != NULL && n > 0) {
			char *copy = arena_alloc(a, n);
			memcpy(copy, bytes, n);
			*pdf = copy;
			*len = n;
		}
	}
	store_done(st);
	return rc;
}

static enum masa_err keep(struct gov *g, int64_t meeting_id, const char *hash,
                          const struct buf *pdf, struct masa_error *err)
{
	char made[32];
	time_t now = time(NULL);
	struct tm tm;
	struct store_stmt *st;
	enum masa_err rc;

	gmtime_r(&now, &tm);
	strftime(made, sizeof made, "%Y-%m-%dT%H:%M:%SZ", &tm);
	rc = gov_begin(g, err);
	if (rc != MASA_OK)
		return rc;
	rc = store_prepare(g->store, SQL_DOCUMENT_DELETE, &st, err);
	if (rc == MASA_OK) {
		store_bind_id(st, 1, meeting_id);
		rc = store_run(st, NULL, err);
	}
	if (rc == MASA_OK)
		rc = store_prepare(g->store, SQL_DOCUMENT_PUT, &st, err);
	if (rc == MASA_OK) {
		store_bind_id(st, 1, meeting_id);
		store_bind_text(st, 2, hash);
		store_bind_int(st, 3, (int64_t)pdf->len);
		store_bind_blob(st, 4, pdf->data, pdf->len);
		store_bind_text(st, 5, made);
		rc = store_run(st, NULL, err);
	}
	return gov_end(g, rc, err);
}

enum masa_err publish_public_pdf(struct gov *g, int64_t partnership_id,
                                 const char *key, struct arena *a,
                                 const char **pdf, size_t *len, bool *made,
                                 struct masa_error *err)
{
	struct publish_meeting m;
	struct gov_meeting meeting;
	char hash[crypto_hash_sha256_BYTES * 2 + 1];
	struct buf doc;
	enum masa_err rc;

	*pdf = NULL;
	*len = 0;
	*made = false;
	if ((rc = publish_read(g, partnership_id, key, true, a, &m, err)) ||
	    (rc = gov_meeting_find(g, partnership_id, key, a, &meeting, err)) ||
	    (rc = source_hash(&m, hash, err)) ||
	    (rc = stored(g, meeting.id, hash, a, pdf, len, err)))
		return rc;
	if (*pdf != NULL)
		return MASA_OK;
	buf_init(&doc, PUBLISH_MAX_BYTES);
	rc = publish_pdf(&m, &doc, err);
	if (rc == MASA_OK)
		rc = keep(g, meeting.id, hash, &doc, err);
	if (rc == MASA_OK) {
		char *copy = arena_alloc(a, doc.len + 1);
		memcpy(copy, doc.data, doc.len);
		*pdf = copy;
		*len = doc.len;
		*made = true;
	}
	buf_free(&doc);
	return rc;
}

int64_t publish_public_pdf_size(struct gov *g, int64_t meeting_id)
{
	struct store_stmt *st;
	struct masa_error err = {0};
	bool row = false;
	int64_t bytes = 0;

	if (store_prepare(g->store, SQL_DOCUMENT_SIZE, &st, &err) != MASA_OK)
		return 0;
	store_bind_id(st, 1, meeting_id);
	if (store_step(st, &row, &err) == MASA_OK && row)
		bytes = store_column_int(st, 0);
	store_done(st);
	return bytes;
}
