/**
 * The append-only audit trail (migration 0011: a trigger refuses UPDATE, DELETE and TRUNCATE):
 * reads of restricted records and account or permission changes, each with the acting account,
 * its session (the device) and when. Written in the transaction of what it records.
 */
import type { AuditEntry, AuditQuery, EntryChange } from '#src/shared/domain/audit.ts';
import type { Queryable } from './database.ts';

export interface NewAuditEntry {
  at: Date;
  actorId: string | null;
  sessionId: string | null;
  action: string;
  targetId: string | null;
  detail?: Record<string, unknown>;
}

export async function appendAudit(db: Queryable, entry: NewAuditEntry): Promise<void> {
  await db.query('INSERT INTO audit_log (at, actor_id, session_id, action, target_id, detail) VALUES ($1, $2, $3, $4, $5, $6::jsonb)', [
    entry.at.toISOString(), entry.actorId, entry.sessionId, entry.action, entry.targetId, JSON.stringify(entry.detail ?? {}),
  ]);
}

/** The instant a Vietnamese day starts (Vietnam keeps UTC+7 all year). */
function dayStart(isoDay: string, plusDays = 0): string {
  return new Date(Date.parse(`${isoDay}T00:00:00+07:00`) + plusDays * 24 * 3600_000).toISOString();
}

/** Entries matching the filters, newest first, at most `limit`. */
export async function queryAudit(db: Queryable, query: AuditQuery, limit: number): Promise<AuditEntry[]> {
  const rows = await db.query<{ id: string; at: Date; actorId: string | null; actorName: string | null; sessionId: string | null; action: string; targetId: string | null; detail: Record<string, unknown> }>(
    `SELECT a.id::text, a.at, a.actor_id::text AS "actorId", u.display_name AS "actorName", a.session_id::text AS "sessionId",
       a.action, a.target_id AS "targetId", a.detail
     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
     WHERE ($1::text IS NULL OR u.username = $1 OR a.actor_id::text = $1)
       AND ($2::text IS NULL OR a.action LIKE $2 || '%')
       AND ($3::timestamptz IS NULL OR a.at >= $3) AND ($4::timestamptz IS NULL OR a.at < $4)
     ORDER BY a.at DESC, a.id DESC LIMIT $5`,
    [query.who ?? null, query.action ?? null, query.from ? dayStart(query.from) : null, query.to ? dayStart(query.to, 1) : null, limit],
  );
  return rows.map((row) => ({ ...row, at: new Date(row.at).toISOString() }));
}

/** The scope of a record now (for the reach check), or undefined when unknown. */
export async function recordScope(db: Queryable, collection: string, id: string): Promise<string | undefined> {
  const rows = await db.query<{ scope: string }>('SELECT scope FROM records WHERE collection = $1 AND id = $2', [collection, id]);
  return rows[0]?.scope;
}

/** Every change of one record (record_changes), oldest first. */
export async function readRecordHistory(db: Queryable, collection: string, id: string): Promise<EntryChange[]> {
  const rows = await db.query<{
    version: string | number; at: Date; userId: string | null; userName: string | null; clientId: string | null;
    changed: string[] | null; deleted: boolean; previous: Record<string, unknown> | null;
  }>(
    `SELECT c.seq AS version, c.at, c.user_id::text AS "userId", u.display_name AS "userName", c.client_id::text AS "clientId",
       c.changed, c.deleted, c.previous
     FROM record_changes c LEFT JOIN users u ON u.id = c.user_id
     WHERE c.collection = $1 AND c.id = $2 ORDER BY c.seq`,
    [collection, id],
  );
  return rows.map((row) => ({ ...row, version: Number(row.version), at: new Date(row.at).toISOString() }));
}
