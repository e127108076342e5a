/**
 * What the device knows about sync for its user: the status the UI shows (last success, last
 * error, next retry, running), how much waits to be sent, and which records wait. Applying pulled
 * changes and the cursor live in pull-repository.ts.
 */
import Dexie from 'dexie';
import type { ErrorReason } from '#src/shared/sync/protocol.ts';
import type { AnttDatabase } from './database.ts';
import { useDbQuery } from './database-context.tsx';

const STATUS_KEY = 'syncStatus';

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
  /** How far a first (or long) pull got: "đã tải 12.000 / 50.000"; null otherwise. */
  pullProgress: { received: number; total: number } | null;
}

const EMPTY_STATUS: SyncStatus = {
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
  nextRetryAt: null,
  consecutiveFailures: 0,
  runningSince: null,
  pullProgress: null,
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
  /** While a long pull runs: how much arrived of how much. */
  pullProgress: { received: number; total: number } | null;
  /** Open conflicts and refused entries waiting for a person. */
  needsAttention: number;
}

export async function readSyncOverview(db: AnttDatabase, now: Date = new Date()): Promise<SyncOverview> {
  const [pendingCount, oldest, status, conflicts, refusals] = await Promise.all([
    db.outbox.count(),
    db.outbox.orderBy('seq').first(),
    getSyncStatus(db),
    db.conflict.where('status').equals('open').count(),
    db.rejections.where('status').equals('open').count(),
  ]);
  const runningFor = status.runningSince === null ? null : now.getTime() - Date.parse(status.runningSince);
  return {
    pendingCount,
    oldestPendingAt: oldest?.createdAt ?? null,
    lastSuccessAt: status.lastSuccessAt,
    lastError: status.lastError,
    nextRetryAt: status.nextRetryAt,
    isRunning: runningFor !== null && runningFor < RUNNING_STALE_MS,
    pullProgress: runningFor !== null && runningFor < RUNNING_STALE_MS ? status.pullProgress : null,
    needsAttention: conflicts + refusals,
  };
}

/**
 * Ids of every record with a change waiting in the outbox, read from the `recordId` index alone
 * (no entry data). Record ids are UUIDs, unique across collections.
 */
export async function readPendingRecordIds(db: AnttDatabase): Promise<Set<string>> {
  return new Set((await db.outbox.orderBy('recordId').uniqueKeys()) as string[]);
}

/**
 * How many of a member's field logs wait to be pushed (distinct records). A waiting delete
 * carries no data, so it counts when an earlier waiting save of that record names the member.
 * Reads keys only (the outbox's recordId index, the member's entries by [memberId+date]), and
 * entry data only for waiting records no longer stored (deleted here): a sync of thousands of
 * entries does not re-read the outbox's data after every batch.
 */
export async function countPendingForMember(db: AnttDatabase, memberId: string): Promise<number> {
  const pending = await readPendingRecordIds(db);
  if (pending.size === 0) return 0;
  const [mine, stored] = await Promise.all([
    db.fieldLog.where('[memberId+date]').between([memberId, Dexie.minKey], [memberId, Dexie.maxKey]).primaryKeys(),
    db.fieldLog.where(':id').anyOf([...pending]).primaryKeys(),
  ]);
  let count = mine.filter((id) => pending.has(id)).length;
  const storedIds = new Set(stored);
  const gone = [...pending].filter((id) => !storedIds.has(id));
  if (gone.length === 0) return count;
  const records = new Set<string>();
  await db.outbox.where('recordId').anyOf(gone).each((entry) => {
    if (entry.collection === 'fieldLog' && entry.data?.memberId === memberId) records.add(entry.recordId);
  });
  count += records.size;
  return count;
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
