/**
 * POST /api/sync/push and /api/sync/pull: check the session, the protocol version and the
 * envelope (shared schemas), then hand over to src/server/sync. A device id belongs to the first
 * account that pushed from it: another account using it is a 409, so that one phone's outbox
 * can never be applied with someone else's rights. What an account may read and write comes
 * from the access cache (sync/access-cache.ts): one query per request authenticates, reads the
 * organisation's epoch and the owner of the session's device. A pull that delivers restricted
 * entries (tips, reintegration visits) is logged in the audit trail.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { appendAudit } from '#src/server/db/audit-repository.ts';
import type { Database } from '#src/server/db/database.ts';
import { readReach } from '#src/server/db/org-repository.ts';
import { isRestrictedKind } from '#src/shared/domain/field-log.ts';
import { findSyncClientOwner, readRestrictedScopes } from '#src/server/db/sync-repository.ts';
import { setSessionClient } from '#src/server/db/sessions-repository.ts';
import { markSynced } from '#src/server/db/member-sync-repository.ts';
import type { Authenticated } from '#src/server/plugins/authentication.ts';
import { ApiError, invalidRequest } from '#src/server/plugins/api-errors.ts';
import { AccessCache } from '#src/server/sync/access-cache.ts';
import { accessOf, type Access } from '#src/server/sync/access.ts';
import { readPull } from '#src/server/sync/pull.ts';
import { applyPush, ClientMismatchError } from '#src/server/sync/push.ts';
import {
  apiPaths,
  MIN_SUPPORTED_PROTOCOL_VERSION,
  pullRequestSchema,
  pushRequestSchema,
  type PullResponse,
  type PushResponse,
} from '#src/shared/sync/protocol.ts';
import type { RouteContext } from './route-context.ts';

const clientMismatch = () =>
  new ApiError(409, 'client-mismatch', 'Thiết bị này đang gắn với một tài khoản khác. Hãy đăng xuất rồi đăng nhập lại.');

/** The version check comes first: an old client may send an envelope this schema no longer knows. */
function parseEnvelope<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const version = (body as { protocolVersion?: unknown } | null)?.protocolVersion;
  if (typeof version === 'number' && version < MIN_SUPPORTED_PROTOCOL_VERSION) {
    throw new ApiError(426, 'client-too-old', 'Ứng dụng đã cũ, hãy cập nhật để tiếp tục đồng bộ.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidRequest(parsed.error);
  return parsed.data;
}

/** A pull that delivers tips or reintegration visits is written to the audit trail: who, which device, which records. */
async function auditRestrictedReads(database: Database, session: Authenticated, answer: PullResponse, at: Date): Promise<void> {
  const ids = answer.changes.filter((change) => change.collection === 'fieldLog' && isRestrictedKind(String(change.data?.kind ?? ''))).map((change) => change.id);
  if (ids.length === 0) return;
  await appendAudit(database, { at, actorId: session.account.id, sessionId: session.sessionId, action: 'restricted.read', targetId: null, detail: { collection: 'fieldLog', ids } });
}

/** What a session's account may read and write, cached per organisation epoch (also used by photo routes). */
export function createAccessLookup(database: Database): (session: Authenticated) => Promise<Access> {
  const accesses = new AccessCache(async (account) => {
    const reach = await readReach(database, account);
    const restricted = account.role === 'leader' || account.role === 'commune-police' ? await readRestrictedScopes(database, reach.teamIds) : [];
    return accessOf(account, reach, restricted);
  });
  return (session) => accesses.get(session.account, session.orgEpoch);
}

export function registerSyncRoutes(app: FastifyInstance, context: RouteContext): void {
  const { database, now, authenticate, testHooks } = context;
  const accessFor = createAccessLookup(database);
  /** The account a device id is bound to: known from the session when it is the session's own device. */
  const ownerOf = async (session: Authenticated, clientId: string) =>
    session.clientId === clientId ? (session.clientOwnerId ?? undefined) : findSyncClientOwner(database, clientId);

  app.post(apiPaths.push, async (request): Promise<PushResponse> => {
    const session = await authenticate(request, { allowRevokedPush: true });
    const push = parseEnvelope(pushRequestSchema, request.body);
    const access = await accessFor(session);
    let answer: PushResponse;
    try {
      answer = await applyPush(database, access, push, { now: now(), beforeCommit: testHooks.beforePushCommit });
    } catch (error) {
      if (error instanceof ClientMismatchError) throw clientMismatch();
      throw error;
    }
    // "Thiết bị đã đăng nhập" names the device's sync client once it has synced.
    if (session.clientId !== push.clientId) await setSessionClient(database, session.sessionId, push.clientId);
    return session.isRevoked ? { ...answer, eraseAfter: true } : answer;
  });

  app.post(apiPaths.pull, async (request): Promise<PullResponse> => {
    const session = await authenticate(request);
    const pull = parseEnvelope(pullRequestSchema, request.body);
    const access = await accessFor(session);
    const owner = await ownerOf(session, pull.clientId);
    if (owner !== undefined && owner !== access.account.id) throw clientMismatch();
    if (session.clientId !== pull.clientId) await setSessionClient(database, session.sessionId, pull.clientId);
    const answer = await readPull(database, access, pull);
    // A pull that leaves nothing more to fetch ends a sync: leaders see when each phone last did.
    if (!answer.hasMore) await markSynced(database, access.account.id, now());
    await auditRestrictedReads(database, session, answer, now());
    return answer;
  });
}
