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

/**
 * Removes the photos taken for an entry that it no longer names (taken, then removed from the
 * form; or a discarded draft's), through the entryId index, so that sync never uploads them.
 */
export async function deleteUnusedPhotos(db: AnttDatabase, entryId: string, keptIds: readonly string[]): Promise<void> {
  const kept = new Set(keptIds);
  const taken = (await db.photos.where('entryId').equals(entryId).primaryKeys()) as string[];
  await db.photos.bulkDelete(taken.filter((id) => !kept.has(id)));
}

/** Live photos by id; undefined while loading. */
export function usePhotos(ids: readonly string[]): PhotoRow[] | undefined {
  return useDbQuery((db) => getPhotos(db, ids), [ids.join(',')]);
}

/** Photos of saved entries not yet on the server (refused ones excepted): what "Ảnh chờ gửi" counts. */
export async function countPhotosWaiting(db: AnttDatabase): Promise<number> {
  return db.transaction('r', [db.photos, db.fieldLog], async () => {
    let count = 0;
    for (const photo of await db.photos.toArray()) {
      if (photo.uploadedAt !== null || photo.uploadError) continue;
      if ((await db.fieldLog.get(photo.entryId))?.photoIds.includes(photo.id)) count += 1;
    }
    return count;
  });
}

/** Live count of the photos waiting; undefined while loading. */
export function usePhotosWaiting(): number | undefined {
  return useDbQuery((db) => countPhotosWaiting(db), []);
}

/** The ids among `ids` this device does not hold. */
export async function missingPhotoIds(db: AnttDatabase, ids: readonly string[]): Promise<string[]> {
  const held = new Set((await db.photos.bulkGet([...ids])).flatMap((row) => (row ? [row.id] : [])));
  return ids.filter((id) => !held.has(id));
}

/** Keeps a photo downloaded from the server (unless the device got its own copy meanwhile). */
export async function keepDownloadedPhoto(db: AnttDatabase, photo: PhotoRow): Promise<void> {
  await db.transaction('rw', db.photos, async () => {
    if (!(await db.photos.get(photo.id))) await db.photos.add(photo);
  });
}
