/**
 * One entry in a list (home, logbook): kind, day and time, author, summary, review state and
 * "Chờ gửi" while its change waits in the outbox. The link's name says all of it, so two entries
 * of one day never share a name.
 */
import { useLayoutEffect, useRef } from 'react';
import { Link } from 'wouter';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import type { Translate } from '#src/client/i18n/i18n-context.tsx';
import { entrySummary } from '#src/shared/domain/entry-summary.ts';
import { entryRowTitle } from '../entry-summary.ts';
import '#src/client/i18n/notebook-messages.ts';

export function EntryRow({ entry, author, isPending, isJustSaved = false, t, headingLevel = 3 }: {
  entry: FieldLog;
  author: string;
  isPending: boolean;
  /** The entry just saved: marked, and brought into view once (so "Đã lưu" and it are both on screen). */
  isJustSaved?: boolean;
  t: Translate;
  /** 3 under a panel's h2 (home), 2 under a screen's h1 (logbook). */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const title = entryRowTitle(entry, author, isPending, t);
  const ref = useRef<HTMLElement>(null);
  // Before the browser paints, so the list does not show at the top and then jump; 'center'
  // keeps the row clear of the bottom navigation and the saved notice above it.
  useLayoutEffect(() => {
    if (isJustSaved) ref.current?.scrollIntoView?.({ block: 'center' });
  }, [isJustSaved]);
  return (
    <article ref={ref} className={isJustSaved ? 'card card--link entry-row card--just-saved' : 'card card--link entry-row'}>
      <Heading className="card__title">
        {/* The name starts with the visible title (speech input users say what they see). */}
        <Link href={`/nhat-ky/${entry.id}`} className="card__link" aria-label={`${title.visible}${title.rest}`}>{title.visible}</Link>
      </Heading>
      <p className="entry-row__summary">{entrySummary(entry)}</p>
      <p className="card__meta">{author}</p>
      <p className="badges">
        <span className={`badge badge--${entry.reviewStatus}`}>{t(`review.${entry.reviewStatus}`)}</span>
        {isPending && <span className="badge badge--pending-sync">{t('logbook.pending')}</span>}
        {isJustSaved && <span className="badge badge--just-saved">{t('app.justSaved')}</span>}
      </p>
    </article>
  );
}
