/**
 * "A bad request gets a 4xx and a clear error, never a 5xx and never a partial write": arbitrary
 * bodies — random JSON, and valid-looking push batches with one field broken — sent to every API
 * route. Each answer is a 2xx or a 4xx with `{ error: { reason, message } }`, and a refused push
 * writes nothing (the record count and the device's sequence stay as they were).
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { countRecords } from '#src/server/db/sync-repository.ts';
import { errorResponseSchema, apiPaths, PROTOCOL_VERSION } from '#src/shared/sync/protocol.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { demoApp, login, outreachLog, type Session } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

const routes = [
  { method: 'POST', url: apiPaths.login },
  { method: 'POST', url: apiPaths.push },
  { method: 'POST', url: apiPaths.pull },
  { method: 'POST', url: apiPaths.logout },
  { method: 'GET', url: apiPaths.me },
] as const;

function expectClearAnswer(statusCode: number, body: string): void {
  expect(statusCode).toBeLessThan(500);
  if (statusCode >= 400) expect(errorResponseSchema.safeParse(JSON.parse(body)).success).toBe(true);
}

forEachDatabase('bad requests', (getDb) => {
  let app: FastifyInstance;
  let session: Session;
  /** Logout revokes its token: it gets a session of its own so the others stay valid. */
  let logoutSession: Session;

  beforeAll(async () => {
    app = await demoApp(getDb(), { loginLimits: { maxFailuresPerIp: 1_000_000, maxFailuresPerUsername: 1_000_000, windowMs: 60_000 } });
    session = await login(app, 'tovien');
    logoutSession = await login(app, 'tovien');
  });

  it('answers arbitrary JSON with a 2xx or a clear 4xx, signed in or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.jsonValue(), fc.boolean(), async (route, body, isSignedIn) => {
        const response = await app.inject({
          method: route.method,
          url: route.url,
          headers: { 'content-type': 'application/json', ...(isSignedIn ? (route.url === apiPaths.logout ? logoutSession : session).headers : {}) },
          payload: route.method === 'GET' ? undefined : JSON.stringify(body),
        });
        expectClearAnswer(response.statusCode, response.body);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a push batch with one broken field whole, writing nothing', async () => {
    const clientId = uuidv7();
    const breakers: [string, (batch: Record<string, unknown>) => void][] = [
      ['seq zero', (b) => ((b.mutations as { seq: number }[])[1]!.seq = 0)],
      ['seq out of order', (b) => ((b.mutations as { seq: number }[])[2]!.seq = 1)],
      ['id not a uuid', (b) => ((b.mutations as { id: string }[])[0]!.id = 'abc')],
      ['unknown op', (b) => ((b.mutations as { op: string }[])[1]!.op = 'merge')],
      ['data not an object', (b) => ((b.mutations as { data: unknown }[])[2]!.data = 'x')],
      ['client id missing', (b) => delete b.clientId],
      ['protocol version text', (b) => (b.protocolVersion = '1')],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...breakers), async ([, breakIt]) => {
        const before = await countRecords(getDb());
        const batch: Record<string, unknown> = {
          protocolVersion: PROTOCOL_VERSION,
          clientId,
          mutations: [1, 2, 3].map((seq) => {
            const log = outreachLog(session);
            return { seq, collection: 'fieldLog', id: log.id, op: 'put', data: log };
          }),
        };
        breakIt(batch);
        const response = await app.inject({ method: 'POST', url: apiPaths.push, headers: session.headers, payload: batch });
        expect(response.statusCode).toBe(400);
        expectClearAnswer(response.statusCode, response.body);
        expect(await countRecords(getDb())).toBe(before);
      }),
      { numRuns: 20 },
    );
    const sequence = await getDb().query('SELECT last_applied_seq FROM sync_clients WHERE client_id = $1', [clientId]);
    expect(sequence).toEqual([]);
  });
});
