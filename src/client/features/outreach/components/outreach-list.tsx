/**
 * The member's outreach logs on the home screen, live from the device: newest day first, a page
 * at a time through the [memberId+date] index (a phone may hold years of logs), with a
 * "Chờ gửi" badge on logs whose change still waits in the outbox, and the log saved last marked
 * and brought into view.
 */
import { useMemo, useState } from 'react';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import type { Household } from '#src/shared/domain/household.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import { useMemberLogs } from '#src/client/db/field-log-repository.ts';
import { useHouseholdsByIds } from '#src/client/db/household-repository.ts';
import { usePendingRecordIds } from '#src/client/db/sync-state-repository.ts';
import { distinctNames, EntryCard, type EntryBadge } from '#src/client/components/entry-card.tsx';
import { useT, type Translate } from '#src/client/i18n/i18n-context.tsx';
import { useLastSavedId } from '../outreach-form-store.ts';

export const PAGE_SIZE = 20;

export function OutreachList({ memberId }: { memberId: string }) {
  const { t } = useT();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const page = useMemberLogs(memberId, limit);
  const pending = usePendingRecordIds();
  const savedId = useLastSavedId();
  const householdIds = useMemo(() => page?.logs.flatMap((log) => (log.kind === 'outreach' ? log.householdIds : [])) ?? [], [page]);
  const households = useHouseholdsByIds(householdIds);
  const names = distinctNames(page?.logs.map((log) => logName(log, households, t)) ?? []);

  return (
    <section className="stack" aria-labelledby="outreach-list-title">
      <h2 id="outreach-list-title">{t('outreach.listTitle')}</h2>
      {page === undefined ? (
        <p>{t('app.loading')}</p>
      ) : page.logs.length === 0 ? (
        <p className="empty">{t('outreach.empty')}</p>
      ) : (
        <>
          <ul className="log-list">
            {page.logs.map((log, index) => (
              <li key={log.id}>
                <LogCard log={log} name={names[index]!} households={households} t={t}
                  isPending={pending?.has(log.id) ?? false} isJustSaved={log.id === savedId} />
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

function householdSummary(ids: readonly string[], households: Map<string, Household> | undefined, t: Translate): string {
  const names = ids.slice(0, 2).map((id) => households?.get(id)?.headName ?? t('outreach.unknownHousehold'));
  if (ids.length <= 2) return names.join(', ');
  return t('outreach.andMore', { names: names.join(', '), count: ids.length - 2 });
}

/** "Mở nhật ký ngày 05/03/2026: Phòng cháy, chữa cháy – Nguyễn Văn An": the day alone is not unique. */
function logName(log: FieldLog, households: Map<string, Household> | undefined, t: Translate): string {
  return t('outreach.open', { date: formatDay(log.date), topic: log.topic, households: householdSummary(log.householdIds, households, t) });
}

function LogCard({ log, name, households, isPending, isJustSaved, t }: {
  log: FieldLog;
  name: string;
  households: Map<string, Household> | undefined;
  isPending: boolean;
  isJustSaved: boolean;
  t: Translate;
}) {
  const badges: EntryBadge[] = [{ tone: log.reviewStatus, label: t(`review.${log.reviewStatus}`) }];
  if (isPending) badges.push({ tone: 'pending-sync', label: t('sync.pendingBadge') });
  if (isJustSaved) badges.push({ tone: 'just-saved', label: t('app.justSaved') });
  return (
    <EntryCard href={`/nhat-ky/${log.id}`} name={name} title={formatDay(log.date)} badges={badges} isJustSaved={isJustSaved}>
      <p className="card__households">{householdSummary(log.householdIds, households, t)}</p>
      <p>{log.topic}</p>
      <p className="card__meta">
        {t(`outreachForm.${log.form}`)} · {t('outreach.peopleCount', { count: log.peopleReached })}
      </p>
    </EntryCard>
  );
}
