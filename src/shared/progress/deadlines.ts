/**
 * A plan's deadlines (campaign-plan.ts `deadlines`) as days of a year, and whether one nears:
 * a deadline on a fixed day falls that day, one every year on that year's `MM-dd`, one at the
 * end of each phase on the last day of each phase ending that year.
 */
import type { CampaignPlanContent, Deadline } from '../domain/campaign-plan.ts';
import { daysInclusive } from '../domain/plan-period.ts';

/** A deadline and the day it falls on in the year asked for. */
export interface DatedDeadline {
  deadline: Deadline;
  day: string;
}

/** The deadlines of `year`, in order of their days. */
export function deadlinesOfYear(plan: Pick<CampaignPlanContent, 'deadlines' | 'phases'>, year: number): DatedDeadline[] {
  const prefix = `${year}-`;
  return plan.deadlines.flatMap((deadline): DatedDeadline[] => {
    switch (deadline.due.type) {
      case 'day': return deadline.due.day.startsWith(prefix) ? [{ deadline, day: deadline.due.day }] : [];
      case 'every-year': return [{ deadline, day: `${year}-${deadline.due.monthDay}` }];
      case 'phase-end': return plan.phases.filter((phase) => phase.endDay.startsWith(prefix)).map((phase) => ({ deadline, day: phase.endDay }));
    }
  }).sort((a, b) => a.day.localeCompare(b.day));
}

/** Days from `today` to `day` (0 on the day itself, negative once it passed). */
export function daysUntil(today: string, day: string): number {
  return day >= today ? daysInclusive(today, day) - 1 : -(daysInclusive(day, today) - 1);
}

/** True when the deadline is today or within `withinDays` days ahead. */
export function isNear(today: string, day: string, withinDays = 30): boolean {
  const left = daysUntil(today, day);
  return left >= 0 && left <= withinDays;
}
