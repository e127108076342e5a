/**
 * Login, logout, "who am I", password change and "my devices". Login answers the same 401 for
 * an unknown username and a wrong password, after the same scrypt work, so that neither words
 * nor timing reveal which accounts exist; only after the right password does it say that the
 * account is disabled (403) or must set a new password (403 with action `change-password`).
 * Failures count towards the lockout kept in the database (plugins/login-lockout.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deviceLabelFrom } from '#src/server/auth/device-label.ts';
import { DECOY_PASSWORD_HASH, hashPassword, verifyPassword } from '#src/server/auth/password-hashing.ts';
import { passwordProblem } from '#src/server/auth/password-policy.ts';
import { profileOf } from '#src/server/auth/profile.ts';
import { clearSessionCookie, isAppRequest, setSessionCookie } from '#src/server/auth/session-cookie.ts';
import { hashSessionToken, newSessionToken, SESSION_DAYS } from '#src/server/auth/session-tokens.ts';
import { findAccountForLogin, setPasswordHash, type LoginAccount } from '#src/server/db/accounts-repository.ts';
import { readReach } from '#src/server/db/org-repository.ts';
import { deleteExpiredSessions, deleteSession, deleteUserSession, deleteUserSessions, insertSession, listUserSessions } from '#src/server/db/sessions-repository.ts';
import { ApiError } from '#src/server/plugins/api-errors.ts';
import { lockoutMessage } from '#src/server/plugins/login-lockout.ts';
import { loginRequestSchema, sessionCookiePath, type LoginResponse, type Profile } from '#src/shared/domain/account.ts';
import { adminPaths, changePasswordRequestSchema, PASSWORD_CHANGE_ACTION, type SessionsResponse } from '#src/shared/domain/admin.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { apiPaths } from '#src/shared/sync/protocol.ts';
import { idParam, parseBody } from './parse-body.ts';
import type { RouteContext } from './route-context.ts';

/** The body limit of login, password change and the cookie trade. */
export const SMALL_BODY_LIMIT = 16 * 1024;

export const WRONG_CREDENTIALS_MESSAGE = 'Tên đăng nhập hoặc mật khẩu không đúng';
export const DISABLED_MESSAGE = 'Tài khoản này đã bị khóa. Hãy liên hệ Công an xã.';
export const MUST_CHANGE_MESSAGE = 'Mật khẩu của bạn vừa được cấp hoặc đặt lại. Hãy đặt mật khẩu mới để tiếp tục.';

interface Credentials {
  username: string;
  password: string;
  deviceLabel?: string | undefined;
  clientId?: string | undefined;
}

export function registerAuthRoutes(app: FastifyInstance, context: RouteContext): void {
  const { database, now, authenticate, loginLockout, limits } = context;
  const config = { rateLimit: limits.login };
  /** Credentials are a few hundred bytes: a larger body is refused (413) before any work. */
  const bodyLimit = SMALL_BODY_LIMIT;

  /** The account when the password is right and no lockout holds; throws 429 or 401 otherwise. */
  async function checkCredentials(request: FastifyRequest, reply: FastifyReply, credentials: Credentials, at: Date): Promise<LoginAccount> {
    const wait = await loginLockout.retryAfter(request.ip, credentials.username, at);
    if (wait !== null) {
      reply.header('Retry-After', String(wait));
      throw new ApiError(429, 'too-many-requests', lockoutMessage(wait));
    }
    const account = await findAccountForLogin(database, credentials.username);
    const isMatch = await verifyPassword(credentials.password, account?.passwordHash ?? DECOY_PASSWORD_HASH);
    if (!account || !isMatch) {
      await loginLockout.recordFailure(request.ip, credentials.username, at);
      throw new ApiError(401, 'unauthorized', WRONG_CREDENTIALS_MESSAGE);
    }
    await loginLockout.recordSuccess(credentials.username);
    if (account.isDisabled) throw new ApiError(403, 'forbidden', DISABLED_MESSAGE);
    return account;
  }

  /** The app gets its session as an HttpOnly cookie and no token; other clients get a Bearer token. */
  async function openSession(request: FastifyRequest, reply: FastifyReply, account: LoginAccount, credentials: Credentials, at: Date): Promise<LoginResponse> {
    const token = newSessionToken();
    const expiresAt = new Date(at.getTime() + SESSION_DAYS * 24 * 3600_000);
    await deleteExpiredSessions(database, account.id, at);
    await insertSession(database, {
      id: uuidv7(at.getTime()), tokenHash: hashSessionToken(token), userId: account.id, expiresAt, createdAt: at,
      deviceLabel: credentials.deviceLabel || deviceLabelFrom(request.headers['user-agent']), clientId: credentials.clientId ?? null,
    });
    const { passwordHash: _hash, isDisabled: _disabled, mustChangePassword: _must, ...publicAccount } = account;
    const profile = profileOf(publicAccount, await readReach(database, publicAccount));
    if (!isAppRequest(request)) return { token, expiresAt: expiresAt.toISOString(), profile };
    setSessionCookie(request, reply, account.id, token, expiresAt);
    return { expiresAt: expiresAt.toISOString(), profile };
  }

  app.post(apiPaths.login, { config, bodyLimit }, async (request, reply): Promise<LoginResponse> => {
    const credentials = parseBody(loginRequestSchema, request.body);
    const at = now();
    const account = await checkCredentials(request, reply, credentials, at);
    if (account.mustChangePassword) {
      const error = new ApiError(403, 'forbidden', MUST_CHANGE_MESSAGE);
      return reply.status(403).send({ error: { ...error.toBody().error, action: PASSWORD_CHANGE_ACTION } });
    }
    return openSession(request, reply, account, credentials, at);
  });

  /** Sets a new password with the current one (also the temporary one after a reset), then logs in. */
  app.post(adminPaths.changePassword, { config, bodyLimit }, async (request, reply): Promise<LoginResponse> => {
    const body = parseBody(changePasswordRequestSchema, request.body);
    const at = now();
    const credentials = { username: body.username, password: body.currentPassword, deviceLabel: body.deviceLabel, clientId: body.clientId };
    const account = await checkCredentials(request, reply, credentials, at);
    const problem = passwordProblem(body.newPassword, account.username);
    if (problem) throw new ApiError(400, 'invalid-request', problem, [{ path: 'newPassword', message: problem }]);
    if (body.newPassword === body.currentPassword) {
      const message = 'Mật khẩu mới phải khác mật khẩu hiện tại';
      throw new ApiError(400, 'invalid-request', message, [{ path: 'newPassword', message }]);
    }
    const hash = await hashPassword(body.newPassword);
    await database.transaction(async (tx) => {
      await setPasswordHash(tx, account.id, hash, false, at);
      // Whoever knew the old password is signed out everywhere.
      await deleteUserSessions(tx, account.id);
    });
    return openSession(request, reply, account, credentials, at);
  });

  app.post(apiPaths.logout, async (request, reply) => {
    const { tokenHash, account } = await authenticate(request);
    await deleteSession(database, tokenHash);
    clearSessionCookie(request, reply, account.id);
    return reply.status(204).send();
  });

  /** A device signed in before the cookie trades its Bearer token for the same session as a cookie. */
  app.post(sessionCookiePath, { config: { rateLimit: limits.admin }, bodyLimit }, async (request, reply) => {
    const { account } = await authenticate(request);
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
    if (!bearer || !isAppRequest(request)) throw new ApiError(400, 'invalid-request', 'Chỉ ứng dụng đang giữ mã đăng nhập cũ mới đổi được sang cookie.');
    setSessionCookie(request, reply, account.id, bearer[1]!, new Date(now().getTime() + SESSION_DAYS * 24 * 3600_000));
    return reply.status(204).send();
  });

  app.get(apiPaths.me, async (request): Promise<Profile> => {
    const { account } = await authenticate(request);
    return profileOf(account, await readReach(database, account));
  });

  app.get(adminPaths.mySessions, async (request): Promise<SessionsResponse> => {
    const { account, sessionId } = await authenticate(request);
    return { sessions: await listUserSessions(database, account.id, now(), sessionId) };
  });

  app.delete(adminPaths.mySession, async (request, reply) => {
    const { account } = await authenticate(request);
    const isEnded = await deleteUserSession(database, account.id, idParam(request.params));
    if (!isEnded) throw new ApiError(404, 'not-found', 'Không tìm thấy phiên đăng nhập này.');
    return reply.status(204).send();
  });
}
