-- Sync protocol v2: field-level merges and conflicts, no echo, reach changes, per-record refusals.

-- The device whose push wrote the record exactly as it sent it; null when the server wrote it
-- (demo data, org records) or changed it (a merge). Pull does not send a device its own writes.
ALTER TABLE records ADD COLUMN origin_client uuid;

-- Every version of every record: who wrote it, from which device, which fields changed, and the
-- values before (the audit trail; also how a merge learns who changed a field since an edit's
-- base). seq is the version the change produced.
CREATE TABLE record_changes (
  seq bigint PRIMARY KEY,
  collection text NOT NULL,
  id uuid NOT NULL,
  user_id uuid REFERENCES users (id),
  client_id uuid,
  client_seq bigint,
  -- Top-level fields the change touched; null: all of them (a new record, a delete).
  changed text[],
  deleted boolean NOT NULL,
  previous jsonb,
  at timestamptz NOT NULL
);
CREATE INDEX record_changes_record_idx ON record_changes (collection, id, seq);
CREATE INDEX record_changes_client_idx ON record_changes (client_id, client_seq) WHERE client_id IS NOT NULL;

-- A record that moved out of a scope (a household to another hamlet): devices of the old scope
-- receive a tombstone numbered with the change that moved it.
CREATE TABLE scope_exits (
  seq bigint NOT NULL,
  collection text NOT NULL,
  id uuid NOT NULL,
  scope text NOT NULL,
  PRIMARY KEY (seq, collection, id)
);
CREATE INDEX scope_exits_scope_seq_idx ON scope_exits (scope, seq);

-- Restricted scopes (restricted:<team>:<author>) that hold records, by team, so a leader and
-- commune police read the restricted entries of every author the team ever had.
CREATE TABLE restricted_scopes (
  scope text PRIMARY KEY,
  team_id uuid NOT NULL
);
CREATE INDEX restricted_scopes_team_idx ON restricted_scopes (team_id);

ALTER TABLE sync_rejections ADD COLUMN fields jsonb;
