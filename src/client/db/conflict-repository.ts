/**
 * Conflicts on the device (the `conflict` collection, written by the server: see
 * src/shared/domain/conflict.ts). Resolving one is ONE transaction and two synced changes: the
 * record with the chosen value of every field, and the conflict marked resolved with the choices.
 * Both wait in the outbox in that order, so the server applies them together in one batch, and
 * every device of the scope receives the outcome.
 */
import type { Conflict } from '#src/shared/domain/conflict.ts';
import { isCollectionName } from '#src/shared/sync/collections.ts';
import { collectionTable, SERVER_VERSION_FIELD, type AnttDatabase } from './database.ts';
import { useDbQuery } from './database-context.tsx';
import { changedFields, validateRecord } from './record-repository.ts';
import { forgetPushedVersions, serverVersionOf } from './server-versions.ts';

/** Open conflicts, newest first. */
export async function listOpenConflicts(db: AnttDatabase): Promise<Conflict[]> {
  const open = await db.conflict.where('status').equals('open').toArray();
  return open.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Live open conflicts; undefined while loading. */
export function useOpenConflicts(): Conflict[] | undefined {
  return useDbQuery((db) => listOpenConflicts(db), []);
}

/** Live open conflicts of one record (shown on the entry itself). */
export function useConflictsOf(recordId: string): Conflict[] | undefined {
  return useDbQuery(async (db) => (await db.conflict.where('recordId').equals(recordId).toArray()).filter((c) => c.status === 'open'), [recordId]);
}

/**
 * Resolves a conflict: `choices` gives, per field, the index of the chosen value. Throws when
 * the record is no longer on the device (it was deleted meanwhile).
 */
export async function resolveConflict(
  db: AnttDatabase,
  conflict: Conflict,
  choices: Record<string, number>,
  resolvedBy: string,
  now: Date = new Date(),
): Promise<void> {
  if (!isCollectionName(conflict.collection)) throw new Error(`Unknown collection ${conflict.collection}`);
  const collection = conflict.collection;
  const table = collectionTable(db, collection);
  await db.transaction('rw', [table, db.conflict, db.outbox, db.pushedVersion], async () => {
    const current = await table.get(conflict.recordId);
    if (!current) throw new Error('Bản ghi không còn trên máy');
    const chosen: Record<string, unknown> = { ...current };
    for (const field of conflict.fields) {
      const value = field.values[choices[field.field] ?? 0];
      if (value) chosen[field.field] = value.value;
    }
    const record = validateRecord(collection, chosen) as Record<string, unknown>;
    const resolved = validateRecord('conflict', { ...conflict, status: 'resolved', choices, resolvedBy, resolvedAt: now.toISOString() }) as Record<string, unknown>;
    const storedConflict = await db.conflict.get(conflict.id);
    const at = now.toISOString();
    await queue(db, table, current, record, collection, at);
    await queue(db, db.conflict as unknown as typeof table, storedConflict as Record<string, unknown> | undefined, resolved, 'conflict', at);
  });
}

async function queue(
  db: AnttDatabase,
  table: ReturnType<typeof collectionTable>,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
  collection: Parameters<typeof collectionTable>[1],
  at: string,
): Promise<void> {
  const base = await serverVersionOf(db, collection, after.id as string, before);
  await table.put(base > 0 ? { ...after, [SERVER_VERSION_FIELD]: base } : after);
  await forgetPushedVersions(db, collection, [after.id as string]);
  await db.outbox.add({
    collection, recordId: after.id as string, op: 'put', data: after, base,
    ...(before ? { changed: changedFields(before, after) } : {}), createdAt: at,
  });
}
