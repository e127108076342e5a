// Opening the app in Chromium against the real server, measured through the DevTools protocol
// (the `lighthouse` package is not installed here; these are the paint figures it reports):
//   first visit of a new visitor at 4× CPU slowdown: first and largest contentful paint, total
//     blocking time (long tasks beyond 50 ms until the login is usable), layout shift;
//   offline cold start of a member's phone holding 10,000 synced entries, at 4× CPU slowdown:
//     from navigation to the home's heading and its list of entries.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { activeAccountDatabase, launchChromium, signIn } from '../../tests/support/browser.ts';
import { startServer } from '../../tests/support/server-process.ts';
import { fillOutbox, waitForCount } from './page-scripts.ts';

export interface ColdStart {
  cpuSlowdown: number;
  firstVisit: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number };
  offlineHome: { stored: number; homeMs: number };
}

const PHONE = { viewport: { width: 360, height: 740 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };
const SLOWDOWN = 4;

async function newPhone(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext(PHONE);
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
  return context;
}

async function slowDown(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
}

export async function measureColdStart(stored = 10_000): Promise<ColdStart> {
  const server = await startServer({ DATA_DIR: 'memory', DATABASE_URL: '' });
  const browser = await launchChromium();
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

    const phone = await newPhone(browser);
    const page = await phone.newPage();
    await signIn(page, server.url, 'tovien');
    await page.getByText('Đã gửi hết').waitFor();
    const dbName = await activeAccountDatabase(page);
    await phone.setOffline(true);
    await page.evaluate(fillOutbox, { dbName, count: stored, dayOffset: 0 });
    await phone.setOffline(false);
    await page.evaluate(waitForCount, { dbName, store: 'outbox', count: 0, atMost: true, timeoutMs: 600_000 });
    // Offline, the page comes from the service worker's precache: wait until it controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    await phone.setOffline(true);
    await slowDown(page);
    const start = Date.now();
    await page.reload();
    await page.getByRole('heading', { name: 'Nhật ký của tôi' }).waitFor();
    await page.locator('main li').first().waitFor();
    const homeMs = Date.now() - start;
    await phone.close();
    return { cpuSlowdown: SLOWDOWN, firstVisit, offlineHome: { stored, homeMs } };
  } finally {
    await browser.close();
    await server.stop();
  }
}
