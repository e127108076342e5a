import { useEffect, useMemo, useState } from 'react';
import type { PhotoRow } from '#src/client/db/database.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { usePhotos } from '#src/client/db/photo-repository.ts';
import { requestPhotos } from '#src/client/sync/photo-download.ts';

export interface EntryPhotos {
  /** The photos held on this device, in the entry's order; undefined while loading. */
  photos: PhotoRow[] | undefined;
  /** Ids still missing after asking the server (offline, not uploaded yet, not readable). */
  unavailable: ReadonlySet<string>;
  /** Object URLs of the held photos, revoked when they change or the screen closes. */
  urls: ReadonlyMap<string, string>;
}

/**
 * An entry's photos for display: what the device holds, plus the missing ones fetched from the
 * server on demand (requestPhotos keeps them in the photos table, so this re-renders with them).
 */
export function useEntryPhotos(entryId: string, photoIds: readonly string[], shouldFetch: boolean): EntryPhotos {
  const db = useDatabase();
  const photos = usePhotos(photoIds);
  const [unavailable, setUnavailable] = useState<ReadonlySet<string>>(new Set());
  const urls = useMemo(() => new Map((photos ?? []).map((photo) => [photo.id, URL.createObjectURL(photo.blob)])), [photos]);
  useEffect(() => () => urls.forEach((url) => URL.revokeObjectURL(url)), [urls]);
  const missingKey = photos ? photoIds.filter((id) => !photos.some((photo) => photo.id === id)).join(',') : '';
  useEffect(() => {
    if (!shouldFetch || missingKey === '') return;
    let isCurrent = true;
    void requestPhotos(db, entryId, missingKey.split(',')).then((missing) => {
      if (isCurrent) setUnavailable(new Set(missing));
    });
    return () => {
      isCurrent = false;
    };
  }, [db, entryId, missingKey, shouldFetch]);
  return { photos, unavailable, urls };
}
