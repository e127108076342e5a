// @vitest-environment node
// A revoked phone (fake-indexeddb, the real server through app.inject): on its next contact it
// pushes what waits, and only once that is on the server erases the account's database and its
// place in the phone's account list, leaving the notice the login screen shows.
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPaths, pathFor } from '#src/shared/domain/admin.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { AnttDatabase } from '#src/client/db/database.ts';
import { DeviceDatabase } from '#src/client/db/device-database.ts';
import { eraseRevokedAccount, getActiveAccount, signInAccount } from '#src/client/db/account-repository.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { getSession } from '#src/client/db/session-repository.ts';
import { createHttpTransport } from '#src/client/sync/http-transport.ts';
import { createSyncRunner } from '#src/client/sync/sync-runner.ts';
import { memberLog } from './support/devices.ts';
import { ManualTimers } from './support/manual-timers.ts';
import { login, resetSyncState, serverTeamLogs, startTestServer, type TestServer } from './support/server-harness.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('a revoked device', () => {
  it('erases itself only after its pending work has landed on the server', async () => {
    await resetSyncState(server);
    const device = new DeviceDatabase(`device-${uuidv7()}`);
    const answer = await login(server, 'tovien');
    await signInAccount(device, answer);
    const account = (await getActiveAccount(device))!;
    const db = new AnttDatabase(account.dbName);
    const transport = createHttpTransport({ fetch: server.fetch, getSession: () => getSession(db) });

    const households = await server.database.query<{ id: string }>(
      `SELECT id::text FROM records WHERE collection = 'household' AND scope = ANY($1::text[]) ORDER BY id LIMIT 1`,
      [answer.profile.hamlets.map((hamlet) => `unit:${hamlet.id}`)],
    );
    const logs = [memberLog(answer, households.map((row) => row.id)), memberLog(answer, households.map((row) => row.id), { form: 'meeting' })];
    for (const log of logs) await putRecord(db, 'fieldLog', log);

    const mine = await server.app.inject({ method: 'GET', url: adminPaths.mySessions, headers: { authorization: `Bearer ${answer.token}` } });
    const sessionId = (mine.json().sessions as { id: string }[])[0]!.id;
    const leader = await login(server, 'totruong');
    const revoked = await server.app.inject({ method: 'POST', url: pathFor(adminPaths.sessionRevoke, sessionId), headers: { authorization: `Bearer ${leader.token}` } });
    expect(revoked.statusCode).toBe(204);

    let serverLogsAtErase: string[] | null = null;
    let erased!: () => void;
    const isErased = new Promise<void>((resolve) => (erased = resolve));
    const runner = createSyncRunner({
      db, transport, timers: new ManualTimers(), events: null,
      onRevoked: () => {
        runner.stop();
        void (async () => {
          serverLogsAtErase = (await serverTeamLogs(server)).map((row) => row.id as string).sort();
          await eraseRevokedAccount(device, db, answer.profile.user.id);
          erased();
        })();
      },
    });
    runner.start();
    await isErased;

    expect(serverLogsAtErase).toEqual(logs.map((log) => log.id).sort());
    expect(await Dexie.exists(account.dbName)).toBe(false);
    expect(await device.accounts.toArray()).toEqual([]);
    expect(await getActiveAccount(device)).toBeNull();
    expect((await device.meta.get('revokedNotice'))?.value).toMatchObject({ displayName: answer.profile.user.displayName });
    await device.delete();
  });
});
