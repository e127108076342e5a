import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_IDS } from '#src/server/db/demo-data.ts';
import { errorResponseSchema } from '#src/shared/sync/protocol.ts';
import { loginResponseSchema, profileSchema } from '#src/shared/domain/account.ts';
import { apiPaths } from '#src/shared/sync/protocol.ts';
import { demoApp, login } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

forEachDatabase('auth', (getDb) => {
  let app: FastifyInstance;
  let clock = new Date('2026-03-01T01:00:00Z');
  beforeAll(async () => {
    app = await demoApp(getDb(), {
      now: () => clock,
      loginLimits: { windowMs: 60_000, maxFailuresPerUsername: 3, maxFailuresPerIp: 1000 },
    });
  });

  const postLogin = (payload: unknown, remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'POST', url: apiPaths.login, payload: payload as object, remoteAddress });

  it('log every demo account in with a token valid 30 days and its profile', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const response = await postLogin({ username: account.username, password: account.password });
      expect(response.statusCode).toBe(200);
      const body = loginResponseSchema.parse(response.json());
      expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(new Date(body.expiresAt).getTime() - clock.getTime()).toBe(30 * 24 * 3600_000);
      expect(body.profile.user).toMatchObject({ username: account.username, displayName: account.displayName, role: account.role });
    }
  });

  it('give a member the team, its two hamlets, the commune and the province', async () => {
    const { profile } = await login(app, 'tovien');
    expect(profile.team).toEqual({ id: DEMO_IDS.teamAp12, name: 'Tổ bảo vệ ANTT Ấp 1–2' });
    expect(profile.hamlets.map((h) => h.name)).toEqual(['Ấp 1', 'Ấp 2']);
    expect(profile.orgUnits.map((u) => [u.kind, u.name])).toEqual([['commune', 'Xã Tân Lập'], ['province', 'Tỉnh Đồng Nai']]);
    const police = await login(app, 'congan');
    expect(police.profile.team).toBeNull();
    expect(police.profile.hamlets.map((h) => h.name)).toEqual(['Ấp 1', 'Ấp 2', 'Ấp 3']);
    expect(profile.teams).toEqual([]);
  });

  it('name the teams a supervisor oversees, and the communes below a province', async () => {
    const police = (await login(app, 'congan')).profile;
    expect(police.teams).toEqual([
      { id: DEMO_IDS.teamAp12, name: 'Tổ bảo vệ ANTT Ấp 1–2', communeId: DEMO_IDS.commune },
      { id: DEMO_IDS.teamAp3, name: 'Tổ bảo vệ ANTT Ấp 3', communeId: DEMO_IDS.commune },
    ]);
    expect(police.orgUnits.map((u) => [u.kind, u.name])).toEqual([['commune', 'Xã Tân Lập'], ['province', 'Tỉnh Đồng Nai']]);

    const province = (await login(app, 'tinh')).profile;
    expect(province.orgUnits.map((u) => [u.kind, u.name, u.parentId ?? null])).toEqual([
      ['province', 'Tỉnh Đồng Nai', null],
      ['commune', 'Xã Tân Lập', DEMO_IDS.province],
    ]);
    expect(province.teams?.map((team) => [team.name, team.communeId])).toEqual([
      ['Tổ bảo vệ ANTT Ấp 1–2', DEMO_IDS.commune],
      ['Tổ bảo vệ ANTT Ấp 3', DEMO_IDS.commune],
    ]);
  });

  it('answer 401 with the same Vietnamese words for a wrong password and an unknown user', async () => {
    for (const payload of [{ username: 'tovien', password: 'sai-mat-khau' }, { username: 'khong-co-ai', password: 'antt2026' }]) {
      const response = await postLogin(payload, '10.0.0.1');
      expect(response.statusCode).toBe(401);
      expect(errorResponseSchema.parse(response.json()).error).toEqual({ reason: 'unauthorized', message: 'Tên đăng nhập hoặc mật khẩu không đúng' });
    }
  });

  it('answer 400 with the failing fields for a bad body, and for malformed JSON', async () => {
    const response = await postLogin({ username: '', password: 42 });
    expect(response.statusCode).toBe(400);
    const { error } = errorResponseSchema.parse(response.json());
    expect(error.reason).toBe('invalid-request');
    expect(error.fields?.map((f) => f.path).sort()).toEqual(['password', 'username']);
    expect(error.fields?.find((f) => f.path === 'username')?.message).toBe('Nhập tên đăng nhập');

    const malformed = await app.inject({ method: 'POST', url: apiPaths.login, headers: { 'content-type': 'application/json' }, payload: '{"username": "tovien",' });
    expect(malformed.statusCode).toBe(400);
    expect(errorResponseSchema.parse(malformed.json()).error.reason).toBe('invalid-request');
  });

  it('return the profile from /me with a token, 401 without one or with a forged one', async () => {
    const session = await login(app, 'totruong');
    const me = await app.inject({ method: 'GET', url: apiPaths.me, headers: session.headers });
    expect(me.statusCode).toBe(200);
    expect(profileSchema.parse(me.json())).toEqual(session.profile);

    for (const headers of [{}, { authorization: 'Bearer ' + 'x'.repeat(43) }, { authorization: session.token }]) {
      const response = await app.inject({ method: 'GET', url: apiPaths.me, headers });
      expect(response.statusCode).toBe(401);
      expect(errorResponseSchema.parse(response.json()).error.reason).toBe('unauthorized');
    }
  });

  it('stop accepting a token after logout', async () => {
    const session = await login(app, 'tovien');
    const logout = await app.inject({ method: 'POST', url: apiPaths.logout, headers: session.headers });
    expect(logout.statusCode).toBe(204);
    const me = await app.inject({ method: 'GET', url: apiPaths.me, headers: session.headers });
    expect(me.statusCode).toBe(401);
  });

  it('stop accepting a token after 30 days', async () => {
    const session = await login(app, 'tovien');
    const loggedInAt = clock;
    try {
      clock = new Date(loggedInAt.getTime() + 30 * 24 * 3600_000 - 1000);
      expect((await app.inject({ method: 'GET', url: apiPaths.me, headers: session.headers })).statusCode).toBe(200);
      clock = new Date(loggedInAt.getTime() + 30 * 24 * 3600_000 + 1000);
      expect((await app.inject({ method: 'GET', url: apiPaths.me, headers: session.headers })).statusCode).toBe(401);
    } finally {
      clock = loggedInAt;
    }
  });

  describe('rate limit', () => {
    it('refuse more tries for a username after repeated failures, even with the right password', async () => {
      const ip = '10.9.9.9';
      for (let i = 0; i < 3; i += 1) expect((await postLogin({ username: 'tinh', password: 'doan-sai' }, ip)).statusCode).toBe(401);
      const blocked = await postLogin({ username: 'tinh', password: 'antt2026' }, ip);
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(errorResponseSchema.parse(blocked.json()).error).toMatchObject({ reason: 'too-many-requests' });
      expect(blocked.json().error.message).toMatch(/thử lại sau 1 phút/);
      // Another account from the same address is not locked out by this one.
      expect((await postLogin({ username: 'congan', password: 'antt2026' }, ip)).statusCode).toBe(200);
      clock = new Date(clock.getTime() + 61_000);
      expect((await postLogin({ username: 'tinh', password: 'antt2026' }, ip)).statusCode).toBe(200);
    });
  });
});
