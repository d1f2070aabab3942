-- masa schema, version 13: circulation of papers, packs and minutes is
-- recorded once per thing, person and day (gov/circulate.h): the row is
-- claimed before the message goes, so a run repeated after a crash, or two
-- at once, never sends the same thing to the same person twice in a day.
-- A re-send that day updates the row (the time and how it went).
CREATE UNIQUE INDEX circulation_once ON circulation (meeting_id, what,
  COALESCE(paper_id, 0), person_id, sent_on) WHERE document_id IS NULL;
