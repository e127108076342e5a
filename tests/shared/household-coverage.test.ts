import { describe, expect, it } from 'vitest';
import { computeHouseholdCoverage } from '#src/shared/progress/household-coverage.ts';
import type { Indicator, CampaignPhase } from '#src/shared/domain/campaign-plan.ts';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';

const indicator: Indicator = {
  id: 'households-reached',
  type: 'household-coverage',
  label: 'Hộ gia đình được tuyên truyền',
  logKind: 'outreach',
  level: 'member',
  threshold: 0.8,
  source: 'Kế hoạch 000, §II.3.4',
};
const phase: CampaignPhase = { id: 'p1', name: 'Đợt 1', startDay: '2026-08-19', endDay: '2027-02-03' };
const teamId = uuidv7();
const memberId = uuidv7();

function outreach(date: string, householdIds: string[]): FieldLog {
  return {
    id: uuidv7(), kind: 'outreach', teamId, memberId, date, householdIds, agencyId: null, topic: 'Phòng chống lừa đảo qua mạng',
    form: 'home-visit', peopleReached: 2, note: '', reviewStatus: 'pending', reviewComment: '', reviewedBy: null, reviewedAt: null, photoIds: [], location: null, createdAt: '', updatedAt: '',
  };
}

describe('household coverage (seed 000, ≥80% of households reached)', () => {
  const households = Array.from({ length: 10 }, () => uuidv7());

  it('counts each household once, only inside the phase and the scope', () => {
    const outsider = uuidv7();
    const result = computeHouseholdCoverage({
      indicator, phase, householdIds: households,
      logs: [
        outreach('2026-09-01', [households[0]!, households[1]!]),
        outreach('2026-09-02', [households[1]!, outsider]),
        outreach('2026-08-18', [households[2]!]), // the day before the phase
        outreach('2027-02-04', [households[3]!]), // the day after
        outreach('2027-02-03', [households[4]!]), // the last day counts
      ],
    });
    expect(result).toMatchObject({ reached: 3, total: 10, isMet: false });
    expect(result.ratio).toBeCloseTo(0.3);
  });

  it('meets the target at exactly 80%', () => {
    const logs = [outreach('2026-10-01', households.slice(0, 8))];
    expect(computeHouseholdCoverage({ indicator, phase, householdIds: households, logs }).isMet).toBe(true);
    const fewer = [outreach('2026-10-01', households.slice(0, 7))];
    expect(computeHouseholdCoverage({ indicator, phase, householdIds: households, logs: fewer }).isMet).toBe(false);
  });

  it('reports 0 of 0 as not met rather than dividing by zero', () => {
    expect(computeHouseholdCoverage({ indicator, phase, householdIds: [], logs: [] })).toMatchObject({ reached: 0, total: 0, ratio: 0, isMet: false });
  });
});
