/**
 * Progress toward a plan: for an indicator, a scope and a period, the value (numerator and, for
 * a share, denominator), the target (the team's own when commune police assigned one), the
 * status and projection (indicator-status.ts states the rule), and completeness. The same code
 * runs on the phone and on the server; results name the plan version they were computed with.
 */
import type { CampaignPlan } from '../domain/campaign-plan.ts';
import type { Indicator, Target } from '../domain/plan-indicator.ts';
import { metricInfo, type IndicatorLevel, type MetricGrowth } from '../domain/plan-metric.ts';
import { periodByKey, periodContaining, periodsOf, type PeriodSpan } from '../domain/plan-period.ts';
import type { TargetAssignment } from '../domain/target-assignment.ts';
import { completenessOf, type Completeness, type CompletenessInput } from './completeness.ts';
import { judge, type IndicatorStatus, type Measure, type NoDataReason } from './indicator-status.ts';
import { measure } from './measure.ts';
import type { ResolvedScope, ScopeRef } from './org-index.ts';
import type { ProgressState } from './progress-state.ts';

/** What to compute: a plan version, a scope, the day it is seen on, and what the caller knows besides. */
export interface ProgressRequest {
  plan: CampaignPlan;
  scope: ScopeRef;
  /** The Vietnamese day the results are seen on (today, or the last day of a closed month). */
  asOfDay: string;
  /** The period to judge; by default each indicator's period running on `asOfDay`. */
  periodKey?: string;
  assignments?: readonly TargetAssignment[];
  completeness?: CompletenessInput;
}

/** One indicator's result for a scope and period, naming the plan version it was computed with. */
export interface IndicatorResult {
  planId: string;
  planVersion: number;
  indicatorId: string;
  scope: ScopeRef;
  period: PeriodSpan;
  asOfDay: string;
  numerator: number;
  denominator: number | null;
  /** Percent for a share, the count, or 1/0 for a flag; null without data. */
  value: number | null;
  target: Target;
  targetSource: 'plan' | 'assignment';
  status: IndicatorStatus;
  noDataReason: NoDataReason | null;
  projection: { day: string; numerator: number; value: number } | null;
  remaining: number | null;
  completeness: Completeness;
}

/** The team's own target for this indicator and period, if commune police assigned one. */
export function effectiveTarget(plan: CampaignPlan, indicator: Indicator, scope: ScopeRef, period: PeriodSpan, assignments: readonly TargetAssignment[] = []): { target: Target; source: 'plan' | 'assignment' } {
  if (!indicator.isAssignable || scope.level !== 'team') return { target: indicator.target, source: 'plan' };
  const mine = assignments
    .filter((a) => a.planId === plan.planId && a.indicatorId === indicator.id && a.teamId === scope.id && (a.periodKey === null || a.periodKey === period.key))
    // One for this very period wins over one for every period; then the newest.
    .sort((a, b) => Number(b.periodKey !== null) - Number(a.periodKey !== null) || b.updatedAt.localeCompare(a.updatedAt));
  const chosen = mine[0];
  return chosen ? { target: { ...indicator.target, value: chosen.value }, source: 'assignment' } : { target: indicator.target, source: 'plan' };
}

/** How the indicator's value moves: manual counts that add up grow like entries; see plan-metric.ts. */
export function growthOf(plan: Pick<CampaignPlan, 'manualInputs'>, indicator: Indicator): MetricGrowth {
  const { metric } = indicator;
  if (metric.type === 'manual-count') {
    return plan.manualInputs.find((input) => input.key === metric.key)?.aggregation === 'sum' ? 'accumulating' : 'current';
  }
  return metricInfo[metric.type].growth;
}

function measureIndicator(state: ProgressState, plan: CampaignPlan, indicator: Indicator, scope: ResolvedScope, period: PeriodSpan, depth = 0): Measure {
  const own = measure(state, plan.manualInputs, indicator.metric, scope, period);
  const parent = indicator.shareOf?.reading === 'of-parent' ? plan.indicators.find((i) => i.id === indicator.shareOf?.indicatorId) : undefined;
  // The schema refuses loops of parents; the depth guard keeps a hand-made record from spinning.
  if (!parent || depth > plan.indicators.length) return own;
  const base = measureIndicator(state, plan, parent, scope, period, depth + 1);
  return { numerator: own.numerator, denominator: base.numerator, hasValue: own.hasValue && base.hasValue };
}

/** The indicator's period running on `day`; before or after the plan, its first or last. */
export function currentPeriod(plan: CampaignPlan, indicator: Indicator, day: string): PeriodSpan {
  const running = periodContaining(plan, indicator.period, day);
  if (running) return running;
  const all = periodsOf(plan, indicator.period);
  return all.find((span) => span.startDay > day) ?? all[all.length - 1]!;
}

/** One indicator's result for a scope, or null when `periodKey` names no period of the plan. */
export function computeIndicator(state: ProgressState, request: ProgressRequest & { indicator: Indicator }): IndicatorResult | null {
  const { plan, indicator, asOfDay } = request;
  const period = request.periodKey ? periodByKey(plan, request.periodKey) : currentPeriod(plan, indicator, asOfDay);
  if (!period) return null;
  const scope = state.org.resolve(request.scope);
  const measured = measureIndicator(state, plan, indicator, scope, period);
  const { target, source } = effectiveTarget(plan, indicator, request.scope, period, request.assignments);
  const judged = judge(measured, target, growthOf(plan, indicator), period, asOfDay);
  return {
    planId: plan.planId,
    planVersion: plan.version,
    indicatorId: indicator.id,
    scope: request.scope,
    period,
    asOfDay,
    numerator: measured.numerator,
    denominator: measured.denominator,
    value: judged.value,
    target,
    targetSource: source,
    status: judged.status,
    noDataReason: judged.noDataReason,
    projection: judged.projection,
    remaining: judged.remaining,
    completeness: completenessOf(state, scope, period, request.completeness),
  };
}

/**
 * Every indicator that can be measured at the scope's level (or only those the plan sets at
 * that level, with `isOwnLevelOnly`), each over its period running on `asOfDay`.
 */
export function computePlanProgress(state: ProgressState, request: ProgressRequest & { isOwnLevelOnly?: boolean }): IndicatorResult[] {
  const level: IndicatorLevel = request.scope.level;
  return request.plan.indicators
    .filter((indicator) => (request.isOwnLevelOnly ? indicator.level === level : metricInfo[indicator.metric.type].levels.includes(level)))
    .flatMap((indicator) => computeIndicator(state, { ...request, indicator }) ?? []);
}

/** How many results have each status: a commune's teams, a province's communes. */
export function tallyByStatus(results: readonly IndicatorResult[]): Record<IndicatorStatus, number> {
  const tally: Record<IndicatorStatus, number> = { met: 0, 'on-track': 0, 'at-risk': 0, missed: 0, 'no-data': 0 };
  for (const result of results) tally[result.status] += 1;
  return tally;
}
