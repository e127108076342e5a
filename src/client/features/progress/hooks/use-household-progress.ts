/**
 * Household coverage of the running phase, live from the device: households of the member's
 * hamlets reached by outreach logs dated in the phase (any member of the team: the phone holds
 * the team's logs) ÷ households of those hamlets. Reads only the phase's logs through the
 * [kind+date] index and only household ids through the hamletId index.
 */
import type { CampaignPhase, CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import { computeHouseholdCoverage, type CoverageResult } from '#src/shared/progress/household-coverage.ts';
import type { AnttDatabase } from '#src/client/db/database.ts';
import { useDbQuery } from '#src/client/db/database-context.tsx';
import { findRunningCoveragePlan } from '#src/client/db/campaign-plan-repository.ts';
import { listLogsOfKindBetween } from '#src/client/db/field-log-repository.ts';
import { listHouseholdIdsInHamlets } from '#src/client/db/household-repository.ts';

export type HouseholdProgress =
  | { isRunning: false }
  | { isRunning: true; plan: CampaignPlan; phase: CampaignPhase; coverage: CoverageResult };

export async function readHouseholdProgress(db: AnttDatabase, hamletIds: readonly string[], day: string): Promise<HouseholdProgress> {
  const running = await findRunningCoveragePlan(db, day);
  if (!running) return { isRunning: false };
  const { plan, phase, indicator } = running;
  const [householdIds, logs] = await Promise.all([
    listHouseholdIdsInHamlets(db, hamletIds),
    listLogsOfKindBetween(db, indicator.logKind, phase.startDay, phase.endDay),
  ]);
  return { isRunning: true, plan, phase, coverage: computeHouseholdCoverage({ indicator, phase, householdIds, logs }) };
}

/** Live progress for today in Vietnam; undefined while loading. */
export function useHouseholdProgress(hamletIds: readonly string[], day: string = dayInVietnam()): HouseholdProgress | undefined {
  return useDbQuery((db) => readHouseholdProgress(db, hamletIds, day), [hamletIds.join(','), day]);
}
