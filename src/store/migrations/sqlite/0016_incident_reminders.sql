-- masa schema, version 16: reminders of serious incidents' clocks, sent to
-- the chair of the body holding the case: one per incident, clock
-- (notification, rapid_review), person and day, never twice.
CREATE TABLE incident_reminder_sent (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident(id),
  clock TEXT NOT NULL CHECK (clock IN ('notification', 'rapid_review')),
  person_id INTEGER NOT NULL REFERENCES person(id),
  on_date TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  UNIQUE (incident_id, clock, person_id, on_date)
);
