/**
 * The compact sync bar on every screen: network, what waits to be sent and for how long, the
 * last successful sync, a "Chi tiết" button, how far a first download got, how many conflicts
 * and refused entries wait for a person, and a problem with "Thử lại". Being offline is the
 * normal state of a phone in a hamlet: it is said calmly (grey, "Chưa có mạng"), and a failed
 * connection reads as "will try again", never as a red error. The bar keeps its height while it
 * loads, so the screen below does not jump. Only the problem line is a live region: the counts
 * change with every save and would chatter in a screen reader.
 */
import { Link } from 'wouter';
import { formatInstant } from '#src/shared/domain/vietnam-time.ts';
import { useSyncOverview, type SyncFailure } from '#src/client/db/sync-state-repository.ts';
import { useNow } from '#src/client/components/use-now.ts';
import { useOnlineStatus } from '#src/client/components/use-online-status.ts';
import { formatAge, useT } from '#src/client/i18n/i18n-context.tsx';
import { isConnectionProblem } from '../sync-problem.ts';

/** The runner is loaded by then (it wrote the problem shown); the import only names it. */
function retryNow(): void {
  void import('#src/client/sync/sync-runner.ts').then(({ requestSync }) => requestSync('manual'));
}

export function SyncStatusBar() {
  const { t, language } = useT();
  const overview = useSyncOverview();
  const isOnline = useOnlineStatus();
  const now = useNow();
  if (!overview) {
    return (
      <section className="sync-bar" aria-label={t('nav.sync')} aria-busy="true">
        <p>{t('app.loading')}</p>
      </section>
    );
  }
  const { pendingCount, oldestPendingAt, lastSuccessAt, isRunning } = overview;
  const pendingText = pendingCount > 0 && oldestPendingAt
    ? t('sync.pending', { count: pendingCount, age: formatAge(oldestPendingAt, now, language) })
    : t('sync.allSent');
  // Offline, "no connection" says nothing the offline mark does not.
  const problem = !isOnline && overview.lastError && isConnectionProblem(overview.lastError.reason) ? null : overview.lastError;

  return (
    <section className="sync-bar" aria-label={t('nav.sync')}>
      <div className="sync-bar__status">
        <p className={isOnline ? 'net net--online' : 'net net--offline'}>
          <span className="net__dot" aria-hidden="true" />
          {isOnline ? t('sync.online') : t('sync.offline')}
        </p>
        <p>{isRunning ? t('sync.running') : pendingText}</p>
        <p className="sync-bar__muted">
          {lastSuccessAt ? t('sync.lastShort', { at: formatInstant(lastSuccessAt) }) : t('sync.never')}
        </p>
      </div>
      <Link href="/dong-bo" className="button button--small sync-bar__details" aria-label={t('sync.details')}>
        {t('sync.detailsShort')}
      </Link>
      {overview.pullProgress && (
        <label className="sync-bar__progress">
          {t('sync.pullProgress', { received: overview.pullProgress.received, total: overview.pullProgress.total })}
          <progress value={overview.pullProgress.received} max={overview.pullProgress.total} />
        </label>
      )}
      {overview.needsAttention > 0 && (
        <Link href="/dong-bo" className="sync-bar__attention">{t('sync.attention', { count: overview.needsAttention })}</Link>
      )}
      <div aria-live="polite" className="sync-bar__problem">
        {problem && <SyncProblem problem={problem} />}
      </div>
    </section>
  );
}

function SyncProblem({ problem }: { problem: SyncFailure }) {
  const { t } = useT();
  const isCalm = isConnectionProblem(problem.reason);
  const needsLogin = problem.reason === 'unauthorized' || problem.reason === 'client-mismatch';
  return (
    <div className={isCalm ? 'sync-bar__notice' : 'sync-bar__error'}>
      <p>{isCalm ? t('sync.connectionProblem') : t('sync.error', { message: problem.message })}</p>
      {needsLogin ? (
        <Link href="/dang-nhap" className="button button--small">{t('sync.relogin')}</Link>
      ) : (
        <button type="button" className="button button--small" onClick={retryNow}>{t('sync.retry')}</button>
      )}
    </div>
  );
}
