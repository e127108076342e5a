/**
 * Members' last finished syncs as the server reported them to a leader or commune police
 * (GET /api/progress/member-sync): kept in the local `memberSync` table so progress screens can
 * say offline whose phone had not synced, and as of when the server said so. Never synced.
 */
import type { MemberSyncResponse } from '#src/shared/domain/progress-api.ts';
import type { AnttDatabase, MemberSyncRow } from './database.ts';
import { useDbQuery } from './database-context.tsx';

/** Replaces the stored rows of the teams in the answer (members who left a team drop out). */
export async function saveMemberSyncs(db: AnttDatabase, answer: MemberSyncResponse, teamIds: readonly string[]): Promise<void> {
  await db.transaction('rw', db.memberSync, async () => {
    await db.memberSync.where('teamId').anyOf([...teamIds]).delete();
    await db.memberSync.bulkPut(answer.members.map((member) => ({ ...member, fetchedAt: answer.asOf })));
  });
}

/** Every stored row; undefined while loading. */
export function useMemberSyncs(): MemberSyncRow[] | undefined {
  return useDbQuery((db) => db.memberSync.toArray(), []);
}
