/**
 * An entry's photos as thumbnails, each with where it stands: on this phone and waiting to be
 * sent, sent to the server, refused by it (with its words), or not on this phone (fetched when
 * the entry is opened online). The form adds a remove button per photo.
 */
import type { ReactNode } from 'react';
import type { PhotoRow } from '#src/client/db/database.ts';
import { useT, type Translate } from '#src/client/i18n/i18n-context.tsx';
import { useEntryPhotos } from '../hooks/use-entry-photos.ts';
import '#src/client/i18n/notebook-messages.ts';

function photoState(photo: PhotoRow | undefined, isUnavailable: boolean, t: Translate): string {
  if (!photo) return isUnavailable ? t('photos.unavailable') : t('photos.loading');
  if (photo.uploadError) return t('photos.refused', { reason: photo.uploadError });
  return photo.uploadedAt ? t('photos.uploaded') : t('photos.waiting');
}

export function PhotoList({ entryId, photoIds, shouldFetch, action }: {
  entryId: string;
  photoIds: readonly string[];
  /** Fetch the ones this device lacks (a saved entry someone else may have written). */
  shouldFetch: boolean;
  action?: (photoId: string, index: number) => ReactNode;
}) {
  const { t } = useT();
  const { photos, unavailable, urls } = useEntryPhotos(entryId, photoIds, shouldFetch);
  if (photoIds.length === 0) return null;
  return (
    <ul className="photos">
      {photoIds.map((photoId, index) => {
        const url = urls.get(photoId);
        return (
          <li key={photoId} className="photos__item">
            {url ? <img src={url} alt={t('photos.alt', { number: index + 1 })} className="photos__image" /> : <span className="photos__image photos__image--empty" aria-hidden="true" />}
            <span className="photos__state">{photoState(photos?.find((photo) => photo.id === photoId), unavailable.has(photoId), t)}</span>
            {action?.(photoId, index)}
          </li>
        );
      })}
    </ul>
  );
}
