-- Version numbers for the records people edit through the pages and the
-- API: an action (its status, owners, due date and the updates added to
-- it), a meeting (its status and the status of its minutes) and an agenda
-- item (its minutes and whether it was taken). Every change adds one, in
-- the same UPDATE that checks the version the editor saw, so that when two
-- people (on two servers) change the same record at once, the second is
-- told instead of overwriting the first.
ALTER TABLE action ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE meeting ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE item ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
