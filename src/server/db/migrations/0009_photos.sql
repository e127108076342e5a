-- Photos of field log entries, uploaded apart from the records (one whole photo per request,
-- idempotent by id and content hash). The bytes live in the database so that several stateless
-- servers share them. Who may read a photo is decided by the entry that names it (its scope in
-- `records`), read at every request, so a photo follows its entry's reach.
CREATE TABLE photos (
  id uuid PRIMARY KEY,
  entry_id uuid NOT NULL,
  content_type text NOT NULL,
  sha256 text NOT NULL,
  bytes integer NOT NULL,
  width integer,
  height integer,
  data bytea NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users (id),
  uploaded_at timestamptz NOT NULL,
  CHECK (bytes = octet_length(data))
);
CREATE INDEX photos_entry_idx ON photos (entry_id);
