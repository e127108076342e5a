/**
 * The member's newest entries on the home screen, live from the device: newest day first, a
 * page at a time through the [memberId+date] index (a phone may hold years of entries), each
 * with its review state and "Chờ gửi" while it waits in the outbox, and the entry saved last
 * marked and brought into view. The whole logbook, with filters and search, is one link away.
 */
import '../entries.css';
import { useState } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import { useMemberLogs } from '#src/client/db/field-log-repository.ts';
import { usePendingRecordIds } from '#src/client/db/sync-state-repository.ts';
import { Link } from 'wouter';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { useLastSavedId } from '../entry-form-store.ts';
import { EntryRow } from './entry-row.tsx';
import '#src/client/i18n/notebook-messages.ts';

export const PAGE_SIZE = 20;

export function MyEntriesPanel({ profile }: { profile: Profile }) {
  const { t } = useT();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const page = useMemberLogs(profile.user.id, limit);
  const pending = usePendingRecordIds();
  const savedId = useLastSavedId();

  return (
    <section className="stack" aria-labelledby="my-entries-title">
      <h2 id="my-entries-title">{t('entries.mineTitle')}</h2>
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
                <EntryRow entry={entry} author={profile.user.displayName} isPending={pending?.has(entry.id) ?? false}
                  isJustSaved={entry.id === savedId} t={t} />
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
