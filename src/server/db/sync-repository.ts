/**
 * SQL of the sync protocol: synced records, the change counter, per-device bookkeeping and the
 * rejections a replayed batch reports again. The rules (what is allowed) live in src/server/sync;
 * this file only reads and writes rows, always through the caller's transaction where the
 * protocol needs one.
 */
import type { RejectReason, ServerRecord } from '#src/shared/sync/protocol.ts';
import type { Queryable } from './database.ts';

/** A record as stored, with the scope that decides who reads it. */
export interface StoredRecord {
  collection: string;
  id: string;
  scope: string;
  seq: number;
  deleted: boolean;
  /** null for a tombstone */
  data: Record<string, unknown> | null;
}

const RECORD_COLUMNS = 'collection, id::text, scope, seq, deleted, data';

/**
 * Locks the device's row for the rest of the transaction (inserting it, bound to `userId`, on
 * first use). Two pushes of one device therefore run one after the other, and the second sees
 * the `last_applied_seq` the first committed.
 */
export async function lockSyncClient(
  tx: Queryable,
  clientId: string,
  userId: string,
  now: Date,
): Promise<{ userId: string; lastAppliedSeq: number }> {
  await tx.query(
    `INSERT INTO sync_clients (client_id, user_id, last_applied_seq, updated_at) VALUES ($1, $2, 0, $3)
     ON CONFLICT (client_id) DO NOTHING`,
    [clientId, userId, now.toISOString()],
  );
  const rows = await tx.query<{ userId: string; lastAppliedSeq: number }>(
    'SELECT user_id::text AS "userId", last_applied_seq AS "lastAppliedSeq" FROM sync_clients WHERE client_id = $1 FOR UPDATE',
    [clientId],
  );
  const row = rows[0];
  if (!row) throw new Error(`sync client ${clientId} vanished inside its own transaction`);
  return row;
}

export async function saveLastAppliedSeq(tx: Queryable, clientId: string, seq: number, now: Date): Promise<void> {
  await tx.query('UPDATE sync_clients SET last_applied_seq = $2, updated_at = $3 WHERE client_id = $1', [clientId, seq, now.toISOString()]);
}

/** The account a device is bound to, or undefined for a device that never pushed. */
export async function findSyncClientOwner(db: Queryable, clientId: string): Promise<string | undefined> {
  const rows = await db.query<{ userId: string }>('SELECT user_id::text AS "userId" FROM sync_clients WHERE client_id = $1', [clientId]);
  return rows[0]?.userId;
}

/**
 * Takes the change counter's row lock and returns the last number handed out. The lock is held
 * until the caller's transaction commits or rolls back; number and write through writeNumbered.
 *
 * Why a locked counter and not a bigserial: nextval() is not transactional. With a sequence,
 * push A takes number 7, push B takes 8 and commits first; a device pulling now receives 8 and
 * moves its cursor to 8; A then commits 7, below every cursor that already passed it, and that
 * device never sees change 7. The numbers must follow commit order, not the order they were drawn.
 *
 * With the row lock, numbering is one transaction at a time: B's SELECT ... FOR UPDATE waits
 * until A has committed, then (READ COMMITTED re-reads the newest row version after a lock wait)
 * continues from A's last number. PostgreSQL marks a transaction committed and visible to new
 * snapshots before it releases its locks, so by the time B holds the lock, A's rows are visible to
 * everyone; and since the counter value and the rows it numbers are written in one transaction,
 * a snapshot that sees counter value V sees every row numbered <= V. Pull relies on exactly that.
 *
 * The cost: pushes that write serialise on this row for the length of their transaction. Push
 * transactions are short (one batch, no network inside), which suits a province server.
 */
export async function lockChangeCounter(tx: Queryable): Promise<number> {
  const rows = await tx.query<{ value: number }>('SELECT value FROM change_counter FOR UPDATE');
  const value = rows[0]?.value;
  if (value === undefined) throw new Error('change_counter has no row: was migration 0001 applied?');
  return value;
}

async function saveChangeCounter(tx: Queryable, value: number): Promise<void> {
  await tx.query('UPDATE change_counter SET value = $1', [value]);
}

/**
 * Gives `records` the change numbers after `counter` (the value lockChangeCounter returned in
 * this same transaction), writes them and saves the counter. Push and the demo data both write
 * through here, so every record a device can pull was numbered under the counter's lock.
 */
export async function writeNumbered(
  tx: Queryable,
  counter: number,
  records: Omit<StoredRecord, 'seq'>[],
  updatedBy: string | null,
  now: Date,
): Promise<StoredRecord[]> {
  let last = counter;
  const numbered = records.map((record) => ({ ...record, seq: (last += 1) }));
  if (numbered.length === 0) return numbered;
  await upsertRecords(tx, numbered, updatedBy, now);
  await saveChangeCounter(tx, last);
  return numbered;
}

/** Current copies of the given records (tombstones included), keyed `collection/id`. */
export async function readRecords(tx: Queryable, keys: { collection: string; id: string }[]): Promise<Map<string, StoredRecord>> {
  const found = new Map<string, StoredRecord>();
  if (keys.length === 0) return found;
  const rows = await tx.query<StoredRecord>(
    `SELECT ${RECORD_COLUMNS} FROM records
     WHERE (collection, id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`,
    [keys.map((key) => key.collection), keys.map((key) => key.id)],
  );
  for (const row of rows) found.set(recordKey(row), row);
  return found;
}

export function recordKey(record: { collection: string; id: string }): string {
  return `${record.collection}/${record.id}`;
}

/** Inserts or replaces records; `seq` must come from the locked counter of this transaction. */
async function upsertRecords(tx: Queryable, records: StoredRecord[], updatedBy: string | null, now: Date): Promise<void> {
  if (records.length === 0) return;
  await tx.query(
    `INSERT INTO records (collection, id, scope, seq, deleted, data, updated_by, updated_at)
     SELECT r.collection, r.id, r.scope, r.seq, r.deleted, r.data::jsonb, $7, $8
     FROM unnest($1::text[], $2::uuid[], $3::text[], $4::bigint[], $5::boolean[], $6::text[])
       AS r (collection, id, scope, seq, deleted, data)
     ON CONFLICT (collection, id) DO UPDATE SET scope = excluded.scope, seq = excluded.seq,
       deleted = excluded.deleted, data = excluded.data, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [
      records.map((r) => r.collection),
      records.map((r) => r.id),
      records.map((r) => r.scope),
      records.map((r) => r.seq),
      records.map((r) => r.deleted),
      records.map((r) => (r.data === null ? null : JSON.stringify(r.data))),
      updatedBy,
      now.toISOString(),
    ],
  );
}

export interface Rejection {
  seq: number;
  collection: string;
  id: string;
  reason: RejectReason;
  message: string;
}

export async function insertRejections(tx: Queryable, clientId: string, rejections: Rejection[], now: Date): Promise<void> {
  for (const r of rejections) {
    await tx.query(
      `INSERT INTO sync_rejections (client_id, seq, collection, id, reason, message, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [clientId, r.seq, r.collection, r.id, r.reason, r.message, now.toISOString()],
    );
  }
}

/** Rejections recorded earlier for these sequence numbers of one device. */
export async function readRejections(tx: Queryable, clientId: string, seqs: number[]): Promise<Rejection[]> {
  if (seqs.length === 0) return [];
  return tx.query<Rejection>(
    `SELECT seq, collection, id, reason, message FROM sync_rejections
     WHERE client_id = $1 AND seq = ANY($2::bigint[]) ORDER BY seq`,
    [clientId, seqs],
  );
}

/**
 * One page of changes for a puller, read in ONE statement so that the counter value and the rows
 * come from the same snapshot: `high` is the counter V, and rows are those with
 * cursor < seq <= V in the given scopes, at most `limit + 1` of them (the extra one says "more").
 */
export async function readChangesAfter(
  db: Queryable,
  query: { cursor: number; limit: number; scopes: string[] },
): Promise<{ high: number; changes: ServerRecord[] }> {
  const rows = await db.query<{ high: number } & Partial<ServerRecord>>(
    `SELECT c.value AS high, r.collection, r.id, r.seq, r.deleted, r.data
     FROM change_counter c
     LEFT JOIN LATERAL (
       SELECT collection, id::text, seq, deleted, data FROM records
       WHERE seq > $1 AND seq <= c.value AND scope = ANY($2::text[])
       ORDER BY seq LIMIT $3
     ) r ON true
     ORDER BY r.seq`,
    [query.cursor, query.scopes, query.limit + 1],
  );
  const high = rows[0]?.high ?? 0;
  const changes = rows
    .filter((row) => row.seq !== null && row.seq !== undefined)
    .map((row) => ({ collection: row.collection!, id: row.id!, seq: row.seq!, deleted: row.deleted!, data: row.data ?? null }));
  return { high, changes };
}

export async function countRecords(db: Queryable, collection?: string): Promise<number> {
  const rows = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM records WHERE $1::text IS NULL OR collection = $1',
    [collection ?? null],
  );
  return rows[0]?.count ?? 0;
}
