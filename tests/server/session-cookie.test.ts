/**
 * The app's session is an HttpOnly cookie: login with the app header sets it (SameSite=Strict,
 * Secure over HTTPS) and answers no token; the cookie alone authenticates reads, and state-changing
 * requests only with `X-So-Tay: 1`; logout clears it; an expired session is refused on every
 * route; a device holding a Bearer token from before trades it for the same session as a cookie;
 * a shared phone holds one cookie per account and each request names the account it acts for.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '#src/server/db/demo-data.ts';
import { sessionCookiePath } from '#src/shared/domain/account.ts';
import { adminPaths } from '#src/shared/domain/admin.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { apiPaths, PROTOCOL_VERSION } from '#src/shared/sync/protocol.ts';
import { demoApp, login } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

const APP = { 'x-so-tay': '1' };

function sessionCookie(response: LightMyRequestResponse): { name: string; value: string; [key: string]: unknown } {
  const cookie = response.cookies.find((c) => c.name.startsWith('sotay_session_'));
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return cookie as { name: string; value: string };
}

/** What the browser sends after this login: the account's cookie, and the app naming that account. */
function cookieOf(login: LightMyRequestResponse): Record<string, string> {
  const { name, value } = sessionCookie(login);
  return { cookie: `${name}=${value}`, 'x-so-tay-account': name.slice('sotay_session_'.length) };
}

forEachDatabase('session cookie', (getDb) => {
  let app: FastifyInstance;
  let clock = new Date('2026-04-01T01:00:00Z');
  beforeAll(async () => {
    app = await demoApp(getDb(), { now: () => clock, trustProxy: true });
  });

  const appLogin = (username: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: apiPaths.login, headers: { ...APP, ...headers }, payload: { username, password: DEMO_PASSWORD } });
  const pullWith = (headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: apiPaths.pull, headers, payload: { protocolVersion: PROTOCOL_VERSION, clientId: uuidv7(), cursor: '' } });

  it('set an HttpOnly, SameSite=Strict cookie at login and answer no token to the app', async () => {
    const answer = await appLogin('tovien');
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).not.toHaveProperty('token');
    expect(sessionCookie(answer)).toMatchObject({ name: `sotay_session_${answer.json().profile.user.id}`, httpOnly: true, sameSite: 'Strict', path: '/api' });
    expect(sessionCookie(answer).secure).toBeUndefined();
    const overHttps = await appLogin('tovien', { 'x-forwarded-proto': 'https' });
    expect(sessionCookie(overHttps).secure).toBe(true);
  });

  it('authenticate by cookie, requiring the app header on state-changing requests', async () => {
    const cookie = cookieOf(await appLogin('topho'));
    expect((await app.inject({ method: 'GET', url: apiPaths.me, headers: cookie })).statusCode).toBe(200);
    expect((await pullWith({ ...cookie, ...APP })).statusCode).toBe(200);
    const forged = await pullWith(cookie);
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.reason).toBe('forbidden');
    expect((await pullWith({ ...APP })).statusCode).toBe(401);
  });

  it('clear the cookie at logout, after which it no longer works', async () => {
    const cookie = cookieOf(await appLogin('tovien2'));
    const out = await app.inject({ method: 'POST', url: apiPaths.logout, headers: { ...cookie, ...APP } });
    expect(out.statusCode).toBe(204);
    expect(sessionCookie(out).value).toBe('');
    expect((await app.inject({ method: 'GET', url: apiPaths.me, headers: cookie })).statusCode).toBe(401);
  });

  it('refuse an expired session on every route, by cookie and by Bearer token', async () => {
    const cookie = { ...cookieOf(await appLogin('totruong3')), ...APP };
    const bearer = (await login(app, 'totruong3')).headers;
    const before = clock;
    clock = new Date(clock.getTime() + 31 * 24 * 3600_000);
    try {
      for (const headers of [cookie, bearer]) {
        expect((await app.inject({ method: 'GET', url: apiPaths.me, headers })).statusCode).toBe(401);
        expect((await app.inject({ method: 'GET', url: adminPaths.mySessions, headers })).statusCode).toBe(401);
        expect((await pullWith(headers)).statusCode).toBe(401);
        expect((await app.inject({ method: 'POST', url: apiPaths.push, headers, payload: { protocolVersion: PROTOCOL_VERSION, clientId: uuidv7(), mutations: [] } })).statusCode).toBe(401);
      }
    } finally {
      clock = before;
    }
  });

  it('trade a stored Bearer token for the same session as a cookie', async () => {
    const legacy = await login(app, 'tovien5');
    const traded = await app.inject({ method: 'POST', url: sessionCookiePath, headers: { ...legacy.headers, ...APP } });
    expect(traded.statusCode).toBe(204);
    expect(sessionCookie(traded).value).toBe(legacy.token);
    expect(sessionCookie(traded).name).toBe(`sotay_session_${legacy.profile.user.id}`);
    const sessions = await app.inject({ method: 'GET', url: adminPaths.mySessions, headers: cookieOf(traded) });
    expect(sessions.json().sessions).toHaveLength(1);
    expect((await app.inject({ method: 'POST', url: sessionCookiePath, headers: { ...legacy.headers } })).statusCode).toBe(400);
  });

  it('keep one cookie per account of a shared phone, each request acting for the account it names', async () => {
    const first = await appLogin('topho3');
    const second = await appLogin('totruong');
    const [a, b] = [cookieOf(first), cookieOf(second)];
    const bothCookies = `${a.cookie}; ${b.cookie}`;
    const me = async (headers: Record<string, string>) => app.inject({ method: 'GET', url: apiPaths.me, headers });
    expect((await me({ cookie: bothCookies, 'x-so-tay-account': a['x-so-tay-account']! })).json().user.username).toBe('topho3');
    expect((await me({ cookie: bothCookies, 'x-so-tay-account': b['x-so-tay-account']! })).json().user.username).toBe('totruong');
    // Naming an account whose cookie the phone does not hold, or none at all, is no session.
    expect((await me({ cookie: a.cookie!, 'x-so-tay-account': b['x-so-tay-account']! })).statusCode).toBe(401);
    expect((await me({ cookie: bothCookies })).statusCode).toBe(401);
    // A download link cannot set headers: a GET names the account in its query.
    const download = await app.inject({ method: 'GET', url: `${apiPaths.me}?account=${b['x-so-tay-account']}`, headers: { cookie: bothCookies } });
    expect(download.json().user.username).toBe('totruong');
    // A cookie renamed for another account answers for nobody.
    const renamed = `sotay_session_${b['x-so-tay-account']}=${sessionCookie(first).value}`;
    expect((await me({ cookie: renamed, 'x-so-tay-account': b['x-so-tay-account']! })).statusCode).toBe(401);
  });
});
