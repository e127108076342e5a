// Every indicator of every seed template, computed by the progress engine over one generated
// month of a commune's work (tests/support/progress-fixtures.ts: commune C, teams T1 and T2),
// against values worked out by hand here. The month is placed inside each template's period.
import { describe, expect, it } from 'vitest';
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { computeIndicator, computePlanProgress } from '#src/shared/progress/plan-progress.ts';
import { ProgressState } from '#src/shared/progress/progress-state.ts';
import type { TargetAssignment } from '#src/shared/domain/target-assignment.ts';
import { fixtureId, generatedCommune, monthOfWork, planFrom, type GeneratedCommune } from '../../support/progress-fixtures.ts';

/** Each indicator at its own level, for every scope of that level: "id@scope numerator/denominator status". */
function results(plan: CampaignPlan, c: GeneratedCommune, month: string, before: string, asOfDay: string): string[] {
  const { entries, values } = monthOfWork(c, month, before);
  const state = ProgressState.build(c.org, entries, values);
  const scopes = {
    team: [['T1', c.team.t1], ['T2', c.team.t2]], commune: [['C', c.unit.commune]], agency: [['A', c.agency]],
    district: [['D', c.unit.district]], province: [['P', c.unit.province]], hamlet: [], member: [],
  } as const;
  return plan.indicators.flatMap((indicator) => scopes[indicator.level].map(([name, id]) => {
    const r = computeIndicator(state, { plan, indicator, scope: { level: indicator.level, id }, asOfDay })!;
    return `${indicator.id}@${name} ${r.numerator}/${r.denominator ?? '-'} ${r.status}`;
  }));
}

describe('seed templates on a generated commune-month', () => {
  it('001 (Đăk Nông, special campaign): March 2025 within phase 2 (04/02–19/08/2025)', () => {
    const c = generatedCommune();
    expect(results(planFrom('001-dak-nong-2024'), c, '2025-03', '2025-02-03', '2025-03-31')).toEqual([
      // 3 tips passed in C (T9's is another commune's) of the 5 commune police received: 60% < 80%.
      'tips-forwarded@C 3/5 at-risk',
      // T1: security-order and traffic prompt, dispute late, fire not counted: 2 of 3. T2: 0 of 1.
      'incidents-attended@T1 2/3 at-risk',
      'incidents-attended@T2 0/1 at-risk',
      // T1's model was recognised on 10/03: 1, a state, on track until the phase ends.
      'models-recognised@C 1/- on-track',
      // T1 arrived in 25 minutes; T2 was never called, so has no share.
      'mobilisations-attended@T1 1/1 on-track',
      'mobilisations-attended@T2 0/0 no-data',
      'no-violating-businesses@C 0/- on-track',
      // T1: 3 of 20 (h1[2] not passed yet); 3 in 56 of 197 days projects 10.6 (53%), not > 90%.
      'residence-info@T1 3/20 at-risk',
      // T2: 19 of 20 = 95% > 90% already, and reports only add up.
      'residence-info@T2 19/20 met',
      // Nobody entered the weapons count.
      'no-illegal-weapons@C 0/- no-data',
      // One person re-offended (seen twice): = 0 is missed for the phase.
      'no-reoffence@C 1/- missed',
      // T1: m1, m2, m3 of 4; at this pace all 4 by the end. T2: all 3.
      'patrol-participation@T1 3/4 on-track',
      'patrol-participation@T2 3/3 met',
      'no-serious-traffic-accidents@C 1/- missed',
      // March: T1 one good deed + one member commended; T2 nothing on the month's last day.
      'monthly-good-deed@T1 2/- met',
      'monthly-good-deed@T2 0/- at-risk',
    ]);
  });

  it('001 with teams\' own targets (giao chỉ tiêu): each team is judged against its own, in its period only', () => {
    const c = generatedCommune();
    const plan = planFrom('001-dak-nong-2024');
    const { entries, values } = monthOfWork(c, '2025-03', '2025-02-03');
    const state = ProgressState.build(c.org, entries, values);
    const assign = (teamId: string, indicatorId: string, value: number, periodKey: string | null): TargetAssignment => ({
      id: fixtureId(`assignment-${teamId}-${indicatorId}-${periodKey}`), planId: plan.planId, indicatorId, teamId, orgUnitId: c.unit.commune,
      periodKey, value, note: '', assignedBy: fixtureId('commune-police'), updatedAt: '2025-03-01T00:00:00.000Z',
    });
    const assignments = [
      // T1 may attend 60% of incidents promptly: 2 of 3 (66.7%) reaches it, the phase still runs.
      assign(c.team.t1, 'incidents-attended', 60, null),
      // T2 owes no good deed in March; the April target of 3 does not apply to March.
      assign(c.team.t2, 'monthly-good-deed', 0, 'month:2025-03'),
      assign(c.team.t2, 'monthly-good-deed', 3, 'month:2025-04'),
    ];
    const judge = (indicatorId: string, teamId: string, asOfDay = '2025-03-31') => {
      const indicator = plan.indicators.find((candidate) => candidate.id === indicatorId)!;
      const r = computeIndicator(state, { plan, indicator, scope: { level: 'team', id: teamId }, asOfDay, assignments })!;
      return `${r.numerator}/${r.denominator ?? '-'} ${r.target.comparator}${r.target.value} ${r.targetSource} ${r.status}`;
    };
    expect(judge('incidents-attended', c.team.t1)).toBe('2/3 >=60 assignment on-track');
    // T2 was never given its own: the plan's 100% stands, and 0 of 1 is at risk.
    expect(judge('incidents-attended', c.team.t2)).toBe('0/1 >=100 plan at-risk');
    expect(judge('monthly-good-deed', c.team.t2)).toBe('0/- >=0 assignment met');
    // Mid-April, April's own 3 apply: none yet is at risk.
    expect(judge('monthly-good-deed', c.team.t2, '2025-04-15')).toBe('0/- >=3 assignment at-risk');
    // T1 has no good-deed target of its own: the plan's one a month, met by its 2.
    expect(judge('monthly-good-deed', c.team.t1)).toBe('2/- >=1 plan met');
  });

  it('000 (Bình Phước 2023): March 2023 within the year', () => {
    const c = generatedCommune();
    expect(results(planFrom('000-binh-phuoc-2023'), c, '2023-03', '2022-12-31', '2023-03-31')).toEqual([
      // T1 9 + T2 16 (the returned entry does not count) of 40: 62.5%; 25 in 90 of 365 days projects all 40.
      'households-reached@C 25/40 on-track',
      // 45 + 30 of the agency's 100 staff: 75%; projected past 90% by year end.
      'agency-staff-reached@A 75/100 on-track',
      // The province's own values are the districts' total: 77 of 80 registered.
      'units-registered-safe@P 77/80 at-risk',
      // "of which": 56 of the 77 registered = 72.7% ≥ 70%.
      'units-recognised-safe@P 56/77 on-track',
      // Both models (T1's from before the year, T2's new) are running in C.
      'commune-models@C 2/- on-track',
      'agency-models@A 1/- on-track',
      'units-rated-average@P 66/80 on-track',
      // Of the 66 rated "Trung bình" or better: 32 "Khá" = 48.5% < 50%; 22 "Xuất sắc" = 33.3% ≥ 30%.
      'units-rated-good@P 32/66 at-risk',
      'units-rated-excellent@P 22/66 on-track',
      'agency-staff-informed@A 100/100 on-track',
    ]);
  });

  it('000 read the other way: 50% "Khá" of all units is 32 of 80', () => {
    const c = generatedCommune();
    const plan = planFrom('000-binh-phuoc-2023');
    const good = plan.indicators.find((i) => i.id === 'units-rated-good')!;
    const switched = { ...plan, indicators: plan.indicators.map((i) => (i === good ? { ...i, shareOf: { indicatorId: 'units-rated-average', reading: 'of-all' as const } } : i)) };
    const { entries, values } = monthOfWork(c, '2023-03', '2022-12-31');
    const result = computeIndicator(ProgressState.build(c.org, entries, values), { plan: switched, indicator: switched.indicators[7]!, scope: { level: 'province', id: c.unit.province }, asOfDay: '2023-03-31' });
    expect(result).toMatchObject({ numerator: 32, denominator: 80, value: 40, status: 'at-risk' });
  });

  it('002 (Đồng Nai 2023): exemplary units registered per district and selected by the province', () => {
    const c = generatedCommune();
    expect(results(planFrom('002-dong-nai-2023'), c, '2023-03', '2022-12-31', '2023-03-31')).toEqual([
      'exemplary-communes@D 1/- on-track',
      'exemplary-agencies@D 0/- at-risk',
      // Nobody entered the province's selection, nor any unit below it.
      'province-agencies-selected@P 0/- no-data',
    ]);
  });

  it('004 (Sở GD&ĐT Bình Phước 2022): the agency\'s own values', () => {
    const c = generatedCommune();
    expect(results(planFrom('004-so-gddt-binh-phuoc-2022'), c, '2022-03', '2021-12-31', '2022-12-31')).toEqual([
      'staff-completed-tasks@A 97/100 at-risk',
      'staff-compliant@A 100/100 on-track',
      'agency-recognised-safe@A 1/- on-track',
      'staff-fulfilled-programmes@A 100/100 on-track',
      'no-staff-violations@A 0/- on-track',
    ]);
  });

  it('after the year ends, the same values are met or missed', () => {
    const c = generatedCommune();
    expect(results(planFrom('004-so-gddt-binh-phuoc-2022'), c, '2022-03', '2021-12-31', '2023-01-10')).toEqual([
      'staff-completed-tasks@A 97/100 missed',
      'staff-compliant@A 100/100 met',
      'agency-recognised-safe@A 1/- met',
      'staff-fulfilled-programmes@A 100/100 met',
      'no-staff-violations@A 0/- met',
    ]);
  });

  it('computes a plan for any scope its metrics reach: a member, a hamlet, the district', () => {
    const c = generatedCommune();
    const plan = planFrom('001-dak-nong-2024');
    const { entries, values } = monthOfWork(c, '2025-03', '2025-02-03');
    const state = ProgressState.build(c.org, entries, values);
    const line = (r: { indicatorId: string; numerator: number; denominator: number | null; status: string }) => `${r.indicatorId} ${r.numerator}/${r.denominator ?? '-'} ${r.status}`;
    // m3's own work: residence reports for 3 of the 20 households of T1's hamlets; one tip, not passed.
    expect(computePlanProgress(state, { plan, scope: { level: 'member', id: c.member.m3 }, asOfDay: '2025-03-31' }).map(line)).toEqual([
      'incidents-attended 0/0 no-data', 'mobilisations-attended 0/0 no-data', 'residence-info 3/20 at-risk', 'monthly-good-deed 0/- at-risk',
    ]);
    // Hamlet H2: the duplicate's report counts for h2[0]: 1 of 10.
    const h2 = computePlanProgress(state, { plan, scope: { level: 'hamlet', id: c.hamlet.h2 }, asOfDay: '2025-03-31', isOwnLevelOnly: false });
    expect(h2.filter((r) => r.indicatorId === 'residence-info').map(line)).toEqual(['residence-info 1/10 at-risk']);
    // District D: C's work and C2's (T9's tip) together; tips received only entered for C.
    // Residence: 22 of the 45 households of D's four hamlets, projected past 45 at this pace.
    const district = computePlanProgress(state, { plan, scope: { level: 'district', id: c.unit.district }, asOfDay: '2025-03-31' });
    expect(district.filter((r) => ['tips-forwarded', 'residence-info'].includes(r.indicatorId)).map(line)).toEqual(['tips-forwarded 4/5 on-track', 'residence-info 22/45 on-track']);
  });
});
