// The report screen by role, computed from the phone's data: a leader's month report of the
// team in the administrative layout; commune police choosing the commune or one team; a member
// is told reports are not theirs.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReportsScreen } from '#src/client/features/reports/components/reports-screen.tsx';
import { freshDb, profileOf, renderWithDb } from '../test-kit.tsx';
import { saveSession } from '#src/client/db/session-repository.ts';
import { commune } from '../test-kit.tsx';
import { fillCommune, plan } from './report-fixtures.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

function rowOf(tableName: string, rowText: string): HTMLElement {
  const table = screen.getByRole('table', { name: tableName });
  return within(table).getAllByRole('row').find((row) => row.textContent?.includes(rowText))!;
}

/** The number of entries of a kind in the work table (its last cell). */
const countOf = (kind: string): string | null | undefined => within(rowOf('Kết quả công tác theo nội dung', kind)).getAllByRole('cell').at(-1)?.textContent;

describe('reports screen', () => {
  it('shows a leader the month report of the team in the administrative layout', async () => {
    const profile = profileOf('leader', 'Trần Thị Bình');
    const db = freshDb();
    await fillCommune(db, profile.user.id);
    renderWithDb(db, <ReportsScreen profile={profile} today="2025-04-10" />);

    expect(await screen.findByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBeInTheDocument();
    expect(screen.getByText('Độc lập - Tự do - Hạnh phúc')).toBeInTheDocument();
    expect(screen.getByText('TỔ BẢO VỆ ANTT THÔN ĐÔNG')).toBeInTheDocument();
    expect(screen.getByText('Tân Lập, ngày 10 tháng 04 năm 2025')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'BÁO CÁO' })).toBeInTheDocument();
    // The newest finished month is April (running); choose March.
    await userEvent.selectOptions(screen.getByLabelText('Kỳ báo cáo'), 'Tháng 03/2025');
    // 2 of thôn Đông's 5 households reached by approved outreach (the pending one does not count).
    const row = rowOf('Kết quả thực hiện các chỉ tiêu', 'Hộ gia đình được tuyên truyền');
    expect(within(row).getByText('≥ 80%')).toBeInTheDocument();
    expect(within(row).getByText('2/5 (40%)')).toBeInTheDocument();
    expect(within(row).getByText('Chưa đạt')).toBeInTheDocument();
    // The leader reads the team's tip.
    expect(countOf('Nguồn tin')).toBe('1');
    expect(countOf('Tuyên truyền')).toBe('1');
    expect(screen.getByText('TỔ TRƯỞNG')).toBeInTheDocument();
    expect(screen.getByText('(Ký, ghi rõ họ tên)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'In hoặc lưu PDF' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tải tệp Excel' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Báo cáo của')).not.toBeInTheDocument();
  });

  it('lets commune police report on the commune or one of its teams', async () => {
    const profile = profileOf('commune-police', 'Lê Minh Cường');
    const db = freshDb();
    await fillCommune(db, profileOf('leader').user.id);
    renderWithDb(db, <ReportsScreen profile={profile} today="2025-04-10" />);

    expect(await screen.findByText('CÔNG AN XÃ TÂN LẬP')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Kỳ báo cáo'), 'Tháng 03/2025');
    // The commune: 2 + 3 of 5 + 4 households.
    expect(within(rowOf('Kết quả thực hiện các chỉ tiêu', 'Hộ gia đình')).getByText('5/9 (55,6%)')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Báo cáo của'), 'Tổ bảo vệ ANTT thôn Tây');
    expect(within(rowOf('Kết quả thực hiện các chỉ tiêu', 'Hộ gia đình')).getByText('3/4 (75%)')).toBeInTheDocument();
    expect(screen.getByText('NGƯỜI LẬP BÁO CÁO')).toBeInTheDocument();
  });

  it('tells a member that reports are for leaders, commune police and province staff', () => {
    renderWithDb(freshDb(), <ReportsScreen profile={profileOf('member')} today="2025-04-10" />);
    expect(screen.getByText('Báo cáo dành cho tổ trưởng, Công an xã và Công an tỉnh.')).toBeInTheDocument();
  });

  it('shows province staff the results of each commune from the server, asking for the plan and period chosen', async () => {
    const profile = profileOf('province-admin', 'Phạm Quốc Dũng');
    const db = freshDb();
    await db.campaignPlan.put(plan);
    await saveSession(db, { token: 'token-p', expiresAt: '2099-01-01T00:00:00.000Z', profile, loggedInAt: '2025-04-01T00:00:00.000Z' });
    const fetch = vi.fn(async (_path: string, _init?: RequestInit) => new Response(JSON.stringify({
      planId: plan.planId, planVersion: 1, asOfDay: '2025-04-10', computedAt: '2025-04-10T03:00:00.000Z',
      communes: [{ id: commune.id, name: 'Xã Tân Lập' }],
      indicators: [{ indicatorId: 'households-reached', period: { key: 'month:2025-04', startDay: '2025-04-01', endDay: '2025-04-10' },
        results: [{ communeId: commune.id, numerator: 450, denominator: 500, value: 90, status: 'met', noDataReason: null, remaining: 0, projectionValue: 90 }] }],
    }), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    renderWithDb(db, <ReportsScreen profile={profile} today="2025-04-10" />);

    expect(await screen.findByText('CÔNG AN TỈNH ĐỒNG NAI')).toBeInTheDocument();
    const row = rowOf('Kết quả thực hiện các chỉ tiêu theo xã', 'Xã Tân Lập');
    expect(within(row).getByText('450/500 (90%)')).toBeInTheDocument();
    expect(within(row).getByText('Đạt')).toBeInTheDocument();
    const [path, init] = fetch.mock.calls.at(-1)!;
    expect(path).toContain(`planId=${plan.planId}`);
    expect(path).toContain('periodKey=month%3A2025-04');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer token-p');
  });
});
