/**
 * What the progress engine reads, from this device's tables: the organisation it holds (units,
 * teams with their rosters, households), the entries dated within a span of days (through the
 * `date` index; models of every day, through `[kind+date]`: a model counts while it runs),
 * values entered by hand, teams' own targets and the leaders' month closes. A member's phone
 * holds their team; a commune police phone its commune: the progress screens build one
 * ProgressState (src/shared/progress) from this and read every scope from it.
 */
import Dexie from 'dexie';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import type { ManualValue } from '#src/shared/domain/manual-value.ts';
import type { MonthClose } from '#src/shared/domain/month-close.ts';
import type { TargetAssignment } from '#src/shared/domain/target-assignment.ts';
import type { OrgInput, UnitInput, UnitKind } from '#src/shared/progress/progress-input.ts';
import type { AnttDatabase } from './database.ts';
import { useDbQuery } from './database-context.tsx';

/** Everything the engine needs for a span of days, as this device holds it. */
export interface ProgressInputs {
  org: OrgInput;
  entries: FieldLog[];
  values: ManualValue[];
  assignments: TargetAssignment[];
  closes: MonthClose[];
  /** Display names of the members of the teams held, by account id. */
  names: Map<string, string>;
  /** The days the entries were read for (a live query shows the last answer while it rereads). */
  span: { startDay: string; endDay: string };
}

const engineKinds = new Set<string>(['province', 'district', 'commune', 'hamlet', 'agency']);

/** The organisation as the device holds it (units of other kinds read as agencies). */
export async function readOrgInput(db: AnttDatabase): Promise<{ org: OrgInput; names: Map<string, string> }> {
  const [units, teams, households] = await Promise.all([db.orgUnit.toArray(), db.team.toArray(), db.household.toArray()]);
  const names = new Map<string, string>();
  for (const team of teams) for (const member of team.members) names.set(member.userId, member.displayName);
  return {
    org: {
      units: units.map((unit): UnitInput => ({ id: unit.id, parentId: unit.parentId, kind: (engineKinds.has(unit.kind) ? unit.kind : 'agency') as UnitKind, settings: unit.settings })),
      teams: teams.map((team) => ({ id: team.id, communeId: team.communeId, hamletIds: team.hamletIds, memberIds: team.members.map((member) => member.userId) })),
      households: households.map((household) => ({ id: household.id, hamletId: household.hamletId, mergedIntoId: household.mergedIntoId ?? null })),
    },
    names,
  };
}

/** The engine's inputs for entries dated within [startDay, endDay] (models: any day). */
export async function readProgressInputs(db: AnttDatabase, startDay: string, endDay: string): Promise<ProgressInputs> {
  const [{ org, names }, dated, models, values, assignments, closes] = await Promise.all([
    readOrgInput(db),
    db.fieldLog.where('date').between(startDay, endDay, true, true).toArray(),
    db.fieldLog.where('[kind+date]').between(['model', Dexie.minKey], ['model', Dexie.maxKey]).toArray(),
    db.manualValue.toArray(),
    db.targetAssignment.toArray(),
    db.monthClose.toArray(),
  ]);
  const seen = new Set(dated.map((entry) => entry.id));
  const entries = [...dated, ...models.filter((model) => !seen.has(model.id))];
  return { org, entries, values, assignments, closes, names, span: { startDay, endDay } };
}

/** Live engine inputs for the span; undefined while loading. */
export function useProgressInputs(startDay: string, endDay: string): ProgressInputs | undefined {
  return useDbQuery((db) => readProgressInputs(db, startDay, endDay), [startDay, endDay]);
}
