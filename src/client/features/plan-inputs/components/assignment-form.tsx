/**
 * Giving teams their own targets (giao chỉ tiêu) for an indicator the plan lets commune police
 * assign: one number per team, in the indicator's unit, for every period of the indicator. An
 * empty box keeps the plan's target. Saved on the phone through putRecord, sent with the sync;
 * the team's progress is judged against it from then on.
 */
import { useId, useState, type FormEvent } from 'react';
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import type { Indicator } from '#src/shared/domain/plan-indicator.ts';
import type { TargetAssignment } from '#src/shared/domain/target-assignment.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { saveAssignment } from '#src/client/db/plan-input-repository.ts';
import { RecordValidationError } from '#src/client/db/record-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { InputField } from './input-field.tsx';
import '#src/client/i18n/feature-messages.ts';

type Team = { id: string; name: string; communeId: string };

const symbols = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' } as const;

export function AssignmentForm({ plan, indicator, teams, assignments, userId, onSaved }: {
  plan: CampaignPlan;
  indicator: Indicator;
  teams: readonly Team[];
  assignments: readonly TargetAssignment[];
  userId: string;
  onSaved: (message: string) => void;
}) {
  const { t } = useT();
  const db = useDatabase();
  const id = useId();
  const current = (teamId: string) => assignments.find((row) => row.teamId === teamId && row.indicatorId === indicator.id && row.periodKey === null);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(teams.map((team) => [team.id, current(team.id)?.value.toString() ?? ''])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const unit = indicator.target.unit === 'percent' ? '%' : t('planInputs.count');

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    const found: Record<string, string> = {};
    let saved = 0;
    for (const team of teams) {
      const text = (values[team.id] ?? '').trim();
      if (text === '' || Number(text) === current(team.id)?.value) continue;
      if (!Number.isFinite(Number(text))) {
        found[team.id] = t('planInputs.valueNeeded');
        continue;
      }
      try {
        await saveAssignment(db, { planId: plan.planId, indicatorId: indicator.id, teamId: team.id, orgUnitId: team.communeId, periodKey: null, value: Number(text), assignedBy: userId });
        saved += 1;
      } catch (error) {
        if (!(error instanceof RecordValidationError)) throw error;
        found[team.id] = error.fields.value ?? Object.values(error.fields)[0] ?? '';
      }
    }
    setErrors(found);
    if (saved > 0) onSaved(t('planInputs.targetsSaved', { count: saved, indicator: indicator.label }));
  }

  return (
    <form className="card stack" noValidate onSubmit={(event) => void save(event)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{indicator.label}</h3>
      <p className="card__meta">{t('planInputs.planTarget', { target: `${symbols[indicator.target.comparator]} ${indicator.target.value}${indicator.target.unit === 'percent' ? '%' : ` ${unit}`}` })}</p>
      {teams.map((team) => (
        <InputField key={team.id} id={`${id}-${team.id}`} label={t('planInputs.teamTarget', { team: team.name, unit })} error={errors[team.id]}>
          <input type="number" inputMode="decimal" value={values[team.id] ?? ''} onChange={(event) => setValues((all) => ({ ...all, [team.id]: event.target.value }))} />
        </InputField>
      ))}
      <button type="submit" className="button button--primary button--block">{t('planInputs.saveTargets', { indicator: indicator.label })}</button>
    </form>
  );
}
