import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_IDS, demoCampaignPlan } from '#src/server/db/demo-data.ts';
import { demoId } from '#src/server/db/demo-households.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { apiPaths, errorResponseSchema, pushResponseSchema, type Mutation } from '#src/shared/sync/protocol.ts';
import {
  addTeamAp3Member,
  deleteMutation,
  demoApp,
  household,
  login,
  outreachLog,
  pullAll,
  push,
  putMutation,
  storedRecords,
  tableCounts,
  versionOf,
  type Session,
} from '../support/server-fixtures.ts';
import { forEachDatabase } from '../support/test-databases.ts';

forEachDatabase('sync push', (getDb) => {
  let app: FastifyInstance;
  let member: Session;
  let leader: Session;
  let otherTeamMember: Session;
  beforeAll(async () => {
    app = await demoApp(getDb());
    await addTeamAp3Member(getDb());
    [member, leader, otherTeamMember] = await Promise.all([login(app, 'tovien'), login(app, 'totruong'), login(app, 'tovien3')]);
  });

  const copiesOf = async (id: string) => (await storedRecords(getDb(), 'fieldLog')).filter((r) => r.id === id);

  it('apply a push, and a pull returns the record', async () => {
    const log = outreachLog(member, { topic: 'Tuyên truyền Luật Lực lượng bảo vệ ANTT ở cơ sở' });
    const clientId = uuidv7();
    const { statusCode, body } = await push(app, member, clientId, [putMutation(1, 'fieldLog', log)]);
    expect(statusCode).toBe(200);
    expect(pushResponseSchema.parse(body)).toEqual({ protocolVersion: 2, lastAppliedSeq: 1, written: [{ seq: 1, version: expect.any(Number) }], rejected: [] });

    const { changes } = await pullAll(app, leader);
    const pulled = changes.find((change) => change.id === log.id);
    const { id: _id, ...data } = log;
    // The id travels once, beside the data.
    expect(pulled).toEqual({ collection: 'fieldLog', id: log.id, seq: body.written[0]!.version, deleted: false, data });
  });

  it('apply a batch sent twice exactly once and answer the same', async () => {
    const logs = [outreachLog(member), outreachLog(member)];
    const clientId = uuidv7();
    const batch = logs.map((log, i) => putMutation(i + 1, 'fieldLog', log));
    const first = await push(app, member, clientId, batch);
    const before = await tableCounts(getDb());
    const second = await push(app, member, clientId, batch);
    expect(second).toEqual(first);
    expect(await tableCounts(getDb())).toEqual(before);
    for (const log of logs) expect(await copiesOf(log.id)).toHaveLength(1);
  });

  it('apply a batch whose answer was lost, then re-sent with a newer edit, once each', async () => {
    const clientId = uuidv7();
    const log = outreachLog(member, { peopleReached: 2 });
    // The answer of this push is "lost": the device does not know it was applied.
    await push(app, member, clientId, [putMutation(1, 'fieldLog', log)]);
    const edited = { ...log, peopleReached: 5 };
    const retry = await push(app, member, clientId, [putMutation(1, 'fieldLog', log), putMutation(2, 'fieldLog', edited)]);
    expect(retry.body).toMatchObject({ protocolVersion: 2, lastAppliedSeq: 2, rejected: [] });
    // The replayed mutation reports the version it produced then; the new one its own.
    expect(retry.body.written.map((w) => w.seq)).toEqual([1, 2]);
    expect(retry.body.written[1]!.version).toBeGreaterThan(retry.body.written[0]!.version);
    const copies = await copiesOf(log.id);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.data?.peopleReached).toBe(5);
  });

  it('refuse writes outside the rules, leave no write, and return the server copy only when readable', async () => {
    const reviewed = outreachLog(member);
    const clientId = uuidv7();
    await push(app, member, clientId, [putMutation(1, 'fieldLog', reviewed)]);
    const approval = await push(app, leader, uuidv7(), [
      putMutation(1, 'fieldLog', { ...reviewed, reviewStatus: 'approved' }, { base: await versionOf(getDb(), reviewed.id) }),
    ]);
    expect(approval.body.rejected).toEqual([]);

    const before = await tableCounts(getDb());
    const otherTeamLog = outreachLog(otherTeamMember);
    const someoneElses = outreachLog(member, { memberId: leader.profile.user.id });
    const ap3Household = demoId(`household:${DEMO_IDS.hamlets[2]}:0`);
    const mutations: Mutation[] = [
      deleteMutation(2, 'fieldLog', reviewed.id, await versionOf(getDb(), reviewed.id)),
      putMutation(3, 'fieldLog', { ...otherTeamLog, teamId: DEMO_IDS.teamAp3, memberId: member.profile.user.id }),
      putMutation(4, 'fieldLog', someoneElses),
      putMutation(5, 'fieldLog', { ...outreachLog(member), reviewStatus: 'approved' }),
      putMutation(6, 'fieldLog', { ...outreachLog(member), peopleReached: 0 }),
      putMutation(7, 'fieldLog', { ...outreachLog(member), householdIds: [] }),
      { seq: 8, collection: 'fieldLog', id: uuidv7(), op: 'put', base: 0, data: outreachLog(member) },
      putMutation(9, 'tip', { id: uuidv7() }),
      putMutation(10, 'household', household(DEMO_IDS.hamlets[0])),
      putMutation(11, 'campaignPlan', { ...demoCampaignPlan(new Date()), id: uuidv7() }),
      putMutation(12, 'fieldLog', outreachLog(member, { householdIds: [ap3Household] })),
      putMutation(13, 'fieldLog', outreachLog(member, { householdIds: [uuidv7()] })),
      deleteMutation(14, 'household', ap3Household, await versionOf(getDb(), ap3Household)),
    ];
    const { statusCode, body } = await push(app, member, clientId, mutations);
    expect(statusCode).toBe(200);
    expect(body.lastAppliedSeq).toBe(14);
    const reasons = body.rejected.map((r) => [r.seq, r.reason]);
    expect(reasons).toEqual([
      [2, 'forbidden'],
      [3, 'forbidden'],
      [4, 'forbidden'],
      [5, 'forbidden'],
      [6, 'invalid-record'],
      [7, 'invalid-record'],
      [8, 'invalid-record'],
      [9, 'unknown-collection'],
      [10, 'forbidden'],
      [11, 'forbidden'],
      [12, 'bad-reference'],
      [13, 'bad-reference'],
      [14, 'forbidden'],
    ]);
    expect(body.rejected[0]?.message).toBe('Nhật ký đã được tổ trưởng duyệt, không xoá được.');
    expect(body.rejected[4]?.message).toBe('Số người phải từ 1 trở lên');
    expect(body.rejected[4]?.fields).toEqual([{ path: 'peopleReached', message: 'Số người phải từ 1 trở lên' }]);
    expect(body.rejected[5]?.message).toBe('Chọn ít nhất một hộ');
    expect(body.rejected[11]?.message).toBe('Hộ gia đình đã chọn không thuộc các thôn, ấp của tổ (hoặc không còn tồn tại).');
    // The current copy lets the device put the approved log back...
    expect(body.rejected[0]?.current).toMatchObject({ id: reviewed.id, deleted: false, data: { reviewStatus: 'approved', topic: reviewed.topic } });
    expect(body.rejected[2]?.current).toBeNull();
    // ...but a refusal never shows what the user may not read: another hamlet's household.
    expect(body.rejected[12]?.current).toBeNull();
    expect(body.written).toEqual([]);

    const after = await tableCounts(getDb());
    expect(after.records).toBe(before.records);
    expect(after.counter).toBe(before.counter);
    expect((await copiesOf(reviewed.id))[0]?.data).toMatchObject({ reviewStatus: 'approved', topic: reviewed.topic });

    // Replayed: the same rejections, nothing new stored.
    const replay = await push(app, member, clientId, mutations);
    expect(replay.body).toEqual(body);
    expect(await tableCounts(getDb())).toEqual(after);
  });

  it('let a leader review and a member edit and delete a pending log', async () => {
    const log = outreachLog(member);
    const clientId = uuidv7();
    await push(app, member, clientId, [putMutation(1, 'fieldLog', log), putMutation(2, 'fieldLog', { ...log, note: 'Bổ sung' })]);
    const base = { base: await versionOf(getDb(), log.id) };
    const noReason = await push(app, leader, uuidv7(), [putMutation(1, 'fieldLog', { ...log, note: 'Bổ sung', reviewStatus: 'returned' }, base)]);
    expect(noReason.body.rejected).toMatchObject([{ reason: 'review-transition', message: 'Khi trả lại nhật ký, hãy ghi lý do để tổ viên biết cần sửa gì.' }]);
    const returned = await push(app, leader, uuidv7(), [
      putMutation(1, 'fieldLog', { ...log, note: 'Bổ sung', reviewStatus: 'returned', reviewComment: 'Ghi rõ số hộ đã đến' }, base),
    ]);
    expect(returned.body.rejected).toEqual([]);
    expect((await copiesOf(log.id))[0]?.data).toMatchObject({ reviewStatus: 'returned', reviewedBy: leader.profile.user.id });

    // The member fixes it: the server resubmits it, and the leader approves the resubmission.
    const fixed = await push(app, member, clientId, [putMutation(5, 'fieldLog', { ...log, note: 'Đã đến 3 hộ', reviewStatus: 'returned' }, { base: returned.body.written[0]!.version, changed: ['note'] })]);
    expect(fixed.body.written).toMatchObject([{ seq: 5, isChanged: true }]);
    expect((await copiesOf(log.id))[0]?.data).toMatchObject({ reviewStatus: 'resubmitted', note: 'Đã đến 3 hộ' });

    const other = outreachLog(member);
    const result = await push(app, member, clientId, [putMutation(6, 'fieldLog', other), deleteMutation(7, 'fieldLog', other.id)]);
    expect(result.body.rejected).toEqual([]);
    expect(await copiesOf(other.id)).toEqual([{ id: other.id, deleted: true, data: null }]);
  });

  it('refuse a bad envelope with 400 and write nothing', async () => {
    const before = await tableCounts(getDb());
    const log = outreachLog(member);
    const bodies = [
      { protocolVersion: 2, clientId: 'not-a-uuid', mutations: [putMutation(1, 'fieldLog', log)] },
      { protocolVersion: 2, clientId: uuidv7(), mutations: [] },
      { protocolVersion: 2, clientId: uuidv7(), mutations: [putMutation(2, 'fieldLog', log), putMutation(1, 'fieldLog', log)] },
      { protocolVersion: 2, clientId: uuidv7(), mutations: [{ seq: 1, collection: 'fieldLog', id: log.id, op: 'upsert', base: 0 }] },
      { protocolVersion: 2, clientId: uuidv7(), mutations: [{ seq: 1, collection: 'fieldLog', id: log.id, op: 'delete' }] },
      { clientId: uuidv7(), mutations: [putMutation(1, 'fieldLog', log)] },
    ];
    for (const payload of bodies) {
      const response = await app.inject({ method: 'POST', url: apiPaths.push, headers: member.headers, payload });
      expect(response.statusCode).toBe(400);
      const { error } = errorResponseSchema.parse(response.json());
      expect(error.reason).toBe('invalid-request');
      expect(error.fields?.length).toBeGreaterThan(0);
    }
    const xml = await app.inject({ method: 'POST', url: apiPaths.push, headers: { ...member.headers, 'content-type': 'application/xml' }, payload: '<push/>' });
    expect(xml.statusCode).toBe(415);
    expect(errorResponseSchema.parse(xml.json()).error.reason).toBe('invalid-request');
    const malformed = await app.inject({ method: 'POST', url: apiPaths.push, headers: { ...member.headers, 'content-type': 'application/json' }, payload: '{"mutations": [' });
    expect(malformed.statusCode).toBe(400);
    expect(errorResponseSchema.parse(malformed.json()).error.message).toBe('Dữ liệu gửi lên không phải JSON hợp lệ.');
    expect(await tableCounts(getDb())).toEqual(before);
  });

  it('answer "update the app" (426) to a v1 client, never data it would misread, and 401 without a session', async () => {
    const v1Mutation = { seq: 1, collection: 'fieldLog', id: uuidv7(), op: 'delete' };
    const payload = { protocolVersion: 1, clientId: uuidv7(), mutations: [v1Mutation] };
    const before = await tableCounts(getDb());
    const old = await app.inject({ method: 'POST', url: apiPaths.push, headers: member.headers, payload });
    expect(old.statusCode).toBe(426);
    expect(errorResponseSchema.parse(old.json()).error).toMatchObject({ reason: 'client-too-old', message: 'Ứng dụng đã cũ, hãy cập nhật để tiếp tục đồng bộ.' });
    const oldPull = await app.inject({ method: 'POST', url: apiPaths.pull, headers: member.headers, payload: { protocolVersion: 1, clientId: uuidv7(), cursor: 0 } });
    expect(oldPull.statusCode).toBe(426);
    expect(await tableCounts(getDb())).toEqual(before);
    const anonymous = await app.inject({ method: 'POST', url: apiPaths.push, payload: { ...payload, protocolVersion: 2 } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answer 409 when another account uses a device id, writing nothing', async () => {
    const clientId = uuidv7();
    await push(app, member, clientId, [putMutation(1, 'fieldLog', outreachLog(member))]);
    const before = await tableCounts(getDb());
    const stolen = await push(app, leader, clientId, [putMutation(2, 'fieldLog', outreachLog(leader))]);
    expect(stolen.statusCode).toBe(409);
    expect(errorResponseSchema.parse(stolen.body).error.reason).toBe('client-mismatch');
    const pullResponse = await app.inject({ method: 'POST', url: apiPaths.pull, headers: leader.headers, payload: { protocolVersion: 2, clientId, cursor: '' } });
    expect(pullResponse.statusCode).toBe(409);
    expect(await tableCounts(getDb())).toEqual(before);
  });
});
