/**
 * Retention: entries older than their kind's retention (e.g. tips after 5 years) are purged in
 * one transaction. First their counts go to retention_aggregates (team, kind, month), then each
 * record becomes a tombstone through writeServerRecords (devices drop it at their next pull) and
 * the previous values kept in record_changes for those records are cleared, so no copy of the
 * content remains. The history rows themselves (who, when, which device) stay.
 */
import type { Database } from './database.ts';
import { writeServerRecords, type StoredRecord } from './sync-repository.ts';

/** Years to keep each kind; kinds not named are kept for ever. */
export type RetentionPolicy = Readonly<Record<string, number>>;

export interface PurgeResult {
  kind: string;
  /** The Vietnamese day before which entries were purged (yyyy-MM-dd). */
  before: string;
  purged: number;
}

/** The day `years` years before `now` (yyyy-MM-dd, UTC+7). */
export function cutoffDay(now: Date, years: number): string {
  const vietnam = new Date(now.getTime() + 7 * 3600_000);
  vietnam.setUTCFullYear(vietnam.getUTCFullYear() - years);
  return vietnam.toISOString().slice(0, 10);
}

export async function purgeExpiredEntries(database: Database, policy: RetentionPolicy, now: Date): Promise<PurgeResult[]> {
  return database.transaction(async (tx) => {
    const results: PurgeResult[] = [];
    for (const [kind, years] of Object.entries(policy)) {
      const before = cutoffDay(now, years);
      const rows = await tx.query<StoredRecord>(
        `SELECT collection, id::text, scope, seq, deleted, data FROM records
         WHERE collection = 'fieldLog' AND NOT deleted AND data->>'kind' = $1 AND data->>'date' < $2 ORDER BY id FOR UPDATE`,
        [kind, before],
      );
      if (rows.length > 0) {
        await tx.query(
          `INSERT INTO retention_aggregates (team_id, kind, month, count, purged_at)
           SELECT (data->>'teamId')::uuid, $1, substr(data->>'date', 1, 7), count(*)::int, $3 FROM records
           WHERE collection = 'fieldLog' AND id = ANY($2::uuid[]) GROUP BY 1, 3
           ON CONFLICT (team_id, kind, month) DO UPDATE SET count = retention_aggregates.count + EXCLUDED.count, purged_at = EXCLUDED.purged_at`,
          [kind, rows.map((row) => row.id), now.toISOString()],
        );
        await writeServerRecords(tx, rows.map((row) => ({ collection: row.collection, id: row.id, scope: row.scope, deleted: true, data: null, originClient: null, previous: row })), { userId: null, now });
        await tx.query(`UPDATE record_changes SET previous = NULL WHERE collection = 'fieldLog' AND id = ANY($1::uuid[])`, [rows.map((row) => row.id)]);
      }
      results.push({ kind, before, purged: rows.length });
    }
    return results;
  });
}

/** Parses `RETENTION_YEARS`, e.g. `tip=5,reintegration-visit=10`; throws on a malformed value. */
export function parseRetentionPolicy(text: string | undefined): RetentionPolicy {
  const policy: Record<string, number> = {};
  for (const part of (text ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
    const match = /^([a-z-]+)=(\d{1,3})$/.exec(part);
    if (!match || Number(match[2]) < 1) throw new Error(`RETENTION_YEARS: "${part}" phải có dạng loại=số năm, ví dụ tip=5`);
    policy[match[1]!] = Number(match[2]);
  }
  return policy;
}
