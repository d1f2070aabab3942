-- masa schema, version 3: accounts, sessions and API tokens for the web
-- application. Secrets are never stored: passwords as Argon2id hashes,
-- session and API tokens as BLAKE2b hashes of the random token the client
-- holds, so a copy of the database cannot be used to sign in.

CREATE TABLE account (
  id INTEGER PRIMARY KEY,
  partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  username TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'chair', 'member', 'partner')),
  person_id INTEGER REFERENCES person(id),
  organisation_id INTEGER REFERENCES organisation(id),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  failed_logins INTEGER, -- wrong passwords in a row; NULL is none
  locked_until TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE session (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  account_id INTEGER NOT NULL REFERENCES account(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX session_account ON session (account_id);

CREATE TABLE api_token (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  account_id INTEGER NOT NULL REFERENCES account(id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
);
