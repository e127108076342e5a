/**
 * `/so-lieu`: what commune police and province staff enter for a plan, offline like any save:
 * values entered by hand for a unit or team and a span of days, and (commune police) teams' own
 * targets for the indicators the plan lets them assign.
 */
import { useId, useState } from 'react';
import { latestVersions } from '#src/shared/domain/campaign-plan.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { useCurrentPlans } from '#src/client/db/campaign-plan-repository.ts';
import { usePlanAssignments } from '#src/client/db/plan-input-repository.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { AssignmentForm } from './assignment-form.tsx';
import { ManualValueForm } from './manual-value-form.tsx';
import { ManualValueList } from './manual-value-list.tsx';
import '#src/client/i18n/feature-messages.ts';

export function PlanInputsScreen({ profile, today = dayInVietnam() }: ScreenProps & { today?: string }) {
  const { t } = useT();
  const selectId = useId();
  const all = useCurrentPlans();
  const plans = latestVersions(all ?? []);
  const [planId, setPlanId] = useState<string | null>(null);
  const plan = plans.find((candidate) => candidate.planId === planId) ?? plans[0] ?? null;
  const assignments = usePlanAssignments(plan?.planId ?? '');
  const [notice, setNotice] = useState('');
  const onSaved = (message: string) => {
    requestSync('local-change');
    setNotice(message);
  };
  const assignable = plan && profile.user.role === 'commune-police' ? plan.indicators.filter((indicator) => indicator.isAssignable) : [];
  return (
    <section className="stack" aria-labelledby="plan-inputs-title">
      <h1 id="plan-inputs-title" tabIndex={-1}>{t('planInputs.title')}</h1>
      <p role="status" className={notice ? 'alert alert--success' : 'visually-hidden'}>{notice}</p>
      {all === undefined ? <p>{t('app.loading')}</p> : !plan ? <p className="empty">{t('planInputs.noPlan')}</p> : (
        <>
          <div className="field">
            <label htmlFor={selectId} className="field__label">{t('board.choosePlan')}</label>
            <select id={selectId} value={plan.planId} onChange={(event) => setPlanId(event.target.value)}>
              {plans.map((candidate) => <option key={candidate.planId} value={candidate.planId}>{candidate.name}</option>)}
            </select>
          </div>
          <ManualValueForm key={`values-${plan.planId}`} plan={plan} profile={profile} today={today} onSaved={onSaved} />
          <ManualValueList plan={plan} profile={profile} />
          {assignable.length > 0 && assignments !== undefined && (
            <section className="stack" aria-labelledby="assignments-title">
              <h2 id="assignments-title">{t('planInputs.targetsTitle')}</h2>
              <p className="field__hint">{t('planInputs.targetsHint')}</p>
              {assignable.map((indicator) => (
                <AssignmentForm key={`${plan.planId}-${indicator.id}`} plan={plan} indicator={indicator} assignments={assignments}
                  teams={(profile.teams ?? []).filter((team) => profile.orgUnits.some((unit) => unit.id === team.communeId))} userId={profile.user.id} onSaved={onSaved} />
              ))}
            </section>
          )}
        </>
      )}
    </section>
  );
}
