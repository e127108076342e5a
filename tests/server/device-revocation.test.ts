/**
 * Revoking a lost phone: a leader revokes a member's device (commune police any device of the
 * commune; another team's leader nobody's); the revoked session gets 401 `device-revoked` on pull
 * and every other route, while a push of its own outbox is still applied within the grace, answered
 * with `eraseAfter`; after the grace the push is refused too.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { adminPaths, apiPaths, call, pathFor } from '../support/admin-fixtures.ts';
import { demoApp, login, outreachLog, pull, push, putMutation, type Session } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

forEachDatabase('device revocation', (getDb) => {
  let app: FastifyInstance;
  let clock = new Date('2026-05-01T01:00:00Z');
  let leader: Session;
  beforeAll(async () => {
    app = await demoApp(getDb(), { now: () => clock });
    leader = await login(app, 'totruong');
  });

  async function sessionIdOf(member: Session): Promise<string> {
    const listed = await call(app, member, 'GET', adminPaths.mySessions);
    return (listed.body.sessions as { id: string; isCurrent: boolean }[]).find((s) => s.isCurrent)!.id;
  }

  it('answer device-revoked everywhere but push, accept the outbox with eraseAfter, then refuse it after the grace', async () => {
    const member = await login(app, 'tovien');
    const clientId = uuidv7();
    await pull(app, member, '', { clientId });
    const id = await sessionIdOf(member);
    expect((await call(app, leader, 'POST', pathFor(adminPaths.sessionRevoke, id))).statusCode).toBe(204);

    for (const [method, url] of [['GET', apiPaths.me], ['GET', adminPaths.mySessions], ['POST', apiPaths.logout]] as const) {
      const answer = await call(app, member, method, url);
      expect([answer.statusCode, answer.body.error]).toEqual([401, expect.objectContaining({ reason: 'device-revoked' })]);
    }
    const pulled = await app.inject({ method: 'POST', url: apiPaths.pull, headers: member.headers, payload: { protocolVersion: 1, clientId, cursor: '' } });
    expect([pulled.statusCode, pulled.json().error.reason]).toEqual([401, 'device-revoked']);

    const log = outreachLog(member);
    const pushed = await push(app, member, clientId, [putMutation(1, 'fieldLog', log)]);
    expect(pushed.statusCode).toBe(200);
    expect(pushed.body).toMatchObject({ eraseAfter: true, written: [expect.objectContaining({ seq: 1 })], rejected: [] });
    const rows = await getDb().query<{ id: string }>('SELECT id::text FROM records WHERE id = $1', [log.id]);
    expect(rows).toHaveLength(1);

    const leaderView = await call(app, leader, 'GET', pathFor(adminPaths.accountSessions, member.profile.user.id));
    expect((leaderView.body.sessions as { id: string }[]).map((s) => s.id)).not.toContain(id);

    const before = clock;
    clock = new Date(clock.getTime() + 8 * 24 * 3600_000);
    try {
      const late = await push(app, member, clientId, [putMutation(2, 'fieldLog', outreachLog(member))]);
      expect(late.statusCode).toBe(401);
    } finally {
      clock = before;
    }
  });

  it('let only managers of the account revoke, and leave other sessions alone', async () => {
    const member = await login(app, 'topho');
    const otherDevice = await login(app, 'topho');
    const id = await sessionIdOf(member);
    const otherLeader = await login(app, 'totruong3');
    expect((await call(app, otherLeader, 'POST', pathFor(adminPaths.sessionRevoke, id))).statusCode).toBe(403);
    const peer = await login(app, 'tovien2');
    expect((await call(app, peer, 'POST', pathFor(adminPaths.sessionRevoke, id))).statusCode).toBe(403);
    const police = await login(app, 'congan');
    expect((await call(app, police, 'POST', pathFor(adminPaths.sessionRevoke, id))).statusCode).toBe(204);
    expect((await call(app, police, 'POST', pathFor(adminPaths.sessionRevoke, id))).statusCode).toBe(404);
    expect((await call(app, member, 'GET', apiPaths.me)).statusCode).toBe(401);
    expect((await call(app, otherDevice, 'GET', apiPaths.me)).statusCode).toBe(200);
  });
});
