// The logbook screen: whose entries each role sees, filters, a search that ignores diacritics,
// distinct names for two entries of one day, and 10,000 entries rendered a window at a time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LogbookScreen } from '#src/client/features/entries/components/logbook-screen.tsx';
import { emptyLogbookFilter, useLogbookStore } from '#src/client/features/entries/logbook-store.ts';
import { AnttDatabase } from '#src/client/db/database.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { Profile } from '#src/shared/domain/account.ts';
import { freshDb, memberProfile, outreachLog, renderWithDb, teamId } from '../test-kit.tsx';
import { validEntries } from '../../../shared/kinds/entry-fixtures.ts';

const member = memberProfile({ displayName: 'Hoàng Văn Tổ' });
const leader: Profile = { ...memberProfile({ displayName: 'Trần Thị Bình' }), user: { ...memberProfile().user, role: 'leader', displayName: 'Trần Thị Bình' } };

function rowLinks() {
  return within(screen.getByRole('list')).queryAllByRole('link');
}

beforeEach(() => {
  useLogbookStore.setState({ filter: emptyLogbookFilter });
  // The virtualiser keeps the page's scroll in place as rows are measured; jsdom has no scrolling.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function deviceWithEntries() {
  const db = freshDb();
  await db.fieldLog.bulkPut([
    outreachLog(member.user.id, { date: '2026-03-05', topic: 'Phòng chống lừa đảo qua mạng', createdAt: '2026-03-05T01:00:00.000Z' }),
    outreachLog(member.user.id, { date: '2026-03-05', topic: 'Phòng cháy, chữa cháy', reviewStatus: 'approved', createdAt: '2026-03-05T08:30:00.000Z' }),
    { ...validEntries.patrol, id: uuidv7(), teamId, memberId: leader.user.id, area: 'Đường Đê ấp Đông' },
  ]);
  await putRecord(db, 'fieldLog', { ...validEntries['good-deed'], id: uuidv7(), teamId, memberId: member.user.id, date: '2026-03-04', description: 'Trả lại ví nhặt được' });
  return db;
}

describe('logbook', () => {
  it('shows a member their own entries with distinct names for two entries of one day', async () => {
    renderWithDb(await deviceWithEntries(), <LogbookScreen profile={member} />);
    expect(await screen.findByText('3 mục')).toBeInTheDocument();
    await waitFor(() => expect(rowLinks()).toHaveLength(3));
    const names = rowLinks().map((link) => link.getAttribute('aria-label'));
    expect(new Set(names).size).toBe(3);
    expect(rowLinks()[0]).toHaveAccessibleName('Tuyên truyền · 05/03/2026 15:30, Hoàng Văn Tổ: Phòng cháy, chữa cháy. Đã duyệt');
    expect(rowLinks()[1]).toHaveAccessibleName('Tuyên truyền · 05/03/2026 08:00, Hoàng Văn Tổ: Phòng chống lừa đảo qua mạng. Chờ duyệt');
    expect(names[2]).toMatch(/^Việc tốt · 04\/03\/2026 .*Trả lại ví nhặt được\. Chờ duyệt, Chờ gửi$/);
    expect(screen.queryByText(/Đường Đê/)).toBeNull();
  });

  it('shows a leader the team\'s entries, filtered by kind, status and sync state', async () => {
    const user = userEvent.setup();
    renderWithDb(await deviceWithEntries(), <LogbookScreen profile={leader} />);
    expect(await screen.findByText('4 mục')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Cả tổ' })).toBeChecked();
    await user.click(screen.getByText('Lọc theo loại, ngày, trạng thái'));
    await user.selectOptions(screen.getByLabelText('Loại công việc'), 'Tuần tra');
    expect(await screen.findByText('1 mục')).toBeInTheDocument();
    expect(screen.getByText('Đường Đê ấp Đông')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Loại công việc'), '');
    await user.selectOptions(screen.getByLabelText('Trạng thái duyệt'), 'Đã duyệt');
    expect(await screen.findByText('1 mục')).toBeInTheDocument();
    expect(screen.getByText('Phòng cháy, chữa cháy')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Trạng thái duyệt'), '');
    await user.selectOptions(screen.getByLabelText('Gửi lên máy chủ'), 'Chờ gửi');
    expect(await screen.findByText('1 mục')).toBeInTheDocument();
    expect(screen.getByText('Trả lại ví nhặt được')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Bỏ lọc' }));
    await user.type(screen.getByLabelText('Từ ngày'), '05/03/2026');
    expect(await screen.findByText('3 mục')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Của tôi' }));
    expect(await screen.findByText('1 mục')).toBeInTheDocument();
  });

  it('searches ignoring diacritics, by text and author', async () => {
    const user = userEvent.setup();
    renderWithDb(await deviceWithEntries(), <LogbookScreen profile={leader} />);
    await screen.findByText('4 mục');
    await user.type(screen.getByLabelText('Tìm trong nhật ký'), 'chay');
    expect(await screen.findByText('1 mục')).toBeInTheDocument();
    expect(screen.getByText('Phòng cháy, chữa cháy')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Tìm trong nhật ký'));
    await user.type(screen.getByLabelText('Tìm trong nhật ký'), 'vi nhat');
    expect(await screen.findByText('1 mục')).toBeInTheDocument();
  });

  it('shows commune police every entry on the device, authors named from the teams the device holds', async () => {
    class OrganisedDatabase extends AnttDatabase {
      constructor(name: string) {
        super(name);
        this.version(4).stores({ orgUnit: 'id', team: 'id' });
      }
    }
    const db = new OrganisedDatabase(`ui-test-${uuidv7()}`);
    const otherTeam = uuidv7();
    await db.table('team').bulkPut([
      { id: teamId, members: [{ userId: member.user.id, displayName: 'Hoàng Văn Tổ' }] },
      { id: otherTeam, members: [{ userId: leader.user.id, displayName: 'Trần Thị Bình' }] },
    ]);
    await db.fieldLog.bulkPut([
      outreachLog(member.user.id, { date: '2026-03-05' }),
      outreachLog(leader.user.id, { date: '2026-03-04', teamId: otherTeam }),
      outreachLog(uuidv7(), { date: '2026-03-03', teamId: otherTeam }),
    ]);
    const police: Profile = { ...member, team: null, user: { ...member.user, id: uuidv7(), role: 'commune-police', displayName: 'Lê Minh Cường' } };
    renderWithDb(db, <LogbookScreen profile={police} />);
    expect(await screen.findByText('3 mục')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).toBeNull();
    await waitFor(() => expect(rowLinks().map((link) => link.getAttribute('aria-label')?.split(', ')[1]?.split(':')[0])).toEqual(['Hoàng Văn Tổ', 'Trần Thị Bình', 'Tổ viên']));
  });

  it('lists 10,000 entries while only a window of rows exists in the page', async () => {
    const db = freshDb();
    await db.fieldLog.bulkPut(Array.from({ length: 10_000 }, (_, index) => outreachLog(member.user.id, {
      date: `2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
      topic: `Buổi tuyên truyền số ${index}`,
    })));
    renderWithDb(db, <LogbookScreen profile={member} />);
    expect(await screen.findByText('10.000 mục', {}, { timeout: 10_000 })).toBeInTheDocument();
    await waitFor(() => expect(rowLinks().length).toBeGreaterThan(0));
    expect(rowLinks().length).toBeLessThan(20);
    const list = screen.getByRole('list');
    expect(within(list).getAllByRole('listitem')[0]).toHaveAttribute('aria-setsize', '10000');
  });
});
