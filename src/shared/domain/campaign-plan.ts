/**
 * Campaign plan (kế hoạch phong trào thi đua): phases and quantitative indicators, as data, so
 * that a province enters a new plan instead of a developer coding it (DOMAIN.md, "Other plans").
 */
import { z } from 'zod';
import { isoDaySchema } from './dates.ts';
import { UUID_PATTERN } from './ids.ts';

const uuid = z.string().regex(UUID_PATTERN);

/** Đợt: a phase with inclusive start and end days. */
export const campaignPhaseSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  startDay: isoDaySchema,
  endDay: isoDaySchema,
});
export type CampaignPhase = z.infer<typeof campaignPhaseSchema>;

/** The level an indicator is measured at. */
export const indicatorLevels = ['member', 'team', 'hamlet', 'commune', 'unit'] as const;

/**
 * An indicator the progress engine knows how to compute. `household-coverage`: households reached
 * by logs of `logKind` in the phase ÷ households in scope, against `threshold` (0..1).
 */
export const indicatorSchema = z.looseObject({
  id: z.string().min(1),
  type: z.literal('household-coverage'),
  label: z.string().min(1),
  logKind: z.literal('outreach'),
  level: z.enum(indicatorLevels),
  threshold: z.number().min(0).max(1),
  /** Where in the source plan the target is written, e.g. "Kế hoạch 000, §II.3.4". */
  source: z.string().default(''),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const campaignPlanSchema = z.looseObject({
  id: uuid,
  /** The org unit (province, commune) whose teams the plan applies to. */
  orgUnitId: uuid,
  name: z.string().min(1),
  phases: z.array(campaignPhaseSchema).min(1),
  indicators: z.array(indicatorSchema),
  updatedAt: z.string(),
});
export type CampaignPlan = z.infer<typeof campaignPlanSchema>;

/** The phase containing `day`, or null when the plan is not running that day. */
export function phaseOn(plan: CampaignPlan, day: string): CampaignPhase | null {
  return plan.phases.find((phase) => phase.startDay <= day && day <= phase.endDay) ?? null;
}
