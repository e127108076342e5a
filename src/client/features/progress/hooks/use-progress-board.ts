/**
 * The progress screens' data on the phone: the plans running today, the engine's inputs for the
 * days their periods span (progress-input-repository.ts), and one ProgressState built from them
 * through the shared engine (src/shared/progress), taking the leaders' month closes into
 * account. Rebuilt when a table it read changes (a new entry, a pulled change), so a bar moves
 * the moment an entry is saved, offline.
 */
import { useMemo } from 'react';
import { latestVersions, phaseOn, type CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { periodByKey, type PeriodSpan } from '#src/shared/domain/plan-period.ts';
import { currentPeriod } from '#src/shared/progress/plan-progress.ts';
import { ProgressState } from '#src/shared/progress/progress-state.ts';
import { useCurrentPlans } from '#src/client/db/campaign-plan-repository.ts';
import { useProgressInputs, type ProgressInputs } from '#src/client/db/progress-input-repository.ts';

export interface ProgressBoard {
  plan: CampaignPlan;
  state: ProgressState;
  inputs: ProgressInputs;
  /** This month (clipped to the plan) and the phase running today, when there is one. */
  month: PeriodSpan | null;
  phase: PeriodSpan | null;
}

/** The plans running on `day`, newest publication first. */
export function runningPlans(plans: readonly CampaignPlan[], day: string): CampaignPlan[] {
  return latestVersions(plans).filter((plan) => plan.startDay <= day && day <= plan.endDay);
}

/** The days every period shown for the plan on `day` covers. */
export function spanOfBoard(plan: CampaignPlan, day: string): { startDay: string; endDay: string } {
  const spans = [...plan.indicators.map((indicator) => currentPeriod(plan, indicator, day)), periodByKey(plan, `month:${day.slice(0, 7)}`)].flatMap((span) => (span ? [span] : []));
  return {
    startDay: spans.reduce((first, span) => (span.startDay < first ? span.startDay : first), day),
    endDay: spans.reduce((last, span) => (span.endDay > last ? span.endDay : last), day),
  };
}

/** undefined while loading; null when no plan runs today. */
export function useProgressBoard(planId: string | null, day: string): { board: ProgressBoard | null | undefined; plans: CampaignPlan[] } {
  const all = useCurrentPlans();
  const plans = useMemo(() => runningPlans(all ?? [], day), [all, day]);
  const plan = plans.find((candidate) => candidate.planId === planId) ?? plans[0] ?? null;
  const span = plan ? spanOfBoard(plan, day) : { startDay: day, endDay: day };
  const inputs = useProgressInputs(span.startDay, span.endDay);
  const board = useMemo((): ProgressBoard | null | undefined => {
    if (all === undefined) return undefined;
    if (!plan) return null;
    if (inputs === undefined || inputs.span.startDay !== span.startDay || inputs.span.endDay !== span.endDay) return undefined;
    const state = ProgressState.build(inputs.org, inputs.entries, inputs.values, { monthCloses: inputs.closes });
    const running = phaseOn(plan, day);
    return {
      plan, state, inputs,
      month: periodByKey(plan, `month:${day.slice(0, 7)}`),
      phase: running ? periodByKey(plan, `phase:${running.id}`) : null,
    };
  }, [all, inputs, plan, day, span.startDay, span.endDay]);
  return { board, plans };
}
