/**
 * The member's outreach logs on the home screen, live from the device: newest day first, a page
 * at a time through the [memberId+date] index (a phone may hold years of logs), with a
 * "Chưa đồng bộ" badge on logs whose change still waits in the outbox.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import type { Household } from '#src/shared/domain/household.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import { useMemberLogs } from '#src/client/db/field-log-repository.ts';
import { useHouseholdsByIds } from '#src/client/db/household-repository.ts';
import { usePendingRecordIds } from '#src/client/db/sync-state-repository.ts';
import { Link } from '#src/client/components/link.tsx';
import { useT, type Translate } from '#src/client/i18n/i18n-context.tsx';
import { useOutreachFormStore } from '../outreach-form-store.ts';

export const PAGE_SIZE = 20;

export function OutreachList({ memberId }: { memberId: string }) {
  const { t } = useT();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const page = useMemberLogs(memberId, limit);
  const pending = usePendingRecordIds();
  const householdIds = useMemo(() => page?.logs.flatMap((log) => (log.kind === 'outreach' ? log.householdIds : [])) ?? [], [page]);
  const households = useHouseholdsByIds(householdIds);

  return (
    <section className="stack" aria-labelledby="outreach-list-title">
      <h2 id="outreach-list-title">{t('outreach.listTitle')}</h2>
      <SavedNotice />
      <Link href="/nhat-ky/moi" className="button button--primary button--block">{t('outreach.add')}</Link>
      {page === undefined ? (
        <p>{t('app.loading')}</p>
      ) : page.logs.length === 0 ? (
        <p className="empty">{t('outreach.empty')}</p>
      ) : (
        <>
          <ul className="log-list">
            {page.logs.map((log) => (
              <li key={log.id}>
                <LogCard log={log} households={households} isPending={pending?.has(log.id) ?? false} t={t} />
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
  const notice = useOutreachFormStore((state) => state.notice);
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => setShown(notice), 50);
    return () => window.clearTimeout(timer);
  }, [notice]);
  return <p role="status" className={shown ? 'alert alert--success' : 'visually-hidden'}>{shown ?? ''}</p>;
}

function householdSummary(ids: readonly string[], households: Map<string, Household> | undefined, t: Translate): string {
  const names = ids.slice(0, 2).map((id) => households?.get(id)?.headName ?? t('outreach.unknownHousehold'));
  if (ids.length <= 2) return names.join(', ');
  return t('outreach.andMore', { names: names.join(', '), count: ids.length - 2 });
}

function LogCard({ log, households, isPending, t }: {
  log: FieldLog;
  households: Map<string, Household> | undefined;
  isPending: boolean;
  t: Translate;
}) {
  const day = formatDay(log.date);
  return (
    <article className="card card--link">
      <h3 className="card__title">
        <Link href={`/nhat-ky/${log.id}`} aria-label={t('outreach.open', { date: day })} className="card__link">{day}</Link>
      </h3>
      <p className="card__households">{householdSummary(log.householdIds, households, t)}</p>
      <p>{log.topic}</p>
      <p className="card__meta">
        {t(`outreachForm.${log.form}`)} · {t('outreach.peopleCount', { count: log.peopleReached })}
      </p>
      <p className="badges">
        <span className={`badge badge--${log.reviewStatus}`}>{t(`review.${log.reviewStatus}`)}</span>
        {isPending && <span className="badge badge--pending-sync">{t('outreach.notSynced')}</span>}
      </p>
    </article>
  );
}
