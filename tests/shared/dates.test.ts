import { describe, expect, it } from 'vitest';
import {
  dayInVietnam, formatDay, formatInstant, instantOfVietnamTime, isoDaySchema, parseClockTime, parseDisplayDay, vietnamTimeOf,
} from '#src/shared/domain/dates.ts';

describe('dates in Vietnam (dd/MM/yyyy, Asia/Ho_Chi_Minh)', () => {
  it('takes the calendar day in Vietnam, not in UTC', () => {
    // 18:30 UTC on 31/12 is already 01:30 on 01/01 in Vietnam (UTC+7).
    expect(dayInVietnam(new Date('2025-12-31T18:30:00Z'))).toBe('2026-01-01');
    expect(dayInVietnam(new Date('2025-12-31T16:59:00Z'))).toBe('2025-12-31');
  });

  it('agrees with the time zone database (Asia/Ho_Chi_Minh) at every instant of this century', () => {
    const zone = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    const from = Date.UTC(2000, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    // Every 37 hours and 11 minutes: every hour of the day and every day of the week comes round.
    for (let at = from; at < to; at += (37 * 60 + 11) * 60_000) {
      const parts = Object.fromEntries(zone.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
      expect(formatInstant(new Date(at))).toBe(`${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`);
      expect(vietnamTimeOf(new Date(at))).toEqual({ day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` });
    }
    expect(vietnamTimeOf('2025-12-31T17:00:00Z')).toEqual({ day: '2026-01-01', time: '00:00' });
    expect(() => dayInVietnam(new Date('not a date'))).toThrow(RangeError);
  });

  it('shows days and instants as dd/MM/yyyy', () => {
    expect(formatDay('2026-03-07')).toBe('07/03/2026');
    expect(formatInstant('2026-03-07T01:05:00Z')).toBe('07/03/2026 08:05');
  });

  it('reads what people type and refuses days that do not exist', () => {
    expect(parseDisplayDay('07/03/2026')).toBe('2026-03-07');
    expect(parseDisplayDay('7/3/2026')).toBe('2026-03-07');
    expect(parseDisplayDay('29/02/2028')).toBe('2028-02-29');
    expect(parseDisplayDay('29/02/2026')).toBeNull();
    expect(parseDisplayDay('31/04/2026')).toBeNull();
    expect(parseDisplayDay('2026-03-07')).toBeNull();
    expect(isoDaySchema.safeParse('2026-02-30').success).toBe(false);
    expect(isoDaySchema.safeParse('2026-02-28').success).toBe(true);
  });
});

describe('clock times in Vietnam', () => {
  it('reads a typed time of day', () => {
    expect(parseClockTime('7:05')).toBe('07:05');
    expect(parseClockTime('21h30')).toBe('21:30');
    expect(parseClockTime('24:00')).toBeNull();
    expect(parseClockTime('7')).toBeNull();
  });

  it('turns a Vietnamese day and time into an instant and back', () => {
    expect(instantOfVietnamTime('2026-03-05', '06:30')).toBe('2026-03-04T23:30:00.000Z');
    expect(vietnamTimeOf('2026-03-04T23:30:00.000Z')).toEqual({ day: '2026-03-05', time: '06:30' });
  });
});
