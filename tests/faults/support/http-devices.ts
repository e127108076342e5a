/**
 * Devices for the fault tests: the real client (Dexie on fake-indexeddb, the sync engine, the
 * HTTP transport with Node's own fetch) talking to a server on 127.0.0.1 over real TCP, directly
 * or through the faulty proxy (tests/support/tcp-proxy.ts).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach } from 'vitest';
import { AnttDatabase } from '#src/client/db/database.ts';
import { getSession, saveSession } from '#src/client/db/session-repository.ts';
import { createHttpTransport, SyncError, type HttpTransport } from '#src/client/sync/http-transport.ts';
import { syncOnce, type SyncOnceResult } from '#src/client/sync/sync-engine.ts';
import { DEMO_IDS, DEMO_PASSWORD } from '#src/server/db/demo-data.ts';
import { demoId } from '#src/server/db/demo-households.ts';
import type { LoginResponse } from '#src/shared/domain/account.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import type { OutreachLog } from '#src/shared/domain/field-log.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';

export interface HttpDevice {
  label: string;
  db: AnttDatabase;
  transport: HttpTransport;
  session: LoginResponse;
}

const opened: AnttDatabase[] = [];

afterEach(async () => {
  const dbs = opened.splice(0);
  await Promise.all(dbs.map((db) => db.delete()));
});

/** Logs a demo account in through the real login route. */
export async function loginOverHttp(baseUrl: string, username: string): Promise<LoginResponse> {
  return createHttpTransport({ baseUrl, getSession: async () => null, bearerLogin: true }).login({ username, password: DEMO_PASSWORD });
}

/** A new device database signed in with `session`, syncing with `baseUrl`. */
export async function openHttpDevice(
  baseUrl: string, session: LoginResponse, label: string, options: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<HttpDevice> {
  const db = new AnttDatabase(`fault-${label}-${uuidv7()}`);
  opened.push(db);
  await saveSession(db, { ...session, loggedInAt: new Date().toISOString() });
  const transport = createHttpTransport({ baseUrl, getSession: () => getSession(db), ...options });
  return { label, db, transport, session };
}

/** A household of hamlet Ấp 1 (team Ấp 1–2) by its place in the demo list. */
export function ap1Household(index: number): string {
  return demoId(`household:${DEMO_IDS.hamlets[0]}:${index}`);
}

/** A valid outreach entry of the device's user in team Ấp 1–2, dated by `now` (the device's clock). */
export function teamLog(session: LoginResponse, overrides: Partial<OutreachLog> = {}, now: Date = new Date()): OutreachLog {
  const at = now.toISOString();
  return {
    id: uuidv7(now.getTime()),
    teamId: DEMO_IDS.teamAp12,
    memberId: session.profile.user.id,
    kind: 'outreach',
    date: dayInVietnam(now),
    note: '',
    reviewStatus: 'pending',
    reviewComment: '',
    reviewedBy: null,
    reviewedAt: null,
    photoIds: [],
    location: null,
    householdIds: [ap1Household(0)],
    agencyId: null,
    topic: 'Phòng chống lừa đảo qua mạng',
    form: 'home-visit',
    peopleReached: 3,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export interface SettleOptions {
  /** Give up (and fail) after this many failed runs in a row. */
  maxFailures?: number;
  pauseMs?: number;
  pullLimit?: number;
  /** Called with every failure (the test counts them). */
  onFailure?: (error: SyncError) => void;
}

/**
 * Runs syncOnce until one run succeeds, as the sync runner would (without its backoff, to keep
 * the test short). Only SyncErrors are retried: anything else is a defect and fails the test.
 */
export async function syncUntilDone(device: HttpDevice, options: SettleOptions = {}): Promise<SyncOnceResult> {
  const maxFailures = options.maxFailures ?? 200;
  for (let failures = 0; ; failures += 1) {
    try {
      return await syncOnce(device.db, device.transport, { pullLimit: options.pullLimit });
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      options.onFailure?.(error);
      if (failures >= maxFailures) throw new Error(`${device.label}: no sync after ${failures} failures, last: ${error.reason} ${error.message}`, { cause: error });
      await sleep(options.pauseMs ?? 50);
    }
  }
}

/** The device's field logs without the device-only version field, by id. */
export async function deviceLogs(device: HttpDevice): Promise<Record<string, unknown>[]> {
  const rows = await device.db.fieldLog.orderBy('id').toArray();
  return rows.map(({ serverVersion: _version, ...log }) => log as Record<string, unknown>);
}

