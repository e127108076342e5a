/**
 * The record types that travel through sync. The sync engine (client outbox, server push/pull)
 * is generic over this registry: adding a record type means adding an entry here (and a Dexie
 * table), never new sync code.
 *
 * `scopeOf` says who may read a record: the server stores the scope beside the record and a
 * device pulls only the scopes its user holds (see the server's scope rules). It is derived from
 * the record itself so that client and server agree on it without asking each other.
 */
import type { z } from 'zod';
import { campaignPlanSchema } from '../domain/campaign-plan.ts';
import { conflictSchema } from '../domain/conflict.ts';
import { checklistTemplateSchema } from '../domain/checklist.ts';
import { fieldLogSchema, isRestrictedKind } from '../domain/field-log.ts';
import { householdSchema } from '../domain/household.ts';
import { orgUnitSchema } from '../domain/org-unit.ts';
import { teamSchema } from '../domain/team.ts';
import { manualValueSchema } from '../domain/manual-value.ts';
import { targetAssignmentSchema } from '../domain/target-assignment.ts';
import { monthCloseSchema } from '../domain/month-close.ts';
import { commendationSchema } from '../domain/commendation.ts';

/**
 * A scope names who may read a record:
 * - `unit:<orgUnitId>`: everyone whose work covers that unit (households of a hamlet, plans,
 *   values entered for a unit);
 * - `team:<teamId>`: the team's members and leader, commune police above it (also a team's
 *   entered values and its own targets);
 * - `restricted:<teamId>:<authorId>`: the author, the team's leader and commune police only
 *   (tips, reintegration visits: field-log.ts `restrictedKinds`).
 */
export type Scope = `unit:${string}` | `team:${string}` | `restricted:${string}:${string}`;

export interface CollectionDefinition<Schema extends z.ZodType = z.ZodType> {
  /** Validates a record; the same schema runs on the device before saving and on the server. */
  schema: Schema;
  /** Who may read the record. */
  scopeOf: (record: z.infer<Schema>) => Scope;
}

function define<Schema extends z.ZodType>(definition: CollectionDefinition<Schema>): CollectionDefinition<Schema> {
  return definition;
}

export const collections = {
  household: define({
    schema: householdSchema,
    scopeOf: (household) => `unit:${household.hamletId}`,
  }),
  fieldLog: define({
    schema: fieldLogSchema,
    scopeOf: (log): Scope => (isRestrictedKind(log.kind) ? `restricted:${log.teamId}:${log.memberId}` : `team:${log.teamId}`),
  }),
  campaignPlan: define({
    schema: campaignPlanSchema,
    scopeOf: (plan) => `unit:${plan.orgUnitId}`,
  }),
  conflict: define({
    schema: conflictSchema,
    scopeOf: (conflict) => conflict.scope as Scope,
  }),
  /** Server-authored (devices may not push): unit names and settings, e.g. the duty phone. */
  orgUnit: define({
    schema: orgUnitSchema,
    scopeOf: (unit) => `unit:${unit.id}`,
  }),
  /** Server-authored (devices may not push): the team and its roster. */
  team: define({
    schema: teamSchema,
    scopeOf: (team) => `team:${team.id}`,
  }),
  manualValue: define({
    schema: manualValueSchema,
    scopeOf: (value): Scope => (value.teamId ? `team:${value.teamId}` : `unit:${value.orgUnitId}`),
  }),
  targetAssignment: define({
    schema: targetAssignmentSchema,
    scopeOf: (assignment) => `team:${assignment.teamId}`,
  }),
  checklistTemplate: define({
    schema: checklistTemplateSchema,
    scopeOf: (template) => `unit:${template.communeId}`,
  }),
  /** The leader's sign-off of a team's month (month-close.ts); written by the team's leader. */
  monthClose: define({
    schema: monthCloseSchema,
    scopeOf: (close) => `team:${close.teamId}`,
  }),
  /** Commendation proposals and exemplary registrations (commendation.ts); written like plans. */
  commendation: define({
    schema: commendationSchema,
    scopeOf: (list) => `unit:${list.orgUnitId}`,
  }),
} as const;

export type CollectionName = keyof typeof collections;
export const collectionNames = Object.keys(collections) as CollectionName[];

export type RecordOf<Name extends CollectionName> = z.infer<(typeof collections)[Name]['schema']>;

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(collections, name);
}
