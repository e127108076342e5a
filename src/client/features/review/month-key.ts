import { dayInVietnam } from '#src/shared/domain/dates.ts';

/** The month (`yyyy-MM`) of today in Vietnam. */
export function currentMonth(today: string = dayInVietnam()): string {
  return today.slice(0, 7);
}

/** The month `delta` months after `month` (before it when negative). */
export function shiftMonth(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `2025-03` as people write it: `03/2025`. */
export function monthLabel(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/** True for a well-formed `yyyy-MM`. */
export function isMonthKey(value: string | undefined): value is string {
  return value !== undefined && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
