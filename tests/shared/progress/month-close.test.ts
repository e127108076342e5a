// A month the team leader closed counts only the entries signed off at their signed version:
// an entry added or edited afterwards is late, flagged and left out until the leader accepts it
// or reopens the month (src/shared/domain/month-close.ts, entry-facts.ts isCounted).
import { describe, expect, it } from 'vitest';
import { closedMonths, closeStanding, currentClose, type MonthClose } from '#src/shared/domain/month-close.ts';
import { computeIndicator } from '#src/shared/progress/plan-progress.ts';
import type { ProgressEntry } from '#src/shared/progress/progress-input.ts';
import { ProgressState } from '#src/shared/progress/progress-state.ts';
import { entry, fixtureId, generatedCommune, monthOfWork, planFrom } from '../../support/progress-fixtures.ts';

const SIGNED = '2025-03-31T10:00:00.000Z';
const withVersion = (e: ProgressEntry, updatedAt = SIGNED): ProgressEntry => ({ ...e, updatedAt });

function close(teamId: string, covered: readonly ProgressEntry[], overrides: Partial<MonthClose> = {}): MonthClose {
  return {
    id: fixtureId('close'), teamId, month: '2025-03', status: 'closed',
    covered: Object.fromEntries(covered.map((e) => [e.id, e.updatedAt ?? ''])), note: '',
    closedBy: fixtureId('leader'), closedAt: '2025-04-01T08:00:00.000Z', updatedAt: '2025-04-01T08:00:00.000Z', ...overrides,
  };
}

describe('closed months', () => {
  const c = generatedCommune();
  const plan = planFrom('001-dak-nong-2024');
  const goodDeeds = plan.indicators.find((indicator) => indicator.id === 'monthly-good-deed')!;
  const work = monthOfWork(c, '2025-03', '2025-02-03');
  const entries = work.entries.map((e) => withVersion(e));
  const t1 = (e: ProgressEntry) => e.teamId === c.team.t1 && e.date.startsWith('2025-03');
  const signed = entries.filter(t1);
  const lateDeed = withVersion(entry.goodDeed({ teamId: c.team.t1, memberId: c.member.m2, date: '2025-03-28' }), '2025-04-02T09:00:00.000Z');
  const goodDeedsOfT1 = (closes: MonthClose[], extra: ProgressEntry[] = []) => {
    const state = ProgressState.build(c.org, [...entries, ...extra], work.values, { monthCloses: closes });
    return computeIndicator(state, { plan, indicator: goodDeeds, scope: { level: 'team', id: c.team.t1 }, asOfDay: '2025-03-31', periodKey: 'month:2025-03' })!.numerator;
  };

  it('count the signed entries as before, and leave a late one out until accepted', () => {
    // One good deed signed + one member commended (entered value) = 2, as in the open month.
    expect(goodDeedsOfT1([])).toBe(2);
    expect(goodDeedsOfT1([close(c.team.t1, signed)])).toBe(2);
    expect(goodDeedsOfT1([close(c.team.t1, signed)], [lateDeed])).toBe(2);
    expect(goodDeedsOfT1([close(c.team.t1, [...signed, lateDeed], { updatedAt: '2025-04-03T08:00:00.000Z' })], [lateDeed])).toBe(3);
  });

  it('count everything again once the month is reopened (the newest close decides)', () => {
    const first = close(c.team.t1, signed);
    const reopened = { ...first, id: fixtureId('close'), status: 'reopened' as const, updatedAt: '2025-04-05T08:00:00.000Z' };
    expect(goodDeedsOfT1([first, reopened], [lateDeed])).toBe(3);
    expect(currentClose([first, reopened])).toBe(reopened);
  });

  it('make an entry edited after the close late, at its new version', () => {
    const deed = signed.find((e) => e.kind === 'good-deed')!;
    const edited = { ...deed, updatedAt: '2025-04-02T07:00:00.000Z' };
    const closes = closedMonths([close(c.team.t1, signed)]);
    expect(closeStanding(deed, closes)).toBe('signed');
    expect(closeStanding(edited, closes)).toBe('late');
    expect(closeStanding({ ...deed, teamId: c.team.t2 }, closes)).toBe('open');
    expect(goodDeedsOfT1([close(c.team.t1, signed)], [edited])).toBe(1);
  });

  it('never touch another team or month', () => {
    const otherMonth = withVersion(entry.goodDeed({ teamId: c.team.t1, memberId: c.member.m2, date: '2025-04-02' }), '2025-04-02T09:00:00.000Z');
    const state = ProgressState.build(c.org, [...entries, otherMonth], work.values, { monthCloses: [close(c.team.t1, signed)] });
    const april = computeIndicator(state, { plan, indicator: goodDeeds, scope: { level: 'team', id: c.team.t1 }, asOfDay: '2025-04-30', periodKey: 'month:2025-04' })!;
    expect(april.numerator).toBe(1);
  });
});
