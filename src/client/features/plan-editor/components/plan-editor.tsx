/**
 * The plan editor: general fields, phases, entered values and indicators of one plan, checked
 * with the shared plan schema on save (messages beside the fields, the first one focused), and
 * published as a new version through `onSave`. The plan as a JSON file is always at hand below.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { OrgUnitSummary } from '#src/shared/domain/account.ts';
import type { CampaignPlanContent } from '#src/shared/domain/campaign-plan.ts';
import { useLeaveGuard } from '#src/client/components/navigation.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { checkDraft, contentOfDraft, type DraftErrors, type PlanDraft } from '../plan-draft.ts';
import { placeErrors, shownPaths } from '../plan-errors.ts';
import { IndicatorRows } from './indicator-rows.tsx';
import { JsonExport } from './json-export.tsx';
import { GeneralFields, ManualInputRows, PhaseRows } from './plan-sections.tsx';
import type { FieldContext } from './plan-inputs.tsx';
import '#src/client/i18n/plan-messages.ts';

export interface PlanEditorProps {
  initial: PlanDraft;
  /** Messages to show at once (an imported file's problems). */
  initialErrors?: DraftErrors;
  units: readonly OrgUnitSummary[];
  initialOrgUnitId: string;
  /** Publishes the checked content (the screen confirms it); rejects when nothing was stored. */
  onSave: (content: CampaignPlanContent, orgUnitId: string) => Promise<void>;
  onCancel: () => void;
}

export function PlanEditor({ initial, initialErrors = {}, units, initialOrgUnitId, onSave, onCancel }: PlanEditorProps) {
  const { t } = useT();
  const formId = useId();
  const [draft, setDraft] = useState(initial);
  const [stored, setStored] = useState(initial);
  const [orgUnitId, setOrgUnitId] = useState(initialOrgUnitId);
  const [errors, setErrors] = useState<DraftErrors>(initialErrors);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const isDirty = draft !== stored;
  useLeaveGuard(isDirty && !isSaving, t('plans.leaveConfirm'));

  const placed = useMemo(() => placeErrors(errors, shownPaths(draft)), [errors, draft]);
  const ctx: FieldContext = {
    idOf: (path) => `${formId}-${path.replaceAll('.', '-')}`,
    errorAt: (path) => placed.at[path],
  };
  const change = (next: Partial<PlanDraft>) => setDraft((current) => ({ ...current, ...next }));

  async function handleSubmit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSaveError(null);
    const checked = checkDraft(draft);
    const found: DraftErrors = { ...(checked.errors ?? {}), ...(orgUnitId ? {} : { orgUnitId: t('plans.orgUnitRequired') }) };
    setErrors(found);
    if (!checked.content || Object.keys(found).length > 0) {
      const paths = shownPaths(draft);
      const placedNow = placeErrors(found, paths);
      const first = paths.find((path) => placedNow.at[path]);
      if (first) document.getElementById(ctx.idOf(first))?.focus();
      return;
    }
    setIsSaving(true);
    try {
      await onSave(checked.content, orgUnitId);
      setStored(draft);
    } catch (error) {
      setSaveError(t('plans.saveFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setIsSaving(false);
    }
  }

  const errorCount = Object.keys(placed.at).length + placed.elsewhere.length;
  const hasAlert = errorCount > 0 || saveError !== null;
  return (
    <form className="stack" noValidate onSubmit={handleSubmit}>
      <div role="alert" className={hasAlert ? 'alert alert--error' : 'visually-hidden'}>
        {saveError && <p>{saveError}</p>}
        {errorCount > 0 && <p>{t('plans.errorSummary', { count: errorCount })}</p>}
        {placed.elsewhere.length > 0 && (
          <>
            <p>{t('plans.otherErrors')}</p>
            <ul>{placed.elsewhere.map(([path, message]) => <li key={path}><code>{path}</code>: {message}</li>)}</ul>
          </>
        )}
      </div>
      <GeneralFields ctx={ctx} draft={draft} units={units} orgUnitId={orgUnitId} onOrgUnit={setOrgUnitId} onChange={change} />
      <PhaseRows ctx={ctx} draft={draft} onChange={change} />
      <ManualInputRows ctx={ctx} draft={draft} onChange={change} />
      <IndicatorRows ctx={ctx} draft={draft} onChange={(indicators) => change({ indicators })} />
      <section className="card stack" aria-labelledby={ctx.idOf('other-title')}>
        <h2 id={ctx.idOf('other-title')}>{t('plans.otherParts')}</h2>
        <p>{t('plans.otherPartsText', { deadlines: draft.deadlines.length, quotas: draft.commendationQuotas.length, dossiers: draft.dossiers.length })}</p>
      </section>
      <JsonExport toJson={() => JSON.stringify(contentOfDraft(draft), null, 2)} fileName={`ke-hoach-${(draft.documentNumber || 'moi').replace(/[^\p{L}\p{N}-]+/gu, '-')}.json`} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={isSaving}>{isSaving ? t('plans.saving') : t('plans.save')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('plans.cancel')}</button>
      </div>
    </form>
  );
}
