/**
 * Serving a pull (protocol.ts, "Pull" and "Reach changes"). The page and the counter value V come
 * from one statement, hence one snapshot. Every change numbered <= V is visible in that snapshot
 * (the counter is locked by writers until commit: sync-repository.ts), so when no more rows wait
 * the device may jump its cursor to V: nothing numbered at or below V can appear later. When more
 * wait, the cursor is the last row returned and the device asks again at once.
 *
 * A backfill reads only scopes the user holds now (a device cannot widen its reach by asking),
 * numbered after `cursor` up to `until`.
 */
import type { Database } from '#src/server/db/database.ts';
import { countRecordsInScopes, readBackfill, readChangesAfter } from '#src/server/db/sync-repository.ts';
import { PROTOCOL_VERSION, type PullResponse } from '#src/shared/sync/protocol.ts';
import { hashScopes } from '#src/shared/sync/scopes.ts';
import type { Access } from './access.ts';

export interface PullQuery {
  clientId: string;
  cursor: number;
  limit: number;
  scopesHash: string;
  backfill?: { scopes: string[]; until: number } | undefined;
}

export async function readPull(database: Database, access: Access, request: PullQuery): Promise<PullResponse> {
  const scopesHash = hashScopes(access.readScopes);
  const scopes = request.scopesHash === scopesHash ? {} : { scopes: access.readScopes };
  if (request.backfill) {
    const held = request.backfill.scopes.filter((scope) => access.readable.has(scope));
    const rows = held.length === 0 ? [] : await readBackfill(database, { after: request.cursor, until: request.backfill.until, limit: request.limit, scopes: held });
    const hasMore = rows.length > request.limit;
    const page = hasMore ? rows.slice(0, request.limit) : rows;
    const cursor = hasMore ? page[page.length - 1]!.seq : request.backfill.until;
    return { protocolVersion: PROTOCOL_VERSION, changes: page, cursor, hasMore, scopesHash, ...scopes };
  }
  const { high, changes } = await readChangesAfter(database, {
    cursor: request.cursor,
    limit: request.limit,
    scopes: access.readScopes,
    clientId: request.clientId,
  });
  const hasMore = changes.length > request.limit;
  const page = hasMore ? changes.slice(0, request.limit) : changes;
  const cursor = hasMore ? page[page.length - 1]!.seq : high;
  // A fresh device shows how much is coming ("đã tải 12.000 / 50.000").
  const total = request.cursor === 0 && hasMore ? { total: await countRecordsInScopes(database, access.readScopes) } : {};
  return { protocolVersion: PROTOCOL_VERSION, changes: page, cursor, hasMore, scopesHash, ...scopes, ...total };
}
