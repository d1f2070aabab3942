-- masa schema, version 12: the public's documents and the site's own pages.
--
-- minutes_document: the public copy of a meeting's published minutes as a
-- PDF, made once and served until the minutes change. source_hash is the
-- SHA-256 (hex) of what it was made from (the public Markdown of the
-- minutes and the version of the PDF writer): a request that reads a
-- different hash makes the document again. content is the PDF's bytes;
-- bytes is its size.
-- site_page: the footer's pages (accessibility statement, privacy notice,
-- contact) as the business unit wrote them, in Markdown; a page with no row
-- shows masa's default text.
CREATE TABLE minutes_document (
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  format TEXT NOT NULL CHECK (format IN ('pdf')),
  source_hash TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  content BLOB NOT NULL,
  made_at TEXT NOT NULL,
  PRIMARY KEY (meeting_id, format)
);
CREATE TABLE site_page (
  partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  slug TEXT NOT NULL CHECK (slug IN ('accessibility', 'privacy', 'contact')),
  body TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  PRIMARY KEY (partnership_id, slug)
);
