/**
 * The outbox: local changes waiting to be pushed, in the order they were saved.
 *
 * Order: entries are keyed by `seq`, Dexie's auto-increment, which is strictly increasing and
 * never reused in one database; that key is the protocol's per-client sequence, so the server
 * can skip anything it already applied. A record saved three times offline has three entries
 * and all three are pushed in order (the last one wins on the server).
 *
 * Settling a push is ONE transaction over the outbox, the rejections and every collection
 * table: entries the server settled leave the outbox, and each change the server refused is
 * undone by putting back the server's copy, at the same moment. A crash cannot leave a refused
 * change in place with its outbox entry gone, nor the other way round.
 */
import { MAX_PUSH_MUTATIONS, type Mutation, type PushResponse, type RejectedMutation } from '#src/shared/sync/protocol.ts';
import { collectionNames, isCollectionName, type CollectionName } from '#src/shared/sync/collections.ts';
import { collectionTable, type AnttDatabase, type OutboxEntry } from './database.ts';

/** The oldest waiting entries, by seq, at most `limit` (the server's batch limit). */
export async function readOutboxBatch(db: AnttDatabase, limit: number = MAX_PUSH_MUTATIONS): Promise<OutboxEntry[]> {
  return db.outbox.orderBy('seq').limit(limit).toArray();
}

/** The outbox entries as protocol mutations (same order). */
export function toMutations(entries: readonly OutboxEntry[]): Mutation[] {
  return entries.map((entry): Mutation => {
    const base = { seq: entry.seq!, collection: entry.collection, id: entry.recordId };
    return entry.op === 'put' ? { ...base, op: 'put', data: entry.data ?? {} } : { ...base, op: 'delete' };
  });
}

export interface SettleResult {
  /** Outbox entries removed because the server settled them. */
  settled: number;
  /** Refused changes that were new to this device (each stored in `rejections`). */
  rejected: number;
}

/**
 * Applies a push response, atomically (see the header). Idempotent: a response whose entries
 * are already gone from the outbox (settled earlier) changes nothing, so a stale or repeated
 * response cannot undo newer local work.
 *
 * For each refused change: the server's `current` copy is put back, or the local record is
 * deleted when the server has none (or only a tombstone), unless a newer local change to that
 * record still waits in the outbox (it will be pushed and judged on its own).
 */
export async function settlePush(db: AnttDatabase, response: PushResponse, now: Date = new Date()): Promise<SettleResult> {
  const tables = collectionNames.map((name) => collectionTable(db, name));
  return db.transaction('rw', [db.outbox, db.rejections, ...tables], async () => {
    const settledSeqs = new Set(
      (await db.outbox.where('seq').belowOrEqual(response.lastAppliedSeq).primaryKeys()) as number[],
    );
    await db.outbox.bulkDelete([...settledSeqs]);
    let rejected = 0;
    for (const rejection of response.rejected) {
      const collection = rejection.collection;
      if (!settledSeqs.has(rejection.seq) || !isCollectionName(collection)) continue;
      await undoRejected(db, collection, rejection);
      await db.rejections.add({
        collection,
        recordId: rejection.id,
        reason: rejection.reason,
        message: rejection.message,
        at: now.toISOString(),
      });
      rejected += 1;
    }
    return { settled: settledSeqs.size, rejected };
  });
}

async function undoRejected(db: AnttDatabase, collection: CollectionName, rejection: RejectedMutation): Promise<void> {
  const newerLocal = await db.outbox
    .where('recordId')
    .equals(rejection.id)
    .filter((entry) => entry.collection === collection && entry.seq! > rejection.seq)
    .count();
  if (newerLocal > 0) return;
  const table = collectionTable(db, collection);
  const current = rejection.current;
  if (current === null || current.deleted || current.data === null) {
    await table.delete(rejection.id);
  } else {
    await table.put({ ...current.data, id: rejection.id });
  }
}

/** Keys `collection:id` of every record with a change waiting in the outbox. */
export async function pendingRecordKeys(db: AnttDatabase): Promise<Set<string>> {
  const keys = new Set<string>();
  await db.outbox.each((entry) => {
    keys.add(pendingKey(entry.collection, entry.recordId));
  });
  return keys;
}

export function pendingKey(collection: string, recordId: string): string {
  return `${collection}:${recordId}`;
}
