/**
 * Saving synced records on the device. The offline contract: a save writes the record and its
 * outbox entry in ONE Dexie transaction, so either both exist or neither does; a crash or a
 * closed tab between the two cannot lose a change or send one that was never stored.
 */
import { collections, type CollectionName, type RecordOf } from '#src/shared/sync/collections.ts';
import { collectionTable, type AnttDatabase } from './database.ts';

/** The record failed its collection's schema; `fields` maps field paths to Vietnamese messages. */
export class RecordValidationError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super('Dữ liệu chưa hợp lệ');
    this.name = 'RecordValidationError';
  }
}

/** Validates with the shared schema (the server runs the same one). */
export function validateRecord<Name extends CollectionName>(collection: Name, record: unknown): RecordOf<Name> {
  const result = collections[collection].schema.safeParse(record);
  if (result.success) return result.data as RecordOf<Name>;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.') || '_';
    fields[path] ??= issue.message;
  }
  throw new RecordValidationError(fields);
}

/** Stores a record and queues it for push, atomically. Returns the stored record. */
export async function putRecord<Name extends CollectionName>(
  db: AnttDatabase,
  collection: Name,
  record: unknown,
  now: Date = new Date(),
): Promise<RecordOf<Name>> {
  const valid = validateRecord(collection, record);
  const data = valid as unknown as Record<string, unknown>;
  const table = collectionTable(db, collection);
  await db.transaction('rw', table, db.outbox, async () => {
    await table.put(data);
    await db.outbox.add({ collection, recordId: data.id as string, op: 'put', data, createdAt: now.toISOString() });
  });
  return valid;
}

/** Deletes a record and queues the delete (a tombstone on the server), atomically. */
export async function deleteRecord(db: AnttDatabase, collection: CollectionName, id: string, now: Date = new Date()): Promise<void> {
  const table = collectionTable(db, collection);
  await db.transaction('rw', table, db.outbox, async () => {
    await table.delete(id);
    await db.outbox.add({ collection, recordId: id, op: 'delete', createdAt: now.toISOString() });
  });
}
