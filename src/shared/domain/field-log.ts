/**
 * Field log (nhật ký công tác): what a team member did. Every kind of entry is one record of the
 * `fieldLog` collection, told apart by `kind`, so sync, review and the progress engine treat all
 * kinds alike. Each kind's fields are in a file of its own (outreach.ts, patrol.ts, …); the base
 * fields every entry shares are in entry-base.ts. Adding a kind: its schema file, one line in
 * `fieldLogSchema` below, and its references in `entryReferences` when it names households or
 * members; nothing in sync.
 */
import { z } from 'zod';
import { goodDeedLogSchema } from './good-deed.ts';
import { incidentLogSchema } from './incident.ts';
import { mobilisationLogSchema } from './mobilisation.ts';
import { modelLogSchema } from './model.ts';
import { outreachLogSchema } from './outreach.ts';
import { patrolLogSchema } from './patrol.ts';
import { reintegrationVisitLogSchema } from './reintegration-visit.ts';
import { residenceReportLogSchema } from './residence-report.ts';
import { tipLogSchema } from './tip.ts';

// Names the skeleton exported from here, kept so that code written against it still compiles.
export { fieldLogLimits, locationSchema, type EntryLocation } from './entry-base.ts';
export { outreachForms, outreachLogSchema, type OutreachForm, type OutreachLog } from './outreach.ts';

export { isRestrictedKind, restrictedKinds } from './restricted-kinds.ts';

export const fieldLogSchema = z.discriminatedUnion('kind', [
  outreachLogSchema,
  patrolLogSchema,
  incidentLogSchema,
  tipLogSchema,
  mobilisationLogSchema,
  residenceReportLogSchema,
  reintegrationVisitLogSchema,
  goodDeedLogSchema,
  modelLogSchema,
]);
export type FieldLog = z.infer<typeof fieldLogSchema>;
export type FieldLogKind = FieldLog['kind'];
/** The entry of one kind. */
export type FieldLogOf<Kind extends FieldLogKind> = Extract<FieldLog, { kind: Kind }>;

/** Every kind, in the order the notebook offers them. */
export const fieldLogKinds = [
  'outreach',
  'patrol',
  'incident',
  'tip',
  'mobilisation',
  'residence-report',
  'reintegration-visit',
  'good-deed',
  'model',
] as const satisfies readonly FieldLogKind[];

export function isFieldLogKind(value: string): value is FieldLogKind {
  return (fieldLogKinds as readonly string[]).includes(value);
}

/** What an entry points at, for the server to check that each exists and is within reach. */
export interface EntryReferences {
  householdIds: string[];
  /** The author and every other member named (patrol participants). */
  memberIds: string[];
  checklistTemplateIds: string[];
  /** Agencies, enterprises, schools (org units) an outreach session reached. */
  agencyIds: string[];
}

/** The households, members, checklist templates and agencies an entry refers to (no duplicates). */
export function entryReferences(entry: FieldLog): EntryReferences {
  const households = new Set<string>();
  const members = new Set<string>([entry.memberId]);
  const templates = new Set<string>();
  const agencies = new Set<string>();
  switch (entry.kind) {
    case 'outreach':
      entry.householdIds.forEach((id) => households.add(id));
      if (entry.agencyId !== null) agencies.add(entry.agencyId);
      break;
    case 'patrol':
      entry.participantIds.forEach((id) => members.add(id));
      templates.add(entry.checklist.templateId);
      break;
    case 'incident':
      templates.add(entry.checklist.templateId);
      break;
    case 'residence-report':
      households.add(entry.householdId);
      break;
    default:
      break;
  }
  return { householdIds: [...households], memberIds: [...members], checklistTemplateIds: [...templates], agencyIds: [...agencies] };
}
