/**
 * When each account's device last finished a sync: a pull that left nothing more to fetch
 * (sync-routes.ts records it). Leaders and commune police read it for their teams' members, so
 * progress screens can say whose phone has not synced for days (the completeness of a picture).
 * Written at most once a minute per account, like a session's last-seen time.
 */
import type { Queryable } from './database.ts';

/** Writes happen at most this often per account. */
export const SYNC_MARK_RESOLUTION_MS = 60_000;

/** Records that `userId`'s device finished a sync at `at` (a no-op within a minute of the last). */
export async function markSynced(db: Queryable, userId: string, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO member_syncs (user_id, synced_at) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET synced_at = EXCLUDED.synced_at
     WHERE member_syncs.synced_at <= $3`,
    [userId, at.toISOString(), new Date(at.getTime() - SYNC_MARK_RESOLUTION_MS).toISOString()],
  );
}

export type MemberLastSync = {
  userId: string;
  teamId: string;
  /** ISO instant, or null when the account's device never finished a sync. */
  lastSyncAt: string | null;
};

/** The active members of the teams, each with their device's last finished sync. */
export async function readMemberLastSyncs(db: Queryable, teamIds: readonly string[]): Promise<MemberLastSync[]> {
  if (teamIds.length === 0) return [];
  const rows = await db.query<{ userId: string; teamId: string; lastSyncAt: Date | string | null }>(
    `SELECT u.id::text AS "userId", u.team_id::text AS "teamId", m.synced_at AS "lastSyncAt"
     FROM users u LEFT JOIN member_syncs m ON m.user_id = u.id
     WHERE u.team_id = ANY($1::uuid[]) AND u.disabled_at IS NULL
     ORDER BY u.team_id, u.id`,
    [teamIds],
  );
  return rows.map((row) => ({ ...row, lastSyncAt: row.lastSyncAt === null ? null : new Date(row.lastSyncAt).toISOString() }));
}
