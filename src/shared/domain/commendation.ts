/**
 * Commendation proposals (đề nghị khen thưởng) and exemplary-unit registrations (đăng ký xây
 * dựng điển hình) as synced records: commune police or province staff build a list from the
 * campaign's results, check it against the plan's quota (commendationQuotas: most collectives,
 * most individuals, the leaders' share of the individuals) and tick the dossier's documents.
 *
 * - `award`: nominees are collectives (teams, units) and individuals, for one quota of the plan;
 * - `exemplary`: nominees are units registering to become exemplary in a year; seed 002 asks
 *   at least one commune and one agency, enterprise or school per unit per year.
 *
 * Synced as collection `commendation`, scope `unit:<orgUnitId>`, written by those who publish
 * plans for that unit (server write-rules.ts, like campaignPlan).
 */
import { z } from 'zod';
import type { CommendationQuota } from './campaign-plan.ts';
import { UUID_PATTERN } from './ids.ts';
import { slugSchema } from './plan-metric.ts';

const uuid = z.string().regex(UUID_PATTERN, 'Mã không hợp lệ');

export const nomineeSubjects = ['collective', 'individual', 'unit'] as const;
export type NomineeSubject = (typeof nomineeSubjects)[number];

/** Kinds of unit an exemplary registration names. */
export const exemplaryUnitKinds = ['commune', 'agency', 'enterprise', 'school'] as const;

export const nomineeSchema = z.looseObject({
  subject: z.enum(nomineeSubjects),
  /** The team, account or org unit proposed. */
  refId: uuid,
  name: z.string().trim().min(1, 'Nhập tên').max(200, 'Tên quá dài (tối đa 200 ký tự)'),
  /** The unit's kind (exemplary registrations). */
  unitKind: z.enum(exemplaryUnitKinds).nullable().default(null),
  /** A leader or manager (the quota caps their share of the individuals). */
  isLeader: z.boolean().default(false),
  /** Why: the results that earn it (written from the indicators, editable). */
  achievements: z.string().trim().max(2000, 'Quá dài (tối đa 2.000 ký tự)').default(''),
});
export type Nominee = z.infer<typeof nomineeSchema>;

export const commendationSchema = z.looseObject({
  id: uuid,
  /** The plan across its versions. */
  planId: uuid,
  orgUnitId: uuid,
  kind: z.enum(['award', 'exemplary']),
  /** A period key of the plan (plan-period.ts): a phase or a year. */
  periodKey: z.string().min(1).max(40),
  /** The plan's commendation quota this list is for (awards); null for registrations. */
  quotaId: slugSchema.nullable().default(null),
  nominees: z.array(nomineeSchema).max(500, 'Tối đa 500 đề nghị trong một danh sách'),
  /** The dossier's documents (the plan's `dossiers`), each ticked when ready. */
  dossier: z.array(z.looseObject({ document: z.string().max(300), isReady: z.boolean() })).max(30).default([]),
  preparedBy: uuid,
  updatedAt: z.string(),
});
export type Commendation = z.infer<typeof commendationSchema>;

/** One way a list breaks its quota, with the numbers to show. */
export type QuotaProblem =
  | { kind: 'too-many-collectives'; count: number; limit: number }
  | { kind: 'too-many-individuals'; count: number; limit: number }
  | { kind: 'leader-share'; leaders: number; individuals: number; maxPercent: number; maxLeaders: number }
  | { kind: 'missing-commune' }
  | { kind: 'missing-agency' };

/** How the nominees stand against a quota: the problems, none when the list may go. */
export function checkQuota(nominees: readonly Pick<Nominee, 'subject' | 'isLeader'>[], quota: Pick<CommendationQuota, 'maxCollectives' | 'maxIndividuals' | 'maxLeaderSharePercent'>): QuotaProblem[] {
  const problems: QuotaProblem[] = [];
  const collectives = nominees.filter((n) => n.subject === 'collective').length;
  const individuals = nominees.filter((n) => n.subject === 'individual');
  if (quota.maxCollectives !== null && collectives > quota.maxCollectives) problems.push({ kind: 'too-many-collectives', count: collectives, limit: quota.maxCollectives });
  if (quota.maxIndividuals !== null && individuals.length > quota.maxIndividuals) problems.push({ kind: 'too-many-individuals', count: individuals.length, limit: quota.maxIndividuals });
  const leaders = individuals.filter((n) => n.isLeader).length;
  if (quota.maxLeaderSharePercent !== null && leaders > 0) {
    // "không quá 40% tổng số cá nhân": whole people, so 40% of 15 allows 6, of 7 allows 2.
    const maxLeaders = Math.floor((quota.maxLeaderSharePercent * individuals.length) / 100 + 1e-9);
    if (leaders > maxLeaders) problems.push({ kind: 'leader-share', leaders, individuals: individuals.length, maxPercent: quota.maxLeaderSharePercent, maxLeaders });
  }
  return problems;
}

/** An exemplary registration needs at least one commune and one agency, enterprise or school. */
export function checkExemplary(nominees: readonly Pick<Nominee, 'unitKind'>[]): QuotaProblem[] {
  const problems: QuotaProblem[] = [];
  if (!nominees.some((n) => n.unitKind === 'commune')) problems.push({ kind: 'missing-commune' });
  if (!nominees.some((n) => n.unitKind !== null && n.unitKind !== 'commune')) problems.push({ kind: 'missing-agency' });
  return problems;
}
