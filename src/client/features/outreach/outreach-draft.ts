/**
 * The outreach form's input as typed (strings), its checks, and the record it becomes. The
 * form checks everything the shared schema checks, in the user's language and with the date
 * rules the schema cannot know (not in the future); the schema still runs in putRecord.
 */
import { dayInVietnam, formatDay, parseDisplayDay } from '#src/shared/domain/dates.ts';
import { fieldLogLimits, outreachForms, type OutreachForm, type OutreachLog } from '#src/shared/domain/field-log.ts';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import type { Translate } from '#src/client/i18n/i18n-context.tsx';

export interface OutreachDraft {
  householdIds: string[];
  topic: string;
  form: OutreachForm | '';
  /** dd/MM/yyyy as typed. */
  dateText: string;
  peopleText: string;
  note: string;
}

/** Form fields in screen order: the first one with an error receives focus. */
export const draftFields = ['households', 'topic', 'form', 'date', 'people', 'note'] as const;
export type DraftField = (typeof draftFields)[number];
export type DraftErrors = Partial<Record<DraftField, string>>;

export function emptyDraft(today: string = dayInVietnam()): OutreachDraft {
  return { householdIds: [], topic: '', form: '', dateText: formatDay(today), peopleText: '', note: '' };
}

export function draftFromLog(log: OutreachLog): OutreachDraft {
  return {
    householdIds: [...log.householdIds],
    topic: log.topic,
    form: log.form,
    dateText: formatDay(log.date),
    peopleText: String(log.peopleReached),
    note: log.note,
  };
}

export function isSameDraft(a: OutreachDraft, b: OutreachDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The typed date as a day, or null. Eight digits ("05032026") count as dd/MM/yyyy: the numeric
 * keypad of many Android phones has no "/".
 */
export function dayOfDateText(text: string): string | null {
  const digits = text.trim();
  if (/^\d{8}$/.test(digits)) return parseDisplayDay(`${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4)}`);
  return parseDisplayDay(text);
}

function isOutreachForm(value: string): value is OutreachForm {
  return (outreachForms as readonly string[]).includes(value);
}

/** Field errors in the user's language; empty when the draft can be saved. */
export function checkDraft(draft: OutreachDraft, t: Translate, today: string = dayInVietnam()): DraftErrors {
  const errors: DraftErrors = {};
  const error = (field: DraftField, key: MessageKey, params?: Record<string, string>) => {
    errors[field] ??= t(key, params);
  };
  if (draft.householdIds.length === 0) error('households', 'outreach.error.households');
  const topic = draft.topic.trim();
  if (topic === '') error('topic', 'outreach.error.topic');
  if (topic.length > fieldLogLimits.topicMaxLength) error('topic', 'outreach.error.topicLong');
  if (!isOutreachForm(draft.form)) error('form', 'outreach.error.form');
  const day = dayOfDateText(draft.dateText);
  if (day === null) error('date', 'outreach.error.date', { example: formatDay(today) });
  else if (day > today) error('date', 'outreach.error.dateFuture');
  const people = draft.peopleText.trim();
  if (!/^\d+$/.test(people) || Number(people) < 1) error('people', 'outreach.error.people');
  else if (Number(people) > fieldLogLimits.peopleReachedMax) error('people', 'outreach.error.peopleLarge');
  if (draft.note.trim().length > fieldLogLimits.noteMaxLength) error('note', 'outreach.error.note');
  return errors;
}

/** Where each path of the shared schema's errors is shown. */
export function fieldOfSchemaPath(path: string): DraftField | null {
  const head = path.split('.')[0];
  switch (head) {
    case 'householdIds': return 'households';
    case 'topic': return 'topic';
    case 'form': return 'form';
    case 'date': return 'date';
    case 'peopleReached': return 'people';
    case 'note': return 'note';
    default: return null;
  }
}

/** The record to store. Keeps the fields of `existing` (and unknown ones) when editing. */
export function recordFromDraft(draft: OutreachDraft, context: {
  id: string;
  teamId: string | undefined;
  memberId: string;
  existing: OutreachLog | null;
  now: Date;
}): Record<string, unknown> {
  const nowIso = context.now.toISOString();
  return {
    ...(context.existing ?? {}),
    id: context.id,
    kind: 'outreach',
    teamId: context.existing?.teamId ?? context.teamId,
    memberId: context.existing?.memberId ?? context.memberId,
    householdIds: draft.householdIds,
    topic: draft.topic.trim(),
    form: draft.form,
    date: dayOfDateText(draft.dateText) ?? draft.dateText,
    peopleReached: Number(draft.peopleText.trim()),
    note: draft.note.trim(),
    reviewStatus: context.existing?.reviewStatus ?? 'pending',
    createdAt: context.existing?.createdAt ?? nowIso,
    updatedAt: nowIso,
  };
}

/** The record lacks something the form does not ask for (a team): this account cannot write logs. */
export class AccountCannotWriteError extends Error {
  constructor() {
    super('account cannot write field logs');
    this.name = 'AccountCannotWriteError';
  }
}

/** Why a save failed, in the user's language: never the words of a library or a schema. */
export function saveFailureMessage(error: unknown, t: Translate): string {
  if (error instanceof AccountCannotWriteError) return t('outreach.saveFailedAccount');
  const name = error instanceof Error ? error.name : '';
  // Dexie and the browser both name a full disk so.
  if (name === 'QuotaExceededError') return t('outreach.saveFailedFull');
  return t('outreach.saveFailed');
}
