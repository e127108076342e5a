/**
 * The province's commendation list (province staff): the quota of an award such as seed 000's
 * "Bằng khen của Chủ tịch UBND tỉnh" is the province's total, so its candidates are the nominees
 * of the communes' saved lists for the same plan, period and award (they reach the province
 * admin's phone by sync), each shown with its commune. The staff tick which go forward in the
 * commune's editor, checked against the quota, and save the list for the province's unit.
 */
import { useMemo } from 'react';
import { latestVersions, type CampaignPlan, type CommendationQuota } from '#src/shared/domain/campaign-plan.ts';
import type { Nominee } from '#src/shared/domain/commendation.ts';
import { useCurrentPlans } from '#src/client/db/campaign-plan-repository.ts';
import { useCommendations, useRegistrableUnits } from '#src/client/db/commendation-repository.ts';
import { useReportsT } from '../report-messages.ts';
import type { ReportSubject } from '../report-subject.ts';
import { CommendationChoiceForm, useCommendationChoice } from './commendation-choice.tsx';
import { CommendationEditor } from './commendation-editor.tsx';

const keyOf = (nominee: Pick<Nominee, 'subject' | 'refId'>) => `${nominee.subject}:${nominee.refId}`;

export function ProvinceAwards({ subject, provinceId, today }: { subject: ReportSubject; provinceId: string; today: string }) {
  const { t } = useReportsT();
  const stored = useCurrentPlans();
  const plans = useMemo(() => latestVersions(stored ?? []), [stored]);
  const choice = useCommendationChoice(plans, today);
  const { plan, periodKey, quota } = choice;
  if (!stored) return <p>{t('app.loading')}</p>;
  if (!plan) return <p className="empty">{t('reports.noPlan')}</p>;
  return (
    <section className="stack" aria-labelledby="province-awards-title">
      <h2 id="province-awards-title">{t('commendations.provinceTitle')}</h2>
      <CommendationChoiceForm {...choice} plans={plans} plan={plan} />
      {!quota ? <p className="empty">{t('commendations.noQuota')}</p> : (
        // Keyed: the lists are read afresh for each plan, period and award, never the previous ones.
        <ProvinceList key={`${plan.planId}|${periodKey}|${quota.id}`} subject={subject} provinceId={provinceId} plan={plan} periodKey={periodKey} quota={quota} today={today} />
      )}
    </section>
  );
}

function ProvinceList({ subject, provinceId, plan, periodKey, quota, today }: {
  subject: ReportSubject; provinceId: string; plan: CampaignPlan; periodKey: string; quota: CommendationQuota; today: string;
}) {
  const { t } = useReportsT();
  const lists = useCommendations(plan.planId);
  const units = useRegistrableUnits(provinceId);
  const unknown = t('commendations.unknownUnit');
  const same = useMemo(() => (lists ?? []).filter((list) => list.kind === 'award' && list.periodKey === periodKey && list.quotaId === quota.id), [lists, periodKey, quota]);
  const { candidates, origins, communeLists } = useMemo(() => {
    const names = new Map((units ?? []).map((unit) => [unit.id, unit.name]));
    const fromCommunes = same.filter((list) => list.orgUnitId !== provinceId);
    const found = new Map<string, Nominee>();
    const from = new Map<string, string>();
    for (const list of fromCommunes) {
      for (const nominee of list.nominees) {
        if (found.has(keyOf(nominee))) continue;
        found.set(keyOf(nominee), nominee);
        from.set(keyOf(nominee), names.get(list.orgUnitId) ?? unknown);
      }
    }
    // Collectives first, as in a commune's list; each group in the communes' order.
    const all = [...found.values()];
    return { candidates: [...all.filter((n) => n.subject === 'collective'), ...all.filter((n) => n.subject !== 'collective')], origins: from, communeLists: fromCommunes.length };
  }, [same, units, provinceId, unknown]);
  if (!lists || !units) return <p>{t('app.loading')}</p>;
  return (
    <>
      <p>{communeLists === 0 ? t('commendations.noCommuneLists') : t('commendations.fromCommunes', { count: communeLists })}</p>
      <CommendationEditor orgUnitId={provinceId} origins={origins} isPreselected={false} subject={subject} plan={plan} periodKey={periodKey}
        quota={quota} candidates={candidates} existing={same.find((list) => list.orgUnitId === provinceId)} today={today} />
    </>
  );
}
