// @vitest-environment node
// The browser's session is an HttpOnly cookie: a device that signs in through the app stores no
// token, yet syncs (the "browser" here is a fetch with a cookie jar over app.inject); a device
// holding a Bearer token from before trades it for the cookie and forgets it. The cookie bears the
// account's id (a shared phone holds one per account).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '#src/server/db/demo-data.ts';
import { tradeLegacyToken } from '#src/client/app/sync-setup.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { getSession } from '#src/client/db/session-repository.ts';
import { createHttpTransport } from '#src/client/sync/http-transport.ts';
import { syncOnce } from '#src/client/sync/sync-engine.ts';
import { freshDatabase } from './support/fixtures.ts';
import { memberLog } from './support/devices.ts';
import { login, resetSyncState, serverTeamLogs, signIn, startTestServer, type TestServer } from './support/server-harness.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  vi.unstubAllGlobals();
  await server?.close();
});

/** A fetch that keeps cookies the way a browser does for one origin (page script never sees them). */
function browserFetch(): { fetch: typeof fetch; cookies: Map<string, string> } {
  const cookies = new Map<string, string>();
  const jarFetch: typeof fetch = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await server.fetch(input, { ...init, headers });
    const set = response.headers.get('set-cookie');
    if (set) {
      const [pair] = set.split(';');
      const [name, value] = pair!.split('=');
      if (value) cookies.set(name!, value);
      else cookies.delete(name!);
    }
    return response;
  };
  return { fetch: jarFetch, cookies };
}

describe('session cookie', () => {
  it('signs in through the app without storing a token, and syncs by the cookie', async () => {
    await resetSyncState(server);
    const browser = browserFetch();
    const db = freshDatabase('cookie-phone');
    const transport = createHttpTransport({ fetch: browser.fetch, getSession: () => getSession(db) });
    const answer = await transport.login({ username: 'tovien', password: DEMO_PASSWORD });
    expect(answer.token).toBeUndefined();
    const cookieName = `sotay_session_${answer.profile.user.id}`;
    expect(browser.cookies.has(cookieName)).toBe(true);
    await signIn(db, answer);
    expect(await getSession(db)).not.toHaveProperty('token');

    const scopes = answer.profile.hamlets.map((hamlet) => `unit:${hamlet.id}`);
    const households = await server.database.query<{ id: string }>(
      `SELECT id::text FROM records WHERE collection = 'household' AND scope = ANY($1::text[]) ORDER BY id LIMIT 1`,
      [scopes],
    );
    const log = memberLog(answer, households.map((row) => row.id));
    await putRecord(db, 'fieldLog', log);
    await syncOnce(db, transport);
    expect((await serverTeamLogs(server)).map((row) => row.id)).toEqual([log.id]);

    await transport.logout();
    expect(browser.cookies.has(cookieName)).toBe(false);
  });

  it('trades a stored Bearer token for the cookie once online, then forgets the token', async () => {
    const browser = browserFetch();
    vi.stubGlobal('fetch', browser.fetch);
    const db = freshDatabase('legacy-phone');
    const legacy = await login(server, 'topho');
    await signIn(db, legacy);
    expect((await getSession(db))?.token).toEqual(expect.any(String));
    await tradeLegacyToken(db);
    expect(await getSession(db)).not.toHaveProperty('token');
    expect(browser.cookies.has(`sotay_session_${legacy.profile.user.id}`)).toBe(true);
    const transport = createHttpTransport({ fetch: browser.fetch, getSession: () => getSession(db) });
    await expect(syncOnce(db, transport)).resolves.not.toThrow();
  });
});
