// The walking skeleton end to end, as a team member lives it: the built PWA served by the real
// server (a child process on PostgreSQL, as a province deploys it), in real Chromium.
// Log in; save a log; go offline; reload: the app opens and shows the log; save a second log
// offline; go online: both reach the server exactly once; a second device pulls both, and so
// does the team leader's phone.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PHONE, browserUnavailableReason, launchChromium, signIn, unlock } from '../support/browser.ts';
import { axeViolations } from '../support/page-checks.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

const skipReason = browserUnavailableReason() ?? (inject('postgresAdminUrl') ? null : inject('postgresSkipReason'));

async function saveOutreachLog(page: Page, topic: string, search: string, options: { checkAccessibility?: boolean } = {}): Promise<void> {
  await page.getByRole('link', { name: 'Ghi nhật ký mới' }).click();
  await page.getByRole('link', { name: /^Tuyên truyền/ }).click();
  await page.getByLabel('Tìm hộ (tên chủ hộ, địa chỉ)').fill(search);
  if (options.checkAccessibility) {
    await page.getByRole('button', { name: /^Chọn/ }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  }
  await page.getByRole('button', { name: /^Chọn/ }).first().click();
  await page.getByLabel('Nội dung tuyên truyền').fill(topic);
  await page.getByLabel('Hình thức').selectOption({ label: 'Họp dân' });
  await page.getByLabel('Số người được tuyên truyền').fill('25');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByRole('heading', { name: 'Nhật ký của tôi' }).waitFor();
  await page.getByText(topic).first().waitFor();
}

describe.skipIf(skipReason !== null)(`offline-first outreach logging${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  let sql: pg.Client;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    const adminUrl = inject('postgresAdminUrl')!;
    const name = `antt_e2e_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    server = await startServer({ DATABASE_URL: url.toString() });
    sql = new pg.Client({ connectionString: url.toString() });
    await sql.connect();
    browser = await launchChromium();
    dropDatabase = async () => {
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    };
  });

  afterAll(async () => {
    await browser?.close();
    await sql?.end();
    await server?.stop();
    await dropDatabase?.();
  });

  async function serverLogs(): Promise<{ id: string; topic: string }[]> {
    // Ids are UUIDv7: ordered by id is ordered by creation on the device.
    const result = await sql.query<{ id: string; topic: string }>(
      "SELECT id::text AS id, data->>'topic' AS topic FROM records WHERE collection = 'fieldLog' AND NOT deleted ORDER BY id",
    );
    return result.rows;
  }

  async function waitForServerLogs(count: number): Promise<{ id: string; topic: string }[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const rows = await serverLogs();
      if (rows.length >= count || Date.now() > deadline) return rows;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it('keeps working offline and delivers every log exactly once', async () => {
    const device: BrowserContext = await browser.newContext(PHONE);
    const page = await device.newPage();
    await signIn(page, server.url, 'tovien');
    expect(await axeViolations(page)).toEqual([]);

    await saveOutreachLog(page, 'Phòng chống lừa đảo qua mạng (trực tuyến)', 'nguyen', { checkAccessibility: true });
    expect((await waitForServerLogs(1)).map((row) => row.topic)).toEqual(['Phòng chống lừa đảo qua mạng (trực tuyến)']);
    await page.getByText('Đã gửi hết').waitFor();

    // The service worker has precached the app shell once it is active.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await device.setOffline(true);
    await page.reload();
    // Chromium 150 (Debian's) gives the reloaded document the 'offline' event but leaves its
    // navigator.onLine true; setting the emulation again makes the new document see it, as a
    // phone that opens the app without a network does.
    await device.setOffline(false);
    await device.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await unlock(page);
    await page.getByRole('heading', { name: 'Nhật ký của tôi' }).waitFor();
    await page.getByText('Phòng chống lừa đảo qua mạng (trực tuyến)').waitFor();
    // Offline is a normal state: said calmly, and no error about the missing connection.
    await page.getByText('Chưa có mạng').first().waitFor();
    await expect(page.getByText(/Lỗi/).count()).resolves.toBe(0);

    await saveOutreachLog(page, 'Phòng cháy, chữa cháy (ngoại tuyến)', 'tran');
    await page.getByText('Chờ gửi', { exact: true }).first().waitFor();
    await page.getByText(/1 mục chờ gửi/).first().waitFor();
    await expect(page.getByText(/Lỗi/).count()).resolves.toBe(0);
    expect(await serverLogs()).toHaveLength(1);

    await device.setOffline(false);
    const rows = await waitForServerLogs(2);
    expect(rows.map((row) => row.topic)).toEqual(['Phòng chống lừa đảo qua mạng (trực tuyến)', 'Phòng cháy, chữa cháy (ngoại tuyến)']);
    expect(new Set(rows.map((row) => row.id)).size).toBe(2);
    await page.getByText('Đã gửi hết').waitFor();
    await expect(page.getByText('Chờ gửi', { exact: true }).count()).resolves.toBe(0);

    // A second device of the same team pulls both.
    const secondDevice = await browser.newContext(PHONE);
    const secondPage = await secondDevice.newPage();
    await signIn(secondPage, server.url, 'tovien');
    await secondPage.getByText('Phòng chống lừa đảo qua mạng (trực tuyến)').waitFor();
    await secondPage.getByText('Phòng cháy, chữa cháy (ngoại tuyến)').waitFor();
    await secondDevice.close();

    // The team leader's phone (same team, another account) pulls both too: its progress counts
    // the two households they reached.
    const leaderDevice = await browser.newContext(PHONE);
    const leaderPage = await leaderDevice.newPage();
    await signIn(leaderPage, server.url, 'totruong');
    await leaderPage.getByText(/^2\/446 hộ/).waitFor();
    await leaderDevice.close();

    // Nothing was pushed twice.
    expect(await serverLogs()).toHaveLength(2);
    await device.close();
  });
});
