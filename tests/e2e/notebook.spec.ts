// The notebook in real Chromium at 360×740, against the built app and the real server: a
// member takes a 4000×3000 photo for a good deed (shrunk on the phone by canvas to a JPEG of at
// most 1600 px and 300 KB, kept in IndexedDB), a patrol form with its errors and the logbook
// are free of axe violations, and a leader's household screen too.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, activeAccountDatabase, browserUnavailableReason, launchChromium, signIn } from '../support/browser.ts';
import { useServer } from '../support/e2e-suite.ts';

const skipReason = browserUnavailableReason();
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

/** A camera-sized JPEG drawn in the page (gradients and shapes, so it does not compress to nothing). */
async function cameraPhoto(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const context = canvas.getContext('2d')!;
    const gradient = context.createLinearGradient(0, 0, 4000, 3000);
    gradient.addColorStop(0, '#2a6');
    gradient.addColorStop(1, '#a52');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 4000, 3000);
    for (let i = 0; i < 4000; i += 1) {
      context.fillStyle = `hsl(${(i * 37) % 360} 70% ${30 + (i % 40)}%)`;
      context.fillRect((i * 7919) % 4000, (i * 104729) % 3000, 40 + (i % 90), 30 + (i % 70));
    }
    return canvas.toDataURL('image/jpeg', 0.95);
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

async function storedPhotos(page: Page): Promise<Array<{ width: number; height: number; bytes: number; type: string; size: number }>> {
  const name = await activeAccountDatabase(page);
  return page.evaluate((name) => new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('photos').objectStore('photos').getAll();
      // Photos are stored sealed (src/client/db/sealing.ts): the JPEG's bytes encrypted, plus
      // AES-GCM's 16-byte tag, with its type beside them.
      type Sealed = { data: ArrayBuffer; blobType: string };
      request.onsuccess = () => resolve(request.result.map((row: { width: number; height: number; bytes: number; $sealed: Sealed }) => (
        { width: row.width, height: row.height, bytes: row.bytes, type: row.$sealed.blobType, size: row.$sealed.data.byteLength - 16 })));
      request.onerror = () => reject(request.error);
    };
  }), name);
}

describe.skipIf(skipReason !== null)(`notebook in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = useServer();

  it('shrinks a camera photo on the phone and keeps it with the entry; forms and the logbook are axe-clean', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      await signIn(page, suite.server.url, 'tovien');

      await page.getByRole('link', { name: 'Ghi nhật ký mới' }).click();
      await page.getByRole('link', { name: /^Tuần tra/ }).click();
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Hãy điền “Địa bàn, tuyến tuần tra”').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Hủy' }).click();

      await page.getByRole('link', { name: 'Ghi nhật ký mới' }).click();
      await page.getByRole('link', { name: /^Việc tốt/ }).click();
      await page.getByLabel('Việc tốt đã làm').fill('Dọn rác đường liên ấp');
      await page.getByLabel('Giúp ai, giúp nơi nào').fill('Xóm 2, Ấp 1');
      const photo = await cameraPhoto(page);
      expect(photo.length).toBeGreaterThan(300_000);
      await page.getByLabel('Chụp hoặc chọn ảnh').setInputFiles({ name: 'camera.jpg', mimeType: 'image/jpeg', buffer: photo });
      await page.getByRole('img', { name: 'Ảnh 1' }).waitFor();
      const [stored] = await storedPhotos(page);
      expect(stored).toMatchObject({ width: 1600, height: 1200, type: 'image/jpeg' });
      expect(stored!.size).toBeLessThanOrEqual(300_000);
      expect(stored!.bytes).toBe(stored!.size);
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Dọn rác đường liên ấp').first().waitFor();

      await page.getByRole('link', { name: 'Xem sổ nhật ký, lọc và tìm' }).click();
      await page.getByText('1 mục').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await context.close();

      const leaderContext = await browser.newContext(PHONE);
      const leaderPage = await leaderContext.newPage();
      await signIn(leaderPage, suite.server.url, 'totruong');
      await leaderPage.getByRole('link', { name: 'Danh sách hộ' }).click();
      await leaderPage.getByLabel('Tìm hộ (tên chủ hộ, địa chỉ, thôn ấp)').fill('ap 2');
      await leaderPage.getByText(/^\d+ hộ$/).waitFor();
      const first = leaderPage.getByRole('list', { name: 'Danh sách hộ' }).getByRole('listitem').first();
      await expect(first.textContent()).resolves.toContain('Ấp 2');
      expect(await axeViolations(leaderPage)).toEqual([]);
      await leaderContext.close();
    } finally {
      await browser.close();
    }
  });
});
