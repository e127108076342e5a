/**
 * A phone whose clock is a day fast or slow (no network time in a rural hamlet, a flat battery
 * that reset it): the entry's day, `createdAt`, `updatedAt` and its id (UUIDv7) all come from
 * that clock. The server accepts a day either way (entry-checks.ts), stores the entry exactly as
 * sent, and every other phone receives it unchanged. Two days fast is refused with its reason
 * and set aside on the phone for its author to fix; the rest of the phone's work still lands.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { putRecord } from '#src/client/db/record-repository.ts';
import { syncOnce } from '#src/client/sync/sync-engine.ts';
import type { LoginResponse } from '#src/shared/domain/account.ts';
import { forEachDatabase } from '../support/test-databases.ts';
import { loginOverHttp, openHttpDevice, syncUntilDone, teamLog } from './support/http-devices.ts';
import { listenDemoServer, type ListeningServer } from './support/listening-server.ts';

const DAY_MS = 24 * 3600_000;

forEachDatabase('a phone with a wrong clock', (getDb) => {
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

  async function serverEntry(id: string) {
    const rows = await getDb().query<{ data: Record<string, unknown> }>(`SELECT data FROM records WHERE collection = 'fieldLog' AND id = $1`, [id]);
    return rows[0]?.data;
  }

  it.each([
    ['a day fast', DAY_MS],
    ['a day slow', -DAY_MS],
  ])('keeps the day and instants of a phone whose clock is %s', async (_, skewMs) => {
    const phoneClock = () => new Date(Date.now() + skewMs);
    const phone = await openHttpDevice(server.url, member, 'skewed');
    const log = teamLog(member, { topic: `Đồng hồ lệch ${skewMs > 0 ? '+' : '-'}1 ngày` }, phoneClock());
    await putRecord(phone.db, 'fieldLog', log, phoneClock());

    const result = await syncOnce(phone.db, phone.transport, { now: phoneClock });
    expect(result).toMatchObject({ pushed: 1, rejected: 0 });
    expect(await serverEntry(log.id)).toEqual(log);

    const leaderPhone = await openHttpDevice(server.url, leader, 'leader');
    await syncUntilDone(leaderPhone);
    const { serverVersion: _version, ...received } = (await leaderPhone.db.fieldLog.get(log.id))!;
    expect(received).toEqual(log);
  });

  it('sets aside, with its reason, an entry dated two days ahead, and still delivers the rest', async () => {
    const twoDaysFast = () => new Date(Date.now() + 2 * DAY_MS);
    const phone = await openHttpDevice(server.url, member, 'far-ahead');
    const ahead = teamLog(member, { topic: 'Ngày ở tương lai' }, twoDaysFast());
    const today = teamLog(member, { topic: 'Ngày hôm nay' });
    await putRecord(phone.db, 'fieldLog', ahead, twoDaysFast());
    await putRecord(phone.db, 'fieldLog', today);

    expect(await syncOnce(phone.db, phone.transport, { now: twoDaysFast })).toMatchObject({ pushed: 2, rejected: 1 });
    expect(await serverEntry(ahead.id)).toBeUndefined();
    expect(await serverEntry(today.id)).toEqual(today);
    expect(await phone.db.rejections.toArray()).toEqual([expect.objectContaining({
      recordId: ahead.id, reason: 'date-out-of-range', status: 'open', data: ahead,
      message: expect.stringMatching(/^Ngày \d{2}\/\d{2}\/\d{4} không hợp lệ: ngày làm việc phải từ 01\/07\/2024 đến \d{2}\/\d{2}\/\d{4}\.$/),
    })]);
    expect(await phone.db.fieldLog.get(ahead.id)).toBeUndefined();
    expect(await phone.db.outbox.count()).toBe(0);
  });
});
