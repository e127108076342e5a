/**
 * Saving synced records on the device. The offline contract: a save writes the record and its
 * outbox entry in ONE Dexie transaction, so either both exist or neither does; a crash or a
 * closed tab between the two cannot lose a change or send one that was never stored.
 *
 * An outbox entry carries what the server needs to merge the edit (protocol.ts, "Push"): the
 * server version the edit started from (`base`, the row's serverVersion) and the top-level
 * fields it changed, compared with the row as it was just before this save.
 */
import { collections, type CollectionName, type RecordOf } from '#src/shared/sync/collections.ts';
import { unstorableMessages, unstorableReason } from '#src/shared/sync/storable.ts';
import { collectionTable, SERVER_VERSION_FIELD, type AnttDatabase, type OutboxEntry } from './database.ts';
import { forgetPushedVersions, readForSave, serverVersionOf, serverVersionsOf } from './server-versions.ts';

/** The record failed its collection's schema; `fields` maps field paths to Vietnamese messages. */
export class RecordValidationError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super('Dữ liệu chưa hợp lệ');
    this.name = 'RecordValidationError';
  }
}

/** Validates with the shared schema (the server runs the same one) and the server's storage bounds. */
export function validateRecord<Name extends CollectionName>(collection: Name, record: unknown): RecordOf<Name> {
  const result = collections[collection].schema.safeParse(record);
  if (!result.success) {
    const fields: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join('.') || '_';
      fields[path] ??= issue.message;
    }
    throw new RecordValidationError(fields);
  }
  const { [SERVER_VERSION_FIELD]: _version, ...data } = result.data as Record<string, unknown>;
  const unstorable = unstorableReason(data);
  if (unstorable) throw new RecordValidationError({ _: unstorableMessages[unstorable] });
  return data as RecordOf<Name>;
}

/** Top-level fields whose JSON differs between two versions of a record. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  fields.delete(SERVER_VERSION_FIELD);
  return [...fields].filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/**
 * The tables a save of `collection` writes (the records, the outbox, the pushed versions): an
 * outer transaction that saves through this module must include them all.
 */
export function savingTables(db: AnttDatabase, collection: CollectionName) {
  return [collectionTable(db, collection), db.outbox, db.pushedVersion];
}

/** The outbox entry that queues a save of `data` for push: based on `base`, the fields `before` had otherwise. */
function queuedPut(collection: CollectionName, data: Record<string, unknown>, base: number, before: Record<string, unknown> | undefined, now: Date): OutboxEntry {
  const changed = before ? changedFields(before, data) : undefined;
  return { collection, recordId: data.id as string, op: 'put', data, base, ...(changed ? { changed } : {}), createdAt: now.toISOString() };
}

/** True when IndexedDB refused an add because the key is taken. */
function isKeyTaken(error: unknown): boolean {
  const { name, inner } = (error ?? {}) as { name?: unknown; inner?: { name?: unknown } };
  return name === 'ConstraintError' || inner?.name === 'ConstraintError';
}

/**
 * Stores a record and queues it for push, atomically. Returns the stored record.
 *
 * `isNew`: the caller just made the record's id (a new entry): it is added without reading
 * first, one wait for the database instead of two. Should the id exist after all, the add is
 * refused, nothing is written, and the record is saved as an edit.
 */
export async function putRecord<Name extends CollectionName>(
  db: AnttDatabase,
  collection: Name,
  record: unknown,
  now: Date = new Date(),
  options: { isNew?: boolean } = {},
): Promise<RecordOf<Name>> {
  const valid = validateRecord(collection, record);
  const data = valid as unknown as Record<string, unknown>;
  const table = collectionTable(db, collection);
  const id = data.id as string;
  if (options.isNew) {
    try {
      await db.transaction('rw', savingTables(db, collection), () => Promise.all([
        table.add(data),
        db.outbox.add(queuedPut(collection, data, 0, undefined, now)),
      ]));
      return valid;
    } catch (error) {
      if (!isKeyTaken(error)) throw error;
    }
  }
  await db.transaction('rw', savingTables(db, collection), async () => {
    // The reads go out together, then the writes (IndexedDB runs a transaction's requests in
    // order): two waits for the database instead of one per request.
    const { row: existing, base, hasPushedVersion } = await readForSave(db, collection, id);
    await Promise.all([
      table.put(existing && base > 0 ? { ...data, [SERVER_VERSION_FIELD]: base } : data),
      hasPushedVersion ? forgetPushedVersions(db, collection, [id]) : undefined,
      db.outbox.add(queuedPut(collection, data, base, existing, now)),
    ]);
  });
  return valid;
}

/**
 * Stores several records of one collection and queues them, all in ONE transaction: an import
 * lands whole or not at all. Every record is validated before anything is written.
 */
export async function putRecords<Name extends CollectionName>(
  db: AnttDatabase,
  collection: Name,
  records: readonly unknown[],
  now: Date = new Date(),
): Promise<RecordOf<Name>[]> {
  const valid = records.map((record) => validateRecord(collection, record));
  const table = collectionTable(db, collection);
  await db.transaction('rw', savingTables(db, collection), async () => {
    const rows = valid as unknown as Record<string, unknown>[];
    const ids = rows.map((row) => row.id as string);
    const existing = await table.bulkGet(ids);
    const bases = await serverVersionsOf(db, collection, ids, existing);
    await table.bulkPut(rows.map((row, i) => (existing[i] && bases[i]! > 0 ? { ...row, [SERVER_VERSION_FIELD]: bases[i]! } : row)));
    await forgetPushedVersions(db, collection, ids);
    await db.outbox.bulkAdd(rows.map((row, i) => queuedPut(collection, row, bases[i]!, existing[i], now)));
  });
  return valid;
}

/** Deletes a record and queues the delete (a tombstone on the server), atomically. */
export async function deleteRecord(db: AnttDatabase, collection: CollectionName, id: string, now: Date = new Date()): Promise<void> {
  const table = collectionTable(db, collection);
  await db.transaction('rw', savingTables(db, collection), async () => {
    const existing = await table.get(id);
    const base = await serverVersionOf(db, collection, id, existing);
    await table.delete(id);
    await forgetPushedVersions(db, collection, [id]);
    await db.outbox.add({ collection, recordId: id, op: 'delete', base, createdAt: now.toISOString() });
  });
}
