/**
 * The leader's review queue (tổ trưởng duyệt): the team's entries that wait for review,
 * pending or resubmitted, newest day first, live from the team's rows on the device.
 */
import { useState } from 'react';
import { useLogsAwaitingReview } from '#src/client/db/field-log-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { TeamLogList } from './team-log-list.tsx';

const PAGE_SIZE = 10;

export function ReviewQueuePanel({ teamId, userId }: { teamId: string; userId: string }) {
  const { t } = useT();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const page = useLogsAwaitingReview(teamId, limit);
  const count = page === undefined ? null
    : page.hasMore ? t('team.reviewCountMore', { count: page.logs.length })
    : t('team.reviewCount', { count: page.logs.length });
  return (
    <section className="stack" aria-labelledby="review-queue-title">
      <h2 id="review-queue-title">{t('team.reviewTitle')}</h2>
      {count && <p className="card__meta">{count}</p>}
      <TeamLogList page={page} empty={t('team.reviewEmpty')} userId={userId} highlightId={null}
        onMore={() => setLimit((current) => current + PAGE_SIZE)} />
    </section>
  );
}
