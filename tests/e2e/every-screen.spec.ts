// Every screen of the route table, opened by URL in real Chromium on a 360 × 740 phone against
// the real server (its CSP and all): no Content-Security-Policy violation is reported on any of
// them, and what arrives late (lazy screens, live queries, the sync bar) lands in space kept for
// it: the layout shift of opening each screen stays at most 0.05.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, browserUnavailableReason, signIn, unlock } from '../support/browser.ts';
import { layoutShifts, watchLayoutShifts } from '../support/page-checks.ts';
import { useServerAndBrowser } from '../support/e2e-suite.ts';

const skipReason = browserUnavailableReason();

/** Screens by the account that may open them (routes.ts); parameters filled with real records where needed. */
const screensByAccount: Record<string, readonly string[]> = {
  tovien: ['/', '/nhat-ky/moi', '/nhat-ky/moi/outreach', '/so-nhat-ky', '/ho-gia-dinh', '/dong-bo', '/cai-dat', '/thiet-bi', '/sao-luu'],
  congan: ['/', '/so-nhat-ky', '/ho-gia-dinh', '/ho-gia-dinh/moi', '/ho-gia-dinh/nhap', '/danh-muc-kiem-tra', '/dong-bo', '/cai-dat', '/quan-tri', '/thiet-bi', '/sao-luu', '/ke-hoach'],
};

interface ScreenReport {
  path: string;
  violations: string[];
  layoutShift: number;
  /** What moved: element and the shift it took part in. */
  shifted: string[];
}

describe.skipIf(skipReason !== null)(`every screen${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = useServerAndBrowser();

  async function phone(username: string): Promise<Page> {
    const context = await suite.browser.newContext(PHONE);
    await context.addInitScript(() => {
      const state = window as unknown as { cspViolations: string[] };
      state.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        state.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
      });
    });
    await watchLayoutShifts(context);
    const page = await context.newPage();
    await signIn(page, suite.server.url, username);
    await page.getByText('Đã gửi hết').waitFor();
    return page;
  }

  /**
   * Opens `path` from scratch (the app asks for the PIN again, as after any reload: unlocked
   * here) and reports once the screen has its heading and the network is quiet.
   */
  async function open(page: Page, path: string): Promise<ScreenReport> {
    await page.goto(`${suite.server.url}${path}`);
    const pinField = page.getByLabel('Mã PIN (6 chữ số)');
    const screenHeading = page.locator('main h1').filter({ hasNotText: 'Nhập mã PIN' }).first();
    await pinField.or(screenHeading).first().waitFor({ state: 'attached' });
    if (await pinField.count() > 0) await unlock(page);
    await screenHeading.waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    const { cls, shifted } = await layoutShifts(page);
    return { path, violations, layoutShift: cls, shifted };
  }

  it.each(Object.keys(screensByAccount))('%s: no CSP violation and a layout shift of at most 0.05 on each screen', async (username) => {
    const page = await phone(username);
    const reports: ScreenReport[] = [];
    for (const path of screensByAccount[username]!) reports.push(await open(page, path));
    await page.context().close();

    expect(reports.filter((report) => report.violations.length > 0)).toEqual([]);
    expect(reports.filter((report) => report.layoutShift > 0.05).map(({ path, layoutShift, shifted }) => ({ path, layoutShift, shifted }))).toEqual([]);
  });
});
