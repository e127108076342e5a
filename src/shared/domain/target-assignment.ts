/**
 * A team's own target (giao chỉ tiêu): commune police give a team a target for an indicator the
 * plan marks `isAssignable`, for one period or for every period of the indicator. The team's
 * progress is then judged against it (with the plan's comparator) instead of the plan's value.
 *
 * Synced as collection `targetAssignment`, scope `team:<teamId>`: the team sees its targets.
 */
import { z } from 'zod';
import { UUID_PATTERN } from './ids.ts';
import { slugSchema } from './plan-metric.ts';

const uuid = z.string().regex(UUID_PATTERN);

/** A team's own target for one indicator of a plan. */
export const targetAssignmentSchema = z.looseObject({
  id: uuid,
  /** The plan across its versions (campaign-plan.ts `planId`). */
  planId: uuid,
  indicatorId: slugSchema,
  teamId: uuid,
  /** The team's commune. */
  orgUnitId: uuid,
  /** A period key (plan-period.ts), or null for every period of the indicator. */
  periodKey: z.string().max(40).nullable().default(null),
  /** In the indicator's unit: percent (0–100) or a count. */
  value: z.number({ error: 'Nhập chỉ tiêu bằng một số' }).min(0, 'Chỉ tiêu không được âm').max(1_000_000, 'Chỉ tiêu quá lớn'),
  note: z.string().trim().max(1000, 'Ghi chú quá dài (tối đa 1.000 ký tự)').default(''),
  assignedBy: uuid,
  updatedAt: z.string(),
});
export type TargetAssignment = z.infer<typeof targetAssignmentSchema>;
