/**
 * The member's newest entries on the home screen, live from the device: newest day first, a
 * page at a time through the [memberId+date] index (a phone may hold years of entries), each
 * with its review state and "Chờ gửi" while it waits in the outbox. The whole logbook, with
 * filters and search, is one link away.
 */
import '../entries.css';
import { useEffect, useState } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import { useMemberLogs } from '#src/client/db/field-log-repository.ts';
import { usePendingRecordIds } from '#src/client/db/sync-state-repository.ts';
import { Link } from '#src/client/components/link.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { useEntryFormStore } from '../entry-form-store.ts';
import { EntryRow } from './entry-row.tsx';

export const PAGE_SIZE = 20;

export function MyEntriesPanel({ profile }: { profile: Profile }) {
  const { t } = useT();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const page = useMemberLogs(profile.user.id, limit);
  const pending = usePendingRecordIds();
  const canWrite = profile.team !== null;

  return (
    <section className="stack" aria-labelledby="my-entries-title">
      <h2 id="my-entries-title">{t('entries.mineTitle')}</h2>
      <SavedNotice />
      {canWrite && <Link href="/nhat-ky/moi" className="button button--primary button--block">{t('entry.chooseTitle')}</Link>}
      <Link href="/so-nhat-ky" className="button button--block">{t('entries.openLogbook')}</Link>
      {page === undefined ? (
        <p>{t('app.loading')}</p>
      ) : page.logs.length === 0 ? (
        <p className="empty">{t('entries.empty')}</p>
      ) : (
        <>
          <ul className="log-list">
            {page.logs.map((entry) => (
              <li key={entry.id}>
                <EntryRow entry={entry} author={profile.user.displayName} isPending={pending?.has(entry.id) ?? false} t={t} />
              </li>
            ))}
          </ul>
          <p className="field__hint" aria-live="polite">{t('outreach.shownCount', { count: page.logs.length })}</p>
          {page.hasMore && (
            <button type="button" className="button button--block" onClick={() => setLimit((current) => current + PAGE_SIZE)}>
              {t('outreach.loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/**
 * The confirmation after a save. The live region mounts empty and the text arrives a moment
 * later: screen readers announce a change to a live region, not one that appears already full.
 */
function SavedNotice() {
  const notice = useEntryFormStore((state) => state.notice);
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => setShown(notice), 50);
    return () => window.clearTimeout(timer);
  }, [notice]);
  return <p role="status" className={shown ? 'alert alert--success' : 'visually-hidden'}>{shown ?? ''}</p>;
}
