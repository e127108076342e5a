// The first screen from index.html (src/client/app/first-screen.ts): the built app shows a new
// visitor's login, and a returning phone's PIN screen, before its JavaScript has loaded; what
// the person types there, and a press of its button, carry into the app's own screen, which takes
// its place box for box, without a layout shift. The app's script is held back by the test, as a
// slow phone or network would.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2E_PIN, PHONE, browserUnavailableReason, signIn } from '../support/browser.ts';
import { axeViolations, layoutShifts, undersizedTargets, watchLayoutShifts } from '../support/page-checks.ts';
import { useServerAndBrowser } from '../support/e2e-suite.ts';

const skipReason = browserUnavailableReason();

/** Holds the app shell's script (index-*.js) until `release`; everything else loads. */
async function holdAppScript(page: Page): Promise<{ release: () => void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return { release };
}

/** The boxes of the visible screen's title, text, fields and buttons, rounded to the pixel. */
function boxes(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('main h1, main p, main input, main button')]
    .filter((element) => element.getClientRects().length > 0)
    .map((element) => {
      const box = element.getBoundingClientRect();
      return `${element.tagName} ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}`;
    }));
}

// Every shift: the app takes over while the person types, when CLS would leave a shift out.
const layoutShift = async (page: Page) => (await layoutShifts(page)).all;
const appTookOver = (page: Page) => page.waitForFunction(() => document.documentElement.dataset.firstScreen === 'done' && !document.getElementById('first-screen'));

describe.skipIf(skipReason !== null)(`the first screen before the app loads${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = useServerAndBrowser();

  /** A phone of its own, with no service worker (the test holds the app's script back on the network), closed after `use`. */
  async function onPhone(use: (page: Page) => Promise<void>): Promise<void> {
    const context = await suite.browser.newContext({ ...PHONE, serviceWorkers: 'block' });
    try {
      await watchLayoutShifts(context);
      await use(await context.newPage());
    } finally {
      await context.close();
    }
  }

  /** Opens the app with its script held back; 'load' would wait for the held script. */
  async function openHeld(page: Page, open = () => page.goto(suite.server.url, { waitUntil: 'commit' })): Promise<{ release: () => void }> {
    const shell = await holdAppScript(page);
    await open();
    return shell;
  }

  it('shows a new visitor the login before the app loads, and signs in with what was typed there', async () => {
    await onPhone(async (page) => {
      const shell = await openHeld(page);
      await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
      expect(await page.locator('#root').evaluate((root) => root.childElementCount)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(await undersizedTargets(page)).toEqual([]);
      await page.getByLabel('Tên đăng nhập').fill('tovien');
      await page.getByLabel('Mật khẩu', { exact: true }).fill('antt2026');
      const before = await boxes(page);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('button', { name: 'Đang đăng nhập…' }).waitFor();

      shell.release();
      // The app takes over, sends the login pressed before it loaded, and asks for this phone's PIN.
      await page.getByRole('heading', { name: 'Đặt mã PIN cho máy này' }).waitFor();
      expect(await page.locator('#first-screen').count()).toBe(0);
      expect(before.length).toBeGreaterThanOrEqual(6);
      expect(await layoutShift(page)).toBe(0);
    });
  });

  it('takes the login\'s place box for box, with the values typed', async () => {
    await onPhone(async (page) => {
      const shell = await openHeld(page);
      await page.getByLabel('Tên đăng nhập').fill('totruong');
      const before = await boxes(page);
      shell.release();
      await appTookOver(page);
      expect(await boxes(page)).toEqual(before);
      expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe('totruong');
      expect(await layoutShift(page)).toBe(0);
    });
  });

  it('shows a returning phone its PIN screen before the app loads, takes its place box for box, and opens with the PIN typed there', async () => {
    await onPhone(async (page) => {
      await signIn(page, suite.server.url, 'tovien');

      const shell = await openHeld(page, () => page.reload({ waitUntil: 'commit' }));
      await page.getByRole('heading', { name: 'Nhập mã PIN', level: 1 }).waitFor();
      expect(await page.getByText('Dữ liệu của Nguyễn Văn An trên máy này đang được khoá. Nhập mã PIN để mở.').count()).toBe(1);
      expect(await page.locator('#root').evaluate((root) => root.childElementCount)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(await undersizedTargets(page)).toEqual([]);
      // Its field has the focus: the person types at once.
      await page.keyboard.type(E2E_PIN.slice(0, 3));
      const before = await boxes(page);

      shell.release();
      await appTookOver(page);
      expect(await boxes(page)).toEqual(before);
      const field = page.getByLabel('Mã PIN (6 chữ số)');
      expect(await field.inputValue()).toBe(E2E_PIN.slice(0, 3));
      expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
      expect(await layoutShift(page)).toBe(0);

      // Typing goes on in the app's field; then the PIN typed and sent before the app loaded.
      await page.keyboard.type(E2E_PIN.slice(3));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Trang chủ', level: 1 }).waitFor();

      const again = await openHeld(page, () => page.reload({ waitUntil: 'commit' }));
      await page.getByRole('heading', { name: 'Nhập mã PIN', level: 1 }).waitFor();
      await page.keyboard.type(E2E_PIN);
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Đang mở khoá…' }).waitFor();
      again.release();
      await page.getByRole('heading', { name: 'Trang chủ', level: 1 }).waitFor();
      expect(await page.locator('#first-screen').count()).toBe(0);
    });
  });
});
