-- Accounts, organisation and authentication: the organisation grows what management needs
-- (unit settings, team details, positions, disabled accounts, password resets), sessions become
-- devices a user can see and end, and login failures move into the database so that every
-- server behind a load balancer counts the same failures. Forward only.

-- Agencies, enterprises and schools take part too; the depth of the tree stays data.
ALTER TABLE org_units DROP CONSTRAINT org_units_kind_check;
ALTER TABLE org_units ADD CONSTRAINT org_units_kind_check
  CHECK (kind IN ('province', 'district', 'commune', 'hamlet', 'agency', 'enterprise', 'school'));
-- Set by commune police: the number residents and members call, and the minutes within which
-- the force must be on the scene to count as "có mặt kịp thời".
ALTER TABLE org_units ADD COLUMN duty_phone text;
ALTER TABLE org_units ADD COLUMN prompt_minutes integer NOT NULL DEFAULT 30 CHECK (prompt_minutes BETWEEN 1 AND 1440);
ALTER TABLE org_units ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

ALTER TABLE teams ADD COLUMN established_on date;
ALTER TABLE teams ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- Team names are unique within a commune (CSV import finds teams by name).
CREATE UNIQUE INDEX teams_commune_name_idx ON teams (commune_id, lower(name));

-- A hamlet is covered by one team at most: moving it means changing its team.
CREATE UNIQUE INDEX team_hamlets_hamlet_idx ON team_hamlets (hamlet_id);

-- Team members hold a position (tổ trưởng, tổ phó, tổ viên); police and province staff none.
ALTER TABLE users ADD COLUMN position text CHECK (position IN ('leader', 'deputy', 'member'));
UPDATE users SET position = CASE WHEN role = 'leader' THEN 'leader' ELSE 'member' END WHERE team_id IS NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_position_team_check CHECK ((team_id IS NULL) = (position IS NULL));
ALTER TABLE users ADD CONSTRAINT users_leader_position_check CHECK (position IS DISTINCT FROM 'leader' OR role = 'leader');
-- Accounts are disabled, never deleted: entries name them.
ALTER TABLE users ADD COLUMN disabled_at timestamptz;
-- After a reset by commune police: login refuses to open a session until a new password is set.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- One active leader per team.
CREATE UNIQUE INDEX users_team_leader_idx ON users (team_id) WHERE position = 'leader' AND disabled_at IS NULL;
CREATE INDEX users_team_idx ON users (team_id);
CREATE INDEX users_org_unit_idx ON users (org_unit_id);

-- Sessions are devices: a public id to list and end them by (never the token hash), a label the
-- user recognises, the sync client id when known, and when the device was last seen.
ALTER TABLE sessions ADD COLUMN id uuid;
UPDATE sessions SET id = gen_random_uuid();
ALTER TABLE sessions ALTER COLUMN id SET NOT NULL;
CREATE UNIQUE INDEX sessions_id_idx ON sessions (id);
ALTER TABLE sessions ADD COLUMN device_label text NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN client_id uuid;
ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz;
UPDATE sessions SET last_seen_at = created_at;
ALTER TABLE sessions ALTER COLUMN last_seen_at SET NOT NULL;

-- Failed logins in a fixed window, per `user:<lower username>` and per `ip:<address>`.
CREATE TABLE login_failures (
  key text PRIMARY KEY,
  window_started_at timestamptz NOT NULL,
  failures integer NOT NULL
);
CREATE INDEX login_failures_window_idx ON login_failures (window_started_at);
