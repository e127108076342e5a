// The whole notebook offline, in real Chromium at 360×740 against the built app and the real
// server: a member fills a patrol checklist and an incident with a photo while offline, reloads,
// comes back online; the records go, then the photo; the team leader's phone shows both entries,
// the photo included (fetched when the incident is opened, shown from a blob: URL the CSP allows).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, browserUnavailableReason, launchChromium, signIn, unlock } from '../support/browser.ts';
import { useServer } from '../support/e2e-suite.ts';

const skipReason = browserUnavailableReason();

/** A camera-like JPEG drawn in the page. */
async function photoFile(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 900;
    const context = canvas.getContext('2d')!;
    for (let i = 0; i < 600; i += 1) {
      context.fillStyle = `hsl(${(i * 37) % 360} 70% ${30 + (i % 40)}%)`;
      context.fillRect((i * 7919) % 1200, (i * 104729) % 900, 30 + (i % 60), 20 + (i % 50));
    }
    return canvas.toDataURL('image/jpeg', 0.9);
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

async function fillTime(page: Page, label: string, day: string, time: string): Promise<void> {
  await page.getByLabel(`${label}: Ngày`).fill(day);
  await page.getByLabel(`${label}: Giờ`).fill(time);
}

async function checkAll(page: Page, group: string): Promise<void> {
  const boxes = page.getByRole('group', { name: group, exact: true }).getByRole('checkbox');
  await boxes.first().waitFor();
  for (const box of await boxes.all()) await box.check();
}

async function fillPatrol(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Ghi nhật ký mới' }).click();
  await page.getByRole('link', { name: /^Tuần tra/ }).click();
  await fillTime(page, 'Bắt đầu tuần tra', '05/03/2026', '21:00');
  await fillTime(page, 'Kết thúc tuần tra', '05/03/2026', '23:30');
  await page.getByLabel('Địa bàn, tuyến tuần tra').fill('Đường liên ấp 1–2 (ngoại tuyến)');
  await checkAll(page, 'Việc đã làm khi tuần tra');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByRole('heading', { name: 'Trang chủ', level: 1 }).waitFor();
}

async function fillIncidentWithPhoto(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Ghi nhật ký mới' }).click();
  await page.getByRole('link', { name: /^Vụ việc/ }).click();
  await page.getByLabel('Loại vụ việc').selectOption({ label: 'Giao thông' });
  await fillTime(page, 'Nhận tin lúc', '06/03/2026', '07:15');
  await checkAll(page, 'Việc đã làm');
  await page.getByLabel('Kết quả xử lý (không bắt buộc)').fill('Va chạm xe máy ở cầu Ấp 2, không ai bị thương');
  await page.getByLabel('Chụp hoặc chọn ảnh').setInputFiles({ name: 'hien-truong.jpg', mimeType: 'image/jpeg', buffer: await photoFile(page) });
  await page.getByRole('img', { name: 'Ảnh 1' }).waitFor();
  await page.getByText('Chờ gửi', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByRole('heading', { name: 'Trang chủ', level: 1 }).waitFor();
}

/** The image really decoded (a CSP refusal or a broken blob leaves naturalWidth at 0). */
async function shownWidth(page: Page, name: string): Promise<number> {
  const image = page.getByRole('img', { name });
  await image.waitFor();
  await page.waitForFunction((element) => (element as HTMLImageElement).complete, await image.elementHandle());
  return image.evaluate((element) => (element as HTMLImageElement).naturalWidth);
}

describe.skipIf(skipReason !== null)(`the notebook offline${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = useServer();

  it('a patrol and an incident with a photo, made offline, reach the leader\'s phone with the photo', async () => {
    const browser = await launchChromium();
    try {
      const member = await browser.newContext(PHONE);
      const page = await member.newPage();
      await signIn(page, suite.server.url, 'tovien');
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await member.setOffline(true);
      await page.reload();
      // The app asks for the PIN whenever it opens.
      await unlock(page);
      await page.getByRole('heading', { name: 'Trang chủ', level: 1 }).waitFor();

      await fillPatrol(page);
      await fillIncidentWithPhoto(page);
      await page.reload();
      // The app asks for the PIN whenever it opens.
      await unlock(page);
      await page.getByRole('link', { name: /^Tuần tra/ }).first().waitFor();
      await page.getByRole('link', { name: /^Vụ việc/ }).first().waitFor();
      await page.getByText(/2 mục chờ gửi/).first().waitFor();

      await member.setOffline(false);
      await page.getByText('Đã gửi hết').first().waitFor({ timeout: 30_000 });
      await page.getByRole('link', { name: /^Vụ việc/ }).first().click();
      // The photo goes after its entry, on the same run.
      await page.getByText('Đã gửi', { exact: true }).waitFor({ timeout: 30_000 });
      expect(await shownWidth(page, 'Ảnh 1')).toBe(1200);
      await member.close();

      const leader = await browser.newContext(PHONE);
      const leaderPage = await leader.newPage();
      await signIn(leaderPage, suite.server.url, 'totruong');
      await leaderPage.getByRole('link', { name: /^Tuần tra/ }).first().waitFor({ timeout: 30_000 });
      await leaderPage.getByRole('link', { name: /^Vụ việc/ }).first().click();
      // Read-only for the leader: the entry as the member wrote it.
      await leaderPage.getByText('Loại vụ việc', { exact: true }).waitFor();
      await expect(leaderPage.locator('dd', { hasText: 'Va chạm xe máy ở cầu Ấp 2, không ai bị thương' }).count()).resolves.toBe(1);
      expect(await shownWidth(leaderPage, 'Ảnh 1')).toBe(1200);
      await leaderPage.getByText('Đã gửi', { exact: true }).waitFor();
      await leader.close();
    } finally {
      await browser.close();
    }
  });
});
