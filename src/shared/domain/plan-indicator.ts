/**
 * An indicator of a campaign plan (chỉ tiêu): a label, a metric from the vocabulary
 * (plan-metric.ts), a target, the level it applies to, the period it is judged over, whether
 * commune police may give each team its own target (giao chỉ tiêu), and the paragraph of the
 * plan it comes from.
 */
import { z } from 'zod';
import { indicatorLevels, metricInfo, metricSchema, slugSchema, type MetricKind } from './plan-metric.ts';

/** Where in the source document a number is written: the paragraph and its words, verbatim. */
export const planSourceSchema = z.looseObject({
  /** The paragraph's number as the document writes it, e.g. "II.4.1". */
  paragraph: z.string().trim().max(60, 'Số đoạn quá dài (tối đa 60 ký tự)').default(''),
  /** The sentence that states the number, copied from the document. */
  quote: z.string().trim().max(2000, 'Trích dẫn quá dài (tối đa 2.000 ký tự)').default(''),
});
export type PlanSource = z.infer<typeof planSourceSchema>;

export const comparators = ['>=', '>', '<=', '<', '='] as const;
export type Comparator = (typeof comparators)[number];

/** percent: 0–100 of the share; count: a whole number; flag: done (1) or not (0). */
export const targetUnits = ['percent', 'count', 'flag'] as const;
export type TargetUnit = (typeof targetUnits)[number];

/** A target: the comparator and the value, in the unit the metric is judged in. */
export const targetSchema = z.looseObject({
  comparator: z.enum(comparators, { error: 'Chọn cách so sánh' }),
  value: z.number({ error: 'Nhập mục tiêu bằng một số' }).min(0, 'Mục tiêu không được âm').max(1_000_000, 'Mục tiêu quá lớn'),
  unit: z.enum(targetUnits, { error: 'Chọn đơn vị mục tiêu' }),
});
export type Target = z.infer<typeof targetSchema>;

/**
 * Periods an indicator is judged over: each phase (đợt), each calendar month, the calendar
 * year, the evaluation year (năm thi đua, 15/11 of the year before to 14/11), or the whole plan.
 */
export const indicatorPeriods = ['phase', 'month', 'year', 'evaluation-year', 'plan'] as const;
export type IndicatorPeriod = (typeof indicatorPeriods)[number];

/**
 * A target on a share of a share: "≥80% of units rated Trung bình or better, of which 50% Khá".
 * `of-parent` divides by the parent indicator's numerator (50% of the units rated); `of-all`
 * keeps the metric's own denominator (50% of all units). The plan records the reading it takes
 * where the wording leaves it open, and the editor can switch it.
 */
export const shareOfSchema = z.looseObject({
  indicatorId: slugSchema,
  reading: z.enum(['of-parent', 'of-all'], { error: 'Chọn cách hiểu tỷ lệ' }),
});
export type ShareOf = z.infer<typeof shareOfSchema>;

const unitOfKind: Record<MetricKind, Target['unit']> = { share: 'percent', count: 'count', flag: 'flag' };

/** An indicator; the rules tying its target, level and share-of-share to its metric give Vietnamese messages at the field. */
export const indicatorSchema = z
  .looseObject({
    id: slugSchema,
    label: z.string({ error: 'Nhập tên chỉ tiêu' }).trim().min(1, 'Nhập tên chỉ tiêu').max(300, 'Tên chỉ tiêu quá dài (tối đa 300 ký tự)'),
    metric: metricSchema,
    target: targetSchema,
    level: z.enum(indicatorLevels, { error: 'Chọn cấp áp dụng' }),
    period: z.enum(indicatorPeriods, { error: 'Chọn kỳ đánh giá' }),
    /** Commune police may give each team its own target (giao chỉ tiêu) for this indicator. */
    isAssignable: z.boolean().default(false),
    shareOf: shareOfSchema.nullable().default(null),
    source: planSourceSchema.default({ paragraph: '', quote: '' }),
  })
  .superRefine((indicator, ctx) => {
    const info = metricInfo[indicator.metric.type];
    const unit = unitOfKind[info.kind];
    if (indicator.target.unit !== unit) {
      const words = { percent: 'phần trăm (%)', count: 'số lượng', flag: 'đạt / không đạt' }[unit];
      ctx.addIssue({ code: 'custom', path: ['target', 'unit'], message: `Chỉ số này tính theo ${words}` });
    }
    if (unit === 'percent' && indicator.target.value > 100) {
      ctx.addIssue({ code: 'custom', path: ['target', 'value'], message: 'Tỷ lệ không quá 100%' });
    }
    if (unit !== 'percent' && !Number.isInteger(indicator.target.value)) {
      ctx.addIssue({ code: 'custom', path: ['target', 'value'], message: 'Mục tiêu phải là số nguyên' });
    }
    if (unit === 'flag' && (indicator.target.comparator !== '=' || indicator.target.value !== 1)) {
      ctx.addIssue({ code: 'custom', path: ['target', 'value'], message: 'Chỉ tiêu đạt / không đạt có mục tiêu “= 1” (đạt)' });
    }
    if (!info.levels.includes(indicator.level)) {
      ctx.addIssue({ code: 'custom', path: ['level'], message: 'Chỉ số này không tính được ở cấp đã chọn' });
    }
    if (indicator.shareOf && info.kind !== 'share') {
      ctx.addIssue({ code: 'custom', path: ['shareOf'], message: 'Chỉ chỉ tiêu tỷ lệ mới có thể là tỷ lệ của một tỷ lệ' });
    }
  });
export type Indicator = z.infer<typeof indicatorSchema>;
