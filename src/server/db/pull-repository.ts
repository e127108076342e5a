/**
 * SQL of what devices pull: pages of the change feed after a position, backfills of gained
 * scopes, and counts for a fresh device's progress bar.
 *
 * A position is (writer transaction id, change number), see sync-repository.ts. A page reads, in
 * ONE statement and so from one snapshot, the horizon (the oldest transaction still running,
 * pg_snapshot_xmin) and only rows written by transactions below it: every such writer has ended,
 * so its rows are all visible now and no row can later appear at a position below the horizon.
 */
import type { ServerRecord } from '#src/shared/sync/protocol.ts';
import type { Queryable } from './database.ts';
import { toWire } from './sync-repository.ts';

/** Where a change sits in the feed: its writer's transaction id (xid8 as decimal text) and its number. */
export interface Position {
  xid: string;
  seq: number;
}

/** Before every change. */
export const START: Position = { xid: '0', seq: 0 };

export interface FeedChange {
  position: Position;
  record: ServerRecord;
}

interface FeedRow {
  horizon?: string;
  collection: string | null;
  id: string;
  xid: string;
  seq: number | null;
  deleted: boolean;
  data: Record<string, unknown> | null;
}

const toChange = (row: FeedRow): FeedChange => ({
  position: { xid: row.xid, seq: row.seq! },
  record: toWire(row as Parameters<typeof toWire>[0]),
});

/**
 * One page for a puller: rows after `after` in the given scopes, not written by the puller
 * itself exactly as it sent them, plus tombstones of records that left one of the scopes for a
 * scope the puller cannot read; at most `limit + 1` rows (the extra one says "more"). `horizon`:
 * every position before (horizon, 0) that will ever exist is in this snapshot.
 */
export async function readChangesAfter(
  db: Queryable,
  query: { after: Position; limit: number; scopes: string[]; clientId: string },
): Promise<{ horizon: string; changes: FeedChange[] }> {
  // Migration 0012_pull-pages: one ordered index scan per scope, never every row after the cursor.
  const rows = await db.query<FeedRow>(
    'SELECT * FROM pull_page($1::xid8, $2::bigint, $3::text[], $4::integer, $5::uuid)',
    [query.after.xid, query.after.seq, query.scopes, query.limit + 1, query.clientId],
  );
  const horizon = rows[0]?.horizon ?? START.xid;
  return { horizon, changes: rows.filter((row) => row.seq !== null && row.collection !== null).map(toChange) };
}

/** Live records of `scopes` at positions in (after, until], for a device that gained those scopes. */
export async function readBackfill(
  db: Queryable,
  query: { after: Position; until: Position; limit: number; scopes: string[] },
): Promise<FeedChange[]> {
  const rows = await db.query<FeedRow>(
    'SELECT * FROM backfill_page($1::xid8, $2::bigint, $3::xid8, $4::bigint, $5::text[], $6::integer)',
    [query.after.xid, query.after.seq, query.until.xid, query.until.seq, query.scopes, query.limit + 1],
  );
  return rows.map(toChange);
}

/** The horizon now: a device at (horizon, 0) has every change committed so far (tests start devices there). */
export async function readHorizon(db: Queryable): Promise<Position> {
  const rows = await db.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin');
  return { xid: rows[0]?.xmin ?? START.xid, seq: 0 };
}

/**
 * Which change feed positions belong to: the PostgreSQL cluster's system identifier. Transaction
 * ids count within one cluster; a physical replica or backup keeps both, while a logical
 * restore (pg_dump into another cluster) or a move to another node starts a new count, and
 * positions of the old feed would then point into the future of the new one.
 */
export async function readFeedId(db: Queryable): Promise<string> {
  const rows = await db.query<{ id: string }>('SELECT system_identifier::text AS id FROM pg_control_system()');
  return rows[0]?.id ?? '0';
}

/**
 * After a logical restore, rows carry transaction ids of the old cluster, possibly above every id
 * this one has handed out, where pulls would not read them until its count caught up. Such rows
 * (at or above the horizon's upper bound, which no committed transaction of this cluster reaches)
 * go to the front of the feed. Devices' cursors are of the old feed (readFeedId) and start over.
 * Returns how many rows moved; run at server start.
 */
export async function alignFeedAfterRestore(db: Queryable): Promise<number> {
  const rows = await db.query<{ moved: number }>(
    `WITH r AS (UPDATE records SET xid = '0' WHERE xid >= pg_snapshot_xmax(pg_current_snapshot()) RETURNING 1),
          e AS (UPDATE scope_exits SET xid = '0' WHERE xid >= pg_snapshot_xmax(pg_current_snapshot()) RETURNING 1)
     SELECT ((SELECT count(*) FROM r) + (SELECT count(*) FROM e))::int AS moved`,
  );
  return rows[0]?.moved ?? 0;
}

/** How many records of the scopes a fresh device will receive (for its progress bar). */
export async function countRecordsInScopes(db: Queryable, scopes: string[]): Promise<number> {
  const rows = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM records WHERE scope = ANY($1::text[]) AND NOT deleted', [scopes]);
  return rows[0]?.count ?? 0;
}
