/**
 * The browser's session lives in an HttpOnly cookie that page script cannot read: SameSite=Strict
 * (never sent on a request another site starts), Secure when the request came over HTTPS, scoped
 * to /api. The app marks every request with `X-So-Tay: 1`; a state-changing request that
 * authenticates by cookie must carry it (a cross-site form cannot set a header, and a cross-site
 * fetch that sets one needs a CORS preflight this server never grants). A login that carries the
 * header gets the cookie and no token in its answer; one without it (CLI, tests) gets a Bearer token.
 * A shared phone holds several accounts, so each account has its own cookie
 * (`sotay_session_<userId>`) and the app names the account it acts for in `X-So-Tay-Account`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACCOUNT_HEADER, APP_HEADER } from '#src/shared/domain/app-header.ts';
import { UUID_PATTERN } from '#src/shared/domain/ids.ts';

/** The cookie of one account (the name holds the user id: a shared phone keeps one per account). */
export const sessionCookieName = (userId: string): string => `sotay_session_${userId}`;

/**
 * The account a request names in `X-So-Tay-Account`, when it is a well-formed id; a download the
 * browser makes itself (a GET link, which cannot set headers) names it in the `account` query.
 */
export function requestedAccount(request: FastifyRequest): string | null {
  const header = request.headers[ACCOUNT_HEADER];
  const query = request.method === 'GET' ? (request.query as Record<string, unknown> | undefined)?.account : undefined;
  const value = typeof header === 'string' ? header : query;
  return typeof value === 'string' && UUID_PATTERN.test(value) ? value : null;
}
const COOKIE_PATH = '/api';

/** Whether the request comes from the app (it sets `X-So-Tay: 1`). */
export function isAppRequest(request: FastifyRequest): boolean {
  return request.headers[APP_HEADER] === '1';
}

export function isStateChanging(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method);
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, userId: string, token: string, expiresAt: Date): void {
  reply.setCookie(sessionCookieName(userId), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: COOKIE_PATH,
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, userId: string): void {
  reply.clearCookie(sessionCookieName(userId), { httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', path: COOKIE_PATH });
}
