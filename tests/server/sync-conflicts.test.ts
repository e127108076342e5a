/**
 * Conflicts never lose a value silently: two devices that edit one entry offline have different
 * fields merged; the same field changed to different values becomes a conflict record with both
 * values, seen by both people; an edit of an entry the leader approved meanwhile likewise; the
 * choice that resolves a conflict is itself a synced change, allowed only to those concerned.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { Conflict } from '#src/shared/domain/conflict.ts';
import {
  addTeamAp3Member,
  demoApp,
  login,
  outreachLog,
  pullAll,
  push,
  putMutation,
  storedRecords,
  versionOf,
  type Session,
} from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

forEachDatabase('sync conflicts', (getDb) => {
  let app: FastifyInstance;
  let member: Session;
  let leader: Session;
  let outsider: Session;
  beforeAll(async () => {
    app = await demoApp(getDb());
    await addTeamAp3Member(getDb());
    [member, leader, outsider] = await Promise.all([login(app, 'tovien'), login(app, 'totruong'), login(app, 'tovien3')]);
  });

  const entryOnServer = async (id: string) => (await storedRecords(getDb(), 'fieldLog')).find((r) => r.id === id)?.data;
  const conflictsOf = async (recordId: string) =>
    (await storedRecords(getDb(), 'conflict')).map((r) => r.data as unknown as Conflict).filter((c) => c.recordId === recordId);

  /** An entry on the server, and the version both phones start their offline edits from. */
  async function shared() {
    const log = outreachLog(member, { topic: 'Phòng chống ma túy', peopleReached: 4, note: '' });
    await push(app, member, uuidv7(), [putMutation(1, 'fieldLog', log)]);
    return { log, base: await versionOf(getDb(), log.id) };
  }

  it('merges edits of different fields made on two phones', async () => {
    const { log, base } = await shared();
    const phoneA = uuidv7();
    const phoneB = uuidv7();
    await push(app, member, phoneA, [putMutation(1, 'fieldLog', { ...log, topic: 'Phòng chống ma túy học đường' }, { base, changed: ['topic'] })]);
    const second = await push(app, member, phoneB, [putMutation(1, 'fieldLog', { ...log, peopleReached: 9 }, { base, changed: ['peopleReached'] })]);
    expect(second.body.rejected).toEqual([]);
    // The server stored something else than phone B sent: B is told to pull it.
    expect(second.body.written).toMatchObject([{ seq: 1, isChanged: true }]);
    expect(await entryOnServer(log.id)).toMatchObject({ topic: 'Phòng chống ma túy học đường', peopleReached: 9 });
    expect(await conflictsOf(log.id)).toEqual([]);
  });

  it('keeps both values of a field changed on two phones, and both people see the conflict', async () => {
    const { log, base } = await shared();
    await push(app, member, uuidv7(), [putMutation(1, 'fieldLog', { ...log, note: 'Hộ ông Tư vắng nhà' }, { base, changed: ['note'] })]);
    const leaderEdit = await push(app, leader, uuidv7(), [putMutation(1, 'fieldLog', { ...log, note: 'Đã gặp ông Tư', peopleReached: 5 }, { base, changed: ['note', 'peopleReached'] })]);
    expect(leaderEdit.body.rejected).toEqual([]);
    // The field nobody else changed is applied; the contested one keeps the first value.
    expect(await entryOnServer(log.id)).toMatchObject({ note: 'Hộ ông Tư vắng nhà', peopleReached: 5 });
    const [conflict] = await conflictsOf(log.id);
    expect(conflict).toMatchObject({
      kind: 'concurrent-edit', collection: 'fieldLog', status: 'open', scope: `team:${DEMO_IDS.teamAp12}`,
      fields: [{
        field: 'note',
        values: [
          { value: 'Hộ ông Tư vắng nhà', userId: member.profile.user.id, isCurrent: true },
          { value: 'Đã gặp ông Tư', userId: leader.profile.user.id, isCurrent: false },
        ],
      }],
    });
    for (const session of [member, leader]) {
      expect((await pullAll(app, session)).changes.some((c) => c.collection === 'conflict' && c.id === conflict!.id)).toBe(true);
    }
    expect((await pullAll(app, outsider)).changes.some((c) => c.id === conflict!.id)).toBe(false);
  });

  it('sees no conflict when two phones set a field to the same value', async () => {
    const { log, base } = await shared();
    await push(app, member, uuidv7(), [putMutation(1, 'fieldLog', { ...log, peopleReached: 7 }, { base, changed: ['peopleReached'] })]);
    const same = await push(app, member, uuidv7(), [putMutation(1, 'fieldLog', { ...log, peopleReached: 7 }, { base, changed: ['peopleReached'] })]);
    expect(same.body.written).toEqual([{ seq: 1, version: await versionOf(getDb(), log.id) }]);
    expect(await conflictsOf(log.id)).toEqual([]);
  });

  it('never conflicts a phone with its own earlier edits', async () => {
    const { log, base } = await shared();
    const phone = uuidv7();
    const answer = await push(app, member, phone, [
      putMutation(1, 'fieldLog', { ...log, note: 'Lần 1' }, { base, changed: ['note'] }),
      putMutation(2, 'fieldLog', { ...log, note: 'Lần 2' }, { base, changed: ['note'] }),
    ]);
    await push(app, member, phone, [putMutation(3, 'fieldLog', { ...log, note: 'Lần 3' }, { base, changed: ['note'] })]);
    expect(answer.body.rejected).toEqual([]);
    expect(await entryOnServer(log.id)).toMatchObject({ note: 'Lần 3' });
    expect(await conflictsOf(log.id)).toEqual([]);
  });

  it('turns an edit of an approved entry into a conflict the leader resolves with a synced choice', async () => {
    const { log, base } = await shared();
    await push(app, leader, uuidv7(), [putMutation(1, 'fieldLog', { ...log, reviewStatus: 'approved' }, { base, changed: ['reviewStatus'] })]);
    const late = await push(app, member, uuidv7(), [putMutation(1, 'fieldLog', { ...log, peopleReached: 12 }, { base, changed: ['peopleReached'] })]);
    expect(late.body.rejected).toEqual([]);
    expect(late.body.written).toMatchObject([{ seq: 1, isChanged: true }]);
    expect(await entryOnServer(log.id)).toMatchObject({ reviewStatus: 'approved', peopleReached: 4 });
    const [conflict] = await conflictsOf(log.id);
    expect(conflict).toMatchObject({ kind: 'edited-after-review', fields: [{ field: 'peopleReached', values: [{ value: 4 }, { value: 12 }] }] });

    // The author may not settle a review conflict; an outsider may not touch it; nobody may rewrite its values.
    const resolved = { ...conflict!, status: 'resolved' as const, choices: { peopleReached: 1 } };
    const byAuthor = await push(app, member, uuidv7(), [putMutation(1, 'conflict', resolved, { base: await versionOf(getDb(), conflict!.id), changed: ['status', 'choices'] })]);
    expect(byAuthor.body.rejected).toMatchObject([{ reason: 'forbidden', message: 'Bạn không có quyền giải quyết xung đột này.' }]);
    const byOutsider = await push(app, outsider, uuidv7(), [putMutation(1, 'conflict', resolved, { base: await versionOf(getDb(), conflict!.id) })]);
    expect(byOutsider.body.rejected).toMatchObject([{ reason: 'forbidden', current: null }]);
    const rewritten = { ...resolved, fields: [{ field: 'peopleReached', values: [{ ...conflict!.fields[0]!.values[0]!, value: 99 }, conflict!.fields[0]!.values[1]!] }] };
    const byRewrite = await push(app, leader, uuidv7(), [putMutation(1, 'conflict', rewritten, { base: await versionOf(getDb(), conflict!.id) })]);
    expect(byRewrite.body.rejected).toMatchObject([{ reason: 'forbidden', message: 'Chỉ được chọn giá trị để giải quyết xung đột, không sửa nội dung xung đột.' }]);

    // The leader takes the member's value: one batch, the entry and the conflict together.
    const approvedCopy = await entryOnServer(log.id);
    const choice = await push(app, leader, uuidv7(), [
      putMutation(1, 'fieldLog', { ...approvedCopy, peopleReached: 12 } as typeof log, { base: await versionOf(getDb(), log.id), changed: ['peopleReached'] }),
      putMutation(2, 'conflict', { ...resolved, resolvedAt: new Date().toISOString() }, { base: await versionOf(getDb(), conflict!.id), changed: ['status', 'choices', 'resolvedAt'] }),
    ]);
    expect(choice.body.rejected).toEqual([]);
    expect(await entryOnServer(log.id)).toMatchObject({ reviewStatus: 'approved', peopleReached: 12 });
    expect((await conflictsOf(log.id))[0]).toMatchObject({ status: 'resolved', choices: { peopleReached: 1 }, resolvedBy: leader.profile.user.id });
  });
});
