/**
 * Serving a pull (protocol.ts, "Pull"). The page and the counter value V come from one statement,
 * hence one snapshot. Every change numbered <= V is visible in that snapshot (the counter is
 * locked by writers until commit: sync-repository.ts), so when no more rows wait the device may
 * jump its cursor to V: nothing numbered at or below V can appear later. When more wait, the
 * cursor is the last row returned and the device asks again at once.
 */
import type { Database } from '#src/server/db/database.ts';
import { readChangesAfter } from '#src/server/db/sync-repository.ts';
import { PROTOCOL_VERSION, type PullRequest, type PullResponse } from '#src/shared/sync/protocol.ts';
import type { Access } from './access.ts';

export async function readPull(database: Database, access: Access, request: PullRequest): Promise<PullResponse> {
  const { high, changes } = await readChangesAfter(database, {
    cursor: request.cursor,
    limit: request.limit,
    scopes: access.readScopes,
  });
  const hasMore = changes.length > request.limit;
  const page = hasMore ? changes.slice(0, request.limit) : changes;
  const cursor = hasMore ? page[page.length - 1]!.seq : high;
  return { protocolVersion: PROTOCOL_VERSION, changes: page, cursor, hasMore };
}
