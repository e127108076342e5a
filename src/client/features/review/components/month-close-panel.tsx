/**
 * Signing the month off (chốt sổ tháng): while entries still wait for review the leader is told
 * how many; once none wait the leader closes the month, and every approved entry is signed at
 * its version. A closed month lists its late entries (their review items carry the flag and
 * "Chấp nhận") and may be reopened.
 */
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { formatInstant } from '#src/shared/domain/dates.ts';
import type { MonthClose } from '#src/shared/domain/month-close.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { monthLabel } from '../month-key.ts';
import '#src/client/i18n/feature-messages.ts';

export function MonthClosePanel({ month, entries, close, lateCount, onClose, onReopen }: {
  month: string;
  entries: readonly FieldLog[];
  close: MonthClose | null;
  lateCount: number;
  onClose: () => Promise<void>;
  onReopen: (close: MonthClose) => Promise<void>;
}) {
  const { t } = useT();
  const waiting = entries.filter((entry) => entry.reviewStatus === 'pending' || entry.reviewStatus === 'resubmitted').length;
  const approved = entries.filter((entry) => entry.reviewStatus === 'approved').length;
  const returned = entries.filter((entry) => entry.reviewStatus === 'returned').length;
  const isClosed = close?.status === 'closed';
  return (
    <section className="card stack" aria-labelledby="month-close-title">
      <h2 id="month-close-title">{t('monthReview.closeTitle', { month: monthLabel(month) })}</h2>
      <p>{t('monthReview.counts', { approved, waiting, returned })}</p>
      {isClosed ? (
        <>
          <p className="alert alert--success">{t('monthReview.closedOn', { at: formatInstant(close.closedAt), count: Object.keys(close.covered).length })}</p>
          {lateCount > 0 && <p className="alert alert--error">{t('monthReview.lateCount', { count: lateCount })}</p>}
          <button type="button" className="button" onClick={() => void onReopen(close)}>{t('monthReview.reopen')}</button>
        </>
      ) : (
        <>
          {waiting > 0 && <p className="alert alert--info">{t('monthReview.waitingFirst', { count: waiting })}</p>}
          <button type="button" className="button button--primary button--block" disabled={waiting > 0} onClick={() => void onClose()}>
            {t('monthReview.close', { month: monthLabel(month) })}
          </button>
        </>
      )}
    </section>
  );
}
