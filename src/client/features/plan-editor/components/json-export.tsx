/**
 * The plan as a JSON file, the same format the seed templates use and the import reads: shown
 * for copying, and offered as a download (a data: link, which needs no object URL to revoke).
 * The text is made only while the panel is open, not at every keystroke in the form.
 */
import { useId, useState } from 'react';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import '#src/client/i18n/plan-messages.ts';

export function JsonExport({ toJson, fileName }: { toJson: () => string; fileName: string }) {
  const { t } = useT();
  const id = useId();
  const [isOpen, setIsOpen] = useState(false);
  const json = isOpen ? toJson() : '';
  return (
    <details className="card" onToggle={(event) => setIsOpen(event.currentTarget.open)}>
      <summary className="plan-export__summary">{t('plans.export')}</summary>
      {isOpen && (
        <div className="stack">
          <label htmlFor={`${id}-json`} className="field__label">{t('plans.exportText')}</label>
          <textarea id={`${id}-json`} readOnly rows={12} value={json} className="plan-export__json" />
          <a className="button" href={`data:application/json;charset=utf-8,${encodeURIComponent(json)}`} download={fileName}>{t('plans.download')}</a>
        </div>
      )}
    </details>
  );
}
