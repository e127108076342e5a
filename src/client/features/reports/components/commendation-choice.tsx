/**
 * What a commendation list is for: the plan, the period (a phase or a year, the running one by
 * default) and the plan's award (quota), chosen in one form shared by the commune's and the
 * province's lists.
 */
import { useState } from 'react';
import type { CampaignPlan, CommendationQuota } from '#src/shared/domain/campaign-plan.ts';
import { periodByKey } from '#src/shared/domain/plan-period.ts';
import { useReportsT } from '../report-messages.ts';
import { commendationPeriods } from '../commendation-periods.ts';
import { defaultPlan } from './report-months.ts';

interface Choice { planId: string; periodKey: string; quotaId: string }

export interface CommendationChoice {
  plan: CampaignPlan | null;
  periodKey: string;
  quota: CommendationQuota | undefined;
  choice: Choice;
  setChoice: (choice: Choice) => void;
}

function runningPeriod(plan: CampaignPlan, today: string): string {
  const periods = commendationPeriods(plan);
  return periods.find(({ key }) => {
    const span = periodByKey(plan, key);
    return span !== null && span.startDay <= today && today <= span.endDay;
  })?.key ?? periods[0]!.key;
}

/** The chosen plan, period and quota among `plans` (the running ones until the user picks). */
export function useCommendationChoice(plans: readonly CampaignPlan[], today: string): CommendationChoice {
  const [choice, setChoice] = useState<Choice>({ planId: '', periodKey: '', quotaId: '' });
  const plan = plans.find((candidate) => candidate.planId === choice.planId) ?? defaultPlan(plans, today) ?? null;
  const periodKey = plan && commendationPeriods(plan).some(({ key }) => key === choice.periodKey) ? choice.periodKey : plan ? runningPeriod(plan, today) : '';
  const quota = plan?.commendationQuotas.find((candidate) => candidate.id === choice.quotaId) ?? plan?.commendationQuotas[0];
  return { plan, periodKey, quota, choice, setChoice };
}

export function CommendationChoiceForm({ plans, plan, periodKey, quota, choice, setChoice }: CommendationChoice & { plans: readonly CampaignPlan[]; plan: CampaignPlan }) {
  const { t } = useReportsT();
  return (
    <form className="card stack report-controls" aria-label={t('reports.choose')} onSubmit={(event) => event.preventDefault()}>
      {plans.length > 1 && (
        <div className="field">
          <label htmlFor="commendation-plan" className="field__label">{t('reports.plan')}</label>
          <select id="commendation-plan" value={plan.planId} onChange={(event) => setChoice({ planId: event.target.value, periodKey: '', quotaId: '' })}>
            {plans.map((option) => <option key={option.planId} value={option.planId}>{option.name}</option>)}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="commendation-period" className="field__label">{t('reports.period')}</label>
        <select id="commendation-period" value={periodKey} onChange={(event) => setChoice({ ...choice, planId: plan.planId, periodKey: event.target.value })}>
          {commendationPeriods(plan).map((option) => <option key={option.key} value={option.key}>{option.name}</option>)}
        </select>
      </div>
      {plan.commendationQuotas.length > 1 && quota && (
        <div className="field">
          <label htmlFor="commendation-quota" className="field__label">{t('commendations.quota')}</label>
          <select id="commendation-quota" value={quota.id} onChange={(event) => setChoice({ ...choice, planId: plan.planId, periodKey, quotaId: event.target.value })}>
            {plan.commendationQuotas.map((option) => <option key={option.id} value={option.id}>{option.award}</option>)}
          </select>
        </div>
      )}
    </form>
  );
}
