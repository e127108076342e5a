/**
 * The compact sync bar on every screen: network, what waits to be sent and for how long, the
 * last successful sync, and the last error with "Thử lại". Only the error line is a live region:
 * the counts change with every save and would chatter in a screen reader.
 */
import { formatInstant } from '#src/shared/domain/dates.ts';
import { useSyncOverview } from '#src/client/db/sync-state-repository.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';
import { Link } from '#src/client/components/link.tsx';
import { useNow } from '#src/client/components/use-now.ts';
import { useOnlineStatus } from '#src/client/components/use-online-status.ts';
import { formatAge, useT } from '#src/client/i18n/i18n-context.tsx';

export function SyncStatusBar() {
  const { t, language } = useT();
  const overview = useSyncOverview();
  const isOnline = useOnlineStatus();
  const now = useNow();
  if (!overview) return null;
  const { pendingCount, oldestPendingAt, lastSuccessAt, isRunning } = overview;
  // Offline, "no network" says nothing the offline mark does not: show other errors only.
  const lastError = !isOnline && overview.lastError?.reason === 'network' ? null : overview.lastError;

  return (
    <section className="sync-bar" aria-label={t('nav.sync')}>
      <p className="sync-bar__line">
        <span className={isOnline ? 'net net--online' : 'net net--offline'}>
          <span className="net__dot" aria-hidden="true" />
          {isOnline ? t('sync.online') : t('sync.offline')}
        </span>
        <span>
          {isRunning ? t('sync.running')
            : pendingCount > 0 && oldestPendingAt
              ? t('sync.pending', { count: pendingCount, age: formatAge(oldestPendingAt, now, language) })
              : t('sync.allSent')}
        </span>
      </p>
      {overview.pullProgress && (
        <p className="sync-bar__line">
          <label className="sync-bar__progress">
            {t('sync.pullProgress', { received: overview.pullProgress.received, total: overview.pullProgress.total })}
            <progress value={overview.pullProgress.received} max={overview.pullProgress.total} />
          </label>
        </p>
      )}
      {overview.needsAttention > 0 && (
        <p className="sync-bar__line">
          <Link href="/dong-bo" className="sync-bar__attention">{t('sync.attention', { count: overview.needsAttention })}</Link>
        </p>
      )}
      <p className="sync-bar__line sync-bar__line--muted">
        {lastSuccessAt ? t('sync.lastSuccess', { at: formatInstant(lastSuccessAt) }) : t('sync.never')}
        {' · '}
        <Link href="/dong-bo">{t('sync.details')}</Link>
      </p>
      <div aria-live="polite">
        {lastError && (
          <div className="sync-bar__error">
            <p>{t('sync.error', { message: lastError.message })}</p>
            {lastError.reason === 'unauthorized' || lastError.reason === 'client-mismatch' ? (
              <Link href="/dang-nhap" className="button button--small">{t('sync.relogin')}</Link>
            ) : (
              <button type="button" className="button button--small" onClick={() => requestSync('manual')}>{t('sync.retry')}</button>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
