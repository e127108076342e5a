/**
 * The audit trail: account and permission changes and restricted reads land in audit_log with
 * the person and the session (device); the table refuses UPDATE and DELETE; province admins query
 * it by who, what and dates, as JSON and CSV, nobody else; an entry's history (who, when, which
 * device, previous values) is shown to those who may read the entry, and that read is logged.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { auditPaths } from '#src/shared/domain/audit.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { adminPaths, call, createMember, pathFor } from '../support/admin-fixtures.ts';
import { teamEntry } from '../support/entry-builders.ts';
import { demoApp, login, outreachLog, pullAll, push, putMutation, type Session } from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

forEachDatabase('audit trail', (getDb) => {
  let app: FastifyInstance;
  let police: Session;
  let province: Session;
  beforeAll(async () => {
    app = await demoApp(getDb(), { now: () => new Date('2026-06-10T03:00:00Z') });
    police = await login(app, 'congan');
    province = await login(app, 'tinh');
  });

  const sessionIdOf = async (session: Session) =>
    ((await call(app, session, 'GET', adminPaths.mySessions)).body.sessions as { id: string; isCurrent: boolean }[]).find((s) => s.isCurrent)!.id;
  const trail = async (query: string) => (await call(app, province, 'GET', `${auditPaths.log}?${query}`)).body.entries as Record<string, unknown>[];

  it('record account changes with the person and the session, for province admins only, as JSON and CSV', async () => {
    const { id } = await createMember(app, police, DEMO_IDS.teamAp3);
    expect((await call(app, police, 'POST', pathFor(adminPaths.accountResetPassword, id), { temporaryPassword: 'Rau-muong-xao-toi-7' })).statusCode).toBe(200);
    const policeSession = await sessionIdOf(police);
    const entries = await trail('who=congan&action=account.&from=2026-06-10&to=2026-06-10');
    expect(entries.map((e) => [e.action, e.targetId, e.actorId, e.sessionId])).toEqual([
      ['account.reset-password', id, police.profile.user.id, policeSession],
      ['account.create', id, police.profile.user.id, policeSession],
    ]);
    expect(JSON.stringify(entries)).not.toContain('Rau-muong');
    expect(await trail('who=congan&from=2026-06-11')).toEqual([]);

    const csv = await app.inject({ method: 'GET', url: `${auditPaths.logCsv}?who=congan`, headers: province.headers });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFFthoi_gian,nguoi_thuc_hien,ma_nguoi,phien,hanh_dong,doi_tuong,chi_tiet');
    expect(csv.body).toContain('account.reset-password');
    for (const url of [auditPaths.log, auditPaths.logCsv]) expect((await call(app, police, 'GET', url)).statusCode).toBe(403);
  });

  it('refuse to change or delete the trail', async () => {
    await expect(getDb().query("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(getDb().query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect((await trail('action=account.')).length).toBeGreaterThan(0);
  });

  it('log a pull that delivers a tip, naming the reader, the device and the record', async () => {
    const member = await login(app, 'tovien');
    const tip = teamEntry('tip', member.profile.user.id);
    expect((await push(app, member, uuidv7(), [putMutation(1, 'fieldLog', tip)])).statusCode).toBe(200);
    const leader = await login(app, 'totruong');
    await pullAll(app, leader);
    const reads = await trail(`who=totruong&action=restricted.read`);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ sessionId: await sessionIdOf(leader), detail: { collection: 'fieldLog', ids: [tip.id] } });
  });

  it("show an entry's history with previous values to its readers only, logging the read", async () => {
    const member = await login(app, 'tovien2');
    const clientId = uuidv7();
    const log = outreachLog(member);
    await push(app, member, clientId, [putMutation(1, 'fieldLog', log)]);
    const [written] = (await push(app, member, clientId, [putMutation(2, 'fieldLog', { ...log, note: 'Đã sửa' }, { base: 0, changed: ['note'] })])).body.written;
    expect(written).toBeDefined();
    const history = await call(app, member, 'GET', pathFor(auditPaths.entryHistory, log.id));
    expect(history.statusCode).toBe(200);
    const changes = history.body.changes as Record<string, unknown>[];
    expect(changes.map((c) => [c.userId, c.clientId, c.changed])).toEqual([
      [member.profile.user.id, clientId, null],
      [member.profile.user.id, clientId, ['note']],
    ]);
    expect(changes[1]!.previous).toMatchObject({ note: log.note });
    const outsider = await login(app, 'totruong3');
    expect((await call(app, outsider, 'GET', pathFor(auditPaths.entryHistory, log.id))).statusCode).toBe(404);
    expect((await trail('who=tovien2&action=entry.history')).map((e) => e.targetId)).toEqual([log.id]);
  });
});
