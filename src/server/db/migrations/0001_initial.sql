-- The walking skeleton: org tree, teams, accounts, sessions, and the synced records with the
-- bookkeeping that makes push idempotent (sync_clients, sync_rejections) and pull gap-free
-- (change_counter). Forward only: later changes go into new files.

-- Administrative units (tỉnh > huyện > xã > thôn/ấp). The depth of the tree is data.
CREATE TABLE org_units (
  id uuid PRIMARY KEY,
  parent_id uuid REFERENCES org_units (id),
  kind text NOT NULL CHECK (kind IN ('province', 'district', 'commune', 'hamlet', 'agency')),
  name text NOT NULL
);
CREATE INDEX org_units_parent_idx ON org_units (parent_id);

-- Tổ bảo vệ ANTT: belongs to a commune, covers one or several hamlets.
CREATE TABLE teams (
  id uuid PRIMARY KEY,
  commune_id uuid NOT NULL REFERENCES org_units (id),
  name text NOT NULL
);
CREATE INDEX teams_commune_idx ON teams (commune_id);

CREATE TABLE team_hamlets (
  team_id uuid NOT NULL REFERENCES teams (id),
  hamlet_id uuid NOT NULL REFERENCES org_units (id),
  PRIMARY KEY (team_id, hamlet_id)
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('member', 'leader', 'commune-police', 'province-admin')),
  -- Members and leaders belong to a team; police and province staff do not.
  team_id uuid REFERENCES teams (id),
  -- The unit the account works for: the team's commune, the police's commune, the province.
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  -- scrypt$N$r$p$salt$hash (base64url); never the password.
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role IN ('member', 'leader')) = (team_id IS NOT NULL))
);
-- Login compares usernames case-insensitively; this also keeps "ToVien" and "tovien" from both existing.
CREATE UNIQUE INDEX users_username_lower_idx ON users (lower(username));

-- Only the SHA-256 of a token is stored: a leaked table does not log anyone in.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- A device (client id) is bound to the first account that pushed from it. last_applied_seq is
-- written in the same transaction as the mutations it covers: the idempotence of push.
CREATE TABLE sync_clients (
  client_id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  last_applied_seq bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL
);

-- Synced records of every collection. seq is the record's position in the server change
-- sequence (see change_counter); a delete keeps the row as a tombstone (deleted, data null) so
-- that devices pull the delete.
CREATE TABLE records (
  collection text NOT NULL,
  id uuid NOT NULL,
  scope text NOT NULL,
  seq bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb,
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (collection, id),
  CHECK (deleted = (data IS NULL))
);
CREATE UNIQUE INDEX records_seq_idx ON records (seq);
CREATE INDEX records_scope_seq_idx ON records (scope, seq);

-- Refused mutations, so that a replayed batch reports the same rejections.
CREATE TABLE sync_rejections (
  client_id uuid NOT NULL REFERENCES sync_clients (client_id),
  seq bigint NOT NULL,
  collection text NOT NULL,
  id text NOT NULL,
  reason text NOT NULL,
  message text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (client_id, seq)
);

-- The last change number handed out. One row whose row lock serialises numbering: see
-- sync-repository.ts (lockChangeCounter) for why this is not a sequence.
CREATE TABLE change_counter (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  value bigint NOT NULL
);
INSERT INTO change_counter (singleton, value) VALUES (true, 0);
