-- Progress for every role. 1. When each account's device last finished a sync (a pull that
-- left nothing more to fetch), so a team leader and commune police see whose phone has not
-- synced for days and how complete the team's picture is.
CREATE TABLE member_syncs (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  synced_at timestamptz NOT NULL
);

-- 2. The province's per-commune figures are aggregated in SQL over the entries of its teams
-- within a span of days: entries by team and day.
CREATE INDEX records_entry_team_date_idx ON records ((data->>'teamId'), (data->>'date'))
  WHERE collection = 'fieldLog' AND NOT deleted;
