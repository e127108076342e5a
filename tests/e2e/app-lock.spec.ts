// The app lock and encryption at rest in real Chromium, against the built app and the real
// server: the first login sets a PIN; a tip saved then is nowhere readable in IndexedDB (every
// store of every database searched for its words, strings and bytes alike); a reload asks for
// the PIN and shows nothing before it; five wrong PINs send the phone to an online login. A
// second account on the same phone has its own PIN and cannot open the first one's data.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { E2E_PIN, PHONE, browserUnavailableReason, launchChromium, signIn, unlock } from '../support/browser.ts';
import { useServer } from '../support/e2e-suite.ts';

const skipReason = browserUnavailableReason();
const TIP_WORDS = 'Xe tải lạ chở gỗ lậu qua bến đò lúc nửa đêm';
const SOURCE = 'Ông Tạ Văn Khánh';

/** Every value of every store of every IndexedDB database of the page, as text (bytes decoded too). */
async function rawIndexedDbText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const texts: string[] = [];
    const walk = async (value: unknown): Promise<void> => {
      if (typeof value === 'string') texts.push(value);
      else if (value instanceof ArrayBuffer) texts.push(new TextDecoder().decode(value));
      else if (ArrayBuffer.isView(value)) texts.push(new TextDecoder().decode(value));
      else if (value instanceof Blob) texts.push(await value.text());
      else if (Array.isArray(value)) for (const item of value) await walk(item);
      else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) await walk(item);
    };
    for (const { name } of await indexedDB.databases()) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const opening = indexedDB.open(name!);
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const idb = opening.result;
          const stores = [...idb.objectStoreNames];
          if (stores.length === 0) return resolve([]);
          const tx = idb.transaction(stores);
          const all: unknown[] = [];
          for (const store of stores) tx.objectStore(store).getAll().onsuccess = (event) => all.push((event.target as IDBRequest).result);
          tx.oncomplete = () => {
            idb.close();
            resolve(all);
          };
        };
      });
      await walk(rows);
    }
    return texts.join('\n');
  });
}

async function saveTip(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Ghi nhật ký mới' }).click();
  await page.getByRole('link', { name: /^Nguồn tin/ }).click();
  await page.getByLabel('Người cung cấp tin', { exact: true }).fill(SOURCE);
  await page.getByLabel('Nội dung tin').fill(TIP_WORDS);
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByRole('heading', { name: 'Trang chủ', level: 1 }).waitFor({ state: 'attached' });
}

async function wrongPin(page: Page): Promise<void> {
  await unlock(page, '000000');
}

describe.skipIf(skipReason !== null)(`app lock in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = useServer();

  it('keeps a tip unreadable in IndexedDB, asks the PIN after a reload, and locks after five wrong PINs', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      await signIn(page, suite.server.url, 'tovien');
      await saveTip(page);
      await page.getByText(TIP_WORDS).first().waitFor();

      const stored = await rawIndexedDbText(page);
      expect(stored).toContain('tovien');
      expect(stored).not.toContain(TIP_WORDS);
      expect(stored).not.toContain(SOURCE);

      await page.reload();
      await page.getByRole('heading', { name: 'Nhập mã PIN' }).waitFor();
      await expect(page.getByText(TIP_WORDS).count()).resolves.toBe(0);
      await expect(page.getByRole('navigation', { name: 'Điều hướng chính' }).count()).resolves.toBe(0);
      await wrongPin(page);
      await page.getByText('Mã PIN không đúng. Còn 4 lần thử.').waitFor();
      await unlock(page);
      await page.getByText(TIP_WORDS).first().waitFor();

      await page.reload();
      for (let attempt = 0; attempt < 5; attempt += 1) {
        await wrongPin(page);
        if (attempt < 4) await page.getByText(`Mã PIN không đúng. Còn ${4 - attempt} lần thử.`).waitFor();
      }
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      await page.getByText(/Đã nhập sai mã PIN 5 lần/).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      await expect(page.getByRole('heading', { name: 'Nhập mã PIN' }).count()).resolves.toBe(0);

      // The online login opens the same data again and sets a new PIN.
      await signIn(page, suite.server.url, 'tovien');
      await page.getByText(TIP_WORDS).first().waitFor();
      await context.close();
    } finally {
      await browser.close();
    }
  });

  it('opens each account of a shared phone with its own PIN, and neither reads the other\'s tip', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      await signIn(page, suite.server.url, 'tovien2');
      await saveTip(page);
      await page.reload();
      await page.getByRole('button', { name: 'Dùng tài khoản khác' }).click();
      await signIn(page, suite.server.url, 'topho', '135790');
      await expect(page.getByText(TIP_WORDS).count()).resolves.toBe(0);

      await page.reload();
      await page.getByText(/Dữ liệu của Hoàng Văn Đức/).waitFor();
      await page.getByRole('button', { name: 'Dùng tài khoản khác' }).click();
      await page.getByRole('button', { name: 'Mở Đỗ Thị Hoa bằng mã PIN' }).click();
      await page.getByText(/Dữ liệu của Đỗ Thị Hoa/).waitFor();
      await unlock(page, '135790');
      await page.getByText('Mã PIN không đúng. Còn 4 lần thử.').waitFor();
      await unlock(page, E2E_PIN);
      await page.getByText(TIP_WORDS).first().waitFor();
      expect(await rawIndexedDbText(page)).not.toContain(TIP_WORDS);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
