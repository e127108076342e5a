// A leader's month report in real Chromium, served by the real server with its demo data: the
// report opens from home, and printed (emulated print media) it shows the national name and
// motto, the indicator table and the signature block on an A4 page, with no app navigation,
// controls or buttons around it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, browserUnavailableReason, signIn } from '../support/browser.ts';
import { axeViolations } from '../support/page-checks.ts';
import { useServerAndBrowser } from '../support/e2e-suite.ts';

const skipReason = browserUnavailableReason();

describe.skipIf(skipReason !== null)(`reports${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = useServerAndBrowser();

  async function leaderPhone(): Promise<Page> {
    const context = await suite.browser.newContext(PHONE);
    const page = await context.newPage();
    await signIn(page, suite.server.url, 'totruong');
    await page.getByText('Đã gửi hết').waitFor();
    return page;
  }

  it('a leader opens the month report and prints it in the administrative layout, without the app around it', async () => {
    const page = await leaderPhone();
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await page.getByRole('heading', { name: 'BÁO CÁO', exact: true }).waitFor();
    const document = page.locator('.report-doc');
    await expect(document.getByText('TỔ BẢO VỆ ANTT ẤP 1–2', { exact: true }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Độc lập - Tự do - Hạnh phúc').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('table', { name: 'Kết quả thực hiện các chỉ tiêu' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('TỔ TRƯỞNG', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('(Ký, ghi rõ họ tên)').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Trần Thị Bình').last().isVisible()).resolves.toBe(true);
    // No app chrome, controls or buttons on paper.
    await expect(page.getByRole('navigation', { name: 'Điều hướng chính' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('.topbar').isVisible()).resolves.toBe(false);
    await expect(page.getByLabel('Kỳ báo cáo').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'In hoặc lưu PDF' }).isVisible()).resolves.toBe(false);
    // The signature block sits beside the recipients, on the right half of the page.
    const signer = await page.locator('.report-doc__signer').boundingBox();
    const recipients = await page.locator('.report-doc__recipients').boundingBox();
    expect(signer!.x).toBeGreaterThan(recipients!.x);
    // The browser's PDF is one or more A4 pages (595 × 842 pt).
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([595, 842]);
  });
});
