/**
 * Entering a value by hand (số liệu nhập tay): which of the plan's values, for which unit (and
 * team, when the value is a team's), over which days (this month by default), the number and a
 * note. Saved on the phone through putRecord and sent with the next sync; entering the same
 * value for the same unit, team and days again corrects it. A bad field says why beside it.
 */
import { useId, useState, type FormEvent } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { saveManualValue } from '#src/client/db/plan-input-repository.ts';
import { RecordValidationError } from '#src/client/db/record-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { monthSpan } from '../month-span.ts';
import { InputField } from './input-field.tsx';
import '#src/client/i18n/feature-messages.ts';

export function ManualValueForm({ plan, profile, today, onSaved }: { plan: CampaignPlan; profile: Profile; today: string; onSaved: (message: string) => void }) {
  const { t } = useT();
  const db = useDatabase();
  const id = useId();
  const units = profile.orgUnits;
  const month = monthSpan(today);
  const [form, setForm] = useState({ key: plan.manualInputs[0]?.key ?? '', orgUnitId: units[0]?.id ?? '', teamId: '', ...month, value: '', note: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const teams = (profile.teams ?? []).filter((team) => team.communeId === form.orgUnitId);
  const set = (change: Partial<typeof form>) => setForm((current) => ({ ...current, ...change }));

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (form.value.trim() === '' || !Number.isFinite(Number(form.value))) {
      setErrors({ value: t('planInputs.valueNeeded') });
      return;
    }
    try {
      await saveManualValue(db, {
        key: form.key, orgUnitId: form.orgUnitId, teamId: form.teamId === '' ? null : form.teamId, startDay: form.startDay, endDay: form.endDay,
        value: Number(form.value), note: form.note, enteredBy: profile.user.id,
      });
      setErrors({});
      set({ value: '', note: '' });
      onSaved(t('planInputs.valueSaved'));
    } catch (error) {
      if (!(error instanceof RecordValidationError)) throw error;
      setErrors(error.fields);
    }
  }

  if (plan.manualInputs.length === 0) return <p className="empty">{t('planInputs.noInputs')}</p>;
  return (
    <form className="card stack" noValidate onSubmit={(event) => void save(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('planInputs.valueTitle')}</h2>
      <InputField id={`${id}-key`} label={t('planInputs.key')} error={errors.key}>
        <select value={form.key} onChange={(event) => set({ key: event.target.value })}>
          {plan.manualInputs.map((input) => <option key={input.key} value={input.key}>{input.label}</option>)}
        </select>
      </InputField>
      <InputField id={`${id}-unit`} label={t('planInputs.unit')} error={errors.orgUnitId}>
        <select value={form.orgUnitId} onChange={(event) => set({ orgUnitId: event.target.value, teamId: '' })}>
          {units.map((unit) => <option key={unit.id} value={unit.id}>{unit.name}</option>)}
        </select>
      </InputField>
      {teams.length > 0 && (
        <InputField id={`${id}-team`} label={t('planInputs.team')} error={errors.teamId}>
          <select value={form.teamId} onChange={(event) => set({ teamId: event.target.value })}>
            <option value="">{t('planInputs.wholeUnit')}</option>
            {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
          </select>
        </InputField>
      )}
      <InputField id={`${id}-start`} label={t('planInputs.startDay')} error={errors.startDay}>
        <input type="date" value={form.startDay} onChange={(event) => set({ startDay: event.target.value })} />
      </InputField>
      <InputField id={`${id}-end`} label={t('planInputs.endDay')} error={errors.endDay}>
        <input type="date" value={form.endDay} onChange={(event) => set({ endDay: event.target.value })} />
      </InputField>
      <InputField id={`${id}-value`} label={t('planInputs.value')} error={errors.value}>
        <input type="number" inputMode="decimal" value={form.value} onChange={(event) => set({ value: event.target.value })} />
      </InputField>
      <InputField id={`${id}-note`} label={t('planInputs.note')} error={errors.note}>
        <textarea rows={2} value={form.note} onChange={(event) => set({ note: event.target.value })} />
      </InputField>
      <button type="submit" className="button button--primary button--block">{t('planInputs.saveValue')}</button>
    </form>
  );
}
