/** `/dong-bo`: the sync state in full, a "sync now" button and the entries the server refused. */
import { formatInstant } from '#src/shared/domain/dates.ts';
import { useSyncOverview } from '#src/client/db/sync-state-repository.ts';
import { useRejections } from '#src/client/db/rejection-repository.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { isConnectionProblem } from '../sync-problem.ts';

export function SyncDetailsScreen() {
  const { t } = useT();
  const overview = useSyncOverview();
  const rejections = useRejections();
  return (
    <section className="stack" aria-labelledby="sync-title">
      <h1 id="sync-title" tabIndex={-1}>{t('sync.title')}</h1>
      {overview && (
        <div className="card stack">
          <p>{t('sync.pendingCount', { count: overview.pendingCount })}</p>
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
      <h2>{t('sync.rejectionsTitle')}</h2>
      {rejections && rejections.length === 0 && <p>{t('sync.rejectionsNone')}</p>}
      {rejections && rejections.length > 0 && (
        <ul className="plain-list stack">
          {rejections.map((rejection) => (
            <li key={rejection.id} className="card">
              <p>{rejection.message}</p>
              <p className="card__meta">{t('sync.rejectionAt', { at: formatInstant(rejection.at) })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
