// The member's logs on the home screen: newest day first, dd/MM/yyyy, the "Chờ gửi" badge for
// logs still in the outbox, distinct link names, the log saved last, and paging through the index.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OutreachList, PAGE_SIZE } from '#src/client/features/outreach/components/outreach-list.tsx';
import { useOutreachFormStore } from '#src/client/features/outreach/outreach-form-store.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { freshDb, memberProfile, outreachLog, renderWithDb, villageHouseholds } from '../test-kit.tsx';

const me = memberProfile().user.id;

beforeEach(() => {
  useOutreachFormStore.setState({ hasUnsavedInput: false, notice: null, savedId: null });
});

function cards() {
  return within(screen.getByRole('list')).getAllByRole('article');
}

describe('outreach list', () => {
  it('shows the member\'s logs newest first with dd/MM/yyyy, households, and the "Chờ gửi" badge', async () => {
    const db = freshDb();
    const h = villageHouseholds();
    await db.household.bulkPut(Object.values(h));
    // Pulled from the server (no outbox entry): synced.
    await db.fieldLog.bulkPut([
      outreachLog(me, { date: '2026-01-15', householdIds: [h.an.id], topic: 'Phòng cháy, chữa cháy', reviewStatus: 'approved' }),
      outreachLog(me, { date: '2026-03-01', householdIds: [h.an.id, h.binh.id, h.cuong.id, h.dung.id], topic: 'Tố giác tội phạm', form: 'meeting', peopleReached: 40 }),
      outreachLog(memberProfile().user.id, { date: '2026-03-20', topic: 'Nhật ký của người khác' }),
    ]);
    // Saved on this device and not yet pushed.
    await putRecord(db, 'fieldLog', outreachLog(me, { date: '2026-02-20', householdIds: [h.duc.id], topic: 'An toàn giao thông' }));

    renderWithDb(db, <OutreachList memberId={me} />);
    await waitFor(() => expect(cards()).toHaveLength(3));
    const [newest, middle, oldest] = cards();
    expect(within(newest!).getByRole('link', { name: /^Mở nhật ký ngày 01\/03\/2026: Tố giác tội phạm/ }))
      .toHaveAttribute('href', expect.stringMatching(/^\/nhat-ky\//));
    expect(newest).toHaveTextContent('Tố giác tội phạm');
    expect(newest).toHaveTextContent('Họp dân · 40 người');
    expect(await within(newest!).findByText('Nguyễn Văn An, Nguyễn Thị Bình và 2 hộ khác')).toBeInTheDocument();
    expect(newest).toHaveTextContent('Chờ duyệt');
    expect(within(newest!).queryByText('Chờ gửi')).toBeNull();

    expect(within(middle!).getByRole('link')).toHaveTextContent('20/02/2026');
    expect(await within(middle!).findByText('Chờ gửi')).toBeInTheDocument();
    expect(within(middle!).getByText('Phạm Văn Đức')).toBeInTheDocument();

    expect(within(oldest!).getByRole('link')).toHaveTextContent('15/01/2026');
    expect(oldest).toHaveTextContent('Đã duyệt');
    expect(within(oldest!).queryByText('Chờ gửi')).toBeNull();
    expect(screen.queryByText('Nhật ký của người khác')).toBeNull();
  });

  it('says so when there is no log yet', async () => {
    renderWithDb(freshDb(), <OutreachList memberId={me} />);
    expect(await screen.findByText(/Chưa có nhật ký nào/)).toBeInTheDocument();
  });

  it('shows a page at a time and loads older logs with "Xem thêm"', async () => {
    const db = freshDb();
    const total = PAGE_SIZE * 2 + 5;
    await db.fieldLog.bulkPut(Array.from({ length: total }, (_, i) =>
      outreachLog(me, { date: `2025-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` })));
    const user = userEvent.setup();
    renderWithDb(db, <OutreachList memberId={me} />);

    await waitFor(() => expect(cards()).toHaveLength(PAGE_SIZE));
    expect(within(cards()[0]!).getByRole('link')).toHaveTextContent('17/02/2025');
    await user.click(screen.getByRole('button', { name: 'Xem thêm' }));
    await waitFor(() => expect(cards()).toHaveLength(PAGE_SIZE * 2));
    await user.click(screen.getByRole('button', { name: 'Xem thêm' }));
    await waitFor(() => expect(cards()).toHaveLength(total));
    expect(within(cards()[total - 1]!).getByRole('link')).toHaveTextContent('01/01/2025');
    expect(screen.queryByRole('button', { name: 'Xem thêm' })).toBeNull();
  });

  it('reads only one page of rows through the index, however many logs the phone holds', async () => {
    const db = freshDb();
    const teammate = memberProfile().user.id;
    await db.fieldLog.bulkPut(Array.from({ length: 3000 }, (_, i) =>
      outreachLog(i % 3 === 0 ? teammate : me, { date: `20${String(10 + (i % 15))}-0${1 + (i % 9)}-1${i % 10}` })));
    let rowsRead = 0;
    db.fieldLog.hook('reading', (row) => {
      rowsRead += 1;
      return row;
    });
    renderWithDb(db, <OutreachList memberId={me} />);
    await waitFor(() => expect(cards()).toHaveLength(PAGE_SIZE));
    expect(within(cards()[0]!).getByRole('link')).toHaveTextContent('19/09/2024');
    // One page plus the row that tells whether there is more.
    expect(rowsRead).toBeGreaterThanOrEqual(PAGE_SIZE);
    expect(rowsRead).toBeLessThanOrEqual(PAGE_SIZE + 1);
  });

  it('gives two logs of one day distinct link names, even with the same words', async () => {
    const db = freshDb();
    const h = villageHouseholds();
    await db.household.bulkPut(Object.values(h));
    await db.fieldLog.bulkPut([
      outreachLog(me, { date: '2026-03-05', householdIds: [h.an.id], topic: 'Phòng cháy, chữa cháy' }),
      outreachLog(me, { date: '2026-03-05', householdIds: [h.binh.id], topic: 'Phòng chống ma túy' }),
      outreachLog(me, { date: '2026-03-05', householdIds: [h.binh.id], topic: 'Phòng chống ma túy' }),
    ]);
    renderWithDb(db, <OutreachList memberId={me} />);
    await screen.findAllByText('Nguyễn Thị Bình');
    const names = screen.getAllByRole('link').map((link) => link.getAttribute('aria-label'));
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
    expect(names).toContain('Mở nhật ký ngày 05/03/2026: Phòng cháy, chữa cháy – Nguyễn Văn An');
    expect(names).toContain('Mở nhật ký ngày 05/03/2026: Phòng chống ma túy – Nguyễn Thị Bình (2)');
  });

  it('marks the log saved last', async () => {
    const db = freshDb();
    const saved = outreachLog(me, { date: '2026-03-05' });
    await db.fieldLog.bulkPut([outreachLog(me, { date: '2026-03-06' }), saved]);
    useOutreachFormStore.setState({ notice: 'Đã lưu.', savedId: saved.id });
    renderWithDb(db, <OutreachList memberId={me} />);
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(within(cards()[1]!).getByText('Vừa lưu')).toBeInTheDocument();
    expect(within(cards()[0]!).queryByText('Vừa lưu')).toBeNull();
  });
});
