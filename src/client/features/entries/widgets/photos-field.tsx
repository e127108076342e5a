/**
 * Photos of an entry: the camera or the gallery (input type=file, accept=image/*, capture),
 * shrunk on the phone, stored at once as a Blob in the local `photos` table with the entry's id,
 * and named in the entry's photoIds. Uploading them is the sync's work, not the form's; each
 * photo shows whether it was sent.
 */
import { useId, useState } from 'react';
import { MAX_PHOTOS } from '#src/shared/domain/entry-base.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { addPhoto } from '#src/client/db/photo-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { readIds } from '../draft-values.ts';
import { shrinkPhoto } from '../photo-shrink.ts';
import type { DraftValues } from '../field-spec.ts';
import { PhotoList } from './photo-list.tsx';
import '#src/client/i18n/notebook-messages.ts';

export function PhotosField({ values, setValue, entryId, error }: {
  values: DraftValues;
  setValue: (key: string, value: unknown) => void;
  entryId: string;
  error: string | undefined;
}) {
  const { t } = useT();
  const db = useDatabase();
  const id = useId();
  const photoIds = readIds(values, 'photoIds');
  const [state, setState] = useState<'idle' | 'processing' | 'failed'>('idle');
  const isFull = photoIds.length >= MAX_PHOTOS;

  async function take(file: File): Promise<void> {
    setState('processing');
    try {
      const shrunk = await shrinkPhoto(file);
      const photoId = uuidv7();
      await addPhoto(db, {
        id: photoId, entryId, blob: shrunk.blob, width: shrunk.width, height: shrunk.height,
        bytes: shrunk.blob.size, createdAt: new Date().toISOString(), uploadedAt: null,
      });
      setValue('photoIds', [...photoIds, photoId]);
      setState('idle');
    } catch {
      setState('failed');
    }
  }

  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className={error ? 'field field--invalid' : 'field'} aria-describedby={errorId}>
      <legend className="field__label">{t('photos.label', { max: MAX_PHOTOS })}</legend>
      <p className="field__hint">{t('photos.hint')}</p>
      <PhotoList entryId={entryId} photoIds={photoIds} shouldFetch action={(photoId, index) => (
        <button type="button" className="button button--small" aria-label={t('photos.remove', { number: index + 1 })}
          onClick={() => setValue('photoIds', photoIds.filter((candidate) => candidate !== photoId))}>×</button>
      )} />
      {isFull ? <p className="field__hint">{t('photos.full', { max: MAX_PHOTOS })}</p> : (
        <label className="button file-button">
          {t('photos.add')}
          <input type="file" accept="image/*" capture="environment" className="visually-hidden" aria-invalid={Boolean(error)}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void take(file);
            }} />
        </label>
      )}
      <p className="field__hint" aria-live="polite">
        {state === 'processing' ? t('photos.processing') : state === 'failed' ? t('photos.failed') : ''}
      </p>
      {error && <p id={errorId} className="field__error">{error}</p>}
    </fieldset>
  );
}
