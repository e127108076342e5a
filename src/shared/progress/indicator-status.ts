/**
 * Judging a measured value against its target: status, projection to the end of the period,
 * and how much is still missing. The rule, for a period [start, end] seen on day `asOf`:
 *
 * - Before the period starts, or when a share has no denominator (no households, no incidents,
 *   no entered total) or an entered value is missing: `no-data`, with the reason.
 * - After the period ended (asOf > end): `met` when the final value satisfies the target,
 *   otherwise `missed`.
 * - While it runs, the value at the end is projected:
 *   - accumulating metrics (households reached, entries, members who patrolled) grow with the
 *     work, so the numerator is extrapolated at the pace so far:
 *     numerator × days in the period ÷ days elapsed (a share's projection never exceeds its
 *     denominator);
 *   - current metrics (prompt attendance, tips forwarded, entered values) are projected as
 *     they stand.
 *   Then:
 *   - `met`: an accumulating value already satisfies a "≥" or ">" target (it cannot fall back);
 *   - `missed`: an accumulating value already exceeds a "≤", "<" or "=" target (zero accidents
 *     and one happened; it cannot fall back either);
 *   - `on-track`: the projection satisfies the target;
 *   - `at-risk`: it does not.
 * Shares compare in whole numbers (numerator × 100 against target × denominator, both scaled),
 * so 80 of 100 households meets "≥ 80%" exactly.
 */
import type { Comparator, Target } from '../domain/plan-indicator.ts';
import type { MetricGrowth } from '../domain/plan-metric.ts';
import { daysInclusive, type PeriodSpan } from '../domain/plan-period.ts';

export type IndicatorStatus = 'met' | 'on-track' | 'at-risk' | 'missed' | 'no-data';
export type NoDataReason = 'not-started' | 'no-denominator' | 'no-value';

export interface Measure {
  numerator: number;
  /** The share's denominator; null for counts and flags. */
  denominator: number | null;
  /** False when an entered value the metric needs was never entered. */
  hasValue: boolean;
}

export interface Judgement {
  status: IndicatorStatus;
  noDataReason: NoDataReason | null;
  /** Percent for a share, the count for counts, 1 or 0 for a flag; null without data. */
  value: number | null;
  projection: { day: string; numerator: number; value: number } | null;
  /** How much more numerator a "≥"/">" target needs (0 when satisfied); null for other targets. */
  remaining: number | null;
}

const SCALE = 1000;

function compare(left: number, comparator: Comparator, right: number): boolean {
  switch (comparator) {
    case '>=': return left >= right;
    case '>': return left > right;
    case '<=': return left <= right;
    case '<': return left < right;
    case '=': return left === right;
  }
}

/** Whether numerator (÷ denominator, for a share) satisfies the target, in whole numbers. */
export function satisfies(numerator: number, denominator: number | null, target: Target): boolean {
  if (denominator === null) return compare(numerator, target.comparator, target.value);
  return compare(Math.round(numerator * 100 * SCALE), target.comparator, Math.round(target.value * SCALE) * denominator);
}

/** The least numerator that satisfies a "≥" or ">" target; null for other comparators. */
function neededNumerator(denominator: number | null, target: Target): number | null {
  if (target.comparator !== '>=' && target.comparator !== '>') return null;
  const exact = denominator === null ? target.value : (target.value * denominator) / 100;
  const least = target.comparator === '>=' ? Math.ceil(exact - 1e-9) : Math.floor(exact + 1e-9) + 1;
  return least;
}

function valueOf(numerator: number, denominator: number | null, unit: Target['unit']): number {
  if (denominator !== null) return denominator === 0 ? 0 : (numerator / denominator) * 100;
  return unit === 'flag' ? (numerator >= 1 ? 1 : 0) : numerator;
}

const noData = (reason: NoDataReason): Judgement => ({ status: 'no-data', noDataReason: reason, value: null, projection: null, remaining: null });

/** Status, value, projection and what is missing, by the rule in this file's header. */
export function judge(measure: Measure, target: Target, growth: MetricGrowth, period: PeriodSpan, asOfDay: string): Judgement {
  if (asOfDay < period.startDay) return noData('not-started');
  if (!measure.hasValue) return noData('no-value');
  if (measure.denominator === 0) return noData('no-denominator');
  const { numerator, denominator } = measure;
  const flagged = target.unit === 'flag' ? Math.min(numerator, 1) : numerator;
  const value = valueOf(flagged, denominator, target.unit);
  const needed = neededNumerator(denominator, target);
  const remaining = needed === null ? null : Math.max(0, needed - numerator);
  const isMetNow = satisfies(flagged, denominator, target);
  if (asOfDay > period.endDay) {
    return { status: isMetNow ? 'met' : 'missed', noDataReason: null, value, projection: { day: period.endDay, numerator: flagged, value }, remaining };
  }
  const elapsed = daysInclusive(period.startDay, asOfDay);
  const total = daysInclusive(period.startDay, period.endDay);
  let projected = growth === 'accumulating' ? (flagged * total) / elapsed : flagged;
  if (denominator !== null) projected = Math.min(projected, denominator);
  const projection = { day: period.endDay, numerator: projected, value: valueOf(projected, denominator, target.unit) };
  const isHigherBetter = target.comparator === '>=' || target.comparator === '>';
  let status: IndicatorStatus;
  if (growth === 'accumulating' && isHigherBetter && isMetNow) status = 'met';
  else if (growth === 'accumulating' && !isHigherBetter && !isMetNow && exceeds(flagged, denominator, target)) status = 'missed';
  else status = satisfiesApproximately(projection.value, target) ? 'on-track' : 'at-risk';
  return { status, noDataReason: null, value, projection, remaining };
}

/** Above the target value: for "≤", "<" and "=" targets, an accumulating value cannot return. */
function exceeds(numerator: number, denominator: number | null, target: Target): boolean {
  const above = satisfies(numerator, denominator, { ...target, comparator: '>' });
  return target.comparator === '<' ? above || satisfies(numerator, denominator, { ...target, comparator: '=' }) : above;
}

/** A projection is fractional: compare it with a tolerance for floating point. */
function satisfiesApproximately(value: number, target: Target): boolean {
  const epsilon = 1e-9;
  switch (target.comparator) {
    case '>=': return value >= target.value - epsilon;
    case '>': return value > target.value + epsilon;
    case '<=': return value <= target.value + epsilon;
    case '<': return value < target.value - epsilon;
    case '=': return Math.abs(value - target.value) <= epsilon;
  }
}
