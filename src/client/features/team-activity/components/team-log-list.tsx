/**
 * A list of a team's entries (the leader's home): each a card with its kind, its author when it
 * is the reader, its review status, and "Chờ gửi" while its change waits in the outbox. Pages
 * through the index with "Xem thêm".
 */
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import type { LogPage } from '#src/client/db/field-log-repository.ts';
import { usePendingRecordIds } from '#src/client/db/sync-state-repository.ts';
import { distinctNames, EntryCard, type EntryBadge } from '#src/client/components/entry-card.tsx';
import { useT, type Translate } from '#src/client/i18n/i18n-context.tsx';
import { entrySummary } from '#src/shared/domain/entry-summary.ts';
import { entryName } from '../entry-wording.ts';
import '#src/client/i18n/notebook-messages.ts';

export function TeamLogList({ page, empty, userId, highlightId, onMore }: {
  page: LogPage | undefined;
  /** Said when the list is empty. */
  empty: string;
  /** The reader: their own entries say so. */
  userId: string;
  /** The entry saved last, marked and brought into view. */
  highlightId: string | null;
  onMore: () => void;
}) {
  const { t } = useT();
  const pending = usePendingRecordIds();
  if (page === undefined) return <p className="list-placeholder">{t('app.loading')}</p>;
  if (page.logs.length === 0) return <p className="empty">{empty}</p>;
  const names = distinctNames(page.logs.map((log) => entryName(log, t)));
  return (
    <>
      <ul className="log-list">
        {page.logs.map((log, index) => (
          <li key={log.id}>
            <EntryCard href={`/nhat-ky/${log.id}`} name={names[index]!} title={formatDay(log.date)}
              badges={badgesOf(log, pending?.has(log.id) ?? false, log.id === highlightId, t)} isJustSaved={log.id === highlightId}>
              <p className="card__meta">{t(`kind.${log.kind}`)}{log.memberId === userId ? ` · ${t('team.mine')}` : ''}</p>
              <p>{entrySummary(log)}</p>
            </EntryCard>
          </li>
        ))}
      </ul>
      {page.hasMore && (
        <button type="button" className="button button--block" onClick={onMore}>{t('team.more')}</button>
      )}
    </>
  );
}

function badgesOf(log: FieldLog, isPending: boolean, isJustSaved: boolean, t: Translate): EntryBadge[] {
  const badges: EntryBadge[] = [{ tone: log.reviewStatus, label: t(`review.${log.reviewStatus}`) }];
  if (isPending) badges.push({ tone: 'pending-sync', label: t('sync.pendingBadge') });
  if (isJustSaved) badges.push({ tone: 'just-saved', label: t('app.justSaved') });
  return badges;
}
