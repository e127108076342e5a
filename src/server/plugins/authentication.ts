/**
 * Session authentication: `Authorization: Bearer <token>` (CLI, tests, devices signed in before
 * the cookie), else the HttpOnly session cookie (auth/session-cookie.ts), which on a
 * state-changing request counts only with the app's `X-So-Tay: 1` header. The token is hashed and looked
 * up (db/sessions-repository.ts); a missing, unknown, ended or expired token, or one of a
 * disabled account, is a 401 `unauthorized`, which tells the device to ask its user to log in
 * again. A live session's last-seen time is refreshed at most once a minute. The one lookup also
 * reads what sync needs on every request: the organisation's epoch and the owner of the
 * session's sync client. A revoked session (lost phone) gets 401 `device-revoked` everywhere but
 * on a push within the grace period, which the push route answers with `eraseAfter`.
 */
import type { FastifyRequest } from 'fastify';
import { isAppRequest, isStateChanging, requestedAccount, sessionCookieName } from '#src/server/auth/session-cookie.ts';
import { hashSessionToken } from '#src/server/auth/session-tokens.ts';
import type { Account } from '#src/server/db/accounts-repository.ts';
import type { Database } from '#src/server/db/database.ts';
import { findLiveSession, LAST_SEEN_RESOLUTION_MS, touchSession } from '#src/server/db/sessions-repository.ts';
import { ApiError, errorMessages } from './api-errors.ts';

export interface Authenticated {
  account: Account;
  tokenHash: string;
  /** The public id of this session (what "my devices" lists). */
  sessionId: string;
  /** The device's sync client id as the session knows it (null until it first syncs). */
  clientId: string | null;
  /** The account that client id is bound to, or null while no push came from it. */
  clientOwnerId: string | null;
  /** The organisation's change epoch, read with the session (sync/access-cache.ts). */
  orgEpoch: number;
  /** Set only on a push within the grace after revocation: the device must erase itself after it. */
  isRevoked: boolean;
}

export interface AuthenticateOptions {
  /** Push: a revoked device may still send its own outbox for REVOKED_PUSH_GRACE_MS. */
  allowRevokedPush?: boolean;
}

export type Authenticate = (request: FastifyRequest, options?: AuthenticateOptions) => Promise<Authenticated>;

/** How long after revocation a device may still push what it holds (it may be offline for days). */
export const REVOKED_PUSH_GRACE_MS = 7 * 24 * 3600_000;
export const DEVICE_REVOKED_MESSAGE = 'Thiết bị này đã bị thu hồi quyền truy cập. Dữ liệu trên máy sẽ được xóa.';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;
const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;
const CSRF_MESSAGE = 'Yêu cầu không đến từ ứng dụng Sổ tay ANTT nên bị từ chối.';

/**
 * The session token of a request: the Bearer header first, else the cookie of the account the
 * request names (with the app header when it changes state).
 */
function tokenOf(request: FastifyRequest): string {
  const bearer = BEARER.exec(request.headers.authorization ?? '');
  if (bearer) return bearer[1]!;
  const accountId = requestedAccount(request);
  const cookie = accountId ? request.cookies[sessionCookieName(accountId)] : undefined;
  if (!cookie || !TOKEN.test(cookie)) throw new ApiError(401, 'unauthorized', errorMessages.unauthorized);
  if (isStateChanging(request.method) && !isAppRequest(request)) throw new ApiError(403, 'forbidden', CSRF_MESSAGE);
  return cookie;
}

export function createAuthenticate(database: Database, now: () => Date): Authenticate {
  return async (request, options = {}) => {
    const tokenHash = hashSessionToken(tokenOf(request));
    const at = now();
    const session = await findLiveSession(database, tokenHash, at);
    if (!session) throw new ApiError(401, 'unauthorized', errorMessages.unauthorized);
    // A cookie answers only for the account whose name it bears.
    const named = requestedAccount(request);
    if (named !== null && !BEARER.test(request.headers.authorization ?? '') && named !== session.account.id) {
      throw new ApiError(401, 'unauthorized', errorMessages.unauthorized);
    }
    if (at.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) await touchSession(database, session.sessionId, at);
    const { account, sessionId, clientId, clientOwnerId, orgEpoch, revokedAt } = session;
    if (revokedAt) {
      const inGrace = options.allowRevokedPush === true && at.getTime() - revokedAt.getTime() < REVOKED_PUSH_GRACE_MS;
      if (!inGrace) throw new ApiError(401, 'device-revoked', DEVICE_REVOKED_MESSAGE);
    }
    return { account, tokenHash, sessionId, clientId, clientOwnerId, orgEpoch, isRevoked: revokedAt !== null };
  };
}
