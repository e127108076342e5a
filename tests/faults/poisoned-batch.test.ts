/**
 * One poisoned record among valid ones in a push batch, through the real engine and server: the
 * valid records land, each once; the poisoned one is refused alone and set aside on the phone with
 * its Vietnamese reason and the data as sent, its local copy taken back (the server has none);
 * nothing stays in the outbox. Poisons the device's own checks let through (a reference or a day
 * only the server can judge, another author), and records an older app version saved without
 * today's checks (a NUL character, a wrong type), written straight into the device's tables.
 */
import { serverVersionOf } from '#src/client/db/server-versions.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AnttDatabase } from '#src/client/db/database.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { syncOnce } from '#src/client/sync/sync-engine.ts';
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { demoId } from '#src/server/db/demo-households.ts';
import type { LoginResponse } from '#src/shared/domain/account.ts';
import type { OutreachLog } from '#src/shared/domain/field-log.ts';
import type { RejectReason } from '#src/shared/sync/protocol.ts';
import { unstorableMessages } from '#src/shared/sync/storable.ts';
import { forEachDatabase } from '../support/test-databases.ts';
import { loginOverHttp, openHttpDevice, teamLog } from './support/http-devices.ts';
import { listenDemoServer, type ListeningServer } from './support/listening-server.ts';

/** How an older app version stored a record: row and outbox entry, without today's checks. */
async function saveUnchecked(db: AnttDatabase, record: Record<string, unknown>): Promise<void> {
  await db.transaction('rw', db.fieldLog, db.outbox, async () => {
    await db.table('fieldLog').put(record);
    await db.outbox.add({ collection: 'fieldLog', recordId: record.id as string, op: 'put', data: record, base: 0, createdAt: new Date().toISOString() });
  });
}

interface Poison {
  name: string;
  reason: RejectReason;
  message: string | RegExp;
  make: (log: OutreachLog, otherMemberId: string) => Record<string, unknown>;
  isUnchecked?: boolean;
}

const poisons: Poison[] = [
  {
    name: "a household of another team's hamlet", reason: 'bad-reference',
    message: 'Hộ gia đình đã chọn không thuộc các thôn, ấp của tổ (hoặc không còn tồn tại).',
    make: (log) => ({ ...log, householdIds: [demoId(`household:${DEMO_IDS.hamlets[2]}:0`)] }),
  },
  {
    name: 'a day before the team was set up', reason: 'date-out-of-range',
    message: /^Ngày 01\/01\/2020 không hợp lệ/,
    make: (log) => ({ ...log, date: '2020-01-01' }),
  },
  {
    name: 'another member as its author', reason: 'forbidden',
    message: 'Bạn chỉ được sửa nhật ký của chính mình.',
    make: (log, otherMemberId) => ({ ...log, memberId: otherMemberId }),
  },
  {
    name: 'a NUL character, saved by an older app', reason: 'invalid-record', isUnchecked: true,
    message: unstorableMessages['bad-text'],
    make: (log) => ({ ...log, note: 'Ghi chú\u0000hỏng' }),
  },
  {
    name: 'a number written as text, saved by an older app', reason: 'invalid-record', isUnchecked: true,
    message: /.+/,
    make: (log) => ({ ...log, peopleReached: 'mười' }),
  },
];

forEachDatabase('a push batch with one poisoned record', (getDb) => {
  let server: ListeningServer;
  let member: LoginResponse;
  let otherMemberId: string;

  beforeAll(async () => {
    server = await listenDemoServer(getDb());
    member = await loginOverHttp(server.url, 'tovien');
    otherMemberId = (await loginOverHttp(server.url, 'tovien2')).profile.user.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  async function countOnServer(ids: string[]): Promise<number> {
    const rows = await getDb().query<{ n: number }>(`SELECT count(*)::int AS n FROM records WHERE collection = 'fieldLog' AND id = ANY($1::uuid[])`, [ids]);
    return rows[0]!.n;
  }

  it.each(poisons)('delivers the valid records and sets aside $name', async ({ reason, message, make, isUnchecked }) => {
    const phone = await openHttpDevice(server.url, member, 'phone');
    const valid = Array.from({ length: 4 }, (_, i) => teamLog(member, { peopleReached: i + 1 }));
    const poisoned = make(teamLog(member, { topic: 'Bản ghi hỏng' }), otherMemberId);
    for (const log of valid.slice(0, 2)) await putRecord(phone.db, 'fieldLog', log);
    if (isUnchecked) await saveUnchecked(phone.db, poisoned);
    else await putRecord(phone.db, 'fieldLog', poisoned);
    for (const log of valid.slice(2)) await putRecord(phone.db, 'fieldLog', log);

    expect(await syncOnce(phone.db, phone.transport)).toMatchObject({ pushed: 5, rejected: 1 });

    expect(await countOnServer(valid.map((log) => log.id))).toBe(4);
    expect(await countOnServer([poisoned.id as string])).toBe(0);
    const [rejection, ...others] = await phone.db.rejections.toArray();
    expect(others).toEqual([]);
    expect(rejection).toMatchObject({ collection: 'fieldLog', recordId: poisoned.id, reason, status: 'open', data: poisoned });
    expect(rejection!.message).toMatch(message);
    expect(await phone.db.fieldLog.get(poisoned.id as string)).toBeUndefined();
    for (const log of valid) {
      expect(await phone.db.fieldLog.get(log.id)).toMatchObject(log);
      expect(await serverVersionOf(phone.db, 'fieldLog', log.id, await phone.db.fieldLog.get(log.id))).toBeGreaterThan(0);
    }
    expect(await phone.db.outbox.count()).toBe(0);
  });
});
