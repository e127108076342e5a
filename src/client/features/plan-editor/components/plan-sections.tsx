/**
 * The plan's general fields, its phases (đợt) and the values entered by hand that its
 * indicators read, as sections of the editor.
 */
import type { OrgUnitSummary } from '#src/shared/domain/account.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { freshId, newPhase, type PlanDraft } from '../plan-draft.ts';
import { DayField, RowError, SelectField, TextField, type FieldContext } from './plan-inputs.tsx';
import '#src/client/i18n/plan-messages.ts';

type Change = (next: Partial<PlanDraft>) => void;

export function GeneralFields({ ctx, draft, units, orgUnitId, onOrgUnit, onChange }: {
  ctx: FieldContext;
  draft: PlanDraft;
  units: readonly OrgUnitSummary[];
  orgUnitId: string;
  onOrgUnit: (id: string) => void;
  onChange: Change;
}) {
  const { t } = useT();
  return (
    <section className="card stack" aria-labelledby={ctx.idOf('general-title')}>
      <h2 id={ctx.idOf('general-title')}>{t('plans.general')}</h2>
      <TextField ctx={ctx} path="name" label={t('plans.name')} isMultiline value={draft.name} onChange={(name) => onChange({ name })} />
      <TextField ctx={ctx} path="issuer" label={t('plans.issuer')} value={draft.issuer} onChange={(issuer) => onChange({ issuer })} />
      <TextField ctx={ctx} path="documentNumber" label={t('plans.documentNumber')} isShort value={draft.documentNumber} onChange={(documentNumber) => onChange({ documentNumber })} />
      <DayField ctx={ctx} path="issuedOn" label={t('plans.issuedOn')} value={draft.issuedOn} onChange={(issuedOn) => onChange({ issuedOn })} />
      <SelectField ctx={ctx} path="orgUnitId" label={t('plans.orgUnit')} value={orgUnitId} placeholder={units.length === 1 ? undefined : '—'}
        options={units.map((unit) => [unit.id, unit.name] as const)} onChange={onOrgUnit} />
      <DayField ctx={ctx} path="startDay" label={t('plans.startDay')} value={draft.startDay} onChange={(startDay) => onChange({ startDay })} />
      <DayField ctx={ctx} path="endDay" label={t('plans.endDay')} value={draft.endDay} onChange={(endDay) => onChange({ endDay })} />
      <TextField ctx={ctx} path="theme" label={t('plans.theme')} isMultiline value={draft.theme} onChange={(theme) => onChange({ theme })} />
      <TextField ctx={ctx} path="periodSource.paragraph" label={t('plans.sourceParagraph')} isShort value={draft.periodSource.paragraph}
        onChange={(paragraph) => onChange({ periodSource: { ...draft.periodSource, paragraph } })} />
      <TextField ctx={ctx} path="periodSource.quote" label={t('plans.sourceQuote')} isMultiline value={draft.periodSource.quote}
        onChange={(quote) => onChange({ periodSource: { ...draft.periodSource, quote } })} />
    </section>
  );
}

export function PhaseRows({ ctx, draft, onChange }: { ctx: FieldContext; draft: PlanDraft; onChange: Change }) {
  const { t } = useT();
  const update = (index: number, field: string, value: string) =>
    onChange({ phases: draft.phases.map((phase, i) => (i === index ? { ...phase, [field]: value } : phase)) });
  return (
    <section className="card stack" aria-labelledby={ctx.idOf('phases-title')}>
      <h2 id={ctx.idOf('phases-title')}>{t('plans.phases')}</h2>
      <RowError ctx={ctx} path="phases" />
      {draft.phases.map((phase, index) => {
        const at = (field: string) => `phases.${index}.${field}`;
        const title = t('plans.phase', { number: index + 1, name: phase.name });
        return (
          <fieldset key={index} className="plan-row stack">
            <legend className="plan-row__title">{title}</legend>
            <RowError ctx={ctx} path={`phases.${index}`} />
            <TextField ctx={ctx} path={at('name')} label={t('plans.phaseName')} value={phase.name} onChange={(value) => update(index, 'name', value)} />
            <DayField ctx={ctx} path={at('startDay')} label={t('plans.startDay')} value={phase.startDay} onChange={(value) => update(index, 'startDay', value)} />
            <DayField ctx={ctx} path={at('endDay')} label={t('plans.endDay')} value={phase.endDay} onChange={(value) => update(index, 'endDay', value)} />
            <TextField ctx={ctx} path={at('theme')} label={t('plans.phaseTheme')} isMultiline value={phase.theme} onChange={(value) => update(index, 'theme', value)} />
            <button type="button" className="button button--small" onClick={() => onChange({ phases: draft.phases.filter((_, i) => i !== index) })}>
              {t('plans.removePhase', { name: title })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button" onClick={() => onChange({ phases: [...draft.phases, newPhase(draft)] })}>{t('plans.addPhase')}</button>
    </section>
  );
}

export function ManualInputRows({ ctx, draft, onChange }: { ctx: FieldContext; draft: PlanDraft; onChange: Change }) {
  const { t } = useT();
  const update = (index: number, field: string, value: string) =>
    onChange({ manualInputs: draft.manualInputs.map((input, i) => (i === index ? { ...input, [field]: value } : input)) });
  const add = () => onChange({ manualInputs: [...draft.manualInputs, { key: freshId('so-lieu', draft.manualInputs.map((i) => i.key)), label: '', aggregation: 'latest' }] });
  return (
    <section className="card stack" aria-labelledby={ctx.idOf('inputs-title')}>
      <h2 id={ctx.idOf('inputs-title')}>{t('plans.manualInputs')}</h2>
      <p className="card__meta">{t('plans.manualInputsHint')}</p>
      {draft.manualInputs.map((input, index) => {
        const at = (field: string) => `manualInputs.${index}.${field}`;
        const title = t('plans.manualInput', { number: index + 1, label: input.label || input.key });
        return (
          <fieldset key={index} className="plan-row stack">
            <legend className="plan-row__title">{title}</legend>
            <RowError ctx={ctx} path={`manualInputs.${index}`} />
            <TextField ctx={ctx} path={at('label')} label={t('plans.inputLabel')} value={input.label} onChange={(value) => update(index, 'label', value)} />
            <TextField ctx={ctx} path={at('key')} label={t('plans.inputKey')} value={input.key} onChange={(value) => update(index, 'key', value)} />
            <SelectField ctx={ctx} path={at('aggregation')} label={t('plans.inputAggregation')} value={input.aggregation}
              options={(['sum', 'latest'] as const).map((value) => [value, t(`plans.aggregation.${value}`)] as const)}
              onChange={(value) => update(index, 'aggregation', value)} />
            <button type="button" className="button button--small" onClick={() => onChange({ manualInputs: draft.manualInputs.filter((_, i) => i !== index) })}>
              {t('plans.removeInput', { label: input.label || input.key })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button" onClick={add}>{t('plans.addInput')}</button>
    </section>
  );
}
