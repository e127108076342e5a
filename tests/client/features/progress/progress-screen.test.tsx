// The progress screen per role, from the phone's own data through the shared engine: a member's
// month moves when an entry is saved (offline: nothing is sent), a leader sees each member's part
// with those below target marked and whose phones are behind, commune police sort the teams.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProgressScreen } from '#src/client/features/progress/components/progress-screen.tsx';
import { putRecord } from '#src/client/db/record-repository.ts';
import type { Profile } from '#src/shared/domain/account.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { validEntries } from '../../../shared/kinds/entry-fixtures.ts';
import { householdIndicator, planOf } from '../../../support/plan-fixtures.ts';
import { commune, freshDb, hamletEast, hamletWest, household, otherTeamId, outreachLog, profileOf, renderWithDb, teamId } from '../test-kit.tsx';

const today = '2026-03-20';
const [leaderId, anId, binhId] = [uuidv7(), uuidv7(), uuidv7()];
const settings = { dutyPhone: null, promptMinutes: 30 };

const plan = planOf({
  name: 'Thi đua bảo vệ ANTT 2026', orgUnitId: commune.id, startDay: '2026-03-01', endDay: '2026-12-31',
  phases: [{ id: 'dot-1', name: 'Đợt 1', startDay: '2026-03-01', endDay: '2026-06-30' }],
  indicators: [
    householdIndicator(),
    { id: 'good-deeds', label: 'Việc tốt', metric: { type: 'entry-count', entryKind: 'good-deed' }, target: { comparator: '>=', value: 2, unit: 'count' }, level: 'member', period: 'month' },
  ],
});

const person = (id: string, role: 'member' | 'leader', displayName: string): Profile => ({
  ...profileOf(role, displayName), user: { id, username: displayName, displayName, role },
});

function goodDeed(memberId: string, date: string) {
  return { ...validEntries['good-deed'], id: uuidv7(), teamId, memberId, date };
}

/** A commune of two teams: ten households each; East reached 7 (An 5, Bình 2), West 9. */
async function communeDevice() {
  const db = freshDb();
  await db.orgUnit.bulkPut([
    { id: commune.id, parentId: null, kind: 'commune', name: commune.name, settings },
    { id: hamletEast.id, parentId: commune.id, kind: 'hamlet', name: hamletEast.name, settings },
    { id: hamletWest.id, parentId: commune.id, kind: 'hamlet', name: hamletWest.name, settings },
  ]);
  const members = (ids: [string, string][]) => ids.map(([userId, displayName], index) => ({ userId, displayName, position: index === 0 ? 'leader' as const : 'member' as const }));
  await db.team.bulkPut([
    { id: teamId, communeId: commune.id, name: 'Tổ thôn Đông', hamletIds: [hamletEast.id], establishedOn: null, updatedAt: '2026-01-01T00:00:00.000Z',
      members: members([[leaderId, 'Trần Thị Lan'], [anId, 'Nguyễn Văn An'], [binhId, 'Lê Văn Bình']]) },
    { id: otherTeamId, communeId: commune.id, name: 'Tổ thôn Tây', hamletIds: [hamletWest.id], establishedOn: null, updatedAt: '2026-01-01T00:00:00.000Z',
      members: members([[uuidv7(), 'Phạm Thị Tây']]) },
  ]);
  const east = Array.from({ length: 10 }, (_, i) => household(`Hộ Đông ${i}`, hamletEast.id));
  const west = Array.from({ length: 10 }, (_, i) => household(`Hộ Tây ${i}`, hamletWest.id));
  await db.household.bulkPut([...east, ...west]);
  await db.campaignPlan.put(plan);
  await db.fieldLog.bulkPut([
    outreachLog(anId, { date: '2026-03-03', householdIds: east.slice(0, 5).map((h) => h.id) }),
    outreachLog(binhId, { date: '2026-03-04', householdIds: east.slice(5, 7).map((h) => h.id) }),
    outreachLog(uuidv7(), { teamId: otherTeamId, date: '2026-03-05', householdIds: west.slice(0, 9).map((h) => h.id) }),
    goodDeed(anId, '2026-03-02'),
    goodDeed(anId, '2026-02-27'),
  ]);
  return db;
}

describe('progress screen', () => {
  it('moves a member\'s month the moment an entry is saved on the phone, and counts it as not sent', async () => {
    const db = await communeDevice();
    renderWithDb(db, <ProgressScreen profile={person(anId, 'member', 'Nguyễn Văn An')} params={{}} today={today} />);

    const month = await screen.findByRole('region', { name: 'Tháng 03/2026 của tôi' });
    const bar = within(month).getByRole('progressbar', { name: 'Việc tốt' });
    expect(bar).toHaveAttribute('aria-valuetext', '1 · Mục tiêu ≥ 2');
    expect(within(month).getByText('Số nhật ký “Việc tốt” trong kỳ (không tính nhật ký bị trả lại).')).toBeInTheDocument();
    expect(await screen.findByText('Nhật ký trên máy này chưa gửi: 0')).toBeInTheDocument();

    await putRecord(db, 'fieldLog', goodDeed(anId, '2026-03-19'));
    await waitFor(() => expect(within(month).getByRole('progressbar', { name: 'Việc tốt' })).toHaveAttribute('aria-valuetext', '2 · Mục tiêu ≥ 2'));
    expect(within(month).getAllByText('Đã đạt').length).toBeGreaterThan(0);
    expect(screen.getByText('Nhật ký trên máy này chưa gửi: 1')).toBeInTheDocument();
    const phase = screen.getByRole('region', { name: 'Đợt 1 của tôi' });
    expect(within(phase).getByRole('progressbar', { name: 'Hộ gia đình được tuyên truyền' })).toHaveAttribute('aria-valuetext', '5/10 (50%) · Mục tiêu ≥ 80%');
  });

  it('shows a leader the team per indicator with each member\'s part, below target marked, and whose phone is behind', async () => {
    const db = await communeDevice();
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    await db.memberSync.bulkPut([
      { userId: leaderId, teamId, lastSyncAt: hoursAgo(1), fetchedAt: hoursAgo(1) },
      { userId: anId, teamId, lastSyncAt: hoursAgo(5), fetchedAt: hoursAgo(1) },
      { userId: binhId, teamId, lastSyncAt: hoursAgo(24 * 10), fetchedAt: hoursAgo(1) },
    ]);
    renderWithDb(db, <ProgressScreen profile={person(leaderId, 'leader', 'Trần Thị Lan')} params={{}} today={today} />);

    const card = await screen.findByRole('article', { name: 'Hộ gia đình được tuyên truyền' });
    expect(within(card).getByText('7/10 (70%) · Mục tiêu ≥ 80%')).toBeInTheDocument();
    const rows = within(within(card).getByRole('table', { name: 'Từng tổ viên' })).getAllByRole('row');
    const rowOf = (name: string) => rows.find((row) => within(row).queryByRole('rowheader', { name }))!;
    expect(within(rowOf('Nguyễn Văn An')).getByRole('cell', { name: '5/10 (50%)' })).toBeInTheDocument();
    expect(within(rowOf('Nguyễn Văn An')).queryByText('⚠ Dưới mục tiêu')).toBeNull();
    expect(within(rowOf('Lê Văn Bình')).getByRole('cell', { name: '2/10 (20%)' })).toBeInTheDocument();
    expect(within(rowOf('Trần Thị Lan')).getByRole('cell', { name: '0/10 (0%)' })).toBeInTheDocument();
    expect(within(rowOf('Trần Thị Lan')).getByText('⚠ Dưới mục tiêu')).toBeInTheDocument();
    expect(rowOf('Trần Thị Lan')).toHaveClass('breakdown--below');
    expect(await screen.findByText(/^Chưa đồng bộ quá 3 ngày, nhật ký của họ có thể chưa được tính: Lê Văn Bình \(máy chủ báo lúc/)).toBeInTheDocument();
  });

  it('puts every team of the commune in one table that sorts by an indicator', async () => {
    const user = userEvent.setup();
    const db = await communeDevice();
    renderWithDb(db, <ProgressScreen profile={profileOf('commune-police', 'Công an xã')} params={{}} today={today} />);

    const table = await screen.findByRole('table', { name: /^Kết quả từng tổ theo chỉ tiêu/ });
    const teamOrder = () => within(table).getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(within(table).getByRole('cell', { name: '7/10 (70%) · Đúng tiến độ' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: '⚠ 1 · Có nguy cơ không đạt' })).toHaveClass('board-table--below');
    expect(within(table).getByRole('cell', { name: /^9\/10 \(90%\) · Đã đạt$/ })).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Sắp xếp theo Hộ gia đình được tuyên truyền' }));
    expect(teamOrder()).toEqual(['Tổ bảo vệ ANTT thôn Đông', 'Tổ bảo vệ ANTT thôn Tây']);
    await user.click(within(table).getByRole('button', { name: 'Sắp xếp theo Hộ gia đình được tuyên truyền' }));
    expect(teamOrder()).toEqual(['Tổ bảo vệ ANTT thôn Tây', 'Tổ bảo vệ ANTT thôn Đông']);
    expect(within(table).getAllByRole('columnheader')[1]).toHaveAttribute('aria-sort', 'descending');
    const whole = screen.getByRole('region', { name: 'Toàn xã theo từng chỉ tiêu' });
    expect(within(whole).getByText('16/20 (80%) · Mục tiêu ≥ 80%')).toBeInTheDocument();
  });
});
