/**
 * Every message for a form's input, keyed by field: the form's own checks (in the user's
 * language) over the shared schema's (cross-field rules, put in the user's language through
 * their keys: rule-messages.ts), hidden fields left out; and which
 * control takes focus, the first bad field in screen order.
 */
import { RecordValidationError, validateRecord } from '#src/client/db/record-repository.ts';
import type { Language } from '#src/client/db/prefs-repository.ts';
import type { Translate } from '#src/client/i18n/i18n-context.tsx';
import { checkValues, errorKeyOfPath, isShown, type FieldErrors } from './draft-record.ts';
import type { DraftValues, KindDescription } from './field-spec.ts';
import { inLanguage } from './rule-messages.ts';

export function findErrors(description: KindDescription, values: DraftValues, record: Record<string, unknown>, t: Translate, language: Language): FieldErrors {
  const errors: FieldErrors = {};
  try {
    validateRecord('fieldLog', record);
  } catch (error) {
    if (!(error instanceof RecordValidationError)) throw error;
    for (const [path, message] of Object.entries(error.fields)) {
      const key = errorKeyOfPath(description, path) ?? '_';
      errors[key] ??= inLanguage(message, language);
    }
  }
  for (const field of description.fields) if (!isShown(field, values)) delete errors[field.key];
  return { ...errors, ...checkValues(description, values, t) };
}

/** The key of the first bad field in screen order (the kind's fields, then note and photos). */
export function firstErrorKey(description: KindDescription, errors: FieldErrors): string | undefined {
  const order = [...description.fields.map((field) => field.key), 'note', 'photoIds'];
  const rank = (key: string): number => {
    const index = order.indexOf(key.split('.')[0] ?? key);
    return index === -1 ? order.length : index;
  };
  return Object.keys(errors).sort((a, b) => rank(a) - rank(b))[0];
}

/** The id of the control showing `key`'s message (`checklist.items.2.note` → `<form>-checklist-note-2`). */
export function controlId(formId: string, key: string): string {
  return `${formId}-${key.replace(/^(\w+)\.items\.(\d+)\.note$/, '$1-note-$2')}`;
}
