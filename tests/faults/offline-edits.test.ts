/**
 * Offline edits at device level, on both engines: real devices (Dexie, the sync engine, the HTTP
 * transport) and the real server over TCP. Edits are saved as the app saves them (putRecord, the
 * record with a new `updatedAt`), never hand-made mutations.
 * - two phones edit one entry offline: different fields merge; the same field keeps the first
 *   value and becomes a conflict both phones receive, with both values;
 * - a member edits offline an entry the leader has meanwhile approved: the approval stays, the
 *   member's phone shows it, and the edit becomes a conflict the leader sees.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { putRecord } from '#src/client/db/record-repository.ts';
import type { LoginResponse } from '#src/shared/domain/account.ts';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { forEachDatabase } from '../support/test-databases.ts';
import { loginOverHttp, openHttpDevice, syncUntilDone, teamLog, type HttpDevice } from './support/http-devices.ts';
import { listenDemoServer, type ListeningServer } from './support/listening-server.ts';

let lastStamp = 0;

/** Saves an edit of a device's copy as the form does: the changed fields and a new (strictly later) updatedAt. */
async function editOn(device: HttpDevice, id: string, change: Partial<FieldLog>): Promise<void> {
  const row = await device.db.fieldLog.get(id);
  if (!row) throw new Error(`${device.label} has no entry ${id}`);
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  await putRecord(device.db, 'fieldLog', { ...row, ...change, updatedAt: new Date(lastStamp).toISOString() });
}

forEachDatabase('offline edits at device level', (getDb) => {
  let server: ListeningServer;
  let member: LoginResponse;
  let leader: LoginResponse;

  beforeAll(async () => {
    server = await listenDemoServer(getDb());
    [member, leader] = await Promise.all([loginOverHttp(server.url, 'tovien'), loginOverHttp(server.url, 'totruong')]);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** An entry written on phone A and pulled by `others`: every device starts from its server copy. */
  async function sharedEntry(...others: HttpDevice[]) {
    const phoneA = await openHttpDevice(server.url, member, 'phone-a');
    const log = teamLog(member, { note: '', peopleReached: 4 });
    await putRecord(phoneA.db, 'fieldLog', log);
    await syncUntilDone(phoneA);
    for (const device of others) await syncUntilDone(device);
    return { phoneA, log };
  }

  /** The device's copy of an entry without its device-only version, and its conflicts. */
  async function onDevice(device: HttpDevice, id: string) {
    const { serverVersion: _version, ...entry } = ((await device.db.fieldLog.get(id)) ?? {}) as Record<string, unknown>;
    return { entry, conflicts: await device.db.conflict.where('recordId').equals(id).toArray() };
  }

  async function serverEntry(id: string) {
    const rows = await getDb().query<{ data: FieldLog }>(`SELECT data FROM records WHERE collection = 'fieldLog' AND id = $1`, [id]);
    return rows[0]?.data;
  }
  async function serverConflicts(recordId: string) {
    return getDb().query<{ data: Record<string, unknown> }>(`SELECT data FROM records WHERE collection = 'conflict' AND data->>'recordId' = $1`, [recordId]);
  }

  it('merges edits of different fields made offline on two phones of the author', async () => {
    const phoneB = await openHttpDevice(server.url, member, 'phone-b');
    const { phoneA, log } = await sharedEntry(phoneB);
    // B edits first but syncs last: its older stamp must not turn the entry's updatedAt back.
    await editOn(phoneB, log.id, { note: 'Hộ ông Tư vắng nhà, hẹn lại' });
    await editOn(phoneA, log.id, { peopleReached: 10 });
    const { updatedAt } = (await phoneA.db.fieldLog.get(log.id))!;

    expect((await syncUntilDone(phoneA)).rejected).toBe(0);
    expect((await syncUntilDone(phoneB)).rejected).toBe(0);
    await syncUntilDone(phoneA);

    expect(await serverEntry(log.id)).toMatchObject({ peopleReached: 10, note: 'Hộ ông Tư vắng nhà, hẹn lại', updatedAt });
    expect(await serverConflicts(log.id)).toEqual([]);
    for (const phone of [phoneA, phoneB]) {
      expect(await onDevice(phone, log.id)).toEqual({ entry: await serverEntry(log.id), conflicts: [] });
      expect(await phone.db.outbox.count()).toBe(0);
    }
  });

  it('keeps the first value of a field changed on two phones and gives both phones the conflict', async () => {
    const phoneB = await openHttpDevice(server.url, member, 'phone-b');
    const { phoneA, log } = await sharedEntry(phoneB);
    await editOn(phoneA, log.id, { note: 'Hộ ông Tư vắng nhà' });
    await editOn(phoneB, log.id, { note: 'Đã gặp ông Tư', peopleReached: 6 });

    await syncUntilDone(phoneA);
    expect((await syncUntilDone(phoneB)).rejected).toBe(0);
    await syncUntilDone(phoneA);

    const stored = await serverEntry(log.id);
    expect(stored).toMatchObject({ note: 'Hộ ông Tư vắng nhà', peopleReached: 6 });
    const conflicts = (await serverConflicts(log.id)).map((row) => row.data);
    expect(conflicts).toMatchObject([{
      kind: 'concurrent-edit', status: 'open',
      fields: [{ field: 'note', values: [{ value: 'Hộ ông Tư vắng nhà', isCurrent: true }, { value: 'Đã gặp ông Tư', isCurrent: false }] }],
    }]);
    for (const phone of [phoneA, phoneB]) {
      expect(await onDevice(phone, log.id)).toEqual({ entry: stored, conflicts: conflicts.map((conflict) => expect.objectContaining(conflict)) });
      expect(await phone.db.outbox.count()).toBe(0);
    }
  });

  it('keeps the approval when the member edits offline an entry the leader approved meanwhile', async () => {
    const leaderPhone = await openHttpDevice(server.url, leader, 'leader');
    const { phoneA, log } = await sharedEntry(leaderPhone);
    const copy = (await leaderPhone.db.fieldLog.get(log.id))!;
    await putRecord(leaderPhone.db, 'fieldLog', { ...copy, reviewStatus: 'approved', reviewComment: 'Tốt', updatedAt: new Date().toISOString() });
    await syncUntilDone(leaderPhone);
    await editOn(phoneA, log.id, { topic: 'Sửa sau khi đã duyệt' });

    expect((await syncUntilDone(phoneA)).rejected).toBe(0);
    await syncUntilDone(leaderPhone);

    const stored = await serverEntry(log.id);
    expect(stored).toMatchObject({ reviewStatus: 'approved', reviewedBy: leader.profile.user.id, topic: log.topic });
    const conflicts = (await serverConflicts(log.id)).map((row) => row.data);
    expect(conflicts).toMatchObject([{
      kind: 'edited-after-review',
      fields: [{ field: 'topic', values: [{ value: log.topic, isCurrent: true }, { value: 'Sửa sau khi đã duyệt', userId: member.profile.user.id }] }],
    }]);
    for (const phone of [phoneA, leaderPhone]) {
      expect(await onDevice(phone, log.id)).toEqual({ entry: stored, conflicts: conflicts.map((conflict) => expect.objectContaining(conflict)) });
    }
  });
});
