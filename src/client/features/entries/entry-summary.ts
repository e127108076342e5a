/**
 * How an entry reads in a list: its summary line, the time that tells two entries of one day
 * apart, a name for screen readers that no other row shares, and the text a search folds.
 */
import { formatDay, vietnamTimeOf } from '#src/shared/domain/dates.ts';
import { entrySummary } from '#src/shared/domain/entry-summary.ts';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import type { Translate } from '#src/client/i18n/i18n-context.tsx';
import { kindDescriptions } from './kinds/kind-registry.ts';
import '#src/client/i18n/notebook-messages.ts';


/** HH:mm of the work's start (time-based kinds) or of the entry's creation, in Vietnam. */
export function entryTime(entry: FieldLog): string {
  const from = kindDescriptions[entry.kind].dateFrom;
  const value = from ? (entry as unknown as Record<string, unknown>)[from] : undefined;
  return vietnamTimeOf(typeof value === 'string' ? value : entry.createdAt).time;
}

/**
 * A row's link: the visible title (kind, day, time) and the rest of its accessible name (author,
 * summary, state), so that the name starts with what is seen and no two rows share one.
 */
export function entryRowTitle(entry: FieldLog, author: string, isPending: boolean, t: Translate): { visible: string; rest: string } {
  const status = [t(`review.${entry.reviewStatus}`), isPending ? t('logbook.pending') : ''].filter(Boolean).join(', ');
  return {
    visible: `${t(kindDescriptions[entry.kind].name)} · ${formatDay(entry.date)} ${entryTime(entry)}`,
    rest: t('logbook.rowDetail', { author, summary: entrySummary(entry), status }),
  };
}

/** The words a logbook search looks through (folded by the caller). */
export function entrySearchText(entry: FieldLog, author: string, t: Translate): string {
  const record = entry as unknown as Record<string, unknown>;
  const texts = kindDescriptions[entry.kind].fields
    .filter((field) => field.widget === 'text' || field.widget === 'longText')
    .map((field) => record[field.key])
    .filter((value): value is string => typeof value === 'string');
  return [t(kindDescriptions[entry.kind].name), author, formatDay(entry.date), entry.note, ...texts].join(' ');
}
