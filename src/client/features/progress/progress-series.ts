/**
 * An indicator's value over the days of its period, for the small chart beside its bar: the
 * value each sampled day had if the period had ended then (measure over [start, day]). At most
 * about 30 points, so a year-long period costs 30 measures.
 */
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import type { Indicator } from '#src/shared/domain/plan-indicator.ts';
import { addDays, daysInclusive, type PeriodSpan } from '#src/shared/domain/plan-period.ts';
import { measure } from '#src/shared/progress/measure.ts';
import type { ScopeRef } from '#src/shared/progress/org-index.ts';
import type { ProgressState } from '#src/shared/progress/progress-state.ts';

export interface Series {
  days: string[];
  values: number[];
}

const MAX_POINTS = 30;

/** Values from the period's first day up to `today` (or its end), evenly sampled. */
export function indicatorSeries(state: ProgressState, plan: CampaignPlan, indicator: Indicator, scope: ScopeRef, period: PeriodSpan, today: string): Series {
  const last = today < period.endDay ? today : period.endDay;
  const total = daysInclusive(period.startDay, last);
  if (total === 0) return { days: [], values: [] };
  const step = Math.max(1, Math.ceil(total / MAX_POINTS));
  const resolved = state.org.resolve(scope);
  const series: Series = { days: [], values: [] };
  for (let offset = 0; offset < total; offset += step) {
    const day = offset + step >= total ? last : addDays(period.startDay, offset);
    const measured = measure(state, plan.manualInputs, indicator.metric, resolved, { startDay: period.startDay, endDay: day });
    const value = measured.denominator === null ? measured.numerator : measured.denominator === 0 ? 0 : (measured.numerator / measured.denominator) * 100;
    series.days.push(day);
    series.values.push(Math.round(value * 10) / 10);
  }
  return series;
}
