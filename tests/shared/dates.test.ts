import { describe, expect, it } from 'vitest';
import { dayInVietnam, formatDay, formatInstant, isoDaySchema, parseDisplayDay } from '#src/shared/domain/dates.ts';

describe('dates in Vietnam (dd/MM/yyyy, Asia/Ho_Chi_Minh)', () => {
  it('takes the calendar day in Vietnam, not in UTC', () => {
    // 18:30 UTC on 31/12 is already 01:30 on 01/01 in Vietnam (UTC+7).
    expect(dayInVietnam(new Date('2025-12-31T18:30:00Z'))).toBe('2026-01-01');
    expect(dayInVietnam(new Date('2025-12-31T16:59:00Z'))).toBe('2025-12-31');
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
