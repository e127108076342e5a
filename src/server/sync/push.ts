/**
 * Applying a push batch (protocol.ts, "Push"). Everything happens in ONE transaction:
 * 1. in one statement (db/push-repository.ts): lock the device's row (the same device's batches
 *    apply one after the other), read its last_applied_seq and move it to the batch's highest
 *    seq; lock the current copies of the batch's records (in key order: two pushes of
 *    overlapping records wait for each other, pushes of different records run side by side);
 *    read the facts the entries refer to;
 * 2. skip mutations at or below the old last_applied_seq (a replayed batch has no second effect);
 * 3. read the recent history of records edited from an older version, and decide each mutation
 *    on its own (mutation.ts): write it (merged field by field, conflicts recorded), or refuse it
 *    with a reason. A refusal never stops the mutations behind it;
 * 4. write every new version under new change numbers (drawn after the locks, so a record's
 *    versions only grow; sync-repository.ts explains why pulls still never skip) and the
 *    rejections.
 * A transaction that loses a race PostgreSQL or the write detects (a deadlock, a record created
 * by another push meanwhile) is rolled back and run again from the start.
 * The answer lists the versions and rejections of every mutation of the batch, the earlier ones
 * read back from the history and sync_rejections, so a replay answers the same. A refused
 * record's current copy is sent back only when the user may read it.
 */
import type { Database, Queryable } from '#src/server/db/database.ts';
import { startPush } from '#src/server/db/push-repository.ts';
import type { EntryReferences } from '#src/server/db/reference-repository.ts';
import {
  claimSyncClient,
  insertRejections,
  isRetryableWrite,
  readChangesSince,
  readRecords,
  readRejections,
  readWrittenVersions,
  recordKey,
  toServerRecord,
  writeNumbered,
  type NewVersion,
  type Rejection,
  type StoredRecord,
} from '#src/server/db/sync-repository.ts';
import { isCollectionName } from '#src/shared/sync/collections.ts';
import { PROTOCOL_VERSION, type Mutation, type PushRequest, type PushResponse, type WrittenMutation } from '#src/shared/sync/protocol.ts';
import type { Access } from './access.ts';
import { referencesOf } from './entry-checks.ts';
import { decideMutation, type BatchContext } from './mutation.ts';

export class ClientMismatchError extends Error {
  override name = 'ClientMismatchError';
}

export interface PushOptions {
  now: Date;
  /** Test-only: awaited inside the transaction just before COMMIT (makes commit races real). */
  beforeCommit?: () => Promise<void>;
}

/** What the batch's entries refer to: the writer's team and every team, household and template they name. */
function referenceIdsOf(access: Access, mutations: Mutation[]) {
  const entries = mutations.filter((m) => m.collection === 'fieldLog' && m.op === 'put').map((m) => (m.op === 'put' ? m.data : {}));
  const teamIds = new Set<string>(access.teamId && entries.length > 0 ? [access.teamId] : []);
  const householdIds = new Set<string>();
  const templateIds = new Set<string>();
  for (const entry of entries) {
    if (typeof entry.teamId === 'string') teamIds.add(entry.teamId);
    const references = referencesOf(entry);
    for (const id of references.householdIds) householdIds.add(id);
    for (const id of references.templateIds) templateIds.add(id);
  }
  const validIds = (ids: Set<string>) => [...ids].filter((id) => /^[0-9a-f-]{36}$/.test(id));
  return { teamIds: validIds(teamIds), householdIds: validIds(householdIds), templateIds: validIds(templateIds) };
}

interface FreshOutcome {
  written: WrittenMutation[];
  rejections: Rejection[];
}

interface Locked {
  /** Existing rows of the batch's records, locked. */
  stored: Map<string, StoredRecord>;
  references: EntryReferences;
}

async function applyFresh(tx: Queryable, access: Access, clientId: string, fresh: Mutation[], now: Date, { stored, references }: Locked): Promise<FreshOutcome> {
  const stale = fresh.filter((m) => m.op === 'put' && (stored.get(recordKey(m))?.seq ?? m.base) !== m.base);
  const context: BatchContext = {
    access,
    clientId,
    now,
    facts: { ...references, now },
    histories: await readChangesSince(tx, stale.map((m) => ({ collection: m.collection, id: m.id, since: m.base }))),
    current: new Map(stored),
  };
  const writes = new Map<string, NewVersion>();
  const rejections: Rejection[] = [];
  const applied: Array<{ seq: number; key: string | null; version: number; isChanged: boolean }> = [];
  for (const mutation of fresh) {
    const outcome = decideMutation(context, mutation);
    if ('rejection' in outcome) {
      rejections.push({ seq: mutation.seq, collection: mutation.collection, id: mutation.id, ...outcome.rejection });
      continue;
    }
    for (const version of outcome.versions) {
      const key = recordKey(version);
      const earlier = writes.get(key);
      // Only a record's last state is written; the history keeps the first copy it replaced.
      writes.set(key, earlier ? { ...version, previous: earlier.previous ?? null, changed: unionChanged(earlier.changed, version.changed) } : version);
      context.current.set(key, { ...version, seq: 0 });
    }
    applied.push({ seq: mutation.seq, key: outcome.versions[0] ? recordKey(outcome.versions[0]) : null, version: outcome.unchangedVersion ?? 0, isChanged: outcome.isChanged });
  }
  const numbered = await writeNumbered(tx, stored, [...writes.values()], { userId: access.account.id, now });
  const versions = new Map(numbered.map((record) => [recordKey(record), record.seq]));
  await insertRejections(tx, clientId, rejections, now);
  return {
    written: applied.map((a) => ({ seq: a.seq, version: a.key ? (versions.get(a.key) ?? a.version) : a.version, ...(a.isChanged ? { isChanged: true } : {}) })),
    rejections,
  };
}

function unionChanged(a: string[] | null | undefined, b: string[] | null | undefined): string[] | null {
  if (!a || !b) return null;
  return [...new Set([...a, ...b])];
}

/** Runs of one push transaction before its failure is reported (each retry follows a lost race). */
const PUSH_ATTEMPTS = 5;

export async function applyPush(database: Database, access: Access, request: PushRequest, options: PushOptions): Promise<PushResponse> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await applyPushOnce(database, access, request, options);
    } catch (error) {
      if (attempt >= PUSH_ATTEMPTS || !isRetryableWrite(error)) throw error;
    }
  }
}

async function applyPushOnce(database: Database, access: Access, request: PushRequest, options: PushOptions): Promise<PushResponse> {
  const { now } = options;
  return database.transaction(async (tx) => {
    const batchMax = request.mutations.at(-1)?.seq ?? 0;
    const start = await startPush(tx, {
      clientId: request.clientId, userId: access.account.id, batchMax, now,
      keys: request.mutations.filter((m) => isCollectionName(m.collection)), references: referenceIdsOf(access, request.mutations),
    });
    const client = start.client ?? (await claimSyncClient(tx, request.clientId, access.account.id, batchMax, now));
    if (client.userId !== access.account.id) throw new ClientMismatchError(request.clientId);
    const fresh = request.mutations.filter((m) => m.seq > client.lastAppliedSeq);
    const replayedSeqs = request.mutations.filter((m) => m.seq <= client.lastAppliedSeq).map((m) => m.seq);
    const locked = { stored: start.locked, references: start.references };
    const outcome = fresh.length > 0 ? await applyFresh(tx, access, request.clientId, fresh, now, locked) : { written: [], rejections: [] };
    const lastAppliedSeq = Math.max(client.lastAppliedSeq, batchMax);
    const rejections = [...(await readRejections(tx, request.clientId, replayedSeqs)), ...outcome.rejections].sort((a, b) => a.seq - b.seq);
    const written = [...(await readWrittenVersions(tx, request.clientId, replayedSeqs)), ...outcome.written].sort((a, b) => a.seq - b.seq);
    const copies = await readRecords(tx, rejections.filter((r) => isCollectionName(r.collection)));
    await options.beforeCommit?.();
    return {
      protocolVersion: PROTOCOL_VERSION,
      lastAppliedSeq,
      written,
      rejected: rejections.map((r) => ({ ...r, current: readableCopy(access, copies.get(recordKey(r))) })),
    };
  });
}

/** The copy a refusal may show: none when the user may not read it (a refusal must not leak data). */
function readableCopy(access: Access, copy: StoredRecord | undefined) {
  return copy && access.readable.has(copy.scope) ? toServerRecord(copy) : null;
}
