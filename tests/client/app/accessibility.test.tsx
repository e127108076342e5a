// axe-core over the main screens as rendered in jsdom (colour contrast needs a real browser and
// is left to the browser tests).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { App } from '#src/client/app/App.tsx';
import { putRecord } from '#src/client/db/record-repository.ts';
import { updateSyncStatus } from '#src/client/db/sync-state-repository.ts';
import type { AnttDatabase } from '#src/client/db/database.ts';
import { saveSession } from '#src/client/db/session-repository.ts';
import type { DeviceDatabase } from '#src/client/db/device-database.ts';
import { householdIndicator, planOf } from '../../support/plan-fixtures.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { freshDb, freshDevice, memberProfile, outreachLog, renderApp, renderWithDb, signedInPhone, villageHouseholds } from '../features/test-kit.tsx';
import { lockAllDatabases } from '#src/client/db/key-ring.ts';
import { PinSetupForm } from '#src/client/features/auth/components/pin-setup-form.tsx';

const profile = memberProfile();

async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, {
    // Both need a rendering engine (canvas, layout) that jsdom lacks.
    rules: { 'color-contrast': { enabled: false }, 'label-content-name-mismatch': { enabled: false } },
  });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

const phones = new Map<AnttDatabase, DeviceDatabase>();

async function deviceWithData(): Promise<AnttDatabase> {
  const { device, db } = await signedInPhone(profile);
  phones.set(db, device);
  const h = villageHouseholds();
  await db.household.bulkPut(Object.values(h));
  const today = dayInVietnam();
  const plan = planOf({
    startDay: '2000-01-01', endDay: '2999-12-31',
    phases: [{ id: 'p', name: 'Đợt 1', startDay: '2000-01-01', endDay: '2999-12-31' }],
    indicators: [householdIndicator()],
  });
  await db.campaignPlan.put(plan);
  await db.fieldLog.put(outreachLog(profile.user.id, { date: today, householdIds: [h.an.id], reviewStatus: 'approved' }));
  await putRecord(db, 'fieldLog', outreachLog(profile.user.id, { date: today, householdIds: [h.binh.id, h.cuong.id] }));
  await updateSyncStatus(db, { lastError: { reason: 'server-error', message: 'Máy chủ đang gặp sự cố', at: new Date().toISOString() } });
  return db;
}

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn(async () => {
    throw new TypeError('Failed to fetch');
  }));
  // The logbook's virtualiser keeps the scroll in place as rows are measured; jsdom has no scrolling.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function openAt(db: AnttDatabase, path: string): void {
  renderApp(phones.get(db)!, <App />, path);
}

describe('accessibility (axe)', () => {
  it('home with progress, logs, badges and a sync error', async () => {
    openAt(await deviceWithData(), '/');
    await screen.findByText('Chờ gửi');
    await screen.findByRole('progressbar');
    await screen.findByRole('button', { name: 'Thử lại' });
    expect(await violations()).toEqual([]);
  });

  it('the kind chooser', async () => {
    openAt(await deviceWithData(), '/nhat-ky/moi');
    await screen.findByRole('link', { name: /Tuần tra/ });
    expect(await violations()).toEqual([]);
  });

  it('the patrol form showing its errors, with its checklist', async () => {
    openAt(await deviceWithData(), '/nhat-ky/moi/patrol');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: /Phân công người tham gia/ }));
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findByText('Hãy điền “Địa bàn, tuyến tuần tra”');
    expect(await violations()).toEqual([]);
  });

  it('the outreach form showing its errors', async () => {
    openAt(await deviceWithData(), '/nhat-ky/moi/outreach');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Tìm hộ (tên chủ hộ, địa chỉ)'), 'nguyen');
    await user.click(await screen.findByRole('button', { name: /Nguyễn Văn An/ }));
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findByText('Nhập nội dung tuyên truyền');
    expect(await violations()).toEqual([]);
  });

  it('the logbook with its filters open', async () => {
    openAt(await deviceWithData(), '/so-nhat-ky');
    await screen.findByText('2 mục');
    await userEvent.setup().click(screen.getByText('Lọc theo loại, ngày, trạng thái'));
    expect(await violations()).toEqual([]);
  });

  it('the households list and the household form of a leader', async () => {
    const db = await deviceWithData();
    await saveSession(db, { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', profile: { ...profile, user: { ...profile.user, role: 'leader' } }, loggedInAt: new Date().toISOString() });
    openAt(db, '/ho-gia-dinh');
    await screen.findByText('Nguyễn Văn An');
    expect(await violations()).toEqual([]);
    await userEvent.setup().click(screen.getByRole('link', { name: 'Thêm hộ' }));
    await screen.findByRole('button', { name: 'Lưu hộ' });
    expect(await violations()).toEqual([]);
  });

  it('the checklist editor of commune police', async () => {
    const db = await deviceWithData();
    const police = { ...profile, team: null, user: { ...profile.user, role: 'commune-police' as const }, orgUnits: [{ id: uuidv7(), name: 'Xã Tân Lập', kind: 'commune' as const }] };
    await saveSession(db, { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', profile: police, loggedInAt: new Date().toISOString() });
    openAt(db, '/danh-muc-kiem-tra');
    await screen.findByRole('form', { name: 'Sửa danh mục Vụ việc' });
    expect(await violations()).toEqual([]);
  });

  it('the month report of a leader', async () => {
    const db = await deviceWithData();
    await saveSession(db, { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', profile: { ...profile, user: { ...profile.user, role: 'leader' } }, loggedInAt: new Date().toISOString() });
    openAt(db, '/bao-cao');
    await screen.findByRole('table', { name: 'Kết quả thực hiện các chỉ tiêu' });
    expect(await violations()).toEqual([]);
  });

  it('the login with an error', async () => {
    renderApp(freshDevice(), <App />, '/dang-nhap');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Đăng nhập' }));
    await screen.findByText('Nhập tên đăng nhập');
    expect(await violations()).toEqual([]);
  });

  it('the PIN screen with a wrong PIN, listing nothing of the account', async () => {
    const { device } = await signedInPhone(profile);
    lockAllDatabases();
    renderApp(device, <App />, '/');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Mã PIN (6 chữ số)'), '000000');
    await user.click(screen.getByRole('button', { name: 'Mở khoá' }));
    await screen.findByText('Mã PIN không đúng. Còn 4 lần thử.');
    expect(await violations()).toEqual([]);
  });

  it('the PIN setup showing its errors', async () => {
    renderWithDb(freshDb(), <PinSetupForm onSubmit={async () => undefined} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Mã PIN (6 chữ số)'), '123456');
    await user.type(screen.getByLabelText('Nhập lại mã PIN'), '654321');
    await user.click(screen.getByRole('button', { name: 'Lưu mã PIN' }));
    await screen.findByText('Hai mã PIN chưa giống nhau');
    expect(await violations()).toEqual([]);
  });

  it('settings with the sign-out warning', async () => {
    const db = await deviceWithData();
    openAt(db, '/cai-dat');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Đăng xuất' }));
    await screen.findByRole('alertdialog');
    expect(await violations()).toEqual([]);
  });

  it('sync details with a refused entry and a conflict', async () => {
    const db = await deviceWithData();
    const refused = outreachLog(profile.user.id, { topic: 'Tuyên truyền an toàn giao thông' });
    await db.rejections.add({
      collection: 'fieldLog', recordId: refused.id, reason: 'date-out-of-range', data: refused, status: 'open',
      message: 'Ngày 01/01/1900 không hợp lệ', fields: [{ path: 'date', message: 'Ngày không hợp lệ' }], at: '2026-03-05T02:00:00.000Z',
    });
    const log = (await db.fieldLog.toArray())[0]!;
    await db.conflict.put({
      id: uuidv7(), kind: 'concurrent-edit', collection: 'fieldLog', recordId: log.id, scope: `team:${log.teamId}`, status: 'open',
      choices: {}, resolvedBy: null, resolvedAt: null, createdAt: '2026-03-05T02:00:00.000Z',
      fields: [{ field: 'note', values: [
        { value: 'Hộ vắng', userId: profile.user.id, at: '2026-03-05T01:00:00.000Z', isCurrent: true },
        { value: 'Đã gặp', userId: uuidv7(), at: '2026-03-05T02:00:00.000Z', isCurrent: false },
      ] }],
    });
    openAt(db, '/dong-bo');
    expect(await screen.findByText('Ngày 01/01/1900 không hợp lệ')).toBeInTheDocument();
    expect(await screen.findByRole('article', { name: 'Cùng một nội dung được sửa trên hai máy' })).toBeInTheDocument();
    expect(screen.getByText('Lúc 05/03/2026 09:00')).toBeInTheDocument();
    expect(await violations()).toEqual([]);
  });
});
