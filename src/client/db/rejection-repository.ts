/**
 * Reading the changes the server refused (written by settlePush in outbox-repository.ts, in the
 * same transaction that puts the server's copy back). Kept on the device so the user can see
 * what happened to an entry; cleared with everything else at sign-out.
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
