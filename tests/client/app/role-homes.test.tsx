// Each role's home over a real device database, as its user reads it: the member's action first,
// then progress and own entries; the leader's review queue (pending and resubmitted only) and the
// team's entries; commune police's teams with their latest activity; the province's communes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import type { AnttDatabase } from '#src/client/db/database.ts';
import type { Profile } from '#src/shared/domain/account.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import { openAppAs, otherTeamId, outreachLog, profileOf, teamId } from '../features/test-kit.tsx';

const today = dayInVietnam();
const earlierThisYear = `${today.slice(0, 4)}-01-01` < today ? `${today.slice(0, 4)}-01-01` : today;

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn(async () => {
    throw new TypeError('Failed to fetch');
  }));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function openHome(profile: Profile, fill: (db: AnttDatabase) => Promise<unknown> = async () => undefined): Promise<void> {
  await openAppAs(profile, '/', fill);
  await screen.findByRole('heading', { name: 'Trang chủ', level: 1 });
}

async function axeViolations(): Promise<string[]> {
  const results = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false }, 'label-content-name-mismatch': { enabled: false } },
  });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

describe('member home', () => {
  it('puts the main action first, then my progress and my entries', async () => {
    const profile = profileOf('member');
    await openHome(profile, (db) => db.fieldLog.put(outreachLog(profile.user.id, { topic: 'Tố giác tội phạm' })));
    const main = within(screen.getByRole('main'));
    expect(main.getAllByRole('link')[0]).toHaveAccessibleName('Ghi nhật ký mới');
    expect(main.getAllByRole('link')[0]).toHaveAttribute('href', '/nhat-ky/moi');
    expect(await main.findByRole('heading', { name: 'Tiến độ đợt thi đua' })).toBeInTheDocument();
    expect(await main.findByText('Tố giác tội phạm')).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });
});

describe('leader home', () => {
  it('lists the team\'s entries waiting for review, pending or resubmitted, and the team\'s newest entries', async () => {
    const profile = profileOf('leader');
    const member = profileOf('member').user.id;
    await openHome(profile, (db) => db.fieldLog.bulkPut([
      outreachLog(member, { date: '2026-03-01', topic: 'Chờ duyệt lần đầu' }),
      outreachLog(member, { date: '2026-03-02', topic: 'Đã sửa và gửi lại', reviewStatus: 'resubmitted' }),
      outreachLog(member, { date: '2026-03-03', topic: 'Đã duyệt rồi', reviewStatus: 'approved' }),
      outreachLog(member, { date: '2026-03-04', topic: 'Bị trả lại', reviewStatus: 'returned' }),
      outreachLog(profile.user.id, { date: '2026-03-05', topic: 'Của tổ trưởng' }),
      outreachLog(member, { date: '2026-03-06', topic: 'Tổ khác', teamId: otherTeamId }),
    ]));

    const queue = within(await screen.findByRole('region', { name: 'Chờ tổ trưởng duyệt' }));
    await waitFor(() => expect(queue.getAllByRole('article')).toHaveLength(3));
    expect(queue.getByText('3 nhật ký đang chờ duyệt')).toBeInTheDocument();
    expect(queue.getAllByRole('link').map((link) => link.getAttribute('aria-label'))).toEqual([
      'Tuyên truyền ngày 05/03/2026: Của tổ trưởng',
      'Tuyên truyền ngày 02/03/2026: Đã sửa và gửi lại',
      'Tuyên truyền ngày 01/03/2026: Chờ duyệt lần đầu',
    ]);
    expect(queue.getByText('Đã gửi lại')).toBeInTheDocument();

    const team = within(screen.getByRole('region', { name: 'Nhật ký của Tổ bảo vệ ANTT thôn Đông' }));
    await waitFor(() => expect(team.getAllByRole('article')).toHaveLength(5));
    expect(team.queryByText('Tổ khác')).toBeNull();
    expect(team.getByText('Tuyên truyền · của tôi')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ghi nhật ký mới' })).toHaveAttribute('href', '/nhat-ky/moi');
    expect(await axeViolations()).toEqual([]);
  });

  it('says so when nothing waits for review', async () => {
    await openHome(profileOf('leader'));
    expect(await screen.findByText('Không có nhật ký nào chờ duyệt.')).toBeInTheDocument();
    expect(await screen.findByText('Tổ chưa có nhật ký nào trên máy này.')).toBeInTheDocument();
  });
});

describe('commune police home', () => {
  it('lists the commune\'s teams with their latest entry and this month\'s count, and offers no entry form', async () => {
    const member = profileOf('member').user.id;
    await openHome(profileOf('commune-police'), (db) => db.fieldLog.bulkPut([
      outreachLog(member, { date: earlierThisYear, topic: 'Cũ hơn' }),
      outreachLog(member, { date: today, topic: 'Mới nhất' }),
      outreachLog(member, { date: '2020-05-01', topic: 'Năm xưa' }),
    ]));
    const east = within((await screen.findByRole('heading', { name: 'Tổ bảo vệ ANTT thôn Đông' })).closest('li')!);
    const thisMonth = earlierThisYear.slice(0, 7) === today.slice(0, 7) ? 2 : 1;
    expect(await east.findByText(`Tháng này: ${thisMonth} nhật ký`)).toBeInTheDocument();
    const [y, m, d] = today.split('-');
    expect(east.getByRole('link', { name: `Nhật ký gần nhất của Tổ bảo vệ ANTT thôn Đông: Tuyên truyền, ${d}/${m}/${y}` }))
      .toHaveAttribute('href', expect.stringMatching(/^\/nhat-ky\//));

    const west = within(screen.getByRole('heading', { name: 'Tổ bảo vệ ANTT thôn Tây' }).closest('li')!);
    expect(await west.findByText('Chưa có nhật ký nào trên máy.')).toBeInTheDocument();
    expect(west.getByText('Tháng này: 0 nhật ký')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Ghi nhật ký/ })).toBeNull();
    expect(await axeViolations()).toEqual([]);
  });

  it('asks for a new login when the stored session predates team lists', async () => {
    const profile = profileOf('commune-police');
    delete profile.teams;
    await openHome(profile);
    expect(await screen.findByText('Máy chưa có danh sách tổ. Hãy đăng nhập lại khi có mạng để cập nhật.')).toBeInTheDocument();
  });
});

describe('province home', () => {
  it('lists the province\'s communes with their teams and this month\'s entries', async () => {
    const member = profileOf('member').user.id;
    await openHome(profileOf('province-admin'), (db) => db.fieldLog.bulkPut([
      outreachLog(member, { date: today }),
      outreachLog(member, { date: today, teamId: otherTeamId }),
      outreachLog(member, { date: '2020-05-01', teamId }),
    ]));
    expect(await screen.findByRole('heading', { name: 'Các xã của Tỉnh Đồng Nai' })).toBeInTheDocument();
    const tanLap = within(screen.getByRole('heading', { name: 'Xã Tân Lập' }).closest('li')!);
    expect(await tanLap.findByText('2 tổ · Tháng này: 2 nhật ký')).toBeInTheDocument();
    const [y, m, d] = today.split('-');
    expect(tanLap.getByText(`Nhật ký gần nhất: ngày ${d}/${m}/${y}`)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Ghi nhật ký/ })).toBeNull();
    expect(await axeViolations()).toEqual([]);
  });
});
