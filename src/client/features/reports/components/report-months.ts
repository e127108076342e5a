import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { monthsOf } from '#src/shared/progress/plan-report.ts';

/** The months a plan's report can cover up to today, newest first. */
export function reportMonths(plan: Pick<CampaignPlan, 'startDay' | 'endDay'>, today: string): string[] {
  const end = today < plan.endDay ? today : plan.endDay;
  return end < plan.startDay ? [] : monthsOf({ startDay: plan.startDay, endDay: end }).reverse();
}

/** The plan running today, else the newest to have started. */
export function defaultPlan(plans: readonly CampaignPlan[], today: string): CampaignPlan | undefined {
  const started = plans.filter((plan) => plan.startDay <= today).sort((a, b) => b.startDay.localeCompare(a.startDay));
  return started.find((plan) => today <= plan.endDay) ?? started[0] ?? plans[0];
}
