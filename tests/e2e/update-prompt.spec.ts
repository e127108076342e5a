// A new version of the app arrives while a member is working. The service worker installs it and
// waits; the app offers "Cập nhật" but never reloads while the form holds unsaved input or an
// entry waits in the outbox. Once both are clear, accepting reloads into the new version with the
// member's logs intact. The "new version" is the built app with a changed sw.js, served from a
// copy of dist/client.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailableReason, launchChromium, signIn, unlock } from '../support/browser.ts';
import type { RunningServer } from '../support/server-process.ts';
import { startDemoServer } from '../support/demo-data-folder.ts';

const skipReason = browserUnavailableReason();

async function waitingWorkerCount(page: Page): Promise<number> {
  return page.evaluate(async () => ((await navigator.serviceWorker.getRegistration())?.waiting ? 1 : 0));
}

describe.skipIf(skipReason !== null)(`update prompt${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'antt-update-'));
    cpSync(join(process.cwd(), 'dist', 'client'), staticDir, { recursive: true });
    server = await startDemoServer({ STATIC_DIR: staticDir });
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('waits for unsaved input and unsent entries before reloading into the new version', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await signIn(page, server.url, 'tovien');
      await page.getByText('Đã gửi hết').waitFor();
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });

      // The member starts typing a log.
      await page.getByRole('link', { name: 'Ghi nhật ký mới' }).click();
      await page.getByRole('link', { name: /^Tuyên truyền/ }).click();
      await page.getByLabel('Nội dung tuyên truyền').fill('Phòng chống ma túy');

      // A new version is deployed and found.
      appendFileSync(join(staticDir, 'sw.js'), '\n// next version\n');
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      await page.getByText('Đã có phiên bản mới').waitFor();
      const updateButton = page.getByRole('button', { name: 'Cập nhật' });
      await expect(updateButton.isDisabled()).resolves.toBe(true);
      await page.getByText('Hãy lưu biểu mẫu và chờ đồng bộ xong rồi cập nhật.').waitFor();

      // Saved offline: the form is clean, but the entry waits in the outbox.
      await context.setOffline(true);
      await page.getByLabel('Tìm hộ (tên chủ hộ, địa chỉ)').fill('le');
      await page.getByRole('button', { name: /^Chọn/ }).first().click();
      await page.getByLabel('Hình thức').selectOption({ label: 'Thăm hộ gia đình' });
      await page.getByLabel('Số người được tuyên truyền').fill('4');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText(/1 mục chờ gửi/).first().waitFor();
      await expect(updateButton.isDisabled()).resolves.toBe(true);
      expect(await waitingWorkerCount(page)).toBe(1);

      // Back online, the entry is sent; now the update may go ahead.
      await context.setOffline(false);
      await page.getByText('Đã gửi hết').waitFor();
      await page.waitForFunction(() => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cập nhật');
        return button !== undefined && !button.disabled;
      });
      await Promise.all([page.waitForEvent('load'), updateButton.click()]);
      await unlock(page);

      await page.getByRole('heading', { name: 'Nhật ký của tôi' }).waitFor();
      await page.getByText('Phòng chống ma túy').waitFor();
      expect(await waitingWorkerCount(page)).toBe(0);
      await expect(page.getByText('Đã có phiên bản mới').count()).resolves.toBe(0);
    } finally {
      await browser.close();
    }
  });
});
