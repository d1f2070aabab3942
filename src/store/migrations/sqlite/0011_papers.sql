-- masa schema, version 11: papers uploaded to a meeting or one of its items,
-- every version of each kept with its bytes (one backup holds everything),
-- the packs made from them, and circulation of papers and packs as well as
-- documents (src/gov/paper.h).
CREATE TABLE paper (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id),
  item_id INTEGER REFERENCES item(id),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX paper_meeting ON paper (meeting_id, position);

CREATE TABLE paper_version (
  id INTEGER PRIMARY KEY,
  paper_id INTEGER NOT NULL REFERENCES paper(id),
  version INTEGER NOT NULL CHECK (version > 0),
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  pages INTEGER,
  uploaded_at TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  text TEXT,
  content BLOB NOT NULL,
  UNIQUE (paper_id, version)
);

-- A pack made on request, kept while what it was made from (made_from: a
-- digest of the meeting, its agenda and every paper version in it) holds.
CREATE TABLE pack (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id),
  part_two INTEGER NOT NULL CHECK (part_two IN (0, 1)),
  made_from TEXT NOT NULL,
  made_at TEXT NOT NULL,
  pages INTEGER NOT NULL,
  size INTEGER NOT NULL,
  content BLOB NOT NULL,
  UNIQUE (meeting_id, part_two)
);

-- Circulation now records papers, packs and minutes as well as documents,
-- how each was sent (attached, as a link) or why it was not.
CREATE TABLE circulation_new (
  id INTEGER PRIMARY KEY,
  document_id INTEGER REFERENCES document(id),
  person_id INTEGER NOT NULL REFERENCES person(id),
  sent_on TEXT NOT NULL,
  meeting_id INTEGER REFERENCES meeting(id),
  paper_id INTEGER REFERENCES paper(id),
  what TEXT NOT NULL DEFAULT 'document' CHECK (what IN ('document', 'paper',
    'pack', 'part_two_pack', 'minutes')),
  sent_at TEXT,
  email TEXT,
  how TEXT NOT NULL DEFAULT 'sent' CHECK (how IN ('sent', 'attached',
    'link', 'not_sent')),
  reason TEXT,
  UNIQUE (document_id, person_id, sent_on)
);
INSERT INTO circulation_new (id, document_id, person_id, sent_on)
  SELECT id, document_id, person_id, sent_on FROM circulation;
DROP TABLE circulation;
ALTER TABLE circulation_new RENAME TO circulation;
CREATE INDEX circulation_meeting ON circulation (meeting_id, sent_at);
