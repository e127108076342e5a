/**
 * The member's inbox of entries the team leader returned, each with the leader's reason and a
 * link to fix it: the entry form saves a fixed entry as resubmitted, offline like any save.
 * Shows nothing when nothing is returned.
 */
import { Link } from 'wouter';
import { formatDay } from '#src/shared/domain/dates.ts';
import { entrySummary } from '#src/shared/domain/entry-summary.ts';
import { useReturnedEntries } from '#src/client/db/review-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import '#src/client/i18n/notebook-messages.ts';

export function ReturnedInboxPanel({ memberId }: { memberId: string }) {
  const { t } = useT();
  const returned = useReturnedEntries(memberId);
  if (!returned || returned.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="returned-inbox-title">
      <h2 id="returned-inbox-title">{t('inbox.title', { count: returned.length })}</h2>
      <ul className="log-list">
        {returned.map((entry) => (
          <li key={entry.id} className="card stack-tight">
            <h3 className="card__title">{t(`kind.${entry.kind}`)} · {formatDay(entry.date)}</h3>
            <p>{entrySummary(entry)}</p>
            <p className="alert alert--error">{t('inbox.reason', { comment: entry.reviewComment })}</p>
            <Link href={`/nhat-ky/${entry.id}`} className="button button--primary"
              aria-label={t('inbox.fixName', { kind: t(`kind.${entry.kind}`), date: formatDay(entry.date) })}>{t('inbox.fix')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
