-- A revoked session (lost or replaced phone) is kept, not deleted, so its device gets the
-- distinct answer 'device-revoked' (erase yourself) instead of 'unauthorized' (log in again),
-- and may still push its own outbox for a bounded grace period.
ALTER TABLE sessions ADD COLUMN revoked_at timestamptz;
ALTER TABLE sessions ADD COLUMN revoked_by uuid REFERENCES users (id);
