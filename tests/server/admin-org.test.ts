/**
 * Organisation changes reach devices: every change republishes the units and teams it touched
 * as synced records (pulled in commit order like any change); moving a member or a hamlet
 * changes both teams' records and the member's profile; devices cannot push org records; CSV
 * import is all or nothing with one message per bad row.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { demoId } from '#src/server/db/demo-households.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { demoApp, login, pullAll, push, putMutation, tableCounts, type Session } from '../support/server-fixtures.ts';
import { adminPaths, apiPaths, call, createMember, firstLogin, pathFor, STRONG_PASSWORD } from '../support/admin-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

const latest = async (app: FastifyInstance, session: Session, collection: string, id: string) =>
  (await pullAll(app, session)).changes.filter((c) => c.collection === collection && c.id === id).at(-1)?.data;

forEachDatabase('organisation changes', (getDb) => {
  let app: FastifyInstance;
  let police: Session;
  beforeAll(async () => {
    app = await demoApp(getDb());
    police = await login(app, 'congan');
  });

  it("publish the commune's duty phone to its members' devices, and refuse a bad one beside the field", async () => {
    const bad = await call(app, police, 'PUT', pathFor(adminPaths.unitSettings, DEMO_IDS.commune), { dutyPhone: 'gọi tôi', promptMinutes: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body.error?.fields?.map((f) => f.path).sort()).toEqual(['dutyPhone', 'promptMinutes']);
    const saved = await call(app, police, 'PUT', pathFor(adminPaths.unitSettings, DEMO_IDS.commune), { dutyPhone: '0909 113 114', promptMinutes: 20 });
    expect(saved.statusCode).toBe(200);
    const member = await login(app, 'tovien');
    expect(await latest(app, member, 'orgUnit', DEMO_IDS.commune)).toMatchObject({ name: 'Xã Tân Lập', settings: { dutyPhone: '0909 113 114', promptMinutes: 20 } });
  });

  it("move a member to another team: both rosters change, and so do the member's profile and reach", async () => {
    const created = await createMember(app, police, DEMO_IDS.teamAp12);
    const moved = await call(app, police, 'POST', pathFor(adminPaths.accountMove, created.id), { teamId: DEMO_IDS.teamAp3, position: 'member' });
    expect(moved.statusCode).toBe(200);
    const leader = await login(app, 'totruong');
    const ap12 = await latest(app, leader, 'team', DEMO_IDS.teamAp12);
    expect((ap12?.members as { userId: string }[]).map((m) => m.userId)).not.toContain(created.id);
    const session = await firstLogin(app, created.username);
    expect(session.profile.team?.id).toBe(DEMO_IDS.teamAp3);
    expect(session.profile.hamlets.map((h) => h.name)).toEqual(['Ấp 3']);
    const ap3 = await latest(app, session, 'team', DEMO_IDS.teamAp3);
    expect(ap3?.members).toContainEqual({ userId: created.id, displayName: 'Phan Văn Tâm', position: 'member' });
  });

  it('move a hamlet to another team and refuse a second leader', async () => {
    const moved = await call(app, police, 'PUT', pathFor(adminPaths.hamletTeam, DEMO_IDS.hamlets[1]), { teamId: DEMO_IDS.teamAp3 });
    expect(moved.statusCode).toBe(200);
    const leader3 = await login(app, 'totruong3');
    expect((await latest(app, leader3, 'team', DEMO_IDS.teamAp3))?.hamletIds).toEqual([DEMO_IDS.hamlets[1], DEMO_IDS.hamlets[2]].sort());
    expect(leader3.profile.hamlets.map((h) => h.name)).toEqual(['Ấp 2', 'Ấp 3']);
    expect((await call(app, police, 'PUT', pathFor(adminPaths.hamletTeam, DEMO_IDS.hamlets[1]), { teamId: DEMO_IDS.teamAp12 })).statusCode).toBe(200);

    const second = await call(app, police, 'POST', adminPaths.accounts, {
      username: 'totruong-moi', displayName: 'Vũ Văn Khang', role: 'leader', teamId: DEMO_IDS.teamAp3, position: 'leader', password: STRONG_PASSWORD,
    });
    expect(second.statusCode).toBe(409);
    expect(second.body.error?.fields?.[0]).toMatchObject({ path: 'position', message: expect.stringMatching(/đã có tổ trưởng/) });
  });

  it('refuse org records pushed by any device', async () => {
    for (const username of ['congan', 'tinh', 'totruong']) {
      const session = await login(app, username);
      const unit = { id: DEMO_IDS.commune, parentId: DEMO_IDS.province, kind: 'commune', name: 'Xã Giả', settings: { dutyPhone: null, promptMinutes: 5 } };
      const team = { id: DEMO_IDS.teamAp12, communeId: DEMO_IDS.commune, name: 'Tổ giả', hamletIds: [], establishedOn: null, members: [], updatedAt: new Date().toISOString() };
      const answer = await push(app, session, uuidv7(), [putMutation(1, 'orgUnit', unit), putMutation(2, 'team', team)]);
      expect(answer.statusCode).toBe(200);
      expect(answer.body.rejected.map((r) => r.reason)).toEqual(['forbidden', 'forbidden']);
    }
    const member = await login(app, 'tovien');
    expect((await latest(app, member, 'orgUnit', DEMO_IDS.commune))?.name).toBe('Xã Tân Lập');
  });
});

forEachDatabase('CSV import', (getDb) => {
  let app: FastifyInstance;
  let police: Session;
  beforeAll(async () => {
    app = await demoApp(getDb());
    police = await login(app, 'congan');
  });

  const row = (line: number, values: Record<string, string>) => ({
    line,
    values: { ten_to: 'Tổ bảo vệ ANTT Ấp 4', ap: 'Ấp 4', ngay_thanh_lap: '15/08/2024', ho_ten: 'Lê Văn Tư', ten_dang_nhap: `tv${line}`, chuc_vu: 'Tổ viên', mat_khau: STRONG_PASSWORD, ...values },
  });
  const good = [
    row(2, { ho_ten: 'Lê Văn Tư', ten_dang_nhap: 'levantu', chuc_vu: 'Tổ trưởng' }),
    row(3, { ho_ten: 'Ngô Thị Mai', ten_dang_nhap: 'ngothimai', chuc_vu: 'to pho' }),
    row(4, { ho_ten: 'Dương Văn Bảy', ten_dang_nhap: 'duongvanbay' }),
    row(5, { ten_to: 'Tổ bảo vệ ANTT Ấp 3', ap: '', ho_ten: 'Hồ Thị Năm', ten_dang_nhap: 'hothinam' }),
  ];
  const send = (rows: unknown[], dryRun = false) => call(app, police, 'POST', adminPaths.import, { communeId: DEMO_IDS.commune, dryRun, rows });

  it('answer one message per bad row (line, column, what is wrong) and write nothing', async () => {
    const before = await tableCounts(getDb());
    const users = await getDb().query('SELECT count(*)::int AS n FROM users');
    const answer = await send([
      ...good,
      row(6, { ho_ten: '', chuc_vu: 'Trưởng ban' }),
      row(7, { ten_dang_nhap: 'tovien', ngay_thanh_lap: '31/02/2024' }),
      row(8, { ten_dang_nhap: 'levantu', mat_khau: 'matkhau123' }),
      row(9, { ten_to: 'Tổ mới', ap: 'Ấp 1', ten_dang_nhap: 'a' }),
      row(10, { chuc_vu: 'Tổ trưởng', ten_dang_nhap: 'truong2' }),
    ]);
    expect(answer.statusCode).toBe(400);
    expect(answer.body.error?.message).toBe('Có 5 dòng chưa đúng; chưa nhập dòng nào. Hãy sửa tệp rồi nhập lại.');
    expect(answer.body.error?.fields).toEqual([
      { path: 'rows.6', message: 'Dòng 6: cột “ho_ten”: nhập họ tên; cột “chuc_vu”: chức vụ phải là Tổ trưởng, Tổ phó hoặc Tổ viên.' },
      { path: 'rows.7', message: 'Dòng 7: cột “ngay_thanh_lap”: “31/02/2024” không phải ngày hợp lệ (dd/MM/yyyy).' },
      { path: 'rows.8', message: 'Dòng 8: cột “ten_dang_nhap”: “levantu” trùng với dòng 2; cột “mat_khau”: mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.' },
      { path: 'rows.9', message: expect.stringMatching(/^Dòng 9: cột “ten_dang_nhap”: tên đăng nhập gồm 3–32/) },
      { path: 'rows.10', message: 'Dòng 10: cột “chuc_vu”: tổ “Tổ bảo vệ ANTT Ấp 4” đã có tổ trưởng ở dòng 2.' },
    ]);
    expect(await tableCounts(getDb())).toEqual(before);
    expect(await getDb().query('SELECT count(*)::int AS n FROM users')).toEqual(users);
  });

  it('refuse a username already in use and a hamlet another team covers', async () => {
    const answer = await send([row(2, { ten_dang_nhap: 'tovien', ap: 'Ấp 1' })]);
    expect(answer.statusCode).toBe(400);
    expect(answer.body.error?.fields?.[0]?.message).toBe('Dòng 2: cột “ten_dang_nhap”: “tovien” đã có người dùng; cột “ap”: “Ấp 1” đã thuộc một tổ khác.');
  });

  it('check without writing, then import every good row in one go and publish the rosters', async () => {
    const before = await tableCounts(getDb());
    const check = await send(good, true);
    expect(check.body).toEqual({ dryRun: true, teamsCreated: 1, hamletsCreated: 1, accountsCreated: 4 });
    expect(await tableCounts(getDb())).toEqual(before);

    const imported = await send(good);
    expect(imported.body).toEqual({ dryRun: false, teamsCreated: 1, hamletsCreated: 1, accountsCreated: 4 });
    const detail = await call(app, police, 'GET', pathFor(adminPaths.unit, DEMO_IDS.commune));
    const team = (detail.body.teams as { id: string; name: string; establishedOn: string; hamletIds: string[] }[]).find((t) => t.name === 'Tổ bảo vệ ANTT Ấp 4')!;
    expect(team.establishedOn).toBe('2024-08-15');
    expect((detail.body.children as { id: string; name: string }[]).find((u) => u.id === team.hamletIds[0])?.name).toBe('Ấp 4');
    // Imported accounts set their own password at the first login; then they see their team.
    const refused = await app.inject({ method: 'POST', url: apiPaths.login, payload: { username: 'levantu', password: STRONG_PASSWORD } });
    expect(refused.json().error.action).toBe('change-password');
    const leader = await firstLogin(app, 'levantu');
    expect(leader.profile.user.role).toBe('leader');
    const roster = (await pullAll(app, leader)).changes.find((c) => c.collection === 'team' && c.id === team.id)?.data;
    expect((roster?.members as { displayName: string; position: string }[]).map((m) => [m.displayName, m.position])).toEqual([
      ['Lê Văn Tư', 'leader'], ['Ngô Thị Mai', 'deputy'], ['Dương Văn Bảy', 'member'],
    ]);
    const ap3 = (await pullAll(app, await login(app, 'totruong3'))).changes.filter((c) => c.collection === 'team' && c.id === DEMO_IDS.teamAp3).at(-1)?.data;
    expect((ap3?.members as { displayName: string }[]).map((m) => m.displayName)).toContain('Hồ Thị Năm');
  });

  it("refuse another commune's import", async () => {
    const answer = await call(app, police, 'POST', adminPaths.import, { communeId: demoId('unit:khong-co'), rows: good });
    expect(answer.statusCode).toBe(404);
  });
});

