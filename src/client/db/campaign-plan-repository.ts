/**
 * Reading campaign plans (kế hoạch thi đua) on the device. Plans arrive by pull, scoped to the
 * user's commune and province (or from this device's plan editor, through putRecord); a device
 * holds a handful of plan versions, so they are read whole.
 *
 * Records are read through the shared plan schema: it upgrades plans published before plans
 * were versioned, and a record it refuses (written by a newer app) is left out instead of
 * breaking the screens that read plans.
 */
import { campaignPlanSchema, latestVersions, type CampaignPlan, type CampaignPlanContent } from '#src/shared/domain/campaign-plan.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { Indicator } from '#src/shared/domain/plan-indicator.ts';
import type { MetricType } from '#src/shared/domain/plan-metric.ts';
import type { AnttDatabase } from './database.ts';
import { useDbQuery } from './database-context.tsx';
import { putRecord } from './record-repository.ts';

async function readPlans(db: AnttDatabase): Promise<CampaignPlan[]> {
  const rows: unknown[] = await db.campaignPlan.toArray();
  return rows.flatMap((row) => {
    const parsed = campaignPlanSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The newest version of every plan on the device, most recently published first. */
export async function listCurrentPlans(db: AnttDatabase): Promise<CampaignPlan[]> {
  return latestVersions(await readPlans(db)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Every stored version of one plan, newest first. */
export async function listPlanVersions(db: AnttDatabase, planId: string): Promise<CampaignPlan[]> {
  return (await readPlans(db)).filter((plan) => plan.planId === planId).sort((a, b) => b.version - a.version);
}

/** A plan running on a given day with an indicator of the wanted metric. */
export interface RunningIndicator {
  plan: CampaignPlan;
  indicator: Indicator;
}

/**
 * The newest plan running on `day` (within its period) that has an indicator of `metricType`,
 * with that indicator; null when none does. When several do (a province and a commune plan),
 * the most recently published wins.
 */
export async function findRunningIndicator(db: AnttDatabase, day: string, metricType: MetricType): Promise<RunningIndicator | null> {
  for (const plan of await listCurrentPlans(db)) {
    if (day < plan.startDay || day > plan.endDay) continue;
    const indicator = plan.indicators.find((candidate) => candidate.metric.type === metricType);
    if (indicator) return { plan, indicator };
  }
  return null;
}

/** A plan version to publish: its content, and whose plan and which unit it is. */
export interface PlanPublication {
  content: CampaignPlanContent;
  /** The plan to publish a new version of, or null for a new plan. */
  planId: string | null;
  orgUnitId: string;
  templateId: string | null;
  now?: Date;
}

/**
 * Publishes a plan version: a new record (never an edit of a published one), numbered after the
 * newest version on this device, stored with its outbox entry in one transaction (putRecord)
 * and pushed with the next sync. Throws RecordValidationError when the schema refuses it.
 */
export async function publishPlanVersion(db: AnttDatabase, publication: PlanPublication): Promise<CampaignPlan> {
  const now = publication.now ?? new Date();
  const id = uuidv7(now.getTime());
  const planId = publication.planId ?? id;
  const newest = publication.planId ? (await listPlanVersions(db, planId))[0] : undefined;
  const record = {
    ...publication.content, id, planId, version: (newest?.version ?? 0) + 1,
    orgUnitId: publication.orgUnitId, templateId: publication.templateId, updatedAt: now.toISOString(),
  };
  return putRecord(db, 'campaignPlan', record, now);
}

/** Live newest versions of the device's plans; undefined while loading. */
export function useCurrentPlans(): CampaignPlan[] | undefined {
  return useDbQuery((db) => listCurrentPlans(db), []);
}

/** Live versions of one plan, newest first; undefined while loading. */
export function usePlanVersions(planId: string): CampaignPlan[] | undefined {
  return useDbQuery((db) => listPlanVersions(db, planId), [planId]);
}
