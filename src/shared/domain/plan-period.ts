/**
 * The periods an indicator is judged over, as named spans of Vietnamese calendar days:
 * - `phase:<phaseId>`: a phase (đợt) of the plan;
 * - `month:2025-03`: a calendar month, clipped to the plan's period (a campaign that starts on
 *   19/08 judges 19–31/08 as its first month);
 * - `year:2025`: the calendar year;
 * - `evaluation-year:2025`: the emulation year (năm thi đua) 15/11/2024 – 14/11/2025;
 * - `plan`: the plan's whole period.
 * Years and evaluation years are whole: their results may count work before or after the plan.
 * Days are `yyyy-MM-dd` strings and compare as strings.
 */
import type { CampaignPlanContent } from './campaign-plan.ts';
import type { IndicatorPeriod } from './plan-indicator.ts';

export interface PeriodSpan {
  key: string;
  kind: IndicatorPeriod;
  startDay: string;
  endDay: string;
}

type PlanDays = Pick<CampaignPlanContent, 'startDay' | 'endDay' | 'phases'>;

const DAY_MS = 86_400_000;

function toUtc(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted: 1 when they are the same day, 0 when `to` is before. */
export function daysInclusive(from: string, to: string): number {
  return Math.max(0, Math.round((toUtc(to) - toUtc(from)) / DAY_MS) + 1);
}

/** The day `count` days after `day` (before it when negative). */
export function addDays(day: string, count: number): string {
  return fromUtc(toUtc(day) + count * DAY_MS);
}

function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return fromUtc(Date.UTC(year, monthNumber, 0));
}

function clip(span: PeriodSpan, plan: PlanDays): PeriodSpan {
  return { ...span, startDay: span.startDay < plan.startDay ? plan.startDay : span.startDay, endDay: span.endDay > plan.endDay ? plan.endDay : span.endDay };
}

/** The evaluation year (năm thi đua) that `day` falls in: from 15/11 it is the next year's. */
export function evaluationYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return day.slice(5) >= '11-15' ? year + 1 : year;
}

/** The span a key names for this plan, or null when the key is malformed or names no phase. */
export function periodByKey(plan: PlanDays, key: string): PeriodSpan | null {
  if (key === 'plan') return { key, kind: 'plan', startDay: plan.startDay, endDay: plan.endDay };
  const [kind, value = ''] = key.split(/:(.*)/s) as [string, string | undefined];
  if (kind === 'phase') {
    const phase = plan.phases.find((candidate) => candidate.id === value);
    return phase ? { key, kind: 'phase', startDay: phase.startDay, endDay: phase.endDay } : null;
  }
  if (kind === 'month' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
    return clip({ key, kind: 'month', startDay: `${value}-01`, endDay: lastDayOfMonth(value) }, plan);
  }
  if (kind === 'year' && /^\d{4}$/.test(value)) return { key, kind: 'year', startDay: `${value}-01-01`, endDay: `${value}-12-31` };
  if (kind === 'evaluation-year' && /^\d{4}$/.test(value)) {
    return { key, kind: 'evaluation-year', startDay: `${Number(value) - 1}-11-15`, endDay: `${value}-11-14` };
  }
  return null;
}

/** The period of this kind containing `day`, or null when none of the plan's periods does. */
export function periodContaining(plan: PlanDays, kind: IndicatorPeriod, day: string): PeriodSpan | null {
  const span = spanContaining(plan, kind, day);
  return span && span.endDay >= plan.startDay && span.startDay <= plan.endDay ? span : null;
}

function spanContaining(plan: PlanDays, kind: IndicatorPeriod, day: string): PeriodSpan | null {
  switch (kind) {
    case 'plan':
      return periodByKey(plan, 'plan');
    case 'phase': {
      const phase = plan.phases.find((candidate) => candidate.startDay <= day && day <= candidate.endDay);
      return phase ? periodByKey(plan, `phase:${phase.id}`) : null;
    }
    case 'month':
      return day < plan.startDay || day > plan.endDay ? null : periodByKey(plan, `month:${day.slice(0, 7)}`);
    case 'year':
      return periodByKey(plan, `year:${day.slice(0, 4)}`);
    case 'evaluation-year':
      return periodByKey(plan, `evaluation-year:${evaluationYearOf(day)}`);
  }
}

/** Every period of this kind that overlaps the plan, in order. */
export function periodsOf(plan: PlanDays, kind: IndicatorPeriod): PeriodSpan[] {
  if (kind === 'phase') return plan.phases.map((phase) => periodByKey(plan, `phase:${phase.id}`)!);
  if (kind === 'plan') return [periodByKey(plan, 'plan')!];
  const spans: PeriodSpan[] = [];
  let day = plan.startDay;
  while (day <= plan.endDay) {
    const span = periodContaining(plan, kind, day)!;
    spans.push(span);
    day = addDays(span.endDay, 1);
  }
  return spans;
}
