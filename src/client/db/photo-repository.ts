/**
 * Photos of entries, on the device: the shrunk JPEG as a Blob in the local `photos` table, its
 * id in the entry's `photoIds`. Stored the moment it is taken (before the entry is saved), so a
 * draft's photos survive a reload too. Uploading them is the sync's work (it sets `uploadedAt`);
 * an entry's record never carries the image itself.
 */
import type { AnttDatabase, PhotoRow } from './database.ts';
import { useDbQuery } from './database-context.tsx';

export async function addPhoto(db: AnttDatabase, photo: PhotoRow): Promise<void> {
  await db.photos.add(photo);
}

/** The photos among `ids` held on this device, in the order of `ids`. */
export async function getPhotos(db: AnttDatabase, ids: readonly string[]): Promise<PhotoRow[]> {
  const rows = await db.photos.bulkGet([...ids]);
  return rows.filter((row): row is PhotoRow => row !== undefined);
}

/** Removes photos that no entry or draft keeps (a photo taken, then removed from the form). */
export async function deletePhotos(db: AnttDatabase, ids: readonly string[]): Promise<void> {
  await db.photos.bulkDelete([...ids]);
}

/** Live photos by id; undefined while loading. */
export function usePhotos(ids: readonly string[]): PhotoRow[] | undefined {
  return useDbQuery((db) => getPhotos(db, ids), [ids.join(',')]);
}
