/**
 * Reports (báo cáo) for a team leader (their team) and commune police (the commune or one of
 * its teams): choose the plan, a month or a phase, and the scope; the report is computed on the
 * device, shown in the administrative layout, printed to PDF by the browser (reports.css) or
 * downloaded as an Excel file.
 */
import { useMemo, useState } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import { latestVersions, type CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import { buildPlanReport } from '#src/shared/progress/plan-report.ts';
import { useSession } from '#src/client/db/session-repository.ts';
import { useReportsT } from '../report-messages.ts';
import { useReportSources } from '../hooks/use-report-sources.ts';
import { reportSubject, type ReportSubject } from '../report-subject.ts';
import { ReportDocument } from './report-document.tsx';
import { ReportActions } from './report-actions.tsx';
import { ReportControls, type ReportChoice } from './report-controls.tsx';
import { defaultPlan, reportMonths } from './report-months.ts';
import { ProvinceReport } from './province-report.tsx';
import '../reports.css';

export function ReportsScreen({ profile, today = dayInVietnam() }: { profile: Profile; today?: string }) {
  const { t } = useReportsT();
  const subject = useMemo(() => reportSubject(profile), [profile]);
  return (
    <section className="stack report-screen" aria-labelledby="reports-title">
      <h1 id="reports-title" tabIndex={-1} className="report-screen__title">{t('reports.title')}</h1>
      {!subject ? <p>{t('reports.notForRole')}</p>
        : profile.user.role === 'province-admin' ? <OnlineProvinceReport subject={subject} today={today} />
          : <Reports subject={subject} today={today} />}
    </section>
  );
}

function OnlineProvinceReport({ subject, today }: { subject: ReportSubject; today: string }) {
  const session = useSession();
  return session ? <ProvinceReport subject={subject} token={session.token ?? null} today={today} /> : null;
}

function Reports({ subject, today }: { subject: ReportSubject; today: string }) {
  const { t } = useReportsT();
  const [choice, setChoice] = useState<Partial<ReportChoice>>({});
  const scopeIndex = choice.scopeIndex ?? 0;
  const scope = subject.choices[scopeIndex] ?? subject.choices[0]!;
  const allTeams = subject.choices[0]!.teams;
  const sources = useReportSources(allTeams, today);
  const plans = useMemo(() => (sources ? latestVersions(sources.plans) : []), [sources]);
  const plan = plans.find((candidate) => candidate.planId === choice.planId) ?? defaultPlan(plans, today);
  const months = plan ? reportMonths(plan, today) : [];
  const periodKey = choice.periodKey && plan && isPeriodOf(plan, choice.periodKey) ? choice.periodKey : months[0] ? `month:${months[0]}` : plan ? `phase:${plan.phases[0]!.id}` : '';
  const report = useMemo(() => (sources && plan ? buildPlanReport({
    plan, org: sources.org, entries: sources.entries, values: sources.values, assignments: sources.assignments, monthCloses: sources.monthCloses,
    reader: subject.reader, scope: scope.scope, periodKey, today,
  }) : null), [sources, plan, subject.reader, scope.scope, periodKey, today]);
  if (!sources) return <p>{t('app.loading')}</p>;
  if (!plan) return <p className="empty">{t('reports.noPlan')}</p>;
  const memberNames = new Map([...sources.memberNames, [subject.reader.userId, subject.issuer.signerName]]);
  const documentProps = report ? { plan, report, issuer: subject.issuer, scopeName: scope.name, issuedOn: today, memberNames } : null;
  return (
    <>
      <ReportControls subject={subject} plans={plans} plan={plan} months={months} choice={{ scopeIndex, planId: plan.planId, periodKey }} onChange={(next) => setChoice(next)} />
      {documentProps && <ReportActions document={documentProps} periodKey={periodKey} />}
      {documentProps && <ReportDocument {...documentProps} />}
    </>
  );
}

function isPeriodOf(plan: CampaignPlan, key: string): boolean {
  return key.startsWith('month:') ? key.slice(6, 16) >= plan.startDay.slice(0, 7) && key.slice(6) <= plan.endDay.slice(0, 7) : plan.phases.some((phase) => `phase:${phase.id}` === key);
}
