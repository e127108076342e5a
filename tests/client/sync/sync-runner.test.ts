// The runner: when it syncs, how it backs off, what the user sees, and that runs never overlap.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { putRecord } from '#src/client/db/record-repository.ts';
import { getSyncStatus } from '#src/client/db/sync-state-repository.ts';
import { SyncError } from '#src/client/sync/http-transport.ts';
import { BACKOFF_CAP_MS, backoffCeiling, IDLE_INTERVAL_MS } from '#src/client/sync/retry-policy.ts';
import {
  createSyncRunner,
  getAppSyncRunner,
  requestSync,
  startAppSyncRunner,
  stopAppSyncRunner,
  type SyncRunner,
  type SyncRunnerOptions,
} from '#src/client/sync/sync-runner.ts';
import { freshDatabase, outreachLog } from './support/fixtures.ts';
import { ManualTimers } from './support/manual-timers.ts';
import { ScriptedTransport } from './support/scripted-transport.ts';

const NOW = new Date('2025-03-14T02:00:00.000Z');
const runners: SyncRunner[] = [];

afterEach(async () => {
  for (const runner of runners.splice(0)) {
    runner.stop();
    await runner.whenIdle();
  }
  await stopAppSyncRunner();
});

function setup(overrides: Partial<SyncRunnerOptions> = {}) {
  const db = freshDatabase();
  const transport = new ScriptedTransport();
  const timers = new ManualTimers();
  const runner = createSyncRunner({ db, transport, timers, now: () => NOW, random: () => 0.5, ...overrides });
  runners.push(runner);
  return { db, transport, timers, runner };
}

describe('sync runner', () => {
  it('syncs at start, records success and then waits the idle interval', async () => {
    const { db, transport, timers, runner } = setup();
    await putRecord(db, 'fieldLog', outreachLog());
    runner.start();
    await runner.whenIdle();

    expect(transport.server.liveData('fieldLog')).toHaveLength(1);
    expect(await getSyncStatus(db)).toMatchObject({ lastSuccessAt: NOW.toISOString(), lastError: null, runningSince: null, consecutiveFailures: 0 });
    expect(timers.delays).toEqual([IDLE_INTERVAL_MS]);
  });

  it('shows a failed sync in Vietnamese, retries after a growing jittered backoff, and recovers', async () => {
    let randomValue = 0.999;
    const { db, transport, timers, runner } = setup({ random: () => randomValue });
    await putRecord(db, 'fieldLog', outreachLog());
    transport.failure = new SyncError('network', null);
    runner.start();
    await runner.whenIdle();

    const status = await getSyncStatus(db);
    expect(status.lastError).toEqual({ reason: 'network', message: 'Không có kết nối mạng', at: NOW.toISOString() });
    expect(status.nextRetryAt).toBe(new Date(NOW.getTime() + timers.delays[0]!).toISOString());

    const delays: number[] = [];
    for (let failures = 1; failures <= 10; failures++) {
      expect(timers.delays).toHaveLength(1);
      delays.push(timers.delays[0]!);
      expect(timers.delays[0]).toBeLessThan(backoffCeiling(failures));
      expect(timers.delays[0]).toBeGreaterThanOrEqual(Math.floor(0.999 * backoffCeiling(failures)));
      timers.fireAll();
      await runner.whenIdle();
    }
    expect(delays.slice(0, 4)).toEqual([1998, 3996, 7992, 15984]);
    expect(delays.at(-1)).toBe(Math.floor(0.999 * BACKOFF_CAP_MS));
    expect((await getSyncStatus(db)).consecutiveFailures).toBe(11);

    randomValue = 0.25;
    timers.fireAll();
    await runner.whenIdle();
    expect(timers.delays).toEqual([Math.floor(0.25 * BACKOFF_CAP_MS)]);

    transport.failure = null;
    timers.fireAll();
    await runner.whenIdle();
    expect(transport.server.liveData('fieldLog')).toHaveLength(1);
    expect(await getSyncStatus(db)).toMatchObject({ lastError: null, nextRetryAt: null, consecutiveFailures: 0 });
    expect(timers.delays).toEqual([IDLE_INTERVAL_MS]);
  });

  it('stops retrying on 401 until an explicit request, and ignores focus meanwhile', async () => {
    const { db, transport, timers, runner } = setup();
    transport.failure = new SyncError('unauthorized', 401);
    runner.start();
    await runner.whenIdle();

    expect(await getSyncStatus(db)).toMatchObject({
      lastError: { reason: 'unauthorized', message: 'Phiên đăng nhập đã hết hạn, hãy đăng nhập lại' },
      nextRetryAt: null,
    });
    expect(timers.delays).toEqual([]);
    const callsAfterFailure = transport.calls;
    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('online'));
    await runner.whenIdle();
    expect(transport.calls).toBe(callsAfterFailure);

    transport.failure = null;
    runner.requestSync('login');
    await runner.whenIdle();
    expect(transport.calls).toBeGreaterThan(callsAfterFailure);
    expect((await getSyncStatus(db)).lastError).toBeNull();
  });

  it('stops retrying when the app is too old for the server', async () => {
    const { db, transport, timers, runner } = setup();
    transport.failure = new SyncError('client-too-old', 426);
    runner.start();
    await runner.whenIdle();
    expect((await getSyncStatus(db)).lastError?.message).toBe('Ứng dụng đã cũ, hãy cập nhật');
    expect(timers.delays).toEqual([]);
  });

  it('syncs again when the network comes back, starting the backoff over', async () => {
    const { db, transport, timers, runner } = setup({ random: () => 0.999 });
    transport.failure = new SyncError('network', null);
    runner.start();
    await runner.whenIdle();
    for (let i = 0; i < 4; i++) {
      timers.fireAll();
      await runner.whenIdle();
    }
    expect((await getSyncStatus(db)).consecutiveFailures).toBe(5);

    const calls = transport.calls;
    window.dispatchEvent(new Event('online'));
    await runner.whenIdle();
    expect(transport.calls).toBe(calls + 1);
    expect((await getSyncStatus(db)).consecutiveFailures).toBe(1);
    expect(timers.delays).toEqual([Math.floor(0.999 * backoffCeiling(1))]);
  });

  it('does not let focus cut a backoff short, but syncs on focus and on becoming visible when idle', async () => {
    const { transport, runner } = setup();
    transport.failure = new SyncError('server-error', 503);
    runner.start();
    await runner.whenIdle();
    const calls = transport.calls;
    window.dispatchEvent(new Event('focus'));
    await runner.whenIdle();
    expect(transport.calls).toBe(calls);

    const idle = setup();
    idle.runner.start();
    await idle.runner.whenIdle();
    const before = idle.transport.calls;
    window.dispatchEvent(new Event('focus'));
    await idle.runner.whenIdle();
    document.dispatchEvent(new Event('visibilitychange'));
    await idle.runner.whenIdle();
    window.dispatchEvent(new Event('pageshow'));
    await idle.runner.whenIdle();
    // Three syncs; the outbox is empty, so each is one pull.
    expect(idle.transport.calls - before).toBe(3);
    expect(idle.transport.server.pullCalls).toBe(4);
  });

  it('waits out the backoff after a focus during a failing run, but not after an explicit request', async () => {
    const { transport, timers, runner } = setup();
    transport.failure = new SyncError('server-error', 503);
    transport.hold();
    runner.start();
    window.dispatchEvent(new Event('focus'));
    transport.release();
    await runner.whenIdle();
    expect(transport.calls).toBe(1);
    expect(timers.delays).toHaveLength(1);

    transport.hold();
    timers.fireAll();
    runner.requestSync('user-tap');
    transport.release();
    await runner.whenIdle();
    expect(transport.calls).toBe(3);
  });

  it('coalesces requests made during a run into one more run', async () => {
    const { db, transport, runner } = setup();
    runner.start();
    await runner.whenIdle();
    const callsBefore = transport.calls;

    transport.hold();
    await putRecord(db, 'fieldLog', outreachLog());
    runner.requestSync('local-change');
    // The first run's push is on the wire before the next saves.
    await vi.waitFor(() => expect(transport.waiting).toBe(1));
    for (let i = 0; i < 5; i++) {
      await putRecord(db, 'fieldLog', outreachLog());
      runner.requestSync('local-change');
    }
    expect(transport.waiting).toBe(1);
    transport.release();
    await runner.whenIdle();

    // First run: push, pull; the one coalesced rerun: push, pull.
    expect(transport.calls - callsBefore).toBe(4);
    expect(transport.server.liveData('fieldLog')).toHaveLength(6);
    expect(await db.outbox.count()).toBe(0);
  });

  it('never runs two syncs of one database at once, even from two runners', async () => {
    const { db, transport, timers, runner } = setup();
    const second = createSyncRunner({ db, transport, timers, now: () => NOW, random: () => 0.5 });
    runners.push(second);
    transport.hold();
    runner.start();
    second.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    transport.release();
    await Promise.all([runner.whenIdle(), second.whenIdle()]);

    expect(transport.maxActive).toBe(1);
    expect(timers.delays).toContain(1_000);
  });
  it('says the phone is full when pulled changes cannot be stored, keeps the cursor, and retries', async () => {
    const { db, transport, timers, runner } = setup();
    const log = outreachLog();
    transport.server.write('fieldLog', log.id, { ...log });
    db.fieldLog.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    runner.start();
    await runner.whenIdle();
    const status = await getSyncStatus(db);
    expect(status.lastError).toMatchObject({ reason: 'device-error', message: expect.stringContaining('Bộ nhớ máy đã đầy') });
    expect(status.nextRetryAt).not.toBeNull();
    expect(timers.delays).toHaveLength(1);
    expect(await db.fieldLog.count()).toBe(0);
  });
});

describe('app sync runner', () => {
  it('ignores requestSync before start, starts once per database, and syncs on request', async () => {
    const db = freshDatabase();
    const transport = new ScriptedTransport();
    requestSync('local-change');
    expect(getAppSyncRunner()).toBeNull();

    const runner = startAppSyncRunner(db, transport);
    expect(startAppSyncRunner(db, transport)).toBe(runner);
    await runner.whenIdle();
    await putRecord(db, 'fieldLog', outreachLog());
    requestSync('local-change');
    await runner.whenIdle();
    expect(transport.server.liveData('fieldLog')).toHaveLength(1);

    await stopAppSyncRunner();
    expect(getAppSyncRunner()).toBeNull();
  });
});
