// Opening the app in Chromium against the real server, measured through the DevTools protocol
// (the `lighthouse` package is not installed here; these are the paint figures it reports):
//   first visit of a new visitor at 4× CPU slowdown: first and largest contentful paint, total
//     blocking time (long tasks beyond 50 ms until the login is usable), layout shift;
//   offline cold start of a member's phone holding 10,000 synced entries, at 4× CPU slowdown:
//     from navigation to the app lock's PIN field (the first usable screen), and from the PIN
//     entered to the home's heading and its list of entries (the PIN's key derivation included);
//     their sum is the start without the person's typing. The cold start is the browser started
//     again on the phone's profile (as after the app was closed), offline; beside it, a reload
//     of the page right after the 10,000 entries were synced, while the browser is still busy
//     with what it just wrote.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { activeAccountDatabase, CHROMIUM_ARGS, chromiumPath, E2E_PIN, launchChromium, signIn } from '../../tests/support/browser.ts';
import { startServer } from '../../tests/support/server-process.ts';
import { fillOutbox, waitForStore } from './page-scripts.ts';

export interface StartTimes {
  stored: number;
  /** To the PIN field plus from the PIN entered to the home with its entries. */
  homeMs: number;
  lockMs: number;
  unlockToHomeMs: number;
}

export interface ColdStart {
  cpuSlowdown: number;
  firstVisit: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number };
  /** The browser started again on the phone's profile, offline. */
  offlineHome: StartTimes;
  /** The page reloaded offline right after its 10,000 entries were synced. */
  reloadAfterSync: StartTimes;
}

const PHONE = { viewport: { width: 360, height: 740 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };
const SLOWDOWN = 4;

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
  // The cold start's moments, on the page's own clock: the PIN field shown, the unlock pressed,
  // the home's heading and first entry shown.
  await context.addInitScript((always) => {
    if (!always && sessionStorage.getItem('bench-marks') !== '1') return;
    const marks: Record<string, number> = {};
    (window as unknown as { startMarks: Record<string, number> }).startMarks = marks;
    addEventListener('click', (event) => {
      if ((event.target as Element | null)?.closest('button')?.textContent?.includes('Mở khoá')) marks.unlock ??= performance.now();
    }, true);
    new MutationObserver(() => {
      if (marks.pin === undefined && document.querySelector('input[inputmode="numeric"], input[autocomplete="one-time-code"], input[type="password"]')) marks.pin = performance.now();
      if (marks.unlock !== undefined && marks.home === undefined && document.querySelector('main h1')?.textContent === 'Trang chủ' && document.querySelector('main li')) marks.home = performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true });
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

    // A member's phone with its own profile folder, so that the browser can be started again on it.
    const phone = await launchPhone(profileDir);
    const page = phone.pages()[0] ?? await phone.newPage();
    await signIn(page, server.url, 'tovien');
    await page.getByText('Đã gửi hết').waitFor();
    const dbName = await activeAccountDatabase(page);
    await phone.setOffline(true);
    await page.evaluate(fillOutbox, { dbName, count: stored, dayOffset: 0 });
    await phone.setOffline(false);
    await page.evaluate(waitForStore, { dbName, store: 'outbox', until: 'empty' as const, timeoutMs: 600_000 });
    // Offline, the page comes from the service worker's precache: wait until it controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    await phone.setOffline(true);
    await slowDown(page);
    await page.evaluate(() => sessionStorage.setItem('bench-marks', '1'));
    const reloadAfterSync = await timeStart(page, stored, () => page.reload().then(() => undefined));
    await phone.close();

    // The cold start: the browser started again on the phone's profile, offline, the app opened.
    const again = await launchPhone(profileDir, { marksAlways: true });
    await again.setOffline(true);
    const cold = again.pages()[0] ?? await again.newPage();
    await slowDown(cold);
    const profiler = process.env.BENCH_PROFILE ? await cold.context().newCDPSession(cold) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiler.send('Profiler.start');
    }
    const offlineHome = await timeStart(cold, stored, () => cold.goto(server.url).then(() => undefined));
    if (profiler) {
      // BENCH_PROFILE=<folder>: where the start's main-thread time goes (open it in DevTools).
      const { profile } = await profiler.send('Profiler.stop');
      mkdirSync(process.env.BENCH_PROFILE!, { recursive: true });
      writeFileSync(join(process.env.BENCH_PROFILE!, 'cold-start.cpuprofile'), JSON.stringify(profile));
    }
    await again.close();
    return { cpuSlowdown: SLOWDOWN, firstVisit, offlineHome, reloadAfterSync };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/**
 * Opens the app by `open` and times it on the page's own clock (performance.now() from the
 * navigation), as a person would see it: when the PIN field is in the document, and when the
 * home's heading and first entry are after the PIN is entered.
 */
async function timeStart(page: Page, stored: number, open: () => Promise<void>): Promise<StartTimes> {
  await open();
  const pin = page.getByLabel('Mã PIN (6 chữ số)');
  await pin.waitFor();
  await pin.fill(E2E_PIN);
  await page.getByRole('button', { name: 'Mở khoá' }).click();
  await page.getByRole('heading', { name: 'Trang chủ', level: 1 }).waitFor();
  await page.locator('main li').first().waitFor();
  const marks = await page.evaluate(() => (window as unknown as { startMarks: Record<string, number> }).startMarks);
  const lockMs = Math.round(marks.pin!);
  const unlockToHomeMs = Math.round(marks.home! - marks.unlock!);
  return { stored, homeMs: lockMs + unlockToHomeMs, lockMs, unlockToHomeMs };
}
