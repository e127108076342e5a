/**
 * `/dong-bo`: the sync state in full (photos waiting too: they go after the records), a "sync
 * now" button, and what needs a person: conflicts to settle and entries the server refused (set
 * aside with their reason).
 */
import type { Profile } from '#src/shared/domain/account.ts';
import { formatInstant } from '#src/shared/domain/dates.ts';
import { usePhotosWaiting } from '#src/client/db/photo-repository.ts';
import { useSyncOverview } from '#src/client/db/sync-state-repository.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { isConnectionProblem } from '../sync-problem.ts';
import { ConflictList } from './conflict-list.tsx';
import { RefusalList, type FixFor } from './refusal-list.tsx';

/** `fixFor`: the app's "Sửa lại" for a refused record (none: only discarding is offered). */
export function SyncDetailsScreen({ profile, fixFor }: { profile: Profile; fixFor?: FixFor }) {
  const { t } = useT();
  const overview = useSyncOverview();
  const photosWaiting = usePhotosWaiting();
  return (
    <section className="stack" aria-labelledby="sync-title">
      <h1 id="sync-title" tabIndex={-1}>{t('sync.title')}</h1>
      {!overview && (
        // The card's usual lines while the state loads, so the lists below do not jump.
        <div className="card stack" aria-busy="true">
          <p>{t('app.loading')}</p>
          <p aria-hidden="true">&nbsp;</p>
          <button type="button" className="button button--primary" disabled>{t('sync.syncNow')}</button>
        </div>
      )}
      {overview && (
        <div className="card stack">
          <p>{t('sync.pendingCount', { count: overview.pendingCount })}</p>
          {photosWaiting !== undefined && photosWaiting > 0 && <p>{t('sync.photosWaiting', { count: photosWaiting })}</p>}
          {overview.oldestPendingAt && <p>{t('sync.oldestPending', { at: formatInstant(overview.oldestPendingAt) })}</p>}
          <p>{overview.lastSuccessAt ? t('sync.lastSuccess', { at: formatInstant(overview.lastSuccessAt) }) : t('sync.never')}</p>
          {overview.lastError && (isConnectionProblem(overview.lastError.reason)
            ? <p className="alert alert--info">{t('sync.connectionProblem')}</p>
            : <p className="alert alert--error">{t('sync.error', { message: overview.lastError.message })}</p>)}
          {overview.nextRetryAt && <p>{t('sync.nextRetry', { at: formatInstant(overview.nextRetryAt) })}</p>}
          <button type="button" className="button button--primary" disabled={overview.isRunning} onClick={() => requestSync('manual')}>
            {overview.isRunning ? t('sync.running') : t('sync.syncNow')}
          </button>
        </div>
      )}
      <ConflictList profile={profile} />
      <RefusalList fixFor={fixFor} />
    </section>
  );
}
