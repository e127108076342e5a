import { describe, expect, it } from 'vitest';
import type { Reader } from '#src/shared/domain/readable.ts';
import { isReadableBy } from '#src/shared/domain/readable.ts';
import { nightsOf } from '#src/shared/progress/night-duty.ts';
import { buildPlanReport, type ReportEntry } from '#src/shared/progress/plan-report.ts';
import { at, fixtureId, generatedCommune, monthOfWork, planFrom } from '../../support/progress-fixtures.ts';

const plan = planFrom('001-dak-nong-2024');

function october() {
  const c = generatedCommune();
  const { entries, values } = monthOfWork(c, '2024-10', '2024-09-30');
  // The leader approved everything but the entry returned to its author.
  const approved: ReportEntry[] = entries.map((e) => (e.reviewStatus === 'returned' ? e : { ...e, reviewStatus: 'approved' }));
  const police: Reader = { userId: fixtureId('police'), role: 'commune-police', teamId: null, supervisedTeamIds: [c.team.t1, c.team.t2] };
  return { c, entries: approved, values, police };
}

function reportOf(input: ReturnType<typeof october>, reader: Reader, entries: ReportEntry[] = input.entries) {
  return buildPlanReport({ plan, org: input.c.org, entries, values: input.values, reader, scope: { level: 'team', id: input.c.team.t1 }, periodKey: 'month:2024-10', today: '2024-11-15' })!;
}

const countOf = (report: NonNullable<ReturnType<typeof buildPlanReport>>, kind: string) => report.entryCounts.find((line) => line.kind === kind)?.count;

describe('the month report of a team (plan 001, T1, October 2024)', () => {
  it('gives each indicator the target, the achieved value, the percentage and the verdict computed by hand', () => {
    const month = october();
    const report = reportOf(month, month.police);
    expect(report.period).toMatchObject({ startDay: '2024-10-01', endDay: '2024-10-31' });
    expect(report.asOfDay).toBe('2024-10-31');
    const line = (id: string) => {
      const found = report.lines.find((l) => l.indicatorId === id)!;
      return [found.numerator, found.denominator, found.achieved === null ? null : Math.round(found.achieved * 100) / 100, found.percent === null ? null : Math.round(found.percent), found.verdict];
    };
    // Security-order and traffic incidents attended within 30 minutes, the dispute in 45, the fire is not of these types: 2 of 3.
    expect(line('incidents-attended')).toEqual([2, 3, 66.67, 67, 'not-met']);
    // The mobilisation attended in 25 minutes: 1 of 1.
    expect(line('mobilisations-attended')).toEqual([1, 1, 100, 100, 'met']);
    // Residence information passed for h1[0], h1[1] and the duplicate of h2[0] (h1[2] not passed) of the 20 households of H1 and H2: 15%, not > 90%.
    expect(line('residence-info')).toEqual([3, 20, 15, 15, 'not-met']);
    // m1, m2 and m3 patrolled, m4 did not: 3 of 4.
    expect(line('patrol-participation')).toEqual([3, 4, 75, 75, 'not-met']);
    // One good deed and one member commended against at least 1: 200% of the target.
    expect(line('monthly-good-deed')).toEqual([2, null, 2, 200, 'met']);
    // A serious traffic accident happened: "= 0" is not met, and a percentage means nothing.
    expect(line('no-serious-traffic-accidents')).toEqual([1, null, 1, null, 'not-met']);
    // The weapons count is entered by the commune, never for a team.
    expect(line('no-illegal-weapons')).toEqual([0, null, null, null, 'no-data']);
  });

  it('counts approved entries only, by kind, within the month', () => {
    const month = october();
    const report = reportOf(month, month.police);
    // T1's outreach of 03, 10 and 12/10 (the one on 30/09 is before the month).
    expect(countOf(report, 'outreach')).toBe(3);
    expect(countOf(report, 'incident')).toBe(4);
    expect(countOf(report, 'tip')).toBe(2);
    const pending = month.entries.map((e) => (e.kind === 'incident' ? { ...e, reviewStatus: 'pending' as const } : e));
    const unapproved = reportOf(month, month.police, pending);
    expect(countOf(unapproved, 'incident')).toBe(0);
    expect(unapproved.lines.find((l) => l.indicatorId === 'incidents-attended')).toMatchObject({ numerator: 0, denominator: 0, verdict: 'no-data' });
  });
});

describe('restricted entries in reports', () => {
  it('leaves tips and reintegration visits out of the report of a member who may not read them', () => {
    const month = october();
    const { m1, m2 } = month.c.member;
    const t1 = month.c.team.t1;
    const member: Reader = { userId: m1, role: 'member', teamId: t1, supervisedTeamIds: [] };
    const memberReport = reportOf(month, member);
    expect(countOf(memberReport, 'tip')).toBe(0);
    expect(countOf(memberReport, 'outreach')).toBe(3);
    // m2 wrote one of T1's two tips: only that one.
    expect(countOf(reportOf(month, { ...member, userId: m2 }), 'tip')).toBe(1);
    const leader: Reader = { userId: fixtureId('leader'), role: 'leader', teamId: t1, supervisedTeamIds: [] };
    expect(countOf(reportOf(month, leader), 'tip')).toBe(2);
    const province: Reader = { userId: fixtureId('province'), role: 'province-admin', teamId: null, supervisedTeamIds: [t1] };
    expect(countOf(reportOf(month, province), 'tip')).toBe(0);
    expect(countOf(reportOf(month, province), 'outreach')).toBe(3);
  });

  it('isReadableBy: author, the team leader and supervising commune police read a tip; nobody reads another team', () => {
    const tip = { kind: 'tip', teamId: 'team-a', memberId: 'author' };
    const reader = (userId: string, role: Reader['role'], teamId: string | null, supervised: string[] = []): Reader => ({ userId, role, teamId, supervisedTeamIds: supervised });
    expect(isReadableBy(reader('author', 'member', 'team-a'), tip)).toBe(true);
    expect(isReadableBy(reader('other', 'member', 'team-a'), tip)).toBe(false);
    expect(isReadableBy(reader('boss', 'leader', 'team-a'), tip)).toBe(true);
    expect(isReadableBy(reader('boss-b', 'leader', 'team-b'), tip)).toBe(false);
    expect(isReadableBy(reader('police', 'commune-police', null, ['team-a']), tip)).toBe(true);
    expect(isReadableBy(reader('police-b', 'commune-police', null, ['team-b']), tip)).toBe(false);
    expect(isReadableBy(reader('province', 'province-admin', null, ['team-a']), tip)).toBe(false);
    expect(isReadableBy(reader('other', 'member', 'team-a'), { ...tip, kind: 'patrol' })).toBe(true);
    expect(isReadableBy(reader('other', 'member', 'team-b'), { ...tip, kind: 'patrol' })).toBe(false);
  });
});

describe('nights of patrol duty', () => {
  it('counts each member once per night started in the month, with the minutes between 22:00 and 06:00', () => {
    const month = october();
    const { m1, m2, m3, m4 } = month.c.member;
    const t1 = month.c.team.t1;
    const patrol = (date: string, startAt: string, endAt: string, participantIds: string[]): ReportEntry =>
      ({ id: fixtureId('patrol'), teamId: t1, memberId: m1, date, reviewStatus: 'approved', kind: 'patrol', participantIds, startAt, endAt });
    const patrols = [
      // The night of 05/10: 22:00–23:30 (90 min) for m1 and m2, then 23:45–01:15 (90 min) for m1.
      patrol('2024-10-05', at('2024-10-05', '21:00'), at('2024-10-05', '23:30'), [m1, m2]),
      patrol('2024-10-05', at('2024-10-05', '23:45'), at('2024-10-06', '01:15'), [m1]),
      // The night of 31/10 into November: 180 minutes, October's.
      patrol('2024-10-31', at('2024-10-31', '23:00'), at('2024-11-01', '02:00'), [m3]),
      // Daytime: no night.
      patrol('2024-10-12', at('2024-10-12', '08:00'), at('2024-10-12', '11:00'), [m4]),
    ];
    const report = reportOf(month, month.police, [...month.entries, ...patrols]);
    const inOctober = report.nightDuty.find((line) => line.month === '2024-10')!.members;
    const byMember = new Map(inOctober.map((line) => [line.memberId, [line.nights, line.minutes]]));
    expect(byMember.get(m1)).toEqual([1, 180]);
    expect(byMember.get(m2)).toEqual([1, 90]);
    expect(byMember.get(m3)).toEqual([1, 180]);
    expect(byMember.has(m4)).toBe(false);
  });

  it('names an early-morning patrol by the night it belongs to, the day before', () => {
    expect([...nightsOf(at('2024-10-01', '04:00'), at('2024-10-01', '05:00'))]).toEqual([['2024-09-30', 60]]);
    expect([...nightsOf(at('2024-10-01', '20:00'), at('2024-10-02', '20:00'))]).toEqual([['2024-10-01', 480]]);
  });
});
