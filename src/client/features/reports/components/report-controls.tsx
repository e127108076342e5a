/** What a report covers: the scope (commune police), the plan, and a month or a phase. */
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import { useReportsT } from '../report-messages.ts';
import type { ReportSubject } from '../report-subject.ts';
import { monthText } from '../report-text.ts';

export interface ReportChoice {
  scopeIndex: number;
  planId: string;
  periodKey: string;
}

export function ReportControls({ subject, plans, plan, months, choice, onChange }: {
  subject: ReportSubject;
  plans: readonly CampaignPlan[];
  plan: CampaignPlan;
  /** The months the plan can be reported on, newest first. */
  months: readonly string[];
  choice: ReportChoice;
  onChange: (choice: ReportChoice) => void;
}) {
  const { t } = useReportsT();
  return (
    <form className="card stack report-controls" aria-label={t('reports.choose')} onSubmit={(event) => event.preventDefault()}>
      {subject.choices.length > 1 && (
        <div className="field">
          <label htmlFor="report-scope" className="field__label">{t('reports.scope')}</label>
          <select id="report-scope" value={choice.scopeIndex} onChange={(event) => onChange({ ...choice, scopeIndex: Number(event.target.value) })}>
            {subject.choices.map((option, index) => <option key={option.scope.id} value={index}>{option.name}</option>)}
          </select>
        </div>
      )}
      {plans.length > 1 && (
        <div className="field">
          <label htmlFor="report-plan" className="field__label">{t('reports.plan')}</label>
          <select id="report-plan" value={choice.planId} onChange={(event) => onChange({ ...choice, planId: event.target.value, periodKey: '' })}>
            {plans.map((option) => <option key={option.planId} value={option.planId}>{option.name}</option>)}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="report-period" className="field__label">{t('reports.period')}</label>
        <select id="report-period" value={choice.periodKey} onChange={(event) => onChange({ ...choice, periodKey: event.target.value })}>
          <optgroup label={t('reports.months')}>
            {months.map((month) => <option key={month} value={`month:${month}`}>{t('reports.month', { month: monthText(month) })}</option>)}
          </optgroup>
          <optgroup label={t('reports.phases')}>
            {plan.phases.map((phase) => (
              <option key={phase.id} value={`phase:${phase.id}`}>{`${phase.name} (${formatDay(phase.startDay)} – ${formatDay(phase.endDay)})`}</option>
            ))}
          </optgroup>
        </select>
      </div>
    </form>
  );
}
