/**
 * How a team's entry reads in a list: its kind, its day, a one-line summary, and a link name
 * that tells two entries of one day apart. One place to extend when an entry kind is added
 * (TypeScript refuses the switch below until the new kind has its summary).
 */
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import type { Translate } from '#src/client/i18n/i18n-context.tsx';

/** The entry's main words: what an outreach session was about. */
export function entrySummary(log: FieldLog): string {
  switch (log.kind) {
    case 'outreach':
      return log.topic;
  }
}

/** "Tuyên truyền ngày 05/03/2026: Phòng cháy, chữa cháy" */
export function entryName(log: FieldLog, t: Translate): string {
  return t('team.entryName', { kind: t(`entryKind.${log.kind}`), date: formatDay(log.date), summary: entrySummary(log) });
}
