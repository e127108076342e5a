// Tuần tra (DOMAIN.md duty 4.6): start and end, who took part, where, the checklist, findings.
import { z } from 'zod';
import { checklistAnswerSchema } from './checklist.ts';
import { entryRuleMessages as rules, MAX_PATROL_HOURS } from './entry-rules.ts';
import { checkDateIsDayOf, fieldLogBase, fieldLogLimits, instantSchema, optionalText, requiredText, uuidSchema } from './entry-base.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Vietnam keeps UTC+7 all year (no daylight saving since 1975). */
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;
/** Night duty: 22:00 to 06:00 Vietnam time (DOMAIN.md: provinces pay per night of patrol). */
const NIGHT_START_MS = 22 * HOUR_MS;
const NIGHT_END_MS = 30 * HOUR_MS;

export const patrolLogSchema = z
  .looseObject({
    ...fieldLogBase,
    kind: z.literal('patrol'),
    startAt: instantSchema,
    endAt: instantSchema,
    participantIds: z
      .array(uuidSchema)
      .min(1, 'Chọn ít nhất một người tham gia')
      .max(50, 'Tối đa 50 người tham gia'),
    area: requiredText('Nhập địa bàn, tuyến tuần tra', fieldLogLimits.shortTextMaxLength),
    checklist: checklistAnswerSchema,
    findings: optionalText(fieldLogLimits.longTextMaxLength),
  })
  .superRefine((log, context) => {
    const start = Date.parse(log.startAt);
    const end = Date.parse(log.endAt);
    if (end <= start) context.addIssue({ code: 'custom', path: ['endAt'], message: rules.patrolEndBeforeStart });
    else if (end - start > MAX_PATROL_HOURS * HOUR_MS) {
      context.addIssue({ code: 'custom', path: ['endAt'], message: rules.patrolTooLong });
    }
    if (new Set(log.participantIds).size !== log.participantIds.length) {
      context.addIssue({ code: 'custom', path: ['participantIds'], message: rules.patrolParticipantTwice });
    }
    checkDateIsDayOf(log, log.startAt, context, rules.patrolDay);
  });
export type PatrolLog = z.infer<typeof patrolLogSchema>;

/**
 * Minutes of [startAt, endAt] that fall between 22:00 and 06:00 Vietnam time, the hours paid as
 * night duty. Derived, stored nowhere. Whole minutes, rounded down; 0 for an empty or reversed span.
 */
export function nightDutyMinutes(startAt: string, endAt: string): number {
  const start = Date.parse(startAt) + VIETNAM_OFFSET_MS;
  const end = Date.parse(endAt) + VIETNAM_OFFSET_MS;
  if (!(end > start)) return 0;
  let overlap = 0;
  // Night d runs from d 22:00 to d+1 06:00 (wall clock); the one starting the day before covers early mornings.
  for (let day = Math.floor(start / DAY_MS) - 1; day * DAY_MS < end; day += 1) {
    const nightStart = day * DAY_MS + NIGHT_START_MS;
    const nightEnd = day * DAY_MS + NIGHT_END_MS;
    overlap += Math.max(0, Math.min(end, nightEnd) - Math.max(start, nightStart));
  }
  return Math.floor(overlap / 60_000);
}

/** True when any part of the patrol falls in the night (22:00–06:00 Vietnam time). */
export function isNightDuty(startAt: string, endAt: string): boolean {
  return nightDutyMinutes(startAt, endAt) > 0;
}
