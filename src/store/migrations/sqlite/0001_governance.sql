-- masa schema, version 1: the governance core.
-- Dates are ISO text (YYYY-MM-DD), times HH:MM, time stamps YYYY-MM-DDTHH:MM:SSZ,
-- so that text order is time order in every backend. Flags are integers 0/1.
-- Each table that interchange refers to has a "key" unique within its
-- partnership: the identifier a dump writes and a load reads back.

CREATE TABLE masa_schema (
  version INTEGER NOT NULL
);

CREATE TABLE partnership (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  area TEXT
);

CREATE TABLE organisation (
  id INTEGER PRIMARY KEY,
  partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  classification TEXT CHECK (classification IN ('local_authority', 'health',
    'police', 'probation', 'education', 'fire', 'voluntary', 'court',
    'government', 'other')),
  part TEXT NOT NULL CHECK (part IN ('safeguarding_partner', 'relevant_agency',
    'education', 'other')),
  UNIQUE (partnership_id, key)
);

CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  honorific_prefix TEXT,
  job_title TEXT,
  organisation_id INTEGER REFERENCES organisation(id),
  email TEXT,
  UNIQUE (partnership_id, key)
);

CREATE TABLE body (
  id INTEGER PRIMARY KEY,
  partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  short_name TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('chief_officers_group', 'executive',
    'subgroup', 'panel', 'wider_partnership', 'scrutiny_committee', 'board')),
  parent_id INTEGER REFERENCES body(id),
  founding_date TEXT,
  dissolution_date TEXT,
  quorum_count INTEGER,
  quorum_fraction TEXT,
  quorum_partners INTEGER NOT NULL DEFAULT 0,
  terms_of_reference TEXT,
  UNIQUE (partnership_id, short_name)
);

CREATE TABLE membership (
  id INTEGER PRIMARY KEY,
  body_id INTEGER NOT NULL REFERENCES body(id),
  person_id INTEGER NOT NULL REFERENCES person(id),
  role TEXT NOT NULL CHECK (role IN ('chair', 'vice_chair', 'deputy_chair',
    'member', 'advisor', 'co_optee', 'lay_member', 'minute_taker', 'officer')),
  organisation_id INTEGER REFERENCES organisation(id),
  label TEXT,
  start_date TEXT,
  end_date TEXT,
  CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date)
);
CREATE INDEX membership_body ON membership (body_id, start_date);
CREATE INDEX membership_person ON membership (person_id);

CREATE TABLE meeting (
  id INTEGER PRIMARY KEY,
  body_id INTEGER NOT NULL REFERENCES body(id),
  key TEXT NOT NULL,
  partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  name TEXT,
  date TEXT NOT NULL,
  start_time TEXT,
  end_time TEXT,
  location TEXT,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'held', 'inquorate',
    'adjourned', 'cancelled')),
  webcast_url TEXT,
  UNIQUE (partnership_id, key)
);
CREATE INDEX meeting_body_date ON meeting (body_id, date);
CREATE INDEX meeting_date ON meeting (partnership_id, date);

CREATE TABLE item (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id),
  parent_id INTEGER REFERENCES item(id),
  position INTEGER NOT NULL,
  number TEXT NOT NULL,
  title TEXT NOT NULL,
  presenter_id INTEGER REFERENCES person(id),
  confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'taken' CHECK (status IN ('taken', 'deferred',
    'withdrawn')),
  deferred_to_id INTEGER REFERENCES meeting(id),
  minutes TEXT,
  UNIQUE (meeting_id, number)
);
CREATE INDEX item_meeting_position ON item (meeting_id, position);

CREATE TABLE attendance (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id),
  person_id INTEGER NOT NULL REFERENCES person(id),
  status TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent',
    'in_attendance', 'represented_by')),
  substitute_id INTEGER REFERENCES person(id),
  arrived_item_id INTEGER REFERENCES item(id),
  left_item_id INTEGER REFERENCES item(id),
  UNIQUE (meeting_id, person_id),
  CHECK ((status = 'represented_by') = (substitute_id IS NOT NULL))
);

CREATE TABLE declaration (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id),
  person_id INTEGER NOT NULL REFERENCES person(id),
  item_id INTEGER REFERENCES item(id),
  interest TEXT NOT NULL
);
CREATE INDEX declaration_meeting ON declaration (meeting_id);

CREATE TABLE resolution (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES item(id),
  number INTEGER NOT NULL CHECK (number > 0),
  text TEXT NOT NULL,
  UNIQUE (item_id, number)
);

CREATE TABLE document (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES item(id),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('report', 'paper', 'presentation',
    'minutes', 'letter', 'plan', 'other')),
  url TEXT
);
CREATE INDEX document_item ON document (item_id, position);

CREATE TABLE circulation (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document(id),
  person_id INTEGER NOT NULL REFERENCES person(id),
  sent_on TEXT NOT NULL,
  UNIQUE (document_id, person_id, sent_on)
);

-- Every change: who, when, what, before and after (JSON text). Append-only:
-- the triggers below refuse any update or delete.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'load')),
  entity TEXT NOT NULL,
  entity_id INTEGER,
  before TEXT,
  after TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
