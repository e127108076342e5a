/**
 * One form for every kind: the kind's field list drawn by the widgets, then note, photos and
 * location. Input is kept as a draft while typing (hooks/use-draft-autosave.ts). Saving checks
 * the input in the user's language and against the kind's shared schema; each message stands
 * beside its field, the first bad field takes focus, and once shown, messages follow the input
 * live, so a message goes away as soon as its field is fixed.
 */
import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { formatInstant } from '#src/shared/domain/dates.ts';
import { Field } from '#src/client/components/field.tsx';
import { isStorageFull } from '#src/client/db/storage-errors.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { useEntryFormStore } from '../entry-form-store.ts';
import { isShown, recordFromValues, type FieldErrors, type RecordContext } from '../draft-record.ts';
import { controlId, findErrors, firstErrorKey } from '../form-errors.ts';
import { isSameValues, readText } from '../draft-values.ts';
import type { DraftValues, KindDescription } from '../field-spec.ts';
import { useDraftAutosave, type DraftTarget } from '../hooks/use-draft-autosave.ts';
import { FieldWidget } from '../widgets/field-widget.tsx';
import { LocationField } from '../widgets/location-field.tsx';
import { PhotosField } from '../widgets/photos-field.tsx';
import type { FormContext } from '../widgets/widget-props.ts';
import '#src/client/i18n/notebook-messages.ts';

export interface EntryFormProps {
  description: KindDescription;
  context: FormContext;
  /** What the form opens with: the stored draft, or `start`. */
  initial: DraftValues;
  /** The input that is not a draft: the empty form or the stored entry. */
  start: DraftValues;
  draft: DraftTarget;
  recordContext: () => RecordContext;
  /** Stores the record; throws RecordValidationError when the schema refuses it. */
  onSave: (record: Record<string, unknown>) => Promise<void>;
  onCancel: () => void;
  /** When the form opened a stored draft: its time, and how to start over without it. */
  resumedDraft?: { updatedAt: string; onDiscard: () => void } | null;
}

const NO_ERRORS: FieldErrors = {};

export function EntryForm({ description, context, initial, start, draft, recordContext, onSave, onCancel, resumedDraft }: EntryFormProps) {
  const { t, language } = useT();
  const id = useId();
  const [values, setValues] = useState(initial);
  const [hasTriedSave, setHasTriedSave] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const setHasUnsavedInput = useEntryFormStore((state) => state.setHasUnsavedInput);
  const clearNotice = useEntryFormStore((state) => state.clearNotice);
  // What is stored: the entry (or nothing), then each saved input. Input differing from it is unsaved.
  const [stored, setStored] = useState(start);
  const isDirty = !isSameValues(values, stored);
  const autosave = useDraftAutosave(draft, values, isDirty);
  // Messages appear at the first save and then follow the input: fixing a field clears its message.
  const errors = useMemo(
    () => (hasTriedSave ? findErrors(description, values, recordFromValues(description, values, recordContext()), t, language) : NO_ERRORS),
    [hasTriedSave, description, values, recordContext, t, language],
  );
  const setValue = useCallback((key: string, value: unknown) => setValues((current) => ({ ...current, [key]: value })), []);
  const inputId = (key: string): string => controlId(id, key);

  useEffect(() => setHasUnsavedInput(isDirty), [isDirty, setHasUnsavedInput]);
  useEffect(() => {
    // A new form makes the last "Đã lưu" stale.
    clearNotice();
    return () => setHasUnsavedInput(false);
  }, [clearNotice, setHasUnsavedInput]);

  async function handleSubmit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setHasTriedSave(true);
    setSaveError(null);
    const record = recordFromValues(description, values, recordContext());
    const found = findErrors(description, values, record, t, language);
    const first = firstErrorKey(description, found);
    if (first !== undefined) return document.getElementById(inputId(first))?.focus();
    setIsSaving(true);
    try {
      autosave.stop();
      await onSave(record);
      setStored(values);
    } catch (error) {
      // Storage full, for instance: nothing was stored, the draft is kept.
      // A full phone: nothing was stored, the input stays in the form (and its draft) to be saved
      // again once space is freed.
      setSaveError(isStorageFull(error) ? t('storage.full') : t('outreach.saveFailed', { message: error instanceof Error ? error.message : String(error) }));
      autosave.flush();
    } finally {
      setIsSaving(false);
    }
  }

  const errorCount = Object.keys(errors).length;
  const widgetProps = { values, setValue, errors, context, flushDraft: autosave.flush };
  return (
    <form className="stack entry-form" noValidate onSubmit={handleSubmit}>
      {resumedDraft && <DraftNotice updatedAt={resumedDraft.updatedAt} onDiscard={() => {
        autosave.stop();
        resumedDraft.onDiscard();
      }} />}
      <div role="alert" className={errorCount > 0 || saveError ? 'alert alert--error' : 'visually-hidden'}>
        {saveError ?? (errorCount > 0 ? t('outreach.errorSummary', { count: errorCount }) : '')}
        {errors._ && <span> {errors._}</span>}
      </div>
      {description.fields.filter((field) => isShown(field, values)).map((field) => (
        <FieldWidget key={field.key} field={field} error={errors[field.key]} inputId={inputId(field.key)} {...widgetProps} />
      ))}
      <Field id={inputId('note')} label={t('field.note')} error={errors.note}>
        {(control) => <textarea {...control} rows={3} value={readText(values, 'note')} onChange={(event) => setValue('note', event.target.value)} />}
      </Field>
      <PhotosField values={values} setValue={setValue} entryId={context.entryId} error={errors.photoIds} />
      <LocationField values={values} setValue={setValue} />
      <p className="field__hint">{t('entry.draftKept')}</p>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={isSaving}>
          {isSaving ? t('outreach.saving') : t('outreach.save')}
        </button>
        <button type="button" className="button" onClick={() => {
          autosave.stop();
          onCancel();
        }}>{t('outreach.cancel')}</button>
      </div>
    </form>
  );
}

function DraftNotice({ updatedAt, onDiscard }: { updatedAt: string; onDiscard: () => void }) {
  const { t } = useT();
  return (
    <div className="alert alert--info draft-notice">
      <p>{t('entry.draftResumed', { at: formatInstant(updatedAt) })}</p>
      <button type="button" className="button button--small" onClick={onDiscard}>{t('entry.draftDiscard')}</button>
    </div>
  );
}
