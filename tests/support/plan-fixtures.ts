// Campaign plans for tests, written as short as a person would type them: the shared schema
// fills the defaults (sources, empty lists), exactly as it does for a record a device receives.
import { campaignPlanSchema, type CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';

export interface PlanSketch {
  name?: string;
  orgUnitId?: string;
  startDay: string;
  endDay: string;
  phases: { id: string; name: string; startDay: string; endDay: string }[];
  indicators?: Record<string, unknown>[];
  manualInputs?: Record<string, unknown>[];
  planId?: string;
  version?: number;
  updatedAt?: string;
}

export function planOf(sketch: PlanSketch): CampaignPlan {
  const id = uuidv7();
  return campaignPlanSchema.parse({
    id,
    planId: sketch.planId ?? id,
    version: sketch.version ?? 1,
    orgUnitId: sketch.orgUnitId ?? uuidv7(),
    name: sketch.name ?? 'Kế hoạch thi đua',
    updatedAt: sketch.updatedAt ?? '2024-08-01T00:00:00.000Z',
    indicators: [],
    ...sketch,
  });
}

/** Seed 000 §II.3.4: households reached by outreach, ≥80%, judged per phase. */
export function householdIndicator(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'households-reached',
    label: 'Hộ gia đình được tuyên truyền',
    metric: { type: 'household-outreach-share' },
    target: { comparator: '>=', value: 80, unit: 'percent' },
    level: 'team',
    period: 'phase',
    ...overrides,
  };
}
