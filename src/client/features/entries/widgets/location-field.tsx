/**
 * Where the entry was made, only when the member asks (privacy, battery), with the accuracy the
 * phone reports. Never blocks a save: no fix, a refusal or a timeout leaves the location empty.
 */
import { useState } from 'react';
import { readLocation } from '../draft-values.ts';
import type { DraftValues } from '../field-spec.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';

const LOCATION_TIMEOUT_MS = 20_000;

export function LocationField({ values, setValue }: { values: DraftValues; setValue: (key: string, value: unknown) => void }) {
  const { t } = useT();
  const location = readLocation(values);
  const [state, setState] = useState<'idle' | 'finding' | 'failed'>('idle');
  const geolocation = typeof navigator === 'undefined' ? undefined : navigator.geolocation;

  function find(): void {
    if (!geolocation) return;
    setState('finding');
    geolocation.getCurrentPosition(
      (position) => {
        setValue('location', {
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          accuracyM: Math.round(position.coords.accuracy),
          at: new Date(position.timestamp || Date.now()).toISOString(),
        });
        setState('idle');
      },
      () => setState('failed'),
      { enableHighAccuracy: true, timeout: LOCATION_TIMEOUT_MS, maximumAge: 60_000 },
    );
  }

  return (
    <fieldset className="field">
      <legend className="field__label">{t('location.label')}</legend>
      {location ? (
        <>
          <p>{t('location.value', { accuracy: location.accuracyM })}</p>
          <button type="button" className="button button--small" onClick={() => setValue('location', null)}>{t('location.remove')}</button>
        </>
      ) : geolocation ? (
        <button type="button" className="button button--small" disabled={state === 'finding'} onClick={find}>{t('location.add')}</button>
      ) : (
        <p className="field__hint">{t('location.unavailable')}</p>
      )}
      <p className="field__hint" aria-live="polite">
        {state === 'finding' ? t('location.finding') : state === 'failed' ? t('location.failed') : ''}
      </p>
    </fieldset>
  );
}
