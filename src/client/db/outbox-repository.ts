/**
 * The outbox: local changes waiting to be pushed, in the order they were saved.
 *
 * Order: entries are keyed by `seq`, Dexie's auto-increment, which is strictly increasing and
 * never reused in one database; that key is the protocol's per-client sequence, so the server
 * can skip anything it already applied. A record saved three times offline has three entries
 * and all three are pushed in order; each carries its base version and the fields it changed.
 *
 * Settling a push is ONE transaction over the outbox, the rejections and every collection
 * table: entries the server settled leave the outbox; rows the server wrote get its version
 * (their base for the next edit); each change the server refused is set aside with its reason
 * and data (for its author to fix or discard) and the server's copy is put back, at the same
 * moment. A crash cannot leave a refused change in place with its outbox entry gone, nor the
 * other way round.
 */
import { MAX_PUSH_MUTATIONS, PUSH_BATCH_BYTES, type Mutation, type PushResponse, type RejectedMutation } from '#src/shared/sync/protocol.ts';
import { collectionNames, isCollectionName, type CollectionName } from '#src/shared/sync/collections.ts';
import { collectionTable, SERVER_VERSION_FIELD, type AnttDatabase, type OutboxEntry, type PushedVersionRow } from './database.ts';
import { recordPushedVersions } from './server-versions.ts';

/**
 * The oldest waiting entries after seq `afterSeq`, by seq, up to `maxBytes` of JSON (at least one
 * entry, however big) and `maxCount` entries. Reads the outbox in key ranges, never the whole
 * table.
 */
export async function readOutboxBatch(
  db: AnttDatabase,
  maxBytes: number = PUSH_BATCH_BYTES,
  maxCount: number = MAX_PUSH_MUTATIONS,
  afterSeq = 0,
): Promise<OutboxEntry[]> {
  const batch: OutboxEntry[] = [];
  let bytes = 0;
  let after = afterSeq;
  for (;;) {
    const chunk = await db.outbox.where('seq').above(after).limit(Math.min(200, maxCount - batch.length)).toArray();
    for (const entry of chunk) {
      const size = entry.data ? JSON.stringify(entry.data).length + 80 : 80;
      if (batch.length > 0 && bytes + size > maxBytes) return batch;
      batch.push(entry);
      bytes += size;
    }
    if (chunk.length === 0 || batch.length >= maxCount) return batch;
    after = chunk[chunk.length - 1]!.seq!;
  }
}

/** The outbox entries as protocol mutations (same order); the id is not repeated inside `data`. */
export function toMutations(entries: readonly OutboxEntry[]): Mutation[] {
  return entries.map((entry): Mutation => {
    const base = { seq: entry.seq!, collection: entry.collection, id: entry.recordId, base: entry.base ?? 0 };
    if (entry.op === 'delete') return { ...base, op: 'delete' };
    const { id: _id, [SERVER_VERSION_FIELD]: _version, ...data } = entry.data ?? {};
    return { ...base, op: 'put', data, ...(entry.changed ? { changed: entry.changed } : {}) };
  });
}

export interface SettleResult {
  /** Outbox entries removed because the server settled them. */
  settled: number;
  /** Refused changes that were new to this device (each set aside in `rejections`). */
  rejected: number;
  /** Records the server stored differently from what was sent (merged, in conflict): pull them. */
  changedOnServer: number;
}

/**
 * Applies a push response, atomically (see the header). Idempotent: a response whose entries
 * are already gone from the outbox (settled earlier) changes nothing, so a stale or repeated
 * response cannot undo newer local work.
 */
export async function settlePush(db: AnttDatabase, response: PushResponse, now: Date = new Date(), sent: readonly OutboxEntry[] = []): Promise<SettleResult> {
  const tables = collectionNames.map((name) => collectionTable(db, name));
  return db.transaction('rw', [db.outbox, db.rejections, db.pushedVersion, ...tables], async () => {
    const settledRange = () => db.outbox.where('seq').belowOrEqual(response.lastAppliedSeq);
    // Keys only: the entries themselves are those just sent (outbox entries never change), read
    // again only for any the caller did not pass.
    const seqs = (await settledRange().primaryKeys()) as number[];
    const known = new Map(sent.map((entry) => [entry.seq!, entry]));
    const missing = seqs.filter((seq) => !known.has(seq));
    const fetched = missing.length > 0 ? await db.outbox.bulkGet(missing) : [];
    fetched.forEach((entry) => entry && known.set(entry.seq!, entry));
    const bySeq = new Map(seqs.flatMap((seq) => (known.has(seq) ? [[seq, known.get(seq)!] as const] : [])));
    if (seqs.length > 0) await settledRange().delete();
    const changedOnServer = await recordVersions(db, response, bySeq);
    let rejected = 0;
    for (const rejection of response.rejected) {
      const entry = bySeq.get(rejection.seq);
      const collection = rejection.collection;
      if (!entry || !isCollectionName(collection)) continue;
      await undoRejected(db, collection, rejection);
      await db.rejections.add({
        collection, recordId: rejection.id, reason: rejection.reason, message: rejection.message,
        ...(rejection.fields ? { fields: rejection.fields } : {}),
        ...(entry.data ? { data: entry.data } : {}),
        status: 'open', at: now.toISOString(),
      });
      rejected += 1;
    }
    return { settled: bySeq.size, rejected, changedOnServer };
  });
}

/**
 * Records the version the server gave every row it wrote (the base of its next edit) in
 * `pushedVersion`, one bulk write of small rows (server-versions.ts). Returns how many the server
 * stored differently from what was sent.
 */
async function recordVersions(db: AnttDatabase, response: PushResponse, bySeq: ReadonlyMap<number, OutboxEntry>): Promise<number> {
  let changedOnServer = 0;
  const versions = new Map<string, PushedVersionRow>();
  for (const written of response.written) {
    const entry = bySeq.get(written.seq);
    if (!entry || entry.op !== 'put') continue;
    if (written.isChanged) changedOnServer += 1;
    // A record pushed twice in one batch: the later (higher) version.
    const key = `${entry.collection}/${entry.recordId}`;
    const version = Math.max(versions.get(key)?.version ?? 0, written.version);
    versions.set(key, { collection: entry.collection, id: entry.recordId, version });
  }
  await recordPushedVersions(db, [...versions.values()]);
  return changedOnServer;
}

/**
 * Puts back the server's copy of a refused record, or deletes the local row when the server has
 * none the user may read, unless a newer local change to that record still waits in the outbox
 * (it will be pushed and judged on its own).
 */
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
    await table.put({ ...current.data, id: rejection.id, [SERVER_VERSION_FIELD]: current.seq });
  }
}
