/**
 * The values people enter for a plan, on the device: values entered by hand (số liệu nhập tay,
 * collection `manualValue`) by commune police and province staff for a unit or a team and a span
 * of days, and teams' own targets (giao chỉ tiêu, collection `targetAssignment`) that commune
 * police give. Both are synced records saved through putRecord (record and outbox entry in one
 * transaction), so they are entered offline and sent with the next sync. One value per unit,
 * team, key and span, and one target per plan, indicator, team and period: saving the same
 * again edits the record instead of adding a second one the engine would count twice.
 */
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { ManualValue } from '#src/shared/domain/manual-value.ts';
import type { TargetAssignment } from '#src/shared/domain/target-assignment.ts';
import type { AnttDatabase } from './database.ts';
import { useDbQuery } from './database-context.tsx';
import { putRecord } from './record-repository.ts';

/** A value as entered on the form. */
export interface ManualValueInput {
  orgUnitId: string;
  teamId: string | null;
  key: string;
  startDay: string;
  endDay: string;
  value: number;
  note: string;
  enteredBy: string;
}

/** Saves a value entered by hand; the same unit, team, key and span keep one record. */
export async function saveManualValue(db: AnttDatabase, input: ManualValueInput, now: Date = new Date()): Promise<ManualValue> {
  const same = await db.manualValue.where('[orgUnitId+key]').equals([input.orgUnitId, input.key])
    .filter((row) => (row.teamId ?? null) === input.teamId && row.startDay === input.startDay && row.endDay === input.endDay).first();
  return putRecord(db, 'manualValue', { ...input, id: same?.id ?? uuidv7(now.getTime()), updatedAt: now.toISOString() }, now);
}

/** A team's target as set on the form (periodKey null: every period of the indicator). */
export interface AssignmentInput {
  planId: string;
  indicatorId: string;
  teamId: string;
  orgUnitId: string;
  periodKey: string | null;
  value: number;
  assignedBy: string;
}

/** Gives a team its own target; the same plan, indicator, team and period keep one record. */
export async function saveAssignment(db: AnttDatabase, input: AssignmentInput, now: Date = new Date()): Promise<TargetAssignment> {
  const same = await db.targetAssignment.where('teamId').equals(input.teamId)
    .filter((row) => row.planId === input.planId && row.indicatorId === input.indicatorId && (row.periodKey ?? null) === input.periodKey).first();
  return putRecord(db, 'targetAssignment', { ...input, note: same?.note ?? '', id: same?.id ?? uuidv7(now.getTime()), updatedAt: now.toISOString() }, now);
}

/** Live values of the keys, newest span first; undefined while loading. */
export function useManualValues(keys: readonly string[]): ManualValue[] | undefined {
  return useDbQuery(async (db) => {
    const wanted = new Set(keys);
    const rows = await db.manualValue.filter((row) => wanted.has(row.key)).toArray();
    return rows.sort((a, b) => b.startDay.localeCompare(a.startDay) || a.key.localeCompare(b.key));
  }, [keys.join(',')]);
}

/** Live targets of a plan's teams; undefined while loading. */
export function usePlanAssignments(planId: string): TargetAssignment[] | undefined {
  return useDbQuery((db) => db.targetAssignment.where('planId').equals(planId).toArray(), [planId]);
}
