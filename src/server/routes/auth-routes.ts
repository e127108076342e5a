/**
 * Login, logout, and "who am I". Login answers the same 401 for an unknown username and a wrong
 * password, after the same scrypt work, so that neither words nor timing reveal which accounts
 * exist.
 */
import type { FastifyInstance } from 'fastify';
import { DECOY_PASSWORD_HASH, verifyPassword } from '#src/server/auth/password-hashing.ts';
import { profileOf } from '#src/server/auth/profile.ts';
import { hashSessionToken, newSessionToken, SESSION_DAYS } from '#src/server/auth/session-tokens.ts';
import { findAccountForLogin } from '#src/server/db/accounts-repository.ts';
import { readReach } from '#src/server/db/org-repository.ts';
import { deleteExpiredSessions, deleteSession, insertSession } from '#src/server/db/sessions-repository.ts';
import { ApiError, invalidRequest } from '#src/server/plugins/api-errors.ts';
import { loginRequestSchema, type LoginResponse, type Profile } from '#src/shared/domain/account.ts';
import { apiPaths } from '#src/shared/sync/protocol.ts';
import type { RouteContext } from './route-context.ts';

export const WRONG_CREDENTIALS_MESSAGE = 'Tên đăng nhập hoặc mật khẩu không đúng';

export function registerAuthRoutes(app: FastifyInstance, context: RouteContext): void {
  const { database, now, authenticate, loginLimiter } = context;

  app.post(apiPaths.login, async (request, reply): Promise<LoginResponse> => {
    const parsed = loginRequestSchema.safeParse(request.body);
    if (!parsed.success) throw invalidRequest(parsed.error);
    const { username, password } = parsed.data;
    const at = now();
    const wait = loginLimiter.retryAfter(request.ip, username, at.getTime());
    if (wait !== null) {
      reply.header('Retry-After', String(wait));
      const minutes = Math.max(1, Math.ceil(wait / 60));
      throw new ApiError(429, 'too-many-requests', `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${minutes} phút.`);
    }
    const account = await findAccountForLogin(database, username);
    const isMatch = await verifyPassword(password, account?.passwordHash ?? DECOY_PASSWORD_HASH);
    if (!account || !isMatch) {
      loginLimiter.recordFailure(request.ip, username, at.getTime());
      throw new ApiError(401, 'unauthorized', WRONG_CREDENTIALS_MESSAGE);
    }
    loginLimiter.recordSuccess(username);
    const token = newSessionToken();
    const expiresAt = new Date(at.getTime() + SESSION_DAYS * 24 * 3600_000);
    await deleteExpiredSessions(database, account.id, at);
    await insertSession(database, { tokenHash: hashSessionToken(token), userId: account.id, expiresAt, createdAt: at });
    const { passwordHash: _hash, ...publicAccount } = account;
    const profile = profileOf(publicAccount, await readReach(database, publicAccount));
    return { token, expiresAt: expiresAt.toISOString(), profile };
  });

  app.post(apiPaths.logout, async (request, reply) => {
    const { tokenHash } = await authenticate(request);
    await deleteSession(database, tokenHash);
    return reply.status(204).send();
  });

  app.get(apiPaths.me, async (request): Promise<Profile> => {
    const { account } = await authenticate(request);
    return profileOf(account, await readReach(database, account));
  });
}
