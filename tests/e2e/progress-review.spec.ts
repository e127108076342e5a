// Progress and the month's review in real Chromium on 360 × 740 phones, served by the real
// server: a member's progress bar moves the moment an entry is saved offline; the leader returns
// the entry with a reason, the member fixes it from the inbox and resubmits, the leader approves
// it and closes the month. Every screen on the way is axe-clean with 44 px targets.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, browserUnavailableReason, signIn, unlock } from '../support/browser.ts';
import { axeViolations, undersizedTargets } from '../support/page-checks.ts';
import { useServerAndBrowser } from '../support/e2e-suite.ts';

const skipReason = browserUnavailableReason();
const TOPIC = 'Phòng chống lừa đảo qua mạng';

async function expectScreenSound(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  expect(await undersizedTargets(page)).toEqual([]);
}

async function saveOutreachLog(page: Page, topic: string): Promise<void> {
  await page.getByRole('link', { name: 'Ghi nhật ký mới' }).click();
  await page.getByRole('link', { name: /^Tuyên truyền/ }).click();
  await page.getByLabel('Tìm hộ (tên chủ hộ, địa chỉ)').fill('nguyen');
  await page.getByRole('button', { name: /^Chọn/ }).first().click();
  await page.getByLabel('Nội dung tuyên truyền').fill(topic);
  await page.getByLabel('Hình thức').selectOption({ label: 'Họp dân' });
  await page.getByLabel('Số người được tuyên truyền').fill('25');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByRole('heading', { name: 'Nhật ký của tôi' }).waitFor();
}

describe.skipIf(skipReason !== null)(`progress and month review${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = useServerAndBrowser();

  async function phone(username: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await suite.browser.newContext(PHONE);
    const page = await context.newPage();
    await signIn(page, suite.server.url, username);
    await page.getByText('Đã gửi hết').first().waitFor();
    return { context, page };
  }

  /** Reopening the app syncs first: what the other phone sent arrives. */
  async function reopen(page: Page): Promise<void> {
    await page.reload();
    // The app asks for the PIN whenever it opens.
    await unlock(page);
    await page.getByText('Đã gửi hết').first().waitFor();
  }

  it('moves the bar offline, then returns, fixes, approves and closes the month', async () => {
    const member = await phone('tovien');
    await member.page.getByRole('link', { name: 'Xem tiến độ chỉ tiêu' }).click();
    const month = member.page.getByRole('region', { name: /^Tháng \d\d\/\d{4} của tôi$/ });
    const bar = month.getByRole('progressbar', { name: 'Hộ gia đình được tuyên truyền' });
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^0\/446 \(0%\)/);
    // The phase has run for months: its chart (uPlot, loaded on this screen only) is drawn.
    const phase = member.page.getByRole('region', { name: /^Đợt \d của tôi$/ });
    await phase.getByRole('img', { name: /^Biểu đồ Hộ gia đình được tuyên truyền: từ 0 ngày/ }).locator('canvas').waitFor();
    await expectScreenSound(member.page);

    await member.context.setOffline(true);
    await member.page.getByRole('link', { name: 'Trang chủ' }).click();
    await saveOutreachLog(member.page, TOPIC);
    await member.page.getByRole('link', { name: 'Xem tiến độ chỉ tiêu' }).click();
    await month.getByRole('progressbar', { name: 'Hộ gia đình được tuyên truyền' }).waitFor();
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^1\/446 \(0,2%\)/);
    await member.page.getByText('Nhật ký trên máy này chưa gửi: 1').waitFor();
    await member.context.setOffline(false);
    await member.page.getByText('Nhật ký trên máy này chưa gửi: 0').waitFor({ timeout: 30_000 });

    const leader = await phone('totruong');
    await leader.page.getByRole('link', { name: 'Duyệt nhật ký và chốt sổ tháng' }).click();
    const item = leader.page.getByRole('article', { name: /^Tuyên truyền của Nguyễn Văn An ngày/ });
    await item.getByRole('button', { name: /^Trả lại:/ }).click();
    await leader.page.getByLabel('Lý do trả lại (tổ viên sẽ đọc để sửa)').fill('Ghi rõ số hộ đã đến');
    await expectScreenSound(leader.page);
    await leader.page.getByRole('button', { name: 'Gửi trả lại' }).click();
    await leader.page.getByText('Đã trả lại cho tổ viên. Sẽ gửi khi có mạng.').waitFor();
    await leader.page.getByText('Đã gửi hết').first().waitFor();

    await member.page.getByRole('link', { name: 'Trang chủ' }).click();
    await reopen(member.page);
    await member.page.getByRole('heading', { name: 'Nhật ký bị trả lại (1)' }).waitFor();
    await member.page.getByText('Lý do: Ghi rõ số hộ đã đến').waitFor();
    await expectScreenSound(member.page);
    await member.page.getByRole('link', { name: /^Sửa và gửi lại:/ }).click();
    await member.page.getByLabel('Nội dung tuyên truyền').fill(`${TOPIC} (đến 1 hộ)`);
    await member.page.getByRole('button', { name: 'Lưu' }).click();
    await member.page.getByRole('heading', { name: 'Nhật ký của tôi' }).waitFor();
    await member.page.getByText('Đã gửi hết').first().waitFor();
    expect(await member.page.getByRole('heading', { name: /^Nhật ký bị trả lại/ }).count()).toBe(0);

    await reopen(leader.page);
    await item.getByText('Đã gửi lại').waitFor();
    await item.getByText(`${TOPIC} (đến 1 hộ)`).waitFor();
    await item.getByRole('button', { name: /^Duyệt:/ }).click();
    await leader.page.getByText('Đã duyệt: 1 · Chờ duyệt: 0 · Bị trả lại: 0').waitFor();
    const close = leader.page.getByRole('button', { name: /^Chốt sổ tháng \d\d\/\d{4}$/ });
    expect(await close.isEnabled()).toBe(true);
    await close.click();
    await leader.page.getByText(/^Đã chốt sổ lúc .*: 1 nhật ký được tính cho tháng\.$/).waitFor();
    await leader.page.getByRole('button', { name: 'Mở lại tháng' }).waitFor();
    await expectScreenSound(leader.page);
    await leader.page.getByText('Đã gửi hết').first().waitFor();

    await member.context.close();
    await leader.context.close();
  });
  it('shows commune police the teams and province staff the communes, and lets them enter values and targets', async () => {
    const police = await phone('congan');
    await police.page.getByRole('link', { name: 'Xem tiến độ chỉ tiêu' }).click();
    const teams = police.page.getByRole('table', { name: /^Kết quả từng tổ theo chỉ tiêu/ });
    await teams.getByRole('rowheader', { name: /Ấp 1/ }).waitFor();
    await teams.getByRole('button', { name: 'Sắp xếp theo Hộ gia đình được tuyên truyền' }).click();
    await expectScreenSound(police.page);
    await police.page.goBack();
    await police.page.getByRole('link', { name: 'Nhập số liệu, giao chỉ tiêu' }).click();
    await police.page.getByRole('heading', { name: 'Giao chỉ tiêu cho các tổ' }).waitFor();
    await police.page.getByLabel(/^Chỉ tiêu của .*Ấp 1/).fill('90');
    await police.page.getByRole('button', { name: 'Lưu chỉ tiêu “Hộ gia đình được tuyên truyền”' }).click();
    await police.page.getByText('Đã giao chỉ tiêu “Hộ gia đình được tuyên truyền” cho 1 tổ. Sẽ gửi khi có mạng.').waitFor();
    await expectScreenSound(police.page);
    await police.page.getByText('Đã gửi hết').first().waitFor();

    const province = await phone('tinh');
    await province.page.getByRole('link', { name: 'Xem tiến độ chỉ tiêu' }).click();
    const communes = province.page.getByRole('table', { name: /^Kết quả từng xã theo chỉ tiêu/ });
    await communes.getByRole('rowheader', { name: 'Xã Tân Lập' }).waitFor();
    await province.page.getByText(/^Máy chủ tính lúc /).waitFor();
    await expectScreenSound(province.page);

    await police.context.close();
    await province.context.close();
  });
});
