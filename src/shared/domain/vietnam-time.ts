/**
 * Days and times in Vietnam (Asia/Ho_Chi_Minh) without zod, so that the app shell formats dates
 * without loading the schemas; dates.ts re-exports all of it beside the day schema.
 */

/** Vietnam's time zone: a log's day is the day there. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** `yyyy-MM-dd`, captured as year, month, day. */
export const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DISPLAY_DAY = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/;

/** True when year, month (1–12) and day name a real calendar day. */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

/**
 * Vietnam keeps UTC+7 all year (no summer time since 1975; instantOfVietnamTime below counts on
 * it too), so its clock is the UTC clock moved seven hours: no Intl formatter to run, which the
 * server does for every entry's dates and the phone for every row it shows.
 */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** `yyyy-MM-ddTHH:mm…` of an instant on Vietnam's clock (a RangeError for an invalid date, as Intl gave). */
function vietnamClock(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString();
}

/** The calendar day of an instant in Vietnam. */
export function dayInVietnam(instant: Date = new Date()): string {
  return vietnamClock(instant).slice(0, 10);
}

/** `yyyy-MM-dd` to `dd/MM/yyyy`. */
export function formatDay(isoDay: string): string {
  const match = ISO_DAY.exec(isoDay);
  if (!match) return isoDay;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** `dd/MM/yyyy` (also d/M/yyyy, with - or .) to `yyyy-MM-dd`, or null when it is not a real day. */
export function parseDisplayDay(text: string): string | null {
  const match = DISPLAY_DAY.exec(text);
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = Number(match[3]);
  if (!isRealDay(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An instant shown in Vietnam's time: dd/MM/yyyy HH:mm. */
export function formatInstant(instant: Date | string): string {
  const clock = vietnamClock(typeof instant === 'string' ? new Date(instant) : instant);
  return `${formatDay(clock.slice(0, 10))} ${clock.slice(11, 16)}`;
}

const CLOCK_TIME = /^\s*(\d{1,2})\s*[:.hH]\s*(\d{2})\s*$/;

/** "7:05", "07.05", "7h05" to "07:05", or null when it is not a time of day. */
export function parseClockTime(text: string): string | null {
  const match = CLOCK_TIME.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** The instant (ISO, UTC) of a Vietnamese day `yyyy-MM-dd` and clock time `HH:mm`. */
export function instantOfVietnamTime(isoDay: string, clockTime: string): string {
  return new Date(`${isoDay}T${clockTime}:00+07:00`).toISOString();
}

/** An instant as the Vietnamese day `yyyy-MM-dd` and clock time `HH:mm`. */
export function vietnamTimeOf(instant: Date | string): { day: string; time: string } {
  const clock = vietnamClock(typeof instant === 'string' ? new Date(instant) : instant);
  return { day: clock.slice(0, 10), time: clock.slice(11, 16) };
}
