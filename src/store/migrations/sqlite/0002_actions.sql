-- masa schema, version 2: action logs and work programmes.

-- An action, raised at a meeting (optionally under one of its items) or
-- standing alone, in its body's action log. Its key ("RLSCB/2014-12-04/3":
-- meeting key and number, or "RLSCB/A7" standing alone) never changes.
-- status is the current status; the history is in action_update. closed_on
-- is the day the current finished status was set (NULL while not finished):
-- it lets "open on a date" be answered from an index.
CREATE TABLE action (
  id INTEGER PRIMARY KEY,
  partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  body_id INTEGER NOT NULL REFERENCES body(id),
  meeting_id INTEGER REFERENCES meeting(id),
  item_id INTEGER REFERENCES item(id),
  number INTEGER NOT NULL CHECK (number > 0),
  key TEXT NOT NULL,
  raised_on TEXT NOT NULL,
  details TEXT NOT NULL,
  due_date TEXT,
  due_meeting_id INTEGER REFERENCES meeting(id),
  status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'discharged',
    'closed', 'superseded')),
  closed_on TEXT,
  UNIQUE (partnership_id, key)
);
CREATE INDEX action_body ON action (body_id, status);
CREATE INDEX action_meeting ON action (meeting_id, number);
CREATE INDEX action_due ON action (partnership_id, status, due_date);
CREATE INDEX action_open_on ON action (partnership_id, closed_on, raised_on);

-- A dated entry in an action's history, optionally at a meeting: text, the
-- status it set (or NULL), and whether it was an automatic carry-forward.
CREATE TABLE action_update (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES action(id),
  on_date TEXT NOT NULL,
  meeting_id INTEGER REFERENCES meeting(id),
  kind TEXT NOT NULL CHECK (kind IN ('update', 'carried_forward')),
  text TEXT,
  status TEXT CHECK (status IN ('open', 'in_progress', 'discharged',
    'closed', 'superseded'))
);
CREATE INDEX action_update_action ON action_update (action_id, on_date, id);
CREATE INDEX action_update_date ON action_update (on_date);

-- Who owns an action: a person, an organisation, or all members of its body,
-- from the update that added them (NULL: when raised) to the update that
-- removed them (NULL: still an owner). Reassignment keeps the old owner.
CREATE TABLE action_owner (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES action(id),
  person_id INTEGER REFERENCES person(id),
  organisation_id INTEGER REFERENCES organisation(id),
  all_members INTEGER NOT NULL DEFAULT 0 CHECK (all_members IN (0, 1)),
  added_by INTEGER REFERENCES action_update(id),
  removed_by INTEGER REFERENCES action_update(id),
  CHECK ((person_id IS NOT NULL) + (organisation_id IS NOT NULL)
    + all_members = 1)
);
CREATE INDEX action_owner_action ON action_owner (action_id);
CREATE INDEX action_owner_person ON action_owner (person_id, removed_by);

-- Reminders sent: one per action, person and day, never twice.
CREATE TABLE reminder_sent (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES action(id),
  person_id INTEGER NOT NULL REFERENCES person(id),
  on_date TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  UNIQUE (action_id, person_id, on_date)
);

-- A body's work programme: what it plans to take, at a meeting or in a
-- month, and where the entry came from.
CREATE TABLE programme_entry (
  id INTEGER PRIMARY KEY,
  body_id INTEGER NOT NULL REFERENCES body(id),
  title TEXT NOT NULL,
  meeting_id INTEGER REFERENCES meeting(id),
  month TEXT,
  source TEXT NOT NULL CHECK (source IN ('resolution', 'deferral',
    'subgroup_report', 'standing_item', 'other')),
  resolution_id INTEGER REFERENCES resolution(id),
  item_id INTEGER REFERENCES item(id),
  status TEXT NOT NULL CHECK (status IN ('planned', 'on_agenda', 'deferred',
    'done')),
  notes TEXT,
  CHECK (meeting_id IS NOT NULL OR month IS NOT NULL
    OR source = 'standing_item')
);
CREATE INDEX programme_body ON programme_entry (body_id, month);

-- Settings of a deployment (the SMTP server reminders go through, ...).
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
