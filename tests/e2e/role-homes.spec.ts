// Each role's home in real Chromium on a 360 × 740 phone, served by the real server: who holds
// the phone is shown, the home is axe-clean, every link and button is at least 44 × 44 px, the
// bottom navigation's labels fit on one line, and no role is offered a screen the server would
// refuse. The member's save keeps "Đã lưu" and the new entry on screen; the leader, commune
// police and province then see that entry on their own homes (pulled by sync).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, browserUnavailableReason, signIn, unlock } from '../support/browser.ts';
import { axeViolations, isOnScreen, layoutShifts, navTop, undersizedTargets, watchLayoutShifts, wrappedNavLabels } from '../support/page-checks.ts';
import { useServerAndBrowser } from '../support/e2e-suite.ts';

const skipReason = browserUnavailableReason();
const TOPIC = 'Phòng chống lừa đảo qua mạng';

describe.skipIf(skipReason !== null)(`role homes at 360 × 740${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = useServerAndBrowser();

  async function phone(username: string): Promise<Page> {
    const context = await suite.browser.newContext(PHONE);
    const page = await context.newPage();
    await signIn(page, suite.server.url, username);
    await page.getByText('Đã gửi hết').waitFor();
    return page;
  }

  /** What every screen must pass: axe, 44 px targets, nav labels on one line. */
  async function expectScreenSound(page: Page): Promise<void> {
    expect(await axeViolations(page)).toEqual([]);
    expect(await undersizedTargets(page)).toEqual([]);
    expect(await wrappedNavLabels(page)).toEqual([]);
  }

  /**
   * Cumulative layout shift of reopening the page until home has its progress and its list:
   * what arrives late (sync bar, progress card, the lazy home) must land in space kept for it.
   */
  async function layoutShiftOfReload(page: Page): Promise<number> {
    await watchLayoutShifts(page);
    await page.reload();
    await unlock(page);
    await page.getByText(/^\d+\/\d+ hộ/).waitFor();
    await page.getByText('Đã gửi hết').waitFor();
    await page.getByRole('heading', { name: 'Nhật ký của tôi' }).waitFor();
    return (await layoutShifts(page)).cls;
  }

  function tabs(page: Page) {
    return page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link');
  }

  it('member: the main action on the first screen, a save that stays in view, an entry that is not "Ghi nhật ký"', async () => {
    const page = await phone('tovien');
    await expect(page.locator('.topbar').textContent()).resolves.toContain('Tổ viên');
    await page.getByRole('heading', { name: 'Tiến độ đợt thi đua' }).waitFor();
    const action = page.getByRole('link', { name: 'Ghi nhật ký mới' });
    expect(await isOnScreen(action, await navTop(page))).toBe(true);
    await expect(tabs(page).allTextContents()).resolves.toEqual(['⌂Trang chủ', '+Ghi nhật ký', '⇅Đồng bộ', '⚙Cài đặt']);
    await expectScreenSound(page);
    expect(await layoutShiftOfReload(page)).toBeLessThan(0.05);

    await action.click();
    await page.getByRole('link', { name: /^Tuyên truyền/ }).click();
    await page.getByLabel('Tìm hộ (tên chủ hộ, địa chỉ)').fill('nguyen');
    await page.getByRole('button', { name: /^Chọn/ }).first().click();
    // The results fold away: the next field is in reach without scrolling.
    await expect(page.getByRole('button', { name: /^Chọn/ }).count()).resolves.toBe(0);
    expect(await isOnScreen(page.getByLabel('Nội dung tuyên truyền'), await navTop(page))).toBe(true);
    await page.getByLabel('Nội dung tuyên truyền').fill(TOPIC);
    await page.getByLabel('Hình thức').selectOption({ label: 'Thăm hộ gia đình' });
    await page.getByLabel('Số người được tuyên truyền').fill('4');
    await expectScreenSound(page);
    await page.getByRole('button', { name: 'Lưu' }).click();

    const notice = page.getByRole('status').filter({ hasText: 'Đã lưu' });
    await notice.waitFor();
    const saved = page.locator('article').filter({ hasText: 'Vừa lưu' });
    await saved.waitFor();
    const toastTop = (await page.locator('.toast').boundingBox())!.y;
    expect(await isOnScreen(notice, await navTop(page))).toBe(true);
    // Waits for the list to settle (the card scrolls into view once it has rendered).
    await expect.poll(() => isOnScreen(saved, toastTop), { timeout: 5_000 }).toBe(true);
    await expectScreenSound(page);

    await saved.getByRole('link').click();
    await page.getByRole('heading', { name: 'Sửa nhật ký: Tuyên truyền' }).waitFor();
    await expect(tabs(page).filter({ hasText: 'Ghi nhật ký' }).getAttribute('aria-current')).resolves.toBeNull();
    await expect(tabs(page).filter({ hasText: 'Trang chủ' }).getAttribute('aria-current')).resolves.toBe('page');

    await page.getByRole('link', { name: 'Chi tiết đồng bộ' }).click();
    await page.getByRole('heading', { name: 'Đồng bộ dữ liệu' }).waitFor();
    await expectScreenSound(page);
    await tabs(page).filter({ hasText: 'Cài đặt' }).click();
    await page.getByRole('heading', { name: 'Cài đặt' }).waitFor();
    await expectScreenSound(page);
    await page.context().close();
  });

  it('leader: the review queue holds the member\'s entry', async () => {
    const page = await phone('totruong');
    await expect(page.locator('.topbar').textContent()).resolves.toContain('Tổ trưởng');
    await page.getByText('1 nhật ký đang chờ duyệt').waitFor();
    const queue = page.getByRole('region', { name: 'Chờ tổ trưởng duyệt' });
    await queue.getByRole('link', { name: new RegExp(`^Tuyên truyền ngày \\d{2}/\\d{2}/\\d{4}: ${TOPIC}$`) }).waitFor();
    expect(await isOnScreen(page.getByRole('link', { name: 'Ghi nhật ký mới' }), await navTop(page))).toBe(true);
    await expectScreenSound(page);
    await page.context().close();
  });

  it('commune police: the teams with their latest activity, and no entry form', async () => {
    const page = await phone('congan');
    await expect(page.locator('.topbar').textContent()).resolves.toContain('Công an xã');
    await page.getByRole('heading', { name: 'Các tổ của Xã Tân Lập' }).waitFor();
    const team = page.getByRole('listitem').filter({ hasText: 'Tổ bảo vệ ANTT Ấp 1–2' });
    await team.getByText('Tháng này: 1 nhật ký').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Tổ bảo vệ ANTT Ấp 3' }).getByText('Chưa có nhật ký nào trên máy.').waitFor();
    await expect(tabs(page).allTextContents()).resolves.toEqual(['⌂Trang chủ', '⇅Đồng bộ', '⚙Cài đặt']);
    await expect(page.getByRole('link', { name: /Ghi nhật ký/ }).count()).resolves.toBe(0);
    await expectScreenSound(page);

    await page.goto(`${suite.server.url}/nhat-ky/moi`);
    await unlock(page);
    await page.getByRole('heading', { name: 'Màn hình này không dành cho tài khoản Công an xã.' }).waitFor();
    await expect(page.getByRole('button', { name: 'Lưu' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('province: the communes with their teams\' activity', async () => {
    const page = await phone('tinh');
    await expect(page.locator('.topbar').textContent()).resolves.toContain('Công an tỉnh');
    await page.getByRole('heading', { name: 'Các xã của Tỉnh Đồng Nai' }).waitFor();
    await page.getByText('2 tổ · Tháng này: 1 nhật ký').waitFor();
    await expect(page.getByRole('link', { name: /Ghi nhật ký/ }).count()).resolves.toBe(0);
    await expectScreenSound(page);
    await page.context().close();
  });
});
