// Sync in real Chromium against the real server (`src/server/server.ts` in its own process,
// in-memory PGlite, serving the built app), each figure beside a reference of the same run:
//   push: a member's phone with 10,000 outreach entries waiting, the network back on, with home
//     open and with Settings open, against a server that has already taken another team's 10,000
//     (warm, as a deployed server is); DOM update batches and long tasks counted meanwhile. Reference:
//     the same number of entries pushed by Node straight to the server (same batches, gzipped):
//     the server's own speed.
//   bytes: push request bodies and pull answers as they crossed the wire (compressed), per entry.
//   fresh pull: a new phone of the team's leader downloads everything (50,000 entries and the
//     households). Reference: the same rows bulk-put into a bare IndexedDB database in the same
//     browser, and a pull of everything by Node (the server's share).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { launchChromium, signIn, activeAccountDatabase, PHONE } from '../../tests/support/browser.ts';
import { startServer, type RunningServer } from '../../tests/support/server-process.ts';
import { MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS, PROTOCOL_VERSION, PUSH_BATCH_BYTES, apiPaths } from '#src/shared/sync/protocol.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { countRows, fillOutbox, rawBulkPut, readRenderCounter, startRenderCounter, waitForStore, type RenderCount } from './page-scripts.ts';

export interface PushRun {
  screen: string;
  entries: number;
  ms: number;
  perSecond: number;
  renders: RenderCount;
  /** Request bodies as sent (gzipped), per entry. */
  bytesPerEntry: number;
}

export interface BrowserSyncResult {
  push: PushRun[];
  referencePush: { entries: number; ms: number; perSecond: number; bytesPerEntry: number };
  /** Another team's push from Node that warms the fresh server first (its first big push, cold). */
  serverWarmUp: { entries: number; perSecond: number };
  /** Null when the run measured pushes only. */
  pull: null | {
    rows: number;
    ms: number;
    perSecond: number;
    /** Answer times of the pull requests, summed (they overlap the storing: the next page is asked for meanwhile). */
    waitingMs: number;
    bytesPerRow: number;
    /** The home was on screen with this many entries stored, before the pull ended. */
    homeShownWith: number;
  };
  referencePull: null | { rows: number; ms: number; perSecond: number };
  /** Raw IndexedDB puts of the same rows in the same browser: into bare stores, and into stores with the app's indexes. */
  rawBulkPut: null | { rows: number; ms: number; perSecond: number; indexedMs: number; indexedPerSecond: number };
}

const PASSWORD = 'antt2026';

/** A phone; tsx names functions through a `__name` helper that page.evaluate must find there too. */
async function newPhone(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext(PHONE);
  await context.addInitScript('globalThis.__name = (target) => target;');
  return context;
}

/** Signs a team account in from Node: its token, and who it is (its user and team ids). */
export async function login(url: string, username: string): Promise<{ token: string; member: { id: string; teamId: string } }> {
  const response = await fetch(`${url}${apiPaths.login}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
  const { token, profile } = (await response.json()) as { token: string; profile: { user: { id: string }; team: { id: string } } };
  return { token, member: { id: profile.user.id, teamId: profile.team.id } };
}

async function post(url: string, path: string, token: string, body: unknown): Promise<{ json: Record<string, unknown>; sentBytes: number }> {
  const zipped = gzipSync(JSON.stringify(body));
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${token}` },
    body: zipped,
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return { json: (await response.json()) as Record<string, unknown>, sentBytes: zipped.length };
}

/** Pulls everything a new device of `token` gets; returns the rows by collection, and the last change pulled. */
export async function pullAll(url: string, token: string): Promise<{ rows: Map<string, Array<{ id: string; data: Record<string, unknown> | null }>>; last: { collection: string; id: string } | undefined; ms: number }> {
  const clientId = uuidv7();
  const rows = new Map<string, Array<{ id: string; data: Record<string, unknown> | null }>>();
  let cursor = '';
  let scopesHash = '';
  let last: { collection: string; id: string } | undefined;
  const start = performance.now();
  for (;;) {
    const { json } = await post(url, apiPaths.pull, token, { protocolVersion: PROTOCOL_VERSION, clientId, cursor, limit: MAX_PULL_LIMIT, scopesHash });
    for (const change of json.changes as Array<{ collection: string; id: string; data: Record<string, unknown> | null }>) {
      const list = rows.get(change.collection) ?? [];
      list.push(change);
      rows.set(change.collection, list);
      last = change;
    }
    cursor = json.cursor as string;
    scopesHash = json.scopesHash as string;
    if (!json.hasMore) break;
  }
  return { rows, last: last && { collection: last.collection, id: last.id }, ms: performance.now() - start };
}

/** Outreach entries of the member, pushed from Node in the app's batches (≤ 256 KB, ≤ 1,000). */
export async function pushFromNode(url: string, token: string, member: { id: string; teamId: string }, householdIds: string[], count: number) {
  const clientId = uuidv7();
  const at = new Date().toISOString();
  const mutations = Array.from({ length: count }, (_, index) => ({
    seq: index + 1, collection: 'fieldLog', id: uuidv7(), base: 0, op: 'put',
    data: {
      teamId: member.teamId, memberId: member.id, kind: 'outreach', date: new Date(Date.now() - ((index % 360) + 1) * 86_400_000).toISOString().slice(0, 10),
      note: '', reviewStatus: 'pending', reviewComment: '', reviewedBy: null, reviewedAt: null, photoIds: [], location: null, createdAt: at, updatedAt: at,
      householdIds: [householdIds[index % householdIds.length]!], agencyId: null, topic: 'Phòng chống lừa đảo qua mạng', form: 'home-visit', peopleReached: 3,
    },
  }));
  let sentBytes = 0;
  const start = performance.now();
  for (let from = 0; from < mutations.length;) {
    let size = 0;
    let to = from;
    while (to < mutations.length && to - from < MAX_PUSH_MUTATIONS && size < PUSH_BATCH_BYTES) size += JSON.stringify(mutations[to++]).length;
    const { json, sentBytes: bytes } = await post(url, apiPaths.push, token, { protocolVersion: PROTOCOL_VERSION, clientId, mutations: mutations.slice(from, to) });
    if ((json.rejected as unknown[]).length > 0) throw new Error(`the server refused: ${JSON.stringify(json.rejected).slice(0, 300)}`);
    sentBytes += bytes;
    from = to;
  }
  const ms = performance.now() - start;
  return { entries: count, ms, perSecond: count / (ms / 1000), bytesPerEntry: sentBytes / count };
}

/** Request bodies of pushes and compressed answers of pulls, as they crossed the wire. */
function wireMeter(context: BrowserContext) {
  const meter = { pushBytes: 0, pullBytes: 0, pullWaitingMs: 0, firstPullAt: Infinity };
  context.on('requestfinished', (request: Request) => {
    void request.sizes().then((sizes) => {
      const timing = request.timing();
      if (request.url().endsWith(apiPaths.push)) meter.pushBytes += sizes.requestBodySize;
      if (request.url().endsWith(apiPaths.pull)) {
        meter.pullBytes += sizes.responseBodySize;
        meter.pullWaitingMs += timing.responseEnd;
        meter.firstPullAt = Math.min(meter.firstPullAt, timing.startTime);
      }
    });
  });
  return meter;
}

/**
 * With BENCH_PROFILE=<folder>, a CPU profile of the page during `run` is written there as
 * `<name>.cpuprofile` (open it in Chromium's DevTools; build with `--minify false` and point
 * STATIC_DIR at it for readable names).
 */
async function profiled<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  const folder = process.env.BENCH_PROFILE;
  if (!folder) return run();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
}

async function pushRun(context: BrowserContext, page: Page, dbName: string, screen: string, entries: number, dayOffset: number): Promise<PushRun> {
  const meter = wireMeter(context);
  await context.setOffline(true);
  await page.evaluate(fillOutbox, { dbName, count: entries, dayOffset });
  await page.evaluate(startRenderCounter);
  const start = Date.now();
  const end = await profiled(page, `push-${screen}`, async () => {
    await context.setOffline(false);
    return page.evaluate(waitForStore, { dbName, store: 'outbox', until: 'empty' as const, timeoutMs: 600_000 });
  });
  const renders = await page.evaluate(readRenderCounter);
  const rejected = await page.evaluate(countRows, { dbName, store: 'rejections' });
  if (rejected > 0) throw new Error(`${rejected} entries refused during the push with ${screen} open`);
  const ms = end - start;
  return { screen, entries, ms, perSecond: entries / (ms / 1000), renders, bytesPerEntry: meter.pushBytes / entries };
}

export async function measureBrowserSync(options: { pushEntries?: number; pullEntries?: number } = {}): Promise<BrowserSyncResult> {
  const pushEntries = options.pushEntries ?? 10_000;
  const pullEntries = options.pullEntries ?? 50_000;
  const server: RunningServer = await startServer({ DATA_DIR: 'memory', DATABASE_URL: '' });
  const browser = await launchChromium();
  try {
    // A deployed server has been running: its code paths optimised, its tables holding data. A
    // fresh server's first big push ran 10–20 % slower than its later ones, so whichever screen
    // was measured first looked slower (swapping the order swapped the figures). Another team's
    // member pushes 10,000 entries first, not counted; this phone and the leader never receive them.
    const other = await login(server.url, 'tovien5');
    const otherHouseholds = ((await pullAll(server.url, other.token)).rows.get('household') ?? []).map((row) => row.id);
    const warmUp = await pushFromNode(server.url, other.token, other.member, otherHouseholds, pushEntries);
    const serverWarmUp = { entries: warmUp.entries, perSecond: warmUp.perSecond };
    const { token: memberToken, member } = await login(server.url, 'tovien');
    const { rows: start } = await pullAll(server.url, memberToken);
    const householdIds = (start.get('household') ?? []).map((row) => row.id);
    const phone = await newPhone(browser);
    const page = await phone.newPage();
    await signIn(page, server.url, 'tovien');
    await page.getByText('Đã gửi hết').waitFor();
    const dbName = await activeAccountDatabase(page);

    const push: PushRun[] = [];
    push.push(await pushRun(phone, page, dbName, 'home', pushEntries, 0));
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: /Cài đặt/ }).click();
    await page.getByRole('heading', { name: 'Cài đặt', level: 1 }).waitFor();
    push.push(await pushRun(phone, page, dbName, 'settings', pushEntries, 7));
    const referencePush = await pushFromNode(server.url, memberToken, member, householdIds, pushEntries);
    const already = 3 * pushEntries;
    if (pullEntries > already) await pushFromNode(server.url, memberToken, member, householdIds, pullEntries - already);
    await phone.close();
    if (pullEntries === 0) return { push, referencePush, serverWarmUp, pull: null, referencePull: null, rawBulkPut: null };

    const { token: leaderToken } = await login(server.url, 'totruong');
    const reference = await pullAll(server.url, leaderToken);
    const expectedLogs = reference.rows.get('fieldLog')?.length ?? 0;
    const referenceRows = [...reference.rows.values()].reduce((sum, list) => sum + list.length, 0);

    const fresh = await newPhone(browser);
    const meter = wireMeter(fresh);
    const leaderPage = await fresh.newPage();
    await signIn(leaderPage, server.url, 'totruong');
    const leaderDb = await activeAccountDatabase(leaderPage);
    const homeShownWith = await leaderPage.evaluate(countRows, { dbName: leaderDb, store: 'fieldLog' });
    // The phone stores the pages in the order pulled, each in one transaction: once the last
    // change is stored, all are (counted below).
    const { last } = reference;
    if (!last) throw new Error('the leader has nothing to pull');
    const end = await profiled(leaderPage, 'pull', () => leaderPage.evaluate(waitForStore, { dbName: leaderDb, store: last.collection, until: 'holds' as const, key: last.id, timeoutMs: 900_000 }));
    const logs = await leaderPage.evaluate(countRows, { dbName: leaderDb, store: 'fieldLog' });
    if (logs !== expectedLogs) throw new Error(`the phone holds ${logs} entries once the last change is stored, the server sent ${expectedLogs}`);
    await leaderPage.waitForTimeout(500);
    const households = await leaderPage.evaluate(countRows, { dbName: leaderDb, store: 'household' });
    const rows = expectedLogs + households;
    const ms = end - meter.firstPullAt;
    const raw = await leaderPage.evaluate(rawBulkPut, { dbName: leaderDb, pageSize: MAX_PULL_LIMIT });
    await fresh.close();
    return {
      push,
      referencePush,
      serverWarmUp,
      pull: {
        rows, ms, perSecond: rows / (ms / 1000), waitingMs: meter.pullWaitingMs, bytesPerRow: meter.pullBytes / rows, homeShownWith,
      },
      referencePull: { rows: referenceRows, ms: reference.ms, perSecond: referenceRows / (reference.ms / 1000) },
      rawBulkPut: {
        rows: raw.bare.rows, ms: raw.bare.ms, perSecond: raw.bare.rows / (raw.bare.ms / 1000),
        indexedMs: raw.indexed.ms, indexedPerSecond: raw.indexed.rows / (raw.indexed.ms / 1000),
      },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
