/**
 * Household coverage (tỷ lệ hộ được tuyên truyền): households reached by logs of one kind during
 * a phase ÷ households in scope, against a threshold. Seed 000, §II.3.4: propaganda reaches ≥80%
 * of households. Pure: the device computes it from what it holds locally.
 */
import type { CampaignPhase, Indicator } from '../domain/campaign-plan.ts';
import type { FieldLog } from '../domain/field-log.ts';

export interface CoverageInput {
  indicator: Indicator;
  phase: CampaignPhase;
  /** Ids of the households in scope (e.g. all households of the member's hamlets). */
  householdIds: Iterable<string>;
  /** Logs to count; logs of other kinds or outside the phase are ignored. */
  logs: Iterable<FieldLog>;
}

export interface CoverageResult {
  indicatorId: string;
  reached: number;
  total: number;
  /** reached ÷ total, 0 when there are no households. */
  ratio: number;
  threshold: number;
  isMet: boolean;
}

export function computeHouseholdCoverage(input: CoverageInput): CoverageResult {
  const inScope = new Set(input.householdIds);
  const reached = new Set<string>();
  for (const log of input.logs) {
    if (log.kind !== input.indicator.logKind) continue;
    if (log.date < input.phase.startDay || log.date > input.phase.endDay) continue;
    for (const householdId of log.householdIds) {
      if (inScope.has(householdId)) reached.add(householdId);
    }
  }
  const total = inScope.size;
  const ratio = total === 0 ? 0 : reached.size / total;
  return {
    indicatorId: input.indicator.id,
    reached: reached.size,
    total,
    ratio,
    threshold: input.indicator.threshold,
    // Compare integers so that 80 of 100 meets 80% despite floating point.
    isMet: total > 0 && reached.size * 10000 >= Math.round(input.indicator.threshold * 10000) * total,
  };
}
