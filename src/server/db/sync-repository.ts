/**
 * SQL of the sync protocol's writes: synced records and their history, their numbering, per-device
 * bookkeeping, and the rejections a replayed batch reports again (what devices pull is read in
 * pull-repository.ts). The rules (what is allowed) live in src/server/sync; this file only reads
 * and writes rows, always through the caller's transaction where the protocol needs one.
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

const CLAIM_SYNC_CLIENT = `
WITH before AS (SELECT user_id, last_applied_seq FROM sync_clients WHERE client_id = $1 FOR UPDATE),
moved AS (
  UPDATE sync_clients s SET last_applied_seq = GREATEST(s.last_applied_seq, $3), updated_at = $4
  FROM before WHERE s.client_id = $1 AND before.user_id = $2 AND $3 > before.last_applied_seq
)
SELECT user_id::text AS "userId", last_applied_seq AS "lastAppliedSeq" FROM before`;

/**
 * Locks the device's row for the rest of the transaction (inserting it, bound to `userId`, on
 * first use), returns its account and its last applied sequence as they were, and, when the row
 * is `userId`'s, moves that sequence up to `batchMax` in the same statement: the batch's
 * mutations are all settled (applied or refused) by this transaction, or none are. Two pushes of
 * one device therefore run one after the other, and the second sees what the first committed.
 */
export async function claimSyncClient(
  tx: Queryable,
  clientId: string,
  userId: string,
  batchMax: number,
  now: Date,
): Promise<{ userId: string; lastAppliedSeq: number }> {
  const claim = () => tx.query<{ userId: string; lastAppliedSeq: number }>(CLAIM_SYNC_CLIENT, [clientId, userId, batchMax, now.toISOString()]);
  const [known] = await claim();
  if (known) return known;
  await tx.query(
    `INSERT INTO sync_clients (client_id, user_id, last_applied_seq, updated_at) VALUES ($1, $2, 0, $3)
     ON CONFLICT (client_id) DO NOTHING`,
    [clientId, userId, now.toISOString()],
  );
  const [row] = await claim();
  if (!row) throw new Error(`sync client ${clientId} vanished inside its own transaction`);
  return row;
}

/** The account a device is bound to, or undefined for a device that never pushed. */
export async function findSyncClientOwner(db: Queryable, clientId: string): Promise<string | undefined> {
  const rows = await db.query<{ userId: string }>('SELECT user_id::text AS "userId" FROM sync_clients WHERE client_id = $1', [clientId]);
  return rows[0]?.userId;
}

/**
 * A record created by another transaction between this one's lockRecords and its write (two
 * writers creating one new id at once). The transaction must be rolled back and run again: it
 * then finds, locks and merges with the other's copy. See isRetryableWrite.
 */
export class ConcurrentCreateError extends Error {
  override name = 'ConcurrentCreateError';
}

/**
 * True for failures that a fresh run of the same transaction resolves: a record created
 * concurrently, a deadlock between two writers (PostgreSQL 40P01) or a serialisation failure (40001).
 */
export function isRetryableWrite(error: unknown): boolean {
  if (error instanceof ConcurrentCreateError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/**
 * The existing rows of `keys`, locked FOR UPDATE until the transaction ends, keyed
 * `collection/id`. Rows are locked in key order, so two writers of overlapping records wait for
 * each other instead of deadlocking. Every write goes through here first (writeNumbered's
 * `locked`): a record's next version is numbered only once its row is locked, so versions of one
 * record only grow.
 */
export async function lockRecords(tx: Queryable, keys: { collection: string; id: string }[]): Promise<Map<string, StoredRecord>> {
  const found = new Map<string, StoredRecord>();
  if (keys.length === 0) return found;
  const rows = await tx.query<StoredRecord>(
    `SELECT ${RECORD_COLUMNS} FROM records
     WHERE (collection, id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))
     ORDER BY collection, id FOR UPDATE`,
    [keys.map((key) => key.collection), keys.map((key) => key.id)],
  );
  for (const row of rows) found.set(recordKey(row), row);
  return found;
}

/**
 * Why numbers no longer follow commit order, and why pulls still never skip. A change's number
 * (`seq`, the record's version) comes from a plain sequence, which is not transactional: push A
 * may draw 7, push B draw 8 and commit first. A pull ordered by number alone would hand out 8,
 * move its cursor past 7, and never see 7 when A commits. So every row also keeps its writer's
 * transaction id (`xid`, xid8), and a pull reads only rows whose writer is older than the
 * oldest transaction still running in its snapshot (`pg_snapshot_xmin`), in (xid, seq) order:
 * such writers have all committed (their rows are visible) or rolled back (no rows). A device's
 * cursor is such a position, and every transaction that can still write has an xid at or above
 * the horizon its last pull saw, so nothing can appear behind the cursor (pull-repository.ts).
 * The cost: while a transaction runs, pulls stop at its xid; push transactions are short.
 *
 * The statement writes the records (new ones inserted, locked ones updated), their history,
 * scope exits and restricted-scope registrations at once, with numbers drawn in it, after the
 * rows were locked. Throws ConcurrentCreateError when a record missing from `locked` exists by
 * now (created by a concurrent transaction): roll back and retry.
 */
const WRITE_VERSIONS = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::boolean[], $5::text[], $6::uuid[], $7::boolean[],
                       $8::uuid[], $9::bigint[], $10::text[], $11::text[], $12::text[])
    WITH ORDINALITY AS v (collection, id, scope, deleted, data, origin, is_new, client_id, client_seq, changed, previous, previous_scope, ord)
),
numbered AS MATERIALIZED (SELECT input.*, nextval('change_seq') AS seq FROM input),
inserted AS (
  INSERT INTO records (collection, id, scope, seq, deleted, data, updated_by, updated_at, origin_client, xid)
  SELECT collection, id, scope, seq, deleted, data::jsonb, $13, $14, origin, pg_current_xact_id() FROM numbered WHERE is_new
  ON CONFLICT (collection, id) DO NOTHING
  RETURNING collection, id
),
updated AS (
  UPDATE records r SET scope = n.scope, seq = n.seq, deleted = n.deleted, data = n.data::jsonb, updated_by = $13,
    updated_at = $14, origin_client = n.origin, xid = pg_current_xact_id()
  FROM numbered n WHERE NOT n.is_new AND r.collection = n.collection AND r.id = n.id
  RETURNING r.collection, r.id
),
history AS (
  INSERT INTO record_changes (seq, collection, id, user_id, client_id, client_seq, changed, deleted, previous, at)
  SELECT seq, collection, id, $13, client_id, client_seq,
    CASE WHEN changed IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(changed::jsonb)) END, deleted, previous::jsonb, $14
  FROM numbered
),
exits AS (
  INSERT INTO scope_exits (seq, collection, id, scope, xid)
  SELECT seq, collection, id, previous_scope, pg_current_xact_id() FROM numbered WHERE previous_scope IS NOT NULL AND previous_scope <> scope
),
restricted AS (
  INSERT INTO restricted_scopes (scope, team_id)
  SELECT scope, split_part(scope, ':', 2)::uuid FROM (SELECT DISTINCT scope FROM numbered WHERE scope LIKE 'restricted:%' ORDER BY scope) s
  ON CONFLICT (scope) DO NOTHING
)
SELECT n.ord::int AS ord, n.seq, (i.id IS NOT NULL OR u.id IS NOT NULL) AS "isWritten" FROM numbered n
  LEFT JOIN inserted i ON i.collection = n.collection AND i.id = n.id
  LEFT JOIN updated u ON u.collection = n.collection AND u.id = n.id
ORDER BY n.ord`;

/**
 * Writes `versions` under new change numbers with their history, scope exits and restricted-scope
 * registrations, in ONE statement of the caller's transaction. `locked` is what lockRecords
 * returned in this same transaction for (at least) these records: a record in it is updated, any
 * other is created. Push writes through here; server-authored records through writeServerRecords.
 */
export async function writeNumbered(
  tx: Queryable,
  locked: ReadonlyMap<string, StoredRecord>,
  versions: NewVersion[],
  author: { userId: string | null; now: Date },
): Promise<StoredRecord[]> {
  if (versions.length === 0) return [];
  const rows = await tx.query<{ ord: number; seq: number; isWritten: boolean }>(WRITE_VERSIONS, [
    versions.map((v) => v.collection),
    versions.map((v) => v.id),
    versions.map((v) => v.scope),
    versions.map((v) => v.deleted),
    versions.map((v) => (v.data === null ? null : JSON.stringify(v.data))),
    versions.map((v) => v.originClient),
    versions.map((v) => !locked.has(recordKey(v))),
    versions.map((v) => v.clientId ?? null),
    versions.map((v) => v.clientSeq ?? null),
    versions.map((v) => (v.changed ? JSON.stringify(v.changed) : null)),
    versions.map((v) => (v.previous?.data ? JSON.stringify(v.previous.data) : null)),
    versions.map((v) => v.previous?.scope ?? null),
    author.userId,
    author.now.toISOString(),
  ]);
  if (rows.some((row) => !row.isWritten)) throw new ConcurrentCreateError('a record was created by a concurrent transaction');
  return rows.map((row) => {
    const { collection, id, scope, deleted, data } = versions[row.ord - 1]!;
    return { collection, id, scope, seq: row.seq, deleted, data };
  });
}

/**
 * Writes server-authored records (demo data, the organisation, bench seeds): locks them, then
 * numbers them like pushes, each replacing (and keeping in the history) the copy it finds.
 */
export async function writeServerRecords(tx: Queryable, versions: NewVersion[], author: { userId: string | null; now: Date }): Promise<StoredRecord[]> {
  const locked = await lockRecords(tx, versions);
  const withPrevious = versions.map((version) => ({ ...version, previous: version.previous ?? locked.get(recordKey(version)) ?? null }));
  return writeNumbered(tx, locked, withPrevious, author);
}

export function recordKey(record: { collection: string; id: string }): string {
  return `${record.collection}/${record.id}`;
}

/** Current copies of the given records (tombstones included), keyed `collection/id`, without locking them. */
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
export function toWire(row: { collection: string; id: string; seq: number; deleted: boolean; data: Record<string, unknown> | null }): ServerRecord {
  if (row.data === null) return { collection: row.collection, id: row.id, seq: row.seq, deleted: true, data: null };
  const { id: _id, ...data } = row.data;
  return { collection: row.collection, id: row.id, seq: row.seq, deleted: row.deleted, data };
}

export function toServerRecord(record: StoredRecord): ServerRecord {
  return toWire(record);
}

export async function countRecords(db: Queryable, collection?: string): Promise<number> {
  const rows = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM records WHERE $1::text IS NULL OR collection = $1',
    [collection ?? null],
  );
  return rows[0]?.count ?? 0;
}
