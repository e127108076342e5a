// @vitest-environment node
// The sync engine against the real server: buildApp + in-memory PGlite + demo data, reached by
// the real HTTP transport through app.inject().
import { serverVersionsOf } from '#src/client/db/server-versions.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '#src/shared/domain/account.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { getSyncStatus } from '#src/client/db/sync-state-repository.ts';
import { getSession, saveSession } from '#src/client/db/session-repository.ts';
import { createHttpTransport, SyncError } from '#src/client/sync/http-transport.ts';
import { syncOnce } from '#src/client/sync/sync-engine.ts';
import { createSyncRunner } from '#src/client/sync/sync-runner.ts';
import type { SyncTransport } from '#src/client/sync/transport.ts';
import { apiPaths } from '#src/shared/sync/protocol.ts';
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { getBackfillJob } from '#src/client/db/pull-repository.ts';
import { memberLog, openDevice } from './support/devices.ts';
import { login, resetSyncState, serverTeamLogs, startTestServer, type TestServer } from './support/server-harness.ts';
import { ManualTimers } from './support/manual-timers.ts';

let server: TestServer;
let member: LoginResponse;
let leader: LoginResponse;
let householdIds: string[];

beforeAll(async () => {
  server = await startTestServer();
  member = await login(server, 'tovien');
  leader = await login(server, 'totruong');
  // Households of the team's hamlets: a log may only name those (entry-checks.ts).
  const scopes = member.profile.hamlets.map((hamlet) => `unit:${hamlet.id}`);
  const rows = await server.database.query<{ id: string }>(
    `SELECT id::text FROM records WHERE collection = 'household' AND scope = ANY($1::text[]) ORDER BY id LIMIT 3`,
    [scopes],
  );
  householdIds = rows.map((row) => row.id);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** A transport whose network is down while `isOffline()` says so. */
function unplugged(inner: SyncTransport, isOffline: () => boolean): SyncTransport {
  const guard = <T>(call: () => Promise<T>) => (isOffline() ? Promise.reject(new SyncError('network', null)) : call());
  return { push: (request) => guard(() => inner.push(request)), pull: (request) => guard(() => inner.pull(request)) };
}

describe('sync with the real server', () => {
  it('saves offline, syncs once online, and a second device of the team pulls exactly one copy', async () => {
    await resetSyncState(server);
    const phone = await openDevice(server, member, 'phone');
    let isOffline = true;
    const timers = new ManualTimers();
    const runner = createSyncRunner({ db: phone.db, transport: unplugged(phone.transport, () => isOffline), timers, events: null });

    const logs = [memberLog(member, householdIds), memberLog(member, householdIds.slice(0, 1), { form: 'meeting', peopleReached: 30 })];
    for (const log of logs) await putRecord(phone.db, 'fieldLog', log);
    runner.start();
    await runner.whenIdle();
    expect((await getSyncStatus(phone.db)).lastError?.message).toBe('Không có kết nối mạng');
    expect(await serverTeamLogs(server)).toEqual([]);

    isOffline = false;
    timers.fireAll();
    await runner.whenIdle();
    runner.stop();
    expect(await phone.db.outbox.count()).toBe(0);
    expect((await getSyncStatus(phone.db)).lastError).toBeNull();
    const onServer = await serverTeamLogs(server);
    expect(onServer).toHaveLength(2);
    expect(onServer).toEqual(expect.arrayContaining(logs));

    const leaderPhone = await openDevice(server, leader, 'leader');
    await syncOnce(leaderPhone.db, leaderPhone.transport);
    const pulled = await leaderPhone.db.fieldLog.orderBy('id').toArray();
    expect(pulled.map(({ serverVersion: _version, ...log }) => log)).toEqual(onServer);
    expect(await leaderPhone.db.household.count()).toBe(184 + 262);
    // The phone that wrote them is not sent them back, and keeps the versions it was given.
    const before = await phone.db.fieldLog.toArray();
    expect((await syncOnce(phone.db, phone.transport)).pulled).toBe(0);
    const versions = await serverVersionsOf(phone.db, 'fieldLog', before.map((log) => log.id), before);
    expect(versions.every((version) => version > 0)).toBe(true);
  });

  it('backfills, page by page, the households of a hamlet the team is given, and pulls nothing more after', async () => {
    await resetSyncState(server);
    const leaderPhone = await openDevice(server, leader, 'leader-backfill');
    await syncOnce(leaderPhone.db, leaderPhone.transport, { pullLimit: 100 });
    expect(await leaderPhone.db.household.count()).toBe(184 + 262);
    const [teamAp12, ap3] = [DEMO_IDS.teamAp12, DEMO_IDS.hamlets[2]];
    const owners = await server.database.query<{ teamId: string }>('SELECT team_id::text AS "teamId" FROM team_hamlets WHERE hamlet_id = $1', [ap3]);
    const ap3Team = owners[0]!.teamId;
    await server.database.query('UPDATE team_hamlets SET team_id = $1 WHERE hamlet_id = $2', [teamAp12, ap3]);
    try {
      const result = await syncOnce(leaderPhone.db, leaderPhone.transport, { pullLimit: 100 });
      // The hamlet's households and the hamlet itself (its org unit row).
      expect(result.pulled).toBe(347 + 1);
      expect(await leaderPhone.db.household.where('hamletId').equals(ap3).count()).toBe(347);
      expect(await leaderPhone.db.orgUnit.get(ap3)).toMatchObject({ id: ap3 });
      expect(await leaderPhone.db.household.count()).toBe(184 + 262 + 347);
      expect(await getBackfillJob(leaderPhone.db)).toBeNull();
      expect((await syncOnce(leaderPhone.db, leaderPhone.transport, { pullLimit: 100 })).pulled).toBe(0);
    } finally {
      await server.database.query('UPDATE team_hamlets SET team_id = $1 WHERE hamlet_id = $2', [ap3Team, ap3]);
    }
  });

  it('sends a push of many saves gzipped, and the server stores every entry as saved', async () => {
    await resetSyncState(server);
    const phone = await openDevice(server, member, 'gzip');
    const pushEncodings: (string | null)[] = [];
    const transport = createHttpTransport({
      getSession: () => getSession(phone.db),
      fetch: async (input, init) => {
        if (String(input).endsWith(apiPaths.push)) pushEncodings.push(new Headers(init?.headers).get('content-encoding'));
        return server.fetch(input, init);
      },
    });
    const logs = Array.from({ length: 20 }, () => memberLog(member, householdIds));
    for (const log of logs) await putRecord(phone.db, 'fieldLog', log);

    await syncOnce(phone.db, transport);
    expect(pushEncodings).toEqual(['gzip']);
    expect(await phone.db.outbox.count()).toBe(0);
    expect(await serverTeamLogs(server)).toEqual(expect.arrayContaining(logs));
    expect(await serverTeamLogs(server)).toHaveLength(20);
  });

  it('keeps one copy when the answer to a committed push is lost and the push is retried', async () => {
    await resetSyncState(server);
    const phone = await openDevice(server, member, 'phone');
    let isAnswerLost = true;
    const lossy: SyncTransport = {
      push: async (request) => {
        const answer = await phone.transport.push(request);
        if (isAnswerLost) throw new SyncError('timeout', null);
        return answer;
      },
      pull: (request) => phone.transport.pull(request),
    };
    const log = memberLog(member, householdIds);
    await putRecord(phone.db, 'fieldLog', log);
    await putRecord(phone.db, 'fieldLog', { ...log, peopleReached: 5 });

    await expect(syncOnce(phone.db, lossy)).rejects.toMatchObject({ reason: 'timeout' });
    expect(await serverTeamLogs(server)).toEqual([{ ...log, peopleReached: 5 }]);
    isAnswerLost = false;
    await syncOnce(phone.db, lossy);

    const rows = await server.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM records WHERE collection = 'fieldLog'`);
    expect(rows[0]?.n).toBe(1);
    expect(await phone.db.outbox.count()).toBe(0);
    expect(await phone.db.fieldLog.get(log.id)).toMatchObject({ ...log, peopleReached: 5 });
  });

  it('keeps the approval and shows both values when the member edits offline a log the leader approved', async () => {
    await resetSyncState(server);
    const phone = await openDevice(server, member, 'phone');
    const leaderPhone = await openDevice(server, leader, 'leader');
    const log = memberLog(member, householdIds);
    await putRecord(phone.db, 'fieldLog', log);
    await syncOnce(phone.db, phone.transport);
    await syncOnce(leaderPhone.db, leaderPhone.transport);
    const approved = { ...log, reviewStatus: 'approved' as const };
    await putRecord(leaderPhone.db, 'fieldLog', approved);
    await syncOnce(leaderPhone.db, leaderPhone.transport);

    await putRecord(phone.db, 'fieldLog', { ...log, topic: 'Sửa sau khi đã duyệt' });
    const result = await syncOnce(phone.db, phone.transport);
    expect(result.rejected).toBe(0);
    const [onServer] = await serverTeamLogs(server);
    expect(onServer).toMatchObject({ ...approved, reviewedBy: leader.profile.user.id, reviewedAt: expect.any(String) });
    expect(await phone.db.fieldLog.get(log.id)).toMatchObject({ reviewStatus: 'approved', topic: log.topic });
    const conflicts = await phone.db.conflict.toArray();
    expect(conflicts).toMatchObject([{
      kind: 'edited-after-review', recordId: log.id, status: 'open',
      fields: [{ field: 'topic', values: [{ value: log.topic, isCurrent: true }, { value: 'Sửa sau khi đã duyệt', isCurrent: false, userId: member.profile.user.id }] }],
    }]);
    await syncOnce(leaderPhone.db, leaderPhone.transport);
    expect(await leaderPhone.db.conflict.toArray()).toEqual(conflicts);
  });

  it('reports an unknown token as an expired session and stops retrying', async () => {
    const phone = await openDevice(server, member, 'phone');
    await saveSession(phone.db, { ...member, token: 'not-a-real-token', loggedInAt: new Date().toISOString() });
    const timers = new ManualTimers();
    const runner = createSyncRunner({ db: phone.db, transport: phone.transport, timers, events: null });
    runner.start();
    await runner.whenIdle();
    runner.stop();
    expect(await getSyncStatus(phone.db)).toMatchObject({
      lastError: { reason: 'unauthorized', message: 'Phiên đăng nhập đã hết hạn, hãy đăng nhập lại' },
      nextRetryAt: null,
    });
    expect(timers.delays).toEqual([]);
  });

  it('shows the server words for a wrong password', async () => {
    const transport = createHttpTransport({ fetch: server.fetch, getSession: async () => null });
    await expect(transport.login({ username: 'tovien', password: 'sai-mat-khau' })).rejects.toMatchObject({
      reason: 'unauthorized',
      status: 401,
      message: 'Tên đăng nhập hoặc mật khẩu không đúng',
    });
  });
});
