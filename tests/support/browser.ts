// Real Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core (browser
// downloads are not possible here). With CI set a missing browser fails the run; elsewhere the
// browser tests report themselves skipped with the reason.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** With `headless: true` below, Playwright adds --headless itself. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Why browser tests cannot run here, or null when they can. Throws under CI instead of skipping. */
export function browserUnavailableReason(): string | null {
  if (existsSync(chromiumPath)) return null;
  const reason = `Chromium not found at ${chromiumPath} (apt-get install -y chromium)`;
  if (process.env.CI) throw new Error(`${reason}; CI must not skip browser tests`);
  return reason;
}

/** Each launch gets Playwright's own throwaway profile. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
}

/** A phone as the browser tests open one: 360 × 740, Vietnamese, Vietnam's time zone. */
export const PHONE = { viewport: { width: 360, height: 740 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };

/** The PIN the browser tests set at an account's first login on a phone. */
export const E2E_PIN = '246810';

/**
 * Signs a demo account in (password antt2026), sets its PIN (E2E_PIN unless given) when this phone asks for
 * one (its first login here), and waits for its role's home screen.
 */
export async function signIn(page: Page, baseUrl: string, username: string, pin: string = E2E_PIN): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill('antt2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const home = page.getByRole('heading', { name: 'Trang chủ', level: 1 });
  const pinTitle = page.getByRole('heading', { name: 'Đặt mã PIN cho máy này' });
  await home.or(pinTitle).first().waitFor({ state: 'attached' });
  if (await pinTitle.count() > 0) {
    await page.getByLabel('Mã PIN (6 chữ số)').fill(pin);
    await page.getByLabel('Nhập lại mã PIN').fill(pin);
    await page.getByRole('button', { name: 'Lưu mã PIN' }).click();
  }
  await home.waitFor({ state: 'attached' });
}

/** Enters the PIN a page asks for after a reload or in a new tab (the app lock). */
export async function unlock(page: Page, pin: string = E2E_PIN): Promise<void> {
  await page.getByLabel('Mã PIN (6 chữ số)').fill(pin);
  await page.getByRole('button', { name: 'Mở khoá' }).click();
}

/**
 * The IndexedDB name of the signed-in account's database on the page's phone: each account has
 * its own (src/client/db/account-repository.ts), listed in the phone's device database.
 */
export async function activeAccountDatabase(page: Page): Promise<string> {
  return page.evaluate(() => new Promise<string>((resolve, reject) => {
    const open = indexedDB.open('so-tay-antt-device');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['meta', 'accounts']);
      const active = tx.objectStore('meta').get('activeUserId');
      active.onsuccess = () => {
        const account = tx.objectStore('accounts').get((active.result as { value: string }).value);
        account.onsuccess = () => resolve((account.result as { dbName: string }).dbName);
      };
      tx.onerror = () => reject(tx.error);
    };
  }));
}
