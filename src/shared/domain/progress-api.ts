/**
 * The progress API: what the server computes or knows for progress screens, beside sync.
 *
 * - `memberSync`: when each member's phone last finished a sync (leaders: their team; commune
 *   police and province staff: the teams they supervise), for the completeness of a picture.
 * - `communes`: a plan's indicators for every commune of a province (or the commune police's own
 *   commune), aggregated by the server over the records, never pulled to a device.
 */
import { z } from 'zod';
import { isoDaySchema } from './dates.ts';
import { UUID_PATTERN } from './ids.ts';

const uuid = z.string().regex(UUID_PATTERN, 'Mã không hợp lệ');

export const progressPaths = {
  memberSync: '/api/progress/member-sync',
  communes: '/api/progress/communes',
} as const;

export const memberSyncQuerySchema = z.object({ teamId: uuid.optional() });

export const memberSyncResponseSchema = z.looseObject({
  /** The server's clock when it answered. */
  asOf: z.string(),
  members: z.array(z.looseObject({ userId: z.string(), teamId: z.string(), lastSyncAt: z.string().nullable() })),
});
export type MemberSyncResponse = z.infer<typeof memberSyncResponseSchema>;

export const communeProgressQuerySchema = z.object({
  planId: uuid,
  /** The day the results are seen on (default: today in Vietnam). */
  asOfDay: isoDaySchema.optional(),
  /** One period for every indicator (a phase, a month, a year); default: each indicator's running period. */
  periodKey: z.string().max(40).optional(),
});
export type CommuneProgressQuery = z.infer<typeof communeProgressQuerySchema>;

const statusSchema = z.enum(['met', 'on-track', 'at-risk', 'missed', 'no-data']);

export const communeResultSchema = z.looseObject({
  communeId: z.string(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  status: statusSchema,
  noDataReason: z.enum(['not-started', 'no-denominator', 'no-value']).nullable(),
  remaining: z.number().nullable(),
  projectionValue: z.number().nullable(),
});
export type CommuneResult = z.infer<typeof communeResultSchema>;

export const communeProgressResponseSchema = z.looseObject({
  planId: z.string(),
  planVersion: z.number(),
  asOfDay: z.string(),
  /** When the server computed it (ISO): the figures include every entry synced until then. */
  computedAt: z.string(),
  communes: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  indicators: z.array(z.looseObject({
    indicatorId: z.string(),
    period: z.looseObject({ key: z.string(), startDay: z.string(), endDay: z.string() }),
    results: z.array(communeResultSchema),
  })),
});
export type CommuneProgressResponse = z.infer<typeof communeProgressResponseSchema>;
