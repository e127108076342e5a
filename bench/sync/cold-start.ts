// Opening the app in Chromium against the real server, measured through the DevTools protocol
// (the `lighthouse` package is not installed here; these are the paint figures it reports):
//   first visit of a new visitor at 4× CPU slowdown: first and largest contentful paint, total
//     blocking time (long tasks beyond 50 ms until the login is usable), layout shift;
//   offline cold start of a member's phone holding 10,000 synced entries, at 4× CPU slowdown:
//     from navigation to the app lock's PIN field on screen and focused (the first usable
//     screen), and from the PIN submitted to the home's heading and its list of entries (the
//     PIN's key derivation included); their sum is the start without the person's typing. The
//     cold start is the browser started again on the phone's profile (as after the app was
//     closed), offline, five times with the PIN typed at a person's pace and three times typed
//     all at once; the median of each. Beside it, a reload of the page right after the 10,000
//     entries were synced, while the browser is still busy with what it just wrote.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { activeAccountDatabase, CHROMIUM_ARGS, chromiumPath, E2E_PIN, launchChromium, PHONE, signIn } from '../../tests/support/browser.ts';
import { startServer, type RunningServer } from '../../tests/support/server-process.ts';
import { fillOutbox, waitForStore } from './page-scripts.ts';

export interface StartTimes {
  stored: number;
  /** To the PIN field plus from the PIN submitted to the home with its entries (the median run). */
  homeMs: number;
  lockMs: number;
  unlockToHomeMs: number;
  /** Milliseconds between the PIN's keys as typed (0: all at once, the moment the field shows). */
  keyDelayMs: number;
  /** homeMs of every run, in the order run. */
  runs: number[];
}

export interface ColdStart {
  cpuSlowdown: number;
  firstVisit: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number };
  /** The browser started again on the phone's profile, offline; the PIN typed at a person's pace. */
  offlineHome: StartTimes;
  /** The same, the PIN typed all at once the moment its field shows. */
  offlineHomeInstant: StartTimes;
  /** The page reloaded offline right after its 10,000 entries were synced. */
  reloadAfterSync: StartTimes;
}

const SLOWDOWN = 4;
/**
 * Between two keys of the PIN: quick thumbs on a phone's keypad (people mostly take longer, which
 * only leaves the app more time). The app uses the typing to load the home's and the sync's
 * code; typed all at once, that loading falls after the PIN, and the bench reports that too.
 */
const KEY_DELAY_MS = 150;
/** Browser restarts timed at a person's pace, and all at once; the median of each is reported. */
const PACED_RUNS = 5;
const INSTANT_RUNS = 3;

async function newPhone(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext(PHONE);
  await prepare(context);
  return context;
}

/** A phone whose profile (IndexedDB, service worker) lives in `profileDir`, kept between launches. */
async function launchPhone(profileDir: string, options: { marksAlways?: boolean } = {}): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS, ...PHONE });
  await prepare(context, options);
  return context;
}

async function prepare(context: BrowserContext, { marksAlways = false } = {}): Promise<void> {
  await context.addInitScript('globalThis.__name = (target) => target;');
  await context.addInitScript(() => {
    const state = window as unknown as { paint: { lcp: number; cls: number; tbt: number } };
    state.paint = { lcp: 0, cls: 0, tbt: 0 };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.paint.lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) state.paint.cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.paint.tbt += Math.max(0, entry.duration - 50);
    }).observe({ type: 'longtask', buffered: true });
  });
  // The cold start's moments, on the page's own clock: the PIN field shown and focused, the PIN
  // submitted, the home's heading and first entry shown. The bench waits for them through
  // `startReached` (resolved from the page's own MutationObserver), not through Playwright's
  // locators: those poll the page's main thread, which a person's phone does not do, and at 4×
  // slowdown their polling took tens of milliseconds from the start they timed.
  await context.addInitScript((always) => {
    if (!always && sessionStorage.getItem('bench-marks') !== '1') return;
    const marks: Record<string, number> = {};
    const waiters: Partial<Record<string, () => void>> = {};
    const page = window as unknown as { startMarks: Record<string, number>; startReached: (mark: string) => Promise<void> };
    page.startMarks = marks;
    page.startReached = (mark) => new Promise((resolve) => {
      if (marks[mark] !== undefined) resolve();
      else waiters[mark] = resolve;
    });
    const reach = (mark: string) => {
      marks[mark] = performance.now();
      waiters[mark]?.();
    };
    addEventListener('submit', () => {
      if (marks.pin !== undefined && marks.unlock === undefined) reach('unlock');
    }, true);
    const pinField = 'input[inputmode="numeric"], input[autocomplete="one-time-code"], input[type="password"]';
    const check = () => {
      if (marks.pin === undefined && document.activeElement?.matches(pinField)) reach('pin');
      if (marks.unlock !== undefined && marks.home === undefined && document.querySelector('main h1')?.textContent === 'Trang chủ' && document.querySelector('main li')) reach('home');
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
    // The PIN field takes the focus as it shows: the first screen's script focuses it, the app's
    // own field as it mounts (autoFocus), in the same commit that adds it.
    addEventListener('focusin', check, true);
  }, marksAlways);
}

async function slowDown(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
}

export async function measureColdStart(stored = 10_000): Promise<ColdStart> {
  const server = await startServer({ DATA_DIR: 'memory', DATABASE_URL: '' });
  const browser = await launchChromium();
  const profileDir = mkdtempSync(join(tmpdir(), 'antt-cold-start-'));
  try {
    const visitor = await newPhone(browser);
    const first = await visitor.newPage();
    await slowDown(first);
    await first.goto(server.url);
    await first.getByLabel('Tên đăng nhập').waitFor();
    await first.waitForTimeout(1000);
    const firstVisit = await first.evaluate(() => {
      const paint = (window as unknown as { paint: { lcp: number; cls: number; tbt: number } }).paint;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      return { fcpMs: fcp, lcpMs: paint.lcp, tbtMs: paint.tbt, cls: paint.cls };
    });
    await visitor.close();

    const { phone, page } = await setUpPhone(server.url, profileDir, stored);
    await phone.setOffline(true);
    await slowDown(page);
    await page.evaluate(() => sessionStorage.setItem('bench-marks', '1'));
    const reloadAfterSync = medianRun([await timeStart(page, () => page.reload().then(() => undefined), KEY_DELAY_MS)], stored, KEY_DELAY_MS);
    await phone.close();

    // The cold start: the browser started again on the phone's profile, offline, the app opened;
    // again for each run, the typing paces alternated while both have runs left.
    const paced: Measured[] = [];
    const instant: Measured[] = [];
    for (let run = 0; run < PACED_RUNS + INSTANT_RUNS; run++) {
      const isPaced = run % 2 === 0 || run >= 2 * INSTANT_RUNS;
      const { again, cold } = await restartPhone(profileDir);
      const profiler = process.env.BENCH_PROFILE && run === 0 ? await cold.context().newCDPSession(cold) : null;
      if (profiler) {
        await profiler.send('Profiler.enable');
        await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
        await profiler.send('Profiler.start');
      }
      const times = await timeStart(cold, () => cold.goto(server.url).then(() => undefined), isPaced ? KEY_DELAY_MS : 0);
      (isPaced ? paced : instant).push(times);
      if (profiler) {
        // BENCH_PROFILE=<folder>: where the start's main-thread time goes (open it in DevTools).
        const { profile } = await profiler.send('Profiler.stop');
        mkdirSync(process.env.BENCH_PROFILE!, { recursive: true });
        writeFileSync(join(process.env.BENCH_PROFILE!, 'cold-start.cpuprofile'), JSON.stringify(profile));
      }
      await again.close();
    }
    const offlineHome = medianRun(paced, stored, KEY_DELAY_MS);
    const offlineHomeInstant = medianRun(instant, stored, 0);
    return { cpuSlowdown: SLOWDOWN, firstVisit, offlineHome, offlineHomeInstant, reloadAfterSync };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- start-ab` with BENCH_BUILDS=<built app folder>,<another>: the offline cold
 * start of each build (say, before and after a change; `npx vite build --outDir dist/before`),
 * served side by side, one phone profile each, their browser restarts alternated round by round
 * so that the machine's load falls on every build alike. The PIN typed at a person's pace.
 */
export async function compareColdStarts(staticDirs: readonly string[], rounds = 8, stored = 10_000): Promise<{ staticDir: string; start: StartTimes }[]> {
  const builds: { staticDir: string; server: RunningServer; profileDir: string; runs: Measured[] }[] = [];
  try {
    for (const staticDir of staticDirs) {
      const server = await startServer({ DATA_DIR: 'memory', DATABASE_URL: '', STATIC_DIR: staticDir });
      const profileDir = mkdtempSync(join(tmpdir(), 'antt-cold-start-'));
      builds.push({ staticDir, server, profileDir, runs: [] });
      const { phone } = await setUpPhone(server.url, profileDir, stored);
      await phone.close();
    }
    for (let round = 0; round < rounds; round++) {
      for (const build of builds) {
        const { again, cold } = await restartPhone(build.profileDir);
        build.runs.push(await timeStart(cold, () => cold.goto(build.server.url).then(() => undefined), KEY_DELAY_MS));
        await again.close();
      }
    }
    return builds.map((build) => ({ staticDir: build.staticDir, start: medianRun(build.runs, stored, KEY_DELAY_MS) }));
  } finally {
    for (const build of builds) {
      await build.server.stop();
      rmSync(build.profileDir, { recursive: true, force: true });
    }
  }
}

/**
 * A member's phone with its own profile folder (so that the browser can be started again on it):
 * signed in, `stored` entries synced, the service worker in control for offline starts.
 */
async function setUpPhone(url: string, profileDir: string, stored: number): Promise<{ phone: BrowserContext; page: Page }> {
  const phone = await launchPhone(profileDir);
  const page = phone.pages()[0] ?? await phone.newPage();
  await signIn(page, url, 'tovien');
  await page.getByText('Đã gửi hết').waitFor();
  const dbName = await activeAccountDatabase(page);
  await phone.setOffline(true);
  await page.evaluate(fillOutbox, { dbName, count: stored, dayOffset: 0 });
  await phone.setOffline(false);
  await page.evaluate(waitForStore, { dbName, store: 'outbox', until: 'empty' as const, timeoutMs: 600_000 });
  // Offline, the page comes from the service worker's precache: wait until it controls the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  return { phone, page };
}

/** The browser started again on the phone's profile, offline, at the slowdown. */
async function restartPhone(profileDir: string): Promise<{ again: BrowserContext; cold: Page }> {
  const again = await launchPhone(profileDir, { marksAlways: true });
  await again.setOffline(true);
  const cold = again.pages()[0] ?? await again.newPage();
  await slowDown(cold);
  return { again, cold };
}

interface Measured {
  lockMs: number;
  unlockToHomeMs: number;
}

/** The run of median total (the lower middle of an even count), with every run's total. */
function medianRun(runs: readonly Measured[], stored: number, keyDelayMs: number): StartTimes {
  const totals = runs.map((run) => run.lockMs + run.unlockToHomeMs);
  const byTotal = runs.map((run, index) => ({ run, total: totals[index]! })).sort((a, b) => a.total - b.total);
  const { run, total } = byTotal[Math.floor((byTotal.length - 1) / 2)]!;
  return { stored, homeMs: total, lockMs: run.lockMs, unlockToHomeMs: run.unlockToHomeMs, keyDelayMs, runs: totals };
}

/**
 * Opens the app by `open` and times it on the page's own clock (performance.now() from the
 * navigation), as a person would see it: when the PIN field is on screen and focused, and from
 * the PIN submitted (its six keys typed `keyDelayMs` apart, then Enter) to the home's heading and
 * first entry. The typing itself is not counted.
 */
async function timeStart(page: Page, open: () => Promise<void>, keyDelayMs: number): Promise<Measured> {
  const reached = (mark: string) => page.evaluate((name) => (window as unknown as { startReached: (mark: string) => Promise<void> }).startReached(name), mark);
  await open();
  await reached('pin');
  // Typed into the focused field and submitted with Enter, as on a phone's keyboard: input
  // events from the browser, nothing run in the page.
  await page.keyboard.type(E2E_PIN, { delay: keyDelayMs });
  await page.keyboard.press('Enter');
  await reached('home');
  const marks = await page.evaluate(() => (window as unknown as { startMarks: Record<string, number> }).startMarks);
  return { lockMs: Math.round(marks.pin!), unlockToHomeMs: Math.round(marks.home! - marks.unlock!) };
}
