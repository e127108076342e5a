/**
 * SQL of entry photos: the bytes (bytea) with their type, hash and size, and the entry that names
 * a photo (read from `records`, so reach is always the entry's current scope). An insert is one
 * statement: a photo is stored whole or not at all, and the first upload of an id wins.
 */
import type { Queryable } from './database.ts';

export interface StoredPhotoMeta {
  id: string;
  entryId: string;
  contentType: string;
  sha256: string;
}

export interface StoredPhoto extends StoredPhotoMeta {
  width: number | null;
  height: number | null;
  data: Uint8Array;
}

export interface NewPhoto extends Omit<StoredPhoto, 'data'> {
  data: Uint8Array;
  uploadedBy: string;
  uploadedAt: Date;
}

/** A live field log entry, with its scope, that names the photo; null when none does. */
export interface NamingEntry {
  scope: string;
  teamId: string;
  memberId: string;
}

const META_COLUMNS = 'id::text, entry_id::text AS "entryId", content_type AS "contentType", sha256';

/** Stores the photo unless one with its id exists; returns the stored photo's metadata either way. */
export async function insertPhoto(db: Queryable, photo: NewPhoto): Promise<StoredPhotoMeta> {
  await db.query(
    `INSERT INTO photos (id, entry_id, content_type, sha256, bytes, width, height, data, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
    [photo.id, photo.entryId, photo.contentType, photo.sha256, photo.data.byteLength, photo.width, photo.height, photo.data, photo.uploadedBy, photo.uploadedAt],
  );
  const rows = await db.query<StoredPhotoMeta>(`SELECT ${META_COLUMNS} FROM photos WHERE id = $1`, [photo.id]);
  return rows[0]!;
}

export async function readPhoto(db: Queryable, id: string): Promise<StoredPhoto | null> {
  const rows = await db.query<StoredPhoto>(`SELECT ${META_COLUMNS}, width, height, data FROM photos WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** The live entry `entryId` when it names `photoId` in its photoIds. */
export async function readEntryNamingPhoto(db: Queryable, entryId: string, photoId: string): Promise<NamingEntry | null> {
  const rows = await db.query<NamingEntry>(
    `SELECT scope, data->>'teamId' AS "teamId", data->>'memberId' AS "memberId" FROM records
     WHERE collection = 'fieldLog' AND id = $1 AND NOT deleted AND data->'photoIds' ? $2`,
    [entryId, photoId],
  );
  return rows[0] ?? null;
}
