// What the progress engine derives from entries and stores nowhere: night-duty minutes of a
// patrol (22:00–06:00 Vietnam time) and whether the force was present promptly.
import { describe, expect, it } from 'vitest';
import { isNightDuty, nightDutyMinutes } from '#src/shared/domain/patrol.ts';
import { DEFAULT_PROMPT_MINUTES, isPresentPromptly, responseMinutes } from '#src/shared/domain/response-time.ts';
import { validEntries } from './entry-fixtures.ts';

/** An instant from Vietnamese wall-clock time. */
const vn = (dayTime: string): string => new Date(`${dayTime}:00+07:00`).toISOString();

describe('nightDutyMinutes', () => {
  it.each([
    ['a day patrol', '2026-03-05T08:00', '2026-03-05T11:00', 0],
    ['ending exactly at 22:00', '2026-03-05T20:00', '2026-03-05T22:00', 0],
    ['20:00 to 23:30', '2026-03-05T20:00', '2026-03-05T23:30', 90],
    ['across midnight, 21:00 to 02:00', '2026-03-05T21:00', '2026-03-06T02:00', 240],
    ['early morning, 04:30 to 07:00', '2026-03-06T04:30', '2026-03-06T07:00', 90],
    ['a whole night, 22:00 to 06:00', '2026-03-05T22:00', '2026-03-06T06:00', 480],
    ['24 hours from noon: one whole night', '2026-03-05T12:00', '2026-03-06T12:00', 480],
    ['18:00 to 18:00 next day, spanning one night', '2026-03-05T18:00', '2026-03-06T18:00', 480],
    ['05:00 to 23:00: two slices of two nights', '2026-03-05T05:00', '2026-03-05T23:00', 120],
    ['reversed', '2026-03-05T23:00', '2026-03-05T22:00', 0],
  ])('%s → %i minutes', (_name, start, end, minutes) => {
    expect(nightDutyMinutes(vn(start), vn(end))).toBe(minutes);
  });

  it('counts in Vietnam time whatever offset the instants carry', () => {
    expect(nightDutyMinutes('2026-03-05T15:00:00Z', '2026-03-05T16:00:00Z')).toBe(60);
    expect(nightDutyMinutes('2026-03-05T17:00:00+02:00', '2026-03-05T18:00:00+02:00')).toBe(60);
  });

  it('isNightDuty is true only with night minutes', () => {
    expect(isNightDuty(vn('2026-03-05T21:59'), vn('2026-03-05T22:01'))).toBe(true);
    expect(isNightDuty(vn('2026-03-05T06:00'), vn('2026-03-05T21:59'))).toBe(false);
  });
});

describe('isPresentPromptly', () => {
  const incident = validEntries.incident;
  it('compares arrival − report with the commune setting, 30 minutes by default', () => {
    expect(DEFAULT_PROMPT_MINUTES).toBe(30);
    const at = (minutes: number) => new Date(Date.parse(incident.reportedAt) + minutes * 60_000).toISOString();
    expect(isPresentPromptly({ ...incident, arrivedAt: at(30) })).toBe(true);
    expect(isPresentPromptly({ ...incident, arrivedAt: at(31) })).toBe(false);
    expect(isPresentPromptly({ ...incident, arrivedAt: at(31) }, 45)).toBe(true);
    expect(isPresentPromptly({ ...incident, arrivedAt: null })).toBe(false);
    expect(responseMinutes({ ...incident, arrivedAt: at(12) })).toBe(12);
  });

  it('measures a mobilisation from the call', () => {
    const mobilisation = validEntries.mobilisation;
    expect(responseMinutes(mobilisation)).toBe(20);
    expect(isPresentPromptly(mobilisation, 15)).toBe(false);
    expect(isPresentPromptly(mobilisation, 20)).toBe(true);
  });
});
