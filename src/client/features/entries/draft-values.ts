/**
 * What each widget holds while the user types (strings as typed, ids, a checklist answer), how a
 * form starts (empty, or from a stored entry) and how a stored draft is read back. A draft
 * written by another version of the app is read field by field: a value of the wrong shape, or
 * of a field this version lacks, starts empty instead of breaking the form.
 */
import type { ChecklistAnswer } from '#src/shared/domain/checklist.ts';
import { dayInVietnam, formatDay, vietnamTimeOf } from '#src/shared/domain/dates.ts';
import type { EntryLocation, UrgentContact } from '#src/shared/domain/entry-base.ts';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import type { DraftValues, FieldSpec, KindDescription } from './field-spec.ts';

/** A day (dd/MM/yyyy) and a clock time (HH:mm) as typed. */
export interface TimeText {
  day: string;
  time: string;
}

export interface UrgentValue {
  isUrgent: boolean;
  contact: UrgentContact | null;
}

/** Fields every kind's form has after its own. */
export const commonKeys = { note: 'note', photoIds: 'photoIds', location: 'location' } as const;

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function timeTextOf(instant: Date | string): TimeText {
  const { day, time } = vietnamTimeOf(instant);
  return { day: formatDay(day), time };
}

function emptyValue(field: FieldSpec, context: { userId: string; now: Date }): unknown {
  switch (field.widget) {
    case 'day': return field.isRequired ? formatDay(dayInVietnam(context.now)) : '';
    case 'time': return field.isRequired ? timeTextOf(context.now) : { day: '', time: '' };
    case 'yesNo': return false;
    case 'households': return [];
    case 'members': return [context.userId];
    case 'checklist': return null;
    case 'urgent': return { isUrgent: false, contact: null } satisfies UrgentValue;
    default: return '';
  }
}

/** A new entry's form: today, now, the author as participant, everything else empty. */
export function emptyValues(description: KindDescription, context: { userId: string; now: Date }): DraftValues {
  const values: DraftValues = { note: '', photoIds: [], location: null };
  for (const field of description.fields) values[field.key] = emptyValue(field, context);
  return values;
}

function valueFromEntry(field: FieldSpec, entry: Record<string, unknown>): unknown {
  const value = entry[field.key];
  switch (field.widget) {
    case 'day': return isString(value) ? formatDay(value) : '';
    case 'time': return isString(value) ? timeTextOf(value) : { day: '', time: '' };
    case 'number': return typeof value === 'number' ? String(value) : '';
    case 'yesNo': return value === true;
    case 'households': return field.multiple ? (isStringArray(value) ? [...value] : []) : isString(value) ? [value] : [];
    case 'members': return isStringArray(value) ? [...value] : [];
    case 'checklist': return isObject(value) ? value : null;
    case 'urgent': return { isUrgent: entry.isUrgent === true, contact: (entry.urgentContact as UrgentContact | null) ?? null };
    default: return isString(value) ? value : '';
  }
}

/** The form of a stored entry, to edit it. */
export function valuesFromEntry(description: KindDescription, entry: FieldLog): DraftValues {
  const record = entry as unknown as Record<string, unknown>;
  const values: DraftValues = { note: entry.note, photoIds: [...entry.photoIds], location: entry.location };
  for (const field of description.fields) values[field.key] = valueFromEntry(field, record);
  return values;
}

function hasShape(field: FieldSpec, value: unknown): boolean {
  switch (field.widget) {
    case 'time': return isObject(value) && isString(value.day) && isString(value.time);
    case 'yesNo': return typeof value === 'boolean';
    case 'households':
    case 'members': return isStringArray(value);
    case 'checklist': return value === null || (isObject(value) && Array.isArray(value.items));
    case 'urgent': return isObject(value) && typeof value.isUrgent === 'boolean';
    default: return isString(value);
  }
}

/**
 * A stored draft's values over `start` (the empty form or the entry): each value the current
 * form can read replaces the start; anything else is ignored.
 */
export function restoreValues(description: KindDescription, stored: unknown, start: DraftValues): DraftValues {
  if (!isObject(stored)) return start;
  const values: DraftValues = { ...start };
  for (const field of description.fields) {
    if (hasShape(field, stored[field.key])) values[field.key] = stored[field.key];
  }
  if (isString(stored.note)) values.note = stored.note;
  if (isStringArray(stored.photoIds)) values.photoIds = stored.photoIds;
  if (stored.location === null || (isObject(stored.location) && typeof stored.location.lat === 'number')) values.location = stored.location;
  return values;
}

export function readTime(values: DraftValues, key: string): TimeText {
  const value = values[key];
  return isObject(value) && isString(value.day) && isString(value.time) ? { day: value.day, time: value.time } : { day: '', time: '' };
}

export function readIds(values: DraftValues, key: string): string[] {
  const value = values[key];
  return isStringArray(value) ? value : [];
}

export function readText(values: DraftValues, key: string): string {
  const value = values[key];
  return isString(value) ? value : '';
}

export function readChecklist(values: DraftValues, key: string): ChecklistAnswer | null {
  const value = values[key];
  return isObject(value) && Array.isArray(value.items) ? (value as ChecklistAnswer) : null;
}

export function readUrgent(values: DraftValues, key: string): UrgentValue {
  const value = values[key];
  return isObject(value) && typeof value.isUrgent === 'boolean' ? (value as unknown as UrgentValue) : { isUrgent: false, contact: null };
}

export function readLocation(values: DraftValues): EntryLocation | null {
  const value = values.location;
  return isObject(value) && typeof value.lat === 'number' ? (value as EntryLocation) : null;
}

/** True when two forms hold the same input. */
export function isSameValues(a: DraftValues, b: DraftValues): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
