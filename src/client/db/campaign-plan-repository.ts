/**
 * Reading campaign plans (kế hoạch thi đua) on the device. Plans arrive by pull, scoped to the
 * user's commune and province; a device holds a handful, so they are read whole.
 */
import { phaseOn, type CampaignPhase, type CampaignPlan, type Indicator } from '#src/shared/domain/campaign-plan.ts';
import type { AnttDatabase } from './database.ts';

/** A plan with the phase running on a given day and its household-coverage indicator. */
export interface RunningCoveragePlan {
  plan: CampaignPlan;
  phase: CampaignPhase;
  indicator: Indicator;
}

/**
 * The plan whose phase runs on `day` and that measures household coverage, or null. When
 * several do (a province and a commune plan), the most recently updated wins.
 */
export async function findRunningCoveragePlan(db: AnttDatabase, day: string): Promise<RunningCoveragePlan | null> {
  const plans = await db.campaignPlan.toArray();
  plans.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  for (const plan of plans) {
    const phase = phaseOn(plan, day);
    const indicator = plan.indicators.find((candidate) => candidate.type === 'household-coverage');
    if (phase && indicator) return { plan, phase, indicator };
  }
  return null;
}
