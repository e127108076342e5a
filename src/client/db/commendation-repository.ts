/**
 * Commendation lists and exemplary registrations (collection `commendation`, commendation.ts):
 * read by plan, saved through putRecord (the record and its outbox entry in one transaction),
 * synced to the unit's scope like plans.
 */
import type { Commendation } from '#src/shared/domain/commendation.ts';
import type { AnttDatabase } from './database.ts';
import { useDbQuery } from './database-context.tsx';
import { putRecord } from './record-repository.ts';

/** The lists of a plan (every period and quota), as the device holds them. */
export async function listCommendations(db: AnttDatabase, planId: string): Promise<Commendation[]> {
  return db.commendation.where('planId').equals(planId).toArray();
}

export function useCommendations(planId: string | null): Commendation[] | undefined {
  return useDbQuery(async (db) => (planId ? listCommendations(db, planId) : []), [planId]);
}

/** Saves a list (new or changed) and queues it for sync; `updatedAt` is set to `now`. */
export async function saveCommendation(db: AnttDatabase, list: Omit<Commendation, 'updatedAt'>, now: Date = new Date()): Promise<Commendation> {
  return putRecord(db, 'commendation', { ...list, updatedAt: now.toISOString() }, now);
}
