/**
 * One sync: push the whole outbox, then backfill scopes the user gained, then pull until the
 * server has nothing more.
 *
 * Order: push before pull, so the device's own work is safe before anything is dropped for a
 * reach change, and the pull brings what others wrote meanwhile (and the server's copy of what
 * it merged). Batches go out oldest first, sized by bytes; a batch is settled (outbox entries
 * removed, versions recorded, refusals set aside) in one transaction while the next one is on
 * its way. Every page is applied with its cursor in one transaction, while the next page is
 * asked for. A failure at any point throws a
 * `SyncError` and leaves a consistent database: the next sync resumes from what was settled, and
 * the server skips what it already applied.
 *
 * A revoked device (lost phone) pushes what waits and then fails with `device-revoked`, before
 * any pull; the runner then erases the account's data (its `onRevoked`).
 *
 * Generic over the collections registry: nothing here knows a record type.
 */
import { MAX_PULL_LIMIT, PROTOCOL_VERSION, type PullResponse } from '#src/shared/sync/protocol.ts';
import type { AnttDatabase, OutboxEntry } from '#src/client/db/database.ts';
import { readOutboxBatch, settlePush, toMutations } from '#src/client/db/outbox-repository.ts';
import { applyBackfill, applyPull, getBackfillJob, getHeldScopes, readPullStart } from '#src/client/db/pull-repository.ts';
import { getClientId } from '#src/client/db/session-repository.ts';
import { SyncError } from './http-transport.ts';
import type { SyncTransport } from './transport.ts';

export interface SyncOnceResult {
  /** Outbox entries the server settled (applied or refused). */
  pushed: number;
  /** Of those, refused by the server and set aside on the device. */
  rejected: number;
  /** Pulled changes written to the device. */
  pulled: number;
  /** The server accepted a push from a revoked device (its grace): pull nothing, erase. */
  isRevoked?: boolean;
}

/** How far the pull of a fresh device got: "đã tải 12.000 / 50.000". */
export interface PullProgress {
  received: number;
  total: number;
}

export interface SyncOnceOptions {
  pullLimit?: number;
  now?: () => Date;
  /** Called after every pulled page of a device's first sync. */
  onPullProgress?: (progress: PullProgress) => void;
}

/**
 * Pushes the outbox batch after batch, keeping the server busy: while a batch is on its way the
 * next one is read from the outbox; as soon as an answer settled the whole batch the next one is
 * sent, and the answered one is settled meanwhile. The device's transactions and the server's
 * work overlap instead of taking turns. Safe: the server answered the previous push before the
 * next is sent (a later seq never overtakes one left), and settling touches only what that
 * answer covers. Outbox entries never change once written, so a batch read early is still
 * exact; entries saved meanwhile go in a later batch.
 */
async function pushAll(db: AnttDatabase, transport: SyncTransport, clientId: string, now: () => Date, result: SyncOnceResult): Promise<void> {
  const send = (batch: readonly OutboxEntry[]) => transport.push({ protocolVersion: PROTOCOL_VERSION, clientId, mutations: toMutations(batch) });
  const lastSeqOf = (batch: readonly OutboxEntry[]) => batch[batch.length - 1]!.seq!;
  /** The batch after `batch`, read now; a failure shows when it is awaited (never unhandled). */
  const readAfter = (batch: readonly OutboxEntry[]) => {
    const read = readOutboxBatch(db, undefined, undefined, lastSeqOf(batch));
    read.catch(() => undefined);
    return read;
  };
  let batch = await readOutboxBatch(db);
  if (batch.length === 0) return;
  let answer = send(batch);
  let upcoming = readAfter(batch);
  for (;;) {
    const answered = await answer;
    // Only after an answer that settled the whole batch: a later seq must never overtake one left.
    const next = answered.lastAppliedSeq >= lastSeqOf(batch) ? await upcoming : [];
    const nextAnswer = next.length > 0 ? send(next) : null;
    // Settled or not, the next answer is awaited below or dropped with the failure (the server skips what it applied).
    nextAnswer?.catch(() => undefined);
    const nextUpcoming = next.length > 0 ? readAfter(next) : null;
    if (answered.eraseAfter === true) result.isRevoked = true;
    const settled = await settlePush(db, answered, now(), batch);
    // A server that settles nothing would make this loop spin forever on the same batch.
    if (settled.settled === 0) throw new SyncError('server-error', null, 'Máy chủ không xác nhận dữ liệu đã gửi');
    result.pushed += settled.settled;
    result.rejected += settled.rejected;
    if (nextAnswer === null || nextUpcoming === null) {
      batch = await readOutboxBatch(db);
      if (batch.length === 0) return;
      answer = send(batch);
      upcoming = readAfter(batch);
      continue;
    }
    batch = next;
    answer = nextAnswer;
    upcoming = nextUpcoming;
  }
}

async function backfillAll(db: AnttDatabase, transport: SyncTransport, clientId: string, limit: number, result: SyncOnceResult): Promise<void> {
  for (;;) {
    const job = await getBackfillJob(db);
    if (!job) return;
    const { hash } = await getHeldScopes(db);
    const page = await transport.pull({
      protocolVersion: PROTOCOL_VERSION, clientId, cursor: job.after, limit, scopesHash: hash,
      backfill: { scopes: job.scopes, until: job.until },
    });
    result.pulled += await applyBackfill(db, job, page);
  }
}

/** Pushes every waiting change, backfills, then pulls every page. Throws `SyncError` on failure. */
export async function syncOnce(db: AnttDatabase, transport: SyncTransport, options: SyncOnceOptions = {}): Promise<SyncOnceResult> {
  const now = options.now ?? (() => new Date());
  const limit = options.pullLimit ?? MAX_PULL_LIMIT;
  const clientId = await getClientId(db);
  const result: SyncOnceResult = { pushed: 0, rejected: 0, pulled: 0 };
  await pushAll(db, transport, clientId, now, result);
  // A revoked device's work is now on the server; it pulls nothing more (the runner erases it).
  if (result.isRevoked === true) throw new SyncError('device-revoked', null);
  let progress: PullProgress | null = null;
  let prefetched: { cursor: string; page: Promise<PullResponse> } | null = null;
  for (let round = 0; ; round += 1) {
    // One read between pages: the cursor, the scopes and whether a backfill goes first.
    let start = await readPullStart(db);
    if (start.hasBackfill) {
      await backfillAll(db, transport, clientId, limit, result);
      start = await readPullStart(db);
    }
    const { cursor, scopesHash: hash } = start;
    const ask = (after: string) => transport.pull({ protocolVersion: PROTOCOL_VERSION, clientId, cursor: after, limit, scopesHash: hash });
    const page: PullResponse = prefetched?.cursor === cursor ? await prefetched.page : await ask(cursor);
    prefetched = null;
    // While this page is stored, the next one is on its way (not after a reach change: that page
    // may queue a backfill, which goes first). Unused when the stored cursor moved meanwhile.
    if (page.hasMore && !page.scopes && page.cursor !== cursor) {
      prefetched = { cursor: page.cursor, page: ask(page.cursor) };
      prefetched.page.catch(() => undefined);
    }
    const applied = await applyPull(db, page, { fromCursor: cursor });
    result.pulled += applied.applied;
    if (page.total !== undefined) progress = { received: 0, total: page.total };
    if (progress) {
      progress = { received: Math.min(progress.total, progress.received + page.changes.length), total: progress.total };
      options.onPullProgress?.(progress);
    }
    // A reach change queued a backfill: run it, then go on pulling.
    if (page.scopes && (await getBackfillJob(db)) && round < 100) continue;
    // Stale: another run moved the cursor meanwhile and pulls on. No progress (the same opaque
    // cursor back): stop, not spin.
    if (!page.hasMore || applied.stale || page.cursor === cursor) return result;
  }
}
