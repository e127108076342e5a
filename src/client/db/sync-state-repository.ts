/**
 * What the device knows about sync: the pull cursor, the status the UI shows, and applying
 * pulled changes.
 *
 * Atomicity: `applyPull` writes the pulled rows and the new cursor in ONE transaction over the
 * collection tables, the outbox and `meta`. A crash leaves either the old cursor with the old
 * rows (the page is pulled again; putting the same rows twice is harmless) or both new.
 *
 * Local edits win until pushed: a pulled change to a record that still has an outbox entry is
 * skipped. The check reads the outbox inside the same transaction, so a save cannot slip in
 * between the check and the write. Once the edit is pushed, the server gives it a new change
 * number and the next pull brings the server's copy back; if the server refuses it,
 * `settlePush` puts the server's copy back instead.
 */
import type { ErrorReason, PullResponse } from '#src/shared/sync/protocol.ts';
import { collectionNames, isCollectionName } from '#src/shared/sync/collections.ts';
import { collectionTable, type AnttDatabase } from './database.ts';
import { useDbQuery } from './database-context.tsx';
import { pendingKey, pendingRecordKeys } from './outbox-repository.ts';

const CURSOR_KEY = 'cursor';
const STATUS_KEY = 'syncStatus';

/** The last server change sequence this device applied; 0 before the first pull. */
export async function getCursor(db: AnttDatabase): Promise<number> {
  const value = (await db.meta.get(CURSOR_KEY))?.value;
  return typeof value === 'number' ? value : 0;
}

export interface ApplyPullResult {
  /** Rows put or deleted. */
  applied: number;
  /** Changes skipped because a local edit waits, or their collection is unknown here. */
  skipped: number;
  /** True when the stored cursor had moved since the page was asked for: nothing was written. */
  stale: boolean;
}

/**
 * Applies one pulled page and stores its cursor, atomically (see the header). With
 * `fromCursor` (the cursor the page was requested with), a page that no longer follows the
 * stored cursor (another run applied pages meanwhile) is dropped, so the cursor never moves
 * backwards and old rows never overwrite newer ones. Unknown collections (a newer server) are
 * skipped.
 */
export async function applyPull(
  db: AnttDatabase,
  response: PullResponse,
  options: { fromCursor?: number } = {},
): Promise<ApplyPullResult> {
  const tables = collectionNames.map((name) => collectionTable(db, name));
  return db.transaction('rw', [db.meta, db.outbox, ...tables], async () => {
    if (options.fromCursor !== undefined && (await getCursor(db)) !== options.fromCursor) {
      return { applied: 0, skipped: response.changes.length, stale: true };
    }
    const pending = await pendingRecordKeys(db);
    let applied = 0;
    for (const change of response.changes) {
      if (!isCollectionName(change.collection) || pending.has(pendingKey(change.collection, change.id))) continue;
      const table = collectionTable(db, change.collection);
      if (change.deleted || change.data === null) await table.delete(change.id);
      else await table.put({ ...change.data, id: change.id });
      applied += 1;
    }
    await db.meta.put({ key: CURSOR_KEY, value: response.cursor });
    return { applied, skipped: response.changes.length - applied, stale: false };
  });
}

/** Why the last sync failed: the server's reasons plus the device's own. */
export type SyncFailureReason = ErrorReason | 'network' | 'timeout' | 'device-error';

export interface SyncFailure {
  reason: SyncFailureReason;
  /** Vietnamese words for the user. */
  message: string;
  /** ISO instant. */
  at: string;
}

/** Kept in `meta` ('syncStatus'); survives reloads so backoff continues where it was. */
export interface SyncStatus {
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: SyncFailure | null;
  /** When the runner will try again by itself; null when idle or stopped (401/426). */
  nextRetryAt: string | null;
  consecutiveFailures: number;
  /** Set while a run is in progress (in any tab); see RUNNING_STALE_MS. */
  runningSince: string | null;
}

const EMPTY_STATUS: SyncStatus = {
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
  nextRetryAt: null,
  consecutiveFailures: 0,
  runningSince: null,
};

/** A run marked as running for longer than this was cut off (tab closed): it is not running. */
export const RUNNING_STALE_MS = 2 * 60_000;

export async function getSyncStatus(db: AnttDatabase): Promise<SyncStatus> {
  const value = (await db.meta.get(STATUS_KEY))?.value;
  return { ...EMPTY_STATUS, ...(typeof value === 'object' && value !== null ? (value as Partial<SyncStatus>) : {}) };
}

/** Merges `patch` into the stored status (read and write in one transaction). */
export async function updateSyncStatus(db: AnttDatabase, patch: Partial<SyncStatus>): Promise<SyncStatus> {
  return db.transaction('rw', db.meta, async () => {
    const next = { ...(await getSyncStatus(db)), ...patch };
    await db.meta.put({ key: STATUS_KEY, value: next });
    return next;
  });
}

export interface SyncOverview {
  pendingCount: number;
  /** ISO instant of the oldest unsent save, or null when the outbox is empty. */
  oldestPendingAt: string | null;
  lastSuccessAt: string | null;
  lastError: SyncFailure | null;
  nextRetryAt: string | null;
  isRunning: boolean;
}

export async function readSyncOverview(db: AnttDatabase, now: Date = new Date()): Promise<SyncOverview> {
  const [pendingCount, oldest, status] = await Promise.all([
    db.outbox.count(),
    db.outbox.orderBy('seq').first(),
    getSyncStatus(db),
  ]);
  const runningFor = status.runningSince === null ? null : now.getTime() - Date.parse(status.runningSince);
  return {
    pendingCount,
    oldestPendingAt: oldest?.createdAt ?? null,
    lastSuccessAt: status.lastSuccessAt,
    lastError: status.lastError,
    nextRetryAt: status.nextRetryAt,
    isRunning: runningFor !== null && runningFor < RUNNING_STALE_MS,
  };
}

/** Ids of records with a change waiting to be pushed ("chưa đồng bộ"). */
export async function readPendingRecordIds(db: AnttDatabase): Promise<Set<string>> {
  return new Set((await db.outbox.orderBy('recordId').uniqueKeys()) as string[]);
}

/**
 * How many of a member's field logs wait to be pushed (distinct records). A waiting delete
 * carries no data, so it counts when an earlier waiting save of that record names the member.
 */
export async function countPendingForMember(db: AnttDatabase, memberId: string): Promise<number> {
  const entries = await db.outbox.filter((entry) => entry.collection === 'fieldLog').toArray();
  const records = new Set<string>();
  for (const entry of entries) if (entry.data?.memberId === memberId) records.add(entry.recordId);
  return records.size;
}

/** Live sync overview for the status bar; undefined while loading. */
export function useSyncOverview(): SyncOverview | undefined {
  return useDbQuery((db) => readSyncOverview(db), []);
}

/** Live set of record ids with unsent changes; undefined while loading. */
export function usePendingRecordIds(): Set<string> | undefined {
  return useDbQuery((db) => readPendingRecordIds(db), []);
}

/** Live count of a member's field logs waiting to be pushed; undefined while loading. */
export function usePendingCountForMember(memberId: string): number | undefined {
  return useDbQuery((db) => countPendingForMember(db, memberId), [memberId]);
}
