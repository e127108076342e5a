/**
 * The server process is killed with SIGKILL again and again while three phones sync 5,000
 * entries (each kill lands while a push or pull is on the wire: before, during or after its
 * commit), and started again each time on the same data (the PGlite folder; the PostgreSQL
 * database). The phones are the real client (Dexie, sync engine, HTTP transport, Node's fetch to
 * 127.0.0.1); they retry as the runner would. At the end the server holds exactly the 5,000
 * entries, each written once (one version each: no batch applied twice), with no conflict and
 * no refusal, and every phone holds all 5,000.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { putRecords } from '#src/client/db/record-repository.ts';
import { seededRandom } from '#src/server/db/demo-households.ts';
import type { Database } from '#src/server/db/database.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { ap1Household, loginOverHttp, openHttpDevice, syncUntilDone, teamLog, type HttpDevice } from './support/http-devices.ts';
import { createServerStorage, forEachEngine, type ServerStorage } from './support/server-storage.ts';

const ENTRIES = 5_000;
const KILLS = 4;
const PHONES = ['tovien', 'tovien2', 'topho'] as const;

forEachEngine('the server killed again and again during a sync', (kind) => {
  let storage: ServerStorage;
  let server: RunningServer;
  let port: string;

  beforeAll(async () => {
    storage = await createServerStorage(kind);
    server = await startServer(storage.env);
    port = new URL(server.url).port;
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await storage?.dispose();
  });

  /** Reads the server's tables (a PGlite folder only while its server is stopped). */
  async function inspect<T>(read: (database: Database) => Promise<T>): Promise<T> {
    if (kind === 'pglite') await server.stop('SIGTERM');
    const database = await storage.open();
    try {
      return await read(database);
    } finally {
      await database.close();
    }
  }

  it('ends with every entry once on the server and on every phone', async () => {
    const inFlight = { push: 0, pull: 0 };
    const trackedFetch: typeof fetch = async (input, init) => {
      const path = String(input).endsWith('/push') ? 'push' : 'pull';
      inFlight[path] += 1;
      try {
        return await fetch(input, init);
      } finally {
        inFlight[path] -= 1;
      }
    };
    const phones: HttpDevice[] = [];
    const created: string[] = [];
    for (const [index, username] of PHONES.entries()) {
      const session = await loginOverHttp(server.url, username);
      const phone = await openHttpDevice(server.url, session, username, { fetch: trackedFetch });
      const count = Math.floor(ENTRIES / PHONES.length) + (index < ENTRIES % PHONES.length ? 1 : 0);
      const logs = Array.from({ length: count }, (_, i) => teamLog(session, { householdIds: [ap1Household(i % 184)], peopleReached: 1 + (i % 40), note: `Lần ${i + 1} của ${username}` }));
      await putRecords(phone.db, 'fieldLog', logs);
      created.push(...logs.map((log) => log.id));
      phones.push(phone);
    }

    const random = seededRandom(20_260_301);
    const kills: Array<'push' | 'pull'> = [];
    let failures = 0;
    const syncing = Promise.all(phones.map((phone) => syncUntilDone(phone, { pauseMs: 100, maxFailures: 400, pullLimit: 500, onFailure: () => (failures += 1) })));
    for (let k = 0; k < KILLS; k += 1) {
      while (inFlight.push + inFlight.pull === 0) await sleep(2);
      await sleep(Math.floor(random() * 120));
      kills.push(inFlight.push > 0 ? 'push' : 'pull');
      await server.stop('SIGKILL');
      server = await startServer({ ...storage.env, PORT: port });
    }
    await syncing;
    // Phones that finished before the last pushes of the others pull those now.
    for (const phone of phones) await syncUntilDone(phone);

    console.info(`[${kind}] kills during ${kills.join(', ')}; ${failures} failed sync runs retried`);
    expect(kills).toHaveLength(KILLS);
    expect(kills).toContain('push');
    const expected = [...created].sort();
    for (const phone of phones) {
      expect(await phone.db.outbox.count()).toBe(0);
      expect(await phone.db.rejections.count()).toBe(0);
      expect((await phone.db.fieldLog.orderBy('id').primaryKeys()).sort()).toEqual(expected);
    }
    const facts = await inspect(async (database) => ({
      entries: (await database.query<{ id: string }>(`SELECT id::text FROM records WHERE collection = 'fieldLog' AND NOT deleted ORDER BY id`)).map((row) => row.id),
      versions: (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_changes WHERE collection = 'fieldLog'`))[0]!.n,
      conflicts: (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM records WHERE collection = 'conflict'`))[0]!.n,
      refusals: (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM sync_rejections'))[0]!.n,
    }));
    expect(facts.entries).toHaveLength(ENTRIES);
    expect(facts.entries).toEqual(expected);
    expect(facts).toMatchObject({ versions: ENTRIES, conflicts: 0, refusals: 0 });
  });
});
