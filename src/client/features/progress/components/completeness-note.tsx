/**
 * How complete the picture on this phone is: as of the last sync, how many entries of the scope
 * this phone has not sent yet, and (leaders, commune police) which members' phones have not
 * synced for days, as the server last reported it. A number is never shown as more than it is.
 */
import { formatInstant } from '#src/shared/domain/dates.ts';
import type { Completeness } from '#src/shared/progress/completeness.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import '#src/client/i18n/feature-messages.ts';

export function CompletenessNote({ completeness, names, staleAfterDays, reportedAt }: {
  completeness: Completeness;
  names: ReadonlyMap<string, string>;
  staleAfterDays: number;
  /** When the server reported the members' syncs; null when it never did on this phone. */
  reportedAt: string | null | undefined;
}) {
  const { t } = useT();
  const stale = completeness.staleMemberIds.map((id) => names.get(id) ?? t('monthReview.unknownAuthor'));
  return (
    <section className="card stack-tight" aria-labelledby="completeness-title">
      <h2 id="completeness-title">{t('board.completenessTitle')}</h2>
      <p>{completeness.asOf ? t('board.asOf', { at: formatInstant(completeness.asOf) }) : t('board.neverSynced')}</p>
      <p className={completeness.unsyncedEntries > 0 ? 'progress__pending progress__pending--waiting' : 'progress__pending'}>
        {t('board.unsynced', { count: completeness.unsyncedEntries })}
      </p>
      {reportedAt !== undefined && (reportedAt === null ? <p className="card__meta">{t('board.membersUnknown')}</p> : stale.length === 0
        ? <p>{t('board.membersSynced', { days: staleAfterDays, at: formatInstant(reportedAt) })}</p>
        : <p className="alert alert--info">{t('board.membersStale', { days: staleAfterDays, names: stale.join(', '), at: formatInstant(reportedAt) })}</p>)}
    </section>
  );
}
