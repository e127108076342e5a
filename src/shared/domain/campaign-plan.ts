/**
 * Campaign plan (kế hoạch phong trào thi đua) as data, so that a province enters a new plan
 * instead of a developer coding it (DOMAIN.md, "Other plans"): who issued it and its number, the
 * org unit it covers, its period and phases (đợt), deadlines, the values people enter by hand,
 * the indicators (plan-indicator.ts), and commendation quotas and dossiers.
 *
 * Versions: every publication is a record of its own with the same `planId` and `version` + 1,
 * and published versions are never rewritten, so results computed with an older version (they
 * name it) can always be shown against the indicators they were computed with.
 */
import { z } from 'zod';
import { isoDaySchema } from './dates.ts';
import { UUID_PATTERN } from './ids.ts';
import { indicatorLevels, manualKeysOf, slugSchema } from './plan-metric.ts';
import { indicatorSchema, planSourceSchema, type Indicator } from './plan-indicator.ts';
import { upgradeLegacyPlan } from './campaign-plan-legacy.ts';

const uuid = z.string().regex(UUID_PATTERN);
const day = isoDaySchema;
const text = (max: number, required: string | null = null) => {
  const base = z.string({ error: required ?? 'Nhập chữ' }).trim().max(max, `Quá dài (tối đa ${max} ký tự)`);
  return required ? base.min(1, required) : base.default('');
};

/** Đợt: a phase with inclusive start and end days and its theme (chủ đề, khẩu hiệu). */
export const campaignPhaseSchema = z.looseObject({
  id: slugSchema,
  name: text(120, 'Nhập tên đợt'),
  startDay: day,
  endDay: day,
  theme: text(1000),
  source: planSourceSchema.default({ paragraph: '', quote: '' }),
});
export type CampaignPhase = z.infer<typeof campaignPhaseSchema>;

/** A deadline: on a day, on the same day every year (`MM-dd`), or at the end of each phase. */
export const deadlineSchema = z.looseObject({
  id: slugSchema,
  kind: z.enum(['registration', 'report', 'assessment', 'other'], { error: 'Chọn loại thời hạn' }),
  label: text(300, 'Nhập nội dung thời hạn'),
  level: z.enum(indicatorLevels, { error: 'Chọn cấp thực hiện' }),
  due: z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('day'), day }),
    z.looseObject({ type: z.literal('every-year'), monthDay: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Ngày trong năm không hợp lệ') }),
    z.looseObject({ type: z.literal('phase-end') }),
  ], { error: 'Chọn hạn' }),
  source: planSourceSchema.default({ paragraph: '', quote: '' }),
});
export type Deadline = z.infer<typeof deadlineSchema>;

/**
 * A value an authorised person enters for a unit or team and a span of days (manual-value.ts),
 * named by `key`. `sum`: values of consecutive spans add up (tips received each month);
 * `latest`: the value is a state, the newest one counts (units rated at year end).
 */
export const manualInputSchema = z.looseObject({
  key: slugSchema,
  label: text(300, 'Nhập tên số liệu'),
  aggregation: z.enum(['sum', 'latest'], { error: 'Chọn cách cộng dồn' }),
});
export type ManualInput = z.infer<typeof manualInputSchema>;

const limit = z.number({ error: 'Nhập một số' }).int('Phải là số nguyên').min(0, 'Không được âm').max(100_000).nullable().default(null);

/** Commendation quota (số lượng khen thưởng): how many may be proposed for one award. */
export const commendationQuotaSchema = z.looseObject({
  id: slugSchema,
  award: text(300, 'Nhập hình thức khen thưởng'),
  maxCollectives: limit,
  maxIndividuals: limit,
  /** Most leaders (deputy head of division and above) may make up of the individuals proposed. */
  maxLeaderSharePercent: z.number({ error: 'Nhập một số' }).min(0).max(100, 'Tỷ lệ không quá 100%').nullable().default(null),
  source: planSourceSchema.default({ paragraph: '', quote: '' }),
});
export type CommendationQuota = z.infer<typeof commendationQuotaSchema>;

/** Dossier (hồ sơ): the documents a proposal needs, and how many sets. */
export const dossierSchema = z.looseObject({
  id: slugSchema,
  purpose: text(300, 'Nhập mục đích hồ sơ'),
  documents: z.array(text(300, 'Nhập tên giấy tờ')).max(30).default([]),
  copies: limit,
  source: planSourceSchema.default({ paragraph: '', quote: '' }),
});
export type Dossier = z.infer<typeof dossierSchema>;

/** What a plan says: everything but the record's identity (templates and JSON files hold this). */
const contentShape = {
  name: text(300, 'Nhập tên kế hoạch'),
  /** Who issued it, e.g. "UBND tỉnh Đăk Nông". */
  issuer: text(200),
  /** Its number, e.g. "591/KH-UBND". */
  documentNumber: text(60),
  issuedOn: day.nullable().default(null),
  /** The campaign's theme or slogan (chủ đề). */
  theme: text(1000),
  startDay: day,
  endDay: day,
  periodSource: planSourceSchema.default({ paragraph: '', quote: '' }),
  phases: z.array(campaignPhaseSchema).min(1, 'Kế hoạch cần ít nhất một đợt').max(24),
  deadlines: z.array(deadlineSchema).max(50).default([]),
  manualInputs: z.array(manualInputSchema).max(100).default([]),
  indicators: z.array(indicatorSchema).max(100).default([]),
  commendationQuotas: z.array(commendationQuotaSchema).max(20).default([]),
  dossiers: z.array(dossierSchema).max(20).default([]),
};

const recordShape = {
  /** This version's record id. */
  id: uuid,
  /** The plan across its versions (the first version's id). */
  planId: uuid,
  version: z.number().int().min(1),
  /** The org unit (province, commune) whose teams and units the plan applies to. */
  orgUnitId: uuid,
  /** The seed template it started from, if any. */
  templateId: z.string().max(64).nullable().default(null),
  updatedAt: z.string(),
};

type PlanContentShape = z.infer<z.ZodObject<typeof contentShape>>;

/** A plan's content (templates, JSON files, the editor), with the plan-wide rules: phases in order inside the period, unique ids, declared inputs, share-of-share parents. */
export const campaignPlanContentSchema = z.looseObject(contentShape).superRefine(checkPlan);
export type CampaignPlanContent = z.infer<typeof campaignPlanContentSchema>;

/** A published plan version, as synced (collection `campaignPlan`, scope `unit:<orgUnitId>`). */
export const campaignPlanSchema = z.preprocess(
  upgradeLegacyPlan,
  z.looseObject({ ...contentShape, ...recordShape }).superRefine(checkPlan),
);
export type CampaignPlan = z.infer<typeof campaignPlanSchema>;

function checkPlan(plan: PlanContentShape, ctx: z.RefinementCtx): void {
  if (plan.endDay < plan.startDay) ctx.addIssue({ code: 'custom', path: ['endDay'], message: 'Ngày kết thúc phải sau ngày bắt đầu' });
  checkPhases(plan, ctx);
  checkUnique(plan.indicators.map((i) => i.id), 'indicators', 'Mã chỉ tiêu bị trùng', ctx);
  checkUnique(plan.manualInputs.map((i) => i.key), 'manualInputs', 'Mã số liệu bị trùng', ctx, 'key');
  const keys = new Set(plan.manualInputs.map((input) => input.key));
  plan.indicators.forEach((indicator, index) => {
    for (const key of manualKeysOf(indicator.metric)) {
      if (!keys.has(key)) ctx.addIssue({ code: 'custom', path: ['indicators', index, 'metric'], message: `Số liệu “${key}” chưa có trong danh sách số liệu nhập tay` });
    }
    checkShareOf(plan.indicators, index, ctx);
  });
}

function checkPhases(plan: PlanContentShape, ctx: z.RefinementCtx): void {
  checkUnique(plan.phases.map((p) => p.id), 'phases', 'Mã đợt bị trùng', ctx);
  plan.phases.forEach((phase, index) => {
    const at = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: ['phases', index, field], message });
    if (phase.endDay < phase.startDay) at('endDay', 'Ngày kết thúc đợt phải sau ngày bắt đầu');
    if (phase.startDay < plan.startDay) at('startDay', 'Đợt bắt đầu trước khi kế hoạch bắt đầu');
    if (phase.endDay > plan.endDay) at('endDay', 'Đợt kết thúc sau khi kế hoạch kết thúc');
    const previous = plan.phases[index - 1];
    if (previous && phase.startDay <= previous.endDay) at('startDay', 'Đợt phải bắt đầu sau khi đợt trước kết thúc');
  });
}

function checkUnique(values: string[], list: string, message: string, ctx: z.RefinementCtx, field = 'id'): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [list, index, field], message });
    seen.add(value);
  });
}

/** The parent must exist, be a share, and the chain of parents must not loop. */
function checkShareOf(indicators: readonly Indicator[], index: number, ctx: z.RefinementCtx): void {
  const indicator = indicators[index]!;
  if (!indicator.shareOf) return;
  const byId = new Map(indicators.map((candidate) => [candidate.id, candidate]));
  const parent = byId.get(indicator.shareOf.indicatorId);
  const at = (message: string) => ctx.addIssue({ code: 'custom', path: ['indicators', index, 'shareOf', 'indicatorId'], message });
  if (!parent) return at('Không có chỉ tiêu mẹ với mã này');
  const seen = new Set([indicator.id]);
  for (let current: Indicator | undefined = parent; current; current = current.shareOf ? byId.get(current.shareOf.indicatorId) : undefined) {
    if (seen.has(current.id)) return at('Các chỉ tiêu không được là tỷ lệ của nhau theo vòng tròn');
    seen.add(current.id);
  }
}

/** The phase containing `day`, or null when the plan is not running that day. */
export function phaseOn(plan: Pick<CampaignPlanContent, 'phases'>, day: string): CampaignPhase | null {
  return plan.phases.find((phase) => phase.startDay <= day && day <= phase.endDay) ?? null;
}

/** The plan's content: what templates, JSON files and the editor hold. */
export function contentOf(plan: CampaignPlan): CampaignPlanContent {
  const { id: _id, planId: _planId, version: _version, orgUnitId: _unit, templateId: _template, updatedAt: _at, ...content } = plan;
  return content;
}

/**
 * The newest version of each plan among `plans` (older versions are kept for their results).
 * Two admins publishing offline may both number a version N + 1: the later publication wins.
 */
export function latestVersions<Plan extends Pick<CampaignPlan, 'planId' | 'version' | 'updatedAt'>>(plans: Iterable<Plan>): Plan[] {
  const newest = new Map<string, Plan>();
  for (const plan of plans) {
    const current = newest.get(plan.planId);
    const isNewer = !current || plan.version > current.version || (plan.version === current.version && plan.updatedAt > current.updatedAt);
    if (isNewer) newest.set(plan.planId, plan);
  }
  return [...newest.values()];
}
