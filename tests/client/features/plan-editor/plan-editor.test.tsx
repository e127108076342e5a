// The plan editor as a province admin uses it, in the whole app over a real device database:
// start from a seed template, fix what the schema marks (messages beside the fields), publish
// versions as synced records, and carry a plan through a JSON file and back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { App } from '#src/client/app/App.tsx';
import { listCurrentPlans, listPlanVersions } from '#src/client/db/campaign-plan-repository.ts';
import type { AnttDatabase } from '#src/client/db/database.ts';
import { contentOf } from '#src/shared/domain/campaign-plan.ts';
import type { Profile } from '#src/shared/domain/account.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { usePlanEditorStore } from '#src/client/features/plan-editor/plan-editor-store.ts';
import { findPlanNameField, freshDevice, openAppAs, renderApp } from '../test-kit.tsx';

const province = { id: uuidv7(), name: 'Tỉnh Đăk Nông', kind: 'province' as const };
const admin: Profile = {
  user: { id: uuidv7(), username: 'tinh', displayName: 'Phạm Quốc Dũng', role: 'province-admin' },
  team: null, hamlets: [], orgUnits: [province],
};

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn(async () => {
    throw new TypeError('Failed to fetch');
  }));
  usePlanEditorStore.getState().clearNotice();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function openAt(path: string, db?: AnttDatabase): Promise<AnttDatabase> {
  if (!db) return openAppAs(admin, path);
  const phone = freshDevice();
  await phone.accounts.put({ userId: admin.user.id, username: admin.user.username, displayName: admin.user.displayName, dbName: db.name, lastActiveAt: new Date().toISOString() });
  await phone.meta.put({ key: 'activeUserId', value: admin.user.id });
  renderApp(phone, <App />, path);
  return db;
}

/** Saving a plan and reading it back live takes a while on a loaded test machine. */
const SAVED = { timeout: 10_000 };

const indicatorGroup = (name: RegExp) => screen.getByRole('group', { name });

async function startFromTemplate(user: ReturnType<typeof userEvent.setup>, optionText: RegExp): Promise<void> {
  await user.selectOptions(await screen.findByLabelText('Bắt đầu từ'), screen.getByRole('option', { name: optionText }));
  await user.click(screen.getByRole('button', { name: 'Bắt đầu soạn' }));
}

describe('plan editor', () => {
  it('starts from seed 001, changes a target, and publishes version 1 as a synced record', async () => {
    const user = userEvent.setup();
    const db = await openAt('/ke-hoach');
    expect(await screen.findByText('Chưa có kế hoạch nào trên máy.')).toBeInTheDocument();
    await startFromTemplate(user, /591\/KH-UBND/);

    expect(await findPlanNameField()).toHaveValue('Phát động phong trào thi đua đặc biệt trong lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở trên địa bàn tỉnh Đăk Nông');
    const general = screen.getByRole('region', { name: 'Thông tin chung' });
    expect(within(general).getByLabelText('Từ ngày (ngày/tháng/năm)')).toHaveValue('19/08/2024');
    expect(within(screen.getByRole('group', { name: 'Đợt 2: Đợt 2' })).getByLabelText('Đến ngày (ngày/tháng/năm)')).toHaveValue('19/08/2025');
    const tips = indicatorGroup(/^Chỉ tiêu 1: Nguồn tin/);
    const target = within(tips).getByLabelText('Mục tiêu');
    expect(target).toHaveValue('80');
    await user.clear(target);
    await user.type(target, '85');
    await user.click(screen.getByRole('button', { name: 'Lưu và phát hành' }));

    expect(await screen.findByText('Đã lưu phiên bản 1. Kế hoạch sẽ được gửi lên khi có mạng.', undefined, SAVED)).toBeInTheDocument();
    const [plan] = await listCurrentPlans(db);
    expect(plan).toMatchObject({ version: 1, orgUnitId: province.id, templateId: '001-dak-nong-2024', documentNumber: '591/KH-UBND' });
    expect(plan!.indicators[0]!.target).toEqual({ comparator: '>=', value: 85, unit: 'percent' });
    expect(await db.outbox.toArray()).toMatchObject([{ collection: 'campaignPlan', recordId: plan!.id, op: 'put' }]);
    await waitFor(() => expect(window.location.pathname).toBe(`/ke-hoach/${plan!.planId}`), SAVED);
    expect(await screen.findByText(/Đang sửa phiên bản 1\./, undefined, SAVED)).toBeInTheDocument();
  });

  it('shows each problem in Vietnamese beside its field, and focuses the first', async () => {
    const user = userEvent.setup();
    const db = await openAt('/ke-hoach');
    await startFromTemplate(user, /Kế hoạch trống/);
    await user.click(screen.getByRole('button', { name: 'Thêm đợt' }));
    const phase = screen.getByRole('group', { name: 'Đợt 1: Đợt 1' });
    await user.type(within(phase).getByLabelText('Từ ngày (ngày/tháng/năm)'), '31/02/2025');
    await user.click(screen.getByRole('button', { name: 'Thêm chỉ tiêu' }));
    const indicator = screen.getByRole('group', { name: /^Chỉ tiêu 1/ });
    await user.selectOptions(within(indicator).getByLabelText('Cách tính'), 'Tỷ lệ hộ được tuyên truyền');
    await user.type(within(indicator).getByLabelText('Mục tiêu'), '120');
    await user.click(screen.getByRole('button', { name: 'Lưu và phát hành' }));

    const name = await findPlanNameField();
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAccessibleDescription('Nhập tên kế hoạch');
    expect(within(phase).getByLabelText('Từ ngày (ngày/tháng/năm)')).toHaveAccessibleDescription('Ngày không hợp lệ');
    expect(within(indicator).getByLabelText('Mục tiêu')).toHaveAccessibleDescription(/Tỷ lệ không quá 100%/);
    expect(within(indicator).getByLabelText('Tên chỉ tiêu')).toHaveAccessibleDescription('Nhập tên chỉ tiêu');
    expect(screen.getByRole('alert')).toHaveTextContent(/chỗ chưa đúng/);
    expect(await db.campaignPlan.count()).toBe(0);

    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('publishes an edit as version 2 and keeps version 1', async () => {
    const user = userEvent.setup();
    const db = await openAt('/ke-hoach');
    await startFromTemplate(user, /31\/KH-UBND/);
    await user.click(screen.getByRole('button', { name: 'Lưu và phát hành' }));
    await screen.findByText(/Đang sửa phiên bản 1\./, undefined, SAVED);

    // Seed 000's "of which 50% Khá": read it as 50% of all units instead.
    const good = indicatorGroup(/^Chỉ tiêu 8: Trong đó xếp loại “Khá”/);
    expect(within(good).getByLabelText('Cách hiểu tỷ lệ')).toHaveValue('of-parent');
    await user.selectOptions(within(good).getByLabelText('Cách hiểu tỷ lệ'), 'Trên tổng số');
    await user.click(screen.getByRole('button', { name: 'Lưu và phát hành' }));

    expect(await screen.findByText(/Đang sửa phiên bản 2\./, undefined, SAVED)).toBeInTheDocument();
    const [latest] = await listCurrentPlans(db);
    const versions = await listPlanVersions(db, latest!.planId);
    expect(versions.map((v) => [v.version, v.indicators[7]!.shareOf?.reading])).toEqual([[2, 'of-all'], [1, 'of-parent']]);
    expect(new Set(versions.map((v) => v.id)).size).toBe(2);
  });

  it('carries a plan through its JSON file and back unchanged', async () => {
    const user = userEvent.setup();
    const db = await openAt('/ke-hoach');
    await startFromTemplate(user, /^UBND tỉnh Đồng Nai, 91\/KH-UBND/);
    await user.click(screen.getByRole('button', { name: 'Lưu và phát hành' }));
    await screen.findByText(/Đang sửa phiên bản 1\./, undefined, SAVED);
    const [original] = await listCurrentPlans(db);

    await user.click(screen.getByText('Xuất tệp JSON'));
    const json = (screen.getByLabelText('Nội dung tệp JSON của kế hoạch') as HTMLTextAreaElement).value;
    expect(screen.getByRole('link', { name: 'Tải tệp JSON về máy' })).toHaveAttribute('download', 'ke-hoach-91-KH-UBND.json');

    await user.click(screen.getByRole('button', { name: 'Quay lại danh sách' }));
    // A long file: paste it rather than type it.
    fireEvent.change(await screen.findByLabelText('Nội dung tệp JSON'), { target: { value: json } });
    await user.click(screen.getByRole('button', { name: 'Nhập' }));
    expect(await findPlanNameField()).toHaveValue(original!.name);
    await user.click(screen.getByRole('button', { name: 'Lưu và phát hành' }));
    await waitFor(async () => expect(await db.campaignPlan.count()).toBe(2), SAVED);

    const copy = (await listCurrentPlans(db)).find((plan) => plan.planId !== original!.planId)!;
    expect(contentOf(copy)).toEqual(contentOf(original!));
    expect(copy.deadlines).toHaveLength(5);
  });

  it('refuses a file that is not JSON or not a plan, and opens a plan with problems marked', async () => {
    const user = userEvent.setup();
    await openAt('/ke-hoach');
    const input = await screen.findByLabelText('Nội dung tệp JSON');
    fireEvent.change(input, { target: { value: '{ "name": ' } });
    await user.click(screen.getByRole('button', { name: 'Nhập' }));
    expect(input).toHaveAccessibleDescription(/^Dán nội dung tệp vào đây.*Đây không phải nội dung JSON hợp lệ/);
    fireEvent.change(input, { target: { value: '[1, 2, 3]' } });
    await user.click(screen.getByRole('button', { name: 'Nhập' }));
    expect(input).toHaveAccessibleDescription(/Tệp không chứa một kế hoạch/);

    const broken = {
      name: 'Kế hoạch nhập', startDay: '2025-01-01', endDay: '2025-12-31',
      phases: [{ id: 'nam', name: 'Năm 2025', startDay: '2025-01-01', endDay: '2025-12-31' }],
      indicators: [
        { id: 'ho', label: 'Hộ được tuyên truyền', metric: { type: 'household-outreach-share' }, target: { comparator: '>=', value: 'tám mươi', unit: 'percent' }, level: 'commune', period: 'year' },
        { id: 'la', label: 'Chỉ số lạ', metric: { type: 'so-dem' }, target: { comparator: '>=', value: 1, unit: 'count' }, level: 'commune', period: 'year' },
      ],
      deadlines: [{ id: 'x' }],
    };
    fireEvent.change(input, { target: { value: JSON.stringify(broken) } });
    await user.click(screen.getByRole('button', { name: 'Nhập' }));

    expect(await screen.findByText('Đã nhập tệp. Hãy xem lại, sửa những ô được đánh dấu, rồi lưu.')).toBeInTheDocument();
    expect(within(indicatorGroup(/^Chỉ tiêu 1/)).getByLabelText('Mục tiêu')).toHaveAccessibleDescription(/Nhập mục tiêu bằng một số/);
    expect(within(indicatorGroup(/^Chỉ tiêu 2/)).getByLabelText('Cách tính')).toHaveAccessibleDescription('Chọn loại chỉ số');
    // The deadline has no field on this screen: its problems are listed in the summary.
    expect(screen.getByRole('alert')).toHaveTextContent(/deadlines\.0\.kind/);
  });
});
