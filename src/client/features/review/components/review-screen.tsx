/**
 * `/duyet` and `/duyet/:month`: the team leader reviews the month's entries (good deeds and
 * every other kind), approves or returns each (a return says why), and signs the month off.
 * Everything is saved on the phone first (putRecord) and sent with the next sync, so the
 * review works offline; the server checks each decision against the review state machine.
 */
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { closedMonths, closeStanding, type CloseStanding, type MonthClose } from '#src/shared/domain/month-close.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { useMemberNames } from '#src/client/db/org-repository.ts';
import { acceptLateEntry, closeMonth, reopenMonth, reviewEntry, useMonthClose, useTeamMonthLogs } from '#src/client/db/review-repository.ts';
import { usePendingRecordIds } from '#src/client/db/sync-state-repository.ts';
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { currentMonth, isMonthKey, monthLabel, shiftMonth } from '../month-key.ts';
import { MonthClosePanel } from './month-close-panel.tsx';
import { ReviewItem, type ReviewActions } from './review-item.tsx';
import '#src/client/i18n/feature-messages.ts';

const waitingFirst = (a: FieldLog, b: FieldLog): number => {
  const rank = (entry: FieldLog) => (entry.reviewStatus === 'pending' || entry.reviewStatus === 'resubmitted' ? 0 : entry.reviewStatus === 'returned' ? 1 : 2);
  return rank(a) - rank(b) || b.date.localeCompare(a.date);
};

/** Late as the leader sees it: a returned entry waits on its author, it is flagged once resubmitted. */
const standingOf = (entry: FieldLog, closed: ReturnType<typeof closedMonths>): CloseStanding => {
  const standing = closeStanding(entry, closed);
  return standing === 'late' && entry.reviewStatus === 'returned' ? 'open' : standing;
};

export function ReviewScreen({ profile, params }: ScreenProps) {
  const { t } = useT();
  const month = isMonthKey(params.month) ? params.month : currentMonth();
  const team = profile.team;
  if (!team) return <section className="stack"><h1 tabIndex={-1}>{t('monthReview.title')}</h1><p className="alert alert--info">{t('home.noTeam')}</p></section>;
  return <TeamMonthReview key={`${team.id}|${month}`} teamId={team.id} month={month} leaderId={profile.user.id} />;
}

function TeamMonthReview({ teamId, month, leaderId }: { teamId: string; month: string; leaderId: string }) {
  const { t } = useT();
  const db = useDatabase();
  const entries = useTeamMonthLogs(teamId, month);
  const close = useMonthClose(teamId, month);
  const names = useMemberNames();
  const pending = usePendingRecordIds();
  const [notice, setNotice] = useState<string | null>(null);
  const closed = useMemo(() => closedMonths(close ? [close] : []), [close]);
  const sorted = useMemo(() => [...(entries ?? [])].sort(waitingFirst), [entries]);

  const done = (message: string) => {
    requestSync('local-change');
    setNotice(message);
  };
  const actions: ReviewActions = {
    onReview: async (entry, decision, comment) => {
      await reviewEntry(db, { entryId: entry.id, decision, comment, reviewerId: leaderId });
      done(t(decision === 'approved' ? 'monthReview.approvedNotice' : 'monthReview.returnedNotice'));
    },
    onAcceptLate: async (entry) => {
      if (close) await acceptLateEntry(db, close, entry);
      done(t('monthReview.acceptedNotice'));
    },
  };
  const onClose = async () => {
    await closeMonth(db, { teamId, month, leaderId });
    done(t('monthReview.closedNotice', { month: monthLabel(month) }));
  };
  const onReopen = async (current: MonthClose) => {
    await reopenMonth(db, current);
    done(t('monthReview.reopenedNotice', { month: monthLabel(month) }));
  };

  const lateCount = sorted.filter((entry) => standingOf(entry, closed) === 'late').length;
  return (
    <section className="stack" aria-labelledby="review-title">
      <h1 id="review-title" tabIndex={-1}>{t('monthReview.titleMonth', { month: monthLabel(month) })}</h1>
      <nav className="button-row" aria-label={t('monthReview.monthNav')}>
        <Link href={`/duyet/${shiftMonth(month, -1)}`} className="button">{t('monthReview.previous', { month: monthLabel(shiftMonth(month, -1)) })}</Link>
        <Link href={`/duyet/${shiftMonth(month, 1)}`} className="button">{t('monthReview.next', { month: monthLabel(shiftMonth(month, 1)) })}</Link>
      </nav>
      <p role="status" className={notice ? 'alert alert--success' : 'visually-hidden'}>{notice ?? ''}</p>
      {entries === undefined || close === undefined ? <p>{t('app.loading')}</p> : (
        <>
          <MonthClosePanel month={month} entries={entries} close={close} lateCount={lateCount} onClose={onClose} onReopen={onReopen} />
          {sorted.length === 0 ? <p className="empty">{t('monthReview.empty')}</p> : (
            <ul className="log-list">
              {sorted.map((entry) => (
                <li key={entry.id}>
                  <ReviewItem entry={entry} author={names?.get(entry.memberId) ?? t('monthReview.unknownAuthor')}
                    standing={standingOf(entry, closed)} isPending={pending?.has(entry.id) ?? false} actions={actions} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
