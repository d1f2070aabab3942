-- masa schema, version 6: several partnerships in one deployment.

-- The host names a server answers for a partnership when it serves by host
-- (masa serve without --partnership): lower case, without a port. A host
-- belongs to one partnership; a partnership may have several.
CREATE TABLE partnership_host (
  id INTEGER PRIMARY KEY,
  host TEXT NOT NULL UNIQUE,
  partnership_id INTEGER NOT NULL REFERENCES partnership(id)
);
CREATE INDEX partnership_host_partnership ON partnership_host (partnership_id);

-- The further partnerships a body serves beyond its own (a regional child
-- death overview panel serving four areas): it appears in their structure
-- and calendar and its published minutes can be read there, while its
-- meetings and actions stay its own partnership's.
CREATE TABLE body_partnership (
  id INTEGER PRIMARY KEY,
  body_id INTEGER NOT NULL REFERENCES body(id),
  partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  UNIQUE (body_id, partnership_id)
);
CREATE INDEX body_partnership_partnership ON body_partnership (partnership_id,
  body_id);
