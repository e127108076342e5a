/**
 * Serving a pull (protocol.ts, "Pull" and "Reach changes"). A page and the horizon come from one
 * statement, hence one snapshot (db/pull-repository.ts): rows after the device's position whose
 * writers are older than the oldest transaction still running. When no more rows wait, the
 * device may jump to (horizon, 0): every change below it is committed and was in the snapshot.
 * When more wait, the cursor is the last row returned and the device asks again at once. The
 * cursor never moves backwards.
 *
 * A backfill reads only scopes the user holds now (a device cannot widen its reach by asking),
 * after `cursor` up to `until`.
 */
import type { Database } from '#src/server/db/database.ts';
import { countRecordsInScopes, readBackfill, readChangesAfter, readFeedId, type FeedChange, type Position } from '#src/server/db/pull-repository.ts';
import { ApiError } from '#src/server/plugins/api-errors.ts';
import { PROTOCOL_VERSION, type PullResponse } from '#src/shared/sync/protocol.ts';
import { hashScopes } from '#src/shared/sync/scopes.ts';
import type { Access } from './access.ts';
import { formatCursor, isBefore, parseCursor } from './cursor.ts';

export interface PullQuery {
  clientId: string;
  cursor: string;
  limit: number;
  scopesHash: string;
  backfill?: { scopes: string[]; until: string } | undefined;
}

/** The feed of each database, read once (a server does not change clusters while it runs); a failed read is tried again. */
const feeds = new WeakMap<Database, Promise<string>>();

function feedOf(database: Database): Promise<string> {
  let feed = feeds.get(database);
  if (!feed) {
    feed = readFeedId(database);
    feeds.set(database, feed);
    feed.catch(() => feeds.delete(database));
  }
  return feed;
}

/** A text that is no cursor at all is a client bug: a 400, not a guess. */
function positionOf(cursor: string, field: string, feed: string): Position {
  const position = parseCursor(cursor, feed);
  if (!position) throw new ApiError(400, 'invalid-request', 'Vị trí đồng bộ không hợp lệ.', [{ path: field, message: 'Vị trí đồng bộ không hợp lệ.' }]);
  return position;
}

function page(changes: FeedChange[], limit: number) {
  const hasMore = changes.length > limit;
  const kept = hasMore ? changes.slice(0, limit) : changes;
  return { hasMore, kept, last: kept[kept.length - 1]?.position };
}

export async function readPull(database: Database, access: Access, request: PullQuery): Promise<PullResponse> {
  const scopesHash = hashScopes(access.readScopes);
  const scopes = request.scopesHash === scopesHash ? {} : { scopes: access.readScopes };
  const feed = await feedOf(database);
  const after = positionOf(request.cursor, 'cursor', feed);
  if (request.backfill) {
    const until = positionOf(request.backfill.until, 'backfill.until', feed);
    const held = request.backfill.scopes.filter((scope) => access.readable.has(scope));
    const rows = held.length === 0 ? [] : await readBackfill(database, { after, until, limit: request.limit, scopes: held });
    const { hasMore, kept, last } = page(rows, request.limit);
    const cursor = hasMore && last ? formatCursor(last, feed) : formatCursor(until, feed);
    return { protocolVersion: PROTOCOL_VERSION, changes: kept.map((c) => c.record), cursor, hasMore, scopesHash, ...scopes };
  }
  const { horizon, changes } = await readChangesAfter(database, { after, limit: request.limit, scopes: access.readScopes, clientId: request.clientId });
  const { hasMore, kept, last } = page(changes, request.limit);
  const reached: Position = hasMore && last ? last : { xid: horizon, seq: 0 };
  const cursor = formatCursor(isBefore(after, reached) ? reached : after, feed);
  // A fresh device shows how much is coming ("đã tải 12.000 / 50.000").
  const total = request.cursor === '' && hasMore ? { total: await countRecordsInScopes(database, access.readScopes) } : {};
  return { protocolVersion: PROTOCOL_VERSION, changes: kept.map((c) => c.record), cursor, hasMore, scopesHash, ...scopes, ...total };
}
