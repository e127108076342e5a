/**
 * The plan editor's draft: a plan's content as the form holds it. Days are the text a person
 * types (dd/MM/yyyy) and targets the digits they type, so a half-typed value stays on screen
 * until it is fixed; everything else is the content itself. Checking a draft converts it and
 * runs the shared plan schema, whose Vietnamese messages are shown beside each field by path
 * ("indicators.2.target.value"). Lists the form does not edit (deadlines, quotas, dossiers) are
 * carried through unchanged and edited in the JSON file.
 */
import type { z } from 'zod';
import vietnamese from 'zod/v4/locales/vi.js';
import { campaignPlanContentSchema, type CampaignPlanContent } from '#src/shared/domain/campaign-plan.ts';
import { formatDay, parseDisplayDay } from '#src/shared/domain/dates.ts';
import type { Indicator, Target } from '#src/shared/domain/plan-indicator.ts';
import { metricInfo, type Metric, type MetricKind, type MetricOf, type MetricType } from '#src/shared/domain/plan-metric.ts';

/** T with the types of U's fields (keeps T's other fields and its open index signature). */
type Replace<T, U> = { [K in keyof T]: K extends keyof U ? U[K] : T[K] };

export type PhaseDraft = CampaignPlanContent['phases'][number];
export type IndicatorDraft = Replace<Indicator, {
  metric: Metric | { type: '' };
  target: Replace<Target, { value: string }>;
}>;
export type PlanDraft = Replace<CampaignPlanContent, { issuedOn: string; phases: PhaseDraft[]; indicators: IndicatorDraft[] }>;

/** Field path ("phases.0.startDay") → the first message for it. */
export type DraftErrors = Record<string, string>;

const dayText = (day: string | null | undefined): string => (day ? formatDay(day) : '');
const dayOf = (text: string): string => parseDisplayDay(text) ?? text.trim();

export function draftOf(content: CampaignPlanContent): PlanDraft {
  return {
    ...content,
    startDay: dayText(content.startDay),
    endDay: dayText(content.endDay),
    issuedOn: dayText(content.issuedOn),
    phases: content.phases.map((phase) => ({ ...phase, startDay: dayText(phase.startDay), endDay: dayText(phase.endDay) })),
    indicators: content.indicators.map((indicator) => ({ ...indicator, target: { ...indicator.target, value: String(indicator.target.value) } })),
  };
}

/** The content the draft stands for, unchecked: what the schema checks and JSON export writes. */
export function contentOfDraft(draft: PlanDraft): Record<string, unknown> {
  const number = (text: string) => (/^\s*\d+([.,]\d+)?\s*$/.test(text) ? Number(text.replace(',', '.')) : text);
  return {
    ...draft,
    startDay: dayOf(draft.startDay),
    endDay: dayOf(draft.endDay),
    issuedOn: draft.issuedOn.trim() === '' ? null : dayOf(draft.issuedOn),
    phases: draft.phases.map((phase) => ({ ...phase, startDay: dayOf(phase.startDay), endDay: dayOf(phase.endDay) })),
    indicators: draft.indicators.map((indicator) => ({ ...indicator, target: { ...indicator.target, value: number(indicator.target.value) } })),
  };
}

let vietnameseErrors: z.core.$ZodErrorMap | null = null;

/** Checks content against the plan schema; messages the schema does not word come in Vietnamese. */
export function checkContent(content: unknown): { content: CampaignPlanContent; errors: null } | { content: null; errors: DraftErrors } {
  vietnameseErrors ??= vietnamese().localeError;
  const result = campaignPlanContentSchema.safeParse(content, { error: vietnameseErrors });
  if (result.success) return { content: result.data, errors: null };
  const errors: DraftErrors = {};
  for (const issue of result.error.issues) errors[issue.path.join('.') || '_'] ??= issue.message;
  return { content: null, errors };
}

export function checkDraft(draft: PlanDraft) {
  return checkContent(contentOfDraft(draft));
}

/** A fresh slug not among `taken`: "chi-tieu-3". */
export function freshId(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n += 1) if (!taken.includes(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

export function newPhase(draft: PlanDraft): PhaseDraft {
  return { id: freshId('dot', draft.phases.map((p) => p.id)), name: `Đợt ${draft.phases.length + 1}`, startDay: '', endDay: '', theme: '', source: { paragraph: '', quote: '' } };
}

export function newIndicator(draft: PlanDraft): IndicatorDraft {
  return {
    id: freshId('chi-tieu', draft.indicators.map((i) => i.id)), label: '', metric: { type: '' },
    target: { comparator: '>=', value: '', unit: 'percent' }, level: 'commune', period: 'phase',
    isAssignable: false, shareOf: null, source: { paragraph: '', quote: '' },
  };
}

/** Share, count or flag; null while no metric is chosen (or an imported file names an unknown one). */
export function metricKindOf(metric: IndicatorDraft['metric']): MetricKind | null {
  return Object.hasOwn(metricInfo, metric.type) ? metricInfo[metric.type as MetricType].kind : null;
}

const metricDefaults: { [Type in MetricType]: MetricOf<Type> } = {
  'household-outreach-share': { type: 'household-outreach-share' },
  'agency-staff-outreach-share': { type: 'agency-staff-outreach-share', staffKey: '' },
  'entry-count': { type: 'entry-count', entryKind: 'good-deed', addKey: null },
  'prompt-attendance-share': { type: 'prompt-attendance-share', entryKind: 'incident', incidentTypes: [] },
  'tip-forwarding-share': { type: 'tip-forwarding-share', receivedKey: '' },
  'patrol-participation-share': { type: 'patrol-participation-share' },
  'model-count': { type: 'model-count', modelKinds: [], isRecognisedOnly: false },
  'event-count': { type: 'event-count', event: 'reoffence' },
  'residence-info-share': { type: 'residence-info-share' },
  'manual-count': { type: 'manual-count', key: '' },
  'manual-share': { type: 'manual-share', numeratorKey: '', denominatorKey: '' },
  'manual-flag': { type: 'manual-flag', key: '' },
};

/** The indicator measuring `type` instead: the metric's defaults and the unit it is judged in. */
export function withMetricType(indicator: IndicatorDraft, type: MetricType | ''): IndicatorDraft {
  if (type === '') return { ...indicator, metric: { type: '' } };
  const kind = metricInfo[type].kind;
  const target = kind === 'flag'
    ? { comparator: '=' as const, value: '1', unit: 'flag' as const }
    : { ...indicator.target, unit: kind === 'share' ? ('percent' as const) : ('count' as const) };
  return { ...indicator, metric: { ...metricDefaults[type] }, target, shareOf: kind === 'share' ? indicator.shareOf : null };
}

export const emptyContent: CampaignPlanContent = {
  name: '', issuer: '', documentNumber: '', issuedOn: null, theme: '', startDay: '', endDay: '',
  periodSource: { paragraph: '', quote: '' }, phases: [], deadlines: [], manualInputs: [], indicators: [], commendationQuotas: [], dossiers: [],
};

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown): string => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));
const dayTextOf = (value: unknown): string => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value) : textOf(value));
const sourceOf = (value: unknown) => (isObject(value) ? { ...value, paragraph: textOf(value.paragraph), quote: textOf(value.quote) } : { paragraph: textOf(value), quote: '' });
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function importedIndicator(value: unknown, index: number): IndicatorDraft {
  const item = isObject(value) ? value : {};
  const target = isObject(item.target) ? item.target : {};
  const metric = isObject(item.metric) && typeof item.metric.type === 'string' ? item.metric : { type: '' };
  return {
    ...item,
    id: textOf(item.id ?? `chi-tieu-${index + 1}`), label: textOf(item.label), metric: metric as IndicatorDraft['metric'],
    target: { ...target, comparator: (target.comparator ?? '>=') as Target['comparator'], value: textOf(target.value), unit: (target.unit ?? 'percent') as Target['unit'] },
    level: textOf(item.level) as Indicator['level'], period: textOf(item.period) as Indicator['period'],
    isAssignable: item.isAssignable === true, shareOf: isObject(item.shareOf) ? (item.shareOf as Indicator['shareOf']) : null, source: sourceOf(item.source),
  };
}

/**
 * A draft from an imported JSON value, kept as close to the file as the form can show it
 * (wrong values stay, for the schema to mark); null when it is not a plan at all.
 */
export function draftFromJson(value: unknown): PlanDraft | null {
  if (!isObject(value) || !Array.isArray(value.phases) || !('name' in value)) return null;
  return {
    ...emptyContent,
    ...value,
    name: textOf(value.name), issuer: textOf(value.issuer), documentNumber: textOf(value.documentNumber), theme: textOf(value.theme),
    issuedOn: dayTextOf(value.issuedOn), startDay: dayTextOf(value.startDay), endDay: dayTextOf(value.endDay), periodSource: sourceOf(value.periodSource),
    phases: value.phases.map((phase) => {
      const item = isObject(phase) ? phase : {};
      return { ...item, id: textOf(item.id), name: textOf(item.name), startDay: dayTextOf(item.startDay), endDay: dayTextOf(item.endDay), theme: textOf(item.theme), source: sourceOf(item.source) };
    }),
    manualInputs: listOf(value.manualInputs).map((input) => {
      const item = isObject(input) ? input : {};
      return { ...item, key: textOf(item.key), label: textOf(item.label), aggregation: (item.aggregation ?? 'latest') as 'sum' | 'latest' };
    }),
    indicators: listOf(value.indicators).map(importedIndicator),
    deadlines: listOf(value.deadlines) as PlanDraft['deadlines'],
    commendationQuotas: listOf(value.commendationQuotas) as PlanDraft['commendationQuotas'],
    dossiers: listOf(value.dossiers) as PlanDraft['dossiers'],
  };
}
