/**
 * A bad network between phones and the real server process, made by a TCP proxy
 * (tests/support/tcp-proxy.ts) on 127.0.0.1:
 * - the answer to a push is lost (or cut in half) after the server committed it, and the phone
 *   retries: one copy, one version, and the phone learns the version it was not told;
 * - connections are reset, requests cut midway, answers lost or cut, exchanges delayed beyond the
 *   phone's timeout (the request reaching the server after the phone gave up), at random from a
 *   seed, while three phones (two members and the leader) create, edit and approve entries: once
 *   the network is good again, every phone holds exactly what the server holds, nothing waits,
 *   and every entry created exists once.
 */
import { serverVersionOf } from '#src/client/db/server-versions.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { putRecord } from '#src/client/db/record-repository.ts';
import { syncOnce } from '#src/client/sync/sync-engine.ts';
import { seededRandom } from '#src/server/db/demo-households.ts';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { FaultyProxy, fates, type Fate } from '../support/tcp-proxy.ts';
import { SyncError } from '#src/client/sync/http-transport.ts';
import { loginOverHttp, openHttpDevice, syncUntilDone, teamLog, type HttpDevice } from './support/http-devices.ts';
import { createServerStorage, forEachEngine, type ServerStorage } from './support/server-storage.ts';

const ROUNDS = 8;
const NEW_PER_ROUND = 10;

/** What a phone holds, comparable across phones: entries and conflicts without device-only fields. */
async function holdings(phone: HttpDevice) {
  const strip = <T extends Record<string, unknown>>({ serverVersion: _version, ...row }: T) => row;
  return {
    entries: (await phone.db.fieldLog.orderBy('id').toArray()).map(strip),
    conflicts: (await phone.db.conflict.orderBy('id').toArray()).map(strip),
  };
}

forEachEngine('a flaky network between phones and server', (kind) => {
  let storage: ServerStorage;
  let server: RunningServer;
  let proxy: FaultyProxy;

  beforeAll(async () => {
    storage = await createServerStorage(kind);
    server = await startServer(storage.env);
    proxy = new FaultyProxy({ targetPort: Number(new URL(server.url).port), seed: 7, weights: { pass: 1 } });
    await proxy.listen();
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.stop('SIGKILL');
    await storage?.dispose();
  });

  it.each<Fate>(['drop-response', 'cut-response'])('keeps one copy when a committed push meets %s and the phone retries', async (fate) => {
    const member = await loginOverHttp(server.url, 'tovien');
    const phone = await openHttpDevice(proxy.url, member, 'phone');
    const observer = await openHttpDevice(server.url, await loginOverHttp(server.url, 'totruong'), 'observer');
    await syncUntilDone(observer);
    const log = teamLog(member, { peopleReached: 3 });
    await putRecord(phone.db, 'fieldLog', log);
    const edited = { ...log, peopleReached: 5, updatedAt: new Date(Date.now() + 1).toISOString() };
    await putRecord(phone.db, 'fieldLog', edited);

    proxy.force(fate);
    await expect(syncOnce(phone.db, phone.transport)).rejects.toBeInstanceOf(SyncError);
    expect(await phone.db.outbox.count()).toBe(2);
    expect((await syncOnce(observer.db, observer.transport)).pulled).toBe(1);
    const committed = (await observer.db.fieldLog.get(log.id))!;
    expect(committed).toEqual({ ...edited, serverVersion: expect.any(Number) });

    await syncOnce(phone.db, phone.transport);
    expect(await phone.db.outbox.count()).toBe(0);
    expect(await serverVersionOf(phone.db, 'fieldLog', log.id, await phone.db.fieldLog.get(log.id))).toBe(committed.serverVersion);
    // The retry changed nothing on the server: no new version for anyone to pull.
    expect((await syncOnce(observer.db, observer.transport)).pulled).toBe(0);
  });

  it('converges when connections fail at random while three phones work', async () => {
    proxy = new FaultyProxy({
      targetPort: Number(new URL(server.url).port), seed: 2026,
      weights: { pass: 6, reset: 1, 'cut-request': 1, 'drop-response': 1, 'cut-response': 1, delay: 2 },
      maxDelayMs: 1_200,
    });
    await proxy.listen();
    const users = ['tovien', 'tovien2', 'totruong'] as const;
    const phones = await Promise.all(users.map(async (username) =>
      openHttpDevice(proxy.url, await loginOverHttp(server.url, username), username, { timeoutMs: 1_000 })));
    const created: string[] = [];
    let failures = 0;
    const onFailure = () => (failures += 1);

    await Promise.all(phones.map(async (phone, index) => {
      const random = seededRandom(100 + index);
      for (let round = 0; round < ROUNDS; round += 1) {
        await workOffline(phone, random, created);
        await syncUntilDone(phone, { onFailure, pauseMs: 20, pullLimit: 40 });
      }
    }));
    proxy.calm();
    for (let pass = 0; pass < 2; pass += 1) for (const phone of phones) await syncUntilDone(phone);

    console.info(`[${kind}] ${failures} failed sync runs retried; fates ${JSON.stringify(proxy.counts)}`);
    for (const fate of fates) expect(proxy.counts[fate], fate).toBeGreaterThan(0);
    const [first, ...others] = await Promise.all(phones.map(holdings));
    expect(first!.entries.map((entry) => entry.id)).toEqual(expect.arrayContaining(created));
    for (const other of others) expect(other).toEqual(first);
    const serverView = await openHttpDevice(server.url, await loginOverHttp(server.url, 'congan'), 'police');
    await syncUntilDone(serverView);
    const onServer = await holdings(serverView);
    expect(onServer.entries).toEqual(first!.entries);
    expect(onServer.conflicts).toEqual(first!.conflicts);
    for (const phone of phones) {
      expect(await phone.db.outbox.count()).toBe(0);
      expect(await phone.db.rejections.count()).toBe(0);
    }
    await proxy.close();
  });

  /** New entries, edits of one's own entries still editable, and the leader's approvals. */
  async function workOffline(phone: HttpDevice, random: () => number, created: string[]): Promise<void> {
    const now = () => new Date().toISOString();
    const userId = phone.session.profile.user.id;
    if (phone.session.profile.user.role === 'leader') {
      const pending = await phone.db.fieldLog.filter((entry) => entry.reviewStatus === 'pending' && entry.memberId !== userId).toArray();
      for (const entry of pending.filter(() => random() < 0.3)) {
        await putRecord(phone.db, 'fieldLog', { ...entry, reviewStatus: 'approved', updatedAt: now() });
      }
    }
    const own = await phone.db.fieldLog.filter((entry) => entry.memberId === userId && entry.reviewStatus !== 'approved').toArray();
    for (const entry of own.filter(() => random() < 0.3)) {
      const change: Partial<FieldLog> = random() < 0.5 ? { peopleReached: 1 + Math.floor(random() * 50) } : { note: `Sửa lúc ${now()}` };
      await putRecord(phone.db, 'fieldLog', { ...entry, ...change, updatedAt: now() });
    }
    for (let i = 0; i < NEW_PER_ROUND; i += 1) {
      const log = teamLog(phone.session, { peopleReached: 1 + Math.floor(random() * 30) });
      await putRecord(phone.db, 'fieldLog', log);
      created.push(log.id);
    }
  }
});
