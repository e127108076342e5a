/**
 * The sync runner: decides when `syncOnce` runs and records how it went in the sync status.
 *
 * When: at start, after local saves (features call `requestSync('local-change')`), when the
 * network comes back (`online`, which also forgets the backoff), when the app is shown again
 * (focus, `visibilitychange` to visible, `pageshow`), and every 5 minutes while idle. A failure
 * is retried after an exponential backoff with full jitter (visible as `nextRetryAt`); while a
 * retry waits, focus and the idle timer do not shorten it. 401/426/409 stop automatic retries
 * until the next explicit `requestSync` (e.g. after login).
 *
 * A run pushes and pulls records, then uploads the photos waiting (photo-upload.ts); a photo's
 * network failure is the run's failure, retried like any other.
 *
 * Order and concurrency: one run at a time per device database across tabs (sync-lock.ts).
 * Requests during a run coalesce into one more run after it, never N. A stopped runner lets
 * the current run finish (its writes are transactions) and schedules nothing more.
 */
import type { AnttDatabase } from '#src/client/db/database.ts';
import { getSyncStatus, updateSyncStatus, type SyncFailure } from '#src/client/db/sync-state-repository.ts';
import { isStorageFull } from '#src/client/db/storage-errors.ts';
import { SyncError } from './http-transport.ts';
import { BUSY_RETRY_MS, IDLE_INTERVAL_MS, backoffDelay, needsUserAction } from './retry-policy.ts';
import type { PhotoTransport } from './photo-transport.ts';
import { uploadWaitingPhotos } from './photo-upload.ts';
import { syncOnce } from './sync-engine.ts';
import { defaultSyncLock, type SyncLock } from './sync-lock.ts';
import type { SyncTransport } from './transport.ts';

export interface RunnerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncRunnerOptions {
  db: AnttDatabase;
  transport: SyncTransport;
  /** Where photos go after the records (photo-upload.ts); none: records only. */
  photos?: PhotoTransport | null;
  lock?: SyncLock;
  now?: () => Date;
  /** [0, 1), for the jitter. */
  random?: () => number;
  timers?: RunnerTimers;
  /** Where `online`, `focus`, `pageshow` and `visibilitychange` come from; none when null. */
  events?: { window: EventTarget; document: Document } | null;
  idleIntervalMs?: number;
  /**
   * The server revoked this device. Called once the runner halted, after a run in which the
   * outbox was pushed (or the server refused it for good): the app erases the account's data.
   */
  onRevoked?: () => void;
}

export interface SyncRunner {
  start(): void;
  stop(): void;
  /** An explicit request: runs now (or right after the current run), even after a 401. */
  requestSync(reason: string): void;
  /** Resolves when no run is in progress or queued. */
  whenIdle(): Promise<void>;
}

const defaultTimers: RunnerTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

function defaultEvents(): SyncRunnerOptions['events'] {
  return typeof window === 'undefined' ? null : { window, document };
}

type Trigger = 'explicit' | 'automatic' | 'online';

export function createSyncRunner(options: SyncRunnerOptions): SyncRunner {
  const { db, transport } = options;
  const lock = options.lock ?? defaultSyncLock(db.name);
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const timers = options.timers ?? defaultTimers;
  const events = options.events === undefined ? defaultEvents() : options.events;
  const idleIntervalMs = options.idleIntervalMs ?? IDLE_INTERVAL_MS;

  let isStarted = false;
  let isHalted = false; // after 401/426/409, until an explicit request
  let running: Promise<void> | null = null;
  let rerun: Trigger | null = null; // what asked for a run while one was in progress
  let timer: unknown = null;
  let retryAt: number | null = null; // a backoff retry is scheduled for this time
  let isBackoffReset = false; // the network came back: the next attempt counts failures from 0

  function schedule(ms: number, isRetry: boolean): void {
    cancelTimer();
    if (!isStarted) return;
    retryAt = isRetry ? now().getTime() + ms : null;
    timer = timers.setTimeout(() => {
      timer = null;
      retryAt = null;
      trigger('automatic');
    }, ms);
  }

  function cancelTimer(): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  }

  function trigger(kind: Trigger): void {
    if (!isStarted) return;
    if (kind === 'explicit') isHalted = false;
    else if (isHalted) return;
    if (kind === 'automatic' && retryAt !== null && retryAt > now().getTime()) return;
    if (running) {
      if (rerun === null || rerun === 'automatic') rerun = kind;
      return;
    }
    running = runUntilSettled().finally(() => {
      running = null;
    });
  }

  async function runUntilSettled(): Promise<void> {
    for (;;) {
      rerun = null;
      cancelTimer();
      retryAt = null;
      await runLocked();
      if (!isStarted || isHalted || rerun === null) return;
      // A focus during a failed run must not cut the backoff short; the retry timer will run.
      if (rerun === 'automatic' && retryAt !== null) return;
    }
  }

  async function runLocked(): Promise<void> {
    try {
      const outcome = await lock.tryRun(attempt);
      if (!outcome.acquired) schedule(BUSY_RETRY_MS, false);
    } catch (error) {
      // Only the status writes can land here (the database was closed or deleted).
      console.warn('Sync runner could not record its status', error);
    }
  }

  async function attempt(): Promise<void> {
    const startedAt = now().toISOString();
    const reset = isBackoffReset ? { consecutiveFailures: 0, nextRetryAt: null } : {};
    isBackoffReset = false;
    await updateSyncStatus(db, { lastAttemptAt: startedAt, runningSince: startedAt, ...reset });
    try {
      // Each pulled page of a long pull shows how far it got (its own small transaction).
      await syncOnce(db, transport, { now, onPullProgress: (pullProgress) => void updateSyncStatus(db, { pullProgress }) });
      // Photos after the records, so a photo never holds an entry back.
      if (options.photos) await uploadWaitingPhotos(db, options.photos, now);
    } catch (error) {
      await recordFailure(toFailure(error, now()));
      if (error instanceof SyncError && error.reason === 'device-revoked') revoked();
      return;
    }
    await updateSyncStatus(db, {
      lastSuccessAt: now().toISOString(),
      lastError: null,
      nextRetryAt: null,
      consecutiveFailures: 0,
      runningSince: null,
      pullProgress: null,
    });
    schedule(idleIntervalMs, false);
  }

  /** Outside the lock and this run: the handler stops the runner and deletes the database. */
  function revoked(): void {
    const handler = options.onRevoked;
    if (handler) void Promise.resolve().then(handler);
  }

  async function recordFailure(failure: SyncFailure): Promise<void> {
    const failures = (await getSyncStatus(db)).consecutiveFailures + 1;
    let nextRetryAt: string | null = null;
    if (needsUserAction(failure.reason)) {
      isHalted = true;
      rerun = null;
      cancelTimer();
    } else {
      const delay = backoffDelay(failures, random);
      nextRetryAt = new Date(now().getTime() + delay).toISOString();
      schedule(delay, true);
    }
    await updateSyncStatus(db, { lastError: failure, consecutiveFailures: failures, nextRetryAt, runningSince: null, pullProgress: null });
  }

  function onOnline(): void {
    if (!isStarted || isHalted) return;
    retryAt = null;
    isBackoffReset = true;
    trigger('online');
  }

  let unsubscribe = (): void => undefined;

  return {
    start() {
      if (isStarted) return;
      isStarted = true;
      if (events) unsubscribe = listenForWakeUps(events, onOnline, () => trigger('automatic'));
      trigger('explicit');
    },
    stop() {
      if (!isStarted) return;
      isStarted = false;
      cancelTimer();
      retryAt = null;
      unsubscribe();
    },
    requestSync(_reason: string) {
      trigger('explicit');
    },
    async whenIdle() {
      while (running) await running;
    },
  };
}

/** The moments a phone app should look for news: network back, app shown again. */
function listenForWakeUps(events: NonNullable<SyncRunnerOptions['events']>, onOnline: () => void, onShown: () => void): () => void {
  const onVisibility = (): void => {
    if (events.document.visibilityState === 'visible') onShown();
  };
  events.window.addEventListener('online', onOnline);
  events.window.addEventListener('focus', onShown);
  events.window.addEventListener('pageshow', onShown);
  events.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    events.window.removeEventListener('online', onOnline);
    events.window.removeEventListener('focus', onShown);
    events.window.removeEventListener('pageshow', onShown);
    events.document.removeEventListener('visibilitychange', onVisibility);
  };
}

function toFailure(error: unknown, at: Date): SyncFailure {
  if (error instanceof SyncError) return { reason: error.reason, message: error.message, at: at.toISOString() };
  // Not a network answer: the device's own storage failed (full, closed, blocked).
  console.warn('Sync failed on the device', error);
  const message = isStorageFull(error)
    ? 'Bộ nhớ máy đã đầy nên chưa nhận được dữ liệu mới. Hãy xoá bớt ảnh, video hoặc ứng dụng không dùng đến; ứng dụng sẽ tự thử lại.'
    : 'Không lưu được dữ liệu đồng bộ trên máy';
  return { reason: 'device-error', message, at: at.toISOString() };
}

let appRunner: { db: AnttDatabase; runner: SyncRunner } | null = null;

/**
 * Starts the app's one runner (idempotent: the same database gets the same runner; another
 * database replaces it, e.g. in tests).
 */
export function startAppSyncRunner(db: AnttDatabase, transport: SyncTransport, photos: PhotoTransport | null = null, onRevoked?: () => void): SyncRunner {
  if (appRunner?.db === db) return appRunner.runner;
  appRunner?.runner.stop();
  const runner = createSyncRunner({ db, transport, photos, ...(onRevoked ? { onRevoked } : {}) });
  appRunner = { db, runner };
  runner.start();
  return runner;
}

export function getAppSyncRunner(): SyncRunner | null {
  return appRunner?.runner ?? null;
}

/** Asks the app's runner to sync soon (after a save, a login, a tap). No-op before start. */
export function requestSync(reason: string): void {
  appRunner?.runner.requestSync(reason);
}

/** Stops the app's runner and waits for its current run (call before signing out). */
export async function stopAppSyncRunner(): Promise<void> {
  const current = appRunner;
  appRunner = null;
  current?.runner.stop();
  await current?.runner.whenIdle();
}
