// The leader's month review on the phone: return an entry (a reason is required), approve the
// others, close the month once nothing waits; an entry edited after the close is flagged late
// and kept out until accepted; the member sees the returned entry with its reason.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReviewScreen } from '#src/client/features/review/components/review-screen.tsx';
import { ReturnedInboxPanel } from '#src/client/features/review/components/returned-inbox-panel.tsx';
import { readMonthClose } from '#src/client/db/review-repository.ts';
import type { Profile } from '#src/shared/domain/account.ts';
import { freshDb, memberProfile, outreachLog, renderWithDb, teamId, hamletEast, commune } from '../test-kit.tsx';

const memberId = memberProfile().user.id;
const leader: Profile = { ...memberProfile({ displayName: 'Trần Thị Bình' }), user: { ...memberProfile().user, role: 'leader', displayName: 'Trần Thị Bình' } };

async function teamDevice() {
  const db = freshDb();
  await db.team.put({
    id: teamId, communeId: commune.id, name: 'Tổ bảo vệ ANTT thôn Đông', hamletIds: [hamletEast.id], establishedOn: null, updatedAt: '2026-01-01T00:00:00.000Z',
    members: [{ userId: leader.user.id, displayName: 'Trần Thị Bình', position: 'leader' }, { userId: memberId, displayName: 'Hoàng Văn Tổ', position: 'member' }],
  });
  const first = outreachLog(memberId, { date: '2026-03-05', topic: 'Phòng chống lừa đảo qua mạng', updatedAt: '2026-03-05T02:00:00.000Z' });
  const second = outreachLog(memberId, { date: '2026-03-12', topic: 'Phòng cháy, chữa cháy', reviewStatus: 'resubmitted', updatedAt: '2026-03-12T02:00:00.000Z' });
  const april = outreachLog(memberId, { date: '2026-04-02', topic: 'Tháng sau' });
  await db.fieldLog.bulkPut([first, second, april]);
  return { db, first, second };
}

const itemOf = (date: string) => screen.getByRole('article', { name: `Tuyên truyền của Hoàng Văn Tổ ngày ${date}` });

describe('month review', () => {
  it('returns with a reason, approves, closes the month, and flags an entry changed after the close', async () => {
    const user = userEvent.setup();
    const { db, first, second } = await teamDevice();
    renderWithDb(db, <ReviewScreen profile={leader} params={{ month: '2026-03' }} />);

    expect(await screen.findByRole('heading', { name: 'Duyệt nhật ký tháng 03/2026' })).toBeInTheDocument();
    expect(screen.queryByText(/Tháng sau/)).toBeNull();
    expect(await screen.findByText('Đã duyệt: 0 · Chờ duyệt: 2 · Bị trả lại: 0')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Chốt sổ tháng 03/2026' })).toBeDisabled();

    await user.click(within(itemOf('05/03/2026')).getByRole('button', { name: /^Trả lại:/ }));
    await user.click(screen.getByRole('button', { name: 'Gửi trả lại' }));
    const reason = screen.getByLabelText('Lý do trả lại (tổ viên sẽ đọc để sửa)');
    expect(reason).toHaveAccessibleDescription('Hãy ghi lý do trả lại để tổ viên biết cần sửa gì.');
    expect((await db.fieldLog.get(first.id))?.reviewStatus).toBe('pending');
    await user.type(reason, 'Thiếu tên hộ được tuyên truyền');
    await user.click(screen.getByRole('button', { name: 'Gửi trả lại' }));
    expect(await screen.findByText('Đã trả lại cho tổ viên. Sẽ gửi khi có mạng.')).toBeInTheDocument();
    const returned = await db.fieldLog.get(first.id);
    expect(returned).toMatchObject({ reviewStatus: 'returned', reviewComment: 'Thiếu tên hộ được tuyên truyền', reviewedBy: leader.user.id, updatedAt: first.updatedAt });
    expect(await db.outbox.where('recordId').equals(first.id).count()).toBe(1);

    await user.click(within(itemOf('12/03/2026')).getByRole('button', { name: /^Duyệt:/ }));
    await waitFor(() => expect(screen.getByText('Đã duyệt: 1 · Chờ duyệt: 0 · Bị trả lại: 1')).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Chốt sổ tháng 03/2026' }));
    expect(await screen.findByText('Đã chốt sổ tháng 03/2026.')).toBeInTheDocument();
    expect(screen.queryByText('Nộp muộn (sau khi chốt sổ)')).toBeNull();
    const close = await readMonthClose(db, teamId, '2026-03');
    expect(close).toMatchObject({ status: 'closed', closedBy: leader.user.id, covered: { [second.id]: second.updatedAt } });
    expect(await db.outbox.where('recordId').equals(close!.id).count()).toBe(1);

    // The member fixes the returned entry on another phone; it syncs in after the close.
    await db.fieldLog.put({ ...returned!, reviewStatus: 'resubmitted', topic: 'Phòng chống lừa đảo (đã bổ sung hộ)', updatedAt: '2026-04-03T01:00:00.000Z' });
    expect(await screen.findByText('1 nhật ký nộp muộn chưa được tính. Xem và chấp nhận ở danh sách dưới.')).toBeInTheDocument();
    expect(within(itemOf('05/03/2026')).getByText('Nộp muộn (sau khi chốt sổ)')).toBeInTheDocument();
    await user.click(await within(itemOf('05/03/2026')).findByRole('button', { name: /^Duyệt:/ }));
    await user.click(await within(itemOf('05/03/2026')).findByRole('button', { name: /^Chấp nhận vào tháng đã chốt:/ }));
    expect(await screen.findByText('Đã chấp nhận vào tháng đã chốt.')).toBeInTheDocument();
    expect((await readMonthClose(db, teamId, '2026-03'))?.covered).toEqual({ [second.id]: second.updatedAt, [first.id]: '2026-04-03T01:00:00.000Z' });
    await waitFor(() => expect(screen.queryByText(/nộp muộn chưa được tính/)).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Mở lại tháng' }));
    expect(await screen.findByText('Đã mở lại tháng 03/2026.')).toBeInTheDocument();
    expect((await readMonthClose(db, teamId, '2026-03'))?.status).toBe('reopened');
  });

  it('shows the member the returned entry with the reason and a way to fix it', async () => {
    const { db, first } = await teamDevice();
    await db.fieldLog.put({ ...first, reviewStatus: 'returned', reviewComment: 'Thiếu tên hộ', reviewedBy: leader.user.id });
    renderWithDb(db, <ReturnedInboxPanel memberId={memberId} />);

    expect(await screen.findByRole('heading', { name: 'Nhật ký bị trả lại (1)' })).toBeInTheDocument();
    expect(screen.getByText('Lý do: Thiếu tên hộ')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sửa và gửi lại: Tuyên truyền ngày 05/03/2026' })).toHaveAttribute('href', `/nhat-ky/${first.id}`);
  });
});
