/**
 * The outreach log form (new and edit). It checks the input itself (messages beside each field,
 * focus on the first bad one), then hands the draft to `onSave`, which may answer with the
 * shared schema's field errors. While the input differs from what was loaded, the feature store
 * says so (the update prompt waits) and leaving asks first.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { OrgUnitSummary } from '#src/shared/domain/account.ts';
import { outreachForms } from '#src/shared/domain/field-log.ts';
import { Field } from '#src/client/components/field.tsx';
import { isStorageFull } from '#src/client/db/storage-errors.ts';
import { useLeaveGuard } from '#src/client/components/navigation.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { useOutreachFormStore } from '../outreach-form-store.ts';
import { checkDraft, dayOfDateText, draftFields, isSameDraft, type DraftErrors, type DraftField, type OutreachDraft } from '../outreach-draft.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import { HouseholdPicker } from './household-picker.tsx';

/** Common topics (chủ đề tuyên truyền) offered as suggestions; any text is allowed. */
const TOPIC_SUGGESTIONS = [
  'Phòng chống lừa đảo qua mạng',
  'Phòng cháy, chữa cháy',
  'Phòng chống ma túy',
  'An toàn giao thông',
  'Tố giác tội phạm',
];

export function OutreachForm({ hamlets, initial, onSave, onCancel }: {
  hamlets: readonly OrgUnitSummary[];
  initial: OutreachDraft;
  /** Stores the draft; resolves to field errors when the stored schema refused it. */
  onSave: (draft: OutreachDraft) => Promise<DraftErrors | null>;
  onCancel: () => void;
}) {
  const { t } = useT();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  // What is stored: the loaded log, then each saved draft. Input differing from it is unsaved.
  const [stored, setStored] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [isSaving, setIsSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const setHasUnsavedInput = useOutreachFormStore((state) => state.setHasUnsavedInput);
  const clearNotice = useOutreachFormStore((state) => state.clearNotice);
  const isDirty = !isSameDraft(draft, stored);
  const fieldId = (field: DraftField): string => `${id}-${field}`;

  useEffect(() => {
    setHasUnsavedInput(isDirty);
  }, [isDirty, setHasUnsavedInput]);
  useEffect(() => {
    // A new form makes the last "Đã lưu" stale.
    clearNotice();
    return () => setHasUnsavedInput(false);
  }, [clearNotice, setHasUnsavedInput]);
  useLeaveGuard(isDirty && !isSaving, t('outreach.leaveConfirm'));

  function update<K extends keyof OutreachDraft>(key: K, value: OutreachDraft[K]): void {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  function showErrors(found: DraftErrors): void {
    setErrors(found);
    const first = draftFields.find((field) => found[field]);
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  async function handleSubmit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const found = checkDraft(draft, t);
    if (Object.keys(found).length > 0) return showErrors(found);
    setErrors({});
    setSaveError(null);
    setIsSaving(true);
    try {
      const refused = await onSave(draft);
      if (refused) showErrors(refused);
      else setStored(draft);
    } catch (error) {
      // Storage full, or a field the form does not show (e.g. no team): nothing was stored, and
      // the input stays in the form to be saved again once space is freed.
      setSaveError(isStorageFull(error) ? t('storage.full') : t('outreach.saveFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setIsSaving(false);
    }
  }

  const errorCount = Object.keys(errors).length;
  return (
    <form className="stack" noValidate onSubmit={handleSubmit}>
      <div role="alert" className={errorCount > 0 || saveError ? 'alert alert--error' : 'visually-hidden'}>
        {saveError ?? (errorCount > 0 ? t('outreach.errorSummary', { count: errorCount }) : '')}
      </div>
      <HouseholdPicker hamlets={hamlets} selectedIds={draft.householdIds} error={errors.households}
        inputId={fieldId('households')} onChange={(ids) => update('householdIds', ids)} />
      <Field id={fieldId('topic')} label={t('outreach.topic')} error={errors.topic}>
        {(control) => (
          <>
            <input {...control} type="text" list={`${id}-topics`} value={draft.topic}
              maxLength={400} onChange={(event) => update('topic', event.target.value)} />
            <datalist id={`${id}-topics`}>
              {TOPIC_SUGGESTIONS.map((topic) => <option key={topic} value={topic} />)}
            </datalist>
          </>
        )}
      </Field>
      <Field id={fieldId('form')} label={t('outreach.form')} error={errors.form}>
        {(control) => (
          <select {...control} value={draft.form}
            onChange={(event) => update('form', event.target.value as OutreachDraft['form'])}>
            <option value="">{t('outreach.formPlaceholder')}</option>
            {outreachForms.map((form) => <option key={form} value={form}>{t(`outreachForm.${form}`)}</option>)}
          </select>
        )}
      </Field>
      <Field id={fieldId('date')} label={t('outreach.date')} error={errors.date}>
        {(control) => (
          <input {...control} type="text" inputMode="numeric" autoComplete="off"
            placeholder="dd/mm/yyyy" value={draft.dateText}
            onChange={(event) => update('dateText', event.target.value)}
            onBlur={() => {
              // Show "05032026" as the day it means.
              const day = dayOfDateText(draft.dateText);
              if (day) update('dateText', formatDay(day));
            }} />
        )}
      </Field>
      <Field id={fieldId('people')} label={t('outreach.people')} error={errors.people}>
        {(control) => (
          <input {...control} type="text" inputMode="numeric" autoComplete="off"
            className="input--short" value={draft.peopleText} onChange={(event) => update('peopleText', event.target.value)} />
        )}
      </Field>
      <Field id={fieldId('note')} label={t('outreach.note')} error={errors.note}>
        {(control) => (
          <textarea {...control} rows={3} value={draft.note}
            onChange={(event) => update('note', event.target.value)} />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={isSaving}>
          {isSaving ? t('outreach.saving') : t('outreach.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>{t('outreach.cancel')}</button>
      </div>
    </form>
  );
}
