/**
 * Commendation proposals (đề nghị khen thưởng) by commune police: for a plan, a phase or a year
 * and one of the plan's awards, the candidates the period's results give (teams meeting every
 * indicator, members by approved entries), ticked into a list checked live against the award's
 * quota (every breach named), the dossier's documents ticked as they are ready, saved as the
 * synced commendation record and printed in the administrative layout. Province staff build the
 * province's list from the communes' saved lists (province-awards.tsx). Commune police and
 * province staff also register units to become exemplary (exemplary-registration.tsx).
 */
import { useMemo } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import { latestVersions } from '#src/shared/domain/campaign-plan.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import { proposeNominees } from '#src/shared/progress/commendation-proposal.ts';
import { useCurrentPlans } from '#src/client/db/campaign-plan-repository.ts';
import { useCommendations } from '#src/client/db/commendation-repository.ts';
import { useReportsT } from '../report-messages.ts';
import { useReportSources } from '../hooks/use-report-sources.ts';
import { reportSubject, type ReportSubject } from '../report-subject.ts';
import { CommendationChoiceForm, useCommendationChoice } from './commendation-choice.tsx';
import { CommendationEditor } from './commendation-editor.tsx';
import { ExemplaryRegistration } from './exemplary-registration.tsx';
import { ProvinceAwards } from './province-awards.tsx';
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
      {subject && unitId && profile.user.role === 'province-admin' && <ProvinceAwards subject={subject} provinceId={unitId} today={today} />}
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

function Proposals({ subject, today }: { subject: ReportSubject; today: string }) {
  const { t } = useReportsT();
  const sources = useReportSources(subject.choices[0]!.teams, today);
  const plans = useMemo(() => (sources ? latestVersions(sources.plans) : []), [sources]);
  const choice = useCommendationChoice(plans, today);
  const { plan, periodKey, quota } = choice;
  const lists = useCommendations(plan?.planId ?? null);
  const unitId = subject.choices[0]!.scope.id;
  const candidates = useMemo(() => (sources && plan ? proposeNominees({
    plan, org: sources.org, teams: sources.rosters, entries: sources.entries, values: sources.values, assignments: sources.assignments,
    reader: subject.reader, periodKey, today,
  }) ?? [] : []), [sources, plan, subject.reader, periodKey, today]);
  if (!sources || !lists) return <p>{t('app.loading')}</p>;
  if (!plan) return <p className="empty">{t('reports.noPlan')}</p>;
  const existing = quota ? lists.find((list) => list.kind === 'award' && list.orgUnitId === unitId && list.periodKey === periodKey && list.quotaId === quota.id) : undefined;
  return (
    <>
      <CommendationChoiceForm {...choice} plans={plans} plan={plan} />
      {!quota ? <p className="empty">{t('commendations.noQuota')}</p> : (
        <CommendationEditor key={`${plan.planId}|${periodKey}|${quota.id}`} orgUnitId={unitId}
          subject={subject} plan={plan} periodKey={periodKey} quota={quota} candidates={candidates} existing={existing} today={today} />
      )}
    </>
  );
}
