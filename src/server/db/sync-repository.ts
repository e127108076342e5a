/**
 * SQL of the sync protocol: synced records and their history, the change counter, per-device
 * bookkeeping, the rejections a replayed batch reports again, and the pages devices pull. The
 * rules (what is allowed) live in src/server/sync; this file only reads and writes rows, always
 * through the caller's transaction where the protocol needs one.
 */
import type { RejectReason, ServerRecord } from '#src/shared/sync/protocol.ts';
import type { Queryable } from './database.ts';

/** A record as stored, with the scope that decides who reads it. `seq` is its version. */
export interface StoredRecord {
  collection: string;
  id: string;
  scope: string;
  seq: number;
  deleted: boolean;
  /** null for a tombstone */
  data: Record<string, unknown> | null;
}

/** A new version of a record, and what the history keeps about the change. */
export interface NewVersion extends Omit<StoredRecord, 'seq'> {
  /** The device whose push this is, exactly as sent; null when the server wrote or changed it. */
  originClient: string | null;
  /** The pushing device and its mutation's sequence (the history; replayed batches read it back). */
  clientId?: string | null;
  clientSeq?: number | null;
  /** Top-level fields changed; null: all. */
  changed?: string[] | null;
  /** The stored copy this version replaces (its data goes to the history; its scope, if another, gets an exit). */
  previous?: StoredRecord | null;
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
 */
export async function lockChangeCounter(tx: Queryable): Promise<number> {
  const rows = await tx.query<{ value: number }>('SELECT value FROM change_counter FOR UPDATE');
  const value = rows[0]?.value;
  if (value === undefined) throw new Error('change_counter has no row: was migration 0001 applied?');
  return value;
}

/**
 * Gives `versions` the change numbers after `counter` (the value lockChangeCounter returned in
 * this same transaction), writes them with their history, scope exits and restricted-scope
 * registrations, and saves the counter. Push, the demo data and the organisation all write
 * through here, so every record a device can pull was numbered under the counter's lock.
 */
export async function writeNumbered(
  tx: Queryable,
  counter: number,
  versions: NewVersion[],
  author: { userId: string | null; now: Date },
): Promise<StoredRecord[]> {
  let last = counter;
  const numbered = versions.map((version) => ({ ...version, seq: (last += 1) }));
  if (numbered.length === 0) return [];
  await upsertRecords(tx, numbered, author);
  await insertHistory(tx, numbered, author);
  await insertScopeExits(tx, numbered);
  await registerRestrictedScopes(tx, numbered);
  await tx.query('UPDATE change_counter SET value = $1', [last]);
  return numbered.map(({ collection, id, scope, seq, deleted, data }) => ({ collection, id, scope, seq, deleted, data }));
}

/** Writes server-authored records (demo data, organisation, bench seeds) under new change numbers. */
export async function writeServerRecords(tx: Queryable, versions: NewVersion[], author: { userId: string | null; now: Date }): Promise<StoredRecord[]> {
  return writeNumbered(tx, await lockChangeCounter(tx), versions, author);
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
async function upsertRecords(tx: Queryable, records: (NewVersion & { seq: number })[], author: { userId: string | null; now: Date }): Promise<void> {
  await tx.query(
    `INSERT INTO records (collection, id, scope, seq, deleted, data, updated_by, updated_at, origin_client)
     SELECT r.collection, r.id, r.scope, r.seq, r.deleted, r.data::jsonb, $7, $8, r.origin
     FROM unnest($1::text[], $2::uuid[], $3::text[], $4::bigint[], $5::boolean[], $6::text[], $9::uuid[])
       AS r (collection, id, scope, seq, deleted, data, origin)
     ON CONFLICT (collection, id) DO UPDATE SET scope = excluded.scope, seq = excluded.seq,
       deleted = excluded.deleted, data = excluded.data, updated_by = excluded.updated_by,
       updated_at = excluded.updated_at, origin_client = excluded.origin_client`,
    [
      records.map((r) => r.collection),
      records.map((r) => r.id),
      records.map((r) => r.scope),
      records.map((r) => r.seq),
      records.map((r) => r.deleted),
      records.map((r) => (r.data === null ? null : JSON.stringify(r.data))),
      author.userId,
      author.now.toISOString(),
      records.map((r) => r.originClient),
    ],
  );
}

async function insertHistory(tx: Queryable, records: (NewVersion & { seq: number })[], author: { userId: string | null; now: Date }): Promise<void> {
  await tx.query(
    `INSERT INTO record_changes (seq, collection, id, user_id, client_id, client_seq, changed, deleted, previous, at)
     SELECT h.seq, h.collection, h.id, $4, h.client_id, h.client_seq,
       CASE WHEN h.changed IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(h.changed::jsonb)) END,
       h.deleted, h.previous::jsonb, $5
     FROM unnest($1::bigint[], $2::text[], $3::uuid[], $6::uuid[], $7::bigint[], $8::text[], $9::boolean[], $10::text[])
       AS h (seq, collection, id, client_id, client_seq, changed, deleted, previous)`,
    [
      records.map((r) => r.seq),
      records.map((r) => r.collection),
      records.map((r) => r.id),
      author.userId,
      author.now.toISOString(),
      records.map((r) => r.clientId ?? null),
      records.map((r) => r.clientSeq ?? null),
      records.map((r) => (r.changed ? JSON.stringify(r.changed) : null)),
      records.map((r) => r.deleted),
      records.map((r) => (r.previous?.data ? JSON.stringify(r.previous.data) : null)),
    ],
  );
}

async function insertScopeExits(tx: Queryable, records: (NewVersion & { seq: number })[]): Promise<void> {
  const exits = records.filter((r) => r.previous && r.previous.scope !== r.scope);
  if (exits.length === 0) return;
  await tx.query(
    `INSERT INTO scope_exits (seq, collection, id, scope)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::uuid[], $4::text[])`,
    [exits.map((r) => r.seq), exits.map((r) => r.collection), exits.map((r) => r.id), exits.map((r) => r.previous!.scope)],
  );
}

async function registerRestrictedScopes(tx: Queryable, records: (NewVersion & { seq: number })[]): Promise<void> {
  const scopes = [...new Set(records.map((r) => r.scope).filter((scope) => scope.startsWith('restricted:')))];
  if (scopes.length === 0) return;
  await tx.query(
    `INSERT INTO restricted_scopes (scope, team_id)
     SELECT s, split_part(s, ':', 2)::uuid FROM unnest($1::text[]) AS s ON CONFLICT (scope) DO NOTHING`,
    [scopes],
  );
}

/** Restricted scopes holding records of the given teams (every author the teams ever had). */
export async function readRestrictedScopes(db: Queryable, teamIds: readonly string[]): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const rows = await db.query<{ scope: string }>('SELECT scope FROM restricted_scopes WHERE team_id = ANY($1::uuid[])', [teamIds]);
  return rows.map((row) => row.scope);
}

/** One recorded change of a record: which device and account, which top-level fields (null: all). */
export interface RecordedChange {
  clientId: string | null;
  userId: string | null;
  changed: string[] | null;
  seq: number;
  /** ISO instant. */
  at: string;
}

/**
 * Which top-level fields of records were changed, and by whom, after version `since`; keyed
 * `collection/id@since`, oldest first. A null field list means every field (a create or a delete).
 */
export async function readChangesSince(
  tx: Queryable,
  keys: { collection: string; id: string; since: number }[],
): Promise<Map<string, RecordedChange[]>> {
  const found = new Map<string, RecordedChange[]>();
  if (keys.length === 0) return found;
  const rows = await tx.query<{ collection: string; id: string; since: number } & RecordedChange>(
    `SELECT c.collection, c.id::text, k.since, c.client_id::text AS "clientId", c.user_id::text AS "userId", c.changed, c.seq,
       to_char(c.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
     FROM record_changes c JOIN unnest($1::text[], $2::uuid[], $3::bigint[]) AS k (collection, id, since)
       ON c.collection = k.collection AND c.id = k.id AND c.seq > k.since
     ORDER BY c.seq`,
    [keys.map((k) => k.collection), keys.map((k) => k.id), keys.map((k) => k.since)],
  );
  for (const row of rows) {
    const key = `${recordKey(row)}@${row.since}`;
    const list = found.get(key) ?? [];
    list.push({ clientId: row.clientId, userId: row.userId, changed: row.changed, seq: row.seq, at: row.at });
    found.set(key, list);
  }
  return found;
}

/** Versions that earlier pushes of this device produced, by the device's sequence numbers. */
export async function readWrittenVersions(tx: Queryable, clientId: string, seqs: number[]): Promise<Array<{ seq: number; version: number }>> {
  if (seqs.length === 0) return [];
  return tx.query<{ seq: number; version: number }>(
    `SELECT client_seq AS seq, seq AS version FROM record_changes
     WHERE client_id = $1 AND client_seq = ANY($2::bigint[]) ORDER BY client_seq`,
    [clientId, seqs],
  );
}

export interface Rejection {
  seq: number;
  collection: string;
  id: string;
  reason: RejectReason;
  message: string;
  fields?: { path: string; message: string }[] | undefined;
}

export async function insertRejections(tx: Queryable, clientId: string, rejections: Rejection[], now: Date): Promise<void> {
  if (rejections.length === 0) return;
  await tx.query(
    `INSERT INTO sync_rejections (client_id, seq, collection, id, reason, message, fields, created_at)
     SELECT $1, r.seq, r.collection, r.id, r.reason, r.message, r.fields::jsonb, $8
     FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS r (seq, collection, id, reason, message, fields)`,
    [
      clientId,
      rejections.map((r) => r.seq),
      rejections.map((r) => r.collection),
      rejections.map((r) => r.id),
      rejections.map((r) => r.reason),
      rejections.map((r) => r.message),
      rejections.map((r) => (r.fields ? JSON.stringify(r.fields) : null)),
      now.toISOString(),
    ],
  );
}

/** Rejections recorded earlier for these sequence numbers of one device. */
export async function readRejections(tx: Queryable, clientId: string, seqs: number[]): Promise<Rejection[]> {
  if (seqs.length === 0) return [];
  const rows = await tx.query<Rejection & { fields: Rejection['fields'] | null }>(
    `SELECT seq, collection, id, reason, message, fields FROM sync_rejections
     WHERE client_id = $1 AND seq = ANY($2::bigint[]) ORDER BY seq`,
    [clientId, seqs],
  );
  return rows.map(({ fields, ...rest }) => (fields ? { ...rest, fields } : rest));
}

/** The wire form of a stored record: the id is not repeated inside `data`. */
function toWire(row: { collection: string; id: string; seq: number; deleted: boolean; data: Record<string, unknown> | null }): ServerRecord {
  if (row.data === null) return { collection: row.collection, id: row.id, seq: row.seq, deleted: true, data: null };
  const { id: _id, ...data } = row.data;
  return { collection: row.collection, id: row.id, seq: row.seq, deleted: row.deleted, data };
}

export function toServerRecord(record: StoredRecord): ServerRecord {
  return toWire(record);
}

/**
 * One page of changes for a puller, read in ONE statement so that the counter value and the rows
 * come from the same snapshot: `high` is the counter V, and rows are those with cursor < seq <= V
 * in the given scopes, not written by the puller itself exactly as it sent them, plus tombstones
 * of records that left one of the scopes for a scope the puller cannot read; at most `limit + 1`
 * rows (the extra one says "more").
 */
export async function readChangesAfter(
  db: Queryable,
  query: { cursor: number; limit: number; scopes: string[]; clientId: string },
): Promise<{ high: number; changes: ServerRecord[] }> {
  const rows = await db.query<{ high: number; collection: string | null; id: string; seq: number | null; deleted: boolean; data: Record<string, unknown> | null }>(
    `SELECT c.value AS high, r.collection, r.id, r.seq, r.deleted, r.data
     FROM change_counter c
     LEFT JOIN LATERAL (
       (SELECT collection, id::text, seq, deleted, data FROM records
        WHERE seq > $1 AND seq <= c.value AND scope = ANY($2::text[]) AND origin_client IS DISTINCT FROM $4::uuid
        ORDER BY seq LIMIT $3)
       UNION ALL
       (SELECT e.collection, e.id::text, e.seq, true, NULL::jsonb FROM scope_exits e
        WHERE e.seq > $1 AND e.seq <= c.value AND e.scope = ANY($2::text[])
          AND NOT EXISTS (SELECT 1 FROM records x WHERE x.collection = e.collection AND x.id = e.id AND x.scope = ANY($2::text[]))
        ORDER BY e.seq LIMIT $3)
     ) r ON true
     ORDER BY r.seq LIMIT $3`,
    [query.cursor, query.scopes, query.limit + 1, query.clientId],
  );
  const high = rows[0]?.high ?? 0;
  const changes = rows.filter((row) => row.seq !== null && row.collection !== null).map((row) => toWire(row as Parameters<typeof toWire>[0]));
  return { high, changes };
}

/** Records of `scopes` numbered in (after, until], for a device that gained those scopes. */
export async function readBackfill(
  db: Queryable,
  query: { after: number; until: number; limit: number; scopes: string[] },
): Promise<ServerRecord[]> {
  const rows = await db.query<{ collection: string; id: string; seq: number; deleted: boolean; data: Record<string, unknown> | null }>(
    `SELECT collection, id::text, seq, deleted, data FROM records
     WHERE seq > $1 AND seq <= $2 AND scope = ANY($3::text[]) AND NOT deleted
     ORDER BY seq LIMIT $4`,
    [query.after, query.until, query.scopes, query.limit + 1],
  );
  return rows.map(toWire);
}

/** How many records of the scopes a fresh device will receive (for its progress bar). */
export async function countRecordsInScopes(db: Queryable, scopes: string[]): Promise<number> {
  const rows = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM records WHERE scope = ANY($1::text[]) AND NOT deleted', [scopes]);
  return rows[0]?.count ?? 0;
}

export async function countRecords(db: Queryable, collection?: string): Promise<number> {
  const rows = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM records WHERE $1::text IS NULL OR collection = $1',
    [collection ?? null],
  );
  return rows[0]?.count ?? 0;
}
