-- masa schema, version 8: part two covers everything under it.
-- An item under a confidential (part two) item is confidential itself, as
-- gov_item_create and gov_item_update now keep it: the rules of who may see
-- what (gov/access.h) read the item's own flag. UNION, not UNION ALL: a
-- cycle of parents (which masa refuses, but a hand-edited database may
-- hold) ends the walk instead of running it forever.
WITH RECURSIVE below (id) AS (
  SELECT id FROM item WHERE confidential = 1
  UNION
  SELECT i.id FROM item i JOIN below ON i.parent_id = below.id
)
UPDATE item SET confidential = 1, version = version + 1
WHERE confidential = 0 AND id IN (SELECT id FROM below);
