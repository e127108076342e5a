/**
 * A report on a plan (báo cáo kết quả) for a scope and one period (a month or a phase), as
 * numbers the layouts and spreadsheets show: each indicator's target, what was achieved, the
 * percentage and whether it is met; how many entries of each kind; and each member's nights of
 * patrol duty per month. Computed on the device through the progress engine.
 *
 * Only entries the team leader approved count (a report is signed), and only those the reader
 * may read (readable.ts): a tip never shows in the report of someone who may not see it.
 */
import type { CampaignPlan } from '../domain/campaign-plan.ts';
import { fieldLogKinds, type FieldLogKind } from '../domain/field-log.ts';
import type { ManualValue } from '../domain/manual-value.ts';
import type { MonthClose } from '../domain/month-close.ts';
import type { Indicator, Target } from '../domain/plan-indicator.ts';
import { periodByKey, type PeriodSpan } from '../domain/plan-period.ts';
import { isReadableBy, type Reader } from '../domain/readable.ts';
import type { TargetAssignment } from '../domain/target-assignment.ts';
import { satisfies, type IndicatorStatus } from './indicator-status.ts';
import { nightDutyByMember, type NightDuty } from './night-duty.ts';
import type { ResolvedScope, ScopeRef } from './org-index.ts';
import { computePlanProgress, type IndicatorResult } from './plan-progress.ts';
import type { OrgInput, ProgressEntry } from './progress-input.ts';
import { ProgressState } from './progress-state.ts';

/** An entry as a report reads it: what the engine reads, and a patrol's hours. */
export type ReportEntry = ProgressEntry & { startAt?: string; endAt?: string };

/** What a report is computed from, for whom, on what scope and period. */
export interface ReportInput {
  plan: CampaignPlan;
  org: OrgInput;
  entries: Iterable<ReportEntry>;
  values?: Iterable<ManualValue>;
  assignments?: readonly TargetAssignment[];
  monthCloses?: Iterable<Pick<MonthClose, 'teamId' | 'month' | 'status' | 'covered' | 'updatedAt'>>;
  reader: Reader;
  scope: ScopeRef;
  /** `month:yyyy-MM` or `phase:<id>` (plan-period.ts). */
  periodKey: string;
  /** Today in Vietnam: a period still running is reported as it stands that day. */
  today: string;
}

/** Whether the figures satisfy the target on the report's day; `no-data` without a denominator or entered value. */
export type Verdict = 'met' | 'not-met' | 'no-data';

/** One row of the indicator table. */
export interface ReportLine {
  indicatorId: string;
  label: string;
  /** The plan's paragraph the number comes from (e.g. "II.3.4"). */
  paragraph: string;
  target: Target;
  numerator: number;
  /** A share's denominator; null for counts and flags. */
  denominator: number | null;
  /** Percent for a share, the count, or 1/0 for a flag; null without data. */
  achieved: number | null;
  /** How much of the target is achieved, in percent: a share's value, a count against its target; null when it has no meaning (at-most targets, no data). */
  percent: number | null;
  verdict: Verdict;
}

/** A report's numbers, ready for the layout and the spreadsheet. */
export interface PlanReport {
  planId: string;
  planVersion: number;
  scope: ScopeRef;
  period: PeriodSpan;
  /** The day the figures stand on: the period's last day, or today while it runs. */
  asOfDay: string;
  lines: ReportLine[];
  /** Approved entries of each kind dated in the period (every kind, zeros included). */
  entryCounts: Array<{ kind: FieldLogKind; count: number }>;
  /** Night duty of the scope's patrols, month by month of the period. */
  nightDuty: Array<{ month: string; members: NightDuty[] }>;
}

/** The figures a line is made of: the engine's result, or the server's per-commune result. */
export interface LineFigures {
  numerator: number;
  denominator: number | null;
  value: number | null;
  target: Target;
  status: IndicatorStatus;
}

function percentOf(figures: LineFigures): number | null {
  if (figures.value === null) return null;
  if (figures.denominator !== null) return figures.value;
  const { comparator, value, unit } = figures.target;
  if (comparator !== '>=' && comparator !== '>') return null;
  if (unit === 'flag') return figures.value * 100;
  return value === 0 ? null : (figures.numerator / value) * 100;
}

/** A row of the indicator table from an indicator and its figures. */
export function reportLineOf(indicator: Pick<Indicator, 'id' | 'label' | 'source'>, figures: LineFigures): ReportLine {
  const verdict: Verdict = figures.status === 'no-data' ? 'no-data' : satisfies(figures.numerator, figures.denominator, figures.target) ? 'met' : 'not-met';
  return {
    indicatorId: indicator.id,
    label: indicator.label,
    paragraph: indicator.source.paragraph,
    target: figures.target,
    numerator: figures.numerator,
    denominator: figures.denominator,
    achieved: figures.value,
    percent: percentOf(figures),
    verdict,
  };
}

function lineOf(plan: CampaignPlan, result: IndicatorResult): ReportLine {
  return reportLineOf(plan.indicators.find((candidate) => candidate.id === result.indicatorId)!, result);
}

function isInScope(entry: ReportEntry, scope: ResolvedScope): boolean {
  return scope.ref.level === 'member' ? entry.memberId === scope.ref.id : scope.teamIds.has(entry.teamId);
}

/** The months (yyyy-MM) a period touches, in order. */
export function monthsOf(period: Pick<PeriodSpan, 'startDay' | 'endDay'>): string[] {
  const months: string[] = [];
  for (let month = period.startDay.slice(0, 7); month <= period.endDay.slice(0, 7);) {
    months.push(month);
    const [year, number] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
    month = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
  }
  return months;
}

/** The report, or null when `periodKey` names no period of the plan. */
export function buildPlanReport(input: ReportInput): PlanReport | null {
  const { plan, reader, scope: scopeRef } = input;
  const period = periodByKey(plan, input.periodKey);
  if (!period) return null;
  const asOfDay = input.today < period.endDay ? input.today : period.endDay;
  const readable = [...input.entries].filter((entry) => isReadableBy(reader, entry));
  const options = input.monthCloses ? { isApprovedOnly: true, monthCloses: input.monthCloses } : { isApprovedOnly: true };
  const state = ProgressState.build(input.org, readable, input.values ?? [], options);
  const scope = state.org.resolve(scopeRef);
  const results = computePlanProgress(state, { plan, scope: scopeRef, asOfDay, periodKey: period.key, assignments: input.assignments ?? [] });
  const counted = readable.filter((entry) => entry.reviewStatus === 'approved' && isInScope(entry, scope) && entry.date >= period.startDay && entry.date <= asOfDay);
  const entryCounts = fieldLogKinds.map((kind) => ({ kind, count: counted.filter((entry) => entry.kind === kind).length }));
  const patrols = counted.flatMap((entry) => (entry.kind === 'patrol' && entry.startAt && entry.endAt ? [{ startAt: entry.startAt, endAt: entry.endAt, participantIds: entry.participantIds }] : []));
  const nightDuty = monthsOf({ startDay: period.startDay, endDay: asOfDay }).map((month) => ({ month, members: nightDutyByMember(patrols, month) }));
  return { planId: plan.planId, planVersion: plan.version, scope: scopeRef, period, asOfDay, lines: results.map((result) => lineOf(plan, result)), entryCounts, nightDuty };
}
