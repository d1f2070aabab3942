-- masa schema, version 7: API tokens that expire, tokens that only read,
-- and when each was last used.
--
-- expires_at: a token works until then (UTC, YYYY-MM-DDTHH:MM:SSZ). Tokens
-- made before this version expire one year after the upgrade, so that no
-- feed stops without warning and none works for ever.
-- read_only: 1 when the token may only read (GET and HEAD).
-- last_used_at: when it last signed a request in (to the hour), or NULL.

ALTER TABLE api_token ADD COLUMN expires_at TEXT;
ALTER TABLE api_token ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0
  CHECK (read_only IN (0, 1));
ALTER TABLE api_token ADD COLUMN last_used_at TEXT;
UPDATE api_token SET expires_at = to_char(
  (now() AT TIME ZONE 'UTC') + interval '1 year', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
CREATE INDEX api_token_account ON api_token (account_id);
