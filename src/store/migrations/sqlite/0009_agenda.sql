-- masa schema, version 9: a meeting's agenda is published before it.
-- Once it is (the date it was), everyone sees the meeting's open items and
-- their papers, as they do once its minutes are published (gov/access.h,
-- GOV_SQL_SEES_AGENDA and GOV_SQL_SEES_PAPERS).
ALTER TABLE meeting ADD COLUMN agenda_published_on TEXT;
