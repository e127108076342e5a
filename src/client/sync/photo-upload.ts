/**
 * Sending photos, after the records: the runner uploads every waiting photo once its entry is on
 * the server (listPhotosToUpload), one at a time, each on its own: a photo the server refuses for
 * good is set aside with the reason and the others go on; a photo whose entry the server does not
 * have yet waits for a later run. A network or server failure stops the pass and is the run's
 * failure, retried with the runner's backoff; what was uploaded stays uploaded (`uploadedAt`).
 * Fetching others' photos is photo-download.ts.
 */
import type { AnttDatabase } from '#src/client/db/database.ts';
import { listPhotosToUpload, markPhotoRefused, markPhotoUploaded } from '#src/client/db/photo-upload-repository.ts';
import { SyncError } from './http-transport.ts';
import type { PhotoTransport } from './photo-transport.ts';

export interface PhotoUploadResult {
  uploaded: number;
  refused: number;
  /** Photos whose entry the server does not hold yet (or holds without naming them). */
  waiting: number;
}

/** A refusal that sending again cannot change. */
function isFinalRefusal(error: SyncError): boolean {
  return error.status === 403 || error.status === 409 || error.status === 413 || error.status === 415;
}

/** A refusal for now: the entry is not on the server yet, or the bytes were damaged on the way. */
function isRefusalForNow(error: SyncError): boolean {
  return error.status === 404 || error.status === 400;
}

/** Uploads every photo that may go now. Throws a `SyncError` when the network or server fails. */
export async function uploadWaitingPhotos(db: AnttDatabase, transport: PhotoTransport, now: () => Date = () => new Date()): Promise<PhotoUploadResult> {
  const result: PhotoUploadResult = { uploaded: 0, refused: 0, waiting: 0 };
  for (const photo of await listPhotosToUpload(db)) {
    try {
      await transport.uploadPhoto(photo);
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      if (isFinalRefusal(error)) {
        await markPhotoRefused(db, photo.id, error.message);
        result.refused += 1;
        continue;
      }
      if (isRefusalForNow(error)) {
        result.waiting += 1;
        continue;
      }
      throw error;
    }
    await markPhotoUploaded(db, photo.id, now().toISOString());
    result.uploaded += 1;
  }
  return result;
}
