// The real server for client integration tests: buildApp over an in-memory PGlite with the
// demo data, reached through app.inject() by the real HTTP transport (a fetch that injects).
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#src/server/app.ts';
import { openDatabase, type Database } from '#src/server/db/database.ts';
import { migrate } from '#src/server/db/migrate.ts';
import { readFeedId, readHorizon } from '#src/server/db/pull-repository.ts';
import { formatCursor } from '#src/server/sync/cursor.ts';
import { DEMO_ACCOUNTS, DEMO_IDS, loadDemoData } from '#src/server/db/demo-data.ts';
import type { LoginResponse } from '#src/shared/domain/account.ts';
import type { AnttDatabase } from '#src/client/db/database.ts';
import { getSession, saveSession } from '#src/client/db/session-repository.ts';
import { createHttpTransport, type HttpTransport } from '#src/client/sync/http-transport.ts';
import { createHttpPhotoTransport, type PhotoTransport } from '#src/client/sync/photo-transport.ts';

export interface TestServer {
  app: FastifyInstance;
  database: Database;
  fetch: typeof fetch;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const database = await openDatabase({ dataDir: 'memory' });
  await migrate(database);
  await loadDemoData(database);
  const app = await buildApp({ database });
  return {
    app,
    database,
    fetch: injectFetch(app),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A fetch that hands the request to Fastify in-process: no socket, same HTTP semantics. */
export function injectFetch(app: FastifyInstance): typeof fetch {
  return async (input, init = {}) => {
    const answer = await app.inject({
      method: (init.method ?? 'GET') as 'GET' | 'POST',
      url: String(input),
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      payload: typeof init.body === 'string' ? init.body : init.body instanceof Uint8Array ? Buffer.from(init.body) : undefined,
    });
    const hasBody = ![204, 205, 304].includes(answer.statusCode);
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) if (typeof value === 'string') headers.set(name, value);
    // Bytes, not text: photos come back as they were stored.
    return new Response(hasBody ? new Uint8Array(answer.rawPayload) : null, { status: answer.statusCode, headers });
  };
}

/** The HTTP transport of a device: the token comes from the device's stored session. */
export function deviceTransport(server: TestServer, db: AnttDatabase): HttpTransport {
  return createHttpTransport({ fetch: server.fetch, getSession: () => getSession(db) });
}

/** The photo transport of a device, like deviceTransport. */
export function devicePhotoTransport(server: TestServer, db: AnttDatabase): PhotoTransport {
  return createHttpPhotoTransport({ fetch: server.fetch, getSession: () => getSession(db) });
}

/** Logs a demo account in over HTTP (the real login route). */
export async function login(server: TestServer, username: string): Promise<LoginResponse> {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`No demo account ${username}`);
  return createHttpTransport({ fetch: server.fetch, getSession: async () => null, bearerLogin: true }).login({ username, password: account.password });
}

/** Stores a login on a device database, as the login screen does. */
export async function signIn(db: AnttDatabase, session: LoginResponse): Promise<void> {
  await saveSession(db, { ...session, loggedInAt: new Date().toISOString() });
}

/** The live field logs of the demo team Ấp 1–2 on the server, by id. */
export async function serverTeamLogs(server: TestServer): Promise<Record<string, unknown>[]> {
  const rows = await server.database.query<{ data: Record<string, unknown> }>(
    `SELECT data FROM records WHERE collection = 'fieldLog' AND NOT deleted AND scope = $1 ORDER BY id`,
    [`team:${DEMO_IDS.teamAp12}`],
  );
  return rows.map((row) => row.data);
}

/** The conflicts on the server, by id. */
export async function serverConflicts(server: TestServer): Promise<Record<string, unknown>[]> {
  const rows = await server.database.query<{ data: Record<string, unknown> }>(
    `SELECT data FROM records WHERE collection = 'conflict' AND NOT deleted ORDER BY id`,
  );
  return rows.map((row) => row.data);
}

/** Forgets every field log, conflict and sync client, keeping accounts, sessions and households. */
/** A cursor past every change committed so far: a device that starts there pulls only what comes next. */
export async function currentCursor(server: TestServer): Promise<string> {
  return formatCursor(await readHorizon(server.database), await readFeedId(server.database));
}

export async function resetSyncState(server: TestServer): Promise<void> {
  await server.database.exec(`DELETE FROM sync_rejections; DELETE FROM sync_clients;
    DELETE FROM records WHERE collection IN ('fieldLog', 'conflict');`);
}

