import { dayInVietnam } from '#src/shared/domain/dates.ts';

/** The days of the current month in Vietnam up to `today` (inclusive), as yyyy-MM-dd. */
export function monthSoFar(today: string = dayInVietnam()): { startDay: string; endDay: string } {
  return { startDay: `${today.slice(0, 8)}01`, endDay: today };
}
