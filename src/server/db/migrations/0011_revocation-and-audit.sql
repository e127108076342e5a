-- A revoked session (lost or replaced phone) is kept, not deleted, so its device gets the
-- distinct answer 'device-revoked' (erase yourself) instead of 'unauthorized' (log in again),
-- and may still push its own outbox for a bounded grace period.
ALTER TABLE sessions ADD COLUMN revoked_at timestamptz;
ALTER TABLE sessions ADD COLUMN revoked_by uuid REFERENCES users (id);

-- The audit trail: every read of a restricted record (tips, reintegration visits) and every
-- account or permission change, with who, when and from which session (device). Append-only: a
-- trigger refuses UPDATE, DELETE and TRUNCATE, so not even the application can rewrite it.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid REFERENCES users (id),
  session_id uuid,
  action text NOT NULL,
  target_id text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at, id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- Retention: before entries past their kind's retention are purged (content removed, the record
-- tombstoned), their counts are kept here per team, kind and month, so progress counts survive.
CREATE TABLE retention_aggregates (
  team_id uuid NOT NULL,
  kind text NOT NULL,
  month text NOT NULL,
  count integer NOT NULL,
  purged_at timestamptz NOT NULL,
  PRIMARY KEY (team_id, kind, month)
);
