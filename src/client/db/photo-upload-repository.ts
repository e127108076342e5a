/**
 * The upload bookkeeping of entry photos (the `photos` table): which photos may go now, and what
 * the server said of each (`uploadedAt`, or `uploadError` for a refusal for good). Apart from
 * photo-repository.ts so that the sync runner, in the app shell, carries only this.
 */
import type { AnttDatabase, PhotoRow } from './database.ts';

/**
 * Photos waiting to be uploaded whose entry the server already has: the entry is saved on this
 * device, names the photo, and has no change left in the outbox (records go first). A draft's
 * photos and photos the server refused for good are not among them. Oldest first.
 */
export async function listPhotosToUpload(db: AnttDatabase): Promise<PhotoRow[]> {
  return db.transaction('r', [db.photos, db.fieldLog, db.outbox], async () => {
    const waiting = (await db.photos.orderBy('createdAt').toArray()).filter((photo) => photo.uploadedAt === null && !photo.uploadError);
    const ready: PhotoRow[] = [];
    for (const photo of waiting) {
      const entry = await db.fieldLog.get(photo.entryId);
      if (!entry?.photoIds.includes(photo.id)) continue;
      if ((await db.outbox.where('recordId').equals(photo.entryId).count()) > 0) continue;
      ready.push(photo);
    }
    return ready;
  });
}

export async function markPhotoUploaded(db: AnttDatabase, id: string, at: string): Promise<void> {
  await db.photos.update(id, { uploadedAt: at });
}

/** The server refused the photo for good: kept on the device with the reason, never sent again. */
export async function markPhotoRefused(db: AnttDatabase, id: string, message: string): Promise<void> {
  await db.photos.update(id, { uploadError: message });
}
