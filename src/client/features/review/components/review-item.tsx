/**
 * One entry in the leader's month review: what it is, who wrote it, its status, a late flag
 * when it arrived or changed after the month was closed, and the leader's two decisions.
 * Returning asks for the reason first: the member sees it in their inbox.
 */
import { useId, useState } from 'react';
import { Link } from 'wouter';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import { entrySummary } from '#src/shared/domain/entry-summary.ts';
import type { CloseStanding } from '#src/shared/domain/month-close.ts';
import { isReviewTransitionAllowed } from '#src/shared/domain/review.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import '#src/client/i18n/feature-messages.ts';
import '#src/client/i18n/notebook-messages.ts';

export interface ReviewActions {
  onReview: (entry: FieldLog, decision: 'approved' | 'returned', comment: string) => Promise<void>;
  onAcceptLate: (entry: FieldLog) => Promise<void>;
}

export function ReviewItem({ entry, author, standing, isPending, actions }: {
  entry: FieldLog;
  author: string;
  standing: CloseStanding;
  isPending: boolean;
  actions: ReviewActions;
}) {
  const { t } = useT();
  const commentId = useId();
  const [isReturning, setIsReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const name = t('monthReview.entryName', { kind: t(`kind.${entry.kind}`), author, date: formatDay(entry.date) });
  const canApprove = isReviewTransitionAllowed(entry.reviewStatus, 'approved', 'leader');
  const canReturn = isReviewTransitionAllowed(entry.reviewStatus, 'returned', 'leader');

  async function sendReturn(): Promise<void> {
    if (comment.trim() === '') {
      setError(t('monthReview.commentNeeded'));
      return;
    }
    await actions.onReview(entry, 'returned', comment);
    setIsReturning(false);
    setComment('');
    setError(null);
  }

  return (
    <article className="card stack-tight" aria-label={name}>
      <h3 className="card__title">{t(`kind.${entry.kind}`)} · {formatDay(entry.date)}</h3>
      <p className="card__meta">{author}</p>
      <p>{entrySummary(entry)}</p>
      {entry.reviewComment && <p className="card__meta">{t('monthReview.comment', { comment: entry.reviewComment })}</p>}
      <p className="badges">
        <span className={`badge badge--${entry.reviewStatus}`}>{t(`review.${entry.reviewStatus}`)}</span>
        {standing === 'late' && <span className="badge badge--returned">{t('monthReview.late')}</span>}
        {isPending && <span className="badge badge--pending-sync">{t('sync.pendingBadge')}</span>}
      </p>
      <Link href={`/nhat-ky/${entry.id}`} className="button button--small" aria-label={t('monthReview.openEntry', { name })}>{t('monthReview.open')}</Link>
      <div className="button-row">
        {canApprove && <button type="button" className="button button--primary" onClick={() => void actions.onReview(entry, 'approved', entry.reviewComment)} aria-label={t('monthReview.approveName', { name })}>{t('monthReview.approve')}</button>}
        {canReturn && !isReturning && <button type="button" className="button" onClick={() => setIsReturning(true)} aria-label={t('monthReview.returnName', { name })}>{t('monthReview.return')}</button>}
        {standing === 'late' && entry.reviewStatus === 'approved' && (
          <button type="button" className="button" onClick={() => void actions.onAcceptLate(entry)} aria-label={t('monthReview.acceptLateName', { name })}>{t('monthReview.acceptLate')}</button>
        )}
      </div>
      {isReturning && (
        <div className="field stack-tight">
          <label htmlFor={commentId} className="field__label">{t('monthReview.commentLabel')}</label>
          <textarea id={commentId} value={comment} rows={3} aria-invalid={error !== null} aria-describedby={error ? `${commentId}-error` : undefined}
            onChange={(event) => setComment(event.target.value)} />
          {error && <p id={`${commentId}-error`} className="field__error">{error}</p>}
          <div className="button-row">
            <button type="button" className="button button--danger" onClick={() => void sendReturn()}>{t('monthReview.sendReturn')}</button>
            <button type="button" className="button" onClick={() => { setIsReturning(false); setError(null); }}>{t('app.cancel')}</button>
          </div>
        </div>
      )}
    </article>
  );
}
