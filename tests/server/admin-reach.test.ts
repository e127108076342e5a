/**
 * Reach, enforced on the server: each role against each management operation. A province admin
 * manages its province; commune police their commune (another commune's police get 403); a team
 * leader only the sessions of the team's members; a member nothing. Every refusal writes nothing.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { demoId } from '#src/server/db/demo-households.ts';
import { demoApp, login, tableCounts, type Session } from '../support/server-fixtures.ts';
import { adminPaths, call, createMember, freshUsername, pathFor, secondCommune, STRONG_PASSWORD, type Answer } from '../support/admin-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

type Who = 'member' | 'leader' | 'police' | 'otherPolice' | 'province';
/** Prepares what the operation needs (as the province admin), then returns the request to try. */
type Operation = (app: FastifyInstance, as: Session, prepared: string) => Promise<Answer>;
type Prepare = (app: FastifyInstance, admin: Session) => Promise<string>;
const nothing: Prepare = async () => '';
const newMember: Prepare = async (app, admin) => (await createMember(app, admin)).id;

const tovien = demoId('user:tovien');

/** Operations on the demo commune, each repeatable (fresh names), with the status each role gets. */
const operations: [string, Operation, Record<Who, number>, Prepare?][] = [
  ['read the commune', (app, as) => call(app, as, 'GET', pathFor(adminPaths.unit, DEMO_IDS.commune)), { member: 403, leader: 403, police: 200, otherPolice: 403, province: 200 }],
  ['set the duty phone', (app, as) => call(app, as, 'PUT', pathFor(adminPaths.unitSettings, DEMO_IDS.commune), { dutyPhone: '0251 3812 113', promptMinutes: 30 }),
    { member: 403, leader: 403, police: 200, otherPolice: 403, province: 200 }],
  ['create a hamlet', (app, as) => call(app, as, 'POST', adminPaths.units, { parentId: DEMO_IDS.commune, kind: 'hamlet', name: `Ấp ${freshUsername('')}` }),
    { member: 403, leader: 403, police: 201, otherPolice: 403, province: 201 }],
  ['create a commune', (app, as) => call(app, as, 'POST', adminPaths.units, { parentId: DEMO_IDS.province, kind: 'commune', name: `Xã ${freshUsername('')}` }),
    { member: 403, leader: 403, police: 403, otherPolice: 403, province: 201 }],
  ['rename the commune', (app, as) => call(app, as, 'PATCH', pathFor(adminPaths.unit, DEMO_IDS.commune), { name: 'Xã Tân Lập' }),
    { member: 403, leader: 403, police: 403, otherPolice: 403, province: 200 }],
  ['create a team', (app, as) => call(app, as, 'POST', adminPaths.teams, { communeId: DEMO_IDS.commune, name: `Tổ ${freshUsername('')}` }),
    { member: 403, leader: 403, police: 201, otherPolice: 403, province: 201 }],
  ['rename a team', (app, as) => call(app, as, 'PATCH', pathFor(adminPaths.team, DEMO_IDS.teamAp3), { name: 'Tổ bảo vệ ANTT Ấp 3' }),
    { member: 403, leader: 403, police: 200, otherPolice: 403, province: 200 }],
  ['give a hamlet to its team', (app, as) => call(app, as, 'PUT', pathFor(adminPaths.hamletTeam, DEMO_IDS.hamlets[2]), { teamId: DEMO_IDS.teamAp3 }),
    { member: 403, leader: 403, police: 200, otherPolice: 403, province: 200 }],
  ['create a team member', (app, as) => call(app, as, 'POST', adminPaths.accounts, {
    username: freshUsername(), displayName: 'Phan Văn Tâm', role: 'member', teamId: DEMO_IDS.teamAp3, position: 'member', password: STRONG_PASSWORD,
  }), { member: 403, leader: 403, police: 201, otherPolice: 403, province: 201 }],
  ['create commune police', (app, as) => call(app, as, 'POST', adminPaths.accounts, {
    username: freshUsername('ca'), displayName: 'Đinh Văn Lộc', role: 'commune-police', orgUnitId: DEMO_IDS.commune, password: STRONG_PASSWORD,
  }), { member: 403, leader: 403, police: 403, otherPolice: 403, province: 201 }],
  ['rename a member', (app, as) => call(app, as, 'PATCH', pathFor(adminPaths.account, tovien), { displayName: 'Nguyễn Văn An' }),
    { member: 403, leader: 403, police: 200, otherPolice: 403, province: 200 }],
  ['reset a password', (app, as, id) => call(app, as, 'POST', pathFor(adminPaths.accountResetPassword, id), { temporaryPassword: STRONG_PASSWORD }),
    { member: 403, leader: 403, police: 200, otherPolice: 403, province: 200 }, newMember],
  ['disable an account', (app, as, id) => call(app, as, 'POST', pathFor(adminPaths.accountDisable, id)),
    { member: 403, leader: 403, police: 200, otherPolice: 403, province: 200 }, newMember],
  ["list a member's sessions", (app, as) => call(app, as, 'GET', pathFor(adminPaths.accountSessions, tovien)),
    { member: 403, leader: 200, police: 200, otherPolice: 403, province: 200 }],
  ['import teams', (app, as) => call(app, as, 'POST', adminPaths.import, { communeId: DEMO_IDS.commune, dryRun: true, rows: [{ line: 2, values: {
    ten_to: 'Tổ mới', ap: '', ngay_thanh_lap: '', ho_ten: 'Lê Văn Tư', ten_dang_nhap: freshUsername(), chuc_vu: 'Tổ viên', mat_khau: STRONG_PASSWORD,
  } }] }), { member: 403, leader: 403, police: 200, otherPolice: 403, province: 200 }],
];

forEachDatabase('admin reach', (getDb) => {
  let app: FastifyInstance;
  const sessions = {} as Record<Who, Session>;
  beforeAll(async () => {
    app = await demoApp(getDb());
    sessions.member = await login(app, 'tovien');
    sessions.leader = await login(app, 'totruong');
    sessions.police = await login(app, 'congan');
    sessions.province = await login(app, 'tinh');
    sessions.otherPolice = (await secondCommune(app)).police;
  });

  describe.each(operations)('%s', (_name, operation, expected, prepare = nothing) => {
    it.each(Object.keys(expected) as Who[])('as %s', async (who) => {
      const prepared = await prepare(app, sessions.province);
      const before = who === 'police' || who === 'province' ? null : await tableCounts(getDb());
      const answer = await operation(app, sessions[who], prepared);
      expect(answer.statusCode, JSON.stringify(answer.body)).toBe(expected[who]);
      if (answer.statusCode === 403) {
        expect(answer.body.error?.reason).toBe('forbidden');
        expect(answer.body.error?.message).toMatch(/quyền|Chỉ Công an xã|Bạn không được/);
      }
      // A refusal changes nothing that devices could pull.
      if (before) expect((await tableCounts(getDb())).counter).toBe(before.counter);
    });
  });

  it('answer 401 without a session and 404 for an unknown or malformed id', async () => {
    expect((await call(app, null, 'GET', adminPaths.units)).statusCode).toBe(401);
    expect((await call(app, sessions.province, 'GET', pathFor(adminPaths.unit, demoId('unit:khong-co')))).statusCode).toBe(404);
    expect((await call(app, sessions.province, 'GET', pathFor(adminPaths.unit, 'abc'))).statusCode).toBe(404);
  });

  it("let a leader end a team member's session but not one of another team's", async () => {
    const phone = await login(app, 'tovien');
    const listed = await call(app, sessions.leader, 'GET', pathFor(adminPaths.accountSessions, tovien));
    const sessionIds = (listed.body.sessions as { id: string }[]).map((s) => s.id);
    expect(sessionIds.length).toBeGreaterThan(0);
    const leader3 = await login(app, 'totruong3');
    const other = await call(app, leader3, 'DELETE', pathFor(adminPaths.session, sessionIds[0]!));
    expect(other.statusCode).toBe(403);
    for (const id of sessionIds) expect((await call(app, sessions.leader, 'DELETE', pathFor(adminPaths.session, id))).statusCode).toBe(204);
    expect((await call(app, phone, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });
});
