/**
 * The confirmation after a save ("Đã lưu."), pinned above the bottom navigation so it is on
 * screen wherever the saved entry sits in the list; it stays until closed or until a form opens.
 * The live region mounts empty and the text arrives a moment later: screen readers announce a
 * change to a live region, not one that appears already full.
 */
import { useEffect, useState } from 'react';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { useEntryFormStore } from '../entry-form-store.ts';

export function SavedNotice() {
  const { t } = useT();
  const notice = useEntryFormStore((state) => state.notice);
  const clearNotice = useEntryFormStore((state) => state.clearNotice);
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => setShown(notice), 50);
    return () => window.clearTimeout(timer);
  }, [notice]);
  return (
    <div className={shown ? 'toast' : 'visually-hidden'}>
      <p role="status" className="toast__text">{shown ?? ''}</p>
      {shown && <button type="button" className="button button--small" onClick={clearNotice}>{t('app.close')}</button>}
    </div>
  );
}
