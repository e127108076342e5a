/**
 * A phone's backup imported on another phone of the same account, through the real engine and
 * server on both engines. The old phone has synced entries, and unsent work: an entry edited
 * twice and a new entry. Whether the old phone is lost (never syncs again), syncs before the new
 * one or after it, the server ends with each entry once, with the last edit, no conflict and no
 * refusal, and both phones hold what the server holds.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeBackup, encodeBackup } from '#src/client/db/backup-file.ts';
import { exportBackup, importBackup } from '#src/client/db/backup-repository.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { passwordSeal } from '../client/db/support/backup-seal.ts';
import type { LoginResponse } from '#src/shared/domain/account.ts';
import { forEachDatabase } from '../support/test-databases.ts';
import { loginOverHttp, openHttpDevice, syncUntilDone, teamLog, type HttpDevice } from './support/http-devices.ts';
import { listenDemoServer, type ListeningServer } from './support/listening-server.ts';

type Order = 'the old phone is lost' | 'the old phone syncs first' | 'the new phone syncs first';

forEachDatabase('a backup restored on another phone', (getDb) => {
  let server: ListeningServer;
  let member: LoginResponse;

  beforeAll(async () => {
    server = await listenDemoServer(getDb());
    member = await loginOverHttp(server.url, 'tovien');
  });
  afterAll(async () => {
    await server?.close();
  });

  async function onServer(ids: string[]) {
    const [entries, versions, conflicts] = await Promise.all([
      getDb().query<{ id: string; data: Record<string, unknown> }>(`SELECT id::text, data FROM records WHERE collection = 'fieldLog' AND id = ANY($1::uuid[]) ORDER BY id`, [ids]),
      getDb().query<{ id: string; n: number }>(`SELECT id::text, count(*)::int AS n FROM record_changes WHERE id = ANY($1::uuid[]) GROUP BY id ORDER BY id`, [ids]),
      getDb().query(`SELECT id FROM records WHERE collection = 'conflict' AND data->>'recordId' = ANY($1::text[])`, [ids]),
    ]);
    return { entries, versions: Object.fromEntries(versions.map((row) => [row.id, row.n])), conflicts: conflicts.length };
  }

  async function entriesOn(phone: HttpDevice, ids: string[]) {
    const rows = await phone.db.fieldLog.where('id').anyOf(ids).sortBy('id');
    return rows.map(({ serverVersion: _version, ...entry }) => entry);
  }

  it.each<Order>(['the old phone is lost', 'the old phone syncs first', 'the new phone syncs first'])('holds each entry once when %s', async (order) => {
    const oldPhone = await openHttpDevice(server.url, member, 'old');
    const [synced, edited] = [teamLog(member, { topic: 'Đã gửi' }), teamLog(member, { topic: 'Sẽ sửa hai lần' })];
    await putRecord(oldPhone.db, 'fieldLog', synced);
    await putRecord(oldPhone.db, 'fieldLog', edited);
    await syncUntilDone(oldPhone);
    const copy = (await oldPhone.db.fieldLog.get(edited.id))!;
    await putRecord(oldPhone.db, 'fieldLog', { ...copy, peopleReached: 8, updatedAt: new Date(Date.now() + 1).toISOString() });
    const last = { ...copy, peopleReached: 8, note: 'Hộ vắng nhà, hẹn lại', updatedAt: new Date(Date.now() + 2).toISOString() };
    await putRecord(oldPhone.db, 'fieldLog', last);
    const unsent = teamLog(member, { topic: 'Chưa gửi' });
    await putRecord(oldPhone.db, 'fieldLog', unsent);

    // Encrypted with the old phone's key; the new phone opens it with the account's password.
    const file = await decodeBackup((await encodeBackup(await exportBackup(oldPhone.db), await passwordSeal('antt2026'))).bytes, { secret: 'antt2026' });
    const newPhone = await openHttpDevice(server.url, await loginOverHttp(server.url, 'tovien'), 'new');
    expect(await importBackup(newPhone.db, file)).toMatchObject({ queued: 2 });

    const phones = order === 'the old phone is lost' ? [newPhone] : order === 'the old phone syncs first' ? [oldPhone, newPhone] : [newPhone, oldPhone];
    for (const phone of phones) expect((await syncUntilDone(phone)).rejected).toBe(0);
    for (const phone of phones) await syncUntilDone(phone);

    const ids = [synced.id, edited.id, unsent.id].sort();
    const facts = await onServer(ids);
    expect(facts.entries.map((row) => row.id)).toEqual(ids);
    expect(facts.entries.find((row) => row.id === edited.id)?.data).toMatchObject({ peopleReached: 8, note: 'Hộ vắng nhà, hẹn lại' });
    expect(facts.conflicts).toBe(0);
    // One version per write: the entry synced once, its folded edit once, the new entry once.
    expect(facts.versions).toEqual({ [synced.id]: 1, [edited.id]: 2, [unsent.id]: 1 });
    for (const phone of phones) {
      expect(await entriesOn(phone, ids)).toEqual(facts.entries.map((row) => row.data));
      expect(await phone.db.outbox.count()).toBe(0);
    }
  });
});
