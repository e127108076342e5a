/**
 * An entry's one-line summary wherever entries are listed (the logbook, a team's lists, the
 * commune's overview): the field that says what each kind was about, or the note when it is empty.
 */
import type { FieldLog, FieldLogKind } from './field-log.ts';

/** The field that says what an entry of each kind was about. */
export const entrySummaryFields: Record<FieldLogKind, string> = {
  outreach: 'topic',
  patrol: 'area',
  incident: 'outcome',
  tip: 'content',
  mobilisation: 'role',
  'residence-report': 'details',
  'reintegration-visit': 'personName',
  'good-deed': 'description',
  model: 'name',
};

const SUMMARY_LENGTH = 90;

/** The summary field (topic, area, content…), or the note, shortened to one line. */
export function entrySummary(entry: FieldLog): string {
  const value = (entry as unknown as Record<string, unknown>)[entrySummaryFields[entry.kind]];
  const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : entry.note.trim();
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text;
}
