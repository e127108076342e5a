-- Sync at scale. 1. Change numbering without a global lock. Until now every write took the one
-- change_counter row lock until commit, so writes ran one at a time across the whole server. Now:
-- - a record's version (`seq`) comes from a plain sequence, drawn after the record's row is
--   locked, so one record's versions still only grow;
-- - every written row keeps its writer's transaction id (`xid`, xid8), and a pull reads only rows
--   whose writer is older than the oldest transaction still running (pg_snapshot_xmin), in
--   (xid, seq) order. Those writers have all ended, so no row can later appear before a position
--   a device has passed (sync-repository.ts explains it).
-- Rows written before this migration keep their order: xid 0, then their old numbers.

CREATE SEQUENCE change_seq AS bigint;
SELECT setval('change_seq', GREATEST(value, 1), value > 0) FROM change_counter;
DROP TABLE change_counter;

ALTER TABLE records ADD COLUMN xid xid8 NOT NULL DEFAULT '0';
ALTER TABLE records ALTER COLUMN xid SET DEFAULT pg_current_xact_id();
DROP INDEX records_scope_seq_idx;
CREATE INDEX records_scope_position_idx ON records (scope, xid, seq);

ALTER TABLE scope_exits ADD COLUMN xid xid8 NOT NULL DEFAULT '0';
ALTER TABLE scope_exits ALTER COLUMN xid SET DEFAULT pg_current_xact_id();
DROP INDEX scope_exits_scope_seq_idx;
CREATE INDEX scope_exits_scope_position_idx ON scope_exits (scope, xid, seq);

-- 2. What an account reaches (org-repository.ts readReach) is read from these tables only. A
-- server keeps each account's reach in memory (sync/access-cache.ts) together with the epoch it
-- was read under; any change to the tables bumps the epoch in the changing transaction, so it
-- becomes visible exactly when the change commits, and every server reads it with the session
-- on each request: a member moved to another team is refused at once, by every server.
CREATE TABLE org_epoch (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  value bigint NOT NULL
);
INSERT INTO org_epoch (singleton, value) VALUES (true, 0);

CREATE FUNCTION bump_org_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE org_epoch SET value = value + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER org_units_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_units FOR EACH STATEMENT EXECUTE FUNCTION bump_org_epoch();
CREATE TRIGGER teams_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON teams FOR EACH STATEMENT EXECUTE FUNCTION bump_org_epoch();
CREATE TRIGGER team_hamlets_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON team_hamlets FOR EACH STATEMENT EXECUTE FUNCTION bump_org_epoch();
CREATE TRIGGER users_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION bump_org_epoch();
-- Per row, not per statement: a push's INSERT ... ON CONFLICT DO NOTHING usually inserts nothing.
CREATE TRIGGER restricted_scopes_epoch AFTER INSERT OR DELETE ON restricted_scopes FOR EACH ROW EXECUTE FUNCTION bump_org_epoch();
