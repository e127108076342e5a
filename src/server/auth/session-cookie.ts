/**
 * The browser's session lives in an HttpOnly cookie that page script cannot read: SameSite=Strict
 * (never sent on a request another site starts), Secure when the request came over HTTPS, scoped
 * to /api. The app marks every request with `X-So-Tay: 1`; a state-changing request that
 * authenticates by cookie must carry it (a cross-site form cannot set a header, and a cross-site
 * fetch that sets one needs a CORS preflight this server never grants). A login that carries the
 * header gets the cookie and no token in its answer; one without it (CLI, tests) gets a Bearer token.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_HEADER } from '#src/shared/domain/account.ts';

export const SESSION_COOKIE = 'sotay_session';
const COOKIE_PATH = '/api';

/** Whether the request comes from the app (it sets `X-So-Tay: 1`). */
export function isAppRequest(request: FastifyRequest): boolean {
  return request.headers[APP_HEADER] === '1';
}

export function isStateChanging(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method);
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: COOKIE_PATH,
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', path: COOKIE_PATH });
}
