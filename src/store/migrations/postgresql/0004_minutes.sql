-- Minutes move from draft to approved (at a later meeting of the body) to
-- published (open items visible to the public site and API).
ALTER TABLE meeting ADD COLUMN minutes_status TEXT NOT NULL DEFAULT 'draft'
  CHECK (minutes_status IN ('draft', 'approved', 'published'));
ALTER TABLE meeting ADD COLUMN minutes_approved_on TEXT;
ALTER TABLE meeting ADD COLUMN minutes_published_on TEXT;
CREATE INDEX meeting_minutes ON meeting (partnership_id, minutes_status);
