/**
 * Changes the server refused, set aside on the device (written by settlePush in
 * outbox-repository.ts, in the same transaction that puts the server's copy back): each keeps the
 * refused record and the reason, for its author to fix (a new save of the record) or discard.
 */
import type { AnttDatabase, RejectionRow } from './database.ts';
import { useDbQuery } from './database-context.tsx';

/** The newest refusals first, at most `limit`, through the `at` index. */
export async function listRejections(db: AnttDatabase, limit: number): Promise<RejectionRow[]> {
  return db.rejections.orderBy('at').reverse().limit(limit).toArray();
}

/** Live list of the newest refusals; undefined while loading. */
export function useRejections(limit = 50): RejectionRow[] | undefined {
  return useDbQuery((db) => listRejections(db, limit), [limit]);
}

/** Refusals still waiting for their author, newest first, through the `status` index. */
export async function listOpenRejections(db: AnttDatabase): Promise<RejectionRow[]> {
  const open = await db.rejections.where('status').equals('open').toArray();
  return open.sort((a, b) => b.at.localeCompare(a.at));
}

/** Live refusals waiting for their author; undefined while loading. */
export function useOpenRejections(): RejectionRow[] | undefined {
  return useDbQuery((db) => listOpenRejections(db), []);
}

/** The author is done with a refusal: fixed (saved again) or discarded. */
export async function closeRejection(db: AnttDatabase, id: number, status: 'fixed' | 'discarded'): Promise<void> {
  await db.rejections.update(id, { status });
}

/**
 * A new version of a record was saved: its open refusals are fixed (the new change goes to the
 * server in their place; if it is refused too, that is a new refusal).
 */
export async function closeRejectionsFixedBy(db: AnttDatabase, collection: RejectionRow['collection'], recordId: string): Promise<void> {
  await db.rejections.where('recordId').equals(recordId)
    .filter((row) => row.collection === collection && row.status === 'open')
    .modify({ status: 'fixed' });
}
