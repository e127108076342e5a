/**
 * From typed input to a stored entry: the checks the form makes in the user's language (empty
 * required fields, days and times that cannot be read, numbers, lengths, days in the future),
 * the record the input becomes, and where each of the shared schema's messages is shown. The
 * schema still decides (cross-field rules such as "end after start"), on the device and on the
 * server.
 */
import { dayInVietnam, formatDay, instantOfVietnamTime, parseClockTime, parseDisplayDay } from '#src/shared/domain/dates.ts';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { statusAfterAuthorSave } from '#src/shared/domain/review.ts';
import { fieldLogLimits } from '#src/shared/domain/entry-base.ts';
import type { Translate } from '#src/client/i18n/i18n-context.tsx';
import type { DraftValues, FieldSpec, KindDescription } from './field-spec.ts';
import { readChecklist, readIds, readLocation, readText, readTime, readUrgent } from './draft-values.ts';

/** Messages by field key; checklist items as `checklist.items.<n>.note`. */
export type FieldErrors = Record<string, string>;

/**
 * The typed day as `yyyy-MM-dd`, or null. Eight digits ("05032026") count as dd/MM/yyyy: the
 * numeric keypad of many Android phones has no "/".
 */
export function dayOfText(text: string): string | null {
  const digits = text.trim();
  if (/^\d{8}$/.test(digits)) return parseDisplayDay(`${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4)}`);
  return parseDisplayDay(text);
}

/** The typed day and time as an ISO instant; null when empty; undefined when unreadable. */
function instantOfText(value: { day: string; time: string }): string | null | undefined {
  if (value.day.trim() === '' && value.time.trim() === '') return null;
  const day = dayOfText(value.day);
  const time = parseClockTime(value.time);
  return day && time ? instantOfVietnamTime(day, time) : undefined;
}

export function isShown(field: FieldSpec, values: DraftValues): boolean {
  return field.isShown ? field.isShown(values) : true;
}

function isEmpty(field: FieldSpec, values: DraftValues): boolean {
  switch (field.widget) {
    case 'time': { const value = readTime(values, field.key); return value.day.trim() === '' && value.time.trim() === ''; }
    case 'households':
    case 'members': return readIds(values, field.key).length === 0;
    case 'yesNo':
    case 'checklist':
    case 'urgent': return false;
    default: return readText(values, field.key).trim() === '';
  }
}

function checkFormat(field: FieldSpec, values: DraftValues, t: Translate, today: string): string | null {
  switch (field.widget) {
    case 'day': {
      const day = dayOfText(readText(values, field.key));
      if (day === null) return t('error.day', { example: formatDay(today) });
      return day > today ? t('error.dayFuture') : null;
    }
    case 'time': {
      const value = readTime(values, field.key);
      if (dayOfText(value.day) === null) return t('error.day', { example: formatDay(today) });
      return parseClockTime(value.time) === null ? t('error.time') : null;
    }
    case 'number': {
      const text = readText(values, field.key).trim();
      if (!/^\d+$/.test(text)) return t('error.number');
      if (Number(text) < field.min) return t('error.numberMin', { min: field.min });
      return Number(text) > field.max ? t('error.numberMax', { max: field.max }) : null;
    }
    case 'text':
    case 'longText':
      return readText(values, field.key).trim().length > field.maxLength ? t('error.tooLong', { max: field.maxLength }) : null;
    default:
      return null;
  }
}

/** The form's own checks, in the user's language; empty when the input can become a record. */
export function checkValues(description: KindDescription, values: DraftValues, t: Translate, today: string = dayInVietnam()): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of description.fields) {
    if (!isShown(field, values)) continue;
    if (isEmpty(field, values)) {
      const isRequired = typeof field.isRequired === 'function' ? field.isRequired(values) : field.isRequired;
      if (isRequired) errors[field.key] = field.requiredMessage ? t(field.requiredMessage) : t('error.required', { label: t(field.label) });
      continue;
    }
    const message = checkFormat(field, values, t, today);
    if (message) errors[field.key] = message;
  }
  if (readText(values, 'note').trim().length > fieldLogLimits.noteMaxLength) errors.note = t('error.tooLong', { max: fieldLogLimits.noteMaxLength });
  return errors;
}

function recordValue(field: FieldSpec, values: DraftValues): Record<string, unknown> {
  const key = field.key;
  if (!isShown(field, values)) return field.widget === 'text' || field.widget === 'longText' ? { [key]: '' } : {};
  switch (field.widget) {
    case 'day': { const text = readText(values, key); return { [key]: text.trim() === '' ? null : (dayOfText(text) ?? text) }; }
    case 'time': return { [key]: instantOfText(readTime(values, key)) };
    case 'number': { const text = readText(values, key).trim(); return { [key]: /^\d+$/.test(text) ? Number(text) : undefined }; }
    case 'select': { const value = readText(values, key); return { [key]: value === '' ? undefined : value }; }
    case 'agency': { const value = readText(values, key); return { [key]: value === '' ? null : value }; }
    case 'yesNo': return { [key]: values[key] === true };
    case 'households': { const ids = readIds(values, key); return { [key]: field.multiple ? ids : ids[0] }; }
    case 'members': return { [key]: readIds(values, key) };
    case 'checklist': return { [key]: readChecklist(values, key) ?? undefined };
    case 'urgent': { const urgent = readUrgent(values, key); return { isUrgent: urgent.isUrgent, urgentContact: urgent.contact }; }
    default: return { [key]: readText(values, key).trim() };
  }
}

export interface RecordContext {
  id: string;
  teamId: string | undefined;
  memberId: string;
  existing: FieldLog | null;
  now: Date;
}

/**
 * The record to store. Editing keeps the stored fields (and fields this app does not know);
 * the author's save of a returned entry resubmits it.
 */
export function recordFromValues(description: KindDescription, values: DraftValues, context: RecordContext): Record<string, unknown> {
  const own: Record<string, unknown> = {};
  for (const field of description.fields) Object.assign(own, recordValue(field, values));
  const date = description.dateFrom === undefined
    ? own.date
    : typeof own[description.dateFrom] === 'string' ? dayInVietnam(new Date(own[description.dateFrom] as string)) : undefined;
  const nowIso = context.now.toISOString();
  const existing = context.existing;
  return {
    ...(existing ?? {}),
    ...own,
    id: context.id,
    kind: description.kind,
    teamId: existing?.teamId ?? context.teamId,
    memberId: existing?.memberId ?? context.memberId,
    date,
    note: readText(values, 'note').trim(),
    photoIds: readIds(values, 'photoIds'),
    location: readLocation(values),
    reviewStatus: existing ? statusAfterAuthorSave(existing.reviewStatus) : 'pending',
    createdAt: existing?.createdAt ?? nowIso,
    updatedAt: nowIso,
  };
}

/**
 * The field a schema message is shown beside: the path's first part, except `date` of a
 * time-based kind (beside the instant it comes from), the urgent contact (beside "urgent") and
 * checklist items (beside the item). Null for a path no field shows.
 */
export function errorKeyOfPath(description: KindDescription, path: string): string | null {
  const [head] = path.split('.');
  if (head === 'date' && description.dateFrom) return description.dateFrom;
  if (head === 'urgentContact') return 'isUrgent';
  if (head === 'checklist' && /^checklist\.items\.\d+\.note$/.test(path)) return path;
  if (head === 'note' || head === 'photoIds' || head === 'location') return head;
  return description.fields.some((field) => field.key === head) ? (head ?? null) : null;
}
