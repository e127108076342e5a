/**
 * What a plan's indicator measures (chỉ số): a small vocabulary the progress engine
 * (src/shared/progress) knows how to compute, so a province enters a new plan as data instead
 * of a developer coding it. Each metric is a share (a numerator over a denominator, judged in
 * percent), a count, or a flag (done or not, entered by an authorised person).
 *
 * Values people enter (manual values, src/shared/domain/manual-value.ts) are named by a key the
 * plan declares in `manualInputs`; metrics refer to those keys.
 */
import { z } from 'zod';

/** A stable slug: ids of indicators and phases, keys of manual inputs. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug as the plan's ids and keys use it, with the Vietnamese message a person needs to fix it. */
export const slugSchema = z
  .string({ error: 'Nhập mã' })
  .trim()
  .min(1, 'Nhập mã')
  .max(64, 'Mã quá dài (tối đa 64 ký tự)')
  .regex(SLUG_PATTERN, 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ ho-duoc-tuyen-truyen');

/**
 * Entry kinds an indicator may count: the nine kinds of the `fieldLog` collection
 * (src/shared/domain/field-log.ts composes their schemas; this list names them for plans).
 */
export const countableEntryKinds = [
  'outreach',
  'patrol',
  'incident',
  'tip',
  'mobilisation',
  'residence-report',
  'reintegration-visit',
  'good-deed',
  'model',
] as const;
export type CountableEntryKind = (typeof countableEntryKinds)[number];

/** Incident types (incident.ts `incidentType`) a prompt-attendance indicator may select. */
export const incidentTypes = ['security-order', 'traffic', 'fire', 'rescue', 'dispute', 'other'] as const;
export type IncidentType = (typeof incidentTypes)[number];

/** Model kinds (model.ts `modelKind`) a model count may select. */
export const modelKinds = ['crime-prevention', 'self-management', 'fire-safety', 'traffic-safety', 'other'] as const;
export type ModelKind = (typeof modelKinds)[number];

/** Events that must not happen: counted from entries, judged against a target of 0. */
export const countedEvents = ['reoffence', 'serious-traffic-accident'] as const;
export type CountedEvent = (typeof countedEvents)[number];

const key = slugSchema;

/** A metric of the vocabulary, told apart by `type`, with its parameters. */
export const metricSchema = z.discriminatedUnion('type', [
  /** Households reached by outreach ÷ households in scope (merged duplicates count as one). */
  z.looseObject({ type: z.literal('household-outreach-share') }),
  /** An agency's staff or students reached by outreach to it ÷ its staff (a manual value). */
  z.looseObject({ type: z.literal('agency-staff-outreach-share'), staffKey: key }),
  /** Entries of one kind; `addKey` adds a manual value (e.g. members commended besides good deeds). */
  z.looseObject({
    type: z.literal('entry-count'),
    entryKind: z.enum(countableEntryKinds, { error: 'Chọn loại nhật ký' }),
    addKey: key.nullable().default(null),
  }),
  /** Incidents (of the selected types; none selected = all) or mobilisations attended promptly ÷ all. */
  z.looseObject({
    type: z.literal('prompt-attendance-share'),
    entryKind: z.enum(['incident', 'mobilisation'], { error: 'Chọn vụ việc hoặc huy động' }),
    incidentTypes: z.array(z.enum(incidentTypes)).default([]),
  }),
  /** Residents' tips the force passed to commune police ÷ all tips commune police received (manual). */
  z.looseObject({ type: z.literal('tip-forwarding-share'), receivedKey: key }),
  /** Members who took part in at least one patrol ÷ members in scope. */
  z.looseObject({ type: z.literal('patrol-participation-share') }),
  /** Models running by the end of the period (of the selected kinds; optionally only recognised ones). */
  z.looseObject({
    type: z.literal('model-count'),
    modelKinds: z.array(z.enum(modelKinds)).default([]),
    isRecognisedOnly: z.boolean().default(false),
  }),
  /** Events that must stay at zero: people who re-offended, serious traffic accidents. */
  z.looseObject({ type: z.literal('event-count'), event: z.enum(countedEvents, { error: 'Chọn loại sự việc' }) }),
  /** Households whose residence information reached commune police ÷ households in scope. */
  z.looseObject({ type: z.literal('residence-info-share') }),
  /** A count entered by an authorised person (e.g. businesses in violation). */
  z.looseObject({ type: z.literal('manual-count'), key }),
  /** A share of two entered values (e.g. units recognised "An toàn về ANTT" ÷ units). */
  z.looseObject({ type: z.literal('manual-share'), numeratorKey: key, denominatorKey: key }),
  /** Done or not (1 or 0), entered by an authorised person (e.g. the agency reached the standard). */
  z.looseObject({ type: z.literal('manual-flag'), key }),
], { error: 'Chọn loại chỉ số' });
export type Metric = z.infer<typeof metricSchema>;
export type MetricType = Metric['type'];
export type MetricOf<Type extends MetricType> = Extract<Metric, { type: Type }>;

/** Levels an indicator applies to, from a member up to the province, and agencies apart. */
export const indicatorLevels = ['member', 'team', 'hamlet', 'commune', 'district', 'province', 'agency'] as const;
export type IndicatorLevel = (typeof indicatorLevels)[number];

/** How a metric is judged: a share in percent, a count, or a flag (reached or not). */
export type MetricKind = 'share' | 'count' | 'flag';

/**
 * How a metric's value moves within a period, which decides its projection:
 * - `accumulating`: grows as work is logged (households reached, entries), so the value at the
 *   end of the period is projected from the pace so far;
 * - `current`: a rate or a state (prompt attendance, entered values), projected as it stands.
 */
export type MetricGrowth = 'accumulating' | 'current';

export interface MetricInfo {
  kind: MetricKind;
  levels: readonly IndicatorLevel[];
  growth: MetricGrowth;
}

const areas = ['team', 'hamlet', 'commune', 'district', 'province'] as const;
const withMember = ['member', ...areas] as const;
const units = ['team', 'hamlet', 'commune', 'district', 'province', 'agency'] as const;

/** For each metric: its kind, the levels it can be computed at, and how it grows. */
export const metricInfo: Record<MetricType, MetricInfo> = {
  'household-outreach-share': { kind: 'share', levels: withMember, growth: 'accumulating' },
  'agency-staff-outreach-share': { kind: 'share', levels: ['agency'], growth: 'accumulating' },
  'entry-count': { kind: 'count', levels: withMember, growth: 'accumulating' },
  'prompt-attendance-share': { kind: 'share', levels: withMember, growth: 'current' },
  'tip-forwarding-share': { kind: 'share', levels: ['commune', 'district', 'province'], growth: 'current' },
  'patrol-participation-share': { kind: 'share', levels: areas, growth: 'accumulating' },
  'model-count': { kind: 'count', levels: areas, growth: 'current' },
  'event-count': { kind: 'count', levels: areas, growth: 'accumulating' },
  'residence-info-share': { kind: 'share', levels: withMember, growth: 'accumulating' },
  'manual-count': { kind: 'count', levels: units, growth: 'current' },
  'manual-share': { kind: 'share', levels: units, growth: 'current' },
  'manual-flag': { kind: 'flag', levels: units, growth: 'current' },
};

export const metricTypes = Object.keys(metricInfo) as MetricType[];

/** The manual input keys a metric reads (declared in the plan's `manualInputs`). */
export function manualKeysOf(metric: Metric): string[] {
  switch (metric.type) {
    case 'agency-staff-outreach-share':
      return [metric.staffKey];
    case 'entry-count':
      return metric.addKey ? [metric.addKey] : [];
    case 'tip-forwarding-share':
      return [metric.receivedKey];
    case 'manual-count':
    case 'manual-flag':
      return [metric.key];
    case 'manual-share':
      return [metric.numeratorKey, metric.denominatorKey];
    default:
      return [];
  }
}
