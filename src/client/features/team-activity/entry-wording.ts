/**
 * How a team's entry reads in a list: its kind, its day, a one-line summary (shared with the
 * logbook: src/shared/domain/entry-summary.ts), and a link name that tells two entries of one
 * day apart.
 */
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import { entrySummary } from '#src/shared/domain/entry-summary.ts';
import type { Translate } from '#src/client/i18n/i18n-context.tsx';
import '#src/client/i18n/notebook-messages.ts';

/** "Tuyên truyền ngày 05/03/2026: Phòng cháy, chữa cháy" */
export function entryName(log: FieldLog, t: Translate): string {
  return t('team.entryName', { kind: t(`kind.${log.kind}`), date: formatDay(log.date), summary: entrySummary(log) });
}
