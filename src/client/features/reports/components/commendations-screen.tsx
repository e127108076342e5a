/**
 * Commendation proposals (đề nghị khen thưởng) by commune police: for a plan, a phase or a year
 * and one of the plan's awards, the candidates the period's results give (teams meeting every
 * indicator, members by approved entries), ticked into a list checked live against the award's
 * quota (every breach named), the dossier's documents ticked as they are ready, saved as the
 * synced commendation record and printed in the administrative layout. Commune police and
 * province staff also register units to become exemplary (exemplary-registration.tsx).
 */
import { useMemo, useState } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import { latestVersions, type CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import { periodByKey } from '#src/shared/domain/plan-period.ts';
import { proposeNominees } from '#src/shared/progress/commendation-proposal.ts';
import { useCurrentPlans } from '#src/client/db/campaign-plan-repository.ts';
import { useCommendations } from '#src/client/db/commendation-repository.ts';
import { useReportsT } from '../report-messages.ts';
import { commendationPeriods } from '../commendation-periods.ts';
import { useReportSources } from '../hooks/use-report-sources.ts';
import { reportSubject, type ReportSubject } from '../report-subject.ts';
import { CommendationEditor } from './commendation-editor.tsx';
import { ExemplaryRegistration } from './exemplary-registration.tsx';
import { defaultPlan } from './report-months.ts';
import '../reports.css';

export function CommendationsScreen({ profile, today = dayInVietnam() }: { profile: Profile; today?: string }) {
  const { t } = useReportsT();
  const subject = useMemo(() => reportSubject(profile), [profile]);
  // Commune police register their commune's units; province staff the province's.
  const unitKind = profile.user.role === 'commune-police' ? 'commune' : profile.user.role === 'province-admin' ? 'province' : null;
  const unitId = profile.orgUnits.find((unit) => unit.kind === unitKind)?.id ?? null;
  return (
    <section className="stack report-screen" aria-labelledby="commendations-title">
      <h1 id="commendations-title" tabIndex={-1}>{t('commendations.title')}</h1>
      {subject && profile.user.role === 'commune-police' && <Proposals subject={subject} today={today} />}
      {subject && unitId && <Exemplary unitId={unitId} userId={profile.user.id} today={today} />}
      {!(subject && unitId) && <p>{t('commendations.notForRole')}</p>}
    </section>
  );
}

/** The registration of the plan that sets registration deadlines, else of the running plan. */
function Exemplary({ unitId, userId, today }: { unitId: string; userId: string; today: string }) {
  const stored = useCurrentPlans();
  const plans = latestVersions(stored ?? []);
  const plan = plans.find((candidate) => candidate.deadlines.some((deadline) => deadline.kind === 'registration')) ?? defaultPlan(plans, today);
  return plan ? <ExemplaryRegistration plan={plan} unitId={unitId} userId={userId} today={today} /> : null;
}

function runningPeriod(plan: CampaignPlan, today: string): string {
  const periods = commendationPeriods(plan);
  return periods.find(({ key }) => {
    const span = periodByKey(plan, key);
    return span !== null && span.startDay <= today && today <= span.endDay;
  })?.key ?? periods[0]!.key;
}

function Proposals({ subject, today }: { subject: ReportSubject; today: string }) {
  const { t } = useReportsT();
  const [choice, setChoice] = useState({ planId: '', periodKey: '', quotaId: '' });
  const sources = useReportSources(subject.choices[0]!.teams, today);
  const plans = useMemo(() => (sources ? latestVersions(sources.plans) : []), [sources]);
  const plan = plans.find((candidate) => candidate.planId === choice.planId) ?? defaultPlan(plans, today);
  const lists = useCommendations(plan?.planId ?? null);
  const periodKey = plan && commendationPeriods(plan).some(({ key }) => key === choice.periodKey) ? choice.periodKey : plan ? runningPeriod(plan, today) : '';
  const quota = plan?.commendationQuotas.find((candidate) => candidate.id === choice.quotaId) ?? plan?.commendationQuotas[0];
  const candidates = useMemo(() => (sources && plan ? proposeNominees({
    plan, org: sources.org, teams: sources.rosters, entries: sources.entries, values: sources.values, assignments: sources.assignments,
    reader: subject.reader, periodKey, today,
  }) ?? [] : []), [sources, plan, subject.reader, periodKey, today]);
  if (!sources || !lists) return <p>{t('app.loading')}</p>;
  if (!plan) return <p className="empty">{t('reports.noPlan')}</p>;
  const existing = quota ? lists.find((list) => list.kind === 'award' && list.periodKey === periodKey && list.quotaId === quota.id) : undefined;
  return (
    <>
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
      {!quota ? <p className="empty">{t('commendations.noQuota')}</p> : (
        <CommendationEditor key={`${plan.planId}|${periodKey}|${quota.id}`}
          subject={subject} plan={plan} periodKey={periodKey} quota={quota} candidates={candidates} existing={existing} today={today} />
      )}
    </>
  );
}
