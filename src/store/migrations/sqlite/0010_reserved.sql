-- A place kept for another branch's migration of issue 12 (the lead drops
-- this file when merging, so that 0012 follows theirs).
SELECT 1;
