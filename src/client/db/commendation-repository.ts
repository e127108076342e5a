/**
 * Commendation lists and exemplary registrations (collection `commendation`, commendation.ts):
 * read by plan, saved through putRecord (the record and its outbox entry in one transaction),
 * synced to the unit's scope like plans.
 */
import type { Commendation } from '#src/shared/domain/commendation.ts';
import type { OrgUnit } from '#src/shared/domain/org-unit.ts';
import type { AnttDatabase } from './database.ts';
import { useDbQuery } from './database-context.tsx';
import { putRecord } from './record-repository.ts';

/** The lists of a plan (every period and quota), as the device holds them. */
export async function listCommendations(db: AnttDatabase, planId: string): Promise<Commendation[]> {
  return db.commendation.where('planId').equals(planId).toArray();
}

/** The plan's lists, live (re-read when a list is saved or synced). */
export function useCommendations(planId: string | null): Commendation[] | undefined {
  return useDbQuery(async (db) => (planId ? listCommendations(db, planId) : []), [planId]);
}

/** Saves a list (new or changed) and queues it for sync; `updatedAt` is set to `now`. */
export async function saveCommendation(db: AnttDatabase, list: Omit<Commendation, 'updatedAt'>, now: Date = new Date()): Promise<Commendation> {
  return putRecord(db, 'commendation', { ...list, updatedAt: now.toISOString() }, now);
}

const registrableKinds = new Set(['commune', 'agency', 'enterprise', 'school']);

/**
 * Units that may register to become exemplary (communes, agencies, enterprises, schools): the
 * unit `rootId` and every unit below it the device holds, by name.
 */
export async function listRegistrableUnits(db: AnttDatabase, rootId: string): Promise<OrgUnit[]> {
  const units = await db.orgUnit.toArray();
  const children = new Map<string, OrgUnit[]>();
  for (const unit of units) if (unit.parentId) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  const found: OrgUnit[] = [];
  const root = units.find((unit) => unit.id === rootId);
  for (const queue = root ? [root] : []; queue.length > 0;) {
    const unit = queue.shift()!;
    if (registrableKinds.has(unit.kind)) found.push(unit);
    queue.push(...(children.get(unit.id) ?? []));
  }
  return found.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The units below `rootId` that may register, live. */
export function useRegistrableUnits(rootId: string | null): OrgUnit[] | undefined {
  return useDbQuery(async (db) => (rootId ? listRegistrableUnits(db, rootId) : []), [rootId]);
}
