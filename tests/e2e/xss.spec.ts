// Stored XSS in real Chromium against the built app and the real server (its CSP and all): a
// leader adds a household and a member writes one entry of every kind through the real forms,
// every free-text field (the note, each kind's text fields, checklist notes, the household's
// name and address) holding markup or a javascript: URL. The member's logbook, and the leader's
// logbook and read-only view of each entry (after sync), show each payload as literal text; no
// element of a payload exists in the page, no payload script runs, and no CSP violation fires.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, browserUnavailableReason, launchChromium, signIn } from '../support/browser.ts';
import { useServer } from '../support/e2e-suite.ts';

const skipReason = browserUnavailableReason();

const payloads = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload="window.__xss=1">',
  'javascript:window.__xss=1',
] as const;

let payloadTurn = 0;
/** A field's value: a marker the logbook search finds, then the next payload in turn. */
function hostile(marker: string): string {
  const payload = payloads[payloadTurn % payloads.length]!;
  payloadTurn += 1;
  return `${marker} ${payload}`;
}

const household = { headName: hostile('household-head'), address: hostile('household-address') };

/** Day and time in Vietnam, as the forms take them (dd/MM/yyyy, HH:mm). */
function vietnamDayAndTime(at: Date): { day: string; time: string } {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at).map((part) => [part.type, part.value]));
  return { day: `${parts.day}/${parts.month}/${parts.year}`, time: `${parts.hour}:${parts.minute}` };
}

interface KindCase {
  /** The kind's name on the chooser and in the entry view's title. */
  name: string;
  /** The marker of the field the logbook shows as the entry's summary. */
  summaryMarker: string;
  /** Text fields by label, and what to type. */
  texts: Record<string, string>;
  selects?: Record<string, string>;
  /** Other inputs (times) by label. */
  inputs?: Record<string, string>;
  pickHousehold?: boolean;
  /** Checklist with required items: a note is asked for each one left unchecked. */
  checklistMarker?: string;
}

function kindCase(kind: string, name: string, summaryKey: string, fields: Record<string, string>, rest: Omit<KindCase, 'name' | 'summaryMarker' | 'texts'> = {}): KindCase {
  const texts = Object.fromEntries(Object.entries(fields).map(([key, label]) => [label, hostile(`${kind}-${key}`)]));
  texts['Ghi chú (không bắt buộc)'] = hostile(`${kind}-note`);
  return { name, summaryMarker: `${kind}-${summaryKey}`, texts, ...rest };
}

const patrolStart = vietnamDayAndTime(new Date(Date.now() - 60 * 60_000));

const kinds: KindCase[] = [
  kindCase('outreach', 'Tuyên truyền', 'topic', { topic: 'Nội dung tuyên truyền' },
    { selects: { 'Hình thức': 'Họp dân' }, inputs: { 'Số người được tuyên truyền': '12' }, pickHousehold: true }),
  kindCase('patrol', 'Tuần tra', 'area', { area: 'Địa bàn, tuyến tuần tra', findings: 'Kết quả, phát hiện (không bắt buộc)' }, {
    inputs: { 'Bắt đầu tuần tra: Ngày': patrolStart.day, 'Bắt đầu tuần tra: Giờ': patrolStart.time },
    checklistMarker: 'patrol-checklist',
  }),
  kindCase('incident', 'Vụ việc', 'outcome', { handedOverTo: 'Bàn giao cho (người, cơ quan)', outcome: 'Kết quả xử lý (không bắt buộc)' },
    { selects: { 'Loại vụ việc': 'Khác' }, checklistMarker: 'incident-checklist' }),
  kindCase('tip', 'Nguồn tin', 'content', { sourceName: 'Người cung cấp tin', content: 'Nội dung tin' }),
  kindCase('mobilisation', 'Huy động PCCC, cứu nạn', 'role', { role: 'Nhiệm vụ đã đảm nhận', outcome: 'Kết quả (không bắt buộc)' },
    { selects: { 'Loại huy động': 'Chữa cháy' } }),
  kindCase('residence', 'Thông tin nhân khẩu', 'details', { details: 'Nội dung thông tin' },
    { selects: { 'Loại thông tin': 'Khác' }, pickHousehold: true }),
  kindCase('reintegration', 'Giúp đỡ tái hòa nhập', 'personName', { personName: 'Họ tên người được giúp đỡ', actions: 'Việc đã làm' }),
  kindCase('gooddeed', 'Việc tốt', 'description', { description: 'Việc tốt đã làm', beneficiary: 'Giúp ai, giúp nơi nào' }),
  kindCase('model', 'Mô hình', 'name', { name: 'Tên mô hình', recognisedBy: 'Cơ quan ghi nhận, biểu dương' },
    { selects: { 'Loại mô hình': 'Khác' }, inputs: { 'Ngày được ghi nhận (ngày/tháng/năm)': vietnamDayAndTime(new Date()).day } }),
];

/** What the probes saw, on every page of every context, across navigations. */
interface Findings {
  scriptRan: string[];
  cspViolations: string[];
  consoleErrors: string[];
}

async function phone(context: BrowserContext, findings: Findings): Promise<Page> {
  await context.exposeFunction('reportXssProbe', (kind: 'script' | 'csp', detail: string) => {
    (kind === 'script' ? findings.scriptRan : findings.cspViolations).push(detail);
  });
  await context.addInitScript(() => {
    const probe = (window as unknown as { reportXssProbe: (kind: string, detail: string) => void }).reportXssProbe;
    let value: unknown;
    Object.defineProperty(window, '__xss', {
      configurable: true,
      get: () => value,
      set: (next: unknown) => {
        value = next;
        probe('script', `window.__xss = ${String(next)} at ${location.pathname}`);
      },
    });
    document.addEventListener('securitypolicyviolation', (event) => {
      probe('csp', `${event.effectiveDirective} ${event.blockedURI} ${event.sample} at ${location.pathname}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && /content security policy|xss/i.test(message.text())) findings.consoleErrors.push(message.text());
  });
  return page;
}

/** Elements a payload would have made, had it been parsed as markup (empty when none). */
async function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll(
    'img[src="x"], svg[onload], [onerror], [onload], a[href^="javascript:" i]',
  )].concat([...document.querySelectorAll('script')].filter((script) => script.textContent?.includes('__xss')))
    .map((element) => element.outerHTML));
}

async function expectHarmless(page: Page, findings: Findings): Promise<void> {
  expect(await injectedElements(page)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(findings).toEqual({ scriptRan: [], cspViolations: [], consoleErrors: [] });
}

async function pickHousehold(page: Page): Promise<void> {
  await page.getByLabel('Tìm hộ (tên chủ hộ, địa chỉ)').fill('household-head');
  await page.getByRole('list', { name: 'Kết quả tìm hộ' }).getByRole('button').first().click();
}

async function writeEntry(page: Page, entry: KindCase): Promise<void> {
  await page.getByRole('link', { name: 'Ghi nhật ký mới' }).first().click();
  await page.getByRole('link', { name: new RegExp(`^${entry.name}`) }).click();
  await page.getByRole('heading', { name: `Ghi nhật ký: ${entry.name}`, level: 1 }).waitFor();
  if (entry.pickHousehold) await pickHousehold(page);
  for (const [label, option] of Object.entries(entry.selects ?? {})) await page.getByLabel(label, { exact: true }).selectOption({ label: option });
  for (const [label, value] of Object.entries({ ...entry.inputs, ...entry.texts })) await page.getByLabel(label, { exact: true }).fill(value);
  const save = page.getByRole('button', { name: 'Lưu', exact: true });
  await save.click();
  if (entry.checklistMarker) {
    // Required items left unchecked: the form asks why, beside each; the reason is free text too.
    const notes = page.getByLabel(/^Ghi chú cho “/);
    await notes.first().waitFor();
    const count = await notes.count();
    for (let index = 0; index < count; index += 1) {
      const value = hostile(`${entry.checklistMarker}-${index}`);
      entry.texts[`checklist ${index}`] = value;
      await notes.nth(index).fill(value);
    }
    await save.click();
  }
  const home = page.getByRole('heading', { name: 'Trang chủ', level: 1 });
  const problem = page.getByText(/^Còn \d+ chỗ chưa đúng/);
  await home.or(problem).first().waitFor();
  if (await problem.count() > 0) throw new Error(`${entry.name} not saved: ${(await page.locator('.field__error').allInnerTexts()).join('; ')}`);
}

async function syncNow(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đồng bộ' }).click();
  await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
}

/** Searches the logbook for an entry and checks its row shows the summary as text. */
async function findInLogbook(page: Page, entry: KindCase, findings: Findings): Promise<void> {
  await page.getByLabel('Tìm trong nhật ký').fill(entry.summaryMarker);
  await page.getByText('1 mục', { exact: true }).waitFor();
  const summary = Object.values(entry.texts).find((value) => value.startsWith(`${entry.summaryMarker} `))!;
  await page.locator('main').getByText(summary, { exact: true }).waitFor();
  await expectHarmless(page, findings);
}

describe.skipIf(skipReason !== null)(`stored XSS in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const suite = useServer();

  it('shows markup typed into every text field as text, on the logbook and each entry, without running it', async () => {
    const browser = await launchChromium();
    const findings: Findings = { scriptRan: [], cspViolations: [], consoleErrors: [] };
    try {
      const leaderContext = await browser.newContext(PHONE);
      const leader = await phone(leaderContext, findings);
      await signIn(leader, suite.server.url, 'totruong');
      await leader.getByRole('link', { name: 'Danh sách hộ' }).click();
      await leader.getByRole('link', { name: 'Thêm hộ' }).click();
      await leader.getByLabel('Tên chủ hộ', { exact: true }).fill(household.headName);
      await leader.getByLabel('Địa chỉ', { exact: true }).fill(household.address);
      await leader.getByLabel('Số nhân khẩu', { exact: true }).fill('4');
      await leader.getByRole('button', { name: 'Lưu hộ' }).click();
      await leader.getByLabel('Tìm hộ (tên chủ hộ, địa chỉ, thôn ấp)').fill('household-head');
      await leader.getByText('1 hộ', { exact: true }).waitFor();
      const households = leader.getByRole('list', { name: 'Danh sách hộ' });
      await households.getByText(household.headName, { exact: true }).waitFor();
      await households.getByText(household.address).waitFor();
      await expectHarmless(leader, findings);
      // A saved household waits for the next sync: the leader sends it at once.
      await syncNow(leader);
      await leader.getByText('Đã gửi hết').waitFor();

      const memberContext = await browser.newContext(PHONE);
      const member = await phone(memberContext, findings);
      await signIn(member, suite.server.url, 'tovien');
      await member.getByText('Đã gửi hết').waitFor();
      for (const entry of kinds) await writeEntry(member, entry);
      await member.getByText('Đã gửi hết').waitFor();
      await expectHarmless(member, findings);
      await member.getByRole('link', { name: 'Xem sổ nhật ký, lọc và tìm' }).click();
      for (const entry of kinds) await findInLogbook(member, entry, findings);
      await expectHarmless(member, findings);
      await memberContext.close();

      // The leader's phone fetches the member's entries.
      await syncNow(leader);
      await leader.getByRole('link', { name: 'Trang chủ' }).first().click();
      await leader.getByRole('link', { name: 'Xem sổ nhật ký, lọc và tìm' }).click();
      for (const entry of kinds) {
        await findInLogbook(leader, entry, findings);
        await leader.getByRole('link', { name: new RegExp(`^${entry.name} ·`) }).click();
        await leader.getByRole('heading', { name: `Nhật ký: ${entry.name}`, level: 1 }).waitFor();
        await expectHarmless(leader, findings);
        const main = leader.locator('main');
        const expected = entry.pickHousehold ? [...Object.values(entry.texts), household.headName] : Object.values(entry.texts);
        for (const value of expected) await main.getByText(value).first().waitFor();
        await expectHarmless(leader, findings);
        await leader.goBack();
      }
      await expectHarmless(leader, findings);
    } finally {
      await browser.close();
    }
  });
});
