/**
 * Dates in the product: a log's date is a calendar day in Vietnam (Asia/Ho_Chi_Minh), stored as
 * ISO `yyyy-MM-dd` so that it sorts and compares as a string; shown to people as dd/MM/yyyy.
 * Instants (createdAt, synced at) are ISO timestamps in UTC.
 */
import { z } from 'zod';
import { ISO_DAY, isRealDay } from './vietnam-time.ts';

export {
  TIME_ZONE,
  dayInVietnam,
  formatDay,
  formatInstant,
  instantOfVietnamTime,
  parseClockTime,
  parseDisplayDay,
  vietnamTimeOf,
} from './vietnam-time.ts';

/** A calendar day as `yyyy-MM-dd`, validated as a real date. */
export const isoDaySchema = z.string().refine((value) => {
  const match = ISO_DAY.exec(value);
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}, 'Ngày không hợp lệ');
