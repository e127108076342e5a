/**
 * One entry in a list (home, logbook): kind, day and time, author, summary, review state and
 * "Chờ gửi" while its change waits in the outbox. The link's name says all of it, so two entries
 * of one day never share a name.
 */
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import { Link } from '#src/client/components/link.tsx';
import type { Translate } from '#src/client/i18n/i18n-context.tsx';
import { entryRowName, entrySummary, entryTime } from '../entry-summary.ts';
import { kindDescriptions } from '../kinds/kind-registry.ts';

export function EntryRow({ entry, author, isPending, t }: { entry: FieldLog; author: string; isPending: boolean; t: Translate }) {
  return (
    <article className="card card--link entry-row">
      <h3 className="card__title">
        <Link href={`/nhat-ky/${entry.id}`} aria-label={entryRowName(entry, author, isPending, t)} className="card__link">
          {t(kindDescriptions[entry.kind].name)} · {formatDay(entry.date)} {entryTime(entry)}
        </Link>
      </h3>
      <p className="entry-row__summary">{entrySummary(entry)}</p>
      <p className="card__meta">{author}</p>
      <p className="badges">
        <span className={`badge badge--${entry.reviewStatus}`}>{t(`review.${entry.reviewStatus}`)}</span>
        {isPending && <span className="badge badge--pending-sync">{t('logbook.pending')}</span>}
      </p>
    </article>
  );
}
