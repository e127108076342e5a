/**
 * Device sessions and the password life cycle: each login is a device a user can list and end;
 * managers end sessions of accounts they manage; a disabled account and an ended session get
 * 401 on every route; a reset password must be changed at the next login; failed logins lock a
 * username out across two servers on one database; per-route request limits answer 429.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#src/server/app.ts';
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { demoId } from '#src/server/db/demo-households.ts';
import { PASSWORD_CHANGE_ACTION } from '#src/shared/domain/admin.ts';
import { demoApp, login, pull, type Session } from '../support/server-fixtures.ts';
import { adminPaths, apiPaths, call, createMember, firstLogin, pathFor, STRONG_PASSWORD } from '../support/admin-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

forEachDatabase('sessions and passwords', (getDb) => {
  let app: FastifyInstance;
  let clock = new Date('2026-03-01T01:00:00Z');
  let police: Session;
  beforeAll(async () => {
    app = await demoApp(getDb(), { now: () => clock });
    police = await login(app, 'congan');
  });

  const loginAs = (username: string, password: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: apiPaths.login, payload: { username, password, ...extra }, headers });

  it('list my devices with their labels, the current one marked, and end another one', async () => {
    const phone = await loginAs('topho', 'antt2026', { deviceLabel: 'Chrome · Android' });
    const pc = await loginAs('topho', 'antt2026', {}, { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36' });
    const phoneHeaders = { authorization: `Bearer ${phone.json().token}` };
    const pcSession = { headers: { authorization: `Bearer ${pc.json().token}` } } as Session;
    const listed = await call(app, pcSession, 'GET', adminPaths.mySessions);
    const sessions = listed.body.sessions as { id: string; deviceLabel: string; isCurrent: boolean }[];
    expect(sessions.map((s) => [s.deviceLabel, s.isCurrent]).sort()).toEqual([['Chrome · Android', false], ['Chrome · Windows', true]]);
    const phoneId = sessions.find((s) => !s.isCurrent)!.id;
    expect((await call(app, pcSession, 'DELETE', pathFor(adminPaths.mySession, phoneId))).statusCode).toBe(204);
    for (const url of [apiPaths.me, adminPaths.mySessions]) expect((await app.inject({ method: 'GET', url, headers: phoneHeaders })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: apiPaths.pull, headers: phoneHeaders, payload: { protocolVersion: 1, clientId: demoId('c'), cursor: 0 } })).statusCode).toBe(401);
    // Someone else's session id is not mine to end.
    const other = await login(app, 'tovien2');
    const otherId = ((await call(app, other, 'GET', adminPaths.mySessions)).body.sessions as { id: string }[])[0]!.id;
    expect((await call(app, pcSession, 'DELETE', pathFor(adminPaths.mySession, otherId))).statusCode).toBe(404);
    expect((await call(app, other, 'GET', apiPaths.me)).statusCode).toBe(200);
  });

  it("learn a device's sync client id from its first sync", async () => {
    const session = await login(app, 'topho3');
    const clientId = demoId('sessions-test-client');
    const clientOf = async () => ((await call(app, session, 'GET', adminPaths.mySessions)).body.sessions as { clientId: string | null }[])[0]!.clientId;
    expect(await clientOf()).toBeNull();
    await pull(app, session, '', { clientId });
    expect(await clientOf()).toBe(clientId);
  });

  it('update last seen at most once a minute', async () => {
    const session = await login(app, 'tovien5');
    const lastSeen = async () => ((await call(app, session, 'GET', adminPaths.mySessions)).body.sessions as { lastSeenAt: string }[])[0]!.lastSeenAt;
    const loggedInAt = clock;
    try {
      expect(await lastSeen()).toBe(loggedInAt.toISOString());
      clock = new Date(loggedInAt.getTime() + 30_000);
      expect(await lastSeen()).toBe(loggedInAt.toISOString());
      clock = new Date(loggedInAt.getTime() + 61_000);
      await lastSeen();
      expect(await lastSeen()).toBe(clock.toISOString());
    } finally {
      clock = loggedInAt;
    }
  });

  it('stop a disabled account: its token gets 401 and login says it is locked; enabling restores login', async () => {
    const member = await createMember(app, police);
    const session = await firstLogin(app, member.username);
    expect((await call(app, police, 'POST', pathFor(adminPaths.accountDisable, member.id))).statusCode).toBe(200);
    expect((await call(app, session, 'GET', apiPaths.me)).statusCode).toBe(401);
    const refused = await loginAs(member.username, `${STRONG_PASSWORD}-moi`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('Tài khoản này đã bị khóa. Hãy liên hệ Công an xã.');
    // The roster devices pull no longer lists the disabled account.
    const leader3 = await login(app, 'totruong3');
    const team = (await pull(app, leader3, '')).changes.find((c) => c.collection === 'team' && c.id === DEMO_IDS.teamAp3);
    expect((team?.data?.members as { userId: string }[]).map((m) => m.userId)).not.toContain(member.id);
    expect((await call(app, police, 'POST', pathFor(adminPaths.accountEnable, member.id))).statusCode).toBe(200);
    expect((await loginAs(member.username, `${STRONG_PASSWORD}-moi`)).statusCode).toBe(200);
  });

  it('make a member set a new password after a reset, refusing weak ones', async () => {
    const member = await createMember(app, police);
    const before = await firstLogin(app, member.username);
    const temporary = 'Tam-thoi-ngay-mai-7';
    expect((await call(app, police, 'POST', pathFor(adminPaths.accountResetPassword, member.id), { temporaryPassword: 'matkhau123' })).statusCode).toBe(400);
    expect((await call(app, police, 'POST', pathFor(adminPaths.accountResetPassword, member.id), { temporaryPassword: temporary })).statusCode).toBe(200);
    expect((await call(app, before, 'GET', apiPaths.me)).statusCode).toBe(401);

    const asked = await loginAs(member.username, temporary);
    expect(asked.statusCode).toBe(403);
    expect(asked.json().error).toMatchObject({ reason: 'forbidden', action: PASSWORD_CHANGE_ACTION });
    expect(asked.json().error.message).toMatch(/đặt mật khẩu mới/);

    const change = (newPassword: string) => app.inject({ method: 'POST', url: adminPaths.changePassword, payload: { username: member.username, currentPassword: temporary, newPassword } });
    for (const [weak, words] of [['1234567', /ít nhất 8 ký tự/], ['123456789', /quá phổ biến/], ['antt2026', /quá phổ biến/], [member.username, /trùng tên đăng nhập/], [temporary, /khác mật khẩu hiện tại/]] as const) {
      const answer = await change(weak);
      expect(answer.statusCode, weak).toBe(400);
      expect(answer.json().error.fields[0]).toMatchObject({ path: 'newPassword', message: expect.stringMatching(words) });
    }
    const changed = await change('Cay-lua-non-xanh-3');
    expect(changed.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: apiPaths.me, headers: { authorization: `Bearer ${changed.json().token}` } })).statusCode).toBe(200);
    expect((await loginAs(member.username, temporary)).statusCode).toBe(401);
    expect((await loginAs(member.username, 'Cay-lua-non-xanh-3')).statusCode).toBe(200);
  });
});

forEachDatabase('login lockout across servers', (getDb) => {
  it('count failures in the database: two servers on one database share one lockout', async () => {
    let clock = new Date('2026-03-01T01:00:00Z');
    const limits = { windowMs: 60_000, maxFailuresPerUsername: 3, maxFailuresPerIp: 1000 };
    const first = await demoApp(getDb(), { now: () => clock, loginLimits: limits });
    const second = await buildApp({ database: getDb(), now: () => clock, loginLimits: limits });
    const attempt = (app: FastifyInstance, password: string) =>
      app.inject({ method: 'POST', url: apiPaths.login, payload: { username: 'tinh', password }, remoteAddress: '10.1.2.3' });
    expect((await attempt(first, 'sai-1')).statusCode).toBe(401);
    expect((await attempt(second, 'sai-2')).statusCode).toBe(401);
    expect((await attempt(first, 'sai-3')).statusCode).toBe(401);
    const refused = await attempt(second, 'antt2026');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().error).toEqual({ reason: 'too-many-requests', message: 'Đăng nhập sai quá nhiều lần. Hãy thử lại sau 1 phút.' });
    expect((await attempt(first, 'antt2026')).statusCode).toBe(429);
    clock = new Date(clock.getTime() + 61_000);
    expect((await attempt(second, 'antt2026')).statusCode).toBe(200);
    await Promise.all([first.close(), second.close()]);
  });
});

describe('per-route request limits', () => {
  forEachDatabase('request limits', (getDb) => {
    it('answer 429 with Retry-After in our error shape past the per-minute limit', async () => {
      const app = await demoApp(getDb(), { requestLimits: { loginPerMinute: 2, adminPerMinute: 100 } });
      const attempt = () => app.inject({ method: 'POST', url: apiPaths.login, payload: { username: 'tovien', password: 'antt2026' }, remoteAddress: '10.7.7.7' });
      expect((await attempt()).statusCode).toBe(200);
      expect((await attempt()).statusCode).toBe(200);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.json().error).toMatchObject({ reason: 'too-many-requests', message: expect.stringMatching(/^Quá nhiều yêu cầu/) });
      await app.close();
    });
  }, { engines: ['pglite'] });
});
