/**
 * One sync: push the whole outbox, then pull until the server has nothing more.
 *
 * Order: push before pull, so the pull brings back the server's copy of what was just pushed
 * (and anything others wrote meanwhile) and the device ends in the server's state. Batches go
 * out oldest first; a batch is settled (outbox entries removed, refusals undone) in one
 * transaction before the next is read. Every page is applied with its cursor in one
 * transaction. A failure at any point throws a `SyncError` and leaves a consistent database:
 * the next sync resumes from what was settled, and the server skips what it already applied.
 *
 * Generic over the collections registry: nothing here knows a record type.
 */
import { DEFAULT_PULL_LIMIT, PROTOCOL_VERSION } from '#src/shared/sync/protocol.ts';
import type { AnttDatabase } from '#src/client/db/database.ts';
import { readOutboxBatch, settlePush, toMutations } from '#src/client/db/outbox-repository.ts';
import { getClientId } from '#src/client/db/session-repository.ts';
import { applyPull, getCursor } from '#src/client/db/sync-state-repository.ts';
import { SyncError } from './http-transport.ts';
import type { SyncTransport } from './transport.ts';

export interface SyncOnceResult {
  /** Outbox entries the server settled (applied or refused). */
  pushed: number;
  /** Of those, refused by the server and undone on the device. */
  rejected: number;
  /** Pulled changes written to the device. */
  pulled: number;
}

export interface SyncOnceOptions {
  pullLimit?: number;
  now?: () => Date;
}

/** Pushes every waiting change, then pulls every page. Throws `SyncError` on failure. */
export async function syncOnce(db: AnttDatabase, transport: SyncTransport, options: SyncOnceOptions = {}): Promise<SyncOnceResult> {
  const now = options.now ?? (() => new Date());
  const clientId = await getClientId(db);
  const result: SyncOnceResult = { pushed: 0, rejected: 0, pulled: 0 };

  for (;;) {
    const batch = await readOutboxBatch(db);
    if (batch.length === 0) break;
    const response = await transport.push({ protocolVersion: PROTOCOL_VERSION, clientId, mutations: toMutations(batch) });
    const settled = await settlePush(db, response, now());
    // A server that settles nothing would make this loop spin forever on the same batch.
    if (settled.settled === 0) throw new SyncError('server-error', null, 'Máy chủ không xác nhận dữ liệu đã gửi');
    result.pushed += settled.settled;
    result.rejected += settled.rejected;
  }

  for (;;) {
    const cursor = await getCursor(db);
    const limit = options.pullLimit ?? DEFAULT_PULL_LIMIT;
    const page = await transport.pull({ protocolVersion: PROTOCOL_VERSION, clientId, cursor, limit });
    const applied = await applyPull(db, page, { fromCursor: cursor });
    result.pulled += applied.applied;
    // Stale: another run moved the cursor meanwhile and pulls on. No progress: stop, not spin.
    if (!page.hasMore || applied.stale || page.cursor <= cursor) break;
  }
  return result;
}
