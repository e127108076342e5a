/** Language choice, kept in this device's prefs (never synced). */
import { useState } from 'react';
import { useDevice } from '#src/client/db/device-context.tsx';
import { languages, setLanguage, type Language } from '#src/client/db/prefs-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';

const labelKeys = { vi: 'settings.languageVi', en: 'settings.languageEn' } as const satisfies Record<Language, string>;

export function LanguageSettings() {
  const { t, language } = useT();
  const device = useDevice();
  // The choice shows at once; the whole app follows when the stored pref comes back.
  const [chosen, setChosen] = useState<Language | null>(null);
  const current = chosen ?? language;
  return (
    <fieldset className="card stack">
      <legend className="field__label">{t('settings.language')}</legend>
      {languages.map((option) => (
        <label key={option} className="radio" lang={option}>
          <input type="radio" name="language" value={option} checked={current === option}
            onChange={() => {
              setChosen(option);
              void setLanguage(device, option);
            }} />
          {t(labelKeys[option])}
        </label>
      ))}
    </fieldset>
  );
}
