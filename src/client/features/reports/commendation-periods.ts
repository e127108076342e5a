import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import type { QuotaProblem } from '#src/shared/domain/commendation.ts';
import type { ReportsTranslate } from './report-messages.ts';

/** The periods a commendation list can be for: each phase, then each calendar year of the plan. */
export function commendationPeriods(plan: Pick<CampaignPlan, 'phases' | 'startDay' | 'endDay'>): Array<{ key: string; name: string }> {
  const phases = plan.phases.map((phase) => ({ key: `phase:${phase.id}`, name: phase.name }));
  const years: Array<{ key: string; name: string }> = [];
  for (let year = Number(plan.startDay.slice(0, 4)); year <= Number(plan.endDay.slice(0, 4)); year += 1) years.push({ key: `year:${year}`, name: `Năm ${year}` });
  return [...phases, ...years];
}

/** A quota breach as a sentence beside the list. */
export function problemText(problem: QuotaProblem, t: ReportsTranslate): string {
  switch (problem.kind) {
    case 'too-many-collectives': return t('commendations.problem.collectives', { count: problem.count, limit: problem.limit });
    case 'too-many-individuals': return t('commendations.problem.individuals', { count: problem.count, limit: problem.limit });
    case 'leader-share': return t('commendations.problem.leaders', { leaders: problem.leaders, individuals: problem.individuals, percent: problem.maxPercent, max: problem.maxLeaders });
    case 'missing-commune': return t('commendations.problem.commune');
    case 'missing-agency': return t('commendations.problem.agency');
  }
}
