// The report screen by role, computed from the phone's data: a leader's month report of the
// team in the administrative layout; commune police choosing the commune or one team; a member
// is told reports are not theirs.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReportsScreen } from '#src/client/features/reports/components/reports-screen.tsx';
import { freshDb, profileOf, renderWithDb } from '../test-kit.tsx';
import { fillCommune } from './report-fixtures.ts';

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

  it('tells a member that reports are for leaders and commune police', () => {
    renderWithDb(freshDb(), <ReportsScreen profile={profileOf('member')} today="2025-04-10" />);
    expect(screen.getByText('Báo cáo dành cho tổ trưởng và Công an xã.')).toBeInTheDocument();
  });
});
