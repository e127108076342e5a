/**
 * Applying a push batch (protocol.ts, "Push"). Everything happens in ONE transaction:
 * 1. lock the device's row: the same device's batches apply one after the other;
 * 2. skip mutations at or below its last_applied_seq (a replayed batch has no second effect);
 * 3. lock the change counter (sync-repository.ts explains why numbers must follow commit order),
 *    read the current copies, check each new mutation (schema, id, write rules), and either
 *    write it under the next change number or record a rejection;
 * 4. store the batch's highest seq as last_applied_seq.
 * The response lists the rejections of every mutation of the batch, the earlier ones read back
 * from sync_rejections, each with the server's current copy, so a replay answers the same.
 */
import type { Database, Queryable } from '#src/server/db/database.ts';
import {
  insertRejections,
  lockChangeCounter,
  lockSyncClient,
  readRecords,
  readRejections,
  recordKey,
  saveLastAppliedSeq,
  writeNumbered,
  type Rejection,
  type StoredRecord,
} from '#src/server/db/sync-repository.ts';
import { collections, isCollectionName, type CollectionDefinition, type Scope } from '#src/shared/sync/collections.ts';
import { PROTOCOL_VERSION, type Mutation, type PushRequest, type PushResponse } from '#src/shared/sync/protocol.ts';
import type { Access } from './access.ts';
import { checkWrite, rejectMessages } from './write-rules.ts';

export class ClientMismatchError extends Error {
  override name = 'ClientMismatchError';
}

export interface PushOptions {
  now: Date;
  /** Test-only: awaited inside the transaction just before COMMIT (makes commit races real). */
  beforeCommit?: () => Promise<void>;
}

type Outcome = { write: StoredRecord | null } | { rejection: Omit<Rejection, 'seq' | 'collection' | 'id'> };

/** Decides one mutation against the current copy; `write: null` means nothing to change. */
function decide(access: Access, mutation: Mutation, stored: StoredRecord | null): Outcome {
  if (!isCollectionName(mutation.collection)) {
    return { rejection: { reason: 'unknown-collection', message: rejectMessages.unknownCollection } };
  }
  const collection = mutation.collection;
  if (mutation.op === 'delete') {
    if (!stored || stored.deleted) return { write: null };
    const decision = checkWrite(access, collection, null, stored);
    if (!decision.isAllowed) return { rejection: decision };
    return { write: { ...stored, deleted: true, data: null } };
  }
  if (mutation.data.id !== mutation.id) return { rejection: { reason: 'invalid-record', message: rejectMessages.idMismatch } };
  const definition = collections[collection] as unknown as CollectionDefinition;
  const parsed = definition.schema.safeParse(mutation.data);
  if (!parsed.success) {
    return { rejection: { reason: 'invalid-record', message: parsed.error.issues[0]?.message ?? 'Dữ liệu không hợp lệ' } };
  }
  const data = parsed.data as Record<string, unknown>;
  const scope: Scope = definition.scopeOf(parsed.data);
  const decision = checkWrite(access, collection, { scope, data }, stored);
  if (!decision.isAllowed) return { rejection: decision };
  return { write: { collection, id: mutation.id, scope, seq: 0, deleted: false, data } };
}

async function applyFresh(tx: Queryable, access: Access, clientId: string, fresh: Mutation[], now: Date): Promise<Rejection[]> {
  const counter = await lockChangeCounter(tx);
  const current = await readRecords(tx, fresh.filter((m) => isCollectionName(m.collection)));
  const writes = new Map<string, StoredRecord>();
  const rejections: Rejection[] = [];
  for (const mutation of fresh) {
    const key = recordKey(mutation);
    const outcome = decide(access, mutation, current.get(key) ?? null);
    if ('rejection' in outcome) {
      rejections.push({ seq: mutation.seq, collection: mutation.collection, id: mutation.id, ...pick(outcome.rejection) });
    } else if (outcome.write) {
      // Later mutations of the batch see this one; only a record's last state is written.
      current.set(key, outcome.write);
      writes.set(key, outcome.write);
    }
  }
  await writeNumbered(tx, counter, [...writes.values()], access.account.id, now);
  await insertRejections(tx, clientId, rejections, now);
  return rejections;
}

function pick(rejection: Omit<Rejection, 'seq' | 'collection' | 'id'>): Pick<Rejection, 'reason' | 'message'> {
  return { reason: rejection.reason, message: rejection.message };
}

export async function applyPush(database: Database, access: Access, request: PushRequest, options: PushOptions): Promise<PushResponse> {
  const { now } = options;
  return database.transaction(async (tx) => {
    const client = await lockSyncClient(tx, request.clientId, access.account.id, now);
    if (client.userId !== access.account.id) throw new ClientMismatchError(request.clientId);
    const fresh = request.mutations.filter((m) => m.seq > client.lastAppliedSeq);
    const replayed = request.mutations.filter((m) => m.seq <= client.lastAppliedSeq);
    const newRejections = fresh.length > 0 ? await applyFresh(tx, access, request.clientId, fresh, now) : [];
    const batchMax = request.mutations.at(-1)?.seq ?? 0;
    const lastAppliedSeq = Math.max(client.lastAppliedSeq, batchMax);
    if (lastAppliedSeq > client.lastAppliedSeq) await saveLastAppliedSeq(tx, request.clientId, lastAppliedSeq, now);
    const earlier = await readRejections(tx, request.clientId, replayed.map((m) => m.seq));
    const rejections = [...earlier, ...newRejections].sort((a, b) => a.seq - b.seq);
    const copies = await readRecords(tx, rejections.filter((r) => isCollectionName(r.collection)));
    await options.beforeCommit?.();
    return {
      protocolVersion: PROTOCOL_VERSION,
      lastAppliedSeq,
      rejected: rejections.map((r) => {
        const copy = copies.get(recordKey(r));
        return {
          ...r,
          current: copy ? { collection: copy.collection, id: copy.id, seq: copy.seq, deleted: copy.deleted, data: copy.data } : null,
        };
      }),
    };
  });
}
