/**
 * Hardening kept honest: the CSP never lets inline or eval'd script run, and every place that
 * sets a password (create, reset, change) refuses a common one, saying so beside the field.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '#src/server/db/demo-data.ts';
import { adminPaths, apiPaths, call, createMember, pathFor } from '../support/admin-fixtures.ts';
import { demoApp, login, type Session } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

forEachDatabase('hardening', (getDb) => {
  let app: FastifyInstance;
  let police: Session;
  beforeAll(async () => {
    app = await demoApp(getDb());
    police = await login(app, 'congan');
  });

  it("send a CSP whose script-src allows neither 'unsafe-inline' nor 'unsafe-eval'", async () => {
    for (const url of ['/', apiPaths.health, apiPaths.me]) {
      const csp = String((await app.inject({ method: 'GET', url })).headers['content-security-policy']);
      const scriptSrc = csp.split(/;\s*/).find((directive) => directive.startsWith('script-src'));
      expect(scriptSrc).toBe("script-src 'self'");
      expect(csp.split(/;\s*/).find((directive) => directive.startsWith('default-src'))).toBe("default-src 'self'");
    }
  });

  it('refuse an oversized login body with 413 before any work', async () => {
    const answer = await app.inject({ method: 'POST', url: apiPaths.login, payload: { username: 'tovien', password: 'x'.repeat(20_000) } });
    expect([answer.statusCode, answer.json().error.reason]).toEqual([413, 'payload-too-large']);
  });

  it('refuse a common password at creation, reset and change, beside the field', async () => {
    const created = await call(app, police, 'POST', adminPaths.accounts, {
      username: 'tv-pho-bien', displayName: 'Phan Văn Tâm', role: 'member', teamId: police.profile.teams?.[0]?.id, position: 'member', password: 'password123',
    });
    expect(created.statusCode).toBe(400);
    expect(JSON.stringify(created.body)).toMatch(/quá phổ biến/);
    const { id } = await createMember(app, police);
    const reset = await call(app, police, 'POST', pathFor(adminPaths.accountResetPassword, id), { temporaryPassword: 'qwerty123' });
    expect([reset.statusCode, (reset.body.error as { fields: { path: string }[] }).fields[0]!.path]).toEqual([400, 'temporaryPassword']);
    const changed = await app.inject({ method: 'POST', url: adminPaths.changePassword, payload: { username: 'tovien', currentPassword: DEMO_PASSWORD, newPassword: '12345678' } });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error.fields[0]).toMatchObject({ path: 'newPassword', message: expect.stringMatching(/quá phổ biến/) });
  });
});
