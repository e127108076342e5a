/**
 * No answer reveals the server's insides: a route that throws, a database error inside a push
 * transaction and an error whose message holds SQL all answer 500 with the plain
 * `{ error: { reason: 'server-error', message } }`, with no stack trace, SQL text or file path.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { demoApp, login, outreachLog, push, putMutation, type Session } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

const SECRET_SQL = 'SELECT password_hash FROM users WHERE username = $1';

function expectPlain500(response: LightMyRequestResponse): void {
  expect(response.statusCode).toBe(500);
  const body = response.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.reason).toBe('server-error');
  for (const leak of ['SELECT', 'password_hash', 'no_such_table', '    at ', '.ts:', 'node_modules', 'stack']) expect(response.body).not.toContain(leak);
}

forEachDatabase('error answers', (getDb) => {
  let app: FastifyInstance;
  let member: Session;
  let failure: unknown = null;
  beforeAll(async () => {
    app = await demoApp(getDb(), {
      testHooks: {
        beforePushCommit: async () => {
          if (failure) throw failure;
        },
      },
    });
    app.get('/api/test/throws', async () => {
      throw new Error(`boom: ${SECRET_SQL}`);
    });
    member = await login(app, 'tovien');
  });

  it('answer a route that throws with a plain 500', async () => {
    expectPlain500(await app.inject({ method: 'GET', url: '/api/test/throws' }));
  });

  it('answer a database error inside a push with a plain 500 and write nothing', async () => {
    // The engine's own error object (PGlite's single connection cannot run a second statement
    // inside the push's transaction), thrown where the push's statements run.
    failure = await getDb().query(`${SECRET_SQL} AND id IN (SELECT id FROM no_such_table)`, ['tovien']).then(() => null, (error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    const log = outreachLog(member);
    try {
      const answer = await app.inject({
        method: 'POST', url: '/api/sync/push', headers: member.headers,
        payload: { protocolVersion: 2, clientId: uuidv7(), mutations: [putMutation(1, 'fieldLog', log)] },
      });
      expectPlain500(answer);
    } finally {
      failure = null;
    }
    expect(await getDb().query('SELECT 1 FROM records WHERE id = $1', [log.id])).toEqual([]);
    expect((await push(app, member, uuidv7(), [putMutation(1, 'fieldLog', log)])).statusCode).toBe(200);
  });
});
