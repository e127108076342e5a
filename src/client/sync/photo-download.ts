/**
 * Fetching photos this device lacks: those of an entry pulled from others, when it is opened
 * (`requestPhotos`, once per id at a time), kept in the photos table.
 */
import type { AnttDatabase } from '#src/client/db/database.ts';
import { keepDownloadedPhoto, missingPhotoIds } from '#src/client/db/photo-repository.ts';
import { getAppPhotoTransport } from './app-photo-transport.ts';
import { SyncError } from './http-transport.ts';
import type { PhotoTransport } from './photo-transport.ts';

/**
 * Fetches the photos among `ids` this device lacks and keeps them. Returns the ids that could
 * not be fetched now (offline, not uploaded yet by their author, not readable).
 */
export async function downloadPhotos(db: AnttDatabase, transport: PhotoTransport, entryId: string, ids: readonly string[], now: () => Date = () => new Date()): Promise<string[]> {
  const failed: string[] = [];
  for (const id of await missingPhotoIds(db, ids)) {
    try {
      const photo = await transport.downloadPhoto(id);
      const at = now().toISOString();
      await keepDownloadedPhoto(db, { id, entryId, ...photo, bytes: photo.blob.size, createdAt: at, uploadedAt: at });
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      failed.push(id);
    }
  }
  return failed;
}

const inFlight = new Set<string>();

/**
 * Asks for the photos of an opened entry that this device lacks (no-op before sync starts).
 * Resolves with the ids still missing afterwards.
 */
export async function requestPhotos(db: AnttDatabase, entryId: string, ids: readonly string[]): Promise<string[]> {
  const transport = getAppPhotoTransport();
  if (!transport) return missingPhotoIds(db, ids);
  const wanted = ids.filter((id) => !inFlight.has(id));
  wanted.forEach((id) => inFlight.add(id));
  try {
    return await downloadPhotos(db, transport, entryId, wanted);
  } finally {
    wanted.forEach((id) => inFlight.delete(id));
  }
}
