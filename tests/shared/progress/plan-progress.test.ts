// The progress engine's rules beyond the templates: teams' own targets, entered values that add
// up or stand as a state, the commune's prompt minutes, approved-only counting, completeness.
import { describe, expect, it } from 'vitest';
import { computeIndicator, effectiveTarget, tallyByStatus } from '#src/shared/progress/plan-progress.ts';
import { ProgressState } from '#src/shared/progress/progress-state.ts';
import type { TargetAssignment } from '#src/shared/domain/target-assignment.ts';
import { householdIndicator, planOf } from '../../support/plan-fixtures.ts';
import { entry, fixtureId, generatedCommune, manualValue } from '../../support/progress-fixtures.ts';

const c = generatedCommune();
const T1 = (memberId: string, date: string) => ({ teamId: c.team.t1, memberId, date });
const phases = [{ id: 'p', name: 'Quý 1', startDay: '2025-01-01', endDay: '2025-03-31' }];
const plan = planOf({
  startDay: '2025-01-01', endDay: '2025-03-31', phases,
  manualInputs: [
    { key: 'tips-received', label: 'Nguồn tin Công an xã tiếp nhận', aggregation: 'sum' },
    { key: 'units-rated', label: 'Đơn vị được xếp loại', aggregation: 'latest' },
  ],
  indicators: [
    householdIndicator({ isAssignable: true }),
    { id: 'tips', label: 'Nguồn tin', metric: { type: 'tip-forwarding-share', receivedKey: 'tips-received' }, target: { comparator: '>=', value: 80, unit: 'percent' }, level: 'commune', period: 'phase' },
    { id: 'rated', label: 'Xếp loại', metric: { type: 'manual-count', key: 'units-rated' }, target: { comparator: '>=', value: 10, unit: 'count' }, level: 'commune', period: 'phase' },
    { id: 'incidents', label: 'Vụ việc', metric: { type: 'prompt-attendance-share', entryKind: 'incident' }, target: { comparator: '>=', value: 100, unit: 'percent' }, level: 'team', period: 'phase' },
  ],
});
const [households, tips, rated, incidents] = plan.indicators as [typeof plan.indicators[0], typeof plan.indicators[0], typeof plan.indicators[0], typeof plan.indicators[0]];
const team1 = { level: 'team' as const, id: c.team.t1 };
const commune = { level: 'commune' as const, id: c.unit.commune };

function assignment(value: number, periodKey: string | null, updatedAt = '2025-01-05T00:00:00.000Z'): TargetAssignment {
  return { id: fixtureId('a'), planId: plan.planId, indicatorId: 'households-reached', teamId: c.team.t1, orgUnitId: c.unit.commune, periodKey, value, note: '', assignedBy: fixtureId('police'), updatedAt };
}

describe('plan progress', () => {
  it('judges a team against the target commune police assigned to it, for this period before every period', () => {
    const state = ProgressState.build(c.org, [entry.outreach(T1(c.member.m1, '2025-01-10'), c.households.h1.slice(0, 5))]);
    const judged = (assignments: TargetAssignment[]) => computeIndicator(state, { plan, indicator: households, scope: team1, asOfDay: '2025-03-31', assignments });
    expect(judged([])).toMatchObject({ numerator: 5, denominator: 20, target: { value: 80 }, targetSource: 'plan', status: 'at-risk' });
    expect(judged([assignment(25, null)])).toMatchObject({ target: { comparator: '>=', value: 25 }, targetSource: 'assignment', status: 'met' });
    expect(judged([assignment(25, null, '2025-03-01T00:00:00.000Z'), assignment(30, 'phase:p')])).toMatchObject({ target: { value: 30 }, status: 'at-risk' });
    expect(judged([{ ...assignment(25, null), planId: fixtureId('other-plan') }])?.targetSource).toBe('plan');
    // Only for teams, and only where the plan allows it.
    expect(effectiveTarget(plan, households, commune, { key: 'phase:p', kind: 'phase', startDay: '2025-01-01', endDay: '2025-03-31' }, [assignment(25, null)]).source).toBe('plan');
    expect(effectiveTarget(plan, { ...households, isAssignable: false }, team1, { key: 'phase:p', kind: 'phase', startDay: '2025-01-01', endDay: '2025-03-31' }, [assignment(25, null)]).source).toBe('plan');
  });

  it('adds up values entered per month, and takes the newest of values that state a number', () => {
    const state = ProgressState.build(c.org, [entry.tip(T1(c.member.m2, '2025-02-02'), true), entry.tip(T1(c.member.m2, '2025-03-02'), true)], [
      manualValue({ orgUnitId: c.unit.commune }, 'tips-received', 1, '2025-01-01', '2025-01-31'),
      manualValue({ orgUnitId: c.unit.commune }, 'tips-received', 2, '2025-02-01', '2025-02-28'),
      // Spans the phase's end: not within the phase, not added.
      manualValue({ orgUnitId: c.unit.commune }, 'tips-received', 9, '2025-03-15', '2025-04-15'),
      manualValue({ orgUnitId: c.unit.commune }, 'units-rated', 7, '2025-01-31'),
      manualValue({ orgUnitId: c.unit.commune }, 'units-rated', 12, '2025-02-28'),
    ]);
    expect(computeIndicator(state, { plan, indicator: tips, scope: commune, asOfDay: '2025-03-31' })).toMatchObject({ numerator: 2, denominator: 3, status: 'at-risk' });
    expect(computeIndicator(state, { plan, indicator: rated, scope: commune, asOfDay: '2025-03-31' })).toMatchObject({ numerator: 12, status: 'on-track' });
    expect(computeIndicator(state, { plan, indicator: rated, scope: commune, asOfDay: '2025-04-01' })).toMatchObject({ numerator: 12, status: 'met' });
  });

  it('uses the commune\'s own minutes for prompt attendance', () => {
    const incidentsOf = (minutes: number | null) => {
      const org = { ...c.org, units: c.org.units.map((u) => (u.id === c.unit.commune ? { ...u, settings: { promptMinutes: minutes } } : u)) };
      const state = ProgressState.build(org, [entry.incident(T1(c.member.m1, '2025-02-01'), 'security-order', '10:00', '10:40')]);
      return computeIndicator(state, { plan, indicator: incidents, scope: team1, asOfDay: '2025-02-02' })?.numerator;
    };
    expect(incidentsOf(45)).toBe(1);
    expect(incidentsOf(null)).toBe(0);
  });

  it('counts every entry but returned ones, or only approved ones for a closing month', () => {
    const entries = [
      entry.outreach({ ...T1(c.member.m1, '2025-01-10'), reviewStatus: 'approved' }, c.households.h1.slice(0, 2)),
      entry.outreach({ ...T1(c.member.m1, '2025-01-11'), reviewStatus: 'pending' }, c.households.h1.slice(2, 4)),
      entry.outreach({ ...T1(c.member.m1, '2025-01-12'), reviewStatus: 'resubmitted' }, c.households.h1.slice(4, 6)),
      entry.outreach({ ...T1(c.member.m1, '2025-01-13'), reviewStatus: 'returned' }, c.households.h1.slice(6, 8)),
    ];
    const reached = (isApprovedOnly: boolean) => computeIndicator(ProgressState.build(c.org, entries, [], { isApprovedOnly }), { plan, indicator: households, scope: team1, asOfDay: '2025-03-31' })?.numerator;
    expect(reached(false)).toBe(6);
    expect(reached(true)).toBe(2);
  });

  it('says how complete the data is: entries not sent from this phone, members not synced for days', () => {
    const mine = entry.outreach(T1(c.member.m1, '2025-03-30'), c.households.h1.slice(0, 1));
    const otherTeam = entry.outreach({ teamId: c.team.t2, memberId: c.member.m5, date: '2025-03-30' }, c.households.h3.slice(0, 1));
    const state = ProgressState.build(c.org, [mine, otherTeam]);
    const result = computeIndicator(state, {
      plan, indicator: households, scope: team1, asOfDay: '2025-03-31',
      completeness: {
        asOf: '2025-03-31T02:00:00.000Z', pendingEntryIds: [mine.id, otherTeam.id], now: '2025-03-31T03:00:00.000Z', staleAfterDays: 3,
        memberLastSyncAt: new Map([[c.member.m1, '2025-03-31T01:00:00.000Z'], [c.member.m2, '2025-03-20T01:00:00.000Z'], [c.member.m3, null]]),
      },
    });
    expect(result?.completeness).toEqual({
      asOf: '2025-03-31T02:00:00.000Z', unsyncedEntries: 1,
      staleMemberIds: [c.member.m2, c.member.m3, c.member.m4].sort(), isComplete: false,
    });
  });

  it('tallies a commune\'s teams by status', () => {
    const state = ProgressState.build(c.org, [entry.outreach(T1(c.member.m1, '2025-01-10'), [...c.households.h1, ...c.households.h2])]);
    const results = [c.team.t1, c.team.t2].map((id) => computeIndicator(state, { plan, indicator: households, scope: { level: 'team', id }, asOfDay: '2025-02-01' })!);
    expect(tallyByStatus(results)).toEqual({ met: 1, 'on-track': 0, 'at-risk': 1, missed: 0, 'no-data': 0 });
  });

  it('names the plan version a result was computed with', () => {
    const second = { ...plan, id: fixtureId('v2'), version: 2 };
    const result = computeIndicator(ProgressState.build(c.org, []), { plan: second, indicator: households, scope: team1, asOfDay: '2025-02-01' });
    expect(result).toMatchObject({ planId: plan.planId, planVersion: 2, indicatorId: 'households-reached', period: { key: 'phase:p' } });
  });
});
