/**
 * Words for a record's fields and values where the sync screens show them (conflicts, refusals):
 * the field's label in the user's language when known, and a value as a person reads it.
 */
import { formatDay } from '#src/shared/domain/dates.ts';
import { formatNumber, type Translate } from '#src/client/i18n/i18n-context.tsx';
import type { Language } from '#src/client/db/prefs-repository.ts';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import '#src/client/i18n/notebook-messages.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "Nội dung tuyên truyền" for `topic`; the field's own name when no label is known. */
export function fieldLabel(field: string, t: Translate): string {
  const key = `field.${field}` as MessageKey;
  const text = t(key);
  return text === key || text === undefined ? field : text;
}

/** A value as a person reads it: days as dd/MM/yyyy, numbers localised, lists counted. */
export function valueText(value: unknown, language: Language, t: Translate): string {
  if (value === null || value === undefined || value === '') return t('conflict.empty');
  if (typeof value === 'number') return formatNumber(value, language);
  if (typeof value === 'boolean') return t(value ? 'conflict.yes' : 'conflict.no');
  if (typeof value === 'string') return ISO_DAY.test(value) ? formatDay(value) : value;
  if (Array.isArray(value)) return t('conflict.items', { count: value.length });
  return JSON.stringify(value);
}
