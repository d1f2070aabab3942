-- masa schema, version 15: practice reviews and child death reviews, the
-- first half of the assurance pillar. No record here holds a child's name:
-- a case has a reference (checked by assure_reference_check) and an age band.
-- Who may see these records is decided in src/gov/access.h
-- (GOV_SQL_SEES_CASE and the rules beside it).

-- Reading a case is written to the audit log too, with the reader.
CREATE TABLE audit_log_new (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'load',
    'view')),
  entity TEXT NOT NULL,
  entity_id INTEGER,
  before TEXT,
  after TEXT
);
INSERT INTO audit_log_new SELECT id, at, actor, action, entity, entity_id,
  before, after FROM audit_log;
DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- A serious incident the local authority became aware of (aware_on), held
-- by a body (the practice review sub-group): notified to the national panel
-- (due within 5 working days of aware_on), reviewed rapidly at a meeting of
-- the body (its report to the panel due within 15 working days of aware_on),
-- and decided: a local child safeguarding practice review, a national
-- review, or no review, with the reasons and the panel's response.
CREATE TABLE incident (
  id INTEGER PRIMARY KEY,
  partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  body_id INTEGER NOT NULL REFERENCES body(id),
  reference TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('death', 'serious_harm')),
  age_band TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  aware_on TEXT NOT NULL,
  notified_on TEXT,
  rapid_review_meeting_id INTEGER REFERENCES meeting(id),
  rapid_review_on TEXT,
  rapid_review_sent_on TEXT,
  decision TEXT CHECK (decision IN ('local_review', 'national_review',
    'no_review')),
  decision_on TEXT,
  decision_reasons TEXT,
  panel_response TEXT,
  panel_response_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (partnership_id, reference)
);
CREATE INDEX incident_body ON incident (body_id, aware_on);

-- The agencies involved with the child before the incident.
CREATE TABLE incident_agency (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident(id),
  organisation_id INTEGER NOT NULL REFERENCES organisation(id),
  UNIQUE (incident_id, organisation_id)
);

-- A practice review: a local child safeguarding practice review (kind
-- local), usually decided on an incident; a serious case review from before
-- 2019 (scr); or a national review's local part. Its stage moves through
-- scoping, fieldwork, involvement (family and practitioners), draft and
-- final; then the partners sign it off, it is sent to the national panel and
-- the Secretary of State, and it is published (published_on, published_url)
-- or its publication is held (held_reason, held_note, held_review_on).
-- publication_due_on is six months from the decision unless set otherwise.
CREATE TABLE practice_review (
  id INTEGER PRIMARY KEY,
  partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  body_id INTEGER NOT NULL REFERENCES body(id),
  incident_id INTEGER REFERENCES incident(id),
  reference TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('local', 'national', 'scr')),
  commissioned_on TEXT,
  reviewer TEXT,
  method TEXT,
  terms_of_reference TEXT,
  stage TEXT NOT NULL CHECK (stage IN ('scoping', 'fieldwork', 'involvement',
    'draft', 'final')),
  final_on TEXT,
  signed_off_on TEXT,
  publication_due_on TEXT,
  sent_to_panel_on TEXT,
  published_on TEXT,
  published_url TEXT,
  summary TEXT,
  held_reason TEXT CHECK (held_reason IN ('criminal_proceedings',
    'family_wishes', 'other')),
  held_note TEXT,
  held_review_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (partnership_id, reference)
);
CREATE INDEX practice_review_body ON practice_review (body_id);
CREATE INDEX practice_review_incident ON practice_review (incident_id);

-- When a review entered each stage.
CREATE TABLE review_stage (
  id INTEGER PRIMARY KEY,
  review_id INTEGER NOT NULL REFERENCES practice_review(id),
  stage TEXT NOT NULL,
  started_on TEXT NOT NULL,
  UNIQUE (review_id, stage)
);

-- An agency's contribution to a review (a chronology, an individual
-- management review): due and received.
CREATE TABLE review_contribution (
  id INTEGER PRIMARY KEY,
  review_id INTEGER NOT NULL REFERENCES practice_review(id),
  organisation_id INTEGER NOT NULL REFERENCES organisation(id),
  what TEXT NOT NULL,
  due_on TEXT NOT NULL,
  received_on TEXT,
  UNIQUE (review_id, organisation_id, what)
);

-- A recommendation of a review: the finding it answers, the outcome
-- expected and how it will be measured, the organisation that owns it, the
-- body whose action log carries its actions, and a timescale. It is closed
-- only with impact evidence or a reason (closed_reason).
CREATE TABLE recommendation (
  id INTEGER PRIMARY KEY,
  partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  review_id INTEGER NOT NULL REFERENCES practice_review(id),
  number INTEGER NOT NULL,
  text TEXT NOT NULL,
  finding TEXT,
  expected_outcome TEXT,
  measure TEXT,
  organisation_id INTEGER REFERENCES organisation(id),
  body_id INTEGER REFERENCES body(id),
  due_on TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  closed_on TEXT,
  closed_reason TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (review_id, number)
);
CREATE INDEX recommendation_owner ON recommendation (partnership_id,
  organisation_id, status);

-- The actions raised from a recommendation into a body's action log.
CREATE TABLE recommendation_action (
  id INTEGER PRIMARY KEY,
  recommendation_id INTEGER NOT NULL REFERENCES recommendation(id),
  action_id INTEGER NOT NULL REFERENCES action(id),
  UNIQUE (recommendation_id, action_id)
);

-- Evidence of a recommendation's impact at a checkpoint ("6 months"): due,
-- recorded (an audit, a figure, practitioners' feedback...), and the
-- chair's judgement (red, amber, green).
CREATE TABLE impact_evidence (
  id INTEGER PRIMARY KEY,
  recommendation_id INTEGER NOT NULL REFERENCES recommendation(id),
  checkpoint TEXT NOT NULL,
  due_on TEXT,
  recorded_on TEXT,
  kind TEXT CHECK (kind IN ('audit', 'figure', 'feedback', 'other')),
  summary TEXT,
  rag TEXT CHECK (rag IN ('red', 'amber', 'green')),
  judged_on TEXT,
  judged_by INTEGER REFERENCES person(id),
  UNIQUE (recommendation_id, checkpoint)
);

-- A learning briefing: a short document for practitioners from a review
-- (or from the child death panel's themes), public once published, with
-- the file itself when one was uploaded.
CREATE TABLE learning_briefing (
  id INTEGER PRIMARY KEY,
  partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  review_id INTEGER REFERENCES practice_review(id),
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  published_on TEXT,
  filename TEXT,
  content_type TEXT,
  content BLOB,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX learning_briefing_review ON learning_briefing (review_id);

-- Where a briefing was sent (a body, the partners' practitioners, schools).
CREATE TABLE briefing_circulation (
  id INTEGER PRIMARY KEY,
  briefing_id INTEGER NOT NULL REFERENCES learning_briefing(id),
  audience TEXT NOT NULL,
  sent_on TEXT NOT NULL,
  recipients INTEGER,
  UNIQUE (briefing_id, audience, sent_on)
);

-- A child's death, reviewed by a child death overview panel (a body, which
-- may serve several partnerships): partnership_id is the child's area.
-- category is that of the national analysis form (1-10); modifiable says
-- whether modifiable factors were identified (their domains are in
-- child_death_factor).
CREATE TABLE child_death (
  id INTEGER PRIMARY KEY,
  partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  panel_body_id INTEGER NOT NULL REFERENCES body(id),
  reference TEXT NOT NULL,
  age_band TEXT NOT NULL,
  died_on TEXT NOT NULL,
  notified_on TEXT,
  place TEXT,
  expected INTEGER NOT NULL CHECK (expected IN (0, 1)),
  review_meeting_on TEXT,
  panel_meeting_id INTEGER REFERENCES meeting(id),
  reviewed_on TEXT,
  category INTEGER CHECK (category BETWEEN 1 AND 10),
  modifiable TEXT CHECK (modifiable IN ('yes', 'no', 'insufficient')),
  learning TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (panel_body_id, reference)
);
CREATE INDEX child_death_partnership ON child_death (partnership_id, died_on);
CREATE INDEX child_death_panel ON child_death (panel_body_id, died_on);

-- A modifiable factor of a death, in one of the analysis form's domains.
CREATE TABLE child_death_factor (
  id INTEGER PRIMARY KEY,
  child_death_id INTEGER NOT NULL REFERENCES child_death(id),
  domain TEXT NOT NULL CHECK (domain IN ('child', 'social_environment',
    'physical_environment', 'service_provision')),
  description TEXT NOT NULL DEFAULT '',
  UNIQUE (child_death_id, domain)
);

-- Themes a panel looks for across deaths (safe sleeping, drowning, road
-- traffic, suicide...): body_id NULL for those every panel has.
CREATE TABLE cdr_theme (
  id INTEGER PRIMARY KEY,
  body_id INTEGER REFERENCES body(id),
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (body_id, key)
);
INSERT INTO cdr_theme (body_id, key, name) VALUES
  (NULL, 'safe-sleeping', 'Safe sleeping'),
  (NULL, 'drowning', 'Drowning'),
  (NULL, 'road-traffic', 'Road traffic'),
  (NULL, 'suicide', 'Suicide'),
  (NULL, 'neglect', 'Neglect'),
  (NULL, 'smoking-in-pregnancy', 'Smoking in pregnancy');

CREATE TABLE child_death_theme (
  id INTEGER PRIMARY KEY,
  child_death_id INTEGER NOT NULL REFERENCES child_death(id),
  theme_id INTEGER NOT NULL REFERENCES cdr_theme(id),
  UNIQUE (child_death_id, theme_id)
);
CREATE INDEX child_death_theme_theme ON child_death_theme (theme_id);

-- The actions the panel raised on a death, into its action log.
CREATE TABLE child_death_action (
  id INTEGER PRIMARY KEY,
  child_death_id INTEGER NOT NULL REFERENCES child_death(id),
  action_id INTEGER NOT NULL REFERENCES action(id),
  UNIQUE (child_death_id, action_id)
);
